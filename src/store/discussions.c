/* discussions.c — the SQL of phase 2's unit discussion (schema
 * 008_unit_discussions), one constant per statement, the same text for
 * SQLite and PostgreSQL (integers PostgreSQL cannot type from their use
 * are CAST). The meeting's upsert names only the meeting's columns, so the
 * proposal's state written by others is never overwritten. The list of
 * units reads one page by the (name, id) keyset in Norwegian order; a leader's
 * units come from the same recursive walk as store_units_led_by, and a name
 * filter is matched here on case-folded text (the units table has no
 * folded column), reading on until the page is full. */
#include "store/discussions.h"

#include <string.h>
#include "base/text.h"
#include "store/rows.h"
#include "store/store_int.h"

static const char SQL_DISC_GET[] =
	"SELECT d.meeting_on, d.meeting_at, d.location, d.status, d.submitted_at, d.returned_at,"
	" d.return_comment, d.updated_by, us.name, d.updated_at FROM unit_discussions d"
	" LEFT JOIN users us ON us.id = d.updated_by WHERE d.cycle_id = $1 AND d.unit_id = $2";

enum err store_disc_get(struct store_conn *c, struct arena *a, int64_t cycle_id, int64_t unit_id,
			struct disc_meeting *out)
{
	*out = (struct disc_meeting){ .cycle_id = cycle_id, .unit_id = unit_id, .location = "",
				      .return_comment = "", .status = PROPOSAL_DRAFT };
	struct store_q q;
	store_q_prepare(&q, c, SQL_DISC_GET);
	store_q_int(&q, 1, cycle_id);
	store_q_int(&q, 2, unit_id);
	if (store_q_row(&q)) {
		out->exists = true;
		out->meeting_on = store_q_col_text(&q, a, 0);
		out->meeting_at = store_q_col_text(&q, a, 1);
		char *l = store_q_col_text(&q, a, 2);
		out->location = l ? l : "";
		char *st = store_q_col_text(&q, a, 3);
		if (!st || !proposal_status_parse(st, &out->status))
			q.err = store_fail(c, ERR_IO, "unit_discussions.status holds an unknown state");
		out->submitted_at = store_q_col_int(&q, 4);
		out->returned_at = store_q_col_int(&q, 5);
		char *rc = store_q_col_text(&q, a, 6);
		out->return_comment = rc ? rc : "";
		out->updated_by = store_q_col_int(&q, 7);
		out->updated_by_name = store_q_col_text(&q, a, 8);
		out->updated_at = store_q_col_int(&q, 9);
	}
	return store_q_done(&q);
}

static const char SQL_DISC_MEETING_SET[] =
	"INSERT INTO unit_discussions (cycle_id, unit_id, meeting_on, meeting_at, location, updated_by,"
	" updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (cycle_id, unit_id) DO UPDATE SET"
	" meeting_on = excluded.meeting_on, meeting_at = excluded.meeting_at,"
	" location = excluded.location, updated_by = excluded.updated_by,"
	" updated_at = excluded.updated_at";

enum err store_disc_meeting_set(struct store_conn *c, int64_t cycle_id, int64_t unit_id,
				const char *on, const char *at, const char *location, int64_t user_id,
				int64_t now)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_DISC_MEETING_SET);
	store_q_int(&q, 1, cycle_id);
	store_q_int(&q, 2, unit_id);
	store_q_opt(&q, 3, on);
	store_q_opt(&q, 4, at);
	store_q_text(&q, 5, location ? location : "");
	store_q_id(&q, 6, user_id);
	store_q_int(&q, 7, now);
	store_q_exec(&q, NULL);
	return store_q_done(&q);
}

/* ---- notes ---- */

static const char SQL_DISC_NOTES[] =
	"SELECT n.item, n.item_text, n.notes, n.updated_by, us.name, n.updated_at FROM discussion_notes n"
	" LEFT JOIN users us ON us.id = n.updated_by WHERE n.cycle_id = $1 AND n.unit_id = $2"
	" ORDER BY n.item";

static void note_row(struct store_q *q, struct arena *a, void *item)
{
	struct disc_note *t = item;
	t->item = (int)store_q_col_int(q, 0);
	t->item_text = store_q_col_text(q, a, 1);
	char *s = store_q_col_text(q, a, 2);
	t->notes = s ? s : "";
	t->updated_by = store_q_col_int(q, 3);
	t->updated_by_name = store_q_col_text(q, a, 4);
	t->updated_at = store_q_col_int(q, 5);
}

enum err store_disc_notes(struct store_conn *c, struct arena *a, int64_t cycle_id, int64_t unit_id,
			  struct disc_note **out, int *n)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_DISC_NOTES);
	return store_q_unit_rows(&q, a, cycle_id, unit_id, sizeof **out, note_row, out, n);
}

static const char SQL_DISC_NOTE_SET[] =
	"INSERT INTO discussion_notes (cycle_id, unit_id, item, item_text, notes, updated_by, updated_at)"
	" VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (cycle_id, unit_id, item) DO UPDATE SET"
	" item_text = excluded.item_text, notes = excluded.notes, updated_by = excluded.updated_by,"
	" updated_at = excluded.updated_at";
static const char SQL_DISC_NOTE_CLEAR[] =
	"DELETE FROM discussion_notes WHERE cycle_id = $1 AND unit_id = $2 AND item = $3";

enum err store_disc_note_set(struct store_conn *c, int64_t cycle_id, int64_t unit_id, int item,
			     const char *item_text, const char *notes, int64_t user_id, int64_t now)
{
	struct store_q q;
	if (!notes || !*notes) {
		store_q_prepare(&q, c, SQL_DISC_NOTE_CLEAR);
		store_q_int(&q, 1, cycle_id);
		store_q_int(&q, 2, unit_id);
		store_q_int(&q, 3, item);
		store_q_exec(&q, NULL);
		return store_q_done(&q);
	}
	store_q_prepare(&q, c, SQL_DISC_NOTE_SET);
	store_q_int(&q, 1, cycle_id);
	store_q_int(&q, 2, unit_id);
	store_q_int(&q, 3, item);
	store_q_text(&q, 4, item_text ? item_text : "");
	store_q_text(&q, 5, notes);
	store_q_id(&q, 6, user_id);
	store_q_int(&q, 7, now);
	store_q_exec(&q, NULL);
	return store_q_done(&q);
}

/* ---- attendance ---- */

static const char SQL_DISC_PEOPLE[] =
	"SELECT p.id, p.name, p.job_title, CASE WHEN p.id = u.leader_id THEN 1 ELSE 0 END,"
	" CASE WHEN (p.unit_id = u.id AND p.active = 1) OR p.id = u.leader_id THEN 1 ELSE 0 END,"
	" CASE WHEN EXISTS (SELECT 1 FROM discussion_attendance t WHERE t.cycle_id = $1"
	" AND t.unit_id = u.id AND t.person_id = p.id) THEN 1 ELSE 0 END"
	" FROM units u JOIN people p ON (p.unit_id = u.id AND p.active = 1) OR p.id = u.leader_id"
	" OR p.id IN (SELECT t.person_id FROM discussion_attendance t WHERE t.cycle_id = $1"
	" AND t.unit_id = u.id)"
	" WHERE u.id = $2 ORDER BY p.name COLLATE nb, p.id";

static void person_row(struct store_q *q, struct arena *a, void *item)
{
	struct disc_person *p = item;
	p->id = store_q_col_int(q, 0);
	p->name = store_q_col_text(q, a, 1);
	char *j = store_q_col_text(q, a, 2);
	p->job_title = j ? j : "";
	p->leader = store_q_col_int(q, 3) != 0;
	p->eligible = store_q_col_int(q, 4) != 0;
	p->present = store_q_col_int(q, 5) != 0;
}

enum err store_disc_people(struct store_conn *c, struct arena *a, int64_t cycle_id, int64_t unit_id,
			   struct disc_person **out, int *n)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_DISC_PEOPLE);
	return store_q_unit_rows(&q, a, cycle_id, unit_id, sizeof **out, person_row, out, n);
}

static const char SQL_DISC_ELIGIBLE[] =
	"SELECT p.id FROM units u JOIN people p ON (p.unit_id = u.id AND p.active = 1) OR p.id = u.leader_id"
	" WHERE u.id = $1 ORDER BY p.id";

enum err store_disc_eligible(struct store_conn *c, struct arena *a, int64_t unit_id, int64_t **ids,
			     int *n)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_DISC_ELIGIBLE);
	store_q_int(&q, 1, unit_id);
	return store_q_ids(&q, a, ids, n);
}

static const char SQL_DISC_ATTENDANCE[] =
	"SELECT person_id FROM discussion_attendance WHERE cycle_id = $1 AND unit_id = $2"
	" ORDER BY person_id";

enum err store_disc_attendance(struct store_conn *c, struct arena *a, int64_t cycle_id, int64_t unit_id,
			       int64_t **ids, int *n)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_DISC_ATTENDANCE);
	return store_q_unit_rows(&q, a, cycle_id, unit_id, sizeof **ids, store_id_row, ids,
			       n);
}

static const char SQL_DISC_ATTENDANCE_CLEAR[] =
	"DELETE FROM discussion_attendance WHERE cycle_id = $1 AND unit_id = $2";
static const char SQL_DISC_ATTENDANCE_ADD[] =
	"INSERT INTO discussion_attendance (cycle_id, unit_id, person_id) VALUES ($1, $2, $3)"
	" ON CONFLICT (cycle_id, unit_id, person_id) DO NOTHING";

enum err store_disc_attendance_set(struct store_conn *c, int64_t cycle_id, int64_t unit_id,
				   const int64_t *ids, int n)
{
	struct store_q clear, add;
	store_q_prepare(&clear, c, SQL_DISC_ATTENDANCE_CLEAR);
	store_q_prepare(&add, c, SQL_DISC_ATTENDANCE_ADD);
	return store_unit_ids_replace(&clear, &add, cycle_id, unit_id, ids, n);
}

/* ---- suggestions ---- */

#define SUGGESTION_SELECT \
	"SELECT s.id, s.cycle_id, s.unit_id, s.user_id, us.name, s.body, s.created_at" \
	" FROM discussion_suggestions s LEFT JOIN users us ON us.id = s.user_id"

static const char SQL_DISC_SUGGESTIONS[] =
	SUGGESTION_SELECT " WHERE s.cycle_id = $1 AND s.unit_id = $2 ORDER BY s.id";
static const char SQL_DISC_SUGGESTION_GET[] = SUGGESTION_SELECT " WHERE s.id = $1";

static void suggestion_row(struct store_q *q, struct arena *a, void *item)
{
	struct disc_suggestion *s = item;
	s->id = store_q_col_int(q, 0);
	s->cycle_id = store_q_col_int(q, 1);
	s->unit_id = store_q_col_int(q, 2);
	s->user_id = store_q_col_int(q, 3);
	s->user_name = store_q_col_text(q, a, 4);
	s->body = store_q_col_text(q, a, 5);
	s->created_at = store_q_col_int(q, 6);
}

enum err store_disc_suggestions(struct store_conn *c, struct arena *a, int64_t cycle_id,
				int64_t unit_id, struct disc_suggestion **out, int *n)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_DISC_SUGGESTIONS);
	return store_q_unit_rows(&q, a, cycle_id, unit_id, sizeof **out, suggestion_row, out,
			       n);
}

static const char SQL_DISC_SUGGESTION_COUNT[] =
	"SELECT count(*) FROM discussion_suggestions WHERE cycle_id = $1 AND unit_id = $2";

enum err store_disc_suggestion_count(struct store_conn *c, int64_t cycle_id, int64_t unit_id,
				     int64_t *n)
{
	*n = 0;
	struct store_q q;
	store_q_prepare(&q, c, SQL_DISC_SUGGESTION_COUNT);
	store_q_int(&q, 1, cycle_id);
	store_q_int(&q, 2, unit_id);
	if (store_q_row(&q))
		*n = store_q_col_int(&q, 0);
	return store_q_done(&q);
}

enum err store_disc_suggestion_get(struct store_conn *c, struct arena *a, int64_t id,
				   struct disc_suggestion *out)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_DISC_SUGGESTION_GET);
	store_q_int(&q, 1, id);
	return store_q_one(&q, a, suggestion_row, out);
}

static const char SQL_DISC_SUGGESTION_INSERT[] =
	"INSERT INTO discussion_suggestions (cycle_id, unit_id, user_id, body, created_at)"
	" VALUES ($1, $2, $3, $4, $5) RETURNING id";

enum err store_disc_suggestion_insert(struct store_conn *c, struct disc_suggestion *s)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_DISC_SUGGESTION_INSERT);
	store_q_int(&q, 1, s->cycle_id);
	store_q_int(&q, 2, s->unit_id);
	store_q_id(&q, 3, s->user_id);
	store_q_text(&q, 4, s->body);
	store_q_int(&q, 5, s->created_at);
	if (store_q_row(&q))
		s->id = store_q_col_int(&q, 0);
	return store_q_done(&q);
}

static const char SQL_DISC_SUGGESTION_DELETE[] = "DELETE FROM discussion_suggestions WHERE id = $1";

enum err store_disc_suggestion_delete(struct store_conn *c, int64_t id)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_DISC_SUGGESTION_DELETE);
	store_q_int(&q, 1, id);
	return store_q_exec_found(&q);
}

/* ---- the list ---- */

/* $1 cycle; $2, $3 the cursor (name, id), ('', 0) first; $4 the leader's
 * person (0: every unit); $5 their own unit (0: none); $6 the state ('':
 * any); $7 the rows to read. A unit without a row is a draft. */
static const char SQL_DISC_LIST[] =
	"SELECT u.id, u.name, u.code, l.name, d.meeting_on, d.meeting_at, COALESCE(d.status, 'draft'),"
	" (SELECT count(*) FROM discussion_attendance t WHERE t.cycle_id = $1 AND t.unit_id = u.id),"
	" (SELECT count(*) FROM discussion_suggestions s WHERE s.cycle_id = $1 AND s.unit_id = u.id)"
	" FROM units u LEFT JOIN people l ON l.id = u.leader_id"
	" LEFT JOIN unit_discussions d ON d.cycle_id = $1 AND d.unit_id = u.id"
	" WHERE (u.name COLLATE nb, u.id) > ($2, CAST($3 AS BIGINT))"
	" AND (CAST($4 AS BIGINT) = 0 OR u.id = $5 OR u.id IN (WITH RECURSIVE sub(id) AS"
	" (SELECT x.id FROM units x WHERE x.leader_id = $4"
	" UNION SELECT y.id FROM units y JOIN sub ON y.parent_id = sub.id) SELECT id FROM sub))"
	" AND (CAST($6 AS TEXT) = '' OR COALESCE(d.status, 'draft') = $6)"
	" ORDER BY u.name COLLATE nb, u.id LIMIT $7";

/* Every word of the folded filter occurs in the folded name or code. */
static bool matches(struct arena *a, char **words, int nwords, const char *name, const char *code)
{
	if (nwords == 0)
		return true;
	char *fn = text_fold(a, name ? name : "");
	char *fc = text_fold(a, code ? code : "");
	for (int i = 0; i < nwords; i++)
		if (!(fn && strstr(fn, words[i])) && !(fc && strstr(fc, words[i])))
			return false;
	return true;
}

/* The folded words of text (split at spaces); NULL text gives none. */
static enum err words_of(struct arena *a, const char *text, char ***out, int *n)
{
	*out = NULL;
	*n = 0;
	if (!text || !*text)
		return OK;
	char *f = text_fold(a, text);
	if (!f)
		return ERR_INVALID;
	int cap = 1;
	for (const char *p = f; *p; p++)
		cap += *p == ' ';
	char **v = arena_alloc(a, sizeof *v * (size_t)cap);
	if (!v)
		return ERR_TOO_BIG;
	int k = 0;
	for (char *tok = f; *tok;) {
		while (*tok == ' ' || *tok == '\t')
			*tok++ = '\0';
		if (!*tok)
			break;
		v[k++] = tok;
		while (*tok && *tok != ' ' && *tok != '\t')
			tok++;
	}
	*out = v;
	*n = k;
	return OK;
}

enum err store_disc_list(struct store_conn *c, struct arena *a, const struct disc_query *q,
			 struct disc_row **out, int *n, bool *more)
{
	*out = NULL;
	*n = 0;
	*more = false;
	if (q->limit < 1 || q->limit > 500)
		return store_fail(c, ERR_INVALID, "limit %d is out of range 1..500", q->limit);
	char **words;
	int nwords;
	enum err e = words_of(a, q->text, &words, &nwords);
	if (e)
		return e == ERR_INVALID ? store_fail(c, e, "the filter is not valid text") : e;
	struct disc_row *v = arena_alloc(a, sizeof *v * (size_t)q->limit);
	if (!v)
		return ERR_TOO_BIG;
	struct store_q sq;
	store_q_prepare(&sq, c, SQL_DISC_LIST);
	store_q_int(&sq, 1, q->cycle_id);
	store_q_text(&sq, 2, q->after_name ? q->after_name : "");
	store_q_int(&sq, 3, q->after_name ? q->after_id : 0);
	store_q_int(&sq, 4, q->leader_person_id);
	store_q_int(&sq, 5, q->own_unit_id);
	store_q_text(&sq, 6, q->status ? q->status : "");
	/* with a filter the rows are matched here, so read on past misses */
	store_q_int(&sq, 7, nwords ? INT64_C(1000000000) : q->limit + 1);
	int k = 0;
	while (store_q_row(&sq)) {
		char *name = store_q_col_text(&sq, a, 1), *code = store_q_col_text(&sq, a, 2);
		if (!matches(a, words, nwords, name, code))
			continue;
		if (k == q->limit) {
			*more = true;
			break;
		}
		struct disc_row *r = &v[k++];
		r->unit_id = store_q_col_int(&sq, 0);
		r->name = name;
		r->code = code;
		r->leader_name = store_q_col_text(&sq, a, 3);
		r->meeting_on = store_q_col_text(&sq, a, 4);
		r->meeting_at = store_q_col_text(&sq, a, 5);
		char *st = store_q_col_text(&sq, a, 6);
		if (!st || !proposal_status_parse(st, &r->status))
			r->status = PROPOSAL_DRAFT;
		r->attendance = store_q_col_int(&sq, 7);
		r->suggestions = store_q_col_int(&sq, 8);
	}
	e = store_q_done(&sq);
	*out = v;
	*n = k;
	return e;
}
