#!/bin/sh
# test_demo.sh — `evne demo` (contract.md, "The binary"): a believable
# organisation with the default sizes, a leader from its own people for every
# unit, unique ASCII e-mail addresses, one log-in per role, the same data for
# the same --seed, and a refusal to touch a database that already has units.
# Prints TAP. Environment: EVNE (default build/evne). Needs sqlite3.
set -u
cd "$(dirname "$0")/../.." || exit 2
ROOT=$PWD
EVNE=${EVNE:-$ROOT/build/evne}
case $EVNE in /*) ;; *) EVNE=$ROOT/$EVNE ;; esac
TMP=$(mktemp -d "${TMPDIR:-/tmp}/evne-cli-demo.XXXXXX") || exit 2
trap 'rm -rf "$TMP"' EXIT INT TERM
cd "$TMP" || exit 2
unset EVNE_DB
N=0
FAILED=0

result() {
	N=$((N + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $N - $2"
	else
		FAILED=$((FAILED + 1))
		echo "not ok $N - $2"
		[ -s err ] && sed 's/^/#   stderr: /' err | head -5
	fi
}

# is NAME ACTUAL EXPECTED
is() {
	[ "$2" = "$3" ]
	r=$?
	result $r "$1"
	[ $r -eq 0 ] || echo "#   got '$2', want '$3'"
}

q() {
	sqlite3 "$1" "$2"
}

"$EVNE" demo --db a.db --seed 2020 >out 2>err
result $? "demo with the default sizes"
is "  ... 40 units" "$(q a.db 'SELECT count(*) FROM units')" 40
is "  ... 800 people" "$(q a.db 'SELECT count(*) FROM people')" 800
is "  ... one top unit" "$(q a.db 'SELECT count(*) FROM units WHERE parent_id IS NULL')" 1
is "  ... every unit led by one of its own people" \
	"$(q a.db 'SELECT count(*) FROM units u JOIN people p ON p.id = u.leader_id AND p.unit_id = u.id')" 40
is "  ... e-mail addresses unique" "$(q a.db 'SELECT count(DISTINCT email) FROM people')" 800
is "  ... e-mail addresses in ASCII" \
	"$(q a.db "SELECT count(*) FROM people WHERE email GLOB '*[^a-z0-9.@-]*'")" 0
inactive=$(q a.db 'SELECT count(*) FROM people WHERE active = 0')
[ "$inactive" -ge 8 ] && [ "$inactive" -le 48 ]
result $? "  ... a few inactive people ($inactive)"
is "  ... names with æøå" "$(q a.db "SELECT count(*) > 0 FROM people WHERE name GLOB '*[æøåÆØÅ]*'")" 1
is "  ... one account per role" \
	"$(q a.db 'SELECT group_concat(role, ",") FROM (SELECT role FROM users ORDER BY role)')" \
	"admin,employee,hr,leader,representative"
is "  ... the leader account leads a division" \
	"$(q a.db "SELECT count(*) FROM users s JOIN units u ON u.leader_id = s.person_id
		JOIN units t ON t.id = u.parent_id AND t.parent_id IS NULL WHERE s.role = 'leader'")" 1
is "  ... passwords stored as argon2id" \
	"$(q a.db "SELECT count(*) FROM users WHERE password_hash LIKE '\$argon2id\$%'")" 5
is "  ... log-ins printed" "$(grep -c '@demo.evne.no' out)" 5
short=$(awk '/@demo.evne.no/ && length($3) < 12' out | wc -l | tr -d ' ')
is "  ... passwords of 12 characters or more" "$short" 0

"$EVNE" demo --db b.db --seed 2020 >out2 2>err
result $? "the same seed again"
cmp -s out out2
result $? "  ... the same log-ins"
same_data() {
	q "$1" 'SELECT id, name, code, parent_id, leader_id FROM units;
		SELECT id, name, email, employee_number, unit_id, job_title, active FROM people;'
}
[ "$(same_data a.db)" = "$(same_data b.db)" ]
result $? "  ... the same organisation"

"$EVNE" demo --db a.db --seed 1 >out 2>err
is "a database with units is refused" "$?" 1
is "  ... and left as it was" "$(q a.db 'SELECT count(*) FROM people')" 800

"$EVNE" demo --db c.db --units 7 --people 20 --quiet >out 2>err
result $? "small sizes with --quiet"
is "  ... 7 units, 20 people" "$(q c.db 'SELECT count(*) FROM units; SELECT count(*) FROM people')" "7
20"
is "  ... no summary line" "$(grep -c 'units,' out)" 0

"$EVNE" demo --db d.db --units 10 --people 5 >out 2>err
is "fewer people than units is a usage error" "$?" 2
"$EVNE" demo --db d.db --units many >out 2>err
is "a bad number is a usage error" "$?" 2
"$EVNE" demo >out 2>err
is "no database is a usage error" "$?" 2

echo "1..$N"
[ "$FAILED" -eq 0 ]
