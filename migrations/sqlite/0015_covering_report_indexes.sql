-- SQLite counts a partial index as covering only when it holds every column a statement names,
-- those of the index's own condition included: else it reads the table for each row the index
-- gives. These report indexes now hold the columns of their conditions.

-- Idle clients (activity): never contacted first, then by the latest contact, with all a row of
-- the list needs.
DROP INDEX companies_last_contact;
CREATE INDEX companies_idle ON companies (last_contact_at, id, name, owner_id, deleted_at) WHERE deleted_at IS NULL;

-- Deals closed in a period (dashboard, loss reasons).
DROP INDEX deals_report_closed;
CREATE INDEX deals_report_closed ON deals (status, closed_at, owner_id, pipeline_id, amount, loss_reason_id,
    company_id, previous_stage_id, deleted_at) WHERE deleted_at IS NULL AND closed_at IS NOT NULL;

ANALYZE companies;
ANALYZE deals;
DELETE FROM sqlite_stat1 WHERE stat = '0' OR stat LIKE '0 %';
