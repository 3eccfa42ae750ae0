package app.carnival.feed.parse;

import com.ctc.wstx.api.WstxInputProperties;
import com.ctc.wstx.stax.WstxInputFactory;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import org.codehaus.stax2.XMLStreamReader2;
import org.jdom2.AttributeType;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.JDOMFactory;
import org.jdom2.Namespace;
import org.jdom2.Parent;
import org.jdom2.UncheckedJDOMFactory;

/**
 * Reads a well-formed feed into the JDOM tree that ROME maps, with Woodstox, noting where each entry's markup
 * stands in the text. ROME's own reader uses the JDK's Xerces, whose CDATA scanner, where a WordPress feed keeps
 * every post, took half of a first poll's CPU (JFR, bench scenario first); Woodstox builds the same tree about
 * three times as fast. Only the tokenizer changes: ROME still decides what the tree means.
 *
 * <p>A poll that knows most entries already can leave them out of the tree ({@link Entries#SKIP}): building the
 * tree of the whole body was the largest part of a poll finding one new post among 50 (JFR, bench scenario
 * changed). The entries it then needs are read alone from their markup ({@link #entry}).
 */
final class FeedTrees {

    private static final XMLInputFactory FACTORY = factory();

    /** Woodstox already refuses what JDOM's checks would (names, characters, namespaces): checking twice was 4% of a poll. */
    private static final JDOMFactory JDOM = new UncheckedJDOMFactory();

    /** What a read does with the entry elements. */
    enum Entries {
        /** into the tree, as any other element */
        BUILD,
        /** left out of the tree; only where they stand is noted */
        SKIP
    }

    /**
     * An entry element as ROME finds them, by local name: {@code rss/channel/item}, RSS 1.0's and 0.90's
     * {@code rdf:RDF/item}, Atom's {@code feed/entry}.
     *
     * @param parent  the element holding it
     * @param index   where it stands among the parent's content, or would stand when skipped
     * @param start   where its markup starts in the text
     * @param end     where its markup ends in the text
     * @param element the entry in the tree, null when skipped
     */
    record Entry(Element parent, int index, int start, int end, Element element) {

        String markup(String xml) {
            return xml.substring(start, end);
        }
    }

    /** The document and its entries in document order. */
    record Tree(Document document, List<Entry> entries) {}

    private FeedTrees() {}

    /**
     * The tree, or empty when the text is not well-formed or declares a DOCTYPE, which ROME's reader refuses.
     * Empty sends the caller down ROME's own reader, so a feed that fails keeps the error and the healing it
     * always had.
     */
    static Optional<Tree> read(String xml, Entries entries) {
        try {
            XMLStreamReader2 reader = (XMLStreamReader2) FACTORY.createXMLStreamReader(new StringReader(xml));
            try {
                return Optional.ofNullable(build(reader, entries));
            } finally {
                reader.close();
            }
        } catch (XMLStreamException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * A skipped entry read alone from its markup, inside an element declaring the namespaces its place in the
     * document has; empty when it does not read so (the caller then reads the whole body).
     */
    static Optional<Element> entry(String xml, Entry skipped) {
        StringBuilder wrapped = new StringBuilder(skipped.end() - skipped.start() + 200).append("<wrapper");
        for (Namespace ns : skipped.parent().getNamespacesInScope()) {
            if (ns != Namespace.XML_NAMESPACE) {
                wrapped.append(" xmlns")
                        .append(ns.getPrefix().isEmpty() ? "" : ":" + ns.getPrefix())
                        .append("=\"")
                        .append(attributeValue(ns.getURI()))
                        .append('"');
            }
        }
        wrapped.append('>').append(xml, skipped.start(), skipped.end()).append("</wrapper>");
        return read(wrapped.toString(), Entries.BUILD)
                .map(tree -> tree.document().getRootElement().getChildren())
                .filter(children -> children.size() == 1)
                .map(children -> children.get(0).detach());
    }

    /** The text as an attribute value that reads back to it: whitespace too is escaped, or it would read as spaces. */
    private static String attributeValue(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace("\"", "&quot;")
                .replace("\t", "&#9;")
                .replace("\n", "&#10;")
                .replace("\r", "&#13;");
    }

    /** The tree JDOM's StAXStreamBuilder would build, but for skipped entries; null when there is a DOCTYPE. */
    private static Tree build(XMLStreamReader2 reader, Entries mode) throws XMLStreamException {
        Document document = JDOM.document(null);
        List<Entry> entries = new ArrayList<>();
        Element current = null;
        Element openEntry = null;
        int openStart = 0;
        while (reader.hasNext()) {
            switch (reader.next()) {
                case XMLStreamConstants.START_ELEMENT -> {
                    boolean entry = current != null && holdsEntries(current, reader.getLocalName());
                    int start = entry ? (int) reader.getLocationInfo().getStartingCharOffset() : 0;
                    if (entry && mode == Entries.SKIP) {
                        reader.skipElement();
                        entries.add(new Entry(
                                current,
                                current.getContentSize(),
                                start,
                                (int) reader.getLocationInfo().getEndingCharOffset(),
                                null));
                        continue;
                    }
                    Element element = element(reader);
                    if (current == null) {
                        document.setRootElement(element);
                    } else {
                        current.addContent(element);
                    }
                    if (entry) {
                        openEntry = element;
                        openStart = start;
                    }
                    current = element;
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    Element parent = current.getParentElement();
                    if (current == openEntry) {
                        entries.add(new Entry(
                                parent,
                                parent.indexOf(current),
                                openStart,
                                (int) reader.getLocationInfo().getEndingCharOffset(),
                                current));
                        openEntry = null;
                    }
                    current = parent;
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.SPACE -> {
                    if (current != null) {
                        current.addContent(JDOM.text(reader.getText()));
                    }
                }
                case XMLStreamConstants.CDATA -> current.addContent(JDOM.cdata(reader.getText()));
                case XMLStreamConstants.COMMENT -> parent(document, current).addContent(JDOM.comment(reader.getText()));
                case XMLStreamConstants.PROCESSING_INSTRUCTION ->
                    parent(document, current)
                            .addContent(JDOM.processingInstruction(reader.getPITarget(), reader.getPIData()));
                case XMLStreamConstants.ENTITY_REFERENCE -> current.addContent(JDOM.entityRef(reader.getLocalName()));
                case XMLStreamConstants.DTD -> {
                    return null;
                }
                default -> {
                    // END_DOCUMENT ends the loop; nothing else reaches a tree
                }
            }
        }
        return new Tree(document, entries);
    }

    /** Where content goes: the open element, or the document itself before and after the root. */
    private static Parent parent(Document document, Element current) {
        return current == null ? document : current;
    }

    private static Element element(XMLStreamReader2 reader) {
        Element element = JDOM.element(
                reader.getLocalName(), Namespace.getNamespace(reader.getPrefix(), reader.getNamespaceURI()));
        for (int i = 0, n = reader.getAttributeCount(); i < n; i++) {
            JDOM.setAttribute(
                    element,
                    JDOM.attribute(
                            reader.getAttributeLocalName(i),
                            reader.getAttributeValue(i),
                            AttributeType.getAttributeType(reader.getAttributeType(i)),
                            Namespace.getNamespace(reader.getAttributePrefix(i), reader.getAttributeNamespace(i))));
        }
        for (int i = 0, n = reader.getNamespaceCount(); i < n; i++) {
            element.addNamespaceDeclaration(
                    Namespace.getNamespace(reader.getNamespacePrefix(i), reader.getNamespaceURI(i)));
        }
        return element;
    }

    /** Whether a child of this name is an entry ROME reads. */
    private static boolean holdsEntries(Element parent, String childName) {
        if (parent.isRootElement()) {
            return switch (parent.getName()) {
                case "RDF" -> childName.equals("item");
                case "feed" -> childName.equals("entry");
                default -> false;
            };
        }
        Element grandparent = parent.getParentElement();
        return childName.equals("item")
                && parent.getName().equals("channel")
                && grandparent.isRootElement()
                && grandparent.getName().equals("rss");
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
        // input buffer ends, so the same entry made different trees at different places in the body.
        factory.setProperty(WstxInputProperties.P_MIN_TEXT_SEGMENT, Integer.MAX_VALUE);
        return factory;
    }
}
