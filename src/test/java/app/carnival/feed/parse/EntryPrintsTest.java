package app.carnival.feed.parse;

import static org.assertj.core.api.Assertions.assertThat;

import app.carnival.testing.Corpus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jdom2.Content;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Text;
import org.jdom2.output.XMLOutputter;
import org.junit.jupiter.api.Test;

/**
 * A poll maps only the entries the last recorded body did not have: what it skips must be exactly what it
 * would have mapped to the same thing, and whatever could map differently must be mapped.
 */
class EntryPrintsTest {

    private static final String URL = "https://blog.example/feed";

    private final FeedParser parser = new FeedParser();

    static String rss(String buildDate, String link, String... items) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
                <title>Pat</title><link>%s</link><lastBuildDate>%s</lastBuildDate>
                %s
                </channel></rss>""".formatted(link, buildDate, String.join("\n", items));
    }

    static String item(int n, String day, String html) {
        return """
                <item><title>Post %1$d</title><link>/p/%1$d/</link><guid isPermaLink="false">p-%1$d</guid>
                <pubDate>%2$s Jun 2024 10:00:00 +0000</pubDate><content:encoded><![CDATA[%3$s]]></content:encoded></item>""".formatted(n, day, html);
    }

    private ParsedFeed parse(String xml, List<EntryPrint> known) throws FeedParseException {
        return parser.parse(xml.getBytes(StandardCharsets.UTF_8), "application/rss+xml", URL, known);
    }

    @Test
    void aNewPostAmongKnownOnesIsTheOnlyEntryMappedAndTheKnownOnesKeepTheirDates() throws FeedParseException {
        String one = item(1, "Mon, 03", "<p>one</p>");
        String two = item(2, "Tue, 04", "<p>two</p>");
        ParsedFeed first = parse(rss("Tue, 04 Jun 2024 10:00:00 +0000", "https://blog.example/", two, one), List.of());
        assertThat(first.entries()).hasSize(2);
        assertThat(first.known()).isZero();
        assertThat(first.prints()).hasSize(2);

        String three = item(3, "Wed, 05", "<p>three</p>");
        String next = rss("Wed, 05 Jun 2024 10:00:00 +0000", "https://blog.example/", three, two, one);
        ParsedFeed second = parse(next, first.prints());
        ParsedFeed whole = parse(next, List.of());

        assertThat(second.entries()).extracting(ParsedEntry::guid).containsExactly("p-3");
        assertThat(second.entries()).containsExactly(whole.entries().get(0));
        assertThat(second.known()).isEqualTo(2);
        assertThat(second.entryCount()).isEqualTo(3);
        assertThat(second.prints()).isEqualTo(whole.prints());
        assertThat(second.published()).isEqualTo(whole.published()).hasSize(3);
    }

    /** Woodstox reads a long CDATA section in pieces where its buffer ends, unless told not to: the same entry further down the body must make the same tree. */
    @Test
    void longEntriesAreRecognisedWhereverTheyMoveInTheBody() throws FeedParseException {
        List<String> items = new ArrayList<>();
        for (int n = 1; n <= 6; n++) {
            items.add(item(n, "Mon, 03", "<p>" + ("word" + n + " ").repeat(2_000 + 97 * n) + "</p>"));
        }
        String link = "https://blog.example/";
        ParsedFeed first = parse(rss("d1", link, items.subList(0, 5).toArray(String[]::new)), List.of());
        List<String> newestFirst = new ArrayList<>(items.subList(5, 6));
        newestFirst.addAll(items.subList(0, 5));
        ParsedFeed second = parse(rss("d2", link, newestFirst.toArray(String[]::new)), first.prints());
        assertThat(second.known()).isEqualTo(5);
        assertThat(second.entries()).extracting(ParsedEntry::guid).containsExactly("p-6");
    }

    /**
     * A new entry that does not read alone (an HTML entity, which only the healer mends) sends the body down the
     * whole read, then to the healer, as a first poll's body would go.
     */
    @Test
    void aNewEntryThatDoesNotReadAloneIsReadAsAFirstPollWouldReadIt() throws FeedParseException {
        String link = "https://blog.example/";
        String one = item(1, "Mon, 03", "<p>one</p>");
        List<EntryPrint> known = parse(rss("d1", link, one), List.of()).prints();
        String broken = "<item><title>Caf&eacute;&nbsp;two</title><link>/p/2/</link><guid>p-2</guid></item>";
        String next = rss("d2", link, broken, one);

        assertThat(FeedTrees.read(next, FeedTrees.Entries.BUILD)).isEmpty();
        ParsedFeed second = parse(next, known);
        assertThat(second.entries()).extracting(ParsedEntry::title).containsExactly("Caf\u00e9\u00a0two");
        assertThat(second.known()).isEqualTo(1);
    }

    @Test
    void anEditedEntryIsMappedAgain() throws FeedParseException {
        String link = "https://blog.example/";
        ParsedFeed first = parse(rss("d1", link, item(1, "Mon, 03", "<p>draft</p>")), List.of());
        ParsedFeed edited = parse(rss("d2", link, item(1, "Mon, 03", "<p>final</p>")), first.prints());
        assertThat(edited.entries()).extracting(ParsedEntry::contentHtml).containsExactly("<p>final</p>");
        assertThat(edited.known()).isZero();
    }

    @Test
    void whatEntriesAreResolvedAgainstChangesEveryFingerprint() throws FeedParseException {
        String entry = item(1, "Mon, 03", "<p>x</p>");
        String xml = rss("d", "https://blog.example/", entry);
        List<EntryPrint> known = parse(xml, List.of()).prints();

        // Same markup fetched from elsewhere: its relative links resolve elsewhere.
        ParsedFeed moved = parser.parse(
                xml.getBytes(StandardCharsets.UTF_8), "application/rss+xml", "https://other.example/feed", known);
        // The channel changed (a base, a link): ROME may read it for the entries.
        ParsedFeed rebased = parse(rss("d", "https://blog.example/new/", entry), known);

        assertThat(moved.known()).isZero();
        assertThat(moved.entries()).extracting(ParsedEntry::url).containsExactly("https://other.example/p/1/");
        assertThat(rebased.known()).isZero();
        assertThat(parse(xml, known).known()).isEqualTo(1);
    }

    /**
     * EntryPrints finds entries by local name, ROME by name and namespace: an {@code item} of another
     * namespace in the channel makes the counts differ, and the body is then mapped whole, remembering nothing.
     */
    @Test
    void whenRomeFindsOtherEntriesThanTheFingerprintsTheBodyIsMappedWholeAndRemembersNothing()
            throws FeedParseException {
        String link = "https://blog.example/";
        String one = item(1, "Mon, 03", "<p>one</p>");
        String two = item(2, "Tue, 04", "<p>two</p>");
        String foreign = "<x:item xmlns:x=\"urn:example:not-rss\"><title>not an entry</title></x:item>";
        List<EntryPrint> known = parse(rss("d1", link, two, one), List.of()).prints();
        assertThat(known).hasSize(2);

        for (List<EntryPrint> remembered : List.of(List.<EntryPrint>of(), known)) {
            ParsedFeed odd = parse(rss("d1", link, two, foreign, one), remembered);
            assertThat(odd.entries()).extracting(ParsedEntry::guid).containsExactly("p-2", "p-1");
            assertThat(odd.known()).isZero();
            assertThat(odd.prints()).isEmpty();
        }
    }

    @Test
    void aJsonFeedIsMappedWholeAndRemembersNothing() throws FeedParseException {
        String json = """
                {"version": "https://jsonfeed.org/version/1.1", "title": "t", "home_page_url": "https://b.example/",
                 "items": [{"id": "1", "url": "https://b.example/a", "content_html": "<p>a</p>",
                            "date_published": "2024-06-03T10:00:00Z"}]}""";
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        ParsedFeed whole = parser.parse(body, "application/feed+json", URL, List.of());
        assertThat(whole.prints()).isEmpty();
        assertThat(whole.published()).hasSize(1);
        assertThat(parser.parse(body, "application/feed+json", URL, whole.prints())
                        .entries())
                .hasSize(1);
    }

    /**
     * Over the corpus: a body read again with its own fingerprints maps nothing and tells the same; a body
     * with one entry changed (and its feed's date) maps exactly the entries whose markup changed, as a whole
     * parse maps them.
     */
    @Test
    void overTheCorpusOnlyChangedEntriesAreMappedAndToWhatAWholeParseGives() throws Exception {
        int printed = 0;
        int mutated = 0;
        List<String> wrong = new ArrayList<>();
        XMLOutputter out = new XMLOutputter();
        for (Path file : Corpus.documents()) {
            byte[] body = Corpus.read(file);
            String type = Corpus.declaredContentType(body);
            ParsedFeed whole;
            try {
                whole = parser.parse(body, type, URL, List.of());
            } catch (FeedParseException e) {
                continue;
            }
            if (whole.prints().isEmpty()) {
                continue;
            }
            printed++;
            ParsedFeed again = parser.parse(body, type, URL, whole.prints());
            if (!again.entries().isEmpty()
                    || again.entryCount() != whole.entryCount()
                    || !again.prints().equals(whole.prints())
                    || !again.published().equals(whole.published())
                    || !Objects.equals(again.title(), whole.title())) {
                wrong.add(file + ": read again");
            }

            String xml = new FeedDecoder().decode(new FeedHealer().gunzipIfCompressed(body), type);
            FeedTrees.Tree read = FeedTrees.read(xml, FeedTrees.Entries.BUILD).orElse(null);
            Document tree = read == null ? null : read.document();
            List<Element> entries = read == null
                    ? List.of()
                    : read.entries().stream().map(FeedTrees.Entry::element).toList();
            if (entries.isEmpty() || !appendToFirstText(entries.get(entries.size() - 1))) {
                continue;
            }
            String changed = out.outputString(tree);
            ParsedFeed original;
            ParsedFeed expected;
            try {
                original = parse(
                        out.outputString(FeedTrees.read(xml, FeedTrees.Entries.BUILD)
                                .orElseThrow()
                                .document()),
                        List.of());
                expected = parse(changed, List.of());
            } catch (FeedParseException e) {
                continue; // written out again, the document is no feed (base64 content changed, say)
            }
            mutated++;
            ParsedFeed partial = parse(changed, original.prints());
            List<ParsedEntry> differing = expected.entries().stream()
                    .filter(e -> !original.entries().contains(e))
                    .toList();
            if (!partial.prints().equals(expected.prints())
                    || !partial.published().equals(expected.published())
                    || !expected.entries().containsAll(partial.entries())
                    || !partial.entries().containsAll(differing)
                    || partial.known() != entries.size() - 1) {
                wrong.add(file + ": one entry changed");
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(printed).isGreaterThan(1200);
        assertThat(mutated).isGreaterThan(1000);
    }

    /** Changes an entry's first non-blank text, depth first; false when it has none. */
    private static boolean appendToFirstText(Element e) {
        for (Content c : e.getContent()) {
            if (c instanceof Text t && !t.getTextTrim().isEmpty()) {
                t.setText(t.getText() + " (edited)");
                return true;
            }
            if (c instanceof Element child && appendToFirstText(child)) {
                return true;
            }
        }
        return false;
    }
}
