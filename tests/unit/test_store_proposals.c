/* test_store_proposals.c — store/proposals.h against a real database: a
 * fresh SQLite file, or EVNE_TEST_DB (tests/pg/run.sh runs it on
 * PostgreSQL). Needs and measures created, read with their links (strategic
 * goals named as the published strategy names them, unit goals, the needs a
 * measure answers), updated and deleted; the state's upsert (submit,
 * return) beside another engineer's meeting columns; phase-1 draft needs
 * not yet carried over; the list of units; and the lineage: a need or
 * measure the decided strategy was compiled from cannot be deleted
 * (ERR_CONFLICT, nothing removed). Run with CMOCKA_MESSAGE_OUTPUT=TAP. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "store_group.h"
#include "store/competences.h"
#include "store/cycles.h"
#include "store/phase2.h"
#include "store/prepare.h"
#include "store/proposals.h"
#include "store/store_int.h"
#include "store/strategy.h"

struct world {
	int64_t cycle, unit, other;
	int64_t user;
	int64_t competence;
	int64_t goal;           /* strategic_goals.id of the published version */
	int64_t unit_goal;
	int64_t draft1, draft2; /* phase-1 draft needs */
};

static void exec1(struct store_conn *c, const char *sql, int64_t v1, int64_t v2)
{
	struct store_q q;
	store_q_prepare(&q, c, sql);
	store_q_int(&q, 1, v1);
	if (v2)
		store_q_int(&q, 2, v2);
	store_q_exec(&q, NULL);
	assert_int_equal(store_q_done(&q), OK);
}

static void make_world(struct store_conn *c, struct arena *a, struct world *w)
{
	/* unique values per world: the tests share one database */
	static int worlds;
	const char *sfx = arena_printf(a, "%s-%d", F.sfx, ++worlds);
	assert_int_equal(store_begin(c, true), OK);
	struct cycle cy = { .name = arena_printf(a, "P-%s", sfx), .status = CYCLE_OPEN };
	assert_int_equal(store_cycle_insert(c, &cy, 1000), OK);
	w->cycle = cy.id;
	struct unit u = { .name = arena_printf(a, "Økonomi %s", sfx), .code = arena_printf(a, "OK-%s", sfx) };
	assert_int_equal(store_unit_insert(c, &u), OK);
	w->unit = u.id;
	struct unit o = { .name = arena_printf(a, "Arkiv %s", sfx), .code = arena_printf(a, "AR-%s", sfx) };
	assert_int_equal(store_unit_insert(c, &o), OK);
	w->other = o.id;
	struct user us = { .email = arena_printf(a, "prop.%s@example.no", sfx), .name = "Prop Leder",
			   .role = ROLE_LEADER, .password_hash = "x", .active = true };
	assert_int_equal(store_user_insert(c, &us), OK);
	w->user = us.id;

	struct competence_area ar = { .code = arena_printf(a, "A-%s", sfx), .name = "Digitalt", .description = "" };
	assert_int_equal(store_competence_area_insert(c, 1000, &ar), OK);
	struct competence k = { .code = arena_printf(a, "K-%s", sfx), .name = "Dataanalyse", .description = "",
				.area_id = ar.id, .active = true };
	assert_int_equal(store_competence_insert(c, 1000, &k), OK);
	w->competence = k.id;

	struct strategy_version v;
	bool created;
	assert_int_equal(store_strategy_ensure_draft(c, a, w->cycle, 1000, &v, &created), OK);
	struct strategy_main_goal mg = { .version_id = v.id, .title = "Digital", .description = "" };
	assert_int_equal(store_main_goal_insert(c, &mg), OK);
	struct strategy_goal g = { .version_id = v.id, .main_goal_id = mg.id, .code = "S1.1",
				   .title = "Bruke data", .description = "" };
	assert_int_equal(store_strategy_goal_insert(c, w->cycle, 1000, &g), OK);
	w->goal = g.goal_id;
	assert_int_equal(store_strategy_publish(c, a, w->cycle, w->user, 1000, &v), OK);
	struct unit_goal ug = { .cycle_id = w->cycle, .unit_id = w->unit, .goal_id = w->goal,
				.title = "Ta i bruk analyse", .contribution = "" };
	assert_int_equal(store_unit_goal_insert(c, 1000, &ug), OK);
	w->unit_goal = ug.id;

	struct prep_need d1 = { .cycle_id = w->cycle, .unit_id = w->unit, .title = "Skytjenester",
				.description = "Fordi", .created_at = 1000 };
	struct prep_need d2 = { .cycle_id = w->cycle, .unit_id = w->unit, .title = "Arkivering",
				.description = "", .created_at = 1000 };
	assert_int_equal(store_prep_need_insert(c, &d1), OK);
	assert_int_equal(store_prep_need_insert(c, &d2), OK);
	w->draft1 = d1.id;
	w->draft2 = d2.id;
	assert_int_equal(store_commit(c), OK);
}

static struct proposal_need a_need(const struct world *w, struct proposal_link *goals,
				   struct proposal_link *unit_goals)
{
	goals[0] = (struct proposal_link){ .id = w->goal };
	unit_goals[0] = (struct proposal_link){ .id = w->unit_goal };
	return (struct proposal_need){
		.cycle_id = w->cycle, .unit_id = w->unit, .competence_id = w->competence,
		.title = "Dataanalyse", .criticality = CRIT_HIGH, .required_level = 3, .current_level = 1,
		.people_affected = 0, .horizon = HORIZON_NEXT_YEAR, .rationale = "Tilsynet krev det",
		.goals = goals, .ngoals = 1, .unit_goals = unit_goals, .nunit_goals = 1,
		.created_by = w->user, .created_at = 2000, .updated_by = w->user, .updated_at = 2000,
	};
}

static void test_needs(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a, 0);
	struct store_conn *c = store_acquire(F.store);
	struct world w;
	make_world(c, &a, &w);

	struct proposal_link g[1], ug[1];
	struct proposal_need n = a_need(&w, g, ug);
	struct proposal_need free_need = { .cycle_id = w.cycle, .unit_id = w.unit, .title = "Språkvask",
					   .criticality = CRIT_LOW, .people_affected = -1,
					   .horizon = HORIZON_LONGER, .rationale = "", .source_draft_id = w.draft1,
					   .created_at = 2100, .updated_at = 2100 };
	assert_int_equal(store_begin(c, true), OK);
	assert_int_equal(store_proposal_need_insert(c, &n), OK);
	assert_int_equal(store_proposal_need_insert(c, &free_need), OK);
	assert_int_equal(store_commit(c), OK);
	assert_true(n.id > 0);
	assert_int_equal(n.position, 1);
	assert_int_equal(free_need.position, 2);

	struct proposal_need *v;
	int k;
	assert_int_equal(store_proposal_needs(c, &a, w.cycle, w.unit, &v, &k), OK);
	assert_int_equal(k, 2);
	assert_int_equal(v[0].id, n.id);
	assert_string_equal(v[0].competence_name, "Dataanalyse");
	assert_int_equal(v[0].criticality, CRIT_HIGH);
	assert_int_equal(v[0].required_level, 3);
	assert_int_equal(v[0].current_level, 1);
	assert_int_equal(v[0].people_affected, 0);
	assert_int_equal(v[0].horizon, HORIZON_NEXT_YEAR);
	assert_int_equal(v[0].ngoals, 1);
	assert_int_equal(v[0].goals[0].id, w.goal);
	assert_string_equal(v[0].goals[0].code, "S1.1");
	assert_string_equal(v[0].goals[0].title, "Bruke data");
	assert_int_equal(v[0].nunit_goals, 1);
	assert_string_equal(v[0].unit_goals[0].title, "Ta i bruk analyse");
	int gap;
	assert_true(proposal_need_gap(&v[0], &gap));
	assert_int_equal(gap, 2);
	assert_int_equal(v[1].competence_id, 0);
	assert_null(v[1].competence_name);
	assert_int_equal(v[1].required_level, 0);
	assert_int_equal(v[1].people_affected, -1);
	assert_int_equal(v[1].source_draft_id, w.draft1);
	assert_int_equal(v[1].ngoals, 0);
	assert_false(proposal_need_gap(&v[1], &gap));

	/* carried: draft1 is now the source of a need, draft2 is not */
	struct prep_need *left;
	int nleft;
	assert_int_equal(store_proposal_uncarried(c, &a, w.cycle, w.unit, &left, &nleft), OK);
	assert_int_equal(nleft, 1);
	assert_int_equal(left[0].id, w.draft2);
	assert_string_equal(left[0].title, "Arkivering");

	/* update: fields and links replaced */
	struct proposal_need up = v[0];
	up.competence_id = 0;
	up.title = "Statistikk";
	up.required_level = 0;
	up.people_affected = 12;
	up.ngoals = 0;
	up.nunit_goals = 0;
	up.updated_at = 3000;
	assert_int_equal(store_begin(c, true), OK);
	assert_int_equal(store_proposal_need_update(c, &up), OK);
	assert_int_equal(store_commit(c), OK);
	struct proposal_need got;
	assert_int_equal(store_proposal_need_get(c, &a, n.id, &got), OK);
	assert_string_equal(got.title, "Statistikk");
	assert_int_equal(got.competence_id, 0);
	assert_int_equal(got.required_level, 0);
	assert_int_equal(got.people_affected, 12);
	assert_int_equal(got.ngoals, 0);
	assert_int_equal(got.nunit_goals, 0);
	assert_int_equal(got.updated_at, 3000);
	assert_int_equal(store_proposal_need_get(c, &a, 99999999, &got), ERR_NOTFOUND);

	/* a level not on the scale is refused by the keys (at commit or at once) */
	up.required_level = 9;
	assert_int_equal(store_begin(c, true), OK);
	enum err e = store_proposal_need_update(c, &up);
	if (e == OK)
		e = store_commit(c);
	assert_int_not_equal(e, OK);
	store_rollback(c);
	assert_int_equal(store_proposal_need_get(c, &a, n.id, &got), OK);
	assert_int_equal(got.required_level, 0);

	int nn, nm;
	assert_int_equal(store_proposal_counts(c, w.cycle, w.unit, &nn, &nm), OK);
	assert_int_equal(nn, 2);
	assert_int_equal(nm, 0);

	store_release(F.store, c);
	arena_free(&a);
}

static void test_measures_and_lineage(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a, 0);
	struct store_conn *c = store_acquire(F.store);
	struct world w;
	make_world(c, &a, &w);

	struct proposal_link g[1], ug[1];
	struct proposal_need n = a_need(&w, g, ug);
	struct proposal_need n2 = a_need(&w, g, ug);
	n2.title = "Andre";
	n2.competence_id = 0;
	assert_int_equal(store_begin(c, true), OK);
	assert_int_equal(store_proposal_need_insert(c, &n), OK);
	assert_int_equal(store_proposal_need_insert(c, &n2), OK);
	struct proposal_link answers[2] = { { .id = n.id }, { .id = n2.id } };
	struct proposal_measure m = { .cycle_id = w.cycle, .unit_id = w.unit, .kind = MEASURE_DEVELOP,
				      .title = "Kurs i analyse", .description = "To dagar",
				      .suggested_owner = "HR", .estimated_cost = 12500, .timing = "Vår 2027",
				      .needs = answers, .nneeds = 2, .created_at = 2000, .updated_at = 2000 };
	assert_int_equal(store_proposal_measure_insert(c, &m), OK);
	assert_int_equal(store_commit(c), OK);
	assert_int_equal(m.position, 1);

	struct proposal_measure *v;
	int k;
	assert_int_equal(store_proposal_measures(c, &a, w.cycle, w.unit, &v, &k), OK);
	assert_int_equal(k, 1);
	assert_int_equal(v[0].kind, MEASURE_DEVELOP);
	assert_int_equal(v[0].estimated_cost, 12500);
	assert_string_equal(v[0].timing, "Vår 2027");
	assert_int_equal(v[0].nneeds, 2);
	assert_string_equal(v[0].needs[0].title, "Dataanalyse");

	/* update: no cost, one need */
	struct proposal_measure up = v[0];
	up.estimated_cost = -1;
	up.nneeds = 1;
	up.needs = &answers[1];
	up.kind = MEASURE_PHASE_OUT;
	assert_int_equal(store_begin(c, true), OK);
	assert_int_equal(store_proposal_measure_update(c, &up), OK);
	assert_int_equal(store_commit(c), OK);
	struct proposal_measure got;
	assert_int_equal(store_proposal_measure_get(c, &a, m.id, &got), OK);
	assert_int_equal(got.estimated_cost, -1);
	assert_int_equal(got.kind, MEASURE_PHASE_OUT);
	assert_int_equal(got.nneeds, 1);
	assert_int_equal(got.needs[0].id, n2.id);

	/* the decided strategy was compiled from n and m: both stay */
	struct store_q q;
	assert_int_equal(store_begin(c, true), OK);
	store_q_prepare(&q, c, "INSERT INTO decided_needs (cycle_id, scope, title, criticality, horizon,"
			       " position, created_at, updated_at) VALUES ($1, 'organisation', 'Analyse',"
			       " 'high', 'next_year', 1, 1, 1) RETURNING id");
	store_q_int(&q, 1, w.cycle);
	int64_t dn = store_q_row(&q) ? store_q_col_int(&q, 0) : 0;
	assert_int_equal(store_q_done(&q), OK);
	exec1(c, "INSERT INTO decided_need_sources (decided_need_id, need_id) VALUES ($1, $2)", dn, n.id);
	store_q_prepare(&q, c, "INSERT INTO decided_measures (cycle_id, kind, scope, title, position,"
			       " created_at, updated_at) VALUES ($1, 'develop', 'overarching', 'Kurs', 1, 1, 1)"
			       " RETURNING id");
	store_q_int(&q, 1, w.cycle);
	int64_t dm = store_q_row(&q) ? store_q_col_int(&q, 0) : 0;
	assert_int_equal(store_q_done(&q), OK);
	exec1(c, "INSERT INTO decided_measure_sources (measure_id, proposed_measure_id) VALUES ($1, $2)", dm, m.id);
	assert_int_equal(store_commit(c), OK);

	assert_int_equal(store_begin(c, true), OK);
	assert_int_equal(store_proposal_need_delete(c, n.id), ERR_CONFLICT);
	store_rollback(c);
	assert_int_equal(store_begin(c, true), OK);
	assert_int_equal(store_proposal_measure_delete(c, m.id), ERR_CONFLICT);
	store_rollback(c);
	struct proposal_need kept;
	assert_int_equal(store_proposal_need_get(c, &a, n.id, &kept), OK);
	assert_int_equal(store_proposal_measure_get(c, &a, m.id, &got), OK);

	/* n2 fed nothing: it goes, and with it the measure's link to it */
	assert_int_equal(store_begin(c, true), OK);
	assert_int_equal(store_proposal_need_delete(c, n2.id), OK);
	assert_int_equal(store_commit(c), OK);
	assert_int_equal(store_proposal_measure_get(c, &a, m.id, &got), OK);
	assert_int_equal(got.nneeds, 0);
	assert_int_equal(store_begin(c, true), OK);
	assert_int_equal(store_proposal_need_delete(c, n2.id), ERR_NOTFOUND);
	store_rollback(c);

	/* without the lineage the measure may go */
	assert_int_equal(store_begin(c, true), OK);
	exec1(c, "DELETE FROM decided_measure_sources WHERE measure_id = $1", dm, 0);
	assert_int_equal(store_proposal_measure_delete(c, m.id), OK);
	assert_int_equal(store_commit(c), OK);
	assert_int_equal(store_proposal_measure_get(c, &a, m.id, &got), ERR_NOTFOUND);

	store_release(F.store, c);
	arena_free(&a);
}

static void test_state(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a, 0);
	struct store_conn *c = store_acquire(F.store);
	struct world w;
	make_world(c, &a, &w);

	struct proposal_state st;
	assert_int_equal(store_proposal_get(c, &a, w.cycle, w.unit, &st), OK);
	assert_int_equal(st.status, PROPOSAL_DRAFT);
	assert_int_equal(st.submitted_at, 0);
	assert_string_equal(st.return_comment, "");

	/* the meeting columns of another engineer are kept by our upsert */
	struct store_q q;
	assert_int_equal(store_begin(c, true), OK);
	store_q_prepare(&q, c, "INSERT INTO unit_discussions (cycle_id, unit_id, location, updated_at)"
			       " VALUES ($1, $2, 'Møterom', 1)");
	store_q_int(&q, 1, w.cycle);
	store_q_int(&q, 2, w.unit);
	store_q_exec(&q, NULL);
	assert_int_equal(store_q_done(&q), OK);
	assert_int_equal(store_proposal_set_status(c, w.cycle, w.unit, PROPOSAL_SUBMITTED, NULL, w.user, 5000), OK);
	assert_int_equal(store_commit(c), OK);
	assert_int_equal(store_proposal_get(c, &a, w.cycle, w.unit, &st), OK);
	assert_int_equal(st.status, PROPOSAL_SUBMITTED);
	assert_int_equal(st.submitted_at, 5000);
	assert_string_equal(st.submitted_by_name, "Prop Leder");
	enum proposal_status ps;
	assert_int_equal(store_proposal_status(c, w.cycle, w.unit, &ps), OK);
	assert_int_equal(ps, PROPOSAL_SUBMITTED);
	store_q_prepare(&q, c, "SELECT location FROM unit_discussions WHERE cycle_id = $1 AND unit_id = $2");
	store_q_int(&q, 1, w.cycle);
	store_q_int(&q, 2, w.unit);
	assert_true(store_q_row(&q));
	assert_string_equal(store_q_col_text(&q, &a, 0), "Møterom");
	assert_int_equal(store_q_done(&q), OK);

	/* returned with a comment; the other unit (no row) gets one too */
	assert_int_equal(store_begin(c, true), OK);
	assert_int_equal(store_proposal_set_status(c, w.cycle, w.unit, PROPOSAL_RETURNED, "Mangler tiltak",
						   w.user, 6000), OK);
	assert_int_equal(store_proposal_set_status(c, w.cycle, w.other, PROPOSAL_SUBMITTED, NULL, 0, 6100), OK);
	assert_int_equal(store_proposal_set_status(c, w.cycle, w.other, PROPOSAL_DRAFT, NULL, 0, 6100), ERR_INVALID);
	assert_int_equal(store_commit(c), OK);
	assert_int_equal(store_proposal_get(c, &a, w.cycle, w.unit, &st), OK);
	assert_int_equal(st.status, PROPOSAL_RETURNED);
	assert_int_equal(st.submitted_at, 5000);
	assert_int_equal(st.returned_at, 6000);
	assert_string_equal(st.return_comment, "Mangler tiltak");
	assert_int_equal(store_proposal_get(c, &a, w.cycle, w.other, &st), OK);
	assert_int_equal(st.status, PROPOSAL_SUBMITTED);
	assert_null(st.submitted_by_name);

	/* the list: every unit, ours among them with its state */
	struct proposal_row *rows;
	int n;
	assert_int_equal(store_proposal_rows(c, &a, w.cycle, &rows, &n), OK);
	bool seen_unit = false, seen_other = false;
	for (int i = 0; i < n; i++) {
		if (rows[i].unit_id == w.unit) {
			seen_unit = true;
			assert_int_equal(rows[i].status, PROPOSAL_RETURNED);
			assert_int_equal(rows[i].returned_at, 6000);
		}
		if (rows[i].unit_id == w.other) {
			seen_other = true;
			assert_int_equal(rows[i].status, PROPOSAL_SUBMITTED);
		}
	}
	assert_true(seen_unit && seen_other);

	store_release(F.store, c);
	arena_free(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_needs),
		cmocka_unit_test(test_measures_and_lineage),
		cmocka_unit_test(test_state),
	};
	return cmocka_run_group_tests_name("store_proposals", tests, setup, teardown);
}
