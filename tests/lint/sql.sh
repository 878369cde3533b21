#!/bin/sh
# sql.sh — SQL is only ever a constant (design.md, "SQL on two databases";
# style.md: openradtool enumerates every statement). Checks:
#  1. every call of the store's statement helper (the *prepare* function that
#     src/store/store_int.h declares, store_q_prepare) passes an identifier
#     starting with SQL_ or a string literal as the SQL;
#  2. every SQL_ constant is defined as a string literal;
#  3. the backend's own prepare (ops->prepare, sqlite3_prepare*) is called only
#     inside src/store/, with the helper's parameter or a constant;
#  4. no printf-style function formats a string holding SELECT/INSERT/UPDATE/DELETE.
cd "$(dirname "$0")/../.." || exit 2
exec python3 - <<'PY'
import os, re, sys
sys.path.insert(0, "tests/lint")
from lintlib import code_lines, sources  # noqa: E402


def calls(text, name):
    """(offset, [args]) for each call name(...) in code text (comments and
    string contents already blanked), arguments split at top-level commas."""
    for m in re.finditer(r"(?<![\w.>])" + re.escape(name) + r"\s*\(", text):
        i = m.end(); depth = 1; args = []; cur = []
        while i < len(text) and depth:
            c = text[i]
            if c in "([{": depth += 1
            elif c in ")]}": depth -= 1
            if depth == 0: break
            if c == "," and depth == 1:
                args.append("".join(cur).strip()); cur = []
            else:
                cur.append(c)
            i += 1
        args.append("".join(cur).strip())
        yield m.start(), args

def lineno(text, off):
    return text.count("\n", 0, off) + 1

tests = []
hdr = "src/store/store_int.h"
prep = []
if os.path.exists(hdr):
    h = "\n".join(code_lines(hdr))
    prep = sorted(set(re.findall(r"\b(\w*prepare\w*)\s*\(\s*struct\s+store_q\b", h)))
tests.append(("src/store/store_int.h declares the statement helper (%s)" % (", ".join(prep) or "none found"),
              [] if prep else ["%s: no function taking struct store_q with 'prepare' in its name" % hdr]))
if not prep:
    prep = ["store_q_prepare"]

files = {p: "\n".join(code_lines(p)) for p in sources("src")}
raw = {p: open(p, encoding="utf-8", errors="replace").read() for p in files}
# SQL_##name: an X-macro's case naming its SQL_ constant by token pasting
const_ok = re.compile(r'^(SQL_\w+|SQL_##\w+|"(.|\n)*")$')

bad, ncalls = [], 0
for p, text in files.items():
    for fn in prep:
        for off, args in calls(text, fn):
            before = text[max(0, off - 200):off]
            if re.search(r"\b(void|enum\s+err|bool|int)\s*$", before.rstrip()):
                continue      # the declaration or definition itself
            ncalls += 1
            sqlarg = args[-1] if args else ""
            if not const_ok.match(sqlarg):
                bad.append("%s:%d: %s(..., %s): SQL must be an SQL_ constant or a literal" % (p, lineno(text, off), fn, sqlarg))
tests.append(("every %s() call passes an SQL_ constant or a literal (%d calls)" % (prep[0], ncalls), bad))

bad, ndefs = [], 0
for p, text in raw.items():
    # macros whose body is a string literal (shared SELECT heads, or statement
    # shapes taking literal pieces) may start a constant: a char array's
    # initializer compiles only when it all concatenates to one literal
    lit_macros = set(re.findall(r"^\s*#\s*define\s+([A-Z][A-Z0-9_]*)(?:\([^)]*\))?\s+(?:\\\s*\n\s*)?\"",
                                files[p], re.M))
    # and macros whose body starts with such a macro (PM_SELECT = PM_COLUMNS PM_FROM), to a fixpoint
    heads = re.findall(r"^\s*#\s*define\s+([A-Z][A-Z0-9_]*)(?:\([^)]*\))?\s+(?:\\\s*\n\s*)?([A-Z][A-Z0-9_]*)\b",
                       files[p], re.M)
    grew = True
    while grew:
        grew = False
        for name, head in heads:
            if head in lit_macros and name not in lit_macros:
                lit_macros.add(name)
                grew = True
    for m in re.finditer(r"\b(SQL_\w+)\s*(\[\s*\])?\s*=\s*(\"|[A-Za-z_]\w*)", files[p]):
        ndefs += 1
        if m.group(3) != '"' and m.group(3) not in lit_macros:
            bad.append("%s:%d: %s is not defined as a string literal" % (p, lineno(text, m.start()), m.group(1)))
    for m in re.finditer(r"^\s*#\s*define\s+(SQL_\w+)\s+(.*)$", text, re.M):
        ndefs += 1
        if not m.group(2).strip().startswith('"'):
            bad.append("%s:%d: %s is not defined as a string literal" % (p, lineno(text, m.start()), m.group(1)))
tests.append(("every SQL_ constant is a string literal (%d definitions)" % ndefs, bad))

bad = []
for p, text in files.items():
    for fn in ("sqlite3_prepare", "sqlite3_prepare_v2", "sqlite3_prepare_v3", "sqlite3_exec", "PQexec", "PQprepare"):
        for off, args in calls(text, fn):
            if not p.startswith("src/store/"):
                bad.append("%s:%d: %s outside src/store/" % (p, lineno(text, off), fn))
    for off, args in calls(text, "->prepare"):
        pass
    for m in re.finditer(r"->\s*prepare\s*\(", text):
        if not p.startswith("src/store/"):
            bad.append("%s:%d: ->prepare outside src/store/" % (p, lineno(text, m.start())))
tests.append(("database prepare/exec calls only inside src/store/", bad))

bad = []
kw = re.compile(r"printf.*\b(SELECT|INSERT|UPDATE|DELETE)\b")
for p, text in raw.items():
    for i, line in enumerate(text.split("\n"), 1):
        if kw.search(line):
            bad.append("%s:%d: SQL built with a printf-style format: %s" % (p, i, line.strip()[:120]))
tests.append(("no SQL built with printf-style formatting", bad))

print("1..%d" % len(tests))
for i, (name, b) in enumerate(tests, 1):
    print(("ok" if not b else "not ok") + " %d - %s" % (i, name))
    for x in b:
        print("# " + x)
PY
