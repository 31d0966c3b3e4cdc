-- Figures kept on each deal for the reports (see the store's `figures` module, which keeps them
-- up to date with the same statement as below): the furthest stage the deal reached in its
-- pipeline, and when it was first contacted.
ALTER TABLE deals ADD COLUMN furthest_position BIGINT;
ALTER TABLE deals ADD COLUMN first_contact_at BIGINT;

UPDATE deals SET
         furthest_position = (SELECT MAX(st.position) FROM stage_spells sp JOIN stages st ON st.id = sp.stage_id
            WHERE sp.deal_id = deals.id AND st.pipeline_id = deals.pipeline_id AND st.kind <> 'lost'),
         first_contact_at = (SELECT MIN(x.at) FROM (
            SELECT MIN(t.done_at) AS at FROM tasks t WHERE t.deal_id = deals.id AND t.kind = 'contact_lead'
            AND t.done_at IS NOT NULL AND t.deleted_at IS NULL
            UNION ALL
            SELECT MIN(a.occurred_at) AS at FROM activities a WHERE a.deal_id = deals.id AND a.kind IN ('call', 'email')
            AND a.details LIKE '%"direction":"outbound"%' AND a.occurred_at >= deals.created_at
            AND a.deleted_at IS NULL) x);

-- Deals created in a period (funnel, lead response), now with their figures, so both reports
-- read this index alone.
DROP INDEX deals_report_created;
CREATE INDEX deals_report_created ON deals (created_at, owner_id, pipeline_id, stage_id, status, amount,
    furthest_position, first_contact_at, company_id) WHERE deleted_at IS NULL;
