#!/bin/sh
# test_decision.sh — the decision between phases 2 and 3 over real HTTP
# (product.md, "Between 2 and 3"; issue 5): consultation with the union
# representatives, approval by top management, publication of the decided
# competence strategy as immutable numbered versions, and the differences
# between versions. Starts `evne serve` on a demo organisation with an open
# cycle whose working set (decided needs with their proposing units and
# goals, measures) is inserted with sqlite3, and checks: who sees what
# (leader and employee cannot open the decision but read the published
# strategy; a representative reads the consultation record but writes
# nothing; management approves and returns; HR cannot approve); bad input
# per field refused with 422 and nothing written (date, empty participants,
# a file that is not PDF/Office, a file too large, a return without a
# reason); the whole path send -> return -> send -> approve -> publish ->
# change -> send -> approve -> publish -> compare v1 v2, by the web and the
# API; version 1's rows unchanged after version 2; the approval comment on
# the decision page, in the API and frozen with the published version (a
# new send clears it); the publisher's name frozen too, so a version still
# names a publisher whose user row was deleted. Prints TAP.
#
# Environment and tools: see lib.sh.
TEST_NAME=decision
. "$(dirname "$0")/lib.sh"

# ---- a database, a working set and a server ----
demo_db --units 6 --people 30 --seed 3 --no-cycle
C=$(open_cycle 2027)
UA=$(sql "SELECT id FROM units ORDER BY id LIMIT 1 OFFSET 1")
UB=$(sql "SELECT id FROM units ORDER BY id LIMIT 1 OFFSET 2")
UA_NAME=$(sql "SELECT name FROM units WHERE id = $UA")
UB_NAME=$(sql "SELECT name FROM units WHERE id = $UB")
sql "INSERT INTO strategy_versions (cycle_id, status, number, created_at, updated_at, published_at)
	VALUES ($C, 'published', 1, 1, 1, 1);
INSERT INTO strategy_main_goals (version_id, title) VALUES (last_insert_rowid(), 'Hovedmål');
INSERT INTO strategic_goals (cycle_id, created_at) VALUES ($C, 1);
INSERT INTO strategy_goals (version_id, main_goal_id, goal_id, code, title)
	SELECT (SELECT max(id) FROM strategy_versions), (SELECT max(id) FROM strategy_main_goals),
	(SELECT max(id) FROM strategic_goals), 'S1', 'Digitale tjenester for alle';
INSERT INTO competence_needs (cycle_id, unit_id, title, criticality, horizon, position, created_at, updated_at)
	VALUES ($C, $UA, 'Sky', 'high', 'next_year', 1, 1, 1), ($C, $UB, 'Skydrift', 'high', 'next_year', 1, 1, 1);
INSERT INTO decided_needs (cycle_id, scope, title, description, criticality, horizon, people_affected,
	position, created_at, updated_at)
	VALUES ($C, 'organisation', 'Skykompetanse', 'Drift og arkitektur', 'critical', 'one_to_three_years', 12, 1, 1, 1);
INSERT INTO decided_need_sources (decided_need_id, need_id)
	SELECT (SELECT max(id) FROM decided_needs), id FROM competence_needs WHERE cycle_id = $C;
INSERT INTO decided_need_goals (decided_need_id, goal_id)
	VALUES ((SELECT max(id) FROM decided_needs), (SELECT max(id) FROM strategic_goals));
INSERT INTO decided_measures (cycle_id, kind, scope, title, owner, deadline, budget, position, created_at, updated_at)
	VALUES ($C, 'develop', 'overarching', 'Kurs i skydrift', 'HR-sjefen', '2027-06-30', 250000, 1, 1, 1);
INSERT INTO decided_measure_needs (measure_id, decided_need_id)
	VALUES ((SELECT max(id) FROM decided_measures), (SELECT max(id) FROM decided_needs));"
NEED1=$(sql "SELECT max(id) FROM decided_needs")
# a second HR user who publishes version 2 and is deleted afterwards
sql "INSERT INTO users (email, name, role, active, lang, created_at)
	VALUES ('pia@demo.evne.no', 'Pia Publiserer', 'hr', 1, 'nb', 1)"
HR_NAME=$(sql "SELECT name FROM users WHERE email = 'hr@demo.evne.no'")
HR_TOKEN=$(token hr@demo.evne.no)
MGMT_TOKEN=$(token toppledelse@demo.evne.no)
REP_TOKEN=$(token tillitsvalgt@demo.evne.no)
EMP_TOKEN=$(token ansatt@demo.evne.no)
PUB_TOKEN=$(token pia@demo.evne.no)
serve --max-body 65536
[ -n "$HR_TOKEN" ] && [ -n "$MGMT_TOKEN" ] && [ -n "$PUB_TOKEN" ] || fail_all "tokens"

HR=$(login hr.jar hr@demo.evne.no "$(pass_of hr)")
MGMT=$(login mgmt.jar toppledelse@demo.evne.no "$(pass_of management)")
REP=$(login rep.jar tillitsvalgt@demo.evne.no "$(pass_of representative)")
LEAD=$(login lead.jar leder@demo.evne.no "$(pass_of leader)")
EMP=$(login emp.jar ansatt@demo.evne.no "$(pass_of employee)")
[ -n "$HR" ] && [ -n "$MGMT" ] && [ -n "$REP" ] && [ -n "$LEAD" ] && [ -n "$EMP" ] || fail_all "log-ins"
D=/cycles/$C/decision
audit() { sql "SELECT count(*) FROM audit_log WHERE entity = '$1' AND action = '$2'"; }

# ---- who sees what, before anything is published ----
is "HR GET $D: 200" "$(get hr.jar $D)" 200
has "  ... the steps in words" "her er vi nå"
has "  ... the working set counted" "1 besluttede behov og 1 tiltak"
is "management GET $D: 200" "$(get mgmt.jar $D)" 200
is "representative GET $D: 200" "$(get rep.jar $D)" 200
is "leader GET $D: 403" "$(get lead.jar $D)" 403
is "employee GET $D: 403" "$(get emp.jar $D)" 403
is "employee GET the strategy before publication: 200" "$(get emp.jar /cycles/$C/competence-strategy)" 200
has "  ... says it is not published yet" "ikke publisert ennå"
is "API: no strategy yet, said so" \
	"$(api "$EMP_TOKEN" GET /api/v1/cycles/$C/competence-strategy)$(json "j['published']")" 200False
is "unknown cycle: 404" "$(get hr.jar /cycles/999999/decision)" 404

# ---- send needs a consultation: say what is missing ----
is "HR GET $D/send without a consultation: 200" "$(get hr.jar $D/send)" 200
has "  ... says the consultation is missing" "ikke registrert noe drøftingsmøte"
lacks "  ... and offers no button" "action=\"$D/send\""
is "HR POST $D/send without a consultation: 409" "$(post hr.jar $D/send csrf="$HR")" 409
is "  ... the state is unchanged" "$(sql "SELECT count(*) FROM decisions WHERE cycle_id = $C")" 0

# ---- consultations: bad input per field ----
K=/cycles/$C/consultations
is "HR GET $K/new: 200" "$(get hr.jar $K/new)" 200
is "a representative cannot open the form" "$(get rep.jar $K/new)" 403
is "a representative cannot record one" \
	"$(post rep.jar $K csrf="$REP" held_on=2027-03-01 participants=x)" 403
is "a date that does not exist: 422" \
	"$(post hr.jar $K csrf="$HR" held_on=2027-02-30 participants="Kari Nordmann")" 422
has "  ... names the date" 'href="#f-held_on"'
has "  ... keeps the participants" "Kari Nordmann"
is "empty participants: 422" "$(post hr.jar $K csrf="$HR" held_on=2027-03-01 "participants=  ")" 422
has "  ... names the participants" 'href="#f-participants"'
is "  ... nothing written" "$(sql "SELECT count(*) FROM consultations")" 0
is "API: bad date and no participants: 422" \
	"$(api "$HR_TOKEN" POST /api/v1/cycles/$C/consultations '{"held_on":"2027-13-01","participants":""}')" 422
has "  ... errors name held_on" '"field":"held_on"'
has "  ... and participants" '"field":"participants"'
is "HR records a consultation: 303" \
	"$(post hr.jar $K csrf="$HR" held_on=15.03.2027 "participants=Kari Nordmann (Fagforbundet)
  Ola Hansen (NTL)

" "minutes=# Referat
Partene er enige. <script>alert(1)</script>")" 303
KID=$(sql "SELECT max(id) FROM consultations")
is "  ... stored with the ISO date and trimmed lines" \
	"$(sql "SELECT held_on || '|' || replace(participants, char(10), '/') FROM consultations WHERE id = $KID")" \
	"2027-03-15|Kari Nordmann (Fagforbundet)/Ola Hansen (NTL)"
is "  ... with an audit row" "$(audit consultation create)" 1
is "the representative reads the record: 200" "$(get rep.jar $K/$KID)" 200
has "  ... the date in Norwegian form" "15.03.2027"
lacks "  ... the minutes' script escaped or dropped" "<script>alert(1)"
lacks "  ... and no edit link for them" "$K/$KID/edit"
is "a representative cannot edit" "$(post rep.jar $K/$KID csrf="$REP" held_on=2027-03-01 participants=x)" 403
is "a leader cannot read the record" "$(get lead.jar $K/$KID)" 403

# files: content checked, not the name
printf '%%PDF-1.4\n1 0 obj\n' >ok.pdf
printf 'just text' >fake.pdf
head -c 70000 /dev/zero >big.pdf
is "an upload that is not PDF/Office: 422" \
	"$(curl -s -b hr.jar -o body -w '%{http_code}' -F csrf="$HR" -F "file=@fake.pdf" "$B$K/$KID/files")" 422
has "  ... says why" "Filen er ikke en PDF"
is "an upload too large is refused" \
	"$(curl -s -b hr.jar -o body -w '%{http_code}' -F csrf="$HR" -F "file=@big.pdf" "$B$K/$KID/files")" 413
is "  ... nothing stored" "$(sql "SELECT count(*) FROM consultation_files")" 0
is "no file chosen: 422" \
	"$(curl -s -b hr.jar -o body -w '%{http_code}' -F csrf="$HR" -F "x=1" "$B$K/$KID/files")" 422
is "a PDF is attached: 303" \
	"$(curl -s -b hr.jar -o body -w '%{http_code}' -F csrf="$HR" -F 'file=@ok.pdf;filename=../møte.pdf' "$B$K/$KID/files")" 303
FID=$(sql "SELECT max(id) FROM consultation_files")
is "the representative downloads it: 200" "$(get rep.jar $K/$KID/files/$FID)" 200
is "  ... the bytes as uploaded" "$(cmp -s body ok.pdf && echo same)" same
is "  ... a safe Content-Disposition" "$(header Content-Disposition | cut -d';' -f1,2)" \
	'attachment; filename="m_te.pdf"'
is "a representative cannot delete it" "$(post rep.jar $K/$KID/files/$FID/delete csrf="$REP")" 403
is "HR GET the file's delete question: 200" "$(get hr.jar $K/$KID/files/$FID/delete)" 200

# ---- the whole path: send -> return -> send -> approve -> publish ----
is "HR cannot approve (GET)" "$(get hr.jar $D/approve)" 403
is "HR cannot approve (POST)" "$(post hr.jar $D/approve csrf="$HR")" 403
is "management cannot send" "$(post mgmt.jar $D/send csrf="$MGMT")" 403
is "HR GET $D/send: 200 with the question" "$(get hr.jar $D/send)" 200
has "  ... and the button" "action=\"$D/send\""
is "HR sends for approval: 303" "$(post hr.jar $D/send csrf="$HR")" 303
is "  ... awaiting approval" "$(sql "SELECT status FROM decisions WHERE cycle_id = $C")" awaiting_approval
is "  ... the working set reads as locked" \
	"$(sql "SELECT count(*) FROM decisions WHERE cycle_id = $C AND sent_for_approval_by IS NOT NULL")" 1
is "sending twice: 409" "$(post hr.jar $D/send csrf="$HR")" 409
is "consultations are read only while awaiting approval" \
	"$(post hr.jar $K/$KID csrf="$HR" held_on=2027-03-16 participants=x)" 409
is "  ... also by the API" \
	"$(api "$HR_TOKEN" DELETE /api/v1/cycles/$C/consultations/$KID)" 409
is "a return without a reason: 422" "$(post mgmt.jar $D/return csrf="$MGMT" "comment=  ")" 422
has "  ... names the reason" 'href="#f-comment"'
is "  ... still awaiting approval" "$(sql "SELECT status FROM decisions WHERE cycle_id = $C")" awaiting_approval
is "API: a return without a reason: 422" \
	"$(api "$MGMT_TOKEN" POST /api/v1/cycles/$C/decision/return '{"comment":""}')" 422
is "management returns it: 303" \
	"$(post mgmt.jar $D/return csrf="$MGMT" "comment=Budsjettet må begrunnes")" 303
is "  ... compiling again with the comment" \
	"$(sql "SELECT status || '|' || return_comment FROM decisions WHERE cycle_id = $C")" \
	"compiling|Budsjettet må begrunnes"
get hr.jar $D >/dev/null
has "  ... HR sees the comment" "Budsjettet må begrunnes"
is "HR sends again (API): 200" "$(api "$HR_TOKEN" POST /api/v1/cycles/$C/decision/send)" 200
is "  ... awaiting approval" "$(json "j['status']")" awaiting_approval
is "HR cannot publish before approval: 409" "$(post hr.jar $D/publish csrf="$HR")" 409
is "management GET $D/approve: 200" "$(get mgmt.jar $D/approve)" 200
is "an approval comment too long: 422" \
	"$(post mgmt.jar $D/approve csrf="$MGMT" "comment=$(head -c 4001 /dev/zero | tr '\0' x)")" 422
has "  ... names the comment" 'href="#f-comment"'
is "  ... still awaiting approval" "$(sql "SELECT status FROM decisions WHERE cycle_id = $C")" awaiting_approval
is "management approves with a comment: 303" "$(post mgmt.jar $D/approve csrf="$MGMT" "comment=Godkjent i ledermøtet.
Følg opp budsjettet & <fremdriften>.")" 303
is "  ... approved, the comment stored" \
	"$(sql "SELECT status || '|' || replace(approval_comment, char(10), '/') FROM decisions WHERE cycle_id = $C")" \
	"approved|Godkjent i ledermøtet./Følg opp budsjettet & <fremdriften>."
is "HR GET $D after approval: 200" "$(get hr.jar $D)" 200
has "  ... who approved it, with the comment" "med denne kommentaren:"
has "  ... the comment escaped, its line break kept" \
	"Godkjent i ledermøtet.<br>Følg opp budsjettet &amp; &lt;fremdriften&gt;."
is "API: the decision with the approval comment" \
	"$(api "$REP_TOKEN" GET /api/v1/cycles/$C/decision)$(json "j['approval_comment']")" \
	"200Godkjent i ledermøtet.
Følg opp budsjettet & <fremdriften>."
is "HR GET $D/publish: 200 showing what will be published" "$(get hr.jar $D/publish)" 200
has "  ... as version 1" "Dette publiseres som versjon 1"
has "  ... with the proposing units" "$UA_NAME"
is "a publication note too long: 422" \
	"$(post hr.jar $D/publish csrf="$HR" "note=$(head -c 4001 /dev/zero | tr '\0' x)")" 422
is "HR publishes: 303" "$(post hr.jar $D/publish csrf="$HR" note="Første vedtak")" 303
is "  ... version 1" "$(sql "SELECT number FROM decided_versions WHERE cycle_id = $C")" 1
is "  ... the approval comment and the publisher's name frozen with it" \
	"$(sql "SELECT (approval_comment = (SELECT approval_comment FROM decisions WHERE cycle_id = $C))
		|| '|' || published_by_name FROM decided_versions WHERE cycle_id = $C AND number = 1")" "1|$HR_NAME"
is "  ... compiling again" "$(sql "SELECT status FROM decisions WHERE cycle_id = $C")" compiling
is "  ... audit rows of every step" \
	"$(audit decision send)$(audit decision return)$(audit decision approve)$(audit decision publish)$(audit decided_version publish)" \
	21111

# ---- everyone reads the published strategy ----
for who in emp lead rep; do
	is "$who GET the competence strategy: 200" "$(get $who.jar /cycles/$C/competence-strategy)" 200
done
has "  ... which units proposed it" "$UB_NAME"
has "  ... which goal it serves" "S1 Digitale tjenester for alle"
has "  ... overarching measures" "Overordnede tiltak"
has "  ... the budget, grouped" "000 kr"
has "  ... top management's comment" "Toppledelsens kommentar"
has "  ... as written" "Godkjent i ledermøtet.<br>Følg opp budsjettet &amp; &lt;fremdriften&gt;."
is "API: the latest version for an employee" \
	"$(api "$EMP_TOKEN" GET /api/v1/cycles/$C/competence-strategy)$(json "j['number']")" 2001
is "  ... proposed_by" "$(json "sorted(j['needs'][0]['proposed_by']) == sorted(['$UA_NAME', '$UB_NAME'])")" True
is "  ... goals" "$(json "j['needs'][0]['goals'][0]")" "S1 Digitale tjenester for alle"
is "  ... the approval comment" "$(json "j['approval_comment'].split(chr(10))[1]")" \
	"Følg opp budsjettet & <fremdriften>."

# ---- a second version; version 1 stays as it was ----
V1_BEFORE=$(sql "SELECT group_concat(title || proposed_by || goals, ';') FROM decided_version_needs
	WHERE version_id = (SELECT id FROM decided_versions WHERE cycle_id = $C AND number = 1)")
sql "UPDATE decided_needs SET title = 'Skyarkitektur', criticality = 'high' WHERE id = $NEED1;
INSERT INTO decided_measures (cycle_id, kind, scope, unit_id, title, owner, position, created_at, updated_at)
	VALUES ($C, 'acquire', 'local', $UA, 'Rekruttere skyarkitekt', 'Enhetsleder', 2, 1, 1)"
is "HR sends the revision (API)" "$(api "$HR_TOKEN" POST /api/v1/cycles/$C/decision/send)" 200
is "  ... the last approval's comment cleared" "$(json "repr(j['approval_comment'])")" "''"
is "management approves (API)" \
	"$(api "$MGMT_TOKEN" POST /api/v1/cycles/$C/decision/approve '{"comment":"OK for revisjonen"}')" 200
is "  ... the comment in the answer" "$(json "j['approval_comment']")" "OK for revisjonen"
is "another HR user publishes (API)" \
	"$(api "$PUB_TOKEN" POST /api/v1/cycles/$C/decision/publish '{"note":"Revisjon"}')" 200
is "  ... version 2" "$(sql "SELECT group_concat(number) FROM decided_versions WHERE cycle_id = $C ORDER BY number")" "1,2"
is "version 1's rows unchanged" "$(sql "SELECT group_concat(title || proposed_by || goals, ';') FROM decided_version_needs
	WHERE version_id = (SELECT id FROM decided_versions WHERE cycle_id = $C AND number = 1)")" "$V1_BEFORE"
is "GET version 1: 200" "$(get emp.jar /cycles/$C/competence-strategy/versions/1)" 200
has "  ... says it is an older version" "den nyeste er versjon 2"
has "  ... the old title" "Skykompetanse"
lacks "  ... not version 2's approval comment" "OK for revisjonen"
is "no version 3: 404" "$(get emp.jar /cycles/$C/competence-strategy/versions/3)" 404

# ---- the publisher's user row deleted: the version still names them ----
is "API version 2 names its publisher" \
	"$(api "$EMP_TOKEN" GET /api/v1/cycles/$C/competence-strategy/versions/2)$(json "(j['published_by_name'], j['approval_comment'])")" \
	"200('Pia Publiserer', 'OK for revisjonen')"
sql "PRAGMA foreign_keys = ON; DELETE FROM users WHERE email = 'pia@demo.evne.no'"
is "  ... the user row deleted, the link cleared" \
	"$(sql "SELECT count(*) FROM users WHERE email = 'pia@demo.evne.no'")$(sql "SELECT published_by IS NULL FROM decided_versions WHERE cycle_id = $C AND number = 2")" 01
is "GET version 2 after the deletion: 200" "$(get emp.jar /cycles/$C/competence-strategy/versions/2)" 200
has "  ... still names the publisher" "Pia Publiserer"
lacks "  ... not as a former user" "en tidligere bruker"
has "  ... and shows its approval comment" "OK for revisjonen"
is "API version 2 after the deletion" \
	"$(api "$EMP_TOKEN" GET /api/v1/cycles/$C/competence-strategy/versions/2)$(json "(j['published_by'], j['published_by_name'])")" \
	"200(None, 'Pia Publiserer')"
is "API versions list too" \
	"$(api "$EMP_TOKEN" GET /api/v1/cycles/$C/competence-strategy/versions)$(json "[v['published_by_name'] for v in j['items']] == ['Pia Publiserer', '$HR_NAME']")" \
	200True
is "compare v1 v2: 200" "$(get emp.jar "/cycles/$C/competence-strategy/compare?from=1&to=2")" 200
has "  ... in words: changed" "Endret: Skyarkitektur"
has "  ... added" "Lagt til: Rekruttere skyarkitekt"
has "  ... before and after" "Skykompetanse"
has "  ... criticality in words" "Kritisk"
is "compare with a version that does not exist: 422" \
	"$(get emp.jar "/cycles/$C/competence-strategy/compare?from=1&to=9")" 422
is "API compare" "$(api "$EMP_TOKEN" GET "/api/v1/cycles/$C/competence-strategy/compare?from=1&to=2")" 200
is "  ... the title change" \
	"$(json "[f for c in j['changes'] if c['change'] == 'changed' and c['item'] == 'need' for f in c['fields'] if f['field'] == 'title'][0]['before']")" \
	Skykompetanse
is "  ... the added measure" "$(json "[c['title'] for c in j['changes'] if c['change'] == 'added'][0]")" \
	"Rekruttere skyarkitekt"
is "API compare without a choice: the newest two" \
	"$(api "$EMP_TOKEN" GET "/api/v1/cycles/$C/competence-strategy/compare")$(json "(j['from'], j['to'])")" "200(1, 2)"
is "API compare with a bad number: 400" "$(api "$EMP_TOKEN" GET "/api/v1/cycles/$C/competence-strategy/compare?from=x&to=2")" 400
is "API compare with no such version: 404" "$(api "$EMP_TOKEN" GET "/api/v1/cycles/$C/competence-strategy/compare?from=1&to=7")" 404
is "API versions" "$(api "$EMP_TOKEN" GET /api/v1/cycles/$C/competence-strategy/versions)$(json "[v['number'] for v in j['items']]")" "200[2, 1]"
is "API decision for the representative" "$(api "$REP_TOKEN" GET /api/v1/cycles/$C/decision)$(json "j['status']")" 200compiling
is "API decision for an employee: 403" "$(api "$EMP_TOKEN" GET /api/v1/cycles/$C/decision)" 403
is "API consultations for the representative" \
	"$(api "$REP_TOKEN" GET /api/v1/cycles/$C/consultations)$(json "len(j['items'])")" 2001
is "API: the representative cannot create one" \
	"$(api "$REP_TOKEN" POST /api/v1/cycles/$C/consultations '{"held_on":"2027-04-01","participants":"x"}')" 403
is "API: HR creates one: 201" \
	"$(api "$HR_TOKEN" POST /api/v1/cycles/$C/consultations '{"held_on":"2027-04-01","participants":"Per\nPål"}')" 201
is "  ... with its Location" "$(header Location | sed "s,.*/,,")" "$(json "j['id']")"
is "  ... participants as a list" "$(json "j['participants']")" "['Per', 'Pål']"
K2=$(json "j['id']")
is "API: PATCH the minutes" "$(api "$HR_TOKEN" PATCH /api/v1/cycles/$C/consultations/$K2 '{"minutes":"Kort referat"}')" 200
is "  ... kept the date" "$(json "j['held_on']")" 2027-04-01
is "API: DELETE it: 204" "$(api "$HR_TOKEN" DELETE /api/v1/cycles/$C/consultations/$K2)" 204
is "HR deletes a consultation by the web: 303" "$(post hr.jar $K/$KID/delete csrf="$HR")" 303
is "  ... with its files" "$(sql "SELECT count(*) FROM consultation_files")" 0

echo "1..$N"
[ "$FAILED" -eq 0 ]
