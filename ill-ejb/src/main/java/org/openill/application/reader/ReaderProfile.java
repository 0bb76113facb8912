package org.openill.application.reader;

import org.openill.domain.reader.ReaderCategory;

import java.time.LocalDate;

/** A signed-in reader as the portal knows them: the data an application is filled in with. */
public record ReaderProfile(String libraryIsil, String libraryName, String cardNumber, String firstName,
                            String lastName, String email, String phone, String department, ReaderCategory category,
                            LocalDate cardValidUntil, String language) {

    public String fullName() {
        return firstName + " " + lastName;
    }
}
