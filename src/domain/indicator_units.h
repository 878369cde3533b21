/* indicator_units.h — which units the indicator tables show and how they
 * are grouped, as pure rules on the unit tree (ids and parents) and the
 * counts per unit (domain/indicators.h, domain/indicators_phase2.h). No I/O.
 *
 * - The home page's rows are the top units of the units shown (those whose
 *   parent is not shown: the organisation's root, or each unit a leader
 *   leads highest up), each summing its whole subtree. When that leaves
 *   one row with sub-units under it (one root, or a leader of one unit),
 *   it is split: the unit's own figures first, then a row per sub-unit with
 *   its subtree (the divisions). So the rows always add up to the total.
 * - The full list filters by a subtree (a unit and everything below it) and
 *   by a status a unit is chased for (phase 1: not prepared, reading not
 *   confirmed; phase 2: proposal not submitted, returned). */
#ifndef EVNE_INDICATOR_UNITS_H
#define EVNE_INDICATOR_UNITS_H

#include <stdbool.h>
#include <stdint.h>
#include "base/arena.h"
#include "domain/indicators.h"
#include "domain/indicators_phase2.h"

/* A unit shown: its id and its parent's (0: top of the tree). */
struct ind_node {
	int64_t id;
	int64_t parent_id;
};

/* The rows of the home page over nodes[0..n). */
struct ind_groups {
	int n;                 /* rows */
	int64_t *head;         /* [n] the unit heading each row */
	bool *own_only;        /* [n] the head's own figures only (its sub-units have rows) */
	int *row_of;           /* [nodes] the row each node adds to */
};

/* Plans the rows (rules above) over nodes[0..n), a set closed under
 * sub-units; rows in the order of nodes (give them by name). false when
 * out of memory. */
bool ind_groups_plan(struct arena *a, const struct ind_node *nodes, int n, struct ind_groups *out);

/* in[i] = nodes[i] is root_id or below it (the walk up stops at a parent not
 * in nodes). Returns how many are, -1 when out of memory. */
int ind_subtree(struct arena *a, const struct ind_node *nodes, int n, int64_t root_id, bool *in);

/* has_children[i] = some node of nodes[0..n) has nodes[i] as its parent.
 * false when out of memory. */
bool ind_mark_parents(struct arena *a, const struct ind_node *nodes, int n, bool *has_children);

/* The indexes in nodes of unit_id and of its ancestors among nodes, top
 * first, into path[0..max); how many (0 when unit_id is not in nodes), -1
 * when out of memory. */
int ind_path(struct arena *a, const struct ind_node *nodes, int n, int64_t unit_id, int *path, int max);

/* The statuses the full list filters by (stored in the query as the names
 * below). */
enum ind_status_filter {
	IND_FILTER_ALL = 0,
	IND_FILTER_NOT_PREPARED,   /* a unit with a leader whose checklist is not complete */
	IND_FILTER_READING_OPEN,   /* employees who have not confirmed reading everything */
	IND_FILTER_NOT_SUBMITTED,  /* expected to submit, proposal not submitted */
	IND_FILTER_RETURNED,       /* proposal sent back to the unit */
	IND_FILTER_SUBMITTED,      /* proposal submitted */
	IND_FILTER_COUNT
};
/* "" for all, "not_prepared", "reading_open", "not_submitted", "returned", "submitted". */
const char *ind_status_filter_name(enum ind_status_filter f);
/* NULL or "" is IND_FILTER_ALL; false for an unknown name. */
bool ind_status_filter_parse(const char *s, enum ind_status_filter *out);
/* The unit (phase-1 counts c1 with nsteps checklist steps, phase-2 row u2,
 * NULL when unknown) passes filter f. */
bool ind_status_match(enum ind_status_filter f, const struct ind_unit_counts *c1, int nsteps,
		      const struct ind_p2_unit *u2);

/* Pages of page_size rows: how many pages n rows fill (at least 1). */
int ind_page_count(int n, int page_size);

#endif
