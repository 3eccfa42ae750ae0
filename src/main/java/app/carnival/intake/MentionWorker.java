package app.carnival.intake;

import app.carnival.background.Ticker;
import app.carnival.config.CarnivalConfig;
import app.carnival.intake.store.ClaimedMention;
import app.carnival.intake.store.MentionQueue;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
        this.pool = Executors.newFixedThreadPool(this.config.parallelism(), r -> {
            Thread t = new Thread(r, "intake-verifier");
            t.setDaemon(true);
            return t;
        });
    }

    void start(@Observes StartupEvent started) {
        if (config.workerEnabled()) {
            ticker = new Ticker("intake-tick", config.tick(), this::tick);
        }
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (ticker != null) {
            ticker.close();
        }
        pool.shutdownNow();
    }

    private void tick() {
        try {
            drain();
        } catch (RuntimeException e) {
            LOG.warnf("Intake cycle failed: %s", e.getMessage());
        }
    }

    /** Verifies every due candidate, batch after batch, and returns how many were verified. */
    public int drain() {
        int done = 0;
        List<ClaimedMention> batch;
        do {
            batch = queue.claimDue(clock.instant(), config.lease(), config.batchSize());
            CompletableFuture.allOf(batch.stream()
                            .map(m -> CompletableFuture.runAsync(() -> verify(m), pool))
                            .toArray(CompletableFuture[]::new))
                    .join();
            done += batch.size();
        } while (batch.size() == config.batchSize());
        return done;
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
