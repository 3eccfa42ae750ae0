package app.carnival.feed.parse;

import static org.assertj.core.api.Assertions.assertThat;

import app.carnival.testing.Corpus;
import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.synd.Converter;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.impl.ConverterForRSS20;
import com.rometools.rome.feed.synd.impl.Converters;
import com.rometools.rome.io.WireFeedInput;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The RSS 2.0 converter ROME uses here gives the feed ROME's own converter gives. */
class Rss20ConverterTest {

    @Test
    void romeUsesItForRss20AndItMergesCategoriesAsRomeDoes() throws Exception {
        assertThat(new Converters().getConverter("rss_2.0")).isInstanceOf(Rss20Converter.class);
        String rss = """
                <rss version="2.0"><channel><title>t</title>
                <link>https://b.example/</link>
                <item><title>a</title><link>https://b.example/a</link>
                  <category>SQL</category><category>T-SQL Tuesday</category><category>SQL</category>
                  <category domain="https://b.example/tags">SQL</category></item>
                <item><title>b</title><link>https://b.example/b</link></item>
                </channel></rss>""";
        WireFeed wire = wire(rss);

        SyndFeed ours = convert(new Rss20Converter(), wire);

        assertThat(categories(ours, 0)).containsExactly("SQL", "T-SQL Tuesday", "https://b.example/tags SQL");
        assertThat(categories(ours, 1)).isEmpty();
        assertThat(ours).isEqualTo(convert(new ConverterForRSS20(), wire(rss)));
        // the wire feed keeps its categories
        assertThat(((Channel) wire).getItems().get(0).getCategories()).hasSize(4);
    }

    @Test
    void itTakesTheDublinCoreOfAnItemWithWhatRomeAddsToIt() throws Exception {
        String rss = """
                <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>t</title>
                <link>https://b.example/</link>
                <item><title>dc only</title><link>https://b.example/a</link>
                  <dc:creator>Ann</dc:creator><dc:creator>Ann</dc:creator><dc:date>2026-11-10T08:00:00Z</dc:date>
                  <dc:subject>SQL</dc:subject></item>
                <item><title>both</title><link>https://b.example/b</link>
                  <author>bob@b.example (Bob)</author><pubDate>Tue, 10 Nov 2026 09:00:00 GMT</pubDate>
                  <dc:creator>Ann</dc:creator><dc:creator>Ann</dc:creator><dc:subject>SQL</dc:subject>
                  <category>SQL</category><category>Tuesday</category></item>
                <item><title>author already a creator</title><link>https://b.example/c</link>
                  <author>Ann</author><dc:creator>Ann</dc:creator><dc:creator>Ann</dc:creator>
                  <dc:date>2026-11-10T08:00:00Z</dc:date><pubDate>Tue, 10 Nov 2026 09:00:00 GMT</pubDate></item>
                <item><title>none</title><link>https://b.example/d</link>
                  <author>Cy</author><pubDate>Tue, 10 Nov 2026 09:00:00 GMT</pubDate></item>
                </channel></rss>""";

        SyndFeed ours = convert(new Rss20Converter(), wire(rss));

        assertThat(ours).isEqualTo(convert(new ConverterForRSS20(), wire(rss)));
        List<SyndEntry> entries = ours.getEntries();
        assertThat(((DCModule) entries.get(1).getModule(DCModule.URI)).getCreators())
                .containsExactly("Ann", "bob@b.example (Bob)");
        assertThat(((DCModule) entries.get(2).getModule(DCModule.URI)).getCreators())
                .containsExactly("Ann", "Ann");
        assertThat(entries.get(2).getPublishedDate().toInstant()).isEqualTo(Instant.parse("2026-11-10T08:00:00Z"));
        assertThat(entries.get(1).getPublishedDate().toInstant()).isEqualTo(Instant.parse("2026-11-10T09:00:00Z"));
        assertThat(categories(ours, 1)).containsExactly("SQL", "Tuesday");
        assertThat(entries.get(3).getAuthor()).isEqualTo("Cy");
    }

    private static WireFeed wire(String rss) throws Exception {
        return new WireFeedInput().build(new StringReader(rss));
    }

    @Test
    void everyRss20FeedOfTheCorpusConvertsToWhatRomeMakesOfIt() {
        int compared = 0;
        List<String> different = new ArrayList<>();
        for (Path file : Corpus.documents()) {
            WireFeed wire;
            WireFeed again;
            try {
                String xml = new String(Corpus.read(file), "UTF-8");
                wire = wire(xml);
                // A wire feed of its own for each converter: ours hands the items' modules over to the entries.
                again = wire(xml);
            } catch (Exception | StackOverflowError notAFeedRomeReads) {
                continue;
            }
            if (!"rss_2.0".equals(wire.getFeedType())) {
                continue;
            }
            compared++;
            if (!convert(new Rss20Converter(), wire).equals(convert(new ConverterForRSS20(), again))) {
                different.add(file.toString());
            }
        }
        assertThat(different).isEmpty();
        assertThat(compared).isGreaterThan(300);
    }

    private static SyndFeed convert(Converter converter, WireFeed wire) {
        SyndFeed feed = new SyndFeedImpl();
        converter.copyInto(wire, feed);
        return feed;
    }

    private static List<String> categories(SyndFeed feed, int entry) {
        return feed.getEntries().get(entry).getCategories().stream()
                .map(c -> (c.getTaxonomyUri() == null ? "" : c.getTaxonomyUri() + " ") + c.getName())
                .toList();
    }
}
