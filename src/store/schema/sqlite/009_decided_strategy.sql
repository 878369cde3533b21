-- 009_decided_strategy: between phases 2 and 3, HR compiles the units'
-- proposals into the organisation's decided competence strategy, per
-- cycle.
--
-- decided_needs holds the working set of decided critical needs. scope
-- 'organisation' is a need of the whole organisation, 'unit' one unit's
-- (unit_id set). decided_need_sources is the lineage: the proposed needs
-- (competence_needs) merged into the decided need, so every decided need
-- tells which units proposed it; ON DELETE RESTRICT keeps a proposal that
-- fed a decision. decided_need_goals names the strategic goals it serves.
-- decided_measures holds the decided measures: type, scope 'overarching'
-- (whole organisation) or 'local' (unit_id set), owner, deadline
-- ('YYYY-MM-DD'), budget in whole kroner; decided_measure_needs names the
-- decided needs each answers and decided_measure_sources the proposed
-- measures it came from.
-- consultations records the formal consultation with the union
-- representatives (drøftingsmøte): date, participants, minutes (Markdown),
-- and consultation_files the attached documents (bytes checked by content
-- as document uploads are, with their SHA-256).
-- decisions holds the state of the cycle's decision: 'compiling' (HR edits
-- the working set), 'awaiting_approval' (read only; top management
-- approves it, with an optional approval_comment, or returns it with a
-- return_comment), 'approved' (HR may publish); a new send clears the
-- approval comment.
-- Publishing copies the working set into decided_versions (numbered 1, 2,
-- ... per cycle, never changed afterwards; the approver's and the
-- publisher's names and the approval comment frozen with it, so a deleted
-- user is still named) with its needs and measures as they were
-- (decided_version_needs, decided_version_measures: the texts, the
-- proposing units' and the goals' names frozen as shown), and the state
-- returns to 'compiling' for a later revision. need_key and
-- measure_key are the working rows' ids: the stable identity across
-- versions, so the differences between versions can be shown. Times are
-- epoch seconds.

CREATE TABLE decided_needs (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	cycle_id INTEGER NOT NULL REFERENCES cycles (id) ON DELETE CASCADE,
	scope TEXT NOT NULL CHECK (scope IN ('organisation', 'unit')),
	unit_id INTEGER REFERENCES units (id) ON DELETE RESTRICT,
	competence_id INTEGER REFERENCES competences (id) ON DELETE RESTRICT,
	title TEXT NOT NULL CHECK (title <> ''),
	description TEXT NOT NULL DEFAULT '',
	criticality TEXT NOT NULL CHECK (criticality IN ('low', 'medium', 'high', 'critical')),
	scale TEXT NOT NULL DEFAULT 'proficiency' CHECK (scale = 'proficiency'),
	required_level INTEGER,
	horizon TEXT NOT NULL CHECK (horizon IN ('next_year', 'one_to_three_years', 'longer')),
	people_affected INTEGER CHECK (people_affected IS NULL OR people_affected >= 0),
	position INTEGER NOT NULL CHECK (position > 0),
	created_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
	created_at INTEGER NOT NULL,
	updated_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
	updated_at INTEGER NOT NULL,
	CHECK ((scope = 'unit') = (unit_id IS NOT NULL)),
	FOREIGN KEY (scale, required_level) REFERENCES scale_levels (scale, level) ON DELETE RESTRICT
) STRICT;
CREATE INDEX decided_needs_cycle ON decided_needs (cycle_id, position);
CREATE INDEX decided_needs_unit ON decided_needs (unit_id);
CREATE INDEX decided_needs_competence ON decided_needs (competence_id);
CREATE INDEX decided_needs_level ON decided_needs (scale, required_level);

CREATE TABLE decided_need_sources (
	decided_need_id INTEGER NOT NULL REFERENCES decided_needs (id) ON DELETE CASCADE,
	need_id INTEGER NOT NULL REFERENCES competence_needs (id) ON DELETE RESTRICT,
	PRIMARY KEY (decided_need_id, need_id)
) STRICT;
CREATE INDEX decided_need_sources_need ON decided_need_sources (need_id);

CREATE TABLE decided_need_goals (
	decided_need_id INTEGER NOT NULL REFERENCES decided_needs (id) ON DELETE CASCADE,
	goal_id INTEGER NOT NULL REFERENCES strategic_goals (id) ON DELETE RESTRICT,
	PRIMARY KEY (decided_need_id, goal_id)
) STRICT;
CREATE INDEX decided_need_goals_goal ON decided_need_goals (goal_id);

CREATE TABLE decided_measures (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	cycle_id INTEGER NOT NULL REFERENCES cycles (id) ON DELETE CASCADE,
	kind TEXT NOT NULL CHECK (kind IN ('acquire', 'develop', 'mobilise', 'phase_out')),
	scope TEXT NOT NULL CHECK (scope IN ('overarching', 'local')),
	unit_id INTEGER REFERENCES units (id) ON DELETE RESTRICT,
	title TEXT NOT NULL CHECK (title <> ''),
	description TEXT NOT NULL DEFAULT '',
	owner TEXT NOT NULL DEFAULT '',
	deadline TEXT CHECK (deadline IS NULL OR length(deadline) = 10),
	budget INTEGER CHECK (budget IS NULL OR budget >= 0),
	position INTEGER NOT NULL CHECK (position > 0),
	created_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
	created_at INTEGER NOT NULL,
	updated_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
	updated_at INTEGER NOT NULL,
	CHECK ((scope = 'local') = (unit_id IS NOT NULL))
) STRICT;
CREATE INDEX decided_measures_cycle ON decided_measures (cycle_id, position);
CREATE INDEX decided_measures_unit ON decided_measures (unit_id);

CREATE TABLE decided_measure_needs (
	measure_id INTEGER NOT NULL REFERENCES decided_measures (id) ON DELETE CASCADE,
	decided_need_id INTEGER NOT NULL REFERENCES decided_needs (id) ON DELETE CASCADE,
	PRIMARY KEY (measure_id, decided_need_id)
) STRICT;
CREATE INDEX decided_measure_needs_need ON decided_measure_needs (decided_need_id);

CREATE TABLE decided_measure_sources (
	measure_id INTEGER NOT NULL REFERENCES decided_measures (id) ON DELETE CASCADE,
	proposed_measure_id INTEGER NOT NULL REFERENCES proposed_measures (id) ON DELETE RESTRICT,
	PRIMARY KEY (measure_id, proposed_measure_id)
) STRICT;
CREATE INDEX decided_measure_sources_proposed ON decided_measure_sources (proposed_measure_id);

CREATE TABLE consultations (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	cycle_id INTEGER NOT NULL REFERENCES cycles (id) ON DELETE CASCADE,
	held_on TEXT NOT NULL CHECK (length(held_on) = 10),
	participants TEXT NOT NULL CHECK (participants <> ''),
	minutes TEXT NOT NULL DEFAULT '',
	created_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
	created_at INTEGER NOT NULL,
	updated_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
	updated_at INTEGER NOT NULL
) STRICT;
CREATE INDEX consultations_cycle ON consultations (cycle_id, held_on, id);

CREATE TABLE consultation_files (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	consultation_id INTEGER NOT NULL REFERENCES consultations (id) ON DELETE CASCADE,
	file_name TEXT NOT NULL CHECK (file_name <> ''),
	file_type TEXT NOT NULL,
	file_size INTEGER NOT NULL CHECK (file_size > 0),
	file_sha256 TEXT NOT NULL,
	file_data BLOB NOT NULL,
	created_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
	created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX consultation_files_consultation ON consultation_files (consultation_id, id);

CREATE TABLE decisions (
	cycle_id INTEGER PRIMARY KEY REFERENCES cycles (id) ON DELETE CASCADE,
	status TEXT NOT NULL DEFAULT 'compiling' CHECK (status IN ('compiling', 'awaiting_approval', 'approved')),
	sent_for_approval_at INTEGER,
	sent_for_approval_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
	approved_at INTEGER,
	approved_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
	returned_at INTEGER,
	returned_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
	return_comment TEXT NOT NULL DEFAULT '',
	approval_comment TEXT NOT NULL DEFAULT '',
	updated_at INTEGER NOT NULL
) STRICT;

CREATE TABLE decided_versions (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	cycle_id INTEGER NOT NULL REFERENCES cycles (id) ON DELETE CASCADE,
	number INTEGER NOT NULL CHECK (number > 0),
	note TEXT NOT NULL DEFAULT '',
	approved_at INTEGER NOT NULL,
	approved_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
	approved_by_name TEXT NOT NULL DEFAULT '',
	approval_comment TEXT NOT NULL DEFAULT '',
	published_at INTEGER NOT NULL,
	published_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
	published_by_name TEXT NOT NULL DEFAULT '',
	UNIQUE (cycle_id, number)
) STRICT;

CREATE TABLE decided_version_needs (
	version_id INTEGER NOT NULL REFERENCES decided_versions (id) ON DELETE CASCADE,
	need_key INTEGER NOT NULL,
	position INTEGER NOT NULL,
	scope TEXT NOT NULL,
	unit_name TEXT NOT NULL DEFAULT '',
	competence_name TEXT NOT NULL DEFAULT '',
	title TEXT NOT NULL,
	description TEXT NOT NULL,
	criticality TEXT NOT NULL,
	required_level INTEGER,
	horizon TEXT NOT NULL,
	people_affected INTEGER,
	proposed_by TEXT NOT NULL DEFAULT '',
	goals TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (version_id, need_key)
) STRICT;

CREATE TABLE decided_version_measures (
	version_id INTEGER NOT NULL REFERENCES decided_versions (id) ON DELETE CASCADE,
	measure_key INTEGER NOT NULL,
	position INTEGER NOT NULL,
	kind TEXT NOT NULL,
	scope TEXT NOT NULL,
	unit_name TEXT NOT NULL DEFAULT '',
	title TEXT NOT NULL,
	description TEXT NOT NULL,
	owner TEXT NOT NULL,
	deadline TEXT,
	budget INTEGER,
	needs TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (version_id, measure_key)
) STRICT;
