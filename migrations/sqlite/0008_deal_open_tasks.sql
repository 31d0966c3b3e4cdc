-- How many open tasks each deal has, kept by the store's `figures` module with the same statement
-- as below, so the deals without a task are read off one small index instead of probing every
-- open deal's tasks (discipline reads its lists and their dates off it alone).
ALTER TABLE deals ADD COLUMN open_tasks INTEGER NOT NULL DEFAULT 0;

UPDATE deals SET
         open_tasks = (SELECT COUNT(*) FROM tasks t WHERE t.deal_id = deals.id AND t.done_at IS NULL
            AND t.deleted_at IS NULL);

CREATE INDEX deals_without_open_task ON deals (created_at, id, owner_id, pipeline_id, expected_close_date,
    planned_payment_date)
    WHERE status = 'open' AND deleted_at IS NULL AND open_tasks = 0;

-- The planner's statistics for the new index, then, as in 0007, none for a new database's
-- empty tables.
ANALYZE deals;
DELETE FROM sqlite_stat1 WHERE stat = '0' OR stat LIKE '0 %';
