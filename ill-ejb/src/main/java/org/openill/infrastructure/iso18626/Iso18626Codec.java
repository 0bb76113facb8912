package org.openill.infrastructure.iso18626;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import jakarta.xml.bind.Unmarshaller;
import jakarta.xml.bind.UnmarshallerHandler;
import org.openill.infrastructure.iso18626.ReadResult.Accepted;
import org.openill.infrastructure.iso18626.ReadResult.Fault;
import org.openill.infrastructure.iso18626.ReadResult.Rejected;
import org.openill.infrastructure.xml.SafeXml;
import org.openill.iso18626.v2021.ISO18626Message;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;

import javax.xml.XMLConstants;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import javax.xml.validation.Schema;
import javax.xml.validation.Validator;
import javax.xml.validation.ValidatorHandler;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns ISO 18626 messages into XML and back. What we write follows the 2021 schema and is checked against it before
 * it leaves; what partners send is parsed with the hardened parser ({@link SafeXml}), checked against the schema of
 * the version it claims (2021 or 1.2), and handed on in the 2021 classes, or refused with the element and value at
 * fault, from which the ISO 18626 endpoint answers with its {@code errorData}.
 * <p>
 * The schemas and the JAXB context are compiled once and shared; schema checkers, readers and document writers are
 * pooled, each used by one thread at a time, so the class is safe to use from any thread.
 */
public final class Iso18626Codec {

    static final String NAMESPACE = "http://illtransactions.org/2013/iso18626";
    private static final String ROOT = "ISO18626Message";

    /** The JDK validator's property holding the element it was checking when it reported an error. */
    private static final String CURRENT_ELEMENT = "http://apache.org/xml/properties/dom/current-element-node";
    /** The elements a schema error lists as expected, written {"namespace":name} in every language of the JDK. */
    private static final Pattern EXPECTED_ELEMENT = Pattern.compile("\"[^\"]*\":([\\w.-]+)");

    private static final JAXBContext CONTEXT = context();
    private static final Map<Iso18626Version, CompiledSchema> SCHEMAS = schemas();

    private Iso18626Codec() {
    }

    /**
     * The message as indented XML, valid against the 2021 schema.
     *
     * @throws IllegalStateException when the message breaks the schema: the code that built it is wrong, and it must
     *                               never reach a partner; the exception names the element and the value at fault
     */
    public static String toXml(ISO18626Message message) {
        String xml = written(message);
        if (!isValid(Iso18626Version.V2021, xml) && read(xml) instanceof Rejected rejected) {
            throw new IllegalStateException("The ISO 18626 message we built breaks the 2021 schema: " + rejected.text()
                    + "\n" + xml);
        }
        return xml;
    }

    /** The message as indented XML, not checked. */
    private static String written(ISO18626Message message) {
        StringWriter xml = new StringWriter();
        Marshaller marshaller = MARSHALLERS.poll();
        boolean reusable = false;
        try {
            if (marshaller == null) {
                marshaller = CONTEXT.createMarshaller();
                marshaller.setProperty(Marshaller.JAXB_FORMATTED_OUTPUT, true);
                marshaller.setProperty(Marshaller.JAXB_ENCODING, "UTF-8");
            }
            marshaller.marshal(message, xml);
            reusable = true;
        } catch (JAXBException e) {
            throw new IllegalStateException("The ISO 18626 message cannot be written as XML", e);
        } finally {
            if (reusable && MARSHALLERS.size() < POOLED) {
                MARSHALLERS.offer(marshaller);
            }
        }
        return xml.toString();
    }

    /**
     * The message for a partner that speaks the 1.2 schema (ISO 18626:2017): the same message written as that schema
     * has it, as {@link Version12Downgrade} describes (what 1.2 has no place for is left out and told in the note,
     * codes 2021 added are mapped to the nearest 1.2 code), indented, and checked against the 1.2 schema. The same
     * message always gives the same text, byte for byte, so a partner can tell a retry for what it is.
     *
     * @param message a message valid against the 2021 schema, of any of the six kinds
     * @throws IllegalArgumentException when {@code message} is no valid 2021 message
     * @throws IllegalStateException    when the message cannot be said in 1.2 (a request that names no supplier);
     *                                  the exception names the element at fault. The message cannot go to this
     *                                  partner
     */
    public static String asVersion12(ISO18626Message message) {
        // written without the 2021 check of toXml: asVersion12 checks it against 2021 first, then against 1.2
        return asVersion12(written(message));
    }

    /**
     * The message as {@link #asVersion12(ISO18626Message)} writes it, from its 2021 XML.
     *
     * @throws IllegalArgumentException when {@code xml2021} is no valid 2021 message
     * @throws IllegalStateException    when the message cannot be said in 1.2
     */
    public static String asVersion12(String xml2021) {
        Document document = parse(xml2021);
        MessageKind kind = kindOf(document).orElseThrow(() -> new IllegalArgumentException(
                "Not an ISO 18626 message: " + xml2021));
        if (!isValid(Iso18626Version.V2021, xml2021)) {
            check(document, Iso18626Version.V2021, kind).ifPresent(fault -> {
                throw new IllegalArgumentException("Not a valid ISO 18626 2021-2 message: " + fault.text());
            });
        }
        Version12Downgrade.toV12(document);
        String xml = write(document);
        // what is checked is what is returned, not the document it was written from
        if (!isValid(Iso18626Version.V1_2, xml)) {
            check(parse(xml), Iso18626Version.V1_2, kind).ifPresent(fault -> {
                throw new IllegalStateException("The " + kind.element() + " cannot be sent in ISO 18626 1.2: "
                        + fault.text() + "\n" + xml);
            });
        }
        return xml;
    }

    /**
     * Whether XML we wrote is valid against the schema of the version: a plain check, without a document tree; where it
     * is not, the slower checks of a document say why.
     */
    private static boolean isValid(Iso18626Version version, String xml) {
        java.util.Queue<Validator> pool = VALIDATORS.get(version);
        Validator validator = pool.poll();
        try {
            if (validator == null) {
                validator = SafeXml.validator(SCHEMAS.get(version).schema());
            }
            validator.validate(new javax.xml.transform.stream.StreamSource(new StringReader(xml)));
            return true;
        } catch (SAXException | IOException invalid) {
            return false;
        } finally {
            if (validator != null && pool.size() < POOLED) {
                // each validate starts afresh; Validator.reset would drop its security settings
                pool.offer(validator);
            }
        }
    }

    /**
     * Checkers of each schema, readers of the 2021 schema and writers of documents, kept for the next message: making
     * one costs more than using it. Each is used by one thread at a time (taken from its pool, given back after).
     */
    private static final Map<Iso18626Version, java.util.Queue<Validator>> VALIDATORS = Map.of(
            Iso18626Version.V2021, new java.util.concurrent.ConcurrentLinkedQueue<>(),
            Iso18626Version.V1_2, new java.util.concurrent.ConcurrentLinkedQueue<>());
    private static final java.util.Queue<Reader2021> READERS = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private static final java.util.Queue<Reader2021> OWN_READERS = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private static final java.util.Queue<Marshaller> MARSHALLERS = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private static final java.util.Queue<Transformer> WRITERS = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private static final TransformerFactory TRANSFORMERS = TransformerFactory.newDefaultInstance();
    private static final int POOLED = 32;

    /**
     * A confirmation written for a partner that speaks the 1.2 schema, checked against that schema.
     *
     * @throws IllegalStateException when it is no confirmation or does not fit the 1.2 schema
     */
    public static String confirmationAsVersion12(String confirmation2021) {
        if (kindOf(parse(confirmation2021)).filter(kind -> kind.element().endsWith("Confirmation")).isEmpty()) {
            throw new IllegalStateException("Not a confirmation: " + confirmation2021);
        }
        return asVersion12(confirmation2021);
    }

    /** The kind of message the document holds, if it is an ISO18626Message holding one of the six. */
    private static Optional<MessageKind> kindOf(Document document) {
        Element root = document.getDocumentElement();
        Element body = firstChildElement(root);
        return !isIso18626(root, ROOT) || body == null || !isIso18626(body, body.getLocalName()) ? Optional.empty()
                : Optional.ofNullable(MessageKind.ofElement(body.getLocalName()));
    }

    /** A document of ours, or one we wrote: anything unreadable in it is a mistake of the caller. */
    private static Document parse(String xml) {
        try {
            return SafeXml.documentBuilder().parse(new InputSource(new StringReader(xml)));
        } catch (SAXException | IOException e) {
            throw new IllegalArgumentException("Not well-formed XML: " + e.getMessage(), e);
        }
    }

    /**
     * The document as UTF-8 XML indented by four spaces, as {@link #toXml} writes; the indentation and comments it
     * came with are dropped first, so only its elements, attributes and text decide what is written.
     */
    private static String write(Document document) {
        for (Node child = document.getFirstChild(); child != null; ) {
            Node next = child.getNextSibling();
            if (child.getNodeType() == Node.COMMENT_NODE) {
                document.removeChild(child);
            }
            child = next;
        }
        dropIndentation(document.getDocumentElement());
        Transformer transformer = WRITERS.poll();
        try {
            if (transformer == null) {
                synchronized (TRANSFORMERS) {
                    transformer = TRANSFORMERS.newTransformer();
                }
                transformer.setOutputProperty(OutputKeys.METHOD, "xml");
                transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
                // written below: the JDK would put the root element on the declaration's line
                transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
                transformer.setOutputProperty(OutputKeys.INDENT, "yes");
                transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "4");
            }
            StringWriter xml = new StringWriter().append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
            transformer.transform(new DOMSource(document), new StreamResult(xml));
            if (WRITERS.size() < POOLED) {
                WRITERS.offer(transformer); // one that failed is dropped, not reused
            }
            // the JDK ends its lines as the platform does; the same message is to be the same bytes on every server
            return xml.toString().replace(System.lineSeparator(), "\n");
        } catch (TransformerException e) {
            throw new IllegalStateException("The ISO 18626 message cannot be written as XML", e);
        }
    }

    /** Removes the white space and comments between elements; the text of an element without children stays. */
    private static void dropIndentation(Element element) {
        if (firstChildElement(element) == null) {
            return;
        }
        for (Node child = element.getFirstChild(); child != null; ) {
            Node next = child.getNextSibling();
            if (child.getNodeType() == Node.COMMENT_NODE
                    || child.getNodeType() == Node.TEXT_NODE && child.getTextContent().isBlank()) {
                element.removeChild(child);
            } else if (child instanceof Element childElement) {
                dropIndentation(childElement);
            }
            child = next;
        }
    }

    /** Reads a message as it arrived: bytes, in the encoding its XML declaration names (UTF-8 if none). */
    public static ReadResult read(byte[] xml) {
        String head = new String(xml, 0, Math.min(xml.length, HEAD), StandardCharsets.ISO_8859_1);
        Optional<ReadResult> inOnePass = claims12(head) ? Optional.empty()
                : readValid2021(new InputSource(new ByteArrayInputStream(xml)));
        return inOnePass.orElseGet(() -> read(new InputSource(new ByteArrayInputStream(xml)), Tolerance.NONE));
    }

    /** Reads a message as it arrived, tolerating the deviations from the standard its sender is known for. */
    public static ReadResult read(byte[] xml, Tolerance tolerance) {
        return read(new InputSource(new ByteArrayInputStream(xml)), tolerance);
    }

    /** Reads a message that is already text (any encoding its XML declaration names is then moot). */
    public static ReadResult read(String xml) {
        Optional<ReadResult> inOnePass = claims12(xml.substring(0, Math.min(xml.length(), HEAD))) ? Optional.empty()
                : readValid2021(new InputSource(new StringReader(xml)));
        return inOnePass.orElseGet(() -> read(new InputSource(new StringReader(xml)), Tolerance.NONE));
    }

    /**
     * Reads a message this server wrote itself ({@link #toXml}, which checked it against the 2021 schema before it was
     * stored) and now delivers to a library it hosts: parsed by the hardened parser straight into objects, without
     * checking it against the schema a second time. Anything unexpected is read as {@link #read(String)} reads a
     * partner's message.
     */
    public static ReadResult readOwn(String xml) {
        Reader2021 reader = OWN_READERS.poll();
        boolean reusable = false;
        try {
            if (reader == null) {
                reader = new Reader2021(false);
            }
            Object read = reader.read(new InputSource(new StringReader(xml)));
            reusable = true;
            if (read instanceof ISO18626Message message
                    && Iso18626Version.claimedBy(message.getVersion()) == Iso18626Version.V2021
                    && MessageKind.of(message) != null) {
                return new Accepted(message, MessageKind.of(message), Iso18626Version.V2021);
            }
        } catch (JAXBException | SAXException | IOException | RuntimeException unexpected) {
            // read in full below, which says what is wrong
        } finally {
            if (reusable && OWN_READERS.size() < POOLED) {
                OWN_READERS.offer(reader);
            }
        }
        return read(xml);
    }

    /** How much of a message's beginning is looked at for the version it claims. */
    private static final int HEAD = 600;
    private static final Pattern CLAIMS_12 = Pattern.compile(":version\\s*=\\s*[\"']1\\.[0-2][\"']");

    /**
     * Whether the beginning of a message claims the 1.2 schema in its (qualified) version attribute: no use trying to
     * read it as 2021 in one pass. The XML declaration's own version is not qualified.
     */
    private static boolean claims12(String head) {
        return CLAIMS_12.matcher(head).find();
    }

    /**
     * The common case, read in one pass: a message that claims the 2021 schema and is valid against it, parsed,
     * checked and turned into objects while it streams past (no document tree, no second pass). Anything else (another
     * version, an error of any kind) is left to the full reading, which says exactly what is wrong; so both give the
     * same result for every message.
     */
    private static Optional<ReadResult> readValid2021(InputSource xml) {
        Reader2021 reader = READERS.poll();
        boolean reusable = false;
        try {
            if (reader == null) {
                reader = new Reader2021(true);
            }
            Object read = reader.read(xml);
            reusable = true;
            if (read instanceof ISO18626Message message
                    && Iso18626Version.claimedBy(message.getVersion()) == Iso18626Version.V2021) {
                MessageKind kind = MessageKind.of(message);
                return kind == null ? Optional.empty()
                        : Optional.of(new Accepted(message, kind, Iso18626Version.V2021));
            }
            return Optional.empty();
        } catch (JAXBException | SAXException | IOException | RuntimeException notInOnePass) {
            return Optional.empty();
        } finally {
            if (reusable && READERS.size() < POOLED) {
                READERS.offer(reader); // one that failed half-way is dropped, not reused
            }
        }
    }

    /**
     * The one-pass reading of a 2021 message: the hardened parser feeds the schema's checker, which feeds the objects'
     * builder; the first schema error stops it. (Of a message we wrote and checked ourselves, the parser feeds the
     * builder.) Made once and used for one message after another, by one thread at a time.
     */
    private static final class Reader2021 {
        private final XMLReader parser = SafeXml.xmlReader();
        private final Unmarshaller unmarshaller;
        private final UnmarshallerHandler builder;

        Reader2021(boolean checked) throws JAXBException, SAXException {
            unmarshaller = CONTEXT.createUnmarshaller();
            unmarshaller.setEventHandler(event -> false);
            if (checked) {
                builder = unmarshaller.getUnmarshallerHandler();
                ValidatorHandler checker = SafeXml.validatorHandler(SCHEMAS.get(Iso18626Version.V2021).schema());
                checker.setContentHandler(builder);
                parser.setContentHandler(checker);
                parser.setErrorHandler(checker.getErrorHandler()); // not well-formed: stops at once, printing nothing
            } else {
                builder = null; // the unmarshaller reads from the parser itself, as the document streams past
                parser.setErrorHandler(SafeXml.strict());
            }
        }

        Object read(InputSource xml) throws JAXBException, SAXException, IOException {
            if (builder == null) {
                return unmarshaller.unmarshal(new javax.xml.transform.sax.SAXSource(parser, xml));
            }
            parser.parse(xml);
            return builder.getResult();
        }
    }

    /**
     * Deviations from the standard tolerated in a message from a partner declared to show them, corrected before the
     * message is checked against its schema.
     *
     * @param codesInAnyCase         coded values written in another case ("loaned") are read as the code ("Loaned")
     * @param unknownElementsDropped elements the schema does not declare anywhere are dropped, not refused
     */
    public record Tolerance(boolean codesInAnyCase, boolean unknownElementsDropped) {
        public static final Tolerance NONE = new Tolerance(false, false);
    }

    /** The sender's agency of a message, read before it is checked (to know which deviations to tolerate). */
    public static Optional<String[]> senderOf(byte[] xml) {
        try {
            Element root = SafeXml.documentBuilder().parse(new InputSource(new ByteArrayInputStream(xml)))
                    .getDocumentElement();
            Element body = root == null ? null : firstChildElement(root);
            if (body == null) {
                return Optional.empty();
            }
            String role = body.getLocalName().equals("supplyingAgencyMessage") ? "supplyingAgencyId"
                    : "requestingAgencyId";
            Element header = child(body, "header");
            Element agency = header == null ? null : child(header, role);
            Element type = agency == null ? null : child(agency, "agencyIdType");
            Element value = agency == null ? null : child(agency, "agencyIdValue");
            return type == null || value == null ? Optional.empty()
                    : Optional.of(new String[] {type.getTextContent().strip(), value.getTextContent().strip()});
        } catch (SAXException | IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    private static Element child(Element parent, String localName) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && localName.equals(element.getLocalName())) {
                return element;
            }
        }
        return null;
    }

    /** The coded elements whose values a partner may write in another case, with the codes they take. */
    private static final Map<String, List<String>> CODES = Map.of(
            "status", codes(org.openill.iso18626.v2021.TypeStatus.values()),
            "action", codes(org.openill.iso18626.v2021.TypeAction.values()),
            "reasonForMessage", codes(org.openill.iso18626.v2021.TypeReasonForMessage.values()),
            "messageStatus", codes(org.openill.iso18626.v2021.TypeMessageStatus.values()),
            "serviceType", codes(org.openill.iso18626.v2021.TypeServiceType.values()),
            "requestType", codes(org.openill.iso18626.v2021.TypeRequestType.values()),
            "answerYesNo", codes(org.openill.iso18626.v2021.TypeYesNo.values()),
            "errorType", codes(org.openill.iso18626.v2021.TypeErrorType.values()));

    private static List<String> codes(Enum<?>[] values) {
        List<String> codes = new ArrayList<>();
        for (Enum<?> value : values) {
            try {
                codes.add((String) value.getClass().getMethod("value").invoke(value));
            } catch (ReflectiveOperationException generatedEnumsHaveIt) {
                throw new IllegalStateException(generatedEnumsHaveIt);
            }
        }
        return List.copyOf(codes);
    }

    private static void tolerate(Document document, Tolerance tolerance, Iso18626Version version) {
        List<Element> unknown = new ArrayList<>();
        var all = document.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element element = (Element) all.item(i);
            String name = element.getLocalName();
            if (tolerance.unknownElementsDropped() && !SCHEMAS.get(version).elementNames().contains(name)) {
                unknown.add(element);
            } else if (tolerance.codesInAnyCase() && CODES.containsKey(name)) {
                String text = element.getTextContent().strip();
                CODES.get(name).stream().filter(code -> code.equalsIgnoreCase(text) && !code.equals(text)).findFirst()
                        .ifPresent(element::setTextContent);
            }
        }
        unknown.forEach(element -> element.getParentNode().removeChild(element));
    }

    private static ReadResult read(InputSource xml, Tolerance tolerance) {
        Document document;
        try {
            document = SafeXml.documentBuilder().parse(xml);
        } catch (SAXException e) {
            return new Rejected(Fault.NOT_WELL_FORMED, null, null, null, SafeXml.isDocumentTypeRefusal(e)
                    ? "The document declares a document type (DOCTYPE), which an ISO 18626 message may not"
                    : "The document is not well-formed XML: " + e.getMessage());
        } catch (IOException e) {
            return new Rejected(Fault.NOT_WELL_FORMED, null, null, null,
                    "The document cannot be read as XML: " + e.getMessage());
        }
        Element root = document.getDocumentElement();
        if (!isIso18626(root, ROOT)) {
            return new Rejected(Fault.NOT_AN_ISO18626_MESSAGE, null, root.getLocalName(), null, "The document is "
                    + qualifiedName(root) + ", not an ISO18626Message in the namespace " + NAMESPACE);
        }
        Element body = firstChildElement(root);
        MessageKind kind = body == null || !isIso18626(body, body.getLocalName()) ? null
                : MessageKind.ofElement(body.getLocalName());
        if (kind == null) {
            return new Rejected(Fault.NOT_AN_ISO18626_MESSAGE, null, body == null ? null : body.getLocalName(), null,
                    "The ISO18626Message holds " + (body == null ? "no message" : qualifiedName(body))
                            + " where one of the six kinds of message (request, supplyingAgencyMessage, ...) belongs");
        }
        Iso18626Version claimed = Iso18626Version.claimedBy(root.getAttributeNS(NAMESPACE, "version"));
        if (!tolerance.equals(Tolerance.NONE)) {
            tolerate(document, tolerance, claimed);
        }
        Optional<Rejected> fault = check(document, claimed, kind);
        if (fault.isEmpty()) {
            return accept(document, kind, claimed);
        }
        // Some systems put the wrong version on a message; the other schema may still fit it exactly.
        if (check(document, claimed.other(), kind).isEmpty()) {
            return accept(document, kind, claimed.other());
        }
        return fault.get();
    }

    private static Accepted accept(Document document, MessageKind kind, Iso18626Version version) {
        if (version == Iso18626Version.V1_2) {
            Version12Upgrade.toV2021(document);
        }
        try {
            Unmarshaller unmarshaller = CONTEXT.createUnmarshaller();
            // The document is valid, so anything the classes cannot take is a mistake of ours: stop, drop nothing.
            unmarshaller.setEventHandler(event -> false);
            return new Accepted((ISO18626Message) unmarshaller.unmarshal(document), kind, version);
        } catch (JAXBException e) {
            throw new IllegalStateException("A valid ISO 18626 " + version.attribute() + " message does not fit the "
                    + "generated classes", e);
        }
    }

    /** The first error the schema of the version finds in the document, or nothing when it is valid. */
    private static Optional<Rejected> check(Document document, Iso18626Version version, MessageKind kind) {
        CompiledSchema schema = SCHEMAS.get(version);
        try {
            Validator validator = SafeXml.validator(schema.schema());
            ErrorLocation location = new ErrorLocation(validator);
            validator.setErrorHandler(location);
            validator.validate(new DOMSource(document));
            return Optional.empty();
        } catch (SAXParseException e) {
            return Optional.of(schema.describe(e, location(e), kind, version));
        } catch (SAXException | IOException e) {
            throw new IllegalStateException("The ISO 18626 " + version.attribute() + " schema check failed", e);
        }
    }

    private static Element location(SAXParseException e) {
        return e instanceof LocatedError located && located.element instanceof Element element ? element : null;
    }

    private static boolean isIso18626(Element element, String localName) {
        return NAMESPACE.equals(element.getNamespaceURI()) && localName.equals(element.getLocalName());
    }

    private static String qualifiedName(Element element) {
        return element.getNamespaceURI() == null ? "'" + element.getLocalName() + "'"
                : "'{" + element.getNamespaceURI() + "}" + element.getLocalName() + "'";
    }

    static Element firstChildElement(Node parent) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element) {
                return element;
            }
        }
        return null;
    }

    /** The element's path below ISO18626Message, such as supplyingAgencyMessage/statusInfo/status. */
    private static String path(Element element) {
        List<String> names = new ArrayList<>();
        for (Node node = element; node instanceof Element step && node.getParentNode() instanceof Element;
             node = node.getParentNode()) {
            names.add(0, step.getLocalName());
        }
        return names.isEmpty() ? element.getLocalName() : String.join("/", names);
    }

    /** The element's own text, when it holds text rather than other elements. */
    private static String value(Element element) {
        return firstChildElement(element) == null ? element.getTextContent().trim() : null;
    }

    private static JAXBContext context() {
        try {
            return JAXBContext.newInstance(ISO18626Message.class);
        } catch (JAXBException e) {
            throw new IllegalStateException("No JAXB context for the ISO 18626 classes", e);
        }
    }

    private static Map<Iso18626Version, CompiledSchema> schemas() {
        Map<Iso18626Version, CompiledSchema> schemas = new EnumMap<>(Iso18626Version.class);
        for (Iso18626Version version : Iso18626Version.values()) {
            schemas.put(version, CompiledSchema.of(version.schema()));
        }
        return schemas;
    }

    /** A schema ready to validate, with the names of the elements it declares anywhere. */
    private record CompiledSchema(Schema schema, Set<String> elementNames) {

        static CompiledSchema of(URL xsd) {
            try (InputStream in = xsd.openStream()) {
                Set<String> names = new HashSet<>();
                var declarations = SafeXml.documentBuilder().parse(in)
                        .getElementsByTagNameNS(XMLConstants.W3C_XML_SCHEMA_NS_URI, "element");
                for (int i = 0; i < declarations.getLength(); i++) {
                    names.add(((Element) declarations.item(i)).getAttribute("name"));
                }
                names.remove("");
                return new CompiledSchema(SafeXml.schema(xsd), Set.copyOf(names));
            } catch (SAXException | IOException e) {
                throw new IllegalStateException("The ISO 18626 schema " + xsd + " cannot be compiled", e);
            }
        }

        /**
         * The schema error as the fault a partner is told of. The kind of error is read from the key the JDK puts
         * before its message in every language (cvc-...); the element from the validator, the value from the document.
         */
        Rejected describe(SAXParseException error, Element at, MessageKind kind, Iso18626Version version) {
            String detail = error.getMessage();
            String key = detail.startsWith("cvc-") && detail.indexOf(':') > 0
                    ? detail.substring(0, detail.indexOf(':')) : "";
            String schemaName = "ISO 18626 " + version.attribute();
            if (at == null) {
                return new Rejected(Fault.UNRECOGNISED_VALUE, kind, null, null,
                        "The message breaks the " + schemaName + " schema: " + detail);
            }
            String path = path(at);
            List<String> expected = expectedElements(detail, at.getLocalName());
            switch (key) {
                case "cvc-complex-type.2.4.a" -> {
                    String parent = at.getParentNode() instanceof Element p ? path(p) : path;
                    if (!elementNames.contains(at.getLocalName())) {
                        return unrecognised(kind, path, at, schemaName, detail);
                    }
                    if (expected.isEmpty() || hasEarlierSibling(at)) {
                        return new Rejected(Fault.UNRECOGNISED_ELEMENT, kind, path, null, "The element "
                                + at.getLocalName() + " is repeated or out of order in " + parent + " (" + detail + ")");
                    }
                    return new Rejected(Fault.MISSING_ELEMENT, kind, parent + "/" + expected.get(0), null,
                            "The element " + String.join(" or ", expected) + " is missing in " + parent + ", before "
                                    + at.getLocalName() + " (" + detail + ")");
                }
                case "cvc-complex-type.2.4.b" -> {
                    return new Rejected(Fault.MISSING_ELEMENT, kind,
                            path + "/" + (expected.isEmpty() ? "?" : expected.get(0)), null,
                            "The element " + String.join(" or ", expected) + " is missing at the end of " + path
                                    + " (" + detail + ")");
                }
                case "cvc-complex-type.4" -> {
                    return new Rejected(Fault.MISSING_ELEMENT, kind, path, null,
                            "A required attribute is missing on " + path + " (" + detail + ")");
                }
                case "cvc-complex-type.3.2.2" -> {
                    return new Rejected(Fault.UNRECOGNISED_ELEMENT, kind, path, null,
                            "An attribute not part of " + schemaName + " is on " + path + " (" + detail + ")");
                }
                case "cvc-complex-type.2.4.c", "cvc-complex-type.2.4.d", "cvc-complex-type.2.1",
                        "cvc-complex-type.2.2", "cvc-type.3.1.2" -> {
                    return unrecognised(kind, path, at, schemaName, detail);
                }
                default -> {
                    String value = value(at);
                    return new Rejected(Fault.UNRECOGNISED_VALUE, kind, path, value, "The value "
                            + (value == null ? "" : "'" + value + "' ") + "of " + path + " is not one "
                            + schemaName + " allows (" + detail + ")");
                }
            }
        }

        private static Rejected unrecognised(MessageKind kind, String path, Element at, String schemaName,
                                             String detail) {
            return new Rejected(Fault.UNRECOGNISED_ELEMENT, kind, path, null, "The element " + at.getLocalName()
                    + " is not part of " + schemaName + " at " + path + " (" + detail + ")");
        }

        /** The elements the error names, less the one found, which it names too. */
        private static List<String> expectedElements(String detail, String found) {
            List<String> names = new ArrayList<>();
            Matcher matcher = EXPECTED_ELEMENT.matcher(detail);
            while (matcher.find()) {
                if (!matcher.group(1).equals(found)) {
                    names.add(matcher.group(1));
                }
            }
            return names;
        }

        private static boolean hasEarlierSibling(Element element) {
            for (Node node = element.getPreviousSibling(); node != null; node = node.getPreviousSibling()) {
                if (node instanceof Element sibling && sibling.getLocalName().equals(element.getLocalName())) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Notes the element the validator was checking when it found an error, and stops at the first error. */
    private static final class ErrorLocation implements ErrorHandler {

        private final Validator validator;

        ErrorLocation(Validator validator) {
            this.validator = validator;
        }

        @Override
        public void warning(SAXParseException exception) {
        }

        @Override
        public void error(SAXParseException exception) throws SAXParseException {
            throw located(exception);
        }

        @Override
        public void fatalError(SAXParseException exception) throws SAXParseException {
            throw located(exception);
        }

        private SAXParseException located(SAXParseException exception) {
            try {
                return new LocatedError(exception, (Node) validator.getProperty(CURRENT_ELEMENT));
            } catch (SAXException e) {
                return exception;
            }
        }
    }

    /** A schema error with the element at fault. */
    private static final class LocatedError extends SAXParseException {

        private final transient Node element;

        LocatedError(SAXParseException error, Node element) {
            super(error.getMessage(), error.getPublicId(), error.getSystemId(), error.getLineNumber(),
                    error.getColumnNumber(), error);
            this.element = element;
        }
    }
}
