/* login.c — the log-in page: e-mail and password with labels and the
 * autocomplete hints password managers need, the CSRF token and the page to
 * return to. A failure is one generic message (it never says whether the
 * address or the password was wrong) in an error summary that links to the
 * first field and is announced (role="alert"). */
#include "views/layout.h"

#include "views/form.h"

void v_login_page(struct html *h, const struct page_meta *pm, const struct v_login *d)
{
	struct page_meta m = *pm;
	m.title = msg(h->lang, MSG_LOGIN_TITLE);
	layout_begin(h, &m);
	HTML_LIT(h, "<div class=\"page-narrow\">\n<h1 class=\"ds-heading\" data-size=\"lg\">");
	html_msg(h, MSG_LOGIN_TITLE);
	HTML_LIT(h, "</h1>\n");
	bool error = d->failed || d->rate_limited;
	if (error) {
		HTML_LIT(h, "<div class=\"ds-error-summary\" role=\"alert\" tabindex=\"-1\" autofocus>"
			    "<h2 class=\"ds-heading\" data-size=\"xs\">");
		html_msg(h, MSG_ERROR_SUMMARY);
		HTML_LIT(h, "</h2><ul class=\"ds-list\"><li><a class=\"ds-link\" href=\"#f-email\">");
		html_msg(h, d->rate_limited ? MSG_LOGIN_RATE_LIMITED : MSG_LOGIN_FAILED);
		HTML_LIT(h, "</a></li></ul></div>\n");
	} else {
		HTML_LIT(h, "<p class=\"ds-paragraph\">");
		html_msg(h, MSG_LOGIN_INTRO);
		HTML_LIT(h, "</p>\n");
	}
	HTML_LIT(h, "<form method=\"post\" action=\"/login\" class=\"form-stack\">");
	v_csrf(h, d->csrf);
	if (d->next && *d->next) {
		HTML_LIT(h, "<input type=\"hidden\" name=\"next\"");
		HTML_ATTR(h, "value", d->next);
		HTML_LIT(h, ">");
	}
	HTML_LIT(h, "\n");
	v_text_field(h, &(struct v_field){
		.name = "email",
		.label = msg(h->lang, MSG_LOGIN_EMAIL),
		.value = d->email,
		.type = "email",
		.autocomplete = "username",
		.maxlength = EMAIL_MAX_CHARS,
	});
	v_text_field(h, &(struct v_field){
		.name = "password",
		.label = msg(h->lang, MSG_LOGIN_PASSWORD),
		.type = "password",
		.autocomplete = "current-password",
	});
	HTML_LIT(h, "<div class=\"form-actions\">");
	v_submit(h, MSG_LOGIN_BUTTON, true);
	HTML_LIT(h, "</div></form>\n</div>\n");
	layout_end(h, &m);
}
