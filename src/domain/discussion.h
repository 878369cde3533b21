/* discussion.h — phase 2, the unit's competence discussion (product.md,
 * "2. Local competence discussion"), as plain records and pure rules: the
 * meeting (date, time, place), the agenda built from the phase's procedure
 * with the notes written per item, attendance from the unit's people, the
 * employees' suggestions, the field checks of each, who may remove a
 * suggestion, whether the discussion still takes changes, and the audit
 * JSON of every change. No I/O, no clock. Strings are owned by whoever
 * filled the structs. */
#ifndef EVNE_DOMAIN_DISCUSSION_H
#define EVNE_DOMAIN_DISCUSSION_H

#include <stdbool.h>
#include <stdint.h>
#include "base/arena.h"
#include "base/buf.h"
#include "domain/phase2.h"
#include "domain/types.h"
#include "domain/validate.h"

enum {
	DISC_LOCATION_MAX_CHARS = 200,     /* the meeting's place */
	DISC_NOTES_MAX_CHARS = 20000,      /* the notes of one agenda item (Markdown) */
	DISC_SUGGESTION_MAX_CHARS = 2000,  /* one suggestion */
	DISC_ITEMS_MAX = 50,               /* agenda items read from a procedure */
	DISC_ATTENDANCE_MAX = 5000,        /* people ticked present in one meeting */
	DISC_SUGGESTIONS_MAX = 1000        /* suggestions per unit and cycle */
};

/* The unit's discussion row; exists false (and the rest empty) before
 * anything was written. meeting_on "YYYY-MM-DD" and meeting_at "HH:MM", or
 * NULL when not set. */
struct disc_meeting {
	int64_t cycle_id;
	int64_t unit_id;
	bool exists;
	char *meeting_on;
	char *meeting_at;
	char *location;            /* "" when none */
	enum proposal_status status;
	int64_t submitted_at;      /* 0: never */
	int64_t returned_at;       /* 0: never */
	char *return_comment;      /* "" when none */
	int64_t updated_by;
	char *updated_by_name;
	int64_t updated_at;
};

/* The notes of one agenda item: its index in the procedure (0-based) and
 * the item's text as it read when the notes were written. */
struct disc_note {
	int item;
	char *item_text;
	char *notes;
	int64_t updated_by;
	char *updated_by_name;
	int64_t updated_at;
};

/* One line of the agenda as shown: the current procedure's items in order,
 * then notes kept for items HR has since removed from the procedure. */
struct disc_agenda_item {
	int item;                  /* 0-based index; shown as item + 1 */
	const char *text;          /* today's text, or the stored one when gone */
	const struct disc_note *note;   /* NULL: no notes */
	bool current;              /* in today's procedure */
};

struct disc_suggestion {
	int64_t id;
	int64_t cycle_id;
	int64_t unit_id;
	int64_t user_id;           /* 0: the author's account is gone */
	char *user_name;
	char *body;
	int64_t created_at;
};

/* The meeting, notes and attendance take changes while the proposal is a
 * draft or returned (phase2.h, proposal_editable) and the cycle is not
 * closed; so do suggestions. */
bool disc_writable(const char *cycle_status, enum proposal_status s);

/* The agenda of a procedure text (one item per non-empty line, at most
 * DISC_ITEMS_MAX) with the notes attached; *out in a. Returns the number of
 * lines, -1 when out of memory. */
int disc_agenda(struct arena *a, const char *procedure, const struct disc_note *notes, int nnotes,
		struct disc_agenda_item **out);
/* The number of items a procedure text has (its non-empty lines, at most
 * DISC_ITEMS_MAX). */
int disc_agenda_count(struct arena *a, const char *procedure);

/* An item number as shown (1-based decimal, no sign or leading zero) within
 * nitems: *index gets the 0-based index. */
bool disc_item_parse(const char *s, int nitems, int *index);

/* A time of day as people type it: "9:05", "09:05" or "09.05" into hm[6] as
 * "HH:MM"; false for anything else (also 24:00). */
bool disc_parse_time(const char *s, char hm[6]);

/* The meeting's fields as typed; empty date or time clears it. Valid values
 * go to iso[11] and hm[6] ("" when cleared); problems on "meeting_on"
 * (PROB_BAD_DATE), "meeting_at" (PROB_BAD_TIME) and "location" (one line,
 * at most DISC_LOCATION_MAX_CHARS). */
void disc_validate_meeting(const char *date_text, const char *time_text, const char *location,
			   char iso[11], char hm[6], struct field_errors *fe);
/* The notes of one item under field: valid text (lines allowed), at most
 * DISC_NOTES_MAX_CHARS. */
void disc_validate_notes(const char *notes, const char *field, struct field_errors *fe);
/* A suggestion ("body"): required, valid text, at most DISC_SUGGESTION_MAX_CHARS. */
void disc_validate_suggestion(const char *body, struct field_errors *fe);

/* ids[0..n) sorted ascending with duplicates removed; returns the new n. */
int disc_ids_normalise(int64_t *ids, int n);
/* Every id of want[0..nwant) is in allowed[0..nallowed) (both any order). */
bool disc_ids_subset(const int64_t *want, int nwant, const int64_t *allowed, int nallowed);

/* Who may remove a suggestion: its author (withdrawing it) and whoever runs
 * the unit's discussion (ACT_DISCUSSION_EDIT on the unit). */
bool disc_may_remove_suggestion(const struct actor *actor, const struct disc_suggestion *s);

/* Audit JSON of each change: {"cycle_id": C, "field": [before, after], ...}
 * (the audit row names the unit; the cycle completes the key). */
void disc_audit_meeting(struct buf *b, int64_t cycle_id, const struct disc_meeting *before,
			const char *on, const char *at, const char *location);
void disc_audit_notes(struct buf *b, int64_t cycle_id, int item, const char *item_text,
		      const char *before, const char *after);
void disc_audit_attendance(struct buf *b, int64_t cycle_id, const int64_t *before, int nbefore,
			   const int64_t *after, int nafter);
/* before or after NULL: create or delete. */
void disc_audit_suggestion(struct buf *b, const struct disc_suggestion *before,
			   const struct disc_suggestion *after);

#endif
