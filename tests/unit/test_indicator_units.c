/* test_indicator_units.c — the pure rules of domain/indicator_units.c: the
 * home page's rows by subtree (divisions under one root, a leader's top
 * units, the root's own row, every unit in exactly one row), the subtree
 * filter, the path up, the status filters and the page count. Run with
 * CMOCKA_MESSAGE_OUTPUT=TAP. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "domain/indicator_units.h"

static struct arena A;

static int setup(void **state)
{
	(void)state;
	arena_init(&A, 1 << 20);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	arena_free(&A);
	return 0;
}

/* 1 root; 2, 3 divisions; 4, 5 under 2; 6 under 4; 7 under 3 (by name: the
 * order given). */
static const struct ind_node TREE[] = {
	{ 2, 1 }, { 4, 2 }, { 1, 0 }, { 7, 3 }, { 3, 1 }, { 5, 2 }, { 6, 4 },
};
enum { NTREE = sizeof TREE / sizeof TREE[0] };

static int row_of_id(const struct ind_groups *g, int64_t id)
{
	for (int i = 0; i < NTREE; i++)
		if (TREE[i].id == id)
			return g->row_of[i];
	return -2;
}

static void test_divisions(void **state)
{
	(void)state;
	struct ind_groups g;
	assert_true(ind_groups_plan(&A, TREE, NTREE, &g));
	assert_int_equal(g.n, 3);
	assert_int_equal(g.head[0], 1);          /* the root's own figures first */
	assert_true(g.own_only[0]);
	assert_int_equal(g.head[1], 2);          /* then the divisions, in the order given */
	assert_false(g.own_only[1]);
	assert_int_equal(g.head[2], 3);
	assert_int_equal(row_of_id(&g, 1), 0);
	assert_int_equal(row_of_id(&g, 2), 1);
	assert_int_equal(row_of_id(&g, 4), 1);
	assert_int_equal(row_of_id(&g, 5), 1);
	assert_int_equal(row_of_id(&g, 6), 1);   /* two levels down */
	assert_int_equal(row_of_id(&g, 3), 2);
	assert_int_equal(row_of_id(&g, 7), 2);
}

static void test_leader_scope(void **state)
{
	(void)state;
	/* a leader of 4 and of 3: two top units, each a row with its subtree */
	struct ind_node scope[] = { { 4, 2 }, { 7, 3 }, { 3, 1 }, { 6, 4 } };
	struct ind_groups g;
	assert_true(ind_groups_plan(&A, scope, 4, &g));
	assert_int_equal(g.n, 2);
	assert_int_equal(g.head[0], 4);
	assert_int_equal(g.head[1], 3);
	assert_false(g.own_only[0]);
	assert_int_equal(g.row_of[3], 0);        /* 6 under 4 */
	assert_int_equal(g.row_of[1], 1);        /* 7 under 3 */
	/* a leader of 2 alone: split into 2's own row and its sub-units */
	struct ind_node one[] = { { 2, 1 }, { 4, 2 }, { 5, 2 }, { 6, 4 } };
	assert_true(ind_groups_plan(&A, one, 4, &g));
	assert_int_equal(g.n, 3);
	assert_true(g.own_only[0]);
	assert_int_equal(g.head[0], 2);
	assert_int_equal(g.row_of[3], 1);        /* 6 with 4 */
	/* a single unit without sub-units: one row, not split */
	struct ind_node leaf[] = { { 5, 2 } };
	assert_true(ind_groups_plan(&A, leaf, 1, &g));
	assert_int_equal(g.n, 1);
	assert_false(g.own_only[0]);
	/* nothing */
	assert_true(ind_groups_plan(&A, leaf, 0, &g));
	assert_int_equal(g.n, 0);
}

static void test_bad_tree(void **state)
{
	(void)state;
	/* a parent loop ends: its units belong to no row, the rest are fine */
	struct ind_node loop[] = { { 1, 0 }, { 2, 1 }, { 8, 9 }, { 9, 8 } };
	struct ind_groups g;
	assert_true(ind_groups_plan(&A, loop, 4, &g));
	assert_int_equal(g.row_of[0], 0);
	assert_int_equal(g.row_of[2], -1);
	assert_int_equal(g.row_of[3], -1);
}

static void test_subtree_and_path(void **state)
{
	(void)state;
	bool in[NTREE];
	assert_int_equal(ind_subtree(&A, TREE, NTREE, 2, in), 4);   /* 2, 4, 5, 6 */
	assert_true(in[0] && in[1] && in[5] && in[6]);
	assert_false(in[2] || in[3] || in[4]);
	assert_int_equal(ind_subtree(&A, TREE, NTREE, 1, in), NTREE);
	assert_int_equal(ind_subtree(&A, TREE, NTREE, 99, in), 0);
	bool kids[NTREE];
	assert_true(ind_mark_parents(&A, TREE, NTREE, kids));
	assert_true(kids[0] && kids[1] && kids[2] && kids[4]);     /* 2, 4, 1, 3 */
	assert_false(kids[3] || kids[5] || kids[6]);               /* 7, 5, 6 */
	int path[8];
	assert_int_equal(ind_path(&A, TREE, NTREE, 6, path, 8), 4);
	assert_int_equal(TREE[path[0]].id, 1);   /* top first */
	assert_int_equal(TREE[path[1]].id, 2);
	assert_int_equal(TREE[path[2]].id, 4);
	assert_int_equal(TREE[path[3]].id, 6);
	/* a leader's scope: the path stops at the top of what they see */
	struct ind_node scope[] = { { 4, 2 }, { 6, 4 } };
	assert_int_equal(ind_path(&A, scope, 2, 6, path, 8), 2);
	assert_int_equal(ind_path(&A, scope, 2, 1, path, 8), 0);
}

static void test_status(void **state)
{
	(void)state;
	enum ind_status_filter f;
	assert_true(ind_status_filter_parse(NULL, &f));
	assert_int_equal(f, IND_FILTER_ALL);
	assert_true(ind_status_filter_parse("", &f));
	assert_true(ind_status_filter_parse("not_submitted", &f));
	assert_int_equal(f, IND_FILTER_NOT_SUBMITTED);
	assert_string_equal(ind_status_filter_name(f), "not_submitted");
	assert_false(ind_status_filter_parse("Not_submitted", &f));
	assert_false(ind_status_filter_parse("all", &f));

	struct ind_unit_counts c = { .unit_id = 1, .has_leader = true, .steps_ticked = 3, .employees = 4, .confirmed = 4 };
	assert_true(ind_status_match(IND_FILTER_NOT_PREPARED, &c, 4, NULL));
	c.steps_ticked = 4;
	assert_false(ind_status_match(IND_FILTER_NOT_PREPARED, &c, 4, NULL));
	c.has_leader = false;                    /* no leader: nobody to prepare */
	c.steps_ticked = 0;
	assert_false(ind_status_match(IND_FILTER_NOT_PREPARED, &c, 4, NULL));
	assert_false(ind_status_match(IND_FILTER_READING_OPEN, &c, 4, NULL));
	c.confirmed = 3;
	assert_true(ind_status_match(IND_FILTER_READING_OPEN, &c, 4, NULL));

	struct ind_p2_unit u = { .unit_id = 1, .has_people = true };
	assert_true(ind_status_match(IND_FILTER_NOT_SUBMITTED, &c, 4, &u));    /* not started */
	u.started = true;
	u.status = PROPOSAL_RETURNED;
	assert_true(ind_status_match(IND_FILTER_NOT_SUBMITTED, &c, 4, &u));
	assert_true(ind_status_match(IND_FILTER_RETURNED, &c, 4, &u));
	u.status = PROPOSAL_SUBMITTED;
	assert_false(ind_status_match(IND_FILTER_NOT_SUBMITTED, &c, 4, &u));
	assert_true(ind_status_match(IND_FILTER_SUBMITTED, &c, 4, &u));
	u.has_people = false;                    /* not expected: never chased */
	u.status = PROPOSAL_DRAFT;
	assert_false(ind_status_match(IND_FILTER_NOT_SUBMITTED, &c, 4, &u));
	assert_true(ind_status_match(IND_FILTER_ALL, NULL, 4, NULL));
	assert_false(ind_status_match(IND_FILTER_SUBMITTED, &c, 4, NULL));
}

static void test_pages(void **state)
{
	(void)state;
	assert_int_equal(ind_page_count(0, 50), 1);
	assert_int_equal(ind_page_count(50, 50), 1);
	assert_int_equal(ind_page_count(51, 50), 2);
	assert_int_equal(ind_page_count(5000, 50), 100);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_divisions),
		cmocka_unit_test(test_leader_scope),
		cmocka_unit_test(test_bad_tree),
		cmocka_unit_test(test_subtree_and_path),
		cmocka_unit_test(test_status),
		cmocka_unit_test(test_pages),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
