package org.openill.domain.request;

import org.openill.domain.IllRuleViolation;

/** The request's state does not allow the action asked for. */
public class IllegalTransitionException extends IllRuleViolation {

    private final RequestState state;
    private final RequestAction action;

    public IllegalTransitionException(RequestState state, RequestAction action) {
        super("Cannot " + action.words() + " (" + action + ") when the request is " + state);
        says("notNow", action.name(), state.name());
        this.state = state;
        this.action = action;
    }

    public RequestState state() {
        return state;
    }

    public RequestAction action() {
        return action;
    }
}
