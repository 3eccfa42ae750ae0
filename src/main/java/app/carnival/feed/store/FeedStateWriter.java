package app.carnival.feed.store;

import app.carnival.feed.parse.EntryPrint;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes feed states with plain JDBC: in the caller's transaction for a feed whose posts changed,
 * or many at once in one batch for the feeds that only need their state recorded (304s, errors).
 */
@ApplicationScoped
public class FeedStateWriter {

    /** Columns every poll sets; a success also clears the error and resumes a paused feed. */
    private static final String POLLED = "last_polled_at = ?, next_poll_at = ?, leased_until = NULL";

    private static final String SUCCESS = "error_count = 0, last_error = NULL, paused = FALSE, paused_reason = NULL";

    /**
     * The most frequent state, written for many feeds in one statement: a batch of single-row updates cost
     * the database an execution each. The ids are given twice so that the rows are found by key: joined to
     * {@code unnest} alone, the table was read whole (2.3 ms of 16 for 256 rows among 2,000; 0.9 ms by key).
     */
    private static final String NOT_MODIFIED = "UPDATE feed f SET last_status = 304, " + SUCCESS
            + ", last_polled_at = u.polled_at, next_poll_at = u.next_poll_at, leased_until = NULL"
            + " FROM unnest(?::bigint[], ?::timestamptz[], ?::timestamptz[]) AS u(id, polled_at, next_poll_at)"
            + " WHERE f.id = u.id AND f.id = ANY (?::bigint[])";

    private static final String FETCHED = "UPDATE feed SET last_status = ?, " + SUCCESS + ", " + POLLED
            + ", etag = ?, last_modified = ?, body_hash = ?, title = COALESCE(?, title),"
            + " posting_interval_seconds = COALESCE(?, posting_interval_seconds),"
            + " ttl_minutes = CASE WHEN ? THEN ? ELSE ttl_minutes END,"
            + " entry_fingerprints = COALESCE(?, entry_fingerprints), entry_published = COALESCE(?, entry_published)"
            + " WHERE id = ?";
    private static final String FAILED =
            "UPDATE feed SET last_status = ?, error_count = ?, last_error = ?, " + POLLED + " WHERE id = ?";
    private static final String GONE =
            "UPDATE feed SET last_status = ?, error_count = ?, last_error = ?, paused = TRUE," + " paused_reason = ?, "
                    + POLLED + " WHERE id = ?";

    /** A push changes none of the poll's columns: only what the parse learnt, and it ends the claim. */
    private static final String PUSHED = "UPDATE feed SET leased_until = NULL, title = COALESCE(?, title),"
            + " posting_interval_seconds = COALESCE(?, posting_interval_seconds) WHERE id = ?";

    /** A permanent move keeps the old URL when another feed row already has the new one. */
    private static final String MOVE =
            "UPDATE feed SET url = ? WHERE id = ? AND NOT EXISTS (SELECT 1 FROM feed WHERE url = ?)";

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
        notModified(c, ofKind(states, FeedState.NotModified.class));
        batch(c, FETCHED, states, FeedState.Fetched.class, (ps, s) -> {
            ps.setInt(1, s.status());
            polled(ps, 2, s);
            ps.setString(4, s.validators().etag());
            ps.setString(5, s.validators().lastModified());
            ps.setBytes(6, s.bodyHash());
            learnt(ps, 7, s.learnt());
            ps.setBoolean(9, s.learnt() != null);
            setInteger(ps, 10, s.learnt() == null || s.learnt().ttl() == null ? null : ttlMinutes(s.learnt()));
            entries(ps, 11, s.learnt() == null ? null : s.learnt().entries());
            ps.setLong(13, s.feedId());
        });
        batch(c, PUSHED, states, FeedState.Pushed.class, (ps, s) -> {
            learnt(ps, 1, s.learnt());
            ps.setLong(3, s.feedId());
        });
        batch(c, FAILED, states, FeedState.Failed.class, (ps, s) -> {
            setInteger(ps, 1, s.status());
            ps.setInt(2, s.errorCount());
            ps.setString(3, s.error());
            polled(ps, 4, s);
            ps.setLong(6, s.feedId());
        });
        batch(c, GONE, states, FeedState.Gone.class, (ps, s) -> {
            ps.setInt(1, s.status());
            ps.setInt(2, s.errorCount());
            ps.setString(3, s.reason());
            ps.setString(4, s.reason());
            polled(ps, 5, s);
            ps.setLong(7, s.feedId());
        });
        List<Move> moves = new ArrayList<>();
        for (FeedState s : states) {
            String movedTo = s instanceof FeedState.NotModified n
                    ? n.movedTo()
                    : s instanceof FeedState.Fetched f ? f.movedTo() : null;
            if (movedTo != null) {
                moves.add(new Move(s.feedId(), movedTo));
            }
        }
        batch(c, MOVE, moves, (ps, m) -> {
            ps.setString(1, m.url());
            ps.setLong(2, m.feedId());
            ps.setString(3, m.url());
        });
    }

    private record Move(long feedId, String url) {}

    private static void notModified(Connection c, List<FeedState.NotModified> states) throws SQLException {
        if (states.isEmpty()) {
            return;
        }
        Long[] ids = new Long[states.size()];
        Timestamp[] polled = new Timestamp[ids.length];
        Timestamp[] next = new Timestamp[ids.length];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = states.get(i).feedId();
            polled[i] = Timestamp.from(states.get(i).polledAt());
            next[i] = Timestamp.from(states.get(i).nextPollAt());
        }
        try (PreparedStatement ps = c.prepareStatement(NOT_MODIFIED)) {
            Array idArray = c.createArrayOf("bigint", ids);
            ps.setArray(1, idArray);
            ps.setArray(2, c.createArrayOf("timestamptz", polled));
            ps.setArray(3, c.createArrayOf("timestamptz", next));
            ps.setArray(4, idArray);
            ps.executeUpdate();
        }
    }

    private interface Binder<S> {
        void bind(PreparedStatement ps, S state) throws SQLException;
    }

    /** One batch of the states of one kind. */
    private static <S extends FeedState> void batch(
            Connection c, String sql, List<FeedState> states, Class<S> kind, Binder<S> binder) throws SQLException {
        batch(c, sql, ofKind(states, kind), binder);
    }

    private static <S extends FeedState> List<S> ofKind(List<FeedState> states, Class<S> kind) {
        return states.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    private static <T> void batch(Connection c, String sql, List<T> rows, Binder<T> binder) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (T row : rows) {
                binder.bind(ps, row);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void learnt(PreparedStatement ps, int index, FeedState.Learnt learnt) throws SQLException {
        ps.setString(index, learnt == null ? null : learnt.title());
        Long interval = learnt == null ? null : learnt.postingIntervalSeconds();
        if (interval == null) {
            ps.setNull(index + 1, Types.BIGINT);
        } else {
            ps.setLong(index + 1, interval);
        }
    }

    /** The fingerprints and dates of a parsed body's entries, as two arrays of one length; nulls keep the stored. */
    private static void entries(PreparedStatement ps, int index, List<EntryPrint> entries) throws SQLException {
        if (entries == null) {
            ps.setNull(index, Types.ARRAY);
            ps.setNull(index + 1, Types.ARRAY);
            return;
        }
        Long[] prints = new Long[entries.size()];
        Timestamp[] published = new Timestamp[entries.size()];
        for (int i = 0; i < prints.length; i++) {
            prints[i] = entries.get(i).fingerprint();
            Instant date = entries.get(i).published();
            published[i] = date == null ? null : Timestamp.from(date);
        }
        ps.setArray(index, ps.getConnection().createArrayOf("bigint", prints));
        ps.setArray(index + 1, ps.getConnection().createArrayOf("timestamptz", published));
    }

    private static void polled(PreparedStatement ps, int index, FeedState.Polled s) throws SQLException {
        ps.setTimestamp(index, Timestamp.from(s.polledAt()));
        ps.setTimestamp(index + 1, Timestamp.from(s.nextPollAt()));
    }

    /** Within the column's range; the schedule caps any hint at the maximum interval anyway. */
    private static int ttlMinutes(FeedState.Learnt learnt) {
        return (int) Math.min(learnt.ttl().toMinutes(), Integer.MAX_VALUE);
    }

    private static void setInteger(PreparedStatement ps, int index, Integer value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setInt(index, value);
        }
    }
}
