-- 001_init: accounts, sessions, the organisation (units and people) and the
-- audit log. STRICT tables; times are integer epoch seconds (UTC); e-mail
-- addresses of accounts are stored case-folded so UNIQUE ignores case;
-- people.name_fold is the case-folded name, people.name_key its binary ICU
-- sort key in Norwegian bokmål order (written by the store, so lists sort
-- by plain byte comparison); person_words is the search index.
-- evne is not released yet, so this first migration is still edited in place
-- (the indexes for unit lists, unit counts and person_words were added here):
-- a development database made before must be recreated.

CREATE TABLE units (
	id INTEGER PRIMARY KEY AUTOINCREMENT,  -- never reused: audit rows name ids
	name TEXT NOT NULL CHECK (name <> ''),
	code TEXT UNIQUE,
	parent_id INTEGER REFERENCES units (id) ON DELETE RESTRICT,
	leader_id INTEGER REFERENCES people (id) ON DELETE SET NULL,
	-- active people directly in the unit, kept by the store on every person
	-- write (so a unit page counts without reading people)
	active_people INTEGER NOT NULL DEFAULT 0,
	created_at INTEGER NOT NULL,
	updated_at INTEGER NOT NULL
) STRICT;
CREATE INDEX units_parent ON units (parent_id);
CREATE INDEX units_leader ON units (leader_id);

CREATE TABLE people (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	name TEXT NOT NULL CHECK (name <> ''),
	name_fold TEXT NOT NULL,
	name_key BLOB NOT NULL,
	email TEXT,
	employee_number TEXT UNIQUE,
	unit_id INTEGER REFERENCES units (id) ON DELETE RESTRICT,
	job_title TEXT,
	active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
	created_at INTEGER NOT NULL,
	updated_at INTEGER NOT NULL
) STRICT;
CREATE INDEX people_name ON people (name_key, id);
-- A unit's people in list order, read from the keyset cursor on (its foreign
-- key's index too).
CREATE INDEX people_unit_name ON people (unit_id, name_key, id);

-- The search index: each word of a person's folded name (kind 'n'), and the
-- folded e-mail address ('e') and employee number ('k') whole. A query word
-- matches by a prefix range on word (byte order), computed in C. The
-- person's name_key, active and unit_id are copied here (every person write
-- rewrites its words), so a search sorts its matches from this table alone.
-- The CHECK is written with OR: SQLite builds a temporary table for an IN
-- list of three, once per inserted row.
CREATE TABLE person_words (
	word TEXT NOT NULL,
	person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
	kind TEXT NOT NULL CHECK (kind = 'n' OR kind = 'e' OR kind = 'k'),
	name_key BLOB NOT NULL,
	active INTEGER NOT NULL,
	unit_id INTEGER,
	PRIMARY KEY (word, person_id, kind)
) STRICT, WITHOUT ROWID;
CREATE INDEX person_words_person ON person_words (person_id, word);

CREATE TABLE users (
	id INTEGER PRIMARY KEY,
	email TEXT NOT NULL UNIQUE,
	name TEXT NOT NULL,
	role TEXT NOT NULL CHECK (role IN ('employee', 'representative', 'leader', 'hr', 'admin')),
	password_hash TEXT,
	person_id INTEGER UNIQUE REFERENCES people (id) ON DELETE SET NULL,
	active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
	lang TEXT NOT NULL DEFAULT 'nb' CHECK (lang IN ('nb', 'nn', 'en')),
	created_at INTEGER NOT NULL
) STRICT;

CREATE TABLE sessions (
	token_hash TEXT PRIMARY KEY,
	user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	csrf TEXT NOT NULL,
	created_at INTEGER NOT NULL,
	expires_at INTEGER NOT NULL
) STRICT;
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_expires ON sessions (expires_at);

CREATE TABLE api_tokens (
	id INTEGER PRIMARY KEY,
	user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	label TEXT,
	token_hash TEXT NOT NULL UNIQUE,
	created_at INTEGER NOT NULL,
	last_used_at INTEGER
) STRICT;
CREATE INDEX api_tokens_user ON api_tokens (user_id);

CREATE TABLE login_failures (
	key TEXT NOT NULL,
	at INTEGER NOT NULL
) STRICT;
CREATE INDEX login_failures_key_at ON login_failures (key, at);

CREATE TABLE audit_log (
	id INTEGER PRIMARY KEY,
	at INTEGER NOT NULL,
	user_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
	entity TEXT NOT NULL,
	entity_id INTEGER NOT NULL,
	action TEXT NOT NULL,
	changes TEXT NOT NULL DEFAULT '{}'
) STRICT;
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id, id);
