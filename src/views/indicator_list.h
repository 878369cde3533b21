/* indicator_list.h — GET /cycles/{id}/indicators, the full list of the
 * cycle's indicators per unit (views/indicator_list.c): a filter form (a
 * unit's subtree, a status a unit is chased for), the filtered unit's place
 * in the tree as links up, how many units match, then one page of them in
 * two tables with the same rows — phase 1 (the leader's checklist,
 * employees who confirmed reading) and phase 2 (the proposal's state, date,
 * needs and measures) — and the numbered page links. A page holds at most
 * IND_LIST_PAGE units, so the HTML is bounded whatever the organisation's
 * size. Counts only, and the leader's name only for those who chase
 * leaders (show_leaders): representatives get numbers. */
#ifndef EVNE_VIEWS_INDICATOR_LIST_H
#define EVNE_VIEWS_INDICATOR_LIST_H

#include <stdbool.h>
#include <stdint.h>
#include "domain/indicator_units.h"
#include "domain/indicators.h"
#include "domain/indicators_phase2.h"
#include "html/html.h"
#include "views/pager.h"
#include "views/unit_filter.h"

enum { IND_LIST_PAGE = 50 };

struct v_ind_list_row {
	int64_t unit_id;
	const char *name;
	const char *code;          /* the unit's code, told after the name (names repeat); NULL: none */
	const char *leader_name;   /* NULL: none (or not shown) */
	bool has_leader;
	bool has_children;         /* the name links to its subtree */
	int64_t steps_ticked;
	struct ind_phase1 p1;
	const struct ind_p2_unit *u2;   /* NULL: no phase-2 row (not expected to happen) */
};

struct v_ind_list {
	int64_t cycle_id;
	const char *cycle_name;
	bool org_wide;             /* every unit; else the actor's units */
	bool show_leaders;         /* the leader column */
	int nsteps;                /* the checklist's length */
	int64_t unit_id;           /* the subtree shown; 0: every unit the actor reads */
	const struct v_unit_ref *path;   /* the filtered unit and its shown ancestors, top first */
	int npath;
	const struct v_unit_ref *choices;   /* the select's units (the top-level rows) */
	int nchoices;
	enum ind_status_filter status;
	const struct v_ind_list_row *rows;   /* this page, Norwegian order */
	int n;
	int total;                 /* units matching the filters */
	int first;                 /* the number of rows[0] in the list, from 1 */
	struct v_pager pager;
};

void v_indicator_list(struct html *h, const struct v_ind_list *m);

#endif
