package org.openill.web.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import org.openill.application.reader.SignInOutcome;

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
        String secret = password;
        password = null;
        SignIns.signIn(security, attempt, username.strip(), secret, "/staff/index.xhtml",
                SignInOutcome.Why.WRONG_USER_OR_PASSWORD);
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
