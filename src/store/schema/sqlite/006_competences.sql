-- 006_competences: the competence catalogue, organisation-wide (not per
-- cycle): competence areas as a tree, competences in one area each, and the
-- two scales with their levels and texts in bokmål, nynorsk and English.
-- A competence that has been used is made inactive rather than deleted:
-- tables that later store a competence or a rating (needs, plans) reference
-- competences (id) and scale_levels (scale, level) with ON DELETE RESTRICT,
-- so deleting a used competence or removing a used level fails as a
-- conflict and the store answers ERR_CONFLICT. name_fold is the case-folded
-- name for search. The default scales are seeded here; the catalogue itself
-- starts empty.

CREATE TABLE competence_areas (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	code TEXT NOT NULL UNIQUE CHECK (code <> ''),
	name TEXT NOT NULL CHECK (name <> ''),
	parent_id INTEGER REFERENCES competence_areas (id) ON DELETE RESTRICT,
	description TEXT NOT NULL DEFAULT '',
	created_at INTEGER NOT NULL,
	updated_at INTEGER NOT NULL
) STRICT;
CREATE INDEX competence_areas_parent ON competence_areas (parent_id);

CREATE TABLE competences (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	code TEXT NOT NULL UNIQUE CHECK (code <> ''),
	name TEXT NOT NULL CHECK (name <> ''),
	name_fold TEXT NOT NULL,
	description TEXT NOT NULL DEFAULT '',
	area_id INTEGER NOT NULL REFERENCES competence_areas (id) ON DELETE RESTRICT,
	active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
	created_at INTEGER NOT NULL,
	updated_at INTEGER NOT NULL
) STRICT;
CREATE INDEX competences_name ON competences (name COLLATE nb, id);
CREATE INDEX competences_area ON competences (area_id, name COLLATE nb, id);

CREATE TABLE scale_levels (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	scale TEXT NOT NULL CHECK (scale IN ('proficiency', 'reflection')),
	level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 10),
	name_nb TEXT NOT NULL CHECK (name_nb <> ''),
	name_nn TEXT NOT NULL CHECK (name_nn <> ''),
	name_en TEXT NOT NULL CHECK (name_en <> ''),
	description_nb TEXT NOT NULL DEFAULT '',
	description_nn TEXT NOT NULL DEFAULT '',
	description_en TEXT NOT NULL DEFAULT '',
	UNIQUE (scale, level)
) STRICT;

INSERT INTO scale_levels (scale, level, name_nb, name_nn, name_en, description_nb, description_nn, description_en) VALUES
('proficiency', 1, 'Grunnleggende', 'Grunnleggjande', 'Basic',
 'Kjenner til området og kan løse enkle oppgaver med veiledning.',
 'Kjenner til området og kan løyse enkle oppgåver med rettleiing.',
 'Knows the field and can solve simple tasks with guidance.'),
('proficiency', 2, 'God', 'God', 'Good',
 'Løser vanlige oppgaver på egen hånd.',
 'Løyser vanlege oppgåver på eiga hand.',
 'Solves common tasks independently.'),
('proficiency', 3, 'Avansert', 'Avansert', 'Advanced',
 'Løser sammensatte oppgaver og veileder andre.',
 'Løyser samansette oppgåver og rettleier andre.',
 'Solves complex tasks and guides others.'),
('proficiency', 4, 'Ekspert', 'Ekspert', 'Expert',
 'Er en anerkjent fagperson som utvikler området og virksomhetens praksis.',
 'Er ein anerkjend fagperson som utviklar området og praksisen til verksemda.',
 'A recognised specialist who develops the field and the organisation''s practice.'),
('reflection', 1, 'Sjelden', 'Sjeldan', 'Rarely',
 'Atferden vises sjelden i arbeidshverdagen.',
 'Åtferda syner seg sjeldan i arbeidskvardagen.',
 'The behaviour rarely shows in everyday work.'),
('reflection', 2, 'Av og til', 'Av og til', 'Sometimes',
 'Atferden vises av og til, men ikke i alle situasjoner.',
 'Åtferda syner seg av og til, men ikkje i alle situasjonar.',
 'The behaviour shows sometimes, but not in every situation.'),
('reflection', 3, 'Ofte', 'Ofte', 'Often',
 'Atferden vises i de fleste situasjoner.',
 'Åtferda syner seg i dei fleste situasjonar.',
 'The behaviour shows in most situations.'),
('reflection', 4, 'Alltid', 'Alltid', 'Always',
 'Atferden vises konsekvent og er et forbilde for andre.',
 'Åtferda syner seg konsekvent og er eit førebilete for andre.',
 'The behaviour shows consistently and sets an example for others.');
