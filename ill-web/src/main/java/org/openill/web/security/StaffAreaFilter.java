package org.openill.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * The back office under /staff/ is for the ILL offices' staff and the network's administrators: whoever is not signed in goes to its sign-in page, a
 * signed-in reader is refused (403). The EJBs behind the pages check the caller again (StaffDesk, @RolesAllowed plus
 * the staff member's own library).
 */
@WebFilter("/staff/*")
public class StaffAreaFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    static final String SIGN_IN = "/staff/signin.xhtml";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals(SIGN_IN) || request.isUserInRole("ILL_STAFF") || request.isUserInRole("NETWORK_ADMIN")) {
            chain.doFilter(request, response);
        } else if (request.getUserPrincipal() == null) {
            response.sendRedirect(request.getContextPath() + SIGN_IN);
        } else {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "The back office is for the ILL offices' staff");
        }
    }
}
