package org.openill.domain.request;

import org.junit.jupiter.api.Test;
import org.openill.domain.Actor;
import org.openill.domain.IllRuleViolation;
import org.openill.domain.InvalidInputException;
import org.openill.domain.NotAllowedException;
import org.openill.domain.Text;
import org.openill.domain.agreement.PartnerAgreement;
import org.openill.domain.catalogue.BibliographicRecord;
import org.openill.domain.catalogue.RecordFormat;
import org.openill.domain.library.AgencyId;
import org.openill.domain.library.Library;
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
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The borrowing library's record of a request: its own steps (by its reader, its ILL office, its clock) and the
 * lender's steps, which reach it only as the lender's ISO 18626 messages (the actor is the lender as a partner).
 * What the lender checks on its own shelves (holdings, the supply rule) is tested on its record, SupplierRequestTest.
 */
class IllRequestTest {

    private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 2);

    private static final Actor NORTH_STAFF = Actor.staff("ZZ-NUL", "nora");
    private static final Actor SOUTH_STAFF = Actor.staff("ZZ-SCL", "sam");
    private static final Actor EAST_STAFF = Actor.staff("ZZ-ECL", "eve");
    private static final Actor READER = Actor.reader("ZZ-NUL", "NUL-1");
    /** South's own system: its supplying agency messages make the lender's steps on North's record. */
    private static final Actor SOUTH = Actor.partner("ZZ-SCL");
    private static final Actor EAST = Actor.partner("ZZ-ECL");

    private final Library north = library("ZZ-NUL");
    private final Library south = library("ZZ-SCL");
    private final Library east = library("ZZ-ECL");
    private final PartnerAgreement fromSouth = agreement(south, north, 10);
    private final PartnerAgreement fromEast = agreement(east, north, 20);
    private final Reader reader = new Reader(north, "NUL-1", DAY.minusYears(1), DAY.plusYears(1), "Ada", "Reader",
            "ada@example.org", ReaderCategory.POSTGRADUATE);
    private final BibliographicRecord record = new BibliographicRecord("Introduction to Algorithms", RecordFormat.BOOK);

    // ---- fixtures ----

    /** A request of the service, validated by North's office, with South then East in its rota. */
    private IllRequest validated(ServiceType service) {
        BibliographicDescription.Builder description = BibliographicDescription.titled("Introduction to Algorithms")
                .isbn("9780262033848");
        if (service != ServiceType.LOAN) {
            description.part("Chapter 1", null, null, null, "1-20");
        }
        IllRequest request = new IllRequest(READER, reader, record, description.build(), service, T0);
        request.validate(NORTH_STAFF, T0, null);
        request.planRota(NORTH_STAFF, List.of(fromSouth, fromEast), List.of());
        return request;
    }

    private IllRequest loanRequest() {
        return validated(ServiceType.LOAN);
    }

    /** A request of the service sent to South (rota position 1) at T0. */
    private IllRequest sentToSouth(ServiceType service) {
        IllRequest request = validated(service);
        assertTrue(request.sendToNextLender(NORTH_STAFF, T0));
        return request;
    }

    private IllRequest loanSentToSouth() {
        return sentToSouth(ServiceType.LOAN);
    }

    /** A loan South shipped at T0 as item SCL2, due on the day given. */
    private IllRequest loanDue(LocalDate due) {
        IllRequest request = loanSentToSouth();
        request.shipLoan(SOUTH, due, "SCL2", T0);
        return request;
    }

    /** A loan South promised to supply, whose cancellation North's office has asked of South. */
    private IllRequest cancelAskedAfterPromise(Instant askedAt) {
        IllRequest request = loanSentToSouth();
        request.willSupply(SOUTH, T0, null);
        request.cancel(NORTH_STAFF, askedAt, "no longer needed");
        return request;
    }

    private static RequestEvent lastEvent(IllRequest request) {
        return request.events().get(request.events().size() - 1);
    }

    private static List<RequestAction> trail(IllRequest request) {
        return request.events().stream().map(RequestEvent::action).toList();
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

    // ---- the rota ----

    @Test
    void sendingAsksTheFirstLenderOfTheRotaUnderANewTransactionId() {
        IllRequest request = loanSentToSouth();
        assertEquals(RequestState.REQUEST_RECEIVED, request.state());
        assertEquals(south, request.lender());
        RotaEntry entry = request.rota().get(0);
        assertEquals(RotaEntryStatus.ASKED, entry.status());
        assertEquals(1, entry.sends());
        assertTrue(entry.requestingAgencyRequestId().endsWith("-1"), entry.requestingAgencyRequestId());
        assertEquals(T0.plus(Duration.ofHours(48)), entry.answerDueAt());
        assertEquals(RotaEntryStatus.WAITING, request.rota().get(1).status());
        assertEquals(entry, request.entryWithRequestId(entry.requestingAgencyRequestId()).orElseThrow());
    }

    @Test
    void theLendersIdOfTheTransactionIsKeptOnItsRotaEntry() {
        IllRequest request = loanSentToSouth();
        request.lenderIdentified(SOUTH, "S4711");
        assertEquals("S4711", request.currentEntry().supplyingAgencyRequestId());
        assertThrows(NotAllowedException.class, () -> request.lenderIdentified(EAST, "E1"));
    }

    @Test
    void unfilledAnswerMovesTheRequestToTheNextLender() {
        IllRequest request = loanSentToSouth();
        request.lenderUnfilled(SOUTH, "on loan", T0.plusSeconds(60));
        assertEquals(RequestState.REQUEST_RECEIVED, request.state());
        assertEquals(east, request.lender());
        assertEquals(RotaEntryStatus.UNFILLED, request.rota().get(0).status());
        assertEquals("on loan", request.rota().get(0).reason());
        assertEquals(RotaEntryStatus.ASKED, request.rota().get(1).status());
    }

    @Test
    void exhaustedRotaEndsUnfilledWithTheReasonsCollected() {
        IllRequest request = loanRequest();
        request.planRota(NORTH_STAFF, List.of(fromSouth, fromEast),
                List.of("ZZ-REF holds it only in a reference room"));
        request.sendToNextLender(NORTH_STAFF, T0);
        request.lenderUnfilled(SOUTH, "on loan", T0);
        Instant late = T0.plus(Duration.ofHours(49));
        assertTrue(request.isPastDeadline(late));
        request.moveOnPastDeadline(Actor.SYSTEM, late);
        assertEquals(RequestState.UNFILLED, request.state());
        assertEquals("ZZ-REF holds it only in a reference room; ZZ-SCL: on loan; ZZ-ECL: no answer by "
                + "2026-11-04T09:00:00Z", request.unfilledReasons());
        assertNull(request.lender());
        assertEquals(List.of(RequestAction.SUBMIT, RequestAction.VALIDATE, RequestAction.SEND_TO_LENDER,
                RequestAction.LENDER_UNFILLED, RequestAction.SEND_TO_LENDER, RequestAction.NO_ANSWER,
                RequestAction.EXHAUST_ROTA), trail(request));
    }

    @Test
    void suspendedAgreementIsSkippedWhenTheRotaMovesOn() {
        IllRequest request = loanSentToSouth();
        fromEast.suspend();
        request.lenderUnfilled(SOUTH, "on loan", T0);
        assertEquals(RequestState.UNFILLED, request.state());
        assertEquals("ZZ-SCL: on loan; ZZ-ECL: the agreement ZZ-ECL → ZZ-NUL is suspended", request.unfilledReasons());
    }

    @Test
    void aLenderClosedOnTheDayIsPassedOverWithItsReason() {
        IllRequest request = loanSentToSouth();
        east.closeFor(LocalDate.ofInstant(T0, ZoneId.of("UTC")).minusDays(1),
                LocalDate.ofInstant(T0, ZoneId.of("UTC")).plusDays(10), "winter holidays");
        request.lenderUnfilled(SOUTH, "on loan", T0);
        assertEquals(RequestState.UNFILLED, request.state());
        assertEquals("ZZ-SCL: on loan; ZZ-ECL: closed until " + LocalDate.ofInstant(T0, ZoneId.of("UTC")).plusDays(10)
                + " (winter holidays)", request.unfilledReasons());
    }

    @Test
    void borrowingOfficeCanStopWaitingForALenderThatPromisedToSupply() {
        IllRequest request = loanSentToSouth();
        request.willSupply(SOUTH, T0, null);
        request.skipLender(NORTH_STAFF, "promised three weeks ago, nothing shipped", T0.plus(Duration.ofDays(21)));
        assertEquals(east, request.lender());
        assertEquals(RotaEntryStatus.SKIPPED, request.rota().get(0).status());
        assertEquals("promised three weeks ago, nothing shipped", request.rota().get(0).reason());
    }

    @Test
    void aReminderChangesNothingButTheHistory() {
        IllRequest request = loanSentToSouth();
        request.expectToSupply(SOUTH, T0, null);
        request.sendReminder(NORTH_STAFF, T0.plusSeconds(60));
        assertEquals(RequestState.EXPECT_TO_SUPPLY, request.state());
        assertEquals(RequestAction.SEND_REMINDER, lastEvent(request).action());
        assertEquals("ZZ-SCL reminded of the request", lastEvent(request).message());
    }

    // ---- deadlines ----

    @Test
    void lenderWithinItsResponseTimeIsWaitedFor() {
        IllRequest request = loanSentToSouth();
        assertFalse(request.isPastDeadline(T0.plus(Duration.ofHours(47))));
        request.expectToSupply(SOUTH, T0.plus(Duration.ofHours(40)), null);
        assertFalse(request.isPastDeadline(T0.plus(Duration.ofHours(49))), "the firm answer has its own 48 hours");
    }

    @Test
    void lenderThatDoesNotAnswerIsPassedOver() {
        IllRequest request = loanSentToSouth();
        Instant late = T0.plus(Duration.ofHours(49));
        assertTrue(request.isPastDeadline(late));
        request.moveOnPastDeadline(Actor.SYSTEM, late);
        assertEquals(east, request.lender());
        assertEquals(RotaEntryStatus.NO_ANSWER, request.rota().get(0).status());
        assertEquals("no answer by 2026-11-04T09:00:00Z", request.rota().get(0).reason());
    }

    @Test
    void lenderThatExpectsToSupplyAndSaysNothingMoreIsPassedOver() {
        IllRequest request = loanSentToSouth();
        request.expectToSupply(SOUTH, T0, null);
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
        IllRequest request = loanSentToSouth();
        Instant promised = T0.plus(Duration.ofHours(2));
        request.willSupply(SOUTH, promised, null);
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
    void retryPossibleWaitsUntilTheLendersRetryBeforeThenMovesOn() {
        IllRequest request = loanSentToSouth();
        Instant answered = T0.plus(Duration.ofHours(1));
        Instant retryBefore = T0.plus(Duration.ofDays(10));
        request.retryPossible(SOUTH, "at the bindery", retryBefore, answered);
        assertEquals(retryBefore, request.currentEntry().answerDueAt());
        assertFalse(request.isPastDeadline(answered.plus(Duration.ofHours(49))),
                "the lender's retry-before, not the response time");
        assertFalse(request.isPastDeadline(retryBefore));
        assertTrue(request.isPastDeadline(retryBefore.plusSeconds(1)));
        request.moveOnPastDeadline(Actor.SYSTEM, retryBefore.plusSeconds(1));
        assertEquals(east, request.lender());
        assertEquals(RotaEntryStatus.NO_ANSWER, request.rota().get(0).status());
        assertEquals("retry possible, not retried by 2026-11-12T09:00:00Z", request.rota().get(0).reason());
    }

    @Test
    void retryPossibleWithoutARetryBeforeInTheFutureHasTheResponseTime() {
        IllRequest request = loanSentToSouth();
        Instant answered = T0.plus(Duration.ofHours(1));
        request.retryPossible(SOUTH, null, null, answered);
        assertEquals(answered.plus(Duration.ofHours(48)), request.currentEntry().answerDueAt());
        IllRequest pastRetryBefore = loanSentToSouth();
        pastRetryBefore.retryPossible(SOUTH, "at the bindery", T0, answered);
        assertEquals(answered.plus(Duration.ofHours(48)), pastRetryBefore.currentEntry().answerDueAt());
    }

    @Test
    void conditionsTheReaderDoesNotAnswerInTimeMoveTheRequestOn() {
        IllRequest request = loanSentToSouth();
        request.proposeConditions(SOUTH, Set.of(LoanCondition.LIBRARY_USE_ONLY), null, "EUR", null, T0, null);
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
        IllRequest request = loanSentToSouth();
        request.proposeConditions(SOUTH, Set.of(LoanCondition.NO_REPRODUCTION), null, "EUR", null, T0, null);
        Instant late = T0.plus(Duration.ofHours(49));
        assertTrue(request.isPastDeadline(late));
        request.moveOnPastDeadline(Actor.SYSTEM, late);
        assertEquals(east, request.lender());
        assertEquals("conditions NoReproduction not answered by the borrowing library by 2026-11-04T09:00:00Z",
                request.rota().get(0).reason());
    }

    @Test
    void conditionsAcceptedGiveTheLenderTheResponseTimeToAnswerTheRetry() {
        IllRequest request = loanSentToSouth();
        request.proposeConditions(SOUTH, Set.of(), new BigDecimal("4.00"), "EUR", null, T0, null);
        Instant accepted = T0.plus(Duration.ofHours(40));
        assertFalse(request.acceptConditions(NORTH_STAFF, accepted));
        assertFalse(request.isPastDeadline(accepted.plus(Duration.ofHours(47))));
        assertTrue(request.isPastDeadline(accepted.plus(Duration.ofHours(49))));
    }

    @Test
    void aCancellationTheLenderDoesNotAnswerInTimeIsTakenAsDone() {
        Instant askedAt = T0.plus(Duration.ofHours(1));
        IllRequest request = cancelAskedAfterPromise(askedAt);
        assertFalse(request.isPastDeadline(askedAt.plus(Duration.ofHours(47))));
        Instant late = askedAt.plus(Duration.ofHours(49));
        assertTrue(request.isPastDeadline(late));
        request.moveOnPastDeadline(Actor.SYSTEM, late);
        assertEquals(RequestState.CANCELLED, request.state());
        assertEquals(RotaEntryStatus.SKIPPED, request.rota().get(0).status());
        assertEquals("request cancelled; no answer to the cancellation by 2026-11-04T10:00:00Z",
                request.rota().get(0).reason());
        assertEquals(RotaEntryStatus.WAITING, request.rota().get(1).status(), "a cancelled request asks no one else");
    }

    @Test
    void aLoanShippedHasNoDeadlineButItsDueDate() {
        IllRequest request = loanDue(DAY.plusDays(28));
        assertFalse(request.isPastDeadline(T0.plus(Duration.ofDays(20))));
        assertThrows(IllegalTransitionException.class, () -> request.moveOnPastDeadline(Actor.SYSTEM, T0));
    }

    @Test
    void aRefusedActionChangesNothing() {
        IllRequest request = loanSentToSouth();
        request.expectToSupply(SOUTH, T0, null);
        IllRuleViolation early = assertThrows(IllRuleViolation.class,
                () -> request.moveOnPastDeadline(Actor.SYSTEM, T0.plusSeconds(60)));
        assertEquals("The request waits for its next step until 2026-11-04T09:00:00Z; it is 2026-11-02T09:01:00Z",
                early.getMessage());
        assertEquals(RotaEntryStatus.ASKED, request.rota().get(0).status());
        assertEquals(RequestState.EXPECT_TO_SUPPLY, request.state());
    }

    @Test
    void theLenderCannotMoveARequestOnPastItsDeadline() {
        IllRequest request = loanSentToSouth();
        assertThrows(NotAllowedException.class,
                () -> request.moveOnPastDeadline(SOUTH, T0.plus(Duration.ofHours(49))));
        assertEquals(south, request.lender());
    }

    // ---- the lender's answers, as its messages report them ----

    @Test
    void willSupplyIsTheLendersPromise() {
        IllRequest request = loanSentToSouth();
        request.willSupply(SOUTH, T0, "from the stacks");
        assertEquals(RequestState.WILL_SUPPLY, request.state());
        assertEquals("WillSupply", request.lenderStatus());
        assertEquals("ZZ-SCL will supply", lastEvent(request).message());
        assertEquals("from the stacks", lastEvent(request).note());
        assertEquals("partner ZZ-SCL", lastEvent(request).actor());
    }

    @Test
    void retryPossibleThenSentAgainUnderANewTransactionId() {
        IllRequest request = loanSentToSouth();
        String firstId = request.currentEntry().requestingAgencyRequestId();
        request.retryPossible(SOUTH, "at the bindery", T0.plus(Duration.ofDays(5)), T0);
        assertEquals(RequestState.RETRY_POSSIBLE, request.state());
        assertEquals("RetryPossible", request.lenderStatus());
        assertEquals("ZZ-SCL cannot supply now, retry possible: at the bindery", lastEvent(request).message());
        Instant retried = T0.plus(Duration.ofDays(2));
        request.sendRetry(NORTH_STAFF, retried);
        assertEquals(RequestState.REQUEST_RECEIVED, request.state());
        assertEquals(south, request.lender());
        assertEquals(firstId + "-2", request.currentEntry().requestingAgencyRequestId());
        assertEquals(2, request.currentEntry().sends());
        assertEquals(retried.plus(Duration.ofHours(48)), request.currentEntry().answerDueAt());
    }

    @Test
    void proposedConditionsAreKeptWithTheirCost() {
        IllRequest request = loanSentToSouth();
        request.proposeConditions(SOUTH, Set.of(LoanCondition.NO_REPRODUCTION), new BigDecimal("4.00"), "EUR", null,
                T0, null);
        assertEquals(RequestState.CONDITIONS_PROPOSED, request.state());
        assertEquals(Set.of(LoanCondition.NO_REPRODUCTION, LoanCondition.COST), request.conditionSet());
        assertEquals(new BigDecimal("4.00"), request.conditionCost());
        assertEquals("EUR", request.conditionCurrency());
        assertEquals("RetryPossible", request.lenderStatus());
    }

    @Test
    void conditionsNeedAConditionOrACostThatIsNotNegative() {
        IllRequest request = loanSentToSouth();
        IllRuleViolation negative = assertThrows(IllRuleViolation.class, () -> request.proposeConditions(SOUTH,
                Set.of(LoanCondition.NO_REPRODUCTION), new BigDecimal("-1.00"), "EUR", null, T0, null));
        assertEquals("A cost cannot be negative", negative.getMessage());
        IllRuleViolation none = assertThrows(IllRuleViolation.class,
                () -> request.proposeConditions(SOUTH, Set.of(), BigDecimal.ZERO, "EUR", null, T0, null));
        assertEquals("Conditions need at least one loan condition or a cost", none.getMessage());
        assertEquals(RequestState.REQUEST_RECEIVED, request.state());
    }

    @Test
    void acceptedConditionsSendTheRequestAgainUnderANewTransactionId() {
        IllRequest request = loanSentToSouth();
        String firstId = request.currentEntry().requestingAgencyRequestId();
        request.proposeConditions(SOUTH, Set.of(), new BigDecimal("4.00"), "EUR", null, T0, null);
        assertFalse(request.acceptConditions(NORTH_STAFF, T0.plusSeconds(60)), "a cost alone does not concern "
                + "a reader who pays no fees");
        assertEquals(RequestState.REQUEST_RECEIVED, request.state());
        assertEquals(firstId + "-2", request.currentEntry().requestingAgencyRequestId());
        assertTrue(request.currentEntry().requestingAgencyRequestId().endsWith("-1-2"));
        assertEquals(request.currentEntry(), request.entryWithRequestId(firstId + "-2").orElseThrow());
        assertTrue(request.entryWithRequestId(firstId).isEmpty(), "the first transaction is over");
        assertEquals(RequestAction.ACCEPT_CONDITIONS, lastEvent(request).action());
    }

    @Test
    void conditionsConcerningTheReaderAreAskedOfThem() {
        IllRequest request = loanSentToSouth();
        String firstId = request.currentEntry().requestingAgencyRequestId();
        request.proposeConditions(SOUTH, Set.of(LoanCondition.LIBRARY_USE_ONLY), null, "EUR", null, T0, null);
        assertTrue(request.acceptConditions(NORTH_STAFF, T0));
        assertEquals(RequestState.AWAITING_READER_CONSENT, request.state());
        assertEquals(firstId, request.currentEntry().requestingAgencyRequestId(), "nothing is sent before the reader");
        IllegalTransitionException staffAgain = assertThrows(IllegalTransitionException.class,
                () -> request.acceptConditions(NORTH_STAFF, T0));
        assertEquals(RequestState.AWAITING_READER_CONSENT, staffAgain.state());
        request.readerAnswersConditions(READER, true, T0);
        assertEquals(RequestState.REQUEST_RECEIVED, request.state());
        assertEquals(firstId + "-2", request.currentEntry().requestingAgencyRequestId());
    }

    @Test
    void conditionsTheReaderDeclinesMoveToTheNextLender() {
        IllRequest request = loanSentToSouth();
        request.proposeConditions(SOUTH, Set.of(LoanCondition.LIBRARY_USE_ONLY), null, "EUR", null, T0, null);
        request.acceptConditions(NORTH_STAFF, T0);
        request.readerAnswersConditions(READER, false, T0);
        assertEquals(east, request.lender());
        assertEquals(RotaEntryStatus.CONDITIONS_DECLINED, request.rota().get(0).status());
        assertEquals("conditions LibraryUseOnly declined by the reader", request.rota().get(0).reason());
    }

    @Test
    void declinedConditionsMoveToTheNextLender() {
        IllRequest request = loanSentToSouth();
        request.proposeConditions(SOUTH, Set.of(LoanCondition.NO_REPRODUCTION), null, "EUR", null, T0, null);
        request.declineConditions(NORTH_STAFF, T0, "the reader needs to copy pages");
        assertEquals(east, request.lender());
        assertEquals(RotaEntryStatus.CONDITIONS_DECLINED, request.rota().get(0).status());
        assertEquals("conditions NoReproduction declined: the reader needs to copy pages",
                request.rota().get(0).reason());
    }

    @Test
    void shippingALoanTakesTheLendersDueDateAndItemId() {
        IllRequest request = loanDue(DAY.plusDays(28));
        assertEquals(RequestState.LOANED, request.state());
        assertEquals(DAY.plusDays(28), request.dueDate());
        assertEquals("SCL2", request.itemId());
        assertEquals(ServiceType.LOAN, request.suppliedAs());
        assertEquals("Loaned", request.lenderStatus());
        assertEquals(RotaEntryStatus.SUPPLYING, request.rota().get(0).status());
        assertEquals("ZZ-SCL shipped SCL2, due back 2026-11-30", lastEvent(request).message());
    }

    @Test
    void aLoanWithoutADueDateIsRefused() {
        IllRequest request = loanSentToSouth();
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> request.shipLoan(SOUTH, null, "SCL2", T0));
        assertEquals("due date", refused.field());
        assertEquals(RequestState.REQUEST_RECEIVED, request.state());
    }

    @Test
    void aCopyIsDeliveredForACopyRequestOnly() {
        IllRequest copy = sentToSouth(ServiceType.COPY);
        IllRuleViolation noLoan = assertThrows(IllRuleViolation.class,
                () -> copy.shipLoan(SOUTH, DAY.plusDays(28), "SCL2", T0));
        assertEquals("Cannot ship the loan for a Copy request", noLoan.getMessage());
        copy.deliverCopy(SOUTH, "SCL2", T0, "sent by email");
        assertEquals(RequestState.COPY_COMPLETED, copy.state());
        assertEquals(ServiceType.COPY, copy.suppliedAs());
        assertEquals("SCL2", copy.itemId());
        assertEquals("ZZ-SCL delivered the copy of Chapter 1", lastEvent(copy).message());

        IllRequest loan = loanSentToSouth();
        assertThrows(IllRuleViolation.class, () -> loan.deliverCopy(SOUTH, "SCL2", T0, null));
        assertEquals(RequestState.REQUEST_RECEIVED, loan.state());
    }

    @Test
    void aCopyOrLoanRequestIsAnsweredByEither() {
        IllRequest lent = sentToSouth(ServiceType.COPY_OR_LOAN);
        lent.shipLoan(SOUTH, DAY.plusDays(28), "SCL2", T0);
        assertEquals(RequestState.LOANED, lent.state());
        assertEquals(ServiceType.LOAN, lent.suppliedAs());
        IllRequest copied = sentToSouth(ServiceType.COPY_OR_LOAN);
        copied.deliverCopy(SOUTH, null, T0, null);
        assertEquals(RequestState.COPY_COMPLETED, copied.state());
        assertEquals(ServiceType.COPY, copied.suppliedAs());
    }

    // ---- renewal, overdue, recall ----

    @Test
    void aRenewalApprovedByTheLenderTakesItsNewDueDate() {
        IllRequest request = loanDue(DAY.plusDays(28));
        request.requestRenewal(READER, T0);
        assertTrue(request.renewalRequested());
        IllRuleViolation twice = assertThrows(IllRuleViolation.class, () -> request.requestRenewal(READER, T0));
        assertEquals("A renewal has already been asked for and awaits the lender's answer", twice.getMessage());
        request.approveRenewal(SOUTH, DAY.plusDays(56), T0.plusSeconds(60));
        assertEquals(DAY.plusDays(56), request.dueDate());
        assertEquals(1, request.renewals());
        assertFalse(request.renewalRequested());
        assertEquals(RequestState.LOANED, request.state());
        assertThrows(InvalidInputException.class, () -> request.approveRenewal(SOUTH, null, T0));
    }

    @Test
    void aRenewalRefusedByTheLenderLeavesTheDueDate() {
        IllRequest request = loanDue(DAY.plusDays(28));
        request.requestRenewal(NORTH_STAFF, T0);
        request.denyRenewal(SOUTH, "reserved by a reader here", T0);
        assertEquals(DAY.plusDays(28), request.dueDate());
        assertEquals(0, request.renewals());
        assertFalse(request.renewalRequested());
        assertEquals("Renewal refused: reserved by a reader here", lastEvent(request).message());
    }

    @Test
    void anOverdueLoanRenewedIsCurrentAgain() {
        IllRequest request = loanDue(DAY.plusDays(1));
        request.markOverdue(SOUTH, T0.plus(Duration.ofDays(3)));
        assertEquals(RequestState.OVERDUE, request.state());
        assertEquals("Overdue", request.lenderStatus());
        request.requestRenewal(READER, T0.plus(Duration.ofDays(3)));
        request.approveRenewal(SOUTH, DAY.plusDays(29), T0.plus(Duration.ofDays(3)));
        assertEquals(RequestState.LOANED, request.state());
    }

    @Test
    void approvingARenewalOfARequestNotOnLoanIsARuleViolation() {
        IllRequest request = loanSentToSouth();
        IllegalTransitionException refused = assertThrows(IllegalTransitionException.class,
                () -> request.approveRenewal(SOUTH, DAY.plusDays(28), T0));
        assertEquals("Cannot approve the renewal (APPROVE_RENEWAL) when the request is REQUEST_RECEIVED",
                refused.getMessage());
        assertThrows(IllegalTransitionException.class, () -> request.denyRenewal(SOUTH, null, T0));
        assertThrows(IllegalTransitionException.class, () -> request.recall(SOUTH, DAY.plusDays(3), T0, null));
    }

    @Test
    void aRecallNeverLengthensALoan() {
        IllRequest request = loanDue(DAY.plusDays(10));
        assertFalse(request.recall(SOUTH, DAY.plusDays(30), T0, "needed for a course"));
        assertEquals(DAY.plusDays(10), request.dueDate());
        assertEquals(RequestState.RECALLED, request.state());
        assertEquals("Recalled", request.lenderStatus());
        assertEquals("Recalled by ZZ-SCL, due 2026-11-12 (unchanged: a recall never lengthens a loan)",
                lastEvent(request).message());
        request.recall(SOUTH, DAY.plusDays(3), T0, "needed sooner");
        assertEquals(DAY.plusDays(3), request.dueDate());
        assertEquals("Recalled by ZZ-SCL, due 2026-11-05", lastEvent(request).message());
    }

    @Test
    void aRecallDoesNotMakeAnOverdueLoanCurrentAgain() {
        IllRequest request = loanDue(DAY.plusDays(1));
        Instant threeDaysLater = T0.plus(Duration.ofDays(3));
        request.markOverdue(SOUTH, threeDaysLater);
        request.recall(SOUTH, DAY.plusDays(14), threeDaysLater, "overdue");
        assertEquals(DAY.plusDays(1), request.dueDate(), "the later date of the recall is not taken");
        assertEquals(RequestState.RECALLED, request.state(), "as the lender's Recalled message says");
        // whether the recalled loan is still overdue is the lender's call, in an Overdue message of its own
        request.markOverdue(SOUTH, threeDaysLater);
        assertEquals(RequestState.OVERDUE, request.state());
        List<RequestAction> trail = trail(request);
        assertEquals(List.of(RequestAction.MARK_OVERDUE, RequestAction.RECALL, RequestAction.MARK_OVERDUE),
                trail.subList(trail.size() - 3, trail.size()));
    }

    @Test
    void aRecallAnswersARenewalAskedForWithNo() {
        IllRequest request = loanDue(DAY.plusDays(20));
        request.requestRenewal(READER, T0);
        assertTrue(request.recall(SOUTH, DAY.plusDays(5), T0.plusSeconds(60), "needed for a course"));
        assertFalse(request.renewalRequested());
        List<RequestEvent> events = request.events();
        RequestEvent denial = events.get(events.size() - 2);
        assertEquals(RequestAction.DENY_RENEWAL, denial.action());
        assertEquals("Renewal refused: the item is recalled", denial.message());
        assertEquals("needed for a course", denial.note());
        assertEquals(RequestAction.RECALL, lastEvent(request).action());
        assertEquals(0, request.renewals());
        assertThrows(IllegalTransitionException.class, () -> request.approveRenewal(SOUTH, DAY.plusDays(40), T0));
    }

    // ---- the return ----

    @Test
    void theLenderCompletesALoanWithoutTheBorrowersShippedReturn() {
        IllRequest request = loanDue(DAY.plusDays(28));
        request.receive(NORTH_STAFF, T0.plus(Duration.ofDays(2)));
        assertEquals(RequestState.LOANED, request.state());
        assertEquals(T0.plus(Duration.ofDays(2)), request.receivedAt());
        request.loanCompleted(SOUTH, T0.plus(Duration.ofDays(20)));
        assertEquals(RequestState.LOAN_COMPLETED, request.state());
        assertEquals("LoanCompleted", request.lenderStatus());
        assertEquals("ZZ-SCL has the item back (the return was not recorded here)", lastEvent(request).message());
    }

    @Test
    void theBorrowingLibraryLendsTheReceivedItemToItsReaderAndTakesItBackBeforeShippingIt() {
        IllRequest request = loanDue(DAY.plusDays(28));
        assertFalse(request.actionsNow().contains(RequestAction.CHECK_OUT), "not before the item is received");
        IllRuleViolation early = assertThrows(IllRuleViolation.class,
                () -> request.checkOut(NORTH_STAFF, T0.plus(Duration.ofDays(1))));
        assertEquals("notReceivedYet", early.said().key());

        request.receive(NORTH_STAFF, T0.plus(Duration.ofDays(2)));
        assertFalse(request.actionsNow().contains(RequestAction.RECEIVE), "received once");
        assertTrue(request.actionsNow().contains(RequestAction.CHECK_OUT));
        request.checkOut(NORTH_STAFF, T0.plus(Duration.ofDays(3)));
        assertTrue(request.isWithReader());
        assertEquals(RequestState.LOANED, request.state());
        assertEquals(RequestAction.CHECK_OUT, lastEvent(request).action());
        assertFalse(request.actionsNow().contains(RequestAction.SHIP_BACK), "not while the reader has it");
        assertTrue(request.actionsNow().contains(RequestAction.CHECK_IN_FROM_READER));
        assertEquals("alreadyWithReader", assertThrows(IllRuleViolation.class,
                () -> request.checkOut(NORTH_STAFF, T0.plus(Duration.ofDays(3)))).said().key());
        assertEquals("stillWithReader", assertThrows(IllRuleViolation.class,
                () -> request.shipBack(NORTH_STAFF, T0.plus(Duration.ofDays(4)), null)).said().key());
        assertEquals(RequestState.LOANED, request.state(), "a refused step changes nothing");

        request.checkInFromReader(NORTH_STAFF, T0.plus(Duration.ofDays(15)));
        assertFalse(request.isWithReader());
        assertEquals(RequestAction.CHECK_IN_FROM_READER, lastEvent(request).action());
        assertEquals("notWithReader", assertThrows(IllRuleViolation.class,
                () -> request.checkInFromReader(NORTH_STAFF, T0.plus(Duration.ofDays(15)))).said().key());
        request.shipBack(NORTH_STAFF, T0.plus(Duration.ofDays(16)), null);
        assertEquals(RequestState.SHIPPED_BACK, request.state());
    }

    @Test
    void theLenderCannotLendToTheBorrowersReader() {
        IllRequest request = loanDue(DAY.plusDays(28));
        request.receive(NORTH_STAFF, T0.plus(Duration.ofDays(2)));
        assertThrows(NotAllowedException.class, () -> request.checkOut(SOUTH, T0.plus(Duration.ofDays(3))));
        assertFalse(request.isWithReader());
    }

    @Test
    void theLenderCompletesALoanShippedBack() {
        IllRequest request = loanDue(DAY.plusDays(28));
        request.shipBack(NORTH_STAFF, T0.plus(Duration.ofDays(18)), "parcel 123");
        assertEquals(RequestState.SHIPPED_BACK, request.state());
        request.loanCompleted(SOUTH, T0.plus(Duration.ofDays(20)));
        assertEquals(RequestState.LOAN_COMPLETED, request.state());
        assertEquals("ZZ-SCL has the item back", lastEvent(request).message());
    }

    @Test
    void anItemShippedForwardIsCompletedByTheLender() {
        IllRequest request = loanDue(DAY.plusDays(28));
        request.shipForward(NORTH_STAFF, T0.plus(Duration.ofDays(10)), "to ZZ-ECL for the next reader");
        assertEquals(RequestState.SHIPPED_FORWARD, request.state());
        assertEquals("ZZ-NUL shipped the item forward to another library", lastEvent(request).message());
        request.loanCompleted(SOUTH, T0.plus(Duration.ofDays(20)));
        assertEquals(RequestState.LOAN_COMPLETED, request.state());
        assertEquals("ZZ-SCL has the item back", lastEvent(request).message());
    }

    @Test
    void theLenderClosesALoanWithoutTheItem() {
        IllRequest request = loanDue(DAY.plusDays(1));
        request.markOverdue(SOUTH, T0.plus(Duration.ofDays(3)));
        request.completedWithoutReturn(SOUTH, T0.plus(Duration.ofDays(90)), "long overdue");
        assertEquals(RequestState.COMPLETED_WITHOUT_RETURN, request.state());
        assertEquals("CompletedWithoutReturn", request.lenderStatus());
        assertEquals("long overdue", lastEvent(request).note());
    }

    @Test
    void anItemLostHereClosesTheLoan() {
        IllRequest request = loanDue(DAY.plusDays(28));
        request.reportLost(NORTH_STAFF, T0.plus(Duration.ofDays(5)), "stolen from the reading room");
        assertEquals(RequestState.COMPLETED_WITHOUT_RETURN, request.state());
        assertThrows(IllegalTransitionException.class, () -> request.loanCompleted(SOUTH, T0.plus(Duration.ofDays(6))));
    }

    @Test
    void theBorrowerHoldsTheReturnAndTheLenderReleasesIt() {
        IllRequest request = loanDue(DAY.plusDays(28));
        request.holdReturn(NORTH_STAFF, T0.plus(Duration.ofDays(5)), "closed for inventory");
        assertEquals(RequestState.RETURN_HELD, request.state());
        assertThrows(NotAllowedException.class, () -> request.holdReturn(SOUTH, T0, null),
                "the lender holds a return through its own message");
        assertThrows(NotAllowedException.class, () -> request.releaseHoldReturn(NORTH_STAFF, T0),
                "only the lender releases a hold");
        request.releaseHoldReturn(SOUTH, T0.plus(Duration.ofDays(9)));
        assertEquals(RequestState.LOANED, request.state());
        assertEquals("ReleaseHoldReturn", request.lenderStatus());
        assertEquals("ZZ-SCL takes the item back again, due 2026-11-30", lastEvent(request).message());
    }

    @Test
    void theLenderAsksToHoldTheReturnAndTheItemMayStillBeShippedBack() {
        IllRequest request = loanDue(DAY.plusDays(28));
        request.lenderHoldsReturn(SOUTH, T0.plus(Duration.ofDays(5)), "closed for the holidays");
        assertEquals(RequestState.RETURN_HELD, request.state());
        assertEquals("HoldReturn", request.lenderStatus());
        assertEquals("ZZ-SCL asks to hold the return for now", lastEvent(request).message());
        request.lenderHoldsReturn(SOUTH, T0.plus(Duration.ofDays(6)), "still closed");
        assertEquals(RequestState.RETURN_HELD, request.state());
        request.shipBack(NORTH_STAFF, T0.plus(Duration.ofDays(7)), null);
        assertEquals(RequestState.SHIPPED_BACK, request.state());
    }

    // ---- cancellation ----

    @Test
    void aRequestNoLenderHasIsCancelledAtOnce() {
        IllRequest request = loanRequest();
        request.cancel(READER, T0, "found it in a bookshop");
        assertEquals(RequestState.CANCELLED, request.state());
        assertNull(request.stateBeforeCancel());
        assertEquals("Cancelled", lastEvent(request).message());
    }

    @Test
    void cancellingWhileALenderHasTheRequestAsksTheLender() {
        Instant askedAt = T0.plus(Duration.ofHours(1));
        IllRequest request = cancelAskedAfterPromise(askedAt);
        assertEquals(RequestState.CANCEL_REQUESTED, request.state());
        assertEquals(RequestState.WILL_SUPPLY, request.stateBeforeCancel());
        assertEquals("Cancellation asked of ZZ-SCL", lastEvent(request).message());
        assertEquals("no longer needed", lastEvent(request).note());
        assertEquals(askedAt.plus(Duration.ofHours(48)), request.currentEntry().answerDueAt());
        assertThrows(IllegalTransitionException.class, () -> request.cancel(NORTH_STAFF, askedAt, null),
                "a cancellation is asked once");
    }

    @Test
    void aCancellationTheLenderAcceptsEndsTheRequest() {
        IllRequest request = cancelAskedAfterPromise(T0.plus(Duration.ofHours(1)));
        request.cancelAccepted(SOUTH, T0.plus(Duration.ofHours(2)));
        assertEquals(RequestState.CANCELLED, request.state());
        assertEquals("Cancelled", request.lenderStatus());
        assertNull(request.stateBeforeCancel());
        assertEquals(RotaEntryStatus.SKIPPED, request.rota().get(0).status());
        assertEquals("request cancelled", request.rota().get(0).reason());
        assertEquals(RotaEntryStatus.WAITING, request.rota().get(1).status());
    }

    @Test
    void aCancellationTheLenderRefusesPutsTheRequestBackWhereItWas() {
        IllRequest request = cancelAskedAfterPromise(T0.plus(Duration.ofHours(1)));
        request.cancelRefused(SOUTH, "already packed", T0.plus(Duration.ofHours(2)));
        assertEquals(RequestState.WILL_SUPPLY, request.state());
        assertNull(request.stateBeforeCancel());
        RequestEvent refusal = lastEvent(request);
        assertEquals(RequestAction.CANCEL_REFUSED, refusal.action());
        assertEquals(RequestState.CANCEL_REQUESTED, refusal.fromState());
        assertEquals(RequestState.WILL_SUPPLY, refusal.toState());
        assertEquals("ZZ-SCL refused to cancel: already packed", refusal.message());
        request.shipLoan(SOUTH, DAY.plusDays(28), "SCL2", T0.plus(Duration.ofHours(3)));
        assertEquals(RequestState.LOANED, request.state());
    }

    @Test
    void aLoanShippedBeforeTheLenderReadTheCancellationStillHappens() {
        IllRequest request = cancelAskedAfterPromise(T0.plus(Duration.ofHours(1)));
        request.shipLoan(SOUTH, DAY.plusDays(28), "SCL2", T0.plus(Duration.ofHours(2)));
        assertEquals(RequestState.LOANED, request.state());
        assertNull(request.stateBeforeCancel());
        assertThrows(IllegalTransitionException.class, () -> request.cancelAccepted(SOUTH, T0));
    }

    @Test
    void anUnfilledAnswerToACancelledRequestAsksNoOtherLender() {
        IllRequest request = cancelAskedAfterPromise(T0.plus(Duration.ofHours(1)));
        request.lenderUnfilled(SOUTH, "not found on the shelf", T0.plus(Duration.ofHours(2)));
        assertEquals(RequestState.CANCELLED, request.state());
        assertEquals(south, request.lender());
        assertEquals(RotaEntryStatus.WAITING, request.rota().get(1).status());
        assertEquals("ZZ-SCL answered unfilled (not found on the shelf); the request is cancelled as asked",
                lastEvent(request).message());
    }

    // ---- who acts ----

    @Test
    void onlyTheLenderAskedMayAnswer() {
        IllRequest request = loanSentToSouth();
        NotAllowedException refused = assertThrows(NotAllowedException.class,
                () -> request.willSupply(EAST, T0, null));
        assertEquals("partner ZZ-ECL cannot answer will supply: ZZ-ECL is not the lender of this request; ZZ-SCL is",
                refused.getMessage());
        assertThrows(NotAllowedException.class, () -> request.willSupply(EAST_STAFF, T0, null));
        assertEquals(RequestState.REQUEST_RECEIVED, request.state());
    }

    @Test
    void theLendersStaffWorkOnTheirOwnRecordNotOnTheBorrowers() {
        IllRequest request = loanSentToSouth();
        NotAllowedException refused = assertThrows(NotAllowedException.class,
                () -> request.willSupply(SOUTH_STAFF, T0, null));
        assertEquals("staff ZZ-SCL/sam cannot answer will supply: the lender's staff work on their own library's "
                + "record of the request", refused.getMessage());
        assertThrows(NotAllowedException.class, () -> request.expectToSupply(SOUTH_STAFF, T0, null));
        assertThrows(NotAllowedException.class, () -> request.retryPossible(SOUTH_STAFF, "later", null, T0));
        assertThrows(NotAllowedException.class, () -> request.proposeConditions(SOUTH_STAFF,
                Set.of(LoanCondition.NO_REPRODUCTION), null, "EUR", null, T0, null));
        assertThrows(NotAllowedException.class, () -> request.lenderUnfilled(SOUTH_STAFF, "on loan", T0));
        assertThrows(NotAllowedException.class, () -> request.shipLoan(SOUTH_STAFF, DAY.plusDays(28), "SCL2", T0));
        assertEquals(RequestState.REQUEST_RECEIVED, request.state());
        assertEquals(south, request.lender());

        IllRequest loan = loanDue(DAY.plusDays(28));
        assertThrows(NotAllowedException.class, () -> loan.recall(SOUTH_STAFF, DAY.plusDays(3), T0, null));
        assertThrows(NotAllowedException.class, () -> loan.markOverdue(SOUTH_STAFF, T0.plus(Duration.ofDays(40))));
        assertThrows(NotAllowedException.class, () -> loan.loanCompleted(SOUTH_STAFF, T0));
        assertEquals(RequestState.LOANED, loan.state());
    }

    @Test
    void neitherTheBorrowingOfficeNorTheClockMakeTheLendersSteps() {
        IllRequest request = loanDue(DAY.plusDays(1));
        NotAllowedException clock = assertThrows(NotAllowedException.class,
                () -> request.markOverdue(Actor.SYSTEM, T0.plus(Duration.ofDays(3))));
        assertEquals("system cannot mark overdue: only the lender's messages may", clock.getMessage());
        assertThrows(NotAllowedException.class, () -> request.loanCompleted(NORTH_STAFF, T0));
        assertEquals(RequestState.LOANED, request.state());
    }

    @Test
    void theLendersOwnSystemAnswersForItAsAPartner() {
        IllRequest request = loanSentToSouth();
        request.willSupply(SOUTH, T0, null);
        assertEquals(RequestState.WILL_SUPPLY, request.state());
        assertEquals("partner ZZ-SCL", lastEvent(request).actor());
        assertThrows(NotAllowedException.class, () -> request.shipLoan(EAST, DAY.plusDays(28), "ECL1", T0));
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
        IllRequest request = loanSentToSouth();
        assertThrows(NotAllowedException.class, () -> request.skipLender(SOUTH_STAFF, "tired of waiting", T0));
        assertThrows(NotAllowedException.class, () -> request.skipLender(SOUTH, "tired of waiting", T0));
        assertThrows(NotAllowedException.class, () -> request.sendToNextLender(SOUTH_STAFF, T0));
        assertThrows(NotAllowedException.class, () -> request.cancel(SOUTH, T0, null));
        assertThrows(NotAllowedException.class, () -> request.receive(READER, T0));
        assertEquals(south, request.lender());
        assertEquals(RequestState.REQUEST_RECEIVED, request.state());
    }

    @Test
    void onlyTheReaderWhoAppliedAnswersConditionsThatConcernThem() {
        IllRequest request = loanSentToSouth();
        request.proposeConditions(SOUTH, Set.of(LoanCondition.LIBRARY_USE_ONLY), null, "EUR", null, T0, null);
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
        assertEquals(RequestState.REQUEST_RECEIVED, request.state());
        assertEquals("reader ZZ-NUL/NUL-1", lastEvent(request).actor());
    }

    @Test
    void aReaderAppliesOnlyForThemselves() {
        NotAllowedException refused = assertThrows(NotAllowedException.class, () -> new IllRequest(
                Actor.reader("ZZ-NUL", "NUL-2"), reader, record, BibliographicDescription
                .titled("Introduction to Algorithms").isbn("9780262033848").build(), ServiceType.LOAN, T0));
        assertEquals("Request #null is not yours", refused.getMessage());
    }

    // ---- what the request carries ----

    @Test
    void copyNeedsTheArticleAndItsPages() {
        IllRuleViolation refused = assertThrows(IllRuleViolation.class, () -> new IllRequest(READER, reader, null,
                BibliographicDescription.titled("Nature").issn("0028-0836").build(), ServiceType.COPY, T0));
        assertEquals("The bibliographic data cannot identify the item: a copy needs the title of the article or "
                + "chapter", refused.getMessage());
        IllRequest copy = new IllRequest(READER, reader, null, BibliographicDescription.titled("Nature")
                .issn("0028-0836").part("Molecular structure of nucleic acids", "Watson, J. D.", "171", "4356",
                        "737-738").build(), ServiceType.COPY, T0);
        assertEquals(RequestState.NEW, copy.state());
    }

    @Test
    void titleAloneDoesNotIdentifyAnItem() {
        IllRuleViolation refused = assertThrows(IllRuleViolation.class, () -> new IllRequest(READER, reader, null,
                BibliographicDescription.titled("Collected Papers").build(), ServiceType.LOAN, T0));
        assertTrue(refused.getMessage().contains("give an ISBN, an ISSN or the author"), refused.getMessage());
    }

    @Test
    void anOverLongReasonIsRefusedBeforeTheRequestMoves() {
        IllRequest request = loanSentToSouth();
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> request.lenderUnfilled(SOUTH,
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
        List<String> leftOut = IntStream.range(0, 200)
                .mapToObj(i -> "ZZ-L" + i + " holds it only in a reference room, which never lends through ILL")
                .toList();
        request.planRota(NORTH_STAFF, List.of(), leftOut);
        assertFalse(request.sendToNextLender(NORTH_STAFF, T0));
        assertEquals(RequestState.UNFILLED, request.state());
        assertEquals(IllRequest.UNFILLED_REASONS_LENGTH, Text.length(request.unfilledReasons()));
        assertTrue(request.unfilledReasons().endsWith("…"));
        assertEquals(RequestEvent.MESSAGE_LENGTH, Text.length(lastEvent(request).message()));
    }

    @Test
    void aNotificationAboutALongTitleHasASubjectThatFits() {
        String title = "\uD840\uDC0B".repeat(BibliographicDescription.TITLE_LENGTH);
        IllRequest request = new IllRequest(READER, reader, null,
                BibliographicDescription.titled(title).by("Someone").build(), ServiceType.LOAN, T0);
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
