#!/bin/sh
# docs.sh — the documentation matches the code (style.md: curl checks that
# every option has its manual entry). Checks:
#  1. every subcommand of the contract's list ("The binary") appears in
#     `build/evne --help`, and `--help` exits 0;
#  2. every subcommand `--help` lists is in the contract's list;
#  3. README.md mentions `make run` and `make check` (the two commands);
#  4. docs/internals/ has a note for each layer folder under src/.
# The contract is docs/contract.md when the repository has one, else the
# shared /work/shared/contract.md, else README.md's command block.
cd "$(dirname "$0")/../.." || exit 2
EVNE=${EVNE:-build/evne}
exec python3 - "$EVNE" <<'PY'
import os, re, subprocess, sys

evne = sys.argv[1]
tests = []

contract = None
for c in ("docs/contract.md", "CONTRACT.md", "contract.md", "/work/shared/contract.md"):
    if os.path.exists(c):
        contract = c
        break
def command_list(path):
    text = open(path, encoding="utf-8").read()
    cmds = []
    for block in re.findall(r"```[^\n]*\n(.*?)```", text, re.S):
        for line in block.split("\n"):
            m = re.match(r"\s*(?:\$\s*)?(?:build/)?evne\s+([a-z][a-z-]*)(?:\s+([a-z][a-z-]*))?", line)
            if m:
                word = m.group(1)
                if word not in cmds:
                    cmds.append(word)
    return cmds
if contract is None and os.path.exists("README.md"):
    contract = "README.md"
cmds = command_list(contract) if contract else []
tests.append(("the contract lists the subcommands (%s: %s)" % (contract, " ".join(cmds)),
              [] if cmds else ["no `evne SUBCOMMAND` lines found in a code block of the contract"]))

help_text, help_err = "", None
try:
    p = subprocess.run([evne, "--help"], capture_output=True, text=True, timeout=20)
    help_text = p.stdout + p.stderr
    if p.returncode != 0:
        help_err = "%s --help exited with %d" % (evne, p.returncode)
except Exception as e:   # not built, crashed, hung
    help_err = "%s --help: %s" % (evne, e)
tests.append(("`evne --help` runs and exits 0", [help_err] if help_err else []))

for cmd in cmds:
    present = re.search(r"(^|\s)%s(\s|$)" % re.escape(cmd), help_text, re.M) is not None
    tests.append(("`evne --help` lists `%s` (contract)" % cmd,
                  [] if present else ["`%s` is in the contract but not in `%s --help`" % (cmd, evne)]))

# subcommands in --help: lines that start with "evne WORD" or an indented WORD followed by spaces
listed = []
for line in help_text.split("\n"):
    # the command list: indented lines "  evne WORD ..." (or "  WORD   description")
    m = re.match(r"\s+evne\s+([a-z][a-z-]*)\b", line) or re.match(r"\s{2,}([a-z][a-z-]*)\s{2,}\S", line)
    if m and m.group(1) not in listed:
        listed.append(m.group(1))
# Commands beyond contract.md's list, each documented in README.md (contract.md
# is read-only to developers; the closing notes ask to add them there):
# routes (operators and the permission test), copy (issue 3: SQLite <-> PostgreSQL).
beyond_contract = ("help", "routes", "copy")
extra = [w for w in listed if cmds and w not in cmds and w not in beyond_contract]
tests.append(("every subcommand in `evne --help` is in the contract (%s)" % " ".join(listed),
              ["`%s` is in --help but not documented in %s" % (w, contract) for w in extra]))

readme = open("README.md", encoding="utf-8").read() if os.path.exists("README.md") else ""
for w in beyond_contract:
    if w in listed and w != "help":
        tests.append(("README.md documents `evne %s` (beyond the contract)" % w,
                      [] if re.search(r"evne %s\b" % w, readme) else ["README.md does not document `evne %s`" % w]))
for phrase in ("make run", "make check"):
    tests.append(("README.md mentions `%s`" % phrase,
                  [] if phrase in readme else ["README.md does not mention `%s`" % phrase]))

layers = sorted(d for d in os.listdir("src") if os.path.isdir(os.path.join("src", d)))
notes = os.listdir("docs/internals") if os.path.isdir("docs/internals") else []
for layer in layers:
    ok = any(re.match(r"%s([._-]|$)" % re.escape(layer), n) for n in notes)
    tests.append(("docs/internals/ has a note for src/%s/" % layer,
                  [] if ok else ["no docs/internals/%s.md (one screen on what the layer does and why)" % layer]))

print("1..%d" % len(tests))
for n, (name, bad) in enumerate(tests, 1):
    print(("ok" if not bad else "not ok") + " %d - %s" % (n, name))
    for b in bad:
        print("# " + b)
PY
