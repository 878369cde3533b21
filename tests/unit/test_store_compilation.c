/* test_store_compilation.c — store/compilation.h against a real database
 * (SQLite, or EVNE_TEST_DB for PostgreSQL): the proposals read side by side
 * and as heat-map counts, decided needs and measures with their lineage
 * (product.md, "merge similar proposed needs into one decided need while
 * keeping the lineage"), deletion that cascades the links but never the
 * proposals, and a proposal in a lineage that cannot be deleted. Proposal
 * rows are written with plain SQL, as the proposals family would. Run with
 * CMOCKA_MESSAGE_OUTPUT=TAP. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "store/compilation.h"
#include "store/phase2.h"
#include "store/store_int.h"
#include "store_fixture.h"

static struct store_fixture F;

static int group_setup(void **state)
{
	(void)state;
	return store_fixture_open(&F);
}

static int group_teardown(void **state)
{
	(void)state;
	store_fixture_close(&F);
	return 0;
}

static const char SQL_T_CYCLE[] =
	"INSERT INTO cycles (name, status, created_at, updated_at) VALUES ($1, 'open', 1, 1) RETURNING id";
static const char SQL_T_UNIT[] =
	"INSERT INTO units (name, code, created_at, updated_at) VALUES ($1, $2, 1, 1) RETURNING id";
static const char SQL_T_AREA[] =
	"INSERT INTO competence_areas (code, name, parent_id, created_at, updated_at)"
	" VALUES ($1, $2, $3, 1, 1) RETURNING id";
static const char SQL_T_COMPETENCE[] =
	"INSERT INTO competences (code, name, name_fold, area_id, created_at, updated_at)"
	" VALUES ($1, $2, $2, $3, 1, 1) RETURNING id";
static const char SQL_T_DISCUSSION[] =
	"INSERT INTO unit_discussions (cycle_id, unit_id, status, submitted_at, updated_at)"
	" VALUES ($1, $2, $3, $4, 1)";
static const char SQL_T_NEED[] =
	"INSERT INTO competence_needs (cycle_id, unit_id, competence_id, title, criticality,"
	" required_level, people_affected, horizon, position, created_at, updated_at)"
	" VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 1, 1) RETURNING id";
static const char SQL_T_MEASURE[] =
	"INSERT INTO proposed_measures (cycle_id, unit_id, kind, title, estimated_cost, position,"
	" created_at, updated_at) VALUES ($1, $2, 'develop', $3, 5000, 1, 1, 1) RETURNING id";
static const char SQL_T_MEASURE_ACQUIRE[] =
	"INSERT INTO proposed_measures (cycle_id, unit_id, kind, title, estimated_cost, position,"
	" created_at, updated_at) VALUES ($1, $2, 'acquire', $3, 5000, 2, 1, 1) RETURNING id";
static const char SQL_T_MEASURE_NEED[] = "INSERT INTO measure_needs (measure_id, need_id) VALUES ($1, $2)";
static const char SQL_T_VERSION[] =
	"INSERT INTO strategy_versions (cycle_id, status, number, created_at, updated_at, published_at)"
	" VALUES ($1, 'published', 1, 1, 1, 1) RETURNING id";
static const char SQL_T_MAIN_GOAL[] =
	"INSERT INTO strategy_main_goals (version_id, title) VALUES ($1, 'Main') RETURNING id";
static const char SQL_T_GOAL_ID[] =
	"INSERT INTO strategic_goals (cycle_id, created_at) VALUES ($1, 1) RETURNING id";
static const char SQL_T_GOAL[] =
	"INSERT INTO strategy_goals (version_id, main_goal_id, goal_id, code, title)"
	" VALUES ($1, $2, $3, $4, $5)";
static const char SQL_T_NEED_GOAL[] = "INSERT INTO need_goals (need_id, goal_id) VALUES ($1, $2)";
static const char SQL_T_NEED_DELETE[] = "DELETE FROM competence_needs WHERE id = $1";
static const char SQL_T_MEASURE_DELETE[] = "DELETE FROM proposed_measures WHERE id = $1";
static const char SQL_T_COUNT_NEED[] = "SELECT count(*) FROM competence_needs WHERE id = $1";
static const char SQL_T_COUNT_LINKS[] =
	"SELECT count(*) FROM decided_need_sources WHERE decided_need_id = $1";

static int64_t ins(struct store_conn *c, const char *sql, const char *t1, const char *t2, int64_t i3)
{
	struct store_q q;
	int64_t id = 0;
	store_q_prepare(&q, c, sql);
	if (t1)
		store_q_text(&q, 1, t1);
	if (t2)
		store_q_text(&q, 2, t2);
	if (i3 >= 0)
		store_q_id(&q, 3, i3);
	if (store_q_row(&q))
		id = store_q_col_int(&q, 0);
	assert_int_equal(store_q_done(&q), OK);
	return id;
}

static int64_t q_ints(struct store_conn *c, const char *sql, int n, const int64_t *v, bool row)
{
	struct store_q q;
	int64_t r = 0;
	store_q_prepare(&q, c, sql);
	for (int i = 0; i < n; i++)
		store_q_int(&q, i + 1, v[i]);
	if (row) {
		if (store_q_row(&q))
			r = store_q_col_int(&q, 0);
	} else {
		store_q_exec(&q, NULL);
	}
	enum err e = store_q_done(&q);
	return e ? -(int64_t)e : r;
}

static int64_t add_need(struct store_conn *c, int64_t cycle, int64_t unit, int64_t competence,
			const char *title, const char *crit, int level, int people, const char *horizon,
			int pos)
{
	struct store_q q;
	int64_t id = 0;
	store_q_prepare(&q, c, SQL_T_NEED);
	store_q_int(&q, 1, cycle);
	store_q_int(&q, 2, unit);
	store_q_id(&q, 3, competence);
	store_q_text(&q, 4, title);
	store_q_text(&q, 5, crit);
	store_q_id(&q, 6, level);
	if (people < 0)
		store_q_id(&q, 7, 0);
	else
		store_q_int(&q, 7, people);
	store_q_text(&q, 8, horizon);
	store_q_int(&q, 9, pos);
	if (store_q_row(&q))
		id = store_q_col_int(&q, 0);
	assert_int_equal(store_q_done(&q), OK);
	return id;
}

static void add_discussion(struct store_conn *c, int64_t cycle, int64_t unit, const char *status,
			   int64_t submitted_at)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_T_DISCUSSION);
	store_q_int(&q, 1, cycle);
	store_q_int(&q, 2, unit);
	store_q_text(&q, 3, status);
	store_q_id(&q, 4, submitted_at);
	store_q_exec(&q, NULL);
	assert_int_equal(store_q_done(&q), OK);
}

struct world {
	int64_t cycle, u_a, u_b, u_c, area_top, area_sub, comp;
	int64_t n_a1, n_b1, n_c1, n_a2;  /* n_c1 is a draft unit's */
	int64_t m_a1;
	int64_t goal1, goal2;
};

static void build(struct store_conn *c, struct world *w)
{
	static int round;   /* each build's unique values differ */
	char sfx[96];
	snprintf(sfx, sizeof sfx, "%s-%d", F.sfx, ++round);
	char name[160], code[160];
	assert_int_equal(store_begin(c, true), OK);
	snprintf(name, sizeof name, "Compile %s", sfx);
	w->cycle = ins(c, SQL_T_CYCLE, name, NULL, -1);
	snprintf(name, sizeof name, "Åsen %s", sfx);
	snprintf(code, sizeof code, "ca-%s", sfx);
	w->u_a = ins(c, SQL_T_UNIT, name, code, -1);
	snprintf(name, sizeof name, "Berg %s", sfx);
	snprintf(code, sizeof code, "cb-%s", sfx);
	w->u_b = ins(c, SQL_T_UNIT, name, code, -1);
	snprintf(name, sizeof name, "Ceder %s", sfx);
	snprintf(code, sizeof code, "cc-%s", sfx);
	w->u_c = ins(c, SQL_T_UNIT, name, code, -1);
	snprintf(code, sizeof code, "at-%s", sfx);
	w->area_top = ins(c, SQL_T_AREA, code, "Digital", 0);
	snprintf(code, sizeof code, "as-%s", sfx);
	w->area_sub = ins(c, SQL_T_AREA, code, "Data", w->area_top);
	snprintf(code, sizeof code, "k-%s", sfx);
	w->comp = ins(c, SQL_T_COMPETENCE, code, "Dataanalyse", w->area_sub);

	add_discussion(c, w->cycle, w->u_a, "submitted", 1700000000);
	add_discussion(c, w->cycle, w->u_b, "submitted", 1700000100);
	add_discussion(c, w->cycle, w->u_c, "draft", 0);
	w->n_a1 = add_need(c, w->cycle, w->u_a, w->comp, "Dataanalyse", "medium", 2, 3, "longer", 1);
	w->n_a2 = add_need(c, w->cycle, w->u_a, 0, "Samisk språk", "low", 0, -1, "next_year", 2);
	w->n_b1 = add_need(c, w->cycle, w->u_b, w->comp, "Analyse av data", "critical", 3, 4,
			   "one_to_three_years", 1);
	w->n_c1 = add_need(c, w->cycle, w->u_c, w->comp, "Data", "high", 4, 1, "next_year", 1);
	{
		struct store_q q;
		store_q_prepare(&q, c, SQL_T_MEASURE);
		store_q_int(&q, 1, w->cycle);
		store_q_int(&q, 2, w->u_a);
		store_q_text(&q, 3, "Kurs i analyse");
		if (store_q_row(&q))
			w->m_a1 = store_q_col_int(&q, 0);
		assert_int_equal(store_q_done(&q), OK);
	}
	int64_t v = q_ints(c, SQL_T_VERSION, 1, (int64_t[]){ w->cycle }, true);
	int64_t mg = q_ints(c, SQL_T_MAIN_GOAL, 1, (int64_t[]){ v }, true);
	w->goal1 = q_ints(c, SQL_T_GOAL_ID, 1, (int64_t[]){ w->cycle }, true);
	w->goal2 = q_ints(c, SQL_T_GOAL_ID, 1, (int64_t[]){ w->cycle }, true);
	const int64_t goals[2] = { w->goal1, w->goal2 };
	const char *codes[2] = { "G1", "G2" }, *titles[2] = { "Digital tjeneste", "Godt arbeidsmiljø" };
	for (int i = 0; i < 2; i++) {
		struct store_q q;
		store_q_prepare(&q, c, SQL_T_GOAL);
		store_q_int(&q, 1, v);
		store_q_int(&q, 2, mg);
		store_q_int(&q, 3, goals[i]);
		store_q_text(&q, 4, codes[i]);
		store_q_text(&q, 5, titles[i]);
		store_q_exec(&q, NULL);
		assert_int_equal(store_q_done(&q), OK);
	}
	assert_int_equal(q_ints(c, SQL_T_NEED_GOAL, 2, (int64_t[]){ w->n_a1, w->goal2 }, false), 0);
	assert_int_equal(q_ints(c, SQL_T_NEED_GOAL, 2, (int64_t[]){ w->n_b1, w->goal1 }, false), 0);
	assert_int_equal(store_commit(c), OK);
}

/* What each test starts from: a connection, an arena, a fresh world. */
struct run {
	struct store_conn *c;
	struct arena a;
	struct world w;
};

static int run_setup(void **state)
{
	static struct run r;
	r.c = store_acquire(F.store);
	arena_init(&r.a, 1 << 22);
	build(r.c, &r.w);
	*state = &r;
	return 0;
}

static int run_teardown(void **state)
{
	struct run *r = *state;
	arena_free(&r->a);
	store_release(F.store, r->c);
	return 0;
}

static void test_proposals_read(void **state)
{
	struct run *r = *state;
	struct store_conn *c = r->c;
	struct arena *a = &r->a;
	struct world w = r->w;

	struct comp_unit_row *units;
	int nu;
	assert_int_equal(store_comp_units(c, a, w.cycle, &units, &nu), OK);
	assert_int_equal(nu, 3);
	/* Norwegian order: Berg, Ceder, Åsen (å last) */
	assert_int_equal(units[0].unit_id, w.u_b);
	assert_int_equal(units[1].unit_id, w.u_c);
	assert_int_equal(units[2].unit_id, w.u_a);
	assert_int_equal(units[2].status, PROPOSAL_SUBMITTED);
	assert_int_equal(units[2].submitted_at, 1700000000);
	assert_int_equal(units[2].needs, 2);
	assert_int_equal(units[2].measures, 1);
	assert_int_equal(units[1].status, PROPOSAL_DRAFT);

	struct comp_proposed_need *pn;
	int np;
	assert_int_equal(store_comp_proposed_needs(c, a, w.cycle, false, &pn, &np), OK);
	assert_int_equal(np, 3);   /* the draft unit's need is left out */
	assert_int_equal(pn[0].id, w.n_b1);
	assert_int_equal(pn[0].ngoals, 1);
	assert_int_equal(pn[0].goal_ids[0], w.goal1);
	assert_int_equal(pn[0].area_id, w.area_sub);
	assert_int_equal(pn[2].id, w.n_a2);
	assert_int_equal(pn[2].competence_id, 0);
	assert_int_equal(pn[2].people_affected, -1);
	assert_int_equal(store_comp_proposed_needs(c, a, w.cycle, true, &pn, &np), OK);
	assert_int_equal(np, 4);

	struct comp_proposed_need one;
	assert_int_equal(store_comp_proposed_need_get(c, a, w.cycle, w.n_a1, &one), OK);
	assert_string_equal(one.title, "Dataanalyse");
	assert_int_equal(one.required_level, 2);
	assert_int_equal(one.people_affected, 3);
	assert_int_equal(one.horizon, HORIZON_LONGER);
	assert_int_equal(store_comp_proposed_need_get(c, a, w.cycle + 100000, w.n_a1, &one), ERR_NOTFOUND);

	struct comp_proposed_measure *pm;
	assert_int_equal(store_comp_proposed_measures(c, a, w.cycle, false, &pm, &np), OK);
	assert_int_equal(np, 1);
	assert_int_equal(pm[0].id, w.m_a1);
	assert_int_equal(pm[0].estimated_cost, 5000);

	struct heat_count *h;
	int nh;
	assert_int_equal(store_comp_heat_counts(c, a, w.cycle, false, 0, &h, &nh), OK);
	int64_t total = 0;
	bool free_row = false;
	for (int i = 0; i < nh; i++) {
		total += h[i].count;
		if (h[i].unit_id == w.u_a && h[i].area_id == 0)
			free_row = true;
	}
	assert_int_equal(total, 3);
	assert_true(free_row);
	assert_int_equal(store_comp_heat_counts(c, a, w.cycle, true, w.u_c, &h, &nh), OK);
	assert_int_equal(nh, 1);
	assert_int_equal(h[0].criticality, CRIT_HIGH);

	struct comp_goal *goals;
	int ng;
	assert_int_equal(store_comp_goals(c, a, w.cycle, &goals, &ng), OK);
	assert_int_equal(ng, 2);
	assert_string_equal(goals[0].code, "G1");

	/* the same in pages and groups */
	struct comp_unit_totals t;
	assert_int_equal(store_comp_unit_totals(c, a, w.cycle, 0, &t), OK);
	assert_int_equal(t.units, 3);
	assert_int_equal(t.by_status[PROPOSAL_SUBMITTED], 2);
	assert_int_equal(t.by_status[PROPOSAL_DRAFT], 1);
	assert_int_equal(t.needs, 4);
	assert_int_equal(t.measures, 1);
	assert_int_equal(store_comp_unit_totals(c, a, w.cycle, w.u_a, &t), OK);
	assert_int_equal(t.units, 1);
	assert_int_equal(t.needs, 2);
	struct comp_unit_query uq = { .limit = 2 };
	assert_int_equal(store_comp_units_page(c, a, w.cycle, &uq, &units, &nu), OK);
	assert_int_equal(nu, 2);
	assert_int_equal(units[0].unit_id, w.u_b);
	assert_int_equal(units[1].unit_id, w.u_c);
	uq.offset = 2;
	assert_int_equal(store_comp_units_page(c, a, w.cycle, &uq, &units, &nu), OK);
	assert_int_equal(nu, 1);
	assert_int_equal(units[0].unit_id, w.u_a);   /* å last */
	assert_int_equal(units[0].needs, 2);
	uq = (struct comp_unit_query){ .status = "draft", .limit = 50 };
	assert_int_equal(store_comp_units_page(c, a, w.cycle, &uq, &units, &nu), OK);
	assert_int_equal(nu, 1);
	assert_int_equal(units[0].unit_id, w.u_c);

	struct comp_need_group *groups;
	int ngr;
	struct comp_filter f = { 0 };
	assert_int_equal(store_comp_need_groups(c, a, w.cycle, &f, &groups, &ngr), OK);
	assert_int_equal(ngr, 2);   /* the competence, and the free ones */
	for (int i = 0; i < ngr; i++) {
		if (groups[i].competence_id == w.comp) {
			assert_int_equal(groups[i].needs, 2);
			assert_int_equal(groups[i].units, 2);
			assert_int_equal(groups[i].max_crit, CRIT_CRITICAL);
			assert_int_equal(groups[i].area_id, w.area_sub);
			assert_int_equal(groups[i].merged, 0);
		} else {
			assert_int_equal(groups[i].competence_id, 0);
			assert_int_equal(groups[i].needs, 1);
		}
	}
	f.drafts = true;
	assert_int_equal(store_comp_need_groups(c, a, w.cycle, &f, &groups, &ngr), OK);
	for (int i = 0; i < ngr; i++)
		if (groups[i].competence_id == w.comp)
			assert_int_equal(groups[i].needs, 3);
	total = 0;
	f = (struct comp_filter){ .area_id = w.area_top };   /* the area with its sub-area */
	assert_int_equal(store_comp_needs_page(c, a, w.cycle, &f, 0, 1, &pn, &np, &total), OK);
	assert_int_equal(total, 2);
	assert_int_equal(np, 1);
	assert_int_equal(pn[0].id, w.n_b1);   /* by unit name: Berg first */
	assert_int_equal(store_comp_needs_page(c, a, w.cycle, &f, 1, 1, &pn, &np, &total), OK);
	assert_int_equal(pn[0].id, w.n_a1);
	f = (struct comp_filter){ .free = true };
	assert_int_equal(store_comp_needs_page(c, a, w.cycle, &f, 0, 50, &pn, &np, &total), OK);
	assert_int_equal(total, 1);
	assert_int_equal(pn[0].id, w.n_a2);
	f = (struct comp_filter){ .competence_id = w.comp, .unit_id = w.u_a };
	assert_int_equal(store_comp_needs_page(c, a, w.cycle, &f, 0, 50, &pn, &np, &total), OK);
	assert_int_equal(total, 1);
	assert_int_equal(pn[0].id, w.n_a1);
	f = (struct comp_filter){ 0 };
	assert_int_equal(store_comp_needs_page(c, a, w.cycle, &f, 0, 50, &pn, &np, &total), OK);
	assert_int_equal(total, 3);
	assert_int_equal(pn[2].id, w.n_a2);   /* the free ones last */

	struct comp_measure_group mg[MEASURE_KIND_COUNT];
	assert_int_equal(store_comp_measure_groups(c, a, w.cycle, &f, mg), OK);
	assert_int_equal(mg[MEASURE_DEVELOP].measures, 1);
	assert_int_equal(mg[MEASURE_DEVELOP].units, 1);
	assert_int_equal(mg[MEASURE_ACQUIRE].measures, 0);
	f.kind = "develop";
	assert_int_equal(store_comp_measures_page(c, a, w.cycle, &f, 0, 50, &pm, &np, &total), OK);
	assert_int_equal(total, 1);
	assert_int_equal(pm[0].id, w.m_a1);
	f.kind = "acquire";
	assert_int_equal(store_comp_measures_page(c, a, w.cycle, &f, 0, 50, &pm, &np, &total), OK);
	assert_int_equal(total, 0);

}

static void test_merge_lineage(void **state)
{
	struct run *r = *state;
	struct store_conn *c = r->c;
	struct arena *a = &r->a;
	struct world w = r->w;

	enum decision_status ds = DECISION_APPROVED;
	assert_int_equal(store_decision_status(c, w.cycle, &ds), OK);
	assert_int_equal(ds, DECISION_COMPILING);

	/* merge A's and B's needs by the domain rule, then store it */
	struct comp_proposed_need src[2];
	assert_int_equal(store_comp_proposed_need_get(c, a, w.cycle, w.n_a1, &src[0]), OK);
	assert_int_equal(store_comp_proposed_need_get(c, a, w.cycle, w.n_b1, &src[1]), OK);
	struct decided_need d;
	struct comp_ref refs[2];
	int64_t gids[4];
	int ng;
	comp_merge(src, 2, &d, refs, gids, &ng, 4);
	struct comp_ref goals[4];
	for (int i = 0; i < ng; i++)
		goals[i] = (struct comp_ref){ .id = gids[i] };
	d.goals = goals;
	d.ngoals = ng;
	d.description = "Felles behov";
	assert_int_equal(store_begin(c, true), OK);
	assert_int_equal(store_decided_need_insert(c, &d, 0, 1700000500), OK);
	assert_int_equal(store_commit(c), OK);
	assert_true(d.id > 0);
	assert_int_equal(d.position, 1);

	struct decided_need got;
	assert_int_equal(store_decided_need_get(c, a, w.cycle, d.id, &got), OK);
	assert_int_equal(got.scope, NEED_SCOPE_ORGANISATION);
	assert_int_equal(got.criticality, CRIT_CRITICAL);
	assert_int_equal(got.required_level, 3);
	assert_int_equal(got.people_affected, 7);
	assert_int_equal(got.horizon, HORIZON_ONE_TO_THREE_YEARS);
	assert_int_equal(got.competence_id, w.comp);
	assert_int_equal(got.nsources, 2);
	assert_int_equal(got.nsource_units, 2);
	/* Norwegian order of unit names: Berg before Åsen */
	assert_int_equal(got.source_units[0].id, w.u_b);
	assert_int_equal(got.source_units[1].id, w.u_a);
	assert_int_equal(got.ngoals, 2);
	assert_string_equal(got.goals[0].name, "Digital tjeneste");
	assert_string_equal(got.goals[0].code, "G1");

	/* the proposed need now tells which decided need it is part of */
	struct comp_proposed_need one;
	assert_int_equal(store_comp_proposed_need_get(c, a, w.cycle, w.n_a1, &one), OK);
	assert_int_equal(one.decided_need_id, d.id);

	/* a unit-scope need of one unit, then a measure answering both */
	struct decided_need u = { .cycle_id = w.cycle, .scope = NEED_SCOPE_UNIT, .unit_id = w.u_a,
				  .title = "Samisk", .description = "", .criticality = CRIT_LOW,
				  .horizon = HORIZON_LONGER, .people_affected = -1 };
	struct comp_ref usrc = { .id = w.n_a2 };
	u.sources = &usrc;
	u.nsources = 1;
	assert_int_equal(store_begin(c, true), OK);
	assert_int_equal(store_decided_need_insert(c, &u, 0, 1700000600), OK);
	struct decided_measure m = { .cycle_id = w.cycle, .kind = MEASURE_ACQUIRE,
				     .scope = MEASURE_SCOPE_LOCAL, .unit_id = w.u_b, .title = "Rekruttere",
				     .description = "", .owner = "HR", .deadline = "2027-06-30",
				     .budget = 12500 };
	struct comp_ref mneeds[2] = { { .id = d.id }, { .id = u.id } }, msrc = { .id = w.m_a1 };
	m.needs = mneeds;
	m.nneeds = 2;
	m.sources = &msrc;
	m.nsources = 1;
	assert_int_equal(store_decided_measure_insert(c, &m, 0, 1700000700), OK);
	assert_int_equal(store_commit(c), OK);

	struct decided_need *list;
	int n;
	assert_int_equal(store_decided_needs_list(c, a, w.cycle, &list, &n), OK);
	assert_int_equal(n, 2);
	assert_int_equal(list[1].id, u.id);
	assert_int_equal(list[1].scope, NEED_SCOPE_UNIT);
	assert_int_equal(list[1].unit_id, w.u_a);
	assert_int_equal(list[1].nsource_units, 1);

	struct decided_measure *ml;
	assert_int_equal(store_decided_measures_list(c, a, w.cycle, &ml, &n), OK);
	assert_int_equal(n, 1);
	assert_int_equal(ml[0].nneeds, 2);
	assert_int_equal(ml[0].nsources, 1);
	assert_int_equal(ml[0].budget, 12500);
	assert_string_equal(ml[0].deadline, "2027-06-30");
	assert_string_equal(ml[0].sources[0].name, "Kurs i analyse");

	/* the API's pages: keyset on (position, id), links of the page's rows */
	assert_int_equal(store_decided_needs_page(c, a, w.cycle, 0, 0, 1, &list, &n), OK);
	assert_int_equal(n, 1);
	assert_int_equal(list[0].id, d.id);
	assert_int_equal(list[0].nsources, 2);
	assert_int_equal(list[0].ngoals, 2);
	assert_int_equal(store_decided_needs_page(c, a, w.cycle, list[0].position, list[0].id, 5, &list, &n), OK);
	assert_int_equal(n, 1);
	assert_int_equal(list[0].id, u.id);
	assert_int_equal(list[0].nsource_units, 1);
	assert_int_equal(store_decided_needs_page(c, a, w.cycle, list[0].position, list[0].id, 5, &list, &n), OK);
	assert_int_equal(n, 0);
	assert_int_equal(store_decided_measures_page(c, a, w.cycle, 0, 0, 5, &ml, &n), OK);
	assert_int_equal(n, 1);
	assert_int_equal(ml[0].nneeds, 2);
	assert_int_equal(ml[0].nsources, 1);

	/* a proposed need or measure in a lineage cannot be deleted */
	assert_int_equal(store_begin(c, true), OK);
	assert_int_equal(q_ints(c, SQL_T_NEED_DELETE, 1, (int64_t[]){ w.n_a1 }, false), -(int64_t)ERR_CONFLICT);
	store_rollback(c);
	assert_int_equal(store_begin(c, true), OK);
	assert_int_equal(q_ints(c, SQL_T_MEASURE_DELETE, 1, (int64_t[]){ w.m_a1 }, false),
			 -(int64_t)ERR_CONFLICT);
	store_rollback(c);

	/* update: drop B's source, keep one goal */
	got.sources = &got.sources[1];   /* Åsen's (A's) need */
	got.nsources = 1;
	got.ngoals = 1;
	got.title = "Dataanalyse i tjenestene";
	assert_int_equal(store_begin(c, true), OK);
	assert_int_equal(store_decided_need_update(c, &got, 0, 1700000800), OK);
	assert_int_equal(store_commit(c), OK);
	struct decided_need again;
	assert_int_equal(store_decided_need_get(c, a, w.cycle, d.id, &again), OK);
	assert_int_equal(again.nsources, 1);
	assert_int_equal(again.sources[0].id, w.n_a1);
	assert_int_equal(again.ngoals, 1);
	assert_string_equal(again.title, "Dataanalyse i tjenestene");

	/* deleting the decided need cascades its links, never the proposals */
	assert_int_equal(store_begin(c, true), OK);
	assert_int_equal(store_decided_need_delete(c, w.cycle, d.id), OK);
	assert_int_equal(store_commit(c), OK);
	assert_int_equal(q_ints(c, SQL_T_COUNT_LINKS, 1, (int64_t[]){ d.id }, true), 0);
	assert_int_equal(q_ints(c, SQL_T_COUNT_NEED, 1, (int64_t[]){ w.n_a1 }, true), 1);
	assert_int_equal(store_decided_need_get(c, a, w.cycle, d.id, &again), ERR_NOTFOUND);
	assert_int_equal(store_decided_measure_get(c, a, w.cycle, m.id, &m), OK);
	assert_int_equal(m.nneeds, 1);
	/* another cycle's id is not found, and delete twice is not found */
	assert_int_equal(store_decided_need_get(c, a, w.cycle + 100000, u.id, &again), ERR_NOTFOUND);
	assert_int_equal(store_begin(c, true), OK);
	assert_int_equal(store_decided_need_delete(c, w.cycle, d.id), ERR_NOTFOUND);
	assert_int_equal(store_decided_measure_delete(c, w.cycle, m.id), OK);
	assert_int_equal(store_commit(c), OK);
	/* now the proposal may go */
	assert_int_equal(store_begin(c, true), OK);
	assert_int_equal(q_ints(c, SQL_T_NEED_DELETE, 1, (int64_t[]){ w.n_b1 }, false), 0);
	assert_int_equal(store_commit(c), OK);

}

/* The candidates a decided need's page offers: submitted proposed needs
 * of the cycle not yet its sources, of its competence (or any), those not
 * merged anywhere first, then by criticality; bounded, with a total. */
static void test_candidates(void **state)
{
	struct run *r = *state;
	struct store_conn *c = r->c;
	struct arena *a = &r->a;
	struct world w = r->w;

	/* a decided need of the competence with A's need as its source */
	struct decided_need d = { .cycle_id = w.cycle, .scope = NEED_SCOPE_ORGANISATION, .competence_id = w.comp,
				  .title = "Dataanalyse", .description = "", .criticality = CRIT_HIGH,
				  .horizon = HORIZON_LONGER, .people_affected = -1 };
	struct comp_ref src = { .id = w.n_a1 };
	d.sources = &src;
	d.nsources = 1;
	assert_int_equal(store_begin(c, true), OK);
	assert_int_equal(store_decided_need_insert(c, &d, 0, 1700000500), OK);
	assert_int_equal(store_commit(c), OK);

	/* of the competence: B's need (submitted); not A's (its source), not C's (a draft) */
	struct comp_proposed_need *v;
	int n;
	int64_t total;
	assert_int_equal(store_comp_need_candidates(c, a, w.cycle, d.id, w.comp, 100, &v, &n, &total), OK);
	assert_int_equal(total, 1);
	assert_int_equal(n, 1);
	assert_int_equal(v[0].id, w.n_b1);
	assert_int_equal(v[0].unit_id, w.u_b);
	assert_int_equal(v[0].criticality, CRIT_CRITICAL);
	assert_int_equal(v[0].required_level, 3);
	assert_int_equal(v[0].decided_need_id, 0);

	/* of any competence: B's and A's free one, the critical one first */
	assert_int_equal(store_comp_need_candidates(c, a, w.cycle, d.id, 0, 0, &v, &n, &total), OK);
	assert_int_equal(total, 2);
	assert_int_equal(n, 2);
	assert_int_equal(v[0].id, w.n_b1);
	assert_int_equal(v[1].id, w.n_a2);
	/* bounded: one of the two, the total still says two */
	assert_int_equal(store_comp_need_candidates(c, a, w.cycle, d.id, 0, 1, &v, &n, &total), OK);
	assert_int_equal(total, 2);
	assert_int_equal(n, 1);
	assert_int_equal(v[0].id, w.n_b1);

	/* once B's need is a source of another decided need, it comes last and says where it is */
	struct decided_need e = d;
	struct comp_ref esrc = { .id = w.n_b1 };
	e.id = 0;
	e.competence_id = 0;
	e.title = "Analyse";
	e.sources = &esrc;
	assert_int_equal(store_begin(c, true), OK);
	assert_int_equal(store_decided_need_insert(c, &e, 0, 1700000600), OK);
	assert_int_equal(store_commit(c), OK);
	assert_int_equal(store_comp_need_candidates(c, a, w.cycle, d.id, 0, 0, &v, &n, &total), OK);
	assert_int_equal(n, 2);
	assert_int_equal(v[0].id, w.n_a2);
	assert_int_equal(v[1].id, w.n_b1);
	assert_int_equal(v[1].decided_need_id, e.id);
	assert_string_equal(v[1].decided_need_title, "Analyse");
	/* for the other need, its own source is not a candidate */
	assert_int_equal(store_comp_need_candidates(c, a, w.cycle, e.id, w.comp, 100, &v, &n, &total), OK);
	assert_int_equal(total, 1);
	assert_int_equal(v[0].id, w.n_a1);
	/* a competence without needs, and another cycle: none */
	assert_int_equal(store_comp_need_candidates(c, a, w.cycle, d.id, w.comp + 100000, 100, &v, &n, &total), OK);
	assert_int_equal(total, 0);
	assert_int_equal(n, 0);
	assert_int_equal(store_comp_need_candidates(c, a, w.cycle + 100000, d.id, 0, 100, &v, &n, &total), OK);
	assert_int_equal(total, 0);

	/* the free need's candidates by the words of its title (the domain's rule on the store's rows) */
	assert_int_equal(store_comp_need_candidates(c, a, w.cycle, e.id, 0, 0, &v, &n, &total), OK);
	assert_int_equal(n, 2);   /* A's two */
	assert_int_equal(comp_by_words(a, "SAMISK i skolen", v, n), 1);
	assert_int_equal(v[0].id, w.n_a2);
}

static int64_t add_measure(struct store_conn *c, const char *sql, int64_t cycle, int64_t unit, const char *title)
{
	struct store_q q;
	int64_t id = 0;
	store_q_prepare(&q, c, sql);
	store_q_int(&q, 1, cycle);
	store_q_int(&q, 2, unit);
	store_q_text(&q, 3, title);
	if (store_q_row(&q))
		id = store_q_col_int(&q, 0);
	assert_int_equal(store_q_done(&q), OK);
	return id;
}

/* The candidates a decided measure's page offers: submitted proposed
 * measures not yet its sources; of its kind first, then those answering a
 * proposed need merged into a decided need it answers, then by unit in
 * Norwegian order (Berg before Åsen); bounded, with a total. */
static void test_measure_candidates(void **state)
{
	struct run *r = *state;
	struct store_conn *c = r->c;
	struct arena *a = &r->a;
	struct world w = r->w;

	assert_int_equal(store_begin(c, true), OK);
	int64_t b_dev = add_measure(c, SQL_T_MEASURE, w.cycle, w.u_b, "Kurs i data");
	int64_t b_acq = add_measure(c, SQL_T_MEASURE_ACQUIRE, w.cycle, w.u_b, "Rekruttere analytiker");
	int64_t a_acq = add_measure(c, SQL_T_MEASURE_ACQUIRE, w.cycle, w.u_a, "Rekruttere samisk");
	int64_t c_acq = add_measure(c, SQL_T_MEASURE_ACQUIRE, w.cycle, w.u_c, "Utkast");   /* a draft's */
	assert_int_equal(q_ints(c, SQL_T_MEASURE_NEED, 2, (int64_t[]){ a_acq, w.n_a2 }, false), 0);
	/* a decided need from A's free need, and an acquiring measure answering it with A's course */
	struct decided_need d = { .cycle_id = w.cycle, .scope = NEED_SCOPE_ORGANISATION, .title = "Samisk",
				  .description = "", .criticality = CRIT_HIGH, .horizon = HORIZON_LONGER,
				  .people_affected = -1 };
	struct comp_ref dsrc = { .id = w.n_a2 };
	d.sources = &dsrc;
	d.nsources = 1;
	assert_int_equal(store_decided_need_insert(c, &d, 0, 1700000500), OK);
	struct decided_measure m = { .cycle_id = w.cycle, .kind = MEASURE_ACQUIRE, .scope = MEASURE_SCOPE_OVERARCHING,
				     .title = "Rekruttering", .description = "", .owner = "", .budget = -1 };
	struct comp_ref mneed = { .id = d.id }, msrc = { .id = w.m_a1 };
	m.needs = &mneed;
	m.nneeds = 1;
	m.sources = &msrc;
	m.nsources = 1;
	assert_int_equal(store_decided_measure_insert(c, &m, 0, 1700000600), OK);
	/* one of the other kind, answering nothing, with no sources */
	struct decided_measure o = { .cycle_id = w.cycle, .kind = MEASURE_DEVELOP, .scope = MEASURE_SCOPE_OVERARCHING,
				     .title = "Kurs", .description = "", .owner = "", .budget = -1 };
	assert_int_equal(store_decided_measure_insert(c, &o, 0, 1700000700), OK);
	assert_int_equal(store_commit(c), OK);

	struct comp_proposed_measure *v;
	int n;
	int64_t total;
	/* acquiring first, the lineage's (Åsen) before Berg's; then the course; not its source, not the draft */
	assert_int_equal(store_comp_measure_candidates(c, a, w.cycle, m.id, m.kind, 100, &v, &n, &total), OK);
	assert_int_equal(total, 3);
	assert_int_equal(n, 3);
	assert_int_equal(v[0].id, a_acq);
	assert_true(v[0].lineage);
	assert_int_equal(v[0].kind, MEASURE_ACQUIRE);
	assert_int_equal(v[1].id, b_acq);
	assert_false(v[1].lineage);
	assert_int_equal(v[2].id, b_dev);
	assert_int_equal(v[2].unit_id, w.u_b);
	assert_int_equal(v[2].decided_measure_id, 0);
	for (int i = 0; i < n; i++)
		assert_true(v[i].id != c_acq && v[i].id != w.m_a1);
	/* bounded: the first, the total still three */
	assert_int_equal(store_comp_measure_candidates(c, a, w.cycle, m.id, m.kind, 1, &v, &n, &total), OK);
	assert_int_equal(total, 3);
	assert_int_equal(n, 1);
	assert_int_equal(v[0].id, a_acq);
	/* the developing one: developing first, by unit in Norwegian order (Berg, then Åsen);
	 * A's course says where it is already; no lineage */
	assert_int_equal(store_comp_measure_candidates(c, a, w.cycle, o.id, o.kind, 0, &v, &n, &total), OK);
	assert_int_equal(total, 4);
	assert_int_equal(n, 4);
	assert_int_equal(v[0].id, b_dev);
	assert_int_equal(v[1].id, w.m_a1);
	assert_int_equal(v[1].decided_measure_id, m.id);
	assert_int_equal(v[2].id, b_acq);
	assert_int_equal(v[3].id, a_acq);
	for (int i = 0; i < n; i++)
		assert_false(v[i].lineage);
	/* another cycle: none */
	assert_int_equal(store_comp_measure_candidates(c, a, w.cycle + 100000, m.id, m.kind, 100, &v, &n, &total),
			 OK);
	assert_int_equal(total, 0);
	assert_int_equal(n, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_proposals_read, run_setup, run_teardown),
		cmocka_unit_test_setup_teardown(test_merge_lineage, run_setup, run_teardown),
		cmocka_unit_test_setup_teardown(test_candidates, run_setup, run_teardown),
		cmocka_unit_test_setup_teardown(test_measure_candidates, run_setup, run_teardown),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
