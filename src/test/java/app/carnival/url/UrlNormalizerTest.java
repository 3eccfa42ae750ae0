package app.carnival.url;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlNormalizerTest {

    /** Expected value meaning "no key" (Optional.empty()). */
    private static final String NONE = "<none>";

    private static Optional<String> expected(String key) {
        return NONE.equals(key) ? Optional.empty() : Optional.of(key);
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            # scheme and host
            https://example.com/2024/05/meme15               | example.com/2024/05/meme15
            http://example.com/2024/05/meme15                | example.com/2024/05/meme15
            HTTPS://WWW.Example.COM/Path/To/Post             | example.com/Path/To/Post
            https://www2.example.com/a                       | www2.example.com/a
            https://blog.example.com/a                       | blog.example.com/a
            https://user:secret@www.example.com/a            | example.com/a
            # internationalized hosts: the key holds the ASCII (punycode) form
            https://bücher.example/a                         | xn--bcher-kva.example/a
            https://www.BÜCHER.example/a                     | xn--bcher-kva.example/a
            https://xn--bcher-kva.example/a                  | xn--bcher-kva.example/a
            https://b%C3%BCcher.example/a                    | xn--bcher-kva.example/a
            https://xn--zz.example/a                         | <none>
            https://a..b/                                    | <none>
            # a backslash is a slash in http(s), as browsers read it
            https://example.com\\2024\\post                   | example.com/2024/post
            # trailing slash and empty path
            https://example.com/a/                           | example.com/a
            https://example.com/2024/05/meme15/?p=3          | example.com/2024/05/meme15?p=3
            https://example.com/                             | example.com
            https://example.com                              | example.com
            # fragments
            https://example.com/a#comments                   | example.com/a
            https://example.com/a/#respond                   | example.com/a
            https://example.com/a?x=1#frag                   | example.com/a?x=1
            # tracking parameters
            https://example.com/a?utm_source=tw&utm_medium=s | example.com/a
            https://example.com/a?p=3&utm_campaign=x&fbclid=abc | example.com/a?p=3
            https://example.com/a?gclid=1&b=2&a=1            | example.com/a?b=2&a=1
            https://example.com/a?UTM_Source=x&msclkid=y&mc_cid=1&mc_eid=2 | example.com/a
            https://example.com/a?utm%5Fsource=x&id=7        | example.com/a?id=7
            https://example.com/a?_ga=1&dclid=2&igshid=3&ref_src=4&yclid=5 | example.com/a
            https://example.com/a?ref=home                   | example.com/a?ref=home
            https://example.com/a?                           | example.com/a
            https://example.com/a?&&x=1&                     | example.com/a?x=1
            # query order and path case are kept
            https://example.com/a?z=1&a=2                    | example.com/a?z=1&a=2
            https://example.com/CaseMatters?Q=Yes            | example.com/CaseMatters?Q=Yes
            # ports
            http://example.com:80/a                          | example.com/a
            https://example.com:443/a                        | example.com/a
            http://example.com:443/a                         | example.com/a
            https://example.com:8443/a                       | example.com:8443/a
            https://example.com:/a                           | example.com/a
            https://[::1]:8080/a                             | [::1]:8080/a
            # percent-encoding: equal when decoded, meaningful escapes kept
            https://example.com/%7Euser                      | example.com/~user
            https://example.com/~user                        | example.com/~user
            https://example.com/caf%C3%A9                    | example.com/café
            https://example.com/caf%c3%a9                    | example.com/café
            https://example.com/café                         | example.com/café
            https://example.com/a%20b                        | example.com/a b
            https://example.com/a%2Fb                        | example.com/a%2Fb
            https://example.com/a%2fb                        | example.com/a%2Fb
            https://example.com/a%3Fb%23c                    | example.com/a%3Fb%23c
            https://example.com/a%25b                        | example.com/a%25b
            https://example.com/%FF                          | example.com/%FF
            https://example.com/s?q=a%26b%3Dc&r=caf%C3%A9    | example.com/s?q=a%26b%3Dc&r=café
            https://example.com/s?q=1%2B1                    | example.com/s?q=1%2B1
            # dot segments
            https://example.com/a/./b/../c                   | example.com/a/c
            https://example.com/../a                         | example.com/a
            https://example.com/%2E%2E/a/%2e/b               | example.com/a/b
            # whitespace
            '   https://example.com/a   '                    | example.com/a
            # not http(s)
            mailto:host@example.com                          | <none>
            javascript:alert(1)                              | <none>
            ftp://example.com/file                           | <none>
            data:text/html,hello                             | <none>
            # garbage
            http://                                          | <none>
            https:///path-only                               | <none>
            ::::                                             | <none>
            NULL                                             | <none>
            ''                                               | <none>
            '   '                                            | <none>
            http://exa mple.com/                             | <none>
            https://example.com:abc/                         | <none>
            1http://example.com/                             | <none>
            http:example.com                                 | <none>
            # relative without a base
            /2024/05/meme15                                  | <none>
            //example.com/a                                  | <none>
            """)
    void normalizesAbsoluteUrls(String url, String key) {
        assertEquals(expected(key), UrlNormalizer.normalize(url));
    }

    @ParameterizedTest(name = "[{index}] {0} against {1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            ../x                     | https://example.com/2024/05/post   | example.com/2024/x
            /x                       | https://example.com/2024/05/post   | example.com/x
            x                        | https://example.com/2024/05/post   | example.com/2024/05/x
            x                        | https://example.com/2024/05/       | example.com/2024/05/x
            ./x                      | http://example.com                 | example.com/x
            ../../../../x            | https://example.com/a/b            | example.com/x
            //other.org/x            | https://example.com/a              | other.org/x
            //www.other.org/x/       | http://example.com/a               | other.org/x
            ?q=1                     | https://example.com/2024/post?old=1 | example.com/2024/post?q=1
            ?utm_source=feed         | https://example.com/post           | example.com/post
            '#comments'              | https://example.com/post           | example.com/post
            ''                       | https://example.com/post?p=1       | example.com/post?p=1
            https://other.org/y      | https://example.com/a              | other.org/y
            x%2Fy                    | https://example.com/a/             | example.com/a/x%2Fy
            x                        | NULL                               | <none>
            x                        | not a url                          | <none>
            x                        | mailto:a@example.com               | <none>
            mailto:a@example.com     | https://example.com/a              | <none>
            javascript:void(0)       | https://example.com/a              | <none>
            NULL                     | https://example.com/a              | <none>
            """)
    void resolvesRelativeLinksAgainstBase(String href, String base, String key) {
        assertEquals(expected(key), UrlNormalizer.normalize(href, base));
    }

    @ParameterizedTest(name = "[{index}] {0} == {1}")
    @CsvSource(delimiter = '|', textBlock = """
            http://www.example.com/2024/05/meme15/           | https://example.com/2024/05/meme15
            https://example.com/2024/05/meme15?utm_source=x  | https://example.com/2024/05/meme15#comments
            https://example.com/%7Ejo/caf%C3%A9              | https://example.com/~jo/café
            http://example.com:80                            | https://EXAMPLE.com:443/
            https://bücher.example/a                         | https://xn--bcher-kva.example/a
            http://www.bücher.example/a/                     | https://XN--BCHER-KVA.example/a?utm_source=x
            """)
    void spellingsOfOnePageAreEqual(String a, String b) {
        assertEquals(UrlNormalizer.normalize(a), UrlNormalizer.normalize(b));
    }

    @ParameterizedTest(name = "[{index}] {0} != {1}")
    @CsvSource(delimiter = '|', textBlock = """
            https://example.com/a%2Fb          | https://example.com/a/b
            https://example.com/a?x=1&y=2      | https://example.com/a?y=2&x=1
            https://example.com/Post           | https://example.com/post
            https://example.com/a?q=a%26b      | https://example.com/a?q=a&b
            https://example.com:8080/a         | https://example.com/a
            https://example.com/meme15         | https://example.com/meme150
            https://bücher.example/a           | https://bucher.example/a
            """)
    void differentPagesStayDifferent(String a, String b) {
        assertNotEquals(UrlNormalizer.normalize(a), UrlNormalizer.normalize(b));
    }

    @Test
    void tabsAndNewlinesInsideAnHrefAreIgnored() {
        assertEquals(
                Optional.of("example.com/2024/05/meme15"),
                UrlNormalizer.normalize("https://example.com/2024/\n\t05/meme15"));
    }

    @Test
    void neverThrowsOnGarbage() {
        String[] garbage = {
            "%",
            "%%%",
            "http://[",
            "http://[::1",
            "https://@",
            "http://:80",
            "#",
            "?",
            "//",
            "http://example.com:999999999999/",
            "\u0000",
            "https://example.com/%E2%82",
            "ht tp://x"
        };
        for (String g : garbage) {
            assertDoesNotThrow(() -> UrlNormalizer.normalize(g), g);
            assertDoesNotThrow(() -> UrlNormalizer.normalize(g, "https://example.com/a/b"), g);
            assertDoesNotThrow(() -> UrlNormalizer.normalize("x", g), g);
        }
        assertEquals(Optional.empty(), UrlNormalizer.normalize("http://:80"));
        assertEquals(Optional.empty(), UrlNormalizer.normalize("http://example.com:999999999999/"));
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            https://example.com/2024/05/meme15               | example.com
            http://www.example.com                           | example.com
            https://www.example.com:8443/a                   | example.com
            https://blog.example.com?p=3                     | blog.example.com
            https://example.com#top                          | example.com
            https://www./a                                   | <none>
            https://xn--bcher-kva.example/a                  | xn--bcher-kva.example
            HTTPS://example.com/a                            | <none>
            https://Example.com/a                            | <none>
            https://bücher.example/a                         | <none>
            https://b%C3%BCcher.example/a                    | <none>
            https://user@example.com/a                       | <none>
            https://example.com\\a                           | <none>
            https://example.com./a                           | <none>
            https://a..b/                                    | <none>
            https://127.0.0.1/a                              | <none>
            https://0x7f.1/a                                 | <none>
            https://[::1]/a                                  | <none>
            '  https://example.com/a'                        | <none>
            //example.com/a                                  | <none>
            /a                                               | <none>
            https://                                         | <none>
            """)
    void readsThePlainHostOfAUrlWithoutNormalizingIt(String url, String host) {
        assertEquals(expected(host), UrlNormalizer.plainKeyHost(url));
    }

    /** URLs the plain reading takes: the host it gives is the host of the key, or there is no key at all. */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            https://example.com/2024/05/meme15
            http://www.example.com:80/a/./b/../c?utm_source=x#f
            https://www.www.example.com/
            https://xn--zz.example/a
            https://xn--bcher-kva.example/a
            https://-bad-.example/a
            https://example.com:abc/
            https://example.com:999999999999/
            https://a.b.c.d.e.f/%7E
            https://0.example/a
            https://example.0a/a
            https://1.2.3.4.example/a
            """)
    void thePlainHostIsTheHostOfTheKey(String url) {
        String host = UrlNormalizer.plainKeyHost(url).orElseThrow();
        UrlNormalizer.normalize(url).ifPresent(key -> assertEquals(host, UrlNormalizer.keyHost(key), url));
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            example.com/2024/05/meme15?p=3 | example.com
            example.com:8443/a             | example.com
            example.com                    | example.com
            example.com?p=1                | example.com
            [::1]:8080/a                   | [::1]
            """)
    void theHostOfAKeyIsWhatComesBeforeItsPortPathOrQuery(String key, String host) {
        assertEquals(host, UrlNormalizer.keyHost(key));
    }
}
