package app.carnival.feed.poll;

import app.carnival.config.CarnivalConfig;
import app.carnival.errors.Conflict;
import app.carnival.errors.RateLimited;
import app.carnival.feed.store.Feed;
import app.carnival.participant.Participant;
import app.carnival.participant.ParticipantRepository;
import app.carnival.security.Caller;
import app.carnival.series.AssignmentRepository;
import app.carnival.series.Series;
import app.carnival.series.SeriesRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Poll-now for hosts (a whole series) and participants (their own feed). Rate limited per feed by
 * its last poll time, which every instance sees in the database. Polls run outside any request transaction.
 */
@ApplicationScoped
public class PollNow {

    /** What poll-now did: one outcome per feed, plus feeds skipped because they were polled moments ago. */
    @Schema(requiredProperties = {"polled", "newResponses", "outcomes", "skipped"})
    public record PollReport(int polled, int newResponses, List<PollOutcome> outcomes, List<String> skipped) {}

    private final SeriesRepository seriesRepository;
    private final ParticipantRepository participants;
    private final AssignmentRepository assignments;
    private final PollScheduler scheduler;
    private final InstantSource clock;
    private final Duration minInterval;

    public PollNow(
            SeriesRepository seriesRepository,
            ParticipantRepository participants,
            AssignmentRepository assignments,
            PollScheduler scheduler,
            InstantSource clock,
            CarnivalConfig config) {
        this.seriesRepository = seriesRepository;
        this.participants = participants;
        this.assignments = assignments;
        this.scheduler = scheduler;
        this.clock = clock;
        this.minInterval = config.poll().manualMinInterval();
    }

    public PollReport series(String slug, Caller caller) {
        List<Feed> feeds = QuarkusTransaction.requiringNew().call(() -> {
            Series series = seriesRepository.require(slug);
            series.requireHostOrGuest(caller, assignments.guestTokenHashes(series));
            return participants.ofSeries(series).stream()
                    .map(p -> p.feed)
                    .distinct()
                    .toList();
        });
        Instant now = clock.instant();
        Map<Boolean, List<Feed>> mayPoll =
                feeds.stream().collect(Collectors.partitioningBy(f -> retryIn(f, now) == null));
        List<Long> due = mayPoll.get(true).stream().map(f -> f.id).toList();
        List<String> skipped = mayPoll.get(false).stream()
                .map(f -> f.url + " was polled less than " + minInterval.toSeconds() + " s ago")
                .toList();
        return report(scheduler.pollNow(due), skipped);
    }

    public PollReport participant(String id, Caller caller) {
        Feed feed = QuarkusTransaction.requiringNew().call(() -> {
            Participant p = participants.require(id);
            p.requireSelfOrHostOrGuest(caller, assignments.guestTokenHashes(p.series));
            if (p.pending()) {
                throw new Conflict("This registration waits for the host's approval: its feed is read once approved.");
            }
            return p.feed;
        });
        Duration wait = retryIn(feed, clock.instant());
        if (wait != null) {
            throw new RateLimited(
                    "This feed was polled less than " + minInterval.toSeconds() + " s ago; try again later.", wait);
        }
        return report(scheduler.pollNow(List.of(feed.id)), List.of());
    }

    /** How long until the feed may be polled on demand again, or null if it may now. */
    private Duration retryIn(Feed feed, Instant now) {
        if (feed.lastPolledAt == null) {
            return null;
        }
        Instant allowed = feed.lastPolledAt.plus(minInterval);
        return allowed.isAfter(now) ? Duration.between(now, allowed) : null;
    }

    private static PollReport report(List<PollOutcome> outcomes, List<String> skipped) {
        int responses = outcomes.stream().mapToInt(PollOutcome::newResponses).sum();
        return new PollReport(outcomes.size(), responses, outcomes, skipped);
    }
}
