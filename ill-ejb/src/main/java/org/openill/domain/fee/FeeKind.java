package org.openill.domain.fee;

/** Why one library owes another: a filled loan or copy, a lost item, or a cost agreed as a loan condition. */
public enum FeeKind {
    LOAN,
    COPY,
    REPLACEMENT,
    CONDITION_COST
}
