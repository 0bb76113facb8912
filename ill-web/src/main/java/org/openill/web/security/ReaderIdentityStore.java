package org.openill.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import org.openill.application.reader.ReaderPortal;
import org.openill.application.reader.ReaderSignIn;
import org.openill.application.reader.SignInOutcome;

import java.util.Set;

/**
 * Readers: the caller name is the library's ISIL and the card number ("ZZ-NUL/NUL-000001"), the password the PIN.
 * A reader signed in has the role {@value ReaderPortal#ROLE}. The checks themselves (PIN, lock-out, blocked or
 * expired card) are {@link ReaderSignIn}'s.
 */
@ApplicationScoped
public class ReaderIdentityStore implements IdentityStore {

    @Inject
    ReaderSignIn signIn;

    @Inject
    SignInAttempt attempt;

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        String caller = credential.getCaller();
        int separator = caller == null ? -1 : caller.indexOf('/');
        if (separator <= 0) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT; // not a reader's name: another store's
        }
        SignInOutcome outcome = signIn.signIn(caller.substring(0, separator), caller.substring(separator + 1),
                credential.getPasswordAsString());
        if (outcome instanceof SignInOutcome.SignedIn signedIn) {
            return new CredentialValidationResult(signedIn.principal(), Set.of(ReaderPortal.ROLE));
        }
        attempt.refused((SignInOutcome.Refused) outcome);
        return CredentialValidationResult.INVALID_RESULT;
    }
}
