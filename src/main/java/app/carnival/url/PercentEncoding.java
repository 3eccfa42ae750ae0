package app.carnival.url;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Percent-encoding of URL components: the escapes browsers add when they read a URL, the ASCII
 * form sent on the wire, and one canonical form so that differently escaped spellings of the same
 * component compare equal ({@code %7Euser} = {@code ~user}, {@code caf%C3%A9} = {@code café}).
 */
final class PercentEncoding {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /** RFC 3986 unreserved and sub-delims, ':' and '@': what a path segment may hold unescaped. */
    static final String PCHAR_PUNCTUATION = "-._~!$&'()*+,;=:@";

    private PercentEncoding() {}

    /**
     * True for the ASCII characters browsers escape wherever they occur in a URL: controls, space,
     * DEL and {@code " < > \ ^ ` { | }}. Non-ASCII characters are not among them.
     */
    static boolean isUnsafe(char c) {
        return c <= ' ' || c == 0x7F || "\"<>\\^`{|}".indexOf(c) >= 0;
    }

    /** The component with its {@link #isUnsafe unsafe} characters escaped; non-ASCII text is kept. */
    static String escapeUnsafe(String component) {
        int first = 0;
        while (first < component.length() && !isUnsafe(component.charAt(first))) {
            first++;
        }
        if (first == component.length()) {
            return component;
        }
        StringBuilder out = new StringBuilder(component.length() + 8).append(component, 0, first);
        for (int i = first; i < component.length(); i++) {
            char c = component.charAt(i);
            if (isUnsafe(c)) {
                appendEscape(out, c);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * The component in ASCII, for a request line: letters, digits, the given punctuation and
     * well-formed escapes are kept, every other character is escaped as its UTF-8 bytes (a stray
     * {@code %} becomes {@code %25}).
     */
    static String escapeForWire(String component, String allowedPunctuation) {
        StringBuilder out = null;
        int i = 0;
        while (i < component.length()) {
            char c = component.charAt(i);
            int next = i + 1;
            boolean keep = c < 0x80 && (Character.isLetterOrDigit(c) || allowedPunctuation.indexOf(c) >= 0)
                    || isEscape(component, i);
            if (!keep && out == null) {
                out = new StringBuilder(component.length() + 16).append(component, 0, i);
            }
            if (keep) {
                if (out != null) {
                    out.append(c);
                }
            } else {
                next = i + Character.charCount(component.codePointAt(i));
                for (byte b : component.substring(i, next).getBytes(StandardCharsets.UTF_8)) {
                    appendEscape(out, b & 0xFF);
                }
            }
            i = next;
        }
        return out == null ? component : out.toString();
    }

    private static void appendEscape(StringBuilder out, int b) {
        out.append('%').append(HEX[b >> 4]).append(HEX[b & 0xF]);
    }

    /**
     * @param component   a raw path or query
     * @param keepEscaped characters whose escape must not be decoded in this component ('%' always)
     */
    static String canonical(String component, String keepEscaped) {
        StringBuilder out = new StringBuilder(component.length());
        int i = 0;
        while (i < component.length()) {
            if (isEscape(component, i)) {
                // decode a whole run of escapes at once: one character may span several UTF-8 bytes
                int start = i;
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                while (isEscape(component, i)) {
                    bytes.write(Integer.parseInt(component.substring(i + 1, i + 3), 16));
                    i += 3;
                }
                appendDecoded(out, component.substring(start, i), bytes.toByteArray(), keepEscaped);
            } else {
                out.append(component.charAt(i++));
            }
        }
        return out.toString();
    }

    private static void appendDecoded(StringBuilder out, String raw, byte[] bytes, String keepEscaped) {
        String decoded;
        try {
            decoded = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            // not text we can name (e.g. Latin-1 bytes): compare the escapes themselves
            out.append(raw.toUpperCase(Locale.ROOT));
            return;
        }
        for (int k = 0; k < decoded.length(); k++) {
            char c = decoded.charAt(k);
            if (c == '%' || keepEscaped.indexOf(c) >= 0) {
                appendEscape(out, c);
            } else {
                out.append(c);
            }
        }
    }

    private static boolean isEscape(String s, int i) {
        return i + 2 < s.length() && s.charAt(i) == '%' && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2));
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
