package app.carnival.url;

import java.net.URI;
import java.net.URISyntaxException;

/** Resolution of the relative links feeds are full of, tolerant of the sloppy URLs they contain. */
public final class Urls {

    private Urls() {
    }

    /**
     * Resolves {@code ref} against {@code base} (either may be null); returns null when no absolute
     * URL results.
     */
    public static String resolve(String base, String ref) {
        URI refUri = parse(ref);
        if (refUri == null) {
            return null;
        }
        if (refUri.isAbsolute()) {
            return refUri.toString();
        }
        URI baseUri = parse(base);
        if (baseUri == null || !baseUri.isAbsolute() || baseUri.isOpaque()) {
            return null;
        }
        if (baseUri.getRawPath() == null || baseUri.getRawPath().isEmpty()) {
            // URI.resolve glues "https://host" and "a" into "https://hosta" without this.
            baseUri = baseUri.resolve("/");
        }
        return baseUri.resolve(refUri).toString();
    }

    private static URI parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        try {
            return new URI(trimmed);
        } catch (URISyntaxException e) {
            // Spaces and other unescaped characters are common in feed links; browsers escape them.
            try {
                return new URI(escapeIllegalCharacters(trimmed));
            } catch (URISyntaxException stillInvalid) {
                return null;
            }
        }
    }

    private static String escapeIllegalCharacters(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (char c : value.toCharArray()) {
            if (c == ' ' || c == '"' || c == '<' || c == '>' || c == '\\' || c == '^' || c == '`'
                    || c == '{' || c == '|' || c == '}') {
                out.append('%').append(String.format("%02X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
