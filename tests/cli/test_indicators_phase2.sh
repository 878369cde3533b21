#!/bin/sh
# test_indicators_phase2.sh — the phase-2 indicators over real HTTP
# (product.md, "Indicators": units that submitted proposals, critical needs
# per strategic goal with uncovered goals flagged, measures by type; issue
# 5). Starts `evne serve` on a demo organisation with an open 2027 cycle, a
# published strategy of three goals (one with a hostile title) and, written
# straight into the database, proposals of three units (two submitted, one
# draft), a unit of no people that submitted anyway, and a decided set. Then
# checks: the home page's phase-2 section for HR (the organisation's
# figures, a row per division and none per unit, decided figures, the
# uncovered goal flagged with a word), for a leader (their units only, no
# decided figures), for a representative and top management (the
# organisation in numbers, no one's name), none for an employee; the full
# list per unit (GET /cycles/{id}/indicators): every unit's row, filtered by
# status and subtree, a leader's scope (403 outside it), numbers only for
# representatives, bad query input (400/404); the API's "phase2" objects
# for each role, a leader's ?unit= outside their units (403), bad ?unit=
# and cycle ids; the organisation's numbers against SQL counts of our own;
# and on 130 units: the home page's rows by division summing to the total,
# the list paged 50 at a time in Norwegian order. Prints TAP.
#
# Environment and tools: see lib.sh.
TEST_NAME=indicators_phase2
. "$(dirname "$0")/lib.sh"

NB=$(printf '\302\240')   # the no-break space before "%" on pages

# ---- a database and a server ----
demo_db --units 12 --people 80 --seed 5 --no-cycle
C=$(open_cycle 2027)
LEAD_PERSON=$(sql "SELECT person_id FROM users WHERE email = 'leder@demo.evne.no'")
LU=$(sql "SELECT id FROM units WHERE leader_id = $LEAD_PERSON ORDER BY id LIMIT 1")
CHILD=$(sql "SELECT id FROM units WHERE parent_id = $LU ORDER BY id LIMIT 1")
EMP_UNIT=$(sql "SELECT p.unit_id FROM users u JOIN people p ON p.id = u.person_id WHERE u.email = 'ansatt@demo.evne.no'")
OUT=$(sql "SELECT id FROM units WHERE id NOT IN ($LU, $CHILD, $EMP_UNIT) AND parent_id IS NOT NULL
	AND parent_id <> $LU ORDER BY id LIMIT 1")
[ -n "$LU" ] && [ -n "$CHILD" ] && [ -n "$OUT" ] || fail_all "demo units"
LU_NAME=$(sql "SELECT name FROM units WHERE id = $LU")
OUT_NAME=$(sql "SELECT name FROM units WHERE id = $OUT")
OUT_CODE=$(sql "SELECT code FROM units WHERE id = $OUT")
LEAD_NAME=$(sql "SELECT name FROM people WHERE id = $LEAD_PERSON")

# the strategy: version 1 published with G1, G2 and G3 (no need serves G3)
sql "INSERT INTO strategy_versions (cycle_id, status, number, created_at, updated_at, published_at)
	VALUES ($C, 'published', 1, 0, 0, 0);
	INSERT INTO strategy_main_goals (version_id, title) VALUES ((SELECT max(id) FROM strategy_versions), 'Hovedmål');
	INSERT INTO strategic_goals (cycle_id, created_at) VALUES ($C, 0), ($C, 0), ($C, 0);"
G1=$(sql "SELECT min(id) FROM strategic_goals WHERE cycle_id = $C")
G2=$((G1 + 1))
G3=$((G1 + 2))
sql "INSERT INTO strategy_goals (version_id, main_goal_id, goal_id, code, title) VALUES
	((SELECT max(id) FROM strategy_versions), (SELECT max(id) FROM strategy_main_goals), $G1, 'S1', 'Digital kompetanse'),
	((SELECT max(id) FROM strategy_versions), (SELECT max(id) FROM strategy_main_goals), $G2, 'S2', 'Tilsyn <b>og</b> kontroll'),
	((SELECT max(id) FROM strategy_versions), (SELECT max(id) FROM strategy_main_goals), $G3, 'S3', 'Bærekraft i drift')"

# a unit of no people (active_people 0), which submits anyway
sql "INSERT INTO units (name, code, parent_id, created_at, updated_at) VALUES ('Tom prosjektenhet', 'TOM', 1, 0, 0)"
EMPTY=$(sql "SELECT id FROM units WHERE code = 'TOM'")

# proposals: LU and OUT submitted, CHILD a draft, EMPTY submitted
sql "INSERT INTO unit_discussions (cycle_id, unit_id, status, submitted_at, updated_at) VALUES
	($C, $LU, 'submitted', 1800000000, 0), ($C, $OUT, 'submitted', 1800000000, 0),
	($C, $CHILD, 'draft', NULL, 0), ($C, $EMPTY, 'submitted', 1800000000, 0)"
need() { # UNIT POSITION GOAL...
	u=$1 p=$2
	shift 2
	sql "INSERT INTO competence_needs (cycle_id, unit_id, title, criticality, horizon, position, created_at, updated_at)
		VALUES ($C, $u, 'Behov $u-$p', 'high', 'next_year', $p, 0, 0)"
	id=$(sql "SELECT max(id) FROM competence_needs")
	for g in "$@"; do sql "INSERT INTO need_goals (need_id, goal_id) VALUES ($id, $g)"; done
}
measure() { # UNIT POSITION KIND
	sql "INSERT INTO proposed_measures (cycle_id, unit_id, kind, title, position, created_at, updated_at)
		VALUES ($C, $1, '$3', 'Tiltak', $2, 0, 0)"
}
need "$LU" 1 "$G1"
need "$LU" 2 "$G1" "$G2"
need "$LU" 3
need "$OUT" 1 "$G2"
need "$CHILD" 1 "$G3"          # a draft: G3 stays uncovered
need "$EMPTY" 1 "$G1"
measure "$LU" 1 acquire
measure "$LU" 2 develop
measure "$OUT" 1 develop
measure "$OUT" 2 develop
measure "$CHILD" 1 mobilise
measure "$EMPTY" 1 phase_out
# the decided set: a need for G3, measures develop (overarching) and acquire (local)
sql "INSERT INTO decided_needs (cycle_id, scope, title, criticality, horizon, position, created_at, updated_at)
	VALUES ($C, 'organisation', 'Besluttet behov', 'critical', 'longer', 1, 0, 0);
	INSERT INTO decided_need_goals (decided_need_id, goal_id) VALUES ((SELECT max(id) FROM decided_needs), $G3);
	INSERT INTO decided_measures (cycle_id, kind, scope, unit_id, title, position, created_at, updated_at)
	VALUES ($C, 'develop', 'overarching', NULL, 'Felles', 1, 0, 0), ($C, 'acquire', 'local', $OUT, 'Lokalt', 2, 0, 0)"

EXPECTED=$(sql "SELECT count(*) FROM units WHERE active_people > 0")
HR_TOKEN=$(token hr@demo.evne.no)
EMP_TOKEN=$(token ansatt@demo.evne.no)
LEAD_TOKEN=$(token leder@demo.evne.no)
REP_TOKEN=$(token tillitsvalgt@demo.evne.no)
TOP_TOKEN=$(token toppledelse@demo.evne.no)
serve
[ -n "$HR_TOKEN" ] && [ -n "$TOP_TOKEN" ] || fail_all "tokens"

HR=$(login hr.jar hr@demo.evne.no "$(pass_of hr)")
LEAD=$(login lead.jar leder@demo.evne.no "$(pass_of leader)")
EMP=$(login emp.jar ansatt@demo.evne.no "$(pass_of employee)")
REP=$(login rep.jar tillitsvalgt@demo.evne.no "$(pass_of representative)")
TOP=$(login top.jar toppledelse@demo.evne.no "$(pass_of management)")
[ -n "$HR" ] && [ -n "$LEAD" ] && [ -n "$EMP" ] && [ -n "$REP" ] && [ -n "$TOP" ] || fail_all "log-ins"

# ---- the dashboard on the home page ----
is "HR's home page: 200" "$(get hr.jar /)" 200
has "  ... has the phase-2 section" '<h2 class="ds-heading" data-size="sm" id="dash2-h">Fase 2: lokal kompetansedrøfting</h2>'
has "  ... says which units are expected to submit" "enhetene med aktive personer direkte i enheten"
has "  ... units submitted: 2 of the units with people" "Enheter som har sendt inn forslag: 2 av $EXPECTED"
has "  ... the unit of no people is named apart" "Enheter uten personer som likevel har sendt inn forslag: 1."
has "  ... a need linked to no goal is named" "Foreslåtte behov som ikke er knyttet til noe strategisk mål: 1."
has "  ... goals with proposed needs: 2 of 3" "Strategiske mål som har foreslåtte behov: 2 av 3 (67${NB}%)"
has "  ... the uncovered goal is flagged with a word and an icon" '<strong><span aria-hidden="true">⚠ </span>Ikke dekket</strong>'
is "  ... exactly one goal is uncovered" "$(grep -o 'Ikke dekket</strong>' body | wc -l | tr -d ' ')" 1
has "  ... G1 counts LU's two needs and the empty unit's" "S1 Digital kompetanse</th><td class=\"num\">3</td><td class=\"num\">2</td>"
has "  ... a goal's title is escaped" "S2 Tilsyn &lt;b&gt;og&lt;/b&gt; kontroll"
lacks "  ... and never raw" "Tilsyn <b>og</b>"
has "  ... decided needs are shown to HR" "<th scope=\"col\">Besluttede behov</th>"
has "  ... G3 has a decided need" "S3 Bærekraft i drift</th><td class=\"num\">0</td><td class=\"num\">0</td><td class=\"num\">1</td>"
has "  ... the decision's state" "som nå er under arbeid"
has "  ... measures by type as a chart with numbers" "Utvikle: 3 (60${NB}%)"
has "  ... the draft's mobilise measure is not counted" "Mobilisere: 0 (0${NB}%)"
has "  ... measures table: develop 3 proposed, 1 decided overarching" "<th scope=\"row\">Utvikle</th><td class=\"num\">3</td><td>60${NB}%</td><td class=\"num\">1</td><td class=\"num\">1</td><td class=\"num\">0</td>"
ROOT=$(sql "SELECT id FROM units WHERE parent_id IS NULL")
DIVISIONS=$(sql "SELECT count(*) FROM units WHERE parent_id = $ROOT")
is "  ... a row per division and one for the root's own figures, not one per unit" \
	"$(sed -n '/id="dash2-units"/,/<\/table>/p' body | grep -c '<tr><th scope="row">')" $((DIVISIONS + 1))
has "  ... the root's own row" "(bare enheten selv)</th>"
has "  ... a division's row links to its units in the full list" "href=\"/cycles/$C/indicators?unit="
has "  ... its units not submitted link to the list HR chases from" "&amp;status=not_submitted\">"
lacks "  ... no unit's own proposal state on the home page" "<td>Utkast</td>"
has "  ... and a link to all units" "<a class=\"ds-link\" href=\"/cycles/$C/indicators\">Alle enheter</a>"

is "the leader's home page: 200" "$(get lead.jar /)" 200
has "  ... has the phase-2 section for their units" "Dine enheter. Enheter som skal levere forslag"
has "  ... their units: 1 submitted of 2" "Enheter som har sendt inn forslag: 1 av 2 (50${NB}%)"
has "  ... their unit's row, split into its own figures and its sub-units" "$LU_NAME (bare enheten selv)</th>"
lacks "  ... no other unit's row" "$OUT_NAME</a></th>"
lacks "  ... no decided figures" "Besluttede behov"
has "  ... measures of their units only" "Utvikle: 1 (50${NB}%)"
has "  ... the child's draft need does not cover G3" "Ikke dekket</strong>"

is "the representative's home page: 200" "$(get rep.jar /)" 200
has "  ... has the organisation's phase-2 figures" "Enheter som har sendt inn forslag: 2 av $EXPECTED"
has "  ... with the decided figures (they read the compilation)" "Besluttede behov"
lacks "  ... numbers only: no leader's name" "$LEAD_NAME"
lacks "  ... and no need's title" "Behov $LU-1"
lacks "  ... and no link to write anything" "/prepare\""
is "top management's home page: 200" "$(get top.jar /)" 200
has "  ... has the organisation's phase-2 figures" "Enheter som har sendt inn forslag: 2 av $EXPECTED"
is "an employee's home page: 200" "$(get emp.jar /)" 200
lacks "  ... without the section" "dash2-h"

# ---- the full list per unit: GET /cycles/{id}/indicators ----
L=/cycles/$C/indicators
is "HR's full list: 200" "$(get hr.jar $L)" 200
has "  ... a row per unit: the other unit" "$OUT_NAME <span class=\"ind-code\">($OUT_CODE)</span></th><td>Sendt inn</td>"
has "  ... the draft" "<td>Utkast</td>"
has "  ... the submission date in Norwegian format" "15.01.2027"
has "  ... the unit of no people" "Tom prosjektenhet <span class=\"ind-code\">(TOM)</span></th><td>Sendt inn (ingen personer, ikke forventet)</td>"
has "  ... a unit not started" "<td>Ikke påbegynt</td>"
has "  ... how many units" "Viser enhet 1–$(sql "SELECT count(*) FROM units") av $(sql "SELECT count(*) FROM units")."
is "  ... every unit once in each table" "$(grep -c '<tr><th scope="row">' body)" $(( 2 * $(sql "SELECT count(*) FROM units") ))
lacks "  ... one page: no page links" 'class="pager"'
is "HR, ?status=not_submitted: 200" "$(get hr.jar "$L?status=not_submitted")" 200
is "  ... the expected units not submitted" "$(grep -c '<tr><th scope="row">' body)" $(( 2 * (EXPECTED - 2) ))
lacks "  ... not the submitted ones" "$OUT_NAME <span class=\"ind-code\">($OUT_CODE)</span></th><td>Sendt inn</td>"
has "  ... the draft is among them" "<td>Utkast</td>"
has "  ... the status is kept in the form" '<option value="not_submitted" selected>'
is "HR, ?status=submitted&unit=LU: 200" "$(get hr.jar "$L?status=submitted&unit=$LU")" 200
is "  ... LU's subtree, submitted: LU alone" "$(grep -c '<tr><th scope="row">' body)" 2
has "  ... the path up to the unit" "<strong aria-current=\"location\">$LU_NAME</strong>"
is "the leader's full list: 200" "$(get lead.jar $L)" 200
is "  ... their units only" "$(grep -c '<tr><th scope="row">' body)" 4
lacks "  ... no other unit" "$OUT_NAME"
is "  ... a unit outside their units: 403" "$(get lead.jar "$L?unit=$OUT")" 403
is "the representative's full list: 200" "$(get rep.jar $L)" 200
lacks "  ... numbers only: no leader's name" "$LEAD_NAME"
lacks "  ... no leader column" '<th scope="col">Leder</th>'
is "top management's full list: 200" "$(get top.jar $L)" 200
is "an employee: 403" "$(get emp.jar $L)" 403
is "bad input: ?page=abc 400" "$(get hr.jar "$L?page=abc")" 400
is "  ... ?page=0 400" "$(get hr.jar "$L?page=0")" 400
is "  ... ?page=2 of one page: 404" "$(get hr.jar "$L?page=2")" 404
is "  ... ?status=bogus 400" "$(get hr.jar "$L?status=bogus")" 400
is "  ... ?unit=abc 400" "$(get hr.jar "$L?unit=abc")" 400
is "  ... ?unit= of no unit: 404" "$(get hr.jar "$L?unit=999999")" 404
is "  ... a cycle that does not exist: 404" "$(get hr.jar /cycles/999999/indicators)" 404

# nynorsk and English
curl -s -b hr.jar -c hr.jar -o /dev/null --data-urlencode "lang=nn" --data-urlencode "csrf=$HR" "$B/lang"
get hr.jar / >/dev/null
has "nynorsk: the section in nynorsk" "Einingar som har sendt inn forslag: 2 av $EXPECTED"
has "  ... the flag" "Ikkje dekt</strong>"
curl -s -b hr.jar -c hr.jar -o /dev/null --data-urlencode "lang=en" --data-urlencode "csrf=$HR" "$B/lang"
get hr.jar / >/dev/null
has "English: the section in English" "Units that submitted proposals: 2 of $EXPECTED"
has "  ... the flag" "Not covered</strong>"

# ---- the API ----
I=/api/v1/cycles/$C/indicators
is "API, HR: 200" "$(api "$HR_TOKEN" GET "$I")" 200
is "  ... phase-1 fields unchanged" "$(json '"leaders_prepared" in j and "employees_confirmed_reading" in j and j["scope"]')" "organisation"
is "  ... units_submitted" "$(json '"%d %d %d" % tuple(j["phase2"]["units_submitted"][k] for k in ("count", "total", "percent"))')" \
	"2 $EXPECTED $(( (200 * 2 + EXPECTED) / (2 * EXPECTED) ))"
is "  ... units_submitted_without_people" "$(json 'j["phase2"]["units_submitted_without_people"]')" 1
is "  ... proposed needs (submitted proposals only)" "$(json 'j["phase2"]["proposed_needs"], j["phase2"]["proposed_needs_without_goal"]')" "5 1"
is "  ... goals covered" "$(json 'j["phase2"]["strategic_goals_covered"]')" "{'count': 2, 'total': 3, 'percent': 67}"
is "  ... per goal: proposed, units, covered, decided" \
	"$(json '[(g["code"], g["proposed_needs"], g["units_proposing"], g["covered"], g["decided_needs"]) for g in j["phase2"]["needs_per_strategic_goal"]]')" \
	"[('S1', 3, 2, True, 0), ('S2', 2, 2, True, 0), ('S3', 0, 0, False, 1)]"
is "  ... measures by kind" \
	"$(json '[(k, v["proposed"], v["decided"], v["decided_overarching"], v["decided_local"]) for k, v in j["phase2"]["measures_by_kind"].items()]')" \
	"[('acquire', 1, 1, 0, 1), ('develop', 3, 1, 1, 0), ('mobilise', 0, 0, 0, 0), ('phase_out', 1, 0, 0, 0)]"
is "  ... the decided set" "$(json '[(d["decision_status"], d["needs"], d["measures"], d["strategic_goals_covered"]["count"]) for d in [j["phase2"]["decided"]]][0]')" \
	"('compiling', 1, 2, 1)"
is "  ... a unit's own phase2" \
	"$(json '[(u["phase2"]["status"], u["phase2"]["submitted_at"], u["phase2"]["needs"], u["phase2"]["measures_by_kind"]["develop"], u["phase2"]["expected"]) for u in j["units"] if u["unit_id"] == '"$LU"']')" \
	"[('submitted', '2027-01-15T08:00:00Z', 3, 1, True)]"
is "  ... the draft unit's" "$(json '[u["phase2"]["status"] for u in j["units"] if u["unit_id"] == '"$CHILD"']')" "['draft']"
is "  ... the unit of no people" "$(json '[(u["phase2"]["expected"], u["phase2"]["units_submitted"]["percent"]) for u in j["units"] if u["unit_id"] == '"$EMPTY"']')" "[(False, None)]"
is "  ... every unit has phase2" "$(json 'all("phase2" in u for u in j["units"]), len(j["units"])')" "True $(sql "SELECT count(*) FROM units")"

is "API, HR, ?unit=OUT: 200" "$(api "$HR_TOKEN" GET "$I?unit=$OUT")" 200
is "  ... that unit only, no decided set" "$(json 'j["phase2"]["units_submitted"]["count"], j["phase2"]["proposed_needs"], j["phase2"]["decided"], len(j["units"])')" "1 1 None 1"

is "API, leader: 200" "$(api "$LEAD_TOKEN" GET "$I")" 200
is "  ... their units" "$(json 'j["scope"], j["phase2"]["units_submitted"]["count"], j["phase2"]["units_submitted"]["total"], sorted(u["unit_id"] for u in j["units"]) == sorted([int(x) for x in "'"$LU $CHILD"'".split()])')" "led_units 1 2 True"
is "  ... no decided figures" "$(json 'j["phase2"]["decided"], j["phase2"]["needs_per_strategic_goal"][2]["decided_needs"], j["phase2"]["measures_by_kind"]["develop"]["decided"]')" "None None None"
is "  ... measures of their units only" "$(json 'j["phase2"]["measures_by_kind"]["develop"]["proposed"], j["phase2"]["proposed_measures"]')" "1 2"
is "API, leader, ?unit= outside their units: 403" "$(api "$LEAD_TOKEN" GET "$I?unit=$OUT")" 403
is "API, representative: 200, the organisation" "$(api "$REP_TOKEN" GET "$I")$(json 'j["scope"], j["phase2"]["decided"] is not None')" "200organisation True"
is "API, top management: 200, the organisation" "$(api "$TOP_TOKEN" GET "$I")$(json 'j["scope"], j["phase2"]["units_submitted"]["count"], len(j["units"])')" \
	"200organisation 2 $(sql "SELECT count(*) FROM units")"
is "API, employee: 403" "$(api "$EMP_TOKEN" GET "$I")" 403

# bad input per input path
is "API, ?unit=abc: 400" "$(api "$HR_TOKEN" GET "$I?unit=abc")" 400
is "  ... a problem naming the parameter" "$(json '"unit" in json.dumps(j)')" True
is "API, ?unit= of no unit: 404" "$(api "$HR_TOKEN" GET "$I?unit=999999")" 404
is "API, a cycle that does not exist: 404" "$(api "$HR_TOKEN" GET /api/v1/cycles/999999/indicators)" 404
is "API, a cycle id that is not a number: 404" "$(api "$HR_TOKEN" GET /api/v1/cycles/x/indicators)" 404
is "nothing was written by reading" "$(sql "SELECT count(*) FROM audit_log WHERE entity IN ('unit_discussion', 'decided_need')")" 0

# ---- the organisation's numbers against SQL of our own ----
api "$HR_TOKEN" GET "$I" >/dev/null
got=$(json '"%d/%d %d %d" % (j["phase2"]["units_submitted"]["count"], j["phase2"]["units_submitted"]["total"], j["phase2"]["proposed_needs"], j["phase2"]["proposed_measures"])')
want=$(sql "SELECT
	(SELECT count(*) FROM units u JOIN unit_discussions d ON d.unit_id = u.id AND d.cycle_id = $C
	  WHERE d.status = 'submitted' AND u.active_people > 0) || '/' ||
	(SELECT count(*) FROM units WHERE active_people > 0) || ' ' ||
	(SELECT count(*) FROM competence_needs n JOIN unit_discussions d ON d.unit_id = n.unit_id AND d.cycle_id = n.cycle_id
	  WHERE n.cycle_id = $C AND d.status = 'submitted') || ' ' ||
	(SELECT count(*) FROM proposed_measures m JOIN unit_discussions d ON d.unit_id = m.unit_id AND d.cycle_id = m.cycle_id
	  WHERE m.cycle_id = $C AND d.status = 'submitted')")
is "the API's numbers equal an SQL count" "$got" "$want"

# a returned proposal leaves the count
sql "UPDATE unit_discussions SET status = 'returned' WHERE cycle_id = $C AND unit_id = $OUT"
api "$HR_TOKEN" GET "$I" >/dev/null
is "a returned proposal is no longer submitted" "$(json 'j["phase2"]["units_submitted"]["count"], j["phase2"]["needs_per_strategic_goal"][1]["units_proposing"]')" "1 1"

# ---- 130 units: the home page stays small, the list pages ----
stop_server
DB=paged.db
"$EVNE" init --db "$DB" >/dev/null 2>&1 || fail_all "evne init (130)"
"$EVNE" demo --db "$DB" --units 130 --people 600 --seed 9 --phase 2 >demo.out 2>&1 || fail_all "evne demo (130)"
C3=$(sql "SELECT id FROM cycles WHERE status = 'open' ORDER BY id LIMIT 1")
UNITS=$(sql "SELECT count(*) FROM units")
ROOT=$(sql "SELECT id FROM units WHERE parent_id IS NULL")
DIVISIONS=$(sql "SELECT count(*) FROM units WHERE parent_id = $ROOT")
serve
HR=$(login hr.jar hr@demo.evne.no "$(pass_of hr)")
is "130 units: HR's home page 200" "$(get hr.jar /)" 200
is "  ... phase 1: a row per division (+ the root's own), not every unit" \
	"$(sed -n '/id="dash-units"/,/<\/table>/p' body | grep -c '<tr><th scope="row">')" $((DIVISIONS + 1))
is "  ... phase 2 likewise" "$(sed -n '/id="dash2-units"/,/<\/table>/p' body | grep -c '<tr><th scope="row">')" $((DIVISIONS + 1))
is "  ... the rows sum to the total" \
	"$(sed -n '/id="dash-units"/,/<\/table>/p' body | grep -o '<td class="num">[0-9]*</td>' | tr -dc '0-9\n' | awk '{ s += $1 } END { print s }')" "$UNITS"
is "the list, page 1: 200" "$(get hr.jar /cycles/$C3/indicators)" 200
is "  ... 50 units in each table" "$(grep -c '<tr><th scope="row">' body)" 100
has "  ... says which units of how many" "Viser enhet 1–50 av $UNITS."
has "  ... links to page 2" "href=\"/cycles/$C3/indicators?page=2\" rel=\"next\">Neste side</a>"
has "  ... marks the current page" '<span aria-current="page">Side 1</span>'
is "page 2: 200" "$(get hr.jar "/cycles/$C3/indicators?page=2")" 200
is "  ... 50 units again" "$(grep -c '<tr><th scope="row">' body)" 100
has "  ... with links back" 'rel="prev">Forrige side</a>'
LAST=$(( (UNITS + 49) / 50 ))
is "the last page ($LAST): 200" "$(get hr.jar "/cycles/$C3/indicators?page=$LAST")" 200
is "  ... holds the rest" "$(grep -c '<tr><th scope="row">' body)" $(( 2 * (UNITS - 50 * (LAST - 1)) ))
lacks "  ... and no next page" 'rel="next"'
is "a page after the last: 404" "$(get hr.jar "/cycles/$C3/indicators?page=$((LAST + 1))")" 404
get hr.jar "/cycles/$C3/indicators?page=$LAST" >/dev/null
ORDER=$(sed -n '/id="ind-p2"/,/<\/table>/p' body | grep -o '<tr><th scope="row">[^<]*' | sed 's/.*>//' | tr '\n' '|')
has "  ... the last page ends with the Ø" "Økonomi og virksomhetsstyring"
is "  ... Norwegian order: Å after Ø after Æ after Z (last page)" \
	"$(printf '%s' "$ORDER" | python3 -c 'import sys; n = [x for x in sys.stdin.read().split("|") if x]; k = {"æ": "{", "ø": "|", "å": "}"}; print(n == sorted(n, key=lambda s: [k.get(ch, ch) for ch in s.lower()]))')" True
DIV=$(sql "SELECT id FROM units WHERE parent_id = $ROOT ORDER BY id LIMIT 1")
SUB=$(sql "WITH RECURSIVE t(id) AS (SELECT $DIV UNION ALL SELECT u.id FROM units u JOIN t ON u.parent_id = t.id) SELECT count(*) FROM t")
is "a division's subtree: 200" "$(get hr.jar "/cycles/$C3/indicators?unit=$DIV")" 200
has "  ... all its units counted" "av $SUB."

echo "1..$N"
[ "$FAILED" -eq 0 ]
