package org.openill.it;

import jakarta.ejb.EJB;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openill.application.BorrowingService;
import org.openill.application.IncomingRequest;
import org.openill.application.LendingQueries;
import org.openill.application.LendingService;
import org.openill.application.RequestDetails;
import org.openill.application.RequestQueries;
import org.openill.domain.IllRuleViolation;
import org.openill.domain.lending.SupplierState;
import org.openill.domain.reader.ReaderCategory;
import org.openill.domain.request.BibliographicDescription;
import org.openill.domain.request.RequestState;
import org.openill.domain.request.RotaEntryStatus;
import org.openill.domain.request.ServiceType;
import org.openill.infrastructure.scheduling.LendingClock;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openill.it.Fixtures.lending;
import static org.openill.it.Fixtures.staffOf;
import static org.openill.it.Fixtures.readerOf;

/** The rota: who may lend, in which order, and how a request moves on when a lender fails it. */
@ExtendWith(ArquillianExtension.class)
class RoutingIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.builtEarWith(RoutingIT.class, Fixtures.class);
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
    LendingQueries lendingQueries;

    @EJB
    LendingClock clock;

    /** Two lenders holding the same book, and a new library's loan request routed to the first of them. */
    private record TwoLenders(String first, String second, long requestId) {
    }

    /**
     * The second lender's agreement (priority 20) is made first and its copy catalogued first, so the rota's order can
     * only come from the priorities: the first lender (priority 10) is asked first.
     */
    private TwoLenders loanSentToTheFirstOfTwoLenders() {
        String borrower = fixtures.newLibrary();
        String first = fixtures.newLibrary();
        String second = fixtures.newLibrary();
        fixtures.agreement(lending(second).to(borrower).priority(20));
        fixtures.agreement(lending(first).to(borrower));
        List<String> book = fixtures.newBookHeldAt(second + "/OPEN", first + "/OPEN");
        long id = validatedRequest(borrower, Long.parseLong(book.get(0)), "Test Book", ServiceType.LOAN);
        borrowing.route(fixtures.borrowingOffice(id), id, null);
        return new TwoLenders(first, second, id);
    }

    private long validatedRequest(String isil, long recordId, String title, ServiceType service) {
        String card = fixtures.newReader(isil, ReaderCategory.FACULTY);
        BibliographicDescription.Builder description = BibliographicDescription.titled(title).by("Tester, Tina");
        if (service == ServiceType.COPY) {
            description.part("Chapter one", null, null, null, "1-20");
        }
        long id = borrowing.apply(readerOf(isil, card), recordId, description.build(), service);
        borrowing.validate(fixtures.borrowingOffice(id), id, null);
        return id;
    }

    @Test
    void referenceRoomHoldingsNeverEnterTheRota() {
        long cormen = fixtures.recordIdByIsbn("9780262033848");
        long id = validatedRequest("ZZ-ECL", cormen, "Introduction to Algorithms", ServiceType.LOAN);
        assertTrue(borrowing.route(fixtures.borrowingOffice(id), id, null));
        RequestDetails details = queries.details(id);
        assertEquals(RequestState.REQUEST_RECEIVED, details.state());
        assertEquals("ZZ-NUL", details.lenderIsil());
        assertEquals(List.of("ZZ-NUL"), details.rota().stream().map(RequestDetails.RotaLine::lenderIsil).toList());
    }

    @Test
    void itemOnlyInAReferenceRoomEndsUnfilledAndTheReaderIsTold() {
        long hawking = fixtures.recordIdByIsbn("9780553380163");
        long id = validatedRequest("ZZ-NUL", hawking, "A Brief History of Time", ServiceType.LOAN);
        assertFalse(borrowing.route(fixtures.borrowingOffice(id), id, null));
        RequestDetails details = queries.details(id);
        assertEquals(RequestState.UNFILLED, details.state());
        assertEquals("ZZ-SCL holds it only in a reference room, which never lends through interlibrary loan",
                details.unfilledReasons());
        List<String> notifications = fixtures.notificationsOf(id);
        assertEquals(1, notifications.size());
        assertTrue(notifications.get(0).startsWith("REQUEST_UNFILLED: ") && notifications.get(0).contains("reference room"),
                notifications.get(0));
    }

    @Test
    void staffCannotOverrideTheReferenceRoomRule() {
        long cormen = fixtures.recordIdByIsbn("9780262033848");
        long id = validatedRequest("ZZ-ECL", cormen, "Introduction to Algorithms", ServiceType.LOAN);
        IllRuleViolation refused = assertThrows(IllRuleViolation.class,
                () -> borrowing.routeTo(staffOf("ZZ-ECL"), id, null, "ZZ-SCL"));
        assertEquals("Cannot send the request to ZZ-SCL: ZZ-SCL holds it only in a reference room, which never lends "
                + "through interlibrary loan", refused.getMessage());
        borrowing.routeTo(fixtures.borrowingOffice(id), id, null, "ZZ-NUL");
        assertEquals("ZZ-NUL", queries.details(id).lenderIsil());
    }

    @Test
    void lenderCannotSupplyFromItsReferenceRoom() {
        String lender = fixtures.newLibrary();
        String borrower = fixtures.newLibrary();
        fixtures.agreement(lending(lender).to(borrower));
        List<String> book = fixtures.newBookHeldAt(lender + "/OPEN", lender + "/REF");
        long id = validatedRequest(borrower, Long.parseLong(book.get(0)), "Test Book", ServiceType.LOAN);
        borrowing.route(fixtures.borrowingOffice(id), id, null);
        String referenceBarcode = book.get(2);
        IllRuleViolation refused = assertThrows(IllRuleViolation.class,
                () -> lending.shipLoan(staffOf(lender), fixtures.lendingRecordOf(id), referenceBarcode));
        assertTrue(refused.getMessage().endsWith("items in college and department reference rooms are never lent "
                + "through interlibrary loan"), refused.getMessage());
        assertEquals(RequestState.REQUEST_RECEIVED, queries.details(id).state());
        assertEquals("AVAILABLE", fixtures.circulationStatus(referenceBarcode));
    }

    @Test
    void lendersInboxOffersOnlyCopiesOutsideReferenceRooms() {
        String lender = fixtures.newLibrary();
        String borrower = fixtures.newLibrary();
        fixtures.agreement(lending(lender).to(borrower));
        List<String> book = fixtures.newBookHeldAt(lender + "/REF", lender + "/OPEN");
        long id = validatedRequest(borrower, Long.parseLong(book.get(0)), "Test Book", ServiceType.LOAN);
        borrowing.route(fixtures.borrowingOffice(id), id, null);
        List<IncomingRequest> inbox = lendingQueries.incoming(lender);
        assertEquals(1, inbox.size());
        IncomingRequest incoming = inbox.get(0);
        assertEquals(fixtures.lendingRecordOf(id), incoming.requestId(), "the lender's own record of the request");
        assertEquals(borrower, incoming.borrowerIsil());
        assertEquals(SupplierState.NEW, incoming.state());
        assertEquals(List.of(book.get(2)), incoming.suppliableCopies().stream()
                .map(IncomingRequest.SuppliableCopy::barcode).toList(), "the reference-room copy is never offered");
        lending.shipLoan(staffOf(lender), fixtures.lendingRecordOf(id), book.get(2));
        assertTrue(lendingQueries.incoming(lender).isEmpty());
        assertEquals(RequestState.LOANED, queries.details(id).state());
    }

    @Test
    void lenderHoldingOnlyAReferenceCopyCannotPromiseToSupply() {
        String lender = fixtures.newLibrary();
        String borrower = fixtures.newLibrary();
        fixtures.agreement(lending(lender).to(borrower));
        List<String> book = fixtures.newBookHeldAt(lender + "/OPEN", lender + "/REF");
        long id = validatedRequest(borrower, Long.parseLong(book.get(0)), "Test Book", ServiceType.LOAN);
        borrowing.route(fixtures.borrowingOffice(id), id, null);
        lending.shipLoan(staffOf(lender), fixtures.lendingRecordOf(id), book.get(1));
        // A second reader asks; the only copy left is in the reference room: the lender is not even in the rota
        long second = validatedRequest(borrower, Long.parseLong(book.get(0)), "Test Book", ServiceType.LOAN);
        assertFalse(borrowing.route(fixtures.borrowingOffice(second), second, null));
        assertTrue(queries.details(second).unfilledReasons().startsWith(lender + " has no copy it can lend now"),
                queries.details(second).unfilledReasons());
    }

    @Test
    void rotaFollowsAgreementPriorityAndMovesOnWhenALenderAnswersUnfilled() {
        TwoLenders network = loanSentToTheFirstOfTwoLenders();
        String first = network.first();
        String second = network.second();
        long id = network.requestId();
        assertEquals(first, queries.details(id).lenderIsil());

        long firstRecord = fixtures.lendingRecordOf(id);
        lending.unfilled(staffOf(first), firstRecord, "missing from the shelf");
        assertEquals(SupplierState.UNFILLED, fixtures.lendingState(firstRecord));
        RequestDetails details = queries.details(id);
        assertEquals(RequestState.REQUEST_RECEIVED, details.state());
        assertEquals(second, details.lenderIsil());
        assertEquals(RotaEntryStatus.UNFILLED, details.rota().get(0).status());

        long secondRecord = fixtures.lendingRecordOf(id);
        assertEquals(SupplierState.NEW, fixtures.lendingState(secondRecord));
        lending.unfilled(staffOf(second), secondRecord, "damaged");
        assertEquals(SupplierState.UNFILLED, fixtures.lendingState(secondRecord));
        details = queries.details(id);
        assertEquals(RequestState.UNFILLED, details.state());
        assertEquals(first + ": missing from the shelf; " + second + ": damaged", details.unfilledReasons());
        // the reader heard of each lender asked, then once that none could supply
        List<String> told = fixtures.notificationsOf(id);
        assertEquals(List.of("SENT_TO_LENDER", "SENT_TO_LENDER", "REQUEST_UNFILLED"),
                told.stream().map(text -> text.substring(0, text.indexOf(':'))).toList(), told.toString());
    }

    @Test
    void lenderThatDoesNotAnswerInTimeIsSkipped() {
        TwoLenders network = loanSentToTheFirstOfTwoLenders();
        String slow = network.first();
        String next = network.second();
        long id = network.requestId();
        assertEquals(slow, queries.details(id).lenderIsil());

        clock.moveOnPastDeadlines(Instant.now().plus(Duration.ofHours(23)));
        assertEquals(slow, queries.details(id).lenderIsil(), "moved on before the 24 hours of the agreement");

        clock.moveOnPastDeadlines(Instant.now().plus(Duration.ofHours(25)));
        RequestDetails details = queries.details(id);
        assertEquals(next, details.lenderIsil());
        assertEquals(RotaEntryStatus.NO_ANSWER, details.rota().get(0).status());
        assertEquals(RequestState.REQUEST_RECEIVED, details.state());
    }

    @Test
    void agreementThatDoesNotAllowTheServiceKeepsTheLenderOut() {
        String borrower = fixtures.newLibrary();
        String copiesOnly = fixtures.newLibrary();
        fixtures.agreement(lending(copiesOnly).to(borrower).copiesOnly());
        List<String> book = fixtures.newBookHeldAt(copiesOnly + "/OPEN");
        long loan = validatedRequest(borrower, Long.parseLong(book.get(0)), "Test Book", ServiceType.LOAN);
        assertFalse(borrowing.route(fixtures.borrowingOffice(loan), loan, null));
        assertTrue(queries.details(loan).unfilledReasons().endsWith("does not allow loans"),
                queries.details(loan).unfilledReasons());
        long copy = validatedRequest(borrower, Long.parseLong(book.get(0)), "Test Book", ServiceType.COPY);
        assertTrue(borrowing.route(fixtures.borrowingOffice(copy), copy, null));
        assertEquals(copiesOnly, queries.details(copy).lenderIsil());
    }

    @Test
    void maximumItemsOutstandingIsRespected() {
        String borrower = fixtures.newLibrary();
        String lender = fixtures.newLibrary();
        fixtures.agreement(lending(lender).to(borrower).maxOutstanding(1));
        List<String> book = fixtures.newBookHeldAt(lender + "/OPEN");
        List<String> other = fixtures.newBookHeldAt(lender + "/OPEN");
        long first = validatedRequest(borrower, Long.parseLong(book.get(0)), "Test Book", ServiceType.LOAN);
        assertTrue(borrowing.route(fixtures.borrowingOffice(first), first, null));
        long second = validatedRequest(borrower, Long.parseLong(other.get(0)), "Other Book", ServiceType.LOAN);
        assertFalse(borrowing.route(fixtures.borrowingOffice(second), second, null));
        assertEquals(lender + ": the agreement " + lender + " → " + borrower + " allows at most 1 items outstanding, and 1 are",
                queries.details(second).unfilledReasons());
    }

    @Test
    void suspendedAgreementLendsNothing() {
        String borrower = fixtures.newLibrary();
        String lender = fixtures.newLibrary();
        fixtures.agreement(lending(lender).to(borrower));
        fixtures.suspendAgreements(lender, borrower);
        List<String> book = fixtures.newBookHeldAt(lender + "/OPEN");
        long id = validatedRequest(borrower, Long.parseLong(book.get(0)), "Test Book", ServiceType.LOAN);
        assertFalse(borrowing.route(fixtures.borrowingOffice(id), id, null));
        assertEquals(lender + ": the agreement " + lender + " → " + borrower + " is suspended",
                queries.details(id).unfilledReasons());
    }

    @Test
    void withoutAnyAgreementThereIsNoLender() {
        String borrower = fixtures.newLibrary();
        String stranger = fixtures.newLibrary();
        List<String> book = fixtures.newBookHeldAt(stranger + "/OPEN");
        long id = validatedRequest(borrower, Long.parseLong(book.get(0)), "Test Book", ServiceType.LOAN);
        assertFalse(borrowing.route(fixtures.borrowingOffice(id), id, null));
        assertEquals(stranger + ": no partner agreement lets " + borrower + " borrow from it",
                queries.details(id).unfilledReasons());
    }

    @Test
    void itemNotInTheCatalogueIsAskedOfPartnersInTurn() {
        String borrower = fixtures.newLibrary();
        String first = fixtures.newLibrary();
        String second = fixtures.newLibrary();
        fixtures.agreement(lending(first).to(borrower));
        fixtures.agreement(lending(second).to(borrower).priority(20));
        String card = fixtures.newReader(borrower, ReaderCategory.FACULTY);
        long id = borrowing.apply(readerOf(borrower, card), null,
                BibliographicDescription.titled("A Pamphlet Nobody Catalogued").by("Obscure, Author").build(),
                ServiceType.LOAN);
        borrowing.validate(fixtures.borrowingOffice(id), id, null);
        assertTrue(borrowing.route(fixtures.borrowingOffice(id), id, null));
        assertEquals(first, queries.details(id).lenderIsil());
        lending.unfilled(staffOf(first), fixtures.lendingRecordOf(id), "not held");
        assertEquals(second, queries.details(id).lenderIsil());
        lending.unfilled(staffOf(second), fixtures.lendingRecordOf(id), "not held either");
        assertEquals("the item is not in the union catalogue of the network; " + first + ": not held; " + second
                + ": not held either", queries.details(id).unfilledReasons());
    }

    @Test
    void retryPossibleWithoutALaterAnswerMovesOnWhenTheResponseTimeRunsOut() {
        TwoLenders network = loanSentToTheFirstOfTwoLenders();
        String hesitant = network.first();
        String next = network.second();
        long id = network.requestId();
        lending.retryPossible(staffOf(hesitant), fixtures.lendingRecordOf(id), "at the bindery", Set.of(), null, null);
        assertEquals(RequestState.RETRY_POSSIBLE, queries.details(id).state());
        assertFalse(clock.moveOnPastDeadlines(Instant.now().plus(Duration.ofHours(23))).done().contains(id));
        assertTrue(clock.moveOnPastDeadlines(Instant.now().plus(Duration.ofHours(25))).done().contains(id));
        assertEquals(next, queries.details(id).lenderIsil());
    }

    @Test
    void borrowingOfficeStopsWaitingForALenderThatDoesNotShip() {
        TwoLenders network = loanSentToTheFirstOfTwoLenders();
        String slow = network.first();
        String next = network.second();
        long id = network.requestId();
        long slowRecord = fixtures.lendingRecordOf(id);
        lending.willSupply(staffOf(slow), slowRecord);
        borrowing.skipLender(fixtures.borrowingOffice(id), id, null, "promised a month ago, nothing shipped");
        RequestDetails details = queries.details(id);
        assertEquals(next, details.lenderIsil());
        assertEquals(RotaEntryStatus.SKIPPED, details.rota().get(0).status());
        assertEquals("promised a month ago, nothing shipped", details.rota().get(0).reason());
        assertEquals(SupplierState.CANCELLED, fixtures.lendingState(slowRecord), "the slow lender is told to cancel");
        assertEquals(SupplierState.NEW, fixtures.lendingStateOf(id), "the next lender has the request");
    }

    @Test
    void twoRequestsRoutedAtOnceCannotBothTakeTheLastOutstandingSlot() throws Exception {
        String borrower = fixtures.newLibrary();
        String lender = fixtures.newLibrary();
        fixtures.agreement(lending(lender).to(borrower).maxOutstanding(1));
        List<Long> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 2; i++) {
            List<String> book = fixtures.newBookHeldAt(lender + "/OPEN");
            ids.add(validatedRequest(borrower, Long.parseLong(book.get(0)), "Test Book " + i, ServiceType.LOAN));
        }
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<Boolean>> routed = new java.util.ArrayList<>();
            for (long id : ids) {
                routed.add(pool.submit(() -> {
                    start.await();
                    return borrowing.route(fixtures.borrowingOffice(id), id, null);
                }));
            }
            start.countDown();
            long sent = 0;
            for (java.util.concurrent.Future<Boolean> outcome : routed) {
                sent += outcome.get() ? 1 : 0;
            }
            assertEquals(1, sent, "requests sent to a lender that allows one item outstanding");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void requestCannotBeRoutedBeforeItIsValidated() {
        String card = fixtures.newReader("ZZ-ECL", ReaderCategory.FACULTY);
        long id = borrowing.apply(readerOf("ZZ-ECL", card), null,
                BibliographicDescription.titled("Not Yet Validated").by("Tester, Tina").build(), ServiceType.LOAN);
        IllRuleViolation refused = assertThrows(IllRuleViolation.class,
                () -> borrowing.route(staffOf("ZZ-ECL"), id, null));
        assertEquals("Cannot send to a lender (SEND_TO_LENDER) when the request is NEW", refused.getMessage());
    }
}
