-- Accounts of the ILL offices' staff (ILL_STAFF, ILL_ADMIN of one library) and of the network's administrators
-- (NETWORK_ADMIN, of no library), who sign in to the back office with a user name and a password kept only as a
-- PBKDF2 hash. Wrong passwords are counted as readers' wrong PINs are.
CREATE SEQUENCE staff_account_seq INCREMENT BY 50 START WITH 50;
CREATE TABLE staff_account (
    id                   bigint PRIMARY KEY,
    username             varchar(100) NOT NULL UNIQUE,
    library_id           bigint REFERENCES library (id),
    full_name            varchar(200) NOT NULL,
    role                 varchar(20)  NOT NULL CHECK (role IN ('ILL_STAFF', 'ILL_ADMIN', 'NETWORK_ADMIN')),
    password_hash        varchar(400) NOT NULL,
    active               boolean      NOT NULL DEFAULT true,
    failed_sign_ins      integer      NOT NULL DEFAULT 0 CHECK (failed_sign_ins >= 0),
    sign_in_locked_until timestamp with time zone,
    version              bigint       NOT NULL DEFAULT 0,
    CONSTRAINT staff_account_library CHECK ((role = 'NETWORK_ADMIN') = (library_id IS NULL))
);
