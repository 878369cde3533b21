/* import.h — the view of the CSV import page (/import): what a units,
 * people or competences file must hold, the upload form, and after a POST either the form
 * problems, the errors of a refused file (summary and a table of line,
 * column and problem), or the counts of a finished import or check. Writes
 * the page body after page_begin from a view model the handler fills; all
 * pointers are borrowed for the call. */
#ifndef EVNE_VIEWS_IMPORT_H
#define EVNE_VIEWS_IMPORT_H

#include <stdbool.h>
#include <stddef.h>
#include "domain/import.h"
#include "domain/validate.h"
#include "html/html.h"

/* The example files the page links to (web/page_import.c serves them). */
#define V_IMPORT_EXAMPLE_UNITS  "/import/example/units.csv"
#define V_IMPORT_EXAMPLE_PEOPLE "/import/example/people.csv"
#define V_IMPORT_EXAMPLE_COMPETENCES "/import/example/competences.csv"
#define V_IMPORT_EXAMPLE_GOALS "/import/example/goals.csv"

/* The most file errors the table lists; a sentence counts the rest. */
enum { V_IMPORT_ERRORS_SHOWN = 200 };

/* Why a file could not be read at all (the error without a column). */

struct v_import_page {
	const char *csrf;
	const char *kind;            /* "units", "people", "competences", "goals", or NULL: none chosen */
	bool dry_run;                /* the "check only" box is ticked */
	size_t max_bytes;            /* the upload limit, shown in the file hint */
	const struct field_errors *errors;      /* form problems (kind, file), or NULL */
	const struct import_errors *file_errors;   /* a refused file's errors, sorted; or NULL */
	enum import_file_fault fault;   /* the file-level error's cause, when it has one */
	bool done;                   /* an import or check went through: show the counts */
	int created, updated, unchanged;
};

void v_import_page(struct html *h, const struct v_import_page *m);

#endif
