/* api_compilation.h — handlers of the compilation API; their route rows are in
 * api/routes_compilation.def. */
#ifndef EVNE_API_COMPILATION_H
#define EVNE_API_COMPILATION_H

#include "api/api.h"

#endif
