/* import_csv.h — turns the bytes of a units, people or competences CSV file into an
 * import plan (domain/import.h): finds the known columns by name in the
 * header (extra columns are ignored), copies each row's values trimmed, and
 * runs import_validate. Shared by `evne import` and the upload page. */
#ifndef EVNE_IO_IMPORT_CSV_H
#define EVNE_IO_IMPORT_CSV_H

#include <stddef.h>
#include "base/arena.h"
#include "base/err.h"
#include "domain/import.h"

/* Initialises *plan in a and fills it from data[0..len).
 * OK: the rows were read; plan->errors may still hold row errors (rows
 *     marked invalid) — check import_error_total.
 * ERR_INVALID: the file as a whole cannot be used (not UTF-8, an unclosed
 *     quote, no header, a required column missing or a column twice);
 *     plan->errors says why and plan->n is 0.
 * ERR_TOO_BIG: the arena's cap was reached. */
enum err import_csv_read(struct arena *a, enum import_kind kind, const char *data, size_t len,
			 struct import_plan *plan);

#endif
