-- Each library its own record of a request: the borrowing library's (ill_request, the requester side of ISO 18626)
-- and, at each lender asked, the lending library's (supplier_request, the supplier side). They are linked by the
-- ISO 18626 ids only: the requesting agency and its request id (one per lender asked, and per retry), and the
-- supplying agency's request id. Every message in and out is kept in the protocol log.

-- The requester side: the lender's copy is the lender's business; the service may be "copy or loan".
ALTER TABLE ill_request DROP COLUMN supplied_holding_id;
ALTER TABLE ill_request ALTER COLUMN service_type TYPE varchar(20);
ALTER TABLE ill_request DROP CONSTRAINT ill_request_service_type_check;
ALTER TABLE ill_request ADD CONSTRAINT ill_request_service_type CHECK (service_type IN ('LOAN', 'COPY', 'COPY_OR_LOAN'));
ALTER TABLE ill_request DROP CONSTRAINT ill_request_state;
ALTER TABLE ill_request ADD CONSTRAINT ill_request_state CHECK (state IN ('NEW', 'VALIDATED', 'AWAITING_ROUTING',
    'REQUEST_RECEIVED', 'EXPECT_TO_SUPPLY', 'WILL_SUPPLY', 'CONDITIONS_PROPOSED', 'AWAITING_READER_CONSENT',
    'RETRY_POSSIBLE', 'CANCEL_REQUESTED', 'LOANED', 'OVERDUE', 'RECALLED', 'RETURN_HELD', 'SHIPPED_BACK',
    'SHIPPED_FORWARD', 'LOAN_COMPLETED', 'COPY_COMPLETED', 'COMPLETED_WITHOUT_RETURN', 'UNFILLED', 'CANCELLED'));
ALTER TABLE ill_request ADD COLUMN state_before_cancel varchar(30);
ALTER TABLE ill_request ADD COLUMN item_id varchar(100);
ALTER TABLE ill_request ADD COLUMN lender_status varchar(30);
ALTER TABLE ill_request ADD COLUMN supplied_as varchar(20) CHECK (supplied_as IN ('LOAN', 'COPY'));

-- Each lender asked is one ISO 18626 transaction: the id the borrower gave it, and the id the lender answered with.
ALTER TABLE rota_entry ADD COLUMN requesting_agency_request_id varchar(100);
ALTER TABLE rota_entry ADD COLUMN supplying_agency_request_id varchar(100);
ALTER TABLE rota_entry ADD COLUMN sends integer NOT NULL DEFAULT 0 CHECK (sends >= 0);
CREATE UNIQUE INDEX rota_entry_request_id_unique ON rota_entry (requesting_agency_request_id);

-- The supplier side. Ids come from the same sequence as ill_request's, so a number names one record of either side.
CREATE TABLE supplier_request (
    id                           bigint PRIMARY KEY,
    lender_id                    bigint        NOT NULL REFERENCES library (id),
    requesting_agency_type       varchar(20)   NOT NULL,
    requesting_agency_value      varchar(50)   NOT NULL,
    borrower_id                  bigint REFERENCES library (id),
    agreement_id                 bigint REFERENCES partner_agreement (id),
    requesting_agency_request_id varchar(100)  NOT NULL,
    previous_request_id          varchar(100),
    patron                       varchar(200),
    record_id                    bigint REFERENCES bib_record (id),
    bib_title                    varchar(1000) NOT NULL,
    bib_authors                  varchar(2000),
    bib_isbn                     varchar(13),
    bib_issn                     varchar(9),
    bib_publisher                varchar(300),
    bib_year                     integer,
    bib_edition                  varchar(100),
    part_title                   varchar(1000),
    part_author                  varchar(500),
    part_volume                  varchar(50),
    part_issue                   varchar(50),
    part_pages                   varchar(50),
    service_type                 varchar(20)   NOT NULL CHECK (service_type IN ('LOAN', 'COPY', 'COPY_OR_LOAN')),
    state                        varchar(30)   NOT NULL CHECK (state IN ('NEW', 'EXPECT_TO_SUPPLY', 'WILL_SUPPLY',
        'RETRY_POSSIBLE', 'LOANED', 'OVERDUE', 'RECALLED', 'HOLD_RETURN', 'RETURN_SHIPPED', 'SHIPPED_FORWARD',
        'LOAN_COMPLETED', 'COPY_COMPLETED', 'COMPLETED_WITHOUT_RETURN', 'UNFILLED', 'CANCELLED')),
    supplied_holding_id          bigint REFERENCES holding (id),
    supplied_as                  varchar(20) CHECK (supplied_as IN ('LOAN', 'COPY')),
    conditions                   varchar(300),
    offered_cost                 numeric(12, 2) CHECK (offered_cost > 0),
    offered_currency             char(3),
    conditions_accepted          boolean       NOT NULL DEFAULT false,
    retry_before                 timestamptz,
    due_date                     date,
    renewals                     integer       NOT NULL DEFAULT 0 CHECK (renewals >= 0),
    renewal_pending              boolean       NOT NULL DEFAULT false,
    borrower_received_at         timestamptz,
    reason                       varchar(1000),
    created_at                   timestamptz   NOT NULL,
    updated_at                   timestamptz   NOT NULL,
    version                      bigint        NOT NULL DEFAULT 0,
    CONSTRAINT supplier_request_transaction_unique
        UNIQUE (requesting_agency_type, requesting_agency_value, requesting_agency_request_id, lender_id)
);
CREATE INDEX supplier_request_lender_idx ON supplier_request (lender_id, state);
CREATE INDEX supplier_request_due_idx ON supplier_request (due_date) WHERE state IN ('LOANED', 'RECALLED');

CREATE SEQUENCE supplier_event_seq INCREMENT BY 50 START WITH 50;
CREATE TABLE supplier_event (
    id                  bigint PRIMARY KEY,
    supplier_request_id bigint        NOT NULL REFERENCES supplier_request (id),
    occurred_at         timestamptz   NOT NULL,
    actor               varchar(200)  NOT NULL,
    action              varchar(30)   NOT NULL,
    from_state          varchar(30),
    to_state            varchar(30)   NOT NULL,
    message             varchar(2000),
    note                varchar(2000)
);
CREATE INDEX supplier_event_request_idx ON supplier_event (supplier_request_id, occurred_at);
CREATE TRIGGER supplier_event_append_only BEFORE UPDATE OR DELETE ON supplier_event
    FOR EACH ROW EXECUTE FUNCTION request_event_is_append_only();

-- Fees are posted by the lender on its own record; readers' charges by the borrowing library on its own.
ALTER TABLE fee_charge ALTER COLUMN request_id DROP NOT NULL;
ALTER TABLE fee_charge ADD COLUMN supplier_request_id bigint REFERENCES supplier_request (id);
ALTER TABLE fee_charge ADD CONSTRAINT fee_charge_one_record CHECK (request_id IS NOT NULL OR supplier_request_id IS NOT NULL);

-- The protocol log: every ISO 18626 message each side sent or received, as sent, with the confirmation it got.
CREATE SEQUENCE protocol_message_seq INCREMENT BY 50 START WITH 50;
CREATE TABLE protocol_message (
    id                           bigint PRIMARY KEY,
    library_id                   bigint        NOT NULL REFERENCES library (id),
    request_id                   bigint REFERENCES ill_request (id),
    supplier_request_id          bigint REFERENCES supplier_request (id),
    direction                    varchar(3)    NOT NULL CHECK (direction IN ('IN', 'OUT')),
    kind                         varchar(40)   NOT NULL,
    summary                      varchar(200)  NOT NULL,
    sender                       varchar(50)   NOT NULL,
    receiver                     varchar(50)   NOT NULL,
    requesting_agency_request_id varchar(100),
    logged_at                    timestamptz   NOT NULL,
    xml                          text          NOT NULL
);
CREATE INDEX protocol_message_request_idx ON protocol_message (request_id, id) WHERE request_id IS NOT NULL;
CREATE INDEX protocol_message_supplier_idx ON protocol_message (supplier_request_id, id)
    WHERE supplier_request_id IS NOT NULL;
CREATE TRIGGER protocol_message_append_only BEFORE UPDATE OR DELETE ON protocol_message
    FOR EACH ROW EXECUTE FUNCTION request_event_is_append_only();
