-- Readers sign in to the portal with their library card number and a PIN, kept only as a PBKDF2 hash (Jakarta
-- Security's Pbkdf2PasswordHash format). Wrong PINs are counted; after too many in a row the card is locked for a while.
ALTER TABLE reader ADD COLUMN pin_hash varchar(400);
ALTER TABLE reader ADD COLUMN failed_sign_ins integer NOT NULL DEFAULT 0 CHECK (failed_sign_ins >= 0);
ALTER TABLE reader ADD COLUMN sign_in_locked_until timestamp with time zone;
