package org.openill.domain.protocol;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.openill.domain.Text;
import org.openill.domain.lending.SupplierRequest;
import org.openill.domain.library.Library;
import org.openill.domain.request.IllRequest;

import java.time.Instant;

/**
 * One line of a library's protocol log: an ISO 18626 message it sent or received about one of its records of a
 * request (or a confirmation of one), with the XML exactly as it went over the wire. Written once, never changed.
 */
@Entity
@Table(name = "protocol_message")
@SequenceGenerator(name = "protocol_message_seq", sequenceName = "protocol_message_seq", allocationSize = 500)
public class ProtocolMessage {

    public static final int SUMMARY_LENGTH = 200;

    /** Sent by the library whose log this is, or received by it. */
    public enum Direction {
        IN, OUT
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "protocol_message_seq")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "library_id", updatable = false)
    private Library library;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "request_id", updatable = false)
    private IllRequest request;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "supplier_request_id", updatable = false)
    private SupplierRequest supplierRequest;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 3, updatable = false)
    private Direction direction;

    /** The kind of message, as the standard names its element (request, supplyingAgencyMessage ...). */
    @Column(nullable = false, length = 40, updatable = false)
    private String kind;

    /** What it says in a few words: the request type, the status and reason, the action, OK or ERROR. */
    @Column(nullable = false, length = SUMMARY_LENGTH, updatable = false)
    private String summary;

    @Column(nullable = false, length = 50, updatable = false)
    private String sender;

    @Column(nullable = false, length = 50, updatable = false)
    private String receiver;

    @Column(name = "requesting_agency_request_id", length = 100, updatable = false)
    private String requestingAgencyRequestId;

    @Column(name = "logged_at", nullable = false, updatable = false)
    private Instant loggedAt;

    @Column(nullable = false, updatable = false, columnDefinition = "text")
    private String xml;

    protected ProtocolMessage() {
        // for JPA
    }

    public ProtocolMessage(Library library, IllRequest request, SupplierRequest supplierRequest, Direction direction,
                           String kind, String summary, String sender, String receiver,
                           String requestingAgencyRequestId, Instant loggedAt, String xml) {
        this.library = library;
        this.request = request;
        this.supplierRequest = supplierRequest;
        this.direction = direction;
        this.kind = Text.cut(kind, 40);
        this.summary = Text.cut(summary == null || summary.isBlank() ? kind : summary, SUMMARY_LENGTH);
        this.sender = Text.cut(sender == null ? "?" : sender, 50);
        this.receiver = Text.cut(receiver == null ? "?" : receiver, 50);
        this.requestingAgencyRequestId = Text.cut(requestingAgencyRequestId, 100);
        this.loggedAt = loggedAt;
        this.xml = withoutSecrets(xml);
    }

    private static final String SECURITY_CODE_NAME = "securityCode";

    /** A securityCode element with its content: text, CDATA sections and comments; the end tag may end in spaces. */
    private static final java.util.regex.Pattern SECURITY_CODE = java.util.regex.Pattern.compile(
            "(<(?:[\\w.-]+:)?securityCode\\b[^>]*(?<!/)>)(?:[^<]++|<!\\[CDATA\\[.*?]]>|<!--.*?-->)*+"
                    + "(</(?:[\\w.-]+:)?securityCode\\s*>)", java.util.regex.Pattern.DOTALL);

    /** The message with the security code it carries (a partner's credentials) blanked out: it is never logged. */
    public static String withoutSecrets(String xml) {
        if (xml == null) {
            return null;
        }
        // the pattern is tried only where the name occurs, not at every character of the message
        int at = xml.indexOf(SECURITY_CODE_NAME);
        if (at < 0) {
            return xml;
        }
        java.util.regex.Matcher tag = SECURITY_CODE.matcher(xml).useTransparentBounds(true);
        StringBuilder blanked = new StringBuilder(xml.length());
        int copied = 0;
        while (at >= 0) {
            int start = Math.max(copied, xml.lastIndexOf('<', at));
            tag.region(start, xml.length());
            if (tag.lookingAt()) {
                blanked.append(xml, copied, tag.end(1)).append("***").append(tag.group(2));
                copied = tag.end();
                at = xml.indexOf(SECURITY_CODE_NAME, copied);
            } else {
                at = xml.indexOf(SECURITY_CODE_NAME, at + SECURITY_CODE_NAME.length());
            }
        }
        return blanked.append(xml, copied, xml.length()).toString();
    }

    public Long id() {
        return id;
    }

    public Library library() {
        return library;
    }

    public Direction direction() {
        return direction;
    }

    public String kind() {
        return kind;
    }

    public String summary() {
        return summary;
    }

    public String sender() {
        return sender;
    }

    public String receiver() {
        return receiver;
    }

    public String requestingAgencyRequestId() {
        return requestingAgencyRequestId;
    }

    public Instant loggedAt() {
        return loggedAt;
    }

    public String xml() {
        return xml;
    }
}
