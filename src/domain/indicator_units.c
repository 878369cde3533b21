/* indicator_units.c — grouping the indicator rows by subtree and filtering
 * the full list. Parents are found by binary search in an index of the
 * nodes sorted by id; each walk up is bounded by n steps, so a parent loop
 * in bad data ends (its units then belong to no row). */
#include "domain/indicator_units.h"

#include <stdlib.h>
#include <string.h>

/* The nodes' ids sorted, each with its index, for find(). */
struct id_at {
	int64_t id;
	int at;
};

struct index {
	const struct ind_node *nodes;
	struct id_at *by_id;
	int n;
};

static int cmp_id_at(const void *pa, const void *pb)
{
	const struct id_at *a = pa, *b = pb;
	return (a->id > b->id) - (a->id < b->id);
}

static bool index_build(struct arena *a, const struct ind_node *nodes, int n, struct index *ix)
{
	ix->nodes = nodes;
	ix->n = n;
	ix->by_id = arena_alloc(a, sizeof *ix->by_id * (size_t)(n > 0 ? n : 1));
	if (!ix->by_id)
		return false;
	for (int i = 0; i < n; i++)
		ix->by_id[i] = (struct id_at){ nodes[i].id, i };
	qsort(ix->by_id, (size_t)n, sizeof *ix->by_id, cmp_id_at);
	return true;
}

/* The index of the node with id id, or -1. */
static int find(const struct index *ix, int64_t id)
{
	struct id_at key = { id, 0 };
	const struct id_at *f = bsearch(&key, ix->by_id, (size_t)ix->n, sizeof *ix->by_id, cmp_id_at);
	return f ? f->at : -1;
}

static int parent_of(const struct index *ix, int i)
{
	int64_t p = ix->nodes[i].parent_id;
	return p > 0 && p != ix->nodes[i].id ? find(ix, p) : -1;
}

bool ind_groups_plan(struct arena *a, const struct ind_node *nodes, int n, struct ind_groups *out)
{
	memset(out, 0, sizeof *out);
	struct index ix;
	size_t cap = (size_t)(n > 0 ? n : 1);
	int *head_row = arena_alloc(a, sizeof *head_row * cap);
	out->head = arena_alloc(a, sizeof *out->head * cap);
	out->own_only = arena_alloc(a, sizeof *out->own_only * cap);
	out->row_of = arena_alloc(a, sizeof *out->row_of * cap);
	if (!head_row || !out->head || !out->own_only || !out->row_of || !index_build(a, nodes, n, &ix))
		return false;
	int top = -1, ntops = 0;
	for (int i = 0; i < n; i++) {
		head_row[i] = -1;
		if (parent_of(&ix, i) < 0) {
			ntops++;
			top = i;
		}
	}
	bool split = false;
	if (ntops == 1)
		for (int i = 0; i < n && !split; i++)
			split = i != top && parent_of(&ix, i) == top;
	if (split) {
		out->head[0] = nodes[top].id;
		out->own_only[0] = true;
		head_row[top] = 0;
		out->n = 1;
	}
	for (int i = 0; i < n; i++) {
		int p = parent_of(&ix, i);
		if (split ? (p == top && i != top) : p < 0) {
			head_row[i] = out->n;
			out->head[out->n++] = nodes[i].id;
		}
	}
	for (int i = 0; i < n; i++) {
		int x = i, row = -1;
		for (int steps = 0; x >= 0 && steps <= n; steps++) {
			if ((row = head_row[x]) >= 0)
				break;
			x = parent_of(&ix, x);
		}
		out->row_of[i] = row;
	}
	return true;
}

int ind_subtree(struct arena *a, const struct ind_node *nodes, int n, int64_t root_id, bool *in)
{
	struct index ix;
	if (!index_build(a, nodes, n, &ix))
		return -1;
	int count = 0;
	for (int i = 0; i < n; i++) {
		int x = i;
		in[i] = false;
		for (int steps = 0; x >= 0 && steps <= n; steps++) {
			if (nodes[x].id == root_id) {
				in[i] = true;
				break;
			}
			x = parent_of(&ix, x);
		}
		count += in[i];
	}
	return count;
}

bool ind_mark_parents(struct arena *a, const struct ind_node *nodes, int n, bool *has_children)
{
	struct index ix;
	if (!index_build(a, nodes, n, &ix))
		return false;
	for (int i = 0; i < n; i++)
		has_children[i] = false;
	for (int i = 0; i < n; i++) {
		int p = parent_of(&ix, i);
		if (p >= 0)
			has_children[p] = true;
	}
	return true;
}

int ind_path(struct arena *a, const struct ind_node *nodes, int n, int64_t unit_id, int *path, int max)
{
	struct index ix;
	if (!index_build(a, nodes, n, &ix))
		return -1;
	int k = 0;
	for (int x = find(&ix, unit_id); x >= 0 && k < max && k <= n; x = parent_of(&ix, x))
		path[k++] = x;
	for (int i = 0; i < k / 2; i++) {
		int t = path[i];
		path[i] = path[k - 1 - i];
		path[k - 1 - i] = t;
	}
	return k;
}

static const char *const FILTER_NAMES[IND_FILTER_COUNT] = {
	[IND_FILTER_ALL] = "",
	[IND_FILTER_NOT_PREPARED] = "not_prepared",
	[IND_FILTER_READING_OPEN] = "reading_open",
	[IND_FILTER_NOT_SUBMITTED] = "not_submitted",
	[IND_FILTER_RETURNED] = "returned",
	[IND_FILTER_SUBMITTED] = "submitted",
};

const char *ind_status_filter_name(enum ind_status_filter f)
{
	return f < IND_FILTER_COUNT ? FILTER_NAMES[f] : "";
}

bool ind_status_filter_parse(const char *s, enum ind_status_filter *out)
{
	*out = IND_FILTER_ALL;
	if (!s || !*s)
		return true;
	for (int f = 1; f < IND_FILTER_COUNT; f++)
		if (strcmp(s, FILTER_NAMES[f]) == 0) {
			*out = (enum ind_status_filter)f;
			return true;
		}
	return false;
}

bool ind_status_match(enum ind_status_filter f, const struct ind_unit_counts *c1, int nsteps,
		      const struct ind_p2_unit *u2)
{
	switch (f) {
	case IND_FILTER_ALL:
		return true;
	case IND_FILTER_NOT_PREPARED:
		return c1 && c1->has_leader && !ind_checklist_complete(c1->steps_ticked, nsteps);
	case IND_FILTER_READING_OPEN:
		return c1 && c1->confirmed < c1->employees;
	case IND_FILTER_NOT_SUBMITTED:
		return u2 && ind_p2_expected(u2) && !ind_p2_submitted(u2);
	case IND_FILTER_RETURNED:
		return u2 && u2->started && u2->status == PROPOSAL_RETURNED;
	case IND_FILTER_SUBMITTED:
		return u2 && ind_p2_submitted(u2);
	case IND_FILTER_COUNT:
		break;
	}
	return false;
}

int ind_page_count(int n, int page_size)
{
	if (n <= 0 || page_size <= 0)
		return 1;
	return (n + page_size - 1) / page_size;
}
