/* pages_prepare.h — handlers of the prepare pages; their route rows are in
 * web/routes_prepare.def. */
#ifndef EVNE_PAGES_PREPARE_H
#define EVNE_PAGES_PREPARE_H

#include "web/app.h"

#endif
