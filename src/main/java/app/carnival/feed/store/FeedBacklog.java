package app.carnival.feed.store;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.function.ToDoubleFunction;

/**
 * How the feeds stand, read in one query over the feed table and kept for a few seconds, so that a
 * scrape and a health check do not each scan it: feeds due (not paused, not held by a poll), in
 * error, paused, and the poll lag (how overdue the oldest due feed is), among the feeds the poller claims
 * (followed by an approved participant: one that only waits for approval is not late). Shared by every instance: all
 * report the same numbers. Gauges {@code carnival.feeds{state}} and {@code carnival.poll.lag}.
 */
@ApplicationScoped
@Startup // its gauges are registered when it is made: /q/metrics must show them before any health check asks
public class FeedBacklog {

    /** The counts and the lag at {@code at}. */
    public record Snapshot(Instant at, long due, long inError, long paused, Duration lag) {}

    /** How long a snapshot is served before the feeds are read again. */
    public static final Duration FRESH_FOR = Duration.ofSeconds(5);

    private static final String READ = """
            SELECT count(*) FILTER (WHERE due),
                   count(*) FILTER (WHERE error_count > 0 AND NOT paused),
                   count(*) FILTER (WHERE paused),
                   min(next_poll_at) FILTER (WHERE due)
            FROM (SELECT f.error_count, s.paused, s.next_poll_at,
                         NOT s.paused AND s.next_poll_at <= ? AND (s.leased_until IS NULL OR s.leased_until < ?) AS due
                  FROM feed_schedule s JOIN feed f ON f.id = s.feed_id
                  WHERE EXISTS (SELECT 1 FROM participant p WHERE p.feed_id = s.feed_id AND p.status = 'APPROVED')) f
            """;

    private final AgroalDataSource dataSource;
    private final InstantSource clock;
    private volatile Snapshot last;

    public FeedBacklog(AgroalDataSource dataSource, InstantSource clock, MeterRegistry registry) {
        this.dataSource = dataSource;
        this.clock = clock;
        gauge(registry, "carnival.feeds", "due", Snapshot::due);
        gauge(registry, "carnival.feeds", "in-error", Snapshot::inError);
        gauge(registry, "carnival.feeds", "paused", Snapshot::paused);
        Gauge.builder("carnival.poll.lag", this, b -> b.now().lag().toMillis() / 1000.0)
                .description("How overdue the oldest due feed is")
                .baseUnit("seconds")
                .register(registry);
    }

    private void gauge(MeterRegistry registry, String name, String state, ToDoubleFunction<Snapshot> value) {
        Gauge.builder(name, this, b -> value.applyAsDouble(b.now()))
                .description("Feeds by state")
                .tag("state", state)
                .register(registry);
    }

    /** The snapshot, read again when older than a few seconds. */
    public Snapshot now() {
        Instant now = clock.instant();
        Snapshot s = last;
        if (s == null || s.at().plus(FRESH_FOR).isBefore(now) || s.at().isAfter(now)) {
            s = read(now);
            last = s;
        }
        return s;
    }

    private Snapshot read(Instant now) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(READ)) {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setTimestamp(2, Timestamp.from(now));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                Timestamp oldest = rs.getTimestamp(4);
                Duration lag = oldest == null ? Duration.ZERO : Duration.between(oldest.toInstant(), now);
                return new Snapshot(now, rs.getLong(1), rs.getLong(2), rs.getLong(3), lag);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the feeds' backlog", e);
        }
    }
}
