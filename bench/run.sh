#!/bin/sh
# make bench — evne against the machine's limit, at 100 000 employees.
#
# Creates two throwaway 100 000-person demo databases — the default 40 units
# for the people pages, search and API, and 5 000 units in phase 2 (the
# units' proposals) for the dashboard, indicators, compilation, needs
# register and proposal pages — times `evne demo` and `evne import people`
# (seconds, peak RSS), then serves each in turn with `evne serve` and, side
# by side, Debian's nginx serving a saved copy of the very same response
# bodies. Every scenario runs the same wrk settings against both;
# evne's figures are ratios against nginx measured in the same run. After
# each database's scenarios evne is restarted on it with --page-cache 0 and
# the scenarios that reach the cache run again against it alone: what a
# page costs when it is rendered (its first request, or any after a change).
# GET /metrics after each pass shows the page cache's hits and misses.
# Prints one table and writes it to bench/results/DATE-COMMIT.{md,json}.
# Everything it starts or creates is removed on exit, also on failure.
# See docs/benchmarks.md.
#
# Knobs (environment): BENCH_PEOPLE (100000), BENCH_UNITS of the phase-2
# database (5000), BENCH_DURATION seconds per run (10), BENCH_WARMUP seconds (1), BENCH_CONNECTIONS (32), BENCH_THREADS
# (2), BENCH_WORKERS (2 x cores), BENCH_KEEP=1 keeps the temp folder.
set -eu
cd "$(dirname "$0")/.."
ROOT=$(pwd)
EVNE=$ROOT/build/evne

PEOPLE=${BENCH_PEOPLE:-100000}
UNITS=${BENCH_UNITS:-5000}
DURATION=${BENCH_DURATION:-10}
WARMUP=${BENCH_WARMUP:-1}
CONNS=${BENCH_CONNECTIONS:-32}
THREADS=${BENCH_THREADS:-2}
CORES=$(nproc)
WORKERS=${BENCH_WORKERS:-$((2 * CORES))}

say() { printf 'bench: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }

# --- tools --------------------------------------------------------------------
missing=""
command -v wrk >/dev/null 2>&1 || missing="$missing wrk"
NGINX=$(command -v nginx 2>/dev/null || true)
[ -n "$NGINX" ] || { [ -x /usr/sbin/nginx ] && NGINX=/usr/sbin/nginx; } || missing="$missing nginx"
[ -x /usr/bin/time ] || missing="$missing time"
command -v curl >/dev/null 2>&1 || missing="$missing curl"
command -v sqlite3 >/dev/null 2>&1 || missing="$missing sqlite3"
command -v python3 >/dev/null 2>&1 || missing="$missing python3"
if [ -n "$missing" ]; then
	if [ "$(id -u)" = 0 ]; then
		say "installing Debian packages:$missing"
		export DEBIAN_FRONTEND=noninteractive
		apt-get update -qq
		# shellcheck disable=SC2086
		apt-get install -y -qq --no-install-recommends $missing >/dev/null
		[ -n "$NGINX" ] || NGINX=/usr/sbin/nginx
	else
		say "these Debian packages are missing; install them with:"
		echo "  sudo apt-get install$missing" >&2
		exit 1
	fi
fi
[ -x "$EVNE" ] || die "build/evne is missing: run 'make build/evne' (or 'make bench')"

# --- temp folder, processes, and their cleanup -----------------------------
TMP=$(mktemp -d "${TMPDIR:-/tmp}/evne-bench.XXXXXX")
EVNE_PID=""
NGINX_PID=""
WRK_PID=""
stop() { # pid
	if [ -n "$1" ] && kill -0 "$1" 2>/dev/null; then
		kill "$1" 2>/dev/null || true
		i=0
		while kill -0 "$1" 2>/dev/null && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
		kill -9 "$1" 2>/dev/null || true
		wait "$1" 2>/dev/null || true
	fi
}
cleanup() {
	st=$?
	trap - EXIT INT TERM HUP
	stop "$WRK_PID"
	stop "$EVNE_PID"
	stop "$NGINX_PID"
	if [ "${BENCH_KEEP:-0}" = 1 ]; then say "kept $TMP"; else rm -rf "$TMP"; fi
	exit $st
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

mkdir -p "$TMP/db" "$TMP/www" "$TMP/nginx" "$TMP/wrk" "$TMP/paths" "$TMP/metrics"
chmod 0700 "$TMP/db"
# nginx's workers may run as another user (root's default is nobody): they
# need to read www/ and nothing else.
chmod 0711 "$TMP"
chmod 0755 "$TMP/www"

# A copy of the binary, so that a rebuild during the run changes nothing.
cp "$EVNE" "$TMP/evne"
EVNE=$TMP/evne
DB=$TMP/db/bench.db
free_port() {
	python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
peak_kib() { sed -n 's/^[[:space:]]*Maximum resident set size (kbytes): //p' "$1"; }
wall_s() { # "h:mm:ss" or "m:ss.ss" -> seconds
	sed -n 's/^[[:space:]]*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$1" |
		awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.2f\n", s }'
}

# --- 1. the demo databases, timed ------------------------------------------
# DB: the default 40 units (unit pages of ~400 and ~3 000 people, search,
# the people API) and the source of the import below. DB2: 5 000 units in
# phase 2, thousands of proposals, for the pages that sum or list them.
say "evne demo --people $PEOPLE"
/usr/bin/time -v -o "$TMP/demo.time" "$EVNE" demo --db "$DB" --people "$PEOPLE" --quiet \
	>"$TMP/demo.out" 2>"$TMP/demo.err" || { cat "$TMP/demo.err" >&2; die "evne demo failed"; }
DEMO_S=$(wall_s "$TMP/demo.time")
DEMO_KIB=$(peak_kib "$TMP/demo.time")
say "demo: ${DEMO_S}s, peak $((DEMO_KIB / 1024)) MiB"
DB2=$TMP/db/phase2.db
say "evne demo --units $UNITS --people $PEOPLE --phase 2"
/usr/bin/time -v -o "$TMP/demo2.time" "$EVNE" demo --db "$DB2" --units "$UNITS" --people "$PEOPLE" \
	--phase 2 --quiet >"$TMP/demo2.out" 2>"$TMP/demo2.err" || { cat "$TMP/demo2.err" >&2; die "evne demo --phase 2 failed"; }
DEMO2_S=$(wall_s "$TMP/demo2.time")
DEMO2_KIB=$(peak_kib "$TMP/demo2.time")
say "demo --phase 2: ${DEMO2_S}s, peak $((DEMO2_KIB / 1024)) MiB"
login_of() { # role demo.out -> e-mail password
	awk -v r="$1" '$1 == r { print $2, $3; exit }' "$2"
}
set -- $(login_of leader "$TMP/demo.out") "" ""; LEADER_EMAIL=$1 LEADER_PASS=$2
set -- $(login_of hr "$TMP/demo.out") "" ""; HR_EMAIL=$1 HR_PASS=$2
set -- $(login_of leader "$TMP/demo2.out") "" ""; LEADER2_EMAIL=$1 LEADER2_PASS=$2
set -- $(login_of hr "$TMP/demo2.out") "" ""; HR2_EMAIL=$1 HR2_PASS=$2
[ -n "$LEADER_PASS" ] && [ -n "$HR_PASS" ] && [ -n "$LEADER2_PASS" ] && [ -n "$HR2_PASS" ] ||
	die "evne demo printed no leader/hr log-ins"

# --- 2. import of a 100 000-row people CSV, timed ---------------------------
# The demo's people with new employee numbers (and e-mails) go into a fresh
# database holding the demo's units, so every row is a create.
IMPORT_DB=$TMP/db/import.db
"$EVNE" init --db "$IMPORT_DB" >/dev/null
sqlite3 -csv -header "$DB" "SELECT u.code AS code, u.name AS name,
	coalesce(p.code, '') AS parent_code, '' AS leader_employee_number
	FROM units u LEFT JOIN units p ON p.id = u.parent_id ORDER BY u.id" >"$TMP/units.csv"
sqlite3 -csv -header "$DB" "SELECT 'B' || p.employee_number AS employee_number, p.name AS name,
	'b.' || p.email AS email, u.code AS unit_code, coalesce(p.job_title, '') AS job_title
	FROM people p JOIN units u ON u.id = p.unit_id ORDER BY p.id" >"$TMP/people.csv"
IMPORT_ROWS=$(($(wc -l <"$TMP/people.csv") - 1))
"$EVNE" import units "$TMP/units.csv" --db "$IMPORT_DB" --quiet >/dev/null
say "evne import people ($IMPORT_ROWS rows)"
/usr/bin/time -v -o "$TMP/import.time" "$EVNE" import people "$TMP/people.csv" --db "$IMPORT_DB" \
	>"$TMP/import.out" 2>"$TMP/import.err" || { cat "$TMP/import.err" >&2; die "evne import failed"; }
IMPORT_S=$(wall_s "$TMP/import.time")
IMPORT_KIB=$(peak_kib "$TMP/import.time")
say "import: ${IMPORT_S}s, peak $((IMPORT_KIB / 1024)) MiB: $(cat "$TMP/import.out")"
rm -f "$IMPORT_DB" "$IMPORT_DB-wal" "$IMPORT_DB-shm" "$TMP/people.csv"

# What the scenarios look at. DB: the leader's own unit, the largest unit
# for HR, and an API token for HR (integrations use tokens). DB2: the
# cycle, the leader's unit (whose proposal the demo leaves to the leader:
# filled below), the unit with the fullest proposal, HR's token.
leader_unit() { # db email
	sqlite3 "$1" "SELECT u.id FROM units u JOIN users us ON us.person_id = u.leader_id
		WHERE us.email = '$2' ORDER BY u.id LIMIT 1"
}
LEADER_UNIT=$(leader_unit "$DB" "$LEADER_EMAIL")
BIG_UNIT=$(sqlite3 "$DB" "SELECT unit_id FROM people WHERE unit_id IS NOT NULL
	GROUP BY unit_id ORDER BY count(*) DESC, unit_id LIMIT 1")
LEADER_UNIT_N=$(sqlite3 "$DB" "SELECT count(*) FROM people WHERE unit_id = $LEADER_UNIT")
BIG_UNIT_N=$(sqlite3 "$DB" "SELECT count(*) FROM people WHERE unit_id = $BIG_UNIT")
TOKEN=$("$EVNE" token create --db "$DB" --email "$HR_EMAIL" --name bench)
CYCLE=$(sqlite3 "$DB2" "SELECT id FROM cycles WHERE status = 'open' ORDER BY id DESC LIMIT 1")
LEADER2_UNIT=$(leader_unit "$DB2" "$LEADER2_EMAIL")
FULL_UNIT=$(sqlite3 "$DB2" "SELECT n.unit_id FROM competence_needs n WHERE n.cycle_id = $CYCLE
	GROUP BY n.unit_id ORDER BY count(*) DESC, (SELECT count(*) FROM proposed_measures m
	WHERE m.cycle_id = $CYCLE AND m.unit_id = n.unit_id) DESC, n.unit_id LIMIT 1")
[ -n "$CYCLE" ] && [ -n "$LEADER2_UNIT" ] && [ -n "$FULL_UNIT" ] || die "the phase-2 demo has no cycle or proposals"
P2_COUNTS=$(sqlite3 -separator ' ' "$DB2" "SELECT (SELECT count(*) FROM units),
	(SELECT count(*) FROM unit_discussions WHERE cycle_id = $CYCLE AND status = 'submitted'),
	(SELECT count(DISTINCT unit_id) FROM competence_needs WHERE cycle_id = $CYCLE),
	(SELECT count(*) FROM competence_needs WHERE cycle_id = $CYCLE),
	(SELECT count(*) FROM proposed_measures WHERE cycle_id = $CYCLE)")
set -- $P2_COUNTS; P2_UNITS=$1 P2_SUBMITTED=$2 P2_PROPOSING=$3 P2_NEEDS=$4 P2_MEASURES=$5
TOKEN2=$("$EVNE" token create --db "$DB2" --email "$HR2_EMAIL" --name bench)
CSS=$(awk '$1 == "designsystemet.css" { print $2 }' "$ROOT/build/assets/manifest.txt")
[ -n "$CSS" ] || die "build/assets/manifest.txt has no designsystemet.css: run 'sh scripts/assets.sh'"

# --- 3. the servers --------------------------------------------------------------
# nginx runs throughout; evne serves DB, then DB2 (one at a time, so both
# meet the same machine).
NPORT=$(free_port)
# The same security headers evne sends, so both answers are about the same size.
cat >"$TMP/nginx/nginx.conf" <<EOF
worker_processes $CORES;
pid $TMP/nginx/nginx.pid;
error_log $TMP/nginx/error.log warn;
events { worker_connections 1024; }
http {
	access_log off;
	client_body_temp_path $TMP/nginx/body;
	proxy_temp_path $TMP/nginx/proxy;
	fastcgi_temp_path $TMP/nginx/fastcgi;
	uwsgi_temp_path $TMP/nginx/uwsgi;
	scgi_temp_path $TMP/nginx/scgi;
	sendfile on;
	tcp_nopush on;
	tcp_nodelay on;
	keepalive_timeout 65s;
	keepalive_requests 1000000;
	open_file_cache max=1000 inactive=60s;
	server_tokens off;
	types { text/html html; application/json json; text/css css; text/plain txt; }
	default_type application/octet-stream;
	charset utf-8;
	charset_types text/css application/json text/plain;
	server {
		listen 127.0.0.1:$NPORT;
		root $TMP/www;
		add_header Cache-Control "no-store" always;
		add_header Content-Security-Policy "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'" always;
		add_header X-Content-Type-Options nosniff always;
		add_header Referrer-Policy same-origin always;
		add_header X-Frame-Options DENY always;
		add_header Cross-Origin-Opener-Policy same-origin always;
	}
}
EOF
"$NGINX" -p "$TMP/nginx/" -c "$TMP/nginx/nginx.conf" -e "$TMP/nginx/error.log" -g 'daemon off;' \
	>"$TMP/nginx/stdout.log" 2>&1 &
NGINX_PID=$!
NURL=http://127.0.0.1:$NPORT
echo ok >"$TMP/www/probe.txt"
i=0
until curl -sf -o /dev/null "$NURL/probe.txt"; do
	kill -0 "$NGINX_PID" 2>/dev/null || { cat "$TMP/nginx/error.log" "$TMP/nginx/stdout.log" >&2; die "nginx did not start"; }
	i=$((i + 1)); [ $i -lt 100 ] || die "nginx did not answer"
	sleep 0.1
done

start_evne() { # db [more serve options]
	db=$1; shift
	EPORT=$(free_port)
	"$EVNE" serve --db "$db" --listen "127.0.0.1:$EPORT" --workers "$WORKERS" --assets "$ROOT/build/assets" \
		"$@" >>"$TMP/serve.log" 2>&1 &
	EVNE_PID=$!
	EURL=http://127.0.0.1:$EPORT
	i=0
	until curl -sf -o /dev/null "$EURL/healthz"; do
		kill -0 "$EVNE_PID" 2>/dev/null || { cat "$TMP/serve.log" >&2; die "evne serve did not start"; }
		i=$((i + 1)); [ $i -lt 100 ] || die "evne serve did not answer /healthz"
		sleep 0.1
	done
}

# --- 4. log-ins -----------------------------------------------------------------
login() { # email password -> the evne_session cookie's value
	jar=$TMP/jar.$$
	rm -f "$jar"
	curl -sf -c "$jar" -o /dev/null "$EURL/login" || die "GET /login failed"
	csrf=$(awk '$6 == "evne_csrf" { v = $7 } END { print v }' "$jar")
	code=$(curl -s -b "$jar" -c "$jar" -o /dev/null -w '%{http_code}' \
		--data-urlencode "email=$1" --data-urlencode "password=$2" --data-urlencode "csrf=$csrf" \
		"$EURL/login")
	[ "$code" = 303 ] || die "log-in as $1 answered $code, not 303"
	awk '$6 == "evne_session" { v = $7 } END { print v }' "$jar"
	rm -f "$jar"
}

# evne's peak RSS: after start-up and the log-ins (argon2id), then per
# scenario. Writing 5 to clear_refs resets VmHWM to the current RSS.
hwm() { awk '/^VmHWM:/ { print $2 }' "/proc/$EVNE_PID/status"; }
hwm_reset() { echo 5 >"/proc/$EVNE_PID/clear_refs" 2>/dev/null || true; }
rss_now() { awk '/^VmRSS:/ { print $2 }' "/proc/$EVNE_PID/status"; }
rss_parts() { # what the RSS is — printed, not tabled
	awk '/^(RssAnon|RssFile|RssShmem):/ { printf "%s %d MiB  ", $1, $2 / 1024 }' "/proc/$EVNE_PID/status"
}
max() { if [ "$1" -gt "$2" ]; then echo "$1"; else echo "$2"; fi; }

# --- 5. scenarios -----------------------------------------------------------------
# name | role | header | extension | ratio target | paths (one per line).
# Each set of scenarios is listed in $SET (and in scenarios.tsv, the
# report's list), its bodies fetched from the evne serving it.
: >"$TMP/scenarios.tsv"
scenario() { # name role header ext target description; paths on stdin
	cat >"$TMP/paths/$1.evne"
	printf '%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$4" "$5" "$6" | tee -a "$TMP/scenarios.tsv" >>"$SET"
	printf '%s\n' "$3" >"$TMP/paths/$1.header"
}

# The exact bodies, fetched once from evne with the role's header, become
# nginx's files; nginx's path list rotates in the same order.
fetch_bodies() { # set
while IFS="$(printf '\t')" read -r name role ext target desc; do
	header=$(cat "$TMP/paths/$name.header")
	mkdir -p "$TMP/www/$name"
	: >"$TMP/paths/$name.nginx"
	n=0
	while read -r path; do
		out=$TMP/www/$name/$n.$ext
		if [ -n "$header" ]; then
			code=$(curl -s -H "$header" -o "$out" -w '%{http_code}' "$EURL$path")
		else
			code=$(curl -s -o "$out" -w '%{http_code}' "$EURL$path")
		fi
		[ "$code" = 200 ] || die "$name: GET $path answered $code"
		echo "/$name/$n.$ext" >>"$TMP/paths/$name.nginx"
		n=$((n + 1))
	done <"$TMP/paths/$name.evne"
done <"$1"
chmod -R a+rX "$TMP/www"
}

# evne goes on computing the answers to requests wrk abandoned when a run
# ended (up to one per connection); they must not be billed to the next run.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$EVNE_PID/stat"; }
wait_idle() {
	t0=$(cpu_ticks); i=0
	while [ $i -lt 120 ]; do
		sleep 0.5
		t1=$(cpu_ticks)
		[ $((t1 - t0)) -le 2 ] && return 0
		t0=$t1; i=$((i + 1))
	done
	say "evne is still busy after 60 s; measuring anyway"
}
run_wrk() { # scenario server url seconds -> $TMP/wrk/scenario.server
	wait_idle
	header=$(cat "$TMP/paths/$1.header")
	# The uncached evne is asked for evne's paths.
	if [ "$2" = nginx ]; then list=nginx; else list=evne; fi
	BENCH_PATHS=$TMP/paths/$1.$list BENCH_HEADER=$header \
		wrk -t"$THREADS" -c"$CONNS" -d"$4"s --timeout 10s --latency -s "$ROOT/bench/wrk.lua" "$3" \
		>"$TMP/wrk/$1.$2" 2>&1 &
	WRK_PID=$!
	wait "$WRK_PID" || { cat "$TMP/wrk/$1.$2" >&2; die "wrk failed on $1 ($2)"; }
	WRK_PID=""
}
run_set() { # set
	fetch_bodies "$1"
	while IFS="$(printf '\t')" read -r name role ext target desc; do
		for server in evne nginx; do
			if [ $server = evne ]; then url=$EURL; else url=$NURL; fi
			say "$name: $server (${WARMUP}s warm-up, ${DURATION}s)"
			[ "$WARMUP" -gt 0 ] && run_wrk "$name" "$server" "$url" "$WARMUP"
			run_wrk "$name" "$server" "$url" "$DURATION"
			if [ $server = evne ]; then hwm >"$TMP/wrk/$name.hwm"; hwm_reset; fi
		done
	done <"$1"
	kill -0 "$EVNE_PID" 2>/dev/null || die "evne serve died during the run"
}

# The page cache's lookups since this evne started, from GET /metrics (no
# log-in needed), saved for the report and printed; an evne without a cache
# prints no such line.
page_cache_metrics() { # file
	curl -sf "$EURL/metrics" >"$TMP/metrics.txt" || die "GET /metrics failed"
	grep '^evne_page_cache_lookups_total' "$TMP/metrics.txt" >"$1" || true
	if [ -s "$1" ]; then
		while read -r line; do say "  $line"; done <"$1"
	else
		say "  no evne_page_cache_lookups_total line: the page cache is off"
	fi
}
lookups() { # file result -> count (0 without the line)
	awk -v r="result=\"$2\"" 'index($1, r) { n = $2 } END { print n + 0 }' "$1"
}

# The same scenarios against evne restarted on the same database with
# --page-cache 0 (sessions and tokens live in the database, so the headers
# stay valid): every answer rendered. nginx's figure is reused. static and
# healthz are answered before the cache and are not run again.
run_uncached() { # set db tag
	say "$3: page cache of the default evne (GET /metrics)"
	page_cache_metrics "$TMP/metrics/$3.cached"
	[ "$(lookups "$TMP/metrics/$3.cached" hit)" -gt 0 ] ||
		say "WARNING: the page cache served no hit during $3's scenarios"
	stop "$EVNE_PID"
	EVNE_PID=""
	start_evne "$2" --page-cache 0
	hwm_reset
	while IFS="$(printf '\t')" read -r name role ext target desc; do
		case $name in static|healthz) continue ;; esac
		# The session must still hold: a redirect to /login would be
		# measured as a fast page.
		header=$(cat "$TMP/paths/$name.header")
		path=$(head -1 "$TMP/paths/$name.evne")
		code=$(curl -s -H "$header" -o /dev/null -w '%{http_code}' "$EURL$path")
		[ "$code" = 200 ] || die "$name: GET $path answered $code after the restart"
		say "$name: evne --page-cache 0 (${WARMUP}s warm-up, ${DURATION}s)"
		[ "$WARMUP" -gt 0 ] && run_wrk "$name" uncached "$EURL" "$WARMUP"
		run_wrk "$name" uncached "$EURL" "$DURATION"
		hwm >"$TMP/wrk/$name.uncached-hwm"; hwm_reset
	done <"$1"
	kill -0 "$EVNE_PID" 2>/dev/null || die "evne serve --page-cache 0 died during the run"
	say "$3: page cache of evne --page-cache 0 (GET /metrics)"
	page_cache_metrics "$TMP/metrics/$3.uncached"
	[ "$(lookups "$TMP/metrics/$3.uncached" hit)" -eq 0 ] ||
		say "WARNING: evne --page-cache 0 served hits from a page cache"
}

# 5a. DB: the people and units pages, search, the API, an asset, /healthz.
# The leader's and HR's session cookies and HR's Bearer header for the
# evne just started, into LEADER_COOKIE, HR_COOKIE and BEARER.
log_in_roles() { # leader-email leader-password hr-email hr-password token
	leader=$(login "$1" "$2")
	hr=$(login "$3" "$4")
	[ -n "$leader" ] && [ -n "$hr" ] || die "log-in failed"
	LEADER_COOKIE="Cookie: evne_session=$leader"
	HR_COOKIE="Cookie: evne_session=$hr"
	BEARER="Authorization: Bearer $5"
}

start_evne "$DB"
log_in_roles "$LEADER_EMAIL" "$LEADER_PASS" "$HR_EMAIL" "$HR_PASS" "$TOKEN"
LOGIN_HWM_KIB=$(hwm)
hwm_reset

# Search prefixes: common and rare, upper and lower case, æ ø å; sent
# percent-encoded as a browser's form does.
PREFIXES="an ber Kri ma ol sø Ø å Å æ bjø kå hå lø jo ei sa tor ing ha"
prefix_paths() {
	for p in $PREFIXES; do
		printf '/people?q=%s\n' "$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$p")"
	done
}
SET=$TMP/set1.tsv
: >"$SET"
echo "/units/$LEADER_UNIT" | scenario unit-leader leader "$LEADER_COOKIE" html 0.4 \
	"GET /units/$LEADER_UNIT: the leader's own unit ($LEADER_UNIT_N people)"
echo "/units/$BIG_UNIT" | scenario unit-hr hr "$HR_COOKIE" html 0.4 \
	"GET /units/$BIG_UNIT: the largest unit ($BIG_UNIT_N people) as HR"
prefix_paths | scenario search hr "$HR_COOKIE" html 0.4 \
	"GET /people?q=PREFIX as HR, $(echo $PREFIXES | wc -w) prefixes in turn: $PREFIXES"
echo "/api/v1/people?unit=$BIG_UNIT&limit=50" | scenario api-people hr "$BEARER" json 0.4 \
	"GET /api/v1/people?unit=$BIG_UNIT&limit=50 with HR's Bearer token"
echo "/assets/$CSS" | scenario static hr "$HR_COOKIE" css 0.7 \
	"GET /assets/$CSS ($(wc -c <"$ROOT/build/assets/$CSS") bytes)"
echo "/healthz" | scenario healthz - "" txt - \
	"GET /healthz (no session)"
run_set "$SET"
RSS1_KIB=$(rss_now)
say "evne RSS after the first database's scenarios: $(rss_parts)"
run_uncached "$SET" "$DB" set1
stop "$EVNE_PID"
EVNE_PID=""

# 5b. DB2: the phase-2 pages. The demo leaves the leader's own units without
# a proposal (the user writes it in the browser); the leader's page gets
# the needs and measures of the demo's fullest proposal, written through
# the API as HR, so the page shows a draft as a leader sees it.
start_evne "$DB2"
log_in_roles "$LEADER2_EMAIL" "$LEADER2_PASS" "$HR2_EMAIL" "$HR2_PASS" "$TOKEN2"
LOGIN_HWM_KIB=$(max "$LOGIN_HWM_KIB" "$(hwm)")
BENCH_URL=$EURL BENCH_TOKEN=$TOKEN2 python3 - "$CYCLE" "$FULL_UNIT" "$LEADER2_UNIT" <<'PY' ||
import json, os, sys, urllib.request
url, token = os.environ["BENCH_URL"], os.environ["BENCH_TOKEN"]
cycle, src, dst = sys.argv[1:4]
def call(method, path, body=None):
    req = urllib.request.Request(url + path, method=method,
                                 data=None if body is None else json.dumps(body).encode(),
                                 headers={"Authorization": "Bearer " + token,
                                          "Content-Type": "application/json"})
    with urllib.request.urlopen(req) as r:
        return json.load(r)
base = "/api/v1/cycles/%s/proposals/" % cycle
p = call("GET", base + src)
ids = {}
for n in p["needs"]:
    body = {k: n[k] for k in ("criticality", "horizon", "required_level", "current_level",
                              "people_affected", "rationale", "goal_ids") if n.get(k) is not None}
    if n.get("competence_id"):
        body["competence_id"] = n["competence_id"]
    else:
        body["title"] = n["title"]
    ids[n["id"]] = call("POST", base + dst + "/needs", body)["id"]
for m in p["measures"]:
    body = {k: m[k] for k in ("kind", "title", "description", "suggested_owner", "estimated_cost",
                              "timing") if m.get(k) is not None}
    body["need_ids"] = [ids[i] for i in m.get("need_ids", []) if i in ids]
    call("POST", base + dst + "/measures", body)
print("bench: the leader's proposal: %d needs, %d measures" % (len(p["needs"]), len(p["measures"])),
      file=sys.stderr)
PY
	die "could not write the leader's proposal through the API"
LEADER2_PROPOSAL=$(sqlite3 -separator ' ' "$DB2" "SELECT (SELECT count(*) FROM competence_needs
	WHERE cycle_id = $CYCLE AND unit_id = $LEADER2_UNIT), (SELECT count(*) FROM proposed_measures
	WHERE cycle_id = $CYCLE AND unit_id = $LEADER2_UNIT)")
set -- $LEADER2_PROPOSAL; LEADER2_NEEDS=$1 LEADER2_MEASURES=$2
hwm_reset

SET=$TMP/set2.tsv
: >"$SET"
P2_DB="$P2_UNITS units, $P2_PROPOSING with proposals ($P2_SUBMITTED submitted), $P2_NEEDS needs, $P2_MEASURES measures"
echo "/" | scenario home-hr hr "$HR_COOKIE" html 0.4 \
	"GET / as HR: the dashboard, a row per division summing its units ($P2_DB)"
echo "/cycles/$CYCLE/indicators" | scenario indicators-hr hr "$HR_COOKIE" html 0.4 \
	"GET /cycles/$CYCLE/indicators as HR: page 1 of every unit's indicators, both phases"
echo "/cycles/$CYCLE/compilation" | scenario compilation-hr hr "$HR_COOKIE" html 0.4 \
	"GET /cycles/$CYCLE/compilation as HR: the units' proposals side by side"
echo "/cycles/$CYCLE/compilation/heatmap" | scenario heatmap-hr hr "$HR_COOKIE" html 0.4 \
	"GET /cycles/$CYCLE/compilation/heatmap as HR: submitted needs by unit and competence area"
echo "/api/v1/needs?limit=50" | scenario api-needs hr "$BEARER" json 0.4 \
	"GET /api/v1/needs?limit=50 with HR's Bearer token: the needs register's first page"
echo "/cycles/$CYCLE/proposals/$LEADER2_UNIT" | scenario proposal-leader leader "$LEADER_COOKIE" html 0.4 \
	"GET /cycles/$CYCLE/proposals/$LEADER2_UNIT: the leader's own unit's draft ($LEADER2_NEEDS needs, $LEADER2_MEASURES measures)"
run_set "$SET"
RSS2_KIB=$(rss_now)
say "evne RSS after the phase-2 scenarios: $(rss_parts)"
run_uncached "$SET" "$DB2" set2

# evne's peak RSS over the whole run (log-ins included), and its RSS after
# each database's scenarios (the larger one is tabled): evne as configured
# by default; the uncached evne's peaks (*.uncached-hwm) are tabled apart.
HWM_KIB=$(cat "$TMP"/wrk/*.hwm | awk -v m="$LOGIN_HWM_KIB" '$1 > m { m = $1 } END { print m }')
RSS_KIB=$(max "$RSS1_KIB" "$RSS2_KIB")
say "load average $(cut -d' ' -f1-3 /proc/loadavg)"

# --- 6. the table ---------------------------------------------------------------
COMMIT=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
STAMP=$(date -u +%Y-%m-%dT%H%M%SZ)
mkdir -p "$ROOT/bench/results"
BASE=$ROOT/bench/results/$STAMP-$COMMIT
export BENCH_TMP="$TMP" BENCH_BASE="$BASE" BENCH_COMMIT="$COMMIT" BENCH_STAMP="$STAMP" \
	BENCH_CORES="$CORES" BENCH_WORKERS="$WORKERS" BENCH_CONNS="$CONNS" BENCH_THREADS="$THREADS" \
	BENCH_DURATION_S="$DURATION" BENCH_PEOPLE_N="$PEOPLE" \
	BENCH_DEMO_S="$DEMO_S" BENCH_DEMO_KIB="$DEMO_KIB" \
	BENCH_DEMO2_S="$DEMO2_S" BENCH_DEMO2_KIB="$DEMO2_KIB" BENCH_UNITS_N="$UNITS" \
	BENCH_IMPORT_S="$IMPORT_S" BENCH_IMPORT_KIB="$IMPORT_KIB" BENCH_IMPORT_ROWS="$IMPORT_ROWS" \
	BENCH_HWM_KIB="$HWM_KIB" BENCH_RSS_KIB="$RSS_KIB" BENCH_LOGIN_HWM_KIB="$LOGIN_HWM_KIB" \
	BENCH_EVNE_VERSION="$("$EVNE" version 2>/dev/null | head -1)" \
	BENCH_NGINX_VERSION="$("$NGINX" -v 2>&1 | head -1)" \
	BENCH_WRK_VERSION="$(wrk -v 2>&1 | head -1)"
python3 "$ROOT/bench/report.py"
say "wrote ${BASE#"$ROOT"/}.md and .json"
