-- Notifications: each user's settings, the last scheduler tick, the deliveries that make every
-- notification shown once per user and event, and the gong events of rule 8.

CREATE TABLE notification_settings (
    user_id TEXT PRIMARY KEY REFERENCES users (id),
    settings TEXT NOT NULL,
    version INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);

-- Kept apart from the settings: a tick every minute must not bump the settings' version.
CREATE TABLE notification_ticks (
    user_id TEXT PRIMARY KEY REFERENCES users (id),
    last_tick_at INTEGER NOT NULL
);

CREATE TABLE deliveries (
    user_id TEXT NOT NULL REFERENCES users (id),
    event_key TEXT NOT NULL,
    delivered_at INTEGER NOT NULL,
    UNIQUE (user_id, event_key)
);

-- `seq` grows in commit order (writers of gong events take one lock), so "after the last seq
-- I saw" is a complete catch-up.
CREATE TABLE gong_events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL CHECK (kind IN ('won', 'paid')),
    at INTEGER NOT NULL,
    user_id TEXT NOT NULL REFERENCES users (id),
    user_name TEXT NOT NULL,
    company_name TEXT,
    deal_id TEXT NOT NULL REFERENCES deals (id),
    deal_title TEXT NOT NULL,
    payment_id TEXT REFERENCES payments (id),
    amount INTEGER NOT NULL,
    currency TEXT NOT NULL,
    progress TEXT NOT NULL
);

-- "Tasks given to me since the last tick" is read off this index.
CREATE INDEX tasks_assignee_changed ON tasks (assignee_id, updated_at) WHERE done_at IS NULL AND deleted_at IS NULL;
