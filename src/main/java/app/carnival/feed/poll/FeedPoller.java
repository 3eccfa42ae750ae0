package app.carnival.feed.poll;

import app.carnival.config.CarnivalConfig;
import app.carnival.feed.parse.EntryPrint;
import app.carnival.feed.parse.FeedParseException;
import app.carnival.feed.parse.FeedParser;
import app.carnival.feed.parse.ParsedEntry;
import app.carnival.feed.parse.ParsedFeed;
import app.carnival.feed.schedule.PollSchedule;
import app.carnival.feed.store.ClaimedFeed;
import app.carnival.feed.store.FeedClaimer;
import app.carnival.feed.store.FeedState;
import app.carnival.feed.store.PostStore;
import app.carnival.fetch.FetchException;
import app.carnival.fetch.FetchResult;
import app.carnival.fetch.HttpFetcher;
import app.carnival.matching.Judge;
import app.carnival.metrics.CarnivalMetrics;
import app.carnival.response.PostPageLinks;
import app.carnival.security.Digests;
import app.carnival.series.AssignmentRepository;
import app.carnival.url.WebUrl;
import app.carnival.websub.rules.Hub;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Polls one claimed feed in stages: fetch (network, no database) → parse, only when the body changed
 * (pure) → read what is stored of its entries and the assignments they may answer (short read) →
 * extract the changed entries' content (pure) → decide (pure) → fetch the pages of summary-only posts
 * that could still match (network, no database) → decide again → record posts, responses and the
 * feed's state, and the WebSub hub the feed announces, in one short transaction shared with the records of other
 * polls that wait at the same time ({@link FeedRecorder}).
 * A body the hub pushes goes through the same stages from the parse on ({@link #pushed}). Feeds that
 * only need their state recorded (304, errors) hand it back to the caller, which writes many at once.
 */
@ApplicationScoped
public class FeedPoller {

    private static final Logger LOG = Logger.getLogger(FeedPoller.class);

    /** The outcome of a poll, and the feed state still to write (null when the poll wrote it itself). */
    public record Polled(PollOutcome outcome, FeedState pendingState) {}

    /** Bodies with more entries than this are mapped whole at every change: their fingerprints would bloat the row. */
    static final int MAX_KNOWN_ENTRIES = 1_000;

    private final HttpFetcher fetcher;
    private final FeedClaimer claimer;
    private final FeedParser parser = new FeedParser();
    private final PostStore posts;
    private final AssignmentRepository assignments;
    private final PostPageLinks pages;
    private final FeedRecorder recorder;
    private final InstantSource clock;
    private final PollSchedule schedule;
    private final HostLimiter hosts;
    private final FeedTargets targets = new FeedTargets();
    private final CarnivalMetrics metrics;
    private final Duration safetyPollInterval;
    private final Semaphore cpu = new Semaphore(Runtime.getRuntime().availableProcessors());

    public FeedPoller(
            HttpFetcher fetcher,
            FeedClaimer claimer,
            PostStore posts,
            AssignmentRepository assignments,
            PostPageLinks pages,
            FeedRecorder recorder,
            InstantSource clock,
            CarnivalConfig config,
            CarnivalMetrics metrics) {
        this.fetcher = fetcher;
        this.claimer = claimer;
        this.metrics = metrics;
        this.posts = posts;
        this.assignments = assignments;
        this.pages = pages;
        this.recorder = recorder;
        this.clock = clock;
        this.schedule = new PollSchedule(config.poll(), new Random());
        this.hosts = new HostLimiter(config.poll().perHostParallelism());
        this.safetyPollInterval = config.websub().safetyPollInterval();
    }

    /** Polls a feed the caller has claimed. Never throws: failures become the feed's recorded state. */
    public Polled poll(ClaimedFeed feed) {
        Integer status = null;
        try {
            FetchResult result;
            WebUrl target = targets.of(feed.url()); // read once, for the host's permits and the fetch
            try (HostLimiter.Permit permit = hosts.acquire(target)) {
                long started = System.nanoTime();
                result = fetcher.fetch(target, HttpFetcher.FEED_ACCEPT, feed.etag(), feed.lastModified());
                metrics.fetched(Duration.ofNanos(System.nanoTime() - started), result.body().length);
            }
            status = result.status();
            if (result.botCheck() != null) {
                String error = "the site answers with a bot check instead of the feed (" + result.botCheck()
                        + "); ask the blog's owner to let feed readers through";
                return pending(
                        PollOutcome.failed(feed.id(), feed.url(), status, error),
                        failed(feed, status, error, result.retryAfter()));
            }
            if (result.notModified()) {
                Instant now = clock.instant();
                return pending(
                        PollOutcome.notModified(feed.id(), feed.url()),
                        new FeedState.NotModified(
                                feed.id(), now, nextAfterSuccess(feed, result, now, null), movedTo(feed, result)));
            }
            if (status == 410) {
                String reason = "paused: the server says the feed is gone for good (HTTP 410)";
                Instant now = clock.instant();
                int errors = feed.errorCount() + 1;
                return pending(
                        PollOutcome.paused(feed.id(), feed.url(), status, reason),
                        new FeedState.Gone(
                                feed.id(), status, errors, reason, now, schedule.afterFailure(now, errors, null)));
            }
            if (!result.ok()) {
                String error = result.statusLine();
                return pending(
                        PollOutcome.failed(feed.id(), feed.url(), status, error),
                        failed(feed, status, error, result.retryAfter()));
            }
            byte[] bodyHash = Digests.sha256(result.body());
            if (Arrays.equals(bodyHash, feed.bodyHash())) {
                // Same bytes as last time from a server without (working) validators: nothing to parse.
                return pending(PollOutcome.notModified(feed.id(), feed.url()), fetched(feed, result, bodyHash, null));
            }
            List<EntryPrint> known = claimer.knownEntries(feed.id());
            return new Polled(
                    parseAndStore(
                            feed,
                            result,
                            () -> parser.parse(result.body(), result.contentType(), result.finalUrl(), known),
                            learnt -> fetched(feed, result, bodyHash, learnt),
                            true),
                    null);
        } catch (FetchException | FeedParseException e) {
            return pending(
                    PollOutcome.failed(feed.id(), feed.url(), status, e.getMessage()),
                    failed(feed, status, e.getMessage(), null));
        } catch (RuntimeException e) {
            LOG.errorf(e, "Polling feed %d (%s) failed", feed.id(), feed.url());
            String error = "internal error while storing the feed; it will be retried";
            return pending(PollOutcome.failed(feed.id(), feed.url(), status, error), failed(feed, status, error, null));
        }
    }

    /**
     * Records a body the feed's WebSub hub pushed to a feed the caller has claimed, through the same
     * parse → extract → decide → record stages as a fetched body. The schedule, validators, body hash and
     * posting rhythm stay as the last poll left them (a push may carry only the newest entries, too few to
     * tell the rhythm); the claim ends when it is recorded.
     *
     * @param pushed the body as received ({@link FetchResult#received})
     * @throws FeedParseException when the body is no feed: nothing is recorded, the claim stays the caller's
     */
    public PollOutcome pushed(ClaimedFeed feed, FetchResult pushed) throws FeedParseException {
        return parseAndStore(
                feed,
                pushed,
                () -> parser.parse(pushed.body(), pushed.contentType(), pushed.finalUrl()),
                learnt -> new FeedState.Pushed(feed.id(), new FeedState.Learnt(learnt.title(), null, null, null)),
                false);
    }

    /**
     * @param parse       the parse: a poll's skips the entries the last poll recorded and fingerprints them all; a
     *     push may carry part of the feed, so it maps whatever it carries and records no fingerprints
     * @param state       the feed's new state, given what the parse learnt of it
     * @param discoverHub whether to look for the feed's WebSub hub: a poll does; a push comes from the hub
     *     subscribed to, and a topic the hub spells its own way must not be taken for a move
     */
    private PollOutcome parseAndStore(
            ClaimedFeed feed,
            FetchResult result,
            CpuBound<ParsedFeed, FeedParseException> parse,
            Function<FeedState.Learnt, FeedState> state,
            boolean discoverHub)
            throws FeedParseException {
        long parsing = System.nanoTime();
        ParsedFeed parsed = onCpu(parse);
        long recording = System.nanoTime();
        metrics.parsed(Duration.ofNanos(recording - parsing));
        Optional<Hub> hub = discoverHub ? Hub.discover(result.finalUrl(), result.links(), parsed) : Optional.empty();
        PollOutcome stored = store(feed, result, parsed, state, hub);
        metrics.recorded(Duration.ofNanos(System.nanoTime() - recording));
        return stored;
    }

    private PollOutcome store(
            ClaimedFeed claimed,
            FetchResult result,
            ParsedFeed parsed,
            Function<FeedState.Learnt, FeedState> state,
            Optional<Hub> hub) {
        Map<String, ParsedEntry> byKey = PostStore.byKey(parsed.entries());
        Read read = read(claimed.id(), byKey);
        // Content extraction (the costly part) runs outside any transaction, on the changed entries only.
        FeedChanges changes =
                new FeedChanges(onCpu(() -> PostStore.prepare(read.changed(), clock.instant())), read.answerable());
        List<Judge.Subject> subjects = new ArrayList<>();
        for (int i = 0; i < changes.changed().size(); i++) {
            PostStore.Prepared p = changes.changed().get(i);
            subjects.add(new Judge.Subject(i, p.facts(), null, !p.isNew()));
        }
        PostPageLinks.Judged judged = pages.judge(changes.answerable().assignments(), subjects);
        Map<String, List<String>> pageLinks = new HashMap<>();
        judged.pageLinks()
                .forEach((i, links) ->
                        pageLinks.put(changes.changed().get(i.intValue()).key(), links));
        Duration rhythm = PollSchedule.postingInterval(parsed.published());
        String title = parsed.title() == null || parsed.title().isBlank()
                ? null
                : parsed.title().substring(0, Math.min(500, parsed.title().length()));
        FeedRecorder.Written written = recorder.record(new FeedRecorder.PollRecord(
                claimed.id(),
                changes,
                judged.judgements(),
                pageLinks,
                state.apply(new FeedState.Learnt(
                        title,
                        rhythm == null ? null : rhythm.toSeconds(),
                        parsed.ttl(),
                        parsed.prints().size() <= MAX_KNOWN_ENTRIES ? parsed.prints() : List.of())),
                hub));
        return new PollOutcome(
                claimed.id(),
                claimed.url(),
                PollResult.UPDATED,
                result.status(),
                parsed.entryCount(),
                written.newPosts(),
                written.updatedPosts(),
                written.newResponses(),
                null);
    }

    private interface CpuBound<T, E extends Exception> {
        T run() throws E;
    }

    /**
     * Runs a stage that only computes (parsing, content extraction) with at most one such stage per core. The
     * pool is sized for waiting on the network; sixteen threads parsing at once on two cores starved the JIT
     * compiler, so a first cycle ran at 58 feeds/s in one run of four, and took 20% more memory (bench first).
     */
    private <T, E extends Exception> T onCpu(CpuBound<T, E> stage) throws E {
        cpu.acquireUninterruptibly();
        try {
            return stage.run();
        } finally {
            cpu.release();
        }
    }

    /** What the read step finds: the entries that changed, and what they may answer. */
    private record Read(List<PostStore.Change> changed, Answerable answerable) {}

    /**
     * The read step: which entries changed since the last poll (by content hash) and, only when some did,
     * the assignments they may answer. Two plain reads, no transaction: each statement sees the committed state
     * anyway, and a transaction's begin and commit cost a round trip and the ORM's session for nothing.
     */
    private Read read(long feedId, Map<String, ParsedEntry> byKey) {
        List<PostStore.Change> changed = PostStore.changes(byKey, posts.stored(feedId, byKey.keySet()));
        if (changed.isEmpty()) {
            return new Read(changed, Answerable.NONE);
        }
        List<AssignmentRepository.FeedAssignment> answerable = assignments.answerableFrom(feedId);
        return new Read(
                changed,
                new Answerable(
                        answerable.stream()
                                .map(AssignmentRepository.FeedAssignment::criteria)
                                .toList(),
                        answerable.stream()
                                .collect(Collectors.toMap(
                                        a -> a.criteria().assignmentId(),
                                        AssignmentRepository.FeedAssignment::participantId))));
    }

    /** @param learnt what this poll parsed of the feed, null when it did not parse it */
    private FeedState fetched(ClaimedFeed feed, FetchResult result, byte[] bodyHash, FeedState.Learnt learnt) {
        Instant now = clock.instant();
        return new FeedState.Fetched(
                feed.id(),
                result.status(),
                now,
                nextAfterSuccess(feed, result, now, learnt),
                new FeedState.Validators(result.etag(), result.lastModified()),
                bodyHash,
                learnt,
                movedTo(feed, result));
    }

    /**
     * @param learnt what this poll parsed of the feed, null to use the stored posting rhythm and ttl (the ttl
     *     is in the body, so a 304 or an unchanged body goes on honouring the one stored)
     */
    private Instant nextAfterSuccess(ClaimedFeed feed, FetchResult result, Instant now, FeedState.Learnt learnt) {
        Duration rhythm = learnt == null || learnt.postingIntervalSeconds() == null
                ? feed.postingInterval()
                : Duration.ofSeconds(learnt.postingIntervalSeconds());
        Duration ttl = learnt == null ? feed.ttl() : learnt.ttl();
        Instant usual =
                schedule.afterSuccess(now, rhythm, feed.openUntil(), PollSchedule.longer(result.serverHint(), ttl));
        return feed.pushedUntil() == null
                ? usual
                : schedule.whilePushed(now, usual, safetyPollInterval, feed.pushedUntil());
    }

    private static String movedTo(ClaimedFeed feed, FetchResult result) {
        String moved = result.permanentUrl();
        return moved != null && !moved.equals(feed.url()) && moved.length() <= 2048 ? moved : null;
    }

    private FeedState failed(ClaimedFeed feed, Integer status, String error, Duration retryAfter) {
        Instant now = clock.instant();
        int errors = feed.errorCount() + 1;
        return new FeedState.Failed(
                feed.id(), status, errors, error, now, schedule.afterFailure(now, errors, retryAfter));
    }

    private static Polled pending(PollOutcome outcome, FeedState state) {
        return new Polled(outcome, state);
    }
}
