package app.carnival.e2e;

import static app.carnival.e2e.HostReviewPagesTest.dashboard;
import static app.carnival.e2e.HostReviewPagesTest.submit;
import static app.carnival.e2e.OrphanFeedTest.blogWithOnePost;
import static app.carnival.e2e.OrphanFeedTest.feedExists;
import static app.carnival.e2e.OrphanFeedTest.seriesWithAssignment;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import app.carnival.feed.poll.PollScheduler;
import app.carnival.testing.FeedServer;
import app.carnival.testing.SendsInvalidRequests;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A series whose host reviews registrations (issue 13, item 3): the feed of a new registration is
 * fetched once to check it, then not polled, listed nor matched until the host approves it; a
 * rejection deletes it. Through the API and through the pages, feeds served on loopback.
 */
@QuarkusTest
class RegistrationReviewTest {

    @RegisterExtension
    static final FeedServer server = new FeedServer();

    @Inject
    PollScheduler scheduler;

    static String reviewedSeries(String slug, String hashtag) {
        String token = seriesWithAssignment(slug, hashtag);
        given().contentType(ContentType.JSON)
                .header("Authorization", "Bearer " + token)
                .body(Map.of("registrationPolicy", "REVIEW"))
                .patch("/api/series/" + slug)
                .then()
                .statusCode(200)
                .body("registrationPolicy", equalTo("REVIEW"));
        return token;
    }

    static ValidatableResponse register(String slug, String name, String site) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("name", name, "blogUrl", site, "feedUrl", site + "/feed"))
                .post("/api/series/" + slug + "/participants")
                .then();
    }

    static long registerPending(String slug, String name, String site) {
        return register(slug, name, site)
                .statusCode(202)
                .header("Location", containsString("/api/participants/"))
                .body("status", equalTo("PENDING"))
                .body("participantToken", notNullValue())
                .extract()
                .<Number>path("id")
                .longValue();
    }

    static ValidatableResponse approve(String slug, long id, String token) {
        var request = given();
        if (token != null) {
            request = request.header("Authorization", "Bearer " + token);
        }
        return request.post("/api/series/" + slug + "/participants/" + id + "/approve")
                .then();
    }

    static int roundupCount(String slug) {
        return given().get("/api/series/" + slug + "/assignments/1/roundup")
                .then()
                .statusCode(200)
                .extract()
                .path("count");
    }

    @Test
    void aPendingRegistrationIsFetchedOnceAndNotPolledNorShownUntilTheHostApprovesIt() {
        String site = blogWithOnePost(server, "/review-e2e", "reviewe2e");
        String token = reviewedSeries("review-e2e", "reviewe2e");

        long id = registerPending("review-e2e", "Penny", site);
        assertThat(server.requests("/review-e2e/feed")).hasSize(1); // checked once, as an open series does

        scheduler.pollDue();
        Api.pollSeries("review-e2e", token).statusCode(200).body("polled", equalTo(0));
        given().header("Authorization", "Bearer " + token)
                .post("/api/participants/" + id + "/poll")
                .then()
                .statusCode(409)
                .body("detail", containsString("waits for the host's approval"));
        assertThat(server.requests("/review-e2e/feed")).hasSize(1);

        // Not public: neither listed, nor in the round-up, nor on the pages; the host sees it waiting.
        given().get("/api/series/review-e2e/participants")
                .then()
                .statusCode(200)
                .body("", hasSize(0));
        given().header("Authorization", "Bearer " + token)
                .get("/api/series/review-e2e/participants")
                .then()
                .body("", hasSize(1))
                .body("[0].status", equalTo("PENDING"));
        assertThat(roundupCount("review-e2e")).isZero();
        assertThat(given().get("/series/review-e2e").asString()).doesNotContain("Penny");
        given().get("/series/review-e2e/participants/" + id).then().statusCode(404);
        given().get("/api/series/review-e2e/participants/" + id + "/history")
                .then()
                .statusCode(404);

        approve("review-e2e", id, token).statusCode(200).body("status", equalTo("APPROVED"));

        scheduler.pollDue(); // due now: read at the next cycle
        assertThat(server.requests("/review-e2e/feed")).hasSize(2);
        assertThat(roundupCount("review-e2e")).isOne();
        given().get("/api/series/review-e2e/participants")
                .then()
                .body("", hasSize(1))
                .body("[0].status", equalTo("APPROVED"));
        approve("review-e2e", id, token).statusCode(200).body("status", equalTo("APPROVED")); // again: no change
    }

    @Test
    @SendsInvalidRequests // requests without the token the document requires
    void onlyTheSeriesHostApprovesOrRejectsAndARefusalChangesNothing() {
        String site = blogWithOnePost(server, "/review-auth", "reviewauth");
        String host = reviewedSeries("review-auth", "reviewauth");
        long id = registerPending("review-auth", "Ann", site);
        String otherHost = Api.createSeries("review-auth-other", "reviewother");

        approve("review-auth", id, null).statusCode(401).contentType("application/problem+json");
        approve("review-auth", id, otherHost).statusCode(403).contentType("application/problem+json");
        given().post("/api/series/review-auth/participants/" + id + "/reject")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().header("Authorization", "Bearer " + otherHost)
                .post("/api/series/review-auth/participants/" + id + "/reject")
                .then()
                .statusCode(403);
        // The participant's own token is no host's.
        String own = register("review-auth", "Ann again", blogWithOnePost(server, "/review-auth-2", "reviewauth"))
                .statusCode(202)
                .extract()
                .path("participantToken");
        approve("review-auth", id, own).statusCode(403);

        given().header("Authorization", "Bearer " + host)
                .get("/api/participants/" + id)
                .then()
                .statusCode(200)
                .body("participant.status", equalTo("PENDING"));
        // Until the host approves it, a registration is shown to no one else (its id is a small number).
        given().get("/api/participants/" + id).then().statusCode(404);
        given().header("Authorization", "Bearer " + otherHost)
                .get("/api/participants/" + id)
                .then()
                .statusCode(404);
    }

    @Test
    void rejectingARegistrationDeletesItAndTheFeedNobodyElseFollows() {
        String site = blogWithOnePost(server, "/review-reject", "reviewreject");
        String token = reviewedSeries("review-reject", "reviewreject");
        long id = registerPending("review-reject", "Rex", site);
        assertThat(feedExists(site + "/feed")).isTrue();

        given().header("Authorization", "Bearer " + token)
                .post("/api/series/review-reject/participants/" + id + "/reject")
                .then()
                .statusCode(204);

        given().get("/api/participants/" + id).then().statusCode(404);
        assertThat(feedExists(site + "/feed")).isFalse();

        // An approved participant is removed otherwise, not rejected.
        long again = registerPending("review-reject", "Rex", site);
        approve("review-reject", again, token).statusCode(200);
        given().header("Authorization", "Bearer " + token)
                .post("/api/series/review-reject/participants/" + again + "/reject")
                .then()
                .statusCode(409)
                .body("detail", containsString("approved already"));
    }

    @Test
    void aFeedAlsoFollowedByAnApprovedParticipantOfAnotherSeriesIsPolledForThatSeriesOnly() {
        String site = blogWithOnePost(server, "/review-shared", "reviewshared");
        seriesWithAssignment("review-shared-open", "reviewshared");
        reviewedSeries("review-shared", "reviewshared");
        Api.register("review-shared-open", "Sue", site, site + "/feed");
        registerPending("review-shared", "Sue", site);
        server.clearRequests();

        scheduler.pollDue();

        assertThat(server.requests("/review-shared/feed")).hasSize(1);
        assertThat(roundupCount("review-shared-open")).isOne();
        assertThat(roundupCount("review-shared")).isZero();
    }

    @Test
    void theHostTurnsReviewOnInTheSettingsTheFormSaysTheBlogWaitsAndTheDashboardApprovesOrRejects() {
        String slug = "review-pages";
        String token = seriesWithAssignment(slug, "reviewpages");
        Document settings = Jsoup.parse(given().cookie("carnival_host", token)
                .get("/series/" + slug + "/host/settings")
                .asString());
        assertThat(settings.select("input[name=registrationPolicy][checked]").val())
                .isEqualTo("OPEN");
        given().redirects()
                .follow(false)
                .cookie("carnival_host", token)
                .contentType(ContentType.URLENC)
                .formParam("csrf", settings.select("input[name=csrf]").val())
                .formParam("title", "Series " + slug)
                .formParam("hashtag", "reviewpages")
                .formParam("intakePolicy", "REVIEW")
                .formParam("registrationPolicy", "REVIEW")
                .post("/series/" + slug + "/host/settings")
                .then()
                .statusCode(303);
        given().get("/api/series/" + slug).then().body("registrationPolicy", equalTo("REVIEW"));

        String approved = blogWithOnePost(server, "/review-pages-a", "reviewpages");
        String rejected = blogWithOnePost(server, "/review-pages-b", "reviewpages");
        assertThat(given().get("/series/" + slug + "/register").asString()).contains("approves each new blog");
        for (String[] blog : new String[][] {{"Ada", approved}, {"Bo", rejected}}) {
            String page = given().contentType(ContentType.URLENC)
                    .formParam("name", blog[0])
                    .formParam("blogUrl", blog[1])
                    .formParam("feedUrl", blog[1] + "/feed")
                    .post("/series/" + slug + "/register")
                    .then()
                    .statusCode(202)
                    .extract()
                    .asString();
            assertThat(Jsoup.parse(page).select("[role=status]").text()).contains("waits for the approval of its host");
            // Nothing promises what a pending registration can not do yet (be seen by anyone, be polled now).
            assertThat(Jsoup.parse(page).text())
                    .contains("until the host approves it, only you and the host can")
                    .doesNotContain("Anyone can see");
        }

        Document host = dashboard(slug, token);
        assertThat(host.select("#registrations-h").text()).contains("(2)");
        String back = submit(button(host, "Ada", "approve"), token)
                .then()
                .statusCode(303)
                .extract()
                .header("Location");
        assertThat(Jsoup.parse(given().cookie("carnival_host", token).get(back).asString())
                        .select("[role=status]")
                        .text())
                .contains("Approved: the blog takes part");
        submit(button(host, "Bo", "reject"), token).then().statusCode(303);

        assertThat(dashboard(slug, token).select("#registrations-h")).isEmpty();
        given().get("/api/series/" + slug + "/participants")
                .then()
                .body("", hasSize(1))
                .body("[0].name", equalTo("Ada"))
                .body("[0].status", equalTo("APPROVED"));
        scheduler.pollDue();
        assertThat(roundupCount(slug)).isOne();
    }

    @Test
    void aDecisionFormWithoutItsCsrfTokenIsRefusedAndChangesNothing() {
        String site = blogWithOnePost(server, "/review-csrf", "reviewcsrf");
        String token = reviewedSeries("review-csrf", "reviewcsrf");
        long id = registerPending("review-csrf", "Cy", site);

        given().cookie("carnival_host", token)
                .contentType(ContentType.URLENC)
                .formParam("participantId", id)
                .formParam("decision", "approve")
                .post("/series/review-csrf/host/participants/review")
                .then()
                .statusCode(403);

        given().header("Authorization", "Bearer " + token)
                .get("/api/participants/" + id)
                .then()
                .body("participant.status", equalTo("PENDING"));
    }

    private static Element button(Document host, String name, String decision) {
        return host.select("button[name=decision][value=" + decision + "]").stream()
                .filter(b -> b.text().endsWith(": " + name))
                .findFirst()
                .orElseThrow();
    }
}
