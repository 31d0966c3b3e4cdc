-- The head's regulations (DOMAIN.md "The rules of the sales process", seed 003): rule 1's lead
-- rotation, rule 5's loss review with its checklist, check-in answers, and the discipline
-- report's threshold for tasks planned too far ahead.

-- Rule 1's rotation, set by the head or the admin: one row (`singleton`), made on the first
-- save; until then the rotation is off.
CREATE TABLE lead_rotation (
    id TEXT PRIMARY KEY,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    version INTEGER NOT NULL,
    deleted_at INTEGER,
    singleton INTEGER NOT NULL UNIQUE CHECK (singleton = 1),
    enabled INTEGER NOT NULL CHECK (enabled IN (0, 1)),
    member_ids TEXT NOT NULL,
    lead_limit INTEGER NOT NULL CHECK (lead_limit >= 0)
);

-- Each lead the rotation passed on. The row is also the claim: every desktop of a team runs the
-- rotation, and of two that find the same unprocessed task at the same version only the one
-- whose insert lands hands the lead over (the other's insert finds the key taken and does
-- nothing).
CREATE TABLE lead_handovers (
    id TEXT PRIMARY KEY,
    task_id TEXT NOT NULL,
    task_version INTEGER NOT NULL,
    deal_id TEXT NOT NULL,
    company_id TEXT,
    from_user_id TEXT NOT NULL,
    to_user_id TEXT NOT NULL,
    at INTEGER NOT NULL,
    UNIQUE (task_id, task_version)
);
CREATE INDEX lead_handovers_at ON lead_handovers (at);

-- Rule 5: a closed loss review, its checklist's answers and how it ended; one per review task.
CREATE TABLE loss_reviews (
    task_id TEXT PRIMARY KEY,
    deal_id TEXT NOT NULL,
    objections_handled INTEGER CHECK (objections_handled IN (0, 1)),
    call_attempts INTEGER CHECK (call_attempts >= 0),
    can_revive INTEGER CHECK (can_revive IN (0, 1)),
    comment TEXT NOT NULL,
    decision TEXT NOT NULL CHECK (decision IN ('confirm', 'reopen')),
    reopened_stage_id TEXT,
    reopen_task_id TEXT,
    reviewer_id TEXT NOT NULL,
    reviewed_at INTEGER NOT NULL
);
CREATE INDEX loss_reviews_deal ON loss_reviews (deal_id);

-- The discipline report's moved overdue tasks read the audit entries of due-time changes: only
-- those are in this index, so the report seeks them by time without reading the whole log.
CREATE INDEX audit_log_task_moves ON audit_log (at) WHERE entity = 'task' AND action = 'update' AND before LIKE '%"due_at"%';

-- The discipline report: an open task due more than this many days ahead was planned too far.
ALTER TABLE process_settings ADD COLUMN task_horizon_days INTEGER NOT NULL DEFAULT 30;

-- A manager's answer at a check-in (`slot`: the check-in's local "YYYY-MM-DDTHH:MM", as its
-- notification's key names it): one per user and check-in.
CREATE TABLE check_in_answers (
    user_id TEXT NOT NULL,
    slot TEXT NOT NULL,
    slot_at INTEGER NOT NULL,
    calls INTEGER NOT NULL CHECK (calls >= 0),
    meetings INTEGER NOT NULL CHECK (meetings >= 0),
    payments_expected INTEGER NOT NULL CHECK (payments_expected >= 0),
    currency TEXT NOT NULL,
    comment TEXT,
    answered_at INTEGER NOT NULL,
    PRIMARY KEY (user_id, slot)
);
CREATE INDEX check_in_answers_slot_at ON check_in_answers (slot_at);
