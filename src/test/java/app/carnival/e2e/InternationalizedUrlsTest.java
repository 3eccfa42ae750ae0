package app.carnival.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import app.carnival.testing.FeedServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Internationalized host names through the API: accepted as written, and equal to their punycode spelling when matching. */
@QuarkusTest
class InternationalizedUrlsTest {

    static final String INVITATION = "https://bücher.example/2024/05/einladung";
    static FeedServer server;

    @BeforeAll
    static void feeds() throws Exception {
        server = new FeedServer();
        String jo = server.url("/idn-jo");
        server.serve(
                "/idn-jo/feed",
                "application/rss+xml; charset=UTF-8",
                Feeds.wordpress(
                        jo,
                        Feeds.wordpressItem(
                                jo + "/2024/05/antwort/",
                                "Meine Antwort",
                                "Fri, 03 May 2024 09:00:00 +0000",
                                "SQL",
                                "<p>Zur <a href=\"http://www.xn--bcher-kva.example/2024/05/einladung/?utm_source=feed\">Einladung</a>.</p>"),
                        Feeds.wordpressItem(
                                jo + "/2024/05/garten/",
                                "Garten",
                                "Mon, 06 May 2024 09:00:00 +0000",
                                "Leben",
                                "<p>Nichts dazu, siehe <a href=\"https://xn--bcher-kva.example/\">die Startseite</a>.</p>")));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void anInternationalizedInvitationAndBlogAreAcceptedAndAPunycodeLinkBackMatches() {
        String token = Api.createSeries("idn-urls", "meme15");
        Api.createAssignment(
                        "idn-urls",
                        token,
                        Api.assignment(INVITATION, "2024-05-01T00:00:00Z", "2024-05-15T00:00:00Z", 0))
                .statusCode(201)
                .body("invitationUrl", equalTo(INVITATION));
        long jo = Api.register("idn-urls", "Jo", "https://bücher.example/", server.url("/idn-jo/feed"));
        given().get("/api/participants/" + jo)
                .then()
                .statusCode(200)
                .body("participant.blogUrl", equalTo("https://bücher.example/"));

        Api.pollSeries("idn-urls", token).statusCode(200).body("newResponses", equalTo(1));

        given().get("/api/series/idn-urls/assignments/1/roundup")
                .then()
                .statusCode(200)
                .body("count", equalTo(1))
                .body("responses.title", contains("Meine Antwort"))
                .body("responses[0].matchedBy", contains("LINK"));
    }

    @Test
    void aPostAddedByUrlWithAnInternationalizedCanonicalLinkGoesToTheBlogOnThatHostSpelledInPunycode() {
        String token = Api.createSeries("idn-add", "meme15");
        Api.createAssignment(
                        "idn-add", token, Api.assignment(INVITATION, "2024-05-01T00:00:00Z", "2024-05-15T00:00:00Z", 0))
                .statusCode(201);
        server.serve("/idn-kim/feed", "application/rss+xml", Feeds.wordpress(server.url("/idn-kim")));
        Api.register("idn-add", "Kim", "https://xn--bcher-kva.example/kim/", server.url("/idn-kim/feed"));
        server.serve("/idn-kim/page.html", "text/html; charset=utf-8", """
                <!DOCTYPE html><html><head><title>Mein Beitrag</title>
                <meta property="article:published_time" content="2024-05-07T10:00:00+02:00">
                <link rel="canonical" href="https://bücher.example/kim/2024/05/beitrag">
                </head><body><article><p>Zur <a href="%s">Einladung</a>.</p></article></body></html>
                """.formatted(INVITATION));

        given().header("Authorization", "Bearer " + token)
                .contentType(ContentType.JSON)
                .body(Map.of("url", server.url("/idn-kim/page.html")))
                .post("/api/series/idn-add/assignments/1/responses")
                .then()
                .statusCode(201)
                .body("participant", equalTo("Kim"))
                .body("url", equalTo("https://bücher.example/kim/2024/05/beitrag"))
                .body("matchedBy", contains("LINK"));
    }

    @Test
    void aHostNameIdnRefusesIsABadUrl() {
        String token = Api.createSeries("idn-bad", "meme15");
        Api.createAssignment(
                        "idn-bad",
                        token,
                        Api.assignment(
                                "https://xn--zz.example/einladung", "2024-05-01T00:00:00Z", "2024-05-15T00:00:00Z", 0))
                .statusCode(400)
                .body("errors.field", hasItem("invitationUrl"));
        given().contentType(ContentType.JSON)
                .body(Map.of(
                        "name", "Jo", "blogUrl", "https://exa mple.example/", "feedUrl", server.url("/idn-jo/feed")))
                .post("/api/series/idn-bad/participants")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("blogUrl"));
        given().get("/api/series/idn-bad/participants").then().statusCode(200).body("size()", equalTo(0));
    }
}
