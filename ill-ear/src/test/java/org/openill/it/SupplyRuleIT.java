package org.openill.it;

import jakarta.ejb.EJB;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openill.application.BorrowingService;
import org.openill.application.FeeLedger;
import org.openill.application.IncomingRequest;
import org.openill.application.LendingQueries;
import org.openill.application.LendingService;
import org.openill.application.RequestQueries;
import org.openill.domain.IllRuleViolation;
import org.openill.domain.library.LocationType;
import org.openill.domain.lending.SupplierState;
import org.openill.domain.reader.ReaderCategory;
import org.openill.domain.request.BibliographicDescription;
import org.openill.domain.request.RequestState;
import org.openill.domain.request.ServiceType;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openill.it.Fixtures.lending;
import static org.openill.it.Fixtures.staffOf;
import static org.openill.it.Fixtures.readerOf;

/**
 * "May this copy be supplied?" answered the same way by the lender's inbox, the promise to supply and the supply:
 * a copy on loan, missing, in a reference room, in a collection that does not lend or that the agreement excludes.
 */
@ExtendWith(ArquillianExtension.class)
class SupplyRuleIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.builtEarWith(SupplyRuleIT.class, Fixtures.class);
    }

    @EJB
    BorrowingService borrowing;

    @EJB
    LendingService lending;

    @EJB
    LendingQueries lendingQueries;

    @EJB
    RequestQueries queries;

    @EJB
    FeeLedger ledger;

    @EJB
    Fixtures fixtures;

    private String lender;
    private String borrower;

    /** A lender and a borrower under an agreement that keeps the lender's collection RARE out. */
    private void lenderExcludingItsRareBooks() {
        lender = fixtures.newLibrary();
        borrower = fixtures.newLibrary();
        fixtures.addCollection(lender, "RARE", LocationType.SPECIAL_COLLECTIONS, true);
        fixtures.addCollection(lender, "LOCAL", LocationType.SPECIAL_COLLECTIONS, false);
        fixtures.agreement(lending(lender).to(borrower).feePerLoan("4.00").excluding("RARE"));
    }

    private long requestRoutedToTheLender(long recordId, ServiceType service) {
        String card = fixtures.newReader(borrower, ReaderCategory.FACULTY);
        BibliographicDescription.Builder description = BibliographicDescription.titled("Test Book").by("Tester, Tina");
        if (service == ServiceType.COPY) {
            description.part("Chapter one", null, null, null, "1-20");
        }
        long id = borrowing.apply(readerOf(borrower, card), recordId, description.build(), service);
        borrowing.validate(fixtures.borrowingOffice(id), id, null);
        assertTrue(borrowing.route(fixtures.borrowingOffice(id), id, null));
        assertEquals(lender, queries.details(id).lenderIsil());
        return id;
    }

    @Test
    void willSupplyIsRefusedWhenTheOnlyCopyWentOutOnLoanMeanwhile() {
        lenderExcludingItsRareBooks();
        List<String> book = fixtures.newBookHeldAt(lender + "/OPEN");
        long id = requestRoutedToTheLender(Long.parseLong(book.get(0)), ServiceType.LOAN);
        fixtures.lendOut(book.get(1));
        IllRuleViolation refused = assertThrows(IllRuleViolation.class,
                () -> lending.willSupply(staffOf(lender), fixtures.lendingRecordOf(id)));
        assertEquals(lender + " holds no copy it may supply through interlibrary loan: Holding " + book.get(1)
                + " is not on the shelf: it is on loan", refused.getMessage());
        assertEquals(RequestState.REQUEST_RECEIVED, queries.details(id).state());
        assertEquals(SupplierState.NEW, fixtures.lendingStateOf(id));
    }

    @Test
    void willSupplyIsRefusedWhenTheOnlyCopyLeftIsInACollectionTheAgreementExcludes() {
        lenderExcludingItsRareBooks();
        List<String> book = fixtures.newBookHeldAt(lender + "/OPEN", lender + "/RARE");
        long id = requestRoutedToTheLender(Long.parseLong(book.get(0)), ServiceType.LOAN);
        fixtures.lendOut(book.get(1));
        IllRuleViolation refused = assertThrows(IllRuleViolation.class,
                () -> lending.willSupply(staffOf(lender), fixtures.lendingRecordOf(id)));
        assertTrue(refused.getMessage().endsWith("Holding " + book.get(2) + " is in Collection RARE, a collection the "
                + "partner agreement excludes"), refused.getMessage());
        assertEquals(RequestState.REQUEST_RECEIVED, queries.details(id).state());
        assertEquals(SupplierState.NEW, fixtures.lendingStateOf(id));
    }

    @Test
    void aCopyIsNotDeliveredFromAMissingItemAndNothingIsCharged() {
        lenderExcludingItsRareBooks();
        List<String> book = fixtures.newBookHeldAt(lender + "/OPEN");
        long id = requestRoutedToTheLender(Long.parseLong(book.get(0)), ServiceType.COPY);
        fixtures.markMissing(book.get(1));
        IllRuleViolation refused = assertThrows(IllRuleViolation.class,
                () -> lending.deliverCopy(staffOf(lender), fixtures.lendingRecordOf(id), book.get(1), null));
        assertEquals("Holding " + book.get(1) + " is not on the shelf: it is missing", refused.getMessage());
        assertEquals(RequestState.REQUEST_RECEIVED, queries.details(id).state());
        assertEquals(SupplierState.NEW, fixtures.lendingStateOf(id));
        assertEquals(List.of(), ledger.balance(lender, borrower));
    }

    @Test
    void theInboxOffersExactlyTheCopiesTheLenderMaySupply() {
        lenderExcludingItsRareBooks();
        List<String> book = fixtures.newBookHeldAt(lender + "/OPEN", lender + "/OPEN", lender + "/OPEN",
                lender + "/REF", lender + "/LOCAL", lender + "/RARE");
        String onShelf = book.get(1);
        String onLoan = book.get(2);
        String missing = book.get(3);
        String local = book.get(5);
        long loan = requestRoutedToTheLender(Long.parseLong(book.get(0)), ServiceType.LOAN);
        long copy = requestRoutedToTheLender(Long.parseLong(book.get(0)), ServiceType.COPY);
        fixtures.lendOut(onLoan);
        fixtures.markMissing(missing);

        assertEquals(List.of(onShelf), offeredFor(loan));
        assertEquals(List.of(onShelf, local), offeredFor(copy), "pages may be copied from a collection that lends none");
        List<String> barcodes = book.subList(1, book.size());
        assertEquals(offeredFor(loan), barcodes.stream().filter(barcode -> supplies(barcode, ServiceType.LOAN, loan))
                .toList(), "what the inbox offers for the loan is what may be shipped");
        assertEquals(offeredFor(copy), barcodes.stream().filter(barcode -> supplies(barcode, ServiceType.COPY, copy))
                .toList(), "what the inbox offers for the copy is what may be copied");
    }

    private List<String> offeredFor(long requestId) {
        List<String> offered = new ArrayList<>();
        long lendingRecord = fixtures.lendingRecordOf(requestId);
        for (IncomingRequest incoming : lendingQueries.incoming(lender)) {
            if (incoming.requestId() == lendingRecord) {
                incoming.suppliableCopies().forEach(copy -> offered.add(copy.barcode()));
            }
        }
        return offered;
    }

    /** Whether the lender may supply from the copy; asked in a transaction that is undone, so nothing changes. */
    private boolean supplies(String barcode, ServiceType service, long requestId) {
        return fixtures.wouldBeAllowed(() -> {
            if (service == ServiceType.LOAN) {
                lending.shipLoan(staffOf(lender), fixtures.lendingRecordOf(requestId), barcode);
            } else {
                lending.deliverCopy(staffOf(lender), fixtures.lendingRecordOf(requestId), barcode, null);
            }
        });
    }
}
