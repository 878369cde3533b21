/* import_csv.c — CSV bytes to an import plan (units, people, competences): the header is matched against
 * the kind's columns (import_columns), every data record becomes a row with
 * trimmed values, and the plan is validated. Units, people and unit goals. */
#include "io/import_csv.h"

#include <string.h>
#include "base/utf8.h"
#include "io/csv.h"

enum { MAX_COLUMNS = 8 };

/* Positions of the kind's columns in the file's header; -1 when absent. A
 * required column missing, or a known column named twice, is an error on the
 * header line. Returns false when any such error was found. */
static bool map_header(const struct csv_table *t, struct import_plan *p, int pos[MAX_COLUMNS])
{
	int n;
	const struct import_column *cols = import_columns(p->kind, &n);
	bool ok = true;
	for (int i = 0; i < n; i++) {
		pos[i] = csv_column(t, cols[i].name);
		if (pos[i] < 0 && cols[i].required) {
			struct import_error *e = import_error_add(&p->errors, t->header_line, cols[i].name,
								  PROB_REQUIRED, NULL);
			if (e)
				e->in_header = true;
			ok = false;
		}
		for (int k = pos[i] + 1; pos[i] >= 0 && k < t->ncols; k++) {
			const char *h = t->header[k];
			if (csv_column(t, h) == pos[i]) {   /* h names the same column again */
				struct import_error *e = import_error_add(&p->errors, t->header_line,
									  cols[i].name, PROB_DUPLICATE, h);
				if (e)
					e->in_header = true;
				ok = false;
				break;
			}
		}
	}
	return ok;
}

/* A trimmed arena copy of the field at col of r ("" when absent). */
static char *value(struct arena *a, const struct csv_record *r, int col, bool *over)
{
	char *v = arena_strdup(a, csv_cell(r, col));
	if (!v) {
		*over = true;
		return (char *)"";
	}
	return str_trim(v);
}

static bool fill_units(struct arena *a, const struct csv_table *t, struct import_plan *p,
		       const int pos[MAX_COLUMNS])
{
	bool over = false;
	p->units = arena_alloc(a, sizeof *p->units * ((size_t)t->nrows + 1));
	if (!p->units)
		return false;
	p->has_parent_code = pos[2] >= 0;
	p->has_leader = pos[3] >= 0;
	for (int i = 0; i < t->nrows; i++) {
		const struct csv_record *r = &t->rows[i];
		p->units[i] = (struct import_unit_row){
			.line = r->line,
			.code = value(a, r, pos[0], &over),
			.name = value(a, r, pos[1], &over),
			.parent_code = value(a, r, pos[2], &over),
			.leader_employee_number = value(a, r, pos[3], &over),
		};
	}
	p->n = t->nrows;
	return !over;
}

static bool fill_people(struct arena *a, const struct csv_table *t, struct import_plan *p,
			const int pos[MAX_COLUMNS])
{
	bool over = false;
	p->people = arena_alloc(a, sizeof *p->people * ((size_t)t->nrows + 1));
	if (!p->people)
		return false;
	p->has_email = pos[2] >= 0;
	p->has_job_title = pos[4] >= 0;
	p->has_active = pos[5] >= 0;
	for (int i = 0; i < t->nrows; i++) {
		const struct csv_record *r = &t->rows[i];
		struct import_person_row *row = &p->people[i];
		*row = (struct import_person_row){
			.line = r->line,
			.employee_number = value(a, r, pos[0], &over),
			.name = value(a, r, pos[1], &over),
			.email = value(a, r, pos[2], &over),
			.unit_code = value(a, r, pos[3], &over),
			.job_title = value(a, r, pos[4], &over),
		};
		char *act = value(a, r, pos[5], &over);
		if (*act) {
			if (import_parse_bool(act, &row->active)) {
				row->has_active = true;
			} else {
				import_error_add(&p->errors, r->line, "active", PROB_BAD_BOOL, act);
				row->invalid = true;
			}
		}
	}
	p->n = t->nrows;
	return !over;
}

static bool fill_competences(struct arena *a, const struct csv_table *t, struct import_plan *p,
			     const int pos[MAX_COLUMNS])
{
	bool over = false;
	p->competences = arena_alloc(a, sizeof *p->competences * ((size_t)t->nrows + 1));
	if (!p->competences)
		return false;
	p->has_parent_area_code = pos[2] >= 0;
	p->has_description = pos[5] >= 0;
	for (int i = 0; i < t->nrows; i++) {
		const struct csv_record *r = &t->rows[i];
		p->competences[i] = (struct import_competence_row){
			.line = r->line,
			.area_code = value(a, r, pos[0], &over),
			.area_name = value(a, r, pos[1], &over),
			.parent_area_code = value(a, r, pos[2], &over),
			.code = value(a, r, pos[3], &over),
			.name = value(a, r, pos[4], &over),
			.description = value(a, r, pos[5], &over),
		};
	}
	p->n = t->nrows;
	return !over;
}

static bool fill_goals(struct arena *a, const struct csv_table *t, struct import_plan *p,
		       const int pos[MAX_COLUMNS])
{
	bool over = false;
	p->goals = arena_alloc(a, sizeof *p->goals * ((size_t)t->nrows + 1));
	if (!p->goals)
		return false;
	p->has_contribution = pos[4] >= 0;
	for (int i = 0; i < t->nrows; i++) {
		const struct csv_record *r = &t->rows[i];
		p->goals[i] = (struct import_goal_row){
			.line = r->line,
			.cycle = value(a, r, pos[0], &over),
			.unit_code = value(a, r, pos[1], &over),
			.goal_code = value(a, r, pos[2], &over),
			.title = value(a, r, pos[3], &over),
			.contribution = value(a, r, pos[4], &over),
		};
	}
	p->n = t->nrows;
	return !over;
}

enum err import_csv_read(struct arena *a, enum import_kind kind, const char *data, size_t len,
			 struct import_plan *plan)
{
	struct csv_table t;
	struct csv_failure fail;
	int pos[MAX_COLUMNS];

	import_plan_init(plan, a, kind);
	enum err rc = csv_read(a, data, len, &t, &fail);
	if (rc == ERR_TOO_BIG)
		return rc;
	if (rc != OK) {
		import_error_add(&plan->errors, fail.line, NULL, PROB_BAD_TEXT,
				 csv_fault_text(fail.fault));
		plan->file_fault = fail.fault == CSV_FAULT_QUOTE   ? IMPORT_FILE_QUOTE
				 : fail.fault == CSV_FAULT_EMPTY ? IMPORT_FILE_EMPTY
								 : IMPORT_FILE_ENCODING;
		return ERR_INVALID;
	}
	plan->header_line = t.header_line;
	if (!map_header(&t, plan, pos))
		return ERR_INVALID;
	bool filled = kind == IMPORT_UNITS	   ? fill_units(a, &t, plan, pos)
		      : kind == IMPORT_COMPETENCES ? fill_competences(a, &t, plan, pos)
		      : kind == IMPORT_GOALS	   ? fill_goals(a, &t, plan, pos)
						   : fill_people(a, &t, plan, pos);
	if (!filled) {
		plan->n = 0;
		return ERR_TOO_BIG;
	}
	import_validate(plan);
	return OK;
}
