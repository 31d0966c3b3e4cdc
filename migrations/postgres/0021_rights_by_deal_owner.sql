-- A manager's rows of her deals, seen without a query per row. Row-level security showed a stage
-- spell, task, activity or payment to a manager through voronka_sees_deal(deal_id), a function
-- PostgreSQL cannot inline (it holds a subquery): every row a manager's statement looked at ran
-- a query of its own, with the deals' policy inside it. At 300,000 deals her time in stage read
-- 126,000 spells that way for a month (15 s), her dashboard every payment of the month (235 ms),
-- and each company card its timeline.
--
-- Spells, tasks and activities now carry their deal's owner, `deal_owner_id` (NULL while the
-- deal is deleted), kept by the figures' refresh like a payment's copies (0012), and the
-- policies compare it with the signed-in manager. A row whose copy is empty (written earlier in
-- the same transaction, or of a deleted deal) is still judged by its deal: COALESCE asks the deal
-- only then, and keeps the policy one expression the planner cannot split into index scans of
-- its own.
ALTER TABLE stage_spells ADD COLUMN deal_owner_id TEXT;
ALTER TABLE tasks ADD COLUMN deal_owner_id TEXT;
ALTER TABLE activities ADD COLUMN deal_owner_id TEXT;

UPDATE stage_spells SET deal_owner_id = (SELECT d.owner_id FROM deals d WHERE d.id = stage_spells.deal_id AND d.deleted_at IS NULL);
UPDATE tasks SET deal_owner_id = (SELECT d.owner_id FROM deals d WHERE d.id = tasks.deal_id AND d.deleted_at IS NULL);
UPDATE activities SET deal_owner_id = (SELECT d.owner_id FROM deals d WHERE d.id = activities.deal_id AND d.deleted_at IS NULL);

-- One manager's report figures (hers, or the team's filtered to her) off her own entries: her
-- spells by stage, the closed ones in length order and the current ones by entry (with the deal,
-- so the policy is answered from the index too); her days of spells; her tasks closed with a
-- short result.
CREATE INDEX stage_spells_owner_length ON stage_spells (deal_owner_id, stage_id, (left_at - entered_at), entered_at, left_at, deal_id)
    WHERE left_at IS NOT NULL;
CREATE INDEX stage_spells_owner_current ON stage_spells (deal_owner_id, stage_id, entered_at, left_at, deal_id)
    WHERE left_at IS NULL;
CREATE INDEX spell_days_owner ON spell_days (owner_id, day, stage_id, half_days, spells, total_ms);
CREATE INDEX tasks_short_result_assignee ON tasks (assignee_id, done_at, id)
    WHERE deleted_at IS NULL AND (result IS NULL OR LENGTH(TRIM(result)) <= 16);
ANALYZE stage_spells;
ANALYZE tasks;

-- The copies are the refresh's to write (it runs as the schema's owner): an app login writes
-- every other column of these tables, but not whom their rows are shown to. The same for a
-- payment's copies of its deal.
DO $$
DECLARE
    t TEXT;
    copies TEXT[];
    columns TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['stage_spells', 'tasks', 'activities', 'payments'] LOOP
        copies := CASE t WHEN 'payments' THEN ARRAY['deal_company_id', 'deal_owner_id', 'deal_pipeline_id']
            ELSE ARRAY['deal_owner_id'] END;
        SELECT string_agg(quote_ident(column_name), ', ' ORDER BY ordinal_position) INTO columns
            FROM information_schema.columns
            WHERE table_schema = 'public' AND table_name = t AND column_name <> ALL (copies);
        EXECUTE format('REVOKE INSERT, UPDATE ON %I FROM voronka_manager, voronka_head, voronka_admin', t);
        EXECUTE format('GRANT INSERT (%s), UPDATE (%s) ON %I TO voronka_manager, voronka_head, voronka_admin',
            columns, columns, t);
    END LOOP;
END $$;

-- What a manager reads of her deals' rows. Writes keep asking the deal itself (a new row's copy
-- is filled only at the end of its transaction).
ALTER POLICY own_deal ON stage_spells USING (COALESCE(deal_owner_id = (SELECT voronka_me()), voronka_sees_deal(deal_id)));
ALTER POLICY own_deal ON payments USING (COALESCE(deal_owner_id = (SELECT voronka_me()), voronka_sees_deal(deal_id)));
ALTER POLICY own_read ON tasks USING (assignee_id = (SELECT voronka_me()) OR author_id = (SELECT voronka_me())
    OR COALESCE(deal_owner_id = (SELECT voronka_me()), deal_id IS NOT NULL AND voronka_sees_deal(deal_id)));
ALTER POLICY own_update ON tasks USING (assignee_id = (SELECT voronka_me()) OR author_id = (SELECT voronka_me())
    OR COALESCE(deal_owner_id = (SELECT voronka_me()), deal_id IS NOT NULL AND voronka_sees_deal(deal_id)));
ALTER POLICY own_read ON activities USING (author_id = (SELECT voronka_me())
    OR (deal_id IS NULL AND (SELECT voronka_me()) IS NOT NULL)
    OR COALESCE(deal_owner_id = (SELECT voronka_me()), deal_id IS NOT NULL AND voronka_sees_deal(deal_id)));
ALTER POLICY own_update ON activities USING (author_id = (SELECT voronka_me())
    OR COALESCE(deal_owner_id = (SELECT voronka_me()), deal_id IS NOT NULL AND voronka_sees_deal(deal_id)));

-- Quick search likewise: a deal's entry names the deal's owner (written with the entry by the
-- store), and voronka_search (0019) shows a manager her own deals by it instead of looking up
-- every deal a broad search finds ("Київ" finds tens of thousands).
ALTER TABLE search_index ADD COLUMN owner_id TEXT;
UPDATE search_index s SET owner_id = d.owner_id FROM deals d WHERE s.kind = 'deal' AND d.id = s.entity_id;
ALTER POLICY own_read ON search_index USING (CASE WHEN kind = 'deal'
    THEN COALESCE(owner_id = (SELECT voronka_me()), voronka_sees_deal(entity_id))
    ELSE (SELECT voronka_me()) IS NOT NULL END);
ALTER POLICY own_insert ON search_index WITH CHECK (voronka_writes_entry(kind, entity_id)
    AND (kind <> 'deal' OR owner_id = (SELECT voronka_me())));
ALTER POLICY own_update ON search_index WITH CHECK (voronka_writes_entry(kind, entity_id)
    AND (kind <> 'deal' OR owner_id = (SELECT voronka_me())));
CREATE OR REPLACE FUNCTION voronka_search(pattern TEXT, only_kind TEXT, lim BIGINT, skip BIGINT)
RETURNS TABLE (kind TEXT, entity_id TEXT)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
DECLARE
    me TEXT := voronka_me();
    sees_all BOOLEAN;
BEGIN
    IF me IS NULL THEN
        -- Not a teammate: the schema's owner or a superuser, who see every row anyway.
        sees_all := pg_has_role(session_user,
            (SELECT relowner FROM pg_class WHERE oid = 'public.search_index'::regclass), 'MEMBER');
        IF NOT sees_all THEN
            RAISE EXCEPTION 'this login has no active user' USING ERRCODE = 'insufficient_privilege';
        END IF;
    ELSE
        sees_all := (SELECT role <> 'manager' FROM users WHERE id = me);
    END IF;
    -- EXECUTE plans each search with its own pattern, so the trigram index is chosen.
    RETURN QUERY EXECUTE
        $q$SELECT s.kind, s.entity_id FROM search_index s
        WHERE s.body LIKE $1 ESCAPE '\' AND ($2::TEXT IS NULL OR s.kind = $2)
        AND ($3 OR s.kind <> 'deal' OR s.owner_id = $4)
        ORDER BY s.entity_id LIMIT $5 OFFSET $6$q$
    USING pattern, only_kind, sees_all, me, lim, skip;
END $fn$;

-- The figures' function, keeping the copies.
CREATE OR REPLACE FUNCTION voronka_refresh_figures(touched TEXT) RETURNS VOID
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
DECLARE
    t JSONB := touched::jsonb;
    v_deals TEXT[] := ARRAY(SELECT DISTINCT jsonb_array_elements_text(t->'deals'));
    v_companies TEXT[] := ARRAY(SELECT DISTINCT jsonb_array_elements_text(t->'companies'));
    v_payment_deals TEXT[] := ARRAY(SELECT DISTINCT jsonb_array_elements_text(t->'payment_deals'));
    v_spells_of TEXT[] := ARRAY(SELECT DISTINCT jsonb_array_elements_text(t->'spells_of'));
    v_owners_of TEXT[] := ARRAY(SELECT DISTINCT jsonb_array_elements_text(t->'owners_of'));
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
    EXECUTE $q$UPDATE stage_spells SET deal_owner_id = (SELECT d.owner_id FROM deals d WHERE d.id = stage_spells.deal_id AND d.deleted_at IS NULL)
         WHERE deal_id = ANY($1) AND deal_owner_id IS DISTINCT FROM (SELECT d.owner_id FROM deals d WHERE d.id = stage_spells.deal_id AND d.deleted_at IS NULL)$q$ USING v_owners_of;
    EXECUTE $q$UPDATE tasks SET deal_owner_id = (SELECT d.owner_id FROM deals d WHERE d.id = tasks.deal_id AND d.deleted_at IS NULL)
         WHERE deal_id = ANY($1) AND deal_owner_id IS DISTINCT FROM (SELECT d.owner_id FROM deals d WHERE d.id = tasks.deal_id AND d.deleted_at IS NULL)$q$ USING v_owners_of;
    EXECUTE $q$UPDATE activities SET deal_owner_id = (SELECT d.owner_id FROM deals d WHERE d.id = activities.deal_id AND d.deleted_at IS NULL)
         WHERE deal_id = ANY($1) AND deal_owner_id IS DISTINCT FROM (SELECT d.owner_id FROM deals d WHERE d.id = activities.deal_id AND d.deleted_at IS NULL)$q$ USING v_owners_of;
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
