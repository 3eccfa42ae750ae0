package app.carnival.feed.parse;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.jsoup.nodes.Entities;

/**
 * Repairs the faults of real-world feeds that feed readers tolerate but a strict XML parser rejects,
 * and refuses what must never reach the parser (HTML pages, DOCTYPEs with an internal subset).
 * On a well-formed feed without DOCTYPE every step is a no-op, so healing runs unconditionally.
 */
final class FeedHealer {

    /** Limit on a decompressed body: a small gzip can expand enormously (zip bomb). */
    static final int MAX_DECOMPRESSED_BYTES = 20 * 1024 * 1024;

    private static final String ATOM_NS = "http://www.w3.org/2005/Atom";

    /** Items allowed before the root element: XML declaration / PIs, comments, DOCTYPE. */
    private static final Pattern PROLOG_ITEM = Pattern.compile(
            "\\s*(?:<\\?.*?\\?>|<!--.*?-->|<!DOCTYPE\\s+([^\\s>\\[]*)[^>\\[]*(\\[|>))",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

    private static final Pattern ROOT_START = Pattern.compile("\\s*<([A-Za-z_][\\w.:-]*)");
    private static final Pattern FIRST_ELEMENT = Pattern.compile("<[A-Za-z_]");
    private static final Pattern XMLNS_DEFAULT = Pattern.compile("\\sxmlns\\s*=");

    /** CDATA sections and comments are copied verbatim; every other '&' must start a valid XML reference. */
    private static final Pattern AMPERSAND_CONTEXT = Pattern.compile(
            "<!\\[CDATA\\[.*?]]>|<!--.*?-->|&(?:(#[0-9]+|#[xX][0-9a-fA-F]+)|([A-Za-z][A-Za-z0-9]*))?(;)?",
            Pattern.DOTALL);
    /** Control characters are illegal in XML 1.0 but common in feeds pasted from word processors. */
    private static final Pattern INVALID_XML_CHARS =
            Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]");

    /** Decompresses a body that is still gzip (magic bytes 1f 8b), e.g. served without Content-Encoding. */
    byte[] gunzipIfCompressed(byte[] body) throws FeedParseException {
        if (body.length < 2 || (body[0] & 0xff) != 0x1f || (body[1] & 0xff) != 0x8b) {
            return body;
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(body.length * 4);
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) != -1; ) {
                if (out.size() + n > MAX_DECOMPRESSED_BYTES) {
                    throw new FeedParseException("feed is larger than " + MAX_DECOMPRESSED_BYTES / (1024 * 1024)
                            + " MB after decompression");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new FeedParseException("corrupt gzip-compressed body: " + e.getMessage(), e);
        }
    }

    /** Returns the decoded document in a form a strict, DOCTYPE-refusing XML parser accepts. */
    String heal(String text) throws FeedParseException {
        if (text.isBlank()) {
            throw new FeedParseException("empty response body");
        }
        String xml = dropLeadingJunk(text);
        if (xml == null) {
            throw new FeedParseException("not a feed: the response contains no XML");
        }
        StringBuilder out = new StringBuilder(xml.length() + 64);
        int rootAt = copyPrologWithoutDoctype(xml, out);
        Matcher root = ROOT_START.matcher(xml).region(rootAt, xml.length());
        if (!root.lookingAt()) {
            throw new FeedParseException("not a feed: no root element found");
        }
        String rootName = root.group(1);
        if (rootName.equalsIgnoreCase("html")) {
            throw notAFeedHtml();
        }
        String body = xml.substring(rootAt);
        if (rootName.equals("feed")) {
            body = addMissingAtomNamespace(body);
        } else if (rootName.equals("rss")) {
            body = addMissingChannel(body);
        }
        out.append(fixAmpersands(INVALID_XML_CHARS.matcher(body).replaceAll("")));
        return out.toString();
    }

    /** Whitespace, a BOM or stray output (PHP warnings, blank lines) before the XML declaration or root. */
    private static String dropLeadingJunk(String text) {
        Matcher element = FIRST_ELEMENT.matcher(text);
        int firstElement = element.find() ? element.start() : -1;
        int declaration = text.indexOf("<?xml");
        if (declaration >= 0 && (firstElement < 0 || declaration < firstElement)) {
            return text.substring(declaration);
        }
        int firstMarkup = text.indexOf('<');
        return firstMarkup < 0 ? null : text.substring(firstMarkup);
    }

    /**
     * Copies the prolog to {@code out}, leaving out a DOCTYPE: without DTD processing it only makes
     * the parser refuse the document. Returns where the root element starts.
     */
    private static int copyPrologWithoutDoctype(String xml, StringBuilder out) throws FeedParseException {
        Matcher item = PROLOG_ITEM.matcher(xml);
        int at = 0;
        while (item.region(at, xml.length()).lookingAt()) {
            String doctypeRoot = item.group(1);
            if (doctypeRoot == null) {
                out.append(xml, at, item.end());
            } else if ("[".equals(item.group(2))) {
                // Internal subsets are where XXE and billion-laughs entities live; never parse them.
                throw new FeedParseException(
                        xml.indexOf("<!ENTITY", item.end()) >= 0
                                ? "DOCTYPE with entity declarations is not allowed"
                                : "DOCTYPE with an internal subset is not allowed");
            } else if (doctypeRoot.equalsIgnoreCase("html")) {
                throw notAFeedHtml();
            }
            at = item.end();
        }
        return at;
    }

    /** Some generators (Jekyll) write a bare {@code <feed>}, which no Atom parser recognises. */
    private static String addMissingAtomNamespace(String body) {
        int tagEnd = body.indexOf('>');
        if (tagEnd < 0 || XMLNS_DEFAULT.matcher(body.substring(0, tagEnd)).find()) {
            return body;
        }
        return "<feed xmlns=\"" + ATOM_NS + "\"" + body.substring("<feed".length());
    }

    /** Feed readers take an {@code <rss>} without channel as an empty feed; ROME fails on it with an NPE. */
    private static String addMissingChannel(String body) {
        int close = body.lastIndexOf("</rss>");
        if (body.contains("<channel") || close < 0) {
            return body;
        }
        return body.substring(0, close) + "<channel/>" + body.substring(close);
    }

    /**
     * Turns HTML named entities (undeclared in XML) into numeric references and escapes bare
     * ampersands, as browsers and feed readers read them.
     */
    private static String fixAmpersands(String body) {
        Matcher m = AMPERSAND_CONTEXT.matcher(body);
        StringBuilder out = new StringBuilder(body.length() + 64);
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(replacementFor(m)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String replacementFor(Matcher m) {
        String whole = m.group();
        if (!whole.startsWith("&")) {
            return whole; // CDATA section or comment
        }
        boolean terminated = m.group(3) != null;
        if (m.group(1) != null && terminated) {
            return whole;
        }
        String name = m.group(2);
        if (name != null && terminated) {
            if (isXmlEntity(name)) {
                return whole;
            }
            int[] codepoints = new int[2];
            int count = Entities.codepointsForName(name, codepoints);
            if (count > 0) {
                StringBuilder refs = new StringBuilder();
                for (int i = 0; i < count; i++) {
                    refs.append("&#").append(codepoints[i]).append(';');
                }
                return refs.toString();
            }
        }
        return "&amp;" + whole.substring(1);
    }

    private static boolean isXmlEntity(String name) {
        return switch (name) {
            case "amp", "lt", "gt", "quot", "apos" -> true;
            default -> false;
        };
    }

    private static FeedParseException notAFeedHtml() {
        return new FeedParseException("not a feed: the server returned an HTML page");
    }
}
