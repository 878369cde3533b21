/* compilation.h (store) — the compilation between phases 2 and 3 (schema
 * 009_decided_strategy): reads of the units' proposals (008: unit
 * discussions, proposed needs and measures) side by side and as heat-map
 * counts, and the working set of decided needs and measures with their
 * lineage. Writes run inside the caller's write transaction and check
 * nothing about permissions or the decision's state (store/phase2.h,
 * store_decision_status, is the caller's first question). Strings and
 * arrays returned are in the arena a. A proposed need or measure that
 * feeds a decided one cannot be deleted (ERR_CONFLICT from its own
 * delete); deleting a decided row removes its links, never the proposals. */
#ifndef EVNE_STORE_COMPILATION_H
#define EVNE_STORE_COMPILATION_H

#include <stdbool.h>
#include <stdint.h>
#include "base/arena.h"
#include "base/err.h"
#include "domain/compilation.h"
#include "store/store.h"

/* ---- the decided working set (also what publication snapshots) ---- */

/* Every decided need of the cycle by position, each with its sources
 * (proposed need id, title, unit), its source_units (distinct, by name in
 * Norwegian order) and its goals (identity and title in the cycle's
 * current strategy: the latest published version, else the draft). */
enum err store_decided_needs_list(struct store_conn *c, struct arena *a, int64_t cycle_id,
				  struct decided_need **out, int *n);
/* Every decided measure of the cycle by position, each with its needs
 * (decided need id and title, by position) and sources (proposed measure
 * id, title, unit). */
enum err store_decided_measures_list(struct store_conn *c, struct arena *a, int64_t cycle_id,
				     struct decided_measure **out, int *n);

/* A page of them for the API's cursor: at most limit rows after
 * (after_pos, after_id) in (position, id) order, ((0, 0) from the start),
 * each with its links as above (read for the page's rows only). */
enum err store_decided_needs_page(struct store_conn *c, struct arena *a, int64_t cycle_id,
				  int64_t after_pos, int64_t after_id, int limit, struct decided_need **out,
				  int *n);
enum err store_decided_measures_page(struct store_conn *c, struct arena *a, int64_t cycle_id,
				     int64_t after_pos, int64_t after_id, int limit,
				     struct decided_measure **out, int *n);

/* One decided need or measure of the cycle, with its links; ERR_NOTFOUND
 * when it does not exist in that cycle. */
enum err store_decided_need_get(struct store_conn *c, struct arena *a, int64_t cycle_id, int64_t id,
				struct decided_need *out);
enum err store_decided_measure_get(struct store_conn *c, struct arena *a, int64_t cycle_id,
				   int64_t id, struct decided_measure *out);

/* Inserts d at the end of the cycle's list with its sources (sources[].id)
 * and goals (goals[].id); sets d->id and d->position. */
enum err store_decided_need_insert(struct store_conn *c, struct decided_need *d, int64_t user_id,
				   int64_t now);
/* Updates d->id's fields and replaces its sources and goals. */
enum err store_decided_need_update(struct store_conn *c, const struct decided_need *d,
				   int64_t user_id, int64_t now);
/* Deletes it with its links (the measures that answered it no longer name it). */
enum err store_decided_need_delete(struct store_conn *c, int64_t cycle_id, int64_t id);

/* The same for measures: needs[].id and sources[].id are the links. */
enum err store_decided_measure_insert(struct store_conn *c, struct decided_measure *m,
				      int64_t user_id, int64_t now);
enum err store_decided_measure_update(struct store_conn *c, const struct decided_measure *m,
				      int64_t user_id, int64_t now);
enum err store_decided_measure_delete(struct store_conn *c, int64_t cycle_id, int64_t id);

/* The same for a decided_row, as d->measure says: get fills d's row;
 * save inserts it when its id is 0 (setting id and position), else
 * updates it; refs as below. */
enum err store_decided_get(struct store_conn *c, struct arena *a, int64_t cycle_id, int64_t id,
			   struct decided_row *d);
enum err store_decided_save(struct store_conn *c, struct decided_row *d, int64_t user_id, int64_t now);
enum err store_decided_delete(struct store_conn *c, bool measure, int64_t cycle_id, int64_t id);
enum err store_decided_refs(struct store_conn *c, int64_t cycle_id, const struct decided_row *d,
			    struct field_errors *fe);

/* The references a decided need or measure names must exist, in the
 * cycle where they belong: the competence, the unit (scope unit/local),
 * the required level on the proficiency scale, the goals (strategic goals
 * of the cycle), the sources (proposed needs or measures of the cycle) and
 * a measure's needs (decided needs of the cycle). Each one missing adds
 * PROB_UNKNOWN_REF on its field ("competence_id", "unit_id",
 * "required_level" as PROB_BAD_CHOICE, "goals", "sources", "needs"). */
enum err store_decided_need_refs(struct store_conn *c, int64_t cycle_id, const struct decided_need *d,
				 struct field_errors *fe);
enum err store_decided_measure_refs(struct store_conn *c, int64_t cycle_id,
				    const struct decided_measure *m, struct field_errors *fe);

/* ---- the proposals, as compilation reads them ---- */

/* A unit with a proposal in the cycle (a unit_discussions row, or any
 * proposed need or measure). */
struct comp_unit_row {
	int64_t unit_id;
	char *name;
	char *code;
	enum proposal_status status;
	int64_t submitted_at;      /* 0: never submitted */
	int64_t needs;
	int64_t measures;
};
/* Units with a proposal, by name in Norwegian order. */
enum err store_comp_units(struct store_conn *c, struct arena *a, int64_t cycle_id,
			  struct comp_unit_row **out, int *n);

/* The proposed needs of the cycle whose proposal is submitted (or, with
 * drafts, any), by unit name in Norwegian order then position; goal_ids
 * and decided_need_id set. */
enum err store_comp_proposed_needs(struct store_conn *c, struct arena *a, int64_t cycle_id,
				   bool drafts, struct comp_proposed_need **out, int *n);
/* One proposed need (any status); ERR_NOTFOUND when it is not in the cycle. */
enum err store_comp_proposed_need_get(struct store_conn *c, struct arena *a, int64_t cycle_id,
				      int64_t id, struct comp_proposed_need *out);
/* The proposed needs that may still become sources of decided need
 * dn_id: of the cycle, submitted, not already its sources; of competence
 * competence_id (0: of any). The ones that matter first: those not yet a
 * source of any decided need, then by highest criticality, highest
 * required level, unit name in Norwegian order and position. At most limit
 * of them (0: all); *total counts them all. goal_ids are not read. */
enum err store_comp_need_candidates(struct store_conn *c, struct arena *a, int64_t cycle_id, int64_t dn_id,
				    int64_t competence_id, int limit, struct comp_proposed_need **out, int *n,
				    int64_t *total);
/* The proposed measures that may still become sources of decided
 * measure dm_id: of the cycle, submitted, not already its sources. Those
 * of kind first, and among them those in its lineage (answering a
 * proposed need merged into a decided need dm_id answers: lineage set),
 * then by unit name in Norwegian order and position. At most limit (0:
 * all); *total counts them all. */
enum err store_comp_measure_candidates(struct store_conn *c, struct arena *a, int64_t cycle_id, int64_t dm_id,
				       enum measure_kind kind, int limit, struct comp_proposed_measure **out,
				       int *n, int64_t *total);
/* The proposed measures, as the needs. */
enum err store_comp_proposed_measures(struct store_conn *c, struct arena *a, int64_t cycle_id,
				      bool drafts, struct comp_proposed_measure **out, int *n);
enum err store_comp_proposed_measure_get(struct store_conn *c, struct arena *a, int64_t cycle_id,
					 int64_t id, struct comp_proposed_measure *out);

/* Heat-map counts (domain/compilation.h): proposed needs per unit,
 * competence area (0: free) and criticality, by unit name in Norwegian
 * order; unit_id 0 for every unit. */
enum err store_comp_heat_counts(struct store_conn *c, struct arena *a, int64_t cycle_id, bool drafts,
				int64_t unit_id, struct heat_count **out, int *n);

/* ---- the same in pages and groups, so the overview reads well at any scale ---- */

/* Units with a proposal under unit_id (0: all), counted (comp_unit_totals). */
enum err store_comp_unit_totals(struct store_conn *c, struct arena *a, int64_t cycle_id, int64_t unit_id,
				struct comp_unit_totals *out);

/* A page of the units with a proposal, by name in Norwegian order. */
struct comp_unit_query {
	int64_t unit_id;           /* the unit with its subtree; 0: all */
	const char *status;        /* a stored proposal status; NULL: any */
	int offset, limit;
};
enum err store_comp_units_page(struct store_conn *c, struct arena *a, int64_t cycle_id,
			       const struct comp_unit_query *uq, struct comp_unit_row **out, int *n);

/* Which proposed needs or measures a group or page reads. */
struct comp_filter {
	bool drafts;               /* proposals in every status; else only submitted ones */
	int64_t unit_id;           /* proposed by the unit or one below it; 0: any unit */
	int64_t competence_id;     /* needs: of one competence; 0: any */
	bool free;                 /* needs: only those described freely */
	int64_t area_id;           /* needs: of an area or its sub-areas; 0: any */
	const char *kind;          /* measures: a stored measure kind; NULL: any */
};

/* One group (comp_need_group) per competence with needs under f (its competence filters are
 * applied too), in no particular order: the caller sorts by area. */
enum err store_comp_need_groups(struct store_conn *c, struct arena *a, int64_t cycle_id,
				const struct comp_filter *f, struct comp_need_group **out, int *n);
/* A page (offset, limit) of the proposed needs under f, by competence name
 * in Norwegian order (the free ones last), then unit name and position;
 * *total counts them all. goal_ids are not read. */
enum err store_comp_needs_page(struct store_conn *c, struct arena *a, int64_t cycle_id,
			       const struct comp_filter *f, int offset, int limit,
			       struct comp_proposed_need **out, int *n, int64_t *total);

/* Proposed measures counted by kind: out[kind] for every kind (zeros when none) under f. */
enum err store_comp_measure_groups(struct store_conn *c, struct arena *a, int64_t cycle_id,
				   const struct comp_filter *f,
				   struct comp_measure_group out[MEASURE_KIND_COUNT]);
/* A page of the proposed measures under f, by unit name then position. */
enum err store_comp_measures_page(struct store_conn *c, struct arena *a, int64_t cycle_id,
				  const struct comp_filter *f, int offset, int limit,
				  struct comp_proposed_measure **out, int *n, int64_t *total);

/* A strategic goal of the cycle's current strategy: identity, code, title. */
struct comp_goal {
	int64_t goal_id;
	char *code;
	char *title;
};
/* By code; none when the cycle has no strategy. */
enum err store_comp_goals(struct store_conn *c, struct arena *a, int64_t cycle_id,
			  struct comp_goal **out, int *n);

#endif
