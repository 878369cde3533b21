/* pages_documents.h — handlers of the documents pages; their route rows are in
 * web/routes_documents.def. */
#ifndef EVNE_PAGES_DOCUMENTS_H
#define EVNE_PAGES_DOCUMENTS_H

#include "web/app.h"

#endif
