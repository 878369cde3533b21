/* phase2.h (store) — the two states every phase-2 write asks first: is the
 * unit's proposal still open for the leader (unit_discussions.status), and
 * is the cycle's decision still being compiled (decisions.status)? A unit or
 * cycle with no row yet is a draft / compiling. Call inside the write
 * transaction that then changes things, so the answer holds until commit. */
#ifndef EVNE_STORE_PHASE2_H
#define EVNE_STORE_PHASE2_H

#include <stdint.h>
#include "base/err.h"
#include "domain/phase2.h"
#include "store/store.h"

enum err store_proposal_status(struct store_conn *c, int64_t cycle_id, int64_t unit_id,
			       enum proposal_status *out);
enum err store_decision_status(struct store_conn *c, int64_t cycle_id, enum decision_status *out);

#endif
