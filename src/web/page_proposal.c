/* page_proposal.c — handlers of a unit's proposal in phase 2: the proposal
 * page, the forms of needs and measures, and the confirmations of delete,
 * submit, HR's return and carrying phase 1's draft needs over. Reading is
 * ACT_DISCUSSION_READ asked again with the unit (the unit's people, its
 * leaders, HR, management, representatives); writing is ACT_DISCUSSION_EDIT
 * with the unit; returning is ACT_COMPILE. Every write is one job of
 * web/proposal_write.c (the same as the API's): refused input re-renders
 * the form with 422 and changes nothing; a submitted proposal or a closed
 * cycle answers 409 with the reason. */
#include "web/pages_proposals.h"

#include <stdlib.h>
#include <string.h>
#include "base/arena.h"
#include "html/html.h"
#include "store/competences.h"
#include "store/cycles.h"
#include "store/phase2.h"
#include "store/proposals.h"
#include "store/strategy.h"
#include "views/proposal.h"
#include "web/proposal_write.h"

/* The cycle and the unit of the path, asked with the action. */
struct target {
	int64_t cycle_id, unit_id;
	struct cycle cycle;
	struct unit unit;
};

static enum err load_target(struct ctx *c, struct target *t, enum action act)
{
	t->cycle_id = ctx_param_id(c, "id");
	t->unit_id = ctx_param_id(c, "unit_id");
	if (!t->cycle_id || !t->unit_id)
		return ERR_NOTFOUND;
	enum err e = store_cycle_get(c->db, c->a, t->cycle_id, &t->cycle);
	if (!e)
		e = store_unit_get(c->db, c->a, t->unit_id, &t->unit);
	if (e)
		return e;
	return access_can(&c->actor, act, t->unit_id) ? OK : ERR_FORBIDDEN;
}

static const char *base_url(struct ctx *c, const struct target *t)
{
	return url_path(c->a, "/cycles/%lld/proposals/%lld", (long long)t->cycle_id, (long long)t->unit_id);
}

static void conflict_page(struct ctx *c, const struct target *t, enum msg why)
{
	c->w->status = 409;
	buf_reset(&c->w->body);
	struct html h;
	page_begin(c, &h, msg(c->lang, why));
	v_prop_conflict(&h, why, base_url(c, t));
	page_end(c, &h);
}

static void fail(struct ctx *c, const struct target *t, enum err e, enum msg why)
{
	switch (e) {
	case ERR_NOTFOUND: ctx_error_page(c, 404); break;
	case ERR_FORBIDDEN: ctx_error_page(c, 403); break;
	case ERR_CONFLICT: conflict_page(c, t, why); break;
	case ERR_TOO_BIG: ctx_error_page(c, 413); break;
	case ERR_BUSY: ctx_error_page(c, 503); break;
	case ERR_INVALID: ctx_error_page(c, 400); break;
	case OK:
	case ERR_IO:
		ctx_error_page(c, 500);
		break;
	}
}

/* Outside a write, for the form pages: may the proposal change now? */
static enum err editable_now(struct ctx *c, const struct target *t, enum msg *why)
{
	if (t->cycle.status == CYCLE_CLOSED) {
		*why = MSG_PROP_CLOSED_409;
		return ERR_CONFLICT;
	}
	enum proposal_status s;
	enum err e = store_proposal_status(c->db, t->cycle_id, t->unit_id, &s);
	if (!e && !proposal_editable(s)) {
		*why = MSG_PROP_LOCKED_409;
		e = ERR_CONFLICT;
	}
	return e;
}

/* Loads the target for an editing form page; false once answered. */
static bool edit_target(struct ctx *c, struct target *t)
{
	enum msg why = MSG_PROP_LOCKED_409;
	enum err e = load_target(c, t, ACT_DISCUSSION_EDIT);
	if (!e)
		e = editable_now(c, t, &why);
	if (e) {
		fail(c, t, e, why);
		return false;
	}
	return true;
}

/* ---- GET /cycles/{id}/proposals/{unit_id} ---- */

void page_proposal_show(struct ctx *c)
{
	struct target t;
	enum err e = load_target(c, &t, ACT_DISCUSSION_READ);
	struct proposal_state st;
	struct proposal_need *needs = NULL;
	struct proposal_measure *measures = NULL;
	struct prep_need *drafts = NULL;
	struct scale sc = { 0 };
	int nneeds = 0, nmeasures = 0, ndrafts = 0;
	if (!e)
		e = store_proposal_get(c->db, c->a, t.cycle_id, t.unit_id, &st);
	if (!e)
		e = store_proposal_needs(c->db, c->a, t.cycle_id, t.unit_id, &needs, &nneeds);
	if (!e)
		e = store_proposal_measures(c->db, c->a, t.cycle_id, t.unit_id, &measures, &nmeasures);
	if (!e)
		e = store_proposal_uncarried(c->db, c->a, t.cycle_id, t.unit_id, &drafts, &ndrafts);
	if (!e)
		e = store_scale_get(c->db, c->a, SCALE_PROFICIENCY, &sc);
	if (e) {
		fail(c, &t, e, MSG_PROP_LOCKED_409);
		return;
	}
	bool closed = t.cycle.status == CYCLE_CLOSED;
	struct v_prop_page m = {
		.cycle_id = t.cycle_id, .cycle_name = t.cycle.name, .unit = &t.unit, .state = &st,
		.closed = closed,
		.can_edit = !closed && proposal_editable(st.status) &&
			    access_can(&c->actor, ACT_DISCUSSION_EDIT, t.unit_id),
		.can_return = !closed && st.status == PROPOSAL_SUBMITTED &&
			      access_can(&c->actor, ACT_COMPILE, t.unit_id),
		.needs = needs, .nneeds = nneeds, .measures = measures, .nmeasures = nmeasures, .scale = &sc,
		.uncarried = ndrafts,
	};
	struct html h;
	page_begin(c, &h, arena_printf(c->a, "%s – %s", msg(c->lang, MSG_PROP_PAGE_TITLE), t.unit.name));
	v_prop_page(&h, &m);
	page_end(c, &h);
}

/* ---- reading the forms ---- */

/* A posted text field, "" when absent; NULL when it holds a NUL byte. */
static const char *posted(struct ctx *c, const char *name)
{
	const struct http_field *f = http_form_field(&c->form, name);
	if (!f || !f->value)
		return "";
	if (strlen(f->value) != f->len)
		return NULL;
	return f->value;
}

static const char *text_field(struct ctx *c, struct prop_job *j, const char *name)
{
	const char *s = posted(c, name);
	if (!s) {
		field_error_add(&j->fe, name, PROB_BAD_TEXT);
		return "";
	}
	return s;
}

/* A positive id as decimal digits; 0 for anything else. */
static int64_t parse_id(const char *s)
{
	if (!s || !*s || strlen(s) > 18)
		return 0;
	for (const char *p = s; *p; p++)
		if (*p < '0' || *p > '9')
			return 0;
	return strtoll(s, NULL, 10);
}

/* Every value of a repeated field as ids; a bad one is the field's problem. */
static const int64_t *posted_ids(struct ctx *c, struct prop_job *j, const char *name, int *n)
{
	*n = 0;
	int k = 0;
	for (int i = 0; i < c->form.n; i++)
		k += strcmp(c->form.fields[i].name, name) == 0;
	int64_t *v = arena_alloc(c->a, sizeof *v * (size_t)(k > 0 ? k : 1));
	if (!v)
		return NULL;
	for (int i = 0; i < c->form.n; i++) {
		if (strcmp(c->form.fields[i].name, name) != 0)
			continue;
		int64_t id = parse_id(c->form.fields[i].value);
		if (!id) {
			field_error_add(&j->fe, name, PROB_UNKNOWN_REF);
			return v;
		}
		v[(*n)++] = id;
	}
	return v;
}

/* The need form into j->need; the people count as typed into *people. */
static void read_need(struct ctx *c, struct prop_job *j, const char **people)
{
	struct prop_need_in *in = &j->need;
	*in = (struct prop_need_in){ .has_competence = true, .has_title = true, .has_required = true,
				     .has_current = true, .has_rationale = true, .has_goals = true,
				     .has_unit_goals = true, .has_people = true };
	const char *k = posted(c, "competence_id");
	if (k && *k && !(in->competence_id = parse_id(k)))
		field_error_add(&j->fe, "competence_id", PROB_UNKNOWN_REF);
	in->title = text_field(c, j, "title");
	const char *s = posted(c, "criticality");
	if (s && *s && !(in->has_criticality = criticality_parse(s, &in->criticality)))
		field_error_add(&j->fe, "criticality", PROB_BAD_CHOICE);
	if (!proposal_parse_level(posted(c, "required_level"), &in->required_level))
		field_error_add(&j->fe, "required_level", PROB_BAD_CHOICE);
	if (!proposal_parse_level(posted(c, "current_level"), &in->current_level))
		field_error_add(&j->fe, "current_level", PROB_BAD_CHOICE);
	*people = text_field(c, j, "people_affected");
	if (!proposal_parse_amount(*people, NEED_PEOPLE_MAX, &in->people_affected)) {
		field_error_add(&j->fe, "people_affected", PROB_BAD_NUMBER);
		in->people_affected = -1;
	}
	s = posted(c, "horizon");
	if (s && *s && !(in->has_horizon = horizon_parse(s, &in->horizon)))
		field_error_add(&j->fe, "horizon", PROB_BAD_CHOICE);
	in->rationale = text_field(c, j, "rationale");
	in->goal_ids = posted_ids(c, j, "goal_ids", &in->ngoal_ids);
	in->unit_goal_ids = posted_ids(c, j, "unit_goal_ids", &in->nunit_goal_ids);
}

static void read_measure(struct ctx *c, struct prop_job *j, const char **cost)
{
	struct prop_measure_in *in = &j->measure;
	*in = (struct prop_measure_in){ .has_title = true, .has_description = true, .has_owner = true,
					.has_cost = true, .has_timing = true, .has_needs = true };
	const char *s = posted(c, "kind");
	if (s && *s && !(in->has_kind = measure_kind_parse(s, &in->kind)))
		field_error_add(&j->fe, "kind", PROB_BAD_CHOICE);
	in->title = text_field(c, j, "title");
	in->description = text_field(c, j, "description");
	in->suggested_owner = text_field(c, j, "suggested_owner");
	in->timing = text_field(c, j, "timing");
	*cost = text_field(c, j, "estimated_cost");
	if (!proposal_parse_amount(*cost, MEASURE_COST_MAX, &in->estimated_cost)) {
		field_error_add(&j->fe, "estimated_cost", PROB_BAD_NUMBER);
		in->estimated_cost = -1;
	}
	in->need_ids = posted_ids(c, j, "need_ids", &in->nneed_ids);
}

/* ---- the need form ---- */

static void render_need_form(struct ctx *c, const struct target *t, const struct proposal_need *n,
			     const char *people, const struct field_errors *fe)
{
	struct competence_area *areas = NULL;
	struct competence *ks = NULL;
	struct unit_goal *ug = NULL;
	struct scale sc = { 0 };
	int nareas = 0, nks = 0, nug = 0;
	const struct strategy_goal *goals = NULL;
	int ngoals = 0;
	struct competence_query q = { .limit = 5000 };
	enum err e = store_competence_areas(c->db, c->a, &areas, &nareas);
	if (!e)
		e = store_competences_list(c->db, c->a, &q, &ks, &nks);
	if (!e)
		e = store_scale_get(c->db, c->a, SCALE_PROFICIENCY, &sc);
	if (!e)
		e = store_unit_goals_for_unit(c->db, c->a, t->cycle_id, t->unit_id, &ug, &nug);
	struct strategy_version v;
	enum err ev = e ? e : store_strategy_published(c->db, c->a, t->cycle_id, 0, &v);
	if (!e && ev == OK) {
		struct strategy_doc *doc = arena_alloc(c->a, sizeof *doc);
		e = doc ? store_strategy_load(c->db, c->a, &v, doc) : ERR_TOO_BIG;
		if (!e) {
			goals = doc->goals;
			ngoals = doc->ngoals;
		}
	} else if (!e && ev != ERR_NOTFOUND) {
		e = ev;
	}
	/* a competence chosen before and made inactive since stays offered */
	bool listed = !n->competence_id;
	for (int i = 0; i < nks && !listed; i++)
		listed = ks[i].id == n->competence_id;
	if (!e && !listed) {
		struct competence *more = arena_alloc(c->a, sizeof *more * (size_t)(nks + 1));
		if (!more)
			e = ERR_TOO_BIG;
		else if (!(e = store_competence_get(c->db, c->a, n->competence_id, &more[nks]))) {
			if (nks)
				memcpy(more, ks, sizeof *ks * (size_t)nks);
			ks = more;
			nks++;
		}
	}
	if (e) {
		fail(c, t, e, MSG_PROP_LOCKED_409);
		return;
	}
	struct v_prop_need_form m = {
		.cycle_id = t->cycle_id, .unit = &t->unit, .need = n, .people_value = people, .areas = areas,
		.nareas = nareas, .competences = ks, .ncompetences = nks, .scale = &sc, .goals = goals,
		.ngoals = ngoals, .unit_goals = ug, .nunit_goals = nug, .errors = fe, .csrf = c->csrf,
	};
	struct html h;
	page_begin(c, &h, msg(c->lang, n->id ? MSG_PROP_NEED_EDIT_TITLE : MSG_PROP_NEED_NEW_TITLE));
	v_prop_need_form(&h, &m);
	page_end(c, &h);
}

/* The need of the path, of this cycle and unit. */
static enum err path_need(struct ctx *c, const struct target *t, struct proposal_need *n)
{
	int64_t id = ctx_param_id(c, "need_id");
	enum err e = id ? store_proposal_need_get(c->db, c->a, id, n) : ERR_NOTFOUND;
	if (!e && (n->cycle_id != t->cycle_id || n->unit_id != t->unit_id))
		e = ERR_NOTFOUND;
	return e;
}

static enum err path_measure(struct ctx *c, const struct target *t, struct proposal_measure *m)
{
	int64_t id = ctx_param_id(c, "measure_id");
	enum err e = id ? store_proposal_measure_get(c->db, c->a, id, m) : ERR_NOTFOUND;
	if (!e && (m->cycle_id != t->cycle_id || m->unit_id != t->unit_id))
		e = ERR_NOTFOUND;
	return e;
}

void page_proposal_need_new(struct ctx *c)
{
	struct target t;
	if (!edit_target(c, &t))
		return;
	struct proposal_need n = { .cycle_id = t.cycle_id, .unit_id = t.unit_id, .title = "", .rationale = "",
				   .people_affected = -1, .criticality = CRITICALITY_COUNT,
				   .horizon = HORIZON_COUNT };
	render_need_form(c, &t, &n, NULL, NULL);
}

void page_proposal_need_edit(struct ctx *c)
{
	struct target t;
	if (!edit_target(c, &t))
		return;
	struct proposal_need n;
	enum err e = path_need(c, &t, &n);
	if (e) {
		fail(c, &t, e, MSG_PROP_LOCKED_409);
		return;
	}
	render_need_form(c, &t, &n, NULL, NULL);
}

/* Runs a job; true when it wrote. Refusals of the job's own kind are left
 * to the caller (ERR_INVALID with fe); the rest is answered here. */
static bool run(struct ctx *c, const struct target *t, struct prop_job *j, enum err *out)
{
	j->cycle_id = t->cycle_id;
	j->unit_id = t->unit_id;
	enum err e = ctx_write(c, prop_write, j);
	*out = e;
	if (!e)
		return true;
	if (!(e == ERR_INVALID && j->fe.n))
		fail(c, t, e, j->conflict ? j->conflict : MSG_PROP_LOCKED_409);
	return false;
}

/* Starts a save: the target (edit access) and a fresh job for op, with
 * the edited item's id from the path parameter param (NULL: a new item).
 * NULL when the answer is already given. */
static struct prop_job *save_begin(struct ctx *c, struct target *t, enum prop_op op, const char *param)
{
	struct prop_job *j = arena_alloc(c->a, sizeof *j);
	enum err e = j ? load_target(c, t, ACT_DISCUSSION_EDIT) : ERR_TOO_BIG;
	if (e) {
		fail(c, t, e, MSG_PROP_LOCKED_409);
		return NULL;
	}
	memset(j, 0, sizeof *j);
	j->op = op;
	if (param && !(j->id = ctx_param_id(c, param))) {
		ctx_error_page(c, 404);
		return NULL;
	}
	return j;
}

/* Runs a save's job: written, it redirects to the item (#anchor-id) with
 * flash. True when the form is to be shown again with the job's errors;
 * every other answer is given. */
static bool save_refused(struct ctx *c, const struct target *t, struct prop_job *j, const char *anchor,
			 enum msg flash)
{
	enum err e;
	if (run(c, t, j, &e)) {
		ctx_redirect_flash(c, arena_printf(c->a, "%s#%s-%lld", base_url(c, t), anchor, (long long)j->id),
				   flash);
		return false;
	}
	return e == ERR_INVALID && j->fe.n;
}

static void need_save(struct ctx *c, enum prop_op op)
{
	struct target t;
	struct prop_job *j = save_begin(c, &t, op, op == PROP_NEED_EDIT ? "need_id" : NULL);
	if (!j)
		return;
	const char *people;
	read_need(c, j, &people);
	if (!save_refused(c, &t, j, "need",
			  op == PROP_NEED_ADD ? MSG_PROP_FLASH_NEED_ADDED : MSG_PROP_FLASH_NEED_SAVED))
		return;
	struct proposal_need *n = &j->need_after;
	n->id = op == PROP_NEED_EDIT ? j->id : 0;
	/* what was posted, also where the job did not get that far */
	n->cycle_id = t.cycle_id;
	n->unit_id = t.unit_id;
	if (!n->title)
		n->title = (char *)j->need.title;
	if (!n->rationale)
		n->rationale = (char *)j->need.rationale;
	if (!j->need.has_criticality)
		n->criticality = CRITICALITY_COUNT;
	if (!j->need.has_horizon)
		n->horizon = HORIZON_COUNT;
	c->w->status = 422;
	render_need_form(c, &t, n, people, &j->fe);
}

void page_proposal_need_create(struct ctx *c)
{
	need_save(c, PROP_NEED_ADD);
}

void page_proposal_need_update(struct ctx *c)
{
	need_save(c, PROP_NEED_EDIT);
}

/* ---- the measure form ---- */

static void render_measure_form(struct ctx *c, const struct target *t, const struct proposal_measure *x,
				const char *cost, const struct field_errors *fe)
{
	struct proposal_need *needs;
	int nneeds;
	enum err e = store_proposal_needs(c->db, c->a, t->cycle_id, t->unit_id, &needs, &nneeds);
	if (e) {
		fail(c, t, e, MSG_PROP_LOCKED_409);
		return;
	}
	struct v_prop_measure_form m = {
		.cycle_id = t->cycle_id, .unit = &t->unit, .measure = x, .cost_value = cost, .needs = needs,
		.nneeds = nneeds, .errors = fe, .csrf = c->csrf,
	};
	struct html h;
	page_begin(c, &h, msg(c->lang, x->id ? MSG_PROP_MEASURE_EDIT_TITLE : MSG_PROP_MEASURE_NEW_TITLE));
	v_prop_measure_form(&h, &m);
	page_end(c, &h);
}

void page_proposal_measure_new(struct ctx *c)
{
	struct target t;
	if (!edit_target(c, &t))
		return;
	struct proposal_measure x = { .cycle_id = t.cycle_id, .unit_id = t.unit_id, .title = "", .description = "",
				      .suggested_owner = "", .timing = "", .estimated_cost = -1,
				      .kind = MEASURE_KIND_COUNT };
	render_measure_form(c, &t, &x, NULL, NULL);
}

void page_proposal_measure_edit(struct ctx *c)
{
	struct target t;
	if (!edit_target(c, &t))
		return;
	struct proposal_measure x;
	enum err e = path_measure(c, &t, &x);
	if (e) {
		fail(c, &t, e, MSG_PROP_LOCKED_409);
		return;
	}
	render_measure_form(c, &t, &x, NULL, NULL);
}

static void measure_save(struct ctx *c, enum prop_op op)
{
	struct target t;
	struct prop_job *j = save_begin(c, &t, op, op == PROP_MEASURE_EDIT ? "measure_id" : NULL);
	if (!j)
		return;
	const char *cost;
	read_measure(c, j, &cost);
	if (!save_refused(c, &t, j, "measure",
			  op == PROP_MEASURE_ADD ? MSG_PROP_FLASH_MEASURE_ADDED : MSG_PROP_FLASH_MEASURE_SAVED))
		return;
	struct proposal_measure *x = &j->measure_after;
	x->id = op == PROP_MEASURE_EDIT ? j->id : 0;
	x->cycle_id = t.cycle_id;
	x->unit_id = t.unit_id;
	const struct prop_measure_in *in = &j->measure;
	if (!x->title)
		x->title = (char *)in->title;
	if (!x->description)
		x->description = (char *)in->description;
	if (!x->suggested_owner)
		x->suggested_owner = (char *)in->suggested_owner;
	if (!x->timing)
		x->timing = (char *)in->timing;
	if (!in->has_kind)
		x->kind = MEASURE_KIND_COUNT;
	c->w->status = 422;
	render_measure_form(c, &t, x, cost, &j->fe);
}

void page_proposal_measure_create(struct ctx *c)
{
	measure_save(c, PROP_MEASURE_ADD);
}

void page_proposal_measure_update(struct ctx *c)
{
	measure_save(c, PROP_MEASURE_EDIT);
}

/* ---- deletes ---- */

static void delete_confirm(struct ctx *c, bool need)
{
	struct target t;
	if (!edit_target(c, &t))
		return;
	struct proposal_need n;
	struct proposal_measure x;
	enum err e = need ? path_need(c, &t, &n) : path_measure(c, &t, &x);
	if (e) {
		fail(c, &t, e, MSG_PROP_LOCKED_409);
		return;
	}
	struct v_prop_delete m = { .cycle_id = t.cycle_id, .unit = &t.unit, .need = need,
				   .id = need ? n.id : x.id, .title = need ? n.title : x.title, .csrf = c->csrf };
	struct html h;
	page_begin(c, &h, msg(c->lang, need ? MSG_PROP_NEED_DELETE_TITLE : MSG_PROP_MEASURE_DELETE_TITLE));
	v_prop_delete(&h, &m);
	page_end(c, &h);
}

static void delete_run(struct ctx *c, bool need)
{
	struct target t;
	struct prop_job j = { .op = need ? PROP_NEED_DELETE : PROP_MEASURE_DELETE };
	enum err e = load_target(c, &t, ACT_DISCUSSION_EDIT);
	j.id = ctx_param_id(c, need ? "need_id" : "measure_id");
	if (!e && !j.id)
		e = ERR_NOTFOUND;
	if (e) {
		fail(c, &t, e, MSG_PROP_LOCKED_409);
		return;
	}
	if (run(c, &t, &j, &e))
		ctx_redirect_flash(c, arena_printf(c->a, "%s#%s", base_url(c, &t), need ? "needs" : "measures"),
				   need ? MSG_PROP_FLASH_NEED_DELETED : MSG_PROP_FLASH_MEASURE_DELETED);
}

void page_proposal_need_delete_confirm(struct ctx *c)
{
	delete_confirm(c, true);
}

void page_proposal_need_delete(struct ctx *c)
{
	delete_run(c, true);
}

void page_proposal_measure_delete_confirm(struct ctx *c)
{
	delete_confirm(c, false);
}

void page_proposal_measure_delete(struct ctx *c)
{
	delete_run(c, false);
}

/* ---- submit ---- */

static void render_submit(struct ctx *c, const struct target *t)
{
	struct proposal_need *needs = NULL;
	struct proposal_measure *measures = NULL;
	int nneeds = 0, nmeasures = 0;
	enum err e = store_proposal_needs(c->db, c->a, t->cycle_id, t->unit_id, &needs, &nneeds);
	if (!e)
		e = store_proposal_measures(c->db, c->a, t->cycle_id, t->unit_id, &measures, &nmeasures);
	if (e) {
		fail(c, t, e, MSG_PROP_LOCKED_409);
		return;
	}
	struct v_prop_submit m = { .cycle_id = t->cycle_id, .unit = &t->unit, .needs = needs, .nneeds = nneeds,
				   .measures = measures, .nmeasures = nmeasures, .csrf = c->csrf };
	struct html h;
	page_begin(c, &h, msg(c->lang, MSG_PROP_SUBMIT_TITLE));
	v_prop_submit(&h, &m);
	page_end(c, &h);
}

void page_proposal_submit_confirm(struct ctx *c)
{
	struct target t;
	if (edit_target(c, &t))
		render_submit(c, &t);
}

void page_proposal_submit(struct ctx *c)
{
	struct target t;
	struct prop_job j = { .op = PROP_SUBMIT };
	enum err e = load_target(c, &t, ACT_DISCUSSION_EDIT);
	if (e) {
		fail(c, &t, e, MSG_PROP_LOCKED_409);
		return;
	}
	if (run(c, &t, &j, &e)) {
		ctx_redirect_flash(c, base_url(c, &t), MSG_PROP_FLASH_SUBMITTED);
	} else if (e == ERR_INVALID && j.fe.n) {
		/* no need yet: the page says so */
		c->w->status = 422;
		render_submit(c, &t);
	}
}

/* ---- HR's return ---- */

static void render_return(struct ctx *c, const struct target *t, const char *comment,
			  const struct field_errors *fe)
{
	struct v_prop_return m = { .cycle_id = t->cycle_id, .unit = &t->unit, .comment = comment, .errors = fe,
				   .csrf = c->csrf };
	struct html h;
	page_begin(c, &h, msg(c->lang, MSG_PROP_RETURN_TITLE));
	v_prop_return(&h, &m);
	page_end(c, &h);
}

void page_proposal_return_form(struct ctx *c)
{
	struct target t;
	enum err e = load_target(c, &t, ACT_COMPILE);
	enum proposal_status s = PROPOSAL_DRAFT;
	enum msg why = MSG_PROP_NOT_SUBMITTED_409;
	if (!e && t.cycle.status == CYCLE_CLOSED)
		why = MSG_PROP_CLOSED_409;
	if (!e)
		e = store_proposal_status(c->db, t.cycle_id, t.unit_id, &s);
	if (e) {
		fail(c, &t, e, why);
		return;
	}
	if (s != PROPOSAL_SUBMITTED || t.cycle.status == CYCLE_CLOSED) {
		/* nothing to return now: the page says why, and leads back */
		struct html h;
		page_begin(c, &h, msg(c->lang, why));
		v_prop_conflict(&h, why, base_url(c, &t));
		page_end(c, &h);
		return;
	}
	render_return(c, &t, "", NULL);
}

void page_proposal_return(struct ctx *c)
{
	struct target t;
	struct prop_job j = { .op = PROP_RETURN };
	enum err e = load_target(c, &t, ACT_COMPILE);
	if (e) {
		fail(c, &t, e, MSG_PROP_NOT_SUBMITTED_409);
		return;
	}
	j.comment = text_field(c, &j, "comment");
	if (j.fe.n)
		e = ERR_INVALID;
	else if (run(c, &t, &j, &e)) {
		ctx_redirect_flash(c, base_url(c, &t), MSG_PROP_FLASH_RETURNED);
		return;
	}
	if (e == ERR_INVALID && j.fe.n) {
		c->w->status = 422;
		render_return(c, &t, j.comment, &j.fe);
	}
}

/* ---- carrying phase 1's draft needs over ---- */

static void render_carry(struct ctx *c, const struct target *t)
{
	struct prep_need *drafts;
	int nd, nn, nm;
	enum err e = store_proposal_uncarried(c->db, c->a, t->cycle_id, t->unit_id, &drafts, &nd);
	if (!e)
		e = store_proposal_counts(c->db, t->cycle_id, t->unit_id, &nn, &nm);
	if (e) {
		fail(c, t, e, MSG_PROP_LOCKED_409);
		return;
	}
	struct v_prop_carry m = { .cycle_id = t->cycle_id, .unit = &t->unit, .drafts = drafts, .ndrafts = nd,
				  .too_many = nn + nd > PROPOSAL_NEEDS_MAX, .csrf = c->csrf };
	struct html h;
	page_begin(c, &h, msg(c->lang, MSG_PROP_CARRY_TITLE));
	v_prop_carry(&h, &m);
	page_end(c, &h);
}

void page_proposal_carry_confirm(struct ctx *c)
{
	struct target t;
	if (edit_target(c, &t))
		render_carry(c, &t);
}

void page_proposal_carry(struct ctx *c)
{
	struct target t;
	struct prop_job j = { .op = PROP_CARRY };
	enum err e = load_target(c, &t, ACT_DISCUSSION_EDIT);
	if (e) {
		fail(c, &t, e, MSG_PROP_LOCKED_409);
		return;
	}
	if (run(c, &t, &j, &e)) {
		ctx_redirect_flash(c, arena_printf(c->a, "%s#needs", base_url(c, &t)), MSG_PROP_FLASH_CARRIED);
	} else if (e == ERR_INVALID && j.fe.n) {
		c->w->status = 422;
		render_carry(c, &t);
	}
}
