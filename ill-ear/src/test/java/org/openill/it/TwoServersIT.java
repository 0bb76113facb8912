package org.openill.it;

import jakarta.ejb.EJB;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openill.application.BorrowingService;
import org.openill.application.LendingService;
import org.openill.application.PartnerDirectory;
import org.openill.application.RequestQueries;
import org.openill.application.protocol.OutboxSender;
import org.openill.domain.lending.SupplierState;
import org.openill.domain.library.PartnerProfile;
import org.openill.domain.reader.ReaderCategory;
import org.openill.domain.request.BibliographicDescription;
import org.openill.domain.request.RequestState;
import org.openill.domain.request.ServiceType;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openill.it.Fixtures.lending;
import static org.openill.it.Fixtures.readerOf;
import static org.openill.it.Fixtures.staffOf;

/**
 * Two real servers, each with its own database and its own libraries, borrowing and lending over ISO 18626 by HTTP:
 * server A (port 8080) hosts the borrowing library ZZ-TA1, server B (port 8180) the lenders ZZ-TB1 (whose staff
 * answer) and ZZ-TB2 (which answers automatically, and which A writes to in the 1.2 schema). Each side knows the
 * other's libraries only as partners hosted elsewhere. The steps alternate between the servers, in order; each step
 * runs inside the server it acts for and finds what the other did by the titles of the requests. Cycles: a loan with
 * renewal and return; a copy; a cancel answered yes and one answered no (it crossed the lender's Loaned while A could
 * not be reached); an Unfilled that moves on to the next lender; a partner unreachable for a while that then gets
 * every message, in order, once, and a message delivered twice that is applied once.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoServersIT {

    private static final String A = "ZZ-TA1";
    private static final String B1 = "ZZ-TB1";
    private static final String B2 = "ZZ-TB2";
    private static final String A_ENDPOINT = "http://127.0.0.1:8080/ill/iso18626";
    private static final String B_ENDPOINT = "http://127.0.0.1:8180/ill/iso18626";
    private static final String NOWHERE = "http://127.0.0.1:9/ill/iso18626";
    private static final PartnerDirectory.Credentials CREDENTIALS =
            new PartnerDirectory.Credentials("two-servers", "two-servers-secret");

    private static final String LOAN = "Two servers: a loan";
    private static final String COPY = "Two servers: a copy";
    private static final String CANCEL_YES = "Two servers: cancelled in time";
    private static final String CANCEL_NO = "Two servers: cancelled too late";
    private static final String MOVE_ON = "Two servers: unfilled, then the next lender";
    private static final String DOWN = "Two servers: while the lender is down";

    private static final String ISBN_LOAN = "9780306406157";
    private static final String ISBN_COPY = "9781861972712";
    private static final String ISBN_CANCEL_YES = "9780131103627";
    private static final String ISBN_CANCEL_NO = "9780262510875";
    private static final String ISBN_MOVE_ON = "9780201633610";
    private static final String ISBN_DOWN = "9780596007126";

    @Deployment(name = "a")
    @TargetsContainer("wildfly")
    static EnterpriseArchive serverA() {
        return Deployments.builtEarWith(TwoServersIT.class, Fixtures.class);
    }

    @Deployment(name = "b")
    @TargetsContainer("wildfly-b")
    static EnterpriseArchive serverB() {
        return Deployments.builtEarWith(TwoServersIT.class, Fixtures.class);
    }

    @EJB
    Fixtures fixtures;

    @EJB
    BorrowingService borrowing;

    @EJB
    LendingService lending;

    @EJB
    RequestQueries queries;

    @EJB
    PartnerDirectory partners;

    @EJB
    OutboxSender sender;

    private static void eventually(String what, Supplier<Boolean> condition) throws InterruptedException {
        for (int i = 0; i < 150 && !condition.get(); i++) {
            Thread.sleep(100);
        }
        assertTrue(condition.get(), what);
    }

    // ---- on A: the borrower's side ----

    private long requestTitled(String title) {
        List<String> ids = fixtures.strings("SELECT id::text FROM ill_request WHERE bib_title = '" + title + "'");
        assertEquals(1, ids.size(), title);
        return Long.parseLong(ids.get(0));
    }

    private RequestState stateOf(String title) {
        return queries.details(requestTitled(title)).state();
    }

    private void eventuallyIn(String title, RequestState state) throws InterruptedException {
        eventually(title + " reaches " + state + " at A, not " + stateOf(title), () -> stateOf(title) == state);
    }

    private long apply(String card, String isbn, String title, ServiceType service) {
        // A's union catalogue has B1's copy on open shelves, and B2's too for the one B2 keeps in its reference room
        // (the union catalogue is behind: B2's own catalogue knows better, and B2 says so)
        long record = isbn.equals(ISBN_MOVE_ON)
                ? fixtures.newBookWithIsbnHeldAt(isbn, title + " (A's catalogue)", B1 + "/OPEN", B2 + "/OPEN")
                : fixtures.newBookWithIsbnHeldAt(isbn, title + " (A's catalogue)", B1 + "/OPEN");
        BibliographicDescription.Builder description = BibliographicDescription.titled(title).by("Tester, Tina")
                .isbn(isbn);
        if (service == ServiceType.COPY) {
            description.part("Chapter one", null, null, null, "1-20");
        }
        long id = borrowing.apply(readerOf(A, card), record, description.build(), service);
        borrowing.validate(fixtures.borrowingOffice(id), id, null);
        borrowing.route(fixtures.borrowingOffice(id), id, null);
        return id;
    }

    // ---- on B: the lenders' side ----

    private long lendingRecord(String lender, String title) throws InterruptedException {
        eventually(title + " reaches " + lender + " at B", () -> fixtures.lendingRecordTitled(lender, title) > 0);
        return fixtures.lendingRecordTitled(lender, title);
    }

    private void eventuallyAtB(String lender, String title, SupplierState state) throws InterruptedException {
        long record = lendingRecord(lender, title);
        eventually(title + " reaches " + state + " at " + lender + ", not " + fixtures.lendingState(record),
                () -> fixtures.lendingState(record) == state);
    }

    @Test
    @Order(1)
    @OperateOnDeployment("b")
    void onBTheLendersAreSetUp() {
        fixtures.newLibraryNamed(B1);
        fixtures.newLibraryNamed(B2);
        fixtures.newPartnerElsewhere(A, A_ENDPOINT, PartnerProfile.SchemaVersion.V2021, CREDENTIALS);
        fixtures.agreement(lending(B1).to(A));
        fixtures.agreement(lending(B2).to(A));
        partners.answerNewRequestsAutomatically(staffOf(B2), B2, true);
        for (String isbn : List.of(ISBN_LOAN, ISBN_COPY, ISBN_CANCEL_YES, ISBN_CANCEL_NO, ISBN_DOWN)) {
            fixtures.newBookWithIsbnHeldAt(isbn, "B's record of " + isbn, B1 + "/OPEN");
        }
        // B2 holds it only in its reference room: its auto-responder says Unfilled, and A moves on to B1
        fixtures.newBookWithIsbnHeldAt(ISBN_MOVE_ON, "B's record of " + ISBN_MOVE_ON, B2 + "/REF", B1 + "/OPEN");
    }

    @Test
    @Order(2)
    @OperateOnDeployment("a")
    void onAAReaderAsksForFiveItemsThatOnlyBsLibrariesHold() throws InterruptedException {
        fixtures.newLibraryNamed(A);
        fixtures.newPartnerElsewhere(B1, B_ENDPOINT, PartnerProfile.SchemaVersion.V2021, CREDENTIALS);
        fixtures.newPartnerElsewhere(B2, B_ENDPOINT, PartnerProfile.SchemaVersion.V1_2, CREDENTIALS);
        fixtures.agreement(lending(B2).to(A).priority(1));
        fixtures.agreement(lending(B1).to(A).priority(2));
        String card = fixtures.newReader(A, ReaderCategory.FACULTY);
        apply(card, ISBN_LOAN, LOAN, ServiceType.LOAN);
        apply(card, ISBN_COPY, COPY, ServiceType.COPY);
        apply(card, ISBN_CANCEL_YES, CANCEL_YES, ServiceType.LOAN);
        apply(card, ISBN_CANCEL_NO, CANCEL_NO, ServiceType.LOAN);
        apply(card, ISBN_MOVE_ON, MOVE_ON, ServiceType.LOAN);
        // B2 is first in the rota of the one it is thought to hold (priority 1), and answers Unfilled
        for (String title : List.of(LOAN, COPY, CANCEL_YES, CANCEL_NO, MOVE_ON)) {
            eventually(title + " reaches B1 after B2's Unfilled", () ->
                    B1.equals(queries.details(requestTitled(title)).lenderIsil())
                            && stateOf(title) == RequestState.REQUEST_RECEIVED);
        }
    }

    @Test
    @Order(3)
    @OperateOnDeployment("b")
    void onBTheLendersAnswer() throws InterruptedException {
        eventuallyAtB(B2, MOVE_ON, SupplierState.UNFILLED);
        lending.willSupply(staffOf(B1), lendingRecord(B1, MOVE_ON));
        lending.shipLoan(staffOf(B1), lendingRecord(B1, LOAN), fixtures.barcodeOf(B1, ISBN_LOAN));
        lending.deliverCopy(staffOf(B1), lendingRecord(B1, COPY), fixtures.barcodeOf(B1, ISBN_COPY), "scan sent");
        lending.willSupply(staffOf(B1), lendingRecord(B1, CANCEL_YES));
        eventually("B's answers so far delivered", () -> fixtures.strings(
                "SELECT count(*)::text FROM outbound_message WHERE state <> 'DELIVERED'").equals(List.of("0")));
        // A cannot be reached for a while: B's Loaned waits, and A's Cancel crosses it
        fixtures.movePartner(A, NOWHERE);
        lending.shipLoan(staffOf(B1), lendingRecord(B1, CANCEL_NO), fixtures.barcodeOf(B1, ISBN_CANCEL_NO));
    }

    @Test
    @Order(4)
    @OperateOnDeployment("a")
    void onAThePartnersAnswersArriveAndTheReaderActs() throws InterruptedException {
        eventuallyIn(MOVE_ON, RequestState.WILL_SUPPLY);
        eventuallyIn(LOAN, RequestState.LOANED);
        eventuallyIn(COPY, RequestState.COPY_COMPLETED);
        eventuallyIn(CANCEL_YES, RequestState.WILL_SUPPLY);
        long loan = requestTitled(LOAN);
        borrowing.receive(fixtures.borrowingOffice(loan), loan, null);
        borrowing.requestRenewal(fixtures.borrowingOffice(loan), loan);
        long yes = requestTitled(CANCEL_YES);
        borrowing.cancel(fixtures.borrowingOffice(yes), yes, null, "found it in a bookshop");
        // B's Loaned has not arrived (B cannot reach A): the reader cancels, too late
        assertEquals(RequestState.REQUEST_RECEIVED, stateOf(CANCEL_NO));
        long no = requestTitled(CANCEL_NO);
        borrowing.cancel(fixtures.borrowingOffice(no), no, null, "no longer needed");
        // both cancels reach B; B's answers wait until A can be reached again
        assertEquals(RequestState.CANCEL_REQUESTED, stateOf(CANCEL_YES));
        assertEquals(RequestState.CANCEL_REQUESTED, stateOf(CANCEL_NO));
        eventually("both cancels delivered to B", () -> fixtures.outboxOf(yes).get(fixtures.outboxOf(yes).size() - 1)
                .equals("requestingAgencyMessage DELIVERED 1") && fixtures.outboxOf(no)
                .get(fixtures.outboxOf(no).size() - 1).equals("requestingAgencyMessage DELIVERED 1"));
    }

    @Test
    @Order(5)
    @OperateOnDeployment("b")
    void onBTheRenewalIsGrantedAndAIsReachableAgain() throws InterruptedException {
        long loan = lendingRecord(B1, LOAN);
        eventually("the renewal request arrives", () -> fixtures.strings(
                "SELECT renewal_pending::text FROM supplier_request WHERE id = " + loan).equals(List.of("true")));
        lending.approveRenewal(staffOf(B1), loan);
        eventuallyAtB(B1, CANCEL_YES, SupplierState.CANCELLED);
        long tooLate = lendingRecord(B1, CANCEL_NO);
        assertEquals(SupplierState.LOANED, fixtures.lendingState(tooLate), "shipped: the cancel is answered no");
        List<String> waiting = fixtures.lendingOutboxOf(tooLate);
        assertTrue(waiting.stream().allMatch(line -> line.contains("PENDING")) && waiting.size() >= 2,
                "Loaned and the answer to the cancel wait for A: " + waiting);
        fixtures.movePartner(A, A_ENDPOINT);
        sender.deliverDue(Instant.now().plus(Duration.ofMinutes(10)));
        eventually("everything delivered to A", () -> fixtures.lendingOutboxOf(tooLate).stream()
                .allMatch(line -> line.contains("DELIVERED")));
    }

    @Test
    @Order(6)
    @OperateOnDeployment("a")
    void onATheRenewedLoanGoesBackAndTheLateCancelWasRefused() throws InterruptedException {
        eventuallyIn(CANCEL_YES, RequestState.CANCELLED);
        eventuallyIn(CANCEL_NO, RequestState.LOANED);
        assertTrue(fixtures.borrowerProtocolOf(requestTitled(CANCEL_NO)).stream()
                .anyMatch(line -> line.startsWith("IN supplyingAgencyMessage CancelResponse")), "answered no");
        long loan = requestTitled(LOAN);
        eventually("renewed", () -> queries.details(loan).renewals() == 1);
        assertTrue(queries.details(loan).dueDate().isAfter(LocalDate.now().plusDays(21)), "a later due date");
        borrowing.shipBack(fixtures.borrowingOffice(loan), loan, null);
        eventuallyIn(LOAN, RequestState.SHIPPED_BACK);

        // B1 cannot be reached for a while: the request waits in A's outbox, and reaches B1 once it is back
        fixtures.movePartner(B1, NOWHERE);
        fixtures.movePartner(B2, NOWHERE);
        String card = fixtures.strings("SELECT r.card_number FROM reader r JOIN library l ON l.id = r.library_id "
                + "WHERE l.agency_id_value = '" + A + "'").get(0);
        long down = apply(card, ISBN_DOWN, DOWN, ServiceType.LOAN);
        eventually("tried and waiting", () -> fixtures.strings("SELECT state || ' ' || attempts FROM outbound_message "
                + "WHERE request_id = " + down + " AND last_error IS NOT NULL").equals(List.of("PENDING 1")));
        sender.deliverDue(Instant.now().plus(Duration.ofMinutes(1)));
        assertEquals(List.of("request PENDING 2"), fixtures.outboxOf(down));
        fixtures.movePartner(B1, B_ENDPOINT);
        fixtures.movePartner(B2, B_ENDPOINT);
        sender.deliverDue(Instant.now().plus(Duration.ofMinutes(10)));
        eventually("delivered once B1 is back", () -> fixtures.outboxOf(down).get(0).equals("request DELIVERED 3"));
        // the confirmation is lost on the way back (as if): the same message goes again, and B applies it once
        fixtures.nativeUpdate("UPDATE outbound_message SET state = 'PENDING', next_attempt_at = now() "
                + "WHERE request_id = " + down + " AND state = 'DELIVERED'");
        sender.deliverDue(Instant.now().plus(Duration.ofMinutes(20)));
        eventually("delivered again", () -> fixtures.outboxOf(down).get(0).equals("request DELIVERED 4"));
        assertEquals(B1, queries.details(down).lenderIsil());
        assertEquals(RequestState.REQUEST_RECEIVED, queries.details(down).state());
    }

    @Test
    @Order(7)
    @OperateOnDeployment("b")
    void onBTheLoanIsCheckedInAndTheRepeatedRequestWasAppliedOnce() throws InterruptedException {
        long loan = lendingRecord(B1, LOAN);
        eventually("shipped back", () -> fixtures.lendingState(loan) == SupplierState.RETURN_SHIPPED);
        lending.checkIn(staffOf(B1), loan);
        assertEquals(SupplierState.LOAN_COMPLETED, fixtures.lendingState(loan));
        lendingRecord(B1, DOWN);
        assertEquals(List.of("1"), fixtures.strings("SELECT count(*)::text FROM supplier_request s JOIN library l "
                + "ON l.id = s.lender_id WHERE l.agency_id_value = '" + B1 + "' AND s.bib_title = '" + DOWN + "'"),
                "the request B1 got twice is one record");
    }

    @Test
    @Order(8)
    @OperateOnDeployment("a")
    void onAEveryCycleEndedAsItShould() throws InterruptedException {
        eventuallyIn(LOAN, RequestState.LOAN_COMPLETED);
        assertEquals(RequestState.COPY_COMPLETED, stateOf(COPY));
        assertEquals(RequestState.CANCELLED, stateOf(CANCEL_YES));
        assertEquals(RequestState.LOANED, stateOf(CANCEL_NO));
        assertEquals(RequestState.WILL_SUPPLY, stateOf(MOVE_ON));
        assertEquals(List.of(), fixtures.strings("SELECT state FROM outbound_message WHERE state <> 'DELIVERED' "
                + "AND request_id IN (SELECT id FROM ill_request WHERE bib_title LIKE 'Two servers:%')"),
                "every message of A delivered");
    }
}
