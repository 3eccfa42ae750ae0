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

    private static String key(WebUrl url) {
        String host = url.host();
        if (host.startsWith("www.") && host.length() > 4) {
            host = host.substring(4);
        }
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
