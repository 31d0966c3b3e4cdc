-- Time in stage per manager from the roll-up: the closed stage spells of live deals by the day
-- they were entered, stage, deal owner and length in half days. A manager's report reads her
-- own cells instead of every spell of her deals (rollups.rs, whose test holds this text to it).
-- The table is emptied and refilled in place, so its grants and row-level security stay.
DELETE FROM spell_days;
ALTER TABLE spell_days ADD COLUMN owner_id TEXT NOT NULL;
DROP INDEX spell_days_day;
CREATE INDEX spell_days_day ON spell_days (day, stage_id, owner_id, half_days, spells, total_ms);

INSERT INTO spell_days (day, stage_id, owner_id, half_days, spells, total_ms)
         SELECT s.entered_at / 86400000, s.stage_id, d.owner_id, (s.left_at - s.entered_at) / 43200000, COUNT(*),
         SUM(s.left_at - s.entered_at)
         FROM stage_spells s JOIN deals d ON d.id = s.deal_id WHERE s.left_at IS NOT NULL
         AND d.deleted_at IS NULL AND TRUE
         GROUP BY s.entered_at / 86400000, s.stage_id, d.owner_id, (s.left_at - s.entered_at) / 43200000;

ANALYZE spell_days;

-- A manager's report figures are her own, time in stage now too (0017 let every teammate read
-- the team's, for want of an owner).
DROP POLICY team_read ON spell_days;
CREATE POLICY own_read ON spell_days FOR SELECT TO voronka_manager USING (owner_id = (SELECT voronka_me()));

-- The figures' function, refilling spell_days by owner.
CREATE OR REPLACE FUNCTION voronka_refresh_figures(touched TEXT) RETURNS VOID
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
DECLARE
    t JSONB := touched::jsonb;
    v_deals TEXT[] := ARRAY(SELECT DISTINCT jsonb_array_elements_text(t->'deals'));
    v_companies TEXT[] := ARRAY(SELECT DISTINCT jsonb_array_elements_text(t->'companies'));
    v_payment_deals TEXT[] := ARRAY(SELECT DISTINCT jsonb_array_elements_text(t->'payment_deals'));
    v_spells_of TEXT[] := ARRAY(SELECT DISTINCT jsonb_array_elements_text(t->'spells_of'));
    r RECORD;
BEGIN
    EXECUTE $q$UPDATE deals SET
         furthest_position = (SELECT MAX(st.position) FROM stage_spells sp JOIN stages st ON st.id = sp.stage_id
            WHERE sp.deal_id = deals.id AND st.pipeline_id = deals.pipeline_id AND st.kind <> 'lost'),
         first_contact_at = (SELECT MIN(x.at) FROM (
            SELECT MIN(t.done_at) AS at FROM tasks t WHERE t.deal_id = deals.id AND t.kind = 'contact_lead'
            AND t.done_at IS NOT NULL AND t.deleted_at IS NULL
            UNION ALL
            SELECT MIN(a.occurred_at) AS at FROM activities a WHERE a.deal_id = deals.id AND a.kind IN ('call', 'email')
            AND a.details LIKE '%"direction":"outbound"%' AND a.occurred_at >= deals.created_at
            AND a.deleted_at IS NULL) x)
         WHERE id = ANY($1)$q$ USING v_deals;
    EXECUTE $q$UPDATE deals SET
         open_tasks = (SELECT COUNT(*) FROM tasks t WHERE t.deal_id = deals.id AND t.done_at IS NULL
            AND t.deleted_at IS NULL)
         WHERE id = ANY($1)$q$ USING v_deals;
    EXECUTE $q$UPDATE deals SET
         previous_stage_id = (SELECT sp.stage_id FROM stage_spells sp WHERE sp.deal_id = deals.id
            ORDER BY sp.entered_at DESC, sp.id DESC LIMIT 1 OFFSET 1)
         WHERE id = ANY($1)$q$ USING v_deals;
    EXECUTE $q$UPDATE companies SET
         last_contact_at = (SELECT MAX(a.occurred_at) FROM activities a WHERE a.company_id = companies.id
            AND a.kind IN ('call', 'email', 'meeting') AND a.deleted_at IS NULL)
         WHERE id = ANY($1)$q$ USING v_companies;
    EXECUTE $q$UPDATE payments SET (deal_company_id, deal_owner_id, deal_pipeline_id) =
         (SELECT d.company_id, d.owner_id, d.pipeline_id FROM deals d WHERE d.id = payments.deal_id
            AND d.deleted_at IS NULL)
         WHERE deal_id = ANY($1)$q$ USING v_payment_deals;
    -- After the deals' own figures, which the roll-ups count.
    FOR r IN SELECT DISTINCT x.day FROM (
        SELECT created_at / 86400000 AS day FROM deals WHERE id = ANY(v_deals)
        UNION ALL SELECT jsonb_array_elements_text(t->'cohort_days')::BIGINT) x ORDER BY x.day LOOP
        DELETE FROM deal_days WHERE day = r.day;
        EXECUTE $q$INSERT INTO deal_days (day, owner_id, pipeline_id, stage_id, status, furthest_position, deals, amount)
         SELECT created_at / 86400000, owner_id, pipeline_id, stage_id, status, furthest_position, COUNT(*), SUM(amount)
         FROM deals WHERE deleted_at IS NULL AND created_at >= $1 AND created_at < $2
         GROUP BY created_at / 86400000, owner_id, pipeline_id, stage_id, status, furthest_position$q$ USING r.day * 86400000, (r.day + 1) * 86400000;
        DELETE FROM reach_days WHERE day = r.day;
        EXECUTE $q$INSERT INTO reach_days (day, owner_id, pipeline_id, furthest_position, deals)
         SELECT day, owner_id, pipeline_id, furthest_position, COUNT(*) FROM (
            SELECT d.created_at / 86400000 AS day, d.owner_id AS owner_id, st.pipeline_id AS pipeline_id,
            MAX(CASE WHEN st.kind <> 'lost' THEN st.position END) AS furthest_position
            FROM deals d JOIN stage_spells sp ON sp.deal_id = d.id JOIN stages st ON st.id = sp.stage_id
            WHERE d.deleted_at IS NULL AND d.created_at >= $1 AND d.created_at < $2
            GROUP BY d.id, d.created_at, d.owner_id, st.pipeline_id) r
         GROUP BY day, owner_id, pipeline_id, furthest_position$q$ USING r.day * 86400000, (r.day + 1) * 86400000;
        DELETE FROM response_days WHERE day = r.day;
        EXECUTE $q$INSERT INTO response_days (day, owner_id, pipeline_id, minute, leads, total_ms)
         SELECT created_at / 86400000, owner_id, pipeline_id, (first_contact_at - created_at + 59999) / 60000,
         COUNT(*), SUM(first_contact_at - created_at)
         FROM deals WHERE deleted_at IS NULL AND created_at >= $1 AND created_at < $2
         GROUP BY created_at / 86400000, owner_id, pipeline_id, (first_contact_at - created_at + 59999) / 60000$q$ USING r.day * 86400000, (r.day + 1) * 86400000;
    END LOOP;
    FOR r IN SELECT DISTINCT x.day, x.stage_id FROM (
        SELECT entered_at / 86400000 AS day, stage_id FROM stage_spells WHERE deal_id = ANY(v_spells_of)
        UNION ALL SELECT (c->>0)::BIGINT, c->>1 FROM jsonb_array_elements(t->'spell_cells') c) x
        ORDER BY x.day, x.stage_id LOOP
        DELETE FROM spell_days WHERE day = r.day AND stage_id = r.stage_id;
        EXECUTE $q$INSERT INTO spell_days (day, stage_id, owner_id, half_days, spells, total_ms)
         SELECT s.entered_at / 86400000, s.stage_id, d.owner_id, (s.left_at - s.entered_at) / 43200000, COUNT(*),
         SUM(s.left_at - s.entered_at)
         FROM stage_spells s JOIN deals d ON d.id = s.deal_id WHERE s.left_at IS NOT NULL
         AND d.deleted_at IS NULL AND s.entered_at >= $1 AND s.entered_at < $2 AND s.stage_id = $3
         GROUP BY s.entered_at / 86400000, s.stage_id, d.owner_id, (s.left_at - s.entered_at) / 43200000$q$ USING r.day * 86400000, (r.day + 1) * 86400000, r.stage_id;
    END LOOP;
    FOR r IN SELECT DISTINCT c->>0 AS user_id, (c->>1)::BIGINT AS day FROM jsonb_array_elements(t->'days') c
        ORDER BY 1, 2 LOOP
        DELETE FROM activity_days WHERE user_id = r.user_id AND day = r.day;
        EXECUTE $q$INSERT INTO activity_days (user_id, day, pipeline_id, calls, meetings, tasks_done)
         SELECT user_id, day, pipeline_id, SUM(calls), SUM(meetings), SUM(done) FROM (
            SELECT a.author_id AS user_id, a.occurred_at / 86400000 AS day, COALESCE(d.pipeline_id, '') AS pipeline_id,
            CASE WHEN a.kind = 'call' THEN 1 ELSE 0 END AS calls, CASE WHEN a.kind = 'meeting' THEN 1 ELSE 0 END AS meetings,
            0 AS done
            FROM activities a LEFT JOIN deals d ON d.id = a.deal_id
            WHERE a.deleted_at IS NULL AND a.kind IN ('call', 'meeting') AND a.author_id = $1 AND a.occurred_at >= $2 AND a.occurred_at < $3
            UNION ALL
            SELECT t.assignee_id AS user_id, t.done_at / 86400000 AS day, COALESCE(d.pipeline_id, '') AS pipeline_id,
            0 AS calls, 0 AS meetings, 1 AS done
            FROM tasks t LEFT JOIN deals d ON d.id = t.deal_id
            WHERE t.deleted_at IS NULL AND t.done_at IS NOT NULL AND t.assignee_id = $1 AND t.done_at >= $2 AND t.done_at < $3) x
         GROUP BY user_id, day, pipeline_id$q$ USING r.user_id, r.day * 86400000, (r.day + 1) * 86400000;
    END LOOP;
END $fn$;
REVOKE ALL ON FUNCTION voronka_refresh_figures(TEXT) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION voronka_refresh_figures(TEXT) TO voronka_manager, voronka_head, voronka_admin;
