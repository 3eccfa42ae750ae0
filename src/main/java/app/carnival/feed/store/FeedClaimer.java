package app.carnival.feed.store;

import app.carnival.feed.parse.EntryPrint;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Reserves feeds for polling with a lease: several instances may poll one database, each feed is
 * taken by one of them, and the claims of an instance that died come back when the lease ends. A
 * feed is due only while an approved participant follows it: registrations waiting for their host's
 * approval are not polled. Reads what else a poll needs from the feed row ({@link #knownEntries}).
 */
@ApplicationScoped
public class FeedClaimer {

    /** The feed of schedule row {@code d} is followed by an approved participant: only such feeds are due. */
    private static final String FOLLOWED =
            "EXISTS (SELECT 1 FROM participant p WHERE p.feed_id = d.feed_id AND p.status = 'APPROVED')";

    /**
     * What a poll needs from the row, read by the claim itself. The series its approved participants follow come
     * as ids, their open deadlines from one query per claim ({@link #OPEN_DEADLINES}): a per-row subquery joining
     * the feed's participants to their assignments was a third of a 304 cycle's claim time (2,000 claimed feeds in
     * batches of 256, psql on a bench database: 80 ms with it, 62 ms with the ids).
     */
    private static final String RETURNING = """
            RETURNING f.id, f.url, f.etag, f.last_modified, f.body_hash, f.error_count, f.posting_interval_seconds,
                ARRAY(SELECT p.series_id FROM participant p WHERE p.feed_id = f.id AND p.status = 'APPROVED') AS series,
                f.ttl_minutes,
                (SELECT w.lease_expires_at FROM websub_subscription w
                 WHERE w.feed_id = f.id AND w.state = 'ACTIVE' AND w.lease_expires_at > ?) AS pushed_until
            """;

    /** The earliest end (grace included) of each given series' assignments open at the time given. */
    private static final String OPEN_DEADLINES = """
            SELECT a.series_id, min(a.closes_at + a.grace_minutes * interval '1 minute')
            FROM assignment a
            WHERE a.series_id = ANY (?) AND a.opens_at <= ? AND a.closes_at + a.grace_minutes * interval '1 minute' >= ?
            GROUP BY a.series_id""";

    /**
     * The claimed ids are looked up by key ({@code = ANY (ARRAY(...))}): with {@code IN (...)} the planner joined them
     * to a scan of the whole table, whose cost grew with the table, not with the batch (a claim of 256 of 2,000 due
     * feeds: 11.5 ms, 7.8 ms this way; EXPLAIN ANALYZE on a bench database). The due time is a sub-select, hidden
     * from the planner: a plan made for the value expected a handful of due feeds and read and sorted every due
     * one (EXPLAIN ANALYZE, a claim of 256 of 2,000 due: 2,000 rows read, then sorted); this way the plan walks the
     * due index in order and stops at the limit.
     */
    private static final String CLAIM_DUE = """
            UPDATE feed_schedule s SET leased_until = ?
            FROM feed f
            WHERE f.id = s.feed_id AND s.feed_id = ANY (ARRAY(
                SELECT d.feed_id FROM feed_schedule d
                WHERE NOT d.paused AND d.next_poll_at <= (SELECT ?::timestamptz)
                  AND (d.leased_until IS NULL OR d.leased_until < ?)
                  AND %s
                ORDER BY d.next_poll_at
                LIMIT ?
                FOR UPDATE SKIP LOCKED))
            """.formatted(FOLLOWED) + RETURNING;

    private static final String CLAIM_ONE = """
            UPDATE feed_schedule s SET leased_until = ?
            FROM feed f
            WHERE f.id = s.feed_id AND s.feed_id = ? AND (s.leased_until IS NULL OR s.leased_until < ?)
            """ + RETURNING;

    /** Walks the due index through the window: it stops at the first followed feed, or at the window's end. */
    private static final String NEXT_DUE = """
            SELECT d.next_poll_at FROM feed_schedule d
            WHERE NOT d.paused AND d.next_poll_at > ? AND d.next_poll_at <= ?
              AND %s
            ORDER BY d.next_poll_at
            LIMIT 1
            """.formatted(FOLLOWED);

    /**
     * The dates as microseconds since the epoch: the driver parses a timestamptz array element by element
     * from text, with a Calendar each; in a JFR of the changed cycle this read was 13% of the poller's samples.
     */
    private static final String KNOWN_ENTRIES = """
            SELECT entry_fingerprints,
                ARRAY(SELECT (extract(epoch FROM d) * 1000000)::bigint
                      FROM unnest(entry_published) WITH ORDINALITY AS u(d, o) ORDER BY o)
            FROM feed WHERE id = ?""";

    private final AgroalDataSource dataSource;

    public FeedClaimer(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Claims up to {@code limit} due feeds, oldest due first. */
    public List<ClaimedFeed> claimDue(Instant now, Duration lease, int limit) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(CLAIM_DUE)) {
            ps.setTimestamp(1, Timestamp.from(now.plus(lease)));
            ps.setTimestamp(2, Timestamp.from(now));
            ps.setTimestamp(3, Timestamp.from(now));
            ps.setInt(4, limit);
            ps.setTimestamp(5, Timestamp.from(now));
            return read(c, ps, now);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not claim due feeds", e);
        }
    }

    /** When the first feed falls due in the window ({@code after}, {@code until}], if one does. */
    public Optional<Instant> nextDue(Instant after, Instant until) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(NEXT_DUE)) {
            ps.setTimestamp(1, Timestamp.from(after));
            ps.setTimestamp(2, Timestamp.from(until));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getTimestamp(1).toInstant()) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read when the next feed is due", e);
        }
    }

    /**
     * The entries of the body the feed's last parsing poll recorded (fingerprints and dates), read only for a
     * body that changed, in one statement outside any transaction: a 304 does not need them. Empty when none
     * is known.
     */
    public List<EntryPrint> knownEntries(long feedId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(KNOWN_ENTRIES)) {
            ps.setLong(1, feedId);
            try (ResultSet rs = ps.executeQuery()) {
                Array printsColumn = rs.next() ? rs.getArray(1) : null;
                if (printsColumn == null) {
                    return List.of();
                }
                Long[] prints = (Long[]) printsColumn.getArray();
                Long[] micros = (Long[]) rs.getArray(2).getArray();
                List<EntryPrint> known = new ArrayList<>(prints.length);
                for (int i = 0; i < prints.length; i++) {
                    known.add(new EntryPrint(
                            prints[i], micros[i] == null ? null : Instant.EPOCH.plus(micros[i], ChronoUnit.MICROS)));
                }
                return known;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the known entries of feed " + feedId, e);
        }
    }

    /** Claims one feed whatever its due time (poll-now); empty when another poll holds it. */
    public Optional<ClaimedFeed> claim(long feedId, Instant now, Duration lease) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(CLAIM_ONE)) {
            ps.setTimestamp(1, Timestamp.from(now.plus(lease)));
            ps.setLong(2, feedId);
            ps.setTimestamp(3, Timestamp.from(now));
            ps.setTimestamp(4, Timestamp.from(now));
            return read(c, ps, now).stream().findFirst();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not claim feed " + feedId, e);
        }
    }

    /** A claimed feed before its series' open deadlines are known, and the series its approved participants follow. */
    private record Row(ClaimedFeed feed, Long[] series) {}

    private static List<ClaimedFeed> read(Connection c, PreparedStatement ps, Instant now) throws SQLException {
        List<Row> rows = new ArrayList<>();
        Set<Long> series = new HashSet<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long interval = rs.getLong(7);
                Duration postingInterval = rs.wasNull() ? null : Duration.ofSeconds(interval);
                Long[] followedBy = (Long[]) rs.getArray(8).getArray();
                int ttlMinutes = rs.getInt(9);
                Duration ttl = rs.wasNull() ? null : Duration.ofMinutes(ttlMinutes);
                Timestamp pushedUntil = rs.getTimestamp(10);
                ClaimedFeed feed = new ClaimedFeed(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getBytes(5),
                        rs.getInt(6),
                        postingInterval,
                        null,
                        ttl,
                        pushedUntil == null ? null : pushedUntil.toInstant());
                rows.add(new Row(feed, followedBy));
                series.addAll(Arrays.asList(followedBy));
            }
        }
        Map<Long, Instant> deadlines = openDeadlines(c, series, now);
        return rows.stream()
                .map(r -> r.feed()
                        .withOpenUntil(Arrays.stream(r.series())
                                .map(deadlines::get)
                                .filter(Objects::nonNull)
                                .min(Comparator.naturalOrder())
                                .orElse(null)))
                .toList();
    }

    private static Map<Long, Instant> openDeadlines(Connection c, Set<Long> series, Instant now) throws SQLException {
        Map<Long, Instant> deadlines = new HashMap<>();
        if (series.isEmpty()) {
            return deadlines;
        }
        try (PreparedStatement ps = c.prepareStatement(OPEN_DEADLINES)) {
            ps.setArray(1, c.createArrayOf("bigint", series.toArray()));
            ps.setTimestamp(2, Timestamp.from(now));
            ps.setTimestamp(3, Timestamp.from(now));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    deadlines.put(rs.getLong(1), rs.getTimestamp(2).toInstant());
                }
            }
        }
        return deadlines;
    }
}
