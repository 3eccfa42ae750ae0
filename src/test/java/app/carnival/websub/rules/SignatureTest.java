package app.carnival.websub.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SignatureTest {

    static final byte[] BODY = "<feed>…</feed>".getBytes(StandardCharsets.UTF_8);
    static final String SECRET = "s3cret";

    static String sign(String method, String algorithm, String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance(algorithm);
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
        return method + "=" + HexFormat.of().formatHex(mac.doFinal(body));
    }

    @ParameterizedTest
    @CsvSource({"sha256,HmacSHA256", "sha384,HmacSHA384", "sha512,HmacSHA512", "SHA256,HmacSHA256"})
    void theSha2FamilyIsAccepted(String method, String algorithm) throws Exception {
        assertThat(Signature.check(sign(method, algorithm, SECRET, BODY), BODY, SECRET))
                .isInstanceOf(Signature.Check.Valid.class);
    }

    @ParameterizedTest
    @CsvSource({"sha256,HmacSHA256", "sha512,HmacSHA512"})
    void anotherKeyOrAnotherBodyIsAMismatch(String method, String algorithm) throws Exception {
        assertThat(Signature.check(sign(method, algorithm, "other", BODY), BODY, SECRET))
                .isInstanceOf(Signature.Check.Mismatch.class);
        byte[] changed = "<feed>…</feed> ".getBytes(StandardCharsets.UTF_8);
        assertThat(Signature.check(sign(method, algorithm, SECRET, changed), BODY, SECRET))
                .isInstanceOf(Signature.Check.Mismatch.class);
    }

    @ParameterizedTest
    @CsvSource({"sha1,HmacSHA1", "md5,HmacMD5"})
    void sha1AndUnknownMethodsAreRefused(String method, String algorithm) throws Exception {
        assertThat(Signature.check(sign(method, algorithm, SECRET, BODY), BODY, SECRET))
                .isEqualTo(new Signature.Check.UnknownMethod(method));
    }

    @ParameterizedTest
    @CsvSource(
            value = {"NULL", "''", "sha256", "=abc"},
            nullValues = "NULL")
    void aMissingOrShapelessHeaderIsMissing(String header) {
        assertThat(Signature.check(header, BODY, SECRET)).isInstanceOf(Signature.Check.Missing.class);
    }

    @ParameterizedTest
    @CsvSource({"sha256=", "sha256=zz", "sha256=abc", "sha256=00"})
    void aSignatureThatIsNotTheRightHexIsAMismatch(String header) {
        assertThat(Signature.check(header, BODY, SECRET)).isInstanceOf(Signature.Check.Mismatch.class);
    }
}
