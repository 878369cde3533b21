/* discussion.c — the rules of phase 2's unit discussion: the agenda from the
 * phase's procedure (notes keep the item's text as written, since HR may
 * edit the phase texts later, so notes of a removed item still show), the
 * meeting's date and time as people type them, the field checks, the
 * attendance id sets, who may remove a suggestion, and the audit JSON. */
#include "domain/discussion.h"

#include <stdlib.h>
#include <string.h>
#include "base/json.h"
#include "base/utf8.h"
#include "domain/access.h"
#include "domain/cycle.h"
#include "domain/strategy.h"

bool disc_writable(const char *cycle_status, enum proposal_status s)
{
	return cycle_status && strcmp(cycle_status, "closed") != 0 && proposal_editable(s);
}

int disc_agenda_count(struct arena *a, const char *procedure)
{
	char **lines;
	int n;
	text_lines(a, procedure, &lines, &n);
	return n > DISC_ITEMS_MAX ? DISC_ITEMS_MAX : n;
}

int disc_agenda(struct arena *a, const char *procedure, const struct disc_note *notes, int nnotes,
		struct disc_agenda_item **out)
{
	char **lines;
	int n;
	text_lines(a, procedure, &lines, &n);
	if (n > DISC_ITEMS_MAX)
		n = DISC_ITEMS_MAX;
	size_t cap = (size_t)n + (size_t)(nnotes > 0 ? nnotes : 0) + 1;
	struct disc_agenda_item *v = arena_alloc(a, sizeof *v * cap);
	if (!v)
		return -1;
	int k = 0;
	for (int i = 0; i < n; i++) {
		v[k] = (struct disc_agenda_item){ .item = i, .text = lines[i], .current = true };
		for (int j = 0; j < nnotes; j++)
			if (notes[j].item == i)
				v[k].note = &notes[j];
		k++;
	}
	/* notes of items past today's procedure, by index (the store's order) */
	for (int j = 0; j < nnotes; j++)
		if (notes[j].item >= n)
			v[k++] = (struct disc_agenda_item){ .item = notes[j].item, .text = notes[j].item_text,
							    .note = &notes[j] };
	*out = v;
	return k;
}

bool disc_item_parse(const char *s, int nitems, int *index)
{
	if (!s || !*s || strlen(s) > 4 || s[0] == '0')
		return false;
	int v = 0;
	for (const char *p = s; *p; p++) {
		if (*p < '0' || *p > '9')
			return false;
		v = v * 10 + (*p - '0');
	}
	if (v < 1 || v > nitems)
		return false;
	*index = v - 1;
	return true;
}

bool disc_parse_time(const char *s, char hm[6])
{
	if (!s)
		return false;
	size_t n = strlen(s);
	/* H:MM or HH:MM, with ':' or '.' between */
	if (n != 4 && n != 5)
		return false;
	size_t sep = n - 3;
	if (s[sep] != ':' && s[sep] != '.')
		return false;
	for (size_t i = 0; i < n; i++)
		if (i != sep && (s[i] < '0' || s[i] > '9'))
			return false;
	int h = sep == 1 ? s[0] - '0' : (s[0] - '0') * 10 + (s[1] - '0');
	int m = (s[sep + 1] - '0') * 10 + (s[sep + 2] - '0');
	if (h > 23 || m > 59)
		return false;
	hm[0] = (char)('0' + h / 10);
	hm[1] = (char)('0' + h % 10);
	hm[2] = ':';
	hm[3] = (char)('0' + m / 10);
	hm[4] = (char)('0' + m % 10);
	hm[5] = '\0';
	return true;
}

static bool blank(const char *s)
{
	if (!s)
		return true;
	for (; *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
			return false;
	return true;
}

/* s without surrounding spaces, into out (at most cap - 1 bytes); false
 * when it does not fit. */
static bool trimmed(const char *s, char *out, size_t cap)
{
	while (*s == ' ' || *s == '\t')
		s++;
	size_t n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (n >= cap)
		return false;
	memcpy(out, s, n);
	out[n] = '\0';
	return true;
}

void disc_validate_meeting(const char *date_text, const char *time_text, const char *location,
			   char iso[11], char hm[6], struct field_errors *fe)
{
	char tmp[16];
	iso[0] = '\0';
	hm[0] = '\0';
	if (!blank(date_text)) {
		if (!trimmed(date_text, tmp, sizeof tmp) || !strategy_parse_date(tmp, iso)) {
			iso[0] = '\0';
			field_error_add(fe, "meeting_on", PROB_BAD_DATE);
		}
	}
	if (!blank(time_text)) {
		if (!trimmed(time_text, tmp, sizeof tmp) || !disc_parse_time(tmp, hm)) {
			hm[0] = '\0';
			field_error_add(fe, "meeting_at", PROB_BAD_TIME);
		}
	}
	const char *l = location ? location : "";
	if (!utf8_valid_text(l, strlen(l)) || strpbrk(l, "\r\n\t"))
		field_error_add(fe, "location", PROB_BAD_TEXT);
	else if (utf8_len(l) > DISC_LOCATION_MAX_CHARS)
		field_error_add(fe, "location", PROB_TOO_LONG);
}

void disc_validate_notes(const char *notes, const char *field, struct field_errors *fe)
{
	const char *s = notes ? notes : "";
	if (!utf8_valid_text(s, strlen(s)))
		field_error_add(fe, field, PROB_BAD_TEXT);
	else if (utf8_len(s) > DISC_NOTES_MAX_CHARS)
		field_error_add(fe, field, PROB_TOO_LONG);
}

void disc_validate_suggestion(const char *body, struct field_errors *fe)
{
	if (blank(body))
		field_error_add(fe, "body", PROB_REQUIRED);
	else if (!utf8_valid_text(body, strlen(body)))
		field_error_add(fe, "body", PROB_BAD_TEXT);
	else if (utf8_len(body) > DISC_SUGGESTION_MAX_CHARS)
		field_error_add(fe, "body", PROB_TOO_LONG);
}

static int cmp_int64(const void *pa, const void *pb)
{
	int64_t a = *(const int64_t *)pa, b = *(const int64_t *)pb;
	return (a > b) - (a < b);
}

int disc_ids_normalise(int64_t *ids, int n)
{
	if (n <= 0)
		return 0;
	qsort(ids, (size_t)n, sizeof *ids, cmp_int64);
	int k = 0;
	for (int i = 0; i < n; i++)
		if (k == 0 || ids[k - 1] != ids[i])
			ids[k++] = ids[i];
	return k;
}

bool disc_ids_subset(const int64_t *want, int nwant, const int64_t *allowed, int nallowed)
{
	for (int i = 0; i < nwant; i++) {
		bool found = false;
		for (int k = 0; k < nallowed && !found; k++)
			found = allowed[k] == want[i];
		if (!found)
			return false;
	}
	return true;
}

bool disc_may_remove_suggestion(const struct actor *actor, const struct disc_suggestion *s)
{
	if (!actor || actor->role == ROLE_NONE || !s)
		return false;
	if (s->user_id != 0 && s->user_id == actor->user_id)
		return true;
	return access_can(actor, ACT_DISCUSSION_EDIT, s->unit_id);
}

static void pair_str(struct jw *w, const char *field, const char *before, const char *after)
{
	jw_key(w, field);
	jw_arr(w);
	jw_str(w, before);
	jw_str(w, after);
	jw_arr_end(w);
}

static bool same(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "") == 0;
}

/* "" is stored as NULL for the date and time */
static const char *opt(const char *s)
{
	return s && *s ? s : NULL;
}

void disc_audit_meeting(struct buf *b, int64_t cycle_id, const struct disc_meeting *before,
			const char *on, const char *at, const char *location)
{
	struct jw w;
	jw_init(&w, b);
	jw_obj(&w);
	jw_kint(&w, "cycle_id", cycle_id);
	const char *on0 = before ? opt(before->meeting_on) : NULL;
	const char *at0 = before ? opt(before->meeting_at) : NULL;
	const char *l0 = before && before->location ? before->location : "";
	if (!same(on0, opt(on)))
		pair_str(&w, "meeting_on", on0, opt(on));
	if (!same(at0, opt(at)))
		pair_str(&w, "meeting_at", at0, opt(at));
	if (!same(l0, location))
		pair_str(&w, "location", l0, location ? location : "");
	jw_obj_end(&w);
}

void disc_audit_notes(struct buf *b, int64_t cycle_id, int item, const char *item_text,
		      const char *before, const char *after)
{
	struct jw w;
	jw_init(&w, b);
	jw_obj(&w);
	jw_kint(&w, "cycle_id", cycle_id);
	jw_kint(&w, "item", item + 1);
	jw_kstr(&w, "item_text", item_text);
	pair_str(&w, "notes", before ? before : "", after ? after : "");
	jw_obj_end(&w);
}

static void id_list(struct jw *w, const int64_t *ids, int n)
{
	jw_arr(w);
	for (int i = 0; i < n; i++)
		jw_int(w, ids[i]);
	jw_arr_end(w);
}

void disc_audit_attendance(struct buf *b, int64_t cycle_id, const int64_t *before, int nbefore,
			   const int64_t *after, int nafter)
{
	struct jw w;
	jw_init(&w, b);
	jw_obj(&w);
	jw_kint(&w, "cycle_id", cycle_id);
	jw_key(&w, "attendance");
	jw_arr(&w);
	id_list(&w, before, nbefore);
	id_list(&w, after, nafter);
	jw_arr_end(&w);
	jw_obj_end(&w);
}

void disc_audit_suggestion(struct buf *b, const struct disc_suggestion *before,
			   const struct disc_suggestion *after)
{
	struct jw w;
	jw_init(&w, b);
	jw_obj(&w);
	const struct disc_suggestion *s = before ? before : after;
	if (s) {
		jw_kint(&w, "cycle_id", s->cycle_id);
		jw_kint(&w, "unit_id", s->unit_id);
		jw_kid(&w, "user_id", s->user_id);
	}
	pair_str(&w, "body", before ? before->body : NULL, after ? after->body : NULL);
	jw_obj_end(&w);
}
