/* opts.h — the small option parser every subcommand shares: long options
 * "--name VALUE" / "--name=VALUE" and flags, positional arguments kept in
 * order, and the --db default from EVNE_DB. */
#ifndef EVNE_OPTS_H
#define EVNE_OPTS_H

#include <stdbool.h>

struct opt {
	const char *name;       /* "db" for --db */
	bool takes_value;
	const char *value;      /* set by opts_parse; "1" for a flag that was given */
};

enum { OPTS_MAX_POSITIONAL = 8 };

struct opts {
	struct opt *opts;
	int nopts;
	const char *positional[OPTS_MAX_POSITIONAL];
	int npositional;
};

/* Parses argv[1..]; on an unknown option or a missing value prints
 * "evne CMD: ..." to stderr and returns -1 (the caller exits 2). */
int opts_parse(struct opts *o, int argc, char **argv);
const char *opts_get(const struct opts *o, const char *name);
/* --db, else $EVNE_DB; prints a usage error and returns NULL when neither. */
const char *opts_db(const struct opts *o, const char *cmd);
/* Parses a non-negative integer option; returns -1 and prints on bad input. */
long opts_long(const struct opts *o, const char *name, long dflt, long max);

#endif
