/* cmd_backup.c — evne backup: a consistent copy of a live database, safe
 * while evne serve is writing (SQLite's online backup API). */
#include <stdio.h>

#include "cli/cmds.h"
#include "cli/opts.h"
#include "store/store.h"

int cmd_backup(int argc, char **argv)
{
	struct opt defs[] = { { "db", true, NULL }, { "quiet", false, NULL } };
	struct opts o = { defs, 2, { 0 }, 0 };
	if (opts_parse(&o, argc, argv))
		return 2;
	if (o.npositional != 1) {
		fputs("usage: evne backup --db DB FILE\n", stderr);
		return 2;
	}
	const char *db = opts_db(&o, "backup");
	if (!db)
		return 2;
	char err[256];
	struct store *s;
	if (store_open(db, 1, false, &s, err, sizeof err) != OK) {
		fprintf(stderr, "evne: %s\n", err);
		return 1;
	}
	enum err e = store_backup(s, o.positional[0], err, sizeof err);
	store_close(s);
	if (e != OK) {
		fprintf(stderr, "evne: backup to %s failed: %s\n", o.positional[0], err);
		return 1;
	}
	if (!opts_get(&o, "quiet"))
		printf("backup written to %s\n", o.positional[0]);
	return 0;
}
