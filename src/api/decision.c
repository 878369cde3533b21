/* decision.c (api) — the decision under /api/v1/cycles/{id}: its state
 * (GET decision) and the four actions (POST decision/send, approve, return,
 * publish: the same domain checks, transaction and audit rows as the web,
 * 409 with a detail when the state forbids it, 422 with errors[] for a
 * missing or bad comment); the consultations with the union
 * representatives (list, create, read, change, delete; files are listed,
 * uploaded through the web form); and the published competence strategy
 * (latest, the versions, one version, the differences of two). The shapes
 * are in docs/api.md. */
#include "api/api_decision.h"

#include <string.h>
#include <time.h>

#include "base/utf8.h"
#include "domain/decision.h"
#include "domain/strategy.h"
#include "store/cycles.h"
#include "store/decision.h"
#include "store/phase2.h"
#include "web/decision_ops.h"

/* An epoch time as RFC 3339 UTC, in a; NULL for 0. */
/* ---- the decision ---- */

static void write_decision(struct ctx *c, struct jw *w, const struct decision *d,
			   const struct decision_counts *k, const struct decided_version *vs, int nvs)
{
	jw_obj(w);
	jw_kint(w, "cycle_id", d->cycle_id);
	jw_kstr(w, "status", decision_status_name(d->status));
	jw_ktime(w, "sent_for_approval_at", d->sent_at);
	jw_kid(w, "sent_for_approval_by", d->sent_by);
	jw_ktime(w, "approved_at", d->approved_at);
	jw_kid(w, "approved_by", d->approved_by);
	jw_kstr(w, "approval_comment", d->approval_comment);
	jw_ktime(w, "returned_at", d->returned_at);
	jw_kid(w, "returned_by", d->returned_by);
	jw_kstr(w, "return_comment", d->return_comment);
	jw_kint(w, "decided_needs", k->decided_needs);
	jw_kint(w, "decided_measures", k->decided_measures);
	jw_kint(w, "consultations", k->consultations);
	struct decision_facts f = { .status = d->status, .decided_needs = k->decided_needs,
				    .consultations = k->consultations };
	jw_key(w, "allowed");
	jw_obj(w);
	for (int op = 0; op < DEC_OP_COUNT; op++)
		jw_kbool(w, decision_op_name(op), decision_check(&c->actor, op, &f, "-") == DEC_ALLOWED);
	jw_obj_end(w);
	jw_key(w, "versions");
	jw_arr(w);
	for (int i = 0; i < nvs; i++) {
		jw_obj(w);
		jw_kint(w, "number", vs[i].number);
		jw_ktime(w, "published_at", vs[i].published_at);
		jw_obj_end(w);
	}
	jw_arr_end(w);
	jw_obj_end(w);
}

static void answer_decision(struct ctx *c, int64_t cycle_id, int status)
{
	struct decision d;
	struct decision_counts k;
	struct decided_version *vs = NULL;
	int nvs = 0;
	enum err e = store_decision_get(c->db, c->a, cycle_id, &d);
	if (!e)
		e = store_decision_counts(c->db, cycle_id, &k);
	if (!e)
		e = store_decided_versions(c->db, c->a, cycle_id, &vs, &nvs);
	if (e) {
		api_problem_err(c, e);
		return;
	}
	struct jw w;
	api_json_begin(c, &w);
	write_decision(c, &w, &d, &k, vs, nvs);
	api_json_end(c, status);
}

void api_decision_get(struct ctx *c)
{
	struct cycle cy;
	enum err e = dec_load_cycle(c, &cy);
	if (e)
		api_problem_err(c, e);
	else
		answer_decision(c, cy.id, 200);
}

static const char *refusal_detail(enum decision_refusal r, enum decision_op op)
{
	switch (r) {
	case DEC_REFUSED_NO_NEEDS: return "no decided need yet: compile the units' proposals first";
	case DEC_REFUSED_NO_CONSULTATION: return "no consultation with the union representatives recorded";
	case DEC_REFUSED_ROLE: return "your role cannot do this";
	case DEC_REFUSED_COMMENT: return "a reason is required";
	case DEC_REFUSED_STATE:
	case DEC_ALLOWED:
		break;
	}
	switch (op) {
	case DEC_OP_SEND: return "the decision is not being compiled: it awaits approval or is approved";
	case DEC_OP_PUBLISH: return "only an approved decision can be published";
	case DEC_OP_APPROVE:
	case DEC_OP_RETURN:
	case DEC_OP_COUNT:
		break;
	}
	return "nothing awaits approval";
}

static void transition(struct ctx *c, enum decision_op op)
{
	struct dec_transition j = { .op = op };
	struct cycle cy;
	enum err e = dec_load_cycle(c, &cy);
	if (e) {
		api_problem_err(c, e);
		return;
	}
	j.cycle_id = cy.id;
	if (op != DEC_OP_SEND && c->req->body_len > 0) {
		char *comment = NULL;
		struct api_member m[] = { { dec_comment_field(op), API_STR, &comment, false } };
		if (!api_read_body(c, m, 1))
			return;
		j.comment = comment ? str_trim(comment) : NULL;
	}
	e = ctx_write(c, dec_transition_write, &j);
	if (e == ERR_INVALID && j.fe.n) {
		api_problem_fields(c, 422, &j.fe);
	} else if (e == ERR_CONFLICT) {
		api_problem(c, 409, refusal_detail(j.refusal, op));
	} else if (e) {
		api_problem_err(c, e);
	} else {
		answer_decision(c, cy.id, 200);
	}
}

void api_decision_send(struct ctx *c) { transition(c, DEC_OP_SEND); }
void api_decision_approve(struct ctx *c) { transition(c, DEC_OP_APPROVE); }
void api_decision_return(struct ctx *c) { transition(c, DEC_OP_RETURN); }
void api_decision_publish(struct ctx *c) { transition(c, DEC_OP_PUBLISH); }

/* ---- consultations ---- */

/* A newline list as a JSON array. */
static void lines(struct ctx *c, struct jw *w, const char *key, const char *s)
{
	jw_key(w, key);
	jw_arr(w);
	for (const char *p = s; p && *p;) {
		const char *end = strchr(p, '\n');
		size_t n = end ? (size_t)(end - p) : strlen(p);
		jw_str(w, arena_strndup(c->a, p, n));
		p += n;
		if (*p == '\n')
			p++;
	}
	jw_arr_end(w);
}

static void write_consultation(struct ctx *c, struct jw *w, const struct consultation *k,
			       const struct consultation_file *fs, int nfs)
{
	jw_obj(w);
	jw_kint(w, "id", k->id);
	jw_kint(w, "cycle_id", k->cycle_id);
	jw_kstr(w, "held_on", k->held_on);
	lines(c, w, "participants", k->participants);
	jw_kstr(w, "minutes", k->minutes);
	jw_ktime(w, "updated_at", k->updated_at);
	jw_kid(w, "updated_by", k->updated_by);
	if (fs) {
		jw_key(w, "files");
		jw_arr(w);
		for (int i = 0; i < nfs; i++) {
			jw_obj(w);
			jw_kint(w, "id", fs[i].id);
			jw_kstr(w, "file_name", fs[i].file_name);
			jw_kstr(w, "file_type", doc_file_type_name(fs[i].file_type));
			jw_kint(w, "file_size", fs[i].file_size);
			jw_kstr(w, "file_sha256", fs[i].file_sha256);
			jw_kstr(w, "download", arena_printf(c->a, "/cycles/%lld/consultations/%lld/files/%lld",
							    (long long)k->cycle_id, (long long)k->id,
							    (long long)fs[i].id));
			jw_obj_end(w);
		}
		jw_arr_end(w);
	} else {
		jw_kint(w, "file_count", k->files);
	}
	jw_obj_end(w);
}

void api_consultations_list(struct ctx *c)
{
	struct api_page pg;
	if (!api_read_page(c, &pg))
		return;
	if (pg.key && !strategy_valid_date(pg.key)) {
		api_problem(c, 400, "invalid cursor");
		return;
	}
	struct cycle cy;
	enum err e = dec_load_cycle(c, &cy);
	struct consultation *v = NULL;
	int n = 0;
	/* one more than asked: whether a next page exists */
	if (!e)
		e = store_consultations(c->db, c->a, cy.id, pg.key ? pg.key : "", pg.id, pg.limit + 1, &v, &n);
	if (e) {
		api_problem_err(c, e);
		return;
	}
	bool more = n > pg.limit;
	if (more)
		n = pg.limit;
	struct jw w;
	api_list_begin(c, &w);
	for (int i = 0; i < n; i++)
		write_consultation(c, &w, &v[i], NULL, 0);
	api_list_end(c, &w, more ? v[n - 1].held_on : NULL, more ? v[n - 1].id : 0);
}

static void answer_consultation(struct ctx *c, int64_t id, int status)
{
	struct consultation k;
	struct consultation_file *fs = NULL;
	int nfs = 0;
	enum err e = store_consultation_get(c->db, c->a, id, &k);
	if (!e)
		e = store_consultation_files(c->db, c->a, id, &fs, &nfs);
	if (e) {
		api_problem_err(c, e);
		return;
	}
	struct jw w;
	api_json_begin(c, &w);
	write_consultation(c, &w, &k, fs, nfs);
	api_json_end(c, status);
}

void api_consultation_get(struct ctx *c)
{
	struct cycle cy;
	struct consultation k;
	enum err e = dec_load_consultation(c, &cy, &k);
	if (e)
		api_problem_err(c, e);
	else
		answer_consultation(c, k.id, 200);
}

static void consultation_write(struct ctx *c, bool create, bool remove)
{
	struct dec_consult_job j = { .remove = remove, .status = DECISION_COMPILING };
	struct cycle cy;
	struct consultation k;
	enum err e = create ? dec_load_cycle(c, &cy) : dec_load_consultation(c, &cy, &k);
	if (e) {
		api_problem_err(c, e);
		return;
	}
	j.cycle_id = cy.id;
	j.id = create ? 0 : k.id;
	if (!remove) {
		static const char *const names[DEC_K_COUNT] = { "held_on", "participants", "minutes" };
		char *in[DEC_K_COUNT] = { 0 };
		struct api_member m[DEC_K_COUNT];
		for (int i = 0; i < DEC_K_COUNT; i++)
			m[i] = (struct api_member){ names[i], API_STR, &in[i], false };
		if (!api_read_body(c, m, DEC_K_COUNT))
			return;
		/* PATCH keeps what is not given */
		for (int i = 0; i < DEC_K_COUNT; i++) {
			j.in[i] = in[i];
			j.keep[i] = !m[i].present;
		}
	}
	e = ctx_write(c, dec_consult_write, &j);
	if (e == ERR_INVALID && j.fe.n) {
		api_problem_fields(c, 422, &j.fe);
	} else if (e == ERR_CONFLICT && j.status != DECISION_COMPILING) {
		api_problem(c, 409, "the decision awaits approval or is approved: consultations take no changes");
	} else if (e) {
		api_problem_err(c, e);
	} else if (remove) {
		c->w->status = 204;
		buf_reset(&c->w->body);
	} else {
		if (create)
			http_resp_header(c->w, "Location",
					 arena_printf(c->a, "/api/v1/cycles/%lld/consultations/%lld",
						      (long long)cy.id, (long long)j.id));
		answer_consultation(c, j.id, create ? 201 : 200);
	}
}

void api_consultation_create(struct ctx *c) { consultation_write(c, true, false); }
void api_consultation_update(struct ctx *c) { consultation_write(c, false, false); }
void api_consultation_delete(struct ctx *c) { consultation_write(c, false, true); }

/* ---- the published strategy ---- */

static void opt_int(struct jw *w, const char *key, int64_t v, int64_t none_below)
{
	jw_key(w, key);
	if (v < none_below)
		jw_null(w);
	else
		jw_int(w, v);
}

static void write_need(struct ctx *c, struct jw *w, const struct dv_need *n)
{
	jw_obj(w);
	jw_kint(w, "need_key", n->key);
	jw_kint(w, "position", n->position);
	jw_kstr(w, "title", n->title);
	jw_kstr(w, "description", n->description);
	jw_kstr(w, "scope", need_scope_name(n->scope));
	jw_kstr(w, "unit", *n->unit_name ? n->unit_name : NULL);
	jw_kstr(w, "competence", *n->competence_name ? n->competence_name : NULL);
	jw_kstr(w, "criticality", criticality_name(n->criticality));
	opt_int(w, "required_level", n->required_level, 1);
	jw_kstr(w, "horizon", horizon_name(n->horizon));
	opt_int(w, "people_affected", n->people_affected, 0);
	lines(c, w, "proposed_by", n->proposed_by);
	lines(c, w, "goals", n->goals);
	jw_obj_end(w);
}

static void write_measure(struct ctx *c, struct jw *w, const struct dv_measure *m)
{
	jw_obj(w);
	jw_kint(w, "measure_key", m->key);
	jw_kint(w, "position", m->position);
	jw_kstr(w, "title", m->title);
	jw_kstr(w, "description", m->description);
	jw_kstr(w, "kind", measure_kind_name(m->kind));
	jw_kstr(w, "scope", measure_scope_name(m->scope));
	jw_kstr(w, "unit", *m->unit_name ? m->unit_name : NULL);
	jw_kstr(w, "owner", m->owner);
	jw_kstr(w, "deadline", *m->deadline ? m->deadline : NULL);
	opt_int(w, "budget", m->budget, 0);
	lines(c, w, "needs", m->needs);
	jw_obj_end(w);
}

static void write_version_head(struct jw *w, const struct decided_version *v)
{
	jw_kint(w, "cycle_id", v->cycle_id);
	jw_kint(w, "number", v->number);
	jw_kstr(w, "note", v->note);
	jw_ktime(w, "approved_at", v->approved_at);
	jw_kid(w, "approved_by", v->approved_by);
	jw_kstr(w, "approved_by_name", *v->approved_by_name ? v->approved_by_name : NULL);
	jw_kstr(w, "approval_comment", v->approval_comment);
	jw_ktime(w, "published_at", v->published_at);
	jw_kid(w, "published_by", v->published_by);
	jw_kstr(w, "published_by_name", v->published_by_name);
}

static void answer_version(struct ctx *c, int64_t number)
{
	struct cycle cy;
	struct decided_version v;
	enum err e = dec_load_cycle(c, &cy);
	if (!e)
		e = store_decided_version_get(c->db, c->a, cy.id, number, &v);
	if (e == ERR_NOTFOUND && !number) {
		/* like the web page: not an error, the strategy is not out yet */
		struct jw w;
		api_json_begin(c, &w);
		jw_obj(&w);
		jw_kint(&w, "cycle_id", cy.id);
		jw_kbool(&w, "published", false);
		jw_key(&w, "number");
		jw_null(&w);
		jw_key(&w, "needs");
		jw_arr(&w);
		jw_arr_end(&w);
		jw_key(&w, "measures");
		jw_arr(&w);
		jw_arr_end(&w);
		jw_obj_end(&w);
		api_json_end(c, 200);
		return;
	}
	if (e) {
		api_problem_err(c, e);
		return;
	}
	struct jw w;
	api_json_begin(c, &w);
	jw_obj(&w);
	jw_kbool(&w, "published", true);
	write_version_head(&w, &v);
	jw_key(&w, "needs");
	jw_arr(&w);
	for (int i = 0; i < v.nneeds; i++)
		write_need(c, &w, &v.needs[i]);
	jw_arr_end(&w);
	jw_key(&w, "measures");
	jw_arr(&w);
	for (int i = 0; i < v.nmeasures; i++)
		write_measure(c, &w, &v.measures[i]);
	jw_arr_end(&w);
	jw_obj_end(&w);
	api_json_end(c, 200);
}

void api_competence_strategy(struct ctx *c)
{
	answer_version(c, 0);
}

void api_competence_strategy_version(struct ctx *c)
{
	int64_t n;
	if (!dv_number_parse(http_param(c->req, "n"), &n)) {
		api_problem(c, 404, "no such version");
		return;
	}
	answer_version(c, n);
}

void api_competence_strategy_versions(struct ctx *c)
{
	struct api_page pg;
	if (!api_read_page(c, &pg))
		return;
	int64_t below = 0;
	if (pg.key && !api_parse_id(pg.key, &below)) {
		api_problem(c, 400, "invalid cursor");
		return;
	}
	struct cycle cy;
	enum err e = dec_load_cycle(c, &cy);
	struct decided_version *vs = NULL;
	int n = 0;
	if (!e)
		e = store_decided_versions(c->db, c->a, cy.id, &vs, &n);
	if (e) {
		api_problem_err(c, e);
		return;
	}
	/* newest first; a cursor continues below the number it names */
	int start = 0;
	while (pg.key && start < n && vs[start].number >= below)
		start++;
	int end = n - start > pg.limit ? start + pg.limit : n;
	struct jw w;
	api_list_begin(c, &w);
	for (int i = start; i < end; i++) {
		jw_obj(&w);
		write_version_head(&w, &vs[i]);
		jw_kint(&w, "needs", vs[i].nneeds);
		jw_kint(&w, "measures", vs[i].nmeasures);
		jw_obj_end(&w);
	}
	api_list_end(c, &w, end < n ? arena_printf(c->a, "%lld", (long long)vs[end - 1].number) : NULL,
		     end < n ? vs[end - 1].id : 0);
}

static void write_field_change(struct jw *w, const struct dv_field_change *f)
{
	jw_obj(w);
	jw_kstr(w, "field", dv_field_name(f->field));
	jw_kstr(w, "before", *f->before ? f->before : NULL);
	jw_kstr(w, "after", *f->after ? f->after : NULL);
	jw_obj_end(w);
}

void api_competence_strategy_compare(struct ctx *c)
{
	const char *fs = ctx_query(c, "from"), *ts = ctx_query(c, "to");
	int64_t from = 0, to = 0;
	struct field_errors fe = { 0 };
	if (fs && !dv_number_parse(fs, &from))
		field_error_add(&fe, "from", PROB_BAD_NUMBER);
	if (ts && !dv_number_parse(ts, &to))
		field_error_add(&fe, "to", PROB_BAD_NUMBER);
	if (fe.n) {
		api_problem_fields(c, 400, &fe);
		return;
	}
	struct cycle cy;
	struct decided_version *vs = NULL;
	int nvs = 0;
	enum err e = dec_load_cycle(c, &cy);
	if (!e)
		e = store_decided_versions(c->db, c->a, cy.id, &vs, &nvs);
	if (e) {
		api_problem_err(c, e);
		return;
	}
	/* without a choice: the newest against the one before it */
	if (!to && nvs > 0)
		to = vs[0].number;
	if (!from && nvs > 1)
		from = to == vs[0].number ? vs[1].number : vs[0].number;
	if (!from || !to) {
		struct jw w;
		api_json_begin(c, &w);
		jw_obj(&w);
		jw_kint(&w, "cycle_id", cy.id);
		jw_kid(&w, "from", from);
		jw_kid(&w, "to", to);
		jw_key(&w, "changes");
		jw_arr(&w);
		jw_arr_end(&w);
		jw_obj_end(&w);
		api_json_end(c, 200);
		return;
	}
	struct decided_version vf, vt;
	e = store_decided_version_get(c->db, c->a, cy.id, from, &vf);
	if (!e)
		e = store_decided_version_get(c->db, c->a, cy.id, to, &vt);
	if (e) {
		api_problem_err(c, e);
		return;
	}
	struct dv_diff d;
	if (!dv_diff(c->a, &vf, &vt, &d)) {
		api_problem_err(c, ERR_TOO_BIG);
		return;
	}
	struct jw w;
	api_json_begin(c, &w);
	jw_obj(&w);
	jw_kint(&w, "cycle_id", cy.id);
	jw_kint(&w, "from", from);
	jw_kint(&w, "to", to);
	jw_key(&w, "changes");
	jw_arr(&w);
	for (int i = 0; i < d.n; i++) {
		const struct dv_item_diff *it = &d.items[i];
		jw_obj(&w);
		jw_kstr(&w, "item", it->measure ? "measure" : "need");
		jw_kint(&w, it->measure ? "measure_key" : "need_key", it->key);
		jw_kstr(&w, "change", dv_change_name(it->change));
		jw_kstr(&w, "title", it->title);
		if (it->change == DV_CHANGED) {
			jw_key(&w, "fields");
			jw_arr(&w);
			for (int k = 0; k < it->nfields; k++)
				write_field_change(&w, &it->fields[k]);
			jw_arr_end(&w);
		} else if (it->measure) {
			jw_key(&w, it->change == DV_ADDED ? "after" : "before");
			write_measure(c, &w, it->change == DV_ADDED ? it->measure_after : it->measure_before);
		} else {
			jw_key(&w, it->change == DV_ADDED ? "after" : "before");
			write_need(c, &w, it->change == DV_ADDED ? it->need_after : it->need_before);
		}
		jw_obj_end(&w);
	}
	jw_arr_end(&w);
	jw_obj_end(&w);
	api_json_end(c, 200);
}
