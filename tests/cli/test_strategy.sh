#!/bin/sh
# test_strategy.sh — the strategy of a cycle and the unit goals over real
# HTTP (product.md, phase 1: "What does the organisation's strategy say?
# Which goals and contributions are assigned to my unit?"; issue 4). Starts
# `evne serve` with a demo database and a 2027 cycle and checks: HR writes a
# draft (texts, a main goal, a strategic goal, an indicator with Norwegian
# decimals, a value) that only HR sees; bad input gives 422 and writes
# nothing; publishing behind a confirmation freezes version 1, which every
# role reads (web and API); a leader cannot edit the strategy; a leader adds
# a unit goal for a unit they lead but not for another unit; an employee
# cannot add one; a new draft keeps the strategic goal's identity, and a goal
# that unit goals link to cannot be deleted; hostile text is escaped; a
# closed cycle is read-only (409). Prints TAP.
#
# Environment and tools: see lib.sh.
TEST_NAME=strategy
. "$(dirname "$0")/lib.sh"

start_server --units 12 --people 80 --seed 5 --no-cycle
sql "INSERT INTO cycles (name, status, created_at, updated_at) VALUES ('2027', 'open', 0, 0)"
CY=$(sql "SELECT id FROM cycles WHERE name = '2027'")
HR=$(login hr.jar hr@demo.evne.no "$(pass_of hr)")
LEAD=$(login lead.jar leder@demo.evne.no "$(pass_of leader)")
EMP=$(login emp.jar ansatt@demo.evne.no "$(pass_of employee)")
REP=$(login rep.jar tillitsvalgt@demo.evne.no "$(pass_of representative)")
[ -n "$HR" ] && [ -n "$LEAD" ] && [ -n "$EMP" ] && [ -n "$REP" ] || fail_all "log-ins"
S=/cycles/$CY/strategy

# ---- nothing published yet ----
is "the employee reads the strategy page" "$(get emp.jar $S)" 200
has "  ... not published yet" 'Strategien for dette årshjulet er ikke publisert ennå.'
is "HR sees the page" "$(get hr.jar $S)" 200
has "  ... with a button that starts a draft" "action=\"$S/draft\""

# ---- HR writes the draft ----
is "HR saves the texts: 303" "$(post hr.jar $S/edit csrf="$HR" vision='Vi skal **levere** <script>alert(1)</script>' \
	core_values='* Åpenhet' culture= behaviour= leadership='Ledere gir tillit')" 303
is "  ... a draft exists, audited" "$(sql "SELECT status FROM strategy_versions WHERE cycle_id = $CY") \
$(sql "SELECT count(*) FROM audit_log WHERE entity = 'strategy_version'")" "draft 2"
is "a main goal" "$(post hr.jar $S/main-goals/new csrf="$HR" title='Gode tjenester' description='For innbyggerne')" 303
MG=$(sql "SELECT id FROM strategy_main_goals")
is "GET the strategic goal form" "$(get hr.jar /strategy/main-goals/$MG/goals/new)" 200
has "  ... a code suggested" 'value="S1.1"'
is "a strategic goal" "$(post hr.jar /strategy/main-goals/$MG/goals/new csrf="$HR" main_goal_id=$MG code=S1.1 \
	title='Digitale tjenester' description=)" 303
G=$(sql "SELECT id FROM strategy_goals")
GID=$(sql "SELECT goal_id FROM strategy_goals")
COUNT=$(sql "SELECT count(*) FROM strategy_goals")
is "the same code again: 422" "$(post hr.jar /strategy/main-goals/$MG/goals/new csrf="$HR" main_goal_id=$MG \
	code=S1.1 title=Annet)" 422
has "  ... said at the code" 'Kode: Et annet strategisk mål i strategien har denne koden.'
is "a code with a space and no title: 422" "$(post hr.jar /strategy/main-goals/$MG/goals/new csrf="$HR" \
	main_goal_id=$MG code='S 2' title=)" 422
has "  ... the code" 'href="#f-code">Kode: Bare bokstaver'
has "  ... the title" 'href="#f-title">Tittel: Må fylles ut.'
is "  ... nothing written" "$(sql "SELECT count(*) FROM strategy_goals")" "$COUNT"
is "an indicator with Norwegian decimals" "$(post hr.jar /strategy/goals/$G/indicators/new csrf="$HR" \
	name='Andel digitale søknader' unit_of_measure=% baseline='12,5' target='1 250')" 303
is "  ... stored in hundredths" "$(sql "SELECT baseline || ' ' || target FROM strategy_indicators")" "1250 125000"
IND=$(sql "SELECT id FROM strategy_indicators")
is "a bad baseline: 422" "$(post hr.jar /strategy/goals/$G/indicators/new csrf="$HR" name=X baseline='12,555' target=abc)" 422
has "  ... a decimal message, not 'whole number'" 'Utgangsverdi: Skriv et tall, for eksempel 12,5.'
has "  ... for the target too" 'href="#f-target">Målverdi: Skriv et tall'
is "  ... nothing written" "$(sql "SELECT count(*) FROM strategy_indicators")" 1
is "a value on 31.01.2027" "$(post hr.jar /strategy/indicators/$IND/values/new csrf="$HR" measured_on=31.01.2027 value='40,25')" 303
is "  ... stored as an ISO date" "$(sql "SELECT measured_on || ' ' || value FROM strategy_indicator_values")" "2027-01-31 4025"
is "a date that does not exist: 422" "$(post hr.jar /strategy/indicators/$IND/values/new csrf="$HR" measured_on=2027-02-30 value=1)" 422
has "  ... said" 'Dato: Skriv en gyldig dato (dd.mm.åååå).'
is "the same date again: 422" "$(post hr.jar /strategy/indicators/$IND/values/new csrf="$HR" measured_on=2027-01-31 value=1)" 422
is "  ... nothing written" "$(sql "SELECT count(*) FROM strategy_indicator_values")" 1

is "HR sees the draft" "$(get hr.jar $S)" 200
has "  ... with the draft badge" '>Utkast</span>'
has "  ... the indicator in Norwegian form (no-break space)" "$(printf '1\302\240250 %%')"
has "  ... the latest value" '40,25 %'
has "  ... a chart with a table alternative" '<svg class="strategy-chart" role="img"'
has "  ... Markdown rendered" '<strong>levere</strong>'
has "  ... hostile text escaped" '&lt;script&gt;alert(1)&lt;/script&gt;'
lacks "  ... and never raw" '<script>alert'
get emp.jar $S >/dev/null
lacks "the employee does not see the draft" 'Digitale tjenester'

# ---- who may edit ----
is "a leader cannot edit the strategy (GET)" "$(get lead.jar $S/edit)" 403
is "  ... nor POST" "$(post lead.jar $S/edit csrf="$LEAD" vision=x)" 403
is "a representative cannot add a main goal" "$(post rep.jar $S/main-goals/new csrf="$REP" title=x)" 403
is "  ... nothing changed" "$(sql "SELECT count(*) FROM strategy_main_goals")" 1

# ---- publishing ----
is "the publish confirmation" "$(get hr.jar $S/publish)" 200
has "  ... asks about version 1" 'som versjon 1?'
is "publish: 303" "$(post hr.jar $S/publish csrf="$HR")" 303
is "  ... version 1, audited" "$(sql "SELECT status || number FROM strategy_versions") \
$(sql "SELECT count(*) FROM audit_log WHERE action = 'publish'")" "published1 1"
for who in emp rep lead; do
	is "the $who reads version 1" "$(get $who.jar $S)" 200
	has "  ... with the strategic goal" 'S1.1 Digitale tjenester'
done
is "the versions list" "$(get emp.jar $S/versions)" 200
has "  ... links version 1" "href=\"$S/versions/1\""
is "version 1 by number" "$(get emp.jar $S/versions/1)" 200
is "an unknown version: 404" "$(get emp.jar $S/versions/9)" 404
is "the API for the employee" "$(get emp.jar /api/v1/cycles/$CY/strategy)" 200
has "  ... the stable goal id" "\"goal_id\":$GID"
has "  ... decimals as exact strings" '"baseline":"12.5","target":"1250"'
is "  ... the draft is for HR only" "$(get emp.jar "/api/v1/cycles/$CY/strategy?draft=true")" 403
is "an item of the published version cannot change: 409" \
	"$(post hr.jar /strategy/goals/$G/edit csrf="$HR" main_goal_id=$MG code=S1.1 title=Nytt)" 409

# ---- unit goals ----
LEADER_PERSON=$(sql "SELECT person_id FROM users WHERE email = 'leder@demo.evne.no'")
U=$(sql "SELECT id FROM units WHERE leader_id = $LEADER_PERSON ORDER BY id LIMIT 1")
OTHER=$(sql "SELECT id FROM units WHERE id NOT IN (SELECT id FROM units WHERE leader_id = $LEADER_PERSON)
	AND parent_id IS NULL ORDER BY id LIMIT 1")
is "everyone reads a unit's goals" "$(get emp.jar "/units/$U/goals?cycle=$CY")" 200
is "the leader's form for their unit" "$(get lead.jar "/units/$U/goals/new?cycle=$CY")" 200
has "  ... offers S1.1" "<option value=\"$GID\">S1.1 Digitale tjenester</option>"
is "the leader adds a unit goal" "$(post lead.jar "/units/$U/goals/new?cycle=$CY" csrf="$LEAD" \
	title='Alle skjema digitale' goal_id=$GID contribution='Vi *lager* skjema')" 303
UG=$(sql "SELECT id FROM unit_goals")
is "  ... audited" "$(sql "SELECT count(*) FROM audit_log WHERE entity = 'unit_goal' AND action = 'create'")" 1
is "  ... no strategic goal and no title: 422" "$(post lead.jar "/units/$U/goals/new?cycle=$CY" csrf="$LEAD" title= goal_id=)" 422
has "  ... said" 'href="#f-goal_id">Strategisk mål: Må fylles ut.'
is "  ... the same title again: 422" "$(post lead.jar "/units/$U/goals/new?cycle=$CY" csrf="$LEAD" \
	title='Alle skjema digitale' goal_id=$GID)" 422
is "  ... nothing more written" "$(sql "SELECT count(*) FROM unit_goals")" 1
is "the leader cannot add goals to another unit" "$(post lead.jar "/units/$OTHER/goals/new?cycle=$CY" csrf="$LEAD" \
	title=X goal_id=$GID)" 403
is "an employee cannot add unit goals" "$(post emp.jar "/units/$U/goals/new?cycle=$CY" csrf="$EMP" title=X goal_id=$GID)" 403
is "an employee cannot edit one" "$(get emp.jar /unit-goals/$UG/edit)" 403
is "the unit page lists the goal" "$(get rep.jar "/units/$U/goals?cycle=$CY")" 200
has "  ... with its strategic goal" 'S1.1 Digitale tjenester'
is "the API lists it" "$(get emp.jar "/api/v1/unit-goals?cycle=$CY&unit=$U")" 200
has "  ... with goal_id and code" "\"goal_id\":$GID,\"goal_code\":\"S1.1\""

# ---- a new draft keeps the identity; linked goals cannot be deleted ----
is "HR starts a new draft" "$(post hr.jar $S/draft csrf="$HR")" 303
G2=$(sql "SELECT g.id FROM strategy_goals g JOIN strategy_versions v ON v.id = g.version_id WHERE v.status = 'draft'")
is "  ... the copied goal keeps goal_id" "$(sql "SELECT goal_id FROM strategy_goals WHERE id = $G2")" "$GID"
is "  ... with its indicator and value" "$(sql "SELECT count(*) FROM strategy_indicator_values")" 2
is "the delete page of a linked goal" "$(get hr.jar /strategy/goals/$G2/delete)" 200
has "  ... explains why not" 'kan ikke slettes fordi 1 enhetsmål viser til det'
is "  ... and POST is refused: 409" "$(post hr.jar /strategy/goals/$G2/delete csrf="$HR")" 409
is "  ... still there" "$(sql "SELECT count(*) FROM strategy_goals WHERE id = $G2")" 1
is "the leader deletes the unit goal" "$(post lead.jar /unit-goals/$UG/delete csrf="$LEAD")" 303
is "now the goal can be deleted from the draft" "$(post hr.jar /strategy/goals/$G2/delete csrf="$HR")" 303
is "  ... version 1 still holds it" "$(sql "SELECT count(*) FROM strategy_goals WHERE goal_id = $GID")" 1

# ---- evne import goals ----
UCODE=$(sql "SELECT code FROM units WHERE id = $U")
printf 'cycle;unit_code;goal_code;title;contribution\n2027;%s;S1.1;Importert mål;Vi *bidrar*\n' "$UCODE" >goals.csv
is "import goals: exit 0" "$("$EVNE" import goals goals.csv --db "$DB" >import.out 2>&1; echo $?)" 0
is "  ... the summary" "$(cat import.out)" "goals: 1 created, 0 updated, 0 unchanged"
is "  ... linked by goal_id, audited" "$(sql "SELECT goal_id FROM unit_goals WHERE title = 'Importert mål'") \
$(sql "SELECT count(*) FROM audit_log WHERE entity = 'unit_goal' AND action = 'import'")" "$GID 1"
is "  ... again: unchanged" "$("$EVNE" import goals goals.csv --db "$DB" 2>&1)" "goals: 0 created, 0 updated, 1 unchanged"
printf 'cycle,unit_code,goal_code,title\n2027,%s,S9.9,Et mål\n1999,%s,S1.1,Annet\n2027,FINNES-IKKE,S1.1,Tredje\n2027,%s,S1.1,\n2027,%s,S1.1,Dobbel\n2027,%s,S1.1,Dobbel\n' \
	"$UCODE" "$UCODE" "$UCODE" "$UCODE" "$UCODE" >bad.csv
COUNT=$(sql "SELECT count(*) FROM unit_goals")
is "a bad goals file: exit 1" "$("$EVNE" import goals bad.csv --db "$DB" >/dev/null 2>err.out; echo $?)" 1
is "  ... FILE:LINE errors" "$(cat err.out)" "evne: bad.csv:2: column goal_code: no strategic goal with code \"S9.9\" in the cycle's published strategy
evne: bad.csv:3: column cycle: no cycle named \"1999\"
evne: bad.csv:4: column unit_code: no unit with code \"FINNES-IKKE\" (import units first)
evne: bad.csv:5: column title: a value is required
evne: bad.csv:7: column title: \"Dobbel\" is already on line 6"
is "  ... nothing written" "$(sql "SELECT count(*) FROM unit_goals")" "$COUNT"
is "the import page offers goals" "$(get hr.jar /import)" 200
has "  ... as a kind" 'value="goals"'
has "  ... with its columns" '<code>cycle,unit_code,goal_code,title,contribution</code>'
is "  ... and an example file" "$(get hr.jar /import/example/goals.csv)" 200

# ---- a closed cycle is read-only ----
sql "UPDATE cycles SET status = 'closed' WHERE id = $CY"
is "closed: the texts cannot change (409)" "$(post hr.jar $S/edit csrf="$HR" vision=x)" 409
has "  ... said why" 'Årshjulet er avsluttet.'
is "  ... nor unit goals" "$(post lead.jar "/units/$U/goals/new?cycle=$CY" csrf="$LEAD" title=Y goal_id=$GID)" 409
printf 'cycle;unit_code;goal_code;title\n2027;%s;S1.1;Etter stenging\n' "$UCODE" >late.csv
is "  ... nor imports" "$("$EVNE" import goals late.csv --db "$DB" 2>&1)" \
	"evne: late.csv:2: column cycle: the cycle \"2027\" is closed; its unit goals are read-only"
is "  ... the API says 409 too" "$(curl -s -b hr.jar -o body -w '%{http_code}' -X PATCH -H "X-CSRF-Token: $HR" \
	-H 'Content-Type: application/json' --data '{"vision":"x"}' "$B/api/v1/cycles/$CY/strategy")" 409

echo "1..$N"
[ "$FAILED" -eq 0 ]
