#!/bin/sh
# layers.sh — the include graph follows the layers of design.md ("Layers"):
#   base <- domain, i18n; store <- base, domain; http <- base; html <- base, i18n;
#   views <- base, domain, i18n, html; io <- base, domain, i18n;
#   web, api, cli <- all of the above (web and api may use each other; cli may use both).
# store/sqlite and store/schema belong to store. Only store/ includes the
# private store/store_int.h (style.md: btree.h / btreeInt.h). One TAP line per
# layer folder; every wrong include is listed as a diagnostic.
cd "$(dirname "$0")/../.." || exit 2
exec python3 - <<'PY'
import os, re, sys

ALLOWED = {
    "base":   {"base"},
    "domain": {"base", "domain"},
    "i18n":   {"base", "i18n"},
    "store":  {"base", "domain", "store"},
    "http":   {"base", "http"},
    "html":   {"base", "i18n", "html"},
    "views":  {"base", "domain", "i18n", "html", "views"},
    "io":     {"base", "domain", "i18n", "io"},
}
LOWER = {"base", "domain", "i18n", "store", "http", "html", "views", "io"}
ALLOWED["web"] = LOWER | {"web", "api"}
ALLOWED["api"] = LOWER | {"api", "web"}
ALLOWED["cli"] = LOWER | {"cli", "web", "api"}
GENERATED = {"gen"}            # build/gen is on the include path (migrations)

inc_re = re.compile(r'^\s*#\s*include\s+"([^"]+)"')
layers = sorted(d for d in os.listdir("src") if os.path.isdir(os.path.join("src", d)))
n = 0
print("1..%d" % (len(layers) + 2))

unknown = [d for d in layers if d not in ALLOWED]
n += 1
print(("ok" if not unknown else "not ok") + " %d - every folder under src/ is a known layer" % n)
for d in unknown:
    print("# src/%s/ is not a layer of design.md; add it to tests/lint/layers.sh with its rule" % d)

private_bad = []
for layer in layers:
    bad = []
    files = 0
    for root, _, names in os.walk(os.path.join("src", layer)):
        for name in sorted(names):
            if not name.endswith((".c", ".h", ".def")):
                continue
            path = os.path.join(root, name)
            files += 1
            with open(path, encoding="utf-8", errors="replace") as f:
                for lineno, line in enumerate(f, 1):
                    m = inc_re.match(line)
                    if not m:
                        continue
                    target = m.group(1)
                    if "/" not in target:
                        continue          # same folder
                    top = target.split("/", 1)[0]
                    if target.startswith("store/store_int.h") and layer != "store":
                        private_bad.append("%s:%d: includes the store's private %s" % (path, lineno, target))
                    if top in GENERATED:
                        continue
                    if top not in ALLOWED:
                        bad.append("%s:%d: includes %s from unknown folder %s/" % (path, lineno, target, top))
                    elif layer in ALLOWED and top not in ALLOWED[layer]:
                        bad.append("%s:%d: %s/ must not include %s" % (path, lineno, layer, target))
    n += 1
    rule = ", ".join(sorted(ALLOWED.get(layer, set()) - {layer})) or "nothing"
    print(("ok" if not bad else "not ok") + " %d - src/%s/ includes only %s (%d files)" % (n, layer, rule, files))
    for b in bad:
        print("# " + b)
n += 1
print(("ok" if not private_bad else "not ok") + " %d - only src/store/ includes store/store_int.h" % n)
for b in private_bad:
    print("# " + b)
PY
