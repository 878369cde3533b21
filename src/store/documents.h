/* documents.h — storage of documents, their versions (Markdown or an
 * uploaded file kept as bytes with its SHA-256) and read requests with
 * their confirmations and reminders (store/documents.c). Every function
 * takes a connection from store_acquire; writes run inside the caller's
 * write transaction (store_begin(c, true) / ctx_write), so the caller adds
 * its audit row to the same transaction. Strings and arrays returned are in
 * the arena a. Errors: ERR_NOTFOUND for a missing object, ERR_CONFLICT for
 * a closed cycle (read-only) or a broken constraint, ERR_INVALID with
 * store_errmsg() for arguments that name the wrong things.
 *
 * For the phase-1 preparation page: store_read_requests_send sends a
 * document pack to a unit's people (idempotent), store_read_status_for_unit
 * gives the per person x document table, store_read_remind marks the open
 * ones reminded, store_read_counts gives the indicator. */
#ifndef EVNE_STORE_DOCUMENTS_H
#define EVNE_STORE_DOCUMENTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "base/arena.h"
#include "base/err.h"
#include "domain/documents.h"
#include "store/store.h"

/* ---- documents ---- */

struct document_query {
	const char *after_title;   /* keyset cursor (title, id); NULL: first page */
	int64_t after_id;
	int64_t cycle_id;          /* 0: all */
	int limit;                 /* 1..500 */
};
/* By title in Norwegian order, then id; cycle_name and latest_format set. */
enum err store_documents_list(struct store_conn *c, struct arena *a, const struct document_query *q,
			      struct document **out, int *n);
enum err store_document_get(struct store_conn *c, struct arena *a, int64_t id, struct document *out);
/* Inserts d (title, kind, description, cycle_id) with no version yet; sets
 * d->id. ERR_CONFLICT when d->cycle_id names a closed cycle, ERR_NOTFOUND
 * when it names none. */
enum err store_document_insert(struct store_conn *c, struct document *d, int64_t user_id, int64_t now);

/* The versions of a document, newest first, without file bytes. */
enum err store_document_versions(struct store_conn *c, struct arena *a, int64_t document_id,
				 struct doc_version **out, int *n);
/* One version; with_data also reads the file's bytes into v->file_data. */
enum err store_document_version_get(struct store_conn *c, struct arena *a, int64_t document_id,
				    int64_t version, bool with_data, struct doc_version *v);
/* Adds the next version (latest + 1) of document_id: Markdown when
 * v->is_file is false (v->body), else the file v->file_name, v->file_type
 * with data[0..len), whose size and SHA-256 are computed here. Sets
 * v->id, v->version, v->file_size, v->file_sha256 (in a) and moves the
 * document's latest_version. ERR_CONFLICT when the document belongs to a
 * closed cycle. */
enum err store_document_version_add(struct store_conn *c, struct arena *a, int64_t document_id,
				    struct doc_version *v, const void *data, size_t len, int64_t user_id,
				    int64_t now);

/* The cycles a document or a read request may belong to, newest first. */
struct doc_cycle {
	int64_t id;
	char *name;
	char *status;              /* "draft", "open", "closed" */
};
enum err store_doc_cycles(struct store_conn *c, struct arena *a, struct doc_cycle **out, int *n);
/* The cycle to show by default: the newest open one, else the newest; 0
 * when there is none. */
enum err store_doc_default_cycle(struct store_conn *c, int64_t *cycle_id);

/* ---- read requests ---- */

/* Asks people of unit_id to read the documents doc_ids[0..ndocs) within
 * cycle_id, on behalf of user requested_by at now. person_ids[0..npersons)
 * names the people (each must be an active member of unit_id, else
 * ERR_INVALID); person_ids NULL asks every active person of the unit.
 * Idempotent: a person who already has a request for a document in the
 * cycle keeps it (also when confirmed; a new version reopens it by itself).
 * *created (may be NULL) gets the number of new requests. ERR_NOTFOUND
 * when the cycle, the unit or a document does not exist; ERR_INVALID when a
 * document has no version yet; ERR_CONFLICT when the cycle is closed. */
enum err store_read_requests_send(struct store_conn *c, int64_t cycle_id, int64_t unit_id,
				  const int64_t *doc_ids, int ndocs, const int64_t *person_ids, int npersons,
				  int64_t requested_by, int64_t now, int64_t *created);

/* A person's requests (all cycles), newest first; all names filled. */
enum err store_read_requests_for_person(struct store_conn *c, struct arena *a, int64_t person_id,
					struct read_request **out, int *n);
enum err store_read_request_get(struct store_conn *c, struct arena *a, int64_t id,
				struct read_request *out);
/* Records that the request's person read version at now. ERR_CONFLICT when
 * the cycle is closed or version is not the document's latest. */
enum err store_read_request_confirm(struct store_conn *c, int64_t id, int64_t version, int64_t now);

/* The requests sent for unit_id in cycle_id, by person (Norwegian order)
 * then document title: one row per person x document, with the state given
 * by read_state_of(confirmed_version, latest_version) and the reminders.
 * Only active people. */
enum err store_read_status_for_unit(struct store_conn *c, struct arena *a, int64_t cycle_id,
				    int64_t unit_id, struct read_request **out, int *n);
/* Marks every open request (not confirmed for the latest version) of
 * unit_id's active people in cycle_id reminded at now (reminded_at, one
 * more in reminder_count); *reminded (may be NULL) gets how many.
 * ERR_CONFLICT when the cycle is closed. */
enum err store_read_remind(struct store_conn *c, int64_t cycle_id, int64_t unit_id, int64_t now,
			   int64_t *reminded);
/* The reading indicator of cycle_id for unit_id (requests sent for that
 * unit), or for the whole organisation when unit_id is 0. */
enum err store_read_counts(struct store_conn *c, int64_t cycle_id, int64_t unit_id,
			   struct read_counts *out);

#endif
