#!/bin/sh
# test_compilation.sh — the compilation between phases 2 and 3 over real
# HTTP (product.md, "Between phases 2 and 3"; issue 5, "Compilation and
# decision"). Starts `evne serve` on a demo organisation with an open 2027
# cycle; the units' proposals (as the proposals family stores them) and a
# published strategy are written with sqlite3. Checks: who may read (HR,
# admin, management, representatives; a leader and an employee get 403) and
# who may write (HR; a representative reads but cannot write); the overview
# holds every unit's proposal and the merge form; the merge prefills a
# decided need by the rule; bad input per field is refused with 422 and
# writes nothing; lineage kept, sources added and taken out, audit rows;
# decided measures with Norwegian kroner and dates; the heat map as a table
# with numbers as text; the API (read, create, PATCH, DELETE, 422 with
# errors[], 403); and everything locked (409) once the decision awaits
# approval. Prints TAP.
#
# Environment and tools: see lib.sh.
TEST_NAME=compilation
. "$(dirname "$0")/lib.sh"

demo_db --units 8 --people 40 --seed 7 --no-cycle
C=$(open_cycle 2027)
C2=$(open_cycle 2028)
U1=$(sql "SELECT id FROM units ORDER BY id LIMIT 1 OFFSET 1")
U2=$(sql "SELECT id FROM units ORDER BY id LIMIT 1 OFFSET 2")
U3=$(sql "SELECT id FROM units ORDER BY id LIMIT 1 OFFSET 3")
N1NAME=$(sql "SELECT name FROM units WHERE id = $U1")
N2NAME=$(sql "SELECT name FROM units WHERE id = $U2")
# the demo's catalogue: a competence and its (top-level) area
K=$(sql "SELECT min(id) FROM competences")
KNAME=$(sql "SELECT name FROM competences WHERE id = $K")
ANAME=$(sql "SELECT a.name FROM competence_areas a JOIN competences k ON k.area_id = a.id WHERE k.id = $K")
sql "INSERT INTO unit_discussions (cycle_id, unit_id, status, submitted_at, updated_at) VALUES
	($C, $U1, 'submitted', 1800000000, 0), ($C, $U2, 'submitted', 1800000100, 0), ($C, $U3, 'draft', NULL, 0);
INSERT INTO strategy_versions (cycle_id, status, number, created_at, updated_at, published_at)
	VALUES ($C, 'published', 1, 0, 0, 0);
INSERT INTO strategy_main_goals (version_id, title) SELECT max(id), 'Gode tjenester' FROM strategy_versions;
INSERT INTO strategic_goals (cycle_id, created_at) VALUES ($C, 0);
INSERT INTO strategy_goals (version_id, main_goal_id, goal_id, code, title)
	SELECT (SELECT max(id) FROM strategy_versions), (SELECT max(id) FROM strategy_main_goals),
	(SELECT max(id) FROM strategic_goals), 'G1', 'Digitale tjenester'"
G=$(sql "SELECT max(id) FROM strategic_goals")
need() { # unit competence title criticality level people horizon position
	sql "INSERT INTO competence_needs (cycle_id, unit_id, competence_id, title, criticality, required_level,
		people_affected, horizon, position, created_at, updated_at)
		VALUES (${9:-$C}, $1, $2, '$3', '$4', $5, $6, '$7', $8, 0, 0); SELECT last_insert_rowid();"
}
N1=$(need $U1 $K Dataanalyse medium 2 3 longer 1)
N2=$(need $U2 $K 'Analyse av data' critical 3 4 one_to_three_years 1)
N3=$(need $U1 NULL 'Samisk språk' low NULL NULL next_year 2)
N4=$(need $U3 $K Data high 4 1 next_year 1)
# a section below U1 (the heat map rolls it up into U1's row)
UC=$(sql "SELECT id FROM units WHERE parent_id = $U1 ORDER BY id LIMIT 1")
UCNAME=$(sql "SELECT name FROM units WHERE id = $UC")
sql "INSERT INTO unit_discussions (cycle_id, unit_id, status, submitted_at, updated_at) VALUES ($C, $UC, 'submitted', 1800000200, 0)"
N5=$(need $UC $K 'Analyse i seksjonen' low 2 2 longer 1)
AREA=$(sql "WITH RECURSIVE up(id, parent_id) AS (SELECT a.id, a.parent_id FROM competence_areas a JOIN competences k ON k.area_id = a.id WHERE k.id = $K UNION ALL SELECT b.id, b.parent_id FROM competence_areas b JOIN up ON b.id = up.parent_id) SELECT id FROM up WHERE parent_id IS NULL")
NX=$(need $U1 NULL 'Annen syklus' low NULL NULL next_year 1 $C2)
sql "INSERT INTO need_goals (need_id, goal_id) VALUES ($N2, $G)"
M1=$(sql "INSERT INTO proposed_measures (cycle_id, unit_id, kind, title, estimated_cost, position, created_at,
	updated_at) VALUES ($C, $U1, 'develop', 'Kurs i analyse', 5000, 1, 0, 0); SELECT last_insert_rowid();")
HR_TOKEN=$(token hr@demo.evne.no)
REP_TOKEN=$(token tillitsvalgt@demo.evne.no)
LEAD_TOKEN=$(token leder@demo.evne.no)
serve
[ -n "$HR_TOKEN" ] && [ -n "$N1" ] && [ -n "$M1" ] || fail_all "set-up"

HR=$(login hr.jar hr@demo.evne.no "$(pass_of hr)")
LEAD=$(login lead.jar leder@demo.evne.no "$(pass_of leader)")
EMP=$(login emp.jar ansatt@demo.evne.no "$(pass_of employee)")
REP=$(login rep.jar tillitsvalgt@demo.evne.no "$(pass_of representative)")
MGMT=$(login mgmt.jar toppledelse@demo.evne.no "$(pass_of management)")
[ -n "$HR" ] && [ -n "$LEAD" ] && [ -n "$EMP" ] && [ -n "$REP" ] || fail_all "log-ins"
P=/cycles/$C/compilation
NBSP=$(printf '\302\240')   # Norwegian digit grouping (i18n/fmt.c)
count() { sql "SELECT count(*) FROM $1"; }

# ---- who may read and write ----
is "leader GET $P: 403" "$(get lead.jar $P)" 403
is "employee GET $P: 403" "$(get emp.jar $P)" 403
is "leader GET the heat map: 403" "$(get lead.jar $P/heatmap)" 403
is "representative GET $P: 200" "$(get rep.jar $P)" 200
lacks "  ... without the merge form" "$P/needs/new"
get rep.jar "$P?competence=$K" >/dev/null
has "  ... a competence's needs" "Analyse av data"
lacks "  ... still without the merge form" "$P/needs/new"
if [ -n "$MGMT" ]; then
	is "management GET $P: 200" "$(get mgmt.jar $P)" 200
else
	ok "management log-in not in this demo # SKIP"
fi
is "representative GET needs/new: 403" "$(get rep.jar $P/needs/new)" 403
is "representative POST a decided need: 403" \
	"$(post rep.jar $P/needs csrf=$REP title=X criticality=high horizon=longer scope=organisation)" 403
is "  ... nothing written" "$(count decided_needs)" 0

# ---- the overview ----
is "HR GET $P: 200" "$(get hr.jar $P)" 200
has "  ... the units side by side" "$N1NAME"
has "  ... a link to a unit's proposal" "href=\"/cycles/$C/proposals/$U1\""
has "  ... a table with a caption" "<caption>Enhetenes forslag side om side</caption>"
has "  ... totals of every unit on top" "<caption>Alle enheter med forslag</caption>"
has "  ... the needs grouped: a competence links to its list" "href=\"$P?competence=$K\">$KNAME</a>"
has "  ... its counts: needs, units, highest criticality, merged" \
	"$KNAME</a></th><td class=\"num\">3</td><td class=\"num\">3</td><td>Kritisk</td><td class=\"num\">0</td>"
has "  ... an area's list" "href=\"$P?area=$AREA\""
has "  ... the free ones' list" "href=\"$P?free=1\""
lacks "  ... no needs listed one by one" "Analyse av data"
lacks "  ... no merge form until a list is open" "action=\"$P/needs/new\""
has "  ... the proposed measures counted by kind" "href=\"$P?kind=develop\">Utvikle</a>"
is "HR GET $P?competence=$K: 200" "$(get hr.jar "$P?competence=$K")" 200
has "  ... the submitted need" "Analyse av data"
lacks "  ... not the draft unit's need" ">Data<"
has "  ... grouped by area and competence" "$ANAME – $KNAME"
has "  ... the merge form" "<form method=\"get\" class=\"comp-merge\" action=\"$P/needs/new\">"
has "  ... a checkbox per need" "<input class=\"ds-input\" type=\"checkbox\" name=\"from\" id=\"f-from-$N1\" value=\"$N1\">"
has "  ... the merge button" "Slå sammen valgte til ett vedtatt behov"
is "HR GET $P?competence=$K&drafts=1: 200" "$(get hr.jar "$P?competence=$K&drafts=1")" 200
has "  ... with the draft's need" ">Data ("
is "HR GET $P?free=1: 200" "$(get hr.jar "$P?free=1")" 200
has "  ... the free one" "Samisk språk"
lacks "  ... only the free ones" "Analyse av data"
lacks "  ... nor another cycle's" "Annen syklus"
is "HR GET $P?area=free (the former filter): 200" "$(get hr.jar "$P?area=free")" 200
lacks "  ... only the free ones" "Analyse av data"
is "HR GET $P?area=$AREA: 200" "$(get hr.jar "$P?area=$AREA")" 200
has "  ... needs across the area's competences, to merge" "name=\"from\" id=\"f-from-$N2\""
is "HR GET $P?all=1: 200" "$(get hr.jar "$P?all=1")" 200
has "  ... every submitted need" "Samisk språk"
has "  ... with the catalogue's ones" "Analyse av data"
is "HR GET $P?unit=$U1&competence=$K (a subtree): 200" "$(get hr.jar "$P?unit=$U1&competence=$K")" 200
has "  ... the section's need" "Analyse i seksjonen"
lacks "  ... not another division's" "Analyse av data"
is "HR GET $P?kind=develop: 200" "$(get hr.jar "$P?kind=develop")" 200
has "  ... the measure to pick" "id=\"f-mfrom-$M1\""
for q in unit=x unit=0 status=sent kind=buy page=-1 page=x competence=x "competence=$K&free=1"; do
	is "HR GET $P?$q: 400" "$(get hr.jar "$P?$q")" 400
done
is "HR GET $P?unit=999999: 404" "$(get hr.jar "$P?unit=999999")" 404
is "HR GET $P?competence=999999: 404" "$(get hr.jar "$P?competence=999999")" 404

# ---- merging ----
is "HR GET needs/new?from=$N1,$N2: 200" "$(get hr.jar "$P/needs/new?from=$N1,$N2")" 200
has "  ... the first's title" "value=\"Dataanalyse\""
has "  ... the highest criticality" "<option value=\"critical\" selected>"
has "  ... the nearest horizon" "<option value=\"one_to_three_years\" selected>"
has "  ... organisation, two units proposed it" "<option value=\"organisation\" selected>"
has "  ... people summed" "value=\"7\""
has "  ... the goals united" "value=\"$G\" checked"
is "needs/new?from=$NX (another cycle's): 422" "$(get hr.jar "$P/needs/new?from=$NX")" 422
is "needs/new?from=abc: 422" "$(get hr.jar "$P/needs/new?from=abc")" 422

get hr.jar "$P/needs/new" >/dev/null
T=$(csrf_of)
base="csrf=$T criticality=critical horizon=one_to_three_years scope=organisation"
# shellcheck disable=SC2086
is "an empty title: 422" "$(post hr.jar $P/needs $base title=)" 422
has "  ... says which field" "href=\"#f-title\""
# shellcheck disable=SC2086
is "a criticality not offered: 422" \
	"$(post hr.jar $P/needs csrf=$T title=X criticality=huge horizon=longer scope=organisation)" 422
# shellcheck disable=SC2086
is "a horizon not offered: 422" \
	"$(post hr.jar $P/needs csrf=$T title=X criticality=low horizon=soon scope=organisation)" 422
# shellcheck disable=SC2086
is "scope unit without a unit: 422" \
	"$(post hr.jar $P/needs csrf=$T title=X criticality=low horizon=longer scope=unit)" 422
has "  ... on the unit field" "href=\"#f-unit_id\""
# shellcheck disable=SC2086
is "people affected not a number: 422" "$(post hr.jar $P/needs $base title=X people_affected=mange)" 422
# shellcheck disable=SC2086
is "a source from another cycle: 422" "$(post hr.jar $P/needs $base title=X sources=$NX)" 422
# shellcheck disable=SC2086
is "a goal that does not exist: 422" "$(post hr.jar $P/needs $base title=X goals=999999)" 422
# shellcheck disable=SC2086
is "a level not on the scale: 422" "$(post hr.jar $P/needs $base title=X required_level=9)" 422
# shellcheck disable=SC2086
is "a competence that does not exist: 422" "$(post hr.jar $P/needs $base title=X competence_id=999999)" 422
is "  ... nothing written by any of them" "$(count decided_needs)" 0
# shellcheck disable=SC2086
is "HR creates the merged need: 303" \
	"$(post hr.jar $P/needs $base "title=Dataanalyse <i>" description=Felles competence_id=$K \
		required_level=3 people_affected=7 goals=$G sources=$N1 sources=$N2)" 303
D=$(sql "SELECT max(id) FROM decided_needs")
is "  ... its lineage: two proposals" "$(sql "SELECT count(*) FROM decided_need_sources WHERE decided_need_id = $D")" 2
is "  ... its goal" "$(sql "SELECT goal_id FROM decided_need_goals WHERE decided_need_id = $D")" "$G"
is "  ... an audit row" "$(sql "SELECT count(*) FROM audit_log WHERE entity = 'decided_need' AND entity_id = $D AND action = 'create'")" 1
is "the decided need's page: 200" "$(get rep.jar $P/needs/$D)" 200
has "  ... names both units" "$N2NAME"
has "  ... the title escaped" "Dataanalyse &lt;i&gt;"
lacks "  ... no forms for a representative" "/sources\""
get hr.jar "$P?competence=$K" >/dev/null
has "the list links the proposal to its decided need" "href=\"$P/needs/$D\""
get hr.jar "$P" >/dev/null
has "  ... and the group counts it as merged" \
	"$KNAME</a></th><td class=\"num\">3</td><td class=\"num\">3</td><td>Kritisk</td><td class=\"num\">2</td>"

get hr.jar $P/needs/$D >/dev/null
T=$(csrf_of)
is "take out a source: 303" "$(post hr.jar $P/needs/$D/sources/$N2/delete csrf=$T)" 303
is "  ... one left" "$(sql "SELECT count(*) FROM decided_need_sources WHERE decided_need_id = $D")" 1
is "add a source: 303" "$(post hr.jar $P/needs/$D/sources csrf=$T source_id=$N2)" 303
is "  ... two again" "$(sql "SELECT count(*) FROM decided_need_sources WHERE decided_need_id = $D")" 2
is "add another cycle's need as source: 422" "$(post hr.jar $P/needs/$D/sources csrf=$T source_id=$NX)" 422

# ---- adding sources: the candidates that matter, several at once ----
is "the decided need's page, for HR: 200" "$(get hr.jar $P/needs/$D)" 200
has "  ... the same competence's submitted need offered" \
	"name=\"source_id\" id=\"f-source_id\" value=\"$N5\""
lacks "  ... not its sources" "name=\"source_id\" id=\"f-source_id-$N1\""
lacks "  ... nor the other source" "value=\"$N2\"><label"
lacks "  ... nor a draft's need" "value=\"$N4\"><label"
lacks "  ... nor a free one" "value=\"$N3\"><label"
has "  ... as a table with a caption" "<caption>Forslag som kan legges til</caption>"
has "  ... one button for all ticked" "Legg til valgte"
has "  ... a link to the competence's list in the overview" "href=\"$P?competence=$K&amp;into=$D\""
has "  ... and to its area's" "href=\"$P?area="
lacks "  ... no select of every proposal" "<select class=\"ds-input\" id=\"f-source_id\""
ADDS=$(sql "SELECT count(*) FROM audit_log WHERE entity = 'decided_need' AND entity_id = $D AND action = 'add_source'")
is "a good and a bad id at once: 422" \
	"$(post hr.jar $P/needs/$D/sources csrf=$T source_id=$N5 source_id=$NX)" 422
has "  ... says so at the boxes" "id=\"f-source_id-error\""
has "  ... the box stays ticked" "value=\"$N5\" checked"
is "  ... nothing added" "$(sql "SELECT count(*) FROM decided_need_sources WHERE decided_need_id = $D")" 2
is "  ... no audit row" \
	"$(sql "SELECT count(*) FROM audit_log WHERE entity = 'decided_need' AND entity_id = $D AND action = 'add_source'")" "$ADDS"
is "an id that is not a number: 422" "$(post hr.jar $P/needs/$D/sources csrf=$T source_id=$N5 source_id=abc)" 422
is "  ... nothing added" "$(sql "SELECT count(*) FROM decided_need_sources WHERE decided_need_id = $D")" 2
is "nothing ticked: 422" "$(post hr.jar $P/needs/$D/sources csrf=$T)" 422
has "  ... asks for a choice" "id=\"f-source_id-error\""
is "take out a source again: 303" "$(post hr.jar $P/needs/$D/sources/$N2/delete csrf=$T)" 303
is "add two ticked at once: 303" "$(post hr.jar $P/needs/$D/sources csrf=$T source_id=$N2 source_id=$N5)" 303
is "  ... three sources" "$(sql "SELECT count(*) FROM decided_need_sources WHERE decided_need_id = $D")" 3
is "  ... one audit row for both" \
	"$(sql "SELECT count(*) FROM audit_log WHERE entity = 'decided_need' AND entity_id = $D AND action = 'add_source'")" \
	"$((ADDS + 1))"
is "  ... naming both" "$(sql "SELECT count(*) FROM audit_log WHERE entity = 'decided_need' AND entity_id = $D
	AND action = 'add_source' AND changes LIKE '%$N2%' AND changes LIKE '%$N5%' AND id = (SELECT max(id) FROM audit_log)")" 1
get hr.jar $P/needs/$D >/dev/null
has "  ... says it" "Forslagene er lagt til."
has "  ... no candidates left of the competence" "Ingen andre innsendte forslag gjelder $KNAME."
is "take the section's need out again: 303" "$(post hr.jar $P/needs/$D/sources/$N5/delete csrf=$T)" 303
is "the overview's list, adding to the need: 200" "$(get hr.jar "$P?competence=$K&into=$D")" 200
has "  ... its boxes post to the need" "<form method=\"post\" class=\"comp-merge\" action=\"$P/needs/$D/sources\">"
has "  ... named source_id" "name=\"source_id\" id=\"f-into-$N5\" value=\"$N5\""
has "  ... the button names the need" "Legg valgte til i «Dataanalyse &lt;i&gt;»"
lacks "  ... no merge into a new need" "action=\"$P/needs/new\""
is "  ... an unknown need: 404" "$(get hr.jar "$P?competence=$K&into=999999")" 404
is "  ... not an id: 400" "$(get hr.jar "$P?competence=$K&into=x")" 400
get rep.jar "$P?competence=$K&into=$D" >/dev/null
lacks "  ... a representative gets no form" "/sources\""
# a need described freely: the candidates share words with its title (case-folded, æøå too)
N6=$(need $U2 NULL 'SPRÅK I SKOLEN' high 3 NULL next_year 2)
N7=$(need $U2 NULL 'Regnskap' high 3 NULL next_year 3)
is "a free decided need: 303" "$(post hr.jar $P/needs $base "title=Språk og økonomi" sources=$N3)" 303
DW=$(sql "SELECT max(id) FROM decided_needs")
is "  ... its page: 200" "$(get hr.jar $P/needs/$DW)" 200
has "  ... offers a need with the same word in capitals" "value=\"$N6\"><label"
lacks "  ... not one without a shared word" "value=\"$N7\"><label"
lacks "  ... nor its source" "value=\"$N3\"><label"
has "  ... with a column for the competence" "<th scope=\"col\">Kompetanse</th>"
has "  ... links to the free ones" "href=\"$P?free=1&amp;into=$DW\""
has "  ... and to all" "href=\"$P?all=1&amp;into=$DW\""
is "  ... add it: 303" "$(post hr.jar $P/needs/$DW/sources csrf=$T source_id=$N6)" 303
is "  ... two sources" "$(sql "SELECT count(*) FROM decided_need_sources WHERE decided_need_id = $DW")" 2
is "  ... delete that need: 303" "$(post hr.jar $P/needs/$DW/delete csrf=$T)" 303
sql "DELETE FROM competence_needs WHERE id IN ($N6, $N7)"
is "a proposal in a lineage cannot be deleted" \
	"$(sqlite3 "$DB" "PRAGMA foreign_keys = ON; DELETE FROM competence_needs WHERE id = $N1" 2>&1 | grep -c FOREIGN)" 1
is "edit form: 200" "$(get hr.jar $P/needs/$D/edit)" 200
has "  ... the sources ticked" "value=\"$N2\" checked"
is "the edit keeps the form on bad input: 422" \
	"$(post hr.jar $P/needs/$D csrf=$T title= criticality=low horizon=longer scope=organisation)" 422
has "  ... with the posted values" "<option value=\"low\" selected>"

# ---- decided measures ----
is "HR GET measures/new?from=$M1: 200" "$(get hr.jar "$P/measures/new?from=$M1")" 200
has "  ... the proposal's title" "value=\"Kurs i analyse\""
has "  ... the cost as budget, grouped" "value=\"5${NBSP}000\""
T=$(csrf_of)
mbase="csrf=$T kind=develop scope=overarching title=Analysekurs"
# shellcheck disable=SC2086
is "a budget with decimals: 422" "$(post hr.jar $P/measures $mbase budget=12,5)" 422
has "  ... on the budget" "href=\"#f-budget\""
# shellcheck disable=SC2086
is "a date that does not exist: 422" "$(post hr.jar $P/measures $mbase deadline=31.02.2027)" 422
# shellcheck disable=SC2086
is "a type not offered: 422" "$(post hr.jar $P/measures csrf=$T kind=buy scope=overarching title=X)" 422
# shellcheck disable=SC2086
is "local without a unit: 422" "$(post hr.jar $P/measures csrf=$T kind=develop scope=local title=X)" 422
# shellcheck disable=SC2086
is "a need that is not decided: 422" "$(post hr.jar $P/measures $mbase needs=999999)" 422
is "  ... nothing written" "$(count decided_measures)" 0
# shellcheck disable=SC2086
is "HR creates a measure (Norwegian number and date): 303" \
	"$(post hr.jar $P/measures $mbase "budget=12 500" deadline=30.06.2027 owner=HR needs=$D sources=$M1)" 303
DM=$(sql "SELECT max(id) FROM decided_measures")
is "  ... budget and deadline stored" "$(sql "SELECT budget || ' ' || deadline FROM decided_measures WHERE id = $DM")" \
	"12500 2027-06-30"
is "  ... answers the need" "$(sql "SELECT decided_need_id FROM decided_measure_needs WHERE measure_id = $DM")" "$D"
is "the measure's page: 200" "$(get hr.jar $P/measures/$DM)" 200
has "  ... the budget in Norwegian" "12${NBSP}500 kr"
has "  ... the deadline in Norwegian" "30.06.2027"

# ---- adding sources to the measure: the candidates that matter, several at once ----
pmeasure() { # unit kind title cycle
	sql "INSERT INTO proposed_measures (cycle_id, unit_id, kind, title, position, created_at, updated_at)
		VALUES (${4:-$C}, $1, '$2', '$3', 5, 0, 0); SELECT last_insert_rowid();"
}
MB=$(pmeasure $U2 develop 'Kurs i data')
MC=$(pmeasure $U1 develop 'Mentorordning')
MA=$(pmeasure $U2 acquire 'Rekruttere analytiker')
MD=$(pmeasure $U3 develop 'Utkast til kurs')
MX=$(pmeasure $U1 develop 'Annen syklus' $C2)
# MC answers N2, a source of the need the measure answers: its lineage
sql "INSERT INTO measure_needs (measure_id, need_id) VALUES ($MC, $N2)"
is "the measure's page, for HR: 200" "$(get hr.jar $P/measures/$DM)" 200
has "  ... the lineage's measure of its type first" "name=\"source_id\" id=\"f-source_id\" value=\"$MC\""
has "  ... another of its type" "id=\"f-source_id-$MB\" value=\"$MB\""
has "  ... and one of another type" "id=\"f-source_id-$MA\" value=\"$MA\""
order=$(grep -o "value=\"\($MC\|$MB\|$MA\)\"><label" body | tr -dc '0-9\n' | tr '\n' ' ')
is "  ... in that order" "$order" "$MC $MB $MA "
lacks "  ... not its source" "value=\"$M1\"><label"
lacks "  ... nor a draft's measure" "value=\"$MD\"><label"
lacks "  ... nor another cycle's" "value=\"$MX\"><label"
has "  ... says which answer its needs" "<th scope=\"col\">Svarer på tiltakets behov</th>"
has "  ... as a table with a caption" "<caption>Forslag som kan legges til</caption>"
has "  ... one button for all ticked" "Legg til valgte"
has "  ... a link to the overview's list of its type" "href=\"$P?kind=develop&amp;into=$DM\""
lacks "  ... no select of every measure" "<select class=\"ds-input\" id=\"f-source_id\""
lacks "  ... no note when all are shown" "Viser de "
sql "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 101)
	INSERT INTO proposed_measures (cycle_id, unit_id, kind, title, position, created_at, updated_at)
	SELECT $C, $U2, 'phase_out', 'Mange ' || i, 10 + i, 0, 0 FROM n"
get hr.jar $P/measures/$DM >/dev/null
has "  ... at most 100, with a note" "Viser de 100 første av 104 forslag."
is "  ... 100 boxes" "$(grep -o 'name="source_id"' body | wc -l | tr -d ' ')" 100
sql "DELETE FROM proposed_measures WHERE cycle_id = $C AND title LIKE 'Mange %'"
msrc() { sql "SELECT count(*) FROM decided_measure_sources WHERE measure_id = $DM"; }
maudit() { sql "SELECT count(*) FROM audit_log WHERE entity = 'decided_measure' AND entity_id = $DM AND action = 'add_source'"; }
MADDS=$(maudit)
is "a good and another cycle's id at once: 422" \
	"$(post hr.jar $P/measures/$DM/sources csrf=$T source_id=$MB source_id=$MX)" 422
has "  ... says so at the boxes" "id=\"f-source_id-error\""
has "  ... the box stays ticked" "value=\"$MB\" checked"
is "  ... nothing added" "$(msrc)" 1
is "  ... no audit row" "$(maudit)" "$MADDS"
is "an id that is not a number: 422" "$(post hr.jar $P/measures/$DM/sources csrf=$T source_id=$MB source_id=abc)" 422
is "  ... nothing added" "$(msrc)" 1
is "nothing ticked: 422" "$(post hr.jar $P/measures/$DM/sources csrf=$T)" 422
has "  ... asks for a choice" "id=\"f-source_id-error\""
is "a representative adds: 403" "$(post rep.jar $P/measures/$DM/sources csrf=$REP source_id=$MB)" 403
is "add two ticked at once: 303" "$(post hr.jar $P/measures/$DM/sources csrf=$T source_id=$MB source_id=$MC)" 303
is "  ... three sources" "$(msrc)" 3
is "  ... one audit row for both" "$(maudit)" "$((MADDS + 1))"
get hr.jar $P/measures/$DM >/dev/null
has "  ... says it" "Forslagene er lagt til."
lacks "  ... no longer offered" "value=\"$MB\"><label"
is "the overview's list of a type, adding to the measure: 200" "$(get hr.jar "$P?kind=acquire&into=$DM")" 200
has "  ... its boxes post to the measure" "<form method=\"post\" class=\"comp-merge\" action=\"$P/measures/$DM/sources\">"
has "  ... named source_id" "name=\"source_id\" id=\"f-into-$MA\" value=\"$MA\""
has "  ... the button names the measure" "Legg valgte til i «Analysekurs»"
lacks "  ... no new measure from it" "action=\"$P/measures/new\""
is "  ... an unknown measure: 404" "$(get hr.jar "$P?kind=acquire&into=999999")" 404
is "  ... not an id: 400" "$(get hr.jar "$P?kind=acquire&into=x")" 400
get rep.jar "$P?kind=acquire&into=$DM" >/dev/null
lacks "  ... a representative gets no form" "/sources\""
is "  ... add from the list: 303" "$(post hr.jar $P/measures/$DM/sources csrf=$T source_id=$MA)" 303
is "  ... four sources" "$(msrc)" 4
for m in $MB $MC $MA; do
	is "take $m out again: 303" "$(post hr.jar $P/measures/$DM/sources/$m/delete csrf=$T)" 303
done
sql "DELETE FROM proposed_measures WHERE id IN ($MB, $MC, $MA, $MD, $MX)"

# ---- the heat map ----
is "representative GET the heat map: 200" "$(get rep.jar $P/heatmap)" 200
has "  ... a table" "<table class=\"ds-table heat-table\">"
has "  ... with a caption" "<caption id=\"heat-caption\">"
has "  ... a division with units below it opens" "<th scope=\"row\"><a class=\"ds-link\" href=\"$P/heatmap?unit=$U1\">$N1NAME</a></th>"
has "  ... a division without" "<th scope=\"row\">$N2NAME</th>"
lacks "  ... the section is rolled up into its division" ">$UCNAME<"
has "  ... the top-level area as a column" "<th scope=\"col\">$ANAME</th>"
has "  ... and the free ones" "<th scope=\"col\">Ikke i katalogen</th>"
has "  ... the highest criticality as text" "høyest: Kritisk"
has "  ... a legend" "Tegnforklaring"
heat_sum() { sed -n 's/.*<tfoot>.*<td>\([0-9]*\)<\/td><td>\([0-9]*\)<\/td><\/tr><\/tfoot>.*/\1 \2/p' body; }
is "  ... the sum of all cells, and the units with needs" "$(heat_sum)" "4 3"
is "heat map with drafts: 200" "$(get hr.jar "$P/heatmap?drafts=1&weighted=1")" 200
is "  ... weighted sum (2 + 4 + 1 + 3 + 1)" "$(heat_sum)" "11 4"
is "heat map opened at a division: 200" "$(get hr.jar "$P/heatmap?unit=$U1")" 200
has "  ... its own needs as a row" "<th scope=\"row\">$N1NAME (egne forslag)</th>"
has "  ... the units below it as rows" "<th scope=\"row\">$UCNAME</th>"
lacks "  ... not another division" ">$N2NAME<"
has "  ... the way back up" "<a class=\"ds-link\" href=\"$P/heatmap\">Hele virksomheten</a>"
has "  ... where it is" "<span aria-current=\"page\">$N1NAME</span>"
has "  ... the caption says it" "– $N1NAME"
is "heat map with a bad unit: 400" "$(get hr.jar "$P/heatmap?unit=x")" 400
is "heat map with an unknown unit: 404" "$(get hr.jar "$P/heatmap?unit=999999")" 404

# ---- the API ----
A=/api/v1/cycles/$C
is "API representative GET compilation: 200" "$(api "$REP_TOKEN" GET $A/compilation)" 200
is "  ... the units side by side" "$(json "len(j['units']), j['totals']['units_submitted']")" "4 3"
is "API leader GET compilation: 403" "$(api "$LEAD_TOKEN" GET $A/compilation)" 403
is "API GET heatmap: 200" "$(api "$REP_TOKEN" GET "$A/heatmap?drafts=true")" 200
is "  ... cells as numbers" "$(json "j['total'], j['columns'][-1]['area_id']")" "5 None"
is "API GET decided-needs: 200" "$(api "$REP_TOKEN" GET $A/decided-needs)" 200
is "  ... with lineage and goals" "$(json "len(j['items'][0]['proposed_by']), j['items'][0]['goals'][0]['code']")" "2 G1"
is "API representative POST decided-needs: 403" \
	"$(api "$REP_TOKEN" POST $A/decided-needs '{"title":"X","criticality":"low","horizon":"longer","scope":"organisation"}')" 403
is "API bad input: 422" \
	"$(api "$HR_TOKEN" POST $A/decided-needs '{"title":"","criticality":"huge","horizon":"longer","scope":"unit"}')" 422
is "  ... errors per field" "$(json "sorted(e['field'] for e in j['errors'])")" "['criticality', 'title', 'unit_id']"
is "API POST decided-needs: 201" \
	"$(api "$HR_TOKEN" POST $A/decided-needs "{\"title\":\"Samisk\",\"criticality\":\"low\",\"horizon\":\"longer\",\"scope\":\"unit\",\"unit_id\":$U1,\"source_ids\":[$N3]}")" 201
AD=$(json "j['id']")
has "  ... Location" "\"scope\":\"unit\""
is "API PATCH: 200" "$(api "$HR_TOKEN" PATCH $A/decided-needs/$AD '{"criticality":"high"}')" 200
is "  ... changed" "$(json "j['criticality'], j['title']")" "high Samisk"
is "API PATCH a bad source: 422" "$(api "$HR_TOKEN" PATCH $A/decided-needs/$AD "{\"source_ids\":[$NX]}")" 422
is "API POST decided-measures: 201" \
	"$(api "$HR_TOKEN" POST $A/decided-measures "{\"kind\":\"acquire\",\"title\":\"Rekruttere\",\"scope\":\"local\",\"unit_id\":$U1,\"budget\":100000,\"deadline\":\"2027-12-31\",\"need_ids\":[$AD]}")" 201
AM=$(json "j['id']")
is "API measure with a Norwegian date: 422" \
	"$(api "$HR_TOKEN" PATCH $A/decided-measures/$AM '{"deadline":"31.12.2027"}')" 422
is "API DELETE the need: 204" "$(api "$HR_TOKEN" DELETE $A/decided-needs/$AD)" 204
is "  ... the measure no longer names it" "$(sql "SELECT count(*) FROM decided_measure_needs WHERE measure_id = $AM")" 0
is "  ... the proposal is still there" "$(sql "SELECT count(*) FROM competence_needs WHERE id = $N3")" 1
is "API DELETE the measure: 204" "$(api "$HR_TOKEN" DELETE $A/decided-measures/$AM)" 204
is "API GET another cycle's need: 404" "$(api "$HR_TOKEN" GET /api/v1/cycles/$C2/decided-needs/$D)" 404

# ---- the API's lists page with a cursor ----
for t in Alfa Beta; do
	api "$HR_TOKEN" POST $A/decided-needs "{\"title\":\"$t\",\"criticality\":\"low\",\"horizon\":\"longer\",\"scope\":\"organisation\"}" >/dev/null
done
is "API decided-needs?limit=2: 200" "$(api "$REP_TOKEN" GET "$A/decided-needs?limit=2")" 200
is "  ... two, and a cursor" "$(json "len(j['items']), j['next'] is not None")" "2 True"
FIRST=$(json "','.join(str(i['id']) for i in j['items'])")
CUR=$(json "j['next']")
is "API decided-needs?cursor=: 200" "$(api "$REP_TOKEN" GET "$A/decided-needs?limit=2&cursor=$CUR")" 200
is "  ... the rest, the last page" "$(json "len(j['items']), j['next']")" "1 None"
is "  ... in order, none twice" "$FIRST,$(json "j['items'][0]['id']")" \
	"$(sql "SELECT group_concat(id) FROM (SELECT id FROM decided_needs WHERE cycle_id = $C ORDER BY position, id)")"
is "API decided-measures?limit=1: 200" "$(api "$REP_TOKEN" GET "$A/decided-measures?limit=1")" 200
is "  ... exactly one, so no next page" "$(json "len(j['items']), j['next']")" "1 None"
for q in cursor=x cursor=YWJj limit=0 limit=501 limit=abc; do
	is "API decided-needs?$q: 400" "$(api "$REP_TOKEN" GET "$A/decided-needs?$q")" 400
	is "  ... a problem" "$(json "j['status']")" 400
	is "API decided-measures?$q: 400" "$(api "$REP_TOKEN" GET "$A/decided-measures?$q")" 400
done

# ---- at scale: the units table and a list in pages ----
i=0
while [ $i -lt 55 ]; do
	i=$((i + 1))
	echo "INSERT INTO units (name, parent_id, created_at, updated_at) VALUES ('Testenhet $(printf %02d $i)', $U3, 0, 0);"
done >units.sql
echo "INSERT INTO units (name, parent_id, created_at, updated_at) VALUES ('Åsane-kontoret', $U3, 0, 0), ('Zeta-kontoret', $U3, 0, 0);
INSERT INTO unit_discussions (cycle_id, unit_id, status, updated_at) SELECT $C, id, 'draft', 0 FROM units WHERE parent_id = $U3;
INSERT INTO competence_needs (cycle_id, unit_id, title, criticality, horizon, position, created_at, updated_at)
	SELECT $C, u.id, 'Fritt behov ' || u.name || ' ' || p.n, 'low', 'longer', p.n, 0, 0
	FROM units u, (SELECT 1 AS n UNION SELECT 2) p WHERE u.parent_id = $U3;" >>units.sql
sqlite3 "$DB" <units.sql
is "the units table, page 1: 200" "$(get hr.jar "$P")" 200
has "  ... 50 of 61" "Viser enhet 1–50 av 61 i utvalget."
has "  ... says the page" "(side 1 av 2)"
has "  ... links to the next page" "href=\"$P?page=2\" rel=\"next\""
is "  ... 50 rows" "$(grep -c "<tr><th scope=\"row\"><a class=\"ds-link\" href=\"/cycles/$C/proposals/" body)" 50
is "the units table, page 2: 200" "$(get hr.jar "$P?page=2")" 200
has "  ... the rest" "Viser enhet 51–61 av 61 i utvalget."
is "  ... in Norwegian order (Z before Å)" \
	"$(grep -o 'Zeta-kontoret\|Åsane-kontoret' body | tr '\n' ' ')" "Zeta-kontoret Åsane-kontoret "
has "  ... totals for every unit stay on top" "<td class=\"num\">61</td><td class=\"num\">3</td><td class=\"num\">58</td>"
is "the units table, only the submitted: 200" "$(get hr.jar "$P?status=submitted")" 200
has "  ... three" "Viser enhet 1–3 av 3 i utvalget."
lacks "  ... no draft" "Testenhet"
has "  ... the totals still of every unit" "<td class=\"num\">61</td>"
is "the units table under a unit: 200" "$(get hr.jar "$P?unit=$U3&page=2")" 200
has "  ... its subtree, paged" "Viser enhet 51–58 av 58 i utvalget."
has "  ... the pages keep the filter" "href=\"$P?unit=$U3\" rel=\"prev\""
is "a page past the end shows the last: 200" "$(get hr.jar "$P?page=99")" 200
has "  ... the last" "Viser enhet 51–61 av 61"
is "the free needs with drafts, page 2: 200" "$(get hr.jar "$P?free=1&drafts=1&page=2")" 200
has "  ... the rest of 115" "Viser behov 101–115 av 115."
has "  ... still a merge form" "action=\"$P/needs/new\""
has "  ... and says how merging across pages works" "Listen har flere sider."

# ---- deleting, with a question first ----
is "the delete question: 200" "$(get hr.jar $P/needs/$D/delete)" 200
has "  ... asks" "Vil du slette"
T=$(csrf_of)

# ---- locked while awaiting approval ----
sql "INSERT INTO decisions (cycle_id, status, updated_at) VALUES ($C, 'awaiting_approval', 0)
	ON CONFLICT (cycle_id) DO UPDATE SET status = 'awaiting_approval'"
is "locked: POST a decided need: 409" "$(post hr.jar $P/needs $base title=Y)" 409
is "locked: delete: 409" "$(post hr.jar $P/needs/$D/delete csrf=$T)" 409
is "  ... still there" "$(sql "SELECT count(*) FROM decided_needs WHERE id = $D")" 1
is "locked: API POST: 409" \
	"$(api "$HR_TOKEN" POST $A/decided-needs '{"title":"Z","criticality":"low","horizon":"longer","scope":"organisation"}')" 409
is "locked: API PATCH a measure: 409" "$(api "$HR_TOKEN" PATCH $A/decided-measures/$DM '{"title":"Q"}')" 409
is "locked: the overview reads: 200" "$(get hr.jar $P)" 200
has "  ... says why" "sendt til godkjenning"
lacks "  ... without the merge form" "action=\"$P/needs/new\""
get hr.jar "$P?competence=$K" >/dev/null
lacks "  ... nor in a list" "action=\"$P/needs/new\""
is "locked: needs/new: 409" "$(get hr.jar $P/needs/new)" 409
sql "UPDATE decisions SET status = 'compiling' WHERE cycle_id = $C"
is "compiling again: delete: 303" "$(post hr.jar $P/needs/$D/delete csrf=$T)" 303
is "  ... gone with its links" "$(sql "SELECT count(*) FROM decided_need_sources WHERE decided_need_id = $D")" 0
is "  ... the proposals remain" "$(sql "SELECT count(*) FROM competence_needs WHERE id IN ($N1, $N2)")" 2
is "  ... audit row" "$(sql "SELECT count(*) FROM audit_log WHERE entity = 'decided_need' AND entity_id = $D AND action = 'delete'")" 1

echo "1..$N"
[ "$FAILED" -eq 0 ]
