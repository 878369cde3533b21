/* session.c — sessions, API tokens, actors and CSRF. Session cookies carry a
 * random token; the database keeps its SHA-256 only, so a leaked database
 * does not leak sessions. A session lives a fixed time from log-in
 * (app->session_ttl_s), so reading pages costs no database writes. */
#include "web/session.h"

#include <stdio.h>
#include <string.h>

#include "base/crypto.h"
#include "base/log.h"
#include "web/page_cache.h"

/* The units a person leads, with those below: every request of a leader
 * needs them, and for the head of a large division the recursive query
 * reads hundreds of units, so they are kept in the page cache at the
 * content generation (a key no page has: see page_cache_key in app.c). */
static enum err units_led_by(struct ctx *c, int64_t person_id, int64_t **ids, int *n)
{
	char key[40];
	int klen = snprintf(key, sizeof key, "scope:%lld", (long long)person_id);
	size_t len = 0;
	if (c->content_gen_known) {
		int64_t *v = page_cache_get_value(c->app->page_cache, key, (size_t)klen,
						  c->content_gen, c->a, &len);
		if (v) {
			*ids = len ? v : NULL;
			*n = (int)(len / sizeof *v);
			return OK;
		}
	}
	enum err e = store_units_led_by(c->db, c->a, person_id, ids, n);
	if (e == OK && c->content_gen_known)
		page_cache_put_value(c->app->page_cache, key, (size_t)klen, c->content_gen, *ids,
				     (size_t)*n * sizeof **ids);
	return e;
}

enum err session_load_actor(struct ctx *c, const struct user *u)
{
	c->user = *u;
	c->actor.user_id = u->id;
	c->actor.person_id = u->person_id;
	c->actor.role = u->role;
	c->actor.name = u->name;
	if (u->person_id) {
		int64_t *ids = NULL;
		int n = 0;
		enum err e = units_led_by(c, u->person_id, &ids, &n);
		if (e != OK)
			return e;
		c->actor.scope_units = ids;
		c->actor.scope_count = n;
		int64_t unit_id = 0;
		bool active = false;
		e = store_person_unit_active(c->db, u->person_id, &unit_id, &active);
		if (e == OK && !active)
			return ERR_FORBIDDEN;   /* a deactivated person's account is closed too */
		if (e == OK)
			c->actor.own_unit_id = unit_id;
		else if (e != ERR_NOTFOUND)
			return e;
	}
	return OK;
}

/* A closed account (deactivated person) is treated as not logged in. */
static enum err as_anonymous_if_closed(struct ctx *c, enum err e)
{
	if (e != ERR_FORBIDDEN)
		return e;
	memset(&c->actor, 0, sizeof c->actor);
	memset(&c->user, 0, sizeof c->user);
	c->csrf = NULL;
	c->session_hash = NULL;
	c->credential_hash = NULL;
	return OK;
}

static enum err from_bearer(struct ctx *c, const char *auth, bool *done)
{
	*done = false;
	if (!auth || strncmp(auth, "Bearer ", 7) != 0)
		return OK;
	*done = true;
	char hash[HASH_HEX_LEN + 1];
	token_hash_hex(auth + 7, hash);
	int64_t user_id;
	enum err e = store_token_lookup(c->db, hash, &user_id);
	if (e == ERR_NOTFOUND)
		return OK;
	if (e != OK)
		return e;
	struct user u;
	e = store_user_by_id(c->db, c->a, user_id, &u);
	if (e == ERR_NOTFOUND || (e == OK && !u.active))
		return OK;
	if (e != OK)
		return e;
	c->credential_hash = arena_strdup(c->a, hash);
	return as_anonymous_if_closed(c, session_load_actor(c, &u));
}

enum err session_authenticate(struct ctx *c, bool api)
{
	if (api) {
		bool done;
		enum err e = from_bearer(c, http_header(c->req, "Authorization"), &done);
		if (done || e != OK)
			return e;
	}
	const char *token = http_cookie(c->req, SESSION_COOKIE);
	if (!token || strlen(token) != TOKEN_HEX_LEN)
		return OK;
	char hash[HASH_HEX_LEN + 1];
	token_hash_hex(token, hash);
	int64_t user_id;
	char *csrf;
	enum err e = store_session_get(c->db, c->a, hash, c->now, &user_id, &csrf);
	if (e == ERR_NOTFOUND)
		return OK;
	if (e != OK)
		return e;
	struct user u;
	e = store_user_by_id(c->db, c->a, user_id, &u);
	if (e == ERR_NOTFOUND || (e == OK && !u.active))
		return OK;
	if (e != OK)
		return e;
	c->csrf = csrf;
	c->session_hash = arena_strdup(c->a, hash);
	c->credential_hash = c->session_hash;
	return as_anonymous_if_closed(c, session_load_actor(c, &u));
}

bool session_csrf_ok(struct ctx *c, bool api)
{
	if (api) {
		if (!c->session_hash)
			return true;   /* Bearer tokens are not sent by browsers on their own */
		return str_equal_ct(http_header(c->req, "X-CSRF-Token"), c->csrf);
	}
	const char *sent = ctx_form(c, "csrf");
	if (c->csrf)
		return str_equal_ct(sent, c->csrf);
	/* not logged in: double-submit cookie */
	return str_equal_ct(sent, http_cookie(c->req, PRELOGIN_COOKIE));
}

enum err session_start(struct ctx *c, int64_t user_id)
{
	char token[TOKEN_HEX_LEN + 1], hash[HASH_HEX_LEN + 1], csrf[TOKEN_HEX_LEN + 1];
	token_random_hex(token);
	token_hash_hex(token, hash);
	token_random_hex(csrf);
	enum err e = store_begin(c->db, true);
	if (e == OK)
		e = store_session_insert(c->db, hash, user_id, csrf, c->now, c->now + c->app->session_ttl_s);
	if (e == OK)
		e = store_session_purge(c->db, c->now);
	if (e == OK)
		e = store_commit(c->db);
	else
		store_rollback(c->db);
	if (e != OK)
		return e;
	http_set_cookie(c->w, c->a, SESSION_COOKIE, token, -1, c->req->secure);
	http_set_cookie(c->w, c->a, PRELOGIN_COOKIE, "", 0, c->req->secure);
	return OK;
}

enum err session_end(struct ctx *c)
{
	enum err e = OK;
	if (c->session_hash) {
		e = store_begin(c->db, true);
		if (e == OK)
			e = store_session_delete(c->db, c->session_hash);
		if (e == OK)
			e = store_commit(c->db);
		else
			store_rollback(c->db);
	}
	http_set_cookie(c->w, c->a, SESSION_COOKIE, "", 0, c->req->secure);
	return e;
}

const char *session_prelogin_csrf(struct ctx *c)
{
	/* one token per request: every form on the page must carry the value
	 * of the one cookie the browser keeps */
	if (c->prelogin_csrf)
		return c->prelogin_csrf;
	const char *have = http_cookie(c->req, PRELOGIN_COOKIE);
	if (have && strlen(have) == TOKEN_HEX_LEN)
		return c->prelogin_csrf = have;
	char *t = arena_alloc(c->a, TOKEN_HEX_LEN + 1);
	if (!t)
		return "";
	token_random_hex(t);
	http_set_cookie(c->w, c->a, PRELOGIN_COOKIE, t, 3600, c->req->secure);
	return c->prelogin_csrf = t;
}
