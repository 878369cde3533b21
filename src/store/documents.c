/* documents.c — documents, versions and read requests (see documents.h).
 * File bytes live in document_versions.file_data (BLOB / bytea) beside
 * their SHA-256, so a backup holds them; lists never read the bytes. A
 * request's state is computed against documents.latest_version, so adding
 * a version reopens every confirmation without touching the requests. The
 * cycle's status is checked inside the caller's transaction before each
 * write, because a closed cycle is read-only. */
#include "store/documents.h"

#include <sodium.h>
#include <string.h>
#include "store/store_int.h"

#define DOC_SELECT \
	"SELECT d.id, d.title, d.kind, d.description, d.cycle_id, c.name, c.status, d.latest_version," \
	" v.format, d.created_at, d.updated_at FROM documents d" \
	" LEFT JOIN cycles c ON c.id = d.cycle_id" \
	" LEFT JOIN document_versions v ON v.document_id = d.id AND v.version = d.latest_version"

static void doc_row(struct store_q *q, struct arena *a, struct document *d)
{
	memset(d, 0, sizeof *d);
	d->id = store_q_col_int(q, 0);
	d->title = store_q_col_text(q, a, 1);
	char *kind = store_q_col_text(q, a, 2);
	if (!doc_kind_parse(kind, &d->kind))
		d->kind = DOC_OTHER;
	d->description = store_q_col_text(q, a, 3);
	d->cycle_id = store_q_col_int(q, 4);
	d->cycle_name = store_q_col_text(q, a, 5);
	d->cycle_status = store_q_col_text(q, a, 6);
	d->latest_version = store_q_col_int(q, 7);
	d->latest_format = store_q_col_text(q, a, 8);
	d->created_at = store_q_col_int(q, 9);
	d->updated_at = store_q_col_int(q, 10);
}

/* $1, $2: the cursor (title, id), ('', 0) on the first page; $3: cycle or 0; $4: limit. */
static const char SQL_DOCS_LIST[] =
	DOC_SELECT
	" WHERE (d.title COLLATE nb, d.id) > ($1, CAST($2 AS BIGINT))"
	" AND (CAST($3 AS BIGINT) = 0 OR d.cycle_id = $3)"
	" ORDER BY d.title COLLATE nb, d.id LIMIT $4";

enum err store_documents_list(struct store_conn *c, struct arena *a, const struct document_query *q,
			      struct document **out, int *n)
{
	if (q->limit < 1 || q->limit > 500)
		return store_fail(c, ERR_INVALID, "limit %d is out of range 1..500", q->limit);
	struct document *v = arena_alloc(a, (size_t)q->limit * sizeof *v);
	if (!v)
		return store_fail(c, ERR_TOO_BIG, "the arena's cap was reached");
	struct store_q sq;
	int len = 0;
	store_q_prepare(&sq, c, SQL_DOCS_LIST);
	store_q_text(&sq, 1, q->after_title ? q->after_title : "");
	store_q_int(&sq, 2, q->after_title ? q->after_id : 0);
	store_q_int(&sq, 3, q->cycle_id);
	store_q_int(&sq, 4, q->limit);
	while (len < q->limit && store_q_row(&sq))
		doc_row(&sq, a, &v[len++]);
	enum err e = store_q_done(&sq);
	if (e == OK) {
		*out = v;
		*n = len;
	}
	return e;
}

static const char SQL_DOC_GET[] = DOC_SELECT " WHERE d.id = $1";

enum err store_document_get(struct store_conn *c, struct arena *a, int64_t id, struct document *out)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_DOC_GET);
	store_q_int(&q, 1, id);
	if (store_q_row(&q))
		doc_row(&q, a, out);
	else if (!q.err)
		q.err = ERR_NOTFOUND;
	return store_q_done(&q);
}

static const char SQL_CYCLE_STATUS[] = "SELECT status FROM cycles WHERE id = $1";

/* OK when cycle_id names a cycle that is not closed. */
static enum err cycle_writable(struct store_conn *c, int64_t cycle_id)
{
	struct store_q q;
	char status[16] = "";
	store_q_prepare(&q, c, SQL_CYCLE_STATUS);
	store_q_int(&q, 1, cycle_id);
	bool found = store_q_row(&q);
	if (found) {
		const char *s = c->ops->column_text(q.st, 0);
		snprintf(status, sizeof status, "%s", s ? s : "");
	}
	enum err e = store_q_done(&q);
	if (e)
		return e;
	if (!found)
		return store_fail(c, ERR_NOTFOUND, "cycle %lld does not exist", (long long)cycle_id);
	if (strcmp(status, "closed") == 0)
		return store_fail(c, ERR_CONFLICT, "cycle %lld is closed", (long long)cycle_id);
	return OK;
}

static const char SQL_DOC_INSERT[] =
	"INSERT INTO documents (title, kind, description, cycle_id, latest_version, created_by,"
	" created_at, updated_at) VALUES ($1, $2, $3, $4, 0, $5, $6, $6) RETURNING id";

enum err store_document_insert(struct store_conn *c, struct document *d, int64_t user_id, int64_t now)
{
	enum err e;
	if (d->cycle_id && (e = cycle_writable(c, d->cycle_id)) != OK)
		return e;
	struct store_q q;
	store_q_prepare(&q, c, SQL_DOC_INSERT);
	store_q_text(&q, 1, d->title);
	store_q_text(&q, 2, doc_kind_name(d->kind));
	store_q_opt(&q, 3, d->description);
	store_q_id(&q, 4, d->cycle_id);
	store_q_id(&q, 5, user_id);
	store_q_int(&q, 6, now);
	if (store_q_row(&q))
		d->id = store_q_col_int(&q, 0);
	d->created_at = d->updated_at = now;
	return store_q_done(&q);
}

#define VERSION_SELECT \
	"SELECT v.id, v.document_id, v.version, v.format, v.body, v.file_name, v.file_type, v.file_size," \
	" v.file_sha256, v.created_by, u.name, v.created_at"

static void version_row(struct store_q *q, struct arena *a, struct doc_version *v)
{
	memset(v, 0, sizeof *v);
	v->id = store_q_col_int(q, 0);
	v->document_id = store_q_col_int(q, 1);
	v->version = store_q_col_int(q, 2);
	char *format = store_q_col_text(q, a, 3);
	v->is_file = format && strcmp(format, "file") == 0;
	v->body = store_q_col_text(q, a, 4);
	v->file_name = store_q_col_text(q, a, 5);
	v->file_type = doc_file_type_parse(store_q_col_text(q, a, 6));
	v->file_size = store_q_col_int(q, 7);
	v->file_sha256 = store_q_col_text(q, a, 8);
	v->created_by = store_q_col_int(q, 9);
	v->created_by_name = store_q_col_text(q, a, 10);
	v->created_at = store_q_col_int(q, 11);
}

static const char SQL_VERSIONS[] =
	VERSION_SELECT " FROM document_versions v LEFT JOIN users u ON u.id = v.created_by"
	" WHERE v.document_id = $1 ORDER BY v.version DESC";

enum err store_document_versions(struct store_conn *c, struct arena *a, int64_t document_id,
				 struct doc_version **out, int *n)
{
	struct doc_version *v = NULL;
	int len = 0, cap = 0;
	struct store_q q;
	store_q_prepare(&q, c, SQL_VERSIONS);
	store_q_int(&q, 1, document_id);
	while (store_q_row(&q)) {
		if (!(v = store_grow(a, v, len, &cap, sizeof *v))) {
			q.err = store_fail(c, ERR_TOO_BIG, "the arena's cap was reached");
			break;
		}
		version_row(&q, a, &v[len++]);
	}
	enum err e = store_q_done(&q);
	if (e == OK) {
		*out = v;
		*n = len;
	}
	return e;
}

static const char SQL_VERSION_GET[] =
	VERSION_SELECT ", CASE WHEN $3 = 1 THEN v.file_data END"
	" FROM document_versions v LEFT JOIN users u ON u.id = v.created_by"
	" WHERE v.document_id = $1 AND v.version = $2";

enum err store_document_version_get(struct store_conn *c, struct arena *a, int64_t document_id,
				    int64_t version, bool with_data, struct doc_version *v)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_VERSION_GET);
	store_q_int(&q, 1, document_id);
	store_q_int(&q, 2, version);
	store_q_int(&q, 3, with_data);
	if (store_q_row(&q)) {
		version_row(&q, a, v);
		if (with_data && v->is_file) {
			size_t n = 0;
			v->file_data = store_q_col_blob(&q, a, 12, &n);
			if (!q.err && (int64_t)n != v->file_size)
				q.err = store_fail(c, ERR_IO, "document %lld version %lld: %zu bytes stored, %lld recorded",
						   (long long)document_id, (long long)version, n,
						   (long long)v->file_size);
		}
	} else if (!q.err) {
		q.err = ERR_NOTFOUND;
	}
	return store_q_done(&q);
}

static const char SQL_DOC_LATEST[] = "SELECT latest_version, cycle_id FROM documents WHERE id = $1";
static const char SQL_VERSION_INSERT[] =
	"INSERT INTO document_versions (document_id, version, format, body, file_name, file_type,"
	" file_size, file_sha256, file_data, created_by, created_at)"
	" VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id";
static const char SQL_DOC_BUMP[] =
	"UPDATE documents SET latest_version = $2, updated_at = $3 WHERE id = $1";

enum err store_document_version_add(struct store_conn *c, struct arena *a, int64_t document_id,
				    struct doc_version *v, const void *data, size_t len, int64_t user_id,
				    int64_t now)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_DOC_LATEST);
	store_q_int(&q, 1, document_id);
	bool found = store_q_row(&q);
	int64_t latest = found ? store_q_col_int(&q, 0) : 0;
	int64_t cycle_id = found ? store_q_col_int(&q, 1) : 0;
	enum err e = store_q_done(&q);
	if (e)
		return e;
	if (!found)
		return store_fail(c, ERR_NOTFOUND, "document %lld does not exist", (long long)document_id);
	if (cycle_id && (e = cycle_writable(c, cycle_id)) != OK)
		return e;
	if (v->is_file) {
		if (!data || len == 0 || !v->file_name || !v->file_type)
			return store_fail(c, ERR_INVALID, "a file version needs a name, a type and bytes");
		unsigned char digest[crypto_hash_sha256_BYTES];
		crypto_hash_sha256(digest, data, len);
		if (!(v->file_sha256 = arena_alloc(a, sizeof digest * 2 + 1)))
			return store_fail(c, ERR_TOO_BIG, "the arena's cap was reached");
		sodium_bin2hex(v->file_sha256, sizeof digest * 2 + 1, digest, sizeof digest);
		v->file_size = (int64_t)len;
	} else if (!v->body) {
		return store_fail(c, ERR_INVALID, "a Markdown version needs a body");
	}
	v->document_id = document_id;
	v->version = latest + 1;
	v->created_by = user_id;
	v->created_at = now;
	store_q_prepare(&q, c, SQL_VERSION_INSERT);
	store_q_int(&q, 1, document_id);
	store_q_int(&q, 2, v->version);
	store_q_text(&q, 3, v->is_file ? "file" : "markdown");
	store_q_text(&q, 4, v->is_file ? NULL : v->body);
	store_q_text(&q, 5, v->is_file ? v->file_name : NULL);
	store_q_text(&q, 6, v->is_file ? doc_file_type_name(v->file_type) : NULL);
	if (v->is_file) {
		store_q_int(&q, 7, v->file_size);
		store_q_text(&q, 8, v->file_sha256);
		store_q_blob(&q, 9, data, len);
	} else {
		store_q_text(&q, 7, NULL);
		store_q_text(&q, 8, NULL);
		store_q_text(&q, 9, NULL);
	}
	store_q_id(&q, 10, user_id);
	store_q_int(&q, 11, now);
	if (store_q_row(&q))
		v->id = store_q_col_int(&q, 0);
	if ((e = store_q_done(&q)) != OK)
		return e;
	store_q_prepare(&q, c, SQL_DOC_BUMP);
	store_q_int(&q, 1, document_id);
	store_q_int(&q, 2, v->version);
	store_q_int(&q, 3, now);
	store_q_exec(&q, NULL);
	return store_q_done(&q);
}

static const char SQL_CYCLES[] = "SELECT id, name, status FROM cycles ORDER BY id DESC";

enum err store_doc_cycles(struct store_conn *c, struct arena *a, struct doc_cycle **out, int *n)
{
	struct doc_cycle *v = NULL;
	int len = 0, cap = 0;
	struct store_q q;
	store_q_prepare(&q, c, SQL_CYCLES);
	while (store_q_row(&q)) {
		if (!(v = store_grow(a, v, len, &cap, sizeof *v))) {
			q.err = store_fail(c, ERR_TOO_BIG, "the arena's cap was reached");
			break;
		}
		v[len].id = store_q_col_int(&q, 0);
		v[len].name = store_q_col_text(&q, a, 1);
		v[len].status = store_q_col_text(&q, a, 2);
		len++;
	}
	enum err e = store_q_done(&q);
	if (e == OK) {
		*out = v;
		*n = len;
	}
	return e;
}

static const char SQL_DEFAULT_CYCLE[] =
	"SELECT id FROM cycles ORDER BY CASE WHEN status = 'open' THEN 0 ELSE 1 END, id DESC LIMIT 1";

enum err store_doc_default_cycle(struct store_conn *c, int64_t *cycle_id)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_DEFAULT_CYCLE);
	*cycle_id = store_q_row(&q) ? store_q_col_int(&q, 0) : 0;
	return store_q_done(&q);
}

/* ---- read requests ---- */

static const char SQL_UNIT_EXISTS[] = "SELECT 1 FROM units WHERE id = $1";
/* INSERT ... SELECT needs its parameters typed for PostgreSQL (the casts);
 * the WHERE before ON CONFLICT keeps SQLite's parser from reading it as a
 * join condition. $6: one person, or 0 for every active person of the unit. */
static const char SQL_SEND[] =
	"INSERT INTO read_requests (document_id, person_id, cycle_id, unit_id, requested_by,"
	" requested_at, reminder_count)"
	" SELECT CAST($1 AS BIGINT), p.id, CAST($2 AS BIGINT), CAST($3 AS BIGINT), CAST($4 AS BIGINT),"
	" CAST($5 AS BIGINT), 0 FROM people p"
	" WHERE p.unit_id = $3 AND p.active = 1 AND (CAST($6 AS BIGINT) = 0 OR p.id = $6)"
	" ON CONFLICT (document_id, person_id, cycle_id) DO NOTHING";
static const char SQL_PERSON_IN_UNIT[] = "SELECT 1 FROM people WHERE id = $1 AND unit_id = $2 AND active = 1";

static enum err unit_exists(struct store_conn *c, int64_t unit_id, bool *yes)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_UNIT_EXISTS);
	store_q_int(&q, 1, unit_id);
	*yes = store_q_row(&q);
	return store_q_done(&q);
}

static enum err person_in_unit(struct store_conn *c, int64_t person_id, int64_t unit_id, bool *yes)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_PERSON_IN_UNIT);
	store_q_int(&q, 1, person_id);
	store_q_int(&q, 2, unit_id);
	*yes = store_q_row(&q);
	return store_q_done(&q);
}

enum err store_read_requests_send(struct store_conn *c, int64_t cycle_id, int64_t unit_id,
				  const int64_t *doc_ids, int ndocs, const int64_t *person_ids, int npersons,
				  int64_t requested_by, int64_t now, int64_t *created)
{
	enum err e;
	bool yes;
	if (created)
		*created = 0;
	if ((e = cycle_writable(c, cycle_id)) != OK)
		return e;
	if ((e = unit_exists(c, unit_id, &yes)) != OK)
		return e;
	if (!yes)
		return store_fail(c, ERR_NOTFOUND, "unit %lld does not exist", (long long)unit_id);
	for (int i = 0; i < ndocs; i++) {
		struct store_q q;
		store_q_prepare(&q, c, SQL_DOC_LATEST);
		store_q_int(&q, 1, doc_ids[i]);
		bool found = store_q_row(&q);
		int64_t latest = found ? store_q_col_int(&q, 0) : 0;
		if ((e = store_q_done(&q)) != OK)
			return e;
		if (!found)
			return store_fail(c, ERR_NOTFOUND, "document %lld does not exist", (long long)doc_ids[i]);
		if (latest == 0)
			return store_fail(c, ERR_INVALID, "document %lld has no version to read",
					  (long long)doc_ids[i]);
	}
	for (int k = 0; person_ids && k < npersons; k++) {
		if ((e = person_in_unit(c, person_ids[k], unit_id, &yes)) != OK)
			return e;
		if (!yes)
			return store_fail(c, ERR_INVALID, "person %lld is not an active member of unit %lld",
					  (long long)person_ids[k], (long long)unit_id);
	}
	int rounds = person_ids ? npersons : 1;
	for (int i = 0; i < ndocs; i++) {
		for (int k = 0; k < rounds; k++) {
			struct store_q q;
			int64_t n = 0;
			store_q_prepare(&q, c, SQL_SEND);
			store_q_int(&q, 1, doc_ids[i]);
			store_q_int(&q, 2, cycle_id);
			store_q_int(&q, 3, unit_id);
			store_q_id(&q, 4, requested_by);
			store_q_int(&q, 5, now);
			store_q_int(&q, 6, person_ids ? person_ids[k] : 0);
			store_q_exec(&q, &n);
			if ((e = store_q_done(&q)) != OK)
				return e;
			if (created)
				*created += n;
		}
	}
	return OK;
}

#define REQUEST_SELECT \
	"SELECT r.id, r.document_id, d.title, d.kind, d.latest_version, r.person_id, p.name, r.cycle_id," \
	" c.name, c.status, r.unit_id, r.requested_by, u.name, r.requested_at, r.confirmed_version," \
	" r.confirmed_at, r.reminded_at, r.reminder_count FROM read_requests r" \
	" JOIN documents d ON d.id = r.document_id JOIN people p ON p.id = r.person_id" \
	" JOIN cycles c ON c.id = r.cycle_id LEFT JOIN users u ON u.id = r.requested_by"

static void request_row(struct store_q *q, struct arena *a, struct read_request *r)
{
	memset(r, 0, sizeof *r);
	r->id = store_q_col_int(q, 0);
	r->document_id = store_q_col_int(q, 1);
	r->document_title = store_q_col_text(q, a, 2);
	if (!doc_kind_parse(store_q_col_text(q, a, 3), &r->kind))
		r->kind = DOC_OTHER;
	r->latest_version = store_q_col_int(q, 4);
	r->person_id = store_q_col_int(q, 5);
	r->person_name = store_q_col_text(q, a, 6);
	r->cycle_id = store_q_col_int(q, 7);
	r->cycle_name = store_q_col_text(q, a, 8);
	r->cycle_status = store_q_col_text(q, a, 9);
	r->unit_id = store_q_col_int(q, 10);
	r->requested_by = store_q_col_int(q, 11);
	r->requested_by_name = store_q_col_text(q, a, 12);
	r->requested_at = store_q_col_int(q, 13);
	r->confirmed_version = store_q_col_int(q, 14);
	r->confirmed_at = store_q_col_int(q, 15);
	r->reminded_at = store_q_col_int(q, 16);
	r->reminder_count = store_q_col_int(q, 17);
}

static enum err request_list(struct store_conn *c, struct arena *a, struct store_q *q,
			     struct read_request **out, int *n)
{
	struct read_request *v = NULL;
	int len = 0, cap = 0;
	while (store_q_row(q)) {
		if (!(v = store_grow(a, v, len, &cap, sizeof *v))) {
			q->err = store_fail(c, ERR_TOO_BIG, "the arena's cap was reached");
			break;
		}
		request_row(q, a, &v[len++]);
	}
	enum err e = store_q_done(q);
	if (e == OK) {
		*out = v;
		*n = len;
	}
	return e;
}

static const char SQL_REQUESTS_MINE[] =
	REQUEST_SELECT " WHERE r.person_id = $1 ORDER BY r.requested_at DESC, r.id DESC";

enum err store_read_requests_for_person(struct store_conn *c, struct arena *a, int64_t person_id,
					struct read_request **out, int *n)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_REQUESTS_MINE);
	store_q_int(&q, 1, person_id);
	return request_list(c, a, &q, out, n);
}

static const char SQL_REQUEST_GET[] = REQUEST_SELECT " WHERE r.id = $1";

enum err store_read_request_get(struct store_conn *c, struct arena *a, int64_t id, struct read_request *out)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_REQUEST_GET);
	store_q_int(&q, 1, id);
	if (store_q_row(&q))
		request_row(&q, a, out);
	else if (!q.err)
		q.err = ERR_NOTFOUND;
	return store_q_done(&q);
}

static const char SQL_REQUEST_LATEST[] =
	"SELECT d.latest_version, r.cycle_id FROM read_requests r JOIN documents d ON d.id = r.document_id"
	" WHERE r.id = $1";
static const char SQL_REQUEST_CONFIRM[] =
	"UPDATE read_requests SET confirmed_version = $2, confirmed_at = $3 WHERE id = $1";

enum err store_read_request_confirm(struct store_conn *c, int64_t id, int64_t version, int64_t now)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_REQUEST_LATEST);
	store_q_int(&q, 1, id);
	bool found = store_q_row(&q);
	int64_t latest = found ? store_q_col_int(&q, 0) : 0, cycle_id = found ? store_q_col_int(&q, 1) : 0;
	enum err e = store_q_done(&q);
	if (e)
		return e;
	if (!found)
		return store_fail(c, ERR_NOTFOUND, "read request %lld does not exist", (long long)id);
	if ((e = cycle_writable(c, cycle_id)) != OK)
		return e;
	if (version != latest || latest == 0)
		return store_fail(c, ERR_CONFLICT, "version %lld is not the latest (%lld)", (long long)version,
				  (long long)latest);
	store_q_prepare(&q, c, SQL_REQUEST_CONFIRM);
	store_q_int(&q, 1, id);
	store_q_int(&q, 2, version);
	store_q_int(&q, 3, now);
	store_q_exec(&q, NULL);
	return store_q_done(&q);
}

static const char SQL_STATUS_UNIT[] =
	REQUEST_SELECT " WHERE r.cycle_id = $1 AND r.unit_id = $2 AND p.active = 1"
	" ORDER BY p.name COLLATE nb, p.id, d.title COLLATE nb, d.id";

enum err store_read_status_for_unit(struct store_conn *c, struct arena *a, int64_t cycle_id,
				    int64_t unit_id, struct read_request **out, int *n)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_STATUS_UNIT);
	store_q_int(&q, 1, cycle_id);
	store_q_int(&q, 2, unit_id);
	return request_list(c, a, &q, out, n);
}

static const char SQL_REMIND[] =
	"UPDATE read_requests SET reminded_at = $3, reminder_count = reminder_count + 1"
	" WHERE cycle_id = $1 AND unit_id = $2"
	" AND person_id IN (SELECT id FROM people WHERE active = 1)"
	" AND (confirmed_version IS NULL OR confirmed_version <"
	" (SELECT d.latest_version FROM documents d WHERE d.id = read_requests.document_id))";

enum err store_read_remind(struct store_conn *c, int64_t cycle_id, int64_t unit_id, int64_t now,
			   int64_t *reminded)
{
	enum err e = cycle_writable(c, cycle_id);
	if (e)
		return e;
	struct store_q q;
	int64_t n = 0;
	store_q_prepare(&q, c, SQL_REMIND);
	store_q_int(&q, 1, cycle_id);
	store_q_int(&q, 2, unit_id);
	store_q_int(&q, 3, now);
	store_q_exec(&q, &n);
	if (reminded)
		*reminded = n;
	return store_q_done(&q);
}

/* Per person: done = 1 when every request is confirmed for the latest version. */
static const char SQL_COUNTS[] =
	"SELECT count(*), coalesce(sum(x.done), 0), coalesce(sum(x.requests), 0),"
	" coalesce(sum(x.confirmed), 0) FROM (SELECT r.person_id,"
	" min(CASE WHEN r.confirmed_version >= d.latest_version THEN 1 ELSE 0 END) AS done,"
	" count(*) AS requests,"
	" sum(CASE WHEN r.confirmed_version >= d.latest_version THEN 1 ELSE 0 END) AS confirmed"
	" FROM read_requests r JOIN documents d ON d.id = r.document_id"
	" JOIN people p ON p.id = r.person_id AND p.active = 1"
	" WHERE r.cycle_id = $1 AND (CAST($2 AS BIGINT) = 0 OR r.unit_id = $2)"
	" GROUP BY r.person_id) x";

enum err store_read_counts(struct store_conn *c, int64_t cycle_id, int64_t unit_id, struct read_counts *out)
{
	struct store_q q;
	memset(out, 0, sizeof *out);
	store_q_prepare(&q, c, SQL_COUNTS);
	store_q_int(&q, 1, cycle_id);
	store_q_int(&q, 2, unit_id);
	if (store_q_row(&q)) {
		out->asked = store_q_col_int(&q, 0);
		out->confirmed_all = store_q_col_int(&q, 1);
		out->requests = store_q_col_int(&q, 2);
		out->requests_confirmed = store_q_col_int(&q, 3);
	}
	return store_q_done(&q);
}
