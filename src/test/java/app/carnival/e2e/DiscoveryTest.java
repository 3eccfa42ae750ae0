package app.carnival.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import app.carnival.content.FeedDiscovery;
import app.carnival.registration.FeedLocator;
import app.carnival.testing.FeedServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Registering with a blog's home page finds its feed; a feed URL is kept; nothing found is a clear 422. */
@QuarkusTest
class DiscoveryTest {

    @RegisterExtension
    static final FeedServer server = new FeedServer();

    @Inject
    FeedLocator locator;

    @BeforeEach
    void series() {
        // here rather than in @BeforeAll, which may run before the application is up
        if (given().get("/api/series/disc").statusCode() == 404) {
            Api.createSeries("disc", "disc");
        }
    }

    static ValidatableResponse register(String name, String blogUrl, String feedUrl) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "blogUrl", blogUrl));
        if (feedUrl != null) {
            body.put("feedUrl", feedUrl);
        }
        return given().contentType("application/json")
                .body(body)
                .post("/api/series/disc/participants")
                .then();
    }

    static String home(String head) {
        return "<!DOCTYPE html><html><head><title>My blog</title>" + head
                + "</head><body><h1>My blog</h1></body></html>";
    }

    @Test
    void aHomePageAnnouncingItsFeedIsFollowedToIt() {
        server.serve(
                "/d-ann/",
                "text/html; charset=utf-8",
                home("<link rel=\"alternate\" type=\"application/json\" href=\"/d-ann/feed.json\">"
                        + "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Atom\" href=\"atom\">"));
        server.serve("/d-ann/atom", "application/atom+xml", Feeds.blogger(server.url("/d-ann/")));

        register("Ann", server.url("/d-ann/"), null)
                .statusCode(201)
                .body("feedUrl", equalTo(server.url("/d-ann/atom")))
                .body("participantToken", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void aJsonFeedIsFoundReadAndItsPostsExplained() {
        server.serve(
                "/d-jay/",
                "text/html; charset=utf-8",
                home("<link rel=\"alternate\" type=\"application/feed+json\" href=\"/d-jay/feed.json\">"));
        server.serve("/d-jay/feed.json", "application/feed+json", """
                {"version": "https://jsonfeed.org/version/1.1", "title": "Jay's notes",
                 "home_page_url": "%s", "items": [
                  {"id": "jay-1", "url": "/d-jay/2026/answer/", "title": "My #disc answer",
                   "content_html": "<p>An answer.</p>", "tags": ["disc"],
                   "date_published": "2026-11-29T09:30:00Z"}]}""".formatted(server.url("/d-jay/")));

        var registered = register("Jay", server.url("/d-jay/"), null)
                .statusCode(201)
                .body("feedUrl", equalTo(server.url("/d-jay/feed.json")))
                .extract()
                .jsonPath();
        given().header("Authorization", "Bearer " + registered.getString("participantToken"))
                .post("/api/participants/" + registered.getLong("id") + "/poll")
                .then()
                .statusCode(200)
                .body("outcomes[0].result", equalTo("updated"))
                .body("outcomes[0].newPosts", equalTo(1));
        given().get("/api/participants/" + registered.getLong("id"))
                .then()
                .statusCode(200)
                .body("recentPosts[0].url", equalTo(server.url("/d-jay/2026/answer/")))
                .body("recentPosts[0].title", equalTo("My #disc answer"));
    }

    @Test
    void aHomePageWithoutLinksFallsBackToTheUsualAddresses() {
        server.serve("/d-ben/", "text/html", home(""));
        server.serve("/d-ben/index.xml", "application/rss+xml", Feeds.wordpress(server.url("/d-ben/")));

        register("Ben", server.url("/d-ben/"), null)
                .statusCode(201)
                .body("feedUrl", equalTo(server.url("/d-ben/index.xml")));
    }

    @Test
    void aFeedUrlThatIsAWebPageIsSearchedAndAFeedUrlIsKept() {
        server.serve(
                "/d-cat/blog.html",
                "text/html",
                home("<link rel=\"alternate\" type=\"application/rss+xml\" href=\"" + server.url("/d-cat/rss2")
                        + "\">"));
        server.serve("/d-cat/rss2", "application/rss+xml", Feeds.wordpress(server.url("/d-cat/")));
        server.serve("/d-dan/feed", "application/rss+xml", Feeds.wordpress(server.url("/d-dan/")));
        server.serve("/d-dan/", "text/html", home(""));

        register("Cat", server.url("/d-cat/"), server.url("/d-cat/blog.html"))
                .statusCode(201)
                .body("feedUrl", equalTo(server.url("/d-cat/rss2")));
        // a blog URL that is itself a feed is its own feed
        register("Dan", server.url("/d-dan/feed"), null)
                .statusCode(201)
                .body("feedUrl", equalTo(server.url("/d-dan/feed")));
        server.clearRequests();
        register("Dan again", server.url("/d-dan/"), server.url("/d-dan/feed")).statusCode(409);
        assertThat(server.requests("/d-dan/feed"))
                .as("a known feed is not fetched again")
                .isEmpty();
    }

    @Test
    void usualAddressesThatRedirectToTheHomePageAreNotFollowed() {
        String home = server.url("/d-gus/");
        server.serve("/d-gus/", "text/html", home(""));
        server.serve("/d-gus/2026/answer", "text/html", home(""));
        List<String> guessed = FeedDiscovery.commonPaths(home);
        // The site sends every unknown path home, as many do; the root's usual addresses too.
        guessed.forEach(url -> server.status(URI.create(url).getPath(), 302, Map.of("Location", home)));
        server.clearRequests();

        register("Gus", home, null).statusCode(422).body("detail", containsString("no RSS or Atom feed found"));
        assertThat(server.requests("/d-gus/"))
                .as("the home page, fetched once to look for links")
                .hasSize(1);
        assertThat(guessed)
                .hasSize(14)
                .allSatisfy(url -> assertThat(server.requests(URI.create(url).getPath()))
                        .as(url)
                        .hasSize(1));

        // Looking for the blog of a post page (the open intake) probes the root's usual addresses the same way.
        server.clearRequests();
        Document post = Jsoup.parse(home(""), server.url("/d-gus/2026/answer"));
        assertThat(locator.ofPostPage(post, 20)).isEmpty();
        assertThat(server.requests("/d-gus/")).isEmpty();
        assertThat(server.requests("/feed")).hasSize(1);
    }

    @Test
    void nothingFoundIsA422ThatSaysWhatToDo() {
        server.serve(
                "/d-eve/",
                "text/html",
                home("<link rel=\"alternate\" type=\"application/rss+xml\" href=\"/d-eve/broken-feed\">"));
        server.serve("/d-eve/broken-feed", "text/html", home("")); // announced, but not a feed

        register("Eve", server.url("/d-eve/"), null)
                .statusCode(422)
                .contentType("application/problem+json")
                .body("detail", containsString("no RSS or Atom feed found"))
                .body("detail", containsString("feedUrl"))
                .body("errors[0].field", equalTo("blogUrl"));
        register("Eve", server.url("/d-eve/"), server.url("/d-eve/"))
                .statusCode(422)
                .body("errors[0].field", equalTo("feedUrl"));
        register("Fay", server.url("/d-fay/"), null).statusCode(422).body("detail", containsString("HTTP 404"));
        given().get("/api/series/disc/participants")
                .then()
                .body("findAll { it.name == 'Eve' || it.name == 'Fay' }", hasSize(0));
    }

    @Test
    void anUnknownSeriesFetchesNothing() {
        server.clearRequests();
        given().contentType("application/json")
                .body(Map.of("name", "X", "blogUrl", server.url("/d-x/")))
                .post("/api/series/no-such-series/participants")
                .then()
                .statusCode(404);
        assertThat(server.requests("/d-x/")).isEmpty();
    }
}
