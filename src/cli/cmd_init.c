/* cmd_init.c — evne init: create the database or bring its schema up to date. */
#include <stdio.h>

#include "cli/cmds.h"
#include "cli/opts.h"
#include "store/store.h"

int cmd_init(int argc, char **argv)
{
	struct opt defs[] = { { "db", true, NULL }, { "quiet", false, NULL } };
	struct opts o = { defs, 2, { 0 }, 0 };
	if (opts_parse(&o, argc, argv) || o.npositional)
		return 2;
	const char *db = opts_db(&o, "init");
	if (!db)
		return 2;
	char err[256];
	struct store *s;
	if (store_open(db, 1, true, &s, err, sizeof err) != OK) {
		fprintf(stderr, "evne: %s\n", err);
		return 1;
	}
	struct store_conn *c = store_acquire(s);
	int version = store_schema_version(c);
	store_release(s, c);
	store_close(s);
	if (!opts_get(&o, "quiet")) {
		struct arena a;
		arena_init(&a, 0);
		printf("%s: schema version %d\n", store_url_display(&a, db), version);
		arena_free(&a);
	}
	return 0;
}
