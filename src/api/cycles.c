/* cycles.c — /api/v1/cycles: list (newest first, keyset by id), read one,
 * create, patch (name, phase dates, and the state changes draft → open →
 * closed), and delete a draft. The rules are domain/cycle.h's, the same as
 * the web pages': a closed cycle is read-only (409), opening needs all five
 * phases' dates (422 naming each missing date), phases never run backwards
 * (422 naming the phase and the date). A body's "phases" is an array of
 * {key, starts_on, ends_on} objects, which the member table of json_in.c
 * cannot describe, so this file reads its bodies with jansson itself, with
 * the same limits (media type, size, duplicates, unknown members). Problems
 * carry errors[{field, message, code}] with the codes of cycle_problem_code. */
#include "api/api_cycles.h"

#include <jansson.h>
#include <string.h>
#include <strings.h>
#include "store/cycles.h"

static const char *const messages[CP_COUNT] = {
	[CP_NONE] = "is invalid",
	[CP_REQUIRED] = "is required",
	[CP_TOO_LONG] = "is too long",
	[CP_BAD_TEXT] = "must be one line of text",
	[CP_TAKEN] = "is already used by another cycle",
	[CP_BAD_DATE] = "must be a real date written YYYY-MM-DD",
	[CP_DATE_PAIR] = "must be given together with the phase's other date (or both left empty)",
	[CP_END_BEFORE_START] = "is before the phase's start date",
	[CP_START_BEFORE_PREV] = "is before the start of the previous phase",
	[CP_END_BEFORE_PREV] = "is before the end of the previous phase",
	[CP_INCOMPLETE] = "is required while the cycle is open",
	[CP_BAD_STATUS] = "must be draft, open or closed",
	[CP_BAD_TRANSITION] = "may change only from draft to open and from open to closed",
	[CP_CLOSED] = "cannot change: the cycle is closed and read-only",
	[CP_UNKNOWN_PHASE] = "is not one of leader_preparation, unit_discussion, compilation,"
			     " conversations, implementation",
	[CP_DUPLICATE] = "names a phase twice",
	[CP_UNKNOWN_REF] = "does not refer to an existing cycle",
	[CP_BAD_TYPE] = "has the wrong JSON type",
};

static const char *message(const struct cycle_error *e, struct arena *a)
{
	const char *m = e->problem > CP_NONE && e->problem < CP_COUNT ? messages[e->problem]
								    : messages[CP_NONE];
	if ((e->problem == CP_START_BEFORE_PREV || e->problem == CP_END_BEFORE_PREV) && e->ref_phase >= 0) {
		const char *s = arena_printf(a, "%s (%s)", m, phase_key_name((enum phase_key)e->ref_phase));
		if (s)
			return s;
	}
	return m;
}

static void problem(struct ctx *c, int status, const char *detail, const struct cycle_errors *ce)
{
	struct jw w;
	api_json_begin(c, &w);
	jw_obj(&w);
	jw_kstr(&w, "type", "about:blank");
	jw_kstr(&w, "title", status == 409 ? "Conflict" : "Unprocessable Content");
	jw_kint(&w, "status", status);
	jw_kstr(&w, "detail", detail);
	jw_key(&w, "errors");
	jw_arr(&w);
	for (int i = 0; i < ce->n; i++) {
		jw_obj(&w);
		jw_kstr(&w, "field", ce->e[i].field);
		jw_kstr(&w, "message", message(&ce->e[i], c->a));
		jw_kstr(&w, "code", cycle_problem_code(ce->e[i].problem));
		jw_obj_end(&w);
	}
	jw_arr_end(&w);
	jw_obj_end(&w);
	if (c->w->body.err != OK) {
		api_problem_err(c, ERR_TOO_BIG);
		return;
	}
	c->w->status = status;
	c->w->content_type = "application/problem+json";
}

static void write_cycle(struct jw *w, const struct cycle *cy)
{
	jw_obj(w);
	jw_kint(w, "id", cy->id);
	jw_kstr(w, "name", cy->name);
	jw_kstr(w, "status", cycle_status_name(cy->status));
	jw_key(w, "phases");
	jw_arr(w);
	for (int k = 0; k < PHASE_COUNT; k++) {
		const struct cycle_phase *p = &cy->phases[k];
		jw_obj(w);
		jw_kstr(w, "key", phase_key_name((enum phase_key)k));
		jw_kstr(w, "starts_on", p->starts_on && *p->starts_on ? p->starts_on : NULL);
		jw_kstr(w, "ends_on", p->ends_on && *p->ends_on ? p->ends_on : NULL);
		jw_obj_end(w);
	}
	jw_arr_end(w);
	jw_obj_end(w);
}

static void answer_cycle(struct ctx *c, int status, const struct cycle *cy)
{
	struct jw w;
	api_json_begin(c, &w);
	write_cycle(&w, cy);
	api_json_end(c, status);
}

void api_cycles_list(struct ctx *c)
{
	struct api_page pg;
	if (!api_read_page(c, &pg))
		return;
	struct cycle *v = NULL;
	int n = 0;
	enum err e = store_cycle_list(c->db, c->a, pg.id, pg.limit, &v, &n);
	if (e != OK) {
		api_problem_err(c, e);
		return;
	}
	struct jw w;
	api_list_begin(c, &w);
	for (int i = 0; i < n; i++)
		write_cycle(&w, &v[i]);
	/* the position is the id alone (newest first); the name rides along
	 * only because a cursor carries a key */
	api_list_end(c, &w, n == pg.limit ? v[n - 1].name : NULL, n ? v[n - 1].id : 0);
}

void api_cycle_get(struct ctx *c)
{
	int64_t id = ctx_param_id(c, "id");
	struct cycle cy;
	enum err e = id ? store_cycle_get(c->db, c->a, id, &cy) : ERR_NOTFOUND;
	if (e != OK)
		api_problem_err(c, e);
	else
		answer_cycle(c, 200, &cy);
}

/* ---- bodies ---- */

/* What a POST or PATCH body said. */
struct cycle_body {
	bool has_name, has_status, has_phases, has_copy;
	char *name;
	char *status;
	bool phase_given[PHASE_COUNT];
	struct cycle_phase phases[PHASE_COUNT];
	int64_t copy_from;
	struct cycle_errors ce;      /* type problems found while reading */
};

static bool is_json(const char *ct)
{
	static const char want[] = "application/json";
	if (!ct)
		return false;
	while (*ct == ' ' || *ct == '\t')
		ct++;
	return strncasecmp(ct, want, sizeof want - 1) == 0 &&
	       (ct[sizeof want - 1] == '\0' || ct[sizeof want - 1] == ';' || ct[sizeof want - 1] == ' ');
}

/* A string member (or null) into *out; a problem on field otherwise. */
static bool take_str(struct ctx *c, json_t *v, const char *field, char **out, struct cycle_errors *ce)
{
	if (json_is_null(v)) {
		*out = NULL;
		return true;
	}
	if (!json_is_string(v)) {
		cycle_error_add(ce, field, CP_BAD_TYPE, -1, -1);
		return true;
	}
	*out = arena_strndup(c->a, json_string_value(v), json_string_length(v));
	return *out != NULL;
}

/* The "phases" array; false only when out of memory. */
static bool take_phases(struct ctx *c, json_t *arr, struct cycle_body *b)
{
	if (!json_is_array(arr)) {
		cycle_error_add(&b->ce, "phases", CP_BAD_TYPE, -1, -1);
		return true;
	}
	size_t i;
	json_t *el;
	json_array_foreach(arr, i, el) {
		const char *field = arena_printf(c->a, "phases[%zu]", i);
		if (!field)
			return false;
		if (!json_is_object(el)) {
			cycle_error_add(&b->ce, field, CP_BAD_TYPE, -1, -1);
			continue;
		}
		const char *name;
		json_t *m;
		bool unknown = false;
		json_object_foreach(el, name, m)
			if (strcmp(name, "key") && strcmp(name, "starts_on") && strcmp(name, "ends_on"))
				unknown = true;
		json_t *key = json_object_get(el, "key");
		enum phase_key k;
		if (unknown) {
			cycle_error_add(&b->ce, field, CP_BAD_TYPE, -1, -1);
			continue;
		}
		if (!key || !json_is_string(key) || !phase_key_parse(json_string_value(key), &k)) {
			cycle_error_add(&b->ce, arena_printf(c->a, "phases[%zu].key", i), CP_UNKNOWN_PHASE,
					-1, -1);
			continue;
		}
		if (b->phase_given[k]) {
			cycle_error_add(&b->ce, arena_printf(c->a, "phases[%zu].key", i), CP_DUPLICATE, k, -1);
			continue;
		}
		b->phase_given[k] = true;
		json_t *s = json_object_get(el, "starts_on"), *e = json_object_get(el, "ends_on");
		if ((s && !take_str(c, s, cycle_date_field(k, false), &b->phases[k].starts_on, &b->ce)) ||
		    (e && !take_str(c, e, cycle_date_field(k, true), &b->phases[k].ends_on, &b->ce)))
			return false;
	}
	return true;
}

/* Reads the body into b; false once a problem has been written. */
static bool read_body(struct ctx *c, struct cycle_body *b, bool create)
{
	memset(b, 0, sizeof *b);
	if (!is_json(http_header(c->req, "Content-Type"))) {
		api_problem(c, 415, "The body must be sent as Content-Type: application/json.");
		return false;
	}
	if (c->req->body_len > API_BODY_MAX) {
		api_problem(c, 413, "The body is larger than the API accepts (64 KiB).");
		return false;
	}
	if (!c->req->body || c->req->body_len == 0) {
		api_problem(c, 400, "The body is empty; a JSON object is expected.");
		return false;
	}
	json_error_t jerr;
	json_t *root = json_loadb(c->req->body, c->req->body_len, JSON_REJECT_DUPLICATES, &jerr);
	if (!root) {
		api_problem(c, 400, arena_printf(c->a, "Malformed JSON at line %d, column %d: %s.",
						 jerr.line, jerr.column, jerr.text));
		return false;
	}
	bool ok = false;
	if (!json_is_object(root)) {
		api_problem(c, 400, "The body must be a JSON object.");
		goto out;
	}
	const char *name;
	json_t *v;
	json_object_foreach(root, name, v) {
		if (strcmp(name, "name") && strcmp(name, "status") && strcmp(name, "phases") &&
		    (!create || strcmp(name, "copy_from")) && strcmp(name, "id")) {
			api_problem(c, 400, arena_printf(c->a, "Unknown member: %s.", name));
			goto out;
		}
	}
	if ((v = json_object_get(root, "id"))) {
		int64_t want = ctx_param_id(c, "id");
		if (create || !json_is_integer(v) || json_integer_value(v) != want)
			cycle_error_add(&b->ce, "id", CP_BAD_TYPE, -1, -1);
	}
	if ((v = json_object_get(root, "name"))) {
		b->has_name = true;
		if (!take_str(c, v, "name", &b->name, &b->ce))
			goto oom;
	}
	if ((v = json_object_get(root, "status"))) {
		b->has_status = true;
		if (!take_str(c, v, "status", &b->status, &b->ce))
			goto oom;
	}
	if ((v = json_object_get(root, "phases"))) {
		b->has_phases = true;
		if (!take_phases(c, v, b))
			goto oom;
	}
	if ((v = json_object_get(root, "copy_from"))) {
		b->has_copy = true;
		if (json_is_integer(v) && json_integer_value(v) > 0)
			b->copy_from = (int64_t)json_integer_value(v);
		else if (!json_is_null(v))
			cycle_error_add(&b->ce, "copy_from", CP_BAD_TYPE, -1, -1);
	}
	if (b->ce.n) {
		problem(c, 422, "Some values have the wrong type; see errors.", &b->ce);
		goto out;
	}
	ok = true;
	goto out;
oom:
	api_problem_err(c, ERR_TOO_BIG);
out:
	json_decref(root);
	return ok;
}

/* ---- writes ---- */

struct cycle_job {
	int64_t id;                  /* 0: create */
	struct cycle_body b;
	struct cycle_errors ce;
	bool closed;                 /* the stored cycle is closed */
	struct cycle out;
};

static enum err cycle_write(struct ctx *c, void *arg)
{
	struct cycle_job *j = arg;
	j->ce.n = 0;
	j->closed = false;
	struct cycle before = { .status = CYCLE_DRAFT }, after;
	enum err e;
	if (j->id) {
		if ((e = store_cycle_get(c->db, c->a, j->id, &before)) != OK)
			return e;
		if (!cycle_editable(before.status)) {
			j->closed = true;
			cycle_error_add(&j->ce, "status", CP_CLOSED, -1, -1);
			return ERR_CONFLICT;
		}
	}
	after = before;
	if (!j->id && j->b.copy_from) {
		struct cycle src;
		e = store_cycle_get(c->db, c->a, j->b.copy_from, &src);
		if (e == ERR_NOTFOUND)
			cycle_error_add(&j->ce, "copy_from", CP_UNKNOWN_REF, -1, -1);
		else if (e != OK)
			return e;
		else
			cycle_shift_years(c->a, src.phases, 1, after.phases);
	}
	if (j->b.has_name || !j->id)
		after.name = j->b.name;
	for (int k = 0; k < PHASE_COUNT; k++)
		if (j->b.phase_given[k])
			after.phases[k] = j->b.phases[k];
	if (j->b.has_status) {
		enum cycle_status to;
		if (!cycle_status_parse(j->b.status, &to)) {
			cycle_error_add(&j->ce, "status", CP_BAD_STATUS, -1, -1);
		} else {
			enum cycle_problem p = cycle_transition(before.status, to);
			if (p != CP_NONE)
				cycle_error_add(&j->ce, "status", p, -1, -1);
			else
				after.status = to;
		}
	}
	cycle_validate_name(after.name, &j->ce);
	if (!cycle_errors_has(&j->ce, "name")) {
		struct cycle other;
		e = store_cycle_by_name(c->db, c->a, after.name, &other);
		if (e == OK && other.id != j->id)
			cycle_error_add(&j->ce, "name", CP_TAKEN, -1, -1);
		else if (e != OK && e != ERR_NOTFOUND)
			return e;
	}
	cycle_validate_dates(after.phases, after.status == CYCLE_OPEN, &j->ce);
	if (j->ce.n)
		return cycle_errors_has(&j->ce, "name") && j->ce.n == 1 &&
				       j->ce.e[0].problem == CP_TAKEN
			       ? ERR_CONFLICT
			       : ERR_INVALID;
	struct buf changes;
	buf_init(&changes, c->a, API_BODY_MAX);
	cycle_audit_changes(&changes, j->id ? &before : NULL, &after);
	if (changes.err != OK)
		return changes.err;
	if (!j->id) {
		if ((e = store_cycle_insert(c->db, &after, c->now)) != OK)
			return e;
		e = ctx_audit(c, "cycle", after.id, "create", buf_str(&changes));
	} else if (strcmp(buf_str(&changes), "{}") != 0) {
		const char *action = after.status != before.status
					     ? (after.status == CYCLE_OPEN ? "open" : "close")
					     : "update";
		if ((e = store_cycle_update(c->db, &after, c->now)) != OK)
			return e;
		e = ctx_audit(c, "cycle", after.id, action, buf_str(&changes));
	}
	if (e == OK)
		j->out = after;
	return e;
}

static void run(struct ctx *c, struct cycle_job *j, int status)
{
	enum err e = ctx_write(c, cycle_write, j);
	if (e == ERR_INVALID && j->ce.n) {
		problem(c, 422, "Some values are invalid; see errors.", &j->ce);
	} else if (e == ERR_CONFLICT && j->ce.n) {
		problem(c, 409, j->closed ? "The cycle is closed and read-only."
					  : "A value must be unique and is already used.",
			&j->ce);
	} else if (e != OK) {
		api_problem_err(c, e);
	} else {
		if (status == 201)
			http_resp_header(c->w, "Location", arena_printf(c->a, "/api/v1/cycles/%lld",
									(long long)j->out.id));
		answer_cycle(c, status, &j->out);
	}
}

void api_cycle_create(struct ctx *c)
{
	struct cycle_job j = { .id = 0 };
	if (read_body(c, &j.b, true))
		run(c, &j, 201);
}

void api_cycle_update(struct ctx *c)
{
	struct cycle_job j = { .id = ctx_param_id(c, "id") };
	if (!j.id)
		api_problem_err(c, ERR_NOTFOUND);
	else if (read_body(c, &j.b, false))
		run(c, &j, 200);
}

struct delete_job {
	int64_t id;
	bool not_draft;
};

static enum err cycle_delete(struct ctx *c, void *arg)
{
	struct delete_job *j = arg;
	struct cycle cy;
	enum err e = store_cycle_get(c->db, c->a, j->id, &cy);
	if (e != OK)
		return e;
	if (!cycle_deletable(cy.status)) {
		j->not_draft = true;
		return ERR_CONFLICT;
	}
	struct buf changes;
	buf_init(&changes, c->a, API_BODY_MAX);
	struct jw w;
	jw_init(&w, &changes);
	jw_obj(&w);
	jw_key(&w, "name");
	jw_arr(&w);
	jw_str(&w, cy.name);
	jw_null(&w);
	jw_arr_end(&w);
	jw_obj_end(&w);
	if (changes.err != OK)
		return changes.err;
	if ((e = store_cycle_delete(c->db, j->id)) != OK)
		return e;
	return ctx_audit(c, "cycle", j->id, "delete", buf_str(&changes));
}

void api_cycle_delete(struct ctx *c)
{
	struct delete_job j = { .id = ctx_param_id(c, "id") };
	enum err e = j.id ? ctx_write(c, cycle_delete, &j) : ERR_NOTFOUND;
	if (e == ERR_CONFLICT && j.not_draft) {
		api_problem(c, 409, "Only a draft cycle can be deleted; an open or closed cycle is kept.");
	} else if (e != OK) {
		api_problem_err(c, e);
	} else {
		buf_reset(&c->w->body);
		c->w->status = 204;
	}
}
