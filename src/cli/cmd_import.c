/* cmd_import.c — evne import units|people|competences|goals FILE: reads a CSV file, checks
 * every row, and applies it in one transaction: all rows or nothing. Errors
 * are printed as "evne: FILE:LINE: column COL: message" (at most 50, then a
 * count), in English as git does; the words for each problem live in one
 * table here. On success one summary line goes to stdout. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "base/buf.h"
#include "cli/cmds.h"
#include "cli/opts.h"
#include "domain/competences.h"
#include "domain/import.h"
#include "domain/strategy.h"
#include "io/import_csv.h"
#include "store/import.h"
#include "store/store.h"

enum { ERRORS_SHOWN = 50, VALUE_SHOWN = 60 };
enum { FILE_MAX = 512 * 1024 * 1024 };

const char cmd_import_help[] =
	"usage: evne import units|people|competences|goals FILE --db DB [--dry-run] [--skip-leaders] [--quiet]\n"
	"\n"
	"Imports a CSV file (UTF-8, comma or semicolon, header line required) and\n"
	"upserts units by code, people by employee number, competences (with\n"
	"their areas) by code and unit goals by cycle, unit code and title. All or\n"
	"nothing: any error writes nothing. See docs/import.md.\n"
	"  units:  code,name[,parent_code][,leader_employee_number]\n"
	"  people: employee_number,name,unit_code[,email][,job_title][,active]\n"
	"  competences: area_code,area_name[,parent_area_code],code,name[,description]\n"
	"  goals:  cycle,unit_code,goal_code,title[,contribution]\n"
	"  --dry-run       check and count, write nothing\n"
	"  --skip-leaders  units: ignore leader_employee_number. For a first load:\n"
	"                  import units --skip-leaders, then people, then units again\n"
	"  --quiet         no progress and no summary line\n";

/* Reads the whole file into a's memory. */
static int read_file(struct arena *a, const char *path, char **data, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		fprintf(stderr, "evne: %s: %s\n", path, strerror(errno));
		return -1;
	}
	struct buf b;
	buf_init(&b, a, FILE_MAX);
	char chunk[65536];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_add(&b, chunk, n);
	int rc = 0;
	if (ferror(f)) {
		fprintf(stderr, "evne: %s: %s\n", path, strerror(errno));
		rc = -1;
	} else if (b.err != OK) {
		fprintf(stderr, "evne: %s: the file is larger than %d MB\n", path, FILE_MAX / (1024 * 1024));
		rc = -1;
	}
	fclose(f);
	*data = b.data ? b.data : (char *)"";
	*len = b.len;
	return rc;
}

/* A value as shown in a message: quoted, control characters as '?', cut
 * at a character boundary after VALUE_SHOWN bytes. */
static void put_value(struct buf *b, const char *v)
{
	buf_putc(b, '"');
	size_t n = 0;
	for (const char *p = v ? v : ""; *p; p++, n++) {
		if (n >= VALUE_SHOWN && ((unsigned char)*p & 0xc0) != 0x80) {
			buf_puts(b, "...");
			break;
		}
		buf_putc(b, (unsigned char)*p < 0x20 ? '?' : *p);
	}
	buf_putc(b, '"');
}

static int max_chars(const char *column)
{
	if (strcmp(column, "title") == 0)
		return STRATEGY_TITLE_MAX_CHARS;
	if (strcmp(column, "contribution") == 0)
		return STRATEGY_TEXT_MAX_CHARS;
	if (strcmp(column, "goal_code") == 0)
		return STRATEGY_CODE_MAX_CHARS;
	if (strcmp(column, "name") == 0)
		return NAME_MAX_CHARS;
	if (strcmp(column, "job_title") == 0)
		return TITLE_MAX_CHARS;
	if (strcmp(column, "email") == 0)
		return EMAIL_MAX_CHARS;
	if (strcmp(column, "area_name") == 0)
		return NAME_MAX_CHARS;
	if (strcmp(column, "description") == 0)
		return COMPETENCE_DESC_MAX_CHARS;
	return CODE_MAX_CHARS;
}

/* The English words for one error (after "column COL: "). */
static void describe(struct buf *b, const struct import_error *e)
{
	const char *col = e->column ? e->column : "";
	if (e->in_header) {
		buf_puts(b, e->problem == PROB_DUPLICATE ? "the column appears twice in the header line" :
			 "required column missing from the header line");
		return;
	}
	switch (e->problem) {
	case PROB_REQUIRED:
		buf_puts(b, "a value is required");
		break;
	case PROB_TOO_LONG:
		buf_printf(b, "too long (at most %d characters)", max_chars(col));
		break;
	case PROB_BAD_CODE:
		put_value(b, e->detail);
		buf_puts(b, " is not a valid code (only letters a-z, digits, '.', '-' and '_')");
		break;
	case PROB_BAD_EMAIL:
		put_value(b, e->detail);
		buf_puts(b, " is not a valid e-mail address");
		break;
	case PROB_BAD_TEXT:
		if (!e->column && e->detail)
			buf_puts(b, e->detail);
		else
			buf_puts(b, "contains a line break or a control character");
		break;
	case PROB_UNKNOWN_REF:
		if (strcmp(col, "leader_employee_number") == 0) {
			buf_puts(b, "no person with employee number ");
			put_value(b, e->detail);
			buf_puts(b, " (import people first; on a first load import units with"
				    " --skip-leaders, then people, then units again)");
		} else if (strcmp(col, "parent_area_code") == 0) {
			buf_puts(b, "no competence area with code ");
			put_value(b, e->detail);
			buf_puts(b, " in the file or the database");
		} else if (strcmp(col, "unit_code") == 0) {
			buf_puts(b, "no unit with code ");
			put_value(b, e->detail);
			buf_puts(b, " (import units first)");
		} else if (strcmp(col, "cycle") == 0) {
			buf_puts(b, "no cycle named ");
			put_value(b, e->detail);
		} else if (strcmp(col, "goal_code") == 0) {
			buf_puts(b, "no strategic goal with code ");
			put_value(b, e->detail);
			buf_puts(b, " in the cycle's published strategy");
		} else {
			buf_puts(b, "no unit with code ");
			put_value(b, e->detail);
			buf_puts(b, " in the file or the database");
		}
		break;
	case PROB_CYCLE:
		buf_printf(b, "a%s cannot be placed under itself (%s)",
			   strcmp(col, "parent_area_code") == 0 ? " competence area" : " unit",
			   e->detail ? e->detail : "");
		break;
	case PROB_TAKEN:
		put_value(b, e->detail);
		buf_puts(b, " is already used by another record");
		break;
	case PROB_DUPLICATE:
		put_value(b, e->detail);
		if (strcmp(col, "area_name") == 0 || strcmp(col, "parent_area_code") == 0)
			buf_printf(b, " differs from line %d (an area must be the same on every row)",
				   e->other_line);
		else
			buf_printf(b, " is already on line %d", e->other_line);
		break;
	case PROB_NOT_ALLOWED:
		buf_puts(b, "the cycle ");
		put_value(b, e->detail);
		buf_puts(b, " is closed; its unit goals are read-only");
		break;
	case PROB_BAD_BOOL:
		put_value(b, e->detail);
		buf_puts(b, " is not yes or no (use ja/nei, yes/no, true/false or 1/0)");
		break;
	default:
		buf_puts(b, problem_code(e->problem));
		break;
	}
}

static void print_errors(struct arena *a, const char *file, const struct import_errors *errs)
{
	int shown = errs->n < ERRORS_SHOWN ? errs->n : ERRORS_SHOWN;
	for (int i = 0; i < shown; i++) {
		const struct import_error *e = &errs->e[i];
		struct buf b;
		buf_init(&b, a, 0);
		buf_printf(&b, "evne: %s", file);
		if (e->line > 0)
			buf_printf(&b, ":%d", e->line);
		buf_puts(&b, ": ");
		if (e->column)
			buf_printf(&b, "column %s: ", e->column);
		describe(&b, e);
		fprintf(stderr, "%s\n", buf_str(&b));
	}
	int rest = import_error_total(errs) - shown;
	if (rest > 0)
		fprintf(stderr, "evne: %d more error%s\n", rest, rest == 1 ? "" : "s");
}

struct progress {
	const char *kind;
	bool shown;
};

static void on_progress(void *ctx, int done, int total)
{
	struct progress *p = ctx;
	int pct = total > 0 ? (int)((int64_t)done * 100 / total) : 100;
	fprintf(stderr, "Importing %s: %3d%% (%d/%d)%s", p->kind, pct, done, total,
		done == total ? ", done.\n" : "\r");
	p->shown = done != total;
}

/* A SQLite database given as a path must exist: a mistyped --db would
 * otherwise create an empty database. */
static bool database_exists(const char *db)
{
	if (strncmp(db, "postgresql:", 11) == 0 || strncmp(db, "postgres:", 9) == 0)
		return true;
	if (strncmp(db, "sqlite:", 7) == 0)
		db += 7;
	struct stat st;
	return stat(db, &st) == 0;
}

int cmd_import(int argc, char **argv)
{
	struct opt defs[] = { { "db", true, NULL }, { "dry-run", false, NULL }, { "quiet", false, NULL },
			      { "skip-leaders", false, NULL } };
	struct opts o = { defs, 4, { 0 }, 0 };
	enum import_kind kind;
	if (opts_parse(&o, argc, argv) != 0) {
		fputs(cmd_import_help, stderr);
		return 2;
	}
	if (o.npositional != 2 || !import_kind_parse(o.positional[0], &kind)) {
		if (o.npositional >= 1 && !import_kind_parse(o.positional[0], &kind))
			fprintf(stderr, "evne import: unknown kind '%s' (units, people, competences or goals)\n", o.positional[0]);
		else
			fputs("evne import: give the kind and the file\n", stderr);
		fputs(cmd_import_help, stderr);
		return 2;
	}
	const char *file = o.positional[1];
	const char *db = opts_db(&o, "import");
	if (!db)
		return 2;
	bool dry_run = opts_get(&o, "dry-run") != NULL;
	bool quiet = opts_get(&o, "quiet") != NULL;
	bool skip_leaders = opts_get(&o, "skip-leaders") != NULL;
	if (skip_leaders && kind != IMPORT_UNITS) {
		fputs("evne import: --skip-leaders is for units\n", stderr);
		return 2;
	}

	int rc = 1;
	struct arena a;
	arena_init(&a, 0);
	struct store *s = NULL;
	struct store_conn *c = NULL;
	bool in_tx = false;
	char *data;
	size_t len;
	struct import_plan plan;
	struct import_counts counts = { 0, 0, 0, 0, 0 };

	if (read_file(&a, file, &data, &len) != 0)
		goto out;
	enum err e = import_csv_read(&a, kind, data, len, &plan);
	if (e == ERR_TOO_BIG) {
		fprintf(stderr, "evne: %s: the file is too big to import\n", file);
		goto out;
	}
	if (e != OK) {
		print_errors(&a, file, &plan.errors);
		goto out;
	}
	if (!database_exists(db)) {
		fprintf(stderr, "evne: %s: no such database (create it with 'evne init --db %s')\n", db, db);
		goto out;
	}
	char errmsg[256];
	if (store_open(db, 1, true, &s, errmsg, sizeof errmsg) != OK) {
		fprintf(stderr, "evne: %s\n", errmsg);
		s = NULL;
		goto out;
	}
	c = store_acquire(s);
	if ((e = store_begin(c, true)) != OK) {
		fprintf(stderr, "evne: %s\n", store_errmsg(c));
		goto out;
	}
	in_tx = true;
	struct progress prog = { import_kind_name(kind), false };
	struct import_apply_opts ao = {
		.user_id = 0,
		.now = (int64_t)time(NULL),
		.skip_leaders = skip_leaders,
		.progress = !quiet && isatty(STDERR_FILENO) ? on_progress : NULL,
		.progress_ctx = &prog,
	};
	e = store_import_apply(c, &a, &plan, &ao, &counts);
	if (prog.shown)
		fputc('\n', stderr);
	if (e == ERR_INVALID) {
		print_errors(&a, file, &plan.errors);
		goto out;
	}
	if (e != OK) {
		fprintf(stderr, "evne: %s\n", store_errmsg(c));
		goto out;
	}
	if (dry_run) {
		store_rollback(c);
	} else if ((e = store_commit(c)) != OK) {
		fprintf(stderr, "evne: %s\n", store_errmsg(c));
		goto out;
	}
	in_tx = false;
	if (!quiet && kind == IMPORT_COMPETENCES)
		printf("competences: %d created, %d updated, %d unchanged; areas: %d created, %d updated%s\n",
		       counts.created, counts.updated, counts.unchanged, counts.areas_created,
		       counts.areas_updated, dry_run ? " (dry run: nothing written)" : "");
	else if (!quiet)
		printf("%s: %d created, %d updated, %d unchanged%s\n", import_kind_name(kind), counts.created,
		       counts.updated, counts.unchanged, dry_run ? " (dry run: nothing written)" : "");
	rc = 0;
out:
	if (in_tx)
		store_rollback(c);
	if (c)
		store_release(s, c);
	if (s)
		store_close(s);
	arena_free(&a);
	return rc;
}
