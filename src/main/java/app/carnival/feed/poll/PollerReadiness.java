package app.carnival.feed.poll;

import app.carnival.config.CarnivalConfig;
import app.carnival.feed.store.FeedBacklog;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready while the poller keeps up: the scheduler running here finished a batch or a tick within
 * {@code carnival.poll.max-silence}, and no due feed is overdue by more than {@code carnival.poll.max-lag}.
 * An instance without a scheduler is ready whatever the lag (it only serves pages and the API).
 * Liveness is not affected: a restart does not help a poller that is behind.
 */
@Readiness
@ApplicationScoped
public class PollerReadiness implements HealthCheck {

    private final PollScheduler scheduler;
    private final FeedBacklog backlog;
    private final InstantSource clock;
    private final CarnivalConfig.Poll config;

    public PollerReadiness(PollScheduler scheduler, FeedBacklog backlog, InstantSource clock, CarnivalConfig config) {
        this.scheduler = scheduler;
        this.backlog = backlog;
        this.clock = clock;
        this.config = config.poll();
    }

    @Override
    public HealthCheckResponse call() {
        Instant now = clock.instant();
        FeedBacklog.Snapshot feeds = backlog.now();
        Optional<Instant> progress = scheduler.lastProgress();
        Optional<String> problem = problem(now, progress, feeds.lag(), config.maxSilence(), config.maxLag());
        HealthCheckResponseBuilder response = HealthCheckResponse.named("poller")
                .status(problem.isEmpty())
                .withData("scheduler", progress.isPresent() ? "running" : "off on this instance")
                .withData("lagSeconds", feeds.lag().toSeconds())
                .withData("dueFeeds", feeds.due())
                .withData("feedsInError", feeds.inError());
        progress.ifPresent(p -> response.withData("lastProgress", p.toString()));
        problem.ifPresent(p -> response.withData("problem", p));
        return response.build();
    }

    /** Why the poller is not keeping up, if it is not. Pure: every input is given. */
    static Optional<String> problem(
            Instant now, Optional<Instant> lastProgress, Duration lag, Duration maxSilence, Duration maxLag) {
        if (lastProgress.isEmpty()) {
            return Optional.empty(); // no scheduler here (a web-only instance): polling is another instance's job
        }
        if (Duration.between(lastProgress.get(), now).compareTo(maxSilence) > 0) {
            return Optional.of("the scheduler finished nothing for "
                    + Duration.between(lastProgress.get(), now).toSeconds() + " s (bound " + maxSilence.toSeconds()
                    + " s)");
        }
        if (lag.compareTo(maxLag) > 0) {
            return Optional.of(
                    "the oldest due feed is " + lag.toSeconds() + " s overdue (bound " + maxLag.toSeconds() + " s)");
        }
        return Optional.empty();
    }
}
