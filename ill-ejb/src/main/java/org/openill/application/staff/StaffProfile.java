package org.openill.application.staff;

import org.openill.domain.staff.StaffRole;

/** A signed-in staff member as the back office greets them. */
public record StaffProfile(String username, String fullName, StaffRole role, String libraryIsil, String libraryName) {
}
