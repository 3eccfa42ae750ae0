package app.carnival.intake;

import app.carnival.background.DaemonPool;
import app.carnival.background.Ticker;
import app.carnival.config.CarnivalConfig;
import app.carnival.intake.store.ClaimedMention;
import app.carnival.intake.store.MentionQueue;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import org.jboss.logging.Logger;

/**
 * Works through the verification queue: claims due candidates batch after batch (any instance may),
 * verifies each in parallel ({@link SourceCheck}, no transaction) and records each verdict in its own
 * short transaction ({@link MentionRecorder}).
 */
@ApplicationScoped
public class MentionWorker {

    private static final Logger LOG = Logger.getLogger(MentionWorker.class);

    private final MentionQueue queue;
    private final SourceCheck check;
    private final MentionRecorder recorder;
    private final CarnivalConfig.Intake config;
    private final InstantSource clock;
    private final ExecutorService pool;
    private Ticker ticker;

    public MentionWorker(
            MentionQueue queue,
            SourceCheck check,
            MentionRecorder recorder,
            CarnivalConfig config,
            InstantSource clock) {
        this.queue = queue;
        this.check = check;
        this.recorder = recorder;
        this.config = config.intake();
        this.clock = clock;
        this.pool = DaemonPool.of("intake-verifier", this.config.parallelism());
    }

    void start(@Observes StartupEvent started) {
        if (config.workerEnabled()) {
            ticker = Ticker.surviving("intake-tick", config.tick(), "Intake cycle", this::drain);
        }
    }

    void stop(@Observes ShutdownEvent stopping) {
        Ticker.stop(ticker);
        pool.shutdownNow();
    }

    /**
     * Verifies every due candidate and returns how many were verified. Claims keep the pool busy:
     * more are claimed as soon as a quarter of the batch has finished, not once the slowest of a
     * batch has (a source that times out would hold up every other).
     */
    public int drain() {
        int done = 0;
        int refill = Math.max(1, config.batchSize() / 4);
        List<CompletableFuture<Void>> running = new ArrayList<>();
        while (true) {
            running.removeIf(CompletableFuture::isDone);
            int room = config.batchSize() - running.size();
            List<ClaimedMention> claimed = room >= refill || running.isEmpty()
                    ? queue.claimDue(clock.instant(), config.lease(), room)
                    : List.of();
            for (ClaimedMention m : claimed) {
                running.add(CompletableFuture.runAsync(() -> verify(m), pool));
            }
            done += claimed.size();
            if (running.isEmpty()) {
                return done;
            }
            CompletableFuture.anyOf(running.toArray(CompletableFuture[]::new)).join();
        }
    }

    /** One candidate: never throws; a failure leaves it claimed until its lease ends, then it is tried again. */
    private void verify(ClaimedMention m) {
        try {
            SourceVerdict verdict = check.check(m.assignmentId(), m.sourceUrl(), m.foundBy());
            recorder.record(m.id(), m.channel(), m.attempts(), verdict);
        } catch (RuntimeException e) {
            LOG.warnf("Verifying %s failed: %s", m.sourceUrl(), e.toString());
        }
    }
}
