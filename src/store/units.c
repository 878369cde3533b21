/* units.c — the organisation tree. The tree is read in one query and put in
 * order in C (parents before children, siblings in Norwegian order), which
 * is quick for the thousands of units an organisation has and keeps the
 * SQL the same on both databases. Deleting a unit that still has people or
 * sub-units fails on the foreign keys (ERR_CONFLICT); an update that would
 * make a unit its own ancestor is refused the same way. A unit's count of
 * active people is the column active_people, kept by people.c on every
 * person write, so no list of units reads the people. */
#include "store/store_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/text.h"

#define UNIT_SELECT \
	"SELECT u.id, u.name, u.code, u.parent_id, u.leader_id, l.name, p.name," \
	" u.active_people," \
	" (SELECT count(*) FROM units y WHERE y.parent_id = u.id)" \
	" FROM units u LEFT JOIN people l ON l.id = u.leader_id LEFT JOIN units p ON p.id = u.parent_id"

static void unit_row(struct store_q *q, struct arena *a, struct unit *u)
{
	u->id = store_q_col_int(q, 0);
	u->name = store_q_col_text(q, a, 1);
	u->code = store_q_col_text(q, a, 2);
	u->parent_id = store_q_col_int(q, 3);
	u->leader_id = store_q_col_int(q, 4);
	u->leader_name = store_q_col_text(q, a, 5);
	u->parent_name = store_q_col_text(q, a, 6);
	u->people_count = store_q_col_int(q, 7);
	u->child_count = store_q_col_int(q, 8);
	u->depth = 0;
}

static enum err unit_one(struct store_q *q, struct arena *a, struct unit *out)
{
	if (store_q_row(q))
		unit_row(q, a, out);
	else if (!q->err)
		q->err = ERR_NOTFOUND;
	return store_q_done(q);
}

static const char SQL_UNIT_GET[] = UNIT_SELECT " WHERE u.id = $1";

enum err store_unit_get(struct store_conn *c, struct arena *a, int64_t id, struct unit *out)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_UNIT_GET);
	store_q_int(&q, 1, id);
	return unit_one(&q, a, out);
}

static const char SQL_UNIT_BY_CODE[] = UNIT_SELECT " WHERE u.code = $1";

enum err store_unit_by_code(struct store_conn *c, struct arena *a, const char *code, struct unit *out)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_UNIT_BY_CODE);
	store_q_text(&q, 1, code);
	return unit_one(&q, a, out);
}

static int unit_cmp_name(const void *pa, const void *pb)
{
	const struct unit *a = *(const struct unit *const *)pa, *b = *(const struct unit *const *)pb;
	int r = text_collate_nb(a->name, (int)strlen(a->name), b->name, (int)strlen(b->name));
	return r ? r : (a->id > b->id) - (a->id < b->id);
}

/* Index of the unit with id in v (sorted by id), or -1. */
static int unit_find(const struct unit *v, int n, int64_t id)
{
	int lo = 0, hi = n - 1;
	while (lo <= hi) {
		int mid = lo + (hi - lo) / 2;
		if (v[mid].id == id)
			return mid;
		if (v[mid].id < id)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return -1;
}

/* Lays v (sorted by id) out in tree order into out: children are linked in
 * name order under their parent, then a walk along the links emits each
 * subtree right after its root. Returns how many units were reached; fewer
 * than n means a cycle. */
static int unit_order(const struct unit *v, int n, struct unit *out)
{
	const struct unit **byname = malloc((size_t)n * sizeof *byname + 1);
	int *mem = malloc((size_t)n * 4 * sizeof *mem + 1);
	if (!byname || !mem) {
		fputs("evne: out of memory\n", stderr);
		abort();
	}
	int *parent = mem, *first = mem + n, *next = mem + 2 * n, *last = mem + 3 * n;
	for (int i = 0; i < n; i++) {
		byname[i] = &v[i];
		first[i] = next[i] = last[i] = -1;
	}
	qsort(byname, (size_t)n, sizeof *byname, unit_cmp_name);
	int root = -1, root_last = -1;
	for (int k = 0; k < n; k++) {
		int i = (int)(byname[k] - v);
		int p = v[i].parent_id ? unit_find(v, n, v[i].parent_id) : -1;
		parent[i] = p;
		int *tail = p < 0 ? &root_last : &last[p];
		if (*tail < 0)
			*(p < 0 ? &root : &first[p]) = i;
		else
			next[*tail] = i;
		*tail = i;
	}
	int k = 0, depth = 0;
	for (int cur = root; cur >= 0;) {
		out[k] = v[cur];
		out[k++].depth = depth;
		if (first[cur] >= 0) {
			cur = first[cur];
			depth++;
			continue;
		}
		while (cur >= 0 && next[cur] < 0) {
			cur = parent[cur];
			depth--;
		}
		if (cur >= 0)
			cur = next[cur];
	}
	free(mem);
	free(byname);
	return k;
}

static const char SQL_UNIT_ALL[] = UNIT_SELECT " ORDER BY u.id";

enum err store_unit_tree(struct store_conn *c, struct arena *a, struct unit **out, int *n)
{
	struct store_q q;
	struct unit *v = NULL;
	int len = 0, cap = 0;
	store_q_prepare(&q, c, SQL_UNIT_ALL);
	while (store_q_row(&q)) {
		if (len == cap) {
			cap = cap ? cap * 2 : 64;
			struct unit *nv = realloc(v, (size_t)cap * sizeof *v);
			if (!nv) {
				fputs("evne: out of memory\n", stderr);
				abort();
			}
			v = nv;
		}
		unit_row(&q, a, &v[len++]);
	}
	enum err e = store_q_done(&q);
	if (e)
		goto out;
	struct unit *tree = arena_alloc(a, (size_t)len * sizeof *tree + 1);
	if (!tree) {
		e = store_fail(c, ERR_TOO_BIG, "the arena's cap was reached");
		goto out;
	}
	int k = unit_order(v, len, tree);
	if (k != len) {
		e = store_fail(c, ERR_CONFLICT, "the unit tree has a cycle: %d units cannot be reached",
			       len - k);
		goto out;
	}
	*out = tree;
	*n = len;
out:
	free(v);
	return e;
}

static const char SQL_UNIT_CHILDREN[] = UNIT_SELECT " WHERE u.parent_id = $1";

static int unit_cmp_name_v(const void *pa, const void *pb)
{
	const struct unit *a = pa, *b = pb;
	int r = text_collate_nb(a->name, (int)strlen(a->name), b->name, (int)strlen(b->name));
	return r ? r : (a->id > b->id) - (a->id < b->id);
}

/* A unit page lists only its sub-units: reading them through the parent's
 * index (not the whole tree, put in order with ICU compares) is what keeps
 * the page's cost independent of the organisation's size. */
enum err store_unit_children(struct store_conn *c, struct arena *a, int64_t parent_id,
			     struct unit **out, int *n)
{
	struct store_q q;
	struct unit *v = NULL;
	int len = 0, cap = 0;
	store_q_prepare(&q, c, SQL_UNIT_CHILDREN);
	store_q_int(&q, 1, parent_id);
	while (store_q_row(&q)) {
		if (!(v = store_grow(a, v, len, &cap, sizeof *v))) {
			q.err = store_fail(c, ERR_TOO_BIG, "the arena's cap was reached");
			break;
		}
		unit_row(&q, a, &v[len++]);
	}
	enum err e = store_q_done(&q);
	if (e)
		return e;
	if (len > 1)
		qsort(v, (size_t)len, sizeof *v, unit_cmp_name_v);
	for (int i = 0; i < len; i++)
		v[i].depth = 1;
	*out = v;
	*n = len;
	return OK;
}

static const char SQL_UNIT_INSERT[] =
	"INSERT INTO units (name, code, parent_id, leader_id, created_at, updated_at)"
	" VALUES ($1, $2, $3, $4, $5, $5) RETURNING id";

enum err store_unit_insert(struct store_conn *c, struct unit *u)
{
	if (!u->name || !*u->name)
		return store_fail(c, ERR_INVALID, "a unit needs a name");
	struct store_q q;
	store_q_prepare(&q, c, SQL_UNIT_INSERT);
	store_q_text(&q, 1, u->name);
	store_q_opt(&q, 2, u->code);
	store_q_id(&q, 3, u->parent_id);
	store_q_id(&q, 4, u->leader_id);
	store_q_int(&q, 5, (int64_t)time(NULL));
	if (store_q_row(&q))
		u->id = store_q_col_int(&q, 0);
	return store_q_done(&q);
}

/* True in *cycle when unit would become its own ancestor under parent. */
static const char SQL_UNIT_ANCESTORS_HAVE[] =
	"WITH RECURSIVE up(id) AS ("
	" SELECT CAST($1 AS BIGINT)"
	" UNION SELECT u.parent_id FROM units u JOIN up ON u.id = up.id WHERE u.parent_id IS NOT NULL)"
	" SELECT 1 FROM up WHERE id = $2";

static enum err unit_would_cycle(struct store_conn *c, int64_t unit, int64_t parent, bool *cycle)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_UNIT_ANCESTORS_HAVE);
	store_q_int(&q, 1, parent);
	store_q_int(&q, 2, unit);
	*cycle = store_q_row(&q);
	return store_q_done(&q);
}

static const char SQL_UNIT_UPDATE[] =
	"UPDATE units SET name = $2, code = $3, parent_id = $4, leader_id = $5, updated_at = $6"
	" WHERE id = $1";

enum err store_unit_update(struct store_conn *c, const struct unit *u)
{
	enum err e;
	if (!u->name || !*u->name)
		return store_fail(c, ERR_INVALID, "a unit needs a name");
	if (u->parent_id) {
		bool cycle = false;
		if ((e = unit_would_cycle(c, u->id, u->parent_id, &cycle)) != OK)
			return e;
		if (cycle)
			return store_fail(c, ERR_CONFLICT, "a unit cannot be placed under itself");
	}
	struct store_q q;
	int64_t n = 0;
	store_q_prepare(&q, c, SQL_UNIT_UPDATE);
	store_q_int(&q, 1, u->id);
	store_q_text(&q, 2, u->name);
	store_q_opt(&q, 3, u->code);
	store_q_id(&q, 4, u->parent_id);
	store_q_id(&q, 5, u->leader_id);
	store_q_int(&q, 6, (int64_t)time(NULL));
	store_q_exec(&q, &n);
	if ((e = store_q_done(&q)) != OK)
		return e;
	return n ? OK : store_fail(c, ERR_NOTFOUND, "no unit %lld", (long long)u->id);
}

static const char SQL_UNIT_DELETE[] = "DELETE FROM units WHERE id = $1";

enum err store_unit_delete(struct store_conn *c, int64_t id)
{
	struct store_q q;
	int64_t n = 0;
	store_q_prepare(&q, c, SQL_UNIT_DELETE);
	store_q_int(&q, 1, id);
	store_q_exec(&q, &n);
	enum err e = store_q_done(&q);
	if (e)
		return e;
	return n ? OK : store_fail(c, ERR_NOTFOUND, "no unit %lld", (long long)id);
}

static const char SQL_UNITS_LED_BY[] =
	"WITH RECURSIVE sub(id) AS ("
	" SELECT id FROM units WHERE leader_id = $1"
	" UNION SELECT u.id FROM units u JOIN sub ON u.parent_id = sub.id)"
	" SELECT id FROM sub ORDER BY id";

/* Most people lead no unit, and every request asks (the actor's scope):
 * the recursive query builds temporary tables even when it finds nothing,
 * which was a third of a cached page's CPU, so one seek on units_leader
 * answers first. */
static const char SQL_LEADS_ANY[] = "SELECT 1 FROM units WHERE leader_id = $1 LIMIT 1";

enum err store_units_led_by(struct store_conn *c, struct arena *a, int64_t person_id,
			    int64_t **ids, int *n)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_LEADS_ANY);
	store_q_int(&q, 1, person_id);
	bool leads = store_q_row(&q);
	enum err e = store_q_done(&q);
	if (e || !leads) {
		*ids = NULL;
		*n = 0;
		return e;
	}
	int64_t *v = NULL;
	int len = 0, cap = 0;
	store_q_prepare(&q, c, SQL_UNITS_LED_BY);
	store_q_int(&q, 1, person_id);
	while (store_q_row(&q)) {
		if (!(v = store_grow(a, v, len, &cap, sizeof *v))) {
			q.err = store_fail(c, ERR_TOO_BIG, "the arena's cap was reached");
			break;
		}
		v[len++] = store_q_col_int(&q, 0);
	}
	e = store_q_done(&q);
	if (!e) {
		*ids = v;
		*n = len;
	}
	return e;
}

static const char SQL_UNIT_COUNT[] = "SELECT count(*) FROM units";

enum err store_unit_count(struct store_conn *c, int64_t *n)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_UNIT_COUNT);
	if (store_q_row(&q))
		*n = store_q_col_int(&q, 0);
	return store_q_done(&q);
}
