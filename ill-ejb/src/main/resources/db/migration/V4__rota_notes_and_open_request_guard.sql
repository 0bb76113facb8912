-- Why holding libraries were left out of a rota, kept for the reader's message if the rota runs out.
ALTER TABLE ill_request ADD COLUMN rota_notes varchar(4000);

-- The clock looks for lenders whose response time ran out: asked, and after "retry possible" too.
DROP INDEX rota_entry_due_idx;
CREATE INDEX rota_entry_due_idx ON rota_entry (answer_due_at) WHERE status = 'ASKED' AND answer_due_at IS NOT NULL;

-- A reader has at most one open request for the same catalogued item and service (the services check first and
-- explain; this keeps the rule whatever writes to the table).
CREATE UNIQUE INDEX ill_request_one_open_per_item
    ON ill_request (reader_id, record_id, service_type, lower(coalesce(part_title, '')))
    WHERE record_id IS NOT NULL
      AND state NOT IN ('LOAN_COMPLETED', 'COPY_COMPLETED', 'COMPLETED_WITHOUT_RETURN', 'UNFILLED', 'CANCELLED');
