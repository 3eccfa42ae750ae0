package app.carnival.background;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Runs a background loop (polling, the intake queue) every {@code tick}, one run at a time (the next
 * starts a tick after the last ended). Its own thread rather than {@code @Scheduled}: Quarkus' simple
 * scheduler checks its triggers once a second, so a shorter tick would silently become up to a second.
 */
public final class Ticker implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Ticker.class);

    private final ScheduledExecutorService thread;

    public Ticker(String name, Duration tick, Runnable run) {
        thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        long millis = Math.max(1, tick.toMillis());
        thread.scheduleWithFixedDelay(run, millis, millis, TimeUnit.MILLISECONDS);
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
