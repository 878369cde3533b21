/* store_fixture.h — the database a store conformance test runs against: a
 * fresh SQLite file by default, or the database named by EVNE_TEST_DB (so
 * tests/pg/run.sh checks the PostgreSQL backend with the same program). A
 * per-run suffix makes every unique value the test writes unique, so tests
 * can run against a database that already holds data. Used by the
 * test_store_*.c files as group setup and teardown. */
#ifndef EVNE_TEST_STORE_FIXTURE_H
#define EVNE_TEST_STORE_FIXTURE_H

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "base/text.h"
#include "store/store.h"

struct store_fixture {
	struct store *store;
	char url[512];
	char dir[256];
	char sfx[64];      /* append to unique values */
	bool own_db;       /* a SQLite file of ours, removed at the end */
};

static inline int store_fixture_open(struct store_fixture *f)
{
	const char *env = getenv("EVNE_TEST_DB");
	snprintf(f->dir, sizeof f->dir, "/tmp/evne-test-store-XXXXXX");
	if (!mkdtemp(f->dir))
		return -1;
	f->own_db = !env || !*env;
	if (f->own_db)
		snprintf(f->url, sizeof f->url, "sqlite:%s/test.db", f->dir);
	else
		snprintf(f->url, sizeof f->url, "%s", env);
	snprintf(f->sfx, sizeof f->sfx, "%lld-%d", (long long)time(NULL), (int)getpid());
	char msg[256] = "";
	if (store_open(f->url, 2, true, &f->store, msg, sizeof msg) != OK) {
		fprintf(stderr, "store_open %s: %s\n", f->url, msg);
		return -1;
	}
	return 0;
}

static inline void store_fixture_close(struct store_fixture *f)
{
	store_close(f->store);
	if (f->own_db) {
		const char *ext[] = { "", "-wal", "-shm", "-journal" };
		for (size_t i = 0; i < sizeof ext / sizeof ext[0]; i++) {
			char p[600];
			snprintf(p, sizeof p, "%s/test.db%s", f->dir, ext[i]);
			remove(p);
		}
	}
	rmdir(f->dir);
	text_shutdown();
}

static inline bool store_fixture_is_postgres(const struct store_fixture *f)
{
	return strncmp(f->url, "postgres", 8) == 0;
}

#endif
