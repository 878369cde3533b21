/* pages_indicators.h — the cycle's indicators on pages (web/page_indicators.c):
 * the home page's dashboard (totals, charts, goal coverage, and a row per
 * top-level unit summing its subtree) and GET /cycles/{id}/indicators, the
 * full list per unit, paged and filtered (routes in
 * web/routes_indicators.def). */
#ifndef EVNE_PAGES_INDICATORS_H
#define EVNE_PAGES_INDICATORS_H

#include "web/app.h"

struct cycle;
struct v_dashboard;

/* The dashboard of cycle cy for the actor; *out NULL when they read no
 * indicators (an employee, a leader of no unit). */
enum err page_ind_dashboard(struct ctx *c, const struct cycle *cy, const struct v_dashboard **out);

/* GET /cycles/{id}/indicators[?unit=ID][&status=NAME][&page=N] */
void page_cycle_indicators(struct ctx *c);

#endif
