/* cmd_export.c — evne export units|people|needs|strategy: reads the unit
 * tree or every person (inactive ones too), or a cycle's proposed needs or
 * published decided strategy (cmd_export_phase2.c), in one read
 * transaction, and writes them as CSV (units and people in the import's
 * columns, so the file imports back unchanged), XLSX or PDF through
 * io/export.h. The file appears whole or not at all: it is
 * written to FILE.tmp, synced and renamed. Binary formats are never sent to
 * a terminal. Progress goes to stderr when it is a terminal, then one
 * summary line ("people: 800 rows written to people.xlsx"); --quiet
 * silences both. Usage errors exit 2, failures 1. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli/cmd_export_phase2.h"
#include "cli/cmds.h"
#include "cli/opts.h"
#include "i18n/i18n.h"
#include "io/export.h"
#include "store/store.h"

enum { PAGE = 500, ARGS_MAX = 64 };

const char cmd_export_help[] =
	"usage: evne export units|people --db DB [--format csv|xlsx|pdf] [-o FILE]\n"
	"                   [--lang nb|nn|en] [--quiet]\n"
	"       evne export needs --cycle ID --db DB [--format ...] [-o FILE] [--lang L]\n"
	"       evne export strategy --cycle ID [--version N] [--part needs|measures]\n"
	"                   --db DB [--format ...] [-o FILE] [--lang L]\n"
	"\n"
	"Exports the organisation and phase 2's registers for HR.\n"
	"  units      the unit tree in tree order\n"
	"  people     everyone in Norwegian alphabetical order, inactive people\n"
	"             included (a person without an employee number or a unit is\n"
	"             exported too, but cannot be imported)\n"
	"  needs      the cycle's needs register: every proposed critical competence\n"
	"             need of every unit (drafts and returned proposals too), by unit\n"
	"             in Norwegian order, then as the unit ordered them; with the\n"
	"             proposal's status, the gap, the strategic goals' codes and,\n"
	"             once HR has merged it, the decided need it became\n"
	"  strategy   the cycle's published decided competence strategy (the latest\n"
	"             version, or --version N): the decided needs with the units that\n"
	"             proposed them and the goals they serve, and the measures with\n"
	"             the needs they answer\n"
	"  --format csv   (default) UTF-8 with a byte-order mark, semicolons, as\n"
	"                 Norwegian Excel reads them. Units and people have the\n"
	"                 import's columns, so the file imports back unchanged:\n"
	"                   units:  code;name;parent_code;leader_employee_number\n"
	"                   people: employee_number;name;email;unit_code;job_title;active\n"
	"                 Phase 2 writes the API's stored names (submitted, critical,\n"
	"                 one_to_three_years, ...), ISO dates and plain numbers:\n"
	"                   needs: unit_code;unit_name;status;competence_code;title;\n"
	"                     criticality;required_level;current_level;gap;\n"
	"                     people_affected;horizon;goal_codes;rationale;decided_need\n"
	"                   strategy --part needs (the default in CSV): title;\n"
	"                     description;scope;unit_name;competence;criticality;\n"
	"                     required_level;horizon;people_affected;proposed_by;goals\n"
	"                   strategy --part measures: title;description;kind;scope;\n"
	"                     unit_name;owner;deadline;budget;needs\n"
	"                 Lists in one cell are separated by \"; \" (goal codes: \", \").\n"
	"  --format xlsx  one sheet (strategy: a sheet for the needs and one for the\n"
	"                 measures), headings and words in --lang, frozen header,\n"
	"                 filter; levels, gap, people affected and budget as numbers\n"
	"  --format pdf   A4 tables for printing, headings and words in --lang, page\n"
	"                 numbers (strategy: the measures from a new page)\n"
	"  -o FILE        write FILE (via FILE.tmp, renamed when complete); without\n"
	"                 it, or with -o -, standard output, which must not be a\n"
	"                 terminal for xlsx and pdf. Without --format, a FILE ending\n"
	"                 in .xlsx or .pdf chooses that format.\n"
	"  --lang L       headings and words of xlsx and pdf: nb (default), nn or en\n"
	"  --cycle ID     the cycle of needs and strategy: its id (as in /cycles/ID)\n"
	"                 or its name (2027); units and people are not per cycle\n"
	"  --version N    strategy: published version N instead of the latest\n"
	"  --part P       strategy: only the needs or only the measures (xlsx and pdf\n"
	"                 hold both without it)\n"
	"  --quiet        no progress and no summary line\n"
	"In CSV and XLSX a name, title or text starting with = + - @ (or a tab or\n"
	"CR) gets a leading ' so a spreadsheet never runs it as a formula; codes,\n"
	"employee numbers and numbers are written as they are.\n"
	"Exit status: 0 done, 1 failure (no such database or cycle, nothing\n"
	"published, no such version, a file that cannot be written), 2 usage error.\n";

static int usage_error(const char *message)
{
	fprintf(stderr, "evne export: %s\n", message);
	fputs(cmd_export_help, stderr);
	return 2;
}

/* A SQLite database given as a path must exist: reading would otherwise
 * create an empty file. */
static bool database_exists(const char *db)
{
	if (strncmp(db, "postgresql:", 11) == 0 || strncmp(db, "postgres:", 9) == 0)
		return true;
	if (strncmp(db, "sqlite:", 7) == 0)
		db += 7;
	struct stat st;
	return stat(db, &st) == 0;
}

static bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n >= m && strcasecmp(s + n - m, suffix) == 0;
}

struct progress {
	const char *kind;
	bool shown;
};

static void on_progress(void *ctx, int done, int total)
{
	struct progress *p = ctx;
	int pct = total > 0 ? (int)((int64_t)done * 100 / total) : 100;
	fprintf(stderr, "Exporting %s: %3d%%%s", p->kind, pct, done == total ? ", done.\n" : "\r");
	p->shown = done != total;
}

/* ---- reading ---- */

/* Every person, active or not, in the store's order (name in Norwegian
 * collation, then id), page by page. */
static enum err read_people(struct store_conn *c, struct arena *a, struct person **out, int *n)
{
	struct export_pages all = { 0 };
	struct person_query q = { .include_inactive = true, .limit = PAGE };
	for (;;) {
		struct person *page;
		int got;
		enum err e = store_people_list(c, a, &q, &page, &got);
		if (e)
			return e;
		if (!export_pages_add(a, &all, page, got, sizeof *page))
			return ERR_TOO_BIG;
		if (got < PAGE)
			break;
		q.after_name = page[got - 1].name;
		q.after_id = page[got - 1].id;
	}
	*out = all.v;
	*n = all.len;
	return OK;
}

/* The leaders of the units (for their employee numbers), one per unit that
 * has one. */
static enum err read_leaders(struct store_conn *c, struct arena *a, const struct unit *units, int nunits,
			     struct person **out, int *n)
{
	struct person *v = arena_alloc(a, (size_t)(nunits > 0 ? nunits : 1) * sizeof *v);
	if (!v)
		return ERR_TOO_BIG;
	int len = 0;
	for (int i = 0; i < nunits; i++) {
		if (units[i].leader_id == 0)
			continue;
		enum err e = store_person_get(c, a, units[i].leader_id, &v[len]);
		if (e == ERR_NOTFOUND)
			continue;
		if (e)
			return e;
		len++;
	}
	*out = v;
	*n = len;
	return OK;
}

/* Reads what kind needs in one read transaction and builds the table. */
static int load(const char *db, struct arena *a, enum export_kind kind, const struct export_phase2_args *args,
		struct export_table *t)
{
	if (!database_exists(db)) {
		fprintf(stderr, "evne: %s: no such database (create it with 'evne init --db %s')\n", db, db);
		return 1;
	}
	char errmsg[256];
	struct store *s;
	if (store_open(db, 1, false, &s, errmsg, sizeof errmsg) != OK) {
		fprintf(stderr, "evne: %s\n", errmsg);
		return 1;
	}
	struct store_conn *c = store_acquire(s);
	if (kind == EXPORT_NEEDS || kind == EXPORT_STRATEGY) {
		enum err e = store_begin(c, false);
		int rc = e ? 1 : export_phase2_load(c, a, kind, args, t);
		if (e)
			fprintf(stderr, "evne: %s\n", store_errmsg(c));
		store_rollback(c);
		store_release(s, c);
		store_close(s);
		return rc;
	}
	enum lang lang = args->lang;
	struct unit *units = NULL;
	struct person *people = NULL;
	int nunits = 0, npeople = 0;
	enum err e = store_begin(c, false);
	if (!e)
		e = store_unit_tree(c, a, &units, &nunits);
	if (!e && kind == EXPORT_PEOPLE)
		e = read_people(c, a, &people, &npeople);
	if (!e && kind == EXPORT_UNITS)
		e = read_leaders(c, a, units, nunits, &people, &npeople);
	if (e)
		fprintf(stderr, "evne: %s\n", e == ERR_TOO_BIG ? "out of memory" : store_errmsg(c));
	store_rollback(c);
	store_release(s, c);
	store_close(s);
	if (e)
		return 1;
	e = kind == EXPORT_UNITS ? export_units_table(a, lang, units, nunits, people, npeople, t) :
				   export_people_table(a, lang, people, npeople, units, nunits, t);
	if (e) {
		fputs("evne: out of memory while preparing the export\n", stderr);
		return 1;
	}
	return 0;
}

/* ---- writing ---- */

/* Writes t in format f to the open stream out (csv, pdf) or to path (xlsx). */
static int write_table(enum export_format f, const struct export_table *t, FILE *out, const char *path,
		       const char *shown, const struct export_progress *p)
{
	char errmsg[512] = "";
	int64_t now = (int64_t)time(NULL);
	enum err e;
	if (f == EXPORT_CSV) {
		e = export_csv(out, t, p);
		if (e)
			snprintf(errmsg, sizeof errmsg, "%s: %s", shown, strerror(errno));
	} else if (f == EXPORT_PDF) {
		e = export_pdf(out, t, now, p, errmsg, sizeof errmsg);
		export_pdf_shutdown();
	} else {
		e = export_xlsx(path, t, now, p, errmsg, sizeof errmsg);
	}
	if (e) {
		fprintf(stderr, "evne: %s\n", errmsg);
		return 1;
	}
	return 0;
}

/* Copies the file at path to stdout. */
static int copy_to_stdout(const char *path)
{
	FILE *in = fopen(path, "rb");
	if (!in) {
		fprintf(stderr, "evne: %s: %s\n", path, strerror(errno));
		return 1;
	}
	char chunk[65536];
	size_t n;
	int rc = 0;
	while ((n = fread(chunk, 1, sizeof chunk, in)) > 0) {
		if (fwrite(chunk, 1, n, stdout) != n) {
			rc = 1;
			break;
		}
	}
	if (ferror(in) || fflush(stdout) != 0)
		rc = 1;
	if (rc)
		fprintf(stderr, "evne: cannot write to standard output: %s\n", strerror(errno));
	fclose(in);
	return rc;
}

/* Standard output: csv and pdf stream; xlsx goes through a temporary file,
 * since libxlsxwriter writes to a path. */
static int write_stdout(enum export_format f, const struct export_table *t, const struct export_progress *p)
{
	if (f != EXPORT_XLSX) {
		int rc = write_table(f, t, stdout, NULL, "standard output", p);
		if (!rc && fflush(stdout) != 0) {
			fprintf(stderr, "evne: cannot write to standard output: %s\n", strerror(errno));
			rc = 1;
		}
		return rc;
	}
	const char *dir = getenv("TMPDIR");
	char tmp[4096];
	snprintf(tmp, sizeof tmp, "%s/evne-export-XXXXXX", dir && *dir ? dir : "/tmp");
	int fd = mkstemp(tmp);
	if (fd < 0) {
		fprintf(stderr, "evne: cannot create a temporary file in %s: %s\n", dir && *dir ? dir : "/tmp",
			strerror(errno));
		return 1;
	}
	close(fd);
	int rc = write_table(f, t, NULL, tmp, tmp, p);
	if (!rc)
		rc = copy_to_stdout(tmp);
	unlink(tmp);
	return rc;
}

/* Flushes path's data to disk. */
static int sync_path(const char *path)
{
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		return -1;
	int rc = fsync(fd);
	close(fd);
	return rc;
}

/* path via path.tmp: written, synced, then renamed over path. */
static int write_file(struct arena *a, enum export_format f, const struct export_table *t, const char *path,
		      const struct export_progress *p)
{
	char *tmp = arena_printf(a, "%s.tmp", path);
	if (!tmp) {
		fputs("evne: out of memory\n", stderr);
		return 1;
	}
	int rc;
	if (f == EXPORT_XLSX) {
		/* libxlsxwriter reports an unwritable path only when it closes the
		 * workbook, and on stderr in its own words: check first. */
		FILE *probe = fopen(tmp, "wb");
		if (!probe) {
			fprintf(stderr, "evne: %s: %s\n", tmp, strerror(errno));
			return 1;
		}
		fclose(probe);
		rc = write_table(f, t, NULL, tmp, path, p);
	} else {
		FILE *out = fopen(tmp, "wb");
		if (!out) {
			fprintf(stderr, "evne: %s: %s\n", tmp, strerror(errno));
			return 1;
		}
		rc = write_table(f, t, out, NULL, path, p);
		if (fflush(out) != 0 && !rc) {
			fprintf(stderr, "evne: %s: %s\n", path, strerror(errno));
			rc = 1;
		}
		if (fclose(out) != 0 && !rc) {
			fprintf(stderr, "evne: %s: %s\n", path, strerror(errno));
			rc = 1;
		}
	}
	if (!rc && (sync_path(tmp) != 0 || rename(tmp, path) != 0)) {
		fprintf(stderr, "evne: %s: %s\n", path, strerror(errno));
		rc = 1;
	}
	if (rc)
		unlink(tmp);
	return rc;
}

/* --cycle, --version and --part: which kinds take them, and their values
 * (into args). 0, or 2 after a usage message. */
static int phase2_options(const struct opts *o, enum export_kind kind, struct export_phase2_args *args)
{
	const char *name = export_kind_name(kind);
	bool per_cycle = kind == EXPORT_NEEDS || kind == EXPORT_STRATEGY;
	if (!per_cycle && args->cycle) {
		fprintf(stderr, "evne export: %s are not per cycle, so --cycle does not apply to them;"
				" leave it out\n", name);
		return 2;
	}
	if (per_cycle && (!args->cycle || !*args->cycle)) {
		fprintf(stderr, "evne export: %s belongs to a cycle: give --cycle ID (the id in /cycles/ID,"
				" or the cycle's name)\n", name);
		return 2;
	}
	const char *version = opts_get(o, "version"), *part = opts_get(o, "part");
	if (kind != EXPORT_STRATEGY && (version || part)) {
		fprintf(stderr, "evne export: --%s is for the strategy export only\n",
			version ? "version" : "part");
		return 2;
	}
	if (version) {
		char *end;
		errno = 0;
		long long n = strtoll(version, &end, 10);
		if (errno || end == version || *end || n < 1) {
			fprintf(stderr, "evne export: --version must be a version number (1, 2, ...),"
					" not '%s'\n", version);
			return 2;
		}
		args->version = n;
	}
	if (part && !export_part_parse(part, &args->part)) {
		fprintf(stderr, "evne export: unknown --part '%s' (needs or measures)\n", part);
		return 2;
	}
	return 0;
}

/* Takes "-o FILE" / "-oFILE" out of argv (the shared parser knows only long
 * options) into *output; the rest goes to rest. -1 on a missing value. */
static int split_short_output(int argc, char **argv, char **rest, int *nrest, const char **output)
{
	*nrest = 0;
	for (int i = 0; i < argc; i++) {
		if (i > 0 && strncmp(argv[i], "-o", 2) == 0) {
			if (argv[i][2]) {
				*output = argv[i] + 2;
			} else if (i + 1 < argc) {
				*output = argv[++i];
			} else {
				return -1;
			}
			continue;
		}
		rest[(*nrest)++] = argv[i];
	}
	return 0;
}

int cmd_export(int argc, char **argv)
{
	if (argc > ARGS_MAX)
		return usage_error("too many arguments");
	char *rest[ARGS_MAX];
	int nrest;
	const char *short_output = NULL;
	if (split_short_output(argc, argv, rest, &nrest, &short_output) != 0)
		return usage_error("-o needs a file name");
	struct opt defs[] = { { "db", true, NULL },     { "cycle", true, NULL },   { "format", true, NULL },
			      { "output", true, NULL }, { "lang", true, NULL },    { "quiet", false, NULL },
			      { "version", true, NULL }, { "part", true, NULL } };
	struct opts o = { defs, (int)(sizeof defs / sizeof defs[0]), { 0 }, 0 };
	if (opts_parse(&o, nrest, rest) != 0) {
		fputs(cmd_export_help, stderr);
		return 2;
	}
	enum export_kind kind;
	if (o.npositional == 0)
		return usage_error("give the kind: units, people, needs or strategy");
	if (o.npositional > 1)
		return usage_error("give one kind and no other arguments (the file goes after -o)");
	if (!export_kind_parse(o.positional[0], &kind)) {
		fprintf(stderr, "evne export: unknown kind '%s' (units, people, needs or strategy)\n",
			o.positional[0]);
		fputs(cmd_export_help, stderr);
		return 2;
	}
	struct export_phase2_args args = { .cycle = opts_get(&o, "cycle"), .part = EXPORT_PART_ALL };
	int rc = phase2_options(&o, kind, &args);
	if (rc)
		return rc;
	const char *output = short_output ? short_output : opts_get(&o, "output");
	if (output && (!*output || strcmp(output, "-") == 0))
		output = NULL;
	enum export_format format = EXPORT_CSV;
	const char *fmt = opts_get(&o, "format");
	if (fmt && !export_format_parse(fmt, &format)) {
		fprintf(stderr, "evne export: unknown format '%s' (csv, xlsx or pdf)\n", fmt);
		return 2;
	}
	if (!fmt && output && ends_with(output, ".xlsx"))
		format = EXPORT_XLSX;
	else if (!fmt && output && ends_with(output, ".pdf"))
		format = EXPORT_PDF;
	const char *lang_opt = opts_get(&o, "lang");
	if (lang_opt && !lang_is_code(lang_opt)) {
		fprintf(stderr, "evne export: unknown language '%s' (nb, nn or en)\n", lang_opt);
		return 2;
	}
	args.lang = lang_parse(lang_opt);
	/* One CSV file holds one table: the strategy's needs unless --part. */
	if (kind == EXPORT_STRATEGY && format == EXPORT_CSV && args.part == EXPORT_PART_ALL)
		args.part = EXPORT_PART_NEEDS;
	if (!output && format != EXPORT_CSV && isatty(STDOUT_FILENO)) {
		fprintf(stderr, "evne export: will not write %s to a terminal; give -o FILE or redirect\n",
			export_format_name(format));
		return 2;
	}
	const char *db = opts_db(&o, "export");
	if (!db)
		return 2;
	bool quiet = opts_get(&o, "quiet") != NULL;

	struct arena a;
	arena_init(&a, 0);
	struct export_table t;
	rc = load(db, &a, kind, &args, &t);
	if (rc == 0) {
		struct progress prog = { export_kind_name(kind), false };
		struct export_progress p = { !quiet && isatty(STDERR_FILENO) ? on_progress : NULL, &prog };
		rc = output ? write_file(&a, format, &t, output, &p) : write_stdout(format, &t, &p);
		if (prog.shown)
			fputc('\n', stderr);
		int rows = export_total_rows(&t);
		if (rc == 0 && !quiet)
			fprintf(stderr, "%s: %d row%s written to %s\n", export_kind_name(kind), rows,
				rows == 1 ? "" : "s", output ? output : "standard output");
	}
	arena_free(&a);
	return rc;
}
