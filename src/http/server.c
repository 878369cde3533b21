/* server.c — the HTTP server on libmicrohttpd: a pool of worker threads
 * polling with epoll, per-connection limits and timeouts, a per-request
 * arena, the request body gathered under its limit (413 before the handler
 * runs), paths decoded and checked (400), unknown methods refused (405), the
 * handler's buffered response (or its long-lived static body, uncopied) sent
 * with security headers, metrics fed on completion, and a graceful stop on SIGINT/SIGTERM that finishes the
 * requests in flight. */
#include "http/http.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <microhttpd.h>

#include "base/log.h"
#include "base/utf8.h"

enum {
	HEADER_SLACK = 4 * 1024,       /* connection memory beyond the request headers */
	DEFAULT_CONN_MEMORY = 32 * 1024,
	DEFAULT_MAX_CONNECTIONS = 1024,
	DRAIN_SECONDS = 10,
	DRAIN_MAX = 16 * 1024 * 1024,  /* body bytes read and discarded before a 413 */
	ADDR_TEXT = INET6_ADDRSTRLEN + 8,
};

static const char CSP[] =
	"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
	"font-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; "
	"object-src 'none'";
static const char ALLOWED_METHODS[] = "GET, HEAD, POST, PATCH, DELETE, PUT";

struct server {
	const struct http_server_cfg *cfg;
	atomic_int in_flight;
};

/* Per-request state: MHD's request context, from the request line to
 * MHD_OPTION_NOTIFY_COMPLETED. */
struct request {
	struct arena arena;
	struct timespec start;
	const char *target;            /* the raw request target, query included */
	struct buf body;
	bool started;                  /* the access handler has seen the headers */
	bool body_too_big;
	size_t discarded;              /* body bytes read and thrown away */
	int status;                    /* the status queued; 0 when none */
	const char *route_label;
};

static double seconds_since(const struct timespec *t0)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)(t.tv_sec - t0->tv_sec) + (double)(t.tv_nsec - t0->tv_nsec) / 1e9;
}

__attribute__((format(printf, 2, 0)))
static void mhd_log(void *cls, const char *fmt, va_list ap)
{
	(void)cls;
	char msg[512];
	vsnprintf(msg, sizeof msg, fmt, ap);
	size_t n = strlen(msg);
	while (n > 0 && (msg[n - 1] == '\n' || msg[n - 1] == '\r'))
		msg[--n] = '\0';
	log_error("http: %s", msg);
}

static void *on_request_line(void *cls, const char *uri, struct MHD_Connection *c)
{
	(void)c;
	struct server *s = cls;
	struct request *q = calloc(1, sizeof *q);
	if (!q) {
		fputs("evne: out of memory\n", stderr);
		abort();
	}
	arena_init(&q->arena, s->cfg->arena_cap);
	clock_gettime(CLOCK_MONOTONIC, &q->start);
	q->target = arena_strdup(&q->arena, uri);
	atomic_fetch_add(&s->in_flight, 1);
	return q;
}

static void on_completed(void *cls, struct MHD_Connection *c, void **con_cls,
			 enum MHD_RequestTerminationCode toe)
{
	(void)c;
	(void)toe;
	struct server *s = cls;
	struct request *q = *con_cls;
	if (!q)
		return;
	if (q->status)
		http_metrics_observe(q->route_label, q->status, seconds_since(&q->start));
	arena_free(&q->arena);
	free(q);
	*con_cls = NULL;
	atomic_fetch_sub(&s->in_flight, 1);
}

static void on_connection(void *cls, struct MHD_Connection *c, void **socket_context,
			  enum MHD_ConnectionNotificationCode code)
{
	(void)cls;
	(void)c;
	(void)socket_context;
	http_metrics_connection(code == MHD_CONNECTION_NOTIFY_STARTED ? 1 : -1);
}

static const char *mhd_header(void *conn, const char *name)
{
	return MHD_lookup_connection_value(conn, MHD_HEADER_KIND, name);
}

static bool add_header(struct MHD_Response *m, const char *name, const char *value)
{
	if (!name || !value || MHD_add_response_header(m, name, value) != MHD_YES) {
		log_error("http: invalid response header %s", name ? name : "(null)");
		return false;
	}
	return true;
}

static bool add_common_headers(struct MHD_Response *m, const char *content_type,
			       const char *cache_control, bool secure)
{
	return add_header(m, MHD_HTTP_HEADER_CONTENT_TYPE, content_type) &&
	       add_header(m, MHD_HTTP_HEADER_CACHE_CONTROL, cache_control) &&
	       add_header(m, "Content-Security-Policy", CSP) &&
	       add_header(m, "X-Content-Type-Options", "nosniff") &&
	       add_header(m, "Referrer-Policy", "same-origin") &&
	       add_header(m, "X-Frame-Options", "DENY") &&
	       add_header(m, "Cross-Origin-Opener-Policy", "same-origin") &&
	       (!secure || add_header(m, "Strict-Transport-Security", "max-age=31536000"));
}

static enum MHD_Result queue(struct MHD_Connection *c, struct request *q, int status,
			     struct MHD_Response *m)
{
	enum MHD_Result ret = MHD_queue_response(c, (unsigned)status, m);
	MHD_destroy_response(m);
	if (ret == MHD_YES)
		q->status = status;
	return ret;
}

/* A short answer made by the server itself (400, 405, 413, 500): plain
 * text, or RFC 9457 problem details for the JSON API under /api/. */
static enum MHD_Result answer_plain(struct MHD_Connection *c, struct request *q, int status,
				    const char *text, bool secure)
{
	const char *type = "text/plain; charset=utf-8";
	if (q->target && strncmp(q->target, "/api/", 5) == 0) {
		const char *problem = arena_printf(&q->arena,
			"{\"type\":\"about:blank\",\"title\":\"%s\",\"status\":%d,\"detail\":\"%.*s\"}",
			MHD_get_reason_phrase_for((unsigned)status), status,
			(int)strcspn(text, "\n"), text);
		if (problem) {
			text = problem;
			type = "application/problem+json";
		}
	}
	struct MHD_Response *m = MHD_create_response_from_buffer(strlen(text), (void *)text,
								 MHD_RESPMEM_PERSISTENT);
	if (!m)
		return MHD_NO;
	if (!add_common_headers(m, type, "no-store", secure) ||
	    (status == 405 && !add_header(m, MHD_HTTP_HEADER_ALLOW, ALLOWED_METHODS))) {
		MHD_destroy_response(m);
		return MHD_NO;
	}
	return queue(c, q, status, m);
}

static bool method_allowed(const char *m)
{
	static const char *const allowed[] = { "GET", "HEAD", "POST", "PATCH", "DELETE", "PUT" };
	for (size_t i = 0; i < sizeof allowed / sizeof allowed[0]; i++)
		if (strcmp(m, allowed[i]) == 0)
			return true;
	return false;
}

/* Decodes the path part of the raw target; NULL when it is not a clean
 * absolute path: no '/' first, a bad escape, NUL or control characters,
 * invalid UTF-8, or a "." or ".." segment. */
static const char *decode_path(struct arena *a, const char *raw, size_t n)
{
	if (n == 0 || raw[0] != '/')
		return NULL;
	size_t len;
	char *p = http_unescape(a, raw, n, false, &len);
	if (!p || !utf8_valid_text(p, len) || strpbrk(p, "\t\r\n"))
		return NULL;
	for (const char *s = p; *s; s++) {
		if (*s != '/')
			continue;
		size_t seg = strcspn(s + 1, "/");
		if ((seg == 1 && s[1] == '.') || (seg == 2 && s[1] == '.' && s[2] == '.'))
			return NULL;
	}
	return p;
}

struct last_header {
	const char *name;
	const char *value;
};

static enum MHD_Result keep_last(void *cls, enum MHD_ValueKind kind, const char *key,
				 const char *value)
{
	(void)kind;
	struct last_header *h = cls;
	if (key && strcasecmp(key, h->name) == 0)
		h->value = value;
	return MHD_YES;
}

static bool ip_text_ok(const char *s)
{
	unsigned char tmp[sizeof(struct in6_addr)];
	return inet_pton(AF_INET, s, tmp) == 1 || inet_pton(AF_INET6, s, tmp) == 1;
}

/* The last address of the last X-Forwarded-For header (the one our proxy
 * appended), or NULL when there is none or it is not an IP address. */
static const char *forwarded_for(struct MHD_Connection *c, struct arena *a)
{
	struct last_header h = { .name = "X-Forwarded-For" };
	MHD_get_connection_values(c, MHD_HEADER_KIND, keep_last, &h);
	if (!h.value)
		return NULL;
	const char *start = strrchr(h.value, ',');
	start = start ? start + 1 : h.value;
	while (*start == ' ' || *start == '\t')
		start++;
	size_t n = strlen(start);
	while (n > 0 && (start[n - 1] == ' ' || start[n - 1] == '\t'))
		n--;
	char *ip = arena_strndup(a, start, n);
	return ip && ip_text_ok(ip) ? ip : NULL;
}

static const char *peer_address(struct MHD_Connection *c, struct arena *a)
{
	const union MHD_ConnectionInfo *ci =
		MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	char text[INET6_ADDRSTRLEN] = "";
	if (ci && ci->client_addr) {
		const struct sockaddr *sa = ci->client_addr;
		if (sa->sa_family == AF_INET)
			inet_ntop(AF_INET, &((const struct sockaddr_in *)(const void *)sa)->sin_addr,
				  text, sizeof text);
		else if (sa->sa_family == AF_INET6)
			inet_ntop(AF_INET6,
				  &((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr,
				  text, sizeof text);
	}
	return arena_strdup(a, text);
}

/* TLS is done by a proxy in front; it tells us with X-Forwarded-Proto. */
static bool is_secure(const struct server *s, struct MHD_Connection *c)
{
	if (!s->cfg->trust_proxy)
		return false;
	const char *proto = mhd_header(c, "X-Forwarded-Proto");
	return proto && strcasecmp(proto, "https") == 0;
}

/* The body is complete: build the request, run the handler, send its answer. */
static enum MHD_Result run_handler(struct server *s, struct MHD_Connection *c, struct request *q,
				   const char *method)
{
	const struct http_server_cfg *cfg = s->cfg;
	struct http_req req = {
		.arena = &q->arena,
		.method = method,
		.conn_ = c,
		.header_fn_ = mhd_header,
	};
	req.secure = is_secure(s, c);
	if (!q->target)
		return answer_plain(c, q, 414, "Request target too long.\n", req.secure);
	size_t path_len = strcspn(q->target, "?");
	req.path = decode_path(&q->arena, q->target, path_len);
	req.query = q->target[path_len] ? q->target + path_len + 1 : "";
	if (!req.path)
		return answer_plain(c, q, q->arena.over_cap ? 413 : 400,
				    q->arena.over_cap ? "Request too large.\n" : "Bad request path.\n",
				    req.secure);
	req.body = q->body.data ? q->body.data : "";
	req.body_len = q->body.len;
	req.remote_addr = cfg->trust_proxy ? forwarded_for(c, &q->arena) : NULL;
	if (!req.remote_addr)
		req.remote_addr = peer_address(c, &q->arena);

	struct http_resp w;
	http_resp_init(&w, &q->arena);
	cfg->handler(&req, &w, cfg->ctx);
	q->route_label = req.route_label;

	if (w.body.err) {
		log_error("http: %s %s: response not built (%s)", method, req.path,
			  q->arena.over_cap ? "request arena full" : "body too large");
		return q->arena.over_cap
		       ? answer_plain(c, q, 413, "Request too large.\n", req.secure)
		       : answer_plain(c, q, 500, "Internal server error.\n", req.secure);
	}
	if (w.status < 200 || w.status > 599) {
		log_error("http: %s %s: handler set status %d", method, req.path, w.status);
		return answer_plain(c, q, 500, "Internal server error.\n", req.secure);
	}
	/* PERSISTENT: MHD sends from the buffer without a copy; the arena (or
	 * the static body) outlives the response. */
	struct MHD_Response *m =
		w.static_body
		? MHD_create_response_from_buffer(w.static_len, (void *)w.static_body,
						  MHD_RESPMEM_PERSISTENT)
		: MHD_create_response_from_buffer(w.body.len, w.body.data ? w.body.data : (void *)"",
						  MHD_RESPMEM_PERSISTENT);
	if (!m)
		return MHD_NO;
	bool ok = add_common_headers(m, w.content_type ? w.content_type : "text/html; charset=utf-8",
				     w.cache_control ? w.cache_control : "no-store", req.secure);
	for (int i = 0; ok && i < w.nheaders; i++)
		ok = add_header(m, w.headers[i].name, w.headers[i].value);
	if (!ok) {
		MHD_destroy_response(m);
		return answer_plain(c, q, 500, "Internal server error.\n", req.secure);
	}
	return queue(c, q, w.status, m);
}

static bool expects_continue(struct MHD_Connection *c)
{
	const char *v = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_EXPECT);
	return v && strcasecmp(v, "100-continue") == 0;
}

/* Content-Length as a number; false when absent or not a plain number. */
static bool content_length(struct MHD_Connection *c, unsigned long long *out)
{
	const char *v = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
						    MHD_HTTP_HEADER_CONTENT_LENGTH);
	if (!v || *v < '0' || *v > '9')
		return false;
	char *end;
	errno = 0;
	*out = strtoull(v, &end, 10);
	return errno == 0 && *end == '\0';
}

static enum MHD_Result on_access(void *cls, struct MHD_Connection *c, const char *url,
				 const char *method, const char *version, const char *upload_data,
				 size_t *upload_data_size, void **con_cls)
{
	(void)url;
	(void)version;
	struct server *s = cls;
	struct request *q = *con_cls;
	if (!q)
		return MHD_NO;
	if (!q->started) {
		q->started = true;
		bool secure = is_secure(s, c);
		if (!method_allowed(method))
			return answer_plain(c, q, 405, "Method not allowed.\n", secure);
		size_t max = s->cfg->max_body_bytes;
		unsigned long long len;
		bool known = content_length(c, &len);
		buf_init(&q->body, &q->arena, max);
		bool fits = !known || len <= max;
		if (fits && known && len > 0) {
			/* one exact allocation instead of growing by doubling */
			q->body.data = arena_alloc(&q->arena, (size_t)len + 1);
			if (q->body.data)
				q->body.cap = (size_t)len + 1;
			else
				fits = false;      /* over the request arena's cap */
		}
		if (!fits) {
			/* A client that waits for "100 Continue" has sent nothing yet,
			 * and a huge body is not worth reading: answer at once (MHD
			 * then closes the connection). Otherwise read and discard the
			 * body first, since closing with unread data makes the kernel
			 * send a reset that can destroy the 413 before the client
			 * reads it. */
			if (expects_continue(c) || len > DRAIN_MAX)
				return answer_plain(c, q, 413, "Request body too large.\n", secure);
			q->body_too_big = true;
		}
		return MHD_YES;
	}
	if (*upload_data_size) {
		if (!q->body_too_big) {
			buf_add(&q->body, upload_data, *upload_data_size);
			q->body_too_big = q->body.err != OK;
		} else {
			/* over the limit: read and discard the rest, up to a point */
			q->discarded += *upload_data_size;
			if (q->discarded > DRAIN_MAX)
				return MHD_NO;
		}
		*upload_data_size = 0;
		return MHD_YES;
	}
	if (q->body_too_big)
		return answer_plain(c, q, 413, "Request body too large.\n", is_secure(s, c));
	return run_handler(s, c, q, method);
}

/* Parses "HOST:PORT" or "[V6]:PORT" and opens a listening socket. */
static int open_listener(const char *listen_addr, char *shown, size_t shown_len)
{
	char host[256];
	const char *port;
	if (!listen_addr || !*listen_addr) {
		log_error("cannot listen on \"\": no address given");
		return -1;
	}
	if (listen_addr[0] == '[') {
		const char *close_br = strchr(listen_addr, ']');
		if (!close_br || close_br[1] != ':' || (size_t)(close_br - listen_addr) > sizeof host) {
			log_error("cannot listen on %s: expected [IPv6]:PORT", listen_addr);
			return -1;
		}
		snprintf(host, sizeof host, "%.*s", (int)(close_br - listen_addr - 1), listen_addr + 1);
		port = close_br + 2;
	} else {
		const char *colon = strrchr(listen_addr, ':');
		if (!colon || memchr(listen_addr, ':', (size_t)(colon - listen_addr)) ||
		    (size_t)(colon - listen_addr) >= sizeof host) {
			log_error("cannot listen on %s: expected HOST:PORT", listen_addr);
			return -1;
		}
		snprintf(host, sizeof host, "%.*s", (int)(colon - listen_addr), listen_addr);
		port = colon + 1;
	}
	struct addrinfo hints = {
		.ai_family = AF_UNSPEC,
		.ai_socktype = SOCK_STREAM,
		.ai_flags = AI_PASSIVE | AI_NUMERICSERV,
	}, *ai;
	int rc = getaddrinfo(host[0] ? host : NULL, port, &hints, &ai);
	if (rc != 0) {
		log_error("cannot listen on %s: %s", listen_addr, gai_strerror(rc));
		return -1;
	}
	int fd = socket(ai->ai_family, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
	int one = 1;
	if (fd < 0 || setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) != 0 ||
	    bind(fd, ai->ai_addr, ai->ai_addrlen) != 0 || listen(fd, SOMAXCONN) != 0) {
		log_error("cannot listen on %s: %s", listen_addr, strerror(errno));
		if (fd >= 0)
			close(fd);
		freeaddrinfo(ai);
		return -1;
	}
	freeaddrinfo(ai);

	struct sockaddr_storage ss;
	socklen_t sl = sizeof ss;
	char ip[INET6_ADDRSTRLEN] = "?";
	unsigned port_no = 0;
	if (getsockname(fd, (struct sockaddr *)&ss, &sl) == 0) {
		if (ss.ss_family == AF_INET6) {
			const struct sockaddr_in6 *s6 = (const struct sockaddr_in6 *)&ss;
			inet_ntop(AF_INET6, &s6->sin6_addr, ip, sizeof ip);
			port_no = ntohs(s6->sin6_port);
		} else {
			const struct sockaddr_in *s4 = (const struct sockaddr_in *)&ss;
			inet_ntop(AF_INET, &s4->sin_addr, ip, sizeof ip);
			port_no = ntohs(s4->sin_port);
		}
	}
	snprintf(shown, shown_len, ss.ss_family == AF_INET6 ? "[%s]:%u" : "%s:%u", ip, port_no);
	return fd;
}

/* Waits up to DRAIN_SECONDS for in-flight requests; a second signal cuts it short. */
static void drain(struct server *s, const sigset_t *sigs)
{
	struct timespec t0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	while (atomic_load(&s->in_flight) > 0 && seconds_since(&t0) < DRAIN_SECONDS) {
		struct timespec tick = { 0, 50 * 1000 * 1000 };
		if (sigtimedwait(sigs, NULL, &tick) > 0) {
			log_info("second signal: not waiting for requests in flight");
			break;
		}
	}
	int left = atomic_load(&s->in_flight);
	if (left > 0)
		log_error("stopping with %d request(s) unfinished", left);
}

int http_serve(const struct http_server_cfg *cfg)
{
	char shown[ADDR_TEXT + 8];
	int fd = open_listener(cfg->listen, shown, sizeof shown);
	if (fd < 0)
		return -1;

	struct server srv = { .cfg = cfg };
	atomic_init(&srv.in_flight, 0);
	unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ERROR_LOG | MHD_USE_ITC;
	if (MHD_is_feature_supported(MHD_FEATURE_EPOLL) == MHD_YES)
		flags |= MHD_USE_EPOLL;
	if (shown[0] == '[')
		flags |= MHD_USE_IPv6;
	size_t conn_memory = cfg->max_header_bytes ? cfg->max_header_bytes + HEADER_SLACK
						   : DEFAULT_CONN_MEMORY;

	/* Worker threads inherit the mask; only this thread takes the signals. */
	sigset_t sigs, old;
	sigemptyset(&sigs);
	sigaddset(&sigs, SIGINT);
	sigaddset(&sigs, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &sigs, &old);

	struct MHD_Daemon *d = MHD_start_daemon(
		flags, 0, NULL, NULL, on_access, &srv,
		MHD_OPTION_EXTERNAL_LOGGER, mhd_log, NULL,
		MHD_OPTION_LISTEN_SOCKET, fd,
		MHD_OPTION_THREAD_POOL_SIZE, cfg->workers ? cfg->workers : 1u,
		MHD_OPTION_CONNECTION_LIMIT,
		cfg->max_connections ? cfg->max_connections : (unsigned)DEFAULT_MAX_CONNECTIONS,
		MHD_OPTION_CONNECTION_TIMEOUT, cfg->idle_timeout_s,
		MHD_OPTION_CONNECTION_MEMORY_LIMIT, conn_memory,
		MHD_OPTION_URI_LOG_CALLBACK, on_request_line, &srv,
		MHD_OPTION_NOTIFY_COMPLETED, on_completed, &srv,
		MHD_OPTION_NOTIFY_CONNECTION, on_connection, &srv,
		MHD_OPTION_END);
	if (!d) {
		log_error("cannot listen on %s: the HTTP server did not start", cfg->listen);
		close(fd);
		pthread_sigmask(SIG_SETMASK, &old, NULL);
		return -1;
	}
	log_info("listening on http://%s", shown);

	int sig = 0;
	sigwait(&sigs, &sig);
	log_info("%s: finishing requests in flight", sig == SIGINT ? "SIGINT" : "SIGTERM");
	/* MHD no longer polls the listening socket; shutting it down makes new
	 * connections fail at once instead of waiting in the backlog. It is
	 * closed only after MHD_stop_daemon, as MHD's documentation requires. */
	MHD_socket lfd = MHD_quiesce_daemon(d);
	if (lfd != MHD_INVALID_SOCKET)
		shutdown(lfd, SHUT_RDWR);
	drain(&srv, &sigs);
	MHD_stop_daemon(d);
	if (lfd != MHD_INVALID_SOCKET)
		close(lfd);

	/* Swallow signals that came during shutdown, then restore the mask. */
	struct timespec zero = { 0, 0 };
	while (sigtimedwait(&sigs, NULL, &zero) > 0)
		;
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	log_info("stopped");
	return 0;
}
