#!/bin/sh
# test_prepare.sh — phase 1, the leader's preparation, over real HTTP
# (product.md, "1. Leader preparation" and "Indicators"; issue 4). Starts
# `evne serve` on a demo organisation with an open 2027 cycle and a leader
# guide, and checks: who may open the preparation (the unit's leader or a
# leader above it, HR and admin; an employee sees neither another unit's nor
# their own unit's notes; a representative neither); the checklist ticked and
# unticked with audit rows; notes and draft needs with bad input refused
# (422) writing nothing and hostile text escaped; the document pack chosen,
# confirmed and sent to the unit's own employees; an employee's confirmation
# counted in the indicators; the home page's rows by subtree (the leader's
# unit and its sub-units, HR's divisions) and the full list per unit (the
# prepared unit, the not-prepared filter, no names for representatives);
# the indicators API for each role, and its
# numbers against an SQL count of its own, also on an 800-person demo; a
# closed cycle read-only (409, no forms); the cycle's list of units 50 a
# page in Norwegian order, filtered by subtree and state, a leader's scope
# (403 outside it, one unit without filters), bad query values 400, no such
# unit or page 404. Prints TAP.
#
# Environment and tools: see lib.sh.
TEST_NAME=prepare
. "$(dirname "$0")/lib.sh"

# ---- a database and a server ----
demo_db --units 12 --people 80 --seed 5 --no-cycle
C=$(open_cycle 2027)
LEAD_PERSON=$(sql "SELECT person_id FROM users WHERE email = 'leder@demo.evne.no'")
LU=$(sql "SELECT id FROM units WHERE leader_id = $LEAD_PERSON ORDER BY id LIMIT 1")
EMP_UNIT=$(sql "SELECT p.unit_id FROM users u JOIN people p ON p.id = u.person_id WHERE u.email = 'ansatt@demo.evne.no'")
OUT=$(sql "SELECT id FROM units WHERE id <> $LU AND id <> $EMP_UNIT AND parent_id IS NOT NULL
	AND coalesce(parent_id, 0) <> $LU ORDER BY id LIMIT 1")
NB=$(printf '\302\240')   # the no-break space before "%" on pages
HR_TOKEN=$(token hr@demo.evne.no)
EMP_TOKEN=$(token ansatt@demo.evne.no)
LEAD_TOKEN=$(token leder@demo.evne.no)
REP_TOKEN=$(token tillitsvalgt@demo.evne.no)
serve
[ -n "$HR_TOKEN" ] || fail_all "token"

HR=$(login hr.jar hr@demo.evne.no "$(pass_of hr)")
LEAD=$(login lead.jar leder@demo.evne.no "$(pass_of leader)")
EMP=$(login emp.jar ansatt@demo.evne.no "$(pass_of employee)")
REP=$(login rep.jar tillitsvalgt@demo.evne.no "$(pass_of representative)")
[ -n "$HR" ] && [ -n "$LEAD" ] && [ -n "$EMP" ] && [ -n "$REP" ] || fail_all "log-ins"


# The leader prepares the unit the demo employee belongs to (a unit below
# their own, in their scope): then the employee receives the pack.
U=$EMP_UNIT
P=/cycles/$C/prepare/$U
is "the demo employee's unit is in the leader's scope" \
	"$(sql "SELECT parent_id = $LU OR id = $LU FROM units WHERE id = $U")" 1

# ---- who may open what ----
is "leader GET /cycles/$C/prepare: 200" "$(get lead.jar /cycles/$C/prepare)" 200
has "  ... lists their unit" "href=\"/cycles/$C/prepare/$LU\""
has "  ... and the unit below it" "href=\"$P\""
lacks "  ... but not a unit elsewhere" "href=\"/cycles/$C/prepare/$OUT\""
is "HR GET /cycles/$C/prepare: 200 with every unit" \
	"$(get hr.jar /cycles/$C/prepare)$(grep -o "href=\"/cycles/$C/prepare/[0-9]*\"" body | wc -l | tr -d ' ')" \
	"200$(sql 'SELECT count(*) FROM units')"
is "employee GET /cycles/$C/prepare: 403" "$(get emp.jar /cycles/$C/prepare)" 403
is "an employee cannot see their own unit's preparation" "$(get emp.jar $P)" 403
is "an employee cannot see another unit's preparation" "$(get emp.jar /cycles/$C/prepare/$OUT)" 403
is "a representative cannot see a unit's preparation" "$(get rep.jar $P)" 403
is "a leader cannot see a unit outside their units" "$(get lead.jar /cycles/$C/prepare/$OUT)" 403
is "a leader cannot write to a unit outside their units" \
	"$(post lead.jar /cycles/$C/prepare/$OUT/notes csrf="$LEAD" likely_goals=x)" 403
is "an employee cannot tick a step" "$(post emp.jar $P/steps/1 csrf="$EMP" ticked=1)" 403
is "the leader GET $P: 200" "$(get lead.jar $P)" 200
has "  ... the phase's key questions" "Hvilke mål og bidrag er utpekt for min enhet?"
has "  ... the checklist at 0 of 4" "0 av 4 punkter er krysset av."
has "  ... the link to the unit's read confirmations" "href=\"/units/$U/reading\""
is "HR GET $P: 200" "$(get hr.jar $P)" 200
is "unknown unit: 404" "$(get lead.jar /cycles/$C/prepare/999999)" 404
is "unknown cycle: 404" "$(get lead.jar /cycles/999999/prepare/$U)" 404

# ---- the checklist ----
for s in 1 2 3 4; do post lead.jar $P/steps/$s csrf="$LEAD" ticked=1 >/dev/null; done
is "four steps ticked" "$(sql "SELECT count(*) FROM prep_ticks WHERE cycle_id = $C AND unit_id = $U")" 4
is "  ... each with its text as shown" \
	"$(sql "SELECT step_text FROM prep_ticks WHERE cycle_id = $C AND unit_id = $U AND step = 1" | cut -c1-10)" \
	"Tenk gjenn"
get lead.jar $P >/dev/null
has "  ... the page says 4 of 4" "4 av 4 punkter er krysset av."
has "  ... and who ticked" "Krysset av av Lan Hoang"
is "ticking again changes nothing" "$(post lead.jar $P/steps/2 csrf="$LEAD" ticked=1)$(sql "SELECT count(*) FROM audit_log WHERE entity = 'preparation' AND action = 'tick'")" 3034
is "untick: 303, audited" "$(post lead.jar $P/steps/4 csrf="$LEAD" ticked=0)$(sql "SELECT count(*) FROM audit_log WHERE entity = 'preparation' AND action = 'untick'")" 3031
post lead.jar $P/steps/4 csrf="$LEAD" ticked=1 >/dev/null
is "a step past the checklist: 404" "$(post lead.jar $P/steps/5 csrf="$LEAD" ticked=1)" 404
is "a bad ticked value: 400" "$(post lead.jar $P/steps/1 csrf="$LEAD" ticked=maybe)" 400

# ---- notes and draft needs ----
is "notes with hostile text: 303" "$(post lead.jar $P/notes csrf="$LEAD" likely_goals='# Mål <script>alert(1)</script>')" 303
get lead.jar $P >/dev/null
lacks "  ... escaped" "<script>alert(1)</script>"
has "  ... shown as text" "&lt;script&gt;alert(1)&lt;/script&gt;"
BEFORE=$(sql "SELECT likely_goals FROM preparations WHERE cycle_id = $C AND unit_id = $U")
is "notes over 20 000 characters: 422" "$(post lead.jar $P/notes csrf="$LEAD" "likely_goals=$(python3 -c 'print("å" * 20001)')")" 422
has "  ... an error summary naming the field" 'href="#f-likely_goals">Notater om enhetens sannsynlige mål:'
is "  ... nothing written" "$(sql "SELECT likely_goals FROM preparations WHERE cycle_id = $C AND unit_id = $U")" "$BEFORE"
is "a draft need without a competence: 422" "$(post lead.jar $P/needs csrf="$LEAD" title='  ' description=fordi)" 422
has "  ... says which field" 'href="#f-title">Kompetanse:'
is "  ... nothing written" "$(sql "SELECT count(*) FROM prep_draft_needs")" 0
is "a draft need: 303" "$(post lead.jar $P/needs csrf="$LEAD" title='Skytenester "><img src=x onerror=alert(1)>' description='Strategien krev det')" 303
NEED=$(sql "SELECT id FROM prep_draft_needs WHERE cycle_id = $C AND unit_id = $U")
get lead.jar $P >/dev/null
lacks "  ... escaped" '"><img src=x'
is "edit a need: 200, then save 303" "$(get lead.jar $P/needs/$NEED/edit)$(post lead.jar $P/needs/$NEED csrf="$LEAD" title=Skytenester description=Fordi)" 200303
is "  ... saved" "$(sql "SELECT title || '|' || description FROM prep_draft_needs WHERE id = $NEED")" "Skytenester|Fordi"
is "a too long competence: 422, nothing written" "$(post lead.jar $P/needs/$NEED csrf="$LEAD" title="$(python3 -c 'print("å" * 201)')")$(sql "SELECT title FROM prep_draft_needs WHERE id = $NEED")" 422Skytenester
post lead.jar $P/needs csrf="$LEAD" title=Fjernast >/dev/null
GONE=$(sql "SELECT id FROM prep_draft_needs WHERE title = 'Fjernast'")
is "remove a need: 303, audited" "$(post lead.jar $P/needs/$GONE/delete csrf="$LEAD")$(sql "SELECT count(*) FROM prep_draft_needs WHERE id = $GONE")$(sql "SELECT count(*) FROM audit_log WHERE entity = 'prep_draft_need' AND action = 'delete'")" 30301
is "another unit's need through this unit's path: 404" "$(get lead.jar /cycles/$C/prepare/$LU/needs/$NEED/edit)" 404

# ---- the document pack ----
api "$HR_TOKEN" POST /api/v1/documents '{"title": "Leiarrettleiing 2027", "kind": "leader_guide", "body": "# Les dette"}' >/dev/null
DOC=$(sql "SELECT id FROM documents WHERE title = 'Leiarrettleiing 2027'")
[ -n "$DOC" ] || fail_all "a document through the API"
get lead.jar $P >/dev/null
has "the leader guide is offered" "id=\"f-document-$DOC\""
is "an unknown document: 422, nothing chosen" "$(post lead.jar $P/pack csrf="$LEAD" document=999999)$(sql "SELECT count(*) FROM prep_pack_documents")" 4220
is "choose the guide: 303" "$(post lead.jar $P/pack csrf="$LEAD" document=$DOC)" 303
RECIP=$(sql "SELECT count(*) FROM people p JOIN units u ON u.id = p.unit_id WHERE p.unit_id = $U AND p.active = 1 AND p.id <> coalesce(u.leader_id, 0)")
is "the send confirmation names the unit's employees" "$(get lead.jar $P/send)$(grep -c "Send til enhetens $RECIP medarbeidere" body)" 2001
is "send: 303" "$(post lead.jar $P/send csrf="$LEAD")" 303
is "  ... one request per employee, not the leader, not sub-units" \
	"$(sql "SELECT count(*) FROM read_requests WHERE cycle_id = $C AND unit_id = $U AND document_id = $DOC")" "$RECIP"
is "  ... recorded as sent" "$(sql "SELECT pack_sent_count FROM preparations WHERE cycle_id = $C AND unit_id = $U")" "$RECIP"

# ---- the employee confirms; the indicators ----
api "$EMP_TOKEN" GET /api/v1/reading >/dev/null
RID=$(json '[i["id"] for i in j["items"]][0]')
is "the employee confirms: 200" "$(api "$EMP_TOKEN" POST /api/v1/reading/$RID/confirm '{"version": 1}')" 200
is "indicators for the unit (API, HR)" "$(api "$HR_TOKEN" GET "/api/v1/cycles/$C/indicators?unit=$U")$(json '(j["employees_confirmed_reading"]["count"], j["employees_confirmed_reading"]["total"], j["leaders_prepared"]["count"])')" "200(1, $RECIP, 1)"
is "a leader asking for a unit outside their units: 403" "$(api "$LEAD_TOKEN" GET "/api/v1/cycles/$C/indicators?unit=$OUT")" 403
is "a leader without ?unit= gets their units" "$(api "$LEAD_TOKEN" GET "/api/v1/cycles/$C/indicators")$(json 'j["scope"], len(j["units"])')" "200led_units $(sql "SELECT count(*) FROM units WHERE id = $LU OR parent_id = $LU")"
is "a representative reads them: 200" "$(api "$REP_TOKEN" GET "/api/v1/cycles/$C/indicators")" 200
is "an employee cannot: 403" "$(api "$EMP_TOKEN" GET "/api/v1/cycles/$C/indicators")" 403
get lead.jar / >/dev/null
has "the leader's dashboard shows 1 of N" "1 av $(sql "SELECT count(*) FROM people p JOIN units u ON u.id = p.unit_id WHERE (u.id = $LU OR u.parent_id = $LU) AND p.active = 1 AND p.id <> coalesce(u.leader_id, 0)")"
has "  ... a row for their unit's own figures" "(bare enheten selv)</th>"
has "  ... and one for the prepared sub-unit: 1 of 1 leaders" "$(sql "SELECT name FROM units WHERE id = $U")</a></th><td class=\"num\">1</td><td>1 av 1 (100${NB}%)</td>"
is "  ... their top unit and its sub-units, no more" \
	"$(sed -n '/id="dash-units"/,/<\/table>/p' body | grep -c '<tr><th scope="row">')" $(( 1 + $(sql "SELECT count(*) FROM units WHERE parent_id = $LU") ))
get hr.jar / >/dev/null
ROOT=$(sql "SELECT id FROM units WHERE parent_id IS NULL")
is "HR's dashboard: a row per division and the root's own, not every unit" \
	"$(sed -n '/id="dash-units"/,/<\/table>/p' body | grep -c '<tr><th scope="row">')" $(( 1 + $(sql "SELECT count(*) FROM units WHERE parent_id = $ROOT") ))
has "  ... with a caption per unit" "Indikatorer for fase 1 per enhet, med enhetene under"
has "  ... and a link to all units" "href=\"/cycles/$C/indicators\">Alle enheter</a>"
is "the full list: the prepared unit is prepared" "$(get hr.jar "/cycles/$C/indicators?unit=$U")" 200
has "  ... its checklist, 4 of 4, and yes" "<td>4 av 4</td><td>Ja</td>"
has "  ... with its leader's name for HR" "<th scope=\"col\">Leder</th>"
get hr.jar "/cycles/$C/indicators?status=not_prepared" >/dev/null
lacks "  ... filtered by not prepared: not there" "<td>4 av 4</td>"
is "  ... every other unit with a leader is" "$(grep -c '<tr><th scope="row">' body)" $(( 2 * $(sql "SELECT count(*) FROM units WHERE leader_id IS NOT NULL AND id <> $U") ))
get rep.jar "/cycles/$C/indicators" >/dev/null
lacks "the representative's list: no leader column" "<th scope=\"col\">Leder</th>"

# cross_check DB C — the API's organisation numbers against SQL of our own.
cross_check() {
	api "$HR_TOKEN" GET "/api/v1/cycles/$2/indicators" >/dev/null
	got=$(json '"%d/%d %d/%d" % (j["leaders_prepared"]["count"], j["leaders_prepared"]["total"], j["employees_confirmed_reading"]["count"], j["employees_confirmed_reading"]["total"])')
	want=$(sqlite3 "$1" "SELECT
	 (SELECT count(*) FROM units u WHERE u.leader_id IS NOT NULL AND
	   (SELECT count(*) FROM prep_ticks t WHERE t.cycle_id = $2 AND t.unit_id = u.id AND t.step < 4) = 4)
	 || '/' || (SELECT count(*) FROM units WHERE leader_id IS NOT NULL) || ' ' ||
	 (SELECT count(*) FROM people p JOIN units u ON u.id = p.unit_id WHERE p.active = 1
	   AND p.id <> coalesce(u.leader_id, 0)
	   AND p.id IN (SELECT person_id FROM read_requests WHERE cycle_id = $2)
	   AND p.id NOT IN (SELECT r.person_id FROM read_requests r JOIN documents d ON d.id = r.document_id
	     WHERE r.cycle_id = $2 AND coalesce(r.confirmed_version, 0) <> d.latest_version))
	 || '/' || (SELECT count(*) FROM people p JOIN units u ON u.id = p.unit_id WHERE p.active = 1
	   AND p.id <> coalesce(u.leader_id, 0))")
	is "$3" "$got" "$want"
}
cross_check "$DB" "$C" "organisation indicators equal an SQL count (80 people)"

# ---- the cycle's list: filters, pages, the leader's scope, bad input ----
# By now the unit U is prepared (4 of 4), its pack sent, one employee confirmed.
L=/cycles/$C/prepare
TOP=$(sql "SELECT id FROM units WHERE parent_id IS NULL")
# rows — the rows of the list in the last body; names — their unit names, one a line
rows() { grep -c '<tr><th scope="row"><a class="ds-link" href="/cycles/[0-9]*/prepare/' body; }
names() { sed -n 's|.*<tr><th scope="row"><a class="ds-link" href="/cycles/[0-9]*/prepare/[0-9]*">\([^<]*\)</a>.*|\1|p' body; }
# nb_order — stdin's lines in Norwegian order (æ, ø, å after z, case aside)
nb_order() {
	python3 -c 'import sys; t = str.maketrans("æøå", "{|}")
print("\n".join(sorted(sys.stdin.read().splitlines(), key=lambda s: s.casefold().translate(t))))'
}
# subtree ID — how many units are ID or below it
subtree() {
	sql "WITH RECURSIVE s(id) AS (SELECT $1 UNION ALL SELECT u.id FROM units u JOIN s ON u.parent_id = s.id)
	SELECT count(*) FROM s"
}
NUNITS=$(sql "SELECT count(*) FROM units")
get hr.jar $L >/dev/null
has "the list counts HR's units" "Viser enhet 1–$NUNITS av $NUNITS."
lacks "  ... all on one page: no page links" 'class="pager"'
is "  ... in Norwegian order" "$(names)" "$(sql "SELECT name FROM units" | nb_order)"
has "  ... a select of the divisions" "<option value=\"$LU\">$(sql "SELECT name FROM units WHERE id = $LU")</option>"
has "  ... the units below a unit as a link named by the unit" \
	"href=\"$L?unit=$LU\">Vis enhetene under<span class=\"ds-sr-only\"> $(sql "SELECT name FROM units WHERE id = $LU")</span>"
has "  ... and its filters: the states" '<option value="not_prepared">Leder ikke forberedt</option>'
is "?unit=$LU: 200 with its subtree" "$(get hr.jar "$L?unit=$LU")$(rows)" "200$(subtree $LU)"
has "  ... the trail back up" "<li><a class=\"ds-link\" href=\"$L\">Hele virksomheten</a></li><li><a class=\"ds-link\" href=\"$L?unit=$TOP\">"
has "  ... ending at the unit shown" "<li><strong aria-current=\"location\">$(sql "SELECT name FROM units WHERE id = $LU")</strong></li></ol></nav>"
has "  ... the unit chosen in the select" "<option value=\"$LU\" selected>"
is "?status=prepared: the one prepared unit" "$(get hr.jar "$L?status=prepared")$(rows)$(grep -c "href=\"$L/$U\"" body)" 20011
is "?status=not_prepared: every other unit with a leader" "$(get hr.jar "$L?status=not_prepared")$(rows)" \
	"200$(sql "SELECT count(*) FROM units WHERE leader_id IS NOT NULL AND id <> $U")"
lacks "  ... not the prepared unit" "href=\"$L/$U\""
is "?status=pack_sent: the unit whose pack went out" "$(get hr.jar "$L?status=pack_sent")$(rows)$(grep -c "href=\"$L/$U\"" body)" 20011
is "?status=pack_not_sent: the others" "$(get hr.jar "$L?status=pack_not_sent")$(rows)" "200$((NUNITS - 1))"
is "?status=reading_open: units with employees, not all confirmed" "$(get hr.jar "$L?status=reading_open")$(rows)" \
	"200$(sql "SELECT count(DISTINCT p.unit_id) FROM people p JOIN units u ON u.id = p.unit_id
	WHERE p.active = 1 AND p.id <> coalesce(u.leader_id, 0)")"
is "?unit=$LU&status=prepared: both filters" "$(get hr.jar "$L?unit=$LU&status=prepared")$(rows)" 2001
has "  ... the trail keeps the state" "href=\"$L?unit=$TOP&amp;status=prepared\""
is "?status=pack_sent&unit=$OUT: none match" "$(get hr.jar "$L?unit=$OUT&status=pack_sent")$(rows)" 2000
has "  ... and the page says so" "Ingen enheter passer til filteret."
is "?status=ready: 400" "$(get hr.jar "$L?status=ready")" 400
is "?unit=abc: 400" "$(get hr.jar "$L?unit=abc")" 400
is "?unit=-3: 400" "$(get hr.jar "$L?unit=-3")" 400
is "?page=0: 400" "$(get hr.jar "$L?page=0")" 400
is "?page=x: 400" "$(get hr.jar "$L?page=x")" 400
is "?unit=999999 (no such unit): 404" "$(get hr.jar "$L?unit=999999")" 404
is "?page=2 of one page: 404" "$(get hr.jar "$L?page=2")" 404
is "?page=1 is the first page: 200" "$(get hr.jar "$L?page=1")" 200
is "the leader's list: their unit and the units below it" "$(get lead.jar $L)$(rows)" "200$(subtree $LU)"
has "  ... counted" "Viser enhet 1–$(subtree $LU) av $(subtree $LU)."
has "  ... the select says theirs" '<option value="">Alle enhetene dine</option>'
is "a leader asking for a unit outside their units: 403" "$(get lead.jar "$L?unit=$OUT")" 403
is "a leader asking for their sub-unit: 200, that unit" "$(get lead.jar "$L?unit=$U")$(rows)" 2001
has "  ... the trail starts at their units" "<li><a class=\"ds-link\" href=\"$L\">Alle enhetene dine</a></li><li><a class=\"ds-link\" href=\"$L?unit=$LU\">"
is "an employee asking for their unit's list: 403" "$(get emp.jar "$L?unit=$EMP_UNIT")" 403
# a leader of one unit with no units below keeps the plain list: one row, no filters
ONE=$(sql "SELECT u.id FROM units u WHERE u.leader_id IS NOT NULL AND u.id NOT IN (SELECT coalesce(parent_id, 0) FROM units)
	AND u.leader_id NOT IN (SELECT person_id FROM users WHERE person_id IS NOT NULL)
	AND (SELECT count(*) FROM units v WHERE v.leader_id = u.leader_id) = 1 ORDER BY u.id LIMIT 1")
echo 'Ein-Eining-Leiar-2027' | "$EVNE" user add --db "$DB" --email ein@demo.evne.no --name "Ein Leiar" --role leader >/dev/null 2>&1
sql "UPDATE users SET person_id = (SELECT leader_id FROM units WHERE id = $ONE) WHERE email = 'ein@demo.evne.no'"
login one.jar ein@demo.evne.no Ein-Eining-Leiar-2027 >/dev/null
is "a leader of one unit: 200, one row, their unit" "$(get one.jar $L)$(rows)$(grep -c "href=\"$L/$ONE\"" body)" 20011
lacks "  ... no filter form" 'class="ind-filter"'
lacks "  ... no page links" 'class="pager"'

# ---- a closed cycle is read-only ----
sql "UPDATE cycles SET status = 'closed' WHERE id = $C"
is "a closed cycle: tick 409" "$(post lead.jar $P/steps/1 csrf="$LEAD" ticked=0)" 409
has "  ... with a clear message" "Syklusen er avsluttet, så forberedelsen kan ikke endres."
is "  ... nothing unticked" "$(sql "SELECT count(*) FROM prep_ticks WHERE cycle_id = $C AND unit_id = $U")" 4
is "  ... notes 409" "$(post lead.jar $P/notes csrf="$LEAD" likely_goals=ny)" 409
is "  ... the page has no forms" "$(get lead.jar $P)$(grep -c 'method="post" action="/cycles' body)" 2000
stop_server

# ---- the 800-person demo ----
DB=big.db
"$EVNE" init --db "$DB" >/dev/null 2>&1 || fail_all "evne init (800)"
"$EVNE" demo --db "$DB" --units 60 --people 800 --seed 7 --no-cycle >demo2.out 2>&1 || fail_all "evne demo (800)"
C2=$(open_cycle 2027)
HR_TOKEN=$(token hr@demo.evne.no)
serve
api "$HR_TOKEN" POST /api/v1/documents '{"title": "Rettleiing", "kind": "leader_guide", "body": "# A"}' >/dev/null
api "$HR_TOKEN" POST /api/v1/documents '{"title": "Hjelpemiddel", "kind": "aid", "body": "# B"}' >/dev/null
# every third unit's leader ticks everything, every fifth half; the pack goes
# to the people of every other unit, two thirds of them confirm, some of an
# older version of one document
sql "INSERT INTO prep_ticks (cycle_id, unit_id, step, step_text, ticked_at)
	SELECT $C2, u.id, s.n, 'x', 0 FROM units u, (SELECT 0 AS n UNION SELECT 1 UNION SELECT 2 UNION SELECT 3) s
	WHERE u.id % 3 = 0 OR (u.id % 5 = 0 AND s.n < 2);
	INSERT INTO read_requests (document_id, person_id, cycle_id, unit_id, requested_at)
	SELECT d.id, p.id, $C2, p.unit_id, 0 FROM people p, documents d WHERE p.unit_id % 2 = 0 AND p.active = 1;
	UPDATE read_requests SET confirmed_version = 1, confirmed_at = 0 WHERE person_id % 3 <> 0;"
api "$HR_TOKEN" POST "/api/v1/documents/$(sql "SELECT id FROM documents WHERE kind = 'aid'")/versions" '{"body": "# B2"}' >/dev/null
sql "UPDATE read_requests SET confirmed_version = 2 WHERE person_id % 7 = 0 AND confirmed_version = 1
	AND document_id = (SELECT id FROM documents WHERE kind = 'aid')"
cross_check "$DB" "$C2" "organisation indicators equal an SQL count (800 people)"
is "  ... and are not trivial" "$(json 'j["employees_confirmed_reading"]["count"] > 0 and j["leaders_prepared"]["count"] > 0')" True

# ---- the cycle's list over more than a page ----
HR=$(login hr.jar hr@demo.evne.no "$(awk '$1 == "hr" { print $3 }' demo2.out)")
L=/cycles/$C2/prepare
NUNITS=$(sql "SELECT count(*) FROM units")
is "60 units: page 1 holds 50" "$(get hr.jar $L)$(rows)" 20050
has "  ... counted" "Viser enhet 1–50 av $NUNITS."
has "  ... with the page links" "<nav class=\"pager\" aria-label=\"Sidenavigasjon\"><ul><li><span aria-current=\"page\">Side 1</span></li>"
has "  ... to the next page" "<a class=\"ds-link\" href=\"$L?page=2\" rel=\"next\">Neste side</a>"
names >names.txt
is "page 2 holds the rest" "$(get hr.jar "$L?page=2")$(rows)" "200$((NUNITS - 50))"
has "  ... counted" "Viser enhet 51–$NUNITS av $NUNITS."
has "  ... back to page 1, the list's own address" "<a class=\"ds-link\" href=\"$L\" rel=\"prev\">Forrige side</a>"
names >>names.txt
is "  ... the two pages: every unit once, in Norwegian order" "$(cat names.txt)" "$(sql "SELECT name FROM units" | nb_order)"
is "page 3: 404" "$(get hr.jar "$L?page=3")" 404
PREPARED=$(sql "SELECT count(*) FROM units u WHERE u.leader_id IS NOT NULL AND u.id % 3 = 0")
is "?status=prepared: the units whose leader ticked everything" "$(get hr.jar "$L?status=prepared")$(rows)" "200$PREPARED"
NOTPREP=$(sql "SELECT count(*) FROM units WHERE leader_id IS NOT NULL AND id % 3 <> 0")
is "?status=not_prepared: the rest" "$(get hr.jar "$L?status=not_prepared")$(rows)" "200$NOTPREP"
get hr.jar "$L?status=pack_not_sent&page=2" >/dev/null
has "?status=pack_not_sent over two pages: page 2" "Viser enhet 51–$NUNITS av $NUNITS."
has "  ... the page links keep the filter" "href=\"$L?status=pack_not_sent\" rel=\"prev\""

echo "1..$N"
[ "$FAILED" -eq 0 ]
