#!/bin/sh
# test_page_cache.sh — the page cache of `evne serve` over real HTTP: a
# repeated GET is answered from it (GET /metrics counts the hits) with the
# same bytes; any committed change — through a page, through the API, or
# by another process writing the database (sqlite3, as an operator or
# `evne import` would) — is shown at once; each session gets its own page
# (its CSRF token, its role's view); a logged-out or closed session never
# gets a cached page; a flash message is shown once and never cached; the
# language is part of the key; API answers per token; --page-cache 0 turns
# it off, and a bad value of the flag is refused with a usage error.
# Prints TAP.
#
# Environment and tools: see lib.sh.
TEST_NAME=page_cache
. "$(dirname "$0")/lib.sh"

start_server --units 5 --people 40 --seed 11
HR_PASS=$(pass_of hr)
LEADER_PASS=$(pass_of leader)
HR=$(login hr.jar hr@demo.evne.no "$HR_PASS")
LEADER=$(login leader.jar leder@demo.evne.no "$LEADER_PASS")
[ -n "$HR" ] && [ -n "$LEADER" ] || fail_all "log-in"
UNIT=$(sql "SELECT u.id FROM units u JOIN people p ON p.id = u.leader_id
	JOIN users s ON s.person_id = p.id WHERE s.email = 'leder@demo.evne.no' LIMIT 1")
PERSON=$(sql "SELECT id FROM people WHERE unit_id = $UNIT AND active = 1 ORDER BY id LIMIT 1")
TOKEN=$(token hr@demo.evne.no)
[ -n "$UNIT" ] && [ -n "$PERSON" ] && [ -n "$TOKEN" ] || fail_all "set-up"

# hits — the page cache's hits so far.
hits() {
	curl -s "$B/metrics" | sed -n 's/^evne_page_cache_lookups_total{result="hit"} //p'
}

echo "1..35"

# ---- a repeated GET comes from the cache, byte for byte ----
is "GET /units/$UNIT as HR" "$(get hr.jar "/units/$UNIT")" 200
cp body first.html
H0=$(hits)
is "  ... again" "$(get hr.jar "/units/$UNIT")" 200
is "  ... from the cache (one more hit)" "$(hits)" "$((H0 + 1))"
if cmp -s first.html body; then ok "  ... the same bytes"; else not_ok "  ... the same bytes"; fi

# ---- each session its own page ----
is "the same page as the leader" "$(get leader.jar "/units/$UNIT")" 200
is "  ... is not HR's (no hit)" "$(hits)" "$((H0 + 1))"
is "  ... and carries the leader's CSRF token" "$(csrf_of)" "$LEADER"
get hr.jar "/units/$UNIT" >/dev/null
is "HR's cached page carries HR's token" "$(csrf_of)" "$HR"

# ---- a change by another process is seen at once ----
NAME=$(sql "SELECT name FROM people WHERE id = $PERSON")
sql "UPDATE people SET name = 'Åse Cachetest' WHERE id = $PERSON"
get hr.jar "/units/$UNIT" >/dev/null
has "a name changed by sqlite3 shows on the next GET" "Åse Cachetest"
lacks "  ... the old name is gone" ">$NAME<"
H1=$(hits)
get hr.jar "/units/$UNIT" >/dev/null
is "  ... and that page is cached in turn" "$(hits)" "$((H1 + 1))"
has "  ... with the new name" "Åse Cachetest"

# ---- a change through the API ----
is "GET /api/v1/people/$PERSON" "$(api "$TOKEN" GET "/api/v1/people/$PERSON")" 200
H2=$(hits)
api "$TOKEN" GET "/api/v1/people/$PERSON" >/dev/null
is "  ... again: a hit" "$(hits)" "$((H2 + 1))"
is "PATCH the job title through the API" \
	"$(api "$TOKEN" PATCH "/api/v1/people/$PERSON" '{"job_title":"Cacheforvalter"}')" 200
api "$TOKEN" GET "/api/v1/people/$PERSON" >/dev/null
is "  ... the next GET shows it" "$(json "j['job_title']")" "Cacheforvalter"
get hr.jar "/people/$PERSON" >/dev/null
has "  ... and so does the person's page" "Cacheforvalter"

# ---- a flash message is shown once, never cached ----
get hr.jar / >/dev/null
get hr.jar / >/dev/null
is "POST /lang (English)" "$(post hr.jar /lang csrf="$HR" lang=en return=/)" 303
is "  ... the home page after it" "$(get hr.jar /)" 200
has "  ... shows the flash message" "The language has been changed."
has "  ... in English" '<html lang="en"'
get hr.jar / >/dev/null
lacks "  ... once: not on the next GET" "The language has been changed."

# ---- a leader's units follow the data at once ----
CYCLE=$(sql "SELECT id FROM cycles ORDER BY id LIMIT 1")
is "the leader opens their unit's preparation" "$(get leader.jar "/cycles/$CYCLE/prepare/$UNIT")" 200
is "  ... twice" "$(get leader.jar "/cycles/$CYCLE/prepare/$UNIT")" 200
LEADER_OF=$(sql "SELECT leader_id FROM units WHERE id = $UNIT")
sql "UPDATE units SET leader_id = NULL WHERE id = $UNIT"
is "  ... no longer its leader (sqlite3): 403 at once" "$(get leader.jar "/cycles/$CYCLE/prepare/$UNIT")" 403
sql "UPDATE units SET leader_id = $LEADER_OF WHERE id = $UNIT"
is "  ... its leader again: 200" "$(get leader.jar "/cycles/$CYCLE/prepare/$UNIT")" 200

# ---- a closed session gets no cached page ----
get leader.jar "/units/$UNIT" >/dev/null
is "POST /logout as the leader" "$(post leader.jar /logout csrf="$LEADER")" 303
is "  ... the old session's GET goes to the log-in page" "$(get leader.jar "/units/$UNIT")" 303
sql "UPDATE users SET active = 0 WHERE email = 'hr@demo.evne.no'"
is "a closed account's cached page is not served (log-in page)" "$(get hr.jar "/units/$UNIT")" 303
sql "UPDATE users SET active = 1 WHERE email = 'hr@demo.evne.no'"

# ---- off ----
stop_server
serve --page-cache 0
HR=$(login hr.jar hr@demo.evne.no "$HR_PASS")
get hr.jar "/units/$UNIT" >/dev/null
get hr.jar "/units/$UNIT" >/dev/null
is "--page-cache 0: pages still answer" "$(get hr.jar "/units/$UNIT")" 200
is "  ... and /metrics has no page cache" "$(curl -s "$B/metrics" | grep -c evne_page_cache)" 0

# ---- bad values of the flag: refused, said, nothing started ----
check "--page-cache abc: usage error" 2 "$EVNE" serve --db "$DB" --listen 127.0.0.1:1 --page-cache abc
is "  ... says which flag and why" "$(grep -c 'page-cache must be a whole number from 0 to 4096, not "abc"' err)" 1
check "--page-cache 5000: over the limit" 2 "$EVNE" serve --db "$DB" --listen 127.0.0.1:1 --page-cache 5000
is "  ... says so" "$(grep -c 'not "5000"' err)" 1

exit $((FAILED > 0))
