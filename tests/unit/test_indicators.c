/* test_indicators.c — the phase-1 indicators of domain/indicators.c
 * (product.md, "Indicators": leaders prepared (%), employees who confirmed
 * reading the documentation (%)) on a small organisation counted by hand:
 * percentages rounded half up in whole numbers, 0 of 0 without a
 * percentage, sums over units before the percentage, a checklist complete
 * only when every step is ticked, and bar lengths that never overstate. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "domain/indicators.h"

static void test_percent_rounding(void **state)
{
	(void)state;
	assert_int_equal(ind_percent(0, 0), -1);       /* 0 of 0: no percentage */
	assert_int_equal(ind_percent(0, 12), 0);
	assert_int_equal(ind_percent(12, 12), 100);
	assert_int_equal(ind_percent(1, 12), 8);       /* 8.33 */
	assert_int_equal(ind_percent(1, 8), 13);       /* 12.5 rounds up */
	assert_int_equal(ind_percent(1, 200), 1);      /* 0.5 rounds up */
	assert_int_equal(ind_percent(1, 201), 0);      /* 0.497 */
	assert_int_equal(ind_percent(2, 3), 67);       /* 66.67 */
	assert_int_equal(ind_percent(1, 3), 33);
	assert_int_equal(ind_percent(199, 200), 100);  /* 99.5 rounds up */
	assert_int_equal(ind_percent(-1, 3), -1);
	assert_int_equal(ind_percent(4, 3), -1);
	assert_int_equal(ind_percent(99999, 100000), 100);
	assert_int_equal(ind_percent(99949, 100000), 100);   /* 99.949 */
	assert_int_equal(ind_percent(99499, 100000), 99);
}

static void test_bar_length(void **state)
{
	(void)state;
	struct ind_ratio r = ind_ratio_of(1, 12);
	assert_int_equal(r.percent, 8);
	assert_int_equal(ind_bar_length(&r, 384), 32);
	r = ind_ratio_of(0, 0);
	assert_int_equal(ind_bar_length(&r, 384), 0);
	r = ind_ratio_of(5, 5);
	assert_int_equal(ind_bar_length(&r, 384), 384);
}

static void test_checklist(void **state)
{
	(void)state;
	assert_false(ind_checklist_complete(0, 0));    /* no steps: nothing was prepared */
	assert_false(ind_checklist_complete(3, 4));
	assert_true(ind_checklist_complete(4, 4));
}

/* Four units, counted by hand:
 *   A: leader, 4 of 4 steps, 10 employees, 3 confirmed
 *   B: leader, 2 of 4 steps,  5 employees, 5 confirmed
 *   C: no leader,             0 employees
 *   D: leader, 4 of 4 steps,  1 employee,  0 confirmed
 * leaders prepared: A and D of A, B, D = 2 of 3 = 67 %;
 * confirmed reading: 3 + 5 + 0 of 10 + 5 + 0 + 1 = 8 of 16 = 50 %. */
static const struct ind_unit_counts units[] = {
	{ .unit_id = 1, .has_leader = true, .steps_ticked = 4, .employees = 10, .confirmed = 3 },
	{ .unit_id = 2, .has_leader = true, .steps_ticked = 2, .employees = 5, .confirmed = 5 },
	{ .unit_id = 3, .has_leader = false, .steps_ticked = 0, .employees = 0, .confirmed = 0 },
	{ .unit_id = 4, .has_leader = true, .steps_ticked = 4, .employees = 1, .confirmed = 0 },
};

static void test_hand_checked_organisation(void **state)
{
	(void)state;
	struct ind_phase1 t = ind_phase1_total(units, 4, 4);
	assert_int_equal(t.leaders_prepared.count, 2);
	assert_int_equal(t.leaders_prepared.total, 3);
	assert_int_equal(t.leaders_prepared.percent, 67);
	assert_int_equal(t.employees_confirmed_reading.count, 8);
	assert_int_equal(t.employees_confirmed_reading.total, 16);
	assert_int_equal(t.employees_confirmed_reading.percent, 50);
}

static void test_per_unit(void **state)
{
	(void)state;
	struct ind_phase1 a = ind_phase1_unit(&units[0], 4);
	assert_int_equal(a.leaders_prepared.count, 1);
	assert_int_equal(a.leaders_prepared.total, 1);
	assert_int_equal(a.leaders_prepared.percent, 100);
	assert_int_equal(a.employees_confirmed_reading.percent, 30);
	struct ind_phase1 c = ind_phase1_unit(&units[2], 4);
	assert_int_equal(c.leaders_prepared.total, 0);
	assert_int_equal(c.leaders_prepared.percent, -1);     /* shown as "–" */
	assert_int_equal(c.employees_confirmed_reading.percent, -1);
	/* HR shortened the checklist to 2 steps: the 2 ticks below it complete it */
	struct ind_phase1 b = ind_phase1_unit(&units[1], 2);
	assert_int_equal(b.leaders_prepared.count, 1);
}

static void test_leader_units(void **state)
{
	(void)state;
	/* a leader of A and B: 1 of 2 prepared, 8 of 15 confirmed (53 %) */
	struct ind_phase1 t = ind_phase1_total(units, 2, 4);
	assert_int_equal(t.leaders_prepared.count, 1);
	assert_int_equal(t.leaders_prepared.total, 2);
	assert_int_equal(t.leaders_prepared.percent, 50);
	assert_int_equal(t.employees_confirmed_reading.count, 8);
	assert_int_equal(t.employees_confirmed_reading.total, 15);
	assert_int_equal(t.employees_confirmed_reading.percent, 53);
	/* no units at all: 0 of 0 everywhere */
	t = ind_phase1_total(units, 0, 4);
	assert_int_equal(t.leaders_prepared.percent, -1);
	assert_int_equal(t.employees_confirmed_reading.percent, -1);
}

static void test_bad_counts_clamped(void **state)
{
	(void)state;
	/* more confirmed than employees (a person moved mid-count) never gives over 100 % */
	struct ind_unit_counts u = { .unit_id = 9, .has_leader = true, .steps_ticked = 0, .employees = 2,
				     .confirmed = 3 };
	struct ind_phase1 p = ind_phase1_unit(&u, 4);
	assert_int_equal(p.employees_confirmed_reading.count, 2);
	assert_int_equal(p.employees_confirmed_reading.percent, 100);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_percent_rounding),
		cmocka_unit_test(test_bar_length),
		cmocka_unit_test(test_checklist),
		cmocka_unit_test(test_hand_checked_organisation),
		cmocka_unit_test(test_per_unit),
		cmocka_unit_test(test_leader_units),
		cmocka_unit_test(test_bad_counts_clamped),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
