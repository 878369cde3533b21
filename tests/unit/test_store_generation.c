/* test_store_generation.c — the content generation (store_content_generation)
 * against a real database: a fresh SQLite file, or EVNE_TEST_DB
 * (tests/pg/run.sh runs it on PostgreSQL). Both: it stays put while nothing
 * is written, and a committed write to people, units, users or a cycle moves
 * it, whether the reading connection, another connection of the pool or (on
 * SQLite) another process's connection wrote it. PostgreSQL, whose triggers
 * keep a counter (migration 011): a rolled-back write, sessions and log-in
 * failures leave it; a transaction moves it by exactly one however many rows
 * it writes (the deferred trigger bumps once, at COMMIT), and a TRUNCATE
 * moves it too; the catalogue check fails, naming the table, when an
 * application table lacks its triggers (a later migration that adds a table
 * must add them). SQLite has no triggers (see store/sqlite/sqlite.c): there
 * any commit moves it, which costs the page cache a miss and nothing else.
 * Values are unique per run, so the test also runs against a database that
 * holds other data. Run with CMOCKA_MESSAGE_OUTPUT=TAP. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "store_group.h"
#include "store/cycles.h"
#include "store/store_int.h"

static int64_t generation(struct store_conn *c)
{
	int64_t n = -1;
	assert_int_equal(store_content_generation(c, &n), OK);
	assert_true(n >= 0);
	return n;
}

static char *uniq(struct arena *a, const char *what)
{
	static int count;
	return arena_printf(a, "%s-%s-%d", what, F.sfx, ++count);
}

/* The write path of every case: begin, the write (the rest of the
 * arguments, commas and all), commit or roll back. */
#define IN_TX(c, commit, ...)                                      \
	do {                                                       \
		assert_int_equal(store_begin((c), true), OK);      \
		__VA_ARGS__;                                       \
		if (commit)                                        \
			assert_int_equal(store_commit(c), OK);     \
		else                                               \
			store_rollback(c);                         \
	} while (0)

static void test_content_writes_change_it(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a, 0);
	struct store_conn *c = store_acquire(F.store);

	int64_t g0 = generation(c);
	struct unit u = { .name = uniq(&a, "Enhet"), .code = uniq(&a, "E") };
	IN_TX(c, true, assert_int_equal(store_unit_insert(c, &u), OK));
	int64_t g1 = generation(c);
	assert_true(g1 != g0);

	struct person p = { .name = uniq(&a, "Kari Nordmann"), .employee_number = uniq(&a, "K"),
			    .unit_id = u.id, .active = true };
	IN_TX(c, true, assert_int_equal(store_person_insert(c, &p), OK));
	int64_t g2 = generation(c);
	assert_true(g2 != g1);

	p.job_title = "Rådgiver";
	IN_TX(c, true, assert_int_equal(store_person_update(c, &p), OK));
	int64_t g3 = generation(c);
	assert_true(g3 != g2);

	struct user usr = { .email = uniq(&a, "gen@example.no"), .name = "Ola", .role = ROLE_EMPLOYEE,
			    .active = true, .lang = "nb" };
	IN_TX(c, true, assert_int_equal(store_user_insert(c, &usr), OK));
	int64_t g4 = generation(c);
	assert_true(g4 != g3);

	/* A user's language changes what the pages say to them. */
	IN_TX(c, true, assert_int_equal(store_user_set_lang(c, usr.id, "en"), OK));
	int64_t g5 = generation(c);
	assert_true(g5 != g4);

	struct cycle cy = { .name = uniq(&a, "Syklus"), .status = CYCLE_DRAFT };
	IN_TX(c, true, assert_int_equal(store_cycle_insert(c, &cy, 1000), OK));
	int64_t g6 = generation(c);
	assert_true(g6 != g5);

	IN_TX(c, true, assert_int_equal(store_cycle_delete(c, cy.id), OK));
	int64_t g7 = generation(c);
	assert_true(g7 != g6);

	store_release(F.store, c);
	arena_free(&a);
}

/* A connection's first look may move it (SQLite: nothing seen yet); after
 * that, reads without writes agree and stay put: a cache could not hit
 * otherwise. */
static void test_stays_put_without_writes(void **state)
{
	(void)state;
	struct store_conn *c1 = store_acquire(F.store);
	struct store_conn *c2 = store_acquire(F.store);
	(void)generation(c1);
	(void)generation(c2);
	int64_t g = generation(c1);
	for (int i = 0; i < 5; i++) {
		assert_int_equal(generation(c1), g);
		assert_int_equal(generation(c2), g);
	}
	assert_int_equal(store_read_begin(c1), OK);
	assert_int_equal(generation(c1), g);
	store_rollback(c1);
	store_release(F.store, c2);
	store_release(F.store, c1);
}

/* Another connection's commit is seen by the next read of this one. */
static void test_other_connections_commit(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a, 0);
	struct store_conn *c1 = store_acquire(F.store);
	struct store_conn *c2 = store_acquire(F.store);
	(void)generation(c1);
	int64_t g0 = generation(c1);
	struct unit u = { .name = uniq(&a, "Enhet"), .code = uniq(&a, "O") };
	IN_TX(c2, true, assert_int_equal(store_unit_insert(c2, &u), OK));
	assert_true(generation(c1) != g0);
	store_release(F.store, c2);
	store_release(F.store, c1);

	/* SQLite: a second store on the file is what another process (evne
	 * import, the sqlite3 shell) is to the server's. */
	if (!store_fixture_is_postgres(&F)) {
		struct store *other = NULL;
		char msg[256] = "";
		assert_int_equal(store_open(F.url, 1, false, &other, msg, sizeof msg), OK);
		c1 = store_acquire(F.store);
		int64_t g1 = generation(c1);
		struct store_conn *o = store_acquire(other);
		struct unit v = { .name = uniq(&a, "Enhet"), .code = uniq(&a, "X") };
		IN_TX(o, true, assert_int_equal(store_unit_insert(o, &v), OK));
		store_release(other, o);
		store_close(other);
		assert_true(generation(c1) != g1);
		store_release(F.store, c1);
	}
	arena_free(&a);
}

static void test_rollback_leaves_it(void **state)
{
	(void)state;
	if (!store_fixture_is_postgres(&F))
		skip();   /* SQLite counts changed rows, rolled back or not: a miss */
	struct arena a;
	arena_init(&a, 0);
	struct store_conn *c = store_acquire(F.store);

	int64_t g0 = generation(c);
	struct unit u = { .name = uniq(&a, "Enhet"), .code = uniq(&a, "R") };
	IN_TX(c, false, assert_int_equal(store_unit_insert(c, &u), OK));
	assert_int_equal(generation(c), g0);

	/* Read inside the writing transaction, SQLite shows its own bump;
	 * PostgreSQL's comes at COMMIT. Either way the rollback undoes it. */
	struct cycle cy = { .name = uniq(&a, "Syklus"), .status = CYCLE_DRAFT };
	IN_TX(c, false, {
		assert_int_equal(store_cycle_insert(c, &cy, 1000), OK);
		(void)generation(c);
	});
	assert_int_equal(generation(c), g0);

	store_release(F.store, c);
	arena_free(&a);
}

static void test_sessions_and_login_failures_leave_it(void **state)
{
	(void)state;
	if (!store_fixture_is_postgres(&F))
		skip();   /* SQLite cannot tell tables apart: a log-in is a miss */
	struct arena a;
	arena_init(&a, 0);
	struct store_conn *c = store_acquire(F.store);

	struct user usr = { .email = uniq(&a, "login@example.no"), .name = "Per", .role = ROLE_HR,
			    .active = true, .lang = "nb" };
	IN_TX(c, true, assert_int_equal(store_user_insert(c, &usr), OK));

	int64_t g0 = generation(c);
	const char *hash = uniq(&a, "session-hash");
	IN_TX(c, true, assert_int_equal(store_session_insert(c, hash, usr.id, "csrf", 1000, 1000 + 3600), OK));
	assert_int_equal(generation(c), g0);
	IN_TX(c, true, assert_int_equal(store_session_touch(c, hash, 1000 + 7200), OK));
	assert_int_equal(generation(c), g0);
	IN_TX(c, true, assert_int_equal(store_session_delete(c, hash), OK));
	assert_int_equal(generation(c), g0);

	const char *key = uniq(&a, "login-key");
	IN_TX(c, true, assert_int_equal(store_login_failure_add(c, key, 1000), OK));
	IN_TX(c, true, assert_int_equal(store_login_failure_add(c, key, 1001), OK));
	assert_int_equal(generation(c), g0);
	IN_TX(c, true, assert_int_equal(store_login_failures_clear(c, key), OK));
	assert_int_equal(generation(c), g0);

	store_release(F.store, c);
	arena_free(&a);
}

static const char SQL_TRUNCATE_PREP_TICKS[] = "TRUNCATE prep_ticks";

/* PostgreSQL: once per transaction, however many rows and tables it writes;
 * a TRUNCATE (no row triggers) bumps through its statement trigger. */
static void test_postgres_once_per_transaction(void **state)
{
	(void)state;
	if (!store_fixture_is_postgres(&F))
		skip();
	struct arena a;
	arena_init(&a, 0);
	struct store_conn *c = store_acquire(F.store);

	int64_t g0 = generation(c);
	IN_TX(c, true, {
		for (int i = 0; i < 3; i++) {
			struct unit u = { .name = uniq(&a, "Enhet"), .code = uniq(&a, "P") };
			assert_int_equal(store_unit_insert(c, &u), OK);
			struct person p = { .name = uniq(&a, "Per"), .employee_number = uniq(&a, "P"),
					    .unit_id = u.id, .active = true };
			assert_int_equal(store_person_insert(c, &p), OK);
		}
	});
	assert_int_equal(generation(c), g0 + 1);

	/* Rolled back, so the shared database keeps its rows. */
	IN_TX(c, false, {
		struct store_q q;
		store_q_prepare(&q, c, SQL_TRUNCATE_PREP_TICKS);
		store_q_exec(&q, NULL);
		assert_int_equal(store_q_done(&q), OK);
		assert_int_equal(generation(c), g0 + 2);
	});
	assert_int_equal(generation(c), g0 + 1);

	store_release(F.store, c);
	arena_free(&a);
}

/* Tables that do not count (migration 011 says why). */
#define EXEMPT "('sessions', 'login_failures', 'person_words', 'content_generation', 'schema_migrations')"

/* PostgreSQL needs a deferred constraint trigger AFTER INSERT OR UPDATE OR
 * DELETE FOR EACH ROW (tgtype ROW 1 | INSERT 4 | DELETE 8 | UPDATE 16, not
 * BEFORE 2) and an AFTER TRUNCATE one (32), both calling the bump function. */
static const char SQL_MISSING_PG[] =
	"SELECT c.relname, e.ev FROM pg_class c"
	" CROSS JOIN (VALUES ('rows'), ('truncate')) e (ev)"
	" WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p')"
	" AND c.relname NOT IN " EXEMPT
	" AND NOT EXISTS (SELECT 1 FROM pg_trigger g WHERE g.tgrelid = c.oid"
	" AND g.tgfoid = 'evne_bump_content_generation'::regproc AND NOT g.tgisinternal"
	" AND CASE e.ev WHEN 'rows' THEN g.tgconstraint <> 0 AND g.tgdeferrable AND g.tginitdeferred"
	" AND (g.tgtype::int & 31) = 29"
	" ELSE (g.tgtype::int & 34) = 32 END)"
	" ORDER BY c.relname COLLATE \"C\", e.ev";

static const char SQL_TABLE_COUNT_PG[] =
	"SELECT count(*) FROM pg_class WHERE relnamespace = current_schema()::regnamespace"
	" AND relkind IN ('r', 'p') AND relname NOT IN " EXEMPT;

static void test_every_table_has_the_triggers(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a, 0);
	if (!store_fixture_is_postgres(&F))
		skip();   /* SQLite keeps no counter and has no triggers */
	struct store_conn *c = store_acquire(F.store);

	/* The check must look at the real tables: 46 after migration 011. */
	struct store_q q;
	store_q_prepare(&q, c, SQL_TABLE_COUNT_PG);
	assert_true(store_q_row(&q));
	int64_t tables = store_q_col_int(&q, 0);
	assert_int_equal(store_q_done(&q), OK);
	assert_true(tables >= 46);

	int missing = 0;
	store_q_prepare(&q, c, SQL_MISSING_PG);
	while (store_q_row(&q)) {
		print_error("table %s has no content generation trigger (%s); add it in the migration that"
			    " creates the table (see migration 011)\n",
			    store_q_col_text(&q, &a, 0), store_q_col_text(&q, &a, 1));
		missing++;
	}
	assert_int_equal(store_q_done(&q), OK);
	assert_int_equal(missing, 0);

	store_release(F.store, c);
	arena_free(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_stays_put_without_writes),
		cmocka_unit_test(test_content_writes_change_it),
		cmocka_unit_test(test_other_connections_commit),
		cmocka_unit_test(test_rollback_leaves_it),
		cmocka_unit_test(test_sessions_and_login_failures_leave_it),
		cmocka_unit_test(test_postgres_once_per_transaction),
		cmocka_unit_test(test_every_table_has_the_triggers),
	};
	return cmocka_run_group_tests_name("store_generation", tests, setup, teardown);
}
