-- A report is compiled in parts at once (each part a transaction of its own): it shows once all of them are in
-- (compiled_at set); until then it is invisible, and one a crash left unfinished is removed by the next compilation
-- of its period and scope. One compiled report per period and scope.
ALTER TABLE cooperation_report ADD COLUMN compiled_at timestamptz;
UPDATE cooperation_report SET compiled_at = created_at;
DROP INDEX cooperation_report_unique;
CREATE UNIQUE INDEX cooperation_report_unique
    ON cooperation_report (period_kind, period_from, COALESCE(scope_library_id, 0)) WHERE compiled_at IS NOT NULL;
