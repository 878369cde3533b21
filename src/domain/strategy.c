/* strategy.c — the pure rules of the strategy and the unit goals: field
 * checks (the same for forms, API and CSV), when a version may change,
 * decimal numbers kept exactly as integer hundredths, and ISO dates. */
#include "domain/strategy.h"

#include <string.h>
#include "base/arena.h"
#include "base/json.h"
#include "base/utf8.h"

bool strategy_cycle_closed(const char *cycle_status)
{
	return cycle_status && strcmp(cycle_status, "closed") == 0;
}

enum strategy_block strategy_edit_block(const char *cycle_status, const struct strategy_version *v)
{
	if (strategy_cycle_closed(cycle_status))
		return STRATEGY_CYCLE_CLOSED;
	if (v && v->number > 0)
		return STRATEGY_PUBLISHED;
	return STRATEGY_EDITABLE;
}

enum problem strategy_check_text(const char *s)
{
	if (!s)
		return PROB_NONE;
	size_t n = strlen(s);
	if (!utf8_valid_text(s, n))
		return PROB_BAD_TEXT;
	return utf8_len(s) > STRATEGY_TEXT_MAX_CHARS ? PROB_TOO_LONG : PROB_NONE;
}

enum problem strategy_check_line(const char *s, int max_chars, bool required)
{
	if (!s || !*s)
		return required ? PROB_REQUIRED : PROB_NONE;
	size_t n = strlen(s);
	if (!utf8_valid_text(s, n))
		return PROB_BAD_TEXT;
	for (const char *p = s; *p; p++)
		if (*p == '\n' || *p == '\r' || *p == '\t')
			return PROB_BAD_TEXT;
	return utf8_len(s) > (size_t)max_chars ? PROB_TOO_LONG : PROB_NONE;
}

static void check(struct field_errors *fe, const char *field, enum problem p)
{
	if (p != PROB_NONE)
		field_error_add(fe, field, p);
}

void validate_strategy_texts(const struct strategy_version *v, struct field_errors *fe)
{
	check(fe, "vision", strategy_check_text(v->vision));
	check(fe, "core_values", strategy_check_text(v->core_values));
	check(fe, "culture", strategy_check_text(v->culture));
	check(fe, "behaviour", strategy_check_text(v->behaviour));
	check(fe, "leadership", strategy_check_text(v->leadership));
}

void validate_main_goal(const struct strategy_main_goal *g, struct field_errors *fe)
{
	check(fe, "title", strategy_check_line(g->title, STRATEGY_TITLE_MAX_CHARS, true));
	check(fe, "description", strategy_check_text(g->description));
}

void validate_strategy_goal(const struct strategy_goal *g, struct field_errors *fe)
{
	if (!g->code || !*g->code)
		field_error_add(fe, "code", PROB_REQUIRED);
	else if (utf8_len(g->code) > STRATEGY_CODE_MAX_CHARS)
		field_error_add(fe, "code", PROB_TOO_LONG);
	else if (!valid_code(g->code))
		field_error_add(fe, "code", PROB_BAD_CODE);
	check(fe, "title", strategy_check_line(g->title, STRATEGY_TITLE_MAX_CHARS, true));
	check(fe, "description", strategy_check_text(g->description));
}

void validate_indicator(const struct strategy_indicator *i, struct field_errors *fe)
{
	check(fe, "name", strategy_check_line(i->name, STRATEGY_TITLE_MAX_CHARS, true));
	check(fe, "unit_of_measure", strategy_check_line(i->unit_of_measure, STRATEGY_UOM_MAX_CHARS, false));
	if (i->has_baseline && (i->baseline > STRATEGY_DECIMAL_MAX || i->baseline < -STRATEGY_DECIMAL_MAX))
		field_error_add(fe, "baseline", PROB_BAD_NUMBER);
	if (i->has_target && (i->target > STRATEGY_DECIMAL_MAX || i->target < -STRATEGY_DECIMAL_MAX))
		field_error_add(fe, "target", PROB_BAD_NUMBER);
}

void validate_unit_goal(const struct unit_goal *g, struct field_errors *fe)
{
	check(fe, "title", strategy_check_line(g->title, STRATEGY_TITLE_MAX_CHARS, true));
	check(fe, "contribution", strategy_check_text(g->contribution));
	if (g->goal_id <= 0)
		field_error_add(fe, "goal_id", PROB_REQUIRED);
	if (g->unit_id <= 0)
		field_error_add(fe, "unit_id", PROB_REQUIRED);
}

/* ---- decimals ---- */

static bool is_group_space(const char *p, int *len)
{
	if (*p == ' ') {
		*len = 1;
		return true;
	}
	if ((unsigned char)p[0] == 0xC2 && (unsigned char)p[1] == 0xA0) {   /* no-break space */
		*len = 2;
		return true;
	}
	if ((unsigned char)p[0] == 0xE2 && (unsigned char)p[1] == 0x80 &&
	    (unsigned char)p[2] == 0xAF) {                                   /* narrow no-break space */
		*len = 3;
		return true;
	}
	return false;
}

bool strategy_parse_decimal(const char *s, int64_t *hundredths)
{
	if (!s)
		return false;
	const char *p = s;
	bool neg = false;
	if (*p == '-' || *p == '+' || (unsigned char)p[0] == 0xE2) {
		/* U+2212 MINUS SIGN, as word processors write it */
		if ((unsigned char)p[0] == 0xE2) {
			if ((unsigned char)p[1] != 0x88 || (unsigned char)p[2] != 0x92)
				return false;
			neg = true;
			p += 3;
		} else {
			neg = *p == '-';
			p++;
		}
	}
	int64_t whole = 0;
	int digits = 0, group = 0;   /* digits since the last group space */
	bool grouped = false;
	for (;;) {
		int sl;
		if (*p >= '0' && *p <= '9') {
			if (whole > STRATEGY_DECIMAL_MAX / 100)
				return false;
			whole = whole * 10 + (*p - '0');
			digits++;
			group++;
			p++;
		} else if (digits > 0 && is_group_space(p, &sl)) {
			/* a group separator: the first group has 1-3 digits, later ones 3 */
			if (group < 1 || group > 3 || (grouped && group != 3))
				return false;
			grouped = true;
			group = 0;
			p += sl;
		} else {
			break;
		}
	}
	if (digits == 0 || (grouped && group != 3))
		return false;
	int64_t frac = 0;
	if (*p == ',' || *p == '.') {
		p++;
		int nf = 0;
		while (*p >= '0' && *p <= '9') {
			if (++nf > 2)
				return false;
			frac = frac * 10 + (*p - '0');
			p++;
		}
		if (nf == 0)
			return false;
		if (nf == 1)
			frac *= 10;
	}
	if (*p)
		return false;
	int64_t v = whole * 100 + frac;
	if (v > STRATEGY_DECIMAL_MAX)
		return false;
	*hundredths = neg ? -v : v;
	return true;
}

/* Writes |v| in hundredths with sep between thousands and dec as the mark. */
static void format_decimal(struct buf *b, int64_t v, const char *sep, char dec)
{
	uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
	uint64_t whole = u / 100, frac = u % 100;
	if (v < 0)
		buf_putc(b, '-');
	char digits[24];
	int n = 0;
	do {
		digits[n++] = (char)('0' + whole % 10);
		whole /= 10;
	} while (whole);
	for (int i = n - 1; i >= 0; i--) {
		buf_putc(b, digits[i]);
		if (sep && i > 0 && i % 3 == 0)
			buf_puts(b, sep);
	}
	if (frac) {
		buf_putc(b, dec);
		buf_putc(b, (char)('0' + frac / 10));
		if (frac % 10)
			buf_putc(b, (char)('0' + frac % 10));
	}
}

void strategy_format_decimal(struct buf *b, int64_t hundredths)
{
	format_decimal(b, hundredths, "\xC2\xA0", ',');
}

void strategy_format_decimal_plain(struct buf *b, int64_t hundredths)
{
	format_decimal(b, hundredths, NULL, '.');
}

/* ---- dates ---- */

static int two(const char *p)
{
	return (p[0] - '0') * 10 + (p[1] - '0');
}

bool strategy_valid_date(const char *s)
{
	if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return false;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return false;
	int y = two(s) * 100 + two(s + 2), m = two(s + 5), d = two(s + 8);
	static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (y < 1900 || m < 1 || m > 12 || d < 1)
		return false;
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return d <= days[m - 1] + (m == 2 && leap);
}

bool strategy_parse_date(const char *s, char iso[11])
{
	if (!s)
		return false;
	if (strategy_valid_date(s)) {
		memcpy(iso, s, 11);
		return true;
	}
	/* d.m.yyyy with one or two digits for day and month */
	int part[3] = { 0, 0, 0 }, len[3] = { 0, 0, 0 }, k = 0;
	for (const char *p = s; *p; p++) {
		if (*p == '.' && k < 2 && len[k] > 0) {
			k++;
		} else if (*p >= '0' && *p <= '9' && len[k] < 4) {
			part[k] = part[k] * 10 + (*p - '0');
			len[k]++;
		} else {
			return false;
		}
	}
	if (k != 2 || len[0] > 2 || len[1] > 2 || len[2] != 4)
		return false;
	char tmp[16];
	tmp[0] = (char)('0' + part[2] / 1000);
	tmp[1] = (char)('0' + part[2] / 100 % 10);
	tmp[2] = (char)('0' + part[2] / 10 % 10);
	tmp[3] = (char)('0' + part[2] % 10);
	tmp[4] = '-';
	tmp[5] = (char)('0' + part[1] / 10);
	tmp[6] = (char)('0' + part[1] % 10);
	tmp[7] = '-';
	tmp[8] = (char)('0' + part[0] / 10);
	tmp[9] = (char)('0' + part[0] % 10);
	tmp[10] = '\0';
	if (!strategy_valid_date(tmp))
		return false;
	memcpy(iso, tmp, 11);
	return true;
}

void strategy_format_date(struct buf *b, const char *iso)
{
	if (!strategy_valid_date(iso)) {
		buf_puts(b, iso ? iso : "");
		return;
	}
	buf_printf(b, "%.2s.%.2s.%.4s", iso + 8, iso + 5, iso);
}

char *strategy_suggest_code(struct arena *a, int main_pos, const char *const *codes, int ncodes)
{
	for (int k = 1;; k++) {
		char *c = arena_printf(a, "S%d.%d", main_pos, k);
		if (!c)
			return NULL;
		bool taken = false;
		for (int i = 0; i < ncodes && !taken; i++)
			taken = codes[i] && strcmp(codes[i], c) == 0;
		if (!taken)
			return c;
	}
}

/* ---- audit ---- */

struct aw {
	struct buf *b;
	bool any;
	bool create, remove;
};

static void aw_begin(struct aw *w, struct buf *b, const void *before, const void *after)
{
	*w = (struct aw){ .b = b, .create = before == NULL, .remove = after == NULL };
	buf_putc(b, '{');
}

static void aw_key(struct aw *w, const char *key)
{
	if (w->any)
		buf_putc(w->b, ',');
	w->any = true;
	buf_putc(w->b, '"');
	json_escape(w->b, key);
	buf_puts(w->b, "\":[");
}

static void aw_strval(struct buf *b, const char *s, bool null)
{
	if (null) {
		buf_puts(b, "null");
		return;
	}
	buf_putc(b, '"');
	json_escape(b, s ? s : "");
	buf_putc(b, '"');
}

static void aw_str(struct aw *w, const char *key, const char *before, const char *after)
{
	if (!w->create && !w->remove && strcmp(before ? before : "", after ? after : "") == 0)
		return;
	aw_key(w, key);
	aw_strval(w->b, before, w->create);
	buf_putc(w->b, ',');
	aw_strval(w->b, after, w->remove);
	buf_putc(w->b, ']');
}

static void aw_intval(struct buf *b, bool has, int64_t v)
{
	if (has)
		buf_int(b, v);
	else
		buf_puts(b, "null");
}

static void aw_int(struct aw *w, const char *key, bool has_b, int64_t before, bool has_a, int64_t after)
{
	if (!w->create && !w->remove && has_b == has_a && before == after)
		return;
	aw_key(w, key);
	aw_intval(w->b, has_b && !w->create, before);
	buf_putc(w->b, ',');
	aw_intval(w->b, has_a && !w->remove, after);
	buf_putc(w->b, ']');
}

/* A decimal as its plain text, so the log reads 12.5 rather than 1250. */
static void aw_dec(struct aw *w, const char *key, bool has_b, int64_t before, bool has_a, int64_t after)
{
	if (!w->create && !w->remove && has_b == has_a && before == after)
		return;
	aw_key(w, key);
	if (has_b && !w->create)
		strategy_format_decimal_plain(w->b, before);
	else
		buf_puts(w->b, "null");
	buf_putc(w->b, ',');
	if (has_a && !w->remove)
		strategy_format_decimal_plain(w->b, after);
	else
		buf_puts(w->b, "null");
	buf_putc(w->b, ']');
}

static void aw_end(struct aw *w)
{
	buf_putc(w->b, '}');
}

void strategy_audit_texts(struct buf *b, const struct strategy_version *before,
			  const struct strategy_version *after)
{
	struct aw w;
	const struct strategy_version *x = before ? before : after, *y = after ? after : before;
	aw_begin(&w, b, before, after);
	aw_str(&w, "vision", x->vision, y->vision);
	aw_str(&w, "core_values", x->core_values, y->core_values);
	aw_str(&w, "culture", x->culture, y->culture);
	aw_str(&w, "behaviour", x->behaviour, y->behaviour);
	aw_str(&w, "leadership", x->leadership, y->leadership);
	aw_end(&w);
}

void strategy_audit_main_goal(struct buf *b, const struct strategy_main_goal *before,
			      const struct strategy_main_goal *after)
{
	struct aw w;
	const struct strategy_main_goal *x = before ? before : after, *y = after ? after : before;
	aw_begin(&w, b, before, after);
	aw_str(&w, "title", x->title, y->title);
	aw_str(&w, "description", x->description, y->description);
	aw_end(&w);
}

void strategy_audit_goal(struct buf *b, const struct strategy_goal *before, const struct strategy_goal *after)
{
	struct aw w;
	const struct strategy_goal *x = before ? before : after, *y = after ? after : before;
	aw_begin(&w, b, before, after);
	aw_int(&w, "main_goal_id", true, x->main_goal_id, true, y->main_goal_id);
	aw_int(&w, "goal_id", true, x->goal_id, true, y->goal_id);
	aw_str(&w, "code", x->code, y->code);
	aw_str(&w, "title", x->title, y->title);
	aw_str(&w, "description", x->description, y->description);
	aw_end(&w);
}

void strategy_audit_indicator(struct buf *b, const struct strategy_indicator *before,
			      const struct strategy_indicator *after)
{
	struct aw w;
	const struct strategy_indicator *x = before ? before : after, *y = after ? after : before;
	aw_begin(&w, b, before, after);
	aw_str(&w, "name", x->name, y->name);
	aw_str(&w, "unit_of_measure", x->unit_of_measure, y->unit_of_measure);
	aw_dec(&w, "baseline", x->has_baseline, x->baseline, y->has_baseline, y->baseline);
	aw_dec(&w, "target", x->has_target, x->target, y->has_target, y->target);
	aw_end(&w);
}

void strategy_audit_value(struct buf *b, const struct strategy_value *before,
			  const struct strategy_value *after)
{
	struct aw w;
	const struct strategy_value *x = before ? before : after, *y = after ? after : before;
	aw_begin(&w, b, before, after);
	aw_int(&w, "indicator_id", true, x->indicator_id, true, y->indicator_id);
	aw_str(&w, "measured_on", x->measured_on, y->measured_on);
	aw_dec(&w, "value", true, x->value, true, y->value);
	aw_end(&w);
}

void strategy_audit_unit_goal(struct buf *b, const struct unit_goal *before, const struct unit_goal *after)
{
	struct aw w;
	const struct unit_goal *x = before ? before : after, *y = after ? after : before;
	aw_begin(&w, b, before, after);
	aw_int(&w, "cycle_id", true, x->cycle_id, true, y->cycle_id);
	aw_int(&w, "unit_id", true, x->unit_id, true, y->unit_id);
	aw_int(&w, "goal_id", true, x->goal_id, true, y->goal_id);
	aw_str(&w, "title", x->title, y->title);
	aw_str(&w, "contribution", x->contribution, y->contribution);
	aw_end(&w);
}
