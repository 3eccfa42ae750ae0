package app.carnival.participant;

import app.carnival.feed.Feed;
import app.carnival.matching.ResponseRecorder;
import app.carnival.security.Tokens;
import app.carnival.series.Series;
import app.carnival.web.Problems;
import jakarta.enterprise.context.ApplicationScoped;

/** Enrols a blog in a series: one feed row per URL, one participant per (series, feed). */
@ApplicationScoped
public class Registration {

    private final ResponseRecorder recorder;

    public Registration(ResponseRecorder recorder) {
        this.recorder = recorder;
    }

    /** Must run in a transaction. Returns the view with the participant token, shown this once. */
    public ParticipantView register(Series series, ParticipantRequest request) {
        if (request.feedUrl() == null || request.feedUrl().isBlank()) {
            throw Problems.invalidField("feedUrl", "is required: give the address of your blog's RSS or Atom feed");
        }
        Feed feed = Feed.findOrCreate(request.feedUrl().trim());
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
