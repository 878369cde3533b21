/* pages_cycles.h — handlers of the cycles pages; their route rows are in
 * web/routes_cycles.def. */
#ifndef EVNE_PAGES_CYCLES_H
#define EVNE_PAGES_CYCLES_H

#include "web/app.h"

#endif
