package app.carnival.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import app.carnival.feed.poll.PollScheduler;
import app.carnival.feed.store.Feed;
import app.carnival.testing.FeedServer;
import app.carnival.testing.TestClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The scheduler wakes when the next feed falls due, not at its next tick (5 s by default). The clock is
 * moved a year and more ahead, past every other test's feeds, so only this test's feeds can fall due.
 */
@QuarkusTest
class PollOnTimeTest {

    @RegisterExtension
    static final FeedServer server = new FeedServer();

    @Inject
    PollScheduler scheduler;

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theSchedulerWaitsUntilTheNextFeedFallsDueWhenThatComesBeforeTheTick() {
        Api.createSeries("on-time", "ontime");
        String site = OrphanFeedTest.blogWithOnePost(server, "/on-time", "ontime");
        Api.register("on-time", "Punctual", site, site + "/feed");
        String paused = OrphanFeedTest.blogWithOnePost(server, "/on-time-paused", "ontime");
        Api.register("on-time", "Paused", paused, paused + "/feed");
        clock.advance(Duration.ofDays(400));
        Instant now = clock.instant();
        dueAt(site + "/feed", now.plus(Duration.ofHours(1)));
        pausedAndDueAt(paused + "/feed", now.plusMillis(500));

        assertThat(scheduler.untilNextPoll(now))
                .as("nothing falls due within the tick")
                .isEqualTo(Duration.ofSeconds(5));

        dueAt(site + "/feed", now.plusSeconds(2));
        assertThat(scheduler.untilNextPoll(now))
                .as("the feed falls due 2 s after the clock read above")
                .isBetween(Duration.ofMillis(1), Duration.ofSeconds(2));

        // Fell due after the poll that just ended had started, so its claims may have missed it: at once.
        dueAt(site + "/feed", now.minusMillis(100));
        assertThat(scheduler.untilNextPoll(now.minusSeconds(1))).isNegative();
        // Due before that poll started: that poll took it, or another poll holds it.
        assertThat(scheduler.untilNextPoll(now)).isEqualTo(Duration.ofSeconds(5));
    }

    private static void dueAt(String url, Instant due) {
        schedule(url, due, false);
    }

    private static void pausedAndDueAt(String url, Instant due) {
        schedule(url, due, true);
    }

    /** Due at {@code due}; paused too if asked (a paused feed stays paused). */
    private static void schedule(String url, Instant due, boolean pause) {
        QuarkusTransaction.requiringNew()
                .run(() -> Feed.getEntityManager()
                        .createNativeQuery("UPDATE feed_schedule SET next_poll_at = ?1, paused = paused OR ?2"
                                + " WHERE feed_id = (SELECT id FROM feed WHERE url = ?3)")
                        .setParameter(1, due)
                        .setParameter(2, pause)
                        .setParameter(3, url)
                        .executeUpdate());
    }
}
