-- Run by Flyway, as the owner of the schema, after every migration run: gives the role the application runs as
-- (placeholder runtimeRole, the user of the application's datasource) exactly the rights it needs, and no more.
-- The append-only records (the history of each request, the staff and protocol audit, the fee charges between
-- libraries, the charges to readers and the notifications to readers) may be read and added to, never changed,
-- deleted or truncated: of a notification only its e-mail's delivery (sent, attempts, next try, last error) changes. Not being their owner, the role cannot disable
-- their triggers either. Tables added by later migrations are covered by the grants on all tables; a new
-- append-only table must be added to the list below.
DO $rights$
DECLARE
    runtime_role text := '${runtimeRole}';
    append_only  text := 'request_event, supplier_event, protocol_message, received_message, audit_entry, fee_charge, '
                            || 'reader_charge, '
                            || 'reader_notification';
BEGIN
    IF runtime_role = current_user THEN
        RAISE NOTICE 'The application runs as the owner of the schema (%): append-only records rely on their triggers only', runtime_role;
        RETURN;
    END IF;
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', current_schema(), runtime_role);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO %I', current_schema(), runtime_role);
    EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO %I', current_schema(), runtime_role);
    EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON %s FROM %I', append_only, runtime_role);
    EXECUTE format('GRANT UPDATE (sent_at, mail_attempts, next_mail_at, mail_error) ON reader_notification TO %I',
                   runtime_role);
    EXECUTE format('REVOKE ALL ON flyway_schema_history FROM %I', runtime_role);
    EXECUTE format('GRANT SELECT ON flyway_schema_history TO %I', runtime_role);
END
$rights$;
