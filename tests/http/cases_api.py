"""cases_api.py — the JSON API (contract.md, "HTTP"): collection shape, limits,
cursor paging, 201 + Location, validation errors as RFC 9457 problem details,
404 and 409, Norwegian order and case-insensitive search with æøå
(product.md: Norwegian rules; design.md: ICU collation, æ, ø, å sort last)."""

import urllib.parse

CONTRACT_COLLECTIONS = ("units", "people", "competences", "cycles", "needs", "measures", "conversations",
                        "plans")
SURNAME = "Kvistbakkenø"      # unique to this suite, so a search finds only our people


def problem_ok(r, status):
    if r.status != status or r.ctype != "application/problem+json":
        return False
    try:
        d = r.json()
    except ValueError:
        return False
    return all(k in d for k in ("type", "title", "status")) and d["status"] == status


def run(w):
    t = w.tap
    api = w.api("admin")
    if not w.token:
        t.ok(False, "an admin API token for the API cases")
        return
    routes = {(m, p) for m, p, _ in w.routes}
    present = [c for c in CONTRACT_COLLECTIONS if ("GET", "/api/v1/" + c) in routes]
    missing = [c for c in CONTRACT_COLLECTIONS if c not in present]
    if missing:
        t.diag("contract collections not (yet) in the route table: %s" % ", ".join(missing))

    for coll in present:
        r = api.get("/api/v1/" + coll)
        ok = r.status == 200 and r.ctype == "application/json"
        doc = r.json() if ok else {}
        t.ok(ok and isinstance(doc.get("items"), list) and "next" in doc and
             (doc["next"] is None or isinstance(doc["next"], str)),
             "GET /api/v1/%s is {\"items\": [...], \"next\": cursor-or-null}" % coll, r.snippet(400))
        for bad in ("0", "501", "-1", "abc", "1e3"):
            r = api.get("/api/v1/%s?limit=%s" % (coll, bad))
            t.ok(problem_ok(r, 400), "GET /api/v1/%s?limit=%s answers 400 problem+json" % (coll, bad),
                 r.snippet(300))
        for good in ("1", "500"):
            r = api.get("/api/v1/%s?limit=%s" % (coll, good))
            t.ok(r.status == 200 and len(r.json().get("items", [])) <= int(good),
                 "GET /api/v1/%s?limit=%s answers at most %s items" % (coll, good, good), r.snippet(300))
        r = api.get("/api/v1/%s?cursor=%s" % (coll, urllib.parse.quote("not a cursor ' OR 1=1 --")))
        t.ok(problem_ok(r, 400), "GET /api/v1/%s with a forged cursor answers 400 problem+json" % coll,
             r.snippet(300))
        r = api.get("/api/v1/%s/999999999" % coll)
        t.ok(problem_ok(r, 404), "GET /api/v1/%s/999999999 answers 404 problem+json" % coll, r.snippet(300))
        r = api.get("/api/v1/%s/abc" % coll)
        t.ok(r.status in (400, 404) and r.ctype == "application/problem+json",
             "GET /api/v1/%s/abc answers 400/404 problem+json" % coll, r.snippet(300))

    # Default page size is 50.
    r = api.get("/api/v1/people")
    if r.status == 200:
        n = len(r.json()["items"])
        t.ok(n == 50 or (n < 50 and r.json()["next"] is None), "GET /api/v1/people returns 50 items by default",
             "got %d" % n)

    # POST: 201, Location, the new object; and GET Location gives it back.
    r = api.post("/api/v1/units", json_body={"name": "Testeininga for API", "code": "API-T1"})
    created = r.status == 201
    t.ok(created, "POST /api/v1/units answers 201", r.snippet(400))
    unit = r.json() if created else {}
    loc = r.header("Location") or ""
    t.ok(created and unit.get("id") and loc.endswith("/api/v1/units/%s" % unit.get("id")),
         "POST /api/v1/units has Location: /api/v1/units/{id}", "Location %r, body %r" % (loc, unit))
    t.ok(created and unit.get("name") == "Testeininga for API" and unit.get("code") == "API-T1" and
         all(k in unit for k in ("id", "name", "code", "parent_id", "leader_id")),
         "the 201 body is the unit with the contract's fields", repr(unit))
    if loc:
        path = loc if loc.startswith("/") else "/" + loc.split("/", 3)[-1]
        r2 = api.get(path)
        t.ok(r2.status == 200 and r2.json().get("id") == unit.get("id"), "GET Location answers the new unit",
             r2.snippet(300))
    r = api.post("/api/v1/units", json_body={"name": "Ein til", "code": "API-T1"})
    t.ok(problem_ok(r, 409) or (problem_ok(r, 422) and any(e.get("field") == "code" for e in r.json().get("errors", []))),
         "POST /api/v1/units with a code in use answers 409 (or 422 on code)", r.snippet(300))

    # Bad input: 422 with errors[{field, message}]; malformed JSON 400.
    def field_errors(r):
        try:
            return {e.get("field"): e.get("message") for e in r.json().get("errors", [])}
        except (ValueError, AttributeError):
            return {}
    r = api.post("/api/v1/units", json_body={"name": "", "code": "API-T2"})
    fe = field_errors(r)
    t.ok(problem_ok(r, 422) and "name" in fe and fe["name"], "POST a unit without a name answers 422 with errors[name]",
         r.snippet(400))
    r = api.post("/api/v1/units", json_body={"name": "Foreldrelaus", "code": "API-T3", "parent_id": 999999999})
    fe = field_errors(r)
    t.ok(r.status in (404, 409, 422) and r.ctype == "application/problem+json" and
         (r.status != 422 or "parent_id" in fe), "POST a unit under a parent that does not exist is refused",
         r.snippet(400))
    for body in (b"{", b"[]", b'{"name": 5, "code": true}', b"\xff\xfe", b'{"name":"a\\ud800","code":"X"}'):
        r = api.post("/api/v1/units", body=body, headers={"Content-Type": "application/json"})
        t.ok(r.status in (400, 422) and r.ctype == "application/problem+json",
             "POST /api/v1/units with body %r answers 400/422 problem+json" % body[:30], r.snippet(300))
    deep = b"[" * 10000 + b"]" * 10000
    r = api.post("/api/v1/units", body=deep, headers={"Content-Type": "application/json"})
    t.ok(r.status in (400, 413, 422), "deeply nested JSON is refused, not a crash", r.snippet(200))

    unit_id = unit.get("id")
    if unit_id:
        r = api.post("/api/v1/people", json_body={"name": "Feil Epost", "email": "ikkje-ei-adresse",
                                                  "employee_number": "API-E0", "unit_id": unit_id})
        fe = field_errors(r)
        t.ok(problem_ok(r, 422) and "email" in fe, "POST a person with a bad e-mail answers 422 with errors[email]",
             r.snippet(400))
        r = api.post("/api/v1/people", json_body={"name": "", "email": "", "employee_number": "", "unit_id": unit_id})
        fe = field_errors(r)
        t.ok(problem_ok(r, 422) and "name" in fe, "POST an empty person answers 422 naming the fields",
             r.snippet(400))
        # PATCH and its validation
        r = api.request("PATCH", "/api/v1/units/%d" % unit_id, json_body={"name": "Omdøypt eining"})
        t.ok(r.status == 200 and r.json().get("name") == "Omdøypt eining", "PATCH /api/v1/units/{id} renames",
             r.snippet(300))
        r = api.request("PATCH", "/api/v1/units/%d" % unit_id, json_body={"parent_id": unit_id})
        t.ok(r.status in (409, 422) and r.ctype == "application/problem+json",
             "PATCH a unit to be its own parent is refused", r.snippet(300))
        r = api.request("PATCH", "/api/v1/units/999999999", json_body={"name": "x"})
        t.ok(problem_ok(r, 404), "PATCH an unknown unit answers 404 problem+json", r.snippet(300))

        # Norwegian order and search (æ, ø, å last; case-insensitive with æøå).
        names = ["Åse " + SURNAME, "Zahl " + SURNAME, "Øyvind " + SURNAME, "Ærlig " + SURNAME,
                 "Anders " + SURNAME, "Østby " + SURNAME, "ørjan " + SURNAME]
        made = 0
        for i, n in enumerate(names):
            r = api.post("/api/v1/people", json_body={"name": n, "email": "sort%d@test.evne.example" % i,
                                                      "employee_number": "SORT-%d" % i, "unit_id": unit_id,
                                                      "job_title": "Sorterar"})
            made += r.status == 201
            if r.status == 201 and i == 0:
                p = r.json()
                t.ok(r.header("Location", ) and all(k in p for k in ("id", "name", "email", "employee_number",
                                                                     "unit_id", "job_title", "active")),
                     "POST /api/v1/people answers 201 with the contract's fields and Location", r.snippet(300))
        t.ok(made == len(names), "POST /api/v1/people created the sorting people (%d/%d)" % (made, len(names)))
        r = api.get("/api/v1/people?limit=500&q=" + urllib.parse.quote(SURNAME))
        got = [p["name"].split()[0] for p in r.json().get("items", [])] if r.status == 200 else []
        want = ["Anders", "Zahl", "Ærlig", "Øyvind", "ørjan", "Østby", "Åse"]
        pos = {n: i for i, n in enumerate(got)}
        order_ok = all(n in pos for n in want) and pos["Zahl"] < pos["Ærlig"] < pos["Øyvind"] < pos["Åse"] and \
            pos["Anders"] < pos["Zahl"] and pos["Østby"] < pos["Åse"] and pos["ørjan"] < pos["Åse"] and \
            pos["Ærlig"] < pos["ørjan"]
        t.ok(order_ok, "people are in Norwegian order: Zahl < Ærlig < Øyvind < Åse (æ, ø, å last)",
             "got %s" % got)
        t.ok(all(n in pos for n in ("ørjan", "Østby", "Øyvind")) and pos["ørjan"] < pos["Østby"] < pos["Øyvind"],
             "ø sorts the same in upper and lower case (ørjan < Østby < Øyvind)", "got %s" % got)
        for q, must in (("øst", "Østby"), ("ØST", "Østby"), ("østby", "Østby"), ("ærl", "Ærlig"), ("åse", "Åse"),
                        ("ØRJAN", "ørjan")):
            r = api.get("/api/v1/people?q=" + urllib.parse.quote(q))
            found = [p["name"] for p in r.json().get("items", [])] if r.status == 200 else []
            t.ok(any(n.split()[0] == must for n in found),
                 "GET /api/v1/people?q=%s finds %s (case-insensitive with æøå)" % (q, must), "found %s" % found)
        web = w.clients.get("hr")
        if web:
            for q in ("øst", "ØST"):
                r = web.get("/people?q=" + urllib.parse.quote(q))
                t.ok(r.status == 200 and "Østby " + SURNAME in r.text,
                     "the web page /people?q=%s finds Østby (case-insensitive with æøå)" % q, r.snippet(300))
        r = api.get("/api/v1/people?q=" + urllib.parse.quote("zzqx-ingen-treff"))
        t.ok(r.status == 200 and r.json().get("items") == [] and r.json().get("next") is None,
             "a search without hits answers an empty list and next null", r.snippet(200))
        r = api.get("/api/v1/people?q=" + urllib.parse.quote("%' OR 1=1 --"))
        t.ok(r.status == 200 and r.json().get("items") == [], "a search with SQL characters finds nothing",
             r.snippet(200))

    # Cursor paging: every person exactly once, in the same order as one big page.
    everyone = api.get("/api/v1/people?limit=500")
    if everyone.status == 200:
        full = [p["id"] for p in everyone.json()["items"]]
        paged, cursor, pages = [], None, 0
        while pages < 1000:
            path = "/api/v1/people?limit=7" + ("&cursor=" + urllib.parse.quote(cursor, safe="") if cursor else "")
            r = api.get(path)
            if r.status != 200:
                t.ok(False, "paging through /api/v1/people with limit=7", r.snippet(300))
                break
            d = r.json()
            pages += 1
            paged += [p["id"] for p in d["items"]]
            cursor = d.get("next")
            if not cursor:
                break
        t.ok(len(paged) == len(set(paged)), "cursor paging returns no person twice (%d people, %d pages)" % (
            len(paged), pages), "duplicates: %s" % sorted({i for i in paged if paged.count(i) > 1})[:20])
        t.ok(paged == full, "cursor paging returns every person once, in the order of one big page",
             "paged %d, one page %d" % (len(paged), len(full)))
        units_paged, cursor = [], None
        for _ in range(200):
            r = api.get("/api/v1/units?limit=3" + ("&cursor=" + urllib.parse.quote(cursor, safe="") if cursor else ""))
            if r.status != 200:
                break
            units_paged += [u["id"] for u in r.json()["items"]]
            cursor = r.json().get("next")
            if not cursor:
                break
        r = api.get("/api/v1/units?limit=500")
        t.ok(r.status == 200 and units_paged == [u["id"] for u in r.json()["items"]],
             "cursor paging through units returns each unit once", "paged %d" % len(units_paged))

    # Roles on the API: an employee's token reads but does not write.
    emp = w.api("employee") if "employee" in w.tokens else None
    if emp:
        r = emp.get("/api/v1/units")
        t.ok(r.status == 200, "an employee's token reads /api/v1/units", r.snippet(200))
        r = emp.post("/api/v1/units", json_body={"name": "Ulovleg", "code": "API-NO"})
        t.ok(problem_ok(r, 403), "an employee's token cannot POST /api/v1/units (403 problem+json)", r.snippet(300))
        if unit_id:
            r = emp.request("DELETE", "/api/v1/units/%d" % unit_id)
            t.ok(problem_ok(r, 403), "an employee's token cannot DELETE a unit (403)", r.snippet(300))
    anon = w.client()
    r = anon.get("/api/v1/units")
    t.ok(problem_ok(r, 401), "GET /api/v1/units without credentials answers 401 problem+json", r.snippet(300))
    r = anon.post("/api/v1/units", json_body={"name": "x", "code": "y"})
    t.ok(problem_ok(r, 401), "POST /api/v1/units without credentials answers 401 problem+json", r.snippet(300))

    # The session cookie with the CSRF header works for browser calls.
    hr = w.clients.get("hr")
    if hr:
        csrf = w.refresh_csrf(hr)
        r = hr.post("/api/v1/units", json_body={"name": "Frå nettlesaren", "code": "API-BROWSER"},
                    headers={"X-CSRF-Token": csrf or ""})
        t.ok(r.status == 201, "hr's session cookie plus X-CSRF-Token can POST /api/v1/units", r.snippet(300))

    # DELETE: a unit with people is a conflict; an empty one goes, then 404.
    r = api.post("/api/v1/units", json_body={"name": "Skal bort", "code": "API-DEL"})
    if r.status == 201:
        did = r.json()["id"]
        r = api.request("DELETE", "/api/v1/units/%d" % did)
        t.ok(r.status in (200, 204), "DELETE an empty unit answers 204/200", r.snippet(200))
        r = api.get("/api/v1/units/%d" % did)
        t.ok(problem_ok(r, 404), "the deleted unit answers 404", r.snippet(200))
    if unit_id:
        r = api.request("DELETE", "/api/v1/units/%d" % unit_id)
        t.ok(r.status == 409 and r.ctype == "application/problem+json",
             "DELETE a unit that has people answers 409 problem+json", r.snippet(300))
