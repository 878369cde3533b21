/* pages_strategy.h — handlers of the strategy pages and the unit goal pages
 * (web/page_strategy.c); their route rows are in web/routes_strategy.def.
 * Reading needs ACT_CYCLE_READ (everyone signed in, representatives too);
 * the strategy is edited by HR (ACT_STRATEGY_EDIT), unit goals by HR or a
 * leader of the unit (ACT_GOALS_EDIT, asked again with the unit). Items
 * (main goals, strategic goals, indicators, values) are addressed by their
 * row id; only rows of a draft in a cycle that is not closed may change
 * (409 otherwise). */
#ifndef EVNE_PAGES_STRATEGY_H
#define EVNE_PAGES_STRATEGY_H

#include "web/app.h"

void page_strategy_show(struct ctx *c);          /* GET  /cycles/{id}/strategy */
void page_strategy_versions(struct ctx *c);      /* GET  /cycles/{id}/strategy/versions */
void page_strategy_version(struct ctx *c);       /* GET  /cycles/{id}/strategy/versions/{n} */
void page_strategy_edit(struct ctx *c);          /* GET  /cycles/{id}/strategy/edit */
void page_strategy_update(struct ctx *c);        /* POST /cycles/{id}/strategy/edit */
void page_strategy_draft(struct ctx *c);         /* POST /cycles/{id}/strategy/draft */
void page_strategy_publish_confirm(struct ctx *c);   /* GET  /cycles/{id}/strategy/publish */
void page_strategy_publish(struct ctx *c);       /* POST /cycles/{id}/strategy/publish */

void page_main_goal_new(struct ctx *c);          /* GET/POST /cycles/{id}/strategy/main-goals/new */
void page_main_goal_create(struct ctx *c);
void page_main_goal_edit(struct ctx *c);         /* GET/POST /strategy/main-goals/{id}/edit */
void page_main_goal_update(struct ctx *c);
void page_main_goal_delete_confirm(struct ctx *c);   /* GET/POST /strategy/main-goals/{id}/delete */
void page_main_goal_delete(struct ctx *c);
void page_goal_new(struct ctx *c);               /* GET/POST /strategy/main-goals/{id}/goals/new */
void page_goal_create(struct ctx *c);
void page_goal_edit(struct ctx *c);              /* GET/POST /strategy/goals/{id}/edit */
void page_goal_update(struct ctx *c);
void page_goal_delete_confirm(struct ctx *c);    /* GET/POST /strategy/goals/{id}/delete */
void page_goal_delete(struct ctx *c);
void page_indicator_new(struct ctx *c);          /* GET/POST /strategy/goals/{id}/indicators/new */
void page_indicator_create(struct ctx *c);
void page_indicator_edit(struct ctx *c);         /* GET/POST /strategy/indicators/{id}/edit */
void page_indicator_update(struct ctx *c);
void page_indicator_delete_confirm(struct ctx *c);   /* GET/POST /strategy/indicators/{id}/delete */
void page_indicator_delete(struct ctx *c);
void page_value_new(struct ctx *c);              /* GET/POST /strategy/indicators/{id}/values/new */
void page_value_create(struct ctx *c);
void page_value_edit(struct ctx *c);             /* GET/POST /strategy/indicator-values/{id}/edit */
void page_value_update(struct ctx *c);
void page_value_delete_confirm(struct ctx *c);   /* GET/POST /strategy/indicator-values/{id}/delete */
void page_value_delete(struct ctx *c);

void page_unit_goals(struct ctx *c);             /* GET  /units/{id}/goals[?cycle=ID] */
void page_unit_goal_new(struct ctx *c);          /* GET/POST /units/{id}/goals/new[?cycle=ID] */
void page_unit_goal_create(struct ctx *c);
void page_unit_goal_edit(struct ctx *c);         /* GET/POST /unit-goals/{id}/edit */
void page_unit_goal_update(struct ctx *c);
void page_unit_goal_delete_confirm(struct ctx *c);   /* GET/POST /unit-goals/{id}/delete */
void page_unit_goal_delete(struct ctx *c);

#endif
