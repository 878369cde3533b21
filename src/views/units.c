/* units.c — the unit pages: the whole tree as nested lists (each unit with
 * its code, leader and number of employees), one unit with its details,
 * links to its goals and read confirmations, sub-units and employees, the
 * create/edit form with the parent chosen from the tree and the leader given
 * by employee number, and the delete confirmation that explains when a unit
 * cannot be deleted. */
#include "views/org.h"

#include <string.h>
#include "base/arena.h"
#include "views/form.h"

static struct arena *arena_of(struct html *h)
{
	return h->b->arena;
}

void v_unit_link(struct html *h, int64_t id, const char *name)
{
	HTML_LIT(h, "<a class=\"ds-link\"");
	HTML_URL(h, "href", url_path(arena_of(h), "/units/%lld", (long long)id));
	HTML_LIT(h, ">");
	html_text(h, name);
	HTML_LIT(h, "</a>");
}

void v_person_link(struct html *h, int64_t id, const char *name)
{
	HTML_LIT(h, "<a class=\"ds-link\"");
	HTML_URL(h, "href", url_path(arena_of(h), "/people/%lld", (long long)id));
	HTML_LIT(h, ">");
	html_text(h, name);
	HTML_LIT(h, "</a>");
}

/* '@' stays literal in the mailto: address, the rest of each part is
 * percent-encoded so '?' or '&' cannot add headers. */
void v_mailto(struct html *h, const char *email)
{
	const char *at = strchr(email, '@');
	if (!at) {
		html_text(h, email);
		return;
	}
	char *local = arena_strndup(arena_of(h), email, (size_t)(at - email));
	HTML_LIT(h, "<a class=\"ds-link\"");
	HTML_URL(h, "href", url_path(arena_of(h), "mailto:%s@%s", local, at + 1));
	HTML_LIT(h, ">");
	html_text(h, email);
	HTML_LIT(h, "</a>");
}

static void heading1(struct html *h, enum msg m)
{
	HTML_LIT(h, "<h1 class=\"ds-heading\" data-size=\"lg\">");
	html_msg(h, m);
	HTML_LIT(h, "</h1>");
}

static void heading2(struct html *h, enum msg m)
{
	HTML_LIT(h, "<h2 class=\"ds-heading\" data-size=\"md\">");
	html_msg(h, m);
	HTML_LIT(h, "</h2>");
}

/* One line of the tree: name link, code, leader and head count. */
static void tree_item(struct html *h, const struct unit *u)
{
	v_unit_link(h, u->id, u->name);
	HTML_LIT(h, " <span>(");
	html_text(h, u->code);
	HTML_LIT(h, ")</span> – ");
	if (u->leader_id && u->leader_name)
		html_msgf(h, MSG_UNIT_LEADER_IS, u->leader_name);
	else
		html_msg(h, MSG_UNIT_NO_LEADER);
	HTML_LIT(h, " – ");
	html_num(h, u->people_count);
	HTML_LIT(h, " ");
	html_msg(h, u->people_count == 1 ? MSG_UNIT_COUNT_ONE : MSG_UNIT_COUNT_MANY);
}

void v_units_index(struct html *h, const struct v_units_index *m)
{
	heading1(h, MSG_UNIT_LIST_TITLE);
	if (m->can_edit) {
		HTML_LIT(h, "<p><a class=\"ds-button\" data-variant=\"primary\" href=\"/units/new\">");
		html_msg(h, MSG_UNIT_NEW);
		HTML_LIT(h, "</a></p>");
	}
	if (m->n == 0) {
		HTML_LIT(h, "<p class=\"ds-paragraph\">");
		html_msg(h, MSG_UNIT_NONE);
		HTML_LIT(h, "</p>");
		return;
	}
	/* Tree order with depths becomes nested lists: a deeper unit opens a
	 * list inside the previous item, a shallower one closes lists. */
	int cur = -1;
	for (int i = 0; i < m->n; i++) {
		int d = m->units[i].depth;
		if (d > cur + 1)
			d = cur + 1;
		if (d < 0)
			d = 0;
		if (i == 0) {
			HTML_LIT(h, "<ul class=\"ds-list\"");
			HTML_ATTR(h, "aria-label", msg(h->lang, MSG_UNIT_TREE_LABEL));
			HTML_LIT(h, ">");
		} else if (d > cur) {
			HTML_LIT(h, "<ul>");
		} else {
			HTML_LIT(h, "</li>");
			for (; cur > d; cur--)
				HTML_LIT(h, "</ul></li>");
		}
		HTML_LIT(h, "<li>");
		tree_item(h, &m->units[i]);
		cur = d;
	}
	HTML_LIT(h, "</li>");
	for (; cur > 0; cur--)
		HTML_LIT(h, "</ul></li>");
	HTML_LIT(h, "</ul>");
}

static void detail(struct html *h, enum msg term)
{
	HTML_LIT(h, "<dt>");
	html_msg(h, term);
	HTML_LIT(h, "</dt><dd>");
}

static void unit_people_table(struct html *h, const struct v_unit_show *m)
{
	if (m->npeople == 0) {
		HTML_LIT(h, "<p class=\"ds-paragraph\">");
		html_msg(h, MSG_UNIT_PEOPLE_NONE);
		HTML_LIT(h, "</p>");
		return;
	}
	HTML_LIT(h, "<table class=\"ds-table\" data-zebra=\"true\"><caption class=\"ds-sr-only\">");
	html_msg(h, MSG_UNIT_PEOPLE_CAPTION);
	HTML_LIT(h, "</caption><thead><tr><th scope=\"col\">");
	html_msg(h, MSG_PERSON_FIELD_NAME);
	HTML_LIT(h, "</th><th scope=\"col\">");
	html_msg(h, MSG_PERSON_FIELD_JOB_TITLE);
	HTML_LIT(h, "</th><th scope=\"col\">");
	html_msg(h, MSG_PERSON_FIELD_EMAIL);
	HTML_LIT(h, "</th>");
	if (m->show_inactive) {
		HTML_LIT(h, "<th scope=\"col\">");
		html_msg(h, MSG_PERSON_FIELD_STATUS);
		HTML_LIT(h, "</th>");
	}
	HTML_LIT(h, "</tr></thead><tbody>");
	for (int i = 0; i < m->npeople; i++) {
		const struct person *p = &m->people[i];
		HTML_LIT(h, "<tr><td>");
		v_person_link(h, p->id, p->name);
		HTML_LIT(h, "</td><td>");
		html_text(h, p->job_title);
		HTML_LIT(h, "</td><td>");
		if (p->email && *p->email)
			v_mailto(h, p->email);
		HTML_LIT(h, "</td>");
		if (m->show_inactive) {
			HTML_LIT(h, "<td>");
			if (p->active) {
				html_msg(h, MSG_PERSON_ACTIVE);
			} else {
				HTML_LIT(h, "<span class=\"ds-tag\" data-color=\"warning\">");
				html_msg(h, MSG_PERSON_INACTIVE);
				HTML_LIT(h, "</span>");
			}
			HTML_LIT(h, "</td>");
		}
		HTML_LIT(h, "</tr>");
	}
	HTML_LIT(h, "</tbody></table>");
	if (m->is_first_page && !m->has_more)
		return;
	struct arena *a = arena_of(h);
	const char *inactive = m->show_inactive ? "1" : "";
	HTML_LIT(h, "<nav");
	HTML_ATTR(h, "aria-label", msg(h->lang, MSG_PERSON_PAGES));
	HTML_LIT(h, "><p>");
	if (!m->is_first_page) {
		HTML_LIT(h, "<a class=\"ds-button\" data-variant=\"secondary\"");
		HTML_URL(h, "href", url_path(a, "/units/%lld?inactive=%s", (long long)m->unit->id, inactive));
		HTML_LIT(h, ">");
		html_msg(h, MSG_PERSON_FIRST_PAGE);
		HTML_LIT(h, "</a> ");
	}
	if (m->has_more && m->npeople > 0) {
		const struct person *last = &m->people[m->npeople - 1];
		HTML_LIT(h, "<a class=\"ds-button\" data-variant=\"secondary\"");
		HTML_URL(h, "href", url_path(a, "/units/%lld?inactive=%s&after=%s&after_id=%lld",
					     (long long)m->unit->id, inactive, last->name, (long long)last->id));
		HTML_LIT(h, ">");
		html_msg(h, MSG_PERSON_NEXT_PAGE);
		HTML_LIT(h, "</a>");
	}
	HTML_LIT(h, "</p></nav>");
}

void v_unit_show(struct html *h, const struct v_unit_show *m)
{
	const struct unit *u = m->unit;
	struct arena *a = arena_of(h);
	HTML_LIT(h, "<h1 class=\"ds-heading\" data-size=\"lg\">");
	html_text(h, u->name);
	HTML_LIT(h, "</h1>");
	if (m->can_edit) {
		HTML_LIT(h, "<p><a class=\"ds-button\" data-variant=\"secondary\"");
		HTML_URL(h, "href", url_path(a, "/units/%lld/edit", (long long)u->id));
		HTML_LIT(h, ">");
		html_msg(h, MSG_UNIT_EDIT);
		HTML_LIT(h, "</a> <a class=\"ds-button\" data-variant=\"tertiary\"");
		HTML_URL(h, "href", url_path(a, "/units/%lld/delete", (long long)u->id));
		HTML_LIT(h, ">");
		html_msg(h, MSG_UNIT_DELETE);
		HTML_LIT(h, "</a> <a class=\"ds-button\" data-variant=\"tertiary\"");
		HTML_URL(h, "href", url_path(a, "/units/new?parent=%lld", (long long)u->id));
		HTML_LIT(h, ">");
		html_msg(h, MSG_UNIT_NEW_SUB);
		HTML_LIT(h, "</a></p>");
	}

	heading2(h, MSG_UNIT_DETAILS);
	HTML_LIT(h, "<dl>");
	detail(h, MSG_UNIT_FIELD_CODE);
	html_text(h, u->code);
	HTML_LIT(h, "</dd>");
	detail(h, MSG_UNIT_FIELD_PARENT);
	if (u->parent_id)
		v_unit_link(h, u->parent_id, u->parent_name ? u->parent_name : u->code);
	else
		html_msg(h, MSG_UNIT_TOP_LEVEL);
	HTML_LIT(h, "</dd>");
	detail(h, MSG_UNIT_FIELD_LEADER);
	if (u->leader_id && u->leader_name)
		v_person_link(h, u->leader_id, u->leader_name);
	else
		html_msg(h, MSG_UNIT_NO_LEADER);
	HTML_LIT(h, "</dd></dl>");
	if (m->can_see_goals || m->can_see_reading) {
		HTML_LIT(h, "<ul class=\"ds-list\">");
		if (m->can_see_goals) {
			HTML_LIT(h, "<li><a class=\"ds-link\"");
			HTML_URL(h, "href", url_path(a, "/units/%lld/goals", (long long)u->id));
			HTML_LIT(h, ">");
			html_msgf(h, MSG_UNIT_GOALS_TITLE, u->name);
			HTML_LIT(h, "</a></li>");
		}
		if (m->can_see_reading) {
			HTML_LIT(h, "<li><a class=\"ds-link\"");
			HTML_URL(h, "href", url_path(a, "/units/%lld/reading", (long long)u->id));
			HTML_LIT(h, ">");
			html_msg(h, MSG_UNIT_READING_TITLE);
			HTML_LIT(h, "</a></li>");
		}
		HTML_LIT(h, "</ul>");
	}

	heading2(h, MSG_UNIT_SUBUNITS);
	int nsub = 0;
	for (int i = 0; i < m->ntree; i++) {
		const struct unit *s = &m->tree[i];
		if (s->parent_id != u->id)
			continue;
		if (nsub++ == 0)
			HTML_LIT(h, "<ul class=\"ds-list\">");
		HTML_LIT(h, "<li>");
		v_unit_link(h, s->id, s->name);
		HTML_LIT(h, " – ");
		html_num(h, s->people_count);
		HTML_LIT(h, " ");
		html_msg(h, s->people_count == 1 ? MSG_UNIT_COUNT_ONE : MSG_UNIT_COUNT_MANY);
		HTML_LIT(h, "</li>");
	}
	if (nsub) {
		HTML_LIT(h, "</ul>");
	} else {
		HTML_LIT(h, "<p class=\"ds-paragraph\">");
		html_msg(h, MSG_UNIT_NO_SUBUNITS);
		HTML_LIT(h, "</p>");
	}

	heading2(h, MSG_UNIT_PEOPLE);
	if (m->can_add_people) {
		HTML_LIT(h, "<p><a class=\"ds-button\" data-variant=\"secondary\"");
		HTML_URL(h, "href", url_path(a, "/people/new?unit=%lld", (long long)u->id));
		HTML_LIT(h, ">");
		html_msg(h, MSG_UNIT_ADD_PERSON);
		HTML_LIT(h, "</a></p>");
	}
	HTML_LIT(h, "<p><a class=\"ds-link\"");
	if (m->show_inactive)
		HTML_URL(h, "href", url_path(a, "/units/%lld", (long long)u->id));
	else
		HTML_URL(h, "href", url_path(a, "/units/%lld?inactive=1", (long long)u->id));
	HTML_LIT(h, ">");
	html_msg(h, m->show_inactive ? MSG_UNIT_HIDE_INACTIVE : MSG_UNIT_SHOW_INACTIVE);
	HTML_LIT(h, "</a></p>");
	unit_people_table(h, m);
}

/* The choices of a unit select: every unit in tree order, indented by depth
 * with no-break spaces (up to 8 levels), with its code. Arena memory. */
static struct v_option *unit_options(struct html *h, const struct unit *units, int n)
{
	static const char pad[] = "\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0"
				  "\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0"
				  "\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0";
	enum { PAD_PER_LEVEL = 3 * 2, PAD_LEVELS = (sizeof pad - 1) / PAD_PER_LEVEL };
	struct v_option *opts = arena_alloc(arena_of(h), sizeof *opts * (size_t)(n > 0 ? n : 1));
	if (!opts)
		return NULL;
	for (int i = 0; i < n; i++) {
		int depth = units[i].depth < 0 ? 0 : units[i].depth;
		if (depth > PAD_LEVELS)
			depth = PAD_LEVELS;
		opts[i].value = arena_printf(arena_of(h), "%lld", (long long)units[i].id);
		opts[i].label = arena_printf(arena_of(h), "%.*s%s (%s)", depth * PAD_PER_LEVEL, pad,
					     units[i].name ? units[i].name : "",
					     units[i].code ? units[i].code : "");
	}
	return opts;
}

void v_unit_options(struct html *h, const struct v_field *f, const struct unit *units, int n,
		    const char *empty_label)
{
	struct v_option *opts = unit_options(h, units, n);
	v_select(h, f, opts, opts ? n : 0, empty_label);
}

void v_unit_form(struct html *h, const struct v_unit_form *m)
{
	const struct unit *u = m->unit;
	struct arena *a = arena_of(h);
	enum lang l = h->lang;
	HTML_LIT(h, "<h1 class=\"ds-heading\" data-size=\"lg\">");
	if (u->id)
		html_msgf(h, MSG_UNIT_EDIT_HEADING, m->heading_name ? m->heading_name : "");
	else
		html_msg(h, MSG_UNIT_NEW);
	HTML_LIT(h, "</h1>");

	const struct v_label labels[] = {
		{ "name", msg(l, MSG_UNIT_FIELD_NAME) },
		{ "code", msg(l, MSG_UNIT_FIELD_CODE) },
		{ "parent_id", msg(l, MSG_UNIT_FIELD_PARENT) },
		{ "leader_employee_number", msg(l, MSG_UNIT_FIELD_LEADER_NUMBER) },
	};
	v_error_summary(h, m->errors, labels, (int)(sizeof labels / sizeof labels[0]));

	HTML_LIT(h, "<form method=\"post\" novalidate");
	if (u->id)
		HTML_URL(h, "action", url_path(a, "/units/%lld", (long long)u->id));
	else
		HTML_URL(h, "action", "/units");
	HTML_LIT(h, ">");
	v_csrf(h, m->csrf);
	v_text_field(h, &(struct v_field){ .name = "name", .label = labels[0].label, .value = u->name,
					   .maxlength = NAME_MAX_CHARS, .required = true,
					   .errors = m->errors });
	v_text_field(h, &(struct v_field){ .name = "code", .label = labels[1].label,
					   .hint = msg(l, MSG_UNIT_CODE_HINT), .value = u->code,
					   .maxlength = CODE_MAX_CHARS, .required = true,
					   .autocomplete = "off", .errors = m->errors });
	const char *parent = m->parent_text;
	if (!parent)
		parent = u->parent_id ? arena_printf(a, "%lld", (long long)u->parent_id) : "";
	v_unit_options(h, &(struct v_field){ .name = "parent_id", .label = labels[2].label,
					     .value = parent, .errors = m->errors },
		       m->tree, m->ntree, msg(l, MSG_UNIT_PARENT_NONE));
	v_text_field(h, &(struct v_field){ .name = "leader_employee_number", .label = labels[3].label,
					   .hint = msg(l, MSG_UNIT_LEADER_HINT),
					   .value = m->leader_number, .maxlength = CODE_MAX_CHARS,
					   .autocomplete = "off", .errors = m->errors });
	HTML_LIT(h, "<p>");
	v_submit(h, MSG_UNIT_SAVE, true);
	HTML_LIT(h, " <a class=\"ds-button\" data-variant=\"secondary\"");
	HTML_URL(h, "href", u->id ? url_path(a, "/units/%lld", (long long)u->id) : "/units");
	HTML_LIT(h, ">");
	html_msg(h, MSG_UNIT_CANCEL);
	HTML_LIT(h, "</a></p></form>");
}

void v_unit_delete(struct html *h, const struct v_unit_delete *m)
{
	const struct unit *u = m->unit;
	struct arena *a = arena_of(h);
	HTML_LIT(h, "<h1 class=\"ds-heading\" data-size=\"lg\">");
	html_msgf(h, m->blocked ? MSG_UNIT_DELETE_BLOCKED_HEADING : MSG_UNIT_DELETE_HEADING,
		  u->name ? u->name : "");
	HTML_LIT(h, "</h1>");
	if (m->blocked) {
		HTML_LIT(h, "<div class=\"ds-alert\" data-color=\"warning\"><p class=\"ds-paragraph\">");
		html_msg(h, MSG_UNIT_DELETE_BLOCKED);
		HTML_LIT(h, "</p></div><p><a class=\"ds-button\" data-variant=\"secondary\"");
		HTML_URL(h, "href", url_path(a, "/units/%lld", (long long)u->id));
		HTML_LIT(h, ">");
		html_msg(h, MSG_UNIT_BACK);
		HTML_LIT(h, "</a></p>");
		return;
	}
	HTML_LIT(h, "<p class=\"ds-paragraph\">");
	html_msg(h, MSG_UNIT_DELETE_WARNING);
	HTML_LIT(h, "</p><form method=\"post\"");
	HTML_URL(h, "action", url_path(a, "/units/%lld/delete", (long long)u->id));
	HTML_LIT(h, ">");
	v_csrf(h, m->csrf);
	HTML_LIT(h, "<p><button type=\"submit\" class=\"ds-button\" data-variant=\"primary\""
		    " data-color=\"danger\">");
	html_msg(h, MSG_UNIT_DELETE_CONFIRM);
	HTML_LIT(h, "</button> <a class=\"ds-button\" data-variant=\"secondary\"");
	HTML_URL(h, "href", url_path(a, "/units/%lld", (long long)u->id));
	HTML_LIT(h, ">");
	html_msg(h, MSG_UNIT_CANCEL);
	HTML_LIT(h, "</a></p></form>");
}
