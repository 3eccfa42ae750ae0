package app.carnival.feed.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import app.carnival.testing.Corpus;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Real captures a strict XML parser rejects: each is healed, or refused with a readable message. */
class MalformedCorpusTest {

    private static final String FEED_URL = "https://example.org/feed";
    private final FeedParser parser = new FeedParser();

    static List<Path> malformedFeeds() {
        return Corpus.files("real/malformed");
    }

    private static ParsedFeed parse(String name) throws FeedParseException {
        return new FeedParser()
                .parse(Corpus.read(Corpus.root().resolve("real/malformed").resolve(name)), null, FEED_URL);
    }

    @Test
    void everyFileIsCoveredByTheTablesBelow() {
        Set<String> names =
                malformedFeeds().stream().map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        assertEquals(
                Set.of(
                        "db-engines_blog.xml",
                        "ebmpapst_product-news.atom",
                        "jekyll_nshipster.xml.gz",
                        "mac-com_error-page-html.rss",
                        "reuters_most-read-truncated.xml",
                        "scienceshumaines_le-cercle-psy.xml",
                        "static_scattered-thoughts.atom",
                        "swr_swr2-impuls-podcast.rss",
                        "uol_noticias.rss",
                        "wordpress_androidauthority-leading-blank-lines.xml",
                        "yahoo-weather_milano.xml"),
                names);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedFeeds")
    void nothingButFeedParseExceptionEscapes(Path file) {
        try {
            parser.parse(Corpus.read(file), null, FEED_URL);
        } catch (FeedParseException e) {
            assertFalse(e.getMessage() == null || e.getMessage().isBlank(), "message must be readable");
        } catch (RuntimeException e) {
            fail("unexpected " + e, e);
        }
    }

    @ParameterizedTest(name = "{0} heals into all {1} entries")
    @CsvSource({
        // whitespace before the XML declaration
        "ebmpapst_product-news.atom, 1",
        "static_scattered-thoughts.atom, 1",
        "swr_swr2-impuls-podcast.rss, 1",
        "wordpress_androidauthority-leading-blank-lines.xml, 1",
        "yahoo-weather_milano.xml, 1",
        // undeclared &nbsp;
        "db-engines_blog.xml, 1",
        // undeclared Latin-1 bytes
        // (one of its 10 items has an empty link and no guid, so it cannot be tracked)
        "scienceshumaines_le-cercle-psy.xml, 9",
        "uol_noticias.rss, 15",
        // raw gzip body
        "jekyll_nshipster.xml.gz, 25",
    })
    void healedFeedsParse(String name, int expectedEntries) throws FeedParseException {
        ParsedFeed feed = parse(name);

        assertEquals(expectedEntries, feed.entries().size());
        assertTrue(feed.entries().stream()
                .allMatch(e -> e.url() != null || !e.guid().isBlank()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "scienceshumaines_le-cercle-psy.xml, La criminalité liée surtout à... l'ennui ?",
        "uol_noticias.rss, 'Ibope: Bolsonaro perde de Haddad, Ciro e Alckmin em simulações de 2º turno'",
    })
    void undeclaredLatin1IsReadAsWindows1252(String name, String expectedTitle) throws FeedParseException {
        List<String> titles =
                parse(name).entries().stream().map(ParsedEntry::title).toList();

        assertTrue(titles.contains(expectedTitle), "titles: " + titles);
        assertTrue(titles.stream().noneMatch(t -> t.contains("\uFFFD")), "replacement characters in " + titles);
    }

    @Test
    void undeclaredNbspBecomesANoBreakSpace() throws FeedParseException {
        String content = parse("db-engines_blog.xml").entries().get(0).contentHtml();

        assertTrue(content.contains("our\u00a0DB-Engines Ranking"), content);
    }

    @Test
    void truncatedFeedIsReportedAsTruncated() {
        FeedParseException e = assertThrows(FeedParseException.class, () -> parse("reuters_most-read-truncated.xml"));

        assertTrue(e.getMessage().startsWith("truncated feed"), e.getMessage());
    }

    @Test
    void htmlErrorPageIsNotAFeed() {
        FeedParseException e = assertThrows(FeedParseException.class, () -> parse("mac-com_error-page-html.rss"));

        assertEquals("not a feed: the server returned an HTML page", e.getMessage());
    }
}
