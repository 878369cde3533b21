#!/bin/sh
# test_competences.sh — the competence catalogue over real HTTP and the
# command line (product.md, "What the product must hold": a competence
# catalogue of areas, competences and a proficiency scale with level
# descriptions; issue 5, first bullet). Starts `evne serve` with a demo
# database (which holds a catalogue) and checks: everyone signed in reads the
# catalogue, one competence and the scales; HR creates and edits areas and
# competences, renames a level, adds and removes a level; a leader, an
# employee and a representative cannot edit (403, nothing written); bad input
# gives 422 with the field named and writes nothing; an area cannot be moved
# under itself; hostile text is escaped; the API lists, filters, creates,
# patches, deactivates and deletes with RFC 9457 problems; `evne import
# competences` creates areas on the way, is all-or-nothing with FILE:LINE
# errors. Prints TAP.
#
# Environment and tools: see lib.sh.
TEST_NAME=competences
. "$(dirname "$0")/lib.sh"

start_server --units 12 --people 80 --seed 5
HR=$(login hr.jar hr@demo.evne.no "$(pass_of hr)")
LEAD=$(login lead.jar leder@demo.evne.no "$(pass_of leader)")
EMP=$(login emp.jar ansatt@demo.evne.no "$(pass_of employee)")
REP=$(login rep.jar tillitsvalgt@demo.evne.no "$(pass_of representative)")
[ -n "$HR" ] && [ -n "$LEAD" ] && [ -n "$EMP" ] && [ -n "$REP" ] || fail_all "log-ins"
HR_TOKEN=$(token hr@demo.evne.no)
EMP_TOKEN=$(token ansatt@demo.evne.no)
[ -n "$HR_TOKEN" ] && [ -n "$EMP_TOKEN" ] || fail_all "API tokens"
DIGI=$(sql "SELECT id FROM competence_areas WHERE code = 'digi'")
DATA=$(sql "SELECT id FROM competence_areas WHERE code = 'digi-data'")
JUSS=$(sql "SELECT id FROM competence_areas WHERE code = 'juss'")
FVL=$(sql "SELECT id FROM competences WHERE code = 'juss-fvl'")

echo "1..66"

# ---- reading: everyone signed in ----
is "the employee reads the catalogue" "$(get emp.jar /competences)" 200
has "  ... the areas as headings" '>Digital kompetanse</h2>'
has "  ... a sub-area one level down" '>Data og analyse</h3>'
has "  ... competences link to their page" "href=\"/competences/$FVL\">Forvaltningsrett</a>"
lacks "  ... and no edit buttons" 'href="/competences/new"'
is "the representative reads a competence" "$(get rep.jar /competences/$FVL)" 200
has "  ... its area" 'Juss og forvaltning'
is "the leader reads the scales" "$(get lead.jar /competences/scales)" 200
has "  ... the default proficiency levels" '<td>Grunnleggende</td>'
has "  ... and the reflection scale" '<td>Alltid</td>'
is "  ... in nynorsk too" "$(curl -s -b lead.jar -o body -w '%{http_code}' --data-urlencode lang=nn \
	--data-urlencode csrf="$LEAD" --data-urlencode next=/competences/scales "$B/lang" >/dev/null; \
	get lead.jar /competences/scales)" 200
has "  ... Grunnleggjande" '<td>Grunnleggjande</td>'
is "search by name (case and æøå ignored)" "$(get emp.jar '/competences?q=FORVALTNINGS')" 200
has "  ... finds the competence" "href=\"/competences/$FVL\">Forvaltningsrett</a>"
lacks "  ... and not the others" '>Dataanalyse<'
is "not logged in: to the log-in page" "$(curl -s -o /dev/null -w '%{http_code}' "$B/competences")" 303

# ---- who may edit ----
COUNT=$(sql "SELECT count(*) FROM competences")
is "a leader cannot open the new form" "$(get lead.jar /competences/new)" 403
is "a leader cannot create a competence, nothing written" \
	"$(post lead.jar /competences csrf="$LEAD" name=X code=x area_id="$DIGI")$(sql 'SELECT count(*) FROM competences')" \
	"403$COUNT"
is "an employee cannot edit a competence" "$(post emp.jar /competences/$FVL csrf="$EMP" name=X code=juss-fvl area_id="$JUSS")" 403
is "a representative cannot edit the scale" "$(get rep.jar /competences/scales/proficiency/edit)" 403
is "  ... nor add an area" "$(post rep.jar /competences/areas csrf="$REP" name=X code=x)" 403
is "no CSRF token: 403" "$(post hr.jar /competences name=X code=x area_id="$DIGI")" 403

# ---- HR creates and edits ----
is "HR opens the new form" "$(get hr.jar /competences/new)" 200
has "  ... the area select in tree order" 'Data og analyse (digi-data)'
is "HR creates a competence: 303" "$(post hr.jar /competences csrf="$HR" name='Universell utforming' \
	code=digi-uu area_id="$DIGI" description='Krav i **forskriften**')" 303
NEW=$(sql "SELECT id FROM competences WHERE code = 'digi-uu'")
is "  ... stored and audited" "$(sql "SELECT area_id FROM competences WHERE id = $NEW") \
$(sql "SELECT action FROM audit_log WHERE entity = 'competence' AND entity_id = $NEW")" "$DIGI create"
get hr.jar /competences/$NEW >/dev/null
has "  ... the description as Markdown" '<strong>forskriften</strong>'
is "empty name, bad code, no area: 422" "$(post hr.jar /competences csrf="$HR" name=' ' code='a b' area_id=)" 422
has "  ... the name required" '<a class="ds-link" href="#f-name">Navn: Må fylles ut.</a>'
has "  ... the code invalid" 'href="#f-code">Kode: Bare bokstaver'
has "  ... the area required" 'href="#f-area_id">Kompetanseområde: Må fylles ut.</a>'
is "  ... nothing written" "$(sql 'SELECT count(*) FROM competences')" "$((COUNT + 1))"
is "a code already used: 422" "$(post hr.jar /competences csrf="$HR" name=Y code=juss-fvl area_id="$JUSS")" 422
has "  ... taken" 'href="#f-code">Kode: Verdien er allerede i bruk.</a>'
is "deactivate (edit without the active box): 303" "$(post hr.jar /competences/$NEW csrf="$HR" \
	name='Universell utforming' code=digi-uu area_id="$DIGI" description='Krav i **forskriften**')" 303
is "  ... inactive, audited as deactivate" "$(sql "SELECT active FROM competences WHERE id = $NEW") \
$(sql "SELECT action FROM audit_log WHERE entity = 'competence' AND entity_id = $NEW ORDER BY id DESC LIMIT 1")" "0 deactivate"
get emp.jar /competences >/dev/null
lacks "  ... hidden from the catalogue" 'Universell utforming'
is "hostile text is escaped" "$(post hr.jar /competences csrf="$HR" name='<script>alert(1)</script>' \
	code=x-hostile area_id="$JUSS" description='<img src=x onerror=alert(1)>')" 303
get emp.jar /competences >/dev/null
lacks "  ... no raw script tag" '<script>alert(1)'
has "  ... shown as text" '&lt;script&gt;alert(1)&lt;/script&gt;'

# ---- areas ----
is "HR creates a sub-area: 303" "$(post hr.jar /competences/areas csrf="$HR" name='Personvern' code=juss-pv parent_id="$JUSS")" 303
PV=$(sql "SELECT id FROM competence_areas WHERE code = 'juss-pv'")
is "moving an area under its own sub-area: 422" "$(post hr.jar /competences/areas/$JUSS csrf="$HR" name='Juss og forvaltning' code=juss parent_id="$PV")" 422
is "  ... the tree is unchanged" "$(sql "SELECT coalesce(parent_id, 0) FROM competence_areas WHERE id = $JUSS")" 0
get hr.jar /competences/areas/$JUSS/edit >/dev/null
lacks "  ... the edit form does not offer the sub-area" "Personvern (juss-pv)"

# ---- scales ----
# The form posts every text of every level; all but one as stored.
set --
for lv in 1 2 3 4; do
	for lg in nb nn en; do
		[ "$lg$lv" = nn2 ] ||
			set -- "$@" "name_${lg}_$lv=$(sql "SELECT name_$lg FROM scale_levels WHERE scale = 'proficiency' AND level = $lv")"
		set -- "$@" "description_${lg}_$lv=$(sql "SELECT description_$lg FROM scale_levels WHERE scale = 'proficiency' AND level = $lv")"
	done
done
is "HR renames level 2 in nynorsk: 303" "$(post hr.jar /competences/scales/proficiency csrf="$HR" "$@" name_nn_2='Godt nivå')" 303
is "  ... stored, one audit row with the one change" "$(sql "SELECT name_nn FROM scale_levels WHERE scale = 'proficiency' AND level = 2") \
$(sql "SELECT changes FROM audit_log WHERE entity = 'proficiency_scale'")" 'Godt nivå {"name_nn":["God","Godt nivå"]}'
is "an empty level name: 422, nothing written" "$(post hr.jar /competences/scales/proficiency csrf="$HR" \
	name_nb_1= name_nn_1=Grunnleggjande name_en_1=Basic)$(sql "SELECT name_nb FROM scale_levels WHERE scale = 'proficiency' AND level = 1")" "422Grunnleggende"
has "  ... the level and language named" 'Nivå 1 – Navn (bokmål): Må fylles ut.'
is "HR adds a level: 303" "$(post hr.jar /competences/scales/reflection/add csrf="$HR")" 303
is "  ... five levels" "$(sql "SELECT count(*) FROM scale_levels WHERE scale = 'reflection'")" 5
is "HR removes the highest: 303" "$(post hr.jar /competences/scales/reflection/remove csrf="$HR")" 303
post hr.jar /competences/scales/reflection/remove csrf="$HR" >/dev/null
post hr.jar /competences/scales/reflection/remove csrf="$HR" >/dev/null
is "a scale keeps at least two levels: 409" "$(post hr.jar /competences/scales/reflection/remove csrf="$HR")$(sql "SELECT count(*) FROM scale_levels WHERE scale = 'reflection'")" "4092"

# ---- the API ----
is "GET /api/v1/competences?area= (with sub-areas)" "$(api "$EMP_TOKEN" GET "/api/v1/competences?area=$DIGI")" 200
is "  ... the sub-area's competences too" "$(grep -o '"code":"digi-data-analyse"' body)" '"code":"digi-data-analyse"'
is "GET /api/v1/competence-areas and /api/v1/scales" "$(api "$EMP_TOKEN" GET /api/v1/competence-areas)$(api "$EMP_TOKEN" GET /api/v1/scales)" 200200
is "an employee cannot POST: 403" "$(api "$EMP_TOKEN" POST /api/v1/competences '{"code":"z","name":"Z","area_id":'"$DIGI"'}')" 403
is "a bad body: 422 naming the fields" "$(api "$HR_TOKEN" POST /api/v1/competences '{"code":"a b","name":""}')" 422
is "  ... errors with codes" "$(python3 -c 'import json,sys; print(",".join(e["field"]+":"+e["code"] for e in json.load(open("body"))["errors"]))')" "name:required,code:bad_code,area_id:required"
is "POST creates: 201 with Location" "$(api "$HR_TOKEN" POST /api/v1/competences '{"code":"okon-anbud","name":"Anbudsøkonomi","area_id":'"$DIGI"'}')" 201
AID=$(sql "SELECT id FROM competences WHERE code = 'okon-anbud'")
is "PATCH moves it: 200" "$(api "$HR_TOKEN" PATCH /api/v1/competences/$AID '{"area_id":'"$JUSS"'}')" 200
is "DELETE of an unused one: 204" "$(api "$HR_TOKEN" DELETE /api/v1/competences/$AID)$(sql "SELECT count(*) FROM competences WHERE id = $AID")" 2040

# ---- CSV import ----
printf 'area_code;area_name;parent_area_code;code;name;description\n' >good.csv
printf 'hms;HMS;;hms-forstehjelp;Førstehjelp;Kurs hvert år\n' >>good.csv
printf 'hms-brann;Brannvern;hms;hms-brann-1;Brannvernleder;\n' >>good.csv
printf 'juss;Juss og forvaltning;;juss-fvl;Forvaltningsrett;Ny tekst\n' >>good.csv
is "evne import competences" "$("$EVNE" import competences good.csv --db "$DB" 2>&1)" \
	"competences: 2 created, 1 updated, 0 unchanged; areas: 2 created, 0 updated"
is "  ... the sub-area under its parent" "$(sql "SELECT p.code FROM competence_areas a JOIN competence_areas p ON p.id = a.parent_id WHERE a.code = 'hms-brann'")" hms
printf 'area_code,area_name,parent_area_code,code,name\nx1,X1,x2,x-a,A\nx2,X2,x1,x-b,B\nx3,X3,,x-c,C\nx3,Annet navn,,x-d,D\n' >bad.csv
"$EVNE" import competences bad.csv --db "$DB" >out 2>err
is "a bad file: exit 1, nothing written" "$? $(sql "SELECT count(*) FROM competence_areas WHERE code LIKE 'x%'")" "1 0"
is "  ... the loop with FILE:LINE" "$(sed -n 1p err)" 'evne: bad.csv:2: column parent_area_code: a competence area cannot be placed under itself (x1 > x2 > x1)'
is "  ... an area named differently" "$(sed -n 2p err)" 'evne: bad.csv:5: column area_name: "Annet navn" differs from line 4 (an area must be the same on every row)'

[ "$N" -eq 66 ] || echo "# planned 66, ran $N"
[ "$FAILED" -eq 0 ]
