/* import.h — the plan of a units, people or competences import: the rows read from a
 * file, which optional columns it has, and the errors found so far, each
 * with its line and column. import_validate applies every rule that needs no
 * database (field rules, keys repeated inside the file, parent cycles inside
 * the file); store/import.h resolves references and writes. Also a small
 * string-keyed hash map (import_keymap) that both layers use to find rows by
 * key. Everything lives in the arena given to import_plan_init. */
#ifndef EVNE_DOMAIN_IMPORT_H
#define EVNE_DOMAIN_IMPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "base/arena.h"
#include "domain/validate.h"

enum import_kind { IMPORT_UNITS = 0, IMPORT_PEOPLE, IMPORT_COMPETENCES, IMPORT_GOALS };

const char *import_kind_name(enum import_kind k);   /* "units", "people", "competences", "goals" */
bool import_kind_parse(const char *s, enum import_kind *out);

/* One data row of a units file. Strings are never NULL: "" when empty or
 * when the column is absent. */
struct import_unit_row {
	int line;
	char *code, *name, *parent_code, *leader_employee_number;
	bool invalid;              /* an error was recorded for this row */
};

/* One data row of a people file; active counts only when has_active. */
struct import_person_row {
	int line;
	char *employee_number, *name, *email, *unit_code, *job_title;
	bool active, has_active;
	bool invalid;
};

/* One data row of a competences file: one competence, with the area it
 * belongs to (created or updated on the way). parent_area_code counts only
 * when the plan has_parent_area_code, description when has_description. */
struct import_competence_row {
	int line;
	char *area_code, *area_name, *parent_area_code, *code, *name, *description;
	bool invalid;
};

/* One data row of a unit goals file (the goal breakdown): the natural key
 * is (cycle, unit_code, title); goal_code names a strategic goal of the
 * cycle's latest published strategy version. */
struct import_goal_row {
	int line;
	char *cycle, *unit_code, *goal_code, *title, *contribution;
	bool invalid;
};

struct import_error {
	int line;              /* 1-based physical line of the file; 0: the whole file */
	const char *column;    /* the CSV column; NULL: the row or the file as a whole */
	enum problem problem;
	const char *detail;    /* the offending value, or (PROB_CYCLE) the path "A > B > A",
				  or an English explanation for file faults; may be NULL */
	int other_line;        /* PROB_DUPLICATE: the line where the value first appears */
	bool in_header;        /* the column is missing from (or repeated in) the header */
};

enum { IMPORT_ERRORS_MAX = 1000 };

struct import_errors {
	struct arena *a;
	struct import_error *e;   /* at most IMPORT_ERRORS_MAX */
	int n;
	int more;                 /* errors found beyond the cap, not kept */
};

/* The columns of each kind, in the documented order. */
struct import_column {
	const char *name;
	bool required;         /* must be in the header */
};
const struct import_column *import_columns(enum import_kind k, int *n);

/* Why a file could not be read at all (then errors hold one whole-file entry). */
enum import_file_fault {
	IMPORT_FILE_OK = 0,
	IMPORT_FILE_ENCODING,      /* not UTF-8, or control characters */
	IMPORT_FILE_QUOTE,         /* a quoted field never closed */
	IMPORT_FILE_EMPTY          /* no header line */
};

struct import_plan {
	enum import_kind kind;
	enum import_file_fault file_fault;
	struct import_unit_row *units;        /* IMPORT_UNITS */
	struct import_person_row *people;     /* IMPORT_PEOPLE */
	struct import_goal_row *goals;        /* IMPORT_GOALS */
	struct import_competence_row *competences;   /* IMPORT_COMPETENCES */
	int n;
	int header_line;
	/* Optional columns the header has. An absent column leaves the stored
	 * value untouched on update (and empty on create). */
	bool has_parent_code, has_leader, has_email, has_job_title, has_active, has_contribution;
	bool has_parent_area_code, has_description;   /* competences */
	struct import_errors errors;
};

void import_plan_init(struct import_plan *p, struct arena *a, enum import_kind kind);

/* Records an error; returns it (for other_line, in_header), or NULL when
 * over the cap (then only errors->more grows). detail is not copied. */
struct import_error *import_error_add(struct import_errors *errs, int line, const char *column,
				      enum problem problem, const char *detail);
int import_error_total(const struct import_errors *errs);
/* Orders the kept errors by line, keeping the order of discovery within a line. */
void import_errors_sort(struct import_errors *errs);

/* ja/nei, yes/no, true/false, 1/0 (ASCII case-insensitive). */
bool import_parse_bool(const char *s, bool *out);

/* Field rules of every row, keys repeated within the file (codes and
 * employee numbers exactly, e-mail addresses ignoring ASCII case) and parent
 * cycles among the file's own rows. Competences: an area described
 * differently on two rows (name, parent) is an error on the later row
 * (PROB_DUPLICATE with other_line), an area under itself PROB_CYCLE; cycles
 * through several areas are found by the store, which sees the database's
 * areas too. Marks rows with errors as invalid. */
void import_validate(struct import_plan *p);

/* ---- a string -> int64 hash map in an arena (open addressing) ---- */
struct import_keymap_slot {
	const char *key;
	int64_t value;
};
struct import_keymap {
	struct arena *a;
	struct import_keymap_slot *slots;
	size_t cap, n;
	bool ascii_nocase;     /* keys compare ignoring ASCII case */
	bool failed;           /* sticky: the arena's cap was reached */
};
void import_keymap_init(struct import_keymap *m, struct arena *a, size_t expected, bool ascii_nocase);
/* Adds key -> value and returns true; when key is already there returns
 * false and sets *existing (if not NULL) to its value. key is not copied. */
bool import_keymap_put(struct import_keymap *m, const char *key, int64_t value, int64_t *existing);
bool import_keymap_get(const struct import_keymap *m, const char *key, int64_t *value);

#endif
