/* decision.c — the SQL of the decision (schema 009_decided_strategy), one
 * constant per statement, the same text for SQLite and PostgreSQL. The
 * snapshot reads the working set in five ordered statements (needs,
 * proposing units, goals, measures, answered needs) and joins the names
 * into lines in C, so no dialect's string aggregate is needed; publishing
 * writes those frozen rows under the next number and never updates an
 * existing version. */
#include "store/decision.h"

#include <sodium.h>
#include <string.h>
#include "store/store_int.h"

/* An integer column that may be NULL: none when it is. */
static int64_t col_int_or(struct store_q *q, int col, int64_t none)
{
	if (q->err || q->c->ops->column_is_null(q->st, col))
		return none;
	return store_q_col_int(q, col);
}

static char *col_text0(struct store_q *q, struct arena *a, int col)
{
	char *s = store_q_col_text(q, a, col);
	return s ? s : (char *)"";
}

/* Fills one array element from the current row. */
typedef void row_fill(struct store_q *q, struct arena *a, void *item);

/* Reads every row of q (prepared and bound) into a growing array of
 * elements of size bytes; *n tells how many. */
static void *collect(struct store_q *q, struct arena *a, size_t size, row_fill *fill, int *n)
{
	char *v = NULL;
	int k = 0, cap = 0;
	while (store_q_row(q)) {
		if (!(v = store_grow(a, v, k, &cap, size))) {
			q->err = ERR_TOO_BIG;
			break;
		}
		fill(q, a, v + (size_t)k++ * size);
	}
	*n = k;
	return v;
}

/* Runs q (prepared) on the row whose id is $1: ERR_NOTFOUND when none
 * changed. */
static enum err exec_by_id(struct store_q *q, int64_t id)
{
	int64_t n = 0;
	store_q_int(q, 1, id);
	store_q_exec(q, &n);
	enum err e = store_q_done(q);
	return e ? e : n ? OK : ERR_NOTFOUND;
}

/* ---- the decision's state ---- */

static const char SQL_DECISION_GET[] =
	"SELECT d.status, d.sent_for_approval_at, d.sent_for_approval_by, us.name, d.approved_at,"
	" d.approved_by, ua.name, d.returned_at, d.returned_by, ur.name, d.return_comment, d.updated_at,"
	" d.approval_comment"
	" FROM decisions d LEFT JOIN users us ON us.id = d.sent_for_approval_by"
	" LEFT JOIN users ua ON ua.id = d.approved_by LEFT JOIN users ur ON ur.id = d.returned_by"
	" WHERE d.cycle_id = $1";

enum err store_decision_get(struct store_conn *c, struct arena *a, int64_t cycle_id,
			    struct decision *out)
{
	*out = (struct decision){ .cycle_id = cycle_id, .status = DECISION_COMPILING, .return_comment = "",
				  .approval_comment = "" };
	struct store_q q;
	store_q_prepare(&q, c, SQL_DECISION_GET);
	store_q_int(&q, 1, cycle_id);
	if (store_q_row(&q)) {
		char *s = store_q_col_text(&q, a, 0);
		if (!decision_status_parse(s, &out->status))
			q.err = store_fail(c, ERR_IO, "decisions.status holds an unknown state");
		out->sent_at = store_q_col_int(&q, 1);
		out->sent_by = store_q_col_int(&q, 2);
		out->sent_by_name = store_q_col_text(&q, a, 3);
		out->approved_at = store_q_col_int(&q, 4);
		out->approved_by = store_q_col_int(&q, 5);
		out->approved_by_name = store_q_col_text(&q, a, 6);
		out->returned_at = store_q_col_int(&q, 7);
		out->returned_by = store_q_col_int(&q, 8);
		out->returned_by_name = store_q_col_text(&q, a, 9);
		out->return_comment = col_text0(&q, a, 10);
		out->updated_at = store_q_col_int(&q, 11);
		out->approval_comment = col_text0(&q, a, 12);
	}
	return store_q_done(&q);
}

static const char SQL_DECISION_PUT[] =
	"INSERT INTO decisions (cycle_id, status, sent_for_approval_at, sent_for_approval_by,"
	" approved_at, approved_by, returned_at, returned_by, return_comment, updated_at, approval_comment)"
	" VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (cycle_id) DO UPDATE SET"
	" status = excluded.status, sent_for_approval_at = excluded.sent_for_approval_at,"
	" sent_for_approval_by = excluded.sent_for_approval_by, approved_at = excluded.approved_at,"
	" approved_by = excluded.approved_by, returned_at = excluded.returned_at,"
	" returned_by = excluded.returned_by, return_comment = excluded.return_comment,"
	" updated_at = excluded.updated_at, approval_comment = excluded.approval_comment";

static void bind_time(struct store_q *q, int idx, int64_t t)
{
	if (t)
		store_q_int(q, idx, t);
	else
		store_q_text(q, idx, NULL);
}

enum err store_decision_put(struct store_conn *c, const struct decision *d)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_DECISION_PUT);
	store_q_int(&q, 1, d->cycle_id);
	store_q_text(&q, 2, decision_status_name(d->status));
	bind_time(&q, 3, d->sent_at);
	store_q_id(&q, 4, d->sent_by);
	bind_time(&q, 5, d->approved_at);
	store_q_id(&q, 6, d->approved_by);
	bind_time(&q, 7, d->returned_at);
	store_q_id(&q, 8, d->returned_by);
	store_q_text(&q, 9, d->return_comment ? d->return_comment : "");
	store_q_int(&q, 10, d->updated_at);
	store_q_text(&q, 11, d->approval_comment ? d->approval_comment : "");
	store_q_exec(&q, NULL);
	return store_q_done(&q);
}

static const char SQL_DECISION_COUNTS[] =
	"SELECT (SELECT count(*) FROM decided_needs WHERE cycle_id = $1),"
	" (SELECT count(*) FROM decided_measures WHERE cycle_id = $1),"
	" (SELECT count(*) FROM consultations WHERE cycle_id = $1),"
	" (SELECT count(*) FROM decided_versions WHERE cycle_id = $1),"
	" (SELECT max(published_at) FROM decided_versions WHERE cycle_id = $1)";

enum err store_decision_counts(struct store_conn *c, int64_t cycle_id, struct decision_counts *out)
{
	*out = (struct decision_counts){ 0 };
	struct store_q q;
	store_q_prepare(&q, c, SQL_DECISION_COUNTS);
	store_q_int(&q, 1, cycle_id);
	if (store_q_row(&q)) {
		out->decided_needs = store_q_col_int(&q, 0);
		out->decided_measures = store_q_col_int(&q, 1);
		out->consultations = store_q_col_int(&q, 2);
		out->versions = store_q_col_int(&q, 3);
		out->last_published_at = col_int_or(&q, 4, 0);
	}
	return store_q_done(&q);
}

/* ---- consultations ---- */

#define CONSULT_SELECT \
	"SELECT k.id, k.cycle_id, k.held_on, k.participants, k.minutes, k.created_by, k.created_at," \
	" k.updated_by, u.name, k.updated_at," \
	" (SELECT count(*) FROM consultation_files f WHERE f.consultation_id = k.id)" \
	" FROM consultations k LEFT JOIN users u ON u.id = k.updated_by"

static const char SQL_CONSULTS[] =
	CONSULT_SELECT " WHERE k.cycle_id = $1 AND (k.held_on > $2 OR (k.held_on = $2 AND k.id > $3))"
	" ORDER BY k.held_on, k.id LIMIT $4";
static const char SQL_CONSULT_GET[] = CONSULT_SELECT " WHERE k.id = $1";

static void consult_row(struct store_q *q, struct arena *a, void *item)
{
	struct consultation *k = item;
	k->id = store_q_col_int(q, 0);
	k->cycle_id = store_q_col_int(q, 1);
	k->held_on = col_text0(q, a, 2);
	k->participants = col_text0(q, a, 3);
	k->minutes = col_text0(q, a, 4);
	k->created_by = store_q_col_int(q, 5);
	k->created_at = store_q_col_int(q, 6);
	k->updated_by = store_q_col_int(q, 7);
	k->updated_by_name = store_q_col_text(q, a, 8);
	k->updated_at = store_q_col_int(q, 9);
	k->files = store_q_col_int(q, 10);
}

enum err store_consultations(struct store_conn *c, struct arena *a, int64_t cycle_id,
			     const char *after_held_on, int64_t after_id, int limit,
			     struct consultation **out, int *n)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_CONSULTS);
	store_q_int(&q, 1, cycle_id);
	store_q_text(&q, 2, after_held_on ? after_held_on : "");
	store_q_int(&q, 3, after_id);
	store_q_int(&q, 4, limit);
	*out = collect(&q, a, sizeof **out, consult_row, n);
	return store_q_done(&q);
}

enum err store_consultation_get(struct store_conn *c, struct arena *a, int64_t id,
				struct consultation *out)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_CONSULT_GET);
	store_q_int(&q, 1, id);
	if (store_q_row(&q))
		consult_row(&q, a, out);
	else if (!q.err)
		q.err = ERR_NOTFOUND;
	return store_q_done(&q);
}

static const char SQL_CONSULT_INSERT[] =
	"INSERT INTO consultations (cycle_id, held_on, participants, minutes, created_by, created_at,"
	" updated_by, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $5, $6) RETURNING id";

enum err store_consultation_insert(struct store_conn *c, struct consultation *k)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_CONSULT_INSERT);
	store_q_int(&q, 1, k->cycle_id);
	store_q_text(&q, 2, k->held_on);
	store_q_text(&q, 3, k->participants);
	store_q_text(&q, 4, k->minutes ? k->minutes : "");
	store_q_id(&q, 5, k->created_by);
	store_q_int(&q, 6, k->created_at);
	if (store_q_row(&q))
		k->id = store_q_col_int(&q, 0);
	k->updated_by = k->created_by;
	k->updated_at = k->created_at;
	return store_q_done(&q);
}

static const char SQL_CONSULT_UPDATE[] =
	"UPDATE consultations SET held_on = $2, participants = $3, minutes = $4, updated_by = $5,"
	" updated_at = $6 WHERE id = $1";

enum err store_consultation_update(struct store_conn *c, const struct consultation *k)
{
	int64_t n = 0;
	struct store_q q;
	store_q_prepare(&q, c, SQL_CONSULT_UPDATE);
	store_q_int(&q, 1, k->id);
	store_q_text(&q, 2, k->held_on);
	store_q_text(&q, 3, k->participants);
	store_q_text(&q, 4, k->minutes ? k->minutes : "");
	store_q_id(&q, 5, k->updated_by);
	store_q_int(&q, 6, k->updated_at);
	store_q_exec(&q, &n);
	enum err e = store_q_done(&q);
	return e ? e : n ? OK : ERR_NOTFOUND;
}

static const char SQL_CONSULT_DELETE[] = "DELETE FROM consultations WHERE id = $1";

enum err store_consultation_delete(struct store_conn *c, int64_t id)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_CONSULT_DELETE);
	return exec_by_id(&q, id);
}

/* data: "" or ", f.file_data" (column 9) */
#define FILE_SELECT(data) \
	"SELECT f.id, f.consultation_id, f.file_name, f.file_type, f.file_size, f.file_sha256," \
	" f.created_by, u.name, f.created_at" data \
	" FROM consultation_files f LEFT JOIN users u ON u.id = f.created_by"

static const char SQL_FILES[] = FILE_SELECT("") " WHERE f.consultation_id = $1 ORDER BY f.id";
static const char SQL_FILE_GET[] = FILE_SELECT(", f.file_data") " WHERE f.id = $1";
static const char SQL_FILE_GET_META[] = FILE_SELECT("") " WHERE f.id = $1";

static void file_row(struct store_q *q, struct arena *a, void *item)
{
	struct consultation_file *f = item;
	memset(f, 0, sizeof *f);
	f->id = store_q_col_int(q, 0);
	f->consultation_id = store_q_col_int(q, 1);
	f->file_name = col_text0(q, a, 2);
	f->file_type = doc_file_type_parse(store_q_col_text(q, a, 3));
	f->file_size = store_q_col_int(q, 4);
	f->file_sha256 = col_text0(q, a, 5);
	f->created_by = store_q_col_int(q, 6);
	f->created_by_name = store_q_col_text(q, a, 7);
	f->created_at = store_q_col_int(q, 8);
}

enum err store_consultation_files(struct store_conn *c, struct arena *a, int64_t consultation_id,
				  struct consultation_file **out, int *n)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_FILES);
	store_q_int(&q, 1, consultation_id);
	*out = collect(&q, a, sizeof **out, file_row, n);
	return store_q_done(&q);
}

enum err store_consultation_file_get(struct store_conn *c, struct arena *a, int64_t id, bool with_data,
				     struct consultation_file *out)
{
	struct store_q q;
	if (with_data)
		store_q_prepare(&q, c, SQL_FILE_GET);
	else
		store_q_prepare(&q, c, SQL_FILE_GET_META);
	store_q_int(&q, 1, id);
	if (store_q_row(&q)) {
		file_row(&q, a, out);
		if (with_data) {
			size_t n = 0;
			out->file_data = store_q_col_blob(&q, a, 9, &n);
			out->file_size = (int64_t)n;
		}
	} else if (!q.err) {
		q.err = ERR_NOTFOUND;
	}
	return store_q_done(&q);
}

static const char SQL_FILE_INSERT[] =
	"INSERT INTO consultation_files (consultation_id, file_name, file_type, file_size, file_sha256,"
	" file_data, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id";

enum err store_consultation_file_insert(struct store_conn *c, struct arena *a,
					struct consultation_file *f, const void *data, size_t len)
{
	if (!data || len == 0 || !f->file_name || !f->file_type)
		return store_fail(c, ERR_INVALID, "a file needs a name, a type and bytes");
	unsigned char digest[crypto_hash_sha256_BYTES];
	crypto_hash_sha256(digest, data, len);
	if (!(f->file_sha256 = arena_alloc(a, sizeof digest * 2 + 1)))
		return store_fail(c, ERR_TOO_BIG, "the arena's cap was reached");
	sodium_bin2hex(f->file_sha256, sizeof digest * 2 + 1, digest, sizeof digest);
	f->file_size = (int64_t)len;
	struct store_q q;
	store_q_prepare(&q, c, SQL_FILE_INSERT);
	store_q_int(&q, 1, f->consultation_id);
	store_q_text(&q, 2, f->file_name);
	store_q_text(&q, 3, doc_file_type_name(f->file_type));
	store_q_int(&q, 4, f->file_size);
	store_q_text(&q, 5, f->file_sha256);
	store_q_blob(&q, 6, data, len);
	store_q_id(&q, 7, f->created_by);
	store_q_int(&q, 8, f->created_at);
	if (store_q_row(&q))
		f->id = store_q_col_int(&q, 0);
	return store_q_done(&q);
}

static const char SQL_FILE_DELETE[] = "DELETE FROM consultation_files WHERE id = $1";

enum err store_consultation_file_delete(struct store_conn *c, int64_t id)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_FILE_DELETE);
	return exec_by_id(&q, id);
}

/* ---- the working set, as a version would hold it ---- */

static const char SQL_SNAP_NEEDS[] =
	"SELECT d.id, d.position, d.scope, u.name, k.name, d.title, d.description, d.criticality,"
	" d.required_level, d.horizon, d.people_affected FROM decided_needs d"
	" LEFT JOIN units u ON u.id = d.unit_id LEFT JOIN competences k ON k.id = d.competence_id"
	" WHERE d.cycle_id = $1 ORDER BY d.position, d.id";
/* the proposing units; a unit that proposed two merged needs comes twice
 * in a row (same id) and is written once */
static const char SQL_SNAP_SOURCES[] =
	"SELECT ds.decided_need_id, u.id, u.name FROM decided_need_sources ds"
	" JOIN decided_needs d ON d.id = ds.decided_need_id"
	" JOIN competence_needs n ON n.id = ds.need_id JOIN units u ON u.id = n.unit_id"
	" WHERE d.cycle_id = $1 ORDER BY ds.decided_need_id, u.name COLLATE nb, u.id";
/* a goal's code and title as the latest published strategy version of the
 * cycle names it (the latest draft when it was never published) */
static const char SQL_SNAP_GOALS[] =
	"SELECT dg.decided_need_id, dg.goal_id, sg.code, sg.title FROM decided_need_goals dg"
	" JOIN decided_needs d ON d.id = dg.decided_need_id"
	" JOIN strategy_goals sg ON sg.goal_id = dg.goal_id AND sg.version_id = COALESCE("
	"(SELECT max(s2.version_id) FROM strategy_goals s2 JOIN strategy_versions v ON v.id = s2.version_id"
	" WHERE s2.goal_id = dg.goal_id AND v.status = 'published'),"
	" (SELECT max(s3.version_id) FROM strategy_goals s3 WHERE s3.goal_id = dg.goal_id))"
	" WHERE d.cycle_id = $1 ORDER BY dg.decided_need_id, sg.code, dg.goal_id";
static const char SQL_SNAP_MEASURES[] =
	"SELECT m.id, m.position, m.kind, m.scope, u.name, m.title, m.description, m.owner, m.deadline,"
	" m.budget FROM decided_measures m LEFT JOIN units u ON u.id = m.unit_id"
	" WHERE m.cycle_id = $1 ORDER BY m.position, m.id";
static const char SQL_SNAP_MEASURE_NEEDS[] =
	"SELECT mn.measure_id, d.title FROM decided_measure_needs mn"
	" JOIN decided_measures m ON m.id = mn.measure_id JOIN decided_needs d ON d.id = mn.decided_need_id"
	" WHERE m.cycle_id = $1 ORDER BY mn.measure_id, d.position, d.id";

/* Appends a line to *list (in a); false on the cap. */
static bool add_line(struct arena *a, char **list, const char *line)
{
	char *s = **list ? arena_printf(a, "%s\n%s", *list, line) : arena_strdup(a, line);
	if (!s)
		return false;
	*list = s;
	return true;
}

static struct dv_need *need_of(struct decided_version *v, int64_t key)
{
	for (int i = 0; i < v->nneeds; i++)
		if (v->needs[i].key == key)
			return &v->needs[i];
	return NULL;
}

static struct dv_measure *measure_of(struct decided_version *v, int64_t key)
{
	for (int i = 0; i < v->nmeasures; i++)
		if (v->measures[i].key == key)
			return &v->measures[i];
	return NULL;
}

/* The columns a need has in the working set and in a version alike (0-10);
 * the lines of proposing units and goals are filled after. */
static struct dv_need *need_cols(struct store_q *q, struct arena *a, void *item)
{
	struct dv_need *n = item;
	memset(n, 0, sizeof *n);
	n->key = store_q_col_int(q, 0);
	n->position = (int)store_q_col_int(q, 1);
	need_scope_parse(store_q_col_text(q, a, 2), &n->scope);
	n->unit_name = col_text0(q, a, 3);
	n->competence_name = col_text0(q, a, 4);
	n->title = col_text0(q, a, 5);
	n->description = col_text0(q, a, 6);
	criticality_parse(store_q_col_text(q, a, 7), &n->criticality);
	n->required_level = col_int_or(q, 8, 0);
	horizon_parse(store_q_col_text(q, a, 9), &n->horizon);
	n->people_affected = col_int_or(q, 10, -1);
	return n;
}

static void need_row_live(struct store_q *q, struct arena *a, void *item)
{
	struct dv_need *n = need_cols(q, a, item);
	n->proposed_by = "";
	n->goals = "";
}

static void need_row_frozen(struct store_q *q, struct arena *a, void *item)
{
	struct dv_need *n = need_cols(q, a, item);
	n->proposed_by = col_text0(q, a, 11);
	n->goals = col_text0(q, a, 12);
}

/* Likewise a measure (0-9); the needs it answers are filled after. */
static struct dv_measure *measure_cols(struct store_q *q, struct arena *a, void *item)
{
	struct dv_measure *m = item;
	memset(m, 0, sizeof *m);
	m->key = store_q_col_int(q, 0);
	m->position = (int)store_q_col_int(q, 1);
	measure_kind_parse(store_q_col_text(q, a, 2), &m->kind);
	measure_scope_parse(store_q_col_text(q, a, 3), &m->scope);
	m->unit_name = col_text0(q, a, 4);
	m->title = col_text0(q, a, 5);
	m->description = col_text0(q, a, 6);
	m->owner = col_text0(q, a, 7);
	m->deadline = col_text0(q, a, 8);
	m->budget = col_int_or(q, 9, -1);
	return m;
}

static void measure_row_live(struct store_q *q, struct arena *a, void *item)
{
	measure_cols(q, a, item)->needs = "";
}

static void measure_row_frozen(struct store_q *q, struct arena *a, void *item)
{
	struct dv_measure *m = measure_cols(q, a, item);
	m->needs = col_text0(q, a, 10);
}

static enum err snap_needs(struct store_conn *c, struct arena *a, int64_t cycle_id,
			   struct decided_version *v)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_SNAP_NEEDS);
	store_q_int(&q, 1, cycle_id);
	v->needs = collect(&q, a, sizeof *v->needs, need_row_live, &v->nneeds);
	enum err e = store_q_done(&q);
	if (e)
		return e;

	store_q_prepare(&q, c, SQL_SNAP_SOURCES);
	store_q_int(&q, 1, cycle_id);
	int64_t last_need = 0, last_unit = 0;
	while (store_q_row(&q)) {
		int64_t key = store_q_col_int(&q, 0), unit = store_q_col_int(&q, 1);
		struct dv_need *n = need_of(v, key);
		if (!n || (key == last_need && unit == last_unit))
			continue;
		last_need = key;
		last_unit = unit;
		char *name = col_text0(&q, a, 2);
		if (!add_line(a, &n->proposed_by, name))
			q.err = ERR_TOO_BIG;
	}
	if ((e = store_q_done(&q)))
		return e;

	store_q_prepare(&q, c, SQL_SNAP_GOALS);
	store_q_int(&q, 1, cycle_id);
	while (store_q_row(&q)) {
		struct dv_need *n = need_of(v, store_q_col_int(&q, 0));
		if (!n)
			continue;
		char *code = col_text0(&q, a, 2), *title = col_text0(&q, a, 3);
		char *line = arena_printf(a, "%s %s", code, title);
		if (!line || !add_line(a, &n->goals, line))
			q.err = ERR_TOO_BIG;
	}
	return store_q_done(&q);
}

static enum err snap_measures(struct store_conn *c, struct arena *a, int64_t cycle_id,
			      struct decided_version *v)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_SNAP_MEASURES);
	store_q_int(&q, 1, cycle_id);
	v->measures = collect(&q, a, sizeof *v->measures, measure_row_live, &v->nmeasures);
	enum err e = store_q_done(&q);
	if (e)
		return e;
	store_q_prepare(&q, c, SQL_SNAP_MEASURE_NEEDS);
	store_q_int(&q, 1, cycle_id);
	while (store_q_row(&q)) {
		struct dv_measure *m = measure_of(v, store_q_col_int(&q, 0));
		if (m && !add_line(a, &m->needs, col_text0(&q, a, 1)))
			q.err = ERR_TOO_BIG;
	}
	return store_q_done(&q);
}

enum err store_decided_snapshot(struct store_conn *c, struct arena *a, int64_t cycle_id,
				struct decided_version *out)
{
	*out = (struct decided_version){ .cycle_id = cycle_id, .note = "" };
	enum err e = snap_needs(c, a, cycle_id, out);
	return e ? e : snap_measures(c, a, cycle_id, out);
}

/* ---- publishing ---- */

static const char SQL_VERSION_INSERT[] =
	"INSERT INTO decided_versions (cycle_id, number, note, approved_at, approved_by,"
	" approved_by_name, approval_comment, published_at, published_by, published_by_name)"
	" SELECT CAST($1 AS BIGINT), COALESCE(MAX(number), 0) + 1, $2, CAST($3 AS BIGINT),"
	" CAST($4 AS BIGINT), $5, $8, CAST($6 AS BIGINT), CAST($7 AS BIGINT), $9"
	" FROM decided_versions WHERE cycle_id = $1 RETURNING id, number";
static const char SQL_VERSION_NEED_INSERT[] =
	"INSERT INTO decided_version_needs (version_id, need_key, position, scope, unit_name,"
	" competence_name, title, description, criticality, required_level, horizon, people_affected,"
	" proposed_by, goals) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)";
static const char SQL_VERSION_MEASURE_INSERT[] =
	"INSERT INTO decided_version_measures (version_id, measure_key, position, kind, scope, unit_name,"
	" title, description, owner, deadline, budget, needs)"
	" VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)";

static void bind_opt_int(struct store_q *q, int idx, int64_t v, int64_t none_below)
{
	if (v < none_below)
		store_q_text(q, idx, NULL);
	else
		store_q_int(q, idx, v);
}

enum err store_decided_publish(struct store_conn *c, struct decided_version *v)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_VERSION_INSERT);
	store_q_int(&q, 1, v->cycle_id);
	store_q_text(&q, 2, v->note ? v->note : "");
	store_q_int(&q, 3, v->approved_at);
	store_q_id(&q, 4, v->approved_by);
	store_q_text(&q, 5, v->approved_by_name ? v->approved_by_name : "");
	store_q_int(&q, 6, v->published_at);
	store_q_id(&q, 7, v->published_by);
	store_q_text(&q, 8, v->approval_comment ? v->approval_comment : "");
	store_q_text(&q, 9, v->published_by_name ? v->published_by_name : "");
	if (store_q_row(&q)) {
		v->id = store_q_col_int(&q, 0);
		v->number = store_q_col_int(&q, 1);
	}
	enum err e = store_q_done(&q);
	for (int i = 0; i < v->nneeds && !e; i++) {
		const struct dv_need *n = &v->needs[i];
		store_q_prepare(&q, c, SQL_VERSION_NEED_INSERT);
		store_q_int(&q, 1, v->id);
		store_q_int(&q, 2, n->key);
		store_q_int(&q, 3, n->position);
		store_q_text(&q, 4, need_scope_name(n->scope));
		store_q_text(&q, 5, n->unit_name ? n->unit_name : "");
		store_q_text(&q, 6, n->competence_name ? n->competence_name : "");
		store_q_text(&q, 7, n->title);
		store_q_text(&q, 8, n->description ? n->description : "");
		store_q_text(&q, 9, criticality_name(n->criticality));
		bind_opt_int(&q, 10, n->required_level, 1);
		store_q_text(&q, 11, horizon_name(n->horizon));
		bind_opt_int(&q, 12, n->people_affected, 0);
		store_q_text(&q, 13, n->proposed_by ? n->proposed_by : "");
		store_q_text(&q, 14, n->goals ? n->goals : "");
		store_q_exec(&q, NULL);
		e = store_q_done(&q);
	}
	for (int i = 0; i < v->nmeasures && !e; i++) {
		const struct dv_measure *m = &v->measures[i];
		store_q_prepare(&q, c, SQL_VERSION_MEASURE_INSERT);
		store_q_int(&q, 1, v->id);
		store_q_int(&q, 2, m->key);
		store_q_int(&q, 3, m->position);
		store_q_text(&q, 4, measure_kind_name(m->kind));
		store_q_text(&q, 5, measure_scope_name(m->scope));
		store_q_text(&q, 6, m->unit_name ? m->unit_name : "");
		store_q_text(&q, 7, m->title);
		store_q_text(&q, 8, m->description ? m->description : "");
		store_q_text(&q, 9, m->owner ? m->owner : "");
		store_q_opt(&q, 10, m->deadline);
		bind_opt_int(&q, 11, m->budget, 0);
		store_q_text(&q, 12, m->needs ? m->needs : "");
		store_q_exec(&q, NULL);
		e = store_q_done(&q);
	}
	return e;
}

/* ---- reading versions ---- */

/* the publisher as the users table names them now, else the name frozen at
 * publication (the user was deleted) */
#define VERSION_SELECT \
	"SELECT v.id, v.cycle_id, v.number, v.note, v.approved_at, v.approved_by, v.approved_by_name," \
	" v.published_at, v.published_by, COALESCE(u.name, NULLIF(v.published_by_name, ''))," \
	" (SELECT count(*) FROM decided_version_needs n WHERE n.version_id = v.id)," \
	" (SELECT count(*) FROM decided_version_measures m WHERE m.version_id = v.id)," \
	" v.approval_comment" \
	" FROM decided_versions v LEFT JOIN users u ON u.id = v.published_by"

static const char SQL_VERSION_GET[] =
	VERSION_SELECT " WHERE v.cycle_id = $1 AND (CAST($2 AS BIGINT) = 0 OR v.number = $2)"
	" ORDER BY v.number DESC LIMIT 1";
static const char SQL_VERSIONS[] = VERSION_SELECT " WHERE v.cycle_id = $1 ORDER BY v.number DESC";
static const char SQL_VERSION_NEEDS[] =
	"SELECT need_key, position, scope, unit_name, competence_name, title, description, criticality,"
	" required_level, horizon, people_affected, proposed_by, goals FROM decided_version_needs"
	" WHERE version_id = $1 ORDER BY position, need_key";
static const char SQL_VERSION_MEASURES[] =
	"SELECT measure_key, position, kind, scope, unit_name, title, description, owner, deadline, budget,"
	" needs FROM decided_version_measures WHERE version_id = $1 ORDER BY position, measure_key";

static void version_row(struct store_q *q, struct arena *a, void *item)
{
	struct decided_version *v = item;
	memset(v, 0, sizeof *v);
	v->id = store_q_col_int(q, 0);
	v->cycle_id = store_q_col_int(q, 1);
	v->number = store_q_col_int(q, 2);
	v->note = col_text0(q, a, 3);
	v->approved_at = store_q_col_int(q, 4);
	v->approved_by = store_q_col_int(q, 5);
	v->approved_by_name = col_text0(q, a, 6);
	v->published_at = store_q_col_int(q, 7);
	v->published_by = store_q_col_int(q, 8);
	v->published_by_name = store_q_col_text(q, a, 9);
	v->nneeds = (int)store_q_col_int(q, 10);
	v->nmeasures = (int)store_q_col_int(q, 11);
	v->approval_comment = col_text0(q, a, 12);
}

static enum err version_items(struct store_conn *c, struct arena *a, struct decided_version *v)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_VERSION_NEEDS);
	store_q_int(&q, 1, v->id);
	v->needs = collect(&q, a, sizeof *v->needs, need_row_frozen, &v->nneeds);
	enum err e = store_q_done(&q);
	if (e) {
		v->measures = NULL;
		v->nmeasures = 0;
		return e;
	}
	store_q_prepare(&q, c, SQL_VERSION_MEASURES);
	store_q_int(&q, 1, v->id);
	v->measures = collect(&q, a, sizeof *v->measures, measure_row_frozen, &v->nmeasures);
	return store_q_done(&q);
}

enum err store_decided_version_get(struct store_conn *c, struct arena *a, int64_t cycle_id,
				   int64_t number, struct decided_version *out)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_VERSION_GET);
	store_q_int(&q, 1, cycle_id);
	store_q_int(&q, 2, number);
	if (store_q_row(&q))
		version_row(&q, a, out);
	else if (!q.err)
		q.err = ERR_NOTFOUND;
	enum err e = store_q_done(&q);
	return e ? e : version_items(c, a, out);
}

enum err store_decided_versions(struct store_conn *c, struct arena *a, int64_t cycle_id,
				struct decided_version **out, int *n)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_VERSIONS);
	store_q_int(&q, 1, cycle_id);
	*out = collect(&q, a, sizeof **out, version_row, n);
	return store_q_done(&q);
}
