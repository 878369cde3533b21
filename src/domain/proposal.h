/* proposal.h — phase 2, the unit's proposal (product.md, "2. Local
 * competence discussion"), as plain records and pure rules: the critical
 * competence needs the unit proposes (a competence from the catalogue or a
 * free title, criticality, required and today's level, so the gap, people
 * affected, horizon, rationale, the strategic and unit goals it serves), the
 * measures it proposes (type, title, description, suggested owner, cost in
 * whole kroner, timing, the needs it answers), their field checks, the
 * Norwegian input of amounts, the proposal's state rules (who may submit
 * and return, and when) and the audit JSON of every change. No I/O, no
 * clock. Strings and arrays are owned by whoever filled the structs. */
#ifndef EVNE_DOMAIN_PROPOSAL_H
#define EVNE_DOMAIN_PROPOSAL_H

#include <stdbool.h>
#include <stdint.h>
#include "base/buf.h"
#include "domain/phase2.h"
#include "domain/validate.h"

enum {
	PROPOSAL_NEEDS_MAX = 100,            /* needs per unit and cycle */
	PROPOSAL_MEASURES_MAX = 100,         /* measures per unit and cycle */
	PROPOSAL_LINKS_MAX = 200,            /* goals or needs one row links to */
	NEED_TITLE_MAX_CHARS = 200,
	NEED_RATIONALE_MAX_CHARS = 4000,
	MEASURE_TITLE_MAX_CHARS = 200,
	MEASURE_DESC_MAX_CHARS = 4000,
	MEASURE_OWNER_MAX_CHARS = 200,
	MEASURE_TIMING_MAX_CHARS = 100,
	RETURN_COMMENT_MAX_CHARS = 4000
};

#define NEED_PEOPLE_MAX ((int64_t)1000000)           /* people affected */
#define MEASURE_COST_MAX ((int64_t)1000000000000)    /* kroner: 1 000 000 000 000 */

/* A goal a need serves, or a need a measure answers, with what is shown of
 * it (code "" when it has none; title NULL when it is gone). */
struct proposal_link {
	int64_t id;
	char *code;
	char *title;
};

struct proposal_need {
	int64_t id;
	int64_t cycle_id;
	int64_t unit_id;
	int64_t competence_id;       /* 0: described freely */
	char *competence_name;       /* reads: the catalogue's name, NULL when none */
	char *title;                 /* the competence's name when one is chosen */
	enum criticality criticality;
	int required_level;          /* on the proficiency scale; 0: not given */
	int current_level;           /* 0: not given */
	int64_t people_affected;     /* -1: not given */
	enum horizon horizon;
	char *rationale;             /* "" when none */
	int64_t source_draft_id;     /* the phase-1 draft need it was carried from; 0: none */
	int position;                /* 1, 2, ... within the unit and cycle */
	struct proposal_link *goals; /* strategic goals (strategic_goals.id), ascending */
	int ngoals;
	struct proposal_link *unit_goals;   /* the unit's goals, ascending */
	int nunit_goals;
	int64_t created_by, created_at, updated_by, updated_at;
};

struct proposal_measure {
	int64_t id;
	int64_t cycle_id;
	int64_t unit_id;
	enum measure_kind kind;
	char *title;
	char *description;           /* "" when none */
	char *suggested_owner;       /* "" when none */
	int64_t estimated_cost;      /* whole kroner; -1: not given */
	char *timing;                /* "Vår 2027"; "" when none */
	int position;
	struct proposal_link *needs; /* the unit's needs it answers, ascending */
	int nneeds;
	int64_t created_by, created_at, updated_by, updated_at;
};

/* The proposal's state (the status columns of unit_discussions); a unit
 * with no row yet is a draft with everything else 0/NULL. */
struct proposal_state {
	int64_t cycle_id;
	int64_t unit_id;
	enum proposal_status status;
	int64_t submitted_at;        /* 0: never */
	int64_t submitted_by;
	char *submitted_by_name;
	int64_t returned_at;         /* 0: never */
	int64_t returned_by;
	char *returned_by_name;
	char *return_comment;        /* "" when none */
	int64_t updated_at;
};

/* Field rules of a need; problems on "title" (required unless a
 * competence is chosen, one line, at most NEED_TITLE_MAX_CHARS),
 * "required_level" and "current_level" (0 or 1..nlevels, the proficiency
 * scale's levels), "people_affected" (-1 or 0..NEED_PEOPLE_MAX),
 * "rationale" (text, at most NEED_RATIONALE_MAX_CHARS). criticality and
 * horizon are enums, checked where they are parsed. */
void validate_proposal_need(const struct proposal_need *n, int nlevels, struct field_errors *fe);
/* Field rules of a measure: "title" required, one line, at most
 * MEASURE_TITLE_MAX_CHARS; "description" text; "suggested_owner" and
 * "timing" one line; "estimated_cost" -1 or 0..MEASURE_COST_MAX. */
void validate_proposal_measure(const struct proposal_measure *m, struct field_errors *fe);
/* HR's comment when returning a proposal: required, at most
 * RETURN_COMMENT_MAX_CHARS, several lines allowed; field "comment". */
void validate_return_comment(const char *comment, struct field_errors *fe);

/* The gap of a need: required − today's level, when both are given. */
bool proposal_need_gap(const struct proposal_need *n, int *gap);

/* A whole number as people type it in Norwegian: digits grouped with
 * spaces (also no-break and thin spaces) or full stops ("12 500",
 * "12.500", "12500"), optionally "kr" before or after and ",-" after. An
 * empty or blank text is "not given" (*out -1). false for anything else
 * (decimals, signs, letters) or above max. */
bool proposal_parse_amount(const char *s, int64_t max, int64_t *out);

/* The state rules. Editable: draft or returned (phase2.h). Submit: the
 * proposal is editable and holds at least one need; the problem otherwise
 * (PROB_LOCKED when already submitted, PROB_REQUIRED with no need). Return:
 * only a submitted proposal (PROB_LOCKED otherwise). */
enum problem proposal_submit_problem(enum proposal_status s, int nneeds);
enum problem proposal_return_problem(enum proposal_status s);

/* The parsed level of a form or query value: "" is 0 (not given), "1".."10"
 * the level; false for anything else. */
bool proposal_parse_level(const char *s, int *out);

/* Audit JSON of the changes ({"field": [before, after]}); before or after
 * NULL: create or delete. Links are lists of ids. */
void proposal_audit_need(struct buf *b, const struct proposal_need *before, const struct proposal_need *after);
void proposal_audit_measure(struct buf *b, const struct proposal_measure *before,
			    const struct proposal_measure *after);
/* A change of state: {"cycle_id": [c, c], "status": [from, to]} and, when
 * returned, the comment; needs and measures are the counts submitted. */
void proposal_audit_status(struct buf *b, int64_t cycle_id, enum proposal_status from,
			   enum proposal_status to, const char *comment, int nneeds, int nmeasures);
/* The draft needs carried over and the needs they became. */
void proposal_audit_carry(struct buf *b, int64_t cycle_id, const int64_t *draft_ids,
			  const int64_t *need_ids, int n);

#endif
