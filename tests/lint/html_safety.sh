#!/bin/sh
# html_safety.sh — HTML only through the escaping writer (design.md, "HTML that
# cannot inject"; style.md: Fossil's checker before every link).
#  1. views/, web/, api/ never print: no printf, fprintf, puts, fputs, fwrite,
#     putchar, vprintf, vfprintf, dprintf, write() — responses are built in
#     buffers by html_* and the JSON writer.
#  2. views/ never write into a raw buffer (buf_puts, buf_add, buf_printf,
#     buf_putc): a view writes only through html_*.
#  3. HTML_LIT's second argument is a string literal (the macro also forces it).
#  4. Nobody outside src/html/ calls the macro's back doors html_lit_,
#     html_attr_, html_attr_url_ directly.
cd "$(dirname "$0")/../.." || exit 2
exec python3 - <<'PY'
import os, re, sys
sys.path.insert(0, "tests/lint")
from lintlib import code_lines, sources  # noqa: E402


tests = []
def check(name, dirs, pattern, why):
    rx = re.compile(pattern)
    bad = []
    for path in sources(*dirs):
        for lineno, line in enumerate(code_lines(path), 1):
            if re.match(r"\s*#\s*define\b", line):
                continue          # the macros' own definitions
            if rx.search(line):
                bad.append("%s:%d: %s" % (path, lineno, why))
    tests.append((name, bad))

out_dirs = [d for d in ("src/views", "src/web", "src/api")]
check("views/, web/, api/ print nothing directly (printf, fprintf, puts, fputs, fwrite, write)",
      out_dirs, r"(?<![\w.>])(printf|fprintf|vprintf|vfprintf|dprintf|puts|fputs|fwrite|putchar|putc|fputc|write)\s*\(",
      "raw output function")
check("views/ write only through html_* (no buf_puts, buf_add, buf_printf, buf_putc)",
      ["src/views"], r"(?<![\w.>])(buf_puts|buf_add|buf_printf|buf_putc|buf_int)\s*\(",
      "raw buffer write in a view")
check("HTML_LIT takes a string literal only",
      ["src"], r'HTML_LIT\s*\([^,]*,\s*[^"\s]', "HTML_LIT with a non-literal argument")
# the back doors of the macros (html_lit_ and friends) belong to src/html/
rx_back = re.compile(r"(?<![\w.>])(html_lit_|html_attr_|html_attr_url_|html_attr_int_)\s*\(")
bad = []
for path in sources("src"):
    if path.startswith("src/html/"):
        continue
    for lineno, line in enumerate(code_lines(path), 1):
        if rx_back.search(line):
            bad.append("%s:%d: calls the writer's internal function instead of its macro" % (path, lineno))
tests.append(("only src/html/ calls html_lit_/html_attr_*_ (others use HTML_LIT/HTML_ATTR/HTML_URL)", bad))

print("1..%d" % len(tests))
for i, (name, bad) in enumerate(tests, 1):
    print(("ok" if not bad else "not ok") + " %d - %s" % (i, name))
    for b in bad:
        print("# " + b)
PY
