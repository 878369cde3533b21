/* layout.c — the page shell: <head> with the hashed stylesheets and the
 * deferred htmx script (no inline script or style, for a strict CSP), a skip
 * link as the first focusable element, the header (site name, main menu with
 * the current page marked, the user with a log-out form, a language switcher
 * that is a plain form and works without JavaScript), <main> with the flash
 * message as a status alert, and the footer with the accessibility
 * statement. Designsystemet classes; our own layout classes in evne.css. */
#include "views/layout.h"

#include "views/form.h"

enum msg v_role_msg(enum role r)
{
	switch (r) {
	case ROLE_ADMIN: return MSG_ROLE_ADMIN;
	case ROLE_HR: return MSG_ROLE_HR;
	case ROLE_MANAGEMENT: return MSG_ROLE_MANAGEMENT;
	case ROLE_LEADER: return MSG_ROLE_LEADER;
	case ROLE_REPRESENTATIVE: return MSG_ROLE_REPRESENTATIVE;
	case ROLE_EMPLOYEE:
	case ROLE_NONE:
	case ROLE_COUNT:
		break;
	}
	return MSG_ROLE_EMPLOYEE;
}

static void head(struct html *h, const struct page_meta *pm)
{
	HTML_LIT(h, "<!doctype html>\n<html");
	HTML_ATTR(h, "lang", lang_code(pm->lang));
	HTML_LIT(h, " data-color-scheme=\"light\">\n<head>\n<meta charset=\"utf-8\">\n"
		    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
	if (pm->title && *pm->title)
		html_msgf(h, MSG_PAGE_TITLE, pm->title);
	else
		html_msg(h, MSG_SITE_NAME);
	HTML_LIT(h, "</title>\n");
	const struct asset_urls *a = pm->assets;
	if (a) {
		const char *css[] = { a->ds_css, a->theme_css, a->evne_css };
		for (size_t i = 0; i < sizeof css / sizeof css[0]; i++) {
			if (!css[i])
				continue;
			HTML_LIT(h, "<link rel=\"stylesheet\"");
			HTML_URL(h, "href", css[i]);
			HTML_LIT(h, ">\n");
		}
		if (a->icon) {
			HTML_LIT(h, "<link rel=\"icon\" type=\"image/svg+xml\"");
			HTML_URL(h, "href", a->icon);
			HTML_LIT(h, ">\n");
		}
		if (a->htmx_js) {
			/* htmx would otherwise add an inline <style>, which the CSP refuses */
			HTML_LIT(h, "<meta name=\"htmx-config\" content='{\"includeIndicatorStyles\":false}'>\n");
			HTML_LIT(h, "<script");
			HTML_URL(h, "src", a->htmx_js);
			HTML_LIT(h, " defer></script>\n");
		}
	}
	HTML_LIT(h, "</head>\n");
}

static void nav_item(struct html *h, const struct page_meta *pm, enum nav item, const char *href,
		     enum msg label)
{
	HTML_LIT(h, "<li><a class=\"site-nav__link\"");
	HTML_URL(h, "href", href);
	if (pm->active_nav == item)
		HTML_LIT(h, " aria-current=\"page\"");
	HTML_LIT(h, ">");
	html_msg(h, label);
	HTML_LIT(h, "</a></li>");
}

static void main_nav(struct html *h, const struct page_meta *pm)
{
	HTML_LIT(h, "<nav class=\"site-nav\"");
	HTML_ATTR(h, "aria-label", msg(h->lang, MSG_NAV_LABEL));
	HTML_LIT(h, "><ul class=\"site-nav__list\">");
	nav_item(h, pm, NAV_HOME, LAYOUT_PATH_HOME, MSG_NAV_HOME);
	if (pm->show_org) {
		nav_item(h, pm, NAV_UNITS, LAYOUT_PATH_UNITS, MSG_NAV_UNITS);
		nav_item(h, pm, NAV_PEOPLE, LAYOUT_PATH_PEOPLE, MSG_NAV_PEOPLE);
	}
	nav_item(h, pm, NAV_CYCLES, LAYOUT_PATH_CYCLES, MSG_NAV_CYCLES);
	nav_item(h, pm, NAV_DOCUMENTS, LAYOUT_PATH_DOCUMENTS, MSG_NAV_DOCUMENTS);
	nav_item(h, pm, NAV_READING, LAYOUT_PATH_READING, MSG_NAV_READING);
	nav_item(h, pm, NAV_COMPETENCES, LAYOUT_PATH_COMPETENCES, MSG_NAV_COMPETENCES);
	if (pm->show_import)
		nav_item(h, pm, NAV_IMPORT, LAYOUT_PATH_IMPORT, MSG_NAV_IMPORT);
	if (pm->show_audit)
		nav_item(h, pm, NAV_AUDIT, LAYOUT_PATH_AUDIT, MSG_NAV_AUDIT);
	if (pm->show_accounts)
		nav_item(h, pm, NAV_ACCOUNTS, LAYOUT_PATH_ACCOUNTS, MSG_ACCT_LIST_TITLE);
	HTML_LIT(h, "</ul></nav>\n");
}

static void user_box(struct html *h, const struct page_meta *pm)
{
	HTML_LIT(h, "<div class=\"site-user\"><p class=\"site-user__name\"><span class=\"ds-sr-only\">");
	html_msg(h, MSG_SIGNED_IN_AS);
	HTML_LIT(h, " </span>");
	html_text(h, pm->user_name);
	HTML_LIT(h, " <span class=\"site-user__role\">(");
	html_msg(h, v_role_msg(pm->role));
	HTML_LIT(h, ")</span> <a class=\"ds-link site-user__account\" href=\"" LAYOUT_PATH_MY_ACCOUNT "\"");
	if (pm->active_nav == NAV_MY_ACCOUNT)
		HTML_LIT(h, " aria-current=\"page\"");
	HTML_LIT(h, ">");
	html_msg(h, MSG_ACCT_MINE_TITLE);
	HTML_LIT(h, "</a></p>"
		    "<form method=\"post\" action=\"/logout\" class=\"site-user__logout\">");
	v_csrf(h, pm->csrf);
	HTML_LIT(h, "<button type=\"submit\" class=\"ds-button\" data-variant=\"secondary\" "
		    "data-size=\"sm\">");
	html_msg(h, MSG_LOGOUT);
	HTML_LIT(h, "</button></form></div>\n");
}

static void lang_button(struct html *h, const struct page_meta *pm, enum lang l, enum msg label)
{
	HTML_LIT(h, "<button type=\"submit\" class=\"ds-button\" name=\"lang\" data-size=\"sm\"");
	HTML_ATTR(h, "value", lang_code(l));
	HTML_ATTR(h, "lang", lang_code(l));
	if (pm->lang == l)
		HTML_LIT(h, " data-variant=\"secondary\" aria-current=\"true\">");
	else
		HTML_LIT(h, " data-variant=\"tertiary\">");
	html_msg(h, label);
	HTML_LIT(h, "</button>");
}

static void lang_switcher(struct html *h, const struct page_meta *pm)
{
	HTML_LIT(h, "<form method=\"post\" action=\"/lang\" class=\"site-lang\">");
	if (pm->csrf)
		v_csrf(h, pm->csrf);
	HTML_LIT(h, "<input type=\"hidden\" name=\"return\"");
	HTML_ATTR(h, "value", pm->path && *pm->path ? pm->path : LAYOUT_PATH_HOME);
	HTML_LIT(h, "><fieldset class=\"ds-fieldset site-lang__fieldset\"><legend class=\"site-lang__legend\">");
	html_msg(h, MSG_LANG_LEGEND);
	HTML_LIT(h, "</legend><div class=\"site-lang__buttons\">");
	lang_button(h, pm, LANG_NB, MSG_LANG_NB);
	lang_button(h, pm, LANG_NN, MSG_LANG_NN);
	lang_button(h, pm, LANG_EN, MSG_LANG_EN);
	HTML_LIT(h, "</div></fieldset></form>\n");
}

void layout_begin(struct html *h, const struct page_meta *pm)
{
	head(h, pm);
	HTML_LIT(h, "<body>\n<a class=\"ds-skip-link\" href=\"#main\">");
	html_msg(h, MSG_SKIP_TO_MAIN);
	HTML_LIT(h, "</a>\n<header class=\"site-header\"><div class=\"site-header__inner\">\n"
		    "<a class=\"site-name\" href=\"/\">");
	html_msg(h, MSG_SITE_NAME);
	HTML_LIT(h, "</a>\n");
	if (pm->user_name) {
		main_nav(h, pm);
		user_box(h, pm);
	}
	lang_switcher(h, pm);
	HTML_LIT(h, "</div></header>\n<main id=\"main\" tabindex=\"-1\" class=\"site-main\">\n");
	if (pm->flash && *pm->flash) {
		HTML_LIT(h, "<div class=\"ds-alert site-flash\" data-color=\"success\" role=\"status\">"
			    "<p class=\"ds-paragraph\">");
		html_text(h, pm->flash);
		HTML_LIT(h, "</p></div>\n");
	}
}

void layout_end(struct html *h, const struct page_meta *pm)
{
	HTML_LIT(h, "</main>\n<footer class=\"site-footer\"><div class=\"site-footer__inner\">"
		    "<a class=\"ds-link\" href=\"" LAYOUT_PATH_A11Y "\"");
	if (pm->active_nav == NAV_A11Y)
		HTML_LIT(h, " aria-current=\"page\"");
	HTML_LIT(h, ">");
	html_msg(h, MSG_FOOTER_A11Y);
	HTML_LIT(h, "</a></div></footer>\n</body>\n</html>\n");
}
