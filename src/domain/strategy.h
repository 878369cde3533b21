/* strategy.h — the strategy of a cycle and the unit goals of the goal
 * breakdown (målnedbryting) as plain records, and their rules as pure
 * functions: field checks, when a version may change, decimal numbers in
 * hundredths (parse and Norwegian format) and ISO dates. No I/O, no clock.
 *
 * A strategy version is a draft (number 0) or published (number 1, 2, ...,
 * frozen). A strategic goal's identity across versions is goal_id (a row of
 * strategic_goals); id is its row in one version. Unit goals, and later
 * needs, measures and plans, link to goal_id (docs/internals/strategy.md). */
#ifndef EVNE_DOMAIN_STRATEGY_H
#define EVNE_DOMAIN_STRATEGY_H

#include <stdbool.h>
#include <stdint.h>
#include "base/buf.h"
#include "domain/validate.h"

enum {
	STRATEGY_TEXT_MAX_CHARS = 20000,   /* a Markdown text */
	STRATEGY_TITLE_MAX_CHARS = 200,
	STRATEGY_CODE_MAX_CHARS = 16,      /* "S1.2" */
	STRATEGY_UOM_MAX_CHARS = 40,       /* unit of measure: "%", "antall", "kr" */
	STRATEGY_DECIMAL_MAX_CHARS = 24,   /* "-99 999 999 999,99" as typed */
};
/* The largest decimal magnitude, in hundredths (100 000 000 000 000,00 is not). */
#define STRATEGY_DECIMAL_MAX INT64_C(9999999999999999)

struct strategy_version {
	int64_t id;
	int64_t cycle_id;
	int number;                /* 0: the draft */
	char *vision, *core_values, *culture, *behaviour, *leadership;   /* Markdown, never NULL */
	int64_t created_at, updated_at;
	int64_t published_at;      /* 0 for the draft */
};

struct strategy_main_goal {
	int64_t id;
	int64_t version_id;
	char *title;
	char *description;         /* Markdown */
};

struct strategy_goal {
	int64_t id;                /* the row in this version */
	int64_t version_id;
	int64_t main_goal_id;
	int64_t goal_id;           /* the identity across versions (strategic_goals.id) */
	char *code;                /* "S1.2", unique within the version */
	char *title;
	char *description;         /* Markdown */
};

struct strategy_indicator {
	int64_t id;
	int64_t goal_row_id;       /* strategy_goal.id */
	char *name;
	char *unit_of_measure;     /* "" when none */
	bool has_baseline, has_target;
	int64_t baseline, target;  /* hundredths */
};

struct strategy_value {
	int64_t id;
	int64_t indicator_id;
	char *measured_on;         /* "YYYY-MM-DD" */
	int64_t value;             /* hundredths */
};

/* One version with everything below it, each array in display order (main
 * goals by id, strategic goals by main goal then id, indicators by goal then
 * id, values by indicator then date). */
struct strategy_doc {
	struct strategy_version version;
	struct strategy_main_goal *main_goals;
	int nmain;
	struct strategy_goal *goals;
	int ngoals;
	struct strategy_indicator *indicators;
	int nindicators;
	struct strategy_value *values;
	int nvalues;
};

struct unit_goal {
	int64_t id;
	int64_t cycle_id;
	int64_t unit_id;
	int64_t goal_id;           /* strategic_goals.id */
	char *title;
	char *contribution;        /* Markdown, never NULL */
	int64_t created_at, updated_at;
	/* filled by listings */
	char *unit_name;
	char *goal_code, *goal_title;   /* in the cycle's current version; NULL when gone from it */
};

/* ---- rules ---- */

/* Cycle states as stored ("draft", "open", "closed"). */
bool strategy_cycle_closed(const char *cycle_status);

/* Why a strategy version (or a unit goal of its cycle) may not change. */
enum strategy_block {
	STRATEGY_EDITABLE = 0,
	STRATEGY_CYCLE_CLOSED,     /* the cycle is closed: everything is read-only */
	STRATEGY_PUBLISHED         /* a published version never changes */
};
enum strategy_block strategy_edit_block(const char *cycle_status, const struct strategy_version *v);

/* Field checks; problems go to fe under the JSON/CSV field names. */
void validate_strategy_texts(const struct strategy_version *v, struct field_errors *fe);
void validate_main_goal(const struct strategy_main_goal *g, struct field_errors *fe);
void validate_strategy_goal(const struct strategy_goal *g, struct field_errors *fe);
void validate_indicator(const struct strategy_indicator *i, struct field_errors *fe);
void validate_unit_goal(const struct unit_goal *g, struct field_errors *fe);

/* A Markdown text field: valid text, at most STRATEGY_TEXT_MAX_CHARS. */
enum problem strategy_check_text(const char *s);
/* A one-line title or name: required, no control characters, at most max. */
enum problem strategy_check_line(const char *s, int max_chars, bool required);

/* A decimal number as people type it: optional sign, digits with spaces or
 * no-break spaces between groups of three, and at most two decimals after
 * ',' or '.': "12", "-3,5", "1 234,25", "0.75". *hundredths gets the value.
 * False for anything else (also more than two decimals or over
 * STRATEGY_DECIMAL_MAX). */
bool strategy_parse_decimal(const char *s, int64_t *hundredths);
/* Norwegian form: no-break space between thousands, decimal comma, no
 * trailing zeros: 123456789 -> "1 234 567,89", 1250 -> "12,5", -300 -> "-3". */
void strategy_format_decimal(struct buf *b, int64_t hundredths);
/* The plain machine form for JSON and CSV: "1234567.89", "12.5", "-3". */
void strategy_format_decimal_plain(struct buf *b, int64_t hundredths);

/* An ISO calendar date "YYYY-MM-DD" that exists (leap years counted),
 * years 1900..9999. */
bool strategy_valid_date(const char *s);
/* A date as people type it, "2027-01-31" or "31.01.2027" (also "1.2.2027"),
 * into iso[11] as "YYYY-MM-DD"; false when it is neither or does not exist. */
bool strategy_parse_date(const char *s, char iso[11]);
/* "2027-01-31" -> "31.01.2027" into b (the Norwegian form fmt_date uses). */
void strategy_format_date(struct buf *b, const char *iso);

/* The next free code for a new strategic goal under the main goal at
 * position main_pos (1-based) among existing codes: "S<main_pos>.<k>" with
 * the smallest k >= 1 not taken. A suggestion only; HR may type any code. */
char *strategy_suggest_code(struct arena *a, int main_pos, const char *const *codes, int ncodes);

/* ---- audit: {"field": [before, after], ...} of the fields that differ;
 * before NULL (create) gives every field with null before, after NULL
 * (delete) every field with null after. "{}" when nothing changed. ---- */
void strategy_audit_texts(struct buf *b, const struct strategy_version *before,
			  const struct strategy_version *after);
void strategy_audit_main_goal(struct buf *b, const struct strategy_main_goal *before,
			      const struct strategy_main_goal *after);
void strategy_audit_goal(struct buf *b, const struct strategy_goal *before, const struct strategy_goal *after);
void strategy_audit_indicator(struct buf *b, const struct strategy_indicator *before,
			      const struct strategy_indicator *after);
void strategy_audit_value(struct buf *b, const struct strategy_value *before,
			  const struct strategy_value *after);
void strategy_audit_unit_goal(struct buf *b, const struct unit_goal *before, const struct unit_goal *after);

#endif
