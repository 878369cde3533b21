/* test_validate.c — the rules of domain/validate.c and the audit diffs of
 * domain/audit.c: problem codes for the API, codes and e-mail addresses,
 * lengths counted in characters (æøå are two bytes each), the cycle rule of
 * the unit tree (product.md, "What the product must hold": units are a tree),
 * and the exact JSON the audit log keeps ("an audit log of every change"). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>
#include "base/arena.h"
#include "base/buf.h"
#include "domain/audit.h"
#include "domain/validate.h"

/* A string of n copies of the UTF-8 character ch, in arena memory. */
static char *repeat(struct arena *a, const char *ch, int n)
{
	struct buf b;
	buf_init(&b, a, 0);
	for (int i = 0; i < n; i++)
		buf_puts(&b, ch);
	return arena_strdup(a, buf_str(&b));
}

/* The problem recorded for field, PROB_NONE when there is none. */
static enum problem problem_of(const struct field_errors *fe, const char *field)
{
	for (int i = 0; i < fe->n; i++)
		if (strcmp(fe->e[i].field, field) == 0)
			return fe->e[i].problem;
	return PROB_NONE;
}

static void test_problem_codes(void **state)
{
	(void)state;
	assert_string_equal(problem_code(PROB_REQUIRED), "required");
	assert_string_equal(problem_code(PROB_TOO_LONG), "too_long");
	assert_string_equal(problem_code(PROB_BAD_CODE), "bad_code");
	assert_string_equal(problem_code(PROB_BAD_EMAIL), "bad_email");
	assert_string_equal(problem_code(PROB_BAD_TEXT), "bad_text");
	assert_string_equal(problem_code(PROB_UNKNOWN_REF), "unknown_reference");
	assert_string_equal(problem_code(PROB_CYCLE), "cycle");
	assert_string_equal(problem_code(PROB_TAKEN), "taken");
	assert_string_equal(problem_code(PROB_DUPLICATE), "duplicate");
	assert_string_equal(problem_code(PROB_BAD_BOOL), "bad_boolean");
	assert_string_equal(problem_code(PROB_BAD_NUMBER), "bad_number");
	assert_string_equal(problem_code(PROB_NOT_ALLOWED), "not_allowed");
	assert_string_equal(problem_code(PROB_HAS_CHILDREN), "has_children");
	assert_string_equal(problem_code(PROB_BAD_DECIMAL), "bad_decimal");
	assert_string_equal(problem_code(PROB_BAD_DATE), "bad_date");
	assert_string_equal(problem_code(PROB_COUNT), "invalid");
	assert_string_equal(problem_code((enum problem)-1), "invalid");
	for (int p = PROB_NONE; p < PROB_COUNT; p++)
		assert_non_null(problem_code((enum problem)p));
}

static void test_field_errors(void **state)
{
	(void)state;
	struct field_errors fe = { .n = 0 };
	assert_false(field_errors_has(&fe, "name"));
	field_error_add(&fe, "name", PROB_REQUIRED);
	assert_true(field_errors_has(&fe, "name"));
	assert_false(field_errors_has(&fe, "code"));
	/* Capped: the 17th error is dropped, nothing overflows. */
	for (int i = 0; i < FIELD_ERRORS_MAX + 5; i++)
		field_error_add(&fe, "code", PROB_BAD_CODE);
	assert_int_equal(fe.n, FIELD_ERRORS_MAX);
	assert_int_equal(problem_of(&fe, "name"), PROB_REQUIRED);
}

static void test_codes(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a, 0);
	assert_true(valid_code("HR"));
	assert_true(valid_code("OKO-01"));
	assert_true(valid_code("a.b_c-9"));
	assert_true(valid_code(repeat(&a, "x", CODE_MAX_CHARS)));
	assert_false(valid_code(repeat(&a, "x", CODE_MAX_CHARS + 1)));
	assert_false(valid_code(NULL));
	assert_false(valid_code(""));
	assert_false(valid_code("A B"));
	assert_false(valid_code("ØKO"));       /* letters are ASCII only */
	assert_false(valid_code("a/b"));
	assert_false(valid_code("a\tb"));
	assert_false(valid_code("<x>"));
	arena_free(&a);
}

static void test_emails(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a, 0);
	assert_true(valid_email("ola@example.no"));
	assert_true(valid_email("ola.nordmann+mus@etat.dep.no"));
	assert_true(valid_email("bjørn@eksempel.no"));   /* UTF-8 local part */
	assert_false(valid_email(NULL));
	assert_false(valid_email(""));
	assert_false(valid_email("ola"));
	assert_false(valid_email("@example.no"));
	assert_false(valid_email("ola@"));
	assert_false(valid_email("ola@example"));
	assert_false(valid_email("ola@.no"));
	assert_false(valid_email("ola@example."));
	assert_false(valid_email("ola@kari@example.no"));
	assert_false(valid_email("ola nordmann@example.no"));
	assert_false(valid_email("\"ola\"@example.no"));
	assert_false(valid_email("<ola@example.no>"));
	assert_false(valid_email("ola@example.no,kari@example.no"));
	assert_false(valid_email("ola@example.no\n"));
	assert_false(valid_email("ol\xff@example.no"));  /* not UTF-8 */
	/* 254 bytes is the limit (RFC 5321 path length). */
	char *local = repeat(&a, "a", EMAIL_MAX_CHARS - (int)strlen("@example.no"));
	assert_true(valid_email(arena_printf(&a, "%s@example.no", local)));
	assert_false(valid_email(arena_printf(&a, "a%s@example.no", local)));
	arena_free(&a);
}

static void test_unit_rules(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a, 0);
	struct field_errors fe = { .n = 0 };
	struct unit u = { .name = "Økonomi og lønn", .code = "OKO" };
	validate_unit(&u, &fe);
	assert_int_equal(fe.n, 0);

	/* 200 characters of 'æ' are 400 bytes and still allowed. */
	u.name = repeat(&a, "æ", NAME_MAX_CHARS);
	fe.n = 0;
	validate_unit(&u, &fe);
	assert_int_equal(fe.n, 0);
	u.name = repeat(&a, "å", NAME_MAX_CHARS + 1);
	fe.n = 0;
	validate_unit(&u, &fe);
	assert_int_equal(problem_of(&fe, "name"), PROB_TOO_LONG);

	struct { const char *name, *code; const char *field; enum problem p; } cases[] = {
		{ "", "OKO", "name", PROB_REQUIRED },
		{ NULL, "OKO", "name", PROB_REQUIRED },
		{ "Lønn\nog mer", "OKO", "name", PROB_BAD_TEXT },
		{ "Lønn\tog mer", "OKO", "name", PROB_BAD_TEXT },
		{ "L\xc3", "OKO", "name", PROB_BAD_TEXT },          /* cut UTF-8 */
		{ "L\x01nn", "OKO", "name", PROB_BAD_TEXT },
		{ "Lønn", "", "code", PROB_REQUIRED },
		{ "Lønn", NULL, "code", PROB_REQUIRED },
		{ "Lønn", "LØNN", "code", PROB_BAD_CODE },
		{ "Lønn", "L N", "code", PROB_BAD_CODE },
		{ "Lønn", "123456789012345678901234567890123", "code", PROB_TOO_LONG },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct unit v = { .name = (char *)cases[i].name, .code = (char *)cases[i].code };
		fe.n = 0;
		validate_unit(&v, &fe);
		assert_int_equal(fe.n, 1);
		assert_string_equal(fe.e[0].field, cases[i].field);
		assert_int_equal(fe.e[0].problem, cases[i].p);
	}

	/* Both fields wrong: both reported. */
	struct unit bad = { .name = "", .code = "æ" };
	fe.n = 0;
	validate_unit(&bad, &fe);
	assert_int_equal(fe.n, 2);
	assert_int_equal(problem_of(&fe, "name"), PROB_REQUIRED);
	assert_int_equal(problem_of(&fe, "code"), PROB_BAD_CODE);
	arena_free(&a);
}

static void test_person_rules(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a, 0);
	struct field_errors fe = { .n = 0 };
	struct person p = { .name = "Åse Ødegård", .email = "ase@example.no",
			    .employee_number = "10042", .unit_id = 3, .job_title = "Rådgiver" };
	validate_person(&p, &fe);
	assert_int_equal(fe.n, 0);

	/* E-mail and job title are optional. */
	p.email = "";
	p.job_title = NULL;
	fe.n = 0;
	validate_person(&p, &fe);
	assert_int_equal(fe.n, 0);

	p.job_title = repeat(&a, "ø", TITLE_MAX_CHARS);
	fe.n = 0;
	validate_person(&p, &fe);
	assert_int_equal(fe.n, 0);
	p.job_title = repeat(&a, "ø", TITLE_MAX_CHARS + 1);
	fe.n = 0;
	validate_person(&p, &fe);
	assert_int_equal(problem_of(&fe, "job_title"), PROB_TOO_LONG);
	p.job_title = "Rådgiver";

	p.name = repeat(&a, "Å", NAME_MAX_CHARS);
	fe.n = 0;
	validate_person(&p, &fe);
	assert_int_equal(fe.n, 0);
	p.name = repeat(&a, "Å", NAME_MAX_CHARS + 1);
	fe.n = 0;
	validate_person(&p, &fe);
	assert_int_equal(problem_of(&fe, "name"), PROB_TOO_LONG);
	p.name = "Åse Ødegård";

	p.email = "ase@";
	fe.n = 0;
	validate_person(&p, &fe);
	assert_int_equal(fe.n, 1);
	assert_int_equal(problem_of(&fe, "email"), PROB_BAD_EMAIL);
	p.email = "ase@example.no";

	p.employee_number = "";
	fe.n = 0;
	validate_person(&p, &fe);
	assert_int_equal(problem_of(&fe, "employee_number"), PROB_REQUIRED);
	p.employee_number = "10 042";
	fe.n = 0;
	validate_person(&p, &fe);
	assert_int_equal(problem_of(&fe, "employee_number"), PROB_BAD_CODE);
	p.employee_number = repeat(&a, "9", CODE_MAX_CHARS + 1);
	fe.n = 0;
	validate_person(&p, &fe);
	assert_int_equal(problem_of(&fe, "employee_number"), PROB_TOO_LONG);
	p.employee_number = "10042";

	p.unit_id = 0;
	fe.n = 0;
	validate_person(&p, &fe);
	assert_int_equal(fe.n, 1);
	assert_int_equal(problem_of(&fe, "unit_id"), PROB_REQUIRED);

	struct person empty = { .unit_id = 0 };
	fe.n = 0;
	validate_person(&empty, &fe);
	assert_int_equal(problem_of(&fe, "name"), PROB_REQUIRED);
	assert_int_equal(problem_of(&fe, "employee_number"), PROB_REQUIRED);
	assert_int_equal(problem_of(&fe, "unit_id"), PROB_REQUIRED);
	assert_int_equal(problem_of(&fe, "email"), PROB_NONE);
	arena_free(&a);
}

/* The tree used by the cycle tests:
 *   1 Direktør
 *   ├─ 2 Økonomi
 *   │  └─ 3 Lønn
 *   │     └─ 4 Reiser
 *   └─ 6 IT
 *   5 Tilsynet (a second top) */
static const struct unit tree[] = {
	{ .id = 4, .parent_id = 3 },
	{ .id = 1, .parent_id = 0 },
	{ .id = 3, .parent_id = 2 },
	{ .id = 5, .parent_id = 0 },
	{ .id = 2, .parent_id = 1 },
	{ .id = 6, .parent_id = 1 },
};
enum { NTREE = (int)(sizeof tree / sizeof tree[0]) };

static void test_cycles(void **state)
{
	(void)state;
	/* Under itself. */
	assert_true(unit_move_makes_cycle(tree, NTREE, 2, 2));
	assert_true(unit_move_makes_cycle(tree, NTREE, 1, 1));
	/* Under a child, a grandchild, a great-grandchild. */
	assert_true(unit_move_makes_cycle(tree, NTREE, 2, 3));
	assert_true(unit_move_makes_cycle(tree, NTREE, 2, 4));
	assert_true(unit_move_makes_cycle(tree, NTREE, 1, 4));
	/* To the top: never a cycle. */
	assert_false(unit_move_makes_cycle(tree, NTREE, 2, 0));
	assert_false(unit_move_makes_cycle(tree, NTREE, 4, 0));
	/* Sideways, upwards, into another tree. */
	assert_false(unit_move_makes_cycle(tree, NTREE, 4, 1));
	assert_false(unit_move_makes_cycle(tree, NTREE, 3, 6));
	assert_false(unit_move_makes_cycle(tree, NTREE, 2, 5));
	assert_false(unit_move_makes_cycle(tree, NTREE, 5, 4));
	/* Staying under the same parent. */
	assert_false(unit_move_makes_cycle(tree, NTREE, 3, 2));
	/* A parent that is not in the tree is a missing reference, not a cycle. */
	assert_false(unit_move_makes_cycle(tree, NTREE, 2, 99));
	/* An empty tree. */
	assert_false(unit_move_makes_cycle(NULL, 0, 1, 0));
}

static void test_cycle_in_corrupt_tree(void **state)
{
	(void)state;
	/* 7 and 8 point at each other: the walk must stop, and placing anything
	 * under that loop counts as a cycle. */
	static const struct unit bad[] = {
		{ .id = 7, .parent_id = 8 },
		{ .id = 8, .parent_id = 7 },
		{ .id = 9, .parent_id = 0 },
	};
	assert_true(unit_move_makes_cycle(bad, 3, 9, 7));
	assert_true(unit_move_makes_cycle(bad, 3, 7, 8));
	assert_false(unit_move_makes_cycle(bad, 3, 7, 9));
}

/* The JSON of one diff, in arena memory. */
static const char *unit_diff(struct arena *a, const struct unit *x, const struct unit *y)
{
	struct buf b;
	buf_init(&b, a, 0);
	audit_unit_changes(&b, x, y);
	assert_int_equal(b.err, OK);
	return arena_strdup(a, buf_str(&b));
}

static const char *person_diff(struct arena *a, const struct person *x, const struct person *y)
{
	struct buf b;
	buf_init(&b, a, 0);
	audit_person_changes(&b, x, y);
	assert_int_equal(b.err, OK);
	return arena_strdup(a, buf_str(&b));
}

static void test_audit_unit(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a, 0);
	struct unit before = { .id = 3, .name = "Lønn", .code = "LON", .parent_id = 2, .leader_id = 0 };
	struct unit after = before;

	assert_string_equal(unit_diff(&a, &before, &after), "{}");
	struct buf b;
	buf_init(&b, &a, 0);
	audit_unit_changes(&b, &before, &after);
	assert_true(audit_is_empty(&b));

	/* Listing-only fields are not part of the record. */
	after.leader_name = "Kari";
	after.people_count = 12;
	assert_string_equal(unit_diff(&a, &before, &after), "{}");

	after.name = "Lønn og reise";
	assert_string_equal(unit_diff(&a, &before, &after), "{\"name\":[\"Lønn\",\"Lønn og reise\"]}");

	after.parent_id = 0;
	after.leader_id = 17;
	assert_string_equal(unit_diff(&a, &before, &after),
			    "{\"name\":[\"Lønn\",\"Lønn og reise\"],\"parent_id\":[2,null],"
			    "\"leader_id\":[null,17]}");

	/* Create: every field, before null. */
	struct unit created = { .id = 9, .name = "IT \"drift\"", .code = "IT", .parent_id = 1,
				.leader_id = 4 };
	assert_string_equal(unit_diff(&a, NULL, &created),
			    "{\"name\":[null,\"IT \\\"drift\\\"\"],\"code\":[null,\"IT\"],"
			    "\"parent_id\":[null,1],\"leader_id\":[null,4]}");
	/* Delete: every field, after null; a top unit without leader has null ids. */
	struct unit top = { .id = 1, .name = "Direktør", .code = "DIR" };
	assert_string_equal(unit_diff(&a, &top, NULL),
			    "{\"name\":[\"Direktør\",null],\"code\":[\"DIR\",null],"
			    "\"parent_id\":[null,null],\"leader_id\":[null,null]}");
	/* Markup in names cannot close a script block in HTML. */
	struct unit evil = { .name = "</script>", .code = "X" };
	struct unit evil2 = evil;
	evil2.name = "ok";
	assert_string_equal(unit_diff(&a, &evil, &evil2), "{\"name\":[\"\\u003c/script>\",\"ok\"]}");
	buf_init(&b, &a, 0);
	audit_unit_changes(&b, &evil, &evil2);
	assert_false(audit_is_empty(&b));
	arena_free(&a);
}

static void test_audit_person(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a, 0);
	struct person before = { .id = 5, .name = "Åse", .email = "ase@example.no",
				 .employee_number = "10042", .unit_id = 3, .job_title = "Rådgiver",
				 .active = true };
	struct person after = before;
	assert_string_equal(person_diff(&a, &before, &after), "{}");

	/* NULL and "" are the same empty value. */
	before.job_title = NULL;
	after.job_title = "";
	assert_string_equal(person_diff(&a, &before, &after), "{}");

	after.active = false;
	assert_string_equal(person_diff(&a, &before, &after), "{\"active\":[true,false]}");

	after.unit_id = 4;
	after.email = "aase@example.no";
	assert_string_equal(person_diff(&a, &before, &after),
			    "{\"email\":[\"ase@example.no\",\"aase@example.no\"],"
			    "\"unit_id\":[3,4],\"active\":[true,false]}");

	struct person created = { .id = 6, .name = "Per Ås", .email = NULL, .employee_number = "7",
				  .unit_id = 2, .job_title = NULL, .active = true };
	assert_string_equal(person_diff(&a, NULL, &created),
			    "{\"name\":[null,\"Per Ås\"],\"email\":[null,\"\"],"
			    "\"employee_number\":[null,\"7\"],\"unit_id\":[null,2],"
			    "\"job_title\":[null,\"\"],\"active\":[null,true]}");
	arena_free(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_problem_codes),
		cmocka_unit_test(test_field_errors),
		cmocka_unit_test(test_codes),
		cmocka_unit_test(test_emails),
		cmocka_unit_test(test_unit_rules),
		cmocka_unit_test(test_person_rules),
		cmocka_unit_test(test_cycles),
		cmocka_unit_test(test_cycle_in_corrupt_tree),
		cmocka_unit_test(test_audit_unit),
		cmocka_unit_test(test_audit_person),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
