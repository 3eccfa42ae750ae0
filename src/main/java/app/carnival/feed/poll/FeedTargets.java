package app.carnival.feed.poll;

import app.carnival.fetch.FetchException;
import app.carnival.fetch.HttpFetcher;
import app.carnival.url.WebUrl;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Feed URLs as fetch targets, read once: the same URLs are polled cycle after cycle, and reading one and
 * building its request URI took 16% of the service's samples in 304 cycles (JFR, bench notmodified).
 * A URL that cannot be fetched is not kept: it is refused again at each poll, with the same message.
 */
final class FeedTargets {

    /** About a kilobyte each; more feeds than this only means some are read again. */
    private static final int MAX_KEPT = 16_384;

    private final Cache<String, WebUrl> targets =
            Caffeine.newBuilder().maximumSize(MAX_KEPT).build();

    /** @see HttpFetcher#target */
    WebUrl of(String url) throws FetchException {
        WebUrl target = targets.getIfPresent(url);
        if (target == null) {
            target = HttpFetcher.target(url); // builds its request URI at the first fetch, and keeps it
            targets.put(url, target);
        }
        return target;
    }
}
