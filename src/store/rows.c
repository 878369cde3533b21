/* rows.c — the growing loop behind store_q_rows and the one-row read. */
#include "store/rows.h"

#include <string.h>

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

enum err store_q_one(struct store_q *q, struct arena *a, store_row_fn *row, void *out)
{
	if (store_q_row(q))
		row(q, a, out);
	else if (!q->err)
		q->err = ERR_NOTFOUND;
	return store_q_done(q);
}
