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

    Permit acquire(String url) {
        Semaphore semaphore = permits.computeIfAbsent(host(url), h -> new Semaphore(perHost, true));
        semaphore.acquireUninterruptibly();
        return semaphore::release;
    }

    /** In ASCII, so that a Unicode and a punycode spelling of one host share its permits. */
    private static String host(String url) {
        return WebUrl.tryParse(url).map(WebUrl::host).orElse(url);
    }
}
