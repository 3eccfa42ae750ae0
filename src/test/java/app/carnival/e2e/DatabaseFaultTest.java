package app.carnival.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import app.carnival.feed.poll.PollScheduler;
import app.carnival.testing.EmbeddedPostgresResource;
import app.carnival.testing.FeedServer;
import app.carnival.testing.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL goes away in the middle of a poll cycle and comes back: the service reports DOWN, then
 * UP without a restart, polls the interrupted feeds again, and the round-up ends exactly right.
 */
@QuarkusTest
class DatabaseFaultTest {

    static final String INVITATION = "https://host.example/2024/07/invite";

    @Inject
    PollScheduler scheduler;

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void outageInTheMiddleOfAPollCycleLosesAndDuplicatesNothing() throws Exception {
        try (FeedServer server = new FeedServer()) {
            String token = Api.createSeries("db-fault", "dbfault");
            Api.createAssignment(
                            "db-fault",
                            token,
                            Api.assignment(INVITATION, "2024-07-01T00:00:00Z", "2024-07-10T00:00:00Z", 0))
                    .statusCode(201);
            int feeds = 6;
            for (int i = 0; i < feeds; i++) {
                String site = server.url("/blog" + i);
                server.serve(
                        "/blog" + i + "/feed",
                        "application/rss+xml",
                        Feeds.wordpress(
                                site,
                                Feeds.wordpressItem(
                                        site + "/answer/",
                                        "Answer " + i,
                                        "Wed, 03 Jul 2024 10:00:00 +0000",
                                        "dbfault",
                                        "<p>See <a href=\"" + INVITATION + "\">the invitation</a>.</p>")));
                server.delay("/blog" + i + "/feed", Duration.ofMillis(1500));
                Api.register("db-fault", "Blogger " + i, site, server.url("/blog" + i + "/feed"));
            }

            CompletableFuture<?> cycle = CompletableFuture.runAsync(() -> scheduler.pollDue());
            await("fetches in flight", () -> server.maxConcurrentRequests() > 0);
            EmbeddedPostgresResource.stopServer();
            try {
                cycle.get();
            } catch (Exception e) {
                // the cycle may fail as a whole: that is allowed, losing data is not
            }
            given().get("/q/health").then().statusCode(503).body("status", org.hamcrest.Matchers.equalTo("DOWN"));

            EmbeddedPostgresResource.startServer();
            await("health UP again", () -> given().get("/q/health").statusCode() == 200);

            // Interrupted polls hold their lease until it runs out; then the next cycles take the feeds again.
            clock.advance(Duration.ofMinutes(6));
            await("every response stored", () -> {
                try {
                    scheduler.pollDue();
                } catch (RuntimeException e) {
                    return false;
                }
                return given().get("/api/series/db-fault/assignments/1/roundup")
                        .then()
                        .extract()
                        .path("count")
                        .equals(feeds);
            });
            List<String> participants = given().get("/api/series/db-fault/assignments/1/roundup")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("responses.participant");
            assertThat(participants).hasSize(feeds).doesNotHaveDuplicates();
            scheduler.pollDue();
            assertThat((Integer) given().get("/api/series/db-fault/assignments/1/roundup")
                            .then()
                            .extract()
                            .path("count"))
                    .isEqualTo(feeds);
        }
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
            Thread.sleep(200);
        }
    }
}
