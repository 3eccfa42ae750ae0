package app.carnival.feed;

import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;

/**
 * When a feed is polled next. Every delay is jittered so that feeds added together (often of the
 * same host) drift apart instead of firing together.
 */
public final class PollSchedule {

    private final Duration interval;
    private final double jitter;
    private final Duration backoffBase;
    private final Duration backoffCap;
    private final RandomGenerator random;

    public PollSchedule(Duration interval, double jitter, Duration backoffBase, Duration backoffCap, RandomGenerator random) {
        this.interval = interval;
        this.jitter = jitter;
        this.backoffBase = backoffBase;
        this.backoffCap = backoffCap;
        this.random = random;
    }

    /** After a successful poll (200 or 304). A server's Retry-After, if longer, wins. */
    public Instant afterSuccess(Instant now, Duration retryAfter) {
        return now.plus(jittered(max(interval, retryAfter)));
    }

    /**
     * After the n-th consecutive failure (n ≥ 1): base·2^(n-1), capped, jittered; never "stop".
     * A Retry-After from the server (429/503) is honoured when it asks for longer, up to the cap.
     */
    public Instant afterFailure(Instant now, int consecutiveErrors, Duration retryAfter) {
        int exponent = Math.min(Math.max(consecutiveErrors - 1, 0), 30);
        Duration delay = backoffBase.multipliedBy(1L << exponent);
        if (delay.compareTo(backoffCap) > 0) {
            delay = backoffCap;
        }
        if (retryAfter != null && retryAfter.compareTo(delay) > 0) {
            return now.plus(retryAfter.compareTo(backoffCap) > 0 ? backoffCap : retryAfter);
        }
        return now.plus(jittered(delay));
    }

    private Duration jittered(Duration delay) {
        double factor = 1 + jitter * (2 * random.nextDouble() - 1);
        return Duration.ofMillis(Math.max(1, Math.round(delay.toMillis() * factor)));
    }

    private static Duration max(Duration a, Duration b) {
        return b != null && b.compareTo(a) > 0 ? b : a;
    }
}
