package org.openill.domain.request;

import org.junit.jupiter.api.Test;
import org.openill.domain.agreement.PartnerAgreement;
import org.openill.domain.library.AgencyId;
import org.openill.domain.library.Library;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RotaPlannerTest {

    private final Library borrower = library("ZZ-BOR");

    @Test
    void agreementPriorityComesFirst() {
        LenderCandidate preferred = candidate("ZZ-BBB", 10, 0.2, 90, 9);
        LenderCandidate better = candidate("ZZ-AAA", 20, 0.9, 2, 0);
        assertEquals(List.of(preferred, better), RotaPlanner.order(List.of(better, preferred)));
    }

    @Test
    void thenFillRateThenTurnaround() {
        LenderCandidate fills = candidate("ZZ-CCC", 10, 0.9, 48, 0);
        LenderCandidate fast = candidate("ZZ-BBB", 10, 0.5, 2, 0);
        LenderCandidate slow = candidate("ZZ-AAA", 10, 0.5, 30, 0);
        assertEquals(List.of(fills, fast, slow), RotaPlanner.order(List.of(slow, fast, fills)));
    }

    @Test
    void equalLendersShareTheLoad() {
        LenderCandidate busy = candidate("ZZ-AAA", 10, 0.5, 5, 12);
        LenderCandidate idle = candidate("ZZ-BBB", 10, 0.5, 5, 1);
        assertEquals(List.of(idle, busy), RotaPlanner.order(List.of(busy, idle)));
    }

    @Test
    void nearlyEqualLendersShareTheLoadToo() {
        LenderCandidate slightlyBetterButBusy = candidate("ZZ-AAA", 10, 0.81, 20, 9);
        LenderCandidate idle = candidate("ZZ-BBB", 10, 0.79, 15, 0);
        assertEquals(List.of(idle, slightlyBetterButBusy), RotaPlanner.order(List.of(slightlyBetterButBusy, idle)));
    }

    private LenderCandidate candidate(String isil, int priority, double fillRate, double turnaround, long open) {
        Library lender = library(isil);
        PartnerAgreement agreement = new PartnerAgreement(lender, borrower, false, LocalDate.of(2026, 1, 1))
                .withRouting(priority, Duration.ofHours(48));
        return new LenderCandidate(agreement, lender, fillRate, turnaround, open);
    }

    private static Library library(String isil) {
        return new Library(AgencyId.isil(isil), isil, ZoneId.of("UTC"));
    }
}
