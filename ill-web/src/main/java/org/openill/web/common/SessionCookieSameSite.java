package org.openill.web.common;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * The session cookie goes with same-site requests and top-level links only ({@code SameSite=Lax}): a form on another
 * site cannot post with a reader's or ILL office's session, while a reader who follows a link from a library's mail
 * or catalogue still arrives signed in, and a single sign-on that answers with a redirect keeps its session.
 */
// Set through the Servlet 6 API, not web.xml's <cookie-config><attribute>: WildFly 39 ignores that element.
@WebListener
public class SessionCookieSameSite implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        event.getServletContext().getSessionCookieConfig().setAttribute("SameSite", "Lax");
    }
}
