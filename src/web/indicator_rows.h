/* indicator_rows.h — the cycle's indicators per unit for the actor, both
 * phases side by side (web/indicator_rows.c): what the home page's rows by
 * subtree and the full list (GET /cycles/{id}/indicators) are built from.
 * One read of each phase's store rows per request; the units are those the
 * actor reads (HR, admin, top management and representatives every unit;
 * a leader the units they lead and those below), by name in Norwegian
 * order. */
#ifndef EVNE_WEB_INDICATOR_ROWS_H
#define EVNE_WEB_INDICATOR_ROWS_H

#include <stdbool.h>
#include "domain/indicator_units.h"
#include "store/indicators_phase2.h"
#include "store/prepare.h"
#include "web/app.h"

struct ind_rows {
	bool org_wide;             /* every unit; else the actor's scope */
	int nsteps;                /* the checklist's length */
	int n;
	const struct prep_unit_row **p1;   /* [n] phase 1's row of each unit */
	const struct ind_p2_unit **p2;     /* [n] phase 2's row, NULL when missing */
	struct ind_node *nodes;    /* [n] ids and parents */
	struct ind_phase1 total1;  /* phase 1 over the n units */
	struct p2_report report;   /* phase 2 over them: totals, goals, the decided set if allowed */
};

/* The home page's rows by subtree (domain/indicator_units.h) over the
 * units of an ind_rows: the plan, and the units' indexes grouped by row. */
struct ind_row_groups {
	struct ind_groups plan;
	int *order;                /* [n] indexes into the ind_rows, row by row, by name within */
	int *start;                /* [plan.n + 1] row g holds order[start[g] .. start[g + 1]) */
};

/* The actor reads every unit's indicators (ACT_INDICATORS_READ unscoped). */
bool ind_rows_org_wide(const struct actor *a);

/* The rows of cycle_id for the actor; n 0 for one who reads none (an
 * employee, a leader of no unit). with_decided asks for the decided working
 * set (given only to the organisation-wide who read the compilation). */
enum err ind_rows_load(struct ctx *c, int64_t cycle_id, bool with_decided, struct ind_rows *out);

/* Groups the rows by subtree. */
enum err ind_rows_group(struct arena *a, const struct ind_rows *r, struct ind_row_groups *out);

#endif
