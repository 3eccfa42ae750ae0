package app.carnival.registration;

import app.carnival.config.CarnivalConfig;
import app.carnival.errors.Conflict;
import app.carnival.errors.InvalidInput;
import app.carnival.errors.NotFound;
import app.carnival.feed.store.Feed;
import app.carnival.feed.store.FeedHealth;
import app.carnival.feed.store.FeedRepository;
import app.carnival.participant.BlockedBlog;
import app.carnival.participant.BlockedBlogs;
import app.carnival.participant.Participant;
import app.carnival.participant.ParticipantRepository;
import app.carnival.participant.ParticipantRequest;
import app.carnival.participant.ParticipantView;
import app.carnival.registration.rules.Caps;
import app.carnival.response.StoredPostMatching;
import app.carnival.security.Caller;
import app.carnival.security.Tokens;
import app.carnival.series.Series;
import app.carnival.series.SeriesRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Enrolment in a series, and the participant's self-service: one feed row per URL, one participant
 * per (series, feed). Registration follows fetch → decide → record: the feed is located on the
 * network first, the participant is recorded in a short transaction (within the caps, pending when
 * the series reviews registrations), then, once it takes part, its stored posts are matched.
 */
@ApplicationScoped
public class Registration {

    private final SeriesRepository series;
    private final FeedRepository feeds;
    private final ParticipantRepository participants;
    private final FeedLocator locator;
    private final StoredPostMatching matching;
    private final Explanations explanations;
    private final BlockedBlogs blocked;
    private final Caps caps;
    private final int recentPosts;
    private final boolean mailEnabled;

    public Registration(
            SeriesRepository series,
            FeedRepository feeds,
            ParticipantRepository participants,
            FeedLocator locator,
            StoredPostMatching matching,
            Explanations explanations,
            BlockedBlogs blocked,
            CarnivalConfig config) {
        this.blocked = blocked;
        this.series = series;
        this.feeds = feeds;
        this.participants = participants;
        this.locator = locator;
        this.matching = matching;
        this.explanations = explanations;
        this.caps = new Caps(
                config.registration().maxParticipantsPerSeries(),
                config.registration().maxFeedsPerHost());
        this.recentPosts = config.poll().recentPosts();
        this.mailEnabled = config.mail().smtpHost().isPresent();
    }

    /** Whether registering may ask for reminders by mail (only when an SMTP server is configured). */
    public boolean offersReminders() {
        return mailEnabled;
    }

    /**
     * Must not be called inside a transaction. Returns the view with the participant token, shown this
     * once; its status is {@code PENDING} when the series reviews registrations.
     */
    public ParticipantView register(String slug, ParticipantRequest request) {
        ReminderChoice reminders = ReminderChoice.of(request.email(), request.timeZone(), mailEnabled);
        String given = request.feedUrl() == null || request.feedUrl().isBlank()
                ? null
                : request.feedUrl().trim();
        // One read before any fetch: an unknown, blocked or full series costs none, and a feed already
        // polled is kept as given.
        boolean known = QuarkusTransaction.requiringNew().call(() -> {
            Series s = series.require(slug);
            blocked.refuseBlocked(s, request.blogUrl(), given);
            refuseOverCap(s, participants.countInSeries(s), null, 0);
            return given != null && feeds.findByUrl(given).isPresent();
        });
        String feedUrl = known ? given : locator.locate(request.blogUrl().trim(), given);
        ParticipantView enrolled =
                QuarkusTransaction.requiringNew().call(() -> enrol(series.require(slug), request, feedUrl, reminders));
        if (enrolled.status() == Participant.Status.APPROVED) {
            matching.matchParticipant(enrolled.id()); // a pending one's are matched when the host approves it
        }
        return enrolled;
    }

    /** The series' participants; for its host, the registrations waiting for approval after them. */
    public List<ParticipantView> participants(String slug, Caller caller) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Series s = series.require(slug);
            List<Participant> listed = new ArrayList<>(participants.ofSeries(s));
            if (caller.holds(s.hostTokenHash)) {
                listed.addAll(participants.pendingOfSeries(s));
            }
            return listed.stream().map(ParticipantView::of).toList();
        });
    }

    /** The participant, its feed's health and why each recent post did or did not match. */
    public ParticipantDetail detail(String id, Caller caller) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Participant p = participants.require(id);
            if (p.pending() && !p.isSelfOrHost(caller)) {
                // A registration the host has not approved is shown to no one else: it may be spam.
                caller.refused();
                throw new NotFound("No participant with id '" + id + "'.");
            }
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

    /** A blocked address as the host sees it. */
    public record BlockedView(
            long id,
            String url,
            String name,
            @Schema(nullable = true) String reason,
            Instant blockedAt) {
        static BlockedView of(BlockedBlog b) {
            return new BlockedView(b.id, b.url, b.name, b.reason, b.blockedAt);
        }
    }

    /**
     * The host removes a participant and blocks its blog and feed addresses from registering again in
     * the series (and from being discovered again by an intake). Returns the blocked entries.
     */
    public List<BlockedView> removeAndBlock(String slug, long participantId, String reason, Caller caller) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Series s = series.require(slug);
            s.requireHost(caller);
            Participant p = participants.byId(participantId);
            if (p == null || !p.series.id.equals(s.id)) {
                throw new InvalidInput(
                        "participantId", "no participant " + participantId + " in series '" + slug + "'");
            }
            List<BlockedBlog> entries =
                    List.of(blocked.block(s, p.blogUrl, p.name, reason), blocked.block(s, p.feed.url, p.name, reason));
            p.delete();
            BlockedBlog.flush(); // blocked_at comes from the database
            entries.forEach(BlockedBlog.getEntityManager()::refresh);
            return entries.stream().distinct().map(BlockedView::of).toList();
        });
    }

    /** The series' blocked addresses, for its host. */
    public List<BlockedView> blocked(String slug, Caller caller) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Series s = series.require(slug);
            s.requireHost(caller);
            return blocked.ofSeries(s).stream().map(BlockedView::of).toList();
        });
    }

    /** The host lets a blocked address register again. */
    public void unblock(String slug, String id, Caller caller) {
        QuarkusTransaction.requiringNew().run(() -> {
            Series s = series.require(slug);
            s.requireHost(caller);
            BlockedBlog b = blocked.ofSeries(s).stream()
                    .filter(e -> String.valueOf(e.id).equals(id))
                    .findFirst()
                    .orElseThrow(() -> new NotFound("Series '" + slug + "' has no blocked address " + id + "."));
            b.delete();
        });
    }

    private ParticipantView enrol(Series series, ParticipantRequest request, String feedUrl, ReminderChoice reminders) {
        blocked.refuseBlocked(series, feedUrl); // the feed the blog announced may be one the host blocked
        this.series.lockForEnrolment(series);
        Feed feed = feeds.findOrCreate(feedUrl); // a refusal below rolls the new row back
        if (participants.isEnrolled(series, feed)) {
            throw new Conflict("The feed " + feed.url + " is already registered in series '" + series.slug + "'.");
        }
        ParticipantRepository.OnFeedHost onHost = participants.onFeedHost(series, feed);
        refuseOverCap(series, participants.countInSeries(series), onHost.host(), onHost.participants());
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
        p.email = reminders.email();
        p.timeZone = reminders.timeZone();
        p.status = series.registrationPolicy == Series.RegistrationPolicy.REVIEW
                ? Participant.Status.PENDING
                : Participant.Status.APPROVED;
        p.persistAndFlush();
        Participant.getEntityManager().refresh(p);
        return ParticipantView.of(p).withToken(token);
    }

    private void refuseOverCap(Series s, long inSeries, String feedHost, long onFeedHost) {
        caps.refusal(s.slug, inSeries, feedHost, onFeedHost).ifPresent(reason -> {
            throw new Conflict(reason);
        });
    }
}
