/* pages_prepare.h — handlers of the prepare pages (phase 1, the leader's
 * preparation); their route rows are in web/routes_prepare.def. */
#ifndef EVNE_PAGES_PREPARE_H
#define EVNE_PAGES_PREPARE_H

#include "web/app.h"

void page_prepare_index(struct ctx *c);
void page_prepare_unit(struct ctx *c);
void page_prepare_step(struct ctx *c);
void page_prepare_notes(struct ctx *c);
void page_prepare_need_add(struct ctx *c);
void page_prepare_need_edit(struct ctx *c);
void page_prepare_need_update(struct ctx *c);
void page_prepare_need_delete(struct ctx *c);
void page_prepare_pack(struct ctx *c);
void page_prepare_send_confirm(struct ctx *c);
void page_prepare_send(struct ctx *c);

/* The home page's indicator dashboard of cycle cy for the actor: the whole
 * organisation with a row per unit for HR, admin, top management and
 * representatives, the units they lead for leaders; *out NULL for anyone
 * else. Phase 2's section hangs below it (web/pages_indicators_phase2.h). */
struct cycle;
struct v_dashboard;
enum err page_prepare_dashboard(struct ctx *c, const struct cycle *cy, const struct v_dashboard **out);

#endif
