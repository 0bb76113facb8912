package org.openill.it;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.openill.application.BorrowingService;
import org.openill.application.LendingService;
import org.openill.application.reader.ReaderSignIn;
import org.openill.domain.Actor;
import org.openill.domain.reader.ReaderCategory;
import org.openill.domain.request.BibliographicDescription;
import org.openill.domain.request.ServiceType;

import java.io.IOException;
import java.util.List;

import static org.openill.it.Fixtures.lending;
import static org.openill.it.Fixtures.readerOf;
import static org.openill.it.Fixtures.staffOf;

/**
 * What the reader portal's browser tests need in the database, made through the services: a test deployment only
 * (never shipped), at {@code /ill/test/reader-data?action=...}; answers the new card number or request id as text.
 */
@WebServlet("/test/reader-data")
public class ReaderDataServlet extends HttpServlet {

    @EJB
    Fixtures fixtures;

    @EJB
    ReaderSignIn signIn;

    @EJB
    BorrowingService borrowing;

    @EJB
    LendingService lendingService;

    @EJB
    org.openill.application.mail.ReaderMailDelivery mail;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String answer = switch (request.getParameter("action")) {
            // a library of its own, with a lender holding one book under an agreement; a reader with the PIN
            case "reader" -> {
                String library = fixtures.newLibrary();
                String card = fixtures.newReader(library, ReaderCategory.POSTGRADUATE);
                signIn.setPin(Fixtures.ADMIN, library, card, request.getParameter("pin"));
                yield library + "/" + card;
            }
            case "block" -> {
                fixtures.blockReader(request.getParameter("library"), request.getParameter("card"),
                        request.getParameter("reason"));
                yield "blocked";
            }
            case "expire" -> {
                fixtures.expireCard(request.getParameter("library"), request.getParameter("card"));
                yield "expired";
            }
            // a loan of a new book sent to a new lender; with conditions=true the lender sets a condition the
            // reader must accept
            case "loan" -> {
                String library = request.getParameter("library");
                String lender = fixtures.newLibrary();
                fixtures.agreement(lending(lender).to(library));
                List<String> book = fixtures.newBookHeldAt(lender + "/OPEN");
                long id = borrowing.apply(readerOf(library, request.getParameter("card")), Long.parseLong(book.get(0)),
                        BibliographicDescription.titled(request.getParameter("title")).by("Tester, Tina").build(),
                        ServiceType.LOAN);
                Actor office = fixtures.borrowingOffice(id);
                borrowing.validate(office, id, null);
                borrowing.route(office, id, null);
                if ("true".equals(request.getParameter("conditions"))) {
                    // the lender lends for use in its reading room only; the borrowing office asks the reader
                    lendingService.retryPossible(staffOf(lender), fixtures.lendingRecordOf(id), "LibraryUseOnly",
                            java.util.Set.of(org.openill.domain.request.LoanCondition.LIBRARY_USE_ONLY), null,
                            null);
                    borrowing.acceptConditions(office, id, null);
                }
                if ("true".equals(request.getParameter("shipped"))) {
                    lendingService.shipLoan(staffOf(lender), fixtures.lendingRecordOf(id), book.get(1));
                }
                yield String.valueOf(id);
            }
            // a demo reader of North applies for a new book only South holds on its open shelves: "id barcode"
            case "demoLoan" -> {
                List<String> book = fixtures.newBookHeldAt("ZZ-SCL/OPEN");
                long id = borrowing.apply(readerOf("ZZ-NUL", request.getParameter("card")),
                        Long.parseLong(book.get(0)), BibliographicDescription.titled(request.getParameter("title"))
                                .by("Tester, Tina").build(), ServiceType.LOAN);
                yield id + " " + book.get(1);
            }
            // a book held by a new lender under an agreement with the library, or (home=true) by the library itself
            case "book" -> {
                String library = request.getParameter("library");
                String holder = library;
                if (!"true".equals(request.getParameter("home"))) {
                    holder = fixtures.newLibrary();
                    fixtures.agreement(lending(holder).to(library));
                }
                yield fixtures.newBookHeldAt(holder + "/OPEN").get(0);
            }
            // sends the mail of a request's notifications now, past any pause after a failed attempt: how many went
            case "mail" -> {
                int sent = 0;
                for (String id : fixtures.strings("SELECT id FROM reader_notification WHERE request_id = "
                        + Long.parseLong(request.getParameter("request")) + " ORDER BY id")) {
                    sent += mail.sendNow(Long.parseLong(id)) ? 1 : 0;
                }
                yield String.valueOf(sent);
            }
            // the mail of a request's notifications: kind, attempts and whether sent, one line each
            case "outbox" -> String.join("\n", fixtures.strings("SELECT kind || ' ' || mail_attempts || ' ' || "
                    + "(sent_at IS NOT NULL) FROM reader_notification WHERE request_id = "
                    + Long.parseLong(request.getParameter("request")) + " ORDER BY id"));
            case "language" -> {
                fixtures.readerPrefersLanguage(request.getParameter("library"), request.getParameter("card"),
                        request.getParameter("tag"));
                yield "ok";
            }
            // the ids another library's staff might type: "lendingRecord outboundMessage agreement" of a request
            case "ids" -> {
                long id = Long.parseLong(request.getParameter("request"));
                yield fixtures.lendingRecordOf(id) + " "
                        + fixtures.strings("SELECT id FROM outbound_message WHERE request_id = " + id + " ORDER BY id").get(0)
                        + " " + fixtures.strings("SELECT agreement_id FROM rota_entry WHERE request_id = " + id).get(0);
            }
            // North lends East a book today under their agreement (5.00 EUR a loan): a fee of today between them
            case "feeToday" -> String.valueOf(fixtures.shippedLoan("ZZ-NUL", "ZZ-ECL", request.getParameter("title")));
            // withdraws every closure of a library (a test that closed it leaves the network as it found it)
            case "reopen" -> String.valueOf(fixtures.nativeUpdate("DELETE FROM library_closure WHERE library_id = "
                    + "(SELECT id FROM library WHERE agency_id_value = '"
                    + request.getParameter("library").replaceAll("[^A-Z0-9-]", "") + "')"));
            default -> throw new IllegalArgumentException("Unknown action " + request.getParameter("action"));
        };
        response.setContentType("text/plain");
        response.getWriter().write(answer);
    }
}
