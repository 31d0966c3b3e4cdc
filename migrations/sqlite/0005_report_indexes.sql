-- Indexes the reports read instead of the wide rows of their tables: each holds what a report's
-- aggregation needs, so a period's worth of deals, spells, tasks, activities or payments is read
-- off one narrow index (an index-only scan on PostgreSQL once vacuumed).

-- Deals created in a period (funnel, lead response): their owner, pipeline, stage, status, amount.
CREATE INDEX deals_report_created ON deals (created_at, owner_id, pipeline_id, stage_id, status, amount, company_id)
    WHERE deleted_at IS NULL;
-- Deals closed in a period (dashboard, loss reasons), by status first.
CREATE INDEX deals_report_closed ON deals (status, closed_at, owner_id, pipeline_id, amount, loss_reason_id, company_id)
    WHERE deleted_at IS NULL AND closed_at IS NOT NULL;
-- A payment's deal, as the payment reports join it (dashboard, new vs existing, ABC/XYZ, activity).
CREATE INDEX deals_report_id ON deals (id, owner_id, pipeline_id, company_id, stage_id, win_probability)
    WHERE deleted_at IS NULL;
-- "Did the company win before?" (new vs existing clients).
CREATE INDEX deals_company_won ON deals (company_id, closed_at) WHERE status = 'won' AND deleted_at IS NULL;
-- The few deleted deals, which reports leave out by a semi-join instead of reading every deal.
CREATE INDEX deals_deleted ON deals (id) WHERE deleted_at IS NOT NULL;
-- Open deals by how long they have been in their stage (stuck deals).
CREATE INDEX deals_open_stage_entered ON deals (stage_entered_at, id) WHERE status = 'open' AND deleted_at IS NULL;

-- Spells entered in a period (time in stage) and a deal's spells with their stages (funnel, losses).
CREATE INDEX stage_spells_report ON stage_spells (entered_at, stage_id, left_at, deal_id, id);
DROP INDEX stage_spells_deal;
CREATE INDEX stage_spells_deal ON stage_spells (deal_id, entered_at, stage_id, left_at);

-- Tasks done in a period (activity), a deal's open tasks (discipline), a lead's first contact task.
CREATE INDEX tasks_done ON tasks (done_at, assignee_id, deal_id) WHERE deleted_at IS NULL AND done_at IS NOT NULL;
CREATE INDEX tasks_deal_open ON tasks (deal_id) WHERE done_at IS NULL AND deleted_at IS NULL;
-- Done tasks whose result is short enough to be checked for meaning (discipline): the condition
-- is the report's, character for character.
CREATE INDEX tasks_short_result ON tasks (done_at, id)
    WHERE deleted_at IS NULL AND (result IS NULL OR LENGTH(TRIM(result)) <= 16);
CREATE INDEX tasks_deal_kind_done ON tasks (deal_id, kind, done_at) WHERE deleted_at IS NULL AND done_at IS NOT NULL;

-- Calls and meetings in a period (activity), a company's newest contact (idle clients), a deal's
-- first contact (lead response).
CREATE INDEX activities_report ON activities (kind, occurred_at, author_id, deal_id) WHERE deleted_at IS NULL;
CREATE INDEX activities_company_last ON activities (company_id, occurred_at, kind) WHERE deleted_at IS NULL;
CREATE INDEX activities_deal_first ON activities (deal_id, occurred_at, kind) WHERE deleted_at IS NULL;

-- Payments paid or planned in a period.
CREATE INDEX payments_paid_report ON payments (paid_at, deal_id, amount) WHERE status = 'paid' AND deleted_at IS NULL;
CREATE INDEX payments_planned_report ON payments (planned_date, deal_id, amount)
    WHERE status = 'planned' AND deleted_at IS NULL;

-- The planner's statistics, new indexes included: without them (or with a sampled guess) it takes
-- a stage's spells for a handful and walks a funnel through the wrong index. The indexes above
-- read every row anyway, so this adds a fraction to the upgrade of a large file.
ANALYZE;
