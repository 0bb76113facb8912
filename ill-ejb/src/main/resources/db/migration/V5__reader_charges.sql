-- Fees the borrowing library passes on to readers whose category pays ILL fees.

CREATE SEQUENCE reader_charge_seq INCREMENT BY 50 START WITH 50;

CREATE TABLE reader_charge (
    id         bigint PRIMARY KEY,
    reader_id  bigint         NOT NULL REFERENCES reader (id),
    request_id bigint         NOT NULL REFERENCES ill_request (id),
    kind       varchar(20)    NOT NULL CHECK (kind IN ('LOAN', 'COPY', 'REPLACEMENT', 'CONDITION_COST')),
    amount     numeric(12, 2) NOT NULL CHECK (amount > 0),
    currency   char(3)        NOT NULL,
    posted_at  timestamptz    NOT NULL
);
CREATE INDEX reader_charge_reader_idx ON reader_charge (reader_id);
