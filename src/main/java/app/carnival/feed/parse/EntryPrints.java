package app.carnival.feed.parse;

import app.carnival.security.Digests;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.jdom2.Attribute;
import org.jdom2.CDATA;
import org.jdom2.Comment;
import org.jdom2.Content;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.EntityRef;
import org.jdom2.Namespace;
import org.jdom2.ProcessingInstruction;
import org.jdom2.Text;

/**
 * Fingerprints of a feed's entries as written, taken before ROME maps them. An entry whose fingerprint the
 * last recorded poll saw maps to the entry stored then, so a poll need not map it again: in a feed with one
 * new post among 50, mapping the other 49 was half of the poller's CPU (JFR, bench scenario changed).
 *
 * <p>A fingerprint is a SHA-256 of the entry's markup (names, namespaces, attributes, text, CDATA apart) and of
 * everything outside the entries that mapping may read: the address the feed was fetched from, its root and
 * channel with their links, bases, authors. The feed's own dates are left out: they change with every new
 * post, and ROME dates an entry by its own elements only. Including more only costs a re-mapping.
 */
final class EntryPrints {

    /** Raise when what an entry maps to changes (EntryMapper, ROME): every entry is then mapped again once. */
    private static final int MAPPING_VERSION = 1;

    private static final Set<String> FEED_DATES = Set.of("lastBuildDate", "pubDate", "updated", "modified", "date");

    private EntryPrints() {}

    /**
     * The entry elements ROME reads, in document order: {@code rss/channel/item}, RSS 1.0's and 0.90's
     * {@code rdf:RDF/item}, Atom's {@code feed/entry}. Empty for any other root.
     */
    static List<Element> entries(Document document) {
        Element root = document.getRootElement();
        List<Element> entries = new ArrayList<>();
        switch (root.getName()) {
            case "rss" -> {
                for (Element channel : children(root, "channel")) {
                    entries.addAll(children(channel, "item"));
                }
            }
            case "RDF" -> entries.addAll(children(root, "item"));
            case "feed" -> entries.addAll(children(root, "entry"));
            default -> {
                // not a feed ROME maps entry by entry
            }
        }
        return entries;
    }

    private static List<Element> children(Element parent, String name) {
        return parent.getChildren().stream()
                .filter(e -> e.getName().equals(name))
                .toList();
    }

    /** The fingerprints of {@code entries} (from {@link #entries}), in their order. */
    static long[] of(Document document, String feedUrl, List<Element> entries) {
        Hasher context = new Hasher();
        context.string(String.valueOf(MAPPING_VERSION));
        context.string(feedUrl == null ? "" : feedUrl);
        Set<Element> skipped = Collections.newSetFromMap(new IdentityHashMap<>());
        skipped.addAll(entries);
        context.element(document.getRootElement(), skipped, 0);
        byte[] prefix = context.digest();
        long[] prints = new long[entries.size()];
        Hasher entry = new Hasher();
        for (int i = 0; i < prints.length; i++) {
            entry.bytes(prefix);
            entry.element(entries.get(i), Set.of(), -1);
            prints[i] = ByteBuffer.wrap(entry.digest()).getLong();
        }
        return prints;
    }

    /** Writes a canonical, unambiguous form of the markup (every string length-prefixed) into a SHA-256. */
    private static final class Hasher {

        private final MessageDigest digest = Digests.newSha256();
        private final byte[] buffer = new byte[8192];
        private int used;

        /**
         * @param skipped elements left out (the entries, when hashing what surrounds them)
         * @param depth   0 for the root, 1 for its children...; below 0 the feed's dates are kept (inside an entry)
         */
        void element(Element e, Set<Element> skipped, int depth) {
            tag('<');
            string(e.getNamespaceURI());
            string(e.getNamespacePrefix());
            string(e.getName());
            for (Namespace ns : e.getAdditionalNamespaces()) {
                tag('n');
                string(ns.getPrefix());
                string(ns.getURI());
            }
            for (Attribute a : e.getAttributes()) {
                tag('a');
                string(a.getNamespaceURI());
                string(a.getNamespacePrefix());
                string(a.getName());
                string(a.getValue());
            }
            for (Content c : e.getContent()) {
                if (c instanceof Element child) {
                    if (!skipped.contains(child) && !isFeedDate(child, e, depth)) {
                        element(child, skipped, depth < 0 ? depth : depth + 1);
                    }
                } else if (c instanceof Text t) {
                    if (isBetweenEntries(e, depth) && t.getTextTrim().isEmpty()) {
                        // the indentation around entries: one more entry adds one more
                        continue;
                    }
                    tag(t instanceof CDATA ? 'c' : 't');
                    string(t.getText());
                } else if (c instanceof EntityRef ref) {
                    tag('&');
                    string(ref.getName());
                } else if (c instanceof Comment comment) {
                    tag('!');
                    string(comment.getText());
                } else if (c instanceof ProcessingInstruction pi) {
                    tag('?');
                    string(pi.getTarget());
                    string(pi.getData());
                }
            }
            tag('>');
        }

        /** The element holding the entries: the root (Atom, RDF) or an RSS channel. */
        private static boolean isBetweenEntries(Element e, int depth) {
            return depth == 0 || (depth == 1 && e.getName().equals("channel"));
        }

        /** A date of the feed itself: a child of the root (Atom, RDF) or of an RSS channel. */
        private static boolean isFeedDate(Element child, Element parent, int depth) {
            return FEED_DATES.contains(child.getName()) && isBetweenEntries(parent, depth);
        }

        void tag(char c) {
            room(1);
            buffer[used++] = (byte) c;
        }

        void string(String s) {
            // UTF-8: half the bytes of UTF-16 for the usual text, and the JDK encodes ASCII in bulk
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            room(4);
            buffer[used++] = (byte) (utf8.length >>> 24);
            buffer[used++] = (byte) (utf8.length >>> 16);
            buffer[used++] = (byte) (utf8.length >>> 8);
            buffer[used++] = (byte) utf8.length;
            if (utf8.length > buffer.length - used) {
                bytes(utf8);
            } else {
                System.arraycopy(utf8, 0, buffer, used, utf8.length);
                used += utf8.length;
            }
        }

        void bytes(byte[] b) {
            flush();
            digest.update(b);
        }

        byte[] digest() {
            flush();
            return digest.digest();
        }

        private void room(int n) {
            if (used + n > buffer.length) {
                flush();
            }
        }

        private void flush() {
            digest.update(buffer, 0, used);
            used = 0;
        }
    }
}
