/* api.h — the JSON API under /api/v1: problem details (RFC 9457), reading
 * request bodies and the paging query, opaque cursors, and the handlers for
 * units and people. The route rows live in api/routes.c (listed below).
 *
 * Conventions every handler follows:
 * - Output is application/json written with the base/json.h writer; errors
 *   are application/problem+json with type "about:blank" (so title is the
 *   HTTP reason phrase), status, detail, and for field problems an
 *   "errors": [{"field", "message", "code"}] member, where code is the
 *   stable problem_code() of domain/validate.h ("required", "taken", ...).
 *   Clients should key on status and errors[].code, not on the words.
 * - Bodies must be Content-Type application/json (else 415), one JSON object
 *   (else 400), with no duplicate and no unknown members (400 naming them);
 *   a member of the wrong type is 422 naming the field.
 * - Collections answer {"items": [...], "next": CURSOR-or-null}; ?cursor=
 *   continues, ?limit= is 1..500 (default 50); anything else is 400.
 * - Writes run in one transaction (ctx_write) and leave one audit row, none
 *   when nothing changed.
 * - People are never deleted (their history must keep its subject):
 *   DELETE /api/v1/people/{id} deactivates, answering 200 with the person,
 *   the same as PATCH {"active": false}. DELETE of a unit answers 204, or
 *   409 while it has sub-units or people (active or not).
 *
 * Route rows (method, pattern, handler, permission) for api_routes[]:
 *   GET    /api/v1/units          api_units_list     ACT_ORG_READ
 *   POST   /api/v1/units          api_unit_create    ACT_UNIT_EDIT
 *   GET    /api/v1/units/{id}     api_unit_get       ACT_ORG_READ
 *   PATCH  /api/v1/units/{id}     api_unit_update    ACT_UNIT_EDIT
 *   DELETE /api/v1/units/{id}     api_unit_delete    ACT_UNIT_EDIT
 *   GET    /api/v1/people         api_people_list    ACT_ORG_READ
 *   POST   /api/v1/people         api_person_create  ACT_PERSON_EDIT
 *   GET    /api/v1/people/{id}    api_person_get     ACT_ORG_READ
 *   PATCH  /api/v1/people/{id}    api_person_update  ACT_PERSON_EDIT
 *   DELETE /api/v1/people/{id}    api_person_delete  ACT_PERSON_EDIT
 * ACT_PERSON_EDIT lets a leader through the router; the handlers then check
 * the person's unit (old and new) against the leader's scope (403). */
#ifndef EVNE_API_H
#define EVNE_API_H

#include <stdbool.h>
#include <stdint.h>
#include "base/arena.h"
#include "base/err.h"
#include "base/json.h"
#include "domain/validate.h"
#include "web/app.h"

/* ---- problem details (problem.c) ---- */

/* Replaces the response with a problem+json of this status; detail may be NULL. */
void api_problem(struct ctx *c, int status, const char *detail);
/* The same with an "errors" array from fe (English messages). */
void api_problem_fields(struct ctx *c, int status, const struct field_errors *fe);
/* The problem for an error enum from the store or a write: 404, 403, 409,
 * 413, 503 (busy) or 500 (logged). */
void api_problem_err(struct ctx *c, enum err e);
/* Starts a JSON response: empties the body and points w at it. */
void api_json_begin(struct ctx *c, struct jw *w);
/* Sets the status and application/json; a 413 problem instead when the
 * response outgrew its buffer. */
void api_json_end(struct ctx *c, int status);
/* Starts a collection answer, {"items": [, for the caller to write the items into. */
void api_list_begin(struct ctx *c, struct jw *w);
/* Ends it with ], "next": the cursor for (next_key, next_id), or null when
 * next_key is NULL (the last page), and answers 200; a key that cannot make
 * a cursor is logged and answered 500. */
void api_list_end(struct ctx *c, struct jw *w, const char *next_key, int64_t next_id);

/* ---- request input (json_in.c) ---- */

enum api_type {
	API_STR,     /* JSON string or null (null reads as NULL) */
	API_ID,      /* positive JSON integer or null (null reads as 0) */
	API_BOOL,    /* true or false */
	API_IDS,     /* JSON array of positive integers, or null (reads as empty) */
	API_COUNT    /* JSON integer >= 0 (a count, an amount), or null (reads as -1) */
};

/* The value of an API_IDS member: v[0..n) in the request arena, in the
 * order given, duplicates kept (the caller decides what they mean). */
struct api_ids {
	int64_t *v;
	int n;
};

/* One member a body may hold. The reader sets present and fills out: a
 * char ** for API_STR, an int64_t * for API_ID and API_COUNT, a bool * for
 * API_BOOL, a struct api_ids * for API_IDS. */
struct api_member {
	const char *name;
	enum api_type type;
	void *out;
	bool present;
};

/* Reads the request body as a JSON object whose members all appear in m[].
 * Returns true with the outputs filled (strings copied into the request
 * arena); false once a problem has been written: 415 (not application/json),
 * 413 (over API_BODY_MAX), 400 (malformed, too deep, not an object, unknown
 * members), 422 (a member of the wrong type). */
bool api_read_body(struct ctx *c, struct api_member *m, int n);
enum { API_BODY_MAX = 64 * 1024, API_BODY_DEPTH = 16 };

/* Paging from ?cursor= and ?limit=. */
struct api_page {
	int limit;             /* 1..API_LIMIT_MAX */
	const char *key;       /* the cursor's position key; NULL on the first page */
	int64_t id;            /* the cursor's id; 0 on the first page */
};
/* Fills p from the query; false once a 400 problem has been written. */
bool api_read_page(struct ctx *c, struct api_page *p);
/* ?name=true|false (absent: dflt); false once a 400 problem has been written. */
bool api_query_bool(struct ctx *c, const char *name, bool dflt, bool *out);
/* ?name=ID, a positive integer (absent: 0); false once a 400 problem has been written. */
bool api_query_id(struct ctx *c, const char *name, int64_t *out);
/* ?q=, a search text of at most NAME_MAX_CHARS characters (absent or empty:
 * NULL); false once a 400 problem has been written. */
bool api_query_text(struct ctx *c, const char **out);

/* ---- cursors (cursor.c): pure, no request needed ---- */

enum { API_LIMIT_DEFAULT = 50, API_LIMIT_MAX = 500, API_CURSOR_MAX = 1024 };

/* An opaque cursor for the keyset position (key, id): base64url without
 * padding of key, 0x1F, decimal id. key must be valid UTF-8 text without
 * control characters. NULL when key is not, or over the arena cap. */
char *api_cursor_encode(struct arena *a, const char *key, int64_t id);
/* The inverse; ERR_INVALID for anything api_cursor_encode cannot have made
 * (bad base64url, no separator, id not a positive integer, key not text),
 * ERR_TOO_BIG over the arena cap. *key is in a. */
enum err api_cursor_decode(struct arena *a, const char *s, const char **key, int64_t *id);
/* ?limit= text: NULL gives API_LIMIT_DEFAULT; otherwise decimal digits only,
 * 1..API_LIMIT_MAX, else ERR_INVALID. */
enum err api_limit_parse(const char *s, int *out);
/* A positive decimal int64 with no sign, spaces or leading zeros. */
bool api_parse_id(const char *s, int64_t *out);

/* ---- what the resource handlers share (resource.c) ---- */

/* Writes one object of a family as JSON; item points at its struct. */
typedef void api_item_writer(struct jw *w, const void *item);
/* An item's keyset position in a list in name order: returns its name and
 * puts its id in *id. */
typedef const char *api_item_key(const void *item, int64_t *id);

/* The query of a list in name order (people, competences): the paging,
 * ?<scope>= (an id that narrows the list, absent: 0), ?include_inactive=
 * and ?q=. */
struct api_name_query {
	struct api_page page;
	int64_t scope_id;
	bool include_inactive;
	const char *text;    /* NULL: no search */
};
/* Fills q; false once a 400 problem has been written. */
bool api_read_name_query(struct ctx *c, const char *scope, struct api_name_query *q);
/* PATCH's path id (0: none) and body as api_read_body reads it; false once
 * a 404 or a body problem has been written. */
bool api_read_patch(struct ctx *c, int64_t id, struct api_member *m, int n);
/* The outcome e of looking up a unique value (a code, an employee number)
 * for the object id (0: a new one), *other_id the holder's id when found:
 * ERR_CONFLICT with field marked taken in fe when another object holds it,
 * OK when none does, else the lookup's error. */
enum err api_unique(enum err e, const int64_t *other_id, int64_t id, struct field_errors *fe,
		    const char *field);
/* The audit action of a stored write: "create", "deactivate" when a patch
 * turned active off, else "update". */
const char *api_write_action(bool create, bool was_active, bool is_active);
/* The problem of e, or item written by put with this status. */
void api_answer_one(struct ctx *c, enum err e, int status, api_item_writer *put, const void *item);
/* The problem of e, or items[0..n) (size bytes each, written by put) as a
 * collection whose "next" continues after the last item's key when the page
 * is full. */
void api_answer_name_page(struct ctx *c, enum err e, const struct api_page *pg, const void *items,
			  int n, size_t size, api_item_writer *put, api_item_key *key);
/* The answer to a write's transaction: 422 or 409 naming the fields in fe,
 * a 409 with detail (when not NULL), the problem of any other error; on
 * success item with status, or an empty 204 when put is NULL. */
void api_answer_write(struct ctx *c, enum err e, const struct field_errors *fe, const char *detail,
		      int status, api_item_writer *put, const void *item);

/* ---- handlers ---- */

void api_units_list(struct ctx *c);
void api_unit_get(struct ctx *c);
void api_unit_create(struct ctx *c);
void api_unit_update(struct ctx *c);
void api_unit_delete(struct ctx *c);

void api_people_list(struct ctx *c);
void api_person_get(struct ctx *c);
void api_person_create(struct ctx *c);
void api_person_update(struct ctx *c);
void api_person_delete(struct ctx *c);

#endif
