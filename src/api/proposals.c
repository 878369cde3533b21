/* proposals.c (api) — the units' proposals of a cycle as JSON:
 * GET /api/v1/cycles/{id}/proposals (every unit the actor may read, with
 * state and counts, by name in Norwegian order, cursor paging, ?status=),
 * one unit's proposal with its needs and measures, the writes of needs and
 * measures (POST, PATCH: only the members given change, DELETE), submit,
 * and HR's return {"comment": ...}. Each write is the same job as the web's
 * (web/proposal_write.c): the same checks, one transaction, one audit row.
 * The body readers, the job runner and the object writers are shared with
 * the top-level /api/v1/needs and /api/v1/measures (api/needs.c). The
 * shapes are in docs/api.md. */
#include "api/api_proposals.h"

#include <string.h>
#include <time.h>

#include "base/text.h"
#include "domain/competences.h"
#include "store/cycles.h"
#include "store/phase2.h"
#include "store/proposals.h"
#include "web/proposal_write.h"

/* An epoch time as RFC 3339 UTC, in a; NULL for 0 (never). */
static void opt_int(struct jw *w, const char *key, int64_t v, int64_t none)
{
	jw_key(w, key);
	if (v <= none)
		jw_null(w);
	else
		jw_int(w, v);
}

static void link_ids(struct jw *w, const char *key, const struct proposal_link *v, int n)
{
	jw_key(w, key);
	jw_arr(w);
	for (int i = 0; i < n; i++)
		jw_int(w, v[i].id);
	jw_arr_end(w);
}

void api_need_members(struct jw *w, const struct proposal_need *n)
{
	jw_kint(w, "id", n->id);
	jw_kint(w, "cycle_id", n->cycle_id);
	jw_kint(w, "unit_id", n->unit_id);
	jw_kid(w, "competence_id", n->competence_id);
	jw_kstr(w, "competence_name", n->competence_name);
	jw_kstr(w, "title", n->title);
	jw_kstr(w, "criticality", criticality_name(n->criticality));
	opt_int(w, "required_level", n->required_level, 0);
	opt_int(w, "current_level", n->current_level, 0);
	int gap;
	jw_key(w, "gap");
	if (proposal_need_gap(n, &gap))
		jw_int(w, gap);
	else
		jw_null(w);
	opt_int(w, "people_affected", n->people_affected, -1);
	jw_kstr(w, "horizon", horizon_name(n->horizon));
	jw_kstr(w, "rationale", n->rationale);
	jw_kid(w, "source_draft_id", n->source_draft_id);
	jw_kint(w, "position", n->position);
	link_ids(w, "goal_ids", n->goals, n->ngoals);
	link_ids(w, "unit_goal_ids", n->unit_goals, n->nunit_goals);
}

static void write_need(struct jw *w, const struct proposal_need *n)
{
	jw_obj(w);
	api_need_members(w, n);
	jw_obj_end(w);
}

void api_measure_members(struct jw *w, const struct proposal_measure *m)
{
	jw_kint(w, "id", m->id);
	jw_kint(w, "cycle_id", m->cycle_id);
	jw_kint(w, "unit_id", m->unit_id);
	jw_kstr(w, "kind", measure_kind_name(m->kind));
	jw_kstr(w, "title", m->title);
	jw_kstr(w, "description", m->description);
	jw_kstr(w, "suggested_owner", m->suggested_owner);
	opt_int(w, "estimated_cost", m->estimated_cost, -1);
	jw_kstr(w, "timing", m->timing);
	jw_kint(w, "position", m->position);
	link_ids(w, "need_ids", m->needs, m->nneeds);
}

static void write_measure(struct jw *w, const struct proposal_measure *m)
{
	jw_obj(w);
	api_measure_members(w, m);
	jw_obj_end(w);
}

/* The cycle and unit of the path, and the actor's right (with the unit). */
static enum err load_target(struct ctx *c, enum action act, int64_t *cycle_id, int64_t *unit_id)
{
	*cycle_id = ctx_param_id(c, "id");
	*unit_id = ctx_param_id(c, "unit_id");
	struct cycle cy;
	struct unit u;
	enum err e = *cycle_id && *unit_id ? store_cycle_get(c->db, c->a, *cycle_id, &cy) : ERR_NOTFOUND;
	if (!e)
		e = store_unit_get(c->db, c->a, *unit_id, &u);
	if (!e && !access_can(&c->actor, act, *unit_id))
		e = ERR_FORBIDDEN;
	return e;
}

enum proposal_reach api_proposal_reach(const struct actor *a)
{
	/* the router lets everyone signed in through; whoever can read no unit
	 * at all (no unit of their own, none led, not organisation-wide) may not */
	if (access_can(a, ACT_COMPILATION_READ, 0))
		return REACH_ALL;
	return a->own_unit_id || a->scope_count ? REACH_SOME : REACH_NONE;
}

/* ---- GET /api/v1/cycles/{id}/proposals ---- */

void api_proposals_list(struct ctx *c)
{
	int64_t cycle_id = ctx_param_id(c, "id");
	struct api_page pg;
	if (!api_read_page(c, &pg))
		return;
	if (api_proposal_reach(&c->actor) == REACH_NONE) {
		api_problem(c, 403, API_PROPOSAL_READ_403);
		return;
	}
	const char *sq = ctx_query(c, "status");
	enum proposal_status want = PROPOSAL_DRAFT;
	if (sq && !proposal_status_parse(sq, &want)) {
		api_problem(c, 400, "status must be draft, submitted or returned.");
		return;
	}
	struct cycle cy;
	struct proposal_row *rows = NULL;
	int n = 0;
	enum err e = cycle_id ? store_cycle_get(c->db, c->a, cycle_id, &cy) : ERR_NOTFOUND;
	if (!e)
		e = store_proposal_rows(c->db, c->a, cycle_id, &rows, &n);
	if (e) {
		api_problem_err(c, e);
		return;
	}
	struct jw w;
	api_list_begin(c, &w);
	int k = 0;
	const struct proposal_row *last = NULL;
	bool more = false;
	for (int i = 0; i < n; i++) {
		const struct proposal_row *r = &rows[i];
		if (pg.key) {
			/* keyset: rows after (name, id) in the same Norwegian order */
			int cmp = text_collate_nb(r->name, (int)strlen(r->name), pg.key, (int)strlen(pg.key));
			if (cmp < 0 || (cmp == 0 && r->unit_id <= pg.id))
				continue;
		}
		if (!access_can(&c->actor, ACT_DISCUSSION_READ, r->unit_id) || (sq && r->status != want))
			continue;
		if (k == pg.limit) {
			more = true;
			break;
		}
		jw_obj(&w);
		jw_kint(&w, "unit_id", r->unit_id);
		jw_kstr(&w, "unit_name", r->name);
		jw_kid(&w, "parent_id", r->parent_id);
		jw_kstr(&w, "status", proposal_status_name(r->status));
		jw_ktime(&w, "submitted_at", r->submitted_at);
		jw_ktime(&w, "returned_at", r->returned_at);
		jw_kint(&w, "needs", r->nneeds);
		jw_kint(&w, "measures", r->nmeasures);
		jw_obj_end(&w);
		last = r;
		k++;
	}
	api_list_end(c, &w, more && last ? last->name : NULL, more && last ? last->unit_id : 0);
}

/* ---- GET /api/v1/cycles/{id}/proposals/{unit_id} ---- */

static void answer_proposal(struct ctx *c, int64_t cycle_id, int64_t unit_id, int status)
{
	struct cycle cy;
	struct proposal_state st;
	struct proposal_need *needs = NULL;
	struct proposal_measure *measures = NULL;
	int nneeds = 0, nmeasures = 0;
	enum err e = store_cycle_get(c->db, c->a, cycle_id, &cy);
	if (!e)
		e = store_proposal_get(c->db, c->a, cycle_id, unit_id, &st);
	if (!e)
		e = store_proposal_needs(c->db, c->a, cycle_id, unit_id, &needs, &nneeds);
	if (!e)
		e = store_proposal_measures(c->db, c->a, cycle_id, unit_id, &measures, &nmeasures);
	if (e) {
		api_problem_err(c, e);
		return;
	}
	struct jw w;
	api_json_begin(c, &w);
	jw_obj(&w);
	jw_kint(&w, "cycle_id", cycle_id);
	jw_kint(&w, "unit_id", unit_id);
	jw_kstr(&w, "status", proposal_status_name(st.status));
	jw_kbool(&w, "editable", cy.status != CYCLE_CLOSED && proposal_editable(st.status));
	jw_ktime(&w, "submitted_at", st.submitted_at);
	jw_kid(&w, "submitted_by", st.submitted_by);
	jw_ktime(&w, "returned_at", st.returned_at);
	jw_kid(&w, "returned_by", st.returned_by);
	jw_kstr(&w, "return_comment", st.return_comment);
	jw_key(&w, "needs");
	jw_arr(&w);
	for (int i = 0; i < nneeds; i++)
		write_need(&w, &needs[i]);
	jw_arr_end(&w);
	jw_key(&w, "measures");
	jw_arr(&w);
	for (int i = 0; i < nmeasures; i++)
		write_measure(&w, &measures[i]);
	jw_arr_end(&w);
	jw_obj_end(&w);
	api_json_end(c, status);
}

void api_proposal_get(struct ctx *c)
{
	int64_t cycle_id, unit_id;
	enum err e = load_target(c, ACT_DISCUSSION_READ, &cycle_id, &unit_id);
	if (e)
		api_problem_err(c, e);
	else
		answer_proposal(c, cycle_id, unit_id, 200);
}

/* ---- single needs and measures ---- */

static void answer_need(struct ctx *c, int64_t id, int status)
{
	struct proposal_need n;
	enum err e = store_proposal_need_get(c->db, c->a, id, &n);
	if (e) {
		api_problem_err(c, e);
		return;
	}
	if (status == 201)
		http_resp_header(c->w, "Location", arena_printf(c->a, "/api/v1/cycles/%lld/proposals/%lld/needs/%lld",
								(long long)n.cycle_id, (long long)n.unit_id,
								(long long)n.id));
	struct jw w;
	api_json_begin(c, &w);
	write_need(&w, &n);
	api_json_end(c, status);
}

static void answer_measure(struct ctx *c, int64_t id, int status)
{
	struct proposal_measure m;
	enum err e = store_proposal_measure_get(c->db, c->a, id, &m);
	if (e) {
		api_problem_err(c, e);
		return;
	}
	if (status == 201)
		http_resp_header(c->w, "Location",
				 arena_printf(c->a, "/api/v1/cycles/%lld/proposals/%lld/measures/%lld",
					      (long long)m.cycle_id, (long long)m.unit_id, (long long)m.id));
	struct jw w;
	api_json_begin(c, &w);
	write_measure(&w, &m);
	api_json_end(c, status);
}

void api_proposal_need_get(struct ctx *c)
{
	int64_t cycle_id, unit_id, id = ctx_param_id(c, "need_id");
	struct proposal_need n;
	enum err e = load_target(c, ACT_DISCUSSION_READ, &cycle_id, &unit_id);
	if (!e)
		e = id ? store_proposal_need_get(c->db, c->a, id, &n) : ERR_NOTFOUND;
	if (!e && (n.cycle_id != cycle_id || n.unit_id != unit_id))
		e = ERR_NOTFOUND;
	if (e)
		api_problem_err(c, e);
	else
		answer_need(c, id, 200);
}

void api_proposal_measure_get(struct ctx *c)
{
	int64_t cycle_id, unit_id, id = ctx_param_id(c, "measure_id");
	struct proposal_measure m;
	enum err e = load_target(c, ACT_DISCUSSION_READ, &cycle_id, &unit_id);
	if (!e)
		e = id ? store_proposal_measure_get(c->db, c->a, id, &m) : ERR_NOTFOUND;
	if (!e && (m.cycle_id != cycle_id || m.unit_id != unit_id))
		e = ERR_NOTFOUND;
	if (e)
		api_problem_err(c, e);
	else
		answer_measure(c, id, 200);
}

/* ---- writes ---- */

/* A job for the target of the path; NULL once a problem has been written. */
static struct prop_job *job_begin(struct ctx *c, enum prop_op op, const char *id_param)
{
	struct prop_job *j = arena_alloc(c->a, sizeof *j);
	if (!j) {
		api_problem_err(c, ERR_TOO_BIG);
		return NULL;
	}
	memset(j, 0, sizeof *j);
	j->op = op;
	enum action act = op == PROP_RETURN ? ACT_COMPILE : ACT_DISCUSSION_EDIT;
	enum err e = load_target(c, act, &j->cycle_id, &j->unit_id);
	if (!e && id_param && !(j->id = ctx_param_id(c, id_param)))
		e = ERR_NOTFOUND;
	if (e) {
		api_problem_err(c, e);
		return NULL;
	}
	return j;
}

bool api_prop_run(struct ctx *c, struct prop_job *j)
{
	enum err e = ctx_write(c, prop_write, j);
	if (e == ERR_CONFLICT && j->conflict)
		api_problem(c, 409, msg(LANG_EN, j->conflict));
	else if (e == ERR_INVALID && j->fe.n)
		api_problem_fields(c, 422, &j->fe);
	else if (e == ERR_FORBIDDEN)
		api_problem(c, 403, j->op == PROP_RETURN ? "Only HR and admin may return a proposal."
							 : API_PROPOSAL_EDIT_403);
	else if (e)
		api_problem_err(c, e);
	return !e;
}

/* Runs the job and answers: the need or measure (201 new, 200 changed),
 * 204 for a delete, the whole proposal for submit and return. */
static void job_run(struct ctx *c, struct prop_job *j)
{
	if (!api_prop_run(c, j))
		return;
	if (j->op == PROP_NEED_DELETE || j->op == PROP_MEASURE_DELETE)
		c->w->status = 204;
	else if (j->op == PROP_NEED_ADD || j->op == PROP_NEED_EDIT)
		answer_need(c, j->id, j->op == PROP_NEED_ADD ? 201 : 200);
	else if (j->op == PROP_MEASURE_ADD || j->op == PROP_MEASURE_EDIT)
		answer_measure(c, j->id, j->op == PROP_MEASURE_ADD ? 201 : 200);
	else
		answer_proposal(c, j->cycle_id, j->unit_id, 200);
}

/* A level from an API_ID member: 0 (null) or 1..; anything past the
 * largest scale is kept out of int range trouble and refused later. */
static int level_of(int64_t v)
{
	return v > SCALE_LEVELS_MAX ? SCALE_LEVELS_MAX + 1 : (int)v;
}

enum { N_COMPETENCE, N_TITLE, N_CRITICALITY, N_REQUIRED, N_CURRENT, N_PEOPLE, N_HORIZON, N_RATIONALE,
       N_GOALS, N_UNIT_GOALS, N_COUNT };

/* m[0..n) followed by extra[0..nextra) into all; false when they do not fit. */
static bool members_join(struct api_member *all, int cap, const struct api_member *m, int n,
			 const struct api_member *extra, int nextra)
{
	if (nextra < 0 || n + nextra > cap)
		return false;
	memcpy(all, m, sizeof *m * (size_t)n);
	if (nextra)
		memcpy(all + n, extra, sizeof *extra * (size_t)nextra);
	return true;
}

/* api_read_body over m[] and the caller's extra[] (their present flags
 * copied back). */
static bool read_body_with(struct ctx *c, struct api_member *m, int n, struct api_member *extra, int nextra)
{
	struct api_member all[N_COUNT + API_EXTRA_MAX];
	if (!members_join(all, N_COUNT + API_EXTRA_MAX, m, n, extra, nextra)) {
		api_problem_err(c, ERR_TOO_BIG);
		return false;
	}
	if (!api_read_body(c, all, n + nextra))
		return false;
	for (int i = 0; i < n; i++)
		m[i].present = all[i].present;
	for (int i = 0; i < nextra; i++)
		extra[i].present = all[n + i].present;
	return true;
}

bool api_need_body(struct ctx *c, struct prop_job *j, struct api_member *extra, int nextra)
{
	struct prop_need_in *in = &j->need;
	int64_t req = 0, cur = 0;
	char *title = NULL, *crit = NULL, *horizon = NULL, *rationale = NULL;
	struct api_ids goals = { 0 }, unit_goals = { 0 };
	struct api_member m[N_COUNT] = {
		[N_COMPETENCE] = { "competence_id", API_ID, &in->competence_id, false },
		[N_TITLE] = { "title", API_STR, &title, false },
		[N_CRITICALITY] = { "criticality", API_STR, &crit, false },
		[N_REQUIRED] = { "required_level", API_ID, &req, false },
		[N_CURRENT] = { "current_level", API_ID, &cur, false },
		[N_PEOPLE] = { "people_affected", API_COUNT, &in->people_affected, false },
		[N_HORIZON] = { "horizon", API_STR, &horizon, false },
		[N_RATIONALE] = { "rationale", API_STR, &rationale, false },
		[N_GOALS] = { "goal_ids", API_IDS, &goals, false },
		[N_UNIT_GOALS] = { "unit_goal_ids", API_IDS, &unit_goals, false },
	};
	if (!read_body_with(c, m, N_COUNT, extra, nextra))
		return false;
	in->has_competence = m[N_COMPETENCE].present;
	in->has_title = m[N_TITLE].present;
	in->title = title ? title : "";
	if (m[N_CRITICALITY].present && !(in->has_criticality = criticality_parse(crit, &in->criticality)))
		field_error_add(&j->fe, "criticality", crit ? PROB_BAD_CHOICE : PROB_REQUIRED);
	in->has_required = m[N_REQUIRED].present;
	in->required_level = level_of(req);
	in->has_current = m[N_CURRENT].present;
	in->current_level = level_of(cur);
	in->has_people = m[N_PEOPLE].present;
	if (m[N_HORIZON].present && !(in->has_horizon = horizon_parse(horizon, &in->horizon)))
		field_error_add(&j->fe, "horizon", horizon ? PROB_BAD_CHOICE : PROB_REQUIRED);
	in->has_rationale = m[N_RATIONALE].present;
	in->rationale = rationale ? rationale : "";
	in->has_goals = m[N_GOALS].present;
	in->goal_ids = goals.v;
	in->ngoal_ids = goals.n;
	in->has_unit_goals = m[N_UNIT_GOALS].present;
	in->unit_goal_ids = unit_goals.v;
	in->nunit_goal_ids = unit_goals.n;
	return true;
}

static void need_write(struct ctx *c, enum prop_op op)
{
	struct prop_job *j = job_begin(c, op, op == PROP_NEED_ADD ? NULL : "need_id");
	if (j && (op == PROP_NEED_DELETE || api_need_body(c, j, NULL, 0)))
		job_run(c, j);
}

void api_proposal_need_create(struct ctx *c)
{
	need_write(c, PROP_NEED_ADD);
}

void api_proposal_need_update(struct ctx *c)
{
	need_write(c, PROP_NEED_EDIT);
}

void api_proposal_need_delete(struct ctx *c)
{
	need_write(c, PROP_NEED_DELETE);
}

enum { M_KIND, M_TITLE, M_DESCRIPTION, M_OWNER, M_COST, M_TIMING, M_NEEDS, M_COUNT };
_Static_assert((int)M_COUNT <= (int)N_COUNT, "read_body_with holds N_COUNT members and the extras");

bool api_measure_body(struct ctx *c, struct prop_job *j, struct api_member *extra, int nextra)
{
	enum prop_op op = j->op;
	struct prop_measure_in *in = &j->measure;
	char *kind = NULL, *title = NULL, *desc = NULL, *owner = NULL, *timing = NULL;
	struct api_ids needs = { 0 };
	struct api_member m[M_COUNT] = {
		[M_KIND] = { "kind", API_STR, &kind, false },
		[M_TITLE] = { "title", API_STR, &title, false },
		[M_DESCRIPTION] = { "description", API_STR, &desc, false },
		[M_OWNER] = { "suggested_owner", API_STR, &owner, false },
		[M_COST] = { "estimated_cost", API_COUNT, &in->estimated_cost, false },
		[M_TIMING] = { "timing", API_STR, &timing, false },
		[M_NEEDS] = { "need_ids", API_IDS, &needs, false },
	};
	if (!read_body_with(c, m, M_COUNT, extra, nextra))
		return false;
	if (m[M_KIND].present && !(in->has_kind = measure_kind_parse(kind, &in->kind)))
		field_error_add(&j->fe, "kind", kind ? PROB_BAD_CHOICE : PROB_REQUIRED);
	in->has_title = m[M_TITLE].present || op == PROP_MEASURE_ADD;
	in->title = title ? title : "";
	in->has_description = m[M_DESCRIPTION].present;
	in->description = desc ? desc : "";
	in->has_owner = m[M_OWNER].present;
	in->suggested_owner = owner ? owner : "";
	in->has_cost = m[M_COST].present;
	in->has_timing = m[M_TIMING].present;
	in->timing = timing ? timing : "";
	in->has_needs = m[M_NEEDS].present;
	in->need_ids = needs.v;
	in->nneed_ids = needs.n;
	return true;
}

static void measure_write(struct ctx *c, enum prop_op op)
{
	struct prop_job *j = job_begin(c, op, op == PROP_MEASURE_ADD ? NULL : "measure_id");
	if (j && (op == PROP_MEASURE_DELETE || api_measure_body(c, j, NULL, 0)))
		job_run(c, j);
}

void api_proposal_measure_create(struct ctx *c)
{
	measure_write(c, PROP_MEASURE_ADD);
}

void api_proposal_measure_update(struct ctx *c)
{
	measure_write(c, PROP_MEASURE_EDIT);
}

void api_proposal_measure_delete(struct ctx *c)
{
	measure_write(c, PROP_MEASURE_DELETE);
}

void api_proposal_submit(struct ctx *c)
{
	struct prop_job *j = job_begin(c, PROP_SUBMIT, NULL);
	if (j)
		job_run(c, j);
}

void api_proposal_return(struct ctx *c)
{
	struct prop_job *j = job_begin(c, PROP_RETURN, NULL);
	if (!j)
		return;
	char *comment = NULL;
	struct api_member m[] = { { "comment", API_STR, &comment, false } };
	if (!api_read_body(c, m, 1))
		return;
	j->comment = comment ? comment : "";
	job_run(c, j);
}
