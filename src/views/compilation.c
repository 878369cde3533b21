/* compilation.c (views) — the compilation's pages. The overview reads top
 * down as HR works: who has sent what (units side by side), what they
 * asked for (proposed needs grouped by competence, with checkboxes and a
 * GET form that opens the merge), what they suggested doing (proposed
 * measures), and what has been decided so far. Every decided need shows
 * its lineage: the proposals it came from and their units. When the
 * decision is not compiling, or the actor only reads, the same content
 * shows without forms. */
#include "views/compilation.h"

#include <string.h>
#include "base/arena.h"
#include "views/form.h"
#include "views/pager.h"

/* ---- small pieces ---- */

static void h1f(struct html *h, enum msg m, const char *arg)
{
	HTML_LIT(h, "<h1 class=\"ds-heading\" data-size=\"lg\">");
	html_msgf(h, m, arg);
	HTML_LIT(h, "</h1>\n");
}

static void h2(struct html *h, enum msg m, const char *id)
{
	HTML_LIT(h, "<h2 class=\"ds-heading\" data-size=\"md\"");
	if (id)
		HTML_ATTR(h, "id", id);
	HTML_LIT(h, ">");
	html_msg(h, m);
	HTML_LIT(h, "</h2>\n");
}

static void para(struct html *h, enum msg m)
{
	HTML_LIT(h, "<p class=\"ds-paragraph\">");
	html_msg(h, m);
	HTML_LIT(h, "</p>\n");
}

static void link_p(struct html *h, const char *href, enum msg m)
{
	HTML_LIT(h, "<p><a class=\"ds-link\"");
	HTML_URL(h, "href", href);
	HTML_LIT(h, ">");
	html_msg(h, m);
	HTML_LIT(h, "</a></p>\n");
}

static void a_text(struct html *h, const char *href, const char *text)
{
	HTML_LIT(h, "<a class=\"ds-link\"");
	HTML_URL(h, "href", href);
	HTML_LIT(h, ">");
	html_text(h, text);
	HTML_LIT(h, "</a>");
}

static const char *comp_url(struct html *h, int64_t cycle_id)
{
	return url_path(h->b->arena, "/cycles/%lld/compilation", (long long)cycle_id);
}

static const char *need_url(struct html *h, int64_t cycle_id, int64_t id)
{
	return url_path(h->b->arena, "/cycles/%lld/compilation/needs/%lld", (long long)cycle_id,
			(long long)id);
}

static const char *measure_url(struct html *h, int64_t cycle_id, int64_t id)
{
	return url_path(h->b->arena, "/cycles/%lld/compilation/measures/%lld", (long long)cycle_id,
			(long long)id);
}

static void kroner(struct html *h, int64_t v)
{
	if (v < 0) {
		html_msg(h, MSG_CMPL_NOT_GIVEN);
		return;
	}
	struct buf b;
	buf_init(&b, h->b->arena, 32);
	fmt_int(&b, v);
	html_msgf(h, MSG_CMPL_KRONER, buf_str(&b));
}

static void iso_date(struct html *h, const char *iso)
{
	/* "2027-06-30" shown as "30.06.2027" */
	if (!iso || strlen(iso) != 10) {
		html_msg(h, MSG_CMPL_NOT_GIVEN);
		return;
	}
	char d[11] = { iso[8], iso[9], '.', iso[5], iso[6], '.', iso[0], iso[1], iso[2], iso[3], 0 };
	html_text(h, d);
}

/* table[i] for an enum value i in [0, n); fallback for anything else. */
static enum msg pick(const enum msg *table, int n, int i, enum msg fallback)
{
	return i >= 0 && i < n ? table[i] : fallback;
}

enum msg v_comp_crit_msg(enum criticality c)
{
	static const enum msg m[CRITICALITY_COUNT] = {
		[CRIT_LOW] = MSG_CMPL_CRIT_LOW, [CRIT_MEDIUM] = MSG_CMPL_CRIT_MEDIUM,
		[CRIT_HIGH] = MSG_CMPL_CRIT_HIGH, [CRIT_CRITICAL] = MSG_CMPL_CRIT_CRITICAL,
	};
	return pick(m, CRITICALITY_COUNT, (int)c, MSG_CMPL_CRIT_CRITICAL);
}

enum msg v_comp_horizon_msg(enum horizon x)
{
	static const enum msg m[HORIZON_COUNT] = {
		[HORIZON_NEXT_YEAR] = MSG_CMPL_HORIZON_NEXT_YEAR,
		[HORIZON_ONE_TO_THREE_YEARS] = MSG_CMPL_HORIZON_ONE_TO_THREE, [HORIZON_LONGER] = MSG_CMPL_HORIZON_LONGER,
	};
	return pick(m, HORIZON_COUNT, (int)x, MSG_CMPL_HORIZON_LONGER);
}

enum msg v_comp_kind_msg(enum measure_kind k)
{
	static const enum msg m[MEASURE_KIND_COUNT] = {
		[MEASURE_ACQUIRE] = MSG_CMPL_KIND_ACQUIRE, [MEASURE_DEVELOP] = MSG_CMPL_KIND_DEVELOP,
		[MEASURE_MOBILISE] = MSG_CMPL_KIND_MOBILISE, [MEASURE_PHASE_OUT] = MSG_CMPL_KIND_PHASE_OUT,
	};
	return pick(m, MEASURE_KIND_COUNT, (int)k, MSG_CMPL_KIND_PHASE_OUT);
}

enum msg v_comp_status_msg(enum proposal_status s)
{
	static const enum msg m[PROPOSAL_STATUS_COUNT] = {
		[PROPOSAL_DRAFT] = MSG_CMPL_STATUS_DRAFT, [PROPOSAL_SUBMITTED] = MSG_CMPL_STATUS_SUBMITTED,
		[PROPOSAL_RETURNED] = MSG_CMPL_STATUS_RETURNED,
	};
	return pick(m, PROPOSAL_STATUS_COUNT, (int)s, MSG_CMPL_STATUS_DRAFT);
}

enum msg v_comp_decision_msg(enum decision_status s)
{
	static const enum msg m[DECISION_STATUS_COUNT] = {
		[DECISION_COMPILING] = MSG_CMPL_DEC_COMPILING, [DECISION_AWAITING_APPROVAL] = MSG_CMPL_DEC_AWAITING,
		[DECISION_APPROVED] = MSG_CMPL_DEC_APPROVED,
	};
	return pick(m, DECISION_STATUS_COUNT, (int)s, MSG_CMPL_DEC_COMPILING);
}

void v_comp_subnav(struct html *h, int64_t cycle_id, bool heatmap)
{
	struct arena *a = h->b->arena;
	HTML_LIT(h, "<nav class=\"comp-subnav\"");
	HTML_ATTR(h, "aria-label", msg(h->lang, MSG_CMPL_SUBNAV));
	HTML_LIT(h, "><ul class=\"comp-actions\"><li><a class=\"ds-link\"");
	HTML_URL(h, "href", comp_url(h, cycle_id));
	if (!heatmap)
		HTML_LIT(h, " aria-current=\"page\"");
	HTML_LIT(h, ">");
	html_msg(h, MSG_CMPL_NAV_OVERVIEW);
	HTML_LIT(h, "</a></li><li><a class=\"ds-link\"");
	HTML_URL(h, "href", url_path(a, "/cycles/%lld/compilation/heatmap", (long long)cycle_id));
	if (heatmap)
		HTML_LIT(h, " aria-current=\"page\"");
	HTML_LIT(h, ">");
	html_msg(h, MSG_CMPL_NAV_HEATMAP);
	HTML_LIT(h, "</a></li><li><a class=\"ds-link\"");
	HTML_URL(h, "href", url_path(a, "/cycles/%lld", (long long)cycle_id));
	HTML_LIT(h, ">");
	html_msg(h, MSG_CMPL_NAV_CYCLE);
	HTML_LIT(h, "</a></li></ul></nav>\n");
}

/* The decision's state, and why nothing can be changed when it is locked. */
static void decision_line(struct html *h, const struct v_comp_head *hd)
{
	HTML_LIT(h, "<p class=\"ds-paragraph\">");
	html_msgf(h, MSG_CMPL_DECISION_STATE, msg(h->lang, v_comp_decision_msg(hd->decision)));
	HTML_LIT(h, "</p>\n");
	if (!decision_editable(hd->decision)) {
		HTML_LIT(h, "<div class=\"ds-alert\" data-color=\"info\" role=\"status\"><p class=\"ds-paragraph\">");
		html_msg(h, MSG_CMPL_LOCKED);
		HTML_LIT(h, "</p></div>\n");
	}
}

void v_comp_locked(struct html *h, const struct v_comp_head *head)
{
	HTML_LIT(h, "<h1 class=\"ds-heading\" data-size=\"lg\">");
	html_msg(h, MSG_CMPL_LOCKED_409);
	HTML_LIT(h, "</h1>\n");
	para(h, MSG_CMPL_LOCKED);
	link_p(h, comp_url(h, head->cycle_id), MSG_CMPL_BACK);
}

static void th(struct html *h, enum msg m)
{
	HTML_LIT(h, "<th scope=\"col\">");
	html_msg(h, m);
	HTML_LIT(h, "</th>");
}

static void level_text(struct html *h, int level, const char *const *names, int nlevels)
{
	if (level <= 0) {
		html_msg(h, MSG_CMPL_NOT_GIVEN);
		return;
	}
	html_int(h, level);
	if (names && level < nlevels && names[level]) {
		HTML_LIT(h, " (");
		html_text(h, names[level]);
		HTML_LIT(h, ")");
	}
}

static void scope_text(struct html *h, bool org, const char *unit_name, enum msg org_msg)
{
	if (org) {
		html_msg(h, org_msg);
	} else {
		html_msgf(h, MSG_CMPL_SCOPE_UNIT_NAMED, unit_name ? unit_name : "");
	}
}

/* ---- the overview ---- */

const char *v_comp_query_url(struct arena *a, int64_t cycle_id, const struct v_comp_query *q)
{
	struct url_builder u;
	url_begin(&u, a, url_path(a, "/cycles/%lld/compilation", (long long)cycle_id));
	if (q->unit_id)
		url_param_int(&u, "unit", q->unit_id);
	url_param_str(&u, "status", q->status);
	if (q->drafts)
		url_param_int(&u, "drafts", 1);
	if (q->competence_id)
		url_param_int(&u, "competence", q->competence_id);
	if (q->free)
		url_param_int(&u, "free", 1);
	if (q->area_id)
		url_param_int(&u, "area", q->area_id);
	if (q->all)
		url_param_int(&u, "all", 1);
	url_param_str(&u, "kind", q->kind);
	if (q->into)
		url_param_int(&u, "into", q->into);
	if (q->page > 1)
		url_param_int(&u, "page", q->page);
	return url_end(&u);
}

bool v_comp_query_needs_list(const struct v_comp_query *q)
{
	return q->competence_id || q->free || q->area_id || q->all;
}

bool v_comp_query_measures_list(const struct v_comp_query *q)
{
	return q->kind != NULL;
}

/* The overview's address with q's filters but no list open and page 1. */
static const char *base_url(struct html *h, const struct v_comp_overview *m)
{
	struct v_comp_query q = { .unit_id = m->q.unit_id, .status = m->q.status, .drafts = m->q.drafts };
	return v_comp_query_url(h->b->arena, m->head.cycle_id, &q);
}

/* A number with Norwegian grouping, as a string for a message's %s. */
static const char *num_str(struct html *h, int64_t v)
{
	struct buf b;
	buf_init(&b, h->b->arena, 24);
	fmt_int(&b, v);
	return buf_str(&b);
}

/* "Showing 51–100 of 3 214 …" for page (1-based) of per rows. */
static void showing(struct html *h, enum msg m, int page, int per, int64_t total)
{
	int64_t first = (int64_t)(page - 1) * per + 1;
	int64_t last = first + per - 1 < total ? first + per - 1 : total;
	HTML_LIT(h, "<p class=\"ds-paragraph\">");
	html_msgf(h, m, num_str(h, first), num_str(h, last), num_str(h, total));
	HTML_LIT(h, "</p>\n");
}

static void hidden(struct html *h, const char *name, const char *value)
{
	HTML_LIT(h, "<input type=\"hidden\"");
	HTML_ATTR(h, "name", name);
	HTML_ATTR(h, "value", value);
	HTML_LIT(h, ">");
}

/* The selection for the whole page: a unit with the units below it, the
 * units' proposal status, drafts too. An open list stays open. */
static void filter_form(struct html *h, const struct v_comp_overview *m)
{
	struct arena *a = h->b->arena;
	HTML_LIT(h, "<form method=\"get\" class=\"comp-filter\"");
	HTML_URL(h, "action", comp_url(h, m->head.cycle_id));
	HTML_LIT(h, "><fieldset class=\"ds-fieldset\"><legend class=\"ds-label\">");
	html_msg(h, MSG_CMPL_FILTER_LEGEND);
	HTML_LIT(h, "</legend><div class=\"comp-actions\"><div class=\"ds-field\"><label class=\"ds-label\""
		    " for=\"f-unit\">");
	html_msg(h, MSG_CMPL_FILTER_UNIT);
	HTML_LIT(h, "</label><select class=\"ds-input\" id=\"f-unit\" name=\"unit\"><option value=\"\">");
	html_msg(h, MSG_CMPL_FILTER_ALL_UNITS);
	HTML_LIT(h, "</option>");
	for (int i = 0; i < m->nunit_choices; i++) {
		const struct v_comp_choice *c = &m->unit_choices[i];
		HTML_LIT(h, "<option");
		HTML_ATTR_INT(h, "value", c->id);
		if (m->q.unit_id == c->id)
			HTML_LIT(h, " selected");
		HTML_LIT(h, ">");
		/* no-break spaces show the depth inside the closed select too */
		for (int d = 0; d < c->depth && d < 8; d++)
			HTML_LIT(h, "\u00a0\u00a0");
		html_text(h, c->label);
		HTML_LIT(h, "</option>");
	}
	HTML_LIT(h, "</select></div><div class=\"ds-field\"><label class=\"ds-label\" for=\"f-status\">");
	html_msg(h, MSG_CMPL_FILTER_STATUS);
	HTML_LIT(h, "</label><select class=\"ds-input\" id=\"f-status\" name=\"status\"><option value=\"\">");
	html_msg(h, MSG_CMPL_FILTER_ANY_STATUS);
	HTML_LIT(h, "</option>");
	static const enum proposal_status order[] = { PROPOSAL_SUBMITTED, PROPOSAL_DRAFT, PROPOSAL_RETURNED };
	for (size_t i = 0; i < sizeof order / sizeof *order; i++) {
		const char *name = proposal_status_name(order[i]);
		HTML_LIT(h, "<option");
		HTML_ATTR(h, "value", name);
		if (m->q.status && strcmp(m->q.status, name) == 0)
			HTML_LIT(h, " selected");
		HTML_LIT(h, ">");
		html_msg(h, v_comp_status_msg(order[i]));
		HTML_LIT(h, "</option>");
	}
	HTML_LIT(h, "</select></div><div class=\"ds-field\"><input class=\"ds-input\" type=\"checkbox\""
		    " id=\"f-drafts\" name=\"drafts\" value=\"1\"");
	if (m->q.drafts)
		HTML_LIT(h, " checked");
	HTML_LIT(h, "><label class=\"ds-label\" for=\"f-drafts\">");
	html_msg(h, MSG_CMPL_FILTER_DRAFTS);
	HTML_LIT(h, "</label></div></div></fieldset>");
	if (m->q.competence_id)
		hidden(h, "competence", arena_printf(a, "%lld", (long long)m->q.competence_id));
	if (m->q.free)
		hidden(h, "free", "1");
	if (m->q.area_id)
		hidden(h, "area", arena_printf(a, "%lld", (long long)m->q.area_id));
	if (m->q.all)
		hidden(h, "all", "1");
	if (m->q.kind)
		hidden(h, "kind", m->q.kind);
	if (m->q.into)
		hidden(h, "into", arena_printf(a, "%lld", (long long)m->q.into));
	v_submit(h, MSG_CMPL_FILTER_APPLY, false);
	HTML_LIT(h, "</form>\n");
	if (m->q.unit_id && m->unit_name) {
		HTML_LIT(h, "<p class=\"ds-paragraph\">");
		html_msgf(h, MSG_CMPL_SEL_UNIT, m->unit_name);
		HTML_LIT(h, "</p>\n");
	}
}

static void td_num(struct html *h, int64_t v)
{
	HTML_LIT(h, "<td class=\"num\">");
	html_num(h, v);
	HTML_LIT(h, "</td>");
}

/* Every unit's proposal counted, whatever the selection: stays on top. */
static void totals_table(struct html *h, const struct v_comp_overview *m)
{
	HTML_LIT(h, "<p class=\"ds-paragraph\">");
	html_msgf(h, MSG_CMPL_UNITS_SUMMARY, num_str(h, m->all.by_status[PROPOSAL_SUBMITTED]),
		  num_str(h, m->units_total));
	HTML_LIT(h, "</p>\n<table class=\"ds-table\"><caption>");
	html_msg(h, MSG_CMPL_TOTALS_CAPTION);
	HTML_LIT(h, "</caption><thead><tr>");
	th(h, MSG_CMPL_COL_WITH_PROPOSAL);
	th(h, MSG_CMPL_STATUS_SUBMITTED);
	th(h, MSG_CMPL_STATUS_DRAFT);
	th(h, MSG_CMPL_STATUS_RETURNED);
	th(h, MSG_CMPL_COL_NEEDS);
	th(h, MSG_CMPL_COL_MEASURES);
	HTML_LIT(h, "</tr></thead><tbody><tr>");
	td_num(h, m->all.units);
	td_num(h, m->all.by_status[PROPOSAL_SUBMITTED]);
	td_num(h, m->all.by_status[PROPOSAL_DRAFT]);
	td_num(h, m->all.by_status[PROPOSAL_RETURNED]);
	td_num(h, m->all.needs);
	td_num(h, m->all.measures);
	HTML_LIT(h, "</tr></tbody></table>\n");
}

static void units_table(struct html *h, const struct v_comp_overview *m)
{
	struct arena *a = h->b->arena;
	h2(h, MSG_CMPL_UNITS_H2, "units");
	totals_table(h, m);
	if (m->all.units == 0) {
		para(h, MSG_CMPL_NO_UNITS);
		return;
	}
	if (m->units_matching == 0) {
		para(h, MSG_CMPL_NO_UNITS_SELECTED);
		return;
	}
	showing(h, MSG_CMPL_UNITS_SHOWING, m->q.page, V_COMP_UNITS_PER_PAGE, m->units_matching);
	HTML_LIT(h, "<table class=\"ds-table\" data-zebra=\"true\"><caption>");
	html_msg(h, MSG_CMPL_UNITS_CAPTION);
	if (m->pages > 1) {
		HTML_LIT(h, " ");
		html_msgf(h, MSG_CMPL_PAGE_OF, m->q.page, m->pages);
	}
	HTML_LIT(h, "</caption><thead><tr>");
	th(h, MSG_CMPL_COL_UNIT);
	th(h, MSG_CMPL_COL_STATUS);
	th(h, MSG_CMPL_COL_SUBMITTED);
	th(h, MSG_CMPL_COL_NEEDS);
	th(h, MSG_CMPL_COL_MEASURES);
	HTML_LIT(h, "</tr></thead><tbody>\n");
	for (int i = 0; i < m->nunits; i++) {
		const struct v_comp_unit *u = &m->units[i];
		HTML_LIT(h, "<tr><th scope=\"row\">");
		a_text(h, url_path(a, "/cycles/%lld/proposals/%lld", (long long)m->head.cycle_id,
				   (long long)u->unit_id), u->name);
		HTML_LIT(h, "</th><td>");
		html_msg(h, v_comp_status_msg(u->status));
		HTML_LIT(h, "</td><td>");
		if (u->submitted_at)
			html_date(h, u->submitted_at);
		else
			html_msg(h, MSG_CMPL_NOT_SUBMITTED);
		HTML_LIT(h, "</td>");
		td_num(h, u->needs);
		td_num(h, u->measures);
		HTML_LIT(h, "</tr>\n");
	}
	HTML_LIT(h, "</tbody></table>\n");
	struct v_comp_query q = m->q;
	q.page = 1;
	v_pager(h, &(struct v_pager){ .page = m->q.page, .pages = m->pages,
				     .href = v_comp_query_url(a, m->head.cycle_id, &q) });
}

/* ---- proposed needs: grouped by area and competence ---- */

static const char *list_url(struct html *h, const struct v_comp_overview *m, int64_t competence_id,
			    bool free, int64_t area_id, bool all)
{
	struct v_comp_query q = { .unit_id = m->q.unit_id, .status = m->q.status, .drafts = m->q.drafts,
				  .competence_id = competence_id, .free = free, .area_id = area_id, .all = all };
	return v_comp_query_url(h->b->arena, m->head.cycle_id, &q);
}

static void group_table(struct html *h, const struct v_comp_overview *m, const struct v_comp_area_groups *ag)
{
	const char *name = ag->name ? ag->name : msg(h->lang, MSG_CMPL_GROUP_FREE);
	HTML_LIT(h, "<h3 class=\"ds-heading\" data-size=\"sm\">");
	html_text(h, name);
	HTML_LIT(h, "</h3>\n");
	if (ag->name) {
		HTML_LIT(h, "<p><a class=\"ds-link\"");
		HTML_URL(h, "href", list_url(h, m, 0, false, ag->area_id, false));
		HTML_LIT(h, ">");
		html_msgf(h, MSG_CMPL_AREA_ALL_LINK, ag->name, num_str(h, ag->needs));
		HTML_LIT(h, "</a></p>\n");
	}
	HTML_LIT(h, "<table class=\"ds-table\" data-zebra=\"true\"><caption>");
	html_msgf(h, MSG_CMPL_GROUPS_CAPTION, name);
	HTML_LIT(h, "</caption><thead><tr>");
	th(h, MSG_CMPL_COL_COMPETENCE);
	th(h, MSG_CMPL_COL_NEEDS);
	th(h, MSG_CMPL_COL_UNITS);
	th(h, MSG_CMPL_COL_MAX_CRIT);
	th(h, MSG_CMPL_COL_MERGED);
	HTML_LIT(h, "</tr></thead><tbody>\n");
	for (int i = 0; i < ag->n; i++) {
		const struct comp_need_group *g = &ag->groups[i];
		HTML_LIT(h, "<tr><th scope=\"row\">");
		if (g->competence_id)
			a_text(h, list_url(h, m, g->competence_id, false, 0, false),
			       g->competence_name ? g->competence_name : "");
		else
			a_text(h, list_url(h, m, 0, true, 0, false), msg(h->lang, MSG_CMPL_FREE_LINK));
		if (g->competence_id && g->area_name && ag->name && strcmp(g->area_name, ag->name) != 0) {
			HTML_LIT(h, " <span class=\"comp-sub\">(");
			html_text(h, g->area_name);
			HTML_LIT(h, ")</span>");
		}
		HTML_LIT(h, "</th>");
		td_num(h, g->needs);
		td_num(h, g->units);
		HTML_LIT(h, "<td>");
		html_msg(h, v_comp_crit_msg(g->max_crit));
		HTML_LIT(h, "</td>");
		td_num(h, g->merged);
		HTML_LIT(h, "</tr>\n");
	}
	HTML_LIT(h, "</tbody>");
	if (ag->n > 1) {
		HTML_LIT(h, "<tfoot><tr><th scope=\"row\">");
		html_msg(h, MSG_CMPL_TOTAL);
		HTML_LIT(h, "</th>");
		td_num(h, ag->needs);
		HTML_LIT(h, "<td></td><td></td>");
		td_num(h, ag->merged);
		HTML_LIT(h, "</tr></tfoot>");
	}
	HTML_LIT(h, "</table>\n");
}

static void need_groups(struct html *h, const struct v_comp_overview *m)
{
	h2(h, MSG_CMPL_NEEDS_H2, "proposed-needs");
	if (m->nareas == 0) {
		para(h, MSG_CMPL_NO_NEEDS);
		return;
	}
	para(h, MSG_CMPL_GROUPS_INTRO);
	int64_t total = 0;
	for (int i = 0; i < m->nareas; i++)
		total += m->areas[i].needs;
	HTML_LIT(h, "<p><a class=\"ds-link\"");
	HTML_URL(h, "href", list_url(h, m, 0, false, 0, true));
	HTML_LIT(h, ">");
	html_msgf(h, MSG_CMPL_ALL_NEEDS_LINK, num_str(h, total));
	HTML_LIT(h, "</a></p>\n");
	for (int i = 0; i < m->nareas; i++)
		group_table(h, m, &m->areas[i]);
}

/* ---- proposed needs: one list, to tick and merge ---- */

static bool same_group(const struct comp_proposed_need *a, const struct comp_proposed_need *b)
{
	return a->competence_id == b->competence_id;
}

static void needs_table_open(struct html *h, const char *caption, bool select)
{
	HTML_LIT(h, "<table class=\"ds-table\" data-zebra=\"true\"><caption>");
	html_text(h, caption);
	HTML_LIT(h, "</caption><thead><tr>");
	if (select)
		th(h, MSG_CMPL_COL_SELECT);
	th(h, MSG_CMPL_COL_NEED);
	th(h, MSG_CMPL_COL_UNIT);
	th(h, MSG_CMPL_COL_CRIT);
	th(h, MSG_CMPL_COL_LEVELS);
	th(h, MSG_CMPL_COL_HORIZON);
	th(h, MSG_CMPL_COL_PEOPLE);
	th(h, MSG_CMPL_COL_DECIDED);
	HTML_LIT(h, "</tr></thead><tbody>\n");
}

/* The cell of a proposal's checkbox for the merge (id prefix + its id),
 * or, in a list opened with into (named source_id, id f-into-), for
 * adding to that decided row. */
static void select_cell(struct html *h, const struct v_comp_overview *m, const char *prefix, int64_t pid,
			const char *title, const char *unit)
{
	const char *id = arena_printf(h->b->arena, "%s%lld", m->q.into ? "f-into-" : prefix, (long long)pid);
	HTML_LIT(h, "<td><input class=\"ds-input\" type=\"checkbox\"");
	HTML_ATTR(h, "name", m->q.into ? "source_id" : "from");
	HTML_ATTR(h, "id", id);
	HTML_ATTR_INT(h, "value", pid);
	HTML_LIT(h, "><label class=\"comp-vh\"");
	HTML_ATTR(h, "for", id);
	HTML_LIT(h, ">");
	html_msgf(h, MSG_CMPL_SELECT_ITEM, title, unit ? unit : "");
	HTML_LIT(h, "</label></td>");
}

/* A proposal's row header: its title, and its status when not submitted. */
static void title_cell(struct html *h, const char *title, enum proposal_status st)
{
	HTML_LIT(h, "<th scope=\"row\">");
	html_text(h, title);
	if (st != PROPOSAL_SUBMITTED) {
		HTML_LIT(h, " (");
		html_msg(h, v_comp_status_msg(st));
		HTML_LIT(h, ")");
	}
	HTML_LIT(h, "</th>");
}

static void need_row(struct html *h, const struct v_comp_overview *m, const struct comp_proposed_need *p,
		     bool select)
{
	struct arena *a = h->b->arena;
	HTML_LIT(h, "<tr>");
	if (select)
		select_cell(h, m, "f-from-", p->id, p->title, p->unit_name);
	title_cell(h, p->title, p->status);
	HTML_LIT(h, "<td>");
	a_text(h, url_path(a, "/cycles/%lld/proposals/%lld", (long long)m->head.cycle_id,
			   (long long)p->unit_id), p->unit_name ? p->unit_name : "");
	HTML_LIT(h, "</td><td>");
	html_msg(h, v_comp_crit_msg(p->criticality));
	HTML_LIT(h, "</td><td>");
	level_text(h, p->current_level, m->level_names, m->nlevels);
	HTML_LIT(h, " → ");
	level_text(h, p->required_level, m->level_names, m->nlevels);
	HTML_LIT(h, "</td><td>");
	html_msg(h, v_comp_horizon_msg(p->horizon));
	HTML_LIT(h, "</td><td>");
	if (p->people_affected >= 0)
		html_num(h, p->people_affected);
	else
		html_msg(h, MSG_CMPL_NOT_GIVEN);
	HTML_LIT(h, "</td><td>");
	if (p->decided_need_id)
		a_text(h, need_url(h, m->head.cycle_id, p->decided_need_id),
		       p->decided_need_title ? p->decided_need_title : "");
	else
		html_msg(h, MSG_CMPL_NOT_DECIDED);
	HTML_LIT(h, "</td></tr>\n");
}

/* The group a proposed need is shown under in a list: "Area – Competence",
 * or the free ones' group. */
static const char *group_label(struct html *h, const struct comp_proposed_need *p)
{
	if (!p->competence_id)
		return msg(h->lang, MSG_CMPL_GROUP_FREE);
	return arena_printf(h->b->arena, "%s – %s", p->area_name ? p->area_name : "",
			    p->competence_name ? p->competence_name : "");
}

static void back_to_overview(struct html *h, const struct v_comp_overview *m)
{
	link_p(h, base_url(h, m), MSG_CMPL_BACK_GROUPS);
}

/* A list opened with into: its boxes add sources to that decided need
 * or measure, posted to its page. */
static void into_open(struct html *h, const struct v_comp_overview *m, bool measure)
{
	const char *url = measure ? measure_url(h, m->head.cycle_id, m->q.into) : need_url(h, m->head.cycle_id, m->q.into);
	HTML_LIT(h, "<p class=\"ds-paragraph\">");
	html_msgf(h, measure ? MSG_CMPL_MINTO_INTRO : MSG_CMPL_INTO_INTRO, m->into_title ? m->into_title : "");
	HTML_LIT(h, " ");
	a_text(h, url, msg(h->lang, measure ? MSG_CMPL_MINTO_BACK : MSG_CMPL_INTO_BACK));
	HTML_LIT(h, "</p>\n<form method=\"post\" class=\"comp-merge\"");
	HTML_URL(h, "action", arena_printf(h->b->arena, "%s/sources", url));
	HTML_LIT(h, ">\n");
	v_csrf(h, m->head.csrf);
}

static void into_close(struct html *h, const struct v_comp_overview *m)
{
	HTML_LIT(h, "<button type=\"submit\" class=\"ds-button\">");
	html_msgf(h, MSG_CMPL_INTO_BUTTON, m->into_title ? m->into_title : "");
	HTML_LIT(h, "</button></form>\n");
}

static void needs_list(struct html *h, const struct v_comp_overview *m)
{
	struct arena *a = h->b->arena;
	HTML_LIT(h, "<h2 class=\"ds-heading\" data-size=\"md\" id=\"proposed-needs\">");
	if (m->q.competence_id)
		html_msgf(h, MSG_CMPL_LIST_COMPETENCE_H2, m->list_name ? m->list_name : "");
	else if (m->q.area_id)
		html_msgf(h, MSG_CMPL_LIST_AREA_H2, m->list_name ? m->list_name : "");
	else if (m->q.free)
		html_msg(h, MSG_CMPL_LIST_FREE_H2);
	else
		html_msg(h, MSG_CMPL_LIST_ALL_H2);
	HTML_LIT(h, "</h2>\n");
	back_to_overview(h, m);
	if (m->needs_total == 0) {
		para(h, MSG_CMPL_NO_NEEDS);
		return;
	}
	showing(h, MSG_CMPL_LIST_SHOWING, m->q.page, V_COMP_LIST_PER_PAGE, m->needs_total);
	bool select = m->head.can_write;
	if (select && m->q.into) {
		into_open(h, m, false);	} else if (select) {
		para(h, MSG_CMPL_NEEDS_INTRO);
		if (m->pages > 1)
			para(h, MSG_CMPL_NEEDS_PAGED_HINT);
		HTML_LIT(h, "<form method=\"get\" class=\"comp-merge\"");
		HTML_URL(h, "action", url_path(a, "/cycles/%lld/compilation/needs/new",
					       (long long)m->head.cycle_id));
		HTML_LIT(h, ">\n");
	}
	for (int i = 0; i < m->nneeds;) {
		int j = i;
		while (j < m->nneeds && same_group(&m->needs[i], &m->needs[j]))
			j++;
		const char *g = group_label(h, &m->needs[i]);
		if (!m->q.competence_id && !m->q.free) {
			HTML_LIT(h, "<h3 class=\"ds-heading\" data-size=\"sm\">");
			html_text(h, g);
			HTML_LIT(h, "</h3>\n");
		}
		needs_table_open(h, g, select);
		for (int k = i; k < j; k++)
			need_row(h, m, &m->needs[k], select);
		HTML_LIT(h, "</tbody></table>\n");
		i = j;
	}
	if (select && m->q.into) {
		into_close(h, m);
	} else if (select) {
		v_submit(h, MSG_CMPL_MERGE_BUTTON, true);
		HTML_LIT(h, "</form>\n");
	}
	struct v_comp_query q = m->q;
	q.page = 1;
	v_pager(h, &(struct v_pager){ .page = m->q.page, .pages = m->pages,
				     .href = v_comp_query_url(a, m->head.cycle_id, &q) });
}

/* ---- proposed measures: counted by kind, or one kind's list ---- */

static void measure_groups(struct html *h, const struct v_comp_overview *m)
{
	struct arena *a = h->b->arena;
	h2(h, MSG_CMPL_PMEASURES_H2, "proposed-measures");
	int64_t total = 0;
	for (int k = 0; k < MEASURE_KIND_COUNT; k++)
		total += m->mgroups[k].measures;
	if (total == 0) {
		para(h, MSG_CMPL_NO_PMEASURES);
		return;
	}
	para(h, MSG_CMPL_MGROUPS_INTRO);
	HTML_LIT(h, "<table class=\"ds-table\" data-zebra=\"true\"><caption>");
	html_msg(h, MSG_CMPL_MGROUPS_CAPTION);
	HTML_LIT(h, "</caption><thead><tr>");
	th(h, MSG_CMPL_COL_KIND);
	th(h, MSG_CMPL_COL_MEASURES);
	th(h, MSG_CMPL_COL_UNITS);
	th(h, MSG_CMPL_COL_MERGED);
	HTML_LIT(h, "</tr></thead><tbody>\n");
	for (int k = 0; k < MEASURE_KIND_COUNT; k++) {
		const struct comp_measure_group *g = &m->mgroups[k];
		HTML_LIT(h, "<tr><th scope=\"row\">");
		if (g->measures) {
			struct v_comp_query q = { .unit_id = m->q.unit_id, .status = m->q.status, .drafts = m->q.drafts,
						  .kind = measure_kind_name(g->kind) };
			a_text(h, v_comp_query_url(a, m->head.cycle_id, &q), msg(h->lang, v_comp_kind_msg(g->kind)));
		} else {
			html_msg(h, v_comp_kind_msg(g->kind));
		}
		HTML_LIT(h, "</th>");
		td_num(h, g->measures);
		td_num(h, g->units);
		td_num(h, g->merged);
		HTML_LIT(h, "</tr>\n");
	}
	HTML_LIT(h, "</tbody></table>\n");
}

static void measures_list(struct html *h, const struct v_comp_overview *m)
{
	struct arena *a = h->b->arena;
	enum measure_kind kind = MEASURE_DEVELOP;
	measure_kind_parse(m->q.kind, &kind);
	HTML_LIT(h, "<h2 class=\"ds-heading\" data-size=\"md\" id=\"proposed-measures\">");
	html_msgf(h, MSG_CMPL_LIST_KIND_H2, msg(h->lang, v_comp_kind_msg(kind)));
	HTML_LIT(h, "</h2>\n");
	back_to_overview(h, m);
	if (m->measures_total == 0) {
		para(h, MSG_CMPL_NO_PMEASURES);
		return;
	}
	showing(h, MSG_CMPL_MLIST_SHOWING, m->q.page, V_COMP_LIST_PER_PAGE, m->measures_total);
	bool select = m->head.can_write;
	if (select && m->q.into) {
		into_open(h, m, true);
	} else if (select) {
		HTML_LIT(h, "<form method=\"get\" class=\"comp-merge\"");
		HTML_URL(h, "action", url_path(a, "/cycles/%lld/compilation/measures/new",
					       (long long)m->head.cycle_id));
		HTML_LIT(h, ">\n");
	}
	HTML_LIT(h, "<table class=\"ds-table\" data-zebra=\"true\"><caption>");
	html_msg(h, MSG_CMPL_PMEASURES_CAPTION);
	HTML_LIT(h, "</caption><thead><tr>");
	if (select)
		th(h, MSG_CMPL_COL_SELECT);
	th(h, MSG_CMPL_COL_MEASURE);
	th(h, MSG_CMPL_COL_UNIT);
	th(h, MSG_CMPL_COL_KIND);
	th(h, MSG_CMPL_COL_OWNER);
	th(h, MSG_CMPL_COL_COST);
	th(h, MSG_CMPL_COL_TIMING);
	th(h, MSG_CMPL_COL_DECIDED_MEASURE);
	HTML_LIT(h, "</tr></thead><tbody>\n");
	for (int i = 0; i < m->nmeasures; i++) {
		const struct comp_proposed_measure *p = &m->measures[i];
		HTML_LIT(h, "<tr>");
		if (select)
			select_cell(h, m, "f-mfrom-", p->id, p->title, p->unit_name);
		title_cell(h, p->title, p->status);
		HTML_LIT(h, "<td>");
		html_text(h, p->unit_name);
		HTML_LIT(h, "</td><td>");
		html_msg(h, v_comp_kind_msg(p->kind));
		HTML_LIT(h, "</td><td>");
		if (*p->suggested_owner)
			html_text(h, p->suggested_owner);
		else
			html_msg(h, MSG_CMPL_NOT_GIVEN);
		HTML_LIT(h, "</td><td>");
		kroner(h, p->estimated_cost);
		HTML_LIT(h, "</td><td>");
		if (*p->timing)
			html_text(h, p->timing);
		else
			html_msg(h, MSG_CMPL_NOT_GIVEN);
		HTML_LIT(h, "</td><td>");
		if (p->decided_measure_id)
			a_text(h, measure_url(h, m->head.cycle_id, p->decided_measure_id),
			       msg(h->lang, MSG_CMPL_SEE_DECIDED));
		else
			html_msg(h, MSG_CMPL_NOT_DECIDED);
		HTML_LIT(h, "</td></tr>\n");
	}
	HTML_LIT(h, "</tbody></table>\n");
	if (select && m->q.into) {
		into_close(h, m);
	} else if (select) {
		v_submit(h, MSG_CMPL_MEASURE_BUTTON, true);
		HTML_LIT(h, "</form>\n");
	}
	struct v_comp_query q = m->q;
	q.page = 1;
	v_pager(h, &(struct v_pager){ .page = m->q.page, .pages = m->pages,
				     .href = v_comp_query_url(a, m->head.cycle_id, &q) });
}

static void ref_names(struct html *h, const struct comp_ref *r, int n, bool codes)
{
	if (n == 0) {
		html_msg(h, MSG_CMPL_NONE);
		return;
	}
	for (int i = 0; i < n; i++) {
		if (i)
			HTML_LIT(h, ", ");
		if (codes && r[i].code) {
			html_text(h, r[i].code);
			HTML_LIT(h, " ");
		}
		html_text(h, r[i].name);
	}
}

/* The heading of the decided needs or measures ("needs", "measures"),
 * the link to a new one for a writer, or the line saying there are none
 * (then false). */
static bool decided_top(struct html *h, const struct v_comp_head *hd, const char *what, enum msg heading,
			enum msg new_one, int n, enum msg none)
{
	h2(h, heading, arena_printf(h->b->arena, "decided-%s", what));
	if (hd->can_write)
		link_p(h, url_path(h->b->arena, "/cycles/%lld/compilation/%s/new", (long long)hd->cycle_id, what),
		       new_one);
	if (n == 0)
		para(h, none);
	return n > 0;
}

static void decided_needs(struct html *h, const struct v_comp_overview *m)
{
	if (!decided_top(h, &m->head, "needs", MSG_CMPL_DECIDED_H2, MSG_CMPL_NEW_NEED, m->ndecided,
			 MSG_CMPL_NO_DECIDED))
		return;
	HTML_LIT(h, "<table class=\"ds-table\" data-zebra=\"true\"><caption>");
	html_msg(h, MSG_CMPL_DECIDED_CAPTION);
	HTML_LIT(h, "</caption><thead><tr>");
	th(h, MSG_CMPL_COL_NEED);
	th(h, MSG_CMPL_COL_SCOPE);
	th(h, MSG_CMPL_COL_CRIT);
	th(h, MSG_CMPL_COL_HORIZON);
	th(h, MSG_CMPL_COL_PROPOSED_BY);
	th(h, MSG_CMPL_COL_GOALS);
	HTML_LIT(h, "</tr></thead><tbody>\n");
	for (int i = 0; i < m->ndecided; i++) {
		const struct decided_need *d = &m->decided[i];
		HTML_LIT(h, "<tr><th scope=\"row\">");
		a_text(h, need_url(h, m->head.cycle_id, d->id), d->title);
		HTML_LIT(h, "</th><td>");
		scope_text(h, d->scope == NEED_SCOPE_ORGANISATION, d->unit_name, MSG_CMPL_SCOPE_ORG);
		HTML_LIT(h, "</td><td>");
		html_msg(h, v_comp_crit_msg(d->criticality));
		HTML_LIT(h, "</td><td>");
		html_msg(h, v_comp_horizon_msg(d->horizon));
		HTML_LIT(h, "</td><td>");
		ref_names(h, d->source_units, d->nsource_units, false);
		HTML_LIT(h, "</td><td>");
		ref_names(h, d->goals, d->ngoals, true);
		HTML_LIT(h, "</td></tr>\n");
	}
	HTML_LIT(h, "</tbody></table>\n");
}

static void measures_table(struct html *h, int64_t cycle_id, const struct decided_measure *v, int n,
			   enum msg caption)
{
	HTML_LIT(h, "<table class=\"ds-table\" data-zebra=\"true\"><caption>");
	html_msg(h, caption);
	HTML_LIT(h, "</caption><thead><tr>");
	th(h, MSG_CMPL_COL_MEASURE);
	th(h, MSG_CMPL_COL_KIND);
	th(h, MSG_CMPL_COL_SCOPE);
	th(h, MSG_CMPL_COL_OWNER);
	th(h, MSG_CMPL_COL_DEADLINE);
	th(h, MSG_CMPL_COL_BUDGET);
	th(h, MSG_CMPL_COL_ANSWERS);
	HTML_LIT(h, "</tr></thead><tbody>\n");
	for (int i = 0; i < n; i++) {
		const struct decided_measure *d = &v[i];
		HTML_LIT(h, "<tr><th scope=\"row\">");
		a_text(h, measure_url(h, cycle_id, d->id), d->title);
		HTML_LIT(h, "</th><td>");
		html_msg(h, v_comp_kind_msg(d->kind));
		HTML_LIT(h, "</td><td>");
		scope_text(h, d->scope == MEASURE_SCOPE_OVERARCHING, d->unit_name, MSG_CMPL_SCOPE_OVERARCHING);
		HTML_LIT(h, "</td><td>");
		if (*d->owner)
			html_text(h, d->owner);
		else
			html_msg(h, MSG_CMPL_NOT_GIVEN);
		HTML_LIT(h, "</td><td>");
		iso_date(h, d->deadline);
		HTML_LIT(h, "</td><td>");
		kroner(h, d->budget);
		HTML_LIT(h, "</td><td>");
		ref_names(h, d->needs, d->nneeds, false);
		HTML_LIT(h, "</td></tr>\n");
	}
	HTML_LIT(h, "</tbody></table>\n");
}

static void decided_measures(struct html *h, const struct v_comp_overview *m)
{
	if (!decided_top(h, &m->head, "measures", MSG_CMPL_DMEASURES_H2, MSG_CMPL_NEW_MEASURE, m->ndmeasures,
			 MSG_CMPL_NO_DMEASURES))
		return;
	measures_table(h, m->head.cycle_id, m->dmeasures, m->ndmeasures, MSG_CMPL_DMEASURES_CAPTION);
}

void v_comp_overview(struct html *h, const struct v_comp_overview *m)
{
	h1f(h, MSG_CMPL_OVERVIEW_TITLE, m->head.cycle_name);
	v_comp_subnav(h, m->head.cycle_id, false);
	para(h, MSG_CMPL_INTRO);
	decision_line(h, &m->head);
	filter_form(h, m);
	if (v_comp_query_needs_list(&m->q)) {
		needs_list(h, m);
		return;
	}
	if (v_comp_query_measures_list(&m->q)) {
		measures_list(h, m);
		return;
	}
	units_table(h, m);
	need_groups(h, m);
	measure_groups(h, m);
	decided_needs(h, m);
	decided_measures(h, m);
}

/* ---- forms ---- */

static void choice_select(struct html *h, const char *name, enum msg label, enum msg hint,
			  const struct v_comp_choice *c, int n, int64_t selected, enum msg empty,
			  const struct field_errors *fe)
{
	struct v_option *o = arena_alloc(h->b->arena, sizeof *o * (size_t)(n > 0 ? n : 1));
	if (!o)
		return;
	for (int i = 0; i < n; i++) {
		o[i].value = arena_printf(h->b->arena, "%lld", (long long)c[i].id);
		const char *indent = "";
		if (c[i].depth > 0)
			indent = arena_printf(h->b->arena, "%*s", c[i].depth * 2, "");
		o[i].label = arena_printf(h->b->arena, "%s%s", indent, c[i].label);
	}
	struct v_field f = {
		.name = name, .label = msg(h->lang, label), .hint = hint ? msg(h->lang, hint) : NULL,
		.value = selected > 0 ? arena_printf(h->b->arena, "%lld", (long long)selected) : "",
		.errors = fe,
	};
	v_select(h, &f, o, n, msg(h->lang, empty));
}

/* A select over an enum's stored names, with the catalogue's words. */
static void enum_select(struct html *h, const char *name, enum msg label, const char *const *values,
			const enum msg *labels, int n, const char *selected, const struct field_errors *fe)
{
	struct v_option o[8];
	for (int i = 0; i < n && i < 8; i++)
		o[i] = (struct v_option){ values[i], msg(h->lang, labels[i]) };
	struct v_field f = { .name = name, .label = msg(h->lang, label), .value = selected,
			     .required = true, .errors = fe };
	v_select(h, &f, o, n < 8 ? n : 8, NULL);
}

static bool ref_has(const struct comp_ref *r, int n, int64_t id)
{
	for (int i = 0; i < n; i++)
		if (r[i].id == id)
			return true;
	return false;
}

/* A fieldset of checkboxes, name=value ids; the first box carries the
 * group's id f-NAME for the error summary's link. */
static void check_group(struct html *h, const char *name, enum msg legend, enum msg hint,
			const struct v_comp_choice *c, int n, const struct comp_ref *checked, int nchecked,
			enum msg empty, const struct field_errors *fe)
{
	struct arena *a = h->b->arena;
	enum problem p = PROB_NONE;
	for (int i = 0; fe && i < fe->n; i++)
		if (strcmp(fe->e[i].field, name) == 0)
			p = fe->e[i].problem;
	const char *err_id = arena_printf(a, "f-%s-error", name);
	const char *hint_id = arena_printf(a, "f-%s-hint", name);
	HTML_LIT(h, "<fieldset class=\"ds-fieldset\"");
	if (p != PROB_NONE || hint) {
		const char *d = p != PROB_NONE && hint ? arena_printf(a, "%s %s", hint_id, err_id)
				: p != PROB_NONE ? err_id : hint_id;
		HTML_ATTR(h, "aria-describedby", d);
	}
	HTML_LIT(h, "><legend class=\"ds-label\">");
	html_msg(h, legend);
	HTML_LIT(h, "</legend>");
	if (hint) {
		HTML_LIT(h, "<div data-field=\"description\"");
		HTML_ATTR(h, "id", hint_id);
		HTML_LIT(h, ">");
		html_msg(h, hint);
		HTML_LIT(h, "</div>");
	}
	if (p != PROB_NONE) {
		HTML_LIT(h, "<p class=\"ds-validation-message\"");
		HTML_ATTR(h, "id", err_id);
		HTML_LIT(h, ">");
		html_msg(h, v_problem_msg(p));
		HTML_LIT(h, "</p>");
	}
	if (n == 0) {
		HTML_LIT(h, "<p class=\"ds-paragraph\">");
		html_msg(h, empty);
		HTML_LIT(h, "</p>");
	}
	for (int i = 0; i < n; i++) {
		const char *id = i == 0 ? arena_printf(a, "f-%s", name)
					: arena_printf(a, "f-%s-%lld", name, (long long)c[i].id);
		HTML_LIT(h, "<div class=\"ds-field\"><input class=\"ds-input\" type=\"checkbox\"");
		HTML_ATTR(h, "id", id);
		HTML_ATTR(h, "name", name);
		HTML_ATTR_INT(h, "value", c[i].id);
		if (ref_has(checked, nchecked, c[i].id))
			HTML_LIT(h, " checked");
		HTML_LIT(h, "><label class=\"ds-label\"");
		HTML_ATTR(h, "for", id);
		HTML_LIT(h, ">");
		html_text(h, c[i].label);
		HTML_LIT(h, "</label></div>");
	}
	HTML_LIT(h, "</fieldset>\n");
}

static void form_buttons(struct html *h, enum msg submit, const char *cancel_href)
{
	HTML_LIT(h, "<div class=\"comp-actions\">");
	v_submit(h, submit, true);
	HTML_LIT(h, "<a class=\"ds-link\"");
	HTML_URL(h, "href", cancel_href);
	HTML_LIT(h, ">");
	html_msg(h, MSG_CMPL_CANCEL);
	HTML_LIT(h, "</a></div>\n");
}

static const char *const CRIT_VALUES[] = { "low", "medium", "high", "critical" };
static const enum msg CRIT_MSGS[] = { MSG_CMPL_CRIT_LOW, MSG_CMPL_CRIT_MEDIUM, MSG_CMPL_CRIT_HIGH,
				      MSG_CMPL_CRIT_CRITICAL };
static const char *const HORIZON_VALUES[] = { "next_year", "one_to_three_years", "longer" };
static const enum msg HORIZON_MSGS[] = { MSG_CMPL_HORIZON_NEXT_YEAR, MSG_CMPL_HORIZON_ONE_TO_THREE,
					 MSG_CMPL_HORIZON_LONGER };
static const char *const NSCOPE_VALUES[] = { "organisation", "unit" };
static const enum msg NSCOPE_MSGS[] = { MSG_CMPL_SCOPE_ORG, MSG_CMPL_SCOPE_ONE_UNIT };
static const char *const KIND_VALUES[] = { "acquire", "develop", "mobilise", "phase_out" };
static const enum msg KIND_MSGS[] = { MSG_CMPL_KIND_ACQUIRE, MSG_CMPL_KIND_DEVELOP, MSG_CMPL_KIND_MOBILISE,
				      MSG_CMPL_KIND_PHASE_OUT };
static const char *const MSCOPE_VALUES[] = { "overarching", "local" };
static const enum msg MSCOPE_MSGS[] = { MSG_CMPL_SCOPE_OVERARCHING, MSG_CMPL_SCOPE_LOCAL };

static void summary(struct html *h, const struct field_errors *fe, bool measure)
{
	if (!fe || !fe->n)
		return;
	const struct v_label need_labels[] = {
		{ "title", msg(h->lang, MSG_CMPL_F_TITLE) },
		{ "description", msg(h->lang, MSG_CMPL_F_DESCRIPTION) },
		{ "competence_id", msg(h->lang, MSG_CMPL_F_COMPETENCE) },
		{ "criticality", msg(h->lang, MSG_CMPL_F_CRIT) },
		{ "required_level", msg(h->lang, MSG_CMPL_F_LEVEL) },
		{ "horizon", msg(h->lang, MSG_CMPL_F_HORIZON) },
		{ "people_affected", msg(h->lang, MSG_CMPL_F_PEOPLE) },
		{ "scope", msg(h->lang, MSG_CMPL_F_SCOPE) },
		{ "unit_id", msg(h->lang, MSG_CMPL_F_UNIT) },
		{ "goals", msg(h->lang, MSG_CMPL_F_GOALS) },
		{ "sources", msg(h->lang, MSG_CMPL_F_SOURCES) },
	};
	const struct v_label measure_labels[] = {
		{ "kind", msg(h->lang, MSG_CMPL_F_KIND) },
		{ "title", msg(h->lang, MSG_CMPL_F_TITLE) },
		{ "description", msg(h->lang, MSG_CMPL_F_DESCRIPTION) },
		{ "scope", msg(h->lang, MSG_CMPL_F_SCOPE) },
		{ "unit_id", msg(h->lang, MSG_CMPL_F_UNIT) },
		{ "owner", msg(h->lang, MSG_CMPL_F_OWNER) },
		{ "deadline", msg(h->lang, MSG_CMPL_F_DEADLINE) },
		{ "budget", msg(h->lang, MSG_CMPL_F_BUDGET) },
		{ "needs", msg(h->lang, MSG_CMPL_F_NEEDS) },
		{ "sources", msg(h->lang, MSG_CMPL_F_MSOURCES) },
	};
	if (measure)
		v_error_summary(h, fe, measure_labels, (int)(sizeof measure_labels / sizeof measure_labels[0]));
	else
		v_error_summary(h, fe, need_labels, (int)(sizeof need_labels / sizeof need_labels[0]));
}

/* The sources shown in a form: the ones chosen, each a checkbox. */
static struct v_comp_choice *source_choices(struct arena *a, const struct comp_ref *r, int n)
{
	struct v_comp_choice *c = arena_alloc(a, sizeof *c * (size_t)(n > 0 ? n : 1));
	if (!c)
		return NULL;
	for (int i = 0; i < n; i++)
		c[i] = (struct v_comp_choice){ r[i].id,
					       r[i].unit_name ? arena_printf(a, "%s (%s)", r[i].name, r[i].unit_name)
							      : r[i].name, 0 };
	return c;
}

void v_comp_need_form(struct html *h, const struct v_comp_need_form *m)
{
	struct arena *a = h->b->arena;
	const struct decided_need *d = m->need;
	if (d->id)
		h1f(h, MSG_CMPL_NEED_EDIT_TITLE, d->title ? d->title : "");
	else
		h1f(h, MSG_CMPL_NEED_NEW_TITLE, m->head.cycle_name);
	summary(h, m->errors, false);
	if (!d->id && d->nsources > 1)
		para(h, MSG_CMPL_MERGE_NOTE);
	HTML_LIT(h, "<form method=\"post\" novalidate");
	HTML_URL(h, "action", d->id ? need_url(h, m->head.cycle_id, d->id)
				    : url_path(a, "/cycles/%lld/compilation/needs", (long long)m->head.cycle_id));
	HTML_LIT(h, ">\n");
	v_csrf(h, m->head.csrf);
	struct v_field f = { .name = "title", .label = msg(h->lang, MSG_CMPL_F_TITLE), .value = d->title,
			     .maxlength = COMP_TITLE_MAX_CHARS, .required = true, .errors = m->errors };
	v_text_field(h, &f);
	f = (struct v_field){ .name = "description", .label = msg(h->lang, MSG_CMPL_F_DESCRIPTION),
			      .value = d->description, .errors = m->errors };
	v_textarea(h, &f, 5);
	choice_select(h, "competence_id", MSG_CMPL_F_COMPETENCE, 0, m->competences, m->ncompetences,
		      d->competence_id, MSG_CMPL_F_COMPETENCE_NONE, m->errors);
	enum_select(h, "criticality", MSG_CMPL_F_CRIT, CRIT_VALUES, CRIT_MSGS, 4,
		    criticality_name(d->criticality), m->errors);
	choice_select(h, "required_level", MSG_CMPL_F_LEVEL, 0, m->levels, m->nlevels, d->required_level,
		      MSG_CMPL_F_LEVEL_NONE, m->errors);
	enum_select(h, "horizon", MSG_CMPL_F_HORIZON, HORIZON_VALUES, HORIZON_MSGS, 3,
		    horizon_name(d->horizon), m->errors);
	const char *people = m->people_value;
	if (!people)
		people = d->people_affected >= 0 ? arena_printf(a, "%lld", (long long)d->people_affected) : "";
	f = (struct v_field){ .name = "people_affected", .label = msg(h->lang, MSG_CMPL_F_PEOPLE),
			      .hint = msg(h->lang, MSG_CMPL_F_PEOPLE_HINT), .value = people,
			      .inputmode = "numeric", .errors = m->errors };
	v_text_field(h, &f);
	enum_select(h, "scope", MSG_CMPL_F_SCOPE, NSCOPE_VALUES, NSCOPE_MSGS, 2, need_scope_name(d->scope),
		    m->errors);
	choice_select(h, "unit_id", MSG_CMPL_F_UNIT, MSG_CMPL_F_UNIT_HINT, m->units, m->nunits, d->unit_id,
		      MSG_CMPL_F_UNIT_NONE, m->errors);
	check_group(h, "goals", MSG_CMPL_F_GOALS, 0, m->goals, m->ngoals, d->goals, d->ngoals,
		    MSG_CMPL_F_NO_GOALS, m->errors);
	check_group(h, "sources", MSG_CMPL_F_SOURCES, MSG_CMPL_F_SOURCES_HINT,
		    source_choices(a, d->sources, d->nsources), d->nsources, d->sources, d->nsources,
		    MSG_CMPL_F_NO_SOURCES, m->errors);
	form_buttons(h, d->id ? MSG_CMPL_SAVE : MSG_CMPL_CREATE,
		     d->id ? need_url(h, m->head.cycle_id, d->id) : comp_url(h, m->head.cycle_id));
	HTML_LIT(h, "</form>\n");
}

/* dt/dd pairs of a decided row. */
static void dt(struct html *h, enum msg m)
{
	HTML_LIT(h, "<dt>");
	html_msg(h, m);
	HTML_LIT(h, "</dt><dd>");
}

static void edit_delete_links(struct html *h, const char *base)
{
	struct arena *a = h->b->arena;
	HTML_LIT(h, "<p class=\"comp-actions\"><a class=\"ds-link\"");
	HTML_URL(h, "href", arena_printf(a, "%s/edit", base));
	HTML_LIT(h, ">");
	html_msg(h, MSG_CMPL_EDIT);
	HTML_LIT(h, "</a><a class=\"ds-link\"");
	HTML_URL(h, "href", arena_printf(a, "%s/delete", base));
	HTML_LIT(h, ">");
	html_msg(h, MSG_CMPL_DELETE);
	HTML_LIT(h, "</a></p>\n");
}

/* A table of sources (proposed needs or measures) with remove buttons. */
static void sources_table(struct html *h, const struct v_comp_head *hd, const char *base,
			  const struct comp_ref *r, int n, enum msg caption, enum msg col)
{
	struct arena *a = h->b->arena;
	HTML_LIT(h, "<table class=\"ds-table\" data-zebra=\"true\"><caption>");
	html_msg(h, caption);
	HTML_LIT(h, "</caption><thead><tr>");
	th(h, col);
	th(h, MSG_CMPL_COL_UNIT);
	if (hd->can_write)
		th(h, MSG_CMPL_COL_ACTION);
	HTML_LIT(h, "</tr></thead><tbody>\n");
	for (int i = 0; i < n; i++) {
		HTML_LIT(h, "<tr><th scope=\"row\">");
		html_text(h, r[i].name);
		HTML_LIT(h, "</th><td>");
		a_text(h, url_path(a, "/cycles/%lld/proposals/%lld", (long long)hd->cycle_id,
				   (long long)r[i].unit_id), r[i].unit_name ? r[i].unit_name : "");
		HTML_LIT(h, "</td>");
		if (hd->can_write) {
			HTML_LIT(h, "<td><form method=\"post\" class=\"comp-inline\"");
			HTML_URL(h, "action", arena_printf(a, "%s/sources/%lld/delete", base, (long long)r[i].id));
			HTML_LIT(h, ">");
			v_csrf(h, hd->csrf);
			HTML_LIT(h, "<button type=\"submit\" class=\"ds-button\" data-variant=\"tertiary\">");
			html_msgf(h, MSG_CMPL_REMOVE_SOURCE, r[i].name);
			HTML_LIT(h, "</button></form></td>");
		}
		HTML_LIT(h, "</tr>\n");
	}
	HTML_LIT(h, "</tbody></table>\n");
}

/* The top of a decided row's page: heading, way back, the decision's
 * state, the add-source form's problems, edit and delete; then opens the
 * facts' list. */
static void show_top(struct html *h, const struct v_comp_head *hd, enum msg title_msg, const char *title,
		     const char *base, const struct field_errors *errors, enum msg source_label)
{
	h1f(h, title_msg, title);
	link_p(h, comp_url(h, hd->cycle_id), MSG_CMPL_BACK);
	decision_line(h, hd);
	if (errors && errors->n) {
		const struct v_label labels[] = { { "source_id", msg(h->lang, source_label) } };
		v_error_summary(h, errors, labels, 1);
	}
	if (hd->can_write)
		edit_delete_links(h, base);
	HTML_LIT(h, "<dl class=\"comp-facts\">");
}

/* A fact that is free text: the text, or "not given". */
static void fact_text(struct html *h, enum msg label, const char *text)
{
	dt(h, label);
	if (text && *text)
		html_text(h, text);
	else
		html_msg(h, MSG_CMPL_NOT_GIVEN);
	HTML_LIT(h, "</dd>");
}

/* The texts of a lineage: none yet, the table's caption and first column. */
struct lineage_msgs {
	enum msg none, caption, col;
};

/* A decided row's sources as a table, or a line saying there are none. */
static void lineage(struct html *h, const struct v_comp_head *hd, const char *base, const struct comp_ref *src,
		    int nsrc, const struct lineage_msgs *t)
{
	if (nsrc == 0)
		para(h, t->none);
	else
		sources_table(h, hd, base, src, nsrc, t->caption, t->col);
}

static bool id_in(const int64_t *v, int n, int64_t id)
{
	for (int i = 0; i < n; i++)
		if (v[i] == id)
			return true;
	return false;
}

/* ---- candidates to add as sources, shared by both decided kinds ---- */

/* What a refused addition said about source_id; PROB_NONE: nothing. */
static enum problem source_problem(const struct field_errors *fe)
{
	enum problem p = PROB_NONE;
	for (int i = 0; fe && i < fe->n; i++)
		if (strcmp(fe->e[i].field, "source_id") == 0)
			p = fe->e[i].problem;
	return p;
}

/* A candidate's checkbox cell (the first carries f-source_id for the
 * error summary), ticked again after a refusal. */
static void cand_box(struct html *h, const struct v_cand *t, int64_t pid, const char *title, const char *unit,
		     bool first)
{
	struct arena *a = h->b->arena;
	const char *id = first ? "f-source_id" : arena_printf(a, "f-source_id-%lld", (long long)pid);
	HTML_LIT(h, "<tr><td><input class=\"ds-input\" type=\"checkbox\" name=\"source_id\"");
	HTML_ATTR(h, "id", id);
	HTML_ATTR_INT(h, "value", pid);
	if (id_in(t->ticked, t->nticked, pid))
		HTML_LIT(h, " checked");
	if (source_problem(t->errors) != PROB_NONE)
		HTML_LIT(h, " aria-describedby=\"f-source_id-error\"");
	HTML_LIT(h, "><label class=\"comp-vh\"");
	HTML_ATTR(h, "for", id);
	HTML_LIT(h, ">");
	html_msgf(h, MSG_CMPL_SELECT_ITEM, title, unit ? unit : "");
	HTML_LIT(h, "</label></td>");
}

/* The note when not all are shown, the refusal's message, and (when
 * there are any) the form and its table up to the body: caption, the
 * select column and cols. Returns whether the table was opened. */
static bool cand_open(struct html *h, const struct v_cand *t, const char *base, const enum msg *cols, int ncols)
{
	if (t->total > t->n) {
		HTML_LIT(h, "<p class=\"ds-paragraph\">");
		html_msgf(h, MSG_CMPL_CAND_MORE, num_str(h, t->n), num_str(h, t->total));
		HTML_LIT(h, "</p>\n");
	}
	enum problem p = source_problem(t->errors);
	if (p != PROB_NONE && t->n == 0) {
		/* no box to point to: the summary's link lands on the message */
		HTML_LIT(h, "<p class=\"ds-validation-message\" id=\"f-source_id\" tabindex=\"-1\">");
		html_msg(h, v_problem_msg(p));
		HTML_LIT(h, "</p>\n");
	}
	if (t->n == 0)
		return false;
	HTML_LIT(h, "<form method=\"post\" class=\"comp-merge\"");
	HTML_URL(h, "action", arena_printf(h->b->arena, "%s/sources", base));
	HTML_LIT(h, ">\n");
	v_csrf(h, t->csrf);
	if (p != PROB_NONE) {
		HTML_LIT(h, "<p class=\"ds-validation-message\" id=\"f-source_id-error\">");
		html_msg(h, v_problem_msg(p));
		HTML_LIT(h, "</p>\n");
	}
	HTML_LIT(h, "<table class=\"ds-table\" data-zebra=\"true\"><caption>");
	html_msg(h, MSG_CMPL_CAND_CAPTION);
	HTML_LIT(h, "</caption><thead><tr>");
	th(h, MSG_CMPL_COL_SELECT);
	for (int i = 0; i < ncols; i++)
		th(h, cols[i]);
	HTML_LIT(h, "</tr></thead><tbody>\n");
	return true;
}

static void cand_close(struct html *h)
{
	HTML_LIT(h, "</tbody></table>\n");
	v_submit(h, MSG_CMPL_CAND_BUTTON, true);
	HTML_LIT(h, "</form>\n");
}

static void cand_heading(struct html *h)
{
	HTML_LIT(h, "<h3 class=\"ds-heading\" data-size=\"sm\" id=\"add-sources\">");
	html_msg(h, MSG_CMPL_CAND_H3);
	HTML_LIT(h, "</h3>\n<p class=\"ds-paragraph\">");
}

/* A need candidate's row: its box, title, unit, competence (when matched
 * by words), criticality, levels, and the decided need it is already in. */
static void candidate_row(struct html *h, const struct v_comp_need_show *m, const struct comp_proposed_need *p,
			  bool first, bool by_words)
{
	struct arena *a = h->b->arena;
	cand_box(h, &m->cand, p->id, p->title, p->unit_name, first);
	title_cell(h, p->title, p->status);
	HTML_LIT(h, "<td>");
	a_text(h, url_path(a, "/cycles/%lld/proposals/%lld", (long long)m->head.cycle_id, (long long)p->unit_id),
	       p->unit_name ? p->unit_name : "");
	if (by_words) {
		HTML_LIT(h, "</td><td>");
		if (p->competence_name)
			html_text(h, p->competence_name);
		else
			html_msg(h, MSG_CMPL_GROUP_FREE);
	}
	HTML_LIT(h, "</td><td>");
	html_msg(h, v_comp_crit_msg(p->criticality));
	HTML_LIT(h, "</td><td>");
	level_text(h, p->current_level, m->level_names, m->nlevels);
	HTML_LIT(h, " → ");
	level_text(h, p->required_level, m->level_names, m->nlevels);
	HTML_LIT(h, "</td><td>");
	if (p->decided_need_id)
		a_text(h, need_url(h, m->head.cycle_id, p->decided_need_id),
		       p->decided_need_title ? p->decided_need_title : "");
	else
		html_msg(h, MSG_CMPL_NOT_DECIDED);
	HTML_LIT(h, "</td></tr>\n");
}

/* The links to the overview's lists where everything else is: the need's
 * competence and its area, or the free ones and every one. */
static void candidate_links(struct html *h, const struct v_comp_need_show *m)
{
	struct arena *a = h->b->arena;
	const struct decided_need *d = m->need;
	struct v_comp_query q = { .competence_id = d->competence_id, .free = !d->competence_id, .into = d->id };
	HTML_LIT(h, "<ul class=\"comp-links\"><li><a class=\"ds-link\"");
	HTML_URL(h, "href", v_comp_query_url(a, m->head.cycle_id, &q));
	HTML_LIT(h, ">");
	if (d->competence_id)
		html_msgf(h, MSG_CMPL_CAND_LINK_COMPETENCE, d->competence_name ? d->competence_name : "");
	else
		html_msg(h, MSG_CMPL_CAND_LINK_FREE);
	HTML_LIT(h, "</a></li><li><a class=\"ds-link\"");
	q = (struct v_comp_query){ .area_id = d->competence_id ? m->area_id : 0,
				   .all = !d->competence_id || !m->area_id, .into = d->id };
	HTML_URL(h, "href", v_comp_query_url(a, m->head.cycle_id, &q));
	HTML_LIT(h, ">");
	if (q.area_id)
		html_msgf(h, MSG_CMPL_CAND_LINK_AREA, m->area_name ? m->area_name : "");
	else
		html_msg(h, MSG_CMPL_CAND_LINK_ALL);
	HTML_LIT(h, "</a></li></ul>\n");
}

/* For a writer: the proposals that matter first, to tick and add in one
 * go, and the way to all the others. */
static void need_candidates(struct html *h, const struct v_comp_need_show *m, const char *base)
{
	const struct decided_need *d = m->need;
	bool by_words = !d->competence_id;
	cand_heading(h);
	if (m->cand.total == 0) {
		if (by_words)
			html_msg(h, MSG_CMPL_CAND_NONE_WORDS);
		else
			html_msgf(h, MSG_CMPL_CAND_NONE_COMPETENCE, d->competence_name ? d->competence_name : "");
	} else if (by_words) {
		html_msgf(h, MSG_CMPL_CAND_INTRO_WORDS, d->title);
	} else {
		html_msgf(h, MSG_CMPL_CAND_INTRO_COMPETENCE, d->competence_name ? d->competence_name : "");
	}
	HTML_LIT(h, "</p>\n");
	static const enum msg cols_words[] = { MSG_CMPL_COL_NEED, MSG_CMPL_COL_UNIT, MSG_CMPL_COL_COMPETENCE,
					       MSG_CMPL_COL_CRIT, MSG_CMPL_COL_LEVELS, MSG_CMPL_COL_DECIDED };
	static const enum msg cols[] = { MSG_CMPL_COL_NEED, MSG_CMPL_COL_UNIT, MSG_CMPL_COL_CRIT,
					 MSG_CMPL_COL_LEVELS, MSG_CMPL_COL_DECIDED };
	if (cand_open(h, &m->cand, base, by_words ? cols_words : cols, by_words ? 6 : 5)) {
		for (int i = 0; i < m->cand.n; i++)
			candidate_row(h, m, &m->candidates[i], i == 0, by_words);
		cand_close(h);
	}
	candidate_links(h, m);
}

/* A measure candidate's row: its box, title, unit, kind, whether it is
 * in the lineage, and the decided measure it is already in. */
static void mcandidate_row(struct html *h, const struct v_comp_measure_show *m,
			   const struct comp_proposed_measure *p, bool first)
{
	struct arena *a = h->b->arena;
	cand_box(h, &m->cand, p->id, p->title, p->unit_name, first);
	title_cell(h, p->title, p->status);
	HTML_LIT(h, "<td>");
	a_text(h, url_path(a, "/cycles/%lld/proposals/%lld", (long long)m->head.cycle_id, (long long)p->unit_id),
	       p->unit_name ? p->unit_name : "");
	HTML_LIT(h, "</td><td>");
	html_msg(h, v_comp_kind_msg(p->kind));
	HTML_LIT(h, "</td><td>");
	html_msg(h, p->lineage ? MSG_CMPL_YES : MSG_CMPL_NO);
	HTML_LIT(h, "</td><td>");
	if (p->decided_measure_id)
		a_text(h, measure_url(h, m->head.cycle_id, p->decided_measure_id),
		       msg(h->lang, MSG_CMPL_SEE_DECIDED));
	else
		html_msg(h, MSG_CMPL_NOT_DECIDED);
	HTML_LIT(h, "</td></tr>\n");
}

/* For a writer: the proposed measures that matter first, and the way to
 * the overview's list of the measure's kind. */
static void measure_candidates(struct html *h, const struct v_comp_measure_show *m, const char *base)
{
	const struct decided_measure *d = m->measure;
	const char *kind = msg(h->lang, v_comp_kind_msg(d->kind));
	cand_heading(h);
	if (m->cand.total == 0)
		html_msg(h, MSG_CMPL_MCAND_NONE);
	else
		html_msgf(h, MSG_CMPL_MCAND_INTRO, kind);
	HTML_LIT(h, "</p>\n");
	static const enum msg cols[] = { MSG_CMPL_COL_MEASURE, MSG_CMPL_COL_UNIT, MSG_CMPL_COL_KIND,
					 MSG_CMPL_COL_LINEAGE, MSG_CMPL_COL_DECIDED_MEASURE };
	if (cand_open(h, &m->cand, base, cols, 5)) {
		for (int i = 0; i < m->cand.n; i++)
			mcandidate_row(h, m, &m->candidates[i], i == 0);
		cand_close(h);
	}
	struct v_comp_query q = { .kind = measure_kind_name(d->kind), .into = d->id };
	HTML_LIT(h, "<ul class=\"comp-links\"><li><a class=\"ds-link\"");
	HTML_URL(h, "href", v_comp_query_url(h->b->arena, m->head.cycle_id, &q));
	HTML_LIT(h, ">");
	html_msgf(h, MSG_CMPL_MCAND_LINK_KIND, kind);
	HTML_LIT(h, "</a></li></ul>\n");
}

void v_comp_need_show(struct html *h, const struct v_comp_need_show *m)
{
	const struct decided_need *d = m->need;
	const char *base = need_url(h, m->head.cycle_id, d->id);
	show_top(h, &m->head, MSG_CMPL_NEED_SHOW_TITLE, d->title, base, m->errors, MSG_CMPL_ADD_SOURCE_LABEL);
	fact_text(h, MSG_CMPL_F_DESCRIPTION, d->description);
	dt(h, MSG_CMPL_F_COMPETENCE);
	if (d->competence_name)
		html_text(h, d->competence_name);
	else
		html_msg(h, MSG_CMPL_F_COMPETENCE_NONE);
	HTML_LIT(h, "</dd>");
	dt(h, MSG_CMPL_F_SCOPE);
	scope_text(h, d->scope == NEED_SCOPE_ORGANISATION, d->unit_name, MSG_CMPL_SCOPE_ORG);
	HTML_LIT(h, "</dd>");
	dt(h, MSG_CMPL_F_CRIT);
	html_msg(h, v_comp_crit_msg(d->criticality));
	HTML_LIT(h, "</dd>");
	dt(h, MSG_CMPL_F_LEVEL);
	level_text(h, d->required_level, NULL, 0);
	if (m->level_name) {
		HTML_LIT(h, " (");
		html_text(h, m->level_name);
		HTML_LIT(h, ")");
	}
	HTML_LIT(h, "</dd>");
	dt(h, MSG_CMPL_F_HORIZON);
	html_msg(h, v_comp_horizon_msg(d->horizon));
	HTML_LIT(h, "</dd>");
	dt(h, MSG_CMPL_F_PEOPLE);
	if (d->people_affected >= 0)
		html_num(h, d->people_affected);
	else
		html_msg(h, MSG_CMPL_NOT_GIVEN);
	HTML_LIT(h, "</dd>");
	dt(h, MSG_CMPL_F_GOALS);
	ref_names(h, d->goals, d->ngoals, true);
	HTML_LIT(h, "</dd>");
	dt(h, MSG_CMPL_COL_PROPOSED_BY);
	ref_names(h, d->source_units, d->nsource_units, false);
	HTML_LIT(h, "</dd></dl>\n");

	h2(h, MSG_CMPL_LINEAGE_H2, "lineage");
	para(h, MSG_CMPL_LINEAGE_INTRO);
	static const struct lineage_msgs need_msgs = { MSG_CMPL_F_NO_SOURCES, MSG_CMPL_LINEAGE_CAPTION,
						       MSG_CMPL_COL_PROPOSAL };
	lineage(h, &m->head, base, d->sources, d->nsources, &need_msgs);
	if (m->head.can_write)
		need_candidates(h, m, base);

	h2(h, MSG_CMPL_ANSWERED_BY_H2, "measures");
	if (m->nmeasures == 0)
		para(h, MSG_CMPL_NO_ANSWERS);
	else
		measures_table(h, m->head.cycle_id, m->measures, m->nmeasures, MSG_CMPL_ANSWERED_BY_CAPTION);
}

void v_comp_measure_form(struct html *h, const struct v_comp_measure_form *m)
{
	struct arena *a = h->b->arena;
	const struct decided_measure *d = m->measure;
	if (d->id)
		h1f(h, MSG_CMPL_MEASURE_EDIT_TITLE, d->title ? d->title : "");
	else
		h1f(h, MSG_CMPL_MEASURE_NEW_TITLE, m->head.cycle_name);
	summary(h, m->errors, true);
	HTML_LIT(h, "<form method=\"post\" novalidate");
	HTML_URL(h, "action", d->id ? measure_url(h, m->head.cycle_id, d->id)
				    : url_path(a, "/cycles/%lld/compilation/measures", (long long)m->head.cycle_id));
	HTML_LIT(h, ">\n");
	v_csrf(h, m->head.csrf);
	enum_select(h, "kind", MSG_CMPL_F_KIND, KIND_VALUES, KIND_MSGS, 4, measure_kind_name(d->kind),
		    m->errors);
	struct v_field f = { .name = "title", .label = msg(h->lang, MSG_CMPL_F_TITLE), .value = d->title,
			     .maxlength = COMP_TITLE_MAX_CHARS, .required = true, .errors = m->errors };
	v_text_field(h, &f);
	f = (struct v_field){ .name = "description", .label = msg(h->lang, MSG_CMPL_F_DESCRIPTION),
			      .value = d->description, .errors = m->errors };
	v_textarea(h, &f, 5);
	enum_select(h, "scope", MSG_CMPL_F_SCOPE, MSCOPE_VALUES, MSCOPE_MSGS, 2, measure_scope_name(d->scope),
		    m->errors);
	choice_select(h, "unit_id", MSG_CMPL_F_UNIT, MSG_CMPL_F_MUNIT_HINT, m->units, m->nunits, d->unit_id,
		      MSG_CMPL_F_UNIT_NONE, m->errors);
	f = (struct v_field){ .name = "owner", .label = msg(h->lang, MSG_CMPL_F_OWNER), .value = d->owner,
			      .maxlength = COMP_OWNER_MAX_CHARS, .errors = m->errors };
	v_text_field(h, &f);
	const char *deadline = m->deadline_value;
	if (!deadline) {
		deadline = "";
		if (d->deadline && strlen(d->deadline) == 10) {
			const char *s = d->deadline;
			char dd[11] = { s[8], s[9], '.', s[5], s[6], '.', s[0], s[1], s[2], s[3], 0 };
			deadline = arena_strdup(a, dd);
		}
	}
	f = (struct v_field){ .name = "deadline", .label = msg(h->lang, MSG_CMPL_F_DEADLINE),
			      .hint = msg(h->lang, MSG_CMPL_F_DEADLINE_HINT), .value = deadline,
			      .inputmode = "numeric", .errors = m->errors };
	v_text_field(h, &f);
	const char *budget = m->budget_value;
	if (!budget) {
		struct buf b;
		buf_init(&b, a, 32);
		if (d->budget >= 0)
			fmt_int(&b, d->budget);
		budget = buf_str(&b);
	}
	f = (struct v_field){ .name = "budget", .label = msg(h->lang, MSG_CMPL_F_BUDGET),
			      .hint = msg(h->lang, MSG_CMPL_F_BUDGET_HINT), .value = budget,
			      .inputmode = "numeric", .errors = m->errors };
	v_text_field(h, &f);
	check_group(h, "needs", MSG_CMPL_F_NEEDS, 0, m->needs, m->nneeds, d->needs, d->nneeds,
		    MSG_CMPL_F_NO_NEEDS, m->errors);
	check_group(h, "sources", MSG_CMPL_F_MSOURCES, MSG_CMPL_F_SOURCES_HINT,
		    source_choices(a, d->sources, d->nsources), d->nsources, d->sources, d->nsources,
		    MSG_CMPL_F_NO_MSOURCES, m->errors);
	form_buttons(h, d->id ? MSG_CMPL_SAVE : MSG_CMPL_CREATE,
		     d->id ? measure_url(h, m->head.cycle_id, d->id) : comp_url(h, m->head.cycle_id));
	HTML_LIT(h, "</form>\n");
}

void v_comp_measure_show(struct html *h, const struct v_comp_measure_show *m)
{
	const struct decided_measure *d = m->measure;
	const char *base = measure_url(h, m->head.cycle_id, d->id);
	show_top(h, &m->head, MSG_CMPL_MEASURE_SHOW_TITLE, d->title, base, m->errors, MSG_CMPL_ADD_MSOURCE_LABEL);
	dt(h, MSG_CMPL_F_KIND);
	html_msg(h, v_comp_kind_msg(d->kind));
	HTML_LIT(h, "</dd>");
	fact_text(h, MSG_CMPL_F_DESCRIPTION, d->description);
	dt(h, MSG_CMPL_F_SCOPE);
	scope_text(h, d->scope == MEASURE_SCOPE_OVERARCHING, d->unit_name, MSG_CMPL_SCOPE_OVERARCHING);
	HTML_LIT(h, "</dd>");
	fact_text(h, MSG_CMPL_F_OWNER, d->owner);
	dt(h, MSG_CMPL_F_DEADLINE);
	iso_date(h, d->deadline);
	HTML_LIT(h, "</dd>");
	dt(h, MSG_CMPL_F_BUDGET);
	kroner(h, d->budget);
	HTML_LIT(h, "</dd></dl>\n");

	h2(h, MSG_CMPL_F_NEEDS, "needs");
	if (d->nneeds == 0) {
		para(h, MSG_CMPL_F_NO_NEEDS);
	} else {
		HTML_LIT(h, "<ul>");
		for (int i = 0; i < d->nneeds; i++) {
			HTML_LIT(h, "<li>");
			a_text(h, need_url(h, m->head.cycle_id, d->needs[i].id), d->needs[i].name);
			HTML_LIT(h, "</li>");
		}
		HTML_LIT(h, "</ul>\n");
	}
	h2(h, MSG_CMPL_F_MSOURCES, "lineage");
	static const struct lineage_msgs measure_msgs = { MSG_CMPL_F_NO_MSOURCES, MSG_CMPL_MLINEAGE_CAPTION,
							  MSG_CMPL_COL_MEASURE };
	lineage(h, &m->head, base, d->sources, d->nsources, &measure_msgs);
	if (m->head.can_write)
		measure_candidates(h, m, base);
}

void v_comp_delete(struct html *h, const struct v_comp_delete *m)
{
	struct arena *a = h->b->arena;
	const char *base = m->measure ? measure_url(h, m->head.cycle_id, m->id)
				      : need_url(h, m->head.cycle_id, m->id);
	HTML_LIT(h, "<h1 class=\"ds-heading\" data-size=\"lg\">");
	html_msg(h, m->measure ? MSG_CMPL_DELETE_MEASURE_TITLE : MSG_CMPL_DELETE_NEED_TITLE);
	HTML_LIT(h, "</h1>\n<p class=\"ds-paragraph\">");
	html_msgf(h, m->measure ? MSG_CMPL_DELETE_MEASURE_Q : MSG_CMPL_DELETE_NEED_Q, m->title,
		  (long long)m->links);
	HTML_LIT(h, "</p>\n<form method=\"post\"");
	HTML_URL(h, "action", arena_printf(a, "%s/delete", base));
	HTML_LIT(h, ">");
	v_csrf(h, m->head.csrf);
	HTML_LIT(h, "<div class=\"comp-actions\"><button type=\"submit\" class=\"ds-button\" data-color=\"danger\">");
	html_msg(h, MSG_CMPL_DELETE_CONFIRM);
	HTML_LIT(h, "</button><a class=\"ds-link\"");
	HTML_URL(h, "href", base);
	HTML_LIT(h, ">");
	html_msg(h, MSG_CMPL_CANCEL);
	HTML_LIT(h, "</a></div></form>\n");
}
