/* cycles.h — storage of the yearly cycle: cycles with their five phases'
 * dates, and the organisation's phase texts per language. Like store.h it
 * speaks in domain terms (domain/cycle.h); the SQL lives in cycles.c.
 * Strings returned are in the caller's arena. The write functions do not
 * check the rules (domain/cycle.h does, in the caller's transaction); the
 * schema's constraints still refuse what would break it (ERR_CONFLICT). */
#ifndef EVNE_STORE_CYCLES_H
#define EVNE_STORE_CYCLES_H

#include <stdbool.h>
#include <stdint.h>
#include "base/arena.h"
#include "base/err.h"
#include "domain/cycle.h"
#include "store/store.h"

/* One cycle with its phases; ERR_NOTFOUND when there is none. */
enum err store_cycle_get(struct store_conn *c, struct arena *a, int64_t id, struct cycle *out);
/* The cycle of that name (exact text); ERR_NOTFOUND when none. */
enum err store_cycle_by_name(struct store_conn *c, struct arena *a, const char *name,
			     struct cycle *out);
/* Cycles newest first (by id, descending), with their phases: those with id
 * below before_id (0: from the newest), at most limit (1–500). */
enum err store_cycle_list(struct store_conn *c, struct arena *a, int64_t before_id, int limit,
			  struct cycle **out, int *n);
/* The open cycle that today (ISO date) belongs to: of the open cycles, the
 * one with the latest first phase start on or before today; when every open
 * cycle starts later, the one starting soonest. ERR_NOTFOUND when no cycle
 * is open. */
enum err store_cycle_current(struct store_conn *c, struct arena *a, const char *today,
			     struct cycle *out);
/* A new cycle with its five phases (dates as given, empty ones NULL); sets
 * cy->id and the times. ERR_CONFLICT when the name is taken. */
enum err store_cycle_insert(struct store_conn *c, struct cycle *cy, int64_t now);
/* Name, status and all five phases' dates of cy->id; ERR_NOTFOUND when gone. */
enum err store_cycle_update(struct store_conn *c, const struct cycle *cy, int64_t now);
/* Deletes a cycle and its phases; ERR_NOTFOUND when gone. */
enum err store_cycle_delete(struct store_conn *c, int64_t id);

/* The texts of one phase in one language ("nb", "nn", "en"); updated_by_name
 * set when a user edited them. ERR_NOTFOUND for an unknown language. */
enum err store_phase_texts(struct store_conn *c, struct arena *a, const char *lang,
			   enum phase_key key, struct phase_text *out);
/* All five phases' texts in one language, out indexed by enum phase_key. */
enum err store_phase_texts_all(struct store_conn *c, struct arena *a, const char *lang,
			       struct phase_text out[PHASE_COUNT]);
/* Replaces the four texts of t->key in t->lang, recording user_id and now. */
enum err store_phase_texts_update(struct store_conn *c, const struct phase_text *t, int64_t user_id,
				  int64_t now);
/* The procedure of a phase in a language as its steps, one per non-empty
 * line, trimmed, in order (phase 1's checklist items): *steps in a, *n of
 * them (NULL and 0 when the procedure is empty). */
enum err store_phase_steps(struct store_conn *c, struct arena *a, const char *lang,
			   enum phase_key key, char ***steps, int *n);

#endif
