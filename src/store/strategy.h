/* strategy.h (store) — storage of the strategy versions of a cycle, their
 * main goals, strategic goals, indicators and indicator values, and of the
 * unit goals of the goal breakdown; plus the few reads of cycles the
 * strategy needs (name, status, the open one). Every returned string is in
 * the arena given. Writes run inside the caller's write transaction
 * (store_begin(c, true)); the functions check nothing about permissions or
 * cycle state: the callers apply domain/strategy.h first.
 *
 * Versions: at most one draft per cycle (number 0) and the published ones
 * (1, 2, ...). store_strategy_ensure_draft gives the draft, creating it as a
 * copy of the latest published version when there is none; copied strategic
 * goals keep their goal_id, which is what unit goals link to. */
#ifndef EVNE_STORE_STRATEGY_H
#define EVNE_STORE_STRATEGY_H

#include <stdbool.h>
#include <stdint.h>
#include "base/arena.h"
#include "base/err.h"
#include "domain/strategy.h"
#include "store/store.h"

/* ---- cycles, as the strategy sees them ---- */
struct strategy_cycle {
	int64_t id;
	char *name;
	char *status;              /* "draft", "open", "closed" */
};
enum err store_strategy_cycle(struct store_conn *c, struct arena *a, int64_t id,
			      struct strategy_cycle *out);
enum err store_strategy_cycle_by_name(struct store_conn *c, struct arena *a, const char *name,
				      struct strategy_cycle *out);
/* Every cycle, newest first (the cycle selector). */
enum err store_strategy_cycles(struct store_conn *c, struct arena *a, struct strategy_cycle **out,
			       int *n);
/* The newest open cycle; ERR_NOTFOUND when none is open. */
enum err store_strategy_open_cycle(struct store_conn *c, struct arena *a, struct strategy_cycle *out);

/* ---- versions ---- */
/* The draft; ERR_NOTFOUND when the cycle has none. */
enum err store_strategy_draft(struct store_conn *c, struct arena *a, int64_t cycle_id,
			      struct strategy_version *out);
/* Published version number (number 0: the latest); ERR_NOTFOUND when none. */
enum err store_strategy_published(struct store_conn *c, struct arena *a, int64_t cycle_id, int number,
				  struct strategy_version *out);
/* All versions of the cycle: the draft first, then the published ones newest first. */
enum err store_strategy_versions(struct store_conn *c, struct arena *a, int64_t cycle_id,
				 struct strategy_version **out, int *n);
enum err store_strategy_version_by_id(struct store_conn *c, struct arena *a, int64_t id,
				      struct strategy_version *out);
/* Everything below v (v is copied into doc->version). */
enum err store_strategy_load(struct store_conn *c, struct arena *a, const struct strategy_version *v,
			     struct strategy_doc *doc);
/* The draft, created when missing (a copy of the latest published version,
 * or empty); *created tells which. */
enum err store_strategy_ensure_draft(struct store_conn *c, struct arena *a, int64_t cycle_id,
				     int64_t now, struct strategy_version *out, bool *created);
/* Sets the five texts of the draft v->id. */
enum err store_strategy_texts_update(struct store_conn *c, const struct strategy_version *v, int64_t now);
/* Publishes the draft as the next number; ERR_NOTFOUND when there is no draft. */
enum err store_strategy_publish(struct store_conn *c, struct arena *a, int64_t cycle_id,
				int64_t user_id, int64_t now, struct strategy_version *out);

/* ---- main goals ---- */
enum err store_main_goal_get(struct store_conn *c, struct arena *a, int64_t id,
			     struct strategy_main_goal *out);
enum err store_main_goal_insert(struct store_conn *c, struct strategy_main_goal *g);   /* sets id */
enum err store_main_goal_update(struct store_conn *c, const struct strategy_main_goal *g);
/* Deletes it with its strategic goals, their indicators and values. */
enum err store_main_goal_delete(struct store_conn *c, int64_t id, int64_t cycle_id);
/* Unit goals linked to any strategic goal of the main goal (deletion is refused when > 0). */
enum err store_main_goal_links(struct store_conn *c, int64_t id, int64_t *n);

/* ---- strategic goals ---- */
enum err store_strategy_goal_get(struct store_conn *c, struct arena *a, int64_t id,
				 struct strategy_goal *out);
/* The goal with code in version_id; ERR_NOTFOUND when none. */
enum err store_strategy_goal_by_code(struct store_conn *c, struct arena *a, int64_t version_id,
				     const char *code, struct strategy_goal *out);
/* The row of identity goal_id in version_id; ERR_NOTFOUND when not there. */
enum err store_strategy_goal_in_version(struct store_conn *c, struct arena *a, int64_t version_id,
					int64_t goal_id, struct strategy_goal *out);
/* Inserts the row; when g->goal_id is 0 a new identity is made in cycle_id
 * and g->goal_id set. Sets g->id. A code already in the version: ERR_CONFLICT. */
enum err store_strategy_goal_insert(struct store_conn *c, int64_t cycle_id, int64_t now,
				    struct strategy_goal *g);
enum err store_strategy_goal_update(struct store_conn *c, const struct strategy_goal *g);
/* Deletes the row (indicators and values with it) and the identity when no
 * version holds it any more. */
enum err store_strategy_goal_delete(struct store_conn *c, int64_t id, int64_t cycle_id);
/* Unit goals linked to identity goal_id. */
enum err store_strategy_goal_links(struct store_conn *c, int64_t goal_id, int64_t *n);

/* ---- indicators and values ---- */
enum err store_indicator_get(struct store_conn *c, struct arena *a, int64_t id,
			     struct strategy_indicator *out);
enum err store_indicator_insert(struct store_conn *c, struct strategy_indicator *i);   /* sets id */
enum err store_indicator_update(struct store_conn *c, const struct strategy_indicator *i);
enum err store_indicator_delete(struct store_conn *c, int64_t id);
/* The values of one indicator, oldest first. */
enum err store_indicator_values(struct store_conn *c, struct arena *a, int64_t indicator_id,
				struct strategy_value **out, int *n);
enum err store_value_get(struct store_conn *c, struct arena *a, int64_t id, struct strategy_value *out);
/* A date the indicator already has: ERR_CONFLICT. */
enum err store_value_insert(struct store_conn *c, struct strategy_value *v);   /* sets id */
enum err store_value_update(struct store_conn *c, const struct strategy_value *v);
enum err store_value_delete(struct store_conn *c, int64_t id);

/* ---- unit goals ---- */
/* The unit's goals in the cycle, by id, with goal_code and goal_title from
 * the cycle's latest published version (NULL when it does not hold the goal). */
enum err store_unit_goals_for_unit(struct store_conn *c, struct arena *a, int64_t cycle_id,
				   int64_t unit_id, struct unit_goal **out, int *n);
struct unit_goal_query {
	int64_t cycle_id;          /* 0: any */
	int64_t unit_id;           /* 0: any */
	int64_t after_id;          /* keyset: ids above this */
	int limit;                 /* 1..500 */
};
enum err store_unit_goals_list(struct store_conn *c, struct arena *a, const struct unit_goal_query *q,
			       struct unit_goal **out, int *n);
enum err store_unit_goal_get(struct store_conn *c, struct arena *a, int64_t id, struct unit_goal *out);
/* The import's natural key: cycle, unit and title (exactly). */
enum err store_unit_goal_by_key(struct store_conn *c, struct arena *a, int64_t cycle_id,
				int64_t unit_id, const char *title, struct unit_goal *out);
/* Insert or update; the same title twice for a unit in a cycle: ERR_CONFLICT. */
enum err store_unit_goal_insert(struct store_conn *c, int64_t now, struct unit_goal *g);
enum err store_unit_goal_update(struct store_conn *c, int64_t now, const struct unit_goal *g);
enum err store_unit_goal_delete(struct store_conn *c, int64_t id);

/* The editable items of a strategy version, as the web pages and the API
 * name them; strategy_item_entity gives each its audit-log entity name. */
enum strategy_item_kind {
	STRATEGY_ITEM_MAIN_GOAL,
	STRATEGY_ITEM_GOAL,
	STRATEGY_ITEM_INDICATOR,
	STRATEGY_ITEM_VALUE
};
extern const char *const strategy_item_entity[];

/* A loaded item: kind and id, its cycle, and the stored item of that kind. */
struct strategy_item {
	enum strategy_item_kind kind;
	int64_t id;
	int64_t cycle_id;
	const struct strategy_main_goal *mg;
	const struct strategy_goal *g;
	const struct strategy_indicator *ind;
	const struct strategy_value *val;
};

/* Deletes it inside the caller's write transaction, with the audit row of
 * user_id at now. A main goal or strategic goal that unit goals link to is
 * kept: ERR_CONFLICT with *links set to how many link to it. */
enum err store_strategy_item_delete(struct store_conn *c, struct arena *a, const struct strategy_item *it,
				    int64_t user_id, int64_t now, int64_t *links);

#endif
