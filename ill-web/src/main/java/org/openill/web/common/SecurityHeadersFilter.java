package org.openill.web.common;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import java.io.IOException;

/**
 * Security headers on every response of the web module: pages, error pages, static files and the JAX-RS endpoints.
 * The Content-Security-Policy is the one in web.xml ({@code primefaces.CSP_POLICY}); on the pages Faces renders,
 * PrimeFaces sends it with the page's script nonce appended, and that version replaces this one.
 */
// A Servlet filter on /*, not Undertow filters in configure.cli: it ships in the EAR, so Payara sends the same headers.
@WebFilter(filterName = "SecurityHeadersFilter", urlPatterns = "/*",
        dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.FORWARD, DispatcherType.ERROR})
public class SecurityHeadersFilter extends HttpFilter {

    static final String POLICY_PARAMETER = "primefaces.CSP_POLICY";
    static final String CONTENT_SECURITY_POLICY = "Content-Security-Policy";

    private String policy;

    @Override
    public void init() throws ServletException {
        policy = getServletContext().getInitParameter(POLICY_PARAMETER);
        if (policy == null || policy.isBlank()) {
            throw new ServletException("web.xml lacks the context parameter " + POLICY_PARAMETER);
        }
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        chain.doFilter(request, new SecuredResponse(response, policy));
    }

    /**
     * A response that keeps the headers when it is reset (as PrimeFaces does before answering a failed Ajax request)
     * and holds one policy only: browsers enforce every policy they get, so a second one without the nonce would
     * block the page's own scripts.
     */
    static final class SecuredResponse extends HttpServletResponseWrapper {

        private final String policy;

        SecuredResponse(HttpServletResponse response, String policy) {
            super(response);
            this.policy = policy;
            setSecurityHeaders();
        }

        private void setSecurityHeaders() {
            setHeader(CONTENT_SECURITY_POLICY, policy);
            setHeader("X-Content-Type-Options", "nosniff");
            setHeader("X-Frame-Options", "DENY"); // frame-ancestors 'none' for browsers that predate it
            // Which request a reader or the ILL office looked at stays in the network's own pages.
            setHeader("Referrer-Policy", "same-origin");
        }

        @Override
        public void addHeader(String name, String value) {
            if (CONTENT_SECURITY_POLICY.equalsIgnoreCase(name)) {
                setHeader(name, value);
            } else {
                super.addHeader(name, value);
            }
        }

        @Override
        public void reset() {
            super.reset();
            setSecurityHeaders();
        }
    }
}
