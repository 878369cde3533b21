/* validate.c — field rules for units and people, and the cycle rule of the
 * unit tree. */
#include "domain/validate.h"

#include <string.h>
#include "base/utf8.h"

static const char *const problem_codes[PROB_COUNT] = {
	[PROB_NONE] = "none",
	[PROB_REQUIRED] = "required",
	[PROB_TOO_LONG] = "too_long",
	[PROB_BAD_CODE] = "bad_code",
	[PROB_BAD_EMAIL] = "bad_email",
	[PROB_BAD_TEXT] = "bad_text",
	[PROB_UNKNOWN_REF] = "unknown_reference",
	[PROB_CYCLE] = "cycle",
	[PROB_TAKEN] = "taken",
	[PROB_DUPLICATE] = "duplicate",
	[PROB_BAD_BOOL] = "bad_boolean",
	[PROB_BAD_NUMBER] = "bad_number",
	[PROB_NOT_ALLOWED] = "not_allowed",
	[PROB_HAS_CHILDREN] = "has_children",
	[PROB_BAD_DECIMAL] = "bad_decimal",
	[PROB_BAD_DATE] = "bad_date",
	[PROB_BAD_CHOICE] = "bad_choice",
	[PROB_BAD_TIME] = "bad_time",
	[PROB_LOCKED] = "locked",
};

const char *problem_code(enum problem p)
{
	return p >= 0 && p < PROB_COUNT ? problem_codes[p] : "invalid";
}

void field_error_add(struct field_errors *fe, const char *field, enum problem p)
{
	if (fe->n < FIELD_ERRORS_MAX)
		fe->e[fe->n++] = (struct field_error){ field, p };
}

bool field_errors_has(const struct field_errors *fe, const char *field)
{
	for (int i = 0; i < fe->n; i++)
		if (strcmp(fe->e[i].field, field) == 0)
			return true;
	return false;
}

/* Text that is required (or optional) and at most max characters, on one line. */
static void check_text(struct field_errors *fe, const char *field, const char *s, size_t max,
		       bool required)
{
	if (!s || !*s) {
		if (required)
			field_error_add(fe, field, PROB_REQUIRED);
		return;
	}
	size_t n = strlen(s);
	if (!utf8_valid_text(s, n) || strpbrk(s, "\r\n\t")) {
		field_error_add(fe, field, PROB_BAD_TEXT);
		return;
	}
	if (utf8_len(s) > max)
		field_error_add(fe, field, PROB_TOO_LONG);
}

bool valid_code(const char *s)
{
	if (!s || !*s || strlen(s) > CODE_MAX_CHARS)
		return false;
	for (const char *p = s; *p; p++) {
		char c = *p;
		bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
			  c == '.' || c == '-' || c == '_';
		if (!ok)
			return false;
	}
	return true;
}

bool valid_email(const char *s)
{
	if (!s || strlen(s) > EMAIL_MAX_CHARS || !utf8_valid_text(s, strlen(s)))
		return false;
	const char *at = strchr(s, '@');
	if (!at || at == s || strchr(at + 1, '@'))
		return false;
	const char *dot = strrchr(at + 1, '.');
	if (!dot || dot == at + 1 || dot[1] == '\0')
		return false;
	for (const char *p = s; *p; p++)
		if (*p == ' ' || *p == '<' || *p == '>' || *p == '"' || *p == ',' || *p == ';' ||
		    (unsigned char)*p < 0x20)
			return false;
	return true;
}

void validate_unit(const struct unit *u, struct field_errors *fe)
{
	check_text(fe, "name", u->name, NAME_MAX_CHARS, true);
	if (!u->code || !*u->code)
		field_error_add(fe, "code", PROB_REQUIRED);
	else if (strlen(u->code) > CODE_MAX_CHARS)
		field_error_add(fe, "code", PROB_TOO_LONG);
	else if (!valid_code(u->code))
		field_error_add(fe, "code", PROB_BAD_CODE);
}

void validate_person(const struct person *p, struct field_errors *fe)
{
	check_text(fe, "name", p->name, NAME_MAX_CHARS, true);
	if (p->email && *p->email && !valid_email(p->email))
		field_error_add(fe, "email", PROB_BAD_EMAIL);
	if (!p->employee_number || !*p->employee_number)
		field_error_add(fe, "employee_number", PROB_REQUIRED);
	else if (strlen(p->employee_number) > CODE_MAX_CHARS)
		field_error_add(fe, "employee_number", PROB_TOO_LONG);
	else if (!valid_code(p->employee_number))
		field_error_add(fe, "employee_number", PROB_BAD_CODE);
	if (p->unit_id <= 0)
		field_error_add(fe, "unit_id", PROB_REQUIRED);
	check_text(fe, "job_title", p->job_title, TITLE_MAX_CHARS, false);
}

static const struct unit *find_unit(const struct unit *units, int n, int64_t id)
{
	for (int i = 0; i < n; i++)
		if (units[i].id == id)
			return &units[i];
	return NULL;
}

bool unit_move_makes_cycle(const struct unit *units, int n, int64_t unit_id, int64_t new_parent_id)
{
	/* Walk up from the new parent; meeting unit_id means a cycle. The walk
	 * is bounded by n so a corrupt tree cannot loop forever. */
	int64_t cur = new_parent_id;
	for (int steps = 0; cur != 0 && steps <= n; steps++) {
		if (cur == unit_id)
			return true;
		const struct unit *u = find_unit(units, n, cur);
		if (!u)
			return false;
		cur = u->parent_id;
	}
	return cur != 0;
}
