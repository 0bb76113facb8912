-- Which server holds a message for its attempt (its node name), while the attempt lasts: a server that comes back
-- after a crash takes back at once the messages it was delivering when it died, instead of waiting for the lease.
ALTER TABLE outbound_message ADD COLUMN claimed_by varchar(200);
