package app.carnival.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import app.carnival.intake.MentionWorker;
import app.carnival.testing.FeedServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Webmention end to end through HTTP: receive, queue, verify, review, re-send, removal, retries. */
@QuarkusTest
class WebmentionTest {

    /** Each test's series has its own invitation (a target names one assignment). */
    static String invitation(String slug) {
        return "https://host.example/2024/05/" + slug + "-invitation/";
    }

    @RegisterExtension
    static final FeedServer server = new FeedServer();

    @Inject
    MentionWorker worker;

    /** A post page as a blog engine serves it: dated, with its feed announced and the answer in the article. */
    static String postPage(String title, String published, String feedPath, String articleHtml, String invitation) {
        return """
                <!DOCTYPE html><html><head><title>%s</title>
                <link rel="alternate" type="application/rss+xml" title="Feed" href="%s">
                <meta property="article:published_time" content="%s">
                </head><body>
                <nav><a href="/">Home</a></nav>
                <article><h1>%s</h1><div class="entry-content">%s</div></article>
                <aside class="sidebar"><a href="%s">Blog carnivals I like</a></aside>
                </body></html>""".formatted(title, feedPath, published, title, articleHtml, invitation);
    }

    static String feed(String title, String site, String itemLink, String pubDate, String invitation) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>%s</title><link>%s</link><description>d</description>
                <item><title>My answer</title><link>%s</link><guid isPermaLink="false">%s?p=7</guid>
                <pubDate>%s</pubDate><description><![CDATA[<p>See <a href="%s">the invitation</a>.</p>]]></description>
                </item></channel></rss>""".formatted(title, site, itemLink, site, pubDate, invitation);
    }

    static ExtractableResponse<Response> send(String source, String target) {
        return given().formParam("source", source)
                .formParam("target", target)
                .post("/webmention")
                .then()
                .extract();
    }

    static String statusUrl(ExtractableResponse<Response> sent) {
        assertThat(sent.statusCode()).as(sent.body().asString()).isEqualTo(202);
        String location = sent.header("Location");
        assertThat(location).contains("/webmention/");
        return location.substring(location.indexOf("/webmention/"));
    }

    static String host(String slug) {
        String token = Api.createSeries(slug, slug.replace("-", ""));
        Api.createAssignment(
                        slug,
                        token,
                        Api.assignment(invitation(slug), "2024-05-01T00:00:00Z", "2024-05-15T00:00:00Z", 0))
                .statusCode(201);
        return token;
    }

    static List<Map<String, Object>> hostResponses(String slug, String token) {
        return given().header("Authorization", "Bearer " + token)
                .get("/api/series/" + slug + "/assignments/1/responses")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("");
    }

    @Test
    void anUnknownBlogsWebmentionIsQueuedVerifiedKeptForReviewThenApprovedAndNotCountedTwiceByItsFeed() {
        String INVITATION = invitation("wm-unknown");
        String token = host("wm-unknown");
        String site = server.url("/wm-unknown/bob/");
        String post = server.url("/wm-unknown/bob/2024/05/my-answer/");
        server.serve(
                "/wm-unknown/bob/2024/05/my-answer/",
                "text/html",
                postPage(
                                "My answer",
                                "2024-05-03T10:00:00Z",
                                "/wm-unknown/bob/feed/",
                                "<p>Answering <a href=\"" + INVITATION + "\">the invitation</a>.</p>",
                                INVITATION)
                        .replace("title=\"Feed\"", "title=\"Bob&#039;s blog &raquo; Feed\""));
        server.serve(
                "/wm-unknown/bob/feed/",
                "application/rss+xml",
                feed("Bob's blog", site, post, "Fri, 03 May 2024 10:00:00 +0000", INVITATION));

        String status = statusUrl(send(post, INVITATION));
        given().get(status)
                .then()
                .statusCode(200)
                .body("status", equalTo("queued"))
                .body("source", equalTo(post))
                .body("responseId", nullValue());

        assertThat(worker.drain()).isEqualTo(1);
        given().get(status)
                .then()
                .body("status", equalTo("pending"))
                .body("detail", containsString("found by Webmention"))
                .body("detail", containsString("links to the invitation in the article"))
                .body("detail", containsString("published inside the window"));
        List<Map<String, Object>> pending = hostResponses("wm-unknown", token);
        assertThat(pending).hasSize(1);
        assertThat(pending.get(0))
                .containsEntry("state", "PENDING")
                .containsEntry("source", "WEBMENTION")
                .containsEntry("url", post)
                .containsEntry("participant", "Bob's blog");
        given().get("/api/series/wm-unknown/participants")
                .then()
                .body("", hasSize(1))
                .body("[0].origin", equalTo("DISCOVERED"))
                .body("[0].feedUrl", equalTo(server.url("/wm-unknown/bob/feed/")));
        given().get("/api/series/wm-unknown/assignments/1/roundup").then().body("count", equalTo(0));

        Object id = pending.get(0).get("id");
        given().header("Authorization", "Bearer " + token)
                .contentType("application/json")
                .body(Map.of("state", "AUTO"))
                .patch("/api/series/wm-unknown/assignments/1/responses/" + id)
                .then()
                .statusCode(200)
                .body("state", equalTo("AUTO"));
        given().get(status).then().body("status", equalTo("accepted"));
        given().get("/api/series/wm-unknown/assignments/1/roundup")
                .then()
                .body("count", equalTo(1))
                .body("responses[0].source", equalTo("WEBMENTION"));

        // The discovered blog's feed lists the same post under its own guid: still one response.
        Api.pollSeries("wm-unknown", token).statusCode(200).body("newResponses", equalTo(0));
        given().get("/api/series/wm-unknown/assignments/1/roundup")
                .then()
                .body("count", equalTo(1))
                .body("responses[0].id", equalTo(id));
    }

    @Test
    void aParticipantsWebmentionIsAcceptedAndResendingUpdatesThenA410RemovesIt() {
        String INVITATION = invitation("wm-known");
        String token = host("wm-known");
        String site = server.url("/wm-known/alice/");
        Api.register("wm-known", "Alice", site, server.url("/wm-known/alice/feed/"));
        server.serve("/wm-known/alice/feed/", "application/rss+xml", Feeds.wordpress(site));
        // A blog higher up on the same host: the post is Alice's, whose blog's path is the longest that holds it.
        server.serve("/wm-known/feed/", "application/rss+xml", Feeds.wordpress(server.url("/wm-known/")));
        Api.register("wm-known", "Umbrella", server.url("/wm-known/"), server.url("/wm-known/feed/"));
        String post = server.url("/wm-known/alice/2024/05/answer/");
        server.serve(
                "/wm-known/alice/2024/05/answer/",
                "text/html",
                postPage(
                        "First title",
                        "2024-05-04T10:00:00Z",
                        "/wm-known/alice/feed/",
                        "<p>For <a href=\"" + INVITATION + "\">this month</a>.</p>",
                        INVITATION));

        String status = statusUrl(send(post, INVITATION));
        worker.drain();
        given().get(status).then().body("status", equalTo("accepted"));
        given().get("/api/series/wm-known/assignments/1/roundup")
                .then()
                .body("count", equalTo(1))
                .body("responses[0].title", equalTo("First title"))
                .body("responses[0].participant", equalTo("Alice"));

        server.serve(
                "/wm-known/alice/2024/05/answer/",
                "text/html",
                postPage(
                        "Edited title",
                        "2024-05-04T10:00:00Z",
                        "/wm-known/alice/feed/",
                        "<p>For <a href=\"" + INVITATION + "\">this month</a>, edited.</p>",
                        INVITATION));
        assertThat(statusUrl(send(post, INVITATION))).isEqualTo(status);
        given().get(status).then().body("status", equalTo("queued"));
        worker.drain();
        given().get("/api/series/wm-known/assignments/1/roundup")
                .then()
                .body("count", equalTo(1))
                .body("responses[0].title", equalTo("Edited title"));

        // A 5xx is no verdict: the response stays and the source is tried again later.
        server.status("/wm-known/alice/2024/05/answer/", 503, Map.of());
        send(post, INVITATION);
        worker.drain();
        given().get(status).then().body("status", equalTo("queued")).body("detail", containsString("503"));
        given().get("/api/series/wm-known/assignments/1/roundup").then().body("count", equalTo(1));

        server.status("/wm-known/alice/2024/05/answer/", 410, Map.of());
        send(post, INVITATION);
        worker.drain();
        given().get(status).then().body("status", equalTo("rejected")).body("detail", containsString("410"));
        given().get("/api/series/wm-known/assignments/1/roundup").then().body("count", equalTo(0));
        assertThat(hostResponses("wm-known", token)).isEmpty();
    }

    @Test
    void aSourceWithoutTheLinkInItsArticleIsRejectedWithTheReasonAndNothingIsStored() {
        String INVITATION = invitation("wm-nolink");
        String token = host("wm-nolink");
        String post = server.url("/wm-nolink/carol/2024/05/other/");
        // Links to the invitation only from the sidebar and comments: those do not count.
        server.serve(
                "/wm-nolink/carol/2024/05/other/",
                "text/html",
                postPage("Other", "2024-05-04T10:00:00Z", "/wm-nolink/carol/feed/", "<p>About cats.</p>", INVITATION)
                        .replace(
                                "</article>",
                                "<div id=\"comments\"><a href=\"" + INVITATION + "\">nice</a></div></article>"));
        String status = statusUrl(send(post, INVITATION));
        worker.drain();
        given().get(status)
                .then()
                .body("status", equalTo("rejected"))
                .body("detail", containsString("no link to the invitation in the article"));
        assertThat(hostResponses("wm-nolink", token)).isEmpty();
        given().get("/api/series/wm-nolink/participants").then().body("", hasSize(0));
    }

    @Test
    void aSourceTheHostRejectedStaysRejectedWhenSentAgain() {
        String INVITATION = invitation("wm-hidden");
        String token = host("wm-hidden");
        String post = server.url("/wm-hidden/dan/2024/05/spam/");
        server.serve(
                "/wm-hidden/dan/2024/05/spam/",
                "text/html",
                postPage(
                        "Buy now",
                        "2024-05-05T10:00:00Z",
                        "/wm-hidden/dan/feed/",
                        "<p><a href=\"" + INVITATION + "\">invitation</a> and pills.</p>",
                        INVITATION));
        server.serve(
                "/wm-hidden/dan/feed/",
                "application/rss+xml",
                feed("Dan", server.url("/wm-hidden/dan/"), post, "Sun, 05 May 2024 10:00:00 +0000", INVITATION));
        String status = statusUrl(send(post, INVITATION));
        worker.drain();
        Object id = hostResponses("wm-hidden", token).get(0).get("id");
        given().header("Authorization", "Bearer " + token)
                .contentType("application/json")
                .body(Map.of("state", "HIDDEN"))
                .patch("/api/series/wm-hidden/assignments/1/responses/" + id)
                .then()
                .statusCode(200);
        given().get(status).then().body("status", equalTo("rejected"));

        send(post, INVITATION);
        worker.drain();
        given().get(status).then().body("status", equalTo("rejected")).body("detail", containsString("host rejected"));
        List<Map<String, Object>> all = hostResponses("wm-hidden", token);
        assertThat(all).hasSize(1);
        assertThat(all.get(0)).containsEntry("state", "HIDDEN");
    }

    @Test
    void aSourceWithoutADateItCanTrustIsNeverAcceptedDirectly() {
        String slug = "wm-undated";
        String INVITATION = invitation(slug);
        String token = given().contentType("application/json")
                .body(Map.of("slug", slug, "title", "Undated", "hashtag", "undated", "intakePolicy", "AUTO"))
                .post("/api/series")
                .then()
                .statusCode(201)
                .body("intakePolicy", equalTo("AUTO"))
                .extract()
                .path("hostToken");
        Api.createAssignment(slug, token, Api.assignment(INVITATION, "2024-05-01T00:00:00Z", "2024-05-15T00:00:00Z", 0))
                .statusCode(201);
        String dated = server.url("/wm-undated/fay/2024/05/dated/");
        String undated = server.url("/wm-undated/fay/2024/05/undated/");
        server.serve(
                "/wm-undated/fay/2024/05/dated/",
                "text/html",
                postPage(
                        "Dated",
                        "2024-05-03T10:00:00Z",
                        "/wm-undated/fay/feed/",
                        "<p><a href=\"" + INVITATION + "\">x</a></p>",
                        INVITATION));
        server.serve(
                "/wm-undated/fay/2024/05/undated/",
                "text/html",
                postPage(
                                "Undated",
                                "",
                                "/wm-undated/fay/feed/",
                                "<p><a href=\"" + INVITATION + "\">x</a></p>",
                                INVITATION)
                        .replace("<meta property=\"article:published_time\" content=\"\">", ""));
        // The blog's feed knows the dated post only.
        server.serve(
                "/wm-undated/fay/feed/",
                "application/rss+xml",
                feed("Fay", server.url("/wm-undated/fay/"), dated, "Fri, 03 May 2024 10:00:00 +0000", INVITATION));

        String datedStatus = statusUrl(send(dated, INVITATION));
        String undatedStatus = statusUrl(send(undated, INVITATION));
        worker.drain();
        // AUTO policy: the dated one from a new blog is accepted at once, the undated one waits for the host.
        given().get(datedStatus).then().body("status", equalTo("accepted"));
        given().get(undatedStatus)
                .then()
                .body("status", equalTo("pending"))
                .body("detail", containsString("publication date unknown"));
    }

    @Test
    void postsOfOneNewBlogVerifiedTogetherMakeOneDiscoveredParticipant() {
        String token = host("wm-twins");
        String INVITATION = invitation("wm-twins");
        for (int i = 0; i < 6; i++) {
            server.serve(
                    "/wm-twins/hal/2024/05/part-" + i + "/",
                    "text/html",
                    postPage(
                            "Part " + i,
                            "2024-05-0" + (i + 2) + "T10:00:00Z",
                            "/wm-twins/hal/feed/",
                            "<p><a href=\"" + INVITATION + "\">x</a></p>",
                            INVITATION));
        }
        server.serve(
                "/wm-twins/hal/feed/",
                "application/rss+xml",
                feed(
                        "Hal",
                        server.url("/wm-twins/hal/"),
                        server.url("/wm-twins/hal/2024/05/part-0/"),
                        "Thu, 02 May 2024 10:00:00 +0000",
                        INVITATION));
        for (int i = 0; i < 6; i++) {
            statusUrl(send(server.url("/wm-twins/hal/2024/05/part-" + i + "/"), INVITATION));
        }
        assertThat(worker.drain()).isEqualTo(6);
        given().get("/api/series/wm-twins/participants")
                .then()
                .body("", hasSize(1))
                .body("[0].blogUrl", equalTo(server.url("/wm-twins/hal/")));
        assertThat(hostResponses("wm-twins", token))
                .hasSize(6)
                .allSatisfy(r -> assertThat(r).containsEntry("state", "PENDING"));
    }

    @Test
    void anInvitationOnAnInternationalizedHostIsATargetInEitherSpelling() {
        String token = Api.createSeries("wm-idn", "wmidn");
        Api.createAssignment(
                        "wm-idn",
                        token,
                        Api.assignment(
                                "https://bücher.example/2024/05/einladung/",
                                "2024-05-01T00:00:00Z",
                                "2024-05-15T00:00:00Z",
                                0))
                .statusCode(201);
        statusUrl(send(server.url("/wm-idn/post/"), "https://xn--bcher-kva.example/2024/05/einladung/"));
        statusUrl(send(server.url("/wm-idn/post2/"), "https://BÜCHER.example/2024/05/einladung"));
    }

    @Test
    void carnivalsOwnAssignmentPageIsATargetToo() {
        String INVITATION = invitation("wm-page");
        host("wm-page");
        String page = "http://carnival.test/series/wm-page/1";
        String post = server.url("/wm-page/erin/2024/05/answer/");
        server.serve(
                "/wm-page/erin/2024/05/answer/",
                "text/html",
                postPage(
                        "Answer",
                        "2024-05-06T10:00:00Z",
                        "/wm-page/erin/feed/",
                        "<p>Via <a href=\"" + page + "\">Carnival</a>.</p>",
                        INVITATION));
        server.serve(
                "/wm-page/erin/feed/",
                "application/rss+xml",
                feed("Erin", server.url("/wm-page/erin/"), post, "Mon, 06 May 2024 10:00:00 +0000", INVITATION));
        String status = statusUrl(send(post, page));
        worker.drain();
        given().get(status).then().body("status", equalTo("pending"));
    }
}
