package org.openill.domain.request;

import org.junit.jupiter.api.Test;
import org.openill.domain.Actor;
import org.openill.domain.IllRuleViolation;
import org.openill.domain.InvalidInputException;
import org.openill.domain.NotAllowedException;
import org.openill.domain.Text;
import org.openill.domain.agreement.PartnerAgreement;
import org.openill.domain.catalogue.BibliographicRecord;
import org.openill.domain.catalogue.Holding;
import org.openill.domain.catalogue.RecordFormat;
import org.openill.domain.library.AgencyId;
import org.openill.domain.library.Library;
import org.openill.domain.library.Location;
import org.openill.domain.library.LocationType;
import org.openill.domain.notification.ReaderNotification;
import org.openill.domain.reader.Reader;
import org.openill.domain.reader.ReaderCategory;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IllRequestTest {

    private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 2);

    private static final Actor NORTH_STAFF = Actor.staff("ZZ-NUL", "nora");
    private static final Actor SOUTH_STAFF = Actor.staff("ZZ-SCL", "sam");
    private static final Actor EAST_STAFF = Actor.staff("ZZ-ECL", "eve");
    private static final Actor READER = Actor.reader("ZZ-NUL", "NUL-1");

    private final Library north = library("ZZ-NUL");
    private final Library south = library("ZZ-SCL");
    private final Library east = library("ZZ-ECL");
    private final Location southOpen = south.openBranch("MAIN", "Main").addLocation("OPEN", "Open shelves",
            LocationType.OPEN_SHELVES, true);
    private final Location southRef = south.openBranch("PHYS", "Physics").addLocation("REF", "Physics reference room",
            LocationType.DEPARTMENT_REFERENCE_ROOM, false);
    private final PartnerAgreement fromSouth = agreement(south, north, 10);
    private final PartnerAgreement fromEast = agreement(east, north, 20);
    private final Reader reader = new Reader(north, "NUL-1", DAY.minusYears(1), DAY.plusYears(1), "Ada", "Reader",
            "ada@example.org", ReaderCategory.POSTGRADUATE);
    private final BibliographicRecord record = new BibliographicRecord("Introduction to Algorithms", RecordFormat.BOOK);

    /** South's copy on its open shelves, which it may supply. */
    private List<Holding> southCopies() {
        return List.of(new Holding(record, southOpen, "QA76", "SCL2"));
    }

    private IllRequest loanRequest() {
        IllRequest request = new IllRequest(READER, reader, record,
                BibliographicDescription.titled("Introduction to Algorithms").isbn("9780262033848").build(),
                ServiceType.LOAN, T0);
        request.validate(NORTH_STAFF, T0, null);
        request.planRota(NORTH_STAFF, List.of(fromSouth, fromEast), List.of());
        return request;
    }

    @Test
    void unfilledAnswerMovesTheRequestToTheNextLender() {
        IllRequest request = loanRequest();
        assertTrue(request.sendToNextLender(NORTH_STAFF, T0));
        assertEquals(south, request.lender());
        request.lenderUnfilled(SOUTH_STAFF, "on loan", T0.plusSeconds(60));
        assertEquals(RequestState.REQUEST_RECEIVED, request.state());
        assertEquals(east, request.lender());
        assertEquals(RotaEntryStatus.UNFILLED, request.rota().get(0).status());
        assertEquals(RotaEntryStatus.ASKED, request.rota().get(1).status());
    }

    @Test
    void exhaustedRotaEndsUnfilledWithTheReasonsCollected() {
        IllRequest request = loanRequest();
        request.planRota(NORTH_STAFF, List.of(fromSouth, fromEast), List.of("ZZ-REF holds it only in a reference room"));
        request.sendToNextLender(NORTH_STAFF, T0);
        request.lenderUnfilled(SOUTH_STAFF, "on loan", T0);
        Instant late = T0.plus(Duration.ofHours(49));
        assertTrue(request.isPastDeadline(late));
        request.moveOnPastDeadline(Actor.SYSTEM, late);
        assertEquals(RequestState.UNFILLED, request.state());
        assertEquals("ZZ-REF holds it only in a reference room; ZZ-SCL: on loan; ZZ-ECL: no answer by 2026-11-04T09:00:00Z",
                request.unfilledReasons());
        List<RequestAction> trail = request.events().stream().map(RequestEvent::action).toList();
        assertEquals(List.of(RequestAction.SUBMIT, RequestAction.VALIDATE, RequestAction.SEND_TO_LENDER,
                RequestAction.LENDER_UNFILLED, RequestAction.SEND_TO_LENDER, RequestAction.NO_ANSWER,
                RequestAction.EXHAUST_ROTA), trail);
    }

    @Test
    void lenderWithinItsResponseTimeIsWaitedFor() {
        IllRequest request = loanRequest();
        request.sendToNextLender(NORTH_STAFF, T0);
        assertFalse(request.isPastDeadline(T0.plus(Duration.ofHours(47))));
        request.expectToSupply(SOUTH_STAFF, T0.plus(Duration.ofHours(40)), null);
        assertFalse(request.isPastDeadline(T0.plus(Duration.ofHours(49))), "the firm answer has its own 48 hours");
    }

    @Test
    void lenderThatExpectsToSupplyAndSaysNothingMoreIsPassedOver() {
        IllRequest request = loanRequest();
        request.sendToNextLender(NORTH_STAFF, T0);
        request.expectToSupply(SOUTH_STAFF, T0, null);
        assertFalse(request.isPastDeadline(T0.plus(Duration.ofHours(47))));
        Instant late = T0.plus(Duration.ofHours(49));
        assertTrue(request.isPastDeadline(late));
        request.moveOnPastDeadline(Actor.SYSTEM, late);
        assertEquals(east, request.lender());
        assertEquals(RotaEntryStatus.NO_ANSWER, request.rota().get(0).status());
        assertEquals("expected to supply, no further answer by 2026-11-04T09:00:00Z", request.rota().get(0).reason());
    }

    @Test
    void aPromiseToSupplyNotKeptWithinTheResponseTimeMovesTheRequestOn() {
        IllRequest request = loanRequest();
        request.sendToNextLender(NORTH_STAFF, T0);
        Instant promised = T0.plus(Duration.ofHours(2));
        request.willSupply(SOUTH_STAFF, southCopies(), promised, null);
        assertFalse(request.isPastDeadline(promised.plus(Duration.ofHours(47))));
        Instant late = promised.plus(Duration.ofHours(49));
        assertTrue(request.isPastDeadline(late));
        request.moveOnPastDeadline(Actor.SYSTEM, late);
        assertEquals(RequestState.REQUEST_RECEIVED, request.state());
        assertEquals(east, request.lender());
        assertEquals(RotaEntryStatus.NO_ANSWER, request.rota().get(0).status());
        assertEquals("promised to supply, nothing shipped by 2026-11-04T11:00:00Z", request.rota().get(0).reason());
    }

    @Test
    void conditionsTheReaderDoesNotAnswerInTimeMoveTheRequestOn() {
        IllRequest request = loanRequest();
        request.sendToNextLender(NORTH_STAFF, T0);
        request.proposeConditions(SOUTH_STAFF, southCopies(), Set.of(LoanCondition.LIBRARY_USE_ONLY), null, "EUR",
                T0, null);
        Instant asked = T0.plus(Duration.ofHours(30));
        assertTrue(request.acceptConditions(NORTH_STAFF, asked));
        assertFalse(request.isPastDeadline(asked.plus(Duration.ofHours(47))), "the reader has their own 48 hours");
        Instant late = asked.plus(Duration.ofHours(49));
        assertTrue(request.isPastDeadline(late));
        request.moveOnPastDeadline(Actor.SYSTEM, late);
        assertEquals(east, request.lender());
        assertEquals(RotaEntryStatus.CONDITIONS_DECLINED, request.rota().get(0).status());
        assertEquals("conditions LibraryUseOnly not answered by the reader by 2026-11-05T15:00:00Z",
                request.rota().get(0).reason());
    }

    @Test
    void conditionsTheBorrowingOfficeDoesNotDecideOnInTimeMoveTheRequestOn() {
        IllRequest request = loanRequest();
        request.sendToNextLender(NORTH_STAFF, T0);
        request.proposeConditions(SOUTH_STAFF, southCopies(), Set.of(LoanCondition.NO_REPRODUCTION), null, "EUR",
                T0, null);
        Instant late = T0.plus(Duration.ofHours(49));
        assertTrue(request.isPastDeadline(late));
        request.moveOnPastDeadline(Actor.SYSTEM, late);
        assertEquals(east, request.lender());
        assertEquals("conditions NoReproduction not answered by the borrowing library by 2026-11-04T09:00:00Z",
                request.rota().get(0).reason());
    }

    @Test
    void conditionsAcceptedGiveTheLenderTheResponseTimeToShip() {
        IllRequest request = loanRequest();
        request.sendToNextLender(NORTH_STAFF, T0);
        request.proposeConditions(SOUTH_STAFF, southCopies(), Set.of(), new BigDecimal("4.00"), "EUR", T0, null);
        Instant accepted = T0.plus(Duration.ofHours(40));
        assertFalse(request.acceptConditions(NORTH_STAFF, accepted));
        assertFalse(request.isPastDeadline(accepted.plus(Duration.ofHours(47))));
        assertTrue(request.isPastDeadline(accepted.plus(Duration.ofHours(49))));
    }

    @Test
    void aLoanShippedHasNoDeadlineButItsDueDate() {
        IllRequest request = loanRequest();
        request.sendToNextLender(NORTH_STAFF, T0);
        request.shipLoan(SOUTH_STAFF, southCopies().get(0), DAY.plusDays(28), T0);
        assertFalse(request.isPastDeadline(T0.plus(Duration.ofDays(20))));
        assertThrows(IllegalTransitionException.class, () -> request.moveOnPastDeadline(Actor.SYSTEM, T0));
    }

    @Test
    void lenderThatSaidRetryPossibleHasTheResponseTimeAgainThenIsSkipped() {
        IllRequest request = loanRequest();
        request.sendToNextLender(NORTH_STAFF, T0);
        Instant retry = T0.plus(Duration.ofHours(10));
        request.retryPossible(SOUTH_STAFF, "at the bindery", retry);
        assertFalse(request.isPastDeadline(retry.plus(Duration.ofHours(47))));
        assertTrue(request.isPastDeadline(retry.plus(Duration.ofHours(49))));
        request.moveOnPastDeadline(Actor.SYSTEM, retry.plus(Duration.ofHours(49)));
        assertEquals(east, request.lender());
    }

    @Test
    void borrowingOfficeCanStopWaitingForALenderThatPromisedToSupply() {
        IllRequest request = loanRequest();
        request.sendToNextLender(NORTH_STAFF, T0);
        request.willSupply(SOUTH_STAFF, southCopies(), T0, null);
        request.skipLender(NORTH_STAFF, "promised three weeks ago, nothing shipped", T0.plus(Duration.ofDays(21)));
        assertEquals(east, request.lender());
        assertEquals(RotaEntryStatus.SKIPPED, request.rota().get(0).status());
    }

    @Test
    void suspendedAgreementIsSkippedWhenTheRotaMovesOn() {
        IllRequest request = loanRequest();
        request.sendToNextLender(NORTH_STAFF, T0);
        fromEast.suspend();
        request.lenderUnfilled(SOUTH_STAFF, "on loan", T0);
        assertEquals(RequestState.UNFILLED, request.state());
        assertEquals("ZZ-SCL: on loan; ZZ-ECL: the agreement ZZ-ECL → ZZ-NUL is suspended", request.unfilledReasons());
    }

    @Test
    void aRefusedActionChangesNothing() {
        IllRequest request = loanRequest();
        request.sendToNextLender(NORTH_STAFF, T0);
        request.expectToSupply(SOUTH_STAFF, T0, null);
        IllRuleViolation early = assertThrows(IllRuleViolation.class,
                () -> request.moveOnPastDeadline(Actor.SYSTEM, T0.plusSeconds(60)));
        assertEquals("The request waits for its next step until 2026-11-04T09:00:00Z; it is 2026-11-02T09:01:00Z",
                early.getMessage());
        assertEquals(RotaEntryStatus.ASKED, request.rota().get(0).status());
        assertEquals(RequestState.EXPECT_TO_SUPPLY, request.state());
    }

    @Test
    void aCopyOfAnotherWorkCannotBeShipped() {
        IllRequest request = loanRequest();
        request.sendToNextLender(NORTH_STAFF, T0);
        BibliographicRecord other = new BibliographicRecord("Other Book", RecordFormat.BOOK);
        IllRuleViolation refused = assertThrows(IllRuleViolation.class, () -> request.shipLoan(SOUTH_STAFF,
                new Holding(other, southOpen, "X1", "SCL9"), DAY.plusDays(28), T0));
        assertTrue(refused.getMessage().contains("is a copy of another work"), refused.getMessage());
    }

    @Test
    void onlyTheLenderAskedMayAnswer() {
        IllRequest request = loanRequest();
        request.sendToNextLender(NORTH_STAFF, T0);
        NotAllowedException refused = assertThrows(NotAllowedException.class,
                () -> request.willSupply(EAST_STAFF, List.of(), T0, null));
        assertEquals("staff ZZ-ECL/eve cannot answer will supply: ZZ-ECL is not the lender of this request; ZZ-SCL is",
                refused.getMessage());
        assertEquals(RequestState.REQUEST_RECEIVED, request.state());
    }

    @Test
    void theLendersOwnSystemAnswersForItAsAPartner() {
        IllRequest request = loanRequest();
        request.sendToNextLender(NORTH_STAFF, T0);
        request.willSupply(Actor.partner("ZZ-SCL"), southCopies(), T0, null);
        assertEquals(RequestState.WILL_SUPPLY, request.state());
        assertEquals("partner ZZ-SCL", request.events().get(request.events().size() - 1).actor());
        assertThrows(NotAllowedException.class, () -> request.shipLoan(Actor.partner("ZZ-ECL"), southCopies().get(0),
                DAY.plusDays(28), T0));
    }

    @Test
    void staffOfAnotherLibraryCannotActOnTheBorrowingSide() {
        IllRequest request = new IllRequest(READER, reader, record,
                BibliographicDescription.titled("Introduction to Algorithms").isbn("9780262033848").build(),
                ServiceType.LOAN, T0);
        NotAllowedException refused = assertThrows(NotAllowedException.class,
                () -> request.validate(SOUTH_STAFF, T0, null));
        assertEquals("staff ZZ-SCL/sam cannot validate: request #null is handled by the borrowing library ZZ-NUL",
                refused.getMessage());
        assertEquals(RequestState.NEW, request.state());
        assertThrows(NotAllowedException.class, () -> request.cancel(Actor.networkAdmin("ned"), T0, null),
                "a network administrator does not run a library's ILL office");
        request.validate(NORTH_STAFF, T0, null);
        assertEquals("staff ZZ-NUL/nora", request.events().get(1).actor());
    }

    @Test
    void theLenderCannotMoveTheRequestOnForTheBorrowingOffice() {
        IllRequest request = loanRequest();
        request.sendToNextLender(NORTH_STAFF, T0);
        assertThrows(NotAllowedException.class, () -> request.skipLender(SOUTH_STAFF, "tired of waiting", T0));
        assertThrows(NotAllowedException.class, () -> request.sendToNextLender(SOUTH_STAFF, T0));
        assertThrows(NotAllowedException.class, () -> request.receive(READER, T0));
        assertEquals(south, request.lender());
    }

    @Test
    void onlyTheReaderWhoAppliedAnswersConditionsThatConcernThem() {
        IllRequest request = loanRequest();
        request.sendToNextLender(NORTH_STAFF, T0);
        request.proposeConditions(SOUTH_STAFF, southCopies(), Set.of(LoanCondition.LIBRARY_USE_ONLY), null, "EUR", T0,
                null);
        request.acceptConditions(NORTH_STAFF, T0);
        NotAllowedException office = assertThrows(NotAllowedException.class,
                () -> request.readerAnswersConditions(NORTH_STAFF, true, T0));
        assertEquals("staff ZZ-NUL/nora cannot accept the conditions as the reader: only the reader may",
                office.getMessage());
        NotAllowedException sameCardElsewhere = assertThrows(NotAllowedException.class,
                () -> request.readerAnswersConditions(Actor.reader("ZZ-SCL", "NUL-1"), true, T0));
        assertEquals("Request #null is not yours", sameCardElsewhere.getMessage());
        assertThrows(NotAllowedException.class, () -> request.acceptConditions(READER, T0));
        request.readerAnswersConditions(READER, true, T0);
        assertEquals(RequestState.WILL_SUPPLY, request.state());
        assertEquals("reader ZZ-NUL/NUL-1", request.events().get(request.events().size() - 1).actor());
    }

    @Test
    void aReaderAppliesOnlyForThemselves() {
        NotAllowedException refused = assertThrows(NotAllowedException.class, () -> new IllRequest(
                Actor.reader("ZZ-NUL", "NUL-2"), reader, record, BibliographicDescription
                .titled("Introduction to Algorithms").isbn("9780262033848").build(), ServiceType.LOAN, T0));
        assertEquals("Request #null is not yours", refused.getMessage());
    }

    @Test
    void aReferenceRoomCopyIsNeverShipped() {
        IllRequest request = loanRequest();
        request.sendToNextLender(NORTH_STAFF, T0);
        Holding inReferenceRoom = new Holding(record, southRef, "QA76", "SCL1");
        IllRuleViolation refused = assertThrows(IllRuleViolation.class,
                () -> request.shipLoan(SOUTH_STAFF, inReferenceRoom, DAY.plusDays(28), T0));
        assertTrue(refused.getMessage().contains("never lent through interlibrary loan"), refused.getMessage());
        assertEquals(RequestState.REQUEST_RECEIVED, request.state());
        request.shipLoan(SOUTH_STAFF, new Holding(record, southOpen, "QA76", "SCL2"), DAY.plusDays(28), T0);
        assertEquals(RequestState.LOANED, request.state());
    }

    @Test
    void aPromiseToSupplyNeedsACopyOnTheShelf() {
        IllRequest request = loanRequest();
        request.sendToNextLender(NORTH_STAFF, T0);
        Holding onLoan = new Holding(record, southOpen, "QA76", "SCL2");
        onLoan.lend();
        IllRuleViolation refused = assertThrows(IllRuleViolation.class,
                () -> request.willSupply(SOUTH_STAFF, List.of(onLoan), T0, null));
        assertEquals("ZZ-SCL holds no copy it may supply through interlibrary loan: Holding SCL2 is not on the shelf: "
                + "it is on loan", refused.getMessage());
        assertEquals(RequestState.REQUEST_RECEIVED, request.state());
    }

    @Test
    void aPromiseToSupplyFromACollectionTheAgreementExcludesIsRefused() {
        IllRequest request = loanRequest();
        request.sendToNextLender(NORTH_STAFF, T0);
        fromSouth.excludeCollection(southOpen);
        IllRuleViolation refused = assertThrows(IllRuleViolation.class,
                () -> request.willSupply(SOUTH_STAFF, southCopies(), T0, null));
        assertTrue(refused.getMessage().endsWith("a collection the partner agreement excludes"), refused.getMessage());
        assertEquals(RequestState.REQUEST_RECEIVED, request.state());
    }

    @Test
    void aPromiseToSupplyWithOnlyAReferenceRoomCopyIsRefused() {
        IllRequest request = loanRequest();
        request.sendToNextLender(NORTH_STAFF, T0);
        IllRuleViolation refused = assertThrows(IllRuleViolation.class, () -> request.willSupply(SOUTH_STAFF,
                List.of(new Holding(record, southRef, "QA76", "SCL1")), T0, null));
        assertEquals("ZZ-SCL holds it only in a reference room, which never lends through interlibrary loan",
                refused.getMessage());
    }

    @Test
    void aCopyIsNeverMadeFromAMissingItem() {
        IllRequest request = new IllRequest(READER, reader, record, BibliographicDescription.titled("Introduction to Algorithms")
                .isbn("9780262033848").part("Chapter 1", null, null, null, "1-20").build(), ServiceType.COPY, T0);
        request.validate(NORTH_STAFF, T0, null);
        request.planRota(NORTH_STAFF, List.of(fromSouth), List.of());
        request.sendToNextLender(NORTH_STAFF, T0);
        Holding missing = new Holding(record, southOpen, "QA76", "SCL2");
        missing.markMissing();
        IllRuleViolation refused = assertThrows(IllRuleViolation.class,
                () -> request.deliverCopy(SOUTH_STAFF, missing, T0, null));
        assertEquals("Holding SCL2 is not on the shelf: it is missing", refused.getMessage());
        assertEquals(RequestState.REQUEST_RECEIVED, request.state());
        request.deliverCopy(SOUTH_STAFF, new Holding(record, southOpen, "QA76", "SCL3"), T0, null);
        assertEquals(RequestState.COPY_COMPLETED, request.state());
    }

    @Test
    void conditionsConcerningTheReaderAreAskedOfThem() {
        IllRequest request = loanRequest();
        request.sendToNextLender(NORTH_STAFF, T0);
        request.proposeConditions(SOUTH_STAFF, southCopies(), Set.of(LoanCondition.LIBRARY_USE_ONLY), null, "EUR", T0, null);
        assertTrue(request.acceptConditions(NORTH_STAFF, T0));
        assertEquals(RequestState.AWAITING_READER_CONSENT, request.state());
        IllegalTransitionException staffAgain = assertThrows(IllegalTransitionException.class,
                () -> request.acceptConditions(NORTH_STAFF, T0));
        assertEquals(RequestState.AWAITING_READER_CONSENT, staffAgain.state());
        request.readerAnswersConditions(READER, true, T0);
        assertEquals(RequestState.WILL_SUPPLY, request.state());
    }

    @Test
    void aCostAloneIsAcceptedByTheOfficeForAReaderWhoPaysNoFees() {
        IllRequest request = loanRequest();
        request.sendToNextLender(NORTH_STAFF, T0);
        request.proposeConditions(SOUTH_STAFF, southCopies(), Set.of(), new BigDecimal("4.00"), "EUR", T0, null);
        assertFalse(request.acceptConditions(NORTH_STAFF, T0));
        assertEquals(RequestState.WILL_SUPPLY, request.state());
    }

    @Test
    void declinedConditionsMoveToTheNextLender() {
        IllRequest request = loanRequest();
        request.sendToNextLender(NORTH_STAFF, T0);
        request.proposeConditions(SOUTH_STAFF, southCopies(), Set.of(LoanCondition.NO_REPRODUCTION), null, "EUR", T0, null);
        request.declineConditions(NORTH_STAFF, T0, "the reader needs to copy pages");
        assertEquals(east, request.lender());
        assertEquals(RotaEntryStatus.CONDITIONS_DECLINED, request.rota().get(0).status());
    }

    @Test
    void renewalsStopAtTheAgreementsLimit() {
        IllRequest request = loanRequest();
        request.sendToNextLender(NORTH_STAFF, T0);
        request.shipLoan(SOUTH_STAFF, new Holding(record, southOpen, "QA76", "SCL2"), DAY.plusDays(28), T0);
        request.requestRenewal(READER, T0);
        assertEquals(DAY.plusDays(56), request.approveRenewal(SOUTH_STAFF, T0));
        assertEquals(DAY.plusDays(56), request.dueDate());
        request.requestRenewal(READER, T0);
        IllRuleViolation refused = assertThrows(IllRuleViolation.class,
                () -> request.approveRenewal(SOUTH_STAFF, T0));
        assertEquals("The partner agreement allows 1 renewal(s) and 1 have been granted", refused.getMessage());
    }

    /** A loan South shipped on DAY, due on the day given. */
    private IllRequest loanDue(LocalDate due) {
        IllRequest request = loanRequest();
        request.sendToNextLender(NORTH_STAFF, T0);
        request.shipLoan(SOUTH_STAFF, southCopies().get(0), due, T0);
        return request;
    }

    @Test
    void aRecallNeverLengthensALoan() {
        IllRequest request = loanDue(DAY.plusDays(10));
        assertEquals(DAY.plusDays(10), request.recall(SOUTH_STAFF, 30, T0, "needed for a course"));
        assertEquals(DAY.plusDays(10), request.dueDate());
        assertEquals(RequestState.RECALLED, request.state());
        assertEquals("Recalled by ZZ-SCL, due 2026-11-12 (unchanged: a recall never lengthens a loan)",
                request.events().get(request.events().size() - 1).message());
        assertEquals(DAY.plusDays(3), request.recall(SOUTH_STAFF, 3, T0, "needed sooner"));
        assertEquals(DAY.plusDays(3), request.dueDate());
    }

    @Test
    void aRecallDoesNotMakeAnOverdueLoanCurrentAgain() {
        IllRequest request = loanDue(DAY.plusDays(1));
        Instant threeDaysLater = T0.plus(Duration.ofDays(3));
        request.markOverdue(Actor.SYSTEM, threeDaysLater);
        request.recall(SOUTH_STAFF, 14, threeDaysLater, "overdue");
        assertEquals(DAY.plusDays(1), request.dueDate());
        assertEquals(RequestState.OVERDUE, request.state());
        List<RequestAction> trail = request.events().stream().map(RequestEvent::action).toList();
        assertEquals(List.of(RequestAction.MARK_OVERDUE, RequestAction.RECALL, RequestAction.MARK_OVERDUE),
                trail.subList(trail.size() - 3, trail.size()));
    }

    @Test
    void aRecallRefusesZeroOrNegativeDaysAndChangesNothing() {
        IllRequest request = loanDue(DAY.plusDays(20));
        int events = request.events().size();
        for (int days : new int[] {0, -3}) {
            InvalidInputException refused = assertThrows(InvalidInputException.class,
                    () -> request.recall(SOUTH_STAFF, days, T0, null));
            assertEquals("days to return", refused.field());
            assertEquals("A recall gives the borrower at least one day to return the item; " + days
                    + " day(s) cannot be given", refused.getMessage());
        }
        assertEquals(RequestState.LOANED, request.state());
        assertEquals(DAY.plusDays(20), request.dueDate());
        assertEquals(events, request.events().size());
    }

    @Test
    void aRecallAnswersARenewalAskedForWithNo() {
        IllRequest request = loanDue(DAY.plusDays(20));
        request.requestRenewal(READER, T0);
        request.recall(SOUTH_STAFF, 5, T0.plusSeconds(60), "needed for a course");
        assertFalse(request.renewalRequested());
        List<RequestEvent> events = request.events();
        RequestEvent denial = events.get(events.size() - 2);
        assertEquals(RequestAction.DENY_RENEWAL, denial.action());
        assertEquals("Renewal denied: the item is recalled", denial.message());
        assertEquals("needed for a course", denial.note());
        assertEquals(RequestAction.RECALL, events.get(events.size() - 1).action());
        assertEquals(0, request.renewals());
        assertThrows(IllegalTransitionException.class, () -> request.approveRenewal(SOUTH_STAFF, T0));
    }

    @Test
    void approvingARenewalOfARequestNotOnLoanIsARuleViolation() {
        IllRequest request = loanRequest();
        request.sendToNextLender(NORTH_STAFF, T0);
        IllegalTransitionException refused = assertThrows(IllegalTransitionException.class,
                () -> request.approveRenewal(SOUTH_STAFF, T0));
        assertEquals("Cannot approve the renewal (APPROVE_RENEWAL) when the request is REQUEST_RECEIVED",
                refused.getMessage());
        assertThrows(IllegalTransitionException.class, () -> request.denyRenewal(SOUTH_STAFF, null, T0));
        assertThrows(IllegalTransitionException.class, () -> request.recall(SOUTH_STAFF, 3, T0, null));
    }

    @Test
    void dueDatePassesAtTheLendersMidnightNotTheServers() {
        LocalDate due = LocalDate.of(2026, 11, 20);
        ZoneId auckland = ZoneId.of("Pacific/Auckland");
        ZoneId losAngeles = ZoneId.of("America/Los_Angeles");
        Instant aucklandMidnight = due.plusDays(1).atStartOfDay(auckland).toInstant();
        assertEquals(Instant.parse("2026-11-20T11:00:00Z"), aucklandMidnight);
        assertFalse(IllRequest.dueDatePassed(due, auckland, aucklandMidnight.minusSeconds(1)));
        assertTrue(IllRequest.dueDatePassed(due, auckland, aucklandMidnight));
        assertFalse(IllRequest.dueDatePassed(due, losAngeles, aucklandMidnight), "03:00 on the 20th in Los Angeles");
        Instant losAngelesMidnight = due.plusDays(1).atStartOfDay(losAngeles).toInstant();
        assertEquals(Instant.parse("2026-11-21T08:00:00Z"), losAngelesMidnight);
        assertFalse(IllRequest.dueDatePassed(due, losAngeles, losAngelesMidnight.minusSeconds(1)));
        assertTrue(IllRequest.dueDatePassed(due, losAngeles, losAngelesMidnight));
    }

    @Test
    void loanBecomesOverdueOnceWhenItsDueDateHasPassedWhereTheLenderIs() {
        IllRequest request = loanRequest();
        request.sendToNextLender(NORTH_STAFF, T0);
        LocalDate due = DAY.plusDays(28);
        request.shipLoan(SOUTH_STAFF, new Holding(record, southOpen, "QA76", "SCL2"), due, T0);
        Instant southMidnight = due.plusDays(1).atStartOfDay(south.timeZone()).toInstant();
        assertFalse(request.isOverdueAt(southMidnight.minusSeconds(1)));
        IllRuleViolation early = assertThrows(IllRuleViolation.class,
                () -> request.markOverdue(Actor.SYSTEM, southMidnight.minusSeconds(1)));
        assertEquals("The loan is due 2026-11-30, not overdue on 2026-11-30 at ZZ-SCL", early.getMessage());
        assertTrue(request.isOverdueAt(southMidnight));
        request.markOverdue(Actor.SYSTEM, southMidnight);
        assertEquals(RequestState.OVERDUE, request.state());
        assertFalse(request.isOverdueAt(southMidnight.plusSeconds(600)), "an overdue loan is not marked again");
    }

    @Test
    void copyNeedsTheArticleAndItsPages() {
        IllRuleViolation refused = assertThrows(IllRuleViolation.class, () -> new IllRequest(READER, reader, null,
                BibliographicDescription.titled("Nature").issn("0028-0836").build(), ServiceType.COPY, T0));
        assertEquals("The bibliographic data cannot identify the item: a copy needs the title of the article or chapter",
                refused.getMessage());
        IllRequest copy = new IllRequest(READER, reader, null, BibliographicDescription.titled("Nature").issn("0028-0836")
                .part("Molecular structure of nucleic acids", "Watson, J. D.", "171", "4356", "737-738").build(),
                ServiceType.COPY, T0);
        assertEquals(RequestState.NEW, copy.state());
    }

    @Test
    void titleAloneDoesNotIdentifyAnItem() {
        IllRuleViolation refused = assertThrows(IllRuleViolation.class, () -> new IllRequest(READER, reader, null,
                BibliographicDescription.titled("Collected Papers").build(), ServiceType.LOAN, T0));
        assertTrue(refused.getMessage().contains("give an ISBN, an ISSN or the author"), refused.getMessage());
    }

    private static Library library(String isil) {
        return new Library(AgencyId.isil(isil), isil, ZoneId.of("Europe/Berlin"));
    }

    private static PartnerAgreement agreement(Library lender, Library borrower, int priority) {
        PartnerAgreement agreement = new PartnerAgreement(lender, borrower, false, DAY.minusMonths(1))
                .withRouting(priority, Duration.ofHours(48));
        agreement.activate();
        return agreement;
    }

    @Test
    void anOverLongReasonIsRefusedBeforeTheRequestMoves() {
        IllRequest request = loanRequest();
        request.sendToNextLender(NORTH_STAFF, T0);
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> request.lenderUnfilled(SOUTH_STAFF,
                "x".repeat(IllRequest.REASON_LENGTH + 1), T0));
        assertEquals("Reason is too long: at most 1000 characters, this one has 1001", refused.getMessage());
        assertEquals(RequestState.REQUEST_RECEIVED, request.state());
        assertEquals(south, request.lender());
        assertEquals(RotaEntryStatus.ASKED, request.rota().get(0).status());
    }

    @Test
    void aNoteWithANulCharacterIsRefusedAndLeavesNoTrace() {
        IllRequest request = loanRequest();
        int events = request.events().size();
        assertThrows(InvalidInputException.class, () -> request.cancel(NORTH_STAFF, T0, "duplicate\u0000"));
        assertEquals(RequestState.VALIDATED, request.state());
        assertEquals(events, request.events().size());
    }

    @Test
    void aVeryLongListOfReasonsIsCutToWhatTheRequestKeeps() {
        IllRequest request = loanRequest();
        List<String> leftOut = java.util.stream.IntStream.range(0, 200)
                .mapToObj(i -> "ZZ-L" + i + " holds it only in a reference room, which never lends through ILL").toList();
        request.planRota(NORTH_STAFF, List.of(), leftOut);
        assertFalse(request.sendToNextLender(NORTH_STAFF, T0));
        assertEquals(RequestState.UNFILLED, request.state());
        assertEquals(IllRequest.UNFILLED_REASONS_LENGTH, Text.length(request.unfilledReasons()));
        assertTrue(request.unfilledReasons().endsWith("…"));
        RequestEvent last = request.events().get(request.events().size() - 1);
        assertEquals(RequestEvent.MESSAGE_LENGTH, Text.length(last.message()));
    }

    @Test
    void aNotificationAboutALongTitleHasASubjectThatFits() {
        String title = "\uD840\uDC0B".repeat(BibliographicDescription.TITLE_LENGTH);
        IllRequest request = new IllRequest(READER, reader, null, BibliographicDescription.titled(title).by("Someone").build(),
                ServiceType.LOAN, T0);
        request.validate(NORTH_STAFF, T0, null);
        request.planRota(NORTH_STAFF, List.of(), List.of());
        request.sendToNextLender(NORTH_STAFF, T0);
        ReaderNotification notification = ReaderNotification.unfilled(request, T0);
        assertEquals(ReaderNotification.SUBJECT_LENGTH, Text.length(notification.subject()));
        assertTrue(notification.subject().startsWith("No library could supply \"\uD840\uDC0B"));
        assertEquals(notification.subject(), Text.required("subject", notification.subject(), 300),
                "no half character left at the cut");
    }
}
