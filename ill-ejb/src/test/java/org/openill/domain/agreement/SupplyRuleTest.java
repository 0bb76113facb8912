package org.openill.domain.agreement;

import org.junit.jupiter.api.Test;
import org.openill.domain.IllRuleViolation;
import org.openill.domain.catalogue.BibliographicRecord;
import org.openill.domain.catalogue.Holding;
import org.openill.domain.catalogue.RecordFormat;
import org.openill.domain.library.AgencyId;
import org.openill.domain.library.Branch;
import org.openill.domain.library.Library;
import org.openill.domain.library.Location;
import org.openill.domain.library.LocationType;
import org.openill.domain.request.ServiceType;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every condition that keeps a copy from being supplied through interlibrary loan, each on its own. */
class SupplyRuleTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 2);

    private final Library south = new Library(AgencyId.isil("ZZ-SCL"), "South", ZoneId.of("Europe/Berlin"));
    private final Library north = new Library(AgencyId.isil("ZZ-NUL"), "North", ZoneId.of("Europe/Berlin"));
    private final Branch main = south.openBranch("MAIN", "Main");
    private final Location open = main.addLocation("OPEN", "Open shelves", LocationType.OPEN_SHELVES, true);
    private final Location localHistory = main.addLocation("LOCAL", "Local history", LocationType.SPECIAL_COLLECTIONS,
            false);
    private final Location rare = main.addLocation("RARE", "Rare books", LocationType.SPECIAL_COLLECTIONS, true);
    private final Location departmentRoom = main.addLocation("DREF", "Physics reference room",
            LocationType.DEPARTMENT_REFERENCE_ROOM, false);
    private final Location collegeRoom = main.addLocation("CREF", "College reference room",
            LocationType.COLLEGE_REFERENCE_ROOM, false);
    private final BibliographicRecord record = new BibliographicRecord("Introduction to Algorithms", RecordFormat.BOOK);
    private final PartnerAgreement agreement = activeAgreement();

    private PartnerAgreement activeAgreement() {
        PartnerAgreement terms = new PartnerAgreement(south, north, false, DAY.minusMonths(1));
        terms.activate();
        return terms;
    }

    private Holding copyIn(Location location) {
        return new Holding(record, location, "QA76", "SCL1");
    }

    private Optional<SupplyRule.Reason> reasonFor(Holding holding, ServiceType service) {
        return SupplyRule.refusal(holding, agreement, service, DAY).map(SupplyRule.Refusal::reason);
    }

    @Test
    void aCopyOnTheOpenShelvesUnderAnAgreementInForceIsSuppliedForBothServices() {
        assertEquals(Optional.empty(), reasonFor(copyIn(open), ServiceType.LOAN));
        assertEquals(Optional.empty(), reasonFor(copyIn(open), ServiceType.COPY));
    }

    @Test
    void departmentAndCollegeReferenceRoomsNeverSupplyAnything() {
        for (Location room : new Location[] {departmentRoom, collegeRoom}) {
            for (ServiceType service : ServiceType.values()) {
                assertEquals(Optional.of(SupplyRule.Reason.REFERENCE_ROOM), reasonFor(copyIn(room), service));
            }
        }
        SupplyRule.Refusal refusal = SupplyRule.refusal(copyIn(collegeRoom), agreement, ServiceType.COPY, DAY)
                .orElseThrow();
        assertEquals("Holding SCL1 is in College reference room: items in college and department reference rooms "
                + "are never lent through interlibrary loan", refusal.message());
    }

    @Test
    void aCollectionThatDoesNotLendThroughIllSuppliesCopiesOfPagesButNoLoans() {
        assertEquals(Optional.of(SupplyRule.Reason.COLLECTION_DOES_NOT_LEND), reasonFor(copyIn(localHistory),
                ServiceType.LOAN));
        assertEquals(Optional.empty(), reasonFor(copyIn(localHistory), ServiceType.COPY));
    }

    @Test
    void aCopyOnLoanIsNotOnTheShelfForEitherService() {
        Holding onLoan = copyIn(open);
        onLoan.lend();
        for (ServiceType service : ServiceType.values()) {
            assertEquals(Optional.of(SupplyRule.Reason.NOT_ON_SHELF), reasonFor(onLoan, service));
        }
        assertEquals("Holding SCL1 is not on the shelf: it is on loan",
                SupplyRule.refusal(onLoan, agreement, ServiceType.LOAN, DAY).orElseThrow().message());
    }

    @Test
    void aMissingCopyIsNotOnTheShelfForEitherService() {
        Holding missing = copyIn(open);
        missing.markMissing();
        for (ServiceType service : ServiceType.values()) {
            assertEquals(Optional.of(SupplyRule.Reason.NOT_ON_SHELF), reasonFor(missing, service));
        }
    }

    @Test
    void aCollectionTheAgreementExcludesSuppliesNothingUnderIt() {
        agreement.excludeCollection(rare);
        assertEquals(Optional.of(SupplyRule.Reason.COLLECTION_EXCLUDED), reasonFor(copyIn(rare), ServiceType.LOAN));
        assertEquals(Optional.of(SupplyRule.Reason.COLLECTION_EXCLUDED), reasonFor(copyIn(rare), ServiceType.COPY));
        assertEquals(Optional.empty(), reasonFor(copyIn(open), ServiceType.LOAN));
    }

    @Test
    void anAgreementNotYetOrNoLongerInForceSuppliesNothing() {
        assertEquals(Optional.of(SupplyRule.Reason.AGREEMENT_TERMS), SupplyRule.refusal(copyIn(open), agreement,
                ServiceType.LOAN, DAY.minusMonths(2)).map(SupplyRule.Refusal::reason));
        agreement.validUntil(DAY.minusDays(1));
        assertEquals(Optional.of(SupplyRule.Reason.AGREEMENT_TERMS), reasonFor(copyIn(open), ServiceType.LOAN));
    }

    @Test
    void aSuspendedOrDraftAgreementSuppliesNothing() {
        agreement.suspend();
        assertEquals("Cannot supply: the agreement ZZ-SCL → ZZ-NUL is suspended",
                SupplyRule.refusal(copyIn(open), agreement, ServiceType.LOAN, DAY).orElseThrow().message());
        PartnerAgreement draft = new PartnerAgreement(south, north, false, DAY.minusMonths(1));
        assertEquals(Optional.of(SupplyRule.Reason.AGREEMENT_TERMS), SupplyRule.refusal(copyIn(open), draft,
                ServiceType.COPY, DAY).map(SupplyRule.Refusal::reason));
    }

    @Test
    void anAgreementThatDoesNotAllowTheServiceSuppliesNoneOfIt() {
        agreement.withServices(false, true, 28, 1, 10);
        assertEquals(Optional.of(SupplyRule.Reason.AGREEMENT_TERMS), reasonFor(copyIn(open), ServiceType.LOAN));
        assertEquals(Optional.empty(), reasonFor(copyIn(open), ServiceType.COPY));
    }

    @Test
    void checkRefusesWithTheReasonInWords() {
        agreement.excludeCollection(rare);
        IllRuleViolation refused = assertThrows(IllRuleViolation.class,
                () -> SupplyRule.check(copyIn(rare), agreement, ServiceType.LOAN, DAY));
        assertEquals("Holding SCL1 is in Rare books, a collection the partner agreement excludes", refused.getMessage());
        SupplyRule.check(copyIn(open), agreement, ServiceType.LOAN, DAY);
    }

    @Test
    void theCatalogueAndTheRuleShareOneNotionOfACollectionThatLends() {
        for (LocationType type : LocationType.values()) {
            for (boolean lendable : new boolean[] {true, false}) {
                assertEquals(Location.lendsThroughIll(type, lendable),
                        SupplyRule.collectionSupplies(type, lendable, ServiceType.LOAN), type + " " + lendable);
                assertFalse(type.isReferenceRoom() && SupplyRule.collectionSupplies(type, lendable, ServiceType.COPY));
            }
        }
        assertTrue(open.isLendableThroughIll());
        assertFalse(localHistory.isLendableThroughIll());
    }
}
