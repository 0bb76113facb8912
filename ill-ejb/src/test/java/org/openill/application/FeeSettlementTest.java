package org.openill.application;

import org.junit.jupiter.api.Test;
import org.openill.domain.IllRuleViolation;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertThrows;

class FeeSettlementTest {

    private final FeeSettlement settlement = new FeeSettlement();

    @Test
    void aPeriodMustRunForwards() {
        LocalDate first = LocalDate.of(2026, 11, 1);
        assertThrows(IllRuleViolation.class, () -> settlement.settle(first, first.minusDays(1), null));
        assertThrows(IllRuleViolation.class, () -> settlement.settle(null, first, null));
        assertThrows(IllRuleViolation.class, () -> settlement.settle(first, null, null));
    }
}
