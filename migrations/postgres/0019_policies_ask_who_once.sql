-- Quick search, as fast for a manager as for the head. LIKE is not leakproof, so under a
-- policy PostgreSQL may not answer it from the trigram index: a manager's search read every
-- entry. The search runs instead in one function with the owner's rights, whose body keeps the
-- policy's rule (a deal's entry is seen with its deal, the client base's by every teammate),
-- as voronka_refresh_figures keeps the figures' (0018). It returns the entries' ids only: their
-- titles are then read under the caller's own rights.
CREATE FUNCTION voronka_search(pattern TEXT, only_kind TEXT, lim BIGINT, skip BIGINT)
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
        AND ($3 OR s.kind <> 'deal' OR EXISTS (SELECT 1 FROM deals d WHERE d.id = s.entity_id AND d.owner_id = $4))
        ORDER BY s.entity_id LIMIT $5 OFFSET $6$q$
    USING pattern, only_kind, sees_all, me, lim, skip;
END $fn$;
REVOKE ALL ON FUNCTION voronka_search(TEXT, TEXT, BIGINT, BIGINT) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION voronka_search(TEXT, TEXT, BIGINT, BIGINT) TO voronka_manager, voronka_head, voronka_admin;

-- A manager's writes of search entries keep their rule, but as policies for writing only: one
-- for every command also applied to each SELECT, and its subqueries ran for every entry read.
-- Whether a manager may write a record's search entry: the record is theirs to change.
CREATE FUNCTION voronka_writes_entry(kind TEXT, entity TEXT) RETURNS BOOLEAN LANGUAGE sql STABLE AS $$
    SELECT CASE kind WHEN 'deal' THEN voronka_sees_deal(entity)
        WHEN 'company' THEN EXISTS (SELECT 1 FROM companies c WHERE c.id = entity AND c.owner_id = voronka_me())
        WHEN 'contact' THEN EXISTS (SELECT 1 FROM contacts c WHERE c.id = entity AND c.owner_id = voronka_me())
        ELSE false END
$$;
DROP POLICY own_write ON search_index;
CREATE POLICY own_insert ON search_index FOR INSERT TO voronka_manager WITH CHECK (voronka_writes_entry(kind, entity_id));
CREATE POLICY own_update ON search_index FOR UPDATE TO voronka_manager
    USING (voronka_writes_entry(kind, entity_id)) WITH CHECK (voronka_writes_entry(kind, entity_id));
CREATE POLICY own_delete ON search_index FOR DELETE TO voronka_manager USING (voronka_writes_entry(kind, entity_id));

-- The head adds and deactivates managers but deletes nobody (DOMAIN.md, "Rights"): a deleted
-- user, or one the head would delete or bring back, is not theirs to change.
ALTER POLICY head_update ON users
    USING (role = 'manager' AND deleted_at IS NULL) WITH CHECK (role = 'manager' AND deleted_at IS NULL);

-- Who "I" am is asked once per statement, not once per row: every policy that calls
-- voronka_me() calls it as a scalar subquery, which PostgreSQL evaluates once (an InitPlan) and
-- compares as a constant. Called bare, the function ran a query of its own for every row a
-- policy looked at: a manager's quick search took 38 times the head's. The policies say the
-- same as in 0017, and each is rewritten from its own text, so none is missed.
DO $$
DECLARE
    p RECORD;
    bare CONSTANT TEXT := '(?<![A-Za-z_])voronka_me\(\)';
    once CONSTANT TEXT := '(SELECT voronka_me())';
BEGIN
    FOR p IN SELECT tablename, policyname, qual, with_check FROM pg_policies
        WHERE schemaname = 'public' AND (qual ~ bare OR with_check ~ bare)
    LOOP
        IF p.qual IS NOT NULL THEN
            EXECUTE format('ALTER POLICY %I ON %I USING (%s)', p.policyname, p.tablename,
                regexp_replace(p.qual, bare, once, 'g'));
        END IF;
        IF p.with_check IS NOT NULL THEN
            EXECUTE format('ALTER POLICY %I ON %I WITH CHECK (%s)', p.policyname, p.tablename,
                regexp_replace(p.with_check, bare, once, 'g'));
        END IF;
    END LOOP;
END $$;
