#!/bin/sh
# test_cycles.sh — the yearly cycle (årshjul) over real HTTP (product.md: "HR
# / process owner: sets up the yearly cycle (phases and deadlines, the
# årshjul)"; issue 4: "HR creates a cycle, sets each phase's dates, opens and
# closes it ... Draw the annual wheel on the home page"; contract.md: cycle
# id, name, status, phases [{key, starts_on, ends_on}]). Starts `evne serve`
# on a free port with a demo database and checks: who may read and who may
# change cycles (HR and admin write; a leader, an employee and a
# representative read only, on the pages and the API); create with dates
# copied a year on; the edit form's date rules, each problem naming the
# phase and the date, writing nothing; opening only with all five phases'
# dates, behind a confirmation; closing; a closed cycle read-only everywhere
# (409); DELETE of a draft only; the phase texts in the catalogue language
# and HR's editor; the wheel on the home page and the cycle page; hostile
# names escaped; an audit row per change. Prints TAP.
#
# Environment and tools: see lib.sh.
TEST_NAME=cycles
. "$(dirname "$0")/lib.sh"

# ---- a database and a server ----
start_server --units 12 --people 80 --seed 5 --no-cycle
HR_TOKEN=$(token hr@demo.evne.no)
EMP_TOKEN=$(token ansatt@demo.evne.no)
[ -n "$HR_TOKEN" ] && [ -n "$EMP_TOKEN" ] || fail_all "evne token create"

HR=$(login hr.jar hr@demo.evne.no "$(pass_of hr)")
[ -n "$HR" ] || fail_all "hr log-in"
LEADER=$(login leader.jar leder@demo.evne.no "$(pass_of leader)")
[ -n "$LEADER" ] || fail_all "leader log-in"
EMP=$(login emp.jar ansatt@demo.evne.no "$(pass_of employee)")
[ -n "$EMP" ] || fail_all "employee log-in"
REP=$(login rep.jar tillitsvalgt@demo.evne.no "$(pass_of representative)")
[ -n "$REP" ] || fail_all "representative log-in"


# ---- the seed's texts are loaded by evne init ----
is "phase texts: five phases in three languages" "$(sql "SELECT count(*) FROM phase_texts")" 15
is "  ... bokmål verbatim from the seed" \
	"$(sql "SELECT purpose FROM phase_texts WHERE phase_key = 'implementation' AND lang = 'nb'")" \
	"Å sikre samordnet iverksettelse av virksomhetens kompetansestrategi"

# ---- the list and who may see what ----
is "GET /cycles as HR" "$(get hr.jar /cycles)" 200
has "  ... a New cycle button" '<a class="ds-button" data-variant="primary" href="/cycles/new">Ny syklus</a>'
has "  ... no cycles yet" 'Ingen sykluser er opprettet ennå.'
has "  ... the menu entry, current" 'href="/cycles" aria-current="page">Årshjul</a>'
has "  ... links to the phase texts" 'href="/cycles/phases/leader_preparation/texts?lang=nb"'
is "GET /cycles as an employee" "$(get emp.jar /cycles)" 200
lacks "  ... without the New cycle button" 'href="/cycles/new"'
is "a leader cannot open the new-cycle form" "$(get leader.jar /cycles/new)" 403
is "  ... nor create one, which writes nothing" \
	"$(post leader.jar /cycles csrf="$LEADER" name=2030)$(sql 'SELECT count(*) FROM cycles')" "4030"
is "a representative cannot edit phase texts" \
	"$(get rep.jar '/cycles/phases/leader_preparation/texts?lang=nb')" 403
is "an employee's API token cannot create a cycle" \
	"$(api "$EMP_TOKEN" POST /api/v1/cycles '{"name":"2030"}')$(sql 'SELECT count(*) FROM cycles')" "4030"

# ---- create ----
is "GET /cycles/new as HR" "$(get hr.jar /cycles/new)" 200
has "  ... a name field" 'id="f-name" name="name"'
is "create 2026 through the API, open, with all dates" "$(api "$HR_TOKEN" POST /api/v1/cycles \
	'{"name":"2026","status":"open","phases":[{"key":"leader_preparation","starts_on":"2026-01-05","ends_on":"2026-02-13"},{"key":"unit_discussion","starts_on":"2026-02-09","ends_on":"2026-03-20"},{"key":"compilation","starts_on":"2026-03-23","ends_on":"2026-05-08"},{"key":"conversations","starts_on":"2026-08-17","ends_on":"2026-10-30"},{"key":"implementation","starts_on":"2026-11-02","ends_on":"2026-12-18"}]}')" 201
C1=$(sql "SELECT id FROM cycles WHERE name = '2026'")
has "  ... the contract's shape" "{\"id\":$C1,\"name\":\"2026\",\"status\":\"open\",\"phases\":[{\"key\":\"leader_preparation\",\"starts_on\":\"2026-01-05\",\"ends_on\":\"2026-02-13\"}"
is "  ... a Location header" "$(header Location)" "/api/v1/cycles/$C1"
is "create 2027 on the web, dates copied from 2026" \
	"$(post hr.jar /cycles csrf="$HR" name=2027 copy_from="$C1")" 303
C2=$(sql "SELECT id FROM cycles WHERE name = '2027'")
is "  ... a draft with the dates a year on" \
	"$(sql "SELECT c.status || ' ' || p.starts_on || ' ' || p.ends_on FROM cycles c JOIN cycle_phases p ON p.cycle_id = c.id WHERE c.id = $C2 AND p.phase_key = 'conversations'")" \
	"draft 2027-08-17 2027-10-30"
is "  ... audited as create" \
	"$(sql "SELECT action FROM audit_log WHERE entity = 'cycle' AND entity_id = $C2")" create
COUNT=$(sql "SELECT count(*) FROM cycles")
is "a taken name: 422" "$(post hr.jar /cycles csrf="$HR" name=2027)" 422
has "  ... says so at the field" '<a class="ds-link" href="#f-name">Navn: En annen syklus har allerede dette navnet.</a>'
is "an empty name and an unknown source: 422, nothing written" \
	"$(post hr.jar /cycles csrf="$HR" name=' ' copy_from=99999)$(sql 'SELECT count(*) FROM cycles')" "422$COUNT"
has "  ... the name required" 'Navn: Må fylles ut.'
has "  ... the source unknown" 'Kopier fasedatoer fra: Velg en syklus fra listen.'
is "a hostile name is stored" "$(post hr.jar /cycles csrf="$HR" name='<script>alert(1)</script>')" 303
C3=$(sql "SELECT id FROM cycles WHERE name LIKE '<script>%'")
get emp.jar /cycles >/dev/null
has "  ... and escaped in the list" '&lt;script&gt;alert(1)&lt;/script&gt;'
lacks "  ... never raw" '<script>alert(1)'

# ---- edit: the date rules, each problem naming the phase and the date ----
is "GET /cycles/{id}/edit" "$(get hr.jar /cycles/$C2/edit)" 200
has "  ... date inputs per phase in a fieldset" '<legend class="ds-label">Fase 2: Lokal kompetansedrøfting</legend>'
has "  ... type=date" 'type="date" value="2027-02-09" id="f-phases.unit_discussion.starts_on"'
BEFORE=$(sql "SELECT group_concat(starts_on || ends_on, ',') FROM cycle_phases WHERE cycle_id = $C2")
is "2027-02-30, a phase starting before the previous one, an end before its start: 422" \
	"$(post hr.jar /cycles/$C2 csrf="$HR" name=2027 \
		phases.leader_preparation.starts_on=2027-01-04 phases.leader_preparation.ends_on=2027-02-12 \
		phases.unit_discussion.starts_on=2027-01-01 phases.unit_discussion.ends_on=2027-03-19 \
		phases.compilation.starts_on=2027-03-22 phases.compilation.ends_on=2027-03-01 \
		phases.conversations.starts_on=2027-08-16 phases.conversations.ends_on= \
		phases.implementation.starts_on=2027-02-30 phases.implementation.ends_on=2027-12-17)" 422
has "  ... not a real date" 'Iverksetting, Startdato: Skriv en gyldig dato (for eksempel 2027-01-31).'
has "  ... starts before the previous phase" 'Lokal kompetansedrøfting, Startdato: Kan ikke være før «Lederforberedelse» starter.'
has "  ... ends before it starts" 'Sammenstilling og beslutning, Sluttdato: Sluttdatoen kan ikke være før startdatoen.'
has "  ... one date without the other" 'Medarbeidersamtaler, Sluttdato: Fyll ut både start- og sluttdato, eller ingen av dem.'
has "  ... the field marked invalid" 'id="f-phases.compilation.ends_on" name="phases.compilation.ends_on" aria-invalid="true"'
is "  ... and nothing changed" \
	"$(sql "SELECT group_concat(starts_on || ends_on, ',') FROM cycle_phases WHERE cycle_id = $C2")" "$BEFORE"
is "a draft may leave a phase empty" "$(post hr.jar /cycles/$C2 csrf="$HR" name=2027 \
		phases.leader_preparation.starts_on=2027-01-04 phases.leader_preparation.ends_on=2027-02-12 \
		phases.unit_discussion.starts_on=2027-02-01 phases.unit_discussion.ends_on=2027-03-19 \
		phases.compilation.starts_on=2027-03-22 phases.compilation.ends_on=2027-05-07 \
		phases.conversations.starts_on=2027-08-16 phases.conversations.ends_on=2027-10-29 \
		phases.implementation.starts_on= phases.implementation.ends_on=)" 303
is "  ... audited with the changed dates" \
	"$(sql "SELECT changes LIKE '%phases.implementation.starts_on%' FROM audit_log WHERE entity = 'cycle' AND entity_id = $C2 AND action = 'update'")" 1

# ---- open and close ----
is "GET /cycles/{id}/open of an incomplete draft: the reason" "$(get hr.jar /cycles/$C2/open)" 200
has "  ... all five phases need dates" 'Syklusen kan ikke åpnes før alle de fem fasene har start- og sluttdato.'
lacks "  ... and no open button" '>Åpne syklusen</button>'
is "POST open anyway: 422, still a draft" \
	"$(post hr.jar /cycles/$C2/open csrf="$HR")$(sql "SELECT status FROM cycles WHERE id = $C2")" 422draft
is "the API names each missing date" \
	"$(api "$HR_TOKEN" PATCH /api/v1/cycles/$C2 '{"status":"open"}')" 422
has "  ... with code incomplete" '{"field":"phases.implementation.starts_on","message":"is required while the cycle is open","code":"incomplete"}'
api "$HR_TOKEN" PATCH /api/v1/cycles/$C2 \
	'{"phases":[{"key":"implementation","starts_on":"2027-11-01","ends_on":"2027-12-17"}]}' >/dev/null
is "complete, the confirmation asks" "$(get hr.jar /cycles/$C2/open)" 200
has "  ... with a button" '>Åpne syklusen</button>'
is "  ... a leader may not answer it" \
	"$(post leader.jar /cycles/$C2/open csrf="$LEADER")$(sql "SELECT status FROM cycles WHERE id = $C2")" 403draft
is "  ... HR opens it" "$(post hr.jar /cycles/$C2/open csrf="$HR")$(sql "SELECT status FROM cycles WHERE id = $C2")" 303open
is "  ... audited as open" \
	"$(sql "SELECT count(*) FROM audit_log WHERE entity = 'cycle' AND entity_id = $C2 AND action = 'open'")" 1
is "an open cycle is not deleted (409)" "$(api "$HR_TOKEN" DELETE /api/v1/cycles/$C1)" 409
is "going back to draft is refused (422)" "$(api "$HR_TOKEN" PATCH /api/v1/cycles/$C1 '{"status":"draft"}')" 422
is "close 2026" "$(post hr.jar /cycles/$C1/close csrf="$HR")$(sql "SELECT status FROM cycles WHERE id = $C1")" 303closed
is "a closed cycle: its edit form answers 409" "$(get hr.jar /cycles/$C1/edit)" 409
has "  ... saying it is read-only" 'Syklusen er lukket og kan ikke endres.'
is "  ... a save too, writing nothing" \
	"$(post hr.jar /cycles/$C1 csrf="$HR" name=Endra)$(sql "SELECT name FROM cycles WHERE id = $C1")" 4092026
is "  ... reopening through the API: 409" "$(api "$HR_TOKEN" PATCH /api/v1/cycles/$C1 '{"status":"open"}')" 409
has "  ... code closed" '"code":"closed"'
is "a draft is deleted (204)" "$(api "$HR_TOKEN" DELETE /api/v1/cycles/$C3)$(sql "SELECT count(*) FROM cycles WHERE id = $C3")" 2040

# ---- the cycle page and the home page ----
is "an employee reads the open cycle" "$(get emp.jar /cycles/$C2)" 200
has "  ... the wheel, hidden from screen readers" '<svg class="wheel-svg" viewBox="0 0 4000 4000" width="400" height="400" aria-hidden="true"'
has "  ... its text alternative lists the phases" '<strong>Sammenstilling og beslutning</strong>: 22.03.2027–07.05.2027'
has "  ... the seed's key questions" '<li>Hvilke mål og bidrag er utpekt for min enhet?</li>'
lacks "  ... no HR actions" '/cycles/'"$C2"'/edit'
is "the home page shows the open cycle's wheel" "$(get emp.jar /)$(grep -c 'class="wheel"' body)" 2001

# ---- phase texts: HR edits nynorsk ----
is "GET the nynorsk texts of phase 1" "$(get hr.jar '/cycles/phases/leader_preparation/texts?lang=nn')" 200
has "  ... the nynorsk text in the form" 'Kva er innhaldet i strategien til verksemda?'
has "  ... bokmål for reference" 'Hva er innholdet i virksomhetens strategi?'
is "an empty procedure: 422, nothing written" \
	"$(post hr.jar '/cycles/phases/leader_preparation/texts?lang=nn' csrf="$HR" lang=nn purpose=Føremål key_questions=Kva procedure=' ' desired_result=At)$(sql "SELECT updated_at FROM phase_texts WHERE phase_key = 'leader_preparation' AND lang = 'nn'")" 4220
is "a save with hostile text" \
	"$(post hr.jar '/cycles/phases/leader_preparation/texts?lang=nn' csrf="$HR" lang=nn \
		purpose='Å *sikre* <img src=x onerror=alert(1)>' key_questions='Kva?' \
		procedure="$(printf 'Steg ein\nSteg to')" desired_result='At')" 303
curl -s -b hr.jar -o /dev/null -X POST --data-urlencode "lang=nn" --data-urlencode "csrf=$HR" "$B/lang"
get hr.jar "/cycles/$C2" >/dev/null
has "  ... the steps shown in nynorsk" '<li>Steg ein</li><li>Steg to</li>'
has "  ... Markdown rendered, HTML escaped" '&lt;img src=x onerror=alert(1)&gt;'

echo "1..$N"
echo "# $FAILED failed"
[ "$FAILED" -eq 0 ]
