/* prepare.c — the SQL of phase 1's preparation (schema 005_preparation),
 * one constant per statement, the same text for SQLite and PostgreSQL
 * (integers that PostgreSQL cannot type from their use are CAST). The
 * indicator counts read no person per unit: the employees are the kept
 * count units.active_people, and the read confirmations are counted from
 * the cycle's read requests in one grouped pass (for one unit: its people's
 * requests), joined to the units in C. */
#include "store/prepare.h"

#include <stddef.h>

#include "base/arena.h"
#include "store/rows.h"
#include "store/store_int.h"

static const char SQL_PREP_GET[] =
	"SELECT p.likely_goals, p.pack_sent_at, p.pack_sent_by, us.name, p.pack_sent_count,"
	" p.updated_at FROM preparations p LEFT JOIN users us ON us.id = p.pack_sent_by"
	" WHERE p.cycle_id = $1 AND p.unit_id = $2";

enum err store_prep_get(struct store_conn *c, struct arena *a, int64_t cycle_id, int64_t unit_id,
			struct preparation *out)
{
	*out = (struct preparation){ .cycle_id = cycle_id, .unit_id = unit_id, .likely_goals = "" };
	struct store_q q;
	store_q_prepare(&q, c, SQL_PREP_GET);
	store_q_int(&q, 1, cycle_id);
	store_q_int(&q, 2, unit_id);
	if (store_q_row(&q)) {
		char *g = store_q_col_text(&q, a, 0);
		out->likely_goals = g ? g : "";
		out->pack_sent_at = store_q_col_int(&q, 1);
		out->pack_sent_by = store_q_col_int(&q, 2);
		out->pack_sent_by_name = store_q_col_text(&q, a, 3);
		out->pack_sent_count = store_q_col_int(&q, 4);
		out->updated_at = store_q_col_int(&q, 5);
	}
	return store_q_done(&q);
}

static const char SQL_PREP_NOTES_SET[] =
	"INSERT INTO preparations (cycle_id, unit_id, likely_goals, updated_by, updated_at)"
	" VALUES ($1, $2, $3, $4, $5) ON CONFLICT (cycle_id, unit_id) DO UPDATE SET"
	" likely_goals = excluded.likely_goals, updated_by = excluded.updated_by,"
	" updated_at = excluded.updated_at";

enum err store_prep_notes_set(struct store_conn *c, int64_t cycle_id, int64_t unit_id,
			      const char *likely_goals, int64_t user_id, int64_t now)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_PREP_NOTES_SET);
	store_q_int(&q, 1, cycle_id);
	store_q_int(&q, 2, unit_id);
	store_q_text(&q, 3, likely_goals ? likely_goals : "");
	store_q_id(&q, 4, user_id);
	store_q_int(&q, 5, now);
	store_q_exec(&q, NULL);
	return store_q_done(&q);
}

static const char SQL_PREP_PACK_SENT[] =
	"INSERT INTO preparations (cycle_id, unit_id, pack_sent_at, pack_sent_by, pack_sent_count,"
	" updated_by, updated_at) VALUES ($1, $2, $3, $4, $5, $4, $3)"
	" ON CONFLICT (cycle_id, unit_id) DO UPDATE SET pack_sent_at = excluded.pack_sent_at,"
	" pack_sent_by = excluded.pack_sent_by, pack_sent_count = excluded.pack_sent_count,"
	" updated_by = excluded.updated_by, updated_at = excluded.updated_at";

enum err store_prep_pack_sent(struct store_conn *c, int64_t cycle_id, int64_t unit_id,
			      int64_t user_id, int64_t now, int64_t people)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_PREP_PACK_SENT);
	store_q_int(&q, 1, cycle_id);
	store_q_int(&q, 2, unit_id);
	store_q_int(&q, 3, now);
	store_q_id(&q, 4, user_id);
	store_q_int(&q, 5, people);
	store_q_exec(&q, NULL);
	return store_q_done(&q);
}

/* ---- the checklist ---- */

static const char SQL_PREP_TICKS[] =
	"SELECT t.step, t.step_text, t.ticked_by, us.name, t.ticked_at FROM prep_ticks t"
	" LEFT JOIN users us ON us.id = t.ticked_by WHERE t.cycle_id = $1 AND t.unit_id = $2"
	" ORDER BY t.step";

static void tick_row(struct store_q *q, struct arena *a, void *item)
{
	struct prep_tick *t = item;
	t->step = (int)store_q_col_int(q, 0);
	t->step_text = store_q_col_text(q, a, 1);
	t->ticked_by = store_q_col_int(q, 2);
	t->ticked_by_name = store_q_col_text(q, a, 3);
	t->ticked_at = store_q_col_int(q, 4);
}

enum err store_prep_ticks(struct store_conn *c, struct arena *a, int64_t cycle_id, int64_t unit_id,
			  struct prep_tick **out, int *n)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_PREP_TICKS);
	return store_q_unit_rows(&q, a, cycle_id, unit_id, sizeof **out, tick_row, out, n);
}

static const char SQL_PREP_TICK[] =
	"INSERT INTO prep_ticks (cycle_id, unit_id, step, step_text, ticked_by, ticked_at)"
	" VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (cycle_id, unit_id, step) DO NOTHING";

enum err store_prep_tick(struct store_conn *c, int64_t cycle_id, int64_t unit_id, int step,
			 const char *step_text, int64_t user_id, int64_t now, bool *changed)
{
	int64_t k = 0;
	struct store_q q;
	store_q_prepare(&q, c, SQL_PREP_TICK);
	store_q_int(&q, 1, cycle_id);
	store_q_int(&q, 2, unit_id);
	store_q_int(&q, 3, step);
	store_q_text(&q, 4, step_text ? step_text : "");
	store_q_id(&q, 5, user_id);
	store_q_int(&q, 6, now);
	store_q_exec(&q, &k);
	*changed = k > 0;
	return store_q_done(&q);
}

static const char SQL_PREP_UNTICK[] =
	"DELETE FROM prep_ticks WHERE cycle_id = $1 AND unit_id = $2 AND step = $3"
	" RETURNING step_text";

enum err store_prep_untick(struct store_conn *c, struct arena *a, int64_t cycle_id, int64_t unit_id,
			   int step, bool *changed, char **text)
{
	*changed = false;
	if (text)
		*text = NULL;
	struct store_q q;
	store_q_prepare(&q, c, SQL_PREP_UNTICK);
	store_q_int(&q, 1, cycle_id);
	store_q_int(&q, 2, unit_id);
	store_q_int(&q, 3, step);
	while (store_q_row(&q)) {
		*changed = true;
		if (text)
			*text = store_q_col_text(&q, a, 0);
	}
	return store_q_done(&q);
}

/* ---- draft needs ---- */

#define NEED_SELECT \
	"SELECT n.id, n.cycle_id, n.unit_id, n.title, n.description, n.position, n.created_by," \
	" us.name, n.created_at FROM prep_draft_needs n LEFT JOIN users us ON us.id = n.created_by"

static const char SQL_PREP_NEEDS[] =
	NEED_SELECT " WHERE n.cycle_id = $1 AND n.unit_id = $2 ORDER BY n.position, n.id";
static const char SQL_PREP_NEED_GET[] = NEED_SELECT " WHERE n.id = $1";

static void need_row(struct store_q *q, struct arena *a, void *item)
{
	struct prep_need *n = item;
	n->id = store_q_col_int(q, 0);
	n->cycle_id = store_q_col_int(q, 1);
	n->unit_id = store_q_col_int(q, 2);
	n->title = store_q_col_text(q, a, 3);
	char *d = store_q_col_text(q, a, 4);
	n->description = d ? d : "";
	n->position = (int)store_q_col_int(q, 5);
	n->created_by = store_q_col_int(q, 6);
	n->created_by_name = store_q_col_text(q, a, 7);
	n->created_at = store_q_col_int(q, 8);
}

enum err store_prep_needs(struct store_conn *c, struct arena *a, int64_t cycle_id, int64_t unit_id,
			  struct prep_need **out, int *n)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_PREP_NEEDS);
	return store_q_unit_rows(&q, a, cycle_id, unit_id, sizeof **out, need_row, out, n);
}

enum err store_prep_need_get(struct store_conn *c, struct arena *a, int64_t id, struct prep_need *out)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_PREP_NEED_GET);
	store_q_int(&q, 1, id);
	return store_q_one(&q, a, need_row, out);
}

static const char SQL_PREP_NEED_INSERT[] =
	"INSERT INTO prep_draft_needs (cycle_id, unit_id, title, description, position, created_by,"
	" created_at) SELECT CAST($1 AS BIGINT), CAST($2 AS BIGINT), $3, $4,"
	" COALESCE(MAX(position), 0) + 1, CAST($5 AS BIGINT), CAST($6 AS BIGINT)"
	" FROM prep_draft_needs WHERE cycle_id = $1 AND unit_id = $2 RETURNING id, position";

enum err store_prep_need_insert(struct store_conn *c, struct prep_need *n)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_PREP_NEED_INSERT);
	store_q_int(&q, 1, n->cycle_id);
	store_q_int(&q, 2, n->unit_id);
	store_q_text(&q, 3, n->title);
	store_q_text(&q, 4, n->description ? n->description : "");
	store_q_id(&q, 5, n->created_by);
	store_q_int(&q, 6, n->created_at);
	if (store_q_row(&q)) {
		n->id = store_q_col_int(&q, 0);
		n->position = (int)store_q_col_int(&q, 1);
	}
	return store_q_done(&q);
}

static const char SQL_PREP_NEED_UPDATE[] =
	"UPDATE prep_draft_needs SET title = $2, description = $3 WHERE id = $1";

enum err store_prep_need_update(struct store_conn *c, const struct prep_need *n)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_PREP_NEED_UPDATE);
	store_q_int(&q, 1, n->id);
	store_q_text(&q, 2, n->title);
	store_q_text(&q, 3, n->description ? n->description : "");
	return store_q_exec_found(&q);
}

static const char SQL_PREP_NEED_DELETE[] = "DELETE FROM prep_draft_needs WHERE id = $1";

enum err store_prep_need_delete(struct store_conn *c, int64_t id)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_PREP_NEED_DELETE);
	store_q_int(&q, 1, id);
	return store_q_exec_found(&q);
}

/* ---- the document pack ---- */

static const char SQL_PREP_DOCUMENTS[] =
	"SELECT d.id, d.title, d.kind, d.latest_version, pk.document_id FROM documents d"
	" LEFT JOIN prep_pack_documents pk ON pk.document_id = d.id AND pk.cycle_id = $1"
	" AND pk.unit_id = $2"
	" WHERE d.latest_version > 0 AND (d.cycle_id IS NULL OR d.cycle_id = $1)"
	" ORDER BY CASE d.kind WHEN 'leader_guide' THEN 0 WHEN 'aid' THEN 1 WHEN 'strategy' THEN 2"
	" ELSE 3 END, d.title COLLATE nb, d.id";

static void doc_row(struct store_q *q, struct arena *a, void *item)
{
	struct prep_doc *d = item;
	d->id = store_q_col_int(q, 0);
	d->title = store_q_col_text(q, a, 1);
	char *kind = store_q_col_text(q, a, 2);
	if (!kind || !doc_kind_parse(kind, &d->kind))
		d->kind = DOC_OTHER;
	d->latest_version = store_q_col_int(q, 3);
	d->chosen = store_q_col_int(q, 4) != 0;
}

enum err store_prep_documents(struct store_conn *c, struct arena *a, int64_t cycle_id,
			      int64_t unit_id, struct prep_doc **out, int *n)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_PREP_DOCUMENTS);
	return store_q_unit_rows(&q, a, cycle_id, unit_id, sizeof **out, doc_row, out, n);
}

static const char SQL_PREP_PACK[] =
	"SELECT document_id FROM prep_pack_documents WHERE cycle_id = $1 AND unit_id = $2"
	" ORDER BY document_id";

enum err store_prep_pack(struct store_conn *c, struct arena *a, int64_t cycle_id, int64_t unit_id,
			 int64_t **ids, int *n)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_PREP_PACK);
	return store_q_unit_rows(&q, a, cycle_id, unit_id, sizeof **ids, store_id_row, ids, n);
}

static const char SQL_PREP_PACK_CLEAR[] =
	"DELETE FROM prep_pack_documents WHERE cycle_id = $1 AND unit_id = $2";
static const char SQL_PREP_PACK_ADD[] =
	"INSERT INTO prep_pack_documents (cycle_id, unit_id, document_id) VALUES ($1, $2, $3)"
	" ON CONFLICT (cycle_id, unit_id, document_id) DO NOTHING";

enum err store_prep_pack_set(struct store_conn *c, int64_t cycle_id, int64_t unit_id,
			     const int64_t *ids, int n)
{
	struct store_q clear, add;
	store_q_prepare(&clear, c, SQL_PREP_PACK_CLEAR);
	store_q_prepare(&add, c, SQL_PREP_PACK_ADD);
	return store_unit_ids_replace(&clear, &add, cycle_id, unit_id, ids, n);
}

static const char SQL_PREP_RECIPIENTS[] =
	"SELECT p.id FROM people p JOIN units u ON u.id = p.unit_id"
	" WHERE p.unit_id = $1 AND p.active = 1 AND (u.leader_id IS NULL OR p.id <> u.leader_id)"
	" ORDER BY p.id";

enum err store_prep_recipients(struct store_conn *c, struct arena *a, int64_t unit_id, int64_t **ids,
			       int *n)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_PREP_RECIPIENTS);
	store_q_int(&q, 1, unit_id);
	return store_q_ids(&q, a, ids, n);
}

/* ---- status and indicator counts ---- */

/* $1 cycle, $2 the checklist's length, $3 one unit or 0 for all. A unit's
 * employees are its own active people other than its leader: the kept count
 * units.active_people (people.c), less the leader when they are one of them,
 * so no person is read. The checklist's ticks and the pack are one seek per
 * unit on their primary keys. */
static const char SQL_PREP_UNIT_ROWS[] =
	"SELECT u.id, u.name, u.code, u.parent_id, u.leader_id, l.name,"
	" (SELECT count(*) FROM prep_ticks t WHERE t.cycle_id = $1 AND t.unit_id = u.id AND t.step < $2),"
	" (SELECT p.pack_sent_at FROM preparations p WHERE p.cycle_id = $1 AND p.unit_id = u.id),"
	" u.active_people - CASE WHEN l.unit_id = u.id AND l.active = 1 THEN 1 ELSE 0 END"
	" FROM units u LEFT JOIN people l ON l.id = u.leader_id"
	" WHERE CAST($3 AS BIGINT) = 0 OR u.id = $3 ORDER BY u.name COLLATE nb, u.id";

/* The read confirmations: a row (unit, person, the person's unconfirmed
 * requests) per active person asked at least once in cycle $1, counted in
 * C per unit (read_counts) where the unit's leader is left out. An
 * employee confirmed when every one of their requests in the cycle names
 * the document's latest version. Read from the requests, not per person:
 * people without a request cost nothing. */
#define UNCONFIRMED \
	" sum(CASE WHEN r.confirmed_version IS NULL OR r.confirmed_version < d.latest_version" \
	" THEN 1 ELSE 0 END)"

/* Every unit: one pass over the cycle's requests (by its index), grouped by
 * person; then each person's current unit and activity by primary key. */
static const char SQL_PREP_READ_COUNTS[] =
	"SELECT e.unit_id, e.id, x.unconfirmed FROM (SELECT r.person_id," UNCONFIRMED " AS unconfirmed"
	" FROM read_requests r JOIN documents d ON d.id = r.document_id WHERE r.cycle_id = $1"
	" GROUP BY r.person_id) x JOIN people e ON e.id = x.person_id WHERE e.active = 1";

/* One unit ($2): its people, each one's requests by read_requests_person.
 * The unary + keeps SQLite (which has no statistics) from seeking the
 * requests by the cycle's index instead, which reads the whole cycle for
 * every person; PostgreSQL reads +x as x. */
static const char SQL_PREP_READ_COUNTS_UNIT[] =
	"SELECT e.unit_id, e.id," UNCONFIRMED " FROM people e JOIN read_requests r ON r.person_id = e.id"
	" JOIN documents d ON d.id = r.document_id WHERE +r.cycle_id = $1 AND e.unit_id = $2"
	" AND e.active = 1 GROUP BY e.unit_id, e.id";

/* Adds the read counts to the rows (every unit's, or the one unit's). */
static enum err read_counts(struct store_conn *c, struct arena *a, int64_t cycle_id, int64_t unit_id,
			    struct prep_unit_row *v, int k)
{
	struct store_unit_index *at =
		store_unit_index(a, v, sizeof *v, offsetof(struct prep_unit_row, counts.unit_id), k);
	if (!at)
		return ERR_TOO_BIG;
	struct store_q q;
	if (unit_id) {
		store_q_prepare(&q, c, SQL_PREP_READ_COUNTS_UNIT);
		store_q_int(&q, 1, cycle_id);
		store_q_int(&q, 2, unit_id);
	} else {
		store_q_prepare(&q, c, SQL_PREP_READ_COUNTS);
		store_q_int(&q, 1, cycle_id);
	}
	while (store_q_row(&q)) {
		int i = store_unit_index_find(at, k, store_q_col_int(&q, 0));
		if (i < 0 || store_q_col_int(&q, 1) == v[i].leader_id)
			continue;
		v[i].asked++;
		if (store_q_col_int(&q, 2) == 0)
			v[i].counts.confirmed++;
	}
	/* Two statements: without a shared snapshot (PostgreSQL outside a
	 * transaction) a person made active between them is not yet counted
	 * among the employees; the counts stay within them all the same. */
	for (int i = 0; i < k; i++) {
		struct prep_unit_row *r = &v[i];
		if (r->asked > r->counts.employees)
			r->asked = r->counts.employees > 0 ? r->counts.employees : 0;
		if (r->counts.confirmed > r->asked)
			r->counts.confirmed = r->asked;
	}
	return store_q_done(&q);
}

static void unit_row(struct store_q *q, struct arena *a, void *item)
{
	struct prep_unit_row *r = item;
	*r = (struct prep_unit_row){ 0 };
	r->counts.unit_id = store_q_col_int(q, 0);
	r->name = store_q_col_text(q, a, 1);
	r->code = store_q_col_text(q, a, 2);
	r->parent_id = store_q_col_int(q, 3);
	r->leader_id = store_q_col_int(q, 4);
	r->counts.has_leader = r->leader_id != 0;
	r->leader_name = store_q_col_text(q, a, 5);
	r->counts.steps_ticked = store_q_col_int(q, 6);
	r->pack_sent_at = store_q_col_int(q, 7);
	r->counts.employees = store_q_col_int(q, 8);
}

enum err store_prep_unit_rows(struct store_conn *c, struct arena *a, int64_t cycle_id, int nsteps,
			      int64_t unit_id, struct prep_unit_row **out, int *n)
{
	struct prep_unit_row *v;
	int k;
	*out = NULL;
	*n = 0;
	struct store_q q;
	store_q_prepare(&q, c, SQL_PREP_UNIT_ROWS);
	store_q_int(&q, 1, cycle_id);
	store_q_int(&q, 2, nsteps);
	store_q_int(&q, 3, unit_id);
	enum err e = store_q_rows(&q, a, sizeof *v, unit_row, &v, &k);
	if (!e && k > 0)
		e = read_counts(c, a, cycle_id, unit_id, v, k);
	if (e)
		return e;
	*out = v;
	*n = k;
	return OK;
}
