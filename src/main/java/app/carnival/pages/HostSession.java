package app.carnival.pages;

import app.carnival.security.Tokens;
import app.carnival.series.Series;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import jakarta.ws.rs.core.NewCookie;

/**
 * The host's browser session for one series. The cookie holds the host token itself: it is what
 * the host typed, the server already checks it against the stored hash, and no server-side secret
 * (which several instances would have to share) or session table is needed. HttpOnly keeps page
 * scripts from reading it, SameSite=Strict keeps other sites from sending it, and its path limits
 * it to the series' pages. Forms carry a CSRF token derived from the host token by HMAC, which a
 * page on another site cannot compute.
 */
final class HostSession {

    static final String COOKIE = "carnival_host";
    private static final int MAX_AGE = 12 * 60 * 60;

    private HostSession() {
    }

    /** The host token from the cookie if it is this series' host token, else null. */
    static String verifiedToken(Series series, String cookie) {
        return cookie != null && Tokens.matches(cookie, series.hostTokenHash) ? cookie : null;
    }

    static NewCookie login(String slug, String token, boolean secure) {
        return cookie(slug, token, MAX_AGE, secure);
    }

    static NewCookie logout(String slug, boolean secure) {
        return cookie(slug, "", 0, secure);
    }

    /** The value every form of the host's pages carries in its {@code csrf} field. */
    static String csrfToken(String hostToken) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(hostToken.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] tag = mac.doFinal("carnival-csrf".getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(tag);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    static boolean csrfMatches(String hostToken, String presented) {
        return presented != null && MessageDigest.isEqual(csrfToken(hostToken).getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8));
    }

    private static NewCookie cookie(String slug, String value, int maxAge, boolean secure) {
        return new NewCookie.Builder(COOKIE).value(value).path("/series/" + slug).maxAge(maxAge)
                .httpOnly(true).secure(secure).sameSite(NewCookie.SameSite.STRICT).build();
    }
}
