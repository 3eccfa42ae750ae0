package app.carnival.feed.parse;

import com.ctc.wstx.api.WstxInputProperties;
import com.ctc.wstx.stax.WstxInputFactory;
import java.io.StringReader;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jdom2.Document;
import org.jdom2.JDOMException;
import org.jdom2.input.StAXStreamBuilder;

/**
 * Reads a well-formed feed into the JDOM tree that ROME maps, with Woodstox. ROME's own reader uses the JDK's
 * Xerces, whose CDATA scanner, where a WordPress feed keeps every post, took half of a first poll's CPU
 * (JFR, bench scenario first); Woodstox builds the same tree about three times as fast. Only the tokenizer
 * changes: ROME still decides what the tree means.
 */
final class FeedTrees {

    private static final XMLInputFactory FACTORY = factory();

    private FeedTrees() {}

    /**
     * The document, or empty when the text is not well-formed or declares a DOCTYPE, which ROME's reader refuses.
     * Empty sends the caller down ROME's own reader, so a feed that fails keeps the error and the healing it
     * always had.
     */
    static Optional<Document> read(String xml) {
        try {
            XMLStreamReader reader = FACTORY.createXMLStreamReader(new StringReader(xml));
            try {
                Document document = new StAXStreamBuilder().build(reader);
                return document.getDocType() == null ? Optional.of(document) : Optional.empty();
            } finally {
                reader.close();
            }
        } catch (XMLStreamException | JDOMException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = new WstxInputFactory();
        // No DTD, no external entity: nothing is loaded and no entity is expanded but XML's five.
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setXMLResolver((publicId, systemId, base, namespace) -> {
            throw new XMLStreamException("external entities are not read: " + systemId);
        });
        // Each text and CDATA section whole, as Xerces gives them: by default Woodstox splits a long one where its
        // input buffer ends, so the same entry made different trees, and different fingerprints, at different
        // places in the body (EntryPrints).
        factory.setProperty(WstxInputProperties.P_MIN_TEXT_SEGMENT, Integer.MAX_VALUE);
        return factory;
    }
}
