/* pages_competences.h — handlers of the competence catalogue pages
 * (web/page_competences.c): the catalogue as a tree of areas with their
 * competences and a search, one competence, the forms for areas and
 * competences, and the two scales with their edit forms. Everyone signed in
 * reads (ACT_CYCLE_READ); HR and administrators edit (ACT_STRATEGY_EDIT).
 * Their route rows are in web/routes_competences.def. */
#ifndef EVNE_PAGES_COMPETENCES_H
#define EVNE_PAGES_COMPETENCES_H

#include "web/app.h"

void page_competences(struct ctx *c);
void page_competence_new(struct ctx *c);
void page_competence_create(struct ctx *c);
void page_competence_show(struct ctx *c);
void page_competence_edit(struct ctx *c);
void page_competence_update(struct ctx *c);

void page_competence_area_new(struct ctx *c);
void page_competence_area_create(struct ctx *c);
void page_competence_area_edit(struct ctx *c);
void page_competence_area_update(struct ctx *c);

void page_scales(struct ctx *c);
void page_scale_edit(struct ctx *c);
void page_scale_update(struct ctx *c);
void page_scale_level_add(struct ctx *c);
void page_scale_level_remove(struct ctx *c);

#endif
