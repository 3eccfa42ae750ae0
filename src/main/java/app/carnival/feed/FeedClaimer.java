package app.carnival.feed;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reserves feeds for polling with a lease: several instances may poll one database, each feed is
 * taken by one of them, and the claims of an instance that died come back when the lease ends.
 */
@ApplicationScoped
public class FeedClaimer {

    private static final String CLAIM_DUE = """
            UPDATE feed SET leased_until = ?
            WHERE id IN (
                SELECT f.id FROM feed f
                WHERE NOT f.paused AND f.next_poll_at <= ?
                  AND (f.leased_until IS NULL OR f.leased_until < ?)
                  AND EXISTS (SELECT 1 FROM participant p WHERE p.feed_id = f.id)
                ORDER BY f.next_poll_at
                LIMIT ?
                FOR UPDATE SKIP LOCKED)
            RETURNING id
            """;

    private static final String CLAIM_ONE = """
            UPDATE feed SET leased_until = ?
            WHERE id = ? AND (leased_until IS NULL OR leased_until < ?)
            RETURNING id
            """;

    private final AgroalDataSource dataSource;

    public FeedClaimer(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Claims up to {@code limit} due feeds, oldest due first. */
    public List<Long> claimDue(Instant now, Duration lease, int limit) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(CLAIM_DUE)) {
            ps.setTimestamp(1, Timestamp.from(now.plus(lease)));
            ps.setTimestamp(2, Timestamp.from(now));
            ps.setTimestamp(3, Timestamp.from(now));
            ps.setInt(4, limit);
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not claim due feeds", e);
        }
    }

    /** Claims one feed whatever its due time (poll-now); empty when another poll holds it. */
    public Optional<Long> claim(long feedId, Instant now, Duration lease) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(CLAIM_ONE)) {
            ps.setTimestamp(1, Timestamp.from(now.plus(lease)));
            ps.setLong(2, feedId);
            ps.setTimestamp(3, Timestamp.from(now));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not claim feed " + feedId, e);
        }
    }
}
