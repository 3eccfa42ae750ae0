package app.carnival.pages;

import app.carnival.errors.Forbidden;
import app.carnival.security.Tokens;
import jakarta.ws.rs.core.NewCookie;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.regex.Pattern;

/**
 * CSRF protection for the forms posted before anyone is logged in (the host's login, starting a
 * carnival), by double submit: the page puts a random value in a cookie and the same value in a
 * hidden field, and the POST must bring both, equal. Another site can make a browser post the form
 * but cannot read the cookie (HttpOnly, another origin) nor have it sent along (SameSite=Strict), so
 * its forged form cannot match. Nothing is kept on the server and no secret is shared: any instance
 * checks any form. Logged-in forms use the host session's own token instead ({@link HostSession}).
 */
final class FormGuard {

    static final String COOKIE = "carnival_form";

    /** The hidden field's name. */
    static final String FIELD = "form";

    /** What {@link Tokens#newToken} makes: 43 base64url characters. Anything else in the cookie is replaced. */
    private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9_-]{43}");

    /** The value for the form's hidden field, and the cookie to send with the page. */
    record Issued(String value, NewCookie cookie) {}

    private FormGuard() {}

    /**
     * The value for a form: the browser's current one if it has one (so every open tab and form still
     * works), else a new one. The cookie is sent again either way; one for the whole site.
     */
    static Issued issue(String held, boolean secure) {
        String value = held != null && VALUE.matcher(held).matches() ? held : Tokens.newToken();
        NewCookie cookie = new NewCookie.Builder(COOKIE)
                .value(value)
                .path("/")
                .httpOnly(true)
                .secure(secure)
                .sameSite(NewCookie.SameSite.STRICT)
                .build(); // no Max-Age: it lives as long as the browser session
        return new Issued(value, cookie);
    }

    /** Forbidden unless the form's field equals the cookie (compared in constant time). */
    static void check(String held, String presented) {
        if (held == null
                || presented == null
                || !VALUE.matcher(held).matches()
                || !MessageDigest.isEqual(
                        held.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8))) {
            throw new Forbidden("This form is out of date or did not come from this site: please try again.");
        }
    }
}
