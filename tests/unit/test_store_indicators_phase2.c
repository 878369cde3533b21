/* test_store_indicators_phase2.c — store/indicators_phase2.c against a real
 * database (a fresh SQLite file, or EVNE_TEST_DB: tests/pg/run.sh runs it on
 * PostgreSQL too). Builds a small organisation in a cycle of its own:
 *   Alfa  people, submitted: needs N1 (goals G1, G2), N2 (G1), N3 (none);
 *         measures acquire 1, develop 2
 *   Berg  people, draft: need (G1), measure mobilise — not counted
 *   Dal   people, returned, nothing proposed
 *   Eik   people, no discussion yet
 *   Øst   no active people, submitted: need (G2), measure phase_out
 * a published strategy v1 with G1, G2, G3 (G3 served by no need) and a
 * draft v2 with a goal G4 (not shown), and a decided set: a need for G3,
 * one without a goal, measures develop (overarching, local) and acquire.
 * Every count is checked, for all five units, for one, and for a leader's
 * scope. The database may hold other data: only this cycle's units are
 * asked for. Run with CMOCKA_MESSAGE_OUTPUT=TAP. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "base/arena.h"
#include "store/cycles.h"
#include "store/indicators_phase2.h"
#include "store/store_int.h"
#include "store/strategy.h"
#include "store_fixture.h"

static struct store_fixture F;
static struct arena A;
static int64_t cycle_id, u_alfa, u_berg, u_dal, u_eik, u_ost;
static int64_t g1, g2, g3, g4;
static int64_t scope[5];     /* the five units, ascending */

static const char *uniq(const char *base)
{
	return arena_printf(&A, "%s-%s", base, F.sfx);
}

static int64_t new_unit(struct store_conn *c, const char *name)
{
	struct unit u = { .name = (char *)uniq(name), .code = (char *)uniq(name) };
	assert_int_equal(store_unit_insert(c, &u), OK);
	return u.id;
}

static void new_person(struct store_conn *c, int64_t unit, bool active, int no)
{
	struct person p = { .name = (char *)uniq("Person"),
			    .employee_number = (char *)arena_printf(&A, "p2-%d-%s", no, F.sfx),
			    .unit_id = unit, .active = active };
	assert_int_equal(store_person_insert(c, &p), OK);
}

static void discussion(struct store_conn *c, int64_t unit, const char *status, int64_t submitted_at)
{
	struct store_q q;
	store_q_prepare(&q, c,
			"INSERT INTO unit_discussions (cycle_id, unit_id, status, submitted_at, updated_at)"
			" VALUES ($1, $2, $3, $4, 1)");
	store_q_int(&q, 1, cycle_id);
	store_q_int(&q, 2, unit);
	store_q_text(&q, 3, status);
	store_q_id(&q, 4, submitted_at);
	store_q_exec(&q, NULL);
	assert_int_equal(store_q_done(&q), OK);
}

/* A proposed need of unit linked to goals[0..ngoals); returns its id. */
static int64_t need(struct store_conn *c, int64_t unit, int pos, const int64_t *goals, int ngoals)
{
	struct store_q q;
	store_q_prepare(&q, c,
			"INSERT INTO competence_needs (cycle_id, unit_id, title, criticality, horizon, position,"
			" created_at, updated_at) VALUES ($1, $2, 'Behov', 'high', 'next_year', $3, 1, 1)"
			" RETURNING id");
	store_q_int(&q, 1, cycle_id);
	store_q_int(&q, 2, unit);
	store_q_int(&q, 3, pos);
	int64_t id = store_q_row(&q) ? store_q_col_int(&q, 0) : 0;
	assert_int_equal(store_q_done(&q), OK);
	assert_true(id > 0);
	for (int i = 0; i < ngoals; i++) {
		store_q_prepare(&q, c, "INSERT INTO need_goals (need_id, goal_id) VALUES ($1, $2)");
		store_q_int(&q, 1, id);
		store_q_int(&q, 2, goals[i]);
		store_q_exec(&q, NULL);
		assert_int_equal(store_q_done(&q), OK);
	}
	return id;
}

static void measure(struct store_conn *c, int64_t unit, const char *kind, int pos)
{
	struct store_q q;
	store_q_prepare(&q, c,
			"INSERT INTO proposed_measures (cycle_id, unit_id, kind, title, position, created_at,"
			" updated_at) VALUES ($1, $2, $3, 'Tiltak', $4, 1, 1)");
	store_q_int(&q, 1, cycle_id);
	store_q_int(&q, 2, unit);
	store_q_text(&q, 3, kind);
	store_q_int(&q, 4, pos);
	store_q_exec(&q, NULL);
	assert_int_equal(store_q_done(&q), OK);
}

static void decided_need(struct store_conn *c, int64_t unit, int pos, int64_t goal)
{
	struct store_q q;
	store_q_prepare(&q, c,
			"INSERT INTO decided_needs (cycle_id, scope, unit_id, title, criticality, horizon, position,"
			" created_at, updated_at) VALUES ($1, $2, $3, 'Besluttet', 'critical', 'longer', $4, 1, 1)"
			" RETURNING id");
	store_q_int(&q, 1, cycle_id);
	store_q_text(&q, 2, unit ? "unit" : "organisation");
	store_q_id(&q, 3, unit);
	store_q_int(&q, 4, pos);
	int64_t id = store_q_row(&q) ? store_q_col_int(&q, 0) : 0;
	assert_int_equal(store_q_done(&q), OK);
	assert_true(id > 0);
	if (!goal)
		return;
	store_q_prepare(&q, c, "INSERT INTO decided_need_goals (decided_need_id, goal_id) VALUES ($1, $2)");
	store_q_int(&q, 1, id);
	store_q_int(&q, 2, goal);
	store_q_exec(&q, NULL);
	assert_int_equal(store_q_done(&q), OK);
}

static void decided_measure(struct store_conn *c, const char *kind, int64_t unit, int pos)
{
	struct store_q q;
	store_q_prepare(&q, c,
			"INSERT INTO decided_measures (cycle_id, kind, scope, unit_id, title, position, created_at,"
			" updated_at) VALUES ($1, $2, $3, $4, 'Tiltak', $5, 1, 1)");
	store_q_int(&q, 1, cycle_id);
	store_q_text(&q, 2, kind);
	store_q_text(&q, 3, unit ? "local" : "overarching");
	store_q_id(&q, 4, unit);
	store_q_int(&q, 5, pos);
	store_q_exec(&q, NULL);
	assert_int_equal(store_q_done(&q), OK);
}

static int64_t strategy_goal(struct store_conn *c, int64_t version_id, int64_t main_id, int64_t goal_id,
			     const char *code)
{
	struct strategy_goal g = { .version_id = version_id, .main_goal_id = main_id, .goal_id = goal_id,
				   .code = (char *)code, .title = (char *)arena_printf(&A, "Mål %s", code),
				   .description = (char *)"" };
	assert_int_equal(store_strategy_goal_insert(c, cycle_id, 1, &g), OK);
	return g.goal_id;
}

static int cmp_i64(const void *pa, const void *pb)
{
	int64_t a = *(const int64_t *)pa, b = *(const int64_t *)pb;
	return (a > b) - (a < b);
}

static int group_setup(void **state)
{
	(void)state;
	if (store_fixture_open(&F))
		return -1;
	arena_init(&A, 1 << 20);
	struct store_conn *c = store_acquire(F.store);
	if (store_begin(c, true) != OK)
		return -1;
	struct cycle cy = { .name = (char *)uniq("Syklus"), .status = CYCLE_OPEN };
	if (store_cycle_insert(c, &cy, 1) != OK)
		return -1;
	cycle_id = cy.id;

	/* the strategy: v1 published with G1..G3; a draft v2 adds G4 */
	struct strategy_version v;
	bool created;
	assert_int_equal(store_strategy_ensure_draft(c, &A, cycle_id, 1, &v, &created), OK);
	struct strategy_main_goal m = { .version_id = v.id, .title = (char *)"Hovedmål", .description = (char *)"" };
	assert_int_equal(store_main_goal_insert(c, &m), OK);
	g1 = strategy_goal(c, v.id, m.id, 0, "G1");
	g2 = strategy_goal(c, v.id, m.id, 0, "G2");
	g3 = strategy_goal(c, v.id, m.id, 0, "G3");
	struct strategy_version pub;
	assert_int_equal(store_strategy_publish(c, &A, cycle_id, 0, 2, &pub), OK);
	struct strategy_version v2;
	assert_int_equal(store_strategy_ensure_draft(c, &A, cycle_id, 3, &v2, &created), OK);
	assert_true(created);
	struct strategy_main_goal m2 = { .version_id = v2.id, .title = (char *)"Nytt", .description = (char *)"" };
	assert_int_equal(store_main_goal_insert(c, &m2), OK);
	g4 = strategy_goal(c, v2.id, m2.id, 0, "G4");

	u_alfa = new_unit(c, "Alfa");
	u_berg = new_unit(c, "Berg");
	u_dal = new_unit(c, "Dal");
	u_eik = new_unit(c, "Eik");
	u_ost = new_unit(c, "Øst");
	int no = 0;
	new_person(c, u_alfa, true, no++);
	new_person(c, u_alfa, true, no++);
	new_person(c, u_berg, true, no++);
	new_person(c, u_dal, true, no++);
	new_person(c, u_dal, false, no++);
	new_person(c, u_eik, true, no++);
	new_person(c, u_ost, false, no++);   /* inactive: Øst has no people */

	discussion(c, u_alfa, "submitted", 1700000000);
	discussion(c, u_berg, "draft", 0);
	discussion(c, u_dal, "returned", 0);
	discussion(c, u_ost, "submitted", 1700000100);

	need(c, u_alfa, 1, (int64_t[]){ g1, g2 }, 2);
	need(c, u_alfa, 2, (int64_t[]){ g1 }, 1);
	need(c, u_alfa, 3, NULL, 0);
	measure(c, u_alfa, "acquire", 1);
	measure(c, u_alfa, "develop", 2);
	measure(c, u_alfa, "develop", 3);
	need(c, u_berg, 1, (int64_t[]){ g1 }, 1);
	measure(c, u_berg, "mobilise", 1);
	need(c, u_ost, 1, (int64_t[]){ g2 }, 1);
	measure(c, u_ost, "phase_out", 1);

	decided_need(c, 0, 1, g3);
	decided_need(c, u_alfa, 2, 0);
	decided_measure(c, "develop", 0, 1);
	decided_measure(c, "develop", u_alfa, 2);
	decided_measure(c, "acquire", 0, 3);
	if (store_commit(c) != OK)
		return -1;
	store_release(F.store, c);
	scope[0] = u_alfa, scope[1] = u_berg, scope[2] = u_dal, scope[3] = u_eik, scope[4] = u_ost;
	qsort(scope, 5, sizeof scope[0], cmp_i64);
	return 0;
}

static int group_teardown(void **state)
{
	(void)state;
	arena_free(&A);
	store_fixture_close(&F);
	return 0;
}

static const struct ind_p2_unit *row_of(const struct p2_report *r, int64_t unit_id)
{
	for (int i = 0; i < r->nunits; i++)
		if (r->units[i].unit_id == unit_id)
			return &r->units[i];
	return NULL;
}

static const struct ind_p2_goal *goal_of(const struct p2_report *r, int64_t goal_id)
{
	for (int i = 0; i < r->ngoals; i++)
		if (r->goals[i].goal_id == goal_id)
			return &r->goals[i];
	return NULL;
}

static void test_unit_rows(void **state)
{
	(void)state;
	struct store_conn *c = store_acquire(F.store);
	struct ind_p2_unit *rows;
	int n;
	assert_int_equal(store_p2_unit_rows(c, &A, cycle_id, u_alfa, &rows, &n), OK);
	assert_int_equal(n, 1);
	assert_true(rows[0].has_people);
	assert_true(rows[0].started);
	assert_int_equal(rows[0].status, PROPOSAL_SUBMITTED);
	assert_int_equal(rows[0].submitted_at, 1700000000);
	assert_int_equal(rows[0].needs, 3);
	assert_int_equal(rows[0].needs_without_goal, 1);
	assert_int_equal(rows[0].measures[MEASURE_ACQUIRE], 1);
	assert_int_equal(rows[0].measures[MEASURE_DEVELOP], 2);
	assert_int_equal(rows[0].measures[MEASURE_MOBILISE], 0);
	assert_int_equal(rows[0].measures[MEASURE_PHASE_OUT], 0);
	assert_string_equal(rows[0].name, uniq("Alfa"));
	assert_int_equal(rows[0].parent_id, 0);  /* top of the tree */

	/* a sub-unit names its parent (the dashboard's rows by subtree) */
	struct unit sub = { .name = (char *)uniq("Alfa under"), .code = (char *)uniq("AU"), .parent_id = u_alfa };
	assert_int_equal(store_unit_insert(c, &sub), OK);
	assert_int_equal(store_p2_unit_rows(c, &A, cycle_id, sub.id, &rows, &n), OK);
	assert_int_equal(n, 1);
	assert_int_equal(rows[0].parent_id, u_alfa);
	assert_false(rows[0].has_people);

	assert_int_equal(store_p2_unit_rows(c, &A, cycle_id, u_eik, &rows, &n), OK);
	assert_int_equal(n, 1);
	assert_true(rows[0].has_people);
	assert_false(rows[0].started);
	assert_int_equal(rows[0].submitted_at, 0);

	assert_int_equal(store_p2_unit_rows(c, &A, cycle_id, u_ost, &rows, &n), OK);
	assert_false(rows[0].has_people);
	assert_int_equal(rows[0].measures[MEASURE_PHASE_OUT], 1);

	assert_int_equal(store_p2_unit_rows(c, &A, cycle_id, u_dal, &rows, &n), OK);
	assert_int_equal(rows[0].status, PROPOSAL_RETURNED);
	assert_int_equal(rows[0].submitted_at, 0);
	store_release(F.store, c);
}

static void test_goals(void **state)
{
	(void)state;
	struct store_conn *c = store_acquire(F.store);
	struct ind_p2_goal *goals;
	int n;
	assert_int_equal(store_p2_goals(c, &A, cycle_id, &goals, &n), OK);
	assert_int_equal(n, 3);      /* v1's; the draft's G4 is not published */
	assert_int_equal(goals[0].goal_id, g1);
	assert_string_equal(goals[0].code, "G1");
	assert_string_equal(goals[2].title, "Mål G3");
	(void)g4;

	struct ind_p2_goal_needs *gn;
	assert_int_equal(store_p2_goal_needs(c, &A, cycle_id, 0, &gn, &n), OK);
	/* submitted only: (G1, Alfa) 2, (G2, Alfa) 1, (G2, Øst) 1 */
	assert_int_equal(n, 3);
	assert_int_equal(gn[0].goal_id, g1);
	assert_int_equal(gn[0].unit_id, u_alfa);
	assert_int_equal(gn[0].needs, 2);
	assert_int_equal(gn[1].goal_id, g2);
	assert_int_equal(gn[1].needs + gn[2].needs, 2);
	assert_int_equal(store_p2_goal_needs(c, &A, cycle_id, u_ost, &gn, &n), OK);
	assert_int_equal(n, 1);
	assert_int_equal(gn[0].goal_id, g2);
	store_release(F.store, c);
}

static void test_decided(void **state)
{
	(void)state;
	struct store_conn *c = store_acquire(F.store);
	struct ind_p2_decided d;
	struct ind_p2_goal_decided *gd;
	int n;
	assert_int_equal(store_p2_decided(c, &A, cycle_id, &d, &gd, &n), OK);
	assert_int_equal(d.needs, 2);
	assert_int_equal(d.needs_without_goal, 1);
	assert_int_equal(d.measures[MEASURE_DEVELOP][MEASURE_SCOPE_OVERARCHING], 1);
	assert_int_equal(d.measures[MEASURE_DEVELOP][MEASURE_SCOPE_LOCAL], 1);
	assert_int_equal(d.measures[MEASURE_ACQUIRE][MEASURE_SCOPE_OVERARCHING], 1);
	assert_int_equal(d.measures[MEASURE_MOBILISE][MEASURE_SCOPE_OVERARCHING], 0);
	assert_int_equal(n, 1);
	assert_int_equal(gd[0].goal_id, g3);
	assert_int_equal(gd[0].needs, 1);
	store_release(F.store, c);
}

static void test_report_organisation(void **state)
{
	(void)state;
	struct store_conn *c = store_acquire(F.store);
	struct p2_report r;
	/* the five units (the database may hold others) */
	assert_int_equal(store_p2_report(c, &A, cycle_id, 0, scope, 5, true, &r), OK);
	assert_int_equal(r.nunits, 5);
	/* by name in Norwegian order: Ø after E */
	assert_int_equal(r.units[0].unit_id, u_alfa);
	assert_int_equal(r.units[3].unit_id, u_eik);
	assert_int_equal(r.units[4].unit_id, u_ost);
	const struct ind_phase2 *t = &r.total;
	/* Alfa of Alfa, Berg, Dal, Eik; Øst has no people */
	assert_int_equal(t->units_submitted.count, 1);
	assert_int_equal(t->units_submitted.total, 4);
	assert_int_equal(t->units_submitted.percent, 25);
	assert_int_equal(t->units_submitted_unexpected, 1);
	assert_int_equal(t->proposed_needs, 4);
	assert_int_equal(t->proposed_needs_without_goal, 1);
	assert_int_equal(t->proposed_measures[MEASURE_ACQUIRE], 1);
	assert_int_equal(t->proposed_measures[MEASURE_DEVELOP], 2);
	assert_int_equal(t->proposed_measures[MEASURE_MOBILISE], 0);
	assert_int_equal(t->proposed_measures[MEASURE_PHASE_OUT], 1);
	assert_int_equal(t->proposed_measures_total, 4);
	assert_int_equal(r.ngoals, 3);
	const struct ind_p2_goal *a = goal_of(&r, g1), *b = goal_of(&r, g2), *z = goal_of(&r, g3);
	assert_non_null(a);
	assert_non_null(b);
	assert_non_null(z);
	assert_int_equal(a->proposed, 2);
	assert_int_equal(a->units, 1);
	assert_int_equal(b->proposed, 2);
	assert_int_equal(b->units, 2);
	assert_int_equal(z->proposed, 0);
	assert_true(ind_p2_goal_uncovered(z));
	assert_false(ind_p2_goal_uncovered(a));
	assert_int_equal(t->goals_covered.count, 2);
	assert_int_equal(t->goals_covered.total, 3);
	assert_int_equal(t->goals_covered.percent, 67);
	/* decided */
	assert_true(r.with_decided);
	assert_int_equal(r.decision, DECISION_COMPILING);
	assert_true(t->decided);
	assert_int_equal(t->decided_needs, 2);
	assert_int_equal(t->decided_needs_without_goal, 1);
	assert_int_equal(z->decided, 1);
	assert_int_equal(a->decided, 0);
	assert_true(ind_p2_goal_decided_uncovered(t, a));
	assert_false(ind_p2_goal_decided_uncovered(t, z));
	assert_int_equal(t->decided_goals_covered.count, 1);
	assert_int_equal(t->decided_goals_covered.percent, 33);
	assert_int_equal(t->decided_measures[MEASURE_DEVELOP], 2);
	assert_int_equal(t->decided_measures_scope[MEASURE_DEVELOP][MEASURE_SCOPE_LOCAL], 1);
	assert_int_equal(t->decided_measures[MEASURE_ACQUIRE], 1);
	assert_int_equal(t->decided_measures_total, 3);
	store_release(F.store, c);
}

static void test_report_scoped(void **state)
{
	(void)state;
	struct store_conn *c = store_acquire(F.store);
	struct p2_report r;
	/* a leader of Berg and Dal: their units only, no decided set */
	int64_t led[2] = { u_berg < u_dal ? u_berg : u_dal, u_berg < u_dal ? u_dal : u_berg };
	assert_int_equal(store_p2_report(c, &A, cycle_id, 0, led, 2, false, &r), OK);
	assert_int_equal(r.nunits, 2);
	assert_null(row_of(&r, u_alfa));
	assert_non_null(row_of(&r, u_berg));
	assert_int_equal(r.total.units_submitted.count, 0);
	assert_int_equal(r.total.units_submitted.total, 2);
	assert_int_equal(r.total.units_submitted.percent, 0);
	assert_int_equal(r.total.proposed_needs, 0);        /* Berg's draft is not counted */
	assert_int_equal(r.total.proposed_measures_total, 0);
	assert_int_equal(row_of(&r, u_berg)->measures[MEASURE_MOBILISE], 1);   /* its own row shows it */
	assert_int_equal(r.total.goals_covered.count, 0);
	assert_int_equal(r.total.goals_covered.total, 3);
	assert_false(r.total.decided);
	assert_false(r.with_decided);
	assert_int_equal(r.total.decided_goals_covered.percent, -1);

	/* one unit */
	assert_int_equal(store_p2_report(c, &A, cycle_id, u_ost, NULL, 0, true, &r), OK);
	assert_int_equal(r.nunits, 1);
	assert_int_equal(r.total.units_submitted.total, 0);
	assert_int_equal(r.total.units_submitted.percent, -1);
	assert_int_equal(r.total.proposed_needs, 1);
	assert_int_equal(goal_of(&r, g2)->proposed, 1);
	assert_int_equal(goal_of(&r, g1)->proposed, 0);

	/* a cycle with nothing: no goals, 0 of 0 */
	struct cycle empty = { .name = (char *)uniq("Tom"), .status = CYCLE_DRAFT };
	assert_int_equal(store_begin(c, true), OK);
	assert_int_equal(store_cycle_insert(c, &empty, 1), OK);
	assert_int_equal(store_commit(c), OK);
	assert_int_equal(store_p2_report(c, &A, empty.id, 0, scope, 5, true, &r), OK);
	assert_int_equal(r.ngoals, 0);
	assert_int_equal(r.total.goals_covered.percent, -1);
	assert_int_equal(r.total.units_submitted.total, 4);
	assert_int_equal(r.total.units_submitted.count, 0);
	assert_false(r.total.decided);
	store_release(F.store, c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_unit_rows),
		cmocka_unit_test(test_goals),
		cmocka_unit_test(test_decided),
		cmocka_unit_test(test_report_organisation),
		cmocka_unit_test(test_report_scoped),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
