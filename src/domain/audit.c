/* audit.c — field-by-field differences of units and people for the audit log. */
#include "domain/audit.h"

#include <string.h>
#include "base/json.h"

static int same_str(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "") == 0;
}

static void diff_str(struct jw *w, const char *field, int has_before, const char *before,
		     int has_after, const char *after)
{
	if (has_before && has_after && same_str(before, after))
		return;
	jw_key(w, field);
	jw_arr(w);
	if (has_before) jw_str(w, before ? before : ""); else jw_null(w);
	if (has_after) jw_str(w, after ? after : ""); else jw_null(w);
	jw_arr_end(w);
}

static void diff_id(struct jw *w, const char *field, int has_before, int64_t before,
		    int has_after, int64_t after)
{
	if (has_before && has_after && before == after)
		return;
	jw_key(w, field);
	jw_arr(w);
	if (has_before && before) jw_int(w, before); else jw_null(w);
	if (has_after && after) jw_int(w, after); else jw_null(w);
	jw_arr_end(w);
}

void audit_unit_changes(struct buf *b, const struct unit *before, const struct unit *after)
{
	static const struct unit none;
	const struct unit *x = before ? before : &none, *y = after ? after : &none;
	struct jw w;
	jw_init(&w, b);
	jw_obj(&w);
	diff_str(&w, "name", !!before, x->name, !!after, y->name);
	diff_str(&w, "code", !!before, x->code, !!after, y->code);
	diff_id(&w, "parent_id", !!before, x->parent_id, !!after, y->parent_id);
	diff_id(&w, "leader_id", !!before, x->leader_id, !!after, y->leader_id);
	jw_obj_end(&w);
}

void audit_person_changes(struct buf *b, const struct person *before, const struct person *after)
{
	static const struct person none;
	const struct person *x = before ? before : &none, *y = after ? after : &none;
	struct jw w;
	jw_init(&w, b);
	jw_obj(&w);
	diff_str(&w, "name", !!before, x->name, !!after, y->name);
	diff_str(&w, "email", !!before, x->email, !!after, y->email);
	diff_str(&w, "employee_number", !!before, x->employee_number, !!after, y->employee_number);
	diff_id(&w, "unit_id", !!before, x->unit_id, !!after, y->unit_id);
	diff_str(&w, "job_title", !!before, x->job_title, !!after, y->job_title);
	if (!(before && after && x->active == y->active)) {
		jw_key(&w, "active");
		jw_arr(&w);
		if (before) jw_bool(&w, x->active); else jw_null(&w);
		if (after) jw_bool(&w, y->active); else jw_null(&w);
		jw_arr_end(&w);
	}
	jw_obj_end(&w);
}

int audit_is_empty(const struct buf *b)
{
	return strcmp(buf_str(b), "{}") == 0;
}
