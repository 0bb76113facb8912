package org.openill.domain.staff;

import org.junit.jupiter.api.Test;
import org.openill.domain.Actor;
import org.openill.domain.IllRuleViolation;
import org.openill.domain.InvalidInputException;
import org.openill.domain.library.AgencyId;
import org.openill.domain.library.Library;

import java.time.Instant;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StaffAccountTest {

    private final Library north = new Library(AgencyId.isil("ZZ-NUL"), "North University Library", ZoneId.of("UTC"));

    @Test
    void officeStaffActAsStaffOfTheirLibraryAndANetworkAdministratorAsSuch() {
        assertEquals(Actor.staff("ZZ-NUL", "nul-staff"),
                new StaffAccount("nul-staff", "North ILL Office", StaffRole.ILL_STAFF, north, "hash").actor());
        assertEquals(Actor.networkAdmin("network-admin"),
                new StaffAccount("network-admin", "Network", StaffRole.NETWORK_ADMIN, null, "hash").actor());
    }

    @Test
    void officeStaffBelongToALibraryAndANetworkAdministratorToNone() {
        assertThrows(IllRuleViolation.class, () -> new StaffAccount("x", "X", StaffRole.ILL_ADMIN, null, "hash"));
        assertThrows(IllRuleViolation.class, () -> new StaffAccount("x", "X", StaffRole.NETWORK_ADMIN, north, "hash"));
    }

    @Test
    void aUserNameHasSmallLettersDigitsDotsHyphensAndUnderscoresOnly() {
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> new StaffAccount("Alice Smith", "Alice", StaffRole.ILL_STAFF, north, "hash"));
        assertEquals("user name", refused.field());
    }

    @Test
    void wrongPasswordsLockTheAccountAsWrongPinsLockACard() {
        StaffAccount account = new StaffAccount("nul-staff", "North ILL Office", StaffRole.ILL_STAFF, north, "hash");
        Instant now = Instant.parse("2026-06-01T10:00:00Z");
        for (int wrong = 0; wrong < org.openill.domain.SignInGuard.WRONG_BEFORE_LOCK; wrong++) {
            account.signInGuard().wrong(now);
        }
        assertTrue(account.signInGuard().lockedAt(now).isPresent());
        account.changePassword("new hash");
        assertTrue(account.signInGuard().lockedAt(now).isEmpty(), "a new password ends the lock");
    }
}
