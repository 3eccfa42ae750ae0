package app.carnival.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import app.carnival.testing.FeedServer;
import app.carnival.testing.GithubMarkdown;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.Set;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A hostile feed entry and a hostile participant name, from the feed server through polling to every page and export. */
@QuarkusTest
class XssTest {

    static final String INVITATION = "https://host.example/2024/05/xss-invitation/";
    static final String TITLE = "<script>alert('title')</script>Innocent title";

    @RegisterExtension
    static final FeedServer server = new FeedServer();

    @BeforeAll
    static void feeds() {
        String site = server.url("/mallory");
        server.serve("/mallory/feed", "application/rss+xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Mallory</title><link>%s</link><description>d</description>
                <item><title>%s</title><link>javascript:alert('link')</link><guid isPermaLink="false">evil-1</guid>
                <pubDate>Fri, 03 May 2024 09:00:00 +0000</pubDate><category>xss</category>
                <description><![CDATA[<p>Hello <script>alert('content')</script><img src=x onerror="alert('img')">
                <a href="javascript:alert('a')">click me</a> <a href="%s" onclick="alert('click')">invitation</a>
                <iframe src="javascript:alert('frame')"></iframe></p>]]></description></item>
                </channel></rss>
                """.formatted(site, Feeds.escape(TITLE), INVITATION));
    }

    /** No script but the page's own, no event handler attribute, no javascript: URL anywhere. */
    static void assertInert(Document page) {
        assertThat(page.select("script"))
                .allMatch(s -> Set.of("/static/countdown.js", "/static/copy.js").contains(s.attr("src"))
                        && s.data().isBlank());
        assertThat(page.select("iframe, object, embed, img")).isEmpty();
        for (Element e : page.getAllElements()) {
            e.attributes().forEach(a -> {
                assertThat(a.getKey()).as("attribute on <%s>", e.tagName()).doesNotStartWith("on");
                assertThat(a.getValue().toLowerCase())
                        .as("%s on <%s>", a.getKey(), e.tagName())
                        .doesNotContain("javascript:");
            });
        }
    }

    @Test
    void hostileTextRendersAsTextAndHostileLinksAreNotLinks() {
        String token = Api.createSeries("xss", "xss");
        Api.createAssignment(
                        "xss", token, Api.assignment(INVITATION, "2024-05-01T00:00:00Z", "2024-05-15T00:00:00Z", 0))
                .statusCode(201);
        given().contentType(ContentType.JSON)
                .body(Map.of(
                        "name",
                        "<b onmouseover=alert('name')>Mallory</b>",
                        "blogUrl",
                        server.url("/mallory"),
                        "feedUrl",
                        server.url("/mallory/feed")))
                .post("/api/series/xss/participants")
                .then()
                .statusCode(201);
        Api.pollSeries("xss", token).statusCode(200).body("newResponses", equalTo(1));

        Document page = Jsoup.parse(
                given().get("/series/xss/1").then().statusCode(200).extract().asString());
        assertInert(page);
        Element entry = page.selectFirst("li.entry");
        assertThat(entry.select("h3").text()).isEqualTo(TITLE);
        assertThat(entry.select("h3 a"))
                .as("a javascript: post link is not linked")
                .isEmpty();
        assertThat(entry.select(".who").text()).isEqualTo("<b onmouseover=alert('name')>Mallory</b>");
        assertThat(entry.select(".excerpt").text()).contains("click me").doesNotContain("alert('content')");

        assertInert(Jsoup.parse(
                given().get("/series/xss").then().statusCode(200).extract().asString()));
        assertInert(
                Jsoup.parse(given().get("/").then().statusCode(200).extract().asString()));

        String cookie = Api.logIn("xss", token).cookie("carnival_host");
        assertInert(Jsoup.parse(given().cookie("carnival_host", cookie)
                .get("/series/xss/host/1")
                .then()
                .statusCode(200)
                .extract()
                .asString()));
        assertInert(Jsoup.parse(given().cookie("carnival_host", cookie)
                .get("/series/xss/host")
                .then()
                .statusCode(200)
                .extract()
                .asString()));

        String snippet = given().get("/api/series/xss/assignments/1/roundup.html")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertInert(Jsoup.parseBodyFragment(snippet));
        assertThat(snippet).doesNotContain("<script", "<b ");
        String md = given().get("/api/series/xss/assignments/1/roundup.md")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        Node markdown = GithubMarkdown.parse(md);
        assertThat(GithubMarkdown.nodes(markdown)).noneMatch(n -> n instanceof HtmlInline || n instanceof HtmlBlock);
        assertThat(GithubMarkdown.nodes(markdown, Link.class))
                .as("a javascript: post link is not linked")
                .isEmpty();
        assertThat(GithubMarkdown.text(markdown)).contains("<b onmouseover=alert('name')>Mallory</b>", TITLE);
        String atom = given().get("/api/series/xss/assignments/1/roundup.atom")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(atom).doesNotContain("<script", "href=\"javascript");
    }
}
