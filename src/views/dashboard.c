/* dashboard.c — the indicator dashboard on the home page. The chart is an
 * SVG of horizontal bars, each labelled in text with its indicator and its
 * numbers, so it reads without colour; it is marked as an image whose
 * description points to the table that follows with the same numbers (the
 * table is the accessible alternative, and what screen readers use). */
#include "views/dashboard.h"

#include "base/arena.h"

enum { BAR_X = 8, BAR_W = 384, ROW_H = 56, CHART_W = 400 };

/* "1 av 12" */
static void count_text(struct html *h, const struct ind_ratio *r)
{
	html_msgf(h, MSG_PREP_X_OF_N, (long long)r->count, (long long)r->total);
}

/* "8 %", or "–" for 0 of 0 */
static void percent_text(struct html *h, const struct ind_ratio *r)
{
	if (r->percent < 0)
		html_msg(h, MSG_DASH_NO_PERCENT);
	else
		html_msgf(h, MSG_DASH_PERCENT, r->percent);
}

static void bar(struct html *h, int row, enum msg label, const struct ind_ratio *r)
{
	int y = row * ROW_H;
	HTML_LIT(h, "<text font-size=\"14\" fill=\"#1e1e1e\"");
	HTML_ATTR_INT(h, "x", BAR_X);
	HTML_ATTR_INT(h, "y", y + 18);
	HTML_LIT(h, ">");
	html_msg(h, label);
	HTML_LIT(h, ": ");
	count_text(h, r);
	HTML_LIT(h, " (");
	percent_text(h, r);
	HTML_LIT(h, ")</text><rect height=\"18\" fill=\"#ffffff\" stroke=\"#1e1e1e\"");
	HTML_ATTR_INT(h, "x", BAR_X);
	HTML_ATTR_INT(h, "y", y + 26);
	HTML_ATTR_INT(h, "width", BAR_W);
	HTML_LIT(h, "/>");
	int len = ind_bar_length(r, BAR_W);
	if (len > 0) {
		HTML_LIT(h, "<rect height=\"18\" fill=\"#0062ba\"");
		HTML_ATTR_INT(h, "x", BAR_X);
		HTML_ATTR_INT(h, "y", y + 26);
		HTML_ATTR_INT(h, "width", len);
		HTML_LIT(h, "/>");
	}
}

static void ratio_cells(struct html *h, const struct ind_ratio *r)
{
	HTML_LIT(h, "<td>");
	count_text(h, r);
	HTML_LIT(h, "</td><td>");
	percent_text(h, r);
	HTML_LIT(h, "</td>");
}

static void th_col(struct html *h, enum msg m)
{
	HTML_LIT(h, "<th scope=\"col\">");
	html_msg(h, m);
	HTML_LIT(h, "</th>");
}

static void total_table(struct html *h, const struct v_dashboard *d)
{
	HTML_LIT(h, "<table class=\"ds-table\" id=\"dash-table\"><caption>");
	html_msg(h, MSG_DASH_TABLE_CAPTION);
	HTML_LIT(h, " – ");
	html_msg(h, d->org_wide ? MSG_DASH_ORG : MSG_DASH_MINE);
	HTML_LIT(h, "</caption><thead><tr>");
	th_col(h, MSG_DASH_COL_INDICATOR);
	th_col(h, MSG_DASH_COL_COUNT);
	th_col(h, MSG_DASH_COL_PERCENT);
	HTML_LIT(h, "</tr></thead><tbody><tr><th scope=\"row\">");
	html_msg(h, MSG_DASH_LEADERS_PREPARED);
	HTML_LIT(h, "</th>");
	ratio_cells(h, &d->total.leaders_prepared);
	HTML_LIT(h, "</tr><tr><th scope=\"row\">");
	html_msg(h, MSG_DASH_CONFIRMED_READING);
	HTML_LIT(h, "</th>");
	ratio_cells(h, &d->total.employees_confirmed_reading);
	HTML_LIT(h, "</tr></tbody></table>\n");
}

static void units_table(struct html *h, const struct v_dashboard *d)
{
	HTML_LIT(h, "<table class=\"ds-table\" data-zebra=\"true\"><caption>");
	html_msg(h, MSG_DASH_UNITS_CAPTION);
	HTML_LIT(h, "</caption><thead><tr>");
	th_col(h, MSG_PREP_COL_UNIT);
	th_col(h, MSG_DASH_LEADERS_PREPARED);
	th_col(h, MSG_DASH_CONFIRMED_READING);
	HTML_LIT(h, "<th scope=\"col\">");
	html_msg(h, MSG_DASH_COL_PERCENT);
	HTML_LIT(h, "</th></tr></thead><tbody>\n");
	for (int i = 0; i < d->n; i++) {
		const struct v_dash_unit *u = &d->units[i];
		HTML_LIT(h, "<tr><th scope=\"row\">");
		html_text(h, u->name);
		HTML_LIT(h, "</th><td>");
		count_text(h, &u->p.leaders_prepared);
		HTML_LIT(h, "</td>");
		ratio_cells(h, &u->p.employees_confirmed_reading);
		HTML_LIT(h, "</tr>\n");
	}
	HTML_LIT(h, "</tbody></table>\n");
}

void v_dashboard(struct html *h, const struct v_dashboard *d)
{
	HTML_LIT(h, "<section class=\"dashboard\" aria-labelledby=\"dash-h\">"
		    "<h2 class=\"ds-heading\" data-size=\"sm\" id=\"dash-h\">");
	html_msg(h, MSG_DASH_TITLE);
	HTML_LIT(h, "</h2>\n<p class=\"ds-paragraph\">");
	html_msgf(h, MSG_DASH_CYCLE, d->cycle_name ? d->cycle_name : "");
	HTML_LIT(h, " · ");
	html_msg(h, d->org_wide ? MSG_DASH_ORG : MSG_DASH_MINE);
	HTML_LIT(h, "</p>\n<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" class=\"dash-chart\""
		    " aria-labelledby=\"dash-svg-title\" aria-describedby=\"dash-table\"");
	HTML_ATTR(h, "viewBox", arena_printf(h->b->arena, "0 0 %d %d", CHART_W, 2 * ROW_H));
	HTML_ATTR_INT(h, "width", CHART_W);
	HTML_ATTR_INT(h, "height", 2 * ROW_H);
	HTML_LIT(h, "><title id=\"dash-svg-title\">");
	html_msg(h, MSG_DASH_CHART_LABEL);
	HTML_LIT(h, "</title>");
	bar(h, 0, MSG_DASH_LEADERS_PREPARED, &d->total.leaders_prepared);
	bar(h, 1, MSG_DASH_CONFIRMED_READING, &d->total.employees_confirmed_reading);
	HTML_LIT(h, "</svg>\n");
	total_table(h, d);
	if (d->n > 0)
		units_table(h, d);
	if (d->can_prepare) {
		HTML_LIT(h, "<p><a class=\"ds-link\"");
		HTML_URL(h, "href", url_path(h->b->arena, "/cycles/%lld/prepare", (long long)d->cycle_id));
		HTML_LIT(h, ">");
		html_msg(h, MSG_DASH_PREPARE_LINK);
		HTML_LIT(h, "</a></p>\n");
	}
	HTML_LIT(h, "</section>\n");
}
