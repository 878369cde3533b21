/* problem.c — how the API answers: JSON bodies, and RFC 9457 problem details
 * for every error. Problems use type "about:blank", so title is the status's
 * standard reason phrase and the specifics go in detail; validation problems
 * add an "errors" array of {field, message, code}, where code is the stable
 * problem_code() and message is English text for people reading logs. The
 * mapping from the error enum to a status lives here and nowhere else, and so
 * does the shape of a collection, {"items": [...], "next": CURSOR-or-null}. */
#include "api/api.h"

#include "base/log.h"

struct status_title {
	int status;
	const char *title;
};

static const struct status_title titles[] = {
	{ 400, "Bad Request" },
	{ 401, "Unauthorized" },
	{ 403, "Forbidden" },
	{ 404, "Not Found" },
	{ 405, "Method Not Allowed" },
	{ 406, "Not Acceptable" },
	{ 409, "Conflict" },
	{ 410, "Gone" },
	{ 412, "Precondition Failed" },
	{ 413, "Content Too Large" },
	{ 415, "Unsupported Media Type" },
	{ 422, "Unprocessable Content" },
	{ 429, "Too Many Requests" },
	{ 500, "Internal Server Error" },
	{ 501, "Not Implemented" },
	{ 503, "Service Unavailable" },
};

/* The standard English reason phrase of an HTTP status. */
static const char *status_title(int status)
{
	for (size_t i = 0; i < sizeof titles / sizeof titles[0]; i++)
		if (titles[i].status == status)
			return titles[i].title;
	return status >= 500 ? "Server Error" : "Client Error";
}

static const char *const messages[PROB_COUNT] = {
	[PROB_NONE] = "is invalid",
	[PROB_REQUIRED] = "is required",
	[PROB_TOO_LONG] = "is too long",
	[PROB_BAD_CODE] = "may hold only letters A-Z, digits, '.', '-' and '_'",
	[PROB_BAD_EMAIL] = "is not an e-mail address",
	[PROB_BAD_TEXT] = "must be one line of text",
	[PROB_UNKNOWN_REF] = "does not refer to an existing (and active) record",
	[PROB_CYCLE] = "would place the unit under itself or one of its sub-units",
	[PROB_TAKEN] = "is already used",
	[PROB_DUPLICATE] = "appears more than once",
	[PROB_BAD_BOOL] = "must be true or false",
	[PROB_BAD_NUMBER] = "must be a positive whole number",
	[PROB_NOT_ALLOWED] = "may not be set here",
	[PROB_HAS_CHILDREN] = "still has sub-units or people",
	[PROB_BAD_DECIMAL] = "must be a number with at most two decimals, such as 12.5",
	[PROB_BAD_DATE] = "must be a real date written YYYY-MM-DD",
	[PROB_BAD_CHOICE] = "is not one of the allowed values",
	[PROB_BAD_TIME] = "must be a time of day written HH:MM",
	[PROB_LOCKED] = "cannot change: the record is submitted or decided",
};

static const char *problem_message(enum problem p)
{
	return p >= 0 && p < PROB_COUNT && messages[p] ? messages[p] : "is invalid";
}

/* Empties the response body, including a sticky overflow from an earlier
 * attempt, so the answer that follows is whole. */
static void reset_body(struct ctx *c)
{
	buf_reset(&c->w->body);
	c->w->body.err = OK;
}

static void problem_head(struct ctx *c, struct jw *w, int status, const char *detail)
{
	reset_body(c);
	c->w->status = status;
	c->w->content_type = "application/problem+json";
	jw_init(w, &c->w->body);
	jw_obj(w);
	jw_kstr(w, "type", "about:blank");
	jw_kstr(w, "title", status_title(status));
	jw_kint(w, "status", status);
	if (detail)
		jw_kstr(w, "detail", detail);
}

void api_problem(struct ctx *c, int status, const char *detail)
{
	struct jw w;
	problem_head(c, &w, status, detail);
	jw_obj_end(&w);
}

void api_problem_fields(struct ctx *c, int status, const struct field_errors *fe)
{
	struct jw w;
	problem_head(c, &w, status,
		     status == 409 ? "A value must be unique and is already used."
				   : "Some values are invalid; see errors.");
	jw_key(&w, "errors");
	jw_arr(&w);
	for (int i = 0; i < fe->n; i++) {
		jw_obj(&w);
		jw_kstr(&w, "field", fe->e[i].field);
		jw_kstr(&w, "message", problem_message(fe->e[i].problem));
		jw_kstr(&w, "code", problem_code(fe->e[i].problem));
		jw_obj_end(&w);
	}
	jw_arr_end(&w);
	jw_obj_end(&w);
}

void api_problem_err(struct ctx *c, enum err e)
{
	switch (e) {
	case ERR_NOTFOUND:
		api_problem(c, 404, "No such resource.");
		return;
	case ERR_FORBIDDEN:
		api_problem(c, 403, "Not allowed for your role or outside your units.");
		return;
	case ERR_CONFLICT:
		api_problem(c, 409, "Conflicts with the current state of the data.");
		return;
	case ERR_TOO_BIG:
		api_problem(c, 413, "The request or its answer is too large.");
		return;
	case ERR_INVALID:
		api_problem(c, 400, "The request is invalid.");
		return;
	case ERR_BUSY:
		http_resp_header(c->w, "Retry-After", "1");
		api_problem(c, 503, "The database is busy; try again.");
		return;
	case OK:
	case ERR_IO:
		break;
	}
	log_error("api %s %s: %s: %s", c->req->method, c->req->path, err_name(e),
		  c->db ? store_errmsg(c->db) : "no database");
	api_problem(c, 500, "The server failed; the error is logged.");
}

void api_json_begin(struct ctx *c, struct jw *w)
{
	reset_body(c);
	jw_init(w, &c->w->body);
}

void api_json_end(struct ctx *c, int status)
{
	if (c->w->body.err != OK) {
		api_problem_err(c, ERR_TOO_BIG);
		return;
	}
	c->w->status = status;
	c->w->content_type = "application/json";
}

void api_list_begin(struct ctx *c, struct jw *w)
{
	api_json_begin(c, w);
	jw_obj(w);
	jw_key(w, "items");
	jw_arr(w);
}

void api_list_end(struct ctx *c, struct jw *w, const char *next_key, int64_t next_id)
{
	jw_arr_end(w);
	jw_key(w, "next");
	if (next_key) {
		char *next = api_cursor_encode(c->a, next_key, next_id);
		if (!next) {
			log_error("api %s %s: item %lld: its key cannot make a cursor", c->req->method,
				  c->req->path, (long long)next_id);
			api_problem(c, 500, "The server failed; the error is logged.");
			return;
		}
		jw_str(w, next);
	} else {
		jw_null(w);
	}
	jw_obj_end(w);
	api_json_end(c, 200);
}
