/* cmd_demo.c — evne demo: fills an empty database with the demo
 * organisation of demo_data.c (units, people, leaders, one log-in per role)
 * and its competence catalogue in one transaction, and prints the log-ins. A database that already holds
 * units is refused: demo data never mixes with real data. */
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "base/crypto.h"
#include "cli/cmds.h"
#include "cli/demo_data.h"
#include "cli/opts.h"
#include "store/competences.h"
#include "store/store.h"

enum { PROGRESS_EVERY = 1000, SEED_MAX = 999999999 };

static const char usage_text[] =
	"usage: evne demo --db DB [--units N] [--people N] [--seed S] [--quiet]\n"
	"  Fills an empty database with a demo agency (default 40 units, 800 people)\n"
	"  and one log-in per role. The same --seed gives the same organisation and\n"
	"  passwords; without it a random seed is chosen and printed. --quiet drops\n"
	"  progress and the summary line; the log-ins are always printed.\n";

static void progress(bool on, int done, int total)
{
	if (!on || (done % PROGRESS_EVERY != 0 && done != total))
		return;
	int pct = total > 0 ? (int)((int64_t)done * 100 / total) : 100;
	fprintf(stderr, "Creating people: %3d%% (%d/%d)%s", pct, done, total,
		done == total ? ", done.\n" : "\r");
}

static enum err write_org(struct store_conn *c, struct arena *a, const struct demo_org *o, bool show)
{
	enum err e = OK;
	int64_t *unit_id = arena_alloc(a, sizeof *unit_id * (size_t)o->nunits);
	int64_t *person_id = arena_alloc(a, sizeof *person_id * (size_t)o->npeople);
	if (!unit_id || !person_id)
		return ERR_TOO_BIG;
	for (int i = 0; i < o->nunits && e == OK; i++) {
		const struct demo_unit *du = &o->units[i];
		struct unit u = { .name = (char *)du->name, .code = (char *)du->code,
				  .parent_id = du->parent >= 0 ? unit_id[du->parent] : 0 };
		e = store_unit_insert(c, &u);
		unit_id[i] = u.id;
	}
	for (int i = 0; i < o->npeople && e == OK; i++) {
		const struct demo_person *dp = &o->people[i];
		struct person p = { .name = (char *)dp->name, .email = (char *)dp->email,
				    .employee_number = (char *)dp->employee_number,
				    .unit_id = unit_id[dp->unit], .job_title = (char *)dp->job_title,
				    .active = dp->active };
		e = store_person_insert(c, &p);
		person_id[i] = p.id;
		progress(show, i + 1, o->npeople);
	}
	for (int i = 0; i < o->nunits && e == OK; i++) {
		const struct demo_unit *du = &o->units[i];
		struct unit u = { .id = unit_id[i], .name = (char *)du->name, .code = (char *)du->code,
				  .parent_id = du->parent >= 0 ? unit_id[du->parent] : 0,
				  .leader_id = person_id[du->leader] };
		e = store_unit_update(c, &u);
	}
	for (int i = 0; i < DEMO_ACCOUNTS && e == OK; i++) {
		const struct demo_account *da = &o->accounts[i];
		char hash[PASSWORD_HASH_MAX];
		if (password_hash(da->password, hash) != 0) {
			e = ERR_TOO_BIG;
			break;
		}
		struct user u = { .email = (char *)da->email, .name = (char *)da->name, .role = da->role,
				  .person_id = da->person >= 0 ? person_id[da->person] : 0,
				  .password_hash = hash, .active = true, .lang = (char *)"nb" };
		e = store_user_insert(c, &u);
		if (e == ERR_CONFLICT)
			fprintf(stderr, "evne: the database already has an account %s\n", da->email);
	}
	return e;
}

/* The catalogue of demo_catalogue(): areas in table order (a parent comes
 * before its children there), then the competences. */
static enum err write_catalogue(struct store_conn *c, struct arena *a, int64_t now)
{
	const struct demo_area *da;
	const struct demo_competence *dc;
	int na, nc;
	demo_catalogue(&da, &na, &dc, &nc);
	int64_t *area_id = arena_alloc(a, sizeof *area_id * (size_t)na);
	if (!area_id)
		return ERR_TOO_BIG;
	enum err e = OK;
	for (int i = 0; i < na && e == OK; i++) {
		struct competence_area ar = { .code = (char *)da[i].code, .name = (char *)da[i].name,
					      .description = (char *)da[i].description,
					      .parent_id = da[i].parent >= 0 ? area_id[da[i].parent] : 0 };
		e = store_competence_area_insert(c, now, &ar);
		area_id[i] = ar.id;
	}
	for (int i = 0; i < nc && e == OK; i++) {
		struct competence k = { .code = (char *)dc[i].code, .name = (char *)dc[i].name,
					.description = (char *)dc[i].description,
					.area_id = area_id[dc[i].area], .active = true };
		e = store_competence_insert(c, now, &k);
	}
	return e;
}

static void print_logins(const struct demo_org *o)
{
	printf("Log-ins:\n  %-15s %-27s %s\n", "role", "e-mail", "password");
	for (int i = 0; i < DEMO_ACCOUNTS; i++) {
		const struct demo_account *da = &o->accounts[i];
		printf("  %-15s %-27s %-26s %s\n", role_name(da->role), da->email, da->password, da->name);
	}
}

int cmd_demo(int argc, char **argv)
{
	struct opt defs[] = { { "db", true, NULL }, { "units", true, NULL }, { "people", true, NULL },
			      { "seed", true, NULL }, { "quiet", false, NULL } };
	struct opts o = { defs, 5, { 0 }, 0 };
	if (opts_parse(&o, argc, argv) != 0 || o.npositional) {
		fputs(usage_text, stderr);
		return 2;
	}
	const char *db = opts_db(&o, "demo");
	if (!db)
		return 2;
	long nunits = opts_long(&o, "units", 40, DEMO_UNITS_MAX);
	long npeople = opts_long(&o, "people", 800, DEMO_PEOPLE_MAX);
	long seed = opts_long(&o, "seed", (long)randombytes_uniform(SEED_MAX) + 1, SEED_MAX);
	if (nunits < 0 || npeople < 0 || seed < 0)
		return 2;
	if (nunits < 1 || npeople < nunits) {
		fputs("evne demo: need at least one unit, and at least as many people as units"
		      " (every unit has a leader)\n", stderr);
		return 2;
	}
	bool quiet = opts_get(&o, "quiet") != NULL;

	int rc = 1;
	struct arena a;
	arena_init(&a, 0);
	struct store *s = NULL;
	struct store_conn *c = NULL;
	bool in_tx = false;
	struct demo_org org;
	char errmsg[256];

	if (demo_build(&a, (uint64_t)seed, (int)nunits, (int)npeople, &org) != OK) {
		fputs("evne demo: out of memory\n", stderr);
		goto out;
	}
	if (store_open(db, 1, true, &s, errmsg, sizeof errmsg) != OK) {
		fprintf(stderr, "evne: %s\n", errmsg);
		s = NULL;
		goto out;
	}
	c = store_acquire(s);
	enum err e = store_begin(c, true);
	in_tx = e == OK;
	int64_t existing = 0;
	if (e == OK)
		e = store_unit_count(c, &existing);
	if (e == OK && existing > 0) {
		fprintf(stderr, "evne: %s already holds an organisation (%lld units); "
			"create the demo in a new database file\n", db, (long long)existing);
		goto out;
	}
	if (e == OK)
		e = write_org(c, &a, &org, !quiet && isatty(STDERR_FILENO));
	if (e == OK)
		e = write_catalogue(c, &a, (int64_t)time(NULL));
	if (e == OK && (e = store_commit(c)) == OK)
		in_tx = false;
	if (e != OK) {
		if (e != ERR_CONFLICT)
			fprintf(stderr, "evne: %s\n", store_errmsg(c));
		goto out;
	}
	if (!quiet)
		printf("%s: %d units, %d people (seed %ld)\n\n", org.name, org.nunits, org.npeople, seed);
	print_logins(&org);
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
