-- Team mode: every teammate signs in as their own PostgreSQL login, and the database itself
-- enforces DOMAIN.md's rights matrix with row-level security, whatever program the login uses.
--
-- - `users.login` names the login of a user (NULL for one without), `must_change_password` is
--   set while it still has the password it was handed.
-- - The group roles voronka_manager, voronka_head and voronka_admin hold the table privileges;
--   each login is a member of the one its user's role names (a trigger keeps it so), and the
--   policies below are written per group role. Who "I" am is the user whose login is
--   `session_user`, which `SET ROLE` cannot change.
-- - The schema's owner (and a login that is a member of it: the one that set the database up)
--   keeps every right: it runs migrations and, through `SECURITY DEFINER` functions, what no
--   app login may do itself (create logins, change their group).
-- - Every table has ENABLE and FORCE ROW LEVEL SECURITY; no app login may update, delete or
--   truncate an audit entry.

ALTER TABLE users ADD COLUMN login TEXT;
ALTER TABLE users ADD COLUMN must_change_password BIGINT NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1));
CREATE UNIQUE INDEX users_login ON users (login) WHERE login IS NOT NULL;

-- Cluster-wide roles: made by the first team database of a server (or beforehand by
-- `team init`, whose owner role may not create roles), shared by every other.
DO $$
DECLARE
    g TEXT;
BEGIN
    FOREACH g IN ARRAY ARRAY['voronka_manager', 'voronka_head', 'voronka_admin'] LOOP
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = g) THEN
            BEGIN
                EXECUTE format('CREATE ROLE %I NOLOGIN', g);
            EXCEPTION WHEN duplicate_object OR unique_violation THEN
                NULL; -- another database's migration made it at the same moment
            END;
        END IF;
    END LOOP;
END $$;

-- The user id of the signed-in login (NULL for a login without an active user).
CREATE FUNCTION voronka_me() RETURNS TEXT LANGUAGE sql STABLE AS $$
    SELECT id FROM users WHERE login = session_user::text AND active = 1 AND deleted_at IS NULL
$$;

-- Whether the current role is the schema's owner or a member of it (migrations, set-up).
CREATE FUNCTION voronka_is_owner() RETURNS BOOLEAN LANGUAGE sql STABLE AS $$
    SELECT pg_has_role(current_user, (SELECT relowner FROM pg_class WHERE oid = 'public.users'::regclass), 'MEMBER')
$$;

-- Whether the signed-in login may see the deal: the deals policies decide, so a child row
-- (item, payment, document, spell, task, activity) is seen exactly when its deal is.
CREATE FUNCTION voronka_sees_deal(deal TEXT) RETURNS BOOLEAN LANGUAGE sql STABLE AS $$
    SELECT EXISTS (SELECT 1 FROM deals WHERE id = deal)
$$;

-- Connecting is granted login by login (see voronka_create_login): a login of another team
-- database on the same server cannot even connect here.
DO $$
BEGIN
    EXECUTE format('REVOKE CONNECT, TEMPORARY ON DATABASE %I FROM PUBLIC', current_database());
END $$;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO voronka_manager, voronka_head, voronka_admin;

-- Table privileges: reads everywhere, writes where the store writes, hard deletes only of rows
-- that are recomputed or relinked. The policies narrow each to the rows of the matrix.
GRANT SELECT ON ALL TABLES IN SCHEMA public TO voronka_manager, voronka_head, voronka_admin;
-- A login is given only by voronka_create_login: no app login writes `login` or
-- `must_change_password`.
GRANT INSERT (id, created_at, updated_at, version, deleted_at, name, email, role, active, time_zone, language),
    UPDATE (id, created_at, updated_at, version, deleted_at, name, email, role, active, time_zone, language)
    ON users TO voronka_manager, voronka_head, voronka_admin;
GRANT INSERT, UPDATE ON companies, contacts, pipelines, stages, loss_reasons, deals, stage_spells,
    products, deal_items, payments, tasks, activities, documents, plans, search_index, notification_settings,
    notification_ticks, deliveries, gong_events, gong_seen, activity_days, deal_days, response_days, spell_days,
    reach_days TO voronka_manager, voronka_head, voronka_admin;
GRANT INSERT, DELETE ON deal_contacts TO voronka_manager, voronka_head, voronka_admin;
GRANT DELETE ON search_index, activity_days, deal_days, response_days, spell_days, reach_days
    TO voronka_manager, voronka_head, voronka_admin;
GRANT INSERT ON audit_log TO voronka_manager, voronka_head, voronka_admin;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO voronka_manager, voronka_head, voronka_admin;

-- Every table: row-level security, also for its owner (and the owner's members), who keep every
-- row.
DO $$
DECLARE
    t TEXT;
    owner TEXT := (SELECT pg_get_userbyid(relowner) FROM pg_class WHERE oid = 'public.users'::regclass);
BEGIN
    FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY owner_all ON %I TO %I USING (true) WITH CHECK (true)', t, owner);
    END LOOP;
END $$;
GRANT SELECT ON _sqlx_migrations TO voronka_manager, voronka_head, voronka_admin;
CREATE POLICY team_read ON _sqlx_migrations FOR SELECT TO voronka_manager, voronka_head, voronka_admin USING (true);

-- The head and the admin: every row of the sales data.
DO $$
DECLARE
    t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['companies', 'contacts', 'deals', 'deal_contacts', 'stage_spells', 'deal_items',
        'payments', 'tasks', 'activities', 'documents', 'search_index', 'activity_days', 'deal_days',
        'response_days', 'spell_days', 'reach_days', 'gong_events'] LOOP
        EXECUTE format('CREATE POLICY head_all ON %I TO voronka_head, voronka_admin USING (true) WITH CHECK (true)', t);
    END LOOP;
END $$;

-- Users: everyone reads names and roles. The admin changes anyone; the head adds and
-- deactivates managers only; each changes their own preferences but not their role, login or
-- activity.
CREATE POLICY team_read ON users FOR SELECT TO voronka_manager, voronka_head, voronka_admin USING (true);
CREATE POLICY admin_insert ON users FOR INSERT TO voronka_admin WITH CHECK (true);
CREATE POLICY admin_update ON users FOR UPDATE TO voronka_admin USING (true) WITH CHECK (true);
CREATE POLICY head_insert ON users FOR INSERT TO voronka_head WITH CHECK (role = 'manager');
CREATE POLICY head_update ON users FOR UPDATE TO voronka_head USING (role = 'manager') WITH CHECK (role = 'manager');
CREATE POLICY self_update ON users FOR UPDATE TO voronka_manager, voronka_head
    USING (login = session_user::text)
    WITH CHECK (login = session_user::text AND active = 1 AND deleted_at IS NULL
        AND role = (SELECT u.role FROM users u WHERE u.login = session_user::text));

-- The client base: read by the whole team; a manager creates and changes their own.
CREATE POLICY team_read ON companies FOR SELECT TO voronka_manager USING (voronka_me() IS NOT NULL);
CREATE POLICY own_insert ON companies FOR INSERT TO voronka_manager WITH CHECK (owner_id = voronka_me());
CREATE POLICY own_update ON companies FOR UPDATE TO voronka_manager
    USING (owner_id = voronka_me()) WITH CHECK (owner_id = voronka_me());
CREATE POLICY team_read ON contacts FOR SELECT TO voronka_manager USING (voronka_me() IS NOT NULL);
CREATE POLICY own_insert ON contacts FOR INSERT TO voronka_manager WITH CHECK (owner_id = voronka_me());
CREATE POLICY own_update ON contacts FOR UPDATE TO voronka_manager
    USING (owner_id = voronka_me()) WITH CHECK (owner_id = voronka_me());

-- Deals and what belongs to them: a manager's own deals only.
CREATE POLICY own_all ON deals TO voronka_manager USING (owner_id = voronka_me()) WITH CHECK (owner_id = voronka_me());
DO $$
DECLARE
    t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['deal_contacts', 'stage_spells', 'deal_items', 'payments', 'documents'] LOOP
        EXECUTE format('CREATE POLICY own_deal ON %I TO voronka_manager USING (voronka_sees_deal(deal_id))
            WITH CHECK (voronka_sees_deal(deal_id))', t);
    END LOOP;
END $$;

-- Tasks: assigned to or written by the manager, or of their deals; created for themself (the
-- review of a deal they lost goes to the head: the store writes it in the same move).
CREATE POLICY own_read ON tasks FOR SELECT TO voronka_manager
    USING (assignee_id = voronka_me() OR author_id = voronka_me() OR voronka_sees_deal(deal_id));
CREATE POLICY own_insert ON tasks FOR INSERT TO voronka_manager
    WITH CHECK (author_id = voronka_me() AND (assignee_id = voronka_me()
        OR (kind = 'review_lost' AND voronka_sees_deal(deal_id))));
CREATE POLICY own_update ON tasks FOR UPDATE TO voronka_manager
    USING (assignee_id = voronka_me() OR author_id = voronka_me() OR voronka_sees_deal(deal_id))
    WITH CHECK (assignee_id = voronka_me() OR author_id = voronka_me() OR voronka_sees_deal(deal_id));

-- Activities: those of records the manager can read (a deal's, or the client base's); logged
-- by themself.
CREATE POLICY own_read ON activities FOR SELECT TO voronka_manager
    USING (author_id = voronka_me() OR (deal_id IS NULL AND voronka_me() IS NOT NULL) OR voronka_sees_deal(deal_id));
CREATE POLICY own_insert ON activities FOR INSERT TO voronka_manager
    WITH CHECK (author_id = voronka_me() AND (deal_id IS NULL OR voronka_sees_deal(deal_id)));
CREATE POLICY own_update ON activities FOR UPDATE TO voronka_manager
    USING (author_id = voronka_me() OR voronka_sees_deal(deal_id))
    WITH CHECK (author_id = voronka_me() OR voronka_sees_deal(deal_id));

-- Pipelines, stages, loss reasons and the catalog: read by all, changed by the admin.
DO $$
DECLARE
    t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['pipelines', 'stages', 'loss_reasons', 'products'] LOOP
        EXECUTE format('CREATE POLICY team_read ON %I FOR SELECT TO voronka_manager, voronka_head
            USING (voronka_me() IS NOT NULL)', t);
        EXECUTE format('CREATE POLICY admin_all ON %I TO voronka_admin USING (true) WITH CHECK (true)', t);
    END LOOP;
END $$;

-- Plans: a manager reads their own and the team's; the head and the admin set everyone's.
CREATE POLICY own_read ON plans FOR SELECT TO voronka_manager USING (user_id IS NULL OR user_id = voronka_me());
CREATE POLICY head_all ON plans TO voronka_head, voronka_admin USING (true) WITH CHECK (true);

-- The audit log: written by the login that acts, as itself; read where its record can be read
-- (or, for the head and the admin, everywhere). No UPDATE or DELETE privilege exists for it.
CREATE POLICY own_insert ON audit_log FOR INSERT TO voronka_manager, voronka_head, voronka_admin
    WITH CHECK (actor_id = voronka_me());
CREATE POLICY head_read ON audit_log FOR SELECT TO voronka_head, voronka_admin USING (true);
CREATE POLICY own_read ON audit_log FOR SELECT TO voronka_manager
    USING (actor_id = voronka_me()
        OR EXISTS (SELECT 1 FROM companies c WHERE c.id = entity_id)
        OR EXISTS (SELECT 1 FROM contacts c WHERE c.id = entity_id)
        OR EXISTS (SELECT 1 FROM deals d WHERE d.id = entity_id)
        OR EXISTS (SELECT 1 FROM tasks t WHERE t.id = entity_id)
        OR EXISTS (SELECT 1 FROM activities a WHERE a.id = entity_id)
        OR EXISTS (SELECT 1 FROM deal_items i WHERE i.id = entity_id)
        OR EXISTS (SELECT 1 FROM payments p WHERE p.id = entity_id));

-- Quick search: a deal's entry is seen with its deal; the client base's by everyone. Entries
-- are written by whoever changes their record.
CREATE POLICY own_read ON search_index FOR SELECT TO voronka_manager
    USING (CASE WHEN kind = 'deal' THEN voronka_sees_deal(entity_id) ELSE voronka_me() IS NOT NULL END);
CREATE POLICY own_write ON search_index TO voronka_manager
    USING (CASE kind WHEN 'deal' THEN voronka_sees_deal(entity_id)
        WHEN 'company' THEN EXISTS (SELECT 1 FROM companies c WHERE c.id = entity_id AND c.owner_id = voronka_me())
        WHEN 'contact' THEN EXISTS (SELECT 1 FROM contacts c WHERE c.id = entity_id AND c.owner_id = voronka_me())
        ELSE false END)
    WITH CHECK (CASE kind WHEN 'deal' THEN voronka_sees_deal(entity_id)
        WHEN 'company' THEN EXISTS (SELECT 1 FROM companies c WHERE c.id = entity_id AND c.owner_id = voronka_me())
        WHEN 'contact' THEN EXISTS (SELECT 1 FROM contacts c WHERE c.id = entity_id AND c.owner_id = voronka_me())
        ELSE false END);

-- Each one's own notification settings, ticks, deliveries and gong bookmark.
DO $$
DECLARE
    t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['notification_settings', 'notification_ticks', 'deliveries', 'gong_seen'] LOOP
        EXECUTE format('CREATE POLICY own_all ON %I TO voronka_manager, voronka_head, voronka_admin
            USING (user_id = voronka_me()) WITH CHECK (user_id = voronka_me())', t);
    END LOOP;
END $$;

-- The gong reaches everyone; a manager rings it for their own wins and payments.
CREATE POLICY team_read ON gong_events FOR SELECT TO voronka_manager USING (voronka_me() IS NOT NULL);
CREATE POLICY own_insert ON gong_events FOR INSERT TO voronka_manager WITH CHECK (user_id = voronka_me());

-- Report figures: a manager reads their own. Stage spells' days carry no owner: the team's
-- time in stage is read by all.
CREATE POLICY own_read ON activity_days FOR SELECT TO voronka_manager USING (user_id = voronka_me());
CREATE POLICY own_read ON deal_days FOR SELECT TO voronka_manager USING (owner_id = voronka_me());
CREATE POLICY own_read ON response_days FOR SELECT TO voronka_manager USING (owner_id = voronka_me());
CREATE POLICY own_read ON reach_days FOR SELECT TO voronka_manager USING (owner_id = voronka_me());
CREATE POLICY team_read ON spell_days FOR SELECT TO voronka_manager USING (voronka_me() IS NOT NULL);

-- Logins follow their users: the group of the user's role, and no sign-in while inactive.
CREATE FUNCTION voronka_sync_login() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp AS $$
DECLARE
    g TEXT;
BEGIN
    IF NEW.login IS NULL THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'UPDATE' AND OLD.login IS NOT DISTINCT FROM NEW.login AND OLD.role = NEW.role
        AND OLD.active = NEW.active AND OLD.deleted_at IS NOT DISTINCT FROM NEW.deleted_at THEN
        RETURN NEW;
    END IF;
    FOREACH g IN ARRAY ARRAY['voronka_manager', 'voronka_head', 'voronka_admin'] LOOP
        IF g = 'voronka_' || NEW.role THEN
            EXECUTE format('GRANT %I TO %I', g, NEW.login);
        ELSIF pg_has_role(NEW.login, g, 'MEMBER') THEN
            EXECUTE format('REVOKE %I FROM %I', g, NEW.login);
        END IF;
    END LOOP;
    IF NEW.active = 1 AND NEW.deleted_at IS NULL THEN
        EXECUTE format('ALTER ROLE %I LOGIN', NEW.login);
    ELSE
        EXECUTE format('ALTER ROLE %I NOLOGIN', NEW.login);
        -- Signed-in sessions of the login end too.
        PERFORM pg_terminate_backend(pid) FROM pg_stat_activity
            WHERE usename = NEW.login AND pid <> pg_backend_pid();
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER users_sync_login AFTER INSERT OR UPDATE ON users FOR EACH ROW EXECUTE FUNCTION voronka_sync_login();

-- Gives a user a login of their own with the password to hand over; `must_change_password`
-- stays set until they choose their own. The admin may do it for anyone, the head for managers.
CREATE FUNCTION voronka_create_login(target TEXT, new_login TEXT, password TEXT) RETURNS VOID
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    u users%ROWTYPE;
    caller TEXT := (SELECT role FROM users WHERE login = session_user::text AND active = 1 AND deleted_at IS NULL);
BEGIN
    SELECT * INTO u FROM users WHERE id = target AND deleted_at IS NULL;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no user with id %', target USING ERRCODE = 'no_data_found';
    END IF;
    IF NOT (voronka_is_owner() OR caller = 'admin' OR (caller = 'head' AND u.role = 'manager')) THEN
        RAISE EXCEPTION 'a % may not give % a login', coalesce(caller, 'login without a user'), u.name
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF u.login IS NOT NULL THEN
        RAISE EXCEPTION '% already has the login %', u.name, u.login USING ERRCODE = 'unique_violation';
    END IF;
    EXECUTE format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD %L',
        new_login, password);
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), new_login);
    UPDATE users SET login = new_login, must_change_password = 1 WHERE id = target;
END $$;

-- A new password to hand over, for a teammate who lost theirs.
CREATE FUNCTION voronka_reset_password(target TEXT, password TEXT) RETURNS VOID
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    u users%ROWTYPE;
    caller TEXT := (SELECT role FROM users WHERE login = session_user::text AND active = 1 AND deleted_at IS NULL);
BEGIN
    SELECT * INTO u FROM users WHERE id = target AND deleted_at IS NULL AND login IS NOT NULL;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no user with a login and id %', target USING ERRCODE = 'no_data_found';
    END IF;
    IF NOT (voronka_is_owner() OR caller = 'admin' OR (caller = 'head' AND u.role = 'manager')) THEN
        RAISE EXCEPTION 'a % may not reset the password of %', coalesce(caller, 'login without a user'), u.name
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    EXECUTE format('ALTER ROLE %I PASSWORD %L', u.login, password);
    UPDATE users SET must_change_password = 1 WHERE id = target;
END $$;

-- The signed-in teammate's own new password (a login may always change its own).
CREATE FUNCTION voronka_set_my_password(password TEXT) RETURNS VOID
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM users WHERE login = session_user::text AND active = 1 AND deleted_at IS NULL) THEN
        RAISE EXCEPTION 'this login has no active user' USING ERRCODE = 'insufficient_privilege';
    END IF;
    EXECUTE format('ALTER ROLE %I PASSWORD %L', session_user, password);
    UPDATE users SET must_change_password = 0 WHERE login = session_user::text;
END $$;

REVOKE EXECUTE ON FUNCTION voronka_create_login(TEXT, TEXT, TEXT), voronka_reset_password(TEXT, TEXT),
    voronka_set_my_password(TEXT), voronka_sync_login() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION voronka_create_login(TEXT, TEXT, TEXT), voronka_reset_password(TEXT, TEXT)
    TO voronka_head, voronka_admin;
GRANT EXECUTE ON FUNCTION voronka_set_my_password(TEXT) TO voronka_manager, voronka_head, voronka_admin;
