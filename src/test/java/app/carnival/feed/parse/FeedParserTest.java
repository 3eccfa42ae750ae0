package app.carnival.feed.parse;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Hand-written feeds pinning down the mapping, the healing and the security rules. */
class FeedParserTest {

    private static final String FEED_URL = "https://blog.example.org/feed.xml";
    private final FeedParser parser = new FeedParser();

    private ParsedFeed parse(String xml) throws FeedParseException {
        return parser.parse(xml.getBytes(UTF_8), "application/rss+xml", FEED_URL);
    }

    @ParameterizedTest(name = "<ttl>{0}</ttl> -> {1} min")
    @CsvSource({"180, 180", "' 60 ', 60", "0, ", "-5, ", "soon, ", "99999999999, "})
    void rssTtlIsReadInMinutesAndOnlyWhenPositive(String ttl, Long minutes) throws FeedParseException {
        ParsedFeed feed = parse(rss("<ttl>" + ttl + "</ttl>"));

        assertEquals(minutes == null ? null : Duration.ofMinutes(minutes), feed.ttl());
    }

    @Test
    void aFeedWithoutTtlHasNone() throws FeedParseException {
        assertNull(parse(rss("")).ttl());
    }

    private static String rss(String items) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
                <channel><title>Example blog</title><link>https://blog.example.org/</link><description>d</description>
                %s
                </channel></rss>""".formatted(items);
    }

    /** rome.properties puts RFC 822 first; the dates read are the same as with ROME's own order. */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Tue, 07 May 2024 10:00:00 +0200 | 2024-05-07T08:00:00Z",
                "Tue, 07 May 24 10:00:00 GMT | 2024-05-07T10:00:00Z",
                "Tue, 7 May 2024 10:00:00 EST | 2024-05-07T15:00:00Z",
                "2024-05-07T10:00:00+02:00 | 2024-05-07T08:00:00Z",
                "2024-05-07 | 2024-05-07T00:00:00Z"
            })
    void pubDatesAreReadWithRfc822First(String pubDate, String expected) throws Exception {
        assertTrue(com.rometools.rome.io.impl.PropertiesLoader.getPropertiesLoader()
                .getTokenizedProperty("datetime.extra.masks", "|")[0]
                .startsWith("EEE, dd MMM yy"));
        String rss = "<rss version='2.0'><channel><title>t</title><item><guid>g</guid><pubDate>" + pubDate
                + "</pubDate></item></channel></rss>";
        ParsedFeed feed =
                new FeedParser().parse(rss.getBytes(UTF_8), "application/rss+xml", "https://blog.example/feed");
        assertEquals(Instant.parse(expected), feed.entries().get(0).published());
    }

    @Test
    void rss20ContentEncodedWinsOverDescription() throws FeedParseException {
        ParsedFeed feed = parse(rss("""
                <item>
                  <title>  Meme15: my answer </title>
                  <link>https://blog.example.org/2024/meme15</link>
                  <guid isPermaLink="false">post-42</guid>
                  <author>me@example.org (Me)</author>
                  <pubDate>Tue, 10 Sep 2024 08:30:00 GMT</pubDate>
                  <category>meme15</category><category> sql </category><category>  </category>
                  <description>Short teaser</description>
                  <content:encoded><![CDATA[<p>Full <a href="/invitation">text</a></p>]]></content:encoded>
                </item>"""));

        assertEquals("Example blog", feed.title());
        assertEquals("https://blog.example.org/", feed.siteUrl());
        ParsedEntry entry = feed.entries().get(0);
        assertEquals("post-42", entry.guid());
        assertEquals("https://blog.example.org/2024/meme15", entry.url());
        assertEquals("Meme15: my answer", entry.title());
        assertEquals("me@example.org (Me)", entry.author());
        assertEquals(Instant.parse("2024-09-10T08:30:00Z"), entry.published());
        assertEquals(List.of("meme15", "sql"), entry.categories());
        assertEquals("<p>Full <a href=\"/invitation\">text</a></p>", entry.contentHtml());
        assertFalse(entry.summaryOnly());
        assertEquals("https://blog.example.org/2024/meme15", entry.baseUrl());
    }

    @Test
    void rssWithDescriptionOnlyIsSummaryOnly() throws FeedParseException {
        ParsedEntry entry = parse(rss("""
                <item><title>Teaser</title><link>https://blog.example.org/p</link>
                <description>&lt;p&gt;Read more&lt;/p&gt;</description></item>""")).entries().get(0);

        assertEquals("<p>Read more</p>", entry.contentHtml());
        assertTrue(entry.summaryOnly());
    }

    @Test
    void entryWithoutGuidUsesItsResolvedLinkAndMissingDatesStayNull() throws FeedParseException {
        ParsedEntry entry = parse(rss("<item><title>No guid</title><link>/2024/no-guid</link></item>"))
                .entries()
                .get(0);

        assertEquals("https://blog.example.org/2024/no-guid", entry.url());
        assertTrue(entry.guid().endsWith("/2024/no-guid"), entry.guid());
        assertNull(entry.published());
        assertNull(entry.updated());
        assertEquals("", entry.contentHtml());
    }

    @Test
    void entryWithNeitherGuidNorLinkIsSkipped() throws FeedParseException {
        ParsedFeed feed = parse(rss("""
                <item><title>Orphan</title><description>x</description></item>
                <item><title>Kept</title><guid>kept-1</guid></item>"""));

        assertEquals(
                List.of("kept-1"),
                feed.entries().stream().map(ParsedEntry::guid).toList());
        assertNull(feed.entries().get(0).url());
    }

    @Test
    void atomXmlBaseResolvesRelativeLinksAndCategoryTerms() throws FeedParseException {
        String atom = """
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://www.example.com/blog/">
                  <title type="html">Tom &amp;amp; Jerry</title>
                  <link rel="alternate" href="./"/>
                  <id>urn:uuid:feed</id><updated>2024-10-01T12:00:00Z</updated>
                  <entry xml:base="posts/">
                    <title type="html">&lt;b&gt;Bold&lt;/b&gt; move</title>
                    <link rel="alternate" href="first.html"/>
                    <id>tag:example.com,2024:1</id>
                    <published>2024-10-01T10:00:00+02:00</published>
                    <updated>2024-10-02T10:00:00Z</updated>
                    <author><name>Ann</name></author>
                    <category term="Meme15"/><category term="tsql2sday" label="T-SQL Tuesday"/>
                    <content type="html">&lt;img src="pic.png"&gt;</content>
                  </entry>
                  <entry>
                    <title>Only updated</title>
                    <link href="/elsewhere"/>
                    <id>tag:example.com,2024:2</id>
                    <updated>2024-10-03T00:00:00Z</updated>
                    <summary>1 &lt; 2</summary>
                  </entry>
                </feed>""";

        ParsedFeed feed = parser.parse(atom.getBytes(UTF_8), "application/atom+xml", FEED_URL);

        assertEquals("Tom & Jerry", feed.title());
        assertEquals("https://www.example.com/blog/", feed.siteUrl());
        ParsedEntry first = feed.entries().get(0);
        assertEquals("tag:example.com,2024:1", first.guid());
        assertEquals("https://www.example.com/blog/posts/first.html", first.url());
        assertEquals("https://www.example.com/blog/posts/", first.baseUrl());
        assertEquals("Bold move", first.title());
        assertEquals("Ann", first.author());
        assertEquals(Instant.parse("2024-10-01T08:00:00Z"), first.published());
        assertEquals(Instant.parse("2024-10-02T10:00:00Z"), first.updated());
        assertEquals(List.of("Meme15", "tsql2sday"), first.categories());
        assertEquals("<img src=\"pic.png\">", first.contentHtml());
        assertFalse(first.summaryOnly());

        ParsedEntry second = feed.entries().get(1);
        assertEquals("https://www.example.com/elsewhere", second.url());
        assertEquals(Instant.parse("2024-10-03T00:00:00Z"), second.published());
        assertEquals("1 &lt; 2", second.contentHtml());
        assertTrue(second.summaryOnly());
    }

    @Test
    void rss10RdfParses() throws FeedParseException {
        String rdf = """
                <?xml version="1.0"?>
                <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
                         xmlns:dc="http://purl.org/dc/elements/1.1/">
                  <channel rdf:about="https://rdf.example.net/">
                    <title>RDF site</title><link>https://rdf.example.net/</link><description>d</description>
                    <items><rdf:Seq><rdf:li resource="https://rdf.example.net/a"/></rdf:Seq></items>
                  </channel>
                  <item rdf:about="https://rdf.example.net/a">
                    <title>RDF item</title><link>https://rdf.example.net/a</link>
                    <dc:date>2024-05-06T07:08:09Z</dc:date><dc:creator>Rita</dc:creator><dc:subject>meme15</dc:subject>
                    <description>About RDF</description>
                  </item>
                </rdf:RDF>""";

        ParsedFeed feed = parse(rdf);

        assertEquals("RDF site", feed.title());
        ParsedEntry entry = feed.entries().get(0);
        assertEquals("https://rdf.example.net/a", entry.url());
        assertEquals("https://rdf.example.net/a", entry.guid());
        assertEquals("RDF item", entry.title());
        assertEquals("Rita", entry.author());
        assertEquals(Instant.parse("2024-05-06T07:08:09Z"), entry.published());
        assertEquals(List.of("meme15"), entry.categories());
        assertTrue(entry.summaryOnly());
    }

    @Test
    void externalEntityIsRejectedWithoutReadingTheFile() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE rss [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
                <rss version="2.0"><channel><title>&xxe;</title><link>https://x.example/</link><description>d</description>
                <item><title>&xxe;</title><guid>g</guid></item></channel></rss>""";

        FeedParseException e = assertThrows(FeedParseException.class, () -> parse(xxe));

        assertEquals("DOCTYPE with entity declarations is not allowed", e.getMessage());
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertFalse(String.valueOf(t.getMessage()).contains("root:"), "file content leaked: " + t.getMessage());
        }
    }

    @Test
    void billionLaughsIsRejectedQuickly() {
        StringBuilder entities = new StringBuilder("<!ENTITY lol0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            entities.append("<!ENTITY lol")
                    .append(i)
                    .append(" \"")
                    .append(("&lol" + (i - 1) + ";").repeat(10))
                    .append("\">");
        }
        String bomb = "<?xml version=\"1.0\"?><!DOCTYPE rss [" + entities + "]><rss version=\"2.0\"><channel>"
                + "<title>&lol9;</title><item><guid>g</guid></item></channel></rss>";

        FeedParseException e = assertTimeoutPreemptively(
                Duration.ofSeconds(2), () -> assertThrows(FeedParseException.class, () -> parse(bomb)));

        assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
    }

    @Test
    void rss091WithNetscapeDoctypeParsesWithoutFetchingTheDtd() throws FeedParseException {
        // The DTD host is unresolvable on purpose: any attempt to load it would fail the parse.
        String rss091 = """
                <?xml version="1.0" encoding="ISO-8859-1"?>
                <!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN"
                  "http://my.netscape.invalid/publish/formats/rss-0.91.dtd">
                <rss version="0.91"><channel>
                <title>Old school</title><link>https://old.example.com/</link><description>d</description><language>en</language>
                <item><title>Caf&#233; post</title><link>https://old.example.com/cafe</link><description>x</description></item>
                </channel></rss>""";

        ParsedFeed feed = parser.parse(rss091.getBytes(ISO_8859_1), "text/xml", FEED_URL);

        assertEquals("Café post", feed.entries().get(0).title());
        assertEquals("https://old.example.com/cafe", feed.entries().get(0).url());
    }

    @Test
    void xmlDeclarationWinsOverAWrongContentTypeCharset() throws FeedParseException {
        byte[] utf8 =
                rss("<item><title>Crème brûlée</title><guid>g</guid></item>").getBytes(UTF_8);

        ParsedFeed feed = parser.parse(utf8, "text/xml; charset=ISO-8859-1", FEED_URL);

        assertEquals("Crème brûlée", feed.entries().get(0).title());
    }

    @Test
    void contentTypeCharsetIsUsedWhenTheDocumentDeclaresNone() throws FeedParseException {
        String xml = rss("<item><title>Привет</title><guid>g</guid></item>").replace(" encoding=\"UTF-8\"", "");

        ParsedFeed feed = parser.parse(
                xml.getBytes(java.nio.charset.Charset.forName("windows-1251")),
                "application/rss+xml; charset=windows-1251",
                FEED_URL);

        assertEquals("Привет", feed.entries().get(0).title());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE"})
    void wideEncodingsAreRecognisedByByteOrderMarkOrPattern(String charsetName) throws FeedParseException {
        java.nio.charset.Charset charset = java.nio.charset.Charset.forName(charsetName);
        String xml = rss("<item><title>Ünïcödé ✓</title><guid>w</guid></item>").replace("UTF-8", "UTF-16");
        byte[] withoutBom = xml.getBytes(charset);
        byte[] withBom = ("\uFEFF" + xml).getBytes(charset);

        for (byte[] body : List.of(withoutBom, withBom)) {
            assertEquals(
                    "Ünïcödé ✓",
                    parser.parse(body, "text/xml", FEED_URL).entries().get(0).title());
        }
    }

    @Test
    void rssWithoutChannelIsAnEmptyFeed() throws FeedParseException {
        assertTrue(parse("<rss version=\"2.0\">\n</rss>").entries().isEmpty());
    }

    @Test
    void htmlEntitiesAndBareAmpersandsAreHealedButCdataIsLeftAlone() throws FeedParseException {
        ParsedEntry entry = parse(rss("""
                <item><title>Caf&eacute; &mdash; Q&A &amp; more</title><guid>g</guid>
                <content:encoded><![CDATA[<p>&nbsp;kept &copy;</p>]]></content:encoded></item>""")).entries().get(0);

        assertEquals("Café — Q&A & more", entry.title());
        assertEquals("<p>&nbsp;kept &copy;</p>", entry.contentHtml());
    }

    @Test
    void gzipBodyIsDecompressed() throws FeedParseException, IOException {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(rss("<item><title>Zipped</title><guid>z</guid></item>").getBytes(UTF_8));
        }

        assertEquals(
                "Zipped",
                parser.parse(gz.toByteArray(), null, FEED_URL).entries().get(0).title());
    }

    @Test
    void gzipBombIsRefused() throws IOException {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 21; i++) {
                out.write(zeros);
            }
        }

        FeedParseException e =
                assertThrows(FeedParseException.class, () -> parser.parse(gz.toByteArray(), null, FEED_URL));

        assertEquals("feed is larger than 20 MB after decompression", e.getMessage());
    }

    @Test
    void emptyBodyIsReported() {
        assertEquals(
                "empty response body",
                assertThrows(FeedParseException.class, () -> parser.parse(new byte[0], null, FEED_URL))
                        .getMessage());
        assertEquals(
                "empty response body",
                assertThrows(FeedParseException.class, () -> parser.parse(" \n ".getBytes(UTF_8), null, FEED_URL))
                        .getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "plain text                | not a feed: the response contains no XML",
                "<html><body>hi</body></html> | not a feed: the server returned an HTML page",
                "<!DOCTYPE html><html lang='en'></html> | not a feed: the server returned an HTML page",
                "<?xml version='1.0'?><note>hi</note> | not a feed: the XML document is not RSS, Atom or RDF",
                "<rss version='2.0'><channel><title>x</title> | truncated feed: the document ends at line 1 before its elements are closed",
            })
    void nonFeedsGetReadableMessages(String body, String message) {
        FeedParseException e =
                assertThrows(FeedParseException.class, () -> parser.parse(body.getBytes(UTF_8), null, FEED_URL));

        assertEquals(message, e.getMessage());
    }

    @Test
    void malformedXmlNamesTheLine() {
        FeedParseException e = assertThrows(
                FeedParseException.class,
                () -> parse("<rss version=\"2.0\">\n<channel>\n<title>x</titel>\n</channel></rss>"));

        assertTrue(e.getMessage().startsWith("malformed XML at line 3: "), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"00 01 02 03 ff fe fd", "1f 8b 00 00 12 34", "ef bb bf 3c 3f 78 6d 6c", "3c 00 00 3c 21 2d 2d"})
    void garbageBytesGiveFeedParseException(String hex) {
        String[] parts = hex.split(" ");
        byte[] bytes = new byte[parts.length];
        for (int i = 0; i < parts.length; i++) {
            bytes[i] = (byte) Integer.parseInt(parts[i], 16);
        }

        FeedParseException e = assertThrows(FeedParseException.class, () -> parser.parse(bytes, "text/xml", FEED_URL));

        assertFalse(e.getMessage().isBlank());
    }
}
