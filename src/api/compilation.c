/* compilation.c (api) — the compilation between phases 2 and 3 as JSON:
 * GET /api/v1/cycles/{id}/compilation (the units' proposals side by side),
 * GET /api/v1/cycles/{id}/heatmap (rows, columns, cells as numbers), and
 * the decided needs and measures: list, get, create, PATCH, DELETE. The
 * same store calls, rules and audit rows as the web pages
 * (web/page_compilation.c); every write is one transaction that asks the
 * decision's state first (anything but compiling: 409). The lists of
 * decided needs and measures page by keyset on (position, id) with ?limit=
 * and ?cursor= like every other list. The shapes are in docs/api.md. */
#include "api/api_compilation.h"

#include <string.h>
#include <time.h>
#include "base/utf8.h"
#include "domain/audit.h"
#include "domain/compilation.h"
#include "domain/strategy.h"
#include "html/html.h"
#include "i18n/i18n.h"
#include "store/competences.h"
#include "store/compilation.h"
#include "store/cycles.h"
#include "store/phase2.h"

/* The cycle of the path and its decision's state. */
static enum err load_cycle(struct ctx *c, int64_t *cycle_id, enum decision_status *ds)
{
	*cycle_id = ctx_param_id(c, "id");
	struct cycle cy;
	enum err e = *cycle_id ? store_cycle_get(c->db, c->a, *cycle_id, &cy) : ERR_NOTFOUND;
	return e ? e : store_decision_status(c->db, *cycle_id, ds);
}

static void no_content(struct ctx *c)
{
	buf_reset(&c->w->body);
	c->w->status = 204;
	c->w->content_type = "application/json";
}

static void locked(struct ctx *c)
{
	api_problem(c, 409, msg(LANG_EN, MSG_CMPL_LOCKED));
}

static void fail(struct ctx *c, enum err e)
{
	if (e == ERR_CONFLICT)
		locked(c);
	else
		api_problem_err(c, e);
}

/* ---- GET /api/v1/cycles/{id}/compilation ---- */

void api_comp_overview(struct ctx *c)
{
	int64_t cycle_id, units_total = 0;
	enum decision_status ds;
	struct comp_unit_row *u = NULL;
	int n = 0;
	enum err e = load_cycle(c, &cycle_id, &ds);
	if (!e)
		e = store_comp_units(c->db, c->a, cycle_id, &u, &n);
	if (!e)
		e = store_unit_count(c->db, &units_total);
	if (e) {
		api_problem_err(c, e);
		return;
	}
	struct jw w;
	api_json_begin(c, &w);
	jw_obj(&w);
	jw_kint(&w, "cycle_id", cycle_id);
	jw_kstr(&w, "decision_status", decision_status_name(ds));
	int64_t submitted = 0, needs = 0, measures = 0;
	jw_key(&w, "units");
	jw_arr(&w);
	for (int i = 0; i < n; i++) {
		jw_obj(&w);
		jw_kint(&w, "unit_id", u[i].unit_id);
		jw_kstr(&w, "name", u[i].name);
		jw_kstr(&w, "code", u[i].code);
		jw_kstr(&w, "status", proposal_status_name(u[i].status));
		jw_ktime(&w, "submitted_at", u[i].submitted_at);
		jw_kint(&w, "needs", u[i].needs);
		jw_kint(&w, "measures", u[i].measures);
		jw_obj_end(&w);
		submitted += u[i].status == PROPOSAL_SUBMITTED;
		needs += u[i].needs;
		measures += u[i].measures;
	}
	jw_arr_end(&w);
	jw_key(&w, "totals");
	jw_obj(&w);
	jw_kint(&w, "units_in_organisation", units_total);
	jw_kint(&w, "units_with_proposal", n);
	jw_kint(&w, "units_submitted", submitted);
	jw_kint(&w, "needs", needs);
	jw_kint(&w, "measures", measures);
	jw_obj_end(&w);
	jw_obj_end(&w);
	api_json_end(c, 200);
}

/* ---- GET /api/v1/cycles/{id}/heatmap ---- */

void api_comp_heatmap(struct ctx *c)
{
	int64_t cycle_id, unit_id = 0;
	enum decision_status ds;
	bool drafts = false, weighted = false;
	if (!api_query_bool(c, "drafts", false, &drafts) || !api_query_bool(c, "weighted", false, &weighted) ||
	    !api_query_id(c, "unit", &unit_id))
		return;
	struct competence_area *ar = NULL;
	int nar = 0, nhc = 0;
	struct heat_count *hc = NULL;
	enum err e = load_cycle(c, &cycle_id, &ds);
	if (!e)
		e = store_competence_areas(c->db, c->a, &ar, &nar);
	if (!e)
		e = store_comp_heat_counts(c->db, c->a, cycle_id, drafts, unit_id, &hc, &nhc);
	struct heat_area *areas = arena_alloc(c->a, sizeof *areas * (size_t)(nar > 0 ? nar : 1));
	struct heat_grid g;
	if (!e && !areas)
		e = ERR_TOO_BIG;
	for (int i = 0; !e && i < nar; i++)
		areas[i] = (struct heat_area){ ar[i].id, ar[i].parent_id, ar[i].name };
	if (!e)
		e = heat_grid_build(c->a, areas, nar, hc, nhc, 0, weighted, &g);
	if (e) {
		api_problem_err(c, e);
		return;
	}
	struct jw w;
	api_json_begin(c, &w);
	jw_obj(&w);
	jw_kbool(&w, "drafts", drafts);
	jw_kbool(&w, "weighted", weighted);
	jw_key(&w, "columns");
	jw_arr(&w);
	for (int j = 0; j < g.ncols; j++) {
		jw_obj(&w);
		jw_kid(&w, "area_id", g.col_ids[j]);
		jw_kstr(&w, "name", g.col_names[j] ? g.col_names[j] : msg(LANG_EN, MSG_CMPL_HEAT_NOT_IN_CATALOGUE));
		jw_kint(&w, "total", g.col_totals[j]);
		jw_obj_end(&w);
	}
	jw_arr_end(&w);
	jw_key(&w, "rows");
	jw_arr(&w);
	for (int r = 0; r < g.nrows; r++) {
		jw_obj(&w);
		jw_kint(&w, "unit_id", g.rows[r].unit_id);
		jw_kstr(&w, "name", g.rows[r].name);
		jw_kint(&w, "total", g.rows[r].total);
		jw_key(&w, "cells");
		jw_arr(&w);
		for (int j = 0; j < g.ncols; j++) {
			const struct heat_cell *cl = &g.rows[r].cells[j];
			jw_obj(&w);
			jw_kint(&w, "count", cl->count);
			jw_kint(&w, "weight", cl->weight);
			jw_kstr(&w, "max_criticality", cl->count ? criticality_name((enum criticality)cl->max_crit) : NULL);
			jw_kint(&w, "bucket", heat_bucket(heat_value(cl, weighted), g.max));
			jw_obj_end(&w);
		}
		jw_arr_end(&w);
		jw_obj_end(&w);
	}
	jw_arr_end(&w);
	jw_kint(&w, "total", g.total);
	jw_kint(&w, "max", g.max);
	jw_obj_end(&w);
	api_json_end(c, 200);
}

/* ---- JSON of decided rows ---- */

static void refs_json(struct jw *w, const char *key, const struct comp_ref *r, int n, bool unit, bool code)
{
	jw_key(w, key);
	jw_arr(w);
	for (int i = 0; i < n; i++) {
		jw_obj(w);
		jw_kint(w, "id", r[i].id);
		jw_kstr(w, code ? "title" : "name", r[i].name);
		if (code)
			jw_kstr(w, "code", r[i].code);
		if (unit) {
			jw_kid(w, "unit_id", r[i].unit_id);
			jw_kstr(w, "unit_name", r[i].unit_name);
		}
		jw_obj_end(w);
	}
	jw_arr_end(w);
}

static void need_json(struct jw *w, const struct decided_need *d)
{
	jw_obj(w);
	jw_kint(w, "id", d->id);
	jw_kint(w, "cycle_id", d->cycle_id);
	jw_kint(w, "position", d->position);
	jw_kstr(w, "title", d->title);
	jw_kstr(w, "description", d->description);
	jw_kstr(w, "scope", need_scope_name(d->scope));
	jw_kid(w, "unit_id", d->unit_id);
	jw_kstr(w, "unit_name", d->unit_name);
	jw_kid(w, "competence_id", d->competence_id);
	jw_kstr(w, "competence_name", d->competence_name);
	jw_kstr(w, "criticality", criticality_name(d->criticality));
	jw_kid(w, "required_level", d->required_level);
	jw_kstr(w, "horizon", horizon_name(d->horizon));
	jw_key(w, "people_affected");
	if (d->people_affected < 0)
		jw_null(w);
	else
		jw_int(w, d->people_affected);
	refs_json(w, "sources", d->sources, d->nsources, true, false);
	refs_json(w, "proposed_by", d->source_units, d->nsource_units, false, false);
	refs_json(w, "goals", d->goals, d->ngoals, false, true);
	jw_obj_end(w);
}

static void measure_json(struct jw *w, const struct decided_measure *d)
{
	jw_obj(w);
	jw_kint(w, "id", d->id);
	jw_kint(w, "cycle_id", d->cycle_id);
	jw_kint(w, "position", d->position);
	jw_kstr(w, "kind", measure_kind_name(d->kind));
	jw_kstr(w, "title", d->title);
	jw_kstr(w, "description", d->description);
	jw_kstr(w, "scope", measure_scope_name(d->scope));
	jw_kid(w, "unit_id", d->unit_id);
	jw_kstr(w, "unit_name", d->unit_name);
	jw_kstr(w, "owner", d->owner);
	jw_kstr(w, "deadline", d->deadline && *d->deadline ? d->deadline : NULL);
	jw_key(w, "budget");
	if (d->budget < 0)
		jw_null(w);
	else
		jw_int(w, d->budget);
	refs_json(w, "needs", d->needs, d->nneeds, false, false);
	refs_json(w, "sources", d->sources, d->nsources, true, false);
	jw_obj_end(w);
}

/* ---- one decided need or measure, whichever the route names ---- */

static const char *const ID_PARAM[] = { "need_id", "measure_id" };
static const char *const AUDIT_WHAT[] = { "decided_need", "decided_measure" };

static void decided_json(struct jw *w, const struct decided_row *d)
{
	if (d->measure)
		measure_json(w, &d->m);
	else
		need_json(w, &d->need);
}

/* The page asked for: ?limit= and ?cursor=, whose key is the last row's
 * position; false once a 400 problem has been written. */
static bool read_decided_page(struct ctx *c, struct api_page *pg, int64_t *after_pos)
{
	*after_pos = 0;
	if (!api_read_page(c, pg))
		return false;
	if (pg->key && !api_parse_id(pg->key, after_pos)) {
		api_problem(c, 400, "invalid cursor");
		return false;
	}
	return true;
}

static void list_decided(struct ctx *c, bool measure)
{
	struct api_page pg;
	int64_t after_pos, cycle_id;
	if (!read_decided_page(c, &pg, &after_pos))
		return;
	enum decision_status ds;
	struct decided_need *dn = NULL;
	struct decided_measure *dm = NULL;
	int n = 0;
	enum err e = load_cycle(c, &cycle_id, &ds);
	/* one more than asked: whether a next page exists */
	if (!e && measure)
		e = store_decided_measures_page(c->db, c->a, cycle_id, after_pos, pg.id, pg.limit + 1, &dm, &n);
	else if (!e)
		e = store_decided_needs_page(c->db, c->a, cycle_id, after_pos, pg.id, pg.limit + 1, &dn, &n);
	if (e) {
		api_problem_err(c, e);
		return;
	}
	bool more = n > pg.limit;
	if (more)
		n = pg.limit;
	struct jw w;
	api_list_begin(c, &w);
	for (int i = 0; i < n; i++) {
		if (measure)
			measure_json(&w, &dm[i]);
		else
			need_json(&w, &dn[i]);
	}
	int last_pos = !more ? 0 : measure ? dm[n - 1].position : dn[n - 1].position;
	int64_t last_id = !more ? 0 : measure ? dm[n - 1].id : dn[n - 1].id;
	api_list_end(c, &w, more ? arena_printf(c->a, "%d", last_pos) : NULL, last_id);
}

void api_comp_needs_list(struct ctx *c) { list_decided(c, false); }
void api_comp_measures_list(struct ctx *c) { list_decided(c, true); }

static void write_decided(struct ctx *c, bool measure, int64_t cycle_id, int64_t id, int status)
{
	struct decided_row d = { .measure = measure };
	enum err e = store_decided_get(c->db, c->a, cycle_id, id, &d);
	if (e) {
		api_problem_err(c, e);
		return;
	}
	struct jw w;
	api_json_begin(c, &w);
	decided_json(&w, &d);
	if (status == 201)
		http_resp_header(c->w, "Location",
			    url_path(c->a, "/api/v1/cycles/%lld/%s/%lld", (long long)cycle_id,
				     measure ? "decided-measures" : "decided-needs", (long long)id));
	api_json_end(c, status);
}

static void get_decided(struct ctx *c, bool measure)
{
	int64_t cycle_id, id = ctx_param_id(c, ID_PARAM[measure]);
	enum decision_status ds;
	enum err e = load_cycle(c, &cycle_id, &ds);
	if (!e && !id)
		e = ERR_NOTFOUND;
	if (e)
		api_problem_err(c, e);
	else
		write_decided(c, measure, cycle_id, id, 200);
}

void api_comp_need_get(struct ctx *c) { get_decided(c, false); }
void api_comp_measure_get(struct ctx *c) { get_decided(c, true); }

/* ---- writes ---- */

static struct comp_ref *ids_refs(struct arena *a, const struct api_ids *ids, int *n)
{
	struct comp_ref *r = arena_alloc(a, sizeof *r * (size_t)(ids->n > 0 ? ids->n : 1));
	int k = 0;
	for (int i = 0; r && i < ids->n; i++) {
		bool dup = false;
		for (int j = 0; j < k; j++)
			dup = dup || r[j].id == ids->v[i];
		if (!dup)
			r[k++] = (struct comp_ref){ .id = ids->v[i] };
	}
	*n = k;
	return r;
}

/* A one-line or multi-line text member: trimmed copy; "" when null. */
static char *text_in(struct arena *a, char *s)
{
	char *d = arena_strdup(a, s ? s : "");
	return d ? str_trim(d) : (char *)"";
}

enum { OP_CREATE, OP_PATCH, OP_DELETE };

struct job {
	int64_t cycle_id, id;
	int op;
	struct decided_row in, before;
	struct field_errors fe;
};

static enum err do_job(struct ctx *c, void *arg)
{
	struct job *j = arg;
	bool measure = j->in.measure;
	enum decision_status ds;
	enum err e = store_decision_status(c->db, j->cycle_id, &ds);
	if (e)
		return e;
	if (!decision_editable(ds))
		return ERR_CONFLICT;
	if (j->id && (e = store_decided_get(c->db, c->a, j->cycle_id, j->id, &j->before)))
		return e;
	struct buf b;
	buf_init(&b, c->a, 0);
	if (j->op == OP_DELETE) {
		if ((e = store_decided_delete(c->db, measure, j->cycle_id, j->id)))
			return e;
		comp_audit_decided(&b, measure, &j->before, NULL);
		return b.err ? b.err : ctx_audit(c, AUDIT_WHAT[measure], j->id, "delete", buf_str(&b));
	}
	validate_decided(&j->in, &j->fe);
	if ((e = store_decided_refs(c->db, j->cycle_id, &j->in, &j->fe)))
		return e;
	if (j->fe.n)
		return ERR_INVALID;
	if (j->op == OP_CREATE) {
		if ((e = store_decided_save(c->db, &j->in, c->user.id, c->now)))
			return e;
		j->id = decided_row_id(&j->in);
		comp_audit_decided(&b, measure, NULL, &j->in);
		return b.err ? b.err : ctx_audit(c, AUDIT_WHAT[measure], j->id, "create", buf_str(&b));
	}
	comp_audit_decided(&b, measure, &j->before, &j->in);
	if (b.err || audit_is_empty(&b))
		return b.err;
	if ((e = store_decided_save(c->db, &j->in, c->user.id, c->now)))
		return e;
	return ctx_audit(c, AUDIT_WHAT[measure], j->id, "update", buf_str(&b));
}

/* Reads the body over j->in (PATCH: over the stored need). */
static bool read_need(struct ctx *c, struct job *j)
{
	char *title = NULL, *desc = NULL, *crit = NULL, *horizon = NULL, *scope = NULL;
	int64_t competence = 0, level = 0, unit = 0, people = -1;
	struct api_ids goals = { 0 }, sources = { 0 };
	struct api_member m[] = {
		{ "title", API_STR, &title, false }, { "description", API_STR, &desc, false },
		{ "competence_id", API_ID, &competence, false }, { "criticality", API_STR, &crit, false },
		{ "required_level", API_ID, &level, false }, { "horizon", API_STR, &horizon, false },
		{ "people_affected", API_COUNT, &people, false }, { "scope", API_STR, &scope, false },
		{ "unit_id", API_ID, &unit, false }, { "goal_ids", API_IDS, &goals, false },
		{ "source_ids", API_IDS, &sources, false },
	};
	if (!api_read_body(c, m, (int)(sizeof m / sizeof m[0])))
		return false;
	struct decided_need *d = &j->in.need;
	bool create = j->op == OP_CREATE;
	if (create || m[0].present)
		d->title = text_in(c->a, title);
	if (create || m[1].present)
		d->description = text_in(c->a, desc);
	if (create || m[2].present)
		d->competence_id = competence;
	if (create || m[3].present) {
		if (!crit)
			field_error_add(&j->fe, "criticality", PROB_REQUIRED);
		else if (!criticality_parse(crit, &d->criticality))
			field_error_add(&j->fe, "criticality", PROB_BAD_CHOICE);
	}
	if (create || m[4].present) {
		if (level > 100)
			field_error_add(&j->fe, "required_level", PROB_BAD_CHOICE);
		else
			d->required_level = (int)level;
	}
	if (create || m[5].present) {
		if (!horizon)
			field_error_add(&j->fe, "horizon", PROB_REQUIRED);
		else if (!horizon_parse(horizon, &d->horizon))
			field_error_add(&j->fe, "horizon", PROB_BAD_CHOICE);
	}
	if (create || m[6].present)
		d->people_affected = people;
	if (create || m[7].present) {
		if (!scope)
			field_error_add(&j->fe, "scope", PROB_REQUIRED);
		else if (!need_scope_parse(scope, &d->scope))
			field_error_add(&j->fe, "scope", PROB_BAD_CHOICE);
	}
	if (create || m[8].present)
		d->unit_id = unit;
	if (d->scope != NEED_SCOPE_UNIT)
		d->unit_id = 0;
	if (create || m[9].present)
		d->goals = ids_refs(c->a, &goals, &d->ngoals);
	if (create || m[10].present)
		d->sources = ids_refs(c->a, &sources, &d->nsources);
	return true;
}

/* Reads the body over j->in (PATCH: over the stored measure). */
static bool read_measure(struct ctx *c, struct job *j)
{
	char *kind = NULL, *title = NULL, *desc = NULL, *scope = NULL, *owner = NULL, *deadline = NULL;
	int64_t unit = 0, budget = -1;
	struct api_ids needs = { 0 }, sources = { 0 };
	struct api_member m[] = {
		{ "kind", API_STR, &kind, false }, { "title", API_STR, &title, false },
		{ "description", API_STR, &desc, false }, { "scope", API_STR, &scope, false },
		{ "unit_id", API_ID, &unit, false }, { "owner", API_STR, &owner, false },
		{ "deadline", API_STR, &deadline, false }, { "budget", API_COUNT, &budget, false },
		{ "need_ids", API_IDS, &needs, false }, { "source_ids", API_IDS, &sources, false },
	};
	if (!api_read_body(c, m, (int)(sizeof m / sizeof m[0])))
		return false;
	struct decided_measure *d = &j->in.m;
	bool create = j->op == OP_CREATE;
	if (create || m[0].present) {
		if (!kind)
			field_error_add(&j->fe, "kind", PROB_REQUIRED);
		else if (!measure_kind_parse(kind, &d->kind))
			field_error_add(&j->fe, "kind", PROB_BAD_CHOICE);
	}
	if (create || m[1].present)
		d->title = text_in(c->a, title);
	if (create || m[2].present)
		d->description = text_in(c->a, desc);
	if (create || m[3].present) {
		if (!scope)
			field_error_add(&j->fe, "scope", PROB_REQUIRED);
		else if (!measure_scope_parse(scope, &d->scope))
			field_error_add(&j->fe, "scope", PROB_BAD_CHOICE);
	}
	if (create || m[4].present)
		d->unit_id = unit;
	if (d->scope != MEASURE_SCOPE_LOCAL)
		d->unit_id = 0;
	if (create || m[5].present)
		d->owner = text_in(c->a, owner);
	if (create || m[6].present) {
		/* ISO 8601 only in the API (contract.md); "" or null clears it */
		d->deadline = deadline ? text_in(c->a, deadline) : "";
		if (*d->deadline && !strategy_valid_date(d->deadline))
			field_error_add(&j->fe, "deadline", PROB_BAD_DATE);
	}
	if (create || m[7].present)
		d->budget = budget;
	if (create || m[8].present)
		d->needs = ids_refs(c->a, &needs, &d->nneeds);
	if (create || m[9].present)
		d->sources = ids_refs(c->a, &sources, &d->nsources);
	return true;
}

static void run_job(struct ctx *c, bool measure, int op)
{
	struct job j = { .op = op, .in.measure = measure, .before.measure = measure };
	enum decision_status ds;
	enum err e = load_cycle(c, &j.cycle_id, &ds);
	if (!e && op != OP_CREATE && !(j.id = ctx_param_id(c, ID_PARAM[measure])))
		e = ERR_NOTFOUND;
	if (!e && op == OP_PATCH)
		e = store_decided_get(c->db, c->a, j.cycle_id, j.id, &j.in);
	if (e) {
		api_problem_err(c, e);
		return;
	}
	if (op == OP_CREATE && measure)
		j.in.m = (struct decided_measure){ .cycle_id = j.cycle_id, .budget = -1, .deadline = "", .owner = "" };
	else if (op == OP_CREATE)
		j.in.need = (struct decided_need){ .cycle_id = j.cycle_id, .people_affected = -1 };
	if (op != OP_DELETE && !(measure ? read_measure(c, &j) : read_need(c, &j)))
		return;
	if (j.fe.n) {
		validate_decided(&j.in, &j.fe);   /* every field's problem at once */
		api_problem_fields(c, 422, &j.fe);
		return;
	}
	e = ctx_write(c, do_job, &j);
	if (e == ERR_INVALID && j.fe.n)
		api_problem_fields(c, 422, &j.fe);
	else if (e)
		fail(c, e);
	else if (op == OP_DELETE)
		no_content(c);
	else
		write_decided(c, measure, j.cycle_id, j.id, op == OP_CREATE ? 201 : 200);
}

void api_comp_need_create(struct ctx *c) { run_job(c, false, OP_CREATE); }
void api_comp_need_update(struct ctx *c) { run_job(c, false, OP_PATCH); }
void api_comp_need_delete(struct ctx *c) { run_job(c, false, OP_DELETE); }
void api_comp_measure_create(struct ctx *c) { run_job(c, true, OP_CREATE); }
void api_comp_measure_update(struct ctx *c) { run_job(c, true, OP_PATCH); }
void api_comp_measure_delete(struct ctx *c) { run_job(c, true, OP_DELETE); }
