/* resource.c — what the resource handlers (units, people, competences)
 * share, so that each says only what is its own: which store call, how its
 * object is written, which rules its writes follow. Reading a path id and a
 * body for PATCH, the uniqueness check and audit action of a write, and the
 * answers: one object, a page of a list in name order (with the query such
 * a list reads), and the outcome of a write, where the order of the checks
 * decides which problem a client sees. */
#include "api/api.h"

#include <string.h>

bool api_read_name_query(struct ctx *c, const char *scope, struct api_name_query *q)
{
	memset(q, 0, sizeof *q);
	return api_read_page(c, &q->page) && api_query_id(c, scope, &q->scope_id) &&
	       api_query_bool(c, "include_inactive", false, &q->include_inactive) &&
	       api_query_text(c, &q->text);
}

bool api_read_patch(struct ctx *c, int64_t id, struct api_member *m, int n)
{
	if (!id) {
		api_problem_err(c, ERR_NOTFOUND);
		return false;
	}
	return api_read_body(c, m, n);
}

enum err api_unique(enum err e, const int64_t *other_id, int64_t id, struct field_errors *fe,
		    const char *field)
{
	if (e == OK && *other_id != id) {
		field_error_add(fe, field, PROB_TAKEN);
		return ERR_CONFLICT;
	}
	return e == ERR_NOTFOUND ? OK : e;
}

const char *api_write_action(bool create, bool was_active, bool is_active)
{
	return create ? "create" : was_active && !is_active ? "deactivate" : "update";
}

void api_answer_one(struct ctx *c, enum err e, int status, api_item_writer *put, const void *item)
{
	if (e != OK) {
		api_problem_err(c, e);
		return;
	}
	struct jw w;
	api_json_begin(c, &w);
	put(&w, item);
	api_json_end(c, status);
}

void api_answer_name_page(struct ctx *c, enum err e, const struct api_page *pg, const void *items,
			  int n, size_t size, api_item_writer *put, api_item_key *key)
{
	if (e != OK) {
		api_problem_err(c, e);
		return;
	}
	const char *bytes = items;
	/* a full page may have more behind it; a shorter one is the last */
	int64_t last_id = 0;
	const char *next = n == pg->limit ? key(bytes + (size_t)(n - 1) * size, &last_id) : NULL;
	struct jw w;
	api_list_begin(c, &w);
	for (int i = 0; i < n; i++)
		put(&w, bytes + (size_t)i * size);
	api_list_end(c, &w, next, last_id);
}

void api_answer_write(struct ctx *c, enum err e, const struct field_errors *fe, const char *detail,
		      int status, api_item_writer *put, const void *item)
{
	if (e == ERR_INVALID && fe->n) {
		api_problem_fields(c, 422, fe);
	} else if (e == ERR_CONFLICT && fe->n) {
		api_problem_fields(c, 409, fe);
	} else if (e == ERR_CONFLICT && detail) {
		api_problem(c, 409, detail);
	} else if (e == OK && !put) {
		buf_reset(&c->w->body);
		c->w->status = 204;
		c->w->content_type = "application/json";
	} else {
		api_answer_one(c, e, status, put, item);
	}
}
