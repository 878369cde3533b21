/* pager.c — numbered page links. At most nine entries whatever the number
 * of pages: first, last, two either side of the current page, and the
 * previous and next links, so the HTML stays small for any list. */
#include "views/pager.h"

#include <string.h>
#include "base/arena.h"

enum { AROUND = 2 };

/* href with page=n added ("?" or "&" as the URL needs); page 1 is the list's own URL. */
static const char *page_href(struct arena *a, const char *href, int n)
{
	if (n <= 1)
		return href;
	return arena_printf(a, "%s%spage=%d", href, strchr(href, '?') ? "&" : "?", n);
}

static void item_link(struct html *h, const struct v_pager *p, int n, enum msg label, const char *rel)
{
	HTML_LIT(h, "<li><a class=\"ds-link\"");
	HTML_URL(h, "href", page_href(h->b->arena, p->href, n));
	if (rel)
		HTML_ATTR(h, "rel", rel);
	HTML_LIT(h, ">");
	html_msg(h, label);
	HTML_LIT(h, "</a></li>");
}

static void item_number(struct html *h, const struct v_pager *p, int n)
{
	if (n == p->page) {
		HTML_LIT(h, "<li><span aria-current=\"page\">");
		html_msgf(h, MSG_PAGE_N, n);
		HTML_LIT(h, "</span></li>");
		return;
	}
	HTML_LIT(h, "<li><a class=\"ds-link\"");
	HTML_URL(h, "href", page_href(h->b->arena, p->href, n));
	HTML_LIT(h, ">");
	html_msgf(h, MSG_PAGE_N, n);
	HTML_LIT(h, "</a></li>");
}

void v_pager(struct html *h, const struct v_pager *p)
{
	if (p->pages <= 1)
		return;
	HTML_LIT(h, "<nav class=\"pager\"");
	HTML_ATTR(h, "aria-label", msg(h->lang, MSG_PAGINATION_LABEL));
	HTML_LIT(h, "><ul>");
	if (p->page > 1)
		item_link(h, p, p->page - 1, MSG_PAGE_PREV, "prev");
	int from = p->page - AROUND > 1 ? p->page - AROUND : 1;
	int to = p->page + AROUND < p->pages ? p->page + AROUND : p->pages;
	if (from > 1)
		item_number(h, p, 1);
	if (from > 2)
		HTML_LIT(h, "<li aria-hidden=\"true\">…</li>");
	for (int n = from; n <= to; n++)
		item_number(h, p, n);
	if (to < p->pages - 1)
		HTML_LIT(h, "<li aria-hidden=\"true\">…</li>");
	if (to < p->pages)
		item_number(h, p, p->pages);
	if (p->page < p->pages)
		item_link(h, p, p->page + 1, MSG_PAGE_NEXT, "next");
	HTML_LIT(h, "</ul></nav>\n");
}
