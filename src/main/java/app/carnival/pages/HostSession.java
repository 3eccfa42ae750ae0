package app.carnival.pages;

import app.carnival.errors.Forbidden;
import app.carnival.security.Caller;
import app.carnival.series.Series;
import app.carnival.web.CallerFilter;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The host's browser session for one series. The cookie holds the host token itself: it is what
 * the host typed, the server already checks it against the stored hash, and no server-side secret
 * (which several instances would have to share) or session table is needed. HttpOnly keeps page
 * scripts from reading it, SameSite=Strict keeps other sites from sending it, and its path limits
 * it to the series' pages. Forms carry a CSRF token derived from the host token by HMAC, which a
 * page on another site cannot compute.
 */
final class HostSession {

    static final String COOKIE = CallerFilter.HOST_COOKIE;
    private static final int MAX_AGE = 12 * 60 * 60;
    private static final String CSRF_PURPOSE = "carnival-csrf";

    private HostSession() {}

    /** Whether the caller (from the cookie or a bearer token) is this series' host. */
    static boolean isHost(Series series, Caller caller) {
        return caller.holds(series.hostTokenHash);
    }

    static NewCookie login(String slug, String token, boolean secure) {
        return cookie(slug, token, MAX_AGE, secure);
    }

    static NewCookie logout(String slug, boolean secure) {
        return cookie(slug, "", 0, secure);
    }

    /** The value every form of the host's pages carries in its {@code csrf} field: an HMAC keyed by the host token. */
    static String csrfToken(Caller host) {
        return host.proof(CSRF_PURPOSE);
    }

    static boolean csrfMatches(Caller host, String presented) {
        String expected = csrfToken(host);
        return expected != null
                && presented != null
                && MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }

    /** Forbidden unless the caller is this series' host and the form carries the matching CSRF token. */
    static Caller requireHost(Series series, Caller host, String csrf) {
        return requireSignedIn(isHost(series, host), host, csrf);
    }

    /**
     * A host form's POST: forbidden unless the caller is signed in for it (as host, or as a guest host
     * where that is enough) and the form carries the CSRF token of the caller's token.
     */
    static Caller requireSignedIn(boolean signedIn, Caller host, String csrf) {
        if (!signedIn) {
            host.refused();
            throw new Forbidden("You are not logged in as the host of this series: log in with the host token first.");
        }
        if (!csrfMatches(host, csrf)) {
            throw new Forbidden(
                    "This form did not come from this site, or it is out of date: reload the page and try again.");
        }
        return host;
    }

    /** Whether the browser reached the service over https: then its cookies are marked Secure. */
    static boolean secure(UriInfo uri) {
        return "https".equalsIgnoreCase(uri.getBaseUri().getScheme());
    }

    private static NewCookie cookie(String slug, String value, int maxAge, boolean secure) {
        return new NewCookie.Builder(COOKIE)
                .value(value)
                .path("/series/" + slug)
                .maxAge(maxAge)
                .httpOnly(true)
                .secure(secure)
                .sameSite(NewCookie.SameSite.STRICT)
                .build();
    }
}
