-- Documents attached by people, kept in the database like a proposal's files, on a deal or on a
-- company:
-- - `documents` belongs to a deal or to a company, exactly one; `author_id` names who attached
--   or made it (for those kept before, the actor of their audit entry).
-- - `document_files.kind` is `proposal` for a file Voronka made, `attachment` for one a person
--   attached; a company's file has no deal.
--
-- Rights (DOMAIN.md "Rights"; voronka_core::rights::document_right says the same): a document
-- is part of its record's card. A manager reads a deal's documents when she sees the deal (her
-- own) and a company's as the whole team reads the client base; she attaches to and deletes
-- (a soft delete, an UPDATE) from her own deals and companies only. The head and the admin keep
-- every row (their policies of 0017 and 0022). A kept file is read exactly when its document
-- is, and written only with a document its writer may change.
ALTER TABLE documents ALTER COLUMN deal_id DROP NOT NULL;
ALTER TABLE documents ADD COLUMN company_id TEXT REFERENCES companies (id);
ALTER TABLE documents ADD COLUMN author_id TEXT REFERENCES users (id);
ALTER TABLE documents ADD CONSTRAINT documents_of_one_record CHECK ((deal_id IS NULL) <> (company_id IS NULL));
UPDATE documents d SET author_id = (SELECT a.actor_id FROM audit_log a WHERE a.entity = 'document'
    AND a.entity_id = d.id AND a.action = 'create' AND a.actor_id IN (SELECT u.id FROM users u)
    ORDER BY a.at LIMIT 1);
CREATE INDEX documents_company ON documents (company_id);

ALTER TABLE document_files ALTER COLUMN deal_id DROP NOT NULL;
ALTER TABLE document_files DROP CONSTRAINT document_files_kind_check;
ALTER TABLE document_files ADD CONSTRAINT document_files_kind_check CHECK (kind IN ('proposal', 'attachment'));

-- Whether the signed-in manager may change the documents of a deal (one she sees is her own)
-- or of a company (one she owns).
CREATE FUNCTION voronka_edits_documents_of(deal TEXT, company TEXT) RETURNS BOOLEAN LANGUAGE sql STABLE AS $$
    SELECT CASE WHEN deal IS NOT NULL THEN voronka_sees_deal(deal)
        ELSE EXISTS (SELECT 1 FROM companies c WHERE c.id = company AND c.owner_id = (SELECT voronka_me())) END
$$;

DROP POLICY own_deal ON documents;
CREATE POLICY own_read ON documents FOR SELECT TO voronka_manager
    USING (CASE WHEN deal_id IS NOT NULL THEN voronka_sees_deal(deal_id) ELSE (SELECT voronka_me()) IS NOT NULL END);
CREATE POLICY own_insert ON documents FOR INSERT TO voronka_manager
    WITH CHECK (voronka_edits_documents_of(deal_id, company_id));
CREATE POLICY own_update ON documents FOR UPDATE TO voronka_manager
    USING (voronka_edits_documents_of(deal_id, company_id))
    WITH CHECK (voronka_edits_documents_of(deal_id, company_id));

DROP POLICY own_deal ON document_files;
CREATE POLICY own_read ON document_files FOR SELECT TO voronka_manager
    USING (EXISTS (SELECT 1 FROM documents d WHERE d.id = document_id));
CREATE POLICY own_insert ON document_files FOR INSERT TO voronka_manager
    WITH CHECK (EXISTS (SELECT 1 FROM documents d WHERE d.id = document_id
        AND d.deal_id IS NOT DISTINCT FROM document_files.deal_id
        AND voronka_edits_documents_of(d.deal_id, d.company_id)));
