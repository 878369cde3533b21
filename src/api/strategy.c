/* strategy.c (api) — the strategy of a cycle as JSON (the latest published
 * version, ?version=N, or ?draft=true for HR), PUT/PATCH of the draft's five
 * texts (a draft is started from the latest published version when there is
 * none), publishing, the strategy items (main goals, strategic goals,
 * indicators, indicator values: read one, add to the draft, change, delete;
 * a goal unit goals link to cannot be deleted, 409), and the unit goals
 * collection. The same rules as the web pages: a closed cycle is read-only
 * and a published version never changes (409), unit goals are written by HR
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
					jw_kint(w, "id", val->id);
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
	api_list_begin(c, &w);
	for (int i = 0; i < n; i++)
		write_unit_goal(&w, &goals[i]);
	api_list_end(c, &w, n == pg.limit ? "id" : NULL, n ? goals[n - 1].id : 0);
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

/* ---- strategy items: main goals, strategic goals, indicators, values ----
 * The same job as the web's (web/page_strategy.c): in one write transaction
 * find the item's version and cycle (a new main goal goes into the draft,
 * started when missing), refuse a closed cycle or a published version (409),
 * validate, check what needs the database, write and audit. */

/* the store's item kinds, by shorter names */
enum item_kind {
	K_MAIN = STRATEGY_ITEM_MAIN_GOAL,
	K_GOAL = STRATEGY_ITEM_GOAL,
	K_IND = STRATEGY_ITEM_INDICATOR,
	K_VALUE = STRATEGY_ITEM_VALUE
};


static const char *const item_paths[] = {
	[K_MAIN] = "main-goals", [K_GOAL] = "goals", [K_IND] = "indicators", [K_VALUE] = "indicator-values",
};

enum { ITEM_MEMBERS_MAX = 4 };

/* What a body may say, by kind: K_MAIN title, description; K_GOAL
 * main_goal_id, code, title, description; K_IND name, unit_of_measure,
 * baseline, target; K_VALUE date, value. */
struct item_body {
	char *title, *description, *code, *name, *unit_of_measure, *baseline, *target, *date, *value;
	int64_t main_goal_id;
};

struct item_job {
	enum item_kind kind;
	int64_t given;               /* the item of the path; 0: new */
	int64_t parent;              /* new: cycle, main goal, goal row or indicator of the path */
	int64_t id;                  /* the item once located or written */
	bool del;
	struct item_body in;
	struct api_member m[ITEM_MEMBERS_MAX];
	int nm;
	/* as stored, then as it will be stored */
	struct strategy_main_goal mg;
	struct strategy_goal g;
	struct strategy_indicator ind;
	struct strategy_value val;
	struct field_errors fe;
	int status;                  /* 409 or 422 when fe holds the problems */
	struct strategy_cycle cy;
	struct strategy_version v;
	enum strategy_block block;
	int64_t links;
	struct strategy_goal parent_goal;        /* K_IND, K_VALUE */
	struct strategy_indicator parent_ind;    /* K_VALUE */
};

static void item_job_init(struct item_job *j, enum item_kind kind)
{
	memset(j, 0, sizeof *j);
	j->kind = kind;
	struct item_body *in = &j->in;
	struct api_member *m = j->m;
	switch (kind) {
	case K_MAIN:
		m[0] = (struct api_member){ "title", API_STR, &in->title, false };
		m[1] = (struct api_member){ "description", API_STR, &in->description, false };
		j->nm = 2;
		break;
	case K_GOAL:
		m[0] = (struct api_member){ "main_goal_id", API_ID, &in->main_goal_id, false };
		m[1] = (struct api_member){ "code", API_STR, &in->code, false };
		m[2] = (struct api_member){ "title", API_STR, &in->title, false };
		m[3] = (struct api_member){ "description", API_STR, &in->description, false };
		j->nm = 4;
		break;
	case K_IND:
		m[0] = (struct api_member){ "name", API_STR, &in->name, false };
		m[1] = (struct api_member){ "unit_of_measure", API_STR, &in->unit_of_measure, false };
		m[2] = (struct api_member){ "baseline", API_STR, &in->baseline, false };
		m[3] = (struct api_member){ "target", API_STR, &in->target, false };
		j->nm = 4;
		break;
	case K_VALUE:
		m[0] = (struct api_member){ "date", API_STR, &in->date, false };
		m[1] = (struct api_member){ "value", API_STR, &in->value, false };
		j->nm = 2;
		break;
	}
}

static bool given(const struct item_job *j, const char *name)
{
	for (int i = 0; i < j->nm; i++)
		if (strcmp(j->m[i].name, name) == 0)
			return j->m[i].present;
	return false;
}

/* A text member into *dst: the body's value (null reads as ""), else for a
 * new item "", else the stored value stays. */
static void take_text(const struct item_job *j, const char *name, char *v, char **dst)
{
	if (given(j, name))
		*dst = v ? v : "";
	else if (!j->given)
		*dst = "";
}

/* An optional decimal member ("" and null clear it). */
static void take_decimal(struct item_job *j, const char *name, const char *v, bool *has, int64_t *out)
{
	if (!given(j, name)) {
		if (!j->given)
			*has = false;
		return;
	}
	*has = v && *v;
	if (*has && !strategy_parse_decimal(v, out))
		field_error_add(&j->fe, name, PROB_BAD_NUMBER);
}

static enum err goal_row_version(struct ctx *c, int64_t goal_row, struct strategy_goal *g, int64_t *vid)
{
	enum err e = store_strategy_goal_get(c->db, c->a, goal_row, g);
	if (!e)
		*vid = g->version_id;
	return e;
}

/* Finds the version and cycle of the item (or of its parent, for a new
 * one) and loads the stored item; ERR_CONFLICT with j->block when it may
 * not change. */
static enum err item_locate(struct ctx *c, struct item_job *j)
{
	enum err e = OK;
	int64_t vid = 0, key = j->given ? j->given : j->parent;
	switch (j->kind) {
	case K_MAIN:
		if (!j->given) {
			if ((e = store_strategy_cycle(c->db, c->a, key, &j->cy)))
				return e;
			if ((j->block = strategy_edit_block(j->cy.status, NULL)))
				return ERR_CONFLICT;
			bool created;
			if ((e = store_strategy_ensure_draft(c->db, c->a, key, c->now, &j->v, &created)))
				return e;
			return created ? ctx_audit(c, "strategy_version", j->v.id, "create", "{}") : OK;
		}
		if (!(e = store_main_goal_get(c->db, c->a, key, &j->mg)))
			vid = j->mg.version_id;
		break;
	case K_GOAL:
		if (j->given)
			e = goal_row_version(c, key, &j->g, &vid);
		else if (!(e = store_main_goal_get(c->db, c->a, key, &j->mg)))
			vid = j->mg.version_id;
		break;
	case K_IND:
		if (j->given && !(e = store_indicator_get(c->db, c->a, key, &j->ind)))
			key = j->ind.goal_row_id;
		if (!e)
			e = goal_row_version(c, key, &j->parent_goal, &vid);
		break;
	case K_VALUE:
		if (j->given && !(e = store_value_get(c->db, c->a, key, &j->val)))
			key = j->val.indicator_id;
		if (!e && !(e = store_indicator_get(c->db, c->a, key, &j->parent_ind)))
			e = goal_row_version(c, j->parent_ind.goal_row_id, &j->parent_goal, &vid);
		break;
	}
	if (e || (e = store_strategy_version_by_id(c->db, c->a, vid, &j->v)) ||
	    (e = store_strategy_cycle(c->db, c->a, j->v.cycle_id, &j->cy)))
		return e;
	return OK;
}

static enum err item_delete(struct ctx *c, struct item_job *j)
{
	struct strategy_item it = { .kind = (enum strategy_item_kind)j->kind, .id = j->id, .cycle_id = j->cy.id,
				    .mg = &j->mg, .g = &j->g, .ind = &j->ind, .val = &j->val };
	return store_strategy_item_delete(c->db, c->a, &it, c->user.id, c->now, &j->links);
}

/* The body applied to the stored item (or to an empty one), validated. */
static void item_apply(struct item_job *j)
{
	struct item_body *in = &j->in;
	switch (j->kind) {
	case K_MAIN:
		j->mg.id = j->id;
		j->mg.version_id = j->v.id;
		take_text(j, "title", in->title, &j->mg.title);
		take_text(j, "description", in->description, &j->mg.description);
		validate_main_goal(&j->mg, &j->fe);
		break;
	case K_GOAL:
		if (!j->given) {
			j->g = (struct strategy_goal){ .main_goal_id = j->parent };
		}
		j->g.id = j->id;
		j->g.version_id = j->v.id;
		if (given(j, "main_goal_id")) {
			j->g.main_goal_id = in->main_goal_id;
			if (!in->main_goal_id)
				field_error_add(&j->fe, "main_goal_id", PROB_REQUIRED);
		}
		take_text(j, "code", in->code, &j->g.code);
		take_text(j, "title", in->title, &j->g.title);
		take_text(j, "description", in->description, &j->g.description);
		validate_strategy_goal(&j->g, &j->fe);
		break;
	case K_IND:
		j->ind.id = j->id;
		j->ind.goal_row_id = j->parent_goal.id;
		take_text(j, "name", in->name, &j->ind.name);
		take_text(j, "unit_of_measure", in->unit_of_measure, &j->ind.unit_of_measure);
		take_decimal(j, "baseline", in->baseline, &j->ind.has_baseline, &j->ind.baseline);
		take_decimal(j, "target", in->target, &j->ind.has_target, &j->ind.target);
		validate_indicator(&j->ind, &j->fe);
		break;
	case K_VALUE:
		j->val.id = j->id;
		j->val.indicator_id = j->parent_ind.id;
		if (given(j, "date") || !j->given) {
			if (!in->date || !*in->date)
				field_error_add(&j->fe, "date", PROB_REQUIRED);
			else if (!strategy_valid_date(in->date))
				field_error_add(&j->fe, "date", PROB_BAD_NUMBER);
			else
				j->val.measured_on = in->date;
		}
		if (given(j, "value") || !j->given) {
			if (!in->value || !*in->value)
				field_error_add(&j->fe, "value", PROB_REQUIRED);
			else if (!strategy_parse_decimal(in->value, &j->val.value))
				field_error_add(&j->fe, "value", PROB_BAD_NUMBER);
		}
		break;
	}
}

/* Checks that need the database: the main goal in the same version (422),
 * a code or a date not taken (409). */
static enum err item_check_refs(struct ctx *c, struct item_job *j)
{
	enum err e = OK;
	if (j->kind == K_GOAL && !field_errors_has(&j->fe, "main_goal_id")) {
		struct strategy_main_goal mg;
		e = store_main_goal_get(c->db, c->a, j->g.main_goal_id, &mg);
		if (e == ERR_NOTFOUND || (!e && mg.version_id != j->v.id))
			field_error_add(&j->fe, "main_goal_id", PROB_UNKNOWN_REF);
		else if (e)
			return e;
	}
	if (j->fe.n)
		return OK;
	j->status = 409;
	if (j->kind == K_GOAL) {
		struct strategy_goal other;
		e = store_strategy_goal_by_code(c->db, c->a, j->v.id, j->g.code, &other);
		if (e == OK && other.id != j->id)
			field_error_add(&j->fe, "code", PROB_TAKEN);
		else if (e && e != ERR_NOTFOUND)
			return e;
	}
	if (j->kind == K_VALUE) {
		struct strategy_value *vals;
		int n;
		if ((e = store_indicator_values(c->db, c->a, j->parent_ind.id, &vals, &n)))
			return e;
		for (int i = 0; i < n; i++)
			if (vals[i].id != j->id && strcmp(vals[i].measured_on, j->val.measured_on) == 0)
				field_error_add(&j->fe, "date", PROB_TAKEN);
	}
	return OK;
}

static enum err item_write(struct ctx *c, void *arg)
{
	struct item_job *j = arg;
	j->fe.n = 0;
	j->status = 422;
	j->links = 0;
	j->block = STRATEGY_EDITABLE;
	j->id = j->given;
	if (!access_can(&c->actor, ACT_STRATEGY_EDIT, 0))
		return ERR_FORBIDDEN;
	enum err e = item_locate(c, j);
	if (e)
		return e;
	if ((j->block = strategy_edit_block(j->cy.status, &j->v)))
		return ERR_CONFLICT;
	if (j->del)
		return item_delete(c, j);
	struct strategy_main_goal old_mg = j->mg;
	struct strategy_goal old_g = j->g;
	struct strategy_indicator old_ind = j->ind;
	struct strategy_value old_val = j->val;
	item_apply(j);
	if ((e = item_check_refs(c, j)))
		return e;
	if (j->fe.n)
		return ERR_INVALID;
	bool is_new = !j->given;
	struct buf b;
	buf_init(&b, c->a, AUDIT_MAX);
	switch (j->kind) {
	case K_MAIN:
		strategy_audit_main_goal(&b, is_new ? NULL : &old_mg, &j->mg);
		break;
	case K_GOAL:
		strategy_audit_goal(&b, is_new ? NULL : &old_g, &j->g);
		break;
	case K_IND:
		strategy_audit_indicator(&b, is_new ? NULL : &old_ind, &j->ind);
		break;
	case K_VALUE:
		strategy_audit_value(&b, is_new ? NULL : &old_val, &j->val);
		break;
	}
	if (b.err)
		return b.err;
	if (!is_new && audit_is_empty(&b))
		return OK;
	switch (j->kind) {
	case K_MAIN:
		e = is_new ? store_main_goal_insert(c->db, &j->mg) : store_main_goal_update(c->db, &j->mg);
		j->id = j->mg.id;
		break;
	case K_GOAL:
		e = is_new ? store_strategy_goal_insert(c->db, j->cy.id, c->now, &j->g)
			   : store_strategy_goal_update(c->db, &j->g);
		j->id = j->g.id;
		if (is_new && !e) {
			/* the new identity is known only now */
			buf_reset(&b);
			strategy_audit_goal(&b, NULL, &j->g);
			if (b.err)
				return b.err;
		}
		break;
	case K_IND:
		e = is_new ? store_indicator_insert(c->db, &j->ind) : store_indicator_update(c->db, &j->ind);
		j->id = j->ind.id;
		break;
	case K_VALUE:
		e = is_new ? store_value_insert(c->db, &j->val) : store_value_update(c->db, &j->val);
		j->id = j->val.id;
		break;
	}
	if (e)
		return e;
	return ctx_audit(c, strategy_item_entity[j->kind], j->id, is_new ? "create" : "update", buf_str(&b));
}

static void write_item(struct ctx *c, struct jw *w, const struct item_job *j)
{
	jw_obj(w);
	switch (j->kind) {
	case K_MAIN:
		jw_kint(w, "id", j->mg.id);
		break;
	case K_GOAL:
		jw_kint(w, "id", j->g.id);
		jw_kint(w, "goal_id", j->g.goal_id);
		jw_kint(w, "main_goal_id", j->g.main_goal_id);
		break;
	case K_IND:
		jw_kint(w, "id", j->ind.id);
		jw_kint(w, "strategic_goal_id", j->ind.goal_row_id);
		break;
	case K_VALUE:
		jw_kint(w, "id", j->val.id);
		jw_kint(w, "indicator_id", j->val.indicator_id);
		break;
	}
	jw_kint(w, "cycle_id", j->cy.id);
	jw_kstr(w, "status", j->v.number ? "published" : "draft");
	jw_key(w, "version");
	if (j->v.number)
		jw_int(w, j->v.number);
	else
		jw_null(w);
	switch (j->kind) {
	case K_MAIN:
		jw_kstr(w, "title", j->mg.title);
		jw_kstr(w, "description", j->mg.description);
		break;
	case K_GOAL:
		jw_kstr(w, "code", j->g.code);
		jw_kstr(w, "title", j->g.title);
		jw_kstr(w, "description", j->g.description);
		break;
	case K_IND:
		jw_kstr(w, "name", j->ind.name);
		jw_kstr(w, "unit_of_measure", j->ind.unit_of_measure);
		write_decimal(c, w, "baseline", j->ind.has_baseline, j->ind.baseline);
		write_decimal(c, w, "target", j->ind.has_target, j->ind.target);
		break;
	case K_VALUE:
		jw_kstr(w, "date", j->val.measured_on);
		write_decimal(c, w, "value", true, j->val.value);
		break;
	}
	jw_obj_end(w);
}

/* Answers the item of j->id as stored now. */
static void item_answer(struct ctx *c, struct item_job *j, int status)
{
	struct item_job r;
	item_job_init(&r, j->kind);
	r.given = j->id;
	enum err e = item_locate(c, &r);
	if (e) {
		api_problem_err(c, e);
		return;
	}
	if (status == 201)
		http_resp_header(c->w, "Location", arena_printf(c->a, "/api/v1/strategy/%s/%lld",
									item_paths[j->kind], (long long)j->id));
	struct jw w;
	api_json_begin(c, &w);
	write_item(c, &w, &r);
	api_json_end(c, status);
}

static void item_run(struct ctx *c, enum item_kind kind, bool is_new, bool del)
{
	struct item_job *j = arena_alloc(c->a, sizeof *j);
	if (!j) {
		api_problem_err(c, ERR_TOO_BIG);
		return;
	}
	item_job_init(j, kind);
	j->del = del;
	int64_t id = ctx_param_id(c, "id");
	if (is_new)
		j->parent = id;
	else
		j->given = id;
	if (!id) {
		api_problem_err(c, ERR_NOTFOUND);
		return;
	}
	if (!del && !api_read_body(c, j->m, j->nm))
		return;
	enum err e = ctx_write(c, item_write, j);
	if (e == ERR_CONFLICT && j->block == STRATEGY_CYCLE_CLOSED)
		api_problem(c, 409, "The cycle is closed; its strategy is read-only.");
	else if (e == ERR_CONFLICT && j->block == STRATEGY_PUBLISHED)
		api_problem(c, 409, arena_printf(c->a, "A published version never changes; change the draft "
						 "(GET /api/v1/cycles/%lld/strategy?draft=true; PATCH of that "
						 "strategy starts one).", (long long)j->cy.id));
	else if (e == ERR_CONFLICT && j->links)
		api_problem(c, 409, arena_printf(c->a, "%lld unit goal%s link%s to this; it cannot be deleted.",
						 (long long)j->links, j->links == 1 ? "" : "s",
						 j->links == 1 ? "s" : ""));
	else if ((e == ERR_INVALID || e == ERR_CONFLICT) && j->fe.n)
		api_problem_fields(c, j->status, &j->fe);
	else if (e)
		api_problem_err(c, e);
	else if (del)
		c->w->status = 204;
	else
		item_answer(c, j, is_new ? 201 : 200);
}

static void item_read(struct ctx *c, enum item_kind kind)
{
	struct item_job j;
	item_job_init(&j, kind);
	j.given = ctx_param_id(c, "id");
	enum err e = j.given ? item_locate(c, &j) : ERR_NOTFOUND;
	if (!e && j.v.number == 0 && !access_can(&c->actor, ACT_STRATEGY_EDIT, 0))
		e = ERR_NOTFOUND;      /* the draft is HR's: others never see its rows */
	if (e) {
		api_problem_err(c, e);
		return;
	}
	struct jw w;
	api_json_begin(c, &w);
	write_item(c, &w, &j);
	api_json_end(c, 200);
}

void api_main_goal_create(struct ctx *c) { item_run(c, K_MAIN, true, false); }
void api_main_goal_get(struct ctx *c) { item_read(c, K_MAIN); }
void api_main_goal_update(struct ctx *c) { item_run(c, K_MAIN, false, false); }
void api_main_goal_delete(struct ctx *c) { item_run(c, K_MAIN, false, true); }
void api_goal_create(struct ctx *c) { item_run(c, K_GOAL, true, false); }
void api_goal_get(struct ctx *c) { item_read(c, K_GOAL); }
void api_goal_update(struct ctx *c) { item_run(c, K_GOAL, false, false); }
void api_goal_delete(struct ctx *c) { item_run(c, K_GOAL, false, true); }
void api_indicator_create(struct ctx *c) { item_run(c, K_IND, true, false); }
void api_indicator_get(struct ctx *c) { item_read(c, K_IND); }
void api_indicator_update(struct ctx *c) { item_run(c, K_IND, false, false); }
void api_indicator_delete(struct ctx *c) { item_run(c, K_IND, false, true); }
void api_value_create(struct ctx *c) { item_run(c, K_VALUE, true, false); }
void api_value_get(struct ctx *c) { item_read(c, K_VALUE); }
void api_value_update(struct ctx *c) { item_run(c, K_VALUE, false, false); }
void api_value_delete(struct ctx *c) { item_run(c, K_VALUE, false, true); }
