package app.carnival.roundup;

import app.carnival.content.Excerpts;
import app.carnival.errors.NotFound;
import app.carnival.history.Streaks;
import app.carnival.participant.Participant;
import app.carnival.participant.ParticipantRepository;
import app.carnival.response.Response;
import app.carnival.series.Assignment;
import app.carnival.series.AssignmentRepository;
import app.carnival.series.AssignmentStatus;
import app.carnival.series.Series;
import app.carnival.series.SeriesRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** A participant's history in their series (their visible responses and streaks), as JSON and as Atom. */
@ApplicationScoped
public class ParticipantHistories {

    private final SeriesRepository series;
    private final AssignmentRepository assignments;
    private final ParticipantRepository participants;
    private final InstantSource clock;

    public ParticipantHistories(
            SeriesRepository series,
            AssignmentRepository assignments,
            ParticipantRepository participants,
            InstantSource clock) {
        this.series = series;
        this.assignments = assignments;
        this.participants = participants;
        this.clock = clock;
    }

    /**
     * The participant's history, or not found when the series does not exist or the participant is not
     * in it (nor shown while its registration waits for approval: it is not public yet).
     */
    public ParticipantHistory of(String slug, String participantId) {
        Series s = series.require(slug);
        Participant p = participants.requireInSeries(s, participantId);
        if (p.pending()) {
            throw new NotFound("Series '" + slug + "' has no participant with id '" + participantId + "'.");
        }
        return of(s, p);
    }

    private ParticipantHistory of(Series s, Participant p) {
        List<Response.State> visible = Arrays.stream(Response.State.values())
                .filter(Response.State::visible)
                .toList();
        List<Response> rows = Response.<Response>find(
                        "from Response r join fetch r.post join fetch r.assignment a"
                                + " where r.participant = ?1 and r.state in ?2"
                                + " order by a.number desc, r.post.publishedAt desc, r.id desc",
                        p,
                        visible)
                .list();
        List<ParticipantHistory.Entry> entries = rows.stream()
                .map(r -> new ParticipantHistory.Entry(
                        r.id,
                        r.assignment.number,
                        r.assignment.displayTitle(),
                        r.post.title,
                        r.post.url,
                        r.post.publishedAt
                                .atZone(ZoneId.of(r.assignment.timezone))
                                .toOffsetDateTime(),
                        Excerpts.shorten(r.post.text, Roundups.EXCERPT_CHARS),
                        r.late,
                        r.state,
                        r.source))
                .toList();
        Set<Integer> answered =
                entries.stream().map(ParticipantHistory.Entry::assignment).collect(Collectors.toSet());
        Instant now = clock.instant();
        List<Assignment> ofSeries = assignments.ofSeries(s);
        List<Streaks.Slot> opened = ofSeries.stream()
                .filter(a -> !now.isBefore(a.opensAt))
                .map(a -> new Streaks.Slot(
                        a.number,
                        AssignmentStatus.at(now, a.opensAt, a.closesAt, a.graceEndsAt())
                                .takesEntries(),
                        answered.contains(a.number)))
                .toList();
        Streaks.Result streaks = Streaks.of(opened);
        // The earliest opened, as for the round-ups' first-timers (Stats): numbers need not follow the calendar.
        Integer first = ofSeries.stream()
                .filter(a -> answered.contains(a.number))
                .min(Comparator.comparing((Assignment a) -> a.opensAt).thenComparingInt(a -> a.number))
                .map(a -> a.number)
                .orElse(null);
        return new ParticipantHistory(
                p.id, p.name, p.blogUrl, s.slug, first, answered.size(), streaks.current(), streaks.longest(), entries);
    }

    /** The participant's visible responses as Atom, newest assignment first, each titled with the assignment. */
    public String atom(String slug, String participantId, URI base) {
        ParticipantHistory history = of(slug, participantId);
        Series s = series.require(slug);
        String seriesPage = base.resolve("series/" + slug).toString();
        String page = seriesPage + "/participants/" + history.id();
        List<AtomWriter.Item> items = history.responses().stream()
                .map(e -> new AtomWriter.Item(
                        seriesPage + "/" + e.assignment() + "#response-" + e.id(),
                        "#" + e.assignment() + ": " + (e.title() == null ? "" : e.title()),
                        e.url(),
                        history.name(),
                        history.blogUrl(),
                        e.publishedAt().toInstant(),
                        e.excerpt()))
                .toList();
        Instant updated = history.responses().stream()
                .map(e -> e.publishedAt().toInstant())
                .max(Comparator.naturalOrder())
                .orElse(s.createdAt);
        String seriesTitle = s.title;
        AtomWriter.Channel channel = new AtomWriter.Channel(
                page,
                history.name() + " in " + seriesTitle,
                "Responses of " + history.name() + " to " + seriesTitle,
                base.resolve("api/series/" + slug + "/participants/" + history.id() + "/responses.atom")
                        .toString(),
                page,
                updated);
        return AtomWriter.write(channel, items);
    }
}
