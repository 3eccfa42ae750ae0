package app.carnival.roundup;

import app.carnival.content.Excerpts;
import app.carnival.matching.MatchedBy;
import app.carnival.response.Response;
import app.carnival.series.Assignment;
import app.carnival.series.AssignmentView;
import app.carnival.series.Series;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

/** Builds round-ups from the response table (one indexed query, posts and participants fetched with it). */
@ApplicationScoped
public class Roundups {

    static final int EXCERPT_CHARS = 300;

    private final InstantSource clock;
    private final Stats stats;

    public Roundups(InstantSource clock, Stats stats) {
        this.clock = clock;
        this.stats = stats;
    }

    /** What readers see: the visible responses in publication order. */
    public RoundupView of(Assignment assignment) {
        List<RoundupView.Entry> entries = entries(assignment, false);
        return new RoundupView(
                AssignmentView.of(assignment, clock.instant()), entries.size(), entries, stats.of(assignment));
    }

    /** The round-up without its numbers, for the exports, which do not show them (no stats queries). */
    public RoundupView withoutNumbers(Assignment assignment) {
        List<RoundupView.Entry> entries = entries(assignment, false);
        return new RoundupView(AssignmentView.of(assignment, clock.instant()), entries.size(), entries);
    }

    /** What the host curates: every response, hidden and pending ones included, in publication order, with the intake's reasons. */
    public List<RoundupView.Entry> forHost(Assignment assignment) {
        return entries(assignment, true);
    }

    /**
     * Ids of the series' newest visible ({@link Response.State#visible}) responses: the newest {@code limit} of each assignment
     * (response_assignment_matched_idx), then the newest of those. The work grows with the series,
     * not with the whole response table, which the plain join and sort scanned once there were many series.
     */
    static final String NEWEST_OF_SERIES = """
            SELECT r.id FROM assignment a
            CROSS JOIN LATERAL (SELECT r.id, r.matched_at FROM response r
                                WHERE r.assignment_id = a.id AND r.state IN ('AUTO', 'MANUAL')
                                ORDER BY r.matched_at DESC, r.id DESC LIMIT ?2) r
            WHERE a.series_id = ?1
            ORDER BY r.matched_at DESC, r.id DESC LIMIT ?2""";

    /** The series' most recently matched visible responses, newest first, with the assignment each answers. */
    public List<SeriesEntry> newestOfSeries(Series series, int limit) {
        List<Long> ids = Response.getEntityManager()
                .createNativeQuery(NEWEST_OF_SERIES, Long.class)
                .setParameter(1, series.id)
                .setParameter(2, limit)
                .getResultList();
        List<Response> newest = ids.isEmpty()
                ? List.of()
                : Response.<Response>find(
                                "from Response r join fetch r.post join fetch r.participant join fetch r.assignment"
                                        + " where r.id in ?1 order by r.matchedAt desc, r.id desc",
                                ids)
                        .list();
        return newest.stream()
                .map(r -> new SeriesEntry(
                        r.assignment.number,
                        r.assignment.displayTitle(),
                        r.matchedAt,
                        entry(r, ZoneId.of(r.assignment.timezone))))
                .toList();
    }

    /** A response in the series feed: the entry and the assignment it answers. */
    public record SeriesEntry(int assignment, String assignmentTitle, Instant matchedAt, RoundupView.Entry entry) {}

    public static RoundupView.Entry entry(Response r, ZoneId zone) {
        return new RoundupView.Entry(
                r.id,
                r.participant.id,
                r.participant.name,
                r.participant.blogUrl,
                r.post.title,
                r.post.url,
                r.post.publishedAt.atZone(zone).toOffsetDateTime(),
                Excerpts.shorten(r.post.text, EXCERPT_CHARS),
                MatchedBy.of(r.byLink, r.byTag),
                r.late,
                r.state,
                r.source,
                null);
    }

    /** A projection, not entities: a round-up reads only the columns it shows (and the start of the text). */
    private static List<RoundupView.Entry> entries(Assignment assignment, boolean withHidden) {
        ZoneId zone = ZoneId.of(assignment.timezone);
        List<Response.State> states = Arrays.stream(Response.State.values())
                .filter(s -> withHidden || s.visible())
                .toList();
        List<Object[]> rows = Response.getEntityManager()
                .createQuery(
                        "select r.id, pa.name, pa.blogUrl, p.title, p.url, p.publishedAt, substring(p.text, 1, ?3),"
                                // the intake's reasons are for the host: readers' round-ups do not read them
                                + " r.byLink, r.byTag, r.late, r.state, r.source, pa.id"
                                + (withHidden ? ", r.reason" : "")
                                + " from Response r join r.post p join r.participant pa"
                                + " where r.assignment = ?1 and r.state in ?2 order by p.publishedAt, r.id",
                        Object[].class)
                .setParameter(1, assignment)
                .setParameter(2, states)
                .setParameter(3, EXCERPT_CHARS + 1)
                .getResultList();
        return rows.stream()
                .map(row -> new RoundupView.Entry(
                        (Long) row[0],
                        (Long) row[12],
                        (String) row[1],
                        (String) row[2],
                        (String) row[3],
                        (String) row[4],
                        ((Instant) row[5]).atZone(zone).toOffsetDateTime(),
                        Excerpts.shorten((String) row[6], EXCERPT_CHARS),
                        MatchedBy.of((Boolean) row[7], (Boolean) row[8]),
                        (Boolean) row[9],
                        (Response.State) row[10],
                        (Response.Source) row[11],
                        withHidden ? (String) row[13] : null))
                .toList();
    }
}
