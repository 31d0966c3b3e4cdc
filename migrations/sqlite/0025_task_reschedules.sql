-- Why an overdue task's due time was moved: the head reads why a promise to a client slipped.
-- One row per move of an overdue task, written with the task's change; never changed after.
CREATE TABLE task_reschedules (
    id TEXT PRIMARY KEY,
    task_id TEXT NOT NULL REFERENCES tasks (id),
    user_id TEXT NOT NULL REFERENCES users (id),
    at INTEGER NOT NULL,
    from_due_at INTEGER NOT NULL,
    to_due_at INTEGER NOT NULL,
    reason TEXT NOT NULL
);
CREATE INDEX task_reschedules_task ON task_reschedules (task_id, at);
