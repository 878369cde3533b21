/* prepare.c (api) — GET /api/v1/cycles/{id}/indicators, every indicator of
 * the product description as numbers (phase 1's: leaders_prepared and
 * employees_confirmed_reading, named after product.md's list; phase 2's in
 * a "phase2" object beside them), organisation-wide with one entry per
 * unit, or for ?unit=ID; and /api/v1/cycles/{id}/prepare/{unit_id}, one
 * unit's preparation (checklist, notes, draft needs, pack) with its writes:
 * tick and untick a step, the notes, draft needs, the document pack and
 * sending it — the same store calls, checks and audit rows as the web
 * (web/page_prepare.c), each write one transaction that re-reads the cycle
 * (closed: 409) and the actor's right to prepare the unit. HR, admin and
 * representatives and top management read the indicators of every unit (the
 * decided figures of phase 2 need ACT_COMPILATION_READ); a leader only of the
 * units they lead (?unit= outside them is 403; without it they get theirs).
 * The shapes are in docs/api.md. */
#include "api/api_prepare.h"
#include "api/api_indicators_phase2.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/utf8.h"
#include "domain/indicators.h"
#include "store/cycles.h"
#include "store/documents.h"
#include "store/prepare.h"

/* An epoch time as RFC 3339 UTC ("2027-01-31T09:05:00Z"), in a. */
static void ratio(struct jw *w, const char *key, const struct ind_ratio *r)
{
	jw_key(w, key);
	jw_obj(w);
	jw_kint(w, "count", r->count);
	jw_kint(w, "total", r->total);
	jw_key(w, "percent");
	if (r->percent < 0)
		jw_null(w);
	else
		jw_int(w, r->percent);
	jw_obj_end(w);
}

static void phase1(struct jw *w, const struct ind_phase1 *p)
{
	ratio(w, "leaders_prepared", &p->leaders_prepared);
	ratio(w, "employees_confirmed_reading", &p->employees_confirmed_reading);
}

void api_cycle_indicators(struct ctx *c)
{
	int64_t cycle_id = ctx_param_id(c, "id"), unit_id = 0;
	if (!api_query_id(c, "unit", &unit_id))
		return;
	struct cycle cy;
	enum err e = cycle_id ? store_cycle_get(c->db, c->a, cycle_id, &cy) : ERR_NOTFOUND;
	if (!e && unit_id) {
		struct unit u;
		e = store_unit_get(c->db, c->a, unit_id, &u);
		if (!e && !access_can(&c->actor, ACT_INDICATORS_READ, unit_id))
			e = ERR_FORBIDDEN;
	}
	char **steps;
	int nsteps = 0;
	if (!e)
		e = store_phase_steps(c->db, c->a, "nb", PHASE_LEADER_PREPARATION, &steps, &nsteps);
	struct prep_unit_row *rows = NULL;
	int n = 0;
	if (!e)
		e = store_prep_unit_rows(c->db, c->a, cycle_id, nsteps, unit_id, &rows, &n);
	if (e) {
		api_problem_err(c, e);
		return;
	}
	/* a leader without ?unit= gets the units they lead */
	bool org_wide = c->actor.role == ROLE_ADMIN || c->actor.role == ROLE_HR ||
			c->actor.role == ROLE_MANAGEMENT || c->actor.role == ROLE_REPRESENTATIVE;
	struct p2_report p2;
	if ((e = api_p2_report(c, cycle_id, unit_id, org_wide, &p2)) != OK) {
		api_problem_err(c, e);
		return;
	}
	struct ind_unit_counts *counts = arena_alloc(c->a, sizeof *counts * (size_t)(n > 0 ? n : 1));
	if (!counts) {
		api_problem_err(c, ERR_TOO_BIG);
		return;
	}
	int k = 0;
	for (int i = 0; i < n; i++)
		if (org_wide || unit_id || actor_in_scope(&c->actor, rows[i].counts.unit_id))
			rows[k++] = rows[i];
	for (int i = 0; i < k; i++)
		counts[i] = rows[i].counts;
	struct ind_phase1 total = ind_phase1_total(counts, k, nsteps);
	struct jw w;
	api_json_begin(c, &w);
	jw_obj(&w);
	jw_kint(&w, "cycle_id", cycle_id);
	jw_kid(&w, "unit_id", unit_id);
	jw_kstr(&w, "scope", unit_id ? "unit" : org_wide ? "organisation" : "led_units");
	jw_kint(&w, "checklist_steps", nsteps);
	phase1(&w, &total);
	api_p2_total(&w, &p2);
	jw_key(&w, "units");
	jw_arr(&w);
	for (int i = 0; i < k; i++) {
		struct ind_phase1 p = ind_phase1_unit(&counts[i], nsteps);
		jw_obj(&w);
		jw_kint(&w, "unit_id", rows[i].counts.unit_id);
		jw_kstr(&w, "name", rows[i].name);
		phase1(&w, &p);
		api_p2_unit(&w, &p2, rows[i].counts.unit_id, i);
		jw_obj_end(&w);
	}
	jw_arr_end(&w);
	jw_obj_end(&w);
	api_json_end(c, 200);
}

/* The preparation of the unit in the cycle as JSON, with status. */
static void answer_prep(struct ctx *c, int64_t cycle_id, int64_t unit_id, int status)
{
	struct cycle cy;
	enum err e = store_cycle_get(c->db, c->a, cycle_id, &cy);
	char **steps = NULL;
	int nsteps = 0;
	if (!e)
		e = store_phase_steps(c->db, c->a, lang_code(c->lang), PHASE_LEADER_PREPARATION, &steps,
				      &nsteps);
	struct prep_tick *ticks = NULL;
	int nticks = 0;
	if (!e)
		e = store_prep_ticks(c->db, c->a, cycle_id, unit_id, &ticks, &nticks);
	struct preparation prep;
	if (!e)
		e = store_prep_get(c->db, c->a, cycle_id, unit_id, &prep);
	struct prep_need *needs = NULL;
	int nneeds = 0;
	if (!e)
		e = store_prep_needs(c->db, c->a, cycle_id, unit_id, &needs, &nneeds);
	int64_t *pack = NULL;
	int npack = 0;
	if (!e)
		e = store_prep_pack(c->db, c->a, cycle_id, unit_id, &pack, &npack);
	if (e) {
		api_problem_err(c, e);
		return;
	}
	struct jw w;
	api_json_begin(c, &w);
	jw_obj(&w);
	jw_kint(&w, "cycle_id", cycle_id);
	jw_kint(&w, "unit_id", unit_id);
	jw_kbool(&w, "writable", prep_writable(cycle_status_name(cy.status)));
	jw_key(&w, "checklist");
	jw_arr(&w);
	for (int i = 0; i < nsteps; i++) {
		const struct prep_tick *t = prep_tick_of(ticks, nticks, i);
		jw_obj(&w);
		jw_kint(&w, "step", i + 1);
		jw_kstr(&w, "text", steps[i]);
		jw_kbool(&w, "ticked", t != NULL);
		jw_kid(&w, "ticked_by", t ? t->ticked_by : 0);
		jw_ktime(&w, "ticked_at", t ? t->ticked_at : 0);
		jw_obj_end(&w);
	}
	jw_arr_end(&w);
	jw_kbool(&w, "checklist_complete",
		 ind_checklist_complete(prep_ticked_count(ticks, nticks, nsteps), nsteps));
	jw_kstr(&w, "likely_goals", prep.likely_goals);
	jw_key(&w, "draft_needs");
	jw_arr(&w);
	for (int i = 0; i < nneeds; i++) {
		jw_obj(&w);
		jw_kint(&w, "id", needs[i].id);
		jw_kstr(&w, "title", needs[i].title);
		jw_kstr(&w, "description", needs[i].description);
		jw_kint(&w, "position", needs[i].position);
		jw_obj_end(&w);
	}
	jw_arr_end(&w);
	jw_key(&w, "pack");
	jw_obj(&w);
	jw_key(&w, "document_ids");
	jw_arr(&w);
	for (int i = 0; i < npack; i++)
		jw_int(&w, pack[i]);
	jw_arr_end(&w);
	jw_ktime(&w, "sent_at", prep.pack_sent_at);
	jw_kid(&w, "sent_by", prep.pack_sent_by);
	jw_kint(&w, "sent_to", prep.pack_sent_count);
	jw_obj_end(&w);
	jw_obj_end(&w);
	api_json_end(c, status);
}

/* The cycle and unit of the path and the actor's right to prepare the unit
 * (asked again here: the router knows no unit). */
static enum err load_target(struct ctx *c, int64_t *cycle_id, int64_t *unit_id)
{
	*cycle_id = ctx_param_id(c, "id");
	*unit_id = ctx_param_id(c, "unit_id");
	struct cycle cy;
	struct unit u;
	enum err e = *cycle_id && *unit_id ? store_cycle_get(c->db, c->a, *cycle_id, &cy) : ERR_NOTFOUND;
	if (!e)
		e = store_unit_get(c->db, c->a, *unit_id, &u);
	if (!e && !access_can(&c->actor, ACT_PREPARE, *unit_id))
		e = ERR_FORBIDDEN;
	return e;
}

void api_prepare_get(struct ctx *c)
{
	int64_t cycle_id, unit_id;
	enum err e = load_target(c, &cycle_id, &unit_id);
	if (e)
		api_problem_err(c, e);
	else
		answer_prep(c, cycle_id, unit_id, 200);
}

/* ---- writes: one job for every kind, one transaction each ---- */

enum prep_op { OP_TICK, OP_UNTICK, OP_NOTES, OP_NEED_ADD, OP_NEED_EDIT, OP_NEED_DELETE, OP_PACK, OP_SEND };

enum { NEED_TITLE, NEED_DESCRIPTION, NEED_COUNT };

struct prep_job {
	enum prep_op op;
	int64_t cycle_id, unit_id;
	int step;                    /* OP_TICK, OP_UNTICK: the index */
	char *notes;                 /* OP_NOTES */
	int64_t need_id;             /* OP_NEED_EDIT, OP_NEED_DELETE; the new one after OP_NEED_ADD */
	struct prep_need in;         /* OP_NEED_ADD, OP_NEED_EDIT */
	struct api_member m[NEED_COUNT];
	struct api_ids docs;         /* OP_PACK */
	struct field_errors fe;
	bool closed;
};

static int cmp_int64(const void *pa, const void *pb)
{
	int64_t a = *(const int64_t *)pa, b = *(const int64_t *)pb;
	return (a > b) - (a < b);
}

/* Inside the write: the cycle as it is now, and whether it still takes changes. */
static enum err recheck(struct ctx *c, struct prep_job *j)
{
	struct cycle cy;
	enum err e = store_cycle_get(c->db, c->a, j->cycle_id, &cy);
	if (e)
		return e;
	if ((j->closed = !prep_writable(cycle_status_name(cy.status))))
		return ERR_CONFLICT;
	return OK;
}

static enum err audit(struct ctx *c, const char *entity, int64_t id, const char *action, const struct buf *b)
{
	return b->err ? b->err : ctx_audit(c, entity, id, action, buf_str(b));
}

static enum err write_step(struct ctx *c, struct prep_job *j, struct buf *b)
{
	char **steps;
	int nsteps;
	enum err e = store_phase_steps(c->db, c->a, lang_code(c->lang), PHASE_LEADER_PREPARATION, &steps,
				       &nsteps);
	if (e)
		return e;
	if (j->step >= nsteps)
		return ERR_NOTFOUND;
	char *text = steps[j->step];
	bool tick = j->op == OP_TICK, changed;
	e = tick ? store_prep_tick(c->db, j->cycle_id, j->unit_id, j->step, text, c->user.id, c->now, &changed)
		 : store_prep_untick(c->db, c->a, j->cycle_id, j->unit_id, j->step, &changed, &text);
	if (e || !changed)
		return e;
	prep_audit_tick(b, j->step, text, tick);
	return audit(c, "preparation", j->unit_id, tick ? "tick" : "untick", b);
}

static enum err write_notes(struct ctx *c, struct prep_job *j, struct buf *b)
{
	const char *text = j->notes ? j->notes : "";
	validate_prep_notes(text, &j->fe);
	if (j->fe.n)
		return ERR_INVALID;
	struct preparation before;
	enum err e = store_prep_get(c->db, c->a, j->cycle_id, j->unit_id, &before);
	if (e || strcmp(before.likely_goals, text) == 0)
		return e;
	if ((e = store_prep_notes_set(c->db, j->cycle_id, j->unit_id, text, c->user.id, c->now)))
		return e;
	prep_audit_notes(b, before.likely_goals, text);
	return audit(c, "preparation", j->unit_id, "notes", b);
}

static enum err write_need(struct ctx *c, struct prep_job *j, struct buf *b)
{
	struct prep_need before = { 0 };
	enum err e;
	if (j->op != OP_NEED_ADD) {
		if ((e = store_prep_need_get(c->db, c->a, j->need_id, &before)))
			return e;
		if (before.cycle_id != j->cycle_id || before.unit_id != j->unit_id)
			return ERR_NOTFOUND;
	}
	if (j->op == OP_NEED_DELETE) {
		if ((e = store_prep_need_delete(c->db, j->need_id)))
			return e;
		prep_audit_need(b, &before, NULL);
		return audit(c, "prep_draft_need", j->need_id, "delete", b);
	}
	struct prep_need after = before;
	bool add = j->op == OP_NEED_ADD;
	if (j->m[NEED_TITLE].present || add)
		after.title = j->in.title ? str_trim(j->in.title) : "";
	if (j->m[NEED_DESCRIPTION].present || add)
		after.description = j->in.description ? str_trim(j->in.description) : "";
	validate_prep_need(&after, &j->fe);
	if (add && !j->fe.n) {
		struct prep_need *all;
		int n;
		if ((e = store_prep_needs(c->db, c->a, j->cycle_id, j->unit_id, &all, &n)))
			return e;
		if (n >= PREP_NEEDS_MAX)
			field_error_add(&j->fe, "title", PROB_TOO_LONG);
	}
	if (j->fe.n)
		return ERR_INVALID;
	after.cycle_id = j->cycle_id;
	after.unit_id = j->unit_id;
	if (!add) {
		prep_audit_need(b, &before, &after);
		if (b->err || strcmp(buf_str(b), "{}") == 0)
			return b->err;
		if ((e = store_prep_need_update(c->db, &after)))
			return e;
		return audit(c, "prep_draft_need", j->need_id, "update", b);
	}
	after.created_by = c->user.id;
	after.created_at = c->now;
	if ((e = store_prep_need_insert(c->db, &after)))
		return e;
	j->need_id = after.id;
	prep_audit_need(b, NULL, &after);
	return audit(c, "prep_draft_need", after.id, "create", b);
}

static enum err write_pack(struct ctx *c, struct prep_job *j, struct buf *b)
{
	/* the set of documents, ascending, each once */
	int64_t *ids = j->docs.v;
	int n = 0;
	if (j->docs.n > 0) {
		qsort(ids, (size_t)j->docs.n, sizeof *ids, cmp_int64);
		for (int i = 0; i < j->docs.n; i++)
			if (n == 0 || ids[n - 1] != ids[i])
				ids[n++] = ids[i];
	}
	if (n > PREP_PACK_MAX) {
		field_error_add(&j->fe, "document_ids", PROB_TOO_LONG);
		return ERR_INVALID;
	}
	struct prep_doc *docs;
	int ndocs;
	enum err e = store_prep_documents(c->db, c->a, j->cycle_id, j->unit_id, &docs, &ndocs);
	if (e)
		return e;
	for (int i = 0; i < n; i++) {
		bool known = false;
		for (int k = 0; k < ndocs && !known; k++)
			known = docs[k].id == ids[i];
		if (!known) {
			field_error_add(&j->fe, "document_ids", PROB_UNKNOWN_REF);
			return ERR_INVALID;
		}
	}
	int64_t *before;
	int nbefore;
	if ((e = store_prep_pack(c->db, c->a, j->cycle_id, j->unit_id, &before, &nbefore)))
		return e;
	if (nbefore == n && (n == 0 || memcmp(before, ids, sizeof *before * (size_t)n) == 0))
		return OK;
	if ((e = store_prep_pack_set(c->db, j->cycle_id, j->unit_id, ids, n)))
		return e;
	prep_audit_pack(b, before, nbefore, ids, n);
	return audit(c, "preparation", j->unit_id, "pack", b);
}

static enum err write_send(struct ctx *c, struct prep_job *j, struct buf *b)
{
	int64_t *docs, *people;
	int ndocs, npeople;
	enum err e = store_prep_pack(c->db, c->a, j->cycle_id, j->unit_id, &docs, &ndocs);
	if (!e)
		e = store_prep_recipients(c->db, c->a, j->unit_id, &people, &npeople);
	if (e)
		return e;
	if (ndocs == 0 || npeople == 0) {
		/* nothing chosen, or nobody to send it to */
		field_error_add(&j->fe, ndocs == 0 ? "document_ids" : "recipients", PROB_REQUIRED);
		return ERR_INVALID;
	}
	int64_t created = 0;
	if ((e = store_read_requests_send(c->db, j->cycle_id, j->unit_id, docs, ndocs, people, npeople,
					  c->user.id, c->now, &created)) ||
	    (e = store_prep_pack_sent(c->db, j->cycle_id, j->unit_id, c->user.id, c->now, npeople)))
		return e;
	prep_audit_send(b, docs, ndocs, npeople);
	return audit(c, "preparation", j->unit_id, "send", b);
}

static enum err prep_write(struct ctx *c, void *arg)
{
	struct prep_job *j = arg;
	j->fe.n = 0;
	if (!access_can(&c->actor, ACT_PREPARE, j->unit_id))
		return ERR_FORBIDDEN;
	enum err e = recheck(c, j);
	if (e)
		return e;
	struct buf b;
	buf_init(&b, c->a, 0);
	switch (j->op) {
	case OP_TICK:
	case OP_UNTICK:
		return write_step(c, j, &b);
	case OP_NOTES:
		return write_notes(c, j, &b);
	case OP_NEED_ADD:
	case OP_NEED_EDIT:
	case OP_NEED_DELETE:
		return write_need(c, j, &b);
	case OP_PACK:
		return write_pack(c, j, &b);
	case OP_SEND:
		return write_send(c, j, &b);
	}
	return ERR_INVALID;
}

static void write_need_json(struct ctx *c, int64_t id, int status)
{
	struct prep_need n;
	enum err e = store_prep_need_get(c->db, c->a, id, &n);
	if (e) {
		api_problem_err(c, e);
		return;
	}
	if (status == 201)
		http_resp_header(c->w, "Location", arena_printf(c->a, "/api/v1/cycles/%lld/prepare/%lld/draft-needs/%lld",
								(long long)n.cycle_id, (long long)n.unit_id,
								(long long)n.id));
	struct jw w;
	api_json_begin(c, &w);
	jw_obj(&w);
	jw_kint(&w, "id", n.id);
	jw_kint(&w, "cycle_id", n.cycle_id);
	jw_kint(&w, "unit_id", n.unit_id);
	jw_kstr(&w, "title", n.title);
	jw_kstr(&w, "description", n.description);
	jw_kint(&w, "position", n.position);
	jw_obj_end(&w);
	api_json_end(c, status);
}

/* Runs the job and answers: the need for need writes (201 for a new one,
 * 204 for a removed one), the whole preparation for the rest. */
static void prep_run(struct ctx *c, struct prep_job *j)
{
	enum err e = ctx_write(c, prep_write, j);
	if (e == ERR_CONFLICT && j->closed)
		api_problem(c, 409, "The cycle is closed; its preparation is read-only.");
	else if (e == ERR_INVALID && j->fe.n)
		api_problem_fields(c, 422, &j->fe);
	else if (e == ERR_FORBIDDEN)
		api_problem(c, 403, "Only the unit's leader (or a leader above it), HR and admin may prepare it.");
	else if (e)
		api_problem_err(c, e);
	else if (j->op == OP_NEED_DELETE)
		c->w->status = 204;
	else if (j->op == OP_NEED_ADD || j->op == OP_NEED_EDIT)
		write_need_json(c, j->need_id, j->op == OP_NEED_ADD ? 201 : 200);
	else
		answer_prep(c, j->cycle_id, j->unit_id, 200);
}

/* A job for the target of the path; NULL once a problem has been written. */
static struct prep_job *prep_begin(struct ctx *c, enum prep_op op)
{
	struct prep_job *j = arena_alloc(c->a, sizeof *j);
	if (!j) {
		api_problem_err(c, ERR_TOO_BIG);
		return NULL;
	}
	memset(j, 0, sizeof *j);
	j->op = op;
	enum err e = load_target(c, &j->cycle_id, &j->unit_id);
	if (e) {
		api_problem_err(c, e);
		return NULL;
	}
	return j;
}

static void step(struct ctx *c, enum prep_op op)
{
	struct prep_job *j = prep_begin(c, op);
	if (!j)
		return;
	if (!prep_step_parse(http_param(c->req, "n"), PREP_STEPS_MAX, &j->step)) {
		api_problem(c, 404, "No such step: steps are numbered from 1.");
		return;
	}
	prep_run(c, j);
}

void api_prepare_tick(struct ctx *c)
{
	step(c, OP_TICK);
}

void api_prepare_untick(struct ctx *c)
{
	step(c, OP_UNTICK);
}

void api_prepare_update(struct ctx *c)
{
	struct prep_job *j = prep_begin(c, OP_NOTES);
	if (!j)
		return;
	struct api_member m[] = { { "likely_goals", API_STR, &j->notes, false } };
	if (!api_read_body(c, m, 1))
		return;
	if (!m[0].present) {
		field_error_add(&j->fe, "likely_goals", PROB_REQUIRED);
		api_problem_fields(c, 422, &j->fe);
		return;
	}
	prep_run(c, j);
}

static void need(struct ctx *c, enum prep_op op)
{
	struct prep_job *j = prep_begin(c, op);
	if (!j)
		return;
	if (op != OP_NEED_ADD && !(j->need_id = ctx_param_id(c, "need_id"))) {
		api_problem_err(c, ERR_NOTFOUND);
		return;
	}
	j->m[NEED_TITLE] = (struct api_member){ "title", API_STR, &j->in.title, false };
	j->m[NEED_DESCRIPTION] = (struct api_member){ "description", API_STR, &j->in.description, false };
	if (op != OP_NEED_DELETE && !api_read_body(c, j->m, NEED_COUNT))
		return;
	prep_run(c, j);
}

void api_prepare_need_create(struct ctx *c)
{
	need(c, OP_NEED_ADD);
}

void api_prepare_need_update(struct ctx *c)
{
	need(c, OP_NEED_EDIT);
}

void api_prepare_need_delete(struct ctx *c)
{
	need(c, OP_NEED_DELETE);
}

void api_prepare_need_get(struct ctx *c)
{
	int64_t cycle_id, unit_id, id = ctx_param_id(c, "need_id");
	struct prep_need n;
	enum err e = load_target(c, &cycle_id, &unit_id);
	if (!e)
		e = id ? store_prep_need_get(c->db, c->a, id, &n) : ERR_NOTFOUND;
	if (!e && (n.cycle_id != cycle_id || n.unit_id != unit_id))
		e = ERR_NOTFOUND;
	if (e)
		api_problem_err(c, e);
	else
		write_need_json(c, id, 200);
}

void api_prepare_pack(struct ctx *c)
{
	struct prep_job *j = prep_begin(c, OP_PACK);
	if (!j)
		return;
	struct api_member m[] = { { "document_ids", API_IDS, &j->docs, false } };
	if (!api_read_body(c, m, 1))
		return;
	if (!m[0].present) {
		field_error_add(&j->fe, "document_ids", PROB_REQUIRED);
		api_problem_fields(c, 422, &j->fe);
		return;
	}
	prep_run(c, j);
}

void api_prepare_send(struct ctx *c)
{
	struct prep_job *j = prep_begin(c, OP_SEND);
	if (j)
		prep_run(c, j);
}
