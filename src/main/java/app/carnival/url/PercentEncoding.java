package app.carnival.url;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Brings percent-encoding into one canonical form so that differently escaped spellings of the
 * same URL component compare equal ({@code %7Euser} = {@code ~user}, {@code caf%C3%A9} = {@code café}).
 * Escapes of characters that carry meaning in the component stay escaped (upper-case hex), so
 * that, say, {@code a%2Fb} stays distinct from {@code a/b}.
 */
final class PercentEncoding {

    private PercentEncoding() {
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
            decoded = StandardCharsets.UTF_8.newDecoder()
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
                out.append('%').append(String.format("%02X", (int) c));
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
