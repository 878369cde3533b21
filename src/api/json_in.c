/* json_in.c — what the API reads from a request: the JSON body of a write and
 * the query of a list. A body must say Content-Type application/json, fit in
 * API_BODY_MAX bytes and API_BODY_DEPTH levels of nesting, parse with jansson
 * without duplicate keys, and be one object whose members the handler named
 * in a table; each member is checked for its type (text, id, boolean, or an
 * array of ids) and copied into the request arena. The jansson tree never leaves this file and is released on
 * every path in exactly one place, so handlers cannot leak it. The query
 * helpers read ?cursor=, ?limit=, typed filters and the ?q= search text,
 * answering 400 with the parameter's name when one is wrong. */
#include "api/api.h"

#include <jansson.h>
#include <string.h>
#include <strings.h>
#include "base/utf8.h"

static bool is_json_media_type(const char *ct)
{
	static const char want[] = "application/json";
	if (!ct)
		return false;
	while (*ct == ' ' || *ct == '\t')
		ct++;
	if (strncasecmp(ct, want, sizeof want - 1) != 0)
		return false;
	char next = ct[sizeof want - 1];
	return next == '\0' || next == ';' || next == ' ' || next == '\t';
}

/* The deepest nesting of arrays and objects in s[0..n), outside strings. */
static int nesting_depth(const char *s, size_t n)
{
	int depth = 0, deepest = 0;
	bool in_string = false;
	for (size_t i = 0; i < n; i++) {
		char ch = s[i];
		if (in_string) {
			if (ch == '\\')
				i++;
			else if (ch == '"')
				in_string = false;
		} else if (ch == '"') {
			in_string = true;
		} else if (ch == '{' || ch == '[') {
			if (++depth > deepest)
				deepest = depth;
		} else if (ch == '}' || ch == ']') {
			depth--;
		}
	}
	return deepest;
}

static struct api_member *find_member(struct api_member *m, int n, const char *name)
{
	for (int i = 0; i < n; i++)
		if (strcmp(m[i].name, name) == 0)
			return &m[i];
	return NULL;
}

/* An array of positive integers into a struct api_ids (null: empty). */
static bool take_ids(struct ctx *c, struct api_member *m, json_t *v, struct field_errors *fe)
{
	struct api_ids *out = m->out;
	out->v = NULL;
	out->n = 0;
	if (json_is_null(v))
		return true;
	if (!json_is_array(v)) {
		field_error_add(fe, m->name, PROB_BAD_NUMBER);
		return true;
	}
	size_t n = json_array_size(v);
	if (n == 0)
		return true;
	int64_t *ids = arena_alloc(c->a, sizeof *ids * n);
	if (!ids)
		return false;
	for (size_t i = 0; i < n; i++) {
		json_t *x = json_array_get(v, i);
		if (!json_is_integer(x) || json_integer_value(x) <= 0) {
			field_error_add(fe, m->name, PROB_BAD_NUMBER);
			return true;
		}
		ids[i] = (int64_t)json_integer_value(x);
	}
	out->v = ids;
	out->n = (int)n;
	return true;
}

/* Checks and copies one member's value; a wrong type becomes a field error. */
static bool take_value(struct ctx *c, struct api_member *m, json_t *v, struct field_errors *fe)
{
	m->present = true;
	switch (m->type) {
	case API_STR:
		if (json_is_null(v)) {
			*(char **)m->out = NULL;
		} else if (json_is_string(v)) {
			char *s = arena_strndup(c->a, json_string_value(v), json_string_length(v));
			if (!s)
				return false;
			*(char **)m->out = s;
		} else {
			field_error_add(fe, m->name, PROB_BAD_TEXT);
		}
		break;
	case API_ID:
		if (json_is_null(v))
			*(int64_t *)m->out = 0;
		else if (json_is_integer(v) && json_integer_value(v) > 0)
			*(int64_t *)m->out = (int64_t)json_integer_value(v);
		else
			field_error_add(fe, m->name, PROB_BAD_NUMBER);
		break;
	case API_BOOL:
		if (json_is_boolean(v))
			*(bool *)m->out = json_is_true(v);
		else
			field_error_add(fe, m->name, PROB_BAD_BOOL);
		break;
	case API_IDS:
		return take_ids(c, m, v, fe);
	case API_COUNT:
		if (json_is_null(v))
			*(int64_t *)m->out = -1;
		else if (json_is_integer(v) && json_integer_value(v) >= 0)
			*(int64_t *)m->out = (int64_t)json_integer_value(v);
		else
			field_error_add(fe, m->name, PROB_BAD_NUMBER);
		break;
	}
	return true;
}

/* Everything after parsing; the caller owns root and releases it. */
static bool read_object(struct ctx *c, json_t *root, struct api_member *m, int n)
{
	if (!json_is_object(root)) {
		api_problem(c, 400, "The body must be a JSON object.");
		return false;
	}
	struct buf unknown;
	buf_init(&unknown, c->a, 1024);
	const char *name;
	json_t *v;
	json_object_foreach(root, name, v) {
		if (find_member(m, n, name))
			continue;
		buf_puts(&unknown, unknown.len ? ", " : "Unknown members: ");
		buf_puts(&unknown, name);
	}
	if (unknown.len || unknown.err) {
		buf_putc(&unknown, '.');
		api_problem(c, 400, unknown.err ? "Unknown members." : buf_str(&unknown));
		return false;
	}
	struct field_errors fe = { .n = 0 };
	for (int i = 0; i < n; i++) {
		m[i].present = false;
		v = json_object_get(root, m[i].name);
		if (v && !take_value(c, &m[i], v, &fe)) {
			api_problem_err(c, ERR_TOO_BIG);
			return false;
		}
	}
	if (fe.n) {
		api_problem_fields(c, 422, &fe);
		return false;
	}
	return true;
}

bool api_read_body(struct ctx *c, struct api_member *m, int n)
{
	if (!is_json_media_type(http_header(c->req, "Content-Type"))) {
		api_problem(c, 415, "The body must be sent as Content-Type: application/json.");
		return false;
	}
	if (c->req->body_len > API_BODY_MAX) {
		api_problem(c, 413, "The body is larger than the API accepts (64 KiB).");
		return false;
	}
	if (!c->req->body || c->req->body_len == 0) {
		api_problem(c, 400, "The body is empty; a JSON object is expected.");
		return false;
	}
	if (nesting_depth(c->req->body, c->req->body_len) > API_BODY_DEPTH) {
		api_problem(c, 400, "The body is nested too deeply.");
		return false;
	}
	json_error_t jerr;
	json_t *root = json_loadb(c->req->body, c->req->body_len, JSON_REJECT_DUPLICATES, &jerr);
	if (!root) {
		api_problem(c, 400, arena_printf(c->a, "Malformed JSON at line %d, column %d: %s.",
						 jerr.line, jerr.column, jerr.text));
		return false;
	}
	bool ok = read_object(c, root, m, n);
	json_decref(root);
	return ok;
}

bool api_read_page(struct ctx *c, struct api_page *p)
{
	const char *limit = ctx_query(c, "limit");
	const char *cursor = ctx_query(c, "cursor");
	p->key = NULL;
	p->id = 0;
	if (api_limit_parse(limit, &p->limit) != OK) {
		api_problem(c, 400, "limit must be a whole number from 1 to 500.");
		return false;
	}
	if (!cursor || !*cursor)
		return true;
	enum err e = api_cursor_decode(c->a, cursor, &p->key, &p->id);
	if (e == ERR_TOO_BIG) {
		api_problem_err(c, e);
		return false;
	}
	if (e != OK) {
		api_problem(c, 400, "invalid cursor");
		return false;
	}
	return true;
}

bool api_query_bool(struct ctx *c, const char *name, bool dflt, bool *out)
{
	const char *s = ctx_query(c, name);
	if (!s) {
		*out = dflt;
		return true;
	}
	if (strcmp(s, "true") == 0 || strcmp(s, "false") == 0) {
		*out = s[0] == 't';
		return true;
	}
	api_problem(c, 400, arena_printf(c->a, "%s must be true or false.", name));
	return false;
}

bool api_query_id(struct ctx *c, const char *name, int64_t *out)
{
	const char *s = ctx_query(c, name);
	*out = 0;
	if (!s || api_parse_id(s, out))
		return true;
	api_problem(c, 400, arena_printf(c->a, "%s must be a positive whole number (an id).", name));
	return false;
}

bool api_query_text(struct ctx *c, const char **out)
{
	const char *s = ctx_query(c, "q");
	*out = NULL;
	if (!s || !*s)
		return true;
	if (!utf8_valid_text(s, strlen(s)) || utf8_len(s) > NAME_MAX_CHARS) {
		api_problem(c, 400, "q must be text of at most 200 characters.");
		return false;
	}
	*out = s;
	return true;
}
