package app.carnival.intake;

import app.carnival.config.CarnivalConfig;
import app.carnival.errors.RateLimited;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Per-minute limits on Webmentions and pingbacks, per client address and per source host. Counted
 * in memory, per instance: a limit that several instances share would cost a database write per
 * request on the one endpoint anyone may call; behind N instances the effective limit is N times it.
 */
@ApplicationScoped
public class IntakeLimits {

    private final Cache<String, AtomicInteger> counts =
            Caffeine.newBuilder().expireAfterWrite(Duration.ofMinutes(2)).build();
    private final CarnivalConfig.Intake config;
    private final InstantSource clock;

    public IntakeLimits(CarnivalConfig config, InstantSource clock) {
        this.config = config.intake();
        this.clock = clock;
    }

    /** Counts one request, or refuses it (429 with Retry-After) when either limit of this minute is used up. */
    public void admit(String clientAddress, String sourceHost) {
        long minute = clock.millis() / 60_000;
        Duration untilNextMinute = Duration.ofMillis(60_000 - clock.millis() % 60_000);
        if (count("client:" + clientAddress, minute) > config.perClientPerMinute()) {
            throw new RateLimited(
                    "Too many Webmentions or pingbacks from your address; try again in a minute.", untilNextMinute);
        }
        if (count("source:" + sourceHost, minute) > config.perSourceHostPerMinute()) {
            throw new RateLimited(
                    "Too many Webmentions or pingbacks for sources on " + sourceHost + "; try again in a minute.",
                    untilNextMinute);
        }
    }

    private int count(String key, long minute) {
        return counts.get(key + "@" + minute, k -> new AtomicInteger()).incrementAndGet();
    }
}
