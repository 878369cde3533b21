/* audit.h — what changed, as the JSON the audit log keeps:
 * {"field": [before, after], ...} with only the fields that differ (all
 * fields on create, before = null; on delete, after = null). */
#ifndef EVNE_AUDIT_H
#define EVNE_AUDIT_H

#include "base/buf.h"
#include "domain/types.h"

void audit_unit_changes(struct buf *b, const struct unit *before, const struct unit *after);
void audit_person_changes(struct buf *b, const struct person *before, const struct person *after);
/* True when the JSON written by the functions above holds no change ("{}"). */
int audit_is_empty(const struct buf *b);

#endif
