/* api_prepare.h — JSON handlers of phase 1 (the leader's preparation) and
 * of the cycle's indicators; their route rows are in api/routes_prepare.def
 * and their shapes in docs/api.md. */
#ifndef EVNE_API_PREPARE_H
#define EVNE_API_PREPARE_H

#include "api/api.h"

void api_cycle_indicators(struct ctx *c);
void api_prepare_get(struct ctx *c);

#endif
