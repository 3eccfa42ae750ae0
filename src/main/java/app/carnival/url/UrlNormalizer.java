package app.carnival.url;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns a URL into a <em>comparison key</em> so that two spellings of the same page link compare
 * equal (SPEC "Matching", link-back normalization). The key, e.g.
 * {@code example.com/2024/05/meme15?p=3}, has no scheme and may contain decoded non-ASCII
 * characters: it is for equality tests only, never for fetching.
 *
 * <p>Rules: only http and https are accepted and treated as equal; userinfo and fragment are
 * dropped; the host is lower-cased and loses a leading {@code www.} (IDN hosts are left as
 * written, so a punycode and a Unicode spelling differ); ports 80 and 443 are dropped whatever
 * the scheme; percent-escapes are decoded except where the escaped character has meaning
 * ({@code %2F} in a path, {@code %26}/{@code %3D} in a query, ...); dot segments are removed; a
 * trailing slash is ignored; tracking parameters are removed and the remaining query parameters
 * keep their order. Garbage in gives {@link Optional#empty()}, never an exception.
 */
public final class UrlNormalizer {

    /** WHATWG URL parsing drops these anywhere in the input; hrefs in feeds are often wrapped. */
    private static final Pattern TAB_OR_NEWLINE = Pattern.compile("[\\t\\n\\r]");
    private static final Pattern BAD_HOST_CHAR = Pattern.compile("[\\s<>\"{}|\\\\^`]");
    private static final String PATH_KEEP_ESCAPED = "/?#";
    private static final String QUERY_KEEP_ESCAPED = "&=+#";

    private UrlNormalizer() {
    }

    /** Normalizes an absolute URL; a relative one gives empty. */
    public static Optional<String> normalize(String url) {
        return normalize(url, null);
    }

    /** Resolves {@code href} against {@code base} (when it is relative), then normalizes. */
    public static Optional<String> normalize(String href, String base) {
        if (href == null) {
            return Optional.empty();
        }
        UriReference ref = UriReference.parse(clean(href));
        if (!ref.isAbsolute()) {
            if (base == null) {
                return Optional.empty();
            }
            UriReference baseRef = UriReference.parse(clean(base));
            if (!baseRef.isAbsolute()) {
                return Optional.empty();
            }
            ref = ref.resolveAgainst(baseRef);
        }
        return key(ref);
    }

    private static String clean(String s) {
        return TAB_OR_NEWLINE.matcher(s.strip()).replaceAll("");
    }

    private static Optional<String> key(UriReference ref) {
        if (!("http".equals(ref.scheme()) || "https".equals(ref.scheme())) || ref.authority() == null) {
            return Optional.empty();
        }
        return hostAndPort(ref.authority()).map(hostPort -> hostPort + path(ref.path()) + query(ref.query()));
    }

    private static Optional<String> hostAndPort(String authority) {
        String hostPort = authority.substring(authority.lastIndexOf('@') + 1);
        int portColon = hostPort.startsWith("[") ? hostPort.indexOf(':', hostPort.indexOf(']')) : hostPort.lastIndexOf(':');
        String host = portColon < 0 ? hostPort : hostPort.substring(0, portColon);
        String port = portColon < 0 ? "" : hostPort.substring(portColon + 1);
        if (host.isEmpty() || BAD_HOST_CHAR.matcher(host).find() || !port.matches("\\d{0,5}")) {
            return Optional.empty();
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.startsWith("www.") && host.length() > 4) {
            host = host.substring(4);
        }
        // 80 and 443 both count as default because http and https count as one scheme
        boolean defaultPort = port.isEmpty() || port.matches("0*(80|443)");
        return Optional.of(defaultPort ? host : host + ":" + Integer.parseInt(port));
    }

    private static String path(String rawPath) {
        // decode before removing dot segments so that %2E%2E counts as "..", as browsers do
        String path = UriReference.removeDotSegments(PercentEncoding.canonical(rawPath, PATH_KEEP_ESCAPED));
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static String query(String rawQuery) {
        if (rawQuery == null) {
            return "";
        }
        List<String> kept = new ArrayList<>();
        for (String param : rawQuery.split("&")) {
            String canonical = PercentEncoding.canonical(param, QUERY_KEEP_ESCAPED);
            int eq = canonical.indexOf('=');
            String name = eq < 0 ? canonical : canonical.substring(0, eq);
            if (!canonical.isEmpty() && !TrackingParameters.isTracking(name)) {
                kept.add(canonical);
            }
        }
        return kept.isEmpty() ? "" : "?" + String.join("&", kept);
    }
}
