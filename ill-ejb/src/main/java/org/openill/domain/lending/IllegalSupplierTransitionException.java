package org.openill.domain.lending;

import org.openill.domain.IllRuleViolation;

/** The lending record's state does not allow the action asked for. */
public class IllegalSupplierTransitionException extends IllRuleViolation {

    private final SupplierState state;
    private final SupplierAction action;

    public IllegalSupplierTransitionException(SupplierState state, SupplierAction action) {
        super("Cannot " + action.words() + " (" + action + ") when the lending record is " + state);
        this.state = state;
        this.action = action;
    }

    public SupplierState state() {
        return state;
    }

    public SupplierAction action() {
        return action;
    }
}
