/* competences.c (api) — /api/v1/competences, /api/v1/competence-areas and
 * /api/v1/scales. The competence list pages by keyset on (name, id) in
 * Norwegian order and filters by ?area= (the area with its sub-areas), ?q=
 * (words in the name or code) and ?include_inactive=. Writes follow
 * people.c: body into a job, one transaction that loads, merges,
 * validates, stores and audits, then the answer. DELETE removes a
 * competence nothing refers to (204); one that is in use answers 409 and
 * should be deactivated instead (PATCH {"active": false}). The areas come as
 * one list in tree order with depth, the scales with their levels' texts in
 * all three languages. */
#include "api/api_competences.h"

#include <string.h>
#include "domain/audit.h"
#include "store/competences.h"

enum { AUDIT_MAX = 64 * 1024 };

static void write_competence(struct jw *w, const void *item)
{
	const struct competence *k = item;
	jw_obj(w);
	jw_kint(w, "id", k->id);
	jw_kstr(w, "code", k->code);
	jw_kstr(w, "name", k->name);
	jw_kstr(w, "description", k->description ? k->description : "");
	jw_kid(w, "area_id", k->area_id);
	jw_kstr(w, "area_code", k->area_code);
	jw_kbool(w, "active", k->active);
	jw_obj_end(w);
}

static const char *competence_key(const void *item, int64_t *id)
{
	const struct competence *k = item;
	*id = k->id;
	return k->name;
}

void api_competences_list(struct ctx *c)
{
	struct api_name_query nq;
	if (!api_read_name_query(c, "area", &nq))
		return;
	struct competence_query q = { .text = nq.text, .area_id = nq.scope_id,
				      .include_inactive = nq.include_inactive,
				      .after_name = nq.page.key, .after_id = nq.page.id,
				      .limit = nq.page.limit };
	struct competence *items = NULL;
	int n = 0;
	enum err e = store_competences_list(c->db, c->a, &q, &items, &n);
	api_answer_name_page(c, e, &nq.page, items, n, sizeof *items, write_competence,
			     competence_key);
}

void api_competence_get(struct ctx *c)
{
	int64_t id = ctx_param_id(c, "id");
	struct competence k;
	enum err e = id ? store_competence_get(c->db, c->a, id, &k) : ERR_NOTFOUND;
	api_answer_one(c, e, 200, write_competence, &k);
}

enum { M_ID, M_CODE, M_NAME, M_DESC, M_AREA, M_ACTIVE, M_COUNT };

struct competence_job {
	int64_t id;                  /* 0 on create */
	int64_t body_id;
	struct competence in;
	struct api_member m[M_COUNT];
	struct field_errors fe;
	struct competence out;
	const char *detail;          /* a 409's explanation */
};

static void job_init(struct competence_job *j, int64_t id)
{
	memset(j, 0, sizeof *j);
	j->id = id;
	j->m[M_ID] = (struct api_member){ "id", API_ID, &j->body_id, false };
	j->m[M_CODE] = (struct api_member){ "code", API_STR, &j->in.code, false };
	j->m[M_NAME] = (struct api_member){ "name", API_STR, &j->in.name, false };
	j->m[M_DESC] = (struct api_member){ "description", API_STR, &j->in.description, false };
	j->m[M_AREA] = (struct api_member){ "area_id", API_ID, &j->in.area_id, false };
	j->m[M_ACTIVE] = (struct api_member){ "active", API_BOOL, &j->in.active, false };
}

static enum err competence_write(struct ctx *c, void *arg)
{
	struct competence_job *j = arg;
	struct competence before = { .active = true, .description = (char *)"" }, after;
	enum err e;
	j->fe.n = 0;
	if (j->id && (e = store_competence_get(c->db, c->a, j->id, &before)) != OK)
		return e;
	after = before;
	if (j->m[M_CODE].present)
		after.code = j->in.code;
	if (j->m[M_NAME].present)
		after.name = j->in.name;
	if (j->m[M_DESC].present)
		after.description = j->in.description ? j->in.description : (char *)"";
	if (j->m[M_AREA].present)
		after.area_id = j->in.area_id;
	if (j->m[M_ACTIVE].present)
		after.active = j->in.active;
	if (j->m[M_ID].present && (!j->id || j->body_id != j->id))
		field_error_add(&j->fe, "id", PROB_NOT_ALLOWED);
	validate_competence(&after, &j->fe);
	if (after.area_id && after.area_id != before.area_id && !field_errors_has(&j->fe, "area_id")) {
		struct competence_area ar;
		e = store_competence_area_get(c->db, c->a, after.area_id, &ar);
		if (e == ERR_NOTFOUND)
			field_error_add(&j->fe, "area_id", PROB_UNKNOWN_REF);
		else if (e != OK)
			return e;
		else
			after.area_code = ar.code;
	}
	if (j->fe.n)
		return ERR_INVALID;
	if (!j->id || strcmp(before.code ? before.code : "", after.code) != 0) {
		struct competence other;
		e = store_competence_by_code(c->db, c->a, after.code, &other);
		if ((e = api_unique(e, &other.id, j->id, &j->fe, "code")) != OK)
			return e;
	}
	struct buf changes;
	buf_init(&changes, c->a, AUDIT_MAX);
	competence_audit(&changes, j->id ? &before : NULL, &after);
	if (changes.err != OK)
		return changes.err;
	if (!j->id || !audit_is_empty(&changes)) {
		const char *action = api_write_action(!j->id, before.active, after.active);
		e = j->id ? store_competence_update(c->db, c->now, &after)
			  : store_competence_insert(c->db, c->now, &after);
		if (e == OK)
			e = ctx_audit(c, "competence", after.id, action, buf_str(&changes));
		if (e != OK)
			return e;
	}
	j->out = after;
	return OK;
}

/* POST and PATCH: the transaction, then its answer; a create names its URL. */
static void run(struct ctx *c, struct competence_job *j, int status)
{
	enum err e = ctx_write(c, competence_write, j);
	if (e == OK && status == 201)
		http_resp_header(c->w, "Location",
				 arena_printf(c->a, "/api/v1/competences/%lld", (long long)j->out.id));
	api_answer_write(c, e, &j->fe, j->detail, status, write_competence, &j->out);
}

void api_competence_create(struct ctx *c)
{
	struct competence_job j;
	job_init(&j, 0);
	if (api_read_body(c, j.m, M_COUNT))
		run(c, &j, 201);
}

void api_competence_update(struct ctx *c)
{
	struct competence_job j;
	job_init(&j, ctx_param_id(c, "id"));
	if (api_read_patch(c, j.id, j.m, M_COUNT))
		run(c, &j, 200);
}

/* The transaction of DELETE: only a competence nothing refers to goes. */
static enum err competence_remove(struct ctx *c, void *arg)
{
	struct competence_job *j = arg;
	struct competence before;
	j->detail = NULL;
	enum err e = store_competence_get(c->db, c->a, j->id, &before);
	if (e != OK)
		return e;
	e = store_competence_delete(c->db, j->id);
	if (e == ERR_CONFLICT)
		j->detail = "The competence is in use; deactivate it instead (PATCH {\"active\": false}).";
	if (e != OK)
		return e;
	struct buf changes;
	buf_init(&changes, c->a, AUDIT_MAX);
	competence_audit(&changes, &before, NULL);
	if (changes.err != OK)
		return changes.err;
	return ctx_audit(c, "competence", j->id, "delete", buf_str(&changes));
}

void api_competence_delete(struct ctx *c)
{
	struct competence_job j;
	job_init(&j, ctx_param_id(c, "id"));
	enum err e = j.id ? ctx_write(c, competence_remove, &j) : ERR_NOTFOUND;
	api_answer_write(c, e, &j.fe, j.detail, 204, NULL, NULL);
}

void api_competence_areas(struct ctx *c)
{
	struct competence_area *areas = NULL;
	int n = 0;
	enum err e = store_competence_areas(c->db, c->a, &areas, &n);
	if (e != OK) {
		api_problem_err(c, e);
		return;
	}
	struct jw w;
	api_list_begin(c, &w);
	for (int i = 0; i < n; i++) {
		const struct competence_area *ar = &areas[i];
		jw_obj(&w);
		jw_kint(&w, "id", ar->id);
		jw_kstr(&w, "code", ar->code);
		jw_kstr(&w, "name", ar->name);
		jw_kid(&w, "parent_id", ar->parent_id);
		jw_kstr(&w, "description", ar->description);
		jw_kint(&w, "depth", ar->depth);
		jw_kint(&w, "competence_count", ar->competence_count);
		jw_obj_end(&w);
	}
	api_list_end(c, &w, NULL, 0);
}

void api_scales(struct ctx *c)
{
	static const char *const langs[SCALE_LANGS] = { "nb", "nn", "en" };
	struct scale scales[SCALE_KIND_COUNT];
	for (int k = 0; k < SCALE_KIND_COUNT; k++) {
		enum err e = store_scale_get(c->db, c->a, (enum scale_kind)k, &scales[k]);
		if (e != OK) {
			api_problem_err(c, e);
			return;
		}
	}
	struct jw w;
	api_list_begin(c, &w);
	for (int k = 0; k < SCALE_KIND_COUNT; k++) {
		jw_obj(&w);
		jw_kstr(&w, "key", scale_kind_name(scales[k].kind));
		jw_key(&w, "levels");
		jw_arr(&w);
		for (int i = 0; i < scales[k].n; i++) {
			const struct scale_level *l = &scales[k].levels[i];
			jw_obj(&w);
			jw_kint(&w, "level", l->level);
			jw_key(&w, "name");
			jw_obj(&w);
			for (int g = 0; g < SCALE_LANGS; g++)
				jw_kstr(&w, langs[g], l->name[g]);
			jw_obj_end(&w);
			jw_key(&w, "description");
			jw_obj(&w);
			for (int g = 0; g < SCALE_LANGS; g++)
				jw_kstr(&w, langs[g], l->description[g]);
			jw_obj_end(&w);
			jw_obj_end(&w);
		}
		jw_arr_end(&w);
		jw_obj_end(&w);
	}
	api_list_end(c, &w, NULL, 0);
}
