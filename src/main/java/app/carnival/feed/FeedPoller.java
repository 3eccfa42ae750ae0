package app.carnival.feed;

import app.carnival.config.CarnivalConfig;
import app.carnival.fetch.FetchException;
import app.carnival.fetch.FetchResult;
import app.carnival.fetch.HttpFetcher;
import app.carnival.matching.ResponseRecorder;
import app.carnival.participant.Participant;
import app.carnival.series.Assignment;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Random;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Polls one claimed feed: fetch (outside any transaction), parse, then store posts, match responses
 * and record the feed's state in one transaction of its own, so a broken feed never rolls back another.
 */
@ApplicationScoped
public class FeedPoller {

    private static final Logger LOG = Logger.getLogger(FeedPoller.class);

    private final HttpFetcher fetcher;
    private final FeedParser parser = new FeedParser();
    private final PostStore posts;
    private final ResponseRecorder recorder;
    private final InstantSource clock;
    private final PollSchedule schedule;
    private final HostLimiter hosts;

    public FeedPoller(HttpFetcher fetcher, PostStore posts, ResponseRecorder recorder, InstantSource clock, CarnivalConfig config) {
        this.fetcher = fetcher;
        this.posts = posts;
        this.recorder = recorder;
        this.clock = clock;
        CarnivalConfig.Poll poll = config.poll();
        this.schedule = new PollSchedule(poll.interval(), poll.jitter(), poll.backoffBase(), poll.backoffCap(),
                new Random());
        this.hosts = new HostLimiter(poll.perHostParallelism());
    }

    /** Polls a feed the caller has claimed, and releases the claim. Never throws: failures are recorded on the feed. */
    public PollOutcome poll(long feedId) {
        Feed snapshot = QuarkusTransaction.requiringNew().call(() -> Feed.<Feed>findById(feedId));
        if (snapshot == null) {
            return PollOutcome.failed(feedId, null, null, "feed no longer exists");
        }
        String url = snapshot.url;
        Integer status = null;
        try {
            FetchResult result;
            try (HostLimiter.Permit permit = hosts.acquire(url)) {
                result = fetcher.fetch(url, HttpFetcher.FEED_ACCEPT, snapshot.etag, snapshot.lastModified);
            }
            status = result.status();
            if (result.notModified()) {
                inTransaction(feedId, feed -> succeeded(feed, result));
                return PollOutcome.notModified(feedId, url);
            }
            if (status == 410) {
                String reason = "paused: the server says the feed is gone for good (HTTP 410)";
                inTransaction(feedId, feed -> pause(feed, result, reason));
                return PollOutcome.paused(feedId, url, status, reason);
            }
            if (!result.ok()) {
                String error = "HTTP " + status + " " + HttpStatusText.of(status);
                inTransaction(feedId, feed -> failed(feed, result.status(), error, result.retryAfter()));
                return PollOutcome.failed(feedId, url, status, error);
            }
            ParsedFeed parsed = parser.parse(result.body(), result.contentType(), result.finalUrl());
            return QuarkusTransaction.requiringNew().call(() -> store(feedId, result, parsed));
        } catch (FetchException | FeedParseException e) {
            String error = e.getMessage();
            Integer finalStatus = status;
            inTransaction(feedId, feed -> failed(feed, finalStatus, error, null));
            return PollOutcome.failed(feedId, url, status, error);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Polling feed %d (%s) failed", feedId, url);
            String error = "internal error while storing the feed; it will be retried";
            try {
                Integer finalStatus = status;
                inTransaction(feedId, feed -> failed(feed, finalStatus, error, null));
            } catch (RuntimeException again) {
                // Database unreachable: the lease runs out and the feed is claimed again later.
                LOG.warnf("Could not record the failure of feed %d: %s", feedId, again.getMessage());
            }
            return PollOutcome.failed(feedId, url, status, error);
        }
    }

    private PollOutcome store(long feedId, FetchResult result, ParsedFeed parsed) {
        Feed feed = Feed.findById(feedId);
        Instant now = clock.instant();
        PostStore.Changes changes = posts.upsert(feed, parsed.entries(), now);
        int newResponses = 0;
        if (!changes.all().isEmpty()) {
            List<Participant> participants = Participant.ofFeed(feed);
            Set<Long> seriesIds = participants.stream().map(p -> p.series.id).collect(Collectors.toSet());
            Map<Long, List<Assignment>> assignments = seriesIds.isEmpty() ? Map.of()
                    : Assignment.<Assignment>list("series.id in ?1", seriesIds).stream()
                            .collect(Collectors.groupingBy(a -> a.series.id));
            newResponses = recorder.record(participants, changes.all(), assignments);
        }
        if (parsed.title() != null && !parsed.title().isBlank()) {
            feed.title = parsed.title().length() > 500 ? parsed.title().substring(0, 500) : parsed.title();
        }
        succeeded(feed, result);
        return new PollOutcome(feedId, feed.url, "updated", result.status(), parsed.entries().size(),
                changes.created().size(), changes.updated().size(), newResponses, null);
    }

    private void succeeded(Feed feed, FetchResult result) {
        Instant now = clock.instant();
        if (!result.notModified()) {
            feed.etag = result.etag();
            feed.lastModified = result.lastModified();
        }
        movePermanently(feed, result);
        feed.lastStatus = result.status();
        feed.errorCount = 0;
        feed.lastError = null;
        feed.lastPolledAt = now;
        feed.nextPollAt = schedule.afterSuccess(now, result.retryAfter());
        feed.leasedUntil = null;
    }

    private void failed(Feed feed, Integer status, String error, Duration retryAfter) {
        Instant now = clock.instant();
        feed.lastStatus = status;
        feed.errorCount++;
        feed.lastError = error;
        feed.lastPolledAt = now;
        feed.nextPollAt = schedule.afterFailure(now, feed.errorCount, retryAfter);
        feed.leasedUntil = null;
    }

    private void pause(Feed feed, FetchResult result, String reason) {
        failed(feed, result.status(), reason, null);
        feed.paused = true;
        feed.pausedReason = reason;
    }

    /** 301/308 all the way: the feed has moved, unless another feed row already has that address. */
    private static void movePermanently(Feed feed, FetchResult result) {
        String moved = result.permanentUrl();
        if (moved != null && !moved.equals(feed.url) && moved.length() <= 2048 && Feed.findByUrl(moved).isEmpty()) {
            LOG.infof("Feed %d moved permanently: %s -> %s", feed.id, feed.url, moved);
            feed.url = moved;
        }
    }

    private static void inTransaction(long feedId, java.util.function.Consumer<Feed> change) {
        QuarkusTransaction.requiringNew().run(() -> {
            Feed feed = Feed.findById(feedId);
            if (feed != null) {
                change.accept(feed);
            }
        });
    }
}
