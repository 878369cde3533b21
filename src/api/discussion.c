/* discussion.c (api) — /api/v1/cycles/{id}/discussions: the units whose
 * discussion the actor may read (every unit for HR, admin, management and
 * representatives; a leader's units and their own; an employee's own unit),
 * cursor-paged by name in Norwegian order with ?q= and ?status= filters;
 * one unit's discussion (meeting, state, agenda items with their notes,
 * attendance, suggestions); PATCH of the meeting fields, notes by item and
 * attendance as a list of person ids, all checked before anything is
 * written; suggestions added and removed. The writes are web/discussion_ops.h's,
 * the same as the pages'. PATCH bodies hold an array of objects, which
 * json_in.c's member table cannot describe, so this file reads them with
 * jansson itself under the same limits. The shapes are in docs/api.md. */
#include "api/api_discussion.h"

#include <jansson.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "base/utf8.h"
#include "store/cycles.h"
#include "store/discussions.h"
#include "web/discussion_ops.h"

static void locked(struct ctx *c, enum disc_lock lock)
{
	api_problem(c, 409, lock == DISC_LOCK_CLOSED
				    ? "The cycle is closed; its discussions are read-only."
				    : "The unit's proposal has been submitted; its discussion is read-only until HR returns it.");
}

/* ---- GET /api/v1/cycles/{id}/discussions ---- */

void api_disc_list(struct ctx *c)
{
	int64_t cycle_id = ctx_param_id(c, "id");
	struct api_page pg;
	const char *text = NULL;
	if (!api_read_page(c, &pg) || !api_query_text(c, &text))
		return;
	const char *status = ctx_query(c, "status");
	enum proposal_status ps;
	if (status && *status && !proposal_status_parse(status, &ps)) {
		api_problem(c, 400, "status must be draft, submitted or returned.");
		return;
	}
	struct cycle cy;
	enum err e = cycle_id ? store_cycle_get(c->db, c->a, cycle_id, &cy) : ERR_NOTFOUND;
	if (e) {
		api_problem_err(c, e);
		return;
	}
	enum role r = c->actor.role;
	bool org_wide = r == ROLE_ADMIN || r == ROLE_HR || r == ROLE_MANAGEMENT || r == ROLE_REPRESENTATIVE;
	if (!org_wide && c->actor.scope_count == 0 && !c->actor.own_unit_id) {
		api_problem(c, 403, "Only those who lead a unit or belong to one read unit discussions.");
		return;
	}
	struct disc_query q = { .cycle_id = cycle_id, .status = status && *status ? status : NULL, .text = text,
				.after_name = pg.key, .after_id = pg.id, .limit = pg.limit };
	if (!org_wide) {
		/* -1 leads nothing: only the own unit */
		q.leader_person_id = c->actor.scope_count ? c->actor.person_id : -1;
		q.own_unit_id = c->actor.own_unit_id;
	}
	struct disc_row *rows;
	int n;
	bool more;
	if ((e = store_disc_list(c->db, c->a, &q, &rows, &n, &more))) {
		api_problem_err(c, e);
		return;
	}
	struct jw w;
	api_list_begin(c, &w);
	for (int i = 0; i < n; i++) {
		const struct disc_row *x = &rows[i];
		jw_obj(&w);
		jw_kint(&w, "unit_id", x->unit_id);
		jw_kstr(&w, "name", x->name);
		jw_kstr(&w, "code", x->code);
		jw_kstr(&w, "leader_name", x->leader_name);
		jw_kstr(&w, "meeting_on", x->meeting_on);
		jw_kstr(&w, "meeting_at", x->meeting_at);
		jw_kstr(&w, "status", proposal_status_name(x->status));
		jw_kint(&w, "attendance", x->attendance);
		jw_kint(&w, "suggestions", x->suggestions);
		jw_obj_end(&w);
	}
	api_list_end(c, &w, more && n ? rows[n - 1].name : NULL, n ? rows[n - 1].unit_id : 0);
}

/* ---- GET /api/v1/cycles/{id}/discussions/{unit_id} ---- */

static void write_suggestion(struct jw *w, const struct disc_suggestion *s)
{
	jw_obj(w);
	jw_kint(w, "id", s->id);
	jw_kint(w, "cycle_id", s->cycle_id);
	jw_kint(w, "unit_id", s->unit_id);
	jw_kid(w, "user_id", s->user_id);
	jw_kstr(w, "user_name", s->user_name);
	jw_kstr(w, "body", s->body);
	jw_ktime(w, "created_at", s->created_at);
	jw_obj_end(w);
}

static void answer_disc(struct ctx *c, const struct disc_target *t, int status)
{
	struct arena *a = c->a;
	struct disc_meeting d;
	enum err e = store_disc_get(c->db, a, t->cycle_id, t->unit_id, &d);
	struct phase_text pt;
	const char *procedure = NULL;
	if (!e) {
		e = store_phase_texts(c->db, a, lang_code(c->lang), PHASE_UNIT_DISCUSSION, &pt);
		if (!e)
			procedure = pt.procedure;
		else if (e == ERR_NOTFOUND)
			e = OK;
	}
	struct disc_note *notes = NULL;
	int nnotes = 0;
	if (!e)
		e = store_disc_notes(c->db, a, t->cycle_id, t->unit_id, &notes, &nnotes);
	struct disc_person *people = NULL;
	int npeople = 0;
	if (!e)
		e = store_disc_people(c->db, a, t->cycle_id, t->unit_id, &people, &npeople);
	struct disc_suggestion *sug = NULL;
	int nsug = 0;
	if (!e)
		e = store_disc_suggestions(c->db, a, t->cycle_id, t->unit_id, &sug, &nsug);
	struct disc_agenda_item *agenda = NULL;
	int nagenda = e ? 0 : disc_agenda(a, procedure, notes, nnotes, &agenda);
	if (!e && nagenda < 0)
		e = ERR_TOO_BIG;
	if (e) {
		api_problem_err(c, e);
		return;
	}
	struct jw w;
	api_json_begin(c, &w);
	jw_obj(&w);
	jw_kint(&w, "cycle_id", t->cycle_id);
	jw_kint(&w, "unit_id", t->unit_id);
	jw_kstr(&w, "unit_name", t->unit.name);
	jw_kstr(&w, "status", proposal_status_name(d.status));
	jw_kstr(&w, "return_comment", d.status == PROPOSAL_RETURNED ? d.return_comment : NULL);
	jw_kbool(&w, "writable", disc_writable(cycle_status_name(t->cycle.status), d.status));
	jw_kstr(&w, "meeting_on", d.meeting_on);
	jw_kstr(&w, "meeting_at", d.meeting_at);
	jw_kstr(&w, "location", d.location);
	jw_key(&w, "agenda");
	jw_arr(&w);
	for (int i = 0; i < nagenda; i++) {
		const struct disc_agenda_item *it = &agenda[i];
		jw_obj(&w);
		jw_kint(&w, "item", it->item + 1);
		jw_kstr(&w, "text", it->text);
		jw_kbool(&w, "current", it->current);
		jw_kstr(&w, "notes", it->note ? it->note->notes : "");
		jw_kid(&w, "updated_by", it->note ? it->note->updated_by : 0);
		jw_ktime(&w, "updated_at", it->note ? it->note->updated_at : 0);
		jw_obj_end(&w);
	}
	jw_arr_end(&w);
	jw_key(&w, "attendance");
	jw_arr(&w);
	for (int i = 0; i < npeople; i++)
		if (people[i].present)
			jw_int(&w, people[i].id);
	jw_arr_end(&w);
	jw_key(&w, "people");
	jw_arr(&w);
	for (int i = 0; i < npeople; i++) {
		jw_obj(&w);
		jw_kint(&w, "id", people[i].id);
		jw_kstr(&w, "name", people[i].name);
		jw_kbool(&w, "leader", people[i].leader);
		jw_kbool(&w, "eligible", people[i].eligible);
		jw_kbool(&w, "present", people[i].present);
		jw_obj_end(&w);
	}
	jw_arr_end(&w);
	jw_key(&w, "suggestions");
	jw_arr(&w);
	for (int i = 0; i < nsug; i++)
		write_suggestion(&w, &sug[i]);
	jw_arr_end(&w);
	jw_obj_end(&w);
	api_json_end(c, status);
}

void api_disc_get(struct ctx *c)
{
	struct disc_target t;
	enum err e = disc_load_target(c, &t);
	if (e)
		api_problem_err(c, e);
	else
		answer_disc(c, &t, 200);
}

/* ---- PATCH /api/v1/cycles/{id}/discussions/{unit_id} ---- */

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

/* A string or null member into *out (null: NULL); a type problem otherwise. */
static bool take_str(struct ctx *c, json_t *v, const char *field, const char **out, struct field_errors *fe)
{
	if (json_is_null(v)) {
		*out = NULL;
		return true;
	}
	if (!json_is_string(v) || strlen(json_string_value(v)) != json_string_length(v)) {
		field_error_add(fe, field, PROB_BAD_TEXT);
		return true;
	}
	*out = arena_strndup(c->a, json_string_value(v), json_string_length(v));
	return *out != NULL;
}

/* "notes": [{"item": N, "notes": TEXT}, ...]; false only when out of memory. */
static bool take_notes(struct ctx *c, json_t *arr, struct disc_change *j)
{
	if (!json_is_array(arr)) {
		field_error_add(&j->fe, "notes", PROB_BAD_CHOICE);
		return true;
	}
	size_t n = json_array_size(arr);
	if (n > DISC_ITEMS_MAX) {
		field_error_add(&j->fe, "notes", PROB_TOO_LONG);
		return true;
	}
	j->notes = arena_alloc(c->a, sizeof *j->notes * (n ? n : 1));
	if (!j->notes)
		return false;
	size_t i;
	json_t *el;
	json_array_foreach(arr, i, el) {
		struct disc_note_in *x = &j->notes[j->nnotes++];
		x->field = arena_printf(c->a, "notes[%zu]", i);
		x->text = "";
		if (!x->field)
			return false;
		const char *name;
		json_t *m;
		bool unknown = !json_is_object(el);
		if (!unknown)
			json_object_foreach(el, name, m)
				if (strcmp(name, "item") && strcmp(name, "notes"))
					unknown = true;
		json_t *item = unknown ? NULL : json_object_get(el, "item");
		json_t *text = unknown ? NULL : json_object_get(el, "notes");
		if (unknown || !item || !text) {
			field_error_add(&j->fe, x->field, PROB_REQUIRED);
			continue;
		}
		if (!json_is_integer(item) || json_integer_value(item) < 1 || json_integer_value(item) > 9999)
			x->item = 0;
		else
			x->item = (int)json_integer_value(item);
		const char *s = NULL;
		if (!take_str(c, text, arena_printf(c->a, "notes[%zu].notes", i), &s, &j->fe))
			return false;
		x->text = s ? s : "";
		if (x->item == 0)
			x->field = arena_printf(c->a, "notes[%zu].item", i);
		else
			x->field = arena_printf(c->a, "notes[%zu]", i);
	}
	return true;
}

/* "attendance": [person ids]; false only when out of memory. */
static bool take_people(struct ctx *c, json_t *arr, struct disc_change *j)
{
	j->has_attendance = true;
	if (!json_is_array(arr)) {
		j->bad_people = true;
		return true;
	}
	size_t n = json_array_size(arr);
	j->people = arena_alloc(c->a, sizeof *j->people * (n ? n : 1));
	if (!j->people)
		return false;
	size_t i;
	json_t *el;
	json_array_foreach(arr, i, el) {
		if (!json_is_integer(el) || json_integer_value(el) < 1)
			j->bad_people = true;
		else
			j->people[j->npeople++] = (int64_t)json_integer_value(el);
	}
	return true;
}

/* Reads the PATCH body into j; false once a problem has been written. */
static bool read_patch(struct ctx *c, struct disc_change *j)
{
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
		api_problem(c, 400, arena_printf(c->a, "Malformed JSON at line %d, column %d: %s.", jerr.line,
						 jerr.column, jerr.text));
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
		if (strcmp(name, "meeting_on") && strcmp(name, "meeting_at") && strcmp(name, "location") &&
		    strcmp(name, "notes") && strcmp(name, "attendance")) {
			api_problem(c, 400, arena_printf(c->a, "Unknown member: %s.", name));
			goto out;
		}
	}
	if ((v = json_object_get(root, "meeting_on"))) {
		j->has_on = true;
		if (!take_str(c, v, "meeting_on", &j->on, &j->fe))
			goto oom;
	}
	if ((v = json_object_get(root, "meeting_at"))) {
		j->has_at = true;
		if (!take_str(c, v, "meeting_at", &j->at, &j->fe))
			goto oom;
	}
	if ((v = json_object_get(root, "location"))) {
		j->has_location = true;
		if (!take_str(c, v, "location", &j->location, &j->fe))
			goto oom;
		if (j->location) {
			char *l = arena_strdup(c->a, j->location);
			if (!l)
				goto oom;
			j->location = str_trim(l);
		}
	}
	if ((v = json_object_get(root, "notes")) && !take_notes(c, v, j))
		goto oom;
	if ((v = json_object_get(root, "attendance")) && !take_people(c, v, j))
		goto oom;
	ok = true;
	goto out;
oom:
	api_problem_err(c, ERR_TOO_BIG);
out:
	json_decref(root);
	return ok;
}

void api_disc_update(struct ctx *c)
{
	struct disc_target t;
	enum err e = disc_load_target(c, &t);
	if (e) {
		api_problem_err(c, e);
		return;
	}
	struct disc_change *j = arena_alloc(c->a, sizeof *j);
	if (!j) {
		api_problem_err(c, ERR_TOO_BIG);
		return;
	}
	memset(j, 0, sizeof *j);
	j->cycle_id = t.cycle_id;
	j->unit_id = t.unit_id;
	if (!read_patch(c, j))
		return;
	if (j->fe.n) {
		api_problem_fields(c, 422, &j->fe);
		return;
	}
	e = ctx_write(c, disc_change_write, j);
	if (e == ERR_CONFLICT && j->lock)
		locked(c, j->lock);
	else if (e == ERR_INVALID && j->fe.n)
		api_problem_fields(c, 422, &j->fe);
	else if (e == ERR_FORBIDDEN)
		api_problem(c, 403, "Only the unit's leader (or a leader above it), HR and admin may run its discussion.");
	else if (e)
		api_problem_err(c, e);
	else
		answer_disc(c, &t, 200);
}

/* ---- suggestions ---- */

void api_disc_suggest(struct ctx *c)
{
	struct disc_target t;
	enum err e = disc_load_target(c, &t);
	if (e) {
		api_problem_err(c, e);
		return;
	}
	struct disc_suggest j = { .cycle_id = t.cycle_id, .unit_id = t.unit_id };
	char *body = NULL;
	struct api_member m[] = { { "body", API_STR, &body, false } };
	if (!api_read_body(c, m, 1))
		return;
	j.body = body ? str_trim(body) : "";
	e = ctx_write(c, disc_suggest_write, &j);
	if (e == ERR_CONFLICT && j.lock) {
		locked(c, j.lock);
		return;
	}
	if (e == ERR_INVALID && j.fe.n) {
		api_problem_fields(c, 422, &j.fe);
		return;
	}
	if (e == ERR_FORBIDDEN) {
		api_problem(c, 403, "Only the unit's own people and its leaders may send it suggestions.");
		return;
	}
	struct disc_suggestion s;
	if (!e)
		e = store_disc_suggestion_get(c->db, c->a, j.id, &s);
	if (e) {
		api_problem_err(c, e);
		return;
	}
	http_resp_header(c->w, "Location", arena_printf(c->a, "/api/v1/cycles/%lld/discussions/%lld/suggestions/%lld",
							(long long)t.cycle_id, (long long)t.unit_id, (long long)s.id));
	struct jw w;
	api_json_begin(c, &w);
	write_suggestion(&w, &s);
	api_json_end(c, 201);
}

void api_disc_unsuggest(struct ctx *c)
{
	struct disc_target t;
	enum err e = disc_load_target(c, &t);
	struct disc_unsuggest j = { .cycle_id = t.cycle_id, .unit_id = t.unit_id,
				    .id = ctx_param_id(c, "suggestion_id") };
	if (!e)
		e = j.id ? ctx_write(c, disc_unsuggest_write, &j) : ERR_NOTFOUND;
	if (e == ERR_CONFLICT && j.lock)
		locked(c, j.lock);
	else if (e == ERR_FORBIDDEN)
		api_problem(c, 403, "Only the suggestion's author and whoever runs the unit's discussion may remove it.");
	else if (e)
		api_problem_err(c, e);
	else
		c->w->status = 204;
}
