/* demo_data.h — a believable Norwegian state agency, generated from a seed:
 * units (the agency, its divisions, their sections, then teams), people with
 * Norwegian names (and names of immigrants common in Norway), e-mail
 * addresses, employee numbers and job titles, a leader for every unit, and
 * one log-in per role with a readable password, and a competence catalogue;
 * plus the agency's yearly cycle (phase dates computed from today), its
 * strategy, the divisions' unit goals and two phase-1 documents. Pure data:
 * cmd_demo.c writes it. The same seed always gives the same organisation;
 * only the cycle's dates move with today. */
#ifndef EVNE_CLI_DEMO_DATA_H
#define EVNE_CLI_DEMO_DATA_H

#include <stdbool.h>
#include <stdint.h>
#include "base/arena.h"
#include "base/err.h"
#include "domain/cycle.h"
#include "domain/documents.h"
#include "domain/types.h"

enum { DEMO_UNITS_MAX = 5000, DEMO_PEOPLE_MAX = 1000000, DEMO_ACCOUNTS = 6 };

struct demo_unit {
	const char *code, *name;
	int parent;            /* index in units; -1 for the top */
	int level;             /* 0 agency, 1 division, 2 section, 3 team */
	int leader;            /* index in people */
};

struct demo_person {
	const char *name, *email, *employee_number, *job_title;
	int unit;              /* index in units */
	bool active;
};

struct demo_account {
	enum role role;
	const char *email, *name, *password;
	int person;            /* index in people; -1: no person */
};

struct demo_org {
	const char *name;      /* the agency */
	struct demo_unit *units;
	int nunits;
	struct demo_person *people;
	int npeople;
	struct demo_account accounts[DEMO_ACCOUNTS];
};

/* The demo's competence catalogue: areas (parent: index in the area table,
 * -1 at the top) and competences (area: index in the area table), static
 * data shared by every seed. */
struct demo_area {
	const char *code, *name, *description;
	int parent;
};
struct demo_competence {
	const char *code, *name, *description;
	int area;
};
void demo_catalogue(const struct demo_area **areas, int *nareas, const struct demo_competence **items,
		    int *nitems);

/* The demo's strategy (static data shared by every seed). Numbers are in
 * hundredths (domain/strategy.h); an indicator's values were measured on
 * 31 December two years and one year before the cycle's first year
 * (has_value1 false: only the later one). */
struct demo_indicator {
	const char *name, *unit_of_measure;
	int64_t baseline, target;
	bool has_value1;
	int64_t value1, value2;
};
struct demo_goal {
	const char *code, *title, *description;
	struct demo_indicator indicator;
};
enum { DEMO_GOALS_PER_MAIN = 2 };
struct demo_main_goal {
	const char *title, *description;
	struct demo_goal goals[DEMO_GOALS_PER_MAIN];
};
struct demo_strategy {
	const char *vision, *core_values, *culture, *behaviour, *leadership;   /* Markdown */
	const struct demo_main_goal *main_goals;
	int nmain;
};
/* A unit goal of a division (unit_code), linked to the strategic goal goal_code. */
struct demo_unit_goal {
	const char *unit_code, *title, *contribution, *goal_code;
};
struct demo_document {
	enum doc_kind kind;
	const char *title, *description, *body;   /* body: Markdown */
};
void demo_strategy(const struct demo_strategy **strategy, const struct demo_unit_goal **goals,
		   int *ngoals, const struct demo_document **docs, int *ndocs);

/* The demo cycle around day today (days since 1970, domain/cycle.h): leader
 * preparation from 14 days before today for 6 weeks, then the unit
 * discussion 8 weeks, compilation 6 weeks, conversations 8 weeks, and
 * implementation until the day before 12 months after the start. name gets
 * the year the unit discussion ends in ("2027"); *first_year the year the
 * cycle starts in. */
struct demo_cycle_plan {
	char name[12];
	char starts_on[PHASE_COUNT][11], ends_on[PHASE_COUNT][11];
	int first_year;
};
void demo_cycle_plan(int32_t today, struct demo_cycle_plan *out);

/* Phase 2 in the demo (evne demo --phase 2): the proposals of the units
 * with people, except those in skip_scope (the demo leader's units, left for
 * the user to do in the browser). Indexes: competence in demo_catalogue's
 * items (-1: described freely in title), goal in the strategy's goals in
 * table order (main goal, then goal), need within the proposal's needs.
 * Criticality, horizon and kind are the enums' values (domain/phase2.h). */
enum { DEMO_NEEDS_MAX = 3, DEMO_MEASURES_MAX = 2 };
struct demo_need {
	int competence;
	const char *title;
	int criticality, horizon;
	int required, current;     /* levels 1..4 of the proficiency scale */
	int people_affected;
	int goal;
	const char *rationale;
};
struct demo_measure {
	int kind;
	const char *title, *description, *owner, *timing;
	int64_t cost;              /* whole kroner */
	int need;
};
struct demo_proposal {
	int unit;                  /* index in units */
	bool submitted;            /* else a draft */
	struct demo_need needs[DEMO_NEEDS_MAX];
	int nneeds;
	struct demo_measure measures[DEMO_MEASURES_MAX];
	int nmeasures;
};
/* skip_unit: an index in units whose subtree gets no proposal (-1: none).
 * The same seed gives the same proposals; texts are static or in a. */
enum err demo_proposals(struct arena *a, uint64_t seed, const struct demo_org *o, int skip_unit,
			int first_year, struct demo_proposal **out, int *n);

/* Builds the organisation into a. 1 <= nunits <= DEMO_UNITS_MAX and
 * nunits <= npeople <= DEMO_PEOPLE_MAX (every unit has a leader from among
 * its own people). ERR_INVALID for counts out of range, ERR_TOO_BIG when the
 * arena's cap is reached. */
enum err demo_build(struct arena *a, uint64_t seed, int nunits, int npeople, struct demo_org *out);

/* s with æ, ø, å (and other Latin letters with marks) spelt in ASCII as
 * e-mail addresses do (æ -> ae, ø -> o, å -> aa), lower case; characters
 * other than letters, digits, '-' and '.' are dropped, spaces become '.'. */
char *demo_ascii_fold(struct arena *a, const char *s);

#endif
