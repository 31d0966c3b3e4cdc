-- ABC/XYZ joins the names and owners of tens of thousands of clients, in client order: from this
-- index alone (on PostgreSQL a merge join with the sums, which come in the same order), not from
-- the wide table.
CREATE INDEX companies_named ON companies (id, name, owner_id);
