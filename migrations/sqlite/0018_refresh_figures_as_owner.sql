-- PostgreSQL refreshes the figures through a function run with the owner's rights; a SQLite
-- file has one user, who refreshes them in the store's own transaction. Nothing changes here.
SELECT 1;
