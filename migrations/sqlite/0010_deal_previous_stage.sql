-- The stage of each deal's spell before its latest, kept by the store's `figures` module with the
-- same statement as below: for a lost deal, the stage it was lost from. Loss reasons then read
-- it off the index of closed deals instead of ranking every lost deal's spells.
ALTER TABLE deals ADD COLUMN previous_stage_id TEXT;

UPDATE deals SET
         previous_stage_id = (SELECT sp.stage_id FROM stage_spells sp WHERE sp.deal_id = deals.id
            ORDER BY sp.entered_at DESC, sp.id DESC LIMIT 1 OFFSET 1);

-- Deals closed in a period (dashboard, loss reasons), now with the stage before the last.
DROP INDEX deals_report_closed;
CREATE INDEX deals_report_closed ON deals (status, closed_at, owner_id, pipeline_id, amount, loss_reason_id,
    company_id, previous_stage_id) WHERE deleted_at IS NULL AND closed_at IS NOT NULL;

-- The planner's statistics for the new index, then, as in 0007, none for a new database's
-- empty tables.
ANALYZE deals;
DELETE FROM sqlite_stat1 WHERE stat = '0' OR stat LIKE '0 %';
