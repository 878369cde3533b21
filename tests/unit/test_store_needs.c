/* test_store_needs.c — the registers of store/proposals.h
 * (store_needs_register, store_measures_register) against a real database:
 * a fresh SQLite file, or EVNE_TEST_DB (tests/pg/run.sh runs it on
 * PostgreSQL). Two cycles, a leader over a unit and its sub-unit who sits
 * in a third unit, and a unit outside; checks the order (newest cycle
 * first, then id), keyset pages (links of every page's items, "more"),
 * every filter, the proposal's status (no row: draft) and the reader's
 * scope in SQL. Filters name this test's own cycles or units, so the test
 * also runs against a database that holds other data. Run with
 * CMOCKA_MESSAGE_OUTPUT=TAP. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "store_group.h"
#include "store/competences.h"
#include "store/cycles.h"
#include "store/proposals.h"
#include "store/strategy.h"

struct world {
	int64_t c1, c2;                 /* c2 is the newer cycle */
	int64_t top, sub, other, own;   /* the leader leads top (sub below it) and sits in own */
	int64_t leader;                 /* the leader's person */
	int64_t user, competence, goal;
	int64_t top1, top2, top3, sub1, sub2, other1, other2, own1, c2top, c2other;   /* needs */
	int64_t m_top, m_other, m_c2sub;                                               /* measures */
};

static int64_t need(struct store_conn *c, const struct world *w, int64_t cycle, int64_t unit, int64_t competence,
		    int64_t goal)
{
	struct proposal_link g = { .id = goal };
	struct proposal_need n = { .cycle_id = cycle, .unit_id = unit, .competence_id = competence,
				   .title = "Behov", .criticality = CRIT_MEDIUM, .people_affected = -1,
				   .horizon = HORIZON_LONGER, .rationale = "", .goals = goal ? &g : NULL,
				   .ngoals = goal ? 1 : 0, .created_by = w->user, .created_at = 2000,
				   .updated_by = w->user, .updated_at = 2000 };
	assert_int_equal(store_proposal_need_insert(c, &n), OK);
	return n.id;
}

static int64_t measure(struct store_conn *c, const struct world *w, int64_t cycle, int64_t unit,
		       enum measure_kind kind, int64_t answers)
{
	struct proposal_link l = { .id = answers };
	struct proposal_measure m = { .cycle_id = cycle, .unit_id = unit, .kind = kind, .title = "Tiltak",
				      .description = "", .suggested_owner = "", .timing = "", .estimated_cost = -1,
				      .needs = answers ? &l : NULL, .nneeds = answers ? 1 : 0,
				      .created_by = w->user, .created_at = 2000, .updated_by = w->user,
				      .updated_at = 2000 };
	assert_int_equal(store_proposal_measure_insert(c, &m), OK);
	return m.id;
}

static int64_t unit(struct store_conn *c, struct arena *a, const char *sfx, const char *name, const char *code,
		    int64_t parent, int64_t leader)
{
	struct unit u = { .name = arena_printf(a, "%s %s", name, sfx), .code = arena_printf(a, "%s-%s", code, sfx),
			  .parent_id = parent, .leader_id = leader };
	assert_int_equal(store_unit_insert(c, &u), OK);
	return u.id;
}

static void make_world(struct store_conn *c, struct arena *a, struct world *w)
{
	/* unique values per world: the tests share one database */
	static int worlds;
	const char *sfx = arena_printf(a, "%s-%d", F.sfx, ++worlds);
	memset(w, 0, sizeof *w);
	assert_int_equal(store_begin(c, true), OK);
	struct cycle c1 = { .name = arena_printf(a, "R1-%s", sfx), .status = CYCLE_OPEN };
	assert_int_equal(store_cycle_insert(c, &c1, 1000), OK);
	struct cycle c2 = { .name = arena_printf(a, "R2-%s", sfx), .status = CYCLE_OPEN };
	assert_int_equal(store_cycle_insert(c, &c2, 1000), OK);
	w->c1 = c1.id;
	w->c2 = c2.id;
	assert_true(w->c2 > w->c1);

	w->own = unit(c, a, sfx, "Stab", "ST", 0, 0);
	struct person p = { .name = "Lea Leder", .employee_number = arena_printf(a, "L-%s", sfx), .unit_id = w->own,
			    .active = true };
	assert_int_equal(store_person_insert(c, &p), OK);
	w->leader = p.id;
	w->top = unit(c, a, sfx, "Drift", "DR", 0, w->leader);
	w->sub = unit(c, a, sfx, "Drift nord", "DN", w->top, 0);
	w->other = unit(c, a, sfx, "Arkiv", "AR", 0, 0);

	struct user us = { .email = arena_printf(a, "reg.%s@example.no", sfx), .name = "Reg", .role = ROLE_HR,
			   .password_hash = "x", .active = true };
	assert_int_equal(store_user_insert(c, &us), OK);
	w->user = us.id;
	struct competence_area ar = { .code = arena_printf(a, "RA-%s", sfx), .name = "Digitalt", .description = "" };
	assert_int_equal(store_competence_area_insert(c, 1000, &ar), OK);
	struct competence k = { .code = arena_printf(a, "RK-%s", sfx), .name = "Analyse", .description = "",
				.area_id = ar.id, .active = true };
	assert_int_equal(store_competence_insert(c, 1000, &k), OK);
	w->competence = k.id;
	struct strategy_version v;
	bool created;
	assert_int_equal(store_strategy_ensure_draft(c, a, w->c1, 1000, &v, &created), OK);
	struct strategy_main_goal mg = { .version_id = v.id, .title = "Digital", .description = "" };
	assert_int_equal(store_main_goal_insert(c, &mg), OK);
	struct strategy_goal g = { .version_id = v.id, .main_goal_id = mg.id, .code = "S1", .title = "Data",
				   .description = "" };
	assert_int_equal(store_strategy_goal_insert(c, w->c1, 1000, &g), OK);
	w->goal = g.goal_id;
	assert_int_equal(store_strategy_publish(c, a, w->c1, w->user, 1000, &v), OK);

	w->top1 = need(c, w, w->c1, w->top, 0, 0);
	w->top2 = need(c, w, w->c1, w->top, w->competence, w->goal);
	w->sub1 = need(c, w, w->c1, w->sub, 0, 0);
	w->other1 = need(c, w, w->c1, w->other, w->competence, 0);
	w->top3 = need(c, w, w->c1, w->top, 0, 0);
	w->sub2 = need(c, w, w->c1, w->sub, 0, w->goal);
	w->other2 = need(c, w, w->c1, w->other, 0, 0);
	w->own1 = need(c, w, w->c1, w->own, 0, 0);
	w->c2top = need(c, w, w->c2, w->top, 0, 0);
	w->c2other = need(c, w, w->c2, w->other, 0, 0);
	w->m_top = measure(c, w, w->c1, w->top, MEASURE_DEVELOP, w->top2);
	w->m_other = measure(c, w, w->c1, w->other, MEASURE_ACQUIRE, 0);
	w->m_c2sub = measure(c, w, w->c2, w->sub, MEASURE_PHASE_OUT, 0);
	assert_int_equal(store_proposal_set_status(c, w->c1, w->other, PROPOSAL_SUBMITTED, NULL, w->user, 3000), OK);
	assert_int_equal(store_commit(c), OK);
}

/* The ids of one page of needs for q into ids[]; the page's size. */
static int needs_page(struct store_conn *c, struct arena *a, const struct proposal_query *q, int64_t *ids,
		      bool *more, struct proposal_need **v, enum proposal_status **st)
{
	int n;
	assert_int_equal(store_needs_register(c, a, q, v, st, &n, more), OK);
	for (int i = 0; i < n; i++)
		ids[i] = (*v)[i].id;
	return n;
}

static void test_needs_register(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a, 0);
	struct store_conn *c = store_acquire(F.store);
	struct world w;
	make_world(c, &a, &w);
	struct proposal_need *v;
	enum proposal_status *st;
	int64_t ids[16];
	bool more;

	/* one unit across both cycles: newest cycle first, then by id */
	struct proposal_query q = { .unit_id = w.top, .limit = 500 };
	assert_int_equal(needs_page(c, &a, &q, ids, &more, &v, &st), 4);
	assert_false(more);
	assert_int_equal(ids[0], w.c2top);
	assert_int_equal(ids[1], w.top1);
	assert_int_equal(ids[2], w.top2);
	assert_int_equal(ids[3], w.top3);
	assert_int_equal(st[0], PROPOSAL_DRAFT);   /* no state row: a draft */

	/* keyset pages of 2: the second page still has its links */
	q.limit = 2;
	assert_int_equal(needs_page(c, &a, &q, ids, &more, &v, &st), 2);
	assert_true(more);
	assert_int_equal(ids[1], w.top1);
	q.after_cycle_id = v[1].cycle_id;
	q.after_id = v[1].id;
	assert_int_equal(needs_page(c, &a, &q, ids, &more, &v, &st), 2);
	assert_false(more);
	assert_int_equal(ids[0], w.top2);
	assert_int_equal(ids[1], w.top3);
	assert_int_equal(v[0].ngoals, 1);
	assert_int_equal(v[0].goals[0].id, w.goal);
	assert_string_equal(v[0].goals[0].code, "S1");
	assert_string_equal(v[0].competence_name, "Analyse");
	assert_int_equal(v[1].ngoals, 0);
	q.after_cycle_id = v[1].cycle_id;
	q.after_id = v[1].id;
	assert_int_equal(needs_page(c, &a, &q, ids, &more, &v, &st), 0);
	assert_false(more);

	/* filters */
	q = (struct proposal_query){ .cycle_id = w.c1, .limit = 500 };
	assert_int_equal(needs_page(c, &a, &q, ids, &more, &v, &st), 8);
	q.has_status = true;
	q.status = PROPOSAL_SUBMITTED;
	assert_int_equal(needs_page(c, &a, &q, ids, &more, &v, &st), 2);
	assert_int_equal(ids[0], w.other1);
	assert_int_equal(ids[1], w.other2);
	assert_int_equal(st[0], PROPOSAL_SUBMITTED);
	q.status = PROPOSAL_DRAFT;
	assert_int_equal(needs_page(c, &a, &q, ids, &more, &v, &st), 6);
	q.status = PROPOSAL_RETURNED;
	assert_int_equal(needs_page(c, &a, &q, ids, &more, &v, &st), 0);
	q = (struct proposal_query){ .competence_id = w.competence, .limit = 500 };
	assert_int_equal(needs_page(c, &a, &q, ids, &more, &v, &st), 2);
	assert_int_equal(ids[0], w.top2);
	assert_int_equal(ids[1], w.other1);
	q = (struct proposal_query){ .goal_id = w.goal, .limit = 500 };
	assert_int_equal(needs_page(c, &a, &q, ids, &more, &v, &st), 2);
	assert_int_equal(ids[0], w.top2);
	assert_int_equal(ids[1], w.sub2);
	assert_int_equal(v[1].goals[0].id, w.goal);
	q = (struct proposal_query){ .cycle_id = w.c2, .unit_id = w.other, .limit = 500 };
	assert_int_equal(needs_page(c, &a, &q, ids, &more, &v, &st), 1);
	assert_int_equal(ids[0], w.c2other);

	/* the leader's scope: top, sub below it, their own unit; not other */
	q = (struct proposal_query){ .cycle_id = w.c1, .reader_person_id = w.leader, .reader_unit_id = w.own,
				     .limit = 500 };
	assert_int_equal(needs_page(c, &a, &q, ids, &more, &v, &st), 6);
	for (int i = 0; i < 6; i++)
		assert_true(v[i].unit_id == w.top || v[i].unit_id == w.sub || v[i].unit_id == w.own);
	q.unit_id = w.other;   /* a filter cannot widen the scope */
	assert_int_equal(needs_page(c, &a, &q, ids, &more, &v, &st), 0);
	/* someone in own who leads nothing (no person leads as -1): only own */
	q = (struct proposal_query){ .cycle_id = w.c1, .reader_person_id = -1, .reader_unit_id = w.own, .limit = 500 };
	assert_int_equal(needs_page(c, &a, &q, ids, &more, &v, &st), 1);
	assert_int_equal(ids[0], w.own1);

	q.limit = 0;
	int n;
	assert_int_equal(store_needs_register(c, &a, &q, &v, &st, &n, &more), ERR_INVALID);
	q.limit = PROPOSAL_REGISTER_MAX + 1;
	assert_int_equal(store_needs_register(c, &a, &q, &v, &st, &n, &more), ERR_INVALID);

	store_release(F.store, c);
	arena_free(&a);
}

static void test_measures_register(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a, 0);
	struct store_conn *c = store_acquire(F.store);
	struct world w;
	make_world(c, &a, &w);
	struct proposal_measure *v;
	enum proposal_status *st;
	int n;
	bool more;

	struct proposal_query q = { .cycle_id = w.c1, .limit = 500 };
	assert_int_equal(store_measures_register(c, &a, &q, &v, &st, &n, &more), OK);
	assert_int_equal(n, 2);
	assert_int_equal(v[0].id, w.m_top);
	assert_int_equal(v[0].nneeds, 1);
	assert_int_equal(v[0].needs[0].id, w.top2);
	assert_int_equal(st[0], PROPOSAL_DRAFT);
	assert_int_equal(v[1].id, w.m_other);
	assert_int_equal(st[1], PROPOSAL_SUBMITTED);

	q = (struct proposal_query){ .unit_id = w.sub, .limit = 500 };
	assert_int_equal(store_measures_register(c, &a, &q, &v, &st, &n, &more), OK);
	assert_int_equal(n, 1);
	assert_int_equal(v[0].kind, MEASURE_PHASE_OUT);
	q = (struct proposal_query){ .cycle_id = w.c1, .has_kind = true, .kind = MEASURE_ACQUIRE, .limit = 500 };
	assert_int_equal(store_measures_register(c, &a, &q, &v, &st, &n, &more), OK);
	assert_int_equal(n, 1);
	assert_int_equal(v[0].id, w.m_other);
	q = (struct proposal_query){ .need_id = w.top2, .limit = 500 };
	assert_int_equal(store_measures_register(c, &a, &q, &v, &st, &n, &more), OK);
	assert_int_equal(n, 1);
	assert_int_equal(v[0].id, w.m_top);
	q = (struct proposal_query){ .cycle_id = w.c1, .has_status = true, .status = PROPOSAL_SUBMITTED, .limit = 500 };
	assert_int_equal(store_measures_register(c, &a, &q, &v, &st, &n, &more), OK);
	assert_int_equal(n, 1);
	assert_int_equal(v[0].id, w.m_other);

	/* the leader's scope across both cycles, pages of one: c2's first */
	q = (struct proposal_query){ .reader_person_id = w.leader, .reader_unit_id = w.own, .limit = 1 };
	q.unit_id = w.sub;
	assert_int_equal(store_measures_register(c, &a, &q, &v, &st, &n, &more), OK);
	assert_int_equal(n, 1);
	assert_int_equal(v[0].id, w.m_c2sub);
	assert_false(more);
	q.unit_id = w.top;
	assert_int_equal(store_measures_register(c, &a, &q, &v, &st, &n, &more), OK);
	assert_int_equal(n, 1);
	assert_int_equal(v[0].id, w.m_top);
	assert_int_equal(v[0].needs[0].id, w.top2);
	assert_false(more);
	q.unit_id = w.other;
	assert_int_equal(store_measures_register(c, &a, &q, &v, &st, &n, &more), OK);
	assert_int_equal(n, 0);

	store_release(F.store, c);
	arena_free(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_needs_register),
		cmocka_unit_test(test_measures_register),
	};
	return cmocka_run_group_tests_name("store_needs", tests, setup, teardown);
}
