/* api_prepare.h — JSON handlers of phase 1 (the leader's preparation) and
 * of the cycle's indicators; their route rows are in api/routes_prepare.def
 * and their shapes in docs/api.md. */
#ifndef EVNE_API_PREPARE_H
#define EVNE_API_PREPARE_H

#include "api/api.h"

void api_cycle_indicators(struct ctx *c);
void api_prepare_get(struct ctx *c);
void api_prepare_update(struct ctx *c);       /* PATCH {"likely_goals": ...} */
void api_prepare_tick(struct ctx *c);         /* PUT .../steps/{n} */
void api_prepare_untick(struct ctx *c);       /* DELETE .../steps/{n} */
void api_prepare_need_create(struct ctx *c);
void api_prepare_need_get(struct ctx *c);
void api_prepare_need_update(struct ctx *c);
void api_prepare_need_delete(struct ctx *c);
void api_prepare_pack(struct ctx *c);         /* PUT .../pack {"document_ids": [...]} */
void api_prepare_send(struct ctx *c);         /* POST .../send */

#endif
