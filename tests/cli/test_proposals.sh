#!/bin/sh
# test_proposals.sh — phase 2, the unit's proposal, over real HTTP
# (product.md, "2. Local competence discussion"; issue 5). Starts `evne
# serve` on a demo organisation (an open cycle with a published strategy)
# and checks: who may read (the unit's leader, a leader above, the unit's
# employee, HR, management, a representative) and who may write (the
# leader in scope, HR; not the employee, not the representative, not a
# leader elsewhere); needs and measures through the forms with bad input
# per field refused (422, nothing written) and hostile text escaped;
# foreign ids (another unit's need, a goal of no strategy, an inactive
# competence, a level off the scale) refused; the phase-1 drafts carried
# over; delete behind a confirmation; submit (none without a need) →
# read only (409) → HR returns with a required comment → editable →
# resubmit; the API's list, reads and writes with problems per field; the
# lineage keeping a need the decision was compiled from; audit rows for
# every change. Prints TAP. Environment and tools: see lib.sh.
TEST_NAME=proposals
. "$(dirname "$0")/lib.sh"

demo_db --units 12 --people 80 --seed 5
C=$(sql "SELECT max(id) FROM cycles")
LEAD_PERSON=$(sql "SELECT person_id FROM users WHERE email = 'leder@demo.evne.no'")
LU=$(sql "SELECT id FROM units WHERE leader_id = $LEAD_PERSON ORDER BY id LIMIT 1")
EMP_UNIT=$(sql "SELECT p.unit_id FROM users u JOIN people p ON p.id = u.person_id WHERE u.email = 'ansatt@demo.evne.no'")
OUT=$(sql "SELECT id FROM units WHERE id <> $LU AND id <> $EMP_UNIT AND coalesce(parent_id, 0) <> $LU
	AND parent_id IS NOT NULL ORDER BY id LIMIT 1")
HR_TOKEN=$(token hr@demo.evne.no)
LEAD_TOKEN=$(token leder@demo.evne.no)
EMP_TOKEN=$(token ansatt@demo.evne.no)
REP_TOKEN=$(token tillitsvalgt@demo.evne.no)
MGMT_TOKEN=$(token toppledelse@demo.evne.no)
serve
[ -n "$C" ] && [ -n "$HR_TOKEN" ] || fail_all "a demo cycle and tokens"

HR=$(login hr.jar hr@demo.evne.no "$(pass_of hr)")
LEAD=$(login lead.jar leder@demo.evne.no "$(pass_of leader)")
EMP=$(login emp.jar ansatt@demo.evne.no "$(pass_of employee)")
REP=$(login rep.jar tillitsvalgt@demo.evne.no "$(pass_of representative)")
[ -n "$HR" ] && [ -n "$LEAD" ] && [ -n "$EMP" ] && [ -n "$REP" ] || fail_all "log-ins"

# the leader works on the demo employee's unit (in their scope)
U=$EMP_UNIT
P=/cycles/$C/proposals/$U
A=/api/v1/cycles/$C/proposals/$U
is "the employee's unit is in the leader's scope" \
	"$(sql "SELECT parent_id = $LU OR id = $LU FROM units WHERE id = $U")" 1
NBSP=$(printf '\302\240')
audits() { sql "SELECT count(*) FROM audit_log WHERE entity = '$1' AND action = '$2'"; }

# ---- who may read and write ----
is "the leader GET $P: 200" "$(get lead.jar $P)" 200
has "  ... a draft, saying what to do" "Forslaget er et utkast."
has "  ... the way to add a need" "href=\"$P/needs/new\""
has "  ... the link to the meeting page" "href=\"/cycles/$C/discussions/$U\""
is "HR GET $P: 200" "$(get hr.jar $P)" 200
is "the unit's employee reads it: 200" "$(get emp.jar $P)" 200
lacks "  ... without the editing links" "href=\"$P/needs/new\""
is "an employee of another unit: 403" "$(get emp.jar /cycles/$C/proposals/$OUT)" 403
is "a representative reads it: 200" "$(get rep.jar $P)" 200
lacks "  ... without the editing links" "href=\"$P/needs/new\""
is "a representative cannot open the need form: 403" "$(get rep.jar $P/needs/new)" 403
is "a representative cannot add a need: 403" "$(post rep.jar $P/needs csrf="$REP" title=X criticality=low horizon=longer)" 403
is "an employee cannot add a need: 403" "$(post emp.jar $P/needs csrf="$EMP" title=X criticality=low horizon=longer)" 403
is "a leader outside their units: read 403" "$(get lead.jar /cycles/$C/proposals/$OUT)" 403
is "  ... write 403" "$(post lead.jar /cycles/$C/proposals/$OUT/needs csrf="$LEAD" title=X criticality=low horizon=longer)" 403
is "management reads it (API): 200" "$(api "$MGMT_TOKEN" GET $A)" 200
is "management cannot return a proposal (API): 403" "$(api "$MGMT_TOKEN" POST $A/return '{"comment": "x"}')" 403
is "unknown unit: 404" "$(get lead.jar /cycles/$C/proposals/999999)" 404
is "unknown cycle: 404" "$(get lead.jar /cycles/999999/proposals/$U)" 404
is "nothing was written" "$(sql "SELECT count(*) FROM competence_needs")" 0

# ---- needs through the forms ----
is "the need form: 200" "$(get lead.jar $P/needs/new)" 200
has "  ... competences grouped by area" "<optgroup label="
has "  ... criticality as radios in a fieldset" 'id="f-criticality-critical"'
has "  ... the scale's levels" "Grunnleggende"
has "  ... the strategy's goals" 'name="goal_ids"'
COMP=$(sql "SELECT id FROM competences WHERE active = 1 ORDER BY id LIMIT 1")
COMP_NAME=$(sql "SELECT name FROM competences WHERE id = $COMP")
GOAL=$(sql "SELECT sg.goal_id FROM strategy_goals sg JOIN strategy_versions v ON v.id = sg.version_id
	WHERE v.cycle_id = $C AND v.status = 'published' ORDER BY sg.id LIMIT 1")
UGOAL=$(sql "SELECT id FROM unit_goals WHERE cycle_id = $C AND unit_id = $U ORDER BY id LIMIT 1")
OTHER_UGOAL=$(sql "SELECT id FROM unit_goals WHERE cycle_id = $C AND unit_id <> $U ORDER BY id LIMIT 1")
is "no competence and no title: 422" "$(post lead.jar $P/needs csrf="$LEAD" title='  ' criticality=high horizon=next_year)" 422
has "  ... names the field" 'href="#f-title">Behov med egne ord:'
is "no criticality: 422" "$(post lead.jar $P/needs csrf="$LEAD" title=Analyse horizon=next_year)" 422
has "  ... names the field" 'href="#f-criticality">'
has "  ... keeps what was typed" 'value="Analyse"'
is "a criticality not offered: 422" "$(post lead.jar $P/needs csrf="$LEAD" title=Analyse criticality=urgent horizon=next_year)" 422
is "a horizon not offered: 422" "$(post lead.jar $P/needs csrf="$LEAD" title=Analyse criticality=low horizon=soon)" 422
is "a level off the scale: 422" "$(post lead.jar $P/needs csrf="$LEAD" title=Analyse criticality=low horizon=longer required_level=9)" 422
has "  ... names the field" 'href="#f-required_level">'
is "a level not a number: 422" "$(post lead.jar $P/needs csrf="$LEAD" title=Analyse criticality=low horizon=longer current_level=x)" 422
is "people affected negative: 422" "$(post lead.jar $P/needs csrf="$LEAD" title=Analyse criticality=low horizon=longer people_affected=-3)" 422
has "  ... names the field" 'href="#f-people_affected">'
is "an unknown competence: 422" "$(post lead.jar $P/needs csrf="$LEAD" competence_id=999999 criticality=low horizon=longer)" 422
has "  ... names the field" 'href="#f-competence_id">'
is "a goal of no strategy: 422" "$(post lead.jar $P/needs csrf="$LEAD" title=Analyse criticality=low horizon=longer goal_ids=999999)" 422
if [ -n "$OTHER_UGOAL" ]; then
	is "another unit's goal: 422" "$(post lead.jar $P/needs csrf="$LEAD" title=Analyse criticality=low horizon=longer unit_goal_ids=$OTHER_UGOAL)" 422
fi
is "a too long rationale: 422" "$(post lead.jar $P/needs csrf="$LEAD" title=Analyse criticality=low horizon=longer "rationale=$(python3 -c 'print("å" * 4001)')")" 422
is "  ... nothing written" "$(sql "SELECT count(*) FROM competence_needs")" 0

set -- csrf="$LEAD" competence_id=$COMP criticality=critical horizon=next_year required_level=3 \
	current_level=1 people_affected="1 200" rationale='Tilsynet krev det <script>alert(1)</script>' goal_ids=$GOAL
[ -n "$UGOAL" ] && set -- "$@" unit_goal_ids=$UGOAL
is "a need from the catalogue: 303" "$(post lead.jar $P/needs "$@")" 303
N1=$(sql "SELECT id FROM competence_needs WHERE cycle_id = $C AND unit_id = $U AND competence_id = $COMP")
is "  ... stored with the competence's name and people 1200" \
	"$(sql "SELECT title || '|' || people_affected || '|' || required_level || '|' || current_level FROM competence_needs WHERE id = $N1")" \
	"$COMP_NAME|1200|3|1"
is "  ... linked to the strategic goal" "$(sql "SELECT count(*) FROM need_goals WHERE need_id = $N1 AND goal_id = $GOAL")" 1
is "  ... audited" "$(audits competence_need create)" 1
get lead.jar $P >/dev/null
has "  ... the table shows the gap" "2 nivå"
has "  ... the level names" "3 – Avansert"
has "  ... people with Norwegian grouping" "1${NBSP}200"
lacks "  ... hostile text escaped" "<script>alert(1)</script>"
has "  ... shown as text" "&lt;script&gt;"
is "a free need: 303" "$(post lead.jar $P/needs csrf="$LEAD" title='Språkvask "><img src=x>' criticality=low horizon=longer)" 303
N2=$(sql "SELECT id FROM competence_needs WHERE title LIKE 'Språkvask%'")
is "edit a need: form 200, save 303" "$(get lead.jar $P/needs/$N2/edit)$(post lead.jar $P/needs/$N2 csrf="$LEAD" title=Språkvask criticality=medium horizon=longer)" 200303
is "  ... saved and audited" "$(sql "SELECT criticality FROM competence_needs WHERE id = $N2")$(audits competence_need update)" medium1
is "a bad edit: 422, nothing changed" "$(post lead.jar $P/needs/$N2 csrf="$LEAD" title='' criticality=low horizon=longer)$(sql "SELECT title FROM competence_needs WHERE id = $N2")" 422Språkvask

# an inactive competence is refused
INACTIVE=$(sql "SELECT id FROM competences WHERE id <> $COMP ORDER BY id LIMIT 1")
sql "UPDATE competences SET active = 0 WHERE id = $INACTIVE"
is "an inactive competence: 422" "$(post lead.jar $P/needs csrf="$LEAD" competence_id=$INACTIVE criticality=low horizon=longer)" 422
sql "UPDATE competences SET active = 1 WHERE id = $INACTIVE"

# ---- carrying phase 1's drafts over ----
sql "INSERT INTO prep_draft_needs (cycle_id, unit_id, title, description, position, created_at)
	VALUES ($C, $U, 'Skytjenester', 'Flytting til sky', 1, 0), ($C, $U, 'Arkivering', '', 2, 0)"
get lead.jar $P >/dev/null
has "the page offers the 2 drafts" "Hent utkast fra lederforberedelsen (2)"
is "the confirmation lists them: 200" "$(get lead.jar $P/carry-over)" 200
has "  ... by title" "Skytjenester"
is "carry over: 303" "$(post lead.jar $P/carry-over csrf="$LEAD")" 303
is "  ... two needs with their source" "$(sql "SELECT count(*) FROM competence_needs WHERE cycle_id = $C AND unit_id = $U AND source_draft_id IS NOT NULL")" 2
is "  ... audited" "$(audits proposal carry_over)" 1
is "carrying again adds nothing" "$(post lead.jar $P/carry-over csrf="$LEAD")$(sql "SELECT count(*) FROM competence_needs WHERE unit_id = $U")" 3034

# ---- measures ----
is "the measure form: 200" "$(get lead.jar $P/measures/new)" 200
has "  ... the four types explained" "Rekruttere, leie inn eller kjøpe kompetanse"
has "  ... the needs to link" "id=\"f-need_ids-$N1\""
is "no type: 422" "$(post lead.jar $P/measures csrf="$LEAD" title=Kurs)" 422
has "  ... names the field" 'href="#f-kind">Type tiltak:'
is "no title: 422" "$(post lead.jar $P/measures csrf="$LEAD" kind=develop)" 422
is "a cost in decimals: 422" "$(post lead.jar $P/measures csrf="$LEAD" kind=develop title=Kurs estimated_cost=12,50)" 422
has "  ... names the field" 'href="#f-estimated_cost">'
is "another unit's need: 422" "$(post lead.jar $P/measures csrf="$LEAD" kind=develop title=Kurs need_ids=999999)" 422
is "  ... nothing written" "$(sql "SELECT count(*) FROM proposed_measures")" 0
is "a measure with a Norwegian amount: 303" "$(post lead.jar $P/measures csrf="$LEAD" kind=develop title='Kurs i analyse' description='To dagar' suggested_owner=HR estimated_cost='12 500' timing='Vår 2027' need_ids=$N1 need_ids=$N2)" 303
M1=$(sql "SELECT id FROM proposed_measures WHERE unit_id = $U")
is "  ... stored" "$(sql "SELECT estimated_cost || '|' || timing FROM proposed_measures WHERE id = $M1")$(sql "SELECT count(*) FROM measure_needs WHERE measure_id = $M1")" "12500|Vår 20272"
get lead.jar $P >/dev/null
has "  ... the cost shown with grouping" "12${NBSP}500 kr"
has "  ... the type in words" "Utvikle"
is "edit the measure: 200, 303" "$(get lead.jar $P/measures/$M1/edit)$(post lead.jar $P/measures/$M1 csrf="$LEAD" kind=acquire title='Kurs i analyse' estimated_cost='kr 8000' need_ids=$N1)" 200303
is "  ... saved" "$(sql "SELECT kind || '|' || estimated_cost FROM proposed_measures WHERE id = $M1")" "acquire|8000"

# ---- delete behind a question ----
post lead.jar $P/needs csrf="$LEAD" title=Fjernast criticality=low horizon=longer >/dev/null
GONE=$(sql "SELECT id FROM competence_needs WHERE title = 'Fjernast'")
is "the delete question: 200" "$(get lead.jar $P/needs/$GONE/delete)" 200
has "  ... names the need" "«Fjernast»"
is "delete: 303, gone, audited" "$(post lead.jar $P/needs/$GONE/delete csrf="$LEAD")$(sql "SELECT count(*) FROM competence_needs WHERE id = $GONE")$(audits competence_need delete)" 30301
is "another unit's need through this path: 404" "$(get lead.jar /cycles/$C/proposals/$LU/needs/$N1/edit)" 404

# ---- submit, read only, return, resubmit ----
EMPTY=$(sql "SELECT id FROM units WHERE (id = $LU OR parent_id = $LU) AND id <> $U ORDER BY id LIMIT 1")
is "submitting with no need: the page says why" "$(get lead.jar /cycles/$C/proposals/$EMPTY/submit)$(grep -c 'minst ett kompetansebehov' body)" 2001
is "  ... and the POST is refused: 422" "$(post lead.jar /cycles/$C/proposals/$EMPTY/submit csrf="$LEAD")" 422
is "the submit question: 200" "$(get lead.jar $P/submit)" 200
has "  ... lists what goes" "Kurs i analyse"
is "submit: 303" "$(post lead.jar $P/submit csrf="$LEAD")" 303
is "  ... submitted, audited" "$(sql "SELECT status FROM unit_discussions WHERE cycle_id = $C AND unit_id = $U")$(audits proposal submit)" submitted1
get lead.jar $P >/dev/null
has "the page says submitted by whom" "Sendt til HR"
lacks "  ... no editing links" "href=\"$P/needs/new\""
is "a need now: 409" "$(post lead.jar $P/needs csrf="$LEAD" title=Sein criticality=low horizon=longer)" 409
has "  ... says why" "Forslaget er sendt til HR og kan ikke endres"
is "the edit form now: 409" "$(get lead.jar $P/needs/$N1/edit)" 409
is "a delete now: 409" "$(post lead.jar $P/measures/$M1/delete csrf="$LEAD")" 409
is "submitting again: 409" "$(post lead.jar $P/submit csrf="$LEAD")" 409
is "API write now: 409" "$(api "$LEAD_TOKEN" PATCH $A/needs/$N1 '{"criticality": "low"}')" 409
is "  ... nothing changed" "$(sql "SELECT count(*) FROM competence_needs WHERE unit_id = $U")$(sql "SELECT criticality FROM competence_needs WHERE id = $N1")" 4critical
is "the leader cannot return it: 403" "$(get lead.jar $P/return)$(post lead.jar $P/return csrf="$LEAD" comment=x)" 403403
get hr.jar $P >/dev/null
has "HR sees the way to return it" "href=\"$P/return\""
is "HR's return form: 200" "$(get hr.jar $P/return)" 200
is "a return without a comment: 422" "$(post hr.jar $P/return csrf="$HR" comment='   ')" 422
has "  ... names the field" 'href="#f-comment">Kommentar til enheten:'
is "  ... still submitted" "$(sql "SELECT status FROM unit_discussions WHERE cycle_id = $C AND unit_id = $U")" submitted
is "HR returns it: 303" "$(post hr.jar $P/return csrf="$HR" comment='Mangler tiltak for språkvask.')" 303
is "  ... returned with the comment, audited" "$(sql "SELECT status || '|' || return_comment FROM unit_discussions WHERE cycle_id = $C AND unit_id = $U")$(audits proposal return)" "returned|Mangler tiltak for språkvask.1"
is "returning again: 409" "$(post hr.jar $P/return csrf="$HR" comment=igjen)" 409
get lead.jar $P >/dev/null
has "the leader sees HR's comment" "Mangler tiltak for språkvask."
has "  ... and what to do" "send forslaget på nytt"
is "editable again: 303" "$(post lead.jar $P/measures csrf="$LEAD" kind=mobilise title='Ny rolle' need_ids=$N2)" 303
is "resubmit: 303" "$(post lead.jar $P/submit csrf="$LEAD")$(sql "SELECT status FROM unit_discussions WHERE cycle_id = $C AND unit_id = $U")" 303submitted

# ---- the API ----
is "list (HR): 200" "$(api "$HR_TOKEN" GET "/api/v1/cycles/$C/proposals?limit=5")" 200
is "  ... a page of 5 and a cursor" "$(json 'len(j["items"]), j["next"] is not None')" "5 True"
CUR=$(json 'j["next"]')
is "  ... the next page continues" "$(api "$HR_TOKEN" GET "/api/v1/cycles/$C/proposals?limit=500&cursor=$CUR")$(json 'len(j["items"])')" "200$(($(sql 'SELECT count(*) FROM units') - 5))"
is "list ?status=submitted" "$(api "$HR_TOKEN" GET "/api/v1/cycles/$C/proposals?status=submitted")$(json '[(i["unit_id"], i["needs"], i["measures"]) for i in j["items"]]')" "200[($U, 4, 2)]"
is "list ?status=bogus: 400" "$(api "$HR_TOKEN" GET "/api/v1/cycles/$C/proposals?status=bogus")" 400
is "the employee's list holds their unit only" "$(api "$EMP_TOKEN" GET "/api/v1/cycles/$C/proposals")$(json '[i["unit_id"] for i in j["items"]]')" "200[$U]"
is "the leader's list holds their units" "$(api "$LEAD_TOKEN" GET "/api/v1/cycles/$C/proposals?limit=500")$(json 'len(j["items"])')" "200$(sql "SELECT count(*) FROM units WHERE id = $LU OR parent_id = $LU")"
is "one proposal: 200 with needs and measures" "$(api "$REP_TOKEN" GET $A)$(json 'j["status"], len(j["needs"]), len(j["measures"]), j["editable"]')" "200submitted 4 2 False"
is "  ... the gap" "$(json '[n["gap"] for n in j["needs"] if n["id"] == '$N1'][0]')" 2
is "HR returns through the API" "$(api "$HR_TOKEN" POST $A/return '{"comment": "Sjå på kostnadene."}')$(json 'j["status"], j["return_comment"]')" "200returned Sjå på kostnadene."
is "a return of a returned one: 409" "$(api "$HR_TOKEN" POST $A/return '{"comment": "x"}')" 409
is "API need: a negative count is a wrong type: 422" "$(api "$LEAD_TOKEN" POST $A/needs '{"title": "X", "criticality": "low", "horizon": "longer", "people_affected": -1}')$(json '[e["field"] for e in j["errors"]]')" "422['people_affected']"
is "API need: bad values, one error per field" "$(api "$LEAD_TOKEN" POST $A/needs '{"criticality": "urgent", "horizon": "never", "required_level": 9, "people_affected": 2}')" 422
is "  ... the fields named" "$(json 'sorted(e["field"] for e in j["errors"])')" "['criticality', 'horizon', 'required_level', 'title']"
is "API need without title or competence: 422 on title" "$(api "$LEAD_TOKEN" POST $A/needs '{"criticality": "low", "horizon": "longer", "required_level": 9}')$(json 'sorted(e["field"] for e in j["errors"])')" "422['required_level', 'title']"
is "API need: 201 with Location" "$(api "$LEAD_TOKEN" POST $A/needs '{"title": "API-behov", "criticality": "high", "horizon": "longer", "people_affected": 0, "goal_ids": ['$GOAL']}')$(json 'j["people_affected"], j["goal_ids"]')" "2010 [$GOAL]"
N3=$(json 'j["id"]')
is "  ... Location" "$(header Location)" "$A/needs/$N3"
is "API PATCH changes only what is given" "$(api "$LEAD_TOKEN" PATCH $A/needs/$N3 '{"current_level": 1, "required_level": 2}')$(json 'j["title"], j["gap"], j["criticality"]')" "200API-behov 1 high"
is "API PATCH an unknown member: 400" "$(api "$LEAD_TOKEN" PATCH $A/needs/$N3 '{"colour": "red"}')" 400
is "API measure with a need of another cycle/unit: 422" "$(api "$LEAD_TOKEN" POST $A/measures '{"kind": "develop", "title": "X", "need_ids": [999999]}')$(json '[e["field"] for e in j["errors"]]')" "422['need_ids']"
is "API measure: 201" "$(api "$LEAD_TOKEN" POST $A/measures '{"kind": "phase_out", "title": "Avvikle faks", "estimated_cost": 0, "need_ids": ['$N3']}')$(json 'j["estimated_cost"], j["need_ids"]')" "2010 [$N3]"
M3=$(json 'j["id"]')
is "API measure delete: 204" "$(api "$LEAD_TOKEN" DELETE $A/measures/$M3)" 204
is "API employee write: 403" "$(api "$EMP_TOKEN" POST $A/needs '{"title": "X", "criticality": "low", "horizon": "longer"}')" 403
is "API representative write: 403" "$(api "$REP_TOKEN" DELETE $A/needs/$N3)" 403
is "API leader elsewhere: 403" "$(api "$LEAD_TOKEN" GET /api/v1/cycles/$C/proposals/$OUT)" 403

# ---- the lineage keeps what the decision was compiled from ----
sql "INSERT INTO decided_needs (cycle_id, scope, title, criticality, horizon, position, created_at, updated_at)
	VALUES ($C, 'organisation', 'Analyse', 'high', 'next_year', 1, 0, 0);
	INSERT INTO decided_need_sources (decided_need_id, need_id) SELECT max(id), $N3 FROM decided_needs"
is "a need the decision uses: 409" "$(post lead.jar $P/needs/$N3/delete csrf="$LEAD")" 409
has "  ... says why" "brukt i den vedtatte kompetansestrategien"
is "  ... kept (API too: 409)" "$(api "$LEAD_TOKEN" DELETE $A/needs/$N3)$(sql "SELECT count(*) FROM competence_needs WHERE id = $N3")" 4091

# ---- nynorsk and English ----
curl -s -b lead.jar -c lead.jar -o /dev/null "$B/lang?to=nn" 2>/dev/null
sql "UPDATE users SET lang = 'nn' WHERE email = 'leder@demo.evne.no'"
get lead.jar $P >/dev/null
has "the page in nynorsk" "Framlegg frå"

# ---- the audit log has every kind of change ----
is "audit rows: needs, measures, state" \
	"$(sql "SELECT count(DISTINCT entity || ':' || action) FROM audit_log WHERE entity IN ('competence_need', 'proposed_measure', 'proposal')")" 9

echo "1..$N"
[ "$FAILED" -eq 0 ]
