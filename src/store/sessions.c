/* sessions.c — what keeps a user logged in: web sessions, API tokens, and
 * the count of failed log-ins that the rate limit reads. Only hashes of
 * session and API tokens reach the database, so a copy of it logs no one
 * in. Failed log-ins live here rather than in memory so that several
 * servers share one count. */
#include "store/store_int.h"

static const char SQL_SESSION_INSERT[] =
	"INSERT INTO sessions (token_hash, user_id, csrf, created_at, expires_at)"
	" VALUES ($1, $2, $3, $4, $5)";

enum err store_session_insert(struct store_conn *c, const char *token_hash, int64_t user_id,
			      const char *csrf, int64_t now, int64_t expires)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_SESSION_INSERT);
	store_q_text(&q, 1, token_hash);
	store_q_int(&q, 2, user_id);
	store_q_text(&q, 3, csrf);
	store_q_int(&q, 4, now);
	store_q_int(&q, 5, expires);
	store_q_exec(&q, NULL);
	return store_q_done(&q);
}

static const char SQL_SESSION_GET[] =
	"SELECT user_id, csrf FROM sessions WHERE token_hash = $1 AND expires_at > $2";

enum err store_session_get(struct store_conn *c, struct arena *a, const char *token_hash,
			   int64_t now, int64_t *user_id, char **csrf)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_SESSION_GET);
	store_q_text(&q, 1, token_hash);
	store_q_int(&q, 2, now);
	if (store_q_row(&q)) {
		int64_t id = store_q_col_int(&q, 0);
		char *token = store_q_col_text(&q, a, 1);
		if (!q.err) {
			*user_id = id;
			*csrf = token;
		}
	} else if (!q.err) {
		q.err = ERR_NOTFOUND;
	}
	return store_q_done(&q);
}

static const char SQL_SESSION_TOUCH[] = "UPDATE sessions SET expires_at = $2 WHERE token_hash = $1";

/* ERR_NOTFOUND when the session is gone. */
enum err store_session_touch(struct store_conn *c, const char *token_hash, int64_t expires)
{
	struct store_q q;
	int64_t n = 0;
	store_q_prepare(&q, c, SQL_SESSION_TOUCH);
	store_q_text(&q, 1, token_hash);
	store_q_int(&q, 2, expires);
	store_q_exec(&q, &n);
	enum err e = store_q_done(&q);
	return e ? e : n ? OK : ERR_NOTFOUND;
}

static const char SQL_SESSION_DELETE[] = "DELETE FROM sessions WHERE token_hash = $1";

/* Logging out twice is not an error: a missing session gives OK. */
enum err store_session_delete(struct store_conn *c, const char *token_hash)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_SESSION_DELETE);
	store_q_text(&q, 1, token_hash);
	store_q_exec(&q, NULL);
	return store_q_done(&q);
}

static const char SQL_SESSION_PURGE[] = "DELETE FROM sessions WHERE expires_at <= $1";

enum err store_session_purge(struct store_conn *c, int64_t now)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_SESSION_PURGE);
	store_q_int(&q, 1, now);
	store_q_exec(&q, NULL);
	return store_q_done(&q);
}

static const char SQL_TOKEN_INSERT[] =
	"INSERT INTO api_tokens (user_id, label, token_hash, created_at) VALUES ($1, $2, $3, $4)";

enum err store_token_insert(struct store_conn *c, int64_t user_id, const char *label,
			    const char *token_hash, int64_t now)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_TOKEN_INSERT);
	store_q_int(&q, 1, user_id);
	store_q_opt(&q, 2, label);
	store_q_text(&q, 3, token_hash);
	store_q_int(&q, 4, now);
	store_q_exec(&q, NULL);
	return store_q_done(&q);
}

static const char SQL_TOKEN_LOOKUP[] = "SELECT user_id FROM api_tokens WHERE token_hash = $1";

enum err store_token_lookup(struct store_conn *c, const char *token_hash, int64_t *user_id)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_TOKEN_LOOKUP);
	store_q_text(&q, 1, token_hash);
	if (store_q_row(&q))
		*user_id = store_q_col_int(&q, 0);
	else if (!q.err)
		q.err = ERR_NOTFOUND;
	return store_q_done(&q);
}

static const char SQL_LOGIN_FAILURE_ADD[] = "INSERT INTO login_failures (key, at) VALUES ($1, $2)";

enum err store_login_failure_add(struct store_conn *c, const char *key, int64_t now)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_LOGIN_FAILURE_ADD);
	store_q_text(&q, 1, key);
	store_q_int(&q, 2, now);
	store_q_exec(&q, NULL);
	return store_q_done(&q);
}

static const char SQL_LOGIN_FAILURES_SINCE[] =
	"SELECT count(*) FROM login_failures WHERE key = $1 AND at >= $2";

enum err store_login_failures_since(struct store_conn *c, const char *key, int64_t since, int *count)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_LOGIN_FAILURES_SINCE);
	store_q_text(&q, 1, key);
	store_q_int(&q, 2, since);
	if (store_q_row(&q)) {
		int64_t n = store_q_col_int(&q, 0);
		*count = n > 1000000 ? 1000000 : (int)n;
	}
	return store_q_done(&q);
}

static const char SQL_LOGIN_FAILURES_CLEAR[] = "DELETE FROM login_failures WHERE key = $1";

enum err store_login_failures_clear(struct store_conn *c, const char *key)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_LOGIN_FAILURES_CLEAR);
	store_q_text(&q, 1, key);
	store_q_exec(&q, NULL);
	return store_q_done(&q);
}
