package app.carnival.announce.store;

import app.carnival.announce.rules.AnnouncementState;
import app.carnival.announce.rules.Delivery;
import app.carnival.announce.rules.Retries;
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
import java.util.UUID;
import org.hibernate.Session;

/**
 * The Webmentions of published round-ups in PostgreSQL: one row per (assignment, post address), made
 * for every response readers see; claimed with a lease and SKIP LOCKED (any instance may send it, a
 * crashed send comes back when its lease ends); its result recorded with the claim it was sent under.
 */
@ApplicationScoped
public class AnnouncementQueue {

    /**
     * A row for each visible response of a published round-up that has none. A response whose post
     * already has a row (announced before it was removed and added again) takes that row over: its
     * state stays as it is, so nothing is sent twice.
     */
    private static final String ENQUEUE = """
            INSERT INTO announcement AS x (assignment_id, response_id, source_url, target_url,
                                           next_attempt_at, created_at, updated_at)
            SELECT DISTINCT ON (a.id, p.url) a.id, r.id, ? || '/series/' || s.slug || '/' || a.number, p.url, ?, ?, ?
            FROM assignment a
            JOIN series s ON s.id = a.series_id
            JOIN response r ON r.assignment_id = a.id
            JOIN post p ON p.id = r.post_id
            WHERE a.roundup_published_at IS NOT NULL AND r.state IN ('AUTO', 'MANUAL')
              AND (?::bigint IS NULL OR a.id = ?)
              AND NOT EXISTS (SELECT 1 FROM announcement o WHERE o.response_id = r.id)
            ORDER BY a.id, p.url, r.id
            ON CONFLICT (assignment_id, target_url) DO UPDATE SET response_id = EXCLUDED.response_id
                WHERE x.response_id IS NULL
            """;

    /** Due rows whose response readers see; a hidden or pending response's row waits, a removed one's too. */
    private static final String CLAIM_DUE = """
            UPDATE announcement x SET leased_until = ?, claim_id = gen_random_uuid()
            WHERE x.id IN (
                SELECT d.id FROM announcement d JOIN response r ON r.id = d.response_id
                WHERE d.state = 'QUEUED' AND d.next_attempt_at <= ?
                  AND (d.leased_until IS NULL OR d.leased_until < ?)
                  AND r.state IN ('AUTO', 'MANUAL')
                ORDER BY d.next_attempt_at, d.id
                LIMIT ?
                FOR UPDATE OF d SKIP LOCKED)
            RETURNING x.id, x.claim_id, x.source_url, x.target_url, x.attempts
            """;

    private static final String RECORD = """
            UPDATE announcement SET state = ?, attempts = ?, next_attempt_at = COALESCE(?, next_attempt_at),
                endpoint_url = COALESCE(?, endpoint_url), last_status = ?, detail = ?,
                sent_at = ?, leased_until = NULL, claim_id = NULL, updated_at = ?
            WHERE id = ? AND claim_id = ?
            """;

    private static final String OF_ASSIGNMENT = """
            SELECT x.id, x.response_id, x.source_url, x.target_url, x.state, x.attempts, x.next_attempt_at,
                   x.endpoint_url, x.last_status, x.detail, x.sent_at,
                   (r.id IS NULL OR r.state NOT IN ('AUTO', 'MANUAL')) AS on_hold
            FROM announcement x LEFT JOIN response r ON r.id = x.response_id
            WHERE x.assignment_id = ?
            ORDER BY x.id
            """;

    private final AgroalDataSource dataSource;
    private final EntityManager em;

    public AnnouncementQueue(AgroalDataSource dataSource, EntityManager em) {
        this.dataSource = dataSource;
        this.em = em;
    }

    /** Rows for the visible responses of one published assignment, in the caller's transaction. */
    public int enqueue(long assignmentId, String publicUrl, Instant now) {
        em.flush();
        return em.unwrap(Session.class).doReturningWork(c -> enqueue(c, assignmentId, publicUrl, now));
    }

    /** Rows for the visible responses of every published assignment (those added since included), autocommit. */
    public int enqueueAll(String publicUrl, Instant now) {
        try (Connection c = dataSource.getConnection()) {
            return enqueue(c, null, publicUrl, now);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not queue Webmentions", e);
        }
    }

    private static int enqueue(Connection c, Long assignmentId, String publicUrl, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(ENQUEUE)) {
            Timestamp t = Timestamp.from(now);
            ps.setString(1, publicUrl);
            ps.setTimestamp(2, t);
            ps.setTimestamp(3, t);
            ps.setTimestamp(4, t);
            ps.setObject(5, assignmentId, Types.BIGINT);
            ps.setObject(6, assignmentId, Types.BIGINT);
            return ps.executeUpdate();
        }
    }

    /** Claims up to {@code limit} due Webmentions, oldest first, in one short autocommit statement. */
    public List<ClaimedAnnouncement> claimDue(Instant now, Duration lease, int limit) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(CLAIM_DUE)) {
            ps.setTimestamp(1, Timestamp.from(now.plus(lease)));
            ps.setTimestamp(2, Timestamp.from(now));
            ps.setTimestamp(3, Timestamp.from(now));
            ps.setInt(4, limit);
            List<ClaimedAnnouncement> claimed = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    claimed.add(new ClaimedAnnouncement(
                            rs.getLong(1),
                            rs.getObject(2, UUID.class),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getInt(5)));
                }
            }
            return claimed;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not claim Webmentions to send", e);
        }
    }

    /**
     * Records an attempt, in one short autocommit statement, only under the claim it was made with (a
     * send whose lease ran out and was claimed again by another instance records nothing).
     *
     * @return whether it was recorded
     */
    public boolean record(ClaimedAnnouncement claimed, Delivery delivery, Retries.Next next, Instant now) {
        String endpoint = null;
        Integer status = null;
        String detail = "";
        if (delivery instanceof Delivery.Sent s) {
            endpoint = s.endpoint();
            status = s.status();
        } else if (delivery instanceof Delivery.Failed f) {
            endpoint = f.endpoint();
            status = f.status();
            detail = f.reason();
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(RECORD)) {
            ps.setString(1, next.state().name());
            ps.setInt(2, claimed.attempts() + 1);
            ps.setTimestamp(3, next.retryAt() == null ? null : Timestamp.from(next.retryAt()));
            ps.setString(4, endpoint);
            ps.setObject(5, status, Types.INTEGER);
            ps.setString(6, detail);
            ps.setTimestamp(7, next.state() == AnnouncementState.SENT ? Timestamp.from(now) : null);
            ps.setTimestamp(8, Timestamp.from(now));
            ps.setLong(9, claimed.id());
            ps.setObject(10, claimed.claim());
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record a Webmention's result", e);
        }
    }

    /** Every Webmention of the assignment, in the order they were queued. */
    public List<AnnouncementRow> ofAssignment(long assignmentId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(OF_ASSIGNMENT)) {
            ps.setLong(1, assignmentId);
            List<AnnouncementRow> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Timestamp sent = rs.getTimestamp(11);
                    rows.add(new AnnouncementRow(
                            rs.getLong(1),
                            rs.getObject(2, Long.class),
                            rs.getString(3),
                            rs.getString(4),
                            AnnouncementState.valueOf(rs.getString(5)),
                            rs.getInt(6),
                            rs.getTimestamp(7).toInstant(),
                            rs.getString(8),
                            rs.getObject(9, Integer.class),
                            rs.getString(10),
                            sent == null ? null : sent.toInstant(),
                            rs.getBoolean(12)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the Webmentions of assignment " + assignmentId, e);
        }
    }

    /** Publishes, at {@code now}, every unpublished round-up of an auto-publishing series whose grace period is over. */
    public int autoPublish(Instant now) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        UPDATE assignment a SET roundup_published_at = ?
                        FROM series s
                        WHERE s.id = a.series_id AND s.auto_publish AND a.roundup_published_at IS NULL
                          AND a.closes_at + make_interval(mins => a.grace_minutes) <= ?""")) {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setTimestamp(2, Timestamp.from(now));
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not publish the round-ups due", e);
        }
    }
}
