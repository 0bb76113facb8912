package org.openill.it;

import jakarta.ejb.EJB;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openill.application.BorrowingService;
import org.openill.application.RequestDetails;
import org.openill.application.RequestQueries;
import org.openill.domain.IllRuleViolation;
import org.openill.domain.NotFoundException;
import org.openill.domain.InvalidInputException;
import org.openill.domain.reader.ReaderCategory;
import org.openill.domain.request.BibliographicDescription;
import org.openill.domain.request.RequestAction;
import org.openill.domain.request.RequestState;
import org.openill.domain.request.ServiceType;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openill.it.Fixtures.readerOf;
import static org.openill.it.Fixtures.staffOf;

/** A reader applies for a loan or a copy: what is accepted, and every reason an application is refused. */
@ExtendWith(ArquillianExtension.class)
class ApplicationIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.builtEarWith(ApplicationIT.class, Fixtures.class);
    }

    @EJB
    BorrowingService borrowing;

    @EJB
    RequestQueries queries;

    @EJB
    Fixtures fixtures;

    private BibliographicDescription describe(String title) {
        return BibliographicDescription.titled(title).by("Tester, Tina").build();
    }

    @Test
    void applicationCreatesANewRequestWithItsFirstAuditLine() {
        String card = fixtures.newReader("ZZ-ECL", ReaderCategory.POSTGRADUATE);
        long record = fixtures.recordIdByIsbn("9780262033848");
        long id = borrowing.apply(readerOf("ZZ-ECL", card), record,
                BibliographicDescription.titled("Introduction to Algorithms").isbn("978-0-262-03384-8").build(),
                ServiceType.LOAN);
        RequestDetails details = queries.details(id);
        assertEquals(RequestState.NEW, details.state());
        assertEquals("ZZ-ECL", details.borrowerIsil());
        assertEquals(card, details.readerCard());
        assertEquals(1, details.audit().size());
        assertEquals(RequestAction.SUBMIT, details.audit().get(0).action());
        assertEquals("reader ZZ-ECL/" + card, details.audit().get(0).actor());
    }

    @Test
    void unknownCardIsRefused() {
        NotFoundException refused = assertThrows(NotFoundException.class,
                () -> borrowing.apply(readerOf("ZZ-NUL", "NO-SUCH-CARD"), null, describe("Anything"), ServiceType.LOAN));
        assertEquals("No reader of ZZ-NUL has the library card 'NO-SUCH-CARD'", refused.getMessage());
    }

    @Test
    void anUnknownRequestIsNotFoundRatherThanABrokenRule() {
        NotFoundException refused = assertThrows(NotFoundException.class,
                () -> borrowing.validate(staffOf("ZZ-NUL"), Long.MAX_VALUE, null));
        assertEquals("There is no ILL request #" + Long.MAX_VALUE, refused.getMessage());
    }

    @Test
    void blockedReaderIsRefusedWithTheReason() {
        String card = fixtures.newReader("ZZ-NUL", ReaderCategory.UNDERGRADUATE);
        fixtures.blockReader("ZZ-NUL", card, "unpaid fines");
        IllRuleViolation refused = assertThrows(IllRuleViolation.class,
                () -> borrowing.apply(readerOf("ZZ-NUL", card), null, describe("Blocked Book"), ServiceType.LOAN));
        assertTrue(refused.getMessage().contains("is blocked: unpaid fines"), refused.getMessage());
    }

    @Test
    void expiredCardIsRefused() {
        String card = fixtures.newReader("ZZ-NUL", ReaderCategory.UNDERGRADUATE);
        fixtures.expireCard("ZZ-NUL", card);
        IllRuleViolation refused = assertThrows(IllRuleViolation.class,
                () -> borrowing.apply(readerOf("ZZ-NUL", card), null, describe("Expired Book"), ServiceType.LOAN));
        assertTrue(refused.getMessage().contains("is not valid on"), refused.getMessage());
    }

    @Test
    void categoryLimitsServicesAndOpenRequests() {
        String card = fixtures.newReader("ZZ-SCL", ReaderCategory.EXTERNAL);
        IllRuleViolation noLoans = assertThrows(IllRuleViolation.class,
                () -> borrowing.apply(readerOf("ZZ-SCL", card), null, describe("A Loan"), ServiceType.LOAN));
        assertEquals("Readers of category EXTERNAL cannot ask for loans through interlibrary loan", noLoans.getMessage());
        for (String article : List.of("First article", "Second article")) {
            borrowing.apply(readerOf("ZZ-SCL", card), null, BibliographicDescription.titled("Journal of Tests").issn("0028-0836")
                    .part(article, null, "1", "2", "3-4").build(), ServiceType.COPY);
        }
        IllRuleViolation third = assertThrows(IllRuleViolation.class, () -> borrowing.apply(readerOf("ZZ-SCL", card), null,
                BibliographicDescription.titled("Journal of Tests").issn("0028-0836")
                        .part("Third article", null, "1", "2", "5-6").build(), ServiceType.COPY));
        assertTrue(third.getMessage().startsWith("You have 2 open interlibrary loan requests"), third.getMessage());
    }

    @Test
    void duplicateOpenRequestIsRefused() {
        String card = fixtures.newReader("ZZ-ECL", ReaderCategory.FACULTY);
        long first = borrowing.apply(readerOf("ZZ-ECL", card), null, describe("Twice Asked"), ServiceType.LOAN);
        IllRuleViolation refused = assertThrows(IllRuleViolation.class,
                () -> borrowing.apply(readerOf("ZZ-ECL", card), null, describe("twice asked"), ServiceType.LOAN));
        assertEquals("You already have an open request (#" + first + ") for \"twice asked\"", refused.getMessage());
    }

    @Test
    void itemOnTheShelvesOfTheReadersOwnLibraryIsNotRequested() {
        String card = fixtures.newReader("ZZ-NUL", ReaderCategory.POSTGRADUATE);
        long cormen = fixtures.recordIdByIsbn("9780262033848");
        IllRuleViolation refused = assertThrows(IllRuleViolation.class, () -> borrowing.apply(readerOf("ZZ-NUL", card), cormen,
                BibliographicDescription.titled("Introduction to Algorithms").isbn("9780262033848").build(),
                ServiceType.LOAN));
        assertTrue(refused.getMessage().startsWith("Your own library has it: Main Library, Open shelves"),
                refused.getMessage());
    }

    @Test
    void itemOnlyInTheReadersOwnReferenceRoomMayBeRequestedOnLoan() {
        String card = fixtures.newReader("ZZ-SCL", ReaderCategory.POSTGRADUATE);
        long cormen = fixtures.recordIdByIsbn("9780262033848");
        long id = borrowing.apply(readerOf("ZZ-SCL", card), cormen,
                BibliographicDescription.titled("Introduction to Algorithms").isbn("9780262033848").build(),
                ServiceType.LOAN);
        assertEquals(RequestState.NEW, queries.details(id).state());
    }

    @Test
    void insufficientBibliographicDataIsRefused() {
        String card = fixtures.newReader("ZZ-ECL", ReaderCategory.POSTGRADUATE);
        IllRuleViolation refused = assertThrows(IllRuleViolation.class, () -> borrowing.apply(readerOf("ZZ-ECL", card), null,
                BibliographicDescription.titled("Untraceable").build(), ServiceType.LOAN));
        assertTrue(refused.getMessage().startsWith("The bibliographic data cannot identify the item"), refused.getMessage());
        InvalidInputException badIsbn = assertThrows(InvalidInputException.class,
                () -> BibliographicDescription.titled("Bad").isbn("9780262033849").build());
        assertEquals("ISBN", badIsbn.field());
    }
}
