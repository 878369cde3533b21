/* import.c — the import plan and the checks that need no database: field
 * rules (the same as validate.c and competences.c apply to forms), keys
 * repeated within one file, units placed under themselves through the
 * file's own rows, and competence areas described the same on every row. */
#include "domain/import.h"

#include <string.h>
#include "base/buf.h"
#include "domain/strategy.h"
#include "domain/competences.h"

static const struct import_column unit_columns[] = {
	{ "code", true },
	{ "name", true },
	{ "parent_code", false },
	{ "leader_employee_number", false },
};

static const struct import_column person_columns[] = {
	{ "employee_number", true },
	{ "name", true },
	{ "email", false },
	{ "unit_code", true },
	{ "job_title", false },
	{ "active", false },
};

static const struct import_column competence_columns[] = {
	{ "area_code", true },
	{ "area_name", true },
	{ "parent_area_code", false },
	{ "code", true },
	{ "name", true },
	{ "description", false },
};

static const struct import_column goal_columns[] = {
	{ "cycle", true },
	{ "unit_code", true },
	{ "goal_code", true },
	{ "title", true },
	{ "contribution", false },
};

const char *import_kind_name(enum import_kind k)
{
	return k == IMPORT_COMPETENCES ? "competences" : k == IMPORT_GOALS ? "goals"
	       : k == IMPORT_PEOPLE ? "people" : "units";
}

bool import_kind_parse(const char *s, enum import_kind *out)
{
	if (s && strcmp(s, "units") == 0)
		*out = IMPORT_UNITS;
	else if (s && strcmp(s, "people") == 0)
		*out = IMPORT_PEOPLE;
	else if (s && strcmp(s, "goals") == 0)
		*out = IMPORT_GOALS;
	else if (s && strcmp(s, "competences") == 0)
		*out = IMPORT_COMPETENCES;
	else
		return false;
	return true;
}

const struct import_column *import_columns(enum import_kind k, int *n)
{
	if (k == IMPORT_COMPETENCES) {
		*n = (int)(sizeof competence_columns / sizeof competence_columns[0]);
		return competence_columns;
	}
	if (k == IMPORT_PEOPLE) {
		*n = (int)(sizeof person_columns / sizeof person_columns[0]);
		return person_columns;
	}
	if (k == IMPORT_GOALS) {
		*n = (int)(sizeof goal_columns / sizeof goal_columns[0]);
		return goal_columns;
	}
	*n = (int)(sizeof unit_columns / sizeof unit_columns[0]);
	return unit_columns;
}

void import_plan_init(struct import_plan *p, struct arena *a, enum import_kind kind)
{
	memset(p, 0, sizeof *p);
	p->kind = kind;
	p->errors.a = a;
}

struct import_error *import_error_add(struct import_errors *errs, int line, const char *column,
				      enum problem problem, const char *detail)
{
	if (errs->n >= IMPORT_ERRORS_MAX) {
		errs->more++;
		return NULL;
	}
	if (!errs->e) {
		errs->e = arena_alloc(errs->a, sizeof *errs->e * IMPORT_ERRORS_MAX);
		if (!errs->e) {
			errs->more++;
			return NULL;
		}
	}
	struct import_error *e = &errs->e[errs->n++];
	*e = (struct import_error){ .line = line, .column = column, .problem = problem,
				    .detail = detail };
	return e;
}

int import_error_total(const struct import_errors *errs)
{
	return errs->n + errs->more;
}

void import_errors_sort(struct import_errors *errs)
{
	/* Insertion sort: stable, and the list is nearly sorted already. */
	for (int i = 1; i < errs->n; i++) {
		struct import_error x = errs->e[i];
		int j = i;
		while (j > 0 && errs->e[j - 1].line > x.line) {
			errs->e[j] = errs->e[j - 1];
			j--;
		}
		errs->e[j] = x;
	}
}

static char ascii_lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c + ('a' - 'A')) : c;
}

static bool eq_nocase(const char *x, const char *y)
{
	for (; *x && *y; x++, y++)
		if (ascii_lower(*x) != ascii_lower(*y))
			return false;
	return *x == *y;
}

bool import_parse_bool(const char *s, bool *out)
{
	static const char *const yes[] = { "ja", "yes", "true", "1" };
	static const char *const no[] = { "nei", "no", "false", "0" };
	for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++) {
		if (eq_nocase(s, yes[i])) {
			*out = true;
			return true;
		}
		if (eq_nocase(s, no[i])) {
			*out = false;
			return true;
		}
	}
	return false;
}

/* ---- keymap ---- */

static uint64_t hash_key(const char *s, bool nocase)
{
	uint64_t h = 1469598103934665603u;   /* FNV-1a */
	for (; *s; s++) {
		h ^= (unsigned char)(nocase ? ascii_lower(*s) : *s);
		h *= 1099511628211u;
	}
	return h;
}

static bool key_eq(const struct import_keymap *m, const char *x, const char *y)
{
	return m->ascii_nocase ? eq_nocase(x, y) : strcmp(x, y) == 0;
}

static bool keymap_alloc(struct import_keymap *m, size_t cap)
{
	struct import_keymap_slot *s = arena_alloc(m->a, sizeof *s * cap);
	if (!s) {
		m->failed = true;
		return false;
	}
	m->slots = s;
	m->cap = cap;
	m->n = 0;
	return true;
}

void import_keymap_init(struct import_keymap *m, struct arena *a, size_t expected, bool ascii_nocase)
{
	memset(m, 0, sizeof *m);
	m->a = a;
	m->ascii_nocase = ascii_nocase;
	size_t cap = 16;
	while (cap < expected * 2)
		cap *= 2;
	keymap_alloc(m, cap);
}

static struct import_keymap_slot *keymap_find(const struct import_keymap *m, const char *key)
{
	size_t i = (size_t)hash_key(key, m->ascii_nocase) & (m->cap - 1);
	while (m->slots[i].key && !key_eq(m, m->slots[i].key, key))
		i = (i + 1) & (m->cap - 1);
	return &m->slots[i];
}

bool import_keymap_put(struct import_keymap *m, const char *key, int64_t value, int64_t *existing)
{
	if (m->failed)
		return true;
	struct import_keymap_slot *s = keymap_find(m, key);
	if (s->key) {
		if (existing)
			*existing = s->value;
		return false;
	}
	s->key = key;
	s->value = value;
	m->n++;
	if (m->n * 2 > m->cap) {
		struct import_keymap_slot *old = m->slots;
		size_t oldcap = m->cap;
		if (!keymap_alloc(m, oldcap * 2))
			return true;
		for (size_t i = 0; i < oldcap; i++)
			if (old[i].key) {
				*keymap_find(m, old[i].key) = old[i];
				m->n++;
			}
	}
	return true;
}

bool import_keymap_get(const struct import_keymap *m, const char *key, int64_t *value)
{
	if (m->failed || !m->slots)
		return false;
	const struct import_keymap_slot *s = keymap_find(m, key);
	if (!s->key)
		return false;
	*value = s->value;
	return true;
}

/* ---- validation ---- */

/* Records the problems of fe, naming the value of each field. */
static bool add_field_errors(struct import_plan *p, int line, const struct field_errors *fe,
			     const char *(*value_of)(const void *row, const char *field), const void *row)
{
	for (int i = 0; i < fe->n; i++) {
		const char *detail = fe->e[i].problem == PROB_REQUIRED ? NULL :
				     value_of(row, fe->e[i].field);
		import_error_add(&p->errors, line, fe->e[i].field, fe->e[i].problem, detail);
	}
	return fe->n > 0;
}

/* A code in an optional reference column: empty is fine. */
static bool check_ref(struct import_plan *p, int line, const char *column, const char *v)
{
	if (!*v || valid_code(v))
		return false;
	import_error_add(&p->errors, line, column,
			 strlen(v) > CODE_MAX_CHARS ? PROB_TOO_LONG : PROB_BAD_CODE, v);
	return true;
}

/* Notes key of the row at line in m; a repeat is an error naming the first line. */
static bool check_unique(struct import_plan *p, struct import_keymap *m, int line, const char *column,
			 const char *key)
{
	int64_t first;
	if (!*key || import_keymap_put(m, key, line, &first))
		return false;
	struct import_error *e = import_error_add(&p->errors, line, column, PROB_DUPLICATE, key);
	if (e)
		e->other_line = (int)first;
	return true;
}

static const char *unit_value(const void *row, const char *field)
{
	const struct import_unit_row *r = row;
	return strcmp(field, "code") == 0 ? r->code : r->name;
}

static const char *person_value(const void *row, const char *field)
{
	const struct import_person_row *r = row;
	if (strcmp(field, "email") == 0)
		return r->email;
	if (strcmp(field, "employee_number") == 0)
		return r->employee_number;
	if (strcmp(field, "job_title") == 0)
		return r->job_title;
	return r->name;
}

/* Parent cycles among the file's rows: follows parent_code from each row
 * through rows of the file; a path that comes back to itself is reported
 * once, on the row of the cycle that comes first in the file. */
static void check_unit_cycles(struct import_plan *p, const struct import_keymap *rows_by_code)
{
	int n = p->n;
	struct arena *a = p->errors.a;
	unsigned char *state = arena_alloc(a, (size_t)n + 1);   /* 0 new, 1 on path, 2 done */
	int *path = arena_alloc(a, sizeof *path * ((size_t)n + 1));
	if (!state || !path)
		return;
	for (int i = 0; i < n; i++) {
		int len = 0, cur = i;
		while (cur >= 0 && state[cur] == 0) {
			state[cur] = 1;
			path[len++] = cur;
			int64_t next;
			const struct import_unit_row *r = &p->units[cur];
			if (!*r->parent_code || !import_keymap_get(rows_by_code, r->parent_code, &next))
				cur = -1;
			else
				cur = (int)next;
		}
		if (cur >= 0 && state[cur] == 1) {
			int from = 0;
			while (path[from] != cur)
				from++;
			int first = cur;
			for (int k = from; k < len; k++)
				if (p->units[path[k]].line < p->units[first].line)
					first = path[k];
			struct buf b;
			buf_init(&b, a, 4096);
			int at = from;
			while (path[at] != first)
				at++;
			for (int k = 0; k <= len - from; k++) {
				int idx = path[from + (at - from + k) % (len - from)];
				if (k)
					buf_puts(&b, " > ");
				buf_puts(&b, p->units[idx].code);
			}
			import_error_add(&p->errors, p->units[first].line, "parent_code", PROB_CYCLE,
					 b.err == OK ? arena_strdup(a, buf_str(&b)) : NULL);
			p->units[first].invalid = true;
		}
		for (int k = 0; k < len; k++)
			state[path[k]] = 2;
	}
}

static void validate_units(struct import_plan *p)
{
	struct import_keymap codes;
	import_keymap_init(&codes, p->errors.a, (size_t)p->n, false);
	for (int i = 0; i < p->n; i++) {
		struct import_unit_row *r = &p->units[i];
		struct unit u = { .name = r->name, .code = r->code };
		struct field_errors fe = { .n = 0 };
		validate_unit(&u, &fe);
		bool bad = add_field_errors(p, r->line, &fe, unit_value, r);
		bad |= check_ref(p, r->line, "parent_code", r->parent_code);
		bad |= check_ref(p, r->line, "leader_employee_number", r->leader_employee_number);
		if (!field_errors_has(&fe, "code")) {
			int64_t first;
			if (!import_keymap_put(&codes, r->code, i, &first)) {
				struct import_error *e = import_error_add(&p->errors, r->line, "code",
									  PROB_DUPLICATE, r->code);
				if (e)
					e->other_line = p->units[first].line;
				bad = true;
			}
		}
		r->invalid |= bad;
	}
	check_unit_cycles(p, &codes);
}

static void validate_people(struct import_plan *p)
{
	struct import_keymap numbers, emails;
	import_keymap_init(&numbers, p->errors.a, (size_t)p->n, false);
	import_keymap_init(&emails, p->errors.a, (size_t)p->n, true);
	for (int i = 0; i < p->n; i++) {
		struct import_person_row *r = &p->people[i];
		struct person x = { .name = r->name, .email = r->email,
				    .employee_number = r->employee_number, .unit_id = 1,
				    .job_title = r->job_title };
		struct field_errors fe = { .n = 0 };
		validate_person(&x, &fe);
		bool bad = add_field_errors(p, r->line, &fe, person_value, r);
		if (!*r->unit_code) {
			import_error_add(&p->errors, r->line, "unit_code", PROB_REQUIRED, NULL);
			bad = true;
		} else {
			bad |= check_ref(p, r->line, "unit_code", r->unit_code);
		}
		if (!field_errors_has(&fe, "employee_number"))
			bad |= check_unique(p, &numbers, r->line, "employee_number", r->employee_number);
		if (!field_errors_has(&fe, "email"))
			bad |= check_unique(p, &emails, r->line, "email", r->email);
		r->invalid |= bad;
	}
}

static const char *competence_value(const void *row, const char *field)
{
	const struct import_competence_row *r = row;
	if (strcmp(field, "area_code") == 0)
		return r->area_code;
	if (strcmp(field, "area_name") == 0)
		return r->area_name;
	if (strcmp(field, "code") == 0)
		return r->code;
	if (strcmp(field, "description") == 0)
		return r->description;
	return r->name;
}

/* A later row that describes an already seen area differently. */
static bool check_same_area(struct import_plan *p, const struct import_competence_row *r,
			    const struct import_competence_row *first)
{
	const char *column = NULL, *value = NULL;
	if (strcmp(r->area_name, first->area_name) != 0) {
		column = "area_name";
		value = r->area_name;
	} else if (p->has_parent_area_code && strcmp(r->parent_area_code, first->parent_area_code) != 0) {
		column = "parent_area_code";
		value = r->parent_area_code;
	}
	if (!column)
		return false;
	struct import_error *e = import_error_add(&p->errors, r->line, column, PROB_DUPLICATE, value);
	if (e)
		e->other_line = first->line;
	return true;
}

static void validate_competences(struct import_plan *p)
{
	struct import_keymap codes, areas;
	import_keymap_init(&codes, p->errors.a, (size_t)p->n, false);
	import_keymap_init(&areas, p->errors.a, (size_t)p->n, false);
	for (int i = 0; i < p->n; i++) {
		struct import_competence_row *r = &p->competences[i];
		struct field_errors afe = { .n = 0 }, cfe = { .n = 0 }, fe = { .n = 0 };
		validate_competence_area(&(struct competence_area){ .code = r->area_code,
								    .name = r->area_name }, &afe);
		/* The area's fields are the area_ columns of the file. */
		for (int k = 0; k < afe.n; k++)
			field_error_add(&fe, strcmp(afe.e[k].field, "code") == 0 ? "area_code" : "area_name",
					afe.e[k].problem);
		validate_competence(&(struct competence){ .code = r->code, .name = r->name,
							  .description = r->description, .area_id = 1 },
				    &cfe);
		for (int k = 0; k < cfe.n; k++)
			field_error_add(&fe, cfe.e[k].field, cfe.e[k].problem);
		bool bad = add_field_errors(p, r->line, &fe, competence_value, r);
		bad |= check_ref(p, r->line, "parent_area_code", r->parent_area_code);
		if (!bad && p->has_parent_area_code && strcmp(r->parent_area_code, r->area_code) == 0) {
			import_error_add(&p->errors, r->line, "parent_area_code", PROB_CYCLE,
					 arena_printf(p->errors.a, "%s > %s", r->area_code, r->area_code));
			bad = true;
		}
		if (!field_errors_has(&fe, "code"))
			bad |= check_unique(p, &codes, r->line, "code", r->code);
		if (!bad) {
			int64_t first;
			if (!import_keymap_put(&areas, r->area_code, i, &first))
				bad = check_same_area(p, r, &p->competences[first]);
		}
		r->invalid |= bad;
	}
}

/* A required code column: empty, too long or not a code is an error. */
static bool check_code(struct import_plan *p, int line, const char *column, const char *v, int max)
{
	enum problem pr = !*v ? PROB_REQUIRED : strlen(v) > (size_t)max ? PROB_TOO_LONG
			  : !valid_code(v) ? PROB_BAD_CODE : PROB_NONE;
	if (pr == PROB_NONE)
		return false;
	import_error_add(&p->errors, line, column, pr, pr == PROB_REQUIRED ? NULL : v);
	return true;
}

/* Unit goals: field rules, and the natural key (cycle, unit_code, title)
 * once per file. */
static void validate_goals(struct import_plan *p)
{
	struct import_keymap keys;
	import_keymap_init(&keys, p->errors.a, (size_t)p->n, false);
	for (int i = 0; i < p->n; i++) {
		struct import_goal_row *r = &p->goals[i];
		bool bad = false;
		enum problem pr = strategy_check_line(r->cycle, NAME_MAX_CHARS, true);
		if (pr != PROB_NONE) {
			import_error_add(&p->errors, r->line, "cycle", pr, pr == PROB_REQUIRED ? NULL : r->cycle);
			bad = true;
		}
		bad |= check_code(p, r->line, "unit_code", r->unit_code, CODE_MAX_CHARS);
		bad |= check_code(p, r->line, "goal_code", r->goal_code, STRATEGY_CODE_MAX_CHARS);
		if ((pr = strategy_check_line(r->title, STRATEGY_TITLE_MAX_CHARS, true)) != PROB_NONE) {
			import_error_add(&p->errors, r->line, "title", pr, pr == PROB_REQUIRED ? NULL : r->title);
			bad = true;
		}
		if ((pr = strategy_check_text(r->contribution)) != PROB_NONE) {
			import_error_add(&p->errors, r->line, "contribution", pr, NULL);
			bad = true;
		}
		if (!bad) {
			/* the key joined by a separator no valid value holds */
			char *key = arena_printf(p->errors.a, "%s\x1f%s\x1f%s", r->cycle, r->unit_code, r->title);
			int64_t first;
			if (key && !import_keymap_put(&keys, key, r->line, &first)) {
				struct import_error *e = import_error_add(&p->errors, r->line, "title",
									  PROB_DUPLICATE, r->title);
				if (e)
					e->other_line = (int)first;
				bad = true;
			}
		}
		r->invalid |= bad;
	}
}

void import_validate(struct import_plan *p)
{
	if (p->kind == IMPORT_GOALS) {
		validate_goals(p);
		return;
	}
	if (p->kind == IMPORT_UNITS)
		validate_units(p);
	else if (p->kind == IMPORT_COMPETENCES)
		validate_competences(p);
	else
		validate_people(p);
}
