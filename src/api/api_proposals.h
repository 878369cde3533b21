/* api_proposals.h — handlers of the proposals API; their route rows are in
 * api/routes_proposals.def. */
#ifndef EVNE_API_PROPOSALS_H
#define EVNE_API_PROPOSALS_H

#include "api/api.h"

#endif
