"""cases_matrix.py — the permission matrix (design.md: "A test walks every route
as every role"; src/domain/access.h). From `evne routes`:
  * every row names a known permission;
  * every GET route x (anonymous + each role): anonymous on a web page -> 303
    to /login, on the API -> 401 problem+json; a role without the permission
    -> 403; with it -> 200;
  * leaders act on people in their units only: in scope 200, elsewhere 403;
  * every state-changing route refuses a session without the CSRF token (403).
Ids for the {param} places come from the API, from links on the pages above
(the demo's cycle, strategy, unit goals and documents), and from a draft need
the matrix adds through the preparation form.
"""

import re

from harness import form_csrf

PERMS = ("public", "signed_in", "org_read", "unit_edit", "person_edit", "import", "audit_read",
         "user_admin", "cycle_read", "cycle_edit", "strategy_edit", "document_edit", "goals_edit",
         "prepare", "reading", "indicators_read", "discussion_read", "discussion_edit", "suggest",
         "compilation_read", "compile", "approve")
ROLES = ("admin", "hr", "leader", "employee", "representative", "management")


def allowed(role, perm):
    if perm == "public":
        return True
    if role is None:
        return False
    # the same table as src/domain/access.c, written out independently
    if perm in ("signed_in", "org_read", "cycle_read", "reading"):
        return True
    if perm in ("unit_edit", "import", "cycle_edit", "strategy_edit", "document_edit"):
        return role in ("admin", "hr")
    if perm in ("person_edit", "goals_edit", "prepare"):
        return role in ("admin", "hr", "leader")     # the test's leader leads units
    if perm == "indicators_read":
        return role in ("admin", "hr", "leader", "representative", "management")
    if perm == "discussion_edit":
        return role in ("admin", "hr", "leader")     # the leader's own units (handlers ask again)
    if perm == "discussion_read":
        # the test's employee has no person, so no unit of their own to read
        return role in ("admin", "hr", "leader", "representative", "management")
    if perm == "suggest":
        return role == "leader"     # of the test accounts only the leader belongs to a unit
    if perm == "compilation_read":
        return role in ("admin", "hr", "representative", "management")
    if perm == "compile":
        return role in ("admin", "hr")
    if perm == "approve":
        return role == "management"
    if perm in ("audit_read", "user_admin"):
        return role == "admin"
    return False


def is_api(pattern):
    return pattern.startswith("/api/")


class Ids:
    """Real ids to put in {param} places, by the collection a pattern is under."""

    def __init__(self, w):
        self.w = w
        self.cache = {}
        self.asset = None
        self.empty_unit = None
        if w.token:
            r = w.api("admin").post("/api/v1/units", json_body={"name": "Tom eining", "code": "EMPTY-1"})
            if r.status == 201:
                self.empty_unit = r.json()["id"]
        self.add_draft_needs()
        self.made = {}      # pattern prefix (up to a {param}) -> an id the setup below made
        self.suggestion_unit = None
        self.add_phase2_objects()
        self.add_strategy_items()

    def add_draft_needs(self):
        """A draft competence need (through the form, as admin) in the first
        cycle for the unit the routes get and for the leader's, so the
        .../needs/{need_id} routes have an object."""
        admin = self.w.clients.get("admin")
        cycle = self.first_id("cycles")
        if not admin or not cycle:
            return
        units = [self.first_id("units")]
        if self.w.scope_units:
            units.append(self.first_id("units", lambda u: u["id"] in self.w.scope_units))
        for unit in dict.fromkeys(u for u in units if u):
            action = "/cycles/%s/prepare/%s/needs" % (cycle, unit)
            page = admin.get("/cycles/%s/prepare/%s" % (cycle, unit))
            csrf = form_csrf(page.text, action) if page.status == 200 else None
            if csrf:
                admin.post(action, form={"csrf": csrf, "title": "Dataanalyse", "description": "Til tilsynet"})
            # a phase-2 need and measure, so .../proposals/.../needs/{need_id} routes have objects
            for kind, form in (("needs", {"title": "Dataanalyse", "criticality": "high", "horizon": "next_year"}),
                               ("measures", {"title": "Kurs", "kind": "develop"})):
                action = "/cycles/%s/proposals/%s/%s" % (cycle, unit, kind)
                page = admin.get(action + "/new")
                csrf = form_csrf(page.text, action) if page.status == 200 else None
                if csrf:
                    admin.post(action, form=dict(form, csrf=csrf))

    def add_phase2_objects(self):
        """A decided need and measure, a consultation with a PDF, a published
        competence-strategy version (send, approve as management, publish: the
        decision is back to compiling, so every page answers by role), and a
        suggestion by the leader in their unit."""
        cycle = self.first_id("cycles")
        admin, mgmt = self.w.clients.get("admin"), self.w.clients.get("management")
        if not self.w.token or not cycle:
            return
        api = self.w.api("admin")
        base = "/api/v1/cycles/%s" % cycle
        made = {}
        for key, coll, body in (("need", "decided-needs", {"title": "Dataanalyse", "criticality": "high",
                                                           "horizon": "next_year", "scope": "organisation"}),
                                ("measure", "decided-measures", {"kind": "develop", "title": "Kurs",
                                                                 "scope": "overarching"}),
                                ("cid", "consultations", {"held_on": "2027-03-15", "minutes": "Referat",
                                                          "participants": "Kari Nordmann (Fagforbundet)"})):
            r = api.post("%s/%s" % (base, coll), json_body=body)
            if r.status == 201:
                made[key] = r.json()["id"]
        for k, prefix in (("need", "/cycles/{id}/decided-needs"), ("need", "/cycles/{id}/compilation/needs"),
                          ("measure", "/cycles/{id}/decided-measures"),
                          ("measure", "/cycles/{id}/compilation/measures"), ("cid", "/cycles/{id}/consultations")):
            if k in made:
                self.made[prefix] = made[k]
        if "cid" in made and admin:
            # the web form's multipart upload: a PDF by its magic bytes
            page = "/cycles/%s/consultations/%s" % (cycle, made["cid"])
            action = page + "/files"
            csrf = form_csrf(admin.get(page).text, action) or self.w.refresh_csrf(admin)
            b = "evnematrixboundary"
            body = ("--%s\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n%s\r\n"
                    "--%s\r\nContent-Disposition: form-data; name=\"file\"; filename=\"referat.pdf\"\r\n"
                    "Content-Type: application/pdf\r\n\r\n%%PDF-1.4\n1 0 obj\n\r\n--%s--\r\n") % (b, csrf, b, b)
            admin.post(action, body=body.encode(),
                       headers={"Content-Type": "multipart/form-data; boundary=" + b})
            r = api.get("%s/consultations/%s" % (base, made["cid"]))
            files = (r.json().get("files") or []) if r.status == 200 else []
            if files:
                self.made["/cycles/{id}/consultations/{cid}/files"] = files[0]["id"]
        if mgmt and "need" in made and "cid" in made:
            api.post(base + "/decision/send")
            mgmt.post(base + "/decision/approve", json_body={},
                      headers={"X-CSRF-Token": self.w.refresh_csrf(mgmt) or ""})
            api.post(base + "/decision/publish", json_body={})
            r = api.get(base + "/competence-strategy")
            if r.status == 200 and r.json().get("number"):
                self.made["/cycles/{id}/competence-strategy/versions"] = r.json()["number"]
        leader = self.w.clients.get("leader")
        unit = self.first_id("units", lambda u: u["id"] in self.w.scope_units) if self.w.scope_units else None
        if leader and unit:
            r = leader.post("%s/discussions/%s/suggestions" % (base, unit), json_body={"body": "Mer kurs i Excel"},
                            headers={"X-CSRF-Token": self.w.refresh_csrf(leader) or ""})
            if r.status == 201:
                self.suggestion_unit = unit
                self.made["/cycles/{id}/discussions/{unit_id}/suggestions"] = r.json()["id"]

    def add_strategy_items(self):
        """The strategy's items: the API reads published ones (everyone who
        reads the cycle), the edit pages a draft's (PATCH {} starts a draft)."""
        cycle = self.first_id("cycles")
        if not self.w.token or not cycle:
            return
        api = self.w.api("admin")
        for query, prefix in (("", "/api/v1/strategy/"), ("?draft=true", "/strategy/")):
            if query:
                api.request("PATCH", "/api/v1/cycles/%s/strategy" % cycle, json_body={})
            r = api.get("/api/v1/cycles/%s/strategy%s" % (cycle, query))
            if r.status != 200:
                continue
            for mg in r.json().get("main_goals") or []:
                self.made.setdefault(prefix + "main-goals", mg["id"])
                for g in mg.get("strategic_goals") or []:
                    self.made.setdefault(prefix + "goals", g["id"])
                    for ind in g.get("indicators") or []:
                        self.made.setdefault(prefix + "indicators", ind["id"])
                        for val in ind.get("values") or []:
                            self.made.setdefault(prefix + "indicator-values", val["id"])

    def made_id(self, prefix):
        """An id the setup made for the {param} after PREFIX (a pattern), the longest key first."""
        for key in sorted(self.made, key=len, reverse=True):
            if prefix.replace("/api/v1", "", 1 if not key.startswith("/api/") else 0).endswith(key):
                return self.made[key]
        return None

    def collection_of(self, pattern, param_pos):
        segs = [s for s in pattern.split("/") if s]
        if segs[:2] == ["api", "v1"]:
            segs = segs[2:]
        # the segment before the {param}
        before = segs[param_pos - 1] if param_pos > 0 else None
        return before

    def first_id(self, collection, prefer=None):
        if collection in ("units", "people"):
            items = self.w.units if collection == "units" else self.w.people
            if prefer:
                for it in items:
                    if prefer(it):
                        return it["id"]
            return items[0]["id"] if items else None
        if collection not in self.cache:
            api = self.w.api("admin")
            r = api.get("/api/v1/%s?limit=500" % collection)
            self.cache[collection] = []
            if r.status == 200:
                self.cache[collection] = r.json().get("items") or []
        items = self.cache[collection]
        if prefer:
            for it in items:
                if prefer(it):
                    return it.get("id")
        return items[0].get("id") if items else None

    def fill(self, pattern, role=None, perm=None):
        """The pattern with real ids, or None when no id is known."""
        segs = pattern.split("/")
        out = []
        for i, s in enumerate(segs):
            m = re.fullmatch(r"\{(\w+)\}", s)
            if not m:
                out.append(s)
                continue
            coll = segs[i - 1] if i > 0 else ""
            prefer = None
            if coll == "units" and segs[-1] == "delete" and self.empty_unit:
                out.append(str(self.empty_unit))      # a unit that can be deleted: the page is a question
                continue
            if role == "leader" and coll == "people" and self.w.scope_units:
                prefer = lambda p: p.get("unit_id") in self.w.scope_units  # noqa: E731
            if role == "leader" and coll == "units" and self.w.scope_units:
                prefer = lambda u: u["id"] in self.w.scope_units  # noqa: E731
            if role == "leader" and coll in ("unit-goals", "needs", "measures") and self.w.scope_units:
                prefer = lambda g: g.get("unit_id") in self.w.scope_units  # noqa: E731
            if m.group(1) == "unit_id":
                # /cycles/{id}/prepare/{unit_id}: a unit, in the leader's scope when the role leads
                coll = "units"
                if role == "leader" and self.w.scope_units:
                    prefer = lambda u: u["id"] in self.w.scope_units  # noqa: E731
            if coll in ("assets", "static"):
                v = self.asset_name(coll)
            elif m.group(1) in ("id", "unit_id"):
                v = self.first_id(coll, prefer)
            else:
                v = None
            if m.group(1) == "suggestion_id" and role in ("representative", "management"):
                # they read the discussion (the route's permission) but delete only their own
                # suggestions, which allowed() cannot tell: the handler's 403 is right, so no check
                return None
            if m.group(1) == "unit_id" and "/suggestions/" in pattern and self.suggestion_unit:
                v = self.suggestion_unit      # the unit the leader's suggestion is in
            if v is None:
                v = self.made_id("/".join(segs[:i]))
            if v is None:
                # the prefix as filled so far: /cycles/1/prepare/3/steps/ for {n}
                v = self.linked_value("/".join(out) + "/",
                                      r"[0-9]+" if m.group(1) in ("id", "need_id", "measure_id")
                                      else r"[^\"/?#]+")
            if v is None and is_api(pattern):
                # the same object as the web pages link it: .../draft-needs/{need_id} is .../needs/N
                web = "/".join(out).replace("/api/v1", "", 1).replace("/draft-needs", "/needs") + "/"
                v = self.linked_value(web, r"[0-9]+")
            if v is None:
                return None
            out.append(str(v))
        path = "/".join(out)
        if segs[-1] == "file" and not self.linked_from_above(path):
            return None      # a download of an uploaded file: only when the version is a file
        return path

    def linked_from_above(self, path):
        """Whether a page above PATH (as an admin sees it) links to it."""
        admin = self.w.clients.get("admin")
        parts = [p for p in path.split("/") if p][:-1]
        for k in range(len(parts), 0, -1):
            page = admin.get("/" + "/".join(parts[:k])) if admin else None
            if page is not None and page.status == 200 and ('href="%s"' % path) in page.text:
                return True
        return False

    def linked_value(self, prefix, value_re):
        """A value for a {param} after PREFIX, taken from a link on the pages
        above it (as an admin sees them): /import/example/{file} from /import;
        an {id} takes digits only, so /admin/users/new is no id."""
        admin = self.w.clients.get("admin")
        if not admin:
            return None
        parts = [p for p in prefix.split("/") if p]
        for k in range(len(parts), -1, -1):
            page = admin.get("/" + "/".join(parts[:k]))
            if page.status != 200:
                continue
            m = re.search(r"(?:href|action)=\"%s(%s)[\"/?#]" % (re.escape(prefix), value_re), page.text)
            if m:
                return m.group(1)
        return None

    def asset_name(self, coll):
        page = self.w.client().get("/login").text
        m = re.search(r"(?:href|src)=\"/%s/([^\"?#]+)\"" % re.escape(coll), page)
        return m.group(1) if m else None


def expect(role, perm, api):
    if allowed(role, perm):
        return (200,)
    if role is None:
        return (401,) if api else (303,)
    return (403,)


def run(w):
    t = w.tap
    rows = w.routes
    bad = [r for r in rows if r[2] not in PERMS]
    t.ok(rows and not bad, "every route row names a known permission (%d rows)" % len(rows),
         "\n".join("%s %s %r" % r for r in bad))
    dup = sorted({(m, p) for m, p, _ in rows if sum(1 for r in rows if r[0] == m and r[1] == p) > 1})
    t.ok(not dup, "no route is listed twice", repr(dup))
    gets = [r for r in rows if r[0] == "GET"]
    t.ok(any(p == "/login" and perm == "public" for m, p, perm in gets), "GET /login is public")
    for coll in ("units", "people"):
        for m, p in (("GET", "/%s"), ("GET", "/%s/{id}")):
            t.ok((m, p % coll) in [(a, b) for a, b, _ in rows], "the web has %s %s (contract.md)" % (m, p % coll))
        t.ok(("GET", "/api/v1/" + coll) in [(a, b) for a, b, _ in rows], "the API has GET /api/v1/%s" % coll)

    ids = Ids(w)
    clients = {None: w.client("anonymous")}
    clients.update({r: w.clients[r] for r in ROLES if r in w.clients})
    for method, pattern, perm in gets:
        api = is_api(pattern)
        for role in (None,) + ROLES:
            who = role or "anonymous"
            if role is not None and role not in clients:
                t.skip("GET %s as %s" % (pattern, who), "no %s session" % who)
                continue
            path = ids.fill(pattern, role, perm)
            if path is None:
                t.skip("GET %s as %s" % (pattern, who), "no object to put in the pattern")
                continue
            c = clients[role]
            if api and role is not None:
                # the API face: a session cookie works for reading (contract: session or Bearer)
                pass
            want = expect(role, perm, api)
            r = c.get(path)
            name = "GET %s as %s -> %s (%s)" % (path, who, "/".join(map(str, want)), perm)
            good = r.status in want
            if good and r.status == 303:
                loc = r.header("Location") or ""
                good = re.match(r"^(https?://[^/]+)?/login([?#].*)?$", loc) is not None
                name += " to /login"
            if good and r.status == 401 and api:
                good = r.ctype == "application/problem+json"
            if good and r.status == 403:
                good = (r.ctype == "application/problem+json") if api else (r.ctype == "text/html")
            if not good and perm == "public" and role is not None and r.status == 303:
                good = True         # e.g. /login sends a signed-in user home
            t.ok(good, name, r.snippet(400))

    # Bearer tokens: the same rules on the API face.
    for role in ("admin", "employee"):
        if role not in w.tokens:
            continue
        api = w.api(role)
        for method, pattern, perm in gets:
            if not is_api(pattern):
                continue
            path = ids.fill(pattern, role, perm)
            if path is None:
                continue
            want = expect(role, perm, True)
            r = api.get(path)
            t.ok(r.status in want, "GET %s with %s's Bearer token -> %s" % (path, role, "/".join(map(str, want))),
                 r.snippet(300))
    r = w.client(headers={"Authorization": "Bearer not-a-real-token-0123456789abcdef"}).get("/api/v1/units")
    t.ok(r.status == 401 and r.ctype == "application/problem+json", "a wrong Bearer token answers 401 problem+json",
         r.snippet(300))

    # Leader scope: people in the units the leader leads (and below) yes, others no.
    leader = w.clients.get("leader")
    edit_routes = [p for m, p, perm in gets if perm == "person_edit" and p.startswith("/people/{id}")]
    if leader and w.scope_units and edit_routes:
        inside = [p for p in w.people if p.get("unit_id") in w.scope_units]
        outside = [p for p in w.people if p.get("unit_id") and p.get("unit_id") not in w.scope_units]
        for pattern in edit_routes:
            if inside:
                path = pattern.replace("{id}", str(inside[-1]["id"]))
                r = leader.get(path)
                t.ok(r.status == 200, "leader GET %s (a person in their unit) -> 200" % path, r.snippet(300))
            if outside:
                path = pattern.replace("{id}", str(outside[0]["id"]))
                r = leader.get(path)
                t.ok(r.status == 403, "leader GET %s (a person outside their units) -> 403" % path, r.snippet(300))
        if inside:
            csrf = w.refresh_csrf(leader)
            p = inside[-1]
            r = leader.request("PATCH", "/api/v1/people/%d" % p["id"], json_body={"job_title": "Fagleiar"},
                               headers={"X-CSRF-Token": csrf or ""})
            t.ok(r.status == 200 and r.json().get("job_title") == "Fagleiar",
                 "leader PATCH /api/v1/people/{id} in their units (cookie + X-CSRF-Token) -> 200", r.snippet(300))
        if outside and "leader" in w.clients:
            # and through the API with the session cookie + CSRF header
            csrf = w.refresh_csrf(leader)
            p = outside[0]
            r = leader.request("PATCH", "/api/v1/people/%d" % p["id"], json_body={"job_title": "Flytta"},
                               headers={"X-CSRF-Token": csrf or ""})
            t.ok(r.status == 403, "leader PATCH /api/v1/people/{id} outside their units -> 403", r.snippet(300))
    else:
        t.skip("leader scope checks", "no leader session, scope or person_edit page")

    # CSRF: every state-changing route refuses a session without the token.
    admin = w.clients.get("admin")
    if admin:
        for method, pattern, perm in rows:
            if method == "GET":
                continue
            path = ids.fill(pattern, "admin", perm)
            if path is None:
                t.skip("%s %s without csrf" % (method, pattern), "no object to put in the pattern")
                continue
            if is_api(pattern):
                r = admin.request(method, path, json_body={})
                t.ok(r.status == 403, "%s %s with a session but no X-CSRF-Token -> 403" % (method, path),
                     r.snippet(300))
                r = admin.request(method, path, json_body={}, headers={"X-CSRF-Token": "wrong" * 8})
                t.ok(r.status == 403, "%s %s with a wrong X-CSRF-Token -> 403" % (method, path), r.snippet(300))
            else:
                r = admin.request(method, path, form={"name": "x"})
                t.ok(r.status == 403, "%s %s with a session but no csrf field -> 403" % (method, path),
                     r.snippet(300))
                r = admin.request(method, path, form={"name": "x", "csrf": "0" * 64})
                t.ok(r.status == 403, "%s %s with a wrong csrf field -> 403" % (method, path), r.snippet(300))
        r = admin.get("/")
        t.ok(r.status == 200, "the admin session survived the CSRF probes (POST /logout without csrf did nothing)",
             r.snippet(200))
        # a cross-site form post: right cookie, no token, foreign Origin
        r = admin.request("POST", "/logout", form={}, headers={"Origin": "https://evil.example"})
        t.ok(r.status == 403, "a cross-site POST /logout is refused", r.snippet(200))
