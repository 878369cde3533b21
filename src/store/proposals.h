/* proposals.h (store) — storage of a unit's proposal in phase 2 (schema
 * 008_unit_discussions): the status columns of unit_discussions (the
 * meeting columns belong to the discussion and are never written here),
 * the competence needs with their links to strategic goals and unit goals,
 * and the proposed measures with the needs they answer. Writes run inside
 * the caller's write transaction (ctx_write) and check nothing about
 * permissions or state: the callers ask store_proposal_status
 * (store/phase2.h) and apply domain/proposal.h first. Strings and arrays
 * returned are in the arena a. */
#ifndef EVNE_STORE_PROPOSALS_H
#define EVNE_STORE_PROPOSALS_H

#include <stdbool.h>
#include <stdint.h>
#include "base/arena.h"
#include "base/err.h"
#include "domain/prepare.h"
#include "domain/proposal.h"
#include "store/store.h"

/* ---- the state ---- */
/* The unit's proposal state; a draft with the rest 0/NULL (return_comment
 * "") when no row exists yet. */
enum err store_proposal_get(struct store_conn *c, struct arena *a, int64_t cycle_id, int64_t unit_id,
			    struct proposal_state *out);
/* Sets the status to submitted (submitted_at/by) or returned (returned_at/by
 * and comment), creating the row when missing. */
enum err store_proposal_set_status(struct store_conn *c, int64_t cycle_id, int64_t unit_id,
				   enum proposal_status to, const char *comment, int64_t user_id, int64_t now);
/* How many needs and measures the unit has in the cycle. */
enum err store_proposal_counts(struct store_conn *c, int64_t cycle_id, int64_t unit_id, int *nneeds,
			       int *nmeasures);

/* One unit's line in the cycle's list of proposals. */
struct proposal_row {
	int64_t unit_id;
	char *name;
	int64_t parent_id;
	enum proposal_status status;
	int64_t submitted_at, returned_at, updated_at;   /* 0: never */
	int nneeds, nmeasures;
};
/* Every unit, by name in Norwegian order, then id. */
enum err store_proposal_rows(struct store_conn *c, struct arena *a, int64_t cycle_id,
			     struct proposal_row **out, int *n);

/* ---- needs ---- */
/* The unit's needs in the cycle by position, with competence name and links. */
enum err store_proposal_needs(struct store_conn *c, struct arena *a, int64_t cycle_id, int64_t unit_id,
			      struct proposal_need **out, int *n);
enum err store_proposal_need_get(struct store_conn *c, struct arena *a, int64_t id, struct proposal_need *out);
/* Appends n at the end (sets id and position) with its links (goals[].id,
 * unit_goals[].id). */
enum err store_proposal_need_insert(struct store_conn *c, struct proposal_need *n);
/* The fields and links of n->id (updated_by/at from n). */
enum err store_proposal_need_update(struct store_conn *c, const struct proposal_need *n);
/* Deletes a need (its links and measure links go with it); ERR_CONFLICT
 * when a decided need was merged from it (decided_need_sources). */
enum err store_proposal_need_delete(struct store_conn *c, int64_t id);

/* ---- measures ---- */
enum err store_proposal_measures(struct store_conn *c, struct arena *a, int64_t cycle_id, int64_t unit_id,
				 struct proposal_measure **out, int *n);
enum err store_proposal_measure_get(struct store_conn *c, struct arena *a, int64_t id,
				    struct proposal_measure *out);
/* Appends m at the end (sets id and position) with its need links (needs[].id). */
enum err store_proposal_measure_insert(struct store_conn *c, struct proposal_measure *m);
enum err store_proposal_measure_update(struct store_conn *c, const struct proposal_measure *m);
/* ERR_CONFLICT when a decided measure came from it (decided_measure_sources). */
enum err store_proposal_measure_delete(struct store_conn *c, int64_t id);

/* ---- the registers across units (GET /api/v1/needs, /api/v1/measures) ---- */
enum { PROPOSAL_REGISTER_MAX = 500 };   /* rows per page */

/* Which needs or measures a register page shows, newest cycle first, then
 * by id; every filter 0/false means any. */
struct proposal_query {
	int64_t cycle_id, unit_id;
	bool has_status;
	enum proposal_status status;     /* of the unit's proposal (no row: draft) */
	int64_t competence_id, goal_id;  /* needs: the competence; a strategic goal identity it serves */
	bool has_kind;                   /* measures: the kind */
	enum measure_kind kind;
	int64_t need_id;                 /* measures: a need it answers */
	/* the reader's scope: 0 for every unit; else the units this person
	 * leads (and those below them) and reader_unit_id (their own, or 0) */
	int64_t reader_person_id, reader_unit_id;
	int64_t after_cycle_id, after_id;   /* the last row of the page before; 0: the first page */
	int limit;                       /* 1..PROPOSAL_REGISTER_MAX */
};
/* One page: the needs with their links and, in status[], the state of
 * each one's proposal; *more when rows follow. */
enum err store_needs_register(struct store_conn *c, struct arena *a, const struct proposal_query *q,
			      struct proposal_need **out, enum proposal_status **status, int *n, bool *more);
enum err store_measures_register(struct store_conn *c, struct arena *a, const struct proposal_query *q,
				 struct proposal_measure **out, enum proposal_status **status, int *n, bool *more);

/* ---- carrying phase 1's draft needs over ---- */
/* The unit's phase-1 draft needs no need of the cycle was carried from yet,
 * by position. */
enum err store_proposal_uncarried(struct store_conn *c, struct arena *a, int64_t cycle_id, int64_t unit_id,
				  struct prep_need **out, int *n);

#endif
