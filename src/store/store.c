/* store.c — the backend-neutral half of the store: parsing the database URL,
 * the connection pool (a mutex and condition variable around a free list,
 * one connection per server worker), the migrations runner, transactions,
 * backup, and the statement helpers the domain files share. Nothing here
 * knows which database runs underneath; that is struct store_ops. */
#include "store/store_int.h"

#include <limits.h>
#include <pthread.h>
#include <sodium.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct store {
	const struct store_ops *ops;
	char *target;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	struct store_conn *conns;
	int n;
	struct store_conn *free_list;
};

enum err store_fail(struct store_conn *c, enum err e, const char *fmt, ...)
{
	if (fmt) {
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(c->msg, sizeof c->msg, fmt, ap);
		va_end(ap);
	} else {
		snprintf(c->msg, sizeof c->msg, "%s", c->ops->errmsg(c->db));
	}
	return e;
}

/* ---- statement helpers ---- */

void store_q_prepare(struct store_q *q, struct store_conn *c, const char *sql)
{
	q->c = c;
	q->st = NULL;
	q->err = c->ops->prepare(c->db, sql, &q->st);
	if (q->err)
		store_fail(c, q->err, NULL);
}

static void q_check(struct store_q *q, enum err e)
{
	if (e && !q->err)
		q->err = store_fail(q->c, e, NULL);
}

void store_q_int(struct store_q *q, int idx, int64_t v)
{
	if (!q->err)
		q_check(q, q->c->ops->bind_int64(q->st, idx, v));
}

void store_q_text(struct store_q *q, int idx, const char *s)
{
	if (q->err)
		return;
	q_check(q, s ? q->c->ops->bind_text(q->st, idx, s) : q->c->ops->bind_null(q->st, idx));
}

void store_q_id(struct store_q *q, int idx, int64_t id)
{
	if (q->err)
		return;
	q_check(q, id ? q->c->ops->bind_int64(q->st, idx, id) : q->c->ops->bind_null(q->st, idx));
}

void store_q_opt(struct store_q *q, int idx, const char *s)
{
	store_q_text(q, idx, s && *s ? s : NULL);
}

void store_q_blob(struct store_q *q, int idx, const void *p, size_t n)
{
	if (!q->err)
		q_check(q, q->c->ops->bind_blob(q->st, idx, p, n));
}

bool store_q_row(struct store_q *q)
{
	if (q->err)
		return false;
	bool row = false;
	q_check(q, q->c->ops->step(q->st, &row));
	return !q->err && row;
}

void store_q_exec(struct store_q *q, int64_t *changes)
{
	while (store_q_row(q))
		;
	if (!q->err && changes)
		*changes = q->c->ops->changes(q->st);
}

int64_t store_q_col_int(struct store_q *q, int col)
{
	return q->err ? 0 : q->c->ops->column_int64(q->st, col);
}

char *store_q_col_text(struct store_q *q, struct arena *a, int col)
{
	if (q->err)
		return NULL;
	if (q->c->ops->column_is_null(q->st, col))
		return NULL;
	const char *s = q->c->ops->column_text(q->st, col);
	char *d = arena_strdup(a, s ? s : "");
	if (!d)
		q->err = store_fail(q->c, ERR_TOO_BIG, "the arena's cap was reached");
	return d;
}

void *store_q_col_blob(struct store_q *q, struct arena *a, int col, size_t *n)
{
	*n = 0;
	if (q->err || q->c->ops->column_is_null(q->st, col))
		return NULL;
	const void *p = NULL;
	size_t len = 0;
	q_check(q, q->c->ops->column_blob(q->st, col, &p, &len));
	if (q->err)
		return NULL;
	/* one byte more, so an empty value is a pointer, not NULL */
	unsigned char *d = arena_alloc(a, len + 1);
	if (!d) {
		q->err = store_fail(q->c, ERR_TOO_BIG, "the arena's cap was reached");
		return NULL;
	}
	if (len)
		memcpy(d, p, len);
	*n = len;
	return d;
}

enum err store_q_done(struct store_q *q)
{
	if (q->st)
		q->c->ops->reset(q->st);
	return q->err;
}

void *store_grow(struct arena *a, void *p, int n, int *cap, size_t elem)
{
	if (n < *cap)
		return p;
	int ncap = *cap ? *cap * 2 : 16;
	void *np = arena_realloc(a, p, (size_t)*cap * elem, (size_t)ncap * elem);
	if (np)
		*cap = ncap;
	return np;
}

/* ---- migrations ---- */

static const char SQL_MIGRATIONS_TABLE[] =
	"CREATE TABLE IF NOT EXISTS schema_migrations ("
	" version INTEGER PRIMARY KEY,"
	" name TEXT NOT NULL,"
	" checksum TEXT NOT NULL,"
	" applied_at BIGINT NOT NULL)";

static const char SQL_MIGRATIONS_APPLIED[] =
	"SELECT version, name, checksum FROM schema_migrations ORDER BY version";

static const char SQL_MIGRATION_IS_APPLIED[] =
	"SELECT 1 FROM schema_migrations WHERE version = $1";

static const char SQL_MIGRATION_RECORD[] =
	"INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES ($1, $2, $3, $4)";

static void sha256_hex(const char *s, char hex[crypto_hash_sha256_BYTES * 2 + 1])
{
	unsigned char h[crypto_hash_sha256_BYTES];
	crypto_hash_sha256(h, (const unsigned char *)s, strlen(s));
	sodium_bin2hex(hex, crypto_hash_sha256_BYTES * 2 + 1, h, sizeof h);
}

/* Compares what the database has applied with what this binary carries:
 * a changed text or an unknown newer version stops start-up. *pending is
 * the index of the first migration not yet applied. */
static enum err migrations_check(struct store_conn *c, const struct migration *m, int count,
				 int *pending)
{
	struct store_q q;
	int i = 0;
	enum err e = OK;
	store_q_prepare(&q, c, SQL_MIGRATIONS_APPLIED);
	while (!e && store_q_row(&q)) {
		int64_t version = store_q_col_int(&q, 0);
		const char *sum = c->ops->column_text(q.st, 2);
		char hex[crypto_hash_sha256_BYTES * 2 + 1] = "";
		if (i < count && m[i].version == version)
			sha256_hex(m[i].sql, hex);
		if (!hex[0])
			e = store_fail(c, ERR_CONFLICT,
				       "the database has migration %lld, which this program does not know;"
				       " it is newer than this program",
				       (long long)version);
		else if (!sum || strcmp(sum, hex) != 0)
			e = store_fail(c, ERR_CONFLICT,
				       "migration %s was changed after it was applied (checksum differs)",
				       m[i].name);
		else
			i++;
	}
	enum err qe = store_q_done(&q);
	if (qe && !e) {
		char why[sizeof c->msg];
		snprintf(why, sizeof why, "%s", c->msg);
		store_fail(c, qe, "reading the applied migrations: %s", why);
	}
	*pending = i;
	return e ? e : qe;
}

/* The body of migration_apply, inside its transaction: rolls back on
 * failure, commits otherwise. */
static enum err migration_apply_in(struct store_conn *c, const struct migration *m)
{
	enum err e = OK;
	if (c->ops->lock_schema && (e = c->ops->lock_schema(c->db)) != OK) {
		store_fail(c, e, NULL);
		goto out;
	}
	struct store_q q;
	store_q_prepare(&q, c, SQL_MIGRATION_IS_APPLIED);
	store_q_int(&q, 1, m->version);
	bool done = store_q_row(&q);
	if ((e = store_q_done(&q)) != OK || done)
		goto out;
	if ((e = c->ops->exec_script(c->db, m->sql)) != OK) {
		store_fail(c, e, "migration %s: %s", m->name, c->ops->errmsg(c->db));
		goto out;
	}
	char hex[crypto_hash_sha256_BYTES * 2 + 1];
	sha256_hex(m->sql, hex);
	store_q_prepare(&q, c, SQL_MIGRATION_RECORD);
	store_q_int(&q, 1, m->version);
	store_q_text(&q, 2, m->name);
	store_q_text(&q, 3, hex);
	store_q_int(&q, 4, (int64_t)time(NULL));
	store_q_exec(&q, NULL);
	if ((e = store_q_done(&q)) != OK)
		goto out;
	char why[200];
	if ((e = c->ops->load_check(c->db, why, sizeof why)) != OK) {
		store_fail(c, e, "migration %s: %s", m->name, why);
		goto out;
	}
	return store_commit(c);
out:
	store_rollback(c);
	return e;
}

/* Applies one migration in its own write transaction, unless another
 * process got there first. The transaction is a load's (foreign keys off in
 * SQLite, deferred in PostgreSQL, proven before commit), so a migration may
 * rebuild a table others reference — SQLite's way to change a CHECK. */
static enum err migration_apply(struct store_conn *c, const struct migration *m)
{
	enum err e = c->ops->load_begin(c->db);
	if (e)
		return store_fail(c, e, NULL);
	e = migration_apply_in(c, m);
	c->ops->load_end(c->db);
	return e;
}

/* Without migrate the schema is only checked, and pending migrations are
 * left alone: a backup of a database an older program made must work. */
static enum err migrations_run(struct store_conn *c, const struct migration *m, int count,
			       bool migrate)
{
	enum err e = OK;
	if (migrate) {
		/* Under the schema lock: two servers creating the table at once
		 * would collide in PostgreSQL's catalogue. */
		if ((e = store_begin(c, true)) != OK)
			return e;
		if (c->ops->lock_schema && (e = c->ops->lock_schema(c->db)) != OK)
			store_fail(c, e, NULL);
		struct store_q q;
		if (!e) {
			store_q_prepare(&q, c, SQL_MIGRATIONS_TABLE);
			store_q_exec(&q, NULL);
			e = store_q_done(&q);
		}
		if (!e)
			e = store_commit(c);
		if (e) {
			store_rollback(c);
			return e;
		}
	}
	int pending = 0;
	if ((e = migrations_check(c, m, count, &pending)) != OK)
		return e;
	for (int i = pending; i < count && migrate; i++)
		if ((e = migration_apply(c, &m[i])) != OK)
			return e;
	return OK;
}

/* ---- the pool ---- */

/* "postgresql://..." and "postgres://..." name PostgreSQL; "sqlite:PATH"
 * and a bare PATH name a SQLite file. */
static enum err parse_url(const char *url, const struct store_ops **ops, const char **target,
			  char *errmsg, size_t errlen)
{
	if (!url || !*url) {
		snprintf(errmsg, errlen, "no database given");
		return ERR_INVALID;
	}
	if (strncmp(url, "postgresql://", 13) == 0 || strncmp(url, "postgres://", 11) == 0) {
		*ops = &pg_ops;
		*target = url;
		return OK;
	}
	*target = strncmp(url, "sqlite:", 7) == 0 ? url + 7 : url;
	if (!**target) {
		snprintf(errmsg, errlen, "no database file given in %s", url);
		return ERR_INVALID;
	}
	*ops = &sq_ops;
	return OK;
}

enum err store_open(const char *url, int pool_size, bool migrate, struct store **out,
		    char *errmsg, size_t errlen)
{
	const struct store_ops *ops = NULL;
	const char *target = NULL;
	enum err e = parse_url(url, &ops, &target, errmsg, errlen);
	if (e)
		return e;
	if (pool_size < 1 || pool_size > 1024) {
		snprintf(errmsg, errlen, "pool size %d is out of range 1..1024", pool_size);
		return ERR_INVALID;
	}
	if (sodium_init() < 0) {
		snprintf(errmsg, errlen, "libsodium failed to initialise");
		return ERR_IO;
	}
	struct store *s = calloc(1, sizeof *s);
	struct store_conn *conns = calloc((size_t)pool_size, sizeof *conns);
	char *t = strdup(target);
	if (!s || !conns || !t) {
		fputs("evne: out of memory\n", stderr);
		abort();
	}
	s->ops = ops;
	s->target = t;
	s->conns = conns;
	pthread_mutex_init(&s->mu, NULL);
	pthread_cond_init(&s->cv, NULL);
	for (; s->n < pool_size; s->n++) {
		struct store_conn *c = &conns[s->n];
		c->store = s;
		c->ops = ops;
		if ((e = ops->open(target, migrate, &c->db, errmsg, errlen)) != OK)
			goto fail;
		c->next_free = s->free_list;
		s->free_list = c;
	}
	/* Migrate before any worker can see the schema. */
	e = migrations_run(&conns[0], ops->migrations, *ops->migrations_count, migrate);
	if (e) {
		snprintf(errmsg, errlen, "%s", conns[0].msg);
		goto fail;
	}
	*out = s;
	return OK;
fail:
	store_close(s);
	return e;
}

void store_close(struct store *s)
{
	if (!s)
		return;
	for (int i = 0; i < s->n; i++) {
		store_people_bulk_drop(&s->conns[i]);
		s->ops->close(s->conns[i].db);
	}
	pthread_cond_destroy(&s->cv);
	pthread_mutex_destroy(&s->mu);
	free(s->conns);
	free(s->target);
	free(s);
}

struct store_conn *store_acquire(struct store *s)
{
	pthread_mutex_lock(&s->mu);
	while (!s->free_list)
		pthread_cond_wait(&s->cv, &s->mu);
	struct store_conn *c = s->free_list;
	s->free_list = c->next_free;
	pthread_mutex_unlock(&s->mu);
	c->next_free = NULL;
	c->msg[0] = '\0';
	return c;
}

void store_release(struct store *s, struct store_conn *c)
{
	/* A transaction left open by a failed caller must not leak into the
	 * next user's work. */
	store_rollback(c);
	pthread_mutex_lock(&s->mu);
	c->next_free = s->free_list;
	s->free_list = c;
	pthread_cond_signal(&s->cv);
	pthread_mutex_unlock(&s->mu);
}

const char *store_errmsg(struct store_conn *c)
{
	return c->msg[0] ? c->msg : c->ops->errmsg(c->db);
}

static const char SQL_SCHEMA_VERSION[] = "SELECT max(version) FROM schema_migrations";

int store_schema_version(struct store_conn *c)
{
	struct store_q q;
	int64_t v = 0;
	store_q_prepare(&q, c, SQL_SCHEMA_VERSION);
	if (store_q_row(&q))
		v = store_q_col_int(&q, 0);
	store_q_done(&q);
	return v > 0 && v < INT_MAX ? (int)v : 0;
}

/* ---- transactions, backup ---- */

enum err store_begin(struct store_conn *c, bool write)
{
	enum err e = c->ops->begin(c->db, write);
	return e ? store_fail(c, e, NULL) : OK;
}

enum err store_commit(struct store_conn *c)
{
	if (c->people_bulk) {   /* its words and counts would be lost */
		store_rollback(c);
		return store_fail(c, ERR_INVALID, "bulk person writes were not ended before commit");
	}
	enum err e = c->ops->commit(c->db);
	if (e) {
		store_fail(c, e, NULL);
		c->ops->rollback(c->db);
	}
	return e;
}

void store_rollback(struct store_conn *c)
{
	store_people_bulk_drop(c);
	c->ops->rollback(c->db);
}

enum err store_read_begin(struct store_conn *c)
{
	enum err e = c->ops->read_begin ? c->ops->read_begin(c->db) : OK;
	return e ? store_fail(c, e, NULL) : OK;
}

enum err store_backup(struct store *s, const char *dest, char *errmsg, size_t errlen)
{
	if (!dest || !*dest) {
		snprintf(errmsg, errlen, "no backup file given");
		return ERR_INVALID;
	}
	struct store_conn *c = store_acquire(s);
	enum err e = s->ops->backup(c->db, dest, errmsg, errlen);
	store_release(s, c);
	return e;
}

static const char SQL_PING[] = "SELECT 1";

enum err store_ping(struct store_conn *c)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_PING);
	bool row = store_q_row(&q);
	enum err e = store_q_done(&q);
	return e ? e : row ? OK : store_fail(c, ERR_IO, "the database answered nothing");
}

static const char SQL_CONTENT_GENERATION[] = "SELECT n FROM content_generation WHERE id = 1";

enum err store_content_generation(struct store_conn *c, int64_t *out)
{
	*out = 0;
	if (c->ops->content_generation) {
		enum err e = c->ops->content_generation(c->db, out);
		return e ? store_fail(c, e, NULL) : OK;
	}
	struct store_q q;
	store_q_prepare(&q, c, SQL_CONTENT_GENERATION);
	bool row = store_q_row(&q);
	if (row)
		*out = store_q_col_int(&q, 0);
	enum err e = store_q_done(&q);
	return e ? e : row ? OK : store_fail(c, ERR_IO, "the content generation's row is missing");
}

char *store_url_display(struct arena *a, const char *url)
{
	/* postgresql://user:secret@host/db -> postgresql://user:***@host/db */
	const char *scheme = strstr(url, "://");
	const char *at = scheme ? strchr(scheme + 3, '@') : NULL;
	const char *colon = scheme ? strchr(scheme + 3, ':') : NULL;
	if (!at || !colon || colon > at)
		return arena_strdup(a, url);
	return arena_printf(a, "%.*s:***%s", (int)(colon - url), url, at);
}
