/* accounts.c — the account pages: the administrator's table of accounts
 * (name linking to the edit form, e-mail, role, linked person, status), the
 * create/edit form (role and language from selects, the person given by
 * employee number), the confirmation before a password reset, the page that
 * shows a new one-time password once with how to hand it over, and the
 * user's own account page with the password change form. The password form
 * keeps its own field problems (wrong, too short, not repeated alike), so it
 * writes its fields here with the same markup as views/form.c. */
#include "views/accounts.h"

#include <string.h>
#include "base/arena.h"
#include "views/layout.h"
#include "views/org.h"

static void paragraph(struct html *h, enum msg m)
{
	HTML_LIT(h, "<p class=\"ds-paragraph\">");
	html_msg(h, m);
	HTML_LIT(h, "</p>");
}

static void status_tag(struct html *h, bool active)
{
	if (active)
		HTML_LIT(h, "<span class=\"ds-tag\" data-color=\"success\">");
	else
		HTML_LIT(h, "<span class=\"ds-tag\" data-color=\"warning\">");
	html_msg(h, active ? MSG_ACCT_ACTIVE : MSG_ACCT_INACTIVE);
	HTML_LIT(h, "</span>");
}

static void person_cell(struct html *h, int64_t id, const char *name, const char *number)
{
	if (!id || !name) {
		html_msg(h, MSG_ACCT_NO_PERSON);
		return;
	}
	v_person_link(h, id, name);
	if (number && *number) {
		HTML_LIT(h, " ");
		html_msgf(h, MSG_ACCT_PERSON_NUMBER, number);
	}
}

static void edit_link(struct html *h, const struct user *u)
{
	HTML_LIT(h, "<a class=\"ds-link\"");
	HTML_URL(h, "href", url_path(h->b->arena, "/admin/users/%lld/edit", (long long)u->id));
	HTML_LIT(h, ">");
	html_text(h, u->name);
	HTML_LIT(h, "</a>");
}

static void th(struct html *h, enum msg m)
{
	HTML_LIT(h, "<th scope=\"col\">");
	html_msg(h, m);
	HTML_LIT(h, "</th>");
}

void v_accounts_index(struct html *h, const struct v_accounts_index *m)
{
	HTML_LIT(h, "<h1 class=\"ds-heading\" data-size=\"lg\">");
	html_msg(h, MSG_ACCT_LIST_TITLE);
	HTML_LIT(h, "</h1>");
	paragraph(h, MSG_ACCT_LIST_INTRO);
	HTML_LIT(h, "<p><a class=\"ds-button\" data-variant=\"primary\" href=\"/admin/users/new\">");
	html_msg(h, MSG_ACCT_NEW);
	HTML_LIT(h, "</a></p>");
	if (m->n == 0) {
		paragraph(h, MSG_ACCT_NONE);
		return;
	}
	HTML_LIT(h, "<p class=\"ds-paragraph\">");
	html_msgf(h, MSG_ACCT_COUNT, m->n);
	HTML_LIT(h, "</p><table class=\"ds-table\" data-zebra=\"true\"><caption class=\"ds-sr-only\">");
	html_msg(h, MSG_ACCT_LIST_CAPTION);
	HTML_LIT(h, "</caption><thead><tr>");
	th(h, MSG_ACCT_FIELD_NAME);
	th(h, MSG_ACCT_FIELD_EMAIL);
	th(h, MSG_ACCT_FIELD_ROLE);
	th(h, MSG_ACCT_FIELD_PERSON);
	th(h, MSG_ACCT_FIELD_STATUS);
	HTML_LIT(h, "</tr></thead><tbody>");
	for (int i = 0; i < m->n; i++) {
		const struct v_account_row *r = &m->rows[i];
		HTML_LIT(h, "<tr><td>");
		edit_link(h, r->user);
		HTML_LIT(h, "</td><td>");
		html_text(h, r->user->email);
		HTML_LIT(h, "</td><td>");
		html_msg(h, v_role_msg(r->user->role));
		HTML_LIT(h, "</td><td>");
		person_cell(h, r->user->person_id, r->person_name, r->person_number);
		HTML_LIT(h, "</td><td>");
		status_tag(h, r->user->active);
		HTML_LIT(h, "</td></tr>");
	}
	HTML_LIT(h, "</tbody></table>");
}

static const enum role role_order[] = { ROLE_EMPLOYEE, ROLE_LEADER, ROLE_HR, ROLE_MANAGEMENT,
					 ROLE_REPRESENTATIVE, ROLE_ADMIN };

static void role_select(struct html *h, const struct v_field *f)
{
	struct v_option opts[sizeof role_order / sizeof role_order[0]];
	int n = 0;
	for (size_t i = 0; i < sizeof role_order / sizeof role_order[0]; i++)
		opts[n++] = (struct v_option){ role_name(role_order[i]),
					       msg(h->lang, v_role_msg(role_order[i])) };
	v_select(h, f, opts, n, NULL);
}

static void lang_select(struct html *h, const struct v_field *f)
{
	const struct v_option opts[] = {
		{ "nb", msg(h->lang, MSG_LANG_NB) },
		{ "nn", msg(h->lang, MSG_LANG_NN) },
		{ "en", msg(h->lang, MSG_LANG_EN) },
	};
	v_select(h, f, opts, (int)(sizeof opts / sizeof opts[0]), NULL);
}

void v_account_form(struct html *h, const struct v_account_form *m)
{
	const struct user *u = m->user;
	struct arena *a = h->b->arena;
	enum lang l = h->lang;
	HTML_LIT(h, "<h1 class=\"ds-heading\" data-size=\"lg\">");
	if (u->id)
		html_msgf(h, MSG_ACCT_EDIT_HEADING, m->heading_name ? m->heading_name : "");
	else
		html_msg(h, MSG_ACCT_NEW);
	HTML_LIT(h, "</h1>");
	if (u->id) {
		HTML_LIT(h, "<p class=\"ds-paragraph\">");
		html_msgf(h, MSG_ACCT_EMAIL_IS, u->email ? u->email : "");
		HTML_LIT(h, "</p>");
	}

	const struct v_label labels[] = {
		{ "name", msg(l, MSG_ACCT_FIELD_NAME) },
		{ "email", msg(l, MSG_ACCT_FIELD_EMAIL) },
		{ "role", msg(l, MSG_ACCT_FIELD_ROLE) },
		{ "employee_number", msg(l, MSG_ACCT_FIELD_PERSON_NUMBER) },
		{ "lang", msg(l, MSG_ACCT_FIELD_LANG) },
		{ "active", msg(l, MSG_ACCT_FIELD_ACTIVE) },
	};
	v_error_summary(h, m->errors, labels, (int)(sizeof labels / sizeof labels[0]));

	HTML_LIT(h, "<form method=\"post\" novalidate");
	HTML_URL(h, "action", u->id ? url_path(a, "/admin/users/%lld", (long long)u->id) : "/admin/users");
	HTML_LIT(h, ">");
	v_csrf(h, m->csrf);
	v_text_field(h, &(struct v_field){ .name = "name", .label = labels[0].label, .value = u->name,
					   .autocomplete = "off", .maxlength = NAME_MAX_CHARS,
					   .required = true, .errors = m->errors });
	if (!u->id)
		v_text_field(h, &(struct v_field){ .name = "email", .label = labels[1].label,
						   .hint = msg(l, MSG_ACCT_EMAIL_HINT), .value = u->email,
						   .type = "email", .autocomplete = "off",
						   .maxlength = EMAIL_MAX_CHARS, .required = true,
						   .errors = m->errors });
	role_select(h, &(struct v_field){ .name = "role", .label = labels[2].label,
					  .hint = msg(l, MSG_ACCT_ROLE_HINT),
					  .value = role_name(u->role ? u->role : ROLE_EMPLOYEE),
					  .required = true, .errors = m->errors });
	v_text_field(h, &(struct v_field){ .name = "employee_number", .label = labels[3].label,
					   .hint = msg(l, MSG_ACCT_PERSON_HINT), .value = m->person_number,
					   .autocomplete = "off", .maxlength = CODE_MAX_CHARS,
					   .errors = m->errors });
	lang_select(h, &(struct v_field){ .name = "lang", .label = labels[4].label,
					  .value = u->lang ? u->lang : "nb", .errors = m->errors });
	if (u->id)
		v_checkbox(h, &(struct v_field){ .name = "active", .label = labels[5].label,
						 .hint = msg(l, MSG_ACCT_ACTIVE_HINT),
						 .value = u->active ? "1" : NULL, .errors = m->errors });
	HTML_LIT(h, "<p>");
	v_submit(h, u->id ? MSG_ACCT_SAVE : MSG_ACCT_CREATE, true);
	HTML_LIT(h, " <a class=\"ds-button\" data-variant=\"secondary\" href=\"/admin/users\">");
	html_msg(h, MSG_ACCT_CANCEL);
	HTML_LIT(h, "</a></p></form>");

	if (u->id) {
		HTML_LIT(h, "<h2 class=\"ds-heading\" data-size=\"md\">");
		html_msg(h, MSG_ACCT_RESET);
		HTML_LIT(h, "</h2>");
		paragraph(h, MSG_ACCT_RESET_WARNING);
		HTML_LIT(h, "<p><a class=\"ds-button\" data-variant=\"secondary\"");
		HTML_URL(h, "href", url_path(a, "/admin/users/%lld/reset", (long long)u->id));
		HTML_LIT(h, ">");
		html_msg(h, MSG_ACCT_RESET);
		HTML_LIT(h, "</a></p>");
	}
}

void v_account_reset(struct html *h, const struct v_account_reset *m)
{
	const struct user *u = m->user;
	struct arena *a = h->b->arena;
	HTML_LIT(h, "<h1 class=\"ds-heading\" data-size=\"lg\">");
	html_msgf(h, MSG_ACCT_RESET_HEADING, u->name ? u->name : "");
	HTML_LIT(h, "</h1><p class=\"ds-paragraph\">");
	html_msgf(h, MSG_ACCT_EMAIL_IS, u->email ? u->email : "");
	HTML_LIT(h, "</p>");
	paragraph(h, MSG_ACCT_RESET_WARNING);
	HTML_LIT(h, "<form method=\"post\"");
	HTML_URL(h, "action", url_path(a, "/admin/users/%lld/reset", (long long)u->id));
	HTML_LIT(h, ">");
	v_csrf(h, m->csrf);
	HTML_LIT(h, "<p><button type=\"submit\" class=\"ds-button\" data-variant=\"primary\""
		    " data-color=\"danger\">");
	html_msg(h, MSG_ACCT_RESET_CONFIRM);
	HTML_LIT(h, "</button> <a class=\"ds-button\" data-variant=\"secondary\"");
	HTML_URL(h, "href", url_path(a, "/admin/users/%lld/edit", (long long)u->id));
	HTML_LIT(h, ">");
	html_msg(h, MSG_ACCT_CANCEL);
	HTML_LIT(h, "</a></p></form>");
}

void v_account_password(struct html *h, const struct v_account_password *m)
{
	const struct user *u = m->user;
	HTML_LIT(h, "<h1 class=\"ds-heading\" data-size=\"lg\">");
	html_msgf(h, m->created ? MSG_ACCT_CREATED_HEADING : MSG_ACCT_RESET_DONE_HEADING,
		  u->name ? u->name : "");
	HTML_LIT(h, "</h1><p class=\"ds-paragraph\">");
	html_msgf(h, MSG_ACCT_EMAIL_IS, u->email ? u->email : "");
	HTML_LIT(h, "</p><div class=\"ds-alert\" data-color=\"warning\">"
		    "<p class=\"ds-paragraph\"><strong>");
	html_msg(h, MSG_ACCT_ONE_TIME_WARNING);
	HTML_LIT(h, "</strong></p>");
	paragraph(h, MSG_ACCT_ONE_TIME_HANDOVER);
	HTML_LIT(h, "</div><div class=\"ds-field\"><label class=\"ds-label\" for=\"f-one-time\">");
	html_msg(h, MSG_ACCT_ONE_TIME_LABEL);
	HTML_LIT(h, "</label><input class=\"ds-input\" type=\"text\" id=\"f-one-time\" readonly"
		    " autocomplete=\"off\" spellcheck=\"false\"");
	HTML_ATTR(h, "value", m->password);
	HTML_LIT(h, "></div>");
	paragraph(h, MSG_ACCT_ONE_TIME_NOT_AGAIN);
	HTML_LIT(h, "<p><a class=\"ds-button\" data-variant=\"secondary\" href=\"/admin/users\">");
	html_msg(h, MSG_ACCT_BACK_TO_LIST);
	HTML_LIT(h, "</a></p>");
}

static void detail(struct html *h, enum msg term)
{
	HTML_LIT(h, "<dt>");
	html_msg(h, term);
	HTML_LIT(h, "</dt><dd>");
}

static const struct v_pw_error *pw_error(const struct v_account_mine *m, const char *field)
{
	for (int i = 0; i < m->nerrors; i++)
		if (strcmp(m->errors[i].field, field) == 0)
			return &m->errors[i];
	return NULL;
}

static void pw_summary(struct html *h, const struct v_account_mine *m, const struct v_label *labels,
		       int nlabels)
{
	if (m->nerrors <= 0 && !m->rate_limited)
		return;
	HTML_LIT(h, "<div class=\"ds-error-summary\" role=\"alert\" tabindex=\"-1\" autofocus>"
		    "<h2 class=\"ds-heading\" data-size=\"xs\">");
	html_msg(h, MSG_ERROR_SUMMARY);
	HTML_LIT(h, "</h2><ul class=\"ds-list\">");
	if (m->rate_limited) {
		HTML_LIT(h, "<li>");
		html_msg(h, MSG_ACCT_PW_LIMITED);
		HTML_LIT(h, "</li>");
	}
	for (int j = 0; j < nlabels; j++) {
		const struct v_pw_error *e = pw_error(m, labels[j].field);
		if (!e)
			continue;
		HTML_LIT(h, "<li><a class=\"ds-link\"");
		HTML_URL(h, "href", url_path(h->b->arena, "#f-%s", e->field));
		HTML_LIT(h, ">");
		html_msgf(h, MSG_FIELD_PROBLEM, labels[j].label, msg(h->lang, e->m));
		HTML_LIT(h, "</a></li>");
	}
	HTML_LIT(h, "</ul></div>\n");
}

/* A password input as views/form.c writes fields: label, description,
 * aria-invalid and aria-describedby, the problem under the control. */
static void pw_field(struct html *h, const struct v_account_mine *m, const char *name, const char *label,
		     const char *hint, const char *autocomplete)
{
	struct arena *a = h->b->arena;
	const struct v_pw_error *e = pw_error(m, name);
	const char *id = arena_printf(a, "f-%s", name);
	const char *hint_id = arena_printf(a, "f-%s-hint", name);
	const char *error_id = arena_printf(a, "f-%s-error", name);
	HTML_LIT(h, "<div class=\"ds-field\"><label class=\"ds-label\"");
	HTML_ATTR(h, "for", id);
	HTML_LIT(h, ">");
	html_text(h, label);
	HTML_LIT(h, " <span class=\"field-required\">");
	html_msg(h, MSG_REQUIRED_MARK);
	HTML_LIT(h, "</span></label>");
	if (hint) {
		HTML_LIT(h, "<div data-field=\"description\"");
		HTML_ATTR(h, "id", hint_id);
		HTML_LIT(h, ">");
		html_text(h, hint);
		HTML_LIT(h, "</div>");
	}
	HTML_LIT(h, "<input class=\"ds-input\" type=\"password\" value=\"\"");
	HTML_ATTR(h, "id", id);
	HTML_ATTR(h, "name", name);
	HTML_ATTR(h, "autocomplete", autocomplete);
	HTML_ATTR_INT(h, "maxlength", ACCOUNT_PASSWORD_MAX);
	if (e)
		HTML_LIT(h, " aria-invalid=\"true\"");
	if (hint || e) {
		const char *ids = hint && e ? arena_printf(a, "%s %s", hint_id, error_id)
				  : hint ? hint_id : error_id;
		HTML_ATTR(h, "aria-describedby", ids);
	}
	HTML_LIT(h, " aria-required=\"true\">");
	if (e) {
		HTML_LIT(h, "<p class=\"ds-validation-message\"");
		HTML_ATTR(h, "id", error_id);
		HTML_LIT(h, ">");
		html_msg(h, e->m);
		HTML_LIT(h, "</p>");
	}
	HTML_LIT(h, "</div>\n");
}

void v_account_mine(struct html *h, const struct v_account_mine *m)
{
	const struct user *u = m->user;
	enum lang l = h->lang;
	HTML_LIT(h, "<h1 class=\"ds-heading\" data-size=\"lg\">");
	html_msg(h, MSG_ACCT_MINE_TITLE);
	HTML_LIT(h, "</h1><h2 class=\"ds-heading\" data-size=\"md\">");
	html_msg(h, MSG_ACCT_MINE_DETAILS);
	HTML_LIT(h, "</h2><dl>");
	detail(h, MSG_ACCT_FIELD_NAME);
	html_text(h, u->name);
	HTML_LIT(h, "</dd>");
	detail(h, MSG_ACCT_FIELD_EMAIL);
	html_text(h, u->email);
	HTML_LIT(h, "</dd>");
	detail(h, MSG_ACCT_FIELD_ROLE);
	html_msg(h, v_role_msg(u->role));
	HTML_LIT(h, "</dd>");
	detail(h, MSG_ACCT_FIELD_PERSON);
	if (u->person_id && m->person_name)
		v_person_link(h, u->person_id, m->person_name);
	else
		html_msg(h, MSG_ACCT_NO_PERSON);
	HTML_LIT(h, "</dd></dl>");

	HTML_LIT(h, "<h2 class=\"ds-heading\" data-size=\"md\" id=\"password\">");
	html_msg(h, MSG_ACCT_PW_HEADING);
	HTML_LIT(h, "</h2>");
	paragraph(h, MSG_ACCT_PW_INTRO);
	const struct v_label labels[] = {
		{ "current_password", msg(l, MSG_ACCT_PW_CURRENT) },
		{ "new_password", msg(l, MSG_ACCT_PW_NEW) },
		{ "new_password_confirm", msg(l, MSG_ACCT_PW_CONFIRM) },
	};
	pw_summary(h, m, labels, (int)(sizeof labels / sizeof labels[0]));
	HTML_LIT(h, "<form method=\"post\" action=\"/account/password\" novalidate>");
	v_csrf(h, m->csrf);
	pw_field(h, m, labels[0].field, labels[0].label, NULL, "current-password");
	pw_field(h, m, labels[1].field, labels[1].label, msg(l, MSG_ACCT_PW_NEW_HINT), "new-password");
	pw_field(h, m, labels[2].field, labels[2].label, NULL, "new-password");
	HTML_LIT(h, "<p>");
	v_submit(h, MSG_ACCT_PW_SUBMIT, true);
	HTML_LIT(h, "</p></form>");
}
