-- What a reader says with an application in the portal: the day after which the item is of no use, the branch to
-- pick it up at, the most the reader will pay, a note for the ILL office, and (for a copy) when the reader declared
-- that it is for private study or research, as copyright law asks.
ALTER TABLE ill_request ADD COLUMN needed_before date;
ALTER TABLE ill_request ADD COLUMN pickup_branch_id bigint REFERENCES branch (id);
ALTER TABLE ill_request ADD COLUMN max_cost numeric(10, 2) CHECK (max_cost >= 0);
ALTER TABLE ill_request ADD COLUMN reader_note varchar(1000);
ALTER TABLE ill_request ADD COLUMN copyright_declared_at timestamp with time zone;
