package org.openill.web.reader;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * OpenURL intake: {@code GET /ill/openurl?...} from a discovery system or link resolver opens the application form
 * filled in with the item the link describes (after sign-in when needed). The citation waits in the session under a
 * token of its own, so the form's address carries no data a page could be tricked into taking; a link that names no
 * title opens the empty form.
 */
@WebServlet("/openurl")
public class OpenUrlServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** The session attribute holding citations by token; a few at most, the oldest dropped. */
    static final String CITATIONS = "ill.openurl.citations";
    private static final int KEPT = 10;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String form = request.getContextPath() + "/my/apply.xhtml";
        var citation = OpenUrlCitation.of(request.getParameterMap());
        if (citation.isEmpty()) {
            response.sendRedirect(form);
            return;
        }
        HttpSession session = request.getSession(true);
        String token = UUID.randomUUID().toString();
        @SuppressWarnings("unchecked")
        Map<String, OpenUrlCitation> kept = (Map<String, OpenUrlCitation>) session.getAttribute(CITATIONS);
        Map<String, OpenUrlCitation> citations = new LinkedHashMap<>(kept == null ? Map.of() : kept);
        citations.put(token, citation.get());
        while (citations.size() > KEPT) {
            citations.remove(citations.keySet().iterator().next());
        }
        session.setAttribute(CITATIONS, citations);
        response.sendRedirect(form + "?citation=" + token);
    }

    /** The citation kept under the token in the session, if any. */
    @SuppressWarnings("unchecked")
    static OpenUrlCitation citation(HttpSession session, String token) {
        if (session == null || token == null) {
            return null;
        }
        Map<String, OpenUrlCitation> kept = (Map<String, OpenUrlCitation>) session.getAttribute(CITATIONS);
        return kept == null ? null : kept.get(token);
    }
}
