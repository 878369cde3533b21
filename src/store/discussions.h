/* discussions.h (store) — storage of phase 2's unit discussion per cycle and
 * unit (schema 008_unit_discussions): the meeting on unit_discussions (only
 * its date, time and place: the proposal's state columns belong to the
 * proposal's code), the notes per agenda item, attendance and the
 * employees' suggestions; and the list of units with their discussion's
 * state. Writes run inside the caller's write transaction (ctx_write) and
 * check nothing about permissions or state: the callers ask
 * store_proposal_status and domain/discussion.h first. Strings and arrays
 * returned are in the arena a. */
#ifndef EVNE_STORE_DISCUSSIONS_H
#define EVNE_STORE_DISCUSSIONS_H

#include <stdbool.h>
#include <stdint.h>
#include "base/arena.h"
#include "base/err.h"
#include "domain/discussion.h"
#include "store/store.h"

/* The unit's row; OK with exists false, status draft and location "" when
 * nothing has been written yet. */
enum err store_disc_get(struct store_conn *c, struct arena *a, int64_t cycle_id, int64_t unit_id,
			struct disc_meeting *out);
/* Sets the meeting (on, at NULL or "" clear them), creating the row as a
 * draft when missing; never touches the state columns. */
enum err store_disc_meeting_set(struct store_conn *c, int64_t cycle_id, int64_t unit_id,
				const char *on, const char *at, const char *location, int64_t user_id,
				int64_t now);

/* The notes, by item; updated_by_name set. */
enum err store_disc_notes(struct store_conn *c, struct arena *a, int64_t cycle_id, int64_t unit_id,
			  struct disc_note **out, int *n);
/* Sets the notes of item (with the item's text as shown); notes "" removes
 * them. */
enum err store_disc_note_set(struct store_conn *c, int64_t cycle_id, int64_t unit_id, int item,
			     const char *item_text, const char *notes, int64_t user_id, int64_t now);

/* Someone who may be ticked present, or was. */
struct disc_person {
	int64_t id;
	char *name;
	char *job_title;           /* "" when none */
	bool leader;               /* the unit's leader */
	bool eligible;             /* the unit's active person or its leader today */
	bool present;
};
/* The unit's active people and its leader, and whoever was ticked present
 * since (moved or inactive: eligible false), by name in Norwegian order. */
enum err store_disc_people(struct store_conn *c, struct arena *a, int64_t cycle_id, int64_t unit_id,
			   struct disc_person **out, int *n);
/* The ids of who may be ticked present: the unit's active people and its
 * leader, ascending. */
enum err store_disc_eligible(struct store_conn *c, struct arena *a, int64_t unit_id, int64_t **ids,
			     int *n);
/* The ids ticked present, ascending. */
enum err store_disc_attendance(struct store_conn *c, struct arena *a, int64_t cycle_id, int64_t unit_id,
			       int64_t **ids, int *n);
/* Replaces the attendance with ids[0..n). */
enum err store_disc_attendance_set(struct store_conn *c, int64_t cycle_id, int64_t unit_id,
				   const int64_t *ids, int n);

/* The unit's suggestions, oldest first; user_name set. */
enum err store_disc_suggestions(struct store_conn *c, struct arena *a, int64_t cycle_id,
				int64_t unit_id, struct disc_suggestion **out, int *n);
enum err store_disc_suggestion_count(struct store_conn *c, int64_t cycle_id, int64_t unit_id,
				     int64_t *n);
/* ERR_NOTFOUND when there is none. */
enum err store_disc_suggestion_get(struct store_conn *c, struct arena *a, int64_t id,
				   struct disc_suggestion *out);
/* Sets s->id. */
enum err store_disc_suggestion_insert(struct store_conn *c, struct disc_suggestion *s);
enum err store_disc_suggestion_delete(struct store_conn *c, int64_t id);

/* ---- the cycle's list of units ---- */
struct disc_query {
	int64_t cycle_id;
	int64_t leader_person_id;  /* 0: every unit; else the units this person leads, with sub-units */
	int64_t own_unit_id;       /* with leader_person_id: this unit as well (0: none) */
	const char *status;        /* "draft", "submitted", "returned"; NULL: any */
	const char *text;          /* words of the unit's name or code, any case; NULL: all */
	const char *after_name;    /* keyset cursor: continue after (name, id); NULL: first page */
	int64_t after_id;
	int limit;                 /* 1..500 */
};
struct disc_row {
	int64_t unit_id;
	char *name;
	char *code;
	char *leader_name;         /* NULL: none */
	char *meeting_on;          /* NULL: not set */
	char *meeting_at;
	enum proposal_status status;
	int64_t attendance;
	int64_t suggestions;
};
/* At most q->limit units by name in Norwegian order, then id. *more is set
 * when another page follows. */
enum err store_disc_list(struct store_conn *c, struct arena *a, const struct disc_query *q,
			 struct disc_row **out, int *n, bool *more);

#endif
