-- Days a library receives no interlibrary loan requests (holidays, inventory, moves): the rota passes over a lender
-- closed on the day a request is routed, and says why.
CREATE SEQUENCE library_closure_seq INCREMENT BY 50 START WITH 50;
CREATE TABLE library_closure (
    id         bigint PRIMARY KEY,
    library_id bigint       NOT NULL REFERENCES library (id),
    first_day  date         NOT NULL,
    last_day   date         NOT NULL,
    reason     varchar(200) NOT NULL,
    CONSTRAINT library_closure_period CHECK (last_day >= first_day)
);
CREATE INDEX library_closure_library_idx ON library_closure (library_id, last_day);
