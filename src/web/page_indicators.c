/* page_indicators.c — the indicators on pages. The home page's dashboard
 * shows totals and a row per top-level unit summing its subtree (bounded
 * by a page's size, whatever the organisation's); GET
 * /cycles/{id}/indicators shows every unit the actor reads, IND_LIST_PAGE a
 * page, filtered by a subtree (?unit=ID: 404 for no such unit, 403 for a
 * leader outside their units) and by a status (?status=). Both read each
 * phase's rows once per request (web/indicator_rows.c) and sum in C; the
 * HTML is bounded by the page size. Reading changes nothing: no audit. */
#include "web/pages_indicators.h"

#include "base/arena.h"
#include "domain/access.h"
#include "domain/cycle.h"
#include "html/html.h"
#include "store/cycles.h"
#include "views/dashboard.h"
#include "views/indicator_list.h"
#include "web/indicator_rows.h"
#include "web/pages_indicators_phase2.h"
#include "web/pages_org.h"

enum { CHOICES_MAX = 100, PATH_MAX_DEPTH = 16 };

/* The name of unit head among the units of row k (it is one of them). */
static const char *head_name(const struct ind_rows *r, const struct ind_row_groups *g, int k)
{
	for (int j = g->start[k]; j < g->start[k + 1]; j++)
		if (r->nodes[g->order[j]].id == g->plan.head[k])
			return r->p1[g->order[j]]->name;
	return NULL;
}

enum err page_ind_dashboard(struct ctx *c, const struct cycle *cy, const struct v_dashboard **out)
{
	*out = NULL;
	struct ind_rows r;
	enum err e = ind_rows_load(c, cy->id, access_can(&c->actor, ACT_COMPILATION_READ, 0), &r);
	if (e || (r.n == 0 && !r.org_wide) || !access_can(&c->actor, ACT_INDICATORS_READ, 0))
		return e;
	struct ind_row_groups g;
	if ((e = ind_rows_group(c->a, &r, &g)))
		return e;
	int shown = g.plan.n < IND_LIST_PAGE ? g.plan.n : IND_LIST_PAGE;
	struct v_dashboard *d = arena_alloc(c->a, sizeof *d);
	struct v_dash_unit *rows = arena_alloc(c->a, sizeof *rows * (size_t)(shown > 0 ? shown : 1));
	struct ind_unit_counts *slice = arena_alloc(c->a, sizeof *slice * (size_t)(r.n > 0 ? r.n : 1));
	if (!d || !rows || !slice)
		return ERR_TOO_BIG;
	for (int k = 0; k < shown; k++) {
		int m = 0;
		for (int j = g.start[k]; j < g.start[k + 1]; j++)
			slice[m++] = r.p1[g.order[j]]->counts;
		rows[k] = (struct v_dash_unit){
			.unit_id = g.plan.head[k], .name = head_name(&r, &g, k), .own_only = g.plan.own_only[k],
			.units = m, .p = ind_phase1_total(slice, m, r.nsteps),
		};
	}
	*d = (struct v_dashboard){
		.cycle_id = cy->id, .cycle_name = cy->name, .org_wide = r.org_wide, .total = r.total1,
		.units = rows, .n = shown, .more = g.plan.n - shown,
		.can_prepare = access_can(&c->actor, ACT_PREPARE, 0),
	};
	if ((e = page_p2_dashboard(c, cy->id, &r, &g, shown, &d->phase2)))
		return e;
	*out = d;
	return OK;
}

/* ---- GET /cycles/{id}/indicators ---- */

struct list_query {
	int64_t unit_id;
	enum ind_status_filter status;
	int page;
};

/* The query's filters; false for a malformed one (400). */
static bool parse_query(struct ctx *c, struct list_query *q)
{
	bool ok_unit, ok_page;
	q->unit_id = page_org_parse_id(ctx_query(c, "unit"), &ok_unit);
	int64_t page = page_org_parse_id(ctx_query(c, "page"), &ok_page);
	const char *p = ctx_query(c, "page");
	if (!ok_unit || !ok_page || (p && *p && (page < 1 || page > 1000000)))
		return false;
	q->page = page > 0 ? (int)page : 1;
	return ind_status_filter_parse(ctx_query(c, "status"), &q->status);
}

static void fail(struct ctx *c, enum err e)
{
	switch (e) {
	case ERR_NOTFOUND: ctx_error_page(c, 404); break;
	case ERR_FORBIDDEN: ctx_error_page(c, 403); break;
	case ERR_TOO_BIG: ctx_error_page(c, 413); break;
	case ERR_BUSY: ctx_error_page(c, 503); break;
	case ERR_INVALID: ctx_error_page(c, 400); break;
	case OK:
	case ERR_CONFLICT:
	case ERR_IO:
		ctx_error_page(c, 500);
		break;
	}
}

/* The list's URL with the filters and no page: the pager adds page=N. */
static const char *base_href(struct arena *a, int64_t cycle_id, const struct list_query *q)
{
	return v_unit_filter_href(a, url_path(a, "/cycles/%lld/indicators", (long long)cycle_id), q->unit_id,
				  ind_status_filter_name(q->status));
}

/* The indexes of the rows that pass the filters, in name order. */
static enum err select_rows(struct ctx *c, const struct ind_rows *r, const struct list_query *q, int **sel,
			    int *nsel)
{
	size_t cap = (size_t)(r->n > 0 ? r->n : 1);
	bool *in = arena_alloc(c->a, sizeof *in * cap);
	*sel = arena_alloc(c->a, sizeof **sel * cap);
	if (!in || !*sel)
		return ERR_TOO_BIG;
	if (q->unit_id) {
		if (ind_subtree(c->a, r->nodes, r->n, q->unit_id, in) < 0)
			return ERR_TOO_BIG;
	} else {
		for (int i = 0; i < r->n; i++)
			in[i] = true;
	}
	int k = 0;
	for (int i = 0; i < r->n; i++)
		if (in[i] && ind_status_match(q->status, &r->p1[i]->counts, r->nsteps, r->p2[i]))
			(*sel)[k++] = i;
	*nsel = k;
	return OK;
}

/* The select's units: the dashboard's top-level rows (not a unit's own
 * figures: choosing it would show everything below it too). */
static enum err choices(struct ctx *c, const struct ind_rows *r, struct v_ind_list *m)
{
	struct ind_row_groups g;
	enum err e = ind_rows_group(c->a, r, &g);
	if (e)
		return e;
	struct v_unit_ref *v = arena_alloc(c->a, sizeof *v * CHOICES_MAX);
	if (!v)
		return ERR_TOO_BIG;
	int k = 0;
	for (int i = 0; i < g.plan.n && k < CHOICES_MAX; i++)
		if (!g.plan.own_only[i])
			v[k++] = (struct v_unit_ref){ g.plan.head[i], head_name(r, &g, i) };
	m->choices = v;
	m->nchoices = k;
	return OK;
}

static enum err fill_list(struct ctx *c, const struct cycle *cy, const struct list_query *q, struct v_ind_list *m)
{
	struct ind_rows r;
	enum err e = ind_rows_load(c, cy->id, false, &r);
	int *sel = NULL, nsel = 0;
	if (!e)
		e = select_rows(c, &r, q, &sel, &nsel);
	if (!e)
		e = choices(c, &r, m);
	if (e)
		return e;
	int pages = ind_page_count(nsel, IND_LIST_PAGE);
	if (q->page > pages)
		return ERR_NOTFOUND;
	bool *has_children = arena_alloc(c->a, sizeof *has_children * (size_t)(r.n > 0 ? r.n : 1));
	int *path = arena_alloc(c->a, sizeof *path * PATH_MAX_DEPTH);
	struct v_unit_ref *refs = arena_alloc(c->a, sizeof *refs * PATH_MAX_DEPTH);
	struct v_ind_list_row *rows = arena_alloc(c->a, sizeof *rows * IND_LIST_PAGE);
	if (!has_children || !path || !refs || !rows || !ind_mark_parents(c->a, r.nodes, r.n, has_children))
		return ERR_TOO_BIG;
	int npath = q->unit_id ? ind_path(c->a, r.nodes, r.n, q->unit_id, path, PATH_MAX_DEPTH) : 0;
	if (npath < 0)
		return ERR_TOO_BIG;
	for (int i = 0; i < npath; i++)
		refs[i] = (struct v_unit_ref){ r.nodes[path[i]].id, r.p1[path[i]]->name };
	int first = (q->page - 1) * IND_LIST_PAGE, n = 0;
	bool show_leaders = access_can(&c->actor, ACT_PREPARE, 0);
	for (int j = first; j < nsel && n < IND_LIST_PAGE; j++) {
		int i = sel[j];
		const struct prep_unit_row *p = r.p1[i];
		rows[n++] = (struct v_ind_list_row){
			.unit_id = p->counts.unit_id, .name = p->name, .code = p->code,
			.leader_name = show_leaders ? p->leader_name : NULL, .has_leader = p->counts.has_leader,
			.has_children = has_children[i], .steps_ticked = p->counts.steps_ticked,
			.p1 = ind_phase1_unit(&p->counts, r.nsteps), .u2 = r.p2[i],
		};
	}
	*m = (struct v_ind_list){
		.cycle_id = cy->id, .cycle_name = cy->name, .org_wide = r.org_wide, .show_leaders = show_leaders,
		.nsteps = r.nsteps, .unit_id = q->unit_id, .path = refs, .npath = npath, .choices = m->choices,
		.nchoices = m->nchoices, .status = q->status, .rows = rows, .n = n, .total = nsel,
		.first = first + 1,
		.pager = { .page = q->page, .pages = pages, .href = base_href(c->a, cy->id, q) },
	};
	return OK;
}

void page_cycle_indicators(struct ctx *c)
{
	int64_t cycle_id = ctx_param_id(c, "id");
	struct list_query q;
	if (!parse_query(c, &q)) {
		ctx_error_page(c, 400);
		return;
	}
	struct cycle cy;
	enum err e = cycle_id ? store_cycle_get(c->db, c->a, cycle_id, &cy) : ERR_NOTFOUND;
	if (!e && q.unit_id) {
		struct unit u;
		e = store_unit_get(c->db, c->a, q.unit_id, &u);
		if (!e && !access_can(&c->actor, ACT_INDICATORS_READ, q.unit_id))
			e = ERR_FORBIDDEN;
	}
	struct v_ind_list m = { 0 };
	if (!e)
		e = fill_list(c, &cy, &q, &m);
	if (e) {
		fail(c, e);
		return;
	}
	struct html h;
	page_begin(c, &h, arena_printf(c->a, "%s – %s", msg(c->lang, MSG_IND_LIST_TITLE), cy.name));
	v_indicator_list(&h, &m);
	page_end(c, &h);
}
