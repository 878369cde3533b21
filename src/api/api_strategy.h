/* api_strategy.h — JSON handlers of the strategy API; their route rows are in
 * api/routes_strategy.def. */
#ifndef EVNE_API_STRATEGY_H
#define EVNE_API_STRATEGY_H

#include "api/api.h"

#endif
