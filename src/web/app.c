/* app.c — the one request entry point: static assets, health and metrics,
 * then authentication (session cookie or API token), language, route lookup,
 * the route's permission, CSRF on every state-changing request, and the
 * handler. Handlers never see a request that failed any of these. */
#include "web/app.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "api/api.h"
#include "base/crypto.h"
#include "base/log.h"
#include "html/html.h"
#include "web/assets.h"
#include "web/page_cache.h"
#include "web/session.h"

static bool is_write_method(const char *m)
{
	return strcmp(m, "GET") != 0 && strcmp(m, "HEAD") != 0;
}

static bool is_api_path(const char *path)
{
	return strncmp(path, "/api/", 5) == 0 || strcmp(path, "/api") == 0;
}

/* Finds the route for method+path. When only the method is wrong, *allow
 * lists the methods the path has (for 405 and its Allow header). */
static const struct route *find_route(struct http_req *r, bool api, struct buf *allow)
{
	const struct route *t = api ? api_routes : web_routes;
	int n = api ? api_routes_count : web_routes_count;
	const char *method = strcmp(r->method, "HEAD") == 0 ? "GET" : r->method;
	for (int i = 0; i < n; i++) {
		if (!http_route_match(t[i].pattern, r->path, r))
			continue;
		if (strcmp(t[i].method, method) == 0)
			return &t[i];
		if (allow->len)
			buf_puts(allow, ", ");
		buf_puts(allow, t[i].method);
	}
	return NULL;
}

static void serve_health(struct ctx *c)
{
	c->w->content_type = "text/plain; charset=utf-8";
	if (store_ping(c->db) == OK) {
		buf_puts(&c->w->body, "ok\n");
	} else {
		c->w->status = 503;
		buf_puts(&c->w->body, "database unavailable\n");
	}
}

static void serve_metrics(struct ctx *c)
{
	c->w->content_type = "text/plain; version=0.0.4; charset=utf-8";
	http_metrics_write(&c->w->body);
	page_cache_metrics_write(c->app->page_cache, &c->w->body);
}

/* Everything a GET answer may depend on besides the content and the
 * route's parameters (which the path holds): see page_cache.h. The path's
 * length goes first, as a decoded path may hold any byte. */
static struct buf page_cache_key(struct ctx *c)
{
	struct buf k;
	buf_init(&k, c->a, 32 * 1024);
	buf_puts(&k, c->credential_hash ? c->credential_hash : "-");
	buf_printf(&k, "|%s|%d|%lld|%zu:", lang_code(c->lang), c->req->secure ? 1 : 0,
		   (long long)(c->now / 3600), strlen(c->req->path));
	buf_puts(&k, c->req->path);
	buf_putc(&k, '?');
	buf_puts(&k, c->req->query);
	return k;
}

static enum lang request_lang(struct ctx *c)
{
	if (c->user.id && c->user.lang && lang_is_code(c->user.lang))
		return lang_parse(c->user.lang);
	const char *cookie = http_cookie(c->req, "evne_lang");
	if (cookie && lang_is_code(cookie))
		return lang_parse(cookie);
	return LANG_NB;
}

void app_handle(struct http_req *r, struct http_resp *w, void *appv)
{
	struct app *app = appv;
	if (strncmp(r->path, "/assets/", 8) == 0) {
		http_set_route_label(r, "/assets");
		if (assets_serve(app->assets, r->path, w) != 0) {
			w->status = 404;
			w->content_type = "text/plain; charset=utf-8";
			buf_puts(&w->body, "not found\n");
		}
		return;
	}
	if (strcmp(r->path, "/metrics") == 0) {
		http_set_route_label(r, "/metrics");
		struct ctx mc = { .app = app, .req = r, .w = w, .a = r->arena };
		serve_metrics(&mc);
		return;
	}

	/* The two parsed forms are most of the context's 20 kB, and zeroing
	 * them was a tenth of a small API answer's CPU: everything before them
	 * is zeroed, they start empty, and the asserts keep new fields from
	 * slipping in uninitialised after them. */
	_Static_assert(offsetof(struct ctx, query) ==
		       offsetof(struct ctx, form) + sizeof(struct http_form) &&
		       offsetof(struct ctx, page) ==
		       offsetof(struct ctx, query) + sizeof(struct http_form) &&
		       sizeof(struct ctx) == offsetof(struct ctx, page) + sizeof(struct page_meta *),
		       "struct ctx: fields after form must be initialised in app_handle");
	struct ctx c;
	memset(&c, 0, offsetof(struct ctx, form));
	c.form.n = 0;
	c.query.n = 0;
	c.page = NULL;
	c.app = app;
	c.req = r;
	c.w = w;
	c.a = r->arena;
	c.now = (int64_t)time(NULL);
	c.db = store_acquire(app->store);
	if (strcmp(r->path, "/healthz") == 0) {
		http_set_route_label(r, "/healthz");
		serve_health(&c);
		goto out;
	}
	/* The request's reads share one snapshot (one read transaction, not
	 * one per statement); a write ends it (store_begin). On failure the
	 * reads simply run one by one. */
	(void)store_read_begin(c.db);
	/* The generation is read before anything else the answer depends on
	 * (the session included), so an answer is never filed under a
	 * generation newer than what it shows. A flash message is shown once:
	 * such a page is neither served from nor put in the cache. */
	c.content_gen_known = app->page_cache && store_content_generation(c.db, &c.content_gen) == OK;
	bool cacheable = c.content_gen_known && !is_write_method(r->method) &&
			 !http_cookie(r, "evne_flash");
	bool api = is_api_path(r->path);
	if (session_authenticate(&c, api) != OK) {
		c.lang = request_lang(&c);
		ctx_error_page(&c, 503);
		goto out;
	}
	c.lang = request_lang(&c);
	if (http_parse_query(r, &c.query) != 0) {
		ctx_error_page(&c, 400);
		goto out;
	}

	struct buf allow;
	buf_init(&allow, c.a, 256);
	const struct route *rt = find_route(r, api, &allow);
	if (!rt) {
		bool path_matched = allow.len > 0;
		http_set_route_label(r, path_matched ? "method_not_allowed" : "not_found");
		if (path_matched)
			http_resp_header(w, "Allow", buf_str(&allow));
		ctx_error_page(&c, path_matched ? 405 : 404);
		goto out;
	}
	http_set_route_label(r, rt->pattern);
	if (rt->perm != ACT_PUBLIC && c.actor.role == ROLE_NONE) {
		if (api) {
			ctx_error_page(&c, 401);
		} else {
			struct buf loc;
			buf_init(&loc, c.a, 4096);
			buf_puts(&loc, "/login?next=");
			url_encode(&loc, r->path);
			http_redirect(w, buf_str(&loc));
		}
		goto out;
	}
	if (!access_can(&c.actor, rt->perm, 0)) {
		ctx_error_page(&c, 403);
		goto out;
	}
	if (is_write_method(r->method)) {
		if (!api && http_parse_body(r, &c.form) != 0) {
			ctx_error_page(&c, 400);
			goto out;
		}
		if (!session_csrf_ok(&c, api)) {
			ctx_error_page(&c, 403);
			goto out;
		}
	}
	/* Only signed-in answers: an anonymous page carries the browser's own
	 * pre-log-in CSRF token, which no key here tells apart. */
	cacheable = cacheable && c.credential_hash;
	struct buf key = { 0 };
	if (cacheable) {
		key = page_cache_key(&c);
		if (!key.err && page_cache_get(app->page_cache, key.data, key.len, c.content_gen, w))
			goto out;
	}
	rt->fn(&c);
	if (cacheable && !key.err)
		page_cache_put(app->page_cache, key.data, key.len, c.content_gen, w);
out:
	store_rollback(c.db);   /* a handler that left a transaction open loses it */
	store_release(app->store, c.db);
}

int64_t ctx_param_id(struct ctx *c, const char *name)
{
	const char *v = http_param(c->req, name);
	if (!v || !*v || strlen(v) > 18)
		return 0;
	int64_t n = 0;
	for (const char *p = v; *p; p++) {
		if (*p < '0' || *p > '9')
			return 0;
		n = n * 10 + (*p - '0');
	}
	return n;
}

const char *ctx_form(struct ctx *c, const char *name)
{
	return http_form_get(&c->form, name);
}

const char *ctx_query(struct ctx *c, const char *name)
{
	return http_form_get(&c->query, name);
}

void ctx_redirect_flash(struct ctx *c, const char *location, enum msg flash)
{
	char v[16];
	snprintf(v, sizeof v, "%d", (int)flash);
	http_set_cookie(c->w, c->a, "evne_flash", v, 60, c->req->secure);
	http_redirect(c->w, location);
}

enum err ctx_write(struct ctx *c, enum err (*fn)(struct ctx *c, void *arg), void *arg)
{
	enum err e = ERR_BUSY;
	for (int attempt = 0; attempt < 3 && e == ERR_BUSY; attempt++) {
		e = store_begin(c->db, true);
		if (e != OK)
			continue;
		e = fn(c, arg);
		if (e == OK)
			e = store_commit(c->db);
		else
			store_rollback(c->db);
	}
	if (e == ERR_IO || e == ERR_BUSY)
		log_error("write failed on %s %s: %s", c->req->method, c->req->path, store_errmsg(c->db));
	return e;
}

enum err ctx_audit(struct ctx *c, const char *entity, int64_t id, const char *action,
		   const char *changes_json)
{
	return store_audit_insert(c->db, c->now, c->user.id, entity, id, action, changes_json);
}
