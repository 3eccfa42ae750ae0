package app.carnival.limits;

import app.carnival.config.CarnivalConfig;
import app.carnival.config.Rate;
import app.carnival.errors.RateLimited;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Per-client limits on public writes (GCRA, in table {@code rate_limit}): each request moves the
 * client's "theoretical arrival time" one interval forward, and is refused when that would put it
 * more than one period ahead of now. One autocommit statement per request, so every instance sees
 * the same count and a refused request changes nothing.
 */
@ApplicationScoped
public class RateLimits {

    /**
     * Admits (TRUE, the new arrival time) or refuses (FALSE, the stored one, for the wait) in one round
     * trip; a refusal writes nothing.
     */
    private static final String TAKE = """
            WITH taken AS (
                INSERT INTO rate_limit AS r (bucket, tat) VALUES (?, ?)
                ON CONFLICT (bucket) DO UPDATE SET tat = GREATEST(r.tat, ?) + ? * interval '1 millisecond'
                WHERE GREATEST(r.tat, ?) + ? * interval '1 millisecond' <= ?
                RETURNING tat)
            SELECT TRUE, tat FROM taken
            UNION ALL
            SELECT FALSE, tat FROM rate_limit WHERE bucket = ? AND NOT EXISTS (SELECT 1 FROM taken)
            """;

    private static final String READ = "SELECT tat FROM rate_limit WHERE bucket = ?";

    private static final String FORGET_PAST = "DELETE FROM rate_limit WHERE tat < ?";

    /** Rows whose time has passed mean a full allowance, as no row does; they are deleted every this many writes. */
    private static final long SWEEP_EVERY = 1_000;

    private final AgroalDataSource dataSource;
    private final CarnivalConfig.RateLimits config;
    private final InstantSource clock;
    private final AtomicLong writes = new AtomicLong();

    public RateLimits(AgroalDataSource dataSource, CarnivalConfig config, InstantSource clock) {
        this.dataSource = dataSource;
        this.config = config.rateLimits();
        this.clock = clock;
    }

    /** Counts one request of the client, or refuses it (429 with Retry-After), counting nothing. */
    public void admit(Limit limit, String client) {
        Optional<Duration> wait = take(limit, client);
        if (wait.isPresent()) {
            throw refusal(limit, wait.get());
        }
    }

    /** Counts one more (a wrong token); past the limit there is nothing more to count. */
    public void count(Limit limit, String client) {
        take(limit, client);
    }

    /** How long the client must wait before its next request would be admitted; empty when it would be now. */
    public Optional<Duration> waitFor(Limit limit, String client) {
        Rate rate = limit.rate(config);
        Instant now = clock.instant();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(READ)) {
            ps.setString(1, bucket(limit, client));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? waitAfter(rs.getTimestamp(1).toInstant(), rate, now) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the rate limit of " + client, e);
        }
    }

    /** The refusal for a client that must wait. */
    public static RateLimited refusal(Limit limit, Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        return new RateLimited(limit.refusal() + ": try again in " + seconds + " s.", Duration.ofSeconds(seconds));
    }

    private Optional<Duration> take(Limit limit, String client) {
        Rate rate = limit.rate(config);
        Instant now = clock.instant();
        long interval = rate.interval().toMillis();
        Timestamp at = Timestamp.from(now);
        String bucket = bucket(limit, client);
        try (Connection c = dataSource.getConnection()) {
            sweepNowAndThen(c, at);
            try (PreparedStatement ps = c.prepareStatement(TAKE)) {
                ps.setString(1, bucket);
                ps.setTimestamp(2, Timestamp.from(now.plus(rate.interval())));
                ps.setTimestamp(3, at);
                ps.setLong(4, interval);
                ps.setTimestamp(5, at);
                ps.setLong(6, interval);
                ps.setTimestamp(7, Timestamp.from(now.plus(rate.period())));
                ps.setString(8, bucket);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        // Refused, and the row a concurrent request made is newer than this statement's view.
                        return Optional.of(Duration.ofSeconds(1));
                    }
                    return rs.getBoolean(1)
                            ? Optional.empty()
                            : Optional.of(waitAfter(rs.getTimestamp(2).toInstant(), rate, now)
                                    .orElse(Duration.ofSeconds(1)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count a request of " + client, e);
        }
    }

    /** The wait before one more interval fits within a period of now, given the stored arrival time. */
    static Optional<Duration> waitAfter(Instant tat, Rate rate, Instant now) {
        Duration wait = Duration.between(now.plus(rate.period()), tat.plus(rate.interval()));
        return wait.isNegative() || wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    private void sweepNowAndThen(Connection c, Timestamp now) throws SQLException {
        if (writes.incrementAndGet() % SWEEP_EVERY == 0) {
            try (PreparedStatement ps = c.prepareStatement(FORGET_PAST)) {
                ps.setTimestamp(1, now);
                ps.executeUpdate();
            }
        }
    }

    private static String bucket(Limit limit, String client) {
        return limit.name() + " " + client;
    }
}
