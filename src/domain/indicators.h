/* indicators.h — the measured desired results of the yearly cycle
 * (product.md, "Indicators"), as pure arithmetic on counts the store has
 * gathered. Phase 1 has two: leaders prepared (a unit's checklist has every
 * procedure step ticked) and employees who confirmed reading (every
 * document they were asked to read in the cycle, at its latest version).
 * Each is a count of a total with a whole percentage rounded half up; 0 of
 * 0 has no percentage (percent -1), shown as "–", because neither 0 % nor
 * 100 % would be true. No I/O, no clock. */
#ifndef EVNE_INDICATORS_H
#define EVNE_INDICATORS_H

#include <stdbool.h>
#include <stdint.h>

/* count of total, and the percentage (0–100), or -1 when total is 0. */
struct ind_ratio {
	int64_t count;
	int64_t total;
	int percent;
};

/* 100 * count / total rounded half up (1 of 8 = 12.5 -> 13); -1 when total
 * is 0 or the numbers make no sense (negative, count over total). */
int ind_percent(int64_t count, int64_t total);
struct ind_ratio ind_ratio_of(int64_t count, int64_t total);
/* The length of a bar of at most max units for r: the same rounding, so a
 * bar never shows more than the number says; 0 when there is no percent. */
int ind_bar_length(const struct ind_ratio *r, int max);

/* What the store counted for one unit in one cycle. */
struct ind_unit_counts {
	int64_t unit_id;
	bool has_leader;          /* the unit has a leader to prepare */
	int64_t steps_ticked;     /* ticked steps whose index is below the checklist's length */
	int64_t employees;        /* the unit's own active people, its leader not counted */
	int64_t confirmed;        /* of those: asked at least once in the cycle, every request
				     confirmed at the document's latest version */
};

struct ind_phase1 {
	struct ind_ratio leaders_prepared;             /* units with a leader: checklist complete */
	struct ind_ratio employees_confirmed_reading;  /* employees: confirmed everything asked */
};

/* A leader is prepared when the checklist of nsteps steps is complete; a
 * checklist of no steps is never complete (nothing was prepared). */
bool ind_checklist_complete(int64_t steps_ticked, int nsteps);
/* The indicators of one unit. */
struct ind_phase1 ind_phase1_unit(const struct ind_unit_counts *u, int nsteps);
/* The indicators over units[0..n) (the organisation, or a leader's units):
 * sums of the units' counts, then the percentages of the sums. */
struct ind_phase1 ind_phase1_total(const struct ind_unit_counts *units, int n, int nsteps);

#endif
