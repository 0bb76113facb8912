-- The libraries of the network, their readers, the union catalogue and the partner agreements.
-- Identifiers come from sequences incremented by 50, matching the JPA allocation size, so inserts can be batched;
-- they start at 50 because EclipseLink takes the value it fetches as the last of its block of 50.

CREATE SEQUENCE library_seq INCREMENT BY 50 START WITH 50;
CREATE SEQUENCE branch_seq INCREMENT BY 50 START WITH 50;
CREATE SEQUENCE location_seq INCREMENT BY 50 START WITH 50;
CREATE SEQUENCE reader_seq INCREMENT BY 50 START WITH 50;
CREATE SEQUENCE bib_record_seq INCREMENT BY 50 START WITH 50;
CREATE SEQUENCE holding_seq INCREMENT BY 50 START WITH 50;
CREATE SEQUENCE partner_agreement_seq INCREMENT BY 50 START WITH 50;

CREATE TABLE library (
    id              bigint PRIMARY KEY,
    agency_id_type  varchar(20)  NOT NULL,
    agency_id_value varchar(50)  NOT NULL,
    name            varchar(200) NOT NULL,
    address         varchar(500),
    ill_email       varchar(200),
    ill_phone       varchar(50),
    time_zone       varchar(64)  NOT NULL,
    status          varchar(20)  NOT NULL CHECK (status IN ('ACTIVE', 'SUSPENDED')),
    version         bigint       NOT NULL DEFAULT 0,
    CONSTRAINT library_agency_id_unique UNIQUE (agency_id_type, agency_id_value)
);

CREATE TABLE branch (
    id         bigint PRIMARY KEY,
    library_id bigint       NOT NULL REFERENCES library (id),
    code       varchar(30)  NOT NULL,
    name       varchar(200) NOT NULL,
    CONSTRAINT branch_code_unique UNIQUE (library_id, code)
);

CREATE TABLE location (
    id           bigint PRIMARY KEY,
    branch_id    bigint       NOT NULL REFERENCES branch (id),
    code         varchar(30)  NOT NULL,
    name         varchar(200) NOT NULL,
    type         varchar(30)  NOT NULL CHECK (type IN ('OPEN_SHELVES', 'CLOSED_STACKS', 'SPECIAL_COLLECTIONS',
                                                      'COLLEGE_REFERENCE_ROOM', 'DEPARTMENT_REFERENCE_ROOM')),
    ill_lendable boolean      NOT NULL,
    CONSTRAINT location_code_unique UNIQUE (branch_id, code),
    -- A college or department reference room is never lendable through interlibrary loan.
    CONSTRAINT location_reference_room_not_lendable
        CHECK (NOT (ill_lendable AND type IN ('COLLEGE_REFERENCE_ROOM', 'DEPARTMENT_REFERENCE_ROOM')))
);

CREATE TABLE reader (
    id               bigint PRIMARY KEY,
    library_id       bigint       NOT NULL REFERENCES library (id),
    card_number      varchar(40)  NOT NULL,
    card_valid_from  date         NOT NULL,
    card_valid_until date         NOT NULL,
    first_name       varchar(100) NOT NULL,
    last_name        varchar(100) NOT NULL,
    email            varchar(200) NOT NULL,
    phone            varchar(50),
    department       varchar(200),
    category         varchar(20)  NOT NULL CHECK (category IN ('UNDERGRADUATE', 'POSTGRADUATE', 'FACULTY', 'STAFF', 'EXTERNAL')),
    status           varchar(20)  NOT NULL CHECK (status IN ('ACTIVE', 'BLOCKED', 'EXPIRED')),
    blocked_reason   varchar(500),
    version          bigint       NOT NULL DEFAULT 0,
    CONSTRAINT reader_card_unique UNIQUE (library_id, card_number),
    CONSTRAINT reader_card_period CHECK (card_valid_until >= card_valid_from),
    CONSTRAINT reader_blocked_has_reason CHECK (status <> 'BLOCKED' OR blocked_reason IS NOT NULL)
);

CREATE TABLE bib_record (
    id               bigint PRIMARY KEY,
    control_number   varchar(50) UNIQUE,
    title            varchar(1000) NOT NULL,
    subtitle         varchar(1000),
    authors          varchar(2000),
    isbn             varchar(13) CHECK (isbn ~ '^97[89][0-9]{10}$'),
    issn             varchar(9) CHECK (issn ~ '^[0-9]{4}-[0-9]{3}[0-9X]$'),
    publisher        varchar(300),
    publication_year integer,
    edition          varchar(100),
    language         varchar(3),
    subjects         varchar(2000),
    format           varchar(20)   NOT NULL CHECK (format IN ('BOOK', 'JOURNAL', 'THESIS', 'MAP', 'SCORE', 'AUDIOVISUAL')),
    version          bigint        NOT NULL DEFAULT 0,
    -- Full-text search over title, authors, subjects and identifiers; 'simple' keeps names and words unstemmed,
    -- which suits a multilingual catalogue.
    search           tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple'::regconfig, coalesce(title, '') || ' ' || coalesce(subtitle, '')), 'A') ||
        setweight(to_tsvector('simple'::regconfig, coalesce(authors, '')), 'B') ||
        setweight(to_tsvector('simple'::regconfig, coalesce(subjects, '')), 'C') ||
        setweight(to_tsvector('simple'::regconfig, coalesce(isbn, '') || ' ' || coalesce(issn, '') || ' ' ||
                                                     coalesce(control_number, '')), 'A')
    ) STORED
);
CREATE INDEX bib_record_search_idx ON bib_record USING gin (search);
CREATE INDEX bib_record_isbn_idx ON bib_record (isbn);
CREATE INDEX bib_record_issn_idx ON bib_record (issn);

CREATE TABLE holding (
    id                 bigint PRIMARY KEY,
    record_id          bigint      NOT NULL REFERENCES bib_record (id),
    location_id        bigint      NOT NULL REFERENCES location (id),
    call_number        varchar(100),
    barcode            varchar(50),
    circulation_status varchar(20) NOT NULL CHECK (circulation_status IN ('AVAILABLE', 'ON_LOAN', 'IN_TRANSIT', 'MISSING')),
    version            bigint      NOT NULL DEFAULT 0
);
CREATE INDEX holding_record_idx ON holding (record_id);
CREATE INDEX holding_location_idx ON holding (location_id);

CREATE TABLE partner_agreement (
    id                  bigint PRIMARY KEY,
    lender_id           bigint        NOT NULL REFERENCES library (id),
    borrower_id         bigint        NOT NULL REFERENCES library (id),
    reciprocal          boolean       NOT NULL,
    loans_allowed       boolean       NOT NULL,
    copies_allowed      boolean       NOT NULL,
    loan_period_days    integer       NOT NULL CHECK (loan_period_days > 0),
    max_renewals        integer       NOT NULL CHECK (max_renewals >= 0),
    max_outstanding     integer       NOT NULL CHECK (max_outstanding > 0),
    fee_per_loan        numeric(12, 2) NOT NULL CHECK (fee_per_loan >= 0),
    fee_per_copy        numeric(12, 2) NOT NULL CHECK (fee_per_copy >= 0),
    currency            char(3)       NOT NULL,
    valid_from          date          NOT NULL,
    valid_until         date,
    status              varchar(20)   NOT NULL CHECK (status IN ('DRAFT', 'ACTIVE', 'SUSPENDED', 'EXPIRED')),
    priority            integer       NOT NULL,
    response_time_hours integer       NOT NULL CHECK (response_time_hours > 0),
    version             bigint        NOT NULL DEFAULT 0,
    CONSTRAINT agreement_two_libraries CHECK (lender_id <> borrower_id),
    CONSTRAINT agreement_services CHECK (loans_allowed OR copies_allowed),
    CONSTRAINT agreement_period CHECK (valid_until IS NULL OR valid_until >= valid_from)
);
