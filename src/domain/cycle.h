/* cycle.h — the yearly cycle (årshjul) as pure rules: the five phases and
 * their order, calendar dates as day numbers, the rules a cycle's phase dates
 * must follow, the states draft → open → closed, which phases are current on
 * a day, and the geometry of the annual wheel. No I/O and no clock: "today"
 * is always a parameter. Problems are codes (enum cycle_problem); views and
 * the API turn them into words. */
#ifndef EVNE_CYCLE_H
#define EVNE_CYCLE_H

#include <stdbool.h>
#include <stdint.h>
#include "base/buf.h"

/* The phases in the order they run (product.md, "The four work processes",
 * with HR's compilation between the unit discussions and the conversations). */
enum phase_key {
	PHASE_LEADER_PREPARATION = 0,
	PHASE_UNIT_DISCUSSION,
	PHASE_COMPILATION,
	PHASE_CONVERSATIONS,
	PHASE_IMPLEMENTATION,
	PHASE_COUNT
};

/* "leader_preparation", ...; NULL outside the range. */
const char *phase_key_name(enum phase_key k);
/* The key for its name; false for anything else (also NULL). */
bool phase_key_parse(const char *s, enum phase_key *out);

enum cycle_status { CYCLE_DRAFT = 0, CYCLE_OPEN, CYCLE_CLOSED };

const char *cycle_status_name(enum cycle_status s);   /* "draft", "open", "closed" */
bool cycle_status_parse(const char *s, enum cycle_status *out);

/* One phase's dates as ISO text ("2027-01-31"); NULL or "" when not set. */
struct cycle_phase {
	char *starts_on;
	char *ends_on;
};

struct cycle {
	int64_t id;
	char *name;                      /* "2027" */
	enum cycle_status status;
	struct cycle_phase phases[PHASE_COUNT];   /* indexed by enum phase_key */
	int64_t created_at, updated_at;  /* epoch seconds */
};

/* The organisation's texts of one phase in one language; the three list
 * fields hold one item per line. */
struct phase_text {
	enum phase_key key;
	char *lang;                      /* "nb", "nn", "en" */
	char *purpose;
	char *key_questions;
	char *procedure;
	char *desired_result;
	int64_t updated_at;              /* 0: as loaded from the seed */
	int64_t updated_by;              /* user id; 0: the seed or a deleted user */
	char *updated_by_name;
};

enum { CYCLE_NAME_MAX_CHARS = 100, PHASE_TEXT_MAX_CHARS = 4000 };

/* ---- calendar dates ---- */

/* Days since 1970-01-01 of a valid ISO date "YYYY-MM-DD" (years 1000–9999,
 * real calendar dates only: 2027-02-30 is refused). */
bool date_parse(const char *s, int32_t *days);
/* The ISO text of a day number into out (11 bytes). */
void date_format(int32_t days, char out[11]);
/* Year, month (1–12) and day of a day number. */
void date_civil(int32_t days, int *y, int *m, int *d);
/* The day number of a civil date (m 1–12; d may run past the month's end). */
int32_t date_days(int y, int m, int d);

/* ---- validation ---- */

enum cycle_problem {
	CP_NONE = 0,
	CP_REQUIRED,          /* empty */
	CP_TOO_LONG,
	CP_BAD_TEXT,          /* invalid UTF-8 or control characters */
	CP_TAKEN,             /* another cycle has this name */
	CP_BAD_DATE,          /* not a real date in the form YYYY-MM-DD */
	CP_DATE_PAIR,         /* one date of a phase set, the other not */
	CP_END_BEFORE_START,  /* ends_on before starts_on */
	CP_START_BEFORE_PREV, /* starts before the previous phase starts */
	CP_END_BEFORE_PREV,   /* ends before the previous phase ends */
	CP_INCOMPLETE,        /* opening needs both dates of every phase */
	CP_BAD_STATUS,        /* not draft, open or closed */
	CP_BAD_TRANSITION,    /* only draft → open → closed */
	CP_CLOSED,            /* a closed cycle is read-only */
	CP_UNKNOWN_PHASE,
	CP_DUPLICATE,         /* the same phase twice */
	CP_UNKNOWN_REF,       /* names a cycle that does not exist */
	CP_BAD_TYPE,          /* a JSON member of the wrong type */
	CP_COUNT
};

const char *cycle_problem_code(enum cycle_problem p);   /* "required", "bad_date", ... */

enum { CYCLE_ERRORS_MAX = 24 };

struct cycle_error {
	const char *field;         /* "name", "status", "phases.unit_discussion.starts_on" ... */
	enum cycle_problem problem;
	int phase;                 /* the phase concerned, or -1 */
	int ref_phase;             /* the earlier phase a date conflicts with, or -1 */
};

struct cycle_errors {
	struct cycle_error e[CYCLE_ERRORS_MAX];
	int n;
};

void cycle_error_add(struct cycle_errors *ce, const char *field, enum cycle_problem p, int phase,
		     int ref_phase);
bool cycle_errors_has(const struct cycle_errors *ce, const char *field);

/* name: required, at most CYCLE_NAME_MAX_CHARS characters, one line of
 * valid text. Adds a problem on "name". */
void cycle_validate_name(const char *name, struct cycle_errors *ce);
/* The four texts: each required, at most PHASE_TEXT_MAX_CHARS characters,
 * valid text (lines allowed). Problems on "purpose", "key_questions",
 * "procedure", "desired_result". */
void phase_text_validate(const struct phase_text *t, struct cycle_errors *ce);

/* The field name of a phase's date: "phases.KEY.starts_on" or
 * "phases.KEY.ends_on" (static strings). */
const char *cycle_date_field(enum phase_key k, bool end);

/* Checks every phase's dates: each a real date or empty, both or neither
 * (need_complete: both, for every phase), starts_on <= ends_on, and each
 * phase starting no earlier than the nearest earlier dated phase starts and
 * ending no earlier than it ends (phases may overlap but never run
 * backwards). Appends one problem per date field at most. */
void cycle_validate_dates(const struct cycle_phase ph[PHASE_COUNT], bool need_complete,
			  struct cycle_errors *ce);

/* Whether the cycle may change from one state to another: CP_NONE when
 * allowed (draft → open, open → closed, or no change for draft and open),
 * CP_CLOSED when the cycle is closed (read-only, also "no change"),
 * CP_BAD_TRANSITION otherwise. */
enum cycle_problem cycle_transition(enum cycle_status from, enum cycle_status to);

/* A cycle may be changed at all (name, dates, state) unless closed. */
bool cycle_editable(enum cycle_status s);
/* Only a draft may be deleted. */
bool cycle_deletable(enum cycle_status s);

/* The phases running on day today (starts_on <= today <= ends_on): sets
 * current[k] and returns how many. */
int cycle_current_phases(const struct cycle_phase ph[PHASE_COUNT], int32_t today,
			 bool current[PHASE_COUNT]);

/* The same dates moved by whole years (29 February becomes 28 February in
 * a common year), as text in a. Empty or invalid dates become empty. */
struct arena;
void cycle_shift_years(struct arena *a, const struct cycle_phase in[PHASE_COUNT], int years,
		       struct cycle_phase out[PHASE_COUNT]);

/* The lines of a one-item-per-line text, trimmed, empty ones left out;
 * *items in a (NULL with *n 0 when there are none). */
void text_lines(struct arena *a, const char *text, char ***items, int *n);

/* The audit JSON of a cycle change: {"field": [before, after], ...} over
 * name, status and every phase date; before NULL on create. */
void cycle_audit_changes(struct buf *b, const struct cycle *before, const struct cycle *after);

/* The audit JSON of an edit of a phase's texts: {"phase": KEY, "lang": L,
 * "field": [before, after], ...} over the four texts; returns whether any
 * text changed. */
bool phase_text_audit_changes(struct buf *b, const struct phase_text *before,
			      const struct phase_text *after);

/* ---- the annual wheel ---- */

enum { WHEEL_MAX_MONTHS = 60 };

/* Angles in degrees, clockwise from the top (12 o'clock). */
struct wheel_geom {
	bool ok;                   /* false: no phase has dates (nothing to draw) */
	int32_t first, last;       /* the wheel's span: first day, and the day after it */
	bool has[PHASE_COUNT];     /* the phase has both dates */
	double a0[PHASE_COUNT];    /* where the phase starts */
	double a1[PHASE_COUNT];    /* where it ends (the end of its last day) */
	bool current[PHASE_COUNT];
	bool today_in;             /* today lies in the span */
	double today;              /* its angle (the middle of the day) */
	int nmonths;
	double month_angle[WHEEL_MAX_MONTHS];   /* the first day of each month */
	int month[WHEEL_MAX_MONTHS];            /* 1–12 */
};

/* The wheel of a cycle on day today. The span starts on the first day of
 * the month of the earliest start and lasts twelve months, or longer when
 * the last phase ends later (up to WHEEL_MAX_MONTHS months). */
void wheel_geometry(const struct cycle_phase ph[PHASE_COUNT], int32_t today, struct wheel_geom *g);

#endif
