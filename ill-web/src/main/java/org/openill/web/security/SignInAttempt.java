package org.openill.web.security;

import jakarta.enterprise.context.RequestScoped;
import org.openill.application.reader.SignInOutcome;

/** Why the sign-in of this request was refused, for the page to say (an identity store can only say "invalid"). */
@RequestScoped
public class SignInAttempt {

    private SignInOutcome.Refused refusal;

    public SignInOutcome.Refused refusal() {
        return refusal;
    }

    void refused(SignInOutcome.Refused why) {
        this.refusal = why;
    }
}
