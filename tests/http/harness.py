"""harness.py — what the HTTP suite needs around its cases: TAP output, a
server under test on a free port, an HTTP client with a cookie jar that
records every response (for the header checks), a raw socket for malformed
requests, and small HTML helpers. Python 3 standard library only."""

import html as htmlmod
import http.client
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import traceback
import urllib.parse

TIMEOUT = float(os.environ.get("EVNE_HTTP_TIMEOUT", "30"))


# ---- TAP ------------------------------------------------------------------

class Tap:
    """One `ok`/`not ok` line per check; diagnostics as `# ` lines. The plan
    goes last (`1..N`), so a crash mid-run shows as a plan mismatch."""

    def __init__(self, out=sys.stdout):
        self.n = 0
        self.failed = 0
        self.out = out

    def _emit(self, line):
        self.out.write(line + "\n")
        self.out.flush()

    def diag(self, text):
        for line in str(text).splitlines() or [""]:
            self._emit("# " + line)

    def ok(self, cond, name, diag=None):
        self.n += 1
        name = name.replace("\n", " ")
        if cond:
            self._emit("ok %d - %s" % (self.n, name))
        else:
            self.failed += 1
            self._emit("not ok %d - %s" % (self.n, name))
            if diag:
                self.diag(diag)
        return bool(cond)

    def skip(self, name, why):
        self.n += 1
        self._emit("ok %d - %s # SKIP %s" % (self.n, name, why))

    def eq(self, got, want, name, extra=None):
        d = "want %r, got %r" % (want, got)
        if extra:
            d += "\n" + str(extra)
        return self.ok(got == want, name, d)

    def status(self, resp, want, name):
        """want: an int or a tuple of ints."""
        wants = want if isinstance(want, (tuple, list, set)) else (want,)
        return self.ok(resp is not None and resp.status in wants, name,
                       None if resp is None else "want status %s, got %s for %s %s\n%s" % (
                           "/".join(map(str, wants)), resp.status, resp.method, resp.path,
                           resp.snippet()))

    def guard(self, name, fn, *args, **kw):
        """Runs a case group; an exception is one failure, not a crash."""
        try:
            return fn(*args, **kw)
        except Exception:
            self.ok(False, "%s (raised an exception)" % name, traceback.format_exc())
            return None

    def plan(self):
        self._emit("1..%d" % self.n)


# ---- responses and the client --------------------------------------------

class Resp:
    def __init__(self, method, path, status, headers, body, elapsed):
        self.method = method
        self.path = path
        self.status = status
        self.headers = headers          # [(name, value)] as received
        self.body = body
        self.elapsed = elapsed

    def header(self, name):
        name = name.lower()
        vals = [v for k, v in self.headers if k.lower() == name]
        return vals[-1] if vals else None

    def header_all(self, name):
        name = name.lower()
        return [v for k, v in self.headers if k.lower() == name]

    @property
    def text(self):
        return self.body.decode("utf-8", "replace")

    @property
    def ctype(self):
        return (self.header("Content-Type") or "").split(";")[0].strip().lower()

    def json(self):
        return json.loads(self.body.decode("utf-8"))

    def snippet(self, n=600):
        t = self.text
        return "%s %s -> %d %s\n%s" % (self.method, self.path, self.status, self.ctype,
                                       t[:n] + ("..." if len(t) > n else ""))


class Recorder:
    """Every response any client received, for the all-responses checks."""

    def __init__(self):
        self.responses = []

    def add(self, r):
        self.responses.append(r)


class Client:
    """One user agent: a cookie jar, optional default headers (Bearer)."""

    def __init__(self, host, port, recorder=None, headers=None, label="anonymous"):
        self.host = host
        self.port = port
        self.jar = {}
        self.recorder = recorder
        self.default_headers = dict(headers or {})
        self.label = label
        self.csrf = None

    def cookie_header(self):
        return "; ".join("%s=%s" % kv for kv in self.jar.items())

    def _store_cookies(self, resp):
        for sc in resp.header_all("Set-Cookie"):
            first = sc.split(";", 1)[0]
            if "=" not in first:
                continue
            name, value = first.split("=", 1)
            attrs = sc.lower()
            expired = re.search(r";\s*max-age=0\b", attrs) or re.search(r";\s*max-age=-", attrs) \
                or ("expires=thu, 01 jan 1970" in attrs)
            if expired or value == "":
                self.jar.pop(name.strip(), None)
            else:
                self.jar[name.strip()] = value.strip()

    def request(self, method, path, body=None, headers=None, form=None, json_body=None,
                cookies=True, timeout=None):
        h = dict(self.default_headers)
        if form is not None:
            body = urllib.parse.urlencode(form).encode()
            h["Content-Type"] = "application/x-www-form-urlencoded"
        if json_body is not None:
            body = json.dumps(json_body).encode()
            h["Content-Type"] = "application/json"
        if cookies and self.jar:
            h["Cookie"] = self.cookie_header()
        if headers:
            for k, v in headers.items():
                if v is None:
                    h.pop(k, None)
                else:
                    h[k] = v
        if isinstance(body, str):
            body = body.encode()
        conn = http.client.HTTPConnection(self.host, self.port, timeout=timeout or TIMEOUT)
        t0 = time.monotonic()
        try:
            conn.request(method, path, body=body, headers=h)
            r = conn.getresponse()
            data = r.read()
            resp = Resp(method, path, r.status, r.getheaders(), data, time.monotonic() - t0)
        finally:
            conn.close()
        self._store_cookies(resp)
        if self.recorder is not None:
            self.recorder.add(resp)
        return resp

    def get(self, path, **kw):
        return self.request("GET", path, **kw)

    def post(self, path, **kw):
        return self.request("POST", path, **kw)


def raw_exchange(host, port, data, timeout=10.0, read_limit=1 << 20, send_chunks=None):
    """Sends bytes over a fresh socket and reads until close or timeout.
    Returns (status or None, bytes read, how it ended: 'closed'|'timeout'|'reset')."""
    s = socket.create_connection((host, port), timeout=timeout)
    s.settimeout(timeout)
    got = b""
    end = "closed"
    try:
        try:
            if send_chunks:
                for chunk in send_chunks:
                    s.sendall(chunk)
            else:
                s.sendall(data)
        except (BrokenPipeError, ConnectionResetError):
            end = "reset"
        deadline = time.monotonic() + timeout
        while len(got) < read_limit:
            if time.monotonic() > deadline:
                end = "timeout"
                break
            try:
                chunk = s.recv(65536)
            except socket.timeout:
                end = "timeout"
                break
            except ConnectionResetError:
                end = "reset"
                break
            if not chunk:
                break
            got += chunk
            # one response is enough: stop when the headers and a declared body are in
            m = re.match(rb"HTTP/1\.[01] \d{3}[^\r\n]*\r\n(.*?)\r\n\r\n", got, re.S)
            if m:
                cl = re.search(rb"(?im)^content-length:\s*(\d+)", m.group(1))
                if cl and len(got) >= m.end() + int(cl.group(1)):
                    break
    finally:
        s.close()
    m = re.match(rb"HTTP/1\.[01] (\d{3})", got)
    return (int(m.group(1)) if m else None), got, end


# ---- HTML helpers ----------------------------------------------------------

def find_input_value(page, name):
    """The value of <input name=NAME value=...> (attributes in any order)."""
    for m in re.finditer(r"<input\b[^>]*>", page, re.I | re.S):
        tag = m.group(0)
        if re.search(r"\bname\s*=\s*[\"']?%s[\"'\s>/]" % re.escape(name), tag, re.I):
            v = re.search(r"\bvalue\s*=\s*(\"([^\"]*)\"|'([^']*)')", tag, re.I)
            if v:
                return htmlmod.unescape(v.group(2) if v.group(2) is not None else v.group(3))
    return None


def form_html(page, action):
    """The first <form ...action="ACTION"...>...</form>, or None."""
    m = re.search(r"<form\b[^>]*\baction\s*=\s*\"%s\"[^>]*>.*?</form>" % re.escape(action), page, re.I | re.S)
    return m.group(0) if m else None


def form_csrf(page, action):
    """The csrf value inside the form posting to ACTION (what a browser sends)."""
    f = form_html(page, action)
    return find_input_value(f, "csrf") if f else None


def all_csrf(page):
    return [htmlmod.unescape(v) for v in re.findall(
        r"<input\b[^>]*\bname=\"csrf\"[^>]*\bvalue=\"([^\"]*)\"", page, re.I)]


def find_csrf(page):
    v = find_input_value(page, "csrf")
    if v:
        return v
    m = re.search(r"<meta\s+name=\"csrf-token\"\s+content=\"([^\"]+)\"", page, re.I)
    return htmlmod.unescape(m.group(1)) if m else None


def has_input(page, name):
    return re.search(r"<(input|textarea|select)\b[^>]*\bname\s*=\s*[\"']?%s[\"'\s>/]" % re.escape(name),
                     page, re.I) is not None


def html_lang(page):
    m = re.search(r"<html\b[^>]*\blang\s*=\s*[\"']?([A-Za-z-]+)", page, re.I)
    return m.group(1) if m else None


def visible_text(page):
    page = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", page)
    t = re.sub(r"(?s)<[^>]*>", " ", page)
    return re.sub(r"\s+", " ", htmlmod.unescape(t)).strip()


def links(page):
    """Same-site paths from href= and action= (GET forms are not followed)."""
    out = []
    for m in re.finditer(r"\bhref\s*=\s*\"([^\"]*)\"", page, re.I):
        u = htmlmod.unescape(m.group(1))
        if u.startswith("/") and not u.startswith("//"):
            out.append(u.split("#", 1)[0])
    return out


# ---- the server under test -------------------------------------------------

def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


class Server:
    def __init__(self, binary, db, logpath, workers=4, extra_env=None):
        self.binary = binary
        self.db = db
        self.logpath = logpath
        self.workers = workers
        self.port = None
        self.proc = None
        self.log = None
        self.env = dict(os.environ)
        self.env.update(extra_env or {})

    def start(self, wait=30.0):
        self.port = free_port()
        self.log = open(self.logpath, "ab")
        self.proc = subprocess.Popen(
            [self.binary, "serve", "--db", self.db, "--listen", "127.0.0.1:%d" % self.port,
             "--workers", str(self.workers)],
            stdin=subprocess.DEVNULL, stdout=self.log, stderr=self.log, env=self.env)
        deadline = time.monotonic() + wait
        last = None
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                return False, "exited with %s before answering" % self.proc.returncode
            try:
                conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=2)
                conn.request("GET", "/healthz")
                r = conn.getresponse()
                body = r.read()
                conn.close()
                if r.status == 200 and body.strip() == b"ok":
                    return True, ""
                last = "healthz answered %d %r" % (r.status, body[:80])
            except OSError as e:
                last = str(e)
            time.sleep(0.1)
        return False, "no healthy answer in %.0fs (%s)" % (wait, last)

    def alive(self):
        return self.proc is not None and self.proc.poll() is None

    def stop(self, timeout=30.0):
        """SIGTERM, then wait; returns the exit status (None if it had to be killed)."""
        if self.proc is None:
            return None
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)
                return None
        return self.proc.returncode

    def kill(self):
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                pass
        if self.log:
            self.log.close()
            self.log = None

    def log_tail(self, n=30):
        try:
            with open(self.logpath, "rb") as f:
                return b"\n".join(f.read().splitlines()[-n:]).decode("utf-8", "replace")
        except OSError:
            return ""
