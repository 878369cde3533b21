/* api_decision.h — handlers of the decision API; their route rows are in
 * api/routes_decision.def. */
#ifndef EVNE_API_DECISION_H
#define EVNE_API_DECISION_H

#include "api/api.h"

#endif
