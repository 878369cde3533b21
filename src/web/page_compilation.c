/* page_compilation.c — handlers of the compilation between phases 2 and 3:
 * the overview of all proposals, the heat map, and the decided needs and
 * measures (new with ?from= merged by domain/compilation.h, create, show
 * with lineage, add or take out a source, edit, delete after a question).
 * Reading is ACT_COMPILATION_READ (HR, admin, management, representatives:
 * organisation-wide, so there is no unit scope to ask again); writing is
 * ACT_COMPILE. Every write is one transaction that first asks the decision's
 * state (store_decision_status): anything but compiling is 409. */
#include "web/pages_compilation.h"

#include <stdlib.h>
#include <string.h>
#include "base/arena.h"
#include "base/buf.h"
#include "base/text.h"
#include "base/utf8.h"
#include "domain/audit.h"
#include "domain/compilation.h"
#include "domain/strategy.h"
#include "html/html.h"
#include "store/competences.h"
#include "store/compilation.h"
#include "store/cycles.h"
#include "store/phase2.h"
#include "views/compilation.h"
#include "views/heatmap.h"

enum { FROM_MAX = 200 };   /* proposals merged in one go */

struct head {
	struct cycle cycle;
	struct v_comp_head v;
};

static void locked_page(struct ctx *c, const struct head *hd)
{
	c->w->status = 409;
	buf_reset(&c->w->body);
	struct html h;
	page_begin(c, &h, msg(c->lang, MSG_CMPL_LOCKED_409));
	v_comp_locked(&h, &hd->v);
	page_end(c, &h);
}

static void fail(struct ctx *c, const struct head *hd, enum err e)
{
	switch (e) {
	case ERR_NOTFOUND: ctx_error_page(c, 404); break;
	case ERR_FORBIDDEN: ctx_error_page(c, 403); break;
	case ERR_CONFLICT: locked_page(c, hd); break;
	case ERR_TOO_BIG: ctx_error_page(c, 413); break;
	case ERR_BUSY: ctx_error_page(c, 503); break;
	case ERR_INVALID: ctx_error_page(c, 400); break;
	case OK:
	case ERR_IO:
		ctx_error_page(c, 500);
		break;
	}
}

/* A page title "Word – name" (the <h1> says it in a full sentence). */
static const char *title2(struct ctx *c, enum msg word, const char *name)
{
	return arena_printf(c->a, "%s – %s", msg(c->lang, word), name ? name : "");
}

static enum err load_head(struct ctx *c, struct head *hd)
{
	memset(hd, 0, sizeof *hd);
	int64_t id = ctx_param_id(c, "id");
	if (!id)
		return ERR_NOTFOUND;
	enum err e = store_cycle_get(c->db, c->a, id, &hd->cycle);
	enum decision_status ds = DECISION_COMPILING;
	if (!e)
		e = store_decision_status(c->db, id, &ds);
	if (e)
		return e;
	hd->v = (struct v_comp_head){
		.cycle_id = id, .cycle_name = hd->cycle.name, .decision = ds,
		.can_write = access_can(&c->actor, ACT_COMPILE, 0) && decision_editable(ds), .csrf = c->csrf,
	};
	return OK;
}

/* load_head for a page that writes: false once the error or locked page is out. */
static bool head_for_write(struct ctx *c, struct head *hd)
{
	enum err e = load_head(c, hd);
	if (e)
		fail(c, hd, e);
	else if (!hd->v.can_write)
		locked_page(c, hd);
	return !e && hd->v.can_write;
}

/* Inside a write: the decision must still be compiling. */
static enum err recheck(struct ctx *c, struct head *hd)
{
	enum decision_status ds;
	enum err e = store_decision_status(c->db, hd->v.cycle_id, &ds);
	if (e)
		return e;
	hd->v.decision = ds;
	return decision_editable(ds) ? OK : ERR_CONFLICT;
}

static bool query_flag(struct ctx *c, const char *name)
{
	const char *v = ctx_query(c, name);
	return v && strcmp(v, "1") == 0;
}

static int64_t parse_pos_id(const char *s)
{
	if (!s || !*s || strlen(s) > 15)
		return -1;
	int64_t v = 0;
	for (const char *p = s; *p; p++) {
		if (*p < '0' || *p > '9')
			return -1;
		v = v * 10 + (*p - '0');
	}
	return v > 0 ? v : -1;
}

/* Level names of the proficiency scale in the user's language, by level. */
static enum err level_names(struct ctx *c, const char *const **names, int *n,
			    struct v_comp_choice **choices, int *nchoices)
{
	struct scale sc;
	enum err e = store_scale_get(c->db, c->a, SCALE_PROFICIENCY, &sc);
	if (e)
		return e;
	int top = 0;
	for (int i = 0; i < sc.n; i++)
		if (sc.levels[i].level > top)
			top = sc.levels[i].level;
	const char **v = arena_alloc(c->a, sizeof *v * (size_t)(top + 1));
	struct v_comp_choice *ch = arena_alloc(c->a, sizeof *ch * (size_t)(sc.n > 0 ? sc.n : 1));
	if (!v || !ch)
		return ERR_TOO_BIG;
	for (int i = 0; i < sc.n; i++) {
		const char *nm = sc.levels[i].name[(int)c->lang < (int)SCALE_LANGS ? (int)c->lang : 0];
		v[sc.levels[i].level] = nm;
		ch[i] = (struct v_comp_choice){ sc.levels[i].level,
						arena_printf(c->a, "%d – %s", sc.levels[i].level, nm ? nm : ""), 0 };
	}
	*names = v;
	*n = top + 1;
	if (choices) {
		*choices = ch;
		*nchoices = sc.n;
	}
	return OK;
}

/* ---- GET /cycles/{id}/compilation ---- */

/* ?name=ID: 0 when absent or empty; -1 when not a positive id. */
static int64_t query_id(struct ctx *c, const char *name)
{
	const char *v = ctx_query(c, name);
	return v && *v ? parse_pos_id(v) : 0;
}

/* The overview's query; false when a value is not one it can take (400). */
static bool read_query(struct ctx *c, struct v_comp_query *q)
{
	memset(q, 0, sizeof *q);
	q->drafts = query_flag(c, "drafts");
	q->free = query_flag(c, "free");
	q->all = query_flag(c, "all");
	q->unit_id = query_id(c, "unit");
	q->competence_id = query_id(c, "competence");
	const char *area = ctx_query(c, "area");
	if (area && strcmp(area, "free") == 0)
		q->free = true;   /* the former filter's word for the free ones */
	else
		q->area_id = query_id(c, "area");
	q->into = query_id(c, "into");
	int64_t page = query_id(c, "page");
	if (q->unit_id < 0 || q->competence_id < 0 || q->area_id < 0 || q->into < 0 || page < 0 || page > 1000000)
		return false;
	q->page = page > 0 ? (int)page : 1;
	const char *st = ctx_query(c, "status");
	if (st && *st) {
		enum proposal_status ps;
		if (!proposal_status_parse(st, &ps))
			return false;
		q->status = proposal_status_name(ps);
	}
	const char *kind = ctx_query(c, "kind");
	if (kind && *kind) {
		enum measure_kind mk;
		if (!measure_kind_parse(kind, &mk))
			return false;
		q->kind = measure_kind_name(mk);
	}
	/* one list at a time */
	int lists = (q->competence_id > 0) + q->free + (q->area_id > 0) + q->all + (q->kind != NULL);
	return lists <= 1;
}

static int pages_of(int64_t total, int per)
{
	int64_t p = (total + per - 1) / per;
	return p > 0 ? (int)p : 1;
}

static int cmp_name_nb(const char *x, const char *y)
{
	x = x ? x : "";
	y = y ? y : "";
	return text_collate_nb(x, (int)strlen(x), y, (int)strlen(y));
}

/* Groups by top-level area (its index in the catalogue's order; the free
 * ones last), then competence name. */
struct sorted_group {
	struct comp_need_group g;
	int area_idx;
};

static int cmp_group(const void *pa, const void *pb)
{
	const struct sorted_group *a = pa, *b = pb;
	if (a->area_idx != b->area_idx)
		return a->area_idx < b->area_idx ? -1 : 1;
	int r = cmp_name_nb(a->g.competence_name, b->g.competence_name);
	if (r)
		return r;
	return a->g.competence_id < b->g.competence_id ? -1 : a->g.competence_id > b->g.competence_id;
}

/* The groups as tables per top-level area in m. */
static enum err group_areas(struct ctx *c, const struct competence_area *ar, int nar,
			    const struct comp_need_group *groups, int ng, struct v_comp_overview *m)
{
	struct heat_area *tree = arena_alloc(c->a, sizeof *tree * (size_t)(nar > 0 ? nar : 1));
	struct sorted_group *sg = arena_alloc(c->a, sizeof *sg * (size_t)(ng > 0 ? ng : 1));
	struct comp_need_group *sorted = arena_alloc(c->a, sizeof *sorted * (size_t)(ng > 0 ? ng : 1));
	struct v_comp_area_groups *out = arena_alloc(c->a, sizeof *out * (size_t)(nar + 1));
	if (!tree || !sg || !sorted || !out)
		return ERR_TOO_BIG;
	for (int i = 0; i < nar; i++)
		tree[i] = (struct heat_area){ ar[i].id, ar[i].parent_id, ar[i].name };
	for (int i = 0; i < ng; i++) {
		int idx = nar;   /* free, or an area no longer in the catalogue */
		int64_t top = groups[i].competence_id ? heat_top_area(tree, nar, groups[i].area_id) : 0;
		for (int k = 0; k < nar && top; k++)
			if (ar[k].id == top)
				idx = k;
		sg[i] = (struct sorted_group){ groups[i], idx };
	}
	qsort(sg, (size_t)ng, sizeof *sg, cmp_group);
	int n = 0;
	for (int i = 0; i < ng;) {
		int j = i;
		while (j < ng && sg[j].area_idx == sg[i].area_idx)
			j++;
		struct v_comp_area_groups *ag = &out[n++];
		*ag = (struct v_comp_area_groups){ .groups = sorted + i, .n = j - i };
		if (sg[i].area_idx < nar) {
			ag->area_id = ar[sg[i].area_idx].id;
			ag->name = ar[sg[i].area_idx].name;
		}
		for (int k = i; k < j; k++) {
			sorted[k] = sg[k].g;
			ag->needs += sg[k].g.needs;
			ag->merged += sg[k].g.merged;
		}
		i = j;
	}
	m->areas = out;
	m->nareas = n;
	return OK;
}

/* The unit filter's choices: units with units below them (a subtree worth
 * choosing), in tree order; the chosen unit too, whatever it is. */
static enum err unit_choices(struct ctx *c, struct v_comp_overview *m)
{
	struct unit *tree;
	int n;
	enum err e = store_unit_tree(c->db, c->a, &tree, &n);
	if (e)
		return e;
	struct v_comp_choice *ch = arena_alloc(c->a, sizeof *ch * (size_t)(n > 0 ? n : 1));
	if (!ch)
		return ERR_TOO_BIG;
	int k = 0;
	bool found = m->q.unit_id == 0;
	for (int i = 0; i < n; i++) {
		bool parent = i + 1 < n && tree[i + 1].depth > tree[i].depth;
		if (tree[i].id == m->q.unit_id) {
			found = true;
			m->unit_name = tree[i].name;
		}
		if (parent || tree[i].id == m->q.unit_id)
			ch[k++] = (struct v_comp_choice){ tree[i].id, tree[i].name, tree[i].depth };
	}
	m->unit_choices = ch;
	m->nunit_choices = k;
	return found ? OK : ERR_NOTFOUND;
}

static enum err load_units(struct ctx *c, struct v_comp_overview *m)
{
	enum err e;
	if ((e = store_comp_unit_totals(c->db, c->a, m->head.cycle_id, 0, &m->all)) ||
	    (e = store_unit_count(c->db, &m->units_total)))
		return e;
	m->sel = m->all;
	if (m->q.unit_id && (e = store_comp_unit_totals(c->db, c->a, m->head.cycle_id, m->q.unit_id, &m->sel)))
		return e;
	m->units_matching = m->sel.units;
	if (m->q.status) {
		enum proposal_status ps = PROPOSAL_DRAFT;
		proposal_status_parse(m->q.status, &ps);
		m->units_matching = m->sel.by_status[ps];
	}
	m->pages = pages_of(m->units_matching, V_COMP_UNITS_PER_PAGE);
	if (m->q.page > m->pages)
		m->q.page = m->pages;
	struct comp_unit_query uq = { .unit_id = m->q.unit_id, .status = m->q.status,
				      .offset = (m->q.page - 1) * V_COMP_UNITS_PER_PAGE,
				      .limit = V_COMP_UNITS_PER_PAGE };
	struct comp_unit_row *units;
	int n;
	if ((e = store_comp_units_page(c->db, c->a, m->head.cycle_id, &uq, &units, &n)))
		return e;
	struct v_comp_unit *vu = arena_alloc(c->a, sizeof *vu * (size_t)(n > 0 ? n : 1));
	if (!vu)
		return ERR_TOO_BIG;
	for (int i = 0; i < n; i++)
		vu[i] = (struct v_comp_unit){ units[i].unit_id, units[i].name, units[i].status,
					      units[i].submitted_at, units[i].needs, units[i].measures };
	m->units = vu;
	m->nunits = n;
	return OK;
}

/* A page of the open list; the page is moved back into range first. */
static enum err load_needs_list(struct ctx *c, const struct comp_filter *f, const struct competence_area *ar,
				int nar, struct v_comp_overview *m)
{
	struct comp_proposed_need *v;
	int n;
	int64_t total;
	int offset = (m->q.page - 1) * V_COMP_LIST_PER_PAGE;
	enum err e = store_comp_needs_page(c->db, c->a, m->head.cycle_id, f, offset, V_COMP_LIST_PER_PAGE, &v,
					   &n, &total);
	if (!e && n == 0 && total > 0) {
		m->q.page = pages_of(total, V_COMP_LIST_PER_PAGE);
		offset = (m->q.page - 1) * V_COMP_LIST_PER_PAGE;
		e = store_comp_needs_page(c->db, c->a, m->head.cycle_id, f, offset, V_COMP_LIST_PER_PAGE, &v, &n,
					  &total);
	}
	if (e)
		return e;
	m->needs = v;
	m->nneeds = n;
	m->needs_total = total;
	m->pages = pages_of(total, V_COMP_LIST_PER_PAGE);
	if (m->q.competence_id) {
		struct competence k;
		if ((e = store_competence_get(c->db, c->a, m->q.competence_id, &k)))
			return e;
		m->list_name = k.name;
	}
	if (m->q.area_id) {
		for (int i = 0; i < nar; i++)
			if (ar[i].id == m->q.area_id)
				m->list_name = ar[i].name;
		if (!m->list_name)
			return ERR_NOTFOUND;
	}
	return OK;
}

static enum err load_measures_list(struct ctx *c, const struct comp_filter *f, struct v_comp_overview *m)
{
	struct comp_proposed_measure *v;
	int n;
	int64_t total;
	int offset = (m->q.page - 1) * V_COMP_LIST_PER_PAGE;
	enum err e = store_comp_measures_page(c->db, c->a, m->head.cycle_id, f, offset, V_COMP_LIST_PER_PAGE,
					      &v, &n, &total);
	if (!e && n == 0 && total > 0) {
		m->q.page = pages_of(total, V_COMP_LIST_PER_PAGE);
		offset = (m->q.page - 1) * V_COMP_LIST_PER_PAGE;
		e = store_comp_measures_page(c->db, c->a, m->head.cycle_id, f, offset, V_COMP_LIST_PER_PAGE, &v,
					     &n, &total);
	}
	if (e)
		return e;
	m->measures = v;
	m->nmeasures = n;
	m->measures_total = total;
	m->pages = pages_of(total, V_COMP_LIST_PER_PAGE);
	return OK;
}

void page_comp_overview(struct ctx *c)
{
	struct head hd;
	enum err e = load_head(c, &hd);
	if (e) {
		fail(c, &hd, e);
		return;
	}
	struct v_comp_overview m = { .head = hd.v };
	if (!read_query(c, &m.q)) {
		ctx_error_page(c, 400);
		return;
	}
	struct comp_filter f = { .drafts = m.q.drafts, .unit_id = m.q.unit_id, .competence_id = m.q.competence_id,
				 .free = m.q.free, .area_id = m.q.area_id, .kind = m.q.kind };
	struct competence_area *ar;
	int nar;
	if ((e = unit_choices(c, &m)) || (e = store_competence_areas(c->db, c->a, &ar, &nar)) ||
	    (e = level_names(c, &m.level_names, &m.nlevels, NULL, NULL))) {
		fail(c, &hd, e);
		return;
	}
	if (m.q.into) {
		/* adding to a decided need (needs list) or measure (measures
		 * list): it must be the cycle's (else 404) */
		struct decided_row into = { .measure = v_comp_query_measures_list(&m.q) };
		if ((e = store_decided_get(c->db, c->a, hd.v.cycle_id, m.q.into, &into))) {
			fail(c, &hd, e);
			return;
		}
		m.into_title = into.measure ? into.m.title : into.need.title;
	}
	if (v_comp_query_needs_list(&m.q)) {
		e = load_needs_list(c, &f, ar, nar, &m);
	} else if (v_comp_query_measures_list(&m.q)) {
		e = load_measures_list(c, &f, &m);
	} else {
		struct comp_need_group *groups;
		int ng;
		struct decided_need *dn;
		struct decided_measure *dm;
		if (!(e = load_units(c, &m)) &&
		    !(e = store_comp_need_groups(c->db, c->a, hd.v.cycle_id, &f, &groups, &ng)) &&
		    !(e = group_areas(c, ar, nar, groups, ng, &m)) &&
		    !(e = store_comp_measure_groups(c->db, c->a, hd.v.cycle_id, &f, m.mgroups)) &&
		    !(e = store_decided_needs_list(c->db, c->a, hd.v.cycle_id, &dn, &m.ndecided)) &&
		    !(e = store_decided_measures_list(c->db, c->a, hd.v.cycle_id, &dm, &m.ndmeasures))) {
			m.decided = dn;
			m.dmeasures = dm;
		}
	}
	if (e) {
		fail(c, &hd, e);
		return;
	}
	struct html h;
	page_begin(c, &h, arena_printf(c->a, "%s – %s", msg(c->lang, MSG_CMPL_TITLE), hd.cycle.name));
	v_comp_overview(&h, &m);
	page_end(c, &h);
}

/* ---- GET /cycles/{id}/compilation/heatmap ---- */

/* The path from the top down to node (tree position at): its ancestors
 * and itself, leaving out a single root (the organisation: "the whole
 * organisation" says it). */
static struct v_comp_choice *heat_path(struct ctx *c, const struct heat_unit *tree, int n, int at, int *npath)
{
	bool one_root = heat_default_node(tree, n) != 0;
	struct v_comp_choice *v = arena_alloc(c->a, sizeof *v * (size_t)(tree[at].depth + 1));
	if (!v)
		return NULL;
	int k = 0;
	int want = tree[at].depth;
	for (int i = at; i >= 0 && want >= 0; i--)
		if (tree[i].depth == want) {
			v[k++] = (struct v_comp_choice){ tree[i].id, tree[i].name, want };
			want--;
		}
	if (one_root && k > 0)
		k--;   /* the root is last in v */
	for (int i = 0; i < k / 2; i++) {
		struct v_comp_choice t = v[i];
		v[i] = v[k - 1 - i];
		v[k - 1 - i] = t;
	}
	*npath = k;
	return v;
}

void page_comp_heatmap(struct ctx *c)
{
	struct head hd;
	enum err e = load_head(c, &hd);
	if (e) {
		fail(c, &hd, e);
		return;
	}
	struct v_heatmap m = { .head = hd.v, .drafts = query_flag(c, "drafts"),
			       .weighted = query_flag(c, "weighted") };
	m.unit_id = query_id(c, "unit");
	int64_t page = query_id(c, "page");
	if (m.unit_id < 0 || page < 0 || page > 1000000) {
		ctx_error_page(c, 400);
		return;
	}
	m.page = page > 0 ? (int)page : 1;
	struct competence_area *ar;
	int nar;
	struct heat_count *hc;
	int nhc;
	struct unit *units;
	int nunits;
	if ((e = store_competence_areas(c->db, c->a, &ar, &nar)) ||
	    (e = store_unit_tree(c->db, c->a, &units, &nunits)) ||
	    (e = store_comp_heat_counts(c->db, c->a, hd.v.cycle_id, m.drafts, 0, &hc, &nhc))) {
		fail(c, &hd, e);
		return;
	}
	struct heat_area *areas = arena_alloc(c->a, sizeof *areas * (size_t)(nar > 0 ? nar : 1));
	struct heat_unit *tree = arena_alloc(c->a, sizeof *tree * (size_t)(nunits > 0 ? nunits : 1));
	struct heat_grid *grid = arena_alloc(c->a, sizeof *grid);
	if (!areas || !tree || !grid) {
		ctx_error_page(c, 413);
		return;
	}
	for (int i = 0; i < nar; i++)
		areas[i] = (struct heat_area){ ar[i].id, ar[i].parent_id, ar[i].name };
	for (int i = 0; i < nunits; i++)
		tree[i] = (struct heat_unit){ units[i].id, units[i].name, units[i].depth };
	m.node_id = m.unit_id ? m.unit_id : heat_default_node(tree, nunits);
	struct heat_count *rolled;
	int nrolled;
	if ((e = heat_roll_up(c->a, tree, nunits, m.node_id, hc, nhc, &rolled, &nrolled)) ||
	    (e = heat_grid_build(c->a, areas, nar, rolled, nrolled, 0, m.weighted, grid))) {
		fail(c, &hd, e);
		return;
	}
	/* where the rows lead: a row with units below it can be opened */
	bool *drill = arena_alloc(c->a, sizeof *drill * (size_t)(grid->nrows > 0 ? grid->nrows : 1));
	if (!drill) {
		ctx_error_page(c, 413);
		return;
	}
	for (int r = 0; r < grid->nrows; r++) {
		drill[r] = false;
		for (int i = 0; i < nunits; i++)
			if (tree[i].id == grid->rows[r].unit_id) {
				drill[r] = grid->rows[r].unit_id != m.node_id && i + 1 < nunits &&
					   tree[i + 1].depth > tree[i].depth;
				break;
			}
	}
	for (int i = 0; i < nunits && m.node_id; i++)
		if (tree[i].id == m.node_id) {
			m.path = heat_path(c, tree, nunits, i, &m.npath);
			if (!m.path) {
				ctx_error_page(c, 413);
				return;
			}
		}
	m.drillable = drill;
	m.pages = (grid->nrows + V_HEAT_ROWS_PER_PAGE - 1) / V_HEAT_ROWS_PER_PAGE;
	if (m.pages < 1)
		m.pages = 1;
	if (m.page > m.pages)
		m.page = m.pages;
	m.grid = grid;
	struct html h;
	page_begin(c, &h, arena_printf(c->a, "%s – %s", msg(c->lang, MSG_CMPL_NAV_HEATMAP), hd.cycle.name));
	v_heatmap(&h, &m);
	page_end(c, &h);
}

/* ---- choices for the forms ---- */

struct choices {
	struct v_comp_choice *competences, *units, *levels, *goals, *needs;
	int ncompetences, nunits, nlevels, ngoals, nneeds;
	const char *const *level_names;
	int nlevel_names;
};

static enum err load_choices(struct ctx *c, int64_t cycle_id, bool measure, struct choices *ch)
{
	memset(ch, 0, sizeof *ch);
	struct unit *tree;
	int ntree;
	enum err e = store_unit_tree(c->db, c->a, &tree, &ntree);
	if (e)
		return e;
	ch->units = arena_alloc(c->a, sizeof *ch->units * (size_t)(ntree > 0 ? ntree : 1));
	if (!ch->units)
		return ERR_TOO_BIG;
	for (int i = 0; i < ntree; i++)
		ch->units[i] = (struct v_comp_choice){ tree[i].id, tree[i].name, tree[i].depth };
	ch->nunits = ntree;
	if (measure) {
		struct decided_need *dn;
		int n;
		if ((e = store_decided_needs_list(c->db, c->a, cycle_id, &dn, &n)))
			return e;
		ch->needs = arena_alloc(c->a, sizeof *ch->needs * (size_t)(n > 0 ? n : 1));
		if (!ch->needs)
			return ERR_TOO_BIG;
		for (int i = 0; i < n; i++)
			ch->needs[i] = (struct v_comp_choice){ dn[i].id, dn[i].title, 0 };
		ch->nneeds = n;
		return OK;
	}
	struct competence *k;
	int nk;
	struct competence_query q = { .limit = 5000 };
	if ((e = store_competences_list(c->db, c->a, &q, &k, &nk)))
		return e;
	ch->competences = arena_alloc(c->a, sizeof *ch->competences * (size_t)(nk > 0 ? nk : 1));
	if (!ch->competences)
		return ERR_TOO_BIG;
	for (int i = 0; i < nk; i++)
		ch->competences[i] = (struct v_comp_choice){ k[i].id, k[i].name, 0 };
	ch->ncompetences = nk;
	if ((e = level_names(c, &ch->level_names, &ch->nlevel_names, &ch->levels, &ch->nlevels)))
		return e;
	struct comp_goal *g;
	int ng;
	if ((e = store_comp_goals(c->db, c->a, cycle_id, &g, &ng)))
		return e;
	ch->goals = arena_alloc(c->a, sizeof *ch->goals * (size_t)(ng > 0 ? ng : 1));
	if (!ch->goals)
		return ERR_TOO_BIG;
	for (int i = 0; i < ng; i++)
		ch->goals[i] = (struct v_comp_choice){ g[i].goal_id, arena_printf(c->a, "%s %s", g[i].code, g[i].title), 0 };
	ch->ngoals = ng;
	return OK;
}

/* ---- decided needs ---- */

static void render_need_form(struct ctx *c, const struct head *hd, const struct decided_need *d,
			     const char *people_value, const struct field_errors *fe)
{
	struct choices ch;
	enum err e = load_choices(c, hd->v.cycle_id, false, &ch);
	if (e) {
		fail(c, hd, e);
		return;
	}
	struct v_comp_need_form m = {
		.head = hd->v, .need = d, .competences = ch.competences, .ncompetences = ch.ncompetences,
		.units = ch.units, .nunits = ch.nunits, .levels = ch.levels, .nlevels = ch.nlevels,
		.goals = ch.goals, .ngoals = ch.ngoals, .people_value = people_value, .errors = fe,
	};
	struct html h;
	page_begin(c, &h, d->id ? title2(c, MSG_CMPL_EDIT, d->title) : title2(c, MSG_CMPL_NEW_NEED, hd->cycle.name));
	v_comp_need_form(&h, &m);
	page_end(c, &h);
}

/* The ids of every value of a repeated field (checkboxes, ?from=), each
 * value possibly "1,2,3"; false when one is not an id list. */
static bool field_ids(const struct http_form *f, const char *name, struct arena *a, struct comp_ref **out,
		      int *n)
{
	int64_t ids[FROM_MAX];
	int k = 0;
	for (int i = 0; i < f->n; i++) {
		if (strcmp(f->fields[i].name, name) != 0)
			continue;
		int64_t part[FROM_MAX];
		int np;
		if (!comp_parse_ids(f->fields[i].value, part, &np, FROM_MAX))
			return false;
		for (int p = 0; p < np; p++) {
			bool dup = false;
			for (int q = 0; q < k; q++)
				dup = dup || ids[q] == part[p];
			if (dup)
				continue;
			if (k >= FROM_MAX)
				return false;
			ids[k++] = part[p];
		}
	}
	*out = arena_alloc(a, sizeof **out * (size_t)(k > 0 ? k : 1));
	if (!*out)
		return false;
	for (int i = 0; i < k; i++)
		(*out)[i] = (struct comp_ref){ .id = ids[i] };
	*n = k;
	return true;
}

void page_comp_need_new(struct ctx *c)
{
	struct head hd;
	if (!head_for_write(c, &hd))
		return;
	enum err e;
	struct decided_need d = { .cycle_id = hd.v.cycle_id, .title = "", .description = "",
				  .criticality = CRIT_HIGH, .horizon = HORIZON_ONE_TO_THREE_YEARS,
				  .people_affected = -1 };
	struct field_errors fe = { 0 };
	struct comp_ref *from;
	int nfrom = 0;
	if (!field_ids(&c->query, "from", c->a, &from, &nfrom)) {
		field_error_add(&fe, "sources", PROB_UNKNOWN_REF);
		nfrom = 0;
	}
	if (nfrom > 0) {
		struct comp_proposed_need *src = arena_alloc(c->a, sizeof *src * (size_t)nfrom);
		struct comp_ref *refs = arena_alloc(c->a, sizeof *refs * (size_t)nfrom);
		int64_t *gids = arena_alloc(c->a, sizeof *gids * COMP_LINKS_MAX);
		if (!src || !refs || !gids) {
			ctx_error_page(c, 413);
			return;
		}
		int k = 0;
		for (int i = 0; i < nfrom; i++) {
			e = store_comp_proposed_need_get(c->db, c->a, hd.v.cycle_id, from[i].id, &src[k]);
			if (e == ERR_NOTFOUND) {
				field_error_add(&fe, "sources", PROB_UNKNOWN_REF);
				continue;
			}
			if (e) {
				fail(c, &hd, e);
				return;
			}
			k++;
		}
		if (k > 0) {
			int ng;
			comp_merge(src, k, &d, refs, gids, &ng, COMP_LINKS_MAX);
			struct comp_ref *goals = arena_alloc(c->a, sizeof *goals * (size_t)(ng > 0 ? ng : 1));
			if (!goals) {
				ctx_error_page(c, 413);
				return;
			}
			for (int i = 0; i < ng; i++)
				goals[i] = (struct comp_ref){ .id = gids[i] };
			d.goals = goals;
			d.ngoals = ng;
		}
	}
	if (fe.n)
		c->w->status = 422;
	render_need_form(c, &hd, &d, NULL, fe.n ? &fe : NULL);
}

/* A posted text field, "" when absent; NULL when it holds a NUL byte. */
static const char *posted(struct ctx *c, const char *name)
{
	const struct http_field *f = http_form_field(&c->form, name);
	if (!f || !f->value)
		return "";
	if (strlen(f->value) != f->len)
		return NULL;
	return f->value;
}

static char *posted_trim(struct ctx *c, const char *name, struct field_errors *fe)
{
	const char *v = posted(c, name);
	if (!v) {
		field_error_add(fe, name, PROB_BAD_TEXT);
		v = "";
	}
	char *s = arena_strdup(c->a, v);
	return s ? str_trim(s) : (char *)"";
}

/* An optional id field: "" is 0, else a positive id (else a problem p). */
static int64_t posted_id(struct ctx *c, const char *name, enum problem p, struct field_errors *fe)
{
	const char *v = posted(c, name);
	if (!v || !*v)
		return 0;
	int64_t id = parse_pos_id(v);
	if (id < 0) {
		field_error_add(fe, name, p);
		return 0;
	}
	return id;
}

/* A write on a decided need or measure (as in.measure says). */
struct job {
	struct head hd;
	int64_t id;                /* 0: create */
	int op;                    /* 0 save, 1 delete, 2 add sources, 3 remove a source */
	struct comp_ref *ids;      /* op 2: the sources to add; op 3: the one to take out */
	int nids;
	struct decided_row in, before;
	const char *people_value;                   /* a need's, as typed */
	const char *deadline_value, *budget_value;  /* a measure's, as typed */
	struct field_errors fe;
};

static void read_need_form(struct ctx *c, struct job *j)
{
	struct decided_need *d = &j->in.need;
	struct field_errors *fe = &j->fe;
	d->cycle_id = j->hd.v.cycle_id;
	d->title = posted_trim(c, "title", fe);
	d->description = posted_trim(c, "description", fe);
	d->competence_id = posted_id(c, "competence_id", PROB_UNKNOWN_REF, fe);
	const char *v = posted(c, "criticality");
	if (!v || !*v)
		field_error_add(fe, "criticality", PROB_REQUIRED);
	else if (!criticality_parse(v, &d->criticality))
		field_error_add(fe, "criticality", PROB_BAD_CHOICE);
	d->required_level = (int)posted_id(c, "required_level", PROB_BAD_CHOICE, fe);
	if (d->required_level > 100) {
		field_error_add(fe, "required_level", PROB_BAD_CHOICE);
		d->required_level = 0;
	}
	v = posted(c, "horizon");
	if (!v || !*v)
		field_error_add(fe, "horizon", PROB_REQUIRED);
	else if (!horizon_parse(v, &d->horizon))
		field_error_add(fe, "horizon", PROB_BAD_CHOICE);
	j->people_value = posted_trim(c, "people_affected", fe);
	d->people_affected = -1;
	if (*j->people_value) {
		int64_t p = 0;
		if (!comp_parse_kroner(j->people_value, &p) || p < 0 || p > 100000000)
			field_error_add(fe, "people_affected", PROB_BAD_NUMBER);
		else
			d->people_affected = p;
	}
	v = posted(c, "scope");
	if (!v || !*v)
		field_error_add(fe, "scope", PROB_REQUIRED);
	else if (!need_scope_parse(v, &d->scope))
		field_error_add(fe, "scope", PROB_BAD_CHOICE);
	d->unit_id = posted_id(c, "unit_id", PROB_UNKNOWN_REF, fe);
	if (d->scope != NEED_SCOPE_UNIT)
		d->unit_id = 0;
	if (!field_ids(&c->form, "goals", c->a, &d->goals, &d->ngoals)) {
		field_error_add(fe, "goals", PROB_UNKNOWN_REF);
		d->ngoals = 0;
	}
	if (!field_ids(&c->form, "sources", c->a, &d->sources, &d->nsources)) {
		field_error_add(fe, "sources", PROB_UNKNOWN_REF);
		d->nsources = 0;
	}
}

/* The ids a refused addition had ticked, for the boxes (arena memory). */
static const int64_t *ticked_ids(struct ctx *c, const struct comp_ref *ticked, int n)
{
	int64_t *v = arena_alloc(c->a, sizeof *v * (size_t)(n > 0 ? n : 1));
	for (int i = 0; v && i < n; i++)
		v[i] = ticked[i].id;
	return v;
}

/* The proposed needs that matter first as new sources of d: the same
 * competence's (read in order, at most V_COMP_CANDIDATES_MAX), or, for a
 * need described freely, those sharing words with its title (every
 * candidate read, ranked in C: the folding is ICU's, not the database's). */
static enum err need_candidates(struct ctx *c, const struct head *hd, const struct decided_need *d,
				struct v_comp_need_show *m)
{
	struct comp_proposed_need *v;
	int n;
	enum err e = store_comp_need_candidates(c->db, c->a, hd->v.cycle_id, d->id, d->competence_id,
						d->competence_id ? V_COMP_CANDIDATES_MAX : 0, &v, &n,
						&m->cand.total);
	if (e)
		return e;
	if (d->competence_id) {
		struct competence k;
		e = store_competence_get(c->db, c->a, d->competence_id, &k);
		if (e && e != ERR_NOTFOUND)
			return e;
		if (!e) {
			m->area_id = k.area_id;
			m->area_name = k.area_name;
		}
	} else {
		int kept = comp_by_words(c->a, d->title, v, n);
		if (kept < 0)
			return ERR_TOO_BIG;
		m->cand.total = kept;
		n = kept < V_COMP_CANDIDATES_MAX ? kept : V_COMP_CANDIDATES_MAX;
	}
	m->candidates = v;
	m->cand.n = n;
	return OK;
}

static void render_need_show(struct ctx *c, const struct head *hd, int64_t id, const struct field_errors *fe,
			     const struct comp_ref *ticked, int nticked)
{
	struct decided_need d;
	enum err e = store_decided_need_get(c->db, c->a, hd->v.cycle_id, id, &d);
	struct v_comp_need_show m = { .head = hd->v, .need = &d, .errors = fe };
	struct decided_measure *dm = NULL;
	int ndm = 0;
	if (!e && hd->v.can_write)
		e = need_candidates(c, hd, &d, &m);
	if (!e)
		e = store_decided_measures_list(c->db, c->a, hd->v.cycle_id, &dm, &ndm);
	if (!e)
		e = level_names(c, &m.level_names, &m.nlevels, NULL, NULL);
	if (e) {
		fail(c, hd, e);
		return;
	}
	struct decided_measure *answers = arena_alloc(c->a, sizeof *answers * (size_t)(ndm > 0 ? ndm : 1));
	m.cand.csrf = hd->v.csrf;
	m.cand.ticked = ticked_ids(c, ticked, nticked);
	m.cand.nticked = nticked;
	m.cand.errors = fe;
	if (!answers || !m.cand.ticked) {
		ctx_error_page(c, 413);
		return;
	}
	int na = 0;
	for (int i = 0; i < ndm; i++)
		for (int k = 0; k < dm[i].nneeds; k++)
			if (dm[i].needs[k].id == id) {
				answers[na++] = dm[i];
				break;
			}
	m.measures = answers;
	m.nmeasures = na;
	m.level_name = d.required_level > 0 && d.required_level < m.nlevels ? m.level_names[d.required_level] : NULL;
	struct html h;
	page_begin(c, &h, title2(c, MSG_CMPL_COL_DECIDED, d.title));
	v_comp_need_show(&h, &m);
	page_end(c, &h);
}

static void delete_question(struct ctx *c, bool measure)
{
	struct head hd;
	enum err e = load_head(c, &hd);
	int64_t id = ctx_param_id(c, measure ? "measure_id" : "need_id");
	struct v_comp_delete m = { .measure = measure, .id = id };
	if (!e && !id)
		e = ERR_NOTFOUND;
	if (!e && measure) {
		struct decided_measure d;
		if (!(e = store_decided_measure_get(c->db, c->a, hd.v.cycle_id, id, &d))) {
			m.title = d.title;
			m.links = d.nneeds;
		}
	} else if (!e) {
		struct decided_need d;
		if (!(e = store_decided_need_get(c->db, c->a, hd.v.cycle_id, id, &d))) {
			m.title = d.title;
			m.links = d.nsources;
		}
	}
	if (e) {
		fail(c, &hd, e);
		return;
	}
	if (!hd.v.can_write) {
		locked_page(c, &hd);
		return;
	}
	m.head = hd.v;
	struct html h;
	page_begin(c, &h, msg(c->lang, measure ? MSG_CMPL_DELETE_MEASURE_TITLE : MSG_CMPL_DELETE_NEED_TITLE));
	v_comp_delete(&h, &m);
	page_end(c, &h);
}

void page_comp_need_delete_confirm(struct ctx *c) { delete_question(c, false); }
void page_comp_measure_delete_confirm(struct ctx *c) { delete_question(c, true); }

/* ---- decided measures ---- */

static void render_measure_form(struct ctx *c, const struct head *hd, const struct decided_measure *d,
				const char *deadline_value, const char *budget_value,
				const struct field_errors *fe)
{
	struct choices ch;
	enum err e = load_choices(c, hd->v.cycle_id, true, &ch);
	if (e) {
		fail(c, hd, e);
		return;
	}
	struct v_comp_measure_form m = {
		.head = hd->v, .measure = d, .units = ch.units, .nunits = ch.nunits, .needs = ch.needs,
		.nneeds = ch.nneeds, .deadline_value = deadline_value, .budget_value = budget_value, .errors = fe,
	};
	struct html h;
	page_begin(c, &h, d->id ? title2(c, MSG_CMPL_EDIT, d->title) : title2(c, MSG_CMPL_NEW_MEASURE, hd->cycle.name));
	v_comp_measure_form(&h, &m);
	page_end(c, &h);
}

void page_comp_measure_new(struct ctx *c)
{
	struct head hd;
	if (!head_for_write(c, &hd))
		return;
	enum err e;
	struct decided_measure d = { .cycle_id = hd.v.cycle_id, .kind = MEASURE_DEVELOP, .title = "",
				     .description = "", .owner = "", .deadline = "", .budget = -1 };
	struct field_errors fe = { 0 };
	struct comp_ref *from;
	int nfrom = 0;
	if (!field_ids(&c->query, "from", c->a, &from, &nfrom)) {
		field_error_add(&fe, "sources", PROB_UNKNOWN_REF);
		nfrom = 0;
	}
	/* the first proposal gives kind, title, description, owner and unit;
	 * the costs add up to the budget */
	int k = 0;
	int64_t unit = 0;
	bool several_units = false;
	for (int i = 0; i < nfrom; i++) {
		struct comp_proposed_measure p;
		e = store_comp_proposed_measure_get(c->db, c->a, hd.v.cycle_id, from[i].id, &p);
		if (e == ERR_NOTFOUND) {
			field_error_add(&fe, "sources", PROB_UNKNOWN_REF);
			continue;
		}
		if (e) {
			fail(c, &hd, e);
			return;
		}
		if (k == 0) {
			d.kind = p.kind;
			d.title = p.title;
			d.description = p.description;
			d.owner = p.suggested_owner;
			unit = p.unit_id;
		} else if (p.unit_id != unit) {
			several_units = true;
		}
		if (p.estimated_cost >= 0)
			d.budget = (d.budget < 0 ? 0 : d.budget) + p.estimated_cost;
		from[k++] = (struct comp_ref){ .id = p.id, .name = p.title, .unit_id = p.unit_id,
					       .unit_name = p.unit_name };
	}
	if (k > 0) {
		d.scope = several_units ? MEASURE_SCOPE_OVERARCHING : MEASURE_SCOPE_LOCAL;
		d.unit_id = several_units ? 0 : unit;
		d.sources = from;
		d.nsources = k;
	}
	if (fe.n)
		c->w->status = 422;
	render_measure_form(c, &hd, &d, NULL, NULL, fe.n ? &fe : NULL);
}

static void read_measure_form(struct ctx *c, struct job *j)
{
	struct decided_measure *d = &j->in.m;
	struct field_errors *fe = &j->fe;
	d->cycle_id = j->hd.v.cycle_id;
	const char *v = posted(c, "kind");
	if (!v || !*v)
		field_error_add(fe, "kind", PROB_REQUIRED);
	else if (!measure_kind_parse(v, &d->kind))
		field_error_add(fe, "kind", PROB_BAD_CHOICE);
	d->title = posted_trim(c, "title", fe);
	d->description = posted_trim(c, "description", fe);
	v = posted(c, "scope");
	if (!v || !*v)
		field_error_add(fe, "scope", PROB_REQUIRED);
	else if (!measure_scope_parse(v, &d->scope))
		field_error_add(fe, "scope", PROB_BAD_CHOICE);
	d->unit_id = posted_id(c, "unit_id", PROB_UNKNOWN_REF, fe);
	if (d->scope != MEASURE_SCOPE_LOCAL)
		d->unit_id = 0;
	d->owner = posted_trim(c, "owner", fe);
	j->deadline_value = posted_trim(c, "deadline", fe);
	d->deadline = "";
	if (*j->deadline_value) {
		char *iso = arena_alloc(c->a, 11);
		if (iso && strategy_parse_date(j->deadline_value, iso))
			d->deadline = iso;
		else
			field_error_add(fe, "deadline", PROB_BAD_DATE);
	}
	j->budget_value = posted_trim(c, "budget", fe);
	if (!comp_parse_kroner(j->budget_value, &d->budget)) {
		field_error_add(fe, "budget", PROB_BAD_NUMBER);
		d->budget = -1;
	}
	if (!field_ids(&c->form, "needs", c->a, &d->needs, &d->nneeds)) {
		field_error_add(fe, "needs", PROB_UNKNOWN_REF);
		d->nneeds = 0;
	}
	if (!field_ids(&c->form, "sources", c->a, &d->sources, &d->nsources)) {
		field_error_add(fe, "sources", PROB_UNKNOWN_REF);
		d->nsources = 0;
	}
}

static void render_measure_show(struct ctx *c, const struct head *hd, int64_t id, const struct field_errors *fe,
				const struct comp_ref *ticked, int nticked)
{
	struct decided_measure d;
	enum err e = store_decided_measure_get(c->db, c->a, hd->v.cycle_id, id, &d);
	struct v_comp_measure_show m = { .head = hd->v, .measure = &d, .errors = fe };
	struct comp_proposed_measure *v = NULL;
	if (!e && hd->v.can_write)
		e = store_comp_measure_candidates(c->db, c->a, hd->v.cycle_id, d.id, d.kind, V_COMP_CANDIDATES_MAX,
						  &v, &m.cand.n, &m.cand.total);
	if (e) {
		fail(c, hd, e);
		return;
	}
	m.candidates = v;
	m.cand = (struct v_cand){ .csrf = hd->v.csrf, .n = m.cand.n, .total = m.cand.total,
				  .ticked = ticked_ids(c, ticked, nticked), .nticked = nticked, .errors = fe };
	if (!m.cand.ticked) {
		ctx_error_page(c, 413);
		return;
	}
	struct html h;
	page_begin(c, &h, title2(c, MSG_CMPL_COL_DECIDED_MEASURE, d.title));
	v_comp_measure_show(&h, &m);
	page_end(c, &h);
}

/* ---- writes, show and edit: one code for needs and measures ---- */

static const char *const ID_PARAM[] = { "need_id", "measure_id" };
static const char *const AUDIT_WHAT[] = { "decided_need", "decided_measure" };

static void render_form(struct ctx *c, const struct head *hd, const struct job *j, const struct field_errors *fe)
{
	if (j->in.measure)
		render_measure_form(c, hd, &j->in.m, j->deadline_value, j->budget_value, fe);
	else
		render_need_form(c, hd, &j->in.need, j->people_value, fe);
}

/* The show page; ticked: the boxes a refused addition had ticked. */
static void render_show(struct ctx *c, const struct head *hd, bool measure, int64_t id,
			const struct field_errors *fe, const struct comp_ref *ticked, int nticked)
{
	if (measure)
		render_measure_show(c, hd, id, fe, ticked, nticked);
	else
		render_need_show(c, hd, id, fe, ticked, nticked);
}

/* j->in becomes j->before with j->ids added (op 2: those already there
 * are left as they are) or j->ids[0] taken out (op 3); OK with nothing to
 * do when every one is already there; ERR_NOTFOUND when it is not there
 * to take out. */
static enum err change_sources(struct ctx *c, struct job *j, bool *nothing)
{
	j->in = j->before;
	struct comp_ref **src;
	int *nsrc;
	decided_row_sources(&j->in, &src, &nsrc);
	struct comp_ref *s = arena_alloc(c->a, sizeof *s * (size_t)(*nsrc + j->nids));
	if (!s)
		return ERR_TOO_BIG;
	int k = 0;
	for (int i = 0; i < *nsrc; i++)
		if (j->op == 2 || (*src)[i].id != j->ids[0].id)
			s[k++] = (*src)[i];
	if (j->op == 2) {
		for (int i = 0; i < j->nids; i++) {
			bool in = false;
			for (int q = 0; q < *nsrc && !in; q++)
				in = (*src)[q].id == j->ids[i].id;
			if (!in)
				s[k++] = (struct comp_ref){ .id = j->ids[i].id };
		}
		if ((*nothing = k == *nsrc))   /* every one already a source */
			return OK;
	} else if (k == *nsrc) {
		return ERR_NOTFOUND;
	}
	*src = s;
	*nsrc = k;
	return OK;
}

static enum err do_job(struct ctx *c, void *arg)
{
	struct job *j = arg;
	bool measure = j->in.measure;
	int64_t cycle_id = j->hd.v.cycle_id;
	enum err e = recheck(c, &j->hd);
	if (e)
		return e;
	if (j->id && (e = store_decided_get(c->db, c->a, cycle_id, j->id, &j->before)))
		return e;
	struct buf b;
	buf_init(&b, c->a, 0);
	if (j->op == 1) {
		if ((e = store_decided_delete(c->db, measure, cycle_id, j->id)))
			return e;
		comp_audit_decided(&b, measure, &j->before, NULL);
		return b.err ? b.err : ctx_audit(c, AUDIT_WHAT[measure], j->id, "delete", buf_str(&b));
	}
	if (j->op == 2 || j->op == 3) {
		bool nothing = false;
		if ((e = change_sources(c, j, &nothing)) || nothing)
			return e;
	}
	validate_decided(&j->in, &j->fe);
	if ((e = store_decided_refs(c->db, cycle_id, &j->in, &j->fe)))
		return e;
	if (j->fe.n)
		return ERR_INVALID;
	if (!j->id) {
		if ((e = store_decided_save(c->db, &j->in, c->user.id, c->now)))
			return e;
		comp_audit_decided(&b, measure, NULL, &j->in);
		return b.err ? b.err
			     : ctx_audit(c, AUDIT_WHAT[measure], decided_row_id(&j->in), "create", buf_str(&b));
	}
	if (measure)
		j->in.m.id = j->id;
	else
		j->in.need.id = j->id;
	comp_audit_decided(&b, measure, &j->before, &j->in);
	if (b.err)
		return b.err;
	if (audit_is_empty(&b))
		return OK;
	if ((e = store_decided_save(c->db, &j->in, c->user.id, c->now)))
		return e;
	return ctx_audit(c, AUDIT_WHAT[measure], j->id, j->op == 0 ? "update" : j->op == 2 ? "add_source"
									   : "remove_source", buf_str(&b));
}

static const char *comp_path(struct ctx *c, int64_t cycle_id)
{
	return url_path(c->a, "/cycles/%lld/compilation", (long long)cycle_id);
}

static const char *row_path(struct ctx *c, bool measure, int64_t cycle_id, int64_t id)
{
	return url_path(c->a, "/cycles/%lld/compilation/%s/%lld", (long long)cycle_id,
			measure ? "measures" : "needs", (long long)id);
}

static void run_job(struct ctx *c, bool measure, int op, bool has_id)
{
	static const enum msg saved[] = { MSG_CMPL_FLASH_NEED_SAVED, MSG_CMPL_FLASH_MEASURE_SAVED };
	static const enum msg created[] = { MSG_CMPL_FLASH_NEED_CREATED, MSG_CMPL_FLASH_MEASURE_CREATED };
	static const enum msg deleted[] = { MSG_CMPL_FLASH_NEED_DELETED, MSG_CMPL_FLASH_MEASURE_DELETED };
	struct job j = { .op = op, .in.measure = measure, .before.measure = measure };
	enum err e = load_head(c, &j.hd);
	if (e) {
		fail(c, &j.hd, e);
		return;
	}
	if (has_id && !(j.id = ctx_param_id(c, ID_PARAM[measure]))) {
		ctx_error_page(c, 404);
		return;
	}
	if (op == 0 && measure)
		read_measure_form(c, &j);
	else if (op == 0)
		read_need_form(c, &j);
	if (op == 2) {
		/* one source_id (the measure's select) or several (the need's boxes) */
		if (!field_ids(&c->form, "source_id", c->a, &j.ids, &j.nids)) {
			field_error_add(&j.fe, "source_id", PROB_UNKNOWN_REF);
			j.nids = 0;
		} else if (j.nids == 0) {
			field_error_add(&j.fe, "source_id", PROB_REQUIRED);
		}
		if (j.fe.n) {
			c->w->status = 422;
			render_show(c, &j.hd, measure, j.id, &j.fe, NULL, 0);
			return;
		}
	}
	if (op == 3) {
		struct comp_ref *one = arena_alloc(c->a, sizeof *one);
		if (!one || !(one->id = ctx_param_id(c, "source_id"))) {
			ctx_error_page(c, one ? 404 : 413);
			return;
		}
		j.ids = one;
		j.nids = 1;
	}
	e = ctx_write(c, do_job, &j);
	if (e == ERR_INVALID && j.fe.n) {
		c->w->status = 422;
		if (op == 2) {
			/* all or nothing: the boxes stay ticked, nothing was added */
			struct field_errors fe = { 0 };
			field_error_add(&fe, "source_id", PROB_UNKNOWN_REF);
			render_show(c, &j.hd, measure, j.id, &fe, j.ids, j.nids);
		} else {
			render_form(c, &j.hd, &j, &j.fe);
		}
		return;
	}
	if (e) {
		fail(c, &j.hd, e);
		return;
	}
	int64_t cycle_id = j.hd.v.cycle_id;
	switch (op) {
	case 0:
		ctx_redirect_flash(c, row_path(c, measure, cycle_id, j.id ? j.id : decided_row_id(&j.in)),
				   j.id ? saved[measure] : created[measure]);
		break;
	case 1:
		ctx_redirect_flash(c, arena_printf(c->a, "%s#decided-%s", comp_path(c, cycle_id),
						   measure ? "measures" : "needs"),
				   deleted[measure]);
		break;
	default:
		ctx_redirect_flash(c, arena_printf(c->a, "%s#lineage", row_path(c, measure, cycle_id, j.id)),
				   op == 3 ? MSG_CMPL_FLASH_SOURCE_REMOVED
				   : j.nids > 1 ? MSG_CMPL_FLASH_SOURCES_ADDED : MSG_CMPL_FLASH_SOURCE_ADDED);
	}
}

void page_comp_need_create(struct ctx *c) { run_job(c, false, 0, false); }
void page_comp_need_update(struct ctx *c) { run_job(c, false, 0, true); }
void page_comp_need_delete(struct ctx *c) { run_job(c, false, 1, true); }
void page_comp_need_source_add(struct ctx *c) { run_job(c, false, 2, true); }
void page_comp_need_source_remove(struct ctx *c) { run_job(c, false, 3, true); }
void page_comp_measure_create(struct ctx *c) { run_job(c, true, 0, false); }
void page_comp_measure_update(struct ctx *c) { run_job(c, true, 0, true); }
void page_comp_measure_delete(struct ctx *c) { run_job(c, true, 1, true); }
void page_comp_measure_source_add(struct ctx *c) { run_job(c, true, 2, true); }
void page_comp_measure_source_remove(struct ctx *c) { run_job(c, true, 3, true); }

static void show_page(struct ctx *c, bool measure)
{
	struct head hd;
	enum err e = load_head(c, &hd);
	int64_t id = ctx_param_id(c, ID_PARAM[measure]);
	if (!e && !id)
		e = ERR_NOTFOUND;
	if (e) {
		fail(c, &hd, e);
		return;
	}
	render_show(c, &hd, measure, id, NULL, NULL, 0);
}

void page_comp_need_show(struct ctx *c) { show_page(c, false); }
void page_comp_measure_show(struct ctx *c) { show_page(c, true); }

static void edit_page(struct ctx *c, bool measure)
{
	struct head hd;
	enum err e = load_head(c, &hd);
	int64_t id = ctx_param_id(c, ID_PARAM[measure]);
	struct job j = { .in.measure = measure };
	if (!e)
		e = id ? store_decided_get(c->db, c->a, hd.v.cycle_id, id, &j.in) : ERR_NOTFOUND;
	if (e) {
		fail(c, &hd, e);
		return;
	}
	if (!hd.v.can_write) {
		locked_page(c, &hd);
		return;
	}
	render_form(c, &hd, &j, NULL);
}

void page_comp_need_edit(struct ctx *c) { edit_page(c, false); }
void page_comp_measure_edit(struct ctx *c) { edit_page(c, true); }
