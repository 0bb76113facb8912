package org.openill.it;

import jakarta.ejb.EJB;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openill.application.BorrowingService;
import org.openill.application.FeeLedger;
import org.openill.application.LendingService;
import org.openill.application.RequestDetails;
import org.openill.application.RequestQueries;
import org.openill.domain.IllRuleViolation;
import org.openill.domain.InvalidInputException;
import org.openill.domain.NotAllowedException;
import org.openill.domain.lending.SupplierState;
import org.openill.domain.reader.ReaderCategory;
import org.openill.domain.request.BibliographicDescription;
import org.openill.domain.request.LoanCondition;
import org.openill.domain.request.RequestAction;
import org.openill.domain.request.RequestState;
import org.openill.domain.request.ServiceType;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openill.it.Fixtures.lending;
import static org.openill.it.Fixtures.staffOf;
import static org.openill.it.Fixtures.readerOf;

/** A loan from shipping to return, copies, conditions, renewals, recalls, losses and the fees they post. */
@ExtendWith(ArquillianExtension.class)
class LoanLifecycleIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.builtEarWith(LoanLifecycleIT.class, Fixtures.class, BatchRuns.class);
    }

    @EJB
    BorrowingService borrowing;

    @EJB
    LendingService lending;

    @EJB
    RequestQueries queries;

    @EJB
    FeeLedger ledger;

    @EJB
    Fixtures fixtures;

    @EJB
    org.openill.infrastructure.batch.BatchJobs jobs;

    private String lender;
    private String borrower;
    private List<String> book;

    /** A paid agreement (4.00 EUR a loan, 1.50 a copy, 60.00 for a lost item) and a request sent to the lender. */
    private long requestSentToLender(ServiceType service) {
        lender = fixtures.newLibrary();
        borrower = fixtures.newLibrary();
        fixtures.agreement(lending(lender).to(borrower).feePerLoan("4.00").replacementFee("60.00"));
        book = fixtures.newBookHeldAt(lender + "/OPEN");
        String card = fixtures.newReader(borrower, ReaderCategory.POSTGRADUATE);
        BibliographicDescription.Builder description = BibliographicDescription.titled("Test Book").by("Tester, Tina");
        if (service == ServiceType.COPY) {
            description.part("Chapter two", null, null, null, "21-40");
        }
        long id = borrowing.apply(readerOf(borrower, card), Long.parseLong(book.get(0)), description.build(), service);
        borrowing.validate(fixtures.borrowingOffice(id), id, null);
        borrowing.route(fixtures.borrowingOffice(id), id, null);
        return id;
    }

    @Test
    void loanGoesOutAndComesBackAndTheLoanFeeIsPosted() {
        long id = requestSentToLender(ServiceType.LOAN);
        lending.willSupply(staffOf(lender), fixtures.lendingRecordOf(id));
        LocalDate due = lending.shipLoan(staffOf(lender), fixtures.lendingRecordOf(id), book.get(1));
        assertEquals(LocalDate.now(ZoneId.of("Europe/Berlin")).plusDays(21), due);
        assertEquals("ON_LOAN", fixtures.circulationStatus(book.get(1)));
        borrowing.receive(fixtures.borrowingOffice(id), id, null);
        RequestDetails loaned = queries.details(id);
        assertEquals(RequestState.LOANED, loaned.state());
        assertEquals(SupplierState.LOANED, fixtures.lendingStateOf(id));
        assertEquals("Loaned", loaned.iso18626Status());
        assertEquals(due, loaned.dueDate());

        borrowing.shipBack(fixtures.borrowingOffice(id), id, null);
        assertEquals(RequestState.SHIPPED_BACK, queries.details(id).state());
        assertEquals(SupplierState.RETURN_SHIPPED, fixtures.lendingStateOf(id));
        lending.checkIn(staffOf(lender), fixtures.lendingRecordOf(id));
        assertEquals(RequestState.LOAN_COMPLETED, queries.details(id).state());
        assertEquals(SupplierState.LOAN_COMPLETED, fixtures.lendingStateOf(id));
        assertEquals("AVAILABLE", fixtures.circulationStatus(book.get(1)));

        List<FeeLedger.Balance> balance = ledger.balance(lender, borrower);
        assertEquals(List.of(new FeeLedger.Balance(lender, borrower, new BigDecimal("4.00"), "EUR")), balance);
        assertEquals(new BigDecimal("-4.00"), ledger.balance(borrower, lender).get(0).amount());
        List<String> told = fixtures.notificationsOf(id);
        assertTrue(told.get(0).startsWith("SENT_TO_LENDER: Your interlibrary loan request for \"Test Book\" has been "
                + "sent to Test Library " + lender), told.toString());
        assertTrue(told.get(1).startsWith("ITEM_ARRIVED: You can collect it at "), told.toString());
    }

    @Test
    void renewalIsGrantedOnceAsTheAgreementAllows() {
        long id = requestSentToLender(ServiceType.LOAN);
        LocalDate due = lending.shipLoan(staffOf(lender), fixtures.lendingRecordOf(id), book.get(1));
        String card = queries.details(id).readerCard();
        borrowing.requestRenewal(readerOf(borrower, card), id);
        assertEquals(due.plusDays(21), lending.approveRenewal(staffOf(lender), fixtures.lendingRecordOf(id)));
        borrowing.requestRenewal(readerOf(borrower, card), id);
        IllRuleViolation refused = assertThrows(IllRuleViolation.class,
                () -> lending.approveRenewal(staffOf(lender), fixtures.lendingRecordOf(id)));
        assertEquals("The partner agreement allows 1 renewal(s) and 1 have been granted", refused.getMessage());
        lending.denyRenewal(staffOf(lender), fixtures.lendingRecordOf(id), "needed for a course");
        RequestDetails details = queries.details(id);
        assertEquals(1, details.renewals());
        assertEquals(due.plusDays(21), details.dueDate());
    }

    @Test
    void overdueLoanIsRecalledAndLostItemCostsTheReplacementFee() throws InterruptedException {
        long id = requestSentToLender(ServiceType.LOAN);
        LocalDate due = lending.shipLoan(staffOf(lender), fixtures.lendingRecordOf(id), book.get(1));
        Instant dayAfterDue = due.plusDays(1).atStartOfDay(ZoneId.of("Europe/Berlin")).toInstant();
        assertEquals(jakarta.batch.runtime.BatchStatus.COMPLETED,
                BatchRuns.ended(jobs.start("loan-reconciliation", dayAfterDue)).getBatchStatus());
        assertEquals(SupplierState.OVERDUE, fixtures.lendingStateOf(id));
        assertEquals(RequestState.OVERDUE, queries.details(id).state());
        lending.recall(staffOf(lender), fixtures.lendingRecordOf(id), 3, "overdue");
        assertEquals(SupplierState.RECALLED, fixtures.lendingStateOf(id));
        assertEquals(RequestState.RECALLED, queries.details(id).state());
        borrowing.reportLost(fixtures.borrowingOffice(id), id, null, "not found at the reader's address");
        assertEquals(RequestState.COMPLETED_WITHOUT_RETURN, queries.details(id).state());
        assertEquals(SupplierState.COMPLETED_WITHOUT_RETURN, fixtures.lendingStateOf(id));
        assertEquals("MISSING", fixtures.circulationStatus(book.get(1)));
        assertEquals(new BigDecimal("64.00"), ledger.balance(lender, borrower).get(0).amount());
    }

    @Test
    void recallAnswersTheRenewalAskedForAndNeverLengthensTheLoan() {
        long id = requestSentToLender(ServiceType.LOAN);
        LocalDate due = lending.shipLoan(staffOf(lender), fixtures.lendingRecordOf(id), book.get(1));
        borrowing.requestRenewal(readerOf(borrower, queries.details(id).readerCard()), id);
        assertEquals(due, lending.recall(staffOf(lender), fixtures.lendingRecordOf(id), 60, "needed for a course"));
        RequestDetails recalled = queries.details(id);
        assertEquals(RequestState.RECALLED, recalled.state());
        assertEquals(SupplierState.RECALLED, fixtures.lendingStateOf(id));
        assertEquals(due, recalled.dueDate());
        assertEquals(List.of(RequestAction.DENY_RENEWAL, RequestAction.RECALL), recalled.audit().stream()
                .map(RequestDetails.AuditLine::action).toList().subList(recalled.audit().size() - 2, recalled.audit().size()));
        List<String> told = fixtures.notificationsOf(id);
        assertTrue(told.get(1).startsWith("RENEWAL_ANSWERED: The lending library could not renew"), told.toString());
        assertTrue(told.get(2).startsWith("ITEM_RECALLED: The lending library needs it back: please return it by "
                        + java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.LONG)
                        .withLocale(java.util.Locale.ENGLISH).format(due)),
                told.toString());
        InvalidInputException noDays = assertThrows(InvalidInputException.class,
                () -> lending.recall(staffOf(lender), fixtures.lendingRecordOf(id), 0, null));
        assertEquals("days to return", noDays.field());
    }

    @Test
    void approvingARenewalOfARequestNotYetOnLoanIsRefusedWithTheRuleBroken() {
        long id = requestSentToLender(ServiceType.LOAN);
        IllRuleViolation refused = assertThrows(IllRuleViolation.class,
                () -> lending.approveRenewal(staffOf(lender), fixtures.lendingRecordOf(id)));
        assertEquals("Cannot renew the loan (RENEW_YES) when the lending record is NEW", refused.getMessage());
        assertEquals(RequestState.REQUEST_RECEIVED, queries.details(id).state());
    }

    @Test
    void copyIsDeliveredAndTheCopyFeePosted() {
        long id = requestSentToLender(ServiceType.COPY);
        lending.deliverCopy(staffOf(lender), fixtures.lendingRecordOf(id), book.get(1), "sent by e-mail");
        assertEquals(RequestState.COPY_COMPLETED, queries.details(id).state());
        assertEquals(SupplierState.COPY_COMPLETED, fixtures.lendingStateOf(id));
        assertEquals(new BigDecimal("1.50"), ledger.balance(lender, borrower).get(0).amount());
        assertEquals("AVAILABLE", fixtures.circulationStatus(book.get(1)));
    }

    @Test
    void readerWhoseCategoryPaysFeesIsChargedWhatTheLibraryPays() {
        lender = fixtures.newLibrary();
        borrower = fixtures.newLibrary();
        fixtures.agreement(lending(lender).to(borrower).feePerLoan("4.00").replacementFee("60.00"));
        book = fixtures.newBookHeldAt(lender + "/OPEN");
        String external = fixtures.newReader(borrower, ReaderCategory.EXTERNAL);
        long id = borrowing.apply(readerOf(borrower, external), Long.parseLong(book.get(0)), BibliographicDescription
                .titled("Test Book").by("Tester, Tina").part("Chapter three", null, null, null, "41-60").build(),
                ServiceType.COPY);
        borrowing.validate(fixtures.borrowingOffice(id), id, null);
        borrowing.route(fixtures.borrowingOffice(id), id, null);
        lending.deliverCopy(staffOf(lender), fixtures.lendingRecordOf(id), book.get(1), null);
        assertEquals(List.of(new FeeLedger.ReaderBalance(new BigDecimal("1.50"), "EUR")),
                ledger.readerBalance(borrower, external));

        long loan = requestSentToLender(ServiceType.LOAN);
        lending.shipLoan(staffOf(lender), fixtures.lendingRecordOf(loan), book.get(1));
        assertEquals(List.of(), ledger.readerBalance(borrower, queries.details(loan).readerCard()),
                "a postgraduate pays no ILL fees");
    }

    @Test
    void conditionsConcerningTheReaderNeedTheirConsent() {
        long id = requestSentToLender(ServiceType.LOAN);
        lending.retryPossible(staffOf(lender), fixtures.lendingRecordOf(id), "rare binding",
                Set.of(LoanCondition.LIBRARY_USE_ONLY), new BigDecimal("2.00"), null);
        RequestDetails proposed = queries.details(id);
        assertEquals(RequestState.CONDITIONS_PROPOSED, proposed.state());
        assertEquals(SupplierState.RETRY_POSSIBLE, fixtures.lendingStateOf(id));
        assertEquals("LibraryUseOnly,Cost", proposed.conditions());
        borrowing.acceptConditions(fixtures.borrowingOffice(id), id, null);
        assertEquals(RequestState.AWAITING_READER_CONSENT, queries.details(id).state());
        assertTrue(fixtures.notificationsOf(id).get(1).startsWith("CONDITIONS_TO_ACCEPT"),
                fixtures.notificationsOf(id).toString());
        NotAllowedException notTheirs = assertThrows(NotAllowedException.class,
                () -> borrowing.readerAnswersConditions(readerOf(borrower, "SOMEONE-ELSE"), id, true));
        assertEquals("Request #" + id + " is not yours", notTheirs.getMessage());
        IllRuleViolation officeAgain = assertThrows(IllRuleViolation.class,
                () -> borrowing.acceptConditions(fixtures.borrowingOffice(id), id, null));
        assertEquals("Cannot accept the conditions (ACCEPT_CONDITIONS) when the request is AWAITING_READER_CONSENT",
                officeAgain.getMessage());
        borrowing.readerAnswersConditions(readerOf(borrower, proposed.readerCard()), id, true);
        // yes is a Retry: the lender has the request again, its conditions accepted
        assertEquals(RequestState.REQUEST_RECEIVED, queries.details(id).state());
        assertEquals(SupplierState.NEW, fixtures.lendingStateOf(id));
        lending.shipLoan(staffOf(lender), fixtures.lendingRecordOf(id), book.get(1));
        assertEquals(RequestState.LOANED, queries.details(id).state());
        assertEquals(new BigDecimal("6.00"), ledger.balance(lender, borrower).get(0).amount());
    }

    @Test
    void aReaderOfAnotherLibraryWithTheSameCardNumberCannotAnswer() {
        long id = requestSentToLender(ServiceType.LOAN);
        lending.retryPossible(staffOf(lender), fixtures.lendingRecordOf(id), null,
                Set.of(LoanCondition.LIBRARY_USE_ONLY), null, null);
        borrowing.acceptConditions(fixtures.borrowingOffice(id), id, null);
        String card = queries.details(id).readerCard();
        NotAllowedException refused = assertThrows(NotAllowedException.class,
                () -> borrowing.readerAnswersConditions(readerOf("ZZ-NUL", card), id, true));
        assertEquals("Request #" + id + " is not yours", refused.getMessage());
    }

    @Test
    void negativeCostIsRefusedWithAClearMessage() {
        long id = requestSentToLender(ServiceType.LOAN);
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> lending.retryPossible(
                staffOf(lender), fixtures.lendingRecordOf(id), null, Set.of(), new BigDecimal("-3.00"), null));
        assertEquals("A cost cannot be negative", refused.getMessage());
        assertEquals("cost", refused.field());
    }

    @Test
    void readerDecliningConditionsSendsTheRequestOn() {
        long id = requestSentToLender(ServiceType.LOAN);
        long lendingRecord = fixtures.lendingRecordOf(id);
        lending.retryPossible(staffOf(lender), lendingRecord, null, Set.of(LoanCondition.NO_REPRODUCTION), null, null);
        borrowing.acceptConditions(fixtures.borrowingOffice(id), id, null);
        borrowing.readerAnswersConditions(readerOf(borrower, queries.details(id).readerCard()), id, false);
        RequestDetails details = queries.details(id);
        assertEquals(RequestState.UNFILLED, details.state());
        assertTrue(details.unfilledReasons().contains("conditions NoReproduction declined by the reader"),
                details.unfilledReasons());
        assertEquals(SupplierState.CANCELLED, fixtures.lendingState(lendingRecord), "the lender is told to cancel");
    }

    @Test
    void lenderChecksTheLoanInWithoutTheBorrowersShippedReturn() {
        long id = requestSentToLender(ServiceType.LOAN);
        lending.shipLoan(staffOf(lender), fixtures.lendingRecordOf(id), book.get(1));
        assertEquals(SupplierState.LOANED, fixtures.lendingStateOf(id));
        lending.checkIn(staffOf(lender), fixtures.lendingRecordOf(id));
        assertEquals(SupplierState.LOAN_COMPLETED, fixtures.lendingStateOf(id));
        assertEquals(RequestState.LOAN_COMPLETED, queries.details(id).state());
        assertEquals("AVAILABLE", fixtures.circulationStatus(book.get(1)));
    }
}
