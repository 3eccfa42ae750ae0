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
        assertThat(FeedTrees.read(feed)).isEmpty();
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
        assertThat(FeedTrees.read(external)).isEmpty();
        assertThat(FeedTrees.read(laughs)).isEmpty();
        assertThat(server.requests("/secret")).isEmpty();
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
        Document tree = FeedTrees.read(xml).orElse(null);
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
