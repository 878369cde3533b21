/* id_index.h — id -> position lookups for the export builders and readers
 * (io/export.c, cli/cmd_export_phase2.c): the ids of an array as sorted
 * (id, position) pairs, found again by binary search, so looking up a
 * parent unit, a leader or a competence costs log n rather than a scan. */
#ifndef EVNE_IO_ID_INDEX_H
#define EVNE_IO_ID_INDEX_H

#include <stdint.h>
#include "base/arena.h"

struct id_pos {
	int64_t id;
	int pos;
};

/* An index of the n ids id_at(v, i) reads; NULL when out of memory. */
struct id_pos *id_index(struct arena *a, int n, int64_t (*id_at)(const void *v, int i), const void *v);
/* The position of id in the index of n, -1 when absent (or id is 0). */
int id_index_find(const struct id_pos *ix, int n, int64_t id);

#endif
