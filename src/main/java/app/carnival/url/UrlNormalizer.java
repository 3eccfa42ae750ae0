package app.carnival.url;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a URL into a <em>comparison key</em> so that two spellings of the same page link compare
 * equal (SPEC "Matching", link-back normalization). The key, e.g.
 * {@code example.com/2024/05/meme15?p=3}, has no scheme and may contain decoded non-ASCII
 * characters: it is for equality tests only, never for fetching.
 *
 * <p>Rules: the URL is read as browsers read it ({@link Urls}); only http and https are accepted
 * and treated as equal; userinfo and fragment are dropped; the host is in its ASCII form
 * ({@link WebUrl#host}: lower-cased, internationalized names in punycode, so that
 * {@code bücher.example} and {@code xn--bcher-kva.example} give the same key) and loses a leading
 * {@code www.}; ports 80 and 443 are dropped whatever the scheme; percent-escapes are decoded
 * except where the escaped character has meaning ({@code %2F} in a path, {@code %26}/{@code %3D}
 * in a query, ...); dot segments are removed; a trailing slash is ignored; tracking parameters are
 * removed and the remaining query parameters keep their order. Garbage in gives
 * {@link Optional#empty()}, never an exception.
 */
public final class UrlNormalizer {

    private static final String PATH_KEEP_ESCAPED = "/?#";
    private static final String QUERY_KEEP_ESCAPED = "&=+#";

    private UrlNormalizer() {}

    /** Normalizes an absolute URL; a relative one gives empty. */
    public static Optional<String> normalize(String url) {
        return normalize(url, null);
    }

    /** Resolves {@code href} against {@code base} (when it is relative), then normalizes. */
    public static Optional<String> normalize(String href, String base) {
        UriReference ref = Urls.reference(base, href);
        if (ref == null || !ref.isHttp()) {
            return Optional.empty();
        }
        try {
            return Optional.of(key(WebUrl.of(ref)));
        } catch (InvalidUrlException e) {
            return Optional.empty();
        }
    }

    /**
     * The host of the key {@link #normalize} gives a plainly written absolute URL ({@code http://} or {@code https://},
     * then a host of lower-case letters, digits, hyphens and inner dots, then the end or one of {@code :/?#}), read
     * without normalizing the URL: lower-cased already, so without a leading {@code www.}. Empty for any other URL, one
     * only the full reading can tell (upper case, escapes, userinfo, a numeric or dot-ended host, what a browser cleans
     * first). The matcher skips the links whose host no invitation has: normalizing every link of every new post was a
     * tenth of a first poll's CPU (JFR, bench scenario first).
     */
    public static Optional<String> plainKeyHost(String url) {
        int start = url.startsWith("https://") ? 8 : url.startsWith("http://") ? 7 : -1;
        if (start < 0) {
            return Optional.empty();
        }
        int end = start;
        for (; end < url.length(); end++) {
            char c = url.charAt(end);
            if (c == ':' || c == '/' || c == '?' || c == '#') {
                break;
            }
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.')) {
                return Optional.empty();
            }
        }
        String host = url.substring(start, end);
        int lastDot = host.lastIndexOf('.');
        boolean plain = !host.isEmpty()
                && !host.startsWith(".")
                && !host.endsWith(".")
                && !host.contains("..")
                // an all-digit last label makes it an IPv4 address, which browsers rewrite (0x7f.1 = 127.0.0.1)
                && !host.substring(lastDot + 1).chars().allMatch(Character::isDigit);
        return plain ? Optional.of(withoutWww(host)) : Optional.empty();
    }

    /** The host of a key {@link #normalize} made, without its port. */
    public static String keyHost(String key) {
        int end = key.startsWith("[") ? key.indexOf(']') + 1 : 0;
        while (end < key.length() && "/?:".indexOf(key.charAt(end)) < 0) {
            end++;
        }
        return key.substring(0, end);
    }

    private static String withoutWww(String host) {
        return host.startsWith("www.") && host.length() > 4 ? host.substring(4) : host;
    }

    private static String key(WebUrl url) {
        String host = withoutWww(url.host());
        // 80 and 443 both count as default because http and https count as one scheme
        boolean defaultPort = url.port() < 0 || url.port() == 80 || url.port() == 443;
        return (defaultPort ? host : host + ":" + url.port()) + path(url.path()) + query(url.query());
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
