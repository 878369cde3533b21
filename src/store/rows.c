/* rows.c — the growing loop behind store_q_rows, the one-row read, and the
 * per-unit shapes of rows.h. */
#include "store/rows.h"

#include <stdlib.h>
#include <string.h>
#include "base/arena.h"

enum err store_q_rows(struct store_q *q, struct arena *a, size_t elem, store_row_fn *row, void *out, int *n)
{
	char *v = NULL;
	int k = 0, cap = 0;
	while (store_q_row(q)) {
		if (!(v = store_grow(a, v, k, &cap, elem))) {
			q->err = ERR_TOO_BIG;
			break;
		}
		row(q, a, v + elem * (size_t)k++);
	}
	memcpy(out, &v, sizeof v);
	*n = k;
	return store_q_done(q);
}

enum err store_q_unit_rows(struct store_q *q, struct arena *a, int64_t cycle_id, int64_t unit_id,
			   size_t elem, store_row_fn *row, void *out, int *n)
{
	store_q_int(q, 1, cycle_id);
	store_q_int(q, 2, unit_id);
	return store_q_rows(q, a, elem, row, out, n);
}

enum err store_q_one(struct store_q *q, struct arena *a, store_row_fn *row, void *out)
{
	if (store_q_row(q))
		row(q, a, out);
	else if (!q->err)
		q->err = ERR_NOTFOUND;
	return store_q_done(q);
}

enum err store_q_exec_found(struct store_q *q)
{
	int64_t k = 0;
	store_q_exec(q, &k);
	enum err e = store_q_done(q);
	return e ? e : k ? OK : ERR_NOTFOUND;
}

void store_id_row(struct store_q *q, struct arena *a, void *item)
{
	(void)a;
	*(int64_t *)item = store_q_col_int(q, 0);
}

enum err store_q_ids(struct store_q *q, struct arena *a, int64_t **ids, int *n)
{
	return store_q_rows(q, a, sizeof **ids, store_id_row, ids, n);
}

enum err store_unit_ids_replace(struct store_q *clear, struct store_q *add, int64_t cycle_id, int64_t unit_id,
				const int64_t *ids, int n)
{
	store_q_int(clear, 1, cycle_id);
	store_q_int(clear, 2, unit_id);
	store_q_exec(clear, NULL);
	enum err e = store_q_done(clear);
	/* add runs once per id: store_q_done resets it for the next bindings */
	for (int i = 0; i < n && !e; i++) {
		store_q_int(add, 1, cycle_id);
		store_q_int(add, 2, unit_id);
		store_q_int(add, 3, ids[i]);
		store_q_exec(add, NULL);
		e = store_q_done(add);
	}
	return e;
}

static int cmp_unit_index(const void *pa, const void *pb)
{
	const struct store_unit_index *a = pa, *b = pb;
	return (a->unit_id > b->unit_id) - (a->unit_id < b->unit_id);
}

struct store_unit_index *store_unit_index(struct arena *a, const void *rows, size_t elem, size_t id_at, int k)
{
	struct store_unit_index *at = arena_alloc(a, sizeof *at * (size_t)k);
	if (!at)
		return NULL;
	const char *p = rows;
	for (int i = 0; i < k; i++) {
		int64_t id;
		memcpy(&id, p + elem * (size_t)i + id_at, sizeof id);
		at[i] = (struct store_unit_index){ id, i };
	}
	qsort(at, (size_t)k, sizeof *at, cmp_unit_index);
	return at;
}

int store_unit_index_find(const struct store_unit_index *at, int k, int64_t unit_id)
{
	struct store_unit_index key = { unit_id, 0 };
	const struct store_unit_index *f = bsearch(&key, at, (size_t)k, sizeof *at, cmp_unit_index);
	return f ? f->i : -1;
}
