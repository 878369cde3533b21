/* app.h — the web application's shared context: what a page handler gets
 * (the request, the response, a database connection, the actor, the
 * language, the CSRF token) and the route table row format. */
#ifndef EVNE_APP_H
#define EVNE_APP_H

#include <stdbool.h>
#include <stdint.h>
#include "domain/access.h"
#include "domain/types.h"
#include "http/http.h"
#include "i18n/i18n.h"
#include "store/store.h"

struct assets;
struct page_meta;
struct page_cache;

struct app {
	struct store *store;
	const struct assets *assets;
	int64_t session_ttl_s;       /* idle lifetime of a session */
	int login_max_failures;      /* per account and per address, within login_window_s */
	int64_t login_window_s;
	size_t upload_max_bytes;
	struct page_cache *page_cache;   /* NULL: every answer is rendered */
};

struct ctx {
	struct app *app;
	struct http_req *req;
	struct http_resp *w;
	struct arena *a;             /* == req->arena */
	struct store_conn *db;
	struct actor actor;          /* role ROLE_NONE when not logged in */
	struct user user;            /* the logged-in user (id 0 when none) */
	enum lang lang;
	const char *csrf;            /* the session's CSRF token; NULL when not logged in */
	const char *prelogin_csrf;   /* the double-submit token before log-in, once per request */
	const char *session_hash;
	const char *credential_hash; /* the session's or API token's hash: whose answer it is */
	int64_t now;                 /* epoch seconds, taken once per request */
	int64_t content_gen;         /* store_content_generation at the request's start */
	bool content_gen_known;      /* false: no page cache, or it could not be read */
	struct http_form form;       /* parsed body of POST requests */
	struct http_form query;      /* parsed query string */
	struct page_meta *page;      /* set by page_begin */
};

typedef void (*page_fn)(struct ctx *c);

struct route {
	const char *method;          /* "GET", "POST" */
	const char *pattern;         /* "/units/{id}" */
	page_fn fn;
	enum action perm;            /* checked before fn runs */
};

/* Route tables: web/routes.c and api/routes.c. */
extern const struct route web_routes[];
extern const int web_routes_count;
extern const struct route api_routes[];
extern const int api_routes_count;

/* The one request entry point given to the HTTP server. */
void app_handle(struct http_req *r, struct http_resp *w, void *app);

/* Helpers for handlers. */
int64_t ctx_param_id(struct ctx *c, const char *name);   /* 0 when not a positive integer */
const char *ctx_form(struct ctx *c, const char *name);    /* POST field, NULL if absent */
const char *ctx_query(struct ctx *c, const char *name);   /* query field, NULL if absent */
void ctx_error_page(struct ctx *c, int status);           /* 403/404/500... as a page */
/* Redirects (303) with a one-time message shown on the next page. */
void ctx_redirect_flash(struct ctx *c, const char *location, enum msg flash);
/* Starts a page: fills the layout's page_meta from c (language, user, csrf,
 * flash, assets, nav) and writes everything up to <main>. The title is
 * already-localised text. page_end closes it. Writes into c->w->body. */
struct html;
void page_begin(struct ctx *c, struct html *h, const char *title);
void page_end(struct ctx *c, struct html *h);
/* The page_meta page_begin would use, for views that render whole pages. */
struct page_meta *ctx_page_meta(struct ctx *c, const char *title);
/* Runs fn inside a write transaction: commits when fn returns OK, rolls back
 * otherwise; ERR_BUSY is retried a few times. */
enum err ctx_write(struct ctx *c, enum err (*fn)(struct ctx *c, void *arg), void *arg);
/* Records an audit row in the current transaction. */
enum err ctx_audit(struct ctx *c, const char *entity, int64_t id, const char *action,
		   const char *changes_json);

#endif
