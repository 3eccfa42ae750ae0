package app.carnival.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import app.carnival.announce.AnnouncementWorker;
import app.carnival.announce.rules.AnnouncementState;
import app.carnival.announce.rules.Delivery;
import app.carnival.announce.rules.Retries;
import app.carnival.announce.store.AnnouncementQueue;
import app.carnival.announce.store.ClaimedAnnouncement;
import app.carnival.testing.Await;
import app.carnival.testing.FeedServer;
import app.carnival.testing.SendsInvalidRequests;
import app.carnival.testing.TestClock;
import com.sun.net.httpserver.HttpExchange;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 11, item 4: publishing a round-up tells each participant in it by a Webmention, sent to a
 * real receiver on loopback that serves the posts (endpoints in the {@code Link} header, in
 * {@code <link>}, in {@code <a>}, relative, empty) and records every POST. With the SSRF guard on
 * (only the test's own 127.0.0.1 exempt) and a 2 s timeout, as {@link IntakeBadInputTest} runs.
 */
@QuarkusTest
@TestProfile(IntakeBadInputTest.Guarded.class)
class WebmentionSenderTest {

    static final String INVITATION = "https://host.example/2024/05/webmention-sender/";

    @RegisterExtension
    static final FeedServer server = new FeedServer();

    /** One Webmention as the receiver got it. */
    record Received(String path, String source, String target) {}

    static final List<Received> received = new CopyOnWriteArrayList<>();
    /** Per endpoint path, the statuses to answer in turn (the last one repeats); 202 when none. */
    static final Map<String, Deque<Integer>> answers = new ConcurrentHashMap<>();

    @Inject
    AnnouncementWorker worker;

    @Inject
    TestClock clock;

    @Inject
    AnnouncementQueue queue;

    @Inject
    AgroalDataSource dataSource;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    // --- the receiver ----------------------------------------------------------------------------

    /** A post page with the given extra headers and head/body markup; a POST to it is a Webmention received. */
    static void post(String path, Map<String, String> headers, String head, String body) {
        String html = "<!DOCTYPE html><html><head><title>Post</title>" + head + "</head><body><article>"
                + "<p>My answer, see <a href=\"" + INVITATION + "\">the invitation</a>.</p>" + body
                + "</article></body></html>";
        server.route(path, exchange -> {
            if ("POST".equals(exchange.getRequestMethod())) {
                receive(exchange, path);
                return;
            }
            headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            answer(exchange, 200, "text/html; charset=utf-8", html);
        });
    }

    /** An endpoint at {@code path} that records each Webmention and answers the scripted statuses. */
    static void endpoint(String path, Integer... statuses) {
        answers.put(path, new ArrayDeque<>(Arrays.asList(statuses)));
        server.route(path, exchange -> receive(exchange, path));
    }

    static void receive(HttpExchange exchange, String path) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> form = Arrays.stream(body.split("&"))
                .map(kv -> kv.split("=", 2))
                .collect(Collectors.toMap(
                        kv -> URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv -> kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : ""));
        assertThat(exchange.getRequestHeaders().getFirst("Content-Type"))
                .startsWith("application/x-www-form-urlencoded");
        received.add(new Received(path, form.get("source"), form.get("target")));
        Deque<Integer> script = answers.getOrDefault(path, new ArrayDeque<>());
        int status = script.size() > 1 ? script.poll() : script.isEmpty() ? 202 : script.peek();
        if (status == 201) {
            exchange.getResponseHeaders().add("Location", "/status/1");
        }
        answer(exchange, status, "text/plain", "status " + status);
    }

    static void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    static List<Received> receivedFor(String target) {
        return received.stream().filter(r -> r.target().equals(target)).toList();
    }

    // --- the carnival ----------------------------------------------------------------------------

    /**
     * A series with one assignment (closed in May 2024) and one participant whose feed lists a post
     * answering it at each path; returns the host token once the posts are responses.
     */
    static String seed(String slug, String closesAt, int graceMinutes, String... paths) {
        String site = server.url("/" + slug);
        String[] items = Arrays.stream(paths)
                .map(p -> Feeds.wordpressItem(
                        server.url(p),
                        "Answer " + p,
                        "Fri, 03 May 2024 09:00:00 +0000",
                        "SQL",
                        "<p>See <a href=\"" + INVITATION + "\">the invitation</a>. #wmsend</p>"))
                .toArray(String[]::new);
        server.serve("/" + slug + "/feed", "application/rss+xml", Feeds.wordpress(site, items));
        String token = Api.createSeries(slug, "wmsend");
        Api.createAssignment(slug, token, Api.assignment(INVITATION, "2024-05-01T00:00:00Z", closesAt, graceMinutes))
                .statusCode(201);
        Api.register(slug, "Alice", site, server.url("/" + slug + "/feed"));
        Api.pollSeries(slug, token).statusCode(200).body("newResponses", equalTo(paths.length));
        return token;
    }

    static String seed(String slug, String... paths) {
        return seed(slug, "2024-05-15T00:00:00Z", 0, paths);
    }

    static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }

    static JsonPath publish(String slug, String token) {
        return ok(as(token).post("/api/series/" + slug + "/assignments/1/publish"));
    }

    static JsonPath announcements(String slug, String token) {
        return ok(as(token).get("/api/series/" + slug + "/assignments/1/announcements"));
    }

    static JsonPath ok(io.restassured.response.Response answer) {
        return answer.then().statusCode(200).extract().jsonPath();
    }

    /** The announcement to {@code target}, as the API shows it. */
    static Map<String, Object> announcementOf(String slug, String token, String target) {
        List<Map<String, Object>> all = announcements(slug, token).getList("announcements");
        return all.stream()
                .filter(a -> target.equals(a.get("target")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no announcement to " + target + " in " + all));
    }

    static long responseId(String slug, String token, String url) {
        List<Map<String, Object>> all = ok(as(token).get("/api/series/" + slug + "/assignments/1/responses"))
                .getList("$");
        return all.stream()
                .filter(e -> url.equals(e.get("url")))
                .map(e -> ((Number) e.get("id")).longValue())
                .findFirst()
                .orElseThrow();
    }

    static void setState(String slug, String token, long responseId, String state) {
        as(token)
                .body(Map.of("state", state))
                .patch("/api/series/" + slug + "/assignments/1/responses/" + responseId)
                .then()
                .statusCode(200);
    }

    long rows(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    // --- the tests -------------------------------------------------------------------------------

    @Test
    void publishingSendsOneWebmentionToEachIncludedPostFoundEveryWay() {
        String slug = "wm-send";
        String header = "/wm-send/header/";
        String linkTag = "/wm-send/link-tag/";
        String anchor = "/wm-send/anchor/";
        String itself = "/wm-send/itself/";
        String none = "/wm-send/none/";
        String hidden = "/wm-send/hidden/";
        post(header, Map.of("Link", "<" + server.url("/wm-send/endpoint/header") + ">; rel=\"webmention\""), "", "");
        endpoint("/wm-send/endpoint/header");
        // Relative: resolved against the post's address.
        post(linkTag, Map.of(), "<link rel=\"webmention\" href=\"../endpoint/link?x=1\">", "");
        endpoint("/wm-send/endpoint/link", 201);
        post(anchor, Map.of(), "", "<a rel=\"nofollow webmention\" href=\"/wm-send/endpoint/anchor\">mentions</a>");
        endpoint("/wm-send/endpoint/anchor");
        // Empty href: the post itself receives.
        post(itself, Map.of(), "<link rel=\"webmention\" href=\"\">", "");
        post(none, Map.of(), "", "");
        post(hidden, Map.of("Link", "<" + server.url("/wm-send/endpoint/header") + ">; rel=webmention"), "", "");
        String token = seed(slug, header, linkTag, anchor, itself, none, hidden);
        setState(slug, token, responseId(slug, token, server.url(hidden)), "HIDDEN");

        JsonPath before = announcements(slug, token);
        assertThat(before.getBoolean("published")).isFalse();
        assertThat(before.getList("announcements")).isEmpty();
        assertThat(worker.run()).as("nothing is sent before publishing").isZero();

        JsonPath published = publish(slug, token);
        assertThat(published.getBoolean("published")).isTrue();
        String publishedAt = published.getString("publishedAt");
        assertThat(published.getList("announcements")).hasSize(5);
        assertThat(worker.run()).isEqualTo(5);

        String source = "http://carnival.test/series/wm-send/1";
        assertThat(receivedFor(server.url(header)))
                .containsExactly(new Received("/wm-send/endpoint/header", source, server.url(header)));
        assertThat(receivedFor(server.url(linkTag)))
                .containsExactly(new Received("/wm-send/endpoint/link", source, server.url(linkTag)));
        assertThat(receivedFor(server.url(anchor)))
                .containsExactly(new Received("/wm-send/endpoint/anchor", source, server.url(anchor)));
        assertThat(receivedFor(server.url(itself))).containsExactly(new Received(itself, source, server.url(itself)));
        assertThat(receivedFor(server.url(none))).isEmpty();
        assertThat(receivedFor(server.url(hidden))).isEmpty();

        assertThat(announcementOf(slug, token, server.url(header)))
                .containsEntry("state", "SENT")
                .containsEntry("lastStatus", 202)
                .containsEntry("summary", "Webmention sent (HTTP 202)")
                .containsEntry("endpoint", server.url("/wm-send/endpoint/header"));
        assertThat(announcementOf(slug, token, server.url(linkTag)))
                .containsEntry("summary", "Webmention sent (HTTP 201)")
                .containsEntry("endpoint", server.url("/wm-send/endpoint/link?x=1"));
        assertThat(announcementOf(slug, token, server.url(none)))
                .containsEntry("state", "NO_ENDPOINT")
                .containsEntry("summary", "no Webmention endpoint");

        // Publishing again answers the same and sends nothing; nor does another run of the job.
        JsonPath again = publish(slug, token);
        assertThat(again.getString("publishedAt")).isEqualTo(publishedAt);
        assertThat(worker.run()).isZero();
        clock.advance(Duration.ofDays(2));
        assertThat(worker.run()).isZero();
        assertThat(received.stream().filter(r -> r.target().contains("/wm-send/")))
                .hasSize(4);

        // Hidden and restored: not told twice. The one hidden before publishing is told once it is restored.
        long headerId = responseId(slug, token, server.url(header));
        setState(slug, token, headerId, "HIDDEN");
        setState(slug, token, headerId, "AUTO");
        setState(slug, token, responseId(slug, token, server.url(hidden)), "AUTO");
        assertThat(worker.run()).isEqualTo(1);
        assertThat(receivedFor(server.url(header))).hasSize(1);
        assertThat(receivedFor(server.url(hidden))).hasSize(1);
    }

    @Test
    void twoInstancesSendingAtOnceSendEachWebmentionOnce() throws Exception {
        String slug = "wm-twice";
        String[] paths = new String[6];
        for (int i = 0; i < paths.length; i++) {
            paths[i] = "/wm-twice/p" + i + "/";
            post(paths[i], Map.of("Link", "<" + server.url("/wm-twice/endpoint") + ">; rel=\"webmention\""), "", "");
        }
        endpoint("/wm-twice/endpoint");
        server.delay("/wm-twice/endpoint", Duration.ofMillis(300));
        String token = seed(slug, paths);
        publish(slug, token);

        // Two workers (as two instances would) claim and send at the same moment.
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> a = two.submit(worker::drain);
            Future<Integer> b = two.submit(worker::drain);
            assertThat(a.get() + b.get()).isEqualTo(paths.length);
        } finally {
            two.shutdownNow();
        }
        for (String p : paths) {
            assertThat(receivedFor(server.url(p))).as(p).hasSize(1);
        }
        assertThat(worker.run()).isZero();
    }

    @Test
    void aWebmentionWhoseResponseIsHiddenOrRemovedBeforeItIsSentIsNotSent() throws SQLException {
        String slug = "wm-gone";
        String kept = "/wm-gone/kept/";
        String held = "/wm-gone/held/";
        for (String p : List.of(kept, held)) {
            post(p, Map.of("Link", "<" + server.url("/wm-gone/endpoint") + ">; rel=\"webmention\""), "", "");
        }
        endpoint("/wm-gone/endpoint");
        String token = seed(slug, kept, held);
        // A second participant whose response is removed with them after publishing, before the job runs.
        String bob = "/wm-gone/bob/post/";
        post(bob, Map.of("Link", "<" + server.url("/wm-gone/endpoint") + ">; rel=\"webmention\""), "", "");
        server.serve(
                "/wm-gone/bob/feed",
                "application/rss+xml",
                Feeds.wordpress(
                        server.url("/wm-gone/bob"),
                        Feeds.wordpressItem(
                                server.url(bob),
                                "Bob's answer",
                                "Sat, 04 May 2024 09:00:00 +0000",
                                "SQL",
                                "<p><a href=\"" + INVITATION + "\">invitation</a> #wmsend</p>")));
        long bobId = Api.register(slug, "Bob", server.url("/wm-gone/bob"), server.url("/wm-gone/bob/feed"));
        Api.pollSeries(slug, token).statusCode(200);

        publish(slug, token);
        setState(slug, token, responseId(slug, token, server.url(held)), "HIDDEN");
        as(token).delete("/api/participants/" + bobId).then().statusCode(204);

        assertThat(worker.run()).isEqualTo(1);
        assertThat(receivedFor(server.url(kept))).hasSize(1);
        assertThat(receivedFor(server.url(held))).isEmpty();
        assertThat(receivedFor(server.url(bob))).isEmpty();
        assertThat(announcementOf(slug, token, server.url(held)))
                .containsEntry("state", "QUEUED")
                .containsEntry("onHold", true)
                .containsEntry("summary", "on hold: not sent while the response is not in the round-up");
        assertThat(rows("SELECT count(*) FROM announcement a JOIN assignment s ON s.id = a.assignment_id"
                        + " JOIN series r ON r.id = s.series_id WHERE r.slug = 'wm-gone' AND a.response_id IS NULL"))
                .as("the removed response's row stays, on hold")
                .isEqualTo(1);
        clock.advance(Duration.ofDays(1));
        assertThat(worker.run()).isZero();
    }

    @Test
    void aSendThatDiedWithItsInstanceIsTriedAgainOnceItsLeaseEndsAndSentOnce() {
        String slug = "wm-lease";
        String p = "/wm-lease/post/";
        post(p, Map.of("Link", "<" + server.url("/wm-lease/endpoint") + ">; rel=\"webmention\""), "", "");
        endpoint("/wm-lease/endpoint");
        String token = seed(slug, p);
        publish(slug, token);

        // An instance claims it and dies before sending: the others leave it alone while the lease lasts.
        List<ClaimedAnnouncement> dead = queue.claimDue(clock.instant(), Duration.ofMinutes(5), 100);
        assertThat(dead).extracting(ClaimedAnnouncement::targetUrl).containsExactly(server.url(p));
        assertThat(worker.run()).isZero();
        clock.advance(Duration.ofMinutes(6));
        assertThat(worker.run()).isEqualTo(1);
        assertThat(receivedFor(server.url(p))).hasSize(1);

        // Had the first instance come back, its result would not be recorded over the one that was sent.
        assertThat(queue.record(
                        dead.get(0),
                        new Delivery.Failed("too late", false, null, null),
                        new Retries.Next(AnnouncementState.FAILED, null),
                        clock.instant()))
                .isFalse();
        assertThat(announcementOf(slug, token, server.url(p))).containsEntry("state", "SENT");
    }

    @Test
    void aServerErrorIsTriedAgainLaterAndThenSent() {
        String slug = "wm-retry";
        String p = "/wm-retry/post/";
        post(p, Map.of("Link", "<" + server.url("/wm-retry/endpoint") + ">; rel=\"webmention\""), "", "");
        endpoint("/wm-retry/endpoint", 500, 202);
        String token = seed(slug, p);
        publish(slug, token);

        assertThat(worker.run()).isEqualTo(1);
        Map<String, Object> waiting = announcementOf(slug, token, server.url(p));
        assertThat(waiting).containsEntry("state", "QUEUED").containsEntry("attempts", 1);
        assertThat((String) waiting.get("summary"))
                .startsWith("waiting (retry at ")
                .contains("HTTP 500 Internal Server Error");
        assertThat(worker.run()).as("not due yet").isZero();

        clock.advance(Duration.ofMinutes(2));
        assertThat(worker.run()).isEqualTo(1);
        assertThat(receivedFor(server.url(p))).hasSize(2);
        assertThat(announcementOf(slug, token, server.url(p)))
                .containsEntry("state", "SENT")
                .containsEntry("attempts", 2)
                .containsEntry("summary", "Webmention sent (HTTP 202)");
    }

    @Test
    void lastingFailuresAreRecordedWithTheirReasonAndNotRetried() {
        String slug = "wm-fail";
        String refused = "/wm-fail/refused/";
        String privateEndpoint = "/wm-fail/private/";
        String loop = "/wm-fail/loop/";
        post(refused, Map.of("Link", "<" + server.url("/wm-fail/endpoint") + ">; rel=\"webmention\""), "", "");
        endpoint("/wm-fail/endpoint", 400);
        post(privateEndpoint, Map.of("Link", "<http://10.1.2.3/webmention>; rel=\"webmention\""), "", "");
        String token = seed(slug, refused, privateEndpoint, loop);
        // Served once the feed has been read: from now on the post redirects to itself.
        server.route(loop, exchange -> {
            exchange.getResponseHeaders().add("Location", server.url(loop));
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        publish(slug, token);

        assertThat(worker.run()).isEqualTo(3);
        assertThat(announcementOf(slug, token, server.url(refused)))
                .containsEntry("state", "FAILED")
                .containsEntry("lastStatus", 400)
                .containsEntry("summary", "failed: HTTP 400 Bad Request");
        assertThat(announcementOf(slug, token, server.url(privateEndpoint)))
                .containsEntry("state", "FAILED")
                .containsEntry("endpoint", "http://10.1.2.3/webmention");
        assertThat((String)
                        announcementOf(slug, token, server.url(privateEndpoint)).get("summary"))
                .startsWith("failed: the endpoint is on a private address (address not allowed: 10.1.2.3");
        assertThat((String) announcementOf(slug, token, server.url(loop)).get("summary"))
                .isEqualTo("failed: the post redirects too often: too many redirects (more than 5)");

        clock.advance(Duration.ofDays(1));
        assertThat(worker.run()).isZero();
        assertThat(receivedFor(server.url(refused))).hasSize(1);
    }

    @Test
    void aSlowEndpointIsTriedUpToTheLimitThenGivenUp() throws InterruptedException {
        String slug = "wm-slow";
        String p = "/wm-slow/post/";
        post(p, Map.of("Link", "<" + server.url("/wm-slow/endpoint") + ">; rel=\"webmention\""), "", "");
        endpoint("/wm-slow/endpoint");
        server.delay("/wm-slow/endpoint", Duration.ofSeconds(3)); // the test profile's timeout is 2 s
        String token = seed(slug, p);
        publish(slug, token);

        for (int attempt = 1; attempt <= 4; attempt++) {
            assertThat(worker.run()).as("attempt " + attempt).isEqualTo(1);
            clock.advance(Duration.ofMinutes(10));
        }
        assertThat(worker.run()).as("no fifth attempt").isZero();
        assertThat(announcementOf(slug, token, server.url(p)))
                .containsEntry("state", "FAILED")
                .containsEntry("attempts", 4)
                .containsEntry("summary", "failed: the endpoint did not answer within 2 s (after 4 attempts)");
        // The endpoint records each POST once it has slept past the sender's timeout.
        Await.until("the fourth POST arrives", () -> receivedFor(server.url(p)).size() == 4);
        assertThat(receivedFor(server.url(p))).hasSize(4);
    }

    @Test
    @SendsInvalidRequests
    void publishingIsForTheHostAndOnlyAfterTheDeadline() throws SQLException {
        String slug = "wm-early";
        String p = "/wm-early/post/";
        post(p, Map.of(), "<link rel=\"webmention\" href=\"/wm-early/endpoint\">", "");
        endpoint("/wm-early/endpoint");
        String closes = Instant.now().plus(Duration.ofDays(3)).toString();
        String token = seed(slug, closes, 0, p);

        as(token)
                .post("/api/series/" + slug + "/assignments/1/publish")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("once its deadline has passed"));
        given().post("/api/series/" + slug + "/assignments/1/publish").then().statusCode(401);
        String other = Api.createSeries("wm-early-other", "other");
        as(other)
                .post("/api/series/" + slug + "/assignments/1/publish")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        as(other)
                .get("/api/series/" + slug + "/assignments/1/announcements")
                .then()
                .statusCode(403);
        as(token)
                .post("/api/series/" + slug + "/assignments/9/publish")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");

        assertThat(announcements(slug, token).getBoolean("published")).isFalse();
        assertThat(rows("SELECT count(*) FROM assignment a JOIN series s ON s.id = a.series_id"
                        + " WHERE s.slug = 'wm-early' AND a.roundup_published_at IS NOT NULL"))
                .isZero();
        assertThat(worker.run()).isZero();
        assertThat(receivedFor(server.url(p))).isEmpty();
    }

    @Test
    void anAutoPublishingSeriesPublishesWhenTheGracePeriodEnds() {
        String slug = "wm-auto";
        String p = "/wm-auto/post/";
        post(p, Map.of("Link", "<" + server.url("/wm-auto/endpoint") + ">; rel=\"webmention\""), "", "");
        endpoint("/wm-auto/endpoint");
        String closes = Instant.now().plus(Duration.ofHours(1)).toString();
        String token = seed(slug, closes, 60, p);
        as(token)
                .body(Map.of("autoPublish", true))
                .patch("/api/series/" + slug)
                .then()
                .statusCode(200)
                .body("autoPublish", equalTo(true));

        clock.advance(Duration.ofMinutes(90)); // past the deadline, inside the grace period
        assertThat(worker.run()).isZero();
        assertThat(announcements(slug, token).getBoolean("published")).isFalse();

        clock.advance(Duration.ofMinutes(31));
        assertThat(worker.run()).isEqualTo(1);
        assertThat(announcements(slug, token).getBoolean("published")).isTrue();
        assertThat(receivedFor(server.url(p)))
                .containsExactly(
                        new Received("/wm-auto/endpoint", "http://carnival.test/series/wm-auto/1", server.url(p)));
    }

    @Test
    void theHostPublishesFromTheCurationPageAndSeesEachResult() {
        String slug = "wm-page";
        String sent = "/wm-page/sent/";
        String none = "/wm-page/none/";
        post(sent, Map.of("Link", "<" + server.url("/wm-page/endpoint") + ">; rel=\"webmention\""), "", "");
        endpoint("/wm-page/endpoint");
        post(none, Map.of(), "", "");
        String token = seed(slug, sent, none);

        Document page = HostReviewPagesTest.hostPage(slug, token);
        Element form = page.selectFirst("form[action=/series/wm-page/host/1/publish]");
        assertThat(form).isNotNull();
        assertThat(form.selectFirst("button").text()).isEqualTo("Publish the round-up");
        String csrf = form.selectFirst("input[name=csrf]").attr("value");

        given().redirects()
                .follow(false)
                .cookie("carnival_host", token)
                .contentType(ContentType.URLENC)
                .formParam("csrf", "wrong")
                .post("/series/wm-page/host/1/publish")
                .then()
                .statusCode(403);
        given().redirects()
                .follow(false)
                .cookie("carnival_host", token)
                .contentType(ContentType.URLENC)
                .formParam("csrf", csrf)
                .post("/series/wm-page/host/1/publish")
                .then()
                .statusCode(303)
                .header("Location", containsString("/series/wm-page/host/1?done=published"));
        assertThat(HostReviewPagesTest.hostPage(slug, token)
                        .select("p.announcement")
                        .eachText())
                .containsOnly("waiting to be sent");
        worker.run();

        Document after = HostReviewPagesTest.hostPage(slug, token);
        assertThat(after.selectFirst("form[action=/series/wm-page/host/1/publish]"))
                .isNull();
        assertThat(after.selectFirst(".publish .published").text())
                .startsWith("Published ")
                .contains("Webmentions: 1 sent, 1 without an endpoint, 0 failed, 0 waiting.");
        assertThat(after.select("p.announcement").eachText())
                .containsExactlyInAnyOrder("Webmention sent (HTTP 202)", "no Webmention endpoint");
    }
}
