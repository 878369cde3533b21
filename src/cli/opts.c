/* opts.c — the shared option parser. */
#include "cli/opts.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static struct opt *find(struct opts *o, const char *name, size_t n)
{
	for (int i = 0; i < o->nopts; i++)
		if (strlen(o->opts[i].name) == n && strncmp(o->opts[i].name, name, n) == 0)
			return &o->opts[i];
	return NULL;
}

int opts_parse(struct opts *o, int argc, char **argv)
{
	o->npositional = 0;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (strncmp(a, "--", 2) != 0 || a[2] == '\0') {
			if (o->npositional == OPTS_MAX_POSITIONAL) {
				fprintf(stderr, "evne %s: too many arguments\n", argv[0]);
				return -1;
			}
			o->positional[o->npositional++] = a;
			continue;
		}
		const char *name = a + 2;
		const char *eq = strchr(name, '=');
		size_t n = eq ? (size_t)(eq - name) : strlen(name);
		struct opt *opt = find(o, name, n);
		if (!opt) {
			fprintf(stderr, "evne %s: unknown option --%.*s\n", argv[0], (int)n, name);
			return -1;
		}
		if (!opt->takes_value) {
			if (eq) {
				fprintf(stderr, "evne %s: --%s takes no value\n", argv[0], opt->name);
				return -1;
			}
			opt->value = "1";
		} else if (eq) {
			opt->value = eq + 1;
		} else if (i + 1 < argc) {
			opt->value = argv[++i];
		} else {
			fprintf(stderr, "evne %s: --%s needs a value\n", argv[0], opt->name);
			return -1;
		}
	}
	return 0;
}

const char *opts_get(const struct opts *o, const char *name)
{
	for (int i = 0; i < o->nopts; i++)
		if (strcmp(o->opts[i].name, name) == 0)
			return o->opts[i].value;
	return NULL;
}

const char *opts_db(const struct opts *o, const char *cmd)
{
	const char *db = opts_get(o, "db");
	if (!db || !*db)
		db = getenv("EVNE_DB");
	if (!db || !*db) {
		fprintf(stderr, "evne %s: no database: give --db DB or set EVNE_DB\n", cmd);
		return NULL;
	}
	return db;
}

long opts_long(const struct opts *o, const char *name, long dflt, long max)
{
	const char *v = opts_get(o, name);
	if (!v)
		return dflt;
	char *end;
	errno = 0;
	long n = strtol(v, &end, 10);
	if (errno || end == v || *end || n < 0 || n > max) {
		fprintf(stderr, "evne: --%s must be a whole number from 0 to %ld, not \"%s\"\n", name, max, v);
		return -1;
	}
	return n;
}
