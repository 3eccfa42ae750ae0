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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes feed states with plain JDBC: in the caller's transaction for a feed whose posts changed,
 * or many at once in one batch for the feeds that only need their state recorded (304s, errors).
 */
@ApplicationScoped
public class FeedStateWriter {

    /**
     * When each polled feed was polled and is due again, all kinds in one statement on the narrow schedule table
     * (V21), with what each kind does to a pause ({@link #pausedAfter}). The dates go
     * as microseconds since the epoch: the driver formats a timestamp array element by element, with a Calendar
     * each. The ids are given twice so that the rows are found by key: joined to {@code unnest} alone, the table
     * was read whole.
     */
    private static final String SCHEDULED = """
            UPDATE feed_schedule s SET last_polled_at = 'epoch'::timestamptz + u.polled_at * interval '1 microsecond',
                next_poll_at = 'epoch'::timestamptz + u.next_poll_at * interval '1 microsecond',
                leased_until = NULL, paused = COALESCE(u.paused, s.paused)
            FROM unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::boolean[]) AS u(id, polled_at, next_poll_at, paused)
            WHERE s.feed_id = u.id AND s.feed_id = ANY (?::bigint[])""";

    private static final String SUCCESS = "error_count = 0, last_error = NULL, paused_reason = NULL";

    /**
     * A 304 leaves the feed row as it is unless it ends a run of errors or a pause: most feeds answer 304 poll
     * after poll, and their rows are only read.
     */
    private static final String NOT_MODIFIED = "UPDATE feed SET last_status = 304, " + SUCCESS
            + " WHERE id = ANY (?::bigint[]) AND (last_status IS DISTINCT FROM 304 OR error_count <> 0"
            + " OR last_error IS NOT NULL OR paused_reason IS NOT NULL)";

    private static final String FETCHED = "UPDATE feed SET last_status = ?, " + SUCCESS
            + ", etag = ?, last_modified = ?, body_hash = ?, title = COALESCE(?, title),"
            + " posting_interval_seconds = COALESCE(?, posting_interval_seconds),"
            + " ttl_minutes = CASE WHEN ? THEN ? ELSE ttl_minutes END,"
            + " entry_fingerprints = COALESCE(?, entry_fingerprints), entry_published = COALESCE(?, entry_published)"
            + " WHERE id = ?";
    private static final String FAILED =
            "UPDATE feed SET last_status = ?, error_count = ?, last_error = ? WHERE id = ?";
    private static final String GONE =
            "UPDATE feed SET last_status = ?, error_count = ?, last_error = ?, paused_reason = ? WHERE id = ?";

    /** A push changes none of the poll's columns: only what the parse learnt, and it ends the claim. */
    private static final String PUSHED = "UPDATE feed SET title = COALESCE(?, title),"
            + " posting_interval_seconds = COALESCE(?, posting_interval_seconds) WHERE id = ?";

    private static final String PUSH_CLAIM_ENDED = "UPDATE feed_schedule SET leased_until = NULL WHERE feed_id = ?";

    /** A permanent move keeps the old URL when another feed row already has the new one. */
    private static final String MOVE =
            "UPDATE feed SET url = ? WHERE id = ? AND NOT EXISTS (SELECT 1 FROM feed WHERE url = ?)";

    private final AgroalDataSource dataSource;

    public FeedStateWriter(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Inside a JTA transaction: the connection is the transaction's. The transaction commits without waiting for the
     * disk, as {@link #writeBatch}: what it records (the polls' states and posts) is polled again if a crash loses it.
     */
    public void writeInTransaction(List<FeedState> states) {
        try (Connection c = dataSource.getConnection()) {
            commitWithoutWaitingForDisk(c);
            write(c, states);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record the state of " + states.size() + " feeds", e);
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
            commitWithoutWaitingForDisk(c);
            write(c, states);
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record the state of " + states.size() + " feeds", e);
        }
    }

    /** For the current transaction only; PostgreSQL reads the setting when the transaction commits. */
    private static void commitWithoutWaitingForDisk(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("SET LOCAL synchronous_commit TO OFF");
        }
    }

    /** The schedule first: the database takes the poll time of a feed's first failure from it. */
    private static void write(Connection c, List<FeedState> states) throws SQLException {
        scheduled(c, ofKind(states, FeedState.Polled.class));
        notModified(c, ofKind(states, FeedState.NotModified.class));
        batch(c, FETCHED, states, FeedState.Fetched.class, (ps, s) -> {
            ps.setInt(1, s.status());
            ps.setString(2, s.validators().etag());
            ps.setString(3, s.validators().lastModified());
            ps.setBytes(4, s.bodyHash());
            learnt(ps, 5, s.learnt());
            ps.setBoolean(7, s.learnt() != null);
            setInteger(ps, 8, s.learnt() == null || s.learnt().ttl() == null ? null : ttlMinutes(s.learnt()));
            entries(ps, 9, s.learnt() == null ? null : s.learnt().entries());
            ps.setLong(11, s.feedId());
        });
        batch(c, PUSHED, states, FeedState.Pushed.class, (ps, s) -> {
            learnt(ps, 1, s.learnt());
            ps.setLong(3, s.feedId());
        });
        batch(c, PUSH_CLAIM_ENDED, states, FeedState.Pushed.class, (ps, s) -> ps.setLong(1, s.feedId()));
        batch(c, FAILED, states, FeedState.Failed.class, (ps, s) -> {
            setInteger(ps, 1, s.status());
            ps.setInt(2, s.errorCount());
            ps.setString(3, s.error());
            ps.setLong(4, s.feedId());
        });
        batch(c, GONE, states, FeedState.Gone.class, (ps, s) -> {
            ps.setInt(1, s.status());
            ps.setInt(2, s.errorCount());
            ps.setString(3, s.reason());
            ps.setString(4, s.reason());
            ps.setLong(5, s.feedId());
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

    private static void scheduled(Connection c, List<FeedState.Polled> states) throws SQLException {
        if (states.isEmpty()) {
            return;
        }
        Long[] ids = new Long[states.size()];
        Long[] polled = new Long[ids.length];
        Long[] next = new Long[ids.length];
        Boolean[] paused = new Boolean[ids.length];
        for (int i = 0; i < ids.length; i++) {
            FeedState.Polled s = states.get(i);
            ids[i] = s.feedId();
            polled[i] = micros(s.polledAt());
            next[i] = micros(s.nextPollAt());
            paused[i] = pausedAfter(s);
        }
        try (PreparedStatement ps = c.prepareStatement(SCHEDULED)) {
            Array idArray = c.createArrayOf("bigint", ids);
            ps.setArray(1, idArray);
            ps.setArray(2, c.createArrayOf("bigint", polled));
            ps.setArray(3, c.createArrayOf("bigint", next));
            ps.setArray(4, c.createArrayOf("boolean", paused));
            ps.setArray(5, idArray);
            ps.executeUpdate();
        }
    }

    /** A success resumes a paused feed, a 410 pauses it, a failure leaves it as it is (null). */
    private static Boolean pausedAfter(FeedState.Polled state) {
        if (state instanceof FeedState.Gone) {
            return Boolean.TRUE;
        }
        return state instanceof FeedState.Failed ? null : Boolean.FALSE;
    }

    private static long micros(Instant at) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, at);
    }

    private static void notModified(Connection c, List<FeedState.NotModified> states) throws SQLException {
        if (states.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(NOT_MODIFIED)) {
            ps.setArray(
                    1,
                    c.createArrayOf(
                            "bigint", states.stream().map(FeedState::feedId).toArray(Long[]::new)));
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
