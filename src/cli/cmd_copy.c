/* cmd_copy.c — evne copy: moves a whole installation from one database to
 * another (SQLite to PostgreSQL and back). The source is read in one read
 * transaction (one snapshot, so evne may keep serving it) and is never
 * migrated; the target is created or migrated to the same schema version and
 * written in one transaction: every table, in the order of its foreign keys,
 * with its ids. Before that transaction commits, each table of the target is
 * read back and must give the same row count and SHA-256 as the source, so a
 * copy that commits is a proven copy; anything else rolls back and leaves the
 * target as it was. A target that holds rows beyond what its migrations
 * seed is refused unless --force; the target's tables are emptied inside the
 * same transaction before the load. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cmds.h"
#include "cli/opts.h"
#include "store/store.h"

struct copy_progress {
	bool show;
	const char *table;
};

static void show_progress(void *ctx, int64_t rows)
{
	struct copy_progress *p = ctx;
	if (p->show)
		fprintf(stderr, "\rcopying %s: %lld rows", p->table, (long long)rows);
}

/* The two sides must have the same tables with the same columns. */
static bool same_schema(const struct store_table *a, int na, const struct store_table *b, int nb)
{
	if (na != nb) {
		fprintf(stderr, "evne: copy: the source has %d tables, the target %d\n", na, nb);
		return false;
	}
	for (int i = 0; i < na; i++) {
		const struct store_table *x = &a[i], *y = NULL;
		for (int j = 0; j < nb && !y; j++)
			if (strcmp(b[j].name, x->name) == 0)
				y = &b[j];
		bool same = y && y->ncols == x->ncols;
		for (int k = 0; same && k < x->ncols; k++)
			same = strcmp(x->cols[k].name, y->cols[k].name) == 0 && x->cols[k].type == y->cols[k].type;
		if (!same) {
			fprintf(stderr, "evne: copy: the table %s differs between the source and the target\n",
				x->name);
			return false;
		}
	}
	return true;
}

/* Row counts and digests of every table as a freshly migrated database holds
 * them: the rows the migrations seed (phase texts, scale levels). A target
 * that still matches them holds no data of its own. Made in a temporary
 * SQLite file, since digests are the same on both backends. */
static enum err pristine_tables(struct arena *a, const struct store_table *t, int n, int64_t *rows,
				char (*digests)[65])
{
	char dir[] = "/tmp/evne-copy-XXXXXX";
	if (!mkdtemp(dir))
		return ERR_IO;
	char *path = arena_printf(a, "%s/pristine.db", dir);
	char err[256];
	struct store *s = NULL;
	enum err e = path ? store_open(path, 1, true, &s, err, sizeof err) : ERR_TOO_BIG;
	if (e == OK) {
		struct store_conn *c = store_acquire(s);
		for (int i = 0; i < n && e == OK; i++)
			e = store_table_digest(c, a, &t[i], &rows[i], digests[i]);
		store_release(s, c);
		store_close(s);
	}
	static const char *const suffixes[] = { "", "-wal", "-shm" };
	for (size_t i = 0; path && i < sizeof suffixes / sizeof suffixes[0]; i++) {
		char *f = arena_printf(a, "%s%s", path, suffixes[i]);
		if (f)
			unlink(f);
	}
	rmdir(dir);
	return e;
}

/* The first table of the target that holds rows of its own (beyond what the
 * migrations seed), or NULL; *rows its count. */
static enum err first_nonempty(struct store_conn *c, struct arena *a, const struct store_table *t, int n,
			       const char **name, int64_t *rows)
{
	*name = NULL;
	int64_t *seeded = arena_alloc(a, ((size_t)n + 1) * sizeof *seeded);
	char (*seed_digest)[65] = arena_alloc(a, ((size_t)n + 1) * sizeof *seed_digest);
	if (!seeded || !seed_digest)
		return ERR_TOO_BIG;
	enum err e = pristine_tables(a, t, n, seeded, seed_digest);
	if (e)
		return e;
	for (int i = 0; i < n; i++) {
		char digest[65];
		e = store_table_digest(c, a, &t[i], rows, digest);
		if (e)
			return e;
		if (*rows != seeded[i] || strcmp(digest, seed_digest[i]) != 0) {
			*name = t[i].name;
			return OK;
		}
	}
	return OK;
}

static int copy_run(struct store_conn *src, struct store_conn *dst, struct arena *a, bool force, bool quiet)
{
	struct store_table *st, *dt;
	int ns = 0, nd = 0;
	if (store_tables(src, a, &st, &ns) != OK) {
		fprintf(stderr, "evne: copy: reading the source's tables: %s\n", store_errmsg(src));
		return 1;
	}
	if (store_tables(dst, a, &dt, &nd) != OK) {
		fprintf(stderr, "evne: copy: reading the target's tables: %s\n", store_errmsg(dst));
		return 1;
	}
	if (!same_schema(st, ns, dt, nd))
		return 1;
	const char *full = NULL;
	int64_t nfull = 0;
	if (first_nonempty(dst, a, st, ns, &full, &nfull) != OK) {
		fprintf(stderr, "evne: copy: reading the target: %s\n", store_errmsg(dst));
		return 1;
	}
	if (full && !force) {
		fprintf(stderr, "evne: copy: the target is not empty (%s has %lld rows); --force replaces"
				" everything in it\n", full, (long long)nfull);
		return 1;
	}
	struct copy_progress prog = { .show = !quiet && isatty(2) };
	int64_t total = 0;
	int64_t *rows = arena_alloc(a, ((size_t)ns + 1) * sizeof *rows);
	char (*digests)[65] = arena_alloc(a, ((size_t)ns + 1) * sizeof *digests);
	if (!rows || !digests) {
		fputs("evne: copy: out of memory\n", stderr);
		return 1;
	}
	if (store_begin(src, false) != OK) {
		fprintf(stderr, "evne: copy: reading the source: %s\n", store_errmsg(src));
		return 1;
	}
	int rc = 1;
	/* the source brings its own seeded rows too: empty the target first */
	if (store_load_begin(dst, a, st, ns, true) != OK) {
		fprintf(stderr, "evne: copy: preparing the target: %s\n", store_errmsg(dst));
		goto out;
	}
	for (int i = 0; i < ns; i++) {
		prog.table = st[i].name;
		if (store_load_table(src, dst, a, &st[i], &rows[i], digests[i], show_progress, &prog) != OK) {
			if (prog.show)
				fputc('\n', stderr);
			fprintf(stderr, "evne: copy: table %s: %s\n", st[i].name, store_errmsg(dst));
			goto out;
		}
		if (prog.show)
			fputc('\n', stderr);
		total += rows[i];
	}
	if (store_load_finish(dst, a, st, ns) != OK) {
		fprintf(stderr, "evne: copy: %s\n", store_errmsg(dst));
		goto out;
	}
	for (int i = 0; i < ns; i++) {
		int64_t n = 0;
		char digest[65];
		if (store_table_digest(dst, a, &st[i], &n, digest) != OK) {
			fprintf(stderr, "evne: copy: checking table %s: %s\n", st[i].name, store_errmsg(dst));
			goto out;
		}
		if (n != rows[i] || strcmp(digest, digests[i]) != 0) {
			fprintf(stderr, "evne: copy: table %s differs after copying (%lld rows, %lld copied);"
					" nothing was written\n", st[i].name, (long long)n, (long long)rows[i]);
			goto out;
		}
	}
	if (store_commit(dst) != OK) {
		fprintf(stderr, "evne: copy: committing the target: %s\n", store_errmsg(dst));
		goto out;
	}
	rc = 0;
	if (!quiet)
		printf("copied %lld rows in %d tables%s; row counts and SHA-256 checksums match\n",
		       (long long)total, ns, full ? " (the target's old rows were replaced)" : "");
out:
	store_rollback(dst);
	store_load_end(dst);
	store_rollback(src);
	return rc;
}

int cmd_copy(int argc, char **argv)
{
	struct opt defs[] = { { "from", true, NULL }, { "to", true, NULL }, { "force", false, NULL },
			      { "quiet", false, NULL } };
	struct opts o = { defs, 4, { 0 }, 0 };
	if (opts_parse(&o, argc, argv))
		return 2;
	const char *from = opts_get(&o, "from"), *to = opts_get(&o, "to");
	if (o.npositional != 0 || !from || !to || !*from || !*to) {
		fputs("usage: evne copy --from DB --to DB [--force] [--quiet]\n", stderr);
		return 2;
	}
	if (strcmp(from, to) == 0) {
		fputs("evne: copy: the source and the target are the same database\n", stderr);
		return 2;
	}
	char err[256];
	struct store *s = NULL, *d = NULL;
	if (store_open(from, 1, false, &s, err, sizeof err) != OK) {
		fprintf(stderr, "evne: copy: the source: %s\n", err);
		return 1;
	}
	if (store_open(to, 1, true, &d, err, sizeof err) != OK) {
		fprintf(stderr, "evne: copy: the target: %s\n", err);
		store_close(s);
		return 1;
	}
	struct store_conn *src = store_acquire(s), *dst = store_acquire(d);
	int rc = 1;
	int vs = store_schema_version(src), vd = store_schema_version(dst);
	if (vs != vd) {
		fprintf(stderr, "evne: copy: the source is at schema version %d and the target at %d;"
				" run evne init on the older one first\n", vs, vd);
	} else {
		struct arena a;
		arena_init(&a, 0);
		rc = copy_run(src, dst, &a, opts_get(&o, "force") != NULL, opts_get(&o, "quiet") != NULL);
		arena_free(&a);
	}
	store_release(d, dst);
	store_release(s, src);
	store_close(d);
	store_close(s);
	return rc;
}
