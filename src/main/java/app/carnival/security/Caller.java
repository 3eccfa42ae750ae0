package app.carnival.security;

import app.carnival.errors.Forbidden;
import app.carnival.errors.Unauthenticated;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Who is calling: the token presented with the request (bearer header or the host's cookie),
 * resolved once at the web edge. Services decide what it allows by comparing it, in constant time,
 * with the hashes they store; the token itself never leaves this class.
 */
public final class Caller {

    private static final Caller ANONYMOUS = new Caller(null, TokenGuard.NONE);

    private final String token;
    private final TokenGuard guard;

    private Caller(String token, TokenGuard guard) {
        this.token = token;
        this.guard = guard;
    }

    public static Caller anonymous() {
        return ANONYMOUS;
    }

    /** A caller presenting {@code token}; a blank token is no token. */
    public static Caller withToken(String token) {
        return withToken(token, TokenGuard.NONE);
    }

    /**
     * A caller presenting {@code token}, whose checks and refusals {@code guard} limits. Without a token it
     * keeps the guard, for the token it may present later ({@link #presenting}).
     */
    public static Caller withToken(String token, TokenGuard guard) {
        return new Caller(token == null || token.isBlank() ? null : token.trim(), guard);
    }

    /** The same caller (same guard) presenting another token: what a login form's field is checked as. */
    public Caller presenting(String other) {
        return withToken(other, guard);
    }

    /** Whether the presented token is the one whose hash is stored. */
    public boolean holds(byte[] storedHash) {
        if (token == null) {
            return false;
        }
        guard.beforeCheck();
        return Tokens.matches(token, storedHash);
    }

    /** Whether a token was presented at all. */
    public boolean presentsToken() {
        return token != null;
    }

    /** The token presented allowed nothing asked of it (a page that needs it shows its login instead). */
    public void refused() {
        if (token != null) {
            guard.refused();
        }
    }

    /**
     * Refuses a caller without a token (unauthenticated) or whose token matches none of the hashes
     * (forbidden).
     *
     * @param what the token the action needs, in words ("the host token of series 'x'")
     */
    public void require(String what, byte[]... acceptedHashes) {
        if (token == null) {
            throw new Unauthenticated("This action needs " + what + ": send it as 'Authorization: Bearer <token>'.");
        }
        if (Arrays.stream(acceptedHashes).noneMatch(this::holds)) {
            guard.refused();
            throw new Forbidden("The token given is not " + what + ".");
        }
    }

    /** {@link #require(String, byte[]...)} for hashes gathered at run time (e.g. every guest host token of a series). */
    public void require(String what, List<byte[]> acceptedHashes) {
        require(what, acceptedHashes.toArray(byte[][]::new));
    }

    /** An HMAC of {@code purpose} keyed by the token, e.g. the CSRF token of the host's forms; null without a token. */
    public String proof(String purpose) {
        if (token == null) {
            return null;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    @Override
    public String toString() {
        return token == null ? "Caller[anonymous]" : "Caller[token]";
    }
}
