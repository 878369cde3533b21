/* rows.h — reading a statement's rows into an arena array through a
 * per-row function, so a store file writes how one row is read and not the
 * growing loop again for every list (discussions.c, prepare.c,
 * proposals.c, ...); and the few shapes the per-unit tables of phases 1
 * and 2 share: a (cycle, unit)'s rows, a list of ids, replacing a
 * (cycle, unit)'s set of ids, rows joined by unit in C.
 * Private to src/store/, like store_int.h. */
#ifndef EVNE_STORE_ROWS_H
#define EVNE_STORE_ROWS_H

#include <stddef.h>
#include <stdint.h>
#include "store/store_int.h"

/* Reads the current row of q into item. */
typedef void store_row_fn(struct store_q *q, struct arena *a, void *item);

/* Reads the rows of q (prepared and bound) into an arena array of
 * elem-sized items, each through row; out is the address of the caller's
 * pointer to the items (any pointer type: written with memcpy, so no cast
 * of the caller's pointer is needed), and it and *n are set also on a
 * failure (the rows read so far). A row function may stop the read by
 * setting q->err. Returns store_q_done(q). */
enum err store_q_rows(struct store_q *q, struct arena *a, size_t elem, store_row_fn *row, void *out, int *n);

/* store_q_rows of q (prepared), whose $1 is a cycle and $2 a unit. */
enum err store_q_unit_rows(struct store_q *q, struct arena *a, int64_t cycle_id, int64_t unit_id,
			   size_t elem, store_row_fn *row, void *out, int *n);

/* Reads the one row of q (bound to an id) into out through row;
 * ERR_NOTFOUND without a row. Returns store_q_done(q) otherwise. */
enum err store_q_one(struct store_q *q, struct arena *a, store_row_fn *row, void *out);

/* Reads column 0 of the row into an int64_t item (a list of ids). */
store_row_fn store_id_row;

/* Runs q (prepared and bound; no rows); ERR_NOTFOUND when it changed no
 * row (an update or delete by id). Returns store_q_done(q) otherwise. */
enum err store_q_exec_found(struct store_q *q);

/* The ids in column 0 of the rows of q (prepared and bound), as
 * store_q_rows. */
enum err store_q_ids(struct store_q *q, struct arena *a, int64_t **ids, int *n);

/* Replaces the set of ids of (cycle, unit): runs clear ($1 cycle, $2 unit)
 * and then add ($1, $2, $3 an id) for each of ids[0..n), stopping at the
 * first failure; both prepared by the caller (SQL constants stay at their
 * table). Inside the caller's write transaction, so a failure leaves the
 * old set. */
enum err store_unit_ids_replace(struct store_q *clear, struct store_q *add, int64_t cycle_id, int64_t unit_id,
				const int64_t *ids, int n);

/* An index of k rows by their unit, for adding counts that one grouped
 * statement reads for many units to the rows in C (a join by unit that
 * SQL would pay per row). */
struct store_unit_index {
	int64_t unit_id;
	int i;   /* index in the rows */
};

/* Sorted by unit: the unit ids of rows[0..k), elem-sized items with an
 * int64_t unit id at offset id_at. NULL over the arena's cap. */
struct store_unit_index *store_unit_index(struct arena *a, const void *rows, size_t elem, size_t id_at, int k);

/* The index in the rows of the row of unit_id; -1 when it has none. */
int store_unit_index_find(const struct store_unit_index *at, int k, int64_t unit_id);

#endif
