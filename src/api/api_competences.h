/* api_competences.h — JSON handlers of the competence catalogue
 * (api/competences.c); their route rows are in api/routes_competences.def.
 * Reading is for everyone signed in (ACT_CYCLE_READ), writing for HR and
 * administrators (ACT_STRATEGY_EDIT). */
#ifndef EVNE_API_COMPETENCES_H
#define EVNE_API_COMPETENCES_H

#include "api/api.h"

void api_competences_list(struct ctx *c);
void api_competence_get(struct ctx *c);
void api_competence_create(struct ctx *c);
void api_competence_update(struct ctx *c);
void api_competence_delete(struct ctx *c);
void api_competence_areas(struct ctx *c);
void api_scales(struct ctx *c);

#endif
