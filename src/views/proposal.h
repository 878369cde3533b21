/* proposal.h (views) — the pages of a unit's proposal in phase 2: the
 * proposal itself (its state and what to do next, the critical competence
 * needs as a table with levels and gaps, the proposed measures with costs),
 * the forms of one need and one measure, and the confirmations before a
 * delete, a submit, HR's return and carrying phase 1's draft needs over.
 * Each view writes the body after page_begin from its own struct filled by
 * the handler; pointers are borrowed for the call. The names of the closed
 * lists (criticality, horizon, measure type, state) are exported for the
 * other phase-2 pages. */
#ifndef EVNE_VIEWS_PROPOSAL_H
#define EVNE_VIEWS_PROPOSAL_H

#include <stdbool.h>
#include <stdint.h>
#include "domain/competences.h"
#include "domain/prepare.h"
#include "domain/proposal.h"
#include "domain/strategy.h"
#include "domain/types.h"
#include "domain/validate.h"
#include "html/html.h"

enum msg v_prop_criticality_msg(enum criticality c);
enum msg v_prop_horizon_msg(enum horizon h);
enum msg v_prop_kind_msg(enum measure_kind k);
enum msg v_prop_kind_hint_msg(enum measure_kind k);
enum msg v_prop_state_msg(enum proposal_status s);

/* GET /cycles/{id}/proposals/{unit_id} */
struct v_prop_page {
	int64_t cycle_id;
	const char *cycle_name;
	const struct unit *unit;
	const struct proposal_state *state;
	bool closed;               /* the cycle is closed */
	bool can_edit;             /* the actor may edit, and the proposal and cycle take changes */
	bool can_return;           /* HR/admin, and the proposal is submitted */
	const struct proposal_need *needs;
	int nneeds;
	const struct proposal_measure *measures;
	int nmeasures;
	const struct scale *scale; /* the proficiency scale, for the level names */
	int uncarried;             /* phase-1 draft needs not carried over yet */
};
void v_prop_page(struct html *h, const struct v_prop_page *m);

/* GET .../needs/new, .../needs/{need_id}/edit, and after a refused save. */
struct v_prop_need_form {
	int64_t cycle_id;
	const struct unit *unit;
	const struct proposal_need *need;       /* values shown; id 0: a new one */
	const char *people_value;               /* people affected as typed; NULL: from need */
	const struct competence_area *areas;    /* tree order */
	int nareas;
	const struct competence *competences;   /* the choices, by name */
	int ncompetences;
	const struct scale *scale;
	const struct strategy_goal *goals;      /* the current strategy's goals */
	int ngoals;
	const struct unit_goal *unit_goals;
	int nunit_goals;
	const struct field_errors *errors;
	const char *csrf;
};
void v_prop_need_form(struct html *h, const struct v_prop_need_form *m);

/* GET .../measures/new, .../measures/{measure_id}/edit, and after a refused save. */
struct v_prop_measure_form {
	int64_t cycle_id;
	const struct unit *unit;
	const struct proposal_measure *measure; /* values shown; id 0: a new one */
	const char *cost_value;                 /* the cost as typed; NULL: from measure */
	const struct proposal_need *needs;      /* the unit's needs to link */
	int nneeds;
	const struct field_errors *errors;
	const char *csrf;
};
void v_prop_measure_form(struct html *h, const struct v_prop_measure_form *m);

/* GET .../needs/{need_id}/delete and .../measures/{measure_id}/delete */
struct v_prop_delete {
	int64_t cycle_id;
	const struct unit *unit;
	bool need;                 /* a need; else a measure */
	int64_t id;
	const char *title;
	const char *csrf;
};
void v_prop_delete(struct html *h, const struct v_prop_delete *m);

/* GET .../submit, and after a refused submit (no need) */
struct v_prop_submit {
	int64_t cycle_id;
	const struct unit *unit;
	const struct proposal_need *needs;
	int nneeds;
	const struct proposal_measure *measures;
	int nmeasures;
	const char *csrf;
};
void v_prop_submit(struct html *h, const struct v_prop_submit *m);

/* GET .../return, and after a refused return (no comment) */
struct v_prop_return {
	int64_t cycle_id;
	const struct unit *unit;
	const char *comment;
	const struct field_errors *errors;
	const char *csrf;
};
void v_prop_return(struct html *h, const struct v_prop_return *m);

/* GET .../carry-over */
struct v_prop_carry {
	int64_t cycle_id;
	const struct unit *unit;
	const struct prep_need *drafts;   /* not carried yet */
	int ndrafts;
	bool too_many;                    /* carrying them would pass PROPOSAL_NEEDS_MAX */
	const char *csrf;
};
void v_prop_carry(struct html *h, const struct v_prop_carry *m);

/* The page of a refused write (409): why, and the way back. */
void v_prop_conflict(struct html *h, enum msg why, const char *back);

#endif
