/* people.c — the employees. Lists are ordered by name in Norwegian
 * collation, then id, and paged by a keyset cursor (the last row's name and
 * id), so a page costs the same wherever it starts and no row is skipped or
 * repeated while others are added. Search runs on name_fold, the
 * case-folded name kept beside the name: each word of the folded query must
 * begin a word of the name; or the whole query begins the e-mail address or
 * the employee number. */
#include "store/store_int.h"

#include <string.h>
#include <time.h>

#include "base/text.h"

/* Words of a query bound one by one; later words go into the last
 * parameter together, which then must match as a phrase. */
enum { SEARCH_WORDS = 5 };

#define PERSON_SELECT \
	"SELECT p.id, p.name, p.email, p.employee_number, p.unit_id, un.name, p.job_title," \
	" p.active, us.id FROM people p LEFT JOIN units un ON un.id = p.unit_id" \
	" LEFT JOIN users us ON us.person_id = p.id"

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

/* s with LIKE's wildcards and the escape character escaped by '\'. */
static char *like_escape(struct arena *a, const char *s, size_t n)
{
	char *d = arena_alloc(a, 2 * n + 1);
	if (!d)
		return NULL;
	char *o = d;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '%' || s[i] == '_' || s[i] == '\\')
			*o++ = '\\';
		*o++ = s[i];
	}
	*o = '\0';
	return d;
}

static bool is_space(char ch)
{
	return ch == ' ' || ch == '\t';
}

/* Splits the folded query into escaped words (unused ones ""), and the
 * whole trimmed query, escaped, into *whole ("" when empty). */
static enum err search_terms(struct arena *a, const char *text, char **whole,
			     char *words[SEARCH_WORDS])
{
	for (int i = 0; i < SEARCH_WORDS; i++)
		words[i] = "";
	*whole = "";
	if (!text)
		return OK;
	char *f = text_fold(a, text);
	if (!f)
		return a->over_cap ? ERR_TOO_BIG : ERR_INVALID;
	while (is_space(*f))
		f++;
	size_t len = strlen(f);
	while (len && is_space(f[len - 1]))
		len--;
	if (!len)
		return OK;
	if (!(*whole = like_escape(a, f, len)))
		return ERR_TOO_BIG;
	const char *p = f, *end = f + len;
	for (int i = 0; i < SEARCH_WORDS && p < end; i++) {
		const char *w = p;
		while (p < end && !is_space(*p))
			p++;
		/* The last slot takes the rest, spaces folded to one. */
		if (i == SEARCH_WORDS - 1 && p < end) {
			char *rest = arena_alloc(a, (size_t)(end - w) + 1);
			if (!rest)
				return ERR_TOO_BIG;
			char *o = rest;
			for (const char *r = w; r < end; r++)
				if (!is_space(*r) || !is_space(r[-1]))
					*o++ = is_space(*r) ? ' ' : *r;
			*o = '\0';
			words[i] = like_escape(a, rest, (size_t)(o - rest));
			p = end;
		} else {
			words[i] = like_escape(a, w, (size_t)(p - w));
		}
		if (!words[i])
			return ERR_TOO_BIG;
		while (p < end && is_space(*p))
			p++;
	}
	return OK;
}

#define WORD_MATCH(n) \
	"(p.name_fold LIKE $" #n " || '%' ESCAPE '\\' OR p.name_fold LIKE '% ' || $" #n " || '%' ESCAPE '\\')"
#define WORD_OPTIONAL(n) " AND ($" #n " = '' OR " WORD_MATCH(n) ")"

/* $1, $2: the cursor (name, id), ('', 0) for the first page (the extra
 * name >= $1 lets SQLite seek the index to the cursor); $3: include
 * inactive; $4: unit or 0; $5: the whole query or ''; $6..$10: its words;
 * $11: the page size. */
static const char SQL_PEOPLE_LIST[] =
	PERSON_SELECT
	" WHERE p.name COLLATE nb >= $1 AND (p.name COLLATE nb, p.id) > ($1, $2)"
	" AND ($3 = 1 OR p.active = 1)"
	" AND ($4 = 0 OR p.unit_id = $4)"
	" AND ($5 = '' OR (" WORD_MATCH(6) WORD_OPTIONAL(7) WORD_OPTIONAL(8) WORD_OPTIONAL(9)
	WORD_OPTIONAL(10) ")"
	" OR lower(p.email) LIKE $5 || '%' ESCAPE '\\'"
	" OR lower(p.employee_number) LIKE $5 || '%' ESCAPE '\\')"
	" ORDER BY p.name COLLATE nb, p.id LIMIT $11";

enum err store_people_list(struct store_conn *c, struct arena *a, const struct person_query *q,
			   struct person **out, int *n)
{
	if (q->limit < 1 || q->limit > 500)
		return store_fail(c, ERR_INVALID, "limit %d is out of range 1..500", q->limit);
	char *whole, *words[SEARCH_WORDS];
	enum err e = search_terms(a, q->text, &whole, words);
	if (e)
		return store_fail(c, e, "the search text cannot be used");
	struct person *v = arena_alloc(a, (size_t)q->limit * sizeof *v);
	if (!v)
		return store_fail(c, ERR_TOO_BIG, "the arena's cap was reached");
	struct store_q sq;
	int len = 0;
	store_q_prepare(&sq, c, SQL_PEOPLE_LIST);
	store_q_text(&sq, 1, q->after_name ? q->after_name : "");
	store_q_int(&sq, 2, q->after_name ? q->after_id : 0);
	store_q_int(&sq, 3, q->include_inactive);
	store_q_int(&sq, 4, q->unit_id);
	store_q_text(&sq, 5, whole);
	for (int i = 0; i < SEARCH_WORDS; i++)
		store_q_text(&sq, 6 + i, words[i]);
	store_q_int(&sq, 11, q->limit);
	while (len < q->limit && store_q_row(&sq))
		person_row(&sq, a, &v[len++]);
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

static const char SQL_PERSON_INSERT[] =
	"INSERT INTO people (name, name_fold, email, employee_number, unit_id, job_title, active,"
	" created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING id";

enum err store_person_insert(struct store_conn *c, struct person *p)
{
	struct arena tmp;
	arena_init(&tmp, 0);
	enum err e = OK;
	char *fold = person_fold(c, &tmp, p->name, &e);
	if (fold) {
		struct store_q q;
		store_q_prepare(&q, c, SQL_PERSON_INSERT);
		store_q_text(&q, 1, p->name);
		store_q_text(&q, 2, fold);
		store_q_opt(&q, 3, p->email);
		store_q_opt(&q, 4, p->employee_number);
		store_q_id(&q, 5, p->unit_id);
		store_q_opt(&q, 6, p->job_title);
		store_q_int(&q, 7, p->active);
		store_q_int(&q, 8, (int64_t)time(NULL));
		if (store_q_row(&q))
			p->id = store_q_col_int(&q, 0);
		e = store_q_done(&q);
	}
	arena_free(&tmp);
	return e;
}

static const char SQL_PERSON_UPDATE[] =
	"UPDATE people SET name = $2, name_fold = $3, email = $4, employee_number = $5, unit_id = $6,"
	" job_title = $7, active = $8, updated_at = $9 WHERE id = $1";

enum err store_person_update(struct store_conn *c, const struct person *p)
{
	struct arena tmp;
	arena_init(&tmp, 0);
	enum err e = OK;
	char *fold = person_fold(c, &tmp, p->name, &e);
	if (fold) {
		struct store_q q;
		int64_t n = 0;
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
		store_q_exec(&q, &n);
		e = store_q_done(&q);
		if (!e && n == 0)
			e = store_fail(c, ERR_NOTFOUND, "no person %lld", (long long)p->id);
	}
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
