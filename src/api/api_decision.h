/* api_decision.h — handlers of the decision API; their route rows are in
 * api/routes_decision.def. */
#ifndef EVNE_API_DECISION_H
#define EVNE_API_DECISION_H

#include "api/api.h"

void api_decision_get(struct ctx *c);
void api_decision_send(struct ctx *c);
void api_decision_approve(struct ctx *c);
void api_decision_return(struct ctx *c);
void api_decision_publish(struct ctx *c);
void api_consultations_list(struct ctx *c);
void api_consultation_create(struct ctx *c);
void api_consultation_get(struct ctx *c);
void api_consultation_update(struct ctx *c);
void api_consultation_delete(struct ctx *c);
void api_competence_strategy(struct ctx *c);
void api_competence_strategy_versions(struct ctx *c);
void api_competence_strategy_version(struct ctx *c);
void api_competence_strategy_compare(struct ctx *c);

#endif
