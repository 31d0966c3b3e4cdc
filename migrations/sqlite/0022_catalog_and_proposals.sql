-- The product catalog and commercial proposals.
--
-- - A product is archived by the soft delete every record has: it stays on the deal items that
--   name it and is offered for no new one. `search_key` (the name and SKU lower-cased by the
--   store, which lower-cases Cyrillic as SQLite's lower() does not) is what the catalog's text
--   filter reads; products written before it get SQLite's own lower-casing until next saved.
-- - `amount_from_items`: the deal's amount is the sum of its live items, kept so by the store.
-- - The department's proposal template, one row, set by the admin.
-- - `document_files`: the bytes of a document made by Voronka (a proposal's PDF and XLSX), kept
--   in the database so that every teammate can open it.
ALTER TABLE products ADD COLUMN search_key TEXT NOT NULL DEFAULT '';
UPDATE products SET search_key = lower(name || ' ' || coalesce(sku, ''));
CREATE INDEX products_live_name ON products (name, id) WHERE deleted_at IS NULL;

ALTER TABLE deals ADD COLUMN amount_from_items INTEGER NOT NULL DEFAULT 0 CHECK (amount_from_items IN (0, 1));

CREATE TABLE proposal_templates (
    id TEXT PRIMARY KEY,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    version INTEGER NOT NULL,
    deleted_at INTEGER,
    company_name TEXT NOT NULL,
    requisites TEXT,
    logo TEXT,
    terms TEXT,
    validity_days INTEGER NOT NULL CHECK (validity_days BETWEEN 1 AND 365),
    vat_rate_bp INTEGER CHECK (vat_rate_bp BETWEEN 0 AND 10000),
    prices_include_vat INTEGER NOT NULL CHECK (prices_include_vat IN (0, 1))
);

CREATE TABLE document_files (
    document_id TEXT PRIMARY KEY REFERENCES documents (id),
    deal_id TEXT NOT NULL REFERENCES deals (id),
    kind TEXT NOT NULL CHECK (kind IN ('proposal')),
    media_type TEXT NOT NULL,
    content BLOB NOT NULL
);
CREATE INDEX document_files_deal ON document_files (deal_id, kind);
