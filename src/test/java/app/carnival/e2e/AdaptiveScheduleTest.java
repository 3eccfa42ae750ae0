package app.carnival.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import app.carnival.testing.FeedServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

/** The next poll follows the feed's rhythm, tightens while an assignment is open and most near its deadline. */
@QuarkusTest
class AdaptiveScheduleTest {

    static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    /** A feed with one post every {@code gap}, the newest an hour ago. */
    static String feed(FeedServer server, String name, Duration gap) {
        StringBuilder items = new StringBuilder();
        Instant newest = Instant.now().minus(Duration.ofHours(1));
        for (int i = 0; i < 10; i++) {
            String link = server.url("/" + name + "/" + i);
            items.append(Feeds.wordpressItem(
                    link, "Post " + i, RFC_1123.format(newest.minus(gap.multipliedBy(i))), "x", "<p>x</p>"));
        }
        return Feeds.wordpress(server.url("/" + name), items.toString());
    }

    static Duration nextPollAfterOnePoll(String slug, String token, long participant) {
        Api.pollSeries(slug, token).statusCode(200);
        JsonPath p =
                given().get("/api/participants/" + participant).then().extract().jsonPath();
        return Duration.between(
                Instant.parse(p.getString("feed.lastPolledAt")), Instant.parse(p.getString("feed.nextPollAt")));
    }

    static void assertAbout(Duration actual, Duration expected) {
        assertThat(actual.toMillis())
                .isBetween((long) (expected.toMillis() * 0.89), (long) (expected.toMillis() * 1.11));
    }

    @Test
    void intervalsFollowRhythmOpenAssignmentsAndDeadlines() throws Exception {
        try (FeedServer server = new FeedServer()) {
            server.serve("/hourly/feed", "application/rss+xml", feed(server, "hourly", Duration.ofHours(1)));
            server.serve("/monthly/feed", "application/rss+xml", feed(server, "monthly", Duration.ofDays(30)));
            server.serve("/open/feed", "application/rss+xml", feed(server, "open", Duration.ofDays(30)));
            server.serve("/deadline/feed", "application/rss+xml", feed(server, "deadline", Duration.ofDays(30)));

            String quiet = Api.createSeries("rhythm-quiet", "quiet");
            long hourly = Api.register("rhythm-quiet", "Hourly", server.url("/hourly"), server.url("/hourly/feed"));
            long monthly = Api.register("rhythm-quiet", "Monthly", server.url("/monthly"), server.url("/monthly/feed"));
            assertThat(nextPollAfterOnePoll("rhythm-quiet", quiet, hourly))
                    .isBetween(Duration.ofMinutes(13), Duration.ofMinutes(17));
            assertAbout(
                    Duration.between(
                            Instant.parse(given().get("/api/participants/" + monthly)
                                    .then()
                                    .extract()
                                    .path("feed.lastPolledAt")),
                            Instant.parse(given().get("/api/participants/" + monthly)
                                    .then()
                                    .extract()
                                    .path("feed.nextPollAt"))),
                    Duration.ofHours(4));

            Instant now = Instant.now();
            String open = Api.createSeries("rhythm-open", "open");
            Api.createAssignment(
                            "rhythm-open",
                            open,
                            Api.assignment(
                                    "https://h.example/i",
                                    now.minus(Duration.ofDays(1)).toString(),
                                    now.plus(Duration.ofDays(5)).toString(),
                                    0))
                    .statusCode(201);
            long openFeed = Api.register("rhythm-open", "Open", server.url("/open"), server.url("/open/feed"));
            assertAbout(nextPollAfterOnePoll("rhythm-open", open, openFeed), Duration.ofMinutes(10));

            String closing = Api.createSeries("rhythm-deadline", "deadline");
            Api.createAssignment(
                            "rhythm-deadline",
                            closing,
                            Api.assignment(
                                    "https://h.example/i",
                                    now.minus(Duration.ofDays(10)).toString(),
                                    now.plus(Duration.ofHours(3)).toString(),
                                    60))
                    .statusCode(201);
            long closingFeed =
                    Api.register("rhythm-deadline", "Closing", server.url("/deadline"), server.url("/deadline/feed"));
            assertAbout(nextPollAfterOnePoll("rhythm-deadline", closing, closingFeed), Duration.ofMinutes(5));

            // Followed in both series, a feed is polled for the nearer of their deadlines.
            server.serve("/both/feed", "application/rss+xml", feed(server, "both", Duration.ofDays(30)));
            long bothOpen = Api.register("rhythm-open", "Both", server.url("/both"), server.url("/both/feed"));
            Api.register("rhythm-deadline", "Both", server.url("/both"), server.url("/both/feed"));
            assertAbout(nextPollAfterOnePoll("rhythm-open", open, bothOpen), Duration.ofMinutes(5));
        }
    }
}
