package org.openill.it;

import jakarta.ejb.EJB;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openill.application.BorrowingService;
import org.openill.application.ClockWork;
import org.openill.application.LendingService;
import org.openill.application.RequestDetails;
import org.openill.application.RequestNeedingAttention;
import org.openill.application.RequestQueries;
import org.openill.domain.lending.SupplierAction;
import org.openill.domain.lending.SupplierEvent;
import org.openill.domain.lending.SupplierState;
import org.openill.domain.reader.ReaderCategory;
import org.openill.domain.request.BibliographicDescription;
import org.openill.domain.request.ClockFailure;
import org.openill.domain.request.LoanCondition;
import org.openill.domain.request.RequestAction;
import org.openill.domain.request.RequestState;
import org.openill.domain.request.RotaEntryStatus;
import org.openill.domain.request.ServiceType;
import org.openill.infrastructure.scheduling.LendingClock;
import org.openill.infrastructure.scheduling.SweepReport;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openill.it.Fixtures.lending;
import static org.openill.it.Fixtures.staffOf;
import static org.openill.it.Fixtures.readerOf;

/**
 * The passing of time: loans overdue by their lender's own date and readers reminded of loans due soon (the nightly
 * loan-reconciliation job), lenders that did not answer passed over (the lending clock's short sweep); each request
 * in a transaction of its own, a request they keep failing on left to staff, and one server at a time.
 */
@ExtendWith(ArquillianExtension.class)
class LendingClockIT {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.builtEarWith(LendingClockIT.class, Fixtures.class, BatchRuns.class);
    }

    @EJB
    LendingClock clock;

    @EJB
    ClockWork clockWork;

    @EJB
    org.openill.infrastructure.batch.BatchJobs jobs;

    @EJB
    BorrowingService borrowing;

    @EJB
    LendingService lending;

    @EJB
    RequestQueries queries;

    @EJB
    Fixtures fixtures;

    /** A day a month ahead, so that no loan of the test is due by the real clock. */
    private final LocalDate dueDay = LocalDate.now(ZoneOffset.UTC).plusDays(30);

    /** A request and the barcode of the one copy of its book. */
    private record Asked(long id, String barcode) {
    }

    /** A loan request of a new reader of the borrower, sent to the lender, the only library holding the book. */
    private Asked loanRequestTo(String lender, String borrower) {
        Asked validated = validatedLoanRequestFor(lender, borrower);
        assertTrue(borrowing.route(fixtures.borrowingOffice(validated.id()), validated.id(), null));
        return validated;
    }

    /** A validated loan request of a new reader of the borrower for a new book only the lender holds. */
    private Asked validatedLoanRequestFor(String lender, String borrower) {
        List<String> book = fixtures.newBookHeldAt(lender + "/OPEN");
        String card = fixtures.newReader(borrower, ReaderCategory.FACULTY);
        long id = borrowing.apply(readerOf(borrower, card), Long.parseLong(book.get(0)),
                BibliographicDescription.titled("Test Book").by("Tester, Tina").build(), ServiceType.LOAN);
        borrowing.validate(fixtures.borrowingOffice(id), id, null);
        return new Asked(id, book.get(1));
    }

    /** A loan the lender shipped to the borrower, falling due on the day given. */
    private long loanDueOn(LocalDate due, String lender, String borrower) {
        Asked asked = loanRequestTo(lender, borrower);
        lending.shipLoan(staffOf(lender), fixtures.lendingRecordOf(asked.id()), asked.barcode());
        fixtures.loanFallsDueOn(asked.id(), due);
        return asked.id();
    }

    private String lenderWithAgreementTo(String borrower, ZoneId zone) {
        String lender = fixtures.newLibraryIn(zone);
        fixtures.agreement(lending(lender).to(borrower));
        return lender;
    }

    private static Instant startOf(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toInstant();
    }

    /** Runs the nightly loan reconciliation as of the instant, to its end. */
    private void reconcile(Instant asOf) {
        try {
            jakarta.batch.runtime.JobExecution run = BatchRuns.ended(jobs.start("loan-reconciliation", asOf));
            assertEquals(jakarta.batch.runtime.BatchStatus.COMPLETED, run.getBatchStatus(), run.getExitStatus());
        } catch (InterruptedException interrupted) {
            throw new AssertionError(interrupted);
        }
    }

    private long reminders(long requestId) {
        return fixtures.notificationsOf(requestId).stream().filter(text -> text.startsWith("DUE_SOON: ")).count();
    }

    private long overdueMarks(long requestId) {
        return queries.details(requestId).audit().stream()
                .filter(line -> line.action() == RequestAction.MARK_OVERDUE).count();
    }

    @Test
    void aReaderIsRemindedOnceThreeDaysBeforeTheLoanIsDue() {
        ZoneId utc = ZoneOffset.UTC;
        String borrower = fixtures.newLibraryIn(utc);
        long loan = loanDueOn(dueDay, lenderWithAgreementTo(borrower, utc), borrower);

        reconcile(startOf(dueDay.minusDays(4), utc));
        assertEquals(0, reminders(loan), "too early");
        reconcile(startOf(dueDay.minusDays(3), utc));
        assertEquals(1, reminders(loan));
        reconcile(startOf(dueDay.minusDays(2), utc));
        assertEquals(1, reminders(loan), "once");

        List<String> told = fixtures.notificationsOf(loan).stream().filter(text -> text.startsWith("DUE_SOON: "))
                .toList();
        assertEquals(1, told.size(), fixtures.notificationsOf(loan).toString());
        assertTrue(told.get(0).contains("is due back on " + java.time.format.DateTimeFormatter.ofLocalizedDate(
                java.time.format.FormatStyle.LONG).withLocale(java.util.Locale.ENGLISH).format(dueDay)), told.get(0));
    }

    @Test
    void eachLoanFallsOverdueAtItsLendersMidnight() {
        String borrower = fixtures.newLibrary();
        String auckland = lenderWithAgreementTo(borrower, ZoneId.of("Pacific/Auckland"));
        String losAngeles = lenderWithAgreementTo(borrower, ZoneId.of("America/Los_Angeles"));
        long fromAuckland = loanDueOn(dueDay, auckland, borrower);
        long fromLosAngeles = loanDueOn(dueDay, losAngeles, borrower);

        Instant aucklandsNextDay = startOf(dueDay.plusDays(1), ZoneId.of("Pacific/Auckland")).plusSeconds(60);
        reconcile(aucklandsNextDay);
        assertEquals(SupplierState.OVERDUE, fixtures.lendingStateOf(fromAuckland));
        assertEquals(RequestState.OVERDUE, queries.details(fromAuckland).state(), "the lender's message says so");
        assertEquals(SupplierState.LOANED, fixtures.lendingStateOf(fromLosAngeles),
                "still the due date in Los Angeles, though the same day ended in Auckland");
        assertEquals(RequestState.LOANED, queries.details(fromLosAngeles).state());
        List<SupplierEvent> history = fixtures.lendingHistoryOf(fromAuckland);
        SupplierEvent marked = history.get(history.size() - 1);
        assertEquals(SupplierAction.MARK_OVERDUE, marked.action());
        assertEquals(org.openill.infrastructure.batch.ReconciliationWork.JOB.text(), marked.actor());
        assertEquals(aucklandsNextDay, marked.occurredAt());
        assertEquals("Overdue since " + dueDay, marked.message());

        Instant losAngelesNextDay = startOf(dueDay.plusDays(1), ZoneId.of("America/Los_Angeles")).plusSeconds(60);
        reconcile(losAngelesNextDay.minusSeconds(120));
        assertEquals(SupplierState.LOANED, fixtures.lendingStateOf(fromLosAngeles), "a minute before midnight there");
        reconcile(losAngelesNextDay);
        assertEquals(SupplierState.OVERDUE, fixtures.lendingStateOf(fromLosAngeles));
        assertEquals(RequestState.OVERDUE, queries.details(fromLosAngeles).state());
    }

    @Test
    void aLoanSomeoneIsChangingDoesNotStopTheOthersAndIsLeftToStaffAfterRepeatedFailures() throws Exception {
        String borrower = fixtures.newLibrary();
        String lender = lenderWithAgreementTo(borrower, BERLIN);
        long before = fixtures.lendingRecordOf(loanDueOn(dueDay, lender, borrower));
        long busyLoan = loanDueOn(dueDay, lender, borrower);
        long busy = fixtures.lendingRecordOf(busyLoan);
        long after = fixtures.lendingRecordOf(loanDueOn(dueDay, lender, borrower));
        Instant night = startOf(dueDay.plusDays(1), BERLIN).plusSeconds(300);

        try (OtherTransaction staff = new OtherTransaction()) {
            staff.isChangingLendingRecord(busy);
            reconcile(night);
            assertEquals(SupplierState.OVERDUE, fixtures.lendingState(before));
            assertEquals(SupplierState.OVERDUE, fixtures.lendingState(after));
            assertEquals(SupplierState.LOANED, fixtures.lendingState(busy));
            assertEquals(RequestState.LOANED, queries.details(busyLoan).state(), "the borrower was told nothing");
            ClockFailure trouble = fixtures.clockFailureOf(busy);
            assertEquals(1, trouble.consecutiveFailures());
            assertFalse(trouble.needsAttention());
            assertEquals(RequestAction.MARK_OVERDUE, trouble.step());
            assertEquals("Lending record #" + busy + " is being changed in another transaction right now",
                    trouble.lastError());

            for (int round = 2; round < ClockFailure.FAILURES_BEFORE_STAFF_LOOK; round++) {
                reconcile(night.plusSeconds(600L * round));
                assertEquals(round, fixtures.clockFailureOf(busy).consecutiveFailures());
                assertFalse(fixtures.clockFailureOf(busy).needsAttention());
            }
            reconcile(night.plusSeconds(3600));
            trouble = fixtures.clockFailureOf(busy);
            assertTrue(trouble.needsAttention());
            assertEquals(ClockFailure.FAILURES_BEFORE_STAFF_LOOK, trouble.consecutiveFailures());
            assertTrue(trouble.reason().startsWith("The clock failed 3 time(s) in a row to mark overdue"),
                    trouble.reason());

            reconcile(night.plusSeconds(7200));
            assertEquals(ClockFailure.FAILURES_BEFORE_STAFF_LOOK, fixtures.clockFailureOf(busy).consecutiveFailures(),
                    "a record left to staff is not tried again and again");
        }
        reconcile(night.plusSeconds(7800));
        assertEquals(SupplierState.LOANED, fixtures.lendingState(busy),
                "not even once nobody holds it any more, until staff let the clock try again");
        List<RequestNeedingAttention> lenderList = queries.needingAttention(lender);
        assertEquals(List.of(busy), lenderList.stream().map(RequestNeedingAttention::requestId).toList(),
                "the lender's own record is on its list of work");
        assertEquals("LOANED", lenderList.get(0).state());
        assertTrue(lenderList.get(0).reason().startsWith("The clock failed 3 time(s) in a row to mark overdue"),
                lenderList.get(0).reason());
        assertEquals(List.of(), queries.needingAttention(borrower), "the borrower's request is not stuck");

        clockWork.letTryAgain(staffOf(lender), busy);
        reconcile(night.plusSeconds(8400));
        assertEquals(SupplierState.OVERDUE, fixtures.lendingState(busy));
        assertEquals(RequestState.OVERDUE, queries.details(busyLoan).state());
        assertNull(fixtures.clockFailureOf(busy));
        assertEquals(List.of(), queries.needingAttention(lender));
    }

    @Test
    void aRequestTheClockFailedOnOnceIsClearOnceItSucceeds() throws Exception {
        String borrower = fixtures.newLibrary();
        String lender = lenderWithAgreementTo(borrower, BERLIN);
        long loan = fixtures.lendingRecordOf(loanDueOn(dueDay, lender, borrower));
        Instant night = startOf(dueDay.plusDays(1), BERLIN).plusSeconds(300);
        try (OtherTransaction staff = new OtherTransaction()) {
            staff.isChangingLendingRecord(loan);
            reconcile(night);
        }
        assertEquals(1, fixtures.clockFailureOf(loan).consecutiveFailures());
        reconcile(night.plusSeconds(600));
        assertEquals(SupplierState.OVERDUE, fixtures.lendingState(loan));
        assertNull(fixtures.clockFailureOf(loan));
    }

    @Test
    void lendersThatDidNotAnswerArePassedOverEachRequestOnItsOwn() throws Exception {
        String borrower = fixtures.newLibrary();
        String lender = lenderWithAgreementTo(borrower, BERLIN);
        long silent = loanRequestTo(lender, borrower).id();
        long busy = loanRequestTo(lender, borrower).id();
        Instant dayLater = Instant.now().plus(Duration.ofHours(25));
        try (OtherTransaction staff = new OtherTransaction()) {
            staff.isChanging(busy);
            SweepReport report = clock.moveOnPastDeadlines(dayLater);
            assertTrue(report.done().contains(silent), report.summary());
            assertEquals(List.of(busy), report.failed());
        }
        RequestDetails movedOn = queries.details(silent);
        assertEquals(RotaEntryStatus.NO_ANSWER, movedOn.rota().get(0).status());
        assertEquals(RequestState.UNFILLED, movedOn.state(), "no other lender holds the book");
        RequestDetails held = queries.details(busy);
        assertEquals(RequestState.REQUEST_RECEIVED, held.state());
        assertEquals(RequestAction.NO_ANSWER, held.clockTrouble().step());
        assertEquals(1, held.clockTrouble().consecutiveFailures());
    }

    @Test
    void aPromiseToSupplyNotKeptWithinTheResponseTimeFreesTheLendersSlot() {
        String borrower = fixtures.newLibrary();
        String lender = fixtures.newLibrary();
        fixtures.agreement(lending(lender).to(borrower).maxOutstanding(1));
        long promised = loanRequestTo(lender, borrower).id();
        long promisedRecord = fixtures.lendingRecordOf(promised);
        lending.willSupply(staffOf(lender), promisedRecord);
        Instant promisedAt = Instant.now();

        assertFalse(clock.moveOnPastDeadlines(promisedAt.plus(Duration.ofHours(23))).done().contains(promised));
        assertEquals(RequestState.WILL_SUPPLY, queries.details(promised).state());
        assertEquals(SupplierState.WILL_SUPPLY, fixtures.lendingState(promisedRecord));
        SweepReport report = clock.moveOnPastDeadlines(promisedAt.plus(Duration.ofHours(25)));
        assertTrue(report.done().contains(promised), report.summary());
        RequestDetails movedOn = queries.details(promised);
        assertEquals(RotaEntryStatus.NO_ANSWER, movedOn.rota().get(0).status());
        assertTrue(movedOn.rota().get(0).reason().startsWith("promised to supply, nothing shipped by "),
                movedOn.rota().get(0).reason());
        assertEquals(RequestState.UNFILLED, movedOn.state(), "no other lender holds the book");
        List<String> told = fixtures.notificationsOf(promised);
        assertTrue(told.get(told.size() - 1).startsWith("REQUEST_UNFILLED"), told.toString());
        assertEquals(SupplierState.CANCELLED, fixtures.lendingState(promisedRecord), "the lender is told to cancel");
        long next = validatedLoanRequestFor(lender, borrower).id();
        assertTrue(borrowing.route(staffOf(borrower), next, null),
                "the lender's only outstanding slot is free again");
    }

    @Test
    void aLenderThatExpectsToSupplyAndSaysNothingMoreIsPassedOver() {
        String borrower = fixtures.newLibrary();
        String lender = lenderWithAgreementTo(borrower, BERLIN);
        long expected = loanRequestTo(lender, borrower).id();
        long expectedRecord = fixtures.lendingRecordOf(expected);
        lending.expectToSupply(staffOf(lender), expectedRecord);
        Instant answeredAt = Instant.now();
        assertFalse(clock.moveOnPastDeadlines(answeredAt.plus(Duration.ofHours(23))).done().contains(expected));
        assertTrue(clock.moveOnPastDeadlines(answeredAt.plus(Duration.ofHours(25))).done().contains(expected));
        RequestDetails movedOn = queries.details(expected);
        assertEquals(RotaEntryStatus.NO_ANSWER, movedOn.rota().get(0).status());
        assertTrue(movedOn.rota().get(0).reason().startsWith("expected to supply, no further answer by "),
                movedOn.rota().get(0).reason());
        assertEquals(SupplierState.CANCELLED, fixtures.lendingState(expectedRecord), "the lender is told to cancel");
    }

    @Test
    void conditionsTheReaderDoesNotAnswerInTimeMoveTheRequestOn() {
        String borrower = fixtures.newLibrary();
        String lender = lenderWithAgreementTo(borrower, BERLIN);
        long id = loanRequestTo(lender, borrower).id();
        lending.retryPossible(staffOf(lender), fixtures.lendingRecordOf(id), null,
                Set.of(LoanCondition.LIBRARY_USE_ONLY), null, null);
        borrowing.acceptConditions(fixtures.borrowingOffice(id), id, null);
        Instant askedAt = Instant.now();
        assertEquals(RequestState.AWAITING_READER_CONSENT, queries.details(id).state());

        assertFalse(clock.moveOnPastDeadlines(askedAt.plus(Duration.ofHours(23))).done().contains(id));
        assertTrue(clock.catchUp(askedAt.plus(Duration.ofHours(25))).get(0).done().contains(id));
        RequestDetails movedOn = queries.details(id);
        assertEquals(RotaEntryStatus.CONDITIONS_DECLINED, movedOn.rota().get(0).status());
        assertTrue(movedOn.rota().get(0).reason().startsWith("conditions LibraryUseOnly not answered by the reader by "),
                movedOn.rota().get(0).reason());
        assertEquals(RequestState.UNFILLED, movedOn.state());
        RequestDetails.AuditLine last = movedOn.audit().get(movedOn.audit().size() - 1);
        assertEquals("system", last.actor());
        assertEquals(RequestAction.EXHAUST_ROTA, last.action());
    }

    @Test
    void startUpCatchesUpOnWhatFellDueWhileTheServerWasDown() {
        String borrower = fixtures.newLibrary();
        String lender = lenderWithAgreementTo(borrower, BERLIN);
        long loan = loanDueOn(dueDay, lender, borrower);
        long waiting = loanRequestTo(lender, borrower).id();
        Instant backUp = startOf(dueDay.plusDays(3), BERLIN);

        List<SweepReport> reports = clock.catchUp(backUp);
        assertTrue(reports.stream().allMatch(SweepReport::ran), reports.toString());
        assertEquals(RotaEntryStatus.NO_ANSWER, queries.details(waiting).rota().get(0).status());
        assertEquals(SupplierState.LOANED, fixtures.lendingStateOf(loan), "overdue is the nightly job's");
        reconcile(backUp);
        assertEquals(SupplierState.OVERDUE, fixtures.lendingStateOf(loan));
        assertEquals(RequestState.OVERDUE, queries.details(loan).state());
    }

    @Test
    void sweepDoesNothingWhileAnotherServerHoldsItsLock() throws Exception {
        String borrower = fixtures.newLibrary();
        String lender = lenderWithAgreementTo(borrower, BERLIN);
        long waiting = loanRequestTo(lender, borrower).id();
        Instant later = startOf(dueDay.plusDays(1), BERLIN).plusSeconds(60);

        try (OtherTransaction otherServer = new OtherTransaction()) {
            otherServer.holdsClockLock(LendingClock.Sweep.PAST_DEADLINES);
            for (SweepReport report : clock.catchUp(later)) {
                assertFalse(report.ran());
                assertTrue(report.summary().contains("not run: another server holds its lock"), report.summary());
            }
            assertEquals(RotaEntryStatus.ASKED, queries.details(waiting).rota().get(0).status());
        }
        assertTrue(clock.moveOnPastDeadlines(later).done().contains(waiting));
    }

    /** A transaction of another server or of staff, open on a connection of its own while the test runs the clock. */
    private static final class OtherTransaction implements AutoCloseable {

        private final Connection connection;

        OtherTransaction() throws SQLException, NamingException {
            DataSource dataSource = InitialContext.doLookup("java:jboss/datasources/IllDS");
            connection = dataSource.getConnection();
            connection.setAutoCommit(false);
        }

        /** Someone is changing the request: it is written, and locked until this transaction ends. */
        void isChanging(long requestId) throws SQLException {
            run("UPDATE ill_request SET version = version + 1 WHERE id = ?", requestId);
        }

        /** The lender's staff are changing its record of a request: locked until this transaction ends. */
        void isChangingLendingRecord(long lendingRecordId) throws SQLException {
            run("UPDATE supplier_request SET version = version + 1 WHERE id = ?", lendingRecordId);
        }

        /** Another server is sweeping: it holds the sweep's advisory lock until this transaction ends. */
        void holdsClockLock(LendingClock.Sweep sweep) throws SQLException {
            run("SELECT pg_advisory_xact_lock(?)", sweep.lockKey());
        }

        private void run(String sql, long parameter) throws SQLException {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setLong(1, parameter);
                statement.execute();
            }
        }

        @Override
        public void close() throws SQLException {
            try {
                connection.rollback();
            } finally {
                connection.close();
            }
        }
    }
}
