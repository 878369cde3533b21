/* api_needs.h — the top-level collections /api/v1/needs and
 * /api/v1/measures: the critical competence needs and the measures the
 * units propose in phase 2, across units and cycles, with filters and
 * cursor paging, and their writes by id. Each write is the same job as the
 * nested routes under /api/v1/cycles/{id}/proposals/{unit_id} (api/
 * proposals.c, web/proposal_write.c): the same checks and answers. Route
 * rows in api/routes_needs.def, shapes in docs/api.md. */
#ifndef EVNE_API_NEEDS_H
#define EVNE_API_NEEDS_H

#include "api/api.h"

/* ?cycle=, ?unit=, ?status=, ?competence=, ?goal=, ?cursor=, ?limit= */
void api_needs_list(struct ctx *c);
void api_need_get(struct ctx *c);
void api_need_create(struct ctx *c);    /* the body names cycle_id and unit_id */
void api_need_update(struct ctx *c);    /* PATCH: the members given */
void api_need_delete(struct ctx *c);

/* ?cycle=, ?unit=, ?status=, ?kind=, ?need=, ?cursor=, ?limit= */
void api_measures_list(struct ctx *c);
void api_measure_get(struct ctx *c);
void api_measure_create(struct ctx *c);
void api_measure_update(struct ctx *c);
void api_measure_delete(struct ctx *c);

#endif
