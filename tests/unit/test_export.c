/* test_export.c — the exporters of io/export*.c: the tables built from units
 * and people (codes and employee numbers looked up by id, inactive people
 * kept, headings in nb/nn/en), the CSV file that `evne import` reads back
 * to the same values (contract.md, "CSV import columns"), spreadsheet formula
 * neutralisation on free text but never on codes (design.md, "XLSX:
 * neutralise = + - @"), and XLSX and PDF files that are what they claim to
 * be, with the table over several PDF pages when it is long (product.md,
 * HR exports). */
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
#include "export_fixture.h"
#include "io/export.h"
#include "io/import_csv.h"

/* A small organisation: a top unit with two sub-units. */
static const struct unit UNITS[] = {
	{ .id = 10, .name = "Østby kommune", .code = "OSTBY", .parent_id = 0, .leader_id = 3, .depth = 0 },
	{ .id = 12, .name = "Skole; oppvekst", .code = "-SKOLE", .parent_id = 10, .leader_id = 0, .depth = 1 },
	{ .id = 11, .name = "Helse og omsorg", .code = "HELSE", .parent_id = 10, .leader_id = 4, .depth = 1 },
};

static const struct person PEOPLE[] = {
	{ .id = 4, .name = "Åse Bråten", .email = "ase@ostby.no", .employee_number = "002", .unit_id = 11,
	  .job_title = "rektor, \"fung.\"", .active = true },
	{ .id = 3, .name = "Ørjan Østby", .email = "orjan@ostby.no", .employee_number = "001", .unit_id = 10,
	  .job_title = "kommunedirektør", .active = true },
	{ .id = 5, .name = "=HYPERLINK(\"http://x\")", .email = "+x@ostby.no", .employee_number = "-7",
	  .unit_id = 12, .job_title = "@SUM(A1)", .active = false },
	{ .id = 6, .name = "Per Hansen", .email = NULL, .employee_number = "004", .unit_id = 0,
	  .job_title = "Linje 1\nlinje 2", .active = true },
};

enum { NUNITS = 3, NPEOPLE = 4 };

static void test_kind_and_format_names(void **state)
{
	(void)state;
	enum export_kind k;
	enum export_format f;
	assert_true(export_kind_parse("people", &k));
	assert_int_equal(k, EXPORT_PEOPLE);
	assert_true(export_kind_parse("units", &k));
	assert_int_equal(k, EXPORT_UNITS);
	assert_false(export_kind_parse("staff", &k));
	assert_false(export_kind_parse(NULL, &k));
	assert_true(export_format_parse("pdf", &f));
	assert_int_equal(f, EXPORT_PDF);
	assert_false(export_format_parse("XLSX", &f));
	assert_false(export_format_parse("doc", &f));
	assert_string_equal(export_format_name(EXPORT_XLSX), "xlsx");
	assert_string_equal(export_kind_name(EXPORT_PEOPLE), "people");
}

static void test_units_table(void **state)
{
	(void)state;
	struct export_table t;
	assert_int_equal(export_units_table(&A, LANG_NB, UNITS, NUNITS, PEOPLE, NPEOPLE, &t), OK);
	assert_int_equal(t.nrows, 3);
	assert_string_equal(t.title, "Enheter");
	assert_string_equal(t.org, "Østby kommune");
	assert_string_equal(t.cols[2].key, "parent_code");
	assert_string_equal(t.cols[2].heading, "Overordnet enhet (kode)");
	assert_null(t.cols[4].key);                              /* the leader's name: not in CSV */
	assert_string_equal(export_cell(&t, 0, 2, false), "");
	assert_string_equal(export_cell(&t, 0, 3, false), "001");
	assert_string_equal(export_cell(&t, 0, 4, true), "Ørjan Østby");
	assert_string_equal(export_cell(&t, 1, 2, false), "OSTBY");
	assert_string_equal(export_cell(&t, 1, 3, false), "");  /* no leader */
	assert_string_equal(export_cell(&t, 2, 3, false), "002");
	assert_int_equal(t.depth[2], 1);
}

static void test_people_table_languages(void **state)
{
	(void)state;
	struct export_table nb, nn, en;
	assert_int_equal(export_people_table(&A, LANG_NB, PEOPLE, NPEOPLE, UNITS, NUNITS, &nb), OK);
	assert_int_equal(export_people_table(&A, LANG_NN, PEOPLE, NPEOPLE, UNITS, NUNITS, &nn), OK);
	assert_int_equal(export_people_table(&A, LANG_EN, PEOPLE, NPEOPLE, UNITS, NUNITS, &en), OK);
	assert_string_equal(nb.title, "Personer");
	assert_string_equal(nn.title, "Personar");
	assert_string_equal(en.title, "People");
	assert_string_equal(nn.cols[0].heading, "Tilsettnummer");
	assert_string_equal(en.cols[0].key, "employee_number");  /* CSV names do not change */
	assert_int_equal(nb.nrows, 4);                            /* the inactive one too */
	assert_string_equal(export_cell(&nb, 0, 3, false), "HELSE");
	assert_string_equal(export_cell(&nb, 0, 4, true), "Helse og omsorg");
	assert_string_equal(export_cell(&nb, 2, 6, false), "nei");
	assert_string_equal(export_cell(&nb, 2, 6, true), "Nei");
	assert_string_equal(export_cell(&en, 0, 6, true), "Yes");
	assert_string_equal(export_cell(&nb, 3, 2, false), "");    /* no e-mail */
	assert_string_equal(export_cell(&nb, 3, 3, false), "");    /* no unit */
}

static void test_needs_quote(void **state)
{
	(void)state;
	struct export_column text = EXPORT_COLUMN("name", "Navn", EXPORT_COL_TEXT, 10);
	struct export_column code = EXPORT_COLUMN("code", "Kode", EXPORT_COL_CODE, 10);
	struct export_column number = EXPORT_COLUMN("gap", "Gap", EXPORT_COL_NUMBER, 4);
	const char *risky[] = { "=1+1", "+47", "-2", "@SUM(A1)", "\tx", "\rx" };
	for (size_t i = 0; i < sizeof risky / sizeof risky[0]; i++) {
		assert_true(export_needs_quote(&text, risky[i]));
		assert_false(export_needs_quote(&code, risky[i]));
		assert_false(export_needs_quote(&number, risky[i]));
	}
	assert_false(export_needs_quote(&text, ""));
	assert_false(export_needs_quote(&text, "Ola Nordmann"));
	assert_false(export_needs_quote(&text, "a=b"));
	assert_false(export_needs_quote(&text, "'quoted"));
}

static void test_csv_units_bytes(void **state)
{
	(void)state;
	struct export_table t;
	assert_int_equal(export_units_table(&A, LANG_EN, UNITS, NUNITS, PEOPLE, NPEOPLE, &t), OK);
	assert_string_equal(csv_of(&t),
			    "\xEF\xBB\xBF"
			    "code;name;parent_code;leader_employee_number\r\n"
			    "OSTBY;Østby kommune;;001\r\n"
			    "-SKOLE;\"Skole; oppvekst\";OSTBY;\r\n"
			    "HELSE;Helse og omsorg;OSTBY;002\r\n");
}

static void test_csv_people_neutralised(void **state)
{
	(void)state;
	struct export_table t;
	assert_int_equal(export_people_table(&A, LANG_NB, PEOPLE, NPEOPLE, UNITS, NUNITS, &t), OK);
	assert_string_equal(csv_of(&t),
			    "\xEF\xBB\xBF"
			    "employee_number;name;email;unit_code;job_title;active\r\n"
			    "002;Åse Bråten;ase@ostby.no;HELSE;\"rektor, \"\"fung.\"\"\";ja\r\n"
			    "001;Ørjan Østby;orjan@ostby.no;OSTBY;kommunedirektør;ja\r\n"
			    "-7;\"'=HYPERLINK(\"\"http://x\"\")\";'+x@ostby.no;-SKOLE;'@SUM(A1);nei\r\n"
			    "004;Per Hansen;;;\"Linje 1\nlinje 2\";ja\r\n");
}

/* What the import reads from the export is what was exported: the file's
 * values, row by row, through the real import reader. */
static void test_csv_round_trip(void **state)
{
	(void)state;
	const struct person plain[] = {
		PEOPLE[0], PEOPLE[1],
		{ .id = 6, .name = " Per  Hansen", .email = NULL, .employee_number = "004", .unit_id = 11,
		  .job_title = "rådgiver", .active = true },
		{ .id = 7, .name = "Kjærsti Sæther; jr.", .email = "k@ostby.no", .employee_number = "-0.5_x",
		  .unit_id = 12, .job_title = "", .active = false },
	};
	struct export_table t;
	assert_int_equal(export_people_table(&A, LANG_NB, plain, 4, UNITS, NUNITS, &t), OK);
	char *csv = csv_of(&t);
	struct import_plan plan;
	assert_int_equal(import_csv_read(&A, IMPORT_PEOPLE, csv, strlen(csv), &plan), OK);
	assert_int_equal(plan.n, 4);
	assert_int_equal(import_error_total(&plan.errors), 0);
	assert_true(plan.has_email && plan.has_job_title && plan.has_active);
	for (int i = 0; i < 4; i++) {
		const struct import_person_row *r = &plan.people[i];
		assert_string_equal(r->employee_number, plain[i].employee_number);
		assert_string_equal(r->name, i == 2 ? "Per  Hansen" : plain[i].name);   /* the import trims */
		assert_string_equal(r->email, plain[i].email ? plain[i].email : "");
		assert_string_equal(r->unit_code, export_cell(&t, i, 3, false));
		assert_true(r->has_active);
		assert_int_equal(r->active, plain[i].active);
	}
	assert_string_equal(plan.people[0].job_title, "rektor, \"fung.\"");

	struct export_table u;
	assert_int_equal(export_units_table(&A, LANG_NB, UNITS, NUNITS, PEOPLE, NPEOPLE, &u), OK);
	csv = csv_of(&u);
	assert_int_equal(import_csv_read(&A, IMPORT_UNITS, csv, strlen(csv), &plan), OK);
	assert_int_equal(plan.n, 3);
	assert_int_equal(import_error_total(&plan.errors), 0);
	assert_string_equal(plan.units[1].code, "-SKOLE");
	assert_string_equal(plan.units[1].name, "Skole; oppvekst");
	assert_string_equal(plan.units[1].parent_code, "OSTBY");
	assert_string_equal(plan.units[2].leader_employee_number, "002");
}

static void test_xlsx_is_a_zip(void **state)
{
	(void)state;
	struct export_table t;
	assert_int_equal(export_people_table(&A, LANG_NB, PEOPLE, NPEOPLE, UNITS, NUNITS, &t), OK);
	char path[] = "/tmp/evne-test-export-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	char err[256] = "";
	assert_int_equal(export_xlsx(path, &t, 1795000000, NULL, err, sizeof err), OK);
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	char data[65536];
	size_t n = fread(data, 1, sizeof data, f);
	fclose(f);
	unlink(path);
	assert_true(n > 4);
	assert_memory_equal(data, "PK\x03\x04", 4);
	assert_true(count(data, n, "xl/worksheets/sheet1.xml") > 0);   /* names are not compressed */

	assert_int_equal(export_xlsx("/nonexistent-dir/x.xlsx", &t, 0, NULL, err, sizeof err), ERR_IO);
	assert_non_null(strstr(err, "/nonexistent-dir/x.xlsx"));
}


static char *pdf_of(const struct export_table *t, size_t *len)
{
	char *buf = NULL;
	FILE *f = open_memstream(&buf, len);
	assert_non_null(f);
	char err[256] = "";
	assert_int_equal(export_pdf(f, t, 1795000000, NULL, err, sizeof err), OK);
	fclose(f);
	return memfile_text(buf, *len);
}

static void test_pdf_pages(void **state)
{
	(void)state;
	struct export_table t;
	assert_int_equal(export_units_table(&A, LANG_NB, UNITS, NUNITS, PEOPLE, NPEOPLE, &t), OK);
	size_t len;
	char *pdf = pdf_of(&t, &len);
	assert_true(len > 1000);
	assert_memory_equal(pdf, "%PDF-", 5);
	assert_int_equal(count(pdf, len, "/Type /Page "), 1);

	enum { MANY = 300 };
	struct person *many = arena_alloc(&A, MANY * sizeof *many);
	for (int i = 0; i < MANY; i++) {
		many[i] = PEOPLE[i % NPEOPLE];
		many[i].id = 100 + i;
	}
	assert_int_equal(export_people_table(&A, LANG_NN, many, MANY, UNITS, NUNITS, &t), OK);
	pdf = pdf_of(&t, &len);
	assert_true(count(pdf, len, "/Type /Page ") > 5);

	assert_int_equal(export_people_table(&A, LANG_EN, many, 0, UNITS, NUNITS, &t), OK);
	pdf = pdf_of(&t, &len);                                   /* no rows: still a page */
	assert_int_equal(count(pdf, len, "/Type /Page "), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kind_and_format_names),
		cmocka_unit_test_setup_teardown(test_units_table, setup, teardown),
		cmocka_unit_test_setup_teardown(test_people_table_languages, setup, teardown),
		cmocka_unit_test(test_needs_quote),
		cmocka_unit_test_setup_teardown(test_csv_units_bytes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_csv_people_neutralised, setup, teardown),
		cmocka_unit_test_setup_teardown(test_csv_round_trip, setup, teardown),
		cmocka_unit_test_setup_teardown(test_xlsx_is_a_zip, setup, teardown),
		cmocka_unit_test_setup_teardown(test_pdf_pages, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, group_teardown);
}
