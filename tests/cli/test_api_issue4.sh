#!/bin/sh
# test_api_issue4.sh — the API face of issue 4's writes, over real HTTP with
# Bearer tokens: the strategy items (main goals, strategic goals, indicators,
# indicator values), phase 1's preparation writes (steps, notes, draft
# needs, the document pack, sending it) and a unit's read status and
# reminders. For each: HR, the unit's leader, a leader outside the unit
# (403), an employee (403), bad JSON (400), unknown members (400), wrong
# types and bad values (422 with errors[{field, message, code}]), a closed
# cycle (409), nothing written on errors and an audit row on success.
# Prints TAP. Environment: EVNE (default build/evne). Needs curl, sqlite3,
# python3.
TEST_NAME=api-issue4
. "$(dirname "$0")/lib.sh"

# code — "STATUS-FIELD-CODE" of the first field problem of the last body.
code() {
	json "j['errors'][0]['field'] + ':' + j['errors'][0]['code']"
}

start_server --units 12 --people 80 --seed 5
C=$(open_cycle 'API-prøve')
LEAD_PERSON=$(sql "SELECT person_id FROM users WHERE email = 'leder@demo.evne.no'")
LU=$(sql "SELECT id FROM units WHERE leader_id = $LEAD_PERSON ORDER BY id LIMIT 1")
U=$(sql "SELECT p.unit_id FROM users u JOIN people p ON p.id = u.person_id WHERE u.email = 'ansatt@demo.evne.no'")
OUT=$(sql "SELECT id FROM units WHERE id <> $LU AND id <> $U AND parent_id IS NOT NULL
	AND coalesce(parent_id, 0) <> $LU ORDER BY id LIMIT 1")
HR=$(token hr@demo.evne.no)
LEAD=$(token leder@demo.evne.no)
EMP=$(token ansatt@demo.evne.no)
REP=$(token tillitsvalgt@demo.evne.no)
[ -n "$HR" ] && [ -n "$LEAD" ] && [ -n "$EMP" ] && [ -n "$REP" ] || fail_all "tokens"
audits() {
	sql "SELECT count(*) FROM audit_log WHERE entity = '$1'"
}
audit_rows() {
	sql "SELECT count(*) FROM audit_log"
}

# ================= strategy items =================
S=/api/v1/cycles/$C/strategy
is "no draft yet" "$(sql "SELECT count(*) FROM strategy_versions WHERE cycle_id = $C")" 0
is "leader POST main goal: 403" "$(api "$LEAD" POST $S/main-goals '{"title": "X"}')" 403
is "employee POST main goal: 403" "$(api "$EMP" POST $S/main-goals '{"title": "X"}')" 403
is "representative POST main goal: 403" "$(api "$REP" POST $S/main-goals '{"title": "X"}')" 403
is "bad JSON: 400" "$(api "$HR" POST $S/main-goals '{"title": ')" 400
is "unknown member: 400" "$(api "$HR" POST $S/main-goals '{"title": "X", "colour": 1}')" 400
has "  ... naming it" "colour"
is "a number as title: 422" "$(api "$HR" POST $S/main-goals '{"title": 5}')" 422
is "  ... bad_text on title" "$(code)" "title:bad_text"
is "no title: 422 required" "$(api "$HR" POST $S/main-goals '{"description": "d"}')$(code)" "422title:required"
is "  ... and no draft was started" "$(sql "SELECT count(*) FROM strategy_versions WHERE cycle_id = $C")" 0
is "HR POST main goal: 201" "$(api "$HR" POST $S/main-goals '{"title": "Betre tenester", "description": "Kvifor"}')" 201
MG=$(json "j['id']")
is "  ... the Location names it" "$(header Location)" "/api/v1/strategy/main-goals/$MG"
is "  ... in a new draft" "$(json "j['status'] + ':' + str(j['cycle_id'])")" "draft:$C"
is "  ... audit rows for the draft and the goal" "$(audits strategy_version):$(audits strategy_main_goal)" "1:1"
is "GET main goal as HR: 200" "$(api "$HR" GET /api/v1/strategy/main-goals/$MG)" 200
is "GET a draft's main goal as employee: 404" "$(api "$EMP" GET /api/v1/strategy/main-goals/$MG)" 404
is "PATCH main goal: 200" "$(api "$HR" PATCH /api/v1/strategy/main-goals/$MG '{"title": "Betre tenester for alle"}')$(json "j['title'] + '|' + j['description']")" "200Betre tenester for alle|Kvifor"
is "  ... audited" "$(audits strategy_main_goal)" 2
is "PATCH with nothing changed: no audit row" "$(api "$HR" PATCH /api/v1/strategy/main-goals/$MG '{}')$(audits strategy_main_goal)" 2002
is "PATCH main goal as leader: 403" "$(api "$LEAD" PATCH /api/v1/strategy/main-goals/$MG '{"title": "Y"}')" 403

G=/api/v1/strategy/main-goals/$MG/goals
is "POST goal: 201" "$(api "$HR" POST $G '{"code": "S1.1", "title": "Digitale tenester"}')" 201
GR=$(json "j['id']")
GID=$(json "j['goal_id']")
is "  ... under the main goal" "$(json "j['main_goal_id']")" "$MG"
is "the same code again: 409 taken" "$(api "$HR" POST $G '{"code": "S1.1", "title": "Anna"}')$(code)" "409code:taken"
is "a bad code: 422" "$(api "$HR" POST $G '{"code": "S 1/1", "title": "Anna"}')" 422
is "main_goal_id of nothing: 422 unknown_reference" "$(api "$HR" PATCH /api/v1/strategy/goals/$GR '{"main_goal_id": 999999}')$(code)" "422main_goal_id:unknown_reference"
is "main_goal_id a string: 422" "$(api "$HR" PATCH /api/v1/strategy/goals/$GR '{"main_goal_id": "1"}')" 422
is "  ... nothing changed" "$(sql "SELECT main_goal_id FROM strategy_goals WHERE id = $GR")" "$MG"
is "PATCH goal: 200" "$(api "$HR" PATCH /api/v1/strategy/goals/$GR '{"description": "Meir"}')$(json "j['description']")" "200Meir"
is "goal audit rows" "$(audits strategy_goal)" 2

I=/api/v1/strategy/goals/$GR/indicators
is "POST indicator with a bad baseline: 422" "$(api "$HR" POST $I '{"name": "Brukartilfreds", "baseline": "tolv"}')$(code)" "422baseline:bad_number"
is "three decimals: 422" "$(api "$HR" POST $I '{"name": "Brukartilfreds", "target": "1.255"}')" 422
is "a JSON number: 422" "$(api "$HR" POST $I '{"name": "Brukartilfreds", "target": 12}')" 422
is "  ... no indicator written" "$(sql "SELECT count(*) FROM strategy_indicators WHERE goal_row_id = $GR")" 0
is "POST indicator: 201" "$(api "$HR" POST $I '{"name": "Brukartilfreds", "unit_of_measure": "%", "baseline": "62", "target": "80.5"}')" 201
IND=$(json "j['id']")
is "  ... decimals as strings" "$(json "j['baseline'] + '|' + j['target']")" "62|80.5"
is "PATCH indicator: clear the baseline" "$(api "$HR" PATCH /api/v1/strategy/indicators/$IND '{"baseline": null}')$(json "j['baseline']")" "200None"

V=/api/v1/strategy/indicators/$IND/values
is "POST value without a date: 422" "$(api "$HR" POST $V '{"value": "1"}')$(code)" "422date:required"
is "a date that does not exist: 422" "$(api "$HR" POST $V '{"date": "2027-02-30", "value": "1"}')" 422
is "POST value: 201" "$(api "$HR" POST $V '{"date": "2027-01-31", "value": "12.5"}')" 201
VAL=$(json "j['id']")
is "  ... read back" "$(json "j['date'] + '|' + j['value']")" "2027-01-31|12.5"
is "the same date again: 409" "$(api "$HR" POST $V '{"date": "2027-01-31", "value": "3"}')$(code)" "409date:taken"
is "PATCH value: 200" "$(api "$HR" PATCH /api/v1/strategy/indicator-values/$VAL '{"value": "-3,25"}')$(json "j['value']")" "200-3.25"
is "the draft strategy has the value's id" "$(api "$HR" GET "$S?draft=true")$(json "j['main_goals'][0]['strategic_goals'][0]['indicators'][0]['values'][0]['id']")" "200$VAL"

# publish, link a unit goal, and the published rows are frozen
is "publish: 201" "$(api "$HR" POST $S/publish)" 201
is "PATCH a published main goal: 409" "$(api "$HR" PATCH /api/v1/strategy/main-goals/$MG '{"title": "Z"}')" 409
is "DELETE a published value: 409" "$(api "$HR" DELETE /api/v1/strategy/indicator-values/$VAL)" 409
is "POST a goal under a published main goal: 409" "$(api "$HR" POST $G '{"code": "S1.9", "title": "Z"}')" 409
is "employee GET a published goal: 200" "$(api "$EMP" GET /api/v1/strategy/goals/$GR)" 200
is "unit goal linked" "$(api "$HR" POST /api/v1/unit-goals "{\"cycle_id\": $C, \"unit_id\": $U, \"goal_id\": $GID, \"title\": \"Sjølvbetening\"}")" 201
is "PATCH {} starts a draft" "$(api "$HR" PATCH $S '{}')" 200
api "$HR" GET "$S?draft=true" >/dev/null
MG2=$(json "j['main_goals'][0]['id']")
GR2=$(json "j['main_goals'][0]['strategic_goals'][0]['id']")
IND2=$(json "j['main_goals'][0]['strategic_goals'][0]['indicators'][0]['id']")
VAL2=$(json "j['main_goals'][0]['strategic_goals'][0]['indicators'][0]['values'][0]['id']")
is "DELETE a linked goal: 409" "$(api "$HR" DELETE /api/v1/strategy/goals/$GR2)" 409
has "  ... saying why" "unit goal"
is "DELETE its main goal: 409" "$(api "$HR" DELETE /api/v1/strategy/main-goals/$MG2)" 409
is "  ... nothing deleted" "$(sql "SELECT count(*) FROM strategy_goals WHERE id = $GR2")" 1
N0=$(audits strategy_value)
is "DELETE value as leader: 403" "$(api "$LEAD" DELETE /api/v1/strategy/indicator-values/$VAL2)" 403
is "DELETE value: 204" "$(api "$HR" DELETE /api/v1/strategy/indicator-values/$VAL2)" 204
is "  ... audited" "$(audits strategy_value)" "$((N0 + 1))"
is "DELETE indicator: 204" "$(api "$HR" DELETE /api/v1/strategy/indicators/$IND2)" 204
is "GET it: 404" "$(api "$HR" GET /api/v1/strategy/indicators/$IND2)" 404

# ================= preparation =================
P=/api/v1/cycles/$C/prepare/$U
is "leader tick step 1: 200" "$(api "$LEAD" PUT $P/steps/1)" 200
is "  ... ticked" "$(json "j['checklist'][0]['ticked']")" True
is "  ... audited" "$(audits preparation)" 1
is "tick again: 200, no new audit row" "$(api "$LEAD" PUT $P/steps/1)$(audits preparation)" 2001
is "step 0: 404" "$(api "$LEAD" PUT $P/steps/0)" 404
is "step 99: 404" "$(api "$LEAD" PUT $P/steps/49)" 404
is "leader outside the unit: 403" "$(api "$LEAD" PUT /api/v1/cycles/$C/prepare/$OUT/steps/1)" 403
is "employee tick: 403" "$(api "$EMP" PUT $P/steps/1)" 403
is "representative untick: 403" "$(api "$REP" DELETE $P/steps/1)" 403
is "untick: 200" "$(api "$LEAD" DELETE $P/steps/1)$(json "j['checklist'][0]['ticked']")" 200False
is "HR tick: 200" "$(api "$HR" PUT $P/steps/2)" 200

is "notes: 200" "$(api "$LEAD" PATCH $P '{"likely_goals": "Meir digitalt"}')$(json "j['likely_goals']")" "200Meir digitalt"
is "notes null clears" "$(api "$LEAD" PATCH $P '{"likely_goals": null}')$(json "repr(j['likely_goals'])")" "200''"
is "notes missing: 422" "$(api "$LEAD" PATCH $P '{}')$(code)" "422likely_goals:required"
is "notes as a number: 422" "$(api "$LEAD" PATCH $P '{"likely_goals": 3}')" 422
is "notes with an unknown member: 400" "$(api "$LEAD" PATCH $P '{"notes": "x"}')" 400
is "notes as employee: 403" "$(api "$EMP" PATCH $P '{"likely_goals": "x"}')" 403
is "notes outside: 403" "$(api "$LEAD" PATCH /api/v1/cycles/$C/prepare/$OUT '{"likely_goals": "x"}')" 403
is "notes not JSON: 400" "$(api "$LEAD" PATCH $P 'likely_goals=x')" 400

N0=$(audits prep_draft_need)
is "need without title: 422" "$(api "$LEAD" POST $P/draft-needs '{"description": "x"}')$(code)" "422title:required"
is "need with a two-line title: 422" "$(api "$LEAD" POST $P/draft-needs '{"title": "a\nb"}')$(code)" "422title:bad_text"
is "  ... nothing written" "$(sql "SELECT count(*) FROM prep_draft_needs WHERE cycle_id = $C")" 0
is "need: 201" "$(api "$LEAD" POST $P/draft-needs '{"title": " Tenestedesign ", "description": "Fordi"}')" 201
NEED=$(json "j['id']")
is "  ... trimmed" "$(json "j['title']")" Tenestedesign
is "  ... Location" "$(header Location)" "$P/draft-needs/$NEED"
is "GET the need: 200" "$(api "$LEAD" GET $P/draft-needs/$NEED)" 200
is "GET it under another unit: 404" "$(api "$HR" GET /api/v1/cycles/$C/prepare/$OUT/draft-needs/$NEED)" 404
is "PATCH need: 200" "$(api "$LEAD" PATCH $P/draft-needs/$NEED '{"description": "Fordi brukarane"}')$(json "j['title'] + '|' + j['description']")" "200Tenestedesign|Fordi brukarane"
is "PATCH need as employee: 403" "$(api "$EMP" PATCH $P/draft-needs/$NEED '{"title": "x"}')" 403
is "need audit rows" "$(audits prep_draft_need)" "$((N0 + 2))"

api "$HR" POST /api/v1/documents "{\"title\": \"Leiarrettleiing\", \"kind\": \"leader_guide\", \"cycle_id\": $C, \"body\": \"# Les\"}" >/dev/null
DOC=$(json "j['id']")
is "pack with an unknown document: 422" "$(api "$LEAD" PUT $P/pack '{"document_ids": [999999]}')$(code)" "422document_ids:unknown_reference"
is "pack with a string id: 422" "$(api "$LEAD" PUT $P/pack '{"document_ids": ["1"]}')$(code)" "422document_ids:bad_number"
is "pack not an array: 422" "$(api "$LEAD" PUT $P/pack '{"document_ids": 5}')" 422
is "pack without document_ids: 422" "$(api "$LEAD" PUT $P/pack '{}')" 422
is "  ... nothing chosen" "$(sql "SELECT count(*) FROM prep_pack_documents WHERE cycle_id = $C")" 0
is "send an empty pack: 422" "$(api "$LEAD" POST $P/send)$(code)" "422document_ids:required"
is "pack: 200" "$(api "$LEAD" PUT $P/pack "{\"document_ids\": [$DOC, $DOC]}")$(json "j['pack']['document_ids']")" "200[$DOC]"
is "pack as employee: 403" "$(api "$EMP" PUT $P/pack '{"document_ids": []}')" 403
N0=$(audits preparation)
is "send: 200" "$(api "$LEAD" POST $P/send)$(json "j['pack']['sent_at'] is not None")" 200True
is "  ... read requests made" "$(sql "SELECT count(*) > 0 FROM read_requests WHERE cycle_id = $C AND unit_id = $U")" 1
is "  ... audited" "$(audits preparation)" "$((N0 + 1))"
is "send as employee: 403" "$(api "$EMP" POST $P/send)" 403

# ================= reading and reminders =================
R=/api/v1/units/$U/reading
is "unit reading as leader: 200" "$(api "$LEAD" GET "$R?cycle=$C")$(json "j['requests'] > 0")" 200True
is "unit reading as employee: 403" "$(api "$EMP" GET "$R?cycle=$C")" 403
is "unit reading outside: 403" "$(api "$LEAD" GET "/api/v1/units/$OUT/reading?cycle=$C")" 403
is "remind as employee: 403" "$(api "$EMP" POST "$R/remind?cycle=$C")" 403
is "remind outside: 403" "$(api "$LEAD" POST "/api/v1/units/$OUT/reading/remind?cycle=$C")" 403
is "remind without a cycle: 422" "$(api "$LEAD" POST "$R/remind")$(code)" "422cycle_id:required"
is "remind an unknown cycle: 422" "$(api "$LEAD" POST "$R/remind" '{"cycle_id": 999999}')$(code)" "422cycle_id:unknown_reference"
is "remind with a bad query: 400" "$(api "$LEAD" POST "$R/remind?cycle=x")" 400
is "remind with an unknown member: 400" "$(api "$LEAD" POST "$R/remind" '{"cycle": 1}')" 400
N0=$(audits unit)
is "remind: 200" "$(api "$LEAD" POST "$R/remind" "{\"cycle_id\": $C}")$(json "j['reminded'] > 0")" 200True
is "  ... audited" "$(audits unit)" "$((N0 + 1))"
is "  ... marked" "$(sql "SELECT count(*) > 0 FROM read_requests WHERE cycle_id = $C AND reminder_count = 1")" 1

# ================= a closed cycle =================
sql "UPDATE cycles SET status = 'closed' WHERE id = $C"
N0=$(audit_rows)
is "closed: tick 409" "$(api "$LEAD" PUT $P/steps/3)" 409
is "closed: notes 409" "$(api "$LEAD" PATCH $P '{"likely_goals": "x"}')" 409
is "closed: need 409" "$(api "$LEAD" POST $P/draft-needs '{"title": "x"}')" 409
is "closed: need delete 409" "$(api "$LEAD" DELETE $P/draft-needs/$NEED)" 409
is "closed: pack 409" "$(api "$LEAD" PUT $P/pack '{"document_ids": []}')" 409
is "closed: send 409" "$(api "$LEAD" POST $P/send)" 409
is "closed: remind 409" "$(api "$LEAD" POST "$R/remind?cycle=$C")" 409
is "closed: main goal 409" "$(api "$HR" POST $S/main-goals '{"title": "x"}')" 409
is "closed: PATCH the draft's goal 409" "$(api "$HR" PATCH /api/v1/strategy/goals/$GR2 '{"title": "x"}')" 409
is "closed: value 409" "$(api "$HR" POST /api/v1/strategy/indicators/$IND/values '{"date": "2027-03-01", "value": "1"}')" 409
is "  ... nothing audited" "$(audit_rows)" "$N0"
sql "UPDATE cycles SET status = 'open' WHERE id = $C"
is "open again: delete need 204" "$(api "$LEAD" DELETE $P/draft-needs/$NEED)" 204

echo "1..$N"
[ "$FAILED" -eq 0 ]
