-- A user's phone: the number a proposal prints with the manager's name and email, so a client
-- calls the manager who made it. Each person keeps their own in Settings → General.
--
-- Rights: as the other columns of `users` (0017's column grants and policies): the admin writes
-- anyone's, the head managers', each person their own row (`self_update`).
ALTER TABLE users ADD COLUMN phone TEXT;
GRANT INSERT (phone), UPDATE (phone) ON users TO voronka_manager, voronka_head, voronka_admin;
