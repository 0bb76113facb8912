package org.openill.domain;

import org.openill.domain.library.AgencyId;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Who acts in the network: a reader with their library card, a member of a library's staff, a network administrator,
 * the system itself (the clock, the demo data), or a partner library's own system speaking ISO 18626. The services
 * check it against the library whose side of a request, or whose collections and readers, are concerned. Its
 * {@link #text()} is what the history of a request and the audit keep as the actor.
 */
public sealed interface Actor {

    /** The longest name of a staff member, administrator or system part. */
    int NAME_LENGTH = 100;

    /** The application acting on its own: the clock, and the rules it keeps while a request moves on. */
    Actor SYSTEM = new System("system");

    /** The actor as the history and the audit keep it, e.g. "reader ZZ-ECL/ECL-000001" or "staff ZZ-NUL/alice". */
    String text();

    /** True when this actor speaks for the library: a member of its staff, or its own system as a partner. */
    default boolean speaksFor(AgencyId library) {
        return false;
    }

    /** True for those who act for the whole network: a network administrator and the system. */
    default boolean isNetworkWide() {
        return false;
    }

    /**
     * Refuses unless this actor speaks for one of the libraries or acts for the whole network.
     *
     * @param what the step, in the words of the message ("open a branch")
     * @throws NotAllowedException naming the actor and the libraries that may
     */
    default void requireSpeaksForOneOf(String what, AgencyId... libraries) {
        if (isNetworkWide() || Arrays.stream(libraries).anyMatch(this::speaksFor)) {
            return;
        }
        throw new NotAllowedException(text() + " cannot " + what + ": only staff of "
                + Arrays.stream(libraries).map(AgencyId::value).collect(Collectors.joining(" or "))
                + " or a network administrator may");
    }

    /** Refuses unless this actor acts for the whole network (a network administrator, the system). */
    default void requireNetworkWide(String what) {
        if (!isNetworkWide()) {
            throw new NotAllowedException(text() + " cannot " + what + ": only a network administrator may");
        }
    }

    /** Refuses unless this actor is a member of some library's staff, or acts for the whole network. */
    default void requireLibraryStaff(String what) {
        if (!(this instanceof Staff) && !isNetworkWide()) {
            throw new NotAllowedException(text() + " cannot " + what + ": only library staff may");
        }
    }

    static Reader reader(String libraryIsil, String cardNumber) {
        return new Reader(AgencyId.isil(libraryIsil), cardNumber);
    }

    static Staff staff(String libraryIsil, String name) {
        return new Staff(AgencyId.isil(libraryIsil), name);
    }

    static NetworkAdmin networkAdmin(String name) {
        return new NetworkAdmin(name);
    }

    static System system(String name) {
        return new System(name);
    }

    static Partner partner(String agencyIsil) {
        return new Partner(AgencyId.isil(agencyIsil));
    }

    /** A reader of a library, known by the card number, which is unique within the library only. */
    record Reader(AgencyId library, String cardNumber) implements Actor {

        public Reader {
            cardNumber = Text.required("library card number", cardNumber, NAME_LENGTH);
        }

        @Override
        public String text() {
            return "reader " + library.value() + "/" + cardNumber;
        }
    }

    /** A member of a library's staff (its ILL office, its administration). */
    record Staff(AgencyId library, String name) implements Actor {

        public Staff {
            name = Text.required("staff name", name, NAME_LENGTH);
        }

        @Override
        public String text() {
            return "staff " + library.value() + "/" + name;
        }

        @Override
        public boolean speaksFor(AgencyId other) {
            return library.equals(other);
        }
    }

    /** Someone who runs the network: admits and suspends libraries, and may act for any of them. */
    record NetworkAdmin(String name) implements Actor {

        public NetworkAdmin {
            name = Text.required("administrator name", name, NAME_LENGTH);
        }

        @Override
        public String text() {
            return "network admin " + name;
        }

        @Override
        public boolean isNetworkWide() {
            return true;
        }
    }

    /** The application itself: the clock, the demo data. */
    record System(String name) implements Actor {

        public System {
            name = Text.required("system part", name, NAME_LENGTH);
        }

        @Override
        public String text() {
            return name;
        }

        @Override
        public boolean isNetworkWide() {
            return true;
        }
    }

    /** A partner library's own system, speaking for that library through ISO 18626 messages. */
    record Partner(AgencyId agency) implements Actor {

        @Override
        public String text() {
            return "partner " + agency.value();
        }

        @Override
        public boolean speaksFor(AgencyId library) {
            return agency.equals(library);
        }
    }
}
