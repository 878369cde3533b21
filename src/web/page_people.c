/* page_people.c — handlers of the employee pages: search with keyset pages,
 * one employee, create and edit (which also moves and deactivates; nobody is
 * ever deleted, so history stays). A leader works only on people in the
 * units they lead and may only place people in those units; HR and admins
 * work on everyone. Each write is one transaction with its audit row, and a
 * save that changes nothing writes nothing. */
#include "web/pages_org.h"

#include <string.h>
#include "base/arena.h"
#include "base/buf.h"
#include "base/utf8.h"
#include "domain/audit.h"
#include "html/html.h"
#include "views/org.h"

enum { PEOPLE_PAGE = 50, SEARCH_MAX_BYTES = 400 };

/* A query-string value as valid text, or NULL when absent; *bad when it is
 * not text or too long. */
static const char *query_text(struct ctx *c, const char *name, bool *bad)
{
	const struct http_field *f = http_form_field(&c->query, name);
	if (!f || !f->value)
		return NULL;
	if (f->len > SEARCH_MAX_BYTES || strlen(f->value) != f->len ||
	    !utf8_valid_text(f->value, f->len))
		*bad = true;
	return f->value;
}

void page_people(struct ctx *c)
{
	bool bad = false, ok;
	const char *q = query_text(c, "q", &bad);
	const char *after = query_text(c, "after", &bad);
	const char *inactive = ctx_query(c, "inactive");
	int64_t after_id = page_org_parse_id(ctx_query(c, "after_id"), &ok);
	if (bad || !ok) {
		ctx_error_page(c, 400);
		return;
	}
	char *text = q ? arena_strdup(c->a, q) : NULL;
	if (text)
		str_trim(text);
	struct person_query pq = {
		.text = text && *text ? text : NULL,
		.include_inactive = inactive && strcmp(inactive, "1") == 0,
		.after_name = after && after_id > 0 ? after : NULL,
		.after_id = after_id,
		.limit = PEOPLE_PAGE + 1,
	};
	struct v_people_index m = {
		.q = text,
		.include_inactive = pq.include_inactive,
		.is_first_page = pq.after_name == NULL,
		.can_create = access_can(&c->actor, ACT_PERSON_EDIT, 0),
	};
	struct person *people;
	enum err e = store_people_list(c->db, c->a, &pq, &people, &m.n);
	if (e) {
		page_org_fail(c, e);
		return;
	}
	m.people = people;
	if (m.n > PEOPLE_PAGE) {
		m.n = PEOPLE_PAGE;
		m.has_more = true;
	}
	struct html h;
	page_begin(c, &h, msg(c->lang, MSG_PERSON_LIST_TITLE));
	v_people_index(&h, &m);
	page_end(c, &h);
}

void page_person_show(struct ctx *c)
{
	int64_t id = ctx_param_id(c, "id");
	if (!id) {
		ctx_error_page(c, 404);
		return;
	}
	struct person p;
	enum err e = store_person_get(c->db, c->a, id, &p);
	if (e) {
		page_org_fail(c, e);
		return;
	}
	struct v_person_show m = {
		.person = &p,
		.unit_name = p.unit_name,
		.can_edit = access_can(&c->actor, ACT_PERSON_EDIT, p.unit_id),
	};
	struct html h;
	page_begin(c, &h, p.name);
	v_person_show(&h, &m);
	page_end(c, &h);
}

/* The units the actor may place people in, in tree order. */
static enum err unit_choices(struct ctx *c, struct unit **out, int *n)
{
	struct unit *tree;
	int nt;
	enum err e = store_unit_tree(c->db, c->a, &tree, &nt);
	if (e)
		return e;
	struct unit *v = arena_alloc(c->a, sizeof *v * (size_t)(nt > 0 ? nt : 1));
	if (!v)
		return ERR_TOO_BIG;
	int k = 0;
	for (int i = 0; i < nt; i++)
		if (access_can(&c->actor, ACT_PERSON_EDIT, tree[i].id))
			v[k++] = tree[i];
	*out = v;
	*n = k;
	return OK;
}

static void render_person_form(struct ctx *c, const struct person *p, const char *heading_name,
			       const char *unit_text, const struct field_errors *fe)
{
	struct v_person_form m = {
		.person = p, .heading_name = heading_name, .unit_text = unit_text, .errors = fe,
		.csrf = c->csrf,
	};
	struct unit *units;
	enum err e = unit_choices(c, &units, &m.nunits);
	if (e) {
		page_org_fail(c, e);
		return;
	}
	m.units = units;
	struct html h;
	page_begin(c, &h, msg(c->lang, p->id ? MSG_PERSON_EDIT : MSG_PERSON_NEW));
	v_person_form(&h, &m);
	page_end(c, &h);
}

/* One create or edit of an employee: the values posted, and what the write
 * transaction found. */
struct person_save {
	int64_t id;                  /* 0: create */
	struct person p;             /* the new values */
	const char *unit_text;
	struct field_errors input_fe;   /* problems found while reading the form */
	struct field_errors fe;      /* all problems */
	struct person before;        /* the stored employee when editing */
};

static void read_person_form(struct ctx *c, struct person_save *s)
{
	struct field_errors *fe = &s->input_fe;
	s->p.name = page_org_field(c, "name", "name", fe);
	s->p.email = page_org_field(c, "email", "email", fe);
	s->p.employee_number = page_org_field(c, "employee_number", "employee_number", fe);
	s->unit_text = page_org_field(c, "unit_id", "unit_id", fe);
	s->p.job_title = page_org_field(c, "job_title", "job_title", fe);
	const char *active = ctx_form(c, "active");
	s->p.active = s->id == 0 || (active && strcmp(active, "1") == 0);
}

/* Runs inside the write transaction (and again when the database was busy). */
static enum err save_person(struct ctx *c, void *arg)
{
	struct person_save *s = arg;
	s->fe = s->input_fe;
	enum err e;
	if (s->id) {
		if ((e = store_person_get(c->db, c->a, s->id, &s->before)))
			return e;
		if (!access_can(&c->actor, ACT_PERSON_EDIT, s->before.unit_id))
			return ERR_FORBIDDEN;
		s->p.id = s->id;
		s->p.user_id = s->before.user_id;
	}

	bool ok;
	s->p.unit_id = page_org_parse_id(s->unit_text, &ok);
	if (!ok)
		field_error_add(&s->fe, "unit_id", PROB_BAD_NUMBER);
	else if (s->p.unit_id) {
		struct unit u;
		e = store_unit_get(c->db, c->a, s->p.unit_id, &u);
		if (e == ERR_NOTFOUND)
			field_error_add(&s->fe, "unit_id", PROB_UNKNOWN_REF);
		else if (e)
			return e;
		else if (!access_can(&c->actor, ACT_PERSON_EDIT, s->p.unit_id))
			field_error_add(&s->fe, "unit_id", PROB_NOT_ALLOWED);
	}

	validate_person(&s->p, &s->fe);
	if (!field_errors_has(&s->fe, "employee_number")) {
		struct person other;
		e = store_person_by_number(c->db, c->a, s->p.employee_number, &other);
		if (e == OK && other.id != s->id)
			field_error_add(&s->fe, "employee_number", PROB_TAKEN);
		else if (e && e != ERR_NOTFOUND)
			return e;
	}
	if (s->fe.n) {
		static const char *const order[] = { "name", "employee_number", "email", "unit_id",
						     "job_title", "active" };
		page_org_tidy_problems(&s->fe, order, (int)(sizeof order / sizeof order[0]));
		return ERR_INVALID;
	}

	struct buf b;
	buf_init(&b, c->a, 0);
	const char *action;
	if (s->id) {
		audit_person_changes(&b, &s->before, &s->p);
		if (b.err || audit_is_empty(&b))
			return b.err;
		if ((e = store_person_update(c->db, &s->p)))
			return e;
		action = s->before.active && !s->p.active ? "deactivate" : "update";
	} else {
		if ((e = store_person_insert(c->db, &s->p)))
			return e;
		audit_person_changes(&b, NULL, &s->p);
		action = "create";
	}
	if (b.err)
		return b.err;
	return ctx_audit(c, "person", s->p.id, action, buf_str(&b));
}

static void finish_person_save(struct ctx *c, struct person_save *s)
{
	enum err e = ctx_write(c, save_person, s);
	if (e == OK) {
		ctx_redirect_flash(c, url_path(c->a, "/people/%lld", (long long)s->p.id),
				   MSG_PERSON_SAVED);
	} else if (e == ERR_INVALID && s->fe.n) {
		c->w->status = 422;
		render_person_form(c, &s->p, s->before.name, s->unit_text, &s->fe);
	} else {
		page_org_fail(c, e);
	}
}

void page_person_new(struct ctx *c)
{
	if (!access_can(&c->actor, ACT_PERSON_EDIT, 0)) {
		ctx_error_page(c, 403);
		return;
	}
	struct person p = { .active = true };
	render_person_form(c, &p, NULL, ctx_query(c, "unit"), NULL);
}

void page_person_create(struct ctx *c)
{
	if (!access_can(&c->actor, ACT_PERSON_EDIT, 0)) {
		ctx_error_page(c, 403);
		return;
	}
	struct person_save s = { .id = 0 };
	read_person_form(c, &s);
	finish_person_save(c, &s);
}

void page_person_edit(struct ctx *c)
{
	int64_t id = ctx_param_id(c, "id");
	if (!id) {
		ctx_error_page(c, 404);
		return;
	}
	struct person p;
	enum err e = store_person_get(c->db, c->a, id, &p);
	if (e) {
		page_org_fail(c, e);
		return;
	}
	if (!access_can(&c->actor, ACT_PERSON_EDIT, p.unit_id)) {
		ctx_error_page(c, 403);
		return;
	}
	render_person_form(c, &p, p.name, NULL, NULL);
}

void page_person_update(struct ctx *c)
{
	int64_t id = ctx_param_id(c, "id");
	if (!id) {
		ctx_error_page(c, 404);
		return;
	}
	struct person_save s = { .id = id };
	read_person_form(c, &s);
	finish_person_save(c, &s);
}
