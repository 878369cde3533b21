/* indicator_list.c — the full list of the cycle's indicators per unit. The
 * filter form is a GET form (bookmarkable, no CSRF needed: it changes
 * nothing); its unit select holds the top-level units only, plus the unit
 * shown, so it stays small in a large organisation — deeper units are
 * reached by the links on the names of units with sub-units, and left by
 * the path of links up. Both tables hold the same units in the same order,
 * one page of them. */
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

/* The list's URL for a subtree (0: none), keeping the status filter. */
static const char *list_href(struct arena *a, const struct v_ind_list *m, int64_t unit_id)
{
	const char *status = ind_status_filter_name(m->status);
	if (unit_id && *status)
		return url_path(a, "/cycles/%lld/indicators?unit=%lld&status=%s", (long long)m->cycle_id,
				(long long)unit_id, status);
	if (unit_id)
		return url_path(a, "/cycles/%lld/indicators?unit=%lld", (long long)m->cycle_id, (long long)unit_id);
	if (*status)
		return url_path(a, "/cycles/%lld/indicators?status=%s", (long long)m->cycle_id, status);
	return url_path(a, "/cycles/%lld/indicators", (long long)m->cycle_id);
}

/* A number with Norwegian grouping, as text for a message's %s. */
static const char *num_text(struct arena *a, int64_t v)
{
	struct buf b;
	buf_init(&b, a, 16);
	fmt_int(&b, v);
	return b.err ? "" : buf_str(&b);
}

static void filter_form(struct html *h, const struct v_ind_list *m)
{
	struct arena *a = h->b->arena;
	int cap = m->nchoices + 1;
	struct v_option *units = arena_alloc(a, sizeof *units * (size_t)cap);
	struct v_option *status = arena_alloc(a, sizeof *status * IND_FILTER_COUNT);
	if (!units || !status)
		return;
	int nu = 0;
	bool listed = m->unit_id == 0;
	for (int i = 0; i < m->nchoices; i++) {
		listed = listed || m->choices[i].id == m->unit_id;
		units[nu++] = (struct v_option){ arena_printf(a, "%lld", (long long)m->choices[i].id),
						 m->choices[i].name };
	}
	if (!listed && m->npath > 0)
		units[nu++] = (struct v_option){ arena_printf(a, "%lld", (long long)m->unit_id),
						 m->path[m->npath - 1].name };
	for (int f = 1; f < IND_FILTER_COUNT; f++)
		status[f - 1] = (struct v_option){ ind_status_filter_name((enum ind_status_filter)f),
						   msg(h->lang, FILTER_MSG[f]) };
	HTML_LIT(h, "<form method=\"get\" class=\"ind-filter\"");
	HTML_URL(h, "action", url_path(a, "/cycles/%lld/indicators", (long long)m->cycle_id));
	HTML_LIT(h, "><fieldset class=\"ds-fieldset\"><legend>");
	html_msg(h, MSG_IND_FILTER_LEGEND);
	HTML_LIT(h, "</legend>\n");
	struct v_field fu = {
		.name = "unit", .label = msg(h->lang, MSG_IND_FILTER_UNIT),
		.hint = msg(h->lang, MSG_IND_FILTER_UNIT_HINT),
		.value = m->unit_id ? arena_printf(a, "%lld", (long long)m->unit_id) : "",
	};
	v_select(h, &fu, units, nu, msg(h->lang, m->org_wide ? MSG_IND_FILTER_EVERY_UNIT : MSG_IND_FILTER_YOUR_UNITS));
	struct v_field fs = {
		.name = "status", .label = msg(h->lang, MSG_IND_FILTER_STATUS),
		.value = ind_status_filter_name(m->status),
	};
	v_select(h, &fs, status, IND_FILTER_COUNT - 1, msg(h->lang, MSG_IND_FILTER_ALL));
	v_submit(h, MSG_IND_FILTER_SUBMIT, false);
	HTML_LIT(h, "</fieldset></form>\n");
}

/* "Viser: Divisjon › Avdeling" with links up, and the way back to all. */
static void path(struct html *h, const struct v_ind_list *m)
{
	if (!m->unit_id || m->npath == 0)
		return;
	struct arena *a = h->b->arena;
	HTML_LIT(h, "<nav class=\"ind-path\"");
	HTML_ATTR(h, "aria-label", msg(h->lang, MSG_IND_PATH_LABEL));
	HTML_LIT(h, "><p class=\"ds-paragraph\">");
	html_msg(h, MSG_IND_PATH_INTRO);
	HTML_LIT(h, " ");
	for (int i = 0; i < m->npath; i++) {
		if (i > 0)
			HTML_LIT(h, " <span aria-hidden=\"true\">›</span> ");
		if (i == m->npath - 1) {
			HTML_LIT(h, "<strong aria-current=\"location\">");
			html_text(h, m->path[i].name);
			HTML_LIT(h, "</strong>");
		} else {
			HTML_LIT(h, "<a class=\"ds-link\"");
			HTML_URL(h, "href", list_href(a, m, m->path[i].id));
			HTML_LIT(h, ">");
			html_text(h, m->path[i].name);
			HTML_LIT(h, "</a>");
		}
	}
	HTML_LIT(h, " · <a class=\"ds-link\"");
	HTML_URL(h, "href", list_href(a, m, 0));
	HTML_LIT(h, ">");
	html_msg(h, m->org_wide ? MSG_IND_ALL_UNITS : MSG_IND_FILTER_YOUR_UNITS);
	HTML_LIT(h, "</a></p></nav>\n");
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
	filter_form(h, m);
	path(h, m);
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
