package app.carnival.bench;

import app.carnival.boot.EmbeddedDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * Benchmark harness for issue 5 (run by {@code bench/run.sh}; not a test). Scenarios: first, changed,
 * notmodified, mixed, roundup, scale, memory, and intake (issue 9, {@link IntakeScenario}). Prints a
 * summary table per scenario and writes all of them to bench/RESULTS.md.
 */
public final class Bench {

    static final List<String> ALL =
            List.of("first", "changed", "notmodified", "mixed", "roundup", "scale", "memory", "intake", "push");

    // --- settings (environment) ----------------------------------------------------------------
    final int feeds = intEnv("BENCH_FEEDS", 2000);
    final int memoryFeeds = intEnv("BENCH_MEMORY_FEEDS", 10_000);
    final int parallelism = intEnv("BENCH_PARALLELISM", 16);
    final int hosts = intEnv("BENCH_HOSTS", 64);
    /** With BENCH_PG_STATEMENTS=1, each poll cycle logs the statements that took PostgreSQL the most time in it. */
    final boolean pgStatements = "1".equals(System.getenv("BENCH_PG_STATEMENTS"));

    final int nginxWorkers = intEnv("BENCH_NGINX_WORKERS", 2);
    final int roundupResponses = intEnv("BENCH_ROUNDUP_RESPONSES", 300);
    final int wrkConnections = intEnv("BENCH_WRK_CONNECTIONS", 64);
    final int wrkThreads = intEnv("BENCH_WRK_THREADS", 2);
    final int wrkSeconds = intEnv("BENCH_WRK_SECONDS", 10);
    final int scaleParticipants = intEnv("BENCH_SCALE_PARTICIPANTS", 10_000);
    final int scalePosts = intEnv("BENCH_SCALE_POSTS", 1_000_000);
    final int registerConcurrency = intEnv("BENCH_REGISTER_CONCURRENCY", 16);
    /** The service runs with the JVM options the README recommends for a small machine, unless told otherwise. */
    static final String DEFAULT_SERVICE_JAVA_OPTS =
            "-Xmx192m -XX:+UseG1GC -XX:ReservedCodeCacheSize=64m -XX:MaxMetaspaceSize=160m -Xss512k";

    final List<String> serviceJavaOpts = Arrays.asList(System.getenv()
            .getOrDefault("BENCH_SERVICE_JAVA_OPTS", DEFAULT_SERVICE_JAVA_OPTS)
            .trim()
            .split("\\s+"));
    final Path repo = Path.of(System.getenv().getOrDefault("BENCH_REPO", "."))
            .toAbsolutePath()
            .normalize();
    final Path jar = repo.resolve("target/quarkus-app/quarkus-run.jar");
    final Path resultsFile = Path.of(System.getenv()
            .getOrDefault("BENCH_RESULTS", repo.resolve("bench/RESULTS.md").toString()));
    final Path work;

    final Instant base = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(1));
    final List<Row> rows = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    final List<String> ran = new ArrayList<>();
    PollEnv pollEnv;
    double backgroundBusy;

    record Row(
            String scenario,
            String metric,
            String carnival,
            String baseline,
            String ratio,
            String target,
            String met) {}

    /**
     * Feeds of a warm-up pass: the baseline loop's over as many of the same URLs, the service's over as many
     * other blogs (a first cycle needs entries it has never seen).
     */
    static final int WARM_UP_FEEDS = 300;

    /**
     * Warm-up passes before a first or changed comparison, on each side (service cycles over other blogs, loop passes
     * over {@link #WARM_UP_FEEDS} of the URLs): at least two, more until a pass takes at least {@link #WARM_CPU_STEADY}
     * of the CPU of the one before, up to this many. A single pass left the service's JIT compiling through the
     * measured first cycle: JFR showed {@code String.encodeUTF8_UTF16} (the post insert's bind of a text with a
     * non-Latin-1 character) interpreted for the whole cycle, 18% of the pollers' samples, and the loop's three
     * measured passes after its single warm-up pass ranged from 51 to 117 feeds/s.
     */
    static final int MAX_WARM_UPS = 8;

    /** A warm-up pass whose CPU is at least this share of the previous pass's counts as warm. */
    static final double WARM_CPU_STEADY = 0.95;

    /**
     * ... and whose JIT compilers took at most this share of its CPU. Without it, one noisy pass ended the service's
     * warm-up after four cycles with its compilers at 35% of the last one, and they took 6.0 s of the first cycle's
     * 18.1 s (the run before, warm after seven cycles: 2.4 s of 14.4 s).
     */
    static final double WARM_JIT_SHARE = 0.25;

    /** One warm-up pass, numbered from 1. */
    interface WarmUpPass<T> {
        T run(int round) throws Exception;
    }

    /** What a warm-up pass cost: CPU seconds of the side measured, and of its JIT compilers among them. */
    record WarmUpCost(double cpuSeconds, double jitSeconds) {}

    /** Runs warm-up passes until the side is warm ({@link #MAX_WARM_UPS}); returns them in order. */
    static <T> List<T> warmUp(WarmUpPass<T> pass, Function<T, WarmUpCost> cost) throws Exception {
        List<T> passes = new ArrayList<>();
        WarmUpCost previous;
        WarmUpCost last = null;
        do {
            previous = last;
            T p = pass.run(passes.size() + 1);
            passes.add(p);
            last = cost.apply(p);
        } while (passes.size() < MAX_WARM_UPS && !(passes.size() >= 2 && warm(previous, last)));
        return passes;
    }

    private static boolean warm(WarmUpCost previous, WarmUpCost last) {
        return last.cpuSeconds() >= WARM_CPU_STEADY * previous.cpuSeconds()
                && last.jitSeconds() <= WARM_JIT_SHARE * last.cpuSeconds();
    }

    /** The series whose participants follow a poll environment's {@code urls}. */
    static final String MAIN_SERIES = "bench";

    private static final Deque<AutoCloseable> CLEANUP = new ArrayDeque<>();

    static synchronized void onExit(AutoCloseable c) {
        CLEANUP.push(c);
    }

    static synchronized void cleanup() {
        while (!CLEANUP.isEmpty()) {
            try {
                CLEANUP.pop().close();
            } catch (Exception e) {
                System.err.println("cleanup: " + e);
            }
        }
    }

    Bench() throws IOException {
        String w = System.getenv("BENCH_WORK");
        work = w == null || w.isBlank()
                ? Files.createTempDirectory("carnival-bench-")
                : Files.createDirectories(Path.of(w));
    }

    public static void main(String[] args) throws Exception {
        Runtime.getRuntime().addShutdownHook(new Thread(Bench::cleanup, "bench-cleanup"));
        List<String> scenarios = args.length == 0 ? ALL : List.of(args);
        for (String s : scenarios) {
            if (!ALL.contains(s)) {
                System.err.println("unknown scenario '" + s + "'; known: " + ALL);
                System.exit(2);
            }
        }
        Bench bench = new Bench();
        log("work folder " + bench.work + "; scenarios " + scenarios);
        long[] m0 = Proc.machine();
        Thread.sleep(3000);
        long[] m1 = Proc.machine();
        bench.backgroundBusy = 100.0 * (m1[0] - m0[0]) / Math.max(1, m1[1] - m0[1]);
        log(String.format(
                Locale.ROOT,
                "machine busy before the benchmark starts (other work on the shared cores): %.0f%%",
                bench.backgroundBusy));
        int status = 0;
        try {
            for (String s : scenarios) {
                long t = System.nanoTime();
                log("=== scenario " + s);
                int before = bench.rows.size();
                try {
                    switch (s) {
                        case "first" -> bench.first();
                        case "changed" -> bench.changed();
                        case "notmodified" -> bench.notModified();
                        case "mixed" -> bench.mixed();
                        case "roundup" -> bench.roundup();
                        case "scale" -> bench.scale();
                        case "memory" -> bench.memory();
                        case "intake" -> bench.intake();
                        case "push" -> bench.push();
                        default -> throw new IllegalArgumentException(s);
                    }
                } catch (Exception e) {
                    status = 1;
                    e.printStackTrace();
                    bench.rows.add(new Row(
                            s, "FAILED: " + e.getMessage().lines().findFirst().orElse(""), "", "", "", "", "no"));
                }
                bench.ran.add(s);
                bench.printTable(s, bench.rows.subList(before, bench.rows.size()));
                log("scenario " + s + " took " + Math.round((System.nanoTime() - t) / 1e9) + " s");
                bench.writeResults(String.join(" ", args));
            }
        } finally {
            cleanup();
        }
        log("results written to " + bench.resultsFile);
        System.exit(status);
    }

    // =============================================================================================
    // The poll environment: N feed files behind nginx, PostgreSQL, the service, N participants.
    // =============================================================================================

    final class PollEnv implements AutoCloseable {
        final int n;
        final Path dir;
        final FeedFiles files;
        final Nginx nginx;
        final EmbeddedDatabase db;
        /** PostgreSQL's server process, whose tree's CPU each cycle reports. */
        final long dbPid;

        final ServiceProcess service;
        final Connection jdbc;
        final List<String> urls = new ArrayList<>();
        final String invitation = "https://host.example.org/2024/06/invitation-carnivalbench-1/";
        boolean polledOnce;
        final Baseline baseline = new Baseline(parallelism);

        PollEnv(String name, int n, int distinctFiles) throws Exception {
            this.n = n;
            this.dir = work.resolve(name);
            long t = System.nanoTime();
            files = new FeedFiles(dir.resolve("www/feeds"), Math.min(n, distinctFiles), invitation, base);
            files.writeAll(2);
            for (int i = files.count(); i < n; i++) {
                // More feeds than distinct files: further URLs are symlinks to the files (memory scenario).
                Path link = files.dir().resolve("m" + i + ".xml");
                Files.deleteIfExists(link);
                Files.createSymbolicLink(link, Path.of(FeedFiles.fileName(i % files.count())));
            }
            log(String.format(
                    "%s: %d feed files (%d distinct, %.1f KB each) written in %.1f s",
                    name,
                    n,
                    files.count(),
                    Files.size(files.dir().resolve(FeedFiles.fileName(0))) / 1024.0,
                    (System.nanoTime() - t) / 1e9));
            nginx = Nginx.start(dir.resolve("nginx"), dir.resolve("www"), hosts, nginxWorkers);
            for (int i = 0; i < n; i++) {
                urls.add(nginx.url(i, "feeds/" + (i < files.count() ? FeedFiles.fileName(i) : "m" + i + ".xml")));
            }
            db = pgStatements
                    ? EmbeddedDatabase.start(
                            dir.resolve("pg"),
                            0,
                            Map.of(
                                    "shared_preload_libraries", "pg_stat_statements",
                                    "pg_stat_statements.track", "all"))
                    : EmbeddedDatabase.start(dir.resolve("pg"));
            onExit(db);
            dbPid = Proc.postmasterPid(dir.resolve("pg"));
            service = ServiceProcess.start(
                    jar,
                    dir.resolve("service"),
                    db.jdbcUrl(),
                    Map.of("CARNIVAL_POLL_PARALLELISM", String.valueOf(parallelism)),
                    serviceJavaOpts);
            jdbc = DriverManager.getConnection(db.jdbcUrl());
            onExit(jdbc);
            log(name + ": nginx on port " + nginx.port + " (" + hosts + " loopback hosts), PostgreSQL on " + db.port()
                    + ", service on " + service.port + " (pid " + service.pid() + ")");
        }

        /** Starts a series with one open assignment, whose invitation is the environment's. */
        void createSeries(String slug) throws Exception {
            JsonNode s = service.postOk(
                    "/api/series",
                    Map.of(
                            "slug",
                            slug,
                            "title",
                            "Bench " + slug,
                            "hashtag",
                            FeedFiles.HASHTAG,
                            "homeUrl",
                            "https://host.example.org/"),
                    null);
            service.postOk(
                    "/api/series/" + slug + "/assignments",
                    assignmentBody(invitation),
                    s.get("hostToken").asText());
        }

        /**
         * Registers feeds 0..count-1 through the API. Feed rows are created first by SQL with
         * next_poll_at = infinity so that nothing is polled before the harness starts the cycle.
         */
        double[] register(int count) throws Exception {
            return register(MAIN_SERIES, urls.subList(0, count));
        }

        /** Registers the given feeds in series {@code slug} through the API; feed i of the list is blog i. */
        double[] register(String slug, List<String> feedUrls) throws Exception {
            int count = feedUrls.size();
            insertNeverDue(jdbc, feedUrls);
            ExecutorService pool = Executors.newFixedThreadPool(registerConcurrency);
            long t = System.nanoTime();
            List<Future<Double>> done = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int feed = i;
                done.add(pool.submit(() -> {
                    long s = System.nanoTime();
                    service.postOk(
                            "/api/series/" + slug + "/participants",
                            Map.of(
                                    "name",
                                    "Blogger " + feed,
                                    "blogUrl",
                                    FeedFiles.site(feed),
                                    "feedUrl",
                                    feedUrls.get(feed)),
                            null);
                    return (System.nanoTime() - s) / 1e6;
                }));
            }
            double[] ms = new double[count];
            for (int i = 0; i < count; i++) {
                ms[i] = done.get(i).get();
            }
            pool.shutdown();
            log(String.format(
                    "registered %d participants in series %s through the API (%d at a time) in %.1f s; p50 %.1f ms, p99 %.1f ms",
                    count, slug, registerConcurrency, (System.nanoTime() - t) / 1e9, pct(ms, 50), pct(ms, 99)));
            return ms;
        }

        Cycle cycle(String label) throws Exception {
            if (pgStatements) {
                try (Statement st = jdbc.createStatement()) {
                    st.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
                    st.execute("SELECT pg_stat_statements_reset()");
                }
            }
            Cycle c = runCycle(jdbc, service, dbPid, urls, label);
            polledOnce = true;
            if (pgStatements) {
                logTopStatements(label);
            }
            return c;
        }

        private void logTopStatements(String label) throws SQLException {
            try (Statement st = jdbc.createStatement();
                    ResultSet rs = st.executeQuery("""
                            SELECT round(total_exec_time::numeric, 1), calls, rows, round(mean_exec_time::numeric, 3),
                                   toplevel, left(regexp_replace(query, '\\s+', ' ', 'g'), 220)
                            FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 15""")) {
                log("PostgreSQL statements by time in " + label
                        + " (ms total, calls, rows, ms mean, top level, query):");
                while (rs.next()) {
                    log(String.format(
                            Locale.ROOT,
                            "  %10s ms %7d calls %8d rows %8s ms %s %s",
                            rs.getString(1),
                            rs.getLong(2),
                            rs.getLong(3),
                            rs.getString(4),
                            rs.getBoolean(5) ? "top " : "nest",
                            rs.getString(6)));
                }
            }
        }

        /**
         * Polls {@code count} other blogs once, in a series of their own ({@code warmup<round>}), so that the
         * service's JIT has run every stage before the measured first cycle, as the baseline's warm-up passes have
         * for the loop. Their feeds are not due again: a cycle makes only {@link #urls} due, and the poll interval
         * is 24 h.
         */
        Cycle warmUp(int count, int round) throws Exception {
            String name = "warmup" + round;
            FeedFiles warm = new FeedFiles(dir.resolve("www/" + name), count, invitation, base);
            warm.writeAll(2);
            List<String> warmUrls = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                warmUrls.add(nginx.url(i, name + "/" + FeedFiles.fileName(i)));
            }
            createSeries(name);
            register(name, warmUrls);
            return runCycle(
                    jdbc,
                    service,
                    dbPid,
                    warmUrls,
                    "warm-up cycle " + round + ": " + count + " other blogs (not reported)");
        }

        @Override
        public void close() {
            service.close();
            try {
                jdbc.close();
                db.close();
            } catch (Exception e) {
                log("closing database: " + e);
            }
            nginx.close();
        }
    }

    Map<String, Object> assignmentBody(String invitation) {
        DateTimeFormatter iso = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "What does a benchmark prove?");
        body.put("invitationUrl", invitation);
        body.put("opensAt", iso.format(base.minus(Duration.ofDays(30)).atOffset(ZoneOffset.UTC)));
        body.put("closesAt", iso.format(base.plus(Duration.ofDays(30)).atOffset(ZoneOffset.UTC)));
        body.put("questions", List.of("What did you measure?", "What did it prove?"));
        return body;
    }

    PollEnv pollEnv() throws Exception {
        if (pollEnv == null) {
            pollEnv = new PollEnv("poll", feeds, feeds);
            onExit(pollEnv);
            pollEnv.createSeries(MAIN_SERIES);
            pollEnv.register(feeds);
        }
        return pollEnv;
    }

    PollEnv polledEnv() throws Exception {
        PollEnv env = pollEnv();
        if (!env.polledOnce) {
            log("first cycle (setup, not reported by this scenario)");
            Cycle c = env.cycle("setup: first cycle");
            log(c.describe());
        }
        return env;
    }

    // =============================================================================================
    // Cycles
    // =============================================================================================

    record Cycle(
            String label,
            int feeds,
            double wallSeconds,
            double dueToLastSeconds,
            double firstToLastSeconds,
            int errors,
            int ok200,
            int notModified,
            double serviceCpuSeconds,
            double serviceJitSeconds,
            double databaseCpuSeconds,
            double machineBusyPercent,
            long peakRssKb,
            String firstError) {
        double rate() {
            return feeds / dueToLastSeconds;
        }

        double sustained() {
            return firstToLastSeconds > 0 ? (feeds - 1) / firstToLastSeconds : Double.NaN;
        }

        String describe() {
            return String.format(
                    Locale.ROOT,
                    "%s: %d feeds in %.2f s (due -> last poll done) = %.1f feeds/s; first -> last completion %.1f feeds/s; "
                            + "200: %d, 304: %d, errors: %d%s; service CPU %.1f s (%.0f%% of one core; its JIT compilers %.1f s),"
                            + " PostgreSQL CPU %.1f s, machine busy %.0f%%, service peak RSS %d MB",
                    label,
                    feeds,
                    dueToLastSeconds,
                    rate(),
                    sustained(),
                    ok200,
                    notModified,
                    errors,
                    firstError == null ? "" : " (e.g. " + firstError + ")",
                    serviceCpuSeconds,
                    100 * serviceCpuSeconds / dueToLastSeconds,
                    serviceJitSeconds,
                    databaseCpuSeconds,
                    machineBusyPercent,
                    peakRssKb / 1024);
        }
    }

    /**
     * How far ahead of now the harness makes the feeds due: more than one scheduler tick (200 ms), so the
     * scheduler can learn of the due time before it comes, as it does of feeds falling due on their own.
     */
    static final Duration DUE_AHEAD = Duration.ofMillis(500);

    /**
     * Makes the given feeds due {@link #DUE_AHEAD} from now and waits until each one has last_polled_at
     * after that moment. The time is taken in the database: from the moment the feeds fell due to the last
     * last_polled_at (so any wait for the scheduler is included).
     */
    Cycle runCycle(Connection c, ServiceProcess service, long dbPid, List<String> dueUrls, String label)
            throws Exception {
        int expected = dueUrls.size();
        long pid = service.pid();
        Timestamp t0;
        try (Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            try (ResultSet rs =
                    st.executeQuery("SELECT now() + interval '" + DUE_AHEAD.toMillis() + " milliseconds'")) {
                rs.next();
                t0 = rs.getTimestamp(1);
            }
            try (PreparedStatement due = c.prepareStatement(
                    "UPDATE feed_schedule SET next_poll_at = ? WHERE feed_id IN (SELECT id FROM feed WHERE url = ANY(?))")) {
                due.setTimestamp(1, t0);
                due.setArray(2, c.createArrayOf("text", dueUrls.toArray()));
                due.executeUpdate();
            }
            c.commit();
            c.setAutoCommit(true);
        }
        // Read before the due time: a scan of every service thread's stat file, kept out of the measured window.
        double jit0 = Proc.jitCpuSeconds(pid);
        Thread.sleep(Math.max(0, t0.getTime() - System.currentTimeMillis()));
        double cpu0 = Proc.cpuSeconds(pid);
        double dbCpu0 = Proc.treeCpuSeconds(dbPid);
        long[] m0 = Proc.machine();
        long start = System.nanoTime();
        try (Proc.RssSampler rss = new Proc.RssSampler(pid)) {
            long timeoutNanos = Duration.ofSeconds(Math.max(120, expected / 2)).toNanos();
            int done = 0;
            int lastDone = -1;
            long lastProgress = System.nanoTime();
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT count(*) FROM feed_schedule WHERE last_polled_at >= ?")) {
                ps.setTimestamp(1, t0);
                while (done < expected) {
                    Thread.sleep(50);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        done = rs.getInt(1);
                    }
                    if (done != lastDone) {
                        lastDone = done;
                        lastProgress = System.nanoTime();
                    }
                    if (System.nanoTime() - start > timeoutNanos
                            || System.nanoTime() - lastProgress
                                    > Duration.ofSeconds(60).toNanos()) {
                        throw new IllegalStateException(label + ": only " + done + " of " + expected
                                + " feeds polled; service log " + service.log + "\n" + service.tail());
                    }
                }
            }
            double wall = (System.nanoTime() - start) / 1e9;
            double cpu = Proc.cpuSeconds(pid) - cpu0;
            double jit = Proc.jitCpuSeconds(pid) - jit0;
            double dbCpu = Proc.treeCpuSeconds(dbPid) - dbCpu0;
            long[] m1 = Proc.machine();
            double busy = 100.0 * (m1[0] - m0[0]) / Math.max(1, m1[1] - m0[1]);
            long peak = Math.max(rss.peakKb.get(), Proc.statusKb(pid, "VmRSS"));
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT extract(epoch FROM max(last_polled_at) - ?), extract(epoch FROM max(last_polled_at) - min(last_polled_at)),
                           count(*) FILTER (WHERE error_count > 0), count(*) FILTER (WHERE last_status = 200),
                           count(*) FILTER (WHERE last_status = 304), min(last_error)
                    FROM feed f JOIN feed_schedule s ON s.feed_id = f.id WHERE last_polled_at >= ?""")) {
                ps.setTimestamp(1, t0);
                ps.setTimestamp(2, t0);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    Cycle cycle = new Cycle(
                            label,
                            expected,
                            wall,
                            rs.getDouble(1),
                            rs.getDouble(2),
                            rs.getInt(3),
                            rs.getInt(4),
                            rs.getInt(5),
                            cpu,
                            jit,
                            dbCpu,
                            busy,
                            peak,
                            rs.getString(6));
                    if (cycle.errors > 0) {
                        notes.add("**" + label + ": " + cycle.errors + " feeds ended in error** (e.g. "
                                + cycle.firstError + ") — the cycle is not a valid result.");
                    }
                    return cycle;
                }
            }
        }
    }

    /** The round-up's rate against the trivial endpoint's: 0.5 in issue 5, raised to 0.8 by issue 12. */
    static final double ROUNDUP_RATIO = 0.8;

    /** Share of the machine's CPU (all cores) under which it counts as quiet before a measured step. */
    static final double QUIET_BUSY_PERCENT = 15;

    static final Duration QUIET_MAX = Duration.ofSeconds(30);

    /**
     * Waits until the machine is quiet (under {@link #QUIET_BUSY_PERCENT} of its CPU busy over half a second), for at
     * most {@link #QUIET_MAX}. What a step leaves running (PostgreSQL's autovacuum and checkpoint after 100,000 new
     * posts, the service's follow-up work) otherwise slows the next measured step, whichever side it is: in one run the
     * GET+ROME loop's passes right after the first cycle went at 71.5, 66.7 and 116.8 feeds/s, and after the changed
     * cycle, the same work, at 188.5.
     */
    static void settle(String before) throws InterruptedException {
        long start = System.nanoTime();
        double busy;
        do {
            long[] m0 = Proc.machine();
            Thread.sleep(500);
            long[] m1 = Proc.machine();
            busy = 100.0 * (m1[0] - m0[0]) / Math.max(1, m1[1] - m0[1]);
        } while (busy >= QUIET_BUSY_PERCENT && System.nanoTime() - start < QUIET_MAX.toNanos());
        log(String.format(
                Locale.ROOT,
                "settled before %s in %.1f s (machine %.0f%% busy in the last half second)",
                before,
                (System.nanoTime() - start) / 1e9,
                busy));
    }

    // =============================================================================================
    // Scenarios
    // =============================================================================================

    void first() throws Exception {
        PollEnv env = pollEnv();
        if (env.polledOnce) {
            throw new IllegalStateException("the first cycle already ran in this environment");
        }
        List<Cycle> warmUps = warmUp(
                round -> {
                    Cycle warm = env.warmUp(WARM_UP_FEEDS, round);
                    log(warm.describe());
                    return warm;
                },
                warm -> new WarmUpCost(warm.serviceCpuSeconds(), warm.serviceJitSeconds()));
        settle("the first cycle");
        Cycle c = env.cycle("first cycle (all entries new)");
        log(c.describe());
        long posts = scalar(env.jdbc, """
                SELECT count(*) FROM post WHERE feed_id IN
                    (SELECT p.feed_id FROM participant p JOIN series s ON s.id = p.series_id WHERE s.slug = '%s')""".formatted(MAIN_SERIES));
        long responses = scalar(env.jdbc, """
                SELECT count(*) FROM response r JOIN assignment a ON a.id = r.assignment_id JOIN series s ON s.id = a.series_id
                WHERE s.slug = '%s'""".formatted(MAIN_SERIES));
        Baseline.Result b = romeLoop(env);
        rows.add(new Row(
                "first",
                "first cycle, every entry new: feeds/s",
                f1(c.rate()),
                f1(b.rate()) + " (GET+ROME loop, median of " + LOOP_PASSES + "); CommaFeed 24",
                ratio(c.rate(), b.rate()),
                "≥ 100 feeds/s and ratio ≥ 1",
                met(c.errors == 0 && c.rate() >= 100 && c.rate() >= b.rate())));
        rows.add(new Row(
                "first",
                "posts stored / responses matched",
                posts + " / " + responses,
                (long) env.n * FeedFiles.ITEMS + " / " + env.n + " expected",
                "",
                "",
                posts == (long) env.n * FeedFiles.ITEMS ? "yes" : "no"));
        notes.add(String.format(
                Locale.ROOT,
                "first: %s. Before it, %d warm-up cycles: %s.",
                c.describe(),
                warmUps.size(),
                warmUps.stream().map(Cycle::describe).collect(Collectors.joining("; "))));
    }

    /** Measured passes of the GET + ROME loop; its median is compared. */
    static final int LOOP_PASSES = 3;

    /**
     * Same URLs, same parallelism, fresh GET + ROME parse, after warm-up passes ({@link #warmUp}); the median of
     * {@link #LOOP_PASSES} passes, as one pass ranged from 89 to 252 feeds/s between runs on the same code.
     */
    Baseline.Result romeLoop(PollEnv env) throws Exception {
        long harness = ProcessHandle.current().pid();
        warmUp(
                round -> {
                    double cpu0 = Proc.cpuSeconds(harness);
                    double jit0 = Proc.jitCpuSeconds(harness);
                    env.baseline.run(env.urls.subList(0, Math.min(env.n, WARM_UP_FEEDS)), false, Baseline.Body.ROME);
                    WarmUpCost cost =
                            new WarmUpCost(Proc.cpuSeconds(harness) - cpu0, Proc.jitCpuSeconds(harness) - jit0);
                    log(String.format(
                            Locale.ROOT,
                            "baseline GET+parse warm-up pass %d (not reported): harness CPU %.1f s, its JIT compilers %.1f s",
                            round,
                            cost.cpuSeconds(),
                            cost.jitSeconds()));
                    return cost;
                },
                Function.identity());
        List<Baseline.Result> passes = new ArrayList<>();
        for (int i = 0; i < LOOP_PASSES; i++) {
            settle("GET+ROME loop pass " + (i + 1));
            passes.add(env.baseline.run(env.urls, false, Baseline.Body.ROME));
        }
        Baseline.Result b = median(passes, Baseline.Result::rate);
        log(String.format(
                Locale.ROOT,
                "baseline GET+parse: median %.1f feeds/s (%d ok, %d errors, %d entries); passes %s",
                b.rate(),
                b.ok(),
                b.errors(),
                b.entries(),
                passes.stream().map(r -> f1(r.rate())).toList()));
        return b;
    }

    /** The middle one by rate (the upper middle of an even number). */
    static <T> T median(List<T> passes, ToDoubleFunction<T> rate) {
        return passes.stream().sorted(Comparator.comparingDouble(rate)).toList().get(passes.size() / 2);
    }

    void changed() throws Exception {
        PollEnv env = polledEnv();
        long t = System.nanoTime();
        for (int i = 0; i < env.files.count(); i++) {
            env.files.gainEntry(i);
        }
        log(String.format("every feed gained one entry (files rewritten in %.1f s)", (System.nanoTime() - t) / 1e9));
        long postsBefore = scalar(env.jdbc, "SELECT count(*) FROM post");
        settle("the changed cycle");
        Cycle c = env.cycle("changed cycle (each feed gained one entry)");
        log(c.describe());
        long newPosts = scalar(env.jdbc, "SELECT count(*) FROM post") - postsBefore;
        Baseline.Result b = romeLoop(env);
        Baseline.Result raw = env.baseline.run(env.urls, false, Baseline.Body.DISCARD);
        log(String.format(Locale.ROOT, "baseline GET only: %.1f feeds/s", raw.rate()));
        rows.add(new Row(
                "changed",
                "changed cycle (1 new entry per feed): feeds/s",
                f1(c.rate()),
                f1(b.rate()) + " (GET+ROME loop, median of " + LOOP_PASSES + "); CommaFeed 80–106",
                ratio(c.rate(), b.rate()),
                "ratio ≥ 1.5",
                met(c.errors == 0 && c.rate() / b.rate() >= 1.5)));
        rows.add(new Row(
                "changed",
                "  new posts stored / errors",
                newPosts + " / " + c.errors,
                env.n + " expected",
                "",
                "",
                ""));
        rows.add(new Row("changed", "  (info) bare GET without parsing: feeds/s", "", f1(raw.rate()), "", "", ""));
        notes.add(String.format(
                Locale.ROOT,
                "changed: %s. Baseline GET+parse %.2f s for %d feeds (%d errors); GET only %.2f s.",
                c.describe(),
                b.seconds(),
                b.feeds(),
                b.errors(),
                raw.seconds()));
    }

    /**
     * Unreported passes on each side of the 304 comparison, at least, before {@link #MEASURED_PASSES} measured ones;
     * more while a JIT compiler still works ({@link #JIT_QUIET_SECONDS}), up to {@link #MAX_WARM_PASSES}.
     */
    static final int WARM_PASSES = 20;

    static final int MAX_WARM_PASSES = 100;

    /** JIT compiler CPU in one pair of warm-up passes (a service cycle, a loop pass) below which each side counts as warm. */
    static final double JIT_QUIET_SECONDS = 0.05;

    static final int MEASURED_PASSES = 7;

    void notModified() throws Exception {
        PollEnv env = polledEnv();
        // A service polls all day, so the figure that matters is its steady state. Its first 304 cycles run its
        // JVM's first 304s, compiled while they run: JFR of one run showed C2 compiling the HttpClient chain,
        // FeedPoller.poll and the claim during the 21st to 27th cycles, and a single cycle of 0.3 s varies by half
        // from one to the next. Both sides run unreported passes until neither JIT is busy any more (at least
        // WARM_PASSES), then measured ones; medians are compared. The two sides take turns, pass by pass, so that a
        // drift of the shared machine's speed during the scenario reaches both alike.
        if (env.baseline.validators.size() < env.n) {
            env.baseline.run(env.urls, false, Baseline.Body.DISCARD); // learn the validators (untimed)
        }
        long harness = ProcessHandle.current().pid();
        int warm = 0;
        double serviceJit;
        double harnessJit;
        do {
            warm++;
            double service0 = Proc.jitCpuSeconds(env.service.pid());
            double harness0 = Proc.jitCpuSeconds(harness);
            log(env.cycle("warm-up 304 cycle " + warm + " (not reported)").describe());
            env.baseline.run(env.urls, true, Baseline.Body.DISCARD);
            serviceJit = Proc.jitCpuSeconds(env.service.pid()) - service0;
            harnessJit = Proc.jitCpuSeconds(harness) - harness0;
            log(String.format(
                    Locale.ROOT,
                    "JIT compiler CPU in warm-up pair %d: service %.2f s, harness %.2f s",
                    warm,
                    serviceJit,
                    harnessJit));
        } while (warm < MAX_WARM_PASSES
                && (warm < WARM_PASSES || serviceJit >= JIT_QUIET_SECONDS || harnessJit >= JIT_QUIET_SECONDS));
        List<Cycle> cycles = new ArrayList<>();
        List<Baseline.Result> passes = new ArrayList<>();
        double harnessCpu = 0;
        for (int i = 1; i <= MEASURED_PASSES; i++) {
            cycles.add(env.cycle("304 cycle " + i + " (nothing changed)"));
            log(cycles.get(cycles.size() - 1).describe());
            double cpu0 = Proc.cpuSeconds(harness);
            passes.add(env.baseline.run(env.urls, true, Baseline.Body.DISCARD));
            harnessCpu += Proc.cpuSeconds(harness) - cpu0;
        }
        double serviceCpu =
                cycles.stream().mapToDouble(Cycle::serviceCpuSeconds).sum();
        double databaseCpu =
                cycles.stream().mapToDouble(Cycle::databaseCpuSeconds).sum();
        Cycle c = median(cycles, Cycle::rate);
        boolean all304 = cycles.stream().allMatch(x -> x.errors == 0 && x.notModified == env.n);
        Baseline.Result b = median(passes, Baseline.Result::rate);
        log(String.format(
                Locale.ROOT,
                "baseline conditional GET: median %.1f feeds/s (%d x 304, %d x 200, %d errors); passes %s",
                b.rate(),
                b.notModified(),
                b.ok(),
                b.errors(),
                passes.stream().map(r -> f1(r.rate())).toList()));
        rows.add(new Row(
                "notmodified",
                "304 cycle (nothing changed): feeds/s, median of " + MEASURED_PASSES,
                f1(c.rate()),
                f1(b.rate()) + " (conditional GET loop, median of " + MEASURED_PASSES + "); CommaFeed 1,200–1,700",
                ratio(c.rate(), b.rate()),
                "≥ 2,000 feeds/s and ≥ 0.8 × loop",
                met(all304 && c.rate() >= 2000 && c.rate() >= 0.8 * b.rate())));
        rows.add(new Row(
                "notmodified",
                "  answered 304 / errors",
                c.notModified + " / " + c.errors,
                env.n + " expected",
                "",
                "",
                ""));
        notes.add(String.format(
                Locale.ROOT,
                "notmodified (after %d unreported cycles and loop passes, taking turns; JIT compiler CPU in the last pair:"
                        + " service %.2f s, harness %.2f s): %s. Measured cycles: %s feeds/s. CPU per feed over the measured"
                        + " passes: service %.0f µs and PostgreSQL %.0f µs, loop (harness process) %.0f µs. Baseline median"
                        + " %.2f s for %d"
                        + " conditional GETs (%d answered 304); passes %s feeds/s.",
                warm,
                serviceJit,
                harnessJit,
                c.describe(),
                cycles.stream().map(x -> f1(x.rate())).toList(),
                1e6 * serviceCpu / (MEASURED_PASSES * env.n),
                1e6 * databaseCpu / (MEASURED_PASSES * env.n),
                1e6 * harnessCpu / (MEASURED_PASSES * env.n),
                b.seconds(),
                b.feeds(),
                b.notModified(),
                passes.stream().map(r -> f1(r.rate())).toList()));
    }

    void mixed() throws Exception {
        PollEnv env = polledEnv();
        int changed = 0;
        for (int i = 0; i < env.files.count(); i += 10) {
            env.files.gainEntry(i);
            changed++;
        }
        Cycle c = env.cycle("mixed cycle (10% changed)");
        log(c.describe());
        addCycleRow("mixed", "mixed cycle (10% of feeds changed): feeds/s", c, "", null, 280);
        rows.add(new Row(
                "mixed",
                "  = polls per hour",
                String.format(Locale.ROOT, "%,d", Math.round(c.rate() * 3600)),
                "",
                "",
                "≥ 1,000,000",
                met(c.errors == 0 && c.rate() * 3600 >= 1_000_000)));
        rows.add(new Row(
                "mixed",
                "  answered 200 / 304 / errors",
                c.ok200 + " / " + c.notModified + " / " + c.errors,
                changed + " / " + (env.n - changed) + " expected",
                "",
                "",
                ""));
        notes.add(String.format(Locale.ROOT, "mixed: %s.", c.describe()));
    }

    void roundup() throws Exception {
        PollEnv env;
        if (pollEnv != null) {
            env = polledEnv();
        } else {
            // Run alone: an environment of just the feeds the round-up needs.
            pollEnv = env = new PollEnv("roundup", roundupResponses, roundupResponses);
            onExit(env);
            env.createSeries(MAIN_SERIES);
            env.register(roundupResponses);
            log(env.cycle("setup: first cycle").describe());
        }
        env.createSeries("roundup");
        // Their posts are stored already: registration matches them.
        env.register("roundup", env.urls.subList(0, Math.min(roundupResponses, env.n)));
        long responses = scalar(env.jdbc, """
                SELECT count(*) FROM response r JOIN assignment a ON a.id = r.assignment_id JOIN series s ON s.id = a.series_id
                WHERE s.slug = 'roundup' AND a.number = 1""");
        log("assignment roundup/1 has " + responses + " responses");
        String roundupJson = "/api/series/roundup/assignments/1/roundup";
        String page = "/series/roundup/1";
        String trivial = "/api/series/roundup";
        HttpResponse<String> json = env.service.get(roundupJson);
        int count = ServiceProcess.JSON.readTree(json.body()).path("count").asInt(-1);
        log("round-up JSON: " + json.body().length() + " bytes, count " + count);
        int pageStatus = env.service.get(page).statusCode();
        Wrk wrk = new Wrk(wrkThreads, wrkConnections, wrkSeconds);
        settle("wrk on the trivial endpoint");
        Wrk.Result triv = wrk.run(env.service.base() + trivial);
        settle("wrk on the round-up JSON");
        Wrk.Result rj = wrk.run(env.service.base() + roundupJson);
        rows.add(new Row(
                "roundup",
                "round-up JSON, " + responses + " responses: req/s",
                f1(rj.rps()),
                f1(triv.rps()) + " (GET " + trivial + ")",
                ratio(rj.rps(), triv.rps()),
                "ratio ≥ " + ROUNDUP_RATIO,
                met(rj.errors() == 0 && rj.rps() / triv.rps() >= ROUNDUP_RATIO)));
        rows.add(new Row(
                "roundup",
                "  round-up JSON latency p50 / p99 (ms)",
                f1(rj.p50()) + " / " + f1(rj.p99()),
                f1(triv.p50()) + " / " + f1(triv.p99()),
                "",
                "p99 < 50 ms",
                met(rj.p99() < 50)));
        notes.add(String.format(
                Locale.ROOT,
                "roundup JSON: %s; trivial endpoint %s: %s; round-up document %d bytes, count %d.",
                rj,
                trivial,
                triv,
                json.body().length(),
                count));
        if (pageStatus == 404) {
            rows.add(new Row(
                    "roundup",
                    "round-up page " + page,
                    "not measured: 404 (page not in this build)",
                    "",
                    "",
                    "",
                    "n/a"));
            notes.add("roundup page: GET " + page
                    + " answered 404 in this build; the harness measures it when it answers 200.");
        } else {
            settle("wrk on the round-up page");
            Wrk.Result rp = wrk.run(env.service.base() + page);
            rows.add(new Row(
                    "roundup",
                    "round-up page (HTML): req/s",
                    f1(rp.rps()),
                    f1(triv.rps()) + " (GET " + trivial + ")",
                    ratio(rp.rps(), triv.rps()),
                    "ratio ≥ " + ROUNDUP_RATIO,
                    met(pageStatus == 200 && rp.errors() == 0 && rp.rps() / triv.rps() >= ROUNDUP_RATIO)));
            rows.add(new Row(
                    "roundup",
                    "  round-up page latency p50 / p99 (ms)",
                    f1(rp.p50()) + " / " + f1(rp.p99()),
                    f1(triv.p50()) + " / " + f1(triv.p99()),
                    "",
                    "p99 < 50 ms",
                    met(rp.p99() < 50)));
            notes.add(String.format(Locale.ROOT, "roundup page (status %d): %s.", pageStatus, rp));
        }
    }

    void scale() throws Exception {
        Path dir = work.resolve("scale");
        EmbeddedDatabase db = EmbeddedDatabase.start(dir.resolve("pg"));
        onExit(db);
        // Scheduler off: this scenario measures the API at size; the bulk-inserted feeds are never fetched.
        ServiceProcess service = ServiceProcess.start(
                jar,
                dir.resolve("service"),
                db.jdbcUrl(),
                Map.of("CARNIVAL_POLL_SCHEDULER_ENABLED", "false"),
                serviceJavaOpts);
        Connection c = DriverManager.getConnection(db.jdbcUrl());
        onExit(c);
        JsonNode s = service.postOk(
                "/api/series",
                Map.of(
                        "slug",
                        "scale",
                        "title",
                        "Scale",
                        "hashtag",
                        FeedFiles.HASHTAG,
                        "homeUrl",
                        "https://host.example.org/"),
                null);
        String invitation = "https://host.example.org/2024/06/invitation-carnivalbench-1/";
        service.postOk(
                "/api/series/scale/assignments",
                assignmentBody(invitation),
                s.get("hostToken").asText());
        long seriesId = scalar(c, "SELECT id FROM series WHERE slug = 'scale'");
        long assignmentId = scalar(c, "SELECT a.id FROM assignment a WHERE a.series_id = " + seriesId);

        long t = System.nanoTime();
        bulkFeeds(c, seriesId, 1, roundupResponses);
        try (Statement st = c.createStatement()) {
            st.executeUpdate(String.format("""
                    INSERT INTO post (feed_id, guid, url, title, author, published_at, categories, text, links, content_hash, first_seen_at)
                    SELECT f.id, f.url || '?p=answer', f.url || 'answer/', 'My answer to #%1$s', 'Author', timestamptz '%2$s' - interval '1 day',
                           ARRAY['%1$s', 'Community'], 'My answer to the invitation. #%1$s' || repeat(' ' || md5(f.url) || ' lorem ipsum dolor sit amet', 10),
                           ARRAY['%3$s'], sha256(convert_to(f.url || 'answer', 'UTF8')), now()
                    FROM feed f WHERE f.url LIKE 'https://scale.example.net/%%'""", FeedFiles.HASHTAG, base, invitation));
            st.executeUpdate("""
                    INSERT INTO response (assignment_id, post_id, participant_id, by_link, by_tag, late, state, matched_at)
                    SELECT %d, p.id, pa.id, true, true, false, 'AUTO', now()
                    FROM post p JOIN participant pa ON pa.feed_id = p.feed_id AND pa.series_id = %d
                    WHERE p.guid LIKE '%%?p=answer'""".formatted(assignmentId, seriesId));
            st.execute("ANALYZE");
        }
        log(String.format(
                "scale: small database (%d participants, %d posts, %d responses) made in %.1f s",
                roundupResponses,
                scalar(c, "SELECT count(*) FROM post"),
                scalar(c, "SELECT count(*) FROM response"),
                (System.nanoTime() - t) / 1e9));
        String roundup = "/api/series/scale/assignments/1/roundup";
        double[][] small = measureApi(service, roundup, "small");

        t = System.nanoTime();
        bulkFeeds(c, seriesId, roundupResponses + 1, scaleParticipants);
        long feedsTotal = scalar(c, "SELECT count(*) FROM feed WHERE url LIKE 'https://scale.example.net/%'");
        int perFeed = (int)
                Math.max(1, Math.ceil((scalePosts - scalar(c, "SELECT count(*) FROM post")) / (double) feedsTotal));
        long minId = scalar(c, "SELECT min(id) FROM feed WHERE url LIKE 'https://scale.example.net/%'");
        long maxId = scalar(c, "SELECT max(id) FROM feed WHERE url LIKE 'https://scale.example.net/%'");
        for (long from = minId; from <= maxId; from += 1000) {
            try (Statement st = c.createStatement()) {
                st.executeUpdate(String.format(Locale.ROOT, """
                        INSERT INTO post (feed_id, guid, url, title, author, published_at, categories, text, links, content_hash, first_seen_at)
                        SELECT f.id, f.url || '?p=' || g, f.url || 'post-' || g || '/', 'Post ' || g || ' on blog ' || f.id, 'Author',
                               timestamptz '%s' - g * interval '6 hours', ARRAY['Databases', 'Community'],
                               repeat(md5(f.url || g) || ' lorem ipsum dolor sit amet, consectetur adipiscing elit ', 8),
                               ARRAY['https://other.example.net/' || (g %% 97) || '/'], sha256(convert_to(f.url || g, 'UTF8')), now()
                        FROM feed f CROSS JOIN generate_series(1, %d) g
                        WHERE f.url LIKE 'https://scale.example.net/%%' AND f.id BETWEEN %d AND %d""", base, perFeed, from, from + 999));
            }
        }
        try (Statement st = c.createStatement()) {
            st.execute("VACUUM ANALYZE");
        }
        long participants = scalar(c, "SELECT count(*) FROM participant");
        long posts = scalar(c, "SELECT count(*) FROM post");
        log(String.format(
                "scale: large database (%d participants, %d posts) made in %.1f s by SQL",
                participants, posts, (System.nanoTime() - t) / 1e9));
        double[][] large = measureApi(service, roundup, "large");
        String size = String.format(Locale.ROOT, "%,d participants, %,d posts", participants, posts);
        rows.add(new Row(
                "scale",
                "round-up JSON latency at " + size + ": p50 / p99 (ms)",
                f1(pct(large[0], 50)) + " / " + f1(pct(large[0], 99)),
                f1(pct(small[0], 50)) + " / " + f1(pct(small[0], 99)) + " (" + roundupResponses + " participants)",
                ratio(pct(large[0], 50), pct(small[0], 50)) + " / " + ratio(pct(large[0], 99), pct(small[0], 99)),
                "≤ 2×",
                met(pct(large[0], 50) <= 2 * pct(small[0], 50) && pct(large[0], 99) <= 2 * pct(small[0], 99))));
        rows.add(new Row(
                "scale",
                "registration latency at that size: p50 / p99 (ms)",
                f1(pct(large[1], 50)) + " / " + f1(pct(large[1], 99)),
                f1(pct(small[1], 50)) + " / " + f1(pct(small[1], 99)),
                ratio(pct(large[1], 50), pct(small[1], 50)) + " / " + ratio(pct(large[1], 99), pct(small[1], 99)),
                "≤ 2×",
                met(pct(large[1], 50) <= 2 * pct(small[1], 50) && pct(large[1], 99) <= 2 * pct(small[1], 99))));
        notes.add(String.format(
                Locale.ROOT,
                "scale: %s (participants, feeds, posts and the %d responses inserted by SQL; "
                        + "posts ~0.6 KB of HTML each). Round-up: %d sequential GETs after 50 warm-up; registration: %d sequential POSTs of new feeds after 10 warm-up.",
                size,
                roundupResponses,
                ROUNDUP_SAMPLES,
                REGISTER_SAMPLES));
        service.close();
        c.close();
        db.close();
    }

    static final int ROUNDUP_SAMPLES = 300;
    static final int REGISTER_SAMPLES = 100;
    private int registrations;

    /** {roundup ms[], registration ms[]}, sequential requests. */
    double[][] measureApi(ServiceProcess service, String roundup, String label) throws Exception {
        for (int i = 0; i < 50; i++) {
            service.get(roundup);
        }
        double[] r = new double[ROUNDUP_SAMPLES];
        for (int i = 0; i < r.length; i++) {
            long t = System.nanoTime();
            HttpResponse<String> resp = service.get(roundup);
            r[i] = (System.nanoTime() - t) / 1e6;
            if (resp.statusCode() != 200) {
                throw new IllegalStateException("round-up answered " + resp.statusCode());
            }
        }
        for (int i = 0; i < 10; i++) {
            register(service, registrations++);
        }
        double[] g = new double[REGISTER_SAMPLES];
        for (int i = 0; i < g.length; i++) {
            long t = System.nanoTime();
            register(service, registrations++);
            g[i] = (System.nanoTime() - t) / 1e6;
        }
        log(String.format(
                Locale.ROOT,
                "scale %s: round-up p50 %.2f ms p99 %.2f ms; registration p50 %.2f ms p99 %.2f ms",
                label,
                pct(r, 50),
                pct(r, 99),
                pct(g, 50),
                pct(g, 99)));
        return new double[][] {r, g};
    }

    /**
     * Registration checks the feed URL on the network; a closed local port answers at once, so the
     * latency measured is the service's and the database's, not a DNS lookup that cannot succeed here.
     */
    private static void register(ServiceProcess service, int i) throws Exception {
        service.postOk(
                "/api/series/scale/participants",
                Map.of(
                        "name",
                        "Newcomer " + i,
                        "blogUrl",
                        "http://127.0.0.1:9/new" + i + "/",
                        "feedUrl",
                        "http://127.0.0.1:9/new" + i + "/feed/"),
                null);
    }

    /**
     * Feed rows for these URLs that are never due, until a cycle makes them due. The database adds a feed's
     * schedule row once the feed row is in, so the rows this insert added are scheduled by a second statement.
     */
    static void insertNeverDue(Connection c, List<String> feedUrls) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO feed (url) SELECT unnest(?::text[]) ON CONFLICT (url) DO NOTHING RETURNING id")) {
            ps.setArray(1, c.createArrayOf("text", feedUrls.toArray()));
            neverDue(c, ps, "");
        }
    }

    /** Makes the feeds the insert {@code ps} returns never due, setting {@code alsoSet} ({@code ", col = …"}) too. */
    private static void neverDue(Connection c, PreparedStatement insert, String alsoSet) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (ResultSet rs = insert.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE feed_schedule SET next_poll_at = 'infinity'" + alsoSet + " WHERE feed_id = ANY (?)")) {
            ps.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            ps.executeUpdate();
        }
    }

    /** Feeds and participants numbered from..to, by SQL (feeds never due). */
    private static void bulkFeeds(Connection c, long seriesId, int from, int to) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO feed (url, title, last_status, etag)
                SELECT 'https://scale.example.net/' || g || '/feed/', 'Blog ' || g, 200, '"' || md5(g::text) || '"'
                FROM generate_series(?, ?) g ORDER BY g RETURNING id""")) {
            insert.setInt(1, from);
            insert.setInt(2, to);
            neverDue(c, insert, ", last_polled_at = now()");
        }
        try (Statement st = c.createStatement()) {
            st.executeUpdate(String.format("""
                    INSERT INTO participant (series_id, feed_id, name, blog_url, token_hash)
                    SELECT %d, f.id, 'Blogger ' || f.id, replace(f.url, 'feed/', ''), sha256(convert_to(f.url, 'UTF8'))
                    FROM feed f WHERE f.url LIKE 'https://scale.example.net/%%'
                      AND NOT EXISTS (SELECT 1 FROM participant p WHERE p.feed_id = f.id)""", seriesId));
        }
    }

    void memory() throws Exception {
        if (pollEnv != null) {
            pollEnv.close(); // one service at a time
            pollEnv = null;
        }
        PollEnv env = new PollEnv("memory", memoryFeeds, Math.min(feeds, memoryFeeds));
        onExit(env);
        long pid = env.service.pid();
        try (Proc.RssSampler sampler = new Proc.RssSampler(pid)) {
            long afterStart = Proc.statusKb(pid, "VmRSS");
            env.createSeries(MAIN_SERIES);
            env.register(env.n);
            long afterRegister = Proc.statusKb(pid, "VmRSS");
            Cycle c = env.cycle("memory: first cycle of " + env.n + " feeds");
            log(c.describe());
            long hwm = Proc.statusKb(pid, "VmHWM");
            long peak = Math.max(hwm, sampler.peakKb.get());
            long posts = scalar(env.jdbc, "SELECT count(*) FROM post");
            rows.add(new Row(
                    "memory",
                    "peak RSS while polling " + String.format(Locale.ROOT, "%,d", env.n) + " feeds (MB)",
                    String.valueOf(peak / 1024),
                    "CommaFeed 1,434–1,894 (1.4–1.85 GiB)",
                    "",
                    "< 512 MB",
                    met(peak < 512 * 1024 && c.errors == 0)));
            rows.add(new Row(
                    "memory",
                    "  (info) that cycle: feeds/s, posts stored",
                    f1(c.rate()) + ", " + posts,
                    "",
                    "",
                    "",
                    ""));
            notes.add(String.format(
                    Locale.ROOT,
                    "memory: RSS %d MB after start, %d MB after registering %d feeds through the API, VmHWM %d MB, sampled peak %d MB "
                            + "(sampled every 100 ms from /proc/%s/status). Service JVM options: %s. %s; %d posts stored.",
                    afterStart / 1024,
                    afterRegister / 1024,
                    env.n,
                    hwm / 1024,
                    sampler.peakKb.get() / 1024,
                    pid,
                    serviceJavaOpts.isEmpty() ? "none (JVM defaults)" : String.join(" ", serviceJavaOpts),
                    c.describe(),
                    posts));
        }
        env.close();
    }

    void intake() throws Exception {
        if (pollEnv != null) {
            pollEnv.close(); // one service at a time
            pollEnv = null;
        }
        new IntakeScenario(this).run();
    }

    void push() throws Exception {
        if (pollEnv != null) {
            pollEnv.close(); // one service at a time
            pollEnv = null;
        }
        new PushScenario(this).run();
    }

    void addCycleRow(String scenario, String metric, Cycle c, String reference, String ratio, double target) {
        rows.add(new Row(
                scenario,
                metric,
                f1(c.rate()),
                reference,
                ratio == null ? "" : ratio,
                "≥ " + String.format(Locale.ROOT, "%,.0f", target) + " feeds/s",
                met(c.errors == 0 && c.rate() >= target)));
    }

    // =============================================================================================
    // Output
    // =============================================================================================

    void printTable(String scenario, List<Row> scenarioRows) {
        System.out.println();
        System.out.println("---- " + scenario + " ----");
        System.out.println(markdownTable(scenarioRows));
    }

    String markdownTable(List<Row> list) {
        StringBuilder sb =
                new StringBuilder("| scenario | metric | Carnival | baseline / reference | ratio | target | met? |\n");
        sb.append("|---|---|---|---|---|---|---|\n");
        for (Row r : list) {
            sb.append("| ")
                    .append(String.join(" | ", r.scenario, r.metric, r.carnival, r.baseline, r.ratio, r.target, r.met))
                    .append(" |\n");
        }
        return sb.toString();
    }

    void writeResults(String args) throws IOException {
        StringBuilder sb = new StringBuilder("# Carnival benchmark results\n\n");
        sb.append("Written by `bench/run.sh")
                .append(args.isBlank() ? "" : " " + args)
                .append("` on ")
                .append(ZonedDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS))
                .append(" (scenarios run: ")
                .append(String.join(", ", ran))
                .append("). See README.md, section Benchmarks.\n\n");
        sb.append("- Machine: ")
                .append(Runtime.getRuntime().availableProcessors())
                .append(" cores (")
                .append(cpuModel())
                .append("), ")
                .append(memTotal())
                .append(" RAM; ")
                .append(System.getProperty("java.vm.name"))
                .append(' ')
                .append(System.getProperty("java.runtime.version"))
                .append("; Linux ")
                .append(System.getProperty("os.version"))
                .append(". The cores are shared with the load generator, ")
                .append("nginx and PostgreSQL, and with other work on the machine: ")
                .append(String.format(Locale.ROOT, "%.0f%%", backgroundBusy))
                .append(" of the machine's CPU was busy in the 3 s before the benchmark started (from /proc/stat).\n");
        String git = System.getenv("BENCH_GIT");
        if (git != null && !git.isBlank()) {
            sb.append("- Code: ").append(git).append('\n');
        }
        sb.append("- Feeds served by: nginx ")
                .append(Nginx.version())
                .append(" (Debian package), static files, ")
                .append(nginxWorkers)
                .append(" workers, `etag on` (ETag/Last-Modified/304 from nginx), no gzip, listening on ")
                .append(hosts)
                .append(" loopback addresses (127.0.0.2–127.0.0.")
                .append(1 + hosts)
                .append(") so that feeds are spread over ")
                .append(hosts)
                .append(" hosts.\n");
        sb.append("- Feeds: WordPress-style RSS 2.0, ")
                .append(FeedFiles.ITEMS)
                .append(
                        " items with content:encoded HTML (≈ 95 KB each), generated by `app.carnival.bench.FeedFiles`.\n");
        sb.append("- Settings: ")
                .append(feeds)
                .append(" feeds (BENCH_FEEDS), memory scenario ")
                .append(memoryFeeds)
                .append(" feeds, poll parallelism ")
                .append(parallelism)
                .append(" for the service and the baseline, ")
                .append("per-host parallelism 2 (default), scheduler tick 200ms, poll interval 24h; round-up with ")
                .append(roundupResponses)
                .append(" responses, wrk -t")
                .append(wrkThreads)
                .append(" -c")
                .append(wrkConnections)
                .append(" -d")
                .append(wrkSeconds)
                .append("s. Service JVM options: ")
                .append(
                        serviceJavaOpts.isEmpty()
                                ? "none (JVM defaults)"
                                : "`" + String.join(" ", serviceJavaOpts) + "`")
                .append("; ")
                .append(new IntakeScenario(this).settings())
                .append(". PostgreSQL 17 from the embedded (zonky) binaries, default zonky settings.\n\n");
        sb.append(markdownTable(rows)).append('\n');
        sb.append("## How each figure is measured\n\n");
        sb.append("""
                - **Cycles** (first, changed, notmodified, mixed, memory): the harness sets `next_poll_at = now() + 0.5 s` on every
                  feed by SQL (more than one 200 ms tick ahead, so the scheduler learns of it as of a feed falling due on its
                  own) and waits until every feed has `last_polled_at` after that moment; feeds/s = feeds / (last
                  `last_polled_at` − the moment they fell due). Any wait for the scheduler to wake is included; the notes also
                  give the rate from the first to the last completion. A cycle with feed errors is not valid. Until
                  2026-12-03 the feeds were made due at `now()` and the scheduler woke only at its next tick, so earlier
                  runs include a wait of up to 200 ms.
                - **Warm-up before first and changed**: the service polls 300 other blogs per warm-up cycle (a series and
                  feed files of their own for each cycle, rates in the notes), the loop passes over 300 of the URLs, each
                  side at least twice and until a pass takes no less than 95% of the CPU of the pass before with its JIT compilers at no more than a quarter of it (at most eight),
                  so that both JITs have compiled the parser, extraction and storage. Without warm-up, the measured cycle was
                  the JVM's first run of Xerces, ROME and jsoup. Until 2026-12-04 each side had one warm-up pass: the
                  service's compilers then took 5.1 s of the warm-up cycle's 14.5 s of CPU and were still busy during the
                  measured cycle (JFR: `String.encodeUTF8_UTF16`, binding a post text with a non-Latin-1 character,
                  interpreted through the whole cycle, 18% of the pollers' samples), and the loop's three measured passes
                  ranged from 51 to 117 feeds/s. In the first run with more passes (2026-12-03 23:47) the service's
                  warm-up cycles fell from 14.5 s of CPU to 4.2 s and the loop's passes from 26.7 s to 8.6 s, over six.
                - **notmodified at steady state**: a service cycle and a pass of the conditional-GET loop take turns, so that a
                  drift of the machine's speed during the scenario reaches both alike. Unreported pairs run until neither
                  side's JIT compiler threads used 0.05 s of CPU in the last pair (at least twenty pairs, at most a hundred):
                  in a JFR of one run, C2 was still compiling the HttpClient chain and `FeedPoller.poll` during the 21st to
                  27th cycles. Then seven measured pairs; the medians are compared, and the notes give the CPU per feed of
                  the service, PostgreSQL and the loop. Until the evening of 2026-12-03 twenty unreported and five measured
                  service cycles ran first, then as many loop passes; until 2026-12-03 one cycle after one warm-up cycle was
                  compared with one pass after one warm-up pass.
                - **Setup**: participants are registered through the API (16 at a time); their feed rows are created by SQL a
                  moment before with `next_poll_at = infinity`, so nothing is polled before the harness starts the cycle.
                - **Baselines** run in the harness process against the same URLs with the same number of threads, Apache
                  HttpClient 5: first and changed = fresh GET + ROME `SyndFeedInput.build(XmlReader)`, ROME as shipped (Carnival's
                  `rome.properties` hidden from it; from f8b0f4c to d01c7d3 the loop read it too), one warm-up pass, then
                  the median of three passes (one pass ranged from 89 to 252 feeds/s between runs of the same code; until
                  2026-12-03 a single pass); notmodified = GET with the ETag/Last-Modified of the last fetch (all 304). No
                  database.
                - **roundup**: a second series whose assignment gets its responses from already stored posts at registration;
                  `wrk` against the round-up JSON, the round-up page (when the service has it) and a trivial endpoint of the
                  app (`GET /api/series/{slug}`: one row, small JSON), each after nothing else runs; ratio = req/s ÷ trivial req/s
                  (target 0.5 until 2026-12-04, then issue 12's 0.8).
                - **Settling**: before the first and the changed cycle, each measured pass of the GET+ROME loop and each `wrk`
                  run, the harness waits until the machine is quiet (under 15% of its CPU busy over half a second, at most
                  30 s; the log says how long). Until 2026-12-04 each step followed the one before at once, and what that
                  one left running (PostgreSQL's autovacuum and checkpoint after 100,000 new posts, for one) slowed the
                  next: the loop's passes right after the first cycle went at 71.5, 66.7 and 116.8 feeds/s in one run,
                  and at 188.5 after the changed cycle, the same work.
                - **scale**: scheduler off; data bulk-inserted by SQL (`generate_series`); sequential requests from one client.
                - **memory**: a fresh service; 10,000 feed URLs (symlinks to the distinct feed files, so each URL is a real
                  feed with its own ETag), registered via the API, then one cycle; peak = max(VmHWM, sampled VmRSS).
                - **intake**: blogs as static files under nginx (WordPress-style post pages of ≈ 18 KB whose `.entry-content`
                  links to the invitation, with `article:published_time` in the window and the blog's RSS feed announced);
                  one assignment; the harness POSTs one Webmention per page (form-encoded, several in flight), waits by SQL
                  until no mention is queued, then reads every status resource `GET /webmention/{id}`: end to end per s =
                  Webmentions ÷ (last `updatedAt` − the moment of the first POST). (a) the blogs were registered through the
                  API before; (b) unknown blogs, each verification also discovers the blog's feed (one more fetch and parse)
                  and creates a discovered participant. All feed rows exist beforehand with `next_poll_at = infinity`, so the
                  poller stays out. A warm-up of registered blogs' Webmentions runs first (not reported). Baseline: GET + `Jsoup.parse`
                  of the same pages with the worker's parallelism, one warm-up pass first.
                - CommaFeed figures are the ones quoted in issue 5 (measured on this machine against 2,000 such feeds).

                ## Notes from this run

                """);
        for (String n : notes) {
            sb.append("- ").append(n.replace("\n", " ")).append('\n');
        }
        Files.createDirectories(resultsFile.getParent());
        Files.writeString(resultsFile, sb.toString());
    }

    // =============================================================================================
    // Helpers
    // =============================================================================================

    static long scalar(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static double pct(double[] values, double p) {
        double[] v = values.clone();
        Arrays.sort(v);
        int i = (int) Math.ceil(p / 100.0 * v.length) - 1;
        return v[Math.max(0, Math.min(v.length - 1, i))];
    }

    static String f1(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, v >= 1000 ? "%,.0f" : "%.1f", v);
    }

    static String ratio(double a, double b) {
        return b > 0 ? String.format(Locale.ROOT, "%.2f", a / b) : "n/a";
    }

    static String met(boolean ok) {
        return ok ? "yes" : "**no**";
    }

    static int intEnv(String name, int def) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? def : Integer.parseInt(v.trim().replace("_", ""));
    }

    static void log(String s) {
        System.out.println("[bench " + java.time.LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + "] " + s);
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name"))
                    .findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }

    private static String memTotal() {
        long kb = Proc.statusKbFile("/proc/meminfo", "MemTotal");
        return String.format(Locale.ROOT, "%.1f GiB", kb / 1024.0 / 1024.0);
    }
}
