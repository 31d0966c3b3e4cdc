-- Documents attached by people, kept in the database like a proposal's files, on a deal or on a
-- company:
-- - `documents` belongs to a deal or to a company, exactly one; `author_id` names who attached
--   or made it (for those kept before, the actor of their audit entry).
-- - `document_files.kind` is `proposal` for a file Voronka made, `attachment` for one a person
--   attached; a company's file has no deal.
--
-- SQLite cannot relax a NOT NULL or change a CHECK in place: both tables are made anew. The
-- kept files wait in a table without references while `documents` is replaced, so that no
-- reference is ever left dangling (the migration runs with foreign keys on).
CREATE TABLE documents_new (
    id TEXT PRIMARY KEY,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    version INTEGER NOT NULL,
    deleted_at INTEGER,
    deal_id TEXT REFERENCES deals (id),
    name TEXT NOT NULL,
    path TEXT NOT NULL,
    size_bytes INTEGER,
    company_id TEXT REFERENCES companies (id),
    author_id TEXT REFERENCES users (id),
    CHECK ((deal_id IS NULL) <> (company_id IS NULL))
);
INSERT INTO documents_new (id, created_at, updated_at, version, deleted_at, deal_id, name, path, size_bytes, author_id)
    SELECT d.id, d.created_at, d.updated_at, d.version, d.deleted_at, d.deal_id, d.name, d.path, d.size_bytes,
        (SELECT a.actor_id FROM audit_log a WHERE a.entity = 'document' AND a.entity_id = d.id
            AND a.action = 'create' AND a.actor_id IN (SELECT u.id FROM users u) ORDER BY a.at LIMIT 1)
    FROM documents d;

CREATE TABLE document_files_kept (
    document_id TEXT,
    deal_id TEXT,
    kind TEXT,
    media_type TEXT,
    content BLOB
);
INSERT INTO document_files_kept SELECT document_id, deal_id, kind, media_type, content FROM document_files;
DROP TABLE document_files;
DROP TABLE documents;
ALTER TABLE documents_new RENAME TO documents;
CREATE INDEX documents_deal ON documents (deal_id);
CREATE INDEX documents_company ON documents (company_id);

CREATE TABLE document_files (
    document_id TEXT PRIMARY KEY REFERENCES documents (id),
    deal_id TEXT REFERENCES deals (id),
    kind TEXT NOT NULL CHECK (kind IN ('proposal', 'attachment')),
    media_type TEXT NOT NULL,
    content BLOB NOT NULL
);
INSERT INTO document_files (document_id, deal_id, kind, media_type, content)
    SELECT document_id, deal_id, kind, media_type, content FROM document_files_kept;
DROP TABLE document_files_kept;
CREATE INDEX document_files_deal ON document_files (deal_id, kind);
