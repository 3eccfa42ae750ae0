package app.carnival.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import app.carnival.feed.store.FeedBacklog;
import app.carnival.testing.FeedServer;
import app.carnival.testing.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 12, item 2: {@code /q/metrics} after a poll carries the poller's series with the values the
 * poll gave (differences from a scrape just before: counters are shared with the other tests), and the
 * readiness check says how the poller stands.
 */
@QuarkusTest
class MetricsTest {

    @RegisterExtension
    static final FeedServer server = new FeedServer();

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*(?:\\{[^}]*\\})?) (\\S+)$");

    /** Every sample of a scrape, by its name with labels as Prometheus prints them. */
    static Map<String, Double> scrape() {
        Map<String, Double> samples = new HashMap<>();
        for (String line : given().get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString()
                .split("\n")) {
            Matcher m = SAMPLE.matcher(line);
            if (m.matches()) {
                samples.put(m.group(1), Double.parseDouble(m.group(2)));
            }
        }
        return samples;
    }

    /** Each sample grew by the value given between the two scrapes. */
    static void assertChanged(Map<String, Double> before, Map<String, Double> after, Map<String, Double> by) {
        by.forEach((sample, expected) -> {
            assertThat(after).as("scraped series").containsKey(sample);
            assertThat(after.get(sample) - before.getOrDefault(sample, 0.0))
                    .as(sample)
                    .isEqualTo(expected);
        });
    }

    @Test
    void aPollShowsInTheMetricsWithItsResultDurationBytesAndResponse() {
        String slug = "metrics";
        String token = Api.createSeries(slug, "metricsmeme");
        Api.createAssignment(
                        slug,
                        token,
                        Api.assignment(
                                "https://host.example/metrics-invitation",
                                Instant.now().minusSeconds(86400).toString(),
                                Instant.now().plusSeconds(86400).toString(),
                                0))
                .statusCode(201);
        String site = server.url("/metrics/ann");
        String feed = Feeds.wordpress(
                site,
                Feeds.wordpressItem(
                        site + "/answer/",
                        "My #metricsmeme answer",
                        BrowserTest.RFC_1123.format(
                                Instant.now().minusSeconds(3600).atOffset(java.time.ZoneOffset.UTC)),
                        "metricsmeme",
                        "<p>An answer to <a href=\"https://host.example/metrics-invitation\">it</a>.</p>"));
        server.serve("/metrics/ann/feed", "application/rss+xml", feed);
        Api.register(slug, "Ann", site, server.url("/metrics/ann/feed"));

        Map<String, Double> before = scrape();
        Api.pollSeries(slug, token).statusCode(200);
        given().get("/api/series/" + slug + "/assignments/1/roundup").then().statusCode(200);
        given().get("/api/series/" + slug + "/assignments/1/roundup").then().statusCode(200);
        given().contentType("application/x-www-form-urlencoded")
                .formParam("source", "not a url")
                .formParam("target", "https://host.example/metrics-invitation")
                .post("/webmention")
                .then()
                .statusCode(400);
        Map<String, Double> after = scrape();

        assertChanged(
                before,
                after,
                Map.ofEntries(
                        Map.entry("carnival_polls_total{result=\"updated\"}", 1.0),
                        Map.entry("carnival_fetch_seconds_count", 1.0),
                        Map.entry("carnival_fetch_seconds_bucket{le=\"+Inf\"}", 1.0),
                        Map.entry("carnival_fetch_body_bytes_sum", (double) feed.getBytes().length),
                        Map.entry("carnival_parse_seconds_count", 1.0),
                        Map.entry("carnival_record_seconds_count", 1.0),
                        Map.entry("carnival_responses_recorded_total{source=\"feed\"}", 1.0),
                        Map.entry("cache_gets_total{cache=\"roundup\",result=\"miss\"}", 1.0),
                        Map.entry("cache_gets_total{cache=\"roundup\",result=\"hit\"}", 1.0),
                        Map.entry("carnival_webmentions_received_total{outcome=\"refused\"}", 1.0)));
        assertThat(after)
                .containsKeys(
                        "carnival_feeds{state=\"due\"}",
                        "carnival_feeds{state=\"in-error\"}",
                        "carnival_feeds{state=\"paused\"}",
                        "carnival_poll_lag_seconds");
    }

    @Test
    void anUnchangedAFailingAndAGoneFeedShowInThePollCountersAndTheFeedGauges() {
        String slug = "metrics-states";
        String token = Api.createSeries(slug, "metricsstates");
        String site = server.url("/metrics/same");
        server.serve("/metrics/same/feed", "application/rss+xml", Feeds.wordpress(site));
        Api.register(slug, "Sam", site, server.url("/metrics/same/feed"));
        Api.pollSeries(slug, token).statusCode(200);
        server.status("/metrics/failing/feed", 500, Map.of());
        server.status("/metrics/gone/feed", 410, Map.of());
        Api.register(slug, "Fay", server.url("/metrics/failing"), server.url("/metrics/failing/feed"));
        Api.register(slug, "Gus", server.url("/metrics/gone"), server.url("/metrics/gone/feed"));

        Map<String, Double> before = freshScrape();
        Api.pollSeries(slug, token).statusCode(200);
        Map<String, Double> after = freshScrape();

        assertChanged(
                before,
                after,
                Map.of(
                        "carnival_polls_total{result=\"not-modified\"}", 1.0,
                        "carnival_polls_total{result=\"error\"}", 1.0,
                        "carnival_polls_total{result=\"paused\"}", 1.0,
                        "carnival_polls_total{result=\"updated\"}", 0.0,
                        "carnival_feeds{state=\"in-error\"}", 1.0,
                        "carnival_feeds{state=\"paused\"}", 1.0));
        // Not the due count: moving the clock past the gauges' caching may bring other tests' feeds due.
    }

    /** A scrape after the feed gauges' few seconds of caching: they read the database again. */
    Map<String, Double> freshScrape() {
        clock.advance(FeedBacklog.FRESH_FOR.plusSeconds(1));
        return scrape();
    }

    @Test
    void readinessSaysTheSchedulerIsOffHereAndLivenessKnowsNothingOfThePoller() {
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("checks.find { it.name == 'poller' }.status", org.hamcrest.Matchers.equalTo("UP"))
                .body(
                        "checks.find { it.name == 'poller' }.data.scheduler",
                        org.hamcrest.Matchers.equalTo("off on this instance"));
        given().get("/q/health/live")
                .then()
                .statusCode(200)
                .body("checks.find { it.name == 'poller' }", org.hamcrest.Matchers.nullValue());
    }
}
