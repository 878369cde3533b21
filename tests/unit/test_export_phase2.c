/* test_export_phase2.c — the tables of phase 2's exports (io/export_phase2.c):
 * the needs register (stored names in CSV, the pages' words in nb/nn/en for
 * XLSX and PDF, the gap computed and written as a number that is never
 * neutralised, empty cells for what was not given, codes left out of the
 * PDF only) and the decided strategy (its needs and measures as two parts
 * or one, lists joined, dates and budgets shown the Norwegian way, who
 * published and approved it), and the writers over two parts: a workbook
 * with two sheets, a PDF whose second table starts on a page of its own. */
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

static const struct export_need NEEDS[] = {
	{ .unit_code = "HELSE", .unit_name = "Helse og omsorg", .status = PROPOSAL_SUBMITTED,
	  .competence_code = "digi-ki", .title = "Kunstig intelligens", .criticality = CRIT_CRITICAL,
	  .required_level = 4, .current_level = 1, .people_affected = 12, .horizon = HORIZON_NEXT_YEAR,
	  .goal_codes = "S1.1, S2.3", .rationale = "Nye krav; «snart»", .decided_need = "KI for alle" },
	{ .unit_code = "-SKOLE", .unit_name = "Skole", .status = PROPOSAL_RETURNED, .competence_code = "",
	  .title = "=HYPERLINK(\"x\")", .criticality = CRIT_LOW, .required_level = 2, .current_level = 3,
	  .people_affected = -1, .horizon = HORIZON_LONGER, .goal_codes = "", .rationale = "",
	  .decided_need = NULL },
	{ .unit_code = "ÅSEN", .unit_name = "Åsen", .status = PROPOSAL_DRAFT, .competence_code = NULL,
	  .title = "Språk – æøå", .criticality = CRIT_MEDIUM, .required_level = 0, .current_level = 2,
	  .people_affected = 0, .horizon = HORIZON_ONE_TO_THREE_YEARS, .goal_codes = "", .rationale = "",
	  .decided_need = NULL },
};
enum { NNEEDS = 3 };

static struct dv_need DV_NEEDS[] = {
	{ .key = 7, .position = 1, .scope = NEED_SCOPE_ORGANISATION, .unit_name = "", .competence_name = "KI",
	  .title = "KI for alle", .description = "@bred", .criticality = CRIT_HIGH, .required_level = 3,
	  .horizon = HORIZON_ONE_TO_THREE_YEARS, .people_affected = -1,
	  .proposed_by = "Helse og omsorg\nØstby skole", .goals = "S1.1 Digitale tjenester\nS2.3 Læring" },
	{ .key = 9, .position = 2, .scope = NEED_SCOPE_UNIT, .unit_name = "Skole", .competence_name = "",
	  .title = "Lesing", .description = "", .criticality = CRIT_LOW, .required_level = 0,
	  .horizon = HORIZON_LONGER, .people_affected = 4, .proposed_by = "Skole", .goals = "" },
};

static struct dv_measure DV_MEASURES[] = {
	{ .key = 3, .position = 1, .kind = MEASURE_PHASE_OUT, .scope = MEASURE_SCOPE_LOCAL, .unit_name = "Skole",
	  .title = "Avvikle faks", .description = "", .owner = "Rektor", .deadline = "2027-06-30",
	  .budget = 1250000, .needs = "KI for alle\nLesing" },
};

static struct decided_version version(void)
{
	return (struct decided_version){ .id = 1, .cycle_id = 1, .number = 3, .note = "",
					 .approved_at = 1795000000, .approved_by_name = "Tor Toppleder",
					 .approval_comment = "", .published_at = 1795100000,
					 .published_by_name = "Hanne HR", .needs = DV_NEEDS, .nneeds = 2,
					 .measures = DV_MEASURES, .nmeasures = 1 };
}

/* The column whose CSV key is key, -1 when none. */
static int col_of(const struct export_table *t, const char *key)
{
	for (int c = 0; c < t->ncols; c++)
		if (t->cols[c].key && strcmp(t->cols[c].key, key) == 0)
			return c;
	return -1;
}

static const char *csv_cell(const struct export_table *t, int row, const char *key)
{
	int c = col_of(t, key);
	assert_true(c >= 0);
	return export_cell(t, row, c, false);
}

static const char *shown_cell(const struct export_table *t, int row, const char *key)
{
	int c = col_of(t, key);
	assert_true(c >= 0);
	return export_cell(t, row, c, true);
}

static void test_kinds_and_parts(void **state)
{
	(void)state;
	enum export_kind k;
	enum export_part p;
	assert_true(export_kind_parse("needs", &k));
	assert_int_equal(k, EXPORT_NEEDS);
	assert_true(export_kind_parse("strategy", &k));
	assert_int_equal(k, EXPORT_STRATEGY);
	assert_string_equal(export_kind_name(EXPORT_STRATEGY), "strategy");
	assert_true(export_part_parse("needs", &p));
	assert_int_equal(p, EXPORT_PART_NEEDS);
	assert_true(export_part_parse("measures", &p));
	assert_int_equal(p, EXPORT_PART_MEASURES);
	assert_false(export_part_parse("Needs", &p));
	assert_false(export_part_parse(NULL, &p));
}

static void test_needs_table(void **state)
{
	(void)state;
	struct export_table t;
	assert_int_equal(export_needs_table(&A, LANG_NB, "2027", "Østby kommune", NEEDS, NNEEDS, &t), OK);
	assert_int_equal(t.nrows, 3);
	assert_int_equal(t.ncols, 14);
	assert_null(t.next);
	assert_string_equal(t.title, "Kritiske kompetansebehov");
	assert_string_equal(t.heading, "Foreslåtte kritiske kompetansebehov, syklus 2027");
	assert_string_equal(t.org, "Østby kommune");
	assert_int_equal(t.count_msg, MSG_EXPORT_NEEDS_COUNT);
	/* stored names in CSV, the pages' words shown */
	assert_string_equal(csv_cell(&t, 0, "status"), "submitted");
	assert_string_equal(shown_cell(&t, 0, "status"), "Sendt til HR");
	assert_string_equal(shown_cell(&t, 1, "status"), "Sendt tilbake");
	assert_string_equal(shown_cell(&t, 2, "status"), "Utkast");
	assert_string_equal(csv_cell(&t, 0, "criticality"), "critical");
	assert_string_equal(shown_cell(&t, 0, "criticality"), "Kritisk");
	assert_string_equal(csv_cell(&t, 2, "horizon"), "one_to_three_years");
	assert_string_equal(shown_cell(&t, 2, "horizon"), "1–3 år");
	/* levels, the gap (negative too), people affected */
	assert_string_equal(csv_cell(&t, 0, "gap"), "3");
	assert_string_equal(csv_cell(&t, 1, "gap"), "-1");
	assert_string_equal(csv_cell(&t, 2, "gap"), "");          /* no required level */
	assert_string_equal(csv_cell(&t, 2, "required_level"), "");
	assert_string_equal(csv_cell(&t, 2, "current_level"), "2");
	assert_string_equal(csv_cell(&t, 1, "people_affected"), "");
	assert_string_equal(csv_cell(&t, 2, "people_affected"), "0");
	assert_string_equal(csv_cell(&t, 2, "competence_code"), "");   /* NULL: described freely */
	assert_string_equal(csv_cell(&t, 0, "goal_codes"), "S1.1, S2.3");
	assert_string_equal(csv_cell(&t, 0, "decided_need"), "KI for alle");
	assert_string_equal(csv_cell(&t, 1, "decided_need"), "");
	/* the codes are left out of the PDF, where the names stand */
	assert_true(t.cols[col_of(&t, "unit_code")].not_printed);
	assert_true(t.cols[col_of(&t, "competence_code")].not_printed);
	assert_false(t.cols[col_of(&t, "unit_name")].not_printed);

	struct export_table nn, en;
	assert_int_equal(export_needs_table(&A, LANG_NN, "2027", NULL, NEEDS, NNEEDS, &nn), OK);
	assert_int_equal(export_needs_table(&A, LANG_EN, "2027", NULL, NEEDS, NNEEDS, &en), OK);
	assert_string_equal(nn.cols[col_of(&nn, "status")].heading, "Status for framlegget");
	assert_string_equal(shown_cell(&nn, 1, "criticality"), "Låg");
	assert_string_equal(en.heading, "Proposed critical competence needs, cycle 2027");
	assert_string_equal(shown_cell(&en, 0, "status"), "Submitted to HR");
	assert_string_equal(csv_cell(&en, 0, "status"), "submitted");   /* CSV the same in every language */
}

static void test_needs_csv(void **state)
{
	(void)state;
	struct export_table t;
	assert_int_equal(export_needs_table(&A, LANG_EN, "2027", NULL, NEEDS, NNEEDS, &t), OK);
	char *csv = csv_of(&t);
	assert_non_null(strstr(csv, "\xEF\xBB\xBFunit_code;unit_name;status;competence_code;title;criticality;"
				    "required_level;current_level;gap;people_affected;horizon;goal_codes;"
				    "rationale;decided_need\r\n"));
	assert_non_null(strstr(csv, "\r\nHELSE;Helse og omsorg;submitted;digi-ki;Kunstig intelligens;critical;"
				    "4;1;3;12;next_year;\"S1.1, S2.3\";\"Nye krav; «snart»\";KI for alle\r\n"));
	/* the formula-looking title gets its apostrophe; the code and the
	 * negative gap do not */
	assert_non_null(strstr(csv, "\r\n-SKOLE;Skole;returned;;\"'=HYPERLINK(\"\"x\"\")\";low;2;3;-1;;longer;;;\r\n"));
	assert_non_null(strstr(csv, "\r\nÅSEN;Åsen;draft;;Språk – æøå;medium;;2;;0;one_to_three_years;;;\r\n"));
}

static void test_strategy_tables(void **state)
{
	(void)state;
	struct decided_version v = version();
	struct export_table t;
	assert_int_equal(export_strategy_table(&A, LANG_NB, "2027", "Østby kommune", &v, EXPORT_PART_ALL, &t), OK);
	assert_string_equal(t.title, "Vedtatte behov");
	assert_string_equal(t.heading, "Vedtatt kompetansestrategi 2027, versjon 3");
	assert_non_null(strstr(t.note, "Publisert "));
	assert_non_null(strstr(t.note, " av Hanne HR"));
	assert_non_null(strstr(t.note, "Godkjent "));
	assert_non_null(strstr(t.note, " av Tor Toppleder"));
	assert_int_equal(t.nrows, 2);
	assert_string_equal(csv_cell(&t, 0, "proposed_by"), "Helse og omsorg; Østby skole");
	assert_string_equal(csv_cell(&t, 0, "goals"), "S1.1 Digitale tjenester; S2.3 Læring");
	assert_string_equal(csv_cell(&t, 1, "proposed_by"), "Skole");
	assert_string_equal(csv_cell(&t, 0, "scope"), "organisation");
	assert_string_equal(shown_cell(&t, 0, "scope"), "Hele virksomheten");
	assert_string_equal(shown_cell(&t, 1, "scope"), "Én enhet");
	assert_string_equal(csv_cell(&t, 0, "people_affected"), "");
	assert_string_equal(csv_cell(&t, 1, "required_level"), "");
	assert_true(export_needs_quote(&t.cols[col_of(&t, "description")], csv_cell(&t, 0, "description")));

	assert_non_null(t.next);
	const struct export_table *m = t.next;
	assert_null(m->next);
	assert_string_equal(m->title, "Tiltak");
	assert_int_equal(m->count_msg, MSG_EXPORT_MEASURES_COUNT);
	assert_int_equal(export_total_rows(&t), 3);
	assert_string_equal(csv_cell(m, 0, "kind"), "phase_out");
	assert_string_equal(shown_cell(m, 0, "kind"), "Avvikle");
	assert_string_equal(shown_cell(m, 0, "scope"), "Lokalt");
	assert_string_equal(csv_cell(m, 0, "deadline"), "2027-06-30");
	assert_string_equal(shown_cell(m, 0, "deadline"), "30.06.2027");
	assert_string_equal(csv_cell(m, 0, "budget"), "1250000");
	assert_string_equal(shown_cell(m, 0, "budget"), "1\xC2\xA0" "250\xC2\xA0" "000");
	assert_string_equal(csv_cell(m, 0, "needs"), "KI for alle; Lesing");

	struct export_table only;
	assert_int_equal(export_strategy_table(&A, LANG_EN, "2027", NULL, &v, EXPORT_PART_MEASURES, &only), OK);
	assert_null(only.next);
	assert_string_equal(only.title, "Measures");
	assert_string_equal(only.heading, "Decided competence strategy 2027, version 3");
	assert_string_equal(shown_cell(&only, 0, "kind"), "Phase out");
	assert_int_equal(export_strategy_table(&A, LANG_NN, "2027", NULL, &v, EXPORT_PART_NEEDS, &only), OK);
	assert_null(only.next);
	assert_string_equal(only.title, "Vedtekne behov");
	assert_non_null(strstr(only.note, "Godkjend "));

	/* unknown names: said so, never an empty "av" */
	v.published_by_name = NULL;
	v.approved_by_name = "";
	assert_int_equal(export_strategy_table(&A, LANG_NB, "2027", NULL, &v, EXPORT_PART_NEEDS, &only), OK);
	assert_non_null(strstr(only.note, " av ukjent"));
	assert_null(strstr(only.note, " av  "));
}

static void test_two_parts_written(void **state)
{
	(void)state;
	struct decided_version v = version();
	struct export_table t;
	assert_int_equal(export_strategy_table(&A, LANG_NB, "2027", NULL, &v, EXPORT_PART_ALL, &t), OK);

	/* CSV: this part only */
	char *csv = csv_of(&t);
	assert_null(strstr(csv, "Avvikle faks"));
	assert_non_null(strstr(csv, "KI for alle"));

	/* XLSX: a sheet per part */
	char path[] = "/tmp/evne-test-export2-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	char err[256] = "";
	assert_int_equal(export_xlsx(path, &t, 1795000000, NULL, err, sizeof err), OK);
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	static char data[1 << 17];
	size_t n = fread(data, 1, sizeof data, f);
	fclose(f);
	unlink(path);
	assert_memory_equal(data, "PK\x03\x04", 4);
	assert_true(count(data, n, "xl/worksheets/sheet1.xml") > 0);
	assert_true(count(data, n, "xl/worksheets/sheet2.xml") > 0);

	/* PDF: the measures from a page of their own */
	char *buf = NULL;
	size_t len = 0;
	f = open_memstream(&buf, &len);
	assert_non_null(f);
	assert_int_equal(export_pdf(f, &t, 1795000000, NULL, err, sizeof err), OK);
	fclose(f);
	assert_memory_equal(buf, "%PDF-", 5);
	assert_int_equal(count(buf, len, "/Type /Page "), 2);
	free(buf);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kinds_and_parts),
		cmocka_unit_test_setup_teardown(test_needs_table, setup, teardown),
		cmocka_unit_test_setup_teardown(test_needs_csv, setup, teardown),
		cmocka_unit_test_setup_teardown(test_strategy_tables, setup, teardown),
		cmocka_unit_test_setup_teardown(test_two_parts_written, setup, teardown),
	};
	return cmocka_run_group_tests_name("tests", tests, NULL, group_teardown);
}
