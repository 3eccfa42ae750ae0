package app.carnival.roundup;

import app.carnival.response.Response;
import app.carnival.series.Assignment;
import app.carnival.series.AssignmentRepository;
import app.carnival.series.Series;
import app.carnival.series.SeriesRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The numbers of assignments and series, counted in PostgreSQL from the visible responses. A
 * participant's first assignment is the earliest opened (then lowest-numbered) one they have a visible
 * response in, so the first-timers of an assignment depend on the earlier ones too: the round-up
 * cache keys on the assignment's {@code earlier_version} as well, which a trigger bumps ({@link RoundupCache}).
 */
@ApplicationScoped
public class Stats {

    /** Per assignment of the series (or only {@code ?2} when not null): counts, first-timers, first response, channels. */
    static final String PER_ASSIGNMENT = """
            WITH v AS (
                SELECT r.assignment_id, r.participant_id, r.late, r.source, p.published_at, a.opens_at, a.number
                FROM response r JOIN assignment a ON a.id = r.assignment_id JOIN post p ON p.id = r.post_id
                WHERE a.series_id = ?1 AND r.state IN ('AUTO', 'MANUAL')),
            firsts AS (SELECT DISTINCT ON (participant_id) participant_id, assignment_id AS first_id
                       FROM v ORDER BY participant_id, opens_at, number)
            SELECT v.assignment_id, count(*), count(*) FILTER (WHERE v.late),
                   count(DISTINCT v.participant_id) FILTER (WHERE f.first_id = v.assignment_id),
                   CAST(floor(extract(epoch FROM min(v.published_at) - min(v.opens_at))) AS bigint),
                   count(*) FILTER (WHERE v.source = 'FEED'), count(*) FILTER (WHERE v.source = 'WEBMENTION'),
                   count(*) FILTER (WHERE v.source = 'PINGBACK'), count(*) FILTER (WHERE v.source = 'COMMENT'),
                   count(*) FILTER (WHERE v.source = 'HOST')
            FROM v JOIN firsts f ON f.participant_id = v.participant_id
            WHERE (CAST(?2 AS bigint) IS NULL OR v.assignment_id = ?2)
            GROUP BY v.assignment_id""";

    /** The channels in the order of the query's counts. */
    private static final Response.Source[] CHANNELS = {
        Response.Source.FEED,
        Response.Source.WEBMENTION,
        Response.Source.PINGBACK,
        Response.Source.COMMENT,
        Response.Source.HOST
    };

    private final SeriesRepository series;
    private final AssignmentRepository assignments;
    private final InstantSource clock;

    public Stats(SeriesRepository series, AssignmentRepository assignments, InstantSource clock) {
        this.series = series;
        this.assignments = assignments;
        this.clock = clock;
    }

    /** The numbers of one assignment. */
    public AssignmentStats of(Assignment a) {
        return stats(a, counts(a.series, a.id).get(a.id));
    }

    public SeriesStats ofSeries(String slug) {
        return ofSeries(series.require(slug));
    }

    /** The series' totals and the numbers of each assignment that has opened, in the order they opened. */
    public SeriesStats ofSeries(Series s) {
        Map<Long, Object[]> counts = counts(s, null);
        List<AssignmentStats> per = assignments.ofSeries(s).stream()
                .filter(a -> !a.opensAt.isAfter(clock.instant()))
                .sorted(Comparator.comparing((Assignment a) -> a.opensAt).thenComparingInt(a -> a.number))
                .map(a -> stats(a, counts.get(a.id)))
                .toList();
        return new SeriesStats(
                s.slug,
                s.title,
                per.size(),
                per.stream().mapToInt(AssignmentStats::firstTimers).sum(),
                per.stream().mapToInt(AssignmentStats::responses).sum(),
                per);
    }

    private static Map<Long, Object[]> counts(Series s, Long assignmentId) {
        List<Object[]> rows = Response.getEntityManager()
                .createNativeQuery(PER_ASSIGNMENT, Object[].class)
                .setParameter(1, s.id)
                .setParameter(2, assignmentId)
                .getResultList();
        Map<Long, Object[]> byId = new HashMap<>();
        rows.forEach(row -> byId.put(((Number) row[0]).longValue(), row));
        return byId;
    }

    private static AssignmentStats stats(Assignment a, Object[] row) {
        var opens = a.opensAt.atZone(ZoneId.of(a.timezone)).toOffsetDateTime();
        if (row == null) {
            return new AssignmentStats(a.number, a.title, opens, 0, 0, 0, null, Map.of());
        }
        Map<Response.Source, Integer> channels = new LinkedHashMap<>();
        for (int i = 0; i < CHANNELS.length; i++) {
            int n = ((Number) row[5 + i]).intValue();
            if (n > 0) {
                channels.put(CHANNELS[i], n);
            }
        }
        return new AssignmentStats(
                a.number,
                a.title,
                opens,
                ((Number) row[1]).intValue(),
                ((Number) row[3]).intValue(),
                ((Number) row[2]).intValue(),
                ((Number) row[4]).longValue(),
                channels);
    }
}
