/* compilation.h — the step between phases 2 and 3 (product.md): HR compiles
 * the units' proposals into the organisation's decided competence strategy.
 * Plain records of proposed needs and measures as compilation reads them,
 * of decided needs and measures with their lineage, and the pure rules:
 * proposing one decided need from several proposed needs (the merge rule),
 * the heat map's grid and colour buckets, the field rules of decided needs
 * and measures, and the audit JSON of each change. No I/O, no clock.
 * Strings and arrays are owned by whoever filled the structs. */
#ifndef EVNE_DOMAIN_COMPILATION_H
#define EVNE_DOMAIN_COMPILATION_H

#include <stdbool.h>
#include <stdint.h>
#include "base/arena.h"
#include "base/buf.h"
#include "base/err.h"
#include "domain/phase2.h"
#include "domain/validate.h"

enum {
	COMP_TITLE_MAX_CHARS = 200,
	COMP_DESC_MAX_CHARS = 10000,
	COMP_OWNER_MAX_CHARS = 200,
	COMP_LINKS_MAX = 500             /* sources, goals or needs named by one decided row */
};
/* A thousand billion kroner: beyond it a budget is surely a typo. */
#define COMP_BUDGET_MAX_KRONER INT64_C(1000000000000)

/* Something a decided row links to, by id, with the words shown for it:
 * a unit (name), a strategic goal (title, and its code), a decided need
 * (title), a proposed need or measure (title, with its unit). */
struct comp_ref {
	int64_t id;
	char *name;
	int64_t unit_id;           /* proposed needs and measures: their unit; 0 otherwise */
	char *unit_name;           /* NULL when not applicable */
	char *code;                /* strategic goals: the goal's code; NULL otherwise */
};

/* A unit's proposed need as compilation reads it (competence_needs). */
struct comp_proposed_need {
	int64_t id;
	int64_t cycle_id;
	int64_t unit_id;
	char *unit_name;
	enum proposal_status status;   /* of the unit's proposal */
	int64_t competence_id;     /* 0: described freely */
	char *competence_name;     /* NULL when free */
	int64_t area_id;           /* the competence's area; 0 when free */
	char *area_name;
	char *title;
	enum criticality criticality;
	int required_level;        /* 0: none */
	int current_level;         /* 0: none */
	int64_t people_affected;   /* -1: not given */
	enum horizon horizon;
	char *rationale;
	int64_t *goal_ids;         /* strategic goals (identities) it serves */
	int ngoals;
	int64_t decided_need_id;   /* the first decided need it is a source of; 0: none */
	char *decided_need_title;
};

/* A unit's proposed measure as compilation reads it (proposed_measures). */
struct comp_proposed_measure {
	int64_t id;
	int64_t unit_id;
	char *unit_name;
	enum proposal_status status;
	enum measure_kind kind;
	char *title;
	char *description;
	char *suggested_owner;
	int64_t estimated_cost;    /* -1: not given */
	char *timing;
	int64_t decided_measure_id;   /* the first decided measure it is a source of; 0: none */
	bool lineage;              /* a candidate answering a need in the decided measure's lineage */
};

/* A decided critical competence need with its lineage. */
struct decided_need {
	int64_t id;
	int64_t cycle_id;
	enum need_scope scope;
	int64_t unit_id;           /* scope unit: the unit; 0 otherwise */
	char *unit_name;
	int64_t competence_id;     /* 0: none */
	char *competence_name;
	char *title;
	char *description;
	enum criticality criticality;
	int required_level;        /* 0: none */
	enum horizon horizon;
	int64_t people_affected;   /* -1: not given */
	int position;
	/* lineage: the proposed needs merged into it (id, title, unit) */
	struct comp_ref *sources;
	int nsources;
	/* the distinct units that proposed it (id, name), in Norwegian order */
	struct comp_ref *source_units;
	int nsource_units;
	/* the strategic goals it serves (goal identity, title of the current strategy) */
	struct comp_ref *goals;
	int ngoals;
	int64_t updated_at;
};

/* A decided measure with what it answers and where it came from. */
struct decided_measure {
	int64_t id;
	int64_t cycle_id;
	enum measure_kind kind;
	enum measure_scope scope;
	int64_t unit_id;           /* scope local: the unit; 0 otherwise */
	char *unit_name;
	char *title;
	char *description;
	char *owner;
	char *deadline;            /* "YYYY-MM-DD" or "" */
	int64_t budget;            /* whole kroner; -1: not given */
	int position;
	struct comp_ref *needs;    /* decided needs it answers (id, title) */
	int nneeds;
	struct comp_ref *sources;  /* proposed measures it came from (id, title, unit) */
	int nsources;
	int64_t updated_at;
};

/* ---- the overview's counts (store/compilation.h fills them) ---- */

/* Units with a proposal in a unit's subtree (unit_id 0: all): how many in
 * each proposal status, and their proposed needs and measures. */
struct comp_unit_totals {
	int64_t units;
	int64_t by_status[PROPOSAL_STATUS_COUNT];
	int64_t needs, measures;
};

/* The proposed needs of one competence (0: described freely), counted. */
struct comp_need_group {
	int64_t competence_id;
	char *competence_name;     /* NULL when free */
	int64_t area_id;           /* the competence's own area; 0 when free */
	char *area_name;
	int64_t needs;             /* how many proposed needs */
	int64_t units;             /* how many units proposed them */
	int64_t merged;            /* how many are already a source of a decided need */
	enum criticality max_crit; /* the highest criticality among them */
};

/* The proposed measures of one kind, counted. */
struct comp_measure_group {
	enum measure_kind kind;
	int64_t measures, units, merged;
};

/* ---- the merge rule ---- */

/* A decided need proposed from proposed needs src[0..n) (n >= 1): the
 * title, competence and description (the rationale) of the first; the
 * highest criticality and required level; people affected summed (-1 when
 * none gives a number); the nearest horizon; the goals united (ascending,
 * into goals[0..*ngoals), at most cap); scope organisation when more than
 * one unit proposed it, else the unit; the sources in src order into
 * out->sources (caller's array of n). Strings point into src. */
void comp_merge(const struct comp_proposed_need *src, int n, struct decided_need *out,
		struct comp_ref *sources, int64_t *goals, int *ngoals, int cap);

/* ---- the heat map ---- */

enum { HEAT_BUCKETS = 5 };   /* 0: none, 1..4 rising */

/* One cell: how many needs, and the highest criticality among them. */
struct heat_cell {
	int64_t count;
	int64_t weight;            /* sum of criticality weights (low 1 .. critical 4) */
	int max_crit;              /* enum criticality; -1 when count is 0 */
};

/* The weight of a criticality when the map is weighted (low 1, medium 2,
 * high 3, critical 4). */
int heat_crit_weight(enum criticality c);
/* Adds one need of criticality c to the cell. */
void heat_cell_add(struct heat_cell *cell, enum criticality c);
/* The value a cell shows: its count, or its weight when weighted. */
int64_t heat_value(const struct heat_cell *cell, bool weighted);
/* The colour bucket of value v against the largest cell value max of the
 * map: 0 for 0; else 1..4 by quarters of max (so a lone 1 in a map whose
 * largest is 1 is bucket 4). */
int heat_bucket(int64_t v, int64_t max);

/* Proposed needs of one unit in one competence area with one criticality
 * (the store's GROUP BY); area_id 0: free, not in the catalogue. */
struct heat_count {
	int64_t unit_id;
	char *unit_name;
	int64_t area_id;
	enum criticality criticality;
	int64_t count;
	int64_t source_unit_id;    /* rolled up: the unit that proposed them; 0: unit_id */
};

/* A competence area as the grid needs it. */
struct heat_area {
	int64_t id;
	int64_t parent_id;         /* 0: top level */
	const char *name;
};

struct heat_row {
	int64_t unit_id;
	const char *name;
	struct heat_cell *cells;   /* ncols */
	int64_t total;             /* of the shown values */
	int64_t units;             /* units with needs in the row (more than 1 when rolled up) */
};

/* Units (rows, in the counts' order) by top-level area (columns, in the
 * areas' order; the last column, col_ids 0 and col_names NULL, is "not in
 * the catalogue"), with sums of the shown value (count, or weight). */
struct heat_grid {
	int ncols;
	int64_t *col_ids;
	const char **col_names;
	int64_t *col_totals;
	int nrows;
	struct heat_row *rows;
	int64_t total;
	int64_t max;               /* the largest cell value */
};

/* The top-level area of area id (0 when id is not among areas). */
int64_t heat_top_area(const struct heat_area *areas, int n, int64_t id);
/* Builds the grid from counts ordered by unit (rolled-up counts: by row,
 * then proposing unit, which each row counts in units); only unit_id's
 * row when it is not 0. ERR_TOO_BIG when the arena is full. */
enum err heat_grid_build(struct arena *a, const struct heat_area *areas, int nareas,
			 const struct heat_count *counts, int ncounts, int64_t unit_id, bool weighted,
			 struct heat_grid *out);

/* A unit of the organisation as the heat map's roll-up needs it, in tree
 * order (each subtree right after its root; depth 0 at the top). */
struct heat_unit {
	int64_t id;
	const char *name;
	int depth;
};

/* The unit whose children are the rows when none is asked for: the single
 * top unit when the tree has one root (the organisation itself), else 0
 * (the roots are the rows). */
int64_t heat_default_node(const struct heat_unit *tree, int n);

/* Rolls counts (any order) up to the rows under node (0: the roots): a
 * count of a unit in the subtree of node's child r becomes r's (unit_id,
 * unit_name) with source_unit_id its own unit; node's own needs are node's
 * row; counts outside node's subtree are left out. The result, in *out, is
 * ordered by row in tree order (node first) and within a row by proposing
 * unit, as heat_grid_build wants it. ERR_NOTFOUND when node is not in the
 * tree; ERR_TOO_BIG when the arena is full. */
enum err heat_roll_up(struct arena *a, const struct heat_unit *tree, int ntree, int64_t node,
		      const struct heat_count *counts, int ncounts, struct heat_count **out, int *nout);

/* ---- field rules ---- */

/* A decided need: title required, one line, at most COMP_TITLE_MAX_CHARS
 * ("title"); description at most COMP_DESC_MAX_CHARS ("description");
 * people_affected -1 or >= 0 ("people_affected"); scope unit needs a unit
 * ("unit_id"); at most COMP_LINKS_MAX sources and goals ("sources",
 * "goals"). Choices (criticality, horizon, scope, level) are checked by
 * whoever parses them. */
void validate_decided_need(const struct decided_need *d, struct field_errors *fe);
/* A decided measure: title as above; description; owner one line at most
 * COMP_OWNER_MAX_CHARS ("owner"); deadline "" or a real date YYYY-MM-DD
 * ("deadline"); budget -1 or 0..COMP_BUDGET_MAX_KRONER ("budget"); scope
 * local needs a unit ("unit_id"); links at most COMP_LINKS_MAX ("needs",
 * "sources"). */
void validate_decided_measure(const struct decided_measure *m, struct field_errors *fe);

/* A decided need or measure, where one piece of code serves both (the
 * pages' and the API's writes): need when !measure, else m. */
struct decided_row {
	bool measure;
	struct decided_need need;
	struct decided_measure m;
};
/* The row's id, and the sources it lists (a need's or a measure's). */
int64_t decided_row_id(const struct decided_row *d);
void decided_row_sources(struct decided_row *d, struct comp_ref ***sources, int **n);
/* validate_decided_need or _measure, as d is. */
void validate_decided(const struct decided_row *d, struct field_errors *fe);

/* Whole kroner as typed in Norway: digits with optional spaces (also
 * no-break and narrow no-break spaces) or dots between groups of three,
 * optionally ending in ",-" or ",00" or "kr". "" gives -1 (not given).
 * false for anything else or beyond COMP_BUDGET_MAX_KRONER. */
bool comp_parse_kroner(const char *s, int64_t *out);

/* Parses "1,2, 3" (ids separated by commas or spaces; the merge link's
 * ?from=) into ids[0..*n), at most cap, skipping duplicates; false when
 * something is not a positive id or there are more than cap. */
bool comp_parse_ids(const char *s, int64_t *ids, int *n, int cap);

/* ---- candidates by the words of a title ---- */

enum { COMP_WORDS_MAX = 32 };   /* words of one title taken into account */

/* The words of title that say what it is about, case-folded (Æ is æ):
 * split at anything but letters and digits, without one-letter words and
 * small words such as "og", "i", "av", "for", "the"; each once, at most
 * cap into words (strings in a). Returns how many; 0 also when the arena
 * is full or title is not UTF-8. */
int comp_title_words(struct arena *a, const char *title, char **words, int cap);
/* How many of words[0..n) match one of o[0..no): the same word, or, when
 * the shorter has at least five letters, one inside the other (Norwegian
 * compounds: "sikkerhet" in "informasjonssikkerhet"). */
int comp_words_shared(char *const *words, int n, char *const *o, int no);
/* Keeps those of v[0..n) whose title shares a word with title (as
 * comp_words_shared counts), those sharing most first, else in the order
 * given, and returns how many are kept (moved to the front of v). 0 when
 * title has no words; -1 when the arena is full. */
int comp_by_words(struct arena *a, const char *title, struct comp_proposed_need *v, int n);

/* ---- audit ---- */

/* {"field": [before, after]} of a decided need or measure; before or after
 * NULL: create or delete. Links are given as id arrays. */
void comp_audit_need(struct buf *b, const struct decided_need *before, const struct decided_need *after);
void comp_audit_measure(struct buf *b, const struct decided_measure *before,
			const struct decided_measure *after);
/* Either of them, as measure says (before, after of that kind or NULL). */
void comp_audit_decided(struct buf *b, bool measure, const struct decided_row *before,
			const struct decided_row *after);

#endif
