/* people.c — the employee pages: the search form with one page of results in
 * Norwegian order and a keyset "next page" link, one employee's details, and
 * the create/edit form (unit chosen from a select, the active checkbox that
 * deactivates without deleting). */
#include "views/org.h"

#include "base/arena.h"

static void paragraph(struct html *h, enum msg m)
{
	HTML_LIT(h, "<p class=\"ds-paragraph\">");
	html_msg(h, m);
	HTML_LIT(h, "</p>");
}

static void inactive_tag(struct html *h)
{
	HTML_LIT(h, "<span class=\"ds-tag\" data-color=\"warning\">");
	html_msg(h, MSG_PERSON_INACTIVE);
	HTML_LIT(h, "</span>");
}

static void search_form(struct html *h, const struct v_people_index *m)
{
	enum lang l = h->lang;
	HTML_LIT(h, "<form method=\"get\" action=\"/people\" role=\"search\">"
		    "<div class=\"ds-field\"><label class=\"ds-label\" for=\"f-q\">");
	html_msg(h, MSG_PERSON_SEARCH_LABEL);
	HTML_LIT(h, "</label><div class=\"ds-search\"><input class=\"ds-input\" type=\"search\""
		    " id=\"f-q\" name=\"q\" autocomplete=\"off\"");
	HTML_ATTR(h, "value", m->q ? m->q : "");
	HTML_LIT(h, "></div></div>");
	v_checkbox(h, &(struct v_field){ .name = "inactive", .label = msg(l, MSG_PERSON_INCLUDE_INACTIVE),
					 .value = m->include_inactive ? "1" : NULL });
	HTML_LIT(h, "<p>");
	v_submit(h, MSG_PERSON_SEARCH_BUTTON, true);
	HTML_LIT(h, "</p></form>");
}

static void results_table(struct html *h, const struct v_people_index *m)
{
	HTML_LIT(h, "<table class=\"ds-table\" data-zebra=\"true\"><caption class=\"ds-sr-only\">");
	html_msg(h, MSG_PERSON_RESULTS_CAPTION);
	HTML_LIT(h, "</caption><thead><tr><th scope=\"col\">");
	html_msg(h, MSG_PERSON_FIELD_NAME);
	HTML_LIT(h, "</th><th scope=\"col\">");
	html_msg(h, MSG_PERSON_FIELD_UNIT);
	HTML_LIT(h, "</th><th scope=\"col\">");
	html_msg(h, MSG_PERSON_FIELD_JOB_TITLE);
	HTML_LIT(h, "</th><th scope=\"col\">");
	html_msg(h, MSG_PERSON_FIELD_EMAIL);
	HTML_LIT(h, "</th>");
	if (m->include_inactive) {
		HTML_LIT(h, "<th scope=\"col\">");
		html_msg(h, MSG_PERSON_FIELD_STATUS);
		HTML_LIT(h, "</th>");
	}
	HTML_LIT(h, "</tr></thead><tbody>");
	for (int i = 0; i < m->n; i++) {
		const struct person *p = &m->people[i];
		HTML_LIT(h, "<tr><td>");
		v_person_link(h, p->id, p->name);
		HTML_LIT(h, "</td><td>");
		if (p->unit_id)
			v_unit_link(h, p->unit_id, p->unit_name);
		HTML_LIT(h, "</td><td>");
		html_text(h, p->job_title);
		HTML_LIT(h, "</td><td>");
		if (p->email && *p->email)
			v_mailto(h, p->email);
		HTML_LIT(h, "</td>");
		if (m->include_inactive) {
			HTML_LIT(h, "<td>");
			if (p->active)
				html_msg(h, MSG_PERSON_ACTIVE);
			else
				inactive_tag(h);
			HTML_LIT(h, "</td>");
		}
		HTML_LIT(h, "</tr>");
	}
	HTML_LIT(h, "</tbody></table>");
}

/* "First page" when this is a later page, "Next page" when there is one;
 * both keep the search text and the inactive choice. */
static void pager(struct html *h, const struct v_people_index *m)
{
	if (m->is_first_page && !m->has_more)
		return;
	struct arena *a = h->b->arena;
	const char *q = m->q ? m->q : "";
	const char *inactive = m->include_inactive ? "1" : "";
	HTML_LIT(h, "<nav");
	HTML_ATTR(h, "aria-label", msg(h->lang, MSG_PERSON_PAGES));
	HTML_LIT(h, "><p>");
	if (!m->is_first_page) {
		HTML_LIT(h, "<a class=\"ds-button\" data-variant=\"secondary\"");
		HTML_URL(h, "href", url_path(a, "/people?q=%s&inactive=%s", q, inactive));
		HTML_LIT(h, ">");
		html_msg(h, MSG_PERSON_FIRST_PAGE);
		HTML_LIT(h, "</a> ");
	}
	if (m->has_more && m->n > 0) {
		const struct person *last = &m->people[m->n - 1];
		HTML_LIT(h, "<a class=\"ds-button\" data-variant=\"secondary\"");
		HTML_URL(h, "href", url_path(a, "/people?q=%s&inactive=%s&after=%s&after_id=%lld", q,
					     inactive, last->name, (long long)last->id));
		HTML_LIT(h, ">");
		html_msg(h, MSG_PERSON_NEXT_PAGE);
		HTML_LIT(h, "</a>");
	}
	HTML_LIT(h, "</p></nav>");
}

void v_people_index(struct html *h, const struct v_people_index *m)
{
	HTML_LIT(h, "<h1 class=\"ds-heading\" data-size=\"lg\">");
	html_msg(h, MSG_PERSON_LIST_TITLE);
	HTML_LIT(h, "</h1>");
	if (m->can_create) {
		HTML_LIT(h, "<p><a class=\"ds-button\" data-variant=\"primary\" href=\"/people/new\">");
		html_msg(h, MSG_PERSON_NEW);
		HTML_LIT(h, "</a></p>");
	}
	search_form(h, m);
	if (m->n == 0) {
		paragraph(h, MSG_PERSON_NO_RESULTS);
	} else {
		HTML_LIT(h, "<p class=\"ds-paragraph\">");
		if (m->n == 1)
			html_msg(h, MSG_PERSON_SHOWING_ONE);
		else
			html_msgf(h, MSG_PERSON_SHOWING, m->n);
		HTML_LIT(h, "</p>");
		results_table(h, m);
	}
	pager(h, m);
}

static void detail(struct html *h, enum msg term)
{
	HTML_LIT(h, "<dt>");
	html_msg(h, term);
	HTML_LIT(h, "</dt><dd>");
}

static void text_or_not_given(struct html *h, const char *s)
{
	if (s && *s)
		html_text(h, s);
	else
		html_msg(h, MSG_PERSON_NOT_GIVEN);
}

void v_person_show(struct html *h, const struct v_person_show *m)
{
	const struct person *p = m->person;
	HTML_LIT(h, "<h1 class=\"ds-heading\" data-size=\"lg\">");
	html_text(h, p->name);
	HTML_LIT(h, "</h1>");
	if (m->can_edit) {
		HTML_LIT(h, "<p><a class=\"ds-button\" data-variant=\"secondary\"");
		HTML_URL(h, "href", url_path(h->b->arena, "/people/%lld/edit", (long long)p->id));
		HTML_LIT(h, ">");
		html_msg(h, MSG_PERSON_EDIT);
		HTML_LIT(h, "</a></p>");
	}
	HTML_LIT(h, "<h2 class=\"ds-heading\" data-size=\"md\">");
	html_msg(h, MSG_PERSON_DETAILS);
	HTML_LIT(h, "</h2><dl>");
	detail(h, MSG_PERSON_FIELD_NUMBER);
	html_text(h, p->employee_number);
	HTML_LIT(h, "</dd>");
	detail(h, MSG_PERSON_FIELD_EMAIL);
	if (p->email && *p->email)
		v_mailto(h, p->email);
	else
		html_msg(h, MSG_PERSON_NOT_GIVEN);
	HTML_LIT(h, "</dd>");
	detail(h, MSG_PERSON_FIELD_UNIT);
	if (p->unit_id && m->unit_name)
		v_unit_link(h, p->unit_id, m->unit_name);
	else
		html_msg(h, MSG_PERSON_NOT_GIVEN);
	HTML_LIT(h, "</dd>");
	detail(h, MSG_PERSON_FIELD_JOB_TITLE);
	text_or_not_given(h, p->job_title);
	HTML_LIT(h, "</dd>");
	detail(h, MSG_PERSON_FIELD_STATUS);
	if (p->active)
		html_msg(h, MSG_PERSON_ACTIVE);
	else
		inactive_tag(h);
	HTML_LIT(h, "</dd>");
	detail(h, MSG_PERSON_FIELD_ACCOUNT);
	html_msg(h, p->user_id ? MSG_PERSON_HAS_ACCOUNT : MSG_PERSON_NO_ACCOUNT);
	HTML_LIT(h, "</dd></dl>");
}

void v_person_form(struct html *h, const struct v_person_form *m)
{
	const struct person *p = m->person;
	struct arena *a = h->b->arena;
	enum lang l = h->lang;
	HTML_LIT(h, "<h1 class=\"ds-heading\" data-size=\"lg\">");
	if (p->id)
		html_msgf(h, MSG_PERSON_EDIT_HEADING, m->heading_name ? m->heading_name : "");
	else
		html_msg(h, MSG_PERSON_NEW);
	HTML_LIT(h, "</h1>");

	const struct v_label labels[] = {
		{ "name", msg(l, MSG_PERSON_FIELD_NAME) },
		{ "employee_number", msg(l, MSG_PERSON_FIELD_NUMBER) },
		{ "email", msg(l, MSG_PERSON_FIELD_EMAIL) },
		{ "unit_id", msg(l, MSG_PERSON_FIELD_UNIT) },
		{ "job_title", msg(l, MSG_PERSON_FIELD_JOB_TITLE) },
		{ "active", msg(l, MSG_PERSON_FIELD_ACTIVE) },
	};
	v_error_summary(h, m->errors, labels, (int)(sizeof labels / sizeof labels[0]));

	HTML_LIT(h, "<form method=\"post\" novalidate");
	if (p->id)
		HTML_URL(h, "action", url_path(a, "/people/%lld", (long long)p->id));
	else
		HTML_URL(h, "action", "/people");
	HTML_LIT(h, ">");
	v_csrf(h, m->csrf);
	v_text_field(h, &(struct v_field){ .name = "name", .label = labels[0].label, .value = p->name,
					   .autocomplete = "off", .maxlength = NAME_MAX_CHARS,
					   .required = true, .errors = m->errors });
	v_text_field(h, &(struct v_field){ .name = "employee_number", .label = labels[1].label,
					   .hint = msg(l, MSG_PERSON_NUMBER_HINT),
					   .value = p->employee_number, .autocomplete = "off",
					   .maxlength = CODE_MAX_CHARS, .required = true,
					   .errors = m->errors });
	v_text_field(h, &(struct v_field){ .name = "email", .label = labels[2].label, .value = p->email,
					   .type = "email", .autocomplete = "off",
					   .maxlength = EMAIL_MAX_CHARS, .errors = m->errors });
	const char *unit = m->unit_text;
	if (!unit)
		unit = p->unit_id ? arena_printf(a, "%lld", (long long)p->unit_id) : "";
	v_unit_options(h, &(struct v_field){ .name = "unit_id", .label = labels[3].label, .value = unit,
					     .required = true, .errors = m->errors },
		       m->units, m->nunits, msg(l, MSG_PERSON_UNIT_CHOOSE));
	v_text_field(h, &(struct v_field){ .name = "job_title", .label = labels[4].label,
					   .value = p->job_title, .maxlength = TITLE_MAX_CHARS,
					   .errors = m->errors });
	if (p->id)
		v_checkbox(h, &(struct v_field){ .name = "active", .label = labels[5].label,
						 .hint = msg(l, MSG_PERSON_ACTIVE_HINT),
						 .value = p->active ? "1" : NULL, .errors = m->errors });
	HTML_LIT(h, "<p>");
	v_submit(h, MSG_PERSON_SAVE, true);
	HTML_LIT(h, " <a class=\"ds-button\" data-variant=\"secondary\"");
	HTML_URL(h, "href", p->id ? url_path(a, "/people/%lld", (long long)p->id) : "/people");
	HTML_LIT(h, ">");
	html_msg(h, MSG_PERSON_CANCEL);
	HTML_LIT(h, "</a></p></form>");
}
