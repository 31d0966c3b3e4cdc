-- A deleted deal takes its tasks and activities with it, out of every list, count, report and
-- notification, and restoring it brings back exactly those: `deleted_with` names the deal that
-- took a task or activity along (NULL for one deleted on its own).
ALTER TABLE tasks ADD COLUMN deleted_with TEXT;
ALTER TABLE activities ADD COLUMN deleted_with TEXT;

-- Deals deleted before this rule take their live tasks and activities along now, at the deal's
-- own deletion time.
UPDATE tasks SET deleted_at = (SELECT d.deleted_at FROM deals d WHERE d.id = tasks.deal_id), deleted_with = deal_id
    WHERE deleted_at IS NULL AND deal_id IN (SELECT id FROM deals WHERE deleted_at IS NOT NULL);
UPDATE activities SET deleted_at = (SELECT d.deleted_at FROM deals d WHERE d.id = activities.deal_id),
    deleted_with = deal_id
    WHERE deleted_at IS NULL AND deal_id IN (SELECT id FROM deals WHERE deleted_at IS NOT NULL);
CREATE INDEX tasks_deleted_with ON tasks (deleted_with) WHERE deleted_with IS NOT NULL;
CREATE INDEX activities_deleted_with ON activities (deleted_with) WHERE deleted_with IS NOT NULL;

-- What those tasks and activities counted in, computed again with the store's own statements
-- (`figures`): each user's calls, meetings and tasks done per day, and each company's latest
-- contact.
DELETE FROM activity_days;
INSERT INTO activity_days (user_id, day, pipeline_id, calls, meetings, tasks_done)
         SELECT user_id, day, pipeline_id, SUM(calls), SUM(meetings), SUM(done) FROM (
            SELECT a.author_id AS user_id, a.occurred_at / 86400000 AS day, COALESCE(d.pipeline_id, '') AS pipeline_id,
            CASE WHEN a.kind = 'call' THEN 1 ELSE 0 END AS calls, CASE WHEN a.kind = 'meeting' THEN 1 ELSE 0 END AS meetings,
            0 AS done
            FROM activities a LEFT JOIN deals d ON d.id = a.deal_id
            WHERE a.deleted_at IS NULL AND a.kind IN ('call', 'meeting') AND TRUE
            UNION ALL
            SELECT t.assignee_id AS user_id, t.done_at / 86400000 AS day, COALESCE(d.pipeline_id, '') AS pipeline_id,
            0 AS calls, 0 AS meetings, 1 AS done
            FROM tasks t LEFT JOIN deals d ON d.id = t.deal_id
            WHERE t.deleted_at IS NULL AND t.done_at IS NOT NULL AND TRUE) x
         GROUP BY user_id, day, pipeline_id;
UPDATE companies SET
         last_contact_at = (SELECT MAX(a.occurred_at) FROM activities a WHERE a.company_id = companies.id
            AND a.kind IN ('call', 'email', 'meeting') AND a.deleted_at IS NULL);

-- The funnel's "reached": each deal once per pipeline its stage history passed through, by the
-- furthest stage it reached there, per day of the deal's creation. A deal moved to another
-- pipeline stays in the first one's funnel for the stages it passed there.
CREATE TABLE reach_days (
    day INTEGER NOT NULL,
    owner_id TEXT NOT NULL,
    pipeline_id TEXT NOT NULL,
    furthest_position INTEGER,
    deals INTEGER NOT NULL
);
CREATE INDEX reach_days_day ON reach_days (day, owner_id, pipeline_id, furthest_position, deals);
CREATE INDEX reach_days_pipeline ON reach_days (pipeline_id);

INSERT INTO reach_days (day, owner_id, pipeline_id, furthest_position, deals)
         SELECT day, owner_id, pipeline_id, furthest_position, COUNT(*) FROM (
            SELECT d.created_at / 86400000 AS day, d.owner_id AS owner_id, st.pipeline_id AS pipeline_id,
            MAX(CASE WHEN st.kind <> 'lost' THEN st.position END) AS furthest_position
            FROM deals d JOIN stage_spells sp ON sp.deal_id = d.id JOIN stages st ON st.id = sp.stage_id
            WHERE d.deleted_at IS NULL AND TRUE
            GROUP BY d.id, d.created_at, d.owner_id, st.pipeline_id) r
         GROUP BY day, owner_id, pipeline_id, furthest_position;

ANALYZE reach_days;
-- See 0007: an empty database's statistics would mislead the first bulk load.
DELETE FROM sqlite_stat1 WHERE stat = '0' OR stat LIKE '0 %';
