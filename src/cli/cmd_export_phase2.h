/* cmd_export_phase2.h — the reading half of `evne export needs|strategy`:
 * finds the cycle, reads the proposed needs (with the codes of their units,
 * competences and goals) or a published version of the decided competence
 * strategy, and builds the table io/export.h writes. cmd_export.c parses the
 * options and writes the file. */
#ifndef EVNE_CLI_CMD_EXPORT_PHASE2_H
#define EVNE_CLI_CMD_EXPORT_PHASE2_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "base/arena.h"
#include "i18n/i18n.h"
#include "io/export.h"
#include "store/store.h"

struct export_phase2_args {
	const char *cycle;          /* --cycle: the cycle's id, or its name ("2027") */
	int64_t version;            /* --version: 0 for the latest */
	enum export_part part;      /* --part; EXPORT_PART_ALL when not given */
	enum lang lang;
};

/* An array read page by page from the store: v holds len elements, room
 * for cap. */
struct export_pages {
	void *v;
	int len, cap;
};
/* Appends the got elements of size bytes at page, growing l->v in a;
 * false when out of memory. */
bool export_pages_add(struct arena *a, struct export_pages *l, const void *page, int got, size_t size);

/* Reads in one read transaction on c (begun by the caller) what kind
 * (EXPORT_NEEDS or EXPORT_STRATEGY) needs and builds *t in a. 0, or 1 after
 * printing why on stderr: no such cycle, no published version (or not that
 * number), a store failure. */
int export_phase2_load(struct store_conn *c, struct arena *a, enum export_kind kind,
		       const struct export_phase2_args *args, struct export_table *t);

#endif
