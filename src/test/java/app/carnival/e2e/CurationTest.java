package app.carnival.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import app.carnival.testing.FeedServer;
import app.carnival.testing.SendsInvalidRequests;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The host's curation through the API: near-misses, accept, hide and restore, add a post by URL. */
@QuarkusTest
class CurationTest {

    static final String INVITATION = "https://host.example/2024/05/curation-invitation/";

    @RegisterExtension
    static final FeedServer server = new FeedServer();

    /** A series whose assignment needs link AND tag, and a participant with a match, two near-misses and a decoy. */
    static String seriesWithNearMisses(String slug) {
        String site = server.url("/" + slug + "/alice");
        server.serve(
                "/" + slug + "/alice/feed",
                "application/rss+xml",
                Feeds.wordpress(
                        site,
                        Feeds.wordpressItem(
                                site + "/both/",
                                "Both #curate",
                                "Fri, 03 May 2024 09:00:00 +0000",
                                "SQL",
                                "<p>See <a href=\"" + INVITATION + "\">the invitation</a>.</p>"),
                        Feeds.wordpressItem(
                                site + "/tag-only/",
                                "Only the tag #curate",
                                "Sat, 04 May 2024 09:00:00 +0000",
                                "SQL",
                                "<p>No link here.</p>"),
                        Feeds.wordpressItem(
                                site + "/link-only/",
                                "Only the link",
                                "Sun, 05 May 2024 09:00:00 +0000",
                                "SQL",
                                "<p>See <a href=\"" + INVITATION + "\">the invitation</a>.</p>"),
                        Feeds.wordpressItem(
                                site + "/too-early/",
                                "Early #curate",
                                "Sun, 28 Apr 2024 09:00:00 +0000",
                                "SQL",
                                "<p>Before the window.</p>"),
                        Feeds.wordpressItem(
                                site + "/unrelated/",
                                "Unrelated",
                                "Mon, 06 May 2024 09:00:00 +0000",
                                "SQL",
                                "<p>Cats.</p>")));
        String token = Api.createSeries(slug, "curate");
        Map<String, Object> body =
                new HashMap<>(Api.assignment(INVITATION, "2024-05-01T00:00:00Z", "2024-05-15T00:00:00Z", 0));
        body.put("matchRule", "LINK_AND_TAG");
        Api.createAssignment(slug, token, body).statusCode(201);
        Api.register(slug, "Alice", site, server.url("/" + slug + "/alice/feed"));
        Api.pollSeries(slug, token).statusCode(200).body("newResponses", equalTo(1));
        return token;
    }

    static RequestSpecification host(String token) {
        return given().header("Authorization", "Bearer " + token).contentType("application/json");
    }

    @Test
    @SendsInvalidRequests // no token, a body with both postId and url, an empty body
    void nearMissesAreAcceptedAsManualResponsesKeepingTheirEvidence() {
        String token = seriesWithNearMisses("cur-accept");
        String base = "/api/series/cur-accept/assignments/1";

        given().get(base + "/near-misses").then().statusCode(401);
        var misses = host(token)
                .get(base + "/near-misses")
                .then()
                .statusCode(200)
                .body("title", contains("Only the tag #curate", "Only the link"))
                .body("evidence", contains(java.util.List.of("TAG"), java.util.List.of("LINK")))
                .body("participant", contains("Alice", "Alice"))
                .extract()
                .jsonPath();
        long tagOnly = misses.getLong("[0].postId");

        host(token)
                .body(Map.of("postId", tagOnly))
                .post(base + "/responses")
                .then()
                .statusCode(201)
                .body("state", equalTo("MANUAL"))
                .body("matchedBy", contains("TAG"))
                .body("title", equalTo("Only the tag #curate"));
        host(token)
                .body(Map.of("postId", tagOnly))
                .post(base + "/responses")
                .then()
                .statusCode(409);
        host(token).get(base + "/near-misses").then().body("title", contains("Only the link"));
        given().get(base + "/roundup")
                .then()
                .body("responses.title", contains("Both #curate", "Only the tag #curate"))
                .body("responses.state", contains("AUTO", "MANUAL"));

        host(token)
                .body(Map.of("postId", 999_999))
                .post(base + "/responses")
                .then()
                .statusCode(404);
        host(token)
                .body(Map.of("postId", tagOnly, "url", "https://example.org/x"))
                .post(base + "/responses")
                .then()
                .statusCode(422)
                .body("detail", containsString("either"));
        host(token).body(Map.of()).post(base + "/responses").then().statusCode(422);
    }

    @Test
    @SendsInvalidRequests // no token, an unknown state, an empty body
    void hideAndRestoreKeepWhetherTheHostAddedIt() {
        String token = seriesWithNearMisses("cur-hide");
        String base = "/api/series/cur-hide/assignments/1";
        long auto = given().get(base + "/roundup").then().extract().jsonPath().getLong("responses[0].id");
        long tagOnly = host(token)
                .get(base + "/near-misses")
                .then()
                .extract()
                .jsonPath()
                .getLong("[0].postId");
        long manual = host(token)
                .body(Map.of("postId", tagOnly))
                .post(base + "/responses")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");

        given().contentType("application/json")
                .body(Map.of("state", "HIDDEN"))
                .patch(base + "/responses/" + auto)
                .then()
                .statusCode(401);
        host(token)
                .body(Map.of("state", "HIDDEN"))
                .patch(base + "/responses/" + auto)
                .then()
                .statusCode(200)
                .body("state", equalTo("HIDDEN"));
        host(token)
                .body(Map.of("state", "HIDDEN"))
                .patch(base + "/responses/" + manual)
                .then()
                .statusCode(200);
        given().get(base + "/roundup").then().body("count", equalTo(0)).body("responses", empty());
        host(token).get(base + "/responses").then().statusCode(200).body("state", contains("HIDDEN", "HIDDEN"));
        // hidden posts are curated, not near-misses
        host(token).get(base + "/near-misses").then().body("title", contains("Only the link"));

        host(token)
                .body(Map.of("state", "AUTO"))
                .patch(base + "/responses/" + auto)
                .then()
                .body("state", equalTo("AUTO"));
        host(token)
                .body(Map.of("state", "AUTO"))
                .patch(base + "/responses/" + manual)
                .then()
                .body("state", equalTo("MANUAL"));
        given().get(base + "/roundup").then().body("responses.state", contains("AUTO", "MANUAL"));

        host(token)
                .body(Map.of("state", "BOGUS"))
                .patch(base + "/responses/" + auto)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        host(token).body(Map.of()).patch(base + "/responses/" + auto).then().statusCode(400);
        host(token)
                .body(Map.of("state", "HIDDEN"))
                .patch(base + "/responses/123456789")
                .then()
                .statusCode(404);
        host(token)
                .body(Map.of("state", "HIDDEN"))
                .patch(base + "/responses/abc")
                .then()
                .statusCode(404);
        given().get(base + "/roundup").then().body("count", equalTo(2));
    }

    @Test
    void aPostIsAddedByUrlFromItsPageAndAttachedByBlogAddress() {
        String token = seriesWithNearMisses("cur-url");
        String base = "/api/series/cur-url/assignments/1";
        server.serve("/cur-url/alice/not-in-feed.html", "text/html; charset=utf-8", """
                <!DOCTYPE html><html><head>
                <title>Site title | Alice</title>
                <meta property="og:title" content="Missed by the feed">
                <meta property="article:published_time" content="2024-05-07T10:00:00+02:00">
                <link rel="canonical" href="%s">
                </head><body><nav><a href="/">Home</a></nav>
                <article><p>My answer, with <a href="%s">the link</a>.</p></article></body></html>
                """.formatted(
                        server.url("/cur-url/alice/not-in-feed.html"), INVITATION));

        host(token)
                .body(Map.of("url", server.url("/cur-url/alice/not-in-feed.html")))
                .post(base + "/responses")
                .then()
                .statusCode(201)
                .body("participant", equalTo("Alice"))
                .body("title", equalTo("Missed by the feed"))
                .body("publishedAt", equalTo("2024-05-07T08:00:00Z"))
                .body("matchedBy", contains("LINK"))
                .body("excerpt", equalTo("My answer, with the link."))
                .body("state", equalTo("MANUAL"));

        // a post already stored is reused without fetching anything
        server.clearRequests();
        host(token)
                .body(Map.of("url", server.url("/cur-url/alice/link-only/")))
                .post(base + "/responses")
                .then()
                .statusCode(201)
                .body("title", equalTo("Only the link"));
        assertThat(server.requests("/cur-url/alice/link-only/")).isEmpty();

        given().get(base + "/roundup")
                .then()
                .body("responses.title", containsInAnyOrder("Both #curate", "Only the link", "Missed by the feed"));
    }

    @Test
    void addingAPostThatFitsNoParticipantOrCannotBeFetchedIs422AndChangesNothing() {
        String token = seriesWithNearMisses("cur-bad");
        String base = "/api/series/cur-bad/assignments/1";
        server.serve(
                "/elsewhere/post.html",
                "text/html",
                "<html><head><title>Someone else</title></head><body>x</body></html>");
        // same server, but a path no participant's blog is under
        host(token)
                .body(Map.of("url", server.url("/elsewhere/post.html")))
                .post(base + "/responses")
                .then()
                .statusCode(422)
                .body("detail", containsString("participantId"));
        host(token)
                .body(Map.of("url", server.url("/cur-bad/alice/missing.html")))
                .post(base + "/responses")
                .then()
                .statusCode(422)
                .body("detail", containsString("HTTP 404"));
        host(token)
                .body(Map.of("url", "javascript:alert(1)"))
                .post(base + "/responses")
                .then()
                .statusCode(400);
        host(token)
                .body(Map.of("url", server.url("/elsewhere/post.html"), "participantId", 987654))
                .post(base + "/responses")
                .then()
                .statusCode(422)
                .body("detail", containsString("participantId"));
        given().get(base + "/roundup").then().body("responses", hasSize(1));

        // naming the participant attaches a post from anywhere
        long alice = given().get("/api/series/cur-bad/participants")
                .then()
                .extract()
                .jsonPath()
                .getLong("[0].id");
        host(token)
                .body(Map.of("url", server.url("/elsewhere/post.html"), "participantId", alice))
                .post(base + "/responses")
                .then()
                .statusCode(201)
                .body("participant", equalTo("Alice"))
                .body("title", equalTo("Someone else"))
                .body("matchedBy", empty());
    }
}
