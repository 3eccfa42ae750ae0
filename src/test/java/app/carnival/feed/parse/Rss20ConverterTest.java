package app.carnival.feed.parse;

import static org.assertj.core.api.Assertions.assertThat;

import app.carnival.testing.Corpus;
import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.synd.Converter;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.impl.ConverterForRSS20;
import com.rometools.rome.feed.synd.impl.Converters;
import com.rometools.rome.io.WireFeedInput;
import java.io.StringReader;
import java.nio.file.Path;
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
        WireFeed wire = new WireFeedInput().build(new StringReader(rss));

        SyndFeed ours = convert(new Rss20Converter(), wire);

        assertThat(categories(ours, 0)).containsExactly("SQL", "T-SQL Tuesday", "https://b.example/tags SQL");
        assertThat(categories(ours, 1)).isEmpty();
        assertThat(ours).isEqualTo(convert(new ConverterForRSS20(), wire));
        // the wire feed keeps its categories
        assertThat(((Channel) wire).getItems().get(0).getCategories()).hasSize(4);
    }

    @Test
    void everyRss20FeedOfTheCorpusConvertsToWhatRomeMakesOfIt() {
        int compared = 0;
        List<String> different = new ArrayList<>();
        for (Path file : Corpus.documents()) {
            WireFeed wire;
            try {
                wire = new WireFeedInput().build(new StringReader(new String(Corpus.read(file), "UTF-8")));
            } catch (Exception | StackOverflowError notAFeedRomeReads) {
                continue;
            }
            if (!"rss_2.0".equals(wire.getFeedType())) {
                continue;
            }
            compared++;
            if (!convert(new Rss20Converter(), wire).equals(convert(new ConverterForRSS20(), wire))) {
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
