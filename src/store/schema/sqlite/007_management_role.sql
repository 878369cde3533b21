-- 007_management_role: top management (toppledelsen) becomes a role of its
-- own: it approves the decided competence strategy and reads the
-- organisation's needs and progress. SQLite changes a CHECK by rebuilding
-- the table (the migration runs with foreign keys off and proves them
-- before commit, store.c); the rows, ids and references stay as they were.

CREATE TABLE users_new (
	id INTEGER PRIMARY KEY,
	email TEXT NOT NULL UNIQUE,
	name TEXT NOT NULL,
	role TEXT NOT NULL CHECK (role IN ('employee', 'representative', 'leader', 'hr', 'management', 'admin')),
	password_hash TEXT,
	person_id INTEGER UNIQUE REFERENCES people (id) ON DELETE SET NULL,
	active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
	lang TEXT NOT NULL DEFAULT 'nb' CHECK (lang IN ('nb', 'nn', 'en')),
	created_at INTEGER NOT NULL
) STRICT;
INSERT INTO users_new (id, email, name, role, password_hash, person_id, active, lang, created_at)
	SELECT id, email, name, role, password_hash, person_id, active, lang, created_at FROM users;
DROP TABLE users;
ALTER TABLE users_new RENAME TO users;
