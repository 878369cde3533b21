/* units.c — /api/v1/units: list the tree, read one, create, patch and delete.
 * The list is every unit in tree order (each parent before its children),
 * paged by position with a cursor holding (position, id of the last unit
 * sent): the next page starts after that unit, or at the position when the
 * unit has since gone. A write reads the body into a job, then runs one
 * transaction that loads the unit, applies the members present, validates
 * (field rules, unknown parent or leader, cycles: 422; a code already used:
 * 409), stores, and records one audit row unless nothing changed. The
 * response is written only after the transaction has committed. */
#include "api/api.h"

#include <string.h>
#include "domain/audit.h"

static void write_unit(struct jw *w, const void *item)
{
	const struct unit *u = item;
	jw_obj(w);
	jw_kint(w, "id", u->id);
	jw_kstr(w, "name", u->name);
	jw_kstr(w, "code", u->code);
	jw_kid(w, "parent_id", u->parent_id);
	jw_kid(w, "leader_id", u->leader_id);
	jw_obj_end(w);
}

/* The index at which the page after the cursor (pos, id) starts in
 * tree[0..n); pos is how many units the earlier pages held. */
static int page_start(const struct unit *tree, int n, int64_t pos, int64_t id)
{
	for (int i = 0; i < n; i++)
		if (tree[i].id == id)
			return i + 1;
	return pos < n ? (int)pos : n;
}

void api_units_list(struct ctx *c)
{
	struct api_page pg;
	if (!api_read_page(c, &pg))
		return;
	int64_t pos = 0;
	if (pg.key && !api_parse_id(pg.key, &pos)) {
		api_problem(c, 400, "invalid cursor");
		return;
	}
	struct unit *tree = NULL;
	int n = 0;
	enum err e = store_unit_tree(c->db, c->a, &tree, &n);
	if (e != OK) {
		api_problem_err(c, e);
		return;
	}
	int start = pg.key ? page_start(tree, n, pos, pg.id) : 0;
	int end = n - start > pg.limit ? start + pg.limit : n;
	struct jw w;
	api_list_begin(c, &w);
	for (int i = start; i < end; i++)
		write_unit(&w, &tree[i]);
	api_list_end(c, &w, end < n ? arena_printf(c->a, "%d", end) : NULL, end ? tree[end - 1].id : 0);
}

void api_unit_get(struct ctx *c)
{
	int64_t id = ctx_param_id(c, "id");
	struct unit u;
	enum err e = id ? store_unit_get(c->db, c->a, id, &u) : ERR_NOTFOUND;
	api_answer_one(c, e, 200, write_unit, &u);
}

enum { M_ID, M_NAME, M_CODE, M_PARENT, M_LEADER, M_COUNT };

struct unit_job {
	int64_t id;                  /* the unit patched; 0 on create */
	int64_t body_id;             /* "id" in the body, when present */
	struct unit in;              /* values read from the body */
	struct api_member m[M_COUNT];
	struct field_errors fe;      /* why the write failed, when it did */
	struct unit out;             /* the unit as stored */
	const char *detail;          /* a 409's explanation, for deletes */
};

static void job_init(struct unit_job *j, int64_t id)
{
	memset(j, 0, sizeof *j);
	j->id = id;
	j->m[M_ID] = (struct api_member){ "id", API_ID, &j->body_id, false };
	j->m[M_NAME] = (struct api_member){ "name", API_STR, &j->in.name, false };
	j->m[M_CODE] = (struct api_member){ "code", API_STR, &j->in.code, false };
	j->m[M_PARENT] = (struct api_member){ "parent_id", API_ID, &j->in.parent_id, false };
	j->m[M_LEADER] = (struct api_member){ "leader_id", API_ID, &j->in.leader_id, false };
}

static bool same_text(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "") == 0;
}

/* Unknown parent or leader, and moves that would make a cycle. */
static enum err check_refs(struct ctx *c, struct unit_job *j, const struct unit *before,
			   const struct unit *after)
{
	if (after->parent_id && after->parent_id != before->parent_id) {
		struct unit parent;
		enum err e = store_unit_get(c->db, c->a, after->parent_id, &parent);
		if (e == ERR_NOTFOUND) {
			field_error_add(&j->fe, "parent_id", PROB_UNKNOWN_REF);
		} else if (e != OK) {
			return e;
		} else if (j->id) {
			struct unit *tree;
			int n;
			e = store_unit_tree(c->db, c->a, &tree, &n);
			if (e != OK)
				return e;
			if (unit_move_makes_cycle(tree, n, j->id, after->parent_id))
				field_error_add(&j->fe, "parent_id", PROB_CYCLE);
		}
	}
	if (after->leader_id && after->leader_id != before->leader_id) {
		struct person leader;
		enum err e = store_person_get(c->db, c->a, after->leader_id, &leader);
		if (e == ERR_NOTFOUND || (e == OK && !leader.active))
			field_error_add(&j->fe, "leader_id", PROB_UNKNOWN_REF);
		else if (e != OK)
			return e;
	}
	return OK;
}

/* The transaction of POST and PATCH. */
static enum err unit_write(struct ctx *c, void *arg)
{
	struct unit_job *j = arg;
	struct unit before = { 0 }, after;
	enum err e;
	j->fe.n = 0;
	if (j->id && (e = store_unit_get(c->db, c->a, j->id, &before)) != OK)
		return e;
	after = before;
	if (j->m[M_NAME].present)
		after.name = j->in.name;
	if (j->m[M_CODE].present)
		after.code = j->in.code;
	if (j->m[M_PARENT].present)
		after.parent_id = j->in.parent_id;
	if (j->m[M_LEADER].present)
		after.leader_id = j->in.leader_id;
	if (j->m[M_ID].present && (!j->id || j->body_id != j->id))
		field_error_add(&j->fe, "id", PROB_NOT_ALLOWED);
	validate_unit(&after, &j->fe);
	if ((e = check_refs(c, j, &before, &after)) != OK)
		return e;
	if (j->fe.n)
		return ERR_INVALID;
	if (!j->id || !same_text(before.code, after.code)) {
		struct unit other;
		e = store_unit_by_code(c->db, c->a, after.code, &other);
		if ((e = api_unique(e, &other.id, j->id, &j->fe, "code")) != OK)
			return e;
	}
	struct buf changes;
	buf_init(&changes, c->a, API_BODY_MAX);
	audit_unit_changes(&changes, j->id ? &before : NULL, &after);
	if (changes.err != OK)
		return changes.err;
	if (!j->id || !audit_is_empty(&changes)) {
		e = j->id ? store_unit_update(c->db, &after) : store_unit_insert(c->db, &after);
		if (e == OK)
			e = ctx_audit(c, "unit", after.id, j->id ? "update" : "create",
				      buf_str(&changes));
		if (e != OK)
			return e;
	}
	j->out = after;
	return OK;
}

/* POST and PATCH: the transaction, then its answer; a create names its URL. */
static void run(struct ctx *c, struct unit_job *j, int status)
{
	enum err e = ctx_write(c, unit_write, j);
	if (e == OK && status == 201)
		http_resp_header(c->w, "Location",
				 arena_printf(c->a, "/api/v1/units/%lld", (long long)j->out.id));
	api_answer_write(c, e, &j->fe, j->detail, status, write_unit, &j->out);
}

void api_unit_create(struct ctx *c)
{
	struct unit_job j;
	job_init(&j, 0);
	if (api_read_body(c, j.m, M_COUNT))
		run(c, &j, 201);
}

void api_unit_update(struct ctx *c)
{
	struct unit_job j;
	job_init(&j, ctx_param_id(c, "id"));
	if (api_read_patch(c, j.id, j.m, M_COUNT))
		run(c, &j, 200);
}

/* The transaction of DELETE: only an empty unit goes. */
static enum err unit_remove(struct ctx *c, void *arg)
{
	struct unit_job *j = arg;
	struct unit *tree;
	int n;
	j->detail = NULL;
	enum err e = store_unit_tree(c->db, c->a, &tree, &n);
	if (e != OK)
		return e;
	const struct unit *u = NULL;
	for (int i = 0; i < n && !u; i++)
		if (tree[i].id == j->id)
			u = &tree[i];
	if (!u)
		return ERR_NOTFOUND;
	if (u->child_count || u->people_count) {
		j->detail = arena_printf(c->a,
					 "The unit has %lld sub-units and %lld people; move them "
					 "before deleting it.",
					 (long long)u->child_count, (long long)u->people_count);
		return ERR_CONFLICT;
	}
	e = store_unit_delete(c->db, j->id);
	if (e == ERR_CONFLICT)
		j->detail = "The unit is still referred to (for example by deactivated people); "
			    "move them before deleting it.";
	if (e != OK)
		return e;
	struct buf changes;
	buf_init(&changes, c->a, API_BODY_MAX);
	audit_unit_changes(&changes, u, NULL);
	if (changes.err != OK)
		return changes.err;
	return ctx_audit(c, "unit", j->id, "delete", buf_str(&changes));
}

void api_unit_delete(struct ctx *c)
{
	struct unit_job j;
	job_init(&j, ctx_param_id(c, "id"));
	enum err e = j.id ? ctx_write(c, unit_remove, &j) : ERR_NOTFOUND;
	api_answer_write(c, e, &j.fe, j.detail, 204, NULL, NULL);
}
