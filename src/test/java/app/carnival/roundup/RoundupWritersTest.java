package app.carnival.roundup;

import static org.assertj.core.api.Assertions.assertThat;

import app.carnival.matching.MatchRule;
import app.carnival.matching.MatchedBy;
import app.carnival.response.Response;
import app.carnival.series.AssignmentStatus;
import app.carnival.series.AssignmentView;
import app.carnival.testing.GithubMarkdown;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.BulletList;
import org.commonmark.node.Emphasis;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** The export writers, on hostile feed text: everything comes out inert. */
class RoundupWritersTest {

    static final OffsetDateTime MAY = OffsetDateTime.parse("2024-05-03T09:00:00Z");

    static AssignmentView assignment(String intro) {
        return new AssignmentView(
                "s",
                1,
                "Tabs <or> spaces?",
                "https://host.example/inv",
                List.of(),
                List.of("Q?"),
                MAY,
                MAY.plusDays(7),
                "UTC",
                0,
                MAY.plusDays(7),
                MatchRule.LINK_OR_TAG,
                "s",
                intro,
                null,
                AssignmentStatus.OPEN);
    }

    static RoundupView.Entry entry(long id, String name, String title, String url, String excerpt, boolean late) {
        return new RoundupView.Entry(
                id,
                id,
                name,
                "https://blog.example/",
                title,
                url,
                MAY,
                excerpt,
                List.of(MatchedBy.TAG),
                late,
                Response.State.AUTO,
                Response.Source.FEED,
                null);
    }

    static final RoundupView HOSTILE = new RoundupView(
            assignment("First paragraph.\n\nSecond <b>paragraph</b>."),
            3,
            List.of(
                    entry(
                            1,
                            "Mallory <img src=x onerror=alert(1)>",
                            "<script>alert('t')</script> [click](javascript:alert(1))",
                            "javascript:alert(1)",
                            "Text with <script>alert(2)</script> and *stars*",
                            false),
                    entry(2, "Alice", "Fine (really)", "https://alice.example/a_(1)", "", true),
                    entry(3, "Bob", "", "https://bob.example/p", "Excerpt", false)));

    @Test
    void markdownEscapesTextAndLinksOnlyHttpUrls() {
        String md = RoundupMarkdown.write(HOSTILE);

        assertThat(md).startsWith("First paragraph.\n\nSecond \\<b\\>paragraph\\</b\\>.\n\n");
        assertThat(md)
                .contains(
                        "- **Mallory \\<img src=x onerror=alert(1)\\>** — \\<script\\>alert('t')\\</script\\> "
                                + "\\[click\\](javascript:alert(1)) — Text with \\<script\\>alert(2)\\</script\\> and \\*stars\\*\n");
        assertThat(md).contains("- **Alice** — [Fine (really)](https://alice.example/a_%281%29) _(late)_\n");
        assertThat(md).contains("- **Bob** — [(untitled)](https://bob.example/p) — Excerpt\n");

        Node doc = GithubMarkdown.parse(md);
        assertThat(GithubMarkdown.nodes(doc)).noneMatch(n -> n instanceof HtmlInline || n instanceof HtmlBlock);
        assertThat(GithubMarkdown.nodes(doc, Link.class))
                .extracting(Link::getDestination)
                .containsExactly("https://alice.example/a_%281%29", "https://bob.example/p");
    }

    /** Text that is markup, raw HTML or a link to some Markdown renderer, in every place feed and host text goes. */
    static final List<String> HOSTILE_TEXT = List.of(
            "See www.evil.example/path now",
            "https://evil.example/x",
            "WWW.EVIL.EXAMPLE.COM",
            "<script>alert(1)</script>",
            "[x](javascript:alert(1))",
            "[x][1]",
            "[1]: https://evil.example/ref",
            "![img](https://evil.example/i.png)",
            "<https://evil.example/auto>",
            "*emphasis* and _this_ and **strong**",
            "# heading",
            "## heading too",
            "1. first",
            "7) seventh",
            "- dash",
            "+ plus",
            "* star",
            "> quote",
            "~~struck~~",
            "`code`",
            "```",
            "&copy; &#60;b&#62;",
            "<b onmouseover=alert(1)>bold</b>",
            "a\\",
            "|a|b|",
            "---",
            "===",
            "http://x.example:80/a?b=1&c=2",
            "javascript://evil.example/%0Aalert(1)",
            "ftp://evil.example/f");

    @Test
    void hostileTextStaysLiteralTextForGithubFlavouredRenderers() {
        List<RoundupView.Entry> entries = new ArrayList<>();
        for (int i = 0; i < HOSTILE_TEXT.size(); i++) {
            String hostile = HOSTILE_TEXT.get(i);
            entries.add(entry(i, hostile, hostile, "https://ok.example/" + i, hostile, i % 2 == 0));
        }
        RoundupView roundup = new RoundupView(assignment(String.join("\n\n", HOSTILE_TEXT)), entries.size(), entries);

        Node doc = GithubMarkdown.parse(RoundupMarkdown.write(roundup));

        assertThat(GithubMarkdown.nodes(doc))
                .allMatch(n -> n instanceof Paragraph
                        || n instanceof Text
                        || n instanceof BulletList
                        || n instanceof ListItem
                        || n instanceof StrongEmphasis
                        || n instanceof Emphasis
                        || n instanceof Link);
        assertThat(GithubMarkdown.nodes(doc, Link.class))
                .extracting(Link::getDestination)
                .containsExactlyElementsOf(
                        entries.stream().map(RoundupView.Entry::url).toList());
        assertThat(GithubMarkdown.nodes(doc, Emphasis.class))
                .extracting(GithubMarkdown::text)
                .containsOnly("(late)");
        assertThat(GithubMarkdown.nodes(doc, StrongEmphasis.class))
                .extracting(GithubMarkdown::text)
                .containsExactlyElementsOf(HOSTILE_TEXT);
        assertThat(GithubMarkdown.nodes(doc, Link.class))
                .extracting(GithubMarkdown::text)
                .containsExactlyElementsOf(HOSTILE_TEXT);
        // Every text reads back exactly as it came: the intro paragraph by paragraph, then line by line.
        List<Paragraph> intro = GithubMarkdown.nodes(doc, Paragraph.class).stream()
                .filter(p -> p.getParent() == doc)
                .toList();
        assertThat(intro).extracting(GithubMarkdown::text).containsExactlyElementsOf(HOSTILE_TEXT);
        assertThat(GithubMarkdown.nodes(doc, ListItem.class))
                .extracting(GithubMarkdown::text)
                .containsExactlyElementsOf(entries.stream()
                        .map(e ->
                                e.participant() + " — " + e.title() + " — " + e.excerpt() + (e.late() ? " (late)" : ""))
                        .toList());
    }

    @Test
    void markdownEscapesLineStartsOnlyWhereTheyMakeBlocks() {
        String md = RoundupMarkdown.write(new RoundupView(
                assignment(
                        "# not a heading, C# and #meme15\n\n- not a list\n\n+ nor this\n\n2024. A year\n\nWow! C++ -- fine"),
                0,
                List.of()));
        assertThat(md)
                .isEqualTo("\\# not a heading, C# and #meme15\n\n\\- not a list\n\n\\+ nor this\n\n2024\\. A year\n\n"
                        + "Wow! C++ -- fine\n");
    }

    @Test
    void htmlSnippetIsInertMarkup() {
        String html = RoundupHtml.write(HOSTILE);
        Document doc = Jsoup.parseBodyFragment(html);

        assertThat(doc.select("script, img, b")).isEmpty();
        assertThat(doc.select("[onerror]")).isEmpty();
        assertThat(doc.select("a"))
                .extracting(a -> a.attr("href"))
                .containsExactly("https://alice.example/a_(1)", "https://bob.example/p");
        assertThat(doc.select("p"))
                .extracting(p -> p.text())
                .containsExactly("First paragraph.", "Second <b>paragraph</b>.");
        assertThat(doc.select("li").get(0).text())
                .startsWith("Mallory <img src=x onerror=alert(1)> — <script>alert('t')</script>");
        assertThat(doc.select("li").get(1).text()).endsWith("(late)");
        assertThat(html).doesNotContain("javascript:alert(1)\"");
    }

    @Test
    void defaultIntroNamesTheAssignment() {
        RoundupView empty = new RoundupView(assignment(""), 0, List.of());
        assertThat(RoundupMarkdown.write(empty)).isEqualTo("Here are the responses to \"Tabs \\<or\\> spaces?\".\n");
        assertThat(Jsoup.parseBodyFragment(RoundupHtml.write(empty)).select("p").text())
                .isEqualTo("Here are the responses to \"Tabs <or> spaces?\".");
    }

    @Test
    void atomKeepsTextAsTextAndDropsNonHttpLinks() throws Exception {
        String atom = AtomWriter.write(
                new AtomWriter.Channel(
                        "https://c.example/s/1",
                        "Round-up",
                        "sub",
                        "https://c.example/api/s/1/roundup.atom",
                        "https://c.example/s/1",
                        Instant.parse("2024-05-03T09:00:00Z")),
                HOSTILE.responses().stream()
                        .map(e -> new AtomWriter.Item(
                                "https://c.example/s/1#response-" + e.id(),
                                e.title(),
                                e.url(),
                                e.participant(),
                                e.blogUrl(),
                                e.publishedAt().toInstant(),
                                e.excerpt()))
                        .toList());

        SyndFeed feed = new SyndFeedInput().build(new StringReader(atom));
        assertThat(feed.getEntries()).hasSize(3);
        assertThat(feed.getEntries().get(0).getTitle())
                .isEqualTo("<script>alert('t')</script> [click](javascript:alert(1))");
        assertThat(feed.getEntries().get(0).getLinks()).isEmpty();
        assertThat(feed.getEntries().get(2).getTitle()).isEqualTo("(untitled)");
        assertThat(atom).doesNotContain("<script>");
    }
}
