/* sqlite.c — struct store_ops on SQLite. Each connection runs in WAL mode
 * with synchronous=FULL (an answered write survives SIGKILL and power loss),
 * reads through a 4 MiB page cache (no memory map), foreign keys on, a
 * five-second busy timeout, and the ICU collation "nb" registered so ORDER
 * BY name COLLATE nb sorts æ, ø, å last (people are sorted by a stored ICU
 * sort key instead, see people.c). Statements are prepared once per
 * connection and kept in a small hash table keyed by the address of their SQL constant; $N
 * placeholders are bound by name, so one SQL text serves SQLite and
 * PostgreSQL alike. */
#include "store/store_int.h"

#include <assert.h>
#include <stdatomic.h>
#include <errno.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/text.h"

struct sq_slot {
	const char *sql;
	sqlite3_stmt *st;
};

struct sq_db {
	sqlite3 *db;
	struct sq_slot *slots;   /* open addressing; cap is a power of two */
	size_t cap, used;
	bool write_cache;        /* cache_size is SQL_CACHE_WRITE's, not the read one */
	bool snapshot;           /* the open transaction is read_begin's */
	bool seen;               /* the two below are set (content_generation) */
	int64_t seen_data_version, seen_changes;
};

static const char SQL_BEGIN_READ[] = "BEGIN";
static const char SQL_BEGIN_WRITE[] = "BEGIN IMMEDIATE";
static const char SQL_COMMIT[] = "COMMIT";
static const char SQL_ROLLBACK[] = "ROLLBACK";
static const char SQL_JOURNAL_WAL[] = "PRAGMA journal_mode=WAL";
/* Reads go through each connection's page cache (pread from the OS's file
 * cache), not a memory map: SQLite maps the file once per connection, and
 * every mapped page a connection touched counted as RSS again in each
 * (4 server workers x a 53 MB database: 213 MiB of RssFile after make
 * bench), for no CPU gain measured here. The read cache is 4 MiB a
 * connection (a 64 MiB cache per server worker took evne serve to
 * 168 MiB). A write transaction gets 64 MiB for its span (SQL_CACHE_WRITE),
 * shrunk back at its end, so a bulk write (import, demo, copy) does not
 * spill dirty pages into the WAL mid-transaction and write them again,
 * while a server worker's small writes never fill it. Statement journals
 * and sorts stay in memory (on disk they cost a write per page per
 * statement in a long transaction); synchronous=FULL is kept (see
 * docs/internals/store.md). */
#define SQ_CACHE_READ "-4096"
static const char SQL_SETTINGS[] = "PRAGMA foreign_keys=ON; PRAGMA synchronous=FULL;"
				   " PRAGMA mmap_size=0; PRAGMA cache_size=" SQ_CACHE_READ ";"
				   " PRAGMA temp_store=MEMORY;";
static const char SQL_CACHE_WRITE[] = "PRAGMA cache_size=-65536";
static const char SQL_CACHE_READ[] = "PRAGMA cache_size=" SQ_CACHE_READ;
/* A read on the source starts the snapshot the backup copies. */
static const char SQL_BACKUP_SNAPSHOT[] = "BEGIN; SELECT count(*) FROM sqlite_schema;";

enum { SQ_BUSY_MS = 5000, SQ_BACKUP_PAGES = 256, SQ_BACKUP_WAIT_MS = 20 };

static struct sq_db *sq_db_of(struct store_db *d)
{
	return (struct sq_db *)d;
}

static sqlite3_stmt *sq_stmt_of(struct store_stmt *s)
{
	return (sqlite3_stmt *)s;
}

static enum err sq_err(int rc)
{
	switch (rc & 0xff) {
	case SQLITE_OK:
	case SQLITE_ROW:
	case SQLITE_DONE:
		return OK;
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return ERR_BUSY;
	case SQLITE_CONSTRAINT:
		return ERR_CONFLICT;
	default:
		return ERR_IO;
	}
}

static int sq_collate_nb(void *unused, int alen, const void *a, int blen, const void *b)
{
	(void)unused;
	return text_collate_nb(a, alen, b, blen);
}

/* The directory must exist: creating it would hide a mistyped path. */
static enum err sq_check_dir(const char *path, char *errmsg, size_t errlen)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return OK;
	size_t n = slash == path ? 1 : (size_t)(slash - path);
	char *dir = strndup(path, n);
	if (!dir) {
		fputs("evne: out of memory\n", stderr);
		abort();
	}
	struct stat sb;
	enum err e = OK;
	if (stat(dir, &sb) != 0) {
		snprintf(errmsg, errlen, "%s: the directory %s: %s", path, dir, strerror(errno));
		e = ERR_IO;
	} else if (!S_ISDIR(sb.st_mode)) {
		snprintf(errmsg, errlen, "%s: %s is not a directory", path, dir);
		e = ERR_IO;
	}
	free(dir);
	return e;
}

static void sq_close(struct store_db *d)
{
	struct sq_db *s = sq_db_of(d);
	if (!s)
		return;
	for (size_t i = 0; i < s->cap; i++)
		sqlite3_finalize(s->slots[i].st);
	free(s->slots);
	sqlite3_close(s->db);
	free(s);
}

static enum err sq_open(const char *path, bool create, struct store_db **out, char *errmsg,
		       size_t errlen)
{
	enum err e = sq_check_dir(path, errmsg, errlen);
	if (e)
		return e;
	struct stat sb;
	if (stat(path, &sb) == 0) {
		if (S_ISDIR(sb.st_mode)) {
			snprintf(errmsg, errlen, "%s: is a directory", path);
			return ERR_INVALID;
		}
	} else if (!create) {
		int no = errno;
		snprintf(errmsg, errlen, "%s: %s", path, strerror(no));
		return no == ENOENT ? ERR_NOTFOUND : ERR_IO;
	}
	struct sq_db *s = calloc(1, sizeof *s);
	if (!s) {
		fputs("evne: out of memory\n", stderr);
		abort();
	}
	int rc = sqlite3_open_v2(path, &s->db,
				 SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0) | SQLITE_OPEN_NOMUTEX,
				 NULL);
	if (rc != SQLITE_OK) {
		snprintf(errmsg, errlen, "%s: %s", path, s->db ? sqlite3_errmsg(s->db) : sqlite3_errstr(rc));
		e = sq_err(rc) ? sq_err(rc) : ERR_IO;
		goto fail;
	}
	sqlite3_extended_result_codes(s->db, 1);
	sqlite3_busy_timeout(s->db, SQ_BUSY_MS);
	rc = sqlite3_create_collation_v2(s->db, "nb", SQLITE_UTF8, NULL, sq_collate_nb, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(s->db, SQL_SETTINGS, NULL, NULL, NULL);
	if (rc != SQLITE_OK) {
		snprintf(errmsg, errlen, "%s: %s", path, sqlite3_errmsg(s->db));
		e = sq_err(rc);
		goto fail;
	}
	/* journal_mode answers the mode it ended in; a file system without
	 * shared memory stays in another mode, and we want to know. */
	sqlite3_stmt *st = NULL;
	rc = sqlite3_prepare_v2(s->db, SQL_JOURNAL_WAL, -1, &st, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_step(st);
	const char *mode = rc == SQLITE_ROW ? (const char *)sqlite3_column_text(st, 0) : NULL;
	if (!mode || strcmp(mode, "wal") != 0) {
		if (rc == SQLITE_ROW)
			snprintf(errmsg, errlen, "%s: WAL mode is not available here (got %s)", path,
				 mode ? mode : "nothing");
		else
			snprintf(errmsg, errlen, "%s: %s", path, sqlite3_errmsg(s->db));
		e = rc == SQLITE_ROW ? ERR_IO : sq_err(rc);
		sqlite3_finalize(st);
		goto fail;
	}
	sqlite3_finalize(st);
	*out = (struct store_db *)s;
	return OK;
fail:
	sq_close((struct store_db *)s);
	return e;
}

static size_t sq_hash(const char *sql, size_t cap)
{
	uintptr_t h = (uintptr_t)sql;
	h ^= h >> 17;
	h *= (uintptr_t)0x9e3779b97f4a7c15u;
	return (size_t)(h >> 7) & (cap - 1);
}

static void sq_cache_put(struct sq_db *s, const char *sql, sqlite3_stmt *st)
{
	if ((s->used + 1) * 2 > s->cap) {
		size_t ncap = s->cap ? s->cap * 2 : 64;
		struct sq_slot *ns = calloc(ncap, sizeof *ns);
		if (!ns) {
			fputs("evne: out of memory\n", stderr);
			abort();
		}
		for (size_t i = 0; i < s->cap; i++) {
			if (!s->slots[i].sql)
				continue;
			size_t j = sq_hash(s->slots[i].sql, ncap);
			while (ns[j].sql)
				j = (j + 1) & (ncap - 1);
			ns[j] = s->slots[i];
		}
		free(s->slots);
		s->slots = ns;
		s->cap = ncap;
	}
	size_t j = sq_hash(sql, s->cap);
	while (s->slots[j].sql)
		j = (j + 1) & (s->cap - 1);
	s->slots[j].sql = sql;
	s->slots[j].st = st;
	s->used++;
}

static enum err sq_prepare(struct store_db *d, const char *sql, struct store_stmt **out)
{
	struct sq_db *s = sq_db_of(d);
	if (s->cap) {
		for (size_t j = sq_hash(sql, s->cap); s->slots[j].sql; j = (j + 1) & (s->cap - 1)) {
			if (s->slots[j].sql == sql) {
				*out = (struct store_stmt *)s->slots[j].st;
				return OK;
			}
		}
	}
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL);
	if (rc != SQLITE_OK)
		return sq_err(rc) ? sq_err(rc) : ERR_IO;
	sq_cache_put(s, sql, st);
	*out = (struct store_stmt *)st;
	return OK;
}

/* $idx may appear several times in the SQL; SQLite gives it one slot.
 * Slots are numbered in order of first appearance, so slot idx is usually
 * "$idx" itself: that is checked without formatting the name (a bulk
 * write binds hundreds of thousands of values). */
static int sq_param(sqlite3_stmt *st, int idx)
{
	const char *at = sqlite3_bind_parameter_name(st, idx);
	if (at && at[0] == '$') {
		int v = 0;
		for (const char *d = at + 1; *d >= '0' && *d <= '9' && v < 100000; d++)
			v = v * 10 + (*d - '0');
		if (v == idx)
			return idx;
	}
	char name[16];
	snprintf(name, sizeof name, "$%d", idx);
	int i = sqlite3_bind_parameter_index(st, name);
	assert(i > 0 && "binding a placeholder the statement does not have");
	return i;
}

static enum err sq_bind_int64(struct store_stmt *s, int idx, int64_t v)
{
	sqlite3_stmt *st = sq_stmt_of(s);
	return sq_err(sqlite3_bind_int64(st, sq_param(st, idx), v));
}

static enum err sq_bind_text(struct store_stmt *s, int idx, const char *v)
{
	sqlite3_stmt *st = sq_stmt_of(s);
	return sq_err(sqlite3_bind_text(st, sq_param(st, idx), v, -1, SQLITE_TRANSIENT));
}

static enum err sq_bind_null(struct store_stmt *s, int idx)
{
	sqlite3_stmt *st = sq_stmt_of(s);
	return sq_err(sqlite3_bind_null(st, sq_param(st, idx)));
}

static enum err sq_bind_blob(struct store_stmt *s, int idx, const void *p, size_t n)
{
	sqlite3_stmt *st = sq_stmt_of(s);
	/* sqlite3_bind_blob binds NULL for a NULL pointer; empty is zeroblob */
	if (n == 0)
		return sq_err(sqlite3_bind_zeroblob(st, sq_param(st, idx), 0));
	return sq_err(sqlite3_bind_blob64(st, sq_param(st, idx), p, (sqlite3_uint64)n, SQLITE_TRANSIENT));
}

static enum err sq_step(struct store_stmt *s, bool *row)
{
	int rc = sqlite3_step(sq_stmt_of(s));
	*row = rc == SQLITE_ROW;
	if (rc == SQLITE_ROW || rc == SQLITE_DONE)
		return OK;
	enum err e = sq_err(rc);
	return e ? e : ERR_IO;
}

static int64_t sq_column_int64(struct store_stmt *s, int col)
{
	return sqlite3_column_int64(sq_stmt_of(s), col);
}

static const char *sq_column_text(struct store_stmt *s, int col)
{
	return (const char *)sqlite3_column_text(sq_stmt_of(s), col);
}

static bool sq_column_is_null(struct store_stmt *s, int col)
{
	return sqlite3_column_type(sq_stmt_of(s), col) == SQLITE_NULL;
}

static enum err sq_column_blob(struct store_stmt *s, int col, const void **p, size_t *n)
{
	sqlite3_stmt *st = sq_stmt_of(s);
	*p = sqlite3_column_blob(st, col);
	int len = sqlite3_column_bytes(st, col);
	*n = len > 0 ? (size_t)len : 0;
	return *p || *n == 0 ? OK : ERR_TOO_BIG;
}

static void sq_reset(struct store_stmt *s)
{
	sqlite3_reset(sq_stmt_of(s));
	sqlite3_clear_bindings(sq_stmt_of(s));
}

static int64_t sq_changes(struct store_stmt *s)
{
	return sqlite3_changes64(sqlite3_db_handle(sq_stmt_of(s)));
}

static int64_t sq_last_insert_id(struct store_db *d)
{
	return sqlite3_last_insert_rowid(sq_db_of(d)->db);
}

static enum err sq_exec_script(struct store_db *d, const char *sql)
{
	int rc = sqlite3_exec(sq_db_of(d)->db, sql, NULL, NULL, NULL);
	return rc == SQLITE_OK ? OK : sq_err(rc) ? sq_err(rc) : ERR_IO;
}

/* Runs one of the fixed transaction statements through the cache. */
static enum err sq_run(struct store_db *d, const char *sql)
{
	struct store_stmt *st;
	enum err e = sq_prepare(d, sql, &st);
	if (e)
		return e;
	int rc = sqlite3_step(sq_stmt_of(st));
	e = rc == SQLITE_DONE ? OK : sq_err(rc) ? sq_err(rc) : ERR_IO;
	sqlite3_reset(sq_stmt_of(st));
	return e;
}

/* The content generation (store_content_generation). Triggers would keep
 * a counter in the file, but on SQLite a trigger on people made every
 * insert keep a statement journal: +20 % CPU for `evne import` of 100 000
 * people. Instead each connection watches two things at the start of each
 * request: PRAGMA data_version, which changes when any other connection,
 * in this process or another (evne import, the sqlite3 shell), has
 * committed, and its own total of changed rows. When either moved since the
 * connection last looked, the process's epoch moves, and the epoch is the
 * generation. Every commit is thus seen by each connection at its next
 * request, before that request reads anything else, which is what a cache
 * labelled with the generation needs. A change of sessions or log-in
 * failures (unlike on PostgreSQL, whose triggers tell the tables apart)
 * moves it too: a log-in empties the page cache. One epoch for all SQLite
 * databases of the process: a second database (tests, evne copy) can only
 * cause extra misses. */
static _Atomic int64_t sq_epoch = 1;
static const char SQL_DATA_VERSION[] = "PRAGMA data_version";

static enum err sq_content_generation(struct store_db *d, int64_t *out)
{
	struct sq_db *s = sq_db_of(d);
	struct store_stmt *st;
	enum err e = sq_prepare(d, SQL_DATA_VERSION, &st);
	if (e)
		return e;
	int rc = sqlite3_step(sq_stmt_of(st));
	int64_t version = rc == SQLITE_ROW ? sqlite3_column_int64(sq_stmt_of(st), 0) : 0;
	sqlite3_reset(sq_stmt_of(st));
	if (rc != SQLITE_ROW)
		return sq_err(rc) ? sq_err(rc) : ERR_IO;
	int64_t changes = sqlite3_total_changes64(s->db);
	if (!s->seen || version != s->seen_data_version || changes != s->seen_changes) {
		s->seen = true;
		s->seen_data_version = version;
		s->seen_changes = changes;
		*out = atomic_fetch_add(&sq_epoch, 1) + 1;
		return OK;
	}
	*out = atomic_load(&sq_epoch);
	return OK;
}

/* The cache pragmas are run only when the size changes: a PRAGMA that
 * sets something is prepared again on every run (it expires itself), which
 * cost two parses per request when every request's end shrank the cache. */
static void sq_cache_read(struct sq_db *s)
{
	if (s->write_cache && sq_run((struct store_db *)s, SQL_CACHE_READ) == OK)
		s->write_cache = false;
}

static enum err sq_begin(struct store_db *d, bool write)
{
	struct sq_db *s = sq_db_of(d);
	/* A write ends the request's read snapshot first: its reads were
	 * autocommit ones before the snapshot existed, so nothing changes for
	 * them, and upgrading a read transaction could fail half-way. */
	if (s->snapshot) {
		s->snapshot = false;
		if (!sqlite3_get_autocommit(s->db))
			sq_run(d, SQL_COMMIT);
	}
	enum err e = sq_run(d, write ? SQL_BEGIN_WRITE : SQL_BEGIN_READ);
	if (!e && write && !s->write_cache && sq_run(d, SQL_CACHE_WRITE) == OK)
		s->write_cache = true;   /* a failure only leaves the smaller cache */
	return e;
}

/* One read transaction for a request's reads (ended by begin, commit or
 * rollback): each autocommit SELECT otherwise opens and closes its own,
 * with the WAL index's read lock taken and dropped (fcntl) every time. */
static enum err sq_read_begin(struct store_db *d)
{
	struct sq_db *s = sq_db_of(d);
	if (!sqlite3_get_autocommit(s->db))
		return OK;
	enum err e = sq_run(d, SQL_BEGIN_READ);
	s->snapshot = e == OK;
	return e;
}

static enum err sq_commit(struct store_db *d)
{
	struct sq_db *s = sq_db_of(d);
	enum err e = sq_run(d, SQL_COMMIT);
	if (sqlite3_get_autocommit(s->db)) {
		s->snapshot = false;
		sq_cache_read(s);
	}
	return e;
}

static void sq_rollback(struct store_db *d)
{
	struct sq_db *s = sq_db_of(d);
	/* Some errors end the transaction on their own; ROLLBACK then fails. */
	if (!sqlite3_get_autocommit(s->db))
		sq_run(d, SQL_ROLLBACK);
	s->snapshot = false;
	sq_cache_read(s);
}

static const char *sq_errmsg(struct store_db *d)
{
	return sqlite3_errmsg(sq_db_of(d)->db);
}

/* Copies page by page under one read snapshot of the source, so writers go
 * on meanwhile and the copy is consistent; the copy is written beside dest
 * and renamed over it only when complete. */
static enum err sq_backup(struct store_db *d, const char *dest, char *errmsg, size_t errlen)
{
	struct sq_db *s = sq_db_of(d);
	enum err e = sq_check_dir(dest, errmsg, errlen);
	if (e)
		return e;
	size_t n = strlen(dest) + sizeof ".part";
	char *part = malloc(n);
	if (!part) {
		fputs("evne: out of memory\n", stderr);
		abort();
	}
	snprintf(part, n, "%s.part", dest);
	remove(part);
	sqlite3 *out = NULL;
	sqlite3_backup *b = NULL;
	int rc = sqlite3_open_v2(part, &out, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
	if (rc != SQLITE_OK) {
		snprintf(errmsg, errlen, "%s: %s", part, out ? sqlite3_errmsg(out) : sqlite3_errstr(rc));
		goto out;
	}
	rc = sqlite3_exec(s->db, SQL_BACKUP_SNAPSHOT, NULL, NULL, NULL);
	if (rc != SQLITE_OK) {
		snprintf(errmsg, errlen, "reading the database: %s", sqlite3_errmsg(s->db));
		goto out;
	}
	b = sqlite3_backup_init(out, "main", s->db, "main");
	if (!b) {
		rc = sqlite3_errcode(out);
		snprintf(errmsg, errlen, "%s: %s", part, sqlite3_errmsg(out));
		goto out;
	}
	do {
		rc = sqlite3_backup_step(b, SQ_BACKUP_PAGES);
		if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
			sqlite3_sleep(SQ_BACKUP_WAIT_MS);
	} while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
	sqlite3_backup_finish(b);
	if (rc != SQLITE_DONE) {
		snprintf(errmsg, errlen, "%s: %s", part, sqlite3_errmsg(out));
		goto out;
	}
	rc = sqlite3_close(out);
	out = NULL;
	if (rc != SQLITE_OK) {
		snprintf(errmsg, errlen, "%s: %s", part, sqlite3_errstr(rc));
		goto out;
	}
	if (rename(part, dest) != 0) {
		snprintf(errmsg, errlen, "%s: %s", dest, strerror(errno));
		rc = SQLITE_IOERR;
		goto out;
	}
	rc = SQLITE_OK;
out:
	sq_rollback(d);
	if (out)
		sqlite3_close(out);
	if (rc != SQLITE_OK)
		remove(part);
	free(part);
	e = sq_err(rc);
	return rc != SQLITE_OK && !e ? ERR_IO : e;
}

/* ---- the generic table copy (evne copy) ---- */

static const char SQL_TABLES[] =
	"SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
	" AND name <> 'schema_migrations' ORDER BY name";
/* Columns in order: name, declared type, part of the primary key; a lone
 * INTEGER primary key is the rowid, SQLite's generated id. */
static const char SQL_COLUMNS[] =
	"SELECT name, type, pk > 0, type = 'INTEGER' AND pk = 1"
	" AND (SELECT count(*) FROM pragma_table_info($1) WHERE pk > 0) = 1"
	" FROM pragma_table_info($1) ORDER BY cid";
static const char SQL_REFERENCES[] = "SELECT DISTINCT \"table\" FROM pragma_foreign_key_list($1)";
/* Foreign keys are off for a load (on is the connection's normal state) and
 * proved at its end by foreign_key_check. */
static const char SQL_KEYS_OFF[] = "PRAGMA foreign_keys=OFF";
static const char SQL_KEYS_ON[] = "PRAGMA foreign_keys=ON";
static const char SQL_KEYS_CHECK[] = "SELECT \"table\" FROM pragma_foreign_key_check LIMIT 1";

static enum err sq_prepare_built(struct store_db *d, const char *sql, struct store_stmt **out)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(sq_db_of(d)->db, sql, -1, &st, NULL);
	if (rc != SQLITE_OK)
		return sq_err(rc) ? sq_err(rc) : ERR_IO;
	*out = (struct store_stmt *)st;
	return OK;
}

static void sq_finalize(struct store_stmt *s)
{
	sqlite3_finalize(sq_stmt_of(s));
}

static enum err sq_table_names(struct store_db *d, struct arena *a, char ***out, int *n)
{
	struct store_stmt *st;
	enum err e = sq_prepare(d, SQL_TABLES, &st);
	if (e)
		return e;
	int len = 0, cap = 0;
	char **v = NULL;
	bool row;
	while (!(e = sq_step(st, &row)) && row) {
		if (!(v = store_grow(a, v, len, &cap, sizeof *v)) ||
		    !(v[len++] = arena_strdup(a, sq_column_text(st, 0)))) {
			e = ERR_TOO_BIG;
			break;
		}
	}
	sq_reset(st);
	if (!e) {
		*out = v;
		*n = len;
	}
	return e;
}

static enum err sq_table_info(struct store_db *d, struct arena *a, struct store_table *t)
{
	struct store_stmt *st;
	enum err e = sq_prepare(d, SQL_COLUMNS, &st);
	if (e)
		return e;
	sq_bind_text(st, 1, t->name);
	bool row;
	while (!(e = sq_step(st, &row)) && row) {
		const char *type = sq_column_text(st, 1);
		enum store_col_type ct = strcmp(type, "INTEGER") == 0 ? STORE_COL_INT
				       : strcmp(type, "TEXT") == 0  ? STORE_COL_TEXT
				       : strcmp(type, "BLOB") == 0  ? STORE_COL_BLOB
								    : STORE_COL_OTHER;
		e = store_table_add_column(a, t, sq_column_text(st, 0), type, ct, sq_column_int64(st, 2) != 0,
					   sq_column_int64(st, 3) != 0);
		if (e)
			break;
	}
	sq_reset(st);
	if (e || (e = sq_prepare(d, SQL_REFERENCES, &st)) != OK)
		return e;
	sq_bind_text(st, 1, t->name);
	while (!(e = sq_step(st, &row)) && row)
		if ((e = store_table_add_ref(a, t, sq_column_text(st, 0))) != OK)
			break;
	sq_reset(st);
	return e;
}

/* The pragma takes effect only outside a transaction, so it comes first. */
static enum err sq_load_begin(struct store_db *d)
{
	enum err e = sq_exec_script(d, SQL_KEYS_OFF);
	if (!e && (e = sq_begin(d, true)) != OK)
		sq_exec_script(d, SQL_KEYS_ON);
	return e;
}

static enum err sq_load_check(struct store_db *d, char *why, size_t whylen)
{
	struct sq_db *s = sq_db_of(d);
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(s->db, SQL_KEYS_CHECK, -1, &st, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_step(st);
	enum err e = OK;
	if (rc == SQLITE_ROW) {
		snprintf(why, whylen, "a row of %s references a row that is not there",
			 (const char *)sqlite3_column_text(st, 0));
		e = ERR_CONFLICT;
	} else if (rc != SQLITE_DONE) {
		snprintf(why, whylen, "%s", sqlite3_errmsg(s->db));
		e = sq_err(rc) ? sq_err(rc) : ERR_IO;
	}
	sqlite3_finalize(st);
	return e;
}

static void sq_load_end(struct store_db *d)
{
	sq_exec_script(d, SQL_KEYS_ON);
}

const struct store_ops sq_ops = {
	.name = "sqlite",
	.migrations = migrations_sqlite,
	.migrations_count = &migrations_sqlite_count,
	.open = sq_open,
	.close = sq_close,
	.prepare = sq_prepare,
	.bind_int64 = sq_bind_int64,
	.bind_text = sq_bind_text,
	.bind_null = sq_bind_null,
	.bind_blob = sq_bind_blob,
	.step = sq_step,
	.column_int64 = sq_column_int64,
	.column_text = sq_column_text,
	.column_is_null = sq_column_is_null,
	.column_blob = sq_column_blob,
	.reset = sq_reset,
	.changes = sq_changes,
	.last_insert_id = sq_last_insert_id,
	.exec_script = sq_exec_script,
	.begin = sq_begin,
	.commit = sq_commit,
	.rollback = sq_rollback,
	.read_begin = sq_read_begin,
	.content_generation = sq_content_generation,
	.lock_schema = NULL,
	.errmsg = sq_errmsg,
	.backup = sq_backup,
	.binary_collation = "BINARY",
	.truncate = false,
	.prepare_built = sq_prepare_built,
	.finalize = sq_finalize,
	.table_names = sq_table_names,
	.table_info = sq_table_info,
	.load_begin = sq_load_begin,
	.load_check = sq_load_check,
	.load_end = sq_load_end,
	.set_identity = NULL,
};
