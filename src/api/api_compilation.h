/* api_compilation.h — handlers of the compilation API (between phases 2 and
 * 3: proposals side by side, the heat map, decided needs and measures);
 * their route rows are in api/routes_compilation.def. */
#ifndef EVNE_API_COMPILATION_H
#define EVNE_API_COMPILATION_H

#include "api/api.h"

void api_comp_overview(struct ctx *c);
void api_comp_heatmap(struct ctx *c);
void api_comp_needs_list(struct ctx *c);
void api_comp_need_get(struct ctx *c);
void api_comp_need_create(struct ctx *c);
void api_comp_need_update(struct ctx *c);
void api_comp_need_delete(struct ctx *c);
void api_comp_measures_list(struct ctx *c);
void api_comp_measure_get(struct ctx *c);
void api_comp_measure_create(struct ctx *c);
void api_comp_measure_update(struct ctx *c);
void api_comp_measure_delete(struct ctx *c);

#endif
