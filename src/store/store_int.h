/* store_int.h — the private side of store.h: the table of operations a
 * database backend implements (struct store_ops, one per backend, like curl's
 * vtls), the pool's connection record, and the small statement helpers the
 * domain files (users.c, people.c, ...) use. The common SQL passed to
 * prepare uses only $1..$n placeholders, RETURNING for new ids and ON
 * CONFLICT, so SQLite (sqlite/) and PostgreSQL (pg/, through PQprepare and
 * PQexecPrepared with text parameters) run the same statements. Only store/
 * and the store tests include this file. The second half of the table is the
 * generic table copy behind evne copy (copy.c). */
#ifndef EVNE_STORE_INT_H
#define EVNE_STORE_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "store/store.h"
#include "store/schema/migrations.h"

/* Opaque to the common code; each backend casts to its own records. */
struct store_db;
struct store_stmt;

struct store_ops {
	const char *name;   /* "sqlite", "postgresql" */
	const struct migration *migrations;   /* this dialect's schema, in order */
	const int *migrations_count;
	/* target: what follows the scheme (a file path for SQLite). create:
	 * make the database when it does not exist (only when migrating, so a
	 * mistyped path is not silently made into an empty database). */
	enum err (*open)(const char *target, bool create, struct store_db **out, char *errmsg,
			 size_t errlen);
	void (*close)(struct store_db *db);
	/* Prepared once per connection and cached by the address of sql, so sql
	 * must be a constant that outlives the connection. */
	enum err (*prepare)(struct store_db *db, const char *sql, struct store_stmt **out);
	/* idx is 1-based and names the placeholder $idx. */
	enum err (*bind_int64)(struct store_stmt *st, int idx, int64_t v);
	enum err (*bind_text)(struct store_stmt *st, int idx, const char *s);
	enum err (*bind_null)(struct store_stmt *st, int idx);
	/* Bytes (SQLite BLOB, PostgreSQL bytea); copied, so p may go after. */
	enum err (*bind_blob)(struct store_stmt *st, int idx, const void *p, size_t n);
	/* OK with *row true for a row, false when done; an error otherwise. */
	enum err (*step)(struct store_stmt *st, bool *row);
	int64_t (*column_int64)(struct store_stmt *st, int col);
	/* Valid until the next step or reset; asked only when not NULL. */
	const char *(*column_text)(struct store_stmt *st, int col);
	bool (*column_is_null)(struct store_stmt *st, int col);
	/* The bytes of a BLOB/bytea column, asked only when not NULL; valid
	 * until the next step, reset or column_blob on the statement. */
	enum err (*column_blob)(struct store_stmt *st, int col, const void **p, size_t *n);
	/* Ready for new bindings; forgets the old ones. */
	void (*reset)(struct store_stmt *st);
	/* Rows changed by the statement's last run (after step gave done). */
	int64_t (*changes)(struct store_stmt *st);
	/* The id of the connection's last inserted row, where that is cheaper
	 * than RETURNING (SQLite's rowid: RETURNING there costs a temporary
	 * table and a statement journal per row); NULL: use RETURNING. Used
	 * by bulk paths (people.c) only. */
	int64_t (*last_insert_id)(struct store_db *db);
	/* Runs a script of several statements (migrations only). */
	enum err (*exec_script)(struct store_db *db, const char *sql);
	/* write: take the write lock now, so a transaction never fails half-way
	 * for lack of it (SQLite BEGIN IMMEDIATE). */
	enum err (*begin)(struct store_db *db, bool write);
	enum err (*commit)(struct store_db *db);
	void (*rollback)(struct store_db *db);
	/* One read snapshot for the reads that follow, until begin, commit or
	 * rollback (begin ends it first); NULL where it saves nothing. */
	enum err (*read_begin)(struct store_db *db);
	/* store_content_generation where it is not the content_generation
	 * row that triggers keep (SQLite: see sqlite.c); NULL: read the row. */
	enum err (*content_generation)(struct store_db *db, int64_t *out);
	/* Serialises migrations across processes for the current transaction;
	 * NULL when begin(write) already excludes every other writer. */
	enum err (*lock_schema)(struct store_db *db);
	const char *(*errmsg)(struct store_db *db);
	/* A consistent copy of the database behind db into the file dest. */
	enum err (*backup)(struct store_db *db, const char *dest, char *errmsg, size_t errlen);

	/* ---- the generic table copy (copy.c) ---- */
	/* How ORDER BY names byte order for text ("BINARY", "\"C\""). */
	const char *binary_collation;
	/* Empties tables with one TRUNCATE of them all rather than a DELETE
	 * each (PostgreSQL: its RESTRICT keys are not deferred). */
	bool truncate;
	/* An uncached statement whose SQL copy.c built from quoted catalogue
	 * names (never from values); one at a time per connection, freed by
	 * finalize. */
	enum err (*prepare_built)(struct store_db *db, const char *sql, struct store_stmt **out);
	void (*finalize)(struct store_stmt *st);
	/* The application's tables (not schema_migrations) in byte order. */
	enum err (*table_names)(struct store_db *db, struct arena *a, char ***out, int *n);
	/* Fills t's columns and references (t->name set) through the helpers below. */
	enum err (*table_info)(struct store_db *db, struct arena *a, struct store_table *t);
	/* A write transaction whose foreign keys are checked at load_check
	 * (which says in why what failed); load_end restores the connection
	 * after commit or rollback. */
	enum err (*load_begin)(struct store_db *db);
	enum err (*load_check)(struct store_db *db, char *why, size_t whylen);
	void (*load_end)(struct store_db *db);
	/* Moves the sequence of an identity column past max; NULL when ids
	 * follow the rows by themselves (SQLite's rowid). */
	enum err (*set_identity)(struct store_db *db, const char *table, const char *column, int64_t max);
};

extern const struct store_ops sq_ops;
extern const struct store_ops pg_ops;

/* For table_info: appends a column or a referenced table to t. */
enum err store_table_add_column(struct arena *a, struct store_table *t, const char *name,
				const char *decl, enum store_col_type type, bool pk, bool identity);
enum err store_table_add_ref(struct arena *a, struct store_table *t, const char *table);

struct store_conn {
	struct store *store;
	const struct store_ops *ops;
	struct store_db *db;
	struct store_conn *next_free;
	struct people_bulk *people_bulk;   /* people.c's bulk mode; NULL: off */
	char msg[256];   /* the last failure, for store_errmsg */
};

/* Records e with the backend's message (or, when fmt is given, our own) on
 * the connection and returns e, so failures read `return store_fail(...)`. */
enum err store_fail(struct store_conn *c, enum err e, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* One run of one cached statement, with a sticky error: bind and read
 * freely, then store_q_done tells the first failure and resets the
 * statement for its next use. */
struct store_q {
	struct store_conn *c;
	struct store_stmt *st;
	enum err err;
};

void store_q_prepare(struct store_q *q, struct store_conn *c, const char *sql);
void store_q_int(struct store_q *q, int idx, int64_t v);
void store_q_text(struct store_q *q, int idx, const char *s);   /* NULL binds NULL */
void store_q_id(struct store_q *q, int idx, int64_t id);        /* 0 binds NULL */
void store_q_opt(struct store_q *q, int idx, const char *s);    /* NULL or "" binds NULL */
void store_q_blob(struct store_q *q, int idx, const void *p, size_t n);
/* true when a row is ready; false at the end or on an error (q->err). */
bool store_q_row(struct store_q *q);
/* Runs a statement that returns no rows; *changes may be NULL. */
void store_q_exec(struct store_q *q, int64_t *changes);
int64_t store_q_col_int(struct store_q *q, int col);
/* A copy in a (NULL for SQL NULL); over the arena's cap: ERR_TOO_BIG. */
char *store_q_col_text(struct store_q *q, struct arena *a, int col);
/* A copy of a BLOB/bytea column in a (NULL with *n 0 for SQL NULL); over
 * the arena's cap: ERR_TOO_BIG. */
void *store_q_col_blob(struct store_q *q, struct arena *a, int col, size_t *n);
enum err store_q_done(struct store_q *q);

/* people.c: a search whose rarest word begins fewer words than this reads
 * its matches and sorts them, otherwise walks the name order (50000; the
 * store tests set it to try both plans). */
extern int store_search_sort_max;
extern int store_search_merge_max;   /* people.c; tests set it to take the other plans */

/* Grows an arena array of elem-sized items to hold at least n + 1. */
void *store_grow(struct arena *a, void *p, int n, int *cap, size_t elem);

#endif
