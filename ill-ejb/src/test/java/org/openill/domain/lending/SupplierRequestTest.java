package org.openill.domain.lending;

import org.junit.jupiter.api.Test;
import org.openill.domain.Actor;
import org.openill.domain.IllRuleViolation;
import org.openill.domain.InvalidInputException;
import org.openill.domain.NotAllowedException;
import org.openill.domain.agreement.PartnerAgreement;
import org.openill.domain.catalogue.BibliographicRecord;
import org.openill.domain.catalogue.CirculationStatus;
import org.openill.domain.catalogue.Holding;
import org.openill.domain.catalogue.RecordFormat;
import org.openill.domain.library.AgencyId;
import org.openill.domain.library.Branch;
import org.openill.domain.library.Library;
import org.openill.domain.library.Location;
import org.openill.domain.library.LocationType;
import org.openill.domain.request.BibliographicDescription;
import org.openill.domain.request.LoanCondition;
import org.openill.domain.request.ServiceType;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The lending library's record of a request: what its staff and clock do (answer, supply from a copy the one supply
 * rule allows, renew, recall, check in) and what the borrower's messages ask or report (the actor is then the
 * requesting agency as a partner).
 */
class SupplierRequestTest {

    private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");
    /** T0's date where South is (Europe/Berlin). */
    private static final LocalDate DAY = LocalDate.of(2026, 11, 2);
    private static final String REQUEST_ID = "7-1";

    private static final Actor SOUTH_STAFF = Actor.staff("ZZ-SCL", "sam");
    private static final Actor NORTH_STAFF = Actor.staff("ZZ-NUL", "nora");
    private static final Actor EAST_STAFF = Actor.staff("ZZ-ECL", "eve");
    /** North's own system: its requesting agency messages make the borrower's steps on South's record. */
    private static final Actor NORTH = Actor.partner("ZZ-NUL");
    private static final Actor EAST = Actor.partner("ZZ-ECL");
    private static final Actor SOUTH = Actor.partner("ZZ-SCL");

    private final Library north = library("ZZ-NUL");
    private final Library south = library("ZZ-SCL");
    private final Library east = library("ZZ-ECL");
    private final Branch southMain = south.openBranch("MAIN", "Main");
    private final Location southOpen = southMain.addLocation("OPEN", "Open shelves", LocationType.OPEN_SHELVES, true);
    private final Location southRare = southMain.addLocation("RARE", "Rare books", LocationType.SPECIAL_COLLECTIONS,
            true);
    private final Location southLocalHistory = southMain.addLocation("LOCAL", "Local history",
            LocationType.SPECIAL_COLLECTIONS, false);
    private final Location southReferenceRoom = south.openBranch("PHYS", "Physics").addLocation("REF",
            "Physics reference room", LocationType.DEPARTMENT_REFERENCE_ROOM, false);
    private final Location eastOpen = east.openBranch("MAIN", "Main").addLocation("OPEN", "Open shelves",
            LocationType.OPEN_SHELVES, true);
    private final BibliographicRecord record = new BibliographicRecord("Introduction to Algorithms", RecordFormat.BOOK);
    private final PartnerAgreement terms = activeAgreement(south, north);

    // ---- fixtures ----

    private static Library library(String isil) {
        return new Library(AgencyId.isil(isil), isil, ZoneId.of("Europe/Berlin"));
    }

    /** South lends to North: loans and copies, 28 days, one renewal. */
    private static PartnerAgreement activeAgreement(Library lender, Library borrower) {
        PartnerAgreement agreement = new PartnerAgreement(lender, borrower, false, DAY.minusMonths(1))
                .withServices(true, true, 28, 1, 10);
        agreement.activate();
        return agreement;
    }

    /** A copy of the requested work in the collection, on the shelf. */
    private Holding copyIn(Location location, String barcode) {
        return new Holding(record, location, "QA76", barcode);
    }

    private Holding onTheOpenShelves() {
        return copyIn(southOpen, "SCL2");
    }

    private Holding lentElsewhere() {
        Holding holding = copyIn(southOpen, "SCL2");
        holding.lend();
        return holding;
    }

    private Holding missing() {
        Holding holding = copyIn(southOpen, "SCL2");
        holding.markMissing();
        return holding;
    }

    private static BibliographicDescription describedFor(ServiceType service) {
        BibliographicDescription.Builder description = BibliographicDescription.titled("Introduction to Algorithms")
                .isbn("9780262033848");
        if (service != ServiceType.LOAN) {
            description.part("Chapter 1", null, null, null, "1-20");
        }
        return description.build();
    }

    /** North's request REQUEST_ID of the service as it arrives at South, under the agreement given. */
    private SupplierRequest received(ServiceType service, PartnerAgreement agreement) {
        return new SupplierRequest(NORTH, south, north.agencyId(), REQUEST_ID, north, agreement, record,
                describedFor(service), service, "Ada Reader", T0);
    }

    private SupplierRequest received(ServiceType service) {
        return received(service, terms);
    }

    private SupplierRequest loanRequest() {
        return received(ServiceType.LOAN);
    }

    /** A loan South shipped at T0 from the copy given (due 28 days later, on 2026-11-30). */
    private SupplierRequest shipped(Holding holding) {
        SupplierRequest request = loanRequest();
        request.shipLoan(SOUTH_STAFF, holding, T0);
        return request;
    }

    private SupplierRequest shipped() {
        return shipped(onTheOpenShelves());
    }

    private static Instant lenderMidnightAfter(LocalDate day, Library lender) {
        return day.plusDays(1).atStartOfDay(lender.timeZone()).toInstant();
    }

    private static SupplierEvent lastEvent(SupplierRequest request) {
        return request.events().get(request.events().size() - 1);
    }

    private static List<SupplierAction> trail(SupplierRequest request) {
        return request.events().stream().map(SupplierEvent::action).toList();
    }

    // ---- arrival ----

    @Test
    void aRequestArrivesNewFromTheRequestingAgency() {
        SupplierRequest request = loanRequest();
        assertEquals(SupplierState.NEW, request.state());
        assertEquals(north.agencyId(), request.requestingAgency());
        assertEquals(REQUEST_ID, request.requestingAgencyRequestId());
        assertNull(request.previousRequestId());
        assertEquals("Ada Reader", request.patron());
        SupplierEvent arrival = lastEvent(request);
        assertEquals(SupplierAction.RECEIVE_REQUEST, arrival.action());
        assertEquals("partner ZZ-NUL", arrival.actor());
        assertEquals("Loan request 7-1 from ZZ-NUL for \"Introduction to Algorithms\"", arrival.message());
    }

    @Test
    void aLibraryCannotAskItself() {
        IllRuleViolation refused = assertThrows(IllRuleViolation.class, () -> new SupplierRequest(SOUTH, south,
                south.agencyId(), REQUEST_ID, south, null, record, describedFor(ServiceType.LOAN), ServiceType.LOAN,
                null, T0));
        assertEquals("ZZ-SCL cannot ask itself for an interlibrary loan", refused.getMessage());
    }

    // ---- answers ----

    @Test
    void willSupplyWithACopyOnTheShelf() {
        SupplierRequest request = loanRequest();
        request.willSupply(SOUTH_STAFF, List.of(onTheOpenShelves()), T0, "from the stacks");
        assertEquals(SupplierState.WILL_SUPPLY, request.state());
        assertEquals("Will supply", lastEvent(request).message());
        assertEquals("from the stacks", lastEvent(request).note());
    }

    @Test
    void willSupplyWithOnlyAReferenceRoomCopyIsRefused() {
        SupplierRequest request = loanRequest();
        IllRuleViolation refused = assertThrows(IllRuleViolation.class, () -> request.willSupply(SOUTH_STAFF,
                List.of(copyIn(southReferenceRoom, "SCL1")), T0, null));
        assertEquals("ZZ-SCL holds it only in a reference room, which never lends through interlibrary loan",
                refused.getMessage());
        assertEquals(SupplierState.NEW, request.state());
    }

    @Test
    void willSupplyWithOnlyACopyOnLoanIsRefused() {
        SupplierRequest request = loanRequest();
        IllRuleViolation refused = assertThrows(IllRuleViolation.class,
                () -> request.willSupply(SOUTH_STAFF, List.of(lentElsewhere()), T0, null));
        assertEquals("ZZ-SCL holds no copy it may supply through interlibrary loan: Holding SCL2 is not on the shelf: "
                + "it is on loan", refused.getMessage());
        assertEquals(SupplierState.NEW, request.state());
    }

    @Test
    void willSupplyFromACollectionTheAgreementExcludesIsRefused() {
        SupplierRequest request = loanRequest();
        terms.excludeCollection(southRare);
        IllRuleViolation refused = assertThrows(IllRuleViolation.class,
                () -> request.willSupply(SOUTH_STAFF, List.of(copyIn(southRare, "SCL7")), T0, null));
        assertEquals("ZZ-SCL holds no copy it may supply through interlibrary loan: Holding SCL7 is in Rare books, "
                + "a collection the partner agreement excludes", refused.getMessage());
        assertEquals(SupplierState.NEW, request.state());
    }

    @Test
    void willSupplyWithOnlyAMissingCopyIsRefused() {
        SupplierRequest request = loanRequest();
        IllRuleViolation refused = assertThrows(IllRuleViolation.class,
                () -> request.willSupply(SOUTH_STAFF, List.of(missing()), T0, null));
        assertEquals("ZZ-SCL holds no copy it may supply through interlibrary loan: Holding SCL2 is not on the shelf: "
                + "it is missing", refused.getMessage());
        assertEquals(SupplierState.NEW, request.state());
    }

    @Test
    void willSupplyCountsOnlyTheLendersOwnCopiesOfTheWork() {
        SupplierRequest request = loanRequest();
        Holding eastsCopy = new Holding(record, eastOpen, "QA76", "ECL1");
        Holding otherWork = new Holding(new BibliographicRecord("Other Book", RecordFormat.BOOK), southOpen, "X1",
                "SCL9");
        IllRuleViolation refused = assertThrows(IllRuleViolation.class,
                () -> request.willSupply(SOUTH_STAFF, List.of(eastsCopy, otherWork), T0, null));
        assertEquals("ZZ-SCL holds no copy it may supply through interlibrary loan", refused.getMessage());
        request.willSupply(SOUTH_STAFF, List.of(eastsCopy, otherWork, onTheOpenShelves()), T0, null);
        assertEquals(SupplierState.WILL_SUPPLY, request.state());
    }

    @Test
    void anItemKnownOnlyByTheBorrowersDescriptionIsPromisedWithoutACopyToCheck() {
        SupplierRequest request = new SupplierRequest(NORTH, south, north.agencyId(), REQUEST_ID, north, terms, null,
                describedFor(ServiceType.LOAN), ServiceType.LOAN, null, T0);
        request.willSupply(SOUTH_STAFF, List.of(), T0, null);
        assertEquals(SupplierState.WILL_SUPPLY, request.state());
    }

    @Test
    void withoutAPartnerAgreementNothingIsSupplied() {
        SupplierRequest request = received(ServiceType.LOAN, null);
        IllRuleViolation refused = assertThrows(IllRuleViolation.class,
                () -> request.willSupply(SOUTH_STAFF, List.of(onTheOpenShelves()), T0, null));
        assertEquals("ZZ-SCL has no partner agreement with ZZ-NUL: it cannot supply under any terms",
                refused.getMessage());
        assertThrows(IllRuleViolation.class, () -> request.shipLoan(SOUTH_STAFF, onTheOpenShelves(), T0));
        assertEquals(SupplierState.NEW, request.state());
    }

    @Test
    void expectToSupplyThenAReminderChangesNothingButTheHistory() {
        SupplierRequest request = loanRequest();
        request.expectToSupply(SOUTH_STAFF, T0, null);
        request.reminderReceived(NORTH, T0.plusSeconds(60));
        assertEquals(SupplierState.EXPECT_TO_SUPPLY, request.state());
        assertEquals(SupplierAction.RECEIVE_REMINDER, lastEvent(request).action());
        assertEquals("ZZ-NUL reminds the lender of the request", lastEvent(request).message());
    }

    @Test
    void unfilledKeepsTheReasonAndAnOverLongOneIsRefusedFirst() {
        SupplierRequest request = loanRequest();
        InvalidInputException tooLong = assertThrows(InvalidInputException.class,
                () -> request.unfilled(SOUTH_STAFF, "x".repeat(SupplierRequest.REASON_LENGTH + 1), T0));
        assertEquals("reason", tooLong.field());
        assertEquals(SupplierState.NEW, request.state());
        request.unfilled(SOUTH_STAFF, "lost on the shelf", T0);
        assertEquals(SupplierState.UNFILLED, request.state());
        assertEquals("lost on the shelf", request.reason());
        assertThrows(IllegalSupplierTransitionException.class, () -> request.unfilled(SOUTH_STAFF, null, T0));
    }

    // ---- supply ----

    @Test
    void shippingALoanSetsTheDueDateFromTheAgreementsLoanPeriodAndLendsTheCopy() {
        Holding copy = onTheOpenShelves();
        SupplierRequest request = loanRequest();
        LocalDate due = request.shipLoan(SOUTH_STAFF, copy, T0);
        assertEquals(DAY.plusDays(28), due);
        assertEquals(due, request.dueDate());
        assertEquals(SupplierState.LOANED, request.state());
        assertEquals(ServiceType.LOAN, request.suppliedAs());
        assertEquals(copy, request.suppliedHolding());
        assertEquals(CirculationStatus.ON_LOAN, copy.circulationStatus());
        assertEquals("Shipped SCL2, due back 2026-11-30", lastEvent(request).message());
    }

    @Test
    void theLoanPeriodCountsFromTheLendersDate() {
        terms.withServices(true, true, 14, 1, 10);
        SupplierRequest request = loanRequest();
        Instant lateEvening = Instant.parse("2026-11-02T23:30:00Z"); // already 3 November in Berlin
        assertEquals(LocalDate.of(2026, 11, 17), request.shipLoan(SOUTH_STAFF, onTheOpenShelves(), lateEvening));
    }

    @Test
    void aCopyTheRuleRefusesIsNotShippedAndStaysOnTheShelf() {
        SupplierRequest request = loanRequest();
        Holding inReferenceRoom = copyIn(southReferenceRoom, "SCL1");
        IllRuleViolation refused = assertThrows(IllRuleViolation.class,
                () -> request.shipLoan(SOUTH_STAFF, inReferenceRoom, T0));
        assertTrue(refused.getMessage().contains("never lent through interlibrary loan"), refused.getMessage());
        assertEquals(CirculationStatus.AVAILABLE, inReferenceRoom.circulationStatus());
        Holding localHistory = copyIn(southLocalHistory, "SCL3");
        assertThrows(IllRuleViolation.class, () -> request.shipLoan(SOUTH_STAFF, localHistory, T0),
                "a collection whose items stay in the house lends nothing");
        assertEquals(SupplierState.NEW, request.state());
        assertNull(request.dueDate());
    }

    @Test
    void onlyTheLendersOwnCopyOfTheWorkIsShipped() {
        SupplierRequest request = loanRequest();
        IllRuleViolation otherWork = assertThrows(IllRuleViolation.class, () -> request.shipLoan(SOUTH_STAFF,
                new Holding(new BibliographicRecord("Other Book", RecordFormat.BOOK), southOpen, "X1", "SCL9"), T0));
        assertEquals("Holding SCL9 is a copy of another work, not of \"Introduction to Algorithms\"",
                otherWork.getMessage());
        IllRuleViolation eastsCopy = assertThrows(IllRuleViolation.class,
                () -> request.shipLoan(SOUTH_STAFF, new Holding(record, eastOpen, "QA76", "ECL1"), T0));
        assertEquals("Holding ECL1 is not held by ZZ-SCL", eastsCopy.getMessage());
        assertEquals(SupplierState.NEW, request.state());
    }

    @Test
    void aCopyIsDeliveredFromACopyOnTheShelfAndTheItemStays() {
        SupplierRequest request = received(ServiceType.COPY);
        IllRuleViolation noLoan = assertThrows(IllRuleViolation.class,
                () -> request.shipLoan(SOUTH_STAFF, onTheOpenShelves(), T0));
        assertEquals("Cannot ship the loan for a Copy request", noLoan.getMessage());
        IllRuleViolation fromMissing = assertThrows(IllRuleViolation.class,
                () -> request.deliverCopy(SOUTH_STAFF, missing(), T0, null));
        assertEquals("Holding SCL2 is not on the shelf: it is missing", fromMissing.getMessage());
        assertEquals(SupplierState.NEW, request.state());
        Holding localHistory = copyIn(southLocalHistory, "SCL3");
        request.deliverCopy(SOUTH_STAFF, localHistory, T0, "scanned");
        assertEquals(SupplierState.COPY_COMPLETED, request.state());
        assertEquals(ServiceType.COPY, request.suppliedAs());
        assertEquals(CirculationStatus.AVAILABLE, localHistory.circulationStatus());
        assertEquals("Delivered the copy made from SCL3", lastEvent(request).message());
    }

    @Test
    void aLoanRequestIsNotAnsweredWithACopy() {
        SupplierRequest request = loanRequest();
        IllRuleViolation refused = assertThrows(IllRuleViolation.class,
                () -> request.deliverCopy(SOUTH_STAFF, onTheOpenShelves(), T0, null));
        assertEquals("Cannot deliver the copy for a Loan request", refused.getMessage());
    }

    @Test
    void aCopyOrLoanRequestIsSuppliedAsALoan() {
        SupplierRequest request = received(ServiceType.COPY_OR_LOAN);
        request.shipLoan(SOUTH_STAFF, onTheOpenShelves(), T0);
        assertEquals(SupplierState.LOANED, request.state());
        assertEquals(ServiceType.LOAN, request.suppliedAs());
        assertEquals(DAY.plusDays(28), request.dueDate());
    }

    @Test
    void aCopyOrLoanRequestIsSuppliedAsACopy() {
        SupplierRequest request = received(ServiceType.COPY_OR_LOAN);
        request.willSupply(SOUTH_STAFF, List.of(copyIn(southLocalHistory, "SCL3")), T0, null);
        request.deliverCopy(SOUTH_STAFF, copyIn(southLocalHistory, "SCL3"), T0, null);
        assertEquals(SupplierState.COPY_COMPLETED, request.state());
        assertEquals(ServiceType.COPY, request.suppliedAs());
        assertNull(request.dueDate());
    }

    // ---- retry possible, conditions ----

    @Test
    void conditionsAcceptedByARetryReKeyTheRecord() {
        SupplierRequest request = loanRequest();
        Instant retryBefore = T0.plus(Duration.ofDays(5));
        request.retryPossible(SOUTH_STAFF, null, Set.of(LoanCondition.LIBRARY_USE_ONLY), new BigDecimal("4.00"),
                "EUR", retryBefore, List.of(onTheOpenShelves()), T0);
        assertEquals(SupplierState.RETRY_POSSIBLE, request.state());
        assertEquals(Set.of(LoanCondition.LIBRARY_USE_ONLY, LoanCondition.COST), request.conditionSet());
        assertEquals(new BigDecimal("4.00"), request.offeredCost());
        assertEquals("EUR", request.offeredCurrency());
        assertEquals(retryBefore, request.retryBefore());
        assertFalse(request.conditionsAccepted());
        assertEquals("Retry possible; conditions LibraryUseOnly,Cost (cost 4.00 EUR)", lastEvent(request).message());

        request.retryReceived(NORTH, "7-1-2", T0.plus(Duration.ofDays(1)));
        assertEquals(SupplierState.NEW, request.state());
        assertEquals("7-1-2", request.requestingAgencyRequestId());
        assertEquals(REQUEST_ID, request.previousRequestId());
        assertTrue(request.conditionsAccepted());
        assertNull(request.retryBefore());
        assertEquals("Request sent again as 7-1-2, accepting the conditions LibraryUseOnly,Cost",
                lastEvent(request).message());
        request.shipLoan(SOUTH_STAFF, onTheOpenShelves(), T0.plus(Duration.ofDays(1)));
        assertEquals(SupplierState.LOANED, request.state());
    }

    @Test
    void aPlainRetryAcceptsNoConditions() {
        SupplierRequest request = loanRequest();
        request.retryPossible(SOUTH_STAFF, "at the bindery", null, null, null, null, List.of(), T0);
        assertEquals("at the bindery", request.reason());
        assertTrue(request.conditionSet().isEmpty());
        request.retryReceived(NORTH, "7-1-2", T0.plus(Duration.ofDays(3)));
        assertFalse(request.conditionsAccepted());
        assertEquals("7-1-2", request.requestingAgencyRequestId());
    }

    @Test
    void retryPossibleNeedsAReasonOrConditionsAndCheckedTerms() {
        SupplierRequest request = loanRequest();
        List<Holding> copies = List.of(onTheOpenShelves());
        InvalidInputException nothing = assertThrows(InvalidInputException.class,
                () -> request.retryPossible(SOUTH_STAFF, null, Set.of(), null, null, null, copies, T0));
        assertEquals("reason", nothing.field());
        InvalidInputException negative = assertThrows(InvalidInputException.class, () -> request.retryPossible(
                SOUTH_STAFF, null, Set.of(), new BigDecimal("-1"), "EUR", null, copies, T0));
        assertEquals("cost", negative.field());
        InvalidInputException passed = assertThrows(InvalidInputException.class, () -> request.retryPossible(
                SOUTH_STAFF, "later", null, null, null, T0, copies, T0));
        assertEquals("retry before", passed.field());
        assertThrows(IllRuleViolation.class, () -> request.retryPossible(SOUTH_STAFF, null,
                Set.of(LoanCondition.LIBRARY_USE_ONLY), null, null, null, List.of(lentElsewhere()), T0),
                "conditions promise a copy the lender may supply");
        assertEquals(SupplierState.NEW, request.state());
    }

    @Test
    void aRetryIsReceivedOnlyAfterRetryPossible() {
        SupplierRequest request = loanRequest();
        IllegalSupplierTransitionException refused = assertThrows(IllegalSupplierTransitionException.class,
                () -> request.retryReceived(NORTH, "7-1-2", T0));
        assertEquals(SupplierState.NEW, refused.state());
        assertEquals(SupplierAction.RECEIVE_RETRY, refused.action());
        assertEquals(REQUEST_ID, request.requestingAgencyRequestId());
    }

    // ---- cancellation ----

    @Test
    void aCancellationBeforeShippingIsAnsweredYes() {
        SupplierRequest request = loanRequest();
        request.willSupply(SOUTH_STAFF, List.of(onTheOpenShelves()), T0, null);
        assertTrue(request.cancelAsked(NORTH, T0.plusSeconds(60), "found elsewhere"));
        assertEquals(SupplierState.CANCELLED, request.state());
        assertEquals(SupplierAction.CANCEL_YES, lastEvent(request).action());
        assertEquals("found elsewhere", lastEvent(request).note());
    }

    @Test
    void aCancellationAfterShippingIsAnsweredNoAndChangesNoState() {
        Holding copy = onTheOpenShelves();
        SupplierRequest request = shipped(copy);
        assertFalse(request.cancelAsked(NORTH, T0.plusSeconds(60), "found elsewhere"));
        assertEquals(SupplierState.LOANED, request.state());
        assertEquals(CirculationStatus.ON_LOAN, copy.circulationStatus());
        SupplierEvent answer = lastEvent(request);
        assertEquals(SupplierAction.NOTE, answer.action());
        assertEquals(SupplierState.LOANED, answer.fromState());
        assertEquals(SupplierState.LOANED, answer.toState());
        assertEquals("Cancellation asked and refused: the request is Loaned", answer.message());
    }

    // ---- renewal ----

    @Test
    void renewalsStopAtTheAgreementsLimit() {
        SupplierRequest request = shipped();
        request.renewalAsked(NORTH, T0);
        assertTrue(request.renewalPending());
        IllRuleViolation twice = assertThrows(IllRuleViolation.class, () -> request.renewalAsked(NORTH, T0));
        assertEquals("A renewal has already been asked for and awaits the lender's answer", twice.getMessage());
        assertEquals(DAY.plusDays(56), request.renew(SOUTH_STAFF, T0));
        assertEquals(DAY.plusDays(56), request.dueDate());
        assertEquals(1, request.renewals());
        assertFalse(request.renewalPending());
        request.renewalAsked(NORTH, T0);
        IllRuleViolation refused = assertThrows(IllRuleViolation.class, () -> request.renew(SOUTH_STAFF, T0));
        assertEquals("The partner agreement allows 1 renewal(s) and 1 have been granted", refused.getMessage());
        assertEquals(DAY.plusDays(56), request.dueDate());
        request.refuseRenewal(SOUTH_STAFF, "the limit is reached", T0);
        assertFalse(request.renewalPending());
        assertEquals(DAY.plusDays(56), request.dueDate());
        assertEquals("Renewal refused: the limit is reached", lastEvent(request).message());
    }

    @Test
    void noRenewalIsGrantedOrRefusedUnlessAskedFor() {
        SupplierRequest request = shipped();
        IllRuleViolation renew = assertThrows(IllRuleViolation.class, () -> request.renew(SOUTH_STAFF, T0));
        assertEquals("No renewal has been asked for", renew.getMessage());
        assertThrows(IllRuleViolation.class, () -> request.refuseRenewal(SOUTH_STAFF, null, T0));
        assertEquals(DAY.plusDays(28), request.dueDate());
    }

    @Test
    void anOverdueLoanRenewedIsCurrentAgain() {
        SupplierRequest request = shipped();
        Instant overdue = lenderMidnightAfter(DAY.plusDays(28), south);
        request.markOverdue(Actor.SYSTEM, overdue);
        request.renewalAsked(NORTH, overdue);
        assertEquals(SupplierState.OVERDUE, request.state());
        assertEquals(DAY.plusDays(56), request.renew(SOUTH_STAFF, overdue));
        assertEquals(SupplierState.LOANED, request.state());
    }

    // ---- recall ----

    @Test
    void aRecallNeverLengthensALoan() {
        SupplierRequest request = shipped();
        assertFalse(request.recall(SOUTH_STAFF, 60, T0, "needed for a course"));
        assertEquals(DAY.plusDays(28), request.dueDate());
        assertEquals(SupplierState.RECALLED, request.state());
        assertEquals("Recalled, due 2026-11-30 (unchanged: a recall never lengthens a loan)",
                lastEvent(request).message());
        request.recall(SOUTH_STAFF, 5, T0, "needed sooner");
        assertEquals(DAY.plusDays(5), request.dueDate());
        assertEquals("Recalled, due 2026-11-07", lastEvent(request).message());
    }

    @Test
    void aRecallRefusesZeroOrNegativeDaysAndChangesNothing() {
        SupplierRequest request = shipped();
        int events = request.events().size();
        for (int days : new int[] {0, -3}) {
            InvalidInputException refused = assertThrows(InvalidInputException.class,
                    () -> request.recall(SOUTH_STAFF, days, T0, null));
            assertEquals("days to return", refused.field());
            assertEquals("A recall gives the borrower at least one day to return the item; " + days
                    + " day(s) cannot be given", refused.getMessage());
        }
        assertEquals(SupplierState.LOANED, request.state());
        assertEquals(DAY.plusDays(28), request.dueDate());
        assertEquals(events, request.events().size());
    }

    @Test
    void aRecallRefusesARenewalAskedFor() {
        SupplierRequest request = shipped();
        request.renewalAsked(NORTH, T0);
        assertTrue(request.recall(SOUTH_STAFF, 5, T0.plusSeconds(60), "needed for a course"));
        assertFalse(request.renewalPending());
        assertEquals(0, request.renewals());
        List<SupplierEvent> events = request.events();
        SupplierEvent refusal = events.get(events.size() - 2);
        assertEquals(SupplierAction.RENEW_NO, refusal.action());
        assertEquals("Renewal refused: the item is recalled", refusal.message());
        assertEquals("needed for a course", refusal.note());
        assertEquals(SupplierAction.RECALL, lastEvent(request).action());
        assertThrows(IllegalSupplierTransitionException.class, () -> request.renewalAsked(NORTH, T0),
                "a recalled loan is not renewed");
    }

    @Test
    void aRecallDoesNotMakeAnOverdueLoanCurrentAgain() {
        SupplierRequest request = shipped();
        Instant overdue = lenderMidnightAfter(DAY.plusDays(28), south);
        request.markOverdue(Actor.SYSTEM, overdue);
        request.recall(SOUTH_STAFF, 14, overdue, "overdue");
        assertEquals(DAY.plusDays(28), request.dueDate());
        assertEquals(SupplierState.OVERDUE, request.state());
        List<SupplierAction> trail = trail(request);
        assertEquals(List.of(SupplierAction.MARK_OVERDUE, SupplierAction.RECALL, SupplierAction.MARK_OVERDUE),
                trail.subList(trail.size() - 3, trail.size()));
    }

    // ---- overdue, by the lender's date ----

    @Test
    void dueDatePassesAtTheLendersMidnightNotTheServers() {
        LocalDate due = LocalDate.of(2026, 11, 20);
        ZoneId auckland = ZoneId.of("Pacific/Auckland");
        ZoneId losAngeles = ZoneId.of("America/Los_Angeles");
        Instant aucklandMidnight = due.plusDays(1).atStartOfDay(auckland).toInstant();
        assertEquals(Instant.parse("2026-11-20T11:00:00Z"), aucklandMidnight);
        assertFalse(SupplierRequest.dueDatePassed(due, auckland, aucklandMidnight.minusSeconds(1)));
        assertTrue(SupplierRequest.dueDatePassed(due, auckland, aucklandMidnight));
        assertFalse(SupplierRequest.dueDatePassed(due, losAngeles, aucklandMidnight),
                "03:00 on the 20th in Los Angeles");
        Instant losAngelesMidnight = due.plusDays(1).atStartOfDay(losAngeles).toInstant();
        assertEquals(Instant.parse("2026-11-21T08:00:00Z"), losAngelesMidnight);
        assertFalse(SupplierRequest.dueDatePassed(due, losAngeles, losAngelesMidnight.minusSeconds(1)));
        assertTrue(SupplierRequest.dueDatePassed(due, losAngeles, losAngelesMidnight));
    }

    @Test
    void aLoanBecomesOverdueOnceWhenItsDueDateHasPassedWhereTheLenderIs() {
        SupplierRequest request = shipped();
        Instant southMidnight = lenderMidnightAfter(DAY.plusDays(28), south);
        assertFalse(request.isOverdueAt(southMidnight.minusSeconds(1)));
        IllRuleViolation early = assertThrows(IllRuleViolation.class,
                () -> request.markOverdue(Actor.SYSTEM, southMidnight.minusSeconds(1)));
        assertEquals("The loan is due 2026-11-30, not overdue on 2026-11-30 at ZZ-SCL", early.getMessage());
        assertEquals(SupplierState.LOANED, request.state());
        assertTrue(request.isOverdueAt(southMidnight));
        request.markOverdue(Actor.SYSTEM, southMidnight);
        assertEquals(SupplierState.OVERDUE, request.state());
        assertFalse(request.isOverdueAt(southMidnight.plusSeconds(600)), "an overdue loan is not marked again");
    }

    // ---- the return ----

    @Test
    void checkInWithoutTheBorrowersShippedReturnPutsTheCopyBack() {
        Holding copy = onTheOpenShelves();
        SupplierRequest request = shipped(copy);
        request.checkIn(SOUTH_STAFF, T0.plus(Duration.ofDays(20)));
        assertEquals(SupplierState.LOAN_COMPLETED, request.state());
        assertEquals(CirculationStatus.AVAILABLE, copy.circulationStatus());
        assertEquals("Checked in (the borrower had not said it shipped the item back)", lastEvent(request).message());
    }

    @Test
    void checkInAfterTheBorrowerShippedTheItemBack() {
        Holding copy = onTheOpenShelves();
        SupplierRequest request = shipped(copy);
        request.borrowerReceived(NORTH, T0.plus(Duration.ofDays(2)));
        assertEquals(T0.plus(Duration.ofDays(2)), request.borrowerReceivedAt());
        request.borrowerShippedReturn(NORTH, T0.plus(Duration.ofDays(18)), "parcel 123");
        assertEquals(SupplierState.RETURN_SHIPPED, request.state());
        request.checkIn(SOUTH_STAFF, T0.plus(Duration.ofDays(20)));
        assertEquals(SupplierState.LOAN_COMPLETED, request.state());
        assertEquals(CirculationStatus.AVAILABLE, copy.circulationStatus());
        assertEquals("Checked in", lastEvent(request).message());
    }

    @Test
    void anItemShippedForwardIsCheckedInWhenItComesBack() {
        SupplierRequest request = shipped();
        request.borrowerShippedForward(NORTH, T0.plus(Duration.ofDays(10)), null);
        assertEquals(SupplierState.SHIPPED_FORWARD, request.state());
        request.checkIn(SOUTH_STAFF, T0.plus(Duration.ofDays(30)));
        assertEquals(SupplierState.LOAN_COMPLETED, request.state());
    }

    @Test
    void anItemTheBorrowerLostIsMissingFromTheShelf() {
        Holding copy = onTheOpenShelves();
        SupplierRequest request = shipped(copy);
        request.borrowerLost(NORTH, T0.plus(Duration.ofDays(5)), "stolen from the reading room");
        assertEquals(SupplierState.COMPLETED_WITHOUT_RETURN, request.state());
        assertEquals(CirculationStatus.MISSING, copy.circulationStatus());
    }

    @Test
    void aLoanCompletedWithoutReturnLeavesTheCopyMissing() {
        Holding copy = onTheOpenShelves();
        SupplierRequest request = shipped(copy);
        request.markOverdue(Actor.SYSTEM, lenderMidnightAfter(DAY.plusDays(28), south));
        request.completeWithoutReturn(SOUTH_STAFF, T0.plus(Duration.ofDays(120)), "long overdue");
        assertEquals(SupplierState.COMPLETED_WITHOUT_RETURN, request.state());
        assertEquals(CirculationStatus.MISSING, copy.circulationStatus());
        assertEquals("long overdue", lastEvent(request).note());
    }

    @Test
    void aReturnHeldAndReleasedBeforeTheDueDateIsOnLoanAgain() {
        SupplierRequest request = shipped();
        request.holdReturn(NORTH, T0.plus(Duration.ofDays(5)), "closed for inventory");
        assertEquals(SupplierState.HOLD_RETURN, request.state());
        request.holdReturn(SOUTH_STAFF, T0.plus(Duration.ofDays(6)), "we are closed too");
        assertEquals(SupplierState.HOLD_RETURN, request.state());
        request.releaseHoldReturn(SOUTH_STAFF, T0.plus(Duration.ofDays(9)));
        assertEquals(SupplierState.LOANED, request.state());
        assertEquals("The item may be returned, due 2026-11-30", lastEvent(request).message());
    }

    @Test
    void aReturnReleasedAfterTheDueDateIsOverdueAtOnce() {
        SupplierRequest request = shipped();
        request.holdReturn(SOUTH_STAFF, T0.plus(Duration.ofDays(20)), "closed for the holidays");
        request.releaseHoldReturn(SOUTH_STAFF, lenderMidnightAfter(DAY.plusDays(28), south));
        assertEquals(SupplierState.OVERDUE, request.state());
        List<SupplierAction> trail = trail(request);
        assertEquals(List.of(SupplierAction.RELEASE_HOLD_RETURN, SupplierAction.MARK_OVERDUE),
                trail.subList(trail.size() - 2, trail.size()));
    }

    // ---- who acts ----

    @Test
    void onlyTheLendersStaffAndTheSystemActAsTheLender() {
        SupplierRequest request = loanRequest();
        NotAllowedException other = assertThrows(NotAllowedException.class,
                () -> request.willSupply(EAST_STAFF, List.of(onTheOpenShelves()), T0, null));
        assertEquals("staff ZZ-ECL/eve cannot answer will supply: lending record #null is handled by ZZ-SCL",
                other.getMessage());
        for (Actor notTheLender : List.of(NORTH_STAFF, NORTH, EAST, SOUTH, Actor.networkAdmin("ned"),
                Actor.reader("ZZ-SCL", "SCL-1"))) {
            assertThrows(NotAllowedException.class,
                    () -> request.willSupply(notTheLender, List.of(onTheOpenShelves()), T0, null),
                    notTheLender.text());
            assertThrows(NotAllowedException.class, () -> request.shipLoan(notTheLender, onTheOpenShelves(), T0),
                    notTheLender.text());
        }
        assertEquals(SupplierState.NEW, request.state());
        request.expectToSupply(Actor.SYSTEM, T0, null);
        request.willSupply(SOUTH_STAFF, List.of(onTheOpenShelves()), T0, null);
        assertEquals(SupplierState.WILL_SUPPLY, request.state());
    }

    @Test
    void theLendersStepsOnALoanAreRefusedToOthers() {
        SupplierRequest request = shipped();
        Instant overdue = lenderMidnightAfter(DAY.plusDays(28), south);
        for (Actor notTheLender : List.of(NORTH, NORTH_STAFF, EAST_STAFF, SOUTH)) {
            assertThrows(NotAllowedException.class, () -> request.recall(notTheLender, 3, T0, null),
                    notTheLender.text());
            assertThrows(NotAllowedException.class, () -> request.markOverdue(notTheLender, overdue),
                    notTheLender.text());
            assertThrows(NotAllowedException.class, () -> request.checkIn(notTheLender, T0), notTheLender.text());
            assertThrows(NotAllowedException.class, () -> request.releaseHoldReturn(notTheLender, T0),
                    notTheLender.text());
        }
        assertEquals(SupplierState.LOANED, request.state());
    }

    @Test
    void onlyTheRequestingAgencysMessagesActAsTheBorrower() {
        SupplierRequest request = shipped();
        NotAllowedException lender = assertThrows(NotAllowedException.class,
                () -> request.renewalAsked(SOUTH_STAFF, T0));
        assertEquals("staff ZZ-SCL/sam cannot receive a renewal request: only the messages of ZZ-NUL, which asked, "
                + "may", lender.getMessage());
        for (Actor notTheBorrower : List.of(SOUTH_STAFF, NORTH_STAFF, EAST, SOUTH, Actor.SYSTEM,
                Actor.reader("ZZ-NUL", "NUL-1"))) {
            assertThrows(NotAllowedException.class, () -> request.cancelAsked(notTheBorrower, T0, null),
                    notTheBorrower.text());
            assertThrows(NotAllowedException.class, () -> request.renewalAsked(notTheBorrower, T0),
                    notTheBorrower.text());
            assertThrows(NotAllowedException.class, () -> request.borrowerShippedReturn(notTheBorrower, T0, null),
                    notTheBorrower.text());
            assertThrows(NotAllowedException.class, () -> request.borrowerLost(notTheBorrower, T0, null),
                    notTheBorrower.text());
        }
        assertThrows(NotAllowedException.class, () -> request.holdReturn(NORTH_STAFF, T0, null),
                "the borrower's staff hold a return through their own record");
        assertEquals(SupplierState.LOANED, request.state());
        assertFalse(request.renewalPending());
        request.renewalAsked(NORTH, T0);
        assertTrue(request.renewalPending());
    }
}
