/* compilation.c — the rules of compiling proposals into decided needs and
 * measures: the merge rule (a decided need takes the strongest claim of
 * its sources, so merging never weakens what a unit asked for), the heat
 * map's arithmetic, field checks, Norwegian kroner input, and the audit
 * JSON of every change. */
#include "domain/compilation.h"

#include <stdlib.h>

#include <string.h>
#include "base/json.h"
#include "base/text.h"
#include "base/utf8.h"
#include "domain/cycle.h"

/* ---- the merge rule ---- */

/* Horizons from nearest to farthest are the enum's order. */
void comp_merge(const struct comp_proposed_need *src, int n, struct decided_need *out,
		struct comp_ref *sources, int64_t *goals, int *ngoals, int cap)
{
	*out = (struct decided_need){ 0 };
	*ngoals = 0;
	if (n <= 0)
		return;
	const struct comp_proposed_need *first = &src[0];
	out->cycle_id = first->cycle_id;
	out->title = first->title;
	out->description = first->rationale ? first->rationale : "";
	out->competence_id = first->competence_id;
	out->competence_name = first->competence_name;
	out->criticality = first->criticality;
	out->required_level = first->required_level;
	out->horizon = first->horizon;
	out->people_affected = -1;
	bool several_units = false;
	for (int i = 0; i < n; i++) {
		const struct comp_proposed_need *p = &src[i];
		if (p->criticality > out->criticality)
			out->criticality = p->criticality;
		if (p->required_level > out->required_level)
			out->required_level = p->required_level;
		if (p->horizon < out->horizon)
			out->horizon = p->horizon;
		if (p->people_affected >= 0)
			out->people_affected = (out->people_affected < 0 ? 0 : out->people_affected) +
					       p->people_affected;
		if (p->unit_id != first->unit_id)
			several_units = true;
		sources[i] = (struct comp_ref){ .id = p->id, .name = p->title, .unit_id = p->unit_id,
						.unit_name = p->unit_name };
		for (int g = 0; g < p->ngoals; g++) {
			int64_t id = p->goal_ids[g];
			int at = 0;
			while (at < *ngoals && goals[at] < id)
				at++;
			if (at < *ngoals && goals[at] == id)
				continue;
			if (*ngoals >= cap)
				continue;
			memmove(goals + at + 1, goals + at, (size_t)(*ngoals - at) * sizeof *goals);
			goals[at] = id;
			(*ngoals)++;
		}
	}
	out->sources = sources;
	out->nsources = n;
	if (several_units) {
		out->scope = NEED_SCOPE_ORGANISATION;
	} else {
		out->scope = NEED_SCOPE_UNIT;
		out->unit_id = first->unit_id;
		out->unit_name = first->unit_name;
	}
}

/* ---- the heat map ---- */

int heat_crit_weight(enum criticality c)
{
	return c >= CRIT_LOW && c < CRITICALITY_COUNT ? (int)c + 1 : 1;
}

void heat_cell_add(struct heat_cell *cell, enum criticality c)
{
	if (cell->count == 0)
		cell->max_crit = -1;
	cell->count++;
	cell->weight += heat_crit_weight(c);
	if ((int)c > cell->max_crit)
		cell->max_crit = (int)c;
}

int64_t heat_value(const struct heat_cell *cell, bool weighted)
{
	return weighted ? cell->weight : cell->count;
}

int heat_bucket(int64_t v, int64_t max)
{
	if (v <= 0 || max <= 0)
		return 0;
	if (v >= max)
		return 4;
	/* ceil(4 v / max): the upper quarter is 4, anything above 0 at least 1 */
	int64_t b = (4 * v + max - 1) / max;
	return b < 1 ? 1 : b > 4 ? 4 : (int)b;
}

int64_t heat_top_area(const struct heat_area *areas, int n, int64_t id)
{
	/* the depth is bounded by the tree; the guard stops a corrupt cycle */
	for (int guard = 0; guard <= n && id; guard++) {
		int64_t parent = -1;
		for (int i = 0; i < n && parent < 0; i++)
			if (areas[i].id == id)
				parent = areas[i].parent_id;
		if (parent < 0)
			return 0;
		if (parent == 0)
			return id;
		id = parent;
	}
	return 0;
}

enum err heat_grid_build(struct arena *a, const struct heat_area *areas, int nareas,
			 const struct heat_count *counts, int ncounts, int64_t unit_id, bool weighted,
			 struct heat_grid *out)
{
	*out = (struct heat_grid){ 0 };
	int ncols = 1;
	for (int i = 0; i < nareas; i++)
		ncols += areas[i].parent_id == 0;
	out->col_ids = arena_alloc(a, sizeof *out->col_ids * (size_t)ncols);
	out->col_names = arena_alloc(a, sizeof *out->col_names * (size_t)ncols);
	out->col_totals = arena_alloc(a, sizeof *out->col_totals * (size_t)ncols);
	out->rows = arena_alloc(a, sizeof *out->rows * (size_t)(ncounts > 0 ? ncounts : 1));
	if (!out->col_ids || !out->col_names || !out->col_totals || !out->rows)
		return ERR_TOO_BIG;
	int j = 0;
	for (int i = 0; i < nareas; i++)
		if (areas[i].parent_id == 0) {
			out->col_ids[j] = areas[i].id;
			out->col_names[j++] = areas[i].name;
		}
	out->ncols = ncols;
	for (int i = 0; i < ncounts; i++) {
		const struct heat_count *hc = &counts[i];
		if (unit_id && hc->unit_id != unit_id)
			continue;
		if (out->nrows == 0 || out->rows[out->nrows - 1].unit_id != hc->unit_id) {
			struct heat_cell *cells = arena_alloc(a, sizeof *cells * (size_t)ncols);
			if (!cells)
				return ERR_TOO_BIG;
			for (int x = 0; x < ncols; x++)
				cells[x].max_crit = -1;
			out->rows[out->nrows++] = (struct heat_row){ .unit_id = hc->unit_id, .name = hc->unit_name,
								     .cells = cells };
		}
		struct heat_row *row = &out->rows[out->nrows - 1];
		int64_t src = hc->source_unit_id ? hc->source_unit_id : hc->unit_id;
		if (i == 0 || row->units == 0 || counts[i - 1].unit_id != hc->unit_id ||
		    (counts[i - 1].source_unit_id ? counts[i - 1].source_unit_id : counts[i - 1].unit_id) != src)
			row->units++;
		struct heat_cell *cells = row->cells;
		int64_t top = hc->area_id ? heat_top_area(areas, nareas, hc->area_id) : 0;
		int col = ncols - 1;
		for (int x = 0; x < ncols - 1 && top; x++)
			if (out->col_ids[x] == top)
				col = x;
		struct heat_cell *cell = &cells[col];
		if (cell->count == 0)
			cell->max_crit = -1;
		cell->count += hc->count;
		cell->weight += hc->count * heat_crit_weight(hc->criticality);
		if (hc->count > 0 && (int)hc->criticality > cell->max_crit)
			cell->max_crit = (int)hc->criticality;
	}
	for (int r = 0; r < out->nrows; r++)
		for (int x = 0; x < ncols; x++) {
			int64_t v = heat_value(&out->rows[r].cells[x], weighted);
			out->rows[r].total += v;
			out->col_totals[x] += v;
			out->total += v;
			if (v > out->max)
				out->max = v;
		}
	return OK;
}

/* ---- field rules ---- */

/* One problem per field: a field the parser already refused keeps that one. */
static void add_once(struct field_errors *fe, const char *field, enum problem p)
{
	if (!field_errors_has(fe, field))
		field_error_add(fe, field, p);
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

static void one_line(const char *field, const char *s, bool required, size_t max,
		     struct field_errors *fe)
{
	if (blank(s)) {
		if (required)
			add_once(fe, field, PROB_REQUIRED);
		return;
	}
	if (!utf8_valid_text(s, strlen(s)) || strpbrk(s, "\r\n\t"))
		add_once(fe, field, PROB_BAD_TEXT);
	else if (utf8_len(s) > max)
		add_once(fe, field, PROB_TOO_LONG);
}

static void multi_line(const char *field, const char *s, size_t max, struct field_errors *fe)
{
	s = s ? s : "";
	if (!utf8_valid_text(s, strlen(s)))
		add_once(fe, field, PROB_BAD_TEXT);
	else if (utf8_len(s) > max)
		add_once(fe, field, PROB_TOO_LONG);
}

void validate_decided_need(const struct decided_need *d, struct field_errors *fe)
{
	one_line("title", d->title, true, COMP_TITLE_MAX_CHARS, fe);
	multi_line("description", d->description, COMP_DESC_MAX_CHARS, fe);
	if (d->people_affected < -1)
		add_once(fe, "people_affected", PROB_BAD_NUMBER);
	if (d->scope == NEED_SCOPE_UNIT && d->unit_id <= 0)
		add_once(fe, "unit_id", PROB_REQUIRED);
	if (d->required_level < 0)
		add_once(fe, "required_level", PROB_BAD_CHOICE);
	if (d->nsources > COMP_LINKS_MAX)
		add_once(fe, "sources", PROB_TOO_LONG);
	if (d->ngoals > COMP_LINKS_MAX)
		add_once(fe, "goals", PROB_TOO_LONG);
}

void validate_decided_measure(const struct decided_measure *m, struct field_errors *fe)
{
	one_line("title", m->title, true, COMP_TITLE_MAX_CHARS, fe);
	multi_line("description", m->description, COMP_DESC_MAX_CHARS, fe);
	one_line("owner", m->owner, false, COMP_OWNER_MAX_CHARS, fe);
	int32_t days;
	if (m->deadline && *m->deadline && !date_parse(m->deadline, &days))
		add_once(fe, "deadline", PROB_BAD_DATE);
	if (m->budget < -1 || m->budget > COMP_BUDGET_MAX_KRONER)
		add_once(fe, "budget", PROB_BAD_NUMBER);
	if (m->scope == MEASURE_SCOPE_LOCAL && m->unit_id <= 0)
		add_once(fe, "unit_id", PROB_REQUIRED);
	if (m->nneeds > COMP_LINKS_MAX)
		add_once(fe, "needs", PROB_TOO_LONG);
	if (m->nsources > COMP_LINKS_MAX)
		add_once(fe, "sources", PROB_TOO_LONG);
}

/* The byte length of a group separator at s: space, no-break space
 * (U+00A0), narrow no-break space (U+202F) or a dot; 0 otherwise. */
static size_t separator(const char *s)
{
	if (*s == ' ' || *s == '.')
		return 1;
	if ((unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA0)
		return 2;
	if ((unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 && (unsigned char)s[2] == 0xAF)
		return 3;
	return 0;
}

bool comp_parse_kroner(const char *s, int64_t *out)
{
	if (!s)
		return false;
	while (*s == ' ')
		s++;
	size_t len = strlen(s);
	while (len > 0 && s[len - 1] == ' ')
		len--;
	if (len == 0) {
		*out = -1;
		return true;
	}
	/* optional endings: "kr", ",-", ",00" */
	if (len >= 2 && (strncmp(s + len - 2, "kr", 2) == 0 || strncmp(s + len - 2, ",-", 2) == 0))
		len -= 2;
	else if (len >= 3 && strncmp(s + len - 3, ",00", 3) == 0)
		len -= 3;
	while (len > 0 && s[len - 1] == ' ')
		len--;
	if (len == 0)
		return false;
	int64_t v = 0;
	int digits = 0, group = 0;
	bool grouped = false;
	for (size_t i = 0; i < len;) {
		if (s[i] >= '0' && s[i] <= '9') {
			if (v > COMP_BUDGET_MAX_KRONER)
				return false;
			v = v * 10 + (s[i] - '0');
			digits++;
			group++;
			i++;
			continue;
		}
		size_t k = separator(s + i);
		if (k == 0 || digits == 0 || i + k >= len)
			return false;
		/* every group after a separator has exactly three digits */
		if (grouped && group != 3)
			return false;
		if (!grouped && group > 3)
			return false;
		grouped = true;
		group = 0;
		i += k;
	}
	if (digits == 0 || (grouped && group != 3) || v > COMP_BUDGET_MAX_KRONER)
		return false;
	*out = v;
	return true;
}

bool comp_parse_ids(const char *s, int64_t *ids, int *n, int cap)
{
	*n = 0;
	if (!s)
		return true;
	const char *p = s;
	while (*p) {
		while (*p == ',' || *p == ' ')
			p++;
		if (!*p)
			break;
		if (*p < '1' || *p > '9')
			return false;
		int64_t v = 0;
		while (*p >= '0' && *p <= '9') {
			if (v > 100000000000000LL)
				return false;
			v = v * 10 + (*p++ - '0');
		}
		if (*p && *p != ',' && *p != ' ')
			return false;
		bool dup = false;
		for (int i = 0; i < *n; i++)
			if (ids[i] == v)
				dup = true;
		if (dup)
			continue;
		if (*n >= cap)
			return false;
		ids[(*n)++] = v;
	}
	return true;
}

/* ---- candidates by the words of a title ---- */

/* Small words that say nothing about a need (bokmål, nynorsk, English),
 * case-folded. */
static const char *const STOP_WORDS[] = {
	"og", "i", "på", "av", "for", "med", "til", "som", "en", "ei", "et", "eit", "ein", "det", "den",
	"dei", "de", "om", "fra", "frå", "ved", "etter", "mot", "hos", "under", "over", "samt", "eller",
	"the", "and", "of", "in", "to", "on", "with", "or", "an",
};

/* The code point at s (valid UTF-8) and its length in bytes. */
static unsigned code_point(const unsigned char *s, int *len)
{
	if (s[0] < 0x80) {
		*len = 1;
		return s[0];
	}
	int k = s[0] >= 0xF0 ? 4 : s[0] >= 0xE0 ? 3 : 2;
	unsigned cp = s[0] & (0x3F >> (k - 1));
	for (int i = 1; i < k && s[i]; i++)
		cp = cp << 6 | (s[i] & 0x3F);
	*len = k;
	return cp;
}

/* Letters and digits: ASCII ones, and beyond ASCII anything but the
 * punctuation, symbols and spaces of Latin-1 and the general punctuation
 * and symbol blocks (dashes, quotes, arrows, bullets). */
static bool word_char(unsigned cp)
{
	if (cp < 0x80)
		return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
	if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7)
		return false;
	return !(cp >= 0x2000 && cp <= 0x2BFF) && !(cp >= 0x3000 && cp <= 0x303F);
}

static bool stop_word(const char *w)
{
	for (size_t i = 0; i < sizeof STOP_WORDS / sizeof STOP_WORDS[0]; i++)
		if (strcmp(w, STOP_WORDS[i]) == 0)
			return true;
	return false;
}

int comp_title_words(struct arena *a, const char *title, char **words, int cap)
{
	char *f = title ? text_fold(a, title) : NULL;
	if (!f)
		return 0;
	int n = 0;
	const unsigned char *p = (const unsigned char *)f;
	while (*p && n < cap) {
		int len;
		while (*p && !word_char(code_point(p, &len)))
			p += len;
		const unsigned char *start = p;
		int letters = 0;
		while (*p && word_char(code_point(p, &len))) {
			p += len;
			letters++;
		}
		if (letters < 2)
			continue;
		char *w = arena_alloc(a, (size_t)(p - start) + 1);
		if (!w)
			return 0;
		memcpy(w, start, (size_t)(p - start));
		if (stop_word(w))
			continue;
		bool dup = false;
		for (int i = 0; i < n && !dup; i++)
			dup = strcmp(words[i], w) == 0;
		if (!dup)
			words[n++] = w;
	}
	return n;
}

/* One word matches another: the same, or the shorter (at least five
 * letters) inside the longer. */
static bool word_matches(const char *x, const char *y)
{
	size_t lx = strlen(x), ly = strlen(y);
	if (lx == ly)
		return strcmp(x, y) == 0;
	const char *shorter = lx < ly ? x : y, *longer = lx < ly ? y : x;
	return utf8_len(shorter) >= 5 && strstr(longer, shorter) != NULL;
}

int comp_words_shared(char *const *words, int n, char *const *o, int no)
{
	int k = 0;
	for (int i = 0; i < n; i++) {
		bool hit = false;
		for (int j = 0; j < no && !hit; j++)
			hit = word_matches(words[i], o[j]);
		k += hit;
	}
	return k;
}

struct scored {
	int score, idx;
};

static int cmp_scored(const void *pa, const void *pb)
{
	const struct scored *x = pa, *y = pb;
	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	return (x->idx > y->idx) - (x->idx < y->idx);
}

int comp_by_words(struct arena *a, const char *title, struct comp_proposed_need *v, int n)
{
	char *words[COMP_WORDS_MAX], *other[COMP_WORDS_MAX];
	int nw = comp_title_words(a, title, words, COMP_WORDS_MAX);
	if (nw == 0 || n <= 0)
		return a->over_cap ? -1 : 0;
	struct scored *s = arena_alloc(a, sizeof *s * (size_t)n);
	struct comp_proposed_need *copy = arena_alloc(a, sizeof *copy * (size_t)n);
	if (!s || !copy)
		return -1;
	/* each title's folded words go once it is scored: a scratch arena */
	struct arena scratch;
	arena_init(&scratch, 1 << 16);
	int k = 0;
	for (int i = 0; i < n; i++) {
		int no = comp_title_words(&scratch, v[i].title, other, COMP_WORDS_MAX);
		int score = comp_words_shared(words, nw, other, no);
		arena_reset(&scratch);
		if (score > 0)
			s[k++] = (struct scored){ score, i };
	}
	arena_free(&scratch);
	qsort(s, (size_t)k, sizeof *s, cmp_scored);
	memcpy(copy, v, sizeof *copy * (size_t)n);
	for (int i = 0; i < k; i++)
		v[i] = copy[s[i].idx];
	return k;
}

/* ---- audit ---- */

static bool same(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "") == 0;
}

static void pair_str(struct jw *w, const char *field, const char *before, const char *after)
{
	jw_key(w, field);
	jw_arr(w);
	jw_str(w, before);
	jw_str(w, after);
	jw_arr_end(w);
}

/* An integer where -1 (or 0 for ids, levels) means "none": written null. */
static void opt_int(struct jw *w, int64_t v, int64_t none)
{
	if (v == none)
		jw_null(w);
	else
		jw_int(w, v);
}

static void pair_int(struct jw *w, const char *field, bool has0, int64_t v0, bool has1, int64_t v1,
		     int64_t none)
{
	jw_key(w, field);
	jw_arr(w);
	if (has0) opt_int(w, v0, none); else jw_null(w);
	if (has1) opt_int(w, v1, none); else jw_null(w);
	jw_arr_end(w);
}

static void refs(struct jw *w, const struct comp_ref *r, int n)
{
	jw_arr(w);
	for (int i = 0; i < n; i++)
		jw_int(w, r[i].id);
	jw_arr_end(w);
}

static bool same_refs(const struct comp_ref *a, int na, const struct comp_ref *b, int nb)
{
	if (na != nb)
		return false;
	for (int i = 0; i < na; i++) {
		bool found = false;
		for (int j = 0; j < nb && !found; j++)
			found = a[i].id == b[j].id;
		if (!found)
			return false;
	}
	return true;
}

static void pair_refs(struct jw *w, const char *field, const struct comp_ref *r0, int n0, bool has0,
		      const struct comp_ref *r1, int n1, bool has1)
{
	jw_key(w, field);
	jw_arr(w);
	if (has0) refs(w, r0, n0); else jw_null(w);
	if (has1) refs(w, r1, n1); else jw_null(w);
	jw_arr_end(w);
}

void comp_audit_need(struct buf *b, const struct decided_need *before, const struct decided_need *after)
{
	const struct decided_need *x = before, *y = after;
	bool all = !x || !y;
	struct jw w;
	jw_init(&w, b);
	jw_obj(&w);
	if (all || !same(x->title, y->title))
		pair_str(&w, "title", x ? x->title : NULL, y ? y->title : NULL);
	if (all || !same(x->description, y->description))
		pair_str(&w, "description", x ? x->description : NULL, y ? y->description : NULL);
	if (all || x->scope != y->scope)
		pair_str(&w, "scope", x ? need_scope_name(x->scope) : NULL, y ? need_scope_name(y->scope) : NULL);
	if (all || x->unit_id != y->unit_id)
		pair_int(&w, "unit_id", x, x ? x->unit_id : 0, y, y ? y->unit_id : 0, 0);
	if (all || x->competence_id != y->competence_id)
		pair_int(&w, "competence_id", x, x ? x->competence_id : 0, y, y ? y->competence_id : 0, 0);
	if (all || x->criticality != y->criticality)
		pair_str(&w, "criticality", x ? criticality_name(x->criticality) : NULL,
			 y ? criticality_name(y->criticality) : NULL);
	if (all || x->required_level != y->required_level)
		pair_int(&w, "required_level", x, x ? x->required_level : 0, y, y ? y->required_level : 0, 0);
	if (all || x->horizon != y->horizon)
		pair_str(&w, "horizon", x ? horizon_name(x->horizon) : NULL, y ? horizon_name(y->horizon) : NULL);
	if (all || x->people_affected != y->people_affected)
		pair_int(&w, "people_affected", x, x ? x->people_affected : -1, y,
			 y ? y->people_affected : -1, -1);
	if (all || !same_refs(x->sources, x->nsources, y->sources, y->nsources))
		pair_refs(&w, "sources", x ? x->sources : NULL, x ? x->nsources : 0, x,
			  y ? y->sources : NULL, y ? y->nsources : 0, y);
	if (all || !same_refs(x->goals, x->ngoals, y->goals, y->ngoals))
		pair_refs(&w, "goals", x ? x->goals : NULL, x ? x->ngoals : 0, x, y ? y->goals : NULL,
			  y ? y->ngoals : 0, y);
	jw_obj_end(&w);
}

void comp_audit_measure(struct buf *b, const struct decided_measure *before,
			const struct decided_measure *after)
{
	const struct decided_measure *x = before, *y = after;
	bool all = !x || !y;
	struct jw w;
	jw_init(&w, b);
	jw_obj(&w);
	if (all || x->kind != y->kind)
		pair_str(&w, "kind", x ? measure_kind_name(x->kind) : NULL, y ? measure_kind_name(y->kind) : NULL);
	if (all || !same(x->title, y->title))
		pair_str(&w, "title", x ? x->title : NULL, y ? y->title : NULL);
	if (all || !same(x->description, y->description))
		pair_str(&w, "description", x ? x->description : NULL, y ? y->description : NULL);
	if (all || x->scope != y->scope)
		pair_str(&w, "scope", x ? measure_scope_name(x->scope) : NULL,
			 y ? measure_scope_name(y->scope) : NULL);
	if (all || x->unit_id != y->unit_id)
		pair_int(&w, "unit_id", x, x ? x->unit_id : 0, y, y ? y->unit_id : 0, 0);
	if (all || !same(x->owner, y->owner))
		pair_str(&w, "owner", x ? x->owner : NULL, y ? y->owner : NULL);
	if (all || !same(x->deadline, y->deadline))
		pair_str(&w, "deadline", x && x->deadline && *x->deadline ? x->deadline : NULL,
			 y && y->deadline && *y->deadline ? y->deadline : NULL);
	if (all || x->budget != y->budget)
		pair_int(&w, "budget", x, x ? x->budget : -1, y, y ? y->budget : -1, -1);
	if (all || !same_refs(x->needs, x->nneeds, y->needs, y->nneeds))
		pair_refs(&w, "needs", x ? x->needs : NULL, x ? x->nneeds : 0, x, y ? y->needs : NULL,
			  y ? y->nneeds : 0, y);
	if (all || !same_refs(x->sources, x->nsources, y->sources, y->nsources))
		pair_refs(&w, "sources", x ? x->sources : NULL, x ? x->nsources : 0, x,
			  y ? y->sources : NULL, y ? y->nsources : 0, y);
	jw_obj_end(&w);
}

/* ---- rolling the heat map up the unit tree ---- */

int64_t heat_default_node(const struct heat_unit *tree, int n)
{
	int64_t root = 0;
	int roots = 0;
	for (int i = 0; i < n; i++)
		if (tree[i].depth == 0) {
			root = tree[i].id;
			roots++;
		}
	return roots == 1 ? root : 0;
}

struct tree_pos {
	int64_t id;
	int pos;
};

static int cmp_tree_pos(const void *a, const void *b)
{
	const struct tree_pos *x = a, *y = b;
	return x->id < y->id ? -1 : x->id > y->id;
}

struct rolled {
	struct heat_count c;
	int row, src, idx;
};

static int cmp_rolled(const void *a, const void *b)
{
	const struct rolled *x = a, *y = b;
	if (x->row != y->row)
		return x->row - y->row;
	if (x->src != y->src)
		return x->src - y->src;
	return x->idx - y->idx;
}

enum err heat_roll_up(struct arena *a, const struct heat_unit *tree, int ntree, int64_t node,
		      const struct heat_count *counts, int ncounts, struct heat_count **out, int *nout)
{
	*out = NULL;
	*nout = 0;
	/* row[p]: the tree position of the row unit p counts in; -1 outside */
	int *row = arena_alloc(a, sizeof *row * (size_t)(ntree > 0 ? ntree : 1));
	struct tree_pos *ix = arena_alloc(a, sizeof *ix * (size_t)(ntree > 0 ? ntree : 1));
	struct rolled *r = arena_alloc(a, sizeof *r * (size_t)(ncounts > 0 ? ncounts : 1));
	if (!row || !ix || !r)
		return ERR_TOO_BIG;
	int start = 0, top_depth = 0;
	if (node) {
		start = -1;
		for (int i = 0; i < ntree && start < 0; i++)
			if (tree[i].id == node)
				start = i;
		if (start < 0)
			return ERR_NOTFOUND;
		top_depth = tree[start].depth + 1;
	}
	int current = -1;
	bool past = false;   /* past node's subtree: the rest stays outside */
	for (int i = 0; i < ntree; i++) {
		row[i] = -1;
		ix[i] = (struct tree_pos){ tree[i].id, i };
		if (node && i <= start) {
			if (i == start)
				row[i] = i;
			continue;
		}
		if (past || tree[i].depth < top_depth) {
			past = true;
			continue;
		}
		if (tree[i].depth == top_depth)
			current = i;
		row[i] = current;
	}
	qsort(ix, (size_t)ntree, sizeof *ix, cmp_tree_pos);
	int k = 0;
	for (int i = 0; i < ncounts; i++) {
		struct tree_pos key = { .id = counts[i].unit_id };
		const struct tree_pos *f = NULL;
		if (ntree > 0)
			f = bsearch(&key, ix, (size_t)ntree, sizeof *ix, cmp_tree_pos);
		if (!f || row[f->pos] < 0)
			continue;
		const struct heat_unit *ru = &tree[row[f->pos]];
		r[k] = (struct rolled){ counts[i], row[f->pos], f->pos, i };
		r[k].c.unit_id = ru->id;
		r[k].c.unit_name = (char *)ru->name;
		r[k].c.source_unit_id = counts[i].unit_id;
		k++;
	}
	qsort(r, (size_t)k, sizeof *r, cmp_rolled);
	struct heat_count *v = arena_alloc(a, sizeof *v * (size_t)(k > 0 ? k : 1));
	if (!v)
		return ERR_TOO_BIG;
	for (int i = 0; i < k; i++)
		v[i] = r[i].c;
	*out = v;
	*nout = k;
	return OK;
}

int64_t decided_row_id(const struct decided_row *d)
{
	return d->measure ? d->m.id : d->need.id;
}

void decided_row_sources(struct decided_row *d, struct comp_ref ***sources, int **n)
{
	*sources = d->measure ? &d->m.sources : &d->need.sources;
	*n = d->measure ? &d->m.nsources : &d->need.nsources;
}

void validate_decided(const struct decided_row *d, struct field_errors *fe)
{
	if (d->measure)
		validate_decided_measure(&d->m, fe);
	else
		validate_decided_need(&d->need, fe);
}

void comp_audit_decided(struct buf *b, bool measure, const struct decided_row *before,
			const struct decided_row *after)
{
	if (measure)
		comp_audit_measure(b, before ? &before->m : NULL, after ? &after->m : NULL);
	else
		comp_audit_need(b, before ? &before->need : NULL, after ? &after->need : NULL);
}
