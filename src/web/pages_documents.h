/* pages_documents.h — handlers of the documents pages; their route rows are in
 * web/routes_documents.def. Everyone signed in reads documents and their own
 * reading list; HR and admins add documents and versions; a unit's leader
 * (and HR) sees who in the unit has confirmed and sends reminders. */
#ifndef EVNE_PAGES_DOCUMENTS_H
#define EVNE_PAGES_DOCUMENTS_H

#include "web/app.h"

void page_documents(struct ctx *c);
void page_document_new(struct ctx *c);
void page_document_create(struct ctx *c);
void page_document_show(struct ctx *c);
void page_document_version_new(struct ctx *c);
void page_document_version_create(struct ctx *c);
void page_document_version_show(struct ctx *c);
void page_document_file(struct ctx *c);

void page_reading(struct ctx *c);
void page_reading_confirm(struct ctx *c);
void page_unit_reading(struct ctx *c);
void page_unit_reading_remind(struct ctx *c);

#endif
