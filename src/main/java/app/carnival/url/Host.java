package app.carnival.url;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Host names as browsers and DNS know them: Unicode labels become punycode through
 * {@link IDN#toASCII} (IDNA 2003, unassigned code points refused), everything is lower-cased, and
 * a name IDN refuses, or with characters no DNS name has, is no host at all.
 */
final class Host {

    private Host() {}

    /**
     * The ASCII form of a host as written in a URL (percent-escapes decoded first, as browsers do):
     * {@code bücher.example} and {@code XN--BCHER-KVA.example} both give {@code xn--bcher-kva.example};
     * an IPv6 literal keeps its brackets. Empty when it is not a usable host name.
     */
    static Optional<String> toAscii(String written) {
        if (written.startsWith("[")) {
            return ipv6Literal(written);
        }
        String name = written.indexOf('%') >= 0 ? PercentEncoding.canonical(written, "") : written;
        if (!isPlainAscii(name)) {
            try {
                name = IDN.toASCII(name, 0);
            } catch (IllegalArgumentException refused) {
                return Optional.empty();
            }
        }
        name = name.toLowerCase(Locale.ROOT);
        return isDnsName(name) ? Optional.of(name) : Optional.empty();
    }

    /** Letters, digits, '-', '_' and '.': IDN.toASCII would leave such a name as it is. */
    private static boolean isPlainAscii(String name) {
        for (int i = 0; i < name.length(); i++) {
            if (!isNameChar(name.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Labels of name characters, none empty (a final dot aside), none over 63, every punycode label decodable. */
    private static boolean isDnsName(String name) {
        if (!isPlainAscii(name)) {
            return false;
        }
        String[] labels = (name.endsWith(".") ? name.substring(0, name.length() - 1) : name).split("\\.", -1);
        for (String label : labels) {
            if (label.isEmpty() || label.length() > 63) {
                return false;
            }
            // IDN.toUnicode gives back what it cannot decode unchanged
            if (label.startsWith("xn--") && IDN.toUnicode(label, 0).equals(label)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isNameChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.';
    }

    private static Optional<String> ipv6Literal(String written) {
        if (!written.endsWith("]") || !written.contains(":")) {
            return Optional.empty();
        }
        try {
            // java.net.URI checks the address syntax without any lookup
            return Optional.ofNullable(new URI("http://" + written + "/").getHost())
                    .map(h -> h.toLowerCase(Locale.ROOT));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
