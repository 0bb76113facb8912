-- Open loans between the libraries hosted here, consistent on both sides as the application leaves them (the
-- borrower's request LOANED and received, its rota entry SUPPLYING under the pair's active agreement, the lender's
-- record LOANED with the same ISO 18626 transaction ids), for the loan-reconciliation benchmark and the crash test.
-- Placeholders, replaced before running: ${loans} (how many), ${first_due} (a date, 'YYYY-MM-DD') and ${days}: loan g
-- falls due on first_due + (g % days). The pairs are the active agreements between hosted libraries, each with the
-- first reader of its borrowing library, taken in turn.
CREATE TEMPORARY TABLE loan_pair AS
SELECT row_number() OVER (ORDER BY a.id) - 1 AS k, a.id AS agreement, a.lender_id, a.borrower_id,
       b.agency_id_value AS borrower_isil,
       (SELECT MIN(r.id) FROM reader r WHERE r.library_id = a.borrower_id) AS reader
FROM partner_agreement a JOIN library b ON b.id = a.borrower_id JOIN library l ON l.id = a.lender_id
WHERE a.status = 'ACTIVE' AND a.loans_allowed AND l.hosted AND b.hosted
  AND EXISTS (SELECT 1 FROM reader r WHERE r.library_id = a.borrower_id);

CREATE TEMPORARY TABLE loan_draw AS
SELECT g, p.agreement, p.lender_id, p.borrower_id, p.borrower_isil, p.reader,
       nextval('ill_request_seq') AS request_id, nextval('ill_request_seq') AS record_id,
       DATE '${first_due}' + (g % ${days}) AS due
FROM generate_series(1, ${loans}) g
     JOIN loan_pair p ON p.k = g % (SELECT COUNT(*) FROM loan_pair);

INSERT INTO ill_request (id, borrower_id, reader_id, bib_title, service_type, state, lender_id, supplied_as,
                         due_date, received_at, lender_status, created_at, updated_at)
SELECT request_id, borrower_id, reader, 'Open Loan ' || g, 'LOAN', 'LOANED', lender_id, 'LOAN', due,
       now() - interval '20 days', 'Loaned', now() - interval '25 days', now() - interval '20 days'
FROM loan_draw;

INSERT INTO rota_entry (id, request_id, position, lender_id, agreement_id, status, asked_at, answered_at,
                        requesting_agency_request_id, supplying_agency_request_id, sends)
SELECT nextval('rota_entry_seq'), request_id, 1, lender_id, agreement, 'SUPPLYING', now() - interval '25 days',
       now() - interval '21 days', request_id || '-1', 'S' || record_id, 1
FROM loan_draw;

INSERT INTO supplier_request (id, lender_id, requesting_agency_type, requesting_agency_value, borrower_id,
                              agreement_id, requesting_agency_request_id, bib_title, service_type, state, supplied_as,
                              due_date, shipped_at, borrower_received_at, created_at, updated_at)
SELECT record_id, lender_id, 'ISIL', borrower_isil, borrower_id, agreement, request_id || '-1', 'Open Loan ' || g,
       'LOAN', 'LOANED', 'LOAN', due, now() - interval '21 days', now() - interval '20 days',
       now() - interval '25 days', now() - interval '20 days'
FROM loan_draw;

DROP TABLE loan_draw;
DROP TABLE loan_pair;
