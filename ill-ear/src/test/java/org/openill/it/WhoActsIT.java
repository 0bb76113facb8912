package org.openill.it;

import jakarta.ejb.EJB;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openill.application.AgreementService;
import org.openill.application.AgreementTerms;
import org.openill.application.BorrowingService;
import org.openill.application.LendingService;
import org.openill.application.NetworkAdministration;
import org.openill.application.RequestQueries;
import org.openill.domain.Actor;
import org.openill.domain.NotAllowedException;
import org.openill.domain.library.LocationType;
import org.openill.domain.lending.SupplierState;
import org.openill.domain.reader.ReaderCategory;
import org.openill.domain.request.BibliographicDescription;
import org.openill.domain.request.RequestState;
import org.openill.domain.request.ServiceType;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.openill.it.Fixtures.lending;
import static org.openill.it.Fixtures.readerOf;
import static org.openill.it.Fixtures.staffOf;

/** Who acts is checked against the library concerned: staff of another library, a reader, a library for the network. */
@ExtendWith(ArquillianExtension.class)
class WhoActsIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.builtEarWith(WhoActsIT.class, Fixtures.class);
    }

    @EJB
    BorrowingService borrowing;

    @EJB
    LendingService lendingService;

    @EJB
    NetworkAdministration admin;

    @EJB
    AgreementService agreements;

    @EJB
    RequestQueries queries;

    @EJB
    Fixtures fixtures;

    private String lender;
    private String borrower;
    private String stranger;
    private String card;
    private List<String> book;

    /** A loan request of a borrower's reader for a book only the lender holds; a third library stands by. */
    private long loanRequest() {
        lender = fixtures.newLibrary();
        borrower = fixtures.newLibrary();
        stranger = fixtures.newLibrary();
        fixtures.agreement(lending(lender).to(borrower));
        fixtures.agreement(lending(stranger).to(borrower));
        book = fixtures.newBookHeldAt(lender + "/OPEN");
        card = fixtures.newReader(borrower, ReaderCategory.FACULTY);
        return borrowing.apply(readerOf(borrower, card), Long.parseLong(book.get(0)),
                BibliographicDescription.titled("Test Book").by("Tester, Tina").build(), ServiceType.LOAN);
    }

    @Test
    void staffOfAnotherLibraryCannotWorkOnTheBorrowersSide() {
        long id = loanRequest();
        Actor mallory = Actor.staff(stranger, "mallory");
        NotAllowedException refused = assertThrows(NotAllowedException.class, () -> borrowing.validate(mallory, id, null));
        assertEquals("staff " + stranger + "/mallory cannot validate: request #" + id
                + " is handled by the borrowing library " + borrower, refused.getMessage());
        assertThrows(NotAllowedException.class, () -> borrowing.cancel(staffOf(lender), id, null, "not wanted"));
        assertThrows(NotAllowedException.class, () -> borrowing.validate(readerOf(borrower, card), id, null),
                "the reader does not validate their own request");
        assertEquals(RequestState.NEW, queries.details(id).state());
        assertEquals(1, queries.details(id).audit().size(), "a refused step leaves no trace");
    }

    @Test
    void onlyTheLenderAskedAnswersAndSupplies() {
        long id = loanRequest();
        borrowing.validate(staffOf(borrower), id, null);
        borrowing.route(staffOf(borrower), id, null);
        long lendingRecord = fixtures.lendingRecordOf(id);
        NotAllowedException refused = assertThrows(NotAllowedException.class,
                () -> lendingService.willSupply(staffOf(stranger), lendingRecord));
        assertEquals("staff " + stranger + "/ILL office cannot answer will supply: lending record #" + lendingRecord
                + " is handled by " + lender, refused.getMessage());
        assertThrows(NotAllowedException.class,
                () -> lendingService.shipLoan(staffOf(borrower), lendingRecord, book.get(1)));
        assertThrows(NotAllowedException.class,
                () -> lendingService.unfilled(Actor.partner(stranger), lendingRecord, "no"));
        assertEquals(SupplierState.NEW, fixtures.lendingStateOf(id));
        assertEquals(RequestState.REQUEST_RECEIVED, queries.details(id).state());
        assertEquals("AVAILABLE", fixtures.circulationStatus(book.get(1)));

        lendingService.willSupply(staffOf(lender), lendingRecord);
        assertEquals(SupplierState.WILL_SUPPLY, fixtures.lendingStateOf(id));
        assertEquals(RequestState.WILL_SUPPLY, queries.details(id).state(), "told by the lender's message");
    }

    @Test
    void aLibrarysStaffLooksAfterItsOwnCollectionsReadersAndAgreementsOnly() {
        String own = fixtures.newLibrary();
        String other = fixtures.newLibrary();
        assertThrows(NotAllowedException.class, () -> admin.addCollection(staffOf(other), own, "MAIN", "NEW",
                "New shelves", LocationType.OPEN_SHELVES, true));
        assertThrows(NotAllowedException.class, () -> admin.registerReader(staffOf(other), own, "CARD-X",
                LocalDate.now(), LocalDate.now().plusYears(1), "Eve", "Intruder", "eve@example.org", null, null,
                ReaderCategory.FACULTY));
        admin.addCollection(staffOf(own), own, "MAIN", "NEW", "New shelves", LocationType.OPEN_SHELVES, true);
        assertThrows(NotAllowedException.class, () -> agreements.draft(staffOf(fixtures.newLibrary()), own, other,
                false, LocalDate.now(), AgreementTerms.freeLending(10)));
        agreements.draft(staffOf(own), own, other, false, LocalDate.now(), AgreementTerms.freeLending(10));
        NotAllowedException notNetwork = assertThrows(NotAllowedException.class,
                () -> admin.registerLibrary(staffOf(own), "ZZ-Y" + own.substring(4), "Friends", ZoneId.of("UTC"),
                        null, null, null));
        assertEquals("staff " + own + "/ILL office cannot register a library: only a network administrator may",
                notNetwork.getMessage());
    }
}
