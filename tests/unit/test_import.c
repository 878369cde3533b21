/* test_import.c — CSV imports of units and people (domain/import.c,
 * io/import_csv.c, store/import.c): every bad row is reported with its line
 * and column, keys repeated in a file and cycles are found, one bad row in a
 * thousand gives exactly one error, and applying a plan upserts, counts and
 * refuses what would break the tree (contract.md: "an import that fails on
 * row 900 of 1000 writes nothing"; product.md, "Quality bar"). The store
 * part runs on a fresh SQLite file (EVNE_TEST_DB names it, otherwise one in
 * a temporary folder). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "base/arena.h"
#include "base/buf.h"
#include "base/text.h"
#include "domain/import.h"
#include "io/import_csv.h"
#include "store/import.h"
#include "store/store.h"

static struct arena A;

static int setup(void **state)
{
	(void)state;
	arena_init(&A, 0);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	arena_free(&A);
	return 0;
}

static enum err plan_of(enum import_kind kind, const char *csv, struct import_plan *p)
{
	return import_csv_read(&A, kind, csv, strlen(csv), p);
}

/* The only error of p; fails unless there is exactly one. */
static const struct import_error *only_error(const struct import_plan *p)
{
	assert_int_equal(import_error_total(&p->errors), 1);
	return &p->errors.e[0];
}

static void test_good_people_semicolons_bom(void **state)
{
	(void)state;
	struct import_plan p;
	const char *csv = "\xEF\xBB\xBF" "Employee_Number ; NAME;email;unit_code;job_title;avdeling;active\r\n"
			  "1001;Åse Bråten;ase@etat.no;DIG;rådgiver;ignored;nei\r\n"
			  "1002;\"Sæther; Kjærsti\";;DIG-UTV;;x;\r\n";
	assert_int_equal(plan_of(IMPORT_PEOPLE, csv, &p), OK);
	assert_int_equal(import_error_total(&p.errors), 0);
	assert_int_equal(p.n, 2);
	assert_true(p.has_email && p.has_job_title && p.has_active);
	assert_string_equal(p.people[0].name, "Åse Bråten");
	assert_true(p.people[0].has_active);
	assert_false(p.people[0].active);
	assert_string_equal(p.people[1].name, "Sæther; Kjærsti");
	assert_false(p.people[1].has_active);
	assert_int_equal(p.people[1].line, 3);
}

static void test_missing_column(void **state)
{
	(void)state;
	struct import_plan p;
	assert_int_equal(plan_of(IMPORT_PEOPLE, "employee_number,name,email\n1,a,a@b.no\n", &p), ERR_INVALID);
	const struct import_error *e = only_error(&p);
	assert_int_equal(e->line, 1);
	assert_string_equal(e->column, "unit_code");
	assert_int_equal(e->problem, PROB_REQUIRED);
	assert_true(e->in_header);
	assert_int_equal(p.n, 0);
}

static void test_column_twice(void **state)
{
	(void)state;
	struct import_plan p;
	assert_int_equal(plan_of(IMPORT_UNITS, "code,name,Code\nA,a,B\n", &p), ERR_INVALID);
	const struct import_error *e = only_error(&p);
	assert_string_equal(e->column, "code");
	assert_int_equal(e->problem, PROB_DUPLICATE);
	assert_true(e->in_header);
}

static void test_file_fault(void **state)
{
	(void)state;
	struct import_plan p;
	assert_int_equal(plan_of(IMPORT_UNITS, "code,name\nA,\xE6\n", &p), ERR_INVALID);
	const struct import_error *e = only_error(&p);
	assert_int_equal(e->line, 2);
	assert_null(e->column);
	assert_int_equal(e->problem, PROB_BAD_TEXT);
	assert_non_null(e->detail);
}

static void test_duplicate_keys(void **state)
{
	(void)state;
	struct import_plan p;
	const char *csv = "employee_number,name,email,unit_code\n"
			  "1,Ola,ola@etat.no,A\n"
			  "2,Kari,KARI@etat.no,A\n"
			  "1,Per,per@etat.no,A\n"
			  "3,Kari B,kari@ETAT.no,A\n";
	assert_int_equal(plan_of(IMPORT_PEOPLE, csv, &p), OK);
	assert_int_equal(import_error_total(&p.errors), 2);
	assert_int_equal(p.errors.e[0].line, 4);
	assert_string_equal(p.errors.e[0].column, "employee_number");
	assert_int_equal(p.errors.e[0].problem, PROB_DUPLICATE);
	assert_int_equal(p.errors.e[0].other_line, 2);
	assert_int_equal(p.errors.e[1].line, 5);
	assert_string_equal(p.errors.e[1].column, "email");
	assert_int_equal(p.errors.e[1].other_line, 3);
	assert_true(p.people[2].invalid);
	assert_false(p.people[1].invalid);
}

static void test_bad_email_names_line_and_column(void **state)
{
	(void)state;
	struct import_plan p;
	const char *csv = "employee_number;name;email;unit_code\n"
			  "1;Ola;ola@etat.no;A\n"
			  "2;\"Kari\nNordmann\";kari@etat.no;A\n"
			  "3;Per;per(at)etat.no;A\n";
	assert_int_equal(plan_of(IMPORT_PEOPLE, csv, &p), OK);
	assert_int_equal(import_error_total(&p.errors), 2);
	assert_int_equal(p.errors.e[0].line, 3);
	assert_string_equal(p.errors.e[0].column, "name");
	assert_int_equal(p.errors.e[0].problem, PROB_BAD_TEXT);
	assert_int_equal(p.errors.e[1].line, 5);
	assert_string_equal(p.errors.e[1].column, "email");
	assert_int_equal(p.errors.e[1].problem, PROB_BAD_EMAIL);
	assert_string_equal(p.errors.e[1].detail, "per(at)etat.no");
}

static void test_field_rules(void **state)
{
	(void)state;
	struct import_plan p;
	const char *csv = "code,name,parent_code,leader_employee_number\n"
			  "A B,Alfa,,\n"
			  "C,,A B,x y\n"
			  "D,Delta,,\n";
	assert_int_equal(plan_of(IMPORT_UNITS, csv, &p), OK);
	assert_int_equal(import_error_total(&p.errors), 4);
	assert_int_equal(p.errors.e[0].problem, PROB_BAD_CODE);
	assert_string_equal(p.errors.e[0].column, "code");
	assert_int_equal(p.errors.e[1].line, 3);
	assert_string_equal(p.errors.e[1].column, "name");
	assert_int_equal(p.errors.e[1].problem, PROB_REQUIRED);
	assert_string_equal(p.errors.e[2].column, "parent_code");
	assert_string_equal(p.errors.e[3].column, "leader_employee_number");
	assert_false(p.units[2].invalid);
}

static void test_bad_bool(void **state)
{
	(void)state;
	struct import_plan p;
	assert_int_equal(plan_of(IMPORT_PEOPLE, "employee_number,name,unit_code,active\n1,a,A,kanskje\n2,b,A,JA\n",
				 &p), OK);
	const struct import_error *e = only_error(&p);
	assert_string_equal(e->column, "active");
	assert_int_equal(e->problem, PROB_BAD_BOOL);
	assert_true(p.people[1].active);
	bool v;
	assert_true(import_parse_bool("Yes", &v) && v);
	assert_true(import_parse_bool("0", &v) && !v);
	assert_false(import_parse_bool("", &v));
}

static void test_cycle_in_file(void **state)
{
	(void)state;
	struct import_plan p;
	const char *csv = "code,name,parent_code\n"
			  "TOP,Top,\n"
			  "B,b,C\n"
			  "A,a,B\n"
			  "C,c,A\n"
			  "S,s,S\n";
	assert_int_equal(plan_of(IMPORT_UNITS, csv, &p), OK);
	assert_int_equal(import_error_total(&p.errors), 2);
	assert_int_equal(p.errors.e[0].line, 3);
	assert_int_equal(p.errors.e[0].problem, PROB_CYCLE);
	assert_string_equal(p.errors.e[0].detail, "B > C > A > B");
	assert_int_equal(p.errors.e[1].line, 6);
	assert_string_equal(p.errors.e[1].detail, "S > S");
}

/* product.md "Quality bar": one bad row among a thousand is found, and only it. */
static void test_one_bad_row_in_1000(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b, &A, 0);
	struct import_plan p;
	buf_puts(&b, "employee_number;name;email;unit_code;job_title\n");
	for (int i = 1; i <= 1000; i++) {
		if (i == 637)
			buf_printf(&b, "%d;Person %d;ikke-en-adresse;DIG;rådgiver\n", 100000 + i, i);
		else
			buf_printf(&b, "%d;Person %d;p%d@etat.no;DIG;rådgiver\n", 100000 + i, i, i);
	}
	assert_int_equal(b.err, OK);
	assert_int_equal(plan_of(IMPORT_PEOPLE, buf_str(&b), &p), OK);
	const struct import_error *e = only_error(&p);
	assert_int_equal(e->line, 638);
	assert_string_equal(e->column, "email");
	assert_int_equal(e->problem, PROB_BAD_EMAIL);
}

static void test_error_cap(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b, &A, 0);
	buf_puts(&b, "code,name\n");
	for (int i = 0; i < 1500; i++)
		buf_puts(&b, "bad code,x\n");
	struct import_plan p;
	assert_int_equal(plan_of(IMPORT_UNITS, buf_str(&b), &p), OK);
	assert_int_equal(p.errors.n, IMPORT_ERRORS_MAX);
	assert_int_equal(import_error_total(&p.errors), 1500);
}

static void test_keymap(void **state)
{
	(void)state;
	struct import_keymap m;
	import_keymap_init(&m, &A, 0, true);
	char *keys[300];
	for (int i = 0; i < 300; i++) {
		keys[i] = arena_printf(&A, "Key-%d", i);
		assert_true(import_keymap_put(&m, keys[i], i, NULL));
	}
	int64_t v = -1;
	assert_false(import_keymap_put(&m, "KEY-7", 1, &v));
	assert_int_equal(v, 7);
	assert_true(import_keymap_get(&m, "key-299", &v));
	assert_int_equal(v, 299);
	assert_false(import_keymap_get(&m, "key-300", &v));
}

/* ---- applying plans to a database ---- */

static char db_path[256];
static char db_dir[64];

static struct store *open_db(void)
{
	const char *env = getenv("EVNE_TEST_DB");
	if (env && *env) {
		snprintf(db_path, sizeof db_path, "%s", env);
	} else {
		snprintf(db_dir, sizeof db_dir, "/tmp/evne-test-import-XXXXXX");
		assert_non_null(mkdtemp(db_dir));
		snprintf(db_path, sizeof db_path, "%s/t.db", db_dir);
	}
	struct store *s = NULL;
	char err[256];
	enum err e = store_open(db_path, 1, true, &s, err, sizeof err);
	if (e != OK)
		fail_msg("store_open: %s", err);
	return s;
}

static void close_db(struct store *s)
{
	store_close(s);
	if (!db_dir[0])
		return;
	const char *suffix[] = { "", "-wal", "-shm" };
	for (int i = 0; i < 3; i++) {
		char f[300];
		snprintf(f, sizeof f, "%s%s", db_path, suffix[i]);
		unlink(f);
	}
	rmdir(db_dir);
	db_dir[0] = '\0';
}

/* Reads csv as kind and applies it in a transaction, committed unless
 * dry_run or failing. Returns what store_import_apply returned. */
static enum err apply(struct store_conn *c, enum import_kind kind, const char *csv, bool dry_run,
		      bool skip_leaders, struct import_counts *n, struct import_plan *p)
{
	assert_int_equal(plan_of(kind, csv, p), OK);
	assert_int_equal(store_begin(c, true), OK);
	struct import_apply_opts o = { .user_id = 0, .now = 1700000000, .skip_leaders = skip_leaders };
	enum err e = store_import_apply(c, &A, p, &o, n);
	if (e == OK && !dry_run)
		assert_int_equal(store_commit(c), OK);
	else
		store_rollback(c);
	return e;
}

static const char UNITS[] =
	"code;name;parent_code;leader_employee_number\n"
	"SEK;Seksjon for utvikling;AVD;2002\n"       /* a child before its parent */
	"TOP;Direktoratet;;2001\n"
	"AVD;Avdeling for digitalisering;TOP;2002\n";

static const char PEOPLE[] =
	"employee_number;name;email;unit_code;job_title\n"
	"2001;Øyvind Ødegård;oyvind@etat.no;TOP;direktør\n"
	"2002;Åse Bråten;ase@etat.no;AVD;avdelingsdirektør\n"
	"2003;Bjørn Løkken;;SEK;rådgiver\n";

static void test_apply(void **state)
{
	(void)state;
	struct store *s = open_db();
	struct store_conn *c = store_acquire(s);
	struct import_counts n;
	struct import_plan p;

	/* Leaders not in the database yet: an error naming line and column. */
	assert_int_equal(apply(c, IMPORT_UNITS, UNITS, false, false, &n, &p), ERR_INVALID);
	assert_int_equal(import_error_total(&p.errors), 3);
	assert_int_equal(p.errors.e[0].line, 2);
	assert_string_equal(p.errors.e[0].column, "leader_employee_number");
	assert_int_equal(p.errors.e[0].problem, PROB_UNKNOWN_REF);
	int64_t count = -1;
	assert_int_equal(store_unit_count(c, &count), OK);
	assert_int_equal(count, 0);

	/* A first load: units without leaders, people, then units again. */
	assert_int_equal(apply(c, IMPORT_UNITS, UNITS, true, true, &n, &p), OK);
	assert_int_equal(n.created, 3);
	assert_int_equal(store_unit_count(c, &count), OK);
	assert_int_equal(count, 0);   /* dry run */
	assert_int_equal(apply(c, IMPORT_UNITS, UNITS, false, true, &n, &p), OK);
	assert_int_equal(n.created, 3);
	assert_int_equal(apply(c, IMPORT_PEOPLE, PEOPLE, false, false, &n, &p), OK);
	assert_int_equal(n.created, 3);
	assert_int_equal(apply(c, IMPORT_UNITS, UNITS, false, false, &n, &p), OK);
	assert_int_equal(n.created, 0);
	assert_int_equal(n.updated, 3);
	assert_int_equal(apply(c, IMPORT_UNITS, UNITS, false, false, &n, &p), OK);
	assert_int_equal(n.unchanged, 3);
	assert_int_equal(apply(c, IMPORT_PEOPLE, PEOPLE, false, false, &n, &p), OK);
	assert_int_equal(n.unchanged, 3);

	struct unit sek, avd;
	assert_int_equal(store_unit_by_code(c, &A, "SEK", &sek), OK);
	assert_int_equal(store_unit_by_code(c, &A, "AVD", &avd), OK);
	assert_int_equal(sek.parent_id, avd.id);
	struct person ase;
	assert_int_equal(store_person_by_number(c, &A, "2002", &ase), OK);
	assert_int_equal(avd.leader_id, ase.id);

	/* A move, a new title, a deactivation; columns left out stay as they are. */
	assert_int_equal(apply(c, IMPORT_PEOPLE,
			       "employee_number,name,unit_code,active\n"
			       "2003,Bjørn Løkken,AVD,nei\n"
			       "2004,Ny Person,SEK,\n", false, false, &n, &p), OK);
	assert_int_equal(n.created, 1);
	assert_int_equal(n.updated, 1);
	struct person bjorn;
	assert_int_equal(store_person_by_number(c, &A, "2003", &bjorn), OK);
	assert_int_equal(bjorn.unit_id, avd.id);
	assert_false(bjorn.active);
	assert_string_equal(bjorn.job_title, "rådgiver");

	/* Unknown unit on one row of three: nothing written. */
	assert_int_equal(apply(c, IMPORT_PEOPLE,
			       "employee_number,name,unit_code\n"
			       "3001,A,TOP\n3002,B,NOWHERE\n3003,C,SEK\n", false, false, &n, &p), ERR_INVALID);
	const struct import_error *e = only_error(&p);
	assert_int_equal(e->line, 3);
	assert_string_equal(e->column, "unit_code");
	struct person none;
	assert_int_equal(store_person_by_number(c, &A, "3001", &none), ERR_NOTFOUND);

	/* Moving TOP under SEK closes a loop through the database's tree. */
	assert_int_equal(apply(c, IMPORT_UNITS, "code,name,parent_code\nTOP,Direktoratet,SEK\n", false,
			       false, &n, &p), ERR_INVALID);
	e = only_error(&p);
	assert_int_equal(e->problem, PROB_CYCLE);
	assert_string_equal(e->detail, "TOP > SEK > AVD > TOP");

	/* Swapping two units in one file is fine: parents are written first. */
	assert_int_equal(apply(c, IMPORT_UNITS,
			       "code,name,parent_code\nSEK,Seksjon for utvikling,TOP\n"
			       "AVD,Avdeling for digitalisering,SEK\n", false, false, &n, &p), OK);
	assert_int_equal(n.updated, 2);

	/* Parent neither in the file nor in the database. */
	assert_int_equal(apply(c, IMPORT_UNITS, "code,name,parent_code\nNEW,Ny,GHOST\n", false, false, &n,
			       &p), ERR_INVALID);
	e = only_error(&p);
	assert_string_equal(e->column, "parent_code");
	assert_int_equal(e->problem, PROB_UNKNOWN_REF);

	struct audit_entry *log;
	int nlog;
	struct audit_query q = { .entity = "person", .limit = 100 };
	assert_int_equal(store_audit_list(c, &A, &q, &log, &nlog), OK);
	assert_int_equal(nlog, 5);
	assert_string_equal(log[0].action, "import");

	store_release(s, c);
	close_db(s);
	text_shutdown();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_good_people_semicolons_bom),
		cmocka_unit_test(test_missing_column),
		cmocka_unit_test(test_column_twice),
		cmocka_unit_test(test_file_fault),
		cmocka_unit_test(test_duplicate_keys),
		cmocka_unit_test(test_bad_email_names_line_and_column),
		cmocka_unit_test(test_field_rules),
		cmocka_unit_test(test_bad_bool),
		cmocka_unit_test(test_cycle_in_file),
		cmocka_unit_test(test_one_bad_row_in_1000),
		cmocka_unit_test(test_error_cap),
		cmocka_unit_test(test_keymap),
		cmocka_unit_test(test_apply),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
