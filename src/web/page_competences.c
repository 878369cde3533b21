/* page_competences.c — handlers of the competence catalogue pages: the
 * catalogue (tree or search), one competence, the competence and area forms,
 * and the two scales with their edit form and the buttons that add a level
 * or remove the highest one. Everyone signed in reads; HR and administrators
 * write (the router checks ACT_STRATEGY_EDIT; the write handlers ask again,
 * so a handler is safe whichever row points to it). Each save is one
 * transaction with its audit row; a save that changes nothing writes
 * nothing; a refused form is answered 422 with the error summary. */
#include "web/pages_competences.h"

#include <string.h>
#include "base/arena.h"
#include "base/buf.h"
#include "base/utf8.h"
#include "domain/audit.h"
#include "html/html.h"
#include "store/competences.h"
#include "views/competences.h"
#include "web/pages_org.h"

enum { CATALOGUE_MAX = 5000, SEARCH_MAX_BYTES = 400, AUDIT_MAX = 64 * 1024 };

static bool can_edit(struct ctx *c)
{
	return access_can(&c->actor, ACT_STRATEGY_EDIT, 0);
}

static bool refuse_unless_editor(struct ctx *c)
{
	if (can_edit(c))
		return false;
	ctx_error_page(c, 403);
	return true;
}

/* ---- the catalogue ---- */

void page_competences(struct ctx *c)
{
	const struct http_field *f = http_form_field(&c->query, "q");
	if (f && f->value &&
	    (f->len > SEARCH_MAX_BYTES || strlen(f->value) != f->len || !utf8_valid_text(f->value, f->len))) {
		ctx_error_page(c, 400);
		return;
	}
	char *q = f && f->value ? arena_strdup(c->a, f->value) : NULL;
	if (q)
		str_trim(q);
	const char *inactive = ctx_query(c, "inactive");
	struct v_competences_index m = {
		.q = q,
		.include_inactive = inactive && strcmp(inactive, "1") == 0,
		.can_edit = can_edit(c),
	};
	struct competence_area *areas;
	struct competence *items;
	struct competence_query cq = { .text = q && *q ? q : NULL, .include_inactive = m.include_inactive,
				       .limit = CATALOGUE_MAX };
	enum err e = store_competence_areas(c->db, c->a, &areas, &m.nareas);
	if (!e)
		e = store_competences_list(c->db, c->a, &cq, &items, &m.n);
	if (e) {
		page_org_fail(c, e);
		return;
	}
	m.areas = areas;
	m.items = items;
	struct html h;
	page_begin(c, &h, msg(c->lang, MSG_COMP_TITLE));
	v_competences_index(&h, &m);
	page_end(c, &h);
}

/* ---- competences and areas: one form flow ----
 * A competence and an area are edited alike: a name, a code no other entry
 * of its kind has, a description, and a reference that must exist (the
 * competence's area, the area's parent). A save is one transaction that
 * validates, audits the difference and inserts or updates. One set of
 * functions serves both kinds: struct entry_kind names what differs, and the
 * entry_* adapters reach each kind's store and domain calls. */

union entry {
	struct competence k;
	struct competence_area ar;
};

/* The fields both kinds have, pointed into one entry; active is NULL for an
 * area (only competences are deactivated). */
struct entry_fields {
	int64_t *id;
	char **name;
	char **code;
	char **description;
	int64_t *ref;
	bool *active;
};

/* What a form page shows. */
struct entry_form {
	const union entry *e;              /* the values shown; id 0: new */
	const char *heading_name;          /* the stored name when editing */
	const char *ref_text;              /* the reference as posted; NULL: the entry's own */
	const struct field_errors *errors;
	const struct competence_area *areas;   /* every area, tree order: the choices */
	int nareas;
};

struct entry_save;

struct entry_kind {
	bool is_area;
	const char *entity;                /* in the audit log */
	const char *ref_field;             /* the reference's form field */
	const char *ref_query;             /* the query parameter that presets it on a new form */
	const char *const *order;          /* the form's fields, for the error summary */
	int norder;
	enum msg saved;
	/* Checks a posted reference (nonzero); its problems go to s->fe. */
	enum err (*check_ref)(struct ctx *c, struct entry_save *s);
	void (*render)(struct ctx *c, const struct entry_form *f);
};

struct entry_save {
	const struct entry_kind *kind;
	int64_t id;                        /* 0: create */
	union entry now;                   /* the posted values */
	union entry before;                /* the stored values when updating */
	const char *ref_text;              /* the reference as posted */
	struct field_errors input_fe;      /* found while reading the form */
	struct field_errors fe;            /* those and the checks' (the transaction's) */
};

static struct entry_fields entry_fields(const struct entry_kind *kind, union entry *e)
{
	if (kind->is_area)
		return (struct entry_fields){ .id = &e->ar.id, .name = &e->ar.name, .code = &e->ar.code,
					      .description = &e->ar.description, .ref = &e->ar.parent_id };
	return (struct entry_fields){ .id = &e->k.id, .name = &e->k.name, .code = &e->k.code,
				      .description = &e->k.description, .ref = &e->k.area_id,
				      .active = &e->k.active };
}

static enum err entry_get(struct ctx *c, const struct entry_kind *kind, int64_t id, union entry *out)
{
	return kind->is_area ? store_competence_area_get(c->db, c->a, id, &out->ar)
			     : store_competence_get(c->db, c->a, id, &out->k);
}

static enum err entry_by_code(struct ctx *c, const struct entry_kind *kind, const char *code,
			      union entry *out)
{
	return kind->is_area ? store_competence_area_by_code(c->db, c->a, code, &out->ar)
			     : store_competence_by_code(c->db, c->a, code, &out->k);
}

static void entry_validate(const struct entry_kind *kind, const union entry *e, struct field_errors *fe)
{
	if (kind->is_area)
		validate_competence_area(&e->ar, fe);
	else
		validate_competence(&e->k, fe);
}

/* before NULL: a create. */
static void entry_audit(struct buf *b, const struct entry_kind *kind, const union entry *before,
			const union entry *now)
{
	if (kind->is_area)
		competence_area_audit(b, before ? &before->ar : NULL, &now->ar);
	else
		competence_audit(b, before ? &before->k : NULL, &now->k);
}

/* An insert sets the entry's id. */
static enum err entry_store(struct ctx *c, const struct entry_kind *kind, bool update, union entry *e)
{
	if (kind->is_area)
		return update ? store_competence_area_update(c->db, c->now, &e->ar)
			      : store_competence_area_insert(c->db, c->now, &e->ar);
	return update ? store_competence_update(c->db, c->now, &e->k)
		      : store_competence_insert(c->db, c->now, &e->k);
}

/* The entry of the path's {id}; false once an error page has been written. */
static bool load_entry(struct ctx *c, const struct entry_kind *kind, union entry *e)
{
	int64_t id = ctx_param_id(c, "id");
	enum err err = id ? entry_get(c, kind, id, e) : ERR_NOTFOUND;
	if (err)
		page_org_fail(c, err);
	return !err;
}

/* Both forms choose among the areas, so they are read here. */
static void render_entry_form(struct ctx *c, const struct entry_kind *kind, struct entry_form *f)
{
	struct competence_area *areas;
	enum err e = store_competence_areas(c->db, c->a, &areas, &f->nareas);
	if (e) {
		page_org_fail(c, e);
		return;
	}
	f->areas = areas;
	kind->render(c, f);
}

static void read_entry_form(struct ctx *c, struct entry_save *s)
{
	struct field_errors *fe = &s->input_fe;
	const char *ref = s->kind->ref_field;
	struct entry_fields f = entry_fields(s->kind, &s->now);
	*f.name = page_org_field(c, "name", "name", fe);
	*f.code = page_org_field(c, "code", "code", fe);
	s->ref_text = page_org_field(c, ref, ref, fe);
	*f.description = page_org_field(c, "description", "description", fe);
	if (f.active) {
		/* A new entry starts active; an unticked box deactivates. */
		const char *active = ctx_form(c, "active");
		*f.active = s->id == 0 || (active && strcmp(active, "1") == 0);
	}
}

static enum err save_entry(struct ctx *c, void *arg)
{
	struct entry_save *s = arg;
	const struct entry_kind *kind = s->kind;
	struct entry_fields now = entry_fields(kind, &s->now);
	struct entry_fields before = entry_fields(kind, &s->before);
	s->fe = s->input_fe;
	enum err e;
	if (s->id) {
		if ((e = entry_get(c, kind, s->id, &s->before)))
			return e;
		*now.id = s->id;
	}
	bool ok;
	*now.ref = page_org_parse_id(s->ref_text, &ok);
	if (!ok)
		field_error_add(&s->fe, kind->ref_field, PROB_BAD_NUMBER);
	else if (*now.ref && (e = kind->check_ref(c, s)))
		return e;
	entry_validate(kind, &s->now, &s->fe);
	if (!field_errors_has(&s->fe, "code")) {
		union entry other;
		e = entry_by_code(c, kind, *now.code, &other);
		if (e == OK && *entry_fields(kind, &other).id != s->id)
			field_error_add(&s->fe, "code", PROB_TAKEN);
		else if (e && e != ERR_NOTFOUND)
			return e;
	}
	if (s->fe.n) {
		page_org_tidy_problems(&s->fe, kind->order, kind->norder);
		return ERR_INVALID;
	}
	struct buf b;
	buf_init(&b, c->a, AUDIT_MAX);
	entry_audit(&b, kind, s->id ? &s->before : NULL, &s->now);
	if (b.err)
		return b.err;
	const char *action = "create";
	if (s->id) {
		if (audit_is_empty(&b))
			return OK;
		action = before.active && *before.active && !*now.active ? "deactivate" : "update";
	}
	if ((e = entry_store(c, kind, s->id != 0, &s->now)))
		return e;
	return ctx_audit(c, kind->entity, *now.id, action, buf_str(&b));
}

static void new_entry(struct ctx *c, const struct entry_kind *kind)
{
	if (refuse_unless_editor(c))
		return;
	union entry e;
	memset(&e, 0, sizeof e);
	bool *active = entry_fields(kind, &e).active;
	if (active)
		*active = true;
	struct entry_form f = { .e = &e, .ref_text = ctx_query(c, kind->ref_query) };
	render_entry_form(c, kind, &f);
}

static void edit_entry(struct ctx *c, const struct entry_kind *kind)
{
	union entry e;
	if (refuse_unless_editor(c) || !load_entry(c, kind, &e))
		return;
	struct entry_form f = { .e = &e, .heading_name = *entry_fields(kind, &e).name };
	render_entry_form(c, kind, &f);
}

/* Creates (update false) or updates the path's {id}. */
static void post_entry(struct ctx *c, const struct entry_kind *kind, bool update)
{
	if (refuse_unless_editor(c))
		return;
	struct entry_save s = { .kind = kind, .id = update ? ctx_param_id(c, "id") : 0 };
	if (update && !s.id) {
		ctx_error_page(c, 404);
		return;
	}
	read_entry_form(c, &s);
	enum err e = ctx_write(c, save_entry, &s);
	if (e == OK) {
		/* An area is seen in the catalogue; a competence has its own page. */
		const char *to = kind->is_area ? "/competences"
					       : url_path(c->a, "/competences/%lld", (long long)s.now.k.id);
		ctx_redirect_flash(c, to, kind->saved);
	} else if (e == ERR_INVALID && s.fe.n) {
		c->w->status = 422;
		render_entry_form(c, kind, &(struct entry_form){
			.e = &s.now, .heading_name = s.id ? *entry_fields(kind, &s.before).name : NULL,
			.ref_text = s.ref_text, .errors = &s.fe });
	} else {
		page_org_fail(c, e);
	}
}

/* ---- competences ---- */

/* A competence's area must exist. */
static enum err check_competence_area(struct ctx *c, struct entry_save *s)
{
	struct competence_area ar;
	enum err e = store_competence_area_get(c->db, c->a, s->now.k.area_id, &ar);
	if (e == ERR_NOTFOUND) {
		field_error_add(&s->fe, "area_id", PROB_UNKNOWN_REF);
		return OK;
	}
	return e;
}

static void render_competence_form(struct ctx *c, const struct entry_form *f)
{
	const struct competence *k = &f->e->k;
	struct v_competence_form m = { .k = k, .heading_name = f->heading_name, .area_text = f->ref_text,
				       .areas = f->areas, .nareas = f->nareas, .errors = f->errors,
				       .csrf = c->csrf };
	struct html h;
	page_begin(c, &h, msg(c->lang, k->id ? MSG_COMP_EDIT : MSG_COMP_NEW));
	v_competence_form(&h, &m);
	page_end(c, &h);
}

static const char *const competence_order[] = { "name", "code", "area_id", "description", "active" };

static const struct entry_kind competence_kind = {
	.is_area = false, .entity = "competence", .ref_field = "area_id", .ref_query = "area",
	.order = competence_order, .norder = (int)(sizeof competence_order / sizeof competence_order[0]),
	.saved = MSG_COMP_SAVED, .check_ref = check_competence_area, .render = render_competence_form,
};

void page_competence_show(struct ctx *c)
{
	union entry e;
	if (!load_entry(c, &competence_kind, &e))
		return;
	struct v_competence_show m = { .k = &e.k, .can_edit = can_edit(c) };
	struct html h;
	page_begin(c, &h, e.k.name);
	v_competence_show(&h, &m);
	page_end(c, &h);
}

/* ---- areas ---- */

/* An area's parent must exist and must not lie below the area itself. */
static enum err check_area_parent(struct ctx *c, struct entry_save *s)
{
	struct competence_area *all;
	int n;
	enum err e = store_competence_areas(c->db, c->a, &all, &n);
	if (e)
		return e;
	bool found = false;
	for (int i = 0; i < n && !found; i++)
		found = all[i].id == s->now.ar.parent_id;
	if (!found)
		field_error_add(&s->fe, "parent_id", PROB_UNKNOWN_REF);
	else if (s->id && competence_area_move_makes_cycle(all, n, s->id, s->now.ar.parent_id))
		field_error_add(&s->fe, "parent_id", PROB_CYCLE);
	return OK;
}

static void render_area_form(struct ctx *c, const struct entry_form *f)
{
	const struct competence_area *ar = &f->e->ar;
	struct v_area_form m = { .area = ar, .heading_name = f->heading_name, .parent_text = f->ref_text,
				 .errors = f->errors, .csrf = c->csrf };
	/* Offer only parents that keep the tree a tree. */
	struct competence_area *ok = arena_alloc(c->a, sizeof *ok * (size_t)(f->nareas > 0 ? f->nareas : 1));
	if (!ok) {
		page_org_fail(c, ERR_TOO_BIG);
		return;
	}
	for (int i = 0; i < f->nareas; i++)
		if (!ar->id || !competence_area_move_makes_cycle(f->areas, f->nareas, ar->id, f->areas[i].id))
			ok[m.nparents++] = f->areas[i];
	m.parents = ok;
	struct html h;
	page_begin(c, &h, msg(c->lang, ar->id ? MSG_COMP_AREA_EDIT : MSG_COMP_AREA_NEW));
	v_area_form(&h, &m);
	page_end(c, &h);
}

static const char *const area_order[] = { "name", "code", "parent_id", "description" };

static const struct entry_kind area_kind = {
	.is_area = true, .entity = "competence_area", .ref_field = "parent_id", .ref_query = "parent",
	.order = area_order, .norder = (int)(sizeof area_order / sizeof area_order[0]),
	.saved = MSG_COMP_AREA_SAVED, .check_ref = check_area_parent, .render = render_area_form,
};

/* ---- the route handlers of both kinds, step by step ---- */

void page_competence_new(struct ctx *c)
{
	new_entry(c, &competence_kind);
}

void page_competence_area_new(struct ctx *c)
{
	new_entry(c, &area_kind);
}

void page_competence_create(struct ctx *c)
{
	post_entry(c, &competence_kind, false);
}

void page_competence_area_create(struct ctx *c)
{
	post_entry(c, &area_kind, false);
}

void page_competence_edit(struct ctx *c)
{
	edit_entry(c, &competence_kind);
}

void page_competence_area_edit(struct ctx *c)
{
	edit_entry(c, &area_kind);
}

void page_competence_update(struct ctx *c)
{
	post_entry(c, &competence_kind, true);
}

void page_competence_area_update(struct ctx *c)
{
	post_entry(c, &area_kind, true);
}

/* ---- scales ---- */

void page_scales(struct ctx *c)
{
	struct scale scales[SCALE_KIND_COUNT];
	for (int k = 0; k < SCALE_KIND_COUNT; k++) {
		enum err e = store_scale_get(c->db, c->a, (enum scale_kind)k, &scales[k]);
		if (e) {
			page_org_fail(c, e);
			return;
		}
	}
	struct v_scales m = { .scales = scales, .can_edit = can_edit(c) };
	struct html h;
	page_begin(c, &h, msg(c->lang, MSG_SCALE_TITLE));
	v_scales(&h, &m);
	page_end(c, &h);
}

/* The {scale} of the path; false once a 404 page has been written. */
static bool scale_param(struct ctx *c, enum scale_kind *kind)
{
	if (scale_kind_parse(http_param(c->req, "scale"), kind))
		return true;
	ctx_error_page(c, 404);
	return false;
}

static void render_scale_form(struct ctx *c, const struct scale *s, const struct field_errors *fe)
{
	struct v_scale_form m = { .scale = s, .errors = fe, .csrf = c->csrf };
	struct html h;
	page_begin(c, &h, msg(c->lang, MSG_SCALE_EDIT));
	v_scale_form(&h, &m);
	page_end(c, &h);
}

void page_scale_edit(struct ctx *c)
{
	enum scale_kind kind;
	if (refuse_unless_editor(c) || !scale_param(c, &kind))
		return;
	struct scale s;
	enum err e = store_scale_get(c->db, c->a, kind, &s);
	if (e) {
		page_org_fail(c, e);
		return;
	}
	render_scale_form(c, &s, NULL);
}

struct scale_save {
	enum scale_kind kind;
	struct scale posted;         /* the stored levels with the posted texts */
	struct field_errors fe;
	enum msg flash;
	enum err refused;            /* add/remove: why the change was refused */
};

/* The entity name of a scale's levels in the audit log. */
static const char *scale_entity(enum scale_kind k)
{
	return k == SCALE_REFLECTION ? "reflection_scale" : "proficiency_scale";
}

/* Reads every level's six texts over the stored scale; runs inside the
 * transaction, so the levels posted are checked against the stored ones. */
static enum err save_scale(struct ctx *c, void *arg)
{
	struct scale_save *s = arg;
	struct scale stored;
	enum err e = store_scale_get(c->db, c->a, s->kind, &stored);
	if (e)
		return e;
	s->fe.n = 0;
	s->posted = stored;
	s->posted.levels = arena_alloc(c->a, sizeof *s->posted.levels * (size_t)(stored.n > 0 ? stored.n : 1));
	if (!s->posted.levels)
		return ERR_TOO_BIG;
	for (int i = 0; i < stored.n; i++) {
		struct scale_level *l = &s->posted.levels[i];
		struct scale_level_fields f;
		*l = stored.levels[i];
		for (int g = 0; g < SCALE_LANGS; g++) {
			f.name[g] = v_scale_field(c->a, false, g, l->level);
			f.description[g] = v_scale_field(c->a, true, g, l->level);
			if (!f.name[g] || !f.description[g])
				return ERR_TOO_BIG;
			l->name[g] = page_org_field(c, f.name[g], f.name[g], &s->fe);
			l->description[g] = page_org_field(c, f.description[g], f.description[g], &s->fe);
		}
		validate_scale_level(l, &f, &s->fe);
	}
	if (s->fe.n) {
		page_org_tidy_problems(&s->fe, NULL, 0);
		return ERR_INVALID;
	}
	for (int i = 0; i < stored.n; i++) {
		struct buf b;
		buf_init(&b, c->a, AUDIT_MAX);
		scale_level_audit(&b, &stored.levels[i], &s->posted.levels[i]);
		if (b.err)
			return b.err;
		if (audit_is_empty(&b))
			continue;
		if ((e = store_scale_level_update(c->db, s->kind, &s->posted.levels[i])) ||
		    (e = ctx_audit(c, scale_entity(s->kind), s->posted.levels[i].level, "update",
				   buf_str(&b))))
			return e;
	}
	return OK;
}

void page_scale_update(struct ctx *c)
{
	struct scale_save s = { .fe.n = 0 };
	if (refuse_unless_editor(c) || !scale_param(c, &s.kind))
		return;
	enum err e = ctx_write(c, save_scale, &s);
	if (e == OK) {
		ctx_redirect_flash(c, "/competences/scales", MSG_SCALE_SAVED);
	} else if (e == ERR_INVALID && s.fe.n) {
		c->w->status = 422;
		render_scale_form(c, &s.posted, &s.fe);
	} else {
		page_org_fail(c, e);
	}
}

/* Adds level n + 1, named "Nivå N" / "Level N" until HR names it. */
static enum err add_level(struct ctx *c, void *arg)
{
	struct scale_save *s = arg;
	struct scale stored;
	enum err e = store_scale_get(c->db, c->a, s->kind, &stored);
	if (e)
		return e;
	if (!scale_can_add_level(stored.n))
		return s->refused = ERR_CONFLICT;
	struct scale_level l = { .level = stored.n + 1 };
	for (int g = 0; g < SCALE_LANGS; g++) {
		l.name[g] = arena_printf(c->a, "%s %d", msg((enum lang)g, MSG_SCALE_LEVEL), l.level);
		l.description[g] = (char *)"";
		if (!l.name[g])
			return ERR_TOO_BIG;
	}
	struct buf b;
	buf_init(&b, c->a, AUDIT_MAX);
	scale_level_audit(&b, NULL, &l);
	if (b.err)
		return b.err;
	if ((e = store_scale_level_insert(c->db, s->kind, &l)))
		return e;
	return ctx_audit(c, scale_entity(s->kind), l.level, "create", buf_str(&b));
}

/* Removes the highest level; a stored rating that uses it makes the delete
 * a conflict (the rating tables reference the level). */
static enum err remove_level(struct ctx *c, void *arg)
{
	struct scale_save *s = arg;
	struct scale stored;
	enum err e = store_scale_get(c->db, c->a, s->kind, &stored);
	if (e)
		return e;
	if (!scale_can_remove_level(stored.n))
		return s->refused = ERR_CONFLICT;
	const struct scale_level *top = &stored.levels[stored.n - 1];
	struct buf b;
	buf_init(&b, c->a, AUDIT_MAX);
	scale_level_audit(&b, top, NULL);
	if (b.err)
		return b.err;
	if ((e = store_scale_level_delete(c->db, s->kind, top->level)))
		return e;
	return ctx_audit(c, scale_entity(s->kind), top->level, "delete", buf_str(&b));
}

/* Answers add or remove: back to the form with a message, or 409 with the
 * reason when the scale's size or a stored rating forbids the change. */
static void scale_size_change(struct ctx *c, enum err (*fn)(struct ctx *c, void *arg), enum msg done,
			      enum msg in_use)
{
	struct scale_save s = { .fe.n = 0 };
	if (refuse_unless_editor(c) || !scale_param(c, &s.kind))
		return;
	enum err e = ctx_write(c, fn, &s);
	if (e == OK) {
		ctx_redirect_flash(c, url_path(c->a, "/competences/scales/%s/edit", scale_kind_name(s.kind)),
				   done);
		return;
	}
	if (e != ERR_CONFLICT) {
		page_org_fail(c, e);
		return;
	}
	struct scale stored;
	if ((e = store_scale_get(c->db, c->a, s.kind, &stored))) {
		page_org_fail(c, e);
		return;
	}
	c->w->status = 409;
	struct html h;
	page_begin(c, &h, msg(c->lang, MSG_SCALE_EDIT));
	HTML_LIT(&h, "<div class=\"ds-alert\" data-color=\"danger\" role=\"alert\"><p class=\"ds-paragraph\">");
	html_msg(&h, s.refused == ERR_CONFLICT ? MSG_SCALE_LIMIT : in_use);
	HTML_LIT(&h, "</p></div>");
	v_scale_form(&h, &(struct v_scale_form){ .scale = &stored, .csrf = c->csrf });
	page_end(c, &h);
}

void page_scale_level_add(struct ctx *c)
{
	scale_size_change(c, add_level, MSG_SCALE_ADDED, MSG_SCALE_LIMIT);
}

void page_scale_level_remove(struct ctx *c)
{
	scale_size_change(c, remove_level, MSG_SCALE_REMOVED, MSG_SCALE_IN_USE);
}
