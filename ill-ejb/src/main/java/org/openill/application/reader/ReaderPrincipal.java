package org.openill.application.reader;

import org.openill.domain.Actor;
import org.openill.domain.library.AgencyId;

/**
 * The name a signed-in reader has as the caller, in the web layer and in the EJBs: the home library's ISIL and the
 * card number, "ZZ-NUL/NUL-000001". Card numbers are unique within a library only, so both are needed.
 */
public final class ReaderPrincipal {

    private static final char SEPARATOR = '/';

    private ReaderPrincipal() {
    }

    public static String of(String libraryIsil, String cardNumber) {
        return libraryIsil + SEPARATOR + cardNumber;
    }

    /** The reader a caller name stands for. */
    public static Actor.Reader actor(String principal) {
        int separator = principal == null ? -1 : principal.indexOf(SEPARATOR);
        if (separator <= 0 || separator == principal.length() - 1) {
            throw new IllegalArgumentException("Not the name of a signed-in reader: " + principal);
        }
        return new Actor.Reader(AgencyId.isil(principal.substring(0, separator)), principal.substring(separator + 1));
    }
}
