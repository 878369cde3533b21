/* pager.h — numbered page links under a long table (views/pager.c): a nav
 * landmark named "Sidenavigasjon" holding "Forrige side", the first page,
 * the pages around the current one, the last page and "Neste side"; the
 * current page is marked aria-current="page" and is not a link, and gaps
 * are shown as "…". Nothing when everything fits on one page. */
#ifndef EVNE_VIEWS_PAGER_H
#define EVNE_VIEWS_PAGER_H

#include "html/html.h"

struct v_pager {
	int page;                  /* 1-based */
	int pages;                 /* at least 1 */
	const char *href;          /* the list's URL with its filters and no page, e.g. "/x?unit=3" */
};

void v_pager(struct html *h, const struct v_pager *p);

#endif
