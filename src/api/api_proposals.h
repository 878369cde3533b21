/* api_proposals.h — JSON handlers of the units' proposals in phase 2 (their
 * critical competence needs and measures, submit and HR's return); their
 * route rows are in api/routes_proposals.def and their shapes in
 * docs/api.md. */
#ifndef EVNE_API_PROPOSALS_H
#define EVNE_API_PROPOSALS_H

#include "api/api.h"
#include "domain/proposal.h"
#include "web/proposal_write.h"

void api_proposals_list(struct ctx *c);       /* ?status=, ?cursor=, ?limit= */
void api_proposal_get(struct ctx *c);
void api_proposal_need_get(struct ctx *c);
void api_proposal_need_create(struct ctx *c);
void api_proposal_need_update(struct ctx *c); /* PATCH: the members given */
void api_proposal_need_delete(struct ctx *c);
void api_proposal_measure_get(struct ctx *c);
void api_proposal_measure_create(struct ctx *c);
void api_proposal_measure_update(struct ctx *c);
void api_proposal_measure_delete(struct ctx *c);
void api_proposal_submit(struct ctx *c);      /* POST .../submit */
void api_proposal_return(struct ctx *c);      /* POST .../return {"comment": ...} */

/* ---- shared with the top-level registers (api/needs.c) ---- */

/* Whose proposals an actor reads: every unit's (HR, admin, management,
 * representatives), some (the units they lead and their own: ask
 * access_can with the unit) or none, which the lists answer 403. */
enum proposal_reach { REACH_NONE, REACH_SOME, REACH_ALL };
enum proposal_reach api_proposal_reach(const struct actor *a);
#define API_PROPOSAL_READ_403 "Only people of a unit, its leaders, HR, management and representatives read proposals."
#define API_PROPOSAL_EDIT_403 "Only the unit's leader (or a leader above it), HR and admin may change its proposal."

/* The members of a need or measure object, between jw_obj and jw_obj_end. */
void api_need_members(struct jw *w, const struct proposal_need *n);
void api_measure_members(struct jw *w, const struct proposal_measure *m);

/* Reads the body of a need write (j->op PROP_NEED_ADD or PROP_NEED_EDIT)
 * into j->need, or of a measure write into j->measure, with a value the
 * parser cannot use as a problem in j->fe; extra[0..nextra) are further
 * members the caller accepts (at most API_EXTRA_MAX), their present flags
 * set. false once a problem has been written. */
enum { API_EXTRA_MAX = 4 };
bool api_need_body(struct ctx *c, struct prop_job *j, struct api_member *extra, int nextra);
bool api_measure_body(struct ctx *c, struct prop_job *j, struct api_member *extra, int nextra);
/* Runs the job (web/proposal_write.h) in one transaction: true when it
 * succeeded, for the caller to answer; false once the problem (403, 404,
 * 409 with the reason, 422 with errors[]) has been written. */
bool api_prop_run(struct ctx *c, struct prop_job *j);

#endif
