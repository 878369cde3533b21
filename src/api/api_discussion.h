/* api_discussion.h — handlers of the discussion API; their route rows are in
 * api/routes_discussion.def. */
#ifndef EVNE_API_DISCUSSION_H
#define EVNE_API_DISCUSSION_H

#include "api/api.h"

#endif
