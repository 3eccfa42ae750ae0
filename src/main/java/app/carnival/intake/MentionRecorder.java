package app.carnival.intake;

import app.carnival.config.CarnivalConfig;
import app.carnival.feed.store.Feed;
import app.carnival.feed.store.FeedRepository;
import app.carnival.feed.store.Post;
import app.carnival.feed.store.PostRepository;
import app.carnival.feed.store.PostStore;
import app.carnival.intake.store.Mention;
import app.carnival.intake.store.MentionQueue;
import app.carnival.metrics.CarnivalMetrics;
import app.carnival.participant.BlockedBlogs;
import app.carnival.participant.Participant;
import app.carnival.participant.ParticipantRepository;
import app.carnival.response.Response;
import app.carnival.response.ResponseRepository;
import app.carnival.series.Assignment;
import app.carnival.series.Series;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The record stage of an intake: applies a {@link SourceVerdict} to the database in one short
 * transaction. A verified source becomes a response (its blog a discovered participant when it was
 * none); a rejected one loses the response an intake had made of it; an unreachable one is retried
 * with back-off. The host's curation (hidden, added by hand) is never undone.
 */
@ApplicationScoped
public class MentionRecorder {

    private final CarnivalMetrics metrics;

    private final ParticipantRepository participants;
    private final FeedRepository feeds;
    private final PostRepository postRepository;
    private final PostStore posts;
    private final ResponseRepository responses;
    private final MentionQueue queue;
    private final CarnivalConfig.Intake config;
    private final InstantSource clock;
    private final BlockedBlogs blocked;

    public MentionRecorder(
            ParticipantRepository participants,
            FeedRepository feeds,
            PostRepository postRepository,
            PostStore posts,
            ResponseRepository responses,
            MentionQueue queue,
            CarnivalConfig config,
            InstantSource clock,
            BlockedBlogs blocked,
            CarnivalMetrics metrics) {
        this.metrics = metrics;
        this.blocked = blocked;
        this.participants = participants;
        this.feeds = feeds;
        this.postRepository = postRepository;
        this.posts = posts;
        this.responses = responses;
        this.queue = queue;
        this.config = config.intake();
        this.clock = clock;
    }

    /** What was recorded: the mention's verification and its response, if any. */
    public record Recorded(Mention.Verification verification, Response.State state, Long responseId, String detail) {}

    /**
     * @param attempts verifications of this source before this one
     */
    public Recorded record(UUID mentionId, Mention.Channel channel, int attempts, SourceVerdict verdict) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Mention mention = Mention.findById(mentionId);
            if (mention == null) {
                return new Recorded(Mention.Verification.REJECTED, null, null, "the assignment no longer exists");
            }
            Instant now = clock.instant();
            if (verdict instanceof SourceVerdict.Verified v && isBlocked(mention.assignment, v)) {
                String detail = "the host removed this blog from the series and blocked it";
                queue.finish(mentionId, Mention.Verification.REJECTED, detail, null, attempts + 1, now);
                return new Recorded(Mention.Verification.REJECTED, null, null, detail);
            }
            if (verdict instanceof SourceVerdict.Verified v) {
                Participant owner = owner(mention.assignment.series, v);
                if (owner.pending()) {
                    String detail = "the blog's registration waits for the host's approval";
                    queue.finish(mentionId, Mention.Verification.REJECTED, detail, null, attempts + 1, now);
                    return new Recorded(Mention.Verification.REJECTED, null, null, detail);
                }
                Response r = respond(mention.assignment, channel, v, owner);
                queue.finish(mentionId, Mention.Verification.VERIFIED, r.reason, r.id, attempts + 1, now);
                return new Recorded(Mention.Verification.VERIFIED, r.state, r.id, r.reason);
            }
            if (verdict instanceof SourceVerdict.Rejected rejected) {
                removeIntakeResponse(mention.responseId);
                queue.finish(mentionId, Mention.Verification.REJECTED, rejected.detail(), null, attempts + 1, now);
                return new Recorded(Mention.Verification.REJECTED, null, null, rejected.detail());
            }
            String detail = ((SourceVerdict.Unreachable) verdict).detail();
            if (attempts + 1 >= config.maxAttempts()) {
                String gaveUp = "given up after " + (attempts + 1) + " attempts: " + detail;
                queue.finish(mentionId, Mention.Verification.REJECTED, gaveUp, mention.responseId, attempts + 1, now);
                return new Recorded(Mention.Verification.REJECTED, null, mention.responseId, gaveUp);
            }
            queue.retry(mentionId, detail, attempts + 1, now.plus(backoff(attempts)), now);
            return new Recorded(Mention.Verification.QUEUED, null, mention.responseId, detail);
        });
    }

    /** A blog nobody registered whose address the host blocked is not discovered again. */
    private boolean isBlocked(Assignment a, SourceVerdict.Verified v) {
        return v.owner() instanceof SourceVerdict.Discovered d
                && blocked.find(a.series, d.blogUrl(), d.feedUrl()).isPresent();
    }

    /** The participant whose post it is: the one the check knew, or the blog's, created as discovered. */
    private Participant owner(Series series, SourceVerdict.Verified v) {
        return v.owner() instanceof SourceVerdict.Known known
                ? participants.byId(known.participantId())
                : discovered(series, (SourceVerdict.Discovered) v.owner());
    }

    private Response respond(Assignment a, Mention.Channel channel, SourceVerdict.Verified v, Participant owner) {
        boolean trusted = v.owner() instanceof SourceVerdict.Known known && known.trusted();
        Post post = stored(owner.feed, v);
        Response r = responses.find(a, post).orElse(null);
        if (r == null) {
            r = new Response();
            r.assignment = a;
            r.post = post;
            r.participant = owner;
            r.source = channel.responseSource();
            r.state = v.dateKnown() && (trusted || a.series.intakePolicy == Series.IntakePolicy.AUTO)
                    ? Response.State.AUTO
                    : Response.State.PENDING;
            r.matchedAt = clock.instant();
            fill(r, v, a);
            r.persist();
            metrics.responsesRecorded(r.source.name().toLowerCase(Locale.ROOT), 1);
        } else if (r.source.intake() && (r.state == Response.State.AUTO || r.state == Response.State.PENDING)) {
            fill(r, v, a);
        }
        return r;
    }

    private static void fill(Response r, SourceVerdict.Verified v, Assignment a) {
        r.byLink = v.decision().byLink();
        r.byTag = v.decision().byTag();
        r.late = v.decision().late();
        r.reason = r.state == Response.State.PENDING && v.dateKnown()
                ? v.reason() + "; from a blog the host has not approved yet: waiting for the host's approval"
                : v.reason();
    }

    /** The post in its blog's feed: one stored from the feed is kept as the feed has it, one stored from its page is updated. */
    private Post stored(Feed feed, SourceVerdict.Verified v) {
        Post existing = postRepository.atUrlInFeed(feed, v.post().url()).orElse(null);
        if (existing != null && !existing.guid.equals(existing.url)) {
            return existing;
        }
        Map<String, Post> written = posts.upsert(feed, List.of(v.post()), clock.instant());
        // nothing written: the page is as stored
        return written.isEmpty() ? existing : written.values().iterator().next();
    }

    /**
     * The series' participant for the blog's feed, created as discovered if there is none. Two posts of
     * one new blog may be verified at once: the insert does nothing when the other got there first.
     */
    private Participant discovered(Series series, SourceVerdict.Discovered d) {
        Feed feed = feeds.findOrCreate(d.feedUrl());
        return participants.inSeries(series, feed).orElseGet(() -> {
            participants.insertDiscovered(series, feed, d.name(), d.blogUrl());
            return participants.inSeries(series, feed).orElseThrow();
        });
    }

    private void removeIntakeResponse(Long responseId) {
        if (responseId == null) {
            return;
        }
        Response r = Response.findById(responseId);
        if (r != null && r.source.intake() && (r.state == Response.State.AUTO || r.state == Response.State.PENDING)) {
            r.delete();
        }
    }

    private Duration backoff(int attempts) {
        long factor = 1L << Math.min(attempts, 20);
        Duration d = config.backoffBase().multipliedBy(factor);
        return d.compareTo(config.backoffCap()) > 0 ? config.backoffCap() : d;
    }
}
