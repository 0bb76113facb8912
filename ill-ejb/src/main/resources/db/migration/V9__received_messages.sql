-- Every ISO 18626 message a library hosted here applied or refused, by the SHA-256 of its XML, with the confirmation
-- it was answered with: the same message delivered again (a partner retrying after a lost confirmation) gets the same
-- confirmation and changes nothing. Two deliveries at once cannot both be applied: the second one's row clashes.
CREATE TABLE received_message (
    sha256       char(64)    PRIMARY KEY,
    library_id   bigint      NOT NULL REFERENCES library (id),
    received_at  timestamptz NOT NULL,
    confirmation text        NOT NULL
);
CREATE TRIGGER received_message_append_only BEFORE UPDATE OR DELETE ON received_message
    FOR EACH ROW EXECUTE FUNCTION request_event_is_append_only();
