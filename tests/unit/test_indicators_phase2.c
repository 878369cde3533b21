/* test_indicators_phase2.c — the pure rules of domain/indicators_phase2.c:
 * which units are expected to submit, what counts as submitted, sums over
 * units before percentages, needs per goal and coverage, the decided set.
 * Run with CMOCKA_MESSAGE_OUTPUT=TAP. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "domain/indicators_phase2.h"

static struct ind_p2_unit unit(int64_t id, bool people, bool started, enum proposal_status s)
{
	return (struct ind_p2_unit){ .unit_id = id, .has_people = people, .started = started, .status = s };
}

static void test_unit_rules(void **state)
{
	(void)state;
	struct ind_p2_unit u = unit(1, true, true, PROPOSAL_SUBMITTED);
	assert_true(ind_p2_expected(&u));
	assert_true(ind_p2_submitted(&u));
	struct ind_ratio r = ind_p2_unit_submitted(&u);
	assert_int_equal(r.count, 1);
	assert_int_equal(r.percent, 100);
	u.status = PROPOSAL_RETURNED;          /* returned is open again */
	assert_false(ind_p2_submitted(&u));
	assert_int_equal(ind_p2_unit_submitted(&u).percent, 0);
	u = unit(2, true, false, PROPOSAL_SUBMITTED);   /* no record: never submitted */
	assert_false(ind_p2_submitted(&u));
	u = unit(3, false, true, PROPOSAL_SUBMITTED);   /* no people: not expected */
	assert_false(ind_p2_expected(&u));
	assert_int_equal(ind_p2_unit_submitted(&u).total, 0);
	assert_int_equal(ind_p2_unit_submitted(&u).percent, -1);
	u.measures[MEASURE_ACQUIRE] = 2;
	u.measures[MEASURE_PHASE_OUT] = 3;
	assert_int_equal(ind_p2_unit_measures(&u), 5);
}

static void test_units_total(void **state)
{
	(void)state;
	struct ind_p2_unit us[4] = {
		unit(1, true, true, PROPOSAL_SUBMITTED),
		unit(2, true, true, PROPOSAL_DRAFT),
		unit(3, true, false, PROPOSAL_DRAFT),
		unit(4, false, true, PROPOSAL_SUBMITTED),
	};
	us[0].needs = 3;
	us[0].needs_without_goal = 1;
	us[0].measures[MEASURE_DEVELOP] = 2;
	us[1].needs = 5;                       /* a draft: not summed */
	us[1].measures[MEASURE_DEVELOP] = 7;
	us[3].needs = 1;
	us[3].measures[MEASURE_MOBILISE] = 1;
	struct ind_phase2 p;
	ind_phase2_units(us, 4, &p);
	assert_int_equal(p.units_submitted.count, 1);
	assert_int_equal(p.units_submitted.total, 3);
	assert_int_equal(p.units_submitted.percent, 33);
	assert_int_equal(p.units_submitted_unexpected, 1);
	assert_int_equal(p.proposed_needs, 4);
	assert_int_equal(p.proposed_needs_without_goal, 1);
	assert_int_equal(p.proposed_measures[MEASURE_DEVELOP], 2);
	assert_int_equal(p.proposed_measures[MEASURE_MOBILISE], 1);
	assert_int_equal(p.proposed_measures_total, 3);
	assert_false(p.decided);
	assert_int_equal(p.goals_covered.percent, -1);
	ind_phase2_units(NULL, 0, &p);
	assert_int_equal(p.units_submitted.percent, -1);
}

static void test_goals(void **state)
{
	(void)state;
	struct ind_p2_goal goals[3] = { { .goal_id = 10 }, { .goal_id = 20 }, { .goal_id = 30 } };
	struct ind_p2_goal_needs gn[] = {
		{ 10, 1, 2 }, { 10, 2, 1 }, { 20, 1, 1 }, { 99, 1, 4 },   /* 99: not in the strategy */
	};
	struct ind_phase2 p;
	ind_phase2_units(NULL, 0, &p);
	ind_p2_goals(goals, 3, gn, 4, NULL, 0, &p);
	assert_int_equal(goals[0].proposed, 3);
	assert_int_equal(goals[0].units, 2);
	assert_int_equal(goals[1].proposed, 1);
	assert_int_equal(goals[1].units, 1);
	assert_int_equal(goals[2].proposed, 0);
	assert_true(ind_p2_goal_uncovered(&goals[2]));
	assert_false(ind_p2_goal_uncovered(&goals[0]));
	assert_int_equal(p.goals_covered.count, 2);
	assert_int_equal(p.goals_covered.total, 3);
	assert_int_equal(p.goals_covered.percent, 67);
	assert_int_equal(p.decided_goals_covered.percent, -1);   /* no decided set */
	assert_false(ind_p2_goal_decided_uncovered(&p, &goals[2]));

	struct ind_p2_decided d = { .needs = 2 };
	d.measures[MEASURE_ACQUIRE][MEASURE_SCOPE_LOCAL] = 2;
	d.measures[MEASURE_ACQUIRE][MEASURE_SCOPE_OVERARCHING] = 1;
	ind_p2_decided_apply(&d, &p);
	assert_true(p.decided);
	assert_int_equal(p.decided_measures[MEASURE_ACQUIRE], 3);
	assert_int_equal(p.decided_measures_total, 3);
	struct ind_p2_goal_decided gd[] = { { 30, 2 } };
	ind_p2_goals(goals, 3, gn, 4, gd, 1, &p);
	assert_int_equal(goals[2].decided, 2);
	assert_int_equal(p.decided_goals_covered.count, 1);
	assert_int_equal(p.decided_goals_covered.percent, 33);
	assert_true(ind_p2_goal_decided_uncovered(&p, &goals[0]));
	assert_false(ind_p2_goal_decided_uncovered(&p, &goals[2]));

	/* an empty decided set is no decided set */
	struct ind_p2_decided none = { 0 };
	ind_p2_decided_apply(&none, &p);
	assert_false(p.decided);
	/* no goals: no percentage */
	ind_p2_goals(NULL, 0, gn, 4, NULL, 0, &p);
	assert_int_equal(p.goals_covered.percent, -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_unit_rules),
		cmocka_unit_test(test_units_total),
		cmocka_unit_test(test_goals),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
