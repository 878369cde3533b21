/* copy.c — the generic table copy behind evne copy: the tables and their
 * columns come from each database's catalogue (struct store_ops table_names
 * and table_info), are put in the order of their foreign keys, and their rows
 * travel as typed values (integer or text) from one connection to another,
 * ids included. The only SQL here that is not a constant is built from
 * catalogue names, each quoted as an SQL identifier ("..." with " doubled);
 * no value ever enters SQL text, values are always bound parameters. Each
 * table also gets a digest (row count and SHA-256 over a canonical text of
 * its rows in primary-key order) computed the same way on either database,
 * so a copy can be proved equal to its source. */
#include "store/store_int.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "base/buf.h"

enum { COPY_SQL_MAX = 64 * 1024, PROGRESS_EVERY = 5000 };

enum err store_table_add_column(struct arena *a, struct store_table *t, const char *name,
				const char *decl, enum store_col_type type, bool pk, bool identity)
{
	struct store_column *v = store_grow(a, t->cols, t->ncols, &t->cols_cap, sizeof *v);
	if (!v)
		return ERR_TOO_BIG;
	t->cols = v;
	struct store_column *col = &v[t->ncols];
	col->name = arena_strdup(a, name);
	col->decl = arena_strdup(a, decl);
	col->type = type;
	col->pk = pk;
	col->identity = identity;
	if (!col->name || !col->decl)
		return ERR_TOO_BIG;
	t->ncols++;
	return OK;
}

enum err store_table_add_ref(struct arena *a, struct store_table *t, const char *table)
{
	char **v = store_grow(a, t->refs, t->nrefs, &t->refs_cap, sizeof *v);
	if (!v)
		return ERR_TOO_BIG;
	t->refs = v;
	if (!(v[t->nrefs] = arena_strdup(a, table)))
		return ERR_TOO_BIG;
	t->nrefs++;
	return OK;
}

static bool refs_placed(const struct store_table *t, const struct store_table *all, int n,
			const bool *placed)
{
	for (int r = 0; r < t->nrefs; r++) {
		if (strcmp(t->refs[r], t->name) == 0)
			continue;
		for (int j = 0; j < n; j++)
			if (!placed[j] && strcmp(all[j].name, t->refs[r]) == 0)
				return false;
	}
	return true;
}

/* Orders v so each table follows the tables it references: repeatedly the
 * first (by name) table whose references are all placed; when none is (a
 * cycle), the first one left. */
static enum err tables_order(struct arena *a, struct store_table *v, int n)
{
	bool *placed = arena_alloc(a, (size_t)n + 1);
	struct store_table *out = arena_alloc(a, ((size_t)n + 1) * sizeof *out);
	if (!placed || !out)
		return ERR_TOO_BIG;
	for (int k = 0; k < n; k++) {
		int pick = -1;
		for (int i = 0; i < n && pick < 0; i++)
			if (!placed[i] && refs_placed(&v[i], v, n, placed))
				pick = i;
		for (int i = 0; i < n && pick < 0; i++)
			if (!placed[i])
				pick = i;
		placed[pick] = true;
		out[k] = v[pick];
	}
	memcpy(v, out, (size_t)n * sizeof *v);
	return OK;
}

/* A table that belongs to its database rather than to the installation's
 * content, so it is not copied. content_generation (migration 011) only ever
 * moves forward: the target's triggers move it as the copy writes, and
 * setting it to the source's value could move it back to a number that a
 * cache on the target already labelled different content with. */
static bool is_local_table(const char *name)
{
	return strcmp(name, "content_generation") == 0;
}

enum err store_tables(struct store_conn *c, struct arena *a, struct store_table **out, int *n)
{
	char **names = NULL;
	int count = 0;
	enum err e = c->ops->table_names(c->db, a, &names, &count);
	if (e)
		return store_fail(c, e, NULL);
	struct store_table *v = arena_alloc(a, ((size_t)count + 1) * sizeof *v);
	if (!v)
		return store_fail(c, ERR_TOO_BIG, "the arena's cap was reached");
	int kept = 0;
	for (int k = 0; k < count; k++)
		if (!is_local_table(names[k]))
			names[kept++] = names[k];
	count = kept;
	for (int i = 0; i < count; i++) {
		v[i].name = names[i];
		if ((e = c->ops->table_info(c->db, a, &v[i])) != OK)
			return store_fail(c, e, NULL);
		for (int k = 0; k < v[i].ncols; k++)
			if (v[i].cols[k].type == STORE_COL_OTHER)
				return store_fail(c, ERR_INVALID,
						  "column %s.%s has the type %s, which the copy cannot carry",
						  v[i].name, v[i].cols[k].name, v[i].cols[k].decl);
	}
	if ((e = tables_order(a, v, count)) != OK)
		return store_fail(c, e, "the arena's cap was reached");
	*out = v;
	*n = count;
	return OK;
}

/* ---- SQL from catalogue names ---- */

static void sql_ident(struct buf *b, const char *name)
{
	buf_putc(b, '"');
	for (const char *p = name; *p; p++) {
		if (*p == '"')
			buf_putc(b, '"');
		buf_putc(b, *p);
	}
	buf_putc(b, '"');
}

static void sql_columns(struct buf *b, const struct store_table *t)
{
	for (int k = 0; k < t->ncols; k++) {
		if (k)
			buf_puts(b, ", ");
		sql_ident(b, t->cols[k].name);
	}
}

/* SELECT of every column, ordered by the primary key (every column when
 * there is none), text in byte order. */
static void sql_select(struct buf *b, const struct store_conn *c, const struct store_table *t)
{
	bool has_pk = false;
	for (int k = 0; k < t->ncols; k++)
		has_pk |= t->cols[k].pk;
	buf_puts(b, "SELECT ");
	sql_columns(b, t);
	buf_puts(b, " FROM ");
	sql_ident(b, t->name);
	buf_puts(b, " ORDER BY ");
	bool first = true;
	for (int k = 0; k < t->ncols; k++) {
		if (has_pk && !t->cols[k].pk)
			continue;
		if (!first)
			buf_puts(b, ", ");
		first = false;
		sql_ident(b, t->cols[k].name);
		if (t->cols[k].type == STORE_COL_TEXT) {
			buf_puts(b, " COLLATE ");
			buf_puts(b, c->ops->binary_collation);
		}
	}
}

static void sql_insert(struct buf *b, const struct store_table *t)
{
	buf_puts(b, "INSERT INTO ");
	sql_ident(b, t->name);
	buf_puts(b, " (");
	sql_columns(b, t);
	buf_puts(b, ") VALUES (");
	for (int k = 0; k < t->ncols; k++) {
		if (k)
			buf_puts(b, ", ");
		buf_putc(b, '$');
		buf_int(b, k + 1);
	}
	buf_putc(b, ')');
}

/* Runs a built statement to its end; the caller has bound it. */
static enum err built_run(struct store_conn *c, struct store_stmt *st)
{
	bool row = true;
	enum err e = OK;
	while (!e && row)
		e = c->ops->step(st, &row);
	return e ? store_fail(c, e, NULL) : OK;
}

static enum err built_exec(struct store_conn *c, const struct buf *b)
{
	if (b->err)
		return store_fail(c, b->err, "a statement grew too long");
	struct store_stmt *st;
	enum err e = c->ops->prepare_built(c->db, buf_str(b), &st);
	if (e)
		return store_fail(c, e, NULL);
	e = built_run(c, st);
	c->ops->finalize(st);
	return e;
}

enum err store_table_count(struct store_conn *c, struct arena *a, const struct store_table *t, int64_t *n)
{
	struct buf b;
	buf_init(&b, a, COPY_SQL_MAX);
	buf_puts(&b, "SELECT count(*) FROM ");
	sql_ident(&b, t->name);
	if (b.err)
		return store_fail(c, b.err, "a statement grew too long");
	struct store_stmt *st;
	enum err e = c->ops->prepare_built(c->db, buf_str(&b), &st);
	if (e)
		return store_fail(c, e, NULL);
	bool row = false;
	if ((e = c->ops->step(st, &row)) != OK)
		store_fail(c, e, NULL);
	else
		*n = row ? c->ops->column_int64(st, 0) : 0;
	c->ops->finalize(st);
	return e;
}

/* ---- digests ---- */

static void digest_text(crypto_hash_sha256_state *h, const char *s)
{
	const char *run = s;
	for (const char *p = s; *p; p++) {
		const char *esc = *p == '\\' ? "\\\\" : *p == '\t' ? "\\t" : *p == '\n' ? "\\n" : *p == '\r' ? "\\r" : NULL;
		if (!esc)
			continue;
		crypto_hash_sha256_update(h, (const unsigned char *)run, (size_t)(p - run));
		crypto_hash_sha256_update(h, (const unsigned char *)esc, 2);
		run = p + 1;
	}
	crypto_hash_sha256_update(h, (const unsigned char *)run, strlen(run));
}

static void digest_head(crypto_hash_sha256_state *h, const struct store_table *t)
{
	crypto_hash_sha256_init(h);
	for (int k = 0; k < t->ncols; k++) {
		if (k)
			crypto_hash_sha256_update(h, (const unsigned char *)"\t", 1);
		digest_text(h, t->cols[k].name);
	}
	crypto_hash_sha256_update(h, (const unsigned char *)"\n", 1);
}

/* Bytes as "\\x" and lower-case hex (bytea's text form), the same on both
 * databases; a value that cannot be read is hashed as "\\?" so the digests
 * differ and the copy is refused rather than silently wrong. */
static void digest_blob(crypto_hash_sha256_state *h, const struct store_ops *ops, struct store_stmt *st,
			int k)
{
	static const char hex[] = "0123456789abcdef";
	const void *p = NULL;
	size_t n = 0;
	if (ops->column_blob(st, k, &p, &n) != OK) {
		crypto_hash_sha256_update(h, (const unsigned char *)"\\?", 2);
		return;
	}
	crypto_hash_sha256_update(h, (const unsigned char *)"\\x", 2);
	const unsigned char *b = p;
	for (size_t i = 0; i < n; i++) {
		unsigned char two[2] = { (unsigned char)hex[b[i] >> 4], (unsigned char)hex[b[i] & 15] };
		crypto_hash_sha256_update(h, two, 2);
	}
}

/* Adds the current row of st. */
static void digest_row(crypto_hash_sha256_state *h, const struct store_ops *ops, struct store_stmt *st,
		       const struct store_table *t)
{
	for (int k = 0; k < t->ncols; k++) {
		if (k)
			crypto_hash_sha256_update(h, (const unsigned char *)"\t", 1);
		if (ops->column_is_null(st, k)) {
			crypto_hash_sha256_update(h, (const unsigned char *)"\\N", 2);
		} else if (t->cols[k].type == STORE_COL_INT) {
			char num[24];
			int len = snprintf(num, sizeof num, "%lld", (long long)ops->column_int64(st, k));
			crypto_hash_sha256_update(h, (const unsigned char *)num, (size_t)len);
		} else if (t->cols[k].type == STORE_COL_BLOB) {
			digest_blob(h, ops, st, k);
		} else {
			const char *s = ops->column_text(st, k);
			digest_text(h, s ? s : "");
		}
	}
	crypto_hash_sha256_update(h, (const unsigned char *)"\n", 1);
}

static void digest_end(crypto_hash_sha256_state *h, char digest[65])
{
	unsigned char out[crypto_hash_sha256_BYTES];
	crypto_hash_sha256_final(h, out);
	sodium_bin2hex(digest, 65, out, sizeof out);
}

static enum err rows_open(struct store_conn *c, struct arena *a, const struct store_table *t,
			  struct store_stmt **st)
{
	struct buf b;
	buf_init(&b, a, COPY_SQL_MAX);
	sql_select(&b, c, t);
	if (b.err)
		return store_fail(c, b.err, "a statement grew too long");
	enum err e = c->ops->prepare_built(c->db, buf_str(&b), st);
	return e ? store_fail(c, e, NULL) : OK;
}

enum err store_table_digest(struct store_conn *c, struct arena *a, const struct store_table *t,
			    int64_t *rows, char digest[65])
{
	struct store_stmt *st;
	enum err e = rows_open(c, a, t, &st);
	if (e)
		return e;
	crypto_hash_sha256_state h;
	digest_head(&h, t);
	int64_t n = 0;
	bool row = false;
	while (!(e = c->ops->step(st, &row)) && row) {
		digest_row(&h, c->ops, st, t);
		n++;
	}
	if (e)
		store_fail(c, e, NULL);
	c->ops->finalize(st);
	digest_end(&h, digest);
	*rows = n;
	return e;
}

/* ---- loading ---- */

enum err store_load_begin(struct store_conn *c, struct arena *a, const struct store_table *t, int n,
			  bool clear)
{
	enum err e = c->ops->load_begin(c->db);
	if (e)
		return store_fail(c, e, NULL);
	if (!clear || n == 0)
		return OK;
	struct buf b;
	buf_init(&b, a, COPY_SQL_MAX);
	if (c->ops->truncate) {
		buf_puts(&b, "TRUNCATE ");
		for (int i = 0; i < n; i++) {
			if (i)
				buf_puts(&b, ", ");
			sql_ident(&b, t[i].name);
		}
		return built_exec(c, &b);
	}
	for (int i = n - 1; i >= 0 && !e; i--) {
		buf_reset(&b);
		buf_puts(&b, "DELETE FROM ");
		sql_ident(&b, t[i].name);
		e = built_exec(c, &b);
	}
	return e;
}

/* Binds the current row of src's statement to the insert. */
static enum err bind_row(struct store_conn *dst, struct store_stmt *ins, struct store_conn *src,
			 struct store_stmt *sel, const struct store_table *t)
{
	enum err e = OK;
	for (int k = 0; k < t->ncols && !e; k++) {
		if (src->ops->column_is_null(sel, k))
			e = dst->ops->bind_null(ins, k + 1);
		else if (t->cols[k].type == STORE_COL_INT)
			e = dst->ops->bind_int64(ins, k + 1, src->ops->column_int64(sel, k));
		else if (t->cols[k].type == STORE_COL_BLOB) {
			const void *p = NULL;
			size_t n = 0;
			if ((e = src->ops->column_blob(sel, k, &p, &n)) == OK)
				e = dst->ops->bind_blob(ins, k + 1, p, n);
		} else
			e = dst->ops->bind_text(ins, k + 1, src->ops->column_text(sel, k));
	}
	return e;
}

enum err store_load_table(struct store_conn *src, struct store_conn *dst, struct arena *a,
			  const struct store_table *t, int64_t *rows, char digest[65],
			  void (*progress)(void *ctx, int64_t rows), void *progress_ctx)
{
	struct store_stmt *sel = NULL, *ins = NULL;
	enum err e = rows_open(src, a, t, &sel);
	if (e)
		return e;
	struct buf b;
	buf_init(&b, a, COPY_SQL_MAX);
	sql_insert(&b, t);
	if (b.err) {
		e = store_fail(dst, b.err, "a statement grew too long");
		goto out;
	}
	if ((e = dst->ops->prepare_built(dst->db, buf_str(&b), &ins)) != OK) {
		store_fail(dst, e, NULL);
		goto out;
	}
	crypto_hash_sha256_state h;
	digest_head(&h, t);
	int64_t n = 0;
	bool row = false;
	while (!(e = src->ops->step(sel, &row)) && row) {
		digest_row(&h, src->ops, sel, t);
		if ((e = bind_row(dst, ins, src, sel, t)) != OK || (e = built_run(dst, ins)) != OK) {
			store_fail(dst, e, NULL);
			goto out;
		}
		dst->ops->reset(ins);
		if (++n % PROGRESS_EVERY == 0 && progress)
			progress(progress_ctx, n);
	}
	if (e) {
		store_fail(src, e, NULL);
		store_fail(dst, e, "reading %.60s: %.180s", t->name, src->msg);
		goto out;
	}
	digest_end(&h, digest);
	*rows = n;
	if (progress)
		progress(progress_ctx, n);
out:
	if (ins)
		dst->ops->finalize(ins);
	src->ops->finalize(sel);
	return e;
}

/* The largest value of t's identity column k in c (0 when empty). */
static enum err identity_max(struct store_conn *c, struct arena *a, const struct store_table *t, int k,
			     int64_t *max)
{
	struct buf b;
	buf_init(&b, a, COPY_SQL_MAX);
	buf_puts(&b, "SELECT max(");
	sql_ident(&b, t->cols[k].name);
	buf_puts(&b, ") FROM ");
	sql_ident(&b, t->name);
	if (b.err)
		return store_fail(c, b.err, "a statement grew too long");
	struct store_stmt *st;
	enum err e = c->ops->prepare_built(c->db, buf_str(&b), &st);
	if (e)
		return store_fail(c, e, NULL);
	bool row = false;
	if ((e = c->ops->step(st, &row)) != OK)
		store_fail(c, e, NULL);
	else
		*max = row && !c->ops->column_is_null(st, 0) ? c->ops->column_int64(st, 0) : 0;
	c->ops->finalize(st);
	return e;
}

enum err store_load_finish(struct store_conn *c, struct arena *a, const struct store_table *t, int n)
{
	char why[200] = "";
	enum err e = c->ops->load_check(c->db, why, sizeof why);
	if (e)
		return store_fail(c, e, "the copied rows break a foreign key: %s", why);
	for (int i = 0; i < n && !e && c->ops->set_identity; i++) {
		for (int k = 0; k < t[i].ncols && !e; k++) {
			if (!t[i].cols[k].identity)
				continue;
			int64_t max = 0;
			if ((e = identity_max(c, a, &t[i], k, &max)) != OK)
				break;
			if ((e = c->ops->set_identity(c->db, t[i].name, t[i].cols[k].name, max)) != OK)
				store_fail(c, e, NULL);
		}
	}
	return e;
}

void store_load_end(struct store_conn *c)
{
	c->ops->load_end(c->db);
}
