/* proposals.c — the SQL of a unit's proposal (schema 008_unit_discussions),
 * one constant per statement, the same text for SQLite and PostgreSQL. The
 * links of a unit's needs and measures are read with one statement per
 * kind for the whole unit, ordered by owner, and handed out as slices, so
 * a page costs a fixed number of statements. A linked strategic goal is
 * shown as the newest published version names it. Deletes ask the
 * decision's lineage first: keys are checked at commit, and a clear
 * ERR_CONFLICT at once is better than a failed commit. */
#include "store/proposals.h"

#include <string.h>
#include "store/rows.h"
#include "store/store_int.h"

/* An integer column that may be NULL (then none). */
static int64_t col_opt(struct store_q *q, int col, int64_t none)
{
	if (q->err || q->c->ops->column_is_null(q->st, col))
		return none;
	return store_q_col_int(q, col);
}

static void bind_opt(struct store_q *q, int idx, int64_t v, int64_t none)
{
	if (v <= none)
		store_q_text(q, idx, NULL);
	else
		store_q_int(q, idx, v);
}

/* Reads an insert's RETURNING id, position; no new id is a failure. */
static enum err inserted(struct store_q *q, const char *what, int64_t *id, int *position)
{
	if (store_q_row(q)) {
		*id = store_q_col_int(q, 0);
		*position = (int)store_q_col_int(q, 1);
	}
	enum err e = store_q_done(q);
	if (!e && !*id)
		e = store_fail(q->c, ERR_IO, "the new %s has no id", what);
	return e;
}

/* Runs an update by id; no row changed is ERR_NOTFOUND. */
static enum err updated(struct store_q *q)
{
	int64_t k = 0;
	store_q_exec(q, &k);
	enum err e = store_q_done(q);
	return e ? e : k ? OK : ERR_NOTFOUND;
}

/* ---- the state ---- */

static const char SQL_STATE[] =
	"SELECT d.status, d.submitted_at, d.submitted_by, us.name, d.returned_at, d.returned_by, ur.name,"
	" d.return_comment, d.updated_at FROM unit_discussions d"
	" LEFT JOIN users us ON us.id = d.submitted_by LEFT JOIN users ur ON ur.id = d.returned_by"
	" WHERE d.cycle_id = $1 AND d.unit_id = $2";

enum err store_proposal_get(struct store_conn *c, struct arena *a, int64_t cycle_id, int64_t unit_id,
			    struct proposal_state *out)
{
	*out = (struct proposal_state){ .cycle_id = cycle_id, .unit_id = unit_id, .return_comment = "" };
	struct store_q q;
	store_q_prepare(&q, c, SQL_STATE);
	store_q_int(&q, 1, cycle_id);
	store_q_int(&q, 2, unit_id);
	if (store_q_row(&q)) {
		char *s = store_q_col_text(&q, a, 0);
		if (!proposal_status_parse(s, &out->status))
			q.err = store_fail(c, ERR_IO, "unit_discussions.status holds an unknown state");
		out->submitted_at = col_opt(&q, 1, 0);
		out->submitted_by = col_opt(&q, 2, 0);
		out->submitted_by_name = store_q_col_text(&q, a, 3);
		out->returned_at = col_opt(&q, 4, 0);
		out->returned_by = col_opt(&q, 5, 0);
		out->returned_by_name = store_q_col_text(&q, a, 6);
		char *rc = store_q_col_text(&q, a, 7);
		out->return_comment = rc ? rc : "";
		out->updated_at = store_q_col_int(&q, 8);
	}
	return store_q_done(&q);
}

static const char SQL_SUBMIT[] =
	"INSERT INTO unit_discussions (cycle_id, unit_id, status, submitted_at, submitted_by, updated_by,"
	" updated_at) VALUES ($1, $2, 'submitted', $3, $4, $4, $3) ON CONFLICT (cycle_id, unit_id)"
	" DO UPDATE SET status = excluded.status, submitted_at = excluded.submitted_at,"
	" submitted_by = excluded.submitted_by, updated_by = excluded.updated_by,"
	" updated_at = excluded.updated_at";

static const char SQL_RETURN[] =
	"INSERT INTO unit_discussions (cycle_id, unit_id, status, returned_at, returned_by, return_comment,"
	" updated_by, updated_at) VALUES ($1, $2, 'returned', $3, $4, $5, $4, $3)"
	" ON CONFLICT (cycle_id, unit_id) DO UPDATE SET status = excluded.status,"
	" returned_at = excluded.returned_at, returned_by = excluded.returned_by,"
	" return_comment = excluded.return_comment, updated_by = excluded.updated_by,"
	" updated_at = excluded.updated_at";

enum err store_proposal_set_status(struct store_conn *c, int64_t cycle_id, int64_t unit_id,
				   enum proposal_status to, const char *comment, int64_t user_id, int64_t now)
{
	if (to != PROPOSAL_SUBMITTED && to != PROPOSAL_RETURNED)
		return store_fail(c, ERR_INVALID, "a proposal is only submitted or returned");
	struct store_q q;
	if (to == PROPOSAL_SUBMITTED)
		store_q_prepare(&q, c, SQL_SUBMIT);
	else
		store_q_prepare(&q, c, SQL_RETURN);
	store_q_int(&q, 1, cycle_id);
	store_q_int(&q, 2, unit_id);
	store_q_int(&q, 3, now);
	store_q_id(&q, 4, user_id);
	if (to == PROPOSAL_RETURNED)
		store_q_text(&q, 5, comment ? comment : "");
	store_q_exec(&q, NULL);
	return store_q_done(&q);
}

static const char SQL_COUNTS[] =
	"SELECT (SELECT count(*) FROM competence_needs WHERE cycle_id = $1 AND unit_id = $2),"
	" (SELECT count(*) FROM proposed_measures WHERE cycle_id = $1 AND unit_id = $2)";

enum err store_proposal_counts(struct store_conn *c, int64_t cycle_id, int64_t unit_id, int *nneeds,
			       int *nmeasures)
{
	*nneeds = *nmeasures = 0;
	struct store_q q;
	store_q_prepare(&q, c, SQL_COUNTS);
	store_q_int(&q, 1, cycle_id);
	store_q_int(&q, 2, unit_id);
	if (store_q_row(&q)) {
		*nneeds = (int)store_q_col_int(&q, 0);
		*nmeasures = (int)store_q_col_int(&q, 1);
	}
	return store_q_done(&q);
}

static const char SQL_ROWS[] =
	"SELECT u.id, u.name, u.parent_id, d.status, d.submitted_at, d.returned_at, d.updated_at,"
	" (SELECT count(*) FROM competence_needs n WHERE n.cycle_id = $1 AND n.unit_id = u.id),"
	" (SELECT count(*) FROM proposed_measures m WHERE m.cycle_id = $1 AND m.unit_id = u.id)"
	" FROM units u LEFT JOIN unit_discussions d ON d.cycle_id = $1 AND d.unit_id = u.id"
	" ORDER BY u.name COLLATE nb, u.id";

static void proposal_row(struct store_q *q, struct arena *a, void *item)
{
	struct proposal_row *r = item;
	*r = (struct proposal_row){ 0 };
	r->unit_id = store_q_col_int(q, 0);
	r->name = store_q_col_text(q, a, 1);
	r->parent_id = col_opt(q, 2, 0);
	char *s = store_q_col_text(q, a, 3);
	if (s && !proposal_status_parse(s, &r->status))
		q->err = store_fail(q->c, ERR_IO, "unit_discussions.status holds an unknown state");
	r->submitted_at = col_opt(q, 4, 0);
	r->returned_at = col_opt(q, 5, 0);
	r->updated_at = col_opt(q, 6, 0);
	r->nneeds = (int)store_q_col_int(q, 7);
	r->nmeasures = (int)store_q_col_int(q, 8);
}

enum err store_proposal_rows(struct store_conn *c, struct arena *a, int64_t cycle_id,
			     struct proposal_row **out, int *n)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_ROWS);
	store_q_int(&q, 1, cycle_id);
	void *v;
	enum err e = store_q_rows(&q, a, sizeof **out, proposal_row, &v, n);
	*out = v;
	return e;
}

/* ---- links ---- */

/* One link row: the owner (need or measure) and what it links to. */
struct link_row {
	int64_t owner;
	struct proposal_link link;
};

/* Reads (owner, id, code, title) rows ordered by owner, then id. */
static enum err link_rows(struct store_q *q, struct arena *a, struct link_row **out, int *n)
{
	struct link_row *v = NULL;
	int k = 0, cap = 0;
	while (store_q_row(q)) {
		if (!(v = store_grow(a, v, k, &cap, sizeof *v))) {
			q->err = ERR_TOO_BIG;
			break;
		}
		struct link_row *r = &v[k++];
		r->owner = store_q_col_int(q, 0);
		r->link.id = store_q_col_int(q, 1);
		char *code = store_q_col_text(q, a, 2);
		r->link.code = code ? code : "";
		r->link.title = store_q_col_text(q, a, 3);
	}
	*out = v;
	*n = k;
	return store_q_done(q);
}

/* The slice of rows[] owned by owner, copied into a. */
static enum err slice(struct arena *a, const struct link_row *rows, int n, int64_t owner,
		      struct proposal_link **out, int *nout)
{
	*out = NULL;
	*nout = 0;
	int first = -1, k = 0;
	for (int i = 0; i < n; i++)
		if (rows[i].owner == owner) {
			if (first < 0)
				first = i;
			k++;
		}
	if (!k)
		return OK;
	struct proposal_link *v = arena_alloc(a, sizeof *v * (size_t)k);
	if (!v)
		return ERR_TOO_BIG;
	for (int i = 0; i < k; i++)
		v[i] = rows[first + i].link;
	*out = v;
	*nout = k;
	return OK;
}

/* A strategic goal as the newest published version that holds it names it. */
#define GOAL_NAME(col) \
	"(SELECT sg." col " FROM strategy_goals sg JOIN strategy_versions v ON v.id = sg.version_id" \
	" WHERE sg.goal_id = ng.goal_id AND v.status = 'published' ORDER BY v.number DESC LIMIT 1)"

#define GOALS_SELECT \
	"SELECT ng.need_id, ng.goal_id, " GOAL_NAME("code") ", " GOAL_NAME("title") \
	" FROM need_goals ng JOIN competence_needs n ON n.id = ng.need_id"
static const char SQL_GOALS_UNIT[] =
	GOALS_SELECT " WHERE n.cycle_id = $1 AND n.unit_id = $2 ORDER BY ng.need_id, ng.goal_id";
static const char SQL_GOALS_NEED[] = GOALS_SELECT " WHERE ng.need_id = $1 ORDER BY ng.need_id, ng.goal_id";

#define UNIT_GOALS_SELECT \
	"SELECT nu.need_id, nu.unit_goal_id, '', g.title FROM need_unit_goals nu" \
	" JOIN unit_goals g ON g.id = nu.unit_goal_id JOIN competence_needs n ON n.id = nu.need_id"
static const char SQL_UNIT_GOALS_UNIT[] =
	UNIT_GOALS_SELECT " WHERE n.cycle_id = $1 AND n.unit_id = $2 ORDER BY nu.need_id, nu.unit_goal_id";
static const char SQL_UNIT_GOALS_NEED[] =
	UNIT_GOALS_SELECT " WHERE nu.need_id = $1 ORDER BY nu.need_id, nu.unit_goal_id";

#define MEASURE_NEEDS_SELECT \
	"SELECT mn.measure_id, mn.need_id, '', n.title FROM measure_needs mn" \
	" JOIN competence_needs n ON n.id = mn.need_id JOIN proposed_measures m ON m.id = mn.measure_id"
static const char SQL_MEASURE_NEEDS_UNIT[] =
	MEASURE_NEEDS_SELECT " WHERE m.cycle_id = $1 AND m.unit_id = $2 ORDER BY mn.measure_id, mn.need_id";
static const char SQL_MEASURE_NEEDS_ONE[] =
	MEASURE_NEEDS_SELECT " WHERE mn.measure_id = $1 ORDER BY mn.measure_id, mn.need_id";

static const char SQL_GOALS_CLEAR[] = "DELETE FROM need_goals WHERE need_id = $1";
static const char SQL_GOALS_ADD[] =
	"INSERT INTO need_goals (need_id, goal_id) VALUES ($1, $2) ON CONFLICT (need_id, goal_id) DO NOTHING";
static const char SQL_UNIT_GOALS_CLEAR[] = "DELETE FROM need_unit_goals WHERE need_id = $1";
static const char SQL_UNIT_GOALS_ADD[] =
	"INSERT INTO need_unit_goals (need_id, unit_goal_id) VALUES ($1, $2)"
	" ON CONFLICT (need_id, unit_goal_id) DO NOTHING";
static const char SQL_MEASURE_NEEDS_CLEAR[] = "DELETE FROM measure_needs WHERE measure_id = $1";
static const char SQL_MEASURE_NEEDS_ADD[] =
	"INSERT INTO measure_needs (measure_id, need_id) VALUES ($1, $2)"
	" ON CONFLICT (measure_id, need_id) DO NOTHING";

/* The three kinds of link and their statements (each prepared from its
 * constant, as tests/lint/sql.sh asks). */
enum link_kind { LINK_GOALS, LINK_UNIT_GOALS, LINK_MEASURE_NEEDS };

/* Whose links to read: a unit's (one_id 0), one owner's (one_id), or,
 * with reg, a register page's: its filters, up to its last item
 * (cycle_id, one_id; the owner's *_links sets them from the page). */
struct link_scope {
	int64_t cycle_id, unit_id, one_id;
	const struct proposal_query *reg;
};

/* The register's links statement of kind k, bound but for $10, $11 (with
 * the registers' statements below). */
static void reg_links_prepare(struct store_q *s, struct store_conn *c, enum link_kind k,
			      const struct proposal_query *q);

/* The link rows of kind k in scope sc. */
static enum err links_of(struct store_conn *c, struct arena *a, enum link_kind k, const struct link_scope *sc,
			 struct link_row **out, int *n)
{
	struct store_q q;
	if (sc->reg) {
		reg_links_prepare(&q, c, k, sc->reg);
		store_q_int(&q, 10, sc->cycle_id);
		store_q_int(&q, 11, sc->one_id);
		return link_rows(&q, a, out, n);
	}
	int64_t one_id = sc->one_id;
	switch (k) {
	case LINK_GOALS:
		if (one_id)
			store_q_prepare(&q, c, SQL_GOALS_NEED);
		else
			store_q_prepare(&q, c, SQL_GOALS_UNIT);
		break;
	case LINK_UNIT_GOALS:
		if (one_id)
			store_q_prepare(&q, c, SQL_UNIT_GOALS_NEED);
		else
			store_q_prepare(&q, c, SQL_UNIT_GOALS_UNIT);
		break;
	case LINK_MEASURE_NEEDS:
	default:
		if (one_id)
			store_q_prepare(&q, c, SQL_MEASURE_NEEDS_ONE);
		else
			store_q_prepare(&q, c, SQL_MEASURE_NEEDS_UNIT);
		break;
	}
	if (one_id) {
		store_q_int(&q, 1, one_id);
	} else {
		store_q_int(&q, 1, sc->cycle_id);
		store_q_int(&q, 2, sc->unit_id);
	}
	return link_rows(&q, a, out, n);
}

/* Replaces the links of owner: DELETE, then one INSERT per id. */
static enum err links_set(struct store_conn *c, enum link_kind k, int64_t owner, const struct proposal_link *v,
			  int n)
{
	struct store_q q;
	switch (k) {
	case LINK_GOALS: store_q_prepare(&q, c, SQL_GOALS_CLEAR); break;
	case LINK_UNIT_GOALS: store_q_prepare(&q, c, SQL_UNIT_GOALS_CLEAR); break;
	case LINK_MEASURE_NEEDS:
	default: store_q_prepare(&q, c, SQL_MEASURE_NEEDS_CLEAR); break;
	}
	store_q_int(&q, 1, owner);
	store_q_exec(&q, NULL);
	enum err e = store_q_done(&q);
	for (int i = 0; i < n && !e; i++) {
		switch (k) {
		case LINK_GOALS: store_q_prepare(&q, c, SQL_GOALS_ADD); break;
		case LINK_UNIT_GOALS: store_q_prepare(&q, c, SQL_UNIT_GOALS_ADD); break;
		case LINK_MEASURE_NEEDS:
		default: store_q_prepare(&q, c, SQL_MEASURE_NEEDS_ADD); break;
		}
		store_q_int(&q, 1, owner);
		store_q_int(&q, 2, v[i].id);
		store_q_exec(&q, NULL);
		e = store_q_done(&q);
	}
	return e;
}

/* ---- needs ---- */

/* A need's columns (need_row reads them) and where they come from. */
#define NEED_COLS \
	"n.id, n.cycle_id, n.unit_id, n.competence_id, k.name, n.title, n.criticality," \
	" n.required_level, n.current_level, n.people_affected, n.horizon, n.rationale," \
	" n.source_draft_id, n.position, n.created_by, n.created_at, n.updated_by, n.updated_at"
#define NEED_FROM " FROM competence_needs n LEFT JOIN competences k ON k.id = n.competence_id"
#define NEED_SELECT "SELECT " NEED_COLS NEED_FROM

static const char SQL_NEEDS[] =
	NEED_SELECT " WHERE n.cycle_id = $1 AND n.unit_id = $2 ORDER BY n.position, n.id";
static const char SQL_NEED_GET[] = NEED_SELECT " WHERE n.id = $1";

static void need_row(struct store_q *q, struct arena *a, void *item)
{
	struct proposal_need *n = item;
	*n = (struct proposal_need){ 0 };
	n->id = store_q_col_int(q, 0);
	n->cycle_id = store_q_col_int(q, 1);
	n->unit_id = store_q_col_int(q, 2);
	n->competence_id = col_opt(q, 3, 0);
	n->competence_name = store_q_col_text(q, a, 4);
	n->title = store_q_col_text(q, a, 5);
	char *s = store_q_col_text(q, a, 6);
	if (!criticality_parse(s, &n->criticality) && !q->err)
		q->err = store_fail(q->c, ERR_IO, "competence_needs.criticality holds an unknown value");
	n->required_level = (int)col_opt(q, 7, 0);
	n->current_level = (int)col_opt(q, 8, 0);
	n->people_affected = col_opt(q, 9, -1);
	s = store_q_col_text(q, a, 10);
	if (!horizon_parse(s, &n->horizon) && !q->err)
		q->err = store_fail(q->c, ERR_IO, "competence_needs.horizon holds an unknown value");
	char *r = store_q_col_text(q, a, 11);
	n->rationale = r ? r : "";
	n->source_draft_id = col_opt(q, 12, 0);
	n->position = (int)store_q_col_int(q, 13);
	n->created_by = col_opt(q, 14, 0);
	n->created_at = store_q_col_int(q, 15);
	n->updated_by = col_opt(q, 16, 0);
	n->updated_at = store_q_col_int(q, 17);
}

/* Hands the goal rows g and unit-goal rows ug out to needs v[0..n). */
static enum err need_slices(struct arena *a, const struct link_row *g, int ng, const struct link_row *ug,
			    int nug, struct proposal_need *v, int n)
{
	enum err e = OK;
	for (int i = 0; i < n && !e; i++) {
		e = slice(a, g, ng, v[i].id, &v[i].goals, &v[i].ngoals);
		if (!e)
			e = slice(a, ug, nug, v[i].id, &v[i].unit_goals, &v[i].nunit_goals);
	}
	return e;
}

/* Fills the goal links of needs items[0..n) (n > 0 on a register page)
 * from the rows of scope sc. */
static enum err need_links(struct store_conn *c, struct arena *a, struct link_scope sc, void *items, int n)
{
	struct proposal_need *v = items;
	if (sc.reg) {
		sc.cycle_id = v[n - 1].cycle_id;
		sc.one_id = v[n - 1].id;
	}
	struct link_row *g, *ug;
	int ng, nug;
	enum err e = links_of(c, a, LINK_GOALS, &sc, &g, &ng);
	if (!e)
		e = links_of(c, a, LINK_UNIT_GOALS, &sc, &ug, &nug);
	return e ? e : need_slices(a, g, ng, ug, nug, v, n);
}

enum err store_proposal_needs(struct store_conn *c, struct arena *a, int64_t cycle_id, int64_t unit_id,
			      struct proposal_need **out, int *n)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_NEEDS);
	enum err e = store_q_unit_rows(&q, a, cycle_id, unit_id, sizeof **out, need_row, out, n);
	return e ? e : need_links(c, a, (struct link_scope){ .cycle_id = cycle_id, .unit_id = unit_id }, *out, *n);
}

enum err store_proposal_need_get(struct store_conn *c, struct arena *a, int64_t id, struct proposal_need *out)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_NEED_GET);
	store_q_int(&q, 1, id);
	enum err e = store_q_one(&q, a, need_row, out);
	return e ? e : need_links(c, a, (struct link_scope){ .one_id = id }, out, 1);
}

/* Binds a need's own fields, competence to rationale, from $first on
 * (the insert and the update list them in the same order). */
static void need_bind(struct store_q *q, int first, const struct proposal_need *n)
{
	store_q_id(q, first, n->competence_id);
	store_q_text(q, first + 1, n->title);
	store_q_text(q, first + 2, criticality_name(n->criticality));
	bind_opt(q, first + 3, n->required_level, 0);
	bind_opt(q, first + 4, n->current_level, 0);
	bind_opt(q, first + 5, n->people_affected, -1);
	store_q_text(q, first + 6, horizon_name(n->horizon));
	store_q_text(q, first + 7, n->rationale ? n->rationale : "");
}

/* Replaces both kinds of goal link of a written need. */
static enum err need_links_set(struct store_conn *c, const struct proposal_need *n)
{
	enum err e = links_set(c, LINK_GOALS, n->id, n->goals, n->ngoals);
	return e ? e : links_set(c, LINK_UNIT_GOALS, n->id, n->unit_goals, n->nunit_goals);
}

static const char SQL_NEED_INSERT[] =
	"INSERT INTO competence_needs (cycle_id, unit_id, competence_id, title, criticality,"
	" required_level, current_level, people_affected, horizon, rationale, source_draft_id, position,"
	" created_by, created_at, updated_by, updated_at)"
	" SELECT CAST($1 AS BIGINT), CAST($2 AS BIGINT), CAST($3 AS BIGINT), CAST($4 AS TEXT),"
	" CAST($5 AS TEXT), CAST($6 AS BIGINT), CAST($7 AS BIGINT), CAST($8 AS BIGINT), CAST($9 AS TEXT),"
	" CAST($10 AS TEXT), CAST($11 AS BIGINT), COALESCE(MAX(position), 0) + 1, CAST($12 AS BIGINT),"
	" CAST($13 AS BIGINT), CAST($12 AS BIGINT), CAST($13 AS BIGINT)"
	" FROM competence_needs WHERE cycle_id = $1 AND unit_id = $2 RETURNING id, position";

enum err store_proposal_need_insert(struct store_conn *c, struct proposal_need *n)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_NEED_INSERT);
	store_q_int(&q, 1, n->cycle_id);
	store_q_int(&q, 2, n->unit_id);
	need_bind(&q, 3, n);
	store_q_id(&q, 11, n->source_draft_id);
	store_q_id(&q, 12, n->created_by);
	store_q_int(&q, 13, n->created_at);
	enum err e = inserted(&q, "need", &n->id, &n->position);
	return e ? e : need_links_set(c, n);
}

static const char SQL_NEED_UPDATE[] =
	"UPDATE competence_needs SET competence_id = $2, title = $3, criticality = $4,"
	" required_level = $5, current_level = $6, people_affected = $7, horizon = $8, rationale = $9,"
	" updated_by = $10, updated_at = $11 WHERE id = $1";

enum err store_proposal_need_update(struct store_conn *c, const struct proposal_need *n)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_NEED_UPDATE);
	store_q_int(&q, 1, n->id);
	need_bind(&q, 2, n);
	store_q_id(&q, 10, n->updated_by);
	store_q_int(&q, 11, n->updated_at);
	enum err e = updated(&q);
	return e ? e : need_links_set(c, n);
}

static const char SQL_MEASURE_REFS[] =
	"SELECT count(*) FROM decided_measure_sources WHERE proposed_measure_id = $1";
static const char SQL_MEASURE_DELETE[] = "DELETE FROM proposed_measures WHERE id = $1";
static const char SQL_NEED_REFS[] = "SELECT count(*) FROM decided_need_sources WHERE need_id = $1";
static const char SQL_NEED_DELETE[] = "DELETE FROM competence_needs WHERE id = $1";

/* Deletes a need (need) or a measure unless the decision's lineage
 * (decided_need_sources, decided_measure_sources) holds it. */
static enum err delete_row(struct store_conn *c, bool need, int64_t id)
{
	int64_t refs = 0, k = 0;
	struct store_q q;
	if (need)
		store_q_prepare(&q, c, SQL_NEED_REFS);
	else
		store_q_prepare(&q, c, SQL_MEASURE_REFS);
	store_q_int(&q, 1, id);
	if (store_q_row(&q))
		refs = store_q_col_int(&q, 0);
	enum err e = store_q_done(&q);
	if (e)
		return e;
	if (refs > 0)
		return store_fail(c, ERR_CONFLICT, "the decided strategy was compiled from it");
	if (need)
		store_q_prepare(&q, c, SQL_NEED_DELETE);
	else
		store_q_prepare(&q, c, SQL_MEASURE_DELETE);
	store_q_int(&q, 1, id);
	store_q_exec(&q, &k);
	e = store_q_done(&q);
	return e ? e : k ? OK : ERR_NOTFOUND;
}

enum err store_proposal_need_delete(struct store_conn *c, int64_t id)
{
	return delete_row(c, true, id);
}

/* ---- measures ---- */

/* A measure's columns (measure_row reads them) and where they come from. */
#define MEASURE_COLS \
	"m.id, m.cycle_id, m.unit_id, m.kind, m.title, m.description, m.suggested_owner," \
	" m.estimated_cost, m.timing, m.position, m.created_by, m.created_at, m.updated_by, m.updated_at"
#define MEASURE_FROM " FROM proposed_measures m"
#define MEASURE_SELECT "SELECT " MEASURE_COLS MEASURE_FROM

static const char SQL_MEASURES[] =
	MEASURE_SELECT " WHERE m.cycle_id = $1 AND m.unit_id = $2 ORDER BY m.position, m.id";
static const char SQL_MEASURE_GET[] = MEASURE_SELECT " WHERE m.id = $1";

static void measure_row(struct store_q *q, struct arena *a, void *item)
{
	struct proposal_measure *m = item;
	*m = (struct proposal_measure){ 0 };
	m->id = store_q_col_int(q, 0);
	m->cycle_id = store_q_col_int(q, 1);
	m->unit_id = store_q_col_int(q, 2);
	char *s = store_q_col_text(q, a, 3);
	if (!measure_kind_parse(s, &m->kind) && !q->err)
		q->err = store_fail(q->c, ERR_IO, "proposed_measures.kind holds an unknown value");
	m->title = store_q_col_text(q, a, 4);
	s = store_q_col_text(q, a, 5);
	m->description = s ? s : "";
	s = store_q_col_text(q, a, 6);
	m->suggested_owner = s ? s : "";
	m->estimated_cost = col_opt(q, 7, -1);
	s = store_q_col_text(q, a, 8);
	m->timing = s ? s : "";
	m->position = (int)store_q_col_int(q, 9);
	m->created_by = col_opt(q, 10, 0);
	m->created_at = store_q_col_int(q, 11);
	m->updated_by = col_opt(q, 12, 0);
	m->updated_at = store_q_col_int(q, 13);
}

/* Hands the need-link rows l out to measures v[0..n). */
static enum err measure_slices(struct arena *a, const struct link_row *l, int nl, struct proposal_measure *v,
			       int n)
{
	enum err e = OK;
	for (int i = 0; i < n && !e; i++)
		e = slice(a, l, nl, v[i].id, &v[i].needs, &v[i].nneeds);
	return e;
}

/* Fills the need links of measures items[0..n) (n > 0 on a register
 * page) from the rows of scope sc. */
static enum err measure_links(struct store_conn *c, struct arena *a, struct link_scope sc, void *items, int n)
{
	struct proposal_measure *v = items;
	if (sc.reg) {
		sc.cycle_id = v[n - 1].cycle_id;
		sc.one_id = v[n - 1].id;
	}
	struct link_row *l;
	int nl;
	enum err e = links_of(c, a, LINK_MEASURE_NEEDS, &sc, &l, &nl);
	return e ? e : measure_slices(a, l, nl, v, n);
}

enum err store_proposal_measures(struct store_conn *c, struct arena *a, int64_t cycle_id, int64_t unit_id,
				 struct proposal_measure **out, int *n)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_MEASURES);
	enum err e = store_q_unit_rows(&q, a, cycle_id, unit_id, sizeof **out, measure_row, out, n);
	return e ? e : measure_links(c, a, (struct link_scope){ .cycle_id = cycle_id, .unit_id = unit_id }, *out,
				     *n);
}

enum err store_proposal_measure_get(struct store_conn *c, struct arena *a, int64_t id,
				    struct proposal_measure *out)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_MEASURE_GET);
	store_q_int(&q, 1, id);
	enum err e = store_q_one(&q, a, measure_row, out);
	return e ? e : measure_links(c, a, (struct link_scope){ .one_id = id }, out, 1);
}

/* Binds a measure's own fields, kind to timing, from $first on (the
 * insert and the update list them in the same order). */
static void measure_bind(struct store_q *q, int first, const struct proposal_measure *m)
{
	store_q_text(q, first, measure_kind_name(m->kind));
	store_q_text(q, first + 1, m->title);
	store_q_text(q, first + 2, m->description ? m->description : "");
	store_q_text(q, first + 3, m->suggested_owner ? m->suggested_owner : "");
	bind_opt(q, first + 4, m->estimated_cost, -1);
	store_q_text(q, first + 5, m->timing ? m->timing : "");
}

static const char SQL_MEASURE_INSERT[] =
	"INSERT INTO proposed_measures (cycle_id, unit_id, kind, title, description, suggested_owner,"
	" estimated_cost, timing, position, created_by, created_at, updated_by, updated_at)"
	" SELECT CAST($1 AS BIGINT), CAST($2 AS BIGINT), CAST($3 AS TEXT), CAST($4 AS TEXT),"
	" CAST($5 AS TEXT), CAST($6 AS TEXT), CAST($7 AS BIGINT), CAST($8 AS TEXT),"
	" COALESCE(MAX(position), 0) + 1, CAST($9 AS BIGINT), CAST($10 AS BIGINT), CAST($9 AS BIGINT),"
	" CAST($10 AS BIGINT) FROM proposed_measures WHERE cycle_id = $1 AND unit_id = $2"
	" RETURNING id, position";

enum err store_proposal_measure_insert(struct store_conn *c, struct proposal_measure *m)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_MEASURE_INSERT);
	store_q_int(&q, 1, m->cycle_id);
	store_q_int(&q, 2, m->unit_id);
	measure_bind(&q, 3, m);
	store_q_id(&q, 9, m->created_by);
	store_q_int(&q, 10, m->created_at);
	enum err e = inserted(&q, "measure", &m->id, &m->position);
	return e ? e : links_set(c, LINK_MEASURE_NEEDS, m->id, m->needs, m->nneeds);
}

static const char SQL_MEASURE_UPDATE[] =
	"UPDATE proposed_measures SET kind = $2, title = $3, description = $4, suggested_owner = $5,"
	" estimated_cost = $6, timing = $7, updated_by = $8, updated_at = $9 WHERE id = $1";

enum err store_proposal_measure_update(struct store_conn *c, const struct proposal_measure *m)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_MEASURE_UPDATE);
	store_q_int(&q, 1, m->id);
	measure_bind(&q, 2, m);
	store_q_id(&q, 8, m->updated_by);
	store_q_int(&q, 9, m->updated_at);
	enum err e = updated(&q);
	return e ? e : links_set(c, LINK_MEASURE_NEEDS, m->id, m->needs, m->nneeds);
}

enum err store_proposal_measure_delete(struct store_conn *c, int64_t id)
{
	return delete_row(c, false, id);
}

/* ---- carrying over ---- */

static const char SQL_UNCARRIED[] =
	"SELECT d.id, d.title, d.description, d.position FROM prep_draft_needs d"
	" WHERE d.cycle_id = $1 AND d.unit_id = $2"
	" AND NOT EXISTS (SELECT 1 FROM competence_needs n WHERE n.source_draft_id = d.id)"
	" ORDER BY d.position, d.id";

static void draft_row(struct store_q *q, struct arena *a, void *item)
{
	struct prep_need *d = item;
	*d = (struct prep_need){ 0 };
	d->id = store_q_col_int(q, 0);
	d->title = store_q_col_text(q, a, 1);
	char *s = store_q_col_text(q, a, 2);
	d->description = s ? s : "";
	d->position = (int)store_q_col_int(q, 3);
}

enum err store_proposal_uncarried(struct store_conn *c, struct arena *a, int64_t cycle_id, int64_t unit_id,
				  struct prep_need **out, int *n)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_UNCARRIED);
	enum err e = store_q_unit_rows(&q, a, cycle_id, unit_id, sizeof **out, draft_row, out, n);
	for (int i = 0; i < *n; i++) {   /* the statement's own keys */
		(*out)[i].cycle_id = cycle_id;
		(*out)[i].unit_id = unit_id;
	}
	return e;
}

/* ---- the registers across units ---- */

/* The filters both registers share, on the unit_discussions row d of the
 * item's unit and the item's (cycle_id, unit_id) in alias t: $1 cycle, $2
 * unit (0: any), $3 the proposal's status ('': any), $6 the reader's
 * person (0: every unit; else the units they lead and those below) with
 * $7 their own unit, and the keyset $8, $9 (cycle newest first, then id;
 * 0: the first page). $4 and $5 are the register's own filters. */
#define REG_WHERE(t) \
	" WHERE (CAST($1 AS BIGINT) = 0 OR " t ".cycle_id = $1)" \
	" AND (CAST($2 AS BIGINT) = 0 OR " t ".unit_id = $2)" \
	" AND (CAST($3 AS TEXT) = '' OR COALESCE(d.status, 'draft') = $3)" \
	" AND (CAST($6 AS BIGINT) = 0 OR " t ".unit_id = $7 OR " t ".unit_id IN (WITH RECURSIVE sub(id) AS" \
	" (SELECT x.id FROM units x WHERE x.leader_id = $6" \
	" UNION SELECT y.id FROM units y JOIN sub ON y.parent_id = sub.id) SELECT id FROM sub))" \
	" AND (CAST($8 AS BIGINT) = 0 OR " t ".cycle_id < $8 OR (" t ".cycle_id = $8 AND " t ".id > $9))"
#define REG_STATE(t) " LEFT JOIN unit_discussions d ON d.cycle_id = " t ".cycle_id AND d.unit_id = " t ".unit_id"
#define REG_ORDER(t) " ORDER BY " t ".cycle_id DESC, " t ".id"
/* The links of a page: the same filters, up to the page's last item ($10, $11). */
#define REG_UPTO(t) " AND (" t ".cycle_id > $10 OR (" t ".cycle_id = $10 AND " t ".id <= $11))"

#define NEED_REG_WHERE \
	REG_WHERE("n") " AND (CAST($4 AS BIGINT) = 0 OR n.competence_id = $4)" \
	" AND (CAST($5 AS BIGINT) = 0 OR EXISTS (SELECT 1 FROM need_goals f WHERE f.need_id = n.id" \
	" AND f.goal_id = $5))"
static const char SQL_NEED_REG[] =
	"SELECT " NEED_COLS ", COALESCE(d.status, 'draft')" NEED_FROM REG_STATE("n") NEED_REG_WHERE
	REG_ORDER("n") " LIMIT $10";
static const char SQL_NEED_REG_GOALS[] =
	GOALS_SELECT REG_STATE("n") NEED_REG_WHERE REG_UPTO("n") " ORDER BY ng.need_id, ng.goal_id";
static const char SQL_NEED_REG_UNIT_GOALS[] =
	UNIT_GOALS_SELECT REG_STATE("n") NEED_REG_WHERE REG_UPTO("n") " ORDER BY nu.need_id, nu.unit_goal_id";

#define MEASURE_REG_WHERE \
	REG_WHERE("m") " AND (CAST($4 AS TEXT) = '' OR m.kind = $4)" \
	" AND (CAST($5 AS BIGINT) = 0 OR EXISTS (SELECT 1 FROM measure_needs f WHERE f.measure_id = m.id" \
	" AND f.need_id = $5))"
static const char SQL_MEASURE_REG[] =
	"SELECT " MEASURE_COLS ", COALESCE(d.status, 'draft')" MEASURE_FROM REG_STATE("m") MEASURE_REG_WHERE
	REG_ORDER("m") " LIMIT $10";
static const char SQL_MEASURE_REG_NEEDS[] =
	MEASURE_NEEDS_SELECT REG_STATE("m") MEASURE_REG_WHERE REG_UPTO("m") " ORDER BY mn.measure_id, mn.need_id";

/* Binds $1..$9 of q; the register's own filters are bound by the caller. */
static void reg_bind(struct store_q *s, const struct proposal_query *q)
{
	store_q_int(s, 1, q->cycle_id);
	store_q_int(s, 2, q->unit_id);
	store_q_text(s, 3, q->has_status ? proposal_status_name(q->status) : "");
	store_q_int(s, 6, q->reader_person_id);
	store_q_int(s, 7, q->reader_unit_id);
	store_q_int(s, 8, q->after_cycle_id);
	store_q_int(s, 9, q->after_cycle_id ? q->after_id : 0);
}

static void need_reg_bind(struct store_q *s, const struct proposal_query *q)
{
	reg_bind(s, q);
	store_q_int(s, 4, q->competence_id);
	store_q_int(s, 5, q->goal_id);
}

static void measure_reg_bind(struct store_q *s, const struct proposal_query *q)
{
	reg_bind(s, q);
	store_q_text(s, 4, q->has_kind ? measure_kind_name(q->kind) : "");
	store_q_int(s, 5, q->need_id);
}

/* A proposal's status column (COALESCE'd to draft) into *out. */
static void status_col(struct store_q *q, struct arena *a, int col, enum proposal_status *out)
{
	char *s = store_q_col_text(q, a, col);
	if (!q->err && !proposal_status_parse(s, out))
		q->err = store_fail(q->c, ERR_IO, "unit_discussions.status holds an unknown state");
}

/* Reads one register page of s (prepared and bound but for $10): up to
 * q->limit items through row, each with its proposal's status at column
 * scol, and *more when a next page exists. */
static enum err reg_page(struct store_q *s, struct arena *a, const struct proposal_query *q, size_t elem,
			 store_row_fn *row, int scol, void **out, enum proposal_status **status, int *n, bool *more)
{
	char *v = NULL;
	enum proposal_status *st = NULL;
	int k = 0, cap = 0, scap = 0;
	store_q_int(s, 10, q->limit + 1);   /* one more tells whether a next page exists */
	while (store_q_row(s)) {
		if (k == q->limit) {
			*more = true;
			continue;
		}
		if (!(v = store_grow(a, v, k, &cap, elem)) || !(st = store_grow(a, st, k, &scap, sizeof *st))) {
			s->err = ERR_TOO_BIG;
			break;
		}
		row(s, a, v + elem * (size_t)k);
		status_col(s, a, scol, &st[k]);
		k++;
	}
	*out = v;
	*status = st;
	*n = k;
	return store_q_done(s);
}

static void reg_links_prepare(struct store_q *s, struct store_conn *c, enum link_kind k,
			      const struct proposal_query *q)
{
	if (k == LINK_MEASURE_NEEDS) {
		store_q_prepare(s, c, SQL_MEASURE_REG_NEEDS);
		measure_reg_bind(s, q);
		return;
	}
	if (k == LINK_GOALS)
		store_q_prepare(s, c, SQL_NEED_REG_GOALS);
	else
		store_q_prepare(s, c, SQL_NEED_REG_UNIT_GOALS);
	need_reg_bind(s, q);
}

/* What a register lists: needs (SQL_NEED_REG) or measures (SQL_MEASURE_REG). */
struct reg_kind {
	bool need;
	size_t elem;
	store_row_fn *row;
	int scol;   /* the proposal's status: the column after the item's own */
	enum err (*links)(struct store_conn *c, struct arena *a, struct link_scope sc, void *items, int n);
};

static const struct reg_kind NEED_REG = { true, sizeof(struct proposal_need), need_row, 18, need_links };
static const struct reg_kind MEASURE_REG = { false, sizeof(struct proposal_measure), measure_row, 14,
					     measure_links };

/* One register page of kind k with its items' links; the answer is set
 * only when all of it was read. */
static enum err reg_read(struct store_conn *c, struct arena *a, const struct proposal_query *q,
			 const struct reg_kind *k, void *out, enum proposal_status **status, int *n, bool *more)
{
	void *page = NULL;
	memcpy(out, &page, sizeof page);
	*status = NULL;
	*n = 0;
	*more = false;
	if (q->limit < 1 || q->limit > PROPOSAL_REGISTER_MAX)
		return store_fail(c, ERR_INVALID, "a register page holds 1 to %d rows", PROPOSAL_REGISTER_MAX);
	enum proposal_status *st;
	int got;
	struct store_q s;
	if (k->need) {
		store_q_prepare(&s, c, SQL_NEED_REG);
		need_reg_bind(&s, q);
	} else {
		store_q_prepare(&s, c, SQL_MEASURE_REG);
		measure_reg_bind(&s, q);
	}
	enum err e = reg_page(&s, a, q, k->elem, k->row, k->scol, &page, &st, &got, more);
	if (e || got == 0)
		return e;
	/* the links of the page's items: rows from its first to its last */
	if ((e = k->links(c, a, (struct link_scope){ .reg = q }, page, got)))
		return e;
	memcpy(out, &page, sizeof page);
	*status = st;
	*n = got;
	return OK;
}

enum err store_needs_register(struct store_conn *c, struct arena *a, const struct proposal_query *q,
			      struct proposal_need **out, enum proposal_status **status, int *n, bool *more)
{
	return reg_read(c, a, q, &NEED_REG, out, status, n, more);
}

enum err store_measures_register(struct store_conn *c, struct arena *a, const struct proposal_query *q,
				 struct proposal_measure **out, enum proposal_status **status, int *n, bool *more)
{
	return reg_read(c, a, q, &MEASURE_REG, out, status, n, more);
}
