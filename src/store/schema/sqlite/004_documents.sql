-- 004_documents: leader guides, aids and other strategy documents with
-- their versions, and the requests to read them (read confirmations). A
-- version is either Markdown text (body) or an uploaded file (PDF, DOCX,
-- XLSX, PPTX) kept here as bytes with its SHA-256, so `evne backup` and
-- `evne copy` carry the files with everything else. Versions are numbered
-- 1, 2, ... per document and never change; documents.latest_version is the
-- newest. A read request asks one person to read one document within one
-- cycle (unique, so sending a pack twice adds nothing); its confirmation
-- names the version read, so a newer version asks again. unit_id is the
-- unit the request was sent for (the leader's view and the indicators
-- count by it). Times are epoch seconds.

CREATE TABLE documents (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	title TEXT NOT NULL CHECK (title <> ''),
	kind TEXT NOT NULL CHECK (kind IN ('leader_guide', 'aid', 'strategy', 'other')),
	description TEXT,
	cycle_id INTEGER REFERENCES cycles (id) ON DELETE SET NULL,
	latest_version INTEGER NOT NULL DEFAULT 0 CHECK (latest_version >= 0),
	created_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
	created_at INTEGER NOT NULL,
	updated_at INTEGER NOT NULL
) STRICT;
CREATE INDEX documents_title ON documents (title COLLATE nb, id);
CREATE INDEX documents_cycle ON documents (cycle_id);

CREATE TABLE document_versions (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
	version INTEGER NOT NULL CHECK (version > 0),
	format TEXT NOT NULL CHECK (format IN ('markdown', 'file')),
	body TEXT,
	file_name TEXT,
	file_type TEXT CHECK (file_type IN ('pdf', 'docx', 'xlsx', 'pptx')),
	file_size INTEGER CHECK (file_size > 0),
	file_sha256 TEXT,
	file_data BLOB,
	created_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
	created_at INTEGER NOT NULL,
	UNIQUE (document_id, version),
	CHECK ((format = 'markdown' AND body IS NOT NULL AND file_data IS NULL AND file_name IS NULL)
	       OR (format = 'file' AND body IS NULL AND file_data IS NOT NULL AND file_name IS NOT NULL
		   AND file_type IS NOT NULL AND file_size IS NOT NULL AND file_sha256 IS NOT NULL))
) STRICT;

CREATE TABLE read_requests (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
	person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
	cycle_id INTEGER NOT NULL REFERENCES cycles (id) ON DELETE CASCADE,
	unit_id INTEGER REFERENCES units (id) ON DELETE SET NULL,
	requested_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
	requested_at INTEGER NOT NULL,
	confirmed_version INTEGER CHECK (confirmed_version > 0),
	confirmed_at INTEGER,
	reminded_at INTEGER,
	reminder_count INTEGER NOT NULL DEFAULT 0 CHECK (reminder_count >= 0),
	UNIQUE (document_id, person_id, cycle_id),
	CHECK ((confirmed_version IS NULL) = (confirmed_at IS NULL))
) STRICT;
CREATE INDEX read_requests_person ON read_requests (person_id);
CREATE INDEX read_requests_cycle_unit ON read_requests (cycle_id, unit_id);
