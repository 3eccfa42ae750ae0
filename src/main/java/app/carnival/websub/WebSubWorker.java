package app.carnival.websub;

import app.carnival.background.Ticker;
import app.carnival.config.CarnivalConfig;
import app.carnival.mail.rules.Backoff;
import app.carnival.websub.rules.Mode;
import app.carnival.websub.rules.Step;
import app.carnival.websub.rules.SubscriptionState;
import app.carnival.websub.store.ClaimedSubscription;
import app.carnival.websub.store.Subscriptions;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The background job of WebSub: subscribes to the hubs feeds announce, sends again a request the hub
 * never verified, renews before the lease ends, unsubscribes when no participant follows the feed any
 * more, retries failures with back-off. Claims subscriptions with a lease (any instance may run it),
 * talks to the hub outside any transaction, records the answer under its claim.
 */
@ApplicationScoped
public class WebSubWorker {

    private static final Logger LOG = Logger.getLogger(WebSubWorker.class);

    private final Subscriptions subscriptions;
    private final HubRequests hubs;
    private final CarnivalConfig.WebSub config;
    private final InstantSource clock;
    private Ticker ticker;

    public WebSubWorker(Subscriptions subscriptions, HubRequests hubs, CarnivalConfig config, InstantSource clock) {
        this.subscriptions = subscriptions;
        this.hubs = hubs;
        this.config = config.websub();
        this.clock = clock;
    }

    void start(@Observes StartupEvent started) {
        if (config.workerEnabled()) {
            ticker = Ticker.surviving("websub-tick", config.tick(), "WebSub cycle", this::run);
        }
    }

    void stop(@Observes ShutdownEvent stopping) {
        Ticker.stop(ticker);
    }

    /** Acts on every due subscription, batch after batch; returns how many it acted on. */
    public int run() {
        int done = 0;
        while (true) {
            List<ClaimedSubscription> claimed =
                    subscriptions.claimDue(clock.instant(), config.lease(), config.batchSize());
            claimed.forEach(this::act);
            done += claimed.size();
            if (claimed.size() < config.batchSize()) {
                return done;
            }
        }
    }

    /** One subscription: never throws; a failure leaves it claimed until its lease ends, then it is tried again. */
    void act(ClaimedSubscription s) {
        try {
            Step step = Step.next(s.state(), s.orphaned(), s.attempts(), config.maxUnsubscribeAttempts());
            if (step == Step.FORGET) {
                subscriptions.forget(s);
                return;
            }
            Mode mode = step == Step.SUBSCRIBE ? Mode.SUBSCRIBE : Mode.UNSUBSCRIBE;
            Optional<String> refused = hubs.send(s, mode);
            Instant now = clock.instant();
            // Sent again after the back-off if the hub never verifies it (or refused it).
            Instant retryAt = now.plus(Backoff.after(s.attempts() + 1, config.backoffBase(), config.backoffCap()));
            SubscriptionState state = mode == Mode.UNSUBSCRIBE
                    ? SubscriptionState.UNSUBSCRIBING
                    : refused.isPresent() ? SubscriptionState.FAILED : SubscriptionState.SUBSCRIBING;
            subscriptions.requested(s, state, retryAt, refused.orElse(null), now);
            refused.ifPresent(
                    why -> LOG.infof("WebSub %s of %s at %s: %s", mode.wire(), s.topicUrl(), s.hubUrl(), why));
        } catch (RuntimeException e) {
            LOG.warnf("WebSub request to %s failed: %s", s.hubUrl(), e.toString());
        }
    }
}
