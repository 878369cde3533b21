-- 005_preparation: phase 1, the leader's preparation, per cycle and unit.
-- preparations holds one row per (cycle, unit) once anything is written:
-- the leader's notes on the unit's likely goals (Markdown) and when the
-- document pack was sent, by whom and to how many. prep_ticks holds the
-- ticked procedure steps of the checklist: the step's index in the phase's
-- procedure and its text as shown when ticked (HR may edit the phase texts
-- later; the tick keeps what the leader saw). Unticking deletes the row
-- (the audit log keeps the history). prep_draft_needs holds the draft
-- competence needs (the competence, described freely, and a short why) as
-- rows, because phase 2 reads them as the unit's first draft needs.
-- prep_pack_documents holds the chosen document pack. Times are epoch
-- seconds.

CREATE TABLE preparations (
	cycle_id INTEGER NOT NULL REFERENCES cycles (id) ON DELETE CASCADE,
	unit_id INTEGER NOT NULL REFERENCES units (id) ON DELETE CASCADE,
	likely_goals TEXT NOT NULL DEFAULT '',
	pack_sent_at INTEGER,
	pack_sent_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
	pack_sent_count INTEGER CHECK (pack_sent_count >= 0),
	updated_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
	updated_at INTEGER NOT NULL,
	PRIMARY KEY (cycle_id, unit_id)
) STRICT;
CREATE INDEX preparations_unit ON preparations (unit_id);

CREATE TABLE prep_ticks (
	cycle_id INTEGER NOT NULL REFERENCES cycles (id) ON DELETE CASCADE,
	unit_id INTEGER NOT NULL REFERENCES units (id) ON DELETE CASCADE,
	step INTEGER NOT NULL CHECK (step >= 0),
	step_text TEXT NOT NULL,
	ticked_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
	ticked_at INTEGER NOT NULL,
	PRIMARY KEY (cycle_id, unit_id, step)
) STRICT;
CREATE INDEX prep_ticks_unit ON prep_ticks (unit_id);

CREATE TABLE prep_draft_needs (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	cycle_id INTEGER NOT NULL REFERENCES cycles (id) ON DELETE CASCADE,
	unit_id INTEGER NOT NULL REFERENCES units (id) ON DELETE CASCADE,
	title TEXT NOT NULL CHECK (title <> ''),
	description TEXT NOT NULL DEFAULT '',
	position INTEGER NOT NULL CHECK (position > 0),
	created_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
	created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX prep_draft_needs_cycle_unit ON prep_draft_needs (cycle_id, unit_id, position);
CREATE INDEX prep_draft_needs_unit ON prep_draft_needs (unit_id);

CREATE TABLE prep_pack_documents (
	cycle_id INTEGER NOT NULL REFERENCES cycles (id) ON DELETE CASCADE,
	unit_id INTEGER NOT NULL REFERENCES units (id) ON DELETE CASCADE,
	document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
	PRIMARY KEY (cycle_id, unit_id, document_id)
) STRICT;
CREATE INDEX prep_pack_documents_document ON prep_pack_documents (document_id);
CREATE INDEX prep_pack_documents_unit ON prep_pack_documents (unit_id);
