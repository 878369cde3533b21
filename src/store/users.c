/* users.c — log-in accounts. E-mail addresses are stored case-folded (and
 * looked up folded), so "Kari@X.no" and "kari@x.no" are one account and the
 * UNIQUE constraint sees them as such; the role is stored by name. Also the
 * administrator's account list, password changes and ending all of one
 * user's sessions when a password changes or an account closes. */
#include "store/store_int.h"

#include <time.h>

#include "base/text.h"

#define USER_COLUMNS "id, email, name, role, person_id, password_hash, active, lang"

/* Folds e-mail into a small arena of its own, as the insert and update
 * functions have none from the caller. NULL on invalid UTF-8. */
static char *fold_email(struct arena *tmp, const char *email)
{
	return email ? text_fold(tmp, email) : NULL;
}

static enum err user_row(struct store_q *q, struct arena *a, struct user *u)
{
	u->id = store_q_col_int(q, 0);
	u->email = store_q_col_text(q, a, 1);
	u->name = store_q_col_text(q, a, 2);
	char *role = store_q_col_text(q, a, 3);
	u->role = role_parse(role);
	u->person_id = store_q_col_int(q, 4);
	u->password_hash = store_q_col_text(q, a, 5);
	u->active = store_q_col_int(q, 6) != 0;
	u->lang = store_q_col_text(q, a, 7);
	return q->err;
}

/* Runs a one-row user query already bound; ERR_NOTFOUND when none. */
static enum err user_one(struct store_q *q, struct arena *a, struct user *out)
{
	if (store_q_row(q))
		user_row(q, a, out);
	else if (!q->err)
		q->err = ERR_NOTFOUND;
	return store_q_done(q);
}

static const char SQL_USER_INSERT[] =
	"INSERT INTO users (email, name, role, password_hash, person_id, active, lang, created_at)"
	" VALUES ($1, $2, $3, $4, $5, $6, COALESCE($7, 'nb'), $8) RETURNING id";

enum err store_user_insert(struct store_conn *c, struct user *u)
{
	if (u->role <= ROLE_NONE || u->role >= ROLE_COUNT || !u->email || !u->name)
		return store_fail(c, ERR_INVALID, "a user needs an e-mail, a name and a role");
	struct arena tmp;
	arena_init(&tmp, 0);
	struct store_q q = { .c = c };
	char *email = fold_email(&tmp, u->email);
	if (!email) {
		q.err = store_fail(c, ERR_INVALID, "the e-mail address is not valid UTF-8");
		goto out;
	}
	store_q_prepare(&q, c, SQL_USER_INSERT);
	store_q_text(&q, 1, email);
	store_q_text(&q, 2, u->name);
	store_q_text(&q, 3, role_name(u->role));
	store_q_text(&q, 4, u->password_hash);
	store_q_id(&q, 5, u->person_id);
	store_q_int(&q, 6, u->active);
	store_q_opt(&q, 7, u->lang);
	store_q_int(&q, 8, (int64_t)time(NULL));
	if (store_q_row(&q))
		u->id = store_q_col_int(&q, 0);
	store_q_done(&q);
out:
	arena_free(&tmp);
	return q.err;
}

/* A NULL password_hash keeps the stored one, so forms that never see the
 * hash cannot wipe it by accident. */
static const char SQL_USER_UPDATE[] =
	"UPDATE users SET email = $2, name = $3, role = $4, password_hash = COALESCE($5, password_hash),"
	" person_id = $6, active = $7, lang = COALESCE($8, lang) WHERE id = $1";

enum err store_user_update(struct store_conn *c, const struct user *u)
{
	if (u->role <= ROLE_NONE || u->role >= ROLE_COUNT || !u->email || !u->name)
		return store_fail(c, ERR_INVALID, "a user needs an e-mail, a name and a role");
	struct arena tmp;
	arena_init(&tmp, 0);
	struct store_q q = { .c = c };
	int64_t n = 0;
	char *email = fold_email(&tmp, u->email);
	if (!email) {
		q.err = store_fail(c, ERR_INVALID, "the e-mail address is not valid UTF-8");
		goto out;
	}
	store_q_prepare(&q, c, SQL_USER_UPDATE);
	store_q_int(&q, 1, u->id);
	store_q_text(&q, 2, email);
	store_q_text(&q, 3, u->name);
	store_q_text(&q, 4, role_name(u->role));
	store_q_text(&q, 5, u->password_hash);
	store_q_id(&q, 6, u->person_id);
	store_q_int(&q, 7, u->active);
	store_q_opt(&q, 8, u->lang);
	store_q_exec(&q, &n);
	if (!store_q_done(&q) && n == 0)
		q.err = store_fail(c, ERR_NOTFOUND, "no user %lld", (long long)u->id);
out:
	arena_free(&tmp);
	return q.err;
}

static const char SQL_USER_BY_EMAIL[] = "SELECT " USER_COLUMNS " FROM users WHERE email = $1";

enum err store_user_by_email(struct store_conn *c, struct arena *a, const char *email, struct user *out)
{
	struct arena tmp;
	arena_init(&tmp, 0);
	enum err e = ERR_NOTFOUND;
	char *folded = fold_email(&tmp, email);
	if (folded) {
		struct store_q q;
		store_q_prepare(&q, c, SQL_USER_BY_EMAIL);
		store_q_text(&q, 1, folded);
		e = user_one(&q, a, out);
	}
	arena_free(&tmp);
	return e;
}

static const char SQL_USER_BY_ID[] = "SELECT " USER_COLUMNS " FROM users WHERE id = $1";

enum err store_user_by_id(struct store_conn *c, struct arena *a, int64_t id, struct user *out)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_USER_BY_ID);
	store_q_int(&q, 1, id);
	return user_one(&q, a, out);
}

static const char SQL_USER_BY_PERSON[] = "SELECT " USER_COLUMNS " FROM users WHERE person_id = $1";

enum err store_user_by_person(struct store_conn *c, struct arena *a, int64_t person_id, struct user *out)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_USER_BY_PERSON);
	store_q_int(&q, 1, person_id);
	return user_one(&q, a, out);
}

static const char SQL_USER_LIST[] =
	"SELECT " USER_COLUMNS " FROM users ORDER BY name COLLATE nb, id";

enum err store_user_list(struct store_conn *c, struct arena *a, struct user **out, int *n)
{
	struct store_q q;
	struct user *v = NULL;
	int len = 0, cap = 0;
	store_q_prepare(&q, c, SQL_USER_LIST);
	while (store_q_row(&q)) {
		if (!(v = store_grow(a, v, len, &cap, sizeof *v))) {
			q.err = store_fail(c, ERR_TOO_BIG, "the arena's cap was reached");
			break;
		}
		user_row(&q, a, &v[len++]);
	}
	enum err e = store_q_done(&q);
	if (!e) {
		*out = v;
		*n = len;
	}
	return e;
}

static const char SQL_USER_SET_LANG[] = "UPDATE users SET lang = $2 WHERE id = $1";

enum err store_user_set_lang(struct store_conn *c, int64_t id, const char *lang)
{
	struct store_q q;
	int64_t n = 0;
	store_q_prepare(&q, c, SQL_USER_SET_LANG);
	store_q_int(&q, 1, id);
	store_q_text(&q, 2, lang);
	store_q_exec(&q, &n);
	enum err e = store_q_done(&q);
	if (!e && n == 0)
		e = store_fail(c, ERR_NOTFOUND, "no user %lld", (long long)id);
	return e;
}

/* The hash column is left out (NULL) so a list of every account never
 * carries password hashes around. */
static const char SQL_USER_LISTING[] =
	"SELECT u.id, u.email, u.name, u.role, u.person_id, NULL, u.active, u.lang,"
	" p.name, p.employee_number"
	" FROM users u LEFT JOIN people p ON p.id = u.person_id"
	" ORDER BY u.name COLLATE nb, u.id";

enum err store_user_listing(struct store_conn *c, struct arena *a, struct user_listing **out, int *n)
{
	struct store_q q;
	struct user_listing *v = NULL;
	int len = 0, cap = 0;
	store_q_prepare(&q, c, SQL_USER_LISTING);
	while (store_q_row(&q)) {
		if (!(v = store_grow(a, v, len, &cap, sizeof *v))) {
			q.err = store_fail(c, ERR_TOO_BIG, "the arena's cap was reached");
			break;
		}
		struct user_listing *r = &v[len++];
		user_row(&q, a, &r->user);
		r->person_name = store_q_col_text(&q, a, 8);
		r->person_number = store_q_col_text(&q, a, 9);
	}
	enum err e = store_q_done(&q);
	if (!e) {
		*out = v;
		*n = len;
	}
	return e;
}

static const char SQL_USER_SET_PASSWORD[] = "UPDATE users SET password_hash = $2 WHERE id = $1";

enum err store_user_set_password(struct store_conn *c, int64_t id, const char *password_hash)
{
	if (!password_hash || !*password_hash)
		return store_fail(c, ERR_INVALID, "a new password needs a hash");
	struct store_q q;
	int64_t n = 0;
	store_q_prepare(&q, c, SQL_USER_SET_PASSWORD);
	store_q_int(&q, 1, id);
	store_q_text(&q, 2, password_hash);
	store_q_exec(&q, &n);
	enum err e = store_q_done(&q);
	if (!e && n == 0)
		e = store_fail(c, ERR_NOTFOUND, "no user %lld", (long long)id);
	return e;
}

/* Token hashes are 64 hex characters, so "" never matches one: it keeps none. */
static const char SQL_SESSION_DELETE_USER[] =
	"DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2";

enum err store_session_delete_user(struct store_conn *c, int64_t user_id, const char *keep_hash)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_SESSION_DELETE_USER);
	store_q_int(&q, 1, user_id);
	store_q_text(&q, 2, keep_hash ? keep_hash : "");
	store_q_exec(&q, NULL);
	return store_q_done(&q);
}
