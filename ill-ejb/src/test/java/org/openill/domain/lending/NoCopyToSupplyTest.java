package org.openill.domain.lending;

import org.junit.jupiter.api.Test;
import org.openill.domain.Actor;
import org.openill.domain.agreement.PartnerAgreement;
import org.openill.domain.catalogue.BibliographicRecord;
import org.openill.domain.catalogue.Holding;
import org.openill.domain.catalogue.RecordFormat;
import org.openill.domain.lending.SupplierRequest.NoCopy;
import org.openill.domain.library.AgencyId;
import org.openill.domain.library.Library;
import org.openill.domain.library.Location;
import org.openill.domain.library.LocationType;
import org.openill.domain.request.BibliographicDescription;
import org.openill.domain.request.ServiceType;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Why the lender cannot supply a request from its copies, as the ISO 18626 reasonUnfilled it answers with: not held,
 * non-circulating, not on the shelf, or a policy problem; nothing when one copy may be supplied.
 */
class NoCopyToSupplyTest {

    private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 2);
    private static final Actor NORTH = Actor.partner("ZZ-NUL");

    private final Library north = library("ZZ-NUL");
    private final Library south = library("ZZ-SCL");
    private final Library east = library("ZZ-ECL");
    private final Location southOpen = south.openBranch("MAIN", "Main").addLocation("OPEN", "Open shelves",
            LocationType.OPEN_SHELVES, true);
    private final Location southRare = south.branches().get(0).addLocation("RARE", "Rare books",
            LocationType.SPECIAL_COLLECTIONS, true);
    private final Location southLocalHistory = south.branches().get(0).addLocation("LOCAL", "Local history",
            LocationType.SPECIAL_COLLECTIONS, false);
    private final Location southReferenceRoom = south.openBranch("PHYS", "Physics").addLocation("REF",
            "Physics reference room", LocationType.DEPARTMENT_REFERENCE_ROOM, false);
    private final Location eastOpen = east.openBranch("MAIN", "Main").addLocation("OPEN", "Open shelves",
            LocationType.OPEN_SHELVES, true);
    private final BibliographicRecord record = new BibliographicRecord("Introduction to Algorithms", RecordFormat.BOOK);

    // ---- fixtures ----

    private static Library library(String isil) {
        return new Library(AgencyId.isil(isil), isil, ZoneId.of("Europe/Berlin"));
    }

    /** South lends to North under an agreement in force: the services given, 28 days, one renewal. */
    private PartnerAgreement agreement(boolean loans, boolean copies) {
        PartnerAgreement agreement = new PartnerAgreement(south, north, false, DAY.minusMonths(1))
                .withServices(loans, copies, 28, 1, 10);
        agreement.activate();
        return agreement;
    }

    /** North's request for the service as it reached South, for the record South's catalogue matched (or none). */
    private SupplierRequest received(ServiceType service, PartnerAgreement agreement, BibliographicRecord matched) {
        BibliographicDescription.Builder description = BibliographicDescription.titled("Introduction to Algorithms")
                .isbn("9780262033848");
        if (service != ServiceType.LOAN) {
            description.part("Chapter 1", null, null, null, "1-20");
        }
        return new SupplierRequest(NORTH, south, north.agencyId(), "7-1", north, agreement, matched,
                description.build(), service, "Ada Reader", T0);
    }

    private SupplierRequest loanRequest() {
        return received(ServiceType.LOAN, agreement(true, true), record);
    }

    private Holding copyIn(Location location, String barcode) {
        return new Holding(record, location, "QA76", barcode);
    }

    private Holding onLoan(String barcode) {
        Holding holding = copyIn(southOpen, barcode);
        holding.lend();
        return holding;
    }

    private static String reasonUnfilled(Optional<NoCopy> why) {
        return why.map(NoCopy::reasonUnfilled).orElse("(may be supplied)");
    }

    // ---- the reasons ----

    @Test
    void withoutARecordInTheLendersCatalogueTheItemIsNotHeld() {
        SupplierRequest request = received(ServiceType.LOAN, agreement(true, true), null);

        Optional<NoCopy> why = request.whyNoCopyCanBeSupplied(List.of(copyIn(southOpen, "SCL1")), T0);

        assertEquals(NoCopy.NOT_HELD, reasonUnfilled(why));
        assertTrue(why.orElseThrow().message().contains("no record"), why.toString());
    }

    @Test
    void withoutCopiesOfTheLenderTheItemIsNotHeld() {
        SupplierRequest request = loanRequest();

        assertEquals(NoCopy.NOT_HELD, reasonUnfilled(request.whyNoCopyCanBeSupplied(List.of(), T0)));
        Optional<NoCopy> onlyEasts = request.whyNoCopyCanBeSupplied(List.of(copyIn(eastOpen, "ECL1")), T0);
        assertEquals(NoCopy.NOT_HELD, reasonUnfilled(onlyEasts));
        assertTrue(onlyEasts.orElseThrow().message().startsWith("ZZ-SCL holds no copy"), onlyEasts.toString());
        Holding otherWork = new Holding(new BibliographicRecord("The Art of Computer Programming", RecordFormat.BOOK),
                southOpen, "QA76.6", "SCL9");
        assertEquals(NoCopy.NOT_HELD, reasonUnfilled(request.whyNoCopyCanBeSupplied(List.of(otherWork), T0)));
    }

    @Test
    void copiesOnlyInAReferenceRoomAreNonCirculating() {
        SupplierRequest request = loanRequest();

        Optional<NoCopy> why = request.whyNoCopyCanBeSupplied(List.of(copyIn(southReferenceRoom, "SCL3")), T0);

        assertEquals(NoCopy.NON_CIRCULATING, reasonUnfilled(why));
        assertTrue(why.orElseThrow().message().contains("reference room"), why.toString());
        assertEquals(NoCopy.NON_CIRCULATING, reasonUnfilled(received(ServiceType.COPY, agreement(true, true), record)
                .whyNoCopyCanBeSupplied(List.of(copyIn(southReferenceRoom, "SCL3")), T0)), "not even pages");
    }

    @Test
    void copiesOnlyInACollectionThatDoesNotLendAreNonCirculatingForALoan() {
        Optional<NoCopy> why = loanRequest().whyNoCopyCanBeSupplied(List.of(copyIn(southLocalHistory, "SCL4")), T0);

        assertEquals(NoCopy.NON_CIRCULATING, reasonUnfilled(why));
        assertTrue(why.orElseThrow().message().contains("does not lend"), why.toString());
    }

    @Test
    void copiesAllOnLoanAreNotOnShelf() {
        Optional<NoCopy> why = loanRequest().whyNoCopyCanBeSupplied(List.of(onLoan("SCL5"), onLoan("SCL6")), T0);

        assertEquals(NoCopy.NOT_ON_SHELF, reasonUnfilled(why));
        assertTrue(why.orElseThrow().message().contains("on loan"), why.toString());
    }

    @Test
    void aCollectionTheAgreementExcludesIsAPolicyProblem() {
        PartnerAgreement terms = agreement(true, true);
        terms.excludeCollection(southRare);

        Optional<NoCopy> why = received(ServiceType.LOAN, terms, record)
                .whyNoCopyCanBeSupplied(List.of(copyIn(southRare, "SCL7")), T0);

        assertEquals(NoCopy.POLICY_PROBLEM, reasonUnfilled(why));
        assertTrue(why.orElseThrow().message().contains("excludes"), why.toString());
    }

    @Test
    void aServiceTheAgreementDoesNotAllowIsAPolicyProblem() {
        SupplierRequest loanUnderCopiesOnly = received(ServiceType.LOAN, agreement(false, true), record);

        Optional<NoCopy> why = loanUnderCopiesOnly.whyNoCopyCanBeSupplied(List.of(copyIn(southOpen, "SCL2")), T0);

        assertEquals(NoCopy.POLICY_PROBLEM, reasonUnfilled(why));
    }

    @Test
    void anAgreementNotYetInForceIsAPolicyProblem() {
        PartnerAgreement future = new PartnerAgreement(south, north, false, DAY.plusDays(1))
                .withServices(true, true, 28, 1, 10);
        future.activate();

        Optional<NoCopy> why = received(ServiceType.LOAN, future, record)
                .whyNoCopyCanBeSupplied(List.of(copyIn(southOpen, "SCL2")), T0);

        assertEquals(NoCopy.POLICY_PROBLEM, reasonUnfilled(why));
    }

    // ---- one copy is enough ----

    @Test
    void oneCopyOnTheOpenShelvesMaySupplyTheRequest() {
        Optional<NoCopy> why = loanRequest().whyNoCopyCanBeSupplied(List.of(copyIn(southOpen, "SCL2")), T0);

        assertEquals(Optional.empty(), why);
    }

    @Test
    void oneCopyThatMayBeSuppliedAmongManyThatMayNotIsEnough() {
        Optional<NoCopy> why = loanRequest().whyNoCopyCanBeSupplied(List.of(copyIn(southReferenceRoom, "SCL3"),
                onLoan("SCL5"), copyIn(eastOpen, "ECL1"), copyIn(southOpen, "SCL2")), T0);

        assertEquals(Optional.empty(), why);
    }

    @Test
    void eitherServiceIsSuppliedByACopyForPagesWhenTheAgreementAllowsNoLoans() {
        SupplierRequest either = received(ServiceType.COPY_OR_LOAN, agreement(false, true), record);

        assertEquals(Optional.empty(), either.whyNoCopyCanBeSupplied(List.of(copyIn(southLocalHistory, "SCL4")), T0));
    }
}
