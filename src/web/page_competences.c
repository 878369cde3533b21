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

void page_competence_show(struct ctx *c)
{
	int64_t id = ctx_param_id(c, "id");
	struct competence k;
	enum err e = id ? store_competence_get(c->db, c->a, id, &k) : ERR_NOTFOUND;
	if (e) {
		page_org_fail(c, e);
		return;
	}
	struct v_competence_show m = { .k = &k, .can_edit = can_edit(c) };
	struct html h;
	page_begin(c, &h, k.name);
	v_competence_show(&h, &m);
	page_end(c, &h);
}

/* ---- competences: create and edit ---- */

static void render_competence_form(struct ctx *c, const struct competence *k, const char *heading_name,
				   const char *area_text, const struct field_errors *fe)
{
	struct v_competence_form m = { .k = k, .heading_name = heading_name, .area_text = area_text,
				       .errors = fe, .csrf = c->csrf };
	struct competence_area *areas;
	enum err e = store_competence_areas(c->db, c->a, &areas, &m.nareas);
	if (e) {
		page_org_fail(c, e);
		return;
	}
	m.areas = areas;
	struct html h;
	page_begin(c, &h, msg(c->lang, k->id ? MSG_COMP_EDIT : MSG_COMP_NEW));
	v_competence_form(&h, &m);
	page_end(c, &h);
}

struct competence_save {
	int64_t id;                  /* 0: create */
	struct competence k;         /* the new values */
	const char *area_text;
	struct field_errors input_fe;
	struct field_errors fe;
	struct competence before;
};

static void read_competence_form(struct ctx *c, struct competence_save *s)
{
	struct field_errors *fe = &s->input_fe;
	s->k.name = page_org_field(c, "name", "name", fe);
	s->k.code = page_org_field(c, "code", "code", fe);
	s->area_text = page_org_field(c, "area_id", "area_id", fe);
	s->k.description = page_org_field(c, "description", "description", fe);
	const char *active = ctx_form(c, "active");
	s->k.active = s->id == 0 || (active && strcmp(active, "1") == 0);
}

static enum err save_competence(struct ctx *c, void *arg)
{
	struct competence_save *s = arg;
	s->fe = s->input_fe;
	enum err e;
	if (s->id) {
		if ((e = store_competence_get(c->db, c->a, s->id, &s->before)))
			return e;
		s->k.id = s->id;
	}
	bool ok;
	s->k.area_id = page_org_parse_id(s->area_text, &ok);
	if (!ok) {
		field_error_add(&s->fe, "area_id", PROB_BAD_NUMBER);
	} else if (s->k.area_id) {
		struct competence_area ar;
		e = store_competence_area_get(c->db, c->a, s->k.area_id, &ar);
		if (e == ERR_NOTFOUND)
			field_error_add(&s->fe, "area_id", PROB_UNKNOWN_REF);
		else if (e)
			return e;
	}
	validate_competence(&s->k, &s->fe);
	if (!field_errors_has(&s->fe, "code")) {
		struct competence other;
		e = store_competence_by_code(c->db, c->a, s->k.code, &other);
		if (e == OK && other.id != s->id)
			field_error_add(&s->fe, "code", PROB_TAKEN);
		else if (e && e != ERR_NOTFOUND)
			return e;
	}
	if (s->fe.n) {
		static const char *const order[] = { "name", "code", "area_id", "description", "active" };
		page_org_tidy_problems(&s->fe, order, (int)(sizeof order / sizeof order[0]));
		return ERR_INVALID;
	}
	struct buf b;
	buf_init(&b, c->a, AUDIT_MAX);
	competence_audit(&b, s->id ? &s->before : NULL, &s->k);
	if (b.err)
		return b.err;
	const char *action = "create";
	if (s->id) {
		if (audit_is_empty(&b))
			return OK;
		e = store_competence_update(c->db, c->now, &s->k);
		action = s->before.active && !s->k.active ? "deactivate" : "update";
	} else {
		e = store_competence_insert(c->db, c->now, &s->k);
	}
	if (e)
		return e;
	return ctx_audit(c, "competence", s->k.id, action, buf_str(&b));
}

static void finish_competence_save(struct ctx *c, struct competence_save *s)
{
	enum err e = ctx_write(c, save_competence, s);
	if (e == OK) {
		ctx_redirect_flash(c, url_path(c->a, "/competences/%lld", (long long)s->k.id), MSG_COMP_SAVED);
	} else if (e == ERR_INVALID && s->fe.n) {
		c->w->status = 422;
		render_competence_form(c, &s->k, s->before.name, s->area_text, &s->fe);
	} else {
		page_org_fail(c, e);
	}
}

void page_competence_new(struct ctx *c)
{
	if (refuse_unless_editor(c))
		return;
	struct competence k = { .active = true };
	render_competence_form(c, &k, NULL, ctx_query(c, "area"), NULL);
}

void page_competence_create(struct ctx *c)
{
	if (refuse_unless_editor(c))
		return;
	struct competence_save s = { .id = 0 };
	read_competence_form(c, &s);
	finish_competence_save(c, &s);
}

void page_competence_edit(struct ctx *c)
{
	if (refuse_unless_editor(c))
		return;
	int64_t id = ctx_param_id(c, "id");
	struct competence k;
	enum err e = id ? store_competence_get(c->db, c->a, id, &k) : ERR_NOTFOUND;
	if (e) {
		page_org_fail(c, e);
		return;
	}
	render_competence_form(c, &k, k.name, NULL, NULL);
}

void page_competence_update(struct ctx *c)
{
	if (refuse_unless_editor(c))
		return;
	int64_t id = ctx_param_id(c, "id");
	if (!id) {
		ctx_error_page(c, 404);
		return;
	}
	struct competence_save s = { .id = id };
	read_competence_form(c, &s);
	finish_competence_save(c, &s);
}

/* ---- areas: create and edit ---- */

static void render_area_form(struct ctx *c, const struct competence_area *ar, const char *heading_name,
			     const char *parent_text, const struct field_errors *fe)
{
	struct v_area_form m = { .area = ar, .heading_name = heading_name, .parent_text = parent_text,
				 .errors = fe, .csrf = c->csrf };
	struct competence_area *all;
	int n;
	enum err e = store_competence_areas(c->db, c->a, &all, &n);
	if (e) {
		page_org_fail(c, e);
		return;
	}
	/* Offer only parents that keep the tree a tree. */
	struct competence_area *ok = arena_alloc(c->a, sizeof *ok * (size_t)(n > 0 ? n : 1));
	if (!ok) {
		page_org_fail(c, ERR_TOO_BIG);
		return;
	}
	for (int i = 0; i < n; i++)
		if (!ar->id || !competence_area_move_makes_cycle(all, n, ar->id, all[i].id))
			ok[m.nparents++] = all[i];
	m.parents = ok;
	struct html h;
	page_begin(c, &h, msg(c->lang, ar->id ? MSG_COMP_AREA_EDIT : MSG_COMP_AREA_NEW));
	v_area_form(&h, &m);
	page_end(c, &h);
}

struct area_save {
	int64_t id;
	struct competence_area ar;
	const char *parent_text;
	struct field_errors input_fe;
	struct field_errors fe;
	struct competence_area before;
};

static void read_area_form(struct ctx *c, struct area_save *s)
{
	struct field_errors *fe = &s->input_fe;
	s->ar.name = page_org_field(c, "name", "name", fe);
	s->ar.code = page_org_field(c, "code", "code", fe);
	s->parent_text = page_org_field(c, "parent_id", "parent_id", fe);
	s->ar.description = page_org_field(c, "description", "description", fe);
}

static enum err save_area(struct ctx *c, void *arg)
{
	struct area_save *s = arg;
	s->fe = s->input_fe;
	enum err e;
	if (s->id) {
		if ((e = store_competence_area_get(c->db, c->a, s->id, &s->before)))
			return e;
		s->ar.id = s->id;
	}
	bool ok;
	s->ar.parent_id = page_org_parse_id(s->parent_text, &ok);
	if (!ok) {
		field_error_add(&s->fe, "parent_id", PROB_BAD_NUMBER);
	} else if (s->ar.parent_id) {
		struct competence_area *all;
		int n;
		if ((e = store_competence_areas(c->db, c->a, &all, &n)))
			return e;
		bool found = false;
		for (int i = 0; i < n && !found; i++)
			found = all[i].id == s->ar.parent_id;
		if (!found)
			field_error_add(&s->fe, "parent_id", PROB_UNKNOWN_REF);
		else if (s->id && competence_area_move_makes_cycle(all, n, s->id, s->ar.parent_id))
			field_error_add(&s->fe, "parent_id", PROB_CYCLE);
	}
	validate_competence_area(&s->ar, &s->fe);
	if (!field_errors_has(&s->fe, "code")) {
		struct competence_area other;
		e = store_competence_area_by_code(c->db, c->a, s->ar.code, &other);
		if (e == OK && other.id != s->id)
			field_error_add(&s->fe, "code", PROB_TAKEN);
		else if (e && e != ERR_NOTFOUND)
			return e;
	}
	if (s->fe.n) {
		static const char *const order[] = { "name", "code", "parent_id", "description" };
		page_org_tidy_problems(&s->fe, order, (int)(sizeof order / sizeof order[0]));
		return ERR_INVALID;
	}
	struct buf b;
	buf_init(&b, c->a, AUDIT_MAX);
	competence_area_audit(&b, s->id ? &s->before : NULL, &s->ar);
	if (b.err)
		return b.err;
	if (s->id && audit_is_empty(&b))
		return OK;
	e = s->id ? store_competence_area_update(c->db, c->now, &s->ar)
		  : store_competence_area_insert(c->db, c->now, &s->ar);
	if (e)
		return e;
	return ctx_audit(c, "competence_area", s->ar.id, s->id ? "update" : "create", buf_str(&b));
}

static void finish_area_save(struct ctx *c, struct area_save *s)
{
	enum err e = ctx_write(c, save_area, s);
	if (e == OK) {
		ctx_redirect_flash(c, "/competences", MSG_COMP_AREA_SAVED);
	} else if (e == ERR_INVALID && s->fe.n) {
		c->w->status = 422;
		render_area_form(c, &s->ar, s->before.name, s->parent_text, &s->fe);
	} else {
		page_org_fail(c, e);
	}
}

void page_competence_area_new(struct ctx *c)
{
	if (refuse_unless_editor(c))
		return;
	struct competence_area ar = { .id = 0 };
	render_area_form(c, &ar, NULL, ctx_query(c, "parent"), NULL);
}

void page_competence_area_create(struct ctx *c)
{
	if (refuse_unless_editor(c))
		return;
	struct area_save s = { .id = 0 };
	read_area_form(c, &s);
	finish_area_save(c, &s);
}

void page_competence_area_edit(struct ctx *c)
{
	if (refuse_unless_editor(c))
		return;
	int64_t id = ctx_param_id(c, "id");
	struct competence_area ar;
	enum err e = id ? store_competence_area_get(c->db, c->a, id, &ar) : ERR_NOTFOUND;
	if (e) {
		page_org_fail(c, e);
		return;
	}
	render_area_form(c, &ar, ar.name, NULL, NULL);
}

void page_competence_area_update(struct ctx *c)
{
	if (refuse_unless_editor(c))
		return;
	int64_t id = ctx_param_id(c, "id");
	if (!id) {
		ctx_error_page(c, 404);
		return;
	}
	struct area_save s = { .id = id };
	read_area_form(c, &s);
	finish_area_save(c, &s);
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
