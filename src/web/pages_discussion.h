/* pages_discussion.h — handlers of the discussion pages (phase 2, the unit's
 * competence discussion); their route rows are in web/routes_discussion.def. */
#ifndef EVNE_PAGES_DISCUSSION_H
#define EVNE_PAGES_DISCUSSION_H

#include "web/app.h"

void page_disc_index(struct ctx *c);
void page_disc_unit(struct ctx *c);
void page_disc_meeting(struct ctx *c);
void page_disc_notes(struct ctx *c);
void page_disc_attendance(struct ctx *c);
void page_disc_suggest(struct ctx *c);
void page_disc_suggestion_delete_confirm(struct ctx *c);
void page_disc_suggestion_delete(struct ctx *c);

#endif
