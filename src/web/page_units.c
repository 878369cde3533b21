/* page_units.c — handlers of the unit pages: the tree, one unit, create,
 * edit/move and delete (after a confirmation page). Every write runs in one
 * write transaction that loads the state before, checks the rules (fields,
 * taken code, unknown parent or leader, no cycle), stores, and records the
 * change in the audit log; a save that changes nothing writes nothing. Also
 * holds the form helpers the other organisation handlers share. */
#include "web/pages_org.h"

#include <string.h>
#include "base/arena.h"
#include "base/buf.h"
#include "base/utf8.h"
#include "domain/audit.h"
#include "html/html.h"
#include "views/org.h"

enum { UNIT_PEOPLE_PAGE = 50 };   /* people per page of a unit page, as on /people */

static char empty_value[1];

char *page_org_field(struct ctx *c, const char *name, const char *field, struct field_errors *fe)
{
	const struct http_field *f = http_form_field(&c->form, name);
	if (!f || !f->value)
		return empty_value;
	if (strlen(f->value) != f->len || !utf8_valid_text(f->value, f->len)) {
		field_error_add(fe, field, PROB_BAD_TEXT);
		return empty_value;
	}
	char *s = arena_strndup(c->a, f->value, f->len);
	return s ? str_trim(s) : empty_value;
}

int64_t page_org_parse_id(const char *s, bool *ok)
{
	*ok = true;
	if (!s || !*s)
		return 0;
	int64_t n = 0;
	for (const char *p = s; *p; p++) {
		if (*p < '0' || *p > '9' || p - s >= 18) {
			*ok = false;
			return 0;
		}
		n = n * 10 + (*p - '0');
	}
	return n;
}

void page_org_tidy_problems(struct field_errors *fe, const char *const *order, int norder)
{
	struct field_errors out = { .n = 0 };
	for (int k = 0; k <= norder; k++) {
		for (int i = 0; i < fe->n; i++) {
			const char *f = fe->e[i].field;
			int rank = norder;
			for (int j = 0; j < norder; j++)
				if (strcmp(order[j], f) == 0)
					rank = j;
			if (rank == k && !field_errors_has(&out, f))
				out.e[out.n++] = fe->e[i];
		}
	}
	*fe = out;
}

void page_org_fail(struct ctx *c, enum err e)
{
	switch (e) {
	case ERR_NOTFOUND: ctx_error_page(c, 404); break;
	case ERR_FORBIDDEN: ctx_error_page(c, 403); break;
	case ERR_CONFLICT: ctx_error_page(c, 409); break;
	case ERR_TOO_BIG: ctx_error_page(c, 413); break;
	case ERR_BUSY: ctx_error_page(c, 503); break;
	case ERR_INVALID: ctx_error_page(c, 400); break;
	case OK:
	case ERR_IO:
		ctx_error_page(c, 500);
		break;
	}
}

static const struct unit *tree_find(const struct unit *tree, int n, int64_t id)
{
	for (int i = 0; i < n; i++)
		if (tree[i].id == id)
			return &tree[i];
	return NULL;
}

void page_units(struct ctx *c)
{
	struct v_units_index m = { .can_edit = access_can(&c->actor, ACT_UNIT_EDIT, 0) };
	struct unit *tree;
	enum err e = store_unit_tree(c->db, c->a, &tree, &m.n);
	if (e) {
		page_org_fail(c, e);
		return;
	}
	m.units = tree;
	struct html h;
	page_begin(c, &h, msg(c->lang, MSG_UNIT_LIST_TITLE));
	v_units_index(&h, &m);
	page_end(c, &h);
}

void page_unit_show(struct ctx *c)
{
	int64_t id = ctx_param_id(c, "id");
	if (!id) {
		ctx_error_page(c, 404);
		return;
	}
	const char *inactive = ctx_query(c, "inactive");
	struct unit u;
	struct unit *tree;
	struct person *people;
	struct v_unit_show m = {
		.unit = &u,
		.show_inactive = inactive && strcmp(inactive, "1") == 0,
		.can_edit = access_can(&c->actor, ACT_UNIT_EDIT, id),
		.can_add_people = access_can(&c->actor, ACT_PERSON_EDIT, id),
		.can_see_goals = access_can(&c->actor, ACT_CYCLE_READ, id),
		.can_see_reading = access_can(&c->actor, ACT_PREPARE, id),
	};
	/* keyset paging like /people: ?after=NAME&after_id=ID continues */
	bool ok;
	const char *after = ctx_query(c, "after");
	int64_t after_id = page_org_parse_id(ctx_query(c, "after_id"), &ok);
	if (!ok || (after && !*after)) {
		ctx_error_page(c, 400);
		return;
	}
	struct person_query q = { .unit_id = id, .include_inactive = m.show_inactive,
				  .after_name = after && after_id > 0 ? after : NULL, .after_id = after_id,
				  .limit = UNIT_PEOPLE_PAGE + 1 };
	m.is_first_page = q.after_name == NULL;
	enum err e = store_unit_get(c->db, c->a, id, &u);
	if (!e)
		e = store_unit_children(c->db, c->a, id, &tree, &m.ntree);
	if (!e)
		e = store_people_list(c->db, c->a, &q, &people, &m.npeople);
	if (!e && m.npeople > UNIT_PEOPLE_PAGE) {
		/* one more than a page was asked for: there is a next page */
		m.npeople = UNIT_PEOPLE_PAGE;
		m.has_more = true;
	}
	if (e) {
		page_org_fail(c, e);
		return;
	}
	m.tree = tree;
	m.people = people;
	struct html h;
	page_begin(c, &h, u.name);
	v_unit_show(&h, &m);
	page_end(c, &h);
}

/* One create or edit of a unit: the values posted, and what the write
 * transaction found. */
struct unit_save {
	int64_t id;                  /* 0: create */
	struct unit u;               /* the new values */
	const char *parent_text;
	const char *leader_number;
	struct field_errors input_fe;   /* problems found while reading the form */
	struct field_errors fe;      /* all problems */
	struct unit before;          /* the stored unit when editing */
	struct unit *tree;
	int ntree;
};

static void read_unit_form(struct ctx *c, struct unit_save *s)
{
	s->u.name = page_org_field(c, "name", "name", &s->input_fe);
	s->u.code = page_org_field(c, "code", "code", &s->input_fe);
	s->parent_text = page_org_field(c, "parent_id", "parent_id", &s->input_fe);
	s->leader_number = page_org_field(c, "leader_employee_number", "leader_employee_number",
					  &s->input_fe);
}

/* Runs inside the write transaction (and again when the database was busy). */
static enum err save_unit(struct ctx *c, void *arg)
{
	struct unit_save *s = arg;
	s->fe = s->input_fe;
	enum err e = store_unit_tree(c->db, c->a, &s->tree, &s->ntree);
	if (e)
		return e;
	if (s->id) {
		if ((e = store_unit_get(c->db, c->a, s->id, &s->before)))
			return e;
		s->u.id = s->id;
	}

	bool ok;
	s->u.parent_id = page_org_parse_id(s->parent_text, &ok);
	if (!ok)
		field_error_add(&s->fe, "parent_id", PROB_BAD_NUMBER);
	else if (s->u.parent_id && !tree_find(s->tree, s->ntree, s->u.parent_id))
		field_error_add(&s->fe, "parent_id", PROB_UNKNOWN_REF);
	else if (s->id && unit_move_makes_cycle(s->tree, s->ntree, s->id, s->u.parent_id))
		field_error_add(&s->fe, "parent_id", PROB_CYCLE);

	s->u.leader_id = 0;
	if (*s->leader_number) {
		struct person leader;
		e = store_person_by_number(c->db, c->a, s->leader_number, &leader);
		if (e == ERR_NOTFOUND)
			field_error_add(&s->fe, "leader_employee_number", PROB_UNKNOWN_REF);
		else if (e)
			return e;
		else
			s->u.leader_id = leader.id;
	}

	validate_unit(&s->u, &s->fe);
	if (!field_errors_has(&s->fe, "code")) {
		struct unit other;
		e = store_unit_by_code(c->db, c->a, s->u.code, &other);
		if (e == OK && other.id != s->id)
			field_error_add(&s->fe, "code", PROB_TAKEN);
		else if (e && e != ERR_NOTFOUND)
			return e;
	}
	if (s->fe.n) {
		static const char *const order[] = { "name", "code", "parent_id",
						     "leader_employee_number" };
		page_org_tidy_problems(&s->fe, order, (int)(sizeof order / sizeof order[0]));
		return ERR_INVALID;
	}

	struct buf b;
	buf_init(&b, c->a, 0);
	const char *action;
	if (s->id) {
		audit_unit_changes(&b, &s->before, &s->u);
		if (b.err || audit_is_empty(&b))
			return b.err;
		if ((e = store_unit_update(c->db, &s->u)))
			return e;
		action = "update";
	} else {
		if ((e = store_unit_insert(c->db, &s->u)))
			return e;
		audit_unit_changes(&b, NULL, &s->u);
		action = "create";
	}
	if (b.err)
		return b.err;
	return ctx_audit(c, "unit", s->u.id, action, buf_str(&b));
}

static void render_unit_form(struct ctx *c, const struct unit *u, const char *heading_name,
			     const char *leader_number, const char *parent_text,
			     const struct unit *tree, int ntree, const struct field_errors *fe)
{
	struct v_unit_form m = {
		.unit = u, .heading_name = heading_name, .leader_number = leader_number,
		.parent_text = parent_text, .tree = tree, .ntree = ntree, .errors = fe,
		.csrf = c->csrf,
	};
	const char *title = u->id ? msg(c->lang, MSG_UNIT_EDIT) : msg(c->lang, MSG_UNIT_NEW);
	struct html h;
	page_begin(c, &h, title);
	v_unit_form(&h, &m);
	page_end(c, &h);
}

static void finish_unit_save(struct ctx *c, struct unit_save *s)
{
	enum err e = ctx_write(c, save_unit, s);
	if (e == OK) {
		ctx_redirect_flash(c, url_path(c->a, "/units/%lld", (long long)s->u.id), MSG_UNIT_SAVED);
	} else if (e == ERR_INVALID && s->fe.n) {
		c->w->status = 422;
		render_unit_form(c, &s->u, s->before.name, s->leader_number, s->parent_text, s->tree,
				 s->ntree, &s->fe);
	} else {
		page_org_fail(c, e);
	}
}

void page_unit_new(struct ctx *c)
{
	struct unit *tree;
	int n;
	enum err e = store_unit_tree(c->db, c->a, &tree, &n);
	if (e) {
		page_org_fail(c, e);
		return;
	}
	struct unit u = { .name = NULL };
	const char *parent = ctx_query(c, "parent");
	bool ok;
	u.parent_id = page_org_parse_id(parent, &ok);
	if (!ok || !tree_find(tree, n, u.parent_id))
		u.parent_id = 0;
	render_unit_form(c, &u, NULL, "", NULL, tree, n, NULL);
}

void page_unit_create(struct ctx *c)
{
	if (!access_can(&c->actor, ACT_UNIT_EDIT, 0)) {
		ctx_error_page(c, 403);
		return;
	}
	struct unit_save s = { .id = 0 };
	read_unit_form(c, &s);
	finish_unit_save(c, &s);
}

void page_unit_edit(struct ctx *c)
{
	int64_t id = ctx_param_id(c, "id");
	if (!id) {
		ctx_error_page(c, 404);
		return;
	}
	if (!access_can(&c->actor, ACT_UNIT_EDIT, id)) {
		ctx_error_page(c, 403);
		return;
	}
	struct unit u;
	struct unit *tree;
	int n;
	struct person leader = { .employee_number = empty_value };
	enum err e = store_unit_get(c->db, c->a, id, &u);
	if (!e && u.leader_id)
		e = store_person_get(c->db, c->a, u.leader_id, &leader);
	if (!e)
		e = store_unit_tree(c->db, c->a, &tree, &n);
	if (e) {
		page_org_fail(c, e);
		return;
	}
	render_unit_form(c, &u, u.name, leader.employee_number, NULL, tree, n, NULL);
}

void page_unit_update(struct ctx *c)
{
	int64_t id = ctx_param_id(c, "id");
	if (!id) {
		ctx_error_page(c, 404);
		return;
	}
	if (!access_can(&c->actor, ACT_UNIT_EDIT, id)) {
		ctx_error_page(c, 403);
		return;
	}
	struct unit_save s = { .id = id };
	read_unit_form(c, &s);
	finish_unit_save(c, &s);
}

/* A unit with sub-units or people (inactive ones too) cannot be deleted. */
static enum err unit_in_use(struct ctx *c, int64_t id, bool *in_use)
{
	struct unit *tree;
	int n;
	enum err e = store_unit_tree(c->db, c->a, &tree, &n);
	if (e)
		return e;
	*in_use = false;
	for (int i = 0; i < n; i++)
		if (tree[i].parent_id == id)
			*in_use = true;
	if (*in_use)
		return OK;
	struct person_query q = { .unit_id = id, .include_inactive = true, .limit = 1 };
	struct person *p;
	int np;
	if ((e = store_people_list(c->db, c->a, &q, &p, &np)))
		return e;
	*in_use = np > 0;
	return OK;
}

static void render_unit_delete(struct ctx *c, const struct unit *u, bool blocked)
{
	struct v_unit_delete m = { .unit = u, .blocked = blocked, .csrf = c->csrf };
	if (blocked)
		c->w->status = 409;
	struct html h;
	page_begin(c, &h, msg(c->lang, MSG_UNIT_DELETE));
	v_unit_delete(&h, &m);
	page_end(c, &h);
}

void page_unit_delete_confirm(struct ctx *c)
{
	int64_t id = ctx_param_id(c, "id");
	if (!id) {
		ctx_error_page(c, 404);
		return;
	}
	if (!access_can(&c->actor, ACT_UNIT_EDIT, id)) {
		ctx_error_page(c, 403);
		return;
	}
	struct unit u;
	bool in_use = false;
	enum err e = store_unit_get(c->db, c->a, id, &u);
	if (!e)
		e = unit_in_use(c, id, &in_use);
	if (e) {
		page_org_fail(c, e);
		return;
	}
	render_unit_delete(c, &u, in_use);
}

struct unit_delete {
	int64_t id;
	struct unit before;
	bool in_use;
};

static enum err delete_unit(struct ctx *c, void *arg)
{
	struct unit_delete *d = arg;
	enum err e = store_unit_get(c->db, c->a, d->id, &d->before);
	if (!e)
		e = unit_in_use(c, d->id, &d->in_use);
	if (e)
		return e;
	if (d->in_use)
		return ERR_CONFLICT;
	if ((e = store_unit_delete(c->db, d->id))) {
		/* something else still points at the unit */
		d->in_use = e == ERR_CONFLICT;
		return e;
	}
	struct buf b;
	buf_init(&b, c->a, 0);
	audit_unit_changes(&b, &d->before, NULL);
	if (b.err)
		return b.err;
	return ctx_audit(c, "unit", d->id, "delete", buf_str(&b));
}

void page_unit_delete(struct ctx *c)
{
	int64_t id = ctx_param_id(c, "id");
	if (!id) {
		ctx_error_page(c, 404);
		return;
	}
	if (!access_can(&c->actor, ACT_UNIT_EDIT, id)) {
		ctx_error_page(c, 403);
		return;
	}
	struct unit_delete d = { .id = id };
	enum err e = ctx_write(c, delete_unit, &d);
	if (e == OK)
		ctx_redirect_flash(c, "/units", MSG_UNIT_DELETED);
	else if (e == ERR_CONFLICT && d.in_use)
		render_unit_delete(c, &d.before, true);
	else
		page_org_fail(c, e);
}
