package org.openill.domain.library;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapsId;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.openill.domain.IllRuleViolation;
import org.openill.domain.InvalidInputException;
import org.openill.domain.Text;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How a partner library hosted elsewhere is reached over ISO 18626: its endpoint, the schema version it is written
 * to, the credentials it must present to us and those we present to it, time-outs, and the deviations from the
 * standard its implementation is known for and that we tolerate. The partner's security code is kept only as a
 * one-way hash; ours, which must be sent as it is, only encrypted with the server's key. Neither is ever printed.
 */
@Entity
@Table(name = "partner_profile")
public class PartnerProfile {

    public static final int URL_LENGTH = 500;
    public static final int ACCOUNT_LENGTH = 100;
    public static final int CODE_LENGTH = 100;

    /** The ISO 18626 schema a partner's system is written to, and so the one we write to it. */
    public enum SchemaVersion {
        V2021("2021"), V1_2("1.2");

        private final String code;

        SchemaVersion(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        public static SchemaVersion of(String code) {
            return Arrays.stream(values()).filter(v -> v.code.equals(code == null ? "" : code.strip())).findFirst()
                    .orElseThrow(() -> new InvalidInputException("schema version", "The ISO 18626 schema version must "
                            + "be 2021 or 1.2, not " + code));
        }
    }

    /**
     * Deviations from the standard seen in partners' implementations that we accept from a partner declared to show
     * them, and from no one else.
     */
    public enum Deviation {
        /** Coded values (status, action, reason for message ...) written in another case, e.g. "loaned". */
        CODES_IN_ANY_CASE,
        /** Elements the schema does not know are dropped instead of refusing the message. */
        UNKNOWN_ELEMENTS_IGNORED
    }

    @Id
    @Column(name = "library_id")
    private Long id;

    @MapsId
    @OneToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "library_id")
    private Library library;

    @Column(name = "endpoint_url", nullable = false, length = URL_LENGTH)
    private String endpointUrl;

    @Column(name = "schema_version", nullable = false, length = 10)
    private String schemaVersion;

    @Column(name = "inbound_account_id", nullable = false, length = ACCOUNT_LENGTH)
    private String inboundAccountId;

    @Column(name = "inbound_code_hash", nullable = false, length = 300)
    private String inboundCodeHash;

    @Column(name = "outbound_account_id", nullable = false, length = ACCOUNT_LENGTH)
    private String outboundAccountId;

    @Column(name = "outbound_code_encrypted", nullable = false, length = 500)
    private String outboundCodeEncrypted;

    @Column(name = "connect_timeout_ms", nullable = false)
    private int connectTimeoutMs;

    @Column(name = "response_timeout_ms", nullable = false)
    private int responseTimeoutMs;

    @Column(nullable = false, length = 500)
    private String deviations;

    @Version
    private long version;

    protected PartnerProfile() {
        // for JPA
    }

    /**
     * The profile of a library hosted elsewhere.
     *
     * @param inboundCodeHash       the one-way hash of the security code the partner must present
     * @param outboundCodeEncrypted our security code for the partner, encrypted with the server's key
     */
    public PartnerProfile(Library library, String endpointUrl, SchemaVersion schemaVersion, String inboundAccountId,
                          String inboundCodeHash, String outboundAccountId, String outboundCodeEncrypted) {
        if (library.isHosted()) {
            throw new IllRuleViolation(library.agencyId().value() + " is hosted here: it needs no partner profile");
        }
        this.library = library;
        this.endpointUrl = endpoint(endpointUrl);
        this.schemaVersion = (schemaVersion == null ? SchemaVersion.V2021 : schemaVersion).code();
        this.inboundAccountId = Text.required("partner's account id", inboundAccountId, ACCOUNT_LENGTH);
        this.inboundCodeHash = Text.required("partner's security code", inboundCodeHash, 300);
        this.outboundAccountId = Text.required("our account id", outboundAccountId, ACCOUNT_LENGTH);
        this.outboundCodeEncrypted = Text.required("our security code", outboundCodeEncrypted, 500);
        this.connectTimeoutMs = 5_000;
        this.responseTimeoutMs = 30_000;
        this.deviations = "";
    }

    /** The endpoint checked: an absolute http or https URL. */
    public static String endpoint(String url) {
        String checked = Text.required("ISO 18626 endpoint", url, URL_LENGTH);
        try {
            URI uri = new URI(checked);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new InvalidInputException("ISO 18626 endpoint", "The ISO 18626 endpoint must be an http or "
                        + "https address, such as https://ill.example.org/iso18626, not " + checked);
            }
            return checked;
        } catch (URISyntaxException bad) {
            throw new InvalidInputException("ISO 18626 endpoint", "The ISO 18626 endpoint is no address: " + checked);
        }
    }

    /** The time-outs of a delivery to this partner: to connect, and to get the answer. */
    public void timeouts(Duration connect, Duration response) {
        if (connect == null || response == null || connect.toMillis() < 100 || response.toMillis() < 100
                || connect.toMillis() > 120_000 || response.toMillis() > 600_000) {
            throw new InvalidInputException("time-outs", "Time-outs must be between 0.1 s and 2 min to connect, "
                    + "0.1 s and 10 min for the answer");
        }
        this.connectTimeoutMs = (int) connect.toMillis();
        this.responseTimeoutMs = (int) response.toMillis();
    }

    /** Declares the deviations from the standard this partner's implementation shows, tolerated from it alone. */
    public void tolerate(Set<Deviation> tolerated) {
        this.deviations = tolerated == null ? "" : tolerated.stream().map(Enum::name).sorted()
                .collect(Collectors.joining(","));
    }

    public void changeInboundCredentials(String accountId, String codeHash) {
        this.inboundAccountId = Text.required("partner's account id", accountId, ACCOUNT_LENGTH);
        this.inboundCodeHash = Text.required("partner's security code", codeHash, 300);
    }

    public void changeOutboundCredentials(String accountId, String codeEncrypted) {
        this.outboundAccountId = Text.required("our account id", accountId, ACCOUNT_LENGTH);
        this.outboundCodeEncrypted = Text.required("our security code", codeEncrypted, 500);
    }

    public void moveTo(String endpointUrl, SchemaVersion schemaVersion) {
        this.endpointUrl = endpoint(endpointUrl);
        this.schemaVersion = (schemaVersion == null ? SchemaVersion.V2021 : schemaVersion).code();
    }

    public Library library() {
        return library;
    }

    public URI endpoint() {
        return URI.create(endpointUrl);
    }

    public SchemaVersion schemaVersion() {
        return SchemaVersion.of(schemaVersion);
    }

    public String inboundAccountId() {
        return inboundAccountId;
    }

    public String inboundCodeHash() {
        return inboundCodeHash;
    }

    public String outboundAccountId() {
        return outboundAccountId;
    }

    public String outboundCodeEncrypted() {
        return outboundCodeEncrypted;
    }

    public Duration connectTimeout() {
        return Duration.ofMillis(connectTimeoutMs);
    }

    public Duration responseTimeout() {
        return Duration.ofMillis(responseTimeoutMs);
    }

    public Set<Deviation> tolerated() {
        EnumSet<Deviation> set = EnumSet.noneOf(Deviation.class);
        for (String name : deviations.split(",")) {
            if (!name.isBlank()) {
                set.add(Deviation.valueOf(name.strip()));
            }
        }
        return Collections.unmodifiableSet(set);
    }

    public long version() {
        return version;
    }

    @Override
    public String toString() {
        return "PartnerProfile[" + library.agencyId().value() + " at " + endpointUrl + ", ISO 18626 " + schemaVersion
                + "]"; // never the credentials
    }
}
