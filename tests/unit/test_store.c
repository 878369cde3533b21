/* test_store.c — every store.h function against a real database: a fresh
 * SQLite file by default, or the database named by EVNE_TEST_DB (so the same
 * program checks the PostgreSQL backend). Tests share one database and use a
 * per-run suffix on every unique value, so they can run against a database
 * that already holds data; they compare with what they created themselves.
 * Run with CMOCKA_MESSAGE_OUTPUT=TAP. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "base/text.h"
#include "store/store.h"
#include "store/store_int.h"

static char url[512];
static char tmpdir[256];   /* scratch files: backups, fresh databases */
static bool own_db;        /* the database is ours to delete (no EVNE_TEST_DB) */
static char sfx[64];       /* makes this run's unique values unique */
static struct store *S;

static bool is_postgres(void)
{
	return strncmp(url, "postgres", 8) == 0;
}

static int group_setup(void **state)
{
	(void)state;
	const char *env = getenv("EVNE_TEST_DB");
	snprintf(tmpdir, sizeof tmpdir, "/tmp/evne-test-store-XXXXXX");
	if (!mkdtemp(tmpdir))
		return -1;
	own_db = !env || !*env;
	if (own_db)
		snprintf(url, sizeof url, "sqlite:%s/test.db", tmpdir);
	else
		snprintf(url, sizeof url, "%s", env);
	snprintf(sfx, sizeof sfx, "%lld-%d", (long long)time(NULL), (int)getpid());
	char msg[256] = "";
	enum err e = store_open(url, 4, true, &S, msg, sizeof msg);
	if (e) {
		fprintf(stderr, "store_open %s: %s\n", url, msg);
		return -1;
	}
	return 0;
}

static void remove_db(const char *path)
{
	char p[600];
	const char *ext[] = { "", "-wal", "-shm", "-journal" };
	for (size_t i = 0; i < sizeof ext / sizeof ext[0]; i++) {
		snprintf(p, sizeof p, "%s/%s%s", tmpdir, path, ext[i]);
		remove(p);
	}
}

static int group_teardown(void **state)
{
	(void)state;
	store_close(S);
	if (own_db)
		remove_db("test.db");
	remove_db("backup.db");
	rmdir(tmpdir);
	text_shutdown();
	return 0;
}

/* A unique value for this run: "<base>-<suffix>". */
static const char *uniq(struct arena *a, const char *base)
{
	return arena_printf(a, "%s-%s", base, sfx);
}

static int64_t new_unit(struct store_conn *c, const char *name, const char *code, int64_t parent)
{
	struct unit u = { .name = (char *)name, .code = (char *)code, .parent_id = parent };
	assert_int_equal(store_unit_insert(c, &u), OK);
	assert_true(u.id > 0);
	return u.id;
}

static int64_t new_person(struct store_conn *c, const char *name, const char *number, int64_t unit,
			  bool active)
{
	struct person p = { .name = (char *)name, .employee_number = (char *)number, .unit_id = unit,
			    .active = active };
	assert_int_equal(store_person_insert(c, &p), OK);
	assert_true(p.id > 0);
	return p.id;
}

/* ---- opening and migrations ---- */

static void test_open_errors(void **state)
{
	(void)state;
	struct store *s = NULL;
	char msg[256] = "";
	/* Nothing listens on port 1: an unreachable server is ERR_BUSY. */
	assert_int_equal(store_open("postgresql://127.0.0.1:1/evne", 1, true, &s, msg, sizeof msg), ERR_BUSY);
	assert_non_null(strstr(msg, "PostgreSQL"));
	msg[0] = '\0';
	assert_int_not_equal(store_open("sqlite:/nonexistent-evne-dir/x.db", 1, true, &s, msg, sizeof msg), OK);
	assert_non_null(strstr(msg, "directory /nonexistent-evne-dir"));
	assert_int_equal(store_open("", 1, true, &s, msg, sizeof msg), ERR_INVALID);
}

static void test_migrations_idempotent(void **state)
{
	(void)state;
	struct store *s2 = NULL;
	char msg[256] = "";
	assert_int_equal(store_open(url, 1, true, &s2, msg, sizeof msg), OK);
	struct store_conn *c1 = store_acquire(S), *c2 = store_acquire(s2);
	assert_true(store_schema_version(c1) >= 1);
	assert_int_equal(store_schema_version(c1), store_schema_version(c2));
	assert_int_equal(store_ping(c2), OK);
	store_release(s2, c2);
	store_release(S, c1);
	store_close(s2);
	/* Without migrate, an up-to-date database opens too. */
	assert_int_equal(store_open(url, 1, false, &s2, msg, sizeof msg), OK);
	store_close(s2);
}

static const char SQL_T_CHECKSUM_GET[] = "SELECT checksum FROM schema_migrations WHERE version = 1";
static const char SQL_T_CHECKSUM_SET[] = "UPDATE schema_migrations SET checksum = $1 WHERE version = 1";

static const char SQL_T_MIGRATION_ADD[] =
	"INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (99999, '99999_future', 'x', 0)";
static const char SQL_T_MIGRATION_DEL[] = "DELETE FROM schema_migrations WHERE version = 99999";

static void set_checksum(struct store_conn *c, const char *sum)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_T_CHECKSUM_SET);
	store_q_text(&q, 1, sum);
	store_q_exec(&q, NULL);
	assert_int_equal(store_q_done(&q), OK);
}

static void test_migrations_tampered(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a, 0);
	struct store_conn *c = store_acquire(S);
	struct store_q q;
	store_q_prepare(&q, c, SQL_T_CHECKSUM_GET);
	assert_true(store_q_row(&q));
	char *orig = store_q_col_text(&q, &a, 0);
	assert_int_equal(store_q_done(&q), OK);
	set_checksum(c, "0000");

	struct store *s2 = NULL;
	char msg[256] = "";
	assert_int_equal(store_open(url, 1, true, &s2, msg, sizeof msg), ERR_CONFLICT);
	assert_non_null(strstr(msg, "001_init"));
	assert_null(s2);
	assert_int_equal(store_open(url, 1, false, &s2, msg, sizeof msg), ERR_CONFLICT);

	set_checksum(c, orig);

	/* A database migrated by a newer program is not touched. */
	store_q_prepare(&q, c, SQL_T_MIGRATION_ADD);
	store_q_exec(&q, NULL);
	assert_int_equal(store_q_done(&q), OK);
	assert_int_equal(store_open(url, 1, true, &s2, msg, sizeof msg), ERR_CONFLICT);
	assert_non_null(strstr(msg, "99999"));
	store_q_prepare(&q, c, SQL_T_MIGRATION_DEL);
	store_q_exec(&q, NULL);
	assert_int_equal(store_q_done(&q), OK);

	store_release(S, c);
	assert_int_equal(store_open(url, 1, true, &s2, msg, sizeof msg), OK);
	store_close(s2);
	arena_free(&a);
}

static void test_migrations_fresh(void **state)
{
	(void)state;
	if (is_postgres())
		skip();   /* needs an empty database of its own */
	char fresh[600], msg[256] = "";
	snprintf(fresh, sizeof fresh, "sqlite:%s/fresh.db", tmpdir);
	struct store *s = NULL;
	/* Without migrate a missing database is not created. */
	assert_int_equal(store_open(fresh, 1, false, &s, msg, sizeof msg), ERR_NOTFOUND);
	assert_non_null(strstr(msg, "fresh.db"));
	assert_int_equal(access(fresh + 7, F_OK), -1);
	assert_int_equal(store_open(fresh, 2, true, &s, msg, sizeof msg), OK);
	struct store_conn *c = store_acquire(s);
	assert_int_equal(store_schema_version(c), migrations_sqlite[migrations_sqlite_count - 1].version);
	store_release(s, c);
	store_close(s);
	assert_int_equal(store_open(fresh, 1, false, &s, msg, sizeof msg), OK);
	store_close(s);
	remove_db("fresh.db");
}

/* ---- users, sessions, tokens, log-in failures ---- */

static void test_users(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a, 0);
	struct store_conn *c = store_acquire(S);
	const char *email = arena_printf(&a, "Kari.Nordmann.%s@Example.NO", sfx);
	int64_t pid = new_person(c, "Kari Nordmann", NULL, 0, true);
	struct user u = { .email = (char *)email, .name = "Kari Nordmann", .role = ROLE_HR,
			  .person_id = pid, .password_hash = "$argon2id$x", .active = true };
	assert_int_equal(store_user_insert(c, &u), OK);
	assert_true(u.id > 0);

	struct user got;
	assert_int_equal(store_user_by_email(c, &a, arena_printf(&a, "kari.nordmann.%s@example.no", sfx), &got), OK);
	assert_int_equal(got.id, u.id);
	assert_string_equal(got.email, arena_printf(&a, "kari.nordmann.%s@example.no", sfx));
	assert_int_equal(got.role, ROLE_HR);
	assert_string_equal(got.lang, "nb");
	assert_string_equal(got.password_hash, "$argon2id$x");
	assert_true(got.active);
	assert_int_equal(store_user_by_email(c, &a, email, &got), OK);
	assert_int_equal(store_user_by_email(c, &a, "nobody@nowhere.invalid", &got), ERR_NOTFOUND);

	/* The same address in other letters is the same account. */
	struct user dup = { .email = arena_printf(&a, "KARI.NORDMANN.%s@example.no", sfx), .name = "X",
			    .role = ROLE_EMPLOYEE, .active = true };
	assert_int_equal(store_user_insert(c, &dup), ERR_CONFLICT);
	struct user bad = { .email = "x@y", .name = "X", .role = ROLE_NONE };
	assert_int_equal(store_user_insert(c, &bad), ERR_INVALID);

	assert_int_equal(store_user_by_id(c, &a, u.id, &got), OK);
	assert_string_equal(got.name, "Kari Nordmann");
	assert_int_equal(store_user_by_person(c, &a, pid, &got), OK);
	assert_int_equal(got.id, u.id);
	assert_int_equal(store_user_by_id(c, &a, INT64_MAX, &got), ERR_NOTFOUND);

	/* Update: a NULL hash keeps the password. */
	got.name = "Kari N. Nordmann";
	got.role = ROLE_LEADER;
	got.password_hash = NULL;
	assert_int_equal(store_user_update(c, &got), OK);
	struct user again;
	assert_int_equal(store_user_by_id(c, &a, u.id, &again), OK);
	assert_string_equal(again.name, "Kari N. Nordmann");
	assert_int_equal(again.role, ROLE_LEADER);
	assert_string_equal(again.password_hash, "$argon2id$x");
	got.id = INT64_MAX;
	assert_int_equal(store_user_update(c, &got), ERR_NOTFOUND);

	assert_int_equal(store_user_set_lang(c, u.id, "nn"), OK);
	assert_int_equal(store_user_by_id(c, &a, u.id, &again), OK);
	assert_string_equal(again.lang, "nn");
	assert_int_equal(store_user_set_lang(c, INT64_MAX, "en"), ERR_NOTFOUND);

	struct user *list;
	int n = 0, found = 0;
	assert_int_equal(store_user_list(c, &a, &list, &n), OK);
	for (int i = 0; i < n; i++)
		found += list[i].id == u.id;
	assert_int_equal(found, 1);

	store_release(S, c);
	arena_free(&a);
}

static int64_t new_user(struct store_conn *c, struct arena *a, const char *base)
{
	struct user u = { .email = (char *)arena_printf(a, "%s.%s@example.no", base, sfx), .name = (char *)base,
			  .role = ROLE_EMPLOYEE, .active = true };
	assert_int_equal(store_user_insert(c, &u), OK);
	return u.id;
}

static void test_sessions(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a, 0);
	struct store_conn *c = store_acquire(S);
	int64_t uid = new_user(c, &a, "session");
	const char *h = uniq(&a, "sessionhash");
	int64_t now = 1000000;
	assert_int_equal(store_session_insert(c, h, uid, "csrf-token", now, now + 60), OK);
	assert_int_equal(store_session_insert(c, h, uid, "csrf-token", now, now + 60), ERR_CONFLICT);

	int64_t got = 0;
	char *csrf = NULL;
	assert_int_equal(store_session_get(c, &a, h, now, &got, &csrf), OK);
	assert_int_equal(got, uid);
	assert_string_equal(csrf, "csrf-token");
	assert_int_equal(store_session_get(c, &a, h, now + 59, &got, &csrf), OK);
	/* Expiry is respected: at expires_at the session is gone. */
	assert_int_equal(store_session_get(c, &a, h, now + 60, &got, &csrf), ERR_NOTFOUND);
	assert_int_equal(store_session_get(c, &a, "no-such-hash", now, &got, &csrf), ERR_NOTFOUND);

	assert_int_equal(store_session_touch(c, h, now + 120), OK);
	assert_int_equal(store_session_get(c, &a, h, now + 100, &got, &csrf), OK);
	assert_int_equal(store_session_touch(c, "no-such-hash", now), ERR_NOTFOUND);

	assert_int_equal(store_session_purge(c, now + 100), OK);
	assert_int_equal(store_session_get(c, &a, h, now + 100, &got, &csrf), OK);
	assert_int_equal(store_session_purge(c, now + 120), OK);
	assert_int_equal(store_session_get(c, &a, h, now, &got, &csrf), ERR_NOTFOUND);

	const char *h2 = uniq(&a, "sessionhash2");
	assert_int_equal(store_session_insert(c, h2, uid, "c2", now, now + 60), OK);
	assert_int_equal(store_session_delete(c, h2), OK);
	assert_int_equal(store_session_get(c, &a, h2, now, &got, &csrf), ERR_NOTFOUND);
	assert_int_equal(store_session_delete(c, h2), OK);
	/* A session must belong to a user. */
	assert_int_equal(store_session_insert(c, uniq(&a, "orphan"), INT64_MAX, "c", now, now + 1), ERR_CONFLICT);

	store_release(S, c);
	arena_free(&a);
}

static void test_tokens(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a, 0);
	struct store_conn *c = store_acquire(S);
	int64_t uid = new_user(c, &a, "token");
	const char *h = uniq(&a, "tokenhash");
	assert_int_equal(store_token_insert(c, uid, "laptop", h, 1000), OK);
	assert_int_equal(store_token_insert(c, uid, "again", h, 1000), ERR_CONFLICT);
	int64_t got = 0;
	assert_int_equal(store_token_lookup(c, h, &got), OK);
	assert_int_equal(got, uid);
	assert_int_equal(store_token_lookup(c, "no-such-token", &got), ERR_NOTFOUND);
	store_release(S, c);
	arena_free(&a);
}

static void test_login_failures(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a, 0);
	struct store_conn *c = store_acquire(S);
	const char *key = uniq(&a, "acct:kari@example.no");
	const char *other = uniq(&a, "addr:192.0.2.1");
	int count = -1;
	assert_int_equal(store_login_failures_since(c, key, 0, &count), OK);
	assert_int_equal(count, 0);
	assert_int_equal(store_login_failure_add(c, key, 100), OK);
	assert_int_equal(store_login_failure_add(c, key, 200), OK);
	assert_int_equal(store_login_failure_add(c, key, 300), OK);
	assert_int_equal(store_login_failure_add(c, other, 300), OK);
	assert_int_equal(store_login_failures_since(c, key, 150, &count), OK);
	assert_int_equal(count, 2);
	assert_int_equal(store_login_failures_since(c, key, 0, &count), OK);
	assert_int_equal(count, 3);
	assert_int_equal(store_login_failures_clear(c, key), OK);
	assert_int_equal(store_login_failures_since(c, key, 0, &count), OK);
	assert_int_equal(count, 0);
	assert_int_equal(store_login_failures_since(c, other, 0, &count), OK);
	assert_int_equal(count, 1);
	store_release(S, c);
	arena_free(&a);
}

/* ---- units ---- */

static int tree_find(const struct unit *t, int n, int64_t id)
{
	for (int i = 0; i < n; i++)
		if (t[i].id == id)
			return i;
	return -1;
}

static void test_unit_tree(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a, 0);
	struct store_conn *c = store_acquire(S);
	int64_t root = new_unit(c, "Treet", uniq(&a, "TRE"), 0);
	/* Inserted out of order on purpose. */
	int64_t aa = new_unit(c, "Ås", uniq(&a, "TRE-AA"), root);
	int64_t oe = new_unit(c, "Øst", uniq(&a, "TRE-OE"), root);
	int64_t zeta = new_unit(c, "Zeta", uniq(&a, "TRE-Z"), root);
	int64_t arkiv = new_unit(c, "Arkiv", uniq(&a, "TRE-A"), root);
	int64_t bunn = new_unit(c, "Bunn", uniq(&a, "TRE-B"), arkiv);
	int64_t leader = new_person(c, "Lise Leder", uniq(&a, "TRE-L"), zeta, true);
	new_person(c, "Per Aktiv", uniq(&a, "TRE-P1"), zeta, true);
	new_person(c, "Pål Sluttet", uniq(&a, "TRE-P2"), zeta, false);

	struct unit z;
	assert_int_equal(store_unit_get(c, &a, zeta, &z), OK);
	z.leader_id = leader;
	assert_int_equal(store_unit_update(c, &z), OK);

	struct unit *t;
	int n = 0;
	assert_int_equal(store_unit_tree(c, &a, &t, &n), OK);
	int r = tree_find(t, n, root);
	assert_true(r >= 0 && r + 6 <= n);
	int64_t want[] = { root, arkiv, bunn, zeta, oe, aa };
	int depth[] = { 0, 1, 2, 1, 1, 1 };
	for (int i = 0; i < 6; i++) {
		assert_int_equal(t[r + i].id, want[i]);
		assert_int_equal(t[r + i].depth, t[r].depth + depth[i]);
	}
	assert_int_equal(t[r].child_count, 4);
	assert_int_equal(t[r + 1].child_count, 1);
	assert_string_equal(t[r + 2].parent_name, "Arkiv");
	assert_int_equal(t[r + 3].people_count, 2);
	assert_string_equal(t[r + 3].leader_name, "Lise Leder");
	assert_null(t[r + 4].leader_name);
	/* Every unit comes after its parent. */
	for (int i = 0; i < n; i++)
		if (t[i].parent_id)
			assert_true(tree_find(t, n, t[i].parent_id) < i);

	struct unit u;
	assert_int_equal(store_unit_by_code(c, &a, uniq(&a, "TRE-B"), &u), OK);
	assert_int_equal(u.id, bunn);
	assert_int_equal(u.parent_id, arkiv);
	assert_string_equal(u.name, "Bunn");
	assert_int_equal(store_unit_by_code(c, &a, "no-such-code", &u), ERR_NOTFOUND);
	assert_int_equal(store_unit_get(c, &a, INT64_MAX, &u), ERR_NOTFOUND);
	store_release(S, c);
	arena_free(&a);
}

static void test_unit_changes(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a, 0);
	struct store_conn *c = store_acquire(S);
	int64_t before = 0, after = 0;
	assert_int_equal(store_unit_count(c, &before), OK);
	int64_t top = new_unit(c, "Topp", uniq(&a, "DEL-T"), 0);
	int64_t mid = new_unit(c, "Midt", uniq(&a, "DEL-M"), top);
	int64_t staffed = new_unit(c, "Bemannet", uniq(&a, "DEL-S"), 0);
	new_person(c, "Siri Stab", uniq(&a, "DEL-P"), staffed, false);
	assert_int_equal(store_unit_count(c, &after), OK);
	assert_int_equal(after, before + 3);

	/* The foreign keys refuse to orphan sub-units or people. */
	assert_int_equal(store_unit_delete(c, top), ERR_CONFLICT);
	assert_int_equal(store_unit_delete(c, staffed), ERR_CONFLICT);
	assert_int_equal(store_unit_delete(c, mid), OK);
	assert_int_equal(store_unit_delete(c, mid), ERR_NOTFOUND);
	assert_int_equal(store_unit_delete(c, top), OK);

	/* Codes are unique; a unit cannot sit under itself or its descendants. */
	struct unit dup = { .name = "Dup", .code = (char *)uniq(&a, "DEL-S") };
	assert_int_equal(store_unit_insert(c, &dup), ERR_CONFLICT);
	struct unit noname = { .name = "" };
	assert_int_equal(store_unit_insert(c, &noname), ERR_INVALID);
	int64_t p = new_unit(c, "Forelder", uniq(&a, "CYC-P"), 0);
	int64_t ch = new_unit(c, "Barn", uniq(&a, "CYC-C"), p);
	struct unit u;
	assert_int_equal(store_unit_get(c, &a, p, &u), OK);
	u.parent_id = ch;
	assert_int_equal(store_unit_update(c, &u), ERR_CONFLICT);
	u.parent_id = p;
	assert_int_equal(store_unit_update(c, &u), ERR_CONFLICT);
	u.parent_id = 0;
	u.name = "Forelder to";
	assert_int_equal(store_unit_update(c, &u), OK);
	assert_int_equal(store_unit_get(c, &a, p, &u), OK);
	assert_string_equal(u.name, "Forelder to");
	u.id = INT64_MAX;
	assert_int_equal(store_unit_update(c, &u), ERR_NOTFOUND);
	store_release(S, c);
	arena_free(&a);
}

static void test_units_led_by(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a, 0);
	struct store_conn *c = store_acquire(S);
	int64_t boss = new_person(c, "Berit Sjef", uniq(&a, "LED-B"), 0, true);
	int64_t u1 = new_unit(c, "Ledet en", uniq(&a, "LED-1"), 0);
	int64_t u2 = new_unit(c, "Under en", uniq(&a, "LED-2"), u1);
	int64_t u3 = new_unit(c, "Under to", uniq(&a, "LED-3"), u2);
	int64_t u4 = new_unit(c, "Ledet to", uniq(&a, "LED-4"), 0);
	new_unit(c, "Ikke ledet", uniq(&a, "LED-5"), 0);
	int64_t lead[] = { u1, u2, u4 };   /* u2 twice: led and under u1 */
	for (int i = 0; i < 3; i++) {
		struct unit u;
		assert_int_equal(store_unit_get(c, &a, lead[i], &u), OK);
		u.leader_id = boss;
		assert_int_equal(store_unit_update(c, &u), OK);
	}
	int64_t *ids;
	int n = 0;
	assert_int_equal(store_units_led_by(c, &a, boss, &ids, &n), OK);
	assert_int_equal(n, 4);
	int64_t want[] = { u1, u2, u3, u4 };
	for (int i = 0; i < 4; i++)
		assert_int_equal(ids[i], want[i]);
	assert_int_equal(store_units_led_by(c, &a, INT64_MAX, &ids, &n), OK);
	assert_int_equal(n, 0);
	store_release(S, c);
	arena_free(&a);
}

/* ---- people ---- */

static int list_people(struct store_conn *c, struct arena *a, const char *text, int64_t unit,
		       struct person **out)
{
	struct person_query q = { .text = text, .unit_id = unit, .limit = 500 };
	int n = -1;
	assert_int_equal(store_people_list(c, a, &q, out, &n), OK);
	return n;
}

static void test_people_search(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a, 0);
	struct store_conn *c = store_acquire(S);
	int64_t unit = new_unit(c, "Søk", uniq(&a, "SOK"), 0);
	int64_t kari = new_person(c, "Kari Østby", uniq(&a, "SOK-1"), unit, true);
	int64_t aerlig = new_person(c, "Ærlig Hansen", uniq(&a, "SOK-2"), unit, true);
	int64_t anne = new_person(c, "Anne Ås", uniq(&a, "SOK-3"), unit, true);
	struct person ola = { .name = "Ola Nordmann", .email = (char *)arena_printf(&a, "Ola.Nordmann.%s@Example.no", sfx),
			      .employee_number = (char *)uniq(&a, "SOKNR"), .unit_id = unit, .active = true,
			      .job_title = "Rådgiver" };
	assert_int_equal(store_person_insert(c, &ola), OK);
	int64_t pct = new_person(c, "Per 100%_Rabatt", uniq(&a, "SOK-4"), unit, true);

	struct person *v;
	int n = list_people(c, &a, NULL, unit, &v);
	assert_int_equal(n, 5);
	/* Norwegian order: Ærlig after O and P. */
	int64_t order[] = { anne, kari, ola.id, pct, aerlig };
	for (int i = 0; i < 5; i++)
		assert_int_equal(v[i].id, order[i]);
	assert_string_equal(v[2].unit_name, "Søk");
	assert_string_equal(v[2].job_title, "Rådgiver");
	assert_null(v[0].email);

	assert_int_equal(list_people(c, &a, "ærlig", unit, &v), 1);
	assert_int_equal(v[0].id, aerlig);
	assert_int_equal(list_people(c, &a, "ÆRLIG", unit, &v), 1);
	assert_int_equal(list_people(c, &a, "øst", unit, &v), 1);
	assert_int_equal(v[0].id, kari);
	assert_int_equal(list_people(c, &a, "  kari   øst ", unit, &v), 1);
	assert_int_equal(list_people(c, &a, "øst kari", unit, &v), 1);
	assert_int_equal(list_people(c, &a, "stby", unit, &v), 0);      /* not a word start */
	assert_int_equal(list_people(c, &a, "kari hansen", unit, &v), 0);
	assert_int_equal(list_people(c, &a, "ås", unit, &v), 1);
	assert_int_equal(v[0].id, anne);
	assert_int_equal(list_people(c, &a, "a", unit, &v), 1);         /* Anne; Ås is not "a" */
	assert_int_equal(list_people(c, &a, "   ", unit, &v), 5);
	/* Wildcards are literal. */
	assert_int_equal(list_people(c, &a, "%", unit, &v), 0);
	assert_int_equal(list_people(c, &a, "_", unit, &v), 0);
	assert_int_equal(list_people(c, &a, "100%_", unit, &v), 1);
	assert_int_equal(v[0].id, pct);
	assert_int_equal(list_people(c, &a, "100__", unit, &v), 0);
	/* E-mail and employee-number prefixes, in any case. */
	assert_int_equal(list_people(c, &a, arena_printf(&a, "OLA.NORDMANN.%s@", sfx), unit, &v), 1);
	assert_int_equal(v[0].id, ola.id);
	assert_int_equal(list_people(c, &a, uniq(&a, "soknr"), unit, &v), 1);
	assert_int_equal(v[0].id, ola.id);
	/* Every word must begin some word of the name, in any order. */
	struct person many = { .name = "En To Tre Fire Fem Seks Sju", .unit_id = unit, .active = true };
	assert_int_equal(store_person_insert(c, &many), OK);
	assert_int_equal(list_people(c, &a, "en to tre fire fem seks", unit, &v), 1);
	assert_int_equal(list_people(c, &a, "en to tre fire fem  seks sju", unit, &v), 1);
	assert_int_equal(list_people(c, &a, "en to tre fire seks fem", unit, &v), 1);
	assert_int_equal(list_people(c, &a, "sju en", unit, &v), 1);
	assert_int_equal(list_people(c, &a, "en to åtte", unit, &v), 0);
	/* A word and its prefix may match the same word of the name. */
	assert_int_equal(list_people(c, &a, "kar ka kari", unit, &v), 1);
	assert_int_equal(v[0].id, kari);
	/* æøå prefixes, folded, at any word of the name. */
	assert_int_equal(list_people(c, &a, "Øs", unit, &v), 1);
	assert_int_equal(list_people(c, &a, "ø", unit, &v), 1);
	assert_int_equal(list_people(c, &a, "Å", unit, &v), 1);
	assert_int_equal(v[0].id, anne);
	assert_int_equal(list_people(c, &a, "æ h", unit, &v), 1);
	assert_int_equal(v[0].id, aerlig);
	assert_int_equal(list_people(c, &a, "ærlig østby", unit, &v), 0);
	/* The name's words only: e-mail and number match a one-word query. */
	assert_int_equal(list_people(c, &a, "ola example", unit, &v), 0);

	struct person_query bad = { .limit = 0 };
	assert_int_equal(store_people_list(c, &a, &bad, &v, &n), ERR_INVALID);
	bad.limit = 501;
	assert_int_equal(store_people_list(c, &a, &bad, &v, &n), ERR_INVALID);
	bad.limit = 10;
	bad.text = "\xff\xfe";
	assert_int_equal(store_people_list(c, &a, &bad, &v, &n), ERR_INVALID);
	store_release(S, c);
	arena_free(&a);
}

/* Both search plans (reading a rare word's matches and sorting them, or
 * walking the name order when every word is common) give the same pages. */
static void test_people_search_plans(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a, 0);
	struct store_conn *c = store_acquire(S);
	int64_t unit = new_unit(c, "Planer", uniq(&a, "PLAN"), 0);
	const char *first[] = { "Åsmund", "Øyvind", "Ærle", "Anne", "Anders", "Bjørn", "Zara" };
	const char *last[] = { "Ødegård", "Andersen", "Bakke" };
	enum { N = 84 };
	for (int i = 0; i < N; i++) {
		const char *name = arena_printf(&a, "%s %s", first[i % 7], last[i % 3]);
		struct person p = { .name = (char *)name, .unit_id = unit, .active = i % 10 != 0 };
		assert_int_equal(store_person_insert(c, &p), OK);
	}
	const char *queries[] = { "an", "ø", "åsm", "ÆR BA", "anne ander", "z ø", "bjø and", "x" };
	for (size_t k = 0; k < sizeof queries / sizeof queries[0]; k++) {
		struct person *v[3];
		int n[3], pages[3];
		for (int plan = 0; plan < 3; plan++) {
			/* 0: always sort; 1: always walk; 2: always merge */
			store_search_sort_max = plan == 0 ? 1 << 30 : 0;
			store_search_merge_max = plan == 2 ? 1 << 20 : 0;
			struct person_query q = { .text = queries[k], .unit_id = unit,
						  .include_inactive = true, .limit = 5 };
			v[plan] = calloc(N, sizeof *v[plan]);
			n[plan] = 0;
			pages[plan] = 0;
			for (;;) {
				struct person *pv;
				int pn = 0;
				assert_int_equal(store_people_list(c, &a, &q, &pv, &pn), OK);
				pages[plan]++;
				for (int i = 0; i < pn; i++)
					v[plan][n[plan]++] = pv[i];
				if (pn < q.limit)
					break;
				q.after_name = pv[pn - 1].name;
				q.after_id = pv[pn - 1].id;
			}
		}
		assert_int_equal(n[0], n[1]);
		assert_int_equal(n[0], n[2]);
		for (int i = 0; i < n[0]; i++) {
			assert_int_equal(v[0][i].id, v[1][i].id);
			assert_int_equal(v[0][i].id, v[2][i].id);
		}
		free(v[0]);
		free(v[1]);
		free(v[2]);
	}
	store_search_merge_max = 0;
	store_search_sort_max = 50000;
	/* Counts: "an" begins Anne, Anders and Andersen (in 4/7 + 1/3 of the names). */
	store_search_sort_max = 0;
	struct person *v;
	int n = list_people(c, &a, "and", unit, &v);
	store_search_sort_max = 1 << 30;
	assert_int_equal(list_people(c, &a, "and", unit, &v), n);
	store_search_merge_max = 1 << 20;
	assert_int_equal(list_people(c, &a, "and", unit, &v), n);
	store_search_merge_max = 48;
	store_search_sort_max = 50000;
	int want = 0;
	for (int i = 0; i < N; i++)
		want += i % 10 != 0 && (i % 7 == 4 || i % 3 == 1);
	assert_int_equal(n, want);
	store_release(S, c);
	arena_free(&a);
}

static void test_people_paging(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a, 0);
	struct store_conn *c = store_acquire(S);
	int64_t unit = new_unit(c, "Mange", uniq(&a, "PAGE"), 0);
	const char *first[] = { "Åse", "Øystein", "Ærle", "anne", "Anne", "Bjørn", "Zara", "Ola", "ola",
				"Åge", "Espen", "Eva" };
	enum { N = 250, LIMIT = 37 };
	for (int i = 0; i < N; i++) {
		/* Many equal names, so the id must break ties. */
		const char *name = arena_printf(&a, "%s %s", first[i % 12], i % 5 ? "Hansen" : "Østli");
		struct person p = { .name = (char *)name, .unit_id = unit, .active = i % 25 != 0 };
		assert_int_equal(store_person_insert(c, &p), OK);
	}
	/* Others' people elsewhere must not leak into the unit's list. */
	new_person(c, "Anne Annensted", uniq(&a, "PAGE-OUT"), 0, true);

	int64_t *seen = calloc(N, sizeof *seen);
	int total = 0, pages = 0;
	struct person_query q = { .unit_id = unit, .include_inactive = true, .limit = LIMIT };
	const char *prev_name = NULL;
	int64_t prev_id = 0;
	for (;;) {
		struct person *v;
		int n = 0;
		assert_int_equal(store_people_list(c, &a, &q, &v, &n), OK);
		pages++;
		for (int i = 0; i < n; i++) {
			assert_int_equal(v[i].unit_id, unit);
			if (prev_name) {
				int r = text_collate_nb(prev_name, (int)strlen(prev_name), v[i].name,
							(int)strlen(v[i].name));
				assert_true(r < 0 || (r == 0 && prev_id < v[i].id));
			}
			for (int j = 0; j < total; j++)
				assert_int_not_equal(seen[j], v[i].id);
			assert_true(total < N);
			seen[total++] = v[i].id;
			prev_name = v[i].name;
			prev_id = v[i].id;
		}
		if (n < LIMIT)
			break;
		q.after_name = v[n - 1].name;
		q.after_id = v[n - 1].id;
	}
	assert_int_equal(total, N);
	assert_int_equal(pages, N / LIMIT + 1);
	free(seen);

	struct person_query active = { .unit_id = unit, .limit = 500 };
	struct person *v;
	int n = 0;
	assert_int_equal(store_people_list(c, &a, &active, &v, &n), OK);
	assert_int_equal(n, N - N / 25);
	for (int i = 0; i < n; i++)
		assert_true(v[i].active);
	store_release(S, c);
	arena_free(&a);
}

static void test_person_changes(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a, 0);
	struct store_conn *c = store_acquire(S);
	int64_t before = 0, after = 0;
	assert_int_equal(store_person_count(c, &before), OK);
	int64_t u1 = new_unit(c, "Første", uniq(&a, "PC-1"), 0);
	int64_t u2 = new_unit(c, "Andre", uniq(&a, "PC-2"), 0);
	const char *nr = uniq(&a, "PC-NR");
	int64_t id = new_person(c, "Gro Harlem", nr, u1, true);
	assert_int_equal(store_person_count(c, &after), OK);
	assert_int_equal(after, before + 1);
	struct unit cu;
	assert_int_equal(store_unit_get(c, &a, u1, &cu), OK);
	assert_int_equal(cu.people_count, 1);

	struct person p;
	assert_int_equal(store_person_by_number(c, &a, nr, &p), OK);
	assert_int_equal(p.id, id);
	assert_string_equal(p.unit_name, "Første");
	assert_int_equal(p.user_id, 0);
	assert_int_equal(store_person_by_number(c, &a, "no-such-number", &p), ERR_NOTFOUND);

	p.name = "Gro Harlem Brundtland";
	p.unit_id = u2;
	p.active = false;
	p.email = "gro@example.no";
	assert_int_equal(store_person_update(c, &p), OK);
	struct person g;
	assert_int_equal(store_person_get(c, &a, id, &g), OK);
	assert_string_equal(g.name, "Gro Harlem Brundtland");
	assert_string_equal(g.unit_name, "Andre");
	assert_string_equal(g.email, "gro@example.no");
	assert_false(g.active);
	/* Moved and deactivated: counted in neither unit. */
	assert_int_equal(store_unit_get(c, &a, u1, &cu), OK);
	assert_int_equal(cu.people_count, 0);
	assert_int_equal(store_unit_get(c, &a, u2, &cu), OK);
	assert_int_equal(cu.people_count, 0);
	g.active = true;
	assert_int_equal(store_person_update(c, &g), OK);
	assert_int_equal(store_unit_get(c, &a, u2, &cu), OK);
	assert_int_equal(cu.people_count, 1);
	g.active = false;
	assert_int_equal(store_person_update(c, &g), OK);
	/* The new name is searchable, the old fold is gone. */
	struct person *v;
	struct person_query q = { .text = "brundt", .unit_id = u2, .include_inactive = true, .limit = 5 };
	int n = 0;
	assert_int_equal(store_people_list(c, &a, &q, &v, &n), OK);
	assert_int_equal(n, 1);

	int64_t other = new_person(c, "Annen", uniq(&a, "PC-NR2"), u1, true);
	assert_int_equal(store_person_get(c, &a, other, &g), OK);
	g.employee_number = (char *)nr;
	assert_int_equal(store_person_update(c, &g), ERR_CONFLICT);
	struct person dup = { .name = "Dup", .employee_number = (char *)nr, .active = true };
	assert_int_equal(store_person_insert(c, &dup), ERR_CONFLICT);
	struct person nounit = { .name = "Ingen", .unit_id = INT64_MAX, .active = true };
	assert_int_equal(store_person_insert(c, &nounit), ERR_CONFLICT);
	struct person noname = { .name = NULL };
	assert_int_equal(store_person_insert(c, &noname), ERR_INVALID);
	noname.name = "";
	assert_int_equal(store_person_insert(c, &noname), ERR_INVALID);
	p.id = INT64_MAX;
	assert_int_equal(store_person_update(c, &p), ERR_NOTFOUND);
	assert_int_equal(store_person_get(c, &a, INT64_MAX, &g), ERR_NOTFOUND);
	store_release(S, c);
	arena_free(&a);
}

/* ---- audit ---- */

static void test_audit(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a, 0);
	struct store_conn *c = store_acquire(S);
	int64_t uid = new_user(c, &a, "auditor");
	int64_t pid = new_person(c, "Revidert", uniq(&a, "AUD"), 0, true);
	for (int i = 0; i < 5; i++)
		assert_int_equal(store_audit_insert(c, 1000 + i, uid, "person", pid, i ? "update" : "create",
						    arena_printf(&a, "{\"n\":[%d,%d]}", i, i + 1)), OK);
	assert_int_equal(store_audit_insert(c, 2000, 0, "unit", pid, "import", NULL), OK);

	struct audit_entry *v;
	int n = 0;
	struct audit_query q = { .entity = "person", .entity_id = pid, .limit = 2 };
	assert_int_equal(store_audit_list(c, &a, &q, &v, &n), OK);
	assert_int_equal(n, 2);
	assert_int_equal(v[0].at, 1004);
	assert_int_equal(v[1].at, 1003);
	assert_true(v[0].id > v[1].id);
	assert_string_equal(v[0].user_name, "auditor");
	assert_int_equal(v[0].user_id, uid);
	assert_string_equal(v[0].changes, "{\"n\":[4,5]}");
	assert_string_equal(v[0].action, "update");
	q.before_id = v[1].id;
	q.limit = 10;
	assert_int_equal(store_audit_list(c, &a, &q, &v, &n), OK);
	assert_int_equal(n, 3);
	assert_int_equal(v[0].at, 1002);
	assert_int_equal(v[2].at, 1000);
	assert_string_equal(v[2].action, "create");

	struct audit_query kind = { .entity = "unit", .limit = 500 };
	assert_int_equal(store_audit_list(c, &a, &kind, &v, &n), OK);
	assert_true(n >= 1);
	assert_string_equal(v[0].entity, "unit");
	assert_int_equal(v[0].user_id, 0);
	assert_null(v[0].user_name);
	assert_string_equal(v[0].changes, "{}");
	for (int i = 0; i < n; i++)
		assert_string_equal(v[i].entity, "unit");

	struct audit_query all = { .limit = 3 };
	assert_int_equal(store_audit_list(c, &a, &all, &v, &n), OK);
	assert_int_equal(n, 3);
	assert_int_equal(v[0].at, 2000);
	assert_true(v[0].id > v[1].id && v[1].id > v[2].id);

	struct audit_query bad = { .entity_id = pid, .limit = 10 };
	assert_int_equal(store_audit_list(c, &a, &bad, &v, &n), ERR_INVALID);
	bad.entity = "person";
	bad.limit = 0;
	assert_int_equal(store_audit_list(c, &a, &bad, &v, &n), ERR_INVALID);
	store_release(S, c);
	arena_free(&a);
}

/* ---- transactions, backup, the pool ---- */

static void test_transactions(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a, 0);
	struct store_conn *c = store_acquire(S);
	int64_t units = 0, people = 0, n = 0;
	assert_int_equal(store_unit_count(c, &units), OK);
	assert_int_equal(store_person_count(c, &people), OK);

	assert_int_equal(store_begin(c, true), OK);
	int64_t u = new_unit(c, "Angret", uniq(&a, "RB"), 0);
	new_person(c, "Angret Person", uniq(&a, "RB-P"), u, true);
	store_rollback(c);
	struct unit got;
	assert_int_equal(store_unit_by_code(c, &a, uniq(&a, "RB"), &got), ERR_NOTFOUND);
	assert_int_equal(store_unit_count(c, &n), OK);
	assert_int_equal(n, units);
	assert_int_equal(store_person_count(c, &n), OK);
	assert_int_equal(n, people);

	/* A failed statement inside a transaction, then rollback: nothing stays. */
	assert_int_equal(store_begin(c, true), OK);
	new_unit(c, "Halv", uniq(&a, "RB2"), 0);
	struct unit dup = { .name = "Halv igjen", .code = (char *)uniq(&a, "RB2") };
	assert_int_equal(store_unit_insert(c, &dup), ERR_CONFLICT);
	assert_non_null(store_errmsg(c));
	store_rollback(c);
	assert_int_equal(store_unit_by_code(c, &a, uniq(&a, "RB2"), &got), ERR_NOTFOUND);

	assert_int_equal(store_begin(c, true), OK);
	new_unit(c, "Beholdt", uniq(&a, "CM"), 0);
	assert_int_equal(store_commit(c), OK);
	assert_int_equal(store_unit_by_code(c, &a, uniq(&a, "CM"), &got), OK);

	/* A read transaction sees a consistent state. */
	assert_int_equal(store_begin(c, false), OK);
	assert_int_equal(store_unit_count(c, &n), OK);
	assert_int_equal(n, units + 1);
	assert_int_equal(store_commit(c), OK);
	store_release(S, c);
	arena_free(&a);
}

static void test_backup(void **state)
{
	(void)state;
	char dest[600], dest_url[620], msg[256] = "";
	if (is_postgres()) {
		/* PostgreSQL backups are pg_dump's job, and the error says so. */
		assert_int_equal(store_backup(S, "/tmp/evne-never.db", msg, sizeof msg), ERR_INVALID);
		assert_non_null(strstr(msg, "pg_dump"));
		return;
	}
	struct arena a;
	arena_init(&a, 0);
	snprintf(dest, sizeof dest, "%s/backup.db", tmpdir);
	snprintf(dest_url, sizeof dest_url, "sqlite:%s", dest);
	assert_int_equal(store_backup(S, dest, msg, sizeof msg), OK);
	/* Again over the old copy. */
	assert_int_equal(store_backup(S, dest, msg, sizeof msg), OK);

	struct store *b = NULL;
	assert_int_equal(store_open(dest_url, 1, false, &b, msg, sizeof msg), OK);
	struct store_conn *c = store_acquire(S), *cb = store_acquire(b);
	int64_t x = 0, y = 0;
	assert_int_equal(store_unit_count(c, &x), OK);
	assert_int_equal(store_unit_count(cb, &y), OK);
	assert_true(x > 0);
	assert_int_equal(x, y);
	assert_int_equal(store_person_count(c, &x), OK);
	assert_int_equal(store_person_count(cb, &y), OK);
	assert_int_equal(x, y);
	struct user *ul;
	int n1 = 0, n2 = 0;
	assert_int_equal(store_user_list(c, &a, &ul, &n1), OK);
	assert_int_equal(store_user_list(cb, &a, &ul, &n2), OK);
	assert_int_equal(n1, n2);
	assert_int_equal(store_schema_version(c), store_schema_version(cb));
	store_release(b, cb);
	store_release(S, c);
	store_close(b);

	assert_int_not_equal(store_backup(S, "/nonexistent-evne-dir/b.db", msg, sizeof msg), OK);
	assert_non_null(strstr(msg, "/nonexistent-evne-dir"));
	arena_free(&a);
}

struct waiter {
	struct store *s;
	volatile int got;
};

static void *wait_for_conn(void *arg)
{
	struct waiter *w = arg;
	struct store_conn *c = store_acquire(w->s);
	__atomic_store_n(&w->got, 1, __ATOMIC_SEQ_CST);
	store_release(w->s, c);
	return NULL;
}

static void test_pool_blocks(void **state)
{
	(void)state;
	struct store *s = NULL;
	char msg[256] = "";
	assert_int_equal(store_open(url, 1, true, &s, msg, sizeof msg), OK);
	struct store_conn *c = store_acquire(s);
	/* A transaction left open is ended by release. */
	assert_int_equal(store_begin(c, true), OK);
	struct waiter w = { .s = s };
	pthread_t t;
	assert_int_equal(pthread_create(&t, NULL, wait_for_conn, &w), 0);
	struct timespec ts = { 0, 100 * 1000 * 1000 };
	nanosleep(&ts, NULL);
	assert_int_equal(__atomic_load_n(&w.got, __ATOMIC_SEQ_CST), 0);
	store_release(s, c);
	pthread_join(t, NULL);
	assert_int_equal(w.got, 1);
	c = store_acquire(s);
	assert_int_equal(store_begin(c, true), OK);
	assert_int_equal(store_commit(c), OK);
	store_release(s, c);
	store_close(s);
}

enum { WRITERS = 4, WRITES = 25 };

struct writer {
	int no;
	enum err err;
};

/* Each write is its own transaction, as a request's would be. */
static void *write_units(void *arg)
{
	struct writer *w = arg;
	char name[64], code[128];
	for (int i = 0; i < WRITES && !w->err; i++) {
		struct store_conn *c = store_acquire(S);
		snprintf(name, sizeof name, "Samtidig %d.%d", w->no, i);
		snprintf(code, sizeof code, "PAR-%d-%d-%s", w->no, i, sfx);
		struct unit u = { .name = name, .code = code };
		w->err = store_begin(c, true);
		if (!w->err)
			w->err = store_unit_insert(c, &u);
		if (!w->err)
			w->err = store_commit(c);
		else
			store_rollback(c);
		store_release(S, c);
	}
	return NULL;
}

static void test_concurrent_writers(void **state)
{
	(void)state;
	struct store_conn *c = store_acquire(S);
	int64_t before = 0, after = 0;
	assert_int_equal(store_unit_count(c, &before), OK);
	store_release(S, c);
	pthread_t t[WRITERS];
	struct writer w[WRITERS];
	for (int i = 0; i < WRITERS; i++) {
		w[i] = (struct writer){ .no = i };
		assert_int_equal(pthread_create(&t[i], NULL, write_units, &w[i]), 0);
	}
	for (int i = 0; i < WRITERS; i++) {
		pthread_join(t[i], NULL);
		assert_int_equal(w[i].err, OK);
	}
	c = store_acquire(S);
	assert_int_equal(store_unit_count(c, &after), OK);
	assert_int_equal(after, before + WRITERS * WRITES);
	store_release(S, c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_open_errors),
		cmocka_unit_test(test_migrations_idempotent),
		cmocka_unit_test(test_migrations_tampered),
		cmocka_unit_test(test_migrations_fresh),
		cmocka_unit_test(test_users),
		cmocka_unit_test(test_sessions),
		cmocka_unit_test(test_tokens),
		cmocka_unit_test(test_login_failures),
		cmocka_unit_test(test_unit_tree),
		cmocka_unit_test(test_unit_changes),
		cmocka_unit_test(test_units_led_by),
		cmocka_unit_test(test_people_search),
		cmocka_unit_test(test_people_search_plans),
		cmocka_unit_test(test_people_paging),
		cmocka_unit_test(test_person_changes),
		cmocka_unit_test(test_audit),
		cmocka_unit_test(test_transactions),
		cmocka_unit_test(test_backup),
		cmocka_unit_test(test_pool_blocks),
		cmocka_unit_test(test_concurrent_writers),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
