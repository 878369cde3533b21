/* dashboard_phase2.c — the phase-2 section of the dashboard. As in phase 1
 * (views/dashboard.c) each chart is an SVG of horizontal bars labelled in
 * text with their numbers, marked as an image described by the table that
 * follows with the same numbers. A goal no need serves is flagged with a
 * warning sign and the words "Ikke dekket", never by colour alone. Measure
 * bars show each type's share of all proposed measures, so they add up.
 * The rows by subtree are bounded like phase 1's. */
#include "views/dashboard_phase2.h"

#include "base/arena.h"
#include "views/ind_cells.h"


static const enum msg KIND_MSG[MEASURE_KIND_COUNT] = {
	[MEASURE_ACQUIRE] = MSG_IND2_KIND_ACQUIRE,
	[MEASURE_DEVELOP] = MSG_IND2_KIND_DEVELOP,
	[MEASURE_MOBILISE] = MSG_IND2_KIND_MOBILISE,
	[MEASURE_PHASE_OUT] = MSG_IND2_KIND_PHASE_OUT,
};

static void ratio_row(struct html *h, enum msg label, const struct ind_ratio *r)
{
	HTML_LIT(h, "<tr><th scope=\"row\">");
	html_msg(h, label);
	HTML_LIT(h, "</th><td>");
	v_ind_count(h, r);
	HTML_LIT(h, "</td><td>");
	v_ind_percent(h, r);
	HTML_LIT(h, "</td></tr>");
}

static void para_msgf(struct html *h, enum msg m, int64_t n)
{
	HTML_LIT(h, "<p class=\"ds-paragraph\">");
	html_msgf(h, m, (long long)n);
	HTML_LIT(h, "</p>\n");
}

/* The headline: units submitted, goals covered (proposed, decided). */
static void summary(struct html *h, const struct v_dashboard_p2 *d)
{
	const struct ind_phase2 *t = d->total;
	bool decided = d->with_decided && t->decided;
	v_ind_chart_begin(h, "dash2-svg", MSG_IND2_CHART_LABEL, "dash2-table", decided ? 3 : 2);
	v_ind_bar(h, 0, MSG_IND2_UNITS_SUBMITTED, &t->units_submitted, false);
	v_ind_bar(h, 1, MSG_IND2_GOALS_COVERED, &t->goals_covered, false);
	if (decided)
		v_ind_bar(h, 2, MSG_IND2_GOALS_COVERED_DECIDED, &t->decided_goals_covered, false);
	HTML_LIT(h, "</svg>\n<table class=\"ds-table\" id=\"dash2-table\"><caption>");
	html_msg(h, MSG_IND2_TABLE_CAPTION);
	HTML_LIT(h, " – ");
	html_msg(h, d->org_wide ? MSG_DASH_ORG : MSG_DASH_MINE);
	HTML_LIT(h, "</caption><thead><tr>");
	v_ind_th_col(h, MSG_DASH_COL_INDICATOR);
	v_ind_th_col(h, MSG_DASH_COL_COUNT);
	v_ind_th_col(h, MSG_DASH_COL_PERCENT);
	HTML_LIT(h, "</tr></thead><tbody>");
	ratio_row(h, MSG_IND2_UNITS_SUBMITTED, &t->units_submitted);
	ratio_row(h, MSG_IND2_GOALS_COVERED, &t->goals_covered);
	if (decided)
		ratio_row(h, MSG_IND2_GOALS_COVERED_DECIDED, &t->decided_goals_covered);
	HTML_LIT(h, "</tbody></table>\n");
	if (t->units_submitted_unexpected > 0)
		para_msgf(h, MSG_IND2_UNEXPECTED, t->units_submitted_unexpected);
}

/* The warning sign is decoration: the words carry the meaning. */
static void flag(struct html *h, enum msg words)
{
	HTML_LIT(h, "<strong><span aria-hidden=\"true\">⚠ </span>");
	html_msg(h, words);
	HTML_LIT(h, "</strong>");
}

static void goals(struct html *h, const struct v_dashboard_p2 *d)
{
	const struct ind_phase2 *t = d->total;
	bool decided = d->with_decided && t->decided;
	HTML_LIT(h, "<h3 class=\"ds-heading\" data-size=\"xs\">");
	html_msg(h, MSG_IND2_GOALS_TITLE);
	HTML_LIT(h, "</h3>\n");
	if (d->ngoals == 0) {
		HTML_LIT(h, "<p class=\"ds-paragraph\">");
		html_msg(h, MSG_IND2_NO_GOALS);
		HTML_LIT(h, "</p>\n");
	} else {
		HTML_LIT(h, "<table class=\"ds-table\" data-zebra=\"true\" id=\"dash2-goals\"><caption>");
		html_msg(h, MSG_IND2_GOALS_CAPTION);
		HTML_LIT(h, "</caption><thead><tr>");
		v_ind_th_col(h, MSG_IND2_COL_GOAL);
		v_ind_th_col(h, MSG_IND2_COL_PROPOSED_NEEDS);
		v_ind_th_col(h, MSG_IND2_COL_UNITS_PROPOSING);
		if (decided)
			v_ind_th_col(h, MSG_IND2_COL_DECIDED_NEEDS);
		v_ind_th_col(h, MSG_IND2_COL_COVERAGE);
		HTML_LIT(h, "</tr></thead><tbody>\n");
		for (int i = 0; i < d->ngoals; i++) {
			const struct ind_p2_goal *g = &d->goals[i];
			HTML_LIT(h, "<tr><th scope=\"row\">");
			html_text(h, g->code);
			HTML_LIT(h, " ");
			html_text(h, g->title);
			HTML_LIT(h, "</th>");
			v_ind_td_num(h, g->proposed);
			v_ind_td_num(h, g->units);
			if (decided)
				v_ind_td_num(h, g->decided);
			HTML_LIT(h, "<td>");
			if (ind_p2_goal_uncovered(g))
				flag(h, MSG_IND2_UNCOVERED);
			else
				html_msg(h, MSG_IND2_COVERED);
			if (ind_p2_goal_decided_uncovered(t, g) && decided) {
				HTML_LIT(h, "<br>");
				flag(h, MSG_IND2_DECIDED_UNCOVERED);
			}
			HTML_LIT(h, "</td></tr>\n");
		}
		HTML_LIT(h, "</tbody><tfoot><tr><th scope=\"row\">");
		html_msg(h, MSG_IND2_TOTAL);
		HTML_LIT(h, "</th>");
		v_ind_td_num(h, t->proposed_needs);
		HTML_LIT(h, "<td></td>");
		if (decided)
			v_ind_td_num(h, t->decided_needs);
		HTML_LIT(h, "<td>");
		v_ind_count(h, &t->goals_covered);
		HTML_LIT(h, "</td></tr></tfoot></table>\n");
	}
	if (t->proposed_needs_without_goal > 0)
		para_msgf(h, MSG_IND2_NEEDS_WITHOUT_GOAL, t->proposed_needs_without_goal);
	if (decided && t->decided_needs_without_goal > 0)
		para_msgf(h, MSG_IND2_DECIDED_WITHOUT_GOAL, t->decided_needs_without_goal);
}

static void measures(struct html *h, const struct v_dashboard_p2 *d)
{
	const struct ind_phase2 *t = d->total;
	bool decided = d->with_decided && t->decided;
	HTML_LIT(h, "<h3 class=\"ds-heading\" data-size=\"xs\">");
	html_msg(h, MSG_IND2_MEASURES_TITLE);
	HTML_LIT(h, "</h3>\n");
	v_ind_chart_begin(h, "dash2-measures-svg", MSG_IND2_MEASURES_CHART_LABEL, "dash2-measures", MEASURE_KIND_COUNT);
	for (int k = 0; k < MEASURE_KIND_COUNT; k++) {
		struct ind_ratio r = ind_ratio_of(t->proposed_measures[k], t->proposed_measures_total);
		v_ind_bar(h, k, KIND_MSG[k], &r, true);
	}
	HTML_LIT(h, "</svg>\n<table class=\"ds-table\" id=\"dash2-measures\"><caption>");
	html_msg(h, MSG_IND2_MEASURES_CAPTION);
	HTML_LIT(h, "</caption><thead><tr>");
	v_ind_th_col(h, MSG_IND2_COL_TYPE);
	v_ind_th_col(h, MSG_IND2_COL_PROPOSED);
	v_ind_th_col(h, MSG_IND2_COL_SHARE);
	if (decided) {
		v_ind_th_col(h, MSG_IND2_COL_DECIDED);
		v_ind_th_col(h, MSG_IND2_COL_OVERARCHING);
		v_ind_th_col(h, MSG_IND2_COL_LOCAL);
	}
	HTML_LIT(h, "</tr></thead><tbody>\n");
	for (int k = 0; k < MEASURE_KIND_COUNT; k++) {
		struct ind_ratio r = ind_ratio_of(t->proposed_measures[k], t->proposed_measures_total);
		HTML_LIT(h, "<tr><th scope=\"row\">");
		html_msg(h, KIND_MSG[k]);
		HTML_LIT(h, "</th>");
		v_ind_td_num(h, t->proposed_measures[k]);
		HTML_LIT(h, "<td>");
		v_ind_percent(h, &r);
		HTML_LIT(h, "</td>");
		if (decided) {
			v_ind_td_num(h, t->decided_measures[k]);
			v_ind_td_num(h, t->decided_measures_scope[k][MEASURE_SCOPE_OVERARCHING]);
			v_ind_td_num(h, t->decided_measures_scope[k][MEASURE_SCOPE_LOCAL]);
		}
		HTML_LIT(h, "</tr>\n");
	}
	HTML_LIT(h, "</tbody><tfoot><tr><th scope=\"row\">");
	html_msg(h, MSG_IND2_ALL_TYPES);
	HTML_LIT(h, "</th>");
	v_ind_td_num(h, t->proposed_measures_total);
	HTML_LIT(h, "<td></td>");
	if (decided) {
		int64_t over = 0, local = 0;
		for (int k = 0; k < MEASURE_KIND_COUNT; k++) {
			over += t->decided_measures_scope[k][MEASURE_SCOPE_OVERARCHING];
			local += t->decided_measures_scope[k][MEASURE_SCOPE_LOCAL];
		}
		v_ind_td_num(h, t->decided_measures_total);
		v_ind_td_num(h, over);
		v_ind_td_num(h, local);
	}
	HTML_LIT(h, "</tr></tfoot></table>\n");
	if (decided) {
		static const enum msg state[DECISION_STATUS_COUNT] = {
			[DECISION_COMPILING] = MSG_IND2_DECISION_COMPILING,
			[DECISION_AWAITING_APPROVAL] = MSG_IND2_DECISION_AWAITING,
			[DECISION_APPROVED] = MSG_IND2_DECISION_APPROVED,
		};
		enum decision_status s = d->decision < DECISION_STATUS_COUNT ? d->decision : DECISION_COMPILING;
		HTML_LIT(h, "<p class=\"ds-paragraph\">");
		html_msgf(h, MSG_IND2_DECIDED_NOTE, msg(h->lang, state[s]));
		HTML_LIT(h, "</p>\n");
	}
}

/* Expected units not submitted: the number, linked to those units in the
 * full list when there are any (the list HR chases them from). */
static void not_submitted_cell(struct html *h, int64_t cycle_id, const struct v_dash2_group *g)
{
	int64_t open = g->t.units_submitted.total - g->t.units_submitted.count;
	HTML_LIT(h, "<td class=\"num\">");
	if (open > 0 && !g->own_only) {
		HTML_LIT(h, "<a class=\"ds-link\"");
		HTML_URL(h, "href", url_path(h->b->arena, "/cycles/%lld/indicators?unit=%lld&status=not_submitted",
					     (long long)cycle_id, (long long)g->unit_id));
		HTML_LIT(h, ">");
		html_num(h, open);
		HTML_LIT(h, "</a>");
	} else {
		html_num(h, open);
	}
	HTML_LIT(h, "</td>");
}

static void groups_table(struct html *h, const struct v_dashboard_p2 *d)
{
	HTML_LIT(h, "<table class=\"ds-table\" data-zebra=\"true\" id=\"dash2-units\"><caption>");
	html_msg(h, MSG_IND2_GROUPS_CAPTION);
	HTML_LIT(h, "</caption><thead><tr>");
	v_ind_th_col(h, MSG_IND2_COL_UNIT);
	v_ind_th_col(h, MSG_IND_COL_UNITS);
	v_ind_th_col(h, MSG_IND2_UNITS_SUBMITTED);
	v_ind_th_col(h, MSG_IND2_COL_NOT_SUBMITTED);
	v_ind_th_col(h, MSG_IND2_COL_PROPOSED_NEEDS);
	v_ind_th_col(h, MSG_IND2_COL_PROPOSED_MEASURES);
	HTML_LIT(h, "</tr></thead><tbody>\n");
	for (int i = 0; i < d->ngroups; i++) {
		const struct v_dash2_group *g = &d->groups[i];
		HTML_LIT(h, "<tr><th scope=\"row\">");
		v_ind_unit_link(h, d->cycle_id, g->unit_id, g->name, g->own_only);
		HTML_LIT(h, "</th>");
		v_ind_td_num(h, g->units);
		v_ind_ratio_cell(h, &g->t.units_submitted);
		not_submitted_cell(h, d->cycle_id, g);
		v_ind_td_num(h, g->t.proposed_needs);
		v_ind_td_num(h, g->t.proposed_measures_total);
		HTML_LIT(h, "</tr>\n");
	}
	HTML_LIT(h, "</tbody></table>\n");
	if (d->more > 0) {
		HTML_LIT(h, "<p class=\"ds-paragraph\">");
		html_msgf(h, MSG_IND_MORE_GROUPS, (long long)d->more);
		HTML_LIT(h, "</p>\n");
	}
}

void v_dashboard_phase2(struct html *h, const struct v_dashboard_p2 *d)
{
	HTML_LIT(h, "<section class=\"dashboard\" aria-labelledby=\"dash2-h\">"
		    "<h2 class=\"ds-heading\" data-size=\"sm\" id=\"dash2-h\">");
	html_msg(h, MSG_IND2_TITLE);
	HTML_LIT(h, "</h2>\n<p class=\"ds-paragraph\">");
	html_msg(h, d->org_wide ? MSG_DASH_ORG : MSG_DASH_MINE);
	HTML_LIT(h, ". ");
	html_msg(h, MSG_IND2_EXPECTED_NOTE);
	HTML_LIT(h, "</p>\n");
	summary(h, d);
	goals(h, d);
	measures(h, d);
	if (d->ngroups > 0)
		groups_table(h, d);
	HTML_LIT(h, "</section>\n");
}
