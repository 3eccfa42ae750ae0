package app.carnival.url;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpUrlTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(
            strings = {
                "https://example.org/",
                "http://example.org",
                "HTTPS://Example.org/a?b=c#d",
                "  https://example.org/  ",
                "https://bücher.example/",
                "https://xn--bcher-kva.example/",
                "https://bücher.example/straße?q=ü",
                "https://my_blog.example/",
                "http://[::1]:8080/",
                "https://example.org/a%20b"
            })
    void acceptsAbsoluteHttpUrlsIncludingInternationalizedHosts(String url) {
        assertThat(HttpUrl.Validator.isHttpUrl(url)).isTrue();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(
            strings = {
                "",
                "   ",
                "example.org",
                "/relative",
                "//example.org/",
                "ftp://example.org/",
                "javascript:alert(1)",
                "file:///etc/passwd",
                "mailto:a@example.org",
                "https://",
                "https:///path",
                "http:example.org",
                "https://exa mple.org/",
                "https://a..b/",
                "https://xn--zz.example/",
                "https://example.org:70000/",
                "https://example.org/a b",
                "https://example.org/<script>",
                "https://example.org/\u0000",
                "https://example.org/a\tb",
                "https://example.org/a\\b"
            })
    void refusesWhatIsNoAbsoluteHttpUrlOrWouldNeedEscaping(String url) {
        assertThat(HttpUrl.Validator.isHttpUrl(url)).isFalse();
    }

    @ParameterizedTest(name = "[{index}] {0} characters")
    @ValueSource(ints = {2048, 2049})
    void allowsAtMost2048Characters(int length) {
        String prefix = "https://example.org/";
        String url = prefix + "a".repeat(length - prefix.length());
        assertThat(HttpUrl.Validator.isHttpUrl(url)).isEqualTo(length <= 2048);
    }
}
