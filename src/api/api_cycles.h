/* api_cycles.h — JSON handlers of the cycles API (api/cycles.c); their route
 * rows are in api/routes_cycles.def. A cycle is {id, name, status, phases:
 * [{key, starts_on, ends_on}]} (contract.md), phases always all five in
 * order, dates ISO 8601 or null. */
#ifndef EVNE_API_CYCLES_H
#define EVNE_API_CYCLES_H

#include "api/api.h"

void api_cycles_list(struct ctx *c);
void api_cycle_get(struct ctx *c);
void api_cycle_create(struct ctx *c);
void api_cycle_update(struct ctx *c);
void api_cycle_delete(struct ctx *c);

#endif
