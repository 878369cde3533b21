/* api_indicators_phase2.h — the "phase2" objects of GET
 * /api/v1/cycles/{id}/indicators (api/prepare.c answers the request): the
 * organisation's or the scope's figures, and one unit's. Shapes in
 * docs/api.md. */
#ifndef EVNE_API_INDICATORS_PHASE2_H
#define EVNE_API_INDICATORS_PHASE2_H

#include <stdbool.h>
#include "api/api.h"
#include "base/json.h"
#include "store/indicators_phase2.h"

/* The report for the request: unit_id (?unit=) alone, else every unit when
 * org_wide, else the actor's scope; the decided working set only over every
 * unit and for those who may read the compilation. */
enum err api_p2_report(struct ctx *c, int64_t cycle_id, int64_t unit_id, bool org_wide,
		       struct p2_report *out);
/* Writes "phase2": {...} for the whole report. */
void api_p2_total(struct jw *w, const struct p2_report *r);
/* Writes "phase2": {...} for unit unit_id of the report (nothing when the
 * report does not hold it). */
void api_p2_unit(struct jw *w, const struct p2_report *r, int64_t unit_id, int hint);

#endif
