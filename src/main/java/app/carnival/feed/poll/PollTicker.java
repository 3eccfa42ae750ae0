package app.carnival.feed.poll;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs the poll loop every {@code tick}, one run at a time (the next starts a tick after the last
 * ended). Its own thread rather than {@code @Scheduled}: Quarkus' simple scheduler checks its triggers
 * once a second, so a shorter tick would silently become up to a second.
 */
final class PollTicker implements AutoCloseable {

    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "poll-tick");
        t.setDaemon(true);
        return t;
    });

    PollTicker(Duration tick, Runnable run) {
        long millis = Math.max(1, tick.toMillis());
        thread.scheduleWithFixedDelay(run, millis, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
