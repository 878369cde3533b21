/* competences.h (store) — storage of the competence catalogue: areas (a
 * tree), competences, and the levels of the two scales. Every returned
 * string is in the arena given. Writes run inside the caller's write
 * transaction (store_begin(c, true)); the functions check no permissions and
 * no field rules: callers apply domain/competences.h first. A code already
 * used, or a delete of something still referenced, gives ERR_CONFLICT. */
#ifndef EVNE_STORE_COMPETENCES_H
#define EVNE_STORE_COMPETENCES_H

#include <stdbool.h>
#include <stdint.h>
#include "base/arena.h"
#include "base/err.h"
#include "domain/competences.h"
#include "store/store.h"

/* ---- areas ---- */
/* Every area in tree order (siblings by name in Norwegian order), with
 * depth, competence_count and child_count set. */
enum err store_competence_areas(struct store_conn *c, struct arena *a, struct competence_area **out,
				int *n);
enum err store_competence_area_get(struct store_conn *c, struct arena *a, int64_t id,
				   struct competence_area *out);
enum err store_competence_area_by_code(struct store_conn *c, struct arena *a, const char *code,
				       struct competence_area *out);
enum err store_competence_area_insert(struct store_conn *c, int64_t now, struct competence_area *ar);
enum err store_competence_area_update(struct store_conn *c, int64_t now,
				      const struct competence_area *ar);

/* ---- competences ---- */
struct competence_query {
	const char *text;          /* words, each found case-insensitively in the name or the
				      code (æøå too); NULL: all */
	int64_t area_id;           /* 0: any; otherwise the area and all its sub-areas */
	bool include_inactive;
	const char *after_name;    /* keyset cursor: continue after (name, id) */
	int64_t after_id;
	int limit;                 /* 1..5000 */
};
/* Ordered by name in Norwegian collation, then id; area_name, area_code set. */
enum err store_competences_list(struct store_conn *c, struct arena *a, const struct competence_query *q,
				struct competence **out, int *n);
enum err store_competence_get(struct store_conn *c, struct arena *a, int64_t id, struct competence *out);
enum err store_competence_by_code(struct store_conn *c, struct arena *a, const char *code,
				  struct competence *out);
enum err store_competence_insert(struct store_conn *c, int64_t now, struct competence *k);   /* sets id */
enum err store_competence_update(struct store_conn *c, int64_t now, const struct competence *k);
/* Deletes a competence nothing refers to; ERR_CONFLICT when something does. */
enum err store_competence_delete(struct store_conn *c, int64_t id);

/* ---- scales ---- */
/* The levels of one scale, ascending. */
enum err store_scale_get(struct store_conn *c, struct arena *a, enum scale_kind kind, struct scale *out);
enum err store_scale_level_update(struct store_conn *c, enum scale_kind kind, const struct scale_level *l);
enum err store_scale_level_insert(struct store_conn *c, enum scale_kind kind, const struct scale_level *l);
/* Removes the level; ERR_CONFLICT when a stored rating uses it. */
enum err store_scale_level_delete(struct store_conn *c, enum scale_kind kind, int level);

#endif
