package org.openill.domain.agreement;

import org.junit.jupiter.api.Test;
import org.openill.domain.library.AgencyId;
import org.openill.domain.library.Library;
import org.openill.domain.IllRuleViolation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PartnerAgreementTest {

    private final Library north = new Library(AgencyId.isil("ZZ-NUL"), "North", ZoneId.of("UTC"));
    private final Library south = new Library(AgencyId.isil("ZZ-SCL"), "South", ZoneId.of("UTC"));

    @Test
    void aLibraryCannotAgreeWithItself() {
        Library sameAgain = new Library(AgencyId.isil("ZZ-NUL"), "North again", ZoneId.of("UTC"));
        assertThrows(IllRuleViolation.class,
                () -> new PartnerAgreement(north, sameAgain, true, LocalDate.of(2026, 1, 1)));
    }

    @Test
    void newAgreementIsADraftUntilActivated() {
        PartnerAgreement agreement = new PartnerAgreement(north, south, true, LocalDate.of(2026, 1, 1));
        assertEquals(AgreementStatus.DRAFT, agreement.status());
        agreement.activate();
        assertEquals(AgreementStatus.ACTIVE, agreement.status());
    }

    @Test
    void feesAreMoneyWithTwoDecimalsAndNeverNegative() {
        PartnerAgreement agreement = new PartnerAgreement(north, south, false, LocalDate.of(2026, 1, 1))
                .withFees(new BigDecimal("5"), new BigDecimal("2.505"), Currency.getInstance("EUR"));
        assertEquals(new BigDecimal("5.00"), agreement.feePerLoan());
        assertEquals("EUR", agreement.currency());
        assertThrows(IllRuleViolation.class,
                () -> agreement.withFees(new BigDecimal("-1"), BigDecimal.ZERO, Currency.getInstance("EUR")));
    }

    @Test
    void anAgreementMustAllowSomeService() {
        PartnerAgreement agreement = new PartnerAgreement(north, south, false, LocalDate.of(2026, 1, 1));
        assertThrows(IllRuleViolation.class, () -> agreement.withServices(false, false, 28, 1, 10));
        assertThrows(IllRuleViolation.class, () -> agreement.withServices(true, false, 0, 1, 10));
    }
}
