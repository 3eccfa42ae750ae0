package app.carnival.roundup;

import app.carnival.config.CarnivalConfig;
import app.carnival.series.AssignmentStatus;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Rendered round-ups (JSON, page) kept in memory and served again while the assignment's
 * {@code roundup_version} — bumped by database triggers on every change that shows in a round-up —
 * and the rest of the key are unchanged. Each instance checks the version in the database, so a
 * change made through any instance is seen by all. The renderings kept are bounded by their size in
 * bytes ({@code carnival.roundup.cache-max-bytes}).
 */
@ApplicationScoped
public class RoundupCache {

    /**
     * The version, the window, and {@code earlier_version}: an assignment's first-timers are
     * participants with no visible response in one opened earlier, so a change there (a response
     * hidden, added or removed, an assignment moved or deleted) changes this round-up's numbers. A
     * trigger (V11) bumps {@code earlier_version} of the later assignments then, so one row says it all.
     */
    private static final String VERSION = """
            SELECT a.id, a.roundup_version, a.opens_at, a.closes_at, a.closes_at + a.grace_minutes * interval '1 minute',
                   a.earlier_version
            FROM assignment a JOIN series s ON s.id = a.series_id
            WHERE s.slug = ? AND a.number = ?
            """;

    /**
     * Where an assignment's round-up stands: its id, version and window, and {@code earlier}, the
     * version of the earlier assignments as far as its first-timers are concerned.
     */
    public record Version(
            long assignmentId, long version, Instant opensAt, Instant closesAt, Instant graceEndsAt, long earlier) {

        public Version(long assignmentId, long version, Instant opensAt, Instant closesAt, Instant graceEndsAt) {
            this(assignmentId, version, opensAt, closesAt, graceEndsAt, 0);
        }

        /** The assignment's status at {@code now}, which round-ups show. */
        public AssignmentStatus status(Instant now) {
            return AssignmentStatus.at(now, opensAt, closesAt, graceEndsAt);
        }
    }

    private record Key(String kind, long assignmentId, long version, long earlier, String variant) {}

    private final AgroalDataSource dataSource;
    private final Cache<Key, byte[]> rendered;

    @Inject
    public RoundupCache(AgroalDataSource dataSource, CarnivalConfig config, MeterRegistry registry) {
        this(dataSource, config.roundup().cacheMaxBytes());
        // cache_gets_total{cache="roundup",result="hit|miss"}, cache_evictions_total, cache_size
        CaffeineCacheMetrics.monitor(registry, rendered, "roundup");
    }

    RoundupCache(AgroalDataSource dataSource, long maxBytes) {
        this.dataSource = dataSource;
        this.rendered = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((Key key, byte[] bytes) -> bytes.length)
                .recordStats()
                // Evicting on the thread that added a rendering: the bound holds when get returns, not eventually.
                .executor(Runnable::run)
                .build();
    }

    /** The assignment's current version, or empty when the series or number does not exist. */
    public Optional<Version> version(String slug, String number) {
        int n;
        try {
            n = Integer.parseInt(number);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(VERSION)) {
            ps.setString(1, slug);
            ps.setInt(2, n);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? Optional.of(new Version(
                                rs.getLong(1),
                                rs.getLong(2),
                                rs.getTimestamp(3).toInstant(),
                                rs.getTimestamp(4).toInstant(),
                                rs.getTimestamp(5).toInstant(),
                                rs.getLong(6)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the round-up version", e);
        }
    }

    /** Drops the renderings of these assignments (deleted: no request can name them again). */
    public void forget(Collection<Long> assignmentIds) {
        if (!assignmentIds.isEmpty()) {
            rendered.asMap().keySet().removeIf(k -> assignmentIds.contains(k.assignmentId()));
        }
    }

    /**
     * The bytes rendered for this version and variant, rendering them on a miss.
     *
     * @param variant what else the rendering depends on (e.g. the assignment's open/closed status, the minute)
     */
    public byte[] get(String kind, Version version, String variant, Supplier<byte[]> render) {
        // One rendering per key: requests arriving meanwhile wait for it instead of rendering too.
        return rendered.get(
                new Key(kind, version.assignmentId(), version.version(), version.earlier(), variant),
                k -> render.get());
    }
}
