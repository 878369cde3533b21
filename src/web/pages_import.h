/* pages_import.h — handlers of the CSV import page (web/page_import.c): the
 * page with the upload form, the upload itself (all rows in one write
 * transaction, or nothing), and the two example files it links to.
 *
 * Route rows for web/routes.c:
 *   { "GET",  "/import",                page_import,         ACT_IMPORT },
 *   { "POST", "/import",                page_import_run,     ACT_IMPORT },
 *   { "GET",  "/import/example/{file}", page_import_example, ACT_IMPORT },
 * {file} is units.csv or people.csv; anything else is 404. */
#ifndef EVNE_PAGES_IMPORT_H
#define EVNE_PAGES_IMPORT_H

#include "web/app.h"

/* GET /import[?kind=units|people]: the page; kind preselects the radio. */
void page_import(struct ctx *c);
/* POST /import (multipart): fields csrf, kind, file, dry_run. 422 with the
 * form problems or the file's errors; 200 with the counts. */
void page_import_run(struct ctx *c);
/* GET /import/example/{file}: a small semicolon-separated CSV with a BOM. */
void page_import_example(struct ctx *c);

#endif
