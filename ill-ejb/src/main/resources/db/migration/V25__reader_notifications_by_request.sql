-- A request's notices, found by the request: the reader's request page lists them, and the nightly reconciliation
-- reminds a reader of a loan due soon only once (it looks for the notice it may have written before).
CREATE INDEX reader_notification_request_idx ON reader_notification (request_id, kind);
