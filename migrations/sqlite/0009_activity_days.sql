-- Each user's calls, meetings and tasks done per UTC day (an instant divided by 86,400,000 ms) and
-- pipeline of their deal ('' for none), for the activity report. The store's `figures` module
-- refreshes a (user, day) at a time with the same statement as below.
CREATE TABLE activity_days (
    user_id TEXT NOT NULL,
    day INTEGER NOT NULL,
    pipeline_id TEXT NOT NULL,
    calls INTEGER NOT NULL,
    meetings INTEGER NOT NULL,
    tasks_done INTEGER NOT NULL,
    PRIMARY KEY (day, user_id, pipeline_id)
);
CREATE INDEX activity_days_user ON activity_days (user_id, day);

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
