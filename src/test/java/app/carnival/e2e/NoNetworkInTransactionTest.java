package app.carnival.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import app.carnival.fetch.HttpFetcher;
import app.carnival.testing.FeedServer;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * No HTTP request is made while a database transaction is open: a post page that hangs holds no
 * database connection, and the rest of the service goes on meanwhile.
 */
@QuarkusTest
class NoNetworkInTransactionTest {

    static final String INVITATION = "https://host.example/2024/09/invitation";

    @RegisterExtension
    static final FeedServer server = new FeedServer();

    static final CountDownLatch release = new CountDownLatch(1);

    @Inject
    HttpFetcher fetcher;

    @Inject
    AgroalDataSource dataSource;

    @BeforeAll
    static void start() {
        String slow = server.url("/slow");
        server.serve(
                "/slow/rss",
                "application/rss+xml",
                Feeds.summaryOnly(
                        slow,
                        Feeds.summaryItem(
                                slow + "/answer.html",
                                "My take",
                                "Tue, 03 Sep 2024 12:00:00 GMT",
                                "A teaser with no link…")));
        // The post page answers only when the test lets it: meanwhile the poll is stuck in its page-fetch stage.
        server.route("/slow/answer.html", exchange -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] page = Feeds.postPage(
                            "My take", "<p>Answering <a href=\"" + INVITATION + "\">the invitation</a>.</p>", "")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(page);
            }
        });
        String quick = server.url("/quick");
        server.serve(
                "/quick/feed",
                "application/rss+xml",
                Feeds.wordpress(
                        quick,
                        Feeds.wordpressItem(
                                quick + "/p/",
                                "Quick answer",
                                "Wed, 04 Sep 2024 09:00:00 +0000",
                                "Misc",
                                "<p>See <a href=\"" + INVITATION + "\">the invitation</a>.</p>")));
    }

    @AfterAll
    static void release() {
        release.countDown();
    }

    @Test
    void aHangingPostPageHoldsNoTransactionWhileOtherRequestsAndPollsComplete() throws Exception {
        String token = Api.createSeries("no-tx", "notx");
        Api.createAssignment(
                        "no-tx", token, Api.assignment(INVITATION, "2024-09-01T00:00:00Z", "2024-09-30T00:00:00Z", 0))
                .statusCode(201);
        Api.register("no-tx", "Slow", server.url("/slow"), server.url("/slow/rss"));

        CompletableFuture<ValidatableResponse> stuckPoll =
                CompletableFuture.supplyAsync(() -> Api.pollSeries("no-tx", token));
        awaitRequest("/slow/answer.html");

        assertThat(idleInTransaction())
                .as("connections held by a transaction while a page hangs")
                .isZero();
        // The rest of the service works meanwhile: reads, a registration (which fetches) and another poll.
        given().get("/api/series/no-tx/assignments/1/roundup").then().statusCode(200);
        long quick = Api.register("no-tx", "Quick", server.url("/quick"), server.url("/quick/feed"));
        given().header("Authorization", "Bearer " + token)
                .post("/api/participants/" + quick + "/poll")
                .then()
                .statusCode(200)
                .body("newResponses", equalTo(1));
        assertThat(stuckPoll).isNotDone();
        assertThat(idleInTransaction()).isZero();

        release.countDown();
        stuckPoll.get(30, TimeUnit.SECONDS).statusCode(200).body("newResponses", equalTo(1));
        given().get("/api/series/no-tx/assignments/1/roundup")
                .then()
                .statusCode(200)
                .body("count", equalTo(2));
    }

    @Test
    void theFetcherRefusesToRunInsideATransaction() {
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
                    try {
                        fetcher.fetchPage(server.url("/quick/feed"));
                    } catch (app.carnival.fetch.FetchException e) {
                        throw new IllegalStateException(e);
                    }
                }))
                .hasStackTraceContaining("inside a database transaction");
    }

    private int idleInTransaction() throws Exception {
        try (Connection c = dataSource.getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_stat_activity"
                        + " WHERE datname = current_database() AND state LIKE 'idle in transaction%'")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static void awaitRequest(String path) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (server.requests(path).isEmpty()) {
            assertThat(System.nanoTime()).as("the poll reached " + path).isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
