package app.carnival.roundup;

import app.carnival.series.AssignmentStatus;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Rendered round-ups (JSON, page) kept in memory and served again while the assignment's
 * {@code roundup_version} — bumped by database triggers on every change that shows in a round-up —
 * and the rest of the key are unchanged. Each instance checks the version in the database, so a
 * change made through any instance is seen by all.
 */
@ApplicationScoped
public class RoundupCache {

    /** Round-ups kept at most; a full cache starts over (round-ups are cheap to rebuild, once). */
    private static final int MAX_ENTRIES = 512;

    private static final String VERSION = """
            SELECT a.id, a.roundup_version, a.opens_at, a.closes_at, a.closes_at + a.grace_minutes * interval '1 minute'
            FROM assignment a JOIN series s ON s.id = a.series_id
            WHERE s.slug = ? AND a.number = ?
            """;

    /** Where an assignment's round-up stands: its id, version and window. */
    public record Version(long assignmentId, long version, Instant opensAt, Instant closesAt, Instant graceEndsAt) {

        /** The assignment's status at {@code now}, which round-ups show. */
        public AssignmentStatus status(Instant now) {
            return AssignmentStatus.at(now, opensAt, closesAt, graceEndsAt);
        }
    }

    private record Key(String kind, long assignmentId, long version, String variant) {
    }

    private final AgroalDataSource dataSource;
    private final Map<Key, byte[]> rendered = new ConcurrentHashMap<>();

    public RoundupCache(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The assignment's current version, or empty when the series or number does not exist. */
    public Optional<Version> version(String slug, String number) {
        int n;
        try {
            n = Integer.parseInt(number);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(VERSION)) {
            ps.setString(1, slug);
            ps.setInt(2, n);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Version(rs.getLong(1), rs.getLong(2), rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant())) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the round-up version", e);
        }
    }

    /**
     * The bytes rendered for this version and variant, rendering them on a miss.
     *
     * @param variant what else the rendering depends on (e.g. the assignment's open/closed status, the minute)
     */
    public byte[] get(String kind, Version version, String variant, Supplier<byte[]> render) {
        Key key = new Key(kind, version.assignmentId(), version.version(), variant);
        byte[] bytes = rendered.get(key);
        if (bytes != null) {
            return bytes;
        }
        if (rendered.size() >= MAX_ENTRIES) {
            rendered.clear();
        }
        // One rendering per key: requests arriving meanwhile wait for it instead of rendering too.
        return rendered.computeIfAbsent(key, k -> render.get());
    }
}
