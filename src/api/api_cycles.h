/* api_cycles.h — JSON handlers of the cycles API; their route rows are in
 * api/routes_cycles.def. */
#ifndef EVNE_API_CYCLES_H
#define EVNE_API_CYCLES_H

#include "api/api.h"

#endif
