/* test_access.c — the permission model of domain/access.c (product.md, "Who
 * uses it"): admin and HR act on the whole organisation, whoever leads units
 * acts on the people of those units and their sub-units only, employees and
 * representatives read the directory, nobody acts before logging in. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "domain/access.h"

static const int64_t scope[] = { 3, 4, 9 };   /* units 3 (led), 4 and 9 below it */

static struct actor actor_of(enum role r, bool leads)
{
	struct actor a = { .user_id = 1, .person_id = 7, .role = r };
	if (leads) {
		a.scope_units = scope;
		a.scope_count = 3;
	}
	return a;
}

static void test_anonymous(void **state)
{
	(void)state;
	struct actor none = actor_of(ROLE_NONE, false);
	assert_true(access_can(&none, ACT_PUBLIC, 0));
	assert_true(access_can(NULL, ACT_PUBLIC, 0));
	for (int act = ACT_SIGNED_IN; act < ACT_COUNT; act++) {
		assert_false(access_can(&none, (enum action)act, 0));
		assert_false(access_can(NULL, (enum action)act, 3));
	}
}

static void test_org_wide_roles(void **state)
{
	(void)state;
	struct actor admin = actor_of(ROLE_ADMIN, false), hr = actor_of(ROLE_HR, false);
	/* the administrator runs the system; approving the competence
	 * strategy is top management's alone, and suggestions to a unit's
	 * discussion come from its own people */
	for (int act = ACT_PUBLIC; act < ACT_COUNT; act++)
		assert_true(access_can(&admin, (enum action)act, 42) ==
			    (act != ACT_APPROVE && act != ACT_SUGGEST));
	assert_true(access_can(&hr, ACT_UNIT_EDIT, 0));
	assert_true(access_can(&hr, ACT_PERSON_EDIT, 42));
	assert_true(access_can(&hr, ACT_IMPORT, 0));
	assert_false(access_can(&hr, ACT_AUDIT_READ, 0));
	assert_false(access_can(&hr, ACT_USER_ADMIN, 0));
}

static void test_leader_scope(void **state)
{
	(void)state;
	struct actor leader = actor_of(ROLE_LEADER, true);
	assert_true(access_can(&leader, ACT_PERSON_EDIT, 0));     /* somewhere: the router's question */
	assert_true(access_can(&leader, ACT_PERSON_EDIT, 3));
	assert_true(access_can(&leader, ACT_PERSON_EDIT, 9));     /* a sub-unit */
	assert_false(access_can(&leader, ACT_PERSON_EDIT, 2));    /* the parent */
	assert_false(access_can(&leader, ACT_PERSON_EDIT, 5));    /* a sibling */
	assert_false(access_can(&leader, ACT_UNIT_EDIT, 3));
	assert_false(access_can(&leader, ACT_IMPORT, 0));
	assert_false(access_can(&leader, ACT_AUDIT_READ, 0));
	assert_true(access_can(&leader, ACT_ORG_READ, 0));
}

static void test_leader_role_without_units(void **state)
{
	(void)state;
	struct actor leader = actor_of(ROLE_LEADER, false);
	assert_false(access_can(&leader, ACT_PERSON_EDIT, 0));
	assert_false(access_can(&leader, ACT_PERSON_EDIT, 3));
}

static void test_whoever_leads_a_unit(void **state)
{
	(void)state;
	/* contract.md: "A leader is also whoever leads a unit" */
	struct actor emp = actor_of(ROLE_EMPLOYEE, true), rep = actor_of(ROLE_REPRESENTATIVE, true);
	assert_true(access_can(&emp, ACT_PERSON_EDIT, 4));
	assert_false(access_can(&emp, ACT_PERSON_EDIT, 5));
	assert_true(access_can(&rep, ACT_PERSON_EDIT, 9));
}

static void test_employee_and_representative(void **state)
{
	(void)state;
	for (enum role r = ROLE_EMPLOYEE; r <= ROLE_REPRESENTATIVE; r++) {
		struct actor a = actor_of(r, false);
		assert_true(access_can(&a, ACT_SIGNED_IN, 0));
		assert_true(access_can(&a, ACT_ORG_READ, 0));
		assert_false(access_can(&a, ACT_PERSON_EDIT, 0));
		assert_false(access_can(&a, ACT_UNIT_EDIT, 0));
		assert_false(access_can(&a, ACT_IMPORT, 0));
		assert_false(access_can(&a, ACT_AUDIT_READ, 0));
		assert_false(access_can(&a, ACT_USER_ADMIN, 0));
	}
}

/* Phase 2: leaders run their units' discussions, the unit's people read
 * theirs and send suggestions, HR compiles, top management approves,
 * representatives read drafts and the compilation but change nothing. */
static void test_phase2(void **state)
{
	(void)state;
	struct actor leader = actor_of(ROLE_LEADER, true), hr = actor_of(ROLE_HR, false);
	struct actor top = actor_of(ROLE_MANAGEMENT, false), rep = actor_of(ROLE_REPRESENTATIVE, false);
	struct actor emp = actor_of(ROLE_EMPLOYEE, false);
	emp.own_unit_id = 5;
	assert_true(access_can(&leader, ACT_DISCUSSION_EDIT, 9));
	assert_false(access_can(&leader, ACT_DISCUSSION_EDIT, 5));
	assert_true(access_can(&leader, ACT_DISCUSSION_READ, 4));
	assert_false(access_can(&leader, ACT_DISCUSSION_READ, 5));    /* another unit's draft */
	assert_true(access_can(&emp, ACT_DISCUSSION_READ, 5));
	assert_false(access_can(&emp, ACT_DISCUSSION_READ, 3));
	assert_false(access_can(&emp, ACT_DISCUSSION_EDIT, 5));
	assert_true(access_can(&emp, ACT_SUGGEST, 5));
	assert_false(access_can(&emp, ACT_SUGGEST, 3));
	assert_true(access_can(&emp, ACT_SUGGEST, 0));
	struct actor lonely = actor_of(ROLE_EMPLOYEE, false);         /* in no unit */
	assert_false(access_can(&lonely, ACT_SUGGEST, 0));
	for (enum action a = ACT_DISCUSSION_READ; a <= ACT_APPROVE; a++) {
		bool reads = a == ACT_DISCUSSION_READ || a == ACT_COMPILATION_READ;
		assert_true(access_can(&rep, a, 7) == reads);
		assert_true(access_can(&top, a, 7) == (reads || a == ACT_APPROVE));
		assert_true(access_can(&hr, a, 7) == (a != ACT_APPROVE && a != ACT_SUGGEST));
	}
	assert_false(access_can(&leader, ACT_COMPILATION_READ, 0));
	assert_false(access_can(&leader, ACT_COMPILE, 0));
	assert_false(access_can(&leader, ACT_APPROVE, 0));
	assert_true(access_can(&top, ACT_INDICATORS_READ, 0));
	assert_false(access_can(&top, ACT_UNIT_EDIT, 0));
	assert_int_equal(role_parse("management"), ROLE_MANAGEMENT);
}

static void test_names(void **state)
{
	(void)state;
	for (int act = 0; act < ACT_COUNT; act++)
		assert_string_not_equal(action_name((enum action)act), "?");
	assert_string_equal(action_name(ACT_COUNT), "?");
	assert_int_equal(role_parse("leader"), ROLE_LEADER);
	assert_int_equal(role_parse("Leader"), ROLE_NONE);
	assert_int_equal(role_parse(""), ROLE_NONE);
	assert_string_equal(role_name(ROLE_REPRESENTATIVE), "representative");
}

static void test_scope_lookup(void **state)
{
	(void)state;
	struct actor a = actor_of(ROLE_LEADER, true);
	assert_true(actor_in_scope(&a, 3));
	assert_true(actor_in_scope(&a, 9));
	assert_false(actor_in_scope(&a, 0));
	assert_false(actor_in_scope(&a, 10));
	struct actor none = actor_of(ROLE_LEADER, false);
	assert_false(actor_in_scope(&none, 3));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_anonymous),
		cmocka_unit_test(test_org_wide_roles),
		cmocka_unit_test(test_leader_scope),
		cmocka_unit_test(test_leader_role_without_units),
		cmocka_unit_test(test_whoever_leads_a_unit),
		cmocka_unit_test(test_employee_and_representative),
		cmocka_unit_test(test_phase2),
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_scope_lookup),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
