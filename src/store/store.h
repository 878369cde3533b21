/* store.h — the one storage interface. Callers speak in domain terms; the SQL
 * lives in the store/ files as constants with $n placeholders that both backends run
 * (sqlite/ today, pg/ next), behind struct store_ops in store_int.h.
 *
 * Connections come from a pool (one per server worker). Functions that take
 * an arena put every returned string in it. Writes happen inside
 * store_begin(c, true) ... store_commit(c); any error -> store_rollback(c).
 * Errors: ERR_NOTFOUND, ERR_CONFLICT (unique or foreign key), ERR_BUSY
 * (locked or unreachable), ERR_IO (anything else; store_errmsg says what). */
#ifndef EVNE_STORE_H
#define EVNE_STORE_H

#include <stdbool.h>
#include <stdint.h>
#include "base/arena.h"
#include "base/err.h"
#include "domain/types.h"

struct store;
struct store_conn;

/* url: a file path, "sqlite:PATH", or a libpq URI "postgresql://..." (or
 * "postgres://..."). Opens pool_size connections and applies pending
 * migrations when migrate is true (under a lock, so several servers may start
 * at once). An unreachable PostgreSQL gives ERR_BUSY. */
enum err store_open(const char *url, int pool_size, bool migrate, struct store **out,
		    char *errmsg, size_t errlen);
void store_close(struct store *s);
/* url with any password replaced by ***, for messages and logs. */
char *store_url_display(struct arena *a, const char *url);
struct store_conn *store_acquire(struct store *s);   /* blocks until one is free */
void store_release(struct store *s, struct store_conn *c);
const char *store_errmsg(struct store_conn *c);
int store_schema_version(struct store_conn *c);

enum err store_begin(struct store_conn *c, bool write);
enum err store_commit(struct store_conn *c);
void store_rollback(struct store_conn *c);   /* no-op when no transaction is open */
/* The reads that follow share one snapshot (SQLite: one read transaction
 * instead of one per statement; PostgreSQL: nothing), until store_begin
 * (which ends it first), store_commit or store_rollback. For a request's
 * reads; a long-lived snapshot would hold back the WAL's checkpoint. */
enum err store_read_begin(struct store_conn *c);
/* A consistent copy of the live database into the file dest (SQLite only;
 * PostgreSQL gives ERR_INVALID: use pg_dump). */
enum err store_backup(struct store *s, const char *dest, char *errmsg, size_t errlen);
enum err store_ping(struct store_conn *c);
/* The content generation: a number that changes after every committed
 * transaction writing content, whoever wrote it (another evne server, evne
 * import, an operator in psql or the sqlite3 shell). PostgreSQL: a counter
 * its triggers bump once per transaction (migration 011; sessions and log-in
 * failures do not count). SQLite: an epoch of the process that moves when
 * the connection sees that anything was committed since its last look (see
 * store/sqlite/sqlite.c; a log-in moves it too). For a response cache: read
 * it first after store_read_begin, before any other read, label what the
 * request renders with it, and serve the entry only while it is unchanged.
 * Read first, a label is never newer than the content under it. Compare
 * only: how much it moves per write differs between the backends. */
enum err store_content_generation(struct store_conn *c, int64_t *out);

/* ---- users and log-in ---- */
enum err store_user_insert(struct store_conn *c, struct user *u);   /* sets u->id */
enum err store_user_update(struct store_conn *c, const struct user *u);
enum err store_user_by_email(struct store_conn *c, struct arena *a, const char *email, struct user *out);
enum err store_user_by_id(struct store_conn *c, struct arena *a, int64_t id, struct user *out);
enum err store_user_by_person(struct store_conn *c, struct arena *a, int64_t person_id, struct user *out);
enum err store_user_list(struct store_conn *c, struct arena *a, struct user **out, int *n);
enum err store_user_set_lang(struct store_conn *c, int64_t id, const char *lang);
/* An account with the name and employee number of its linked person (both
 * NULL when none), for the administrator's list. */
struct user_listing {
	struct user user;        /* password_hash is not read: NULL */
	char *person_name;
	char *person_number;
};
/* Every account, by name in Norwegian order, then id. */
enum err store_user_listing(struct store_conn *c, struct arena *a, struct user_listing **out, int *n);
/* Sets the argon2id hash of a new password; ERR_NOTFOUND when no such user. */
enum err store_user_set_password(struct store_conn *c, int64_t id, const char *password_hash);
/* Ends every session of user_id except the one with token hash keep_hash
 * (NULL: ends them all), as when a password changes or an account closes. */
enum err store_session_delete_user(struct store_conn *c, int64_t user_id, const char *keep_hash);

/* Sessions: only a hash of the token is stored. */
enum err store_session_insert(struct store_conn *c, const char *token_hash, int64_t user_id,
			      const char *csrf, int64_t now, int64_t expires);
/* Finds a live session (expires > now); ERR_NOTFOUND otherwise. */
enum err store_session_get(struct store_conn *c, struct arena *a, const char *token_hash,
			   int64_t now, int64_t *user_id, char **csrf);
enum err store_session_touch(struct store_conn *c, const char *token_hash, int64_t expires);
enum err store_session_delete(struct store_conn *c, const char *token_hash);
enum err store_session_purge(struct store_conn *c, int64_t now);

enum err store_token_insert(struct store_conn *c, int64_t user_id, const char *label,
			    const char *token_hash, int64_t now);
enum err store_token_lookup(struct store_conn *c, const char *token_hash, int64_t *user_id);

/* Failed log-ins by key ("acct:EMAIL" or "addr:IP"), kept in the database so
 * several servers share them. */
enum err store_login_failure_add(struct store_conn *c, const char *key, int64_t now);
enum err store_login_failures_since(struct store_conn *c, const char *key, int64_t since, int *count);
enum err store_login_failures_clear(struct store_conn *c, const char *key);

/* ---- units ---- */
enum err store_unit_get(struct store_conn *c, struct arena *a, int64_t id, struct unit *out);
enum err store_unit_by_code(struct store_conn *c, struct arena *a, const char *code, struct unit *out);
/* All units in tree order: each parent before its children, siblings in
 * Norwegian order of name; depth, leader_name, people_count, child_count set. */
enum err store_unit_tree(struct store_conn *c, struct arena *a, struct unit **out, int *n);
/* The direct sub-units of parent_id, in Norwegian order of name (then id);
 * fields as store_unit_tree's, depth 1. */
enum err store_unit_children(struct store_conn *c, struct arena *a, int64_t parent_id,
			     struct unit **out, int *n);
enum err store_unit_insert(struct store_conn *c, struct unit *u);   /* sets u->id */
enum err store_unit_update(struct store_conn *c, const struct unit *u);
enum err store_unit_delete(struct store_conn *c, int64_t id);
/* Units led by person_id, with all their sub-units; sorted ascending, unique. */
enum err store_units_led_by(struct store_conn *c, struct arena *a, int64_t person_id,
			    int64_t **ids, int *n);
enum err store_unit_count(struct store_conn *c, int64_t *n);

/* ---- people ---- */
struct person_query {
	const char *text;        /* words matched case-insensitively (æøå too) at word starts of
				    name, or e-mail / employee number prefix; NULL: all */
	int64_t unit_id;         /* 0: any unit */
	bool include_inactive;
	const char *after_name;  /* keyset cursor: continue after (name, id) */
	int64_t after_id;
	int limit;               /* 1..500 */
};
/* Ordered by name in Norwegian collation, then id. */
enum err store_people_list(struct store_conn *c, struct arena *a, const struct person_query *q,
			   struct person **out, int *n);
enum err store_person_get(struct store_conn *c, struct arena *a, int64_t id, struct person *out);
/* A person's unit (0: none) and whether active, for every request's actor
 * (store_person_get reads the unit's and the account's rows too). */
enum err store_person_unit_active(struct store_conn *c, int64_t id, int64_t *unit_id, bool *active);
enum err store_person_by_number(struct store_conn *c, struct arena *a, const char *number,
				struct person *out);
enum err store_person_insert(struct store_conn *c, struct person *p);   /* sets p->id */
enum err store_person_update(struct store_conn *c, const struct person *p);
enum err store_person_count(struct store_conn *c, int64_t *n);
/* Bulk mode for many person writes in one write transaction (import, demo):
 * between begin and end, store_person_insert/update keep each person's
 * search words and the units' active-count changes in memory, and end
 * writes the words in key order and each unit's count once. Nothing in
 * between may read person_words (search) or units.active_people. end
 * frees the batch whatever happens (on an error the caller rolls back);
 * drop frees it unwritten (store_rollback does too; a commit with the
 * batch still open fails). begin while on: ERR_INVALID. */
enum err store_people_bulk_begin(struct store_conn *c);
enum err store_people_bulk_end(struct store_conn *c);
void store_people_bulk_drop(struct store_conn *c);

/* ---- audit ---- */
enum err store_audit_insert(struct store_conn *c, int64_t at, int64_t user_id, const char *entity,
			    int64_t entity_id, const char *action, const char *changes_json);
struct audit_query {
	const char *entity;      /* NULL: all */
	int64_t entity_id;       /* 0: all */
	int64_t before_id;       /* keyset cursor: entries with id < before_id; 0: newest */
	int limit;
};
/* Newest first. */
enum err store_audit_list(struct store_conn *c, struct arena *a, const struct audit_query *q,
			  struct audit_entry **out, int *n);

/* ---- whole-installation copy (evne copy), generic over the schema ----
 * Tables and columns are read from the database's own catalogue, so a table
 * a migration adds is copied without code changes. Columns hold integers,
 * text or bytes (BLOB / bytea: uploaded documents); any other type is
 * refused by store_tables with a message. */
enum store_col_type { STORE_COL_INT, STORE_COL_TEXT, STORE_COL_BLOB, STORE_COL_OTHER };
struct store_column {
	char *name;
	char *decl;              /* the type as the database names it */
	enum store_col_type type;
	bool pk;                 /* part of the primary key */
	bool identity;           /* a generated id (its sequence is moved after a copy) */
};
struct store_table {
	char *name;
	struct store_column *cols;
	int ncols, cols_cap;
	char **refs;             /* the tables its foreign keys reference */
	int nrefs, refs_cap;
};
/* Every table except schema_migrations and content_generation (each
 * database's own counter, moved by the target's triggers as the copy
 * writes), each after the tables it references;
 * a cycle (units and people reference each other) is cut where it closes,
 * which is safe because loading defers the foreign keys. */
enum err store_tables(struct store_conn *c, struct arena *a, struct store_table **out, int *n);
/* Rows in t (the target's emptiness check). */
enum err store_table_count(struct store_conn *c, struct arena *a, const struct store_table *t, int64_t *n);
/* Opens the one write transaction of a load with foreign keys checked only
 * at store_load_finish; with clear, first empties all n tables. */
enum err store_load_begin(struct store_conn *c, struct arena *a, const struct store_table *t, int n,
			  bool clear);
/* Reads t's rows from src (in a read transaction there, for one snapshot),
 * inserts them with their ids into dst, and gives their count and digest
 * (as store_table_digest computes it). progress, when set, is called every
 * few thousand rows with the count so far. */
enum err store_load_table(struct store_conn *src, struct store_conn *dst, struct arena *a,
			  const struct store_table *t, int64_t *rows, char digest[65],
			  void (*progress)(void *ctx, int64_t rows), void *progress_ctx);
/* Checks the foreign keys and moves id sequences past the copied ids; the
 * caller then commits (or rolls back) and calls store_load_end. */
enum err store_load_finish(struct store_conn *c, struct arena *a, const struct store_table *t, int n);
void store_load_end(struct store_conn *c);
/* The row count and a SHA-256 (hex) over a canonical text of t's rows,
 * ordered by primary key (all columns when there is none, text in byte
 * order): each row its values tab-separated, NULL as \N, integers in
 * decimal, text with backslash, tab, CR and LF escaped, then a newline;
 * the column names come first as a row of their own. The same data gives
 * the same digest on SQLite and PostgreSQL. */
enum err store_table_digest(struct store_conn *c, struct arena *a, const struct store_table *t,
			    int64_t *rows, char digest[65]);

#endif
