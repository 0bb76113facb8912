import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark's stand-in for the demo partner hosted elsewhere, ZZ-EXT: an HTTP server on 127.0.0.1:8099 that
 * answers every ISO 18626 message it is sent with an OK confirmation of the matching kind, in the 1.2 schema, as a
 * partner's system would, so that the answers OpenILL sends to ZZ-EXT (StatusRequestResponse, CancelResponse ...) are
 * delivered rather than tried again and again. Run with the JDK's source launcher:
 * {@code java bench/Iso18626Partner.java [port]}. Prints how many messages it confirmed when stopped.
 */
public final class Iso18626Partner {

    private static final Pattern BODY = Pattern.compile("<(?:\\w+:)?(request|supplyingAgencyMessage|requestingAgencyMessage)>");

    public static void main(String[] args) throws IOException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8099;
        AtomicLong confirmed = new AtomicLong();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
        server.createContext("/iso18626", exchange -> {
            String message = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String answer = confirmation(message);
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/xml");
            exchange.sendResponseHeaders(answer.isEmpty() ? 400 : 200, answer.isEmpty() ? -1 : bytes.length);
            if (!answer.isEmpty()) {
                exchange.getResponseBody().write(bytes);
                confirmed.incrementAndGet();
            }
            exchange.close();
        });
        server.setExecutor(Executors.newFixedThreadPool(4));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println(
                "ISO 18626 partner on port " + port + ": " + confirmed.get() + " messages confirmed")));
        server.start();
        System.out.println("ISO 18626 partner listening on http://127.0.0.1:" + port + "/iso18626");
    }

    /** The OK confirmation of the message, in 1.2, with the ids of its header; empty when it is no message. */
    static String confirmation(String message) {
        Matcher body = BODY.matcher(message);
        if (!body.find()) {
            return "";
        }
        String kind = body.group(1);
        String extra = switch (kind) {
            case "supplyingAgencyMessage" -> element(message, "reasonForMessage", "reasonForMessage");
            case "requestingAgencyMessage" -> element(message, "action", "action");
            default -> "";
        };
        String requestId = text(message, "requestingAgencyRequestId");
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <ISO18626Message xmlns="http://illtransactions.org/2013/iso18626" \
                xmlns:ill="http://illtransactions.org/2013/iso18626" ill:version="1.2">
                  <%sConfirmation>
                    <confirmationHeader>
                      %s
                      %s
                      <timestamp>%s</timestamp>
                      %s
                      <timestampReceived>%s</timestampReceived>
                      <messageStatus>OK</messageStatus>
                    </confirmationHeader>
                    %s
                  </%sConfirmation>
                </ISO18626Message>
                """.formatted(kind, agency(message, "supplyingAgencyId"), agency(message, "requestingAgencyId"),
                text(message, "timestamp"), requestId.isEmpty() ? ""
                        : "<requestingAgencyRequestId>" + requestId + "</requestingAgencyRequestId>",
                Instant.now(), extra, kind);
    }

    private static String agency(String message, String role) {
        Matcher id = Pattern.compile("<(?:\\w+:)?" + role + ">\\s*<(?:\\w+:)?agencyIdType[^>]*>([^<]*)<.*?"
                + "<(?:\\w+:)?agencyIdValue>([^<]*)<", Pattern.DOTALL).matcher(message);
        return id.find() ? "<" + role + "><agencyIdType>" + id.group(1) + "</agencyIdType><agencyIdValue>"
                + id.group(2) + "</agencyIdValue></" + role + ">" : "";
    }

    private static String element(String message, String name, String as) {
        String value = text(message, name);
        return value.isEmpty() ? "" : "<" + as + ">" + value + "</" + as + ">";
    }

    private static String text(String message, String name) {
        Matcher value = Pattern.compile("<(?:\\w+:)?" + name + ">([^<]*)<").matcher(message);
        return value.find() ? value.group(1).strip() : "";
    }
}
