/* competences.c (store) — the competence catalogue. Each statement is a
 * constant with $n parameters that SQLite and PostgreSQL both run. The area
 * tree is read in name order and put in tree order by the domain
 * (competence_areas_tree_order). Search folds the query (ICU case folding,
 * as people's names are) and matches each of its first words anywhere in the
 * folded name or the code, through LIKE patterns whose wildcards are escaped
 * here; the catalogue is small (hundreds of rows), so a scan is cheap.
 * An area filter takes the area with all its sub-areas (WITH RECURSIVE,
 * UNION so even a damaged tree ends). */
#include "store/competences.h"

#include <string.h>
#include "base/text.h"
#include "store/store_int.h"

enum { SEARCH_WORDS = 4, LIST_MAX = 5000 };

static char *text_or_empty(struct store_q *q, struct arena *a, int col)
{
	char *s = store_q_col_text(q, a, col);
	if (!s && !q->err)
		s = arena_strdup(a, "");
	return s;
}

static enum err none_found(struct store_q *q)
{
	if (!q->err)
		q->err = ERR_NOTFOUND;
	return store_q_done(q);
}

/* ---- areas ---- */

#define AREA_SELECT \
	"SELECT a.id, a.code, a.name, a.parent_id, a.description," \
	" (SELECT count(*) FROM competences k WHERE k.area_id = a.id AND k.active = 1)," \
	" (SELECT count(*) FROM competence_areas ch WHERE ch.parent_id = a.id)" \
	" FROM competence_areas a"

static void area_row(struct store_q *q, struct arena *a, struct competence_area *out)
{
	out->id = store_q_col_int(q, 0);
	out->code = store_q_col_text(q, a, 1);
	out->name = store_q_col_text(q, a, 2);
	out->parent_id = store_q_col_int(q, 3);
	out->description = text_or_empty(q, a, 4);
	out->competence_count = store_q_col_int(q, 5);
	out->child_count = store_q_col_int(q, 6);
	out->depth = 0;
}

static enum err area_one(struct store_q *q, struct arena *a, struct competence_area *out)
{
	if (store_q_row(q)) {
		area_row(q, a, out);
		return store_q_done(q);
	}
	return none_found(q);
}

static const char SQL_AREAS[] = AREA_SELECT " ORDER BY a.name COLLATE nb, a.id";

enum err store_competence_areas(struct store_conn *c, struct arena *a, struct competence_area **out,
				int *n)
{
	struct store_q q;
	struct competence_area *v = NULL;
	int len = 0, cap = 0;
	store_q_prepare(&q, c, SQL_AREAS);
	while (store_q_row(&q)) {
		if (!(v = store_grow(a, v, len, &cap, sizeof *v))) {
			q.err = ERR_TOO_BIG;
			break;
		}
		area_row(&q, a, &v[len++]);
	}
	enum err e = store_q_done(&q);
	if (e)
		return e;
	if (!competence_areas_tree_order(a, v, len))
		return store_fail(c, ERR_TOO_BIG, "the arena's cap was reached");
	*out = v;
	*n = len;
	return OK;
}

static const char SQL_AREA_GET[] = AREA_SELECT " WHERE a.id = $1";

enum err store_competence_area_get(struct store_conn *c, struct arena *a, int64_t id,
				   struct competence_area *out)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_AREA_GET);
	store_q_int(&q, 1, id);
	return area_one(&q, a, out);
}

static const char SQL_AREA_BY_CODE[] = AREA_SELECT " WHERE a.code = $1";

enum err store_competence_area_by_code(struct store_conn *c, struct arena *a, const char *code,
				       struct competence_area *out)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_AREA_BY_CODE);
	store_q_text(&q, 1, code);
	return area_one(&q, a, out);
}

static const char SQL_AREA_INSERT[] =
	"INSERT INTO competence_areas (code, name, parent_id, description, created_at, updated_at)"
	" VALUES ($1, $2, $3, $4, $5, $5) RETURNING id";

enum err store_competence_area_insert(struct store_conn *c, int64_t now, struct competence_area *ar)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_AREA_INSERT);
	store_q_text(&q, 1, ar->code);
	store_q_text(&q, 2, ar->name);
	store_q_id(&q, 3, ar->parent_id);
	store_q_text(&q, 4, ar->description ? ar->description : "");
	store_q_int(&q, 5, now);
	if (store_q_row(&q))
		ar->id = store_q_col_int(&q, 0);
	return store_q_done(&q);
}

static const char SQL_AREA_UPDATE[] =
	"UPDATE competence_areas SET code = $2, name = $3, parent_id = $4, description = $5,"
	" updated_at = $6 WHERE id = $1";

enum err store_competence_area_update(struct store_conn *c, int64_t now,
				      const struct competence_area *ar)
{
	struct store_q q;
	int64_t n = 0;
	store_q_prepare(&q, c, SQL_AREA_UPDATE);
	store_q_int(&q, 1, ar->id);
	store_q_text(&q, 2, ar->code);
	store_q_text(&q, 3, ar->name);
	store_q_id(&q, 4, ar->parent_id);
	store_q_text(&q, 5, ar->description ? ar->description : "");
	store_q_int(&q, 6, now);
	store_q_exec(&q, &n);
	enum err e = store_q_done(&q);
	if (!e && n == 0)
		e = store_fail(c, ERR_NOTFOUND, "no competence area %lld", (long long)ar->id);
	return e;
}

/* ---- competences ---- */

#define COMPETENCE_SELECT \
	"SELECT k.id, k.code, k.name, k.description, k.area_id, a.name, a.code, k.active" \
	" FROM competences k JOIN competence_areas a ON a.id = k.area_id"

static void competence_row(struct store_q *q, struct arena *a, struct competence *out)
{
	out->id = store_q_col_int(q, 0);
	out->code = store_q_col_text(q, a, 1);
	out->name = store_q_col_text(q, a, 2);
	out->description = text_or_empty(q, a, 3);
	out->area_id = store_q_col_int(q, 4);
	out->area_name = store_q_col_text(q, a, 5);
	out->area_code = store_q_col_text(q, a, 6);
	out->active = store_q_col_int(q, 7) != 0;
}

static enum err competence_one(struct store_q *q, struct arena *a, struct competence *out)
{
	if (store_q_row(q)) {
		competence_row(q, a, out);
		return store_q_done(q);
	}
	return none_found(q);
}

/* $1 include inactive; $2, $3 the cursor (name, id), ('', 0) first; $4 the
 * area (0: any); $5..$8 the words as LIKE patterns ('%' when unused); $9
 * the page size. */
#define WORD(n) " AND (k.name_fold LIKE $" #n " ESCAPE '\\' OR lower(k.code) LIKE $" #n " ESCAPE '\\')"
static const char SQL_COMPETENCES[] =
	COMPETENCE_SELECT
	" WHERE ($1 = 1 OR k.active = 1)"
	" AND k.name COLLATE nb >= $2 AND (k.name COLLATE nb, k.id) > ($2, $3)"
	" AND ($4 = 0 OR k.area_id IN (WITH RECURSIVE sub(id) AS (SELECT CAST($4 AS BIGINT)"
	" UNION SELECT x.id FROM competence_areas x JOIN sub ON x.parent_id = sub.id)"
	" SELECT id FROM sub))"
	WORD(5) WORD(6) WORD(7) WORD(8)
	" ORDER BY k.name COLLATE nb, k.id LIMIT $9";

/* "%word%" with LIKE's own characters escaped; NULL over the arena's cap. */
static char *like_pattern(struct arena *a, const char *w, size_t n)
{
	char *p = arena_alloc(a, 2 * n + 3);
	if (!p)
		return NULL;
	size_t k = 0;
	p[k++] = '%';
	for (size_t i = 0; i < n; i++) {
		if (w[i] == '%' || w[i] == '_' || w[i] == '\\')
			p[k++] = '\\';
		p[k++] = w[i];
	}
	p[k++] = '%';
	p[k] = '\0';
	return p;
}

/* The first SEARCH_WORDS words of the folded text as patterns. */
static enum err search_patterns(struct store_conn *c, struct arena *a, const char *text,
				const char *pat[SEARCH_WORDS])
{
	for (int i = 0; i < SEARCH_WORDS; i++)
		pat[i] = "%";
	if (!text || !*text)
		return OK;
	char *f = text_fold(a, text);
	if (!f)
		return store_fail(c, a->over_cap ? ERR_TOO_BIG : ERR_INVALID,
				  "the search text cannot be used");
	int k = 0;
	for (char *p = f; *p && k < SEARCH_WORDS;) {
		while (*p == ' ' || *p == '\t')
			p++;
		size_t n = strcspn(p, " \t");
		if (n == 0)
			break;
		if (!(pat[k++] = like_pattern(a, p, n)))
			return store_fail(c, ERR_TOO_BIG, "the arena's cap was reached");
		p += n;
	}
	return OK;
}

enum err store_competences_list(struct store_conn *c, struct arena *a, const struct competence_query *q,
				struct competence **out, int *n)
{
	if (q->limit < 1 || q->limit > LIST_MAX)
		return store_fail(c, ERR_INVALID, "limit %d is out of range 1..%d", q->limit, LIST_MAX);
	const char *pat[SEARCH_WORDS];
	enum err e = search_patterns(c, a, q->text, pat);
	if (e)
		return e;
	struct competence *v = NULL;
	int len = 0, cap = 0;
	struct store_q sq;
	store_q_prepare(&sq, c, SQL_COMPETENCES);
	store_q_int(&sq, 1, q->include_inactive);
	store_q_text(&sq, 2, q->after_name ? q->after_name : "");
	store_q_int(&sq, 3, q->after_name ? q->after_id : 0);
	store_q_int(&sq, 4, q->area_id);
	for (int i = 0; i < SEARCH_WORDS; i++)
		store_q_text(&sq, 5 + i, pat[i]);
	store_q_int(&sq, 9, q->limit);
	while (store_q_row(&sq)) {
		if (!(v = store_grow(a, v, len, &cap, sizeof *v))) {
			sq.err = ERR_TOO_BIG;
			break;
		}
		competence_row(&sq, a, &v[len++]);
	}
	if ((e = store_q_done(&sq)) == OK) {
		*out = v;
		*n = len;
	}
	return e;
}

static const char SQL_COMPETENCE_GET[] = COMPETENCE_SELECT " WHERE k.id = $1";

enum err store_competence_get(struct store_conn *c, struct arena *a, int64_t id, struct competence *out)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_COMPETENCE_GET);
	store_q_int(&q, 1, id);
	return competence_one(&q, a, out);
}

static const char SQL_COMPETENCE_BY_CODE[] = COMPETENCE_SELECT " WHERE k.code = $1";

enum err store_competence_by_code(struct store_conn *c, struct arena *a, const char *code,
				  struct competence *out)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_COMPETENCE_BY_CODE);
	store_q_text(&q, 1, code);
	return competence_one(&q, a, out);
}

/* The folded name in a scratch arena the caller frees. */
static char *fold_name(struct store_conn *c, struct arena *tmp, const char *name, enum err *e)
{
	char *f = name && *name ? text_fold(tmp, name) : NULL;
	if (!f)
		*e = store_fail(c, ERR_INVALID, "a competence needs a name in valid UTF-8");
	return f;
}

static const char SQL_COMPETENCE_INSERT[] =
	"INSERT INTO competences (code, name, name_fold, description, area_id, active, created_at,"
	" updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id";

enum err store_competence_insert(struct store_conn *c, int64_t now, struct competence *k)
{
	struct arena tmp;
	arena_init(&tmp, 0);
	enum err e = OK;
	char *fold = fold_name(c, &tmp, k->name, &e);
	if (fold) {
		struct store_q q;
		store_q_prepare(&q, c, SQL_COMPETENCE_INSERT);
		store_q_text(&q, 1, k->code);
		store_q_text(&q, 2, k->name);
		store_q_text(&q, 3, fold);
		store_q_text(&q, 4, k->description ? k->description : "");
		store_q_int(&q, 5, k->area_id);
		store_q_int(&q, 6, k->active);
		store_q_int(&q, 7, now);
		if (store_q_row(&q))
			k->id = store_q_col_int(&q, 0);
		e = store_q_done(&q);
	}
	arena_free(&tmp);
	return e;
}

static const char SQL_COMPETENCE_UPDATE[] =
	"UPDATE competences SET code = $2, name = $3, name_fold = $4, description = $5, area_id = $6,"
	" active = $7, updated_at = $8 WHERE id = $1";

enum err store_competence_update(struct store_conn *c, int64_t now, const struct competence *k)
{
	struct arena tmp;
	arena_init(&tmp, 0);
	enum err e = OK;
	char *fold = fold_name(c, &tmp, k->name, &e);
	if (fold) {
		struct store_q q;
		int64_t n = 0;
		store_q_prepare(&q, c, SQL_COMPETENCE_UPDATE);
		store_q_int(&q, 1, k->id);
		store_q_text(&q, 2, k->code);
		store_q_text(&q, 3, k->name);
		store_q_text(&q, 4, fold);
		store_q_text(&q, 5, k->description ? k->description : "");
		store_q_int(&q, 6, k->area_id);
		store_q_int(&q, 7, k->active);
		store_q_int(&q, 8, now);
		store_q_exec(&q, &n);
		e = store_q_done(&q);
		if (!e && n == 0)
			e = store_fail(c, ERR_NOTFOUND, "no competence %lld", (long long)k->id);
	}
	arena_free(&tmp);
	return e;
}

static const char SQL_COMPETENCE_DELETE[] = "DELETE FROM competences WHERE id = $1";

enum err store_competence_delete(struct store_conn *c, int64_t id)
{
	struct store_q q;
	int64_t n = 0;
	store_q_prepare(&q, c, SQL_COMPETENCE_DELETE);
	store_q_int(&q, 1, id);
	store_q_exec(&q, &n);
	enum err e = store_q_done(&q);
	if (!e && n == 0)
		e = store_fail(c, ERR_NOTFOUND, "no competence %lld", (long long)id);
	return e;
}

/* ---- scales ---- */

static const char SQL_SCALE[] =
	"SELECT level, name_nb, name_nn, name_en, description_nb, description_nn, description_en"
	" FROM scale_levels WHERE scale = $1 ORDER BY level";

enum err store_scale_get(struct store_conn *c, struct arena *a, enum scale_kind kind, struct scale *out)
{
	struct store_q q;
	struct scale_level *v = NULL;
	int len = 0, cap = 0;
	store_q_prepare(&q, c, SQL_SCALE);
	store_q_text(&q, 1, scale_kind_name(kind));
	while (store_q_row(&q)) {
		if (!(v = store_grow(a, v, len, &cap, sizeof *v))) {
			q.err = ERR_TOO_BIG;
			break;
		}
		struct scale_level *l = &v[len++];
		l->level = (int)store_q_col_int(&q, 0);
		for (int i = 0; i < SCALE_LANGS; i++) {
			l->name[i] = text_or_empty(&q, a, 1 + i);
			l->description[i] = text_or_empty(&q, a, 4 + i);
		}
	}
	enum err e = store_q_done(&q);
	if (!e)
		*out = (struct scale){ .kind = kind, .levels = v, .n = len };
	return e;
}

static const char SQL_LEVEL_UPDATE[] =
	"UPDATE scale_levels SET name_nb = $3, name_nn = $4, name_en = $5, description_nb = $6,"
	" description_nn = $7, description_en = $8 WHERE scale = $1 AND level = $2";
static const char SQL_LEVEL_INSERT[] =
	"INSERT INTO scale_levels (scale, level, name_nb, name_nn, name_en, description_nb,"
	" description_nn, description_en) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";

static enum err level_write(struct store_conn *c, bool insert, enum scale_kind kind,
			    const struct scale_level *l)
{
	struct store_q q;
	int64_t n = 0;
	if (insert)
		store_q_prepare(&q, c, SQL_LEVEL_INSERT);
	else
		store_q_prepare(&q, c, SQL_LEVEL_UPDATE);
	store_q_text(&q, 1, scale_kind_name(kind));
	store_q_int(&q, 2, l->level);
	for (int i = 0; i < SCALE_LANGS; i++) {
		store_q_text(&q, 3 + i, l->name[i]);
		store_q_text(&q, 6 + i, l->description[i] ? l->description[i] : "");
	}
	store_q_exec(&q, &n);
	enum err e = store_q_done(&q);
	if (!e && n == 0)
		e = store_fail(c, ERR_NOTFOUND, "no level %d in the %s scale", l->level,
			       scale_kind_name(kind));
	return e;
}

enum err store_scale_level_update(struct store_conn *c, enum scale_kind kind, const struct scale_level *l)
{
	return level_write(c, false, kind, l);
}

enum err store_scale_level_insert(struct store_conn *c, enum scale_kind kind, const struct scale_level *l)
{
	return level_write(c, true, kind, l);
}

static const char SQL_LEVEL_DELETE[] = "DELETE FROM scale_levels WHERE scale = $1 AND level = $2";

enum err store_scale_level_delete(struct store_conn *c, enum scale_kind kind, int level)
{
	struct store_q q;
	int64_t n = 0;
	store_q_prepare(&q, c, SQL_LEVEL_DELETE);
	store_q_text(&q, 1, scale_kind_name(kind));
	store_q_int(&q, 2, level);
	store_q_exec(&q, &n);
	enum err e = store_q_done(&q);
	if (!e && n == 0)
		e = store_fail(c, ERR_NOTFOUND, "no level %d in the %s scale", level, scale_kind_name(kind));
	return e;
}
