/* phase2.h — the words phase 2 and the decision share (product.md, "2. Local
 * competence discussion" and the step between phases 2 and 3): the states
 * of a unit's proposal and of the cycle's decision, and the closed lists a
 * competence need or a measure chooses from (criticality, time horizon,
 * measure type, scope). Each has its stored name (the schema's CHECK
 * values, also the API's) and a parser; the message catalogue holds the
 * words users see. No I/O. */
#ifndef EVNE_DOMAIN_PHASE2_H
#define EVNE_DOMAIN_PHASE2_H

#include <stdbool.h>

/* A unit's proposal: the leader edits a draft, submits it (read only), and
 * HR may return it with a comment, which opens it again. */
enum proposal_status { PROPOSAL_DRAFT = 0, PROPOSAL_SUBMITTED, PROPOSAL_RETURNED, PROPOSAL_STATUS_COUNT };

/* The cycle's decision: HR compiles, sends it for approval (read only), top
 * management approves or returns it; once approved HR publishes a version
 * and compiling may start again for a later version. */
enum decision_status { DECISION_COMPILING = 0, DECISION_AWAITING_APPROVAL, DECISION_APPROVED,
		       DECISION_STATUS_COUNT };

enum criticality { CRIT_LOW = 0, CRIT_MEDIUM, CRIT_HIGH, CRIT_CRITICAL, CRITICALITY_COUNT };

enum horizon { HORIZON_NEXT_YEAR = 0, HORIZON_ONE_TO_THREE_YEARS, HORIZON_LONGER, HORIZON_COUNT };

/* skaffe, utvikle, mobilisere, avvikle */
enum measure_kind { MEASURE_ACQUIRE = 0, MEASURE_DEVELOP, MEASURE_MOBILISE, MEASURE_PHASE_OUT,
		    MEASURE_KIND_COUNT };

/* A decided need: of the whole organisation or of one unit. */
enum need_scope { NEED_SCOPE_ORGANISATION = 0, NEED_SCOPE_UNIT, NEED_SCOPE_COUNT };

/* A decided measure: overarching (whole organisation) or local (one unit). */
enum measure_scope { MEASURE_SCOPE_OVERARCHING = 0, MEASURE_SCOPE_LOCAL, MEASURE_SCOPE_COUNT };

/* Stored names ("draft", "submitted", ...); "" for a value out of range. */
const char *proposal_status_name(enum proposal_status s);
const char *decision_status_name(enum decision_status s);
const char *criticality_name(enum criticality c);
const char *horizon_name(enum horizon h);
const char *measure_kind_name(enum measure_kind k);
const char *need_scope_name(enum need_scope s);
const char *measure_scope_name(enum measure_scope s);

/* Parsers of the stored names; false (and *out unchanged) for anything else,
 * NULL included. */
bool proposal_status_parse(const char *s, enum proposal_status *out);
bool decision_status_parse(const char *s, enum decision_status *out);
bool criticality_parse(const char *s, enum criticality *out);
bool horizon_parse(const char *s, enum horizon *out);
bool measure_kind_parse(const char *s, enum measure_kind *out);
bool need_scope_parse(const char *s, enum need_scope *out);
bool measure_scope_parse(const char *s, enum measure_scope *out);

/* The leader may change the unit's discussion and proposal (meeting, notes,
 * attendance, needs, measures) while it is a draft or returned. */
bool proposal_editable(enum proposal_status s);
/* HR may change the decided needs and measures while compiling. */
bool decision_editable(enum decision_status s);

#endif
