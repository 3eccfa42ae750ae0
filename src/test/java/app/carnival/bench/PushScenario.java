package app.carnival.bench;

import app.carnival.boot.EmbeddedDatabase;
import app.carnival.testing.FeedServer;
import app.carnival.testing.TestHub;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scenario {@code push} (issue 12, item 1): N participants' feeds announce a WebSub hub (a
 * {@link TestHub} in the harness, following the Recommendation); the service discovers it at the first
 * poll and subscribes (its job ticks every 200 ms). Then, one feed after the other, the hub pushes the
 * feed with a new post answering the assignment, and the harness measures the time from the push to
 * the post's appearance in the round-up JSON (what readers get, through the round-up cache).
 */
final class PushScenario {

    static final String INVITATION = "https://host.example.org/2024/06/invitation-carnivalbench-push/";
    static final String SLUG = "push";

    final int feeds = Bench.intEnv("BENCH_PUSH_FEEDS", 200);

    private final Bench bench;

    PushScenario(Bench bench) {
        this.bench = bench;
    }

    static String feed(String site, String self, String hub, String items) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/">
                <channel><title>Blog</title><link>%s</link><description>d</description>
                <atom:link rel="self" href="%s"/><atom:link rel="hub" href="%s"/>
                %s
                </channel></rss>
                """.formatted(site, self, hub, items);
    }

    static String item(String url, String title, Instant published, String html) {
        return "<item><title>%s</title><link>%s</link><guid>%s</guid><pubDate>%s</pubDate><content:encoded><![CDATA[%s]]></content:encoded></item>"
                .formatted(
                        title,
                        url,
                        url,
                        DateTimeFormatter.RFC_1123_DATE_TIME.format(published.atOffset(ZoneOffset.UTC)),
                        html);
    }

    void run() throws Exception {
        Path dir = bench.work.resolve("push");
        EmbeddedDatabase db = EmbeddedDatabase.start(dir.resolve("pg"));
        Bench.onExit(db);
        FeedServer blogs = new FeedServer();
        Bench.onExit(blogs);
        // The hub must reach the callbacks the service hands out: its public URL is its own address here.
        ServiceProcess service = ServiceProcess.start(
                bench.jar,
                dir.resolve("service"),
                db.jdbcUrl(),
                Map.of("CARNIVAL_PUBLIC_URL", "http://127.0.0.1:{port}", "CARNIVAL_WEBSUB_TICK", "200ms"),
                bench.serviceJavaOpts);
        TestHub hub = new TestHub(service.base(), service.port);
        Bench.onExit(hub);
        Connection jdbc = DriverManager.getConnection(db.jdbcUrl());
        Bench.onExit(jdbc);

        Instant old = Instant.now().minus(Duration.ofDays(400)); // before the window: not a response
        for (int i = 0; i < feeds; i++) {
            String site = blogs.url("/b" + i);
            blogs.serve(
                    "/b" + i + "/feed",
                    "application/rss+xml",
                    feed(site, site + "/feed", hub.url(), item(site + "/old", "Old", old, "<p>old</p>")));
        }
        String hostToken = service.postOk(
                        "/api/series", Map.of("slug", SLUG, "title", "Bench push", "hashtag", FeedFiles.HASHTAG), null)
                .get("hostToken")
                .asText();
        service.postOk("/api/series/" + SLUG + "/assignments", bench.assignmentBody(INVITATION), hostToken);
        long t = System.nanoTime();
        for (int i = 0; i < feeds; i++) {
            String site = blogs.url("/b" + i);
            service.postOk(
                    "/api/series/" + SLUG + "/participants",
                    Map.of("name", "Blogger " + i, "blogUrl", site, "feedUrl", site + "/feed"),
                    null);
        }
        await(jdbc, "SELECT count(*) FROM websub_subscription WHERE state = 'ACTIVE'", feeds, Duration.ofMinutes(5));
        Bench.log(String.format(
                Locale.ROOT,
                "push: %d feeds registered, polled and subscribed (verified by the hub) in %.1f s",
                feeds,
                (System.nanoTime() - t) / 1e9));

        double[] ms = new double[feeds];
        for (int i = 0; i < feeds; i++) {
            String site = blogs.url("/b" + i);
            String body = feed(
                    site,
                    site + "/feed",
                    hub.url(),
                    item(
                                    site + "/answer",
                                    "My answer to #" + FeedFiles.HASHTAG,
                                    Instant.now(),
                                    "<p>See <a href=\"" + INVITATION + "\">the invitation</a>.</p>")
                            + item(site + "/old", "Old", old, "<p>old</p>"));
            long start = System.nanoTime();
            List<Integer> statuses = hub.publish(site + "/feed", "application/rss+xml", body);
            if (!statuses.equals(List.of(202))) {
                throw new IllegalStateException("push " + i + " answered " + statuses);
            }
            int expected = i + 1;
            while (roundupCount(service) < expected) {
                if (System.nanoTime() - start > Duration.ofSeconds(30).toNanos()) {
                    throw new IllegalStateException("push " + i + " not in the round-up after 30 s");
                }
                Thread.sleep(1);
            }
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        long polls = Bench.scalar(jdbc, "SELECT count(*) FROM feed_schedule WHERE last_polled_at IS NOT NULL");
        Bench.log(String.format(
                Locale.ROOT,
                "push: %d pushes, push → round-up p50 %.1f ms, p99 %.1f ms, max %.1f ms (%d feeds polled once, none since)",
                feeds,
                Bench.pct(ms, 50),
                Bench.pct(ms, 99),
                Bench.pct(ms, 100),
                polls));
        bench.rows.add(new Bench.Row(
                "push",
                "a pushed post in the round-up JSON, one feed after the other (" + feeds + " feeds): p50 / p99 ms",
                Bench.f1(Bench.pct(ms, 50)) + " / " + Bench.f1(Bench.pct(ms, 99)),
                "",
                "",
                "p99 < 2,000 ms",
                Bench.met(Bench.pct(ms, 99) < 2000)));
        service.close();
        hub.close();
        blogs.close();
        jdbc.close();
        db.close();
    }

    private static int roundupCount(ServiceProcess service) throws Exception {
        JsonNode r = ServiceProcess.JSON.readTree(
                service.get("/api/series/" + SLUG + "/assignments/1/roundup").body());
        return r.path("count").asInt();
    }

    private static void await(Connection jdbc, String countSql, long expected, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        long n;
        while ((n = Bench.scalar(jdbc, countSql)) < expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "only " + n + " of " + expected + " after " + timeout + ": " + countSql);
            }
            Thread.sleep(100);
        }
    }
}
