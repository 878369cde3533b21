/* page_prepare.c — handlers of phase 1, the leader's preparation: the
 * cycle's units with their status, one unit's preparation page, and its
 * writes (tick or untick a procedure step, save the notes, add, edit and
 * remove draft needs, choose the document pack, send it). Preparation is
 * the leader's: the unit's leader (or a leader above it) and HR/admin may
 * open it, nobody else (access_can ACT_PREPARE with the unit, asked again
 * here after the router). Every write is one transaction with its audit
 * row, and re-reads the cycle inside it: a closed cycle is read-only (409). */
#include "web/pages_prepare.h"

#include <stdlib.h>
#include <string.h>
#include "base/arena.h"
#include "base/buf.h"
#include "base/utf8.h"
#include "domain/indicator_units.h"
#include "domain/prepare.h"
#include "html/html.h"
#include "store/cycles.h"
#include "store/documents.h"
#include "store/prepare.h"
#include "store/strategy.h"
#include "views/dashboard.h"
#include "views/prepare.h"
#include "web/pages_indicators.h"
#include "web/pages_org.h"

/* The checklist's length for the indicators: the procedure in bokmål, the
 * organisation's first language (a tick counts when its index is below). */
static const char *const COUNT_LANG = "nb";

static void closed_page(struct ctx *c)
{
	c->w->status = 409;
	buf_reset(&c->w->body);
	struct html h;
	page_begin(c, &h, msg(c->lang, MSG_PREP_CLOSED_409));
	HTML_LIT(&h, "<h1 class=\"ds-heading\" data-size=\"lg\">");
	html_msg(&h, MSG_PREP_CLOSED_409);
	HTML_LIT(&h, "</h1>\n<p><a class=\"ds-link\"");
	HTML_URL(&h, "href", c->req->path);
	HTML_LIT(&h, ">");
	html_msg(&h, MSG_BACK);
	HTML_LIT(&h, "</a></p>\n");
	page_end(c, &h);
}

static void fail(struct ctx *c, enum err e)
{
	switch (e) {
	case ERR_NOTFOUND: ctx_error_page(c, 404); break;
	case ERR_FORBIDDEN: ctx_error_page(c, 403); break;
	case ERR_CONFLICT: closed_page(c); break;
	case ERR_TOO_BIG: ctx_error_page(c, 413); break;
	case ERR_BUSY: ctx_error_page(c, 503); break;
	case ERR_INVALID: ctx_error_page(c, 400); break;
	case OK:
	case ERR_IO:
		ctx_error_page(c, 500);
		break;
	}
}

/* The cycle and the unit of the path, and the actor's right to prepare it. */
struct target {
	int64_t cycle_id, unit_id;
	struct cycle cycle;
	struct unit unit;
	bool writable;
};

static enum err load_target(struct ctx *c, struct target *t)
{
	t->cycle_id = ctx_param_id(c, "id");
	t->unit_id = ctx_param_id(c, "unit_id");
	if (!t->cycle_id || !t->unit_id)
		return ERR_NOTFOUND;
	enum err e = store_cycle_get(c->db, c->a, t->cycle_id, &t->cycle);
	if (!e)
		e = store_unit_get(c->db, c->a, t->unit_id, &t->unit);
	if (e)
		return e;
	if (!access_can(&c->actor, ACT_PREPARE, t->unit_id))
		return ERR_FORBIDDEN;
	t->writable = prep_writable(cycle_status_name(t->cycle.status));
	return OK;
}

/* ---- GET /cycles/{id}/prepare ---- */

/* The select's top-level units (at most a page of them, as on the
 * indicators list) and the deepest trail shown. */
enum { CHOICES_MAX = 100, TRAIL_MAX = 16 };

struct index_query {
	int64_t unit_id;           /* 0: every unit */
	enum prep_filter status;
	int page;                  /* from 1 */
};

/* The query's filters; false for a malformed one (400). */
static bool parse_index_query(struct ctx *c, struct index_query *q)
{
	bool ok_unit, ok_page;
	const char *p = ctx_query(c, "page");
	q->unit_id = page_org_parse_id(ctx_query(c, "unit"), &ok_unit);
	int64_t page = page_org_parse_id(p, &ok_page);
	if (!ok_unit || !ok_page || (p && *p && (page < 1 || page > 1000000)))
		return false;
	q->page = page > 0 ? (int)page : 1;
	return prep_filter_parse(ctx_query(c, "status"), &q->status);
}

/* The units the actor may prepare, in the store's order (name in Norwegian
 * order, then id), as rows and as tree nodes. */
struct index_units {
	const struct prep_unit_row **rows;
	struct ind_node *nodes;
	int n;
};

static enum err load_index_units(struct ctx *c, int64_t cycle_id, int nsteps, struct index_units *u)
{
	struct prep_unit_row *rows = NULL;
	int nrows = 0;
	enum err e = store_prep_unit_rows(c->db, c->a, cycle_id, nsteps, 0, &rows, &nrows);
	if (e)
		return e;
	size_t cap = (size_t)(nrows > 0 ? nrows : 1);
	u->rows = arena_alloc(c->a, sizeof *u->rows * cap);
	u->nodes = arena_alloc(c->a, sizeof *u->nodes * cap);
	if (!u->rows || !u->nodes)
		return ERR_TOO_BIG;
	u->n = 0;
	for (int i = 0; i < nrows; i++) {
		if (!access_can(&c->actor, ACT_PREPARE, rows[i].counts.unit_id))
			continue;
		u->rows[u->n] = &rows[i];
		u->nodes[u->n++] = (struct ind_node){ rows[i].counts.unit_id, rows[i].parent_id };
	}
	return OK;
}

/* The unit select's choices: the heads of the home page's rows
 * (domain/indicator_units.h) that stand for a subtree, not a unit's own
 * figures, in name order. */
static enum err index_choices(struct ctx *c, const struct index_units *u, struct v_unit_filter *f)
{
	struct ind_groups g;
	struct v_unit_ref *v = arena_alloc(c->a, sizeof *v * CHOICES_MAX);
	if (!v || !ind_groups_plan(c->a, u->nodes, u->n, &g))
		return ERR_TOO_BIG;
	int k = 0;
	for (int i = 0; i < u->n && k < CHOICES_MAX; i++) {
		int row = g.row_of[i];
		if (row >= 0 && g.head[row] == u->nodes[i].id && !g.own_only[row])
			v[k++] = (struct v_unit_ref){ u->nodes[i].id, u->rows[i]->name };
	}
	f->choices = v;
	f->nchoices = k;
	return OK;
}

/* The trail from the top of the actor's units down to the unit shown. */
static enum err index_trail(struct ctx *c, const struct index_units *u, struct v_unit_filter *f)
{
	int *at = arena_alloc(c->a, sizeof *at * TRAIL_MAX);
	struct v_unit_ref *v = arena_alloc(c->a, sizeof *v * TRAIL_MAX);
	if (!at || !v)
		return ERR_TOO_BIG;
	int n = f->unit_id ? ind_path(c->a, u->nodes, u->n, f->unit_id, at, TRAIL_MAX) : 0;
	if (n < 0)
		return ERR_TOO_BIG;
	for (int i = 0; i < n; i++)
		v[i] = (struct v_unit_ref){ u->nodes[at[i]].id, u->rows[at[i]]->name };
	f->path = v;
	f->npath = n;
	return OK;
}

/* The page of the units that pass the filters. */
static enum err index_page(struct ctx *c, const struct index_units *u, const struct index_query *q,
			   struct v_prep_index *m)
{
	size_t cap = (size_t)(u->n > 0 ? u->n : 1);
	bool *in = arena_alloc(c->a, sizeof *in * cap);
	bool *has_children = arena_alloc(c->a, sizeof *has_children * cap);
	struct v_prep_row *v = arena_alloc(c->a, sizeof *v * PREP_INDEX_PAGE);
	if (!in || !has_children || !v || !ind_mark_parents(c->a, u->nodes, u->n, has_children))
		return ERR_TOO_BIG;
	if (q->unit_id) {
		if (ind_subtree(c->a, u->nodes, u->n, q->unit_id, in) < 0)
			return ERR_TOO_BIG;
	} else {
		for (int i = 0; i < u->n; i++)
			in[i] = true;
	}
	int first = (q->page - 1) * PREP_INDEX_PAGE, total = 0, k = 0;
	for (int i = 0; i < u->n; i++) {
		const struct prep_unit_row *r = u->rows[i];
		if (!in[i] || !prep_filter_match(q->status, &r->counts, m->nsteps, r->pack_sent_at))
			continue;
		if (total++ < first || k == PREP_INDEX_PAGE)
			continue;
		v[k++] = (struct v_prep_row){
			.unit_id = r->counts.unit_id, .name = r->name, .code = r->code,
			.leader_name = r->leader_name, .has_children = has_children[i],
			.steps_ticked = r->counts.steps_ticked, .pack_sent_at = r->pack_sent_at,
			.employees = r->counts.employees, .confirmed = r->counts.confirmed,
		};
	}
	int pages = ind_page_count(total, PREP_INDEX_PAGE);
	if (q->page > pages)
		return ERR_NOTFOUND;
	m->rows = v;
	m->n = k;
	m->total = total;
	m->first = first + 1;
	m->pager = (struct v_pager){
		.page = q->page, .pages = pages, .href = v_prep_index_href(c->a, m->cycle_id, q->unit_id, q->status),
	};
	return OK;
}

/* A subtree asked for must exist (404) and be the actor's to prepare (403). */
static enum err check_index_unit(struct ctx *c, int64_t unit_id)
{
	if (!unit_id)
		return OK;
	struct unit u;
	enum err e = store_unit_get(c->db, c->a, unit_id, &u);
	if (!e && !access_can(&c->actor, ACT_PREPARE, unit_id))
		e = ERR_FORBIDDEN;
	return e;
}

void page_prepare_index(struct ctx *c)
{
	int64_t cycle_id = ctx_param_id(c, "id");
	struct index_query q;
	if (!parse_index_query(c, &q)) {
		ctx_error_page(c, 400);
		return;
	}
	struct cycle cy;
	enum err e = cycle_id ? store_cycle_get(c->db, c->a, cycle_id, &cy) : ERR_NOTFOUND;
	if (!e)
		e = check_index_unit(c, q.unit_id);
	char **steps;
	struct v_prep_index m = {
		.cycle_id = cycle_id, .org_wide = c->actor.role == ROLE_ADMIN || c->actor.role == ROLE_HR,
	};
	if (!e)
		e = store_phase_steps(c->db, c->a, COUNT_LANG, PHASE_LEADER_PREPARATION, &steps, &m.nsteps);
	struct index_units u;
	if (!e)
		e = load_index_units(c, cycle_id, m.nsteps, &u);
	if (!e) {
		m.cycle_name = cy.name;
		m.closed = cy.status == CYCLE_CLOSED;
		/* a leader of one unit keeps the plain one-row list: nothing to filter */
		m.filterable = u.n > 1;
		m.filter = (struct v_unit_filter){
			.base = url_path(c->a, "/cycles/%lld/prepare", (long long)cycle_id), .org_wide = m.org_wide,
			.unit_id = q.unit_id, .status = prep_filter_name(q.status),
		};
		e = index_choices(c, &u, &m.filter);
	}
	if (!e)
		e = index_trail(c, &u, &m.filter);
	if (!e)
		e = index_page(c, &u, &q, &m);
	if (e) {
		fail(c, e);
		return;
	}
	struct html h;
	page_begin(c, &h, arena_printf(c->a, "%s – %s", msg(c->lang, MSG_PREP_TITLE), cy.name));
	v_prep_index(&h, &m);
	page_end(c, &h);
}

/* ---- GET /cycles/{id}/prepare/{unit_id} ---- */

/* Everything the unit page shows; the refused forms add their values. */
static enum err fill_unit_page(struct ctx *c, const struct target *t, struct v_prep_unit *m)
{
	struct arena *a = c->a;
	memset(m, 0, sizeof *m);
	m->cycle_id = t->cycle_id;
	m->cycle_name = t->cycle.name;
	m->writable = t->writable;
	m->unit = &t->unit;
	m->csrf = c->csrf;
	const char *lang = lang_code(c->lang);
	struct phase_text *pt = arena_alloc(a, sizeof *pt);
	if (!pt)
		return ERR_TOO_BIG;
	enum err e = store_phase_texts(c->db, a, lang, PHASE_LEADER_PREPARATION, pt);
	if (e && e != ERR_NOTFOUND)
		return e;
	m->texts = e ? NULL : pt;
	if ((e = store_phase_steps(c->db, a, lang, PHASE_LEADER_PREPARATION, &m->steps, &m->nsteps)) &&
	    e != ERR_NOTFOUND)
		return e;
	if (m->nsteps > PREP_STEPS_MAX)
		m->nsteps = PREP_STEPS_MAX;
	struct prep_tick *ticks;
	if ((e = store_prep_ticks(c->db, a, t->cycle_id, t->unit_id, &ticks, &m->nticks)))
		return e;
	m->ticks = ticks;

	struct strategy_version sv;
	e = store_strategy_published(c->db, a, t->cycle_id, 0, &sv);
	if (e == OK) {
		struct strategy_doc *doc = arena_alloc(a, sizeof *doc);
		if (!doc)
			return ERR_TOO_BIG;
		if ((e = store_strategy_load(c->db, a, &sv, doc)))
			return e;
		m->strategy = doc;
	} else if (e != ERR_NOTFOUND) {
		return e;
	}
	struct unit_goal *goals;
	if ((e = store_unit_goals_for_unit(c->db, a, t->cycle_id, t->unit_id, &goals, &m->nunit_goals)))
		return e;
	m->unit_goals = goals;

	struct preparation *prep = arena_alloc(a, sizeof *prep);
	if (!prep)
		return ERR_TOO_BIG;
	if ((e = store_prep_get(c->db, a, t->cycle_id, t->unit_id, prep)))
		return e;
	m->prep = prep;
	struct prep_need *needs;
	if ((e = store_prep_needs(c->db, a, t->cycle_id, t->unit_id, &needs, &m->nneeds)))
		return e;
	m->needs = needs;

	struct prep_doc *docs;
	int ndocs;
	if ((e = store_prep_documents(c->db, a, t->cycle_id, t->unit_id, &docs, &ndocs)))
		return e;
	struct prep_doc_item *items = arena_alloc(a, sizeof *items * (size_t)(ndocs > 0 ? ndocs : 1));
	if (!items)
		return ERR_TOO_BIG;
	for (int i = 0; i < ndocs; i++)
		items[i] = (struct prep_doc_item){ docs[i].id, docs[i].title, docs[i].kind, docs[i].chosen };
	m->docs = items;
	m->ndocs = ndocs;

	int64_t *people;
	int npeople;
	if ((e = store_prep_recipients(c->db, a, t->unit_id, &people, &npeople)))
		return e;
	m->recipients = npeople;
	char **csteps;
	int ncount = 0;
	if ((e = store_phase_steps(c->db, a, COUNT_LANG, PHASE_LEADER_PREPARATION, &csteps, &ncount)))
		return e;
	struct prep_unit_row *rows;
	int nrows;
	if ((e = store_prep_unit_rows(c->db, a, t->cycle_id, ncount, t->unit_id, &rows, &nrows)))
		return e;
	if (nrows == 1) {
		m->employees = rows[0].counts.employees;
		m->confirmed = rows[0].counts.confirmed;
	}
	return OK;
}

static void render_unit_page(struct ctx *c, const struct target *t, const char *notes_value,
			     const struct prep_need *need_in, const struct field_errors *fe)
{
	struct v_prep_unit m;
	enum err e = fill_unit_page(c, t, &m);
	if (e) {
		fail(c, e);
		return;
	}
	m.notes_value = notes_value;
	m.need_in = need_in;
	m.errors = fe;
	struct html h;
	page_begin(c, &h, arena_printf(c->a, "%s – %s", msg(c->lang, MSG_PREP_TITLE), t->unit.name));
	v_prep_unit(&h, &m);
	page_end(c, &h);
}

void page_prepare_unit(struct ctx *c)
{
	struct target t;
	enum err e = load_target(c, &t);
	if (e) {
		fail(c, e);
		return;
	}
	render_unit_page(c, &t, NULL, NULL, NULL);
}

/* The unit page's address, with an anchor of the section written. */
static const char *unit_url(struct ctx *c, const struct target *t, const char *anchor)
{
	return arena_printf(c->a, "%s#%s",
			    url_path(c->a, "/cycles/%lld/prepare/%lld", (long long)t->cycle_id,
				     (long long)t->unit_id),
			    anchor);
}

/* Inside a write: the cycle as it is now, and whether it still takes changes. */
static enum err recheck(struct ctx *c, struct target *t)
{
	enum err e = store_cycle_get(c->db, c->a, t->cycle_id, &t->cycle);
	if (e)
		return e;
	if (!prep_writable(cycle_status_name(t->cycle.status)))
		return ERR_CONFLICT;
	return OK;
}

/* ---- POST .../steps/{n} ---- */

struct step_job {
	struct target t;
	int step;
	bool tick;
	bool changed;
};

static enum err do_step(struct ctx *c, void *arg)
{
	struct step_job *j = arg;
	enum err e = recheck(c, &j->t);
	if (e)
		return e;
	char **steps;
	int nsteps;
	if ((e = store_phase_steps(c->db, c->a, lang_code(c->lang), PHASE_LEADER_PREPARATION, &steps,
				   &nsteps)))
		return e;
	if (j->step >= nsteps)
		return ERR_NOTFOUND;
	char *text = steps[j->step];
	if (j->tick) {
		e = store_prep_tick(c->db, j->t.cycle_id, j->t.unit_id, j->step, text, c->user.id, c->now,
				    &j->changed);
	} else {
		e = store_prep_untick(c->db, c->a, j->t.cycle_id, j->t.unit_id, j->step, &j->changed, &text);
	}
	if (e || !j->changed)
		return e;
	struct buf b;
	buf_init(&b, c->a, 0);
	prep_audit_tick(&b, j->step, text, j->tick);
	if (b.err)
		return b.err;
	return ctx_audit(c, "preparation", j->t.unit_id, j->tick ? "tick" : "untick", buf_str(&b));
}

void page_prepare_step(struct ctx *c)
{
	struct step_job j = { 0 };
	enum err e = load_target(c, &j.t);
	if (e) {
		fail(c, e);
		return;
	}
	const char *n = http_param(c->req, "n");
	if (!prep_step_parse(n, PREP_STEPS_MAX, &j.step)) {
		ctx_error_page(c, 404);
		return;
	}
	const char *ticked = ctx_form(c, "ticked");
	if (!ticked || (strcmp(ticked, "1") != 0 && strcmp(ticked, "0") != 0)) {
		ctx_error_page(c, 400);
		return;
	}
	j.tick = ticked[0] == '1';
	e = ctx_write(c, do_step, &j);
	if (e) {
		fail(c, e);
		return;
	}
	ctx_redirect_flash(c, unit_url(c, &j.t, "checklist"),
			   j.tick ? MSG_PREP_FLASH_TICKED : MSG_PREP_FLASH_UNTICKED);
}

/* ---- POST .../notes ---- */

struct notes_job {
	struct target t;
	const char *text;
	struct field_errors fe;
};

static enum err do_notes(struct ctx *c, void *arg)
{
	struct notes_job *j = arg;
	enum err e = recheck(c, &j->t);
	if (e)
		return e;
	validate_prep_notes(j->text, &j->fe);
	if (j->fe.n)
		return ERR_INVALID;
	struct preparation before;
	if ((e = store_prep_get(c->db, c->a, j->t.cycle_id, j->t.unit_id, &before)))
		return e;
	if (strcmp(before.likely_goals, j->text) == 0)
		return OK;
	if ((e = store_prep_notes_set(c->db, j->t.cycle_id, j->t.unit_id, j->text, c->user.id, c->now)))
		return e;
	struct buf b;
	buf_init(&b, c->a, 0);
	prep_audit_notes(&b, before.likely_goals, j->text);
	if (b.err)
		return b.err;
	return ctx_audit(c, "preparation", j->t.unit_id, "notes", buf_str(&b));
}

/* A posted text field, "" when absent; NULL when it is not text at all. */
static const char *posted(struct ctx *c, const char *name)
{
	const struct http_field *f = http_form_field(&c->form, name);
	if (!f || !f->value)
		return "";
	if (strlen(f->value) != f->len)
		return NULL;
	return f->value;
}

void page_prepare_notes(struct ctx *c)
{
	struct notes_job j = { 0 };
	enum err e = load_target(c, &j.t);
	if (e) {
		fail(c, e);
		return;
	}
	j.text = posted(c, "likely_goals");
	if (!j.text) {
		field_error_add(&j.fe, "likely_goals", PROB_BAD_TEXT);
		j.text = "";
		c->w->status = 422;
		render_unit_page(c, &j.t, "", NULL, &j.fe);
		return;
	}
	e = ctx_write(c, do_notes, &j);
	if (e == ERR_INVALID && j.fe.n) {
		c->w->status = 422;
		render_unit_page(c, &j.t, j.text, NULL, &j.fe);
	} else if (e) {
		fail(c, e);
	} else {
		ctx_redirect_flash(c, unit_url(c, &j.t, "notes"), MSG_PREP_FLASH_NOTES);
	}
}

/* ---- draft needs ---- */

struct need_job {
	struct target t;
	int64_t id;                /* 0: add */
	bool remove;
	struct prep_need in;
	struct prep_need before;
	struct field_errors fe;
};

static void read_need(struct ctx *c, struct need_job *j)
{
	const char *title = posted(c, "title");
	const char *desc = posted(c, "description");
	if (!title)
		field_error_add(&j->fe, "title", PROB_BAD_TEXT);
	if (!desc)
		field_error_add(&j->fe, "description", PROB_BAD_TEXT);
	j->in.title = arena_strdup(c->a, title ? title : "");
	j->in.description = arena_strdup(c->a, desc ? desc : "");
	if (j->in.title)
		str_trim(j->in.title);
	if (j->in.description)
		str_trim(j->in.description);
}

static enum err do_need(struct ctx *c, void *arg)
{
	struct need_job *j = arg;
	enum err e = recheck(c, &j->t);
	if (e)
		return e;
	if (j->id) {
		if ((e = store_prep_need_get(c->db, c->a, j->id, &j->before)))
			return e;
		if (j->before.cycle_id != j->t.cycle_id || j->before.unit_id != j->t.unit_id)
			return ERR_NOTFOUND;
	}
	struct buf b;
	buf_init(&b, c->a, 0);
	if (j->remove) {
		if ((e = store_prep_need_delete(c->db, j->id)))
			return e;
		prep_audit_need(&b, &j->before, NULL);
		return b.err ? b.err : ctx_audit(c, "prep_draft_need", j->id, "delete", buf_str(&b));
	}
	if (!j->fe.n)
		validate_prep_need(&j->in, &j->fe);
	if (!j->id && !j->fe.n) {
		struct prep_need *all;
		int n;
		if ((e = store_prep_needs(c->db, c->a, j->t.cycle_id, j->t.unit_id, &all, &n)))
			return e;
		if (n >= PREP_NEEDS_MAX)
			field_error_add(&j->fe, "title", PROB_TOO_LONG);
	}
	if (j->fe.n)
		return ERR_INVALID;
	j->in.cycle_id = j->t.cycle_id;
	j->in.unit_id = j->t.unit_id;
	if (j->id) {
		j->in.id = j->id;
		prep_audit_need(&b, &j->before, &j->in);
		if (b.err || strcmp(buf_str(&b), "{}") == 0)
			return b.err;
		if ((e = store_prep_need_update(c->db, &j->in)))
			return e;
		return ctx_audit(c, "prep_draft_need", j->id, "update", buf_str(&b));
	}
	j->in.created_by = c->user.id;
	j->in.created_at = c->now;
	if ((e = store_prep_need_insert(c->db, &j->in)))
		return e;
	prep_audit_need(&b, NULL, &j->in);
	return b.err ? b.err : ctx_audit(c, "prep_draft_need", j->in.id, "create", buf_str(&b));
}

void page_prepare_need_add(struct ctx *c)
{
	struct need_job j = { 0 };
	enum err e = load_target(c, &j.t);
	if (e) {
		fail(c, e);
		return;
	}
	read_need(c, &j);
	e = ctx_write(c, do_need, &j);
	if (e == ERR_INVALID && j.fe.n) {
		c->w->status = 422;
		render_unit_page(c, &j.t, NULL, &j.in, &j.fe);
	} else if (e) {
		fail(c, e);
	} else {
		ctx_redirect_flash(c, unit_url(c, &j.t, "needs"), MSG_PREP_FLASH_NEED_ADDED);
	}
}

static void render_need_form(struct ctx *c, const struct target *t, const struct prep_need *n,
			     const struct field_errors *fe)
{
	struct v_prep_need_form m = {
		.cycle_id = t->cycle_id, .unit = &t->unit, .need = n, .errors = fe, .csrf = c->csrf,
	};
	struct html h;
	page_begin(c, &h, msg(c->lang, MSG_PREP_NEED_EDIT_TITLE));
	v_prep_need_form(&h, &m);
	page_end(c, &h);
}

void page_prepare_need_edit(struct ctx *c)
{
	struct target t;
	enum err e = load_target(c, &t);
	struct prep_need n;
	int64_t id = ctx_param_id(c, "need_id");
	if (!e)
		e = id ? store_prep_need_get(c->db, c->a, id, &n) : ERR_NOTFOUND;
	if (!e && (n.cycle_id != t.cycle_id || n.unit_id != t.unit_id))
		e = ERR_NOTFOUND;
	if (!e && !t.writable)
		e = ERR_CONFLICT;
	if (e) {
		fail(c, e);
		return;
	}
	render_need_form(c, &t, &n, NULL);
}

void page_prepare_need_update(struct ctx *c)
{
	struct need_job j = { 0 };
	enum err e = load_target(c, &j.t);
	j.id = ctx_param_id(c, "need_id");
	if (!e && !j.id)
		e = ERR_NOTFOUND;
	if (e) {
		fail(c, e);
		return;
	}
	read_need(c, &j);
	e = ctx_write(c, do_need, &j);
	if (e == ERR_INVALID && j.fe.n) {
		c->w->status = 422;
		j.in.id = j.id;
		render_need_form(c, &j.t, &j.in, &j.fe);
	} else if (e) {
		fail(c, e);
	} else {
		ctx_redirect_flash(c, unit_url(c, &j.t, "needs"), MSG_PREP_FLASH_NEED_SAVED);
	}
}

void page_prepare_need_delete(struct ctx *c)
{
	struct need_job j = { .remove = true };
	enum err e = load_target(c, &j.t);
	j.id = ctx_param_id(c, "need_id");
	if (!e && !j.id)
		e = ERR_NOTFOUND;
	if (!e)
		e = ctx_write(c, do_need, &j);
	if (e) {
		fail(c, e);
		return;
	}
	ctx_redirect_flash(c, unit_url(c, &j.t, "needs"), MSG_PREP_FLASH_NEED_REMOVED);
}

/* ---- the document pack ---- */

struct pack_job {
	struct target t;
	int64_t ids[PREP_PACK_MAX];
	int n;
	struct field_errors fe;
};

static int cmp_int64(const void *pa, const void *pb)
{
	int64_t a = *(const int64_t *)pa, b = *(const int64_t *)pb;
	return (a > b) - (a < b);
}

static enum err do_pack(struct ctx *c, void *arg)
{
	struct pack_job *j = arg;
	enum err e = recheck(c, &j->t);
	if (e)
		return e;
	struct prep_doc *docs;
	int ndocs;
	if ((e = store_prep_documents(c->db, c->a, j->t.cycle_id, j->t.unit_id, &docs, &ndocs)))
		return e;
	for (int i = 0; i < j->n; i++) {
		bool known = false;
		for (int k = 0; k < ndocs && !known; k++)
			known = docs[k].id == j->ids[i];
		if (!known) {
			field_error_add(&j->fe, "documents", PROB_UNKNOWN_REF);
			return ERR_INVALID;
		}
	}
	int64_t *before;
	int nbefore;
	if ((e = store_prep_pack(c->db, c->a, j->t.cycle_id, j->t.unit_id, &before, &nbefore)))
		return e;
	if (nbefore == j->n && (j->n == 0 || memcmp(before, j->ids, sizeof *before * (size_t)j->n) == 0))
		return OK;
	if ((e = store_prep_pack_set(c->db, j->t.cycle_id, j->t.unit_id, j->ids, j->n)))
		return e;
	struct buf b;
	buf_init(&b, c->a, 0);
	prep_audit_pack(&b, before, nbefore, j->ids, j->n);
	return b.err ? b.err : ctx_audit(c, "preparation", j->t.unit_id, "pack", buf_str(&b));
}

void page_prepare_pack(struct ctx *c)
{
	struct pack_job *j = arena_alloc(c->a, sizeof *j);
	if (!j) {
		ctx_error_page(c, 413);
		return;
	}
	enum err e = load_target(c, &j->t);
	if (e) {
		fail(c, e);
		return;
	}
	for (int i = 0; i < c->form.n; i++) {
		const struct http_field *f = &c->form.fields[i];
		if (strcmp(f->name, "document") != 0)
			continue;
		int64_t id = 0;
		const char *s = f->value ? f->value : "";
		bool ok = *s && strlen(s) <= 18;
		for (const char *p = s; ok && *p; p++)
			ok = *p >= '0' && *p <= '9';
		if (ok)
			id = strtoll(s, NULL, 10);
		if (!ok || id <= 0 || j->n >= PREP_PACK_MAX) {
			field_error_add(&j->fe, "documents", PROB_UNKNOWN_REF);
			break;
		}
		bool dup = false;
		for (int k = 0; k < j->n && !dup; k++)
			dup = j->ids[k] == id;
		if (!dup)
			j->ids[j->n++] = id;
	}
	qsort(j->ids, (size_t)j->n, sizeof j->ids[0], cmp_int64);
	e = j->fe.n ? ERR_INVALID : ctx_write(c, do_pack, j);
	if (e == ERR_INVALID && j->fe.n) {
		c->w->status = 422;
		render_unit_page(c, &j->t, NULL, NULL, &j->fe);
	} else if (e) {
		fail(c, e);
	} else {
		ctx_redirect_flash(c, unit_url(c, &j->t, "pack"), MSG_PREP_FLASH_PACK_SAVED);
	}
}

/* The chosen documents of the pack, in the order they are offered. */
static enum err chosen_docs(struct ctx *c, const struct target *t, struct prep_doc_item **out, int *n)
{
	struct prep_doc *docs;
	int ndocs;
	enum err e = store_prep_documents(c->db, c->a, t->cycle_id, t->unit_id, &docs, &ndocs);
	if (e)
		return e;
	struct prep_doc_item *v = arena_alloc(c->a, sizeof *v * (size_t)(ndocs > 0 ? ndocs : 1));
	if (!v)
		return ERR_TOO_BIG;
	int k = 0;
	for (int i = 0; i < ndocs; i++)
		if (docs[i].chosen)
			v[k++] = (struct prep_doc_item){ docs[i].id, docs[i].title, docs[i].kind, true };
	*out = v;
	*n = k;
	return OK;
}

void page_prepare_send_confirm(struct ctx *c)
{
	struct target t;
	enum err e = load_target(c, &t);
	if (!e && !t.writable)
		e = ERR_CONFLICT;
	struct v_prep_send m = { .cycle_id = t.cycle_id, .unit = &t.unit, .csrf = c->csrf };
	struct prep_doc_item *docs = NULL;
	if (!e)
		e = chosen_docs(c, &t, &docs, &m.ndocs);
	int64_t *people;
	int npeople = 0;
	if (!e)
		e = store_prep_recipients(c->db, c->a, t.unit_id, &people, &npeople);
	struct preparation prep;
	if (!e)
		e = store_prep_get(c->db, c->a, t.cycle_id, t.unit_id, &prep);
	if (e) {
		fail(c, e);
		return;
	}
	m.docs = docs;
	m.recipients = npeople;
	m.sent_before = prep.pack_sent_at != 0;
	struct html h;
	page_begin(c, &h, msg(c->lang, MSG_PREP_SEND_TITLE));
	v_prep_send(&h, &m);
	page_end(c, &h);
}

struct send_job {
	struct target t;
	struct field_errors fe;
};

static enum err do_send(struct ctx *c, void *arg)
{
	struct send_job *j = arg;
	enum err e = recheck(c, &j->t);
	if (e)
		return e;
	int64_t *docs, *people;
	int ndocs, npeople;
	if ((e = store_prep_pack(c->db, c->a, j->t.cycle_id, j->t.unit_id, &docs, &ndocs)))
		return e;
	if ((e = store_prep_recipients(c->db, c->a, j->t.unit_id, &people, &npeople)))
		return e;
	if (ndocs == 0 || npeople == 0) {
		field_error_add(&j->fe, "documents", PROB_REQUIRED);
		return ERR_INVALID;
	}
	int64_t created = 0;
	if ((e = store_read_requests_send(c->db, j->t.cycle_id, j->t.unit_id, docs, ndocs, people, npeople,
					  c->user.id, c->now, &created)))
		return e;
	if ((e = store_prep_pack_sent(c->db, j->t.cycle_id, j->t.unit_id, c->user.id, c->now, npeople)))
		return e;
	struct buf b;
	buf_init(&b, c->a, 0);
	prep_audit_send(&b, docs, ndocs, npeople);
	return b.err ? b.err : ctx_audit(c, "preparation", j->t.unit_id, "send", buf_str(&b));
}

void page_prepare_send(struct ctx *c)
{
	struct send_job j = { 0 };
	enum err e = load_target(c, &j.t);
	if (!e)
		e = ctx_write(c, do_send, &j);
	if (e == ERR_INVALID && j.fe.n) {
		c->w->status = 422;
		render_unit_page(c, &j.t, NULL, NULL, &j.fe);
	} else if (e) {
		fail(c, e);
	} else {
		ctx_redirect_flash(c, unit_url(c, &j.t, "reading"), MSG_PREP_FLASH_PACK_SENT);
	}
}

/* ---- the home page's dashboard ---- */

/* Both phases' indicators, with rows by subtree: web/page_indicators.c. */
enum err page_prepare_dashboard(struct ctx *c, const struct cycle *cy, const struct v_dashboard **out)
{
	return page_ind_dashboard(c, cy, out);
}
