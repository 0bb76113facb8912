-- The clock's record of the requests it failed on (marking a loan overdue, passing over a lender that did not answer):
-- failures in a row, the last error, and since when the request needs staff, who then let the clock try again.
-- A row goes when the clock succeeds or staff let it try again. No foreign key to ill_request: recording a failure
-- must never wait for the lock that another transaction holds on the request, often the very cause of the failure.
CREATE TABLE clock_failure (
    request_id            bigint PRIMARY KEY,
    step                  varchar(30)   NOT NULL CHECK (step IN ('MARK_OVERDUE', 'NO_ANSWER')),
    consecutive_failures  integer       NOT NULL CHECK (consecutive_failures > 0),
    last_error            varchar(1000) NOT NULL,
    first_failed_at       timestamptz   NOT NULL,
    last_failed_at        timestamptz   NOT NULL,
    needs_attention_since timestamptz,
    version               bigint        NOT NULL DEFAULT 0
);
CREATE INDEX clock_failure_attention_idx ON clock_failure (needs_attention_since)
    WHERE needs_attention_since IS NOT NULL;

-- The clock looks for loans out or recalled by their due date.
CREATE INDEX ill_request_due_idx ON ill_request (due_date) WHERE state IN ('LOANED', 'RECALLED');
