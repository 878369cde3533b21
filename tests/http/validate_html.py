#!/usr/bin/env python3
"""validate_html.py — the HTML of every page, checked by the Nu HTML Checker
(design.md: "vnu on every page"; npm `vnu-jar` run with Java 17).

Self-contained: sets up its own throwaway database and server exactly as the
HTTP suite does (run.py's setup: demo organisation, one account per role),
then GETs every web route from `evne routes` as admin and as an employee, plus
the log-in page, the accessibility statement, a 404 and a 403 page. Each page
answered 200/403/404 with text/html is saved once, by role and path, into
build/test-logs/html/NAME.html (checked in a folder of this run's own, then
moved there). The checker then
runs ONCE over the folder (a JVM start is slow) and this prints one TAP line
per file: ok, or not ok with each error (line, column, message, extract).
Errors only; warnings are left out (--errors-only).

usage: python3 tests/http/validate_html.py [--bin build/evne] [--vnu PATH]
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import run as httprun  # noqa: E402
import harness  # noqa: E402
from harness import Tap  # noqa: E402
import cases_matrix  # noqa: E402

ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
VNU = os.path.join(ROOT, "node_modules", "vnu-jar", "build", "dist", "vnu.jar")

# Errors that are the checker's fault, not the page's: (regex on the message,
# why). Each entry must say why; never a blanket pattern.
KNOWN_FALSE = [
]

CANARY = "zz-canary-invalid.html"


def page_name(who, path):
    """build/test-logs/html/ADMIN__units__3__edit.html: role, then the path."""
    p = urllib.parse.urlsplit(path).path.strip("/") or "home"
    p = re.sub(r"[^A-Za-z0-9._-]+", "__", p)
    return "%s__%s.html" % (who, p)


def route_res(routes):
    """(compiled regex, pattern) for the web GET routes, {param} as one segment."""
    out = []
    for method, pattern, _perm in routes:
        if method != "GET" or pattern.startswith("/api/"):
            continue
        rx = "".join("[^/]+" if re.fullmatch(r"\{\w+\}", part) else re.escape(part)
                     for part in re.split(r"(\{\w+\})", pattern))
        out.append((re.compile("^" + rx + "$"), pattern))
    return out


def add_strategy(w):
    """A main goal, a strategic goal, an indicator and a value in the first
    cycle (the demo has none), over the API, so their edit and delete pages
    exist to be found by the links. Failures are diagnostics only: the pages
    are then just not checked."""
    api = w.api("admin")
    r = api.get("/api/v1/cycles?limit=1")
    items = r.json().get("items") if r.status == 200 else None
    if not items:
        w.tap.diag("no cycle for the strategy objects: %s" % r.snippet(200))
        return
    steps = [
        ("/api/v1/cycles/%d/strategy/main-goals" % items[0]["id"],
         {"title": "Kompetente medarbeidarar", "description": "## Kvifor\n\nFordi."}),
        ("/api/v1/strategy/main-goals/%d/goals", {"code": "1.1", "title": "Digital kompetanse",
                                                  "description": "Alle kan *grunnleggjande* verktøy."}),
        ("/api/v1/strategy/goals/%d/indicators", {"name": "Del med kurs", "unit_of_measure": "%",
                                                  "baseline": "40", "target": "80"}),
        ("/api/v1/strategy/indicators/%d/values", {"date": "2026-01-15", "value": "55"}),
    ]
    last = None
    for path, body in steps:
        if "%d" in path:
            path = path % last
        r = api.post(path, json_body=body)
        if r.status not in (200, 201):
            w.tap.diag("could not add a strategy object: %s" % r.snippet(300))
            return
        last = r.json()["id"]


def collect(w, outdir):
    """GETs the pages and saves the HTML ones; returns {file name: path}.
    First every web route with ids filled in as the HTTP suite fills them;
    then, per role, the links on the saved pages to route patterns not yet
    seen (the strategy's goal and indicator pages are found only that way)."""
    t = w.tap
    saved = {}
    bodies = {}                      # role -> [page text] to follow links from
    seen = set()                     # (role, pattern) saved
    patterns = route_res(w.routes)

    def pattern_of(path):
        for rx, pattern in patterns:
            if rx.match(path):
                return pattern
        return None

    def save(who, client, path, statuses=(200,)):
        name = page_name(who, path)
        if name in saved:
            return
        r = client.get(path)
        if r.status in statuses and r.ctype == "text/html":
            with open(os.path.join(outdir, name), "wb") as f:
                f.write(r.body)
            saved[name] = "%s as %s (%d)" % (path, who, r.status)
            bodies.setdefault(who, []).append(r.text)
            seen.add((who, pattern_of(urllib.parse.urlsplit(path).path)))

    anon = w.client("anonymous")
    save("anonymous", anon, "/login")
    save("anonymous", anon, "/tilgjengelighet")
    save("anonymous", anon, "/no-such-page-for-vnu", (404,))
    add_strategy(w)
    ids = cases_matrix.Ids(w)
    for role in ("admin", "employee"):
        c = w.clients.get(role)
        if c is None:
            t.ok(False, "a %s session to fetch pages with" % role)
            continue
        for method, pattern, perm in w.routes:
            if method != "GET" or pattern.startswith("/api/") or pattern in ("/healthz", "/metrics"):
                continue
            if pattern.split("/")[1:2] in (["assets"], ["static"]):
                continue
            path = ids.fill(pattern, role, perm)
            if path is None:
                continue
            save(role, c, path)
        save(role, c, "/no-such-page-for-vnu", (404,))
        todo = list(bodies.get(role, []))
        fetched = 0
        while todo and fetched < 300:
            for link in harness.links(todo.pop()):
                path = urllib.parse.urlsplit(link).path
                pattern = pattern_of(path)
                if not pattern or (role, pattern) in seen or pattern.startswith(("/assets/", "/static/")):
                    continue
                if pattern.endswith("/file") or pattern.startswith("/import/example/"):
                    continue        # downloads, not pages
                seen.add((role, pattern))
                fetched += 1
                before = len(bodies.get(role, []))
                save(role, c, path)
                todo += bodies.get(role, [])[before:]
    emp = w.clients.get("employee")
    if emp is not None:
        save("employee-forbidden", emp, "/admin/users", (403,))
    t.ok(len(saved) >= 20, "saved the HTML of %d pages (to build/test-logs/html)" % len(saved),
         "too few pages: %r" % sorted(saved))
    return saved


def run_vnu(t, outdir, vnu):
    """One checker run over the folder; {file name: [message dict]} or None."""
    if not os.path.exists(vnu):
        t.ok(False, "the Nu HTML Checker is installed (%s)" % os.path.relpath(vnu, ROOT),
             "run scripts/setup.sh (npm ci installs vnu-jar; Debian default-jre-headless gives java)")
        return None
    java = shutil.which("java")
    if not java:
        t.ok(False, "java is on PATH for the Nu HTML Checker", "apt-get install default-jre-headless")
        return None
    p = subprocess.run([java, "-Xss8m", "-jar", vnu, "--format", "json", "--errors-only", "--skip-non-html",
                        outdir], capture_output=True, text=True, timeout=240)
    try:
        doc = json.loads(p.stderr or p.stdout or "{}")
    except ValueError:
        t.ok(False, "the Nu HTML Checker answers JSON", "status %d\n%s%s" % (p.returncode, p.stdout, p.stderr[-3000:]))
        return None
    t.ok(True, "the Nu HTML Checker ran once over the folder (status %d)" % p.returncode)
    out = {}
    for m in doc.get("messages", []):
        url = m.get("url", "")
        name = os.path.basename(urllib.parse.unquote(urllib.parse.urlsplit(url).path)) if url else "(none)"
        out.setdefault(name, []).append(m)
    return out


def known_false(msg):
    return any(re.search(rx, msg.get("message", "")) for rx, _why in KNOWN_FALSE)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default="build/evne")
    ap.add_argument("--vnu", default=VNU)
    args = ap.parse_args()
    binary = os.path.abspath(args.bin if os.path.isabs(args.bin) else os.path.join(ROOT, args.bin))
    logdir = os.path.join(ROOT, "build", "test-logs")
    # Checked in a folder of this run's own (two runs at once in one work
    # tree must not check or delete each other's pages); copied to
    # build/test-logs/html at the end for reading.
    os.makedirs(logdir, exist_ok=True)
    outdir = tempfile.mkdtemp(prefix="html-vnu-", dir=logdir)
    tap = Tap()
    if not os.access(binary, os.X_OK):
        tap.ok(False, "the binary %s exists" % args.bin, "build it first (make all)")
        tap.plan()
        return 1
    tmp = tempfile.mkdtemp(prefix="evne-vnu-")
    w = httprun.World(tap, binary, tmp, logdir)
    w.tag = "vnu"      # its own server and demo logs, beside the HTTP suite's
    saved = {}
    try:
        if tap.guard("setup", httprun.setup, w):
            saved = tap.guard("collect", collect, w, outdir) or {}
        if w.server is not None:
            rc = w.server.stop()
            tap.ok(rc == 0, "evne serve exits 0 on SIGTERM", "exit status %r\n%s" % (rc, w.server.log_tail()))
    finally:
        if w.server is not None:
            w.server.kill()
        shutil.rmtree(tmp, ignore_errors=True)
    if saved:
        # a canary: the checker must find its one error, or a green run means nothing
        with open(os.path.join(outdir, CANARY), "w") as f:
            f.write('<!DOCTYPE html><html lang="nb"><head><title>x</title></head>'
                    '<body><p id="a">1</p><p id="a">2</p></body></html>\n')
        found = run_vnu(tap, outdir, args.vnu)
        if found is not None:
            canary = found.pop(CANARY, [])
            tap.ok(any("Duplicate ID" in m.get("message", "") for m in canary),
                   "the checker finds the duplicate id planted in %s" % CANARY, repr(canary))
            os.remove(os.path.join(outdir, CANARY))
            stray = [n for n in found if n not in saved]
            tap.ok(not stray, "the checker reported only on the saved pages",
                   "\n".join("%s: %s" % (n, m.get("message")) for n in stray for m in found[n]))
            for name in sorted(saved):
                errs = [m for m in found.get(name, []) if m.get("type") != "info" and not known_false(m)]
                diag = []
                for m in errs:
                    diag.append("line %s, column %s: %s" % (m.get("lastLine", "?"), m.get("firstColumn", m.get(
                        "lastColumn", "?")), m.get("message", "")))
                    if m.get("extract"):
                        diag.append("    extract: %r" % m["extract"])
                tap.ok(not errs, "valid HTML: %s (%s)" % (saved[name], name), "\n".join(diag))
    publish = os.path.join(logdir, "html")
    shutil.rmtree(publish, ignore_errors=True)
    try:
        os.rename(outdir, publish)
    except OSError:
        shutil.rmtree(outdir, ignore_errors=True)     # another run published at the same moment
    tap.plan()
    return 1 if tap.failed else 0


if __name__ == "__main__":
    sys.exit(main())
