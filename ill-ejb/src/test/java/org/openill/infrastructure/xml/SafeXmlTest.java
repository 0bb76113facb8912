package org.openill.infrastructure.xml;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

import javax.xml.validation.Schema;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SafeXmlTest {

    private static final String ISO18626 = "http://illtransactions.org/2013/iso18626";

    private static final HostileXml HOSTILE = HostileXml.aimedAtANewSecretFile();

    static List<HostileXml.Document> hostileDocuments() {
        return HOSTILE.withDocumentTypeTheJdkCanDecode();
    }

    @ParameterizedTest
    @MethodSource("hostileDocuments")
    void saxParserRefusesADocumentTypeWhateverTheEncoding(HostileXml.Document document) throws Exception {
        XMLReader parser = SafeXml.xmlReader();
        StringBuilder text = new StringBuilder();
        parser.setContentHandler(new DefaultHandler() {
            @Override
            public void characters(char[] ch, int start, int length) {
                text.append(ch, start, length);
            }
        });

        SAXException refusal = assertThrows(SAXException.class,
                () -> parser.parse(new InputSource(new ByteArrayInputStream(document.bytes()))));

        assertTrue(SafeXml.isDocumentTypeRefusal(refusal), refusal.toString());
        assertEquals("", text.toString());
        assertFalse(refusal.getMessage().contains(HOSTILE.marker()), refusal.getMessage());
    }

    @ParameterizedTest
    @MethodSource("hostileDocuments")
    void domParserRefusesADocumentTypeWhateverTheEncoding(HostileXml.Document document) throws Exception {
        SAXException refusal = assertThrows(SAXException.class,
                () -> SafeXml.documentBuilder().parse(new ByteArrayInputStream(document.bytes())));

        assertTrue(SafeXml.isDocumentTypeRefusal(refusal), refusal.toString());
        assertFalse(refusal.getMessage().contains(HOSTILE.marker()), refusal.getMessage());
    }

    @Test
    void documentTypeRefusalIsRecognisedWhateverTheServersLanguage() {
        Locale language = Locale.getDefault();
        Locale.setDefault(Locale.GERMAN);
        try {
            SAXException refusal = assertThrows(SAXException.class, () -> SafeXml.xmlReader().parse(
                    new InputSource(new ByteArrayInputStream(HOSTILE.withDocumentType().get(0).bytes()))));

            assertTrue(SafeXml.isDocumentTypeRefusal(refusal), refusal.toString());
        } finally {
            Locale.setDefault(language);
        }
    }

    private static byte[] nested(int depth) {
        return ("<a>".repeat(depth) + "</a>".repeat(depth)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void bothParsersRefuseElementsNestedDeeperThanTheLimitAndReadThoseWithin() throws Exception {
        byte[] tooDeep = nested(SafeXml.MAX_DEPTH + 1);
        assertThrows(SAXException.class, () -> SafeXml.documentBuilder().parse(new ByteArrayInputStream(tooDeep)));
        assertThrows(SAXException.class, () -> SafeXml.xmlReader().parse(
                new InputSource(new ByteArrayInputStream(tooDeep))));

        SafeXml.documentBuilder().parse(new ByteArrayInputStream(nested(SafeXml.MAX_DEPTH)));
        SafeXml.xmlReader().parse(new InputSource(new ByteArrayInputStream(nested(SafeXml.MAX_DEPTH))));
    }

    @Test
    void parserRefusesAnEncodingTheJdkCannotDecode() {
        HostileXml.Document utf7 = HOSTILE.inUtf7();

        assertThrows(IOException.class, () -> SafeXml.xmlReader().parse(
                new InputSource(new ByteArrayInputStream(utf7.bytes()))));
    }

    @Test
    void domParserReadsNamespacedXmlWithoutADocumentType() throws Exception {
        Document message = SafeXml.documentBuilder().parse(new ByteArrayInputStream(confirmation("OK")));

        Element root = message.getDocumentElement();
        assertEquals("ISO18626Message", root.getLocalName());
        assertEquals(ISO18626, root.getNamespaceURI());
        assertEquals("1.2", root.getAttributeNS(ISO18626, "version"));
    }

    @Test
    void xIncludeIsLeftAsAnElementAndTheFileItNamesIsNotRead() throws Exception {
        Document parsed = SafeXml.documentBuilder().parse(new ByteArrayInputStream(HOSTILE.withXInclude().bytes()));

        assertEquals(1, parsed.getElementsByTagNameNS("http://www.w3.org/2001/XInclude", "include").getLength());
        assertFalse(parsed.getDocumentElement().getTextContent().contains(HOSTILE.marker()));
    }

    @Test
    void iso18626MessageIsValidatedAgainstTheStandardsSchemas() throws Exception {
        for (String xsd : List.of("ISO-18626-v1_2.xsd", "ISO-18626-2021-2.xsd")) {
            Schema schema = SafeXml.schema(iso18626Schema(xsd));

            SafeXml.validate(schema, new ByteArrayInputStream(confirmation("OK")));
            SAXParseException invalid = assertThrows(SAXParseException.class,
                    () -> SafeXml.validate(schema, new ByteArrayInputStream(confirmation("FINE"))));
            assertTrue(invalid.getMessage().contains("FINE"), xsd + ": " + invalid.getMessage());
        }
    }

    @Test
    void validationRefusesADocumentType(@TempDir Path folder) throws Exception {
        Path secret = Files.writeString(folder.resolve("secret.txt"), "not for partners");
        byte[] message = new String(confirmation("&secret;"), StandardCharsets.UTF_8).replace("<ISO18626Message",
                "<!DOCTYPE ISO18626Message [<!ENTITY secret SYSTEM \"" + secret.toUri() + "\">]><ISO18626Message")
                .getBytes(StandardCharsets.UTF_8);
        Schema schema = SafeXml.schema(iso18626Schema("ISO-18626-2021-2.xsd"));

        SAXException refusal = assertThrows(SAXException.class,
                () -> SafeXml.validate(schema, new ByteArrayInputStream(message)));

        assertTrue(SafeXml.isDocumentTypeRefusal(refusal), refusal.toString());
    }

    @Test
    void schemaMayNotFetchAnotherSchema(@TempDir Path folder) throws Exception {
        Path imported = Files.writeString(folder.resolve("imported.xsd"), "<xs:schema "
                + "xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" targetNamespace=\"urn:imported\"/>");
        Path importing = Files.writeString(folder.resolve("importing.xsd"), "<xs:schema "
                + "xmlns:xs=\"http://www.w3.org/2001/XMLSchema\"><xs:import namespace=\"urn:imported\" "
                + "schemaLocation=\"" + imported.toUri() + "\"/></xs:schema>");

        SAXParseException refused = assertThrows(SAXParseException.class,
                () -> SafeXml.schema(importing.toUri().toURL()));

        assertTrue(refused.getMessage().contains("accessExternalSchema"), refused.getMessage());
    }

    @Test
    void parsersAreTheJdksOwnWhateverIsOnTheClassPath() {
        assertEquals("java.xml", SafeXml.xmlReader().getClass().getModule().getName());
        assertEquals("java.xml", SafeXml.documentBuilder().getClass().getModule().getName());
    }

    private static URL iso18626Schema(String name) {
        return SafeXmlTest.class.getResource("/iso18626/" + name);
    }

    /** A partner's confirmation that it received a request, with the message status given. */
    private static byte[] confirmation(String messageStatus) {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<ISO18626Message xmlns=\"" + ISO18626 + "\" xmlns:ill=\"" + ISO18626 + "\" ill:version=\"1.2\">"
                + "<requestConfirmation><confirmationHeader>"
                + "<timestamp>2026-03-02T10:15:00Z</timestamp>"
                + "<timestampReceived>2026-03-02T10:15:01Z</timestampReceived>"
                + "<messageStatus>" + messageStatus + "</messageStatus>"
                + "</confirmationHeader></requestConfirmation></ISO18626Message>").getBytes(StandardCharsets.UTF_8);
    }
}
