-- When the lender shipped the loan or delivered the copy (its time to ship is measured to it), set from now on by the
-- record itself and here from the record's history for what was shipped before.
ALTER TABLE supplier_request ADD COLUMN shipped_at timestamptz;
UPDATE supplier_request s SET shipped_at = e.first_shipped
FROM (SELECT supplier_request_id, MIN(occurred_at) AS first_shipped FROM supplier_event
      WHERE action IN ('SHIP_LOAN', 'DELIVER_COPY') GROUP BY supplier_request_id) e
WHERE e.supplier_request_id = s.id;

-- Cooperation reports, written by the cooperation-report batch job: for a period (month, quarter, year) and a scope
-- (one library, or the network when scope_library_id is null), the figures of each library and of each pair of
-- partners, for the period and for the period before it (current = false), the reasons lenders gave for requests
-- they did not fill, the fees posted, and the most requested titles and subjects. One report per period and scope:
-- compiling it again replaces it.
CREATE SEQUENCE cooperation_report_seq;
CREATE TABLE cooperation_report (
    id               bigint PRIMARY KEY,
    period_kind      varchar(10) NOT NULL CHECK (period_kind IN ('MONTH', 'QUARTER', 'YEAR')),
    period_from      date        NOT NULL,
    period_until     date        NOT NULL,
    previous_from    date        NOT NULL,
    scope_library_id bigint REFERENCES library (id),
    created_at       timestamptz NOT NULL,
    job_execution_id bigint,
    CONSTRAINT cooperation_report_period CHECK (previous_from < period_from AND period_from <= period_until)
);
CREATE UNIQUE INDEX cooperation_report_unique
    ON cooperation_report (period_kind, period_from, COALESCE(scope_library_id, 0));

-- A library's figures (partner_id null) or a pair's, seen from library_id: what it asked for (made ...), and what
-- was asked of it (received ...). Hours are from the request to the receipt, and from the lender being asked to the
-- item shipped.
CREATE TABLE cooperation_figure (
    report_id             bigint  NOT NULL REFERENCES cooperation_report (id) ON DELETE CASCADE,
    current               boolean NOT NULL,
    library_id            bigint  NOT NULL REFERENCES library (id),
    partner_id            bigint REFERENCES library (id),
    made                  integer NOT NULL,
    made_filled           integer NOT NULL,
    made_unfilled         integer NOT NULL,
    turnaround_median_h   numeric(12, 1),
    turnaround_p90_h      numeric(12, 1),
    received              integer NOT NULL,
    filled                integer NOT NULL,
    unfilled              integer NOT NULL,
    loans                 integer NOT NULL,
    copies                integer NOT NULL,
    ship_median_h         numeric(12, 1),
    ship_p90_h            numeric(12, 1)
);
CREATE UNIQUE INDEX cooperation_figure_unique
    ON cooperation_figure (report_id, current, library_id, COALESCE(partner_id, 0));

CREATE TABLE cooperation_unfilled (
    report_id   bigint        NOT NULL REFERENCES cooperation_report (id) ON DELETE CASCADE,
    current     boolean       NOT NULL,
    lender_id   bigint        NOT NULL REFERENCES library (id),
    borrower_id bigint        NOT NULL REFERENCES library (id),
    reason      varchar(1000) NOT NULL,
    requests    integer       NOT NULL
);
CREATE INDEX cooperation_unfilled_report_idx ON cooperation_unfilled (report_id);

CREATE TABLE cooperation_fee (
    report_id   bigint         NOT NULL REFERENCES cooperation_report (id) ON DELETE CASCADE,
    current     boolean        NOT NULL,
    creditor_id bigint         NOT NULL REFERENCES library (id),
    debtor_id   bigint         NOT NULL REFERENCES library (id),
    currency    char(3)        NOT NULL,
    amount      numeric(14, 2) NOT NULL,
    fees        integer        NOT NULL
);
CREATE INDEX cooperation_fee_report_idx ON cooperation_fee (report_id);

-- The most requested titles and subjects of the period, of each borrowing library (library_id) and of the network
-- (library_id null), ranked from 1.
CREATE TABLE cooperation_busiest (
    report_id  bigint        NOT NULL REFERENCES cooperation_report (id) ON DELETE CASCADE,
    kind       varchar(10)   NOT NULL CHECK (kind IN ('TITLE', 'SUBJECT')),
    library_id bigint REFERENCES library (id),
    rank       integer       NOT NULL,
    name       varchar(2000) NOT NULL,
    requests   integer       NOT NULL
);
CREATE INDEX cooperation_busiest_report_idx ON cooperation_busiest (report_id, kind);
CREATE INDEX supplier_request_created_idx ON supplier_request (created_at);
CREATE INDEX ill_request_created_idx ON ill_request (created_at);
