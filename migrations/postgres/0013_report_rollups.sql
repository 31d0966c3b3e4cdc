-- Day-by-day roll-ups for the reports that aggregate a whole period, so that a report over half a
-- year reads a few tens of thousands of small rows instead of every deal and stage spell in it.
-- Days are UTC days (an instant divided by 86,400,000 ms). The store's `figures` module keeps
-- each table with the same statement as below, a day (or a day and stage) at a time.

-- The deals created each day, by owner, pipeline, current stage and status, and the furthest
-- stage they reached: the funnel.
CREATE TABLE deal_days (
    day BIGINT NOT NULL,
    owner_id TEXT NOT NULL,
    pipeline_id TEXT NOT NULL,
    stage_id TEXT NOT NULL,
    status TEXT NOT NULL,
    furthest_position BIGINT,
    deals BIGINT NOT NULL,
    amount BIGINT NOT NULL
);
CREATE INDEX deal_days_day ON deal_days (day, owner_id, pipeline_id, furthest_position, status, stage_id,
    deals, amount);

INSERT INTO deal_days (day, owner_id, pipeline_id, stage_id, status, furthest_position, deals, amount)
         SELECT created_at / 86400000, owner_id, pipeline_id, stage_id, status, furthest_position, COUNT(*), SUM(amount)
         FROM deals WHERE deleted_at IS NULL AND TRUE
         GROUP BY created_at / 86400000, owner_id, pipeline_id, stage_id, status, furthest_position;

-- The leads created each day, by owner, pipeline and the minutes to their first contact, rounded
-- up (NULL while not contacted): lead response. Rounded up, "within N minutes" is "minute <= N".
CREATE TABLE response_days (
    day BIGINT NOT NULL,
    owner_id TEXT NOT NULL,
    pipeline_id TEXT NOT NULL,
    minute BIGINT,
    leads BIGINT NOT NULL,
    total_ms BIGINT
);
CREATE INDEX response_days_day ON response_days (day, owner_id, pipeline_id, minute, leads, total_ms);

INSERT INTO response_days (day, owner_id, pipeline_id, minute, leads, total_ms)
         SELECT created_at / 86400000, owner_id, pipeline_id, (first_contact_at - created_at + 59999) / 60000,
         COUNT(*), SUM(first_contact_at - created_at)
         FROM deals WHERE deleted_at IS NULL AND TRUE
         GROUP BY created_at / 86400000, owner_id, pipeline_id, (first_contact_at - created_at + 59999) / 60000;

-- The closed stage spells of live deals entered each day, by stage and length in half days:
-- time in stage.
CREATE TABLE spell_days (
    day BIGINT NOT NULL,
    stage_id TEXT NOT NULL,
    half_days BIGINT NOT NULL,
    spells BIGINT NOT NULL,
    total_ms BIGINT NOT NULL
);
CREATE INDEX spell_days_day ON spell_days (day, stage_id, half_days, spells, total_ms);

INSERT INTO spell_days (day, stage_id, half_days, spells, total_ms)
         SELECT s.entered_at / 86400000, s.stage_id, (s.left_at - s.entered_at) / 43200000, COUNT(*),
         SUM(s.left_at - s.entered_at)
         FROM stage_spells s WHERE s.left_at IS NOT NULL
         AND s.deal_id NOT IN (SELECT id FROM deals WHERE deleted_at IS NOT NULL) AND TRUE
         GROUP BY s.entered_at / 86400000, s.stage_id, (s.left_at - s.entered_at) / 43200000;

-- The exact medians read only the lengths in the middle bucket the roll-ups point at: these hold
-- them in order, per manager for leads and per stage for spells.
CREATE INDEX deals_response ON deals (owner_id, (first_contact_at - created_at), created_at, pipeline_id,
    first_contact_at, deleted_at) WHERE deleted_at IS NULL AND first_contact_at IS NOT NULL;
CREATE INDEX stage_spells_length ON stage_spells (stage_id, (left_at - entered_at), entered_at, deal_id, left_at)
    WHERE left_at IS NOT NULL;
-- The current spells, whose length runs up to now.
CREATE INDEX stage_spells_current ON stage_spells (stage_id, entered_at, deal_id, left_at) WHERE left_at IS NULL;
-- Paid payments of live deals by client: ABC/XYZ sums each client's months in this order,
-- without sorting the half year's payments.
CREATE INDEX payments_paid_by_company ON payments (deal_company_id, paid_at, amount, deal_owner_id, deal_pipeline_id,
    status, deleted_at) WHERE status = 'paid' AND deleted_at IS NULL AND deal_owner_id IS NOT NULL;

-- Every column a statement reads, those of the index's own condition included, is in the
-- index above and in these: SQLite counts an index whose condition names other columns as one
-- that sends each row to the table, and so preferred a smaller index that really does (a
-- half year's payments: 34 ms from the index alone, 336 ms through the table).
DROP INDEX payments_paid_by_client;
CREATE INDEX payments_paid_by_client ON payments (paid_at, deal_company_id, amount, deal_owner_id, deal_pipeline_id,
    status, deleted_at) WHERE status = 'paid' AND deleted_at IS NULL AND deal_owner_id IS NOT NULL;
DROP INDEX deals_open_stage_entered;
CREATE INDEX deals_open_stage_entered ON deals (stage_entered_at, id, pipeline_id, owner_id, status, deleted_at)
    WHERE status = 'open' AND deleted_at IS NULL;
DROP INDEX tasks_assignee_open;
CREATE INDEX tasks_assignee_open ON tasks (assignee_id, due_at, done_at, deleted_at)
    WHERE done_at IS NULL AND deleted_at IS NULL;

ANALYZE deal_days;
ANALYZE response_days;
ANALYZE spell_days;
ANALYZE deals;
ANALYZE stage_spells;
ANALYZE payments;
ANALYZE tasks;
