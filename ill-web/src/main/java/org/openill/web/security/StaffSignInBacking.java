package org.openill.web.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
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

/** The back office's sign-in form: user name and password; the session gets a new id first, as for readers. */
@Named
@RequestScoped
public class StaffSignInBacking {

    @Inject
    SecurityContext security;

    @Inject
    SignInAttempt attempt;

    private String username;
    private String password;

    public void signIn() throws IOException {
        FacesContext context = FacesContext.getCurrentInstance();
        ExternalContext external = context.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        AuthenticationStatus status = security.authenticate(request, (HttpServletResponse) external.getResponse(),
                AuthenticationParameters.withParams().newAuthentication(true).credential(
                        new UsernamePasswordCredential(username.strip(), new Password(password))));
        password = null;
        if (status == AuthenticationStatus.SEND_CONTINUE) {
            context.responseComplete();
        } else if (status == AuthenticationStatus.SUCCESS) {
            external.redirect(external.getRequestContextPath() + "/staff/index.xhtml");
        } else {
            SignInOutcome.Refused refusal = attempt.refusal();
            Texts.message(null, FacesMessage.SEVERITY_ERROR, "signin.refused."
                    + (refusal == null ? SignInOutcome.Why.WRONG_USER_OR_PASSWORD.name() : refusal.why().name()),
                    refusal == null ? new Object[0] : refusal.values().toArray());
        }
    }

    public boolean isDemo() {
        return org.openill.infrastructure.demo.DemoSettings.demoData();
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
