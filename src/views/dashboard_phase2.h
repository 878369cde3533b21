/* dashboard_phase2.h — the phase-2 section of the home page's dashboard
 * (domain/indicators_phase2.h): units that submitted proposals, critical
 * needs per strategic goal with the goals no need serves flagged by a word
 * and an icon, and measures by type as a small SVG bar chart, each with the
 * same numbers in a table; the decided figures beside the proposed ones
 * when shown; a row per top-level unit summing its subtree (as phase 1's,
 * views/dashboard.h), each with its units not yet submitted linked to that
 * part of the full list. Over the whole organisation or a leader's units,
 * as the caller gathered them. */
#ifndef EVNE_VIEWS_DASHBOARD_PHASE2_H
#define EVNE_VIEWS_DASHBOARD_PHASE2_H

#include <stdbool.h>
#include "domain/indicators_phase2.h"
#include "html/html.h"

/* A row: a unit and everything below it. */
struct v_dash2_group {
	int64_t unit_id;
	const char *name;
	bool own_only;             /* the unit's own figures only: its sub-units have rows */
	int64_t units;             /* units summed in the row */
	struct ind_phase2 t;       /* over those units (ind_phase2_units: no goal or decided figures) */
};

struct v_dashboard_p2 {
	bool org_wide;             /* the whole organisation; else the leader's units */
	int64_t cycle_id;          /* for the links to the full list */
	const struct v_dash2_group *groups;   /* the rows by subtree; 0: no table */
	int ngroups;
	int more;                  /* rows left out (beyond the page size) */
	const struct ind_p2_goal *goals;   /* the current strategy's goals, counted */
	int ngoals;
	const struct ind_phase2 *total;
	bool with_decided;         /* the decided figures are shown */
	enum decision_status decision;
};

/* A section with an h2 (h3 inside), for the home page under its h1. */
void v_dashboard_phase2(struct html *h, const struct v_dashboard_p2 *d);

#endif
