/* discussion.h (views) — the pages of phase 2's unit discussion: the
 * cycle's list of units with their meeting, proposal state and attendance
 * (filtered and paged), one unit's meeting page (why, the meeting, the
 * background the meeting needs on screen, the agenda with notes,
 * attendance, the employees' suggestions) and the question before a
 * suggestion is removed. Each view writes the body after page_begin from
 * its own struct filled by the handler; pointers are borrowed for the call. */
#ifndef EVNE_VIEWS_DISCUSSION_H
#define EVNE_VIEWS_DISCUSSION_H

#include <stdbool.h>
#include <stdint.h>
#include "domain/cycle.h"
#include "domain/discussion.h"
#include "domain/prepare.h"
#include "domain/strategy.h"
#include "domain/types.h"
#include "domain/validate.h"
#include "html/html.h"

/* One unit's line in the list (the store's disc_row, copied so views need
 * no store header). */
struct v_disc_row {
	int64_t unit_id;
	const char *name;
	const char *leader_name;   /* NULL: none */
	const char *meeting_on;    /* NULL: not set */
	const char *meeting_at;
	enum proposal_status status;
	int64_t attendance;
	int64_t suggestions;
};

/* GET /cycles/{id}/discussions */
struct v_disc_index {
	int64_t cycle_id;
	const char *cycle_name;
	bool org_wide;             /* every unit (HR, admin, management, representatives) */
	const char *text;          /* the filter as given, or NULL */
	const char *status;        /* "draft", ... or NULL */
	bool first_page;
	const struct v_disc_row *rows;
	int n;
	int64_t next_after;        /* the unit to continue after; 0: last page */
};
void v_disc_index(struct html *h, const struct v_disc_index *m);

/* Someone who may be ticked present (the store's disc_person). */
struct v_disc_person {
	int64_t id;
	const char *name;
	const char *job_title;
	bool leader, eligible, present;
};

/* GET /cycles/{id}/discussions/{unit_id}, and after a refused POST (422). */
struct v_disc_unit {
	int64_t cycle_id;
	const char *cycle_name;
	const struct unit *unit;
	bool cycle_closed;
	bool writable;             /* neither submitted nor a closed cycle */
	bool can_edit;             /* ACT_DISCUSSION_EDIT on the unit */
	bool can_suggest;          /* ACT_SUGGEST on the unit */
	int64_t actor_user_id;     /* whose suggestions are their own */
	const struct disc_meeting *meeting;
	const struct phase_text *texts;   /* phase 2 in the user's language; NULL: none */
	const struct strategy_doc *strategy;   /* the latest published version; NULL: none */
	const struct unit_goal *unit_goals;
	int nunit_goals;
	const struct prep_need *draft_needs;
	int ndraft_needs;
	const struct disc_agenda_item *agenda;
	int nagenda;
	const struct v_disc_person *people;
	int npeople;
	const struct disc_suggestion *suggestions;
	int nsuggestions;
	const struct actor *actor;        /* who may remove which suggestion */
	/* values as posted after a refusal (NULL: the stored ones) */
	const char *meeting_on_in, *meeting_at_in, *location_in;
	const char *const *notes_in;      /* per agenda line, or NULL */
	const char *suggestion_in;
	const struct field_errors *errors;
	const char *csrf;
};
void v_disc_unit(struct html *h, const struct v_disc_unit *m);

/* GET .../suggestions/{suggestion_id}/delete */
struct v_disc_delete {
	int64_t cycle_id;
	const struct unit *unit;
	const struct disc_suggestion *suggestion;
	const char *csrf;
};
void v_disc_delete(struct html *h, const struct v_disc_delete *m);

/* The catalogue word of a proposal state ("Utkast"). */
enum msg v_disc_state_msg(enum proposal_status s);

#endif
