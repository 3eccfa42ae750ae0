package app.carnival.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** Endpoint discovery, case by case as webmention.rocks lists them (tests 1–23). */
class WebmentionEndpointTest {

    static final String PAGE = "https://blog.example/2024/05/post/";

    static Optional<String> discover(List<String> headers, String body) {
        Document page = body == null ? null : Jsoup.parse(body, PAGE);
        return WebmentionEndpoint.discover(PAGE, headers, page);
    }

    static Optional<String> html(String head, String body) {
        return discover(List.of(), "<!DOCTYPE html><html><head>" + head + "</head><body>" + body + "</body></html>");
    }

    @Test
    void linkHeadersRelativeAbsoluteQuotedOrNotInAnyCase() {
        assertThat(discover(List.of("</webmention/1>; rel=webmention"), null))
                .contains("https://blog.example/webmention/1");
        assertThat(discover(List.of("<https://wm.example/endpoint>; rel=webmention"), null))
                .contains("https://wm.example/endpoint");
        assertThat(discover(List.of("</wm/7>; REL=\"webmention\""), null)).contains("https://blog.example/wm/7");
        assertThat(discover(List.of("</wm/8>; rel=\"webmention\""), null)).contains("https://blog.example/wm/8");
        assertThat(discover(List.of("</wm/10>; rel=\"webmention somethingelse\""), null))
                .contains("https://blog.example/wm/10");
    }

    @Test
    void htmlLinkAndAnchorElementsRelativeOrAbsolute() {
        assertThat(html("<link rel=\"webmention\" href=\"/wm/3\">", "")).contains("https://blog.example/wm/3");
        assertThat(html("<link rel=\"webmention\" href=\"https://wm.example/4\">", ""))
                .contains("https://wm.example/4");
        assertThat(html("", "<a rel=\"webmention\" href=\"/wm/5\">wm</a>")).contains("https://blog.example/wm/5");
        assertThat(html("", "<a rel=\"webmention\" href=\"https://wm.example/6\">wm</a>"))
                .contains("https://wm.example/6");
        assertThat(html("<link rel=\"webmention somethingelse\" href=\"/wm/9\">", ""))
                .contains("https://blog.example/wm/9");
    }

    @Test
    void theHeaderWinsThenDocumentOrderDecides() {
        assertThat(
                        discover(
                                List.of("</wm/header>; rel=webmention"),
                                "<html><head><link rel=webmention href=/wm/link></head><body><a rel=webmention href=/wm/a>x</a></body></html>"))
                .contains("https://blog.example/wm/header");
        assertThat(html("", "<a rel=webmention href=/wm/a>x</a><link rel=webmention href=/wm/link>"))
                .contains("https://blog.example/wm/a");
        assertThat(html("<link rel=webmention href=/wm/link>", "<a rel=webmention href=/wm/a>x</a>"))
                .contains("https://blog.example/wm/link");
        assertThat(discover(List.of("</wm/first>; rel=\"other\"", "</wm/second>; rel=webmention"), null))
                .contains("https://blog.example/wm/second");
        assertThat(discover(List.of("</wm/a>; rel=\"other\", </wm/b>; rel=\"webmention\""), null))
                .contains("https://blog.example/wm/b");
    }

    @Test
    void onlyTheExactRelCountsAndNothingHiddenOrEscaped() {
        assertThat(html("<link rel=\"not-webmention\" href=\"/wrong\"><link rel=\"webmention\" href=\"/right\">", ""))
                .contains("https://blog.example/right");
        assertThat(html("<!-- <link rel=\"webmention\" href=\"/commented\"> --><link rel=webmention href=/real>", ""))
                .contains("https://blog.example/real");
        assertThat(
                        html(
                                "",
                                "<code>&lt;a rel=\"webmention\" href=\"/escaped\"&gt;</code><a rel=webmention href=/real>x</a>"))
                .contains("https://blog.example/real");
        assertThat(html("<link rel=\"webmention\">", "<a rel=webmention href=/after>x</a>"))
                .contains("https://blog.example/after");
        assertThat(html("", "<p>no endpoint</p>")).isEmpty();
        assertThat(discover(List.of(), null)).isEmpty();
    }

    @Test
    void anEmptyHrefIsThePageItselfAndTheQueryIsKept() {
        assertThat(html("<link rel=\"webmention\" href=\"\">", "")).contains(PAGE);
        assertThat(html("<link rel=\"webmention\" href=\"/wm/21?query=yes\">", ""))
                .contains("https://blog.example/wm/21?query=yes");
        assertThat(html("<link rel=\"webmention\" href=\"22/webmention\">", ""))
                .contains("https://blog.example/2024/05/post/22/webmention");
    }

    @Test
    void aRedirectedPageResolvesAgainstItsFinalAddress() {
        Document page = Jsoup.parse("<link rel=webmention href=wm>", "https://final.example/moved/");
        assertThat(WebmentionEndpoint.discover("https://final.example/moved/", List.of(), page))
                .contains("https://final.example/moved/wm");
    }

    @Test
    void notAnHttpEndpointIsNone() {
        assertThat(html("<link rel=webmention href=\"javascript:alert(1)\">", ""))
                .isEmpty();
        assertThat(discover(List.of("<mailto:x@example.org>; rel=webmention"), null))
                .isEmpty();
    }
}
