package app.carnival.it;

import static app.carnival.it.ServiceProcess.await;
import static org.assertj.core.api.Assertions.assertThat;

import app.carnival.boot.EmbeddedDatabase;
import app.carnival.testing.FeedServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, item 2: the packaged service's readiness fails while its scheduler is stuck (a feed that
 * takes longer to answer than {@code carnival.poll.max-silence}, with one fetch at a time) and comes
 * back when the poll ends; liveness stays up throughout.
 */
class ReadinessIT {

    @TempDir
    Path dir;

    static HttpResponse<String> get(ServiceProcess service, String path) {
        try {
            return ServiceProcess.HTTP.send(
                    HttpRequest.newBuilder(service.uri(path)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean firstPollRecorded(Statement st) {
        try (ResultSet rs = st.executeQuery(
                "SELECT count(*) FROM feed_schedule WHERE last_polled_at IS NOT NULL AND leased_until IS NULL")) {
            rs.next();
            return rs.getInt(1) == 1;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void readinessFailsWhileTheSchedulerIsStuckAndLivenessDoesNot() throws Exception {
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dir.resolve("pg"));
                FeedServer feeds = new FeedServer();
                ServiceProcess service = ServiceProcess.start(
                        Map.of(
                                "QUARKUS_DATASOURCE_JDBC_URL", db.jdbcUrl(),
                                "QUARKUS_DATASOURCE_USERNAME", EmbeddedDatabase.USER,
                                "CARNIVAL_FETCH_ALLOW_PRIVATE_NETWORKS", "true",
                                "CARNIVAL_POLL_TICK", "100ms",
                                "CARNIVAL_POLL_PARALLELISM", "1",
                                "CARNIVAL_POLL_INTERVAL", "1h",
                                "CARNIVAL_POLL_MIN_INTERVAL", "1h",
                                "CARNIVAL_POLL_MAX_SILENCE", "2s"),
                        dir.resolve("service.log"))) {
            feeds.serve(
                    "/slow",
                    "application/rss+xml",
                    "<rss version=\"2.0\"><channel><title>Slow</title></channel></rss>");
            HttpResponse<String> created = ServiceProcess.HTTP.send(
                    HttpRequest.newBuilder(service.uri("/api/series"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"slug\":\"ready\",\"title\":\"Ready\",\"hashtag\":\"ready\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).isEqualTo(201);
            HttpResponse<String> registered = ServiceProcess.HTTP.send(
                    HttpRequest.newBuilder(service.uri("/api/series/ready/participants"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"name\":\"Slow\",\"blogUrl\":\"https://slow.example/\"," + "\"feedUrl\":\""
                                            + feeds.url("/slow") + "\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(registered.statusCode()).isEqualTo(201);
            try (Connection c = DriverManager.getConnection(db.jdbcUrl(), EmbeddedDatabase.USER, "");
                    Statement st = c.createStatement()) {
                // Recorded, not only fetched: a poll still recording would overwrite the due time set below.
                await("the first poll recorded", () -> firstPollRecorded(st));
                assertThat(get(service, "/q/health/ready").statusCode()).isEqualTo(200);

                // The next poll of the feed takes 8 s: the scheduler finishes nothing meanwhile.
                feeds.delay("/slow", Duration.ofSeconds(8));
                st.execute("UPDATE feed_schedule SET next_poll_at = now()");
            }
            await("readiness down", () -> get(service, "/q/health/ready").statusCode() == 503);
            HttpResponse<String> down = get(service, "/q/health/ready");
            assertThat(down.body()).contains("\"poller\"").contains("the scheduler finished nothing for");
            assertThat(get(service, "/q/health/live").statusCode()).isEqualTo(200);

            await("readiness up again", () -> get(service, "/q/health/ready").statusCode() == 200);
            assertThat(feeds.requests("/slow")).hasSize(3);
        }
    }
}
