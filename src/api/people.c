/* people.c — /api/v1/people: search and page through the directory, read one
 * person, create, patch, and deactivate. People are never deleted, because
 * their history (conversations, plans, the audit log) must keep its subject:
 * DELETE sets active to false and answers 200 with the person, exactly like
 * PATCH {"active": false}. Admin and HR act on everyone; a leader only on
 * people in the units they lead, checked for the unit a person is in and
 * for the unit a write would put them in (403 otherwise). The list pages by
 * keyset on (name, id) in Norwegian order, so pages hold still while people
 * are added. Writes follow the same shape as units.c: body into a job, one
 * transaction that loads, merges, validates, stores and audits, then the
 * answer. */
#include "api/api.h"

#include <string.h>
#include "domain/audit.h"

static void write_person(struct jw *w, const void *item)
{
	const struct person *p = item;
	jw_obj(w);
	jw_kint(w, "id", p->id);
	jw_kstr(w, "name", p->name);
	jw_kstr(w, "email", p->email && *p->email ? p->email : NULL);
	jw_kstr(w, "employee_number", p->employee_number);
	jw_kid(w, "unit_id", p->unit_id);
	jw_kstr(w, "job_title", p->job_title && *p->job_title ? p->job_title : NULL);
	jw_kbool(w, "active", p->active);
	jw_obj_end(w);
}

static const char *person_key(const void *item, int64_t *id)
{
	const struct person *p = item;
	*id = p->id;
	return p->name;
}

void api_people_list(struct ctx *c)
{
	struct api_name_query nq;
	if (!api_read_name_query(c, "unit", &nq))
		return;
	struct person_query q = { .text = nq.text, .unit_id = nq.scope_id,
				  .include_inactive = nq.include_inactive,
				  .after_name = nq.page.key, .after_id = nq.page.id,
				  .limit = nq.page.limit };
	struct person *people = NULL;
	int n = 0;
	enum err e = store_people_list(c->db, c->a, &q, &people, &n);
	api_answer_name_page(c, e, &nq.page, people, n, sizeof *people, write_person, person_key);
}

void api_person_get(struct ctx *c)
{
	int64_t id = ctx_param_id(c, "id");
	struct person p;
	enum err e = id ? store_person_get(c->db, c->a, id, &p) : ERR_NOTFOUND;
	api_answer_one(c, e, 200, write_person, &p);
}

enum { M_ID, M_NAME, M_EMAIL, M_NUMBER, M_UNIT, M_TITLE, M_ACTIVE, M_COUNT };

struct person_job {
	int64_t id;                  /* the person written; 0 on create */
	bool deactivate;             /* DELETE: only set active to false */
	int64_t body_id;             /* "id" in the body, when present */
	struct person in;            /* values read from the body */
	struct api_member m[M_COUNT];
	struct field_errors fe;      /* why the write failed, when it did */
	struct person out;           /* the person as stored */
};

static void job_init(struct person_job *j, int64_t id)
{
	memset(j, 0, sizeof *j);
	j->id = id;
	j->m[M_ID] = (struct api_member){ "id", API_ID, &j->body_id, false };
	j->m[M_NAME] = (struct api_member){ "name", API_STR, &j->in.name, false };
	j->m[M_EMAIL] = (struct api_member){ "email", API_STR, &j->in.email, false };
	j->m[M_NUMBER] = (struct api_member){ "employee_number", API_STR, &j->in.employee_number,
					      false };
	j->m[M_UNIT] = (struct api_member){ "unit_id", API_ID, &j->in.unit_id, false };
	j->m[M_TITLE] = (struct api_member){ "job_title", API_STR, &j->in.job_title, false };
	j->m[M_ACTIVE] = (struct api_member){ "active", API_BOOL, &j->in.active, false };
}

static bool same_text(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "") == 0;
}

/* Optional text: an empty string is stored as no value. */
static char *optional(char *s)
{
	return s && *s ? s : NULL;
}

/* The body's members over the stored person. */
static void merge(const struct person_job *j, struct person *p)
{
	if (j->deactivate) {
		p->active = false;
		return;
	}
	if (j->m[M_NAME].present)
		p->name = j->in.name;
	if (j->m[M_EMAIL].present)
		p->email = optional(j->in.email);
	if (j->m[M_NUMBER].present)
		p->employee_number = j->in.employee_number;
	if (j->m[M_UNIT].present)
		p->unit_id = j->in.unit_id;
	if (j->m[M_TITLE].present)
		p->job_title = optional(j->in.job_title);
	if (j->m[M_ACTIVE].present)
		p->active = j->in.active;
}

/* The transaction of POST, PATCH and DELETE. */
static enum err person_write(struct ctx *c, void *arg)
{
	struct person_job *j = arg;
	struct person before = { .active = true }, after;
	enum err e;
	j->fe.n = 0;
	if (j->id) {
		if ((e = store_person_get(c->db, c->a, j->id, &before)) != OK)
			return e;
		if (!access_can(&c->actor, ACT_PERSON_EDIT, before.unit_id))
			return ERR_FORBIDDEN;
	}
	after = before;
	merge(j, &after);
	if (j->m[M_ID].present && (!j->id || j->body_id != j->id))
		field_error_add(&j->fe, "id", PROB_NOT_ALLOWED);
	validate_person(&after, &j->fe);
	if (after.unit_id && (!j->id || after.unit_id != before.unit_id) &&
	    !field_errors_has(&j->fe, "unit_id")) {
		struct unit u;
		e = store_unit_get(c->db, c->a, after.unit_id, &u);
		if (e == ERR_NOTFOUND)
			field_error_add(&j->fe, "unit_id", PROB_UNKNOWN_REF);
		else if (e != OK)
			return e;
	}
	if (j->fe.n)
		return ERR_INVALID;
	if (!access_can(&c->actor, ACT_PERSON_EDIT, after.unit_id))
		return ERR_FORBIDDEN;
	if (!j->id || !same_text(before.employee_number, after.employee_number)) {
		struct person other;
		e = store_person_by_number(c->db, c->a, after.employee_number, &other);
		if ((e = api_unique(e, &other.id, j->id, &j->fe, "employee_number")) != OK)
			return e;
	}
	struct buf changes;
	buf_init(&changes, c->a, API_BODY_MAX);
	audit_person_changes(&changes, j->id ? &before : NULL, &after);
	if (changes.err != OK)
		return changes.err;
	if (!j->id || !audit_is_empty(&changes)) {
		const char *action = api_write_action(!j->id, before.active, after.active);
		e = j->id ? store_person_update(c->db, &after) : store_person_insert(c->db, &after);
		if (e == OK)
			e = ctx_audit(c, "person", after.id, action, buf_str(&changes));
		if (e != OK)
			return e;
	}
	j->out = after;
	return OK;
}

static void run(struct ctx *c, struct person_job *j, int status)
{
	enum err e = ctx_write(c, person_write, j);
	if (e == ERR_FORBIDDEN) {
		api_problem(c, 403, "Leaders may change only people in the units they lead.");
		return;
	}
	if (e == OK && status == 201)
		http_resp_header(c->w, "Location",
				 arena_printf(c->a, "/api/v1/people/%lld", (long long)j->out.id));
	api_answer_write(c, e, &j->fe, NULL, status, write_person, &j->out);
}

void api_person_create(struct ctx *c)
{
	struct person_job j;
	job_init(&j, 0);
	if (api_read_body(c, j.m, M_COUNT))
		run(c, &j, 201);
}

void api_person_update(struct ctx *c)
{
	struct person_job j;
	job_init(&j, ctx_param_id(c, "id"));
	if (api_read_patch(c, j.id, j.m, M_COUNT))
		run(c, &j, 200);
}

void api_person_delete(struct ctx *c)
{
	struct person_job j;
	job_init(&j, ctx_param_id(c, "id"));
	j.deactivate = true;
	if (!j.id)
		api_problem_err(c, ERR_NOTFOUND);
	else
		run(c, &j, 200);
}
