/* people.c — the employees. Lists are ordered by name in Norwegian
 * collation, then id, and paged by a keyset cursor (the last row's name and
 * id). The order is that of people.name_key, the name's binary ICU sort key
 * (text_sort_key), written here with every name, so both databases sort and
 * seek by plain byte comparison; the cursor's name is turned into its key
 * here. So a page costs the same wherever it starts and no row is skipped
 * or repeated while others are added. Each shape of list (everyone, one
 * unit, a search) has its own statement, so every one can use its index: a
 * unit's list walks people_unit_name from the cursor. Search runs on
 * person_words, the folded words of each name (and the folded e-mail
 * address and employee number whole), kept by store_person_insert and
 * store_person_update: each word of the folded query must begin a word of
 * the name, or a one-word query begins the e-mail address or the employee
 * number. A query word is a byte range on word ([w, w with its last code
 * point incremented)), computed here, so both databases seek the same
 * index. Each row of person_words carries the person's name_key, active
 * and unit_id, so a search with a rare word reads that word's matches from
 * person_words' key alone and keeps the page's first rows by name_key (a
 * memcmp); one whose every word is common walks the name order instead and
 * stops at the page's end, probing each person's words (see search_plan).
 * A person write also keeps units.active_people; a write is several
 * statements, so callers run it in a write transaction (pages, API, import
 * and demo all do). */
#include "store/store_int.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/text.h"

/* The words of a query that are matched. A query with more distinct words
 * (none a prefix of another) is matched on its SEARCH_WORDS longest ones. */
enum { SEARCH_WORDS = 6, SEARCH_PROBES = SEARCH_WORDS - 1 };

/* A search whose rarest word has fewer matches than this reads them and
 * sorts; otherwise it walks the name order (see search_plan). High, since
 * a walk is cheap only when the matches are spread over the name order, and
 * prefixes of first names are not: "tor" (2.9 % of 100 000 people) walked
 * all the names before T (300 ms) but sorts its matches in 7 ms. */
int store_search_sort_max = 50000;

/* A search whose first word begins at most this many distinct name words
 * merges them (see search_merge); more, and it takes search_plan's way. */
int store_search_merge_max = 48;

#define PERSON_COLUMNS \
	"SELECT p.id, p.name, p.email, p.employee_number, p.unit_id, un.name, p.job_title," \
	" p.active, us.id"
#define PERSON_JOINS \
	" LEFT JOIN units un ON un.id = p.unit_id LEFT JOIN users us ON us.person_id = p.id"
#define PERSON_SELECT \
	"SELECT p.id, p.name, p.email, p.employee_number, p.unit_id, un.name, p.job_title," \
	" p.active, us.id FROM people p" PERSON_JOINS

static void person_row(struct store_q *q, struct arena *a, struct person *p)
{
	p->id = store_q_col_int(q, 0);
	p->name = store_q_col_text(q, a, 1);
	p->email = store_q_col_text(q, a, 2);
	p->employee_number = store_q_col_text(q, a, 3);
	p->unit_id = store_q_col_int(q, 4);
	p->unit_name = store_q_col_text(q, a, 5);
	p->job_title = store_q_col_text(q, a, 6);
	p->active = store_q_col_int(q, 7) != 0;
	p->user_id = store_q_col_int(q, 8);
}

static enum err person_one(struct store_q *q, struct arena *a, struct person *out)
{
	if (store_q_row(q))
		person_row(q, a, out);
	else if (!q->err)
		q->err = ERR_NOTFOUND;
	return store_q_done(q);
}

static bool is_space(char ch)
{
	return ch == ' ' || ch == '\t';
}

/* ---- words and prefix ranges ---- */

/* The end of the byte range of strings that begin with w: w with its last
 * code point incremented (UTF-8 byte order is code point order). Skips the
 * surrogates; a last U+10FFFF is dropped and the one before incremented.
 * A word of U+10FFFF only gives an empty range. NULL over the arena's cap. */
static char *prefix_end(struct arena *a, const char *w)
{
	size_t n = strlen(w);
	char *d = arena_alloc(a, n + 1);
	if (!d)
		return NULL;
	memcpy(d, w, n + 1);
	while (n > 0) {
		size_t i = n - 1;
		while (i > 0 && ((unsigned char)d[i] & 0xc0) == 0x80)
			i--;
		const unsigned char *u = (const unsigned char *)d + i;
		uint32_t cp = u[0] < 0x80   ? u[0]
			      : u[0] < 0xe0 ? (uint32_t)(u[0] & 0x1f)
			      : u[0] < 0xf0 ? (uint32_t)(u[0] & 0x0f)
					    : (uint32_t)(u[0] & 0x07);
		for (size_t k = i + 1; k < n; k++)
			cp = cp << 6 | (uint32_t)(d[k] & 0x3f);
		cp++;
		if (cp == 0xd800)
			cp = 0xe000;
		if (cp > 0x10ffff) {
			n = i;
			continue;
		}
		unsigned char *o = (unsigned char *)d + i;
		if (cp < 0x80) {
			*o++ = (unsigned char)cp;
		} else if (cp < 0x800) {
			*o++ = (unsigned char)(0xc0 | cp >> 6);
			*o++ = (unsigned char)(0x80 | (cp & 0x3f));
		} else if (cp < 0x10000) {
			*o++ = (unsigned char)(0xe0 | cp >> 12);
			*o++ = (unsigned char)(0x80 | (cp >> 6 & 0x3f));
			*o++ = (unsigned char)(0x80 | (cp & 0x3f));
		} else {
			*o++ = (unsigned char)(0xf0 | cp >> 18);
			*o++ = (unsigned char)(0x80 | (cp >> 12 & 0x3f));
			*o++ = (unsigned char)(0x80 | (cp >> 6 & 0x3f));
			*o++ = (unsigned char)(0x80 | (cp & 0x3f));
		}
		*o = '\0';
		return d;
	}
	return memcpy(d, w, strlen(w) + 1);   /* empty range [w, w) */
}

struct search_word {
	const char *lo, *hi;   /* the range [lo, hi) of words it begins */
	size_t len;
};

static int word_longer(const void *pa, const void *pb)
{
	const struct search_word *a = pa, *b = pb;
	return (a->len < b->len) - (a->len > b->len);
}

/* Splits the folded query into its distinct words, leaving out a word that
 * begins another (that one's match implies its own), longest first, at
 * most SEARCH_WORDS. *n is 0 for an empty query. */
static enum err search_words(struct arena *a, const char *text, struct search_word *out, int *n)
{
	*n = 0;
	if (!text)
		return OK;
	char *f = text_fold(a, text);
	if (!f)
		return a->over_cap ? ERR_TOO_BIG : ERR_INVALID;
	enum { MAX = 64 };
	struct search_word all[MAX];
	int m = 0;
	for (char *p = f; *p && m < MAX;) {
		while (is_space(*p))
			p++;
		if (!*p)
			break;
		char *w = p;
		while (*p && !is_space(*p))
			p++;
		if (*p)
			*p++ = '\0';
		all[m++] = (struct search_word){ .lo = w, .len = strlen(w) };
	}
	bool drop[MAX] = { false };
	for (int i = 0; i < m; i++)
		for (int j = 0; j < m && !drop[i]; j++)
			drop[i] = j != i && strncmp(all[j].lo, all[i].lo, all[i].len) == 0 &&
				  (all[j].len > all[i].len || j < i);
	int k = 0;
	for (int i = 0; i < m; i++)
		if (!drop[i])
			all[k++] = all[i];
	qsort(all, (size_t)k, sizeof *all, word_longer);
	*n = k < SEARCH_WORDS ? k : SEARCH_WORDS;
	memcpy(out, all, (size_t)*n * sizeof *out);
	for (int i = 0; i < *n; i++)
		if (!(out[i].hi = prefix_end(a, out[i].lo)))
			return ERR_TOO_BIG;
	return OK;
}

/* ---- the list statements, one per shape ---- */

/* The plain lists. $1, $2: the cursor (the name's sort key, id), (empty,
 * 0) for the first page (the extra name_key >= $1 lets the index seek to
 * the cursor); $3: include inactive; $4: the page size; $5: the unit. */
#define LIST_AFTER \
	" p.name_key >= $1 AND (p.name_key, p.id) > ($1, $2) AND ($3 = 1 OR p.active = 1)"
#define LIST_ORDER " ORDER BY p.name_key, p.id"

static const char SQL_PEOPLE_ALL[] = PERSON_SELECT " WHERE" LIST_AFTER LIST_ORDER " LIMIT $4";
static const char SQL_PEOPLE_UNIT[] =
	PERSON_SELECT " WHERE p.unit_id = $5 AND" LIST_AFTER LIST_ORDER " LIMIT $4";

/* Searches: $1..$4 as above, $5, $6: the first word's range, $7: 1 when
 * the query is one word (the e-mail address and employee number count);
 * $8..$17: the other words' ranges ('' when unused: the probe is skipped);
 * $18: the unit. */
#define WORD_KINDS(alias) " AND (" alias "kind = 'n' OR $7 = 1)"
#define PROBE(id, lo, hi) \
	" AND ($" #lo " = '' OR EXISTS (SELECT 1 FROM person_words x WHERE x.person_id = " id \
	" AND x.kind = 'n' AND x.word >= $" #lo " AND x.word < $" #hi "))"
#define PROBES(id) \
	PROBE(id, 8, 9) PROBE(id, 10, 11) PROBE(id, 12, 13) PROBE(id, 14, 15) PROBE(id, 16, 17)
#define PROBE_FIRST \
	" AND EXISTS (SELECT 1 FROM person_words w WHERE w.person_id = p.id" \
	" AND w.word >= $5 AND w.word < $6" WORD_KINDS("w.") ")"

/* Walk: the name order (or the unit's), each person's words probed. */
static const char SQL_SEARCH_WALK[] =
	PERSON_SELECT " WHERE" LIST_AFTER PROBE_FIRST PROBES("p.id") LIST_ORDER " LIMIT $4";
static const char SQL_SEARCH_WALK_UNIT[] = PERSON_SELECT " WHERE p.unit_id = $18 AND" LIST_AFTER
	PROBE_FIRST PROBES("p.id") LIST_ORDER " LIMIT $4";

/* Sort: the first (rarest) word's matches from person_words alone (its
 * key holds name_key, active and unit_id: index-only), filtered, sorted by
 * key down to $4 rows (a bounded sort: each match is compared with the
 * page's last row, the page alone is kept), then joined; column 9 is the
 * key. A person whose name has two words in the range (or whose e-mail
 * address matches too) comes once per matching word: the rows of a person
 * are adjacent, and store_people_list skips the repeats and reads on from
 * the last row when they left the page short. Deduplicating in SQL (GROUP
 * BY) sorted every match in full: 15 ms for "an"'s 9 000. */
#define SORT_MATCHES \
	" FROM (SELECT w.person_id AS id, w.name_key AS k FROM person_words w" \
	" WHERE w.word >= $5 AND w.word < $6" WORD_KINDS("w.") \
	" AND w.name_key >= $1 AND (w.name_key, w.person_id) > ($1, $2) AND ($3 = 1 OR w.active = 1)"
#define SORT_PAGE \
	PROBES("w.person_id") " ORDER BY w.name_key, w.person_id LIMIT $4) s" \
	" JOIN people p ON p.id = s.id" PERSON_JOINS " ORDER BY s.k, s.id"
static const char SQL_SEARCH_SORT[] = PERSON_COLUMNS ", s.k" SORT_MATCHES SORT_PAGE;
static const char SQL_SEARCH_SORT_UNIT[] =
	PERSON_COLUMNS ", s.k" SORT_MATCHES " AND w.unit_id = $18" SORT_PAGE;

/* How many words begin with the range's prefix, counted up to $4. */
static const char SQL_SEARCH_COUNT[] =
	"SELECT count(*) FROM (SELECT 1 FROM person_words WHERE word >= $1 AND word < $2"
	" AND (kind = 'n' OR $3 = 1) LIMIT $4) x";

/* Which plan: reading the rarest word's matches and sorting them costs
 * about 0.5 us per match; walking the name order costs from the cursor to
 * the page's last match. The rarest word is moved first; *sort tells the
 * plan. */
static enum err search_plan(struct store_conn *c, struct search_word *w, int n, bool one_word,
			    bool *sort)
{
	int64_t best = -1;
	int at = 0;
	for (int i = 0; i < n; i++) {
		struct store_q q;
		int64_t k = 0;
		store_q_prepare(&q, c, SQL_SEARCH_COUNT);
		store_q_text(&q, 1, w[i].lo);
		store_q_text(&q, 2, w[i].hi);
		store_q_int(&q, 3, one_word);
		store_q_int(&q, 4, store_search_sort_max);
		if (store_q_row(&q))
			k = store_q_col_int(&q, 0);
		enum err e = store_q_done(&q);
		if (e)
			return e;
		if (best < 0 || k < best) {
			best = k;
			at = i;
		}
	}
	struct search_word t = w[0];
	w[0] = w[at];
	w[at] = t;
	*sort = best < store_search_sort_max;
	return OK;
}

/* ---- the merge: each matching word's run in name order ---- */

/* The next distinct name word in [$1, $2), through person_words_name_order. */
static const char SQL_SEARCH_NEXT_WORD[] =
	"SELECT word FROM person_words WHERE kind = 'n' AND word >= $1 AND word < $2"
	" ORDER BY word LIMIT 1";

/* One word's persons in name order after the cursor ($1, $2), filtered as
 * the lists are ($3 inactive, $16 the unit or 0), with the other words
 * probed ($6..$15), no further than the page's worst key so far ($17 = 1:
 * $18), at most $4 rows. $5: the word. The partial index gives the order.
 * The numbers run without a gap in both statements: PostgreSQL must infer
 * the type of every parameter up to the highest. */
#define MERGE_FILTERS \
	" AND w.name_key >= $1 AND (w.name_key, w.person_id) > ($1, $2) AND ($3 = 1 OR w.active = 1)" \
	" AND ($16 = 0 OR w.unit_id = $16) AND ($17 = 0 OR w.name_key <= $18)" \
	PROBE("w.person_id", 6, 7) PROBE("w.person_id", 8, 9) PROBE("w.person_id", 10, 11) \
	PROBE("w.person_id", 12, 13) PROBE("w.person_id", 14, 15) \
	" ORDER BY w.name_key, w.person_id LIMIT $4"
enum { MERGE_PROBE_AT = 6, MERGE_UNIT = 16, MERGE_FULL = 17, MERGE_WORST = 18, MERGE_RANGE_HI = 19 };
static const char SQL_SEARCH_RUN[] =
	"SELECT w.name_key, w.person_id FROM person_words w WHERE w.kind = 'n' AND w.word = $5"
	MERGE_FILTERS;
/* A one-word query also matches e-mail addresses and employee numbers
 * ($5, $19: the range): one word a person, so these are read and sorted
 * (down to the page, and only those before the worst key so far). */
static const char SQL_SEARCH_OTHER_KINDS[] =
	"SELECT w.name_key, w.person_id FROM person_words w WHERE w.word >= $5 AND w.word < $19"
	" AND w.kind <> 'n'" MERGE_FILTERS;

struct merge_row {
	const unsigned char *key;
	size_t klen;
	int64_t id;
};

/* Byte order of (key, id), as both databases order BLOB/bytea then id. */
static int merge_cmp(const void *pa, const void *pb)
{
	const struct merge_row *a = pa, *b = pb;
	size_t n = a->klen < b->klen ? a->klen : b->klen;
	int r = n ? memcmp(a->key, b->key, n) : 0;
	if (!r)
		r = (a->klen > b->klen) - (a->klen < b->klen);
	return r ? r : (a->id > b->id) - (a->id < b->id);
}

struct merge {
	struct merge_row *rows;
	int n, limit;       /* rows holds up to 2 * limit, kept down to limit */
};

/* Keeps the page's first limit rows: sort, drop a person's repeats (two
 * words of one name in the range), cut. */
static void merge_trim(struct merge *m)
{
	qsort(m->rows, (size_t)m->n, sizeof *m->rows, merge_cmp);
	int k = 0;
	for (int i = 0; i < m->n; i++)
		if (k == 0 || m->rows[k - 1].id != m->rows[i].id)
			m->rows[k++] = m->rows[i];
	m->n = k < m->limit ? k : m->limit;
}

/* Runs one run statement (prepared, its word or range bound) and adds its rows. */
static enum err merge_run(struct arena *a, struct store_q *sq,
			  const struct person_query *q, const struct search_word *w, int nw,
			  const unsigned char *key, size_t klen, int64_t after_id, struct merge *m)
{
	store_q_blob(sq, 1, key, klen);
	store_q_int(sq, 2, after_id);
	store_q_int(sq, 3, q->include_inactive);
	store_q_int(sq, 4, m->limit);
	for (int i = 0; i < SEARCH_PROBES; i++) {
		store_q_text(sq, MERGE_PROBE_AT + 2 * i, i + 1 < nw ? w[i + 1].lo : "");
		store_q_text(sq, MERGE_PROBE_AT + 1 + 2 * i, i + 1 < nw ? w[i + 1].hi : "");
	}
	store_q_int(sq, MERGE_UNIT, q->unit_id);
	bool full = m->n == m->limit;
	store_q_int(sq, MERGE_FULL, full);
	if (full)
		store_q_blob(sq, MERGE_WORST, m->rows[m->n - 1].key, m->rows[m->n - 1].klen);
	else
		store_q_blob(sq, MERGE_WORST, NULL, 0);
	while (store_q_row(sq)) {
		struct merge_row *r = &m->rows[m->n++];
		r->id = store_q_col_int(sq, 1);
		if (!(r->key = store_q_col_blob(sq, a, 0, &r->klen))) {
			m->n--;   /* the statement's error, or a NULL key the schema forbids */
			break;
		}
		if (m->n == 2 * m->limit)
			merge_trim(m);
	}
	return store_q_done(sq);
}

/* The matches of the first word's distinct name words, each read in name
 * order from the cursor and merged: about the page's rows per word, not
 * every match. *done false (nothing read) when the first word begins more
 * than store_search_merge_max distinct words: the other plans take it. */
static enum err search_merge(struct store_conn *c, struct arena *a, const struct person_query *q,
			     const struct search_word *w, int nw, const unsigned char *key,
			     size_t klen, int64_t after_id, int64_t **ids, int *nids, bool *done)
{
	*done = false;
	int max = store_search_merge_max;
	const char **words = arena_alloc(a, (size_t)(max > 0 ? max : 1) * sizeof *words);
	if (!words)
		return store_fail(c, ERR_TOO_BIG, "the arena's cap was reached");
	int k = 0;
	const char *from = w[0].lo;
	for (;;) {
		struct store_q sq;
		store_q_prepare(&sq, c, SQL_SEARCH_NEXT_WORD);
		store_q_text(&sq, 1, from);
		store_q_text(&sq, 2, w[0].hi);
		char *word = store_q_row(&sq) ? store_q_col_text(&sq, a, 0) : NULL;
		enum err e = store_q_done(&sq);
		if (e)
			return e;
		if (!word)
			break;
		if (k == max)
			return OK;   /* too many words: not merged */
		words[k++] = word;
		/* the next word after this one: nothing lies between word and
		 * word + U+0001 but word itself (words hold no NUL) */
		if (!(from = arena_printf(a, "%s\x01", word)))
			return store_fail(c, ERR_TOO_BIG, "the arena's cap was reached");
	}
	struct merge m = { .limit = q->limit };
	if (!(m.rows = arena_alloc(a, (size_t)(2 * q->limit) * sizeof *m.rows)))
		return store_fail(c, ERR_TOO_BIG, "the arena's cap was reached");
	for (int i = 0; i < k; i++) {
		struct store_q sq;
		store_q_prepare(&sq, c, SQL_SEARCH_RUN);
		store_q_text(&sq, 5, words[i]);
		enum err e = merge_run(a, &sq, q, w, nw, key, klen, after_id, &m);
		if (e)
			return e;
	}
	if (nw == 1) {
		struct store_q sq;
		store_q_prepare(&sq, c, SQL_SEARCH_OTHER_KINDS);
		store_q_text(&sq, 5, w[0].lo);
		store_q_text(&sq, MERGE_RANGE_HI, w[0].hi);
		enum err e = merge_run(a, &sq, q, w, nw, key, klen, after_id, &m);
		if (e)
			return e;
	}
	merge_trim(&m);
	int64_t *v = arena_alloc(a, (size_t)(m.n ? m.n : 1) * sizeof *v);
	if (!v)
		return store_fail(c, ERR_TOO_BIG, "the arena's cap was reached");
	for (int i = 0; i < m.n; i++)
		v[i] = m.rows[i].id;
	*ids = v;
	*nids = m.n;
	*done = true;
	return OK;
}

/* The statement of the list's shape. */
static void list_prepare(struct store_q *sq, struct store_conn *c, bool search, bool sort, bool unit)
{
	if (!search && !unit)
		store_q_prepare(sq, c, SQL_PEOPLE_ALL);
	else if (!search)
		store_q_prepare(sq, c, SQL_PEOPLE_UNIT);
	else if (sort && !unit)
		store_q_prepare(sq, c, SQL_SEARCH_SORT);
	else if (sort)
		store_q_prepare(sq, c, SQL_SEARCH_SORT_UNIT);
	else if (!unit)
		store_q_prepare(sq, c, SQL_SEARCH_WALK);
	else
		store_q_prepare(sq, c, SQL_SEARCH_WALK_UNIT);
}

enum err store_people_list(struct store_conn *c, struct arena *a, const struct person_query *q,
			   struct person **out, int *n)
{
	if (q->limit < 1 || q->limit > 500)
		return store_fail(c, ERR_INVALID, "limit %d is out of range 1..500", q->limit);
	struct search_word words[SEARCH_WORDS];
	int nw = 0;
	enum err e = search_words(a, q->text, words, &nw);
	if (e)
		return store_fail(c, e, "the search text cannot be used");
	struct person *v = arena_alloc(a, (size_t)q->limit * sizeof *v);
	if (!v)
		return store_fail(c, ERR_TOO_BIG, "the arena's cap was reached");
	size_t klen = 0;
	const unsigned char *key = NULL;
	if (q->after_name && !(key = text_sort_key(a, q->after_name, &klen)))
		return store_fail(c, a->over_cap ? ERR_TOO_BIG : ERR_INVALID, "the cursor cannot be used");
	int64_t after_id = q->after_name ? q->after_id : 0;
	if (nw) {
		int64_t *ids;
		int nids;
		bool merged;
		if ((e = search_merge(c, a, q, words, nw, key, klen, after_id, &ids, &nids, &merged)) != OK)
			return e;
		if (merged) {
			for (int i = 0; i < nids; i++)
				if ((e = store_person_get(c, a, ids[i], &v[i])) != OK)
					return e;
			*out = v;
			*n = nids;
			return OK;
		}
	}
	bool sort = false;
	if (nw && (e = search_plan(c, words, nw, nw == 1, &sort)) != OK)
		return e;
	/* a sort's rows may repeat a person (see SORT_PAGE): twice the page
	 * covers the usual one repeat (a name word and the e-mail address) */
	int rows_max = sort && nw ? 2 * q->limit : q->limit;
	struct store_q sq;
	int len = 0;
	for (;;) {
		list_prepare(&sq, c, nw > 0, sort, q->unit_id != 0);
		store_q_blob(&sq, 1, key, klen);
		store_q_int(&sq, 2, after_id);
		store_q_int(&sq, 3, q->include_inactive);
		store_q_int(&sq, 4, rows_max);
		if (nw == 0) {
			if (q->unit_id)
				store_q_int(&sq, 5, q->unit_id);
		} else {
			store_q_text(&sq, 5, words[0].lo);
			store_q_text(&sq, 6, words[0].hi);
			store_q_int(&sq, 7, nw == 1);
			for (int i = 0; i < SEARCH_PROBES; i++) {
				store_q_text(&sq, 8 + 2 * i, i + 1 < nw ? words[i + 1].lo : "");
				store_q_text(&sq, 9 + 2 * i, i + 1 < nw ? words[i + 1].hi : "");
			}
			if (q->unit_id)
				store_q_int(&sq, 18, q->unit_id);
		}
		if (!(sort && nw)) {
			while (len < q->limit && store_q_row(&sq))
				person_row(&sq, a, &v[len++]);
			break;
		}
		int rows = 0;
		int64_t last = len ? v[len - 1].id : 0;
		while (len < q->limit && store_q_row(&sq)) {
			rows++;
			int64_t id = store_q_col_int(&sq, 0);
			after_id = id;
			key = store_q_col_blob(&sq, a, 9, &klen);
			if (id != last)
				person_row(&sq, a, &v[len++]);
			last = id;
		}
		if (len == q->limit || rows < rows_max || sq.err)
			break;
		if ((e = store_q_done(&sq)) != OK)
			return e;
	}
	if ((e = store_q_done(&sq)) == OK) {
		*out = v;
		*n = len;
	}
	return e;
}

static const char SQL_PERSON_GET[] = PERSON_SELECT " WHERE p.id = $1";

enum err store_person_get(struct store_conn *c, struct arena *a, int64_t id, struct person *out)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_PERSON_GET);
	store_q_int(&q, 1, id);
	return person_one(&q, a, out);
}

static const char SQL_PERSON_UNIT_ACTIVE[] = "SELECT unit_id, active FROM people WHERE id = $1";

enum err store_person_unit_active(struct store_conn *c, int64_t id, int64_t *unit_id, bool *active)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_PERSON_UNIT_ACTIVE);
	store_q_int(&q, 1, id);
	if (store_q_row(&q)) {
		*unit_id = store_q_col_int(&q, 0);
		*active = store_q_col_int(&q, 1) != 0;
	} else if (!q.err) {
		q.err = ERR_NOTFOUND;
	}
	return store_q_done(&q);
}

static const char SQL_PERSON_BY_NUMBER[] = PERSON_SELECT " WHERE p.employee_number = $1";

enum err store_person_by_number(struct store_conn *c, struct arena *a, const char *number,
				struct person *out)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_PERSON_BY_NUMBER);
	store_q_text(&q, 1, number);
	return person_one(&q, a, out);
}

/* Folds the name into a scratch arena; the caller frees it. */
static char *person_fold(struct store_conn *c, struct arena *tmp, const char *name, enum err *e)
{
	char *f = name && *name ? text_fold(tmp, name) : NULL;
	if (!f)
		*e = store_fail(c, ERR_INVALID, "a person needs a name in valid UTF-8");
	return f;
}

/* One row of person_words. The person's name_key, active and unit_id are
 * copied into each (a search sorts from person_words alone). One statement
 * a word, not one INSERT ... SELECT a person: a statement that may write
 * several rows keeps a statement journal (a copy of every page it touches),
 * which cost more than the per-statement overhead it saved. */
static const char SQL_WORD_INSERT[] =
	"INSERT INTO person_words (word, person_id, kind, name_key, active, unit_id)"
	" VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING";
static const char SQL_WORDS_DELETE[] = "DELETE FROM person_words WHERE person_id = $1";
/* Bulk mode's INSERT of BULK_ROWS word rows at once, in key order: a
 * sixteenth of the statements (each run's start, bindings, reset and halt
 * were half of a row's cost), and one round trip instead of sixteen on
 * PostgreSQL. It may write several rows, so SQLite keeps a statement journal
 * for it, but rows in key order touch the same few pages. */
enum { BULK_ROWS = 16, WORD_COLUMNS = 6 };
#define WORD_ROW(a, b, c, d, e, f) \
	"($" #a ", $" #b ", $" #c ", $" #d ", $" #e ", $" #f ")"
static const char SQL_WORD_INSERT_MANY[] =
	"INSERT INTO person_words (word, person_id, kind, name_key, active, unit_id) VALUES "
	WORD_ROW(1, 2, 3, 4, 5, 6) ", " WORD_ROW(7, 8, 9, 10, 11, 12) ", " WORD_ROW(13, 14, 15, 16, 17, 18) ", " WORD_ROW(19, 20, 21, 22, 23, 24) ", "
	WORD_ROW(25, 26, 27, 28, 29, 30) ", " WORD_ROW(31, 32, 33, 34, 35, 36) ", " WORD_ROW(37, 38, 39, 40, 41, 42) ", " WORD_ROW(43, 44, 45, 46, 47, 48) ", "
	WORD_ROW(49, 50, 51, 52, 53, 54) ", " WORD_ROW(55, 56, 57, 58, 59, 60) ", " WORD_ROW(61, 62, 63, 64, 65, 66) ", " WORD_ROW(67, 68, 69, 70, 71, 72) ", "
	WORD_ROW(73, 74, 75, 76, 77, 78) ", " WORD_ROW(79, 80, 81, 82, 83, 84) ", " WORD_ROW(85, 86, 87, 88, 89, 90) ", " WORD_ROW(91, 92, 93, 94, 95, 96)
	" ON CONFLICT DO NOTHING";

/* units.active_people: $2 (+1 or -1) for unit $1. */
static const char SQL_UNIT_ACTIVE_ADD[] =
	"UPDATE units SET active_people = active_people + $2 WHERE id = $1";

struct person_row_key {
	const unsigned char *key;
	size_t len;
};

/* ---- bulk mode (import, demo) ----
 * One INSERT a word in person order lands each row at a random place in
 * person_words' key (word, person_id, kind) and its indexes, half of an
 * import's CPU; the same rows in key order fill the pages in turn (2.8 s
 * against 2.2 s for 408 000 rows). So in bulk mode the rows wait in memory
 * and store_people_bulk_end sorts and inserts them; the units' active
 * counts, one UPDATE a person otherwise, are summed per unit and written
 * once. The statements are the one-by-one path's, so both databases run
 * the bulk path unchanged. Memory is kept small (8 bytes a word row, the
 * texts packed end to end, a person's sort key once): the arrays grow by
 * realloc, which, unlike an arena, does not keep each outgrown copy. */

/* The columns every word row of a person repeats, kept once a person. */
struct bulk_person {
	int64_t id, unit_id;
	uint32_t key, klen;   /* the sort key: offset and length in text */
	bool active;
	bool dead;            /* written again later in the batch: the later words count */
};

/* person_words.kind as codes in the kinds' byte order, as the key compares them */
enum { KIND_E, KIND_K, KIND_N, KIND_BITS = 2 };
static const char *const word_kinds[] = { "e", "k", "n" };

struct bulk_word {
	uint32_t word;     /* offset in text */
	uint32_t person;   /* index in persons << KIND_BITS | kind code */
};

struct bulk_unit {
	int64_t id;   /* 0: a free slot */
	int64_t delta;
};

struct people_bulk {
	char *text;                /* the words and sort keys, each NUL-ended */
	size_t ntext, text_cap;
	struct bulk_person *persons;
	size_t npersons, persons_cap;
	struct bulk_word *words;
	size_t nwords, words_cap;
	struct bulk_unit *units;   /* open addressing by id; units_cap a power of two */
	size_t nunits, units_cap;
	bool rewritten;            /* a person was updated: it may be in persons twice */
};

enum err store_people_bulk_begin(struct store_conn *c)
{
	if (c->people_bulk)
		return store_fail(c, ERR_INVALID, "bulk person writes are already on");
	if (!(c->people_bulk = calloc(1, sizeof *c->people_bulk)))
		return store_fail(c, ERR_TOO_BIG, "no memory for bulk person writes");
	return OK;
}

void store_people_bulk_drop(struct store_conn *c)
{
	struct people_bulk *b = c->people_bulk;
	if (!b)
		return;
	c->people_bulk = NULL;
	free(b->text);
	free(b->persons);
	free(b->words);
	free(b->units);
	free(b);
}

/* Room for more elem-sized items in *v (n used of *cap), at most max in
 * all (what its 32-bit references reach); false when out of either. */
static bool bulk_room(void **v, size_t n, size_t *cap, size_t elem, size_t more, size_t max)
{
	if (n + more <= *cap)
		return true;
	size_t ncap = *cap ? *cap : 1024;
	while (ncap < n + more)
		ncap *= 2;
	if (ncap > max)
		return false;
	void *p = realloc(*v, ncap * elem);
	if (!p)
		return false;
	*v = p;
	*cap = ncap;
	return true;
}

/* Copies n bytes and a NUL into text; its offset, or -1 out of room. */
static int64_t bulk_text(struct people_bulk *b, const void *s, size_t n)
{
	if (!bulk_room((void **)&b->text, b->ntext, &b->text_cap, 1, n + 1, UINT32_MAX))
		return -1;
	size_t at = b->ntext;
	memcpy(b->text + at, s, n);
	b->text[at + n] = '\0';
	b->ntext += n + 1;
	return (int64_t)at;
}

/* A person's row in the batch (its key copied), or -1 out of room. */
static int64_t bulk_person_add(struct people_bulk *b, const struct person *p,
			       const struct person_row_key *k, bool update)
{
	int64_t key = bulk_text(b, k->key, k->len);
	if (key < 0 || !bulk_room((void **)&b->persons, b->npersons, &b->persons_cap, sizeof *b->persons, 1,
				  UINT32_MAX >> KIND_BITS))
		return -1;
	b->persons[b->npersons] = (struct bulk_person){ .id = p->id, .unit_id = p->unit_id,
							.key = (uint32_t)key, .klen = (uint32_t)k->len,
							.active = p->active };
	b->rewritten |= update;
	return (int64_t)b->npersons++;
}

static enum err bulk_word_add(struct store_conn *c, int64_t person, const char *word, int kind)
{
	struct people_bulk *b = c->people_bulk;
	int64_t w = bulk_text(b, word, strlen(word));
	if (w < 0 || !bulk_room((void **)&b->words, b->nwords, &b->words_cap, sizeof *b->words, 1, SIZE_MAX / 16))
		return store_fail(c, ERR_TOO_BIG, "no memory for bulk person writes");
	b->words[b->nwords++] = (struct bulk_word){ (uint32_t)w, (uint32_t)person << KIND_BITS | (uint32_t)kind };
	return OK;
}

static struct bulk_unit *bulk_unit_slot(struct bulk_unit *t, size_t cap, int64_t id)
{
	size_t mask = cap - 1;
	size_t i = (size_t)((uint64_t)id * 0x9e3779b97f4a7c15u >> 32) & mask;
	while (t[i].id && t[i].id != id)
		i = (i + 1) & mask;
	return &t[i];
}

/* Adds d to unit's pending change of active_people. */
static enum err bulk_unit_add(struct store_conn *c, int64_t unit, int64_t d)
{
	struct people_bulk *b = c->people_bulk;
	if (2 * (b->nunits + 1) > b->units_cap) {
		size_t cap = b->units_cap ? 2 * b->units_cap : 64;
		struct bulk_unit *t = calloc(cap, sizeof *t);
		if (!t)
			return store_fail(c, ERR_TOO_BIG, "no memory for bulk person writes");
		for (size_t i = 0; i < b->units_cap; i++)
			if (b->units[i].id)
				*bulk_unit_slot(t, cap, b->units[i].id) = b->units[i];
		free(b->units);
		b->units = t;
		b->units_cap = cap;
	}
	struct bulk_unit *u = bulk_unit_slot(b->units, b->units_cap, unit);
	if (!u->id) {
		u->id = unit;
		b->nunits++;
	}
	u->delta += d;
	return OK;
}

/* qsort takes no context: the batch being sorted. A connection is used by
 * one thread at a time, but two connections may end a batch at once. */
static _Thread_local const struct people_bulk *bulk_sorting;

/* The primary key's order: word in bytes (strcmp compares unsigned chars,
 * as SQLite's BINARY and PostgreSQL's "C" do), person id, kind. */
static int bulk_word_cmp(const void *pa, const void *pb)
{
	const struct bulk_word *a = pa, *b = pb;
	const struct people_bulk *s = bulk_sorting;
	int r = strcmp(s->text + a->word, s->text + b->word);
	if (r)
		return r;
	int64_t ia = s->persons[a->person >> KIND_BITS].id, ib = s->persons[b->person >> KIND_BITS].id;
	if (ia != ib)
		return ia < ib ? -1 : 1;
	uint32_t ka = a->person & ((1u << KIND_BITS) - 1), kb = b->person & ((1u << KIND_BITS) - 1);
	return (ka > kb) - (ka < kb);
}

static int bulk_unit_cmp(const void *pa, const void *pb)
{
	const struct bulk_unit *a = pa, *b = pb;
	return (a->id > b->id) - (a->id < b->id);
}

/* Person indices by id, then by when written (a later write comes later). */
static int bulk_person_cmp(const void *pa, const void *pb)
{
	uint32_t a = *(const uint32_t *)pa, b = *(const uint32_t *)pb;
	int64_t ia = bulk_sorting->persons[a].id, ib = bulk_sorting->persons[b].id;
	if (ia != ib)
		return ia < ib ? -1 : 1;
	return (a > b) - (a < b);
}

/* A person written twice in the batch (an update after an insert or
 * another update) keeps only the words of the last write, as the
 * one-by-one path's DELETE and INSERT would leave. */
static bool bulk_mark_dead(struct people_bulk *b)
{
	uint32_t *order = malloc((b->npersons ? b->npersons : 1) * sizeof *order);
	if (!order)
		return false;
	for (size_t i = 0; i < b->npersons; i++)
		order[i] = (uint32_t)i;
	qsort(order, b->npersons, sizeof *order, bulk_person_cmp);
	for (size_t i = 0; i + 1 < b->npersons; i++)
		if (b->persons[order[i]].id == b->persons[order[i + 1]].id)
			b->persons[order[i]].dead = true;
	free(order);
	return true;
}

/* Writes the batch: the word rows in key order (a row repeated, as a name
 * with a word twice, once), then each unit's summed change. */
static enum err bulk_write(struct store_conn *c, struct people_bulk *b)
{
	if (!b->nwords && !b->nunits)
		return OK;
	bulk_sorting = b;
	if (b->rewritten && !bulk_mark_dead(b)) {
		bulk_sorting = NULL;
		return store_fail(c, ERR_TOO_BIG, "no memory for bulk person writes");
	}
	if (b->nwords)
		qsort(b->words, b->nwords, sizeof *b->words, bulk_word_cmp);
	/* the rows to write, in place: not a dead person's, a repeat once */
	size_t n = 0;
	for (size_t i = 0; i < b->nwords; i++) {
		const struct bulk_word *w = &b->words[i];
		if (!b->persons[w->person >> KIND_BITS].dead && (!n || bulk_word_cmp(&b->words[n - 1], w) != 0))
			b->words[n++] = *w;
	}
	bulk_sorting = NULL;
	enum err e = OK;
	for (size_t i = 0; i < n && !e;) {
		size_t k = n - i >= BULK_ROWS ? BULK_ROWS : 1;
		struct store_q q;
		if (k == BULK_ROWS)
			store_q_prepare(&q, c, SQL_WORD_INSERT_MANY);
		else
			store_q_prepare(&q, c, SQL_WORD_INSERT);
		for (size_t j = 0; j < k; j++, i++) {
			const struct bulk_word *w = &b->words[i];
			const struct bulk_person *p = &b->persons[w->person >> KIND_BITS];
			int at = (int)j * WORD_COLUMNS;
			store_q_text(&q, at + 1, b->text + w->word);
			store_q_int(&q, at + 2, p->id);
			store_q_text(&q, at + 3, word_kinds[w->person & ((1u << KIND_BITS) - 1)]);
			store_q_blob(&q, at + 4, b->text + p->key, p->klen);
			store_q_int(&q, at + 5, p->active);
			store_q_id(&q, at + 6, p->unit_id);
		}
		store_q_exec(&q, NULL);
		e = store_q_done(&q);
	}
	n = 0;
	for (size_t i = 0; i < b->units_cap && !e; i++)
		if (b->units[i].id && b->units[i].delta)
			b->units[n++] = b->units[i];   /* n <= i: compacts in place */
	if (n)
		qsort(b->units, n, sizeof *b->units, bulk_unit_cmp);
	for (size_t i = 0; i < n && !e; i++) {
		struct store_q q;
		store_q_prepare(&q, c, SQL_UNIT_ACTIVE_ADD);
		store_q_int(&q, 1, b->units[i].id);
		store_q_int(&q, 2, b->units[i].delta);
		store_q_exec(&q, NULL);
		e = store_q_done(&q);
	}
	return e;
}

enum err store_people_bulk_end(struct store_conn *c)
{
	struct people_bulk *b = c->people_bulk;
	if (!b)
		return store_fail(c, ERR_INVALID, "bulk person writes are not on");
	c->people_bulk = NULL;   /* what bulk_write runs goes to the database */
	enum err e = bulk_write(c, b);
	c->people_bulk = b;
	store_people_bulk_drop(c);
	return e;
}

/* ---- person_words and units.active_people ---- */

static enum err word_insert(struct store_conn *c, const struct person *p,
			    const struct person_row_key *k, int64_t bulk_at, const char *word, int kind)
{
	if (bulk_at >= 0)
		return bulk_word_add(c, bulk_at, word, kind);
	struct store_q q;
	store_q_prepare(&q, c, SQL_WORD_INSERT);
	store_q_text(&q, 1, word);
	store_q_int(&q, 2, p->id);
	store_q_text(&q, 3, word_kinds[kind]);
	store_q_blob(&q, 4, k->key, k->len);
	store_q_int(&q, 5, p->active);
	store_q_id(&q, 6, p->unit_id);
	store_q_exec(&q, NULL);
	return store_q_done(&q);
}

/* The person's rows of person_words: each word of the folded name (fold is
 * written on), the folded e-mail address and employee number whole. In
 * bulk mode they join the batch (update: the person's old rows were
 * deleted already). */
static enum err person_words_write(struct store_conn *c, struct arena *tmp, const struct person *p,
				   const struct person_row_key *k, char *fold, bool update)
{
	int64_t bulk_at = -1;
	if (c->people_bulk && (bulk_at = bulk_person_add(c->people_bulk, p, k, update)) < 0)
		return store_fail(c, ERR_TOO_BIG, "no memory for bulk person writes");
	enum err e = OK;
	for (char *w = fold; *w && !e;) {
		while (is_space(*w))
			w++;
		if (!*w)
			break;
		char *end = w;
		while (*end && !is_space(*end))
			end++;
		char was = *end;
		*end = '\0';
		e = word_insert(c, p, k, bulk_at, w, KIND_N);
		*end = was;
		w = end;
	}
	const char *whole[2] = { p->email, p->employee_number };
	const int kinds[2] = { KIND_E, KIND_K };
	for (int i = 0; i < 2 && !e; i++) {
		if (!whole[i] || !*whole[i])
			continue;
		const char *f = text_fold(tmp, whole[i]);
		if (!f)
			return store_fail(c, ERR_INVALID, "the e-mail address or employee number is not valid UTF-8");
		e = word_insert(c, p, k, bulk_at, f, kinds[i]);
	}
	return e;
}

static const char SQL_PERSON_COUNTED[] = "SELECT unit_id, active FROM people WHERE id = $1";

static enum err unit_active_add(struct store_conn *c, int64_t unit, bool active, int64_t d)
{
	if (!unit || !active)
		return OK;
	if (c->people_bulk)
		return bulk_unit_add(c, unit, d);
	struct store_q q;
	store_q_prepare(&q, c, SQL_UNIT_ACTIVE_ADD);
	store_q_int(&q, 1, unit);
	store_q_int(&q, 2, d);
	store_q_exec(&q, NULL);
	return store_q_done(&q);
}

/* The placeholders appear in their order (so SQLite binds them by slot).
 * SQLite runs RETURNING through a temporary table and a statement journal
 * (a copy of each page the INSERT touches), a third of a person's insert in
 * a bulk import, so there the id is the connection's last rowid instead
 * (store_q_insert_id); PostgreSQL needs RETURNING. */
#define PERSON_INSERT \
	"INSERT INTO people (name, name_fold, email, employee_number, unit_id, job_title, active," \
	" created_at, updated_at, name_key) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8, $9)"
static const char SQL_PERSON_INSERT[] = PERSON_INSERT " RETURNING id";
static const char SQL_PERSON_INSERT_ROWID[] = PERSON_INSERT;

/* The name's sort key into the scratch arena. */
static unsigned char *person_key(struct store_conn *c, struct arena *tmp, const char *name,
				 size_t *len, enum err *e)
{
	unsigned char *k = text_sort_key(tmp, name, len);
	if (!k)
		*e = store_fail(c, ERR_INVALID, "a person needs a name in valid UTF-8");
	return k;
}

enum err store_person_insert(struct store_conn *c, struct person *p)
{
	struct arena tmp;
	arena_init(&tmp, 0);
	enum err e = OK;
	char *fold = person_fold(c, &tmp, p->name, &e);
	size_t klen = 0;
	unsigned char *key = fold ? person_key(c, &tmp, p->name, &klen, &e) : NULL;
	if (key) {
		struct store_q q;
		bool rowid = c->ops->last_insert_id != NULL;
		if (rowid)
			store_q_prepare(&q, c, SQL_PERSON_INSERT_ROWID);
		else
			store_q_prepare(&q, c, SQL_PERSON_INSERT);
		store_q_text(&q, 1, p->name);
		store_q_text(&q, 2, fold);
		store_q_opt(&q, 3, p->email);
		store_q_opt(&q, 4, p->employee_number);
		store_q_id(&q, 5, p->unit_id);
		store_q_opt(&q, 6, p->job_title);
		store_q_int(&q, 7, p->active);
		store_q_int(&q, 8, (int64_t)time(NULL));
		store_q_blob(&q, 9, key, klen);
		if (rowid) {
			store_q_exec(&q, NULL);
			if (!q.err)
				p->id = c->ops->last_insert_id(c->db);
		} else if (store_q_row(&q)) {
			p->id = store_q_col_int(&q, 0);
		}
		e = store_q_done(&q);
		if (!e)
			e = person_words_write(c, &tmp, p, &(struct person_row_key){ key, klen }, fold, false);
		if (!e)
			e = unit_active_add(c, p->unit_id, p->active, 1);
	}
	arena_free(&tmp);
	return e;
}

static const char SQL_PERSON_UPDATE[] =
	"UPDATE people SET name = $2, name_fold = $3, name_key = $10, email = $4, employee_number = $5,"
	" unit_id = $6, job_title = $7, active = $8, updated_at = $9 WHERE id = $1";

enum err store_person_update(struct store_conn *c, const struct person *p)
{
	struct arena tmp;
	arena_init(&tmp, 0);
	enum err e = OK;
	char *fold = person_fold(c, &tmp, p->name, &e);
	size_t klen = 0;
	unsigned char *key = fold ? person_key(c, &tmp, p->name, &klen, &e) : NULL;
	if (key) {
		struct store_q q;
		int64_t n = 0, old_unit = 0;
		bool old_active = false;
		store_q_prepare(&q, c, SQL_PERSON_COUNTED);
		store_q_int(&q, 1, p->id);
		if (store_q_row(&q)) {
			old_unit = store_q_col_int(&q, 0);
			old_active = store_q_col_int(&q, 1) != 0;
		}
		if ((e = store_q_done(&q)) != OK)
			goto out;
		store_q_prepare(&q, c, SQL_PERSON_UPDATE);
		store_q_int(&q, 1, p->id);
		store_q_text(&q, 2, p->name);
		store_q_text(&q, 3, fold);
		store_q_opt(&q, 4, p->email);
		store_q_opt(&q, 5, p->employee_number);
		store_q_id(&q, 6, p->unit_id);
		store_q_opt(&q, 7, p->job_title);
		store_q_int(&q, 8, p->active);
		store_q_int(&q, 9, (int64_t)time(NULL));
		store_q_blob(&q, 10, key, klen);
		store_q_exec(&q, &n);
		e = store_q_done(&q);
		if (!e && n == 0)
			e = store_fail(c, ERR_NOTFOUND, "no person %lld", (long long)p->id);
		if (!e) {
			store_q_prepare(&q, c, SQL_WORDS_DELETE);
			store_q_int(&q, 1, p->id);
			store_q_exec(&q, NULL);
			e = store_q_done(&q);
		}
		if (!e)
			e = person_words_write(c, &tmp, p, &(struct person_row_key){ key, klen }, fold, true);
		if (!e && (old_unit != p->unit_id || old_active != p->active) &&
		    (e = unit_active_add(c, old_unit, old_active, -1)) == OK)
			e = unit_active_add(c, p->unit_id, p->active, 1);
	}
out:
	arena_free(&tmp);
	return e;
}

static const char SQL_PERSON_COUNT[] = "SELECT count(*) FROM people";

enum err store_person_count(struct store_conn *c, int64_t *n)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_PERSON_COUNT);
	if (store_q_row(&q))
		*n = store_q_col_int(&q, 0);
	return store_q_done(&q);
}
