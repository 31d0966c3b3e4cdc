-- The newest gong event each user's desktop has taken in (shown, or passed over while muted):
-- a desktop that starts again shows what rang while it was closed, once, from there.
CREATE TABLE gong_seen (
    user_id TEXT PRIMARY KEY REFERENCES users (id),
    seq INTEGER NOT NULL
);
