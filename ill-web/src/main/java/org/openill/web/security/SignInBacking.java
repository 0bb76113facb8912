package org.openill.web.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import org.openill.application.LibraryChoice;
import org.openill.application.NetworkQueries;
import org.openill.application.reader.ReaderPrincipal;
import org.openill.application.reader.SignInOutcome;

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
        String secret = pin;
        pin = null;
        SignIns.signIn(security, attempt, ReaderPrincipal.of(library.strip(), card.strip()), secret,
                "/my/requests.xhtml", SignInOutcome.Why.WRONG_CARD_OR_PIN);
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
