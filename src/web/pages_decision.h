/* pages_decision.h — handlers of the decision pages; their route rows are in
 * web/routes_decision.def. */
#ifndef EVNE_PAGES_DECISION_H
#define EVNE_PAGES_DECISION_H

#include "web/app.h"

void page_decision(struct ctx *c);
void page_decision_send_confirm(struct ctx *c);
void page_decision_send(struct ctx *c);
void page_decision_approve_confirm(struct ctx *c);
void page_decision_approve(struct ctx *c);
void page_decision_return_confirm(struct ctx *c);
void page_decision_return(struct ctx *c);
void page_decision_publish_confirm(struct ctx *c);
void page_decision_publish(struct ctx *c);

void page_consultation_new(struct ctx *c);
void page_consultation_create(struct ctx *c);
void page_consultation_show(struct ctx *c);
void page_consultation_edit(struct ctx *c);
void page_consultation_update(struct ctx *c);
void page_consultation_delete_confirm(struct ctx *c);
void page_consultation_delete(struct ctx *c);
void page_consultation_file_add(struct ctx *c);
void page_consultation_file(struct ctx *c);
void page_consultation_file_delete_confirm(struct ctx *c);
void page_consultation_file_delete(struct ctx *c);

void page_competence_strategy(struct ctx *c);
void page_competence_strategy_version(struct ctx *c);
void page_competence_strategy_compare(struct ctx *c);

#endif
