package app.carnival.url;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A URI reference split into its RFC 3986 components, and RFC 3986 section 5 resolution.
 * Hand-written rather than {@link java.net.URI} because real-world hrefs often contain spaces,
 * non-ASCII characters or stray brackets that {@code URI} rejects; this parser accepts anything.
 * The fragment is discarded on parsing since nothing here ever needs it.
 *
 * @param scheme    lower-cased scheme, or null for a relative reference
 * @param authority raw authority (userinfo, host, port), or null when absent
 * @param path      raw path, possibly empty
 * @param query     raw query without '?', or null when absent
 */
record UriReference(String scheme, String authority, String path, String query) {

    /**
     * RFC 3986 appendix B, with the scheme restricted to its legal syntax so that, as in browsers,
     * {@code 1http://x} or {@code ::::} read as relative paths. It matches every string.
     */
    private static final Pattern PARTS = Pattern.compile(
            "^(?:([A-Za-z][A-Za-z0-9+.-]*):)?(?://([^/?#]*))?([^?#]*)(?:\\?([^#]*))?(?:#.*)?$", Pattern.DOTALL);

    static UriReference parse(String text) {
        Matcher m = PARTS.matcher(text);
        m.matches();
        String scheme = m.group(1);
        return new UriReference(scheme == null ? null : scheme.toLowerCase(Locale.ROOT), m.group(2), m.group(3), m.group(4));
    }

    boolean isAbsolute() {
        return scheme != null;
    }

    /** RFC 3986 section 5.2.2 (strict); dot segments are removed later, on the decoded path. */
    UriReference resolveAgainst(UriReference base) {
        if (scheme != null) {
            return this;
        }
        if (authority != null) {
            return new UriReference(base.scheme, authority, path, query);
        }
        if (path.isEmpty()) {
            return new UriReference(base.scheme, base.authority, base.path, query != null ? query : base.query);
        }
        if (path.startsWith("/")) {
            return new UriReference(base.scheme, base.authority, path, query);
        }
        return new UriReference(base.scheme, base.authority, merge(base), query);
    }

    private String merge(UriReference base) {
        if (base.authority != null && base.path.isEmpty()) {
            return "/" + path;
        }
        return base.path.substring(0, base.path.lastIndexOf('/') + 1) + path;
    }

    /** RFC 3986 section 5.2.4. */
    static String removeDotSegments(String input) {
        StringBuilder out = new StringBuilder();
        String in = input;
        while (!in.isEmpty()) {
            if (in.startsWith("../")) {
                in = in.substring(3);
            } else if (in.startsWith("./")) {
                in = in.substring(2);
            } else if (in.startsWith("/./")) {
                in = in.substring(2);
            } else if (in.equals("/.")) {
                in = "/";
            } else if (in.startsWith("/../")) {
                in = in.substring(3);
                dropLastSegment(out);
            } else if (in.equals("/..")) {
                in = "/";
                dropLastSegment(out);
            } else if (in.equals(".") || in.equals("..")) {
                in = "";
            } else {
                int next = in.indexOf('/', 1);
                int end = next < 0 ? in.length() : next;
                out.append(in, 0, end);
                in = in.substring(end);
            }
        }
        return out.toString();
    }

    private static void dropLastSegment(StringBuilder out) {
        out.setLength(Math.max(out.lastIndexOf("/"), 0));
    }
}
