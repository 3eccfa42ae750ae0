package app.carnival.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

import app.carnival.testing.EmbeddedPostgresResource;
import app.carnival.testing.FeedServer;
import app.carnival.testing.SendsInvalidRequests;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole mission through the API: four participants on four feed dialects, decoys that must not
 * match, a poll, the round-up, and a second poll that changes nothing and is answered with 304s.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class RoundupEndToEndTest {

    static final String INVITATION = "https://host.example/2024/05/meme15-invitation/";

    @RegisterExtension
    static final FeedServer server = new FeedServer();

    @BeforeAll
    static void feeds() {
        String alice = server.url("/alice");
        server.serve(
                "/alice/feed",
                "application/rss+xml; charset=UTF-8",
                Feeds.wordpress(
                        alice,
                        Feeds.wordpressItem(
                                alice + "/2024/05/my-meme15/",
                                "My favourite feature",
                                "Fri, 03 May 2024 09:00:00 +0000",
                                "SQL",
                                "<p>Answering <a href=\"http://www.host.example/2024/05/meme15-invitation?utm_source=twitter\">this month's invitation</a>.</p>"),
                        Feeds.wordpressItem(
                                alice + "/2024/05/gardening/",
                                "Gardening",
                                "Mon, 06 May 2024 09:00:00 +0000",
                                "Life",
                                "<p>Nothing to do with it, see <a href=\"https://host.example/about/\">the host</a>.</p>"),
                        Feeds.wordpressItem(
                                alice + "/2024/04/early/",
                                "Too early",
                                "Tue, 30 Apr 2024 23:59:59 +0000",
                                "SQL",
                                "<p>Early link to <a href=\"" + INVITATION + "\">the invitation</a>.</p>")));

        String bob = server.url("/bob");
        server.serve(
                "/bob/feeds/posts/default",
                "application/atom+xml; charset=UTF-8",
                Feeds.blogger(
                        bob,
                        Feeds.bloggerEntry(
                                "1",
                                bob + "/2024/05/answer.html",
                                "My answer",
                                "2024-05-10T08:00:00.000-07:00",
                                "Meme15",
                                "<p>Here is my answer, no link this time.</p>"),
                        Feeds.bloggerEntry(
                                "2",
                                bob + "/2024/05/other.html",
                                "Numbers",
                                "2024-05-11T08:00:00.000-07:00",
                                "Misc",
                                "<p>I love #meme150 and #meme15x, but this is not an answer.</p>")));

        String carol = server.url("/carol");
        server.serve(
                "/carol/index.rdf",
                "application/rdf+xml",
                Feeds.rdf(
                        carol,
                        Feeds.rdfItem(
                                carol + "/late-answer",
                                "Late but here #meme15",
                                "2024-05-15T10:00:00Z",
                                "<p>Sorry for being late, <a href=\"https://host.example/2024/05/meme15-invitation\">invitation</a>.</p>")));

        String dave = server.url("/dave");
        server.serve(
                "/dave/rss",
                "application/rss+xml",
                Feeds.summaryOnly(
                        dave,
                        Feeds.summaryItem(
                                dave + "/posts/answer.html",
                                "My take",
                                "Wed, 08 May 2024 12:00:00 GMT",
                                "A teaser with no link…"),
                        Feeds.summaryItem(
                                dave + "/posts/unrelated.html",
                                "Unrelated",
                                "Thu, 09 May 2024 12:00:00 GMT",
                                "Another teaser…")));
        server.serve(
                "/dave/posts/answer.html",
                "text/html; charset=utf-8",
                Feeds.postPage(
                        "My take",
                        "<p>This is my answer to <a href=\"" + INVITATION + "\">the host's questions</a>.</p>",
                        ""));
        server.serve(
                "/dave/posts/unrelated.html",
                "text/html; charset=utf-8",
                Feeds.postPage(
                        "Unrelated",
                        "<p>About cats.</p>",
                        "<h2>Carnivals</h2><a href=\"" + INVITATION + "\">Meme15 invitation</a>"));
    }

    @Test
    void pollFindsExactlyTheResponsesAndRepollChangesNothing() {
        String token = Api.createSeries("e2e-meme15", "meme15");
        Api.createAssignment(
                        "e2e-meme15",
                        token,
                        Api.assignment(INVITATION, "2024-05-01T00:00:00Z", "2024-05-15T00:00:00Z", 1440))
                .statusCode(201);
        Api.register("e2e-meme15", "Alice", server.url("/alice"), server.url("/alice/feed"));
        Api.register("e2e-meme15", "Bob", server.url("/bob"), server.url("/bob/feeds/posts/default"));
        Api.register("e2e-meme15", "Carol", server.url("/carol"), server.url("/carol/index.rdf"));
        long dave = Api.register("e2e-meme15", "Dave", server.url("/dave"), server.url("/dave/rss"));

        Api.pollSeries("e2e-meme15", token)
                .statusCode(200)
                .body("polled", equalTo(4))
                .body("newResponses", equalTo(4))
                .body("outcomes.result", everyItem(equalTo("updated")));

        JsonPath roundup = given().get("/api/series/e2e-meme15/assignments/1/roundup")
                .then()
                .statusCode(200)
                .body("count", equalTo(4))
                .body(
                        "responses.title",
                        contains("My favourite feature", "My take", "My answer", "Late but here #meme15"))
                .body("responses.participant", contains("Alice", "Dave", "Bob", "Carol"))
                .body("responses.excerpt.size()", equalTo(4))
                .body("assignment.questions", contains("What is it?", "Why?"))
                .extract()
                .jsonPath();
        assertThat(roundup.getList("responses.matchedBy", List.class))
                .containsExactly(List.of("LINK"), List.of("LINK"), List.of("TAG"), List.of("LINK", "TAG"));
        assertThat(roundup.getList("responses.late", Boolean.class)).containsExactly(false, false, false, true);
        assertThat(roundup.getString("responses[0].url")).isEqualTo(server.url("/alice/2024/05/my-meme15/"));
        assertThat(roundup.getString("responses[0].excerpt")).contains("Answering this month's invitation");
        assertThat(roundup.getList("responses.excerpt", String.class)).allMatch(e -> e.length() <= 300);

        // The participant view explains the decoys.
        given().get("/api/participants/" + dave)
                .then()
                .statusCode(200)
                .body("feed.lastStatus", equalTo(200))
                .body("recentPosts.title", containsInAnyOrder("My take", "Unrelated"))
                .body("recentPosts.find { it.title == 'Unrelated' }.assignments[0].matched", equalTo(false))
                .body(
                        "recentPosts.find { it.title == 'Unrelated' }.assignments[0].reason",
                        org.hamcrest.Matchers.containsString("no link"));

        // Second poll: every feed answers 304, nothing new, the post page is not fetched again.
        server.clearRequests();
        Api.pollSeries("e2e-meme15", token)
                .statusCode(200)
                .body("newResponses", equalTo(0))
                .body("outcomes.result", everyItem(equalTo("not-modified")));
        for (String feed : List.of("/alice/feed", "/bob/feeds/posts/default", "/carol/index.rdf", "/dave/rss")) {
            assertThat(server.requests(feed)).singleElement().satisfies(r -> {
                assertThat(r.ifNoneMatch()).isNotNull();
                assertThat(r.status()).isEqualTo(304);
            });
        }
        assertThat(server.requests("/dave/posts/answer.html")).isEmpty();
        given().get("/api/series/e2e-meme15/assignments/1/roundup").then().body("count", equalTo(4));
    }

    @Test
    void brokenFeedsAreRecordedWhileGoodOnesProceed() {
        String token = Api.createSeries("e2e-broken", "meme15");
        Api.createAssignment(
                        "e2e-broken",
                        token,
                        Api.assignment(INVITATION, "2024-05-01T00:00:00Z", "2024-05-15T00:00:00Z", 0))
                .statusCode(201);
        // A feed when registered (an HTML page then would be refused), a web page by the time it is polled.
        server.serve("/broken/html", "application/rss+xml", Feeds.wordpress(server.url("/broken")));
        server.serve(
                "/broken/truncated",
                "application/rss+xml",
                "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Cut</title><item><title>Half");
        server.status("/broken/500", 500, Map.of());
        long html = Api.register("e2e-broken", "Html", server.url("/broken"), server.url("/broken/html"));
        long truncated =
                Api.register("e2e-broken", "Truncated", server.url("/broken"), server.url("/broken/truncated"));
        long error = Api.register("e2e-broken", "Error", server.url("/broken"), server.url("/broken/500"));
        Api.register("e2e-broken", "Alice", server.url("/alice"), server.url("/alice/feed"));
        server.serve(
                "/broken/html",
                "text/html",
                "<!DOCTYPE html><html><head><title>Oops</title></head><body>Not a feed</body></html>");

        Api.pollSeries("e2e-broken", token).statusCode(200).body("polled", equalTo(4));

        given().get("/api/series/e2e-broken/assignments/1/roundup")
                .then()
                .statusCode(200)
                .body("responses.participant", contains("Alice"));
        given().get("/api/participants/" + html)
                .then()
                .statusCode(200)
                .body("feed.errorCount", equalTo(1))
                .body("feed.lastError", org.hamcrest.Matchers.containsString("not a feed"));
        given().get("/api/participants/" + truncated)
                .then()
                .statusCode(200)
                .body("feed.errorCount", equalTo(1))
                .body("feed.lastError", org.hamcrest.Matchers.startsWith("truncated feed"));
        given().get("/api/participants/" + error)
                .then()
                .statusCode(200)
                .body("feed.lastStatus", equalTo(500))
                .body("feed.lastError", equalTo("HTTP 500 Internal Server Error"))
                .body("feed.paused", equalTo(false));
    }

    @Test
    @SendsInvalidRequests // without the token
    void hostEndpointsNeedTheSeriesHostToken() {
        String token = Api.createSeries("e2e-auth-a", "meme15");
        String other = Api.createSeries("e2e-auth-b", "meme15");
        Map<String, Object> body = Api.assignment(INVITATION, "2024-05-01T00:00:00Z", "2024-05-15T00:00:00Z", 0);

        given().contentType("application/json")
                .body(body)
                .post("/api/series/e2e-auth-a/assignments")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer");
        Api.createAssignment("e2e-auth-a", other, body).statusCode(403).contentType("application/problem+json");
        given().post("/api/series/e2e-auth-a/poll").then().statusCode(401);
        Api.pollSeries("e2e-auth-a", other).statusCode(403);
        given().get("/api/series/e2e-auth-a/assignments").then().body("$", hasSize(0));

        Api.createAssignment("e2e-auth-a", token, body).statusCode(201);
        given().contentType("application/json")
                .body(Map.of("title", "Renamed"))
                .patch("/api/series/e2e-auth-a/assignments/1")
                .then()
                .statusCode(401);
        given().contentType("application/json")
                .header("Authorization", "Bearer " + other)
                .body(Map.of("title", "Renamed"))
                .patch("/api/series/e2e-auth-a/assignments/1")
                .then()
                .statusCode(403);
        given().contentType("application/json")
                .header("Authorization", "Bearer " + token)
                .body(Map.of("title", "Renamed"))
                .patch("/api/series/e2e-auth-a/assignments/1")
                .then()
                .statusCode(200)
                .body("title", equalTo("Renamed"));

        long p = Api.register("e2e-auth-a", "Alice", server.url("/alice"), server.url("/alice/feed"));
        given().delete("/api/participants/" + p).then().statusCode(401);
        given().header("Authorization", "Bearer " + other)
                .delete("/api/participants/" + p)
                .then()
                .statusCode(403);
        given().header("Authorization", "Bearer " + token)
                .delete("/api/participants/" + p)
                .then()
                .statusCode(204);
        given().get("/api/series/e2e-auth-a/participants").then().body("$", hasSize(0));
        given().get("/api/series/e2e-auth-a")
                .then()
                .statusCode(200)
                .body("hostToken", org.hamcrest.Matchers.nullValue())
                .body("slug", equalTo("e2e-auth-a"));
    }

    @Test
    @SendsInvalidRequests // a 65-character slug
    void aSlugHasAtMost64Characters() {
        String longest = "e2e-" + "s".repeat(60);
        Api.createSeries(longest, "meme15");
        given().get("/api/series/" + longest).then().statusCode(200).body("slug", equalTo(longest));

        String tooLong = longest + "s";
        given().contentType("application/json")
                .body(Map.of("slug", tooLong, "title", "Too long", "hashtag", "meme15"))
                .post("/api/series")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("slug"));
        given().get("/api/series/" + tooLong).then().statusCode(404);
    }
}
