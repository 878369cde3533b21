/* api_strategy.h — JSON handlers of the strategy API (api/strategy.c); their
 * route rows are in api/routes_strategy.def.
 *   GET   /api/v1/cycles/{id}/strategy[?version=N|?draft=true]   ACT_CYCLE_READ
 *   PUT   /api/v1/cycles/{id}/strategy     the draft's five texts   ACT_STRATEGY_EDIT
 *   PATCH /api/v1/cycles/{id}/strategy     some of them             ACT_STRATEGY_EDIT
 *   POST  /api/v1/cycles/{id}/strategy/publish                     ACT_STRATEGY_EDIT
 *   POST  /api/v1/cycles/{id}/strategy/main-goals                  ACT_STRATEGY_EDIT
 *   POST  /api/v1/strategy/main-goals/{id}/goals                   ACT_STRATEGY_EDIT
 *   POST  /api/v1/strategy/goals/{id}/indicators                   ACT_STRATEGY_EDIT
 *   POST  /api/v1/strategy/indicators/{id}/values                  ACT_STRATEGY_EDIT
 *   GET   /api/v1/strategy/{main-goals,goals,indicators,indicator-values}/{id}
 *         one item (ACT_CYCLE_READ; a draft's rows only for HR, else 404)
 *   PATCH, DELETE the same paths                                    ACT_STRATEGY_EDIT
 *   GET   /api/v1/unit-goals[?cycle=&unit=]  POST /api/v1/unit-goals
 *   GET, PATCH, DELETE /api/v1/unit-goals/{id}
 * A new main goal goes into the cycle's draft (started when missing); the
 * other new items go where their parent is, which must be the draft.
 * Decimal numbers are JSON strings in plain form ("12.5"), exact. */
#ifndef EVNE_API_STRATEGY_H
#define EVNE_API_STRATEGY_H

#include "api/api.h"

void api_strategy_get(struct ctx *c);
void api_strategy_put(struct ctx *c);
void api_strategy_patch(struct ctx *c);
void api_strategy_publish(struct ctx *c);
void api_main_goal_create(struct ctx *c);
void api_main_goal_get(struct ctx *c);
void api_main_goal_update(struct ctx *c);
void api_main_goal_delete(struct ctx *c);
void api_goal_create(struct ctx *c);
void api_goal_get(struct ctx *c);
void api_goal_update(struct ctx *c);
void api_goal_delete(struct ctx *c);
void api_indicator_create(struct ctx *c);
void api_indicator_get(struct ctx *c);
void api_indicator_update(struct ctx *c);
void api_indicator_delete(struct ctx *c);
void api_value_create(struct ctx *c);
void api_value_get(struct ctx *c);
void api_value_update(struct ctx *c);
void api_value_delete(struct ctx *c);
void api_unit_goals_list(struct ctx *c);
void api_unit_goal_create(struct ctx *c);
void api_unit_goal_get(struct ctx *c);
void api_unit_goal_update(struct ctx *c);
void api_unit_goal_delete(struct ctx *c);

#endif
