package app.carnival.url;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlsTest {

    /** The base of RFC 3986 section 5.4. */
    static final String RFC_BASE = "http://a/b/c/d;p?q";

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            g:h           | g:h
            g             | http://a/b/c/g
            ./g           | http://a/b/c/g
            g/            | http://a/b/c/g/
            /g            | http://a/g
            ?y            | http://a/b/c/d;p?y
            g?y           | http://a/b/c/g?y
            '#s'          | http://a/b/c/d;p?q#s
            g#s           | http://a/b/c/g#s
            g?y#s         | http://a/b/c/g?y#s
            ;x            | http://a/b/c/;x
            g;x           | http://a/b/c/g;x
            g;x?y#s       | http://a/b/c/g;x?y#s
            ''            | http://a/b/c/d;p?q
            .             | http://a/b/c/
            ./            | http://a/b/c/
            ..            | http://a/b/
            ../           | http://a/b/
            ../g          | http://a/b/g
            ../..         | http://a/
            ../../        | http://a/
            ../../g       | http://a/g
            """)
    void rfc3986NormalExamples(String ref, String expected) {
        assertThat(Urls.resolve(RFC_BASE, ref)).isEqualTo(expected);
    }

    @Test
    void anEmptyHttpPathIsSlashAsBrowsersWriteIt() {
        // RFC 3986 gives "http://g"; browsers (and the fetcher's request line) need a path
        assertThat(Urls.resolve(RFC_BASE, "//g")).isEqualTo("http://g/");
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            ../../../g    | http://a/g
            ../../../../g | http://a/g
            /./g          | http://a/g
            /../g         | http://a/g
            g.            | http://a/b/c/g.
            .g            | http://a/b/c/.g
            g..           | http://a/b/c/g..
            ..g           | http://a/b/c/..g
            ./../g        | http://a/b/g
            ./g/.         | http://a/b/c/g/
            g/./h         | http://a/b/c/g/h
            g/../h        | http://a/b/c/h
            g;x=1/./y     | http://a/b/c/g;x=1/y
            g;x=1/../y    | http://a/b/c/y
            g?y/./x       | http://a/b/c/g?y/./x
            g?y/../x      | http://a/b/c/g?y/../x
            g#s/./x       | http://a/b/c/g#s/./x
            g#s/../x      | http://a/b/c/g#s/../x
            # strict RFC 3986 reads "http:g" as absolute: an http URL without a host, which is none
            http:g        | NULL
            """)
    void rfc3986AbnormalExamples(String ref, String expected) {
        assertThat(Urls.resolve(RFC_BASE, ref)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] {0} against {1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            # spaces and other characters browsers escape
            my post.html                     | https://b.example/dir/      | https://b.example/dir/my%20post.html
            'a"b<c>d`e{f}g|h^i'              | https://b.example/          | https://b.example/a%22b%3Cc%3Ed%60e%7Bf%7Dg%7Ch%5Ei
            ?q=a b                           | https://b.example/p         | https://b.example/p?q=a%20b
            # white space around a link is dropped
            '  https://b.example/a  '        | NULL                        | https://b.example/a
            # in http(s) a backslash before the query is a slash, as in browsers; elsewhere it is escaped
            ..\\other\\page                  | https://b.example/dir/sub/x | https://b.example/dir/other/page
            \\\\cdn.example\\x               | https://b.example/          | https://cdn.example/x
            https://b.example/a\\b?x=\\y     | NULL                        | https://b.example/a/b?x=%5Cy
            foo:a\\b                         | NULL                        | foo:a%5Cb
            # non-ASCII text and internationalized hosts are kept as written
            café/ü?q=ü                       | https://b.example/          | https://b.example/café/ü?q=ü
            https://bücher.example/neu       | NULL                        | https://bücher.example/neu
            /neu                             | https://bücher.example/alt  | https://bücher.example/neu
            # the scheme is lower-cased, the rest left as written
            HTTPS://Host.Example/A/?x=1      | NULL                        | https://Host.Example/A/?x=1
            https://b.example                | NULL                        | https://b.example/
            https://b.example/a/./b/../c     | NULL                        | https://b.example/a/c
            https://b.example/100%           | NULL                        | https://b.example/100%
            # other schemes are kept
            mailto:me@example.org            | https://b.example/          | mailto:me@example.org
            tag:example.com,2024:1           | NULL                        | tag:example.com,2024:1
            # nothing absolute results
            relative/page                    | NULL                        | NULL
            x                                | mailto:a@example.com        | NULL
            x                                | not a base                  | NULL
            NULL                             | https://b.example/          | NULL
            # invalid hosts and ports
            https://exa mple.com/            | NULL                        | NULL
            https://a..b/                    | NULL                        | NULL
            https://xn--zz.example/          | NULL                        | NULL
            https://b.example:65536/         | NULL                        | NULL
            https:///path-only               | NULL                        | NULL
            //exa mple.com/x                 | https://b.example/          | NULL
            """)
    void resolvesFeedSloppinessAsBrowsersDo(String ref, String base, String expected) {
        assertThat(Urls.resolve(base, ref)).isEqualTo(expected);
    }

    @Test
    void tabsAndNewlinesInsideALinkAreDropped() {
        assertThat(Urls.resolve("https://b.example/", "/2024/\n\t05/post\r\n"))
                .isEqualTo("https://b.example/2024/05/post");
    }

    @Test
    void aBaseIsCleanedAsTheReferenceIs() {
        assertThat(Urls.resolve("  https://b.example/dir\\sub/x\n", "y")).isEqualTo("https://b.example/dir/sub/y");
    }
}
