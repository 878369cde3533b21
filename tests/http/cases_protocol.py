"""cases_protocol.py — the protocol layer (design.md, http/: request limits,
responses): /healthz, /metrics, the body limit (413), malformed requests over
a raw socket (never a hang, never a crash), and the security headers on every
response any case received (contract.md, "HTTP", last line)."""

import re
import time

import harness

BODY_LIMIT_PROBE = 12 * 1024 * 1024     # the default body limit is 10 MiB


def healthy(w):
    try:
        r = w.client().get("/healthz", timeout=10)
        return r.status == 200 and r.text.strip() == "ok"
    except OSError:
        return False


def run(w):
    t = w.tap
    c = w.client()

    r = c.get("/healthz")
    t.ok(r.status == 200 and r.text.strip() == "ok", "GET /healthz answers 200 ok", r.snippet())
    r = c.get("/metrics")
    t.ok(r.status == 200 and r.ctype == "text/plain", "GET /metrics answers 200 text/plain", r.snippet())
    t.ok(re.search(r"(?m)^# TYPE evne_http_requests_total counter", r.text) is not None
         and re.search(r"(?m)^evne_http_requests_total(\{[^}]*\})? \d+(\.\d+)?", r.text) is not None,
         "GET /metrics has evne_http_requests_total in Prometheus text format", r.snippet(1500))
    bad = [l for l in r.text.splitlines()
           if l and not l.startswith("#") and not re.match(r"^[a-zA-Z_:][a-zA-Z0-9_:]*(\{.*\})? [-+0-9.eEInfa]+( \d+)?$", l)]
    t.ok(not bad, "every /metrics sample line parses as Prometheus text", "\n".join(bad[:10]))

    # 413: a body over the limit, announced by Content-Length, is refused before it is read.
    head = ("POST /login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
            "Content-Length: %d\r\nConnection: close\r\n\r\n" % BODY_LIMIT_PROBE).encode()
    chunk = b"a" * (1 << 20)
    t0 = time.monotonic()
    status, got, end = harness.raw_exchange("127.0.0.1", w.server.port, None, timeout=30,
                                            send_chunks=[head] + [chunk] * 12)
    t.ok(status == 413, "POST /login with a 12 MiB body answers 413",
         "status %r, ended %s after %.1fs: %r" % (status, end, time.monotonic() - t0, got[:300]))
    api = w.api("admin")
    try:
        r = api.post("/api/v1/units", body=b'{"name":"' + b"x" * BODY_LIMIT_PROBE + b'","code":"BIG"}',
                     headers={"Content-Type": "application/json"})
        t.ok(r.status == 413, "POST /api/v1/units with a 12 MiB JSON body answers 413", r.snippet(300))
        t.ok(r.ctype == "application/problem+json", "the API's 413 is problem+json", r.snippet(300))
    except OSError as e:
        t.ok(False, "POST /api/v1/units with a 12 MiB JSON body answers 413", "connection error: %s" % e)
    # chunked upload over the limit, with no Content-Length to check up front
    body = b"".join(b"%x\r\n%s\r\n" % (len(chunk), chunk) for _ in range(12)) + b"0\r\n\r\n"
    head = (b"POST /login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
            b"Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n")
    status, got, end = harness.raw_exchange("127.0.0.1", w.server.port, head + body, timeout=30)
    t.ok(status == 413 or (status is None and end in ("closed", "reset")),
         "a chunked 12 MiB body answers 413 (or the connection is closed)",
         "status %r, ended %s: %r" % (status, end, got[:300]))
    t.ok(healthy(w), "the server is healthy after the oversized bodies", w.server.log_tail())

    # Malformed requests: a 4xx answer or a closed connection, within the timeout, and alive after.
    cases = [
        ("a garbage request line", b"GARBAGE\r\n\r\n", (400, 405, 501, 505)),
        ("a request line without a version", b"GET /\r\n\r\n", (400, 505)),
        ("binary junk", bytes(range(256)) * 4 + b"\r\n\r\n", (400,)),
        ("a header line over 16 KiB",
         b"GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * (64 * 1024) + b"\r\n\r\n", (400, 413, 414, 431)),
        ("a request line over 16 KiB",
         b"GET /" + b"a" * (64 * 1024) + b" HTTP/1.1\r\nHost: x\r\n\r\n", (400, 404, 413, 414, 431)),
        ("a thousand headers",
         b"GET / HTTP/1.1\r\nHost: x\r\n" + b"".join(b"X-H%d: v\r\n" % i for i in range(1000)) + b"\r\n",
         (400, 413, 431, 200, 303)),
        ("a header without a colon", b"GET / HTTP/1.1\r\nHost: x\r\nNoColonHere\r\n\r\n", (400,)),
        ("a negative Content-Length",
         b"POST /login HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n", (400, 411, 413)),
        ("two different Content-Lengths",
         b"POST /login HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nContent-Length: 5\r\n\r\nabcde", (400, 403, 413)),
    ]
    for name, data, allowed in cases:
        t0 = time.monotonic()
        try:
            status, got, end = harness.raw_exchange("127.0.0.1", w.server.port, data, timeout=15)
        except OSError as e:
            status, got, end = None, b"", "error %s" % e
        dt = time.monotonic() - t0
        good = (status in allowed) or (status is None and end in ("closed", "reset"))
        t.ok(good and end != "timeout", "%s: answered %s or closed, no hang" % (
            name, "/".join(map(str, allowed))),
             "status %r, ended %s after %.1fs: %r" % (status, end, dt, got[:200]))
    t.ok(healthy(w), "the server is healthy after the malformed requests", w.server.log_tail())

    # Bad paths through the normal client: decoded paths are checked before routing.
    for path, allowed in (("/units/%zz", (400,)), ("/people/%G1", (400,)), ("/%", (400,)),
                          ("/units%00/1", (400, 404)), ("/login%00", (400, 404)),
                          ("/people/1%00", (400, 404)), ("/api/v1/units/1%00", (400, 404)),
                          ("/%C3%28", (400, 404)), ("/units/..%2f..%2fetc%2fpasswd", (400, 404)),
                          ("/assets/..%2f..%2fMakefile", (400, 404))):
        try:
            r = c.get(path)
            t.ok(r.status in allowed, "GET %s answers %s" % (path, "/".join(map(str, allowed))),
                 r.snippet(300))
            if r.status == 200 or "SRC :=" in r.text or "root:" in r.text:
                t.ok(False, "GET %s does not serve a file outside the assets" % path, r.snippet(300))
        except OSError as e:
            t.ok(False, "GET %s answers %s" % (path, allowed), str(e))

    # An idle connection that never finishes its headers is closed, and others are still served.
    import socket
    s = socket.create_connection(("127.0.0.1", w.server.port), timeout=5)
    s.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n")
    t.ok(healthy(w), "a half-sent request does not block other clients")
    s.close()

    # Unknown method and unknown page
    r = c.request("BREW", "/")
    t.ok(r.status in (400, 405, 501), "an unknown method answers 400/405/501", r.snippet(200))
    r = c.get("/no-such-page-here")
    t.ok(r.status == 404 and r.ctype == "text/html", "an unknown page answers a 404 HTML page", r.snippet(200))
    r = c.get("/api/v1/no-such-thing")
    t.ok(r.status in (401, 404) and r.ctype == "application/problem+json",
         "an unknown API path answers problem+json", r.snippet(200))


def csp_directives(v):
    out = {}
    for part in (v or "").split(";"):
        bits = part.strip().split()
        if bits:
            out[bits[0].lower()] = [b.lower() for b in bits[1:]]
    return out


def all_responses(w):
    """Security headers on every response any case received."""
    t = w.tap
    rs = w.recorder.responses
    if not rs:
        t.ok(False, "responses were recorded for the header checks")
        return

    def check(name, pred):
        bad = [r for r in rs if not pred(r)]
        t.ok(not bad, "%s (%d responses)" % (name, len(rs)),
             "\n".join("%s %s -> %d; CSP %r; nosniff %r; Referrer-Policy %r; Set-Cookie %r" % (
                 r.method, r.path, r.status, r.header("Content-Security-Policy"), r.header("X-Content-Type-Options"),
                 r.header("Referrer-Policy"), r.header_all("Set-Cookie")) for r in bad[:12]) + ("\n... %d in all" % len(bad) if len(bad) > 12 else ""))

    def csp_script(r):
        d = csp_directives(r.header("Content-Security-Policy"))
        src = d.get("script-src", d.get("default-src"))
        return r.header("Content-Security-Policy") is not None and src is not None and \
            "'unsafe-inline'" not in src and "'unsafe-eval'" not in src and "*" not in src
    check("every response has a Content-Security-Policy whose script-src has no 'unsafe-inline'", csp_script)
    check("every response's CSP has frame-ancestors 'none'",
          lambda r: csp_directives(r.header("Content-Security-Policy")).get("frame-ancestors") == ["'none'"])
    check("every response has X-Content-Type-Options: nosniff",
          lambda r: (r.header("X-Content-Type-Options") or "").lower() == "nosniff")
    check("every response has a Referrer-Policy",
          lambda r: (r.header("Referrer-Policy") or "").lower() in (
              "no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin",
              "no-referrer-when-downgrade", "origin", "origin-when-cross-origin"))
    check("no response is a 5xx", lambda r: r.status < 500)
    check("HTML responses say charset=utf-8",
          lambda r: r.ctype != "text/html" or "charset=utf-8" in (r.header("Content-Type") or "").lower())
    check("every cookie set is HttpOnly and SameSite",
          lambda r: all("httponly" in sc.lower() and "samesite" in sc.lower() for sc in r.header_all("Set-Cookie")))
    check("no response sets the same cookie twice",
          lambda r: len({sc.split("=", 1)[0] for sc in r.header_all("Set-Cookie")}) == len(r.header_all("Set-Cookie")))
    check("pages with a session are not cached (Cache-Control no-store or private)",
          lambda r: r.ctype != "text/html" or any(x in (r.header("Cache-Control") or "").lower()
                                                  for x in ("no-store", "private", "no-cache")))
