/* cycle.c — the rules of the yearly cycle (see cycle.h). Dates are handled
 * as day numbers from the proleptic Gregorian calendar (Howard Hinnant's
 * civil-date arithmetic), so comparing and shifting dates needs no time zone
 * and no clock. Phase order is checked against the nearest earlier phase
 * that has dates, because a draft may leave phases empty. */
#include "domain/cycle.h"

#include <string.h>
#include "base/arena.h"
#include "base/json.h"
#include "base/utf8.h"

static const char *const phase_names[PHASE_COUNT] = {
	"leader_preparation", "unit_discussion", "compilation", "conversations", "implementation",
};

const char *phase_key_name(enum phase_key k)
{
	return k >= 0 && k < PHASE_COUNT ? phase_names[k] : NULL;
}

bool phase_key_parse(const char *s, enum phase_key *out)
{
	for (int k = 0; s && k < PHASE_COUNT; k++)
		if (strcmp(s, phase_names[k]) == 0) {
			*out = (enum phase_key)k;
			return true;
		}
	return false;
}

static const char *const status_names[] = { "draft", "open", "closed" };

const char *cycle_status_name(enum cycle_status s)
{
	return s >= CYCLE_DRAFT && s <= CYCLE_CLOSED ? status_names[s] : "draft";
}

bool cycle_status_parse(const char *s, enum cycle_status *out)
{
	for (int i = CYCLE_DRAFT; s && i <= CYCLE_CLOSED; i++)
		if (strcmp(s, status_names[i]) == 0) {
			*out = (enum cycle_status)i;
			return true;
		}
	return false;
}

/* ---- dates ---- */

int32_t date_days(int y, int m, int d)
{
	y -= m <= 2;
	int era = (y >= 0 ? y : y - 399) / 400;
	int yoe = y - era * 400;
	int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (int32_t)(era * 146097 + doe - 719468);
}

void date_civil(int32_t days, int *y, int *m, int *d)
{
	int32_t z = days + 719468;
	int32_t era = (z >= 0 ? z : z - 146096) / 146097;
	int32_t doe = z - era * 146097;
	int32_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int32_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int32_t mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

static bool is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int month_length(int y, int m)
{
	static const int len[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	return m == 2 && is_leap(y) ? 29 : len[m - 1];
}

static int digits(const char *s, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

bool date_parse(const char *s, int32_t *days)
{
	if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return false;
	int y = digits(s, 4), m = digits(s + 5, 2), d = digits(s + 8, 2);
	if (y < 1000 || m < 1 || m > 12 || d < 1 || d > month_length(y, m))
		return false;
	*days = date_days(y, m, d);
	return true;
}

void date_format(int32_t days, char out[11])
{
	int y, m, d;
	date_civil(days, &y, &m, &d);
	if (y < 0)
		y = 0;
	if (y > 9999)
		y = 9999;
	out[0] = (char)('0' + y / 1000);
	out[1] = (char)('0' + y / 100 % 10);
	out[2] = (char)('0' + y / 10 % 10);
	out[3] = (char)('0' + y % 10);
	out[4] = '-';
	out[5] = (char)('0' + m / 10);
	out[6] = (char)('0' + m % 10);
	out[7] = '-';
	out[8] = (char)('0' + d / 10);
	out[9] = (char)('0' + d % 10);
	out[10] = '\0';
}

/* ---- problems ---- */

static const char *const problem_codes[CP_COUNT] = {
	[CP_NONE] = "invalid",
	[CP_REQUIRED] = "required",
	[CP_TOO_LONG] = "too_long",
	[CP_BAD_TEXT] = "bad_text",
	[CP_TAKEN] = "taken",
	[CP_BAD_DATE] = "bad_date",
	[CP_DATE_PAIR] = "date_pair",
	[CP_END_BEFORE_START] = "end_before_start",
	[CP_START_BEFORE_PREV] = "starts_before_previous",
	[CP_END_BEFORE_PREV] = "ends_before_previous",
	[CP_INCOMPLETE] = "incomplete",
	[CP_BAD_STATUS] = "bad_status",
	[CP_BAD_TRANSITION] = "bad_transition",
	[CP_CLOSED] = "closed",
	[CP_UNKNOWN_PHASE] = "unknown_phase",
	[CP_DUPLICATE] = "duplicate",
	[CP_UNKNOWN_REF] = "unknown_ref",
	[CP_BAD_TYPE] = "bad_type",
};

const char *cycle_problem_code(enum cycle_problem p)
{
	return p > CP_NONE && p < CP_COUNT ? problem_codes[p] : "invalid";
}

void cycle_error_add(struct cycle_errors *ce, const char *field, enum cycle_problem p, int phase,
		     int ref_phase)
{
	if (ce->n >= CYCLE_ERRORS_MAX)
		return;
	ce->e[ce->n++] = (struct cycle_error){ field, p, phase, ref_phase };
}

bool cycle_errors_has(const struct cycle_errors *ce, const char *field)
{
	for (int i = 0; i < ce->n; i++)
		if (ce->e[i].field && field && strcmp(ce->e[i].field, field) == 0)
			return true;
	return false;
}

void cycle_validate_name(const char *name, struct cycle_errors *ce)
{
	size_t n = name ? strlen(name) : 0;
	if (n == 0)
		cycle_error_add(ce, "name", CP_REQUIRED, -1, -1);
	else if (!utf8_valid_text(name, n) || strpbrk(name, "\t\r\n"))
		cycle_error_add(ce, "name", CP_BAD_TEXT, -1, -1);
	else if (utf8_len(name) > CYCLE_NAME_MAX_CHARS)
		cycle_error_add(ce, "name", CP_TOO_LONG, -1, -1);
}

static void check_text(const char *field, const char *s, struct cycle_errors *ce)
{
	size_t n = s ? strlen(s) : 0;
	bool blank = true;
	for (size_t i = 0; i < n && blank; i++)
		blank = s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n';
	if (blank)
		cycle_error_add(ce, field, CP_REQUIRED, -1, -1);
	else if (!utf8_valid_text(s, n))
		cycle_error_add(ce, field, CP_BAD_TEXT, -1, -1);
	else if (utf8_len(s) > PHASE_TEXT_MAX_CHARS)
		cycle_error_add(ce, field, CP_TOO_LONG, -1, -1);
}

void phase_text_validate(const struct phase_text *t, struct cycle_errors *ce)
{
	check_text("purpose", t->purpose, ce);
	check_text("key_questions", t->key_questions, ce);
	check_text("procedure", t->procedure, ce);
	check_text("desired_result", t->desired_result, ce);
}

static const char *const date_fields[PHASE_COUNT][2] = {
	{ "phases.leader_preparation.starts_on", "phases.leader_preparation.ends_on" },
	{ "phases.unit_discussion.starts_on", "phases.unit_discussion.ends_on" },
	{ "phases.compilation.starts_on", "phases.compilation.ends_on" },
	{ "phases.conversations.starts_on", "phases.conversations.ends_on" },
	{ "phases.implementation.starts_on", "phases.implementation.ends_on" },
};

const char *cycle_date_field(enum phase_key k, bool end)
{
	return k >= 0 && k < PHASE_COUNT ? date_fields[k][end] : "phases";
}

static bool empty(const char *s)
{
	return !s || !*s;
}

void cycle_validate_dates(const struct cycle_phase ph[PHASE_COUNT], bool need_complete,
			  struct cycle_errors *ce)
{
	int prev = -1;
	int32_t prev_start = 0, prev_end = 0;
	for (int k = 0; k < PHASE_COUNT; k++) {
		const char *fs = date_fields[k][0], *fe = date_fields[k][1];
		int32_t s = 0, e = 0;
		bool s_ok = false, e_ok = false, bad = false;
		if (!empty(ph[k].starts_on) && !(s_ok = date_parse(ph[k].starts_on, &s))) {
			cycle_error_add(ce, fs, CP_BAD_DATE, k, -1);
			bad = true;
		}
		if (!empty(ph[k].ends_on) && !(e_ok = date_parse(ph[k].ends_on, &e))) {
			cycle_error_add(ce, fe, CP_BAD_DATE, k, -1);
			bad = true;
		}
		if (bad)
			continue;
		if (!s_ok && !e_ok) {
			if (need_complete) {
				cycle_error_add(ce, fs, CP_INCOMPLETE, k, -1);
				cycle_error_add(ce, fe, CP_INCOMPLETE, k, -1);
			}
			continue;
		}
		if (!s_ok || !e_ok) {
			cycle_error_add(ce, s_ok ? fe : fs, CP_DATE_PAIR, k, -1);
			continue;
		}
		if (e < s) {
			cycle_error_add(ce, fe, CP_END_BEFORE_START, k, -1);
			continue;
		}
		if (prev >= 0) {
			if (s < prev_start)
				cycle_error_add(ce, fs, CP_START_BEFORE_PREV, k, prev);
			if (e < prev_end)
				cycle_error_add(ce, fe, CP_END_BEFORE_PREV, k, prev);
		}
		prev = k;
		prev_start = s;
		prev_end = e;
	}
}

enum cycle_problem cycle_transition(enum cycle_status from, enum cycle_status to)
{
	if (from == CYCLE_CLOSED)
		return CP_CLOSED;
	if (from == to || (from == CYCLE_DRAFT && to == CYCLE_OPEN) ||
	    (from == CYCLE_OPEN && to == CYCLE_CLOSED))
		return CP_NONE;
	return CP_BAD_TRANSITION;
}

bool cycle_editable(enum cycle_status s)
{
	return s != CYCLE_CLOSED;
}

bool cycle_deletable(enum cycle_status s)
{
	return s == CYCLE_DRAFT;
}

/* Both dates of a phase as day numbers; false when either is missing or bad. */
static bool phase_span(const struct cycle_phase *p, int32_t *s, int32_t *e)
{
	return date_parse(p->starts_on, s) && date_parse(p->ends_on, e) && *s <= *e;
}

int cycle_current_phases(const struct cycle_phase ph[PHASE_COUNT], int32_t today,
			 bool current[PHASE_COUNT])
{
	int n = 0;
	for (int k = 0; k < PHASE_COUNT; k++) {
		int32_t s, e;
		current[k] = phase_span(&ph[k], &s, &e) && s <= today && today <= e;
		n += current[k];
	}
	return n;
}

static char *shift_one(struct arena *a, const char *iso, int years)
{
	int32_t d;
	if (!date_parse(iso, &d))
		return NULL;
	int y, m, day;
	date_civil(d, &y, &m, &day);
	y += years;
	if (y < 1000 || y > 9999)
		return NULL;
	if (day > month_length(y, m))
		day = month_length(y, m);
	char out[11];
	date_format(date_days(y, m, day), out);
	return arena_strdup(a, out);
}

void cycle_shift_years(struct arena *a, const struct cycle_phase in[PHASE_COUNT], int years,
		       struct cycle_phase out[PHASE_COUNT])
{
	for (int k = 0; k < PHASE_COUNT; k++) {
		out[k].starts_on = shift_one(a, in[k].starts_on, years);
		out[k].ends_on = shift_one(a, in[k].ends_on, years);
	}
}

static bool is_blank(char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\r';
}

void text_lines(struct arena *a, const char *text, char ***items, int *n)
{
	*items = NULL;
	*n = 0;
	if (!text)
		return;
	int lines = 1;
	for (const char *p = text; *p; p++)
		lines += *p == '\n';
	char **v = arena_alloc(a, sizeof *v * (size_t)lines);
	if (!v)
		return;
	const char *p = text;
	while (*p) {
		const char *end = strchr(p, '\n');
		if (!end)
			end = p + strlen(p);
		const char *s = p, *e = end;
		while (s < e && is_blank(*s))
			s++;
		while (e > s && is_blank(e[-1]))
			e--;
		if (e > s) {
			char *item = arena_strndup(a, s, (size_t)(e - s));
			if (!item)
				return;
			v[(*n)++] = item;
		}
		p = *end ? end + 1 : end;
	}
	*items = *n ? v : NULL;
}

/* ---- audit ---- */

static const char *text_or_null(const char *s)
{
	return empty(s) ? NULL : s;
}

static void change(struct jw *w, const char *field, const char *before, const char *after,
		   bool create)
{
	before = text_or_null(before);
	after = text_or_null(after);
	if (!create && strcmp(before ? before : "", after ? after : "") == 0)
		return;
	if (create && !after)
		return;
	jw_key(w, field);
	jw_arr(w);
	jw_str(w, before);
	jw_str(w, after);
	jw_arr_end(w);
}

void cycle_audit_changes(struct buf *b, const struct cycle *before, const struct cycle *after)
{
	struct jw w;
	jw_init(&w, b);
	jw_obj(&w);
	bool create = before == NULL;
	change(&w, "name", before ? before->name : NULL, after->name, create);
	change(&w, "status", before ? cycle_status_name(before->status) : NULL,
	       cycle_status_name(after->status), create);
	for (int k = 0; k < PHASE_COUNT; k++) {
		change(&w, date_fields[k][0], before ? before->phases[k].starts_on : NULL,
		       after->phases[k].starts_on, create);
		change(&w, date_fields[k][1], before ? before->phases[k].ends_on : NULL,
		       after->phases[k].ends_on, create);
	}
	jw_obj_end(&w);
}

bool phase_text_audit_changes(struct buf *b, const struct phase_text *before,
			      const struct phase_text *after)
{
	static const char *const fields[] = { "purpose", "key_questions", "procedure", "desired_result" };
	const char *old[] = { before->purpose, before->key_questions, before->procedure,
			      before->desired_result };
	const char *new[] = { after->purpose, after->key_questions, after->procedure,
			      after->desired_result };
	struct jw w;
	jw_init(&w, b);
	jw_obj(&w);
	jw_kstr(&w, "phase", phase_key_name(after->key));
	jw_kstr(&w, "lang", after->lang);
	bool changed = false;
	for (int i = 0; i < 4; i++) {
		if (strcmp(old[i] ? old[i] : "", new[i] ? new[i] : "") == 0)
			continue;
		changed = true;
		jw_key(&w, fields[i]);
		jw_arr(&w);
		jw_str(&w, old[i]);
		jw_str(&w, new[i]);
		jw_arr_end(&w);
	}
	jw_obj_end(&w);
	return changed;
}

/* ---- the wheel ---- */

static double angle_of(const struct wheel_geom *g, double day)
{
	return (day - g->first) * 360.0 / (double)(g->last - g->first);
}

/* The first day of the month i months after month m of year y. */
static int32_t month_start(int y, int m, int i)
{
	return date_days(y + (m - 1 + i) / 12, (m - 1 + i) % 12 + 1, 1);
}

void wheel_geometry(const struct cycle_phase ph[PHASE_COUNT], int32_t today, struct wheel_geom *g)
{
	memset(g, 0, sizeof *g);
	int32_t s[PHASE_COUNT], e[PHASE_COUNT], lo = 0, hi = 0;
	for (int k = 0; k < PHASE_COUNT; k++) {
		g->has[k] = phase_span(&ph[k], &s[k], &e[k]);
		if (!g->has[k])
			continue;
		if (!g->ok || s[k] < lo)
			lo = s[k];
		if (!g->ok || e[k] > hi)
			hi = e[k];
		g->ok = true;
	}
	if (!g->ok)
		return;
	int y, m, d;
	date_civil(lo, &y, &m, &d);
	g->first = date_days(y, m, 1);
	/* twelve months, or as many more as the last phase needs */
	int months = 12;
	while (months < WHEEL_MAX_MONTHS && month_start(y, m, months) <= hi)
		months++;
	int32_t last = month_start(y, m, months);
	g->last = last > hi ? last : hi + 1;
	for (int i = 0; i < months; i++) {
		g->month[i] = (m - 1 + i) % 12 + 1;
		g->month_angle[i] = angle_of(g, month_start(y, m, i));
		g->nmonths++;
	}
	for (int k = 0; k < PHASE_COUNT; k++) {
		if (!g->has[k])
			continue;
		g->a0[k] = angle_of(g, s[k]);
		g->a1[k] = angle_of(g, e[k] + 1);
		g->current[k] = s[k] <= today && today <= e[k];
	}
	g->today_in = today >= g->first && today < g->last;
	if (g->today_in)
		g->today = angle_of(g, today + 0.5);
}
