package app.carnival.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import app.carnival.testing.FeedServer;
import app.carnival.testing.SendsInvalidRequests;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Host rotation through the API: assignments planned ahead with only a window and a guest host, the
 * guest host's token scoped to one assignment, and blocking a blog from registering again.
 */
@QuarkusTest
@SendsInvalidRequests
class GuestHostTest {

    @RegisterExtension
    static final FeedServer server = new FeedServer();

    static final Map<String, Object> DAN = Map.of("name", "Dan Example", "blogUrl", "https://dan.example/");

    static String in(Duration d) {
        return Instant.now().plus(d).toString();
    }

    static ValidatableResponse patch(String slug, int number, String token, Map<String, Object> body) {
        return given().contentType(ContentType.JSON)
                .header("Authorization", "Bearer " + token)
                .body(body)
                .patch("/api/series/" + slug + "/assignments/" + number)
                .then();
    }

    static String issueGuestToken(String slug, int number, String hostToken) {
        return given().header("Authorization", "Bearer " + hostToken)
                .post("/api/series/" + slug + "/assignments/" + number + "/host")
                .then()
                .statusCode(201)
                .body("signInUrl", equalTo("http://carnival.test/series/" + slug + "/host"))
                .extract()
                .path("guestHostToken");
    }

    /** An upcoming assignment with only its window and a guest host. */
    static Map<String, Object> planned(Map<String, Object> guest) {
        Map<String, Object> body = new HashMap<>();
        body.put("opensAt", in(Duration.ofDays(40)));
        body.put("closesAt", in(Duration.ofDays(47)));
        if (guest != null) {
            body.put("guestHost", guest);
        }
        return body;
    }

    @Test
    void anAssignmentIsPlannedAheadWithOnlyAWindowAndAGuestHost() {
        String slug = "guest-plan";
        String host = Api.createSeries(slug, "guestplan");
        Api.createAssignment(slug, host, planned(DAN))
                .statusCode(201)
                .body("number", equalTo(1))
                .body("title", nullValue())
                .body("invitationUrl", nullValue())
                .body("guestHost.name", equalTo("Dan Example"))
                .body("guestHost.blogUrl", equalTo("https://dan.example/"))
                .body("status", equalTo("upcoming"));

        // An assignment that has opened needs its topic and invitation: 422 at the field, nothing stored.
        Map<String, Object> open = new HashMap<>(planned(DAN));
        open.put("opensAt", in(Duration.ofDays(-1)));
        Api.createAssignment(slug, host, open)
                .statusCode(422)
                .body("detail", containsString("title"))
                .body("errors[0].field", equalTo("title"));
        open.put("title", "Topic");
        Api.createAssignment(slug, host, open).statusCode(422).body("errors[0].field", equalTo("invitationUrl"));
        given().get("/api/series/" + slug + "/assignments").then().body("", hasSize(1));

        // A guest host is a name (and optionally a blog): a nameless one is refused.
        Api.createAssignment(slug, host, planned(Map.of("blogUrl", "https://x.example/")))
                .statusCode(400);
        Api.createAssignment(slug, host, planned(Map.of("name", "Eve", "blogUrl", "javascript:alert(1)")))
                .statusCode(400);
    }

    @Test
    void theGuestHostActsOnTheirAssignmentOnly() {
        String slug = "guest-scope";
        String host = Api.createSeries(slug, "guestscope");
        Api.createAssignment(slug, host, planned(DAN)).statusCode(201);
        Api.createAssignment(slug, host, planned(null)).statusCode(201);

        // No guest host named, no token; a token needs the series host.
        given().header("Authorization", "Bearer " + host)
                .post("/api/series/" + slug + "/assignments/2/host")
                .then()
                .statusCode(422)
                .body("detail", containsString("guest host"));
        given().post("/api/series/" + slug + "/assignments/1/host").then().statusCode(401);

        String guest = issueGuestToken(slug, 1, host);
        given().header("Authorization", "Bearer " + guest)
                .post("/api/series/" + slug + "/assignments/1/host")
                .then()
                .statusCode(403);

        // The guest writes the topic, invitation, questions, intro and window of #1.
        patch(
                        slug,
                        1,
                        guest,
                        Map.of(
                                "title", "Dan's topic",
                                "invitationUrl", "https://dan.example/invitation",
                                "questions", List.of("First?", "Second?"),
                                "roundupIntro", "Thanks!",
                                "closesAt", in(Duration.ofDays(48))))
                .statusCode(200)
                .body("title", equalTo("Dan's topic"))
                .body("questions", equalTo(List.of("First?", "Second?")))
                .body("guestHost.name", equalTo("Dan Example"));

        // Not the series host's decisions, and nothing of another assignment or the series.
        patch(slug, 1, guest, Map.of("matchRule", "TAG_ONLY"))
                .statusCode(403)
                .body("detail", containsString("match rule"));
        patch(slug, 1, guest, Map.of("number", 7)).statusCode(403);
        patch(slug, 1, guest, Map.of("guestHost", Map.of("name", "Someone else")))
                .statusCode(403);
        patch(slug, 2, guest, Map.of("title", "Hijack")).statusCode(403);
        Api.createAssignment(slug, guest, planned(null)).statusCode(403);
        given().header("Authorization", "Bearer " + guest)
                .get("/api/series/" + slug + "/assignments/2/responses")
                .then()
                .statusCode(403);
        given().header("Authorization", "Bearer " + guest)
                .get("/api/series/" + slug + "/assignments/1/responses")
                .then()
                .statusCode(200);
        given().get("/api/series/" + slug + "/assignments/2").then().body("title", nullValue());
        given().contentType(ContentType.JSON)
                .header("Authorization", "Bearer " + guest)
                .body(Map.of("title", "Taken over"))
                .patch("/api/series/" + slug)
                .then()
                .statusCode(403);
        given().header("Authorization", "Bearer " + guest)
                .post("/api/series/" + slug + "/host-token")
                .then()
                .statusCode(403);
        given().header("Authorization", "Bearer " + guest)
                .delete("/api/series/" + slug)
                .then()
                .statusCode(403);
        given().header("Authorization", "Bearer " + guest)
                .get("/api/series/" + slug + "/blocked")
                .then()
                .statusCode(403);

        // The series host can still change everything, and a new token replaces the old one.
        patch(slug, 1, host, Map.of("matchRule", "LINK_ONLY")).statusCode(200);
        String second = issueGuestToken(slug, 1, host);
        patch(slug, 1, guest, Map.of("title", "Old token")).statusCode(403);
        patch(slug, 1, second, Map.of("title", "New token")).statusCode(200);

        // Removing the guest host removes their token's power too.
        Map<String, Object> noGuest = new HashMap<>();
        noGuest.put("guestHost", null);
        patch(slug, 1, host, noGuest).statusCode(200);
        patch(slug, 1, second, Map.of("title", "Gone")).statusCode(403);
    }

    @Test
    void theGuestHostPollsTheSeriesFeedsAndCurates() {
        String slug = "guest-curate";
        String invitation = "https://dan.example/guest-curate/invitation";
        String host = Api.createSeries(slug, "guestcurate");
        Map<String, Object> current = new HashMap<>(Map.of(
                "opensAt",
                in(Duration.ofDays(-5)),
                "closesAt",
                in(Duration.ofDays(5)),
                "title",
                "Open now",
                "invitationUrl",
                invitation,
                "guestHost",
                DAN));
        Api.createAssignment(slug, host, current).statusCode(201);
        String site = server.url("/guest-curate/alice");
        server.serve(
                "/guest-curate/alice/feed",
                "application/rss+xml",
                Feeds.wordpress(
                        site,
                        Feeds.wordpressItem(
                                site + "/answer/",
                                "My answer",
                                BrowserTest.daysAgo(1),
                                "none",
                                "<p>For <a href=\"" + invitation + "\">the invitation</a>.</p>")));
        long alice = Api.register(slug, "Alice", site, server.url("/guest-curate/alice/feed"));
        String guest = issueGuestToken(slug, 1, host);

        Api.pollSeries(slug, guest).statusCode(200).body("polled", equalTo(1));
        given().header("Authorization", "Bearer " + guest)
                .post("/api/participants/" + alice + "/poll")
                .then()
                .statusCode(200);
        long response = ((Number) given().header("Authorization", "Bearer " + guest)
                        .get("/api/series/" + slug + "/assignments/1/responses")
                        .then()
                        .statusCode(200)
                        .body("", hasSize(1))
                        .extract()
                        .path("[0].id"))
                .longValue();
        given().contentType(ContentType.JSON)
                .header("Authorization", "Bearer " + guest)
                .body(Map.of("state", "HIDDEN"))
                .patch("/api/series/" + slug + "/assignments/1/responses/" + response)
                .then()
                .statusCode(200)
                .body("state", equalTo("HIDDEN"));
        // Removing participants stays the series host's.
        given().header("Authorization", "Bearer " + guest)
                .delete("/api/participants/" + alice)
                .then()
                .statusCode(403);
    }

    @Test
    void withoutAnInvitationTheLinkBackCannotMatchAndSaysWhy() {
        String slug = "guest-noinv";
        String host = Api.createSeries(slug, "guestnoinv");
        Map<String, Object> upcoming = planned(DAN);
        upcoming.put("matchRule", "LINK_ONLY");
        Api.createAssignment(slug, host, upcoming).statusCode(201);
        // A post dated inside the planned window (a scheduled post, or a clock far ahead): only the
        // missing invitation stands in the way.
        String site = server.url("/guest-noinv/bob");
        server.serve(
                "/guest-noinv/bob/feed",
                "application/rss+xml",
                Feeds.wordpress(
                        site,
                        Feeds.wordpressItem(
                                site + "/early/",
                                "Early bird",
                                BrowserTest.daysAgo(-41),
                                "none",
                                "<p>Nothing to link to yet.</p>")));
        long bob = Api.register(slug, "Bob", site, server.url("/guest-noinv/bob/feed"));
        Api.pollSeries(slug, host).statusCode(200);
        String explained = given().get("/api/participants/" + bob)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(explained).contains("Early bird").contains("no invitation yet");
        given().get("/api/series/" + slug + "/assignments/1/roundup").then().body("count", equalTo(0));
    }

    @Test
    void aBlockedBlogCannotRegisterAgain() {
        String slug = "guest-block";
        String host = Api.createSeries(slug, "guestblock");
        Api.createAssignment(slug, host, planned(DAN)).statusCode(201);
        String site = server.url("/guest-block/spam/");
        String feed = server.url("/guest-block/spam/feed");
        server.serve("/guest-block/spam/feed", "application/rss+xml", Feeds.wordpress(site));
        long spam = Api.register(slug, "Spammer", site, feed);
        String guest = issueGuestToken(slug, 1, host);

        Map<String, Object> block = Map.of("participantId", spam, "reason", "posts adverts, not answers");
        given().contentType(ContentType.JSON)
                .header("Authorization", "Bearer " + guest)
                .body(block)
                .post("/api/series/" + slug + "/blocked")
                .then()
                .statusCode(403);
        given().contentType(ContentType.JSON)
                .header("Authorization", "Bearer " + host)
                .body(block)
                .post("/api/series/" + slug + "/blocked")
                .then()
                .statusCode(201)
                .body("url", equalTo(List.of(site, feed)));
        given().get("/api/series/" + slug + "/participants").then().body("", hasSize(0));

        // Again, by the blog (any spelling) or by the feed alone: 403 with the reason, nothing stored.
        for (Map<String, Object> again : List.<Map<String, Object>>of(
                Map.of("name", "Spammer", "blogUrl", site.replace("http://", "HTTP://") + "#top"),
                Map.of("name", "Spammer", "blogUrl", "https://elsewhere.example/", "feedUrl", feed))) {
            given().contentType(ContentType.JSON)
                    .body(again)
                    .post("/api/series/" + slug + "/participants")
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json")
                    .body("detail", containsString("blocked"))
                    .body("detail", containsString("posts adverts, not answers"));
        }
        given().get("/api/series/" + slug + "/participants").then().body("", hasSize(0));

        // Another series does not care; lifting the block lets the blog back in.
        String other = Api.createSeries("guest-block-other", "guestblockother");
        Api.register("guest-block-other", "Spammer", site, feed);
        List<Integer> ids = given().header("Authorization", "Bearer " + host)
                .get("/api/series/" + slug + "/blocked")
                .then()
                .statusCode(200)
                .body("", hasSize(2))
                .extract()
                .path("id");
        given().header("Authorization", "Bearer " + other)
                .delete("/api/series/" + slug + "/blocked/" + ids.get(0))
                .then()
                .statusCode(403);
        for (Integer id : ids) {
            given().header("Authorization", "Bearer " + host)
                    .delete("/api/series/" + slug + "/blocked/" + id)
                    .then()
                    .statusCode(204);
        }
        Api.register(slug, "Reformed", site, feed);
    }
}
