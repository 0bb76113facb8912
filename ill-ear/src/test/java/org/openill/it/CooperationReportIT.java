package org.openill.it;

import jakarta.batch.runtime.BatchStatus;
import jakarta.ejb.EJB;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openill.application.report.CooperationReports;
import org.openill.application.report.ReportPeriod;
import org.openill.domain.reader.ReaderCategory;
import org.openill.infrastructure.batch.BatchJobs;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The cooperation-report job over a generated data set (fixed seed) of three new libraries lending to one another in
 * the second quarter of 2019 and the quarter before it (and a little on either side, which must not count): every
 * figure of the report — each library's and each pair's, for both quarters —, the unfilled reasons, the fees and the
 * busiest titles and subjects are computed here again from the generated rows and compared.
 */
@ExtendWith(ArquillianExtension.class)
class CooperationReportIT {

    private static final LocalDate QUARTER = LocalDate.of(2019, 4, 1);
    private static final Instant PREVIOUS = LocalDate.of(2019, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
    private static final Instant CURRENT = QUARTER.atStartOfDay(ZoneOffset.UTC).toInstant();
    private static final Instant AFTER = LocalDate.of(2019, 7, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
    private static final List<String> REASONS = List.of("NotHeld", "NotAvailableForILL", "Other: binding too fragile");
    private static final List<String> SUBJECTS = List.of("Geology", "Mining", "History of science", "Volcanoes");

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.builtEarWith(CooperationReportIT.class, Fixtures.class, BatchRuns.class);
    }

    @EJB
    BatchJobs jobs;

    @EJB
    CooperationReports reports;

    @EJB
    Fixtures fixtures;

    /** One lender's record of a request one of the libraries made of another, with the borrower's record of it. */
    record Asked(long lender, long borrower, Instant created, String outcome, String reason, Instant shipped,
                 Instant received, int title) {

        boolean filled() {
            return outcome.equals("LOAN") || outcome.equals("COPY");
        }
    }

    /** A request a library made of a lender hosted elsewhere (only the borrower's record is here). */
    record MadeElsewhere(long borrower, Instant created, String outcome, Instant received, int title) {
    }

    record Fee(long creditor, long debtor, String currency, BigDecimal amount, Instant posted) {
    }

    @Test
    void everyFigureOfTheQuarterAndTheQuarterBeforeMatchesTheGeneratedRequests() throws Exception {
        List<String> isils = List.of(fixtures.newLibrary(), fixtures.newLibrary(), fixtures.newLibrary());
        Map<Long, String> isilOf = new HashMap<>();
        Map<Long, Long> readerOf = new HashMap<>();
        for (String isil : isils) {
            long id = Long.parseLong(fixtures.strings("SELECT id FROM library WHERE agency_id_value = '" + isil + "'").get(0));
            isilOf.put(id, isil);
            String card = fixtures.newReader(isil, ReaderCategory.STAFF);
            readerOf.put(id, Long.parseLong(fixtures.strings("SELECT id FROM reader WHERE card_number = '" + card + "'").get(0)));
        }
        List<Long> libraries = new ArrayList<>(isilOf.keySet());
        libraries.sort(Comparator.naturalOrder());
        String unique = isils.get(0).substring(3);
        List<String> titles = new ArrayList<>();
        List<Long> records = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            titles.add("Report Title " + unique + " " + (char) ('A' + i));
            records.add(Long.parseLong(fixtures.strings("SELECT nextval('bib_record_seq')").get(0)));
            fixtures.nativeUpdate("INSERT INTO bib_record (id, title, subjects, format) VALUES (" + records.get(i)
                    + ", '" + titles.get(i) + "', '" + subjectsOf(i) + "', 'BOOK')");
        }

        Random random = new Random(18626);
        List<Asked> asked = new ArrayList<>();
        List<MadeElsewhere> elsewhere = new ArrayList<>();
        List<Fee> fees = new ArrayList<>();
        Instant first = PREVIOUS.minus(10, ChronoUnit.DAYS);
        long span = ChronoUnit.MINUTES.between(first, AFTER.plus(10, ChronoUnit.DAYS));
        for (int i = 0; i < 160; i++) {
            long lender = libraries.get(random.nextInt(3));
            long borrower = libraries.get((libraries.indexOf(lender) + 1 + random.nextInt(2)) % 3);
            Instant created = first.plus(random.nextLong(span), ChronoUnit.MINUTES);
            String outcome = List.of("LOAN", "LOAN", "LOAN", "COPY", "UNFILLED", "UNFILLED", "CANCELLED", "OPEN")
                    .get(random.nextInt(8));
            Instant shipped = null;
            Instant received = null;
            if (outcome.equals("LOAN") || outcome.equals("COPY")) {
                shipped = created.plus(30 + random.nextInt(5000), ChronoUnit.MINUTES);
                received = random.nextInt(5) == 0 ? null : shipped.plus(60 + random.nextInt(8000), ChronoUnit.MINUTES);
            }
            String reason = outcome.equals("UNFILLED") ? REASONS.get(random.nextInt(REASONS.size())) : null;
            asked.add(new Asked(lender, borrower, created, outcome, reason, shipped, received, random.nextInt(6)));
        }
        for (int i = 0; i < 30; i++) {
            Instant created = first.plus(random.nextLong(span), ChronoUnit.MINUTES);
            String outcome = List.of("LOAN", "UNFILLED", "OPEN").get(random.nextInt(3));
            elsewhere.add(new MadeElsewhere(libraries.get(random.nextInt(3)), created, outcome,
                    outcome.equals("LOAN") ? created.plus(100 + random.nextInt(9000), ChronoUnit.MINUTES) : null,
                    random.nextInt(6)));
        }

        // the rows, as the application would have left them
        List<Long> requestIds = new ArrayList<>();
        for (Asked a : asked) {
            long requestId = nextId("ill_request_seq");
            requestIds.add(requestId);
            boolean open = a.outcome().equals("OPEN");
            fixtures.nativeUpdate("INSERT INTO ill_request (id, borrower_id, reader_id, record_id, bib_title, service_type,"
                    + " state, lender_id, supplied_as, received_at, created_at, updated_at) VALUES (" + requestId + ", "
                    + a.borrower() + ", " + readerOf.get(a.borrower()) + ", " + (open ? "NULL" : records.get(a.title()))
                    + ", '" + titles.get(a.title()) + "', 'COPY_OR_LOAN', '" + borrowerState(a.outcome()) + "', "
                    + a.lender() + ", " + quoted(a.filled() ? a.outcome() : null) + ", " + timestamp(a.received()) + ", "
                    + timestamp(a.created()) + ", " + timestamp(a.created()) + ")");
            fixtures.nativeUpdate("INSERT INTO supplier_request (id, lender_id, requesting_agency_type,"
                    + " requesting_agency_value, borrower_id, requesting_agency_request_id, bib_title, service_type, state,"
                    + " supplied_as, reason, shipped_at, borrower_received_at, created_at, updated_at) VALUES ("
                    + nextId("ill_request_seq") + ", " + a.lender() + ", 'ISIL', '" + isilOf.get(a.borrower()) + "', "
                    + a.borrower() + ", '" + requestId + "-1', '" + titles.get(a.title()) + "', 'COPY_OR_LOAN', '"
                    + lenderState(a.outcome()) + "', " + quoted(a.filled() ? a.outcome() : null) + ", "
                    + quoted(a.reason()) + ", " + timestamp(a.shipped()) + ", " + timestamp(a.received()) + ", "
                    + timestamp(a.created()) + ", " + timestamp(a.created()) + ")");
        }
        for (MadeElsewhere m : elsewhere) {
            long requestId = nextId("ill_request_seq");
            requestIds.add(requestId);
            fixtures.nativeUpdate("INSERT INTO ill_request (id, borrower_id, reader_id, record_id, bib_title, service_type,"
                    + " state, supplied_as, received_at, created_at, updated_at) VALUES (" + requestId + ", "
                    + m.borrower() + ", " + readerOf.get(m.borrower()) + ", "
                    + (m.outcome().equals("OPEN") ? "NULL" : records.get(m.title())) + ", '" + titles.get(m.title())
                    + "', 'COPY_OR_LOAN', '" + borrowerState(m.outcome()) + "', "
                    + quoted(m.outcome().equals("LOAN") ? "LOAN" : null) + ", " + timestamp(m.received()) + ", "
                    + timestamp(m.created()) + ", " + timestamp(m.created()) + ")");
        }
        for (int i = 0; i < 24; i++) {
            long creditor = libraries.get(random.nextInt(3));
            long debtor = libraries.get((libraries.indexOf(creditor) + 1 + random.nextInt(2)) % 3);
            Fee fee = new Fee(creditor, debtor, random.nextInt(4) == 0 ? "USD" : "EUR",
                    BigDecimal.valueOf(50 + random.nextInt(2000), 2), first.plus(random.nextLong(span), ChronoUnit.MINUTES));
            fees.add(fee);
            fixtures.nativeUpdate("INSERT INTO fee_charge (id, request_id, creditor_id, debtor_id, kind, amount, currency,"
                    + " posted_at) VALUES (" + nextId("fee_charge_seq") + ", " + requestIds.get(i) + ", " + creditor + ", "
                    + debtor + ", 'LOAN', " + fee.amount() + ", '" + fee.currency() + "', " + timestamp(fee.posted()) + ")");
        }

        long execution = jobs.compileReports(List.of(ReportPeriod.QUARTER), QUARTER.plusDays(40), null);
        assertEquals(BatchStatus.COMPLETED, BatchRuns.ended(execution).getBatchStatus());
        CooperationReports.Report report = reports.reports(null, 500).stream()
                .filter(r -> r.kind() == ReportPeriod.QUARTER && r.from().equals(QUARTER) && r.scopeIsil() == null)
                .findFirst().orElseThrow();
        assertEquals(LocalDate.of(2019, 6, 30), report.until());
        assertEquals(LocalDate.of(2019, 1, 1), report.previousFrom());
        CooperationReports.Contents network = reports.read(report.id(), null);

        for (boolean current : List.of(true, false)) {
            Predicate<Instant> inPeriod = current ? at -> !at.isBefore(CURRENT) && at.isBefore(AFTER)
                    : at -> !at.isBefore(PREVIOUS) && at.isBefore(CURRENT);
            List<Asked> period = asked.stream().filter(a -> inPeriod.test(a.created())).toList();
            List<MadeElsewhere> periodElsewhere = elsewhere.stream().filter(m -> inPeriod.test(m.created())).toList();
            for (long library : libraries) {
                String isil = isilOf.get(library);
                // the library's own figures
                List<Asked> lent = period.stream().filter(a -> a.lender() == library).toList();
                List<Asked> borrowed = period.stream().filter(a -> a.borrower() == library).toList();
                List<MadeElsewhere> borrowedElsewhere = periodElsewhere.stream().filter(m -> m.borrower() == library).toList();
                List<Double> turnaround = new ArrayList<>();
                borrowed.stream().filter(a -> a.received() != null).forEach(a -> turnaround.add(seconds(a.created(), a.received())));
                borrowedElsewhere.stream().filter(m -> m.received() != null).forEach(m -> turnaround.add(seconds(m.created(), m.received())));
                CooperationReports.Figure own = figure(network, current, isil, null);
                String where = (current ? "this quarter, " : "the quarter before, ") + isil;
                assertEquals(borrowed.size() + borrowedElsewhere.size(), own.made(), where + ": made");
                assertEquals(count(borrowed, Asked::filled) + borrowedElsewhere.stream().filter(m -> m.outcome().equals("LOAN")).count(),
                        own.madeFilled(), where + ": made and filled");
                assertEquals(count(borrowed, a -> a.outcome().equals("UNFILLED"))
                        + borrowedElsewhere.stream().filter(m -> m.outcome().equals("UNFILLED")).count(), own.madeUnfilled(),
                        where + ": made and unfilled");
                assertHours(percentile(turnaround, 0.5), own.turnaroundMedianHours(), where + ": median turnaround");
                assertHours(percentile(turnaround, 0.9), own.turnaroundP90Hours(), where + ": p90 turnaround");
                assertLending(lent, own, where);
                assertEquals(count(lent, Asked::filled) - own.madeFilled(), own.balance(), where + ": balance");
                // each pair
                for (long partner : libraries) {
                    if (partner == library) {
                        continue;
                    }
                    String pairWhere = where + " with " + isilOf.get(partner);
                    List<Asked> lentTo = lent.stream().filter(a -> a.borrower() == partner).toList();
                    List<Asked> borrowedFrom = borrowed.stream().filter(a -> a.lender() == partner).toList();
                    CooperationReports.Figure pair = figure(network, current, isil, isilOf.get(partner));
                    if (lentTo.isEmpty() && borrowedFrom.isEmpty()) {
                        assertEquals(null, pair, pairWhere);
                        continue;
                    }
                    assertEquals(borrowedFrom.size(), pair.made(), pairWhere + ": made");
                    assertEquals(count(borrowedFrom, Asked::filled), pair.madeFilled(), pairWhere + ": made and filled");
                    assertEquals(count(borrowedFrom, a -> a.outcome().equals("UNFILLED")), pair.madeUnfilled(),
                            pairWhere + ": made and unfilled");
                    List<Double> pairTurnaround = borrowedFrom.stream().filter(a -> a.received() != null)
                            .map(a -> seconds(a.created(), a.received())).toList();
                    assertHours(percentile(pairTurnaround, 0.5), pair.turnaroundMedianHours(), pairWhere + ": median turnaround");
                    assertHours(percentile(pairTurnaround, 0.9), pair.turnaroundP90Hours(), pairWhere + ": p90 turnaround");
                    assertLending(lentTo, pair, pairWhere);
                    assertEquals(count(lentTo, Asked::filled) - count(borrowedFrom, Asked::filled), pair.balance(),
                            pairWhere + ": balance");
                }
            }
            // the reasons for requests not filled
            Map<String, Long> reasons = period.stream().filter(a -> a.outcome().equals("UNFILLED"))
                    .collect(Collectors.groupingBy(a -> isilOf.get(a.lender()) + ">" + isilOf.get(a.borrower()) + ":"
                            + a.reason(), TreeMap::new, Collectors.counting()));
            Map<String, Long> reported = network.unfilled().stream()
                    .filter(u -> u.current() == current && isils.contains(u.lenderIsil()))
                    .collect(Collectors.toMap(u -> u.lenderIsil() + ">" + u.borrowerIsil() + ":" + u.reason(),
                            u -> (long) u.requests(), Long::sum, TreeMap::new));
            assertEquals(reasons, reported, (current ? "this" : "the previous") + " quarter's unfilled reasons");
            // the fees
            Map<String, BigDecimal> owed = new TreeMap<>();
            Map<String, Long> feeCounts = new TreeMap<>();
            fees.stream().filter(f -> inPeriod.test(f.posted())).forEach(f -> {
                String key = isilOf.get(f.creditor()) + "<" + isilOf.get(f.debtor()) + " " + f.currency();
                owed.merge(key, f.amount(), BigDecimal::add);
                feeCounts.merge(key, 1L, Long::sum);
            });
            Map<String, BigDecimal> reportedOwed = new TreeMap<>();
            Map<String, Long> reportedCounts = new TreeMap<>();
            network.fees().stream().filter(f -> f.current() == current && isils.contains(f.creditorIsil()))
                    .forEach(f -> {
                        String key = f.creditorIsil() + "<" + f.debtorIsil() + " " + f.currency();
                        reportedOwed.put(key, f.amount());
                        reportedCounts.put(key, (long) f.fees());
                    });
            assertEquals(owed, reportedOwed, "fees owed");
            assertEquals(feeCounts, reportedCounts, "fees counted");
        }

        // the busiest titles and subjects of each library's readers this quarter
        for (long library : libraries) {
            String isil = isilOf.get(library);
            Map<String, Long> byTitle = new HashMap<>();
            Map<String, Long> bySubject = new HashMap<>();
            asked.stream().filter(a -> a.borrower() == library && !a.created().isBefore(CURRENT) && a.created().isBefore(AFTER))
                    .forEach(a -> {
                        byTitle.merge(titles.get(a.title()), 1L, Long::sum);
                        if (!a.outcome().equals("OPEN")) {
                            Arrays.stream(subjectsOf(a.title()).split(";")).map(String::strip)
                                    .forEach(s -> bySubject.merge(s, 1L, Long::sum));
                        }
                    });
            elsewhere.stream().filter(m -> m.borrower() == library && !m.created().isBefore(CURRENT) && m.created().isBefore(AFTER))
                    .forEach(m -> {
                        byTitle.merge(titles.get(m.title()), 1L, Long::sum);
                        if (!m.outcome().equals("OPEN")) {
                            Arrays.stream(subjectsOf(m.title()).split(";")).map(String::strip)
                                    .forEach(s -> bySubject.merge(s, 1L, Long::sum));
                        }
                    });
            assertEquals(ranked(byTitle), busiest(network, "TITLE", isil), isil + ": busiest titles");
            assertEquals(ranked(bySubject), busiest(network, "SUBJECT", isil), isil + ": busiest subjects");
        }

        // a library's own report holds exactly its rows of the network's; compiled again, it replaces itself; one a
        // crash left half-compiled (its parts not all in) is never shown, and goes at the next compilation
        long scope = libraries.get(0);
        long unfinished = nextId("cooperation_report_seq");
        fixtures.nativeUpdate("INSERT INTO cooperation_report (id, period_kind, period_from, period_until, previous_from,"
                + " scope_library_id, created_at) VALUES (" + unfinished + ", 'QUARTER', DATE '" + QUARTER + "', DATE '"
                + report.until() + "', DATE '" + report.previousFrom() + "', " + scope + ", now())");
        assertTrue(reports.reports(scope, 500).stream().noneMatch(r -> r.id() == unfinished), "half-compiled, shown");
        for (int run = 0; run < 2; run++) {
            assertEquals(BatchStatus.COMPLETED, BatchRuns.ended(jobs.compileReports(List.of(ReportPeriod.QUARTER), QUARTER,
                    scope)).getBatchStatus());
        }
        List<CooperationReports.Report> own = reports.reports(scope, 500).stream()
                .filter(r -> r.kind() == ReportPeriod.QUARTER && r.from().equals(QUARTER) && isilOf.get(scope).equals(r.scopeIsil()))
                .toList();
        assertEquals(1, own.size(), own.toString());
        assertEquals(List.of("1"), fixtures.strings("SELECT COUNT(*)::text FROM cooperation_report WHERE period_kind"
                + " = 'QUARTER' AND period_from = DATE '" + QUARTER + "' AND scope_library_id = " + scope),
                "the half-compiled report and the first compilation are gone");
        CooperationReports.Contents mine = reports.read(own.get(0).id(), scope);
        assertEquals(reports.read(report.id(), scope).figures(), mine.figures());
        assertEquals(reports.read(report.id(), scope).fees(), mine.fees());
        assertEquals(reports.read(report.id(), scope).unfilled(), mine.unfilled());
        assertTrue(mine.figures().stream().allMatch(f -> f.isil().equals(isilOf.get(scope))), "only its own rows");
        // another library does not see it
        assertTrue(reports.reports(libraries.get(1), 500).stream().noneMatch(r -> r.id() == own.get(0).id()));
    }

    private void assertLending(List<Asked> lent, CooperationReports.Figure figure, String where) {
        assertEquals(lent.size(), figure.received(), where + ": received");
        assertEquals(count(lent, Asked::filled), figure.filled(), where + ": filled");
        assertEquals(count(lent, a -> a.outcome().equals("UNFILLED")), figure.unfilled(), where + ": unfilled");
        assertEquals(count(lent, a -> a.outcome().equals("LOAN")), figure.loans(), where + ": loans");
        assertEquals(count(lent, a -> a.outcome().equals("COPY")), figure.copies(), where + ": copies");
        List<Double> toShip = lent.stream().filter(a -> a.shipped() != null).map(a -> seconds(a.created(), a.shipped())).toList();
        assertHours(percentile(toShip, 0.5), figure.shipMedianHours(), where + ": median time to ship");
        assertHours(percentile(toShip, 0.9), figure.shipP90Hours(), where + ": p90 time to ship");
        BigDecimal rate = lent.isEmpty() ? null : BigDecimal.valueOf(100.0 * count(lent, Asked::filled) / lent.size())
                .setScale(1, RoundingMode.HALF_UP);
        assertEquals(rate, figure.fillRate(), where + ": fill rate");
    }

    private static CooperationReports.Figure figure(CooperationReports.Contents contents, boolean current, String isil,
                                                   String partner) {
        return contents.figures().stream().filter(f -> f.current() == current && f.isil().equals(isil)
                && Objects.equals(f.partnerIsil(), partner)).findFirst().orElse(null);
    }

    private static List<String> busiest(CooperationReports.Contents contents, String kind, String isil) {
        return contents.busiest(kind).stream().filter(b -> isil.equals(b.isil()))
                .map(b -> b.rank() + " " + b.name() + " " + b.requests()).toList();
    }

    /** Ranked by requests, then by name; the first ten. */
    private static List<String> ranked(Map<String, Long> counts) {
        List<Map.Entry<String, Long>> entries = new ArrayList<>(counts.entrySet());
        entries.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < Math.min(CooperationReports.BUSIEST, entries.size()); i++) {
            lines.add((i + 1) + " " + entries.get(i).getKey() + " " + entries.get(i).getValue());
        }
        return lines;
    }

    private static String subjectsOf(int title) {
        return SUBJECTS.get(title % SUBJECTS.size()) + (title % 2 == 0 ? "; " + SUBJECTS.get((title + 1) % SUBJECTS.size()) : "");
    }

    private static long count(List<Asked> asked, Predicate<Asked> which) {
        return asked.stream().filter(which).count();
    }

    private static double seconds(Instant from, Instant to) {
        return (double) ChronoUnit.SECONDS.between(from, to);
    }

    /** PostgreSQL's percentile_cont: linear between the two nearest values; null over nothing. */
    private static Double percentile(List<Double> values, double fraction) {
        if (values.isEmpty()) {
            return null;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double position = fraction * (sorted.length - 1);
        int lower = (int) Math.floor(position);
        int upper = (int) Math.ceil(position);
        return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
    }

    /** Seconds as hours rounded to a tenth, as the report stores them. */
    private static void assertHours(Double seconds, BigDecimal reported, String what) {
        BigDecimal expected = seconds == null ? null
                : new BigDecimal(String.format(Locale.ROOT, "%.15g", seconds / 3600)).setScale(1, RoundingMode.HALF_UP);
        assertEquals(expected, reported, what);
    }

    private long nextId(String sequence) {
        return Long.parseLong(fixtures.strings("SELECT nextval('" + sequence + "')").get(0));
    }

    private static String borrowerState(String outcome) {
        return switch (outcome) {
            case "LOAN" -> "LOAN_COMPLETED";
            case "COPY" -> "COPY_COMPLETED";
            case "UNFILLED" -> "UNFILLED";
            case "CANCELLED" -> "CANCELLED";
            default -> "REQUEST_RECEIVED";
        };
    }

    private static String lenderState(String outcome) {
        return switch (outcome) {
            case "LOAN" -> "LOAN_COMPLETED";
            case "COPY" -> "COPY_COMPLETED";
            case "UNFILLED" -> "UNFILLED";
            case "CANCELLED" -> "CANCELLED";
            default -> "NEW";
        };
    }

    private static String quoted(String text) {
        return text == null ? "NULL" : "'" + text.replace("'", "''") + "'";
    }

    private static String timestamp(Instant at) {
        return at == null ? "NULL" : "TIMESTAMPTZ '" + at + "'";
    }
}
