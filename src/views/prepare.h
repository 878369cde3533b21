/* prepare.h (views) — the pages of phase 1, the leader's preparation: the
 * cycle's list of units with their status, one unit's preparation page
 * (the phase's purpose and key questions, the strategy's main points, the
 * unit's goals, the checklist, the notes, the draft needs, the document
 * pack and the read confirmations), the edit form of one draft need and
 * the confirmation before the pack is sent. Each view writes the body after
 * page_begin from its own struct filled by the handler; pointers are
 * borrowed for the call. */
#ifndef EVNE_VIEWS_PREPARE_H
#define EVNE_VIEWS_PREPARE_H

#include <stdbool.h>
#include <stdint.h>
#include "domain/cycle.h"
#include "domain/documents.h"
#include "domain/indicators.h"
#include "domain/prepare.h"
#include "domain/strategy.h"
#include "domain/types.h"
#include "domain/validate.h"
#include "html/html.h"
#include "views/pager.h"
#include "views/unit_filter.h"

/* One unit's line in the cycle's list (the store's prep_unit_row, copied so
 * views need no store header). */
struct v_prep_row {
	int64_t unit_id;
	const char *name;
	const char *code;          /* told after the name (names repeat); NULL or "": none */
	const char *leader_name;   /* NULL: no leader */
	bool has_children;         /* a link to the list of its subtree */
	int64_t steps_ticked;
	int64_t pack_sent_at;      /* 0: not sent */
	int64_t employees;
	int64_t confirmed;
};

enum { PREP_INDEX_PAGE = 50 };   /* units a page, as on the indicators list */

/* GET /cycles/{id}/prepare: the units the actor may prepare, a page of
 * them, filtered by a subtree and a state (the form only when there is
 * more than one unit to choose from). */
struct v_prep_index {
	int64_t cycle_id;
	const char *cycle_name;
	bool closed;
	bool org_wide;             /* HR/admin: every unit */
	int nsteps;
	bool filterable;           /* the actor has more than one unit: the filter form */
	struct v_unit_filter filter;   /* the subtree and the state chosen, the trail */
	const struct v_prep_row *rows;   /* this page, Norwegian order */
	int n;
	int total;                 /* units matching the filters */
	int first;                 /* the number of rows[0] in the list, from 1 */
	struct v_pager pager;
};
void v_prep_index(struct html *h, const struct v_prep_index *m);

/* The list's URL for a subtree (0: every unit) and a state. */
const char *v_prep_index_href(struct arena *a, int64_t cycle_id, int64_t unit_id, enum prep_filter f);

/* A document offered for the pack. */
struct prep_doc_item {
	int64_t id;
	const char *title;
	enum doc_kind kind;
	bool chosen;
};

/* GET /cycles/{id}/prepare/{unit_id}, and after a refused POST (422). */
struct v_prep_unit {
	int64_t cycle_id;
	const char *cycle_name;
	bool writable;             /* the cycle is not closed */
	const struct unit *unit;
	const struct phase_text *texts;   /* phase 1 in the user's language; NULL: none */
	char **steps;              /* the checklist */
	int nsteps;
	const struct prep_tick *ticks;
	int nticks;
	const struct strategy_doc *strategy;   /* the latest published version; NULL: none */
	const struct unit_goal *unit_goals;
	int nunit_goals;
	const struct preparation *prep;
	const char *notes_value;   /* the notes as posted after a refusal; NULL: prep's */
	const struct prep_need *needs;
	int nneeds;
	const struct prep_need *need_in;   /* a refused new need as posted; NULL: empty form */
	const struct prep_doc_item *docs;
	int ndocs;
	int64_t recipients;        /* who the pack would go to */
	int64_t employees, confirmed;   /* the reading indicator of the unit */
	const struct field_errors *errors;   /* problems of the refused form, or NULL */
	const char *csrf;
};

void v_prep_unit(struct html *h, const struct v_prep_unit *m);

/* GET /cycles/{id}/prepare/{unit_id}/needs/{need_id}/edit, and after a
 * refused save. */
struct v_prep_need_form {
	int64_t cycle_id;
	const struct unit *unit;
	const struct prep_need *need;   /* values shown */
	const struct field_errors *errors;
	const char *csrf;
};
void v_prep_need_form(struct html *h, const struct v_prep_need_form *m);

/* GET /cycles/{id}/prepare/{unit_id}/send: the question before sending;
 * with no document chosen or nobody to send to, it says why instead. */
struct v_prep_send {
	int64_t cycle_id;
	const struct unit *unit;
	const struct prep_doc_item *docs;   /* the chosen documents */
	int ndocs;
	int64_t recipients;
	bool sent_before;
	const char *csrf;
};
void v_prep_send(struct html *h, const struct v_prep_send *m);

/* The catalogue name of a document kind ("Lederveiledning"). */
enum msg v_prep_kind_msg(enum doc_kind k);

#endif
