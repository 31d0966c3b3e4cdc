-- Each payment's copy of its deal's company, owner and pipeline (all NULL while the deal is
-- deleted), kept by the store's `figures` module with the same statement as below. Revenue by
-- client (ABC/XYZ, new vs existing) is then summed off one index of paid payments instead of
-- looking each payment's deal up.
ALTER TABLE payments ADD COLUMN deal_company_id TEXT;
ALTER TABLE payments ADD COLUMN deal_owner_id TEXT;
ALTER TABLE payments ADD COLUMN deal_pipeline_id TEXT;

UPDATE payments SET (deal_company_id, deal_owner_id, deal_pipeline_id) =
         (SELECT d.company_id, d.owner_id, d.pipeline_id FROM deals d WHERE d.id = payments.deal_id
            AND d.deleted_at IS NULL);

-- Paid payments of live deals by the day they were paid, with what revenue by client reads.
CREATE INDEX payments_paid_by_client ON payments (paid_at, deal_company_id, amount, deal_owner_id,
    deal_pipeline_id) WHERE status = 'paid' AND deleted_at IS NULL AND deal_owner_id IS NOT NULL;

ANALYZE payments;
