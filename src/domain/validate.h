/* validate.h — the rules a unit or a person must satisfy before it is
 * stored, as pure functions. Problems are codes; views and the API turn them
 * into words through the message catalogue. */
#ifndef EVNE_VALIDATE_H
#define EVNE_VALIDATE_H

#include <stdbool.h>
#include <stdint.h>
#include "domain/types.h"

enum problem {
	PROB_NONE = 0,
	PROB_REQUIRED,       /* empty */
	PROB_TOO_LONG,
	PROB_BAD_CODE,       /* letters, digits, '.', '-', '_' only */
	PROB_BAD_EMAIL,
	PROB_BAD_TEXT,       /* invalid UTF-8 or control characters */
	PROB_UNKNOWN_REF,    /* names a unit or person that does not exist */
	PROB_CYCLE,          /* a unit cannot be placed under itself or a sub-unit */
	PROB_TAKEN,          /* unique value already used */
	PROB_DUPLICATE,      /* the same key twice in one file */
	PROB_BAD_BOOL,
	PROB_BAD_NUMBER,
	PROB_NOT_ALLOWED,    /* outside the actor's scope */
	PROB_HAS_CHILDREN,   /* a unit with sub-units or people cannot be deleted */
	PROB_BAD_DECIMAL,    /* not a decimal number ("12,5", at most two decimals) */
	PROB_BAD_DATE,       /* not a real calendar date */
	PROB_BAD_CHOICE,     /* not one of the values offered */
	PROB_BAD_TIME,       /* not a time of day HH:MM */
	PROB_LOCKED,         /* the record is submitted or decided and takes no changes */
	PROB_COUNT
};

const char *problem_code(enum problem p);   /* "required", "too_long", ... (API) */

enum { FIELD_ERRORS_MAX = 16 };

struct field_error {
	const char *field;   /* the field name as in JSON and CSV */
	enum problem problem;
};

struct field_errors {
	struct field_error e[FIELD_ERRORS_MAX];
	int n;
};

void field_error_add(struct field_errors *fe, const char *field, enum problem p);
bool field_errors_has(const struct field_errors *fe, const char *field);

enum { NAME_MAX_CHARS = 200, CODE_MAX_CHARS = 32, EMAIL_MAX_CHARS = 254, TITLE_MAX_CHARS = 200 };

/* Checks name and code of u. */
void validate_unit(const struct unit *u, struct field_errors *fe);
/* Checks name, email (optional), employee_number and job_title of p; unit_id
 * must be set. */
void validate_person(const struct person *p, struct field_errors *fe);
bool valid_code(const char *s);
bool valid_email(const char *s);

/* Would placing unit_id under new_parent_id make a cycle? units[] is the
 * whole tree (any order). new_parent_id 0 (top) never does. */
bool unit_move_makes_cycle(const struct unit *units, int n, int64_t unit_id, int64_t new_parent_id);

#endif
