#!/usr/bin/env python3
"""cluster.py — the tests that only make sense with PostgreSQL, printed as
TAP: (0) several evne processes migrate one empty database at once; (1)
PostgreSQL restarts under a stream of API writes: only requests in
flight fail, each with 503; every write answered 2xx is there afterwards;
requests after the restart succeed without restarting evne. (2) evne copy
moves the demo organisation SQLite -> PostgreSQL -> SQLite with every row
equal, and evne serves the same units and people from the copy. (3) two
`evne serve` on one database behind Debian's nginx (round-robin): a session
made through one server works on the other, concurrent writes through both
lose nothing, and the log-in rate limit counts across both.

Usage: cluster.py --bin build/evne --pg-dir DIR --url URL_OF_DB_evne
(tests/pg/run.sh starts the throwaway server in DIR and passes these)."""
import argparse
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "tests", "http"))
import harness  # noqa: E402  (Client, Server, free_port, find_csrf, Tap)

PASSWORD = "Riktig-Hest-Batteri-42"
ADMIN = "admin@cluster.evne.example"
LIMITED = "limited@cluster.evne.example"


class World:
    def __init__(self, args, tap):
        self.args = args
        self.tap = tap
        self.bin = os.path.abspath(os.path.join(ROOT, args.bin))
        self.tmp = tempfile.mkdtemp(prefix="evne-pg-cluster-")
        self.servers = []
        self.nginx = None

    def evne(self, *argv, stdin=None, binary=None):
        p = subprocess.run([binary or self.bin] + list(argv), input=stdin, capture_output=True, text=True,
                           timeout=300)
        return p.returncode, p.stdout, p.stderr

    def db_url(self, name):
        """A fresh database NAME on the throwaway server and its URL."""
        host = ["-h", self.args.pg_dir, "-U", "postgres"]
        subprocess.run(["dropdb", "--if-exists"] + host + [name], check=True, capture_output=True)
        subprocess.run(["createdb", "-E", "UTF8", "-T", "template0"] + host + [name], check=True,
                       capture_output=True)
        return re.sub(r"/evne\?", "/%s?" % name, self.args.url)

    def serve(self, db, label, workers=4):
        s = harness.Server(self.bin, db, os.path.join(self.tmp, "serve-%s.log" % label), workers=workers)
        self.servers.append(s)
        up, why = s.start()
        return s if self.tap.ok(up, "evne serve (%s) answers /healthz on PostgreSQL" % label, why) else None

    def setup_accounts(self, db):
        """init, an admin and a second account; returns the admin's API token."""
        rc, out, err = self.evne("init", "--db", db)
        self.tap.ok(rc == 0, "evne init on a fresh PostgreSQL database", out + err)
        for email, role in ((ADMIN, "admin"), (LIMITED, "employee")):
            rc, out, err = self.evne("user", "add", "--db", db, "--email", email, "--name", "Cluster " + role,
                                     "--role", role, stdin=PASSWORD + "\n")
            self.tap.ok(rc == 0, "evne user add --role %s on PostgreSQL" % role, out + err)
        rc, out, err = self.evne("token", "create", "--db", db, "--email", ADMIN, "--name", "cluster")
        toks = [x for x in out.split() if len(x) >= 20]
        self.tap.ok(rc == 0 and toks, "evne token create on PostgreSQL", out + err)
        return toks[-1] if toks else ""

    def close(self):
        for s in self.servers:
            s.kill()
        if self.nginx and self.nginx.poll() is None:
            self.nginx.terminate()
            try:
                self.nginx.wait(10)
            except subprocess.TimeoutExpired:
                self.nginx.kill()
        shutil.rmtree(self.tmp, ignore_errors=True)


def api_client(port, token):
    return harness.Client("127.0.0.1", port, headers={"Authorization": "Bearer " + token})


def all_items(port, token, collection):
    c = api_client(port, token)
    items, cursor = [], None
    for _ in range(10000):
        path = "/api/v1/%s?limit=500" % collection
        if cursor:
            path += "&cursor=" + harness.urllib.parse.quote(cursor, safe="")
        r = c.get(path)
        if r.status != 200:
            raise RuntimeError("GET %s -> %d" % (path, r.status))
        doc = r.json()
        items += doc["items"]
        cursor = doc.get("next")
        if not cursor:
            return items
    raise RuntimeError("too many pages")


def post_unit(port, token, code, timeout=10):
    try:
        r = api_client(port, token).post("/api/v1/units", json_body={"name": "Enhet " + code, "code": code},
                                         timeout=timeout)
        return r.status, r.header("X-Upstream")
    except OSError as e:
        return "error: %s" % e, None


# ---- (0) several servers migrate one database at once ----

def parallel_start_test(w):
    db = w.db_url("evne_parallel")
    procs = [subprocess.Popen([w.bin, "init", "--db", db], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              text=True) for _ in range(5)]
    outs = [(p.wait(60), p.stdout.read()) for p in procs]
    for p in procs:
        p.stdout.close()
    w.tap.ok(all(rc == 0 for rc, _ in outs), "five evne init at once on an empty database all succeed",
             "\n".join(o for _, o in outs))
    versions = {re.sub(r".*schema version ", "", o.strip()) for _, o in outs}
    w.tap.ok(len(versions) == 1, "and all see the same schema version (%s)" % ", ".join(sorted(versions)))


# ---- (1) a PostgreSQL restart under load ----

def restart_test(w):
    t = w.tap
    db = w.db_url("evne_restart")
    token = w.setup_accounts(db)
    s = w.serve(db, "restart")
    if not s or not token:
        return
    results = []            # (code, status, started, finished)
    lock = threading.Lock()
    stop = threading.Event()

    def writer(no):
        i = 0
        while not stop.is_set():
            code = "R-%d-%d" % (no, i)
            i += 1
            started = time.monotonic()
            status, _ = post_unit(s.port, token, code)
            with lock:
                results.append((code, status, started, time.monotonic()))

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(4)]
    for th in threads:
        th.start()
    time.sleep(1.0)
    down = time.monotonic()
    rc = subprocess.run(["sh", os.path.join(ROOT, "scripts", "pg-test.sh"), "restart", w.args.pg_dir],
                        capture_output=True, text=True)
    back = time.monotonic()
    time.sleep(1.5)
    stop.set()
    for th in threads:
        th.join()
    t.ok(rc.returncode == 0, "pg_ctl restart -m fast while evne writes", rc.stdout + rc.stderr)
    statuses = {}
    for _, st, _, _ in results:
        statuses[st] = statuses.get(st, 0) + 1
    t.diag("restart: %.1fs down; answers %s" % (back - down, statuses))
    bad = [r for r in results if r[1] not in (201, 503)]
    t.ok(not bad, "every write answered 201 or 503 during the restart (%d writes)" % len(results),
         "\n".join("%s -> %s" % (r[0], r[1]) for r in bad[:20]))
    failed = [r for r in results if r[1] == 503]
    outside = [r for r in failed if r[3] < down or r[2] > back]
    t.ok(not outside, "only requests in flight while PostgreSQL restarted failed (%d got 503)" % len(failed),
         "\n".join("%s started %.2fs after the restart ended" % (r[0], r[2] - back) for r in outside[:20]))
    after = [r for r in results if r[2] > back]
    t.ok(after and all(r[1] == 201 for r in after),
         "writes after the restart succeed without restarting evne (%d)" % len(after))
    try:
        have = {u.get("code") for u in all_items(s.port, token, "units")}
    except (RuntimeError, OSError) as e:
        t.ok(False, "the units can be listed after the restart", str(e))
        return
    lost = [r[0] for r in results if r[1] == 201 and r[0] not in have]
    t.ok(not lost, "every write answered 201 is in the database (%d)" % sum(1 for r in results if r[1] == 201),
         "lost: %s" % lost[:20])
    h = harness.Client("127.0.0.1", s.port).get("/healthz")
    t.ok(h.status == 200, "GET /healthz answers 200 after the restart")
    rc = s.stop()
    t.ok(rc == 0, "evne serve exits 0 on SIGTERM after the restart", s.log_tail())


# ---- (2) evne copy SQLite -> PostgreSQL -> SQLite ----

def sqlite_rows(path):
    con = sqlite3.connect(path)
    try:
        names = [r[0] for r in con.execute(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            " AND name NOT IN ('schema_migrations', 'content_generation') ORDER BY name")]
        return {n: con.execute('SELECT * FROM "%s" ORDER BY 1, 2' % n.replace('"', '""')).fetchall()
                for n in names}
    finally:
        con.close()


def copy_test(w):
    t = w.tap
    src = os.path.join(w.tmp, "demo.db")
    back = os.path.join(w.tmp, "back.db")
    rc, out, err = w.evne("demo", "--db", src, "--seed", "11", "--quiet")
    t.ok(rc == 0, "evne demo builds the SQLite demo organisation", out + err)
    rc, out, err = w.evne("token", "create", "--db", src, "--email", "admin@demo.evne.no", "--name", "copy")
    toks = [x for x in out.split() if len(x) >= 20]
    t.ok(rc == 0 and toks, "an API token on the SQLite demo", out + err)
    token = toks[-1] if toks else ""
    pg = w.db_url("evne_copy")
    asan = os.path.join(ROOT, "build", "asan", "evne")
    binary = asan if os.access(asan, os.X_OK) else None
    t0 = time.monotonic()
    rc, out, err = w.evne("copy", "--from", src, "--to", pg, binary=binary)
    t.ok(rc == 0 and "checksums match" in out, "evne copy SQLite -> PostgreSQL (%s build, %.1fs)"
         % ("ASan" if binary else "normal", time.monotonic() - t0), out + err)
    rc, out, err = w.evne("copy", "--from", src, "--to", pg)
    t.ok(rc == 1 and "not empty" in err, "evne copy refuses a target that holds data", out + err)
    rc, out, err = w.evne("copy", "--from", src, "--to", pg, "--force", "--quiet")
    t.ok(rc == 0 and out == "", "evne copy --force --quiet replaces the target silently", out + err)
    rc, out, err = w.evne("copy", "--from", pg, "--to", back)
    t.ok(rc == 0 and "checksums match" in out, "evne copy PostgreSQL -> SQLite", out + err)
    a, b = sqlite_rows(src), sqlite_rows(back)
    t.ok(a.keys() == b.keys(), "the round trip has the same tables", "%s vs %s" % (sorted(a), sorted(b)))
    diff = [n for n in a if a[n] != b.get(n)]
    t.ok(not diff, "every row of every table is equal after SQLite -> PostgreSQL -> SQLite (%s)"
         % ", ".join("%s %d" % (n, len(a[n])) for n in sorted(a)), "differs: %s" % diff)
    # The web side: the same units and people, served from each database.
    s1 = w.serve(src, "copy-sqlite")
    s2 = w.serve(pg, "copy-pg")
    if s1 and s2 and token:
        for coll in ("units", "people"):
            x, y = all_items(s1.port, token, coll), all_items(s2.port, token, coll)
            t.ok(x == y and len(x) > 0, "GET /api/v1/%s is the same from SQLite and the PostgreSQL copy (%d)"
                 % (coll, len(x)), "%d vs %d items" % (len(x), len(y)))
        # New ids on the copy continue after the copied ones.
        st, _ = post_unit(s2.port, token, "COPY-NEW-1")
        t.ok(st == 201, "a new unit on the PostgreSQL copy gets a fresh id", "status %s" % st)
    for s in (s1, s2):
        if s:
            s.stop()


# ---- (3) two servers behind nginx ----

NGINX_CONF = """worker_processes 1;
pid {dir}/nginx.pid;
error_log {dir}/error.log warn;
events {{ worker_connections 256; }}
http {{
    access_log off;
    client_body_temp_path {dir}/body;
    proxy_temp_path {dir}/proxy;
    fastcgi_temp_path {dir}/fastcgi;
    uwsgi_temp_path {dir}/uwsgi;
    scgi_temp_path {dir}/scgi;
    upstream evne {{
        server 127.0.0.1:{a};
        server 127.0.0.1:{b};
    }}
    server {{
        listen 127.0.0.1:{port};
        location / {{
            proxy_pass http://evne;
            proxy_next_upstream off;
            proxy_set_header Host $host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto $scheme;
            add_header X-Upstream $upstream_addr always;
        }}
    }}
}}
"""


def start_nginx(w, a, b):
    d = os.path.join(w.tmp, "nginx")
    os.makedirs(d)
    os.chmod(w.tmp, 0o755)
    port = harness.free_port()
    conf = os.path.join(d, "nginx.conf")
    with open(conf, "w") as f:
        f.write(NGINX_CONF.format(dir=d, a=a, b=b, port=port))
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    w.nginx = subprocess.Popen([nginx, "-p", d, "-e", os.path.join(d, "error.log"), "-c", conf,
                                "-g", "daemon off;"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        if w.nginx.poll() is not None:
            return None, w.nginx.stderr.read().decode("utf-8", "replace")
        try:
            r = harness.Client("127.0.0.1", port).get("/healthz", timeout=2)
            if r.status == 200:
                return port, ""
        except OSError:
            pass
        time.sleep(0.1)
    return None, "nginx did not answer"


def login(c):
    page = c.get("/login")
    csrf = harness.find_csrf(page.text)
    r = c.post("/login", form={"email": ADMIN, "password": PASSWORD, "csrf": csrf or ""})
    return r


def two_servers_test(w):
    t = w.tap
    db = w.db_url("evne_two")
    token = w.setup_accounts(db)
    sa = w.serve(db, "server-a")
    sb = w.serve(db, "server-b")
    if not (sa and sb and token):
        return
    port, why = start_nginx(w, sa.port, sb.port)
    if not t.ok(port is not None, "nginx round-robins to both servers", why):
        return
    ups = {harness.Client("127.0.0.1", port).get("/healthz").header("X-Upstream") for _ in range(4)}
    t.ok(len(ups) == 2, "nginx sends requests to both servers in turn", "upstreams: %s" % ups)

    # A session made through nginx works on each server directly.
    c = harness.Client("127.0.0.1", port)
    r = login(c)
    t.ok(r.status == 303, "log-in through nginx answers 303 (served by %s)" % r.header("X-Upstream"),
         r.snippet())
    served = r.header("X-Upstream") or ""
    other = sb if served.endswith(":%d" % sa.port) else sa
    same = sa if other is sb else sb
    for s, name in ((other, "the other server"), (same, "the server that logged in")):
        d = harness.Client("127.0.0.1", s.port)
        d.jar = dict(c.jar)
        home = d.get("/")
        t.ok(home.status == 200 and harness.find_csrf(home.text),
             "the session works on %s (port %d)" % (name, s.port), "status %d" % home.status)
    # Act through the other server with the session and its CSRF token.
    d = harness.Client("127.0.0.1", other.port)
    d.jar = dict(c.jar)
    csrf = harness.find_csrf(d.get("/").text)
    r = d.post("/api/v1/units", json_body={"name": "Laget via den andre", "code": "TWO-SESSION"},
               headers={"X-CSRF-Token": csrf})
    t.ok(r.status == 201, "a write with the session through the other server answers 201", r.snippet())
    loc = r.header("Location") or ""
    g = api_client(same.port, token).get(loc) if loc else None
    t.ok(g is not None and g.status == 200, "the first server sees that write at once (%s)" % loc)

    # Concurrent writes through nginx: nothing lost.
    results = []
    lock = threading.Lock()

    def writer(no):
        for i in range(25):
            code = "TWO-%d-%d" % (no, i)
            st, up = post_unit(port, token, code)
            with lock:
                results.append((code, st, up))

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(6)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    ok = [r for r in results if r[1] == 201]
    t.ok(len(ok) == len(results), "150 concurrent writes through nginx all answer 201",
         "%s" % [r for r in results if r[1] != 201][:10])
    t.ok(len({r[2] for r in results}) == 2, "the writes reached both servers", "%s" % {r[2] for r in results})
    have = {u.get("code") for u in all_items(sa.port, token, "units")}
    lost = [r[0] for r in ok if r[0] not in have]
    t.ok(not lost, "every write is in the database, read through server A", "lost: %s" % lost[:20])
    have_b = {u.get("code") for u in all_items(sb.port, token, "units")}
    t.ok(have == have_b, "server B lists the same units as server A")

    # The log-in rate limit counts failures from both servers together.
    limited = harness.Client("127.0.0.1", port)
    seen, statuses = set(), []
    # Only POSTs after the first page, each with the csrf of the form the
    # last answer carried, so round-robin alternates the servers they reach.
    page = limited.get("/login")
    for _ in range(5):
        r = limited.post("/login", form={"email": LIMITED, "password": "feil-passord",
                                         "csrf": harness.find_csrf(page.text) or ""})
        seen.add(r.header("X-Upstream"))
        statuses.append(r.status)
        page = r
    r = limited.post("/login", form={"email": LIMITED, "password": PASSWORD,
                                     "csrf": harness.find_csrf(page.text) or ""})
    t.ok(len(seen) == 2 and all(s == 401 for s in statuses),
         "five wrong passwords through nginx land on both servers", "%s %s" % (statuses, seen))
    t.ok(r.status == 429, "the sixth attempt is refused with 429: the servers share one count",
         "status %d" % r.status)
    for s in (sa, sb):
        rc = s.stop()
        t.ok(rc == 0, "evne serve (port %d) exits 0 on SIGTERM" % s.port, s.log_tail())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default="build/evne")
    ap.add_argument("--pg-dir", required=True)
    ap.add_argument("--url", required=True)
    args = ap.parse_args()
    tap = harness.Tap()
    w = World(args, tap)
    try:
        for name, fn in (("parallel start", parallel_start_test), ("restart", restart_test), ("copy", copy_test), ("two servers", two_servers_test)):
            tap.guard(name, fn, w)
    finally:
        w.close()
    tap.plan()
    return 0 if tap.failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
