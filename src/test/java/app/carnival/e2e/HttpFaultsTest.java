package app.carnival.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import app.carnival.feed.poll.PollScheduler;
import app.carnival.feed.store.Feed;
import app.carnival.testing.FeedServer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the poller does with each kind of HTTP answer, seen through the participant view. */
@QuarkusTest
class HttpFaultsTest {

    @RegisterExtension
    static final FeedServer server = new FeedServer();

    static String token;

    @Inject
    PollScheduler scheduler;

    static String ok(String title) {
        return Feeds.wordpress(
                server.url("/"),
                Feeds.wordpressItem(
                        server.url("/p/" + title), title, "Mon, 03 Jun 2024 10:00:00 +0000", "x", "<p>x</p>"));
    }

    long enrol(String series, String path) {
        if (given().get("/api/series/" + series).statusCode() == 404) {
            token = Api.createSeries(series, "faults");
        }
        return Api.register(series, path, server.url("/"), server.url(path));
    }

    static JsonPath feed(long participant) {
        return given().get("/api/participants/" + participant)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    static Duration untilNextPoll(JsonPath p) {
        return Duration.between(
                Instant.parse(p.getString("feed.lastPolledAt")), Instant.parse(p.getString("feed.nextPollAt")));
    }

    static void poll(long participant) {
        given().header("Authorization", "Bearer " + token)
                .post("/api/participants/" + participant + "/poll")
                .then()
                .statusCode(200);
    }

    @Test
    void notFoundIsAnErrorWithBackoffThatGrows() {
        List<String> logged = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getMessage().contains(server.url("/f404"))) {
                    logged.add(record.getLevel() + " " + record.getMessage());
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger pollLog = Logger.getLogger(PollScheduler.class.getName());
        pollLog.addHandler(capture);
        try {
            notFoundThenBack();
        } finally {
            pollLog.removeHandler(capture);
        }
        // One line when the feed started failing, one when it worked again: none for the failure in between.
        assertThat(logged)
                .hasSize(2)
                .satisfiesExactly(
                        warn -> assertThat(warn).startsWith("WARN").endsWith("started failing: HTTP 404 Not Found"),
                        info -> assertThat(info).startsWith("INFO").endsWith("works again after 2 failed polls"));
    }

    void notFoundThenBack() {
        server.status("/f404", 404, Map.of());
        long p = enrol("faults-404", "/f404");
        poll(p);
        JsonPath first = feed(p);
        assertThat(first.getString("feed.lastError")).isEqualTo("HTTP 404 Not Found");
        assertThat(first.getInt("feed.errorCount")).isEqualTo(1);
        assertThat(untilNextPoll(first)).isBetween(Duration.ofSeconds(53), Duration.ofSeconds(67));
        poll(p);
        JsonPath second = feed(p);
        assertThat(second.getInt("feed.errorCount")).isEqualTo(2);
        assertThat(untilNextPoll(second)).isBetween(Duration.ofSeconds(107), Duration.ofSeconds(133));
        assertThat(second.getBoolean("feed.paused")).isFalse();

        // Recovery resets the count and goes back to the normal interval.
        server.serve("/f404", "application/rss+xml", ok("back"));
        poll(p);
        JsonPath healed = feed(p);
        assertThat(healed.getInt("feed.errorCount")).isZero();
        assertThat(healed.getString("feed.lastError")).isNull();
        assertThat(untilNextPoll(healed)).isGreaterThan(Duration.ofMinutes(25));
    }

    /**
     * A 304 is a success: it ends the failure (the batch of 304s is written in one statement, the trigger skipped).
     * The next 304 writes only the feed's schedule row: the feed row is left as it was.
     */
    @Test
    void aNotModifiedAfterAFailureEndsTheFailure() {
        server.serve("/f304-back", "application/rss+xml", ok("steady"));
        long p = enrol("faults-304", "/f304-back");
        poll(p);
        server.status("/f304-back", 500, Map.of());
        poll(p);
        JsonPath failing = feed(p);
        assertThat(failing.getInt("feed.errorCount")).isOne();
        assertThat(failingSince("/f304-back")).isEqualTo(Instant.parse(failing.getString("feed.lastPolledAt")));

        server.serve("/f304-back", "application/rss+xml", ok("steady"));
        poll(p);
        JsonPath healed = feed(p);
        assertThat(healed.getInt("feed.lastStatus")).isEqualTo(304);
        assertThat(healed.getInt("feed.errorCount")).isZero();
        assertThat(healed.getString("feed.lastError")).isNull();
        assertThat(untilNextPoll(healed)).isGreaterThan(Duration.ofMinutes(25));
        assertThat(failingSince("/f304-back")).isNull();

        Object rowVersion = column("xmin::text", "/f304-back");
        poll(p);
        JsonPath steady = feed(p);
        assertThat(steady.getInt("feed.lastStatus")).isEqualTo(304);
        assertThat(Instant.parse(steady.getString("feed.lastPolledAt")))
                .isAfter(Instant.parse(healed.getString("feed.lastPolledAt")));
        assertThat(column("xmin::text", "/f304-back")).isEqualTo(rowVersion);
    }

    static Object failingSince(String path) {
        return column("failing_since", path);
    }

    /** A column of the feed row (not of its schedule). */
    private static Object column(String expression, String path) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Feed.getEntityManager()
                        .createNativeQuery("SELECT " + expression + " FROM feed WHERE url = ?1")
                        .setParameter(1, server.url(path))
                        .getSingleResult());
    }

    @Test
    void cacheControlAndExpiresDelayTheNextPoll() {
        String now = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC));
        String inThreeHours = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).plusHours(3));
        String rss = "application/rss+xml";
        server.serve("/fresh-max-age", 200, rss, ok("a"), Map.of("Cache-Control", "public, max-age=7200"));
        server.serve("/fresh-expires", 200, rss, ok("b"), Map.of("Date", now, "Expires", inThreeHours));
        server.serve("/fresh-expired", 200, rss, ok("c"), Map.of("Expires", "0"));
        long maxAge = enrol("faults-fresh", "/fresh-max-age");
        long expires = enrol("faults-fresh", "/fresh-expires");
        long invalid = enrol("faults-fresh", "/fresh-expired");
        poll(maxAge);
        poll(expires);
        poll(invalid);
        // Not sooner than the server says (jittered ±10 %); "Expires: 0" says nothing: the usual 30 minutes.
        assertThat(untilNextPoll(feed(maxAge))).isBetween(Duration.ofMinutes(107), Duration.ofMinutes(133));
        assertThat(untilNextPoll(feed(expires))).isBetween(Duration.ofMinutes(161), Duration.ofMinutes(199));
        assertThat(untilNextPoll(feed(invalid))).isBetween(Duration.ofMinutes(26), Duration.ofMinutes(34));
    }

    static String withTtl(String title, String ttl) {
        return ok(title).replace("<generator>", "<ttl>" + ttl + "</ttl>\n  <generator>");
    }

    @Test
    void rssTtlDelaysTheNextPollAlsoAfterA304() {
        String rss = "application/rss+xml";
        server.serve("/ttl-180", rss, withTtl("a", "180"));
        server.serve("/ttl-huge", rss, withTtl("b", "100000"));
        server.serve("/ttl-zero", rss, withTtl("c", "0"));
        server.serve("/ttl-junk", rss, withTtl("d", "soon"));
        server.serve("/ttl-short", 200, rss, withTtl("e", "60"), Map.of("Cache-Control", "max-age=7200"));
        long ttl = enrol("faults-ttl", "/ttl-180");
        long huge = enrol("faults-ttl", "/ttl-huge");
        long zero = enrol("faults-ttl", "/ttl-zero");
        long junk = enrol("faults-ttl", "/ttl-junk");
        long shorter = enrol("faults-ttl", "/ttl-short");
        for (long p : List.of(ttl, huge, zero, junk, shorter)) {
            poll(p);
        }
        assertThat(untilNextPoll(feed(ttl))).isBetween(Duration.ofMinutes(162), Duration.ofMinutes(198));
        // Capped at carnival.poll.max-interval (4 h); 0 and junk say nothing: the usual 30 minutes.
        assertThat(untilNextPoll(feed(huge))).isBetween(Duration.ofMinutes(216), Duration.ofMinutes(264));
        assertThat(untilNextPoll(feed(zero))).isBetween(Duration.ofMinutes(26), Duration.ofMinutes(34));
        assertThat(untilNextPoll(feed(junk))).isBetween(Duration.ofMinutes(26), Duration.ofMinutes(34));
        // The longer of the ttl and the HTTP hints: max-age 2 h wins over a ttl of 1 h.
        assertThat(untilNextPoll(feed(shorter))).isBetween(Duration.ofMinutes(107), Duration.ofMinutes(133));

        // A 304 carries no body: the ttl learnt from the last 200 still holds.
        poll(ttl);
        JsonPath notModified = feed(ttl);
        assertThat(notModified.getInt("feed.lastStatus")).isEqualTo(304);
        assertThat(untilNextPoll(notModified)).isBetween(Duration.ofMinutes(162), Duration.ofMinutes(198));

        // A feed that drops its ttl no longer asks for it.
        server.serve("/ttl-180", rss, ok("a2"));
        poll(ttl);
        assertThat(untilNextPoll(feed(ttl))).isBetween(Duration.ofMinutes(26), Duration.ofMinutes(34));
        poll(ttl);
        assertThat(feed(ttl).getInt("feed.lastStatus")).isEqualTo(304);
        assertThat(untilNextPoll(feed(ttl))).isBetween(Duration.ofMinutes(26), Duration.ofMinutes(34));
    }

    @Test
    void aBotCheckInsteadOfTheFeedIsExplainedInTheFeedsError() {
        String html = "text/html; charset=UTF-8";
        server.serve(
                "/fbot-header", 403, html, "<p>Wait</p>", Map.of("cf-mitigated", "challenge", "Server", "cloudflare"));
        server.serve("/fbot-page", 503, html, "<!DOCTYPE html><html><head><title>Just a moment...</title>", Map.of());
        server.serve("/fbot-ok", 200, html, "<h1>Checking your browser before accessing the blog.</h1>", Map.of());
        server.serve("/fbot-forbidden", 403, html, "<title>403 Forbidden</title>", Map.of());
        Map<String, String> expected = Map.of(
                "/fbot-header", "(Cloudflare)",
                "/fbot-page", "(Cloudflare)",
                "/fbot-ok", "(a bot check)");
        for (var feed : expected.entrySet()) {
            long p = enrol("faults-bot", feed.getKey());
            poll(p);
            assertThat(feed(p).getString("feed.lastError"))
                    .isEqualTo("the site answers with a bot check instead of the feed " + feed.getValue()
                            + "; ask the blog's owner to let feed readers through");
        }
        long plain = enrol("faults-bot", "/fbot-forbidden");
        poll(plain);
        assertThat(feed(plain).getString("feed.lastError")).isEqualTo("HTTP 403 Forbidden");
    }

    @Test
    void goneFeedsArePausedWithTheReasonShownAndNotPolledAgain() {
        server.status("/f410", 410, Map.of());
        server.status("/f410-failing", 500, Map.of());
        long p = enrol("faults-410", "/f410");
        long failing = enrol("faults-410", "/f410-failing");
        poll(p);
        poll(failing);
        given().get("/api/participants/" + p)
                .then()
                .body("feed.paused", equalTo(true))
                .body("feed.pausedReason", containsString("410"))
                .body("feed.lastStatus", equalTo(410));

        // Both back-offs over, as they are a minute or so after one error: the feed that merely fails is due again.
        QuarkusTransaction.requiringNew()
                .run(() -> Feed.getEntityManager()
                        .createNativeQuery("UPDATE feed_schedule SET next_poll_at = '2000-01-01T00:00:00Z'"
                                + " WHERE feed_id IN (SELECT id FROM feed WHERE url IN (?1))")
                        .setParameter(1, List.of(server.url("/f410"), server.url("/f410-failing")))
                        .executeUpdate());
        server.clearRequests();
        scheduler.pollDue();
        assertThat(server.requests("/f410-failing")).hasSize(1);
        assertThat(server.requests("/f410")).isEmpty();

        // The participant says it is back: a poll-now that succeeds resumes the feed.
        server.serve("/f410", "application/rss+xml", ok("back again"));
        poll(p);
        given().get("/api/participants/" + p)
                .then()
                .body("feed.paused", equalTo(false))
                .body("feed.pausedReason", org.hamcrest.Matchers.nullValue())
                .body("recentPosts[0].title", equalTo("back again"));
    }

    @Test
    void retryAfterOn429And503IsHonoured() {
        server.status("/f503", 503, Map.of("Retry-After", "7200"));
        server.status(
                "/f429",
                429,
                Map.of(
                        "Retry-After",
                        java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                                java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC)
                                        .plusHours(3))));
        long a = enrol("faults-retry", "/f503");
        long b = enrol("faults-retry", "/f429");
        poll(a);
        poll(b);
        assertThat(untilNextPoll(feed(a))).isBetween(Duration.ofSeconds(7190), Duration.ofSeconds(7210));
        assertThat(untilNextPoll(feed(b))).isBetween(Duration.ofMinutes(175), Duration.ofMinutes(181));
        assertThat(feed(a).getString("feed.lastError")).isEqualTo("HTTP 503 Service Unavailable");
    }

    @Test
    void permanentRedirectUpdatesTheFeedUrlTemporaryDoesNot() {
        server.serve("/new-home", "application/rss+xml", ok("moved"));
        server.status("/old-home", 301, Map.of("Location", server.url("/new-home")));
        server.serve("/still-here", "application/rss+xml", ok("temp"));
        server.status("/temp-home", 302, Map.of("Location", server.url("/still-here")));
        server.status("/temp-307", 307, Map.of("Location", server.url("/still-here")));
        long moved = enrol("faults-redirect", "/old-home");
        long temp = enrol("faults-redirect", "/temp-home");
        long temp307 = enrol("faults-redirect", "/temp-307");
        poll(moved);
        poll(temp);
        poll(temp307);
        assertThat(feed(moved).getString("feed.url")).isEqualTo(server.url("/new-home"));
        assertThat(feed(temp).getString("feed.url")).isEqualTo(server.url("/temp-home"));
        assertThat(feed(temp307).getString("feed.url")).isEqualTo(server.url("/temp-307"));
        assertThat(feed(moved).getList("recentPosts.title")).containsExactly("moved");
    }

    @Test
    void connectionRefusedAndUnknownHostsBackOff() throws Exception {
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        token = Api.createSeries("faults-net", "faults");
        long refused = Api.register("faults-net", "Refused", server.url("/"), "http://127.0.0.1:" + closed + "/feed");
        long unknown = Api.register("faults-net", "Unknown", server.url("/"), "http://no-such-host.invalid/feed");
        poll(refused);
        poll(unknown);
        assertThat(feed(refused).getString("feed.lastError")).contains("connection refused");
        assertThat(feed(unknown).getString("feed.lastError")).isEqualTo("host not found: no-such-host.invalid");
        assertThat(untilNextPoll(feed(unknown))).isBetween(Duration.ofSeconds(53), Duration.ofSeconds(67));
        assertThat(feed(unknown).getBoolean("feed.paused")).isFalse();
    }

    @Test
    void feedsOfOneHostAreNeverFetchedMoreThanTheLimitAtOnce() {
        token = Api.createSeries("faults-host", "faults");
        for (int i = 0; i < 6; i++) {
            server.serve("/slow/" + i, "application/rss+xml", ok("slow" + i));
            server.delay("/slow/" + i, Duration.ofMillis(400));
            Api.register("faults-host", "Slow " + i, server.url("/"), server.url("/slow/" + i));
        }
        server.clearRequests();
        scheduler.pollDue();
        for (int i = 0; i < 6; i++) {
            assertThat(server.requests("/slow/" + i)).hasSize(1);
        }
        assertThat(server.maxConcurrentRequests()).isEqualTo(2);
    }
}
