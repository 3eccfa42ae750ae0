package app.carnival.roundup;

import app.carnival.series.AssignmentStatus;
import app.carnival.matching.MatchedBy;
import app.carnival.response.Response;
import static org.assertj.core.api.Assertions.assertThat;

import app.carnival.matching.MatchRule;
import app.carnival.series.AssignmentView;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** The export writers, on hostile feed text: everything comes out inert. */
class RoundupWritersTest {

    static final OffsetDateTime MAY = OffsetDateTime.parse("2024-05-03T09:00:00Z");

    static AssignmentView assignment(String intro) {
        return new AssignmentView("s", 1, "Tabs <or> spaces?", "https://host.example/inv", List.of(), List.of("Q?"),
                MAY, MAY.plusDays(7), "UTC", 0, MAY.plusDays(7), MatchRule.LINK_OR_TAG, "s", intro, AssignmentStatus.OPEN);
    }

    static RoundupView.Entry entry(long id, String name, String title, String url, String excerpt, boolean late) {
        return new RoundupView.Entry(id, name, "https://blog.example/", title, url, MAY, excerpt, List.of(MatchedBy.TAG), late, Response.State.AUTO);
    }

    static final RoundupView HOSTILE = new RoundupView(assignment("First paragraph.\n\nSecond <b>paragraph</b>."), 3, List.of(
            entry(1, "Mallory <img src=x onerror=alert(1)>", "<script>alert('t')</script> [click](javascript:alert(1))",
                    "javascript:alert(1)", "Text with <script>alert(2)</script> and *stars*", false),
            entry(2, "Alice", "Fine (really)", "https://alice.example/a_(1)", "", true),
            entry(3, "Bob", "", "https://bob.example/p", "Excerpt", false)));

    @Test
    void markdownEscapesTextAndLinksOnlyHttpUrls() {
        String md = RoundupMarkdown.write(HOSTILE);

        assertThat(md).startsWith("First paragraph.\n\nSecond &lt;b&gt;paragraph&lt;/b&gt;.\n\n");
        assertThat(md).doesNotContain("<script", "<img", "[click](");
        assertThat(md).contains("- **Mallory &lt;img src=x onerror=alert(1)&gt;** — &lt;script&gt;alert('t')&lt;/script&gt; "
                + "\\[click\\](javascript:alert(1)) — Text with &lt;script&gt;alert(2)&lt;/script&gt; and \\*stars\\*\n");
        assertThat(md).contains("- **Alice** — [Fine (really)](https://alice.example/a_%281%29) _(late)_\n");
        assertThat(md).contains("- **Bob** — [(untitled)](https://bob.example/p) — Excerpt\n");
    }

    @Test
    void markdownEscapesLineStartsOnlyWhereTheyMakeBlocks() {
        assertThat(RoundupMarkdown.text("# not a heading, C# and #meme15")).isEqualTo("\\# not a heading, C# and #meme15");
        assertThat(RoundupMarkdown.text("- not a list")).isEqualTo("\\- not a list");
        assertThat(RoundupMarkdown.text("2024. A year")).isEqualTo("2024\\. A year");
        assertThat(RoundupMarkdown.text("Wow! C++ -- fine")).isEqualTo("Wow! C++ -- fine");
    }

    @Test
    void htmlSnippetIsInertMarkup() {
        String html = RoundupHtml.write(HOSTILE);
        Document doc = Jsoup.parseBodyFragment(html);

        assertThat(doc.select("script, img, b")).isEmpty();
        assertThat(doc.select("[onerror]")).isEmpty();
        assertThat(doc.select("a")).extracting(a -> a.attr("href"))
                .containsExactly("https://alice.example/a_(1)", "https://bob.example/p");
        assertThat(doc.select("p")).extracting(p -> p.text()).containsExactly("First paragraph.", "Second <b>paragraph</b>.");
        assertThat(doc.select("li").get(0).text()).startsWith("Mallory <img src=x onerror=alert(1)> — <script>alert('t')</script>");
        assertThat(doc.select("li").get(1).text()).endsWith("(late)");
        assertThat(html).doesNotContain("javascript:alert(1)\"");
    }

    @Test
    void defaultIntroNamesTheAssignment() {
        RoundupView empty = new RoundupView(assignment(""), 0, List.of());
        assertThat(RoundupMarkdown.write(empty)).isEqualTo("Here are the responses to \"Tabs &lt;or&gt; spaces?\".\n\n");
        assertThat(Jsoup.parseBodyFragment(RoundupHtml.write(empty)).select("p").text())
                .isEqualTo("Here are the responses to \"Tabs <or> spaces?\".");
    }

    @Test
    void atomKeepsTextAsTextAndDropsNonHttpLinks() throws Exception {
        String atom = AtomWriter.write(new AtomWriter.Channel("https://c.example/s/1", "Round-up", "sub",
                        "https://c.example/api/s/1/roundup.atom", "https://c.example/s/1", Instant.parse("2024-05-03T09:00:00Z")),
                HOSTILE.responses().stream().map(e -> new AtomWriter.Item("https://c.example/s/1#response-" + e.id(),
                        e.title(), e.url(), e.participant(), e.blogUrl(), e.publishedAt().toInstant(), e.excerpt())).toList());

        SyndFeed feed = new SyndFeedInput().build(new StringReader(atom));
        assertThat(feed.getEntries()).hasSize(3);
        assertThat(feed.getEntries().get(0).getTitle()).isEqualTo("<script>alert('t')</script> [click](javascript:alert(1))");
        assertThat(feed.getEntries().get(0).getLinks()).isEmpty();
        assertThat(feed.getEntries().get(2).getTitle()).isEqualTo("(untitled)");
        assertThat(atom).doesNotContain("<script>");
    }
}
