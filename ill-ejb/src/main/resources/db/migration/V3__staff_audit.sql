-- The audit trail of staff actions outside requests: partner agreements, libraries, readers, catalogue imports.

CREATE SEQUENCE audit_entry_seq INCREMENT BY 50 START WITH 50;

CREATE TABLE audit_entry (
    id           bigint PRIMARY KEY,
    occurred_at  timestamptz   NOT NULL,
    actor        varchar(200)  NOT NULL,
    subject_type varchar(30)   NOT NULL,
    subject_id   varchar(100)  NOT NULL,
    action       varchar(50)   NOT NULL,
    from_state   varchar(30),
    to_state     varchar(30),
    message      varchar(2000)
);
CREATE INDEX audit_entry_subject_idx ON audit_entry (subject_type, subject_id, occurred_at);

CREATE FUNCTION audit_entry_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit trail of staff actions cannot be changed (% refused)', TG_OP
        USING ERRCODE = 'integrity_constraint_violation';
END;
$$;
CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_is_append_only();
