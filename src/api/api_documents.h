/* api_documents.h — JSON handlers of the documents API; their route rows are in
 * api/routes_documents.def. */
#ifndef EVNE_API_DOCUMENTS_H
#define EVNE_API_DOCUMENTS_H

#include "api/api.h"

#endif
