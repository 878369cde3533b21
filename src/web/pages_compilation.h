/* pages_compilation.h — handlers of the compilation pages (between phases 2
 * and 3: all proposals side by side, the heat map, decided needs and
 * measures with their lineage); their route rows are in
 * web/routes_compilation.def. */
#ifndef EVNE_PAGES_COMPILATION_H
#define EVNE_PAGES_COMPILATION_H

#include "web/app.h"

void page_comp_overview(struct ctx *c);
void page_comp_heatmap(struct ctx *c);
void page_comp_need_new(struct ctx *c);
void page_comp_need_create(struct ctx *c);
void page_comp_need_show(struct ctx *c);
void page_comp_need_edit(struct ctx *c);
void page_comp_need_update(struct ctx *c);
void page_comp_need_delete_confirm(struct ctx *c);
void page_comp_need_delete(struct ctx *c);
void page_comp_need_source_add(struct ctx *c);
void page_comp_need_source_remove(struct ctx *c);
void page_comp_measure_new(struct ctx *c);
void page_comp_measure_create(struct ctx *c);
void page_comp_measure_show(struct ctx *c);
void page_comp_measure_edit(struct ctx *c);
void page_comp_measure_update(struct ctx *c);
void page_comp_measure_delete_confirm(struct ctx *c);
void page_comp_measure_delete(struct ctx *c);
void page_comp_measure_source_add(struct ctx *c);
void page_comp_measure_source_remove(struct ctx *c);

#endif
