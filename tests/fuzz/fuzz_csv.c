/* fuzz_csv.c — csv_read (src/io/csv.c) and import_csv_read
 * (src/io/import_csv.c) for every import kind on the same bytes. Checks the
 * table's shape on success and that csv_cell stays in bounds. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "domain/import.h"
#include "io/csv.h"
#include "io/import_csv.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *in = (const char *)data;
	struct arena a;
	arena_init(&a, 4u << 20);
	struct csv_table t;
	struct csv_failure fail = { 0 };
	enum err e = csv_read(&a, in, size, &t, &fail);
	if (e == OK) {
		if ((t.delim != ',' && t.delim != ';') || t.ncols <= 0 || !t.header || t.nrows < 0)
			abort();
		for (int c = 0; c < t.ncols; c++)
			if (!t.header[c] || csv_column(&t, t.header[c]) < 0)
				abort();
		/* A bare CR ends a record inside a line, so two records may share one. */
		int prev = t.header_line;
		for (int i = 0; i < t.nrows; i++) {
			const struct csv_record *r = &t.rows[i];
			if (r->line < prev || r->line < 1 || r->nfields < 0)
				abort();
			prev = r->line;
			for (int c = -1; c <= t.ncols; c++)
				if (!csv_cell(r, c))
					abort();
		}
	} else if (e == ERR_INVALID) {
		if (fail.fault == CSV_FAULT_NONE || !csv_fault_text(fail.fault))
			abort();
	} else if (e != ERR_TOO_BIG) {
		abort();
	}
	arena_free(&a);

	for (int k = IMPORT_UNITS; k <= IMPORT_GOALS; k++) {
		arena_init(&a, 4u << 20);
		struct import_plan plan;
		e = import_csv_read(&a, (enum import_kind)k, in, size, &plan);
		if (e != OK && e != ERR_INVALID && e != ERR_TOO_BIG)
			abort();
		if (e == ERR_INVALID && plan.n != 0)
			abort();
		arena_free(&a);
	}
	return 0;
}
