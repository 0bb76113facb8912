package org.openill.application.protocol;

import org.junit.jupiter.api.Test;
import org.openill.application.PartnerDirectory.Partner;
import org.openill.domain.library.AgencyId;
import org.openill.domain.library.PartnerProfile.SchemaVersion;
import org.openill.infrastructure.iso18626.Iso18626Codec;
import org.openill.infrastructure.iso18626.Iso18626Messages;
import org.openill.infrastructure.iso18626.Iso18626Messages.Item;
import org.openill.infrastructure.iso18626.Iso18626Messages.PostalAddress;
import org.openill.infrastructure.iso18626.Iso18626Messages.Service;
import org.openill.infrastructure.iso18626.Iso18626Messages.SupplierReport;
import org.openill.infrastructure.iso18626.Iso18626Messages.TransactionIds;
import org.openill.infrastructure.iso18626.Iso18626Version;
import org.openill.infrastructure.iso18626.ReadResult;
import org.openill.iso18626.v2021.ISO18626Message;
import org.openill.iso18626.v2021.RequestingAgencyAuthentication;
import org.openill.iso18626.v2021.TypeAction;
import org.openill.iso18626.v2021.TypeReasonForMessage;
import org.openill.iso18626.v2021.TypeRequestType;
import org.openill.iso18626.v2021.TypeServiceType;
import org.openill.iso18626.v2021.TypeStatus;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The message as a partner hosted elsewhere gets it: our credentials where the schema has a place for them, in the
 * partner's schema version, and the same bytes every time it is sent.
 */
class HttpPartnerTransportTest {

    private static final AgencyId NORTH = AgencyId.isil("ZZ-NUL");
    private static final AgencyId EXT = AgencyId.isil("ZZ-EXT");
    private static final String OUR_ACCOUNT = "nul-at-ext";
    private static final String OUR_CODE = "s3cret&<code>";
    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");
    /** North (hosted here) asks EXT; EXT answered with its id. */
    private static final TransactionIds ASKED = TransactionIds.of(NORTH, EXT, "NUL-7");
    private static final TransactionIds ANSWERED = ASKED.withSupplyingAgencyRequestId("EXT-L-1");

    // ---- fixtures ----

    private static Partner partnerSpeaking(SchemaVersion version) {
        return new Partner(42L, EXT, false, URI.create("https://ill.ext.example.org/iso18626"), version, OUR_ACCOUNT,
                "v1:bm9uY2U=:c2VhbGVk", "ext-at-nul", "PBKDF2WithHmacSHA256:1:c2FsdA==:aGFzaA==",
                Duration.ofSeconds(5), Duration.ofSeconds(30), Set.of());
    }

    /** North's loan request as the outbox logged it, without credentials. */
    private static String loggedRequest() {
        return Iso18626Codec.toXml(Iso18626Messages.request(ASKED, NOW,
                Service.of(TypeRequestType.NEW, TypeServiceType.LOAN),
                Item.titled("Introduction to Algorithms", "Cormen, Thomas H.").isbn("9780262033848"),
                List.of(new PostalAddress("North University Library, ILL office", null, "Northtown", "10115", "DE"))));
    }

    private static String loggedRequestingAgencyMessage() {
        return Iso18626Codec.toXml(Iso18626Messages.requestingAgencyMessage(ANSWERED, NOW, TypeAction.RECEIVED,
                "Arrived today"));
    }

    /** What North sends as lender (EXT borrowing from North). */
    private static String loggedSupplyingAgencyMessage() {
        return Iso18626Codec.toXml(Iso18626Messages.supplyingAgencyMessage(
                TransactionIds.of(EXT, NORTH, "EXT-9").withSupplyingAgencyRequestId("S15"), NOW,
                SupplierReport.of(TypeReasonForMessage.REQUEST_RESPONSE, TypeStatus.EXPECT_TO_SUPPLY)));
    }

    private static ReadResult.Accepted read(String wire) {
        return assertInstanceOf(ReadResult.Accepted.class, Iso18626Codec.read(wire), wire);
    }

    private static void assertOurCredentials(RequestingAgencyAuthentication credentials) {
        assertNotNull(credentials);
        assertEquals(OUR_ACCOUNT, credentials.getAccountId());
        assertEquals(OUR_CODE, credentials.getSecurityCode());
    }

    // ---- credentials ----

    @Test
    void aRequestCarriesOurCredentials() {
        String wire = HttpPartnerTransport.onTheWire(loggedRequest(), partnerSpeaking(SchemaVersion.V2021), OUR_CODE);

        ISO18626Message message = read(wire).message();
        assertOurCredentials(message.getRequest().getHeader().getRequestingAgencyAuthentication());
        assertEquals("NUL-7", message.getRequest().getHeader().getRequestingAgencyRequestId());
        assertEquals("Introduction to Algorithms", message.getRequest().getBibliographicInfo().getTitle());
    }

    @Test
    void aRequestingAgencyMessageCarriesOurCredentials() {
        String wire = HttpPartnerTransport.onTheWire(loggedRequestingAgencyMessage(),
                partnerSpeaking(SchemaVersion.V2021), OUR_CODE);

        ISO18626Message message = read(wire).message();
        assertOurCredentials(message.getRequestingAgencyMessage().getHeader().getRequestingAgencyAuthentication());
        assertEquals(TypeAction.RECEIVED, message.getRequestingAgencyMessage().getAction());
    }

    @Test
    void aSupplyingAgencyMessageCarriesNoCredentials() {
        for (SchemaVersion version : SchemaVersion.values()) {
            String wire = HttpPartnerTransport.onTheWire(loggedSupplyingAgencyMessage(), partnerSpeaking(version),
                    OUR_CODE);

            assertFalse(wire.contains("requestingAgencyAuthentication"), wire);
            assertFalse(wire.contains(OUR_ACCOUNT), wire);
            assertFalse(wire.contains("s3cret"), wire);
            assertEquals(TypeStatus.EXPECT_TO_SUPPLY,
                    read(wire).message().getSupplyingAgencyMessage().getStatusInfo().getStatus());
        }
    }

    @Test
    void theLoggedMessageIsNotChanged() {
        String logged = loggedRequest();

        HttpPartnerTransport.onTheWire(logged, partnerSpeaking(SchemaVersion.V2021), OUR_CODE);

        assertFalse(logged.contains("requestingAgencyAuthentication"), logged);
        assertNull(read(logged).message().getRequest().getHeader().getRequestingAgencyAuthentication());
    }

    // ---- schema version ----

    @Test
    void aPartnerSpeaking2021GetsA2021Message() {
        String wire = HttpPartnerTransport.onTheWire(loggedRequest(), partnerSpeaking(SchemaVersion.V2021), OUR_CODE);

        assertTrue(wire.contains("version=\"2021-2\""), wire);
        assertEquals(Iso18626Version.V2021, read(wire).version());
    }

    @Test
    void aPartnerSpeaking12GetsAValid12MessageWithOurCredentials() {
        for (String logged : List.of(loggedRequest(), loggedRequestingAgencyMessage())) {
            String wire = HttpPartnerTransport.onTheWire(logged, partnerSpeaking(SchemaVersion.V1_2), OUR_CODE);

            assertTrue(wire.contains("version=\"1.2\""), wire);
            ReadResult.Accepted read = read(wire);
            assertEquals(Iso18626Version.V1_2, read.version());
            ISO18626Message message = read.message();
            assertOurCredentials(message.getRequest() != null
                    ? message.getRequest().getHeader().getRequestingAgencyAuthentication()
                    : message.getRequestingAgencyMessage().getHeader().getRequestingAgencyAuthentication());
        }
        String lender = HttpPartnerTransport.onTheWire(loggedSupplyingAgencyMessage(),
                partnerSpeaking(SchemaVersion.V1_2), OUR_CODE);
        assertEquals(Iso18626Version.V1_2, read(lender).version());
    }

    // ---- retries ----

    @Test
    void theSameLoggedMessageGivesTheSameBytesEveryTime() {
        for (SchemaVersion version : SchemaVersion.values()) {
            for (String logged : List.of(loggedRequest(), loggedRequestingAgencyMessage(),
                    loggedSupplyingAgencyMessage())) {
                String first = HttpPartnerTransport.onTheWire(logged, partnerSpeaking(version), OUR_CODE);
                String again = HttpPartnerTransport.onTheWire(logged, partnerSpeaking(version), OUR_CODE);

                assertEquals(first, again, version + " " + logged);
            }
        }
    }
}
