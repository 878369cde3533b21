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
		v_ind_unit_link(h, d->cycle_id, u->unit_id, u->name, u->own_only);
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
	HTML_LIT(h, "</p>\n");
	v_ind_chart_begin(h, "dash-svg", MSG_DASH_CHART_LABEL, "dash-table", 2);
	v_ind_bar(h, 0, MSG_DASH_LEADERS_PREPARED, &d->total.leaders_prepared, false);
	v_ind_bar(h, 1, MSG_DASH_CONFIRMED_READING, &d->total.employees_confirmed_reading, false);
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
