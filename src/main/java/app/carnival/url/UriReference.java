package app.carnival.url;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A URI reference split into its raw RFC 3986 components, and RFC 3986 section 5 resolution.
 * Hand-written rather than {@link java.net.URI} because real-world hrefs often contain spaces,
 * non-ASCII characters or stray brackets that {@code URI} rejects; this parser accepts anything.
 *
 * @param scheme    lower-cased scheme, or null for a relative reference
 * @param authority raw authority (userinfo, host, port), or null when absent
 * @param path      raw path, possibly empty
 * @param query     raw query without '?', or null when absent
 * @param fragment  raw fragment without '#', or null when absent
 */
record UriReference(String scheme, String authority, String path, String query, String fragment) {

    /**
     * RFC 3986 appendix B, with the scheme restricted to its legal syntax so that, as in browsers,
     * {@code 1http://x} or {@code ::::} read as relative paths. It matches every string.
     */
    private static final Pattern PARTS = Pattern.compile(
            "^(?:([A-Za-z][A-Za-z0-9+.-]*):)?(?://([^/?#]*))?([^?#]*)(?:\\?([^#]*))?(?:#(.*))?$", Pattern.DOTALL);

    static UriReference parse(String text) {
        Matcher m = PARTS.matcher(text);
        m.matches();
        String scheme = m.group(1);
        return new UriReference(
                scheme == null ? null : scheme.toLowerCase(Locale.ROOT),
                m.group(2),
                m.group(3),
                m.group(4),
                m.group(5));
    }

    boolean isAbsolute() {
        return scheme != null;
    }

    /** http and https, the schemes browsers parse with their special rules (backslashes, hosts). */
    boolean isHttp() {
        return "http".equals(scheme) || "https".equals(scheme);
    }

    /** A base relative references can be resolved against: absolute, with an authority or a path from the root. */
    boolean isHierarchical() {
        return scheme != null && (authority != null || path.startsWith("/"));
    }

    /**
     * RFC 3986 section 5.2.2 (strict): the absolute reference this one names, against {@code base}
     * when it is relative; null when it is relative and {@code base} is null or not {@link #isHierarchical}.
     */
    UriReference resolveAgainst(UriReference base) {
        if (scheme != null) {
            return new UriReference(scheme, authority, withoutDotSegments(path), query, fragment);
        }
        if (base == null || !base.isHierarchical()) {
            return null;
        }
        if (authority != null) {
            return new UriReference(base.scheme, authority, withoutDotSegments(path), query, fragment);
        }
        if (path.isEmpty()) {
            return new UriReference(
                    base.scheme, base.authority, base.path, query != null ? query : base.query, fragment);
        }
        String merged = path.startsWith("/") ? path : merge(base);
        return new UriReference(base.scheme, base.authority, withoutDotSegments(merged), query, fragment);
    }

    private String merge(UriReference base) {
        if (base.authority != null && base.path.isEmpty()) {
            return "/" + path;
        }
        return base.path.substring(0, base.path.lastIndexOf('/') + 1) + path;
    }

    /** Dot segments go from hierarchical paths only: in {@code mailto:a/../b} they are data. */
    private static String withoutDotSegments(String path) {
        return path.startsWith("/") && path.contains(".") ? removeDotSegments(path) : path;
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

    /** RFC 3986 section 5.3 recomposition, with the characters browsers escape escaped; non-ASCII text is kept. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(16 + path.length());
        if (scheme != null) {
            out.append(scheme).append(':');
        }
        if (authority != null) {
            out.append("//").append(PercentEncoding.escapeUnsafe(authority));
        }
        out.append(PercentEncoding.escapeUnsafe(path));
        if (query != null) {
            out.append('?').append(PercentEncoding.escapeUnsafe(query));
        }
        if (fragment != null) {
            out.append('#').append(PercentEncoding.escapeUnsafe(fragment));
        }
        return out.toString();
    }
}
