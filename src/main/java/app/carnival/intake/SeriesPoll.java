package app.carnival.intake;

import app.carnival.feed.poll.PollNow;
import app.carnival.feed.poll.PollOutcome;
import app.carnival.security.Caller;
import app.carnival.series.SeriesRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** A host's poll-now of a series: its feeds, then the invitations of its open assignments. */
@ApplicationScoped
public class SeriesPoll {

    private final PollNow pollNow;
    private final InvitationWatcher watcher;
    private final SeriesRepository series;

    public SeriesPoll(PollNow pollNow, InvitationWatcher watcher, SeriesRepository series) {
        this.pollNow = pollNow;
        this.watcher = watcher;
        this.series = series;
    }

    /**
     * What a series poll-now did.
     *
     * @param invitations the invitations checked; their candidates are verified in the background
     */
    public record SeriesPollReport(
            int polled,
            int newResponses,
            List<PollOutcome> outcomes,
            List<String> skipped,
            List<InvitationWatcher.Check> invitations) {}

    public SeriesPollReport series(String slug, Caller caller) {
        PollNow.PollReport feeds = pollNow.series(slug, caller);
        long seriesId = QuarkusTransaction.requiringNew().call(() -> series.require(slug).id);
        return new SeriesPollReport(
                feeds.polled(), feeds.newResponses(), feeds.outcomes(), feeds.skipped(), watcher.checkOpenOf(seriesId));
    }
}
