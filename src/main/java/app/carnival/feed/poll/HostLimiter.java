package app.carnival.feed.poll;

import java.net.URI;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/** Caps concurrent requests per host, so one host's many feeds are fetched a few at a time. */
final class HostLimiter {

    /** A held permit; closing it releases it. */
    interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    private final int perHost;
    private final ConcurrentHashMap<String, Semaphore> permits = new ConcurrentHashMap<>();

    HostLimiter(int perHost) {
        this.perHost = perHost;
    }

    Permit acquire(String url) {
        Semaphore semaphore = permits.computeIfAbsent(host(url), h -> new Semaphore(perHost, true));
        semaphore.acquireUninterruptibly();
        return semaphore::release;
    }

    private static String host(String url) {
        try {
            String host = URI.create(url).getHost();
            return host == null ? url : host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return url;
        }
    }
}
