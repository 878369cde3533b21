/* main.c — the subcommand table and the top-level help. Each subcommand lives
 * in its own cmd_*.c. */
#include <stdio.h>
#include <string.h>

#include "base/crypto.h"
#include "base/text.h"
#include "cli/cmds.h"

struct command {
	const char *name;
	int (*fn)(int argc, char **argv);
	const char *usage;
	const char *summary;
	const char *help;       /* longer text for 'evne COMMAND --help'; NULL: usage + summary */
};

static const struct command commands[] = {
	{ "init", cmd_init, "init --db DB", "create or migrate the database (idempotent)", NULL },
	{ "serve", cmd_serve, "serve --db DB [--listen ADDR:PORT] [--workers N]", "run the web server", cmd_serve_help },
	{ "demo", cmd_demo, "demo --db DB [--units N] [--people N] [--seed S] [--phase 1|2]", "create a realistic demo organisation", NULL },
	{ "user", cmd_user, "user add --db DB --email E --name NAME --role ROLE", "add a user (password read from stdin)", NULL },
	{ "token", cmd_token, "token create --db DB --email E [--name LABEL]", "create an API token (printed once)", NULL },
	{ "import", cmd_import, "import units|people|goals|competences FILE --db DB [--dry-run]",
	  "import a CSV file (all or nothing)", cmd_import_help },
	{ "export", cmd_export, "export units|people|needs|strategy --db DB [--cycle ID] [-o F]",
	  "export for HR (CSV, Excel, PDF)", cmd_export_help },
	{ "backup", cmd_backup, "backup --db DB FILE", "consistent online copy of the database", NULL },
	{ "copy", cmd_copy, "copy --from DB --to DB [--force]", "copy a whole installation to another database", NULL },
	{ "routes", cmd_routes, "routes", "list the HTTP routes and their permissions", NULL },
	{ "version", cmd_version, "version", "print the version", NULL },
};

static void usage(FILE *f)
{
	fputs("usage: evne COMMAND [OPTIONS]\n\n"
	      "evne runs the yearly competence discussions of an organisation.\n\n"
	      "Commands:\n", f);
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		fprintf(f, "  evne %-62s %s\n", commands[i].usage, commands[i].summary);
	fputs("\nDB is a SQLite file path, sqlite:PATH or a postgresql:// URI. EVNE_DB and\n"
	      "EVNE_LISTEN are the defaults for --db and --listen. Long commands accept --quiet.\n"
	      "Exit status: 0 success, 1 failure, 2 usage error.\n"
	      "Run 'evne COMMAND --help' for one command's options.\n", f);
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		usage(stderr);
		return 2;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "help") == 0) {
		usage(stdout);
		return 0;
	}
	if (strcmp(argv[1], "--version") == 0)
		return cmd_version(argc - 1, argv + 1);
	if (crypto_init() != 0) {
		fputs("evne: cannot initialise libsodium\n", stderr);
		return 1;
	}
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
		if (strcmp(argv[1], commands[i].name) != 0)
			continue;
		for (int k = 2; k < argc; k++) {
			if (strcmp(argv[k], "--help") == 0 || strcmp(argv[k], "-h") == 0) {
				if (commands[i].help)
					fputs(commands[i].help, stdout);
				else
					printf("usage: evne %s\n%s\n", commands[i].usage, commands[i].summary);
				return 0;
			}
		}
		int rc = commands[i].fn(argc - 1, argv + 1);
		text_shutdown();
		return rc;
	}
	fprintf(stderr, "evne: unknown command '%s'\n\n", argv[1]);
	usage(stderr);
	return 2;
}
