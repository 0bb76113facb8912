package org.openill.it;

import jakarta.ejb.EJB;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openill.application.AgreementService;
import org.openill.application.AuditLog;
import org.openill.application.AgreementSummary;
import org.openill.application.AgreementTerms;
import org.openill.application.BorrowingService;
import org.openill.application.NetworkAdministration;
import org.openill.application.RequestQueries;
import org.openill.domain.Actor;
import org.openill.domain.ConcurrentChangeException;
import org.openill.domain.IllRuleViolation;
import org.openill.domain.InvalidInputException;
import org.openill.domain.agreement.AgreementStatus;
import org.openill.domain.library.LocationType;
import org.openill.domain.reader.ReaderCategory;
import org.openill.domain.request.BibliographicDescription;
import org.openill.domain.request.ServiceType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openill.it.Fixtures.lending;
import static org.openill.it.Fixtures.staffOf;
import static org.openill.it.Fixtures.readerOf;
import static org.openill.it.Fixtures.ADMIN;

/** Libraries, collections, readers and partner agreements as the ILL offices manage them. */
@ExtendWith(ArquillianExtension.class)
class AdministrationIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.builtEarWith(AdministrationIT.class, Fixtures.class);
    }

    @EJB
    NetworkAdministration admin;

    @EJB
    AgreementService agreements;

    @EJB
    BorrowingService borrowing;

    @EJB
    RequestQueries queries;

    @EJB
    Fixtures fixtures;

    @EJB
    AuditLog audit;

    @EJB
    org.openill.application.LendingQueries lendingQueries;

    @EJB
    org.openill.application.LendingService lending;

    @Test
    void aLibraryJoinsOnceUnderItsIsil() {
        IllRuleViolation refused = assertThrows(IllRuleViolation.class, () -> admin.registerLibrary(ADMIN, "ZZ-NUL",
                "Another North", ZoneId.of("UTC"), null, null, null));
        assertEquals("A library with the agency id ISIL:ZZ-NUL is already in the network", refused.getMessage());
    }

    @Test
    void aSuspendedLibraryNeitherBorrowsNorLends() {
        String borrower = fixtures.newLibrary();
        String lender = fixtures.newLibrary();
        fixtures.agreement(lending(lender).to(borrower));
        List<String> book = fixtures.newBookHeldAt(lender + "/OPEN");
        String card = fixtures.newReader(borrower, ReaderCategory.FACULTY);
        admin.suspendLibrary(ADMIN, lender, "membership fee unpaid");
        long id = validatedRequest(borrower, Long.parseLong(book.get(0)));
        assertFalse(borrowing.route(fixtures.borrowingOffice(id), id, null));
        assertEquals(lender + " is suspended from the network", queries.details(id).unfilledReasons());

        admin.suspendLibrary(ADMIN, borrower, "left the network");
        IllRuleViolation refused = assertThrows(IllRuleViolation.class, () -> borrowing.apply(readerOf(borrower, card), null,
                BibliographicDescription.titled("Anything").by("Someone").build(), ServiceType.LOAN));
        assertEquals(borrower + " is suspended from the network and cannot borrow through interlibrary loan",
                refused.getMessage());
        assertEquals("LIBRARY " + borrower + " SUSPEND ACTIVE->SUSPENDED", audit.trailOf("LIBRARY", borrower).stream()
                .filter(entry -> entry.action().equals("SUSPEND"))
                .map(e -> e.subjectType() + " " + e.subjectId() + " " + e.action() + " " + e.fromState() + "->" + e.toState())
                .findFirst().orElseThrow());
    }

    @Test
    void aReferenceRoomCannotBeDeclaredLendable() {
        String isil = fixtures.newLibrary();
        IllRuleViolation refused = assertThrows(IllRuleViolation.class, () -> admin.addCollection(ADMIN, isil, "MAIN", "LAW",
                "Law department reference room", LocationType.DEPARTMENT_REFERENCE_ROOM, true));
        assertTrue(refused.getMessage().endsWith("reference rooms are never lendable through interlibrary loan"),
                refused.getMessage());
        assertTrue(admin.addCollection(ADMIN, isil, "MAIN", "LAW", "Law department reference room",
                LocationType.DEPARTMENT_REFERENCE_ROOM, false) > 0);
    }

    @Test
    void aCardNumberIsUniqueWithinItsLibrary() {
        String isil = fixtures.newLibrary();
        LocalDate today = LocalDate.now();
        admin.registerReader(ADMIN, isil, "CARD-1", today, today.plusYears(1), "Ada", "Lovelace", "ada@example.org",
                "+44 20 0000", "Mathematics", ReaderCategory.FACULTY);
        IllRuleViolation refused = assertThrows(IllRuleViolation.class, () -> admin.registerReader(ADMIN, isil, "CARD-1", today,
                today.plusYears(1), "Other", "Person", "other@example.org", null, null, ReaderCategory.STAFF));
        assertEquals(isil + " already has a reader with the library card CARD-1", refused.getMessage());
        assertThrows(InvalidInputException.class, () -> admin.registerReader(ADMIN, isil, "CARD-2", today, today.plusYears(1),
                "No", "Mail", "not an address", null, null, ReaderCategory.STAFF));
    }

    @Test
    void aDraftAgreementLendsNothingUntilActivated() {
        String lender = fixtures.newLibrary();
        String borrower = fixtures.newLibrary();
        long id = agreements.draft(ADMIN, lender, borrower, false, LocalDate.now().minusDays(1), AgreementTerms.freeLending(10));
        List<String> book = fixtures.newBookHeldAt(lender + "/OPEN");
        long first = validatedRequest(borrower, Long.parseLong(book.get(0)));
        assertFalse(borrowing.route(fixtures.borrowingOffice(first), first, null));
        assertEquals(lender + ": the agreement " + lender + " → " + borrower + " is draft",
                queries.details(first).unfilledReasons());

        agreements.activate(ADMIN, id, null);
        long second = validatedRequest(borrower, Long.parseLong(book.get(0)));
        assertTrue(borrowing.route(fixtures.borrowingOffice(second), second, null));
        assertEquals(lender, queries.details(second).lenderIsil());
    }

    @Test
    void anAgreementPastItsEndDateLendsNothing() {
        String lender = fixtures.newLibrary();
        String borrower = fixtures.newLibrary();
        AgreementTerms ended = new AgreementTerms(true, true, 28, 1, 10, BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, "EUR", 10, 48, LocalDate.now().minusDays(10));
        long id = agreements.draft(ADMIN, lender, borrower, false, LocalDate.now().minusYears(1), ended);
        agreements.activate(ADMIN, id, null);
        List<String> book = fixtures.newBookHeldAt(lender + "/OPEN");
        long request = validatedRequest(borrower, Long.parseLong(book.get(0)));
        assertFalse(borrowing.route(fixtures.borrowingOffice(request), request, null));
        assertTrue(queries.details(request).unfilledReasons().contains("is valid from"),
                queries.details(request).unfilledReasons());
    }

    @Test
    void reciprocalAgreementLetsBothLibrariesBorrow() {
        String one = fixtures.newLibrary();
        String other = fixtures.newLibrary();
        long id = agreements.draft(ADMIN, one, other, true, LocalDate.now(), AgreementTerms.freeLending(10));
        agreements.activate(ADMIN, id, null);
        List<String> book = fixtures.newBookHeldAt(other + "/OPEN");
        long request = validatedRequest(one, Long.parseLong(book.get(0)));
        assertTrue(borrowing.route(fixtures.borrowingOffice(request), request, null));
        assertEquals(other, queries.details(request).lenderIsil());
    }

    @Test
    void badTermsAreRefusedAndStaleEditsConflict() {
        String lender = fixtures.newLibrary();
        String borrower = fixtures.newLibrary();
        IllRuleViolation noService = assertThrows(IllRuleViolation.class, () -> agreements.draft(ADMIN, lender, borrower, false,
                LocalDate.now(), new AgreementTerms(false, false, 28, 1, 10, BigDecimal.ZERO, BigDecimal.ZERO,
                        BigDecimal.ZERO, "EUR", 10, 48, null)));
        assertEquals("These terms cannot be agreed: A partner agreement must allow loans, copies, or both",
                noService.getMessage());
        assertThrows(IllRuleViolation.class, () -> agreements.draft(ADMIN, lender, borrower, false, LocalDate.now(),
                new AgreementTerms(true, true, 28, 1, 10, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, "EURO",
                        10, 48, null)));

        long id = agreements.draft(ADMIN, lender, borrower, false, LocalDate.now(), AgreementTerms.freeLending(10));
        AgreementSummary seen = agreements.agreementsOf(lender).get(0);
        assertEquals(AgreementStatus.DRAFT, seen.status());
        agreements.activate(ADMIN, id, seen.version());
        assertThrows(ConcurrentChangeException.class, () -> agreements.suspend(ADMIN, id, seen.version()));
        agreements.suspend(ADMIN, id, agreements.agreementsOf(lender).get(0).version());
        assertEquals(AgreementStatus.SUSPENDED, agreements.agreementsOf(borrower).get(0).status());
    }

    @Test
    void excludedCollectionIsNotLentFrom() {
        String lender = fixtures.newLibrary();
        String borrower = fixtures.newLibrary();
        long rare = admin.addCollection(ADMIN, lender, "MAIN", "RARE", "Rare books", LocationType.SPECIAL_COLLECTIONS, true);
        long id = agreements.draft(ADMIN, lender, borrower, false, LocalDate.now(), AgreementTerms.freeLending(10));
        agreements.excludeCollection(ADMIN, id, null, rare);
        agreements.activate(ADMIN, id, null);
        List<String> book = fixtures.newBookHeldAt(lender + "/RARE");
        long request = validatedRequest(borrower, Long.parseLong(book.get(0)));
        assertFalse(borrowing.route(fixtures.borrowingOffice(request), request, null));
        assertEquals(lender + ": its copies are in collections the partner agreement excludes",
                queries.details(request).unfilledReasons());
    }

    @Test
    void lendersInboxDoesNotOfferCopiesFromExcludedCollections() {
        String lender = fixtures.newLibrary();
        String borrower = fixtures.newLibrary();
        long rare = admin.addCollection(ADMIN, lender, "MAIN", "RARE", "Rare books", LocationType.SPECIAL_COLLECTIONS, true);
        long id = agreements.draft(ADMIN, lender, borrower, false, LocalDate.now(), AgreementTerms.freeLending(10));
        agreements.excludeCollection(ADMIN, id, null, rare);
        agreements.activate(ADMIN, id, null);
        List<String> book = fixtures.newBookHeldAt(lender + "/RARE", lender + "/OPEN");
        long request = validatedRequest(borrower, Long.parseLong(book.get(0)));
        assertTrue(borrowing.route(fixtures.borrowingOffice(request), request, null));
        assertEquals(List.of(book.get(2)), lendingQueries.incoming(lender).get(0).suppliableCopies().stream()
                .map(copy -> copy.barcode()).toList());
        IllRuleViolation refused = assertThrows(IllRuleViolation.class,
                () -> lending.shipLoan(staffOf(lender), fixtures.lendingRecordOf(request), book.get(1)));
        assertTrue(refused.getMessage().endsWith("a collection the partner agreement excludes"), refused.getMessage());
    }

    @Test
    void staffActionsOnAgreementsAreInAnAuditTrailNobodyCanEdit() {
        String lender = fixtures.newLibrary();
        String borrower = fixtures.newLibrary();
        long id = agreements.draft(Actor.staff(lender, "alice"), lender, borrower, false, LocalDate.now(),
                AgreementTerms.freeLending(10));
        agreements.activate(Actor.staff(borrower, "bob"), id, null);
        agreements.suspend(Actor.networkAdmin("carol"), id, null);
        List<String> trail = audit.trailOf("AGREEMENT", id).stream()
                .map(entry -> entry.actor() + " " + entry.action() + " " + entry.fromState() + "->" + entry.toState())
                .toList();
        assertEquals(List.of("staff " + lender + "/alice DRAFT null->DRAFT", "staff " + borrower + "/bob ACTIVATE DRAFT->ACTIVE",
                "network admin carol SUSPEND ACTIVE->SUSPENDED"), trail);
        jakarta.ejb.EJBException refused = assertThrows(jakarta.ejb.EJBException.class,
                () -> fixtures.nativeUpdate("DELETE FROM audit_entry WHERE subject_id = '" + id + "'"));
        StringBuilder causes = new StringBuilder();
        for (Throwable t = refused; t != null; t = t.getCause()) {
            causes.append(t.getMessage());
        }
        assertTrue(causes.toString().contains("permission denied"), causes.toString());
        assertEquals(3, audit.trailOf("AGREEMENT", id).size());
    }

    private long validatedRequest(String isil, long recordId) {
        String card = fixtures.newReader(isil, ReaderCategory.FACULTY);
        long id = borrowing.apply(readerOf(isil, card), recordId,
                BibliographicDescription.titled("Test Book").by("Tester, Tina").build(), ServiceType.LOAN);
        borrowing.validate(fixtures.borrowingOffice(id), id, null);
        return id;
    }
}
