package org.openill.web.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;
import org.openill.application.reader.ReaderPortal;

/**
 * How people sign in (Jakarta Security): with the portal's own form, whose page hands the credentials to the identity
 * stores ({@link ReaderIdentityStore}). A page under a security constraint sends whoever is not signed in to the
 * form first, and back to the page afterwards.
 */
@ApplicationScoped
@DeclareRoles({ReaderPortal.ROLE, "ILL_STAFF", "ILL_ADMIN", "NETWORK_ADMIN"})
@CustomFormAuthenticationMechanismDefinition(loginToContinue = @LoginToContinue(
        loginPage = "/signin.xhtml", useForwardToLogin = false, errorPage = ""))
public class PortalSecurity {
}
