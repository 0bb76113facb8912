-- The borrowing library lends the item it received to its reader (check-out) and takes it back (check-in) before
-- shipping it back to the lender: when each happened.
ALTER TABLE ill_request ADD COLUMN checked_out_at timestamptz;
ALTER TABLE ill_request ADD COLUMN reader_returned_at timestamptz;
