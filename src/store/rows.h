/* rows.h — reading a statement's rows into an arena array through a
 * per-row function, so a store file writes how one row is read and not the
 * growing loop again for every list (phase 2's discussions.c, proposals.c).
 * Private to src/store/, like store_int.h. */
#ifndef EVNE_STORE_ROWS_H
#define EVNE_STORE_ROWS_H

#include <stddef.h>
#include "store/store_int.h"

/* Reads the current row of q into item. */
typedef void store_row_fn(struct store_q *q, struct arena *a, void *item);

/* Reads the rows of q (prepared and bound) into an arena array of
 * elem-sized items, each through row; out is the address of the caller's
 * pointer to the items (any pointer type: written with memcpy, so no cast
 * of the caller's pointer is needed), and it and *n are set also on a
 * failure (the rows read so far). Returns store_q_done(q). */
enum err store_q_rows(struct store_q *q, struct arena *a, size_t elem, store_row_fn *row, void *out, int *n);

/* Reads the one row of q (bound to an id) into out through row;
 * ERR_NOTFOUND without a row. Returns store_q_done(q) otherwise. */
enum err store_q_one(struct store_q *q, struct arena *a, store_row_fn *row, void *out);

#endif
