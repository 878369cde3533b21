/* page_decision.c — handlers of the decision (the step between phases 2 and
 * 3): the decision's progress page and its four actions (send for
 * approval, approve, return, publish), each a GET confirmation page and a
 * POST; the consultations with the union representatives (record, edit,
 * delete, attach and download files); and the published competence
 * strategy (latest, one version, the differences of two). The router
 * checks the role (ACT_COMPILATION_READ, ACT_COMPILE, ACT_APPROVE,
 * ACT_CYCLE_READ); the domain's decision_check asks again inside the write
 * transaction with the state as it is then, so two clicks cannot both
 * succeed. Every write leaves an audit row. While the decision awaits
 * approval or is approved, consultations take no changes (409). */
#include "web/pages_decision.h"

#include <string.h>
#include "base/arena.h"
#include "base/buf.h"
#include "base/utf8.h"
#include "domain/decision.h"
#include "html/html.h"
#include "store/cycles.h"
#include "store/decision.h"
#include "store/phase2.h"
#include "views/decided_strategy.h"
#include "views/decision.h"
#include "web/decision_ops.h"

static void locked_page(struct ctx *c, int64_t cycle_id, enum decision_status s)
{
	c->w->status = 409;
	buf_reset(&c->w->body);
	struct html h;
	page_begin(c, &h, msg(c->lang, MSG_DEC_LOCKED_TITLE));
	v_decision_locked(&h, cycle_id, s);
	page_end(c, &h);
}

static void fail(struct ctx *c, enum err e)
{
	switch (e) {
	case ERR_NOTFOUND: ctx_error_page(c, 404); break;
	case ERR_FORBIDDEN: ctx_error_page(c, 403); break;
	case ERR_CONFLICT: ctx_error_page(c, 409); break;
	case ERR_TOO_BIG: ctx_error_page(c, 413); break;
	case ERR_BUSY: ctx_error_page(c, 503); break;
	case ERR_INVALID: ctx_error_page(c, 400); break;
	case OK:
	case ERR_IO:
		ctx_error_page(c, 500);
		break;
	}
}

/* Answers a refused consultation change: the locked page (409) while the
 * decision is past compiling, else the error page; false when e is OK. */
static bool refused(struct ctx *c, enum err e, int64_t cycle_id, enum decision_status s)
{
	if (e == ERR_CONFLICT)
		locked_page(c, cycle_id, s);
	else if (e)
		fail(c, e);
	return e != OK;
}

static const char *decision_url(struct ctx *c, int64_t cycle_id)
{
	return url_path(c->a, "/cycles/%lld/decision", (long long)cycle_id);
}

/* A posted text field, "" when absent; NULL when it holds a NUL byte. */
static const char *posted(struct ctx *c, const char *name)
{
	const struct http_field *f = http_form_field(&c->form, name);
	if (!f || !f->value)
		return "";
	if (strlen(f->value) != f->len)
		return NULL;
	return f->value;
}

/* ---- GET /cycles/{id}/decision ---- */

void page_decision(struct ctx *c)
{
	struct cycle cy;
	enum err e = dec_load_cycle(c, &cy);
	struct decision d;
	struct decision_counts k;
	struct consultation *ks = NULL;
	int nks = 0;
	struct decided_version *vs = NULL;
	int nvs = 0;
	if (!e)
		e = store_decision_get(c->db, c->a, cy.id, &d);
	if (!e)
		e = store_decision_counts(c->db, cy.id, &k);
	if (!e)
		e = store_consultations(c->db, c->a, cy.id, "", 0, 1000, &ks, &nks);
	if (!e)
		e = store_decided_versions(c->db, c->a, cy.id, &vs, &nvs);
	if (e) {
		fail(c, e);
		return;
	}
	struct v_decision_page m = {
		.cycle_id = cy.id, .cycle_name = cy.name, .d = &d, .decided_needs = k.decided_needs,
		.decided_measures = k.decided_measures, .consultations = ks, .nconsultations = nks,
		.versions = vs, .nversions = nvs,
		.can_compile = access_can(&c->actor, ACT_COMPILE, 0),
		.can_approve = access_can(&c->actor, ACT_APPROVE, 0), .csrf = c->csrf,
	};
	struct decision_progress p = {
		.status = d.status, .decided_needs = k.decided_needs, .consultations = k.consultations,
		.versions = k.versions, .last_published_at = k.last_published_at, .sent_at = d.sent_at,
	};
	decision_steps(&p, m.steps);
	struct html h;
	page_begin(c, &h, arena_printf(c->a, "%s – %s", msg(c->lang, MSG_DEC_PAGE_DECISION), cy.name));
	v_decision_page(&h, &m);
	page_end(c, &h);
}

/* ---- the four actions ---- */

static const enum msg flashes[DEC_OP_COUNT] = {
	[DEC_OP_SEND] = MSG_DEC_FLASH_SENT, [DEC_OP_APPROVE] = MSG_DEC_FLASH_APPROVED,
	[DEC_OP_RETURN] = MSG_DEC_FLASH_RETURNED, [DEC_OP_PUBLISH] = MSG_DEC_FLASH_PUBLISHED,
};
static const enum msg titles[DEC_OP_COUNT] = {
	[DEC_OP_SEND] = MSG_DEC_SEND_TITLE, [DEC_OP_APPROVE] = MSG_DEC_APPROVE_TITLE,
	[DEC_OP_RETURN] = MSG_DEC_RETURN_TITLE, [DEC_OP_PUBLISH] = MSG_DEC_PUBLISH_TITLE,
};

static void render_confirm(struct ctx *c, const struct cycle *cy, struct dec_transition *j,
			   const char *comment)
{
	struct v_decision_confirm m = {
		.cycle_id = cy->id, .cycle_name = cy->name, .op = j->op, .refusal = j->refusal,
		.status = j->status, .comment = comment, .errors = j->fe.n ? &j->fe : NULL, .csrf = c->csrf,
	};
	if (j->op == DEC_OP_PUBLISH && j->refusal == DEC_ALLOWED) {
		struct decided_version *v = arena_alloc(c->a, sizeof *v);
		struct decision_counts k;
		enum err e = v ? store_decided_snapshot(c->db, c->a, cy->id, v) : ERR_TOO_BIG;
		if (!e)
			e = store_decision_counts(c->db, cy->id, &k);
		if (e) {
			fail(c, e);
			return;
		}
		m.preview = v;
		m.next_number = k.versions + 1;
	}
	buf_reset(&c->w->body);
	struct html h;
	page_begin(c, &h, msg(c->lang, titles[j->op]));
	v_decision_confirm(&h, &m);
	page_end(c, &h);
}

static void confirm(struct ctx *c, enum decision_op op)
{
	struct dec_transition j = { .op = op };
	struct cycle cy;
	enum err e = dec_load_cycle(c, &cy);
	struct decision d;
	struct decision_counts k;
	if (!e) {
		j.cycle_id = cy.id;
		e = dec_assess(c, &j, &d, &k, "-");
	}
	if (e) {
		fail(c, e);
		return;
	}
	if (j.refusal == DEC_REFUSED_ROLE) {
		ctx_error_page(c, 403);
		return;
	}
	render_confirm(c, &cy, &j, NULL);
}

static void act(struct ctx *c, enum decision_op op)
{
	struct dec_transition j = { .op = op };
	struct cycle cy;
	enum err e = dec_load_cycle(c, &cy);
	if (e) {
		fail(c, e);
		return;
	}
	j.cycle_id = cy.id;
	j.comment = posted(c, dec_comment_field(op));
	if (!j.comment) {
		field_error_add(&j.fe, dec_comment_field(op), PROB_BAD_TEXT);
		j.comment = "";
		e = ERR_INVALID;
	} else {
		char *t = arena_strdup(c->a, j.comment);
		j.comment = t ? str_trim(t) : "";
		e = ctx_write(c, dec_transition_write, &j);
	}
	if (e == ERR_INVALID && j.fe.n) {
		j.refusal = DEC_ALLOWED;
		c->w->status = 422;
		render_confirm(c, &cy, &j, j.comment);
	} else if (e == ERR_CONFLICT) {
		c->w->status = 409;
		render_confirm(c, &cy, &j, j.comment);
	} else if (e) {
		fail(c, e);
	} else if (op == DEC_OP_PUBLISH) {
		ctx_redirect_flash(c, url_path(c->a, "/cycles/%lld/competence-strategy/versions/%lld",
					       (long long)cy.id, (long long)j.number),
				   flashes[op]);
	} else {
		ctx_redirect_flash(c, decision_url(c, cy.id), flashes[op]);
	}
}

void page_decision_send_confirm(struct ctx *c) { confirm(c, DEC_OP_SEND); }
void page_decision_send(struct ctx *c) { act(c, DEC_OP_SEND); }
void page_decision_approve_confirm(struct ctx *c) { confirm(c, DEC_OP_APPROVE); }
void page_decision_approve(struct ctx *c) { act(c, DEC_OP_APPROVE); }
void page_decision_return_confirm(struct ctx *c) { confirm(c, DEC_OP_RETURN); }
void page_decision_return(struct ctx *c) { act(c, DEC_OP_RETURN); }
void page_decision_publish_confirm(struct ctx *c) { confirm(c, DEC_OP_PUBLISH); }
void page_decision_publish(struct ctx *c) { act(c, DEC_OP_PUBLISH); }

/* ---- consultations ---- */

static void render_form(struct ctx *c, const struct cycle *cy, int64_t id, const char *held_on,
			const char *participants, const char *minutes, const struct field_errors *fe)
{
	struct v_consultation_form m = {
		.cycle_id = cy->id, .cycle_name = cy->name, .id = id, .held_on = held_on,
		.participants = participants, .minutes = minutes, .errors = fe, .csrf = c->csrf,
	};
	buf_reset(&c->w->body);
	struct html h;
	page_begin(c, &h, msg(c->lang, id ? MSG_DEC_CONSULTATION_EDIT : MSG_DEC_CONSULTATION_NEW));
	v_consultation_form(&h, &m);
	page_end(c, &h);
}

/* The form, empty (new) or with the consultation of the path (edit). */
static void form_page(struct ctx *c, bool edit)
{
	struct cycle cy = { 0 };
	struct consultation k = { 0 };
	enum decision_status s = DECISION_COMPILING;
	enum err e = edit ? dec_load_consultation(c, &cy, &k) : dec_load_cycle(c, &cy);
	if (!e)
		e = dec_consult_writable(c, cy.id, &s);
	if (!refused(c, e, cy.id, s))
		render_form(c, &cy, k.id, k.held_on, k.participants, k.minutes, NULL);
}

void page_consultation_new(struct ctx *c)
{
	form_page(c, false);
}

void page_consultation_edit(struct ctx *c)
{
	form_page(c, true);
}

static void save_consultation(struct ctx *c, int64_t id)
{
	static const char *const names[DEC_K_COUNT] = { "held_on", "participants", "minutes" };
	struct dec_consult_job j = { .id = id };
	struct cycle cy;
	enum err e = dec_load_cycle(c, &cy);
	if (e) {
		fail(c, e);
		return;
	}
	j.cycle_id = cy.id;
	for (int i = 0; i < DEC_K_COUNT; i++)
		if (!(j.in[i] = posted(c, names[i])))
			field_error_add(&j.fe, names[i], PROB_BAD_TEXT);
	e = j.fe.n ? ERR_INVALID : ctx_write(c, dec_consult_write, &j);
	if (e == ERR_INVALID && j.fe.n) {
		const char **in = j.in;
		c->w->status = 422;
		render_form(c, &cy, id, in[0] ? in[0] : "", in[1] ? in[1] : "", in[2] ? in[2] : "", &j.fe);
	} else if (e == ERR_CONFLICT) {
		locked_page(c, cy.id, j.status);
	} else if (e) {
		fail(c, e);
	} else {
		ctx_redirect_flash(c, url_path(c->a, "/cycles/%lld/consultations/%lld", (long long)cy.id,
					       (long long)j.id),
				   MSG_DEC_FLASH_CONSULTATION_SAVED);
	}
}

void page_consultation_create(struct ctx *c)
{
	save_consultation(c, 0);
}

void page_consultation_update(struct ctx *c)
{
	int64_t id = ctx_param_id(c, "cid");
	if (!id) {
		ctx_error_page(c, 404);
		return;
	}
	save_consultation(c, id);
}

/* The record with its files; upload problems from a refused upload. */
static void render_consultation(struct ctx *c, const struct cycle *cy, const struct consultation *k,
				struct v_consultation_page *m)
{
	struct consultation_file *fs;
	int nfs;
	enum decision_status s;
	enum err e = store_consultation_files(c->db, c->a, k->id, &fs, &nfs);
	if (!e)
		e = store_decision_status(c->db, cy->id, &s);
	if (e) {
		fail(c, e);
		return;
	}
	char *mb = arena_alloc(c->a, 32);
	if (!mb) {
		ctx_error_page(c, 413);
		return;
	}
	doc_megabytes(c->app->upload_max_bytes, mb);
	m->cycle_id = cy->id;
	m->cycle_name = cy->name;
	m->k = k;
	m->files = fs;
	m->nfiles = nfs;
	m->locked = s != DECISION_COMPILING;
	m->can_edit = access_can(&c->actor, ACT_COMPILE, 0) && !m->locked;
	m->max_mb = mb;
	m->csrf = c->csrf;
	buf_reset(&c->w->body);
	struct html h;
	page_begin(c, &h, msg(c->lang, MSG_DEC_CONSULTATION_TITLE));
	v_consultation_page(&h, m);
	page_end(c, &h);
}

void page_consultation_show(struct ctx *c)
{
	struct cycle cy;
	struct consultation k;
	enum err e = dec_load_consultation(c, &cy, &k);
	if (e) {
		fail(c, e);
		return;
	}
	struct v_consultation_page m = { 0 };
	render_consultation(c, &cy, &k, &m);
}

/* The cycle, the consultation and the file of the path ("file_id"); the
 * file must be the consultation's. */
static enum err load_file(struct ctx *c, struct cycle *cy, struct consultation *k, bool with_data,
			  struct consultation_file *f)
{
	enum err e = dec_load_consultation(c, cy, k);
	int64_t fid = ctx_param_id(c, "file_id");
	if (!e)
		e = fid ? store_consultation_file_get(c->db, c->a, fid, with_data, f) : ERR_NOTFOUND;
	if (!e && f->consultation_id != k->id)
		e = ERR_NOTFOUND;
	return e;
}

static void delete_confirm(struct ctx *c, bool file)
{
	struct cycle cy = { 0 };
	struct consultation k;
	struct consultation_file f;
	enum decision_status s = DECISION_COMPILING;
	enum err e = file ? load_file(c, &cy, &k, false, &f) : dec_load_consultation(c, &cy, &k);
	if (!e)
		e = dec_consult_writable(c, cy.id, &s);
	if (refused(c, e, cy.id, s))
		return;
	struct v_consultation_delete m = { .cycle_id = cy.id, .k = &k, .f = file ? &f : NULL,
					   .csrf = c->csrf };
	struct html h;
	page_begin(c, &h, msg(c->lang, file ? MSG_DEC_DELETE : MSG_DEC_CONSULTATION_DELETE));
	v_consultation_delete(&h, &m);
	page_end(c, &h);
}

void page_consultation_delete_confirm(struct ctx *c)
{
	delete_confirm(c, false);
}

void page_consultation_delete(struct ctx *c)
{
	struct dec_consult_job j = { .remove = true };
	struct cycle cy = { 0 };
	enum err e = dec_load_cycle(c, &cy);
	j.cycle_id = cy.id;
	j.id = ctx_param_id(c, "cid");
	if (!e && !j.id)
		e = ERR_NOTFOUND;
	if (!e)
		e = ctx_write(c, dec_consult_write, &j);
	if (refused(c, e, cy.id, j.status))
		return;
	ctx_redirect_flash(c, decision_url(c, cy.id), MSG_DEC_FLASH_CONSULTATION_DELETED);
}

/* ---- files ---- */

struct file_job {
	struct cycle cy;
	int64_t consultation_id;
	int64_t file_id;              /* delete */
	const struct http_field *file;   /* add */
	char name[DOC_NAME_MAX_BYTES];
	enum doc_file_type type;
	bool too_many;
	enum decision_status status;
};

static enum err do_file(struct ctx *c, void *arg)
{
	struct file_job *j = arg;
	enum err e = dec_consult_writable(c, j->cy.id, &j->status);
	if (e)
		return e;
	struct consultation k;
	if ((e = store_consultation_get(c->db, c->a, j->consultation_id, &k)))
		return e;
	if (k.cycle_id != j->cy.id)
		return ERR_NOTFOUND;
	struct buf b;
	buf_init(&b, c->a, 0);
	if (j->file_id) {
		struct consultation_file f;
		if ((e = store_consultation_file_get(c->db, c->a, j->file_id, false, &f)))
			return e;
		if (f.consultation_id != k.id)
			return ERR_NOTFOUND;
		if ((e = store_consultation_file_delete(c->db, f.id)))
			return e;
		consultation_file_audit(&b, &f, false);
		return b.err ? b.err : ctx_audit(c, "consultation_file", f.id, "delete", buf_str(&b));
	}
	if (k.files >= CONSULT_FILES_MAX) {
		j->too_many = true;
		return ERR_INVALID;
	}
	struct consultation_file f = { .consultation_id = k.id, .file_name = j->name, .file_type = j->type,
				       .created_by = c->user.id, .created_at = c->now };
	if ((e = store_consultation_file_insert(c->db, c->a, &f, j->file->value, j->file->len)))
		return e;
	consultation_file_audit(&b, &f, true);
	return b.err ? b.err : ctx_audit(c, "consultation_file", f.id, "create", buf_str(&b));
}

void page_consultation_file_add(struct ctx *c)
{
	struct file_job j = { 0 };
	struct consultation k;
	enum err e = dec_load_consultation(c, &j.cy, &k);
	if (e) {
		fail(c, e);
		return;
	}
	j.consultation_id = k.id;
	struct v_consultation_page m = { 0 };
	const struct http_field *f = http_form_field(&c->form, "file");
	if (!f || ((!f->filename || !*f->filename) && f->len == 0)) {
		m.upload_missing = true;
	} else {
		m.upload = doc_upload_check(f->filename ? f->filename : "", (const unsigned char *)f->value,
					    f->len, c->app->upload_max_bytes, j.name, &j.type);
		j.file = f;
	}
	if (!m.upload_missing && m.upload == DOC_UPLOAD_OK)
		e = ctx_write(c, do_file, &j);
	else
		e = ERR_INVALID;
	if (e == ERR_INVALID) {
		m.too_many_files = j.too_many;
		c->w->status = 422;
		render_consultation(c, &j.cy, &k, &m);
	} else if (e == ERR_CONFLICT) {
		locked_page(c, j.cy.id, j.status);
	} else if (e) {
		fail(c, e);
	} else {
		ctx_redirect_flash(c, arena_printf(c->a, "%s#files",
						   url_path(c->a, "/cycles/%lld/consultations/%lld",
							    (long long)j.cy.id, (long long)k.id)),
				   MSG_DEC_FLASH_FILE_ADDED);
	}
}

void page_consultation_file(struct ctx *c)
{
	struct cycle cy;
	struct consultation k;
	struct consultation_file f;
	enum err e = load_file(c, &cy, &k, true, &f);
	if (e) {
		fail(c, e);
		return;
	}
	size_t cap = 3 * strlen(f.file_name) + 8;
	char *ascii = arena_alloc(c->a, cap), *utf8 = arena_alloc(c->a, cap);
	if (!ascii || !utf8) {
		ctx_error_page(c, 413);
		return;
	}
	doc_disposition_ascii(f.file_name, ascii, cap);
	doc_disposition_utf8(f.file_name, utf8, cap);
	c->w->content_type = doc_file_type_mime(f.file_type);
	c->w->cache_control = "private, no-store";
	http_resp_header(c->w, "Content-Disposition",
			 arena_printf(c->a, "attachment; filename=\"%s\"; filename*=%s", ascii, utf8));
	buf_reset(&c->w->body);
	buf_add(&c->w->body, f.file_data, (size_t)f.file_size);
	if (c->w->body.err)
		ctx_error_page(c, 413);
}

void page_consultation_file_delete_confirm(struct ctx *c)
{
	delete_confirm(c, true);
}

void page_consultation_file_delete(struct ctx *c)
{
	struct file_job j = { 0 };
	enum err e = dec_load_cycle(c, &j.cy);
	j.consultation_id = ctx_param_id(c, "cid");
	j.file_id = ctx_param_id(c, "file_id");
	if (!e && (!j.consultation_id || !j.file_id))
		e = ERR_NOTFOUND;
	if (!e)
		e = ctx_write(c, do_file, &j);
	if (refused(c, e, j.cy.id, j.status))
		return;
	ctx_redirect_flash(c, arena_printf(c->a, "%s#files",
					   url_path(c->a, "/cycles/%lld/consultations/%lld",
						    (long long)j.cy.id, (long long)j.consultation_id)),
			   MSG_DEC_FLASH_FILE_DELETED);
}

/* ---- the published strategy ---- */

static void strategy_page(struct ctx *c, int64_t number)
{
	struct cycle cy;
	enum err e = dec_load_cycle(c, &cy);
	struct decided_version *vs = NULL;
	int nvs = 0;
	if (!e)
		e = store_decided_versions(c->db, c->a, cy.id, &vs, &nvs);
	struct decided_version v;
	bool found = false;
	if (!e && nvs > 0) {
		e = store_decided_version_get(c->db, c->a, cy.id, number, &v);
		found = e == OK;
		if (e == ERR_NOTFOUND && !number)
			e = OK;
	} else if (!e && number) {
		e = ERR_NOTFOUND;
	}
	if (e) {
		fail(c, e);
		return;
	}
	struct v_decided_page m = {
		.cycle_id = cy.id, .cycle_name = cy.name, .v = found ? &v : NULL,
		.latest_number = nvs ? vs[0].number : 0, .versions = vs, .nversions = nvs,
		.show_decision = access_can(&c->actor, ACT_COMPILATION_READ, 0),
	};
	struct html h;
	page_begin(c, &h, arena_printf(c->a, "%s – %s", msg(c->lang, MSG_DEC_PAGE_STRATEGY), cy.name));
	v_decided_page(&h, &m);
	page_end(c, &h);
}

void page_competence_strategy(struct ctx *c)
{
	strategy_page(c, 0);
}

void page_competence_strategy_version(struct ctx *c)
{
	int64_t n;
	if (!dv_number_parse(http_param(c->req, "n"), &n)) {
		ctx_error_page(c, 404);
		return;
	}
	strategy_page(c, n);
}

void page_competence_strategy_compare(struct ctx *c)
{
	struct cycle cy;
	enum err e = dec_load_cycle(c, &cy);
	struct decided_version *vs = NULL;
	int nvs = 0;
	if (!e)
		e = store_decided_versions(c->db, c->a, cy.id, &vs, &nvs);
	if (e) {
		fail(c, e);
		return;
	}
	struct v_decided_compare m = { .cycle_id = cy.id, .cycle_name = cy.name, .versions = vs,
				       .nversions = nvs };
	const char *from = ctx_query(c, "from"), *to = ctx_query(c, "to");
	struct decided_version *vf = arena_alloc(c->a, sizeof *vf), *vt = arena_alloc(c->a, sizeof *vt);
	struct dv_diff *d = arena_alloc(c->a, sizeof *d);
	if (!vf || !vt || !d) {
		ctx_error_page(c, 413);
		return;
	}
	if (nvs >= 2) {
		m.to_number = vs[0].number;
		m.from_number = vs[1].number;
		if ((from && !dv_number_parse(from, &m.from_number)) || (to && !dv_number_parse(to, &m.to_number)))
			m.bad_choice = true;
		if (!m.bad_choice) {
			e = store_decided_version_get(c->db, c->a, cy.id, m.from_number, vf);
			if (!e)
				e = store_decided_version_get(c->db, c->a, cy.id, m.to_number, vt);
			if (e == ERR_NOTFOUND)
				m.bad_choice = true;
			else if (e) {
				fail(c, e);
				return;
			}
		}
		if (!m.bad_choice) {
			if (!dv_diff(c->a, vf, vt, d)) {
				ctx_error_page(c, 413);
				return;
			}
			m.from = vf;
			m.to = vt;
			m.diff = d;
		} else {
			c->w->status = 422;
		}
	}
	struct html h;
	page_begin(c, &h, arena_printf(c->a, "%s – %s", msg(c->lang, MSG_DEC_PAGE_COMPARE), cy.name));
	v_decided_compare(&h, &m);
	page_end(c, &h);
}
