package org.openill.domain.request;

import org.junit.jupiter.api.Test;
import org.openill.domain.IllRuleViolation;
import org.openill.domain.InvalidInputException;
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
        IllRequest request = new IllRequest(reader, record,
                BibliographicDescription.titled("Introduction to Algorithms").isbn("9780262033848").build(),
                ServiceType.LOAN, "reader NUL-1", T0);
        request.validate("staff", T0, null);
        request.planRota(List.of(fromSouth, fromEast), List.of());
        return request;
    }

    @Test
    void unfilledAnswerMovesTheRequestToTheNextLender() {
        IllRequest request = loanRequest();
        assertTrue(request.sendToNextLender("staff", T0));
        assertEquals(south, request.lender());
        request.lenderUnfilled(south, "on loan", "south staff", T0.plusSeconds(60));
        assertEquals(RequestState.REQUEST_RECEIVED, request.state());
        assertEquals(east, request.lender());
        assertEquals(RotaEntryStatus.UNFILLED, request.rota().get(0).status());
        assertEquals(RotaEntryStatus.ASKED, request.rota().get(1).status());
    }

    @Test
    void exhaustedRotaEndsUnfilledWithTheReasonsCollected() {
        IllRequest request = loanRequest();
        request.planRota(List.of(fromSouth, fromEast), List.of("ZZ-REF holds it only in a reference room"));
        request.sendToNextLender("staff", T0);
        request.lenderUnfilled(south, "on loan", "south staff", T0);
        Instant late = T0.plus(Duration.ofHours(49));
        assertTrue(request.isPastDeadline(late));
        request.moveOnPastDeadline("system", late);
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
        request.sendToNextLender("staff", T0);
        assertFalse(request.isPastDeadline(T0.plus(Duration.ofHours(47))));
        request.expectToSupply(south, "south staff", T0.plus(Duration.ofHours(40)), null);
        assertFalse(request.isPastDeadline(T0.plus(Duration.ofHours(49))), "the firm answer has its own 48 hours");
    }

    @Test
    void lenderThatExpectsToSupplyAndSaysNothingMoreIsPassedOver() {
        IllRequest request = loanRequest();
        request.sendToNextLender("staff", T0);
        request.expectToSupply(south, "south staff", T0, null);
        assertFalse(request.isPastDeadline(T0.plus(Duration.ofHours(47))));
        Instant late = T0.plus(Duration.ofHours(49));
        assertTrue(request.isPastDeadline(late));
        request.moveOnPastDeadline("system", late);
        assertEquals(east, request.lender());
        assertEquals(RotaEntryStatus.NO_ANSWER, request.rota().get(0).status());
        assertEquals("expected to supply, no further answer by 2026-11-04T09:00:00Z", request.rota().get(0).reason());
    }

    @Test
    void aPromiseToSupplyNotKeptWithinTheResponseTimeMovesTheRequestOn() {
        IllRequest request = loanRequest();
        request.sendToNextLender("staff", T0);
        Instant promised = T0.plus(Duration.ofHours(2));
        request.willSupply(south, southCopies(), "south staff", promised, null);
        assertFalse(request.isPastDeadline(promised.plus(Duration.ofHours(47))));
        Instant late = promised.plus(Duration.ofHours(49));
        assertTrue(request.isPastDeadline(late));
        request.moveOnPastDeadline("system", late);
        assertEquals(RequestState.REQUEST_RECEIVED, request.state());
        assertEquals(east, request.lender());
        assertEquals(RotaEntryStatus.NO_ANSWER, request.rota().get(0).status());
        assertEquals("promised to supply, nothing shipped by 2026-11-04T11:00:00Z", request.rota().get(0).reason());
    }

    @Test
    void conditionsTheReaderDoesNotAnswerInTimeMoveTheRequestOn() {
        IllRequest request = loanRequest();
        request.sendToNextLender("staff", T0);
        request.proposeConditions(south, southCopies(), Set.of(LoanCondition.LIBRARY_USE_ONLY), null, "EUR", "south",
                T0, null);
        Instant asked = T0.plus(Duration.ofHours(30));
        assertTrue(request.acceptConditions("staff", asked));
        assertFalse(request.isPastDeadline(asked.plus(Duration.ofHours(47))), "the reader has their own 48 hours");
        Instant late = asked.plus(Duration.ofHours(49));
        assertTrue(request.isPastDeadline(late));
        request.moveOnPastDeadline("system", late);
        assertEquals(east, request.lender());
        assertEquals(RotaEntryStatus.CONDITIONS_DECLINED, request.rota().get(0).status());
        assertEquals("conditions LibraryUseOnly not answered by the reader by 2026-11-05T15:00:00Z",
                request.rota().get(0).reason());
    }

    @Test
    void conditionsTheBorrowingOfficeDoesNotDecideOnInTimeMoveTheRequestOn() {
        IllRequest request = loanRequest();
        request.sendToNextLender("staff", T0);
        request.proposeConditions(south, southCopies(), Set.of(LoanCondition.NO_REPRODUCTION), null, "EUR", "south",
                T0, null);
        Instant late = T0.plus(Duration.ofHours(49));
        assertTrue(request.isPastDeadline(late));
        request.moveOnPastDeadline("system", late);
        assertEquals(east, request.lender());
        assertEquals("conditions NoReproduction not answered by the borrowing library by 2026-11-04T09:00:00Z",
                request.rota().get(0).reason());
    }

    @Test
    void conditionsAcceptedGiveTheLenderTheResponseTimeToShip() {
        IllRequest request = loanRequest();
        request.sendToNextLender("staff", T0);
        request.proposeConditions(south, southCopies(), Set.of(), new BigDecimal("4.00"), "EUR", "south", T0, null);
        Instant accepted = T0.plus(Duration.ofHours(40));
        assertFalse(request.acceptConditions("staff", accepted));
        assertFalse(request.isPastDeadline(accepted.plus(Duration.ofHours(47))));
        assertTrue(request.isPastDeadline(accepted.plus(Duration.ofHours(49))));
    }

    @Test
    void aLoanShippedHasNoDeadlineButItsDueDate() {
        IllRequest request = loanRequest();
        request.sendToNextLender("staff", T0);
        request.shipLoan(south, southCopies().get(0), DAY.plusDays(28), "south", T0);
        assertFalse(request.isPastDeadline(T0.plus(Duration.ofDays(20))));
        assertThrows(IllegalTransitionException.class, () -> request.moveOnPastDeadline("system", T0));
    }

    @Test
    void lenderThatSaidRetryPossibleHasTheResponseTimeAgainThenIsSkipped() {
        IllRequest request = loanRequest();
        request.sendToNextLender("staff", T0);
        Instant retry = T0.plus(Duration.ofHours(10));
        request.retryPossible(south, "at the bindery", "south staff", retry);
        assertFalse(request.isPastDeadline(retry.plus(Duration.ofHours(47))));
        assertTrue(request.isPastDeadline(retry.plus(Duration.ofHours(49))));
        request.moveOnPastDeadline("system", retry.plus(Duration.ofHours(49)));
        assertEquals(east, request.lender());
    }

    @Test
    void borrowingOfficeCanStopWaitingForALenderThatPromisedToSupply() {
        IllRequest request = loanRequest();
        request.sendToNextLender("staff", T0);
        request.willSupply(south, southCopies(), "south staff", T0, null);
        request.skipLender("promised three weeks ago, nothing shipped", "staff", T0.plus(Duration.ofDays(21)));
        assertEquals(east, request.lender());
        assertEquals(RotaEntryStatus.SKIPPED, request.rota().get(0).status());
    }

    @Test
    void suspendedAgreementIsSkippedWhenTheRotaMovesOn() {
        IllRequest request = loanRequest();
        request.sendToNextLender("staff", T0);
        fromEast.suspend();
        request.lenderUnfilled(south, "on loan", "south staff", T0);
        assertEquals(RequestState.UNFILLED, request.state());
        assertEquals("ZZ-SCL: on loan; ZZ-ECL: the agreement ZZ-ECL → ZZ-NUL is suspended", request.unfilledReasons());
    }

    @Test
    void aRefusedActionChangesNothing() {
        IllRequest request = loanRequest();
        request.sendToNextLender("staff", T0);
        request.expectToSupply(south, "south staff", T0, null);
        IllRuleViolation early = assertThrows(IllRuleViolation.class,
                () -> request.moveOnPastDeadline("system", T0.plusSeconds(60)));
        assertEquals("The request waits for its next step until 2026-11-04T09:00:00Z; it is 2026-11-02T09:01:00Z",
                early.getMessage());
        assertEquals(RotaEntryStatus.ASKED, request.rota().get(0).status());
        assertEquals(RequestState.EXPECT_TO_SUPPLY, request.state());
    }

    @Test
    void aCopyOfAnotherWorkCannotBeShipped() {
        IllRequest request = loanRequest();
        request.sendToNextLender("staff", T0);
        BibliographicRecord other = new BibliographicRecord("Other Book", RecordFormat.BOOK);
        IllRuleViolation refused = assertThrows(IllRuleViolation.class, () -> request.shipLoan(south,
                new Holding(other, southOpen, "X1", "SCL9"), DAY.plusDays(28), "south", T0));
        assertTrue(refused.getMessage().contains("is a copy of another work"), refused.getMessage());
    }

    @Test
    void onlyTheLenderAskedMayAnswer() {
        IllRequest request = loanRequest();
        request.sendToNextLender("staff", T0);
        IllRuleViolation refused = assertThrows(IllRuleViolation.class,
                () -> request.willSupply(east, List.of(), "east staff", T0, null));
        assertEquals("ZZ-ECL is not the lender of this request; ZZ-SCL is", refused.getMessage());
    }

    @Test
    void aReferenceRoomCopyIsNeverShipped() {
        IllRequest request = loanRequest();
        request.sendToNextLender("staff", T0);
        Holding inReferenceRoom = new Holding(record, southRef, "QA76", "SCL1");
        IllRuleViolation refused = assertThrows(IllRuleViolation.class,
                () -> request.shipLoan(south, inReferenceRoom, DAY.plusDays(28), "south staff", T0));
        assertTrue(refused.getMessage().contains("never lent through interlibrary loan"), refused.getMessage());
        assertEquals(RequestState.REQUEST_RECEIVED, request.state());
        request.shipLoan(south, new Holding(record, southOpen, "QA76", "SCL2"), DAY.plusDays(28), "south staff", T0);
        assertEquals(RequestState.LOANED, request.state());
    }

    @Test
    void aPromiseToSupplyNeedsACopyOnTheShelf() {
        IllRequest request = loanRequest();
        request.sendToNextLender("staff", T0);
        Holding onLoan = new Holding(record, southOpen, "QA76", "SCL2");
        onLoan.lend();
        IllRuleViolation refused = assertThrows(IllRuleViolation.class,
                () -> request.willSupply(south, List.of(onLoan), "south staff", T0, null));
        assertEquals("ZZ-SCL holds no copy it may supply through interlibrary loan: Holding SCL2 is not on the shelf: "
                + "it is on loan", refused.getMessage());
        assertEquals(RequestState.REQUEST_RECEIVED, request.state());
    }

    @Test
    void aPromiseToSupplyFromACollectionTheAgreementExcludesIsRefused() {
        IllRequest request = loanRequest();
        request.sendToNextLender("staff", T0);
        fromSouth.excludeCollection(southOpen);
        IllRuleViolation refused = assertThrows(IllRuleViolation.class,
                () -> request.willSupply(south, southCopies(), "south staff", T0, null));
        assertTrue(refused.getMessage().endsWith("a collection the partner agreement excludes"), refused.getMessage());
        assertEquals(RequestState.REQUEST_RECEIVED, request.state());
    }

    @Test
    void aPromiseToSupplyWithOnlyAReferenceRoomCopyIsRefused() {
        IllRequest request = loanRequest();
        request.sendToNextLender("staff", T0);
        IllRuleViolation refused = assertThrows(IllRuleViolation.class, () -> request.willSupply(south,
                List.of(new Holding(record, southRef, "QA76", "SCL1")), "south staff", T0, null));
        assertEquals("ZZ-SCL holds it only in a reference room, which never lends through interlibrary loan",
                refused.getMessage());
    }

    @Test
    void aCopyIsNeverMadeFromAMissingItem() {
        IllRequest request = new IllRequest(reader, record, BibliographicDescription.titled("Introduction to Algorithms")
                .isbn("9780262033848").part("Chapter 1", null, null, null, "1-20").build(), ServiceType.COPY,
                "reader NUL-1", T0);
        request.validate("staff", T0, null);
        request.planRota(List.of(fromSouth), List.of());
        request.sendToNextLender("staff", T0);
        Holding missing = new Holding(record, southOpen, "QA76", "SCL2");
        missing.markMissing();
        IllRuleViolation refused = assertThrows(IllRuleViolation.class,
                () -> request.deliverCopy(south, missing, "south staff", T0, null));
        assertEquals("Holding SCL2 is not on the shelf: it is missing", refused.getMessage());
        assertEquals(RequestState.REQUEST_RECEIVED, request.state());
        request.deliverCopy(south, new Holding(record, southOpen, "QA76", "SCL3"), "south staff", T0, null);
        assertEquals(RequestState.COPY_COMPLETED, request.state());
    }

    @Test
    void conditionsConcerningTheReaderAreAskedOfThem() {
        IllRequest request = loanRequest();
        request.sendToNextLender("staff", T0);
        request.proposeConditions(south, southCopies(), Set.of(LoanCondition.LIBRARY_USE_ONLY), null, "EUR", "south", T0, null);
        assertTrue(request.acceptConditions("staff", T0));
        assertEquals(RequestState.AWAITING_READER_CONSENT, request.state());
        IllegalTransitionException staffAgain = assertThrows(IllegalTransitionException.class,
                () -> request.acceptConditions("staff", T0));
        assertEquals(RequestState.AWAITING_READER_CONSENT, staffAgain.state());
        request.readerAnswersConditions(true, "reader NUL-1", T0);
        assertEquals(RequestState.WILL_SUPPLY, request.state());
    }

    @Test
    void aCostAloneIsAcceptedByTheOfficeForAReaderWhoPaysNoFees() {
        IllRequest request = loanRequest();
        request.sendToNextLender("staff", T0);
        request.proposeConditions(south, southCopies(), Set.of(), new BigDecimal("4.00"), "EUR", "south", T0, null);
        assertFalse(request.acceptConditions("staff", T0));
        assertEquals(RequestState.WILL_SUPPLY, request.state());
    }

    @Test
    void declinedConditionsMoveToTheNextLender() {
        IllRequest request = loanRequest();
        request.sendToNextLender("staff", T0);
        request.proposeConditions(south, southCopies(), Set.of(LoanCondition.NO_REPRODUCTION), null, "EUR", "south", T0, null);
        request.declineConditions("staff", T0, "the reader needs to copy pages");
        assertEquals(east, request.lender());
        assertEquals(RotaEntryStatus.CONDITIONS_DECLINED, request.rota().get(0).status());
    }

    @Test
    void renewalsStopAtTheAgreementsLimit() {
        IllRequest request = loanRequest();
        request.sendToNextLender("staff", T0);
        request.shipLoan(south, new Holding(record, southOpen, "QA76", "SCL2"), DAY.plusDays(28), "south", T0);
        request.requestRenewal("reader NUL-1", T0);
        assertEquals(DAY.plusDays(56), request.approveRenewal(south, "south", T0));
        assertEquals(DAY.plusDays(56), request.dueDate());
        request.requestRenewal("reader NUL-1", T0);
        IllRuleViolation refused = assertThrows(IllRuleViolation.class,
                () -> request.approveRenewal(south, "south", T0));
        assertEquals("The partner agreement allows 1 renewal(s) and 1 have been granted", refused.getMessage());
    }

    /** A loan South shipped on DAY, due on the day given. */
    private IllRequest loanDue(LocalDate due) {
        IllRequest request = loanRequest();
        request.sendToNextLender("staff", T0);
        request.shipLoan(south, southCopies().get(0), due, "south", T0);
        return request;
    }

    @Test
    void aRecallNeverLengthensALoan() {
        IllRequest request = loanDue(DAY.plusDays(10));
        assertEquals(DAY.plusDays(10), request.recall(south, 30, "south", T0, "needed for a course"));
        assertEquals(DAY.plusDays(10), request.dueDate());
        assertEquals(RequestState.RECALLED, request.state());
        assertEquals("Recalled by ZZ-SCL, due 2026-11-12 (unchanged: a recall never lengthens a loan)",
                request.events().get(request.events().size() - 1).message());
        assertEquals(DAY.plusDays(3), request.recall(south, 3, "south", T0, "needed sooner"));
        assertEquals(DAY.plusDays(3), request.dueDate());
    }

    @Test
    void aRecallDoesNotMakeAnOverdueLoanCurrentAgain() {
        IllRequest request = loanDue(DAY.plusDays(1));
        Instant threeDaysLater = T0.plus(Duration.ofDays(3));
        request.markOverdue("system", threeDaysLater);
        request.recall(south, 14, "south", threeDaysLater, "overdue");
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
                    () -> request.recall(south, days, "south", T0, null));
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
        request.requestRenewal("reader NUL-1", T0);
        request.recall(south, 5, "south", T0.plusSeconds(60), "needed for a course");
        assertFalse(request.renewalRequested());
        List<RequestEvent> events = request.events();
        RequestEvent denial = events.get(events.size() - 2);
        assertEquals(RequestAction.DENY_RENEWAL, denial.action());
        assertEquals("Renewal denied: the item is recalled", denial.message());
        assertEquals("needed for a course", denial.note());
        assertEquals(RequestAction.RECALL, events.get(events.size() - 1).action());
        assertEquals(0, request.renewals());
        assertThrows(IllegalTransitionException.class, () -> request.approveRenewal(south, "south", T0));
    }

    @Test
    void approvingARenewalOfARequestNotOnLoanIsARuleViolation() {
        IllRequest request = loanRequest();
        request.sendToNextLender("staff", T0);
        IllegalTransitionException refused = assertThrows(IllegalTransitionException.class,
                () -> request.approveRenewal(south, "south", T0));
        assertEquals("Cannot approve the renewal (APPROVE_RENEWAL) when the request is REQUEST_RECEIVED",
                refused.getMessage());
        assertThrows(IllegalTransitionException.class, () -> request.denyRenewal(south, null, "south", T0));
        assertThrows(IllegalTransitionException.class, () -> request.recall(south, 3, "south", T0, null));
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
        request.sendToNextLender("staff", T0);
        LocalDate due = DAY.plusDays(28);
        request.shipLoan(south, new Holding(record, southOpen, "QA76", "SCL2"), due, "south", T0);
        Instant southMidnight = due.plusDays(1).atStartOfDay(south.timeZone()).toInstant();
        assertFalse(request.isOverdueAt(southMidnight.minusSeconds(1)));
        IllRuleViolation early = assertThrows(IllRuleViolation.class,
                () -> request.markOverdue("system", southMidnight.minusSeconds(1)));
        assertEquals("The loan is due 2026-11-30, not overdue on 2026-11-30 at ZZ-SCL", early.getMessage());
        assertTrue(request.isOverdueAt(southMidnight));
        request.markOverdue("system", southMidnight);
        assertEquals(RequestState.OVERDUE, request.state());
        assertFalse(request.isOverdueAt(southMidnight.plusSeconds(600)), "an overdue loan is not marked again");
    }

    @Test
    void copyNeedsTheArticleAndItsPages() {
        IllRuleViolation refused = assertThrows(IllRuleViolation.class, () -> new IllRequest(reader, null,
                BibliographicDescription.titled("Nature").issn("0028-0836").build(), ServiceType.COPY, "r", T0));
        assertEquals("The bibliographic data cannot identify the item: a copy needs the title of the article or chapter",
                refused.getMessage());
        IllRequest copy = new IllRequest(reader, null, BibliographicDescription.titled("Nature").issn("0028-0836")
                .part("Molecular structure of nucleic acids", "Watson, J. D.", "171", "4356", "737-738").build(),
                ServiceType.COPY, "r", T0);
        assertEquals(RequestState.NEW, copy.state());
    }

    @Test
    void titleAloneDoesNotIdentifyAnItem() {
        IllRuleViolation refused = assertThrows(IllRuleViolation.class, () -> new IllRequest(reader, null,
                BibliographicDescription.titled("Collected Papers").build(), ServiceType.LOAN, "r", T0));
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
        request.sendToNextLender("staff", T0);
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> request.lenderUnfilled(south,
                "x".repeat(IllRequest.REASON_LENGTH + 1), "south staff", T0));
        assertEquals("Reason is too long: at most 1000 characters, this one has 1001", refused.getMessage());
        assertEquals(RequestState.REQUEST_RECEIVED, request.state());
        assertEquals(south, request.lender());
        assertEquals(RotaEntryStatus.ASKED, request.rota().get(0).status());
    }

    @Test
    void aNoteWithANulCharacterIsRefusedAndLeavesNoTrace() {
        IllRequest request = loanRequest();
        int events = request.events().size();
        assertThrows(InvalidInputException.class, () -> request.cancel("staff", T0, "duplicate\u0000"));
        assertEquals(RequestState.VALIDATED, request.state());
        assertEquals(events, request.events().size());
    }

    @Test
    void aVeryLongListOfReasonsIsCutToWhatTheRequestKeeps() {
        IllRequest request = loanRequest();
        List<String> leftOut = java.util.stream.IntStream.range(0, 200)
                .mapToObj(i -> "ZZ-L" + i + " holds it only in a reference room, which never lends through ILL").toList();
        request.planRota(List.of(), leftOut);
        assertFalse(request.sendToNextLender("staff", T0));
        assertEquals(RequestState.UNFILLED, request.state());
        assertEquals(IllRequest.UNFILLED_REASONS_LENGTH, Text.length(request.unfilledReasons()));
        assertTrue(request.unfilledReasons().endsWith("…"));
        RequestEvent last = request.events().get(request.events().size() - 1);
        assertEquals(RequestEvent.MESSAGE_LENGTH, Text.length(last.message()));
    }

    @Test
    void aNotificationAboutALongTitleHasASubjectThatFits() {
        String title = "\uD840\uDC0B".repeat(BibliographicDescription.TITLE_LENGTH);
        IllRequest request = new IllRequest(reader, null, BibliographicDescription.titled(title).by("Someone").build(),
                ServiceType.LOAN, "reader NUL-1", T0);
        request.validate("staff", T0, null);
        request.planRota(List.of(), List.of());
        request.sendToNextLender("staff", T0);
        ReaderNotification notification = ReaderNotification.unfilled(request, T0);
        assertEquals(ReaderNotification.SUBJECT_LENGTH, Text.length(notification.subject()));
        assertTrue(notification.subject().startsWith("No library could supply \"\uD840\uDC0B"));
        assertEquals(notification.subject(), Text.required("subject", notification.subject(), 300),
                "no half character left at the cut");
    }
}
