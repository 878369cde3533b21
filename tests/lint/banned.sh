#!/bin/sh
# banned.sh — functions that are easy to misuse are not used anywhere in src/
# (style.md: curl's and SQLite's habits): sprintf, vsprintf, strcpy, strcat,
# gets, strtok, rand, system, atoi. Use snprintf / buf_printf, memcpy with a
# known length, strtok_r, randombytes_buf, strtoll with end checks. Comments
# and string literals are ignored. One TAP line per function.
cd "$(dirname "$0")/../.." || exit 2
exec python3 - <<'PY'
import os, re

def sources(*dirs):
    for d in dirs:
        for root, _, names in os.walk(d):
            for name in sorted(names):
                if name.endswith((".c", ".h", ".def")):
                    yield os.path.join(root, name)

def code_lines(path):
    """Lines with comments and string literal contents blanked out."""
    text = open(path, encoding="utf-8", errors="replace").read()
    out, i, n = [], 0, len(text)
    state = None
    buf = []
    while i < n:
        c = text[i]
        if state is None:
            if text.startswith("/*", i):
                state = "block"; buf.append("  "); i += 2; continue
            if text.startswith("//", i):
                state = "line"; i += 2; continue
            if c == '"':
                state = "str"; buf.append('"'); i += 1; continue
            if c == "'":
                state = "chr"; buf.append("'"); i += 1; continue
            buf.append(c); i += 1; continue
        if state == "block":
            if text.startswith("*/", i):
                state = None; buf.append("  "); i += 2; continue
            buf.append("\n" if c == "\n" else " "); i += 1; continue
        if state == "line":
            if c == "\n":
                state = None; buf.append("\n")
            i += 1; continue
        if state in ("str", "chr"):
            q = '"' if state == "str" else "'"
            if c == "\\" and i + 1 < n:
                buf.append("  "); i += 2; continue
            if c == q:
                state = None; buf.append(q); i += 1; continue
            buf.append("\n" if c == "\n" else "x"); i += 1; continue
    return "".join(buf).split("\n")

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
files = list(sources("src"))
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
