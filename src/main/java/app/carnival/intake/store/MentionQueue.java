package app.carnival.intake.store;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;

/**
 * The verification queue in PostgreSQL: candidates are queued once per (assignment, source), claimed
 * with a lease and SKIP LOCKED (several instances share it, a crashed verification comes back when the
 * lease ends), and finished or put back with a delay.
 */
@ApplicationScoped
public class MentionQueue {

    /** A source named again is verified again: its row goes back to the queue, keeping its id and first channel. */
    private static final String ENQUEUE = """
            INSERT INTO mention AS m (assignment_id, channel, found_by, source_url, source_key, target_url,
                                      next_attempt_at, leased_until, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (assignment_id, source_key) DO UPDATE
                SET verification = 'QUEUED', attempts = 0, detail = '', source_url = EXCLUDED.source_url,
                    target_url = EXCLUDED.target_url, next_attempt_at = EXCLUDED.next_attempt_at,
                    leased_until = EXCLUDED.leased_until, updated_at = EXCLUDED.updated_at
                WHERE m.leased_until IS NULL OR m.leased_until < EXCLUDED.updated_at
            RETURNING m.id
            """;

    private static final String CLAIM_DUE = """
            UPDATE mention m SET leased_until = ?
            WHERE m.id IN (
                SELECT d.id FROM mention d
                WHERE d.verification = 'QUEUED' AND d.next_attempt_at <= ?
                  AND (d.leased_until IS NULL OR d.leased_until < ?)
                ORDER BY d.next_attempt_at
                LIMIT ?
                FOR UPDATE SKIP LOCKED)
            RETURNING m.id, m.assignment_id, m.channel, m.found_by, m.source_url, m.target_url, m.attempts
            """;

    private final AgroalDataSource dataSource;
    private final EntityManager em;

    public MentionQueue(AgroalDataSource dataSource, EntityManager em) {
        this.dataSource = dataSource;
        this.em = em;
    }

    /** A candidate to queue: {@code sourceKey} is the normalized source (one row per post). */
    public record Candidate(
            long assignmentId,
            Mention.Channel channel,
            String foundBy,
            String sourceUrl,
            String sourceKey,
            String targetUrl) {}

    /**
     * Queues the candidate, or re-queues it when it was seen before, in the caller's transaction.
     *
     * @param claimFor when not null, the row comes back already claimed for this long (a caller that
     *                 verifies it right away, as pingback does); else it waits for the worker
     * @return its id; empty when a verification of it is under way
     */
    public Optional<UUID> enqueue(Candidate c, Instant now, Duration claimFor) {
        return em.unwrap(Session.class).doReturningWork(conn -> {
            try (PreparedStatement ps = conn.prepareStatement(ENQUEUE)) {
                ps.setLong(1, c.assignmentId());
                ps.setString(2, c.channel().name());
                ps.setString(3, c.foundBy());
                ps.setString(4, c.sourceUrl());
                ps.setString(5, c.sourceKey());
                ps.setString(6, c.targetUrl());
                ps.setTimestamp(7, Timestamp.from(now));
                ps.setTimestamp(8, claimFor == null ? null : Timestamp.from(now.plus(claimFor)));
                ps.setTimestamp(9, Timestamp.from(now));
                ps.setTimestamp(10, Timestamp.from(now));
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getObject(1, UUID.class)) : Optional.empty();
                }
            }
        });
    }

    /** Queued candidates of the assignment waiting for verification, counted up to {@code cap} (the answer is min(count, cap)). */
    public long waiting(long assignmentId, int cap) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM (SELECT 1 FROM mention WHERE assignment_id = ?1"
                                + " AND verification = 'QUEUED' LIMIT ?2) w")
                        .setParameter(1, assignmentId)
                        .setParameter(2, cap)
                        .getSingleResult())
                .longValue();
    }

    /** Claims up to {@code limit} due candidates, oldest first, each in its own short autocommit statement. */
    public List<ClaimedMention> claimDue(Instant now, Duration lease, int limit) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(CLAIM_DUE)) {
            ps.setTimestamp(1, Timestamp.from(now.plus(lease)));
            ps.setTimestamp(2, Timestamp.from(now));
            ps.setTimestamp(3, Timestamp.from(now));
            ps.setInt(4, limit);
            List<ClaimedMention> claimed = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    claimed.add(new ClaimedMention(
                            rs.getObject(1, UUID.class),
                            rs.getLong(2),
                            Mention.Channel.valueOf(rs.getString(3)),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getInt(7)));
                }
            }
            return claimed;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not claim queued mentions", e);
        }
    }

    /** Ends a verification, in the caller's transaction. */
    public void finish(
            UUID id, Mention.Verification verification, String detail, Long responseId, int attempts, Instant now) {
        update("""
                UPDATE mention SET verification = ?, detail = ?, response_id = ?, attempts = ?,
                    leased_until = NULL, updated_at = ?
                WHERE id = ?""", ps -> {
            ps.setString(1, verification.name());
            ps.setString(2, detail);
            ps.setObject(3, responseId, Types.BIGINT);
            ps.setInt(4, attempts);
            ps.setTimestamp(5, Timestamp.from(now));
            ps.setObject(6, id);
        });
    }

    /** Puts a candidate back in the queue until {@code retryAt}, keeping its response, in the caller's transaction. */
    public void retry(UUID id, String detail, int attempts, Instant retryAt, Instant now) {
        update("""
                UPDATE mention SET detail = ?, attempts = ?, next_attempt_at = ?, leased_until = NULL, updated_at = ?
                WHERE id = ?""", ps -> {
            ps.setString(1, detail);
            ps.setInt(2, attempts);
            ps.setTimestamp(3, Timestamp.from(retryAt));
            ps.setTimestamp(4, Timestamp.from(now));
            ps.setObject(5, id);
        });
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private void update(String sql, Binder binder) {
        em.flush();
        em.unwrap(Session.class).doWork(conn -> {
            try (PreparedStatement ps = conn.prepareStatement(sql)) {
                binder.bind(ps);
                ps.executeUpdate();
            }
        });
    }
}
