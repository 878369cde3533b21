"""lintlib.py — what the lints in tests/lint share: the C sources under some
folders, and their lines with comments and string contents blanked out so a
pattern matches code only."""
import os


def sources(*dirs, exts=(".c", ".h")):
    for d in dirs:
        for root, _, names in os.walk(d):
            for name in sorted(names):
                if name.endswith(exts):
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
