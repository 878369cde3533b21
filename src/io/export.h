/* export.h — writes the organisation (units or people) to a file for HR, as
 * CSV, XLSX or PDF. The caller reads the records from the store; export.c
 * turns those arrays into one table of text cells (struct export_table) with
 * machine column names for CSV and headings in the chosen language for XLSX
 * and PDF, and one writer per format renders that table. The CSV file has
 * exactly the import's columns (units code,name,parent_code,
 * leader_employee_number; people employee_number,name,email,unit_code,
 * job_title,active with ja/nei), UTF-8 with a byte-order mark, semicolons and
 * CRLF as Norwegian Excel expects, so an export imports again unchanged.
 *
 * Spreadsheet formula injection (OWASP "CSV injection"): in CSV and XLSX a
 * free-text cell that starts with '=', '+', '-', '@', a tab or a CR gets a
 * leading apostrophe, so a spreadsheet shows it as text. XLSX cells are
 * always written as strings, which Excel never evaluates, but HR re-save
 * sheets as CSV, so they get the same rule. Code columns (unit code,
 * employee number; validated to letters, digits, '.', '-', '_') are never
 * changed: such a value cannot call a function, and a code like "-12" must
 * import back as itself. The trade-off: a name that really starts with one
 * of those characters comes back from a re-import with the apostrophe;
 * names and titles do not start that way in practice. */
#ifndef EVNE_IO_EXPORT_H
#define EVNE_IO_EXPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include "base/arena.h"
#include "base/err.h"
#include "domain/types.h"
#include "i18n/i18n.h"

enum export_kind { EXPORT_UNITS = 0, EXPORT_PEOPLE };
enum export_format { EXPORT_CSV = 0, EXPORT_XLSX, EXPORT_PDF };

const char *export_kind_name(enum export_kind k);        /* "units", "people" */
bool export_kind_parse(const char *s, enum export_kind *out);
const char *export_format_name(enum export_format f);    /* "csv", "xlsx", "pdf" */
bool export_format_parse(const char *s, enum export_format *out);

enum export_col_type {
	EXPORT_COL_TEXT = 0,   /* free text: neutralised against formulas in CSV and XLSX */
	EXPORT_COL_CODE,       /* a code or employee number: written as it is */
	EXPORT_COL_BOOL        /* "ja"/"nei" in CSV; MSG_YES/MSG_NO in XLSX and PDF */
};

struct export_column {
	const char *key;        /* the CSV (import) column name; NULL: not in the CSV file */
	const char *heading;    /* in the table's language, for XLSX and PDF */
	enum export_col_type type;
	int width;              /* a typical width in characters: the PDF's share of the page */
};

/* All strings live in the arena the table was built in. */
struct export_table {
	enum export_kind kind;
	enum lang lang;
	const char *title;                 /* "Enheter", "Personer": sheet name and PDF heading */
	const char *org;                   /* the name of the one top unit; NULL when there are several */
	int ncols;
	const struct export_column *cols;
	int nrows;
	const char **cells;                /* nrows * ncols, row by row; "" when empty, never NULL */
	const int *depth;                  /* per row: level in the unit tree (PDF indent); NULL for people */
};

/* Called now and then while a writer works, and once with done == total. */
struct export_progress {
	void (*fn)(void *ctx, int done, int total);
	void *ctx;
};

/* units in tree order (store_unit_tree) and every person, active or not
 * (for the leaders' employee numbers). Rows keep the order given. */
enum err export_units_table(struct arena *a, enum lang lang, const struct unit *units, int nunits,
			    const struct person *people, int npeople, struct export_table *out);
/* people in the order given (Norwegian collation by name from the store),
 * units to find each person's unit code and name. */
enum err export_people_table(struct arena *a, enum lang lang, const struct person *people, int npeople,
			     const struct unit *units, int nunits, struct export_table *out);

/* The cell at row, col as shown in XLSX and PDF (a boolean as Ja/Nei in the
 * table's language); human false: as in the CSV file. Never NULL. */
const char *export_cell(const struct export_table *t, int row, int col, bool human);
/* True when the cell text s of column col gets a leading apostrophe in CSV
 * and XLSX (see the top of this file). */
bool export_needs_quote(const struct export_column *col, const char *s);

/* The CSV file (columns with a key) to f. OK, or ERR_IO when writing failed. */
enum err export_csv(FILE *f, const struct export_table *t, const struct export_progress *p);

/* One sheet named after the title, bold frozen header row with an
 * autofilter, widths from the content. libxlsxwriter writes to a path only.
 * OK, or ERR_IO with errmsg set. */
enum err export_xlsx(const char *path, const struct export_table *t, int64_t now,
		     const struct export_progress *p, char *errmsg, size_t errlen);

/* A4 landscape: the title ("Enheter – Org"), the export date (now, shown
 * with fmt_date) and the row count, then the table with its header row
 * repeated on every page and long cells wrapped; "Side 1 av N" at the foot
 * of each page. Text is laid out by Pango in DejaVu Sans (fontconfig picks a
 * substitute when it is missing). OK, or ERR_IO with errmsg set. */
enum err export_pdf(FILE *f, const struct export_table *t, int64_t now, const struct export_progress *p,
		    char *errmsg, size_t errlen);
/* Frees what Pango, cairo and fontconfig keep for the life of the process,
 * so leak checkers see a clean exit. Call once, after the last export_pdf. */
void export_pdf_shutdown(void);

#endif
