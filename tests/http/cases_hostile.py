"""cases_hostile.py — hostile data (design.md, "HTML that cannot inject"):
units and people named with markup, a javascript: job title and a
spreadsheet formula prefix are created over the API; then every HTML page
reachable for every role is fetched and must carry them escaped: no
`<script>alert(1)`, no `<img src=x onerror`, no `href="javascript:`. The
JSON API must give the names back byte for byte."""

import collections
import re
import urllib.parse
from html.parser import HTMLParser

import harness

SCRIPT = "<script>alert(1)</script>"
IMG = "\"><img src=x onerror=alert(1)>"
JS = "javascript:alert(1)"
FORMULA = "=cmd|' /C calc'!A0"
PAGES_PER_ROLE = 160

FORBIDDEN = [
    (re.compile(r"<script>alert\(1\)", re.I), "unescaped <script>alert(1)"),
    (re.compile(r"<img src=x onerror", re.I), "unescaped <img src=x onerror"),
    (re.compile(r"(href|src|action|formaction)\s*=\s*[\"']?\s*javascript:", re.I), "a javascript: URL"),
    (re.compile(r"<script(?![^>]*\bsrc=)[^>]*>\s*\S", re.I), "an inline script"),
]


class TagCheck(HTMLParser):
    """Real tags only: event-handler attributes and unsafe URL schemes."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name.lower().startswith("on"):
                self.problems.append("<%s %s=...>: an event handler attribute" % (tag, name))
            if name.lower() in ("href", "src", "action", "formaction", "hx-get", "hx-post") and value and \
                    re.match(r"\s*(javascript|vbscript|data):", value, re.I):
                self.problems.append("<%s %s=%r>: an unsafe URL" % (tag, name, value[:60]))


def run(w):
    t = w.tap
    api = w.api("admin")
    made = {}
    parent = None
    if w.leader_person and w.scope_units:
        parent = min(w.scope_units)
    specs = [("unit-script", {"name": SCRIPT, "code": "XSS-1", "parent_id": parent}),
             ("unit-img", {"name": IMG, "code": "XSS-2", "parent_id": parent})]
    for key, body in specs:
        if body["parent_id"] is None:
            body.pop("parent_id")
        r = api.post("/api/v1/units", json_body=body)
        if t.ok(r.status == 201, "POST /api/v1/units named %r answers 201" % body["name"], r.snippet(300)):
            made[key] = r.json()
            got = api.get("/api/v1/units/%d" % r.json()["id"])
            t.ok(got.status == 200 and got.json().get("name") == body["name"] and got.json().get("code") == body["code"],
                 "the API gives the hostile unit name back unchanged", got.snippet(300))
    unit_id = (made.get("unit-script") or {}).get("id") or (w.units[0]["id"] if w.units else None)
    people = [("person-script", SCRIPT, JS),
              ("person-img", IMG + " Østby", JS),
              ("person-formula", FORMULA + " Formelsen", "@SUM(1+1)"),
              ("person-js", "javascript:alert(1) Lenkesen", "+1-1")]
    for i, (key, name, title) in enumerate(people):
        r = api.post("/api/v1/people", json_body={
            "name": name, "email": "hostile%d@test.evne.example" % i, "employee_number": "XSS-%d" % i,
            "unit_id": unit_id, "job_title": title})
        if t.ok(r.status == 201, "POST /api/v1/people named %r with job title %r answers 201" % (name, title),
                r.snippet(300)):
            made[key] = r.json()
            got = api.get("/api/v1/people/%d" % r.json()["id"])
            t.ok(got.status == 200 and got.json().get("name") == name and got.json().get("job_title") == title,
                 "the API gives the hostile person back unchanged", got.snippet(300))

    # Seeds for the crawl: every GET web route filled in, plus the hostile objects' pages.
    import cases_matrix
    ids = cases_matrix.Ids(w)
    seeds = ["/", "/units", "/people", "/people?q=" + urllib.parse.quote("<script>"),
             "/people?q=" + urllib.parse.quote("Østby"), "/people?q=" + urllib.parse.quote(IMG)]
    for key, obj in made.items():
        kind = "units" if key.startswith("unit") else "people"
        seeds += ["/%s/%d" % (kind, obj["id"]), "/%s/%d/edit" % (kind, obj["id"])]
    for m, p, perm in w.routes:
        if m == "GET" and not cases_matrix.is_api(p) and "{" not in p:
            seeds.append(p)
        elif m == "GET" and not cases_matrix.is_api(p):
            f = ids.fill(p)
            if f:
                seeds.append(f)
    # a search that echoes the hostile string back into the page (query and form value)
    seeds.append("/people?q=" + urllib.parse.quote(SCRIPT))
    seeds.append("/units?q=" + urllib.parse.quote(IMG))

    roles = [None] + [r for r in ("admin", "hr", "leader", "employee", "representative", "management") if r in w.clients]
    for role in roles:
        who = role or "anonymous"
        c = w.clients[role] if role else w.client("anonymous")
        seen, queue, fetched = set(), collections.deque(seeds), 0
        problems, langless, hostile_seen = [], [], 0
        while queue and fetched < PAGES_PER_ROLE:
            path = queue.popleft()
            if path in seen or path.startswith(("/logout", "/assets/", "/static/", "/api/")) or \
                    re.search(r"/(export|download)\b|\.(csv|xlsx|pdf)\b", path):
                continue
            seen.add(path)
            r = c.get(path)
            fetched += 1
            if r.ctype != "text/html" or r.status != 200:
                continue
            page = r.text
            for rx, what in FORBIDDEN:
                m = rx.search(page)
                if m:
                    a = max(0, m.start() - 80)
                    problems.append("%s: %s: ...%s..." % (path, what, page[a:m.end() + 80]))
            tc = TagCheck()
            tc.feed(page)
            problems += ["%s: %s" % (path, p) for p in tc.problems]
            if not harness.html_lang(page):
                langless.append(path)
            if "&lt;script&gt;alert(1)" in page or "onerror=alert(1)" in page:
                hostile_seen += 1
            for link in harness.links(page):
                if link not in seen:
                    queue.append(link)
        t.ok(not problems, "as %s: %d pages carry the hostile data escaped (no markup, no javascript: URL)" % (
            who, fetched), "\n".join(problems[:15]))
        t.ok(not langless, "as %s: every page has <html lang>" % who, "\n".join(langless[:10]))
        if role is not None and made:
            t.ok(hostile_seen > 0, "as %s: the hostile names were shown (escaped) on some page" % who,
                 "the crawl never met them; it fetched %d pages" % fetched)
