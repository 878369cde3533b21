/* test_proposal.c — the pure rules of a unit's proposal (domain/proposal.h):
 * field checks of needs, measures and HR's return comment, the gap,
 * amounts typed the Norwegian way, the state rules of submitting and
 * returning, and the audit JSON. Run with CMOCKA_MESSAGE_OUTPUT=TAP. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "base/arena.h"
#include "base/buf.h"
#include "domain/proposal.h"

static struct proposal_need need(void)
{
	return (struct proposal_need){ .title = "Dataanalyse", .criticality = CRIT_HIGH, .required_level = 3,
				       .current_level = 1, .people_affected = -1,
				       .horizon = HORIZON_NEXT_YEAR, .rationale = "" };
}

static struct proposal_measure measure(void)
{
	return (struct proposal_measure){ .kind = MEASURE_DEVELOP, .title = "Kurs", .description = "",
					  .suggested_owner = "", .estimated_cost = -1, .timing = "" };
}

static void test_need_fields(void **state)
{
	(void)state;
	struct field_errors fe = { 0 };
	struct proposal_need n = need();
	validate_proposal_need(&n, 4, &fe);
	assert_int_equal(fe.n, 0);

	/* a free title is required unless a competence is chosen */
	n.title = "  ";
	validate_proposal_need(&n, 4, &fe);
	assert_int_equal(fe.n, 1);
	assert_string_equal(fe.e[0].field, "title");
	assert_int_equal(fe.e[0].problem, PROB_REQUIRED);
	fe.n = 0;
	n.competence_id = 7;
	validate_proposal_need(&n, 4, &fe);
	assert_int_equal(fe.n, 0);

	n = need();
	n.title = "To\nlinjer";
	validate_proposal_need(&n, 4, &fe);
	assert_int_equal(fe.e[0].problem, PROB_BAD_TEXT);
	fe.n = 0;
	char long_title[NEED_TITLE_MAX_CHARS * 2 + 3];
	memset(long_title, 0, sizeof long_title);
	for (int i = 0; i < NEED_TITLE_MAX_CHARS + 1; i++)
		memcpy(long_title + 2 * i, "å", 2);
	n.title = long_title;
	validate_proposal_need(&n, 4, &fe);
	assert_int_equal(fe.e[0].problem, PROB_TOO_LONG);
	fe.n = 0;

	/* levels: 0 (not given) or on the scale */
	n = need();
	n.required_level = 5;
	n.current_level = -1;
	validate_proposal_need(&n, 4, &fe);
	assert_int_equal(fe.n, 2);
	assert_true(field_errors_has(&fe, "required_level"));
	assert_true(field_errors_has(&fe, "current_level"));
	fe.n = 0;
	n = need();
	n.required_level = 0;
	n.current_level = 0;
	n.people_affected = 0;
	validate_proposal_need(&n, 4, &fe);
	assert_int_equal(fe.n, 0);
	n.people_affected = NEED_PEOPLE_MAX + 1;
	validate_proposal_need(&n, 4, &fe);
	assert_true(field_errors_has(&fe, "people_affected"));
	fe.n = 0;
	n = need();
	n.rationale = "Linje ein\nLinje to";
	validate_proposal_need(&n, 4, &fe);
	assert_int_equal(fe.n, 0);
	n.rationale = "bad \x01";
	validate_proposal_need(&n, 4, &fe);
	assert_true(field_errors_has(&fe, "rationale"));
}

static void test_measure_fields(void **state)
{
	(void)state;
	struct field_errors fe = { 0 };
	struct proposal_measure m = measure();
	validate_proposal_measure(&m, &fe);
	assert_int_equal(fe.n, 0);
	m.title = "";
	m.suggested_owner = "a\nb";
	m.estimated_cost = MEASURE_COST_MAX + 1;
	m.timing = "x\ty";
	validate_proposal_measure(&m, &fe);
	assert_int_equal(fe.n, 4);
	assert_true(field_errors_has(&fe, "title"));
	assert_true(field_errors_has(&fe, "suggested_owner"));
	assert_true(field_errors_has(&fe, "estimated_cost"));
	assert_true(field_errors_has(&fe, "timing"));
	fe.n = 0;
	m = measure();
	m.estimated_cost = 0;
	validate_proposal_measure(&m, &fe);
	assert_int_equal(fe.n, 0);

	validate_return_comment("   ", &fe);
	assert_int_equal(fe.n, 1);
	assert_string_equal(fe.e[0].field, "comment");
	assert_int_equal(fe.e[0].problem, PROB_REQUIRED);
	fe.n = 0;
	validate_return_comment("Mangler tiltak.\nSjå over.", &fe);
	assert_int_equal(fe.n, 0);
}

static void test_gap(void **state)
{
	(void)state;
	struct proposal_need n = need();
	int gap = 99;
	assert_true(proposal_need_gap(&n, &gap));
	assert_int_equal(gap, 2);
	n.current_level = 4;
	assert_true(proposal_need_gap(&n, &gap));
	assert_int_equal(gap, -1);
	n.current_level = 0;
	assert_false(proposal_need_gap(&n, &gap));
	n.current_level = 2;
	n.required_level = 0;
	assert_false(proposal_need_gap(&n, &gap));
}

static void test_amount(void **state)
{
	(void)state;
	int64_t v = 0;
	const int64_t max = MEASURE_COST_MAX;
	assert_true(proposal_parse_amount("12500", max, &v));
	assert_int_equal(v, 12500);
	assert_true(proposal_parse_amount("12 500", max, &v));
	assert_int_equal(v, 12500);
	assert_true(proposal_parse_amount("1\xc2\xa0" "250\xc2\xa0" "000", max, &v));
	assert_int_equal(v, 1250000);
	assert_true(proposal_parse_amount("1\xe2\x80\xaf" "000", max, &v));
	assert_int_equal(v, 1000);
	assert_true(proposal_parse_amount("12.500", max, &v));
	assert_int_equal(v, 12500);
	assert_true(proposal_parse_amount("kr 12 500,-", max, &v));
	assert_int_equal(v, 12500);
	assert_true(proposal_parse_amount(" 800 kr ", max, &v));
	assert_int_equal(v, 800);
	assert_true(proposal_parse_amount("0", max, &v));
	assert_int_equal(v, 0);
	assert_true(proposal_parse_amount("", max, &v));
	assert_int_equal(v, -1);
	assert_true(proposal_parse_amount("   ", max, &v));
	assert_int_equal(v, -1);
	assert_false(proposal_parse_amount("12 500,50", max, &v));
	assert_false(proposal_parse_amount("-5", max, &v));
	assert_false(proposal_parse_amount("12  500", max, &v));
	assert_false(proposal_parse_amount("12..500", max, &v));
	assert_false(proposal_parse_amount("tolv", max, &v));
	assert_false(proposal_parse_amount("1e6", max, &v));
	assert_false(proposal_parse_amount(".5", max, &v));
	assert_false(proposal_parse_amount("1000000000001", max, &v));
	assert_false(proposal_parse_amount("99999999999999999999999", max, &v));
	assert_false(proposal_parse_amount(NULL, max, &v));
	assert_true(proposal_parse_amount("1 000 000", NEED_PEOPLE_MAX, &v));
	assert_false(proposal_parse_amount("1 000 001", NEED_PEOPLE_MAX, &v));
}

static void test_levels(void **state)
{
	(void)state;
	int v = 7;
	assert_true(proposal_parse_level("", &v));
	assert_int_equal(v, 0);
	assert_true(proposal_parse_level("3", &v));
	assert_int_equal(v, 3);
	assert_true(proposal_parse_level("10", &v));
	assert_int_equal(v, 10);
	assert_false(proposal_parse_level("0", &v));
	assert_false(proposal_parse_level("11", &v));
	assert_false(proposal_parse_level("03", &v));
	assert_false(proposal_parse_level("x", &v));
}

static void test_states(void **state)
{
	(void)state;
	assert_int_equal(proposal_submit_problem(PROPOSAL_DRAFT, 1), PROB_NONE);
	assert_int_equal(proposal_submit_problem(PROPOSAL_RETURNED, 3), PROB_NONE);
	assert_int_equal(proposal_submit_problem(PROPOSAL_DRAFT, 0), PROB_REQUIRED);
	assert_int_equal(proposal_submit_problem(PROPOSAL_SUBMITTED, 2), PROB_LOCKED);
	assert_int_equal(proposal_return_problem(PROPOSAL_SUBMITTED), PROB_NONE);
	assert_int_equal(proposal_return_problem(PROPOSAL_DRAFT), PROB_LOCKED);
	assert_int_equal(proposal_return_problem(PROPOSAL_RETURNED), PROB_LOCKED);
	assert_true(proposal_editable(PROPOSAL_DRAFT));
	assert_true(proposal_editable(PROPOSAL_RETURNED));
	assert_false(proposal_editable(PROPOSAL_SUBMITTED));
}

static void test_audit(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a, 0);
	struct buf b;
	buf_init(&b, &a, 0);
	struct proposal_link g[1] = { { .id = 4 } };
	struct proposal_need x = need(), y = need();
	y.goals = g;
	y.ngoals = 1;
	y.people_affected = 0;
	proposal_audit_need(&b, &x, &y);
	assert_string_equal(buf_str(&b), "{\"people_affected\":[null,0],\"goal_ids\":[[],[4]]}");
	buf_reset(&b);
	proposal_audit_need(&b, &x, &x);
	assert_string_equal(buf_str(&b), "{}");
	buf_reset(&b);
	proposal_audit_need(&b, NULL, &x);
	assert_non_null(strstr(buf_str(&b), "\"title\":[null,\"Dataanalyse\"]"));
	assert_non_null(strstr(buf_str(&b), "\"criticality\":[null,\"high\"]"));
	assert_non_null(strstr(buf_str(&b), "\"goal_ids\":[null,[]]"));
	buf_reset(&b);

	struct proposal_measure m = measure(), m2 = measure();
	m2.estimated_cost = 12500;
	m2.kind = MEASURE_ACQUIRE;
	proposal_audit_measure(&b, &m, &m2);
	assert_string_equal(buf_str(&b), "{\"kind\":[\"develop\",\"acquire\"],\"estimated_cost\":[null,12500]}");
	buf_reset(&b);
	proposal_audit_measure(&b, &m2, NULL);
	assert_non_null(strstr(buf_str(&b), "\"estimated_cost\":[12500,null]"));
	buf_reset(&b);

	proposal_audit_status(&b, 3, PROPOSAL_SUBMITTED, PROPOSAL_RETURNED, "Sjå \"over\"", 0, 0);
	assert_string_equal(buf_str(&b), "{\"cycle_id\":[3,3],\"status\":[\"submitted\",\"returned\"],"
					 "\"return_comment\":[null,\"Sjå \\\"over\\\"\"]}");
	buf_reset(&b);
	proposal_audit_status(&b, 3, PROPOSAL_DRAFT, PROPOSAL_SUBMITTED, NULL, 2, 1);
	assert_string_equal(buf_str(&b), "{\"cycle_id\":[3,3],\"status\":[\"draft\",\"submitted\"],"
					 "\"needs\":[null,2],\"measures\":[null,1]}");
	buf_reset(&b);
	int64_t drafts[] = { 5, 6 }, needs[] = { 10, 11 };
	proposal_audit_carry(&b, 3, drafts, needs, 2);
	assert_string_equal(buf_str(&b), "{\"cycle_id\":[3,3],\"carried\":[null,[{\"draft_id\":5,\"need_id\":10},"
					 "{\"draft_id\":6,\"need_id\":11}]]}");
	arena_free(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_need_fields), cmocka_unit_test(test_measure_fields),
		cmocka_unit_test(test_gap),         cmocka_unit_test(test_amount),
		cmocka_unit_test(test_levels),      cmocka_unit_test(test_states),
		cmocka_unit_test(test_audit),
	};
	return cmocka_run_group_tests_name("proposal", tests, NULL, NULL);
}
