package app.carnival.pages;

import app.carnival.errors.Forbidden;
import app.carnival.security.Tokens;
import jakarta.ws.rs.core.NewCookie;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * CSRF protection for the forms anyone may post (no host session yet), by double submit: a random
 * value in an HttpOnly, SameSite=Strict cookie, and the same value in the form's hidden field.
 * Another site can make a browser post the form, but can neither read the cookie nor set it, so it
 * can not put the matching value in the field. Nothing is kept on the server and no secret is shared
 * between instances: any instance can check any form.
 */
final class FormToken {

    static final String COOKIE = "carnival_form";
    /** The hidden field's name. */
    static final String FIELD = "formToken";

    private FormToken() {}

    /** The browser's token: the one its cookie holds (so every open form stays valid), else a new one. */
    static String of(String cookie) {
        return wellFormed(cookie) ? cookie : Tokens.newToken();
    }

    /** For every page that shows a protected form; a browser session cookie, valid for every page of the site. */
    static NewCookie cookie(String token, boolean secure) {
        return new NewCookie.Builder(COOKIE)
                .value(token)
                .path("/")
                .httpOnly(true)
                .secure(secure)
                .sameSite(NewCookie.SameSite.STRICT)
                .build();
    }

    /** Forbidden unless the form's field carries the value of the cookie (compared in constant time). */
    static void require(String cookie, String field) {
        if (!wellFormed(cookie)
                || field == null
                || !MessageDigest.isEqual(
                        cookie.getBytes(StandardCharsets.UTF_8), field.getBytes(StandardCharsets.UTF_8))) {
            throw new Forbidden(
                    "This form did not come from this site, or it is out of date: reload the page and try again.");
        }
    }

    /** As {@link Tokens#newToken} makes them: 43 characters of base64url. */
    private static boolean wellFormed(String value) {
        return value != null && value.matches("[A-Za-z0-9_-]{43}");
    }
}
