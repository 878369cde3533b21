/* page_import.c — handlers of the CSV import page. The upload reads the
 * multipart fields kind, file and dry_run, turns the file into a plan with
 * import_csv_read (the same reader `evne import` uses), and applies it with
 * store_import_apply inside one write transaction that is committed only
 * when every row went through and the box "check only" was not ticked: a
 * refused file or a dry run writes nothing. The audit rows are written by
 * store_import_apply. Also serves the three example files the page links to. */
#include "web/pages_import.h"

#include <string.h>
#include "base/log.h"
#include "domain/import.h"
#include "html/html.h"
#include "io/csv.h"
#include "io/import_csv.h"
#include "store/import.h"
#include "views/import.h"
#include "web/pages_org.h"

/* Semicolons and a byte-order mark, as Norwegian Excel saves "CSV UTF-8".
 * The units have no leaders yet: those come on a second pass, once the
 * people exist (see the page's rules). */
static const char example_units[] =
	"\xEF\xBB\xBF"
	"code;name;parent_code;leader_employee_number\r\n"
	"adm;Administrasjonsavdelingen;;\r\n"
	"adm-hr;HR-seksjonen;adm;\r\n"
	"adm-okonomi;Økonomiseksjonen;adm;\r\n";

static const char example_people[] =
	"\xEF\xBB\xBF"
	"employee_number;name;email;unit_code;job_title;active\r\n"
	"10042;Kari Nordmann;kari.nordmann@eksempel.no;adm-hr;Seksjonssjef;ja\r\n"
	"10057;Ola Bakken;ola.bakken@eksempel.no;adm-okonomi;Seniorrådgiver;ja\r\n"
	"10063;Aisha Rahman;aisha.rahman@eksempel.no;adm-hr;Rådgiver;nei\r\n";

static void render(struct ctx *c, const struct v_import_page *m)
{
	struct html h;
	page_begin(c, &h, msg(c->lang, MSG_IMPORT_TITLE));
	v_import_page(&h, m);
	page_end(c, &h);
}

void page_import(struct ctx *c)
{
	struct v_import_page m = { .csrf = c->csrf, .max_bytes = c->app->upload_max_bytes };
	enum import_kind kind;
	if (import_kind_parse(ctx_query(c, "kind"), &kind))
		m.kind = import_kind_name(kind);
	render(c, &m);
}

/* Applies plan in one write transaction: committed when every row went
 * through and this is not a dry run, rolled back otherwise. Not retried on
 * ERR_BUSY: the plan collects errors as it goes, and the database's busy
 * timeout has already waited. */
static enum err apply(struct ctx *c, struct import_plan *plan, bool dry_run,
		      struct import_counts *counts)
{
	enum err e = store_begin(c->db, true);
	if (e == OK) {
		struct import_apply_opts o = { .user_id = c->user.id, .now = c->now };
		e = store_import_apply(c->db, c->a, plan, &o, counts);
		if (e == OK && !dry_run)
			e = store_commit(c->db);
		else
			store_rollback(c->db);
	}
	if (e == ERR_IO || e == ERR_BUSY)
		log_error("import of %s failed: %s", import_kind_name(plan->kind), store_errmsg(c->db));
	return e;
}

void page_import_run(struct ctx *c)
{
	struct field_errors fe = { .n = 0 };
	struct v_import_page m = { .csrf = c->csrf, .max_bytes = c->app->upload_max_bytes,
				   .errors = &fe };
	enum import_kind kind = IMPORT_UNITS;
	if (import_kind_parse(ctx_form(c, "kind"), &kind))
		m.kind = import_kind_name(kind);
	else
		field_error_add(&fe, "kind", PROB_REQUIRED);
	const char *dry = ctx_form(c, "dry_run");
	m.dry_run = dry && *dry && strcmp(dry, "0") != 0;
	const struct http_field *file = http_form_field(&c->form, "file");
	if (!file || !file->value || file->len == 0)
		field_error_add(&fe, "file", PROB_REQUIRED);
	if (fe.n) {
		c->w->status = 422;
		render(c, &m);
		return;
	}

	struct import_plan plan;
	struct import_counts counts = { 0, 0, 0, 0, 0 };
	enum err e = import_csv_read(c->a, kind, file->value, file->len, &plan);
	if (e == OK)
		e = apply(c, &plan, m.dry_run, &counts);
	if (e == ERR_INVALID) {
		c->w->status = 422;
		m.file_errors = &plan.errors;
		m.fault = plan.file_fault;
	} else if (e != OK) {
		page_org_fail(c, e);
		return;
	} else {
		m.done = true;
		m.created = counts.created;
		m.updated = counts.updated;
		m.unchanged = counts.unchanged;
	}
	render(c, &m);
}

/* One competence per row; the area columns repeat on each row of an area. */
static const char example_competences[] =
	"\xEF\xBB\xBF"
	"area_code;area_name;parent_area_code;code;name;description\r\n"
	"digi;Digital kompetanse;;digi-data;Dataanalyse;Analysere og presentere data.\r\n"
	"digi;Digital kompetanse;;digi-sikkerhet;Informasjonssikkerhet;Kjenne og følge rutinene.\r\n"
	"juss;Juss og forvaltning;;juss-fvl;Forvaltningsrett;Saksbehandling etter forvaltningsloven.\r\n";

/* Unit goals of the goal breakdown: cycle by name, the unit's code and the
 * strategic goal's code in the cycle's published strategy. */
static const char example_goals[] =
	"\xEF\xBB\xBF"
	"cycle;unit_code;goal_code;title;contribution\r\n"
	"2027;adm-hr;S1.1;Alle søknader digitale;Seksjonen lager digitale skjema for alle søknader.\r\n"
	"2027;adm-okonomi;S1.2;Raskere fakturabehandling;\r\n";

void page_import_example(struct ctx *c)
{
	const char *name = http_param(c->req, "file");
	if (name && strcmp(name, "units.csv") == 0) {
		http_resp_header(c->w, "Content-Disposition", "attachment; filename=\"units.csv\"");
		buf_add(&c->w->body, example_units, sizeof example_units - 1);
	} else if (name && strcmp(name, "goals.csv") == 0) {
		http_resp_header(c->w, "Content-Disposition", "attachment; filename=\"goals.csv\"");
		buf_add(&c->w->body, example_goals, sizeof example_goals - 1);
	} else if (name && strcmp(name, "competences.csv") == 0) {
		http_resp_header(c->w, "Content-Disposition", "attachment; filename=\"competences.csv\"");
		buf_add(&c->w->body, example_competences, sizeof example_competences - 1);
	} else if (name && strcmp(name, "people.csv") == 0) {
		http_resp_header(c->w, "Content-Disposition", "attachment; filename=\"people.csv\"");
		buf_add(&c->w->body, example_people, sizeof example_people - 1);
	} else {
		ctx_error_page(c, 404);
		return;
	}
	c->w->content_type = "text/csv; charset=utf-8";
}
