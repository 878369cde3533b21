/* indicators_phase2.h (store) — the counts behind the phase-2 indicators
 * (domain/indicators_phase2.h) from the schema of 008_unit_discussions and
 * 009_decided_strategy, read only. Each count is one statement, the same
 * SQL on SQLite and PostgreSQL: GROUP BY over the cycle's rows on indexed
 * columns, joined to the units in C; the sums and the percentages are
 * taken in C. Strings and arrays returned are in the arena a. */
#ifndef EVNE_STORE_INDICATORS_PHASE2_H
#define EVNE_STORE_INDICATORS_PHASE2_H

#include <stdbool.h>
#include <stdint.h>
#include "base/arena.h"
#include "base/err.h"
#include "domain/indicators_phase2.h"
#include "domain/phase2.h"
#include "store/store.h"

/* Every unit (unit_id 0) or one unit, by name in Norwegian order: people,
 * the proposal's state, its needs and measures by type. */
enum err store_p2_unit_rows(struct store_conn *c, struct arena *a, int64_t cycle_id, int64_t unit_id,
			    struct ind_p2_unit **out, int *n);

/* The strategic goals of the cycle's latest published strategy version, in
 * the strategy's order (main goal, then goal); none when nothing is
 * published. Counts zero. */
enum err store_p2_goals(struct store_conn *c, struct arena *a, int64_t cycle_id, struct ind_p2_goal **out,
			int *n);

/* Needs of submitted proposals per (strategic goal, unit), of every unit
 * (unit_id 0) or one. */
enum err store_p2_goal_needs(struct store_conn *c, struct arena *a, int64_t cycle_id, int64_t unit_id,
			     struct ind_p2_goal_needs **out, int *n);

/* The decided working set: needs (and those without a goal), measures by
 * type and scope, and decided needs per goal. */
enum err store_p2_decided(struct store_conn *c, struct arena *a, int64_t cycle_id, struct ind_p2_decided *out,
			  struct ind_p2_goal_decided **goals, int *ngoals);

/* Everything the dashboard and the API show, gathered and summed. */
struct p2_report {
	struct ind_p2_unit *units;   /* the units shown, by name */
	int nunits;
	struct ind_p2_goal *goals;   /* the current strategy's goals, counted over the units shown */
	int ngoals;
	struct ind_phase2 total;     /* over the units shown (+ the decided set when asked) */
	bool with_decided;           /* the decided figures were asked for */
	enum decision_status decision;   /* the cycle's decision (with_decided only) */
};

/* The report of the cycle over every unit (unit_id 0 and only NULL), one
 * unit (unit_id), or the units only[0..nonly) (sorted ascending: a leader's
 * scope). with_decided adds the decided working set (the organisation's,
 * whatever the units shown). */
enum err store_p2_report(struct store_conn *c, struct arena *a, int64_t cycle_id, int64_t unit_id,
			 const int64_t *only, int nonly, bool with_decided, struct p2_report *out);

#endif
