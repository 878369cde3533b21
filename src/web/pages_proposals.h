/* pages_proposals.h — handlers of the proposals pages; their route rows are in
 * web/routes_proposals.def. */
#ifndef EVNE_PAGES_PROPOSALS_H
#define EVNE_PAGES_PROPOSALS_H

#include "web/app.h"

#endif
