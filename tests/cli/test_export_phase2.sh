#!/bin/sh
# test_export_phase2.sh — `evne export needs|strategy` from the outside
# (issue 5, "API and CLI for all of it"; contract.md, "The binary"): the
# needs register of a phase-2 demo cycle has one CSV row per proposed need
# (counted against sqlite3, per status too), the documented header, units in
# Norwegian order (Z Æ Ø Å) and each unit's needs by position, codes looked
# up (unit, competence, goals), the gap (negative too, never taken for a
# formula), æøå and quoted text intact, formula-looking text neutralised,
# and the decided need a proposal was merged into. The decided strategy is
# published through the API (decided need merged from two units, a measure,
# a consultation, send, approve, publish) and exported: the lineage (the
# proposing units, the goal), the measures as --part measures, an XLSX
# workbook with two sheets and number cells, a PDF with both tables; a
# second version and --version 1. Bad input: no --cycle, an unknown cycle,
# no published version, a version that does not exist, a bad --version or
# --part, options on the wrong kind. A 5 000-unit cycle exports in well under
# a second. Prints TAP.
#
# Environment and tools: see lib.sh; also pdftotext (poppler-utils).
TEST_NAME=cli-export-phase2
. "$(dirname "$0")/lib.sh"
ASAN_EVNE=$ROOT/build/asan/evne
PLAN=104

echo "1..$PLAN"

# file_has NAME FILE TEXT — FILE contains the fixed string TEXT.
file_has() {
	if grep -qF -e "$3" "$2"; then ok "$1"; else not_ok "$1 ('$3' not in $2)"; fi
}

# truth NAME COMMAND... — the command succeeds.
truth() {
	name=$1
	shift
	if "$@" >/dev/null 2>&1; then ok "$name"; else not_ok "$name"; fi
}

# csvq FILE EXPR — a python expression over rows (a list of dicts read from
# the semicolon CSV FILE) and header; prints its value.
cat >csvq.py <<'EOF'
import csv, sys
with open(sys.argv[1], encoding="utf-8-sig", newline="") as f:
    reader = csv.reader(f, delimiter=";")
    header = next(reader)
    rows = [dict(zip(header, r)) for r in reader]
print(eval(sys.argv[2]))
EOF
csvq() {
	python3 csvq.py "$1" "$2" 2>&1
}

# xlsx FILE SHEET WANT... — the workbook is a valid zip, sheet number SHEET
# holds each WANT (or the workbook does: sheet names), and no formula.
cat >xlsx.py <<'EOF'
import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
assert z.testzip() is None
book = z.read("xl/workbook.xml").decode()
sheet = z.read("xl/worksheets/sheet%s.xml" % sys.argv[2]).decode()
strings = z.read("xl/sharedStrings.xml").decode() if "xl/sharedStrings.xml" in z.namelist() else ""
for want in sys.argv[3:]:
    assert want in book or want in sheet or want in strings, want
assert "<f>" not in sheet, "a formula cell"
EOF
# xlsx_rows FILE SHEET — the number of rows of the sheet.
xlsx_rows() {
	python3 -c "import sys, zipfile; print(zipfile.ZipFile(sys.argv[1]).read('xl/worksheets/sheet%s.xml' % sys.argv[2]).decode().count('<row '))" "$1" "$2"
}

# ---- a phase-2 demo cycle, with needs the test controls ----
demo_db --units 12 --people 60 --seed 5 --phase 2
C=$(sql "SELECT id FROM cycles WHERE name = '2027'")
[ -n "$C" ] || fail_all "the demo has no cycle 2027"
U9=$(sql "SELECT id FROM units ORDER BY id LIMIT 1 OFFSET 8")
U10=$(sql "SELECT id FROM units ORDER BY id LIMIT 1 OFFSET 9")
U11=$(sql "SELECT id FROM units ORDER BY id LIMIT 1 OFFSET 10")
U12=$(sql "SELECT id FROM units ORDER BY id LIMIT 1 OFFSET 11")
K=$(sql "SELECT id FROM competences ORDER BY id LIMIT 1")
KCODE=$(sql "SELECT code FROM competences WHERE id = $K")
G1=$(sql "SELECT g.goal_id FROM strategy_goals g JOIN strategy_versions v ON v.id = g.version_id
	WHERE v.cycle_id = $C AND v.status = 'published' ORDER BY g.code LIMIT 1")
G2=$(sql "SELECT g.goal_id FROM strategy_goals g JOIN strategy_versions v ON v.id = g.version_id
	WHERE v.cycle_id = $C AND v.status = 'published' ORDER BY g.code LIMIT 1 OFFSET 1")
GC1=$(sql "SELECT code FROM strategy_goals WHERE goal_id = $G1 ORDER BY version_id DESC LIMIT 1")
GC2=$(sql "SELECT code FROM strategy_goals WHERE goal_id = $G2 ORDER BY version_id DESC LIMIT 1")
GT1=$(sql "SELECT title FROM strategy_goals WHERE goal_id = $G1 ORDER BY version_id DESC LIMIT 1")
sql "UPDATE units SET name = 'Zeta seksjon' WHERE id = $U9;
UPDATE units SET name = 'Ærlig seksjon' WHERE id = $U10;
UPDATE units SET name = 'Ørland seksjon' WHERE id = $U11;
UPDATE units SET name = 'Åsen seksjon' WHERE id = $U12;
INSERT INTO competence_needs (cycle_id, unit_id, competence_id, title, criticality, required_level,
	current_level, people_affected, horizon, rationale, position, created_at, updated_at)
	VALUES ($C, $U12, $K, '=HYPERLINK(\"http://x.example\";\"klikk\")', 'critical', 2, 4, NULL, 'longer',
	'Sier \"nei\"; ærlig talt
to linjer', (SELECT COALESCE(max(position), 0) + 1 FROM competence_needs WHERE cycle_id = $C AND unit_id = $U12),
	1, 1);
INSERT INTO need_goals (need_id, goal_id) VALUES (last_insert_rowid(), $G2), (last_insert_rowid(), $G1);
INSERT INTO competence_needs (cycle_id, unit_id, title, criticality, horizon, position, created_at, updated_at)
	VALUES ($C, $U11, 'Språkvask på nynorsk – æøå ÆØÅ', 'low', 'next_year',
	(SELECT COALESCE(max(position), 0) + 1 FROM competence_needs WHERE cycle_id = $C AND unit_id = $U11), 1, 1);
INSERT INTO unit_discussions (cycle_id, unit_id, status, return_comment, updated_at)
	VALUES ($C, $U10, 'returned', 'Mer presist', 1)
	ON CONFLICT (cycle_id, unit_id) DO UPDATE SET status = 'returned';"
EVIL=$(sql "SELECT id FROM competence_needs WHERE title LIKE '=HYPERLINK%'")
NEEDS=$(sql "SELECT count(*) FROM competence_needs WHERE cycle_id = $C")
SUBMITTED=$(sql "SELECT count(*) FROM competence_needs x JOIN unit_discussions d
	ON d.cycle_id = x.cycle_id AND d.unit_id = x.unit_id WHERE x.cycle_id = $C AND d.status = 'submitted'")
RETURNED=$(sql "SELECT count(*) FROM competence_needs WHERE cycle_id = $C AND unit_id = $U10")
WITH_COMPETENCE=$(sql "SELECT count(*) FROM competence_needs WHERE cycle_id = $C AND competence_id IS NOT NULL")

# ---- the needs register as CSV ----
check "export needs --cycle ID -o needs.csv" 0 "$EVNE" export needs --db "$DB" --cycle "$C" -o needs.csv
same "  ... summary names the rows and the file" err "needs: $NEEDS rows written to needs.csv"
printf '\357\273\277unit_code;unit_name;status;competence_code;title;criticality;required_level;current_level;gap;people_affected;horizon;goal_codes;rationale;decided_need\r\n' >header
head -n 1 needs.csv >first
truth "  ... a byte-order mark, the documented header, CRLF" cmp -s header first
is "  ... one row per proposed need (sqlite3: $NEEDS)" "$(csvq needs.csv 'len(rows)')" "$NEEDS"
is "  ... submitted ones counted as sqlite3 counts them" \
	"$(csvq needs.csv 'sum(r["status"] == "submitted" for r in rows)')" "$SUBMITTED"
is "  ... the returned proposal's needs say returned" \
	"$(csvq needs.csv 'sum(r["status"] == "returned" for r in rows)')" "$RETURNED"
is "  ... drafts too: every status is a stored name" \
	"$(csvq needs.csv 'sorted(set(r["status"] for r in rows)) <= ["draft", "returned", "submitted"]')" True
is "  ... competence codes wherever a competence was chosen" \
	"$(csvq needs.csv 'sum(r["competence_code"] != "" for r in rows)')" "$WITH_COMPETENCE"
is "  ... units in Norwegian order: Z, Æ, Ø, Å" \
	"$(csvq needs.csv '[u for i, u in enumerate([r["unit_name"] for r in rows]) if u.endswith(" seksjon") and (i == 0 or rows[i-1]["unit_name"] != u)]')" \
	"['Zeta seksjon', 'Ærlig seksjon', 'Ørland seksjon', 'Åsen seksjon']"
is "  ... each unit's needs together" \
	"$(csvq needs.csv 'len(set(r["unit_name"] for r in rows)) == 1 + sum(rows[i]["unit_name"] != rows[i-1]["unit_name"] for i in range(1, len(rows)))')" True
ORDER=$(sql "SELECT group_concat(title, '|') FROM (SELECT title FROM competence_needs
	WHERE cycle_id = $C AND unit_id = $U12 ORDER BY position)")
is "  ... in the order the unit gave them" \
	"$(csvq needs.csv '"|".join(r["title"].lstrip(chr(39)) for r in rows if r["unit_name"] == "Åsen seksjon")')" \
	"$ORDER"
UCODE=$(sql "SELECT code FROM units WHERE id = $U12")
is "  ... the formula-looking need: its unit code, competence code, goal codes in code order" \
	"$(csvq needs.csv '[(r["unit_code"], r["competence_code"], r["goal_codes"]) for r in rows if "HYPERLINK" in r["title"]]')" \
	"[('$UCODE', '$KCODE', '$GC1, $GC2')]"
is "  ... levels, a negative gap written as a number, no people affected" \
	"$(csvq needs.csv '[(r["required_level"], r["current_level"], r["gap"], r["people_affected"], r["criticality"], r["horizon"]) for r in rows if "HYPERLINK" in r["title"]]')" \
	"[('2', '4', '-2', '', 'critical', 'longer')]"
file_has "  ... the title neutralised with a leading apostrophe" needs.csv \
	"\"'=HYPERLINK(\"\"http://x.example\"\";\"\"klikk\"\")\""
file_has "  ... the rationale's quotes, semicolon and line break kept in one quoted field" needs.csv \
	"\"Sier \"\"nei\"\"; ærlig talt"
file_has "  ... æøå intact" needs.csv "Språkvask på nynorsk – æøå ÆØÅ;low;"
is "  ... no need merged yet: no decided need" "$(csvq needs.csv 'sum(r["decided_need"] != "" for r in rows)')" 0
check "--cycle by the cycle's name" 0 "$EVNE" export needs --db "$DB" --cycle 2027 -o byname.csv --quiet
truth "  ... the same file" cmp -s needs.csv byname.csv
check "to standard output" 0 "$EVNE" export needs --db "$DB" --cycle "$C"
same "  ... summary" err "needs: $NEEDS rows written to standard output"
truth "  ... the same bytes" cmp -s needs.csv out

# ---- the needs register as XLSX and PDF ----
check "export needs -o needs.xlsx --lang en" 0 "$EVNE" export needs --db "$DB" --cycle "$C" -o needs.xlsx --lang en
truth "  ... unzip -t passes" unzip -tq needs.xlsx
truth "  ... sheet 'Critical competence needs', English headings and words, æøå, apostrophe" \
	python3 xlsx.py needs.xlsx 1 'name="Critical competence needs"' "Proposal status" "Today's level" \
	"Submitted to HR" "Returned" "Critical" "Longer term" "Språkvask på nynorsk – æøå ÆØÅ" "'=HYPERLINK"
is "  ... a header row and one row per need" "$(xlsx_rows needs.xlsx 1)" "$((NEEDS + 1))"
truth "  ... the gap a number cell" python3 -c "import zipfile, re, sys; s = zipfile.ZipFile('needs.xlsx').read('xl/worksheets/sheet1.xml').decode(); sys.exit(0 if re.search(r'<c r=\"I[0-9]+\"[^>]*><v>-2</v></c>', s) else 1)"
check "export needs --format pdf" 0 "$EVNE" export needs --db "$DB" --cycle "$C" --format pdf -o needs.pdf
truth "  ... a PDF file" [ "$(head -c 5 needs.pdf)" = "%PDF-" ]
pdftotext -layout needs.pdf needs.txt 2>err
file_has "  ... the heading with the cycle" needs.txt "Foreslåtte kritiske kompetansebehov, syklus 2027"
file_has "  ... the headings in bokmål" needs.txt "Kritikalitet"
file_has "  ... the status in words" needs.txt "Sendt til"
file_has "  ... æøå laid out" needs.txt "Ørland seksjon"
file_has "  ... page numbers" needs.txt "Side 1 av"

# ---- a decided strategy, published through the API ----
HR_TOKEN=$(token hr@demo.evne.no)
MGMT_TOKEN=$(token toppledelse@demo.evne.no)
serve
[ -n "$HR_TOKEN" ] && [ -n "$MGMT_TOKEN" ] || fail_all "tokens"
check "strategy before anything is published fails" 1 "$EVNE" export strategy --db "$DB" --cycle "$C"
file_has "  ... and says so" err "has no published decided competence strategy yet"
SRC1=$(sql "SELECT min(id) FROM competence_needs WHERE cycle_id = $C AND unit_id = $U12")
SRC2=$(sql "SELECT min(id) FROM competence_needs WHERE cycle_id = $C AND unit_id = $U11")
is "HR merges two units' needs into a decided need (API)" \
	"$(api "$HR_TOKEN" POST /api/v1/cycles/$C/decided-needs "{\"title\": \"Klart språk – æøå\", \"description\": \"=SUM(A1:A9)\", \"criticality\": \"critical\", \"horizon\": \"next_year\", \"required_level\": 3, \"people_affected\": 12, \"scope\": \"organisation\", \"goal_ids\": [$G1], \"source_ids\": [$SRC1, $SRC2]}")" 201
DN=$(json "j['id']")
is "HR decides a local measure answering it (API)" \
	"$(api "$HR_TOKEN" POST /api/v1/cycles/$C/decided-measures "{\"kind\": \"develop\", \"title\": \"Kurs i klarspråk\", \"scope\": \"local\", \"unit_id\": $U11, \"owner\": \"HR-sjefen\", \"deadline\": \"2027-06-30\", \"budget\": 250000, \"need_ids\": [$DN]}")" 201
is "HR records the consultation (API)" \
	"$(api "$HR_TOKEN" POST /api/v1/cycles/$C/consultations '{"held_on": "2027-03-15", "participants": "Kari Nordmann (Fagforbundet)"}')" 201
is "HR sends it for approval" "$(api "$HR_TOKEN" POST /api/v1/cycles/$C/decision/send)" 200
is "management approves" "$(api "$MGMT_TOKEN" POST /api/v1/cycles/$C/decision/approve '{"comment": "OK"}')" 200
is "HR publishes version 1" "$(api "$HR_TOKEN" POST /api/v1/cycles/$C/decision/publish '{"note": "Første"}')" 200
HR_NAME=$(sql "SELECT name FROM users WHERE email = 'hr@demo.evne.no'")

# ---- the strategy as CSV: needs (default) and measures ----
check "export strategy --cycle ID (CSV: the needs)" 0 "$EVNE" export strategy --db "$DB" --cycle "$C" -o s.csv
same "  ... summary" err "strategy: 1 row written to s.csv"
printf '\357\273\277title;description;scope;unit_name;competence;criticality;required_level;horizon;people_affected;proposed_by;goals\r\n' >header
head -n 1 s.csv >first
truth "  ... the documented header" cmp -s header first
is "  ... the decided need with its stored names and numbers" \
	"$(csvq s.csv '[(r["title"], r["scope"], r["criticality"], r["required_level"], r["horizon"], r["people_affected"]) for r in rows]')" \
	"[('Klart språk – æøå', 'organisation', 'critical', '3', 'next_year', '12')]"
is "  ... the lineage: both proposing units, in Norwegian order" \
	"$(csvq s.csv 'rows[0]["proposed_by"]')" "Ørland seksjon; Åsen seksjon"
is "  ... the strategic goal it serves" "$(csvq s.csv 'rows[0]["goals"]')" "$GC1 $GT1"
file_has "  ... a formula-looking description neutralised" s.csv ";'=SUM(A1:A9);"
check "--part measures" 0 "$EVNE" export strategy --db "$DB" --cycle "$C" --part measures -o m.csv
printf '\357\273\277title;description;kind;scope;unit_name;owner;deadline;budget;needs\r\n' >header
head -n 1 m.csv >first
truth "  ... the measures' header" cmp -s header first
is "  ... the measure: type, scope, unit, owner, deadline, budget, the need it answers" \
	"$(csvq m.csv '[(r["title"], r["kind"], r["scope"], r["unit_name"], r["owner"], r["deadline"], r["budget"], r["needs"]) for r in rows]')" \
	"[('Kurs i klarspråk', 'develop', 'local', 'Ørland seksjon', 'HR-sjefen', '2027-06-30', '250000', 'Klart språk – æøå')]"
"$EVNE" export needs --db "$DB" --cycle "$C" -o merged.csv --quiet
is "the needs register now names the decided need of both sources" \
	"$(csvq merged.csv 'sorted(r["unit_name"] for r in rows if r["decided_need"] == "Klart språk – æøå")')" \
	"['Åsen seksjon', 'Ørland seksjon']"

# ---- the strategy as XLSX (two sheets) and PDF (two tables) ----
check "export strategy -o s.xlsx" 0 "$EVNE" export strategy --db "$DB" --cycle "$C" -o s.xlsx
same "  ... summary counts both parts" err "strategy: 2 rows written to s.xlsx"
truth "  ... unzip -t passes" unzip -tq s.xlsx
truth "  ... sheet 1 'Vedtatte behov' with the need, its units and goal" \
	python3 xlsx.py s.xlsx 1 'name="Vedtatte behov"' "Foreslått av" "Klart språk – æøå" \
	"Ørland seksjon; Åsen seksjon" "Hele virksomheten" "Kritisk" "'=SUM(A1:A9)"
truth "  ... sheet 2 'Tiltak' with the measure in words" \
	python3 xlsx.py s.xlsx 2 'name="Tiltak"' "Kurs i klarspråk" "Utvikle" "Lokalt" "30.06.2027" "Svarer på behov"
truth "  ... the budget a number cell" python3 -c "import zipfile, sys; s = zipfile.ZipFile('s.xlsx').read('xl/worksheets/sheet2.xml').decode(); sys.exit(0 if '<v>250000</v>' in s else 1)"
check "export strategy --format pdf --lang nn" 0 "$EVNE" export strategy --db "$DB" --cycle "$C" --format pdf --lang nn -o s.pdf
pdftotext -layout s.pdf s.txt 2>err
file_has "  ... the heading with the cycle and the version" s.txt "Vedteken kompetansestrategi 2027, versjon 1"
file_has "  ... who published it" s.txt "Publisert"
file_has "  ... the publisher's name" s.txt "$HR_NAME"
file_has "  ... the lineage" s.txt "Ørland seksjon;"
file_has "  ... the measures' table under its own title" s.txt "Kurs i klarspråk"
file_has "  ... from a new page, counted with the first" s.txt "Side 2 av 2"
check "--part needs as pdf: one table" 0 "$EVNE" export strategy --db "$DB" --cycle "$C" --part needs -o sn.pdf
pdftotext -layout sn.pdf sn.txt 2>err
file_has "  ... one page" sn.txt "Side 1 av 1"

# ---- a second version, and --version ----
is "HR changes the decided need (API)" \
	"$(api "$HR_TOKEN" PATCH /api/v1/cycles/$C/decided-needs/$DN '{"title": "Klart språk for alle"}')" 200
is "  ... sends" "$(api "$HR_TOKEN" POST /api/v1/cycles/$C/decision/send)" 200
is "  ... management approves" "$(api "$MGMT_TOKEN" POST /api/v1/cycles/$C/decision/approve)" 200
is "  ... HR publishes version 2" "$(api "$HR_TOKEN" POST /api/v1/cycles/$C/decision/publish)" 200
stop_server
"$EVNE" export strategy --db "$DB" --cycle "$C" -o v2.csv --quiet
is "the latest version by default" "$(csvq v2.csv 'rows[0]["title"]')" "Klart språk for alle"
check "--version 1" 0 "$EVNE" export strategy --db "$DB" --cycle "$C" --version 1 -o v1.csv
is "  ... version 1 as it was published" "$(csvq v1.csv 'rows[0]["title"]')" "Klart språk – æøå"
"$EVNE" export strategy --db "$DB" --cycle "$C" --version 2 -o v2b.csv --quiet
truth "--version 2 is the latest" cmp -s v2.csv v2b.csv

# ---- bad input ----
echo "keep me" >keep.csv
check "strategy --version 3 (there are 2) fails" 1 "$EVNE" export strategy --db "$DB" --cycle "$C" --version 3 -o keep.csv
file_has "  ... names the versions there are" err "has no version 3 of its decided competence strategy; the versions are 1 to 2"
same "  ... the file is untouched" keep.csv "keep me"
check "--version x" 2 "$EVNE" export strategy --db "$DB" --cycle "$C" --version x
file_has "  ... says what a version is" err "--version must be a version number"
check "--version 0" 2 "$EVNE" export strategy --db "$DB" --cycle "$C" --version 0
check "needs without --cycle" 2 "$EVNE" export needs --db "$DB"
file_has "  ... asks for it" err "needs belongs to a cycle: give --cycle ID"
check "strategy without --cycle" 2 "$EVNE" export strategy --db "$DB"
check "an unknown cycle fails" 1 "$EVNE" export needs --db "$DB" --cycle 999 -o keep.csv
file_has "  ... and says so" err "no cycle with the id or name '999'"
same "  ... the file is untouched" keep.csv "keep me"
C2=$(open_cycle 2028)
check "a cycle with no published strategy fails" 1 "$EVNE" export strategy --db "$DB" --cycle "$C2"
file_has "  ... and says so" err "cycle 2028 has no published decided competence strategy yet"
check "a cycle with no proposals: an empty register" 0 "$EVNE" export needs --db "$DB" --cycle 2028 -o empty.csv
is "  ... the header only" "$(csvq empty.csv 'len(rows)')" 0
check "--part on needs" 2 "$EVNE" export needs --db "$DB" --cycle "$C" --part measures
check "--version on needs" 2 "$EVNE" export needs --db "$DB" --cycle "$C" --version 1
check "an unknown --part" 2 "$EVNE" export strategy --db "$DB" --cycle "$C" --part goals
file_has "  ... names the parts" err "unknown --part 'goals' (needs or measures)"
check "--cycle with people" 2 "$EVNE" export people --db "$DB" --cycle "$C"
check "a missing database" 1 "$EVNE" export needs --db nosuch.db --cycle 1
check "export --help lists the new kinds" 0 "$EVNE" export --help
file_has "  ... needs" out "evne export needs --cycle ID"
file_has "  ... strategy" out "--part needs|measures"

# ---- 5 000 units, about 6 400 needs: well under a second ----
"$EVNE" init --db big.db >/dev/null 2>&1
"$EVNE" demo --db big.db --units 5000 --people 12000 --phase 2 --quiet >/dev/null 2>&1
BIG=$(sqlite3 big.db "SELECT count(*) FROM competence_needs")
T0=$(date +%s%N)
"$EVNE" export needs --db big.db --cycle 1 -o big.csv --quiet
T1=$(date +%s%N)
MS=$(((T1 - T0) / 1000000))
is "a 5 000-unit cycle: every need exported ($BIG)" "$(csvq big.csv 'len(rows)')" "$BIG"
if [ "$MS" -lt 2000 ]; then ok "  ... in ${MS} ms (bound 2 000 ms on a loaded machine)"; else
	not_ok "  ... in ${MS} ms (bound 2 000 ms)"; fi

# ---- under AddressSanitizer and LeakSanitizer ----
if [ -x "$ASAN_EVNE" ]; then
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
		"$ASAN_EVNE" export strategy --db "$DB" --cycle "$C" -o asan.pdf --quiet >out 2>err &&
		ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
		"$ASAN_EVNE" export strategy --db "$DB" --cycle "$C" -o asan.xlsx --quiet >>out 2>>err &&
		ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
		"$ASAN_EVNE" export needs --db "$DB" --cycle "$C" -o asan.csv --quiet >>out 2>>err
	if [ $? -eq 0 ] && [ ! -s err ]; then ok "needs and strategy exports are clean under ASan+UBSan"; else
		not_ok "needs and strategy exports are clean under ASan+UBSan"; fi
else
	ok "needs and strategy exports are clean under ASan+UBSan # SKIP build/asan/evne not built"
fi

if [ "$N" -ne "$PLAN" ]; then
	echo "# planned $PLAN tests, ran $N"
	exit 1
fi
[ "$FAILED" -eq 0 ]
