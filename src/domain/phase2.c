/* phase2.c — the stored names of phase 2's states and closed lists, in the
 * order of their enums (and of the schema's CHECK lists). */
#include "domain/phase2.h"

#include <string.h>

static const char *const proposal_names[] = { "draft", "submitted", "returned" };
static const char *const decision_names[] = { "compiling", "awaiting_approval", "approved" };
static const char *const criticality_names[] = { "low", "medium", "high", "critical" };
static const char *const horizon_names[] = { "next_year", "one_to_three_years", "longer" };
static const char *const measure_kind_names[] = { "acquire", "develop", "mobilise", "phase_out" };
static const char *const need_scope_names[] = { "organisation", "unit" };
static const char *const measure_scope_names[] = { "overarching", "local" };

static const char *name_of(const char *const *names, int n, int v)
{
	return v >= 0 && v < n ? names[v] : "";
}

static bool parse_of(const char *const *names, int n, const char *s, int *out)
{
	if (!s)
		return false;
	for (int i = 0; i < n; i++)
		if (strcmp(s, names[i]) == 0) {
			*out = i;
			return true;
		}
	return false;
}

#define NAMES(fn, parse, type, names, count)                             \
	const char *fn(enum type v)                                      \
	{                                                                \
		return name_of(names, count, (int)v);                    \
	}                                                                \
	bool parse(const char *s, enum type *out)                        \
	{                                                                \
		int v;                                                   \
		if (!parse_of(names, count, s, &v))                      \
			return false;                                    \
		*out = (enum type)v;                                     \
		return true;                                             \
	}

NAMES(proposal_status_name, proposal_status_parse, proposal_status, proposal_names, PROPOSAL_STATUS_COUNT)
NAMES(decision_status_name, decision_status_parse, decision_status, decision_names, DECISION_STATUS_COUNT)
NAMES(criticality_name, criticality_parse, criticality, criticality_names, CRITICALITY_COUNT)
NAMES(horizon_name, horizon_parse, horizon, horizon_names, HORIZON_COUNT)
NAMES(measure_kind_name, measure_kind_parse, measure_kind, measure_kind_names, MEASURE_KIND_COUNT)
NAMES(need_scope_name, need_scope_parse, need_scope, need_scope_names, NEED_SCOPE_COUNT)
NAMES(measure_scope_name, measure_scope_parse, measure_scope, measure_scope_names, MEASURE_SCOPE_COUNT)

_Static_assert(sizeof proposal_names / sizeof *proposal_names == PROPOSAL_STATUS_COUNT, "proposal names");
_Static_assert(sizeof decision_names / sizeof *decision_names == DECISION_STATUS_COUNT, "decision names");
_Static_assert(sizeof criticality_names / sizeof *criticality_names == CRITICALITY_COUNT, "criticality");
_Static_assert(sizeof horizon_names / sizeof *horizon_names == HORIZON_COUNT, "horizon names");
_Static_assert(sizeof measure_kind_names / sizeof *measure_kind_names == MEASURE_KIND_COUNT, "kinds");
_Static_assert(sizeof need_scope_names / sizeof *need_scope_names == NEED_SCOPE_COUNT, "need scopes");
_Static_assert(sizeof measure_scope_names / sizeof *measure_scope_names == MEASURE_SCOPE_COUNT, "scopes");

bool proposal_editable(enum proposal_status s)
{
	return s == PROPOSAL_DRAFT || s == PROPOSAL_RETURNED;
}

bool decision_editable(enum decision_status s)
{
	return s == DECISION_COMPILING;
}
