/* page_accounts.c — handlers of the account pages. The administrator lists,
 * creates and edits log-in accounts and resets their passwords, but never
 * types a password: evne makes a one-time password and shows it once, in
 * the answer to the POST (never stored in clear, never in a redirect; pages
 * are no-store), and the user changes it on their own account page. An
 * administrator cannot take away their own admin role or deactivate
 * themselves, so there is always an administrator who can log in. Closing an
 * account, changing its role or resetting its password ends its sessions;
 * changing one's own password ends one's other sessions. A wrong current
 * password counts as a failed log-in for the rate limit. Each write is one
 * transaction with its audit row, which never holds a password or a hash. */
#include "web/pages_accounts.h"

#include <ctype.h>
#include <string.h>
#include "base/arena.h"
#include "base/buf.h"
#include "base/crypto.h"
#include "base/json.h"
#include "base/log.h"
#include "base/utf8.h"
#include "html/html.h"
#include "views/accounts.h"
#include "web/pages_org.h"

/* "k7mq-x4ta-9prv-h2ns": 16 characters of 5 random bits each (80 bits) from
 * an alphabet without 0, 1, l and o, in groups of four for reading aloud. */
enum { ONE_TIME_GROUPS = 4, ONE_TIME_GROUP_LEN = 4,
       ONE_TIME_LEN = ONE_TIME_GROUPS * (ONE_TIME_GROUP_LEN + 1) - 1 };

static void one_time_password(char out[ONE_TIME_LEN + 1])
{
	static const char alphabet[] = "23456789abcdefghijkmnpqrstuvwxyz";   /* 32 */
	char hex[TOKEN_HEX_LEN + 1];
	token_random_hex(hex);
	int k = 0;
	for (int i = 0; i < ONE_TIME_GROUPS * ONE_TIME_GROUP_LEN; i++) {
		if (i && i % ONE_TIME_GROUP_LEN == 0)
			out[k++] = '-';
		/* the low hex digit plus one bit of the high one: 5 uniform bits */
		const char *p = &hex[2 * i];
		int hi = (p[0] >= 'a') ? p[0] - 'a' + 10 : p[0] - '0';
		int lo = (p[1] >= 'a') ? p[1] - 'a' + 10 : p[1] - '0';
		out[k++] = alphabet[((hi & 1) << 4) | lo];
	}
	out[k] = '\0';
}

/* ---- the audit record of an account ---- */

static void diff_text(struct jw *w, const char *field, const char *before, const char *after, bool has_before)
{
	if (has_before && strcmp(before ? before : "", after ? after : "") == 0)
		return;
	jw_key(w, field);
	jw_arr(w);
	if (has_before)
		jw_str(w, before ? before : "");
	else
		jw_null(w);
	jw_str(w, after ? after : "");
	jw_arr_end(w);
}

/* {"field": [before, after]} for the fields that differ; every field with
 * before = null on create. The password hash is never part of it. */
static void account_changes(struct buf *b, const struct user *before, const struct user *after)
{
	bool had = before != NULL;
	static const struct user none;
	const struct user *x = had ? before : &none;
	struct jw w;
	jw_init(&w, b);
	jw_obj(&w);
	diff_text(&w, "name", x->name, after->name, had);
	diff_text(&w, "email", x->email, after->email, had);
	diff_text(&w, "role", had ? role_name(x->role) : NULL, role_name(after->role), had);
	if (!had || x->person_id != after->person_id) {
		jw_key(&w, "person_id");
		jw_arr(&w);
		if (x->person_id) jw_int(&w, x->person_id); else jw_null(&w);
		if (after->person_id) jw_int(&w, after->person_id); else jw_null(&w);
		jw_arr_end(&w);
	}
	if (!had || x->active != after->active) {
		jw_key(&w, "active");
		jw_arr(&w);
		if (had) jw_bool(&w, x->active); else jw_null(&w);
		jw_bool(&w, after->active);
		jw_arr_end(&w);
	}
	diff_text(&w, "lang", x->lang, after->lang, had);
	jw_obj_end(&w);
}

/* ---- the list ---- */

void page_accounts(struct ctx *c)
{
	struct user_listing *list;
	int n;
	enum err e = store_user_listing(c->db, c->a, &list, &n);
	if (e) {
		page_org_fail(c, e);
		return;
	}
	struct v_account_row *rows = arena_alloc(c->a, sizeof *rows * (size_t)(n > 0 ? n : 1));
	if (!rows) {
		ctx_error_page(c, 413);
		return;
	}
	for (int i = 0; i < n; i++)
		rows[i] = (struct v_account_row){ &list[i].user, list[i].person_name, list[i].person_number };
	struct html h;
	page_begin(c, &h, msg(c->lang, MSG_ACCT_LIST_TITLE));
	v_accounts_index(&h, &(struct v_accounts_index){ .rows = rows, .n = n });
	page_end(c, &h);
}

/* ---- create and edit ---- */

static void render_account_form(struct ctx *c, const struct user *u, const char *heading_name,
				const char *person_number, const struct field_errors *fe)
{
	struct v_account_form m = {
		.user = u, .heading_name = heading_name, .person_number = person_number, .errors = fe,
		.csrf = c->csrf,
	};
	struct html h;
	page_begin(c, &h, msg(c->lang, u->id ? MSG_ACCT_EDIT_TITLE : MSG_ACCT_NEW));
	v_account_form(&h, &m);
	page_end(c, &h);
}

/* One create or edit of an account: the values posted, and what the write
 * transaction found. */
struct account_save {
	int64_t id;                  /* 0: create */
	struct user u;               /* the new values */
	const char *person_number;   /* as typed; "" for none */
	struct field_errors input_fe;   /* problems found while reading the form */
	struct field_errors fe;      /* all problems */
	struct user before;          /* the stored account when editing */
	char hash[PASSWORD_HASH_MAX];   /* create: the one-time password's hash */
};

static void read_account_form(struct ctx *c, struct account_save *s)
{
	struct field_errors *fe = &s->input_fe;
	s->u.name = page_org_field(c, "name", "name", fe);
	if (!s->id) {
		s->u.email = page_org_field(c, "email", "email", fe);
		for (char *p = s->u.email; *p; p++)
			*p = (char)tolower((unsigned char)*p);
	}
	const char *role = page_org_field(c, "role", "role", fe);
	s->u.role = role_parse(role);
	if (s->u.role == ROLE_NONE && !field_errors_has(fe, "role"))
		field_error_add(fe, "role", *role ? PROB_UNKNOWN_REF : PROB_REQUIRED);
	s->person_number = page_org_field(c, "employee_number", "employee_number", fe);
	char *lang = page_org_field(c, "lang", "lang", fe);
	if (!*lang)
		lang = "nb";
	else if (!lang_is_code(lang))
		field_error_add(fe, "lang", PROB_UNKNOWN_REF);
	s->u.lang = lang;
	const char *active = ctx_form(c, "active");
	s->u.active = s->id == 0 || (active && strcmp(active, "1") == 0);
}

/* Name, e-mail and the person link; the reads run inside the transaction. */
static enum err check_account(struct ctx *c, struct account_save *s)
{
	struct field_errors *fe = &s->fe;
	const char *name = s->u.name;
	if (!*name)
		field_error_add(fe, "name", PROB_REQUIRED);
	else if (strpbrk(name, "\r\n\t"))
		field_error_add(fe, "name", PROB_BAD_TEXT);
	else if (utf8_len(name) > NAME_MAX_CHARS)
		field_error_add(fe, "name", PROB_TOO_LONG);

	enum err e;
	struct user other;
	if (!s->id) {
		if (!*s->u.email)
			field_error_add(fe, "email", PROB_REQUIRED);
		else if (!valid_email(s->u.email))
			field_error_add(fe, "email", PROB_BAD_EMAIL);
		else if ((e = store_user_by_email(c->db, c->a, s->u.email, &other)) == OK)
			field_error_add(fe, "email", PROB_TAKEN);
		else if (e != ERR_NOTFOUND)
			return e;
	}

	s->u.person_id = 0;
	if (*s->person_number) {
		struct person p;
		e = store_person_by_number(c->db, c->a, s->person_number, &p);
		if (e == ERR_NOTFOUND) {
			field_error_add(fe, "employee_number", PROB_UNKNOWN_REF);
		} else if (e) {
			return e;
		} else {
			s->u.person_id = p.id;
			e = store_user_by_person(c->db, c->a, p.id, &other);
			if (e == OK && other.id != s->id)
				field_error_add(fe, "employee_number", PROB_TAKEN);
			else if (e && e != ERR_NOTFOUND)
				return e;
		}
	}

	/* the administrator keeps their own way in */
	if (s->id && s->id == c->user.id) {
		if (s->u.role != ROLE_NONE && s->u.role != ROLE_ADMIN)
			field_error_add(fe, "role", PROB_NOT_ALLOWED);
		if (!s->u.active)
			field_error_add(fe, "active", PROB_NOT_ALLOWED);
	}
	return OK;
}

/* Runs inside the write transaction (and again when the database was busy). */
static enum err save_account(struct ctx *c, void *arg)
{
	struct account_save *s = arg;
	s->fe = s->input_fe;
	enum err e;
	if (s->id) {
		if ((e = store_user_by_id(c->db, c->a, s->id, &s->before)))
			return e;
		s->u.id = s->id;
		s->u.email = s->before.email;
	}
	if ((e = check_account(c, s)))
		return e;
	if (s->fe.n) {
		static const char *const order[] = { "name", "email", "role", "employee_number", "lang",
						     "active" };
		page_org_tidy_problems(&s->fe, order, (int)(sizeof order / sizeof order[0]));
		return ERR_INVALID;
	}

	struct buf b;
	buf_init(&b, c->a, 0);
	const char *action;
	if (s->id) {
		account_changes(&b, &s->before, &s->u);
		if (b.err || strcmp(buf_str(&b), "{}") == 0)
			return b.err;
		s->u.password_hash = NULL;   /* keeps the stored one */
		if ((e = store_user_update(c->db, &s->u)))
			return e;
		/* closed, or another role: log the account out everywhere */
		bool log_out = (s->before.active && !s->u.active) || s->before.role != s->u.role;
		if (log_out && (e = store_session_delete_user(c->db, s->id, NULL)))
			return e;
		action = s->before.active && !s->u.active ? "deactivate" : "update";
	} else {
		s->u.password_hash = s->hash;
		if ((e = store_user_insert(c->db, &s->u)))
			return e;
		account_changes(&b, NULL, &s->u);
		action = "create";
	}
	if (b.err)
		return b.err;
	return ctx_audit(c, "user", s->u.id, action, buf_str(&b));
}

void page_account_new(struct ctx *c)
{
	struct user u = { .role = ROLE_EMPLOYEE, .active = true, .lang = "nb" };
	render_account_form(c, &u, NULL, NULL, NULL);
}

void page_account_create(struct ctx *c)
{
	struct account_save s = { .id = 0 };
	read_account_form(c, &s);
	char password[ONE_TIME_LEN + 1];
	one_time_password(password);
	if (password_hash(password, s.hash) != 0) {
		ctx_error_page(c, 503);
		return;
	}
	enum err e = ctx_write(c, save_account, &s);
	if (e == ERR_INVALID && s.fe.n) {
		c->w->status = 422;
		render_account_form(c, &s.u, NULL, s.person_number, &s.fe);
		return;
	}
	if (e == ERR_CONFLICT) {
		/* an account made at the same moment took the address or the person */
		field_error_add(&s.fe, "email", PROB_TAKEN);
		c->w->status = 422;
		render_account_form(c, &s.u, NULL, s.person_number, &s.fe);
		return;
	}
	if (e) {
		page_org_fail(c, e);
		return;
	}
	struct html h;
	page_begin(c, &h, msg(c->lang, MSG_ACCT_ONE_TIME_LABEL));
	v_account_password(&h, &(struct v_account_password){ .user = &s.u, .password = password,
							      .created = true });
	page_end(c, &h);
}

/* The account named by the path's {id}; false after answering 404/503. */
static bool load_account(struct ctx *c, struct user *u)
{
	int64_t id = ctx_param_id(c, "id");
	if (!id) {
		ctx_error_page(c, 404);
		return false;
	}
	enum err e = store_user_by_id(c->db, c->a, id, u);
	if (e) {
		page_org_fail(c, e);
		return false;
	}
	return true;
}

void page_account_edit(struct ctx *c)
{
	struct user u;
	if (!load_account(c, &u))
		return;
	const char *number = NULL;
	if (u.person_id) {
		struct person p;
		enum err e = store_person_get(c->db, c->a, u.person_id, &p);
		if (e == OK)
			number = p.employee_number;
		else if (e != ERR_NOTFOUND) {
			page_org_fail(c, e);
			return;
		}
	}
	render_account_form(c, &u, u.name, number, NULL);
}

void page_account_update(struct ctx *c)
{
	int64_t id = ctx_param_id(c, "id");
	if (!id) {
		ctx_error_page(c, 404);
		return;
	}
	struct account_save s = { .id = id };
	read_account_form(c, &s);
	enum err e = ctx_write(c, save_account, &s);
	if (e == OK) {
		ctx_redirect_flash(c, "/admin/users", MSG_ACCT_SAVED);
	} else if (e == ERR_INVALID && s.fe.n) {
		c->w->status = 422;
		render_account_form(c, &s.u, s.before.name, s.person_number, &s.fe);
	} else if (e == ERR_CONFLICT) {
		field_error_add(&s.fe, "employee_number", PROB_TAKEN);
		c->w->status = 422;
		render_account_form(c, &s.u, s.before.name, s.person_number, &s.fe);
	} else {
		page_org_fail(c, e);
	}
}

/* ---- password reset by the administrator ---- */

void page_account_reset_confirm(struct ctx *c)
{
	struct user u;
	if (!load_account(c, &u))
		return;
	struct html h;
	page_begin(c, &h, msg(c->lang, MSG_ACCT_RESET));
	v_account_reset(&h, &(struct v_account_reset){ .user = &u, .csrf = c->csrf });
	page_end(c, &h);
}

struct password_set {
	int64_t id;
	const char *hash;
	const char *keep_session;    /* the session not to end, or NULL */
	const char *action;          /* "password_reset", "password_change" */
	struct user u;               /* the account, read in the transaction */
};

static enum err set_password(struct ctx *c, void *arg)
{
	struct password_set *p = arg;
	enum err e = store_user_by_id(c->db, c->a, p->id, &p->u);
	if (!e)
		e = store_user_set_password(c->db, p->id, p->hash);
	if (!e)
		e = store_session_delete_user(c->db, p->id, p->keep_session);
	if (!e)
		e = ctx_audit(c, "user", p->id, p->action, "{}");
	return e;
}

void page_account_reset(struct ctx *c)
{
	int64_t id = ctx_param_id(c, "id");
	if (!id) {
		ctx_error_page(c, 404);
		return;
	}
	char password[ONE_TIME_LEN + 1], hash[PASSWORD_HASH_MAX];
	one_time_password(password);
	if (password_hash(password, hash) != 0) {
		ctx_error_page(c, 503);
		return;
	}
	/* resetting one's own password keeps the session it was done from */
	struct password_set p = { .id = id, .hash = hash, .action = "password_reset",
				  .keep_session = id == c->user.id ? c->session_hash : NULL };
	enum err e = ctx_write(c, set_password, &p);
	if (e) {
		page_org_fail(c, e);
		return;
	}
	struct html h;
	page_begin(c, &h, msg(c->lang, MSG_ACCT_ONE_TIME_LABEL));
	v_account_password(&h, &(struct v_account_password){ .user = &p.u, .password = password,
							      .created = false });
	page_end(c, &h);
}

/* ---- the user's own account ---- */

enum { PW_ERRORS_MAX = 4 };

struct pw_form {
	struct v_pw_error e[PW_ERRORS_MAX];
	int n;
	bool rate_limited;
};

static void pw_error(struct pw_form *f, const char *field, enum msg m)
{
	if (f->n < PW_ERRORS_MAX)
		f->e[f->n++] = (struct v_pw_error){ field, m };
}

static void render_mine(struct ctx *c, const struct pw_form *f)
{
	const char *person_name = NULL;
	if (c->user.person_id) {
		struct person p;
		enum err e = store_person_get(c->db, c->a, c->user.person_id, &p);
		if (e == OK)
			person_name = p.name;
		else if (e != ERR_NOTFOUND) {
			page_org_fail(c, e);
			return;
		}
	}
	struct v_account_mine m = {
		.user = &c->user, .person_name = person_name, .csrf = c->csrf,
		.errors = f ? f->e : NULL, .nerrors = f ? f->n : 0, .rate_limited = f && f->rate_limited,
	};
	struct html h;
	page_begin(c, &h, msg(c->lang, MSG_ACCT_MINE_TITLE));
	v_account_mine(&h, &m);
	page_end(c, &h);
}

void page_account_mine(struct ctx *c)
{
	render_mine(c, NULL);
}

/* A password field as sent (never trimmed: spaces count); NULL when it is
 * not valid text. */
static const char *pw_value(struct ctx *c, const char *name)
{
	const struct http_field *f = http_form_field(&c->form, name);
	if (!f || !f->value)
		return "";
	if (strlen(f->value) != f->len || !utf8_valid_text(f->value, f->len))
		return NULL;
	return f->value;
}

static enum err record_wrong_password(struct ctx *c, const char *key)
{
	enum err e = store_begin(c->db, true);
	if (e == OK)
		e = store_login_failure_add(c->db, key, c->now);
	if (e == OK)
		e = store_commit(c->db);
	else
		store_rollback(c->db);
	return e;
}

void page_account_password(struct ctx *c)
{
	struct pw_form f = { .n = 0 };
	const char *key = arena_printf(c->a, "acct:%s", c->user.email ? c->user.email : "");
	int failures = 0;
	if (!key || store_login_failures_since(c->db, key, c->now - c->app->login_window_s, &failures)) {
		ctx_error_page(c, 503);
		return;
	}
	if (failures >= c->app->login_max_failures) {
		f.rate_limited = true;
		c->w->status = 429;
		http_resp_header(c->w, "Retry-After", "900");
		render_mine(c, &f);
		return;
	}

	const char *current = pw_value(c, "current_password");
	const char *fresh = pw_value(c, "new_password");
	const char *again = pw_value(c, "new_password_confirm");
	bool current_ok = false;
	if (!current)
		pw_error(&f, "current_password", MSG_PROB_BAD_TEXT);
	else if (!*current)
		pw_error(&f, "current_password", MSG_PROB_REQUIRED);
	else if (!(current_ok = password_verify(c->user.password_hash, current))) {
		pw_error(&f, "current_password", MSG_ACCT_PW_WRONG);
		if (record_wrong_password(c, key) != OK)
			log_error("could not record a wrong current password");
	}

	if (!fresh)
		pw_error(&f, "new_password", MSG_PROB_BAD_TEXT);
	else if (!*fresh)
		pw_error(&f, "new_password", MSG_PROB_REQUIRED);
	else if (utf8_len(fresh) < ACCOUNT_PASSWORD_MIN)
		pw_error(&f, "new_password", MSG_ACCT_PW_TOO_SHORT);
	else if (utf8_len(fresh) > ACCOUNT_PASSWORD_MAX)
		pw_error(&f, "new_password", MSG_ACCT_PW_TOO_LONG);
	else if (current_ok && strcmp(fresh, current) == 0)
		pw_error(&f, "new_password", MSG_ACCT_PW_SAME);

	if (!again)
		pw_error(&f, "new_password_confirm", MSG_PROB_BAD_TEXT);
	else if (!*again)
		pw_error(&f, "new_password_confirm", MSG_PROB_REQUIRED);
	else if (fresh && strcmp(fresh, again) != 0)
		pw_error(&f, "new_password_confirm", MSG_ACCT_PW_MISMATCH);

	if (f.n) {
		c->w->status = 422;
		render_mine(c, &f);
		return;
	}
	char hash[PASSWORD_HASH_MAX];
	if (password_hash(fresh, hash) != 0) {
		ctx_error_page(c, 503);
		return;
	}
	struct password_set p = { .id = c->user.id, .hash = hash, .action = "password_change",
				  .keep_session = c->session_hash };
	enum err e = ctx_write(c, set_password, &p);
	if (e) {
		page_org_fail(c, e);
		return;
	}
	ctx_redirect_flash(c, "/account", MSG_ACCT_PW_CHANGED);
}
