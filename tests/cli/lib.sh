# lib.sh — what the TAP shell tests of tests/cli share: a temporary folder,
# TAP output, a demo database and a running `evne serve` on a free port, and
# curl helpers that log in and keep a cookie jar per user. Source it after
# setting TEST_NAME:
#   TEST_NAME=accounts; . "$(dirname "$0")/lib.sh"
# Then: `start_server --units 5 --people 30 --seed 3` (the demo's log-ins are
# in demo.out; pass_of ROLE prints a password; demo_db and serve do its two
# halves, stop_server ends it), `login JAR EMAIL PASSWORD` (prints the
# session's CSRF token), `get JAR PATH`, `post JAR PATH F=V...`, `api TOKEN
# METHOD PATH [JSON]` (bodies land in the file "body", headers in "head";
# header NAME and json EXPR read them), token EMAIL, open_cycle NAME, and the
# checks ok, not_ok, is, has, lacks; for tests of commands without a server,
# check and same. Environment: EVNE (default build/evne). Needs curl, sqlite3
# and python3 (to find a free port).
set -u
cd "$(dirname "$0")/../.." || exit 2
ROOT=$PWD
EVNE=${EVNE:-$ROOT/build/evne}
case $EVNE in /*) ;; *) EVNE=$ROOT/$EVNE ;; esac
TMP=$(mktemp -d "${TMPDIR:-/tmp}/evne-${TEST_NAME:-test}.XXXXXX") || exit 2
PID=
cleanup() {
	if [ -n "$PID" ]; then
		kill "$PID" 2>/dev/null
		wait "$PID" 2>/dev/null
	fi
	rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 1' INT TERM
cd "$TMP" || exit 2
unset EVNE_DB EVNE_LISTEN
DB=t.db
N=0
FAILED=0

ok() {
	N=$((N + 1))
	echo "ok $N - $1"
}

not_ok() {
	N=$((N + 1))
	FAILED=$((FAILED + 1))
	echo "not ok $N - $1"
	if [ -s body ]; then sed -n '/<main/,/<\/main>/p' body | head -30 | sed 's/^/#   /'; fi
	if [ -s out ]; then sed 's/^/#   stdout: /' out | head -20; fi
	if [ -s err ]; then sed 's/^/#   stderr: /' err | head -20; fi
}

# is NAME GOT WANT
is() {
	if [ "$2" = "$3" ]; then ok "$1"; else not_ok "$1 (got '$2', want '$3')"; fi
}

# has NAME TEXT — the last response body (file body) holds TEXT.
has() {
	if grep -qF -- "$2" body; then ok "$1"; else not_ok "$1 (no '$2')"; fi
}

# lacks NAME TEXT — the last response body does not hold TEXT.
lacks() {
	if grep -qF -- "$2" body; then not_ok "$1 (found '$2')"; else ok "$1"; fi
}

# fail_all WHY — the set-up failed: one failing test, the server's log, exit.
fail_all() {
	echo "1..1"
	echo "not ok 1 - $1"
	[ -s server.log ] && sed 's/^/#   /' server.log
	exit 1
}

sql() {
	sqlite3 "$DB" "$1"
}

# pass_of ROLE — the demo's password for ROLE (admin, hr, leader, employee, representative).
pass_of() {
	awk -v r="$1" '$1 == r { print $3 }' demo.out
}

# demo_db DEMO-OPTIONS... — a new database $DB with `evne demo` (log-ins in demo.out).
demo_db() {
	"$EVNE" init --db "$DB" >/dev/null 2>&1 || fail_all "evne init"
	"$EVNE" demo --db "$DB" "$@" >demo.out 2>&1 || fail_all "evne demo"
}

# serve [SERVE-OPTIONS...] — evne serve on $DB on a free port ($B, $PID).
serve() {
	PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
	B=http://127.0.0.1:$PORT
	"$EVNE" serve --db "$DB" --listen "127.0.0.1:$PORT" "$@" >server.log 2>&1 &
	PID=$!
	i=0
	until curl -sf "$B/healthz" >/dev/null 2>&1; do
		i=$((i + 1))
		[ $i -gt 100 ] && fail_all "the server did not start"
		sleep 0.1
	done
}

# stop_server — ends the server that serve started.
stop_server() {
	kill "$PID" 2>/dev/null
	wait "$PID" 2>/dev/null
	PID=
}

# start_server DEMO-OPTIONS... — a demo database and evne serve on a free port ($B).
start_server() {
	demo_db "$@"
	serve
}

# token EMAIL — a new API token for the account EMAIL in $DB.
token() {
	"$EVNE" token create --db "$DB" --email "$1" 2>/dev/null | tail -n 1
}

# open_cycle NAME — an open cycle in $DB with its five phases undated; prints its id.
open_cycle() {
	sql "INSERT INTO cycles (name, status, created_at, updated_at) VALUES ('$1', 'open', 0, 0);
	INSERT INTO cycle_phases (cycle_id, phase_key) SELECT last_insert_rowid(), k FROM
	(SELECT 'leader_preparation' AS k UNION SELECT 'unit_discussion' UNION SELECT 'compilation'
	 UNION SELECT 'conversations' UNION SELECT 'implementation');
	SELECT max(id) FROM cycles;"
}

# csrf_of — the first csrf hidden field of the last response body.
csrf_of() {
	sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' body | head -n 1
}

# login JAR EMAIL PASSWORD — a session in cookie jar JAR; prints its CSRF
# token, nothing when the log-in failed.
login() {
	rm -f "$1"
	curl -s -c "$1" -b "$1" -o body "$B/login"
	t=$(csrf_of)
	curl -s -c "$1" -b "$1" -o /dev/null --data-urlencode "email=$2" \
		--data-urlencode "password=$3" --data-urlencode "csrf=$t" "$B/login"
	if [ "$(curl -s -b "$1" -o body -w '%{http_code}' "$B/")" = 200 ]; then
		csrf_of
	fi
}

# get JAR PATH — GET into body (headers into head); prints the status.
get() {
	curl -s -b "$1" -c "$1" -D head -o body -w '%{http_code}' "$B$2"
}

# post JAR PATH FIELD=VALUE... — a form POST into body; prints the status.
post() {
	jar=$1 path=$2
	shift 2
	k=$#
	while [ "$k" -gt 0 ]; do
		f=$1
		shift
		set -- "$@" --data-urlencode "$f"
		k=$((k - 1))
	done
	curl -s -b "$jar" -c "$jar" -D head -o body -w '%{http_code}' "$@" "$B$path"
}

# api TOKEN METHOD PATH [JSON] — the JSON API with a Bearer token, into body
# (headers into head); prints the status.
api() {
	if [ $# -ge 4 ]; then
		curl -s -X "$2" -H "Authorization: Bearer $1" -H 'Content-Type: application/json' \
			-D head -o body -w '%{http_code}' --data-binary "$4" "$B$3"
	else
		curl -s -X "$2" -H "Authorization: Bearer $1" -D head -o body -w '%{http_code}' "$B$3"
	fi
}

# json EXPR — a value of the last JSON body (a python expression on j).
json() {
	python3 -c "import json,sys; j = json.load(open('body')); print($1)" 2>/dev/null
}

# header NAME — the last response's header NAME (from the file head).
header() {
	tr -d '\r' <head | sed -n "s/^$1: //Ip" | head -n 1
}

# check NAME EXPECTED_STATUS COMMAND... — runs the command (stdout to out,
# stderr to err) and checks its exit status.
check() {
	name=$1
	want=$2
	shift 2
	"$@" >out 2>err </dev/null
	got=$?
	if [ "$got" -eq "$want" ]; then ok "$name"; else not_ok "$name (exit $got, want $want)"; fi
}

# same NAME FILE EXPECTED — FILE holds exactly EXPECTED (one or more lines).
same() {
	printf '%s\n' "$3" >expected
	if cmp -s expected "$2"; then
		ok "$1"
	else
		not_ok "$1"
		diff expected "$2" | sed 's/^/#   /'
	fi
}
