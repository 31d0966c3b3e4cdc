-- Stage spells, tasks and activities carry their deal's owner, `deal_owner_id` (NULL while the
-- deal is deleted), kept by the figures' refresh like a payment's copies (0012). PostgreSQL's
-- row-level security compares it with the signed-in manager instead of looking every row's deal
-- up; on both backends a manager's time in stage reads her spells off it.
ALTER TABLE stage_spells ADD COLUMN deal_owner_id TEXT;
ALTER TABLE tasks ADD COLUMN deal_owner_id TEXT;
ALTER TABLE activities ADD COLUMN deal_owner_id TEXT;

UPDATE stage_spells SET deal_owner_id = (SELECT d.owner_id FROM deals d WHERE d.id = stage_spells.deal_id AND d.deleted_at IS NULL);
UPDATE tasks SET deal_owner_id = (SELECT d.owner_id FROM deals d WHERE d.id = tasks.deal_id AND d.deleted_at IS NULL);
UPDATE activities SET deal_owner_id = (SELECT d.owner_id FROM deals d WHERE d.id = activities.deal_id AND d.deleted_at IS NULL);

-- One manager's report figures (hers, or the team's filtered to her) off her own entries: her
-- spells by stage, the closed ones in length order and the current ones by entry; her days of
-- spells; her tasks closed with a short result. Each index holds the columns of its own
-- condition (see 0015).
CREATE INDEX stage_spells_owner_length ON stage_spells (deal_owner_id, stage_id, (left_at - entered_at), entered_at, left_at, deal_id)
    WHERE left_at IS NOT NULL;
CREATE INDEX stage_spells_owner_current ON stage_spells (deal_owner_id, stage_id, entered_at, left_at, deal_id)
    WHERE left_at IS NULL;
CREATE INDEX spell_days_owner ON spell_days (owner_id, day, stage_id, half_days, spells, total_ms);
CREATE INDEX tasks_short_result_assignee ON tasks (assignee_id, done_at, id)
    WHERE deleted_at IS NULL AND (result IS NULL OR LENGTH(TRIM(result)) <= 16);

-- A deal's quick-search entry names its owner only on PostgreSQL, where row-level security
-- needs it; a SQLite file has one user.
