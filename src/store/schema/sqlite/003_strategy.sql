-- 003_strategy: the strategy of a cycle, in versions, and the unit goals of
-- the goal breakdown (målnedbryting). A version is a draft (number NULL, at
-- most one per cycle) or published (numbered 1, 2, ... and never changed
-- again). Its content hangs below it: main goals, strategic goals,
-- indicators and their values. A strategic goal's identity across versions
-- is a row of strategic_goals; each version's strategy_goals row points to
-- it (goal_id), and everything outside the strategy (unit goals now; needs,
-- measures and plans later) links to strategic_goals, so links survive a
-- new version (docs/internals/strategy.md). Decimal numbers (baselines,
-- targets, values) are integers in hundredths: exact, and the same on both
-- databases and in evne copy, which moves integers and text only. Dates
-- are ISO text 'YYYY-MM-DD'; times epoch seconds.

CREATE TABLE strategy_versions (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	cycle_id INTEGER NOT NULL REFERENCES cycles (id) ON DELETE CASCADE,
	status TEXT NOT NULL CHECK (status IN ('draft', 'published')),
	number INTEGER CHECK (number > 0),
	vision TEXT NOT NULL DEFAULT '',
	core_values TEXT NOT NULL DEFAULT '',
	culture TEXT NOT NULL DEFAULT '',
	behaviour TEXT NOT NULL DEFAULT '',
	leadership TEXT NOT NULL DEFAULT '',
	created_at INTEGER NOT NULL,
	updated_at INTEGER NOT NULL,
	published_at INTEGER,
	published_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
	CHECK ((status = 'draft' AND number IS NULL AND published_at IS NULL)
	       OR (status = 'published' AND number IS NOT NULL AND published_at IS NOT NULL)),
	UNIQUE (cycle_id, number)
) STRICT;
CREATE UNIQUE INDEX strategy_versions_one_draft ON strategy_versions (cycle_id) WHERE status = 'draft';

CREATE TABLE strategy_main_goals (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	version_id INTEGER NOT NULL REFERENCES strategy_versions (id) ON DELETE CASCADE,
	title TEXT NOT NULL CHECK (title <> ''),
	description TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX strategy_main_goals_version ON strategy_main_goals (version_id, id);

-- The stable identity of a strategic goal within its cycle.
CREATE TABLE strategic_goals (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	cycle_id INTEGER NOT NULL REFERENCES cycles (id) ON DELETE CASCADE,
	created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX strategic_goals_cycle ON strategic_goals (cycle_id);

CREATE TABLE strategy_goals (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	version_id INTEGER NOT NULL REFERENCES strategy_versions (id) ON DELETE CASCADE,
	main_goal_id INTEGER NOT NULL REFERENCES strategy_main_goals (id) ON DELETE CASCADE,
	goal_id INTEGER NOT NULL REFERENCES strategic_goals (id) ON DELETE RESTRICT,
	code TEXT NOT NULL CHECK (code <> ''),
	title TEXT NOT NULL CHECK (title <> ''),
	description TEXT NOT NULL DEFAULT '',
	UNIQUE (version_id, code),
	UNIQUE (version_id, goal_id)
) STRICT;
CREATE INDEX strategy_goals_main ON strategy_goals (main_goal_id, id);
CREATE INDEX strategy_goals_goal ON strategy_goals (goal_id);

CREATE TABLE strategy_indicators (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	goal_row_id INTEGER NOT NULL REFERENCES strategy_goals (id) ON DELETE CASCADE,
	name TEXT NOT NULL CHECK (name <> ''),
	unit_of_measure TEXT NOT NULL DEFAULT '',
	baseline INTEGER,            -- hundredths
	target INTEGER               -- hundredths
) STRICT;
CREATE INDEX strategy_indicators_goal ON strategy_indicators (goal_row_id, id);

CREATE TABLE strategy_indicator_values (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	indicator_id INTEGER NOT NULL REFERENCES strategy_indicators (id) ON DELETE CASCADE,
	measured_on TEXT NOT NULL CHECK (length(measured_on) = 10),
	value INTEGER NOT NULL,      -- hundredths
	UNIQUE (indicator_id, measured_on)
) STRICT;

CREATE TABLE unit_goals (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	cycle_id INTEGER NOT NULL REFERENCES cycles (id) ON DELETE CASCADE,
	unit_id INTEGER NOT NULL REFERENCES units (id) ON DELETE RESTRICT,
	goal_id INTEGER NOT NULL REFERENCES strategic_goals (id) ON DELETE RESTRICT,
	title TEXT NOT NULL CHECK (title <> ''),
	contribution TEXT NOT NULL DEFAULT '',
	created_at INTEGER NOT NULL,
	updated_at INTEGER NOT NULL,
	UNIQUE (cycle_id, unit_id, title)
) STRICT;
CREATE INDEX unit_goals_unit ON unit_goals (unit_id, cycle_id, id);
CREATE INDEX unit_goals_goal ON unit_goals (goal_id);
