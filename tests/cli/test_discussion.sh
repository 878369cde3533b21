#!/bin/sh
# test_discussion.sh — phase 2, the unit's competence discussion, over real
# HTTP (product.md, "2. Local competence discussion"; issue 5). Starts
# `evne serve` on a demo organisation with an open 2027 cycle and checks:
# who reads which unit's discussion (HR, admin, management, representatives
# every unit; a leader their units, 403 elsewhere; an employee their own
# unit, and the list sends them there; anonymous to the log-in); the meeting,
# the notes per agenda item and attendance written by the leader with audit
# rows, and refused for the others; employees' suggestions, withdrawn by the
# author or removed by the leader behind a confirmation; bad input on every
# path (bad date, bad time, over-long text, notes for a missing item, a
# person of another unit, ids that are not ids) answered 422 with nothing
# written; hostile text escaped; the API's list, reading, PATCH (all or
# nothing), suggestions and their removal; a submitted proposal locks it all
# (409, no forms). Prints TAP.
#
# Environment and tools: see lib.sh.
TEST_NAME=discussion
. "$(dirname "$0")/lib.sh"

# ---- a database and a server ----
demo_db --units 12 --people 80 --seed 5 --no-cycle
C=$(open_cycle 2027)
LEAD_PERSON=$(sql "SELECT person_id FROM users WHERE email = 'leder@demo.evne.no'")
LU=$(sql "SELECT id FROM units WHERE leader_id = $LEAD_PERSON ORDER BY id LIMIT 1")
EMP_PERSON=$(sql "SELECT person_id FROM users WHERE email = 'ansatt@demo.evne.no'")
EMP_UNIT=$(sql "SELECT unit_id FROM people WHERE id = $EMP_PERSON")
REP_UNIT=$(sql "SELECT p.unit_id FROM users u JOIN people p ON p.id = u.person_id WHERE u.email = 'tillitsvalgt@demo.evne.no'")
OUT=$(sql "SELECT id FROM units WHERE id <> $LU AND id <> $EMP_UNIT AND parent_id IS NOT NULL
	AND coalesce(parent_id, 0) <> $LU ORDER BY id LIMIT 1")
HR_TOKEN=$(token hr@demo.evne.no)
EMP_TOKEN=$(token ansatt@demo.evne.no)
LEAD_TOKEN=$(token leder@demo.evne.no)
REP_TOKEN=$(token tillitsvalgt@demo.evne.no)
MGMT_TOKEN=$(token toppledelse@demo.evne.no)
serve
[ -n "$HR_TOKEN" ] && [ -n "$MGMT_TOKEN" ] || fail_all "tokens"

HR=$(login hr.jar hr@demo.evne.no "$(pass_of hr)")
LEAD=$(login lead.jar leder@demo.evne.no "$(pass_of leader)")
EMP=$(login emp.jar ansatt@demo.evne.no "$(pass_of employee)")
REP=$(login rep.jar tillitsvalgt@demo.evne.no "$(pass_of representative)")
MGMT=$(login mgmt.jar toppledelse@demo.evne.no "$(pass_of management)")
[ -n "$HR" ] && [ -n "$LEAD" ] && [ -n "$EMP" ] && [ -n "$REP" ] && [ -n "$MGMT" ] || fail_all "log-ins"

# The leader runs the discussion of the demo employee's unit (in their scope).
U=$EMP_UNIT
P=/cycles/$C/discussions/$U
is "the demo employee's unit is in the leader's scope" \
	"$(sql "SELECT parent_id = $LU OR id = $LU FROM units WHERE id = $U")" 1
OTHER_PERSON=$(sql "SELECT id FROM people WHERE unit_id = $OUT AND active = 1 ORDER BY id LIMIT 1")
MEMBERS=$(sql "SELECT group_concat(id) FROM (SELECT id FROM people WHERE unit_id = $U AND active = 1 ORDER BY id LIMIT 2)")
M1=${MEMBERS%,*}
M2=${MEMBERS#*,}

# ---- who may read what ----
is "anonymous GET $P: to the log-in" "$(curl -s -o /dev/null -w '%{http_code}' "$B$P")" 303
is "leader GET /cycles/$C/discussions: 200" "$(get lead.jar /cycles/$C/discussions)" 200
has "  ... lists their unit" "href=\"/cycles/$C/discussions/$LU\""
has "  ... and the unit below it" "href=\"$P\""
lacks "  ... but not a unit elsewhere" "href=\"/cycles/$C/discussions/$OUT\""
is "HR GET the list: 200 with every unit (12 < one page)" \
	"$(get hr.jar /cycles/$C/discussions)$(grep -o "href=\"/cycles/$C/discussions/[0-9]*\"" body | sort -u | wc -l | tr -d ' ')" \
	"200$(sql 'SELECT count(*) FROM units')"
is "management GET the list: 200" "$(get mgmt.jar /cycles/$C/discussions)" 200
is "representative GET the list: 200" "$(get rep.jar /cycles/$C/discussions)" 200
is "an employee is sent to their own unit's page" \
	"$(get emp.jar /cycles/$C/discussions)$(header Location)" "303$P"
is "a bad status filter: 400" "$(get hr.jar "/cycles/$C/discussions?status=maybe")" 400
OUT_CODE=$(sql "SELECT code FROM units WHERE id = $OUT")
is "the name filter finds the unit by its code" \
	"$(get hr.jar "/cycles/$C/discussions?q=$OUT_CODE")$(grep -c "href=\"/cycles/$C/discussions/$OUT\"" body)" 2001
is "  ... and only units matching it" \
	"$(grep -o "href=\"/cycles/$C/discussions/[0-9]*\"" body | sort -u | wc -l | tr -d ' ')" \
	"$(sql "SELECT count(*) FROM units WHERE lower(name) LIKE lower('%$OUT_CODE%') OR lower(code) LIKE lower('%$OUT_CODE%')")"
is "the leader GET $P: 200" "$(get lead.jar $P)" 200
has "  ... the agenda from the procedure" "Kartlegging av virksomhetens kritiske kompetansebehov"
has "  ... a notes field per item" 'name="notes_5"'
has "  ... the link to the unit's proposal" "href=\"/cycles/$C/proposals/$U\""
has "  ... the meeting form" "action=\"$P/meeting\""
is "the employee reads their unit's page: 200" "$(get emp.jar $P)" 200
has "  ... with the suggestion form" "action=\"$P/suggestions\""
lacks "  ... without the meeting form" "action=\"$P/meeting\""
lacks "  ... without the notes form" "action=\"$P/notes\""
is "an employee cannot read another unit's discussion" "$(get emp.jar /cycles/$C/discussions/$OUT)" 403
is "a leader cannot read a unit outside their units" "$(get lead.jar /cycles/$C/discussions/$OUT)" 403
is "a representative reads a unit: 200" "$(get rep.jar /cycles/$C/discussions/$OUT)" 200
lacks "  ... without forms" 'method="post" action="/cycles'
is "management reads a unit: 200" "$(get mgmt.jar $P)" 200
is "unknown unit: 404" "$(get lead.jar /cycles/$C/discussions/999999)" 404
is "unknown cycle: 404" "$(get lead.jar /cycles/999999/discussions/$U)" 404
is "the cycle page links to the discussions" \
	"$(get emp.jar /cycles/$C)$(grep -c "href=\"/cycles/$C/discussions\"" body)" 2001

# ---- writes refused by role ----
is "an employee cannot set the meeting" "$(post emp.jar $P/meeting csrf="$EMP" meeting_on=14.03.2027)" 403
is "a representative cannot write notes" "$(post rep.jar /cycles/$C/discussions/$OUT/notes csrf="$REP" notes_1=x)" 403
# (the demo's top manager also leads the top unit, so management's writes
# are a leader's there: the role alone grants none, see test_access.c)
is "a leader cannot write to a unit outside their units" \
	"$(post lead.jar /cycles/$C/discussions/$OUT/meeting csrf="$LEAD" meeting_on=14.03.2027)" 403
is "a representative cannot suggest to another unit" \
	"$(post rep.jar /cycles/$C/discussions/$OUT/suggestions csrf="$REP" body=x)" \
	"$( [ "$REP_UNIT" = "$OUT" ] && echo 303 || echo 403)"
is "  ... nothing written" "$(sql "SELECT count(*) FROM unit_discussions") $(sql "SELECT count(*) FROM discussion_notes")" "0 0"

# ---- the meeting ----
is "the meeting: 303" "$(post lead.jar $P/meeting csrf="$LEAD" meeting_on=14.3.2027 meeting_at=9.00 location='Møterom <b>Fjord</b>')" 303
is "  ... stored in ISO form" "$(sql "SELECT meeting_on || ' ' || meeting_at || ' ' || location || ' ' || status FROM unit_discussions WHERE cycle_id = $C AND unit_id = $U")" \
	"2027-03-14 09:00 Møterom <b>Fjord</b> draft"
is "  ... audited" "$(sql "SELECT count(*) FROM audit_log WHERE entity = 'unit_discussion' AND action = 'meeting' AND entity_id = $U")" 1
get lead.jar $P >/dev/null
has "  ... shown in Norwegian form" "14.03.2027 kl. 09:00"
has "  ... the place escaped" "Møterom &lt;b&gt;Fjord&lt;/b&gt;"
is "saving the same again writes no audit row" \
	"$(post lead.jar $P/meeting csrf="$LEAD" meeting_on=2027-03-14 meeting_at=09:00 location='Møterom <b>Fjord</b>')$(sql "SELECT count(*) FROM audit_log WHERE entity = 'unit_discussion' AND action = 'meeting'")" 3031
is "a bad date: 422" "$(post lead.jar $P/meeting csrf="$LEAD" meeting_on=31.02.2027 meeting_at=10:00 location=B)" 422
has "  ... names the field" 'href="#f-meeting_on">Dato:'
has "  ... keeps what was typed" 'value="31.02.2027"'
is "a bad time: 422" "$(post lead.jar $P/meeting csrf="$LEAD" meeting_on=15.03.2027 meeting_at=25:61 location=B)" 422
has "  ... names the field" 'href="#f-meeting_at">Klokkeslett:'
is "an over-long place: 422" "$(post lead.jar $P/meeting csrf="$LEAD" meeting_on=15.03.2027 "location=$(python3 -c 'print("å" * 201)')")" 422
is "  ... nothing changed" "$(sql "SELECT meeting_on || ' ' || meeting_at || ' ' || location FROM unit_discussions WHERE unit_id = $U")" \
	"2027-03-14 09:00 Møterom <b>Fjord</b>"

# ---- notes per agenda item ----
is "notes for two items: 303" "$(post lead.jar $P/notes csrf="$LEAD" notes_1='Hvorfor vi gjør dette' notes_3='# Behov <script>alert(1)</script>')" 303
is "  ... two rows with the item's text" "$(sql "SELECT group_concat(item || ':' || substr(item_text, 1, 10), '|') FROM (SELECT * FROM discussion_notes WHERE unit_id = $U ORDER BY item)")" \
	"0:Innledning|2:Kartleggin"
is "  ... two audit rows" "$(sql "SELECT count(*) FROM audit_log WHERE entity = 'unit_discussion' AND action = 'notes'")" 2
get lead.jar $P >/dev/null
lacks "  ... escaped" "<script>alert(1)</script>"
has "  ... shown as text" "&lt;script&gt;alert(1)&lt;/script&gt;"
is "notes for a missing item: 422" "$(post lead.jar $P/notes csrf="$LEAD" notes_2=ny notes_9=x)" 422
is "  ... nothing written (not even item 2)" "$(sql "SELECT count(*) FROM discussion_notes WHERE unit_id = $U")" 2
is "over-long notes: 422" "$(post lead.jar $P/notes csrf="$LEAD" "notes_2=$(python3 -c 'print("å" * 20001)')")" 422
has "  ... names the field" 'href="#f-notes_2">Notater til punkt 2:'
is "  ... nothing written" "$(sql "SELECT count(*) FROM discussion_notes WHERE unit_id = $U")" 2
is "emptying notes removes them: 303" "$(post lead.jar $P/notes csrf="$LEAD" notes_1=)$(sql "SELECT count(*) FROM discussion_notes WHERE unit_id = $U")" 3031

# ---- attendance ----
is "attendance of two: 303" "$(post lead.jar $P/attendance csrf="$LEAD" person=$M1 person=$M2)" 303
is "  ... stored" "$(sql "SELECT count(*) FROM discussion_attendance WHERE unit_id = $U")" 2
is "  ... audited" "$(sql "SELECT count(*) FROM audit_log WHERE entity = 'unit_discussion' AND action = 'attendance'")" 1
is "a person of another unit: 422" "$(post lead.jar $P/attendance csrf="$LEAD" person=$M1 person=$OTHER_PERSON)" 422
has "  ... says why" "Bare enhetens egne aktive personer og lederen kan krysses av."
is "an unknown person: 422" "$(post lead.jar $P/attendance csrf="$LEAD" person=99999999)" 422
is "not an id: 422" "$(post lead.jar $P/attendance csrf="$LEAD" person=abc)" 422
is "  ... nothing changed" "$(sql "SELECT group_concat(person_id) FROM (SELECT person_id FROM discussion_attendance WHERE unit_id = $U ORDER BY person_id)")" "$MEMBERS"
get hr.jar /cycles/$C/discussions >/dev/null
has "the list shows the meeting date" "14.03.2027 kl. 09:00"

# ---- suggestions ----
is "the employee suggests: 303" "$(post emp.jar $P/suggestions csrf="$EMP" body='Kurs i <em>sky</em>')" 303
SID=$(sql "SELECT id FROM discussion_suggestions WHERE unit_id = $U")
is "  ... stored with the author" "$(sql "SELECT u.email FROM discussion_suggestions s JOIN users u ON u.id = s.user_id WHERE s.id = $SID")" ansatt@demo.evne.no
is "  ... audited" "$(sql "SELECT count(*) FROM audit_log WHERE entity = 'discussion_suggestion' AND action = 'create'")" 1
get lead.jar $P >/dev/null
has "  ... the leader sees it, escaped" "Kurs i &lt;em&gt;sky&lt;/em&gt;"
has "  ... with a removal link" "href=\"$P/suggestions/$SID/delete\""
is "an empty suggestion: 422" "$(post emp.jar $P/suggestions csrf="$EMP" body='   ')" 422
has "  ... names the field" 'href="#f-body">Ditt innspill:'
is "an over-long suggestion: 422" "$(post emp.jar $P/suggestions csrf="$EMP" "body=$(python3 -c 'print("x" * 2001)')")" 422
is "  ... nothing written" "$(sql "SELECT count(*) FROM discussion_suggestions")" 1
is "an employee cannot suggest to another unit" "$(post emp.jar /cycles/$C/discussions/$OUT/suggestions csrf="$EMP" body=x)" 403
COLLEAGUE_USER=$(sql "SELECT id FROM users WHERE role = 'employee' AND person_id IN (SELECT id FROM people WHERE unit_id = $U) AND email <> 'ansatt@demo.evne.no' LIMIT 1")
is "the confirmation page for the author: 200" "$(get emp.jar $P/suggestions/$SID/delete)" 200
has "  ... asks the question" "Ja, fjern innspillet"
is "the representative may not remove it" "$(get rep.jar $P/suggestions/$SID/delete)$(post rep.jar $P/suggestions/$SID/delete csrf="$REP")" 403403
is "a suggestion through another unit's path: 404" "$(get hr.jar /cycles/$C/discussions/$OUT/suggestions/$SID/delete)" 404
is "the author withdraws it: 303" "$(post emp.jar $P/suggestions/$SID/delete csrf="$EMP")$(sql "SELECT count(*) FROM discussion_suggestions")" 3030
is "  ... audited" "$(sql "SELECT count(*) FROM audit_log WHERE entity = 'discussion_suggestion' AND action = 'delete'")" 1
post emp.jar $P/suggestions csrf="$EMP" body='Mentorordning' >/dev/null
SID=$(sql "SELECT id FROM discussion_suggestions WHERE unit_id = $U")
is "the leader removes one: 303" "$(post lead.jar $P/suggestions/$SID/delete csrf="$LEAD")$(sql "SELECT count(*) FROM discussion_suggestions")" 3030

# ---- the API ----
is "API list as HR: 200, every unit" "$(api "$HR_TOKEN" GET "/api/v1/cycles/$C/discussions?limit=5")$(json 'len(j["items"]), j["next"] is not None')" "2005 True"
NEXT=$(json 'j["next"]')
is "  ... the next page continues" "$(api "$HR_TOKEN" GET "/api/v1/cycles/$C/discussions?limit=500&cursor=$NEXT")$(json 'len(j["items"]), j["next"]')" \
	"200$(($(sql 'SELECT count(*) FROM units') - 5)) None"
is "API list as the leader: their units" "$(api "$LEAD_TOKEN" GET "/api/v1/cycles/$C/discussions")$(json 'len(j["items"])')" \
	"200$(sql "SELECT count(*) FROM units WHERE id = $LU OR parent_id = $LU OR id = (SELECT unit_id FROM people WHERE id = $LEAD_PERSON)")"
is "API list as the employee: their unit" "$(api "$EMP_TOKEN" GET "/api/v1/cycles/$C/discussions")$(json '[i["unit_id"] for i in j["items"]]')" "200[$U]"
is "API list filtered by state" "$(api "$HR_TOKEN" GET "/api/v1/cycles/$C/discussions?status=submitted")$(json 'len(j["items"])')" 2000
is "API list, a bad state: 400" "$(api "$HR_TOKEN" GET "/api/v1/cycles/$C/discussions?status=x")" 400
is "API read: meeting, agenda, attendance" \
	"$(api "$EMP_TOKEN" GET /api/v1/cycles/$C/discussions/$U)$(json 'j["meeting_on"], j["meeting_at"], len(j["agenda"]), j["agenda"][2]["notes"][:7], len(j["attendance"]), j["status"]')" \
	"2002027-03-14 09:00 5 # Behov 2 draft"
is "API read of another unit as the employee: 403" "$(api "$EMP_TOKEN" GET /api/v1/cycles/$C/discussions/$OUT)" 403
is "API PATCH as the leader: 200" \
	"$(api "$LEAD_TOKEN" PATCH /api/v1/cycles/$C/discussions/$U '{"meeting_at": "13:15", "notes": [{"item": 4, "notes": "Mentor"}], "attendance": ['"$M1"']}')$(json 'j["meeting_on"], j["meeting_at"], j["agenda"][3]["notes"], j["attendance"]')" \
	"2002027-03-14 13:15 Mentor [$M1]"
is "API PATCH, bad values: 422 naming each, nothing written" \
	"$(api "$LEAD_TOKEN" PATCH /api/v1/cycles/$C/discussions/$U '{"meeting_on": "2027-02-30", "meeting_at": "7", "notes": [{"item": 9, "notes": "x"}], "attendance": ['"$OTHER_PERSON"']}')$(json 'sorted(e["field"] for e in j["errors"])')$(sql "SELECT meeting_at FROM unit_discussions WHERE unit_id = $U")" \
	"422['attendance', 'meeting_at', 'meeting_on', 'notes[0]']13:15"
is "API PATCH, an unknown member: 400" "$(api "$LEAD_TOKEN" PATCH /api/v1/cycles/$C/discussions/$U '{"status": "submitted"}')" 400
is "API PATCH as the employee: 403" "$(api "$EMP_TOKEN" PATCH /api/v1/cycles/$C/discussions/$U '{"location": "x"}')" 403
is "API PATCH as a representative: 403" "$(api "$REP_TOKEN" PATCH /api/v1/cycles/$C/discussions/$U '{"location": "x"}')" 403
is "API suggestion: 201 with Location" \
	"$(api "$EMP_TOKEN" POST /api/v1/cycles/$C/discussions/$U/suggestions '{"body": "Mer opplæring"}')$(header Location | grep -c "/discussions/$U/suggestions/")" 2011
ASID=$(json 'j["id"]')
is "API suggestion, empty: 422" "$(api "$EMP_TOKEN" POST /api/v1/cycles/$C/discussions/$U/suggestions '{"body": ""}')$(json 'j["errors"][0]["field"]')" 422body
is "API suggestion to another unit by the employee: 403" \
	"$(api "$EMP_TOKEN" POST /api/v1/cycles/$C/discussions/$OUT/suggestions '{"body": "x"}')" 403
is "API remove by a representative: 403" "$(api "$REP_TOKEN" DELETE /api/v1/cycles/$C/discussions/$U/suggestions/$ASID)" 403
is "API remove by the author: 204" "$(api "$EMP_TOKEN" DELETE /api/v1/cycles/$C/discussions/$U/suggestions/$ASID)" 204
is "API remove again: 404" "$(api "$EMP_TOKEN" DELETE /api/v1/cycles/$C/discussions/$U/suggestions/$ASID)" 404

# ---- a submitted proposal locks the discussion ----
post emp.jar $P/suggestions csrf="$EMP" body='Før innsending' >/dev/null
LSID=$(sql "SELECT id FROM discussion_suggestions WHERE unit_id = $U")
sql "UPDATE unit_discussions SET status = 'submitted', submitted_at = 1 WHERE cycle_id = $C AND unit_id = $U"
AUDIT=$(sql "SELECT count(*) FROM audit_log")
is "submitted: the meeting 409" "$(post lead.jar $P/meeting csrf="$LEAD" meeting_on=20.03.2027)" 409
has "  ... with a clear message" "Forslaget er sendt inn eller syklusen er avsluttet, så drøftingen kan ikke endres."
is "  ... notes 409" "$(post lead.jar $P/notes csrf="$LEAD" notes_1=x)" 409
is "  ... attendance 409" "$(post lead.jar $P/attendance csrf="$LEAD" person=$M2)" 409
is "  ... suggestions 409" "$(post emp.jar $P/suggestions csrf="$EMP" body=x)" 409
is "  ... removal 409" "$(get lead.jar $P/suggestions/$LSID/delete)$(post lead.jar $P/suggestions/$LSID/delete csrf="$LEAD")" 409409
is "  ... API PATCH 409" "$(api "$LEAD_TOKEN" PATCH /api/v1/cycles/$C/discussions/$U '{"location": "x"}')" 409
is "  ... nothing written" "$(sql "SELECT count(*) FROM audit_log") $(sql "SELECT meeting_on FROM unit_discussions WHERE unit_id = $U")" "$AUDIT 2027-03-14"
is "  ... the page says why and has no forms" \
	"$(get lead.jar $P)$(grep -c 'method="post" action="/cycles' body)$(grep -c 'Forslaget er sendt inn. Møtet' body)" 20001
has "  ... the meeting still shows" "14.03.2027 kl. 13:15"
is "  ... the API says it is not writable" "$(api "$LEAD_TOKEN" GET /api/v1/cycles/$C/discussions/$U)$(json 'j["writable"], j["status"]')" "200False submitted"
sql "UPDATE unit_discussions SET status = 'returned', return_comment = 'Mangler tiltak' WHERE cycle_id = $C AND unit_id = $U"
is "returned: writable again" "$(post lead.jar $P/meeting csrf="$LEAD" meeting_on=21.03.2027)$(sql "SELECT meeting_on || ' ' || status FROM unit_discussions WHERE unit_id = $U")" "3032027-03-21 returned"
get lead.jar $P >/dev/null
has "  ... HR's comment shown" "Mangler tiltak"

echo "1..$N"
[ "$FAILED" -eq 0 ]
