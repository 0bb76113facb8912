-- The back office's queues read a page at a time in keyset order (by number, or by last change, the id breaking ties)
-- within one library's requests: these indexes let a page of the first, a following or the last page be read from
-- either end of an index, however many requests the library has had over the years. The tabs by state use the
-- (library, state, id) indexes; the tabs of the finished requests (most of them) and "all" the (library, id) ones.
CREATE INDEX ill_request_borrower_id_idx ON ill_request (borrower_id, id);
CREATE INDEX ill_request_borrower_changed_idx ON ill_request (borrower_id, updated_at, id);
-- with what the tabs test besides the state, so that counting a tab reads the index alone
CREATE INDEX ill_request_borrower_state_id_idx ON ill_request (borrower_id, state, id)
    INCLUDE (received_at, renewal_requested);
DROP INDEX ill_request_borrower_idx;

CREATE INDEX supplier_request_lender_id_idx ON supplier_request (lender_id, id);
CREATE INDEX supplier_request_lender_changed_idx ON supplier_request (lender_id, updated_at, id);
CREATE INDEX supplier_request_lender_state_id_idx ON supplier_request (lender_id, state, id)
    INCLUDE (borrower_received_at, renewal_pending);
DROP INDEX supplier_request_lender_idx;
-- a partner's requests to the library (the lending queue's partner filter)
CREATE INDEX supplier_request_requester_idx ON supplier_request (lender_id, requesting_agency_value, id);

-- The exceptions tabs: messages a partner never took (failed, or refused) that staff have not yet settled.
CREATE INDEX outbound_message_unsettled_request ON outbound_message (request_id)
    WHERE state IN ('FAILED', 'REFUSED') AND settled_at IS NULL AND request_id IS NOT NULL;
CREATE INDEX outbound_message_unsettled_supplier_request ON outbound_message (supplier_request_id)
    WHERE state IN ('FAILED', 'REFUSED') AND settled_at IS NULL AND supplier_request_id IS NOT NULL;

-- Words of a title (or a patron's name) anywhere in it: trigram indexes answer "contains" without reading every row.
-- pg_trgm ships with PostgreSQL (contrib) and is a trusted extension: the database's owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX ill_request_title_trgm_idx ON ill_request USING gin (lower(bib_title) gin_trgm_ops);
CREATE INDEX supplier_request_title_trgm_idx ON supplier_request USING gin (lower(bib_title) gin_trgm_ops);
CREATE INDEX supplier_request_patron_trgm_idx ON supplier_request USING gin (lower(patron) gin_trgm_ops);
