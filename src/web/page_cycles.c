/* page_cycles.c — handlers of the yearly cycle pages: the list, one cycle,
 * create (optionally copying a previous cycle's dates a year on), edit of
 * the name and the five phases' dates, open and close behind confirmation
 * pages, and HR's editor of one phase's texts in one language. Everyone
 * signed in reads (ACT_CYCLE_READ); HR and admins write (ACT_CYCLE_EDIT, the
 * router's check). A closed cycle is read-only: its edit and state changes
 * answer 409 with the reason. Each write is one transaction that re-reads
 * the cycle, checks the rules of domain/cycle.h, stores and audits; a save
 * that changes nothing writes nothing. */
#include "web/pages_cycles.h"

#include <string.h>
#include "base/arena.h"
#include "base/buf.h"
#include "base/utf8.h"
#include "html/html.h"
#include "store/cycles.h"
#include "views/cycles.h"
#include "web/pages_org.h"

enum { CYCLE_LIST_MAX = 500 };

const char *page_cycles_today(struct ctx *c)
{
	struct buf b;
	buf_init(&b, c->a, 32);
	fmt_date(&b, c->now);          /* "28.11.2026" */
	const char *s = buf_str(&b);
	if (b.err || strlen(s) != 10)
		return "";
	char *iso = arena_printf(c->a, "%.4s-%.2s-%.2s", s + 6, s + 3, s);
	return iso ? iso : "";
}

/* A POST field as a copy in the request arena: NULL when absent, "" with a
 * CP_BAD_TEXT problem when not valid text. Lines are kept (CR removed) when
 * multiline, else the value is trimmed. */
static char *form_text(struct ctx *c, const char *name, bool multiline, struct cycle_errors *ce)
{
	const struct http_field *f = http_form_field(&c->form, name);
	if (!f || !f->value)
		return NULL;
	if (strlen(f->value) != f->len || !utf8_valid_text(f->value, f->len)) {
		cycle_error_add(ce, name, CP_BAD_TEXT, -1, -1);
		return "";
	}
	char *s = arena_strndup(c->a, f->value, f->len);
	if (!s)
		return "";
	if (!multiline)
		return str_trim(s);
	char *o = s;
	for (const char *p = s; *p; p++)
		if (*p != '\r')
			*o++ = *p;
	*o = '\0';
	return s;
}

void page_cycles(struct ctx *c)
{
	struct cycle *v;
	int n;
	enum err e = store_cycle_list(c->db, c->a, 0, CYCLE_LIST_MAX, &v, &n);
	if (e) {
		page_org_fail(c, e);
		return;
	}
	struct v_cycles_index m = {
		.cycles = v, .n = n, .today = page_cycles_today(c),
		.can_edit = access_can(&c->actor, ACT_CYCLE_EDIT, 0),
	};
	struct html h;
	page_begin(c, &h, msg(c->lang, MSG_CYCLE_LIST_TITLE));
	v_cycles_index(&h, &m);
	page_end(c, &h);
}

/* The cycle named by {id}; false once an error page has been written. */
static bool load_cycle(struct ctx *c, struct cycle *cy)
{
	int64_t id = ctx_param_id(c, "id");
	enum err e = id ? store_cycle_get(c->db, c->a, id, cy) : ERR_NOTFOUND;
	if (e) {
		page_org_fail(c, e);
		return false;
	}
	return true;
}

static void render_show(struct ctx *c, const struct cycle *cy)
{
	struct phase_text *texts = arena_alloc(c->a, sizeof *texts * PHASE_COUNT);
	enum err e = texts ? store_phase_texts_all(c->db, c->a, lang_code(c->lang), texts) : ERR_TOO_BIG;
	if (e) {
		page_org_fail(c, e);
		return;
	}
	struct v_cycle_show m = {
		.cycle = cy, .texts = texts, .today = page_cycles_today(c),
		.can_edit = access_can(&c->actor, ACT_CYCLE_EDIT, 0),
		.can_prepare = access_can(&c->actor, ACT_PREPARE, 0),
	};
	struct html h;
	page_begin(c, &h, cy->name);
	v_cycle_show(&h, &m);
	page_end(c, &h);
}

void page_cycle_show(struct ctx *c)
{
	struct cycle cy;
	if (load_cycle(c, &cy))
		render_show(c, &cy);
}

/* The cycle page again with 409: it is closed, so nothing may change (the
 * page says so at the top). */
static void closed_answer(struct ctx *c, const struct cycle *cy)
{
	c->w->status = 409;
	render_show(c, cy);
}

static void render_form(struct ctx *c, const struct cycle *cy, const char *heading_name,
			const char *copy_from, const struct cycle_errors *ce)
{
	struct v_cycle_form m = {
		.cycle = cy, .heading_name = heading_name, .copy_from = copy_from, .errors = ce,
		.csrf = c->csrf,
	};
	if (!cy->id) {
		struct cycle *v;
		enum err e = store_cycle_list(c->db, c->a, 0, CYCLE_LIST_MAX, &v, &m.nsources);
		if (e) {
			page_org_fail(c, e);
			return;
		}
		m.sources = v;
	}
	struct html h;
	page_begin(c, &h, msg(c->lang, cy->id ? MSG_CYCLE_EDIT : MSG_CYCLE_NEW));
	v_cycle_form(&h, &m);
	page_end(c, &h);
}

void page_cycle_new(struct ctx *c)
{
	struct cycle cy = { .status = CYCLE_DRAFT };
	render_form(c, &cy, NULL, NULL, NULL);
}

/* One create or edit: what was posted and what the transaction found. */
struct cycle_save {
	int64_t id;                    /* 0: create */
	struct cycle in;               /* the values posted */
	const char *copy_from;         /* create: the cycle whose dates to copy, as posted */
	struct cycle_errors input;     /* problems found reading the form */
	struct cycle_errors ce;        /* all problems */
	struct cycle before;           /* the stored cycle when editing */
	bool closed;                   /* the stored cycle is closed */
};

static void read_cycle_form(struct ctx *c, struct cycle_save *s)
{
	s->in.name = form_text(c, "name", false, &s->input);
	if (!s->id) {
		s->copy_from = form_text(c, "copy_from", false, &s->input);
		return;
	}
	for (int k = 0; k < PHASE_COUNT; k++) {
		s->in.phases[k].starts_on = form_text(c, cycle_date_field((enum phase_key)k, false), false,
						      &s->input);
		s->in.phases[k].ends_on = form_text(c, cycle_date_field((enum phase_key)k, true), false,
						    &s->input);
	}
}

static enum err save_cycle(struct ctx *c, void *arg)
{
	struct cycle_save *s = arg;
	s->ce = s->input;
	s->closed = false;
	enum err e;
	struct cycle after = s->in;
	if (s->id) {
		if ((e = store_cycle_get(c->db, c->a, s->id, &s->before)))
			return e;
		if (!cycle_editable(s->before.status)) {
			s->closed = true;
			return ERR_CONFLICT;
		}
		after.id = s->id;
		after.status = s->before.status;
	} else {
		after.status = CYCLE_DRAFT;
		if (s->copy_from && *s->copy_from) {
			bool ok;
			int64_t from = page_org_parse_id(s->copy_from, &ok);
			struct cycle src;
			e = ok && from ? store_cycle_get(c->db, c->a, from, &src) : ERR_NOTFOUND;
			if (e == ERR_NOTFOUND)
				cycle_error_add(&s->ce, "copy_from", CP_UNKNOWN_REF, -1, -1);
			else if (e)
				return e;
			else
				cycle_shift_years(c->a, src.phases, 1, after.phases);
		}
	}
	if (!cycle_errors_has(&s->ce, "name"))
		cycle_validate_name(after.name, &s->ce);
	if (!cycle_errors_has(&s->ce, "name")) {
		struct cycle other;
		e = store_cycle_by_name(c->db, c->a, after.name, &other);
		if (e == OK && other.id != s->id)
			cycle_error_add(&s->ce, "name", CP_TAKEN, -1, -1);
		else if (e && e != ERR_NOTFOUND)
			return e;
	}
	if (s->id)
		cycle_validate_dates(after.phases, after.status == CYCLE_OPEN, &s->ce);
	if (s->ce.n)
		return ERR_INVALID;

	struct buf b;
	buf_init(&b, c->a, 0);
	cycle_audit_changes(&b, s->id ? &s->before : NULL, &after);
	if (b.err)
		return b.err;
	if (s->id) {
		if (strcmp(buf_str(&b), "{}") == 0) {
			s->in = after;
			return OK;
		}
		e = store_cycle_update(c->db, &after, c->now);
	} else {
		e = store_cycle_insert(c->db, &after, c->now);
	}
	if (e)
		return e;
	s->in = after;
	return ctx_audit(c, "cycle", after.id, s->id ? "update" : "create", buf_str(&b));
}

static void finish_save(struct ctx *c, struct cycle_save *s)
{
	enum err e = ctx_write(c, save_cycle, s);
	if (e == OK) {
		ctx_redirect_flash(c, url_path(c->a, "/cycles/%lld", (long long)s->in.id),
				   s->id ? MSG_CYCLE_SAVED : MSG_CYCLE_CREATED);
	} else if (e == ERR_INVALID && s->ce.n) {
		c->w->status = 422;
		s->in.id = s->id;
		s->in.status = s->id ? s->before.status : CYCLE_DRAFT;
		render_form(c, &s->in, s->before.name, s->copy_from, &s->ce);
	} else if (e == ERR_CONFLICT && s->closed) {
		closed_answer(c, &s->before);
	} else {
		page_org_fail(c, e);
	}
}

void page_cycle_create(struct ctx *c)
{
	struct cycle_save s = { .id = 0 };
	read_cycle_form(c, &s);
	finish_save(c, &s);
}

void page_cycle_edit(struct ctx *c)
{
	struct cycle cy;
	if (!load_cycle(c, &cy))
		return;
	if (!cycle_editable(cy.status)) {
		closed_answer(c, &cy);
		return;
	}
	render_form(c, &cy, cy.name, NULL, NULL);
}

void page_cycle_update(struct ctx *c)
{
	struct cycle_save s = { .id = ctx_param_id(c, "id") };
	if (!s.id) {
		ctx_error_page(c, 404);
		return;
	}
	read_cycle_form(c, &s);
	finish_save(c, &s);
}

/* ---- open and close ---- */

/* Why cy cannot move to the state to (MSG_COUNT when it can), with the
 * date problems that keep it from opening in ce. */
static enum msg transition_refusal(const struct cycle *cy, enum cycle_status to,
				   struct cycle_errors *ce)
{
	enum cycle_problem p = cycle_transition(cy->status, to);
	if (p == CP_CLOSED)
		return MSG_CYCLE_READ_ONLY;
	if (p != CP_NONE || cy->status == to)
		return to == CYCLE_OPEN ? MSG_CYCLE_CANNOT_OPEN : MSG_CYCLE_CANNOT_CLOSE;
	if (to == CYCLE_OPEN) {
		cycle_validate_dates(cy->phases, true, ce);
		if (ce->n)
			return MSG_CYCLE_OPEN_BLOCKED;
	}
	return MSG_COUNT;
}

static void render_confirm(struct ctx *c, const struct cycle *cy, bool open, enum msg refusal,
			   const struct cycle_errors *ce)
{
	struct v_cycle_confirm m = {
		.cycle = cy, .open = open, .refusal = refusal, .errors = ce, .csrf = c->csrf,
	};
	struct html h;
	page_begin(c, &h, msg(c->lang, open ? MSG_CYCLE_OPEN_ACTION : MSG_CYCLE_CLOSE_ACTION));
	v_cycle_confirm(&h, &m);
	page_end(c, &h);
}

/* GET: the question, or why it cannot be asked (still 200: nothing failed). */
static void confirm_page(struct ctx *c, bool open)
{
	struct cycle cy;
	if (!load_cycle(c, &cy))
		return;
	struct cycle_errors ce = { .n = 0 };
	render_confirm(c, &cy, open, transition_refusal(&cy, open ? CYCLE_OPEN : CYCLE_CLOSED, &ce), &ce);
}

void page_cycle_open_confirm(struct ctx *c)
{
	confirm_page(c, true);
}

void page_cycle_close_confirm(struct ctx *c)
{
	confirm_page(c, false);
}

struct cycle_move {
	int64_t id;
	enum cycle_status to;
	struct cycle cy;               /* as stored before the change */
	enum msg refusal;
	struct cycle_errors ce;
};

static enum err move_cycle(struct ctx *c, void *arg)
{
	struct cycle_move *mv = arg;
	mv->ce.n = 0;
	enum err e = store_cycle_get(c->db, c->a, mv->id, &mv->cy);
	if (e)
		return e;
	mv->refusal = transition_refusal(&mv->cy, mv->to, &mv->ce);
	if (mv->refusal != MSG_COUNT)
		return mv->ce.n ? ERR_INVALID : ERR_CONFLICT;
	struct cycle after = mv->cy;
	after.status = mv->to;
	struct buf b;
	buf_init(&b, c->a, 0);
	cycle_audit_changes(&b, &mv->cy, &after);
	if (b.err)
		return b.err;
	if ((e = store_cycle_update(c->db, &after, c->now)))
		return e;
	return ctx_audit(c, "cycle", after.id, mv->to == CYCLE_OPEN ? "open" : "close", buf_str(&b));
}

static void move_page(struct ctx *c, enum cycle_status to)
{
	struct cycle_move mv = { .id = ctx_param_id(c, "id"), .to = to };
	if (!mv.id) {
		ctx_error_page(c, 404);
		return;
	}
	enum err e = ctx_write(c, move_cycle, &mv);
	if (e == OK) {
		ctx_redirect_flash(c, url_path(c->a, "/cycles/%lld", (long long)mv.id),
				   to == CYCLE_OPEN ? MSG_CYCLE_OPENED : MSG_CYCLE_CLOSED_DONE);
	} else if ((e == ERR_INVALID || e == ERR_CONFLICT) && mv.refusal != MSG_COUNT) {
		c->w->status = e == ERR_INVALID ? 422 : 409;
		render_confirm(c, &mv.cy, to == CYCLE_OPEN, mv.refusal, &mv.ce);
	} else {
		page_org_fail(c, e);
	}
}

void page_cycle_open(struct ctx *c)
{
	move_page(c, CYCLE_OPEN);
}

void page_cycle_close(struct ctx *c)
{
	move_page(c, CYCLE_CLOSED);
}

/* ---- phase texts ---- */

/* The phase named by {key} and the language of ?lang= (or the POSTed lang);
 * false once a 404 or 400 page has been written. */
static bool texts_target(struct ctx *c, enum phase_key *key, const char **lang)
{
	if (!phase_key_parse(http_param(c->req, "key"), key)) {
		ctx_error_page(c, 404);
		return false;
	}
	const char *l = ctx_query(c, "lang");
	if (!l)
		l = lang_code(c->lang);
	if (!lang_is_code(l)) {
		ctx_error_page(c, 400);
		return false;
	}
	*lang = l;
	return true;
}

static void render_texts(struct ctx *c, enum phase_key key, const char *lang,
			 const struct phase_text *shown, const struct cycle_errors *ce)
{
	static const char *const codes[] = { "nb", "nn", "en" };
	struct phase_text others[2];
	int n = 0;
	for (int i = 0; i < 3; i++) {
		if (strcmp(codes[i], lang) == 0)
			continue;
		enum err e = store_phase_texts(c->db, c->a, codes[i], key, &others[n]);
		if (e) {
			page_org_fail(c, e);
			return;
		}
		n++;
	}
	struct v_phase_texts_form m = {
		.key = key, .lang = lang, .text = shown, .others = others, .nothers = n, .errors = ce,
		.csrf = c->csrf,
	};
	struct html h;
	page_begin(c, &h, msg(c->lang, v_phase_msg(key)));
	v_phase_texts_form(&h, &m);
	page_end(c, &h);
}

void page_phase_texts(struct ctx *c)
{
	enum phase_key key;
	const char *lang;
	if (!texts_target(c, &key, &lang))
		return;
	struct phase_text t;
	enum err e = store_phase_texts(c->db, c->a, lang, key, &t);
	if (e) {
		page_org_fail(c, e);
		return;
	}
	render_texts(c, key, lang, &t, NULL);
}

struct texts_save {
	struct phase_text in;
	struct cycle_errors input;
	struct cycle_errors ce;
};

static enum err save_texts(struct ctx *c, void *arg)
{
	struct texts_save *s = arg;
	s->ce = s->input;
	struct phase_text before;
	enum err e = store_phase_texts(c->db, c->a, s->in.lang, s->in.key, &before);
	if (e)
		return e;
	phase_text_validate(&s->in, &s->ce);
	if (s->ce.n)
		return ERR_INVALID;
	struct buf b;
	buf_init(&b, c->a, 0);
	bool changed = phase_text_audit_changes(&b, &before, &s->in);
	if (b.err)
		return b.err;
	if (!changed)
		return OK;
	if ((e = store_phase_texts_update(c->db, &s->in, c->user.id, c->now)))
		return e;
	/* phase texts have no id of their own: the audit row names the phase's
	 * position (1–5) and the body says which language */
	return ctx_audit(c, "phase_texts", (int64_t)s->in.key + 1, "update", buf_str(&b));
}

void page_phase_texts_update(struct ctx *c)
{
	struct texts_save s = { .in = { .key = PHASE_COUNT } };
	const char *lang;
	if (!texts_target(c, &s.in.key, &lang))
		return;
	const char *posted = ctx_form(c, "lang");
	if (posted && strcmp(posted, lang) != 0) {
		ctx_error_page(c, 400);
		return;
	}
	s.in.lang = (char *)lang;
	s.in.purpose = form_text(c, "purpose", true, &s.input);
	s.in.key_questions = form_text(c, "key_questions", true, &s.input);
	s.in.procedure = form_text(c, "procedure", true, &s.input);
	s.in.desired_result = form_text(c, "desired_result", true, &s.input);
	enum err e = ctx_write(c, save_texts, &s);
	if (e == OK) {
		ctx_redirect_flash(c, url_path(c->a, "/cycles/phases/%s/texts?lang=%s",
					       phase_key_name(s.in.key), lang),
				   MSG_PHASE_TEXTS_SAVED);
	} else if (e == ERR_INVALID && s.ce.n) {
		c->w->status = 422;
		render_texts(c, s.in.key, lang, &s.in, &s.ce);
	} else {
		page_org_fail(c, e);
	}
}
