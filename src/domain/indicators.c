/* indicators.c — the arithmetic of the phase-1 indicators: percentages
 * rounded half up in integers (no floating point, so 1 of 8 is 13 on every
 * machine), "no percentage" for 0 of 0, and sums over units before the
 * percentage is taken (an average of percentages would weigh a unit of 2
 * like a unit of 200). */
#include "domain/indicators.h"

int ind_percent(int64_t count, int64_t total)
{
	if (total <= 0 || count < 0 || count > total)
		return -1;
	/* round(100 * count / total), halves up, exact in integers */
	return (int)((200 * count + total) / (2 * total));
}

struct ind_ratio ind_ratio_of(int64_t count, int64_t total)
{
	return (struct ind_ratio){ .count = count, .total = total, .percent = ind_percent(count, total) };
}

int ind_bar_length(const struct ind_ratio *r, int max)
{
	if (r->percent < 0 || max <= 0)
		return 0;
	return (int)((2 * (int64_t)r->count * max + r->total) / (2 * r->total));
}

bool ind_checklist_complete(int64_t steps_ticked, int nsteps)
{
	return nsteps > 0 && steps_ticked >= nsteps;
}

struct ind_phase1 ind_phase1_unit(const struct ind_unit_counts *u, int nsteps)
{
	return ind_phase1_total(u, 1, nsteps);
}

struct ind_phase1 ind_phase1_total(const struct ind_unit_counts *units, int n, int nsteps)
{
	int64_t leaders = 0, prepared = 0, employees = 0, confirmed = 0;
	for (int i = 0; i < n; i++) {
		const struct ind_unit_counts *u = &units[i];
		if (u->has_leader) {
			leaders++;
			if (ind_checklist_complete(u->steps_ticked, nsteps))
				prepared++;
		}
		employees += u->employees > 0 ? u->employees : 0;
		if (u->confirmed > 0)
			confirmed += u->confirmed < u->employees ? u->confirmed : u->employees;
	}
	return (struct ind_phase1){
		.leaders_prepared = ind_ratio_of(prepared, leaders),
		.employees_confirmed_reading = ind_ratio_of(confirmed, employees),
	};
}
