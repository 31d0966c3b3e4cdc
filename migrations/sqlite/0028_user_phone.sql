-- A user's phone: the number a proposal prints with the manager's name and email, so a client
-- calls the manager who made it. Each person keeps their own in Settings → General.
ALTER TABLE users ADD COLUMN phone TEXT;
