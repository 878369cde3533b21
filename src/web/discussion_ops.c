/* discussion_ops.c — phase 2's discussion writes for both faces (see
 * discussion_ops.h). The agenda is read in the actor's language, as the page
 * showed it, so an item's stored text is the one the writer saw. */
#include "web/discussion_ops.h"

#include <stdio.h>
#include <string.h>
#include "base/buf.h"
#include "store/cycles.h"
#include "store/discussions.h"
#include "store/phase2.h"

enum err disc_load_target(struct ctx *c, struct disc_target *t)
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
	return access_can(&c->actor, ACT_DISCUSSION_READ, t->unit_id) ? OK : ERR_FORBIDDEN;
}

enum err disc_lock_state(struct ctx *c, int64_t cycle_id, int64_t unit_id, enum disc_lock *lock)
{
	*lock = DISC_UNLOCKED;
	struct cycle cy;
	enum err e = store_cycle_get(c->db, c->a, cycle_id, &cy);
	if (e)
		return e;
	enum proposal_status ps;
	if ((e = store_proposal_status(c->db, cycle_id, unit_id, &ps)))
		return e;
	if (cy.status == CYCLE_CLOSED)
		*lock = DISC_LOCK_CLOSED;
	else if (!disc_writable(cycle_status_name(cy.status), ps))
		*lock = DISC_LOCK_SUBMITTED;
	return OK;
}

/* Inside a write: ERR_CONFLICT (with *lock) when the discussion is locked. */
static enum err recheck(struct ctx *c, int64_t cycle_id, int64_t unit_id, enum disc_lock *lock)
{
	enum err e = disc_lock_state(c, cycle_id, unit_id, lock);
	return e ? e : *lock ? ERR_CONFLICT : OK;
}

static bool same(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "") == 0;
}

static const char *or_empty(const char *s)
{
	return s ? s : "";
}

/* The meeting's new values (iso, hm, location), checked; *changed when
 * they differ from before. */
static void check_meeting(struct disc_change *j, const struct disc_meeting *before, char iso[11],
			  char hm[6], const char **location, bool *changed)
{
	char biso[11] = "", bhm[6] = "";
	disc_validate_meeting(j->has_on ? j->on : NULL, j->has_at ? j->at : NULL,
			      j->has_location ? or_empty(j->location) : "", biso, bhm, &j->fe);
	/* fields not given keep their stored value */
	snprintf(iso, 11, "%s", j->has_on ? biso : or_empty(before->meeting_on));
	snprintf(hm, 6, "%s", j->has_at ? bhm : or_empty(before->meeting_at));
	*location = j->has_location ? or_empty(j->location) : before->location;
	*changed = !same(iso, before->meeting_on) || !same(hm, before->meeting_at) ||
		   !same(*location, before->location);
}

enum err disc_change_write(struct ctx *c, void *arg)
{
	struct disc_change *j = arg;
	j->fe.n = 0;
	j->changed = 0;
	if (!access_can(&c->actor, ACT_DISCUSSION_EDIT, j->unit_id))
		return ERR_FORBIDDEN;
	enum err e = recheck(c, j->cycle_id, j->unit_id, &j->lock);
	if (e)
		return e;
	struct disc_meeting before;
	if ((e = store_disc_get(c->db, c->a, j->cycle_id, j->unit_id, &before)))
		return e;

	/* ---- check everything first ---- */
	char iso[11] = "", hm[6] = "";
	const char *location = before.location;
	bool meeting_changed = false;
	if (j->has_on || j->has_at || j->has_location)
		check_meeting(j, &before, iso, hm, &location, &meeting_changed);

	struct phase_text pt;
	char **items = NULL;
	int nitems = 0;
	struct disc_note *notes = NULL;
	int nnotes = 0;
	if (j->nnotes > 0) {
		e = store_phase_texts(c->db, c->a, lang_code(c->lang), PHASE_UNIT_DISCUSSION, &pt);
		if (e && e != ERR_NOTFOUND)
			return e;
		if (!e)
			text_lines(c->a, pt.procedure, &items, &nitems);
		if (nitems > DISC_ITEMS_MAX)
			nitems = DISC_ITEMS_MAX;
		if ((e = store_disc_notes(c->db, c->a, j->cycle_id, j->unit_id, &notes, &nnotes)))
			return e;
		for (int i = 0; i < j->nnotes; i++) {
			struct disc_note_in *n = &j->notes[i];
			if (n->item < 1 || n->item > nitems)
				field_error_add(&j->fe, n->field, PROB_UNKNOWN_REF);
			else
				disc_validate_notes(n->text, n->field, &j->fe);
			for (int k = 0; k < i; k++)
				if (j->notes[k].item == n->item && n->item > 0)
					field_error_add(&j->fe, n->field, PROB_DUPLICATE);
		}
	}

	int64_t *was = NULL;
	int nwas = 0, npeople = 0;
	if (j->has_attendance) {
		if ((e = store_disc_attendance(c->db, c->a, j->cycle_id, j->unit_id, &was, &nwas)))
			return e;
		npeople = disc_ids_normalise(j->people, j->npeople);
		int64_t *ok_ids;
		int nok;
		if ((e = store_disc_eligible(c->db, c->a, j->unit_id, &ok_ids, &nok)))
			return e;
		/* someone who has left the unit may stay ticked, not be added */
		bool known = true;
		for (int i = 0; i < npeople && known; i++)
			known = disc_ids_subset(&j->people[i], 1, ok_ids, nok) ||
				disc_ids_subset(&j->people[i], 1, was, nwas);
		if (j->bad_people || !known)
			field_error_add(&j->fe, "attendance", PROB_UNKNOWN_REF);
		else if (npeople > DISC_ATTENDANCE_MAX)
			field_error_add(&j->fe, "attendance", PROB_TOO_LONG);
	}
	if (j->fe.n)
		return ERR_INVALID;

	/* ---- then write, one audit row per change ---- */
	struct buf b;
	if (meeting_changed) {
		if ((e = store_disc_meeting_set(c->db, j->cycle_id, j->unit_id, iso, hm, location, c->user.id,
						c->now)))
			return e;
		buf_init(&b, c->a, 0);
		disc_audit_meeting(&b, j->cycle_id, &before, iso, hm, location);
		if (b.err || (e = ctx_audit(c, "unit_discussion", j->unit_id, "meeting", buf_str(&b))))
			return b.err ? b.err : e;
		j->changed++;
	}
	for (int i = 0; i < j->nnotes; i++) {
		struct disc_note_in *n = &j->notes[i];
		int idx = n->item - 1;
		const char *old = "";
		for (int k = 0; k < nnotes; k++)
			if (notes[k].item == idx)
				old = notes[k].notes;
		const char *text = or_empty(n->text);
		if (strcmp(old, text) == 0)
			continue;
		if ((e = store_disc_note_set(c->db, j->cycle_id, j->unit_id, idx, items[idx], text, c->user.id,
					     c->now)))
			return e;
		buf_init(&b, c->a, 0);
		disc_audit_notes(&b, j->cycle_id, idx, items[idx], old, text);
		if (b.err || (e = ctx_audit(c, "unit_discussion", j->unit_id, "notes", buf_str(&b))))
			return b.err ? b.err : e;
		j->changed++;
	}
	if (j->has_attendance &&
	    (nwas != npeople || (npeople && memcmp(was, j->people, sizeof *was * (size_t)npeople) != 0))) {
		if ((e = store_disc_attendance_set(c->db, j->cycle_id, j->unit_id, j->people, npeople)))
			return e;
		buf_init(&b, c->a, 0);
		disc_audit_attendance(&b, j->cycle_id, was, nwas, j->people, npeople);
		if (b.err || (e = ctx_audit(c, "unit_discussion", j->unit_id, "attendance", buf_str(&b))))
			return b.err ? b.err : e;
		j->changed++;
	}
	return OK;
}

enum err disc_suggest_write(struct ctx *c, void *arg)
{
	struct disc_suggest *j = arg;
	j->fe.n = 0;
	if (!access_can(&c->actor, ACT_SUGGEST, j->unit_id))
		return ERR_FORBIDDEN;
	enum err e = recheck(c, j->cycle_id, j->unit_id, &j->lock);
	if (e)
		return e;
	disc_validate_suggestion(j->body, &j->fe);
	if (!j->fe.n) {
		int64_t n;
		if ((e = store_disc_suggestion_count(c->db, j->cycle_id, j->unit_id, &n)))
			return e;
		if (n >= DISC_SUGGESTIONS_MAX)
			field_error_add(&j->fe, "body", PROB_NOT_ALLOWED);
	}
	if (j->fe.n)
		return ERR_INVALID;
	struct disc_suggestion s = { .cycle_id = j->cycle_id, .unit_id = j->unit_id, .user_id = c->user.id,
				     .body = (char *)j->body, .created_at = c->now };
	if ((e = store_disc_suggestion_insert(c->db, &s)))
		return e;
	j->id = s.id;
	struct buf b;
	buf_init(&b, c->a, 0);
	disc_audit_suggestion(&b, NULL, &s);
	return b.err ? b.err : ctx_audit(c, "discussion_suggestion", s.id, "create", buf_str(&b));
}

enum err disc_unsuggest_check(struct ctx *c, int64_t cycle_id, int64_t unit_id, int64_t id,
			      struct disc_suggestion *out, enum disc_lock *lock)
{
	*lock = DISC_UNLOCKED;
	enum err e = id ? store_disc_suggestion_get(c->db, c->a, id, out) : ERR_NOTFOUND;
	if (e)
		return e;
	if (out->cycle_id != cycle_id || out->unit_id != unit_id)
		return ERR_NOTFOUND;
	if (!disc_may_remove_suggestion(&c->actor, out))
		return ERR_FORBIDDEN;
	return recheck(c, cycle_id, unit_id, lock);
}

enum err disc_unsuggest_write(struct ctx *c, void *arg)
{
	struct disc_unsuggest *j = arg;
	struct disc_suggestion s;
	enum err e = disc_unsuggest_check(c, j->cycle_id, j->unit_id, j->id, &s, &j->lock);
	if (e)
		return e;
	if ((e = store_disc_suggestion_delete(c->db, j->id)))
		return e;
	struct buf b;
	buf_init(&b, c->a, 0);
	disc_audit_suggestion(&b, &s, NULL);
	return b.err ? b.err : ctx_audit(c, "discussion_suggestion", j->id, "delete", buf_str(&b));
}
