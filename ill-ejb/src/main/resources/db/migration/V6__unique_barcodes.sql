-- A barcode names one item within its library: shipping "by barcode" must find exactly one copy. The holding keeps its
-- library (that of its collection) so that the database can hold the rule, whatever writes to the table.

ALTER TABLE holding ADD COLUMN library_id bigint REFERENCES library (id);
UPDATE holding h SET library_id = b.library_id
FROM location c JOIN branch b ON b.id = c.branch_id
WHERE c.id = h.location_id;
ALTER TABLE holding ALTER COLUMN library_id SET NOT NULL;

-- Barcodes given twice before this rule cannot be told apart: name them, so that the library can correct them.
DO $$
DECLARE
    clashes text;
BEGIN
    SELECT string_agg(l.agency_id_value || ' ' || d.barcode, ', ' ORDER BY l.agency_id_value, d.barcode) INTO clashes
    FROM (SELECT library_id, barcode FROM holding WHERE barcode IS NOT NULL
          GROUP BY library_id, barcode HAVING count(*) > 1) d
    JOIN library l ON l.id = d.library_id;
    IF clashes IS NOT NULL THEN
        RAISE EXCEPTION 'Barcodes must be unique within a library; give these items new barcodes first: %', clashes;
    END IF;
END;
$$;

ALTER TABLE holding ADD CONSTRAINT holding_barcode_unique UNIQUE (library_id, barcode);
