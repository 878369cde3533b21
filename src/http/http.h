/* http.h — protocol only: the request and response the server hands to the
 * application, forms, cookies and the server itself (libmicrohttpd with a
 * thread pool). Knows nothing of pages, users or the database. */
#ifndef EVNE_HTTP_H
#define EVNE_HTTP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "base/arena.h"
#include "base/buf.h"

enum { HTTP_MAX_PARAMS = 8, HTTP_MAX_HEADERS = 16, HTTP_MAX_FIELDS = 256 };

struct http_field {            /* a form or query field, decoded */
	const char *name;
	const char *value;
	size_t len;
	const char *filename;      /* multipart file parts only */
	const char *content_type;  /* multipart file parts only */
};

struct http_form {
	struct http_field fields[HTTP_MAX_FIELDS];
	int n;
};

struct http_req {
	struct arena *arena;       /* freed when the response is sent */
	const char *method;
	const char *path;          /* percent-decoded, without the query */
	const char *query;         /* raw, after '?'; "" when none */
	const char *body;
	size_t body_len;
	const char *remote_addr;   /* "127.0.0.1" */
	bool secure;               /* TLS, or X-Forwarded-Proto: https from a trusted proxy */
	const char *param_names[HTTP_MAX_PARAMS];   /* from the route pattern */
	const char *param_values[HTTP_MAX_PARAMS];
	int nparams;
	const char *route_label;   /* set by the application, for metrics */
	void *conn_;               /* the server's connection, for header lookup */
	const char *(*header_fn_)(void *conn, const char *name);
};

struct http_header { const char *name, *value; };

struct http_resp {
	int status;                /* 200 unless set */
	const char *content_type;  /* "text/html; charset=utf-8" unless set */
	struct buf body;
	struct http_header headers[HTTP_MAX_HEADERS];
	int nheaders;
	const char *cache_control; /* default "no-store" */
	const void *static_body;   /* http_resp_static: sent as is instead of body */
	size_t static_len;
};

const char *http_header(const struct http_req *r, const char *name);   /* NULL if absent */
const char *http_cookie(const struct http_req *r, const char *name);   /* NULL if absent */
const char *http_param(const struct http_req *r, const char *name);    /* route {name} */
/* Parses an application/x-www-form-urlencoded string into f (appending). */
int http_parse_urlencoded(struct arena *a, const char *s, size_t n, struct http_form *f);
/* Parses the request body: urlencoded or multipart/form-data. Returns 0, or
 * -1 on malformed input (the caller answers 400). */
int http_parse_body(struct http_req *r, struct http_form *f);
int http_parse_query(struct http_req *r, struct http_form *f);
const char *http_form_get(const struct http_form *f, const char *name);       /* NULL if absent */
const struct http_field *http_form_field(const struct http_form *f, const char *name);
/* Percent-decodes s[0..n) into a NUL-terminated arena copy; *len gets its
 * length (it may hold %00). plus_space turns '+' into ' ' (forms, not
 * paths). NULL on a malformed escape or over the arena cap. */
char *http_unescape(struct arena *a, const char *s, size_t n, bool plus_space, size_t *len);

/* Status 200, the default content type and cache control, an empty body in a. */
void http_resp_init(struct http_resp *w, struct arena *a);
void http_resp_header(struct http_resp *w, const char *name, const char *value);
/* The body is data[0..len), which outlives the server (static assets): sent
 * without a copy; whatever the body buffer holds is ignored. */
void http_resp_static(struct http_resp *w, const void *data, size_t len);
void http_redirect(struct http_resp *w, const char *location);         /* 303 See Other */
/* Set-Cookie with HttpOnly; SameSite=Lax; Path=/; Secure when secure. max_age < 0: session. */
void http_set_cookie(struct http_resp *w, struct arena *a, const char *name, const char *value,
		     long max_age, bool secure);

/* Matches "/units/{id}/edit" against a path; fills r's params. */
bool http_route_match(const char *pattern, const char *path, struct http_req *r);

typedef void (*http_handler_fn)(struct http_req *r, struct http_resp *w, void *ctx);

struct http_server_cfg {
	const char *listen;          /* "127.0.0.1:8080" */
	unsigned workers;            /* thread pool size */
	unsigned max_connections;
	unsigned idle_timeout_s;
	size_t max_header_bytes;
	size_t max_body_bytes;       /* over: 413 before the handler runs */
	size_t arena_cap;            /* per request; over: 413 */
	bool trust_proxy;            /* honour X-Forwarded-Proto / X-Forwarded-For */
	http_handler_fn handler;
	void *ctx;
};

/* Runs until SIGINT or SIGTERM, then stops accepting, finishes the requests
 * in flight and returns 0; -1 when the address could not be bound. */
int http_serve(const struct http_server_cfg *cfg);

/* Metrics for GET /metrics, kept by the server. */
void http_metrics_write(struct buf *b);
/* Fed by the server (and the unit tests): one answered request, and an
 * opened (+1) or closed (-1) connection. route NULL counts as "unmatched". */
void http_metrics_observe(const char *route, int status, double seconds);
void http_metrics_connection(int delta);
/* The application names the route a request matched (for metrics labels). */
void http_set_route_label(struct http_req *r, const char *label);

#endif
