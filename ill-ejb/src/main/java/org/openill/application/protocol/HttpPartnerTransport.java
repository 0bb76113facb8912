package org.openill.application.protocol;

import jakarta.enterprise.context.ApplicationScoped;
import org.openill.application.PartnerDirectory.Partner;
import org.openill.domain.library.PartnerProfile.SchemaVersion;
import org.openill.infrastructure.iso18626.Iso18626Codec;
import org.openill.infrastructure.iso18626.ReadResult;
import org.openill.infrastructure.security.SecretBox;
import org.openill.iso18626.v2021.ISO18626Message;
import org.openill.iso18626.v2021.RequestingAgencyAuthentication;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Delivers a message to a partner hosted elsewhere by HTTP POST to its endpoint, written as its profile says: in its
 * schema version, with our credentials (in {@code requestingAgencyAuthentication} where the schema has it, and as
 * HTTP Basic authentication on every message, since the schema gives a supplying agency no element for them). The
 * message on the wire is made from the logged one the same way every time, so a retry is byte for byte the same
 * message to the partner's duplicate detection. A partner that cannot be reached, is too slow or answers 5xx (or
 * 408/429) is tried again later; any other answer that is no confirmation is not.
 */
@ApplicationScoped
public class HttpPartnerTransport {

    private final Map<Duration, HttpClient> clients = new ConcurrentHashMap<>();

    public DeliveryOutcome deliver(Partner partner, String xml) {
        Optional<String> ourCode = SecretBox.ofServer().decrypt(partner.outboundCodeEncrypted());
        if (ourCode.isEmpty()) {
            return new DeliveryOutcome.Undeliverable("Our security code for " + partner.agency().value()
                    + " cannot be read with this server's key: enter it again in the partner profile");
        }
        String wire;
        try {
            wire = onTheWire(xml, partner, ourCode.get());
        } catch (IllegalStateException | IllegalArgumentException cannotBeWritten) {
            return new DeliveryOutcome.Undeliverable("The message cannot be written for " + partner.agency().value()
                    + " (ISO 18626 " + partner.version().code() + "): " + cannotBeWritten.getMessage());
        }
        String basic = Base64.getEncoder().encodeToString((partner.outboundAccountId() + ":" + ourCode.get())
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(partner.endpoint())
                .timeout(partner.responseTimeout())
                .header("Content-Type", "application/xml; charset=UTF-8")
                .header("Accept", "application/xml, text/xml")
                .header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.ofString(wire, StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response;
        try {
            response = client(partner.connectTimeout()).send(request,
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException unreachable) {
            return new DeliveryOutcome.Unreachable(partner.endpoint() + " cannot be reached: "
                    + unreachable.getClass().getSimpleName()
                    + (unreachable.getMessage() == null ? "" : " " + unreachable.getMessage()));
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            return new DeliveryOutcome.Unreachable("Delivery interrupted (server stopping)");
        }
        int status = response.statusCode();
        if (status >= 500 || status == 408 || status == 429) {
            return new DeliveryOutcome.Unreachable(partner.endpoint() + " answered HTTP " + status);
        }
        if (status < 200 || status >= 300) {
            return new DeliveryOutcome.Undeliverable(partner.endpoint() + " answered HTTP " + status + ": "
                    + Confirmations.abbreviated(response.body()));
        }
        return Confirmations.outcome(response.body());
    }

    /** The message as this partner gets it: with our credentials, in its schema version. Deterministic. */
    static String onTheWire(String xml, Partner partner, String ourCode) {
        if (!(Iso18626Codec.read(xml) instanceof ReadResult.Accepted accepted)) {
            throw new IllegalStateException("the logged message cannot be read again");
        }
        ISO18626Message message = accepted.message();
        RequestingAgencyAuthentication credentials = new RequestingAgencyAuthentication();
        credentials.setAccountId(partner.outboundAccountId());
        credentials.setSecurityCode(ourCode);
        if (message.getRequest() != null) {
            message.getRequest().getHeader().setRequestingAgencyAuthentication(credentials);
        } else if (message.getRequestingAgencyMessage() != null) {
            message.getRequestingAgencyMessage().getHeader().setRequestingAgencyAuthentication(credentials);
        }
        return partner.version() == SchemaVersion.V1_2 ? Iso18626Codec.asVersion12(message)
                : Iso18626Codec.toXml(message);
    }

    private HttpClient client(Duration connectTimeout) {
        return clients.computeIfAbsent(connectTimeout, timeout -> HttpClient.newBuilder()
                .connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).build());
    }
}
