/* page_auth.c — log-in, log-out, the language switch, the home page and the
 * accessibility statement. Log-in is rate limited per account and per
 * address in the database, so several servers share the count, and never
 * says whether the e-mail or the password was wrong. */
#include <ctype.h>
#include <pthread.h>
#include <string.h>

#include "base/crypto.h"
#include "base/log.h"
#include "html/html.h"
#include "store/cycles.h"
#include "views/layout.h"
#include "web/app.h"
#include "web/pages_auth.h"
#include "web/pages_cycles.h"
#include "web/pages_prepare.h"
#include "web/session.h"

/* A safe place to go after log-in: a local path, never another site. */
static const char *safe_next(const char *next)
{
	if (!next || next[0] != '/' || next[1] == '/' || next[1] == '\\' || strchr(next, '\r') ||
	    strchr(next, '\n') || strncmp(next, "/login", 6) == 0)
		return "/";
	return next;
}

static void render_login(struct ctx *c, const char *email, bool failed, bool limited)
{
	struct v_login d = {
		.csrf = session_prelogin_csrf(c),
		.email = email,
		.next = safe_next(ctx_query(c, "next") ? ctx_query(c, "next") : ctx_form(c, "next")),
		.failed = failed,
		.rate_limited = limited,
	};
	struct html h;
	html_init(&h, &c->w->body, c->lang);
	struct page_meta *pm = ctx_page_meta(c, msg(c->lang, MSG_LOGIN_TITLE));
	if (!pm) {
		ctx_error_page(c, 500);
		return;
	}
	v_login_page(&h, pm, &d);
}

void page_login_form(struct ctx *c)
{
	if (c->actor.role != ROLE_NONE) {
		http_redirect(c->w, safe_next(ctx_query(c, "next")));
		return;
	}
	render_login(c, NULL, false, false);
}

static char dummy_hash[PASSWORD_HASH_MAX];
static pthread_once_t dummy_once = PTHREAD_ONCE_INIT;

static void make_dummy_hash(void)
{
	char pw[TOKEN_HEX_LEN + 1];
	token_random_hex(pw);
	if (password_hash(pw, dummy_hash) != 0)
		dummy_hash[0] = '\0';
}

static enum err count_failures(struct ctx *c, const char *key, int *n)
{
	return store_login_failures_since(c->db, key, c->now - c->app->login_window_s, n);
}

static enum err record_failure(struct ctx *c, const char *acct_key, const char *addr_key)
{
	enum err e = store_begin(c->db, true);
	if (e == OK)
		e = store_login_failure_add(c->db, acct_key, c->now);
	if (e == OK)
		e = store_login_failure_add(c->db, addr_key, c->now);
	if (e == OK)
		e = store_commit(c->db);
	else
		store_rollback(c->db);
	return e;
}

void page_login(struct ctx *c)
{
	const char *email_in = ctx_form(c, "email");
	const char *password = ctx_form(c, "password");
	char *email = arena_strdup(c->a, email_in ? email_in : "");
	if (!email) {
		ctx_error_page(c, 413);
		return;
	}
	for (char *p = email; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	const char *acct_key = arena_printf(c->a, "acct:%s", email);
	const char *addr_key = arena_printf(c->a, "addr:%s", c->req->remote_addr ? c->req->remote_addr : "");
	int n_acct = 0, n_addr = 0;
	enum err e = count_failures(c, acct_key, &n_acct);
	if (e == OK)
		e = count_failures(c, addr_key, &n_addr);
	if (e != OK) {
		ctx_error_page(c, 503);
		return;
	}
	/* an address gets more tries than one account: offices share addresses */
	if (n_acct >= c->app->login_max_failures || n_addr >= 4 * c->app->login_max_failures) {
		c->w->status = 429;
		http_resp_header(c->w, "Retry-After", "900");
		render_login(c, email, false, true);
		return;
	}
	struct user u;
	e = store_user_by_email(c->db, c->a, email, &u);
	if (e != OK && e != ERR_NOTFOUND) {
		ctx_error_page(c, 503);
		return;
	}
	/* verify even for unknown accounts so timing does not reveal which exist */
	pthread_once(&dummy_once, make_dummy_hash);
	bool ok = password_verify(e == OK ? u.password_hash : dummy_hash, password ? password : "");
	bool closed = false;
	if (e == OK && ok && u.person_id) {
		struct person p;
		closed = store_person_get(c->db, c->a, u.person_id, &p) == OK && !p.active;
	}
	if (e != OK || !ok || !u.active || closed) {
		if (record_failure(c, acct_key, addr_key) != OK)
			log_error("could not record a failed log-in");
		c->w->status = 401;
		render_login(c, email, true, false);
		return;
	}
	e = store_begin(c->db, true);
	if (e == OK)
		e = store_login_failures_clear(c->db, acct_key);
	if (e == OK)
		e = store_commit(c->db);
	else
		store_rollback(c->db);
	if (e == OK)
		e = session_start(c, u.id);
	if (e != OK) {
		ctx_error_page(c, 503);
		return;
	}
	http_redirect(c->w, safe_next(ctx_form(c, "next")));
}

void page_logout(struct ctx *c)
{
	if (session_end(c) != OK) {
		ctx_error_page(c, 503);
		return;
	}
	http_set_cookie(c->w, c->a, "evne_lang", lang_code(c->lang), 365L * 24 * 3600, c->req->secure);
	ctx_redirect_flash(c, "/login", MSG_FLASH_LOGGED_OUT);
}

void page_lang(struct ctx *c)
{
	const char *code = ctx_form(c, "lang");
	if (!code || !lang_is_code(code)) {
		ctx_error_page(c, 400);
		return;
	}
	if (c->user.id) {
		enum err e = store_begin(c->db, true);
		if (e == OK)
			e = store_user_set_lang(c->db, c->user.id, code);
		if (e == OK)
			e = store_commit(c->db);
		else
			store_rollback(c->db);
		if (e != OK) {
			ctx_error_page(c, 503);
			return;
		}
	}
	http_set_cookie(c->w, c->a, "evne_lang", code, 365L * 24 * 3600, c->req->secure);
	c->lang = lang_parse(code);
	const char *ret = ctx_form(c, "return");
	ctx_redirect_flash(c, ret && ret[0] == '/' && ret[1] != '/' && ret[1] != '\\' ? ret : "/",
			   MSG_FLASH_LANG_CHANGED);
}

/* The open cycle's pages for the actor, in the order of the phases. */
static void home_tasks(struct ctx *c, const struct cycle *cy, struct v_home *d)
{
	enum { TASKS_MAX = 6 };
	struct v_home_task *t = arena_alloc(c->a, TASKS_MAX * sizeof *t);
	if (!t)
		return;
	long long id = (long long)cy->id;
	int n = 0;
	bool leads = c->actor.scope_count > 0 || c->actor.role == ROLE_HR || c->actor.role == ROLE_ADMIN;
	if (leads && access_can(&c->actor, ACT_PREPARE, 0))
		t[n++] = (struct v_home_task){ url_path(c->a, "/cycles/%lld/prepare", id), MSG_TASK_PREPARE,
					       MSG_TASK_PREPARE_HINT };
	if (leads && access_can(&c->actor, ACT_DISCUSSION_EDIT, 0))
		t[n++] = (struct v_home_task){ url_path(c->a, "/cycles/%lld/discussions", id),
					       MSG_TASK_DISCUSSIONS, MSG_TASK_DISCUSSIONS_HINT };
	else if (c->actor.own_unit_id)
		t[n++] = (struct v_home_task){ url_path(c->a, "/cycles/%lld/discussions/%lld", id,
							(long long)c->actor.own_unit_id),
					       MSG_TASK_MY_DISCUSSION, MSG_TASK_MY_DISCUSSION_HINT };
	if (access_can(&c->actor, ACT_COMPILATION_READ, 0)) {
		t[n++] = (struct v_home_task){ url_path(c->a, "/cycles/%lld/compilation", id),
					       MSG_TASK_COMPILATION, MSG_TASK_COMPILATION_HINT };
		t[n++] = (struct v_home_task){ url_path(c->a, "/cycles/%lld/decision", id), MSG_TASK_DECISION,
					       MSG_TASK_DECISION_HINT };
	}
	t[n++] = (struct v_home_task){ url_path(c->a, "/cycles/%lld/competence-strategy", id), MSG_TASK_DECIDED,
				       MSG_TASK_DECIDED_HINT };
	for (int i = 0; i < n; i++)
		if (!t[i].href)
			return;
	d->tasks = t;
	d->ntasks = n;
}

void page_home(struct ctx *c)
{
	struct v_home d = { 0 };
	if (store_unit_count(c->db, &d.units) != OK || store_person_count(c->db, &d.active_people) != OK) {
		ctx_error_page(c, 503);
		return;
	}
	/* the annual wheel of the open cycle, when there is one */
	struct cycle *cy = arena_alloc(c->a, sizeof *cy);
	d.today = page_cycles_today(c);
	enum err e = cy ? store_cycle_current(c->db, c->a, d.today, cy) : ERR_TOO_BIG;
	if (e == OK) {
		d.cycle = cy;
		home_tasks(c, cy, &d);
		/* its indicators, for HR and for leaders (their units) */
		if ((e = page_prepare_dashboard(c, cy, &d.dashboard)) != OK) {
			ctx_error_page(c, e == ERR_TOO_BIG ? 413 : 503);
			return;
		}
	} else if (e != ERR_NOTFOUND) {
		ctx_error_page(c, e == ERR_TOO_BIG ? 413 : 503);
		return;
	}
	struct html h;
	html_init(&h, &c->w->body, c->lang);
	struct page_meta *pm = ctx_page_meta(c, msg(c->lang, MSG_HOME_TITLE));
	if (pm)
		v_home_page(&h, pm, &d);
}

void page_accessibility(struct ctx *c)
{
	struct html h;
	html_init(&h, &c->w->body, c->lang);
	struct page_meta *pm = ctx_page_meta(c, msg(c->lang, MSG_A11Y_TITLE));
	if (pm)
		v_accessibility_page(&h, pm);
}
