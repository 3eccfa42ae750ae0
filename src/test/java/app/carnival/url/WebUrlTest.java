package app.carnival.url;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WebUrlTest {

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            https://bücher.example/                  | xn--bcher-kva.example
            https://BÜCHER.Example/                  | xn--bcher-kva.example
            https://xn--bcher-kva.example/           | xn--bcher-kva.example
            https://XN--BCHER-KVA.EXAMPLE/           | xn--bcher-kva.example
            https://b%C3%BCcher.example/             | xn--bcher-kva.example
            https://bücher。example/                 | xn--bcher-kva.example
            https://☃.example/                       | xn--n3h.example
            https://user:pw@Blog.Example:8443/a      | blog.example
            https://my_blog.example/                 | my_blog.example
            http://[::1]:8080/                       | [::1]
            http://[2001:DB8::1]/                    | [2001:db8::1]
            http://127.0.0.1:8080/                   | 127.0.0.1
            """)
    void hostsAreAsciiAndLowerCase(String url, String host) throws InvalidUrlException {
        assertThat(WebUrl.parse(url).host()).isEqualTo(host);
    }

    @Test
    void remembersTheTextItWasReadFromBesideItsCleanedForm() throws InvalidUrlException {
        WebUrl url = WebUrl.parse("  HTTP://Blog.Example/a/../b c  ");
        assertThat(url.text()).isEqualTo("  HTTP://Blog.Example/a/../b c  ");
        assertThat(url.toString()).isEqualTo("http://Blog.Example/b%20c");
        assertThat(WebUrl.parse("https://blog.example").text()).isEqualTo("https://blog.example");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(
            strings = {
                "https://exa mple.com/",
                "https://a..b/",
                "https://.example/",
                "https://./",
                "https://" + "a123456789a123456789a123456789a123456789a123456789a123456789abcd" + ".example/",
                "https://xn--zz.example/",
                "https://xn--/",
                "https://b\u0378.example/",
                "https://b%FF.example/",
                "https://a<b.example/",
                "https://[zz::1]/",
                "https://[::1/",
                "https://[127.0.0.1]/",
                "https://@/",
                "http://:80/"
            })
    void hostsIdnOrDnsRefuseAreRefused(String url) {
        assertThat(WebUrl.tryParse(url)).as(url).isEmpty();
    }

    @Test
    void theRequestFormIsAsciiWithPunycodeHostAndUtf8Escapes() throws InvalidUrlException {
        WebUrl url = WebUrl.parse("https://bücher.example/café/a b/[x]?q=ü&r=a|b#frag");
        assertThat(url.toUri().toString())
                .isEqualTo("https://xn--bcher-kva.example/caf%C3%A9/a%20b/%5Bx%5D?q=%C3%BC&r=a%7Cb");
        assertThat(url.toUri().getHost()).isEqualTo("xn--bcher-kva.example");
        assertThat(url.toString()).isEqualTo("https://bücher.example/café/a%20b/[x]?q=ü&r=a%7Cb#frag");
    }

    @Test
    void theRequestFormKeepsEscapesAndEscapesAStrayPercent() throws InvalidUrlException {
        assertThat(WebUrl.parse("https://b.example/caf%C3%A9/100%/%zz?a=%2F")
                        .toUri()
                        .getRawPath())
                .isEqualTo("/caf%C3%A9/100%25/%25zz");
        assertThat(WebUrl.parse("https://b.example/caf%C3%A9/100%/%zz?a=%2F")
                        .toUri()
                        .getRawQuery())
                .isEqualTo("a=%2F");
    }

    @Test
    void theRequestFormKeepsPortAndUserinfoAndIpv6() throws InvalidUrlException {
        assertThat(WebUrl.parse("http://jo ann:p@ss@b.example:8080").toUri().toString())
                .isEqualTo("http://jo%20ann:p%40ss@b.example:8080/");
        assertThat(WebUrl.parse("http://[::1]:8080/x").toUri().getPort()).isEqualTo(8080);
        assertThat(WebUrl.parse("http://b.example:080/").port()).isEqualTo(80);
        assertThat(WebUrl.parse("http://b.example:/").port()).isEqualTo(-1);
    }

    @Test
    void refusalsSayWhy() {
        assertThatThrownBy(() -> WebUrl.parse("ftp://b.example/"))
                .hasMessage("only http and https URLs are supported, not ftp:");
        assertThatThrownBy(() -> WebUrl.parse("feed.xml"))
                .hasMessage("only http and https URLs are supported, not 'feed.xml'");
        assertThatThrownBy(() -> WebUrl.parse(null)).hasMessageStartingWith("only http and https");
        assertThatThrownBy(() -> WebUrl.parse("http:b.example")).hasMessage("URL has no host: http:b.example");
        assertThatThrownBy(() -> WebUrl.parse("https://:443/")).hasMessage("URL has no host: https://:443/");
        assertThatThrownBy(() -> WebUrl.parse("https://a..b/")).hasMessage("not a valid host name: a..b");
        assertThatThrownBy(() -> WebUrl.parse("https://b.example:99999/")).hasMessage("not a valid port: 99999");
        assertThatThrownBy(() -> WebUrl.parse("https://b.example:8o/")).hasMessage("not a valid port: 8o");
    }
}
