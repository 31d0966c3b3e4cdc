-- Deal lists order by (created_at, id) newest first; with id in the index a page is read
-- straight off it instead of sorting every deal of an owner's stage.
DROP INDEX deals_owner_stage;
DROP INDEX deals_stage;
CREATE INDEX deals_owner_stage ON deals (owner_id, stage_id, created_at, id);
CREATE INDEX deals_stage ON deals (stage_id, created_at, id);
CREATE INDEX deals_created ON deals (created_at, id);
