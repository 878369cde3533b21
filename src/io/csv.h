/* csv.h — reads a CSV file held in memory into records with their physical
 * line numbers, for imports from HR systems and spreadsheets. Accepts UTF-8
 * with or without a byte-order mark; the delimiter (comma, or semicolon as
 * Norwegian Excel writes it) is detected from the header line; quoted fields
 * may hold delimiters, quotes ("") and line breaks. The first non-blank record
 * is the header; records whose fields are all empty (blank lines, ";;;") are
 * dropped. Built on libcsv, whose names also start with csv_: ours are
 * csv_read, csv_column, csv_cell and csv_fault_text. */
#ifndef EVNE_IO_CSV_H
#define EVNE_IO_CSV_H

#include <stddef.h>
#include "base/arena.h"
#include "base/err.h"

struct csv_record {
	int line;          /* 1-based physical line where the record starts */
	int nfields;
	char **fields;     /* as written, minus spaces around unquoted fields */
};

struct csv_table {
	char delim;                /* ',' or ';' */
	int header_line;           /* physical line of the header record */
	int ncols;
	char **header;             /* column names, trimmed */
	struct csv_record *rows;   /* the data records, in file order */
	int nrows;
};

/* What made a file unreadable as a whole. */
enum csv_fault {
	CSV_FAULT_NONE = 0,
	CSV_FAULT_ENCODING,   /* not UTF-8, or a control character (NUL, ...) */
	CSV_FAULT_QUOTE,      /* a quoted field is never closed */
	CSV_FAULT_EMPTY,      /* no header line */
	CSV_FAULT_TOO_BIG     /* the arena's cap was reached */
};

struct csv_failure {
	enum csv_fault fault;
	int line;             /* where it happened; 0 for the whole file */
};

/* Parses data[0..len) into *out; every string lives in a. Returns OK;
 * ERR_INVALID with *fail set for an encoding, quote or empty-file fault;
 * ERR_TOO_BIG over the arena's cap. */
enum err csv_read(struct arena *a, const char *data, size_t len, struct csv_table *out,
		  struct csv_failure *fail);

/* Index of the column whose header equals name (ASCII case-insensitive),
 * the first one when named twice; -1 when absent. */
int csv_column(const struct csv_table *t, const char *name);

/* The field at col of r, "" when col is negative or the record is short. */
const char *csv_cell(const struct csv_record *r, int col);

/* An English sentence for the CLI and logs. */
const char *csv_fault_text(enum csv_fault f);

#endif
