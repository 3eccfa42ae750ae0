package app.carnival.roundup;

import app.carnival.errors.NotFound;
import app.carnival.participant.ParticipantRepository;
import app.carnival.series.Assignment;
import app.carnival.series.AssignmentRepository;
import app.carnival.series.Series;
import app.carnival.series.SeriesRepository;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.List;

/**
 * The round-up and the series in the formats people subscribe to or paste: Atom, Markdown, an HTML
 * snippet, OPML. Absolute links are built on {@code base}, the service's public address.
 */
@ApplicationScoped
public class RoundupExports {

    /** Responses in the series feed: enough for a feed reader polling a few times a day. */
    static final int SERIES_FEED_SIZE = 50;

    private final Roundups roundups;
    private final RoundupCache cache;
    private final SeriesRepository series;
    private final AssignmentRepository assignments;
    private final ParticipantRepository participants;
    private final ObjectMapper json;
    private final InstantSource clock;

    public RoundupExports(
            Roundups roundups,
            RoundupCache cache,
            SeriesRepository series,
            AssignmentRepository assignments,
            ParticipantRepository participants,
            ObjectMapper json,
            InstantSource clock) {
        this.roundups = roundups;
        this.cache = cache;
        this.series = series;
        this.assignments = assignments;
        this.participants = participants;
        this.json = json;
        this.clock = clock;
    }

    /** The round-up's current cache version, or not found (naming what is missing: series, number or assignment). */
    public RoundupCache.Version version(String slug, String number) {
        return cache.version(slug, number).orElseThrow(() -> {
            assignments.require(slug, number);
            return new NotFound("Series '" + slug + "' has no assignment number " + number + ".");
        });
    }

    /** The round-up as JSON, from the cache while its version is unchanged. */
    public byte[] json(String slug, String number) {
        RoundupCache.Version version = version(slug, number);
        return cache.get("json", version, version.status(clock.instant()).wire(), () -> {
            try {
                return json.writeValueAsBytes(roundups.of(assignments.byId(version.assignmentId())));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("A round-up always serializes", e);
            }
        });
    }

    public String atom(String slug, String number, URI base) {
        return atom(assignments.require(slug, number), base);
    }

    public String markdown(String slug, String number) {
        return markdown(assignments.require(slug, number));
    }

    public String htmlSnippet(String slug, String number) {
        return htmlSnippet(assignments.require(slug, number));
    }

    public String seriesAtom(String slug, URI base) {
        return seriesAtom(series.require(slug), base);
    }

    public String opml(String slug) {
        return opml(series.require(slug));
    }

    private String atom(Assignment a, URI base) {
        RoundupView roundup = roundups.withoutNumbers(a);
        String page = assignmentPage(base, a);
        List<AtomWriter.Item> items =
                roundup.responses().stream().map(e -> item(page, e, e.title())).toList();
        Instant updated = roundup.responses().stream()
                .map(e -> e.publishedAt().toInstant())
                .max(Comparator.naturalOrder())
                .orElse(a.opensAt);
        AtomWriter.Channel channel = new AtomWriter.Channel(
                page,
                "Round-up: " + a.displayTitle(),
                a.series.title + ", assignment " + a.number,
                api(base, a) + "/roundup.atom",
                page,
                updated);
        return AtomWriter.write(channel, items);
    }

    public String markdown(Assignment a) {
        return RoundupMarkdown.write(roundups.withoutNumbers(a));
    }

    public String htmlSnippet(Assignment a) {
        return RoundupHtml.write(roundups.withoutNumbers(a));
    }

    /** The series' newly matched responses, newest first, each titled with the assignment it answers. */
    private String seriesAtom(Series series, URI base) {
        String page = base.resolve("series/" + series.slug).toString();
        List<Roundups.SeriesEntry> newest = roundups.newestOfSeries(series, SERIES_FEED_SIZE);
        List<AtomWriter.Item> items = newest.stream()
                .map(s -> item(
                        page + "/" + s.assignment(),
                        s.entry(),
                        "#" + s.assignment() + ": " + s.entry().title()))
                .toList();
        Instant updated =
                newest.stream().map(Roundups.SeriesEntry::matchedAt).findFirst().orElse(series.createdAt);
        AtomWriter.Channel channel = new AtomWriter.Channel(
                page,
                series.title + ": new responses",
                "Responses to " + series.title + " as Carnival finds them",
                base.resolve("api/series/" + series.slug + "/responses.atom").toString(),
                page,
                updated);
        return AtomWriter.write(channel, items);
    }

    private String opml(Series series) {
        List<ParticipantsOpml.Subscription> subscriptions = participants.ofSeries(series).stream()
                .map(p -> new ParticipantsOpml.Subscription(p.name, p.feed.url, p.blogUrl))
                .toList();
        return ParticipantsOpml.write(series.title + " participants", clock.instant(), subscriptions);
    }

    private static AtomWriter.Item item(String page, RoundupView.Entry e, String title) {
        return new AtomWriter.Item(
                page + "#response-" + e.id(),
                title,
                e.url(),
                e.participant(),
                e.blogUrl(),
                e.publishedAt().toInstant(),
                e.excerpt());
    }

    private static String assignmentPage(URI base, Assignment a) {
        return base.resolve("series/" + a.series.slug + "/" + a.number).toString();
    }

    private static String api(URI base, Assignment a) {
        return base.resolve("api/series/" + a.series.slug + "/assignments/" + a.number)
                .toString();
    }
}
