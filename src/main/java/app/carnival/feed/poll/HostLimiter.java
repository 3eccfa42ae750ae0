package app.carnival.feed.poll;

import app.carnival.url.WebUrl;
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

    /** By the host in ASCII, so that a Unicode and a punycode spelling of one host share its permits. */
    Permit acquire(WebUrl url) {
        Semaphore semaphore = permits.computeIfAbsent(url.host(), h -> new Semaphore(perHost, true));
        semaphore.acquireUninterruptibly();
        return semaphore::release;
    }
}
