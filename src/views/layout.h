/* layout.h — the page shell every HTML page is wrapped in (head, skip link,
 * header with the main menu, user, log-out and language switcher, main,
 * footer) and the small pages that belong to the shell: log-in, home, error
 * pages and the accessibility statement. Handlers fill a page_meta from the
 * request context; the views never look at the request themselves. */
#ifndef EVNE_VIEWS_LAYOUT_H
#define EVNE_VIEWS_LAYOUT_H

#include <stdbool.h>
#include <stdint.h>
#include "domain/types.h"
#include "html/html.h"
#include "i18n/i18n.h"

/* Content-hashed asset URLs ("/assets/evne.3f2a9c1b22aa.css"); filled by
 * web/assets.c (assets_page_urls). A NULL member is left out of the page. */
struct asset_urls {
	const char *ds_css;       /* @digdir/designsystemet-css */
	const char *theme_css;    /* @digdir/designsystemet-theme */
	const char *evne_css;     /* assets/evne.css */
	const char *htmx_js;      /* htmx.org */
	const char *icon;         /* assets/favicon.svg */
};

/* The main menu entries; active_nav marks one with aria-current="page". */
enum nav {
	NAV_NONE = 0,
	NAV_HOME,
	NAV_UNITS,
	NAV_PEOPLE,
	NAV_CYCLES,               /* the yearly cycle (årshjul), for everyone signed in */
	NAV_DOCUMENTS,            /* leader guides, aids, strategy documents */
	NAV_READING,              /* what the user has been asked to read */
	NAV_COMPETENCES,          /* the competence catalogue */
	NAV_IMPORT,
	NAV_AUDIT,
	NAV_ACCOUNTS,
	NAV_MY_ACCOUNT,
	NAV_A11Y                  /* the footer's accessibility statement link */
};

struct page_meta {
	const char *title;        /* the page's own title, shown as "title – evne" */
	enum lang lang;           /* <html lang>, and the language of all text */
	const char *user_name;    /* NULL when not logged in: no menu, no log-out */
	enum role role;           /* shown next to the user's name */
	const char *csrf;         /* the session's token; hidden field of log-out and language forms */
	const char *flash;        /* one-time message (already translated), shown as a status alert */
	const char *path;         /* current path and query, where the language switcher returns */
	const struct asset_urls *assets;
	bool show_org;            /* menu shows Enheter and Personer */
	bool show_import;         /* menu shows Import */
	bool show_audit;
	bool show_accounts;       /* menu shows Brukerkontoer */          /* menu shows Endringslogg */
	enum nav active_nav;
};

/* Main-menu paths, for handlers and tests. */
#define LAYOUT_PATH_HOME   "/"
#define LAYOUT_PATH_UNITS  "/units"
#define LAYOUT_PATH_PEOPLE "/people"
#define LAYOUT_PATH_CYCLES "/cycles"
#define LAYOUT_PATH_DOCUMENTS "/documents"
#define LAYOUT_PATH_READING "/reading"
#define LAYOUT_PATH_COMPETENCES "/competences"
#define LAYOUT_PATH_IMPORT "/import"
#define LAYOUT_PATH_AUDIT  "/audit"
#define LAYOUT_PATH_ACCOUNTS "/admin/users"
#define LAYOUT_PATH_MY_ACCOUNT "/account"
#define LAYOUT_PATH_A11Y   "/tilgjengelighet"

/* Everything up to and including <main id="main" tabindex="-1"> and the
 * flash; the page writes its own <h1> next. */
void layout_begin(struct html *h, const struct page_meta *pm);
/* Closes <main> and writes the footer, </body></html>. */
void layout_end(struct html *h, const struct page_meta *pm);

/* The catalogue name of a role ("Leder"); MSG_ROLE_EMPLOYEE for ROLE_NONE. */
enum msg v_role_msg(enum role r);

/* Whole pages. Each takes the handler's page_meta and sets the title itself. */

/* 400, 403, 404, 405, 413, 429, 500, 503 have their own text; other 4xx
 * statuses get the 400 text and other 5xx the 500 text. */
void v_error_page(struct html *h, const struct page_meta *pm, int status);

struct v_login {
	const char *csrf;         /* the log-in form's token (there is no session yet) */
	const char *email;        /* echoed back after a failure; NULL on first view */
	const char *next;         /* where to go after log-in; NULL: home */
	bool failed;              /* wrong e-mail or password (never says which) */
	bool rate_limited;        /* too many attempts */
};
void v_login_page(struct html *h, const struct page_meta *pm, const struct v_login *d);

struct cycle;
struct v_dashboard;
/* A link to a page of the open cycle that the user's role works on. */
struct v_home_task {
	const char *href;
	enum msg label;
	enum msg hint;            /* one line on what to do there */
};

struct v_home {
	int64_t units;            /* number of units */
	int64_t active_people;    /* number of active people */
	const struct cycle *cycle;   /* the current open cycle, or NULL (domain/cycle.h) */
	const char *today;        /* ISO date, for the cycle's wheel */
	const struct v_dashboard *dashboard;   /* the cycle's indicators (views/dashboard.h), or NULL */
	const struct v_home_task *tasks;       /* the cycle's pages for this user, in phase order */
	int ntasks;
};
void v_home_page(struct html *h, const struct page_meta *pm, const struct v_home *d);

void v_accessibility_page(struct html *h, const struct page_meta *pm);

#endif
