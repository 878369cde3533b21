/* test_competences.c — the competence catalogue (issue 5, first bullet;
 * product.md, "What the product must hold": a competence catalogue of
 * areas, competences, a proficiency scale with level descriptions). The
 * domain part checks the pure rules: field checks, the scale's size limits,
 * area moves that would make a loop, tree order, audit differences. The
 * store part runs on a fresh SQLite file, or on the database EVNE_TEST_DB
 * names (PostgreSQL too): the seeded scales, areas in tree order, insert,
 * update, code conflicts, search with æøå and LIKE characters, the area
 * filter with sub-areas, keyset pages, levels added and removed. Run with
 * CMOCKA_MESSAGE_OUTPUT=TAP. */
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

#include "base/text.h"
#include "domain/competences.h"
#include "store/competences.h"

/* ---- domain ---- */

static void test_kind_names(void **state)
{
	(void)state;
	enum scale_kind k;
	assert_true(scale_kind_parse("reflection", &k));
	assert_int_equal(k, SCALE_REFLECTION);
	assert_string_equal(scale_kind_name(SCALE_PROFICIENCY), "proficiency");
	assert_false(scale_kind_parse("Proficiency", &k));
	assert_false(scale_kind_parse(NULL, &k));
}

static void test_validate(void **state)
{
	(void)state;
	struct field_errors fe = { .n = 0 };
	struct competence ok = { .code = "digi-1", .name = "Dataanalyse", .area_id = 3,
				 .description = "Linje 1\n\n* punkt" };
	validate_competence(&ok, &fe);
	assert_int_equal(fe.n, 0);
	struct competence bad = { .code = "a b", .name = "To\nlinjer", .area_id = 0 };
	validate_competence(&bad, &fe);
	assert_true(field_errors_has(&fe, "code"));
	assert_true(field_errors_has(&fe, "name"));
	assert_true(field_errors_has(&fe, "area_id"));
	fe.n = 0;
	struct competence_area ar = { .code = "", .name = "" };
	validate_competence_area(&ar, &fe);
	assert_int_equal(fe.n, 2);
	assert_int_equal(fe.e[0].problem, PROB_REQUIRED);
}

static void test_scale_level_rules(void **state)
{
	(void)state;
	struct scale_level l = { .level = 1, .name = { "God", "", "Good" },
				 .description = { "", "", "" } };
	struct scale_level_fields f = { .name = { "n_nb", "n_nn", "n_en" },
					.description = { "d_nb", "d_nn", "d_en" } };
	struct field_errors fe = { .n = 0 };
	validate_scale_level(&l, &f, &fe);
	assert_int_equal(fe.n, 1);
	assert_string_equal(fe.e[0].field, "n_nn");
	assert_true(scale_can_add_level(9));
	assert_false(scale_can_add_level(SCALE_LEVELS_MAX));
	assert_true(scale_can_remove_level(3));
	assert_false(scale_can_remove_level(SCALE_LEVELS_MIN));
}

static void test_area_cycles_and_order(void **state)
{
	(void)state;
	/* 1 Juss > 3 Personvern > 4 GDPR; 2 Digital; 5 whose parent is gone */
	struct competence_area a[] = {
		{ .id = 4, .name = "GDPR", .parent_id = 3 },
		{ .id = 2, .name = "Digital", .parent_id = 0 },
		{ .id = 3, .name = "Personvern", .parent_id = 1 },
		{ .id = 1, .name = "Juss", .parent_id = 0 },
		{ .id = 5, .name = "Foreldreløs", .parent_id = 99 },
	};
	int n = 5;
	assert_true(competence_area_move_makes_cycle(a, n, 1, 4));
	assert_true(competence_area_move_makes_cycle(a, n, 3, 3));
	assert_false(competence_area_move_makes_cycle(a, n, 4, 2));
	assert_false(competence_area_move_makes_cycle(a, n, 1, 0));
	struct arena ar;
	arena_init(&ar, 0);
	assert_true(competence_areas_tree_order(&ar, a, n));
	int64_t want[] = { 2, 1, 3, 4, 5 };
	int depth[] = { 0, 0, 1, 2, 0 };
	for (int i = 0; i < n; i++) {
		assert_int_equal(a[i].id, want[i]);
		assert_int_equal(a[i].depth, depth[i]);
	}
	/* A loop (6 <-> 7) is still listed, at the top. */
	struct competence_area loop[] = { { .id = 6, .parent_id = 7 }, { .id = 7, .parent_id = 6 } };
	assert_true(competence_areas_tree_order(&ar, loop, 2));
	assert_int_equal(loop[0].id + loop[1].id, 13);
	arena_free(&ar);
}

static void test_audit(void **state)
{
	(void)state;
	struct arena ar;
	arena_init(&ar, 0);
	struct buf b;
	buf_init(&b, &ar, 0);
	struct competence x = { .code = "a", .name = "A", .area_id = 1, .active = true, .description = "" };
	struct competence y = x;
	y.active = false;
	y.name = "B";
	competence_audit(&b, &x, &y);
	assert_string_equal(buf_str(&b), "{\"name\":[\"A\",\"B\"],\"active\":[true,false]}");
	buf_init(&b, &ar, 0);
	struct competence_area p = { .code = "c", .name = "C", .parent_id = 0, .description = "" };
	competence_area_audit(&b, NULL, &p);
	assert_string_equal(buf_str(&b),
			    "{\"code\":[null,\"c\"],\"name\":[null,\"C\"],\"parent_id\":[null,null],"
			    "\"description\":[null,\"\"]}");
	arena_free(&ar);
}

/* ---- store ---- */

static char url[512];
static char tmpdir[256];
static bool own_db;
static char sfx[64];
static struct store *S;

static int store_setup(void **state)
{
	(void)state;
	const char *env = getenv("EVNE_TEST_DB");
	snprintf(tmpdir, sizeof tmpdir, "/tmp/evne-test-comp-XXXXXX");
	if (!mkdtemp(tmpdir))
		return -1;
	own_db = !env || !*env;
	if (own_db)
		snprintf(url, sizeof url, "sqlite:%s/test.db", tmpdir);
	else
		snprintf(url, sizeof url, "%s", env);
	snprintf(sfx, sizeof sfx, "%lld%d", (long long)time(NULL), (int)getpid());
	char msg[256] = "";
	if (store_open(url, 1, true, &S, msg, sizeof msg) != OK) {
		fprintf(stderr, "store_open %s: %s\n", url, msg);
		return -1;
	}
	return 0;
}

static int store_teardown(void **state)
{
	(void)state;
	store_close(S);
	if (own_db) {
		const char *ext[] = { "", "-wal", "-shm" };
		char p[600];
		for (size_t i = 0; i < sizeof ext / sizeof ext[0]; i++) {
			snprintf(p, sizeof p, "%s/test.db%s", tmpdir, ext[i]);
			remove(p);
		}
	}
	rmdir(tmpdir);
	text_shutdown();
	return 0;
}

static char *uniq(struct arena *a, const char *base)
{
	return arena_printf(a, "%s-%s", base, sfx);
}

static void test_store_scales(void **state)
{
	(void)state;
	struct store_conn *c = store_acquire(S);
	struct arena a;
	arena_init(&a, 0);
	assert_int_equal(store_begin(c, true), OK);
	struct scale s;
	assert_int_equal(store_scale_get(c, &a, SCALE_PROFICIENCY, &s), OK);
	assert_true(s.n >= SCALE_LEVELS_MIN);
	assert_int_equal(s.levels[0].level, 1);
	int before = s.n;
	struct scale_level l = { .level = before + 1, .name = { "Nytt", "Nytt", "New" },
				 .description = { "", "", "" } };
	assert_int_equal(store_scale_level_insert(c, SCALE_PROFICIENCY, &l), OK);
	assert_int_equal(store_scale_level_insert(c, SCALE_PROFICIENCY, &l), ERR_CONFLICT);
	store_rollback(c);
	assert_int_equal(store_begin(c, true), OK);
	l.name[1] = "Grunnleggjande nivå";
	l.level = 1;
	assert_int_equal(store_scale_level_update(c, SCALE_REFLECTION, &l), OK);
	assert_int_equal(store_scale_get(c, &a, SCALE_REFLECTION, &s), OK);
	assert_string_equal(s.levels[0].name[1], "Grunnleggjande nivå");
	assert_int_equal(store_scale_level_delete(c, SCALE_REFLECTION, 99), ERR_NOTFOUND);
	store_rollback(c);
	store_release(S, c);
	arena_free(&a);
}

static void test_store_catalogue(void **state)
{
	(void)state;
	struct store_conn *c = store_acquire(S);
	struct arena a;
	arena_init(&a, 0);
	assert_int_equal(store_begin(c, true), OK);
	struct competence_area top = { .code = uniq(&a, "top"), .name = "Ååå topp", .description = "" };
	assert_int_equal(store_competence_area_insert(c, 100, &top), OK);
	struct competence_area sub = { .code = uniq(&a, "sub"), .name = "Under", .parent_id = top.id };
	assert_int_equal(store_competence_area_insert(c, 100, &sub), OK);
	assert_int_equal(store_commit(c), OK);
	/* A failed statement ends a PostgreSQL transaction: only a rollback follows. */
	assert_int_equal(store_begin(c, true), OK);
	struct competence_area dup = { .code = top.code, .name = "X" };
	assert_int_equal(store_competence_area_insert(c, 100, &dup), ERR_CONFLICT);
	store_rollback(c);

	assert_int_equal(store_begin(c, true), OK);
	struct competence k1 = { .code = uniq(&a, "k1"), .name = "Økonomistyring 100%", .area_id = top.id,
				 .active = true, .description = "Tekst" };
	struct competence k2 = { .code = uniq(&a, "k2"), .name = "Søknadsbehandling", .area_id = sub.id,
				 .active = true };
	struct competence k3 = { .code = uniq(&a, "k3"), .name = "Arkiv", .area_id = sub.id, .active = false };
	assert_int_equal(store_competence_insert(c, 100, &k1), OK);
	assert_int_equal(store_competence_insert(c, 100, &k2), OK);
	assert_int_equal(store_competence_insert(c, 100, &k3), OK);
	struct competence k4 = { .code = k1.code, .name = "Dup", .area_id = top.id, .active = true };
	assert_int_equal(store_competence_insert(c, 100, &k4), ERR_CONFLICT);
	store_rollback(c);
	assert_int_equal(store_begin(c, true), OK);
	assert_int_equal(store_competence_insert(c, 100, &k1), OK);
	assert_int_equal(store_competence_insert(c, 100, &k2), OK);
	assert_int_equal(store_competence_insert(c, 100, &k3), OK);
	assert_int_equal(store_commit(c), OK);

	/* the tree: sub right after top, one deeper */
	struct competence_area *areas;
	int n;
	assert_int_equal(store_competence_areas(c, &a, &areas, &n), OK);
	int at = -1;
	for (int i = 0; i < n; i++)
		if (areas[i].id == top.id)
			at = i;
	assert_true(at >= 0 && at + 1 < n);
	assert_int_equal(areas[at + 1].id, sub.id);
	assert_int_equal(areas[at + 1].depth, areas[at].depth + 1);
	assert_int_equal(areas[at].child_count, 1);
	assert_int_equal(areas[at + 1].competence_count, 1);   /* the inactive one is not counted */

	/* the area filter takes sub-areas; inactive ones only when asked */
	struct competence *items;
	struct competence_query q = { .area_id = top.id, .limit = 100 };
	assert_int_equal(store_competences_list(c, &a, &q, &items, &n), OK);
	assert_int_equal(n, 2);
	assert_string_equal(items[0].name, "Søknadsbehandling");   /* Ø after S */
	assert_string_equal(items[1].name, "Økonomistyring 100%");
	q.include_inactive = true;
	assert_int_equal(store_competences_list(c, &a, &q, &items, &n), OK);
	assert_int_equal(n, 3);
	/* keyset pages */
	q.limit = 1;
	q.after_name = "Arkiv";
	q.after_id = k3.id;
	assert_int_equal(store_competences_list(c, &a, &q, &items, &n), OK);
	assert_int_equal(n, 1);
	assert_int_equal(items[0].id, k2.id);
	/* search: folded, several words, LIKE characters literal */
	struct competence_query s = { .text = "ØKONOMI 100%", .limit = 100 };
	assert_int_equal(store_competences_list(c, &a, &s, &items, &n), OK);
	assert_int_equal(n, 1);
	assert_int_equal(items[0].id, k1.id);
	assert_string_equal(items[0].area_code, top.code);
	s.text = "100_";
	assert_int_equal(store_competences_list(c, &a, &s, &items, &n), OK);
	assert_int_equal(n, 0);
	s.text = k2.code;
	assert_int_equal(store_competences_list(c, &a, &s, &items, &n), OK);
	assert_int_equal(n, 1);

	/* update, by code, delete */
	assert_int_equal(store_begin(c, true), OK);
	k2.name = "Klagebehandling";
	k2.area_id = top.id;
	assert_int_equal(store_competence_update(c, 200, &k2), OK);
	struct competence got;
	assert_int_equal(store_competence_by_code(c, &a, k2.code, &got), OK);
	assert_string_equal(got.name, "Klagebehandling");
	assert_int_equal(got.area_id, top.id);
	assert_int_equal(store_competence_delete(c, k3.id), OK);
	assert_int_equal(store_competence_get(c, &a, k3.id, &got), ERR_NOTFOUND);
	sub.parent_id = 0;
	sub.name = "Flyttet";
	assert_int_equal(store_competence_area_update(c, 200, &sub), OK);
	struct competence_area ga;
	assert_int_equal(store_competence_area_by_code(c, &a, sub.code, &ga), OK);
	assert_int_equal(ga.parent_id, 0);
	assert_int_equal(store_commit(c), OK);
	store_release(S, c);
	arena_free(&a);
}

int main(void)
{
	const struct CMUnitTest domain[] = {
		cmocka_unit_test(test_kind_names),
		cmocka_unit_test(test_validate),
		cmocka_unit_test(test_scale_level_rules),
		cmocka_unit_test(test_area_cycles_and_order),
		cmocka_unit_test(test_audit),
	};
	const struct CMUnitTest store[] = {
		cmocka_unit_test(test_store_scales),
		cmocka_unit_test(test_store_catalogue),
	};
	int rc = cmocka_run_group_tests_name("competences domain", domain, NULL, NULL);
	rc += cmocka_run_group_tests_name("competences store", store, store_setup, store_teardown);
	return rc;
}
