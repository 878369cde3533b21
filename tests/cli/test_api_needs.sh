#!/bin/sh
# test_api_needs.sh — the top-level registers /api/v1/needs and
# /api/v1/measures over real HTTP (contract.md "HTTP": collections with
# cursor paging; docs/api.md, "Registers of proposed needs and measures").
# Starts `evne serve` on a phase-2 demo (dozens of proposals) and checks:
# cursor paging over more items than the limit (every item once, newest
# cycle first, then by id), every filter (cycle, unit, status, competence,
# goal; kind, need) against the database, bad filters, cursors and limits
# (400); scope per role (HR, admin, management and representatives read
# everything, a leader only their units, an employee their own unit, an
# account with no person 403 on the lists); the items match the nested
# routes' objects plus their proposal's status; POST/PATCH/DELETE by id
# with the nested routes' rules: 201 + Location, 422 with errors[] per
# field and nothing changed, 403 outside the actor's units and for a
# representative, 409 on a submitted proposal, audit rows. Prints TAP.
# Environment and tools: see lib.sh.
TEST_NAME=api_needs
. "$(dirname "$0")/lib.sh"

demo_db --phase 2 --seed 4
C=$(sql "SELECT max(id) FROM cycles")
LEAD_PERSON=$(sql "SELECT person_id FROM users WHERE email = 'leder@demo.evne.no'")
LU=$(sql "SELECT id FROM units WHERE leader_id = $LEAD_PERSON ORDER BY id LIMIT 1")
EMP_UNIT=$(sql "SELECT p.unit_id FROM users u JOIN people p ON p.id = u.person_id WHERE u.email = 'ansatt@demo.evne.no'")
SCOPE="WITH RECURSIVE sub(id) AS (SELECT id FROM units WHERE leader_id = $LEAD_PERSON
	UNION SELECT u.id FROM units u JOIN sub ON u.parent_id = sub.id) SELECT id FROM sub"
# a unit with a submitted proposal outside the leader's units, one with a draft
SUB=$(sql "SELECT unit_id FROM unit_discussions WHERE cycle_id = $C AND status = 'submitted'
	AND unit_id NOT IN ($SCOPE) ORDER BY unit_id LIMIT 1")
SUB_NEED=$(sql "SELECT min(id) FROM competence_needs WHERE unit_id = $SUB")
SUB_MEASURE=$(sql "SELECT min(id) FROM proposed_measures WHERE unit_id = $SUB")
DRAFT=$(sql "SELECT n.unit_id FROM competence_needs n WHERE n.cycle_id = $C AND NOT EXISTS
	(SELECT 1 FROM unit_discussions d WHERE d.unit_id = n.unit_id AND d.status <> 'draft')
	AND n.unit_id NOT IN ($SCOPE) ORDER BY n.unit_id LIMIT 1")
ADMIN_TOKEN=$(token admin@demo.evne.no)
HR_TOKEN=$(token hr@demo.evne.no)
LEAD_TOKEN=$(token leder@demo.evne.no)
EMP_TOKEN=$(token ansatt@demo.evne.no)
REP_TOKEN=$(token tillitsvalgt@demo.evne.no)
MGMT_TOKEN=$(token toppledelse@demo.evne.no)
echo 'Passord-uten-person-1' | "$EVNE" user add --db "$DB" --email noperson@demo.evne.no --name "Uten Person" \
	--role employee >/dev/null 2>&1
NOP_TOKEN=$(token noperson@demo.evne.no)
serve
[ -n "$C" ] && [ -n "$LU" ] && [ -n "$SUB_NEED" ] && [ -n "$SUB_MEASURE" ] && [ -n "$DRAFT" ] &&
	[ -n "$ADMIN_TOKEN" ] && [ -n "$NOP_TOKEN" ] || fail_all "a phase-2 demo, its units and tokens"

NEEDS=$(sql "SELECT count(*) FROM competence_needs")
MEASURES=$(sql "SELECT count(*) FROM proposed_measures")
[ "$NEEDS" -gt 20 ] && [ "$MEASURES" -gt 20 ] || fail_all "dozens of proposed needs and measures ($NEEDS, $MEASURES)"

# walk TOKEN PATH LIMIT — every page of a register (following "next"):
# prints "PAGES ITEMS UNIQUE ORDERED", ORDERED 1 when newest cycle first,
# then by id; the ids in file ids, one a line.
walk() {
	B=$B TOKEN=$1 P=$2 LIMIT=$3 python3 - <<'PY'
import json, os, urllib.request
b, tok, path, limit = os.environ["B"], os.environ["TOKEN"], os.environ["P"], os.environ["LIMIT"]
sep = "&" if "?" in path else "?"
items, pages, cursor = [], 0, None
while True:
    url = "%s%s%slimit=%s" % (b, path, sep, limit) + ("&cursor=" + cursor if cursor else "")
    req = urllib.request.Request(url, headers={"Authorization": "Bearer " + tok})
    page = json.load(urllib.request.urlopen(req))
    pages += 1
    items += page["items"]
    assert len(page["items"]) <= int(limit)
    cursor = page["next"]
    if not cursor or pages > 1000:
        break
keys = [(-it["cycle_id"], it["id"]) for it in items]
ids = [it["id"] for it in items]
open("ids", "w").write("".join("%d\n" % i for i in ids))
print(pages, len(items), len(set(ids)), int(keys == sorted(keys)))
PY
}

# count TOKEN PATH — how many items all pages of PATH hold (limit 500).
count() {
	walk "$1" "$2" 500 | awk '{ print $2 }'
}

# ---- paging ----
is "needs in pages of 7: every need once, newest cycle first, then by id" \
	"$(walk "$ADMIN_TOKEN" /api/v1/needs 7)" "$(( (NEEDS + 6) / 7 )) $NEEDS $NEEDS 1"
is "  ... the same ids as the database" "$(tr '\n' ' ' <ids)" "$(sql "SELECT id FROM competence_needs ORDER BY cycle_id DESC, id" | tr '\n' ' ')"
is "measures in pages of 5: every measure once" \
	"$(walk "$ADMIN_TOKEN" /api/v1/measures 5)" "$(( (MEASURES + 4) / 5 )) $MEASURES $MEASURES 1"
is "the default page holds 50" "$(api "$ADMIN_TOKEN" GET /api/v1/needs)$(json '"", len(j["items"]), j["next"] is not None')" \
	"200 50 True"
is "a page of 500 holds everything, next null" "$(api "$ADMIN_TOKEN" GET '/api/v1/needs?limit=500')$(json '"", len(j["items"]), j["next"]')" \
	"200 $NEEDS None"
is "a limit of exactly the count: no next page" "$(api "$ADMIN_TOKEN" GET "/api/v1/needs?limit=$NEEDS")$(json 'j["next"]')" "200None"

for bad in 'limit=0' 'limit=501' 'limit=abc' 'limit=-1' 'limit=' 'limit=07' 'cursor=%21%21%21' 'cursor=AAAA' \
	'cursor=MR8' 'cursor=MR8wMQ'; do
	is "GET /api/v1/needs?$bad: 400" "$(api "$ADMIN_TOKEN" GET "/api/v1/needs?$bad")" 400
done
# a well-made cursor of another list (a person's name as key) is no cycle
PEOPLE_NEXT=$(api "$ADMIN_TOKEN" GET '/api/v1/people?limit=1' >/dev/null; json 'j["next"]')
is "a cursor of /api/v1/people: 400" "$(api "$ADMIN_TOKEN" GET "/api/v1/needs?cursor=$PEOPLE_NEXT")" 400
is "  ... a problem document" "$(header Content-Type)" "application/problem+json"
is "measures: a bad limit is 400 too" "$(api "$ADMIN_TOKEN" GET '/api/v1/measures?limit=1000')" 400
is "without a token: 401" "$(curl -s -o /dev/null -w '%{http_code}' "$B/api/v1/needs")" 401

# ---- a second, newer cycle: it comes first ----
C2=$(open_cycle "Neste år")
is "a need in the newer cycle (HR): 201" \
	"$(api "$HR_TOKEN" POST /api/v1/needs "{\"cycle_id\": $C2, \"unit_id\": $DRAFT, \"title\": \"Kvantedata\", \"criticality\": \"low\", \"horizon\": \"longer\"}")" 201
NEWEST=$(json 'j["id"]')
is "  ... first in the register" "$(api "$ADMIN_TOKEN" GET '/api/v1/needs?limit=1')$(json '"", j["items"][0]["id"], j["items"][0]["cycle_id"]')" "200 $NEWEST $C2"
NEEDS=$((NEEDS + 1))
is "  ... paging still holds every need once, in order" "$(walk "$ADMIN_TOKEN" /api/v1/needs 9)" \
	"$(( (NEEDS + 8) / 9 )) $NEEDS $NEEDS 1"

# ---- filters ----
is "?cycle=$C: its needs only" "$(count "$ADMIN_TOKEN" "/api/v1/needs?cycle=$C")" "$(sql "SELECT count(*) FROM competence_needs WHERE cycle_id = $C")"
is "?cycle=$C2: the one" "$(count "$ADMIN_TOKEN" "/api/v1/needs?cycle=$C2")" 1
is "?cycle=999999: none" "$(count "$ADMIN_TOKEN" "/api/v1/needs?cycle=999999")" 0
is "?unit=$SUB: that unit's needs" "$(count "$ADMIN_TOKEN" "/api/v1/needs?unit=$SUB")" "$(sql "SELECT count(*) FROM competence_needs WHERE unit_id = $SUB")"
is "  ... and no other unit's" "$(api "$ADMIN_TOKEN" GET "/api/v1/needs?unit=$SUB&limit=500")$(json 'sorted(set(i["unit_id"] for i in j["items"]))')" "200[$SUB]"
is "?status=submitted" "$(count "$ADMIN_TOKEN" "/api/v1/needs?status=submitted")" \
	"$(sql "SELECT count(*) FROM competence_needs n JOIN unit_discussions d ON d.cycle_id = n.cycle_id AND d.unit_id = n.unit_id WHERE d.status = 'submitted'")"
is "  ... every item says so" "$(api "$ADMIN_TOKEN" GET "/api/v1/needs?status=submitted&limit=500")$(json 'sorted(set(i["status"] for i in j["items"]))')" "200['submitted']"
is "?status=draft (a unit without a state row is a draft)" "$(count "$ADMIN_TOKEN" "/api/v1/needs?status=draft")" \
	"$(sql "SELECT count(*) FROM competence_needs n LEFT JOIN unit_discussions d ON d.cycle_id = n.cycle_id AND d.unit_id = n.unit_id WHERE coalesce(d.status, 'draft') = 'draft'")"
is "?status=returned: none yet" "$(count "$ADMIN_TOKEN" "/api/v1/needs?status=returned")" 0
COMP=$(sql "SELECT competence_id FROM competence_needs WHERE competence_id IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1")
is "?competence=$COMP" "$(count "$ADMIN_TOKEN" "/api/v1/needs?competence=$COMP")" "$(sql "SELECT count(*) FROM competence_needs WHERE competence_id = $COMP")"
GOAL=$(sql "SELECT goal_id FROM need_goals GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1")
is "?goal=$GOAL (strategic goal identity)" "$(count "$ADMIN_TOKEN" "/api/v1/needs?goal=$GOAL")" "$(sql "SELECT count(*) FROM need_goals WHERE goal_id = $GOAL")"
is "  ... each lists the goal" "$(api "$ADMIN_TOKEN" GET "/api/v1/needs?goal=$GOAL&limit=500")$(json "all($GOAL in i['goal_ids'] for i in j['items'])")" "200True"
is "filters combine (cycle, status, competence)" "$(count "$ADMIN_TOKEN" "/api/v1/needs?cycle=$C&status=submitted&competence=$COMP")" \
	"$(sql "SELECT count(*) FROM competence_needs n JOIN unit_discussions d ON d.cycle_id = n.cycle_id AND d.unit_id = n.unit_id WHERE d.status = 'submitted' AND n.competence_id = $COMP AND n.cycle_id = $C")"
is "filters and paging: ?status=submitted in pages of 4" "$(walk "$ADMIN_TOKEN" "/api/v1/needs?status=submitted" 4 | awk '{ print $2, $3, $4 }')" \
	"$(count "$ADMIN_TOKEN" "/api/v1/needs?status=submitted") $(count "$ADMIN_TOKEN" "/api/v1/needs?status=submitted") 1"
KIND=develop
is "measures ?kind=$KIND" "$(count "$ADMIN_TOKEN" "/api/v1/measures?kind=$KIND")" "$(sql "SELECT count(*) FROM proposed_measures WHERE kind = '$KIND'")"
is "measures ?kind=phase_out" "$(count "$ADMIN_TOKEN" "/api/v1/measures?kind=phase_out")" "$(sql "SELECT count(*) FROM proposed_measures WHERE kind = 'phase_out'")"
LINKED=$(sql "SELECT need_id FROM measure_needs ORDER BY need_id LIMIT 1")
is "measures ?need=$LINKED" "$(count "$ADMIN_TOKEN" "/api/v1/measures?need=$LINKED")" "$(sql "SELECT count(*) FROM measure_needs WHERE need_id = $LINKED")"
is "measures ?unit=$SUB&status=submitted&cycle=$C" "$(count "$ADMIN_TOKEN" "/api/v1/measures?unit=$SUB&status=submitted&cycle=$C")" \
	"$(sql "SELECT count(*) FROM proposed_measures WHERE unit_id = $SUB")"
is "measures ?status=draft" "$(count "$ADMIN_TOKEN" "/api/v1/measures?status=draft")" \
	"$(sql "SELECT count(*) FROM proposed_measures m LEFT JOIN unit_discussions d ON d.cycle_id = m.cycle_id AND d.unit_id = m.unit_id WHERE coalesce(d.status, 'draft') = 'draft'")"
for bad in status=open status= cycle=abc cycle=0 unit=-3 competence=x goal=1.5; do
	is "GET /api/v1/needs?$bad: 400" "$(api "$ADMIN_TOKEN" GET "/api/v1/needs?$bad")" 400
done
for bad in kind=skaffe kind= need=x status=approved; do
	is "GET /api/v1/measures?$bad: 400" "$(api "$ADMIN_TOKEN" GET "/api/v1/measures?$bad")" 400
done

# ---- the items are the nested objects plus their proposal's status ----
api "$ADMIN_TOKEN" GET "/api/v1/cycles/$C/proposals/$SUB/needs/$SUB_NEED" >/dev/null
cp body nested
is "GET /api/v1/needs/$SUB_NEED: 200" "$(api "$ADMIN_TOKEN" GET /api/v1/needs/$SUB_NEED)" 200
is "  ... the nested object plus status" "$(python3 -c "import json; a = json.load(open('nested')); b = json.load(open('body')); s = b.pop('status'); print(a == b, s)")" "True submitted"
api "$ADMIN_TOKEN" GET "/api/v1/cycles/$C/proposals/$SUB/measures/$SUB_MEASURE" >/dev/null
cp body nested
is "GET /api/v1/measures/$SUB_MEASURE: 200" "$(api "$ADMIN_TOKEN" GET /api/v1/measures/$SUB_MEASURE)" 200
is "  ... the nested object plus status" "$(python3 -c "import json; a = json.load(open('nested')); b = json.load(open('body')); s = b.pop('status'); print(a == b, s)")" "True submitted"
is "  ... and as the list shows it" "$(api "$ADMIN_TOKEN" GET "/api/v1/measures?unit=$SUB&limit=500" >/dev/null; json "[i for i in j['items'] if i['id'] == $SUB_MEASURE][0] == json.load(open('nested')) | {'status': 'submitted'}")" True
is "GET /api/v1/needs/999999: 404" "$(api "$ADMIN_TOKEN" GET /api/v1/needs/999999)" 404
is "GET /api/v1/measures/abc: 404" "$(api "$ADMIN_TOKEN" GET /api/v1/measures/abc)" 404

# ---- scope per role ----
for t in HR MGMT REP; do
	eval "tok=\$${t}_TOKEN"
	is "$t reads every need" "$(count "$tok" /api/v1/needs)" "$NEEDS"
	is "$t reads every measure" "$(count "$tok" /api/v1/measures)" "$MEASURES"
done
is "an account with no person: needs 403" "$(api "$NOP_TOKEN" GET /api/v1/needs)" 403
is "  ... a problem with a detail" "$(json '"proposals" in j["detail"]')" True
is "  ... measures 403" "$(api "$NOP_TOKEN" GET /api/v1/measures)" 403
is "  ... as the nested list" "$(api "$NOP_TOKEN" GET /api/v1/cycles/$C/proposals)" 403
is "  ... one need 403" "$(api "$NOP_TOKEN" GET /api/v1/needs/$SUB_NEED)" 403
is "the leader's units hold no need yet: an empty list" "$(api "$LEAD_TOKEN" GET /api/v1/needs)$(json 'j')" "200{'items': [], 'next': None}"
is "the leader cannot read another unit's need: 403" "$(api "$LEAD_TOKEN" GET /api/v1/needs/$SUB_NEED)" 403

# ---- writes: POST ----
NEED_BODY="\"cycle_id\": $C, \"unit_id\": $LU, \"criticality\": \"high\", \"horizon\": \"next_year\""
is "the leader POSTs a need in their unit: 201" "$(api "$LEAD_TOKEN" POST /api/v1/needs "{$NEED_BODY, \"title\": \"Behov 1\", \"required_level\": 3, \"current_level\": 1}")" 201
N1=$(json 'j["id"]')
is "  ... Location /api/v1/needs/ID" "$(header Location)" "/api/v1/needs/$N1"
is "  ... the new need with its proposal's status" "$(json 'j["title"], j["gap"], j["cycle_id"], j["unit_id"], j["status"]')" "Behov 1 2 $C $LU draft"
is "  ... audited" "$(sql "SELECT count(*) FROM audit_log WHERE entity = 'competence_need' AND entity_id = $N1 AND action = 'create'")" 1
is "  ... a second one: 201" "$(api "$LEAD_TOKEN" POST /api/v1/needs "{$NEED_BODY, \"title\": \"Behov 2\"}")" 201
N2=$(json 'j["id"]')
is "  ... and one in the employee's unit (below theirs): 201" "$(api "$LEAD_TOKEN" POST /api/v1/needs "{\"cycle_id\": $C, \"unit_id\": $EMP_UNIT, \"title\": \"Behov 3\", \"criticality\": \"low\", \"horizon\": \"longer\"}")" 201
NE=$(json 'j["id"]')
is "the leader now reads the three needs, in pages of 2" "$(walk "$LEAD_TOKEN" /api/v1/needs 2)" "2 3 3 1"
is "  ... the leader's units hold exactly these" "$(tr '\n' ' ' <ids)" "$(sql "SELECT id FROM competence_needs WHERE unit_id IN ($SCOPE) ORDER BY id" | tr '\n' ' ')"
is "HR sees them too" "$(count "$HR_TOKEN" "/api/v1/needs?unit=$LU")" 2
is "the employee reads their own unit's need only" "$(api "$EMP_TOKEN" GET /api/v1/needs)$(json '[i["id"] for i in j["items"]]')" "200[$NE]"
is "  ... and that one by id" "$(api "$EMP_TOKEN" GET /api/v1/needs/$NE)" 200
is "  ... not the leader's unit's: 403" "$(api "$EMP_TOKEN" GET /api/v1/needs/$N1)" 403
is "  ... nor another unit's: 403" "$(api "$EMP_TOKEN" GET /api/v1/needs/$SUB_NEED)" 403
is "  ... ?unit= of another unit: nothing" "$(count "$EMP_TOKEN" "/api/v1/needs?unit=$SUB")" 0
is "  ... measures: their unit's (none)" "$(count "$EMP_TOKEN" /api/v1/measures)" 0
is "the leader cannot POST to another unit: 403" "$(api "$LEAD_TOKEN" POST /api/v1/needs "{\"cycle_id\": $C, \"unit_id\": $DRAFT, \"title\": \"X\", \"criticality\": \"low\", \"horizon\": \"longer\"}")" 403
is "a representative cannot POST: 403" "$(api "$REP_TOKEN" POST /api/v1/needs "{$NEED_BODY, \"title\": \"X\"}")" 403
is "the employee cannot POST: 403" "$(api "$EMP_TOKEN" POST /api/v1/needs "{$NEED_BODY, \"title\": \"X\"}")" 403

BEFORE=$(sql "SELECT count(*) FROM competence_needs; SELECT count(*) FROM audit_log")
fields() { json 'sorted(e["field"] for e in j["errors"])'; }
codes() { json 'sorted((e["field"], e["code"]) for e in j["errors"])'; }
is "POST without cycle_id and unit_id: 422 naming both" "$(api "$HR_TOKEN" POST /api/v1/needs '{"title": "X", "criticality": "low", "horizon": "longer"}')$(codes)" \
	"422[('cycle_id', 'required'), ('unit_id', 'required')]"
is "POST with an unknown cycle and unit: 422 unknown_ref" "$(api "$HR_TOKEN" POST /api/v1/needs '{"cycle_id": 999999, "unit_id": 999999, "title": "X", "criticality": "low", "horizon": "longer"}')$(codes)" \
	"422[('cycle_id', 'unknown_reference'), ('unit_id', 'unknown_reference')]"
is "POST with a bad criticality and no cycle: both named" "$(api "$HR_TOKEN" POST /api/v1/needs '{"unit_id": 1, "title": "X", "criticality": "huge", "horizon": "longer"}')$(codes)" \
	"422[('criticality', 'bad_choice'), ('cycle_id', 'required')]"
is "POST with no criticality, horizon or title, a level off the scale: 422 per field" \
	"$(api "$LEAD_TOKEN" POST /api/v1/needs "{\"cycle_id\": $C, \"unit_id\": $LU, \"required_level\": 9}")$(fields)" \
	"422['criticality', 'horizon', 'required_level', 'title']"
is "POST with a goal of no strategy: 422 goal_ids" "$(api "$LEAD_TOKEN" POST /api/v1/needs "{$NEED_BODY, \"title\": \"X\", \"goal_ids\": [999999]}")$(codes)" "422[('goal_ids', 'unknown_reference')]"
is "POST with an unknown competence: 422 competence_id" "$(api "$LEAD_TOKEN" POST /api/v1/needs "{$NEED_BODY, \"competence_id\": 999999}")$(fields)" "422['competence_id', 'title']"
is "POST with a wrong type: 422" "$(api "$LEAD_TOKEN" POST /api/v1/needs "{$NEED_BODY, \"title\": \"X\", \"people_affected\": \"many\"}")$(fields)" "422['people_affected']"
is "POST with cycle_id as text: 422" "$(api "$LEAD_TOKEN" POST /api/v1/needs "{\"cycle_id\": \"$C\", \"unit_id\": $LU, \"title\": \"X\", \"criticality\": \"low\", \"horizon\": \"longer\"}")$(fields)" "422['cycle_id']"
is "POST with an unknown member: 400" "$(api "$LEAD_TOKEN" POST /api/v1/needs "{$NEED_BODY, \"title\": \"X\", \"status\": \"draft\"}")" 400
is "POST that is no JSON: 400" "$(api "$LEAD_TOKEN" POST /api/v1/needs '{"title": ')" 400
is "POST as a form: 415" "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $LEAD_TOKEN" --data 'title=X' "$B/api/v1/needs")" 415
is "  ... nothing was written, no audit row" "$(sql "SELECT count(*) FROM competence_needs; SELECT count(*) FROM audit_log")" "$BEFORE"

# ---- writes: PATCH and DELETE ----
ROW="SELECT title, criticality, horizon, required_level, current_level, updated_at FROM competence_needs WHERE id = $N1"
R1=$(sql "$ROW")
is "PATCH a bad criticality and an empty title: 422 per field" "$(api "$LEAD_TOKEN" PATCH /api/v1/needs/$N1 '{"criticality": "x", "title": " "}')$(codes)" \
	"422[('criticality', 'bad_choice'), ('title', 'required')]"
is "PATCH a level off the scale: 422" "$(api "$LEAD_TOKEN" PATCH /api/v1/needs/$N1 '{"current_level": 12}')$(fields)" "422['current_level']"
is "PATCH moving it to another unit: 422 unit_id" "$(api "$LEAD_TOKEN" PATCH /api/v1/needs/$N1 "{\"unit_id\": $DRAFT, \"title\": \"Y\"}")$(codes)" "422[('unit_id', 'not_allowed')]"
is "PATCH moving it to another cycle: 422 cycle_id" "$(api "$LEAD_TOKEN" PATCH /api/v1/needs/$N1 "{\"cycle_id\": $C2}")$(codes)" "422[('cycle_id', 'not_allowed')]"
is "  ... nothing changed" "$(sql "$ROW")" "$R1"
is "PATCH repeating its cycle and unit, a new title: 200" "$(api "$LEAD_TOKEN" PATCH /api/v1/needs/$N1 "{\"cycle_id\": $C, \"unit_id\": $LU, \"title\": \"Nytt navn\", \"criticality\": \"critical\"}")$(json '"", j["title"], j["criticality"], j["status"]')" \
	"200 Nytt navn critical draft"
is "  ... audited" "$(sql "SELECT count(*) FROM audit_log WHERE entity = 'competence_need' AND entity_id = $N1 AND action = 'update'")" 1
is "PATCH that changes nothing: 200, no audit row" "$(api "$LEAD_TOKEN" PATCH /api/v1/needs/$N1 '{"title": "Nytt navn"}')$(sql "SELECT count(*) FROM audit_log WHERE entity = 'competence_need' AND entity_id = $N1")" "2002"
is "a representative cannot PATCH: 403" "$(api "$REP_TOKEN" PATCH /api/v1/needs/$N1 '{"title": "Z"}')" 403
is "  ... nor DELETE: 403" "$(api "$REP_TOKEN" DELETE /api/v1/needs/$N1)" 403
is "the leader cannot PATCH another unit's need: 403" "$(api "$LEAD_TOKEN" PATCH /api/v1/needs/$SUB_NEED '{"title": "Z"}')" 403
is "PATCH of an unknown need: 404" "$(api "$LEAD_TOKEN" PATCH /api/v1/needs/999999 '{"title": "Z"}')" 404
is "DELETE of an unknown need: 404" "$(api "$LEAD_TOKEN" DELETE /api/v1/needs/999999)" 404
is "the employee cannot DELETE their unit's need: 403" "$(api "$EMP_TOKEN" DELETE /api/v1/needs/$NE)" 403
is "the leader DELETEs a need: 204" "$(api "$LEAD_TOKEN" DELETE /api/v1/needs/$NE)" 204
is "  ... gone" "$(api "$LEAD_TOKEN" GET /api/v1/needs/$NE)" 404
is "  ... audited" "$(sql "SELECT count(*) FROM audit_log WHERE entity = 'competence_need' AND entity_id = $NE AND action = 'delete'")" 1
is "  ... a second DELETE: 404" "$(api "$LEAD_TOKEN" DELETE /api/v1/needs/$NE)" 404

# ---- measures ----
MB="\"cycle_id\": $C, \"unit_id\": $LU"
is "the leader POSTs a measure answering their need: 201" "$(api "$LEAD_TOKEN" POST /api/v1/measures "{$MB, \"kind\": \"develop\", \"title\": \"Kurs\", \"estimated_cost\": 12500, \"need_ids\": [$N1]}")" 201
M1=$(json 'j["id"]')
is "  ... Location /api/v1/measures/ID" "$(header Location)" "/api/v1/measures/$M1"
is "  ... with its links and status" "$(json 'j["need_ids"], j["kind"], j["estimated_cost"], j["status"]')" "[$N1] develop 12500 draft"
is "  ... found by ?need=" "$(api "$LEAD_TOKEN" GET "/api/v1/measures?need=$N1")$(json '[i["id"] for i in j["items"]]')" "200[$M1]"
is "  ... the leader's measures are theirs only" "$(count "$LEAD_TOKEN" /api/v1/measures)" 1
BEFORE=$(sql "SELECT count(*) FROM proposed_measures; SELECT count(*) FROM audit_log")
is "POST a measure with a bad kind and no title: 422 per field" "$(api "$LEAD_TOKEN" POST /api/v1/measures "{$MB, \"kind\": \"skaffe\"}")$(codes)" \
	"422[('kind', 'bad_choice'), ('title', 'required')]"
is "POST a measure answering another unit's need: 422 need_ids" "$(api "$LEAD_TOKEN" POST /api/v1/measures "{$MB, \"kind\": \"acquire\", \"title\": \"X\", \"need_ids\": [$SUB_NEED]}")$(codes)" \
	"422[('need_ids', 'unknown_reference')]"
is "POST a measure without unit_id: 422" "$(api "$HR_TOKEN" POST /api/v1/measures "{\"cycle_id\": $C, \"kind\": \"acquire\", \"title\": \"X\"}")$(codes)" "422[('unit_id', 'required')]"
is "a representative cannot POST a measure: 403" "$(api "$REP_TOKEN" POST /api/v1/measures "{$MB, \"kind\": \"acquire\", \"title\": \"X\"}")" 403
is "PATCH a measure with a negative cost: 422" "$(api "$LEAD_TOKEN" PATCH /api/v1/measures/$M1 '{"estimated_cost": -5}')$(fields)" "422['estimated_cost']"
is "PATCH a measure's title to nothing: 422" "$(api "$LEAD_TOKEN" PATCH /api/v1/measures/$M1 '{"title": ""}')$(codes)" "422[('title', 'required')]"
is "  ... nothing was written, no audit row" "$(sql "SELECT count(*) FROM proposed_measures; SELECT count(*) FROM audit_log")" "$BEFORE"
is "PATCH a measure: 200" "$(api "$LEAD_TOKEN" PATCH /api/v1/measures/$M1 '{"kind": "mobilise", "timing": "Vår 2027"}')$(json '"", j["kind"], j["timing"]')" "200 mobilise Vår 2027"
is "the leader cannot DELETE another unit's measure: 403" "$(api "$LEAD_TOKEN" DELETE /api/v1/measures/$SUB_MEASURE)" 403

# ---- a submitted proposal takes no writes: 409, nothing changes ----
BEFORE=$(sql "SELECT count(*), max(updated_at) FROM competence_needs; SELECT count(*), max(updated_at) FROM proposed_measures; SELECT count(*) FROM audit_log")
is "POST a need to a submitted proposal: 409" "$(api "$HR_TOKEN" POST /api/v1/needs "{\"cycle_id\": $C, \"unit_id\": $SUB, \"title\": \"X\", \"criticality\": \"low\", \"horizon\": \"longer\"}")" 409
is "  ... saying why" "$(json '"submitted" in j["detail"].lower() or "locked" in j["detail"].lower() or "read only" in j["detail"].lower()')" True
is "PATCH its need: 409" "$(api "$HR_TOKEN" PATCH /api/v1/needs/$SUB_NEED '{"title": "Z"}')" 409
is "DELETE its need: 409" "$(api "$HR_TOKEN" DELETE /api/v1/needs/$SUB_NEED)" 409
is "POST a measure to it: 409" "$(api "$HR_TOKEN" POST /api/v1/measures "{\"cycle_id\": $C, \"unit_id\": $SUB, \"kind\": \"develop\", \"title\": \"X\"}")" 409
is "PATCH its measure: 409" "$(api "$HR_TOKEN" PATCH /api/v1/measures/$SUB_MEASURE '{"title": "Z"}')" 409
is "DELETE its measure: 409" "$(api "$HR_TOKEN" DELETE /api/v1/measures/$SUB_MEASURE)" 409
is "  ... the same as the nested route" "$(api "$HR_TOKEN" PATCH /api/v1/cycles/$C/proposals/$SUB/needs/$SUB_NEED '{"title": "Z"}')" 409
is "  ... nothing changed" "$(sql "SELECT count(*), max(updated_at) FROM competence_needs; SELECT count(*), max(updated_at) FROM proposed_measures; SELECT count(*) FROM audit_log")" "$BEFORE"

# ---- the leader submits through the nested route; the register follows ----
is "the leader submits their proposal: 200" "$(api "$LEAD_TOKEN" POST /api/v1/cycles/$C/proposals/$LU/submit)" 200
is "  ... the register says submitted" "$(api "$LEAD_TOKEN" GET "/api/v1/needs/$N1")$(json 'j["status"]')" "200submitted"
is "  ... and the leader's writes are refused: 409" "$(api "$LEAD_TOKEN" DELETE /api/v1/measures/$M1)" 409
is "HR returns it: 200" "$(api "$HR_TOKEN" POST /api/v1/cycles/$C/proposals/$LU/return '{"comment": "Mer om kostnadene."}')" 200
is "  ... ?status=returned finds its needs" "$(count "$LEAD_TOKEN" "/api/v1/needs?status=returned")" 2
is "  ... and the leader may delete again: 204" "$(api "$LEAD_TOKEN" DELETE /api/v1/measures/$M1)" 204

echo "1..$N"
[ "$FAILED" -eq 0 ]
