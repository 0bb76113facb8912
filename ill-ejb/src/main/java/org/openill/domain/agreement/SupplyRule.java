package org.openill.domain.agreement;

import org.openill.domain.IllRuleViolation;
import org.openill.domain.catalogue.Holding;
import org.openill.domain.library.Location;
import org.openill.domain.library.LocationType;
import org.openill.domain.request.ServiceType;

import java.time.LocalDate;
import java.util.Optional;

/**
 * May this copy be supplied through interlibrary loan, for this service, under this partner agreement, on this day?
 * The one rule that routing, the lender's inbox, a promise to supply and the supply itself all apply: the copy is in
 * a collection that supplies the service (never a college or department reference room; a loan only from a
 * collection that lends through ILL, while a copy of pages may also come from one whose items stay in the house),
 * it is on the shelf, the agreement is in force and allows the service, and it does not exclude the collection.
 */
public final class SupplyRule {

    /** What keeps a copy from being supplied, in the order the rule looks at it. */
    public enum Reason {
        REFERENCE_ROOM,
        COLLECTION_DOES_NOT_LEND,
        NOT_ON_SHELF,
        AGREEMENT_TERMS,
        COLLECTION_EXCLUDED
    }

    /** Why a copy cannot be supplied: the reason, for callers that sum up, and the words for staff and readers. */
    public record Refusal(Reason reason, String message) {
    }

    private SupplyRule() {
    }

    /** The refusal, or empty when the copy may be supplied under the agreement on the day (the lender's date). */
    public static Optional<Refusal> refusal(Holding holding, PartnerAgreement agreement, ServiceType service,
                                            LocalDate day) {
        Optional<Refusal> ofCopy = copyRefusal(holding, service);
        if (ofCopy.isPresent()) {
            return ofCopy;
        }
        if (!agreement.isInForceOn(day) || !agreement.allows(service)) {
            return refused(Reason.AGREEMENT_TERMS, "Cannot supply: " + agreement.termBrokenBy(service, day, 0));
        }
        if (!agreement.covers(holding.location())) {
            return refused(Reason.COLLECTION_EXCLUDED, "Holding " + holding.barcode() + " is in "
                    + holding.location().name() + ", a collection the partner agreement excludes");
        }
        return Optional.empty();
    }

    /** The part of the rule that concerns the copy alone (its collection, its place on the shelf). */
    public static Optional<Refusal> copyRefusal(Holding holding, ServiceType service) {
        Location location = holding.location();
        if (location.type().isReferenceRoom()) {
            return refused(Reason.REFERENCE_ROOM, "Holding " + holding.barcode() + " is in " + location.name()
                    + ": items in college and department reference rooms are never lent through interlibrary loan");
        }
        if (!collectionSupplies(location.type(), location.isLendableThroughIll(), service)) {
            return refused(Reason.COLLECTION_DOES_NOT_LEND, "Holding " + holding.barcode() + " is in "
                    + location.name() + ", which does not lend through interlibrary loan");
        }
        if (!holding.isOnShelf()) {
            return refused(Reason.NOT_ON_SHELF, "Holding " + holding.barcode() + " is not on the shelf: it is "
                    + holding.circulationStatus().name().toLowerCase().replace('_', ' '));
        }
        return Optional.empty();
    }

    /**
     * Whether a collection supplies the service: never a reference room; a loan only from a collection that lends
     * through interlibrary loan ({@link Location#lendsThroughIll}).
     */
    public static boolean collectionSupplies(LocationType type, boolean illLendable, ServiceType service) {
        return switch (service) {
            case LOAN -> Location.lendsThroughIll(type, illLendable);
            case COPY, COPY_OR_LOAN -> !type.isReferenceRoom(); // either: a copy can come from any of these
        };
    }

    /**
     * Refuses the copy with the reason in words.
     *
     * @throws IllRuleViolation when the copy may not be supplied
     */
    public static void check(Holding holding, PartnerAgreement agreement, ServiceType service, LocalDate day) {
        refusal(holding, agreement, service, day).ifPresent(refusal -> {
            throw new IllRuleViolation(refusal.message());
        });
    }

    private static Optional<Refusal> refused(Reason reason, String message) {
        return Optional.of(new Refusal(reason, message));
    }
}
