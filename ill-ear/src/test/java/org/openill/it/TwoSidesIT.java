package org.openill.it;

import jakarta.ejb.EJB;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openill.application.BorrowingService;
import org.openill.application.LendingService;
import org.openill.application.RequestQueries;
import org.openill.application.protocol.Iso18626Inbox;
import org.openill.domain.lending.SupplierState;
import org.openill.domain.reader.ReaderCategory;
import org.openill.domain.request.BibliographicDescription;
import org.openill.domain.request.LoanCondition;
import org.openill.domain.request.RequestState;
import org.openill.domain.request.ServiceType;
import org.openill.infrastructure.iso18626.Iso18626Codec;
import org.openill.infrastructure.iso18626.Iso18626Version;
import org.openill.infrastructure.iso18626.ReadResult;
import org.openill.infrastructure.scheduling.LendingClock;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openill.it.Fixtures.lending;
import static org.openill.it.Fixtures.readerOf;
import static org.openill.it.Fixtures.staffOf;

/**
 * Full cycles between two libraries hosted here, each keeping its own record of the request, through ISO 18626
 * messages only: each test asserts the state of both records and the messages in both protocol logs, and every
 * message either side produced validates against the 2021 schema.
 */
@ExtendWith(ArquillianExtension.class)
class TwoSidesIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.builtEarWith(TwoSidesIT.class, Fixtures.class);
    }

    @EJB
    BorrowingService borrowing;

    @EJB
    LendingService lending;

    @EJB
    RequestQueries queries;

    @EJB
    Fixtures fixtures;

    @EJB
    LendingClock clock;

    @EJB
    Iso18626Inbox inbox;

    /** A borrower, its reader, one or more lenders holding the book (in rota order), and the request sent. */
    private final class Loan {
        final String borrower = fixtures.newLibrary();
        final List<String> lenders;
        final List<String> book;
        final String card;
        final long id;

        Loan(ServiceType service, int lenderCount) {
            lenders = java.util.stream.IntStream.range(0, lenderCount).mapToObj(i -> fixtures.newLibrary()).toList();
            for (int i = 0; i < lenderCount; i++) {
                fixtures.agreement(lending(lenders.get(i)).to(borrower).priority(i + 1));
            }
            book = fixtures.newBookHeldAt(lenders.stream().map(isil -> isil + "/OPEN").toArray(String[]::new));
            card = fixtures.newReader(borrower, ReaderCategory.POSTGRADUATE);
            BibliographicDescription.Builder description = BibliographicDescription.titled("Two Sides")
                    .by("Tester, Tina");
            if (service != ServiceType.LOAN) {
                description.part("Chapter two", null, null, null, "21-40");
            }
            id = borrowing.apply(readerOf(borrower, card), Long.parseLong(book.get(0)), description.build(), service);
            borrowing.validate(fixtures.borrowingOffice(id), id, null);
            borrowing.route(fixtures.borrowingOffice(id), id, null);
        }

        String lender() {
            return lenders.get(0);
        }

        long record() {
            return fixtures.lendingRecordOf(id);
        }

        RequestState borrowerState() {
            return queries.details(id).state();
        }

        SupplierState lenderState() {
            return fixtures.lendingStateOf(id);
        }

        void bothAre(RequestState borrowers, SupplierState lenders) {
            assertEquals(borrowers, borrowerState(), "the borrowing library's record");
            assertEquals(lenders, lenderState(), "the lending library's record");
        }

        /** Both logs hold the lines given, in order (other lines may come between). */
        void logged(List<String> borrowerLines, List<String> lenderLines) {
            assertInOrder(borrowerLines, fixtures.borrowerProtocolOf(id));
            assertInOrder(lenderLines, fixtures.lenderProtocolOf(id));
            for (String xml : fixtures.protocolXmlOf(id)) {
                ReadResult read = Iso18626Codec.read(xml);
                ReadResult.Accepted accepted = assertInstanceOf(ReadResult.Accepted.class, read, xml);
                assertEquals(Iso18626Version.V2021, accepted.version(), xml);
            }
        }
    }

    private static void assertInOrder(List<String> expected, List<String> actual) {
        int at = 0;
        for (String line : expected) {
            while (at < actual.size() && !actual.get(at).startsWith(line)) {
                at++;
            }
            assertTrue(at < actual.size(), "expected \"" + line + "\" in order in " + actual);
            at++;
        }
    }

    @Test
    void aLoanGoesOutIsRenewedOnceRefusedOnceAndComesBackWithShippedReturn() {
        Loan loan = new Loan(ServiceType.LOAN, 1);
        loan.bothAre(RequestState.REQUEST_RECEIVED, SupplierState.NEW);
        lending.willSupply(staffOf(loan.lender()), loan.record());
        loan.bothAre(RequestState.WILL_SUPPLY, SupplierState.WILL_SUPPLY);
        LocalDate due = lending.shipLoan(staffOf(loan.lender()), loan.record(), loan.book.get(1));
        loan.bothAre(RequestState.LOANED, SupplierState.LOANED);
        assertEquals(due, queries.details(loan.id).dueDate(), "the borrower has the due date the lender set");
        borrowing.receive(fixtures.borrowingOffice(loan.id), loan.id, null);

        borrowing.requestRenewal(readerOf(loan.borrower, loan.card), loan.id);
        LocalDate renewed = lending.approveRenewal(staffOf(loan.lender()), loan.record());
        assertEquals(due.plusDays(21), renewed);
        assertEquals(renewed, queries.details(loan.id).dueDate());
        borrowing.requestRenewal(readerOf(loan.borrower, loan.card), loan.id);
        lending.denyRenewal(staffOf(loan.lender()), loan.record(), "wanted here");
        assertEquals(renewed, queries.details(loan.id).dueDate(), "a refused renewal keeps the due date");

        borrowing.shipBack(fixtures.borrowingOffice(loan.id), loan.id, null);
        loan.bothAre(RequestState.SHIPPED_BACK, SupplierState.RETURN_SHIPPED);
        lending.checkIn(staffOf(loan.lender()), loan.record());
        loan.bothAre(RequestState.LOAN_COMPLETED, SupplierState.LOAN_COMPLETED);
        assertEquals("AVAILABLE", fixtures.circulationStatus(loan.book.get(1)));
        loan.logged(List.of("OUT request New Loan", "IN requestConfirmation OK",
                        "IN supplyingAgencyMessage RequestResponse: WillSupply",
                        "IN supplyingAgencyMessage StatusChange: Loaned", "OUT requestingAgencyMessage Received",
                        "OUT requestingAgencyMessage Renew", "IN supplyingAgencyMessage RenewResponse: Loaned (Y)",
                        "OUT requestingAgencyMessage Renew", "IN supplyingAgencyMessage RenewResponse: Loaned (N)",
                        "OUT requestingAgencyMessage ShippedReturn",
                        "IN supplyingAgencyMessage StatusChange: LoanCompleted"),
                List.of("IN request New Loan", "OUT requestConfirmation OK",
                        "OUT supplyingAgencyMessage RequestResponse: WillSupply", "IN requestingAgencyMessage Received",
                        "IN requestingAgencyMessage ShippedReturn", "OUT supplyingAgencyMessage StatusChange: LoanCompleted"));
    }

    @Test
    void theLenderChecksTheItemInWithoutTheBorrowersShippedReturn() {
        Loan loan = new Loan(ServiceType.LOAN, 1);
        lending.shipLoan(staffOf(loan.lender()), loan.record(), loan.book.get(1));
        lending.checkIn(staffOf(loan.lender()), loan.record());
        loan.bothAre(RequestState.LOAN_COMPLETED, SupplierState.LOAN_COMPLETED);
        loan.logged(List.of("IN supplyingAgencyMessage RequestResponse: Loaned",
                        "IN supplyingAgencyMessage StatusChange: LoanCompleted"),
                List.of("OUT supplyingAgencyMessage StatusChange: LoanCompleted"));
    }

    @Test
    void aRecallBringsTheDueDateForwardOnBothSidesAndNeverLengthensTheLoan() {
        Loan loan = new Loan(ServiceType.LOAN, 1);
        LocalDate due = lending.shipLoan(staffOf(loan.lender()), loan.record(), loan.book.get(1));
        LocalDate recalled = lending.recall(staffOf(loan.lender()), loan.record(), 5, "needed for a course");
        assertTrue(recalled.isBefore(due));
        loan.bothAre(RequestState.RECALLED, SupplierState.RECALLED);
        assertEquals(recalled, queries.details(loan.id).dueDate());
        assertEquals(recalled, lending.recall(staffOf(loan.lender()), loan.record(), 60, "again"),
                "a later recall date never lengthens the loan");
        assertEquals(recalled, queries.details(loan.id).dueDate());
        loan.logged(List.of("IN supplyingAgencyMessage StatusChange: Recalled"),
                List.of("OUT supplyingAgencyMessage StatusChange: Recalled"));
    }

    @Test
    void aLostItemEndsBothRecordsWithoutReturn() {
        Loan loan = new Loan(ServiceType.LOAN, 1);
        lending.shipLoan(staffOf(loan.lender()), loan.record(), loan.book.get(1));
        borrowing.reportLost(fixtures.borrowingOffice(loan.id), loan.id, null, "left on a train");
        loan.bothAre(RequestState.COMPLETED_WITHOUT_RETURN, SupplierState.COMPLETED_WITHOUT_RETURN);
        assertEquals("MISSING", fixtures.circulationStatus(loan.book.get(1)));
        loan.logged(List.of("OUT requestingAgencyMessage Lost",
                        "IN supplyingAgencyMessage StatusChange: CompletedWithoutReturn"),
                List.of("IN requestingAgencyMessage Lost", "OUT supplyingAgencyMessage StatusChange: CompletedWithoutReturn"));
    }

    @Test
    void theLenderClosesALoanThatWillNotComeBack() {
        Loan loan = new Loan(ServiceType.LOAN, 1);
        lending.shipLoan(staffOf(loan.lender()), loan.record(), loan.book.get(1));
        lending.completeWithoutReturn(staffOf(loan.lender()), loan.record(), "a year overdue");
        loan.bothAre(RequestState.COMPLETED_WITHOUT_RETURN, SupplierState.COMPLETED_WITHOUT_RETURN);
    }

    @Test
    void aCopyIsDeliveredAndBothRecordsAreComplete() {
        Loan copy = new Loan(ServiceType.COPY, 1);
        lending.deliverCopy(staffOf(copy.lender()), copy.record(), copy.book.get(1), null);
        copy.bothAre(RequestState.COPY_COMPLETED, SupplierState.COPY_COMPLETED);
        copy.logged(List.of("OUT request New Copy", "IN supplyingAgencyMessage RequestResponse: CopyCompleted"),
                List.of("IN request New Copy", "OUT supplyingAgencyMessage RequestResponse: CopyCompleted"));
    }

    @Test
    void aCancellationBeforeShippingIsAnsweredYes() {
        Loan loan = new Loan(ServiceType.LOAN, 1);
        lending.willSupply(staffOf(loan.lender()), loan.record());
        borrowing.cancel(readerOf(loan.borrower, loan.card), loan.id, null, "found it elsewhere");
        loan.bothAre(RequestState.CANCELLED, SupplierState.CANCELLED);
        loan.logged(List.of("OUT requestingAgencyMessage Cancel", "IN supplyingAgencyMessage CancelResponse: Cancelled (Y)"),
                List.of("IN requestingAgencyMessage Cancel", "OUT supplyingAgencyMessage CancelResponse: Cancelled (Y)"));
    }

    @Test
    void aCancellationAfterShippingIsAnsweredNo() {
        Loan loan = new Loan(ServiceType.LOAN, 1);
        lending.shipLoan(staffOf(loan.lender()), loan.record(), loan.book.get(1));
        // the borrower's system asks to cancel anyway (its Cancel crossed the lender's Loaned)
        String confirmation = inbox.receive(Iso18626Codec.toXml(org.openill.application.protocol.ProtocolMessages.action(
                new org.openill.infrastructure.iso18626.Iso18626Messages.TransactionIds(
                        org.openill.domain.library.AgencyId.isil(loan.borrower),
                        org.openill.domain.library.AgencyId.isil(loan.lender()), loan.id + "-1", null),
                org.openill.iso18626.v2021.TypeAction.CANCEL, null, Instant.now())));
        assertTrue(confirmation.contains("OK"), confirmation);
        loan.bothAre(RequestState.LOANED, SupplierState.LOANED);
        loan.logged(List.of("IN supplyingAgencyMessage CancelResponse: Loaned (N)"),
                List.of("IN requestingAgencyMessage Cancel", "OUT supplyingAgencyMessage CancelResponse: Loaned (N)"));
    }

    @Test
    void afterRetryPossibleTheBorrowerSendsTheRequestAgainAsARetry() {
        Loan loan = new Loan(ServiceType.LOAN, 1);
        long record = loan.record();
        lending.retryPossible(staffOf(loan.lender()), record, "at the bindery until Friday", Set.of(), null,
                Instant.now().plus(Duration.ofDays(7)));
        loan.bothAre(RequestState.RETRY_POSSIBLE, SupplierState.RETRY_POSSIBLE);
        borrowing.retry(fixtures.borrowingOffice(loan.id), loan.id, null);
        assertEquals(record, loan.record(), "the retry reaches the same lending record, under the new request id");
        loan.bothAre(RequestState.REQUEST_RECEIVED, SupplierState.NEW);
        loan.logged(List.of("OUT request New Loan", "IN supplyingAgencyMessage RequestResponse: RetryPossible",
                        "OUT request Retry Loan"),
                List.of("IN request New Loan", "OUT supplyingAgencyMessage RequestResponse: RetryPossible",
                        "IN request Retry Loan"));
    }

    @Test
    void conditionsAcceptedByTheOfficeAreTheLoansConditions() {
        Loan loan = new Loan(ServiceType.LOAN, 1);
        lending.retryPossible(staffOf(loan.lender()), loan.record(), null, Set.of(LoanCondition.OTHER),
                new BigDecimal("5.00"), null);
        loan.bothAre(RequestState.CONDITIONS_PROPOSED, SupplierState.RETRY_POSSIBLE);
        borrowing.acceptConditions(fixtures.borrowingOffice(loan.id), loan.id, null);
        loan.bothAre(RequestState.REQUEST_RECEIVED, SupplierState.NEW);
        lending.shipLoan(staffOf(loan.lender()), loan.record(), loan.book.get(1));
        loan.bothAre(RequestState.LOANED, SupplierState.LOANED);
    }

    @Test
    void conditionsThatConcernTheReaderAreAcceptedOrDeclinedByTheReader() {
        Loan accepted = new Loan(ServiceType.LOAN, 1);
        lending.retryPossible(staffOf(accepted.lender()), accepted.record(), null,
                Set.of(LoanCondition.LIBRARY_USE_ONLY), null, null);
        borrowing.acceptConditions(fixtures.borrowingOffice(accepted.id), accepted.id, null);
        accepted.bothAre(RequestState.AWAITING_READER_CONSENT, SupplierState.RETRY_POSSIBLE);
        borrowing.readerAnswersConditions(readerOf(accepted.borrower, accepted.card), accepted.id, true);
        accepted.bothAre(RequestState.REQUEST_RECEIVED, SupplierState.NEW);

        Loan declined = new Loan(ServiceType.LOAN, 2);
        long firstRecord = declined.record();
        lending.retryPossible(staffOf(declined.lender()), firstRecord, null, Set.of(LoanCondition.LIBRARY_USE_ONLY),
                null, null);
        borrowing.acceptConditions(fixtures.borrowingOffice(declined.id), declined.id, null);
        borrowing.readerAnswersConditions(readerOf(declined.borrower, declined.card), declined.id, false);
        assertEquals(RequestState.REQUEST_RECEIVED, declined.borrowerState(), "the next lender is asked");
        assertEquals(declined.lenders.get(1), queries.details(declined.id).lenderIsil());
        assertEquals(SupplierState.NEW, declined.lenderState());
        assertEquals(SupplierState.CANCELLED, fixtures.lendingState(firstRecord),
                "the first lender was told to cancel, and did");
    }

    @Test
    void conditionsDeclinedByTheOfficeMoveTheRequestOn() {
        Loan loan = new Loan(ServiceType.LOAN, 2);
        long firstRecord = loan.record();
        lending.retryPossible(staffOf(loan.lender()), firstRecord, null, Set.of(), new BigDecimal("30.00"), null);
        borrowing.declineConditions(fixtures.borrowingOffice(loan.id), loan.id, null, "too dear");
        assertEquals(loan.lenders.get(1), queries.details(loan.id).lenderIsil());
        loan.bothAre(RequestState.REQUEST_RECEIVED, SupplierState.NEW);
        assertEquals(SupplierState.CANCELLED, fixtures.lendingState(firstRecord));
    }

    @Test
    void unfilledMovesTheRequestOnAlongTheRota() {
        Loan loan = new Loan(ServiceType.LOAN, 2);
        long firstRecord = loan.record();
        lending.unfilled(staffOf(loan.lender()), firstRecord, "missing from the shelf");
        assertEquals(SupplierState.UNFILLED, fixtures.lendingState(firstRecord));
        assertEquals(loan.lenders.get(1), queries.details(loan.id).lenderIsil());
        loan.bothAre(RequestState.REQUEST_RECEIVED, SupplierState.NEW);
        lending.unfilled(staffOf(loan.lenders.get(1)), loan.record(), null);
        assertEquals(RequestState.UNFILLED, loan.borrowerState());
    }

    @Test
    void aLenderThatLetsItsDeadlinePassIsLeftAndToldToCancel() {
        Loan loan = new Loan(ServiceType.LOAN, 2);
        long firstRecord = loan.record();
        lending.expectToSupply(staffOf(loan.lender()), firstRecord);
        clock.moveOnPastDeadlines(Instant.now().plus(Duration.ofHours(25)));
        assertEquals(loan.lenders.get(1), queries.details(loan.id).lenderIsil());
        assertEquals(RequestState.REQUEST_RECEIVED, loan.borrowerState());
        assertEquals(SupplierState.CANCELLED, fixtures.lendingState(firstRecord));
    }

    @Test
    void aStatusRequestIsAnsweredWithTheCurrentStatus() {
        Loan loan = new Loan(ServiceType.LOAN, 1);
        lending.expectToSupply(staffOf(loan.lender()), loan.record());
        borrowing.askStatus(fixtures.borrowingOffice(loan.id), loan.id);
        loan.bothAre(RequestState.EXPECT_TO_SUPPLY, SupplierState.EXPECT_TO_SUPPLY);
        loan.logged(List.of("OUT requestingAgencyMessage StatusRequest",
                        "IN supplyingAgencyMessage StatusRequestResponse: ExpectToSupply"),
                List.of("IN requestingAgencyMessage StatusRequest",
                        "OUT supplyingAgencyMessage StatusRequestResponse: ExpectToSupply"));
    }

    @Test
    void theLenderHoldsTheReturnAndReleasesIt() {
        Loan loan = new Loan(ServiceType.LOAN, 1);
        lending.shipLoan(staffOf(loan.lender()), loan.record(), loan.book.get(1));
        lending.holdReturn(staffOf(loan.lender()), loan.record(), "closed for the holidays");
        loan.bothAre(RequestState.RETURN_HELD, SupplierState.HOLD_RETURN);
        lending.releaseHoldReturn(staffOf(loan.lender()), loan.record());
        loan.bothAre(RequestState.LOANED, SupplierState.LOANED);
        loan.logged(List.of("IN supplyingAgencyMessage StatusChange: HoldReturn",
                        "IN supplyingAgencyMessage StatusChange: ReleaseHoldReturn"),
                List.of("OUT supplyingAgencyMessage StatusChange: HoldReturn",
                        "OUT supplyingAgencyMessage StatusChange: ReleaseHoldReturn"));
    }

    @Test
    void notificationsGoBothWays() {
        Loan loan = new Loan(ServiceType.LOAN, 1);
        borrowing.notifyLender(fixtures.borrowingOffice(loan.id), loan.id, "Could you send it by courier?");
        lending.notifyBorrower(staffOf(loan.lender()), loan.record(), "Yes, on Monday.");
        loan.logged(List.of("OUT requestingAgencyMessage Notification", "IN supplyingAgencyMessage Notification"),
                List.of("IN requestingAgencyMessage Notification", "OUT supplyingAgencyMessage Notification"));
        assertTrue(queries.details(loan.id).audit().stream()
                        .anyMatch(line -> line.message() != null && line.message().contains("Yes, on Monday.")),
                "the borrower's history shows the lender's note");
    }

    /** The lender's report of the loan's status, as its system would send it (not written by its record here). */
    private static String reportOf(Loan loan, org.openill.iso18626.v2021.TypeStatus status) {
        return Iso18626Codec.toXml(org.openill.infrastructure.iso18626.Iso18626Messages.supplyingAgencyMessage(
                new org.openill.infrastructure.iso18626.Iso18626Messages.TransactionIds(
                        org.openill.domain.library.AgencyId.isil(loan.borrower),
                        org.openill.domain.library.AgencyId.isil(loan.lender()), loan.id + "-1", "S" + loan.record()),
                Instant.now(), org.openill.infrastructure.iso18626.Iso18626Messages.SupplierReport.of(
                        org.openill.iso18626.v2021.TypeReasonForMessage.STATUS_CHANGE, status)));
    }

    private static long count(List<String> lines, String prefix) {
        return lines.stream().filter(line -> line.startsWith(prefix)).count();
    }

    @Test
    void lendersReportsReceivedTogetherAreAppliedAsEachAloneWouldBeAndARepeatedOneOnce() {
        List<Loan> loans = List.of(new Loan(ServiceType.LOAN, 1), new Loan(ServiceType.LOAN, 1),
                new Loan(ServiceType.LOAN, 1));
        for (Loan loan : loans) {
            lending.shipLoan(staffOf(loan.lender()), loan.record(), loan.book.get(1));
        }
        List<String> reports = loans.stream().map(loan -> reportOf(loan,
                org.openill.iso18626.v2021.TypeStatus.OVERDUE)).toList();
        List<String> delivered = new java.util.ArrayList<>(reports);
        delivered.add(reports.get(0)); // the first again, in the same delivery

        var answers = inbox.receiveTogether(delivered).orElseThrow();

        assertEquals(4, answers.size());
        for (var answer : answers) {
            assertTrue(answer.xml().contains("messageStatus>OK<"), answer.xml());
        }
        assertEquals(answers.get(0).xml(), answers.get(3).xml(), "the repeated message gets the first one's answer");
        for (Loan loan : loans) {
            assertEquals(RequestState.OVERDUE, loan.borrowerState(), "each borrowing record follows its report");
            assertEquals(1, count(fixtures.borrowerProtocolOf(loan.id),
                    "IN supplyingAgencyMessage StatusChange: Overdue"), "each report is applied and logged once");
            assertEquals(1, count(fixtures.notificationsOf(loan.id), "OVERDUE"), "each reader is told once");
        }
        // delivered again later, alone: answered as the first time, nothing changes
        assertEquals(answers.get(1).xml(), inbox.receiveTogether(List.of(reports.get(1))).orElseThrow().get(0).xml());
        assertEquals(1, count(fixtures.borrowerProtocolOf(loans.get(1).id),
                "IN supplyingAgencyMessage StatusChange: Overdue"));
    }

    @Test
    void whenOneOfTheReportsReceivedTogetherCannotBeAppliedNoneIs() {
        Loan shipped = new Loan(ServiceType.LOAN, 1);
        lending.shipLoan(staffOf(shipped.lender()), shipped.record(), shipped.book.get(1));
        Loan notShipped = new Loan(ServiceType.LOAN, 1);

        assertTrue(inbox.receiveTogether(List.of(reportOf(shipped, org.openill.iso18626.v2021.TypeStatus.OVERDUE),
                reportOf(notShipped, org.openill.iso18626.v2021.TypeStatus.OVERDUE))).isEmpty(),
                "a loan not out cannot become overdue: the delivery is refused whole, each to be received alone");
        assertEquals(RequestState.LOANED, shipped.borrowerState(), "the report that could be applied was not either");
        assertEquals(0, count(fixtures.borrowerProtocolOf(shipped.id),
                "IN supplyingAgencyMessage StatusChange: Overdue"));
        assertEquals(RequestState.REQUEST_RECEIVED, notShipped.borrowerState());
    }

    @Test
    void aMessageNotAllowedInTheStateIsRefusedWithErrorAndChangesNothing() {
        Loan loan = new Loan(ServiceType.LOAN, 1);
        String confirmation = inbox.receive(Iso18626Codec.toXml(org.openill.application.protocol.ProtocolMessages.action(
                new org.openill.infrastructure.iso18626.Iso18626Messages.TransactionIds(
                        org.openill.domain.library.AgencyId.isil(loan.borrower),
                        org.openill.domain.library.AgencyId.isil(loan.lender()), loan.id + "-1", null),
                org.openill.iso18626.v2021.TypeAction.SHIPPED_RETURN, null, Instant.now())));
        assertTrue(confirmation.contains("ERROR"), confirmation);
        loan.bothAre(RequestState.REQUEST_RECEIVED, SupplierState.NEW);
        assertNotEquals(List.of(), fixtures.lenderProtocolOf(loan.id));
    }

    @Test
    void aCopyOrLoanRequestIsSuppliedAsTheLenderChooses() {
        Loan asCopy = new Loan(ServiceType.COPY_OR_LOAN, 1);
        asCopy.logged(List.of("OUT request New CopyOrLoan"), List.of("IN request New CopyOrLoan"));
        lending.deliverCopy(staffOf(asCopy.lender()), asCopy.record(), asCopy.book.get(1), null);
        asCopy.bothAre(RequestState.COPY_COMPLETED, SupplierState.COPY_COMPLETED);

        Loan asLoan = new Loan(ServiceType.COPY_OR_LOAN, 1);
        lending.shipLoan(staffOf(asLoan.lender()), asLoan.record(), asLoan.book.get(1));
        asLoan.bothAre(RequestState.LOANED, SupplierState.LOANED);
    }

    @Test
    void theBorrowerRemindsALenderThatHasNotAnswered() {
        Loan loan = new Loan(ServiceType.LOAN, 1);
        borrowing.remind(fixtures.borrowingOffice(loan.id), loan.id, null);
        loan.bothAre(RequestState.REQUEST_RECEIVED, SupplierState.NEW);
        loan.logged(List.of("OUT request New Loan", "OUT request Reminder Loan", "IN requestConfirmation OK"),
                List.of("IN request New Loan", "IN request Reminder Loan", "OUT requestConfirmation OK"));
    }

    @Test
    void theBorrowerShipsTheItemForwardAndTheLenderClosesTheLoanWhenItIsBack() {
        Loan loan = new Loan(ServiceType.LOAN, 1);
        lending.shipLoan(staffOf(loan.lender()), loan.record(), loan.book.get(1));
        borrowing.shipForward(fixtures.borrowingOffice(loan.id), loan.id, null, "to the next borrower");
        loan.bothAre(RequestState.SHIPPED_FORWARD, SupplierState.SHIPPED_FORWARD);
        lending.checkIn(staffOf(loan.lender()), loan.record());
        loan.bothAre(RequestState.LOAN_COMPLETED, SupplierState.LOAN_COMPLETED);
        loan.logged(List.of("OUT requestingAgencyMessage ShippedForward"),
                List.of("IN requestingAgencyMessage ShippedForward"));
    }

    @Test
    void theBorrowerHoldsTheReturnAndTheLenderConfirms() {
        Loan loan = new Loan(ServiceType.LOAN, 1);
        lending.shipLoan(staffOf(loan.lender()), loan.record(), loan.book.get(1));
        borrowing.holdReturn(fixtures.borrowingOffice(loan.id), loan.id, null, "closed for a week");
        loan.bothAre(RequestState.RETURN_HELD, SupplierState.HOLD_RETURN);
        borrowing.shipBack(fixtures.borrowingOffice(loan.id), loan.id, null);
        loan.bothAre(RequestState.SHIPPED_BACK, SupplierState.RETURN_SHIPPED);
        loan.logged(List.of("OUT requestingAgencyMessage HoldReturn", "IN supplyingAgencyMessage StatusChange: HoldReturn"),
                List.of("IN requestingAgencyMessage HoldReturn", "OUT supplyingAgencyMessage StatusChange: HoldReturn"));
    }
}
