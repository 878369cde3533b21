/* pg.c — struct store_ops on PostgreSQL through libpq. One connection per
 * pool slot; each statement is PQprepare'd once per connection under a name
 * of its own, found again through a small hash table keyed by the address of
 * its SQL constant (as in sqlite/), and run with text parameters for $n.
 * Write transactions are READ COMMITTED and begin by taking one
 * transaction-scoped advisory lock, so writers run one at a time across every
 * evne process on the database, exactly as SQLite's BEGIN IMMEDIATE makes
 * them: a read-check-write such as the unit tree's cycle test or an import
 * then sees every earlier commit and nothing can slip in between. Read
 * transactions are REPEATABLE READ, one snapshot like SQLite's. A lock wait
 * longer than five seconds gives ERR_BUSY, as SQLite's busy timeout does.
 * Failures map to the store's errors: integrity violations (class 23) to
 * ERR_CONFLICT, a lost or refused connection and serialization, deadlock or
 * lock-timeout failures to ERR_BUSY, the rest to ERR_IO. A connection that
 * broke (a PostgreSQL restart) is reset at its next use outside a
 * transaction, its prepared statements forgotten and prepared again on
 * demand; a transaction that was open on it only gets ERR_BUSY until it is
 * rolled back, so no half of it is ever repeated in autocommit. */
#include "store/store_int.h"

#include <assert.h>
#include <errno.h>
#include <libpq-fe.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct pg_db;

struct pg_stmt {
	struct pg_db *db;
	const char *sql;
	char name[24];
	bool prepared;     /* exists on the current server connection */
	int nparams;
	char **vals;       /* what is bound: a buffer of bufs, or NULL for SQL NULL */
	char **bufs;
	size_t *caps;
	PGresult *res;     /* the rows of the current run */
	unsigned char *blob;   /* the last column_blob, decoded (PQfreemem) */
	int row, nrows;
	bool ran;
	int64_t changes;
};

struct pg_db {
	PGconn *conn;
	struct pg_stmt **slots;   /* open addressing by SQL address; cap is a power of two */
	size_t cap, used;
	unsigned next_name;
	bool in_tx;               /* begin succeeded and neither commit nor rollback followed */
	bool broken;              /* a connection failure was seen: reset before the next use */
	struct pg_stmt *built;    /* the one uncached statement (prepare_built), if any */
	char msg[512];
};

/* "evne" and "evnf" as numbers: the keys of the two advisory locks. */
static const char SQL_BEGIN_WRITE[] =
	"BEGIN ISOLATION LEVEL READ COMMITTED; SET LOCAL lock_timeout = '5s';"
	" SELECT pg_advisory_xact_lock(1702258277)";
static const char SQL_BEGIN_READ[] =
	"BEGIN ISOLATION LEVEL REPEATABLE READ; SET LOCAL lock_timeout = '5s'";
static const char SQL_COMMIT[] = "COMMIT";
static const char SQL_ROLLBACK[] = "ROLLBACK";
static const char SQL_LOCK_SCHEMA[] = "SELECT pg_advisory_xact_lock(1702258278)";
static const char SQL_DEALLOCATE_BUILT[] = "DEALLOCATE evne_built";
static const char SQL_DEFER_KEYS[] = "SET CONSTRAINTS ALL DEFERRED";
static const char SQL_CHECK_KEYS[] = "SET CONSTRAINTS ALL IMMEDIATE";

/* The application's tables in the current schema, by name in byte order. */
static const char SQL_TABLES[] =
	"SELECT c.relname FROM pg_class c"
	" WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p')"
	" AND c.relname <> 'schema_migrations' ORDER BY c.relname COLLATE \"C\"";
/* Columns in order: name, type, part of the primary key, generated id. */
static const char SQL_COLUMNS[] =
	"SELECT a.attname, format_type(a.atttypid, a.atttypmod),"
	" EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.oid AND i.indisprimary"
	"  AND a.attnum = ANY (i.indkey)),"
	" pg_get_serial_sequence(quote_ident(c.relname), a.attname) IS NOT NULL"
	" FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid"
	" WHERE c.relnamespace = current_schema()::regnamespace AND c.relname = $1"
	" AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum";
static const char SQL_REFERENCES[] =
	"SELECT DISTINCT f.relname FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid"
	" JOIN pg_class f ON f.oid = k.confrelid"
	" WHERE k.contype = 'f' AND c.relnamespace = current_schema()::regnamespace AND c.relname = $1";
/* Moves a table's id sequence past the ids a copy wrote ($3 = 0: none). */
static const char SQL_SET_IDENTITY[] =
	"SELECT setval(pg_get_serial_sequence(quote_ident($1), $2), GREATEST($3::bigint, 1), $3::bigint > 0)";

enum { PG_NAME_FIRST = 1 };

static struct pg_db *pg_db_of(struct store_db *d)
{
	return (struct pg_db *)d;
}

static struct pg_stmt *pg_stmt_of(struct store_stmt *s)
{
	return (struct pg_stmt *)s;
}

static void *pg_xalloc(size_t n)
{
	void *p = calloc(1, n ? n : 1);
	if (!p) {
		fputs("evne: out of memory\n", stderr);
		abort();
	}
	return p;
}

/* Keeps a message without libpq's trailing newline. */
static void pg_set_msg(struct pg_db *db, const char *prefix, const char *m)
{
	snprintf(db->msg, sizeof db->msg, "%s%s", prefix, m && *m ? m : "unknown PostgreSQL error");
	size_t n = strlen(db->msg);
	while (n && (db->msg[n - 1] == '\n' || db->msg[n - 1] == ' '))
		db->msg[--n] = '\0';
}

static bool pg_conn_lost(const char *state)
{
	return strncmp(state, "08", 2) == 0 || strcmp(state, "57P01") == 0 ||
	       strcmp(state, "57P02") == 0 || strcmp(state, "57P03") == 0;
}

/* The store's error for a result (OK for success); records the message and
 * marks the connection for a reset when it was lost. */
static enum err pg_result_err(struct pg_db *db, const PGresult *res)
{
	ExecStatusType st = res ? PQresultStatus(res) : PGRES_FATAL_ERROR;
	if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK)
		return OK;
	const char *state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
	pg_set_msg(db, "", res ? PQresultErrorMessage(res) : PQerrorMessage(db->conn));
	if (!state || pg_conn_lost(state) || PQstatus(db->conn) != CONNECTION_OK) {
		db->broken = true;
		if (!state)
			pg_set_msg(db, "the connection to PostgreSQL was lost: ", PQerrorMessage(db->conn));
		return ERR_BUSY;
	}
	if (strncmp(state, "23", 2) == 0)
		return ERR_CONFLICT;
	if (strcmp(state, "40001") == 0 || strcmp(state, "40P01") == 0 || strcmp(state, "55P03") == 0 ||
	    strncmp(state, "53", 2) == 0)
		return ERR_BUSY;
	return ERR_IO;
}

/* Runs one fixed statement (or several, for a script) in simple protocol. */
static enum err pg_exec(struct pg_db *db, const char *sql)
{
	PGresult *res = PQexec(db->conn, sql);
	enum err e = pg_result_err(db, res);
	PQclear(res);
	return e;
}

static void pg_forget_prepared(struct pg_db *db)
{
	for (size_t i = 0; i < db->cap; i++)
		if (db->slots[i])
			db->slots[i]->prepared = false;
	if (db->built)
		db->built->prepared = false;
}

/* True when the server has closed the idle connection (a restart sends an
 * error and hangs up): the socket is readable and reading finds the end. */
static bool pg_idle_conn_lost(struct pg_db *db)
{
	if (PQstatus(db->conn) != CONNECTION_OK)
		return true;
	struct pollfd p = { .fd = PQsocket(db->conn), .events = POLLIN };
	if (p.fd < 0)
		return true;
	int n = poll(&p, 1, 0);
	if (n <= 0)
		return false;
	if (!PQconsumeInput(db->conn))
		return true;
	return PQstatus(db->conn) != CONNECTION_OK;
}

/* Makes the connection usable before a statement: inside a transaction a
 * lost connection stays lost (ERR_BUSY until rollback); outside one it is
 * reset, and every statement will be prepared again. */
static enum err pg_ready(struct pg_db *db)
{
	if (db->in_tx) {
		if (!db->broken)
			return OK;
		pg_set_msg(db, "", "the connection to PostgreSQL was lost during the transaction");
		return ERR_BUSY;
	}
	if (!db->broken && !pg_idle_conn_lost(db))
		return OK;
	PQreset(db->conn);
	pg_forget_prepared(db);
	if (PQstatus(db->conn) != CONNECTION_OK) {
		db->broken = true;
		pg_set_msg(db, "PostgreSQL is unreachable: ", PQerrorMessage(db->conn));
		return ERR_BUSY;
	}
	db->broken = false;
	return OK;
}

static void pg_stmt_free(struct pg_stmt *st)
{
	if (!st)
		return;
	PQclear(st->res);
	PQfreemem(st->blob);
	for (int i = 0; i < st->nparams; i++)
		free(st->bufs[i]);
	free(st->bufs);
	free(st->vals);
	free(st->caps);
	free(st);
}

static void pg_close(struct store_db *d)
{
	struct pg_db *db = pg_db_of(d);
	if (!db)
		return;
	for (size_t i = 0; i < db->cap; i++)
		pg_stmt_free(db->slots[i]);
	free(db->slots);
	pg_stmt_free(db->built);
	PQfinish(db->conn);
	free(db);
}

/* Notices ("relation already exists, skipping") are not errors and must
 * not reach stderr. */
static void pg_notice_ignore(void *arg, const char *message)
{
	(void)arg;
	(void)message;
}

/* The whole URL is libpq's; our defaults come first so the URL can change
 * them. A database in another encoding than UTF-8 would mangle æøå. */
static enum err pg_open(const char *url, bool create, struct store_db **out, char *errmsg,
			size_t errlen)
{
	(void)create;   /* the database is made by its administrator, not by us */
	const char *const keys[] = { "connect_timeout", "application_name", "client_encoding", "dbname", NULL };
	const char *const vals[] = { "5", "evne", "UTF8", url, NULL };
	struct pg_db *db = pg_xalloc(sizeof *db);
	db->next_name = PG_NAME_FIRST;
	db->conn = PQconnectdbParams(keys, vals, 1);
	if (!db->conn) {
		fputs("evne: out of memory\n", stderr);
		abort();
	}
	PQsetNoticeProcessor(db->conn, pg_notice_ignore, NULL);
	enum err e = OK;
	if (PQstatus(db->conn) != CONNECTION_OK) {
		pg_set_msg(db, "PostgreSQL: ", PQerrorMessage(db->conn));
		e = ERR_BUSY;
	} else {
		const char *enc = PQparameterStatus(db->conn, "server_encoding");
		if (!enc || strcmp(enc, "UTF8") != 0) {
			snprintf(db->msg, sizeof db->msg,
				 "PostgreSQL: the database's encoding is %s; evne needs UTF8", enc ? enc : "unknown");
			e = ERR_INVALID;
		}
	}
	if (e) {
		snprintf(errmsg, errlen, "%s", db->msg);
		pg_close((struct store_db *)db);
		return e;
	}
	*out = (struct store_db *)db;
	return OK;
}

static size_t pg_hash(const char *sql, size_t cap)
{
	uintptr_t h = (uintptr_t)sql;
	h ^= h >> 17;
	h *= (uintptr_t)0x9e3779b97f4a7c15u;
	return (size_t)(h >> 7) & (cap - 1);
}

static void pg_cache_put(struct pg_db *db, struct pg_stmt *st)
{
	if ((db->used + 1) * 2 > db->cap) {
		size_t ncap = db->cap ? db->cap * 2 : 64;
		struct pg_stmt **ns = pg_xalloc(ncap * sizeof *ns);
		for (size_t i = 0; i < db->cap; i++) {
			if (!db->slots[i])
				continue;
			size_t j = pg_hash(db->slots[i]->sql, ncap);
			while (ns[j])
				j = (j + 1) & (ncap - 1);
			ns[j] = db->slots[i];
		}
		free(db->slots);
		db->slots = ns;
		db->cap = ncap;
	}
	size_t j = pg_hash(st->sql, db->cap);
	while (db->slots[j])
		j = (j + 1) & (db->cap - 1);
	db->slots[j] = st;
	db->used++;
}

static struct pg_stmt *pg_cache_get(struct pg_db *db, const char *sql)
{
	if (!db->cap)
		return NULL;
	for (size_t j = pg_hash(sql, db->cap); db->slots[j]; j = (j + 1) & (db->cap - 1))
		if (db->slots[j]->sql == sql)
			return db->slots[j];
	return NULL;
}

/* Prepares st on the server; the first time also learns how many
 * parameters it has and makes room for them. */
static enum err pg_server_prepare(struct pg_db *db, struct pg_stmt *st)
{
	PGresult *res = PQprepare(db->conn, st->name, st->sql, 0, NULL);
	enum err e = pg_result_err(db, res);
	PQclear(res);
	if (e)
		return e;
	res = PQdescribePrepared(db->conn, st->name);
	if ((e = pg_result_err(db, res)) != OK) {
		PQclear(res);
		return e;
	}
	int n = PQnparams(res);
	PQclear(res);
	if (!st->vals) {
		st->nparams = n;
		st->vals = pg_xalloc((size_t)n * sizeof *st->vals);
		st->bufs = pg_xalloc((size_t)n * sizeof *st->bufs);
		st->caps = pg_xalloc((size_t)n * sizeof *st->caps);
	}
	st->prepared = true;
	return OK;
}

static struct pg_stmt *pg_stmt_new(struct pg_db *db, const char *sql, const char *name)
{
	struct pg_stmt *st = pg_xalloc(sizeof *st);
	st->db = db;
	st->sql = sql;
	if (name)
		snprintf(st->name, sizeof st->name, "%s", name);
	else
		snprintf(st->name, sizeof st->name, "evne_%u", db->next_name++);
	return st;
}

static enum err pg_prepare(struct store_db *d, const char *sql, struct store_stmt **out)
{
	struct pg_db *db = pg_db_of(d);
	enum err e = pg_ready(db);
	if (e)
		return e;
	struct pg_stmt *st = pg_cache_get(db, sql);
	bool fresh = !st;
	if (fresh)
		st = pg_stmt_new(db, sql, NULL);
	if (!st->prepared && (e = pg_server_prepare(db, st)) != OK) {
		if (fresh)
			pg_stmt_free(st);
		return e;
	}
	if (fresh)
		pg_cache_put(db, st);
	*out = (struct store_stmt *)st;
	return OK;
}

static enum err pg_bind(struct pg_stmt *st, int idx, const char *v)
{
	assert(idx >= 1 && idx <= st->nparams && "binding a placeholder the statement does not have");
	int i = idx - 1;
	if (!v) {
		st->vals[i] = NULL;
		return OK;
	}
	size_t n = strlen(v) + 1;
	if (n > st->caps[i]) {
		free(st->bufs[i]);
		st->bufs[i] = pg_xalloc(n);
		st->caps[i] = n;
	}
	memcpy(st->bufs[i], v, n);
	st->vals[i] = st->bufs[i];
	return OK;
}

static enum err pg_bind_int64(struct store_stmt *s, int idx, int64_t v)
{
	char num[24];
	snprintf(num, sizeof num, "%lld", (long long)v);
	return pg_bind(pg_stmt_of(s), idx, num);
}

static enum err pg_bind_text(struct store_stmt *s, int idx, const char *v)
{
	return pg_bind(pg_stmt_of(s), idx, v);
}

static enum err pg_bind_null(struct store_stmt *s, int idx)
{
	return pg_bind(pg_stmt_of(s), idx, NULL);
}

/* Bytes go as a text parameter in bytea's hex input form, "\\x" and two
 * hex digits a byte, so every parameter stays text (no per-parameter
 * formats to keep apart); it doubles the bytes on the wire only. */
static enum err pg_bind_blob(struct store_stmt *s, int idx, const void *p, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	struct pg_stmt *st = pg_stmt_of(s);
	assert(idx >= 1 && idx <= st->nparams && "binding a placeholder the statement does not have");
	int i = idx - 1;
	size_t need = 2 + 2 * n + 1;
	if (need > st->caps[i]) {
		free(st->bufs[i]);
		st->bufs[i] = pg_xalloc(need);
		st->caps[i] = need;
	}
	char *o = st->bufs[i];
	const unsigned char *b = p;
	*o++ = '\\';
	*o++ = 'x';
	for (size_t k = 0; k < n; k++) {
		*o++ = hex[b[k] >> 4];
		*o++ = hex[b[k] & 15];
	}
	*o = '\0';
	st->vals[i] = st->bufs[i];
	return OK;
}

static enum err pg_step(struct store_stmt *s, bool *row)
{
	struct pg_stmt *st = pg_stmt_of(s);
	struct pg_db *db = st->db;
	*row = false;
	if (!st->ran) {
		enum err e = OK;
		if (db->broken) {
			pg_set_msg(db, "", "the connection to PostgreSQL was lost");
			return ERR_BUSY;
		}
		/* Another statement's use may have reset the connection since. */
		if (!st->prepared && (e = pg_server_prepare(db, st)) != OK)
			return e;
		PGresult *res = PQexecPrepared(db->conn, st->name, st->nparams, (const char *const *)st->vals,
					       NULL, NULL, 0);
		if ((e = pg_result_err(db, res)) != OK) {
			PQclear(res);
			return e;
		}
		st->res = res;
		st->row = -1;
		st->nrows = PQntuples(res);
		st->changes = strtoll(PQcmdTuples(res), NULL, 10);
		st->ran = true;
	}
	if (st->row < st->nrows)
		st->row++;
	*row = st->row < st->nrows;
	return OK;
}

static int64_t pg_column_int64(struct store_stmt *s, int col)
{
	struct pg_stmt *st = pg_stmt_of(s);
	if (!st->res || st->row < 0 || st->row >= st->nrows || PQgetisnull(st->res, st->row, col))
		return 0;
	return strtoll(PQgetvalue(st->res, st->row, col), NULL, 10);
}

static const char *pg_column_text(struct store_stmt *s, int col)
{
	struct pg_stmt *st = pg_stmt_of(s);
	if (!st->res || st->row < 0 || st->row >= st->nrows || PQgetisnull(st->res, st->row, col))
		return NULL;
	return PQgetvalue(st->res, st->row, col);
}

static bool pg_column_is_null(struct store_stmt *s, int col)
{
	struct pg_stmt *st = pg_stmt_of(s);
	return !st->res || st->row < 0 || st->row >= st->nrows || PQgetisnull(st->res, st->row, col);
}

/* Results come as text: bytea in its output form (hex by default), which
 * PQunescapeBytea turns back into bytes whatever bytea_output is set to. */
static enum err pg_column_blob(struct store_stmt *s, int col, const void **p, size_t *n)
{
	struct pg_stmt *st = pg_stmt_of(s);
	PQfreemem(st->blob);
	st->blob = NULL;
	*p = NULL;
	*n = 0;
	if (!st->res || st->row < 0 || st->row >= st->nrows || PQgetisnull(st->res, st->row, col))
		return OK;
	st->blob = PQunescapeBytea((const unsigned char *)PQgetvalue(st->res, st->row, col), n);
	if (!st->blob) {
		pg_set_msg(st->db, "", "a bytea value could not be decoded");
		return ERR_IO;
	}
	*p = st->blob;
	return OK;
}

static void pg_reset(struct store_stmt *s)
{
	struct pg_stmt *st = pg_stmt_of(s);
	PQclear(st->res);
	st->res = NULL;
	PQfreemem(st->blob);
	st->blob = NULL;
	st->ran = false;
	st->row = st->nrows = 0;
	for (int i = 0; i < st->nparams; i++)
		st->vals[i] = NULL;
}

static int64_t pg_changes(struct store_stmt *s)
{
	return pg_stmt_of(s)->changes;
}

static enum err pg_exec_script(struct store_db *d, const char *sql)
{
	struct pg_db *db = pg_db_of(d);
	enum err e = pg_ready(db);
	return e ? e : pg_exec(db, sql);
}

static enum err pg_begin(struct store_db *d, bool write)
{
	struct pg_db *db = pg_db_of(d);
	enum err e = pg_ready(db);
	if (e)
		return e;
	e = pg_exec(db, write ? SQL_BEGIN_WRITE : SQL_BEGIN_READ);
	if (e) {
		/* BEGIN may have opened the transaction the lock wait then failed. */
		if (PQstatus(db->conn) == CONNECTION_OK && PQtransactionStatus(db->conn) != PQTRANS_IDLE) {
			PGresult *res = PQexec(db->conn, SQL_ROLLBACK);
			PQclear(res);
		}
		return e;
	}
	db->in_tx = true;
	return OK;
}

/* COMMIT of a transaction that failed earlier answers ROLLBACK, not an
 * error: that must not look like success. */
static enum err pg_commit(struct store_db *d)
{
	struct pg_db *db = pg_db_of(d);
	if (db->broken) {
		db->in_tx = false;
		pg_set_msg(db, "", "the connection to PostgreSQL was lost during the transaction");
		return ERR_BUSY;
	}
	PGresult *res = PQexec(db->conn, SQL_COMMIT);
	enum err e = pg_result_err(db, res);
	if (!e && strcmp(PQcmdStatus(res), "ROLLBACK") == 0) {
		pg_set_msg(db, "", "the transaction was rolled back after an earlier error");
		e = ERR_IO;
	}
	PQclear(res);
	db->in_tx = false;
	return e;
}

static void pg_rollback(struct store_db *d)
{
	struct pg_db *db = pg_db_of(d);
	db->in_tx = false;
	if (db->broken || PQstatus(db->conn) != CONNECTION_OK)
		return;
	PGTransactionStatusType ts = PQtransactionStatus(db->conn);
	if (ts == PQTRANS_INTRANS || ts == PQTRANS_INERROR) {
		PGresult *res = PQexec(db->conn, SQL_ROLLBACK);
		if (pg_result_err(db, res) == ERR_BUSY)
			db->broken = true;
		PQclear(res);
	}
}

static enum err pg_lock_schema(struct store_db *d)
{
	return pg_exec(pg_db_of(d), SQL_LOCK_SCHEMA);
}

static const char *pg_errmsg(struct store_db *d)
{
	struct pg_db *db = pg_db_of(d);
	return db->msg[0] ? db->msg : "no error";
}

static enum err pg_backup(struct store_db *d, const char *dest, char *errmsg, size_t errlen)
{
	(void)d;
	(void)dest;
	snprintf(errmsg, errlen, "use pg_dump for PostgreSQL backups");
	return ERR_INVALID;
}

/* ---- the generic table copy (evne copy) ---- */

/* The caller frees the statement with finalize before it prepares another. */
static enum err pg_prepare_built(struct store_db *d, const char *sql, struct store_stmt **out)
{
	struct pg_db *db = pg_db_of(d);
	assert(!db->built && "one built statement at a time");
	enum err e = pg_ready(db);
	if (e)
		return e;
	struct pg_stmt *st = pg_stmt_new(db, sql, "evne_built");
	if ((e = pg_server_prepare(db, st)) != OK) {
		pg_stmt_free(st);
		return e;
	}
	db->built = st;
	*out = (struct store_stmt *)st;
	return OK;
}

static void pg_finalize(struct store_stmt *s)
{
	struct pg_stmt *st = pg_stmt_of(s);
	struct pg_db *db = st->db;
	if (st->prepared && !db->broken && PQstatus(db->conn) == CONNECTION_OK &&
	    PQtransactionStatus(db->conn) != PQTRANS_INERROR)
		pg_exec(db, SQL_DEALLOCATE_BUILT);
	db->built = NULL;
	pg_stmt_free(st);
}

static enum err pg_table_names(struct store_db *d, struct arena *a, char ***out, int *n)
{
	struct store_stmt *s;
	enum err e = pg_prepare(d, SQL_TABLES, &s);
	if (e)
		return e;
	int len = 0, cap = 0;
	char **v = NULL;
	bool row;
	while (!(e = pg_step(s, &row)) && row) {
		if (!(v = store_grow(a, v, len, &cap, sizeof *v)) ||
		    !(v[len++] = arena_strdup(a, pg_column_text(s, 0)))) {
			e = ERR_TOO_BIG;
			break;
		}
	}
	pg_reset(s);
	if (!e) {
		*out = v;
		*n = len;
	}
	return e;
}

static enum err pg_table_info(struct store_db *d, struct arena *a, struct store_table *t)
{
	struct store_stmt *s;
	enum err e = pg_prepare(d, SQL_COLUMNS, &s);
	if (e)
		return e;
	pg_bind_text(s, 1, t->name);
	bool row;
	while (!(e = pg_step(s, &row)) && row) {
		const char *type = pg_column_text(s, 1);
		enum store_col_type ct = STORE_COL_TEXT;
		if (strcmp(type, "bigint") == 0 || strcmp(type, "integer") == 0 || strcmp(type, "smallint") == 0)
			ct = STORE_COL_INT;
		else if (strcmp(type, "bytea") == 0)
			ct = STORE_COL_BLOB;
		else if (strcmp(type, "text") != 0)
			ct = STORE_COL_OTHER;
		e = store_table_add_column(a, t, pg_column_text(s, 0), type, ct,
					   strcmp(pg_column_text(s, 2), "t") == 0,
					   strcmp(pg_column_text(s, 3), "t") == 0);
		if (e)
			break;
	}
	pg_reset(s);
	if (e || (e = pg_prepare(d, SQL_REFERENCES, &s)) != OK)
		return e;
	pg_bind_text(s, 1, t->name);
	while (!(e = pg_step(s, &row)) && row)
		if ((e = store_table_add_ref(a, t, pg_column_text(s, 0))) != OK)
			break;
	pg_reset(s);
	return e;
}

static enum err pg_load_begin(struct store_db *d)
{
	enum err e = pg_begin(d, true);
	if (!e && (e = pg_exec(pg_db_of(d), SQL_DEFER_KEYS)) != OK)
		pg_rollback(d);
	return e;
}

static enum err pg_load_check(struct store_db *d, char *why, size_t whylen)
{
	struct pg_db *db = pg_db_of(d);
	enum err e = pg_exec(db, SQL_CHECK_KEYS);
	if (e)
		snprintf(why, whylen, "%s", db->msg);
	return e;
}

static void pg_load_end(struct store_db *d)
{
	(void)d;   /* SET CONSTRAINTS ended with the transaction */
}

static enum err pg_set_identity(struct store_db *d, const char *table, const char *column, int64_t max)
{
	struct store_stmt *s;
	enum err e = pg_prepare(d, SQL_SET_IDENTITY, &s);
	if (e)
		return e;
	pg_bind_text(s, 1, table);
	pg_bind_text(s, 2, column);
	pg_bind_int64(s, 3, max);
	bool row;
	e = pg_step(s, &row);
	pg_reset(s);
	return e;
}

const struct store_ops pg_ops = {
	.name = "postgresql",
	.migrations = migrations_pg,
	.migrations_count = &migrations_pg_count,
	.open = pg_open,
	.close = pg_close,
	.prepare = pg_prepare,
	.bind_int64 = pg_bind_int64,
	.bind_text = pg_bind_text,
	.bind_null = pg_bind_null,
	.bind_blob = pg_bind_blob,
	.step = pg_step,
	.column_int64 = pg_column_int64,
	.column_text = pg_column_text,
	.column_is_null = pg_column_is_null,
	.column_blob = pg_column_blob,
	.reset = pg_reset,
	.changes = pg_changes,
	.exec_script = pg_exec_script,
	.begin = pg_begin,
	.commit = pg_commit,
	.rollback = pg_rollback,
	.lock_schema = pg_lock_schema,
	.errmsg = pg_errmsg,
	.backup = pg_backup,
	.binary_collation = "\"C\"",
	.truncate = true,
	.prepare_built = pg_prepare_built,
	.finalize = pg_finalize,
	.table_names = pg_table_names,
	.table_info = pg_table_info,
	.load_begin = pg_load_begin,
	.load_check = pg_load_check,
	.load_end = pg_load_end,
	.set_identity = pg_set_identity,
};
