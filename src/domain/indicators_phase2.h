/* indicators_phase2.h — the measured desired results of phase 2, the local
 * competence discussion (product.md, "Indicators"): units that submitted
 * their proposal, critical competence needs per strategic goal (coverage:
 * a goal no need serves is flagged) and measures by type, each as units
 * proposed them and, once HR compiles, as decided. Pure arithmetic on the
 * counts the store gathered (store/indicators_phase2.h); the percentages
 * are domain/indicators.h's (rounded half up, none for 0 of 0). No I/O.
 *
 * The rules:
 * - A unit is expected to submit when it has people: at least one active
 *   person placed directly in it (its leader counts when placed there). A
 *   unit of no people has no one to hold a discussion with. Units are all
 *   listed, as in phase 1; only expected units count in the percentage.
 * - A proposal counts as submitted in state 'submitted' only: a returned
 *   one is open again.
 * - The proposed needs, needs per goal and measures by type count the
 *   submitted proposals only: drafts are work in progress. Each unit's own
 *   row shows what its proposal holds, whatever its state, beside it.
 * - A need linked to several goals counts once under each.
 * - The decided figures are the cycle's working set of decided needs and
 *   measures (the whole organisation). */
#ifndef EVNE_INDICATORS_PHASE2_H
#define EVNE_INDICATORS_PHASE2_H

#include <stdbool.h>
#include <stdint.h>
#include "domain/indicators.h"
#include "domain/phase2.h"

/* What the store counted for one unit in one cycle. */
struct ind_p2_unit {
	int64_t unit_id;
	int64_t parent_id;         /* 0: top of the tree */
	const char *name;
	bool has_people;           /* active people placed directly in the unit */
	bool started;              /* the unit's discussion has a record */
	enum proposal_status status;   /* PROPOSAL_DRAFT when not started */
	int64_t submitted_at;      /* epoch seconds; 0 unless submitted */
	int64_t needs;             /* needs in the unit's proposal, whatever its state */
	int64_t needs_without_goal;    /* of those: linked to no strategic goal */
	int64_t measures[MEASURE_KIND_COUNT];   /* measures in the proposal, by type */
};

/* Needs of one unit's submitted proposal linked to one strategic goal. */
struct ind_p2_goal_needs {
	int64_t goal_id;           /* strategic_goals.id */
	int64_t unit_id;
	int64_t needs;
};

/* Decided needs linked to one strategic goal. */
struct ind_p2_goal_decided {
	int64_t goal_id;
	int64_t needs;
};

/* A strategic goal of the cycle's current published strategy, with its
 * counts (filled by ind_p2_goals). */
struct ind_p2_goal {
	int64_t goal_id;
	const char *code;
	const char *title;
	int64_t proposed;          /* needs of submitted proposals linked to it */
	int64_t units;             /* units whose submitted proposals hold them */
	int64_t decided;           /* decided needs linked to it */
};

/* The decided working set of the cycle (the whole organisation). */
struct ind_p2_decided {
	int64_t needs;
	int64_t needs_without_goal;
	int64_t measures[MEASURE_KIND_COUNT][MEASURE_SCOPE_COUNT];
};

struct ind_phase2 {
	struct ind_ratio units_submitted;   /* expected units whose proposal is submitted */
	int64_t units_submitted_unexpected; /* submitted by units with no people (not in the ratio) */
	int64_t proposed_needs;             /* in submitted proposals */
	int64_t proposed_needs_without_goal;
	struct ind_ratio goals_covered;     /* goals with a proposed need, of the goals */
	int64_t proposed_measures[MEASURE_KIND_COUNT];
	int64_t proposed_measures_total;
	bool decided;                       /* any decided need or measure exists */
	int64_t decided_needs;
	int64_t decided_needs_without_goal;
	struct ind_ratio decided_goals_covered;
	int64_t decided_measures[MEASURE_KIND_COUNT];   /* overarching + local */
	int64_t decided_measures_scope[MEASURE_KIND_COUNT][MEASURE_SCOPE_COUNT];
	int64_t decided_measures_total;
};

/* The unit is expected to submit a proposal. */
bool ind_p2_expected(const struct ind_p2_unit *u);
/* The unit's proposal counts as submitted. */
bool ind_p2_submitted(const struct ind_p2_unit *u);
/* 1 of 1 (submitted), 0 of 1 (expected, not yet) or 0 of 0 (not expected,
 * no percentage). */
struct ind_ratio ind_p2_unit_submitted(const struct ind_p2_unit *u);
/* The unit's proposed measures, all types. */
int64_t ind_p2_unit_measures(const struct ind_p2_unit *u);

/* Sums over units[0..n) (the organisation, or a leader's units): units
 * submitted, proposed needs and measures of the submitted proposals. Sets
 * every field of out that depends on the units only; the goal fields are
 * zero until ind_p2_goals, the decided ones until ind_p2_decided_apply. */
void ind_phase2_units(const struct ind_p2_unit *units, int n, struct ind_phase2 *out);

/* Fills goals[0..ngoals) from the needs per (goal, unit) of submitted
 * proposals gn[0..ngn) (already limited to the units shown, one row per
 * goal and unit) and the decided needs per goal gd[0..ngd) (ngd 0 when the
 * decided set is not shown); rows naming a goal not in goals (one no longer
 * in the strategy) are left out. Sets the coverage ratios of out: the
 * decided one only when out->decided (call ind_p2_decided_apply first). */
void ind_p2_goals(struct ind_p2_goal *goals, int ngoals, const struct ind_p2_goal_needs *gn, int ngn,
		  const struct ind_p2_goal_decided *gd, int ngd, struct ind_phase2 *out);

/* The goal is served by no proposed need (flagged on the dashboard). */
bool ind_p2_goal_uncovered(const struct ind_p2_goal *g);
/* The decided set exists and no decided need serves the goal. */
bool ind_p2_goal_decided_uncovered(const struct ind_phase2 *p, const struct ind_p2_goal *g);

/* Copies the decided working set d into out (decided set when d holds any
 * need or measure). */
void ind_p2_decided_apply(const struct ind_p2_decided *d, struct ind_phase2 *out);

#endif
