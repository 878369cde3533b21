/* test_decision.c — the pure rules of domain/decision.c (product.md,
 * "Between 2 and 3": HR compiles, top management approves, HR publishes an
 * immutable numbered version; the differences between versions can be
 * seen): every operation × role × state of the state machine, what send
 * needs (a decided need, a consultation), the required return comment, the
 * progress steps, the consultation's field checks, the differences of two
 * versions matched by key with field-level before/after, and the audit
 * JSON. Run with CMOCKA_MESSAGE_OUTPUT=TAP. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>
#include "base/arena.h"
#include "base/buf.h"
#include "domain/decision.h"

static struct actor as(enum role r)
{
	return (struct actor){ .user_id = 1, .role = r };
}

static void test_transitions(void **state)
{
	(void)state;
	const enum role roles[] = { ROLE_ADMIN, ROLE_HR, ROLE_MANAGEMENT, ROLE_LEADER, ROLE_EMPLOYEE,
				    ROLE_REPRESENTATIVE };
	for (size_t r = 0; r < sizeof roles / sizeof roles[0]; r++) {
		struct actor a = as(roles[r]);
		bool hr = roles[r] == ROLE_ADMIN || roles[r] == ROLE_HR;
		bool mgmt = roles[r] == ROLE_MANAGEMENT;
		for (int s = 0; s < DECISION_STATUS_COUNT; s++) {
			struct decision_facts f = { .status = s, .decided_needs = 3, .consultations = 1 };
			for (int op = 0; op < DEC_OP_COUNT; op++) {
				bool hr_op = op == DEC_OP_SEND || op == DEC_OP_PUBLISH;
				enum decision_refusal got = decision_check(&a, op, &f, "why");
				enum decision_status from = op == DEC_OP_SEND ? DECISION_COMPILING
							    : op == DEC_OP_PUBLISH ? DECISION_APPROVED
							    : DECISION_AWAITING_APPROVAL;
				enum decision_refusal want = (hr_op ? !hr : !mgmt) ? DEC_REFUSED_ROLE
							     : (int)from != s ? DEC_REFUSED_STATE : DEC_ALLOWED;
				assert_int_equal(got, want);
			}
		}
	}
	assert_int_equal(decision_after(DEC_OP_SEND), DECISION_AWAITING_APPROVAL);
	assert_int_equal(decision_after(DEC_OP_APPROVE), DECISION_APPROVED);
	assert_int_equal(decision_after(DEC_OP_RETURN), DECISION_COMPILING);
	assert_int_equal(decision_after(DEC_OP_PUBLISH), DECISION_COMPILING);
}

static void test_send_needs(void **state)
{
	(void)state;
	struct actor hr = as(ROLE_HR), m = as(ROLE_MANAGEMENT);
	struct decision_facts f = { .status = DECISION_COMPILING, .decided_needs = 0, .consultations = 0 };
	assert_int_equal(decision_check(&hr, DEC_OP_SEND, &f, NULL), DEC_REFUSED_NO_NEEDS);
	f.decided_needs = 1;
	assert_int_equal(decision_check(&hr, DEC_OP_SEND, &f, NULL), DEC_REFUSED_NO_CONSULTATION);
	f.consultations = 2;
	assert_int_equal(decision_check(&hr, DEC_OP_SEND, &f, NULL), DEC_ALLOWED);
	f.status = DECISION_AWAITING_APPROVAL;
	assert_int_equal(decision_check(&m, DEC_OP_RETURN, &f, NULL), DEC_REFUSED_COMMENT);
	assert_int_equal(decision_check(&m, DEC_OP_RETURN, &f, " \n\t"), DEC_REFUSED_COMMENT);
	assert_int_equal(decision_check(&m, DEC_OP_RETURN, &f, "Mer om budsjett"), DEC_ALLOWED);
	assert_int_equal(decision_check(&m, DEC_OP_APPROVE, &f, NULL), DEC_ALLOWED);
	assert_int_equal(decision_check(NULL, DEC_OP_APPROVE, &f, NULL), DEC_REFUSED_ROLE);
}

static void test_apply(void **state)
{
	(void)state;
	struct decision d = { .cycle_id = 7, .status = DECISION_COMPILING, .return_comment = "" };
	decision_apply(&d, DEC_OP_SEND, 3, NULL, 100);
	assert_int_equal(d.status, DECISION_AWAITING_APPROVAL);
	assert_int_equal(d.sent_at, 100);
	assert_int_equal(d.sent_by, 3);
	decision_apply(&d, DEC_OP_RETURN, 4, "Nei", 200);
	assert_int_equal(d.status, DECISION_COMPILING);
	assert_string_equal(d.return_comment, "Nei");
	assert_int_equal(d.returned_by, 4);
	decision_apply(&d, DEC_OP_SEND, 3, NULL, 300);
	decision_apply(&d, DEC_OP_APPROVE, 4, "Fint", 400);
	assert_int_equal(d.status, DECISION_APPROVED);
	assert_int_equal(d.approved_at, 400);
	assert_string_equal(d.return_comment, "");   /* the return is answered */
	assert_string_equal(d.approval_comment, "Fint");
	decision_apply(&d, DEC_OP_PUBLISH, 3, "Versjon 1", 500);
	assert_int_equal(d.status, DECISION_COMPILING);
	assert_int_equal(d.approved_at, 400);        /* kept for the version's record */
	assert_string_equal(d.approval_comment, "Fint");   /* the note is not the comment */
	/* a later round: the send clears the last approval's comment, an
	 * approval without one leaves none */
	decision_apply(&d, DEC_OP_SEND, 3, NULL, 600);
	assert_string_equal(d.approval_comment, "");
	decision_apply(&d, DEC_OP_APPROVE, 4, NULL, 700);
	assert_string_equal(d.approval_comment, "");
}

static void test_comment(void **state)
{
	(void)state;
	struct field_errors fe = { 0 };
	validate_decision_comment(DEC_OP_RETURN, "", "comment", &fe);
	assert_true(field_errors_has(&fe, "comment"));
	assert_int_equal(fe.e[0].problem, PROB_REQUIRED);
	fe = (struct field_errors){ 0 };
	validate_decision_comment(DEC_OP_APPROVE, "", "comment", &fe);
	assert_int_equal(fe.n, 0);
	validate_decision_comment(DEC_OP_PUBLISH, "a\x01", "note", &fe);
	assert_int_equal(fe.e[0].problem, PROB_BAD_TEXT);
	fe = (struct field_errors){ 0 };
	char big[DEC_COMMENT_MAX_CHARS + 2];
	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = 0;
	validate_decision_comment(DEC_OP_APPROVE, big, "comment", &fe);
	assert_int_equal(fe.e[0].problem, PROB_TOO_LONG);
}

static void test_steps(void **state)
{
	(void)state;
	enum dec_step_state s[DEC_STEP_COUNT];
	struct decision_progress p = { .status = DECISION_COMPILING };
	decision_steps(&p, s);
	assert_int_equal(s[DEC_STEP_COMPILED], STEP_CURRENT);
	assert_int_equal(s[DEC_STEP_PUBLISHED], STEP_AHEAD);
	p.decided_needs = 2;
	decision_steps(&p, s);
	assert_int_equal(s[DEC_STEP_COMPILED], STEP_DONE);
	assert_int_equal(s[DEC_STEP_CONSULTED], STEP_CURRENT);
	p.consultations = 1;
	p.status = DECISION_AWAITING_APPROVAL;
	p.sent_at = 10;
	decision_steps(&p, s);
	assert_int_equal(s[DEC_STEP_APPROVED], STEP_CURRENT);
	p.status = DECISION_APPROVED;
	decision_steps(&p, s);
	assert_int_equal(s[DEC_STEP_APPROVED], STEP_DONE);
	assert_int_equal(s[DEC_STEP_PUBLISHED], STEP_CURRENT);
	p.status = DECISION_COMPILING;
	p.versions = 1;
	p.last_published_at = 20;
	decision_steps(&p, s);
	for (int i = 0; i < DEC_STEP_COUNT; i++)
		assert_int_equal(s[i], STEP_DONE);
	p.sent_at = 30;      /* a revision sent (and returned) since */
	decision_steps(&p, s);
	assert_int_equal(s[DEC_STEP_APPROVED], STEP_CURRENT);
}

static void test_consultation(void **state)
{
	(void)state;
	char iso[11];
	struct field_errors fe = { 0 };
	validate_consultation("15.3.2027", iso, "Kari\nOla", "# Referat", &fe);
	assert_int_equal(fe.n, 0);
	assert_string_equal(iso, "2027-03-15");
	validate_consultation("2027-02-30", iso, "", "", &fe);
	assert_true(field_errors_has(&fe, "held_on"));
	assert_true(field_errors_has(&fe, "participants"));
	assert_int_equal(fe.e[0].problem, PROB_BAD_DATE);
	assert_int_equal(fe.e[1].problem, PROB_REQUIRED);
	fe = (struct field_errors){ 0 };
	validate_consultation("", iso, " \n ", "\x02", &fe);
	assert_int_equal(fe.n, 3);
	assert_int_equal(fe.e[0].problem, PROB_REQUIRED);
	assert_int_equal(fe.e[2].problem, PROB_BAD_TEXT);
	fe = (struct field_errors){ 0 };
	char line[CONSULT_PARTICIPANT_MAX_CHARS + 2];
	memset(line, 'k', sizeof line - 1);
	line[sizeof line - 1] = 0;
	validate_consultation("2027-03-01", iso, line, "", &fe);
	assert_int_equal(fe.e[0].problem, PROB_TOO_LONG);

	char out[64];
	consultation_participants_clean("  Kari \r\n\n\tOla (NTL)\n  \n", out);
	assert_string_equal(out, "Kari\nOla (NTL)");
	consultation_participants_clean("", out);
	assert_string_equal(out, "");
}

static void test_numbers(void **state)
{
	(void)state;
	int64_t n;
	assert_true(dv_number_parse("1", &n));
	assert_int_equal(n, 1);
	assert_true(dv_number_parse("42", &n));
	assert_false(dv_number_parse("0", &n));
	assert_false(dv_number_parse("01", &n));
	assert_false(dv_number_parse("-1", &n));
	assert_false(dv_number_parse("1a", &n));
	assert_false(dv_number_parse("", &n));
	assert_false(dv_number_parse(NULL, &n));
}

static void test_diff(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a, 1u << 20);
	struct dv_need n1[] = {
		{ .key = 1, .title = "Sky", .description = "", .unit_name = "", .competence_name = "",
		  .criticality = CRIT_HIGH, .horizon = HORIZON_NEXT_YEAR, .people_affected = 5,
		  .proposed_by = "A", .goals = "G1" },
		{ .key = 2, .title = "Arkiv", .description = "", .unit_name = "", .competence_name = "",
		  .people_affected = -1, .proposed_by = "", .goals = "" },
	};
	struct dv_need n2[] = {
		{ .key = 1, .title = "Sky", .description = "", .unit_name = "", .competence_name = "",
		  .criticality = CRIT_CRITICAL, .horizon = HORIZON_NEXT_YEAR, .people_affected = -1,
		  .proposed_by = "A\nB", .goals = "G1" },
		{ .key = 3, .title = "Data", .description = "", .unit_name = "", .competence_name = "",
		  .people_affected = -1, .proposed_by = "", .goals = "" },
	};
	struct dv_measure m1[] = { { .key = 9, .title = "Kurs", .description = "", .unit_name = "",
				     .owner = "HR", .deadline = "", .budget = 100, .needs = "Sky" } };
	struct dv_measure m2[] = { { .key = 9, .title = "Kurs", .description = "", .unit_name = "",
				     .owner = "HR", .deadline = "", .budget = 100, .needs = "Sky" } };
	struct decided_version from = { .number = 1, .needs = n1, .nneeds = 2, .measures = m1, .nmeasures = 1 };
	struct decided_version to = { .number = 2, .needs = n2, .nneeds = 2, .measures = m2, .nmeasures = 1 };
	struct dv_diff d;
	assert_true(dv_diff(&a, &from, &to, &d));
	assert_int_equal(d.n, 3);
	/* the changed need: criticality, people affected, proposing units */
	assert_int_equal(d.items[0].change, DV_CHANGED);
	assert_int_equal(d.items[0].key, 1);
	assert_int_equal(d.items[0].nfields, 3);
	assert_int_equal(d.items[0].fields[0].field, DVF_CRITICALITY);
	assert_string_equal(d.items[0].fields[0].before, "high");
	assert_string_equal(d.items[0].fields[0].after, "critical");
	assert_int_equal(d.items[0].fields[1].field, DVF_PEOPLE_AFFECTED);
	assert_string_equal(d.items[0].fields[1].before, "5");
	assert_string_equal(d.items[0].fields[1].after, "");
	assert_int_equal(d.items[0].fields[2].field, DVF_PROPOSED_BY);
	/* then the added, then the removed */
	assert_int_equal(d.items[1].change, DV_ADDED);
	assert_string_equal(d.items[1].title, "Data");
	assert_int_equal(d.items[2].change, DV_REMOVED);
	assert_string_equal(d.items[2].title, "Arkiv");
	/* the unchanged measure is not listed; a removed one is */
	to.nmeasures = 0;
	assert_true(dv_diff(&a, &from, &to, &d));
	assert_int_equal(d.n, 4);
	assert_true(d.items[3].measure);
	assert_int_equal(d.items[3].change, DV_REMOVED);
	/* a version against itself */
	assert_true(dv_diff(&a, &from, &from, &d));
	assert_int_equal(d.n, 0);
	assert_string_equal(dv_change_name(DV_CHANGED), "changed");
	assert_string_equal(dv_field_name(DVF_BUDGET), "budget");
	arena_free(&a);
}

static void test_audit(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a, 1u << 16);
	struct buf b;
	buf_init(&b, &a, 0);
	struct decision x = { .status = DECISION_AWAITING_APPROVAL }, y = { .status = DECISION_COMPILING };
	decision_audit(&b, &x, &y, "Mer \"tall\"");
	assert_string_equal(buf_str(&b),
			    "{\"status\":[\"awaiting_approval\",\"compiling\"],\"comment\":[null,\"Mer \\\"tall\\\"\"]}");
	buf_reset(&b);
	struct consultation k1 = { .held_on = "2027-03-01", .participants = "A", .minutes = "" };
	struct consultation k2 = { .held_on = "2027-03-02", .participants = "A", .minutes = "" };
	consultation_audit(&b, &k1, &k2);
	assert_string_equal(buf_str(&b), "{\"held_on\":[\"2027-03-01\",\"2027-03-02\"]}");
	buf_reset(&b);
	struct decided_version v = { .number = 2, .nneeds = 3, .nmeasures = 1, .note = "" };
	decided_version_audit(&b, &v);
	assert_string_equal(buf_str(&b), "{\"number\":[null,2],\"needs\":[null,3],\"measures\":[null,1]}");
	arena_free(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_transitions), cmocka_unit_test(test_send_needs),
		cmocka_unit_test(test_apply), cmocka_unit_test(test_comment),
		cmocka_unit_test(test_steps), cmocka_unit_test(test_consultation),
		cmocka_unit_test(test_numbers), cmocka_unit_test(test_diff),
		cmocka_unit_test(test_audit),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
