-- The search index's own statements (FTS5 reading and merging its segments) look rows up by
-- rowid ranges, which need no statistics. 0005's ANALYZE recorded the index's data table while
-- it held its first 2 rows; with that count SQLite reads a rowid range by scanning the whole
-- table, and every segment merge of a growing index then scans all of it. Without a count the
-- planner seeks. `Store::analyze` drops these rows again after each ANALYZE. (A connection
-- keeps the counts it has read: the store opens its connections anew after migrating.)
DELETE FROM sqlite_stat1 WHERE tbl LIKE 'search_index%';
