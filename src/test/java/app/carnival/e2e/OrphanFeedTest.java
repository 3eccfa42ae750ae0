package app.carnival.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import app.carnival.feed.poll.PollScheduler;
import app.carnival.feed.store.Feed;
import app.carnival.testing.FeedServer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A feed is polled while someone follows it: the last participant leaving deletes it (V5), a shared one stays. */
@QuarkusTest
class OrphanFeedTest {

    static final String INVITATION = "https://host.example/2024/06/orphan-invite";

    @Inject
    PollScheduler scheduler;

    static String blogWithOnePost(FeedServer server, String path, String hashtag) {
        String site = server.url(path);
        server.serve(
                path + "/feed",
                "application/rss+xml",
                Feeds.wordpress(
                        site,
                        Feeds.wordpressItem(
                                site + "/answer/",
                                "Answer #" + hashtag,
                                "Mon, 03 Jun 2024 10:00:00 +0000",
                                "Misc",
                                "<p>An answer.</p>")));
        return site;
    }

    static String seriesWithAssignment(String slug, String hashtag) {
        String token = Api.createSeries(slug, hashtag);
        Api.createAssignment(slug, token, Api.assignment(INVITATION, "2024-06-01T00:00:00Z", "2024-06-10T00:00:00Z", 0))
                .statusCode(201);
        return token;
    }

    static boolean feedExists(String url) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Feed.find("url", url).firstResultOptional().isPresent());
    }

    static void leave(long participant, String hostToken) {
        given().header("Authorization", "Bearer " + hostToken)
                .delete("/api/participants/" + participant)
                .then()
                .statusCode(204);
    }

    @Test
    void theOnlyParticipantLeavingDeletesTheFeedAndTheSameFeedCanBeRegisteredAgain() throws Exception {
        try (FeedServer server = new FeedServer()) {
            String site = blogWithOnePost(server, "/alone", "orphanalone");
            String token = seriesWithAssignment("orphan-alone", "orphanalone");
            long id = Api.register("orphan-alone", "Olive", site, site + "/feed");
            Api.pollSeries("orphan-alone", token).statusCode(200).body("outcomes[0].newPosts", equalTo(1));

            leave(id, token);

            assertThat(feedExists(site + "/feed")).isFalse(); // so neither due nor scanned by the claim query

            // Coming back is a registration like any other: a new feed row, its posts stored and matched again.
            Api.register("orphan-alone", "Olive", site, site + "/feed");
            Api.pollSeries("orphan-alone", token)
                    .statusCode(200)
                    .body("outcomes[0].newPosts", equalTo(1))
                    .body("newResponses", equalTo(1));
            given().get("/api/series/orphan-alone/assignments/1/roundup").then().body("count", equalTo(1));
        }
    }

    @Test
    void aFeedSharedByTwoSeriesIsStillPolledWhenOneOfItsParticipantsLeaves() throws Exception {
        try (FeedServer server = new FeedServer()) {
            String site = blogWithOnePost(server, "/both", "orphanboth");
            String one = seriesWithAssignment("orphan-one", "orphanboth");
            seriesWithAssignment("orphan-two", "orphanboth");
            long leaving = Api.register("orphan-one", "Sam", site, site + "/feed");
            Api.register("orphan-two", "Sam", site, site + "/feed");

            leave(leaving, one);

            assertThat(feedExists(site + "/feed")).isTrue();
            server.clearRequests();
            scheduler.pollDue(); // registered, never polled: due
            assertThat(server.requests("/both/feed")).hasSize(1);
            given().get("/api/series/orphan-two/assignments/1/roundup").then().body("count", equalTo(1));
            given().get("/api/series/orphan-one/assignments/1/roundup").then().body("count", equalTo(0));
        }
    }

    @Test
    void aPollInFlightWhenItsFeedIsDeletedFailsAloneAndTheOtherFeedsAreRecorded() throws Exception {
        try (FeedServer server = new FeedServer()) {
            String leavingSite = blogWithOnePost(server, "/flight-a", "orphanflight");
            String stayingSite = blogWithOnePost(server, "/flight-b", "orphanflight");
            String token = seriesWithAssignment("orphan-flight", "orphanflight");
            long leaving = Api.register("orphan-flight", "Ann", leavingSite, leavingSite + "/feed");
            long staying = Api.register("orphan-flight", "Ben", stayingSite, stayingSite + "/feed");
            // From now on the leaving blog's feed answers only when the test lets it.
            CountDownLatch fetched = new CountDownLatch(1);
            CountDownLatch answer = new CountDownLatch(1);
            byte[] body = Feeds.wordpress(
                            leavingSite,
                            Feeds.wordpressItem(
                                    leavingSite + "/late/",
                                    "Late #orphanflight",
                                    "Tue, 04 Jun 2024 10:00:00 +0000",
                                    "Misc",
                                    "<p>Late.</p>"))
                    .getBytes(StandardCharsets.UTF_8);
            server.route("/flight-a/feed", exchange -> {
                fetched.countDown();
                try (exchange;
                        OutputStream out = exchange.getResponseBody()) {
                    answer.await(60, TimeUnit.SECONDS);
                    exchange.getResponseHeaders().add("Content-Type", "application/rss+xml");
                    exchange.sendResponseHeaders(200, body.length);
                    out.write(body);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });

            CompletableFuture<JsonPath> poll =
                    CompletableFuture.supplyAsync(() -> Api.pollSeries("orphan-flight", token)
                            .statusCode(200)
                            .extract()
                            .jsonPath());
            try {
                assertThat(fetched.await(60, TimeUnit.SECONDS)).isTrue();
                leave(leaving, token);
                assertThat(feedExists(leavingSite + "/feed")).isFalse();
            } finally {
                answer.countDown();
            }

            JsonPath report = poll.get(60, TimeUnit.SECONDS);
            String leavingOutcome = "outcomes.find { it.feedUrl == '" + leavingSite + "/feed' }";
            assertThat(report.getString(leavingOutcome + ".result")).isEqualTo("error");
            assertThat(report.getString(leavingOutcome + ".error")).contains("internal error while storing the feed");
            assertThat(report.getInt("outcomes.find { it.feedUrl == '" + stayingSite + "/feed' }.newPosts"))
                    .isEqualTo(1);
            assertThat(feedExists(leavingSite + "/feed")).isFalse();
            given().get("/api/participants/" + staying).then().body("recentPosts", hasSize(1));
            given().get("/api/series/orphan-flight/assignments/1/roundup")
                    .then()
                    .body("responses.participant", hasSize(1));
        }
    }
}
