package org.openill.web.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.openill.application.reader.ReaderPortal;
import org.openill.application.reader.ReaderProfile;

import java.io.IOException;

/** Who is signed in, as the header of every page shows it, and signing out. */
@Named("account")
@RequestScoped
public class AccountBacking {

    @Inject
    SecurityContext security;

    @Inject
    ReaderPortal portal;

    private ReaderProfile profile;

    public boolean isReader() {
        return security.isCallerInRole(ReaderPortal.ROLE);
    }

    /** Whether a member of an ILL office is signed in. */
    public boolean isStaff() {
        return security.isCallerInRole("ILL_STAFF");
    }

    /** Whether an administrator of an ILL office (its agreements, closures, office details) is signed in. */
    public boolean isAdmin() {
        return security.isCallerInRole("ILL_ADMIN");
    }

    /** Whether an administrator of the whole network (of no library) is signed in. */
    public boolean isNetworkAdmin() {
        return security.isCallerInRole("NETWORK_ADMIN");
    }

    /** Whether someone of the back office (an ILL office's staff or a network administrator) is signed in. */
    public boolean isBackOffice() {
        return isStaff() || isNetworkAdmin();
    }

    @Inject
    org.openill.web.common.LanguageBacking language;

    /**
     * The signed-in reader (null when nobody is). The language they read the portal in becomes the one they are
     * written to in.
     */
    public ReaderProfile getProfile() {
        if (profile == null && isReader()) {
            profile = portal.profile();
            if (!profile.language().equals(language.getTag())) {
                portal.prefersLanguage(language.getTag());
            }
        }
        return profile;
    }

    /** Ends the session: the caller is forgotten, the session and everything in it is gone. */
    public void signOut() throws ServletException, IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        request.logout();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        external.redirect(external.getRequestContextPath() + "/?signedOut=true");
    }
}
