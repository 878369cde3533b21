/* dashboard.c — the indicator dashboard on the home page. The chart is an
 * SVG of horizontal bars, each labelled in text with its indicator and its
 * numbers, so it reads without colour; it is marked as an image whose
 * description points to the table that follows with the same numbers (the
 * table is the accessible alternative, and what screen readers use). The
 * rows by subtree are bounded (a page at most), whatever the organisation's
 * size: every unit's row is on the full list's pages. */
#include "views/dashboard.h"

#include "base/arena.h"
#include "views/dashboard_phase2.h"
#include "views/ind_cells.h"

enum { BAR_X = 8, BAR_W = 384, ROW_H = 56, CHART_W = 400 };

static void bar(struct html *h, int row, enum msg label, const struct ind_ratio *r)
{
	int y = row * ROW_H;
	HTML_LIT(h, "<text font-size=\"14\" fill=\"#1e1e1e\"");
	HTML_ATTR_INT(h, "x", BAR_X);
	HTML_ATTR_INT(h, "y", y + 18);
	HTML_LIT(h, ">");
	html_msg(h, label);
	HTML_LIT(h, ": ");
	v_ind_count(h, r);
	HTML_LIT(h, " (");
	v_ind_percent(h, r);
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

static void total_table(struct html *h, const struct v_dashboard *d)
{
	HTML_LIT(h, "<table class=\"ds-table\" id=\"dash-table\"><caption>");
	html_msg(h, MSG_DASH_TABLE_CAPTION);
	HTML_LIT(h, " – ");
	html_msg(h, d->org_wide ? MSG_DASH_ORG : MSG_DASH_MINE);
	HTML_LIT(h, "</caption><thead><tr>");
	v_ind_th_col(h, MSG_DASH_COL_INDICATOR);
	v_ind_th_col(h, MSG_DASH_COL_COUNT);
	v_ind_th_col(h, MSG_DASH_COL_PERCENT);
	HTML_LIT(h, "</tr></thead><tbody><tr><th scope=\"row\">");
	html_msg(h, MSG_DASH_LEADERS_PREPARED);
	HTML_LIT(h, "</th>");
	v_ind_ratio_cells(h, &d->total.leaders_prepared);
	HTML_LIT(h, "</tr><tr><th scope=\"row\">");
	html_msg(h, MSG_DASH_CONFIRMED_READING);
	HTML_LIT(h, "</th>");
	v_ind_ratio_cells(h, &d->total.employees_confirmed_reading);
	HTML_LIT(h, "</tr></tbody></table>\n");
}

/* The unit's name, a link to its part of the full list (not for the row of
 * a unit's own figures: its list would hold the rows below too). */
static void group_name(struct html *h, int64_t cycle_id, const struct v_dash_unit *u)
{
	if (u->own_only) {
		html_msgf(h, MSG_IND_OWN_ONLY, u->name ? u->name : "");
		return;
	}
	HTML_LIT(h, "<a class=\"ds-link\"");
	HTML_URL(h, "href", url_path(h->b->arena, "/cycles/%lld/indicators?unit=%lld", (long long)cycle_id,
				     (long long)u->unit_id));
	HTML_LIT(h, ">");
	html_text(h, u->name);
	HTML_LIT(h, "</a>");
}

static void units_table(struct html *h, const struct v_dashboard *d)
{
	HTML_LIT(h, "<table class=\"ds-table\" data-zebra=\"true\" id=\"dash-units\"><caption>");
	html_msg(h, MSG_IND_GROUPS_CAPTION);
	HTML_LIT(h, "</caption><thead><tr>");
	v_ind_th_col(h, MSG_PREP_COL_UNIT);
	v_ind_th_col(h, MSG_IND_COL_UNITS);
	v_ind_th_col(h, MSG_DASH_LEADERS_PREPARED);
	v_ind_th_col(h, MSG_DASH_CONFIRMED_READING);
	HTML_LIT(h, "</tr></thead><tbody>\n");
	for (int i = 0; i < d->n; i++) {
		const struct v_dash_unit *u = &d->units[i];
		HTML_LIT(h, "<tr><th scope=\"row\">");
		group_name(h, d->cycle_id, u);
		HTML_LIT(h, "</th>");
		v_ind_td_num(h, u->units);
		v_ind_ratio_cell(h, &u->p.leaders_prepared);
		v_ind_ratio_cell(h, &u->p.employees_confirmed_reading);
		HTML_LIT(h, "</tr>\n");
	}
	HTML_LIT(h, "</tbody></table>\n");
	if (d->more > 0) {
		HTML_LIT(h, "<p class=\"ds-paragraph\">");
		html_msgf(h, MSG_IND_MORE_GROUPS, (long long)d->more);
		HTML_LIT(h, "</p>\n");
	}
}

/* "Alle enheter": the full list of the cycle, with its filters. */
static void all_units_link(struct html *h, int64_t cycle_id)
{
	HTML_LIT(h, "<p class=\"ds-paragraph dash-all\"><a class=\"ds-link\"");
	HTML_URL(h, "href", url_path(h->b->arena, "/cycles/%lld/indicators", (long long)cycle_id));
	HTML_LIT(h, ">");
	html_msg(h, MSG_IND_ALL_UNITS);
	HTML_LIT(h, "</a> – ");
	html_msg(h, MSG_IND_ALL_UNITS_HINT);
	HTML_LIT(h, "</p>\n");
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
	if (d->phase2)
		v_dashboard_phase2(h, d->phase2);
	all_units_link(h, d->cycle_id);
}
