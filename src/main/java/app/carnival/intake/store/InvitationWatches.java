package app.carnival.intake.store;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
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

/**
 * The invitation watcher's schedule in PostgreSQL: one row per assignment while it is watched (open,
 * through its grace period, and one last check a day after), claimed with a lease and SKIP LOCKED so
 * that several instances share the work.
 */
@ApplicationScoped
public class InvitationWatches {

    /** The last check comes this long after the grace period: late comments and pingbacks. */
    public static final Duration LAST_CHECK_AFTER = Duration.ofDays(1);

    /** Assignments entering their watch get a row; a changed invitation URL starts afresh. */
    private static final String ENSURE = """
            INSERT INTO invitation_watch AS w (assignment_id, url, next_check_at)
            SELECT a.id, a.invitation_url, ? FROM assignment a
            WHERE a.invitation_url IS NOT NULL AND a.opens_at <= ? AND a.closes_at + a.grace_minutes * interval '1 minute' + ? * interval '1 second' >= ?
            ON CONFLICT (assignment_id) DO UPDATE
                SET url = EXCLUDED.url, etag = NULL, last_modified = NULL, listed_hash = NULL,
                    next_check_at = EXCLUDED.next_check_at
                WHERE w.url <> EXCLUDED.url
            """;

    private static final String RETURNING = """
             RETURNING w.assignment_id, w.url, w.etag, w.last_modified, w.listed_hash, w.error_count,
                a.closes_at + a.grace_minutes * interval '1 minute', a.number
            """;

    private static final String CLAIM_DUE = """
            UPDATE invitation_watch w SET leased_until = ?
            FROM assignment a
            WHERE a.id = w.assignment_id AND w.assignment_id IN (
                SELECT d.assignment_id FROM invitation_watch d
                WHERE d.next_check_at <= ? AND (d.leased_until IS NULL OR d.leased_until < ?)
                ORDER BY d.next_check_at
                LIMIT ?
                FOR UPDATE SKIP LOCKED)
            """ + RETURNING;

    /** A series' open assignments, due or not; one a check holds right now is skipped. */
    private static final String CLAIM_OPEN_OF_SERIES = """
            UPDATE invitation_watch w SET leased_until = ?
            FROM assignment a
            WHERE a.id = w.assignment_id AND a.series_id = ? AND a.opens_at <= ?
              AND a.closes_at + a.grace_minutes * interval '1 minute' >= ?
              AND (w.leased_until IS NULL OR w.leased_until < ?)
            """ + RETURNING;

    private final AgroalDataSource dataSource;

    public InvitationWatches(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * A watch reserved for one check.
     *
     * @param graceEndsAt end of the assignment's grace period: checks go on until then, and once a day after
     * @param number      the assignment's number in its series
     */
    public record Claimed(
            long assignmentId,
            String url,
            String etag,
            String lastModified,
            byte[] listedHash,
            int errorCount,
            Instant graceEndsAt,
            int number) {}

    /** What one check found, to store. {@code listedHash} null keeps the stored one (nothing new was read). */
    public record Checked(
            long assignmentId,
            String etag,
            String lastModified,
            byte[] listedHash,
            Integer status,
            String error,
            int errorCount,
            Instant nextCheckAt) {}

    /** Starts watching the assignments that are open now (or in the day after their grace period). */
    public void ensure(Instant now) {
        run(ENSURE, ps -> {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setTimestamp(2, Timestamp.from(now));
            ps.setLong(3, LAST_CHECK_AFTER.toSeconds());
            ps.setTimestamp(4, Timestamp.from(now));
        });
    }

    /** Claims the watches due now, oldest first. */
    public List<Claimed> claimDue(Instant now, Duration lease, int limit) {
        return claim(CLAIM_DUE, ps -> {
            ps.setTimestamp(1, Timestamp.from(now.plus(lease)));
            ps.setTimestamp(2, Timestamp.from(now));
            ps.setTimestamp(3, Timestamp.from(now));
            ps.setInt(4, limit);
        });
    }

    /** Claims the watches of a series' open assignments whatever their due time (a host's poll-now). */
    public List<Claimed> claimOpenOfSeries(long seriesId, Instant now, Duration lease) {
        return claim(CLAIM_OPEN_OF_SERIES, ps -> {
            ps.setTimestamp(1, Timestamp.from(now.plus(lease)));
            ps.setLong(2, seriesId);
            ps.setTimestamp(3, Timestamp.from(now));
            ps.setTimestamp(4, Timestamp.from(now));
            ps.setTimestamp(5, Timestamp.from(now));
        });
    }

    private List<Claimed> claim(String sql, Binder binder) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            List<Claimed> claimed = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    claimed.add(new Claimed(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getBytes(5),
                            rs.getInt(6),
                            rs.getTimestamp(7).toInstant(),
                            rs.getInt(8)));
                }
            }
            return claimed;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not claim invitation watches", e);
        }
    }

    /** Stores a check's outcome and releases the watch. */
    public void record(Checked c, Instant now) {
        run("""
                UPDATE invitation_watch SET etag = ?, last_modified = ?, listed_hash = coalesce(?, listed_hash),
                    last_status = ?, last_error = ?, error_count = ?, next_check_at = ?, last_checked_at = ?,
                    leased_until = NULL
                WHERE assignment_id = ?""", ps -> {
            ps.setString(1, c.etag());
            ps.setString(2, c.lastModified());
            ps.setBytes(3, c.listedHash());
            ps.setObject(4, c.status(), Types.INTEGER);
            ps.setString(5, c.error());
            ps.setInt(6, c.errorCount());
            ps.setTimestamp(7, Timestamp.from(c.nextCheckAt()));
            ps.setTimestamp(8, Timestamp.from(now));
            ps.setLong(9, c.assignmentId());
        });
    }

    /** The last check is done: the watch ends (the assignment no longer qualifies, so it is not started again). */
    public void end(long assignmentId) {
        run("DELETE FROM invitation_watch WHERE assignment_id = ?", ps -> ps.setLong(1, assignmentId));
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private void run(String sql, Binder binder) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not update invitation watches", e);
        }
    }
}
