package app.carnival.registration;

import app.carnival.config.CarnivalConfig;
import app.carnival.errors.Conflict;
import app.carnival.feed.store.Feed;
import app.carnival.feed.store.FeedHealth;
import app.carnival.feed.store.FeedRepository;
import app.carnival.participant.Participant;
import app.carnival.participant.ParticipantRepository;
import app.carnival.participant.ParticipantRequest;
import app.carnival.participant.ParticipantView;
import app.carnival.response.StoredPostMatching;
import app.carnival.security.Caller;
import app.carnival.security.Tokens;
import app.carnival.series.Series;
import app.carnival.series.SeriesRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Enrolment in a series, and the participant's self-service: one feed row per URL, one participant
 * per (series, feed). Registration follows fetch → decide → record: the feed is located on the
 * network first, the participant is recorded in a short transaction, then its stored posts are matched.
 */
@ApplicationScoped
public class Registration {

    private final SeriesRepository series;
    private final FeedRepository feeds;
    private final ParticipantRepository participants;
    private final FeedLocator locator;
    private final StoredPostMatching matching;
    private final Explanations explanations;
    private final int recentPosts;

    public Registration(
            SeriesRepository series,
            FeedRepository feeds,
            ParticipantRepository participants,
            FeedLocator locator,
            StoredPostMatching matching,
            Explanations explanations,
            CarnivalConfig config) {
        this.series = series;
        this.feeds = feeds;
        this.participants = participants;
        this.locator = locator;
        this.matching = matching;
        this.explanations = explanations;
        this.recentPosts = config.poll().recentPosts();
    }

    /** Must not be called inside a transaction. Returns the view with the participant token, shown this once. */
    public ParticipantView register(String slug, ParticipantRequest request) {
        String given = request.feedUrl() == null || request.feedUrl().isBlank()
                ? null
                : request.feedUrl().trim();
        // One read before any fetch: an unknown series costs none, and a feed already polled is kept as given.
        boolean known = QuarkusTransaction.requiringNew().call(() -> {
            series.require(slug);
            return given != null && feeds.findByUrl(given).isPresent();
        });
        String feedUrl = known ? given : locator.locate(request.blogUrl().trim(), given);
        ParticipantView enrolled =
                QuarkusTransaction.requiringNew().call(() -> enrol(series.require(slug), request, feedUrl));
        matching.matchParticipant(enrolled.id());
        return enrolled;
    }

    public List<ParticipantView> participants(String slug) {
        return QuarkusTransaction.requiringNew()
                .call(() -> participants.ofSeries(series.require(slug)).stream()
                        .map(ParticipantView::of)
                        .toList());
    }

    /** The participant, its feed's health and why each recent post did or did not match. */
    public ParticipantDetail detail(String id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Participant p = participants.require(id);
            return new ParticipantDetail(ParticipantView.of(p), FeedHealth.of(p.feed), explanations.of(p, recentPosts));
        });
    }

    /** The participant leaves its series (its own token or the host's). */
    public void leave(String id, Caller caller) {
        QuarkusTransaction.requiringNew().run(() -> {
            Participant p = participants.require(id);
            p.requireSelfOrHost(caller);
            p.delete();
        });
    }

    private ParticipantView enrol(Series series, ParticipantRequest request, String feedUrl) {
        Feed feed = feeds.findOrCreate(feedUrl);
        if (participants.isEnrolled(series, feed)) {
            throw new Conflict("The feed " + feed.url + " is already registered in series '" + series.slug + "'.");
        }
        String token = Tokens.newToken();
        Participant p = new Participant();
        p.series = series;
        p.feed = feed;
        p.name = request.name().trim();
        p.blogUrl = request.blogUrl().trim();
        p.avatarUrl = request.avatarUrl() == null || request.avatarUrl().isBlank()
                ? null
                : request.avatarUrl().trim();
        p.tokenHash = Tokens.hash(token);
        p.persistAndFlush();
        Participant.getEntityManager().refresh(p);
        return ParticipantView.of(p).withToken(token);
    }
}
