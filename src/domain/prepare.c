/* prepare.c — the rules of phase 1's preparation: checklist arithmetic,
 * field checks of the notes and draft needs, the pack's document order and
 * recipients, and the audit JSON of every change (a tick records the step's
 * text as the leader saw it, since HR may edit the phase texts later). */
#include "domain/prepare.h"

#include <string.h>
#include "base/json.h"
#include "base/utf8.h"
#include "domain/indicator_units.h"

bool prep_writable(const char *cycle_status)
{
	return cycle_status && strcmp(cycle_status, "closed") != 0;
}

static const char *const FILTER_NAMES[PREP_FILTER_COUNT] = {
	[PREP_FILTER_ALL] = "",
	[PREP_FILTER_NOT_PREPARED] = "not_prepared",
	[PREP_FILTER_PREPARED] = "prepared",
	[PREP_FILTER_PACK_NOT_SENT] = "pack_not_sent",
	[PREP_FILTER_PACK_SENT] = "pack_sent",
	[PREP_FILTER_READING_OPEN] = "reading_open",
};

const char *prep_filter_name(enum prep_filter f)
{
	return f < PREP_FILTER_COUNT ? FILTER_NAMES[f] : "";
}

bool prep_filter_parse(const char *s, enum prep_filter *out)
{
	*out = PREP_FILTER_ALL;
	if (!s || !*s)
		return true;
	for (int f = 1; f < PREP_FILTER_COUNT; f++)
		if (strcmp(s, FILTER_NAMES[f]) == 0) {
			*out = (enum prep_filter)f;
			return true;
		}
	return false;
}

/* Not prepared and reading open are the indicators list's rules, asked of
 * it so the two lists never disagree. */
bool prep_filter_match(enum prep_filter f, const struct ind_unit_counts *c, int nsteps, int64_t pack_sent_at)
{
	switch (f) {
	case PREP_FILTER_ALL:
		return true;
	case PREP_FILTER_NOT_PREPARED:
		return ind_status_match(IND_FILTER_NOT_PREPARED, c, nsteps, NULL);
	case PREP_FILTER_PREPARED:
		return c->has_leader && ind_checklist_complete(c->steps_ticked, nsteps);
	case PREP_FILTER_PACK_NOT_SENT:
		return pack_sent_at == 0;
	case PREP_FILTER_PACK_SENT:
		return pack_sent_at != 0;
	case PREP_FILTER_READING_OPEN:
		return ind_status_match(IND_FILTER_READING_OPEN, c, nsteps, NULL);
	case PREP_FILTER_COUNT:
		break;
	}
	return false;
}

bool prep_step_parse(const char *s, int nsteps, int *index)
{
	if (!s || !*s || strlen(s) > 4 || s[0] == '0')
		return false;
	int v = 0;
	for (const char *p = s; *p; p++) {
		if (*p < '0' || *p > '9')
			return false;
		v = v * 10 + (*p - '0');
	}
	if (v < 1 || v > nsteps)
		return false;
	*index = v - 1;
	return true;
}

int prep_ticked_count(const struct prep_tick *ticks, int n, int nsteps)
{
	int k = 0;
	for (int i = 0; i < n; i++)
		if (ticks[i].step >= 0 && ticks[i].step < nsteps)
			k++;
	return k;
}

const struct prep_tick *prep_tick_of(const struct prep_tick *ticks, int n, int step)
{
	for (int i = 0; i < n; i++)
		if (ticks[i].step == step)
			return &ticks[i];
	return NULL;
}

/* Text that may hold line breaks and tabs (utf8_valid_text allows them,
 * and no other control characters). */
static bool multiline_text(const char *s)
{
	return utf8_valid_text(s, strlen(s));
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

void validate_prep_notes(const char *likely_goals, struct field_errors *fe)
{
	const char *s = likely_goals ? likely_goals : "";
	if (!multiline_text(s))
		field_error_add(fe, "likely_goals", PROB_BAD_TEXT);
	else if (utf8_len(s) > PREP_NOTES_MAX_CHARS)
		field_error_add(fe, "likely_goals", PROB_TOO_LONG);
}

void validate_prep_need(const struct prep_need *n, struct field_errors *fe)
{
	if (blank(n->title))
		field_error_add(fe, "title", PROB_REQUIRED);
	else if (!utf8_valid_text(n->title, strlen(n->title)) || strpbrk(n->title, "\r\n\t"))
		field_error_add(fe, "title", PROB_BAD_TEXT);
	else if (utf8_len(n->title) > PREP_NEED_TITLE_MAX_CHARS)
		field_error_add(fe, "title", PROB_TOO_LONG);
	const char *d = n->description ? n->description : "";
	if (!multiline_text(d))
		field_error_add(fe, "description", PROB_BAD_TEXT);
	else if (utf8_len(d) > PREP_NEED_WHY_MAX_CHARS)
		field_error_add(fe, "description", PROB_TOO_LONG);
}

int prep_doc_rank(enum doc_kind k)
{
	switch (k) {
	case DOC_LEADER_GUIDE:
		return 0;
	case DOC_AID:
		return 1;
	case DOC_STRATEGY:
		return 2;
	case DOC_OTHER:
	case DOC_KIND_COUNT:
		break;
	}
	return 3;
}

bool prep_pack_recipient(bool active, int64_t person_unit_id, int64_t person_id, int64_t unit_id,
			 int64_t unit_leader_id)
{
	return active && person_unit_id == unit_id && person_id != unit_leader_id;
}

void prep_audit_tick(struct buf *b, int step, const char *step_text, bool ticked)
{
	struct jw w;
	jw_init(&w, b);
	jw_obj(&w);
	jw_key(&w, "step");
	jw_arr(&w);
	if (ticked) jw_null(&w); else jw_int(&w, step + 1);
	if (ticked) jw_int(&w, step + 1); else jw_null(&w);
	jw_arr_end(&w);
	jw_key(&w, "step_text");
	jw_arr(&w);
	if (ticked) jw_null(&w); else jw_str(&w, step_text);
	if (ticked) jw_str(&w, step_text); else jw_null(&w);
	jw_arr_end(&w);
	jw_obj_end(&w);
}

static void pair_str(struct jw *w, const char *field, const char *before, const char *after)
{
	jw_key(w, field);
	jw_arr(w);
	jw_str(w, before);
	jw_str(w, after);
	jw_arr_end(w);
}

void prep_audit_notes(struct buf *b, const char *before, const char *after)
{
	struct jw w;
	jw_init(&w, b);
	jw_obj(&w);
	if (strcmp(before ? before : "", after ? after : "") != 0)
		pair_str(&w, "likely_goals", before ? before : "", after ? after : "");
	jw_obj_end(&w);
}

static bool same(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "") == 0;
}

void prep_audit_need(struct buf *b, const struct prep_need *before, const struct prep_need *after)
{
	struct jw w;
	jw_init(&w, b);
	jw_obj(&w);
	const char *t0 = before ? before->title : NULL, *t1 = after ? after->title : NULL;
	const char *d0 = before ? before->description : NULL, *d1 = after ? after->description : NULL;
	if (!before || !after || !same(t0, t1))
		pair_str(&w, "title", t0, t1);
	if (!before || !after || !same(d0, d1))
		pair_str(&w, "description", d0, d1);
	jw_obj_end(&w);
}

static void id_list(struct jw *w, const int64_t *ids, int n)
{
	jw_arr(w);
	for (int i = 0; i < n; i++)
		jw_int(w, ids[i]);
	jw_arr_end(w);
}

void prep_audit_pack(struct buf *b, const int64_t *before, int nbefore, const int64_t *after,
		     int nafter)
{
	struct jw w;
	jw_init(&w, b);
	jw_obj(&w);
	jw_key(&w, "documents");
	jw_arr(&w);
	id_list(&w, before, nbefore);
	id_list(&w, after, nafter);
	jw_arr_end(&w);
	jw_obj_end(&w);
}

void prep_audit_send(struct buf *b, const int64_t *docs, int ndocs, int64_t people)
{
	struct jw w;
	jw_init(&w, b);
	jw_obj(&w);
	jw_key(&w, "documents");
	jw_arr(&w);
	jw_null(&w);
	id_list(&w, docs, ndocs);
	jw_arr_end(&w);
	jw_key(&w, "people");
	jw_arr(&w);
	jw_null(&w);
	jw_int(&w, people);
	jw_arr_end(&w);
	jw_obj_end(&w);
}
