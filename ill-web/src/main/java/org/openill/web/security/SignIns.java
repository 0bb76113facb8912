package org.openill.web.security;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.openill.application.reader.SignInOutcome;
import org.openill.web.common.Texts;

import java.io.IOException;

/**
 * Signing in from a Faces form, for readers and staff alike: the session gets a new id before the credentials are
 * checked (a session id anyone could have known before is never a signed-in one); then on to the page that asked for
 * sign-in, or to the given page, or the refusal is said on the form.
 */
final class SignIns {

    private SignIns() {
    }

    static void signIn(SecurityContext security, SignInAttempt attempt, String caller, String secret, String landing,
                       SignInOutcome.Why otherwise) throws IOException {
        FacesContext context = FacesContext.getCurrentInstance();
        ExternalContext external = context.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        AuthenticationStatus status = security.authenticate(request, (HttpServletResponse) external.getResponse(),
                AuthenticationParameters.withParams().credential(new UsernamePasswordCredential(caller,
                        new Password(secret))));
        if (status == AuthenticationStatus.SEND_CONTINUE) {
            context.responseComplete(); // on to the page that asked for sign-in
        } else if (status == AuthenticationStatus.SUCCESS) {
            external.getFlash().setKeepMessages(true);
            Texts.message(null, FacesMessage.SEVERITY_INFO, "signin.welcome");
            external.redirect(external.getRequestContextPath() + landing);
        } else {
            SignInOutcome.Refused refusal = attempt.refusal();
            Texts.message(null, FacesMessage.SEVERITY_ERROR, "signin.refused."
                    + (refusal == null ? otherwise.name() : refusal.why().name()),
                    refusal == null ? new Object[0] : refusal.values().toArray());
        }
    }
}
