#!/bin/sh
# banned.sh — functions that are easy to misuse are not used anywhere in src/
# (style.md: curl's and SQLite's habits): sprintf, vsprintf, strcpy, strcat,
# gets, strtok, rand, system, atoi. Use snprintf / buf_printf, memcpy with a
# known length, strtok_r, randombytes_buf, strtoll with end checks. Comments
# and string literals are ignored. One TAP line per function.
cd "$(dirname "$0")/../.." || exit 2
exec python3 - <<'PY'
import os, re, sys
sys.path.insert(0, "tests/lint")
from lintlib import code_lines, sources  # noqa: E402


BANNED = {
    "sprintf": "snprintf or buf_printf",
    "vsprintf": "vsnprintf",
    "strcpy": "memcpy with a known length, or an arena copy",
    "strcat": "a struct buf",
    "gets": "fgets",
    "strtok": "strtok_r or a hand-written scanner",
    "rand": "randombytes_buf / randombytes_uniform (libsodium)",
    "system": "fork/exec without a shell",
    "atoi": "strtoll with range and end checks",
}
hits = {k: [] for k in BANNED}
files = list(sources("src", exts=(".c", ".h", ".def")))
for path in files:
    for lineno, line in enumerate(code_lines(path), 1):
        for fn in BANNED:
            if re.search(r"(?<![\w.>])" + fn + r"\s*\(", line):
                hits[fn].append("%s:%d: %s( — use %s" % (path, lineno, fn, BANNED[fn]))
print("1..%d" % len(BANNED))
for i, fn in enumerate(BANNED, 1):
    print(("ok" if not hits[fn] else "not ok") + " %d - no %s() in src/ (%d files)" % (i, fn, len(files)))
    for h in hits[fn]:
        print("# " + h)
PY
