-- A company's latest call, email or meeting, kept by the store's `figures` module with the same
-- statement as below, so idle clients are read off one index instead of every company's
-- timeline.
ALTER TABLE companies ADD COLUMN last_contact_at BIGINT;

UPDATE companies SET
         last_contact_at = (SELECT MAX(a.occurred_at) FROM activities a WHERE a.company_id = companies.id
            AND a.kind IN ('call', 'email', 'meeting') AND a.deleted_at IS NULL);

CREATE INDEX companies_last_contact ON companies (last_contact_at, id) WHERE deleted_at IS NULL;
