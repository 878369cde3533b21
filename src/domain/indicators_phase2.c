/* indicators_phase2.c — the arithmetic of the phase-2 indicators: sums over
 * units before any percentage (as phase 1), needs per goal summed from the
 * (goal, unit) counts the store grouped, and coverage as goals served of
 * goals. */
#include "domain/indicators_phase2.h"

#include <string.h>

bool ind_p2_expected(const struct ind_p2_unit *u)
{
	return u->has_people;
}

bool ind_p2_submitted(const struct ind_p2_unit *u)
{
	return u->started && u->status == PROPOSAL_SUBMITTED;
}

struct ind_ratio ind_p2_unit_submitted(const struct ind_p2_unit *u)
{
	if (!ind_p2_expected(u))
		return ind_ratio_of(0, 0);
	return ind_ratio_of(ind_p2_submitted(u) ? 1 : 0, 1);
}

int64_t ind_p2_unit_measures(const struct ind_p2_unit *u)
{
	int64_t sum = 0;
	for (int k = 0; k < MEASURE_KIND_COUNT; k++)
		sum += u->measures[k] > 0 ? u->measures[k] : 0;
	return sum;
}

void ind_phase2_units(const struct ind_p2_unit *units, int n, struct ind_phase2 *out)
{
	memset(out, 0, sizeof *out);
	int64_t expected = 0, submitted = 0;
	for (int i = 0; i < n; i++) {
		const struct ind_p2_unit *u = &units[i];
		bool sub = ind_p2_submitted(u);
		if (ind_p2_expected(u)) {
			expected++;
			submitted += sub;
		} else if (sub) {
			out->units_submitted_unexpected++;
		}
		if (!sub)
			continue;
		out->proposed_needs += u->needs > 0 ? u->needs : 0;
		out->proposed_needs_without_goal += u->needs_without_goal > 0 ? u->needs_without_goal : 0;
		for (int k = 0; k < MEASURE_KIND_COUNT; k++) {
			int64_t m = u->measures[k] > 0 ? u->measures[k] : 0;
			out->proposed_measures[k] += m;
			out->proposed_measures_total += m;
		}
	}
	out->units_submitted = ind_ratio_of(submitted, expected);
	out->goals_covered = ind_ratio_of(0, 0);
	out->decided_goals_covered = ind_ratio_of(0, 0);
}

static struct ind_p2_goal *goal_of(struct ind_p2_goal *goals, int ngoals, int64_t goal_id)
{
	for (int i = 0; i < ngoals; i++)
		if (goals[i].goal_id == goal_id)
			return &goals[i];
	return NULL;
}

void ind_p2_goals(struct ind_p2_goal *goals, int ngoals, const struct ind_p2_goal_needs *gn, int ngn,
		  const struct ind_p2_goal_decided *gd, int ngd, struct ind_phase2 *out)
{
	for (int i = 0; i < ngoals; i++)
		goals[i].proposed = goals[i].units = goals[i].decided = 0;
	for (int i = 0; i < ngn; i++) {
		struct ind_p2_goal *g = goal_of(goals, ngoals, gn[i].goal_id);
		if (!g || gn[i].needs <= 0)
			continue;
		g->proposed += gn[i].needs;
		g->units++;      /* the store gives one row per (goal, unit) */
	}
	for (int i = 0; i < ngd; i++) {
		struct ind_p2_goal *g = goal_of(goals, ngoals, gd[i].goal_id);
		if (g && gd[i].needs > 0)
			g->decided += gd[i].needs;
	}
	int64_t covered = 0, decided_covered = 0;
	for (int i = 0; i < ngoals; i++) {
		covered += goals[i].proposed > 0;
		decided_covered += goals[i].decided > 0;
	}
	out->goals_covered = ind_ratio_of(covered, ngoals);
	out->decided_goals_covered = out->decided ? ind_ratio_of(decided_covered, ngoals) : ind_ratio_of(0, 0);
}

bool ind_p2_goal_uncovered(const struct ind_p2_goal *g)
{
	return g->proposed <= 0;
}

bool ind_p2_goal_decided_uncovered(const struct ind_phase2 *p, const struct ind_p2_goal *g)
{
	return p->decided && g->decided <= 0;
}

void ind_p2_decided_apply(const struct ind_p2_decided *d, struct ind_phase2 *out)
{
	out->decided_needs = d->needs > 0 ? d->needs : 0;
	out->decided_needs_without_goal = d->needs_without_goal > 0 ? d->needs_without_goal : 0;
	out->decided_measures_total = 0;
	for (int k = 0; k < MEASURE_KIND_COUNT; k++) {
		out->decided_measures[k] = 0;
		for (int s = 0; s < MEASURE_SCOPE_COUNT; s++) {
			int64_t m = d->measures[k][s] > 0 ? d->measures[k][s] : 0;
			out->decided_measures_scope[k][s] = m;
			out->decided_measures[k] += m;
		}
		out->decided_measures_total += out->decided_measures[k];
	}
	out->decided = out->decided_needs > 0 || out->decided_measures_total > 0;
}
