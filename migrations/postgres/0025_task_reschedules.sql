-- Why an overdue task's due time was moved: the head reads why a promise to a client slipped.
-- One row per move of an overdue task, written with the task's change; never changed after.
CREATE TABLE task_reschedules (
    id TEXT PRIMARY KEY,
    task_id TEXT NOT NULL REFERENCES tasks (id),
    user_id TEXT NOT NULL REFERENCES users (id),
    at BIGINT NOT NULL,
    from_due_at BIGINT NOT NULL,
    to_due_at BIGINT NOT NULL,
    reason TEXT NOT NULL
);
CREATE INDEX task_reschedules_task ON task_reschedules (task_id, at);

-- Team mode: read with the task, written by whoever moves the task, as themself; no UPDATE or
-- DELETE privilege exists for it, as for the audit log.
GRANT SELECT, INSERT ON task_reschedules TO voronka_manager, voronka_head, voronka_admin;
ALTER TABLE task_reschedules ENABLE ROW LEVEL SECURITY;
ALTER TABLE task_reschedules FORCE ROW LEVEL SECURITY;
DO $$
DECLARE
    owner TEXT := (SELECT pg_get_userbyid(relowner) FROM pg_class WHERE oid = 'public.users'::regclass);
BEGIN
    EXECUTE format('CREATE POLICY owner_all ON task_reschedules TO %I USING (true) WITH CHECK (true)', owner);
END $$;
CREATE POLICY head_all ON task_reschedules TO voronka_head, voronka_admin
    USING (true) WITH CHECK (user_id = (SELECT voronka_me()));
-- The tasks' own policies decide which tasks a manager sees.
CREATE POLICY own_read ON task_reschedules FOR SELECT TO voronka_manager
    USING (EXISTS (SELECT 1 FROM tasks t WHERE t.id = task_id));
CREATE POLICY own_insert ON task_reschedules FOR INSERT TO voronka_manager
    WITH CHECK (user_id = (SELECT voronka_me()) AND EXISTS (SELECT 1 FROM tasks t WHERE t.id = task_id));

-- A manager gives tasks to herself only (DOMAIN.md's rights): the tasks' policies let her change
-- a task she wrote, and a policy cannot compare a row with what it was, so a trigger refuses her
-- handing it to someone else. The check is of the login itself (not inside a SECURITY DEFINER
-- function, whose own checks decide) and leaves the head, the admin and the schema's owner be.
CREATE FUNCTION voronka_task_given_by_right() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.assignee_id IS DISTINCT FROM OLD.assignee_id
        AND current_user = session_user
        AND NEW.assignee_id IS DISTINCT FROM (SELECT voronka_me())
        AND (SELECT u.role FROM users u WHERE u.id = (SELECT voronka_me())) = 'manager' THEN
        RAISE EXCEPTION 'permission denied: a manager gives tasks to herself only' USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER tasks_given_by_right BEFORE UPDATE OF assignee_id ON tasks
    FOR EACH ROW EXECUTE FUNCTION voronka_task_given_by_right();
