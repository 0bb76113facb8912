-- Interlibrary loan requests with their rota of lenders, the audit trail, reader notifications and the fees ledger.

CREATE SEQUENCE ill_request_seq INCREMENT BY 50 START WITH 50;
CREATE SEQUENCE rota_entry_seq INCREMENT BY 50 START WITH 50;
CREATE SEQUENCE request_event_seq INCREMENT BY 50 START WITH 50;
CREATE SEQUENCE reader_notification_seq INCREMENT BY 50 START WITH 50;
CREATE SEQUENCE fee_charge_seq INCREMENT BY 50 START WITH 50;

ALTER TABLE partner_agreement ADD COLUMN replacement_fee numeric(12, 2) NOT NULL DEFAULT 0 CHECK (replacement_fee >= 0);

CREATE TABLE agreement_excluded_location (
    agreement_id bigint NOT NULL REFERENCES partner_agreement (id),
    location_id  bigint NOT NULL REFERENCES location (id),
    PRIMARY KEY (agreement_id, location_id)
);

CREATE TABLE ill_request (
    id                  bigint PRIMARY KEY,
    borrower_id         bigint        NOT NULL REFERENCES library (id),
    reader_id           bigint        NOT NULL REFERENCES reader (id),
    record_id           bigint REFERENCES bib_record (id),
    bib_title           varchar(1000) NOT NULL,
    bib_authors         varchar(2000),
    bib_isbn            varchar(13) CHECK (bib_isbn ~ '^97[89][0-9]{10}$'),
    bib_issn            varchar(9) CHECK (bib_issn ~ '^[0-9]{4}-[0-9]{3}[0-9X]$'),
    bib_publisher       varchar(300),
    bib_year            integer,
    bib_edition         varchar(100),
    part_title          varchar(1000),
    part_author         varchar(500),
    part_volume         varchar(50),
    part_issue          varchar(50),
    part_pages          varchar(50),
    service_type        varchar(10)   NOT NULL CHECK (service_type IN ('LOAN', 'COPY')),
    state               varchar(30)   NOT NULL,
    lender_id           bigint REFERENCES library (id),
    supplied_holding_id bigint REFERENCES holding (id),
    conditions          varchar(300),
    condition_cost      numeric(12, 2) CHECK (condition_cost >= 0),
    condition_currency  char(3),
    due_date            date,
    renewals            integer       NOT NULL DEFAULT 0 CHECK (renewals >= 0),
    renewal_requested   boolean       NOT NULL DEFAULT false,
    received_at         timestamptz,
    unfilled_reasons    varchar(4000),
    created_at          timestamptz   NOT NULL,
    updated_at          timestamptz   NOT NULL,
    version             bigint        NOT NULL DEFAULT 0,
    CONSTRAINT ill_request_state CHECK (state IN ('NEW', 'VALIDATED', 'AWAITING_ROUTING', 'REQUEST_RECEIVED',
        'EXPECT_TO_SUPPLY', 'WILL_SUPPLY', 'CONDITIONS_PROPOSED', 'AWAITING_READER_CONSENT', 'RETRY_POSSIBLE', 'LOANED',
        'OVERDUE', 'RECALLED', 'SHIPPED_BACK', 'LOAN_COMPLETED', 'COPY_COMPLETED', 'COMPLETED_WITHOUT_RETURN',
        'UNFILLED', 'CANCELLED')),
    CONSTRAINT ill_request_lender_not_borrower CHECK (lender_id IS NULL OR lender_id <> borrower_id),
    CONSTRAINT ill_request_copy_part CHECK (service_type <> 'COPY' OR (part_title IS NOT NULL AND part_pages IS NOT NULL))
);
CREATE INDEX ill_request_reader_idx ON ill_request (reader_id, state);
CREATE INDEX ill_request_lender_idx ON ill_request (lender_id, state);
CREATE INDEX ill_request_borrower_idx ON ill_request (borrower_id, state);

CREATE TABLE rota_entry (
    id            bigint PRIMARY KEY,
    request_id    bigint      NOT NULL REFERENCES ill_request (id),
    position      integer     NOT NULL CHECK (position > 0),
    lender_id     bigint      NOT NULL REFERENCES library (id),
    agreement_id  bigint      NOT NULL REFERENCES partner_agreement (id),
    status        varchar(30) NOT NULL CHECK (status IN ('WAITING', 'ASKED', 'SUPPLYING', 'UNFILLED', 'NO_ANSWER',
                                                         'CONDITIONS_DECLINED', 'SKIPPED')),
    reason        varchar(1000),
    asked_at      timestamptz,
    answer_due_at timestamptz,
    answered_at   timestamptz,
    CONSTRAINT rota_entry_position_unique UNIQUE (request_id, position)
);
CREATE INDEX rota_entry_lender_idx ON rota_entry (lender_id, status);
CREATE INDEX rota_entry_due_idx ON rota_entry (answer_due_at) WHERE status = 'ASKED' AND answered_at IS NULL;

CREATE TABLE request_event (
    id          bigint PRIMARY KEY,
    request_id  bigint        NOT NULL REFERENCES ill_request (id),
    occurred_at timestamptz   NOT NULL,
    actor       varchar(200)  NOT NULL,
    action      varchar(30)   NOT NULL,
    from_state  varchar(30),
    to_state    varchar(30)   NOT NULL,
    message     varchar(2000),
    note        varchar(2000)
);
CREATE INDEX request_event_request_idx ON request_event (request_id, occurred_at);

-- The audit trail cannot be edited: the database refuses any update or delete of its lines.
CREATE FUNCTION request_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit trail of ILL requests cannot be changed (% refused)', TG_OP
        USING ERRCODE = 'integrity_constraint_violation';
END;
$$;
CREATE TRIGGER request_event_append_only BEFORE UPDATE OR DELETE ON request_event
    FOR EACH ROW EXECUTE FUNCTION request_event_is_append_only();

CREATE TABLE reader_notification (
    id         bigint PRIMARY KEY,
    reader_id  bigint        NOT NULL REFERENCES reader (id),
    request_id bigint        NOT NULL REFERENCES ill_request (id),
    kind       varchar(30)   NOT NULL,
    subject    varchar(300)  NOT NULL,
    body       varchar(4000) NOT NULL,
    created_at timestamptz   NOT NULL,
    sent_at    timestamptz
);
CREATE INDEX reader_notification_unsent_idx ON reader_notification (created_at) WHERE sent_at IS NULL;

CREATE TABLE fee_charge (
    id          bigint PRIMARY KEY,
    request_id  bigint         NOT NULL REFERENCES ill_request (id),
    creditor_id bigint         NOT NULL REFERENCES library (id),
    debtor_id   bigint         NOT NULL REFERENCES library (id),
    kind        varchar(20)    NOT NULL CHECK (kind IN ('LOAN', 'COPY', 'REPLACEMENT', 'CONDITION_COST')),
    amount      numeric(12, 2) NOT NULL CHECK (amount > 0),
    currency    char(3)        NOT NULL,
    posted_at   timestamptz    NOT NULL,
    CONSTRAINT fee_charge_two_libraries CHECK (creditor_id <> debtor_id)
);
CREATE INDEX fee_charge_pair_idx ON fee_charge (creditor_id, debtor_id);
