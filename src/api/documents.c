/* documents.c — /api/v1/documents, /api/v1/reading, and a unit's read
 * status with reminders (/api/v1/units/{id}/reading, .../remind, for whoever
 * may prepare the unit): the same store calls and rules as the web pages
 * (web/page_documents.c). JSON carries metadata
 * only; a file version names its download_url, and files are uploaded
 * through the web form alone, so a multipart body gets a 415 that says
 * where to go. Writes are one transaction with an audit row; a closed
 * cycle answers 409. */
#include "api/api_documents.h"

#include <string.h>
#include <time.h>
#include "domain/documents.h"
#include "store/documents.h"

static void write_document(struct jw *w, const struct document *d)
{
	jw_kint(w, "id", d->id);
	jw_kstr(w, "title", d->title);
	jw_kstr(w, "kind", doc_kind_name(d->kind));
	jw_kstr(w, "description", d->description);
	jw_kid(w, "cycle_id", d->cycle_id);
	jw_kint(w, "latest_version", d->latest_version);
	jw_ktime(w, "created_at", d->created_at);
	jw_ktime(w, "updated_at", d->updated_at);
}

static void write_version(struct ctx *c, struct jw *w, const struct doc_version *v)
{
	jw_obj(w);
	jw_kint(w, "version", v->version);
	jw_kstr(w, "format", v->is_file ? "file" : "markdown");
	if (v->is_file) {
		jw_kstr(w, "file_name", v->file_name);
		jw_kstr(w, "file_type", doc_file_type_name(v->file_type));
		jw_kint(w, "file_size", v->file_size);
		jw_kstr(w, "sha256", v->file_sha256);
		jw_kstr(w, "download_url", arena_printf(c->a, "/documents/%lld/versions/%lld/file",
							(long long)v->document_id, (long long)v->version));
	} else {
		jw_kstr(w, "body", v->body);
	}
	jw_kid(w, "created_by", v->created_by);
	jw_ktime(w, "created_at", v->created_at);
	jw_obj_end(w);
}

static void fail(struct ctx *c, enum err e)
{
	if (e == ERR_CONFLICT)
		api_problem(c, 409, "The cycle is closed; its documents and read requests are read-only.");
	else
		api_problem_err(c, e);
}

void api_documents_list(struct ctx *c)
{
	struct api_page pg;
	struct document_query q = { 0 };
	if (!api_read_page(c, &pg) || !api_query_id(c, "cycle", &q.cycle_id))
		return;
	q.after_title = pg.key;
	q.after_id = pg.id;
	q.limit = pg.limit;
	struct document *docs = NULL;
	int n = 0;
	enum err e = store_documents_list(c->db, c->a, &q, &docs, &n);
	if (e) {
		fail(c, e);
		return;
	}
	struct jw w;
	api_list_begin(c, &w);
	for (int i = 0; i < n; i++) {
		jw_obj(&w);
		write_document(&w, &docs[i]);
		jw_obj_end(&w);
	}
	api_list_end(c, &w, n == pg.limit ? docs[n - 1].title : NULL, n ? docs[n - 1].id : 0);
}

static void answer_document(struct ctx *c, int64_t id, int status)
{
	struct document d;
	struct doc_version *v = NULL;
	int n = 0;
	enum err e = store_document_get(c->db, c->a, id, &d);
	if (!e)
		e = store_document_versions(c->db, c->a, id, &v, &n);
	if (e) {
		fail(c, e);
		return;
	}
	if (status == 201)
		http_resp_header(c->w, "Location", arena_printf(c->a, "/api/v1/documents/%lld", (long long)id));
	struct jw w;
	api_json_begin(c, &w);
	jw_obj(&w);
	write_document(&w, &d);
	jw_key(&w, "versions");
	jw_arr(&w);
	for (int i = 0; i < n; i++)
		write_version(c, &w, &v[i]);
	jw_arr_end(&w);
	jw_obj_end(&w);
	api_json_end(c, status);
}

void api_document_get(struct ctx *c)
{
	int64_t id = ctx_param_id(c, "id");
	if (!id)
		api_problem_err(c, ERR_NOTFOUND);
	else
		answer_document(c, id, 200);
}

/* false once a 415 is written for a file upload sent here. */
static bool not_multipart(struct ctx *c)
{
	const char *ct = http_header(c->req, "Content-Type");
	if (ct && strncmp(ct, "multipart/", 10) == 0) {
		api_problem(c, 415, "Files are uploaded through the web form (/documents/new or "
				    "/documents/{id}/versions/new); the API takes Markdown versions as JSON "
				    "({\"body\": \"...\"}).");
		return false;
	}
	return true;
}

enum { M_TITLE, M_KIND, M_DESCRIPTION, M_CYCLE, M_BODY, M_COUNT };

struct doc_job {
	int64_t id;                  /* the document; 0 on create */
	struct document d;
	char *kind, *body;
	struct api_member m[M_COUNT];
	struct field_errors fe;
	struct doc_version v;
};

static enum err job_audit(struct ctx *c, struct doc_job *j, const char *action)
{
	struct buf b;
	struct jw w;
	buf_init(&b, c->a, 0);
	jw_init(&w, &b);
	jw_obj(&w);
	if (!j->id) {
		jw_key(&w, "title");
		jw_arr(&w);
		jw_null(&w);
		jw_str(&w, j->d.title);
		jw_arr_end(&w);
		jw_key(&w, "kind");
		jw_arr(&w);
		jw_null(&w);
		jw_str(&w, doc_kind_name(j->d.kind));
		jw_arr_end(&w);
	}
	jw_key(&w, "version");
	jw_arr(&w);
	if (j->v.version > 1)
		jw_int(&w, j->v.version - 1);
	else
		jw_null(&w);
	jw_int(&w, j->v.version);
	jw_arr_end(&w);
	jw_obj_end(&w);
	return b.err ? b.err : ctx_audit(c, "document", j->d.id, action, buf_str(&b));
}

static enum err doc_write(struct ctx *c, void *arg)
{
	struct doc_job *j = arg;
	enum err e;
	j->fe.n = 0;
	if (j->id) {
		if ((e = store_document_get(c->db, c->a, j->id, &j->d)) != OK)
			return e;
	} else {
		if (!j->kind || !*j->kind)
			field_error_add(&j->fe, "kind", PROB_REQUIRED);
		else if (!doc_kind_parse(j->kind, &j->d.kind))
			field_error_add(&j->fe, "kind", PROB_UNKNOWN_REF);
		if (j->d.description && !*j->d.description)
			j->d.description = NULL;
		validate_document(&j->d, &j->fe);
		if (j->d.cycle_id) {
			struct doc_cycle *cy;
			int n;
			if ((e = store_doc_cycles(c->db, c->a, &cy, &n)) != OK)
				return e;
			int i = 0;
			while (i < n && cy[i].id != j->d.cycle_id)
				i++;
			if (i == n)
				field_error_add(&j->fe, "cycle_id", PROB_UNKNOWN_REF);
			else if (cy[i].status && strcmp(cy[i].status, "closed") == 0)
				return ERR_CONFLICT;
		}
	}
	validate_doc_body(j->body, "body", &j->fe);
	if (j->fe.n)
		return ERR_INVALID;
	if (!j->id && (e = store_document_insert(c->db, &j->d, c->user.id, c->now)) != OK)
		return e;
	memset(&j->v, 0, sizeof j->v);
	j->v.body = j->body;
	if ((e = store_document_version_add(c->db, c->a, j->d.id, &j->v, NULL, 0, c->user.id, c->now)) != OK)
		return e;
	return job_audit(c, j, j->id ? "version" : "create");
}

static void run(struct ctx *c, struct doc_job *j)
{
	enum err e = ctx_write(c, doc_write, j);
	if (e == ERR_INVALID && j->fe.n)
		api_problem_fields(c, 422, &j->fe);
	else if (e)
		fail(c, e);
	else
		answer_document(c, j->d.id, 201);
}

void api_document_create(struct ctx *c)
{
	struct doc_job j;
	memset(&j, 0, sizeof j);
	j.m[M_TITLE] = (struct api_member){ "title", API_STR, &j.d.title, false };
	j.m[M_KIND] = (struct api_member){ "kind", API_STR, &j.kind, false };
	j.m[M_DESCRIPTION] = (struct api_member){ "description", API_STR, &j.d.description, false };
	j.m[M_CYCLE] = (struct api_member){ "cycle_id", API_ID, &j.d.cycle_id, false };
	j.m[M_BODY] = (struct api_member){ "body", API_STR, &j.body, false };
	if (not_multipart(c) && api_read_body(c, j.m, M_COUNT))
		run(c, &j);
}

void api_document_version_create(struct ctx *c)
{
	struct doc_job j;
	memset(&j, 0, sizeof j);
	j.id = ctx_param_id(c, "id");
	j.m[0] = (struct api_member){ "body", API_STR, &j.body, false };
	if (!j.id)
		api_problem_err(c, ERR_NOTFOUND);
	else if (not_multipart(c) && api_read_body(c, j.m, 1))
		run(c, &j);
}

static void write_request(struct jw *w, const struct read_request *r, bool with_person)
{
	jw_obj(w);
	jw_kint(w, "id", r->id);
	if (with_person) {
		jw_kint(w, "person_id", r->person_id);
		jw_kstr(w, "person_name", r->person_name);
	}
	jw_kint(w, "document_id", r->document_id);
	jw_kstr(w, "document_title", r->document_title);
	jw_kstr(w, "kind", doc_kind_name(r->kind));
	jw_kint(w, "latest_version", r->latest_version);
	jw_kint(w, "cycle_id", r->cycle_id);
	jw_kstr(w, "state", read_state_name(read_state_of(r->confirmed_version, r->latest_version)));
	jw_kstr(w, "requested_by", r->requested_by_name);
	jw_ktime(w, "requested_at", r->requested_at);
	jw_key(w, "confirmed_version");
	if (r->confirmed_version)
		jw_int(w, r->confirmed_version);
	else
		jw_null(w);
	jw_ktime(w, "confirmed_at", r->confirmed_at);
	jw_ktime(w, "reminded_at", r->reminded_at);
	jw_kint(w, "reminder_count", r->reminder_count);
	jw_obj_end(w);
}

void api_reading_list(struct ctx *c)
{
	struct read_request *rs = NULL;
	int n = 0;
	if (c->actor.person_id) {
		enum err e = store_read_requests_for_person(c->db, c->a, c->actor.person_id, &rs, &n);
		if (e) {
			fail(c, e);
			return;
		}
	}
	struct jw w;
	api_list_begin(c, &w);
	for (int i = 0; i < n; i++)
		write_request(&w, &rs[i], false);
	api_list_end(c, &w, NULL, 0);
}

struct confirm_job {
	int64_t id, version;
	struct read_request r;
	struct field_errors fe;
};

static enum err confirm_write(struct ctx *c, void *arg)
{
	struct confirm_job *j = arg;
	j->fe.n = 0;
	enum err e = store_read_request_get(c->db, c->a, j->id, &j->r);
	if (e)
		return e;
	if (!c->actor.person_id || j->r.person_id != c->actor.person_id)
		return ERR_NOTFOUND;
	if (j->r.cycle_status && strcmp(j->r.cycle_status, "closed") == 0)
		return ERR_CONFLICT;
	if (j->version != j->r.latest_version) {
		field_error_add(&j->fe, "version", PROB_NOT_ALLOWED);
		return ERR_INVALID;
	}
	if (j->r.confirmed_version == j->version)
		return OK;
	if ((e = store_read_request_confirm(c->db, j->id, j->version, c->now)) != OK)
		return e;
	char *changes = arena_printf(c->a, "{\"confirmed_version\":[%s,%lld]}",
				     j->r.confirmed_version ? arena_printf(c->a, "%lld",
									   (long long)j->r.confirmed_version)
							    : "null",
				     (long long)j->version);
	if (!changes)
		return ERR_TOO_BIG;
	e = ctx_audit(c, "read_request", j->id, "confirm", changes);
	j->r.confirmed_version = j->version;
	j->r.confirmed_at = c->now;
	return e;
}

void api_reading_confirm(struct ctx *c)
{
	struct confirm_job j;
	memset(&j, 0, sizeof j);
	j.id = ctx_param_id(c, "id");
	struct api_member m[] = { { "version", API_ID, &j.version, false } };
	if (!j.id) {
		api_problem_err(c, ERR_NOTFOUND);
		return;
	}
	if (!api_read_body(c, m, 1))
		return;
	if (!m[0].present || !j.version) {
		field_error_add(&j.fe, "version", PROB_REQUIRED);
		api_problem_fields(c, 422, &j.fe);
		return;
	}
	enum err e = ctx_write(c, confirm_write, &j);
	if (e == ERR_INVALID && j.fe.n) {
		api_problem_fields(c, 422, &j.fe);
	} else if (e) {
		fail(c, e);
	} else {
		struct jw w;
		api_json_begin(c, &w);
		write_request(&w, &j.r, false);
		api_json_end(c, 200);
	}
}

/* ---- a unit's read status and reminders (the leader's, and HR's) ---- */

/* The unit of {id}, which the actor may prepare; false once a problem has
 * been written. */
static bool unit_param(struct ctx *c, int64_t *unit_id)
{
	struct unit u;
	*unit_id = ctx_param_id(c, "id");
	enum err e = *unit_id ? store_unit_get(c->db, c->a, *unit_id, &u) : ERR_NOTFOUND;
	if (!e && !access_can(&c->actor, ACT_PREPARE, *unit_id))
		e = ERR_FORBIDDEN;
	if (e)
		api_problem_err(c, e);
	return !e;
}

/* The cycle of ?cycle=, or (absent) the newest open one, else the newest;
 * *status its status; 0 and NULL when there is no cycle at all. false once
 * a problem has been written. */
static bool cycle_query(struct ctx *c, int64_t *cycle_id, const char **status)
{
	if (!api_query_id(c, "cycle", cycle_id))
		return false;
	struct doc_cycle *cy;
	int n;
	enum err e = store_doc_cycles(c->db, c->a, &cy, &n);
	if (!e && !*cycle_id)
		e = store_doc_default_cycle(c->db, cycle_id);
	if (e) {
		api_problem_err(c, e);
		return false;
	}
	for (int i = 0; i < n; i++)
		if (cy[i].id == *cycle_id) {
			*status = cy[i].status;
			return true;
		}
	*status = NULL;
	if (!*cycle_id)
		return true;
	api_problem(c, 404, "No such cycle.");
	return false;
}

void api_unit_reading(struct ctx *c)
{
	int64_t unit_id, cycle_id;
	const char *status;
	if (!unit_param(c, &unit_id) || !cycle_query(c, &cycle_id, &status))
		return;
	struct read_request *rs = NULL;
	int n = 0;
	struct read_counts k = { 0, 0, 0, 0 };
	enum err e = cycle_id ? store_read_status_for_unit(c->db, c->a, cycle_id, unit_id, &rs, &n) : OK;
	if (!e && cycle_id)
		e = store_read_counts(c->db, cycle_id, unit_id, &k);
	if (e) {
		fail(c, e);
		return;
	}
	struct jw w;
	api_json_begin(c, &w);
	jw_obj(&w);
	jw_kint(&w, "unit_id", unit_id);
	jw_kid(&w, "cycle_id", cycle_id);
	jw_kstr(&w, "cycle_status", status);
	jw_kint(&w, "asked", k.asked);
	jw_kint(&w, "confirmed_all", k.confirmed_all);
	jw_kint(&w, "requests", k.requests);
	jw_kint(&w, "requests_confirmed", k.requests_confirmed);
	jw_key(&w, "items");
	jw_arr(&w);
	for (int i = 0; i < n; i++)
		write_request(&w, &rs[i], true);
	jw_arr_end(&w);
	jw_obj_end(&w);
	api_json_end(c, 200);
}

struct remind_job {
	int64_t unit_id, cycle_id, n;
};

static enum err remind_write(struct ctx *c, void *arg)
{
	struct remind_job *j = arg;
	if (!access_can(&c->actor, ACT_PREPARE, j->unit_id))
		return ERR_FORBIDDEN;
	j->n = 0;
	enum err e = store_read_remind(c->db, j->cycle_id, j->unit_id, c->now, &j->n);
	if (e || j->n == 0)
		return e;
	char *changes = arena_printf(c->a, "{\"cycle_id\":[null,%lld],\"reminded\":[null,%lld]}",
				     (long long)j->cycle_id, (long long)j->n);
	return changes ? ctx_audit(c, "unit", j->unit_id, "remind_reading", changes) : ERR_TOO_BIG;
}

void api_unit_reading_remind(struct ctx *c)
{
	struct remind_job j = { 0 };
	if (!unit_param(c, &j.unit_id))
		return;
	/* the cycle from ?cycle= or from a body {"cycle_id": N}; one of them */
	if (!api_query_id(c, "cycle", &j.cycle_id))
		return;
	if (c->req->body_len > 0) {
		int64_t body_cycle = 0;
		struct api_member m[] = { { "cycle_id", API_ID, &body_cycle, false } };
		if (!api_read_body(c, m, 1))
			return;
		if (m[0].present && j.cycle_id && body_cycle != j.cycle_id) {
			api_problem(c, 400, "Give the cycle once: ?cycle= and cycle_id differ.");
			return;
		}
		if (m[0].present)
			j.cycle_id = body_cycle;
	}
	struct field_errors fe = { .n = 0 };
	const char *status = NULL;
	struct doc_cycle *cy;
	int n = 0;
	enum err e = j.cycle_id ? store_doc_cycles(c->db, c->a, &cy, &n) : OK;
	if (e) {
		api_problem_err(c, e);
		return;
	}
	for (int i = 0; i < n; i++)
		if (cy[i].id == j.cycle_id)
			status = cy[i].status;
	if (!status) {
		field_error_add(&fe, "cycle_id", j.cycle_id ? PROB_UNKNOWN_REF : PROB_REQUIRED);
		api_problem_fields(c, 422, &fe);
		return;
	}
	e = strcmp(status, "closed") == 0 ? ERR_CONFLICT : ctx_write(c, remind_write, &j);
	if (e) {
		fail(c, e);
		return;
	}
	struct jw w;
	api_json_begin(c, &w);
	jw_obj(&w);
	jw_kint(&w, "unit_id", j.unit_id);
	jw_kint(&w, "cycle_id", j.cycle_id);
	jw_kint(&w, "reminded", j.n);
	jw_obj_end(&w);
	api_json_end(c, 200);
}
