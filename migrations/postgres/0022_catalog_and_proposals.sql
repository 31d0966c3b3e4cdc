-- The product catalog and commercial proposals.
--
-- - A product is archived by the soft delete every record has: it stays on the deal items that
--   name it and is offered for no new one. `search_key` (the name and SKU lower-cased) is what
--   the catalog's text filter reads.
-- - `amount_from_items`: the deal's amount is the sum of its live items, kept so by the store.
-- - The department's proposal template, one row, set by the admin.
-- - `document_files`: the bytes of a document made by Voronka (a proposal's PDF and XLSX), kept
--   in the database so that every teammate who may see the deal can open it.
--
-- Rights as 0017 gives the tables it found (its loops ran over those that existed then): the
-- template is set-up, read by the team and changed by the admin; a document's bytes follow
-- their deal. Both tables get row-level security, forced, with the schema owner's policy.
ALTER TABLE products ADD COLUMN search_key TEXT NOT NULL DEFAULT '';
UPDATE products SET search_key = lower(name || ' ' || coalesce(sku, ''));
CREATE INDEX products_live_name ON products (name, id) WHERE deleted_at IS NULL;

ALTER TABLE deals ADD COLUMN amount_from_items BIGINT NOT NULL DEFAULT 0 CHECK (amount_from_items IN (0, 1));

CREATE TABLE proposal_templates (
    id TEXT PRIMARY KEY,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    version BIGINT NOT NULL,
    deleted_at BIGINT,
    company_name TEXT NOT NULL,
    requisites TEXT,
    logo TEXT,
    terms TEXT,
    validity_days BIGINT NOT NULL CHECK (validity_days BETWEEN 1 AND 365),
    vat_rate_bp BIGINT CHECK (vat_rate_bp BETWEEN 0 AND 10000),
    prices_include_vat BIGINT NOT NULL CHECK (prices_include_vat IN (0, 1))
);

CREATE TABLE document_files (
    document_id TEXT PRIMARY KEY REFERENCES documents (id),
    deal_id TEXT NOT NULL REFERENCES deals (id),
    kind TEXT NOT NULL CHECK (kind IN ('proposal')),
    media_type TEXT NOT NULL,
    content BYTEA NOT NULL
);
CREATE INDEX document_files_deal ON document_files (deal_id, kind);

GRANT SELECT, INSERT, UPDATE ON proposal_templates TO voronka_manager, voronka_head, voronka_admin;
-- A kept file is written once, with its document, and never changed.
GRANT SELECT, INSERT ON document_files TO voronka_manager, voronka_head, voronka_admin;

DO $$
DECLARE
    t TEXT;
    owner TEXT := (SELECT pg_get_userbyid(relowner) FROM pg_class WHERE oid = 'public.users'::regclass);
BEGIN
    FOREACH t IN ARRAY ARRAY['proposal_templates', 'document_files'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY owner_all ON %I TO %I USING (true) WITH CHECK (true)', t, owner);
    END LOOP;
END $$;

CREATE POLICY team_read ON proposal_templates FOR SELECT TO voronka_manager, voronka_head
    USING ((SELECT voronka_me()) IS NOT NULL);
CREATE POLICY admin_all ON proposal_templates TO voronka_admin USING (true) WITH CHECK (true);

CREATE POLICY head_all ON document_files TO voronka_head, voronka_admin USING (true) WITH CHECK (true);
CREATE POLICY own_deal ON document_files TO voronka_manager
    USING (voronka_sees_deal(deal_id)) WITH CHECK (voronka_sees_deal(deal_id));
