package org.openill.it;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.openill.application.staff.StaffDesk;
import org.openill.application.staff.StaffNetwork;
import org.openill.application.staff.StaffRecords;

import java.io.IOException;
import java.util.function.Supplier;

/**
 * Calls the back office's EJBs as the signed-in staff member of the session, with the ids a test gives, the way a
 * forged page could: a test deployment only, at {@code /ill/test/staff-probe?call=...&id=...}. Answers "ok" with
 * what came back, or the simple name of the exception.
 */
@WebServlet("/test/staff-probe")
public class StaffProbeServlet extends HttpServlet {

    @EJB
    StaffRecords records;

    @EJB
    StaffNetwork network;

    @EJB
    StaffDesk desk;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long id = Long.parseLong(request.getParameter("id"));
        String answer = switch (request.getParameter("call")) {
            case "borrowingMessages" -> probe(() -> records.borrowingMessages(id).size());
            case "borrowingRequest" -> probe(() -> desk.borrowingRequest(id).title());
            case "lendingRecord" -> probe(() -> records.lendingRecord(id).title());
            case "lendingMessages" -> probe(() -> records.lendingMessages(id).size());
            case "resend" -> probe(() -> {
                records.resend(id);
                return "sent";
            });
            case "noteToLender" -> probe(() -> {
                records.noteToLender(id, "forged note");
                return "sent";
            });
            case "checkIn" -> probe(() -> {
                desk.checkIn(id);
                return "checked in";
            });
            case "agreementHistory" -> probe(() -> network.history(id).size());
            case "agreementTerms" -> probe(() -> network.terms(id));
            case "findReaders" -> probe(() -> desk.findReaders(request.getParameter("words")).size());
            default -> throw new IllegalArgumentException("Unknown call " + request.getParameter("call"));
        };
        response.setContentType("text/plain");
        response.getWriter().write(answer);
    }

    private static String probe(Supplier<Object> call) {
        try {
            return "ok " + call.get();
        } catch (RuntimeException refused) {
            Throwable cause = refused;
            while (cause instanceof jakarta.ejb.EJBException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            return cause.getClass().getSimpleName();
        }
    }
}
