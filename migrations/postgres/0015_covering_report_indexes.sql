-- Idle clients (activity): never contacted first, then by the latest contact, with all a row of
-- the list needs, so the list is the index's first rows. (SQLite's twin also widens indexes whose
-- condition names columns they lacked; PostgreSQL reads such an index alone as it is.)
DROP INDEX companies_last_contact;
CREATE INDEX companies_idle ON companies (last_contact_at NULLS FIRST, id) INCLUDE (name, owner_id)
    WHERE deleted_at IS NULL;
ANALYZE companies;
