/* compilation.c — the SQL of the compilation (schemas 008 and 009), one
 * constant per statement, the same text for SQLite and PostgreSQL. Lists
 * read their rows in one statement and their links in one more per kind of
 * link (never one per row), ordered by the owning row, and the links are
 * then attached in C: no dialect-specific aggregation. */
#include "store/compilation.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include "store/rows.h"
#include "store/store_int.h"

/* A unit's proposal status: no unit_discussions row is a draft. */
#define PSTATUS "COALESCE(d.status, 'draft')"
#define JOIN_DISCUSSION \
	" LEFT JOIN unit_discussions d ON d.cycle_id = x.cycle_id AND d.unit_id = x.unit_id"
/* The version holding the cycle's current strategy: the latest published,
 * else the draft. */
#define VERSION_ORDER " ORDER BY CASE WHEN v.status = 'published' THEN 0 ELSE 1 END, v.number DESC, g.id DESC"
/* A column (title, code) of a goal in that version. */
#define GOAL_COL(col, goal) \
	"(SELECT g." col " FROM strategy_goals g JOIN strategy_versions v ON v.id = g.version_id" \
	" WHERE g.goal_id = " goal VERSION_ORDER " LIMIT 1)"

static enum proposal_status pstatus(const char *s)
{
	enum proposal_status st = PROPOSAL_DRAFT;
	if (s)
		proposal_status_parse(s, &st);
	return st;
}

/* ---- the statements ---- */

/* Every statement of this file by name. The tables below (the two decided
 * kinds, their links, the reference checks) name statements by this enum,
 * and stmt_prepare, after the SQL, prepares each by its SQL_ constant: SQL
 * stays a constant the lint can see (tests/lint/sql.sh). */
#define COMP_STATEMENTS(X) X(DN_LIST) X(DN_GET) X(DN_PAGE) X(DN_INSERT) X(DN_UPDATE) X(DN_DELETE) \
	X(DN_SOURCES) X(DN_SOURCES_PAGE) X(DN_GOALS) X(DN_GOALS_PAGE) X(DM_LIST) X(DM_GET) X(DM_PAGE) \
	X(DM_INSERT) X(DM_UPDATE) X(DM_DELETE) X(DM_NEEDS) X(DM_NEEDS_PAGE) X(DM_SOURCES) \
	X(DM_SOURCES_PAGE) X(PN_GET) X(PM_GET) X(LINK_CLEAR_DN_SOURCES) X(LINK_ADD_DN_SOURCES) \
	X(LINK_CLEAR_DN_GOALS) X(LINK_ADD_DN_GOALS) X(LINK_CLEAR_DM_NEEDS) X(LINK_ADD_DM_NEEDS) \
	X(LINK_CLEAR_DM_SOURCES) X(LINK_ADD_DM_SOURCES) X(REF_COMPETENCE) X(REF_UNIT) X(REF_LEVEL) \
	X(REF_GOAL) X(REF_NEED) X(REF_PMEASURE) X(REF_DECIDED) \
	X(PN_COUNT) X(PN_PAGE) X(PM_COUNT) X(PM_PAGE) X(PN_CAND_COUNT) X(PN_CAND) \
	X(PM_CAND_COUNT) X(PM_CAND)
enum comp_stmt {
#define X(name) ST_##name,
	COMP_STATEMENTS(X)
#undef X
};
static void stmt_prepare(struct store_q *q, struct store_conn *c, enum comp_stmt st);

/* ---- reading rows (store/rows.h) ---- */

/* The one row (cycle $1, id $2) of sql into out; ERR_NOTFOUND when none. */
static enum err read_one(struct store_conn *c, struct arena *a, enum comp_stmt st, int64_t cycle_id, int64_t id,
			 store_row_fn *row, void *out)
{
	struct store_q q;
	stmt_prepare(&q, c, st);
	store_q_int(&q, 1, cycle_id);
	store_q_int(&q, 2, id);
	return store_q_one(&q, a, row, out);
}

/* ---- attaching links to their rows ---- */

struct link_row {
	int64_t owner;
	struct comp_ref ref;
};

struct id_index {
	int64_t id;
	int idx;
};

static int cmp_index(const void *a, const void *b)
{
	const struct id_index *x = a, *y = b;
	return x->id < y->id ? -1 : x->id > y->id;
}

/* An (owner, id, name, unit_id, unit_name) row of a links query. */
static void link_row(struct store_q *q, struct arena *a, void *row)
{
	struct link_row *r = row;
	r->owner = store_q_col_int(q, 0);
	r->ref.id = store_q_col_int(q, 1);
	char *name = store_q_col_text(q, a, 2);
	r->ref.name = name ? name : "";
	r->ref.unit_id = store_q_col_int(q, 3);
	r->ref.unit_name = store_q_col_text(q, a, 4);
}

/* The ids of n rows of size elem whose first member is an int64_t id, as a
 * sorted index; NULL when n is 0 or the arena is full. */
static struct id_index *index_ids(struct arena *a, const void *rows, int n, size_t elem)
{
	if (n <= 0)
		return NULL;
	struct id_index *ix = arena_alloc(a, (size_t)n * sizeof *ix);
	if (!ix)
		return NULL;
	for (int i = 0; i < n; i++) {
		memcpy(&ix[i].id, (const char *)rows + (size_t)i * elem, sizeof(int64_t));
		ix[i].idx = i;
	}
	qsort(ix, (size_t)n, sizeof *ix, cmp_index);
	return ix;
}

static int find_index(const struct id_index *ix, int n, int64_t id)
{
	if (!ix)
		return -1;
	struct id_index key = { .id = id };
	const struct id_index *f = bsearch(&key, ix, (size_t)n, sizeof *ix, cmp_index);
	return f ? f->idx : -1;
}

/* Calls set(row, refs, count) for each run of links with the same owner
 * (the links are ordered by owner); the refs are copied into one arena
 * array so each run is contiguous. */
static enum err attach(struct arena *a, const struct link_row *links, int nl,
		       const struct id_index *ix, int nrows,
		       void (*set)(void *rows, int idx, struct comp_ref *refs, int n), void *rows)
{
	if (nl == 0)
		return OK;
	struct comp_ref *refs = arena_alloc(a, (size_t)nl * sizeof *refs);
	if (!refs)
		return ERR_TOO_BIG;
	for (int i = 0; i < nl; i++)
		refs[i] = links[i].ref;
	for (int i = 0; i < nl;) {
		int j = i;
		while (j < nl && links[j].owner == links[i].owner)
			j++;
		int idx = find_index(ix, nrows, links[i].owner);
		if (idx >= 0)
			set(rows, idx, refs + i, j - i);
		i = j;
	}
	return OK;
}

/* ---- decided needs and measures ---- */

#define DN_SELECT \
	"SELECT dn.id, dn.cycle_id, dn.scope, dn.unit_id, u.name, dn.competence_id, k.name, dn.title," \
	" dn.description, dn.criticality, COALESCE(dn.required_level, 0), dn.horizon," \
	" COALESCE(dn.people_affected, -1), dn.position, dn.updated_at FROM decided_needs dn" \
	" LEFT JOIN units u ON u.id = dn.unit_id LEFT JOIN competences k ON k.id = dn.competence_id"
#define DM_SELECT \
	"SELECT dm.id, dm.cycle_id, dm.kind, dm.scope, dm.unit_id, u.name, dm.title, dm.description," \
	" dm.owner, COALESCE(dm.deadline, ''), COALESCE(dm.budget, -1), dm.position, dm.updated_at" \
	" FROM decided_measures dm LEFT JOIN units u ON u.id = dm.unit_id"

/* A decided table's rows (t its alias): all the cycle's, one, or a page
 * of at most $4 after ($2, $3) in (position, id) order. */
#define DECIDED_LIST(t) " WHERE " t ".cycle_id = $1 ORDER BY " t ".position, " t ".id"
#define DECIDED_GET(t) " WHERE " t ".cycle_id = $1 AND " t ".id = $2"
#define DECIDED_PAGE(t) \
	" WHERE " t ".cycle_id = $1 AND (" t ".position, " t ".id) > (CAST($2 AS BIGINT), CAST($3 AS BIGINT))" \
	" ORDER BY " t ".position, " t ".id LIMIT $4"

static const char SQL_DN_LIST[] = DN_SELECT DECIDED_LIST("dn");
static const char SQL_DN_GET[] = DN_SELECT DECIDED_GET("dn");
static const char SQL_DN_PAGE[] = DN_SELECT DECIDED_PAGE("dn");
static const char SQL_DM_LIST[] = DM_SELECT DECIDED_LIST("dm");
static const char SQL_DM_GET[] = DM_SELECT DECIDED_GET("dm");
static const char SQL_DM_PAGE[] = DM_SELECT DECIDED_PAGE("dm");

/* Links of one row ($2) or of all the cycle's ($2 = 0). */
#define ONE_OR_ALL(col) " AND (CAST($2 AS BIGINT) = 0 OR " col " = $2)"

/* Links of the rows of one page: (position, id) after ($2, $3) up to and
 * including ($4, $5), the page's last row. */
#define WINDOW(t) \
	" AND (" t ".position, " t ".id) > (CAST($2 AS BIGINT), CAST($3 AS BIGINT))" \
	" AND (" t ".position, " t ".id) <= (CAST($4 AS BIGINT), CAST($5 AS BIGINT))"

#define DN_SOURCES(cond) \
	"SELECT s.decided_need_id, n.id, n.title, n.unit_id, u.name FROM decided_need_sources s" \
	" JOIN decided_needs dn ON dn.id = s.decided_need_id JOIN competence_needs n ON n.id = s.need_id" \
	" JOIN units u ON u.id = n.unit_id WHERE dn.cycle_id = $1" cond \
	" ORDER BY s.decided_need_id, u.name COLLATE nb, u.id, n.position, n.id"
#define DN_GOALS(cond) \
	"SELECT dg.decided_need_id, dg.goal_id, COALESCE(" GOAL_COL("title", "dg.goal_id") ", '')," \
	" CAST(0 AS BIGINT), " GOAL_COL("code", "dg.goal_id") " FROM decided_need_goals dg" \
	" JOIN decided_needs dn ON dn.id = dg.decided_need_id WHERE dn.cycle_id = $1" cond \
	" ORDER BY dg.decided_need_id, dg.goal_id"
#define DM_NEEDS(cond) \
	"SELECT l.measure_id, dn.id, dn.title, CAST(0 AS BIGINT), CAST(NULL AS TEXT)" \
	" FROM decided_measure_needs l JOIN decided_measures dm ON dm.id = l.measure_id" \
	" JOIN decided_needs dn ON dn.id = l.decided_need_id WHERE dm.cycle_id = $1" cond \
	" ORDER BY l.measure_id, dn.position, dn.id"
#define DM_SOURCES(cond) \
	"SELECT l.measure_id, pm.id, pm.title, pm.unit_id, u.name FROM decided_measure_sources l" \
	" JOIN decided_measures dm ON dm.id = l.measure_id" \
	" JOIN proposed_measures pm ON pm.id = l.proposed_measure_id JOIN units u ON u.id = pm.unit_id" \
	" WHERE dm.cycle_id = $1" cond \
	" ORDER BY l.measure_id, u.name COLLATE nb, u.id, pm.position, pm.id"

static const char SQL_DN_SOURCES[] = DN_SOURCES(ONE_OR_ALL("dn.id"));
static const char SQL_DN_SOURCES_PAGE[] = DN_SOURCES(WINDOW("dn"));
static const char SQL_DN_GOALS[] = DN_GOALS(ONE_OR_ALL("dn.id"));
static const char SQL_DN_GOALS_PAGE[] = DN_GOALS(WINDOW("dn"));
static const char SQL_DM_NEEDS[] = DM_NEEDS(ONE_OR_ALL("dm.id"));
static const char SQL_DM_NEEDS_PAGE[] = DM_NEEDS(WINDOW("dm"));
static const char SQL_DM_SOURCES[] = DM_SOURCES(ONE_OR_ALL("dm.id"));
static const char SQL_DM_SOURCES_PAGE[] = DM_SOURCES(WINDOW("dm"));

static const char SQL_DN_INSERT[] =
	"INSERT INTO decided_needs (cycle_id, scope, unit_id, competence_id, title, description,"
	" criticality, required_level, horizon, people_affected, position, created_by, created_at,"
	" updated_by, updated_at) SELECT CAST($1 AS BIGINT), $2, CAST($3 AS BIGINT),"
	" CAST($4 AS BIGINT), $5, $6, $7, CAST($8 AS BIGINT), $9, CAST($10 AS BIGINT),"
	" COALESCE(MAX(position), 0) + 1, CAST($11 AS BIGINT), CAST($12 AS BIGINT),"
	" CAST($11 AS BIGINT), CAST($12 AS BIGINT) FROM decided_needs WHERE cycle_id = $1"
	" RETURNING id, position";
static const char SQL_DN_UPDATE[] =
	"UPDATE decided_needs SET scope = $3, unit_id = $4, competence_id = $5, title = $6,"
	" description = $7, criticality = $8, required_level = $9, horizon = $10,"
	" people_affected = $11, updated_by = $12, updated_at = $13 WHERE cycle_id = $1 AND id = $2";
static const char SQL_DN_DELETE[] = "DELETE FROM decided_needs WHERE cycle_id = $1 AND id = $2";
static const char SQL_DM_INSERT[] =
	"INSERT INTO decided_measures (cycle_id, kind, scope, unit_id, title, description, owner,"
	" deadline, budget, position, created_by, created_at, updated_by, updated_at)"
	" SELECT CAST($1 AS BIGINT), $2, $3, CAST($4 AS BIGINT), $5, $6, $7, $8, CAST($9 AS BIGINT),"
	" COALESCE(MAX(position), 0) + 1, CAST($10 AS BIGINT), CAST($11 AS BIGINT),"
	" CAST($10 AS BIGINT), CAST($11 AS BIGINT) FROM decided_measures WHERE cycle_id = $1"
	" RETURNING id, position";
static const char SQL_DM_UPDATE[] =
	"UPDATE decided_measures SET kind = $3, scope = $4, unit_id = $5, title = $6, description = $7,"
	" owner = $8, deadline = $9, budget = $10, updated_by = $11, updated_at = $12"
	" WHERE cycle_id = $1 AND id = $2";
static const char SQL_DM_DELETE[] = "DELETE FROM decided_measures WHERE cycle_id = $1 AND id = $2";

/* The four link tables of decided rows: [0] clears an owner's ($1), [1]
 * adds one ($1, $2). */
#define LINK_ADD(table, owner, ref) \
	"INSERT INTO " table " (" owner ", " ref ") VALUES ($1, $2) ON CONFLICT (" owner ", " ref ") DO NOTHING"
#define LINK_CLEAR(table, owner) "DELETE FROM " table " WHERE " owner " = $1"
static const char SQL_LINK_CLEAR_DN_SOURCES[] = LINK_CLEAR("decided_need_sources", "decided_need_id");
static const char SQL_LINK_ADD_DN_SOURCES[] = LINK_ADD("decided_need_sources", "decided_need_id", "need_id");
static const char SQL_LINK_CLEAR_DN_GOALS[] = LINK_CLEAR("decided_need_goals", "decided_need_id");
static const char SQL_LINK_ADD_DN_GOALS[] = LINK_ADD("decided_need_goals", "decided_need_id", "goal_id");
static const char SQL_LINK_CLEAR_DM_NEEDS[] = LINK_CLEAR("decided_measure_needs", "measure_id");
static const char SQL_LINK_ADD_DM_NEEDS[] = LINK_ADD("decided_measure_needs", "measure_id", "decided_need_id");
static const char SQL_LINK_CLEAR_DM_SOURCES[] = LINK_CLEAR("decided_measure_sources", "measure_id");
static const char SQL_LINK_ADD_DM_SOURCES[] =
	LINK_ADD("decided_measure_sources", "measure_id", "proposed_measure_id");
enum link_kind { LINK_DN_SOURCES, LINK_DN_GOALS, LINK_DM_NEEDS, LINK_DM_SOURCES };

/* Which links a list reads: one row's or all the cycle's (only_id; 0: all),
 * or a page's (page set: after (after_pos, after_id), up to the last row). */
struct link_sel {
	int64_t only_id;
	bool page;
	int64_t after_pos, after_id, last_pos, last_id;
};

static void link_bind(struct store_q *q, int64_t cycle_id, const struct link_sel *sel)
{
	store_q_int(q, 1, cycle_id);
	if (!sel->page) {
		store_q_int(q, 2, sel->only_id);
		return;
	}
	store_q_int(q, 2, sel->after_pos);
	store_q_int(q, 3, sel->after_id);
	store_q_int(q, 4, sel->last_pos);
	store_q_int(q, 5, sel->last_id);
}

static void dn_row(struct store_q *q, struct arena *a, void *row)
{
	struct decided_need *d = row;
	*d = (struct decided_need){ 0 };
	d->id = store_q_col_int(q, 0);
	d->cycle_id = store_q_col_int(q, 1);
	char *s = store_q_col_text(q, a, 2);
	if (!s || !need_scope_parse(s, &d->scope))
		d->scope = NEED_SCOPE_ORGANISATION;
	d->unit_id = store_q_col_int(q, 3);
	d->unit_name = store_q_col_text(q, a, 4);
	d->competence_id = store_q_col_int(q, 5);
	d->competence_name = store_q_col_text(q, a, 6);
	d->title = store_q_col_text(q, a, 7);
	char *desc = store_q_col_text(q, a, 8);
	d->description = desc ? desc : "";
	s = store_q_col_text(q, a, 9);
	if (!s || !criticality_parse(s, &d->criticality))
		d->criticality = CRIT_MEDIUM;
	d->required_level = (int)store_q_col_int(q, 10);
	s = store_q_col_text(q, a, 11);
	if (!s || !horizon_parse(s, &d->horizon))
		d->horizon = HORIZON_ONE_TO_THREE_YEARS;
	d->people_affected = store_q_col_int(q, 12);
	d->position = (int)store_q_col_int(q, 13);
	d->updated_at = store_q_col_int(q, 14);
}

static void dm_row(struct store_q *q, struct arena *a, void *row)
{
	struct decided_measure *m = row;
	*m = (struct decided_measure){ 0 };
	m->id = store_q_col_int(q, 0);
	m->cycle_id = store_q_col_int(q, 1);
	char *s = store_q_col_text(q, a, 2);
	if (!s || !measure_kind_parse(s, &m->kind))
		m->kind = MEASURE_DEVELOP;
	s = store_q_col_text(q, a, 3);
	if (!s || !measure_scope_parse(s, &m->scope))
		m->scope = MEASURE_SCOPE_OVERARCHING;
	m->unit_id = store_q_col_int(q, 4);
	m->unit_name = store_q_col_text(q, a, 5);
	m->title = store_q_col_text(q, a, 6);
	char *t = store_q_col_text(q, a, 7);
	m->description = t ? t : "";
	t = store_q_col_text(q, a, 8);
	m->owner = t ? t : "";
	t = store_q_col_text(q, a, 9);
	m->deadline = t ? t : "";
	m->budget = store_q_col_int(q, 10);
	m->position = (int)store_q_col_int(q, 11);
	m->updated_at = store_q_col_int(q, 12);
}

static void set_dn_sources(void *rows, int idx, struct comp_ref *refs, int n)
{
	struct decided_need *d = (struct decided_need *)rows + idx;
	d->sources = refs;
	d->nsources = n;
}

/* The goals' query gives the code where the others give the unit's name. */
static void set_dn_goals(void *rows, int idx, struct comp_ref *refs, int n)
{
	struct decided_need *d = (struct decided_need *)rows + idx;
	for (int i = 0; i < n; i++) {
		refs[i].code = refs[i].unit_name;
		refs[i].unit_name = NULL;
	}
	d->goals = refs;
	d->ngoals = n;
}

static void set_dm_needs(void *rows, int idx, struct comp_ref *refs, int n)
{
	struct decided_measure *m = (struct decided_measure *)rows + idx;
	m->needs = refs;
	m->nneeds = n;
}

static void set_dm_sources(void *rows, int idx, struct comp_ref *refs, int n)
{
	struct decided_measure *m = (struct decided_measure *)rows + idx;
	m->sources = refs;
	m->nsources = n;
}

/* The distinct units of d's sources, in the sources' order (by unit name). */
static enum err dn_units(struct arena *a, void *row)
{
	struct decided_need *d = row;
	d->source_units = NULL;
	d->nsource_units = 0;
	if (d->nsources == 0)
		return OK;
	struct comp_ref *u = arena_alloc(a, (size_t)d->nsources * sizeof *u);
	if (!u)
		return ERR_TOO_BIG;
	int k = 0;
	for (int i = 0; i < d->nsources; i++) {
		if (k > 0 && u[k - 1].id == d->sources[i].unit_id)
			continue;
		u[k++] = (struct comp_ref){ .id = d->sources[i].unit_id, .name = d->sources[i].unit_name };
	}
	d->source_units = u;
	d->nsource_units = k;
	return OK;
}

static void dn_bind(struct store_q *q, const void *row, int first)
{
	const struct decided_need *d = row;
	store_q_text(q, first, need_scope_name(d->scope));
	store_q_id(q, first + 1, d->scope == NEED_SCOPE_UNIT ? d->unit_id : 0);
	store_q_id(q, first + 2, d->competence_id);
	store_q_text(q, first + 3, d->title);
	store_q_text(q, first + 4, d->description ? d->description : "");
	store_q_text(q, first + 5, criticality_name(d->criticality));
	store_q_id(q, first + 6, d->required_level);
	store_q_text(q, first + 7, horizon_name(d->horizon));
	if (d->people_affected < 0)
		store_q_id(q, first + 8, 0);
	else
		store_q_int(q, first + 8, d->people_affected);
}

static void dm_bind(struct store_q *q, const void *row, int first)
{
	const struct decided_measure *m = row;
	store_q_text(q, first, measure_kind_name(m->kind));
	store_q_text(q, first + 1, measure_scope_name(m->scope));
	store_q_id(q, first + 2, m->scope == MEASURE_SCOPE_LOCAL ? m->unit_id : 0);
	store_q_text(q, first + 3, m->title);
	store_q_text(q, first + 4, m->description ? m->description : "");
	store_q_text(q, first + 5, m->owner ? m->owner : "");
	store_q_opt(q, first + 6, m->deadline);
	if (m->budget < 0)
		store_q_id(q, first + 7, 0);
	else
		store_q_int(q, first + 7, m->budget);
}

/* Replaces owner's links of kind k: clear, then add refs[0..n). */
static enum err links_set(struct store_conn *c, enum link_kind k, int64_t owner, const struct comp_ref *refs,
			  int n)
{
	struct store_q q;
	static const enum comp_stmt clear[] = { ST_LINK_CLEAR_DN_SOURCES, ST_LINK_CLEAR_DN_GOALS,
						ST_LINK_CLEAR_DM_NEEDS, ST_LINK_CLEAR_DM_SOURCES };
	static const enum comp_stmt add[] = { ST_LINK_ADD_DN_SOURCES, ST_LINK_ADD_DN_GOALS, ST_LINK_ADD_DM_NEEDS,
					      ST_LINK_ADD_DM_SOURCES };
	stmt_prepare(&q, c, clear[k]);
	store_q_int(&q, 1, owner);
	store_q_exec(&q, NULL);
	enum err e = store_q_done(&q);
	for (int i = 0; i < n && !e; i++) {
		stmt_prepare(&q, c, add[k]);
		store_q_int(&q, 1, owner);
		store_q_int(&q, 2, refs[i].id);
		store_q_exec(&q, NULL);
		e = store_q_done(&q);
	}
	return e;
}

static enum err dn_links_set(struct store_conn *c, const void *row)
{
	const struct decided_need *d = row;
	enum err e = links_set(c, LINK_DN_SOURCES, d->id, d->sources, d->nsources);
	return e ? e : links_set(c, LINK_DN_GOALS, d->id, d->goals, d->ngoals);
}

static enum err dm_links_set(struct store_conn *c, const void *row)
{
	const struct decided_measure *m = row;
	enum err e = links_set(c, LINK_DM_NEEDS, m->id, m->needs, m->nneeds);
	return e ? e : links_set(c, LINK_DM_SOURCES, m->id, m->sources, m->nsources);
}

/* One kind of link a decided row reads: for one row or all the cycle's,
 * for a page's rows, and where its refs go. */
struct link_read {
	enum comp_stmt all, page;
	void (*set)(void *rows, int idx, struct comp_ref *refs, int n);
};

/* A decided table as this file reads and writes it; rows begin with their
 * int64_t id, and hold their cycle and int position where the offsets say. */
struct decided_kind {
	size_t elem, cycle_off, pos_off;
	store_row_fn *row;
	enum comp_stmt list, get, page, insert, update, del;
	struct link_read links[2];
	enum err (*derive)(struct arena *a, void *row);   /* from the links; may be NULL */
	void (*bind)(struct store_q *q, const void *row, int first);
	int nbind;                                         /* how many bind binds */
	enum err (*links_set)(struct store_conn *c, const void *row);
};

static const struct decided_kind NEEDS = {
	sizeof(struct decided_need), offsetof(struct decided_need, cycle_id),
	offsetof(struct decided_need, position), dn_row,
	ST_DN_LIST, ST_DN_GET, ST_DN_PAGE, ST_DN_INSERT, ST_DN_UPDATE, ST_DN_DELETE,
	{ { ST_DN_SOURCES, ST_DN_SOURCES_PAGE, set_dn_sources },
	  { ST_DN_GOALS, ST_DN_GOALS_PAGE, set_dn_goals } },
	dn_units, dn_bind, 9, dn_links_set,
};

static const struct decided_kind MEASURES = {
	sizeof(struct decided_measure), offsetof(struct decided_measure, cycle_id),
	offsetof(struct decided_measure, position), dm_row,
	ST_DM_LIST, ST_DM_GET, ST_DM_PAGE, ST_DM_INSERT, ST_DM_UPDATE, ST_DM_DELETE,
	{ { ST_DM_NEEDS, ST_DM_NEEDS_PAGE, set_dm_needs },
	  { ST_DM_SOURCES, ST_DM_SOURCES_PAGE, set_dm_sources } },
	NULL, dm_bind, 8, dm_links_set,
};

static int64_t row_int64(const void *row, size_t off)
{
	int64_t v;
	memcpy(&v, (const char *)row + off, sizeof v);
	return v;
}

/* Fills the links of rows v[0..n) chosen by sel. */
static enum err decided_links(struct store_conn *c, struct arena *a, const struct decided_kind *k,
			      int64_t cycle_id, const struct link_sel *sel, void *v, int n)
{
	if (n == 0)
		return OK;
	struct id_index *ix = index_ids(a, v, n, k->elem);
	if (!ix)
		return ERR_TOO_BIG;
	enum err e = OK;
	for (size_t l = 0; l < sizeof k->links / sizeof k->links[0] && !e; l++) {
		struct link_row *links;
		int nl;
		struct store_q q;
		stmt_prepare(&q, c, sel->page ? k->links[l].page : k->links[l].all);
		link_bind(&q, cycle_id, sel);
		e = store_q_rows(&q, a, sizeof *links, link_row, &links, &nl);
		if (!e)
			e = attach(a, links, nl, ix, n, k->links[l].set, v);
	}
	for (int i = 0; i < n && !e && k->derive; i++)
		e = k->derive(a, (char *)v + (size_t)i * k->elem);
	return e;
}

/* Every row of the cycle (page NULL), or a page of at most limit rows
 * after (page->after_pos, page->after_id); each with its links. */
static enum err decided_read(struct store_conn *c, struct arena *a, const struct decided_kind *k,
			     int64_t cycle_id, const struct link_sel *page, int limit, void *out, int *n)
{
	struct store_q q;
	stmt_prepare(&q, c, page ? k->page : k->list);
	store_q_int(&q, 1, cycle_id);
	if (page) {
		store_q_int(&q, 2, page->after_pos);
		store_q_int(&q, 3, page->after_id);
		store_q_int(&q, 4, limit);
	}
	char *v;
	int nv;
	enum err e = store_q_rows(&q, a, k->elem, k->row, &v, &nv);
	struct link_sel sel = { 0 };
	if (page && nv > 0) {
		const char *last = v + (size_t)(nv - 1) * k->elem;
		int pos;
		memcpy(&pos, last + k->pos_off, sizeof pos);
		sel = (struct link_sel){ .page = true, .after_pos = page->after_pos, .after_id = page->after_id,
					 .last_pos = pos, .last_id = row_int64(last, 0) };
	}
	if (!e)
		e = decided_links(c, a, k, cycle_id, &sel, v, nv);
	memcpy(out, &v, sizeof v);
	*n = e ? 0 : nv;
	return e;
}

static enum err decided_get(struct store_conn *c, struct arena *a, const struct decided_kind *k,
			    int64_t cycle_id, int64_t id, void *out)
{
	enum err e = read_one(c, a, k->get, cycle_id, id, k->row, out);
	return e ? e : decided_links(c, a, k, cycle_id, &(struct link_sel){ .only_id = id }, out, 1);
}

/* Inserts row at the end of its cycle's list with its links; sets its id
 * and position. */
static enum err decided_insert(struct store_conn *c, const struct decided_kind *k, void *row,
			       int64_t user_id, int64_t now)
{
	struct store_q q;
	stmt_prepare(&q, c, k->insert);
	store_q_int(&q, 1, row_int64(row, k->cycle_off));
	k->bind(&q, row, 2);
	store_q_id(&q, 2 + k->nbind, user_id);
	store_q_int(&q, 3 + k->nbind, now);
	if (store_q_row(&q)) {
		int64_t id = store_q_col_int(&q, 0);
		int pos = (int)store_q_col_int(&q, 1);
		memcpy(row, &id, sizeof id);
		memcpy((char *)row + k->pos_off, &pos, sizeof pos);
	}
	enum err e = store_q_done(&q);
	return e ? e : k->links_set(c, row);
}

/* The rows changed by q, run: OK, or ERR_NOTFOUND when none. */
static enum err exec_one(struct store_q *q)
{
	int64_t k = 0;
	store_q_exec(q, &k);
	enum err e = store_q_done(q);
	return e ? e : k ? OK : ERR_NOTFOUND;
}

static enum err decided_update(struct store_conn *c, const struct decided_kind *k, const void *row,
			       int64_t user_id, int64_t now)
{
	struct store_q q;
	stmt_prepare(&q, c, k->update);
	store_q_int(&q, 1, row_int64(row, k->cycle_off));
	store_q_int(&q, 2, row_int64(row, 0));
	k->bind(&q, row, 3);
	store_q_id(&q, 3 + k->nbind, user_id);
	store_q_int(&q, 4 + k->nbind, now);
	enum err e = exec_one(&q);
	return e ? e : k->links_set(c, row);
}

static enum err decided_delete(struct store_conn *c, const struct decided_kind *k, int64_t cycle_id,
			       int64_t id)
{
	struct store_q q;
	stmt_prepare(&q, c, k->del);
	store_q_int(&q, 1, cycle_id);
	store_q_int(&q, 2, id);
	return exec_one(&q);
}

enum err store_decided_needs_list(struct store_conn *c, struct arena *a, int64_t cycle_id,
				  struct decided_need **out, int *n)
{
	return decided_read(c, a, &NEEDS, cycle_id, NULL, 0, out, n);
}

enum err store_decided_needs_page(struct store_conn *c, struct arena *a, int64_t cycle_id,
				  int64_t after_pos, int64_t after_id, int limit, struct decided_need **out,
				  int *n)
{
	struct link_sel page = { .after_pos = after_pos, .after_id = after_id };
	return decided_read(c, a, &NEEDS, cycle_id, &page, limit, out, n);
}

enum err store_decided_need_get(struct store_conn *c, struct arena *a, int64_t cycle_id, int64_t id,
				struct decided_need *out)
{
	return decided_get(c, a, &NEEDS, cycle_id, id, out);
}

enum err store_decided_need_insert(struct store_conn *c, struct decided_need *d, int64_t user_id,
				   int64_t now)
{
	return decided_insert(c, &NEEDS, d, user_id, now);
}

enum err store_decided_need_update(struct store_conn *c, const struct decided_need *d,
				   int64_t user_id, int64_t now)
{
	return decided_update(c, &NEEDS, d, user_id, now);
}

enum err store_decided_need_delete(struct store_conn *c, int64_t cycle_id, int64_t id)
{
	return decided_delete(c, &NEEDS, cycle_id, id);
}

enum err store_decided_measures_list(struct store_conn *c, struct arena *a, int64_t cycle_id,
				     struct decided_measure **out, int *n)
{
	return decided_read(c, a, &MEASURES, cycle_id, NULL, 0, out, n);
}

enum err store_decided_measures_page(struct store_conn *c, struct arena *a, int64_t cycle_id,
				     int64_t after_pos, int64_t after_id, int limit,
				     struct decided_measure **out, int *n)
{
	struct link_sel page = { .after_pos = after_pos, .after_id = after_id };
	return decided_read(c, a, &MEASURES, cycle_id, &page, limit, out, n);
}

enum err store_decided_measure_get(struct store_conn *c, struct arena *a, int64_t cycle_id,
				   int64_t id, struct decided_measure *out)
{
	return decided_get(c, a, &MEASURES, cycle_id, id, out);
}

enum err store_decided_measure_insert(struct store_conn *c, struct decided_measure *m,
				      int64_t user_id, int64_t now)
{
	return decided_insert(c, &MEASURES, m, user_id, now);
}

enum err store_decided_measure_update(struct store_conn *c, const struct decided_measure *m,
				      int64_t user_id, int64_t now)
{
	return decided_update(c, &MEASURES, m, user_id, now);
}

enum err store_decided_measure_delete(struct store_conn *c, int64_t cycle_id, int64_t id)
{
	return decided_delete(c, &MEASURES, cycle_id, id);
}

enum err store_decided_get(struct store_conn *c, struct arena *a, int64_t cycle_id, int64_t id,
			   struct decided_row *d)
{
	return d->measure ? decided_get(c, a, &MEASURES, cycle_id, id, &d->m)
			  : decided_get(c, a, &NEEDS, cycle_id, id, &d->need);
}

enum err store_decided_save(struct store_conn *c, struct decided_row *d, int64_t user_id, int64_t now)
{
	const struct decided_kind *k = d->measure ? &MEASURES : &NEEDS;
	void *row = d->measure ? (void *)&d->m : (void *)&d->need;
	return decided_row_id(d) ? decided_update(c, k, row, user_id, now) : decided_insert(c, k, row, user_id, now);
}

enum err store_decided_delete(struct store_conn *c, bool measure, int64_t cycle_id, int64_t id)
{
	return decided_delete(c, measure ? &MEASURES : &NEEDS, cycle_id, id);
}

/* ---- the proposals ---- */

/* A unit with a proposal in cycle $1: a discussion row, or any proposed
 * need or measure; its counts of both. */
#define HAS_PROPOSAL \
	" (d.unit_id IS NOT NULL" \
	" OR EXISTS (SELECT 1 FROM competence_needs n WHERE n.cycle_id = $1 AND n.unit_id = u.id)" \
	" OR EXISTS (SELECT 1 FROM proposed_measures m WHERE m.cycle_id = $1 AND m.unit_id = u.id))"
#define UNIT_NEEDS "(SELECT count(*) FROM competence_needs n WHERE n.cycle_id = $1 AND n.unit_id = u.id)"
#define UNIT_MEASURES "(SELECT count(*) FROM proposed_measures m WHERE m.cycle_id = $1 AND m.unit_id = u.id)"
#define UNITS_FROM " FROM units u LEFT JOIN unit_discussions d ON d.cycle_id = $1 AND d.unit_id = u.id"
/* A comp_unit_row's columns. */
#define UNIT_COLS "u.id, u.name, u.code, " PSTATUS ", COALESCE(d.submitted_at, 0), " UNIT_NEEDS ", " UNIT_MEASURES

static const char SQL_COMP_UNITS[] =
	"SELECT " UNIT_COLS UNITS_FROM " WHERE" HAS_PROPOSAL " ORDER BY u.name COLLATE nb, u.id";

static void unit_row(struct store_q *q, struct arena *a, void *row)
{
	struct comp_unit_row *r = row;
	r->unit_id = store_q_col_int(q, 0);
	r->name = store_q_col_text(q, a, 1);
	r->code = store_q_col_text(q, a, 2);
	r->status = pstatus(store_q_col_text(q, a, 3));
	r->submitted_at = store_q_col_int(q, 4);
	r->needs = store_q_col_int(q, 5);
	r->measures = store_q_col_int(q, 6);
}

enum err store_comp_units(struct store_conn *c, struct arena *a, int64_t cycle_id,
			  struct comp_unit_row **out, int *n)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_COMP_UNITS);
	store_q_int(&q, 1, cycle_id);
	return store_q_rows(&q, a, sizeof **out, unit_row, out, n);
}

/* The first decided need a proposed need feeds, and its title. */
#define FIRST_DN "(SELECT MIN(s.decided_need_id) FROM decided_need_sources s WHERE s.need_id = x.id)"
#define PN_SELECT \
	"SELECT x.id, x.cycle_id, x.unit_id, u.name, " PSTATUS ", x.competence_id, k.name, k.area_id," \
	" ar.name, x.title, x.criticality, COALESCE(x.required_level, 0)," \
	" COALESCE(x.current_level, 0), COALESCE(x.people_affected, -1), x.horizon, x.rationale," \
	" COALESCE(" FIRST_DN ", 0), (SELECT dn.title FROM decided_needs dn WHERE dn.id = " FIRST_DN ")" \
	" FROM competence_needs x JOIN units u ON u.id = x.unit_id" JOIN_DISCUSSION \
	" LEFT JOIN competences k ON k.id = x.competence_id" \
	" LEFT JOIN competence_areas ar ON ar.id = k.area_id"
#define ONLY_SUBMITTED(p) " AND (CAST(" p " AS BIGINT) = 1 OR d.status = 'submitted')"

static const char SQL_PN_LIST[] =
	PN_SELECT " WHERE x.cycle_id = $1" ONLY_SUBMITTED("$2")
	" ORDER BY u.name COLLATE nb, u.id, x.position, x.id";
static const char SQL_PN_GET[] = PN_SELECT " WHERE x.cycle_id = $1 AND x.id = $2";
static const char SQL_PN_GOALS[] =
	"SELECT g.need_id, g.goal_id FROM need_goals g JOIN competence_needs x ON x.id = g.need_id"
	" WHERE x.cycle_id = $1" ONE_OR_ALL("x.id") " ORDER BY g.need_id, g.goal_id";

static void pn_row(struct store_q *q, struct arena *a, void *row)
{
	struct comp_proposed_need *p = row;
	*p = (struct comp_proposed_need){ 0 };
	p->id = store_q_col_int(q, 0);
	p->cycle_id = store_q_col_int(q, 1);
	p->unit_id = store_q_col_int(q, 2);
	p->unit_name = store_q_col_text(q, a, 3);
	p->status = pstatus(store_q_col_text(q, a, 4));
	p->competence_id = store_q_col_int(q, 5);
	p->competence_name = store_q_col_text(q, a, 6);
	p->area_id = store_q_col_int(q, 7);
	p->area_name = store_q_col_text(q, a, 8);
	p->title = store_q_col_text(q, a, 9);
	char *s = store_q_col_text(q, a, 10);
	if (!s || !criticality_parse(s, &p->criticality))
		p->criticality = CRIT_MEDIUM;
	p->required_level = (int)store_q_col_int(q, 11);
	p->current_level = (int)store_q_col_int(q, 12);
	p->people_affected = store_q_col_int(q, 13);
	s = store_q_col_text(q, a, 14);
	if (!s || !horizon_parse(s, &p->horizon))
		p->horizon = HORIZON_ONE_TO_THREE_YEARS;
	char *r = store_q_col_text(q, a, 15);
	p->rationale = r ? r : "";
	p->decided_need_id = store_q_col_int(q, 16);
	p->decided_need_title = store_q_col_text(q, a, 17);
}

/* A row of two ids. */
static void id_pair_row(struct store_q *q, struct arena *a, void *row)
{
	(void)a;
	int64_t *r = row;
	r[0] = store_q_col_int(q, 0);
	r[1] = store_q_col_int(q, 1);
}

/* Attaches the need_goals rows to v[0..n) (one need: only_id). */
static enum err pn_goals(struct store_conn *c, struct arena *a, int64_t cycle_id, int64_t only_id,
			 struct comp_proposed_need *v, int n)
{
	if (n == 0)
		return OK;
	struct id_index *ix = index_ids(a, v, n, sizeof *v);
	if (!ix)
		return ERR_TOO_BIG;
	int64_t (*rows)[2];
	int k;
	struct store_q q;
	store_q_prepare(&q, c, SQL_PN_GOALS);
	store_q_int(&q, 1, cycle_id);
	store_q_int(&q, 2, only_id);
	enum err e = store_q_rows(&q, a, sizeof *rows, id_pair_row, &rows, &k);
	if (e || k == 0)
		return e;
	int64_t *goals = arena_alloc(a, (size_t)k * sizeof *goals);
	if (!goals)
		return ERR_TOO_BIG;
	for (int i = 0; i < k; i++)
		goals[i] = rows[i][1];
	for (int i = 0; i < k;) {
		int j = i;
		while (j < k && rows[j][0] == rows[i][0])
			j++;
		int idx = find_index(ix, n, rows[i][0]);
		if (idx >= 0) {
			v[idx].goal_ids = goals + i;
			v[idx].ngoals = j - i;
		}
		i = j;
	}
	return OK;
}

enum err store_comp_proposed_needs(struct store_conn *c, struct arena *a, int64_t cycle_id,
				   bool drafts, struct comp_proposed_need **out, int *n)
{
	struct comp_proposed_need *v;
	int k;
	struct store_q q;
	store_q_prepare(&q, c, SQL_PN_LIST);
	store_q_int(&q, 1, cycle_id);
	store_q_int(&q, 2, drafts ? 1 : 0);
	enum err e = store_q_rows(&q, a, sizeof *v, pn_row, &v, &k);
	if (!e)
		e = pn_goals(c, a, cycle_id, 0, v, k);
	*out = v;
	*n = e ? 0 : k;
	return e;
}

enum err store_comp_proposed_need_get(struct store_conn *c, struct arena *a, int64_t cycle_id,
				      int64_t id, struct comp_proposed_need *out)
{
	enum err e = read_one(c, a, ST_PN_GET, cycle_id, id, pn_row, out);
	return e ? e : pn_goals(c, a, cycle_id, id, out, 1);
}

#define PM_COLUMNS \
	"SELECT x.id, x.unit_id, u.name, " PSTATUS ", x.kind, x.title, x.description," \
	" x.suggested_owner, COALESCE(x.estimated_cost, -1), x.timing," \
	" COALESCE((SELECT MIN(s.measure_id) FROM decided_measure_sources s" \
	" WHERE s.proposed_measure_id = x.id), 0)"
#define PM_FROM " FROM proposed_measures x JOIN units u ON u.id = x.unit_id" JOIN_DISCUSSION
#define PM_SELECT PM_COLUMNS PM_FROM

static const char SQL_PM_LIST[] =
	PM_SELECT " WHERE x.cycle_id = $1" ONLY_SUBMITTED("$2")
	" ORDER BY u.name COLLATE nb, u.id, x.position, x.id";
static const char SQL_PM_GET[] = PM_SELECT " WHERE x.cycle_id = $1 AND x.id = $2";

static void pm_row(struct store_q *q, struct arena *a, void *row)
{
	struct comp_proposed_measure *p = row;
	*p = (struct comp_proposed_measure){ 0 };
	p->id = store_q_col_int(q, 0);
	p->unit_id = store_q_col_int(q, 1);
	p->unit_name = store_q_col_text(q, a, 2);
	p->status = pstatus(store_q_col_text(q, a, 3));
	char *s = store_q_col_text(q, a, 4);
	if (!s || !measure_kind_parse(s, &p->kind))
		p->kind = MEASURE_DEVELOP;
	p->title = store_q_col_text(q, a, 5);
	s = store_q_col_text(q, a, 6);
	p->description = s ? s : "";
	s = store_q_col_text(q, a, 7);
	p->suggested_owner = s ? s : "";
	p->estimated_cost = store_q_col_int(q, 8);
	s = store_q_col_text(q, a, 9);
	p->timing = s ? s : "";
	p->decided_measure_id = store_q_col_int(q, 10);
}

enum err store_comp_proposed_measures(struct store_conn *c, struct arena *a, int64_t cycle_id,
				      bool drafts, struct comp_proposed_measure **out, int *n)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_PM_LIST);
	store_q_int(&q, 1, cycle_id);
	store_q_int(&q, 2, drafts ? 1 : 0);
	return store_q_rows(&q, a, sizeof **out, pm_row, out, n);
}

enum err store_comp_proposed_measure_get(struct store_conn *c, struct arena *a, int64_t cycle_id,
					 int64_t id, struct comp_proposed_measure *out)
{
	return read_one(c, a, ST_PM_GET, cycle_id, id, pm_row, out);
}

/* ---- the heat map and the goals ---- */

static const char SQL_HEAT[] =
	"SELECT x.unit_id, u.name, COALESCE(k.area_id, 0), x.criticality, count(*)"
	" FROM competence_needs x JOIN units u ON u.id = x.unit_id" JOIN_DISCUSSION
	" LEFT JOIN competences k ON k.id = x.competence_id"
	" WHERE x.cycle_id = $1" ONLY_SUBMITTED("$2") " AND (CAST($3 AS BIGINT) = 0 OR x.unit_id = $3)"
	" GROUP BY x.unit_id, u.name, k.area_id, x.criticality"
	" ORDER BY u.name COLLATE nb, x.unit_id";

static void heat_row(struct store_q *q, struct arena *a, void *row)
{
	struct heat_count *h = row;
	h->unit_id = store_q_col_int(q, 0);
	h->unit_name = store_q_col_text(q, a, 1);
	h->area_id = store_q_col_int(q, 2);
	char *s = store_q_col_text(q, a, 3);
	if (!s || !criticality_parse(s, &h->criticality))
		h->criticality = CRIT_MEDIUM;
	h->count = store_q_col_int(q, 4);
}

enum err store_comp_heat_counts(struct store_conn *c, struct arena *a, int64_t cycle_id, bool drafts,
				int64_t unit_id, struct heat_count **out, int *n)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_HEAT);
	store_q_int(&q, 1, cycle_id);
	store_q_int(&q, 2, drafts ? 1 : 0);
	store_q_int(&q, 3, unit_id);
	return store_q_rows(&q, a, sizeof **out, heat_row, out, n);
}

static const char SQL_COMP_GOALS[] =
	"SELECT g.goal_id, g.code, g.title FROM strategy_goals g WHERE g.version_id ="
	" (SELECT v.id FROM strategy_versions v WHERE v.cycle_id = $1"
	" ORDER BY CASE WHEN v.status = 'published' THEN 0 ELSE 1 END, v.number DESC, v.id DESC LIMIT 1)"
	" ORDER BY g.code COLLATE nb, g.id";

static void goal_row(struct store_q *q, struct arena *a, void *row)
{
	struct comp_goal *g = row;
	g->goal_id = store_q_col_int(q, 0);
	g->code = store_q_col_text(q, a, 1);
	g->title = store_q_col_text(q, a, 2);
}

enum err store_comp_goals(struct store_conn *c, struct arena *a, int64_t cycle_id,
			  struct comp_goal **out, int *n)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_COMP_GOALS);
	store_q_int(&q, 1, cycle_id);
	return store_q_rows(&q, a, sizeof **out, goal_row, out, n);
}

/* ---- references ---- */

/* Counts the rows with id $1 (in cycle $2, where the kind has a cycle). */
static const char SQL_REF_COMPETENCE[] = "SELECT count(*) FROM competences WHERE id = $1";
static const char SQL_REF_UNIT[] = "SELECT count(*) FROM units WHERE id = $1";
static const char SQL_REF_LEVEL[] = "SELECT count(*) FROM scale_levels WHERE scale = 'proficiency' AND level = $1";
static const char SQL_REF_GOAL[] = "SELECT count(*) FROM strategic_goals WHERE id = $1 AND cycle_id = $2";
static const char SQL_REF_NEED[] = "SELECT count(*) FROM competence_needs WHERE id = $1 AND cycle_id = $2";
static const char SQL_REF_PMEASURE[] = "SELECT count(*) FROM proposed_measures WHERE id = $1 AND cycle_id = $2";
static const char SQL_REF_DECIDED[] = "SELECT count(*) FROM decided_needs WHERE id = $1 AND cycle_id = $2";
static const struct {
	enum comp_stmt stmt;
	bool in_cycle;
} REFS[] = {
	{ ST_REF_COMPETENCE, false }, { ST_REF_UNIT, false }, { ST_REF_LEVEL, false }, { ST_REF_GOAL, true },
	{ ST_REF_NEED, true }, { ST_REF_PMEASURE, true }, { ST_REF_DECIDED, true },
};

enum ref_kind { REF_COMPETENCE, REF_UNIT, REF_LEVEL, REF_GOAL, REF_NEED, REF_PMEASURE, REF_DECIDED };

/* Adds p on field when one of ids[0..n) is not a k (in cycle_id, for the
 * kinds a cycle holds); nothing when field already has a problem. */
static enum err refs_exist(struct store_conn *c, enum ref_kind k, const struct comp_ref *r, int n,
			   int64_t cycle_id, const char *field, enum problem p, struct field_errors *fe)
{
	if (field_errors_has(fe, field))
		return OK;
	for (int i = 0; i < n; i++) {
		struct store_q q;
		stmt_prepare(&q, c, REFS[k].stmt);
		store_q_int(&q, 1, r[i].id);
		if (REFS[k].in_cycle)
			store_q_int(&q, 2, cycle_id);
		bool yes = store_q_row(&q) && store_q_col_int(&q, 0) > 0;
		enum err e = store_q_done(&q);
		if (e)
			return e;
		if (!yes) {
			field_error_add(fe, field, p);
			return OK;
		}
	}
	return OK;
}

/* The same for one id; none when id is 0. */
static enum err ref_exists(struct store_conn *c, enum ref_kind k, int64_t id, const char *field, enum problem p,
			   struct field_errors *fe)
{
	return refs_exist(c, k, &(struct comp_ref){ .id = id }, id != 0, 0, field, p, fe);
}

enum err store_decided_need_refs(struct store_conn *c, int64_t cycle_id, const struct decided_need *d,
				 struct field_errors *fe)
{
	enum err e = ref_exists(c, REF_COMPETENCE, d->competence_id, "competence_id", PROB_UNKNOWN_REF, fe);
	if (!e && d->scope == NEED_SCOPE_UNIT && d->unit_id > 0)
		e = ref_exists(c, REF_UNIT, d->unit_id, "unit_id", PROB_UNKNOWN_REF, fe);
	if (!e && d->required_level > 0)
		e = ref_exists(c, REF_LEVEL, d->required_level, "required_level", PROB_BAD_CHOICE, fe);
	if (!e)
		e = refs_exist(c, REF_GOAL, d->goals, d->ngoals, cycle_id, "goals", PROB_UNKNOWN_REF, fe);
	if (!e)
		e = refs_exist(c, REF_NEED, d->sources, d->nsources, cycle_id, "sources", PROB_UNKNOWN_REF, fe);
	return e;
}

enum err store_decided_measure_refs(struct store_conn *c, int64_t cycle_id,
				    const struct decided_measure *m, struct field_errors *fe)
{
	enum err e = OK;
	if (m->scope == MEASURE_SCOPE_LOCAL && m->unit_id > 0)
		e = ref_exists(c, REF_UNIT, m->unit_id, "unit_id", PROB_UNKNOWN_REF, fe);
	if (!e)
		e = refs_exist(c, REF_DECIDED, m->needs, m->nneeds, cycle_id, "needs", PROB_UNKNOWN_REF, fe);
	if (!e)
		e = refs_exist(c, REF_PMEASURE, m->sources, m->nsources, cycle_id, "sources", PROB_UNKNOWN_REF, fe);
	return e;
}

enum err store_decided_refs(struct store_conn *c, int64_t cycle_id, const struct decided_row *d,
			    struct field_errors *fe)
{
	return d->measure ? store_decided_measure_refs(c, cycle_id, &d->m, fe)
			  : store_decided_need_refs(c, cycle_id, &d->need, fe);
}

/* ---- the proposals in pages and groups (the overview at any scale) ---- */

/* The unit $n with its whole subtree ($n = 0: every unit). */
#define IN_UNIT_SUBTREE(col, p) \
	" AND (CAST(" p " AS BIGINT) = 0 OR " col " IN (WITH RECURSIVE usub(id) AS" \
	" (SELECT CAST(" p " AS BIGINT) UNION SELECT y.id FROM units y JOIN usub ON y.parent_id = usub.id)" \
	" SELECT id FROM usub))"
/* The competence area $n with its sub-areas ($n = 0: any). */
#define IN_AREA_SUBTREE(col, p) \
	" AND (CAST(" p " AS BIGINT) = 0 OR " col " IN (WITH RECURSIVE asub(id) AS" \
	" (SELECT CAST(" p " AS BIGINT) UNION SELECT y.id FROM competence_areas y" \
	" JOIN asub ON y.parent_id = asub.id) SELECT id FROM asub))"

static const char SQL_COMP_UNIT_TOTALS[] =
	"SELECT t.st, count(*), CAST(COALESCE(sum(t.nn), 0) AS BIGINT), CAST(COALESCE(sum(t.nm), 0) AS BIGINT)"
	" FROM (SELECT " PSTATUS " AS st, " UNIT_NEEDS " AS nn, " UNIT_MEASURES " AS nm" UNITS_FROM
	" WHERE" HAS_PROPOSAL IN_UNIT_SUBTREE("u.id", "$2") ") t GROUP BY t.st";

enum err store_comp_unit_totals(struct store_conn *c, struct arena *a, int64_t cycle_id, int64_t unit_id,
				struct comp_unit_totals *out)
{
	*out = (struct comp_unit_totals){ 0 };
	struct store_q q;
	store_q_prepare(&q, c, SQL_COMP_UNIT_TOTALS);
	store_q_int(&q, 1, cycle_id);
	store_q_int(&q, 2, unit_id);
	while (store_q_row(&q)) {
		enum proposal_status ps = pstatus(store_q_col_text(&q, a, 0));
		int64_t k = store_q_col_int(&q, 1);
		out->by_status[ps] += k;
		out->units += k;
		out->needs += store_q_col_int(&q, 2);
		out->measures += store_q_col_int(&q, 3);
	}
	return store_q_done(&q);
}

/* The page's units are chosen first, so the counts are made for them only. */
static const char SQL_COMP_UNITS_PAGE[] =
	"SELECT " UNIT_COLS
	" FROM (SELECT u.id" UNITS_FROM " WHERE" HAS_PROPOSAL IN_UNIT_SUBTREE("u.id", "$2")
	" AND (CAST($3 AS TEXT) = '' OR " PSTATUS " = $3)"
	" ORDER BY u.name COLLATE nb, u.id LIMIT $4 OFFSET $5) p JOIN units u ON u.id = p.id"
	" LEFT JOIN unit_discussions d ON d.cycle_id = $1 AND d.unit_id = u.id"
	" ORDER BY u.name COLLATE nb, u.id";

enum err store_comp_units_page(struct store_conn *c, struct arena *a, int64_t cycle_id,
			       const struct comp_unit_query *uq, struct comp_unit_row **out, int *n)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_COMP_UNITS_PAGE);
	store_q_int(&q, 1, cycle_id);
	store_q_int(&q, 2, uq->unit_id);
	store_q_text(&q, 3, uq->status ? uq->status : "");
	store_q_int(&q, 4, uq->limit);
	store_q_int(&q, 5, uq->offset);
	return store_q_rows(&q, a, sizeof **out, unit_row, out, n);
}

/* The proposed needs a filter takes: $1 cycle, $2 drafts too, $3 unit
 * subtree, $4 competence, $5 only free ones, $6 area subtree. */
#define PN_FILTER \
	" WHERE x.cycle_id = $1" ONLY_SUBMITTED("$2") IN_UNIT_SUBTREE("x.unit_id", "$3") \
	" AND (CAST($4 AS BIGINT) = 0 OR x.competence_id = $4)" \
	" AND (CAST($5 AS BIGINT) = 0 OR x.competence_id IS NULL)" IN_AREA_SUBTREE("k.area_id", "$6")

static const char SQL_PN_GROUPS[] =
	"SELECT COALESCE(x.competence_id, 0), k.name, COALESCE(k.area_id, 0), ar.name, count(*),"
	" count(DISTINCT x.unit_id), max(CASE x.criticality WHEN 'critical' THEN 3 WHEN 'high' THEN 2"
	" WHEN 'medium' THEN 1 ELSE 0 END), count(mg.need_id)"
	" FROM competence_needs x" JOIN_DISCUSSION
	" LEFT JOIN competences k ON k.id = x.competence_id"
	" LEFT JOIN competence_areas ar ON ar.id = k.area_id"
	" LEFT JOIN (SELECT DISTINCT s.need_id FROM decided_need_sources s) mg ON mg.need_id = x.id"
	PN_FILTER " GROUP BY x.competence_id, k.name, k.area_id, ar.name";

static void pn_filter_bind(struct store_q *q, int64_t cycle_id, const struct comp_filter *f)
{
	store_q_int(q, 1, cycle_id);
	store_q_int(q, 2, f->drafts ? 1 : 0);
	store_q_int(q, 3, f->unit_id);
	store_q_int(q, 4, f->competence_id);
	store_q_int(q, 5, f->free ? 1 : 0);
	store_q_int(q, 6, f->area_id);
}

static void need_group_row(struct store_q *q, struct arena *a, void *row)
{
	struct comp_need_group *g = row;
	g->competence_id = store_q_col_int(q, 0);
	g->competence_name = store_q_col_text(q, a, 1);
	g->area_id = store_q_col_int(q, 2);
	g->area_name = store_q_col_text(q, a, 3);
	g->needs = store_q_col_int(q, 4);
	g->units = store_q_col_int(q, 5);
	int64_t crit = store_q_col_int(q, 6);
	g->max_crit = crit >= 0 && crit < CRITICALITY_COUNT ? (enum criticality)crit : CRIT_LOW;
	g->merged = store_q_col_int(q, 7);
}

enum err store_comp_need_groups(struct store_conn *c, struct arena *a, int64_t cycle_id,
				const struct comp_filter *f, struct comp_need_group **out, int *n)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_PN_GROUPS);
	pn_filter_bind(&q, cycle_id, f);
	return store_q_rows(&q, a, sizeof **out, need_group_row, out, n);
}

static const char SQL_PN_PAGE[] =
	PN_SELECT PN_FILTER
	" ORDER BY CASE WHEN x.competence_id IS NULL THEN 1 ELSE 0 END, k.name COLLATE nb, k.id,"
	" u.name COLLATE nb, u.id, x.position, x.id LIMIT $7 OFFSET $8";
static const char SQL_PN_COUNT[] =
	"SELECT count(*) FROM competence_needs x" JOIN_DISCUSSION
	" LEFT JOIN competences k ON k.id = x.competence_id" PN_FILTER;

/* How a filter's proposed rows are counted, paged and read: the filter
 * binds $1..$nbind, the page's limit and offset follow. */
struct filtered {
	enum comp_stmt count, page;
	void (*bind)(struct store_q *q, int64_t cycle_id, const struct comp_filter *f);
	int nbind;
	size_t elem;
	store_row_fn *row;
};

/* *total counts the rows under f; *out holds the page (offset, limit). */
static enum err filtered_page(struct store_conn *c, struct arena *a, const struct filtered *fs,
			      int64_t cycle_id, const struct comp_filter *f, int offset, int limit, void *out,
			      int *n, int64_t *total)
{
	struct store_q q;
	stmt_prepare(&q, c, fs->count);
	fs->bind(&q, cycle_id, f);
	*total = store_q_row(&q) ? store_q_col_int(&q, 0) : 0;
	enum err e = store_q_done(&q);
	void *v = NULL;
	int k = 0;
	if (!e) {
		stmt_prepare(&q, c, fs->page);
		fs->bind(&q, cycle_id, f);
		store_q_int(&q, fs->nbind + 1, limit);
		store_q_int(&q, fs->nbind + 2, offset);
		e = store_q_rows(&q, a, fs->elem, fs->row, &v, &k);
	}
	memcpy(out, &v, sizeof v);
	*n = e ? 0 : k;
	return e;
}

enum err store_comp_needs_page(struct store_conn *c, struct arena *a, int64_t cycle_id,
			       const struct comp_filter *f, int offset, int limit,
			       struct comp_proposed_need **out, int *n, int64_t *total)
{
	static const struct filtered fs = { ST_PN_COUNT, ST_PN_PAGE, pn_filter_bind, 6,
					    sizeof(struct comp_proposed_need), pn_row };
	return filtered_page(c, a, &fs, cycle_id, f, offset, limit, out, n, total);
}

/* The candidates to add to decided need $2: submitted proposed needs of
 * cycle $1 not yet its sources, of competence $3 (0: any). */
#define CAND_FILTER \
	" WHERE x.cycle_id = $1 AND d.status = 'submitted'" \
	" AND NOT EXISTS (SELECT 1 FROM decided_need_sources s WHERE s.decided_need_id = $2 AND s.need_id = x.id)" \
	" AND (CAST($3 AS BIGINT) = 0 OR x.competence_id = $3)"
static const char SQL_PN_CAND_COUNT[] = "SELECT count(*) FROM competence_needs x" JOIN_DISCUSSION CAND_FILTER;
/* Not yet merged anywhere first, then the strongest claim. */
static const char SQL_PN_CAND[] =
	PN_SELECT CAND_FILTER
	" ORDER BY CASE WHEN EXISTS (SELECT 1 FROM decided_need_sources s WHERE s.need_id = x.id) THEN 1 ELSE 0 END,"
	" CASE x.criticality WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END,"
	" COALESCE(x.required_level, 0) DESC, u.name COLLATE nb, u.id, x.position, x.id LIMIT $4";

/* How a decided row's candidates are counted and read: both statements
 * bind $1 cycle and $2 the decided row; $3 the key (an id, or text when
 * key_text), read by the count too when count_key; $4 the limit. */
struct candidates {
	enum comp_stmt count, rows;
	bool count_key, key_text;
	size_t elem;
	store_row_fn *row;
};

static void cand_bind(struct store_q *q, const struct candidates *cs, int64_t cycle_id, int64_t owner,
		      int64_t key, const char *text, bool with_key)
{
	store_q_int(q, 1, cycle_id);
	store_q_int(q, 2, owner);
	if (with_key && cs->key_text)
		store_q_text(q, 3, text ? text : "");
	else if (with_key)
		store_q_int(q, 3, key);
}

/* *total counts them all; *out holds at most limit (0: all) in order. */
static enum err cand_read(struct store_conn *c, struct arena *a, const struct candidates *cs, int64_t cycle_id,
			  int64_t owner, int64_t key, const char *text, int limit, void *out, int *n,
			  int64_t *total)
{
	struct store_q q;
	stmt_prepare(&q, c, cs->count);
	cand_bind(&q, cs, cycle_id, owner, key, text, cs->count_key);
	*total = store_q_row(&q) ? store_q_col_int(&q, 0) : 0;
	enum err e = store_q_done(&q);
	void *v = NULL;
	int k = 0;
	if (!e && *total > 0) {
		stmt_prepare(&q, c, cs->rows);
		cand_bind(&q, cs, cycle_id, owner, key, text, true);
		store_q_int(&q, 4, limit > 0 ? limit : *total);
		e = store_q_rows(&q, a, cs->elem, cs->row, &v, &k);
	}
	memcpy(out, &v, sizeof v);
	*n = e ? 0 : k;
	return e;
}

enum err store_comp_need_candidates(struct store_conn *c, struct arena *a, int64_t cycle_id, int64_t dn_id,
				    int64_t competence_id, int limit, struct comp_proposed_need **out, int *n,
				    int64_t *total)
{
	static const struct candidates cs = { ST_PN_CAND_COUNT, ST_PN_CAND, true, false,
					      sizeof(struct comp_proposed_need), pn_row };
	return cand_read(c, a, &cs, cycle_id, dn_id, competence_id, NULL, limit, out, n, total);
}

/* The proposed measures a filter takes: $1 cycle, $2 drafts too, $3 unit
 * subtree, $4 kind ('': any). */
#define PM_FILTER \
	" WHERE x.cycle_id = $1" ONLY_SUBMITTED("$2") IN_UNIT_SUBTREE("x.unit_id", "$3") \
	" AND (CAST($4 AS TEXT) = '' OR x.kind = $4)"

static const char SQL_PM_GROUPS[] =
	"SELECT x.kind, count(*), count(DISTINCT x.unit_id), count(mg.id) FROM proposed_measures x"
	JOIN_DISCUSSION
	" LEFT JOIN (SELECT DISTINCT s.proposed_measure_id AS id FROM decided_measure_sources s) mg"
	" ON mg.id = x.id" PM_FILTER " GROUP BY x.kind";

static void pm_filter_bind(struct store_q *q, int64_t cycle_id, const struct comp_filter *f)
{
	store_q_int(q, 1, cycle_id);
	store_q_int(q, 2, f->drafts ? 1 : 0);
	store_q_int(q, 3, f->unit_id);
	store_q_text(q, 4, f->kind ? f->kind : "");
}

enum err store_comp_measure_groups(struct store_conn *c, struct arena *a, int64_t cycle_id,
				   const struct comp_filter *f,
				   struct comp_measure_group out[MEASURE_KIND_COUNT])
{
	for (int i = 0; i < MEASURE_KIND_COUNT; i++)
		out[i] = (struct comp_measure_group){ .kind = (enum measure_kind)i };
	struct store_q q;
	store_q_prepare(&q, c, SQL_PM_GROUPS);
	pm_filter_bind(&q, cycle_id, f);
	while (store_q_row(&q)) {
		const char *s = store_q_col_text(&q, a, 0);
		enum measure_kind mk;
		if (!s || !measure_kind_parse(s, &mk))
			continue;
		out[mk].measures = store_q_col_int(&q, 1);
		out[mk].units = store_q_col_int(&q, 2);
		out[mk].merged = store_q_col_int(&q, 3);
	}
	return store_q_done(&q);
}

static const char SQL_PM_PAGE[] =
	PM_SELECT PM_FILTER " ORDER BY u.name COLLATE nb, u.id, x.position, x.id LIMIT $5 OFFSET $6";
static const char SQL_PM_COUNT[] = "SELECT count(*) FROM proposed_measures x" JOIN_DISCUSSION PM_FILTER;

enum err store_comp_measures_page(struct store_conn *c, struct arena *a, int64_t cycle_id,
				  const struct comp_filter *f, int offset, int limit,
				  struct comp_proposed_measure **out, int *n, int64_t *total)
{
	static const struct filtered fs = { ST_PM_COUNT, ST_PM_PAGE, pm_filter_bind, 4,
					    sizeof(struct comp_proposed_measure), pm_row };
	return filtered_page(c, a, &fs, cycle_id, f, offset, limit, out, n, total);
}

/* The candidates to add to decided measure $2: submitted proposed
 * measures of cycle $1 not yet its sources. */
#define PM_CAND_FILTER \
	" WHERE x.cycle_id = $1 AND d.status = 'submitted'" \
	" AND NOT EXISTS (SELECT 1 FROM decided_measure_sources s WHERE s.measure_id = $2" \
	" AND s.proposed_measure_id = x.id)"
/* 0 when it answers a proposed need merged into a decided need that
 * measure $2 answers (its lineage), else 1. */
#define PM_LINEAGE \
	"CASE WHEN EXISTS (SELECT 1 FROM measure_needs mn" \
	" JOIN decided_need_sources dns ON dns.need_id = mn.need_id" \
	" JOIN decided_measure_needs dmn ON dmn.decided_need_id = dns.decided_need_id" \
	" WHERE mn.measure_id = x.id AND dmn.measure_id = $2) THEN 0 ELSE 1 END"
static const char SQL_PM_CAND_COUNT[] = "SELECT count(*) FROM proposed_measures x" JOIN_DISCUSSION PM_CAND_FILTER;
/* PM_SELECT's columns and the lineage: of kind $3 first, then the lineage, then by unit. */
static const char SQL_PM_CAND[] =
	PM_COLUMNS ", " PM_LINEAGE PM_FROM PM_CAND_FILTER
	" ORDER BY CASE WHEN x.kind = $3 THEN 0 ELSE 1 END, " PM_LINEAGE ","
	" u.name COLLATE nb, u.id, x.position, x.id LIMIT $4";

static void pm_cand_row(struct store_q *q, struct arena *a, void *row)
{
	pm_row(q, a, row);
	((struct comp_proposed_measure *)row)->lineage = store_q_col_int(q, 11) == 0;
}

enum err store_comp_measure_candidates(struct store_conn *c, struct arena *a, int64_t cycle_id, int64_t dm_id,
				       enum measure_kind kind, int limit, struct comp_proposed_measure **out,
				       int *n, int64_t *total)
{
	static const struct candidates cs = { ST_PM_CAND_COUNT, ST_PM_CAND, false, true,
					      sizeof(struct comp_proposed_measure), pm_cand_row };
	return cand_read(c, a, &cs, cycle_id, dm_id, 0, measure_kind_name(kind), limit, out, n, total);
}

/* After every SQL_ constant of the file: the one place a statement of
 * COMP_STATEMENTS is prepared. */
static void stmt_prepare(struct store_q *q, struct store_conn *c, enum comp_stmt st)
{
	switch (st) {
#define X(name) case ST_##name: store_q_prepare(q, c, SQL_##name); break;
		COMP_STATEMENTS(X)
#undef X
	}
}
