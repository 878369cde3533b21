/* page_documents.c — handlers of the documents pages: the list, one
 * document (its latest or a chosen version, the history), new documents and
 * versions from one multipart form (Markdown text or an uploaded file,
 * checked by domain/documents.c before anything is written), the download
 * of a stored file, the employee's reading list with "I have read this",
 * and a unit's read status with reminders for its leader and HR. Each write
 * is one transaction with its audit row; a closed cycle refuses writes with
 * 409 and says why. */
#include "web/pages_documents.h"

#include <string.h>
#include "base/arena.h"
#include "base/buf.h"
#include "base/json.h"
#include "base/log.h"
#include "domain/documents.h"
#include "html/html.h"
#include "store/documents.h"
#include "views/documents.h"
#include "web/pages_org.h"

enum { DOCS_PAGE = 50 };

/* The page that explains a refusal because the cycle is closed. */
static void closed_page(struct ctx *c)
{
	c->w->status = 409;
	buf_reset(&c->w->body);
	struct html h;
	page_begin(c, &h, msg(c->lang, MSG_DOC_CLOSED_TITLE));
	HTML_LIT(&h, "<h1 class=\"ds-heading\" data-size=\"lg\">");
	html_msg(&h, MSG_DOC_CLOSED_TITLE);
	HTML_LIT(&h, "</h1><p class=\"ds-paragraph\">");
	html_msg(&h, MSG_DOC_CLOSED_TEXT);
	HTML_LIT(&h, "</p>");
	page_end(c, &h);
}

static void fail(struct ctx *c, enum err e)
{
	if (e == ERR_CONFLICT) {
		closed_page(c);
		return;
	}
	if (e == ERR_IO || e == ERR_BUSY)
		log_error("documents: %s", store_errmsg(c->db));
	page_org_fail(c, e);
}

static struct v_doc_cycle *cycle_view(struct arena *a, const struct doc_cycle *cy, int n)
{
	struct v_doc_cycle *v = arena_alloc(a, sizeof *v * (size_t)(n > 0 ? n : 1));
	for (int i = 0; v && i < n; i++)
		v[i] = (struct v_doc_cycle){ cy[i].id, cy[i].name, cy[i].status };
	return v;
}

void page_documents(struct ctx *c)
{
	bool ok = true;
	const char *after = ctx_query(c, "after");
	int64_t after_id = page_org_parse_id(ctx_query(c, "after_id"), &ok);
	if (!ok || (after && (strlen(after) > 4 * DOC_TITLE_MAX_CHARS || !*after))) {
		ctx_error_page(c, 400);
		return;
	}
	struct document_query q = {
		.after_title = after && after_id > 0 ? after : NULL,
		.after_id = after_id,
		.limit = DOCS_PAGE + 1,
	};
	struct document *docs;
	int n;
	enum err e = store_documents_list(c->db, c->a, &q, &docs, &n);
	if (e) {
		fail(c, e);
		return;
	}
	struct v_documents_index m = {
		.docs = docs, .n = n, .is_first_page = q.after_title == NULL,
		.can_edit = access_can(&c->actor, ACT_DOCUMENT_EDIT, 0),
	};
	if (n > DOCS_PAGE) {
		m.n = DOCS_PAGE;
		m.next_title = docs[DOCS_PAGE - 1].title;
		m.next_id = docs[DOCS_PAGE - 1].id;
	}
	struct html h;
	page_begin(c, &h, msg(c->lang, MSG_DOC_LIST_TITLE));
	v_documents_index(&h, &m);
	page_end(c, &h);
}

/* The viewer's own request for document_id, if any (the newest). */
static const struct read_request *own_request(struct ctx *c, int64_t document_id)
{
	if (!c->actor.person_id)
		return NULL;
	struct read_request *rs;
	int n;
	if (store_read_requests_for_person(c->db, c->a, c->actor.person_id, &rs, &n) != OK)
		return NULL;
	for (int i = 0; i < n; i++)
		if (rs[i].document_id == document_id)
			return &rs[i];
	return NULL;
}

/* One document with version (0: the latest). */
static void show(struct ctx *c, int64_t version)
{
	int64_t id = ctx_param_id(c, "id");
	if (!id) {
		ctx_error_page(c, 404);
		return;
	}
	struct document d;
	struct doc_version *versions, shown;
	int nv = 0;
	enum err e = store_document_get(c->db, c->a, id, &d);
	if (!e)
		e = store_document_versions(c->db, c->a, id, &versions, &nv);
	bool has = false;
	if (!e && (version || d.latest_version)) {
		e = store_document_version_get(c->db, c->a, id, version ? version : d.latest_version, false,
					       &shown);
		has = e == OK;
	}
	if (e) {
		fail(c, e);
		return;
	}
	bool closed = d.cycle_status && strcmp(d.cycle_status, "closed") == 0;
	struct v_document_show m = {
		.doc = &d, .shown = has ? &shown : NULL, .versions = versions, .nversions = nv,
		.can_edit = !closed && access_can(&c->actor, ACT_DOCUMENT_EDIT, 0),
		.request = own_request(c, id), .csrf = c->csrf,
	};
	if (m.request && m.request->cycle_status && strcmp(m.request->cycle_status, "closed") == 0)
		m.request = NULL;
	struct html h;
	page_begin(c, &h, d.title);
	v_document_show(&h, &m);
	page_end(c, &h);
}

void page_document_show(struct ctx *c)
{
	show(c, 0);
}

void page_document_version_show(struct ctx *c)
{
	int64_t v = ctx_param_id(c, "version");
	if (!v) {
		ctx_error_page(c, 404);
		return;
	}
	show(c, v);
}

void page_document_file(struct ctx *c)
{
	int64_t id = ctx_param_id(c, "id"), version = ctx_param_id(c, "version");
	if (!id || !version) {
		ctx_error_page(c, 404);
		return;
	}
	struct doc_version v;
	enum err e = store_document_version_get(c->db, c->a, id, version, true, &v);
	if (e == OK && !v.is_file)
		e = ERR_NOTFOUND;
	if (e) {
		fail(c, e);
		return;
	}
	size_t cap = 3 * strlen(v.file_name) + 8;
	char *ascii = arena_alloc(c->a, cap), *utf8 = arena_alloc(c->a, cap);
	if (!ascii || !utf8) {
		ctx_error_page(c, 413);
		return;
	}
	doc_disposition_ascii(v.file_name, ascii, cap);
	doc_disposition_utf8(v.file_name, utf8, cap);
	c->w->content_type = doc_file_type_mime(v.file_type);
	c->w->cache_control = "private, no-store";
	http_resp_header(c->w, "Content-Disposition",
			 arena_printf(c->a, "attachment; filename=\"%s\"; filename*=%s", ascii, utf8));
	buf_reset(&c->w->body);
	buf_add(&c->w->body, v.file_data, (size_t)v.file_size);
	if (c->w->body.err)
		ctx_error_page(c, 413);
}

/* ---- new documents and versions ---- */

struct doc_save {
	int64_t id;                   /* 0: a new document */
	struct document d;            /* the document (values posted, or stored for a version) */
	const char *kind_text, *cycle_text;
	const char *body;             /* Markdown, or NULL */
	const struct http_field *file;   /* the upload, or NULL */
	char file_name[DOC_NAME_MAX_BYTES];
	enum doc_file_type file_type;
	struct field_errors fe;
	struct v_upload_error up;
	char max_mb[32];
	struct doc_version v;         /* the version written */
};

static void render_form(struct ctx *c, struct doc_save *s, bool failed)
{
	struct v_document_form m = {
		.doc = &s->d, .version_only = s->id != 0, .body = s->body,
		.cycle_text = s->cycle_text ? s->cycle_text : "", .kind_text = s->kind_text,
		.errors = failed ? &s->fe : NULL, .upload = failed ? &s->up : NULL,
		.max_mb = s->max_mb, .csrf = c->csrf,
	};
	if (!s->id) {
		struct doc_cycle *cy;
		int n;
		enum err e = store_doc_cycles(c->db, c->a, &cy, &n);
		if (e) {
			fail(c, e);
			return;
		}
		/* a closed cycle is read-only: not offered */
		struct v_doc_cycle *v = cycle_view(c->a, cy, n);
		int k = 0;
		for (int i = 0; v && i < n; i++)
			if (!v[i].status || strcmp(v[i].status, "closed") != 0)
				v[k++] = v[i];
		m.cycles = v;
		m.ncycles = k;
	}
	if (failed)
		c->w->status = 422;
	buf_reset(&c->w->body);
	struct html h;
	page_begin(c, &h, s->id ? msg(c->lang, MSG_DOC_NEW_VERSION) : msg(c->lang, MSG_DOC_NEW));
	v_document_form(&h, &m);
	page_end(c, &h);
}

static void save_init(struct ctx *c, struct doc_save *s, int64_t id)
{
	memset(s, 0, sizeof *s);
	s->id = id;
	s->kind_text = doc_kind_name(DOC_LEADER_GUIDE);
	doc_megabytes(c->app->upload_max_bytes, s->max_mb);
}

/* Reads and checks the content part of the form (text or file). */
static void read_content(struct ctx *c, struct doc_save *s)
{
	const char *body = ctx_form(c, "body");
	bool has_body = false;
	for (const char *p = body; p && *p && !has_body; p++)
		has_body = *p != ' ' && *p != '\t' && *p != '\n' && *p != '\r';
	s->body = body;
	const struct http_field *f = http_form_field(&c->form, "file");
	bool has_file = f && ((f->filename && *f->filename) || f->len > 0);
	if (has_body && has_file) {
		s->up.both = true;
	} else if (!has_body && !has_file) {
		s->up.missing = true;
	} else if (has_file) {
		s->file = f;
		s->up.problem = doc_upload_check(f->filename ? f->filename : "", (const unsigned char *)f->value,
						 f->len, c->app->upload_max_bytes, s->file_name, &s->file_type);
		s->up.max_mb = s->max_mb;
	} else {
		validate_doc_body(body, "body", &s->fe);
	}
}

static bool content_ok(const struct doc_save *s)
{
	return !s->up.both && !s->up.missing && s->up.problem == DOC_UPLOAD_OK;
}

static void audit_version(struct jw *w, const struct doc_version *v)
{
	jw_key(w, "version");
	jw_arr(w);
	if (v->version > 1)
		jw_int(w, v->version - 1);
	else
		jw_null(w);
	jw_int(w, v->version);
	jw_arr_end(w);
	if (v->is_file) {
		jw_key(w, "file_name");
		jw_arr(w);
		jw_null(w);
		jw_str(w, v->file_name);
		jw_arr_end(w);
		jw_key(w, "file_sha256");
		jw_arr(w);
		jw_null(w);
		jw_str(w, v->file_sha256);
		jw_arr_end(w);
	}
}

static enum err add_version(struct ctx *c, struct doc_save *s)
{
	memset(&s->v, 0, sizeof s->v);
	s->v.is_file = s->file != NULL;
	if (s->file) {
		s->v.file_name = s->file_name;
		s->v.file_type = s->file_type;
		return store_document_version_add(c->db, c->a, s->d.id, &s->v, s->file->value, s->file->len,
						  c->user.id, c->now);
	}
	s->v.body = (char *)s->body;
	return store_document_version_add(c->db, c->a, s->d.id, &s->v, NULL, 0, c->user.id, c->now);
}

/* The transaction of POST /documents. */
static enum err create_document(struct ctx *c, void *arg)
{
	struct doc_save *s = arg;
	enum err e;
	s->fe.n = 0;   /* ctx_write may run this again after ERR_BUSY */
	if (s->d.cycle_id) {
		struct doc_cycle *cy;
		int n;
		if ((e = store_doc_cycles(c->db, c->a, &cy, &n)) != OK)
			return e;
		int i = 0;
		while (i < n && cy[i].id != s->d.cycle_id)
			i++;
		if (i == n)
			field_error_add(&s->fe, "cycle_id", PROB_UNKNOWN_REF);
		else if (cy[i].status && strcmp(cy[i].status, "closed") == 0)
			field_error_add(&s->fe, "cycle_id", PROB_NOT_ALLOWED);
	}
	if (s->fe.n || !content_ok(s))
		return ERR_INVALID;
	if ((e = store_document_insert(c->db, &s->d, c->user.id, c->now)) != OK)
		return e;
	if ((e = add_version(c, s)) != OK)
		return e;
	struct buf b;
	struct jw w;
	buf_init(&b, c->a, 0);
	jw_init(&w, &b);
	jw_obj(&w);
	jw_key(&w, "title");
	jw_arr(&w);
	jw_null(&w);
	jw_str(&w, s->d.title);
	jw_arr_end(&w);
	jw_key(&w, "kind");
	jw_arr(&w);
	jw_null(&w);
	jw_str(&w, doc_kind_name(s->d.kind));
	jw_arr_end(&w);
	if (s->d.cycle_id) {
		jw_key(&w, "cycle_id");
		jw_arr(&w);
		jw_null(&w);
		jw_int(&w, s->d.cycle_id);
		jw_arr_end(&w);
	}
	audit_version(&w, &s->v);
	jw_obj_end(&w);
	if (b.err)
		return b.err;
	return ctx_audit(c, "document", s->d.id, "create", buf_str(&b));
}

void page_document_new(struct ctx *c)
{
	struct doc_save s;
	save_init(c, &s, 0);
	s.cycle_text = ctx_query(c, "cycle");
	render_form(c, &s, false);
}

void page_document_create(struct ctx *c)
{
	struct doc_save s;
	save_init(c, &s, 0);
	s.d.title = page_org_field(c, "title", "title", &s.fe);
	s.kind_text = page_org_field(c, "kind", "kind", &s.fe);
	if (!*s.kind_text)
		field_error_add(&s.fe, "kind", PROB_REQUIRED);
	else if (!doc_kind_parse(s.kind_text, &s.d.kind))
		field_error_add(&s.fe, "kind", PROB_UNKNOWN_REF);
	s.d.description = page_org_field(c, "description", "description", &s.fe);
	if (!*s.d.description)
		s.d.description = NULL;
	s.cycle_text = page_org_field(c, "cycle_id", "cycle_id", &s.fe);
	bool ok;
	s.d.cycle_id = page_org_parse_id(s.cycle_text, &ok);
	if (!ok)
		field_error_add(&s.fe, "cycle_id", PROB_BAD_NUMBER);
	validate_document(&s.d, &s.fe);
	read_content(c, &s);
	static const char *const order[] = { "title", "kind", "description", "cycle_id", "body" };
	enum err e = ERR_INVALID;
	if (!s.fe.n && content_ok(&s))
		e = ctx_write(c, create_document, &s);
	if (e == ERR_INVALID && (s.fe.n || !content_ok(&s))) {
		page_org_tidy_problems(&s.fe, order, (int)(sizeof order / sizeof order[0]));
		render_form(c, &s, true);
	} else if (e) {
		fail(c, e);
	} else {
		ctx_redirect_flash(c, url_path(c->a, "/documents/%lld", (long long)s.d.id), MSG_DOC_CREATED);
	}
}

/* Loads the document of a version form; false once an error page is written. */
static bool load_for_version(struct ctx *c, struct doc_save *s)
{
	if (!s->id) {
		ctx_error_page(c, 404);
		return false;
	}
	enum err e = store_document_get(c->db, c->a, s->id, &s->d);
	if (e) {
		fail(c, e);
		return false;
	}
	if (s->d.cycle_status && strcmp(s->d.cycle_status, "closed") == 0) {
		closed_page(c);
		return false;
	}
	return true;
}

void page_document_version_new(struct ctx *c)
{
	struct doc_save s;
	save_init(c, &s, ctx_param_id(c, "id"));
	if (load_for_version(c, &s))
		render_form(c, &s, false);
}

static enum err create_version(struct ctx *c, void *arg)
{
	struct doc_save *s = arg;
	enum err e = add_version(c, s);
	if (e)
		return e;
	struct buf b;
	struct jw w;
	buf_init(&b, c->a, 0);
	jw_init(&w, &b);
	jw_obj(&w);
	audit_version(&w, &s->v);
	jw_obj_end(&w);
	if (b.err)
		return b.err;
	return ctx_audit(c, "document", s->d.id, "version", buf_str(&b));
}

void page_document_version_create(struct ctx *c)
{
	struct doc_save s;
	save_init(c, &s, ctx_param_id(c, "id"));
	if (!load_for_version(c, &s))
		return;
	read_content(c, &s);
	if (s.fe.n || !content_ok(&s)) {
		render_form(c, &s, true);
		return;
	}
	enum err e = ctx_write(c, create_version, &s);
	if (e)
		fail(c, e);
	else
		ctx_redirect_flash(c, url_path(c->a, "/documents/%lld", (long long)s.d.id), MSG_DOC_VERSION_SAVED);
}

/* ---- reading ---- */

void page_reading(struct ctx *c)
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
	struct v_reading m = { .items = rs, .n = n, .csrf = c->csrf };
	struct html h;
	page_begin(c, &h, msg(c->lang, MSG_READING_TITLE));
	v_reading(&h, &m);
	page_end(c, &h);
}

struct confirm {
	int64_t id;
	int64_t version;
	struct read_request r;
	bool newer;                   /* the posted version is no longer the latest */
};

static enum err confirm_request(struct ctx *c, void *arg)
{
	struct confirm *k = arg;
	enum err e = store_read_request_get(c->db, c->a, k->id, &k->r);
	if (e)
		return e;
	/* only one's own requests, and 404 rather than 403 so ids say nothing */
	if (!c->actor.person_id || k->r.person_id != c->actor.person_id)
		return ERR_NOTFOUND;
	if (k->r.cycle_status && strcmp(k->r.cycle_status, "closed") == 0)
		return ERR_CONFLICT;
	if (k->version != k->r.latest_version) {
		k->newer = true;
		return ERR_INVALID;
	}
	if (k->r.confirmed_version == k->version)
		return OK;
	if ((e = store_read_request_confirm(c->db, k->id, k->version, c->now)) != OK)
		return e;
	char *changes = arena_printf(c->a, "{\"confirmed_version\":[%s,%lld]}",
				     k->r.confirmed_version ? arena_printf(c->a, "%lld",
									   (long long)k->r.confirmed_version)
							    : "null",
				     (long long)k->version);
	if (!changes)
		return ERR_TOO_BIG;
	return ctx_audit(c, "read_request", k->id, "confirm", changes);
}

void page_reading_confirm(struct ctx *c)
{
	bool ok;
	struct confirm k = { .id = ctx_param_id(c, "id") };
	k.version = page_org_parse_id(ctx_form(c, "version"), &ok);
	if (!k.id) {
		ctx_error_page(c, 404);
		return;
	}
	if (!ok || !k.version) {
		ctx_error_page(c, 400);
		return;
	}
	enum err e = ctx_write(c, confirm_request, &k);
	if (e == ERR_INVALID && k.newer)
		ctx_redirect_flash(c, url_path(c->a, "/documents/%lld", (long long)k.r.document_id),
				   MSG_READ_NEWER_FLASH);
	else if (e)
		fail(c, e);
	else
		ctx_redirect_flash(c, "/reading", MSG_READ_CONFIRMED_FLASH);
}

/* The unit of a reading page, with the actor's right to it checked. */
static bool load_unit(struct ctx *c, struct unit *u)
{
	int64_t id = ctx_param_id(c, "id");
	enum err e = id ? store_unit_get(c->db, c->a, id, u) : ERR_NOTFOUND;
	if (e) {
		fail(c, e);
		return false;
	}
	if (!access_can(&c->actor, ACT_PREPARE, u->id)) {
		ctx_error_page(c, 403);
		return false;
	}
	return true;
}

void page_unit_reading(struct ctx *c)
{
	struct unit u;
	if (!load_unit(c, &u))
		return;
	bool ok;
	int64_t cycle_id = page_org_parse_id(ctx_query(c, "cycle"), &ok);
	if (!ok) {
		ctx_error_page(c, 400);
		return;
	}
	struct doc_cycle *cy;
	int ncy;
	enum err e = store_doc_cycles(c->db, c->a, &cy, &ncy);
	if (!e && !cycle_id)
		e = store_doc_default_cycle(c->db, &cycle_id);
	if (e) {
		fail(c, e);
		return;
	}
	struct v_doc_cycle *cycles = cycle_view(c->a, cy, ncy);
	struct v_unit_reading m = {
		.unit_id = u.id, .unit_name = u.name, .cycles = cycles, .ncycles = ncy, .csrf = c->csrf,
	};
	for (int i = 0; cycles && i < ncy; i++)
		if (cycles[i].id == cycle_id)
			m.cycle = &cycles[i];
	if (cycle_id && !m.cycle) {
		ctx_error_page(c, 404);
		return;
	}
	struct read_counts counts = { 0, 0, 0, 0 };
	struct read_request *rows = NULL;
	if (m.cycle) {
		e = store_read_status_for_unit(c->db, c->a, cycle_id, u.id, &rows, &m.n);
		if (!e)
			e = store_read_counts(c->db, cycle_id, u.id, &counts);
		if (e) {
			fail(c, e);
			return;
		}
	}
	m.rows = rows;
	m.counts = &counts;
	m.can_remind = m.cycle && strcmp(m.cycle->status ? m.cycle->status : "", "closed") != 0 &&
		       counts.requests_confirmed < counts.requests;
	struct html h;
	page_begin(c, &h, msg(c->lang, MSG_UNIT_READING_TITLE));
	v_unit_reading(&h, &m);
	page_end(c, &h);
}

struct remind {
	int64_t unit_id, cycle_id, n;
};

static enum err remind_unit(struct ctx *c, void *arg)
{
	struct remind *r = arg;
	enum err e = store_read_remind(c->db, r->cycle_id, r->unit_id, c->now, &r->n);
	if (e || r->n == 0)
		return e;
	char *changes = arena_printf(c->a, "{\"cycle_id\":[null,%lld],\"reminded\":[null,%lld]}",
				     (long long)r->cycle_id, (long long)r->n);
	return changes ? ctx_audit(c, "unit", r->unit_id, "remind_reading", changes) : ERR_TOO_BIG;
}

void page_unit_reading_remind(struct ctx *c)
{
	struct unit u;
	if (!load_unit(c, &u))
		return;
	bool ok;
	struct remind r = { .unit_id = u.id };
	r.cycle_id = page_org_parse_id(ctx_form(c, "cycle"), &ok);
	if (!ok || !r.cycle_id) {
		ctx_error_page(c, 400);
		return;
	}
	enum err e = ctx_write(c, remind_unit, &r);
	if (e)
		fail(c, e);
	else
		ctx_redirect_flash(c, url_path(c->a, "/units/%lld/reading?cycle=%lld", (long long)u.id,
						(long long)r.cycle_id),
				   MSG_UNIT_READING_REMINDED_FLASH);
}
