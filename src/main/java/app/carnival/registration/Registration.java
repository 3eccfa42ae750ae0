package app.carnival.registration;

import app.carnival.feed.store.Feed;
import app.carnival.response.ResponseRecorder;
import app.carnival.security.Tokens;
import app.carnival.series.Series;
import app.carnival.web.Problems;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import app.carnival.participant.Participant;
import app.carnival.participant.ParticipantRequest;
import app.carnival.participant.ParticipantView;

/** Enrols a blog in a series: one feed row per URL, one participant per (series, feed). */
@ApplicationScoped
public class Registration {

    private final ResponseRecorder recorder;
    private final FeedLocator locator;

    public Registration(ResponseRecorder recorder, FeedLocator locator) {
        this.recorder = recorder;
        this.locator = locator;
    }

    /**
     * Finds the feed (network, so outside any transaction), then enrols in a transaction of its own.
     * Must not be called inside a transaction. Returns the view with the participant token, shown this once.
     */
    public ParticipantView register(String slug, ParticipantRequest request) {
        QuarkusTransaction.requiringNew().run(() -> Series.require(slug)); // an unknown series costs no fetch
        String given = request.feedUrl() == null || request.feedUrl().isBlank() ? null : request.feedUrl().trim();
        String feedUrl = locator.locate(request.blogUrl().trim(), given);
        return QuarkusTransaction.requiringNew().call(() -> enrol(Series.require(slug), request, feedUrl));
    }

    private ParticipantView enrol(Series series, ParticipantRequest request, String feedUrl) {
        Feed feed = Feed.findOrCreate(feedUrl);
        if (Participant.count("series = ?1 and feed = ?2", series, feed) > 0) {
            throw Problems.conflict("The feed " + feed.url + " is already registered in series '" + series.slug + "'.");
        }
        String token = Tokens.newToken();
        Participant p = new Participant();
        p.series = series;
        p.feed = feed;
        p.name = request.name().trim();
        p.blogUrl = request.blogUrl().trim();
        p.avatarUrl = request.avatarUrl() == null || request.avatarUrl().isBlank() ? null : request.avatarUrl().trim();
        p.tokenHash = Tokens.hash(token);
        p.persistAndFlush();
        Participant.getEntityManager().refresh(p);
        recorder.matchExisting(p);
        return ParticipantView.of(p).withToken(token);
    }
}
