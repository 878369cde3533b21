/* needs.c (api) — /api/v1/needs and /api/v1/measures: the registers of the
 * critical competence needs and the measures units propose in phase 2,
 * across units and cycles. A list is a keyset page (newest cycle first,
 * then by id; the cursor holds the cycle and the id) filtered in SQL to
 * the units the actor may read, so a leader's page never reads the whole
 * organisation; an actor who may read no unit at all gets 403, as the
 * nested list does. Items are the nested routes' objects plus the status
 * of their proposal. The writes by id fill the same job as the nested
 * routes (web/proposal_write.c via api_prop_run), so the checks — the
 * actor's right with the unit, cycle open, proposal editable, ids re-read,
 * limits, field rules, audit — and the answers are theirs; only the
 * address differs: a POST names cycle_id and unit_id in its body, and a
 * PATCH may repeat them but not change them. */
#include "api/api_needs.h"

#include <string.h>
#include "api/api_proposals.h"
#include "store/cycles.h"
#include "store/phase2.h"
#include "store/proposals.h"
#include "web/proposal_write.h"

/* ---- the lists ---- */

/* The filters both lists share (?cycle=, ?unit=, ?status=), the page and
 * the reader's scope into q; false once a problem has been written. */
static bool read_query(struct ctx *c, struct proposal_query *q)
{
	struct api_page pg;
	memset(q, 0, sizeof *q);
	if (!api_read_page(c, &pg))
		return false;
	enum proposal_reach reach = api_proposal_reach(&c->actor);
	/* REACH_SOME without a person cannot happen (scope and own unit come
	 * from the person), but reader_person_id 0 would mean every unit */
	if (reach == REACH_NONE || (reach == REACH_SOME && !c->actor.person_id)) {
		api_problem(c, 403, API_PROPOSAL_READ_403);
		return false;
	}
	if (!api_query_id(c, "cycle", &q->cycle_id) || !api_query_id(c, "unit", &q->unit_id))
		return false;
	const char *st = ctx_query(c, "status");
	if (st && !(q->has_status = proposal_status_parse(st, &q->status))) {
		api_problem(c, 400, "status must be draft, submitted or returned.");
		return false;
	}
	if (pg.key && !api_parse_id(pg.key, &q->after_cycle_id)) {
		api_problem(c, 400, "invalid cursor");
		return false;
	}
	q->after_id = pg.id;
	q->limit = pg.limit;
	if (reach == REACH_SOME) {
		q->reader_person_id = c->actor.person_id;
		q->reader_unit_id = c->actor.own_unit_id;
	}
	return true;
}

/* Ends a page; the cursor names the cycle and id of its last item. */
static void list_end(struct ctx *c, struct jw *w, bool more, int64_t cycle_id, int64_t id)
{
	const char *key = more ? arena_printf(c->a, "%lld", (long long)cycle_id) : NULL;
	if (more && !key) {
		api_problem_err(c, ERR_TOO_BIG);
		return;
	}
	api_list_end(c, w, key, more ? id : 0);
}

static void need_item(struct jw *w, const struct proposal_need *n, enum proposal_status s)
{
	jw_obj(w);
	api_need_members(w, n);
	jw_kstr(w, "status", proposal_status_name(s));
	jw_obj_end(w);
}

static void measure_item(struct jw *w, const struct proposal_measure *m, enum proposal_status s)
{
	jw_obj(w);
	api_measure_members(w, m);
	jw_kstr(w, "status", proposal_status_name(s));
	jw_obj_end(w);
}

/* Answers a register's failure e, or begins its list in w; false when
 * the answer is given. */
static bool list_start(struct ctx *c, enum err e, struct jw *w)
{
	if (e) {
		api_problem_err(c, e);
		return false;
	}
	api_list_begin(c, w);
	return true;
}

void api_needs_list(struct ctx *c)
{
	struct proposal_query q;
	if (!read_query(c, &q) || !api_query_id(c, "competence", &q.competence_id) ||
	    !api_query_id(c, "goal", &q.goal_id))
		return;
	struct proposal_need *v;
	enum proposal_status *st;
	int n;
	bool more;
	enum err e = store_needs_register(c->db, c->a, &q, &v, &st, &n, &more);
	struct jw w;
	if (!list_start(c, e, &w))
		return;
	for (int i = 0; i < n; i++)
		need_item(&w, &v[i], st[i]);
	list_end(c, &w, more && n, n ? v[n - 1].cycle_id : 0, n ? v[n - 1].id : 0);
}

void api_measures_list(struct ctx *c)
{
	struct proposal_query q;
	if (!read_query(c, &q) || !api_query_id(c, "need", &q.need_id))
		return;
	const char *kind = ctx_query(c, "kind");
	if (kind && !(q.has_kind = measure_kind_parse(kind, &q.kind))) {
		api_problem(c, 400, "kind must be acquire, develop, mobilise or phase_out.");
		return;
	}
	struct proposal_measure *v;
	enum proposal_status *st;
	int n;
	bool more;
	enum err e = store_measures_register(c->db, c->a, &q, &v, &st, &n, &more);
	struct jw w;
	if (!list_start(c, e, &w))
		return;
	for (int i = 0; i < n; i++)
		measure_item(&w, &v[i], st[i]);
	list_end(c, &w, more && n, n ? v[n - 1].cycle_id : 0, n ? v[n - 1].id : 0);
}

/* ---- one need or measure ---- */

/* The need (measure false) or measure of id: its cycle and unit. */
static enum err load(struct ctx *c, bool measure, int64_t id, struct proposal_need *n,
		     struct proposal_measure *m, int64_t *cycle_id, int64_t *unit_id)
{
	if (!id)
		return ERR_NOTFOUND;
	enum err e = measure ? store_proposal_measure_get(c->db, c->a, id, m)
			     : store_proposal_need_get(c->db, c->a, id, n);
	if (!e) {
		*cycle_id = measure ? m->cycle_id : n->cycle_id;
		*unit_id = measure ? m->unit_id : n->unit_id;
	}
	return e;
}

/* Answers the need or measure id as the register shows it (with its
 * proposal's status); 201 with its Location when new. */
static void answer(struct ctx *c, bool measure, int64_t id, int status)
{
	struct proposal_need n;
	struct proposal_measure m;
	int64_t cycle_id = 0, unit_id = 0;
	enum proposal_status st = PROPOSAL_DRAFT;
	enum err e = load(c, measure, id, &n, &m, &cycle_id, &unit_id);
	if (!e)
		e = store_proposal_status(c->db, cycle_id, unit_id, &st);
	if (e) {
		api_problem_err(c, e);
		return;
	}
	if (status == 201)
		http_resp_header(c->w, "Location", arena_printf(c->a, "/api/v1/%s/%lld", measure ? "measures" : "needs",
								(long long)id));
	struct jw w;
	api_json_begin(c, &w);
	if (measure)
		measure_item(&w, &m, st);
	else
		need_item(&w, &n, st);
	api_json_end(c, status);
}

static void get_one(struct ctx *c, bool measure)
{
	struct proposal_need n;
	struct proposal_measure m;
	int64_t id = ctx_param_id(c, "id"), cycle_id, unit_id;
	enum err e = load(c, measure, id, &n, &m, &cycle_id, &unit_id);
	if (e)
		api_problem_err(c, e);
	else if (!access_can(&c->actor, ACT_DISCUSSION_READ, unit_id))
		api_problem(c, 403, API_PROPOSAL_READ_403);
	else
		answer(c, measure, id, 200);
}

void api_need_get(struct ctx *c)
{
	get_one(c, false);
}

void api_measure_get(struct ctx *c)
{
	get_one(c, true);
}

/* ---- writes ---- */

static struct prop_job *job_new(struct ctx *c, enum prop_op op)
{
	struct prop_job *j = arena_alloc(c->a, sizeof *j);
	if (!j) {
		api_problem_err(c, ERR_TOO_BIG);
		return NULL;
	}
	memset(j, 0, sizeof *j);
	j->op = op;
	return j;
}

/* The job for the need or measure of the path (PATCH, DELETE): it exists
 * (404) and the actor may change its unit's proposal (403). NULL once a
 * problem has been written. */
static struct prop_job *job_by_id(struct ctx *c, enum prop_op op, bool measure)
{
	struct proposal_need n;
	struct proposal_measure m;
	int64_t id = ctx_param_id(c, "id"), cycle_id, unit_id;
	enum err e = load(c, measure, id, &n, &m, &cycle_id, &unit_id);
	if (e) {
		api_problem_err(c, e);
		return NULL;
	}
	if (!access_can(&c->actor, ACT_DISCUSSION_EDIT, unit_id)) {
		api_problem(c, 403, API_PROPOSAL_EDIT_403);
		return NULL;
	}
	struct prop_job *j = job_new(c, op);
	if (j) {
		j->id = id;
		j->cycle_id = cycle_id;
		j->unit_id = unit_id;
	}
	return j;
}

/* The body's cycle_id and unit_id (members 0 and 1 of extra), filled in by
 * api_need_body / api_measure_body. */
enum { X_CYCLE, X_UNIT, X_COUNT };

static void extra_init(struct api_member *x, int64_t *cycle_id, int64_t *unit_id)
{
	x[X_CYCLE] = (struct api_member){ "cycle_id", API_ID, cycle_id, false };
	x[X_UNIT] = (struct api_member){ "unit_id", API_ID, unit_id, false };
}

/* POST: the proposal the body names — cycle_id and unit_id required and
 * existing, else 422 with these and the parser's problems — and the
 * actor's right to change it (403). false once a problem has been written. */
static bool body_target(struct ctx *c, struct prop_job *j)
{
	struct cycle cy;
	struct unit u;
	enum err e = OK;
	if (!j->cycle_id)
		field_error_add(&j->fe, "cycle_id", PROB_REQUIRED);
	else if ((e = store_cycle_get(c->db, c->a, j->cycle_id, &cy)) == ERR_NOTFOUND)
		field_error_add(&j->fe, "cycle_id", PROB_UNKNOWN_REF);
	if (e && e != ERR_NOTFOUND) {
		api_problem_err(c, e);
		return false;
	}
	e = OK;
	if (!j->unit_id)
		field_error_add(&j->fe, "unit_id", PROB_REQUIRED);
	else if ((e = store_unit_get(c->db, c->a, j->unit_id, &u)) == ERR_NOTFOUND)
		field_error_add(&j->fe, "unit_id", PROB_UNKNOWN_REF);
	if (e && e != ERR_NOTFOUND) {
		api_problem_err(c, e);
		return false;
	}
	if (field_errors_has(&j->fe, "cycle_id") || field_errors_has(&j->fe, "unit_id")) {
		api_problem_fields(c, 422, &j->fe);
		return false;
	}
	if (!access_can(&c->actor, ACT_DISCUSSION_EDIT, j->unit_id)) {
		api_problem(c, 403, API_PROPOSAL_EDIT_403);
		return false;
	}
	return true;
}

static bool read_body(struct ctx *c, struct prop_job *j, bool measure, struct api_member *x)
{
	return measure ? api_measure_body(c, j, x, X_COUNT) : api_need_body(c, j, x, X_COUNT);
}

static void create(struct ctx *c, bool measure)
{
	struct prop_job *j = job_new(c, measure ? PROP_MEASURE_ADD : PROP_NEED_ADD);
	if (!j)
		return;
	struct api_member x[X_COUNT];
	extra_init(x, &j->cycle_id, &j->unit_id);
	if (read_body(c, j, measure, x) && body_target(c, j) && api_prop_run(c, j))
		answer(c, measure, j->id, 201);
}

static void update(struct ctx *c, bool measure)
{
	struct prop_job *j = job_by_id(c, measure ? PROP_MEASURE_EDIT : PROP_NEED_EDIT, measure);
	if (!j)
		return;
	int64_t cycle_id = 0, unit_id = 0;
	struct api_member x[X_COUNT];
	extra_init(x, &cycle_id, &unit_id);
	if (!read_body(c, j, measure, x))
		return;
	/* a need or measure stays in its proposal; repeating where it is, is fine */
	if (x[X_CYCLE].present && cycle_id != j->cycle_id)
		field_error_add(&j->fe, "cycle_id", PROB_NOT_ALLOWED);
	if (x[X_UNIT].present && unit_id != j->unit_id)
		field_error_add(&j->fe, "unit_id", PROB_NOT_ALLOWED);
	if (api_prop_run(c, j))
		answer(c, measure, j->id, 200);
}

static void delete(struct ctx *c, bool measure)
{
	struct prop_job *j = job_by_id(c, measure ? PROP_MEASURE_DELETE : PROP_NEED_DELETE, measure);
	if (j && api_prop_run(c, j))
		c->w->status = 204;
}

void api_need_create(struct ctx *c)
{
	create(c, false);
}

void api_need_update(struct ctx *c)
{
	update(c, false);
}

void api_need_delete(struct ctx *c)
{
	delete(c, false);
}

void api_measure_create(struct ctx *c)
{
	create(c, true);
}

void api_measure_update(struct ctx *c)
{
	update(c, true);
}

void api_measure_delete(struct ctx *c)
{
	delete(c, true);
}
