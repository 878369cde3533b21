/* error.c — the error pages: for each HTTP status a heading that names the
 * problem, a sentence that says what to do next, the status code for anyone
 * reporting it, and a link home. */
#include "views/layout.h"

struct error_text {
	int status;
	enum msg title, text;
};

static const struct error_text error_texts[] = {
	{ 400, MSG_ERR_400_TITLE, MSG_ERR_400_TEXT },
	{ 403, MSG_ERR_403_TITLE, MSG_ERR_403_TEXT },
	{ 404, MSG_ERR_404_TITLE, MSG_ERR_404_TEXT },
	{ 405, MSG_ERR_405_TITLE, MSG_ERR_405_TEXT },
	{ 413, MSG_ERR_413_TITLE, MSG_ERR_413_TEXT },
	{ 429, MSG_ERR_429_TITLE, MSG_ERR_429_TEXT },
	{ 500, MSG_ERR_500_TITLE, MSG_ERR_500_TEXT },
	{ 503, MSG_ERR_503_TITLE, MSG_ERR_503_TEXT },
};

static const struct error_text *error_text(int status)
{
	int fallback = status >= 400 && status < 500 ? 400 : 500;
	const struct error_text *found = NULL;
	for (size_t i = 0; i < sizeof error_texts / sizeof error_texts[0]; i++) {
		if (error_texts[i].status == status)
			return &error_texts[i];
		if (error_texts[i].status == fallback)
			found = &error_texts[i];
	}
	return found;
}

void v_error_page(struct html *h, const struct page_meta *pm, int status)
{
	const struct error_text *t = error_text(status);
	struct page_meta m = *pm;
	m.title = msg(h->lang, t->title);
	layout_begin(h, &m);
	HTML_LIT(h, "<h1 class=\"ds-heading\" data-size=\"lg\">");
	html_msg(h, t->title);
	HTML_LIT(h, "</h1>\n<p class=\"ds-paragraph\">");
	html_msg(h, t->text);
	HTML_LIT(h, "</p>\n<p class=\"ds-paragraph error-code\">");
	html_msgf(h, MSG_ERR_CODE, status);
	HTML_LIT(h, "</p>\n<p class=\"ds-paragraph\"><a class=\"ds-link\" href=\"/\">");
	html_msg(h, MSG_ERR_GO_HOME);
	HTML_LIT(h, "</a></p>\n");
	layout_end(h, &m);
}
