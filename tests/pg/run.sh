#!/bin/sh
# run.sh — the suites that need PostgreSQL, as TAP: starts a throwaway server
# (scripts/pg-test.sh; stopped on exit, also when a suite fails or is
# interrupted), then runs the store conformance suite (normal and ASan+UBSan
# builds) against it, the HTTP integration suite against it (normal and
# ASan builds, each on a fresh database), and tests/pg/cluster.py: a
# PostgreSQL restart under load, evne copy round trips, and two evne serve
# behind nginx. Each part prints its own TAP plan; the exit status is
# non-zero when anything failed. Needs `make all` first.
set -u
cd "$(dirname "$0")/../.." || exit 2

dir=$(mktemp -d "${TMPDIR:-/tmp}/evne-pg-XXXXXX") || exit 2
rmdir "$dir"
trap 'sh scripts/pg-test.sh stop "$dir"' EXIT
trap 'exit 130' INT TERM
url=$(sh scripts/pg-test.sh start "$dir") || {
	echo "1..1"
	echo "not ok 1 - a throwaway PostgreSQL starts (scripts/pg-test.sh start)"
	exit 1
}
echo "# PostgreSQL at $url"
status=0

# fresh_db NAME: an empty database NAME on the throwaway server; prints its URL.
fresh_db() {
	dropdb -h "$dir" -U postgres --if-exists "$1" >/dev/null 2>&1
	createdb -h "$dir" -U postgres -E UTF8 -T template0 "$1" || return 1
	echo "$url" | sed "s|/evne?|/$1?|"
}

# cmocka marks a skipped case "not ok N # SKIP"; TAP's form is "ok N # SKIP".
for bin in build/tests/test_store build/tests/test_store_* build/asan/tests/test_store build/asan/tests/test_store_*; do
	case $bin in *'*'|*.d) continue ;; esac   # a glob left as is, or make's dependency files
	echo "# $bin on PostgreSQL"
	if [ ! -x "$bin" ]; then
		echo "1..1"
		echo "not ok 1 - $bin is built (make all)"
		status=1
		continue
	fi
	env CMOCKA_MESSAGE_OUTPUT=TAP EVNE_TEST_DB="$url" \
		ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
		UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 "$bin" >"$dir.out" 2>&1 || status=1
	sed 's/^not ok \([0-9]*\) # SKIP/ok \1 # SKIP/' "$dir.out"
	rm -f "$dir.out"
done

if python3 tests/http/run.py --help 2>/dev/null | grep -q -- '--db'; then
	for bin in build/evne build/asan/evne; do
		name=evne_http_$(basename "$(dirname "$bin")")
		db=$(fresh_db "$name") || { status=1; continue; }
		echo "# tests/http/run.py --bin $bin on PostgreSQL"
		env ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
			python3 tests/http/run.py --bin "$bin" --db "$db" || status=1
	done
else
	echo "1..1"
	echo "ok 1 - the HTTP suite on PostgreSQL # SKIP tests/http/run.py has no --db option yet"
fi

echo "# tests/pg/cluster.py"
python3 tests/pg/cluster.py --bin build/evne --pg-dir "$dir" --url "$url" || status=1
exit $status
