#!/bin/sh
# catalogue.sh — the message catalogue is complete in bokmål, nynorsk and
# English (product.md, "Language": språklova asks for bokmål and nynorsk at
# the same time; design.md: i18n/). Checks:
#  1. every MSG_ identifier used in src/ is defined in src/i18n/*.def;
#  2. every MSG(ID, "nb", "nn", "en") has three non-empty strings;
#  3. the printf conversions (%s, %d, %lld, ...) agree across the three;
#  4. nynorsk differs from bokmål on at least 60% of the messages — a sanity
#     check that nynorsk was written, not copied (short identical words such
#     as "E-post" are fine, most sentences are not);
#  5. no message id is defined twice.
cd "$(dirname "$0")/../.." || exit 2
exec python3 - <<'PY'
import glob, os, re

def unescape(s):
    return bytes(s, "utf-8").decode("unicode_escape").encode("latin-1").decode("utf-8", "replace")

def parse_def(path):
    """[(line, id, [strings per argument])] for each MSG(...) in a .def file."""
    text = open(path, encoding="utf-8").read()
    out = []
    i = 0
    for m in re.finditer(r"^\s*MSG\s*\(", text, re.M):
        j = m.end(); args = []; cur = []; depth = 1
        while j < len(text) and depth:
            c = text[j]
            if c == '"':
                k = j + 1
                while k < len(text) and text[k] != '"':
                    k += 2 if text[k] == "\\" else 1
                cur.append(("str", text[j + 1:k])); j = k + 1; continue
            if text.startswith("/*", j):
                j = text.index("*/", j) + 2; continue
            if c == "(":
                depth += 1
            elif c == ")":
                depth -= 1
                if depth == 0:
                    break
            elif c == "," and depth == 1:
                args.append(cur); cur = []; j += 1; continue
            if not c.isspace():
                cur.append(("tok", c))
            j += 1
        args.append(cur)
        ident = "".join(v for k, v in args[0] if k == "tok") if args else ""
        strings = []
        for a in args[1:]:
            if a and all(k == "str" for k, _ in a):
                strings.append(unescape("".join(v for _, v in a)))
            else:
                strings.append(None)        # not a plain string literal
        out.append((text.count("\n", 0, m.start()) + 1, ident, strings))
    return out

defs = {}
dups, shape, empty, fmt = [], [], [], []
files = sorted(glob.glob("src/i18n/*.def"))
entries = []
for f in files:
    for line, ident, strings in parse_def(f):
        where = "%s:%d" % (f, line)
        if ident in defs:
            dups.append("%s: %s already defined at %s" % (where, ident, defs[ident]))
        defs[ident] = where
        entries.append((where, ident, strings))
        if len(strings) != 3 or any(s is None for s in strings):
            shape.append("%s: %s must have three string literals (nb, nn, en)" % (where, ident))
            continue
        for lang, s in zip(("nb", "nn", "en"), strings):
            if not s.strip():
                empty.append("%s: %s has an empty %s text" % (where, ident, lang))
        conv = [re.findall(r"%[-+ #0]*[0-9*]*(?:\.[0-9*]+)?(?:hh|h|ll|l|j|z|t|L)?[diouxXeEfgGcsp%]", s) for s in strings]
        if not (conv[0] == conv[1] == conv[2]):
            fmt.append("%s: %s: conversions differ: nb %s, nn %s, en %s" % (where, ident, conv[0], conv[1], conv[2]))

used = {}
for root, _, names in os.walk("src"):
    for name in names:
        if not name.endswith((".c", ".h")):
            continue
        p = os.path.join(root, name)
        for ln, line in enumerate(open(p, encoding="utf-8", errors="replace"), 1):
            for ident in re.findall(r"\bMSG_[A-Z0-9_]+\b", line):
                if ident == "MSG_COUNT":
                    continue
                used.setdefault(ident, "%s:%d" % (p, ln))
undefined = ["%s: %s is used but not in src/i18n/*.def" % (w, i) for i, w in sorted(used.items()) if i not in defs]

full = [(w, i, s) for w, i, s in entries if len(s) == 3 and None not in s]
same = [(w, i) for w, i, s in full if s[0].strip() == s[1].strip()]
share = (1 - len(same) / len(full)) if full else 0.0

tests = [
    ("src/i18n/*.def defines messages (%d in %d files)" % (len(entries), len(files)),
     [] if entries else ["no MSG(...) line found in src/i18n/*.def"]),
    ("every MSG_ id used in src/ is defined (%d used)" % len(used), undefined),
    ("every message has three string literals (nb, nn, en)", shape),
    ("no message has an empty text in any language", empty),
    ("printf conversions agree in nb, nn and en", fmt),
    ("no message id is defined twice", dups),
    ("nynorsk differs from bokmål on >= 60%% of messages (%.0f%%)" % (share * 100),
     [] if full and share >= 0.60 else
     ["only %d of %d nynorsk texts differ from bokmål; identical ones include: %s"
      % (len(full) - len(same), len(full), ", ".join(i for _, i in same[:40]))]),
]
print("1..%d" % len(tests))
for n, (name, bad) in enumerate(tests, 1):
    print(("ok" if not bad else "not ok") + " %d - %s" % (n, name))
    for b in bad:
        print("# " + b)
PY
