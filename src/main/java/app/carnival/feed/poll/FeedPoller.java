package app.carnival.feed.poll;

import app.carnival.config.CarnivalConfig;
import app.carnival.fetch.FetchException;
import app.carnival.fetch.FetchResult;
import app.carnival.fetch.HttpFetcher;
import app.carnival.response.ResponseRecorder;
import app.carnival.participant.Participant;
import app.carnival.security.Digests;
import app.carnival.series.Assignment;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import app.carnival.feed.parse.FeedParseException;
import app.carnival.feed.parse.FeedParser;
import app.carnival.feed.parse.ParsedEntry;
import app.carnival.feed.parse.ParsedFeed;
import app.carnival.feed.schedule.PollSchedule;
import app.carnival.feed.store.ClaimedFeed;
import app.carnival.feed.store.Feed;
import app.carnival.feed.store.FeedState;
import app.carnival.feed.store.FeedStateWriter;
import app.carnival.feed.store.Post;
import app.carnival.feed.store.PostStore;

/**
 * Polls one claimed feed: fetch (outside any transaction), parse only when the body changed, then
 * store posts, match responses and record the feed's state in one transaction of its own, so a
 * broken feed never rolls back another. Feeds that only need their state recorded (304, errors)
 * hand it back to the caller, which writes many at once.
 */
@ApplicationScoped
public class FeedPoller {

    private static final Logger LOG = Logger.getLogger(FeedPoller.class);

    /** The outcome of a poll, and the feed state still to write (null when the poll wrote it itself). */
    public record Polled(PollOutcome outcome, FeedState pendingState) {
    }

    private final HttpFetcher fetcher;
    private final FeedParser parser = new FeedParser();
    private final PostStore posts;
    private final ResponseRecorder recorder;
    private final FeedStateWriter states;
    private final InstantSource clock;
    private final PollSchedule schedule;
    private final HostLimiter hosts;

    public FeedPoller(HttpFetcher fetcher, PostStore posts, ResponseRecorder recorder, FeedStateWriter states,
                      InstantSource clock, CarnivalConfig config) {
        this.fetcher = fetcher;
        this.posts = posts;
        this.recorder = recorder;
        this.states = states;
        this.clock = clock;
        this.schedule = new PollSchedule(config.poll(), new Random());
        this.hosts = new HostLimiter(config.poll().perHostParallelism());
    }

    /** Polls a feed the caller has claimed. Never throws: failures become the feed's recorded state. */
    public Polled poll(ClaimedFeed feed) {
        Integer status = null;
        try {
            FetchResult result;
            try (HostLimiter.Permit permit = hosts.acquire(feed.url())) {
                result = fetcher.fetch(feed.url(), HttpFetcher.FEED_ACCEPT, feed.etag(), feed.lastModified());
            }
            status = result.status();
            if (result.notModified()) {
                return pending(PollOutcome.notModified(feed.id(), feed.url()), succeeded(feed, result, null, null, null));
            }
            if (status == 410) {
                String reason = "paused: the server says the feed is gone for good (HTTP 410)";
                FeedState paused = failed(feed, status, reason, null);
                return pending(PollOutcome.paused(feed.id(), feed.url(), status, reason), pause(paused, reason));
            }
            if (!result.ok()) {
                String error = result.statusLine();
                return pending(PollOutcome.failed(feed.id(), feed.url(), status, error), failed(feed, status, error, result.retryAfter()));
            }
            byte[] bodyHash = Digests.sha256(result.body());
            if (Arrays.equals(bodyHash, feed.bodyHash())) {
                // Same bytes as last time from a server without (working) validators: nothing to parse.
                return pending(PollOutcome.notModified(feed.id(), feed.url()), succeeded(feed, result, bodyHash, null, null));
            }
            ParsedFeed parsed = parser.parse(result.body(), result.contentType(), result.finalUrl());
            PollOutcome stored = QuarkusTransaction.requiringNew().call(() -> store(feed, result, parsed, bodyHash));
            return new Polled(stored, null);
        } catch (FetchException | FeedParseException e) {
            return pending(PollOutcome.failed(feed.id(), feed.url(), status, e.getMessage()), failed(feed, status, e.getMessage(), null));
        } catch (RuntimeException e) {
            LOG.errorf(e, "Polling feed %d (%s) failed", feed.id(), feed.url());
            String error = "internal error while storing the feed; it will be retried";
            return pending(PollOutcome.failed(feed.id(), feed.url(), status, error), failed(feed, status, error, null));
        }
    }

    private PollOutcome store(ClaimedFeed claimed, FetchResult result, ParsedFeed parsed, byte[] bodyHash) {
        Feed.getEntityManager().createNativeQuery("SET LOCAL synchronous_commit TO OFF").executeUpdate();
        Feed feed = Feed.getEntityManager().getReference(Feed.class, claimed.id());
        PostStore.Changes changes = posts.upsert(feed, parsed.entries(), clock.instant());
        List<Post> changed = changes.all();
        int newResponses = 0;
        if (!changed.isEmpty()) {
            List<Participant> participants = Participant.ofFeed(feed);
            Set<Long> seriesIds = participants.stream().map(p -> p.series.id).collect(Collectors.toSet());
            Map<Long, List<Assignment>> assignments = seriesIds.isEmpty() ? Map.of()
                    : Assignment.<Assignment>list("series.id in ?1", seriesIds).stream()
                            .collect(Collectors.groupingBy(a -> a.series.id));
            newResponses = recorder.record(participants, changed, assignments);
        }
        Duration rhythm = PollSchedule.postingInterval(parsed.entries().stream()
                .map(ParsedEntry::published).filter(Objects::nonNull).toList());
        String title = parsed.title() == null || parsed.title().isBlank() ? null
                : parsed.title().substring(0, Math.min(500, parsed.title().length()));
        states.writeInTransaction(succeeded(claimed, result, bodyHash, title, rhythm));
        return new PollOutcome(claimed.id(), claimed.url(), "updated", result.status(), parsed.entries().size(),
                changes.created().size(), changes.updated().size(), newResponses, null);
    }

    /** @param bodyHash null for a 304 (keep the stored one); rhythm null when not learnt from this poll */
    private FeedState succeeded(ClaimedFeed feed, FetchResult result, byte[] bodyHash, String title, Duration rhythm) {
        Instant now = clock.instant();
        boolean newValidators = !result.notModified();
        String moved = result.permanentUrl() != null && !result.permanentUrl().equals(feed.url())
                && result.permanentUrl().length() <= 2048 ? result.permanentUrl() : null;
        return new FeedState(feed.id(), result.status(), 0, null, now, schedule.afterSuccess(now, rhythm != null ? rhythm : feed.postingInterval(), feed.openUntil(), result.serverHint()),
                false, null, newValidators, result.etag(), result.lastModified(), bodyHash, title,
                rhythm == null ? null : rhythm.toSeconds(), moved);
    }

    private FeedState failed(ClaimedFeed feed, Integer status, String error, Duration retryAfter) {
        Instant now = clock.instant();
        int errors = feed.errorCount() + 1;
        return new FeedState(feed.id(), status, errors, error, now, schedule.afterFailure(now, errors, retryAfter),
                false, null, false, null, null, null, null, null, null);
    }

    private static FeedState pause(FeedState s, String reason) {
        return new FeedState(s.feedId(), s.status(), s.errorCount(), s.error(), s.polledAt(), s.nextPollAt(), true, reason,
                false, null, null, null, null, null, null);
    }

    private static Polled pending(PollOutcome outcome, FeedState state) {
        return new Polled(outcome, state);
    }
}
