/* pages_discussion.h — handlers of the discussion pages; their route rows are in
 * web/routes_discussion.def. */
#ifndef EVNE_PAGES_DISCUSSION_H
#define EVNE_PAGES_DISCUSSION_H

#include "web/app.h"

#endif
