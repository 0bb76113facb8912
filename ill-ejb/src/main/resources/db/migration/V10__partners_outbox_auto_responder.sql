-- Libraries hosted elsewhere, reached over ISO 18626 by HTTP, and how (their partner profile); the delivery state of
-- every message a library hosted here sends (the transactional outbox); and the lending libraries that answer new
-- requests without staff (the auto-responder).

-- A library of the network directory is either hosted by this deployment (its staff and readers work here) or a
-- partner hosted elsewhere, known only by its profile.
ALTER TABLE library ADD COLUMN hosted boolean NOT NULL DEFAULT true;
ALTER TABLE library ADD COLUMN auto_respond boolean NOT NULL DEFAULT false;

CREATE TABLE partner_profile (
    library_id              bigint       PRIMARY KEY REFERENCES library (id),
    endpoint_url            varchar(500) NOT NULL,
    schema_version          varchar(10)  NOT NULL DEFAULT '2021' CHECK (schema_version IN ('2021', '1.2')),
    -- what the partner must present in its messages (the security code only as a PBKDF2 hash)
    inbound_account_id      varchar(100) NOT NULL,
    inbound_code_hash       varchar(300) NOT NULL,
    -- what we present to it (the security code encrypted with the server's key: it must be sent as it is)
    outbound_account_id     varchar(100) NOT NULL,
    outbound_code_encrypted varchar(500) NOT NULL,
    connect_timeout_ms      integer      NOT NULL DEFAULT 5000 CHECK (connect_timeout_ms BETWEEN 100 AND 120000),
    response_timeout_ms     integer      NOT NULL DEFAULT 30000 CHECK (response_timeout_ms BETWEEN 100 AND 600000),
    deviations              varchar(500) NOT NULL DEFAULT '',
    version                 bigint       NOT NULL DEFAULT 0
);

-- One row per message sent: written in the sender's transaction with the change it tells, next to the message in
-- the protocol log; delivered after the commit, in order per record, again and again with growing pauses while the
-- partner cannot be reached, until retry_until; then FAILED, for staff to send again.
CREATE SEQUENCE outbound_message_seq INCREMENT BY 50 START WITH 50;
CREATE TABLE outbound_message (
    id                  bigint       PRIMARY KEY,
    protocol_message_id bigint       NOT NULL UNIQUE REFERENCES protocol_message (id),
    library_id          bigint       NOT NULL REFERENCES library (id),
    request_id          bigint       REFERENCES ill_request (id),
    supplier_request_id bigint       REFERENCES supplier_request (id),
    receiver_type       varchar(20)  NOT NULL,
    receiver_value      varchar(50)  NOT NULL,
    state               varchar(20)  NOT NULL CHECK (state IN ('PENDING', 'DELIVERED', 'REFUSED', 'FAILED')),
    attempts            integer      NOT NULL DEFAULT 0,
    created_at          timestamptz  NOT NULL,
    next_attempt_at     timestamptz  NOT NULL,
    retry_until         timestamptz  NOT NULL,
    last_attempt_at     timestamptz,
    last_error          varchar(1000),
    settled_at          timestamptz,
    CHECK (request_id IS NOT NULL OR supplier_request_id IS NOT NULL)
);
CREATE INDEX outbound_message_due ON outbound_message (next_attempt_at, id) WHERE state = 'PENDING';
CREATE INDEX outbound_message_of_request ON outbound_message (request_id, id) WHERE request_id IS NOT NULL;
CREATE INDEX outbound_message_of_supplier_request ON outbound_message (supplier_request_id, id)
    WHERE supplier_request_id IS NOT NULL;
CREATE INDEX outbound_message_failed ON outbound_message (library_id, id) WHERE state = 'FAILED';

-- Messages that reach no record (for a library not hosted here, unreadable, or naming a request nobody has) are kept
-- in the protocol log too, unattached.
ALTER TABLE protocol_message ALTER COLUMN library_id DROP NOT NULL;
CREATE INDEX protocol_message_unattached ON protocol_message (id)
    WHERE request_id IS NULL AND supplier_request_id IS NULL;
