-- 008_unit_discussions: phase 2, the unit's competence discussion and its
-- proposal, per cycle and unit.
--
-- unit_discussions holds one row per (cycle, unit) once anything is
-- written: the meeting (date 'YYYY-MM-DD', start 'HH:MM', place) and the
-- proposal's state. status: 'draft' (the leader edits), 'submitted' (read
-- only; HR compiles it) and 'returned' (HR sent it back with
-- return_comment; the leader edits and submits again). Every change of
-- state is in the audit log as well.
-- discussion_notes holds the notes per agenda item: the item's index in
-- the phase's procedure and its text as shown when written (HR may edit
-- the phase texts later).
-- discussion_attendance holds the people present at the meeting.
-- discussion_suggestions holds what employees send before the meeting.
--
-- competence_needs holds the unit's proposed critical competence needs:
-- a competence from the catalogue or described freely (title always set,
-- the competence's name when one is chosen), criticality, the required
-- and today's level on the proficiency scale (so the gap), people
-- affected, time horizon and rationale. The levels reference
-- scale_levels (scale, level) and the competence competences (id) with ON
-- DELETE RESTRICT, so a used level or competence cannot be removed.
-- source_draft_id names the phase-1 draft need it was carried from.
-- need_goals links a need to strategic goals (strategic_goals, the stable
-- identity across strategy versions) and to the unit's goals.
-- proposed_measures holds the unit's proposed measures (tiltak): type
-- (acquire, develop, mobilise, phase out), description, suggested owner,
-- estimated cost in whole kroner, timing; measure_needs names the needs
-- each answers. position orders rows within their unit. Times are epoch
-- seconds.

CREATE TABLE unit_discussions (
	cycle_id INTEGER NOT NULL REFERENCES cycles (id) ON DELETE CASCADE,
	unit_id INTEGER NOT NULL REFERENCES units (id) ON DELETE CASCADE,
	meeting_on TEXT CHECK (meeting_on IS NULL OR length(meeting_on) = 10),
	meeting_at TEXT CHECK (meeting_at IS NULL OR length(meeting_at) = 5),
	location TEXT NOT NULL DEFAULT '',
	status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'returned')),
	submitted_at INTEGER,
	submitted_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
	returned_at INTEGER,
	returned_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
	return_comment TEXT NOT NULL DEFAULT '',
	updated_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
	updated_at INTEGER NOT NULL,
	PRIMARY KEY (cycle_id, unit_id)
) STRICT;
CREATE INDEX unit_discussions_unit ON unit_discussions (unit_id);
CREATE INDEX unit_discussions_status ON unit_discussions (cycle_id, status);

CREATE TABLE discussion_notes (
	cycle_id INTEGER NOT NULL REFERENCES cycles (id) ON DELETE CASCADE,
	unit_id INTEGER NOT NULL REFERENCES units (id) ON DELETE CASCADE,
	item INTEGER NOT NULL CHECK (item >= 0),
	item_text TEXT NOT NULL,
	notes TEXT NOT NULL DEFAULT '',
	updated_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
	updated_at INTEGER NOT NULL,
	PRIMARY KEY (cycle_id, unit_id, item)
) STRICT;
CREATE INDEX discussion_notes_unit ON discussion_notes (unit_id);

CREATE TABLE discussion_attendance (
	cycle_id INTEGER NOT NULL REFERENCES cycles (id) ON DELETE CASCADE,
	unit_id INTEGER NOT NULL REFERENCES units (id) ON DELETE CASCADE,
	person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
	PRIMARY KEY (cycle_id, unit_id, person_id)
) STRICT;
CREATE INDEX discussion_attendance_unit ON discussion_attendance (unit_id);
CREATE INDEX discussion_attendance_person ON discussion_attendance (person_id);

CREATE TABLE discussion_suggestions (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	cycle_id INTEGER NOT NULL REFERENCES cycles (id) ON DELETE CASCADE,
	unit_id INTEGER NOT NULL REFERENCES units (id) ON DELETE CASCADE,
	user_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
	body TEXT NOT NULL CHECK (body <> ''),
	created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX discussion_suggestions_cycle_unit ON discussion_suggestions (cycle_id, unit_id, id);
CREATE INDEX discussion_suggestions_unit ON discussion_suggestions (unit_id);
CREATE INDEX discussion_suggestions_user ON discussion_suggestions (user_id);

CREATE TABLE competence_needs (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	cycle_id INTEGER NOT NULL REFERENCES cycles (id) ON DELETE CASCADE,
	unit_id INTEGER NOT NULL REFERENCES units (id) ON DELETE CASCADE,
	competence_id INTEGER REFERENCES competences (id) ON DELETE RESTRICT,
	title TEXT NOT NULL CHECK (title <> ''),
	criticality TEXT NOT NULL CHECK (criticality IN ('low', 'medium', 'high', 'critical')),
	scale TEXT NOT NULL DEFAULT 'proficiency' CHECK (scale = 'proficiency'),
	required_level INTEGER,
	current_level INTEGER,
	people_affected INTEGER CHECK (people_affected IS NULL OR people_affected >= 0),
	horizon TEXT NOT NULL CHECK (horizon IN ('next_year', 'one_to_three_years', 'longer')),
	rationale TEXT NOT NULL DEFAULT '',
	source_draft_id INTEGER REFERENCES prep_draft_needs (id) ON DELETE SET NULL,
	position INTEGER NOT NULL CHECK (position > 0),
	created_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
	created_at INTEGER NOT NULL,
	updated_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
	updated_at INTEGER NOT NULL,
	FOREIGN KEY (scale, required_level) REFERENCES scale_levels (scale, level) ON DELETE RESTRICT,
	FOREIGN KEY (scale, current_level) REFERENCES scale_levels (scale, level) ON DELETE RESTRICT
) STRICT;
CREATE INDEX competence_needs_cycle_unit ON competence_needs (cycle_id, unit_id, position);
CREATE INDEX competence_needs_unit ON competence_needs (unit_id);
CREATE INDEX competence_needs_competence ON competence_needs (competence_id);
CREATE INDEX competence_needs_draft ON competence_needs (source_draft_id);
CREATE INDEX competence_needs_levels ON competence_needs (scale, required_level);
CREATE INDEX competence_needs_current ON competence_needs (scale, current_level);

CREATE TABLE need_goals (
	need_id INTEGER NOT NULL REFERENCES competence_needs (id) ON DELETE CASCADE,
	goal_id INTEGER NOT NULL REFERENCES strategic_goals (id) ON DELETE RESTRICT,
	PRIMARY KEY (need_id, goal_id)
) STRICT;
CREATE INDEX need_goals_goal ON need_goals (goal_id);

CREATE TABLE need_unit_goals (
	need_id INTEGER NOT NULL REFERENCES competence_needs (id) ON DELETE CASCADE,
	unit_goal_id INTEGER NOT NULL REFERENCES unit_goals (id) ON DELETE CASCADE,
	PRIMARY KEY (need_id, unit_goal_id)
) STRICT;
CREATE INDEX need_unit_goals_goal ON need_unit_goals (unit_goal_id);

CREATE TABLE proposed_measures (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	cycle_id INTEGER NOT NULL REFERENCES cycles (id) ON DELETE CASCADE,
	unit_id INTEGER NOT NULL REFERENCES units (id) ON DELETE CASCADE,
	kind TEXT NOT NULL CHECK (kind IN ('acquire', 'develop', 'mobilise', 'phase_out')),
	title TEXT NOT NULL CHECK (title <> ''),
	description TEXT NOT NULL DEFAULT '',
	suggested_owner TEXT NOT NULL DEFAULT '',
	estimated_cost INTEGER CHECK (estimated_cost IS NULL OR estimated_cost >= 0),
	timing TEXT NOT NULL DEFAULT '',
	position INTEGER NOT NULL CHECK (position > 0),
	created_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
	created_at INTEGER NOT NULL,
	updated_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
	updated_at INTEGER NOT NULL
) STRICT;
CREATE INDEX proposed_measures_cycle_unit ON proposed_measures (cycle_id, unit_id, position);
CREATE INDEX proposed_measures_unit ON proposed_measures (unit_id);

CREATE TABLE measure_needs (
	measure_id INTEGER NOT NULL REFERENCES proposed_measures (id) ON DELETE CASCADE,
	need_id INTEGER NOT NULL REFERENCES competence_needs (id) ON DELETE CASCADE,
	PRIMARY KEY (measure_id, need_id)
) STRICT;
CREATE INDEX measure_needs_need ON measure_needs (need_id);
