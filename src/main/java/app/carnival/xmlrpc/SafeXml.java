package app.carnival.xmlrpc;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The JDK's DOM parser, hardened for bodies from anyone: a DOCTYPE is a fatal error (so no
 * external entity, no entity expansion, no billion laughs), nothing external is ever loaded, no
 * XInclude, and the JDK's processing limits apply.
 */
final class SafeXml {

    private static final ErrorHandler FAIL_ON_ERRORS = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
            // a warning leaves the document well-formed
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };

    private SafeXml() {}

    /** @throws XmlRpcException ({@link XmlRpcException.Kind#NOT_WELL_FORMED}) for anything but a well-formed, DOCTYPE-free document */
    static Document parse(byte[] body) throws XmlRpcException {
        try {
            return builder().parse(new ByteArrayInputStream(body));
        } catch (SAXParseException e) {
            throw new XmlRpcException(
                    XmlRpcException.Kind.NOT_WELL_FORMED,
                    "parse error: not well-formed XML at line %d, column %d: %s"
                            .formatted(e.getLineNumber(), e.getColumnNumber(), e.getMessage()));
        } catch (SAXException | IOException e) {
            throw new XmlRpcException(XmlRpcException.Kind.NOT_WELL_FORMED, "parse error: " + e.getMessage());
        }
    }

    private static DocumentBuilder builder() {
        // a new factory each time: factories are not thread-safe, and newDefaultInstance() does no service lookup
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(FAIL_ON_ERRORS); // instead of printing to stderr
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entities are not allowed");
            });
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks a security feature", e);
        }
    }
}
