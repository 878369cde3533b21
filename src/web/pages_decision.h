/* pages_decision.h — handlers of the decision pages; their route rows are in
 * web/routes_decision.def. */
#ifndef EVNE_PAGES_DECISION_H
#define EVNE_PAGES_DECISION_H

#include "web/app.h"

#endif
