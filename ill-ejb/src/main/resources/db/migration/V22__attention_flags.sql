-- Records the nightly reconciliation found stuck, flagged for the staff of the library that must act: a lending
-- record not answered, or promised and not shipped, within the agreement's response time; a returned item not checked
-- in; a loan shipped and not received; a recalled loan not sent back; a partner whose status disagrees with ours and
-- could not be reconciled. A flag is open until the record moves on (the next reconciliation clears it). At most one
-- open flag of a kind per record.
CREATE SEQUENCE attention_flag_seq;
CREATE TABLE attention_flag (
    id                  bigint        PRIMARY KEY,
    library_id          bigint        NOT NULL REFERENCES library (id),
    request_id          bigint REFERENCES ill_request (id),
    supplier_request_id bigint REFERENCES supplier_request (id),
    kind                varchar(30)   NOT NULL CHECK (kind IN ('NOT_ANSWERED', 'NOT_SHIPPED', 'RETURN_NOT_CHECKED_IN',
                                                               'NOT_RECEIVED', 'RECALL_NOT_RETURNED',
                                                               'PARTNER_DISAGREES')),
    reason              varchar(1000) NOT NULL,
    raised_at           timestamptz   NOT NULL,
    cleared_at          timestamptz,
    CONSTRAINT attention_flag_one_record CHECK (num_nonnulls(request_id, supplier_request_id) = 1)
);
CREATE UNIQUE INDEX attention_flag_open ON attention_flag (COALESCE(request_id, 0), COALESCE(supplier_request_id, 0), kind)
    WHERE cleared_at IS NULL;
CREATE INDEX attention_flag_request_idx ON attention_flag (request_id) WHERE cleared_at IS NULL AND request_id IS NOT NULL;
CREATE INDEX attention_flag_supplier_idx ON attention_flag (supplier_request_id)
    WHERE cleared_at IS NULL AND supplier_request_id IS NOT NULL;

-- The reconciliation looks for requests by state and last change, and for loans by due date on the lender's side.
CREATE INDEX supplier_request_state_updated_idx ON supplier_request (state, updated_at);
CREATE INDEX ill_request_state_updated_idx ON ill_request (state, updated_at);
