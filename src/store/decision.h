/* decision.h (store) — storage of the cycle's decision (schema
 * 009_decided_strategy): its state (decisions), the consultations with the
 * union representatives and their files, and the published versions of the
 * decided competence strategy (decided_versions with their frozen needs and
 * measures). The working set (decided_needs, decided_measures and their
 * links) is read here only, to show what will be published and to copy it
 * into a version. Writes run inside the caller's write transaction and
 * check nothing about permissions or states: callers ask domain/decision.h
 * first. Strings and arrays returned are in the arena a. */
#ifndef EVNE_STORE_DECISION_H
#define EVNE_STORE_DECISION_H

#include <stddef.h>
#include <stdint.h>
#include "base/arena.h"
#include "base/err.h"
#include "domain/decision.h"
#include "store/store.h"

/* The decision of the cycle; OK with status compiling and the rest 0 when
 * no row exists yet. */
enum err store_decision_get(struct store_conn *c, struct arena *a, int64_t cycle_id,
			    struct decision *out);
/* Writes d (creating the row when missing). */
enum err store_decision_put(struct store_conn *c, const struct decision *d);

/* The numbers the state machine and the progress need. */
struct decision_counts {
	int64_t decided_needs, decided_measures, consultations, versions;
	int64_t last_published_at;        /* 0: never */
};
enum err store_decision_counts(struct store_conn *c, int64_t cycle_id, struct decision_counts *out);

/* ---- consultations ---- */

/* The cycle's consultations by date held, then id, after the keyset
 * (after_held_on, after_id) ("" and 0: from the start), at most limit;
 * files and updated_by_name set. */
enum err store_consultations(struct store_conn *c, struct arena *a, int64_t cycle_id,
			     const char *after_held_on, int64_t after_id, int limit,
			     struct consultation **out, int *n);
enum err store_consultation_get(struct store_conn *c, struct arena *a, int64_t id,
				struct consultation *out);
/* Sets k->id; created_* and updated_* from k. */
enum err store_consultation_insert(struct store_conn *c, struct consultation *k);
/* held_on, participants, minutes, updated_by, updated_at of k->id. */
enum err store_consultation_update(struct store_conn *c, const struct consultation *k);
/* With its files. */
enum err store_consultation_delete(struct store_conn *c, int64_t id);

/* The files of a consultation by id, without their bytes. */
enum err store_consultation_files(struct store_conn *c, struct arena *a, int64_t consultation_id,
				  struct consultation_file **out, int *n);
/* One file; its bytes too when with_data. */
enum err store_consultation_file_get(struct store_conn *c, struct arena *a, int64_t id, bool with_data,
				     struct consultation_file *out);
/* Stores data[0..len) for f (consultation_id, file_name, file_type,
 * created_by, created_at set); sets f->id, file_size and file_sha256. */
enum err store_consultation_file_insert(struct store_conn *c, struct arena *a,
					struct consultation_file *f, const void *data, size_t len);
enum err store_consultation_file_delete(struct store_conn *c, int64_t id);

/* ---- the decided strategy ---- */

/* The working set as a version would hold it (needs and measures with the
 * names of units, competences, proposing units, goals and answered needs
 * as they are now); id and number 0. */
enum err store_decided_snapshot(struct store_conn *c, struct arena *a, int64_t cycle_id,
				struct decided_version *out);
/* Publishes v (a snapshot with note, approved_*, approval_comment and
 * published_* set, published_by_name the publisher's name to freeze) as
 * the cycle's next number; sets v->id and v->number. Never changes an
 * existing version. */
enum err store_decided_publish(struct store_conn *c, struct decided_version *v);
/* Version number of the cycle (0: the latest) with its needs and measures;
 * ERR_NOTFOUND when there is none. published_by_name is the user's name,
 * else the one frozen at publication. */
enum err store_decided_version_get(struct store_conn *c, struct arena *a, int64_t cycle_id,
				   int64_t number, struct decided_version *out);
/* The cycle's versions, newest first, without needs and measures but with
 * their counts in nneeds and nmeasures. */
enum err store_decided_versions(struct store_conn *c, struct arena *a, int64_t cycle_id,
				struct decided_version **out, int *n);

#endif
