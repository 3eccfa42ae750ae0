package app.carnival.background;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A fixed pool of daemon threads, named for thread dumps, for a background worker's parallel steps. */
public final class DaemonPool {

    private DaemonPool() {}

    public static ExecutorService of(String name, int threads) {
        return Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }
}
