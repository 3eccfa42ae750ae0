package app.carnival.websub.rules;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The check of a pushed body's {@code X-Hub-Signature: method=signature} (W3C WebSub §8): the HMAC of the
 * exact body bytes with the subscription's secret. SHA-1 is not accepted (the Recommendation lets the
 * subscriber choose; it is broken); SHA-256, -384 and -512 are.
 */
public final class Signature {

    /** What the header says of the body. */
    public sealed interface Check {
        /** Signed with our secret: the body comes from the hub. */
        record Valid() implements Check {}

        /** No header, or one that is not {@code method=hex}. */
        record Missing() implements Check {}

        /** A method we do not accept (sha1, or unknown). */
        record UnknownMethod(String method) implements Check {}

        /** A well-formed signature of something else, or with another key: forged or corrupted. */
        record Mismatch() implements Check {}
    }

    private static final Map<String, String> MACS =
            Map.of("sha256", "HmacSHA256", "sha384", "HmacSHA384", "sha512", "HmacSHA512");

    private Signature() {}

    public static Check check(String header, byte[] body, String secret) {
        if (header == null) {
            return new Check.Missing();
        }
        int eq = header.indexOf('=');
        if (eq <= 0) {
            return new Check.Missing();
        }
        String method = header.substring(0, eq).trim().toLowerCase(Locale.ROOT);
        String algorithm = MACS.get(method);
        if (algorithm == null) {
            return new Check.UnknownMethod(method);
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(header.substring(eq + 1).trim());
        } catch (IllegalArgumentException e) {
            return new Check.Mismatch();
        }
        // Constant time: the comparison must not tell a forger how many leading bytes were right.
        return MessageDigest.isEqual(given, hmac(algorithm, secret, body)) ? new Check.Valid() : new Check.Mismatch();
    }

    private static byte[] hmac(String algorithm, String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks " + algorithm, e);
        }
    }
}
