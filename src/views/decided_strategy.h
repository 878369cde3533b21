/* decided_strategy.h (views) — the organisation's decided competence
 * strategy as published (product.md, "Between 2 and 3"): one version's
 * decided needs (competence, criticality, required level, horizon, scope,
 * the units that proposed it and the strategic goals it serves) and its
 * measures grouped overarching / local (owner, deadline, budget, the needs
 * they answer); the page before any publication; and the differences
 * between two versions, in words ("added", "removed", "changed", before →
 * after) so they read without colour. */
#ifndef EVNE_VIEWS_DECIDED_STRATEGY_H
#define EVNE_VIEWS_DECIDED_STRATEGY_H

#include <stdbool.h>
#include <stdint.h>
#include "domain/decision.h"
#include "html/html.h"

/* The needs and measures of v with headings at level (2 or 3). */
void v_decided_content(struct html *h, const struct decided_version *v, int level);

/* GET /cycles/{id}/competence-strategy and .../versions/{n}. */
struct v_decided_page {
	int64_t cycle_id;
	const char *cycle_name;
	const struct decided_version *v;     /* NULL: not published yet */
	int64_t latest_number;               /* the newest version's number */
	const struct decided_version *versions;   /* newest first, without items */
	int nversions;
	bool show_decision;                  /* a link to the decision (who may read it) */
};
void v_decided_page(struct html *h, const struct v_decided_page *m);

/* GET /cycles/{id}/competence-strategy/compare?from=&to= */
struct v_decided_compare {
	int64_t cycle_id;
	const char *cycle_name;
	const struct decided_version *versions;   /* newest first, for the choice */
	int nversions;
	const struct decided_version *from, *to;  /* NULL: nothing to compare yet */
	const struct dv_diff *diff;
	int64_t from_number, to_number;           /* as chosen */
	bool bad_choice;                          /* from or to names no version */
};
void v_decided_compare(struct html *h, const struct v_decided_compare *m);

#endif
