/* discussion_ops.h — the writes of phase 2's unit discussion, shared by the
 * web pages (web/page_discussion.c) and the API (api/discussion.c) so both
 * faces apply the same checks in the same order: the actor's right with the
 * unit, the cycle still open and the proposal still editable (asked inside
 * the write transaction, so the answer holds until commit), every field
 * checked before anything is written (all or nothing), then one audit row
 * per change. Each *_write function is a ctx_write callback. */
#ifndef EVNE_WEB_DISCUSSION_OPS_H
#define EVNE_WEB_DISCUSSION_OPS_H

#include <stdbool.h>
#include <stdint.h>
#include "domain/cycle.h"
#include "domain/discussion.h"
#include "web/app.h"

/* The cycle and unit of the path ("id", "unit_id") and the actor's right to
 * read the unit's discussion: ERR_NOTFOUND or ERR_FORBIDDEN otherwise. */
struct disc_target {
	int64_t cycle_id, unit_id;
	struct cycle cycle;
	struct unit unit;
};
enum err disc_load_target(struct ctx *c, struct disc_target *t);

/* Why a write was refused with ERR_CONFLICT. */
enum disc_lock { DISC_UNLOCKED = 0, DISC_LOCK_CLOSED, DISC_LOCK_SUBMITTED };

/* Notes for one agenda item as given: its number as shown (1-based; 0 when
 * the input named none that parses) and the field problems are reported on. */
struct disc_note_in {
	const char *field;
	int item;
	const char *text;
};

/* A change of the meeting, notes and attendance; fields not given stay. */
struct disc_change {
	int64_t cycle_id, unit_id;
	bool has_on, has_at, has_location;
	const char *on, *at, *location;      /* as typed; NULL or "" clears date and time */
	struct disc_note_in *notes;
	int nnotes;
	bool has_attendance;
	int64_t *people;                     /* person ids, any order, duplicates allowed */
	int npeople;
	bool bad_people;                     /* the input held something not an id */
	/* out */
	struct field_errors fe;
	enum disc_lock lock;
	int changed;                         /* audit rows written */
};
enum err disc_change_write(struct ctx *c, void *arg);

/* A new suggestion (ACT_SUGGEST on the unit). */
struct disc_suggest {
	int64_t cycle_id, unit_id;
	const char *body;
	int64_t id;                          /* out: the new suggestion */
	struct field_errors fe;
	enum disc_lock lock;
};
enum err disc_suggest_write(struct ctx *c, void *arg);

/* Removes suggestion id of the unit (its author or whoever runs the
 * discussion); ERR_NOTFOUND when it is not the unit's. */
struct disc_unsuggest {
	int64_t cycle_id, unit_id, id;
	enum disc_lock lock;
};
enum err disc_unsuggest_write(struct ctx *c, void *arg);

/* The suggestion id of the unit in the cycle, and whether the actor may
 * remove it now: ERR_NOTFOUND, ERR_FORBIDDEN, or ERR_CONFLICT (*lock says
 * why) — for the confirmation page. */
enum err disc_unsuggest_check(struct ctx *c, int64_t cycle_id, int64_t unit_id, int64_t id,
			      struct disc_suggestion *out, enum disc_lock *lock);

/* The discussion's lock now (outside or inside a transaction). */
enum err disc_lock_state(struct ctx *c, int64_t cycle_id, int64_t unit_id, enum disc_lock *lock);

#endif
