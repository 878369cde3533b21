/* pages_proposals.h — handlers of a unit's proposal in phase 2 (its
 * critical competence needs, measures, submission and HR's return); their
 * route rows are in web/routes_proposals.def. */
#ifndef EVNE_PAGES_PROPOSALS_H
#define EVNE_PAGES_PROPOSALS_H

#include "web/app.h"

void page_proposal_show(struct ctx *c);
void page_proposal_need_new(struct ctx *c);
void page_proposal_need_create(struct ctx *c);
void page_proposal_need_edit(struct ctx *c);
void page_proposal_need_update(struct ctx *c);
void page_proposal_need_delete_confirm(struct ctx *c);
void page_proposal_need_delete(struct ctx *c);
void page_proposal_measure_new(struct ctx *c);
void page_proposal_measure_create(struct ctx *c);
void page_proposal_measure_edit(struct ctx *c);
void page_proposal_measure_update(struct ctx *c);
void page_proposal_measure_delete_confirm(struct ctx *c);
void page_proposal_measure_delete(struct ctx *c);
void page_proposal_submit_confirm(struct ctx *c);
void page_proposal_submit(struct ctx *c);
void page_proposal_return_form(struct ctx *c);
void page_proposal_return(struct ctx *c);
void page_proposal_carry_confirm(struct ctx *c);
void page_proposal_carry(struct ctx *c);

#endif
