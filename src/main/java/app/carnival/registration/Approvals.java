package app.carnival.registration;

import app.carnival.errors.Conflict;
import app.carnival.feed.store.FeedRepository;
import app.carnival.participant.Participant;
import app.carnival.participant.ParticipantRepository;
import app.carnival.participant.ParticipantView;
import app.carnival.response.StoredPostMatching;
import app.carnival.security.Caller;
import app.carnival.series.Series;
import app.carnival.series.SeriesRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.InstantSource;

/**
 * The series host decides on the registrations that wait for approval (series with the {@code REVIEW}
 * registration policy). Approving makes the feed due now and matches the posts already stored;
 * rejecting deletes the registration (and its feed, when nobody else follows it: V5's trigger).
 */
@ApplicationScoped
public class Approvals {

    private final SeriesRepository series;
    private final ParticipantRepository participants;
    private final FeedRepository feeds;
    private final StoredPostMatching matching;
    private final InstantSource clock;

    public Approvals(
            SeriesRepository series,
            ParticipantRepository participants,
            FeedRepository feeds,
            StoredPostMatching matching,
            InstantSource clock) {
        this.series = series;
        this.participants = participants;
        this.feeds = feeds;
        this.matching = matching;
        this.clock = clock;
    }

    /** Approves a pending registration; one approved already stays as it is. */
    public ParticipantView approve(String slug, String id, Caller caller) {
        ParticipantView approved = QuarkusTransaction.requiringNew().call(() -> {
            Participant p = ofSeries(slug, id, caller);
            if (p.pending()) {
                p.status = Participant.Status.APPROVED;
                feeds.dueBy(p.feed, clock.instant());
            }
            return ParticipantView.of(p);
        });
        matching.matchParticipant(approved.id()); // posts a feed shared with another series already has
        return approved;
    }

    /** Rejects a pending registration: it is deleted. One that takes part already is removed otherwise. */
    public void reject(String slug, String id, Caller caller) {
        QuarkusTransaction.requiringNew().run(() -> {
            Participant p = ofSeries(slug, id, caller);
            if (!p.pending()) {
                throw new Conflict("Participant " + id + " is approved already: remove it instead (DELETE"
                        + " /api/participants/" + id + "), or block it.");
            }
            p.delete();
        });
    }

    private Participant ofSeries(String slug, String id, Caller caller) {
        Series s = series.require(slug);
        s.requireHost(caller);
        return participants.requireInSeries(s, id);
    }
}
