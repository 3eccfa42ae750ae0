package app.carnival.security;

import app.carnival.web.Problems;
import java.util.Arrays;

/**
 * Checks an {@code Authorization: Bearer} header against one or more stored token hashes:
 * no token is 401, a token that matches none is 403.
 */
public final class BearerAuth {

    private static final String PREFIX = "Bearer ";

    private BearerAuth() {
    }

    public static void require(String authorizationHeader, String what, byte[]... acceptedHashes) {
        String token = bearerToken(authorizationHeader);
        if (token == null) {
            throw Problems.unauthorized("This action needs " + what + ": send it as 'Authorization: Bearer <token>'.");
        }
        boolean ok = Arrays.stream(acceptedHashes).anyMatch(h -> Tokens.matches(token, h));
        if (!ok) {
            throw Problems.forbidden("The token given is not " + what + ".");
        }
    }

    static String bearerToken(String header) {
        if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return null;
        }
        String token = header.substring(PREFIX.length()).trim();
        return token.isEmpty() ? null : token;
    }
}
