/* compilation.h (views) — the pages of the compilation between phases 2 and
 * 3: the overview of all units' proposals side by side with the proposed
 * needs and measures to merge, the decided needs and measures (show with
 * their lineage, create/edit forms, the question before deleting). The heat
 * map has its own file (views/heatmap.h). Each view writes the body after
 * page_begin from its own struct filled by the handler; pointers are
 * borrowed for the call. */
#ifndef EVNE_VIEWS_COMPILATION_H
#define EVNE_VIEWS_COMPILATION_H

#include <stdbool.h>
#include <stdint.h>
#include "base/arena.h"
#include "domain/compilation.h"
#include "domain/phase2.h"
#include "domain/validate.h"
#include "html/html.h"

/* An entry of a choice list (unit, competence, area, goal, level, decided
 * need, proposed need or measure): id, the words shown, its tree depth. */
struct v_comp_choice {
	int64_t id;
	const char *label;
	int depth;
};

/* A unit's line in the side-by-side table. */
struct v_comp_unit {
	int64_t unit_id;
	const char *name;
	enum proposal_status status;
	int64_t submitted_at;      /* 0: never */
	int64_t needs, measures;
};

/* What every compilation page knows of its cycle and the actor. */
struct v_comp_head {
	int64_t cycle_id;
	const char *cycle_name;
	enum decision_status decision;
	bool can_write;            /* the actor compiles (HR/admin) and the decision is compiling */
	const char *csrf;
};

/* The overview's address: its filters, the list opened (a competence, the
 * free ones, an area, all needs, or a kind of measure) and the page. */
struct v_comp_query {
	int64_t unit_id;           /* the unit and everything below it; 0: the whole organisation */
	const char *status;        /* the units table: a stored proposal status; NULL: any */
	bool drafts;               /* needs and measures of proposals not yet submitted too */
	int64_t competence_id;     /* the list of one competence's needs */
	bool free;                 /* the list of needs described freely */
	int64_t area_id;           /* the list of an area's needs (with its sub-areas) */
	bool all;                  /* the list of every proposed need */
	const char *kind;          /* the list of proposed measures of a stored kind */
	int page;                  /* 1-based: the units table's, or the open list's */
	int64_t into;              /* a list's boxes add sources to this decided need (needs list) or
				    * measure (measures list); 0: they merge */
};
/* The overview's URL for q (cycle cycle_id) in arena memory; page 1 is left out. */
const char *v_comp_query_url(struct arena *a, int64_t cycle_id, const struct v_comp_query *q);
/* Whether q opens a list of needs or of measures (else the overview's groups). */
bool v_comp_query_needs_list(const struct v_comp_query *q);
bool v_comp_query_measures_list(const struct v_comp_query *q);

/* A top-level competence area and the competences under it with proposed
 * needs (groups[0..n), by competence name); area_id 0: the free ones. */
struct v_comp_area_groups {
	int64_t area_id;
	const char *name;          /* NULL: the free ones */
	const struct comp_need_group *groups;
	int n;
	int64_t needs, merged;     /* sums over the groups */
};

enum { V_COMP_UNITS_PER_PAGE = 50, V_COMP_LIST_PER_PAGE = 100, V_COMP_CANDIDATES_MAX = 100 };

/* GET /cycles/{id}/compilation */
struct v_comp_overview {
	struct v_comp_head head;
	struct v_comp_query q;
	const char *unit_name;     /* q.unit_id's name */
	const struct v_comp_choice *unit_choices;   /* units with units below them, in tree order */
	int nunit_choices;
	/* the units side by side (only when no list is open) */
	struct comp_unit_totals all;     /* every unit with a proposal */
	struct comp_unit_totals sel;     /* under q.unit_id */
	int64_t units_total;       /* units in the organisation */
	const struct v_comp_unit *units;   /* one page */
	int nunits;
	int64_t units_matching;    /* under q.unit_id and q.status */
	int pages;                 /* of the units table, or of the open list */
	/* the proposed needs: the groups, or the open list (one page) */
	const struct v_comp_area_groups *areas;
	int nareas;
	const char *list_name;     /* the open list's competence or area; NULL: free or all */
	const char *into_title;    /* q.into's title */
	const struct comp_proposed_need *needs;
	int nneeds;
	int64_t needs_total;       /* in the open list */
	/* the proposed measures: counts by kind, or the open list (one page) */
	struct comp_measure_group mgroups[MEASURE_KIND_COUNT];
	const struct comp_proposed_measure *measures;
	int nmeasures;
	int64_t measures_total;
	/* the decided working set (only when no list is open) */
	const struct decided_need *decided;
	int ndecided;
	const struct decided_measure *dmeasures;
	int ndmeasures;
	const char *const *level_names;   /* [level] the proficiency level's name; NULL: number */
	int nlevels;
};
void v_comp_overview(struct html *h, const struct v_comp_overview *m);

/* The decided need form: new (with ?from= prefilled) and edit, and after a
 * refused save (422). */
struct v_comp_need_form {
	struct v_comp_head head;
	const struct decided_need *need;   /* values shown; id 0: new */
	const struct v_comp_choice *competences;
	int ncompetences;
	const struct v_comp_choice *units;
	int nunits;
	const struct v_comp_choice *levels;
	int nlevels;
	const struct v_comp_choice *goals;   /* the current strategy's goals */
	int ngoals;
	const char *people_value;  /* people affected as typed (after a refusal); NULL: need's */
	const struct field_errors *errors;
};
void v_comp_need_form(struct html *h, const struct v_comp_need_form *m);

/* The candidates a decided row's page offers to add as sources: at most
 * V_COMP_CANDIDATES_MAX (n) of total, as checkboxes posting source_id. */
struct v_cand {
	const char *csrf;
	int n;
	int64_t total;
	const int64_t *ticked;     /* ticked again after a refused addition */
	int nticked;
	const struct field_errors *errors;   /* a refused addition */
};

/* GET .../compilation/needs/{need_id}: the need and its lineage. */
struct v_comp_need_show {
	struct v_comp_head head;
	const struct decided_need *need;
	const char *level_name;    /* the required level's name; NULL: none */
	const char *const *level_names;   /* [level] the proficiency level's name */
	int nlevels;
	/* for a writer: the proposed needs that matter first to add as sources
	 * (the same competence's, or, when the need is described freely,
	 * those sharing words with its title; not yet in it), cand.n of them */
	const struct comp_proposed_need *candidates;
	struct v_cand cand;
	const char *area_name;     /* the competence's area, for the link to its list; NULL: none */
	int64_t area_id;
	const struct decided_measure *measures;   /* measures that answer it */
	int nmeasures;
	const struct field_errors *errors;   /* a refused source addition */
};
void v_comp_need_show(struct html *h, const struct v_comp_need_show *m);

struct v_comp_measure_form {
	struct v_comp_head head;
	const struct decided_measure *measure;   /* id 0: new */
	const struct v_comp_choice *units;
	int nunits;
	const struct v_comp_choice *needs;       /* the cycle's decided needs */
	int nneeds;
	const char *deadline_value;   /* as typed after a refusal; NULL: measure's */
	const char *budget_value;
	const struct field_errors *errors;
};
void v_comp_measure_form(struct html *h, const struct v_comp_measure_form *m);

struct v_comp_measure_show {
	struct v_comp_head head;
	const struct decided_measure *measure;
	/* for a writer: the proposed measures that matter first to add as
	 * sources (of its kind first, then its lineage; not yet in it) */
	const struct comp_proposed_measure *candidates;
	struct v_cand cand;
	const struct field_errors *errors;
};
void v_comp_measure_show(struct html *h, const struct v_comp_measure_show *m);

/* GET .../needs/{need_id}/delete and .../measures/{measure_id}/delete. */
struct v_comp_delete {
	struct v_comp_head head;
	bool measure;              /* false: a decided need */
	int64_t id;
	const char *title;
	int links;                 /* need: its sources; measure: the needs it answers */
};
void v_comp_delete(struct html *h, const struct v_comp_delete *m);

/* The page shown when the decision is not compiling (409). */
void v_comp_locked(struct html *h, const struct v_comp_head *head);

/* Catalogue words of the phase-2 lists. */
enum msg v_comp_crit_msg(enum criticality c);
enum msg v_comp_horizon_msg(enum horizon x);
enum msg v_comp_kind_msg(enum measure_kind k);
enum msg v_comp_status_msg(enum proposal_status s);
enum msg v_comp_decision_msg(enum decision_status s);

/* The links between the compilation's pages (overview, heat map). */
void v_comp_subnav(struct html *h, int64_t cycle_id, bool heatmap);

#endif
