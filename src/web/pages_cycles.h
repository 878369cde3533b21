/* pages_cycles.h — handlers of the yearly cycle pages (web/page_cycles.c);
 * their route rows are in web/routes_cycles.def. Reading needs
 * ACT_CYCLE_READ (everyone signed in); every write and every form needs
 * ACT_CYCLE_EDIT (HR and admins), which the router checks. */
#ifndef EVNE_PAGES_CYCLES_H
#define EVNE_PAGES_CYCLES_H

#include "web/app.h"

void page_cycles(struct ctx *c);
void page_cycle_new(struct ctx *c);
void page_cycle_create(struct ctx *c);
void page_cycle_show(struct ctx *c);
void page_cycle_edit(struct ctx *c);
void page_cycle_update(struct ctx *c);
void page_cycle_open_confirm(struct ctx *c);
void page_cycle_open(struct ctx *c);
void page_cycle_close_confirm(struct ctx *c);
void page_cycle_close(struct ctx *c);
void page_phase_texts(struct ctx *c);
void page_phase_texts_update(struct ctx *c);

/* Today in Europe/Oslo as ISO text ("2026-11-28") from the request's clock,
 * in the request arena; for the annual wheel on the home page too. */
const char *page_cycles_today(struct ctx *c);

#endif
