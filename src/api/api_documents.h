/* api_documents.h — JSON handlers of the documents API; their route rows are in
 * api/routes_documents.def.
 *   GET  /api/v1/documents                 list by title, paged by cursor; ?cycle=ID
 *   POST /api/v1/documents                 {title, kind, description, cycle_id, body}: a
 *                                          document with its first, Markdown version
 *   GET  /api/v1/documents/{id}            one document with its versions' metadata
 *                                          (never file bytes: files carry a download_url)
 *   POST /api/v1/documents/{id}/versions   {body}: the next Markdown version
 *   GET  /api/v1/reading                   the caller's read requests
 *   POST /api/v1/reading/{id}/confirm      {version}: "I have read this"
 *   GET  /api/v1/units/{id}/reading[?cycle=ID]   the unit's read status (ACT_PREPARE)
 *   POST /api/v1/units/{id}/reading/remind       ?cycle=ID or {"cycle_id": N}: remind
 *                                          everyone with an open request (ACT_PREPARE)
 * Files (PDF, DOCX, XLSX, PPTX) are uploaded through the web form
 * (/documents/new, /documents/{id}/versions/new) only: a multipart body here
 * answers 415 saying so. */
#ifndef EVNE_API_DOCUMENTS_H
#define EVNE_API_DOCUMENTS_H

#include "api/api.h"

void api_documents_list(struct ctx *c);
void api_document_get(struct ctx *c);
void api_document_create(struct ctx *c);
void api_document_version_create(struct ctx *c);
void api_reading_list(struct ctx *c);
void api_reading_confirm(struct ctx *c);
void api_unit_reading(struct ctx *c);
void api_unit_reading_remind(struct ctx *c);

#endif
