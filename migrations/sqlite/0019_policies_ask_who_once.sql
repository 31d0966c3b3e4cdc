-- PostgreSQL's row-level security policies ask who is signed in once per statement; a SQLite
-- file has no policies. Nothing changes here.
SELECT 1;
