/* page.c — the bridge from a request to the page shell: fills page_meta
 * from the context (language, user, CSRF token, one-time message, menu for
 * the role, asset URLs) and renders error pages, as HTML for the web and as
 * problem details for the API. */
#include <stdlib.h>
#include <string.h>

#include "api/api.h"
#include "html/html.h"
#include "views/layout.h"
#include "web/app.h"
#include "web/assets.h"
#include "web/session.h"

static const char *take_flash(struct ctx *c)
{
	const char *v = http_cookie(c->req, "evne_flash");
	if (!v || !*v)
		return NULL;
	http_set_cookie(c->w, c->a, "evne_flash", "", 0, c->req->secure);
	char *end;
	long id = strtol(v, &end, 10);
	if (*end || id <= 0 || id >= MSG_COUNT)
		return NULL;
	return msg(c->lang, (enum msg)id);
}

static const char *current_path(struct ctx *c)
{
	if (!c->req->query || !*c->req->query)
		return c->req->path;
	struct buf b;
	buf_init(&b, c->a, 8192);
	buf_puts(&b, c->req->path);
	buf_putc(&b, '?');
	buf_puts(&b, c->req->query);
	return b.err ? c->req->path : buf_str(&b);
}

static void fill_meta(struct ctx *c, struct page_meta *pm, const char *title)
{
	memset(pm, 0, sizeof *pm);
	pm->title = title;
	pm->lang = c->lang;
	pm->path = current_path(c);
	struct asset_urls *urls = arena_alloc(c->a, sizeof *urls);
	if (urls) {
		assets_page_urls(c->app->assets, urls);
		pm->assets = urls;
	}
	pm->flash = take_flash(c);
	if (c->actor.role != ROLE_NONE) {
		pm->user_name = c->user.name;
		pm->role = c->actor.role;
		pm->csrf = c->csrf;
		pm->show_org = access_can(&c->actor, ACT_ORG_READ, 0);
		pm->show_import = access_can(&c->actor, ACT_IMPORT, 0);
		pm->show_audit = access_can(&c->actor, ACT_AUDIT_READ, 0);
		pm->show_accounts = access_can(&c->actor, ACT_USER_ADMIN, 0);
	} else {
		pm->csrf = session_prelogin_csrf(c);
	}
	const char *p = c->req->path;
	if (strcmp(p, "/") == 0)
		pm->active_nav = NAV_HOME;
	else if (strncmp(p, "/units", 6) == 0)
		pm->active_nav = NAV_UNITS;
	else if (strncmp(p, "/people", 7) == 0)
		pm->active_nav = NAV_PEOPLE;
	else if (strcmp(p, LAYOUT_PATH_CYCLES) == 0 || strncmp(p, LAYOUT_PATH_CYCLES "/", 8) == 0)
		pm->active_nav = NAV_CYCLES;
	else if (strncmp(p, LAYOUT_PATH_DOCUMENTS, strlen(LAYOUT_PATH_DOCUMENTS)) == 0)
		pm->active_nav = NAV_DOCUMENTS;
	else if (strncmp(p, LAYOUT_PATH_READING, strlen(LAYOUT_PATH_READING)) == 0)
		pm->active_nav = NAV_READING;
	else if (strncmp(p, LAYOUT_PATH_COMPETENCES, strlen(LAYOUT_PATH_COMPETENCES)) == 0)
		pm->active_nav = NAV_COMPETENCES;
	else if (strncmp(p, "/import", 7) == 0)
		pm->active_nav = NAV_IMPORT;
	else if (strncmp(p, "/audit", 6) == 0)
		pm->active_nav = NAV_AUDIT;
	else if (strncmp(p, LAYOUT_PATH_ACCOUNTS, strlen(LAYOUT_PATH_ACCOUNTS)) == 0)
		pm->active_nav = NAV_ACCOUNTS;
	else if (strncmp(p, LAYOUT_PATH_MY_ACCOUNT, strlen(LAYOUT_PATH_MY_ACCOUNT)) == 0)
		pm->active_nav = NAV_MY_ACCOUNT;
	else if (strcmp(p, LAYOUT_PATH_A11Y) == 0)
		pm->active_nav = NAV_A11Y;
}

struct page_meta *ctx_page_meta(struct ctx *c, const char *title)
{
	struct page_meta *pm = arena_alloc(c->a, sizeof *pm);
	if (pm)
		fill_meta(c, pm, title);
	return pm;
}

void page_begin(struct ctx *c, struct html *h, const char *title)
{
	html_init(h, &c->w->body, c->lang);
	struct page_meta *pm = ctx_page_meta(c, title);
	c->page = pm;
	if (pm)
		layout_begin(h, pm);
}

void page_end(struct ctx *c, struct html *h)
{
	if (c->page)
		layout_end(h, c->page);
}

void ctx_error_page(struct ctx *c, int status)
{
	c->w->status = status;
	if (strncmp(c->req->path, "/api/", 5) == 0) {
		api_problem(c, status, NULL);
		return;
	}
	buf_reset(&c->w->body);
	c->w->content_type = "text/html; charset=utf-8";
	struct html h;
	html_init(&h, &c->w->body, c->lang);
	struct page_meta *pm = ctx_page_meta(c, NULL);
	if (pm)
		v_error_page(&h, pm, status);
}
