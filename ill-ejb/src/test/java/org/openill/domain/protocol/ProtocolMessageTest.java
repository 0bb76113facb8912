package org.openill.domain.protocol;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The protocol log never holds a partner's security code: it is blanked, whatever the prefix, and nothing else is. */
class ProtocolMessageTest {

    private static final String SECRET = "s3cret-Code";

    /** A request header carrying the borrower's credentials, its elements in the namespace with the prefix given. */
    private static String requestWithCredentials(String prefix, String securityCode) {
        String p = prefix.isEmpty() ? "" : prefix + ":";
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<" + p + "ISO18626Message xmlns" + (prefix.isEmpty() ? "" : ":" + prefix)
                + "=\"http://illtransactions.org/2013/iso18626\">\n"
                + "    <" + p + "request>\n"
                + "        <" + p + "header>\n"
                + "            <" + p + "requestingAgencyAuthentication>\n"
                + "                <" + p + "accountId>nul-at-ext</" + p + "accountId>\n"
                + "                <" + p + "securityCode>" + securityCode + "</" + p + "securityCode>\n"
                + "            </" + p + "requestingAgencyAuthentication>\n"
                + "            <" + p + "requestingAgencyRequestId>NUL-7</" + p + "requestingAgencyRequestId>\n"
                + "        </" + p + "header>\n"
                + "        <" + p + "serviceInfo><" + p + "note>the securityCode is " + SECRET + "? no</" + p
                + "note></" + p + "serviceInfo>\n"
                + "    </" + p + "request>\n"
                + "</" + p + "ISO18626Message>\n";
    }

    @Test
    void theSecurityCodeIsBlankedAndNothingElseChanged() {
        assertEquals(requestWithCredentials("", "***"),
                ProtocolMessage.withoutSecrets(requestWithCredentials("", SECRET)));
    }

    @Test
    void theSecurityCodeIsBlankedWhateverItsNamespacePrefix() {
        assertEquals(requestWithCredentials("ill", "***"),
                ProtocolMessage.withoutSecrets(requestWithCredentials("ill", SECRET)));
        assertEquals(requestWithCredentials("ns2", "***"),
                ProtocolMessage.withoutSecrets(requestWithCredentials("ns2", SECRET)));
        assertEquals(requestWithCredentials("my.ill-ns", "***"),
                ProtocolMessage.withoutSecrets(requestWithCredentials("my.ill-ns", SECRET)));
    }

    @Test
    void aSecurityCodeWithEntitiesOrSpreadOverLinesIsBlankedWhole() {
        assertEquals(requestWithCredentials("", "***"),
                ProtocolMessage.withoutSecrets(requestWithCredentials("", "a&amp;b&lt;c&#x41;")));
        assertEquals(requestWithCredentials("", "***"),
                ProtocolMessage.withoutSecrets(requestWithCredentials("", "\n   " + SECRET + "\n   ")));
    }

    @Test
    void aSecurityCodeInCdataOrWithACommentIsBlankedWhole() {
        assertEquals(requestWithCredentials("", "***"),
                ProtocolMessage.withoutSecrets(requestWithCredentials("", "<![CDATA[" + SECRET + "]]>")));
        assertEquals(requestWithCredentials("ill", "***"),
                ProtocolMessage.withoutSecrets(requestWithCredentials("ill", "<![CDATA[a<b>]]>c<![CDATA[d]]>")));
        assertEquals(requestWithCredentials("", "***"),
                ProtocolMessage.withoutSecrets(requestWithCredentials("", "s3<!-- x -->cret")));
    }

    @Test
    void aSecurityCodeWhoseEndTagHasSpaceBeforeItsBracketIsBlanked() {
        String xml = "<ill:securityCode>" + SECRET + "</ill:securityCode\n >";

        assertEquals("<ill:securityCode>***</ill:securityCode\n >", ProtocolMessage.withoutSecrets(xml));
    }

    @Test
    void aVeryLongSecurityCodeIsBlankedWithoutExhaustingTheStack() {
        String huge = "x".repeat(200_000) + "<!-- -->" + "y".repeat(200_000);

        assertEquals(requestWithCredentials("", "***"),
                ProtocolMessage.withoutSecrets(requestWithCredentials("", huge)));
    }

    @Test
    void anEmptySecurityCodeElementDoesNotSwallowWhatFollows() {
        String xml = "<securityCode/><note>keep</note><securityCode>" + SECRET + "</securityCode>";

        assertEquals("<securityCode/><note>keep</note><securityCode>***</securityCode>",
                ProtocolMessage.withoutSecrets(xml));
    }

    @Test
    void aSecurityCodeWithAnAttributeIsBlanked() {
        String xml = "<securityCode xml:space=\"preserve\">" + SECRET + "</securityCode>";

        assertEquals("<securityCode xml:space=\"preserve\">***</securityCode>", ProtocolMessage.withoutSecrets(xml));
    }

    @Test
    void elementsWhoseNamesOnlyBeginWithSecurityCodeAreUntouched() {
        String xml = "<securityCodeHint>" + SECRET + "</securityCodeHint>";

        assertEquals(xml, ProtocolMessage.withoutSecrets(xml));
    }

    @Test
    void aMessageWithoutCredentialsIsUntouched() {
        String xml = requestWithCredentials("", SECRET).replaceAll("(?s)<requestingAgencyAuthentication>.*"
                + "</requestingAgencyAuthentication>\n", "");

        assertEquals(xml, ProtocolMessage.withoutSecrets(xml));
        assertNull(ProtocolMessage.withoutSecrets(null));
    }

    @Test
    void theLoggedLineKeepsTheMessageWithoutItsSecurityCode() {
        ProtocolMessage line = new ProtocolMessage(null, null, null, ProtocolMessage.Direction.IN, "request",
                "New Loan", "ISIL:ZZ-EXT", "ISIL:ZZ-NUL", "NUL-7", Instant.parse("2026-11-29T10:00:00Z"),
                requestWithCredentials("ill", SECRET));

        assertEquals(requestWithCredentials("ill", "***"), line.xml());
        assertFalse(line.xml().contains(">" + SECRET + "<"), line.xml());
    }
}
