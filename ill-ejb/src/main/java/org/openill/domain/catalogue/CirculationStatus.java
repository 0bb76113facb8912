package org.openill.domain.catalogue;

/** Where an item of a holding is now, as the holding library's circulation system knows it. */
public enum CirculationStatus {
    AVAILABLE,
    ON_LOAN,
    IN_TRANSIT,
    MISSING
}
