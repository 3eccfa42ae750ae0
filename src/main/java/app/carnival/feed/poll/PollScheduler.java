package app.carnival.feed.poll;

import app.carnival.background.Ticker;
import app.carnival.config.CarnivalConfig;
import app.carnival.feed.store.ClaimedFeed;
import app.carnival.feed.store.FeedClaimer;
import app.carnival.feed.store.FeedState;
import app.carnival.feed.store.FeedStateWriter;
import app.carnival.metrics.CarnivalMetrics;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * Runs polls: the background loop over due feeds, and poll-now requests. Fetches run on a bounded
 * pool, at most a few per host at once.
 */
@ApplicationScoped
public class PollScheduler {

    private static final Logger LOG = Logger.getLogger(PollScheduler.class);

    private final FeedClaimer claimer;
    private final FeedPoller poller;
    private final FeedStateWriter states;
    private final InstantSource clock;
    private final CarnivalConfig.Poll config;
    private final ExecutorService pool;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "feed-state-writer");
        t.setDaemon(true);
        return t;
    });
    private final Queue<CompletableFuture<?>> writes = new ConcurrentLinkedQueue<>();
    private final CarnivalMetrics metrics;
    private Ticker ticker;
    /** When the running scheduler last finished a batch or a tick; null while it does not run here. */
    private volatile Instant lastProgress;

    public PollScheduler(
            FeedClaimer claimer,
            FeedPoller poller,
            FeedStateWriter states,
            InstantSource clock,
            CarnivalConfig config,
            CarnivalMetrics metrics) {
        this.claimer = claimer;
        this.metrics = metrics;
        this.poller = poller;
        this.states = states;
        this.clock = clock;
        this.config = config.poll();
        this.pool = Executors.newFixedThreadPool(this.config.parallelism(), r -> {
            Thread t = new Thread(r, "feed-poller");
            t.setDaemon(true);
            return t;
        });
    }

    /** Counts polls from zero, and starts the background loop when the scheduler is enabled (tests poll on demand). */
    void start(@Observes StartupEvent started) {
        metrics.expectPolls(PollResult.counted());
        if (config.schedulerEnabled()) {
            lastProgress = clock.instant();
            ticker = Ticker.waking("poll-tick", config.tick(), this::tick);
        }
    }

    /** Polls what is due; returns how long to wait for the next run. */
    private Duration tick() {
        try {
            Instant started = clock.instant();
            pollDue();
            progressed();
            return untilNextPoll(started);
        } catch (RuntimeException e) {
            // Database down, typically: the next tick tries again.
            LOG.warnf("Poll cycle failed: %s", e.getMessage());
            return config.tick();
        }
    }

    /**
     * How long until the next feed falls due, or a tick when none does before: a feed is polled when it
     * falls due, not up to a tick later.
     *
     * @param polledFrom when the poll that just ended started: a feed that fell due after that and was not
     *     claimed (it fell due between a claim and this look) gives a wait of zero or less
     */
    public Duration untilNextPoll(Instant polledFrom) {
        Instant now = clock.instant();
        return claimer.nextDue(polledFrom, now.plus(config.tick()))
                .map(due -> Duration.between(now, due))
                .orElse(config.tick());
    }

    private void progressed() {
        if (ticker != null) {
            lastProgress = clock.instant();
        }
    }

    /** When the background scheduler last finished a batch or a tick; empty when it does not run on this instance. */
    public Optional<Instant> lastProgress() {
        return Optional.ofNullable(lastProgress);
    }

    /**
     * Claims and polls due feeds, batch after batch, until none is due. The next batch is claimed and
     * queued while the previous one finishes, so the pool does not idle on a batch's slowest feeds. The
     * batches grow ({@link ClaimSizes}): fetching starts after a claim the size of the pool, not of a batch.
     */
    public List<PollOutcome> pollDue() {
        List<PollOutcome> all = new ArrayList<>();
        ClaimSizes sizes = new ClaimSizes(config.parallelism(), config.batchSize());
        Running previous = null;
        List<ClaimedFeed> batch;
        int limit;
        do {
            limit = sizes.next();
            Instant claimedAt = clock.instant();
            batch = claimer.claimDue(claimedAt, config.lease(), limit);
            Running running = start(batch, claimedAt.plus(config.lease()));
            if (previous != null) {
                all.addAll(finish(previous));
                progressed();
            }
            previous = running;
        } while (batch.size() == limit);
        all.addAll(finish(previous));
        progressed();
        awaitWrites();
        return all;
    }

    /** Polls the given feeds now, skipping any that another poll holds. */
    public List<PollOutcome> pollNow(Collection<Long> feedIds) {
        List<ClaimedFeed> claimed = new ArrayList<>();
        List<PollOutcome> busy = new ArrayList<>();
        Instant leasedUntil = clock.instant().plus(config.lease()); // the earliest of the claims' ends
        for (long id : feedIds) {
            Optional<ClaimedFeed> got = claimer.claim(id, clock.instant(), config.lease());
            if (got.isPresent()) {
                claimed.add(got.get());
            } else {
                busy.add(PollOutcome.busy(id));
            }
        }
        List<PollOutcome> outcomes = new ArrayList<>(finish(start(claimed, leasedUntil)));
        awaitWrites();
        outcomes.addAll(busy);
        return outcomes;
    }

    /** Polls under way, in the order of their feeds. */
    private record Running(List<ClaimedFeed> feeds, List<CompletableFuture<FeedPoller.Polled>> polls) {}

    /** Polls in parallel; {@link #finish} waits for them. */
    private Running start(List<ClaimedFeed> feeds, Instant leasedUntil) {
        return new Running(
                feeds,
                feeds.stream()
                        .map(feed -> CompletableFuture.supplyAsync(() -> pollWithin(feed, leasedUntil), pool))
                        .toList());
    }

    /**
     * Polls a claimed feed unless its lease ended while it waited for a poller (a batch queues behind the one
     * before): another poll may hold the feed by then, and fetching it too would poll it twice.
     */
    private FeedPoller.Polled pollWithin(ClaimedFeed feed, Instant leasedUntil) {
        if (!clock.instant().isBefore(leasedUntil)) {
            return new FeedPoller.Polled(PollOutcome.busy(feed.id()), null);
        }
        return poller.poll(feed);
    }

    /**
     * Waits for the polls, then records in one batch the states they did not write themselves. The batch
     * is written while the next claim proceeds: its feeds stay leased until it is.
     */
    private List<PollOutcome> finish(Running running) {
        List<FeedPoller.Polled> polled =
                running.polls().stream().map(CompletableFuture::join).toList();
        List<FeedState> pending = polled.stream()
                .map(FeedPoller.Polled::pendingState)
                .filter(Objects::nonNull)
                .toList();
        writes.add(CompletableFuture.runAsync(() -> states.writeBatch(pending), writer));
        for (int i = 0; i < running.feeds().size(); i++) {
            PollOutcome outcome = polled.get(i).outcome();
            if (outcome.result() == PollResult.BUSY) {
                continue; // not polled
            }
            FeedStateChange.of(running.feeds().get(i), outcome).ifPresent(PollScheduler::log);
            metrics.polled(outcome.result().wire());
            metrics.responsesRecorded("feed", outcome.newResponses());
        }
        return polled.stream().map(FeedPoller.Polled::outcome).toList();
    }

    private static void log(FeedStateChange change) {
        if (change.problem()) {
            LOG.warn(change.message());
        } else {
            LOG.info(change.message());
        }
    }

    /** Waits for the state writes still under way, so a finished poll cycle is recorded when it returns. */
    private void awaitWrites() {
        for (CompletableFuture<?> write; (write = writes.poll()) != null; ) {
            try {
                write.join();
            } catch (CompletionException e) {
                // The feeds stay leased and are polled again when the lease ends.
                LOG.warnf("Could not record feed states: %s", e.getCause().getMessage());
            }
        }
    }

    @PreDestroy
    void stop() {
        if (ticker != null) {
            ticker.close();
        }
        pool.shutdownNow();
        writer.shutdownNow();
    }
}
