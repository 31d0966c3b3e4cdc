-- The head's regulations (DOMAIN.md "The rules of the sales process", seed 003): rule 1's lead
-- rotation, rule 5's loss review with its checklist, check-in answers, and the discipline
-- report's threshold for tasks planned too far ahead.

-- Rule 1's rotation, set by the head or the admin: one row (`singleton`), made on the first
-- save; until then the rotation is off.
CREATE TABLE lead_rotation (
    id TEXT PRIMARY KEY,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    version BIGINT NOT NULL,
    deleted_at BIGINT,
    singleton BIGINT NOT NULL UNIQUE CHECK (singleton = 1),
    enabled BIGINT NOT NULL CHECK (enabled IN (0, 1)),
    member_ids TEXT NOT NULL,
    lead_limit BIGINT NOT NULL CHECK (lead_limit >= 0)
);

-- Each lead the rotation passed on. The row is also the claim: every desktop of a team runs the
-- rotation, and of two that find the same unprocessed task at the same version only the one
-- whose insert lands hands the lead over (the other's insert finds the key taken and does
-- nothing).
CREATE TABLE lead_handovers (
    id TEXT PRIMARY KEY,
    task_id TEXT NOT NULL,
    task_version BIGINT NOT NULL,
    deal_id TEXT NOT NULL,
    company_id TEXT,
    from_user_id TEXT NOT NULL,
    to_user_id TEXT NOT NULL,
    at BIGINT NOT NULL,
    UNIQUE (task_id, task_version)
);
CREATE INDEX lead_handovers_at ON lead_handovers (at);

-- Rule 5: a closed loss review, its checklist's answers and how it ended; one per review task.
CREATE TABLE loss_reviews (
    task_id TEXT PRIMARY KEY,
    deal_id TEXT NOT NULL,
    objections_handled BIGINT CHECK (objections_handled IN (0, 1)),
    call_attempts BIGINT CHECK (call_attempts >= 0),
    can_revive BIGINT CHECK (can_revive IN (0, 1)),
    comment TEXT NOT NULL,
    decision TEXT NOT NULL CHECK (decision IN ('confirm', 'reopen')),
    reopened_stage_id TEXT,
    reopen_task_id TEXT,
    reviewer_id TEXT NOT NULL,
    reviewed_at BIGINT NOT NULL
);
CREATE INDEX loss_reviews_deal ON loss_reviews (deal_id);

-- The discipline report's moved overdue tasks read the audit entries of due-time changes: only
-- those are in this index, so the report seeks them by time without reading the whole log.
CREATE INDEX audit_log_task_moves ON audit_log (at) WHERE entity = 'task' AND action = 'update' AND before LIKE '%"due_at"%';

-- The discipline report: an open task due more than this many days ahead was planned too far.
ALTER TABLE process_settings ADD COLUMN task_horizon_days BIGINT NOT NULL DEFAULT 30;

-- A manager's answer at a check-in (`slot`: the check-in's local "YYYY-MM-DDTHH:MM", as its
-- notification's key names it): one per user and check-in.
CREATE TABLE check_in_answers (
    user_id TEXT NOT NULL,
    slot TEXT NOT NULL,
    slot_at BIGINT NOT NULL,
    calls BIGINT NOT NULL CHECK (calls >= 0),
    meetings BIGINT NOT NULL CHECK (meetings >= 0),
    payments_expected BIGINT NOT NULL CHECK (payments_expected >= 0),
    currency TEXT NOT NULL,
    comment TEXT,
    answered_at BIGINT NOT NULL,
    PRIMARY KEY (user_id, slot)
);
CREATE INDEX check_in_answers_slot_at ON check_in_answers (slot_at);

-- Team mode (as 0017 did for the tables of its time): row-level security on each new table, also
-- for its owner, who keeps every row.
-- A manager's login is not even granted the head's writes, so a try is refused outright.
GRANT SELECT ON lead_rotation, lead_handovers, loss_reviews, check_in_answers
    TO voronka_manager, voronka_head, voronka_admin;
GRANT INSERT, UPDATE ON lead_rotation TO voronka_head, voronka_admin;
GRANT INSERT ON lead_handovers, loss_reviews TO voronka_head, voronka_admin;
GRANT INSERT, UPDATE ON check_in_answers TO voronka_manager, voronka_head, voronka_admin;
DO $$
DECLARE
    t TEXT;
    owner TEXT := (SELECT pg_get_userbyid(relowner) FROM pg_class WHERE oid = 'public.users'::regclass);
BEGIN
    FOREACH t IN ARRAY ARRAY['lead_rotation', 'lead_handovers', 'loss_reviews', 'check_in_answers'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY owner_all ON %I TO %I USING (true) WITH CHECK (true)', t, owner);
    END LOOP;
END $$;
-- The rotation's settings: read by every teammate (a manager sees whether leads rotate), changed
-- by the head and the admin ("lead rotation settings" in the rights matrix).
CREATE POLICY team_read ON lead_rotation FOR SELECT TO voronka_manager USING ((SELECT voronka_me()) IS NOT NULL);
CREATE POLICY head_all ON lead_rotation TO voronka_head, voronka_admin USING (true) WITH CHECK (true);
-- Handing a lead over and reviewing a loss are the head's and the admin's; a manager reads the
-- handovers of her own leads (given or taken) and the reviews of her own deals.
CREATE POLICY head_all ON lead_handovers TO voronka_head, voronka_admin USING (true) WITH CHECK (true);
CREATE POLICY own_read ON lead_handovers FOR SELECT TO voronka_manager
    USING (from_user_id = (SELECT voronka_me()) OR to_user_id = (SELECT voronka_me()));
CREATE POLICY head_all ON loss_reviews TO voronka_head, voronka_admin USING (true) WITH CHECK (true);
CREATE POLICY own_read ON loss_reviews FOR SELECT TO voronka_manager USING (voronka_sees_deal(deal_id));
-- A check-in answer is its author's own to write; the head and the admin read everyone's.
CREATE POLICY own_all ON check_in_answers TO voronka_manager, voronka_head, voronka_admin
    USING (user_id = (SELECT voronka_me())) WITH CHECK (user_id = (SELECT voronka_me()));
CREATE POLICY head_read ON check_in_answers FOR SELECT TO voronka_head, voronka_admin USING (true);
-- The head's view of the check-ins needs each teammate's check-in times and time zone.
CREATE POLICY head_read ON notification_settings FOR SELECT TO voronka_head, voronka_admin USING (true);
