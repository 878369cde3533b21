/* cmd_demo.c — evne demo: fills an empty database with the demo
 * organisation of demo_data.c (units, people, leaders, one log-in per role),
 * its competence catalogue and an open yearly cycle in phase 1 (a published
 * strategy, the divisions' unit goals, a leader guide and an aid, and the
 * demo leader's first two checklist steps ticked) in one transaction, and
 * prints the log-ins and the cycle. --no-cycle leaves the cycle out (for
 * tests that set up their own). A database that already holds units is
 * refused: demo data never mixes with real data. */
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "base/crypto.h"
#include "cli/cmds.h"
#include "cli/demo_data.h"
#include "cli/opts.h"
#include "domain/strategy.h"
#include "i18n/i18n.h"
#include "store/competences.h"
#include "store/cycles.h"
#include "store/documents.h"
#include "store/prepare.h"
#include "store/proposals.h"
#include "store/store.h"
#include "store/strategy.h"

enum { PROGRESS_EVERY = 1000, SEED_MAX = 999999999 };

static const char usage_text[] =
	"usage: evne demo --db DB [--units N] [--people N] [--seed S] [--phase 1|2] [--no-cycle]\n"
	"                 [--quiet]\n"
	"  Fills an empty database with a demo agency (default 40 units, 800 people),\n"
	"  one log-in per role, and an open yearly cycle in its first phase (strategy,\n"
	"  unit goals, leader guide and aid). The same --seed gives the same\n"
	"  organisation and passwords (the cycle's dates follow today); without it a\n"
	"  random seed is chosen and printed. --phase 2 places today two weeks into\n"
	"  the unit discussions, with most units' proposals (critical competence\n"
	"  needs and measures) drafted or submitted — all but the demo leader's\n"
	"  units, left to do in the browser. --no-cycle leaves the cycle out. --quiet\n"
	"  drops progress and the summary line; the log-ins are always printed.\n";

static void progress(bool on, int done, int total)
{
	if (!on || (done % PROGRESS_EVERY != 0 && done != total))
		return;
	int pct = total > 0 ? (int)((int64_t)done * 100 / total) : 100;
	fprintf(stderr, "Creating people: %3d%% (%d/%d)%s", pct, done, total,
		done == total ? ", done.\n" : "\r");
}

/* The ids the organisation got, for the cycle written after it. */
struct demo_ids {
	int64_t *unit_id;                  /* by index in o->units */
	int64_t user_id[DEMO_ACCOUNTS];    /* by index in o->accounts */
};

static enum err write_org(struct store_conn *c, struct arena *a, const struct demo_org *o, bool show,
			  struct demo_ids *ids)
{
	enum err e = OK;
	int64_t *unit_id = arena_alloc(a, sizeof *unit_id * (size_t)o->nunits);
	int64_t *person_id = arena_alloc(a, sizeof *person_id * (size_t)o->npeople);
	if (!unit_id || !person_id)
		return ERR_TOO_BIG;
	ids->unit_id = unit_id;
	for (int i = 0; i < o->nunits && e == OK; i++) {
		const struct demo_unit *du = &o->units[i];
		struct unit u = { .name = (char *)du->name, .code = (char *)du->code,
				  .parent_id = du->parent >= 0 ? unit_id[du->parent] : 0 };
		e = store_unit_insert(c, &u);
		unit_id[i] = u.id;
	}
	/* The people's search words and unit counts are written in key order
	 * once they all are (store_people_bulk_begin). */
	if (e == OK)
		e = store_people_bulk_begin(c);
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
	if (e == OK)
		e = store_people_bulk_end(c);
	else
		store_people_bulk_drop(c);
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
		ids->user_id[i] = u.id;
		if (e == ERR_CONFLICT)
			fprintf(stderr, "evne: the database already has an account %s\n", da->email);
	}
	return e;
}

/* The catalogue of demo_catalogue(): areas in table order (a parent comes
 * before its children there), then the competences; *competence_ids gets
 * their ids in table order. */
static enum err write_catalogue(struct store_conn *c, struct arena *a, int64_t now, int64_t **competence_ids)
{
	const struct demo_area *da;
	const struct demo_competence *dc;
	int na, nc;
	demo_catalogue(&da, &na, &dc, &nc);
	int64_t *area_id = arena_alloc(a, sizeof *area_id * (size_t)na);
	int64_t *ids = arena_alloc(a, sizeof *ids * (size_t)nc);
	if (!area_id || !ids)
		return ERR_TOO_BIG;
	*competence_ids = ids;
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
		ids[i] = k.id;
	}
	return e;
}

/* Today in Europe/Oslo as a day number (domain/cycle.h); false when the
 * clock gives nothing usable. */
static bool oslo_today(struct arena *a, int64_t now, int32_t *today)
{
	struct buf b;
	char iso[11];
	buf_init(&b, a, 32);
	fmt_date(&b, now);                 /* "28.11.2026" */
	return !b.err && strategy_parse_date(buf_str(&b), iso) && date_parse(iso, today);
}

/* The account of a role in the demo, -1 when there is none. */
static int account_of(const struct demo_org *o, enum role r)
{
	for (int i = 0; i < DEMO_ACCOUNTS; i++)
		if (o->accounts[i].role == r)
			return i;
	return -1;
}

/* The published strategy version 1 of the cycle; goal_ids gets each
 * strategic goal's identity in table order (main goal, then goal). */
static enum err write_strategy(struct store_conn *c, struct arena *a, int64_t cycle_id, int64_t user_id,
			       int64_t now, const struct demo_strategy *ds, int first_year, int64_t *goal_ids)
{
	struct strategy_version v;
	bool created;
	enum err e = store_strategy_ensure_draft(c, a, cycle_id, now, &v, &created);
	if (e)
		return e;
	v.vision = (char *)ds->vision;
	v.core_values = (char *)ds->core_values;
	v.culture = (char *)ds->culture;
	v.behaviour = (char *)ds->behaviour;
	v.leadership = (char *)ds->leadership;
	if ((e = store_strategy_texts_update(c, &v, now)))
		return e;
	char on1[11], on2[11];
	date_format(date_days(first_year - 2, 12, 31), on1);
	date_format(date_days(first_year - 1, 12, 31), on2);
	int k = 0;
	for (int m = 0; m < ds->nmain && !e; m++) {
		const struct demo_main_goal *dm = &ds->main_goals[m];
		struct strategy_main_goal mg = { .version_id = v.id, .title = (char *)dm->title,
						 .description = (char *)dm->description };
		if ((e = store_main_goal_insert(c, &mg)))
			break;
		for (int g = 0; g < DEMO_GOALS_PER_MAIN && !e; g++) {
			const struct demo_goal *dg = &dm->goals[g];
			const struct demo_indicator *di = &dg->indicator;
			struct strategy_goal sg = { .version_id = v.id, .main_goal_id = mg.id,
						    .code = (char *)dg->code, .title = (char *)dg->title,
						    .description = (char *)dg->description };
			if ((e = store_strategy_goal_insert(c, cycle_id, now, &sg)))
				break;
			goal_ids[k++] = sg.goal_id;
			struct strategy_indicator in = { .goal_row_id = sg.id, .name = (char *)di->name,
							 .unit_of_measure = (char *)di->unit_of_measure,
							 .has_baseline = true, .has_target = true,
							 .baseline = di->baseline, .target = di->target };
			if ((e = store_indicator_insert(c, &in)))
				break;
			struct strategy_value v1 = { .indicator_id = in.id, .measured_on = on1,
						     .value = di->value1 };
			struct strategy_value v2 = { .indicator_id = in.id, .measured_on = on2,
						     .value = di->value2 };
			if (di->has_value1)
				e = store_value_insert(c, &v1);
			if (!e)
				e = store_value_insert(c, &v2);
		}
	}
	if (!e)
		e = store_strategy_publish(c, a, cycle_id, user_id, now, &v);
	return e;
}

/* The yearly cycle around today, open and in phase 1, with its strategy,
 * the divisions' unit goals, the two documents, and the demo leader's unit
 * with its first two checklist steps ticked. *name gets the cycle's name.
 * ERR_CONFLICT once a message has been printed (as write_org does). */
static enum err write_cycle(struct store_conn *c, struct arena *a, const struct demo_org *o,
			    const struct demo_ids *ids, int64_t now, const struct demo_cycle_plan *pl,
			    const char **name, int64_t *cycle_id, int64_t **goal_ids_out)
{
	struct demo_cycle_plan plan = *pl;   /* the cycle points into it */
	struct cycle cy = { .name = arena_strdup(a, plan.name), .status = CYCLE_OPEN };
	for (int k = 0; k < PHASE_COUNT; k++) {
		cy.phases[k].starts_on = plan.starts_on[k];
		cy.phases[k].ends_on = plan.ends_on[k];
	}
	struct cycle_errors ce = { .n = 0 };
	cycle_validate_name(cy.name, &ce);
	cycle_validate_dates(cy.phases, true, &ce);
	if (!cy.name)
		return ERR_TOO_BIG;
	if (ce.n) {
		fprintf(stderr, "evne: the demo cycle breaks the cycle rules at %s\n", ce.e[0].field);
		return ERR_CONFLICT;
	}
	enum err e = store_cycle_insert(c, &cy, now);
	if (e == ERR_CONFLICT)
		fprintf(stderr, "evne: the database already has a cycle %s; use --no-cycle\n", cy.name);
	if (e)
		return e;
	*name = cy.name;
	*cycle_id = cy.id;

	int hr = account_of(o, ROLE_HR), leader = account_of(o, ROLE_LEADER);
	int64_t hr_user = hr >= 0 ? ids->user_id[hr] : 0;
	const struct demo_strategy *ds;
	const struct demo_unit_goal *dug;
	const struct demo_document *dd;
	int nug, ndd;
	demo_strategy(&ds, &dug, &nug, &dd, &ndd);
	int64_t *goal_ids = arena_alloc(a, sizeof *goal_ids * (size_t)(ds->nmain * DEMO_GOALS_PER_MAIN));
	if (!goal_ids)
		return ERR_TOO_BIG;
	*goal_ids_out = goal_ids;
	if ((e = write_strategy(c, a, cy.id, hr_user, now, ds, plan.first_year, goal_ids)))
		return e;

	/* Unit goals of the divisions the organisation has. */
	for (int i = 0; i < nug && !e; i++) {
		int u = -1, g = -1;
		for (int k = 0; k < o->nunits && u < 0; k++)
			if (o->units[k].level == 1 && strcmp(o->units[k].code, dug[i].unit_code) == 0)
				u = k;
		for (int m = 0, k = 0; m < ds->nmain; m++)
			for (int j = 0; j < DEMO_GOALS_PER_MAIN; j++, k++)
				if (strcmp(ds->main_goals[m].goals[j].code, dug[i].goal_code) == 0)
					g = k;
		if (u < 0 || g < 0)
			continue;
		struct unit_goal ug = { .cycle_id = cy.id, .unit_id = ids->unit_id[u], .goal_id = goal_ids[g],
					.title = (char *)dug[i].title,
					.contribution = (char *)dug[i].contribution };
		e = store_unit_goal_insert(c, now, &ug);
	}

	/* The leader guide and the aid, each a Markdown version 1. */
	for (int i = 0; i < ndd && !e; i++) {
		struct document d = { .title = (char *)dd[i].title, .kind = dd[i].kind,
				      .description = (char *)dd[i].description, .cycle_id = cy.id };
		if ((e = store_document_insert(c, &d, hr_user, now)))
			break;
		struct doc_version dv = { .is_file = false, .body = (char *)dd[i].body };
		e = store_document_version_add(c, a, d.id, &dv, NULL, 0, hr_user, now);
	}

	/* The demo leader has started preparing: the first two steps ticked. */
	int lu = -1;
	if (leader >= 0)
		for (int k = 0; k < o->nunits && lu < 0; k++)
			if (o->units[k].leader == o->accounts[leader].person)
				lu = k;
	if (!e && lu >= 0) {
		char **steps;
		int nsteps = 0;
		e = store_phase_steps(c, a, "nb", PHASE_LEADER_PREPARATION, &steps, &nsteps);
		if (e == ERR_NOTFOUND)
			e = OK;
		for (int k = 0; k < 2 && k < nsteps && !e; k++) {
			bool changed;
			e = store_prep_tick(c, cy.id, ids->unit_id[lu], k, steps[k], ids->user_id[leader],
					    now - (2 - k) * 86400, &changed);
		}
	}
	return e;
}

/* Phase 2 under way (--phase 2): the proposals of demo_proposals(), the
 * submitted ones sent during the last two weeks. The leader's units have
 * none: the user holds their discussion in the browser. *nsubmitted and
 * *nunits count them for the summary. */
static enum err write_proposals(struct store_conn *c, struct arena *a, const struct demo_org *o,
				const struct demo_ids *ids, uint64_t seed, int64_t cycle_id, int first_year,
				const int64_t *goal_ids, const int64_t *competence_ids, int64_t now,
				int *nsubmitted, int *nunits)
{
	int leader = account_of(o, ROLE_LEADER), skip = -1;
	for (int k = 0; leader >= 0 && k < o->nunits && skip < 0; k++)
		if (o->units[k].leader == o->accounts[leader].person)
			skip = k;
	struct demo_proposal *dp;
	int np;
	enum err e = demo_proposals(a, seed, o, skip, first_year, &dp, &np);
	*nsubmitted = 0;
	*nunits = np;
	for (int i = 0; i < np && e == OK; i++) {
		int64_t unit_id = ids->unit_id[dp[i].unit], need_id[DEMO_NEEDS_MAX];
		int64_t at = now - (int64_t)(i % 14) * 86400 - 3600;
		for (int k = 0; k < dp[i].nneeds && e == OK; k++) {
			const struct demo_need *dn = &dp[i].needs[k];
			struct proposal_link goal = { .id = goal_ids[dn->goal] };
			struct proposal_need n = {
				.cycle_id = cycle_id, .unit_id = unit_id,
				.competence_id = dn->competence >= 0 ? competence_ids[dn->competence] : 0,
				.title = (char *)dn->title, .criticality = (enum criticality)dn->criticality,
				.required_level = dn->required, .current_level = dn->current,
				.people_affected = dn->people_affected, .horizon = (enum horizon)dn->horizon,
				.rationale = (char *)dn->rationale, .goals = &goal, .ngoals = 1,
				.created_at = at, .updated_at = at,
			};
			e = store_proposal_need_insert(c, &n);
			need_id[k] = n.id;
		}
		for (int k = 0; k < dp[i].nmeasures && e == OK; k++) {
			const struct demo_measure *dm = &dp[i].measures[k];
			struct proposal_link need = { .id = need_id[dm->need] };
			struct proposal_measure m = {
				.cycle_id = cycle_id, .unit_id = unit_id, .kind = (enum measure_kind)dm->kind,
				.title = (char *)dm->title, .description = (char *)dm->description,
				.suggested_owner = (char *)dm->owner, .estimated_cost = dm->cost,
				.timing = (char *)dm->timing, .needs = &need, .nneeds = 1,
				.created_at = at, .updated_at = at,
			};
			e = store_proposal_measure_insert(c, &m);
		}
		if (e == OK && dp[i].submitted) {
			e = store_proposal_set_status(c, cycle_id, unit_id, PROPOSAL_SUBMITTED, NULL, 0, at);
			++*nsubmitted;
		}
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
			      { "seed", true, NULL }, { "quiet", false, NULL }, { "no-cycle", false, NULL },
			      { "phase", true, NULL } };
	struct opts o = { defs, 7, { 0 }, 0 };
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
	long phase = opts_long(&o, "phase", 1, 2);
	if (nunits < 0 || npeople < 0 || seed < 0 || phase < 0)
		return 2;
	if (phase < 1) {
		fputs("evne demo: --phase must be 1 (leader preparation) or 2 (unit discussions)\n", stderr);
		return 2;
	}
	if (nunits < 1 || npeople < nunits) {
		fputs("evne demo: need at least one unit, and at least as many people as units"
		      " (every unit has a leader)\n", stderr);
		return 2;
	}
	bool quiet = opts_get(&o, "quiet") != NULL;
	bool with_cycle = opts_get(&o, "no-cycle") == NULL;

	int rc = 1;
	struct arena a;
	arena_init(&a, 0);
	struct store *s = NULL;
	struct store_conn *c = NULL;
	bool in_tx = false;
	struct demo_org org;
	struct demo_ids ids = { 0 };
	const char *cycle_name = NULL;
	int64_t cycle_id = 0;
	int64_t now = (int64_t)time(NULL);
	int32_t today = 0;
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
		e = write_org(c, &a, &org, !quiet && isatty(STDERR_FILENO), &ids);
	int64_t *competence_ids = NULL, *goal_ids = NULL;
	struct demo_cycle_plan plan;
	int nsubmitted = 0, nproposals = 0;
	if (e == OK)
		e = write_catalogue(c, &a, now, &competence_ids);
	if (e == OK && with_cycle) {
		if (!oslo_today(&a, now, &today)) {
			fputs("evne demo: the clock gives no date\n", stderr);
			goto out;
		}
		/* phase 2: the leader preparation (6 weeks) ended two weeks ago */
		demo_cycle_plan(phase == 2 ? today - 6 * 7 : today, &plan);
		e = write_cycle(c, &a, &org, &ids, now, &plan, &cycle_name, &cycle_id, &goal_ids);
		if (e == OK && phase == 2)
			e = write_proposals(c, &a, &org, &ids, (uint64_t)seed, cycle_id, plan.first_year, goal_ids,
					    competence_ids, now, &nsubmitted, &nproposals);
	}
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
	if (cycle_name && phase == 2)
		printf("\nCycle %s (open, in the unit discussions until %s; %d units have proposals, %d submitted):"
		       " /cycles/%lld\n", cycle_name, plan.ends_on[PHASE_UNIT_DISCUSSION], nproposals, nsubmitted,
		       (long long)cycle_id);
	else if (cycle_name)
		printf("\nCycle %s (open, in leader preparation until %s): /cycles/%lld\n", cycle_name,
		       plan.ends_on[PHASE_LEADER_PREPARATION], (long long)cycle_id);
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
