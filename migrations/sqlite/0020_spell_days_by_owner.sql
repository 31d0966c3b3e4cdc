-- Time in stage per manager from the roll-up: the closed stage spells of live deals by the day
-- they were entered, stage, deal owner and length in half days. A manager's report reads her
-- own cells instead of every spell of her deals (rollups.rs, whose test holds this text to it).
DROP TABLE spell_days;
CREATE TABLE spell_days (
    day INTEGER NOT NULL,
    stage_id TEXT NOT NULL,
    owner_id TEXT NOT NULL,
    half_days INTEGER NOT NULL,
    spells INTEGER NOT NULL,
    total_ms INTEGER NOT NULL
);
CREATE INDEX spell_days_day ON spell_days (day, stage_id, owner_id, half_days, spells, total_ms);

INSERT INTO spell_days (day, stage_id, owner_id, half_days, spells, total_ms)
         SELECT s.entered_at / 86400000, s.stage_id, d.owner_id, (s.left_at - s.entered_at) / 43200000, COUNT(*),
         SUM(s.left_at - s.entered_at)
         FROM stage_spells s JOIN deals d ON d.id = s.deal_id WHERE s.left_at IS NOT NULL
         AND d.deleted_at IS NULL AND TRUE
         GROUP BY s.entered_at / 86400000, s.stage_id, d.owner_id, (s.left_at - s.entered_at) / 43200000;

ANALYZE spell_days;
