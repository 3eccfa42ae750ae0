package app.carnival.background;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Runs a background loop (polling, the intake queue) every {@code tick}, one run at a time (the next
 * starts a tick after the last ended, or sooner when the run asks). Its own thread rather than
 * {@code @Scheduled}: Quarkus' simple scheduler checks its triggers once a second, so a shorter tick
 * would silently become up to a second.
 */
public final class Ticker implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Ticker.class);

    private final ScheduledExecutorService thread;
    private final Duration tick;
    private final Supplier<Duration> run;

    public Ticker(String name, Duration tick, Runnable run) {
        this(name, tick, tick, () -> {
            run.run();
            return tick;
        });
    }

    private Ticker(String name, Duration tick, Duration first, Supplier<Duration> run) {
        this.tick = tick;
        this.run = run;
        thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        schedule(first);
    }

    /**
     * A loop that runs at once, then whenever its last run says it should run again, or a tick later if
     * that is sooner. A run that throws ends the loop: the run catches what it survives.
     */
    public static Ticker waking(String name, Duration tick, Supplier<Duration> run) {
        return new Ticker(name, tick, Duration.ZERO, run);
    }

    /**
     * A loop that survives its failures: a run that throws (the database is down, typically) is logged
     * as a warning, "{@code what} failed: …", and the next tick tries again.
     */
    public static Ticker surviving(String name, Duration tick, String what, Runnable run) {
        return new Ticker(name, tick, () -> {
            try {
                run.run();
            } catch (RuntimeException e) {
                LOG.warnf("%s failed: %s", what, e.getMessage());
            }
        });
    }

    private void schedule(Duration delay) {
        try {
            thread.schedule(this::runOnce, delayMillis(delay, tick), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closed) {
            // Closed while the last run finished: the loop ends here.
        }
    }

    /**
     * The wait asked for, at most a tick and at least a millisecond, rounded up: a run woken a fraction of a
     * millisecond before the time it asked for finds nothing to do.
     */
    static long delayMillis(Duration asked, Duration tick) {
        long millis = asked.isNegative() ? 0 : asked.plusNanos(999_999).toMillis();
        return Math.max(1, Math.min(millis, tick.toMillis()));
    }

    private void runOnce() {
        schedule(run.get());
    }

    /** Stops the loop, if one was started. */
    public static void stop(Ticker ticker) {
        if (ticker != null) {
            ticker.close();
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
