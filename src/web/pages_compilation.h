/* pages_compilation.h — handlers of the compilation pages; their route rows are in
 * web/routes_compilation.def. */
#ifndef EVNE_PAGES_COMPILATION_H
#define EVNE_PAGES_COMPILATION_H

#include "web/app.h"

#endif
