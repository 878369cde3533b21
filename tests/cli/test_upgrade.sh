#!/bin/sh
# test_upgrade.sh — a database made by an earlier evne (schema 006, before
# the management role and phase 2) is migrated by `evne init` with nothing
# lost: users, sessions, tokens and audit rows stay with their ids, the
# rebuilt users table (007, SQLite changes a CHECK by rebuilding) is
# referenced again by every table that referenced it (deleting a user still
# cascades to its sessions), and the new role can be given. The old schema
# is the repository's own 001..006 files applied by Python's sqlite3 (which
# registers a stand-in for the nb collation; the rows here sort alike in
# both).
TEST_NAME=upgrade; . "$(dirname "$0")/lib.sh"

python3 - "$ROOT/src/store/schema/sqlite" old.db <<'PY' || fail_all "building a schema-006 database"
import hashlib, os, sqlite3, sys, time
schema, path = sys.argv[1], sys.argv[2]
db = sqlite3.connect(path, isolation_level=None)
db.create_collation("nb", lambda a, b: (a.casefold() > b.casefold()) - (a.casefold() < b.casefold()))
db.execute("PRAGMA foreign_keys=ON")
db.execute("""CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL,
              checksum TEXT NOT NULL, applied_at BIGINT NOT NULL)""")
for f in sorted(os.listdir(schema)):
    v = int(f[:3])
    if v > 6:
        continue
    sql = open(os.path.join(schema, f), "rb").read()
    db.executescript(sql.decode())
    db.execute("INSERT INTO schema_migrations VALUES (?, ?, ?, ?)",
               (v, f[:-4], hashlib.sha256(sql).hexdigest(), int(time.time())))
now = int(time.time())
db.execute("INSERT INTO units (id, name, code, created_at, updated_at) VALUES (1, 'Etaten', 'E', ?, ?)", (now, now))
db.execute("""INSERT INTO people (id, name, name_fold, name_key, email, employee_number, unit_id, active,
              created_at, updated_at) VALUES (7, 'Kari Nord', 'kari nord', x'01', 'kari@example.no', '1007', 1,
              1, ?, ?)""", (now, now))
db.execute("""INSERT INTO users (id, email, name, role, person_id, active, lang, created_at)
              VALUES (3, 'kari@example.no', 'Kari Nord', 'leader', 7, 1, 'nn', ?)""", (now,))
db.execute("""INSERT INTO users (id, email, name, role, active, lang, created_at)
              VALUES (4, 'hr@example.no', 'HR', 'hr', 1, 'nb', ?)""", (now,))
db.execute("INSERT INTO sessions VALUES ('h1', 3, 'c1', ?, ?)", (now, now + 3600))
db.execute("INSERT INTO sessions VALUES ('h2', 4, 'c2', ?, ?)", (now, now + 3600))
db.execute("INSERT INTO api_tokens (id, user_id, label, token_hash, created_at) VALUES (9, 3, 'x', 't1', ?)", (now,))
db.execute("INSERT INTO audit_log (at, user_id, entity, entity_id, action) VALUES (?, 3, 'unit', 1, 'create')", (now,))
db.close()
PY

is "the old database is at schema 6" "$(sqlite3 old.db 'SELECT max(version) FROM schema_migrations')" 6
"$EVNE" init --db old.db >out 2>err
is "evne init migrates it" "$?" 0
is "  ... to the newest schema" "$(sqlite3 old.db 'SELECT max(version) FROM schema_migrations')" \
	"$(ls "$ROOT"/src/store/schema/sqlite/*.sql | wc -l | tr -d ' ')"
is "  ... the users kept with their ids, roles, persons and languages" \
	"$(sqlite3 old.db "SELECT group_concat(id || ':' || role || ':' || coalesce(person_id, '-') || ':' || lang, ' ')
		FROM (SELECT * FROM users ORDER BY id)")" "3:leader:7:nn 4:hr:-:nb"
is "  ... sessions, tokens and audit rows kept" \
	"$(sqlite3 old.db "SELECT (SELECT count(*) FROM sessions) || ' ' || (SELECT count(*) FROM api_tokens)
		|| ' ' || (SELECT count(*) FROM audit_log WHERE user_id = 3)")" "2 1 1"
is "  ... no reference broken" "$(sqlite3 old.db 'PRAGMA foreign_key_check')" ""
is "  ... sessions reference the rebuilt users table" \
	"$(sqlite3 old.db "SELECT \"table\" || ' ' || on_delete FROM pragma_foreign_key_list('sessions')")" \
	"users CASCADE"
is "  ... and the management role is allowed" \
	"$(sqlite3 old.db "SELECT sql LIKE '%''management''%' FROM sqlite_schema WHERE name = 'users'")" 1
sqlite3 old.db "PRAGMA foreign_keys=ON; DELETE FROM users WHERE id = 4"
is "deleting a user still deletes its sessions (the cascade follows the new table)" \
	"$(sqlite3 old.db "SELECT count(*) FROM sessions WHERE user_id = 4")" 0
echo "Topp-Passord-2027" | "$EVNE" user add --db old.db --email top@example.no --name "Toppleiar" \
	--role management >out 2>err
is "evne user add --role management on the migrated database" "$?" 0
"$EVNE" init --db old.db >out 2>err
is "a second evne init changes nothing" "$?$(sqlite3 old.db 'SELECT count(*) FROM users')" "02"

echo "1..$N"
[ "$FAILED" -eq 0 ]
