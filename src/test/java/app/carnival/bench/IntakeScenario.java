package app.carnival.bench;

import app.carnival.boot.EmbeddedDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

/**
 * Scenario {@code intake} (issue 9): Webmentions verified end to end. Source pages of WordPress-style
 * blogs are served by nginx on loopback ({@link SourcePages}); the harness sends one Webmention per
 * page to {@code POST /webmention}, several in flight, and waits until every status resource says
 * accepted, pending or rejected. Two variants, one after the other on one service and one assignment:
 * (a) the blogs are registered participants; (b) nobody knows them, so each verification also
 * discovers the blog's feed (one more fetch and parse) and creates a discovered participant. The
 * baseline is the bare loop of GET + jsoup parse of the same pages with the worker's parallelism.
 */
final class IntakeScenario {

    static final String INVITATION = "https://host.example.org/2024/06/invitation-carnivalbench-intake/";
    static final String SLUG = "intake";

    final int sources = Bench.intEnv("BENCH_INTAKE_SOURCES", 1000);
    final int postsPerBlog = Bench.intEnv("BENCH_INTAKE_POSTS_PER_BLOG", 4);
    final int concurrency = Bench.intEnv("BENCH_INTAKE_CONCURRENCY", 16);
    final int parallelism = Bench.intEnv("BENCH_INTAKE_PARALLELISM", 8);
    final int warmUp = Math.min(100, Math.max(1, sources / 10));

    private final Bench bench;

    IntakeScenario(Bench bench) {
        this.bench = bench;
    }

    /** How the worker was set: what the environment passes to the service, else the service's default. */
    static String setting(String env, String fallback) {
        String v = System.getenv(env);
        return v == null || v.isBlank() ? fallback : v.trim() + " (" + env + ")";
    }

    String settings() {
        return String.format(
                Locale.ROOT,
                "intake: %d sources per variant (BENCH_INTAKE_SOURCES), (a) %d posts per registered blog, (b) one post per"
                        + " unknown blog, %d Webmentions in flight, worker parallelism %d, tick %s, batch %s; limits per"
                        + " client / source host / queue cap raised to %,d",
                sources,
                postsPerBlog,
                concurrency,
                parallelism,
                setting("CARNIVAL_INTAKE_TICK", "1s"),
                setting("CARNIVAL_INTAKE_BATCH_SIZE", "32"),
                LIMIT);
    }

    /** Limits of the endpoint, raised: every Webmention comes from one client, the sources from 64 hosts. */
    static final int LIMIT = 1_000_000;

    /** One variant's figures. */
    record Variant(
            String label,
            int sent,
            int refused,
            String firstRefusal,
            double receiveSeconds,
            double endToEndSeconds,
            int verifiedAfterLastPost,
            double afterLastPostSeconds,
            double[] postMs,
            int accepted,
            int pending,
            int rejected,
            int queued,
            String firstRejection,
            double serviceCpuSeconds,
            double machineBusyPercent) {
        double receiveRate() {
            return sent / receiveSeconds;
        }

        double endToEndRate() {
            return sent / endToEndSeconds;
        }

        /** The worker alone: verifications finished after the last POST was answered, per s. */
        double afterLastPostRate() {
            return afterLastPostSeconds > 0 ? verifiedAfterLastPost / afterLastPostSeconds : Double.NaN;
        }

        String describe() {
            return String.format(
                    Locale.ROOT,
                    "intake %s: %d Webmentions, %d refused%s; received in %.2f s (%.1f/s, POST p50 %.1f ms, p99 %.1f ms); all verified"
                            + " %.2f s after the first POST (%.1f/s end to end), %d of them in the %.2f s after the last POST (%.1f/s);"
                            + " accepted %d, pending %d, rejected %d%s; service CPU %.1f s (%.1f ms per Webmention, %.0f%% of one"
                            + " core), machine busy %.0f%%",
                    label,
                    sent,
                    refused,
                    firstRefusal == null ? "" : " (e.g. " + firstRefusal + ")",
                    receiveSeconds,
                    receiveRate(),
                    Bench.pct(postMs, 50),
                    Bench.pct(postMs, 99),
                    endToEndSeconds,
                    endToEndRate(),
                    verifiedAfterLastPost,
                    afterLastPostSeconds,
                    afterLastPostRate(),
                    accepted,
                    pending,
                    rejected,
                    firstRejection == null ? "" : " (e.g. " + firstRejection + ")",
                    serviceCpuSeconds,
                    1000 * serviceCpuSeconds / sent,
                    100 * serviceCpuSeconds / endToEndSeconds,
                    machineBusyPercent);
        }
    }

    void run() throws Exception {
        Path dir = bench.work.resolve("intake");
        Path www = dir.resolve("www");
        Nginx nginx = Nginx.start(dir.resolve("nginx"), www, bench.hosts, bench.nginxWorkers);
        SourcePages pages = new SourcePages(www, nginx, INVITATION, FeedFiles.HASHTAG, bench.base);
        long t = System.nanoTime();
        AtomicInteger host = new AtomicInteger();
        List<SourcePages.Blog> registered = blogs(pages, "k", (sources + postsPerBlog - 1) / postsPerBlog, host, i -> {
            int left = sources - i * postsPerBlog;
            return Math.min(postsPerBlog, left);
        });
        List<SourcePages.Blog> warm = blogs(pages, "w", warmUp, host, i -> 1);
        List<SourcePages.Blog> unknown = blogs(pages, "u", sources, host, i -> 1);
        Bench.log(String.format(
                Locale.ROOT,
                "intake: %d registered blogs, %d warm-up blogs, %d unknown blogs written in %.1f s (post page ≈ %.1f KB)",
                registered.size(),
                warm.size(),
                unknown.size(),
                (System.nanoTime() - t) / 1e9,
                pageKb(www, registered.get(0))));

        EmbeddedDatabase db = EmbeddedDatabase.start(dir.resolve("pg"));
        Bench.onExit(db);
        ServiceProcess service = ServiceProcess.start(
                bench.jar,
                dir.resolve("service"),
                db.jdbcUrl(),
                Map.of(
                        "CARNIVAL_INTAKE_PARALLELISM", String.valueOf(parallelism),
                        "CARNIVAL_INTAKE_PER_CLIENT_PER_MINUTE", String.valueOf(LIMIT),
                        "CARNIVAL_INTAKE_PER_SOURCE_HOST_PER_MINUTE", String.valueOf(LIMIT),
                        "CARNIVAL_INTAKE_QUEUE_CAP_PER_ASSIGNMENT", String.valueOf(LIMIT)),
                bench.serviceJavaOpts);
        Connection jdbc = DriverManager.getConnection(db.jdbcUrl());
        Bench.onExit(jdbc);
        Bench.log("intake: nginx on port " + nginx.port + ", PostgreSQL on " + db.port() + ", service on "
                + service.port + " (pid " + service.pid() + ")");

        JsonNode s = service.postOk(
                "/api/series",
                Map.of(
                        "slug",
                        SLUG,
                        "title",
                        "Bench intake",
                        "hashtag",
                        FeedFiles.HASHTAG,
                        "homeUrl",
                        "https://host.example.org/"),
                null);
        String hostToken = s.get("hostToken").asText();
        service.postOk("/api/series/" + SLUG + "/assignments", bench.assignmentBody(INVITATION), hostToken);
        // Every blog's feed row exists beforehand, never due: the poller stays out of the measurement (a
        // registered blog's posts would otherwise become responses from its feed before any Webmention).
        List<String> feedUrls = new ArrayList<>();
        for (List<SourcePages.Blog> list : List.of(registered, warm, unknown)) {
            list.forEach(b -> feedUrls.add(b.feedUrl()));
        }
        Bench.insertNeverDue(jdbc, feedUrls);
        List<SourcePages.Blog> enrol = new ArrayList<>(registered);
        enrol.addAll(warm);
        register(service, enrol);

        Variant w = measure(service, jdbc, "warm-up (registered blogs, not reported)", posts(warm));
        Bench.log(w.describe());
        Variant a = measure(service, jdbc, "(a) registered blogs", posts(registered));
        Bench.log(a.describe());
        Variant b = measure(service, jdbc, "(b) unknown blogs", posts(unknown));
        Bench.log(b.describe());
        long discovered = Bench.scalar(jdbc, "SELECT count(*) FROM participant WHERE origin = 'DISCOVERED'");
        Map<String, Integer> byState = hostView(service, hostToken);
        service.close();

        // Baseline: same pages, same parallelism as the worker, GET + jsoup parse. A warm-up pass first (JIT).
        Baseline baseline = new Baseline(parallelism);
        List<String> baselinePages = posts(registered);
        baseline.run(baselinePages.subList(0, Math.min(baselinePages.size(), 300)), false, Baseline.Body.JSOUP);
        Baseline.Result base = baseline.run(baselinePages, false, Baseline.Body.JSOUP);
        Bench.log(String.format(
                Locale.ROOT,
                "baseline GET+jsoup: %.1f pages/s (%d ok, %d errors)",
                base.rate(),
                base.ok(),
                base.errors()));

        report(a, b, base, discovered, unknown.size(), byState);
        jdbc.close();
        db.close();
        nginx.close();
    }

    private void report(
            Variant a,
            Variant b,
            Baseline.Result base,
            long discovered,
            int unknownBlogs,
            Map<String, Integer> byState) {
        String reference = Bench.f1(base.rate()) + " pages/s (GET+jsoup loop, " + parallelism + " threads)";
        for (Variant v : List.of(a, b)) {
            boolean valid = v.refused == 0 && v.queued == 0 && v.rejected == 0;
            bench.rows.add(new Bench.Row(
                    "intake",
                    v.label + ": verified end to end (first POST → last verification), per s",
                    Bench.f1(v.endToEndRate()),
                    reference,
                    Bench.ratio(v.endToEndRate(), base.rate()),
                    "≥ 50/s",
                    Bench.met(valid && v.endToEndRate() >= 50)));
        }
        for (Variant v : List.of(a, b)) {
            bench.rows.add(new Bench.Row(
                    "intake",
                    "  (info) " + v.label
                            + ": verified per s after the last POST (the worker alone); service CPU ms per Webmention",
                    Bench.f1(v.afterLastPostRate()) + "; " + Bench.f1(1000 * v.serviceCpuSeconds / v.sent),
                    "",
                    "",
                    "",
                    ""));
        }
        for (Variant v : List.of(a, b)) {
            bench.rows.add(new Bench.Row(
                    "intake",
                    "  " + v.label + ": received, POST/s; POST latency p50 / p99 (ms)",
                    Bench.f1(v.receiveRate()) + "; " + Bench.f1(Bench.pct(v.postMs, 50)) + " / "
                            + Bench.f1(Bench.pct(v.postMs, 99)),
                    concurrency + " in flight",
                    "",
                    "",
                    ""));
        }
        bench.rows.add(new Bench.Row(
                "intake",
                "  (a) accepted / pending / rejected",
                a.accepted + " / " + a.pending + " / " + a.rejected,
                a.sent + " / 0 / 0 expected",
                "",
                "",
                Bench.met(a.accepted == a.sent)));
        bench.rows.add(new Bench.Row(
                "intake",
                "  (b) accepted / pending / rejected; discovered participants",
                b.accepted + " / " + b.pending + " / " + b.rejected + "; " + discovered,
                "0 / " + b.sent + " / 0; " + unknownBlogs + " expected (intakePolicy REVIEW)",
                "",
                "",
                Bench.met(b.pending == b.sent && discovered == unknownBlogs)));
        bench.notes.add(a.describe() + ".");
        bench.notes.add(b.describe() + "; " + discovered + " discovered participants.");
        bench.notes.add(String.format(
                Locale.ROOT,
                "intake: host view GET /api/series/%s/assignments/1/responses lists %s; baseline GET+jsoup %.2f s for %d"
                        + " pages (%d errors).",
                SLUG,
                byState,
                base.seconds(),
                base.feeds(),
                base.errors()));
    }

    private static List<SourcePages.Blog> blogs(
            SourcePages pages, String prefix, int count, AtomicInteger host, IntFunction<Integer> posts)
            throws Exception {
        List<SourcePages.Blog> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            list.add(pages.write(prefix, i, host.getAndIncrement(), posts.apply(i)));
        }
        return list;
    }

    private static List<String> posts(List<SourcePages.Blog> blogs) {
        return blogs.stream().flatMap(b -> b.posts().stream()).toList();
    }

    private static double pageKb(Path www, SourcePages.Blog blog) throws Exception {
        String path = java.net.URI.create(blog.posts().get(0)).getPath();
        return java.nio.file.Files.size(www.resolve(path.substring(1)).resolve("index.html")) / 1024.0;
    }

    /** Registers the blogs as participants through the API, several at a time (their feed rows exist). */
    private void register(ServiceProcess service, List<SourcePages.Blog> blogs) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(bench.registerConcurrency);
        long t = System.nanoTime();
        List<Future<JsonNode>> done = new ArrayList<>();
        for (SourcePages.Blog b : blogs) {
            done.add(pool.submit(() -> service.postOk(
                    "/api/series/" + SLUG + "/participants",
                    Map.of("name", b.name(), "blogUrl", b.url(), "feedUrl", b.feedUrl()),
                    null)));
        }
        for (Future<JsonNode> f : done) {
            f.get();
        }
        pool.shutdown();
        Bench.log(String.format(
                Locale.ROOT,
                "intake: registered %d blogs through the API in %.1f s",
                blogs.size(),
                (System.nanoTime() - t) / 1e9));
    }

    /**
     * Sends one Webmention per source ({@link #concurrency} in flight), waits until none is queued any
     * more (read from the database, like the poll cycles, so that waiting costs the service nothing),
     * then reads every status resource: the statuses and the last {@code updatedAt} are the result.
     */
    private Variant measure(ServiceProcess service, Connection jdbc, String label, List<String> sources)
            throws Exception {
        int n = sources.size();
        String[] ids = new String[n];
        double[] ms = new double[n];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        AtomicReference<String> firstRefusal = new AtomicReference<>();
        long pid = service.pid();
        double cpu0 = Proc.cpuSeconds(pid);
        long[] m0 = Proc.machine();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        Instant first = Instant.now();
        long start = System.nanoTime();
        for (int t = 0; t < concurrency; t++) {
            pool.execute(() -> {
                int i;
                while ((i = next.getAndIncrement()) < n) {
                    long s = System.nanoTime();
                    try {
                        HttpResponse<String> r =
                                service.postForm("/webmention", Map.of("source", sources.get(i), "target", INVITATION));
                        ms[i] = (System.nanoTime() - s) / 1e6;
                        String location = r.headers().firstValue("Location").orElse("");
                        if (r.statusCode() == 202 && location.contains("/webmention/")) {
                            ids[i] = location.substring(location.lastIndexOf('/') + 1);
                        } else {
                            refused.incrementAndGet();
                            firstRefusal.compareAndSet(null, r.statusCode() + " " + r.body());
                        }
                    } catch (Exception e) {
                        ms[i] = (System.nanoTime() - s) / 1e6;
                        refused.incrementAndGet();
                        firstRefusal.compareAndSet(null, e.toString());
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.HOURS);
        double receiveSeconds = (System.nanoTime() - start) / 1e9;
        Instant lastPost = Instant.now();

        List<String> accepted = new ArrayList<>();
        for (String id : ids) {
            if (id != null) {
                accepted.add(id);
            }
        }
        awaitVerified(jdbc, service, label, accepted);
        double cpu = Proc.cpuSeconds(pid) - cpu0;
        long[] m1 = Proc.machine();
        double busy = 100.0 * (m1[0] - m0[0]) / Math.max(1, m1[1] - m0[1]);

        Map<String, AtomicInteger> counts = new java.util.concurrent.ConcurrentHashMap<>();
        AtomicReference<Instant> last = new AtomicReference<>(first);
        AtomicReference<String> firstRejection = new AtomicReference<>();
        AtomicInteger afterLastPost = new AtomicInteger();
        ExecutorService readers = Executors.newFixedThreadPool(concurrency);
        List<Future<?>> reads = new ArrayList<>();
        for (String id : accepted) {
            reads.add(readers.submit(() -> {
                HttpResponse<String> r = service.get("/webmention/" + id);
                JsonNode status = ServiceProcess.JSON.readTree(r.body());
                String st = r.statusCode() == 200 ? status.path("status").asText() : "HTTP " + r.statusCode();
                counts.computeIfAbsent(st, k -> new AtomicInteger()).incrementAndGet();
                if (st.equals("rejected")) {
                    firstRejection.compareAndSet(null, status.path("detail").asText());
                }
                Instant updated = Instant.parse(status.path("updatedAt").asText());
                last.accumulateAndGet(updated, (x, y) -> x.isAfter(y) ? x : y);
                if (updated.isAfter(lastPost)) {
                    afterLastPost.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> f : reads) {
            f.get();
        }
        readers.shutdown();
        return new Variant(
                label,
                n,
                refused.get(),
                firstRefusal.get(),
                receiveSeconds,
                Duration.between(first, last.get()).toNanos() / 1e9,
                afterLastPost.get(),
                Duration.between(lastPost, last.get()).toNanos() / 1e9,
                ms,
                count(counts, "accepted"),
                count(counts, "pending"),
                count(counts, "rejected"),
                n - refused.get() - count(counts, "accepted") - count(counts, "pending") - count(counts, "rejected"),
                firstRejection.get(),
                cpu,
                busy);
    }

    private static int count(Map<String, AtomicInteger> counts, String status) {
        AtomicInteger c = counts.get(status);
        return c == null ? 0 : c.get();
    }

    /** Until none of the mentions is queued; fails when nothing moves for a minute. */
    private static void awaitVerified(Connection jdbc, ServiceProcess service, String label, List<String> ids)
            throws Exception {
        int done = 0;
        int lastDone = -1;
        long lastProgress = System.nanoTime();
        try (PreparedStatement ps =
                jdbc.prepareStatement("SELECT count(*) FROM mention WHERE id = ANY(?) AND verification <> 'QUEUED'")) {
            ps.setArray(
                    1,
                    jdbc.createArrayOf(
                            "uuid", ids.stream().map(UUID::fromString).toArray()));
            while (done < ids.size()) {
                Thread.sleep(100);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    done = rs.getInt(1);
                }
                if (done != lastDone) {
                    lastDone = done;
                    lastProgress = System.nanoTime();
                } else if (System.nanoTime() - lastProgress
                        > Duration.ofSeconds(60).toNanos()) {
                    throw new IllegalStateException(label + ": only " + done + " of " + ids.size()
                            + " Webmentions verified, none for 60 s; service log " + service.log + "\n"
                            + service.tail());
                }
            }
        }
    }

    /** The host's list of the assignment's responses, counted by source and state. */
    private static Map<String, Integer> hostView(ServiceProcess service, String hostToken) throws Exception {
        HttpResponse<String> r = service.get("/api/series/" + SLUG + "/assignments/1/responses", hostToken);
        if (r.statusCode() != 200) {
            throw new IllegalStateException("host responses answered " + r.statusCode() + ": " + r.body());
        }
        Map<String, Integer> byState = new java.util.TreeMap<>();
        for (JsonNode e : ServiceProcess.JSON.readTree(r.body())) {
            byState.merge(e.path("source").asText() + " " + e.path("state").asText(), 1, Integer::sum);
        }
        return byState;
    }
}
