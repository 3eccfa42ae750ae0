package app.carnival.feed.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.carnival.testing.Corpus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every well-formed real-world feed in the corpus parses into usable entries. */
class RealCorpusTest {

    private static final String FEED_URL = "https://example.org/feed";
    /** An RSS guid or Atom id element with content (not self-closing): group 1 opens it, group 3 closes it. */
    private static final Pattern ID_ELEMENT = Pattern.compile("(?s)(<(guid|id)(?:\\s[^>]*)?(?<!/)>).*?(</\\2>)");

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
            assertFalse(entry.guid().isBlank(), "entry without guid: " + entry);
            assertTrue(
                    entry.url() == null || entry.url().matches("(?i)[a-z][a-z0-9+.-]*:.+"),
                    "url not absolute: " + entry.url());
            assertTrue(entry.contentHtml() != null, "content must not be null");
        }
    }

    /**
     * The corpus feeds again, with every guid and id element emptied, as some generators write them:
     * an entry is then known by its link (and one without a link is dropped).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("realFeedsWithIds")
    void anEntryWithABlankIdIsKnownByItsLink(Path file) throws FeedParseException {
        ParsedFeed feed = parser.parse(withBlankIds(Corpus.read(file)), null, FEED_URL);

        for (ParsedEntry entry : feed.entries()) {
            assertEquals(entry.url(), entry.guid(), "guid of an entry whose id is blank: " + entry);
        }
    }

    static List<Path> realFeedsWithIds() {
        return realFeeds().stream()
                .filter(f -> !Arrays.equals(withBlankIds(Corpus.read(f)), Corpus.read(f)))
                .toList();
    }

    /** The document with its guid and id elements emptied, byte for byte otherwise (Latin-1 maps each byte to one char). */
    static byte[] withBlankIds(byte[] document) {
        String text = new String(document, StandardCharsets.ISO_8859_1);
        return ID_ELEMENT.matcher(text).replaceAll("$1$3").getBytes(StandardCharsets.ISO_8859_1);
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
