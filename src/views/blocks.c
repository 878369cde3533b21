/* blocks.c — headings, paragraphs and link paragraphs in the design
 * system's classes (see blocks.h). */
#include "views/blocks.h"

void v_block_h1(struct html *h, enum msg m)
{
	HTML_LIT(h, "<h1 class=\"ds-heading\" data-size=\"lg\">");
	html_msg(h, m);
	HTML_LIT(h, "</h1>\n");
}

void v_block_h2(struct html *h, enum msg m, const char *id)
{
	HTML_LIT(h, "<h2 class=\"ds-heading\" data-size=\"md\"");
	if (id)
		HTML_ATTR(h, "id", id);
	HTML_LIT(h, ">");
	html_msg(h, m);
	HTML_LIT(h, "</h2>\n");
}

void v_block_h3(struct html *h, enum msg m)
{
	HTML_LIT(h, "<h3 class=\"ds-heading\" data-size=\"sm\">");
	html_msg(h, m);
	HTML_LIT(h, "</h3>\n");
}

void v_block_para(struct html *h, enum msg m)
{
	HTML_LIT(h, "<p class=\"ds-paragraph\">");
	html_msg(h, m);
	HTML_LIT(h, "</p>\n");
}

void v_block_link_p(struct html *h, const char *href, enum msg m)
{
	HTML_LIT(h, "<p><a class=\"ds-link\"");
	HTML_URL(h, "href", href);
	HTML_LIT(h, ">");
	html_msg(h, m);
	HTML_LIT(h, "</a></p>\n");
}
