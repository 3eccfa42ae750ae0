package app.carnival.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import app.carnival.testing.Await;
import app.carnival.testing.FeedServer;
import app.carnival.testing.TestClock;
import app.carnival.testing.TestHub;
import app.carnival.websub.WebSubWorker;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 12, item 1: WebSub, subscriber side, against a hub on loopback that follows the Recommendation
 * ({@link TestHub}): discovery, verification of intent, signed fat pings recorded without a poll,
 * renewal, a lapsed or denied subscription falling back to the usual poll schedule, unsubscribing when
 * the feed is orphaned, and a table of bad input that is ignored or refused, never a 500, nothing stored.
 */
@QuarkusTest
class WebSubTest {

    /** {@code %test.carnival.public-url}: the callbacks start with it. */
    static final String PUBLIC_URL = "http://carnival.test";

    static final String INVITATION = "https://host.example/2024/websub-invitation";

    @RegisterExtension
    static final FeedServer blogs = new FeedServer();

    @Inject
    WebSubWorker worker;

    @Inject
    TestClock clock;

    @Inject
    EntityManager em;

    TestHub hub;

    @BeforeEach
    void startHub() {
        hub = new TestHub(PUBLIC_URL, RestAssured.port);
    }

    @AfterEach
    void stopHub() {
        hub.close();
        clock.reset();
    }

    static String rfc1123(Instant t) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(t.atOffset(ZoneOffset.UTC));
    }

    /** RSS 2.0 as WordPress writes it, with the hub and self links when given. */
    static String rss(String site, String self, String hubUrl, String... items) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"
                     xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
                <channel>
                  <title>A blog</title>
                  %s
                  <link>%s</link>
                  <description>d</description>
                  %s
                  %s
                </channel>
                </rss>
                """.formatted(
                self == null ? "" : "<atom:link href=\"" + self + "\" rel=\"self\" type=\"application/rss+xml\"/>",
                site,
                hubUrl == null ? "" : "<atom:link rel=\"hub\" href=\"" + hubUrl + "\"/>",
                String.join("\n", items));
    }

    static String item(String site, String slug, String title, String html) {
        return Feeds.wordpressItem(
                site + "/" + slug + "/", title, rfc1123(Instant.now().minus(Duration.ofHours(1))), "Misc", html);
    }

    /** Serves {@code site}/feed with one old item, announcing the test hub and itself as self; returns its URL. */
    String announcingTheHub(String site) {
        String feedUrl = site + "/feed";
        blogs.serve(URI.create(feedUrl).getPath(), "application/rss+xml", rss(site, feedUrl, hub.url(), oldItem(site)));
        return feedUrl;
    }

    static String oldItem(String site) {
        return item(site, "before", "Something else", "<p>Nothing to do with it.</p>");
    }

    static String answer(String site, String hashtag) {
        return item(
                site,
                "answer",
                "My answer #" + hashtag,
                "<p>See <a href=\"" + INVITATION + "\">the invitation</a>.</p>");
    }

    /** A series with an assignment open for ten more days; its host token. */
    static String seriesWithOpenAssignment(String slug, String hashtag) {
        String token = Api.createSeries(slug, hashtag);
        Api.createAssignment(
                        slug,
                        token,
                        Api.assignment(
                                INVITATION,
                                Instant.now().minus(Duration.ofDays(1)).toString(),
                                Instant.now().plus(Duration.ofDays(10)).toString(),
                                0))
                .statusCode(201);
        return token;
    }

    Object sql(String query, Object... parameters) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var q = em.createNativeQuery(query);
            for (int i = 0; i < parameters.length; i++) {
                q.setParameter(i + 1, parameters[i]);
            }
            List<?> rows = q.getResultList();
            return rows.isEmpty() ? null : rows.get(0);
        });
    }

    String state(String feedUrl) {
        return (String) sql(
                "SELECT s.state FROM websub_subscription s JOIN feed f ON f.id = s.feed_id WHERE f.url = ?1", feedUrl);
    }

    Instant leaseEnd(String feedUrl) {
        Object t = sql(
                "SELECT s.lease_expires_at FROM websub_subscription s JOIN feed f ON f.id = s.feed_id WHERE f.url = ?1",
                feedUrl);
        return (Instant) t;
    }

    Duration untilNextPoll(String feedUrl) {
        Object t = sql(
                "SELECT s.next_poll_at FROM feed_schedule s JOIN feed f ON f.id = s.feed_id WHERE f.url = ?1", feedUrl);
        return Duration.between(clock.instant(), (Instant) t);
    }

    long count(String query, Object... parameters) {
        return ((Number) sql(query, parameters)).longValue();
    }

    /** Posts and responses of the feed, and WebSub subscriptions: what a refused push must leave as it was. */
    List<Long> stored(String feedUrl) {
        return List.of(
                count("SELECT count(*) FROM post p JOIN feed f ON f.id = p.feed_id WHERE f.url = ?1", feedUrl),
                count(
                        "SELECT count(*) FROM response r JOIN post p ON p.id = r.post_id JOIN feed f ON f.id = p.feed_id"
                                + " WHERE f.url = ?1",
                        feedUrl),
                count("SELECT count(*) FROM websub_subscription"));
    }

    /** Registers a blog whose feed names the hub, polls it once and lets the worker subscribe; the verified request. */
    TestHub.Request subscribed(String slug, String token, String feedUrl) throws InterruptedException {
        Api.pollSeries(slug, token).statusCode(200);
        assertThat(state(feedUrl)).isEqualTo("SUBSCRIBE");
        worker.run();
        // The hub verifies after answering the request, on a thread of its own.
        Await.until(
                "the hub's verification of " + feedUrl,
                () -> hub.verifications().stream().anyMatch(v -> v.topic().equals(feedUrl) && v.confirmed()));
        assertThat(state(feedUrl)).isEqualTo("ACTIVE");
        return hub.requests().stream()
                .filter(r -> r.topic().equals(feedUrl))
                .reduce((a, b) -> b)
                .orElseThrow();
    }

    @Test
    void aHubNamedInTheLinkHeaderIsSubscribedToAndItsSignedPushShowsTheResponseWithoutAPoll() throws Exception {
        String path = "/link-blog";
        String site = blogs.url(path);
        String feedUrl = site + "/feed";
        blogs.serve(
                path + "/feed",
                200,
                "application/rss+xml",
                rss(site, null, null, oldItem(site)),
                Map.of("Link", "<" + hub.url() + ">; rel=\"hub\", <" + feedUrl + ">; rel=\"self\""));
        String token = seriesWithOpenAssignment("websub-link", "websublink");
        Api.register("websub-link", "Lin", site, feedUrl);

        TestHub.Request request = subscribed("websub-link", token, feedUrl);

        assertThat(request.mode()).isEqualTo("subscribe");
        assertThat(request.callback()).startsWith(PUBLIC_URL + "/websub/");
        assertThat(request.leaseSeconds())
                .isEqualTo(Long.toString(Duration.ofDays(7).toSeconds()));
        assertThat(request.secret()).hasSizeGreaterThanOrEqualTo(32);
        assertThat(leaseEnd(feedUrl))
                .isBetween(Instant.now().plus(Duration.ofDays(6)), Instant.now().plus(Duration.ofDays(8)));

        blogs.clearRequests();
        assertThat(hub.publish(
                        feedUrl,
                        "application/rss+xml",
                        rss(site, feedUrl, hub.url(), answer(site, "websublink"), oldItem(site))))
                .containsExactly(202);

        assertThat(blogs.requests(path + "/feed")).isEmpty();
        given().get("/api/series/websub-link/assignments/1/roundup")
                .then()
                .body("count", equalTo(1))
                .body("responses[0].title", equalTo("My answer #websublink"));

        // Polled as a safety net only: the usual 10 minutes of an open assignment become the maximum interval (4 h).
        Api.pollSeries("websub-link", token).statusCode(200);
        assertThat(untilNextPoll(feedUrl)).isBetween(Duration.ofMinutes(215), Duration.ofMinutes(265));
    }

    @Test
    void aHubNamedInTheFeedIsRenewedBeforeTheLeaseEndsAndALapsedSubscriptionFallsBackToTheUsualSchedule()
            throws Exception {
        String site = blogs.url("/feed-blog");
        String feedUrl = announcingTheHub(site);
        String token = seriesWithOpenAssignment("websub-feed", "websubfeed");
        Api.register("websub-feed", "Fee", site, feedUrl);
        hub.grantLease(Duration.ofHours(1));

        subscribed("websub-feed", token, feedUrl);
        Instant firstLeaseEnd = leaseEnd(feedUrl);
        assertThat(firstLeaseEnd)
                .isBetween(
                        Instant.now().plus(Duration.ofMinutes(59)),
                        Instant.now().plus(Duration.ofMinutes(61)));

        // Nothing to do before 85% of the lease; then a renewal, verified like the first request.
        clock.advance(Duration.ofMinutes(45));
        int before = hub.requests().size();
        worker.run();
        assertThat(hub.requests()).hasSize(before);
        clock.advance(Duration.ofMinutes(8));
        worker.run();
        assertThat(hub.requests()).hasSize(before + 1);
        Await.until(
                "the renewal's verification",
                () -> leaseEnd(feedUrl).isAfter(firstLeaseEnd.plus(Duration.ofMinutes(50))));
        assertThat(state(feedUrl)).isEqualTo("ACTIVE");

        // The hub goes down: the next renewal fails, the lease runs out, and the feed is polled as usual again.
        hub.failWith(503);
        clock.advance(Duration.ofMinutes(52));
        worker.run();
        assertThat(sql(
                        "SELECT s.last_error FROM websub_subscription s JOIN feed f ON f.id = s.feed_id WHERE f.url = ?1",
                        feedUrl))
                .isEqualTo("the hub answered HTTP 503 Service Unavailable");
        Api.pollSeries("websub-feed", token).statusCode(200);
        assertThat(untilNextPoll(feedUrl)).isLessThan(Duration.ofMinutes(12)); // bounded by the lease's end
        clock.advance(Duration.ofMinutes(20));
        Api.pollSeries("websub-feed", token).statusCode(200);
        assertThat(untilNextPoll(feedUrl)).isBetween(Duration.ofMinutes(8), Duration.ofMinutes(12));
    }

    @Test
    void aDeniedSubscriptionFailsAndItsFeedIsPolledAsUsualAtOnce() throws Exception {
        String site = blogs.url("/denied-blog");
        String feedUrl = announcingTheHub(site);
        String token = seriesWithOpenAssignment("websub-denied", "websubdenied");
        Api.register("websub-denied", "Den", site, feedUrl);
        TestHub.Request request = subscribed("websub-denied", token, feedUrl);
        Api.pollSeries("websub-denied", token).statusCode(200);
        assertThat(untilNextPoll(feedUrl)).isGreaterThan(Duration.ofHours(3));

        assertThat(hub.deny(request.callback(), feedUrl)).isEqualTo(200);

        assertThat(state(feedUrl)).isEqualTo("FAILED");
        assertThat(untilNextPoll(feedUrl)).isLessThanOrEqualTo(Duration.ZERO);
        byte[] body =
                rss(site, feedUrl, hub.url(), answer(site, "websubdenied")).getBytes(StandardCharsets.UTF_8);
        assertThat(hub.deliverSigned(request, feedUrl, body)).isEqualTo(404);
        given().get("/api/series/websub-denied/assignments/1/roundup").then().body("count", equalTo(0));
    }

    @Test
    void theHubIsToldToStopWhenTheFeedsLastParticipantLeaves() throws Exception {
        String site = blogs.url("/orphan-blog");
        String feedUrl = announcingTheHub(site);
        String token = seriesWithOpenAssignment("websub-orphan", "websuborphan");
        long participant = Api.register("websub-orphan", "Orla", site, feedUrl);
        TestHub.Request request = subscribed("websub-orphan", token, feedUrl);
        assertThat(hub.subscribers(feedUrl)).containsExactly(request.callback());

        OrphanFeedTest.leave(participant, token);
        assertThat(OrphanFeedTest.feedExists(feedUrl)).isFalse();
        assertThat(sql("SELECT state FROM websub_subscription WHERE callback_token = ?1", callbackToken(request)))
                .isEqualTo("ACTIVE");

        worker.run();

        assertThat(hub.requests()).last().satisfies(r -> {
            assertThat(r.mode()).isEqualTo("unsubscribe");
            assertThat(r.callback()).isEqualTo(request.callback());
        });
        Await.until(
                "the unsubscription's verification",
                () -> hub.subscribers(feedUrl).isEmpty());
        assertThat(subscriptionsOf(request)).isZero();
        byte[] body =
                rss(site, feedUrl, hub.url(), answer(site, "websuborphan")).getBytes(StandardCharsets.UTF_8);
        assertThat(hub.deliverSigned(request, feedUrl, body)).isEqualTo(404);
    }

    @Test
    void aFeedThatMovesToAnotherHubIsUnsubscribedFromTheOldOneAndSubscribedAtTheNewOne() throws Exception {
        try (TestHub next = new TestHub(PUBLIC_URL, RestAssured.port)) {
            Moved moved = subscribedThenMovedTo(next, "websub-moving");

            worker.run();

            Await.until(
                    "the old hub lets go",
                    () -> hub.subscribers(moved.feedUrl()).isEmpty());
            Await.until(
                    "the new hub's verification",
                    () -> next.subscribers(moved.feedUrl()).size() == 1);
            assertThat(hub.requests()).last().extracting(TestHub.Request::mode).isEqualTo("unsubscribe");
            assertThat(next.subscribers(moved.feedUrl()))
                    .doesNotContain(moved.old().callback());
            Await.until("the old subscription's end", () -> subscriptionsOf(moved.old()) == 0);
            assertThat(state(moved.feedUrl())).isEqualTo("ACTIVE");
        }
    }

    @Test
    void aHubThatVerifiesBeforeItAnswersIsTakenAtItsWordForSubscribingAndForUnsubscribing() throws Exception {
        hub.verifyingBeforeItAnswers();
        try (TestHub next = new TestHub(PUBLIC_URL, RestAssured.port).verifyingBeforeItAnswers()) {
            Moved moved = subscribedThenMovedTo(next, "websub-eager");

            worker.run();

            // Both hubs called back before the worker read their 202: neither verification was refused.
            assertThat(hub.verifications()).last().satisfies(v -> {
                assertThat(v.mode()).isEqualTo("unsubscribe");
                assertThat(v.confirmed()).isTrue();
            });
            assertThat(hub.subscribers(moved.feedUrl())).isEmpty();
            assertThat(next.subscribers(moved.feedUrl())).hasSize(1);
            assertThat(subscriptionsOf(moved.old())).isZero();
            assertThat(state(moved.feedUrl())).isEqualTo("ACTIVE");
        }
    }

    /** A feed subscribed at {@link #hub}, and the request that subscribed it. */
    record Moved(String feedUrl, TestHub.Request old) {}

    /**
     * Registers a blog in a series of its own whose feed names {@link #hub}, lets the worker subscribe, then has the
     * feed name {@code next} instead and polls it: the old subscription is let go, a new one is to be requested.
     */
    Moved subscribedThenMovedTo(TestHub next, String slug) throws InterruptedException {
        String path = "/" + slug + "-blog";
        String site = blogs.url(path);
        String feedUrl = announcingTheHub(site);
        String token = seriesWithOpenAssignment(slug, slug.replace("-", ""));
        Api.register(slug, "Mo", site, feedUrl);
        TestHub.Request old = subscribed(slug, token, feedUrl);
        blogs.serve(path + "/feed", "application/rss+xml", rss(site, feedUrl, next.url(), oldItem(site)));
        Api.pollSeries(slug, token).statusCode(200);
        assertThat(state(feedUrl)).isEqualTo("SUBSCRIBE");
        return new Moved(feedUrl, old);
    }

    /** The token at the end of a request's callback URL. */
    static String callbackToken(TestHub.Request request) {
        return request.callback().substring((PUBLIC_URL + "/websub/").length());
    }

    /** Subscription rows (0 or 1) behind the callback a request named. */
    long subscriptionsOf(TestHub.Request request) {
        return count("SELECT count(*) FROM websub_subscription WHERE callback_token = ?1", callbackToken(request));
    }

    @Test
    void aPushWaitsForAPollOfTheSameFeedAndAsksTheHubToComeBackWhenThePollTakesTooLong() throws Exception {
        String path = "/busy-blog";
        String site = blogs.url(path);
        String feedUrl = site + "/feed";
        String body = rss(site, feedUrl, hub.url(), oldItem(site));
        blogs.serve(path + "/feed", "application/rss+xml", body);
        String token = seriesWithOpenAssignment("websub-busy", "websubbusy");
        Api.register("websub-busy", "Bu", site, feedUrl);
        TestHub.Request request = subscribed("websub-busy", token, feedUrl);
        // From now on the feed answers a poll only when the test lets it.
        CountDownLatch fetched = new CountDownLatch(1);
        CountDownLatch answer = new CountDownLatch(1);
        blogs.route(path + "/feed", exchange -> {
            fetched.countDown();
            try (exchange) {
                answer.await(60, TimeUnit.SECONDS);
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/rss+xml");
                exchange.sendResponseHeaders(200, bytes.length);
                exchange.getResponseBody().write(bytes);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        CompletableFuture<?> poll = CompletableFuture.runAsync(
                () -> Api.pollSeries("websub-busy", token).statusCode(200));
        byte[] pushed = rss(site, feedUrl, hub.url(), answer(site, "websubbusy"), oldItem(site))
                .getBytes(StandardCharsets.UTF_8);
        try {
            assertThat(fetched.await(60, TimeUnit.SECONDS)).isTrue();
            assertThat(hub.deliverSigned(request, feedUrl, pushed)).isEqualTo(503);
            given().get("/api/series/websub-busy/assignments/1/roundup").then().body("count", equalTo(0));
        } finally {
            answer.countDown();
        }
        poll.get(60, TimeUnit.SECONDS);

        assertThat(hub.deliverSigned(request, feedUrl, pushed)).isEqualTo(202);
        given().get("/api/series/websub-busy/assignments/1/roundup").then().body("count", equalTo(1));
    }

    @Test
    void badPushesAndVerificationsAreIgnoredOrRefusedNeverA500AndNothingIsStored() throws Exception {
        String site = blogs.url("/bad-input-blog");
        String feedUrl = announcingTheHub(site);
        String token = seriesWithOpenAssignment("websub-bad", "websubbad");
        Api.register("websub-bad", "Bad", site, feedUrl);
        TestHub.Request request = subscribed("websub-bad", token, feedUrl);
        String callback = "/websub/" + callbackToken(request);
        String secret = request.secret();
        byte[] feed = rss(site, feedUrl, hub.url(), answer(site, "websubbad"), oldItem(site))
                .getBytes(StandardCharsets.UTF_8);
        byte[] malformed = "<rss version=\"2.0\"><channel><item><title>#websubbad".getBytes(StandardCharsets.UTF_8);
        byte[] huge = new byte[5 * 1024 * 1024 + 1];
        new Random(1).nextBytes(huge);
        List<Long> before = stored(feedUrl);
        Map<String, Double> metricsBefore = MetricsTest.scrape();

        record Push(String what, String path, byte[] body, String signature, int status) {}
        List<Push> pushes = List.of(
                new Push("forged signature", callback, feed, TestHub.signature("not the secret", feed), 202),
                new Push("missing signature", callback, feed, null, 202),
                new Push("sha1, not accepted", callback, feed, SignatureOf.sha1(secret, feed), 202),
                new Push("unknown method", callback, feed, "md5=" + "00".repeat(16), 202),
                new Push("signature not hex", callback, feed, "sha256=not-hex", 202),
                new Push("unknown callback", "/websub/no-such-callback", feed, TestHub.signature(secret, feed), 404),
                new Push("malformed XML, signed", callback, malformed, TestHub.signature(secret, malformed), 202),
                new Push("empty body, signed", callback, new byte[0], TestHub.signature(secret, new byte[0]), 202),
                new Push("larger than a feed may be", callback, huge, TestHub.signature(secret, huge), 413));
        for (Push p : pushes) {
            var post = given().contentType("application/rss+xml").body(p.body());
            if (p.signature() != null) {
                post.header("X-Hub-Signature", p.signature());
            }
            assertThat(post.post(p.path()).statusCode()).as(p.what()).isEqualTo(p.status());
        }
        // A huge body that names no length (chunked) is cut off as it comes.
        HttpResponse<String> chunked = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RestAssured.port + callback))
                                .header("Content-Type", "application/rss+xml")
                                .header("X-Hub-Signature", TestHub.signature(secret, huge))
                                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).as("chunked, too large").isEqualTo(413);

        record Verify(String what, String path, Map<String, String> query) {}
        String other = site + "/other-feed";
        List<Verify> verifications = List.of(
                new Verify(
                        "wrong topic",
                        callback,
                        Map.of("hub.mode", "subscribe", "hub.topic", other, "hub.challenge", "c1")),
                new Verify(
                        "wrong mode",
                        callback,
                        Map.of("hub.mode", "unsubscribe", "hub.topic", feedUrl, "hub.challenge", "c2")),
                new Verify(
                        "unknown mode",
                        callback,
                        Map.of("hub.mode", "publish", "hub.topic", feedUrl, "hub.challenge", "c3")),
                new Verify(
                        "no challenge",
                        callback,
                        Map.of("hub.mode", "subscribe", "hub.topic", feedUrl, "hub.lease_seconds", "60")),
                new Verify("no topic", callback, Map.of("hub.mode", "subscribe", "hub.challenge", "c4")),
                new Verify(
                        "unknown callback",
                        "/websub/no-such-callback",
                        Map.of("hub.mode", "subscribe", "hub.topic", feedUrl, "hub.challenge", "c5")),
                new Verify(
                        "denial of an unknown callback",
                        "/websub/no-such-callback",
                        Map.of("hub.mode", "denied", "hub.topic", feedUrl)));
        for (Verify v : verifications) {
            assertThat(given().queryParams(v.query()).get(v.path()).statusCode())
                    .as(v.what())
                    .isEqualTo(404);
        }

        assertThat(stored(feedUrl)).isEqualTo(before);
        assertThat(state(feedUrl)).isEqualTo("ACTIVE");
        assertThat(leaseEnd(feedUrl)).isAfter(Instant.now().plus(Duration.ofDays(6)));
        Map<String, Double> metricsAfter = MetricsTest.scrape();
        MetricsTest.assertChanged(
                metricsBefore,
                metricsAfter,
                Map.of(
                        "carnival_websub_pushes_total{outcome=\"bad_signature\"}", 5.0,
                        "carnival_websub_pushes_total{outcome=\"unknown_topic\"}", 1.0,
                        "carnival_websub_pushes_total{outcome=\"unparseable\"}", 2.0,
                        "carnival_websub_pushes_total{outcome=\"too_large\"}", 2.0));

        // And the same push, rightly signed, is recorded.
        assertThat(hub.deliverSigned(request, feedUrl, feed)).isEqualTo(202);
        given().get("/api/series/websub-bad/assignments/1/roundup").then().body("count", equalTo(1));
        MetricsTest.assertChanged(
                metricsAfter, MetricsTest.scrape(), Map.of("carnival_websub_pushes_total{outcome=\"accepted\"}", 1.0));
    }

    /** A correct HMAC-SHA1 signature: right key, a method the subscriber does not accept. */
    static final class SignatureOf {
        static String sha1(String secret, byte[] body) throws Exception {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA1");
            mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return "sha1=" + java.util.HexFormat.of().formatHex(mac.doFinal(body));
        }
    }
}
