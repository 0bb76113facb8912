package org.openill.infrastructure.xml;

import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.sax.SAXSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import javax.xml.validation.ValidatorHandler;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;

/**
 * The parsers for every XML document that reaches the server from outside: uploaded MARCXML files, ISO 18626
 * messages of partner libraries. Such a document may declare a document type whose entities copy the server's own
 * files, or pages of other servers, into what is read, or swell a few bytes into gigabytes. These parsers refuse any
 * document type, resolve no external entity, DTD, schema or XInclude, and keep the JDK's processing limits.
 * <p>
 * They are the JDK's own implementation, chosen explicitly: WildFly or a library may put another parser first on the
 * class path, which might not know, or might ignore, some of these settings. A setting the parser does not take stops
 * this class from loading, so the server fails at the first use rather than parsing unprotected.
 */
public final class SafeXml {

    private static final String DISALLOW_DOCTYPE = "http://apache.org/xml/features/disallow-doctype-decl";
    private static final String EXTERNAL_GENERAL_ENTITIES = "http://xml.org/sax/features/external-general-entities";
    private static final String EXTERNAL_PARAMETER_ENTITIES = "http://xml.org/sax/features/external-parameter-entities";
    private static final String LOAD_EXTERNAL_DTD = "http://apache.org/xml/features/nonvalidating/load-external-dtd";
    private static final String NO_PROTOCOL = "";
    private static final String MAX_ELEMENT_DEPTH = "jdk.xml.maxElementDepth";

    /**
     * How deep elements may nest: ISO 18626 messages and MARCXML records nest a handful of levels; a document nested
     * thousands deep is an attack on the parser, refused.
     */
    public static final int MAX_DEPTH = 64;

    /** Errors end the parsing; warnings are of no use to a server. */
    private static final ErrorHandler STRICT = new ErrorHandler() {
        @Override
        public void warning(SAXParseException exception) {
        }

        @Override
        public void error(SAXParseException exception) throws SAXParseException {
            throw exception;
        }

        @Override
        public void fatalError(SAXParseException exception) throws SAXParseException {
            throw exception;
        }
    };

    /** What ends a parsing at its first error (a recoverable one too) and keeps quiet about warnings. */
    public static ErrorHandler strict() {
        return STRICT;
    }

    private static final SAXParserFactory SAX = saxParserFactory();
    private static final DocumentBuilderFactory DOM = documentBuilderFactory();

    static {
        // the settings that belong to each parser rather than to its factory: fail now, not at the first upload
        xmlReader();
        documentBuilder();
    }

    private SafeXml() {
    }

    /** A namespace-aware SAX parser, for a content handler that takes a document as it streams past. */
    public static XMLReader xmlReader() {
        try {
            SAXParser parser;
            synchronized (SAX) {
                parser = SAX.newSAXParser();
            }
            parser.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, NO_PROTOCOL);
            parser.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, NO_PROTOCOL);
            parser.setProperty(MAX_ELEMENT_DEPTH, String.valueOf(MAX_DEPTH));
            return parser.getXMLReader();
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("The JDK's SAX parser does not take the settings that make it safe", e);
        }
    }

    /**
     * The document, parsed with {@link #xmlReader()}, as a source for JAXB's {@code Unmarshaller} or a transformation,
     * which then create no parser of their own.
     */
    public static SAXSource source(InputStream document) {
        return new SAXSource(xmlReader(), new InputSource(document));
    }

    /** A namespace-aware DOM parser, which throws on every error instead of printing it. */
    public static DocumentBuilder documentBuilder() {
        try {
            DocumentBuilder builder;
            synchronized (DOM) {
                builder = DOM.newDocumentBuilder();
            }
            builder.setErrorHandler(STRICT);
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("The JDK's DOM parser does not take the settings that make it safe", e);
        }
    }

    /**
     * The XML schema in one of the server's own files, such as the ISO 18626 schemas, which must be complete in
     * itself: it may neither import nor include other files.
     * <p>
     * The file is opened here, through its URL's own protocol handler, rather than by the schema parser: inside WildFly
     * a class path resource is a {@code vfs:} URL, which the JDK's parser must not be relied on to open.
     */
    public static Schema schema(URL xsd) throws SAXException, IOException {
        SchemaFactory factory = SchemaFactory.newDefaultInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, NO_PROTOCOL);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, NO_PROTOCOL);
        factory.setErrorHandler(STRICT);
        try (InputStream in = xsd.openStream()) {
            return factory.newSchema(new StreamSource(in, xsd.toExternalForm()));
        }
    }

    /**
     * Checks the document against the schema, parsing it with {@link #xmlReader()}. A {@link Validator} left to parse a
     * stream itself would take a document type: the validator does not honour the setting that refuses one.
     *
     * @throws SAXException where the document is not well-formed or breaks the schema, or declares a document type
     */
    public static void validate(Schema schema, InputStream document) throws SAXException, IOException {
        validator(schema).validate(source(document));
    }

    /**
     * A validator against the schema that fetches nothing and stops at the first error. Give it a {@link SAXSource}
     * from {@link #source(InputStream)} or a {@code DOMSource} of a document parsed by {@link #documentBuilder()}, never
     * a stream to parse itself (see {@link #validate(Schema, InputStream)}).
     */
    public static Validator validator(Schema schema) throws SAXException {
        Validator validator = schema.newValidator();
        validator.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, NO_PROTOCOL);
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, NO_PROTOCOL);
        validator.setErrorHandler(STRICT);
        return validator;
    }

    /**
     * A checker against the schema that takes a document as SAX events (from a parser of {@link #xmlReader()}), hands
     * them on to its content handler, fetches nothing and stops at the first error.
     */
    public static ValidatorHandler validatorHandler(Schema schema) throws SAXException {
        ValidatorHandler handler = schema.newValidatorHandler();
        handler.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        handler.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, NO_PROTOCOL);
        handler.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, NO_PROTOCOL);
        handler.setErrorHandler(STRICT);
        return handler;
    }

    /** Whether the parser stopped because the document declares a document type, which these parsers refuse. */
    public static boolean isDocumentTypeRefusal(SAXException failure) {
        // The JDK's message names the feature that refused the document type, in each of the languages it speaks.
        return failure instanceof SAXParseException && failure.getMessage() != null
                && failure.getMessage().contains(DISALLOW_DOCTYPE);
    }

    private static SAXParserFactory saxParserFactory() {
        SAXParserFactory factory = SAXParserFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        factory.setValidating(false);
        factory.setXIncludeAware(false);
        try {
            refuseDocumentTypes(factory::setFeature);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("The JDK's SAX parser does not take the settings that make it safe", e);
        }
        return factory;
    }

    private static DocumentBuilderFactory documentBuilderFactory() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        factory.setValidating(false);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        try {
            refuseDocumentTypes(factory::setFeature);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, NO_PROTOCOL);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, NO_PROTOCOL);
            factory.setAttribute(MAX_ELEMENT_DEPTH, String.valueOf(MAX_DEPTH));
        } catch (ParserConfigurationException | SAXException | IllegalArgumentException e) {
            throw new IllegalStateException("The JDK's DOM parser does not take the settings that make it safe", e);
        }
        return factory;
    }

    /** The features the SAX and the DOM parser share: no document type, nothing external, the JDK's limits. */
    private static void refuseDocumentTypes(Feature factory) throws ParserConfigurationException, SAXException {
        factory.set(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.set(DISALLOW_DOCTYPE, true);
        factory.set(EXTERNAL_GENERAL_ENTITIES, false);
        factory.set(EXTERNAL_PARAMETER_ENTITIES, false);
        factory.set(LOAD_EXTERNAL_DTD, false);
    }

    /** A parser factory's setFeature. */
    @FunctionalInterface
    private interface Feature {
        void set(String name, boolean value) throws ParserConfigurationException, SAXException;
    }
}
