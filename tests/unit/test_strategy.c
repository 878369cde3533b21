/* test_strategy.c — the strategy's pure rules (domain/strategy.c: decimals
 * in hundredths and their Norwegian form, dates, when a version may change,
 * field checks, audit JSON) and its store (store/strategy.c) against a real
 * database: a fresh SQLite file, or the one EVNE_TEST_DB names (PostgreSQL
 * too). The store tests follow product.md's "the strategy ... versions,
 * publication" and issue 4's rule that later links survive new versions:
 * a new draft copies the published content and keeps each strategic goal's
 * goal_id. Run with CMOCKA_MESSAGE_OUTPUT=TAP. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "base/arena.h"
#include "base/buf.h"
#include "domain/strategy.h"
#include "store/strategy.h"
#include "store/store_int.h"

/* ---- domain ---- */

static void parses(const char *s, int64_t want)
{
	int64_t v = -12345;
	if (!strategy_parse_decimal(s, &v))
		fail_msg("\"%s\" was refused", s);
	assert_int_equal(v, want);
}

static void refuses(const char *s)
{
	int64_t v;
	if (strategy_parse_decimal(s, &v))
		fail_msg("\"%s\" was accepted as %lld", s, (long long)v);
}

static void test_parse_decimal(void **state)
{
	(void)state;
	parses("12", 1200);
	parses("12,5", 1250);
	parses("12.5", 1250);
	parses("-3,25", -325);
	parses("+0,05", 5);
	parses("1 234,5", 123450);
	parses("1\xC2\xA0" "234\xC2\xA0" "567,89", 123456789);
	parses("\xE2\x88\x92" "7", -700);
	parses("99999999999999,99", STRATEGY_DECIMAL_MAX);
	refuses("");
	refuses("abc");
	refuses("12,555");     /* three decimals */
	refuses("12,");
	refuses(",5");
	refuses("12 34");      /* a group of two */
	refuses("1 2345");
	refuses("1,2,3");
	refuses("100000000000000");   /* over the maximum */
	refuses("1e3");
	refuses(" 12");
}

static char *fmt(struct arena *a, int64_t v, bool plain)
{
	struct buf b;
	buf_init(&b, a, 64);
	if (plain)
		strategy_format_decimal_plain(&b, v);
	else
		strategy_format_decimal(&b, v);
	return arena_strdup(a, buf_str(&b));
}

static void test_format_decimal(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a, 0);
	assert_string_equal(fmt(&a, 123456789, false), "1\xC2\xA0" "234\xC2\xA0" "567,89");
	assert_string_equal(fmt(&a, 1250, false), "12,5");
	assert_string_equal(fmt(&a, -300, false), "-3");
	assert_string_equal(fmt(&a, 5, false), "0,05");
	assert_string_equal(fmt(&a, 0, false), "0");
	assert_string_equal(fmt(&a, 123456789, true), "1234567.89");
	assert_string_equal(fmt(&a, -1250, true), "-12.5");
	/* what is written parses back to the same value */
	int64_t samples[] = { 0, 1, -1, 99, 100, 123456, -987654321, STRATEGY_DECIMAL_MAX };
	for (size_t i = 0; i < sizeof samples / sizeof samples[0]; i++) {
		int64_t v;
		assert_true(strategy_parse_decimal(fmt(&a, samples[i], false), &v));
		assert_int_equal(v, samples[i]);
		assert_true(strategy_parse_decimal(fmt(&a, samples[i], true), &v));
		assert_int_equal(v, samples[i]);
	}
	arena_free(&a);
}

static void test_dates(void **state)
{
	(void)state;
	char iso[11];
	assert_true(strategy_valid_date("2027-01-31"));
	assert_true(strategy_valid_date("2028-02-29"));   /* leap year */
	assert_false(strategy_valid_date("2027-02-29"));
	assert_false(strategy_valid_date("2100-02-29"));  /* not a leap year */
	assert_true(strategy_valid_date("2000-02-29"));
	assert_false(strategy_valid_date("2027-13-01"));
	assert_false(strategy_valid_date("2027-1-31"));
	assert_false(strategy_valid_date("1899-12-31"));
	assert_true(strategy_parse_date("31.01.2027", iso));
	assert_string_equal(iso, "2027-01-31");
	assert_true(strategy_parse_date("1.2.2027", iso));
	assert_string_equal(iso, "2027-02-01");
	assert_false(strategy_parse_date("30.02.2027", iso));
	assert_false(strategy_parse_date("31.01.27", iso));
	assert_false(strategy_parse_date("31/01/2027", iso));
	struct arena a;
	arena_init(&a, 0);
	struct buf b;
	buf_init(&b, &a, 32);
	strategy_format_date(&b, "2027-01-31");
	assert_string_equal(buf_str(&b), "31.01.2027");
	arena_free(&a);
}

static void test_edit_block(void **state)
{
	(void)state;
	struct strategy_version draft = { .number = 0 }, published = { .number = 2 };
	assert_int_equal(strategy_edit_block("open", &draft), STRATEGY_EDITABLE);
	assert_int_equal(strategy_edit_block("draft", NULL), STRATEGY_EDITABLE);
	assert_int_equal(strategy_edit_block("open", &published), STRATEGY_PUBLISHED);
	assert_int_equal(strategy_edit_block("closed", &draft), STRATEGY_CYCLE_CLOSED);
	assert_int_equal(strategy_edit_block("closed", &published), STRATEGY_CYCLE_CLOSED);
	assert_true(strategy_cycle_closed("closed"));
	assert_false(strategy_cycle_closed("open"));
}

static void test_validation(void **state)
{
	(void)state;
	struct field_errors fe = { .n = 0 };
	struct strategy_goal g = { .code = "S 1", .title = "", .description = "" };
	validate_strategy_goal(&g, &fe);
	assert_int_equal(fe.n, 2);
	assert_string_equal(fe.e[0].field, "code");
	assert_int_equal(fe.e[0].problem, PROB_BAD_CODE);
	assert_int_equal(fe.e[1].problem, PROB_REQUIRED);
	fe.n = 0;
	g = (struct strategy_goal){ .code = "S1.2", .title = "Linje\nto", .description = "fri\ntekst" };
	validate_strategy_goal(&g, &fe);
	assert_int_equal(fe.n, 1);
	assert_string_equal(fe.e[0].field, "title");
	assert_int_equal(fe.e[0].problem, PROB_BAD_TEXT);
	fe.n = 0;
	struct unit_goal u = { .title = "Mål", .contribution = "" };
	validate_unit_goal(&u, &fe);
	assert_true(field_errors_has(&fe, "goal_id"));
	assert_true(field_errors_has(&fe, "unit_id"));
	fe.n = 0;
	struct strategy_version v = { .vision = "ok", .core_values = "bad \x01", .culture = "",
				      .behaviour = "", .leadership = "" };
	validate_strategy_texts(&v, &fe);
	assert_int_equal(fe.n, 1);
	assert_string_equal(fe.e[0].field, "core_values");
}

static void test_suggest_and_audit(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a, 0);
	const char *codes[] = { "S1.1", "S1.2", "S2.1" };
	assert_string_equal(strategy_suggest_code(&a, 1, codes, 3), "S1.3");
	assert_string_equal(strategy_suggest_code(&a, 3, codes, 3), "S3.1");
	struct strategy_indicator before = { .name = "Andel", .unit_of_measure = "%", .has_baseline = true,
					     .baseline = 1250 };
	struct strategy_indicator after = before;
	after.has_target = true;
	after.target = 5000;
	struct buf b;
	buf_init(&b, &a, 0);
	strategy_audit_indicator(&b, &before, &after);
	assert_string_equal(buf_str(&b), "{\"target\":[null,50]}");
	buf_init(&b, &a, 0);
	strategy_audit_indicator(&b, &before, &before);
	assert_string_equal(buf_str(&b), "{}");
	struct unit_goal ug = { .cycle_id = 1, .unit_id = 2, .goal_id = 3, .title = "T\"", .contribution = "" };
	buf_init(&b, &a, 0);
	strategy_audit_unit_goal(&b, NULL, &ug);
	assert_string_equal(buf_str(&b), "{\"cycle_id\":[null,1],\"unit_id\":[null,2],\"goal_id\":[null,3],"
					 "\"title\":[null,\"T\\\"\"],\"contribution\":[null,\"\"]}");
	arena_free(&a);
}

/* ---- store ---- */

static char url[512];
static char tmpdir[256];
static bool own_db;
static char sfx[64];
static struct store *S;

static int group_setup(void **state)
{
	(void)state;
	const char *env = getenv("EVNE_TEST_DB");
	snprintf(tmpdir, sizeof tmpdir, "/tmp/evne-test-strategy-XXXXXX");
	if (!mkdtemp(tmpdir))
		return -1;
	own_db = !env || !*env;
	if (own_db)
		snprintf(url, sizeof url, "sqlite:%s/test.db", tmpdir);
	else
		snprintf(url, sizeof url, "%s", env);
	snprintf(sfx, sizeof sfx, "%lld-%d", (long long)time(NULL), (int)getpid());
	char msg[256] = "";
	if (store_open(url, 1, true, &S, msg, sizeof msg)) {
		fprintf(stderr, "store_open %s: %s\n", url, msg);
		return -1;
	}
	return 0;
}

static int group_teardown(void **state)
{
	(void)state;
	store_close(S);
	if (own_db) {
		char p[600];
		const char *ext[] = { "", "-wal", "-shm" };
		for (size_t i = 0; i < sizeof ext / sizeof ext[0]; i++) {
			snprintf(p, sizeof p, "%s/test.db%s", tmpdir, ext[i]);
			remove(p);
		}
	}
	rmdir(tmpdir);
	return 0;
}

static const char SQL_TEST_CYCLE[] =
	"INSERT INTO cycles (name, status, created_at, updated_at) VALUES ($1, 'open', 0, 0) RETURNING id";

static int64_t new_cycle(struct store_conn *c, const char *name)
{
	struct store_q q;
	int64_t id = 0;
	store_q_prepare(&q, c, SQL_TEST_CYCLE);
	store_q_text(&q, 1, name);
	if (store_q_row(&q))
		id = store_q_col_int(&q, 0);
	assert_int_equal(store_q_done(&q), OK);
	return id;
}

static void test_store_versions(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a, 0);
	struct store_conn *c = store_acquire(S);
	assert_int_equal(store_begin(c, true), OK);
	int64_t cy = new_cycle(c, arena_printf(&a, "versions-%s", sfx));
	struct strategy_version v;
	bool created;
	assert_int_equal(store_strategy_draft(c, &a, cy, &v), ERR_NOTFOUND);
	assert_int_equal(store_strategy_ensure_draft(c, &a, cy, 100, &v, &created), OK);
	assert_true(created);
	assert_int_equal(v.number, 0);
	v.vision = "Visjon **æøå**";
	v.core_values = "Åpenhet";
	assert_int_equal(store_strategy_texts_update(c, &v, 101), OK);

	struct strategy_main_goal mg = { .version_id = v.id, .title = "Hovudmål", .description = "" };
	assert_int_equal(store_main_goal_insert(c, &mg), OK);
	struct strategy_goal g = { .version_id = v.id, .main_goal_id = mg.id, .code = "S1.1", .title = "Mål" };
	assert_int_equal(store_strategy_goal_insert(c, cy, 100, &g), OK);
	assert_true(g.goal_id > 0);
	struct strategy_goal dup = g;
	dup.goal_id = 0;
	assert_int_equal(store_strategy_goal_insert(c, cy, 100, &dup), ERR_CONFLICT);
	store_rollback(c);
	assert_int_equal(store_begin(c, true), OK);
	cy = new_cycle(c, arena_printf(&a, "versions2-%s", sfx));
	assert_int_equal(store_strategy_ensure_draft(c, &a, cy, 100, &v, &created), OK);
	mg = (struct strategy_main_goal){ .version_id = v.id, .title = "Hovudmål", .description = "" };
	assert_int_equal(store_main_goal_insert(c, &mg), OK);
	g = (struct strategy_goal){ .version_id = v.id, .main_goal_id = mg.id, .code = "S1.1", .title = "Mål" };
	assert_int_equal(store_strategy_goal_insert(c, cy, 100, &g), OK);
	struct strategy_indicator ind = { .goal_row_id = g.id, .name = "Andel", .unit_of_measure = "%",
					  .has_baseline = true, .baseline = -1250 };
	assert_int_equal(store_indicator_insert(c, &ind), OK);
	struct strategy_value val = { .indicator_id = ind.id, .measured_on = "2027-01-31", .value = 4025 };
	assert_int_equal(store_value_insert(c, &val), OK);
	struct strategy_value val2 = val;
	assert_int_equal(store_value_insert(c, &val2), ERR_CONFLICT);
	store_rollback(c);
	arena_free(&a);
	store_release(S, c);
}

/* The whole life: draft, publish 1, new draft copied with goal_id kept,
 * a unit goal linked by goal_id, publish 2, both versions readable. */
static void test_store_publish_and_copy(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a, 0);
	struct store_conn *c = store_acquire(S);
	assert_int_equal(store_begin(c, true), OK);
	int64_t cy = new_cycle(c, arena_printf(&a, "life-%s", sfx));
	struct strategy_version v, pub, d2, pub2;
	bool created;
	assert_int_equal(store_strategy_ensure_draft(c, &a, cy, 100, &v, &created), OK);
	v.vision = "Første";
	assert_int_equal(store_strategy_texts_update(c, &v, 101), OK);
	struct strategy_main_goal mg = { .version_id = v.id, .title = "Hovudmål", .description = "d" };
	assert_int_equal(store_main_goal_insert(c, &mg), OK);
	struct strategy_goal g = { .version_id = v.id, .main_goal_id = mg.id, .code = "S1.1", .title = "Mål",
				   .description = "" };
	assert_int_equal(store_strategy_goal_insert(c, cy, 100, &g), OK);
	struct strategy_indicator ind = { .goal_row_id = g.id, .name = "Andel", .unit_of_measure = "%",
					  .has_target = true, .target = 9000 };
	assert_int_equal(store_indicator_insert(c, &ind), OK);
	struct strategy_value val = { .indicator_id = ind.id, .measured_on = "2027-01-31", .value = 4025 };
	assert_int_equal(store_value_insert(c, &val), OK);

	assert_int_equal(store_strategy_publish(c, &a, cy, 0, 200, &pub), OK);
	assert_int_equal(pub.number, 1);
	assert_int_equal(pub.published_at, 200);
	assert_int_equal(store_strategy_draft(c, &a, cy, &d2), ERR_NOTFOUND);
	assert_int_equal(store_strategy_publish(c, &a, cy, 0, 201, &pub2), ERR_NOTFOUND);

	/* a unit goal links to the identity */
	struct unit u = { .name = "Eining", .code = arena_printf(&a, "ug-%s", sfx) };
	assert_int_equal(store_unit_insert(c, &u), OK);
	struct unit_goal ug = { .cycle_id = cy, .unit_id = u.id, .goal_id = g.goal_id, .title = "Vårt mål",
				.contribution = "Vi bidreg" };
	assert_int_equal(store_unit_goal_insert(c, 300, &ug), OK);
	struct unit_goal *list;
	int n;
	assert_int_equal(store_unit_goals_for_unit(c, &a, cy, u.id, &list, &n), OK);
	assert_int_equal(n, 1);
	assert_string_equal(list[0].goal_code, "S1.1");
	assert_string_equal(list[0].unit_name, "Eining");

	/* a new draft copies everything and keeps goal_id */
	assert_int_equal(store_strategy_ensure_draft(c, &a, cy, 400, &d2, &created), OK);
	assert_true(created);
	assert_string_equal(d2.vision, "Første");
	struct strategy_doc doc;
	assert_int_equal(store_strategy_load(c, &a, &d2, &doc), OK);
	assert_int_equal(doc.nmain, 1);
	assert_int_equal(doc.ngoals, 1);
	assert_int_equal(doc.nindicators, 1);
	assert_int_equal(doc.nvalues, 1);
	assert_int_not_equal(doc.goals[0].id, g.id);
	assert_int_equal(doc.goals[0].goal_id, g.goal_id);
	assert_int_equal(doc.goals[0].main_goal_id, doc.main_goals[0].id);
	assert_int_equal(doc.indicators[0].goal_row_id, doc.goals[0].id);
	assert_true(doc.indicators[0].has_target);
	assert_false(doc.indicators[0].has_baseline);
	assert_int_equal(doc.values[0].value, 4025);
	int64_t links;
	assert_int_equal(store_strategy_goal_links(c, doc.goals[0].goal_id, &links), OK);
	assert_int_equal(links, 1);
	assert_int_equal(store_main_goal_links(c, doc.main_goals[0].id, &links), OK);
	assert_int_equal(links, 1);

	/* a goal new in the draft gets its own identity; deleting it drops it */
	struct strategy_goal g2 = { .version_id = d2.id, .main_goal_id = doc.main_goals[0].id, .code = "S1.2",
				    .title = "Nytt" };
	assert_int_equal(store_strategy_goal_insert(c, cy, 400, &g2), OK);
	assert_int_not_equal(g2.goal_id, g.goal_id);
	assert_int_equal(store_strategy_goal_delete(c, g2.id, cy), OK);

	assert_int_equal(store_strategy_publish(c, &a, cy, 0, 500, &pub2), OK);
	assert_int_equal(pub2.number, 2);
	struct strategy_version *vs;
	assert_int_equal(store_strategy_versions(c, &a, cy, &vs, &n), OK);
	assert_int_equal(n, 2);
	assert_int_equal(vs[0].number, 2);
	assert_int_equal(vs[1].number, 1);
	struct strategy_version one;
	assert_int_equal(store_strategy_published(c, &a, cy, 1, &one), OK);
	assert_int_equal(one.id, pub.id);
	struct strategy_goal found;
	assert_int_equal(store_strategy_goal_in_version(c, &a, pub2.id, g.goal_id, &found), OK);
	assert_string_equal(found.code, "S1.1");

	/* the unit goal's listing follows the latest version */
	struct unit_goal_query q = { .cycle_id = cy, .limit = 10 };
	assert_int_equal(store_unit_goals_list(c, &a, &q, &list, &n), OK);
	assert_int_equal(n, 1);
	ug.title = "Endra";
	assert_int_equal(store_unit_goal_update(c, 600, &ug), OK);
	struct unit_goal got;
	assert_int_equal(store_unit_goal_by_key(c, &a, cy, u.id, "Endra", &got), OK);
	assert_int_equal(got.id, ug.id);
	/* the natural key holds (last: PostgreSQL ends the transaction here) */
	struct unit_goal twin = got;
	assert_int_equal(store_unit_goal_insert(c, 300, &twin), ERR_CONFLICT);
	store_rollback(c);
	assert_int_equal(store_begin(c, true), OK);
	assert_int_equal(store_unit_goal_delete(c, ug.id), ERR_NOTFOUND);   /* all rolled back */
	store_rollback(c);
	store_release(S, c);
	arena_free(&a);
}

int main(void)
{
	const struct CMUnitTest domain[] = {
		cmocka_unit_test(test_parse_decimal),
		cmocka_unit_test(test_format_decimal),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_edit_block),
		cmocka_unit_test(test_validation),
		cmocka_unit_test(test_suggest_and_audit),
	};
	const struct CMUnitTest store[] = {
		cmocka_unit_test(test_store_versions),
		cmocka_unit_test(test_store_publish_and_copy),
	};
	int failed = cmocka_run_group_tests_name("strategy rules", domain, NULL, NULL);
	failed += cmocka_run_group_tests_name("strategy store", store, group_setup, group_teardown);
	return failed ? 1 : 0;
}
