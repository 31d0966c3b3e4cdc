-- A company's latest call, email or meeting, kept by the store's `figures` module with the same
-- statement as below, so idle clients are read off one index instead of every company's
-- timeline.
ALTER TABLE companies ADD COLUMN last_contact_at INTEGER;

UPDATE companies SET
         last_contact_at = (SELECT MAX(a.occurred_at) FROM activities a WHERE a.company_id = companies.id
            AND a.kind IN ('call', 'email', 'meeting') AND a.deleted_at IS NULL);

CREATE INDEX companies_last_contact ON companies (last_contact_at, id) WHERE deleted_at IS NULL;

-- The planner's statistics for the new index (see 0005).
ANALYZE companies;

-- A new, empty database's statistics say every table is empty, and the planner then walks the
-- first bulk load through the wrong indexes. Without them it uses its defaults until the next
-- ANALYZE (`Store::analyze`, after a demo or import load).
DELETE FROM sqlite_stat1 WHERE stat = '0' OR stat LIKE '0 %';
