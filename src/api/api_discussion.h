/* api_discussion.h — JSON handlers of phase 2's unit discussion; their route
 * rows are in api/routes_discussion.def and their shapes in docs/api.md. */
#ifndef EVNE_API_DISCUSSION_H
#define EVNE_API_DISCUSSION_H

#include "api/api.h"

void api_disc_list(struct ctx *c);
void api_disc_get(struct ctx *c);
void api_disc_update(struct ctx *c);      /* PATCH meeting fields, notes, attendance */
void api_disc_suggest(struct ctx *c);     /* POST .../suggestions {"body": ...} */
void api_disc_unsuggest(struct ctx *c);   /* DELETE .../suggestions/{suggestion_id} */

#endif
