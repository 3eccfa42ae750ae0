package app.carnival.websub;

import app.carnival.config.CarnivalConfig;
import app.carnival.feed.parse.FeedParseException;
import app.carnival.feed.poll.FeedPoller;
import app.carnival.feed.poll.PollOutcome;
import app.carnival.feed.store.ClaimedFeed;
import app.carnival.feed.store.FeedClaimer;
import app.carnival.feed.store.FeedState;
import app.carnival.feed.store.FeedStateWriter;
import app.carnival.fetch.FetchResult;
import app.carnival.metrics.CarnivalMetrics;
import app.carnival.websub.rules.Mode;
import app.carnival.websub.rules.Signature;
import app.carnival.websub.store.PushTarget;
import app.carnival.websub.store.Subscriptions;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * What the hubs send to a subscription's callback, received by any instance: the verification of
 * intent (a GET, answered with its challenge only for a request we made), a denial, and pushed
 * content (a signed POST, recorded as a fetched feed through the poll's own stages).
 */
@ApplicationScoped
public class Callbacks {

    private static final Logger LOG = Logger.getLogger(Callbacks.class);

    /** How long a push waits for a poll of the same feed to finish before asking the hub to send it again. */
    private static final Duration CLAIM_WAIT = Duration.ofSeconds(3);

    private static final Duration CLAIM_RETRY = Duration.ofMillis(100);

    private final Subscriptions subscriptions;
    private final FeedClaimer claimer;
    private final FeedPoller poller;
    private final FeedStateWriter states;
    private final CarnivalMetrics metrics;
    private final InstantSource clock;
    private final CarnivalConfig.WebSub config;
    private final Duration pollLease;
    private final long maxBodyBytes;

    public Callbacks(
            Subscriptions subscriptions,
            FeedClaimer claimer,
            FeedPoller poller,
            FeedStateWriter states,
            CarnivalMetrics metrics,
            InstantSource clock,
            CarnivalConfig config) {
        this.subscriptions = subscriptions;
        this.claimer = claimer;
        this.poller = poller;
        this.states = states;
        this.metrics = metrics;
        this.clock = clock;
        this.config = config.websub();
        this.pollLease = config.poll().lease();
        this.maxBodyBytes = config.fetch().maxBodyBytes();
    }

    void countFromZero(@Observes StartupEvent started) {
        metrics.expectPushes(Arrays.stream(PushOutcome.values()).map(PushOutcome::label));
    }

    /** The largest pushed body taken: as large as a fetched feed may be. */
    public long maxBodyBytes() {
        return maxBodyBytes;
    }

    /**
     * A GET from a hub (W3C WebSub §5.3, §5.2): the challenge to echo when it verifies a request we
     * made for this topic and callback, an empty answer when it tells us a subscription was denied;
     * empty (404) for anything else.
     */
    public Optional<String> verify(
            String token, String mode, String topic, String challenge, String leaseSeconds, String reason) {
        if (topic == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if ("denied".equals(mode)) {
            Instant retryAt = now.plus(config.backoffCap());
            return subscriptions.denied(token, topic, reason, retryAt, now) ? Optional.of("") : Optional.empty();
        }
        Optional<Mode> asked = Mode.of(mode);
        if (asked.isEmpty() || challenge == null || challenge.isEmpty()) {
            return Optional.empty();
        }
        boolean ours = asked.get() == Mode.SUBSCRIBE
                ? subscriptions.verifySubscribe(token, topic, lease(leaseSeconds), now)
                : subscriptions.verifyUnsubscribe(token, topic);
        return ours ? Optional.of(challenge) : Optional.empty();
    }

    /** The lease the hub grants; the one we asked for when it names none we can use. */
    private long lease(String leaseSeconds) {
        long asked = config.requestedLease().toSeconds();
        if (leaseSeconds == null || !leaseSeconds.trim().matches("\\d{1,9}")) {
            return asked;
        }
        long granted = Long.parseLong(leaseSeconds.trim());
        return granted > 0 ? granted : asked;
    }

    /**
     * Content a hub pushed (W3C WebSub §7, §8): recorded when the callback is an active subscription's
     * and the body is signed with its secret, through the same stages as a polled feed.
     *
     * @param signature   the {@code X-Hub-Signature} header, null when absent
     * @param linkHeaders every {@code Link} header of the push (the hub names itself and the topic there)
     */
    public PushOutcome push(String token, byte[] body, String contentType, String signature, List<String> linkHeaders) {
        return counted(receive(token, body, contentType, signature, linkHeaders));
    }

    /** A push refused before it was read whole. */
    public PushOutcome tooLarge() {
        return counted(PushOutcome.TOO_LARGE);
    }

    private PushOutcome receive(
            String token, byte[] body, String contentType, String signature, List<String> linkHeaders) {
        Optional<PushTarget> target = subscriptions.pushTarget(token);
        if (target.isEmpty()) {
            return PushOutcome.UNKNOWN_TOPIC;
        }
        Signature.Check check = Signature.check(signature, body, target.get().secret());
        if (!(check instanceof Signature.Check.Valid)) {
            LOG.debugf("Push to subscription %d ignored: %s", target.get().subscriptionId(), check);
            return PushOutcome.BAD_SIGNATURE;
        }
        long feedId = target.get().feedId();
        Optional<ClaimedFeed> claimed = claim(feedId);
        if (claimed.isEmpty()) {
            return PushOutcome.RETRY_LATER;
        }
        ClaimedFeed feed = claimed.get();
        try {
            PollOutcome recorded =
                    poller.pushed(feed, FetchResult.received(feed.url(), body, contentType, linkHeaders));
            metrics.responsesRecorded("feed", recorded.newResponses());
            return PushOutcome.ACCEPTED;
        } catch (FeedParseException e) {
            release(feedId);
            return PushOutcome.UNPARSEABLE;
        } catch (RuntimeException e) {
            LOG.warnf(e, "Recording a push to feed %d failed", feedId);
            release(feedId);
            return PushOutcome.RETRY_LATER;
        }
    }

    /** The feed, claimed as a poll claims it (so a push and a poll never record at once); waits a little for a poll. */
    private Optional<ClaimedFeed> claim(long feedId) {
        Instant giveUp = clock.instant().plus(CLAIM_WAIT);
        while (true) {
            Optional<ClaimedFeed> claimed = claimer.claim(feedId, clock.instant(), pollLease);
            if (claimed.isPresent() || clock.instant().isAfter(giveUp)) {
                return claimed;
            }
            try {
                Thread.sleep(CLAIM_RETRY.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }

    private void release(long feedId) {
        try {
            states.writeBatch(List.of(new FeedState.Pushed(feedId, null)));
        } catch (RuntimeException e) {
            // The claim then ends with its lease.
            LOG.warnf("Could not release feed %d after a push: %s", feedId, e.getMessage());
        }
    }

    private PushOutcome counted(PushOutcome outcome) {
        metrics.pushReceived(outcome.label());
        return outcome;
    }
}
