package app.carnival.feed.schedule;

import app.carnival.config.CarnivalConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * When a feed is polled next. Healthy feeds follow their own posting rhythm within bounds, tighter
 * while an assignment of their series is open and tightest near its deadline (responses must show
 * up fast then); failing feeds back off exponentially. Every delay is jittered so that feeds added
 * together (often of the same host) drift apart instead of firing together.
 */
public final class PollSchedule {

    private final CarnivalConfig.Poll config;
    private final RandomGenerator random;

    public PollSchedule(CarnivalConfig.Poll config, RandomGenerator random) {
        this.config = config;
        this.random = random;
    }

    /**
     * After a successful poll (200 or 304).
     *
     * @param postingInterval the feed's typical gap between posts, null when unknown
     * @param openUntil       earliest deadline (grace included) of an open assignment of its series, or null
     * @param serverHint the longest of Retry-After, the freshness lifetime (max-age, else Expires) and the RSS ttl,
     *     or null: not polled sooner (up to the maximum interval)
     */
    public Instant afterSuccess(Instant now, Duration postingInterval, Instant openUntil, Duration serverHint) {
        Duration delay = postingInterval == null
                ? config.interval()
                : clamp(postingInterval.dividedBy(4), config.minInterval(), config.maxInterval());
        if (openUntil != null) {
            delay = min(delay, config.openInterval());
            if (Duration.between(now, openUntil).compareTo(config.deadlineWindow()) <= 0) {
                delay = config.minInterval();
            }
        }
        if (serverHint != null && serverHint.compareTo(delay) > 0) {
            delay = min(serverHint, config.maxInterval());
        }
        return now.plus(jittered(delay));
    }

    /**
     * After a successful poll of a feed whose WebSub hub pushes its new posts: polled again only as a
     * safety net, after {@code safetyInterval} (at most the maximum interval), never sooner than
     * {@code usual}, and no later than the subscription's lease ends unless {@code usual} is later (a
     * lapsed subscription falls back to the usual schedule).
     *
     * @param usual the next poll {@link #afterSuccess} gives
     */
    public Instant whilePushed(Instant now, Instant usual, Duration safetyInterval, Instant pushedUntil) {
        Instant relaxed = now.plus(jittered(min(safetyInterval, config.maxInterval())));
        Instant next = relaxed.isAfter(usual) ? relaxed : usual;
        Instant bound = pushedUntil.isAfter(usual) ? pushedUntil : usual;
        return next.isAfter(bound) ? bound : next;
    }

    /**
     * After the n-th consecutive failure (n ≥ 1): base·2^(n-1), capped, jittered; never "stop".
     * A Retry-After from the server (429/503) is honoured when it asks for longer, up to the cap.
     */
    public Instant afterFailure(Instant now, int consecutiveErrors, Duration retryAfter) {
        int exponent = Math.min(Math.max(consecutiveErrors - 1, 0), 30);
        Duration delay = min(config.backoffBase().multipliedBy(1L << exponent), config.backoffCap());
        if (retryAfter != null && retryAfter.compareTo(delay) > 0) {
            return now.plus(min(retryAfter, config.backoffCap()));
        }
        return now.plus(jittered(delay));
    }

    /** The longer of two hints, either of which may be null (no hint). */
    public static Duration longer(Duration a, Duration b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** Typical gap between posts: the median gap between the publication dates given, or null with fewer than two. */
    public static Duration postingInterval(List<Instant> published) {
        List<Instant> sorted = published.stream().sorted().distinct().toList();
        if (sorted.size() < 2) {
            return null;
        }
        List<Duration> gaps = new java.util.ArrayList<>();
        for (int i = 1; i < sorted.size(); i++) {
            gaps.add(Duration.between(sorted.get(i - 1), sorted.get(i)));
        }
        gaps.sort(null);
        Duration median = gaps.get(gaps.size() / 2);
        return median.isZero() ? Duration.ofSeconds(1) : median;
    }

    private Duration jittered(Duration delay) {
        double factor = 1 + config.jitter() * (2 * random.nextDouble() - 1);
        return Duration.ofMillis(Math.max(1, Math.round(delay.toMillis() * factor)));
    }

    private static Duration clamp(Duration d, Duration lo, Duration hi) {
        return d.compareTo(lo) < 0 ? lo : min(d, hi);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
