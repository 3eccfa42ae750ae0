package app.carnival.announce;

import app.carnival.announce.rules.Delivery;
import app.carnival.announce.rules.Retries;
import app.carnival.announce.store.AnnouncementQueue;
import app.carnival.announce.store.ClaimedAnnouncement;
import app.carnival.background.DaemonPool;
import app.carnival.background.Ticker;
import app.carnival.config.CarnivalConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import org.jboss.logging.Logger;

/**
 * The background job of publishing: publishes the round-ups of auto-publishing series whose grace
 * period is over, queues a Webmention for each response readers see in a published round-up (those
 * added later too), and sends the due ones. Each step is a short statement of its own; every
 * Webmention is sent outside any transaction ({@link WebmentionSender}) and recorded afterwards.
 */
@ApplicationScoped
public class AnnouncementWorker {

    private static final Logger LOG = Logger.getLogger(AnnouncementWorker.class);

    private final AnnouncementQueue queue;
    private final WebmentionSender sender;
    private final CarnivalConfig.Announce config;
    private final String publicUrl;
    private final InstantSource clock;
    private final Retries.Policy policy;
    private final ExecutorService pool;
    private Ticker ticker;

    public AnnouncementWorker(
            AnnouncementQueue queue, WebmentionSender sender, CarnivalConfig config, InstantSource clock) {
        this.queue = queue;
        this.sender = sender;
        this.config = config.announce();
        this.publicUrl = Publishing.base(config);
        this.clock = clock;
        this.policy =
                new Retries.Policy(this.config.maxAttempts(), this.config.backoffBase(), this.config.backoffCap());
        this.pool = DaemonPool.of("webmention-sender", this.config.parallelism());
    }

    void start(@Observes StartupEvent started) {
        if (config.workerEnabled()) {
            ticker = Ticker.surviving("announce-tick", config.tick(), "Publishing cycle", this::run);
        }
    }

    void stop(@Observes ShutdownEvent stopping) {
        Ticker.stop(ticker);
        pool.shutdownNow();
    }

    /** One cycle: publish what is due, queue what is new, send what is due. Returns how many were sent (attempted). */
    public int run() {
        queue.autoPublish(clock.instant());
        queue.enqueueAll(publicUrl, clock.instant());
        return drain();
    }

    /** Sends every due Webmention, batch after batch, and returns how many attempts were made. */
    public int drain() {
        int done = 0;
        while (true) {
            List<ClaimedAnnouncement> claimed = queue.claimDue(clock.instant(), config.lease(), config.batchSize());
            if (claimed.isEmpty()) {
                return done;
            }
            CompletableFuture.allOf(claimed.stream()
                            .map(c -> CompletableFuture.runAsync(() -> send(c), pool))
                            .toArray(CompletableFuture[]::new))
                    .join();
            done += claimed.size();
        }
    }

    /** One Webmention: never throws; a failure leaves it claimed until its lease ends, then it is tried again. */
    void send(ClaimedAnnouncement c) {
        try {
            Delivery delivery = sender.send(c.sourceUrl(), c.targetUrl());
            Retries.Next next = Retries.after(delivery, c.attempts() + 1, policy, clock.instant());
            queue.record(c, delivery, next, clock.instant());
        } catch (RuntimeException e) {
            LOG.warnf("Sending a Webmention to %s failed: %s", c.targetUrl(), e.toString());
        }
    }
}
