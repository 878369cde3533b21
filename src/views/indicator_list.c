/* indicator_list.c — the full list of the cycle's indicators per unit. The
 * filters are the shared form and trail (views/unit_filter.h); deeper units
 * are reached by the links on the names of units with sub-units. Both
 * tables hold the same units in the same order, one page of them. */
#include "views/indicator_list.h"

#include "base/arena.h"
#include "base/buf.h"
#include "i18n/i18n.h"
#include "views/form.h"
#include "views/ind_cells.h"

static const enum msg FILTER_MSG[IND_FILTER_COUNT] = {
	[IND_FILTER_ALL] = MSG_IND_FILTER_ALL,
	[IND_FILTER_NOT_PREPARED] = MSG_IND_FILTER_NOT_PREPARED,
	[IND_FILTER_READING_OPEN] = MSG_IND_FILTER_READING_OPEN,
	[IND_FILTER_NOT_SUBMITTED] = MSG_IND_FILTER_NOT_SUBMITTED,
	[IND_FILTER_RETURNED] = MSG_IND_FILTER_RETURNED,
	[IND_FILTER_SUBMITTED] = MSG_IND_FILTER_SUBMITTED,
};

static void para(struct html *h, enum msg m)
{
	HTML_LIT(h, "<p class=\"ds-paragraph\">");
	html_msg(h, m);
	HTML_LIT(h, "</p>\n");
}

static const char *list_base(struct arena *a, const struct v_ind_list *m)
{
	return url_path(a, "/cycles/%lld/indicators", (long long)m->cycle_id);
}

/* The list's URL for a subtree (0: none), keeping the status filter. */
static const char *list_href(struct arena *a, const struct v_ind_list *m, int64_t unit_id)
{
	return v_unit_filter_href(a, list_base(a, m), unit_id, ind_status_filter_name(m->status));
}

/* A number with Norwegian grouping, as text for a message's %s. */
static const char *num_text(struct arena *a, int64_t v)
{
	struct buf b;
	buf_init(&b, a, 16);
	fmt_int(&b, v);
	return b.err ? "" : buf_str(&b);
}

/* The shared filters (views/unit_filter.h) with this list's statuses. */
static void filters(struct html *h, const struct v_ind_list *m)
{
	struct arena *a = h->b->arena;
	struct v_option *status = arena_alloc(a, sizeof *status * IND_FILTER_COUNT);
	if (!status)
		return;
	for (int f = 1; f < IND_FILTER_COUNT; f++)
		status[f - 1] = (struct v_option){ ind_status_filter_name((enum ind_status_filter)f),
						   msg(h->lang, FILTER_MSG[f]) };
	struct v_unit_filter uf = {
		.base = list_base(a, m), .org_wide = m->org_wide, .unit_id = m->unit_id, .path = m->path,
		.npath = m->npath, .choices = m->choices, .nchoices = m->nchoices,
		.status = ind_status_filter_name(m->status), .statuses = status, .nstatuses = IND_FILTER_COUNT - 1,
	};
	v_unit_filter_form(h, &uf);
	v_unit_trail(h, &uf);
}

/* The unit's name; a link to its subtree when it has sub-units. */
static void name_cell(struct html *h, const struct v_ind_list *m, const struct v_ind_list_row *r, bool link)
{
	HTML_LIT(h, "<th scope=\"row\">");
	if (link && r->has_children && r->unit_id != m->unit_id) {
		HTML_LIT(h, "<a class=\"ds-link\"");
		HTML_URL(h, "href", list_href(h->b->arena, m, r->unit_id));
		HTML_LIT(h, ">");
		html_text(h, r->name);
		HTML_LIT(h, "</a>");
	} else {
		html_text(h, r->name);
	}
	if (r->code && *r->code) {
		HTML_LIT(h, " <span class=\"ind-code\">(");
		html_text(h, r->code);
		HTML_LIT(h, ")</span>");
	}
	HTML_LIT(h, "</th>");
}

static void phase1_table(struct html *h, const struct v_ind_list *m)
{
	HTML_LIT(h, "<table class=\"ds-table\" data-zebra=\"true\" id=\"ind-p1\"><caption>");
	html_msg(h, MSG_IND_LIST_P1_CAPTION);
	HTML_LIT(h, "</caption><thead><tr>");
	v_ind_th_col(h, MSG_PREP_COL_UNIT);
	if (m->show_leaders)
		v_ind_th_col(h, MSG_PREP_COL_LEADER);
	v_ind_th_col(h, MSG_PREP_COL_CHECKLIST);
	v_ind_th_col(h, MSG_IND_COL_PREPARED);
	v_ind_th_col(h, MSG_DASH_CONFIRMED_READING);
	HTML_LIT(h, "</tr></thead><tbody>\n");
	for (int i = 0; i < m->n; i++) {
		const struct v_ind_list_row *r = &m->rows[i];
		HTML_LIT(h, "<tr>");
		name_cell(h, m, r, true);
		if (m->show_leaders) {
			HTML_LIT(h, "<td>");
			if (r->leader_name)
				html_text(h, r->leader_name);
			else
				html_msg(h, MSG_PREP_NO_LEADER);
			HTML_LIT(h, "</td>");
		}
		HTML_LIT(h, "<td>");
		if (r->has_leader)
			html_msgf(h, MSG_PREP_X_OF_N, (long long)r->steps_ticked, (long long)m->nsteps);
		else
			html_msg(h, MSG_PREP_NO_LEADER);
		HTML_LIT(h, "</td><td>");
		if (!r->has_leader)
			html_msg(h, MSG_DASH_NO_PERCENT);
		else
			html_msg(h, r->p1.leaders_prepared.count > 0 ? MSG_YES : MSG_NO);
		HTML_LIT(h, "</td>");
		v_ind_ratio_cell(h, &r->p1.employees_confirmed_reading);
		HTML_LIT(h, "</tr>\n");
	}
	HTML_LIT(h, "</tbody></table>\n");
}

static void phase2_table(struct html *h, const struct v_ind_list *m)
{
	HTML_LIT(h, "<table class=\"ds-table\" data-zebra=\"true\" id=\"ind-p2\"><caption>");
	html_msg(h, MSG_IND_LIST_P2_CAPTION);
	HTML_LIT(h, "</caption><thead><tr>");
	v_ind_th_col(h, MSG_IND2_COL_UNIT);
	v_ind_th_col(h, MSG_IND2_COL_STATUS);
	v_ind_th_col(h, MSG_IND2_COL_SUBMITTED_ON);
	v_ind_th_col(h, MSG_IND2_COL_NEEDS);
	v_ind_th_col(h, MSG_IND2_COL_MEASURES);
	HTML_LIT(h, "</tr></thead><tbody>\n");
	for (int i = 0; i < m->n; i++) {
		const struct v_ind_list_row *r = &m->rows[i];
		const struct ind_p2_unit *u = r->u2;
		HTML_LIT(h, "<tr>");
		name_cell(h, m, r, false);
		if (!u) {
			HTML_LIT(h, "<td>");
			html_msg(h, MSG_IND2_STATUS_NOT_STARTED);
			HTML_LIT(h, "</td><td>");
			html_msg(h, MSG_IND2_NO_DATE);
			HTML_LIT(h, "</td>");
			v_ind_td_num(h, 0);
			v_ind_td_num(h, 0);
			HTML_LIT(h, "</tr>\n");
			continue;
		}
		HTML_LIT(h, "<td>");
		v_ind_p2_status(h, u);
		HTML_LIT(h, "</td><td>");
		if (u->submitted_at > 0)
			html_date(h, u->submitted_at);
		else
			html_msg(h, MSG_IND2_NO_DATE);
		HTML_LIT(h, "</td>");
		v_ind_td_num(h, u->needs);
		v_ind_td_num(h, ind_p2_unit_measures(u));
		HTML_LIT(h, "</tr>\n");
	}
	HTML_LIT(h, "</tbody></table>\n");
}

void v_indicator_list(struct html *h, const struct v_ind_list *m)
{
	struct arena *a = h->b->arena;
	HTML_LIT(h, "<h1 class=\"ds-heading\" data-size=\"lg\">");
	html_msg(h, MSG_IND_LIST_TITLE);
	HTML_LIT(h, "</h1>\n<p class=\"ds-paragraph\">");
	html_msgf(h, MSG_DASH_CYCLE, m->cycle_name ? m->cycle_name : "");
	HTML_LIT(h, " · ");
	html_msg(h, m->org_wide ? MSG_DASH_ORG : MSG_DASH_MINE);
	HTML_LIT(h, "</p>\n");
	para(h, MSG_IND_LIST_INTRO);
	filters(h, m);
	HTML_LIT(h, "<p class=\"ds-paragraph\" id=\"ind-count\" role=\"status\">");
	if (m->total == 0)
		html_msg(h, MSG_IND_LIST_NONE);
	else
		html_msgf(h, MSG_IND_LIST_SHOWING, num_text(a, m->first), num_text(a, m->first + m->n - 1),
			  num_text(a, m->total));
	HTML_LIT(h, "</p>\n");
	if (m->n == 0)
		return;
	HTML_LIT(h, "<h2 class=\"ds-heading\" data-size=\"sm\">");
	html_msg(h, MSG_DASH_TITLE);
	HTML_LIT(h, "</h2>\n");
	phase1_table(h, m);
	HTML_LIT(h, "<h2 class=\"ds-heading\" data-size=\"sm\">");
	html_msg(h, MSG_IND2_TITLE);
	HTML_LIT(h, "</h2>\n");
	phase2_table(h, m);
	v_pager(h, &m->pager);
}
