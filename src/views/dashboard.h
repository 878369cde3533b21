/* dashboard.h — the home page's indicator dashboard: the measured desired
 * results of the open cycle (for now phase 1's: leaders prepared, employees
 * who confirmed reading) as an SVG bar chart with the same numbers in a
 * table beside it ("1 av 12", "8 %", "–" for 0 of 0), organisation-wide for
 * HR with a row per top-level unit (each summing its subtree), or over the
 * units a leader leads with a row per unit they lead highest up
 * (domain/indicator_units.h); then a link to every unit's row, the full
 * list (views/indicator_list.h). */
#ifndef EVNE_VIEWS_DASHBOARD_H
#define EVNE_VIEWS_DASHBOARD_H

#include <stdbool.h>
#include <stdint.h>
#include "domain/indicators.h"
#include "html/html.h"

struct v_dashboard_p2;

/* A row: a unit and everything below it. */
struct v_dash_unit {
	int64_t unit_id;
	const char *name;
	bool own_only;             /* the unit's own figures only: its sub-units have rows */
	int64_t units;             /* units summed in the row */
	struct ind_phase1 p;
};

struct v_dashboard {
	int64_t cycle_id;
	const char *cycle_name;
	bool org_wide;             /* the whole organisation; else the leader's units */
	struct ind_phase1 total;
	const struct v_dash_unit *units;   /* the rows by subtree; n 0: none shown */
	int n;
	int more;                  /* rows left out (beyond the page size), found in the full list */
	bool can_prepare;          /* link to the cycle's preparation list */
	const struct v_dashboard_p2 *phase2;   /* phase 2's section after it (views/dashboard_phase2.h), or NULL */
};

/* A section with an h2, meant for the home page under its h1. */
void v_dashboard(struct html *h, const struct v_dashboard *d);

#endif
