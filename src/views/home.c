/* home.c — the home page after log-in: a welcome by name, the annual wheel
 * of the open cycle (or a note that none is open), the indicator dashboard
 * of that cycle for HR and leaders (views/dashboard.c), the size of the
 * organisation in Norwegian number format, and links to the pages the user's
 * role may open (the same ones as the main menu). */
#include "views/layout.h"

#include "domain/cycle.h"
#include "views/dashboard.h"
#include "views/wheel.h"

static void count(struct html *h, enum msg label, int64_t v)
{
	HTML_LIT(h, "<div class=\"home-figure\"><dt>");
	html_msg(h, label);
	HTML_LIT(h, "</dt><dd>");
	html_num(h, v);
	HTML_LIT(h, "</dd></div>");
}

static void home_link(struct html *h, const char *href, enum msg label)
{
	HTML_LIT(h, "<li><a class=\"ds-link\"");
	HTML_URL(h, "href", href);
	HTML_LIT(h, ">");
	html_msg(h, label);
	HTML_LIT(h, "</a></li>");
}

/* The open cycle's wheel with a link to the cycle. */
static void home_cycle(struct html *h, const struct v_home *d)
{
	HTML_LIT(h, "<h2 class=\"ds-heading\" data-size=\"sm\">");
	html_msg(h, MSG_HOME_CYCLE);
	HTML_LIT(h, "</h2>\n");
	if (!d->cycle) {
		HTML_LIT(h, "<p class=\"ds-paragraph\">");
		html_msg(h, MSG_HOME_NO_CYCLE);
		HTML_LIT(h, " <a class=\"ds-link\"");
		HTML_URL(h, "href", LAYOUT_PATH_CYCLES);
		HTML_LIT(h, ">");
		html_msg(h, MSG_CYCLE_LIST_TITLE);
		HTML_LIT(h, "</a></p>\n");
		return;
	}
	v_wheel(h, d->cycle, d->today);
	HTML_LIT(h, "<p><a class=\"ds-link\"");
	HTML_URL(h, "href", url_path(h->b->arena, "/cycles/%lld", (long long)d->cycle->id));
	HTML_LIT(h, ">");
	html_msgf(h, MSG_HOME_CYCLE_LINK, d->cycle->name ? d->cycle->name : "");
	HTML_LIT(h, "</a></p>\n");
}

/* The open cycle's pages the user works on, each with what to do there. */
static void home_tasks(struct html *h, const struct v_home *d)
{
	if (d->ntasks == 0)
		return;
	HTML_LIT(h, "<h2 class=\"ds-heading\" data-size=\"sm\">");
	html_msg(h, MSG_HOME_TASKS);
	HTML_LIT(h, "</h2>\n<ul class=\"ds-list home-tasks\">");
	for (int i = 0; i < d->ntasks; i++) {
		HTML_LIT(h, "<li><a class=\"ds-link\"");
		HTML_URL(h, "href", d->tasks[i].href);
		HTML_LIT(h, ">");
		html_msg(h, d->tasks[i].label);
		HTML_LIT(h, "</a> – ");
		html_msg(h, d->tasks[i].hint);
		HTML_LIT(h, "</li>");
	}
	HTML_LIT(h, "</ul>\n");
}

void v_home_page(struct html *h, const struct page_meta *pm, const struct v_home *d)
{
	struct page_meta m = *pm;
	m.title = msg(h->lang, MSG_HOME_TITLE);
	m.active_nav = NAV_HOME;
	layout_begin(h, &m);
	HTML_LIT(h, "<h1 class=\"ds-heading\" data-size=\"lg\">");
	html_msgf(h, MSG_HOME_WELCOME, pm->user_name ? pm->user_name : "");
	HTML_LIT(h, "</h1>\n<p class=\"ds-paragraph\" data-size=\"lg\">");
	html_msg(h, MSG_HOME_INTRO);
	HTML_LIT(h, "</p>\n");
	home_cycle(h, d);
	home_tasks(h, d);
	if (d->dashboard)
		v_dashboard(h, d->dashboard);
	if (pm->show_org) {
		HTML_LIT(h, "<h2 class=\"ds-heading\" data-size=\"sm\">");
		html_msg(h, MSG_HOME_NUMBERS);
		HTML_LIT(h, "</h2>\n<dl class=\"home-figures\">");
		count(h, MSG_HOME_COUNT_UNITS, d->units);
		count(h, MSG_HOME_COUNT_PEOPLE, d->active_people);
		HTML_LIT(h, "</dl>\n");
	}
	if (pm->show_org || pm->show_import || pm->show_audit) {
		HTML_LIT(h, "<h2 class=\"ds-heading\" data-size=\"sm\">");
		html_msg(h, MSG_HOME_GO_TO);
		HTML_LIT(h, "</h2>\n<ul class=\"ds-list\">");
		if (pm->show_org) {
			home_link(h, LAYOUT_PATH_UNITS, MSG_NAV_UNITS);
			home_link(h, LAYOUT_PATH_PEOPLE, MSG_NAV_PEOPLE);
		}
		if (pm->show_import)
			home_link(h, LAYOUT_PATH_IMPORT, MSG_NAV_IMPORT);
		if (pm->show_audit)
			home_link(h, LAYOUT_PATH_AUDIT, MSG_NAV_AUDIT);
		HTML_LIT(h, "</ul>\n");
	}
	layout_end(h, &m);
}
