-- Team mode signs every teammate in as their own PostgreSQL login: `login` names it (NULL for a
-- user without one, and always in a local file, whose one user is the admin), and
-- `must_change_password` is set while the login still has the password it was handed.
ALTER TABLE users ADD COLUMN login TEXT;
ALTER TABLE users ADD COLUMN must_change_password BIGINT NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1));
CREATE UNIQUE INDEX users_login ON users (login) WHERE login IS NOT NULL;
