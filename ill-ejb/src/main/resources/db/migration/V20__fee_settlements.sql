-- Settlement statements: the fees ledger between two libraries netted for a period and a currency (who owes whom,
-- how much), with its line items; each fee is settled in one statement only. Written by the fee-settlement batch job,
-- marked settled once the libraries confirm payment.
CREATE SEQUENCE settlement_seq;
CREATE TABLE settlement (
    id               bigint PRIMARY KEY,
    period_from      date           NOT NULL,
    period_until     date           NOT NULL,
    creditor_id      bigint         NOT NULL REFERENCES library (id),
    debtor_id        bigint         NOT NULL REFERENCES library (id),
    currency         char(3)        NOT NULL,
    amount           numeric(14, 2) NOT NULL CHECK (amount >= 0),
    owed_to_creditor numeric(14, 2) NOT NULL CHECK (owed_to_creditor >= 0),
    owed_to_debtor   numeric(14, 2) NOT NULL CHECK (owed_to_debtor >= 0),
    fee_count        integer        NOT NULL CHECK (fee_count > 0),
    created_at       timestamptz    NOT NULL,
    job_execution_id bigint,
    settled_at       timestamptz,
    settled_by       varchar(200),
    CONSTRAINT settlement_two_libraries CHECK (creditor_id <> debtor_id),
    CONSTRAINT settlement_period CHECK (period_until >= period_from),
    CONSTRAINT settlement_net CHECK (amount = owed_to_creditor - owed_to_debtor)
);
CREATE INDEX settlement_creditor_idx ON settlement (creditor_id, period_from);
CREATE INDEX settlement_debtor_idx ON settlement (debtor_id, period_from);

CREATE TABLE settlement_line (
    settlement_id bigint NOT NULL REFERENCES settlement (id),
    fee_charge_id bigint NOT NULL UNIQUE REFERENCES fee_charge (id),
    PRIMARY KEY (settlement_id, fee_charge_id)
);
CREATE INDEX fee_charge_posted_idx ON fee_charge (posted_at);
