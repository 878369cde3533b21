/* page_discussion.c — handlers of phase 2's unit discussion: the cycle's
 * list of units (every unit for HR, admin, management and representatives;
 * a leader's units; an employee is sent to their own unit's page), one
 * unit's meeting page, and its writes (the meeting, the notes per agenda
 * item, attendance, suggestions and their removal behind a confirmation).
 * Reading is asked again with the unit (ACT_DISCUSSION_READ); the writes go
 * through web/discussion_ops.h, which the API shares. A refused form is
 * shown again (422) with what was typed; a submitted proposal or a closed
 * cycle answers 409 with the reason. */
#include "web/pages_discussion.h"

#include <stdlib.h>
#include <string.h>
#include "base/arena.h"
#include "base/buf.h"
#include "base/utf8.h"
#include "html/html.h"
#include "store/cycles.h"
#include "store/discussions.h"
#include "store/prepare.h"
#include "store/strategy.h"
#include "views/discussion.h"
#include "web/discussion_ops.h"

enum { LIST_PAGE = 50 };

static void locked_page(struct ctx *c)
{
	c->w->status = 409;
	buf_reset(&c->w->body);
	struct html h;
	page_begin(c, &h, msg(c->lang, MSG_DISC_LOCKED_409));
	HTML_LIT(&h, "<h1 class=\"ds-heading\" data-size=\"lg\">");
	html_msg(&h, MSG_DISC_LOCKED_409);
	HTML_LIT(&h, "</h1>\n<p><a class=\"ds-link\"");
	HTML_URL(&h, "href", url_path(c->a, "/cycles/%lld/discussions/%lld", (long long)ctx_param_id(c, "id"),
				      (long long)ctx_param_id(c, "unit_id")));
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
	case ERR_CONFLICT: locked_page(c); break;
	case ERR_TOO_BIG: ctx_error_page(c, 413); break;
	case ERR_BUSY: ctx_error_page(c, 503); break;
	case ERR_INVALID: ctx_error_page(c, 400); break;
	case OK:
	case ERR_IO:
		ctx_error_page(c, 500);
		break;
	}
}

/* A posted or query text field, "" when absent; NULL when it is not text
 * at all (an embedded NUL). */
static const char *field_text(const struct http_form *f, const char *name)
{
	const struct http_field *x = http_form_field(f, name);
	if (!x || !x->value)
		return "";
	return strlen(x->value) == x->len ? x->value : NULL;
}

/* ---- GET /cycles/{id}/discussions ---- */

void page_disc_index(struct ctx *c)
{
	int64_t cycle_id = ctx_param_id(c, "id");
	struct cycle cy;
	enum err e = cycle_id ? store_cycle_get(c->db, c->a, cycle_id, &cy) : ERR_NOTFOUND;
	if (e) {
		fail(c, e);
		return;
	}
	enum role r = c->actor.role;
	bool org_wide = r == ROLE_ADMIN || r == ROLE_HR || r == ROLE_MANAGEMENT || r == ROLE_REPRESENTATIVE;
	if (!org_wide && c->actor.scope_count == 0 && !c->actor.own_unit_id) {
		/* no unit led and none of one's own: no discussion to read */
		ctx_error_page(c, 403);
		return;
	}
	if (!org_wide && c->actor.scope_count == 0) {
		/* an employee has one unit: their own */
		http_redirect(c->w, url_path(c->a, "/cycles/%lld/discussions/%lld", (long long)cycle_id,
					     (long long)c->actor.own_unit_id));
		return;
	}
	const char *text = field_text(&c->query, "q"), *status = field_text(&c->query, "status");
	const char *after = field_text(&c->query, "after");
	enum proposal_status ps;
	if (!text || !status || !after || !utf8_valid_text(text, strlen(text)) ||
	    utf8_len(text) > NAME_MAX_CHARS || (*status && !proposal_status_parse(status, &ps))) {
		ctx_error_page(c, 400);
		return;
	}
	struct disc_query q = {
		.cycle_id = cycle_id, .status = *status ? status : NULL, .text = *text ? text : NULL,
		.limit = LIST_PAGE,
	};
	if (!org_wide) {
		q.leader_person_id = c->actor.person_id;
		q.own_unit_id = c->actor.own_unit_id;
	}
	if (*after) {
		int64_t id = ctx_query(c, "after") ? strtoll(after, NULL, 10) : 0;
		struct unit u;
		if (id <= 0 || store_unit_get(c->db, c->a, id, &u) != OK) {
			ctx_error_page(c, 400);
			return;
		}
		q.after_name = u.name;
		q.after_id = u.id;
	}
	struct disc_row *rows = NULL;
	int n = 0;
	bool more = false;
	if ((e = store_disc_list(c->db, c->a, &q, &rows, &n, &more))) {
		fail(c, e);
		return;
	}
	struct v_disc_row *v = arena_alloc(c->a, sizeof *v * (size_t)(n > 0 ? n : 1));
	if (!v) {
		ctx_error_page(c, 413);
		return;
	}
	for (int i = 0; i < n; i++)
		v[i] = (struct v_disc_row){ rows[i].unit_id, rows[i].name, rows[i].leader_name,
					    rows[i].meeting_on, rows[i].meeting_at, rows[i].status,
					    rows[i].attendance, rows[i].suggestions };
	struct v_disc_index m = {
		.cycle_id = cycle_id, .cycle_name = cy.name, .org_wide = org_wide, .text = text,
		.status = status, .first_page = !*after, .rows = v, .n = n,
		.next_after = more && n ? rows[n - 1].unit_id : 0,
	};
	struct html h;
	page_begin(c, &h, arena_printf(c->a, "%s – %s", msg(c->lang, MSG_DISC_TITLE), cy.name));
	v_disc_index(&h, &m);
	page_end(c, &h);
}

/* ---- GET /cycles/{id}/discussions/{unit_id} ---- */

/* What a refused form posted, shown again. */
struct posted {
	const char *on, *at, *location;
	struct disc_note_in *notes;
	int nnotes;
	const char *suggestion;
	const struct field_errors *fe;
};

static enum err fill_unit_page(struct ctx *c, const struct disc_target *t, struct v_disc_unit *m,
			       const struct posted *in)
{
	struct arena *a = c->a;
	memset(m, 0, sizeof *m);
	m->cycle_id = t->cycle_id;
	m->cycle_name = t->cycle.name;
	m->unit = &t->unit;
	m->csrf = c->csrf;
	m->actor = &c->actor;
	m->actor_user_id = c->user.id;
	m->cycle_closed = t->cycle.status == CYCLE_CLOSED;
	m->can_edit = access_can(&c->actor, ACT_DISCUSSION_EDIT, t->unit_id);
	m->can_suggest = access_can(&c->actor, ACT_SUGGEST, t->unit_id);
	struct disc_meeting *d = arena_alloc(a, sizeof *d);
	if (!d)
		return ERR_TOO_BIG;
	enum err e = store_disc_get(c->db, a, t->cycle_id, t->unit_id, d);
	if (e)
		return e;
	m->meeting = d;
	m->writable = disc_writable(cycle_status_name(t->cycle.status), d->status);

	struct phase_text *pt = arena_alloc(a, sizeof *pt);
	if (!pt)
		return ERR_TOO_BIG;
	e = store_phase_texts(c->db, a, lang_code(c->lang), PHASE_UNIT_DISCUSSION, pt);
	if (e && e != ERR_NOTFOUND)
		return e;
	m->texts = e ? NULL : pt;

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
	struct prep_need *needs;
	if ((e = store_prep_needs(c->db, a, t->cycle_id, t->unit_id, &needs, &m->ndraft_needs)))
		return e;
	m->draft_needs = needs;

	struct disc_note *notes;
	int nnotes;
	if ((e = store_disc_notes(c->db, a, t->cycle_id, t->unit_id, &notes, &nnotes)))
		return e;
	struct disc_agenda_item *agenda;
	m->nagenda = disc_agenda(a, m->texts ? m->texts->procedure : NULL, notes, nnotes, &agenda);
	if (m->nagenda < 0)
		return ERR_TOO_BIG;
	m->agenda = agenda;

	struct disc_person *people;
	if ((e = store_disc_people(c->db, a, t->cycle_id, t->unit_id, &people, &m->npeople)))
		return e;
	struct v_disc_person *vp = arena_alloc(a, sizeof *vp * (size_t)(m->npeople > 0 ? m->npeople : 1));
	if (!vp)
		return ERR_TOO_BIG;
	for (int i = 0; i < m->npeople; i++)
		vp[i] = (struct v_disc_person){ people[i].id, people[i].name, people[i].job_title,
						people[i].leader, people[i].eligible, people[i].present };
	m->people = vp;

	struct disc_suggestion *sug;
	if ((e = store_disc_suggestions(c->db, a, t->cycle_id, t->unit_id, &sug, &m->nsuggestions)))
		return e;
	m->suggestions = sug;

	if (in) {
		m->meeting_on_in = in->on;
		m->meeting_at_in = in->at;
		m->location_in = in->location;
		m->suggestion_in = in->suggestion;
		m->errors = in->fe;
		if (in->nnotes) {
			const char **v = arena_alloc(a, sizeof *v * (size_t)(m->nagenda > 0 ? m->nagenda : 1));
			if (!v)
				return ERR_TOO_BIG;
			for (int i = 0; i < m->nagenda; i++) {
				v[i] = NULL;
				for (int k = 0; k < in->nnotes; k++)
					if (in->notes[k].item == agenda[i].item + 1)
						v[i] = in->notes[k].text;
			}
			m->notes_in = v;
		}
	}
	return OK;
}

static void render_unit_page(struct ctx *c, const struct disc_target *t, const struct posted *in)
{
	struct v_disc_unit m;
	enum err e = fill_unit_page(c, t, &m, in);
	if (e) {
		fail(c, e);
		return;
	}
	struct html h;
	page_begin(c, &h, arena_printf(c->a, "%s – %s", msg(c->lang, MSG_DISC_TITLE), t->unit.name));
	v_disc_unit(&h, &m);
	page_end(c, &h);
}

void page_disc_unit(struct ctx *c)
{
	struct disc_target t;
	enum err e = disc_load_target(c, &t);
	if (e) {
		fail(c, e);
		return;
	}
	render_unit_page(c, &t, NULL);
}

static const char *unit_url(struct ctx *c, const struct disc_target *t, const char *anchor)
{
	return arena_printf(c->a, "%s#%s",
			    url_path(c->a, "/cycles/%lld/discussions/%lld", (long long)t->cycle_id,
				     (long long)t->unit_id),
			    anchor);
}

/* Runs a change and answers: 303 with flash, the page again (422), or the error. */
static void run_change(struct ctx *c, struct disc_target *t, struct disc_change *j, struct posted *in,
		       const char *anchor, enum msg flash)
{
	enum err e = j->fe.n ? ERR_INVALID : ctx_write(c, disc_change_write, j);
	if (e == ERR_INVALID && j->fe.n) {
		in->fe = &j->fe;
		c->w->status = 422;
		render_unit_page(c, t, in);
	} else if (e) {
		fail(c, e);
	} else {
		ctx_redirect_flash(c, unit_url(c, t, anchor), flash);
	}
}

/* ---- POST .../meeting ---- */

void page_disc_meeting(struct ctx *c)
{
	struct disc_target t;
	enum err e = disc_load_target(c, &t);
	if (e) {
		fail(c, e);
		return;
	}
	struct disc_change j = { .cycle_id = t.cycle_id, .unit_id = t.unit_id, .has_on = true, .has_at = true,
				 .has_location = true };
	j.on = field_text(&c->form, "meeting_on");
	j.at = field_text(&c->form, "meeting_at");
	j.location = field_text(&c->form, "location");
	if (!j.on)
		field_error_add(&j.fe, "meeting_on", PROB_BAD_DATE);
	if (!j.at)
		field_error_add(&j.fe, "meeting_at", PROB_BAD_TIME);
	if (!j.location)
		field_error_add(&j.fe, "location", PROB_BAD_TEXT);
	char *loc = arena_strdup(c->a, j.location ? j.location : "");
	j.location = loc ? str_trim(loc) : "";
	struct posted in = { .on = j.on ? j.on : "", .at = j.at ? j.at : "", .location = j.location };
	run_change(c, &t, &j, &in, "meeting", MSG_DISC_FLASH_MEETING);
}

/* ---- POST .../notes: fields notes_N, N the item as shown ---- */

void page_disc_notes(struct ctx *c)
{
	struct disc_target t;
	enum err e = disc_load_target(c, &t);
	if (e) {
		fail(c, e);
		return;
	}
	struct disc_change j = { .cycle_id = t.cycle_id, .unit_id = t.unit_id };
	j.notes = arena_alloc(c->a, sizeof *j.notes * DISC_ITEMS_MAX);
	if (!j.notes) {
		ctx_error_page(c, 413);
		return;
	}
	for (int i = 0; i < c->form.n; i++) {
		const struct http_field *f = &c->form.fields[i];
		if (strncmp(f->name, "notes_", 6) != 0)
			continue;
		if (j.nnotes == DISC_ITEMS_MAX) {
			ctx_error_page(c, 400);
			return;
		}
		struct disc_note_in *n = &j.notes[j.nnotes++];
		n->field = f->name;
		int idx;
		n->item = disc_item_parse(f->name + 6, DISC_ITEMS_MAX, &idx) ? idx + 1 : 0;
		n->text = f->value && strlen(f->value) == f->len ? f->value : NULL;
		if (!n->text) {
			field_error_add(&j.fe, n->field, PROB_BAD_TEXT);
			n->text = "";
		}
	}
	struct posted in = { .notes = j.notes, .nnotes = j.nnotes };
	run_change(c, &t, &j, &in, "agenda", MSG_DISC_FLASH_NOTES);
}

/* ---- POST .../attendance: checkboxes "person" ---- */

void page_disc_attendance(struct ctx *c)
{
	struct disc_target t;
	enum err e = disc_load_target(c, &t);
	if (e) {
		fail(c, e);
		return;
	}
	struct disc_change j = { .cycle_id = t.cycle_id, .unit_id = t.unit_id, .has_attendance = true };
	j.people = arena_alloc(c->a, sizeof *j.people * (size_t)(c->form.n > 0 ? c->form.n : 1));
	if (!j.people) {
		ctx_error_page(c, 413);
		return;
	}
	for (int i = 0; i < c->form.n; i++) {
		const struct http_field *f = &c->form.fields[i];
		if (strcmp(f->name, "person") != 0)
			continue;
		const char *s = f->value ? f->value : "";
		bool ok = *s && strlen(s) <= 18 && strlen(s) == f->len && s[0] != '0';
		for (const char *p = s; ok && *p; p++)
			ok = *p >= '0' && *p <= '9';
		if (!ok) {
			j.bad_people = true;
			continue;
		}
		j.people[j.npeople++] = strtoll(s, NULL, 10);
	}
	struct posted in = { 0 };
	run_change(c, &t, &j, &in, "attendance", MSG_DISC_FLASH_ATTENDANCE);
}

/* ---- suggestions ---- */

void page_disc_suggest(struct ctx *c)
{
	struct disc_target t;
	enum err e = disc_load_target(c, &t);
	if (e) {
		fail(c, e);
		return;
	}
	struct disc_suggest j = { .cycle_id = t.cycle_id, .unit_id = t.unit_id };
	const char *body = field_text(&c->form, "body");
	char *b = arena_strdup(c->a, body ? body : "");
	j.body = b ? str_trim(b) : "";
	if (!body)
		field_error_add(&j.fe, "body", PROB_BAD_TEXT);
	e = j.fe.n ? ERR_INVALID : ctx_write(c, disc_suggest_write, &j);
	if (e == ERR_INVALID && j.fe.n) {
		struct posted in = { .suggestion = j.body, .fe = &j.fe };
		c->w->status = 422;
		render_unit_page(c, &t, &in);
	} else if (e) {
		fail(c, e);
	} else {
		ctx_redirect_flash(c, unit_url(c, &t, "suggestions"), MSG_DISC_FLASH_SUGGESTION);
	}
}

void page_disc_suggestion_delete_confirm(struct ctx *c)
{
	struct disc_target t;
	enum err e = disc_load_target(c, &t);
	struct disc_suggestion s;
	enum disc_lock lock;
	if (!e)
		e = disc_unsuggest_check(c, t.cycle_id, t.unit_id, ctx_param_id(c, "suggestion_id"), &s, &lock);
	if (e) {
		fail(c, e);
		return;
	}
	struct v_disc_delete m = { .cycle_id = t.cycle_id, .unit = &t.unit, .suggestion = &s, .csrf = c->csrf };
	struct html h;
	page_begin(c, &h, msg(c->lang, MSG_DISC_DELETE_TITLE));
	v_disc_delete(&h, &m);
	page_end(c, &h);
}

void page_disc_suggestion_delete(struct ctx *c)
{
	struct disc_target t;
	enum err e = disc_load_target(c, &t);
	struct disc_unsuggest j = { .cycle_id = t.cycle_id, .unit_id = t.unit_id,
				    .id = ctx_param_id(c, "suggestion_id") };
	if (!e)
		e = j.id ? ctx_write(c, disc_unsuggest_write, &j) : ERR_NOTFOUND;
	if (e) {
		fail(c, e);
		return;
	}
	ctx_redirect_flash(c, unit_url(c, &t, "suggestions"), MSG_DISC_FLASH_REMOVED);
}
