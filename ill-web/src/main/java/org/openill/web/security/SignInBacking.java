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
import org.openill.application.LibraryChoice;
import org.openill.application.NetworkQueries;
import org.openill.application.reader.ReaderPrincipal;
import org.openill.application.reader.SignInOutcome;
import org.openill.web.common.Texts;

import java.io.IOException;
import java.util.List;

/**
 * The sign-in form: library, card number and PIN. The session gets a new id before the credentials are checked, so
 * that a session id anyone could have known before is never a signed-in one.
 */
@Named
@RequestScoped
public class SignInBacking {

    @Inject
    SecurityContext security;

    @Inject
    SignInAttempt attempt;

    @Inject
    NetworkQueries network;

    private String library;
    private String card;
    private String pin;
    private List<LibraryChoice> libraries;

    public void signIn() throws IOException {
        FacesContext context = FacesContext.getCurrentInstance();
        ExternalContext external = context.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        AuthenticationStatus status = security.authenticate(request, (HttpServletResponse) external.getResponse(),
                AuthenticationParameters.withParams().credential(new UsernamePasswordCredential(
                        ReaderPrincipal.of(library.strip(), card.strip()), new Password(pin))));
        pin = null;
        if (status == AuthenticationStatus.SEND_CONTINUE) {
            context.responseComplete(); // on to the page that asked for sign-in
        } else if (status == AuthenticationStatus.SUCCESS) {
            external.getFlash().setKeepMessages(true);
            Texts.message(null, FacesMessage.SEVERITY_INFO, "signin.welcome");
            external.redirect(external.getRequestContextPath() + "/my/requests.xhtml");
        } else {
            SignInOutcome.Refused refusal = attempt.refusal();
            if (refusal == null) {
                Texts.message(null, FacesMessage.SEVERITY_ERROR, "signin.refused.WRONG_CARD_OR_PIN");
            } else {
                Texts.message(null, FacesMessage.SEVERITY_ERROR, "signin.refused." + refusal.why().name(),
                        refusal.values().toArray());
            }
        }
    }

    /** Whether the demo readers' cards and PIN are shown (only where the demonstration data is loaded). */
    public boolean isDemo() {
        return org.openill.infrastructure.demo.DemoSettings.demoData();
    }

    public List<LibraryChoice> getLibraries() {
        if (libraries == null) {
            libraries = network.librariesHostedHere();
        }
        return libraries;
    }

    public String getLibrary() {
        return library;
    }

    public void setLibrary(String library) {
        this.library = library;
    }

    public String getCard() {
        return card;
    }

    public void setCard(String card) {
        this.card = card;
    }

    public String getPin() {
        return pin;
    }

    public void setPin(String pin) {
        this.pin = pin;
    }
}
