/* decision_ops.h — the writes of the decision, shared by the web pages
 * (web/page_decision.c) and the API (api/decision.c) so both faces apply
 * the same checks in the same order: the state and the actor's right asked
 * inside the write transaction (two clicks cannot both succeed), every
 * field checked before anything is written, then one audit row per change.
 * Each *_write function is a ctx_write callback. */
#ifndef EVNE_WEB_DECISION_OPS_H
#define EVNE_WEB_DECISION_OPS_H

#include <stdbool.h>
#include <stdint.h>
#include "domain/cycle.h"
#include "domain/decision.h"
#include "store/decision.h"
#include "web/app.h"

/* The cycle of the path ("id"): ERR_NOTFOUND when there is none. */
enum err dec_load_cycle(struct ctx *c, struct cycle *cy);
/* The cycle and the consultation of the path ("cid"); the consultation
 * must be the cycle's. */
enum err dec_load_consultation(struct ctx *c, struct cycle *cy, struct consultation *k);

/* ---- the four actions ---- */

struct dec_transition {
	int64_t cycle_id;
	enum decision_op op;
	const char *comment;          /* trimmed; NULL or "" when none */
	struct field_errors fe;
	enum decision_refusal refusal;   /* ERR_CONFLICT: why */
	enum decision_status status;     /* as assessed */
	int64_t number;               /* publish: the version written */
};

/* The comment's field name in forms and JSON ("note" for publish). */
const char *dec_comment_field(enum decision_op op);
/* The state, the counts and the refusal as they are now (in or out of a
 * transaction) for t->op with comment (a GET asks with a stand-in). */
enum err dec_assess(struct ctx *c, struct dec_transition *t, struct decision *d,
		    struct decision_counts *k, const char *comment);
/* Applies t->op (publish also writes the next version): ERR_FORBIDDEN for
 * a role that may not, ERR_CONFLICT when the state forbids it, ERR_INVALID
 * with t->fe for a bad comment. */
enum err dec_transition_write(struct ctx *c, void *arg);

/* ---- consultations ---- */

enum { DEC_K_HELD_ON, DEC_K_PARTICIPANTS, DEC_K_MINUTES, DEC_K_COUNT };

struct dec_consult_job {
	int64_t cycle_id;
	int64_t id;                   /* 0: create */
	bool remove;
	const char *in[DEC_K_COUNT];  /* as given (NULL: none) */
	bool keep[DEC_K_COUNT];       /* change only: keep the stored value */
	struct field_errors fe;
	enum decision_status status;  /* ERR_CONFLICT: the decision's state */
};

/* Whether consultations take changes now (ERR_CONFLICT while the decision
 * awaits approval or is approved); *s gets the decision's state. */
enum err dec_consult_writable(struct ctx *c, int64_t cycle_id, enum decision_status *s);
/* Creates, changes or deletes the consultation of a struct dec_consult_job;
 * j->id is the new one's after a create. */
enum err dec_consult_write(struct ctx *c, void *arg);

#endif
