#!/bin/sh
# run-all.sh — every test suite that `make check` runs (design.md, "Tests").
#
# Each suite prints TAP (`ok N - name` / `not ok N - name`). Its whole output
# goes to build/test-logs/SUITE.log; this script prints one line per suite
# and, as its very last line, `N passed, N failed` summed over all suites.
# A suite that crashes, times out or exits non-zero without a `not ok` line
# counts as one failure named after the suite; so does a suite that prints no
# test at all (a disabled suite must not look green), and one whose TAP plan
# (`1..N`) does not match the tests it printed.
#
# Environment: EVNE_TEST_ONLY=REGEX runs only the suites whose name matches
# (for quick local runs); the build is `make all`'s job, not this script's.
set -u
cd "$(dirname "$0")/.." || exit 2

LOGS=build/test-logs
mkdir -p "$LOGS"
SUMMARY="$LOGS/summary.txt"
: >"$SUMMARY"
FAILED_NAMES="$LOGS/failed.txt"
: >"$FAILED_NAMES"
PASS=0
FAIL=0
ONLY=${EVNE_TEST_ONLY:-}

# count PATTERN FILE: lines matching an extended regex (0 when none).
count() {
	n=$(grep -cE "$1" "$2" 2>/dev/null) || n=0
	echo "${n:-0}"
}

# run_suite NAME TIMEOUT_SECONDS COMMAND... — runs one suite, tallies it.
run_suite() {
	name=$1
	limit=$2
	shift 2
	if [ -n "$ONLY" ] && ! echo "$name" | grep -qE "$ONLY"; then
		return 0
	fi
	log="$LOGS/$(echo "$name" | tr '/ ' '--').log"
	start=$(date +%s)
	timeout -k 15 "$limit" "$@" >"$log" 2>&1 </dev/null
	rc=$?
	secs=$(( $(date +%s) - start ))
	# A skip is neither a pass nor a failure; cmocka prints one as
	# "not ok N # SKIP", TAP as "ok N # SKIP" or "ok N - name # SKIP why".
	skipped='^(not )?ok [0-9]+( - .*)? # SKIP'
	skip=$(count "$skipped" "$log")
	ok=$(( $(count '^ok( |$)' "$log") - $(grep -E "$skipped" "$log" 2>/dev/null | grep -c '^ok') ))
	notok=$(( $(count '^not ok( |$)' "$log") - $(grep -E "$skipped" "$log" 2>/dev/null | grep -c '^not ok') ))
	plan=$(grep -E '^1\.\.[0-9]+' "$log" 2>/dev/null | sed 's/^1\.\.\([0-9]*\).*/\1/' |
		awk '{s += $1} END {print s + 0}')
	extra=0
	why=""
	if [ "$rc" -ne 0 ] && [ "$notok" -eq 0 ]; then
		extra=1
		if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
			why="timed out after ${limit}s"
		else
			why="exited with status $rc"
		fi
	elif [ $((ok + notok + skip)) -eq 0 ]; then
		extra=1
		why="printed no test results"
	elif [ "$plan" -gt 0 ] && [ "$plan" -ne $((ok + notok + skip)) ]; then
		extra=1
		why="planned $plan tests, ran $((ok + notok + skip))"
	fi
	PASS=$((PASS + ok))
	SKIP=$((SKIP + skip))
	FAIL=$((FAIL + notok + extra))
	grep -E '^not ok( |$)' "$log" | grep -Ev "$skipped" | sed "s|^|$name: |" >>"$FAILED_NAMES"
	if [ "$extra" -eq 1 ]; then
		echo "$name: not ok - $name ($why)" >>"$FAILED_NAMES"
		echo "# $name: $why" >>"$log"
	fi
	if [ $((notok + extra)) -eq 0 ]; then
		line=$(printf 'PASS  %-34s %4d ok                %4ds' "$name" "$ok" "$secs")
	else
		line=$(printf 'FAIL  %-34s %4d ok %4d not ok %4ds  %s%s' "$name" "$ok" \
			$((notok + extra)) "$secs" "$log" "${why:+ ($why)}")
	fi
	echo "$line"
	echo "$line" >>"$SUMMARY"
}

# (1) unit tests, (2) the same under ASan + UBSan.
for t in build/tests/test_*; do
	[ -x "$t" ] || continue
	run_suite "unit/$(basename "$t")" 300 env CMOCKA_MESSAGE_OUTPUT=TAP "$t"
done
for t in build/asan/tests/test_*; do
	[ -x "$t" ] || continue
	run_suite "asan/$(basename "$t")" 600 env CMOCKA_MESSAGE_OUTPUT=TAP \
		ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
		UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 "$t"
done
if [ -d tests/unit ] && ls tests/unit/test_*.c >/dev/null 2>&1 && ! ls build/tests/test_* >/dev/null 2>&1; then
	run_suite "unit/not-built" 10 sh -c 'echo "not ok 1 - unit tests exist in tests/unit but none is built in build/tests"; exit 1'
fi

# (3) lints, (4) command-line tests.
for t in tests/lint/*.sh; do
	[ -f "$t" ] || continue
	run_suite "lint/$(basename "$t" .sh)" 300 sh "$t"
done
for t in tests/cli/test_*.sh; do
	[ -f "$t" ] || continue
	run_suite "cli/$(basename "$t" .sh)" 600 env EVNE="$PWD/build/evne" sh "$t"
done

# Suites others may add under the design's folders (tests/store/, tests/fuzz/):
# run when present, so nothing written there is silently left out.
# tests/fuzz/replay.sh has its own line below, so it runs exactly once.
for t in tests/store/*.sh tests/fuzz/*.sh; do
	[ -f "$t" ] || continue
	[ "$t" = tests/fuzz/replay.sh ] && continue
	run_suite "$(basename "$(dirname "$t")")/$(basename "$t" .sh)" 900 env EVNE="$PWD/build/evne" sh "$t"
done
# The committed fuzz corpora through the ASan+UBSan replay binaries (no clang).
run_suite "fuzz/replay" 300 sh tests/fuzz/replay.sh

# (5) HTTP over a real socket, against the normal and the ASan build.
run_suite "http/evne" 900 python3 tests/http/run.py --bin build/evne
run_suite "http/asan-evne" 1200 env ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	python3 tests/http/run.py --bin build/asan/evne
# Every page's HTML through the Nu HTML Checker (vnu-jar, Java), own server.
run_suite "http/html-valid" 300 python3 tests/http/validate_html.py --bin build/evne

# The store and HTTP suites again on a throwaway PostgreSQL, restarts under
# load, evne copy both ways, and two servers behind nginx (issue 3).
run_suite "pg/postgresql" 900 sh tests/pg/run.sh

# (6) crash safety, (7) the browser.
run_suite "crash/kill9" 300 sh tests/crash/kill9.sh
run_suite "browser/journey" 600 node tests/browser/journey.mjs
run_suite "browser/phase1" 600 node tests/browser/phase1.mjs
run_suite "browser/phase2" 600 node tests/browser/phase2.mjs

if [ -s "$FAILED_NAMES" ]; then
	echo
	echo "Failures (details in $LOGS/):"
	sed 's/^/  /' "$FAILED_NAMES"
fi
if [ "$SKIP" -gt 0 ]; then
	echo "$PASS passed, $FAIL failed, $SKIP skipped"
else
	echo "$PASS passed, $FAIL failed"
fi
[ "$FAIL" -eq 0 ]
