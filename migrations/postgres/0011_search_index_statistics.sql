-- SQLite's twin of this migration drops planner statistics of its full-text index; the
-- PostgreSQL index (pg_trgm, GIN) keeps its statistics itself. Nothing to change here: the file
-- keeps both schemas at the same version.
SELECT 1;
