/* test_compilation.c — the pure rules of the compilation (domain/compilation.h):
 * the merge rule (product.md, "merge similar proposed needs into one decided
 * need while keeping the lineage"), the heat map's buckets and grid (issue 5,
 * "readable without colour"), the field rules of decided needs and measures,
 * Norwegian kroner input, the ?from= id list, and the audit JSON. Run with
 * CMOCKA_MESSAGE_OUTPUT=TAP. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>
#include "domain/compilation.h"

static struct comp_proposed_need pn(int64_t id, int64_t unit, const char *title, enum criticality c, int level,
				    int64_t people, enum horizon h, int64_t *goals, int ngoals)
{
	return (struct comp_proposed_need){ .id = id, .cycle_id = 7, .unit_id = unit, .unit_name = "U",
					    .title = (char *)title, .rationale = "why", .criticality = c,
					    .required_level = level, .people_affected = people, .horizon = h,
					    .goal_ids = goals, .ngoals = ngoals, .competence_id = 3 };
}

static void test_merge(void **state)
{
	(void)state;
	int64_t g1[] = { 5, 2 }, g2[] = { 2, 9 };
	struct comp_proposed_need src[3] = {
		pn(10, 1, "Dataanalyse", CRIT_MEDIUM, 2, 3, HORIZON_LONGER, g1, 2),
		pn(11, 2, "Analyse", CRIT_CRITICAL, 3, -1, HORIZON_ONE_TO_THREE_YEARS, g2, 2),
		pn(12, 1, "Data", CRIT_LOW, 1, 4, HORIZON_LONGER, NULL, 0),
	};
	struct decided_need d;
	struct comp_ref refs[3];
	int64_t goals[8];
	int ng;
	comp_merge(src, 3, &d, refs, goals, &ng, 8);
	assert_string_equal(d.title, "Dataanalyse");     /* the first's title */
	assert_string_equal(d.description, "why");
	assert_int_equal(d.competence_id, 3);
	assert_int_equal(d.criticality, CRIT_CRITICAL);  /* the highest */
	assert_int_equal(d.required_level, 3);
	assert_int_equal(d.people_affected, 7);          /* summed, unknown left out */
	assert_int_equal(d.horizon, HORIZON_ONE_TO_THREE_YEARS);   /* the nearest */
	assert_int_equal(d.scope, NEED_SCOPE_ORGANISATION);        /* two units */
	assert_int_equal(d.unit_id, 0);
	assert_int_equal(ng, 3);                          /* united, ascending */
	assert_int_equal(goals[0], 2);
	assert_int_equal(goals[1], 5);
	assert_int_equal(goals[2], 9);
	assert_int_equal(d.nsources, 3);
	assert_int_equal(d.sources[1].id, 11);
	assert_int_equal(d.sources[1].unit_id, 2);

	/* one unit: the unit's need; nobody gave people: not given */
	struct comp_proposed_need one[2] = {
		pn(20, 4, "A", CRIT_HIGH, 0, -1, HORIZON_NEXT_YEAR, NULL, 0),
		pn(21, 4, "B", CRIT_LOW, 0, -1, HORIZON_LONGER, NULL, 0),
	};
	comp_merge(one, 2, &d, refs, goals, &ng, 8);
	assert_int_equal(d.scope, NEED_SCOPE_UNIT);
	assert_int_equal(d.unit_id, 4);
	assert_int_equal(d.people_affected, -1);
	assert_int_equal(d.required_level, 0);
	assert_int_equal(d.horizon, HORIZON_NEXT_YEAR);
	assert_int_equal(ng, 0);

	/* the goal cap holds */
	int64_t many[] = { 1, 2, 3, 4 };
	struct comp_proposed_need capped = pn(30, 1, "C", CRIT_LOW, 0, 0, HORIZON_LONGER, many, 4);
	comp_merge(&capped, 1, &d, refs, goals, &ng, 2);
	assert_int_equal(ng, 2);
}

static void test_heat(void **state)
{
	(void)state;
	assert_int_equal(heat_bucket(0, 10), 0);
	assert_int_equal(heat_bucket(1, 10), 1);
	assert_int_equal(heat_bucket(3, 10), 2);
	assert_int_equal(heat_bucket(5, 10), 2);
	assert_int_equal(heat_bucket(6, 10), 3);
	assert_int_equal(heat_bucket(8, 10), 4);
	assert_int_equal(heat_bucket(10, 10), 4);
	assert_int_equal(heat_bucket(1, 1), 4);   /* a lone 1 is the top */
	assert_int_equal(heat_bucket(5, 0), 0);
	assert_int_equal(heat_crit_weight(CRIT_LOW), 1);
	assert_int_equal(heat_crit_weight(CRIT_CRITICAL), 4);

	struct heat_cell cell = { 0 };
	heat_cell_add(&cell, CRIT_MEDIUM);
	heat_cell_add(&cell, CRIT_HIGH);
	assert_int_equal(cell.count, 2);
	assert_int_equal(cell.weight, 5);
	assert_int_equal(cell.max_crit, CRIT_HIGH);
	assert_int_equal(heat_value(&cell, true), 5);
	assert_int_equal(heat_value(&cell, false), 2);

	/* the grid: areas 1 (top) > 2 (sub), 3 (top); counts of two units */
	struct heat_area areas[] = { { 1, 0, "Digital" }, { 2, 1, "Data" }, { 3, 0, "Juss" } };
	assert_int_equal(heat_top_area(areas, 3, 2), 1);
	assert_int_equal(heat_top_area(areas, 3, 3), 3);
	assert_int_equal(heat_top_area(areas, 3, 99), 0);
	struct heat_count counts[] = {
		{ 10, "A", 2, CRIT_HIGH, 2, 0 }, { 10, "A", 0, CRIT_LOW, 1, 0 }, { 11, "B", 3, CRIT_CRITICAL, 1, 0 },
		{ 11, "B", 1, CRIT_LOW, 3, 0 },
	};
	struct arena a;
	arena_init(&a, 1 << 16);
	struct heat_grid g;
	assert_int_equal(heat_grid_build(&a, areas, 3, counts, 4, 0, false, &g), OK);
	assert_int_equal(g.ncols, 3);        /* Digital, Juss, not in the catalogue */
	assert_null(g.col_names[2]);
	assert_int_equal(g.nrows, 2);
	assert_int_equal(g.rows[0].cells[0].count, 2);
	assert_int_equal(g.rows[0].cells[2].count, 1);
	assert_int_equal(g.rows[1].cells[0].count, 3);
	assert_int_equal(g.rows[1].cells[1].max_crit, CRIT_CRITICAL);
	assert_int_equal(g.col_totals[0], 5);
	assert_int_equal(g.total, 7);
	assert_int_equal(g.max, 3);
	assert_int_equal(heat_grid_build(&a, areas, 3, counts, 4, 11, true, &g), OK);
	assert_int_equal(g.nrows, 1);
	assert_int_equal(g.total, 4 + 3);    /* weighted: critical 4, three low 3 */
	arena_free(&a);
}

/* Rolling the map up the unit tree: org 1 > divisions 2 (> sections 4, 5
 * > team 6) and 3; another root 7 makes a forest. */
static void test_heat_roll_up(void **state)
{
	(void)state;
	struct heat_unit tree[] = { { 1, "Org", 0 },  { 2, "Div A", 1 }, { 4, "Sek A1", 2 },
				    { 6, "Team", 3 }, { 5, "Sek A2", 2 }, { 3, "Div B", 1 } };
	assert_int_equal(heat_default_node(tree, 6), 1);
	struct heat_unit forest[] = { { 1, "Org", 0 }, { 2, "Div A", 1 }, { 7, "Other", 0 } };
	assert_int_equal(heat_default_node(forest, 3), 0);
	struct heat_area areas[] = { { 1, 0, "Digital" } };
	/* counts in any order: team 6, div B 3, org 1, section 4 twice, section 5 */
	struct heat_count counts[] = {
		{ 6, "Team", 1, CRIT_LOW, 2, 0 },   { 3, "Div B", 1, CRIT_HIGH, 1, 0 },
		{ 1, "Org", 0, CRIT_MEDIUM, 1, 0 }, { 4, "Sek A1", 1, CRIT_CRITICAL, 1, 0 },
		{ 4, "Sek A1", 0, CRIT_LOW, 1, 0 }, { 5, "Sek A2", 1, CRIT_MEDIUM, 3, 0 },
	};
	struct arena a;
	arena_init(&a, 1 << 16);
	struct heat_count *r;
	int n;
	struct heat_grid g;
	/* at the organisation: its own row, then the divisions in tree order */
	assert_int_equal(heat_roll_up(&a, tree, 6, 1, counts, 6, &r, &n), OK);
	assert_int_equal(n, 6);
	assert_int_equal(heat_grid_build(&a, areas, 1, r, n, 0, false, &g), OK);
	assert_int_equal(g.nrows, 3);
	assert_int_equal(g.rows[0].unit_id, 1);
	assert_int_equal(g.rows[1].unit_id, 2);
	assert_string_equal(g.rows[1].name, "Div A");
	assert_int_equal(g.rows[1].total, 2 + 1 + 1 + 3);
	assert_int_equal(g.rows[1].units, 3);         /* sections 4, 5 and the team */
	assert_int_equal(g.rows[1].cells[0].max_crit, CRIT_CRITICAL);
	assert_int_equal(g.rows[2].unit_id, 3);
	assert_int_equal(g.rows[2].units, 1);
	assert_int_equal(g.total, 9);
	/* opened at division A: sections 4 (with the team) and 5 */
	assert_int_equal(heat_roll_up(&a, tree, 6, 2, counts, 6, &r, &n), OK);
	assert_int_equal(heat_grid_build(&a, areas, 1, r, n, 0, false, &g), OK);
	assert_int_equal(g.nrows, 2);
	assert_int_equal(g.rows[0].unit_id, 4);
	assert_int_equal(g.rows[0].total, 4);
	assert_int_equal(g.rows[0].units, 2);
	assert_int_equal(g.rows[1].unit_id, 5);
	/* a leaf: only its own row */
	assert_int_equal(heat_roll_up(&a, tree, 6, 3, counts, 6, &r, &n), OK);
	assert_int_equal(n, 1);
	assert_int_equal(r[0].unit_id, 3);
	/* the roots of a forest are the rows */
	assert_int_equal(heat_roll_up(&a, tree, 6, 0, counts, 6, &r, &n), OK);
	assert_int_equal(heat_grid_build(&a, areas, 1, r, n, 0, false, &g), OK);
	assert_int_equal(g.nrows, 1);
	assert_int_equal(g.rows[0].units, 5);
	assert_int_equal(heat_roll_up(&a, tree, 6, 99, counts, 6, &r, &n), ERR_NOTFOUND);
	arena_free(&a);
}

static void test_need_rules(void **state)
{
	(void)state;
	struct decided_need d = { .title = "Dataanalyse", .description = "", .people_affected = -1 };
	struct field_errors fe = { 0 };
	validate_decided_need(&d, &fe);
	assert_int_equal(fe.n, 0);
	d.title = "  ";
	d.scope = NEED_SCOPE_UNIT;
	d.people_affected = -5;
	validate_decided_need(&d, &fe);
	assert_true(field_errors_has(&fe, "title"));
	assert_true(field_errors_has(&fe, "unit_id"));
	assert_true(field_errors_has(&fe, "people_affected"));
	fe = (struct field_errors){ 0 };
	d = (struct decided_need){ .title = "Tab\there", .description = "ok", .people_affected = 0 };
	validate_decided_need(&d, &fe);
	assert_int_equal(fe.e[0].problem, PROB_BAD_TEXT);
	char long_title[300];
	memset(long_title, 'x', sizeof long_title - 1);
	long_title[sizeof long_title - 1] = 0;
	fe = (struct field_errors){ 0 };
	d.title = long_title;
	validate_decided_need(&d, &fe);
	assert_int_equal(fe.e[0].problem, PROB_TOO_LONG);
}

static void test_measure_rules(void **state)
{
	(void)state;
	struct decided_measure m = { .title = "Kurs", .description = "", .owner = "HR", .deadline = "2027-06-30",
				     .budget = 12500 };
	struct field_errors fe = { 0 };
	validate_decided_measure(&m, &fe);
	assert_int_equal(fe.n, 0);
	m.deadline = "2027-02-30";
	m.budget = -2;
	m.scope = MEASURE_SCOPE_LOCAL;
	validate_decided_measure(&m, &fe);
	assert_true(field_errors_has(&fe, "deadline"));
	assert_true(field_errors_has(&fe, "budget"));
	assert_true(field_errors_has(&fe, "unit_id"));
	/* a field the parser refused keeps its one problem */
	fe = (struct field_errors){ 0 };
	field_error_add(&fe, "unit_id", PROB_UNKNOWN_REF);
	validate_decided_measure(&m, &fe);
	int n = 0;
	for (int i = 0; i < fe.n; i++)
		n += strcmp(fe.e[i].field, "unit_id") == 0;
	assert_int_equal(n, 1);
}

static void test_kroner(void **state)
{
	(void)state;
	int64_t v;
	assert_true(comp_parse_kroner("12 500", &v));
	assert_int_equal(v, 12500);
	assert_true(comp_parse_kroner("12500", &v));
	assert_int_equal(v, 12500);
	assert_true(comp_parse_kroner("1.250.000", &v));
	assert_int_equal(v, 1250000);
	assert_true(comp_parse_kroner("12\xc2\xa0" "500 kr", &v));
	assert_int_equal(v, 12500);
	assert_true(comp_parse_kroner("12\xe2\x80\xaf" "500,-", &v));
	assert_int_equal(v, 12500);
	assert_true(comp_parse_kroner("500,00", &v));
	assert_int_equal(v, 500);
	assert_true(comp_parse_kroner("", &v));
	assert_int_equal(v, -1);
	assert_false(comp_parse_kroner("12,5", &v));
	assert_false(comp_parse_kroner("12 50", &v));
	assert_false(comp_parse_kroner("1 2345", &v));
	assert_false(comp_parse_kroner("-5", &v));
	assert_false(comp_parse_kroner("abc", &v));
	assert_false(comp_parse_kroner("kr", &v));
	assert_false(comp_parse_kroner("99999999999999999999", &v));
}

static void test_ids(void **state)
{
	(void)state;
	int64_t ids[4];
	int n;
	assert_true(comp_parse_ids("3,5, 3 7", ids, &n, 4));
	assert_int_equal(n, 3);
	assert_int_equal(ids[2], 7);
	assert_true(comp_parse_ids("", ids, &n, 4));
	assert_int_equal(n, 0);
	assert_false(comp_parse_ids("1,x", ids, &n, 4));
	assert_false(comp_parse_ids("0", ids, &n, 4));
	assert_false(comp_parse_ids("1,2,3,4,5", ids, &n, 4));
}

static void test_audit(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a, 1 << 16);
	struct comp_ref s1[] = { { .id = 4 } }, s2[] = { { .id = 4 }, { .id = 6 } };
	struct decided_need x = { .title = "A", .description = "", .criticality = CRIT_LOW,
				  .people_affected = -1, .sources = s1, .nsources = 1 };
	struct decided_need y = x;
	y.criticality = CRIT_HIGH;
	y.sources = s2;
	y.nsources = 2;
	struct buf b;
	buf_init(&b, &a, 0);
	comp_audit_need(&b, &x, &y);
	assert_string_equal(buf_str(&b), "{\"criticality\":[\"low\",\"high\"],\"sources\":[[4],[4,6]]}");
	buf_init(&b, &a, 0);
	comp_audit_need(&b, &x, &x);
	assert_string_equal(buf_str(&b), "{}");
	buf_init(&b, &a, 0);
	struct decided_measure m = { .title = "K", .description = "", .owner = "", .deadline = "", .budget = 500 };
	comp_audit_measure(&b, NULL, &m);
	assert_non_null(strstr(buf_str(&b), "\"budget\":[null,500]"));
	assert_non_null(strstr(buf_str(&b), "\"deadline\":[null,null]"));
	arena_free(&a);
}

/* A free decided need's candidates: the words of its title, case-folded
 * with æøå, without small words, compounds counted. */
static void test_words(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a, 1 << 16);
	char *w[COMP_WORDS_MAX];
	int n = comp_title_words(&a, "ØKONOMI og Styring – i «team», Økonomi!", w, COMP_WORDS_MAX);
	assert_int_equal(n, 3);
	assert_string_equal(w[0], "økonomi");
	assert_string_equal(w[1], "styring");
	assert_string_equal(w[2], "team");
	assert_int_equal(comp_title_words(&a, "i og av", w, COMP_WORDS_MAX), 0);
	assert_int_equal(comp_title_words(&a, "", w, COMP_WORDS_MAX), 0);
	char *o[COMP_WORDS_MAX];
	int no = comp_title_words(&a, "Informasjonssikkerhet for team", o, COMP_WORDS_MAX);
	char *x[COMP_WORDS_MAX];
	int nx = comp_title_words(&a, "Sikkerhet i team", x, COMP_WORDS_MAX);
	/* "sikkerhet" inside the compound, "team" the same; "data" is too short to look inside */
	assert_int_equal(comp_words_shared(x, nx, o, no), 2);
	char *d[COMP_WORDS_MAX], *dd[COMP_WORDS_MAX];
	int nd = comp_title_words(&a, "Data", d, COMP_WORDS_MAX);
	int ndd = comp_title_words(&a, "Dataanalyse", dd, COMP_WORDS_MAX);
	assert_int_equal(comp_words_shared(d, nd, dd, ndd), 0);

	struct comp_proposed_need v[5] = {
		pn(1, 1, "Regnskap", CRIT_LOW, 0, -1, HORIZON_LONGER, NULL, 0),
		pn(2, 1, "Samisk", CRIT_LOW, 0, -1, HORIZON_LONGER, NULL, 0),
		pn(3, 2, "SAMISK SPRÅK i tjenestene", CRIT_LOW, 0, -1, HORIZON_LONGER, NULL, 0),
		pn(4, 3, "Språkvask", CRIT_LOW, 0, -1, HORIZON_LONGER, NULL, 0),
		pn(5, 4, "Nordsamisk språk", CRIT_LOW, 0, -1, HORIZON_LONGER, NULL, 0),
	};
	int k = comp_by_words(&a, "Samisk språk", v, 5);
	/* two words shared (3, then 5: "samisk" in "nordsamisk"), then one, in the
	 * order given (2, and 4: "språk" in "språkvask"); not 1 */
	assert_int_equal(k, 4);
	assert_int_equal(v[0].id, 3);
	assert_int_equal(v[1].id, 5);
	assert_int_equal(v[2].id, 2);
	assert_int_equal(v[3].id, 4);
	assert_int_equal(comp_by_words(&a, "og i", v, 5), 0);
	arena_free(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_merge),        cmocka_unit_test(test_heat),        cmocka_unit_test(test_heat_roll_up),
		cmocka_unit_test(test_need_rules),   cmocka_unit_test(test_measure_rules),
		cmocka_unit_test(test_kroner),       cmocka_unit_test(test_ids),
		cmocka_unit_test(test_audit),        cmocka_unit_test(test_words),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
