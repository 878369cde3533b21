/* api_prepare.h — JSON handlers of the prepare API; their route rows are in
 * api/routes_prepare.def. */
#ifndef EVNE_API_PREPARE_H
#define EVNE_API_PREPARE_H

#include "api/api.h"

#endif
