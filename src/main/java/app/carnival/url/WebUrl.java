package app.carnival.url;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * An absolute http or https URL with a valid host, read the way browsers read one ({@link Urls}):
 * the form Carnival fetches and compares. Its {@link #toString} is the URL as written (non-ASCII
 * text and Unicode host kept, unsafe characters escaped); {@link #toUri} is the ASCII form a
 * request is made with: the host in punycode, non-ASCII text as UTF-8 percent-escapes.
 */
public final class WebUrl {

    private static final String USERINFO_PUNCTUATION = "-._~!$&'()*+,;=:";
    private static final String PATH_PUNCTUATION = PercentEncoding.PCHAR_PUNCTUATION + "/";
    private static final String QUERY_PUNCTUATION = PATH_PUNCTUATION + "?";

    /** The text it was read from; null for one resolved from a reference ({@link #of(UriReference)}). */
    private final String text;

    /** Absolute, http or https, with an authority. */
    private final UriReference ref;

    private final String userinfo;
    private final String host;
    private final int port;

    /** {@link #toUri}, built at its first call: a URL polled again and again is kept ({@code FeedTargets}). */
    private volatile URI uri;

    private WebUrl(String text, UriReference ref, String userinfo, String host, int port) {
        this.text = text;
        this.ref = ref;
        this.userinfo = userinfo;
        this.host = host;
        this.port = port;
    }

    /** @throws InvalidUrlException when {@code text} is not an absolute http(s) URL with a valid host and port */
    public static WebUrl parse(String text) throws InvalidUrlException {
        UriReference ref = text == null ? null : Urls.reference(null, text);
        if (ref == null || !ref.isHttp()) {
            String scheme = ref == null ? "'" + text + "'" : ref.scheme() + ":";
            throw new InvalidUrlException("only http and https URLs are supported, not " + scheme);
        }
        return of(text, ref);
    }

    /** {@link #parse}, with empty for what it refuses. */
    public static Optional<WebUrl> tryParse(String text) {
        try {
            return Optional.of(parse(text));
        } catch (InvalidUrlException e) {
            return Optional.empty();
        }
    }

    /** @param ref absolute, http or https */
    static WebUrl of(UriReference ref) throws InvalidUrlException {
        return of(null, ref);
    }

    private static WebUrl of(String text, UriReference ref) throws InvalidUrlException {
        String authority = ref.authority();
        if (authority == null) {
            throw new InvalidUrlException("URL has no host: " + ref);
        }
        int at = authority.lastIndexOf('@');
        String hostPort = authority.substring(at + 1);
        int colon = hostPort.startsWith("[")
                ? hostPort.indexOf(':', Math.max(hostPort.indexOf(']'), 0))
                : hostPort.lastIndexOf(':');
        String writtenHost = colon < 0 ? hostPort : hostPort.substring(0, colon);
        String writtenPort = colon < 0 ? "" : hostPort.substring(colon + 1);
        if (writtenHost.isEmpty()) {
            throw new InvalidUrlException("URL has no host: " + ref);
        }
        String host = Host.toAscii(writtenHost)
                .orElseThrow(() -> new InvalidUrlException("not a valid host name: " + writtenHost));
        UriReference withPath = ref.path().isEmpty()
                ? new UriReference(ref.scheme(), authority, "/", ref.query(), ref.fragment())
                : ref;
        return new WebUrl(text, withPath, at < 0 ? null : authority.substring(0, at), host, port(writtenPort));
    }

    /** Digits up to 65535, or -1 when there are none. */
    private static int port(String written) throws InvalidUrlException {
        if (written.isEmpty()) {
            return -1;
        }
        if (written.length() > 5
                || !written.chars().allMatch(c -> c >= '0' && c <= '9')
                || Integer.parseInt(written) > 65535) {
            throw new InvalidUrlException("not a valid port: " + written);
        }
        return Integer.parseInt(written);
    }

    /** The text {@link #parse} read, exactly; for a URL resolved from a reference, {@link #toString}. */
    public String text() {
        return text != null ? text : toString();
    }

    /** http or https. */
    public String scheme() {
        return ref.scheme();
    }

    /** The host in ASCII, lower-cased: punycode for an internationalized name, brackets around IPv6. */
    public String host() {
        return host;
    }

    /** The port as written, or -1 when none is. */
    public int port() {
        return port;
    }

    /** The raw path, at least {@code /}, without dot segments. */
    public String path() {
        return ref.path();
    }

    /** The raw query without '?', or null. */
    public String query() {
        return ref.query();
    }

    /** The URL a request is made for: ASCII only, without fragment. */
    public URI toUri() {
        URI built = uri;
        if (built == null) {
            built = buildUri();
            uri = built;
        }
        return built;
    }

    private URI buildUri() {
        StringBuilder out =
                new StringBuilder(32 + ref.path().length()).append(ref.scheme()).append("://");
        if (userinfo != null) {
            out.append(PercentEncoding.escapeForWire(userinfo, USERINFO_PUNCTUATION))
                    .append('@');
        }
        out.append(host);
        if (port >= 0) {
            out.append(':').append(port);
        }
        out.append(PercentEncoding.escapeForWire(ref.path(), PATH_PUNCTUATION));
        if (ref.query() != null) {
            out.append('?').append(PercentEncoding.escapeForWire(ref.query(), QUERY_PUNCTUATION));
        }
        try {
            return new URI(out.toString());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("escaped URL still invalid: " + out, e);
        }
    }

    /** The URL as written, cleaned and resolved: see {@link Urls#resolve}. */
    @Override
    public String toString() {
        return ref.toString();
    }
}
