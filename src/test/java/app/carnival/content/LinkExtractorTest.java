package app.carnival.content;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class LinkExtractorTest {

    private static final String BASE = "https://blog.example.org/2024/05/my-answer";

    @Test
    void resolvesRelativeHrefsAgainstTheBaseInDocumentOrder() {
        String html = """
                <p>See <a href="https://host.example.com/meme15">the invitation</a>,
                <a href="../older">an older post</a>, <a href="/about">about me</a>
                and <a href="next#top">the next one</a>.</p>""";
        assertEquals(
                List.of(
                        "https://host.example.com/meme15",
                        "https://blog.example.org/2024/older",
                        "https://blog.example.org/about",
                        "https://blog.example.org/2024/05/next#top"),
                LinkExtractor.links(html, BASE));
    }

    @Test
    void dropsDuplicatesKeepingTheFirstOccurrence() {
        String html = "<a href='https://a.example/x'>1</a><a href='https://b.example/'>2</a>"
                + "<a href='https://a.example/x'>3</a>";
        assertEquals(List.of("https://a.example/x", "https://b.example/"), LinkExtractor.links(html, BASE));
    }

    @Test
    void skipsEmptyHrefsAnchorsWithoutHrefAndUnresolvableLinks() {
        String html = "<a href=''>empty</a><a href='   '>blank</a><a name='x'>no href</a>"
                + "<a href='relative/page'>relative</a><a href='https://ok.example/'>ok</a>";
        assertEquals(List.of("https://ok.example/"), LinkExtractor.links(html, null));
    }

    @Test
    void keepsAbsoluteLinksOfAnySchemeWithoutNormalizingThem() {
        // jsoup lower-cases the scheme; the rest is left to UrlNormalizer
        String html =
                "<a href='mailto:me@example.org'>mail</a> <a href='HTTP://www.Example.COM/A/?utm_source=x'>shout</a>";
        assertEquals(
                List.of("mailto:me@example.org", "http://www.Example.COM/A/?utm_source=x"),
                LinkExtractor.links(html, BASE));
    }

    @Test
    void findsLinksInNestedAndMalformedMarkup() {
        String html = "<div><ul><li><b><a href=\"https://x.example/1\">one</b></li><li><a href=https://x.example/2>two";
        assertEquals(List.of("https://x.example/1", "https://x.example/2"), LinkExtractor.links(html, BASE));
    }

    @Test
    void emptyOrNullHtmlHasNoLinks() {
        assertEquals(List.of(), LinkExtractor.links("", BASE));
        assertEquals(List.of(), LinkExtractor.links(null, BASE));
        assertEquals(List.of(), LinkExtractor.links("<p>no links here</p>", BASE));
    }

    @Test
    void resolvesSloppyHrefsAsBrowsersDo() {
        String html = "<a href='my answer.html'>space</a><a href='..\\older\\post'>backslashes</a>"
                + "<a href=' https://bücher.example/neu '>idn</a><a href='//exa mple.example/x'>bad host</a>"
                + "<a href='\n/about\t'>wrapped</a>";
        assertEquals(
                List.of(
                        "https://blog.example.org/2024/05/my%20answer.html",
                        "https://blog.example.org/2024/older/post",
                        "https://bücher.example/neu",
                        "https://blog.example.org/about"),
                LinkExtractor.links(html, BASE));
    }
}
