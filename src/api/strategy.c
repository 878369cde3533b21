/* strategy.c (api) — the strategy of a cycle as JSON (the latest published
 * version, ?version=N, or ?draft=true for HR), PUT/PATCH of the draft's five
 * texts (a draft is started from the latest published version when there is
 * none), publishing, and the unit goals collection. The same rules as the
 * web pages: a closed cycle is read-only (409), unit goals are written by HR
 * or a leader of the unit (403 elsewhere) and link to a strategic goal of the
 * latest published version by its stable goal_id. Decimal numbers are
 * written as strings in plain form ("12.5") so no precision is lost. */
#include "api/api_strategy.h"

#include <string.h>
#include "base/buf.h"
#include "domain/audit.h"
#include "domain/strategy.h"
#include "store/strategy.h"

enum { AUDIT_MAX = 256 * 1024 };

static void write_decimal(struct ctx *c, struct jw *w, const char *key, bool has, int64_t v)
{
	jw_key(w, key);
	if (!has) {
		jw_null(w);
		return;
	}
	struct buf b;
	buf_init(&b, c->a, 64);
	strategy_format_decimal_plain(&b, v);
	jw_str(w, buf_str(&b));
}

static void write_doc(struct ctx *c, struct jw *w, const struct strategy_cycle *cy,
		      const struct strategy_doc *d)
{
	const struct strategy_version *v = &d->version;
	jw_obj(w);
	jw_kint(w, "cycle_id", cy->id);
	jw_kstr(w, "status", v->number ? "published" : "draft");
	jw_key(w, "version");
	if (v->number)
		jw_int(w, v->number);
	else
		jw_null(w);
	jw_key(w, "published_at");
	if (v->published_at)
		jw_str(w, arena_printf(c->a, "%lld", (long long)v->published_at));
	else
		jw_null(w);
	jw_kstr(w, "vision", v->vision);
	jw_kstr(w, "core_values", v->core_values);
	jw_kstr(w, "culture", v->culture);
	jw_kstr(w, "behaviour", v->behaviour);
	jw_kstr(w, "leadership", v->leadership);
	jw_key(w, "main_goals");
	jw_arr(w);
	for (int i = 0; i < d->nmain; i++) {
		const struct strategy_main_goal *mg = &d->main_goals[i];
		jw_obj(w);
		jw_kint(w, "id", mg->id);
		jw_kstr(w, "title", mg->title);
		jw_kstr(w, "description", mg->description);
		jw_key(w, "strategic_goals");
		jw_arr(w);
		for (int k = 0; k < d->ngoals; k++) {
			const struct strategy_goal *g = &d->goals[k];
			if (g->main_goal_id != mg->id)
				continue;
			jw_obj(w);
			jw_kint(w, "id", g->id);
			jw_kint(w, "goal_id", g->goal_id);
			jw_kstr(w, "code", g->code);
			jw_kstr(w, "title", g->title);
			jw_kstr(w, "description", g->description);
			jw_key(w, "indicators");
			jw_arr(w);
			for (int n = 0; n < d->nindicators; n++) {
				const struct strategy_indicator *ind = &d->indicators[n];
				if (ind->goal_row_id != g->id)
					continue;
				jw_obj(w);
				jw_kint(w, "id", ind->id);
				jw_kstr(w, "name", ind->name);
				jw_kstr(w, "unit_of_measure", ind->unit_of_measure);
				write_decimal(c, w, "baseline", ind->has_baseline, ind->baseline);
				write_decimal(c, w, "target", ind->has_target, ind->target);
				jw_key(w, "values");
				jw_arr(w);
				for (int q = 0; q < d->nvalues; q++) {
					const struct strategy_value *val = &d->values[q];
					if (val->indicator_id != ind->id)
						continue;
					jw_obj(w);
					jw_kstr(w, "date", val->measured_on);
					write_decimal(c, w, "value", true, val->value);
					jw_obj_end(w);
				}
				jw_arr_end(w);
				jw_obj_end(w);
			}
			jw_arr_end(w);
			jw_obj_end(w);
		}
		jw_arr_end(w);
		jw_obj_end(w);
	}
	jw_arr_end(w);
	jw_obj_end(w);
}

static void answer_doc(struct ctx *c, int status, const struct strategy_cycle *cy,
		       const struct strategy_version *v)
{
	struct strategy_doc doc;
	enum err e = store_strategy_load(c->db, c->a, v, &doc);
	if (e) {
		api_problem_err(c, e);
		return;
	}
	struct jw w;
	api_json_begin(c, &w);
	write_doc(c, &w, cy, &doc);
	api_json_end(c, status);
}

void api_strategy_get(struct ctx *c)
{
	int64_t id = ctx_param_id(c, "id"), number = 0;
	bool draft;
	struct strategy_cycle cy;
	if (!api_query_bool(c, "draft", false, &draft) || !api_query_id(c, "version", &number))
		return;
	if (draft && number) {
		api_problem(c, 400, "Give either version or draft, not both.");
		return;
	}
	if (draft && !access_can(&c->actor, ACT_STRATEGY_EDIT, 0)) {
		api_problem(c, 403, "Only HR may read the draft.");
		return;
	}
	enum err e = id ? store_strategy_cycle(c->db, c->a, id, &cy) : ERR_NOTFOUND;
	struct strategy_version v;
	if (!e)
		e = draft ? store_strategy_draft(c->db, c->a, id, &v)
			  : number > 0 && number < 1000000 ? store_strategy_published(c->db, c->a, id, (int)number, &v)
			  : number ? ERR_NOTFOUND : store_strategy_published(c->db, c->a, id, 0, &v);
	if (e) {
		api_problem_err(c, e);
		return;
	}
	answer_doc(c, 200, &cy, &v);
}

enum { T_VISION, T_VALUES, T_CULTURE, T_BEHAVIOUR, T_LEADERSHIP, T_COUNT };

struct texts_job {
	int64_t cycle_id;
	bool put;
	struct strategy_version in;
	struct api_member m[T_COUNT];
	struct field_errors fe;
	bool closed;
	struct strategy_cycle cy;
	struct strategy_version out;
};

static enum err texts_write(struct ctx *c, void *arg)
{
	struct texts_job *j = arg;
	j->fe.n = 0;
	enum err e = store_strategy_cycle(c->db, c->a, j->cycle_id, &j->cy);
	if (e)
		return e;
	if ((j->closed = strategy_cycle_closed(j->cy.status)))
		return ERR_CONFLICT;
	struct strategy_version before, after;
	bool created;
	if ((e = store_strategy_ensure_draft(c->db, c->a, j->cycle_id, c->now, &before, &created)))
		return e;
	if (created && (e = ctx_audit(c, "strategy_version", before.id, "create", "{}")))
		return e;
	after = before;
	char **dst[T_COUNT] = { &after.vision, &after.core_values, &after.culture, &after.behaviour,
				&after.leadership };
	for (int i = 0; i < T_COUNT; i++)
		if (j->m[i].present || j->put) {
			char *s = *(char **)j->m[i].out;
			*dst[i] = s ? s : "";
		}
	validate_strategy_texts(&after, &j->fe);
	if (j->fe.n)
		return ERR_INVALID;
	struct buf b;
	buf_init(&b, c->a, AUDIT_MAX);
	strategy_audit_texts(&b, &before, &after);
	if (!audit_is_empty(&b)) {
		if ((e = store_strategy_texts_update(c->db, &after, c->now)) ||
		    (e = ctx_audit(c, "strategy_version", after.id, "update", buf_str(&b))))
			return e;
	}
	if (b.err)
		return b.err;
	j->out = after;
	return OK;
}

static void texts(struct ctx *c, bool put)
{
	struct texts_job j = { .cycle_id = ctx_param_id(c, "id"), .put = put };
	j.m[T_VISION] = (struct api_member){ "vision", API_STR, &j.in.vision, false };
	j.m[T_VALUES] = (struct api_member){ "core_values", API_STR, &j.in.core_values, false };
	j.m[T_CULTURE] = (struct api_member){ "culture", API_STR, &j.in.culture, false };
	j.m[T_BEHAVIOUR] = (struct api_member){ "behaviour", API_STR, &j.in.behaviour, false };
	j.m[T_LEADERSHIP] = (struct api_member){ "leadership", API_STR, &j.in.leadership, false };
	if (!j.cycle_id) {
		api_problem_err(c, ERR_NOTFOUND);
		return;
	}
	if (!api_read_body(c, j.m, T_COUNT))
		return;
	enum err e = ctx_write(c, texts_write, &j);
	if (e == ERR_INVALID && j.fe.n)
		api_problem_fields(c, 422, &j.fe);
	else if (e == ERR_CONFLICT && j.closed)
		api_problem(c, 409, "The cycle is closed; its strategy is read-only.");
	else if (e)
		api_problem_err(c, e);
	else
		answer_doc(c, 200, &j.cy, &j.out);
}

void api_strategy_put(struct ctx *c)
{
	texts(c, true);
}

void api_strategy_patch(struct ctx *c)
{
	texts(c, false);
}

struct publish_job {
	int64_t cycle_id;
	bool closed;
	struct strategy_cycle cy;
	struct strategy_version v;
};

static enum err publish_write(struct ctx *c, void *arg)
{
	struct publish_job *j = arg;
	enum err e = store_strategy_cycle(c->db, c->a, j->cycle_id, &j->cy);
	if (e)
		return e;
	if ((j->closed = strategy_cycle_closed(j->cy.status)))
		return ERR_CONFLICT;
	if ((e = store_strategy_publish(c->db, c->a, j->cycle_id, c->user.id, c->now, &j->v)))
		return e;
	return ctx_audit(c, "strategy_version", j->v.id, "publish",
			 arena_printf(c->a, "{\"number\":[null,%d]}", j->v.number));
}

void api_strategy_publish(struct ctx *c)
{
	struct publish_job j = { .cycle_id = ctx_param_id(c, "id") };
	enum err e = j.cycle_id ? ctx_write(c, publish_write, &j) : ERR_NOTFOUND;
	if (e == ERR_CONFLICT && j.closed) {
		api_problem(c, 409, "The cycle is closed; its strategy is read-only.");
	} else if (e == ERR_NOTFOUND && j.cy.id) {
		api_problem(c, 409, "There is no draft to publish.");
	} else if (e) {
		api_problem_err(c, e);
	} else {
		http_resp_header(c->w, "Location", arena_printf(c->a, "/api/v1/cycles/%lld/strategy?version=%d",
								(long long)j.cycle_id, j.v.number));
		answer_doc(c, 201, &j.cy, &j.v);
	}
}

/* ---- unit goals ---- */

static void write_unit_goal(struct jw *w, const struct unit_goal *g)
{
	jw_obj(w);
	jw_kint(w, "id", g->id);
	jw_kint(w, "cycle_id", g->cycle_id);
	jw_kint(w, "unit_id", g->unit_id);
	jw_kint(w, "goal_id", g->goal_id);
	jw_kstr(w, "goal_code", g->goal_code);
	jw_kstr(w, "title", g->title);
	jw_kstr(w, "contribution", g->contribution);
	jw_obj_end(w);
}

void api_unit_goals_list(struct ctx *c)
{
	struct api_page pg;
	struct unit_goal_query q = { 0 };
	if (!api_read_page(c, &pg) || !api_query_id(c, "cycle", &q.cycle_id) ||
	    !api_query_id(c, "unit", &q.unit_id))
		return;
	q.after_id = pg.id;
	q.limit = pg.limit;
	struct unit_goal *goals = NULL;
	int n = 0;
	enum err e = store_unit_goals_list(c->db, c->a, &q, &goals, &n);
	if (e) {
		api_problem_err(c, e);
		return;
	}
	struct jw w;
	api_json_begin(c, &w);
	jw_obj(&w);
	jw_key(&w, "items");
	jw_arr(&w);
	for (int i = 0; i < n; i++)
		write_unit_goal(&w, &goals[i]);
	jw_arr_end(&w);
	jw_key(&w, "next");
	if (n == pg.limit)
		jw_str(&w, api_cursor_encode(c->a, "id", goals[n - 1].id));
	else
		jw_null(&w);
	jw_obj_end(&w);
	api_json_end(c, 200);
}

void api_unit_goal_get(struct ctx *c)
{
	int64_t id = ctx_param_id(c, "id");
	struct unit_goal g;
	enum err e = id ? store_unit_goal_get(c->db, c->a, id, &g) : ERR_NOTFOUND;
	if (e) {
		api_problem_err(c, e);
		return;
	}
	struct jw w;
	api_json_begin(c, &w);
	write_unit_goal(&w, &g);
	api_json_end(c, 200);
}

enum { G_ID, G_CYCLE, G_UNIT, G_GOAL, G_TITLE, G_CONTRIBUTION, G_COUNT };

struct goal_job {
	int64_t id;                  /* 0: create */
	bool del;
	int64_t body_id;
	struct unit_goal in;
	struct api_member m[G_COUNT];
	struct field_errors fe;
	bool closed;
	struct unit_goal out;
};

static void goal_job_init(struct goal_job *j, int64_t id)
{
	memset(j, 0, sizeof *j);
	j->id = id;
	j->m[G_ID] = (struct api_member){ "id", API_ID, &j->body_id, false };
	j->m[G_CYCLE] = (struct api_member){ "cycle_id", API_ID, &j->in.cycle_id, false };
	j->m[G_UNIT] = (struct api_member){ "unit_id", API_ID, &j->in.unit_id, false };
	j->m[G_GOAL] = (struct api_member){ "goal_id", API_ID, &j->in.goal_id, false };
	j->m[G_TITLE] = (struct api_member){ "title", API_STR, &j->in.title, false };
	j->m[G_CONTRIBUTION] = (struct api_member){ "contribution", API_STR, &j->in.contribution, false };
}

static enum err goal_write(struct ctx *c, void *arg)
{
	struct goal_job *j = arg;
	struct unit_goal before = { 0 }, after;
	enum err e;
	j->fe.n = 0;
	if (j->id) {
		if ((e = store_unit_goal_get(c->db, c->a, j->id, &before)))
			return e;
		if (!access_can(&c->actor, ACT_GOALS_EDIT, before.unit_id))
			return ERR_FORBIDDEN;
	}
	after = before;
	if (!j->del) {
		if (j->m[G_ID].present && (!j->id || j->body_id != j->id))
			field_error_add(&j->fe, "id", PROB_NOT_ALLOWED);
		if (j->id && j->m[G_CYCLE].present && j->in.cycle_id != before.cycle_id)
			field_error_add(&j->fe, "cycle_id", PROB_NOT_ALLOWED);
		if (j->id && j->m[G_UNIT].present && j->in.unit_id != before.unit_id)
			field_error_add(&j->fe, "unit_id", PROB_NOT_ALLOWED);
		if (!j->id) {
			after.cycle_id = j->in.cycle_id;
			after.unit_id = j->in.unit_id;
		}
		if (j->m[G_GOAL].present)
			after.goal_id = j->in.goal_id;
		if (j->m[G_TITLE].present)
			after.title = j->in.title;
		if (j->m[G_CONTRIBUTION].present || !j->id)
			after.contribution = j->in.contribution ? j->in.contribution : "";
		if (!j->id && !after.cycle_id)
			field_error_add(&j->fe, "cycle_id", PROB_REQUIRED);
		validate_unit_goal(&after, &j->fe);
	}
	struct strategy_cycle cy;
	struct unit u;
	if (after.cycle_id && !field_errors_has(&j->fe, "cycle_id")) {
		e = store_strategy_cycle(c->db, c->a, after.cycle_id, &cy);
		if (e == ERR_NOTFOUND)
			field_error_add(&j->fe, "cycle_id", PROB_UNKNOWN_REF);
		else if (e)
			return e;
		else if ((j->closed = strategy_cycle_closed(cy.status)))
			return ERR_CONFLICT;
	}
	if (!j->id && after.unit_id && !field_errors_has(&j->fe, "unit_id")) {
		e = store_unit_get(c->db, c->a, after.unit_id, &u);
		if (e == ERR_NOTFOUND)
			field_error_add(&j->fe, "unit_id", PROB_UNKNOWN_REF);
		else if (e)
			return e;
	}
	if (!j->del && after.goal_id && after.cycle_id && !field_errors_has(&j->fe, "goal_id") &&
	    !field_errors_has(&j->fe, "cycle_id")) {
		struct strategy_version v;
		struct strategy_goal sg;
		e = store_strategy_published(c->db, c->a, after.cycle_id, 0, &v);
		if (!e)
			e = store_strategy_goal_in_version(c->db, c->a, v.id, after.goal_id, &sg);
		if (e == ERR_NOTFOUND)
			field_error_add(&j->fe, "goal_id", PROB_UNKNOWN_REF);
		else if (e)
			return e;
	}
	if (j->fe.n)
		return ERR_INVALID;
	if (!access_can(&c->actor, ACT_GOALS_EDIT, after.unit_id))
		return ERR_FORBIDDEN;
	struct buf b;
	buf_init(&b, c->a, AUDIT_MAX);
	if (j->del) {
		strategy_audit_unit_goal(&b, &before, NULL);
		if ((e = store_unit_goal_delete(c->db, j->id)))
			return e;
		return b.err ? b.err : ctx_audit(c, "unit_goal", j->id, "delete", buf_str(&b));
	}
	struct unit_goal other;
	e = store_unit_goal_by_key(c->db, c->a, after.cycle_id, after.unit_id, after.title, &other);
	if (e == OK && other.id != j->id) {
		field_error_add(&j->fe, "title", PROB_TAKEN);
		return ERR_CONFLICT;
	}
	if (e && e != ERR_NOTFOUND)
		return e;
	strategy_audit_unit_goal(&b, j->id ? &before : NULL, &after);
	if (b.err)
		return b.err;
	if (!j->id || !audit_is_empty(&b)) {
		e = j->id ? store_unit_goal_update(c->db, c->now, &after)
			  : store_unit_goal_insert(c->db, c->now, &after);
		if (!e)
			e = ctx_audit(c, "unit_goal", after.id, j->id ? "update" : "create", buf_str(&b));
		if (e)
			return e;
	}
	return store_unit_goal_get(c->db, c->a, after.id, &j->out);
}

static void goal_run(struct ctx *c, struct goal_job *j, int status)
{
	enum err e = ctx_write(c, goal_write, j);
	if (e == ERR_INVALID && j->fe.n)
		api_problem_fields(c, 422, &j->fe);
	else if (e == ERR_CONFLICT && j->fe.n)
		api_problem_fields(c, 409, &j->fe);
	else if (e == ERR_CONFLICT && j->closed)
		api_problem(c, 409, "The cycle is closed; its unit goals are read-only.");
	else if (e == ERR_FORBIDDEN)
		api_problem(c, 403, "Leaders may change only the goals of the units they lead.");
	else if (e)
		api_problem_err(c, e);
	else if (j->del) {
		c->w->status = 204;
	} else {
		if (status == 201)
			http_resp_header(c->w, "Location",
					 arena_printf(c->a, "/api/v1/unit-goals/%lld", (long long)j->out.id));
		struct jw w;
		api_json_begin(c, &w);
		write_unit_goal(&w, &j->out);
		api_json_end(c, status);
	}
}

void api_unit_goal_create(struct ctx *c)
{
	struct goal_job j;
	goal_job_init(&j, 0);
	if (api_read_body(c, j.m, G_COUNT))
		goal_run(c, &j, 201);
}

void api_unit_goal_update(struct ctx *c)
{
	struct goal_job j;
	goal_job_init(&j, ctx_param_id(c, "id"));
	if (!j.id)
		api_problem_err(c, ERR_NOTFOUND);
	else if (api_read_body(c, j.m, G_COUNT))
		goal_run(c, &j, 200);
}

void api_unit_goal_delete(struct ctx *c)
{
	struct goal_job j;
	goal_job_init(&j, ctx_param_id(c, "id"));
	j.del = true;
	if (!j.id)
		api_problem_err(c, ERR_NOTFOUND);
	else
		goal_run(c, &j, 204);
}
