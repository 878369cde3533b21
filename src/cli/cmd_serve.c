/* cmd_serve.c — evne serve: open the database (one connection per worker;
 * two workers per core unless --workers says otherwise), load the static
 * assets, and run the HTTP server until SIGINT/SIGTERM. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/log.h"
#include "cli/cmds.h"
#include "cli/opts.h"
#include "web/app.h"
#include "web/assets.h"
#include "web/page_cache.h"

const char cmd_serve_help[] =
	"usage: evne serve --db DB [--listen ADDR:PORT] [--workers N] [--trust-proxy]\n"
	"                  [--max-body BYTES] [--page-cache MIB] [--assets DIR] [--quiet]\n"
	"\n"
	"Runs the web server and the API until SIGINT or SIGTERM (requests in\n"
	"flight are finished). The schema is migrated first.\n"
	"  --listen      address and port (EVNE_LISTEN; default 127.0.0.1:8080)\n"
	"  --workers     worker threads = database connections (default 2 per core)\n"
	"  --trust-proxy honour X-Forwarded-Proto/-For from a TLS proxy in front\n"
	"  --max-body    largest request body in bytes (default 10 MiB)\n"
	"  --page-cache  memory in MiB for rendered pages and API answers, served\n"
	"                again to the same session until the next change to the\n"
	"                data (default 8; 0 turns it off)\n"
	"  --assets      the static assets folder (EVNE_ASSETS; default: beside the binary)\n"
	"  --quiet       log errors only\n";

int cmd_serve(int argc, char **argv)
{
	struct opt defs[] = { { "db", true, NULL }, { "listen", true, NULL }, { "workers", true, NULL },
			      { "assets", true, NULL }, { "trust-proxy", false, NULL },
			      { "max-body", true, NULL }, { "quiet", false, NULL },
			      { "page-cache", true, NULL } };
	struct opts o = { defs, 8, { 0 }, 0 };
	if (opts_parse(&o, argc, argv) || o.npositional)
		return 2;
	const char *db = opts_db(&o, "serve");
	if (!db)
		return 2;
	const char *listen = opts_get(&o, "listen");
	if (!listen)
		listen = getenv("EVNE_LISTEN");
	if (!listen || !*listen)
		listen = "127.0.0.1:8080";
	/* Two workers per core: SQLite reads are CPU-bound, so more only adds
	 * switching and memory (measured on 2 cores: 8 workers doubled the peak
	 * RSS and tripled healthz's p99 against 4); two per core cover a worker
	 * waiting on the disk or a write lock. */
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	long workers = opts_long(&o, "workers", cores > 0 ? (cores < 64 ? 2 * cores : 128) : 8, 256);
	long max_body = opts_long(&o, "max-body", 10L * 1024 * 1024, 1024L * 1024 * 1024);
	long cache_mib = opts_long(&o, "page-cache", 8, 4096);
	if (workers < 0 || max_body < 0 || cache_mib < 0)
		return 2;
	if (workers == 0)
		workers = 1;
	if (opts_get(&o, "quiet"))
		log_set_quiet(1);

	char dir[4096], err[512];
	const char *assets_dir = opts_get(&o, "assets");
	if (!assets_dir) {
		assets_default_dir(dir, sizeof dir);
		assets_dir = dir;
	}
	struct assets *assets = NULL;
	if (assets_load(assets_dir, &assets, err, sizeof err) != 0) {
		fprintf(stderr, "evne: %s (run 'make' or 'sh scripts/assets.sh' to build the assets)\n", err);
		return 1;
	}
	struct store *s;
	if (store_open(db, (int)workers, true, &s, err, sizeof err) != OK) {
		fprintf(stderr, "evne: %s\n", err);
		assets_free(assets);
		return 1;
	}
	struct app app = {
		.store = s,
		.assets = assets,
		.session_ttl_s = 8 * 3600,
		.login_max_failures = 5,
		.login_window_s = 15 * 60,
		.upload_max_bytes = (size_t)max_body,
		.page_cache = page_cache_new((size_t)cache_mib * 1024 * 1024),
	};
	struct http_server_cfg cfg = {
		.listen = listen,
		.workers = (unsigned)workers,
		.max_connections = 512,
		.idle_timeout_s = 30,
		.max_header_bytes = 16 * 1024,
		.max_body_bytes = (size_t)max_body,
		.arena_cap = 64 * 1024 * 1024,
		.trust_proxy = opts_get(&o, "trust-proxy") != NULL,
		.handler = app_handle,
		.ctx = &app,
	};
	int rc = http_serve(&cfg);
	page_cache_free(app.page_cache);
	store_close(s);
	assets_free(assets);
	return rc == 0 ? 0 : 1;
}
