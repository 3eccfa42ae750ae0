package app.carnival.url;

/**
 * The one URL resolver: every link Carnival reads (feed links and {@code xml:base}, hrefs, feed
 * announcements, canonical links, redirects) is made absolute here, the way browsers read them.
 * Before RFC 3986 resolution the text is cleaned as the WHATWG URL standard does: leading and
 * trailing controls and spaces dropped, tabs and newlines removed anywhere, and in http(s) URLs a
 * backslash before the query counts as a slash ({@code ..\page} is {@code ../page}).
 */
public final class Urls {

    private Urls() {}

    /**
     * Resolves {@code ref} against {@code base} (either may be null). The result keeps non-ASCII
     * text and the host as written, escapes what browsers escape (spaces, quotes, angle brackets,
     * ...), has no dot segments, and has a path of at least {@code /} when it is http(s); it is
     * null when no absolute URL results: a null {@code ref}, a relative one without a usable base,
     * or an http(s) URL without a valid host or port. As in RFC 3986, an empty {@code ref} names
     * the base itself. Absolute URLs of other schemes ({@code mailto:}, {@code tag:}) are kept.
     */
    public static String resolve(String base, String ref) {
        UriReference resolved = reference(base, ref);
        if (resolved == null) {
            return null;
        }
        if (!resolved.isHttp()) {
            return resolved.toString();
        }
        try {
            return WebUrl.of(resolved).toString();
        } catch (InvalidUrlException e) {
            return null;
        }
    }

    /** The absolute reference {@code ref} names, cleaned as browsers clean it; null when there is none. */
    static UriReference reference(String base, String ref) {
        if (ref == null) {
            return null;
        }
        String text = clean(ref);
        UriReference parsed = UriReference.parse(text);
        UriReference baseRef = null;
        if (!parsed.isAbsolute()) {
            if (base == null) {
                return null;
            }
            baseRef = reference(null, base);
            if (baseRef == null) {
                return null;
            }
        }
        boolean http = parsed.isAbsolute() ? parsed.isHttp() : baseRef.isHttp();
        if (http && text.indexOf('\\') >= 0) {
            parsed = UriReference.parse(backslashesAsSlashes(text));
        }
        return parsed.resolveAgainst(baseRef);
    }

    private static String clean(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isStrippable(s.charAt(start))) {
            start++;
        }
        while (end > start && isStrippable(s.charAt(end - 1))) {
            end--;
        }
        String trimmed = s.substring(start, end);
        if (trimmed.indexOf('\t') < 0 && trimmed.indexOf('\n') < 0 && trimmed.indexOf('\r') < 0) {
            return trimmed;
        }
        StringBuilder out = new StringBuilder(trimmed.length());
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (c != '\t' && c != '\n' && c != '\r') {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Controls and spaces (WHATWG), and other Unicode white space pasted around a link. */
    private static boolean isStrippable(char c) {
        return c <= ' ' || Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    private static String backslashesAsSlashes(String text) {
        int end = text.length();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '?' || c == '#') {
                end = i;
                break;
            }
        }
        return text.substring(0, end).replace('\\', '/') + text.substring(end);
    }
}
