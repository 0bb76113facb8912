package org.openill.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Staff of one library reach nothing of another library's through the back office's EJBs, whatever ids they send:
 * requests, lending records, their messages (reading or sending one again), notes, agreements, readers. The calls go
 * as the signed-in staff member of an HTTP session, as a forged page would make them.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TenantIsolationIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.builtEarWithPages(List.of(), ReaderDataServlet.class, StaffProbeServlet.class,
                Fixtures.class);
    }

    @Test
    void northsStaffReachNothingOfSouthsWhateverIdTheySend() throws Exception {
        // South's reader borrows from a lender of its own: South's request, the lender's record, their messages
        long southRequest = Long.parseLong(ReaderData.post(Map.of("action", "loan", "library", "ZZ-SCL",
                "card", "SCL-000002", "title", "South's Own Business")));
        String[] ids = ReaderData.post(Map.of("action", "ids", "request", String.valueOf(southRequest))).split(" ");
        String lendingRecord = ids[0];
        String southMessage = ids[1];
        String agreement = ids[2];

        HttpClient south = signedIn("scl-staff");
        assertEquals("ok South's Own Business", probe(south, "borrowingRequest", String.valueOf(southRequest)));
        assertTrue(probe(south, "borrowingMessages", String.valueOf(southRequest)).matches("ok [1-9]\\d*"),
                "the probe reaches South's own messages");
        assertTrue(probe(south, "agreementHistory", agreement).startsWith("ok "), "South reads its own agreement");

        HttpClient north = signedIn("nul-staff");
        for (String[] call : List.of(
                new String[]{"borrowingRequest", String.valueOf(southRequest)},
                new String[]{"borrowingMessages", String.valueOf(southRequest)},
                new String[]{"noteToLender", String.valueOf(southRequest)},
                new String[]{"lendingRecord", lendingRecord},
                new String[]{"lendingMessages", lendingRecord},
                new String[]{"checkIn", lendingRecord},
                new String[]{"resend", southMessage},
                new String[]{"agreementHistory", agreement},
                new String[]{"agreementTerms", agreement})) {
            assertEquals("NotFoundException", probe(north, call[0], call[1]), call[0] + " " + call[1]);
        }
        assertEquals("ok 0", probe(north, "findReaders", "0", "SCL-000002"), "South's reader among North's");
        assertEquals("ok 1", probe(south, "findReaders", "0", "SCL-000002"));
    }

    /** An HTTP client signed in to the back office as the staff member (the demo password). */
    private static HttpClient signedIn(String username) throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String page = client.send(HttpRequest.newBuilder(URI.create(url("staff/signin.xhtml"))).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher viewState = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]*)\"").matcher(page);
        assertTrue(viewState.find(), "no view state on the sign-in page");
        HttpResponse<String> signIn = client.send(post("staff/signin.xhtml", Map.of("staff-signin", "staff-signin",
                "staff-signin:username", username, "staff-signin:password", "staff-demo", "staff-signin:submit", "",
                "jakarta.faces.ViewState", viewState.group(1))), HttpResponse.BodyHandlers.ofString());
        assertEquals(302, signIn.statusCode(), "signed in as " + username);
        return client;
    }

    private static String probe(HttpClient client, String call, String id) throws Exception {
        return probe(client, call, id, "");
    }

    private static String probe(HttpClient client, String call, String id, String words) throws Exception {
        HttpResponse<String> answer = client.send(post("test/staff-probe", Map.of("call", call, "id", id,
                "words", words)), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
        return answer.body();
    }

    private static HttpRequest post(String path, Map<String, String> form) {
        return HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.entrySet().stream()
                        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&")))).build();
    }

    private static String url(String path) {
        return Deployments.APPLICATION.resolve(path).toString();
    }
}
