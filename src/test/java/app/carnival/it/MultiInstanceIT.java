package app.carnival.it;

import static app.carnival.it.ServiceProcess.await;
import static org.assertj.core.api.Assertions.assertThat;

import app.carnival.boot.EmbeddedDatabase;
import app.carnival.testing.FeedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two service processes share one PostgreSQL database: every feed is fetched exactly once per
 * cycle, every queued Webmention is verified exactly once, and both instances take part in each.
 */
class MultiInstanceIT {

    static final int FEEDS = 120;
    static final int MENTIONS = 60;
    static final String INVITATION = "https://host.example/2024/05/multi-invitation/";
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void twoInstancesPollEachFeedOncePerCycleAndVerifyEachWebmentionOnce() throws Exception {
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dir.resolve("pg"));
                FeedServer feeds = new FeedServer();
                ServiceProcess instanceA = start(db, "A");
                ServiceProcess instanceB = start(db, "B")) {
            int portA = instanceA.port;
            int portB = instanceB.port;
            for (int i = 0; i < FEEDS; i++) {
                feeds.serve(
                        "/f" + i,
                        "application/rss+xml",
                        "<rss version=\"2.0\"><channel><title>F" + i + "</title><item><title>Post " + i
                                + "</title><link>https://b" + i + ".example/1</link></item></channel></rss>");
                feeds.delay("/f" + i, Duration.ofMillis(20));
            }

            post(portA, "/api/series", "{\"slug\":\"multi\",\"title\":\"Multi\",\"hashtag\":\"multi\"}");
            for (int i = 0; i < FEEDS; i++) {
                post(
                        i % 2 == 0 ? portA : portB,
                        "/api/series/multi/participants",
                        "{\"name\":\"P" + i + "\",\"blogUrl\":\"https://b" + i + ".example/\",\"feedUrl\":\""
                                + feeds.url("/f" + i) + "\"}");
            }
            Instant firstCycle = Instant.now().minusSeconds(60);
            awaitAllPolledSince(db, firstCycle);
            // Registration fetched each new feed once to check it is one; then one poll per cycle.
            assertEachFetched(feeds, 1 + 1);

            Instant secondCycle = Instant.now();
            sql(db, "UPDATE feed_schedule SET next_poll_at = now()");
            awaitAllPolledSince(db, secondCycle);
            assertEachFetched(feeds, 1 + 2);

            List<String> agents = new ArrayList<>();
            for (int i = 0; i < FEEDS; i++) {
                feeds.requests("/f" + i).forEach(r -> agents.add(r.userAgent()));
            }
            assertThat(agents).anyMatch(a -> a.contains("instance A")).anyMatch(a -> a.contains("instance B"));

            verifyWebmentionsOnce(db, feeds, portA, portB);
        }
    }

    /** Webmentions sent to both instances from unknown blogs: each source page is fetched by one instance, once. */
    private static void verifyWebmentionsOnce(EmbeddedDatabase db, FeedServer feeds, int portA, int portB)
            throws Exception {
        String created = post(
                portA,
                "/api/series",
                "{\"slug\":\"multi-intake\",\"title\":\"Intake\",\"hashtag\":\"multiintake\",\"intakePolicy\":\"AUTO\"}");
        java.util.regex.Matcher token =
                java.util.regex.Pattern.compile("\"hostToken\":\"([^\"]+)\"").matcher(created);
        assertThat(token.find()).as(created).isTrue();
        int status = HTTP.send(
                        HttpRequest.newBuilder(URI.create(
                                        "http://127.0.0.1:" + portB + "/api/series/multi-intake/assignments"))
                                .header("Content-Type", "application/json")
                                .header("Authorization", "Bearer " + token.group(1))
                                .POST(
                                        HttpRequest.BodyPublishers.ofString(
                                                "{\"title\":\"Intake\",\"invitationUrl\":\""
                                                        + INVITATION
                                                        + "\",\"opensAt\":\"2024-05-01T00:00:00Z\",\"closesAt\":\"2024-05-15T00:00:00Z\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
        assertThat(status).isEqualTo(201);
        for (int i = 0; i < MENTIONS; i++) {
            String blog = "/s" + i + "/";
            feeds.serve(
                    blog + "post/",
                    "text/html",
                    "<!DOCTYPE html><html><head><title>Answer " + i + "</title>"
                            + "<link rel=\"alternate\" type=\"application/rss+xml\" href=\"" + blog + "feed\">"
                            + "<meta property=\"article:published_time\" content=\"2024-05-03T10:00:00Z\"></head>"
                            + "<body><article><div class=\"entry-content\"><a href=\"" + INVITATION
                            + "\">the invitation</a></div></article></body></html>");
            feeds.serve(
                    blog + "feed",
                    "application/rss+xml",
                    "<rss version=\"2.0\"><channel><title>Blog " + i + "</title><link>" + feeds.url(blog)
                            + "</link></channel></rss>");
        }
        for (int i = 0; i < MENTIONS; i++) {
            status = HTTP.send(
                            HttpRequest.newBuilder(URI.create(
                                            "http://127.0.0.1:" + (i % 2 == 0 ? portA : portB) + "/webmention"))
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    .POST(HttpRequest.BodyPublishers.ofString(
                                            "source=" + feeds.url("/s" + i + "/post/") + "&target=" + INVITATION))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
            assertThat(status).isEqualTo(202);
        }
        await("every webmention verified", () -> {
            try {
                return sqlString(db, "SELECT count(*) FROM mention WHERE verification = 'VERIFIED'")
                        .equals(String.valueOf(MENTIONS));
            } catch (Exception e) {
                return false;
            }
        });
        assertThat(sqlString(db, "SELECT count(*) FROM response WHERE source = 'WEBMENTION' AND state = 'AUTO'"))
                .isEqualTo(String.valueOf(MENTIONS));
        List<String> verifiers = new ArrayList<>();
        for (int i = 0; i < MENTIONS; i++) {
            assertThat(feeds.requests("/s" + i + "/post/"))
                    .as("/s" + i + "/post/")
                    .hasSize(1);
            verifiers.add(feeds.requests("/s" + i + "/post/").get(0).userAgent());
        }
        assertThat(verifiers).anyMatch(a -> a.contains("instance A")).anyMatch(a -> a.contains("instance B"));
    }

    private static String sqlString(EmbeddedDatabase db, String query) throws Exception {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), EmbeddedDatabase.USER, "");
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(query)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void assertEachFetched(FeedServer feeds, int times) {
        for (int i = 0; i < FEEDS; i++) {
            assertThat(feeds.requests("/f" + i)).as("/f" + i).hasSize(times);
        }
    }

    private ServiceProcess start(EmbeddedDatabase db, String name) throws Exception {
        return ServiceProcess.start(
                Map.ofEntries(
                        Map.entry("QUARKUS_DATASOURCE_JDBC_URL", db.jdbcUrl()),
                        Map.entry("QUARKUS_DATASOURCE_USERNAME", EmbeddedDatabase.USER),
                        Map.entry("CARNIVAL_FETCH_ALLOW_PRIVATE_NETWORKS", "true"),
                        Map.entry("CARNIVAL_FETCH_USER_AGENT", "Carnival/1.0 (instance " + name + ")"),
                        Map.entry("CARNIVAL_POLL_TICK", "100ms"),
                        Map.entry("CARNIVAL_POLL_BATCH_SIZE", "4"),
                        Map.entry("CARNIVAL_POLL_INTERVAL", "1h"),
                        Map.entry("CARNIVAL_POLL_MIN_INTERVAL", "1h"),
                        Map.entry("CARNIVAL_INTAKE_TICK", "100ms"),
                        Map.entry("CARNIVAL_INTAKE_BATCH_SIZE", "4"),
                        Map.entry("CARNIVAL_INTAKE_PER_CLIENT_PER_MINUTE", "1000"),
                        Map.entry("CARNIVAL_INTAKE_PER_SOURCE_HOST_PER_MINUTE", "1000"),
                        // 120 feeds on loopback, registered from one address: past a public instance's limits.
                        Map.entry("CARNIVAL_RATE_LIMITS_REGISTRATION", "1000/1h"),
                        Map.entry("CARNIVAL_REGISTRATION_MAX_FEEDS_PER_HOST", "1000")),
                dir.resolve("instance-" + name + ".log"));
    }

    /** POSTs JSON, expects 201, returns the body. */
    private static String post(int port, String path, String json) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(201);
        return response.body();
    }

    private static void awaitAllPolledSince(EmbeddedDatabase db, Instant since) throws Exception {
        await("every feed polled", () -> {
            try (Connection c = DriverManager.getConnection(db.jdbcUrl(), EmbeddedDatabase.USER, "");
                    var ps = c.prepareStatement(
                            "SELECT count(*) FROM feed_schedule WHERE last_polled_at >= ? AND leased_until IS NULL")) {
                ps.setTimestamp(1, Timestamp.from(since));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1) == FEEDS;
                }
            } catch (Exception e) {
                return false;
            }
        });
    }

    private static void sql(EmbeddedDatabase db, String statement) throws Exception {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), EmbeddedDatabase.USER, "");
                Statement st = c.createStatement()) {
            st.execute(statement);
        }
    }
}
