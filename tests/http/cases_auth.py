"""cases_auth.py — log-in, languages, log-out and the log-in rate limit
(contract.md, "HTTP": the log-in form, 303 with a session cookie, the form
again with an error that never says which field was wrong, POST /logout ends
the session, every state-changing form carries csrf; 429 too many attempts).
Runs last: it logs sessions out and trips the rate limit for 127.0.0.1."""

import re

import harness

PASSWORD = "Testpassord-for-evne-2026!"
RATE_WORDS = re.compile(r"for mange|too many|prøv (igjen|på nytt) (seinare|senere)|try again later|"
                        r"vent (litt|nokre|noen)|mange forsøk|mange freistnader", re.I)


def run(w):
    t = w.tap
    c = w.client("login-form")
    r = c.get("/login")
    page = r.text
    t.ok(r.status == 200 and r.ctype == "text/html", "GET /login answers an HTML page", r.snippet(300))
    t.ok(re.search(r"<form\b[^>]*\bmethod=\"?post\"?", page, re.I) is not None and
         re.search(r"<form\b[^>]*\baction=\"/login\"", page, re.I) is not None,
         "the log-in page has a POST form to /login", page[:600])
    t.ok(harness.has_input(page, "email") and harness.has_input(page, "password"),
         "the log-in form has the fields email and password")
    t.ok(re.search(r"<input\b[^>]*type=\"password\"[^>]*>", page, re.I) is not None,
         "the password field is type=password")
    csrf = harness.form_csrf(page, "/login")
    t.ok(bool(csrf) and re.search(r"<input\b[^>]*type=\"hidden\"[^>]*name=\"csrf\"|<input\b[^>]*name=\"csrf\"[^>]*type=\"hidden\"",
                                  page, re.I) is not None, "the log-in form has a hidden csrf field", page[:800])
    lbl = all(re.search(r"<label\b[^>]*\bfor=\"%s\"" % re.escape(i), page) for i in
              re.findall(r"<input\b[^>]*\bid=\"([^\"]+)\"[^>]*\bname=\"(?:email|password)\"", page))
    t.ok(lbl, "the log-in fields have labels (WCAG 1.3.1)")

    vals = harness.all_csrf(page)
    t.ok(len(set(vals)) == 1, "every form on the log-in page carries the same csrf (%d forms, %d values)" % (
        len(vals), len(set(vals))), "values: %s" % vals)
    names = [sc.split("=", 1)[0] for sc in r.header_all("Set-Cookie")]
    t.ok(len(names) == len(set(names)), "GET /login sets each cookie once", repr(r.header_all("Set-Cookie")))
    t.ok(w.login_csrf_problem is None,
         "logging in with the csrf of the log-in form itself works (what a browser sends)",
         "POST /login with the log-in form's csrf answered 403; the page's csrf values: %s; cookies: %s" % (
             harness.all_csrf(w.login_csrf_problem.text) if w.login_csrf_problem else "",
             w.login_csrf_problem.header_all("Set-Cookie") if w.login_csrf_problem else ""))

    # Missing or wrong csrf: 403, no session.
    good = {"email": w.emails["admin"], "password": PASSWORD}
    r = c.post("/login", form=dict(good))
    t.ok(r.status == 403 and not any("session" in s.lower() for s in r.header_all("Set-Cookie")) and r.status != 303,
         "POST /login without csrf answers 403", r.snippet(300))
    r = c.post("/login", form=dict(good, csrf="0" * 64))
    t.ok(r.status == 403, "POST /login with a wrong csrf answers 403", r.snippet(300))
    fresh = w.client("no-cookie")
    r = fresh.post("/login", form=dict(good, csrf=csrf or "x"))
    t.ok(r.status == 403, "POST /login with another browser's csrf (no cookie) answers 403", r.snippet(300))

    # The right password: 303, a HttpOnly SameSite session cookie, and the session works.
    c2, r = w.login(w.emails["employee"], PASSWORD, "login-ok")
    t.ok(r.status == 303, "POST /login with the right password answers 303", r.snippet(300))
    cookies = r.header_all("Set-Cookie")
    t.ok(cookies and all("httponly" in s.lower() for s in cookies), "the session cookie is HttpOnly", repr(cookies))
    t.ok(cookies and all(re.search(r"samesite=(lax|strict)", s, re.I) for s in cookies),
         "the session cookie is SameSite=Lax or Strict", repr(cookies))
    t.ok(cookies and all("path=/" in s.lower() for s in cookies), "the session cookie has Path=/", repr(cookies))
    loc = r.header("Location") or ""
    t.ok(loc.startswith("/") and not loc.startswith("//"), "the log-in redirect stays on the site", loc)
    r = c2.get("/")
    t.ok(r.status == 200 and re.search(r"<form\b[^>]*action=\"/logout\"", r.text) is not None,
         "the session opens the home page, with a log-out form", r.snippet(300))
    # a session id must change at log-in (no fixation): the pre-log-in cookie is not the session
    pre = w.client("fixation")
    pre_page = pre.get("/login")
    pre_jar = dict(pre.jar)
    pr = pre.post("/login", form={"email": w.emails["representative"], "password": PASSWORD,
                                  "csrf": harness.find_csrf(pre_page.text) or ""})
    new_vals = [sc.split(";", 1)[0].split("=", 1)[-1] for sc in pr.header_all("Set-Cookie")]
    t.ok(pr.status == 303 and new_vals and not any(v in pre_jar.values() for v in new_vals),
         "logging in issues a new session cookie (no session fixation)", "before %r after %r" % (pre_jar, pre.jar))
    only_pre = w.client("fixation-pre")
    only_pre.jar = dict(pre_jar)
    t.ok(only_pre.get("/").status == 303, "the cookies from before log-in are not a session")
    # an open redirect through a next= parameter is not followed off-site
    nx = w.client("next")
    p = nx.get("/login?next=" + "https://evil.example/")
    r = nx.post("/login?next=https://evil.example/", form={"email": w.emails["hr"], "password": PASSWORD,
                                                          "csrf": harness.find_csrf(p.text) or "",
                                                          "next": "https://evil.example/"})
    t.ok(r.status == 303 and not (r.header("Location") or "").startswith(("http", "//")),
         "log-in never redirects to another site (next=https://evil.example/)", r.header("Location"))

    # Wrong password and unknown e-mail: the same page, the same words.
    def failed_login(email):
        cc = w.client("bad-login")
        pg = cc.get("/login")
        rr = cc.post("/login", form={"email": email, "password": "Heilt-feil-passord-1",
                                     "csrf": harness.find_csrf(pg.text) or ""})
        return cc, rr
    cw, rw = failed_login(w.emails["employee"])
    cu, ru = failed_login("ingen-slik@test.evne.example")
    t.ok(rw.status in (200, 401) and rw.ctype == "text/html" and harness.has_input(rw.text, "password"),
         "a wrong password answers the form again (200/401)", rw.snippet(300))
    t.ok(cw.get("/").status == 303, "a wrong password gives no session", repr(rw.header_all("Set-Cookie")))
    tw = harness.visible_text(rw.text).replace(w.emails["employee"], "EMAIL")
    tu = harness.visible_text(ru.text).replace("ingen-slik@test.evne.example", "EMAIL")
    t.ok(ru.status == rw.status and tw == tu,
         "an unknown e-mail and a wrong password get the same answer (never saying which was wrong)",
         "wrong password: %s\nunknown e-mail: %s" % (tw[:400], tu[:400]))
    t.ok(not re.search(r"(feil|galt|ukjent|ukjend|wrong|unknown|incorrect|invalid)\s+"
                       r"(passord|password|e-post[\w-]*|e-mail|email)\b(?!\s+(eller|or)\b)|"
                       r"(passordet|password)\s+(er|is)\s+(feil|galt|wrong)|finnes ikke|finst ikkje|"
                       r"no (such )?(user|account)", tw, re.I),
         "the failure message names neither field", tw[:400])
    t.ok(harness.find_input_value(rw.text, "password") in (None, ""), "the form does not echo the password back")

    # Language: POST /lang switches <html lang>, for the session.
    lc = w.clients.get("representative") or c2
    csrf = w.refresh_csrf(lc)
    home = lc.get("/").text
    t.ok(re.search(r"<form\b[^>]*action=\"/lang\"", home) is not None and
         re.search(r"<button\b[^>]*name=\"lang\"[^>]*value=\"nn\"|<button\b[^>]*value=\"nn\"[^>]*name=\"lang\"", home)
         is not None, "every page has the language switcher (a POST /lang form with a button lang=nn)", home[:300])
    t.eq(harness.html_lang(home), "nb", "the default language is bokmål (<html lang=\"nb\">)")
    for code in ("nn", "en", "nb"):
        r = lc.post("/lang", form={"lang": code, "csrf": csrf or ""}, headers={"Referer": "http://127.0.0.1/units"})
        t.ok(r.status == 303, "POST /lang lang=%s answers 303" % code, r.snippet(200))
        p = lc.get("/units")
        t.eq(harness.html_lang(p.text), code, "after POST /lang lang=%s the pages say <html lang=\"%s\">" % (code, code))
    r = lc.post("/lang", form={"lang": "xx", "csrf": csrf or ""})
    t.ok(r.status in (303, 400, 422) and harness.html_lang(lc.get("/").text) in ("nb", "nn", "en"),
         "POST /lang with an unknown language changes nothing harmful", r.snippet(200))
    anon = w.client("anon-lang")
    pg = anon.get("/login")
    r = anon.post("/lang", form={"lang": "nn", "csrf": harness.find_csrf(pg.text) or ""})
    t.ok(r.status == 303 and harness.html_lang(anon.get("/login").text) == "nn",
         "an anonymous visitor can switch the log-in page to nynorsk", r.snippet(200))
    t.ok(re.search(r"tilgjenge|tilgjengelighet|accessibility", pg.text, re.I) is not None,
         "the log-in page links the accessibility statement (tilgjengelighetserklæring)")

    # Log-out: POST /logout with csrf ends the session; the old cookie no longer works.
    lo = w.clients.get("employee")
    if lo:
        old = dict(lo.jar)
        csrf = w.refresh_csrf(lo)
        r = lo.post("/logout", form={"csrf": csrf or ""})
        t.ok(r.status == 303, "POST /logout with csrf answers 303", r.snippet(200))
        stale = w.client("stale-cookie")
        stale.jar = old
        r = stale.get("/")
        t.ok(r.status == 303 and "/login" in (r.header("Location") or ""),
             "after log-out the old session cookie no longer works (303 to /login)", r.snippet(200))
        r = stale.get("/api/v1/units", headers={"X-CSRF-Token": csrf or ""})
        t.ok(r.status == 401, "after log-out the old cookie gets 401 on the API", r.snippet(200))
        r = lo.get("/units")
        t.ok(r.status == 303, "the logged-out browser is sent to /login", r.snippet(200))

    # Rate limit: repeated failures for one account -> 429 or the form with the
    # rate-limit message, and then even the right password is refused.
    email = w.emails["ratelimit"]
    limited, attempts, last = False, 0, None
    for attempts in range(1, 31):
        cc = w.client("ratelimit")
        pg = cc.get("/login")
        last = cc.post("/login", form={"email": email, "password": "feil-passord-%d" % attempts,
                                       "csrf": harness.find_csrf(pg.text) or ""})
        if last.status == 429 or (last.status != 303 and RATE_WORDS.search(harness.visible_text(last.text))):
            limited = True
            break
    t.ok(limited, "repeated wrong passwords are rate-limited (429 or the rate-limit message) within 30 tries",
         last.snippet(400) if last else "")
    if limited:
        t.diag("rate limit after %d failures (status %d)" % (attempts, last.status))
        t.ok(last.status == 429, "the rate-limited answer has status 429 (contract: 429 too many attempts)",
             last.snippet(200))
        t.ok(last.status != 429 or last.header("Retry-After"), "a 429 says Retry-After")
        cc = w.client("ratelimit-right")
        pg = cc.get("/login")
        r = cc.post("/login", form={"email": email, "password": PASSWORD, "csrf": harness.find_csrf(pg.text) or ""})
        t.ok(r.status != 303 and cc.get("/").status != 200,
             "within the window even the right password is refused", r.snippet(300))
