/* prepare.h (store) — storage of phase 1's preparation per cycle and unit
 * (schema 005_preparation): the checklist ticks, the notes on likely goals,
 * the draft competence needs, the chosen document pack and when it was
 * sent; plus the counts the phase-1 indicators are computed from. Writes
 * run inside the caller's write transaction (ctx_write) and check nothing
 * about permissions or the cycle's state: the callers apply
 * domain/prepare.h first. Strings and arrays returned are in the arena a. */
#ifndef EVNE_STORE_PREPARE_H
#define EVNE_STORE_PREPARE_H

#include <stdbool.h>
#include <stdint.h>
#include "base/arena.h"
#include "base/err.h"
#include "domain/documents.h"
#include "domain/indicators.h"
#include "domain/prepare.h"
#include "store/store.h"

/* The unit's record; OK with likely_goals "" and the rest 0 when nothing
 * has been written yet. */
enum err store_prep_get(struct store_conn *c, struct arena *a, int64_t cycle_id, int64_t unit_id,
			struct preparation *out);
/* Sets the notes (creating the record when missing). */
enum err store_prep_notes_set(struct store_conn *c, int64_t cycle_id, int64_t unit_id,
			      const char *likely_goals, int64_t user_id, int64_t now);
/* Records that the pack went to people people (creating the record). */
enum err store_prep_pack_sent(struct store_conn *c, int64_t cycle_id, int64_t unit_id,
			      int64_t user_id, int64_t now, int64_t people);

/* The ticks, by step; ticked_by_name set. */
enum err store_prep_ticks(struct store_conn *c, struct arena *a, int64_t cycle_id, int64_t unit_id,
			  struct prep_tick **out, int *n);
/* Ticks a step; *changed false when it was ticked already. */
enum err store_prep_tick(struct store_conn *c, int64_t cycle_id, int64_t unit_id, int step,
			 const char *step_text, int64_t user_id, int64_t now, bool *changed);
/* Unticks a step; *changed false when it was not ticked; *text (in a, may be
 * NULL) gets the text the step was ticked with. */
enum err store_prep_untick(struct store_conn *c, struct arena *a, int64_t cycle_id, int64_t unit_id,
			   int step, bool *changed, char **text);

/* Draft needs of the unit in the cycle, by position; created_by_name set. */
enum err store_prep_needs(struct store_conn *c, struct arena *a, int64_t cycle_id, int64_t unit_id,
			  struct prep_need **out, int *n);
enum err store_prep_need_get(struct store_conn *c, struct arena *a, int64_t id, struct prep_need *out);
/* Appends n at the end (position = last + 1); sets n->id and n->position. */
enum err store_prep_need_insert(struct store_conn *c, struct prep_need *n);
/* Title and description of n->id. */
enum err store_prep_need_update(struct store_conn *c, const struct prep_need *n);
enum err store_prep_need_delete(struct store_conn *c, int64_t id);

/* A document that may go into a pack: it has a version, and belongs to no
 * cycle or to this one. */
struct prep_doc {
	int64_t id;
	char *title;
	enum doc_kind kind;
	int64_t latest_version;
	bool chosen;               /* in the unit's pack */
};
/* Leader guides first, then aids, strategy documents and others, each by
 * title in Norwegian order; chosen set from the unit's pack. */
enum err store_prep_documents(struct store_conn *c, struct arena *a, int64_t cycle_id,
			      int64_t unit_id, struct prep_doc **out, int *n);
/* The pack's document ids, ascending. */
enum err store_prep_pack(struct store_conn *c, struct arena *a, int64_t cycle_id, int64_t unit_id,
			 int64_t **ids, int *n);
/* Replaces the pack with ids[0..n). */
enum err store_prep_pack_set(struct store_conn *c, int64_t cycle_id, int64_t unit_id,
			     const int64_t *ids, int n);

/* Who the unit's pack goes to (domain/prepare.h, prep_pack_recipient): the
 * unit's own active people except its leader, by id. */
enum err store_prep_recipients(struct store_conn *c, struct arena *a, int64_t unit_id, int64_t **ids,
			       int *n);

/* One unit's preparation status in a cycle, with its indicator counts. */
struct prep_unit_row {
	struct ind_unit_counts counts;
	char *name;
	char *code;
	int64_t parent_id;
	int64_t leader_id;
	char *leader_name;
	int64_t pack_sent_at;      /* 0: not sent */
	int64_t asked;             /* employees with at least one request in the cycle */
};
/* Every unit (unit_id 0) or one unit, by name in Norwegian order; steps
 * ticked are counted below nsteps (the checklist's length). */
enum err store_prep_unit_rows(struct store_conn *c, struct arena *a, int64_t cycle_id, int nsteps,
			      int64_t unit_id, struct prep_unit_row **out, int *n);

#endif
