/* audit.c — the audit log page: a filter by kind of record, one page of
 * entries newest first (time, who, which record, what was done) and, per
 * entry, the stored change JSON {"field": [before, after]} read with jansson
 * and shown as a small field / before / after table in the user's language. */
#include "views/org.h"

#include <jansson.h>
#include <string.h>
#include "base/arena.h"

struct field_name {
	const char *key;
	enum msg label;
	const char *link;     /* the path of the record an id points to, or NULL */
};

static const struct field_name field_names[] = {
	{ "name", MSG_UNIT_FIELD_NAME, NULL },
	{ "code", MSG_UNIT_FIELD_CODE, NULL },
	{ "parent_id", MSG_UNIT_FIELD_PARENT, "/units/%lld" },
	{ "leader_id", MSG_UNIT_FIELD_LEADER, "/people/%lld" },
	{ "email", MSG_PERSON_FIELD_EMAIL, NULL },
	{ "employee_number", MSG_PERSON_FIELD_NUMBER, NULL },
	{ "unit_id", MSG_PERSON_FIELD_UNIT, "/units/%lld" },
	{ "job_title", MSG_PERSON_FIELD_JOB_TITLE, NULL },
	{ "active", MSG_PERSON_FIELD_ACTIVE, NULL },
	{ "role", MSG_ACCT_FIELD_ROLE, NULL },
	{ "lang", MSG_ACCT_FIELD_LANG, NULL },
	{ "person_id", MSG_ACCT_FIELD_PERSON, "/people/%lld" },
};

static const struct field_name *field_lookup(const char *key)
{
	for (size_t i = 0; i < sizeof field_names / sizeof field_names[0]; i++)
		if (strcmp(field_names[i].key, key) == 0)
			return &field_names[i];
	return NULL;
}

struct word {
	const char *key;
	enum msg m;
};

static const struct word actions[] = {
	{ "create", MSG_AUDIT_ACTION_CREATE },
	{ "update", MSG_AUDIT_ACTION_UPDATE },
	{ "delete", MSG_AUDIT_ACTION_DELETE },
	{ "deactivate", MSG_AUDIT_ACTION_DEACTIVATE },
	{ "import", MSG_AUDIT_ACTION_IMPORT },
	{ "password_change", MSG_AUDIT_ACTION_PASSWORD_CHANGE },
	{ "password_reset", MSG_AUDIT_ACTION_PASSWORD_RESET },
	{ "token_create", MSG_AUDIT_ACTION_TOKEN_CREATE },
};

static const struct word entities[] = {
	{ "unit", MSG_AUDIT_ENTITY_UNIT },
	{ "person", MSG_AUDIT_ENTITY_PERSON },
	{ "user", MSG_AUDIT_ENTITY_USER },
};

/* The translated word for key, or key itself for a kind we do not know. */
static const char *word(struct html *h, const struct word *w, size_t n, const char *key)
{
	for (size_t i = 0; key && i < n; i++)
		if (strcmp(w[i].key, key) == 0)
			return msg(h->lang, w[i].m);
	return key ? key : "";
}

static void value_cell(struct html *h, const struct field_name *f, const json_t *v)
{
	HTML_LIT(h, "<td>");
	if (!v || json_is_null(v)) {
		html_msg(h, MSG_AUDIT_NONE_VALUE);
	} else if (json_is_string(v)) {
		const char *s = json_string_value(v);
		if (*s)
			html_text(h, s);
		else
			html_msg(h, MSG_AUDIT_EMPTY);
	} else if (json_is_integer(v)) {
		long long id = (long long)json_integer_value(v);
		if (f && f->link) {
			HTML_LIT(h, "<a class=\"ds-link\"");
			HTML_URL(h, "href", url_path(h->b->arena, f->link, id));
			HTML_LIT(h, ">");
			html_int(h, id);
			HTML_LIT(h, "</a>");
		} else {
			html_int(h, id);
		}
	} else if (json_is_boolean(v)) {
		html_msg(h, json_is_true(v) ? MSG_AUDIT_YES : MSG_AUDIT_NO);
	} else {
		html_msg(h, MSG_AUDIT_UNREADABLE);
	}
	HTML_LIT(h, "</td>");
}

static void changes_table(struct html *h, const char *changes)
{
	json_error_t jerr;
	json_t *root = changes ? json_loads(changes, JSON_REJECT_DUPLICATES, &jerr) : NULL;
	if (!json_is_object(root)) {
		html_msg(h, MSG_AUDIT_UNREADABLE);
		json_decref(root);
		return;
	}
	if (json_object_size(root) == 0) {
		json_decref(root);
		return;
	}
	HTML_LIT(h, "<table class=\"ds-table\" data-size=\"sm\"><caption class=\"ds-sr-only\">");
	html_msg(h, MSG_AUDIT_CHANGES_CAPTION);
	HTML_LIT(h, "</caption><thead><tr><th scope=\"col\">");
	html_msg(h, MSG_AUDIT_CHANGE_FIELD);
	HTML_LIT(h, "</th><th scope=\"col\">");
	html_msg(h, MSG_AUDIT_CHANGE_BEFORE);
	HTML_LIT(h, "</th><th scope=\"col\">");
	html_msg(h, MSG_AUDIT_CHANGE_AFTER);
	HTML_LIT(h, "</th></tr></thead><tbody>");
	const char *key;
	json_t *pair;
	json_object_foreach(root, key, pair) {
		const struct field_name *f = field_lookup(key);
		if (json_is_array(pair) && json_array_size(pair) == 2 &&
		    json_is_null(json_array_get(pair, 0)) && json_is_null(json_array_get(pair, 1)))
			continue;   /* empty before and after: nothing to show */
		HTML_LIT(h, "<tr><th scope=\"row\">");
		if (f)
			html_msg(h, f->label);
		else
			html_text(h, key);
		HTML_LIT(h, "</th>");
		if (json_is_array(pair) && json_array_size(pair) == 2) {
			value_cell(h, f, json_array_get(pair, 0));
			value_cell(h, f, json_array_get(pair, 1));
		} else {
			HTML_LIT(h, "<td colspan=\"2\">");
			html_msg(h, MSG_AUDIT_UNREADABLE);
			HTML_LIT(h, "</td>");
		}
		HTML_LIT(h, "</tr>");
	}
	HTML_LIT(h, "</tbody></table>");
	json_decref(root);
}

/* The record an entry is about: its kind and id, linked when it has a page. */
static void record_cell(struct html *h, const struct audit_entry *e)
{
	const char *kind = word(h, entities, sizeof entities / sizeof entities[0], e->entity);
	const char *label = arena_printf(h->b->arena, "%s %lld", kind, (long long)e->entity_id);
	if (e->entity && strcmp(e->entity, "unit") == 0 && e->entity_id)
		v_unit_link(h, e->entity_id, label);
	else if (e->entity && strcmp(e->entity, "person") == 0 && e->entity_id)
		v_person_link(h, e->entity_id, label);
	else if (e->entity && strcmp(e->entity, "user") == 0 && e->entity_id) {
		HTML_LIT(h, "<a class=\"ds-link\"");
		HTML_URL(h, "href", url_path(h->b->arena, "/admin/users/%lld/edit", (long long)e->entity_id));
		HTML_LIT(h, ">");
		html_text(h, label);
		HTML_LIT(h, "</a>");
	}
	else
		html_text(h, label);
}

static void filter_form(struct html *h, const struct v_audit_index *m)
{
	enum lang l = h->lang;
	const struct v_option opts[] = {
		{ "unit", msg(l, MSG_AUDIT_ENTITY_UNIT) },
		{ "person", msg(l, MSG_AUDIT_ENTITY_PERSON) },
	};
	HTML_LIT(h, "<form method=\"get\" action=\"/audit\">");
	v_select(h, &(struct v_field){ .name = "entity", .label = msg(l, MSG_AUDIT_FILTER_LABEL),
				       .value = m->entity ? m->entity : "" },
		 opts, (int)(sizeof opts / sizeof opts[0]), msg(l, MSG_AUDIT_FILTER_ALL));
	HTML_LIT(h, "<p>");
	v_submit(h, MSG_AUDIT_FILTER_BUTTON, false);
	HTML_LIT(h, "</p></form>");
}

static void pager(struct html *h, const struct v_audit_index *m)
{
	if (m->is_first_page && !m->older_before_id)
		return;
	const char *entity = m->entity ? m->entity : "";
	HTML_LIT(h, "<nav");
	HTML_ATTR(h, "aria-label", msg(h->lang, MSG_AUDIT_PAGES));
	HTML_LIT(h, "><p>");
	if (!m->is_first_page) {
		HTML_LIT(h, "<a class=\"ds-button\" data-variant=\"secondary\"");
		HTML_URL(h, "href", url_path(h->b->arena, "/audit?entity=%s", entity));
		HTML_LIT(h, ">");
		html_msg(h, MSG_AUDIT_NEWEST);
		HTML_LIT(h, "</a> ");
	}
	if (m->older_before_id) {
		HTML_LIT(h, "<a class=\"ds-button\" data-variant=\"secondary\"");
		HTML_URL(h, "href", url_path(h->b->arena, "/audit?entity=%s&before_id=%lld", entity,
					     (long long)m->older_before_id));
		HTML_LIT(h, ">");
		html_msg(h, MSG_AUDIT_OLDER);
		HTML_LIT(h, "</a>");
	}
	HTML_LIT(h, "</p></nav>");
}

void v_audit_index(struct html *h, const struct v_audit_index *m)
{
	HTML_LIT(h, "<h1 class=\"ds-heading\" data-size=\"lg\">");
	html_msg(h, MSG_AUDIT_TITLE);
	HTML_LIT(h, "</h1><p class=\"ds-paragraph\">");
	html_msg(h, MSG_AUDIT_INTRO);
	HTML_LIT(h, "</p>");
	filter_form(h, m);
	if (m->n == 0) {
		HTML_LIT(h, "<p class=\"ds-paragraph\">");
		html_msg(h, MSG_AUDIT_NO_ROWS);
		HTML_LIT(h, "</p>");
		pager(h, m);
		return;
	}
	HTML_LIT(h, "<table class=\"ds-table\"><caption class=\"ds-sr-only\">");
	html_msg(h, MSG_AUDIT_CAPTION);
	HTML_LIT(h, "</caption><thead><tr><th scope=\"col\">");
	html_msg(h, MSG_AUDIT_COL_TIME);
	HTML_LIT(h, "</th><th scope=\"col\">");
	html_msg(h, MSG_AUDIT_COL_WHO);
	HTML_LIT(h, "</th><th scope=\"col\">");
	html_msg(h, MSG_AUDIT_COL_WHAT);
	HTML_LIT(h, "</th><th scope=\"col\">");
	html_msg(h, MSG_AUDIT_COL_ACTION);
	HTML_LIT(h, "</th><th scope=\"col\">");
	html_msg(h, MSG_AUDIT_COL_CHANGES);
	HTML_LIT(h, "</th></tr></thead><tbody>");
	for (int i = 0; i < m->n; i++) {
		const struct audit_entry *e = &m->rows[i];
		HTML_LIT(h, "<tr><td>");
		html_datetime(h, e->at);
		HTML_LIT(h, "</td><td>");
		if (e->user_id && e->user_name)
			html_text(h, e->user_name);
		else
			html_msg(h, MSG_AUDIT_SYSTEM);
		HTML_LIT(h, "</td><td>");
		record_cell(h, e);
		HTML_LIT(h, "</td><td>");
		html_text(h, word(h, actions, sizeof actions / sizeof actions[0], e->action));
		HTML_LIT(h, "</td><td>");
		changes_table(h, e->changes);
		HTML_LIT(h, "</td></tr>");
	}
	HTML_LIT(h, "</tbody></table>");
	pager(h, m);
}
