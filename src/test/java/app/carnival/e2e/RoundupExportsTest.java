package app.carnival.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import app.carnival.testing.FeedServer;
import app.carnival.testing.GithubMarkdown;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.StringReader;
import java.util.List;
import java.util.regex.Pattern;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Each export of a round-up carries exactly the responses of the JSON round-up. */
@QuarkusTest
class RoundupExportsTest {

    static final String INVITATION = "https://host.example/2024/05/exports-invitation/";
    static final String SLUG = "exports";

    @RegisterExtension
    static final FeedServer server = new FeedServer();

    static String token;

    @BeforeAll
    static void feeds() {
        String alice = server.url("/x-alice");
        server.serve(
                "/x-alice/feed",
                "application/rss+xml",
                Feeds.wordpress(
                        alice,
                        Feeds.wordpressItem(
                                alice + "/one/",
                                "Alice's *answer* [1]",
                                "Fri, 03 May 2024 09:00:00 +0000",
                                "SQL",
                                "<p>Answering <a href=\"" + INVITATION
                                        + "\">the invitation</a> with (parentheses) & ampersands.</p>"),
                        Feeds.wordpressItem(
                                alice + "/two/",
                                "Alice again #exports",
                                "Sat, 04 May 2024 09:00:00 +0000",
                                "SQL",
                                "<p>A second answer, linking to <a href=\"" + alice + "/one/\">my first</a>.</p>")));
        String bob = server.url("/x-bob");
        server.serve(
                "/x-bob/feed",
                "application/atom+xml",
                Feeds.blogger(
                        bob,
                        Feeds.bloggerEntry(
                                "9",
                                bob + "/answer.html",
                                "Bob takes it",
                                "2024-05-06T08:00:00.000-07:00",
                                "exports",
                                "<p>Tagged, late-ish but inside the window.</p>")));
    }

    @BeforeEach
    void series() {
        // here rather than in @BeforeAll, which may run before the application is up
        if (token != null) {
            return;
        }
        String alice = server.url("/x-alice");
        String bob = server.url("/x-bob");
        token = Api.createSeries(SLUG, "exports");
        Api.createAssignment(SLUG, token, Api.assignment(INVITATION, "2024-05-01T00:00:00Z", "2024-05-15T00:00:00Z", 0))
                .statusCode(201);
        Api.register(SLUG, "Alice", alice, server.url("/x-alice/feed"));
        Api.register(SLUG, "Bob", bob, server.url("/x-bob/feed"));
        Api.pollSeries(SLUG, token).statusCode(200).body("newResponses", equalTo(3));
    }

    static JsonPath roundup() {
        return given().get("/api/series/" + SLUG + "/assignments/1/roundup")
                .then()
                .statusCode(200)
                .body("count", equalTo(3))
                .extract()
                .jsonPath();
    }

    @Test
    void atomParsesBackWithRomeIntoTheSameEntries() throws Exception {
        JsonPath json = roundup();
        String atom = given().get("/api/series/" + SLUG + "/assignments/1/roundup.atom")
                .then()
                .statusCode(200)
                .contentType(containsString("application/atom+xml"))
                .extract()
                .asString();

        SyndFeed feed = new SyndFeedInput().build(new StringReader(atom));
        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        assertThat(feed.getTitle()).contains("What is your favourite feature?");
        assertThat(feed.getEntries())
                .extracting(SyndEntry::getTitle)
                .containsExactlyElementsOf(json.getList("responses.title", String.class));
        assertThat(feed.getEntries())
                .extracting(SyndEntry::getLink)
                .containsExactlyElementsOf(json.getList("responses.url", String.class));
        assertThat(feed.getEntries())
                .extracting(e -> e.getAuthors().get(0).getName())
                .containsExactlyElementsOf(json.getList("responses.participant", String.class));
        assertThat(feed.getEntries())
                .extracting(SyndEntry::getUri)
                .doesNotHaveDuplicates()
                .allMatch(id -> id.startsWith("http") && id.contains("/series/" + SLUG + "/1#response-"));
        assertThat(feed.getEntries()).allMatch(e -> e.getPublishedDate() != null && e.getUpdatedDate() != null);
        assertThat(feed.getEntries().get(0).getDescription().getValue()).contains("(parentheses) & ampersands");
    }

    @Test
    void markdownContainsEveryResponseLinkExactlyOnce() {
        JsonPath json = roundup();
        String md = given().get("/api/series/" + SLUG + "/assignments/1/roundup.md")
                .then()
                .statusCode(200)
                .contentType(containsString("text/markdown"))
                .extract()
                .asString();

        for (String url : json.getList("responses.url", String.class)) {
            assertThat(Pattern.compile(Pattern.quote("](" + url + ")"))
                            .matcher(md)
                            .results()
                            .count())
                    .as(url)
                    .isEqualTo(1);
            assertThat(md.split(Pattern.quote(url), -1)).as(url).hasSize(2);
        }
        assertThat(md).startsWith("Here are the responses to \"What is your favourite feature?\".\n\n");
        assertThat(md).contains("- **Alice** — [Alice's \\*answer\\* \\[1\\]](" + server.url("/x-alice/one/") + ")");
        assertThat(md).contains("(parentheses) \\& ampersands");
        assertThat(md.lines().filter(l -> l.startsWith("- **"))).hasSize(3);

        Node doc = GithubMarkdown.parse(md);
        assertThat(GithubMarkdown.nodes(doc)).noneMatch(n -> n instanceof HtmlInline || n instanceof HtmlBlock);
        assertThat(GithubMarkdown.nodes(doc, Link.class))
                .extracting(Link::getDestination)
                .containsExactlyElementsOf(json.getList("responses.url", String.class));
    }

    @Test
    void htmlSnippetListsEveryResponseWithNofollowLinks() {
        JsonPath json = roundup();
        String html = given().get("/api/series/" + SLUG + "/assignments/1/roundup.html")
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .extract()
                .asString();

        Document snippet = Jsoup.parseBodyFragment(html);
        assertThat(snippet.select("p").first().text()).contains("Here are the responses");
        assertThat(snippet.select("ul.carnival-roundup > li")).hasSize(3);
        assertThat(snippet.select("li a"))
                .extracting(a -> a.attr("href"))
                .containsExactlyElementsOf(json.getList("responses.url", String.class));
        assertThat(snippet.select("li a")).allMatch(a -> a.attr("rel").equals("nofollow ugc"));
        assertThat(snippet.select("li strong")).extracting(Element::text).containsExactly("Alice", "Alice", "Bob");
        assertThat(html).doesNotContain("<html", "<body", "<script", "<style");
    }

    @Test
    void opmlListsEveryParticipantFeed() {
        String opml = given().get("/api/series/" + SLUG + "/participants.opml")
                .then()
                .statusCode(200)
                .contentType(containsString("opml"))
                .extract()
                .asString();

        Document doc = Jsoup.parse(opml, "", Parser.xmlParser());
        assertThat(doc.selectFirst("opml").attr("version")).isEqualTo("2.0");
        assertThat(doc.select("body > outline"))
                .extracting(o -> o.attr("xmlUrl"))
                .containsExactlyInAnyOrder(server.url("/x-alice/feed"), server.url("/x-bob/feed"));
        assertThat(doc.select("body > outline"))
                .extracting(o -> o.attr("text"))
                .containsExactlyInAnyOrder("Alice", "Bob");
        assertThat(doc.select("body > outline")).allMatch(o -> o.attr("type").equals("rss") && o.hasAttr("htmlUrl"));
    }

    @Test
    void seriesFeedListsNewlyMatchedResponses() throws Exception {
        String atom = given().get("/api/series/" + SLUG + "/responses.atom")
                .then()
                .statusCode(200)
                .contentType(containsString("application/atom+xml"))
                .extract()
                .asString();

        SyndFeed feed = new SyndFeedInput().build(new StringReader(atom));
        assertThat(feed.getEntries()).hasSize(3);
        assertThat(feed.getEntries()).extracting(SyndEntry::getTitle).allMatch(t -> t.startsWith("#1: "));
        assertThat(feed.getEntries())
                .extracting(SyndEntry::getLink)
                .containsExactlyInAnyOrderElementsOf(roundup().getList("responses.url", String.class));
    }

    @Test
    void exportsOfUnknownThingsAre404() {
        for (String path : List.of(
                "/api/series/" + SLUG + "/assignments/2/roundup.atom",
                "/api/series/" + SLUG + "/assignments/x/roundup.md",
                "/api/series/nope/assignments/1/roundup.html",
                "/api/series/nope/participants.opml",
                "/api/series/nope/responses.atom")) {
            given().get(path).then().statusCode(404).contentType("application/problem+json");
        }
    }
}
