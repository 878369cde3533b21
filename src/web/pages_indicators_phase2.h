/* pages_indicators_phase2.h — the phase-2 section of the home page's
 * dashboard, built for the actor from the rows both phases share
 * (web/indicator_rows.h) by web/page_indicators_phase2.c; it has no route
 * of its own: the dashboard (web/page_indicators.c) puts it under phase 1's. */
#ifndef EVNE_PAGES_INDICATORS_PHASE2_H
#define EVNE_PAGES_INDICATORS_PHASE2_H

#include "web/app.h"
#include "web/indicator_rows.h"

struct v_dashboard_p2;

/* The phase-2 section over the rows r (their totals, goals and decided set
 * as loaded), with the first shown rows of g by subtree. *out NULL when r
 * holds no unit and is not organisation-wide (a leader of none). */
enum err page_p2_dashboard(struct ctx *c, int64_t cycle_id, const struct ind_rows *r,
			   const struct ind_row_groups *g, int shown, const struct v_dashboard_p2 **out);

#endif
