#!/bin/sh
# test_demo.sh — `evne demo` (contract.md, "The binary"): a believable
# organisation with the default sizes, a leader from its own people for every
# unit, unique ASCII e-mail addresses, one log-in per role, the same data for
# the same --seed, and a refusal to touch a database that already has units;
# and the yearly cycle in phase 1 (issue 4): one open cycle whose dates
# follow today, a published strategy, the divisions' unit goals, a leader
# guide and an aid, the demo leader's first two checklist steps ticked and
# nothing sent; --no-cycle leaves it out, a taken cycle name is refused.
# Prints TAP. Environment and tools: see lib.sh.
TEST_NAME=cli-demo
. "$(dirname "$0")/lib.sh"

# result STATUS NAME — ok when the exit status STATUS is 0.
result() {
	if [ "$1" -eq 0 ]; then ok "$2"; else not_ok "$2"; fi
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
	"admin,employee,hr,leader,management,representative"
is "  ... the leader account leads a division" \
	"$(q a.db "SELECT count(*) FROM users s JOIN units u ON u.leader_id = s.person_id
		JOIN units t ON t.id = u.parent_id AND t.parent_id IS NULL WHERE s.role = 'leader'")" 1
is "  ... passwords stored as argon2id" \
	"$(q a.db "SELECT count(*) FROM users WHERE password_hash LIKE '\$argon2id\$%'")" 6
is "  ... log-ins printed" "$(grep -c '@demo.evne.no' out)" 6
short=$(awk '/@demo.evne.no/ && length($3) < 12' out | wc -l | tr -d ' ')
is "  ... passwords of 12 characters or more" "$short" 0

# ---- the yearly cycle ----
oslo() { TZ=Europe/Oslo date -d "$1" +%F; }
start=$(oslo "14 days ago")
name=$(TZ=Europe/Oslo date -d "$start + 97 days" +%Y)
is "one open cycle, named after the year its unit discussion ends" \
	"$(q a.db "SELECT count(*), min(name), min(status) FROM cycles")" "1|$name|open"
is "  ... leader preparation from 14 days ago for 6 weeks" \
	"$(q a.db "SELECT starts_on, ends_on FROM cycle_phases WHERE phase_key = 'leader_preparation'")" \
	"$start|$(TZ=Europe/Oslo date -d "$start + 41 days" +%F)"
is "  ... then 8, 6 and 8 weeks, implementation to 12 months after the start" \
	"$(q a.db "SELECT group_concat(phase_key || ' ' || starts_on || ' ' || ends_on, ',') FROM
		(SELECT * FROM cycle_phases ORDER BY starts_on)")" \
	"$(printf '%s' "leader_preparation $start $(TZ=Europe/Oslo date -d "$start + 41 days" +%F),"
	   printf '%s' "unit_discussion $(TZ=Europe/Oslo date -d "$start + 42 days" +%F) $(TZ=Europe/Oslo date -d "$start + 97 days" +%F),"
	   printf '%s' "compilation $(TZ=Europe/Oslo date -d "$start + 98 days" +%F) $(TZ=Europe/Oslo date -d "$start + 139 days" +%F),"
	   printf '%s' "conversations $(TZ=Europe/Oslo date -d "$start + 140 days" +%F) $(TZ=Europe/Oslo date -d "$start + 195 days" +%F),"
	   printf '%s' "implementation $(TZ=Europe/Oslo date -d "$start + 196 days" +%F) $(TZ=Europe/Oslo date -d "$start + 12 months - 1 day" +%F)")"
is "  ... printed after the log-ins" "$(tail -n 1 out | cut -d' ' -f1-2)" "Cycle $name"
is "a published strategy version 1" \
	"$(q a.db "SELECT status, number, vision <> '', core_values <> '', culture <> '', behaviour <> '',
		leadership <> '' FROM strategy_versions")" "published|1|1|1|1|1|1"
is "  ... 3 main goals with 2 coded strategic goals each" \
	"$(q a.db "SELECT (SELECT count(*) FROM strategy_main_goals),
		(SELECT group_concat(code, ' ') FROM (SELECT code FROM strategy_goals ORDER BY code))")" \
	"3|S1.1 S1.2 S2.1 S2.2 S3.1 S3.2"
is "  ... one indicator per goal, with baseline, target and values" \
	"$(q a.db "SELECT count(*), sum(baseline IS NOT NULL AND target IS NOT NULL AND unit_of_measure <> ''),
		sum((SELECT count(*) FROM strategy_indicator_values v WHERE v.indicator_id = i.id) BETWEEN 1 AND 2)
		FROM strategy_indicators i")" "6|6|6"
is "  ... no value dated in the future" \
	"$(q a.db "SELECT count(*) FROM strategy_indicator_values WHERE measured_on > '$(oslo today)'")" 0
is "unit goals: 2 per division, each linked to a published strategic goal" \
	"$(q a.db "SELECT count(*), count(DISTINCT g.unit_id) FROM unit_goals g JOIN units u ON u.id = g.unit_id
		JOIN units t ON t.id = u.parent_id AND t.parent_id IS NULL
		JOIN strategy_goals s ON s.goal_id = g.goal_id WHERE g.contribution <> ''")" "12|6"
is "a leader guide and an aid, Markdown version 1, in the cycle" \
	"$(q a.db "SELECT group_concat(kind || ':' || latest_version, ' ') FROM (SELECT kind, latest_version
		FROM documents WHERE cycle_id = (SELECT id FROM cycles) ORDER BY kind)")" "aid:1 leader_guide:1"
is "  ... titled as asked" \
	"$(q a.db "SELECT count(*) FROM documents WHERE title IN
		('Lederveiledning: kompetansedrøftinger i egen enhet', 'Hjelpemiddel: kartlegging av kritisk kompetanse')")" 2
is "  ... with real content" \
	"$(q a.db "SELECT count(*) FROM document_versions WHERE length(body) > 1500")" 2
is "the demo leader's unit has steps 1 and 2 ticked by the leader" \
	"$(q a.db "SELECT group_concat(t.step, ' ') FROM prep_ticks t JOIN units u ON u.id = t.unit_id
		JOIN users s ON s.person_id = u.leader_id AND s.id = t.ticked_by WHERE s.email = 'leder@demo.evne.no'")" "0 1"
is "  ... and nothing else" "$(q a.db "SELECT count(*) FROM prep_ticks")" 2
is "  ... nothing sent yet" \
	"$(q a.db "SELECT (SELECT count(*) FROM read_requests) + (SELECT count(*) FROM preparations WHERE pack_sent_at IS NOT NULL)")" 0

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
same_cycle() {
	q "$1" 'SELECT id, name, status FROM cycles; SELECT * FROM cycle_phases;
		SELECT id, vision, core_values, culture, behaviour, leadership FROM strategy_versions;
		SELECT * FROM strategy_main_goals; SELECT * FROM strategy_goals; SELECT * FROM strategy_indicators;
		SELECT * FROM strategy_indicator_values; SELECT id, unit_id, goal_id, title, contribution FROM unit_goals;
		SELECT id, title, kind, description FROM documents; SELECT document_id, version, body FROM document_versions;
		SELECT cycle_id, unit_id, step, step_text FROM prep_ticks;'
}
[ "$(same_cycle a.db)" = "$(same_cycle b.db)" ]
result $? "  ... the same cycle"

# ---- --phase 2: the unit discussions under way ----
"$EVNE" demo --db p2.db --seed 2020 --phase 2 >out 2>err
result $? "evne demo --phase 2"
is "  ... today is two weeks into the unit discussions" \
	"$(q p2.db "SELECT starts_on FROM cycle_phases WHERE phase_key = 'unit_discussion'")" "$(oslo "14 days ago")"
is "  ... the same organisation as phase 1's demo" "$(same_data p2.db)" "$(same_data a.db)"
props=$(q p2.db "SELECT count(DISTINCT unit_id) FROM competence_needs")
subm=$(q p2.db "SELECT count(*) FROM unit_discussions WHERE status = 'submitted'")
[ "$props" -ge 20 ] && [ "$subm" -ge $((props / 2)) ] && [ "$subm" -lt "$props" ]
result $? "  ... most units with people have proposals, most submitted, some drafts ($subm of $props)"
has_summary=$(grep -c "$props units have proposals, $subm submitted" out)
is "  ... the summary says so" "$has_summary" 1
is "  ... every proposal from a unit with people, with 1-3 needs and 1-2 measures" \
	"$(q p2.db "SELECT count(*) FROM units u WHERE u.active_people > 0
		AND (SELECT count(*) FROM competence_needs n WHERE n.unit_id = u.id) BETWEEN 1 AND 3
		AND (SELECT count(*) FROM proposed_measures m WHERE m.unit_id = u.id) BETWEEN 1 AND 2")" "$props"
is "  ... every need linked to a published strategic goal, with levels and a gap" \
	"$(q p2.db "SELECT count(*) FROM competence_needs n WHERE current_level < required_level
		AND EXISTS (SELECT 1 FROM need_goals g JOIN strategy_goals s ON s.goal_id = g.goal_id
		WHERE g.need_id = n.id)")" "$(q p2.db "SELECT count(*) FROM competence_needs")"
is "  ... every measure answers one of its unit's needs" \
	"$(q p2.db "SELECT count(*) FROM proposed_measures m JOIN measure_needs x ON x.measure_id = m.id
		JOIN competence_needs n ON n.id = x.need_id AND n.unit_id = m.unit_id")" \
	"$(q p2.db "SELECT count(*) FROM proposed_measures")"
is "  ... none in the demo leader's units (left for the browser)" \
	"$(q p2.db "WITH RECURSIVE s(id) AS (SELECT u.id FROM units u JOIN users a ON a.person_id = u.leader_id
		WHERE a.email = 'leder@demo.evne.no' UNION SELECT u.id FROM units u JOIN s ON u.parent_id = s.id)
		SELECT count(*) FROM competence_needs WHERE unit_id IN (SELECT id FROM s)")" 0
"$EVNE" demo --db p3.db --phase 3 >out 2>err
is "--phase 3 is a usage error" "$?" 2
"$EVNE" demo --db p3.db --phase 0 >out 2>err
is "--phase 0 is a usage error" "$?" 2

"$EVNE" demo --db a.db --seed 1 >out 2>err
is "a database with units is refused" "$?" 1
is "  ... and left as it was" "$(q a.db 'SELECT count(*) FROM people')" 800

"$EVNE" demo --db c.db --units 7 --people 20 --quiet >out 2>err
result $? "small sizes with --quiet"
is "  ... 7 units, 20 people" "$(q c.db 'SELECT count(*) FROM units; SELECT count(*) FROM people')" "7
20"
is "  ... no summary line" "$(grep -c 'units,' out)" 0
is "  ... the cycle line still printed" "$(grep -c '^Cycle ' out)" 1
is "  ... unit goals for the 6 divisions" "$(q c.db 'SELECT count(*) FROM unit_goals')" 12

"$EVNE" demo --db e.db --units 1 --people 1 --quiet >out 2>err
result $? "one unit and one person"
is "  ... a cycle with its strategy, no unit goals, the leader's ticks" \
	"$(q e.db 'SELECT (SELECT count(*) FROM cycles), (SELECT count(*) FROM strategy_goals),
		(SELECT count(*) FROM unit_goals), (SELECT count(*) FROM prep_ticks)')" "1|6|0|2"

"$EVNE" demo --db f.db --units 7 --people 20 --no-cycle >out 2>err
result $? "--no-cycle"
is "  ... no cycle, strategy, goals or documents" \
	"$(q f.db 'SELECT (SELECT count(*) FROM cycles) + (SELECT count(*) FROM strategy_versions) +
		(SELECT count(*) FROM unit_goals) + (SELECT count(*) FROM documents) + (SELECT count(*) FROM prep_ticks)')" 0
is "  ... no cycle line" "$(grep -c '^Cycle ' out)" 0

"$EVNE" demo --db g.db --units 7 --people 20 --no-cycle >out 2>err
q g.db "DELETE FROM users; DELETE FROM competences; DELETE FROM competence_areas;
	UPDATE units SET leader_id = NULL; DELETE FROM people; DELETE FROM units;
	INSERT INTO cycles (name, status, created_at, updated_at) VALUES ('$name', 'draft', 0, 0)"
"$EVNE" demo --db g.db --units 7 --people 20 >out 2>err
is "a cycle of the same name already there: refused" "$?" 1
is "  ... said" "$(grep -c "already has a cycle $name" err)" 1
is "  ... and nothing written" "$(q g.db 'SELECT (SELECT count(*) FROM units), (SELECT count(*) FROM cycles)')" "0|1"

"$EVNE" demo --db d.db --units 10 --people 5 >out 2>err
is "fewer people than units is a usage error" "$?" 2
"$EVNE" demo --db d.db --units many >out 2>err
is "a bad number is a usage error" "$?" 2
"$EVNE" demo >out 2>err
is "no database is a usage error" "$?" 2

echo "1..$N"
[ "$FAILED" -eq 0 ]
