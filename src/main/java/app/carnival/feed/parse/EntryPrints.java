package app.carnival.feed.parse;

import app.carnival.security.Digests;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Objects;
import java.util.Set;
import org.jdom2.Attribute;
import org.jdom2.CDATA;
import org.jdom2.Comment;
import org.jdom2.Content;
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
 * <p>A fingerprint is a SHA-256 of the entry's markup exactly as written, and of everything outside the
 * entries that mapping may read, in canonical form (names, namespaces, attributes, text, CDATA apart): the
 * address the feed was fetched from, its root and channel with their links, bases, authors. The feed's own
 * dates are left out: they change with every new post, and ROME dates an entry by its own elements only. The
 * entries' markup is hashed as text so that a poll need not build their trees ({@link FeedTrees.Entries#SKIP});
 * the same entry written otherwise only costs a re-mapping.
 */
final class EntryPrints {

    /** Raise when what an entry maps to changes (EntryMapper, ROME): every entry is then mapped again once. */
    private static final int MAPPING_VERSION = 2;

    private static final Set<String> FEED_DATES = Set.of("lastBuildDate", "pubDate", "updated", "modified", "date");

    private EntryPrints() {}

    /** The fingerprints of the tree's entries, in their order. */
    static long[] of(FeedTrees.Tree tree, String xml, String feedUrl) {
        Hasher context = new Hasher();
        context.string(String.valueOf(MAPPING_VERSION));
        context.string(feedUrl == null ? "" : feedUrl);
        Set<Element> entries = Collections.newSetFromMap(new IdentityHashMap<>());
        tree.entries().stream()
                .map(FeedTrees.Entry::element)
                .filter(Objects::nonNull)
                .forEach(entries::add);
        context.element(tree.document().getRootElement(), entries, 0);
        byte[] prefix = context.digest();
        long[] prints = new long[tree.entries().size()];
        Hasher entry = new Hasher();
        for (int i = 0; i < prints.length; i++) {
            entry.bytes(prefix);
            entry.bytes(tree.entries().get(i).markup(xml).getBytes(StandardCharsets.UTF_8));
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
         * @param entries the entries in the tree, left out
         * @param depth   0 for the root, 1 for its children...
         */
        void element(Element e, Set<Element> entries, int depth) {
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
            boolean betweenEntries = isBetweenEntries(e, depth);
            for (Content c : e.getContent()) {
                if (c instanceof Element child) {
                    if (!betweenEntries || !entries.contains(child) && !FEED_DATES.contains(child.getName())) {
                        element(child, entries, depth + 1);
                    }
                } else if (c instanceof Text t) {
                    if (betweenEntries && t.getTextTrim().isEmpty()) {
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

        /** The element holding the entries and the feed's own dates: the root (Atom, RDF) or an RSS channel. */
        private static boolean isBetweenEntries(Element e, int depth) {
            return depth == 0 || (depth == 1 && e.getName().equals("channel"));
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
