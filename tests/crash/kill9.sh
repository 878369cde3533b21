#!/bin/sh
# kill9.sh — no accepted write is ever lost (product.md, "Quality bar"; design.md:
# SQLite WAL, writes in BEGIN IMMEDIATE transactions). Starts `evne serve` on a
# fresh database, fires POST /api/v1/units with unique codes from a few
# concurrent writers for about 3 seconds, kills the server with SIGKILL in the
# middle of the stream, checks the file with sqlite3's integrity_check,
# restarts the server and checks that every unit answered 201 is there.
# Env: EVNE (default build/evne), KILL9_SECONDS (default 3), KILL9_WRITERS (4).
set -u
cd "$(dirname "$0")/../.." || exit 2
EVNE=${EVNE:-build/evne}
case $EVNE in /*) ;; *) EVNE="$PWD/$EVNE" ;; esac
SECS=${KILL9_SECONDS:-3}
WRITERS=${KILL9_WRITERS:-4}
LOGS="$PWD/build/test-logs"
mkdir -p "$LOGS"
TMP=$(mktemp -d "${TMPDIR:-/tmp}/evne-kill9.XXXXXX")
DB="$TMP/kill9.db"
SERVER_PID=""
N=0
FAILS=0

cleanup() {
	if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
		kill -9 "$SERVER_PID" 2>/dev/null
	fi
	touch "$TMP/stop" 2>/dev/null
	wait 2>/dev/null
	rm -rf "$TMP"
}
trap cleanup EXIT INT TERM

ok() { N=$((N + 1)); echo "ok $N - $1"; }
notok() { N=$((N + 1)); FAILS=$((FAILS + 1)); echo "not ok $N - $1"; shift; for d in "$@"; do echo "# $d"; done; }
bail() { notok "$@"; echo "# cannot continue; server log: $LOGS/kill9-server.log"; echo "1..$N"; exit 1; }

free_port() {
	python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

start_server() {
	PORT=$(free_port)
	BASE="http://127.0.0.1:$PORT"
	"$EVNE" serve --db "$DB" --listen "127.0.0.1:$PORT" --workers 4 >>"$LOGS/kill9-server.log" 2>&1 &
	SERVER_PID=$!
	i=0
	while [ $i -lt 100 ]; do
		if [ "$(curl -s --max-time 2 "$BASE/healthz" 2>/dev/null)" = "ok" ]; then
			return 0
		fi
		kill -0 "$SERVER_PID" 2>/dev/null || return 1
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}

: >"$LOGS/kill9-server.log"
if "$EVNE" init --db "$DB" >"$TMP/init.out" 2>&1; then ok "evne init creates the database"
else bail "evne init creates the database" "$(cat "$TMP/init.out")"; fi

EMAIL=kill9-admin@example.no
if printf '%s\n' 'Kill9-test-passord-2026!' | "$EVNE" user add --db "$DB" --email "$EMAIL" \
	--name "Kill Niesen" --role admin >"$TMP/user.out" 2>&1 &&
	"$EVNE" token create --db "$DB" --email "$EMAIL" --name kill9 >"$TMP/token.out" 2>"$TMP/token.err"; then
	TOKEN=$(tr -s ' \t' '\n\n' <"$TMP/token.out" | awk 'length($0) >= 20' | tail -n 1)
fi
if [ -n "${TOKEN:-}" ]; then ok "an admin account and an API token"
else bail "an admin account and an API token" "$(cat "$TMP/user.out" "$TMP/token.out" "$TMP/token.err" 2>/dev/null)"; fi

if start_server; then ok "evne serve answers /healthz"
else bail "evne serve answers /healthz" "$(tail -n 20 "$LOGS/kill9-server.log")"; fi
echo "# server pid $SERVER_PID on $BASE"

# Writers: each posts units one after another and records the codes answered 201.
writer() {
	w=$1
	n=0
	while [ ! -e "$TMP/stop" ]; do
		n=$((n + 1))
		code="K9-$w-$n"
		st=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 -X POST "$BASE/api/v1/units" \
			-H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
			--data "{\"name\":\"Krasjeining $w-$n\",\"code\":\"$code\"}" 2>/dev/null)
		case $st in
		201) echo "$code" >>"$TMP/accepted.$w" ;;
		000) break ;;      # the server is gone
		*) echo "$code $st" >>"$TMP/other.$w" ;;
		esac
	done
}
w=1
while [ $w -le "$WRITERS" ]; do
	: >"$TMP/accepted.$w"
	writer $w &
	w=$((w + 1))
done
sleep "$SECS"
kill -9 "$SERVER_PID" 2>/dev/null
wait "$SERVER_PID" 2>/dev/null
KILLED=$?
SERVER_PID=""
touch "$TMP/stop"
wait
cat "$TMP"/accepted.* | sort >"$TMP/accepted"
ACCEPTED=$(wc -l <"$TMP/accepted" | tr -d ' ')
OTHER=$(cat "$TMP"/other.* 2>/dev/null | wc -l | tr -d ' ')
if [ "$KILLED" -eq 137 ]; then ok "the server was killed with SIGKILL mid-stream"
else notok "the server was killed with SIGKILL mid-stream" "wait status $KILLED (it had exited before the kill?)"; fi
if [ "$ACCEPTED" -ge 10 ]; then ok "writes were accepted before the kill ($ACCEPTED answered 201)"
else notok "writes were accepted before the kill ($ACCEPTED answered 201)" \
	"other answers: $(cat "$TMP"/other.* 2>/dev/null | head -n 5 | tr '\n' ' ')"; fi
if [ "$OTHER" -ne 0 ]; then
	notok "every POST before the kill answered 201 ($OTHER did not)" "$(cat "$TMP"/other.* | head -n 10 | tr '\n' ' ')"
else
	ok "every POST before the kill answered 201"
fi

# quick_check: the b-trees and pages are sound (the nb collation of the indexes
# is evne's ICU one, so the file is opened with a stand-in that quick_check
# does not use for ordering).
IC=$(python3 - "$DB" <<'PY' 2>&1
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.create_collation("nb", lambda a, b: (a > b) - (a < b))
print("\n".join(r[0] for r in c.execute("PRAGMA quick_check")))
PY
)
if [ "$IC" = "ok" ]; then ok "the database file passes quick_check after the crash"
else notok "the database file passes quick_check after the crash" "$IC"; fi

if start_server; then ok "evne serve starts again on the crashed database"
else bail "evne serve starts again on the crashed database" "$(tail -n 20 "$LOGS/kill9-server.log")"; fi

# Every unit code the API now lists, through the cursor.
python3 - "$BASE" "$TOKEN" >"$TMP/present" 2>"$TMP/list.err" <<'PY'
import json, sys, urllib.parse, urllib.request
base, token = sys.argv[1], sys.argv[2]
cursor = None
for _ in range(10000):
    url = base + "/api/v1/units?limit=500" + ("&cursor=" + urllib.parse.quote(cursor) if cursor else "")
    req = urllib.request.Request(url, headers={"Authorization": "Bearer " + token})
    with urllib.request.urlopen(req, timeout=20) as r:
        doc = json.load(r)
    for u in doc["items"]:
        print(u.get("code"))
    cursor = doc.get("next")
    if not cursor:
        break
PY
if [ $? -eq 0 ]; then ok "GET /api/v1/units lists the units after the restart"
else notok "GET /api/v1/units lists the units after the restart" "$(tail -n 5 "$TMP/list.err")"; fi
sort -u "$TMP/present" >"$TMP/present.sorted"
MISSING=$(comm -23 "$TMP/accepted" "$TMP/present.sorted" | wc -l | tr -d ' ')
if [ "$ACCEPTED" -gt 0 ] && [ "$MISSING" -eq 0 ]; then
	ok "every unit answered 201 is present after kill -9 ($ACCEPTED of $ACCEPTED)"
else
	notok "every unit answered 201 is present after kill -9 ($((ACCEPTED - MISSING)) of $ACCEPTED)" \
		"missing: $(comm -23 "$TMP/accepted" "$TMP/present.sorted" | head -n 20 | tr '\n' ' ')"
fi

kill -TERM "$SERVER_PID"
wait "$SERVER_PID"
RC=$?
SERVER_PID=""
if [ "$RC" -eq 0 ]; then ok "the restarted server stops on SIGTERM with status 0"
else notok "the restarted server stops on SIGTERM with status 0" "exit status $RC"; fi

echo "1..$N"
[ "$FAILS" -eq 0 ]
