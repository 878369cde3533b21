/* export.h — writes the organisation (units or people) and phase 2's
 * registers (the proposed critical competence needs of a cycle, a published
 * decided competence strategy) to a file for HR, as CSV, XLSX or PDF. The
 * caller reads the records from the store; export.c (export_phase2.c for
 * phase 2) turns those arrays into one table of text cells (struct
 * export_table) with machine column names for CSV and headings in the
 * chosen language for XLSX and PDF, and one writer per format renders that
 * table. The units and people CSV files have exactly the import's columns
 * (units code,name,parent_code,leader_employee_number; people
 * employee_number,name,email,unit_code,job_title,active with ja/nei), UTF-8
 * with a byte-order mark, semicolons and CRLF as Norwegian Excel expects,
 * so an export imports again unchanged; phase 2's CSV files use the API's
 * stored names, ISO dates and plain numbers.
 *
 * Spreadsheet formula injection (OWASP "CSV injection"): in CSV and XLSX a
 * free-text cell that starts with '=', '+', '-', '@', a tab or a CR gets a
 * leading apostrophe, so a spreadsheet shows it as text. XLSX text cells
 * are written as strings, which Excel never evaluates, but HR re-save
 * sheets as CSV, so they get the same rule. Code columns (unit code,
 * employee number; validated to letters, digits, '.', '-', '_') and
 * whole-number columns are never changed: such a value cannot call a
 * function, and a code like "-12" must import back as itself. The
 * trade-off: a name that really starts with one of those characters comes
 * back from a re-import with the apostrophe; names and titles do not start
 * that way in practice. */
#ifndef EVNE_IO_EXPORT_H
#define EVNE_IO_EXPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include "base/arena.h"
#include "base/buf.h"
#include "base/err.h"
#include "domain/decision.h"
#include "domain/phase2.h"
#include "domain/types.h"
#include "i18n/i18n.h"

enum export_kind { EXPORT_UNITS = 0, EXPORT_PEOPLE, EXPORT_NEEDS, EXPORT_STRATEGY };
enum export_format { EXPORT_CSV = 0, EXPORT_XLSX, EXPORT_PDF };

const char *export_kind_name(enum export_kind k);  /* "units", "people", "needs", "strategy" */
bool export_kind_parse(const char *s, enum export_kind *out);
const char *export_format_name(enum export_format f);    /* "csv", "xlsx", "pdf" */
bool export_format_parse(const char *s, enum export_format *out);

enum export_col_type {
	EXPORT_COL_TEXT = 0,   /* free text: neutralised against formulas in CSV and XLSX */
	EXPORT_COL_CODE,       /* a code or employee number: written as it is */
	EXPORT_COL_BOOL,       /* "ja"/"nei" in CSV; MSG_YES/MSG_NO in XLSX and PDF */
	EXPORT_COL_NUMBER      /* a whole number ("-2" is a gap, not a formula): never
				  neutralised; a number cell in XLSX */
};

struct export_column {
	const char *key;        /* the CSV (import) column name; NULL: not in the CSV file */
	const char *heading;    /* in the table's language, for XLSX and PDF */
	enum export_col_type type;
	int width;              /* a typical width in characters: the PDF's share of the page
				   (never narrower than the longest word of the heading) */
	bool not_printed;       /* left out of the PDF, whose page is too narrow for every
				   column (a code beside the name it stands for) */
};

/* A column printed in the PDF (set not_printed after when it is not). */
#define EXPORT_COLUMN(k, h, ty, w) \
	(struct export_column){ .key = (k), .heading = (h), .type = (ty), .width = (w), .not_printed = false }

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
	/* nrows * ncols: the cell as XLSX and PDF show it ("Sendt til HR" for
	 * "submitted", "12 500" for "12500"); NULL (the array or one entry): as
	 * in the CSV file. */
	const char **shown;
	const char *heading;               /* the PDF's heading and the workbook's title; NULL: title */
	const char *note;                  /* the PDF's line under the heading starts with it; NULL: none */
	enum msg count_msg;                /* "%s enheter": the row count under the PDF's heading */
	/* A further part of the same export (the decided strategy's measures
	 * after its needs): a sheet of its own in XLSX, a table from a new page
	 * in PDF. The CSV writer writes this table only. */
	const struct export_table *next;
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

/* A proposed need as the needs register shows it: the unit, the competence
 * and the goals by code (the caller looks them up), the rest as stored. */
struct export_need {
	const char *unit_code, *unit_name;
	enum proposal_status status;
	const char *competence_code;       /* NULL or "": described freely */
	const char *title;
	enum criticality criticality;
	int required_level, current_level; /* 0: not given */
	int64_t people_affected;           /* -1: not given */
	enum horizon horizon;
	const char *goal_codes;            /* "S1.1, S2.3"; "" when none */
	const char *rationale;
	const char *decided_need;          /* the decided need it was merged into; NULL: none yet */
};

/* The needs register of cycle_name: one row per need in the order given
 * (the caller sorts by unit in Norwegian order, then position). org: the
 * top unit's name, or NULL. */
enum err export_needs_table(struct arena *a, enum lang lang, const char *cycle_name, const char *org,
			    const struct export_need *needs, int n, struct export_table *out);

/* Which parts of the decided strategy a table holds. */
enum export_part { EXPORT_PART_ALL = 0, EXPORT_PART_NEEDS, EXPORT_PART_MEASURES };
bool export_part_parse(const char *s, enum export_part *out);   /* "needs", "measures" */

/* Published version v of cycle_name's decided competence strategy: its
 * needs (with the units that proposed them and the goals they serve) and
 * its measures (with the needs they answer), by position. part ALL: the
 * needs table with the measures as its next part; NEEDS or MEASURES: that
 * table alone. */
enum err export_strategy_table(struct arena *a, enum lang lang, const char *cycle_name, const char *org,
			       const struct decided_version *v, enum export_part part,
			       struct export_table *out);

/* A column as a builder lists it: the heading is a catalogue text. */
struct export_col_spec {
	const char *key;
	enum msg heading;
	enum export_col_type type;
	int width;
	bool not_printed;
};
/* export_table_init with the columns of specs, headed in lang, titled by
 * the catalogue's title. */
enum err export_table_begin(struct arena *a, struct export_table *out, enum export_kind kind, enum lang lang,
			    enum msg title, const struct export_col_spec *specs, int ncols, int nrows);
/* The name of the only top unit among units, NULL when none or several:
 * the organisation a table's heading names. */
const char *export_org_name(const struct unit *units, int n);
/* For the table builders: fills the common part of out (count_msg
 * MSG_EXPORT_UNITS_COUNT until the builder sets its own) with nrows * ncols
 * cells to fill. */
enum err export_table_init(struct arena *a, struct export_table *out, enum export_kind kind, enum lang lang,
			   const char *title, const struct export_column *cols, int ncols, int nrows);

/* Appends the catalogue text m with its conversions (%s or %d, in order)
 * replaced by the strings in args: the values are formatted by the caller,
 * so no format string comes from the catalogue. */
void export_put_msg(struct buf *b, enum lang l, enum msg m, const char *const *args, int nargs);

/* The rows of t and of every part after it. */
int export_total_rows(const struct export_table *t);

/* The cell at row, col as shown in XLSX and PDF (a boolean as Ja/Nei in the
 * table's language, the shown text when the table has one); human false:
 * as in the CSV file. Never NULL. */
const char *export_cell(const struct export_table *t, int row, int col, bool human);
/* True when the cell text s of column col gets a leading apostrophe in CSV
 * and XLSX (see the top of this file). */
bool export_needs_quote(const struct export_column *col, const char *s);

/* The CSV file (columns with a key) to f. OK, or ERR_IO when writing failed. */
enum err export_csv(FILE *f, const struct export_table *t, const struct export_progress *p);

/* One sheet per part named after its title, bold frozen header row with
 * an autofilter, widths from the content; whole numbers as number cells.
 * libxlsxwriter writes to a path only. OK, or ERR_IO with errmsg set. */
enum err export_xlsx(const char *path, const struct export_table *t, int64_t now,
		     const struct export_progress *p, char *errmsg, size_t errlen);

/* A4 landscape: the heading ("Enheter – Org"), the note, the export date
 * (now, shown with fmt_date) and the row count, then the table with its
 * header row repeated on every page and long cells wrapped; each further
 * part from a new page under its own title; "Side 1 av N" (counting every
 * part) at the foot of each page. Text is laid out by Pango in DejaVu Sans (fontconfig picks a
 * substitute when it is missing). OK, or ERR_IO with errmsg set. */
enum err export_pdf(FILE *f, const struct export_table *t, int64_t now, const struct export_progress *p,
		    char *errmsg, size_t errlen);
/* Frees what Pango, cairo and fontconfig keep for the life of the process,
 * so leak checkers see a clean exit. Call once, after the last export_pdf. */
void export_pdf_shutdown(void);

#endif
