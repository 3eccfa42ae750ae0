package app.carnival.roundup;

import app.carnival.participant.Participant;
import app.carnival.series.Assignment;
import app.carnival.series.Series;
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
    private final InstantSource clock;

    public RoundupExports(Roundups roundups, InstantSource clock) {
        this.roundups = roundups;
        this.clock = clock;
    }

    public String atom(Assignment a, URI base) {
        RoundupView roundup = roundups.of(a);
        String page = assignmentPage(base, a);
        List<AtomWriter.Item> items = roundup.responses().stream()
                .map(e -> item(page, e, e.title()))
                .toList();
        Instant updated = roundup.responses().stream().map(e -> e.publishedAt().toInstant())
                .max(Comparator.naturalOrder()).orElse(a.opensAt);
        AtomWriter.Channel channel = new AtomWriter.Channel(page, "Round-up: " + a.title,
                a.series.title + ", assignment " + a.number, api(base, a) + "/roundup.atom", page, updated);
        return AtomWriter.write(channel, items);
    }

    public String markdown(Assignment a) {
        return RoundupMarkdown.write(roundups.of(a));
    }

    public String htmlSnippet(Assignment a) {
        return RoundupHtml.write(roundups.of(a));
    }

    /** The series' newly matched responses, newest first, each titled with the assignment it answers. */
    public String seriesAtom(Series series, URI base) {
        String page = base.resolve("series/" + series.slug).toString();
        List<Roundups.SeriesEntry> newest = roundups.newestOfSeries(series, SERIES_FEED_SIZE);
        List<AtomWriter.Item> items = newest.stream()
                .map(s -> item(page + "/" + s.assignment(), s.entry(), "#" + s.assignment() + ": " + s.entry().title()))
                .toList();
        Instant updated = newest.stream().map(Roundups.SeriesEntry::matchedAt).findFirst().orElse(series.createdAt);
        AtomWriter.Channel channel = new AtomWriter.Channel(page, series.title + ": new responses",
                "Responses to " + series.title + " as Carnival finds them", base.resolve("api/series/" + series.slug
                + "/responses.atom").toString(), page, updated);
        return AtomWriter.write(channel, items);
    }

    public String opml(Series series) {
        List<ParticipantsOpml.Subscription> subscriptions = Participant.ofSeries(series).stream()
                .map(p -> new ParticipantsOpml.Subscription(p.name, p.feed.url, p.blogUrl))
                .toList();
        return ParticipantsOpml.write(series.title + " participants", clock.instant(), subscriptions);
    }

    private static AtomWriter.Item item(String page, RoundupView.Entry e, String title) {
        return new AtomWriter.Item(page + "#response-" + e.id(), title, e.url(), e.participant(), e.blogUrl(),
                e.publishedAt().toInstant(), e.excerpt());
    }

    private static String assignmentPage(URI base, Assignment a) {
        return base.resolve("series/" + a.series.slug + "/" + a.number).toString();
    }

    private static String api(URI base, Assignment a) {
        return base.resolve("api/series/" + a.series.slug + "/assignments/" + a.number).toString();
    }
}
