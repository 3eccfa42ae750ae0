package app.carnival.feed.parse;

import static org.assertj.core.api.Assertions.assertThat;

import app.carnival.testing.Corpus;
import app.carnival.testing.FeedServer;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.output.XMLOutputter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Woodstox tree must mean to ROME exactly what ROME's own reader would have built: the whole corpus is
 * read both ways and compared, and what ROME's reader refuses for safety the Woodstox reader refuses too.
 */
class FeedTreesTest {

    @RegisterExtension
    static final FeedServer server = new FeedServer();

    @Test
    void everyCorpusDocumentReadsToTheSameFeedEitherWayAndEachReaderRefusesTheSameOnes() throws FeedParseException {
        int same = 0;
        List<String> differ = new ArrayList<>();
        List<String> oneSided = new ArrayList<>();
        for (Path file : Corpus.documents()) {
            byte[] body = Corpus.read(file);
            String xml = new FeedDecoder()
                    .decode(new FeedHealer().gunzipIfCompressed(body), Corpus.declaredContentType(body));
            SyndFeed byRome = romeReader(xml);
            SyndFeed byWoodstox = woodstox(xml);
            if (byRome == null && byWoodstox == null) {
                // The parser heals such a document and reads it again: compare that reading too.
                String healed = healed(xml);
                byRome = romeReader(healed);
                byWoodstox = woodstox(healed);
            }
            if ((byRome == null) != (byWoodstox == null)) {
                oneSided.add(file + (byRome == null ? ": only Woodstox reads it" : ": only ROME's reader reads it"));
            } else if (byRome != null && !byRome.equals(byWoodstox)) {
                differ.add(file.toString());
            } else if (byRome != null) {
                same++;
            }
        }
        assertThat(differ).isEmpty();
        assertThat(oneSided).isEmpty();
        assertThat(same).isGreaterThan(1850);
    }

    @Test
    void theComparisonSeesADifferentEntry() {
        String feed = """
                <rss version="2.0"><channel><title>t</title><link>https://b.example/</link>
                <item><title>%s</title><link>https://b.example/1</link><description><![CDATA[<p>x</p>]]></description></item>
                </channel></rss>""";
        assertThat(woodstox(feed.formatted("One"))).isEqualTo(romeReader(feed.formatted("One")));
        assertThat(woodstox(feed.formatted("One"))).isNotEqualTo(romeReader(feed.formatted("Two")));
    }

    @Test
    void aDoctypeIsLeftToRomesReaderWhichRefusesIt() {
        String feed = """
                <?xml version="1.0"?>
                <!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "%s">
                <rss version="0.91"><channel><title>t</title><link>https://b.example/</link></channel></rss>""".formatted(server.url("/rss-0.91.dtd"));
        assertThat(FeedTrees.read(feed, FeedTrees.Entries.BUILD)).isEmpty();
        assertThat(romeReader(feed)).isNull();
        assertThat(server.requests("/rss-0.91.dtd")).isEmpty();
    }

    @Test
    void noExternalEntityIsFetchedAndNoEntityExpanded() {
        String external = """
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY secret SYSTEM "%s">]>
                <rss version="2.0"><channel><title>&secret;</title><link>https://b.example/</link></channel></rss>""".formatted(server.url("/secret"));
        String laughs = """
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
                <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>
                <rss version="2.0"><channel><title>&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;</title></channel></rss>""";
        assertThat(FeedTrees.read(external, FeedTrees.Entries.BUILD)).isEmpty();
        assertThat(FeedTrees.read(laughs, FeedTrees.Entries.BUILD)).isEmpty();
        assertThat(server.requests("/secret")).isEmpty();
    }

    /**
     * A poll that skips the entries must see the same entries once read alone: over the corpus, each skipped
     * entry's markup is what a whole read's entry was written from, and read alone it is that entry.
     */
    @Test
    void everySkippedEntryReadAloneIsTheEntryAWholeReadBuilds() throws FeedParseException {
        int entries = 0;
        List<String> wrong = new ArrayList<>();
        XMLOutputter out = new XMLOutputter();
        for (Path file : Corpus.documents()) {
            byte[] body = Corpus.read(file);
            String xml = new FeedDecoder()
                    .decode(new FeedHealer().gunzipIfCompressed(body), Corpus.declaredContentType(body));
            FeedTrees.Tree whole = FeedTrees.read(xml, FeedTrees.Entries.BUILD).orElse(null);
            FeedTrees.Tree skipped = FeedTrees.read(xml, FeedTrees.Entries.SKIP).orElse(null);
            if (whole == null || skipped == null) {
                if (whole != skipped) {
                    wrong.add(file + ": read one way only");
                }
                continue;
            }
            if (whole.entries().size() != skipped.entries().size()) {
                wrong.add(file + ": entry count");
                continue;
            }
            for (int i = 0; i < whole.entries().size(); i++) {
                FeedTrees.Entry built = whole.entries().get(i);
                FeedTrees.Entry left = skipped.entries().get(i);
                String alone = FeedTrees.entry(xml, left).map(out::outputString).orElse(null);
                if (left.element() != null
                        || built.start() != left.start()
                        || built.end() != left.end()
                        || !out.outputString(built.element()).equals(alone)) {
                    wrong.add(file + ": entry " + i);
                }
                entries++;
            }
            whole.entries().forEach(e -> e.element().detach());
            if (!out.outputString(whole.document()).equals(out.outputString(skipped.document()))) {
                wrong.add(file + ": what surrounds the entries");
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(entries).isGreaterThan(1_500);
    }

    @Test
    void anEntryIsNotedFromItsFirstToItsLastCharacterAndReadAloneInTheNamespacesOfItsPlace() {
        String atom =
                "<?xml version=\"1.0\"?>\r\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xmlns:m=\"urn:m&amp;x&#10;y\""
                        + " xml:base=\"https://b.example/\">\r\n<title>\uD83C\uDF89 party</title>"
                        + "<entry><title>\uD83C\uDF89 one</title><m:mood>ok</m:mood></entry><entry/>\r\n"
                        + "<entry xmlns:n=\"urn:n\"><n:x>\uD83C\uDF89</n:x><link href=\"/1\"/></entry></feed>";
        FeedTrees.Tree tree = FeedTrees.read(atom, FeedTrees.Entries.SKIP).orElseThrow();

        assertThat(tree.entries())
                .extracting(e -> e.markup(atom))
                .containsExactly(
                        "<entry><title>\uD83C\uDF89 one</title><m:mood>ok</m:mood></entry>",
                        "<entry/>",
                        "<entry xmlns:n=\"urn:n\"><n:x>\uD83C\uDF89</n:x><link href=\"/1\"/></entry>");
        assertThat(tree.document().getRootElement().getChildren())
                .extracting(Element::getName)
                .containsExactly("title");
        Element first = FeedTrees.entry(atom, tree.entries().get(0)).orElseThrow();
        assertThat(first.getNamespaceURI()).isEqualTo("http://www.w3.org/2005/Atom");
        assertThat(first.getChildren().get(1).getNamespaceURI()).isEqualTo("urn:m&x\ny");
        Element third = FeedTrees.entry(atom, tree.entries().get(2)).orElseThrow();
        assertThat(third.getChildren().get(0).getNamespaceURI()).isEqualTo("urn:n");
        assertThat(tree.entries()).extracting(FeedTrees.Entry::index).containsExactly(2, 2, 3);
    }

    /** The healed text, or an empty one when the healer gives up (an HTML page, say): neither reader reads that. */
    private static String healed(String xml) {
        try {
            return new FeedHealer().heal(xml);
        } catch (FeedParseException e) {
            return "";
        }
    }

    private static SyndFeed romeReader(String xml) {
        try {
            return input().build(new StringReader(xml));
        } catch (Exception e) {
            return null;
        }
    }

    private static SyndFeed woodstox(String xml) {
        Document tree = FeedTrees.read(xml, FeedTrees.Entries.BUILD)
                .map(FeedTrees.Tree::document)
                .orElse(null);
        try {
            return tree == null ? null : input().build(tree);
        } catch (Exception e) {
            return null;
        }
    }

    /** As {@link FeedParser} sets it up. */
    private static SyndFeedInput input() {
        SyndFeedInput input = new SyndFeedInput();
        input.setXmlHealerOn(false);
        input.setPreserveWireFeed(true);
        return input;
    }
}
