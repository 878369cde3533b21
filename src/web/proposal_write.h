/* proposal_write.h — every write to a unit's proposal as one job, shared by
 * the web pages (web/page_proposal.c) and the API (api/proposals.c) so both
 * apply the same checks in the same transaction: the actor's right with the
 * unit, the cycle still open and the proposal still editable (else
 * ERR_CONFLICT with the reason), ids from the request belonging to this
 * cycle and unit (a competence of the catalogue and active, a level on the
 * proficiency scale, a goal of the cycle's current strategy, a goal of the
 * unit, a need of the unit: else a field error), the limits, the field rules
 * of domain/proposal.h, then the store call and its audit row. Run it with
 * ctx_write(c, prop_write, job). */
#ifndef EVNE_WEB_PROPOSAL_WRITE_H
#define EVNE_WEB_PROPOSAL_WRITE_H

#include <stdbool.h>
#include <stdint.h>
#include "domain/proposal.h"
#include "web/app.h"

enum prop_op {
	PROP_NEED_ADD, PROP_NEED_EDIT, PROP_NEED_DELETE,
	PROP_MEASURE_ADD, PROP_MEASURE_EDIT, PROP_MEASURE_DELETE,
	PROP_SUBMIT, PROP_RETURN, PROP_CARRY
};

/* The fields a need write gives; has_* false keeps the stored value (an
 * API PATCH). A parser that found a value unusable leaves has_* false and
 * records the field's problem in the job's fe. */
struct prop_need_in {
	bool has_competence, has_title, has_criticality, has_required, has_current, has_people, has_horizon,
		has_rationale, has_goals, has_unit_goals;
	int64_t competence_id;     /* 0: none (described freely) */
	const char *title;
	enum criticality criticality;
	int required_level, current_level;   /* 0: not given */
	int64_t people_affected;   /* -1: not given */
	enum horizon horizon;
	const char *rationale;
	const int64_t *goal_ids;   /* strategic_goals ids */
	int ngoal_ids;
	const int64_t *unit_goal_ids;
	int nunit_goal_ids;
};

struct prop_measure_in {
	bool has_kind, has_title, has_description, has_owner, has_cost, has_timing, has_needs;
	enum measure_kind kind;
	const char *title, *description, *suggested_owner, *timing;
	int64_t estimated_cost;    /* -1: not given */
	const int64_t *need_ids;
	int nneed_ids;
};

struct prop_job {
	enum prop_op op;
	int64_t cycle_id, unit_id;
	int64_t id;                /* the need or measure (edit, delete); the new one after an add */
	struct prop_need_in need;
	struct prop_measure_in measure;
	const char *comment;       /* PROP_RETURN */
	struct field_errors fe;    /* the parser's problems, then the job's */
	enum msg conflict;         /* why, when the job gives ERR_CONFLICT */
	/* after the job (also when refused): the record as it would be */
	struct proposal_need need_after;
	struct proposal_measure measure_after;
	int carried;               /* PROP_CARRY: needs made */
};

/* The job's transaction body for ctx_write: OK, ERR_FORBIDDEN, ERR_NOTFOUND,
 * ERR_CONFLICT (j->conflict says why), ERR_INVALID with j->fe, or a store
 * error. */
enum err prop_write(struct ctx *c, void *arg);

/* Ids as a sorted set (duplicates dropped) in v[0..*n). */
void prop_ids_set(int64_t *v, int *n);

#endif
