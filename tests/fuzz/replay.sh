#!/bin/sh
# replay.sh — replays every committed fuzz corpus, tests/fuzz/corpus/NAME/*,
# through build/asan/fuzz/replay_NAME (the harness tests/fuzz/fuzz_NAME.c
# linked with tests/fuzz/replay.c under ASan+UBSan, built by `make all`).
# TAP: one test per harness, "ok N - NAME: replayed K inputs". Needs no clang.
set -u
cd "$(dirname "$0")/../.." || exit 2

names=$(for f in tests/fuzz/fuzz_*.c; do [ -f "$f" ] && basename "$f" .c | sed 's/^fuzz_//'; done)
total=$(echo "$names" | grep -c .)
echo "1..$total"
i=0
status=0
for name in $names; do
	i=$((i + 1))
	bin=build/asan/fuzz/replay_$name
	dir=tests/fuzz/corpus/$name
	if [ ! -x "$bin" ]; then
		echo "not ok $i - $name: $bin is not built (make all)"
		status=1
		continue
	fi
	if [ ! -d "$dir" ] || [ -z "$(ls "$dir")" ]; then
		echo "not ok $i - $name: no corpus in $dir"
		status=1
		continue
	fi
	log=$(mktemp)
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
		UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
		"$bin" "$dir" >"$log" 2>&1
	rc=$?
	n=$(sed -n 's/^replayed \([0-9]*\) inputs$/\1/p' "$log")
	if [ "$rc" -eq 0 ] && [ -n "$n" ]; then
		echo "ok $i - $name: replayed $n inputs"
	else
		last=$(grep '^replay: ' "$log" | tail -n 1 | sed 's/^replay: //')
		echo "not ok $i - $name: exit status $rc at ${last:-?}"
		sed 's/^/# /' "$log" | grep -v '^# replay: ' | tail -n 40
		status=1
	fi
	rm -f "$log"
done
exit $status
