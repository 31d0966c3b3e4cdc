-- The column mapping of each user's last import of each kind (companies, contacts, deals), so
-- the next file with the same header is mapped the same way: header -> field, as JSON pairs.
CREATE TABLE import_mappings (
    user_id TEXT NOT NULL REFERENCES users (id),
    kind TEXT NOT NULL,
    mapping TEXT NOT NULL,
    saved_at BIGINT NOT NULL,
    PRIMARY KEY (user_id, kind)
);

-- Team mode: everyone reads and keeps their own mappings; the head and the admin read all.
GRANT SELECT, INSERT, UPDATE ON import_mappings TO voronka_manager, voronka_head, voronka_admin;
ALTER TABLE import_mappings ENABLE ROW LEVEL SECURITY;
ALTER TABLE import_mappings FORCE ROW LEVEL SECURITY;
DO $$
DECLARE
    owner TEXT := (SELECT pg_get_userbyid(relowner) FROM pg_class WHERE oid = 'public.users'::regclass);
BEGIN
    EXECUTE format('CREATE POLICY owner_all ON import_mappings TO %I USING (true) WITH CHECK (true)', owner);
END $$;
CREATE POLICY own_all ON import_mappings TO voronka_manager, voronka_head, voronka_admin
    USING (user_id = (SELECT voronka_me())) WITH CHECK (user_id = (SELECT voronka_me()));
