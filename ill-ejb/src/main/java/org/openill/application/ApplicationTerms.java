package org.openill.application;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What a reader says with an application besides the item (each may be null, the declaration false): until when
 * they need it, the code of the branch of their library where they pick it up, the most they will pay, a note for the
 * ILL office, and for a copy whether they declare it is for private study or research (copyright).
 */
public record ApplicationTerms(LocalDate neededBefore, String pickupBranchCode, BigDecimal maxCost, String note,
                               boolean copyrightDeclared) {
}
