package app.carnival.intake;

import app.carnival.config.CarnivalConfig;
import app.carnival.errors.RateLimited;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.InstantSource;

/**
 * Limits on Webmentions and pingbacks, per client address and per source host: a token bucket each
 * (a burst of the per-minute limit, then refilled at that rate). Kept in memory, per instance: a
 * limit shared by several instances would cost a database write per request on the one endpoint
 * anyone may call; behind N instances the effective limit is N times the setting.
 */
@ApplicationScoped
public class IntakeLimits {

    /** Buckets of clients not seen for a while are dropped; a full bucket is what a new one starts as anyway. */
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10))
            .maximumSize(100_000)
            .build();

    private final CarnivalConfig.Intake config;
    private final TimeMeter time;

    public IntakeLimits(CarnivalConfig config, InstantSource clock) {
        this.config = config.intake();
        this.time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return clock.millis() * 1_000_000;
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }

    /** Counts one request, or refuses it (429 with Retry-After) when the client's or the source host's bucket is empty. */
    public void admit(String clientAddress, String sourceHost) {
        take(
                "client " + clientAddress,
                config.perClientPerMinute(),
                "Too many Webmentions or pingbacks from your address");
        take(
                "source " + sourceHost,
                config.perSourceHostPerMinute(),
                "Too many Webmentions or pingbacks for sources on " + sourceHost);
    }

    private void take(String key, int perMinute, String refusal) {
        Bucket bucket = buckets.get(
                key,
                k -> Bucket.builder()
                        .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
                        .withCustomTimePrecision(time)
                        .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            Duration wait = Duration.ofNanos(probe.getNanosToWaitForRefill());
            throw new RateLimited(
                    refusal + "; try again in " + Math.max(1, wait.toSeconds()) + " s.",
                    wait.isZero() ? Duration.ofSeconds(1) : wait);
        }
    }
}
