package org.openill.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import org.openill.application.reader.SignInOutcome;
import org.openill.application.staff.StaffSignIn;

/**
 * Staff of the ILL offices and network administrators: the caller name is the account's user name (no "/", which
 * readers' names have), the password its password; the roles are the account's (ILL_STAFF, ILL_ADMIN, NETWORK_ADMIN).
 */
@ApplicationScoped
public class StaffIdentityStore implements IdentityStore {

    @Inject
    StaffSignIn signIn;

    @Inject
    SignInAttempt attempt;

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        String caller = credential.getCaller();
        if (caller == null || caller.contains("/")) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT; // a reader's: the reader store's
        }
        SignInOutcome outcome = signIn.signIn(caller, credential.getPasswordAsString());
        if (outcome instanceof SignInOutcome.SignedIn signedIn) {
            return new CredentialValidationResult(signedIn.principal(), signIn.roles(signedIn.principal()));
        }
        attempt.refused((SignInOutcome.Refused) outcome);
        return CredentialValidationResult.INVALID_RESULT;
    }
}
