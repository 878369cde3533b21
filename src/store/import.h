/* import.h — applies a validated import plan (domain/import.h) to the
 * database through the public store functions: resolves codes and
 * employee numbers, checks the unit tree (and the competence area tree)
 * stays a tree, upserts by code / employee number, writes one audit row per changed unit or person, and
 * counts what was created, updated and left unchanged. */
#ifndef EVNE_STORE_IMPORT_H
#define EVNE_STORE_IMPORT_H

#include <stdbool.h>
#include <stdint.h>
#include "base/arena.h"
#include "base/err.h"
#include "domain/import.h"
#include "store/store.h"

struct import_counts {
	int created, updated, unchanged;   /* units, people, or competences */
	int areas_created, areas_updated;  /* competences: the areas written on the way */
};

struct import_apply_opts {
	int64_t user_id;        /* the acting user for the audit log; 0: the system (CLI) */
	int64_t now;            /* epoch seconds for the audit log */
	bool skip_leaders;      /* units: ignore leader_employee_number (a first load,
				   before the people exist) */
	/* Called now and then with rows done so far; may be NULL. */
	void (*progress)(void *ctx, int done, int total);
	void *progress_ctx;
};

/* Runs inside the write transaction the caller opened (store_begin(c, true)).
 * Rows the plan already marks invalid are checked for references but never
 * written. Returns:
 *   OK           every row applied; *counts set. The caller commits, or rolls
 *                back for a dry run.
 *   ERR_INVALID  errors added to plan->errors (sorted by line); the caller
 *                must roll back: nothing may be kept. Also returned when the
 *                plan held errors on entry.
 *   ERR_BUSY, ERR_IO, ERR_TOO_BIG  the environment failed (store_errmsg);
 *                the caller rolls back.
 * Temporary memory comes from a and from scratch arenas freed here. */
enum err store_import_apply(struct store_conn *c, struct arena *a, struct import_plan *plan,
			    const struct import_apply_opts *o, struct import_counts *counts);

#endif
