-- The rows the nightly reconciliation writes by the hundred thousand (a loan become overdue writes an event on each
-- side, a reader's notice, an outbox message and four protocol log entries) take their ids 500 at a time: one round
-- trip to the database for 500 rows instead of 50. The entities' allocationSize says the same. A server takes the
-- range (value - 500, value] of each value it draws, so a sequence's next value must be at least 500 (a sequence never
-- drawn from still answers its first value, 50, next) and at least 500 above the last range taken: such ranges never
-- meet the ranges taken before the change, nor ids drawn one by one with nextval.
DO $$
DECLARE
    name text;
BEGIN
    FOREACH name IN ARRAY ARRAY['protocol_message_seq', 'request_event_seq', 'supplier_event_seq',
                                'reader_notification_seq', 'outbound_message_seq'] LOOP
        EXECUTE format('ALTER SEQUENCE %I INCREMENT BY 500', name);
        EXECUTE format('SELECT setval(%L, GREATEST(last_value, 500), true) FROM %I', name, name);
    END LOOP;
END $$;
