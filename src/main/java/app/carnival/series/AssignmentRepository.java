package app.carnival.series;

import app.carnival.errors.NotFound;
import app.carnival.matching.AssignmentCriteria;
import app.carnival.matching.MatchRule;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Data access for assignments. */
@ApplicationScoped
public class AssignmentRepository {

    /** The columns of {@link Assignment#criteria()}, the hashtag as {@link Assignment#effectiveHashtag()} reads it. */
    private static final String ANSWERABLE = """
            SELECT a.id, a.invitation_url,
                   ARRAY(SELECT al.url FROM assignment_alias al WHERE al.assignment_id = a.id ORDER BY al.position),
                   COALESCE(a.hashtag, s.hashtag), a.opens_at, a.closes_at, a.grace_minutes, a.match_rule, p.id
            FROM participant p
            JOIN assignment a ON a.series_id = p.series_id
            JOIN series s ON s.id = p.series_id
            WHERE p.feed_id = ? AND p.status = 'APPROVED'
            """;

    private final SeriesRepository series;
    private final AgroalDataSource dataSource;

    public AssignmentRepository(SeriesRepository series, AgroalDataSource dataSource) {
        this.series = series;
        this.dataSource = dataSource;
    }

    /** The assignment, or not found for an unknown series, a number that is not a positive integer, or no such number. */
    public Assignment require(String slug, String number) {
        return require(series.require(slug), number);
    }

    /** The series' assignment with this number (as given in a URL), or not found. */
    public Assignment require(Series series, String number) {
        int n;
        try {
            n = Integer.parseInt(number);
        } catch (NumberFormatException e) {
            throw new NotFound("Assignment numbers are positive integers, not '" + number + "'.");
        }
        return find(series, n)
                .orElseThrow(() -> new NotFound("Series '" + series.slug + "' has no assignment number " + n + "."));
    }

    public Assignment byId(long id) {
        return Assignment.findById(id);
    }

    public Optional<Assignment> find(Series series, int number) {
        return Assignment.find("series = ?1 and number = ?2", series, number).firstResultOptional();
    }

    public List<Assignment> ofSeries(Series series) {
        return Assignment.list("series = ?1 order by number", series);
    }

    /** An assignment a feed's post may answer, and the feed's participant in its series. */
    public record FeedAssignment(AssignmentCriteria criteria, long participantId) {}

    /**
     * The assignments of every series the feed's blog takes part in, as criteria, in one query: a poll
     * that found new entries asks this for every feed, and loading the entities cost more than matching.
     */
    public List<FeedAssignment> answerableFrom(long feedId) {
        List<FeedAssignment> answerable = new ArrayList<>();
        // The pool's connection, not the ORM's: the poller reads this outside any transaction.
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(ANSWERABLE)) {
                ps.setLong(1, feedId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        answerable.add(new FeedAssignment(
                                new AssignmentCriteria(
                                        rs.getLong(1),
                                        rs.getString(2),
                                        List.of((String[]) rs.getArray(3).getArray()),
                                        rs.getString(4),
                                        rs.getTimestamp(5).toInstant(),
                                        rs.getTimestamp(6).toInstant(),
                                        rs.getInt(7),
                                        MatchRule.valueOf(rs.getString(8))),
                                rs.getLong(9)));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the assignments of feed " + feedId, e);
        }
        return answerable;
    }

    /** Assignments still to close, soonest first, their series fetched with them. */
    public List<Assignment> closingAfter(Instant now) {
        return Assignment.list("from Assignment a join fetch a.series where a.closesAt > ?1 order by a.closesAt", now);
    }

    /** The guest host tokens (hashes) issued for the series' assignments: their holders may poll its feeds. */
    public List<byte[]> guestTokenHashes(Series series) {
        return Assignment.getEntityManager()
                .createQuery(
                        "select a.guestTokenHash from Assignment a where a.series = ?1 and a.guestTokenHash is not null",
                        byte[].class)
                .setParameter(1, series)
                .getResultList();
    }

    public int nextNumber(Series series) {
        Integer max = Assignment.getEntityManager()
                .createQuery("select max(a.number) from Assignment a where a.series = ?1", Integer.class)
                .setParameter(1, series)
                .getSingleResult();
        return max == null ? 1 : max + 1;
    }

    /** An address an assignment answers to: its invitation URL or one of its aliases. */
    public record Target(long assignmentId, String url) {}

    /**
     * The invitations and aliases that mention this host (ASCII or Unicode spelling): the few a target URL on that host can
     * name, compared exactly by the caller (normalized). Narrowing only, so any spelling that
     * contains the host will do. Plain rows, no entities: a Webmention asks this on every request.
     */
    public List<Target> targetsOnHost(String host) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Assignment.getEntityManager()
                .createNativeQuery("SELECT a.id, a.invitation_url FROM assignment a"
                        + " WHERE strpos(lower(a.invitation_url), ?1) > 0 OR strpos(lower(a.invitation_url), ?2) > 0"
                        + " UNION ALL SELECT al.assignment_id, al.url FROM assignment_alias al"
                        + " WHERE strpos(lower(al.url), ?1) > 0 OR strpos(lower(al.url), ?2) > 0")
                .setParameter(1, host.toLowerCase(java.util.Locale.ROOT))
                .setParameter(
                        2,
                        java.net
                                .IDN
                                .toUnicode(host, java.net.IDN.ALLOW_UNASSIGNED)
                                .toLowerCase(java.util.Locale.ROOT))
                .getResultList();
        return rows.stream()
                .map(r -> new Target(((Number) r[0]).longValue(), (String) r[1]))
                .toList();
    }
}
