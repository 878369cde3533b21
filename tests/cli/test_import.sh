#!/bin/sh
# test_import.sh — `evne import` from the outside (contract.md, "The binary"):
# units and people from the fixtures (commas; semicolons with a byte-order
# mark), leaders set on a second pass, re-imports that change nothing, the
# exact `evne: FILE:LINE: column COL: message` for bad files, and nothing
# written by a failing import or a dry run. Prints TAP.
#
# Environment and tools: see lib.sh.
TEST_NAME=cli-import
. "$(dirname "$0")/lib.sh"
FIX=$ROOT/tests/cli/fixtures

# empty NAME FILE — FILE has no bytes at all.
empty() {
	if [ -s "$2" ]; then not_ok "$1"; else ok "$1"; fi
}

# State of the database that must not move when an import fails.
snapshot() {
	sqlite3 "$DB" "SELECT count(*) FROM units; SELECT count(*) FROM people;
		SELECT count(*) FROM audit_log; SELECT group_concat(name || '|' || ifnull(job_title, ''), ';')
		FROM (SELECT * FROM people ORDER BY id);"
}

check "init" 0 "$EVNE" init --db "$DB" --quiet

# ---- a first load: units without leaders, people, then units again ----
cp "$FIX/units.csv" "$FIX/people.csv" "$FIX/units_cycle.csv" .
check "units with unknown leaders are refused" 1 "$EVNE" import units units.csv --db "$DB"
head -n 1 err >err1
same "  ... naming the line and the leader" err1 \
	'evne: units.csv:2: column leader_employee_number: no person with employee number "2001" (import people first; on a first load import units with --skip-leaders, then people, then units again)'
check "units --skip-leaders" 0 "$EVNE" import units units.csv --db "$DB" --skip-leaders
same "  ... summary" out "units: 5 created, 0 updated, 0 unchanged"
check "people with BOM and semicolons" 0 "$EVNE" import people people.csv --db "$DB"
same "  ... summary" out "people: 5 created, 0 updated, 0 unchanged"
empty "  ... no progress on stderr off a terminal" err
check "units again sets the leaders" 0 "$EVNE" import units units.csv --db "$DB"
same "  ... summary" out "units: 0 created, 4 updated, 1 unchanged"
same "  ... leaders in the database" /dev/stdin "$(sqlite3 "$DB" "SELECT u.code || '=' || ifnull(p.employee_number, '-')
	FROM units u LEFT JOIN people p ON p.id = u.leader_id ORDER BY u.code;")" <<EOF
HELSE=2004
HELSE-SJH=-
KOMM=2001
OPPV=2002
OPPV-SKOLE=2003
EOF
same "  ... quoted names and æøå kept" /dev/stdin "$(sqlite3 "$DB" "SELECT name FROM people WHERE employee_number = '2003';
	SELECT name FROM units WHERE code = 'HELSE';")" <<EOF
Kjærsti Sæther; jr.
Helse, omsorg og velferd
EOF
check "re-import of units" 0 "$EVNE" import units units.csv --db "$DB"
same "  ... all unchanged" out "units: 0 created, 0 updated, 5 unchanged"
check "re-import of people" 0 "$EVNE" import people people.csv --db "$DB"
same "  ... all unchanged" out "people: 0 created, 0 updated, 5 unchanged"
check "--quiet" 0 "$EVNE" import people people.csv --db "$DB" --quiet
empty "  ... prints nothing" out

# ---- 1000 rows, one bad e-mail address on line 638 ----
BEFORE=$(snapshot)
awk 'BEGIN {
	print "employee_number;name;email;unit_code;job_title"
	for (i = 1; i <= 1000; i++)
		printf "%d;Person %d;%s;OPPV-SKOLE;lærer\n", 5000 + i, i, (i == 637 ? "ikke-en-adresse" : "p" i "@nordvik.kommune.no")
}' >bad1000.csv
check "1000 rows with one bad e-mail" 1 "$EVNE" import people bad1000.csv --db "$DB"
same "  ... exactly one error, with file, line and column" err \
	'evne: bad1000.csv:638: column email: "ikke-en-adresse" is not a valid e-mail address'
same "  ... nothing written" /dev/stdin "$(snapshot)" <<EOF
$BEFORE
EOF

# ---- row 901 names a unit that does not exist: rows before it were
# ---- already written inside the transaction, and must be rolled back ----
awk 'BEGIN {
	print "employee_number,name,unit_code"
	for (i = 1; i <= 1000; i++)
		printf "%d,Person %d,%s\n", 7000 + i, i, (i == 900 ? "FINNES-IKKE" : "HELSE")
}' >late.csv
check "an unknown unit on row 900 of 1000" 1 "$EVNE" import people late.csv --db "$DB"
same "  ... its line and column" err \
	'evne: late.csv:901: column unit_code: no unit with code "FINNES-IKKE" (import units first)'
same "  ... nothing written" /dev/stdin "$(snapshot)" <<EOF
$BEFORE
EOF

# ---- a cycle through the database's tree ----
check "a unit placed under its own descendant" 1 "$EVNE" import units units_cycle.csv --db "$DB"
same "  ... the path of the cycle" err \
	'evne: units_cycle.csv:2: column parent_code: a unit cannot be placed under itself (KOMM > HELSE-SJH > HELSE > KOMM)'

# ---- more than 50 errors: 50 lines and a count ----
awk 'BEGIN { print "code,name"; for (i = 1; i <= 80; i++) print "bad code " i ",x" }' >many.csv
check "80 bad rows" 1 "$EVNE" import units many.csv --db "$DB"
same "  ... 50 shown, then the count" /dev/stdin "$(wc -l <err | tr -d ' '; tail -n 1 err)" <<EOF
51
evne: 30 more errors
EOF

# ---- dry run ----
sed 's/ikke-en-adresse/p637@nordvik.kommune.no/' bad1000.csv >good1000.csv
check "dry run of 1000 new people" 0 "$EVNE" import people good1000.csv --db "$DB" --dry-run
same "  ... counts and says so" out "people: 1000 created, 0 updated, 0 unchanged (dry run: nothing written)"
same "  ... nothing written" /dev/stdin "$(snapshot)" <<EOF
$BEFORE
EOF
check "the same file for real" 0 "$EVNE" import people good1000.csv --db "$DB"
same "  ... 1000 created" out "people: 1000 created, 0 updated, 0 unchanged"

# ---- whole-file problems ----
printf 'code,navn\nA,b\n' >nocol.csv
check "a missing column" 1 "$EVNE" import units nocol.csv --db "$DB"
same "  ... names it on line 1" err 'evne: nocol.csv:1: column name: required column missing from the header line'
printf 'code;name\nA;Bj\370rn\n' >latin1.csv
check "a Latin-1 file" 1 "$EVNE" import units latin1.csv --db "$DB"
same "  ... names the line" err 'evne: latin1.csv:2: not valid UTF-8 text (save the file as "CSV UTF-8"), or a control character'
check "a file that does not exist" 1 "$EVNE" import units nosuch.csv --db "$DB"
check "a database that does not exist" 1 "$EVNE" import units units.csv --db nosuch.db
if [ -e nosuch.db ]; then not_ok "  ... is not created"; else ok "  ... is not created"; fi

# ---- usage errors ----
check "no arguments" 2 "$EVNE" import
check "an unknown kind" 2 "$EVNE" import things units.csv --db "$DB"
check "an unknown option" 2 "$EVNE" import units units.csv --db "$DB" --force
check "no file" 2 "$EVNE" import units --db "$DB"
check "no database" 2 "$EVNE" import units units.csv
check "--skip-leaders with people" 2 "$EVNE" import people people.csv --db "$DB" --skip-leaders

echo "1..$N"
[ "$FAILED" -eq 0 ]
