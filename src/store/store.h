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

/* url: a file path, "sqlite:PATH", or "postgresql://..." (not yet built:
 * gives ERR_INVALID with a message). Opens pool_size connections and applies
 * pending migrations when migrate is true. */
enum err store_open(const char *url, int pool_size, bool migrate, struct store **out,
		    char *errmsg, size_t errlen);
void store_close(struct store *s);
struct store_conn *store_acquire(struct store *s);   /* blocks until one is free */
void store_release(struct store *s, struct store_conn *c);
const char *store_errmsg(struct store_conn *c);
int store_schema_version(struct store_conn *c);

enum err store_begin(struct store_conn *c, bool write);
enum err store_commit(struct store_conn *c);
void store_rollback(struct store_conn *c);   /* no-op when no transaction is open */
/* A consistent copy of the live database into the file dest. */
enum err store_backup(struct store *s, const char *dest, char *errmsg, size_t errlen);
enum err store_ping(struct store_conn *c);

/* ---- users and log-in ---- */
enum err store_user_insert(struct store_conn *c, struct user *u);   /* sets u->id */
enum err store_user_update(struct store_conn *c, const struct user *u);
enum err store_user_by_email(struct store_conn *c, struct arena *a, const char *email, struct user *out);
enum err store_user_by_id(struct store_conn *c, struct arena *a, int64_t id, struct user *out);
enum err store_user_by_person(struct store_conn *c, struct arena *a, int64_t person_id, struct user *out);
enum err store_user_list(struct store_conn *c, struct arena *a, struct user **out, int *n);
enum err store_user_set_lang(struct store_conn *c, int64_t id, const char *lang);

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
enum err store_person_by_number(struct store_conn *c, struct arena *a, const char *number,
				struct person *out);
enum err store_person_insert(struct store_conn *c, struct person *p);   /* sets p->id */
enum err store_person_update(struct store_conn *c, const struct person *p);
enum err store_person_count(struct store_conn *c, int64_t *n);

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

#endif
