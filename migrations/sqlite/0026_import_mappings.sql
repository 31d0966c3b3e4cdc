-- The column mapping of each user's last import of each kind (companies, contacts, deals), so
-- the next file with the same header is mapped the same way: header -> field, as JSON pairs.
CREATE TABLE import_mappings (
    user_id TEXT NOT NULL REFERENCES users (id),
    kind TEXT NOT NULL,
    mapping TEXT NOT NULL,
    saved_at INTEGER NOT NULL,
    PRIMARY KEY (user_id, kind)
);
