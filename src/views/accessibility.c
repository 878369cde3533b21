/* accessibility.c — the accessibility statement (tilgjengelighetserklæring)
 * required by forskrift om universell utforming av IKT-løsninger and linked
 * from every page's footer: the standard aimed at, how it is tested, known
 * limitations, where to give feedback and where to complain (Uutilsynet). */
#include "views/layout.h"

static void heading(struct html *h, enum msg m)
{
	HTML_LIT(h, "<h2 class=\"ds-heading\" data-size=\"sm\">");
	html_msg(h, m);
	HTML_LIT(h, "</h2>\n");
}

static void para(struct html *h, enum msg m)
{
	HTML_LIT(h, "<p class=\"ds-paragraph\">");
	html_msg(h, m);
	HTML_LIT(h, "</p>\n");
}

void v_accessibility_page(struct html *h, const struct page_meta *pm)
{
	struct page_meta m = *pm;
	m.title = msg(h->lang, MSG_A11Y_TITLE);
	m.active_nav = NAV_A11Y;
	layout_begin(h, &m);
	HTML_LIT(h, "<div class=\"page-text\">\n<h1 class=\"ds-heading\" data-size=\"lg\">");
	html_msg(h, MSG_A11Y_TITLE);
	HTML_LIT(h, "</h1>\n");
	para(h, MSG_A11Y_INTRO);
	heading(h, MSG_A11Y_TEST_HEADING);
	HTML_LIT(h, "<ul class=\"ds-list\"><li>");
	html_msg(h, MSG_A11Y_TEST_AUTO);
	HTML_LIT(h, "</li><li>");
	html_msg(h, MSG_A11Y_TEST_KEYBOARD);
	HTML_LIT(h, "</li><li>");
	html_msg(h, MSG_A11Y_TEST_HTML);
	HTML_LIT(h, "</li></ul>\n");
	heading(h, MSG_A11Y_LIMITS_HEADING);
	para(h, MSG_A11Y_LIMITS_TEXT);
	heading(h, MSG_A11Y_FEEDBACK_HEADING);
	para(h, MSG_A11Y_FEEDBACK_TEXT);
	heading(h, MSG_A11Y_COMPLAINT_HEADING);
	para(h, MSG_A11Y_COMPLAINT_TEXT);
	HTML_LIT(h, "<p class=\"ds-paragraph\"><a class=\"ds-link\" href=\"https://www.uutilsynet.no/\">");
	html_msg(h, MSG_A11Y_COMPLAINT_LINK);
	HTML_LIT(h, "</a></p>\n</div>\n");
	layout_end(h, &m);
}
