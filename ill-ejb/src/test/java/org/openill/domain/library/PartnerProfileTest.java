package org.openill.domain.library;

import org.junit.jupiter.api.Test;
import org.openill.domain.IllRuleViolation;
import org.openill.domain.InvalidInputException;
import org.openill.domain.library.PartnerProfile.Deviation;
import org.openill.domain.library.PartnerProfile.SchemaVersion;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How a partner hosted elsewhere is reached: an http(s) endpoint, time-outs within bounds, the deviations tolerated
 * from it, and credentials that never show in what is printed.
 */
class PartnerProfileTest {

    private static final String ENDPOINT = "https://ill.ext.example.org/iso18626";
    private static final String THEIR_ACCOUNT = "ext-at-nul";
    private static final String THEIR_CODE_HASH = "PBKDF2WithHmacSHA256:210000:c2FsdA==:aGFzaA==";
    private static final String OUR_ACCOUNT = "nul-at-ext";
    private static final String OUR_CODE_ENCRYPTED = "v1:bm9uY2Vub25jZQ==:c2VhbGVkY29kZQ==";

    // ---- fixtures ----

    private static Library hostedElsewhere(String isil) {
        Library library = new Library(AgencyId.isil(isil), isil, ZoneId.of("Europe/Berlin"));
        library.hostedElsewhere();
        return library;
    }

    private static PartnerProfile profileAt(String endpoint) {
        return new PartnerProfile(hostedElsewhere("ZZ-EXT"), endpoint, SchemaVersion.V1_2, THEIR_ACCOUNT,
                THEIR_CODE_HASH, OUR_ACCOUNT, OUR_CODE_ENCRYPTED);
    }

    private static PartnerProfile profile() {
        return profileAt(ENDPOINT);
    }

    // ---- endpoint ----

    @Test
    void anHttpOrHttpsAddressIsTheEndpoint() {
        assertEquals(URI.create(ENDPOINT), profile().endpoint());
        assertEquals(URI.create("http://10.0.0.7:8080/ill"), profileAt(" http://10.0.0.7:8080/ill ").endpoint());
        assertEquals("HTTPS://Ill.Ext.Example.org/iso18626", PartnerProfile.endpoint("HTTPS://Ill.Ext.Example.org/iso18626"));
    }

    @Test
    void anEndpointThatIsNoAbsoluteHttpAddressIsRefused() {
        for (String notHttp : new String[] {"ftp://ill.ext.example.org/iso18626", "file:///etc/passwd",
                "mailto:ill@ext.example.org", "javascript:alert(1)", "/iso18626", "ill.ext.example.org/iso18626",
                "https:///iso18626", "https://", "https://ill ext.example.org/", "http://[bad/"}) {
            InvalidInputException refused = assertThrows(InvalidInputException.class,
                    () -> PartnerProfile.endpoint(notHttp), notHttp);
            assertEquals("ISO 18626 endpoint", refused.field(), notHttp);
            assertThrows(InvalidInputException.class, () -> profileAt(notHttp), notHttp);
        }
    }

    @Test
    void aMissingEndpointIsRefused() {
        assertThrows(InvalidInputException.class, () -> PartnerProfile.endpoint(null));
        assertThrows(InvalidInputException.class, () -> PartnerProfile.endpoint("   "));
    }

    @Test
    void anEndpointLongerThanTheColumnIsRefused() {
        String prefix = "https://ill.ext.example.org/";
        String longest = prefix + "a".repeat(PartnerProfile.URL_LENGTH - prefix.length());

        assertEquals(longest, PartnerProfile.endpoint(longest));
        assertThrows(InvalidInputException.class, () -> PartnerProfile.endpoint(longest + "a"));
    }

    @Test
    void movingThePartnerChecksTheNewEndpointAndKeepsTheOldOneWhenRefused() {
        PartnerProfile profile = profile();

        profile.moveTo("https://new.ext.example.org/ill", null);
        assertEquals(URI.create("https://new.ext.example.org/ill"), profile.endpoint());
        assertEquals(SchemaVersion.V2021, profile.schemaVersion(), "no version given: 2021");

        assertThrows(InvalidInputException.class, () -> profile.moveTo("gopher://old.example.org", SchemaVersion.V1_2));
        assertEquals(URI.create("https://new.ext.example.org/ill"), profile.endpoint());
    }

    // ---- time-outs ----

    @Test
    void timeOutsDefaultToFiveAndThirtySeconds() {
        PartnerProfile profile = profile();

        assertEquals(Duration.ofSeconds(5), profile.connectTimeout());
        assertEquals(Duration.ofSeconds(30), profile.responseTimeout());
    }

    @Test
    void timeOutsAtTheBoundsAreTaken() {
        PartnerProfile profile = profile();

        profile.timeouts(Duration.ofMillis(100), Duration.ofMillis(100));
        assertEquals(Duration.ofMillis(100), profile.connectTimeout());
        assertEquals(Duration.ofMillis(100), profile.responseTimeout());

        profile.timeouts(Duration.ofMinutes(2), Duration.ofMinutes(10));
        assertEquals(Duration.ofMinutes(2), profile.connectTimeout());
        assertEquals(Duration.ofMinutes(10), profile.responseTimeout());
    }

    @Test
    void timeOutsOutsideTheBoundsAreRefusedAndTheOldOnesKept() {
        PartnerProfile profile = profile();
        profile.timeouts(Duration.ofSeconds(3), Duration.ofSeconds(20));
        Duration ok = Duration.ofSeconds(10);

        assertThrows(InvalidInputException.class, () -> profile.timeouts(Duration.ofMillis(99), ok));
        assertThrows(InvalidInputException.class, () -> profile.timeouts(ok, Duration.ofMillis(99)));
        assertThrows(InvalidInputException.class, () -> profile.timeouts(Duration.ofMillis(120_001), ok));
        assertThrows(InvalidInputException.class, () -> profile.timeouts(ok, Duration.ofMillis(600_001)));
        assertThrows(InvalidInputException.class, () -> profile.timeouts(Duration.ofSeconds(-1), ok));
        assertThrows(InvalidInputException.class, () -> profile.timeouts(null, ok));
        assertThrows(InvalidInputException.class, () -> profile.timeouts(ok, null));

        assertEquals(Duration.ofSeconds(3), profile.connectTimeout());
        assertEquals(Duration.ofSeconds(20), profile.responseTimeout());
    }

    // ---- deviations ----

    @Test
    void aNewProfileToleratesNoDeviation() {
        assertEquals(Set.of(), profile().tolerated());
    }

    @Test
    void theDeviationsDeclaredAreTheOnesTolerated() {
        PartnerProfile profile = profile();

        profile.tolerate(EnumSet.allOf(Deviation.class));
        assertEquals(EnumSet.allOf(Deviation.class), profile.tolerated());

        profile.tolerate(Set.of(Deviation.UNKNOWN_ELEMENTS_IGNORED));
        assertEquals(Set.of(Deviation.UNKNOWN_ELEMENTS_IGNORED), profile.tolerated());

        profile.tolerate(Set.of(Deviation.CODES_IN_ANY_CASE));
        assertEquals(Set.of(Deviation.CODES_IN_ANY_CASE), profile.tolerated());

        profile.tolerate(Set.of());
        assertEquals(Set.of(), profile.tolerated());

        profile.tolerate(Set.of(Deviation.CODES_IN_ANY_CASE));
        profile.tolerate(null);
        assertEquals(Set.of(), profile.tolerated());
    }

    // ---- schema version ----

    @Test
    void aSchemaVersionIsKnownByItsCode() {
        assertEquals(SchemaVersion.V2021, SchemaVersion.of("2021"));
        assertEquals(SchemaVersion.V1_2, SchemaVersion.of("1.2"));
        assertEquals(SchemaVersion.V1_2, SchemaVersion.of(" 1.2 "));
        for (SchemaVersion version : SchemaVersion.values()) {
            assertEquals(version, SchemaVersion.of(version.code()));
        }
    }

    @Test
    void anUnknownSchemaVersionIsRefused() {
        for (String unknown : new String[] {null, "", "2021-2", "1.1", "V1_2", "2017"}) {
            InvalidInputException refused = assertThrows(InvalidInputException.class, () -> SchemaVersion.of(unknown),
                    unknown);
            assertEquals("schema version", refused.field());
        }
    }

    @Test
    void theProfileKeepsTheSchemaVersionGiven() {
        assertEquals(SchemaVersion.V1_2, profile().schemaVersion());
        assertEquals(SchemaVersion.V2021, new PartnerProfile(hostedElsewhere("ZZ-EXT"), ENDPOINT, null, THEIR_ACCOUNT,
                THEIR_CODE_HASH, OUR_ACCOUNT, OUR_CODE_ENCRYPTED).schemaVersion());
    }

    // ---- the library ----

    @Test
    void aLibraryHostedHereGetsNoProfile() {
        Library hostedHere = new Library(AgencyId.isil("ZZ-NUL"), "North", ZoneId.of("Europe/Berlin"));

        IllRuleViolation refused = assertThrows(IllRuleViolation.class, () -> new PartnerProfile(hostedHere, ENDPOINT,
                SchemaVersion.V2021, THEIR_ACCOUNT, THEIR_CODE_HASH, OUR_ACCOUNT, OUR_CODE_ENCRYPTED));
        assertTrue(refused.getMessage().contains("ZZ-NUL is hosted here"), refused.getMessage());
    }

    @Test
    void credentialsAreRequired() {
        Library ext = hostedElsewhere("ZZ-EXT");

        assertThrows(InvalidInputException.class, () -> new PartnerProfile(ext, ENDPOINT, SchemaVersion.V2021, " ",
                THEIR_CODE_HASH, OUR_ACCOUNT, OUR_CODE_ENCRYPTED));
        assertThrows(InvalidInputException.class, () -> new PartnerProfile(ext, ENDPOINT, SchemaVersion.V2021,
                THEIR_ACCOUNT, null, OUR_ACCOUNT, OUR_CODE_ENCRYPTED));
        assertThrows(InvalidInputException.class, () -> new PartnerProfile(ext, ENDPOINT, SchemaVersion.V2021,
                THEIR_ACCOUNT, THEIR_CODE_HASH, "", OUR_CODE_ENCRYPTED));
        assertThrows(InvalidInputException.class, () -> new PartnerProfile(ext, ENDPOINT, SchemaVersion.V2021,
                THEIR_ACCOUNT, THEIR_CODE_HASH, OUR_ACCOUNT, null));
    }

    // ---- printing ----

    @Test
    void theProfilePrintedNamesThePartnerButNeverItsCredentials() {
        PartnerProfile profile = profile();
        String printed = profile.toString();

        assertTrue(printed.contains("ZZ-EXT"), printed);
        assertTrue(printed.contains(ENDPOINT), printed);
        assertCredentialsAbsent(printed, THEIR_ACCOUNT, THEIR_CODE_HASH, OUR_ACCOUNT, OUR_CODE_ENCRYPTED);

        profile.changeInboundCredentials("ext-new", "PBKDF2WithHmacSHA256:210000:bmV3:bmV3aGFzaA==");
        profile.changeOutboundCredentials("nul-new", "v1:bmV3bm9uY2U=:bmV3c2VhbGVk");
        assertCredentialsAbsent(profile.toString(), "ext-new", "PBKDF2WithHmacSHA256:210000:bmV3:bmV3aGFzaA==",
                "nul-new", "v1:bmV3bm9uY2U=:bmV3c2VhbGVk");
    }

    private static void assertCredentialsAbsent(String printed, String... credentials) {
        for (String credential : credentials) {
            assertFalse(printed.contains(credential), credential + " in " + printed);
        }
        assertFalse(printed.contains("PBKDF2"), printed);
        assertFalse(printed.contains("v1:"), printed);
    }
}
