#!/bin/sh
# test_import_page.sh — the CSV import page (/import) over real HTTP
# (contract.md, "CSV import columns"; product.md: all or nothing): starts
# `evne serve` on a free port with a demo database, logs in as HR, and checks
# the page, the example files, a dry run that writes nothing, an import that
# writes and audits, a bad file answered 422 with an error table and nothing
# written, hostile cell values escaped, more than 200 errors counted, the form
# problems, and 403 for a missing CSRF token and for an employee. Prints TAP.
#
# Environment and tools: see lib.sh.
TEST_NAME=import-page
. "$(dirname "$0")/lib.sh"

# ---- a database and a server ----
start_server --units 10 --people 50 --seed 7
HR_PASS=$(pass_of hr)
EMP_PASS=$(pass_of employee)
UNIT=$(sql "SELECT code FROM units ORDER BY id LIMIT 1")

# upload JAR ARGS... — POST /import as multipart; prints the status.
upload() {
	jar=$1
	shift
	curl -s -b "$jar" -o body -w '%{http_code}' "$@" "$B/import"
}

# State that must not move when an import fails or is a dry run.
snapshot() {
	sqlite3 "$DB" "SELECT count(*) FROM units; SELECT count(*) FROM people;
		SELECT count(*) FROM audit_log; SELECT group_concat(name, ';') FROM people;"
}

HR=$(login hr.jar hr@demo.evne.no "$HR_PASS")
[ -n "$HR" ] || fail_all "HR log-in"
EMP=$(login emp.jar ansatt@demo.evne.no "$EMP_PASS")
[ -n "$EMP" ] || fail_all "employee log-in"

echo "1..31"

# ---- the page and the examples ----
is "GET /import as HR" "$(get hr.jar /import)" 200
has "  ... a multipart form posting to /import" 'enctype="multipart/form-data" novalidate action="/import"'
has "  ... a kind radio group" '<input class="ds-input" type="radio" name="kind" id="f-kind" value="units">'
has "  ... a file input for CSV" 'type="file" id="f-file" name="file" accept=".csv,text/csv"'
has "  ... the dry-run box, unticked" '<input class="ds-input" type="checkbox" value="1" id="f-dry_run" name="dry_run" aria-describedby'
is "GET /import/example/units.csv" "$(get hr.jar /import/example/units.csv)" 200
if grep -qi '^content-type: text/csv; charset=utf-8' head &&
   grep -qi '^content-disposition: attachment; filename="units.csv"' head; then
	ok "  ... text/csv as an attachment"
else
	not_ok "  ... text/csv as an attachment"
fi
is "  ... starts with a BOM and the header" "$(head -n 1 body)" "$(printf '\357\273\277code;name;parent_code;leader_employee_number\r')"
is "GET /import/example/other.csv is 404" "$(get hr.jar /import/example/other.csv)" 404

# ---- a good file: dry run, import, re-import ----
printf 'employee_number;name;email;unit_code;job_title\r\n90001;Åse Øren;ase.oren@eksempel.no;%s;Rådgiver\r\n90002;Per Li;per.li@eksempel.no;%s;Jurist\r\n' \
	"$UNIT" "$UNIT" >good.csv
BEFORE=$(snapshot)
is "a dry run" "$(upload hr.jar -F csrf="$HR" -F kind=people -F file=@good.csv -F dry_run=1)" 200
has "  ... says what would change" 'Sjekk fullført – ingenting er lagret:</strong> 2 ville blitt opprettet, 0 ville blitt endret, 0 uendret.'
has "  ... keeps the box ticked" 'name="dry_run" checked'
is "  ... writes nothing" "$(snapshot)" "$BEFORE"
is "an import" "$(upload hr.jar -F csrf="$HR" -F kind=people -F file=@good.csv)" 200
has "  ... reports the counts" 'Import fullført:</strong> 2 opprettet, 0 endret, 0 uendret.'
has "  ... keeps the kind" 'value="people" checked'
is "  ... writes the people" "$(sqlite3 "$DB" "SELECT name FROM people WHERE employee_number IN ('90001', '90002') ORDER BY employee_number")" \
	"$(printf 'Åse Øren\nPer Li')"
is "  ... and an audit row each, by the HR user" \
	"$(sqlite3 "$DB" "SELECT count(*) FROM audit_log a JOIN users u ON u.id = a.user_id WHERE u.email = 'hr@demo.evne.no' AND a.entity = 'person'")" 2
upload hr.jar -F csrf="$HR" -F kind=people -F file=@good.csv >/dev/null
has "a re-import changes nothing" 'Import fullført:</strong> 0 opprettet, 0 endret, 2 uendret.'

# ---- a bad file: 422, the errors, nothing written ----
printf 'employee_number;name;email;unit_code;job_title\n90003;<script>alert(1)</script>;x"><img src=x onerror=alert(1)>;%s;x\n90003;Dup;dup@eksempel.no;FINNES-IKKE;x\n90004;Ny Person;ny@eksempel.no;%s;x\n' \
	"$UNIT" "$UNIT" >bad.csv
BEFORE=$(snapshot)
is "a bad file is 422" "$(upload hr.jar -F csrf="$HR" -F kind=people -F file=@bad.csv)" 422
has "  ... a summary saying nothing was saved" '<h2 class="ds-heading" data-size="xs">Ingenting er lagret</h2><p class="ds-paragraph">3 feil i filen.'
has "  ... a table of line, column and problem" '<tr><th scope="row">3</th><td><code>employee_number</code></td><td>Verdien står flere ganger. Verdi: «90003». Samme som linje 2.</td></tr>'
has "  ... hostile values escaped" 'Verdi: «x&quot;&gt;&lt;img src=x onerror=alert(1)&gt;».'
lacks "  ... and never raw" '<img src=x'
is "  ... writes nothing" "$(snapshot)" "$BEFORE"
awk 'BEGIN { print "code,name"; for (i = 1; i <= 250; i++) print "bad code " i ",x" }' >many.csv
upload hr.jar -F csrf="$HR" -F kind=units -F file=@many.csv >/dev/null
has "more than 200 errors: the rest are counted" '<p class="ds-paragraph">50 feil til er ikke vist.</p>'

# ---- form problems and access ----
: >empty.csv
is "no kind and an empty file is 422" "$(upload hr.jar -F csrf="$HR" -F file=@empty.csv)" 422
has "  ... both in the error summary" '<a class="ds-link" href="#f-kind">Innhold i filen: Må fylles ut.</a></li><li><a class="ds-link" href="#f-file">CSV-fil: Må fylles ut.</a>'
BEFORE=$(snapshot)
is "no CSRF token is 403" "$(upload hr.jar -F kind=people -F file=@good.csv)" 403
is "an employee gets 403 for the page" "$(get emp.jar /import)" 403
is "  ... and for an upload, which writes nothing" \
	"$(upload emp.jar -F csrf="$EMP" -F kind=units -F file=@many.csv)$(snapshot)" "403$BEFORE"

[ "$FAILED" -eq 0 ]
