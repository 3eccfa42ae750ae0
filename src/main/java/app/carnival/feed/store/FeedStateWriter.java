package app.carnival.feed.store;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.List;

/**
 * Writes feed states with plain JDBC: in the caller's transaction for a feed whose posts changed,
 * or many at once in one batch for the feeds that only need their state recorded (304s, errors).
 */
@ApplicationScoped
public class FeedStateWriter {

    private static final String UPDATE = """
            UPDATE feed SET last_status = ?, error_count = ?, last_error = ?, last_polled_at = ?, next_poll_at = ?,
                leased_until = NULL,
                paused = CASE WHEN ? THEN TRUE WHEN ?::text IS NULL THEN FALSE ELSE paused END,
                paused_reason = CASE WHEN ? THEN ? WHEN ?::text IS NULL THEN NULL ELSE paused_reason END,
                etag = CASE WHEN ? THEN ? ELSE etag END,
                last_modified = CASE WHEN ? THEN ? ELSE last_modified END,
                body_hash = COALESCE(?, body_hash), title = COALESCE(?, title),
                posting_interval_seconds = COALESCE(?, posting_interval_seconds)
            WHERE id = ?
            """;

    /** A permanent move keeps the old URL when another feed row already has the new one. */
    private static final String MOVE = "UPDATE feed SET url = ? WHERE id = ? AND NOT EXISTS (SELECT 1 FROM feed WHERE url = ?)";

    private final AgroalDataSource dataSource;

    public FeedStateWriter(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Inside a JTA transaction: the connection is the transaction's. */
    public void writeInTransaction(FeedState state) {
        try (Connection c = dataSource.getConnection()) {
            write(c, List.of(state));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record the state of feed " + state.feedId(), e);
        }
    }

    /**
     * Outside any transaction: one commit for the whole batch. Durability is relaxed on purpose: a
     * state lost in a crash only means the feed is polled again when its lease ends.
     */
    public void writeBatch(List<FeedState> states) {
        if (states.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("SET LOCAL synchronous_commit TO OFF");
            }
            write(c, states);
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record the state of " + states.size() + " feeds", e);
        }
    }

    private static void write(Connection c, List<FeedState> states) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(UPDATE)) {
            for (FeedState s : states) {
                int i = 1;
                setInteger(ps, i++, s.status());
                ps.setInt(i++, s.errorCount());
                ps.setString(i++, s.error());
                ps.setTimestamp(i++, Timestamp.from(s.polledAt()));
                ps.setTimestamp(i++, Timestamp.from(s.nextPollAt()));
                // A success (no error) resumes a paused feed: a poll-now found it back.
                ps.setBoolean(i++, s.pause());
                ps.setString(i++, s.error());
                ps.setBoolean(i++, s.pause());
                ps.setString(i++, s.pausedReason());
                ps.setString(i++, s.error());
                ps.setBoolean(i++, s.newValidators());
                ps.setString(i++, s.etag());
                ps.setBoolean(i++, s.newValidators());
                ps.setString(i++, s.lastModified());
                ps.setBytes(i++, s.bodyHash());
                ps.setString(i++, s.title());
                if (s.postingIntervalSeconds() == null) {
                    ps.setNull(i++, Types.BIGINT);
                } else {
                    ps.setLong(i++, s.postingIntervalSeconds());
                }
                ps.setLong(i, s.feedId());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        List<FeedState> moves = states.stream().filter(s -> s.movedTo() != null).toList();
        if (!moves.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(MOVE)) {
                for (FeedState s : moves) {
                    ps.setString(1, s.movedTo());
                    ps.setLong(2, s.feedId());
                    ps.setString(3, s.movedTo());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
    }

    private static void setInteger(PreparedStatement ps, int index, Integer value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setInt(index, value);
        }
    }
}
