/* pages_strategy.h — handlers of the strategy pages; their route rows are in
 * web/routes_strategy.def. */
#ifndef EVNE_PAGES_STRATEGY_H
#define EVNE_PAGES_STRATEGY_H

#include "web/app.h"

#endif
