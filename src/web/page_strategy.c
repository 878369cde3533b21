/* page_strategy.c — handlers of the strategy pages and the unit goal pages.
 * Reading: the strategy page shows the latest published version, or for HR
 * the draft; older versions by number. Writing (HR): every change of the
 * strategy lands in the cycle's draft, created from the latest published
 * version when missing; rows of a published version and anything in a
 * closed cycle are refused with 409 and a page that says why. The four
 * kinds of strategy item (main goal, strategic goal, indicator, value) share
 * one job: read the form, then in one write transaction find the item's
 * version and cycle, check, validate, write and audit. Unit goals are
 * written by HR or a leader of the unit, and link to a strategic goal of the
 * latest published version by its stable goal_id. */
#include "web/pages_strategy.h"

#include <string.h>
#include "base/arena.h"
#include "base/buf.h"
#include "domain/audit.h"
#include "domain/strategy.h"
#include "html/html.h"
#include "store/strategy.h"
#include "views/strategy.h"
#include "web/pages_org.h"

enum { AUDIT_MAX = 256 * 1024 };

static struct v_cycle_ref cycle_ref(const struct strategy_cycle *cy)
{
	return (struct v_cycle_ref){ .id = cy->id, .name = cy->name,
				     .closed = strategy_cycle_closed(cy->status) };
}

static bool is_hr(struct ctx *c)
{
	return access_can(&c->actor, ACT_STRATEGY_EDIT, 0);
}

static const char *strategy_path(struct ctx *c, int64_t cycle_id)
{
	return url_path(c->a, "/cycles/%lld/strategy", (long long)cycle_id);
}

/* The 409 page of a refused change. */
static void refused(struct ctx *c, enum strategy_block why, const char *back)
{
	c->w->status = 409;
	struct html h;
	page_begin(c, &h, msg(c->lang, MSG_STRATEGY_REFUSED_TITLE));
	v_strategy_refused(&h, why == STRATEGY_CYCLE_CLOSED ? MSG_STRATEGY_CLOSED_TEXT
							   : MSG_STRATEGY_PUBLISHED_TEXT, back);
	page_end(c, &h);
}

/* The cycle named by {id}; false once an error page was written. */
static bool cycle_param(struct ctx *c, struct strategy_cycle *cy)
{
	int64_t id = ctx_param_id(c, "id");
	enum err e = id ? store_strategy_cycle(c->db, c->a, id, cy) : ERR_NOTFOUND;
	if (e) {
		page_org_fail(c, e);
		return false;
	}
	return true;
}

static enum err audit_buf(struct ctx *c, const char *entity, int64_t id, const char *action,
			  const struct buf *b)
{
	if (b->err)
		return b->err;
	return ctx_audit(c, entity, id, action, buf_str(b));
}

/* ---- reading ---- */

static void show_version(struct ctx *c, const struct strategy_cycle *cy, struct strategy_version *v,
			 bool is_past, int latest)
{
	struct strategy_doc doc;
	enum err e = v ? store_strategy_load(c->db, c->a, v, &doc) : OK;
	if (e) {
		page_org_fail(c, e);
		return;
	}
	bool closed = strategy_cycle_closed(cy->status);
	struct v_strategy_page m = {
		.cycle = cycle_ref(cy),
		.doc = v ? &doc : NULL,
		.is_past = is_past,
		.latest_number = latest,
		.can_edit = !is_past && v && v->number == 0 && !closed && is_hr(c),
		.can_start_draft = !is_past && (!v || v->number > 0) && !closed && is_hr(c),
		.csrf = c->csrf,
	};
	struct html h;
	page_begin(c, &h, msg(c->lang, MSG_STRATEGY_TITLE));
	v_strategy_page(&h, &m);
	page_end(c, &h);
}

void page_strategy_show(struct ctx *c)
{
	struct strategy_cycle cy;
	if (!cycle_param(c, &cy))
		return;
	struct strategy_version v;
	enum err e = ERR_NOTFOUND;
	if (is_hr(c))
		e = store_strategy_draft(c->db, c->a, cy.id, &v);
	if (e == ERR_NOTFOUND)
		e = store_strategy_published(c->db, c->a, cy.id, 0, &v);
	if (e && e != ERR_NOTFOUND) {
		page_org_fail(c, e);
		return;
	}
	show_version(c, &cy, e ? NULL : &v, false, e || v.number == 0 ? 0 : v.number);
}

void page_strategy_version(struct ctx *c)
{
	struct strategy_cycle cy;
	if (!cycle_param(c, &cy))
		return;
	int64_t n = ctx_param_id(c, "n");
	struct strategy_version v, latest;
	enum err e = n > 0 && n < 1000000 ? store_strategy_published(c->db, c->a, cy.id, (int)n, &v)
					  : ERR_NOTFOUND;
	if (!e)
		e = store_strategy_published(c->db, c->a, cy.id, 0, &latest);
	if (e) {
		page_org_fail(c, e);
		return;
	}
	show_version(c, &cy, &v, v.number != latest.number, latest.number);
}

void page_strategy_versions(struct ctx *c)
{
	struct strategy_cycle cy;
	if (!cycle_param(c, &cy))
		return;
	struct strategy_version *vs;
	int n;
	enum err e = store_strategy_versions(c->db, c->a, cy.id, &vs, &n);
	if (e) {
		page_org_fail(c, e);
		return;
	}
	struct v_strategy_versions m = { .cycle = cycle_ref(&cy), .versions = vs, .n = n,
					 .show_draft = is_hr(c) };
	struct html h;
	page_begin(c, &h, msg(c->lang, MSG_STRATEGY_VERSIONS));
	v_strategy_versions(&h, &m);
	page_end(c, &h);
}

/* ---- the texts, a new draft, publishing ---- */

struct texts_job {
	int64_t cycle_id;
	struct strategy_version in;
	struct field_errors fe;
	enum strategy_block block;
	struct strategy_cycle cy;
};

static void render_texts(struct ctx *c, const struct strategy_cycle *cy, const struct strategy_version *v,
			 const struct field_errors *fe)
{
	struct v_strategy_texts_form m = { .cycle = cycle_ref(cy), .v = v,
					   .from_published = v->number > 0, .errors = fe, .csrf = c->csrf };
	struct html h;
	page_begin(c, &h, msg(c->lang, MSG_STRATEGY_EDIT_TEXTS));
	v_strategy_texts_form(&h, &m);
	page_end(c, &h);
}

void page_strategy_edit(struct ctx *c)
{
	struct strategy_cycle cy;
	if (!cycle_param(c, &cy))
		return;
	if (strategy_cycle_closed(cy.status)) {
		refused(c, STRATEGY_CYCLE_CLOSED, strategy_path(c, cy.id));
		return;
	}
	struct strategy_version v;
	enum err e = store_strategy_draft(c->db, c->a, cy.id, &v);
	if (e == ERR_NOTFOUND)
		e = store_strategy_published(c->db, c->a, cy.id, 0, &v);
	if (e == ERR_NOTFOUND) {
		v = (struct strategy_version){ .cycle_id = cy.id, .vision = "", .core_values = "",
					       .culture = "", .behaviour = "", .leadership = "" };
		e = OK;
	}
	if (e) {
		page_org_fail(c, e);
		return;
	}
	render_texts(c, &cy, &v, NULL);
}

static enum err save_texts(struct ctx *c, void *arg)
{
	struct texts_job *j = arg;
	enum err e = store_strategy_cycle(c->db, c->a, j->cycle_id, &j->cy);
	if (e)
		return e;
	if ((j->block = strategy_edit_block(j->cy.status, NULL)))
		return ERR_CONFLICT;
	validate_strategy_texts(&j->in, &j->fe);
	if (j->fe.n)
		return ERR_INVALID;
	struct strategy_version before;
	bool created;
	if ((e = store_strategy_ensure_draft(c->db, c->a, j->cycle_id, c->now, &before, &created)))
		return e;
	j->in.id = before.id;
	struct buf b;
	buf_init(&b, c->a, AUDIT_MAX);
	strategy_audit_texts(&b, &before, &j->in);
	if (created && (e = ctx_audit(c, "strategy_version", before.id, "create", "{}")))
		return e;
	if (audit_is_empty(&b))
		return b.err;
	if ((e = store_strategy_texts_update(c->db, &j->in, c->now)))
		return e;
	return audit_buf(c, "strategy_version", before.id, "update", &b);
}

void page_strategy_update(struct ctx *c)
{
	struct texts_job j = { .cycle_id = ctx_param_id(c, "id") };
	struct field_errors *fe = &j.fe;
	j.in.vision = page_org_field(c, "vision", "vision", fe);
	j.in.core_values = page_org_field(c, "core_values", "core_values", fe);
	j.in.culture = page_org_field(c, "culture", "culture", fe);
	j.in.behaviour = page_org_field(c, "behaviour", "behaviour", fe);
	j.in.leadership = page_org_field(c, "leadership", "leadership", fe);
	struct field_errors input = j.fe;
	enum err e = j.cycle_id ? (input.n ? ERR_INVALID : ctx_write(c, save_texts, &j)) : ERR_NOTFOUND;
	if (input.n && !store_strategy_cycle(c->db, c->a, j.cycle_id, &j.cy))
		e = ERR_INVALID;
	if (e == OK) {
		ctx_redirect_flash(c, strategy_path(c, j.cycle_id), MSG_FLASH_SAVED);
	} else if (e == ERR_INVALID && j.fe.n) {
		c->w->status = 422;
		j.in.number = 0;
		render_texts(c, &j.cy, &j.in, &j.fe);
	} else if (e == ERR_CONFLICT && j.block) {
		refused(c, j.block, strategy_path(c, j.cycle_id));
	} else {
		page_org_fail(c, e);
	}
}

struct draft_job {
	int64_t cycle_id;
	enum strategy_block block;
	bool publish;
	struct strategy_version v;
};

static enum err start_draft(struct ctx *c, void *arg)
{
	struct draft_job *j = arg;
	struct strategy_cycle cy;
	enum err e = store_strategy_cycle(c->db, c->a, j->cycle_id, &cy);
	if (e)
		return e;
	if ((j->block = strategy_edit_block(cy.status, NULL)))
		return ERR_CONFLICT;
	if (j->publish) {
		if ((e = store_strategy_publish(c->db, c->a, j->cycle_id, c->user.id, c->now, &j->v)))
			return e;
		return ctx_audit(c, "strategy_version", j->v.id, "publish",
				 arena_printf(c->a, "{\"number\":[null,%d]}", j->v.number));
	}
	bool created;
	if ((e = store_strategy_ensure_draft(c->db, c->a, j->cycle_id, c->now, &j->v, &created)))
		return e;
	return created ? ctx_audit(c, "strategy_version", j->v.id, "create", "{}") : OK;
}

static void run_draft_job(struct ctx *c, bool publish)
{
	struct draft_job j = { .cycle_id = ctx_param_id(c, "id"), .publish = publish };
	enum err e = j.cycle_id ? ctx_write(c, start_draft, &j) : ERR_NOTFOUND;
	if (e == OK)
		ctx_redirect_flash(c, strategy_path(c, j.cycle_id),
				   publish ? MSG_STRATEGY_PUBLISHED_FLASH : MSG_STRATEGY_DRAFT_STARTED);
	else if (e == ERR_CONFLICT && j.block)
		refused(c, j.block, strategy_path(c, j.cycle_id));
	else if (e == ERR_NOTFOUND && publish)
		page_strategy_publish_confirm(c);
	else
		page_org_fail(c, e);
}

void page_strategy_draft(struct ctx *c)
{
	run_draft_job(c, false);
}

void page_strategy_publish(struct ctx *c)
{
	run_draft_job(c, true);
}

void page_strategy_publish_confirm(struct ctx *c)
{
	struct strategy_cycle cy;
	if (!cycle_param(c, &cy))
		return;
	if (strategy_cycle_closed(cy.status)) {
		refused(c, STRATEGY_CYCLE_CLOSED, strategy_path(c, cy.id));
		return;
	}
	struct strategy_version v, latest;
	struct strategy_doc doc;
	struct v_strategy_publish m = { .cycle = cycle_ref(&cy), .csrf = c->csrf, .next_number = 1 };
	enum err e = store_strategy_draft(c->db, c->a, cy.id, &v);
	if (e == OK)
		e = store_strategy_load(c->db, c->a, &v, &doc);
	if (e == OK)
		m.draft = &doc;
	else if (e != ERR_NOTFOUND) {
		page_org_fail(c, e);
		return;
	}
	if (store_strategy_published(c->db, c->a, cy.id, 0, &latest) == OK)
		m.next_number = latest.number + 1;
	struct html h;
	page_begin(c, &h, msg(c->lang, MSG_STRATEGY_PUBLISH));
	v_strategy_publish(&h, &m);
	page_end(c, &h);
}

/* ---- strategy items ---- */

/* the store's item kinds, by shorter names */
enum item_kind {
	K_MAIN = STRATEGY_ITEM_MAIN_GOAL,
	K_GOAL = STRATEGY_ITEM_GOAL,
	K_IND = STRATEGY_ITEM_INDICATOR,
	K_VALUE = STRATEGY_ITEM_VALUE
};


struct item_job {
	enum item_kind kind;
	int64_t id;                  /* the item; 0: new (set to the new id once written) */
	int64_t given;               /* the id from the path, for a retried transaction */
	int64_t parent;              /* new: cycle (main goal), main goal, goal row, indicator */
	bool del;
	/* the values read from the form (kept for a retried transaction) */
	struct strategy_main_goal in_mg;
	struct strategy_goal in_g;
	struct strategy_indicator in_ind;
	struct strategy_value in_val;
	/* the item: as stored, then as it will be stored */
	struct strategy_main_goal mg;
	struct strategy_goal g;
	struct strategy_indicator ind;
	struct strategy_value val;
	const char *main_text, *baseline_text, *target_text, *date_text, *value_text;
	struct field_errors input_fe, fe;
	/* what the transaction found */
	struct strategy_cycle cy;
	struct strategy_version v;
	enum strategy_block block;
	int64_t links;
	struct strategy_goal parent_goal;        /* K_IND: the goal; K_VALUE: the indicator's goal */
	struct strategy_indicator parent_ind;    /* K_VALUE */
};

static enum err version_of_goal_row(struct ctx *c, int64_t goal_row, struct strategy_goal *g,
				    int64_t *version_id)
{
	enum err e = store_strategy_goal_get(c->db, c->a, goal_row, g);
	if (!e)
		*version_id = g->version_id;
	return e;
}

/* Finds the version (and cycle) the item or its parent belongs to, and
 * loads the stored item into the job. */
static enum err item_locate(struct ctx *c, struct item_job *j)
{
	enum err e = OK;
	int64_t vid = 0;
	int64_t key = j->id ? j->id : j->parent;
	switch (j->kind) {
	case K_MAIN:
		if (!j->id) {
			/* a new main goal goes into the cycle's draft, made when missing */
			if ((e = store_strategy_cycle(c->db, c->a, key, &j->cy)))
				return e;
			if ((j->block = strategy_edit_block(j->cy.status, NULL)))
				return ERR_CONFLICT;
			bool created;
			if ((e = store_strategy_ensure_draft(c->db, c->a, key, c->now, &j->v, &created)))
				return e;
			if (created && (e = ctx_audit(c, "strategy_version", j->v.id, "create", "{}")))
				return e;
			return OK;
		}
		if (!(e = store_main_goal_get(c->db, c->a, key, &j->mg)))
			vid = j->mg.version_id;
		break;
	case K_GOAL:
		if (j->id) {
			e = version_of_goal_row(c, key, &j->g, &vid);
		} else if (!(e = store_main_goal_get(c->db, c->a, key, &j->mg))) {
			vid = j->mg.version_id;
		}
		break;
	case K_IND:
		if (j->id && !(e = store_indicator_get(c->db, c->a, key, &j->ind)))
			key = j->ind.goal_row_id;
		if (!e)
			e = version_of_goal_row(c, key, &j->parent_goal, &vid);
		break;
	case K_VALUE:
		if (j->id && !(e = store_value_get(c->db, c->a, key, &j->val)))
			key = j->val.indicator_id;
		if (!e && !(e = store_indicator_get(c->db, c->a, key, &j->parent_ind)))
			e = version_of_goal_row(c, j->parent_ind.goal_row_id, &j->parent_goal, &vid);
		break;
	}
	if (e)
		return e;
	if ((e = store_strategy_version_by_id(c->db, c->a, vid, &j->v)) ||
	    (e = store_strategy_cycle(c->db, c->a, j->v.cycle_id, &j->cy)))
		return e;
	j->block = strategy_edit_block(j->cy.status, &j->v);
	return j->block ? ERR_CONFLICT : OK;
}

static enum err item_delete(struct ctx *c, struct item_job *j)
{
	struct strategy_item it = { .kind = (enum strategy_item_kind)j->kind, .id = j->id, .cycle_id = j->cy.id,
				    .mg = &j->mg, .g = &j->g, .ind = &j->ind, .val = &j->val };
	return store_strategy_item_delete(c->db, c->a, &it, c->user.id, c->now, &j->links);
}

/* Field checks that need the database: a main goal of the same version, a
 * code not taken in the version, a date not taken for the indicator. */
static enum err item_check_refs(struct ctx *c, struct item_job *j)
{
	enum err e = OK;
	if (j->kind == K_GOAL && !field_errors_has(&j->fe, "main_goal_id")) {
		struct strategy_main_goal mg;
		e = j->g.main_goal_id ? store_main_goal_get(c->db, c->a, j->g.main_goal_id, &mg) : ERR_NOTFOUND;
		if (e == ERR_NOTFOUND || (!e && mg.version_id != j->v.id)) {
			field_error_add(&j->fe, "main_goal_id", PROB_UNKNOWN_REF);
			e = OK;
		}
	}
	if (!e && j->kind == K_GOAL && !field_errors_has(&j->fe, "code")) {
		struct strategy_goal other;
		e = store_strategy_goal_by_code(c->db, c->a, j->v.id, j->g.code, &other);
		if (e == OK && other.id != j->id)
			field_error_add(&j->fe, "code", PROB_TAKEN);
		if (e == ERR_NOTFOUND || e == OK)
			e = OK;
	}
	if (!e && j->kind == K_VALUE && !field_errors_has(&j->fe, "measured_on")) {
		struct strategy_value *vals;
		int n;
		e = store_indicator_values(c->db, c->a, j->parent_ind.id, &vals, &n);
		for (int i = 0; !e && i < n; i++)
			if (vals[i].id != j->id && strcmp(vals[i].measured_on, j->val.measured_on) == 0)
				field_error_add(&j->fe, "measured_on", PROB_TAKEN);
	}
	return e;
}

static enum err item_save(struct ctx *c, void *arg)
{
	struct item_job *j = arg;
	j->fe = j->input_fe;
	j->links = 0;
	j->id = j->given;
	bool was_new = j->id == 0;
	enum err e = item_locate(c, j);
	if (e)
		return e;
	if (j->del)
		return item_delete(c, j);
	struct strategy_main_goal old_mg = j->mg;
	struct strategy_goal old_g = j->g;
	struct strategy_indicator old_ind = j->ind;
	struct strategy_value old_val = j->val;
	j->mg = j->in_mg;
	j->g = j->in_g;
	j->ind = j->in_ind;
	j->val = j->in_val;
	switch (j->kind) {
	case K_MAIN:
		j->mg.id = j->id;
		j->mg.version_id = j->v.id;
		validate_main_goal(&j->mg, &j->fe);
		break;
	case K_GOAL:
		j->g.id = j->id;
		j->g.version_id = j->v.id;
		j->g.goal_id = j->id ? old_g.goal_id : 0;
		validate_strategy_goal(&j->g, &j->fe);
		break;
	case K_IND:
		j->ind.id = j->id;
		j->ind.goal_row_id = j->parent_goal.id;
		validate_indicator(&j->ind, &j->fe);
		break;
	case K_VALUE:
		j->val.id = j->id;
		j->val.indicator_id = j->parent_ind.id;
		break;
	}
	if ((e = item_check_refs(c, j)))
		return e;
	if (j->fe.n)
		return ERR_INVALID;
	struct buf b;
	buf_init(&b, c->a, AUDIT_MAX);
	e = OK;
	switch (j->kind) {
	case K_MAIN:
		strategy_audit_main_goal(&b, j->id ? &old_mg : NULL, &j->mg);
		e = j->id ? store_main_goal_update(c->db, &j->mg) : store_main_goal_insert(c->db, &j->mg);
		j->id = j->mg.id;
		break;
	case K_GOAL:
		e = j->id ? store_strategy_goal_update(c->db, &j->g)
			  : store_strategy_goal_insert(c->db, j->cy.id, c->now, &j->g);
		strategy_audit_goal(&b, j->id ? &old_g : NULL, &j->g);
		j->id = j->g.id;
		break;
	case K_IND:
		strategy_audit_indicator(&b, j->id ? &old_ind : NULL, &j->ind);
		e = j->id ? store_indicator_update(c->db, &j->ind) : store_indicator_insert(c->db, &j->ind);
		j->id = j->ind.id;
		break;
	case K_VALUE:
		strategy_audit_value(&b, j->id ? &old_val : NULL, &j->val);
		e = j->id ? store_value_update(c->db, &j->val) : store_value_insert(c->db, &j->val);
		j->id = j->val.id;
		break;
	}
	if (e)
		return e;
	if (audit_is_empty(&b))
		return b.err;
	return audit_buf(c, strategy_item_entity[j->kind], j->id, was_new ? "create" : "update", &b);
}

/* Reads the form of kind into the job; problems of bad text or bad numbers
 * go to input_fe. */
static void item_read_form(struct ctx *c, struct item_job *j)
{
	struct field_errors *fe = &j->input_fe;
	bool ok;
	switch (j->kind) {
	case K_MAIN:
		j->in_mg.title = page_org_field(c, "title", "title", fe);
		j->in_mg.description = page_org_field(c, "description", "description", fe);
		break;
	case K_GOAL:
		j->main_text = page_org_field(c, "main_goal_id", "main_goal_id", fe);
		j->in_g.main_goal_id = page_org_parse_id(j->main_text, &ok);
		if (!ok)
			field_error_add(fe, "main_goal_id", PROB_UNKNOWN_REF);
		if (!j->id && !j->in_g.main_goal_id)
			j->in_g.main_goal_id = j->parent;
		j->in_g.code = page_org_field(c, "code", "code", fe);
		j->in_g.title = page_org_field(c, "title", "title", fe);
		j->in_g.description = page_org_field(c, "description", "description", fe);
		break;
	case K_IND:
		j->in_ind.name = page_org_field(c, "name", "name", fe);
		j->in_ind.unit_of_measure = page_org_field(c, "unit_of_measure", "unit_of_measure", fe);
		j->baseline_text = page_org_field(c, "baseline", "baseline", fe);
		j->target_text = page_org_field(c, "target", "target", fe);
		j->in_ind.has_baseline = *j->baseline_text != '\0';
		if (j->in_ind.has_baseline && !strategy_parse_decimal(j->baseline_text, &j->in_ind.baseline))
			field_error_add(fe, "baseline", PROB_BAD_DECIMAL);
		j->in_ind.has_target = *j->target_text != '\0';
		if (j->in_ind.has_target && !strategy_parse_decimal(j->target_text, &j->in_ind.target))
			field_error_add(fe, "target", PROB_BAD_DECIMAL);
		break;
	case K_VALUE: {
		j->date_text = page_org_field(c, "measured_on", "measured_on", fe);
		j->value_text = page_org_field(c, "value", "value", fe);
		char *iso = arena_alloc(c->a, 11);
		if (!*j->date_text)
			field_error_add(fe, "measured_on", PROB_REQUIRED);
		else if (!iso || !strategy_parse_date(j->date_text, iso))
			field_error_add(fe, "measured_on", PROB_BAD_DATE);
		else
			j->in_val.measured_on = iso;
		if (!*j->value_text)
			field_error_add(fe, "value", PROB_REQUIRED);
		else if (!strategy_parse_decimal(j->value_text, &j->in_val.value))
			field_error_add(fe, "value", PROB_BAD_DECIMAL);
		break;
	}
	}
}

static const char *decimal_or_empty(struct ctx *c, bool has, int64_t v)
{
	if (!has)
		return "";
	struct buf b;
	buf_init(&b, c->a, 64);
	strategy_format_decimal(&b, v);
	return arena_strdup(c->a, buf_str(&b));
}

/* Renders the form of the job (first view, or again with its problems). */
static void item_render(struct ctx *c, struct item_job *j, bool from_form)
{
	struct html h;
	struct v_cycle_ref ref = cycle_ref(&j->cy);
	const struct field_errors *fe = from_form ? &j->fe : NULL;
	enum err e = OK;
	switch (j->kind) {
	case K_MAIN: {
		struct v_main_goal_form m = { .cycle = ref, .g = &j->mg, .errors = fe, .csrf = c->csrf };
		page_begin(c, &h, msg(c->lang, j->mg.id ? MSG_STRATEGY_EDIT_MAIN_GOAL : MSG_STRATEGY_ADD_MAIN_GOAL));
		v_main_goal_form(&h, &m);
		break;
	}
	case K_GOAL: {
		struct strategy_doc doc;
		if ((e = store_strategy_load(c->db, c->a, &j->v, &doc)))
			break;
		struct v_goal_form m = { .cycle = ref, .g = &j->g, .mains = doc.main_goals,
					 .nmains = doc.nmain, .errors = fe, .csrf = c->csrf };
		page_begin(c, &h, msg(c->lang, j->g.id ? MSG_STRATEGY_EDIT_GOAL : MSG_STRATEGY_ADD_GOAL));
		v_goal_form(&h, &m);
		break;
	}
	case K_IND: {
		struct strategy_value *vals = NULL;
		int n = 0;
		if (j->ind.id && (e = store_indicator_values(c->db, c->a, j->ind.id, &vals, &n)))
			break;
		struct v_indicator_form m = {
			.cycle = ref, .goal = &j->parent_goal, .i = &j->ind,
			.baseline = from_form ? j->baseline_text
					      : decimal_or_empty(c, j->ind.has_baseline, j->ind.baseline),
			.target = from_form ? j->target_text : decimal_or_empty(c, j->ind.has_target, j->ind.target),
			.values = vals, .nvalues = n, .errors = fe, .csrf = c->csrf,
		};
		page_begin(c, &h, msg(c->lang, j->ind.id ? MSG_STRATEGY_EDIT_INDICATOR : MSG_STRATEGY_ADD_INDICATOR));
		v_indicator_form(&h, &m);
		break;
	}
	case K_VALUE: {
		struct v_value_form m = {
			.cycle = ref, .indicator = &j->parent_ind, .id = j->val.id,
			.measured_on = from_form ? j->date_text : j->val.measured_on,
			.value = from_form ? j->value_text : (j->val.id ? decimal_or_empty(c, true, j->val.value) : ""),
			.errors = fe, .csrf = c->csrf,
		};
		page_begin(c, &h, msg(c->lang, j->val.id ? MSG_STRATEGY_EDIT_VALUE : MSG_STRATEGY_ADD_VALUE));
		v_value_form(&h, &m);
		break;
	}
	}
	if (e) {
		page_org_fail(c, e);
		return;
	}
	page_end(c, &h);
}

/* A name for the delete page. */
static const char *item_name(struct item_job *j)
{
	switch (j->kind) {
	case K_MAIN: return j->mg.title;
	case K_GOAL: return j->g.title;
	case K_IND: return j->ind.name;
	case K_VALUE: return j->val.measured_on;
	}
	return "";
}

static const char *item_back(struct ctx *c, struct item_job *j)
{
	if (j->kind == K_VALUE && j->parent_ind.id)
		return url_path(c->a, "/strategy/indicators/%lld/edit", (long long)j->parent_ind.id);
	return strategy_path(c, j->cy.id);
}

static const char *const delete_paths[] = {
	[K_MAIN] = "/strategy/main-goals/%lld/delete", [K_GOAL] = "/strategy/goals/%lld/delete",
	[K_IND] = "/strategy/indicators/%lld/delete", [K_VALUE] = "/strategy/indicator-values/%lld/delete",
};

static void render_delete(struct ctx *c, struct item_job *j)
{
	static const enum v_strategy_item kinds[] = {
		[K_MAIN] = V_ITEM_MAIN_GOAL, [K_GOAL] = V_ITEM_GOAL, [K_IND] = V_ITEM_INDICATOR,
		[K_VALUE] = V_ITEM_VALUE,
	};
	struct v_strategy_delete m = {
		.kind = kinds[j->kind], .name = item_name(j), .links = j->links,
		.action = url_path(c->a, delete_paths[j->kind], (long long)j->id),
		.back = item_back(c, j), .csrf = c->csrf,
	};
	if (j->kind == K_VALUE) {
		struct buf b;
		buf_init(&b, c->a, 64);
		strategy_format_date(&b, j->val.measured_on);
		m.name = arena_strdup(c->a, buf_str(&b));
	}
	struct html h;
	page_begin(c, &h, msg(c->lang, MSG_DELETE));
	v_strategy_delete(&h, &m);
	page_end(c, &h);
}

/* GET of a form or a delete question: locate in a read, then render. */
static void item_get(struct ctx *c, enum item_kind kind, bool is_new, bool del)
{
	struct item_job j = { .kind = kind, .del = del };
	int64_t id = ctx_param_id(c, "id");
	if (is_new)
		j.parent = id;
	else
		j.id = id;
	if (!id) {
		ctx_error_page(c, 404);
		return;
	}
	enum err e;
	if (kind == K_MAIN && is_new) {
		/* nothing is written before the form is sent */
		e = store_strategy_cycle(c->db, c->a, id, &j.cy);
		if (!e && (j.block = strategy_edit_block(j.cy.status, NULL)))
			e = ERR_CONFLICT;
	} else {
		e = item_locate(c, &j);
	}
	if (!e && del && kind == K_MAIN)
		e = store_main_goal_links(c->db, j.id, &j.links);
	if (!e && del && kind == K_GOAL)
		e = store_strategy_goal_links(c->db, j.g.goal_id, &j.links);
	if (e == ERR_CONFLICT && j.block) {
		refused(c, j.block, strategy_path(c, j.cy.id));
		return;
	}
	if (e) {
		page_org_fail(c, e);
		return;
	}
	if (del) {
		render_delete(c, &j);
		return;
	}
	if (is_new) {
		j.mg = (struct strategy_main_goal){ .title = "", .description = "" };
		if (kind == K_GOAL) {
			struct strategy_doc doc;
			int pos = 1;
			if ((e = store_strategy_load(c->db, c->a, &j.v, &doc))) {
				page_org_fail(c, e);
				return;
			}
			const char **codes = arena_alloc(c->a, sizeof *codes * ((size_t)doc.ngoals + 1));
			for (int i = 0; i < doc.nmain; i++)
				if (doc.main_goals[i].id == id)
					pos = i + 1;
			for (int i = 0; codes && i < doc.ngoals; i++)
				codes[i] = doc.goals[i].code;
			j.g = (struct strategy_goal){ .main_goal_id = id,
						      .code = codes ? strategy_suggest_code(c->a, pos,
							      (const char *const *)codes, doc.ngoals) : "" };
		}
		if (kind == K_IND)
			j.ind = (struct strategy_indicator){ .name = "" };
		if (kind == K_VALUE)
			j.val = (struct strategy_value){ .measured_on = "" };
	}
	item_render(c, &j, false);
}

static void item_post(struct ctx *c, enum item_kind kind, bool is_new, bool del)
{
	struct item_job j = { .kind = kind, .del = del };
	int64_t id = ctx_param_id(c, "id");
	if (is_new)
		j.parent = id;
	else
		j.id = j.given = id;
	if (!id) {
		ctx_error_page(c, 404);
		return;
	}
	if (!del)
		item_read_form(c, &j);
	enum err e = ctx_write(c, item_save, &j);
	if (e == OK) {
		ctx_redirect_flash(c, item_back(c, &j), del ? MSG_FLASH_DELETED : MSG_FLASH_SAVED);
	} else if (e == ERR_CONFLICT && j.block) {
		refused(c, j.block, strategy_path(c, j.cy.id));
	} else if (e == ERR_CONFLICT && del && j.links) {
		c->w->status = 409;
		render_delete(c, &j);
	} else if (e == ERR_INVALID && j.fe.n) {
		c->w->status = 422;
		j.id = is_new ? 0 : id;
		j.mg.id = j.g.id = j.ind.id = j.val.id = j.id;
		item_render(c, &j, true);
	} else {
		page_org_fail(c, e);
	}
}

void page_main_goal_new(struct ctx *c) { item_get(c, K_MAIN, true, false); }
void page_main_goal_create(struct ctx *c) { item_post(c, K_MAIN, true, false); }
void page_main_goal_edit(struct ctx *c) { item_get(c, K_MAIN, false, false); }
void page_main_goal_update(struct ctx *c) { item_post(c, K_MAIN, false, false); }
void page_main_goal_delete_confirm(struct ctx *c) { item_get(c, K_MAIN, false, true); }
void page_main_goal_delete(struct ctx *c) { item_post(c, K_MAIN, false, true); }
void page_goal_new(struct ctx *c) { item_get(c, K_GOAL, true, false); }
void page_goal_create(struct ctx *c) { item_post(c, K_GOAL, true, false); }
void page_goal_edit(struct ctx *c) { item_get(c, K_GOAL, false, false); }
void page_goal_update(struct ctx *c) { item_post(c, K_GOAL, false, false); }
void page_goal_delete_confirm(struct ctx *c) { item_get(c, K_GOAL, false, true); }
void page_goal_delete(struct ctx *c) { item_post(c, K_GOAL, false, true); }
void page_indicator_new(struct ctx *c) { item_get(c, K_IND, true, false); }
void page_indicator_create(struct ctx *c) { item_post(c, K_IND, true, false); }
void page_indicator_edit(struct ctx *c) { item_get(c, K_IND, false, false); }
void page_indicator_update(struct ctx *c) { item_post(c, K_IND, false, false); }
void page_indicator_delete_confirm(struct ctx *c) { item_get(c, K_IND, false, true); }
void page_indicator_delete(struct ctx *c) { item_post(c, K_IND, false, true); }
void page_value_new(struct ctx *c) { item_get(c, K_VALUE, true, false); }
void page_value_create(struct ctx *c) { item_post(c, K_VALUE, true, false); }
void page_value_edit(struct ctx *c) { item_get(c, K_VALUE, false, false); }
void page_value_update(struct ctx *c) { item_post(c, K_VALUE, false, false); }
void page_value_delete_confirm(struct ctx *c) { item_get(c, K_VALUE, false, true); }
void page_value_delete(struct ctx *c) { item_post(c, K_VALUE, false, true); }

/* ---- unit goals ---- */

/* The strategic goals a unit goal may serve: those of the cycle's latest
 * published version. */
static enum err goal_choices(struct ctx *c, int64_t cycle_id, struct v_goal_choice **out, int *n)
{
	*out = NULL;
	*n = 0;
	struct strategy_version v;
	struct strategy_doc doc;
	enum err e = store_strategy_published(c->db, c->a, cycle_id, 0, &v);
	if (e == ERR_NOTFOUND)
		return OK;
	if (e || (e = store_strategy_load(c->db, c->a, &v, &doc)))
		return e;
	struct v_goal_choice *ch = arena_alloc(c->a, sizeof *ch * ((size_t)doc.ngoals + 1));
	if (!ch)
		return ERR_TOO_BIG;
	for (int i = 0; i < doc.ngoals; i++)
		ch[i] = (struct v_goal_choice){ doc.goals[i].goal_id, doc.goals[i].code, doc.goals[i].title };
	*out = ch;
	*n = doc.ngoals;
	return OK;
}

/* The cycle of ?cycle=ID, or the open one, or the newest; *found false
 * when there is no cycle at all. false once an error page was written. */
static bool chosen_cycle(struct ctx *c, struct strategy_cycle *cy, bool *found)
{
	bool ok;
	int64_t id = page_org_parse_id(ctx_query(c, "cycle"), &ok);
	if (!ok) {
		ctx_error_page(c, 400);
		return false;
	}
	enum err e;
	if (id) {
		e = store_strategy_cycle(c->db, c->a, id, cy);
	} else {
		e = store_strategy_open_cycle(c->db, c->a, cy);
		if (e == ERR_NOTFOUND) {
			struct strategy_cycle *all;
			int n;
			e = store_strategy_cycles(c->db, c->a, &all, &n);
			if (!e && n > 0)
				*cy = all[0];
			else if (!e)
				e = ERR_NOTFOUND;
			if (e == ERR_NOTFOUND) {
				*found = false;
				return true;
			}
		}
	}
	if (e) {
		page_org_fail(c, e);
		return false;
	}
	*found = true;
	return true;
}

void page_unit_goals(struct ctx *c)
{
	int64_t unit_id = ctx_param_id(c, "id");
	struct unit u;
	enum err e = unit_id ? store_unit_get(c->db, c->a, unit_id, &u) : ERR_NOTFOUND;
	if (e) {
		page_org_fail(c, e);
		return;
	}
	struct strategy_cycle cy, *all = NULL;
	bool found;
	int nall = 0;
	if (!chosen_cycle(c, &cy, &found))
		return;
	struct v_unit_goals_page m = { .unit_id = u.id, .unit_name = u.name };
	struct v_cycle_ref ref;
	struct unit_goal *goals = NULL;
	if (found) {
		if ((e = store_strategy_cycles(c->db, c->a, &all, &nall)) ||
		    (e = store_unit_goals_for_unit(c->db, c->a, cy.id, u.id, &goals, &m.n))) {
			page_org_fail(c, e);
			return;
		}
		struct v_cycle_ref *refs = arena_alloc(c->a, sizeof *refs * ((size_t)nall + 1));
		for (int i = 0; refs && i < nall; i++)
			refs[i] = cycle_ref(&all[i]);
		m.cycles = refs;
		m.ncycles = refs ? nall : 0;
		ref = cycle_ref(&cy);
		m.cycle = &ref;
		m.goals = goals;
		m.can_edit = !ref.closed && access_can(&c->actor, ACT_GOALS_EDIT, u.id);
	}
	struct html h;
	page_begin(c, &h, u.name);
	v_unit_goals_page(&h, &m);
	page_end(c, &h);
}

struct unit_goal_job {
	int64_t given;               /* the unit goal; 0: new */
	int64_t unit_id, cycle_id;   /* new: from the path and the query */
	const char *goal_text;
	struct unit_goal in, g, before;
	struct field_errors input_fe, fe;
	bool del;
	bool closed;
	struct strategy_cycle cy;
	struct unit u;
};

static enum err unit_goal_save(struct ctx *c, void *arg)
{
	struct unit_goal_job *j = arg;
	enum err e;
	j->fe = j->input_fe;
	j->g = j->in;
	if (j->given) {
		if ((e = store_unit_goal_get(c->db, c->a, j->given, &j->before)))
			return e;
		j->unit_id = j->before.unit_id;
		j->cycle_id = j->before.cycle_id;
	}
	if (!access_can(&c->actor, ACT_GOALS_EDIT, j->unit_id))
		return ERR_FORBIDDEN;
	if ((e = store_strategy_cycle(c->db, c->a, j->cycle_id, &j->cy)) ||
	    (e = store_unit_get(c->db, c->a, j->unit_id, &j->u)))
		return e;
	if ((j->closed = strategy_cycle_closed(j->cy.status)))
		return ERR_CONFLICT;
	struct buf b;
	buf_init(&b, c->a, AUDIT_MAX);
	if (j->del) {
		strategy_audit_unit_goal(&b, &j->before, NULL);
		if ((e = store_unit_goal_delete(c->db, j->given)))
			return e;
		return audit_buf(c, "unit_goal", j->given, "delete", &b);
	}
	j->g.id = j->given;
	j->g.unit_id = j->unit_id;
	j->g.cycle_id = j->cycle_id;
	validate_unit_goal(&j->g, &j->fe);
	if (j->g.goal_id && !field_errors_has(&j->fe, "goal_id")) {
		struct strategy_version v;
		struct strategy_goal sg;
		e = store_strategy_published(c->db, c->a, j->cycle_id, 0, &v);
		if (!e)
			e = store_strategy_goal_in_version(c->db, c->a, v.id, j->g.goal_id, &sg);
		if (e == ERR_NOTFOUND)
			field_error_add(&j->fe, "goal_id", PROB_UNKNOWN_REF);
		else if (e)
			return e;
	}
	if (!field_errors_has(&j->fe, "title")) {
		struct unit_goal other;
		e = store_unit_goal_by_key(c->db, c->a, j->cycle_id, j->unit_id, j->g.title, &other);
		if (e == OK && other.id != j->given)
			field_error_add(&j->fe, "title", PROB_TAKEN);
		else if (e && e != ERR_NOTFOUND)
			return e;
	}
	if (j->fe.n)
		return ERR_INVALID;
	strategy_audit_unit_goal(&b, j->given ? &j->before : NULL, &j->g);
	if (j->given && audit_is_empty(&b))
		return b.err;
	e = j->given ? store_unit_goal_update(c->db, c->now, &j->g) : store_unit_goal_insert(c->db, c->now, &j->g);
	if (e)
		return e;
	return audit_buf(c, "unit_goal", j->g.id, j->given ? "update" : "create", &b);
}

static void render_unit_goal_form(struct ctx *c, struct unit_goal_job *j, bool have_cycle)
{
	struct v_goal_choice *choices = NULL;
	int n = 0;
	struct v_cycle_ref ref = cycle_ref(&j->cy);
	enum err e = have_cycle ? goal_choices(c, j->cy.id, &choices, &n) : OK;
	if (e) {
		page_org_fail(c, e);
		return;
	}
	struct v_unit_goal_form m = {
		.unit_id = j->u.id, .unit_name = j->u.name, .cycle = have_cycle ? &ref : NULL,
		.g = &j->g, .goal_text = j->goal_text, .choices = choices, .nchoices = n,
		.errors = j->fe.n ? &j->fe : NULL, .csrf = c->csrf,
	};
	struct html h;
	page_begin(c, &h, msg(c->lang, j->g.id ? MSG_UNIT_GOAL_EDIT : MSG_UNIT_GOAL_NEW));
	v_unit_goal_form(&h, &m);
	page_end(c, &h);
}

static void unit_goal_refused(struct ctx *c, struct unit_goal_job *j)
{
	c->w->status = 409;
	struct html h;
	page_begin(c, &h, msg(c->lang, MSG_STRATEGY_REFUSED_TITLE));
	v_strategy_refused(&h, MSG_STRATEGY_CLOSED_TEXT,
			   url_path(c->a, "/units/%lld/goals?cycle=%lld", (long long)j->unit_id,
				    (long long)j->cycle_id));
	page_end(c, &h);
}

void page_unit_goal_new(struct ctx *c)
{
	struct unit_goal_job j = { .unit_id = ctx_param_id(c, "id") };
	enum err e = j.unit_id ? store_unit_get(c->db, c->a, j.unit_id, &j.u) : ERR_NOTFOUND;
	if (!e && !access_can(&c->actor, ACT_GOALS_EDIT, j.unit_id))
		e = ERR_FORBIDDEN;
	if (e) {
		page_org_fail(c, e);
		return;
	}
	bool found;
	if (!chosen_cycle(c, &j.cy, &found))
		return;
	j.cycle_id = j.cy.id;
	if (found && strategy_cycle_closed(j.cy.status)) {
		unit_goal_refused(c, &j);
		return;
	}
	j.g = (struct unit_goal){ .title = "", .contribution = "" };
	j.goal_text = "";
	render_unit_goal_form(c, &j, found);
}

static void unit_goal_read(struct ctx *c, struct unit_goal_job *j)
{
	struct field_errors *fe = &j->input_fe;
	bool ok;
	j->in.title = page_org_field(c, "title", "title", fe);
	j->in.contribution = page_org_field(c, "contribution", "contribution", fe);
	j->goal_text = page_org_field(c, "goal_id", "goal_id", fe);
	j->in.goal_id = page_org_parse_id(j->goal_text, &ok);
	if (!ok)
		field_error_add(fe, "goal_id", PROB_UNKNOWN_REF);
}

static void unit_goal_post(struct ctx *c, struct unit_goal_job *j)
{
	enum err e = ctx_write(c, unit_goal_save, j);
	const char *back = url_path(c->a, "/units/%lld/goals?cycle=%lld", (long long)j->unit_id,
				    (long long)j->cycle_id);
	if (e == OK) {
		ctx_redirect_flash(c, back, j->del ? MSG_FLASH_DELETED : MSG_FLASH_SAVED);
	} else if (e == ERR_CONFLICT && j->closed) {
		unit_goal_refused(c, j);
	} else if (e == ERR_INVALID && j->fe.n) {
		c->w->status = 422;
		render_unit_goal_form(c, j, true);
	} else {
		page_org_fail(c, e);
	}
}

void page_unit_goal_create(struct ctx *c)
{
	struct unit_goal_job j = { .unit_id = ctx_param_id(c, "id") };
	bool ok;
	j.cycle_id = page_org_parse_id(ctx_query(c, "cycle"), &ok);
	if (!j.unit_id || !ok || !j.cycle_id) {
		ctx_error_page(c, !j.unit_id ? 404 : 400);
		return;
	}
	unit_goal_read(c, &j);
	unit_goal_post(c, &j);
}

/* Loads the unit goal of {id} with its unit and cycle for a GET; false once
 * an error page was written. */
static bool unit_goal_load(struct ctx *c, struct unit_goal_job *j)
{
	j->given = ctx_param_id(c, "id");
	enum err e = j->given ? store_unit_goal_get(c->db, c->a, j->given, &j->g) : ERR_NOTFOUND;
	if (!e && !access_can(&c->actor, ACT_GOALS_EDIT, j->g.unit_id))
		e = ERR_FORBIDDEN;
	if (!e)
		e = store_unit_get(c->db, c->a, j->g.unit_id, &j->u);
	if (!e)
		e = store_strategy_cycle(c->db, c->a, j->g.cycle_id, &j->cy);
	if (e) {
		page_org_fail(c, e);
		return false;
	}
	j->before = j->g;
	j->unit_id = j->g.unit_id;
	j->cycle_id = j->g.cycle_id;
	if (strategy_cycle_closed(j->cy.status)) {
		unit_goal_refused(c, j);
		return false;
	}
	return true;
}

void page_unit_goal_edit(struct ctx *c)
{
	struct unit_goal_job j = { 0 };
	if (!unit_goal_load(c, &j))
		return;
	j.goal_text = arena_printf(c->a, "%lld", (long long)j.g.goal_id);
	render_unit_goal_form(c, &j, true);
}

void page_unit_goal_update(struct ctx *c)
{
	struct unit_goal_job j = { .given = ctx_param_id(c, "id") };
	if (!j.given) {
		ctx_error_page(c, 404);
		return;
	}
	unit_goal_read(c, &j);
	unit_goal_post(c, &j);
}

void page_unit_goal_delete_confirm(struct ctx *c)
{
	struct unit_goal_job j = { 0 };
	if (!unit_goal_load(c, &j))
		return;
	struct v_strategy_delete m = {
		.kind = V_ITEM_UNIT_GOAL, .name = j.g.title,
		.action = url_path(c->a, "/unit-goals/%lld/delete", (long long)j.given),
		.back = url_path(c->a, "/units/%lld/goals?cycle=%lld", (long long)j.unit_id,
				 (long long)j.cycle_id),
		.csrf = c->csrf,
	};
	struct html h;
	page_begin(c, &h, msg(c->lang, MSG_UNIT_GOAL_DELETE));
	v_strategy_delete(&h, &m);
	page_end(c, &h);
}

void page_unit_goal_delete(struct ctx *c)
{
	struct unit_goal_job j = { .given = ctx_param_id(c, "id"), .del = true };
	if (!j.given) {
		ctx_error_page(c, 404);
		return;
	}
	unit_goal_post(c, &j);
}
