/* id_index.c — sorted (id, position) pairs; see id_index.h. */
#include "io/id_index.h"

#include <stdlib.h>

static int id_pos_cmp(const void *pa, const void *pb)
{
	const struct id_pos *a = pa, *b = pb;
	return (a->id > b->id) - (a->id < b->id);
}

struct id_pos *id_index(struct arena *a, int n, int64_t (*id_at)(const void *v, int i), const void *v)
{
	struct id_pos *ix = arena_alloc(a, (size_t)(n > 0 ? n : 1) * sizeof *ix);
	if (!ix)
		return NULL;
	for (int i = 0; i < n; i++)
		ix[i] = (struct id_pos){ id_at(v, i), i };
	qsort(ix, (size_t)n, sizeof *ix, id_pos_cmp);
	return ix;
}

int id_index_find(const struct id_pos *ix, int n, int64_t id)
{
	if (id == 0 || n == 0)
		return -1;
	struct id_pos key = { id, 0 };
	const struct id_pos *hit = bsearch(&key, ix, (size_t)n, sizeof *ix, id_pos_cmp);
	return hit ? hit->pos : -1;
}
