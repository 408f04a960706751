package sqlite

// ApplicationID marks Saywho project files (PRAGMA application_id); it
// spells "SYWH" in ASCII.
const ApplicationID = 0x53595748

// setsVersion, countsVersion and attributesVersion are the first schemas
// with document sets, with kept annotation counts, and with speaker
// attributes, vocabularies and document variables.
const (
	setsVersion       = 2
	countsVersion     = 3
	attributesVersion = 4
)

// SchemaVersion is the schema this build writes (PRAGMA user_version).
var SchemaVersion = len(migrations)

// migrations are applied in order; migrations[i] brings a file from
// user_version i to i+1. Never edit a released migration: append one.
var migrations = []string{
	// 1: the initial schema.
	`
CREATE TABLE meta (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
) STRICT;

CREATE TABLE annotators (
	id      TEXT PRIMARY KEY,
	name    TEXT NOT NULL UNIQUE,
	created TEXT NOT NULL
) STRICT;

CREATE TABLE codes (
	id          TEXT PRIMARY KEY,
	parent_id   TEXT REFERENCES codes(id) ON DELETE CASCADE,
	name        TEXT NOT NULL,
	color       TEXT NOT NULL DEFAULT '',
	description TEXT NOT NULL DEFAULT '',
	shortcut    TEXT NOT NULL DEFAULT '',
	position    INTEGER NOT NULL DEFAULT 0,
	created     TEXT NOT NULL
) STRICT;

CREATE TABLE speakers (
	id          TEXT PRIMARY KEY,
	name        TEXT NOT NULL,
	aliases     TEXT NOT NULL DEFAULT '[]',
	role        TEXT NOT NULL DEFAULT '',
	affiliation TEXT NOT NULL DEFAULT '',
	wikidata    TEXT NOT NULL DEFAULT '',
	note        TEXT NOT NULL DEFAULT '',
	created     TEXT NOT NULL,
	modified    TEXT NOT NULL
) STRICT;

CREATE TABLE documents (
	seq       INTEGER PRIMARY KEY,
	id        TEXT NOT NULL UNIQUE,
	title     TEXT NOT NULL DEFAULT '',
	outlet    TEXT NOT NULL DEFAULT '',
	byline    TEXT NOT NULL DEFAULT '',
	published TEXT NOT NULL DEFAULT '',
	url       TEXT NOT NULL DEFAULT '',
	file_name TEXT NOT NULL DEFAULT '',
	format    TEXT NOT NULL DEFAULT '',
	imported  TEXT NOT NULL,
	status    TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new','in_progress','done')),
	sha256    TEXT NOT NULL UNIQUE,
	length    INTEGER NOT NULL,
	text      TEXT NOT NULL
) STRICT;

-- The text is immutable after import.
CREATE TRIGGER documents_text_immutable BEFORE UPDATE OF text, sha256, length ON documents
BEGIN
	SELECT RAISE(ABORT, 'document text is immutable');
END;

CREATE TABLE annotations (
	id           TEXT PRIMARY KEY,
	document_id  TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	kind         TEXT NOT NULL CHECK (kind IN ('quote','speaker_mention','claim','cue','code')),
	start        INTEGER NOT NULL CHECK (start >= 0),
	end          INTEGER NOT NULL,
	ranges       TEXT NOT NULL DEFAULT '',
	text         TEXT NOT NULL,
	prefix       TEXT NOT NULL DEFAULT '',
	suffix       TEXT NOT NULL DEFAULT '',
	attrs        TEXT NOT NULL DEFAULT '{}',
	speaker_id   TEXT REFERENCES speakers(id) ON DELETE SET NULL,
	note         TEXT NOT NULL DEFAULT '',
	annotator_id TEXT NOT NULL REFERENCES annotators(id),
	created      TEXT NOT NULL,
	modified     TEXT NOT NULL,
	origin       TEXT NOT NULL DEFAULT 'human',
	state        TEXT NOT NULL DEFAULT '',
	CHECK (end >= start)
) STRICT;
CREATE INDEX annotations_doc ON annotations(document_id, start);
CREATE INDEX annotations_speaker ON annotations(speaker_id);

CREATE TABLE annotation_codes (
	annotation_id TEXT NOT NULL REFERENCES annotations(id) ON DELETE CASCADE,
	code_id       TEXT NOT NULL REFERENCES codes(id) ON DELETE CASCADE,
	PRIMARY KEY (annotation_id, code_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX annotation_codes_code ON annotation_codes(code_id);

CREATE TABLE relations (
	id                   TEXT PRIMARY KEY,
	type                 TEXT NOT NULL CHECK (type IN ('said_by','claimed_by','cue_of','stated_in')),
	source_id            TEXT NOT NULL REFERENCES annotations(id) ON DELETE CASCADE,
	target_annotation_id TEXT REFERENCES annotations(id) ON DELETE CASCADE,
	target_speaker_id    TEXT REFERENCES speakers(id) ON DELETE CASCADE,
	annotator_id         TEXT NOT NULL REFERENCES annotators(id),
	created              TEXT NOT NULL,
	CHECK ((target_annotation_id IS NULL) <> (target_speaker_id IS NULL))
) STRICT;
CREATE INDEX relations_source ON relations(source_id);
CREATE INDEX relations_target_annotation ON relations(target_annotation_id);
CREATE INDEX relations_target_speaker ON relations(target_speaker_id);

CREATE TABLE memos (
	id           TEXT PRIMARY KEY,
	document_id  TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	annotator_id TEXT NOT NULL REFERENCES annotators(id),
	text         TEXT NOT NULL,
	created      TEXT NOT NULL,
	modified     TEXT NOT NULL
) STRICT;

CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content='documents', content_rowid='seq');
CREATE TRIGGER documents_fts_ai AFTER INSERT ON documents BEGIN
	INSERT INTO documents_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
END;
CREATE TRIGGER documents_fts_ad AFTER DELETE ON documents BEGIN
	INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
END;
CREATE TRIGGER documents_fts_au AFTER UPDATE OF title ON documents BEGIN
	INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
	INSERT INTO documents_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
END;
`,
	// 2: document sets (REFI-QDA Sets of sources): named groups of
	// documents; a document may be in several sets.
	`
CREATE TABLE sets (
	id          TEXT PRIMARY KEY,
	name        TEXT NOT NULL UNIQUE CHECK (name <> ''),
	description TEXT NOT NULL DEFAULT '',
	created     TEXT NOT NULL
) STRICT;

CREATE TABLE set_documents (
	set_id      TEXT NOT NULL REFERENCES sets(id) ON DELETE CASCADE,
	document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	PRIMARY KEY (set_id, document_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX set_documents_document ON set_documents(document_id);
`,
	// 3: each document's annotation count, kept by triggers, so that the
	// document list of a large project is read without counting a
	// million annotations (document_counts is derived: undo, repair and
	// imports leave it to the triggers).
	`
CREATE TABLE document_counts (
	document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
	annotations INTEGER NOT NULL DEFAULT 0
) STRICT, WITHOUT ROWID;
INSERT INTO document_counts(document_id, annotations)
	SELECT d.id, (SELECT count(*) FROM annotations a WHERE a.document_id = d.id) FROM documents d;
CREATE TRIGGER document_counts_new AFTER INSERT ON documents BEGIN
	INSERT INTO document_counts(document_id, annotations) VALUES (new.id, 0);
END;
CREATE TRIGGER document_counts_ai AFTER INSERT ON annotations BEGIN
	UPDATE document_counts SET annotations = annotations + 1 WHERE document_id = new.document_id;
END;
CREATE TRIGGER document_counts_ad AFTER DELETE ON annotations BEGIN
	UPDATE document_counts SET annotations = annotations - 1 WHERE document_id = old.document_id;
END;
CREATE TRIGGER document_counts_au AFTER UPDATE OF document_id ON annotations BEGIN
	UPDATE document_counts SET annotations = annotations - 1 WHERE document_id = old.document_id;
	UPDATE document_counts SET annotations = annotations + 1 WHERE document_id = new.document_id;
END;
`,
	// 4: what analyses group by. Speakers gain gender, type and country;
	// gender, type and role have editable lists of values per project
	// (vocabularies, seeded with the defaults). Documents gain a section
	// and user-defined variables (REFI-QDA's Variables of sources): a
	// definition (name, type) and one value per document.
	`
ALTER TABLE speakers ADD COLUMN gender TEXT NOT NULL DEFAULT '';
ALTER TABLE speakers ADD COLUMN type TEXT NOT NULL DEFAULT '';
ALTER TABLE speakers ADD COLUMN country TEXT NOT NULL DEFAULT '';
ALTER TABLE documents ADD COLUMN section TEXT NOT NULL DEFAULT '';

CREATE TABLE vocabularies (
	attribute TEXT NOT NULL CHECK (attribute IN ('gender','type','role')),
	value     TEXT NOT NULL COLLATE NOCASE CHECK (value <> ''),
	position  INTEGER NOT NULL,
	PRIMARY KEY (attribute, value)
) STRICT, WITHOUT ROWID;
INSERT INTO vocabularies(attribute, value, position) VALUES
	('gender', 'woman', 0), ('gender', 'man', 1), ('gender', 'non-binary', 2), ('gender', 'unknown', 3),
	('type', 'person', 0), ('type', 'organisation', 1), ('type', 'document', 2), ('type', 'anonymous', 3),
	('role', 'politician', 0), ('role', 'official', 1), ('role', 'expert', 2), ('role', 'citizen', 3), ('role', 'journalist', 4),
	('role', 'spokesperson', 5), ('role', 'activist', 6), ('role', 'business', 7), ('role', 'celebrity', 8), ('role', 'other', 9);

CREATE TABLE variables (
	id          TEXT PRIMARY KEY,
	name        TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (name <> ''),
	type        TEXT NOT NULL CHECK (type IN ('text','number','date')),
	description TEXT NOT NULL DEFAULT '',
	position    INTEGER NOT NULL DEFAULT 0,
	created     TEXT NOT NULL
) STRICT;

CREATE TABLE document_variables (
	document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	variable_id TEXT NOT NULL REFERENCES variables(id) ON DELETE CASCADE,
	value       TEXT NOT NULL CHECK (value <> ''),
	PRIMARY KEY (document_id, variable_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX document_variables_variable ON document_variables(variable_id, value);
`,
}

// derivedTables are kept by triggers from the other tables: undo does not
// log them and repair does not copy them (it counts afresh).
var derivedTables = map[string]bool{"document_counts": true}

// seededTables get rows from their migration (the default vocabularies):
// repair empties them before copying a damaged project's rows, which are
// the project's own choice.
var seededTables = map[string]bool{"vocabularies": true}

// recount fills document_counts afresh from the annotations.
func recount(q querier) error {
	_, err := q.ExecContext(bg, `DELETE FROM document_counts;
		INSERT INTO document_counts(document_id, annotations)
		SELECT d.id, (SELECT count(*) FROM annotations a WHERE a.document_id = d.id) FROM documents d`)
	return err
}
