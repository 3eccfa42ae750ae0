package app.carnival.feed.parse;

import app.carnival.testing.Corpus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every well-formed real-world feed in the corpus parses into usable entries. */
class RealCorpusTest {

    private static final String FEED_URL = "https://example.org/feed";
    private final FeedParser parser = new FeedParser();

    static List<Path> realFeeds() {
        return Corpus.files("real");
    }

    @Test
    void corpusHasTheDocumentedNumberOfFeeds() {
        assertEquals(122, realFeeds().size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("realFeeds")
    void parsesIntoIdentifiableEntries(Path file) throws FeedParseException {
        ParsedFeed feed = parser.parse(Corpus.read(file), null, FEED_URL);

        assertFalse(feed.entries().isEmpty(), "no entries");
        for (ParsedEntry entry : feed.entries()) {
            boolean absoluteHttpUrl = entry.url() != null && entry.url().matches("(?i)https?://.+");
            assertTrue(absoluteHttpUrl || !entry.guid().isBlank(), "entry without url or guid: " + entry);
            assertTrue(entry.url() == null || entry.url().matches("(?i)[a-z][a-z0-9+.-]*:.+"),
                    "url not absolute: " + entry.url());
            assertTrue(entry.contentHtml() != null, "content must not be null");
        }
    }

    @Test
    void jekyllAtomFeedWithoutNamespaceResolvesRelativeLinksAgainstFeedUrl() throws FeedParseException {
        Path file = Corpus.root().resolve("real/jekyll_aurimas-relative-urls.atom.xml");

        ParsedFeed feed = parser.parse(Corpus.read(file), "application/atom+xml", "https://aurimas.example/feed.xml");

        assertEquals("Aurimas Liutikas", feed.title());
        assertEquals("https://aurimas.example/", feed.siteUrl());
        ParsedEntry first = feed.entries().get(0);
        assertEquals("https://aurimas.example/2024/12/18/What-The-Distribution.html", first.url());
        assertEquals("What The Distribution - What Is Inside Gradle Distribution Zips?", first.title());
    }
}
