package app.carnival.feed.parse;

import static org.assertj.core.api.Assertions.assertThat;

import app.carnival.testing.Corpus;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.impl.DateParser;
import com.rometools.rome.io.impl.FeedParsers;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jdom2.Document;
import org.jdom2.input.SAXBuilder;
import org.junit.jupiter.api.Test;

/** The java.time reading of an RSS 2.0 pubDate must give what ROME's would, or leave the date to ROME. */
class Rss20ParserTest {

    @Test
    void theUsualFormsReadToWhatRomeReadsThemTo() {
        List<String> usual = List.of(
                "Mon, 03 Jun 2024 10:00:00 +0000",
                "Mon, 03 Jun 2024 10:00:00 GMT",
                "  Sun, 31 Dec 2023 23:59:59 -0800 ",
                "Mon, 3 Jun 2024 10:00:00 +0530",
                "03 Jun 2024 10:00:00 +0200",
                "Mon, 03 Jun 2024 10:00 +0000",
                "mon, 03 jun 2024 10:00:00 gmt",
                "Thu, 29 Feb 2024 12:00:00 +0100");
        for (String date : usual) {
            assertThat(Rss20Parser.rfc1123(date))
                    .as(date)
                    .isNotNull()
                    .isEqualTo(DateParser.parseDate(date, Locale.US).toInstant());
        }
    }

    @Test
    void everyOtherFormIsLeftToRome() {
        List<String> others = List.of(
                "Mon, 03 Jun 24 10:00:00 +0000", // two-digit year
                "Mon, 03 Jun 2024 10:00:00 EST", // a zone name
                "Mon, 03 Jun 2024 10:00:00 UT",
                "Tue, 03 Jun 2024 10:00:00 +0000", // a wrong weekday, which lenient ROME ignores
                "Fri, 30 Feb 2024 10:00:00 +0000", // no such day, which lenient ROME rolls into March
                "Monday, 03 Jun 2024 10:00:00 +0000",
                "2024-06-03T10:00:00Z",
                "Mon, 03 Jun 2024 10:00:00 +0000 (UTC)",
                "");
        for (String date : others) {
            assertThat(Rss20Parser.rfc1123(date)).as(date).isNull();
        }
    }

    /** Every pubDate of the corpus the java.time reading takes reads to ROME's instant. */
    @Test
    void overTheCorpusEveryDateReadIsRomesDate() {
        Pattern pubDate = Pattern.compile("<pubDate>([^<]*)</pubDate>");
        int read = 0;
        List<String> wrong = new ArrayList<>();
        for (Path file : Corpus.documents()) {
            java.util.regex.Matcher m = pubDate.matcher(new String(Corpus.read(file), StandardCharsets.UTF_8));
            while (m.find()) {
                Instant fast = Rss20Parser.rfc1123(m.group(1));
                if (fast != null) {
                    read++;
                    Date rome = DateParser.parseDate(m.group(1), Locale.US);
                    if (rome == null || !fast.equals(rome.toInstant())) {
                        wrong.add(file + ": " + m.group(1));
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(read).isGreaterThan(400);
    }

    @Test
    void romeUsesItForRss20AndItsItemsAreDatedEitherWay() throws Exception {
        String rss = """
                <rss version="2.0"><channel><title>t</title><link>https://b.example/</link>
                <item><title>a</title><pubDate>Mon, 03 Jun 2024 10:00:00 +0200</pubDate><link>https://b.example/a</link></item>
                <item><title>b</title><pubDate>Tue, 03 Jun 24 10:00:00 EST</pubDate><link>https://b.example/b</link></item>
                </channel></rss>""";
        Document document = new SAXBuilder().build(new StringReader(rss));
        assertThat(new FeedParsers().getParserFor(document)).isInstanceOf(Rss20Parser.class);

        SyndFeed feed = new SyndFeedInput().build(document);
        assertThat(feed.getEntries().get(0).getPublishedDate().toInstant())
                .isEqualTo(Instant.parse("2024-06-03T08:00:00Z"));
        assertThat(feed.getEntries().get(1).getPublishedDate().toInstant())
                .isEqualTo(DateParser.parseDate("Tue, 03 Jun 24 10:00:00 EST", Locale.US)
                        .toInstant());
        // the tree is left as it was read
        assertThat(document.getRootElement()
                        .getChild("channel")
                        .getChildren("item")
                        .get(0)
                        .getChildren())
                .extracting(org.jdom2.Element::getName)
                .containsExactly("title", "pubDate", "link");
    }
}
