package app.carnival.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import app.carnival.feed.poll.PollOutcome;
import app.carnival.feed.poll.PollResult;
import app.carnival.feed.poll.PollScheduler;
import app.carnival.testing.FeedServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A claimed feed whose lease ends while it waits for a poller is not fetched: another claim may hold it by then.
 * One poller, a lease of a second, feeds that take 1.2 s to answer: the second claim's feeds wait behind the first
 * claim's feed past their lease, and the third claim takes them again. Each is fetched once, not twice.
 */
@QuarkusTest
@TestProfile(PollLeaseTest.ShortLease.class)
class PollLeaseTest {

    public static class ShortLease implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "carnival.poll.lease", "1s",
                    "carnival.poll.parallelism", "1",
                    "carnival.poll.batch-size", "4");
        }
    }

    @Inject
    PollScheduler scheduler;

    @Test
    void aFeedQueuedPastItsLeaseIsLeftToTheClaimThatHoldsItNow() throws Exception {
        scheduler.pollDue(); // what other tests left due, so that this test's feeds are claimed alone
        try (FeedServer server = new FeedServer()) {
            List<String> feeds = PollBatchesTest.registerBlogs(server, "poll-lease", "polllease", 3);
            Map<String, Integer> before = PollBatchesTest.requestsBefore(server, feeds);
            feeds.forEach(url -> server.delay(URI.create(url).getPath(), Duration.ofMillis(1200)));

            List<PollOutcome> outcomes = new ArrayList<>();
            for (int cycle = 0; cycle < 5 && !allUpdated(outcomes, feeds); cycle++) {
                outcomes.addAll(scheduler.pollDue());
            }

            assertThat(allUpdated(outcomes, feeds)).isTrue();
            feeds.forEach(url -> assertThat(PollBatchesTest.requestsFor(server, url) - before.get(url))
                    .as(url)
                    .isOne());
            assertThat(outcomes).anySatisfy(o -> assertThat(o.result()).isEqualTo(PollResult.BUSY));
        }
    }

    private static boolean allUpdated(List<PollOutcome> outcomes, List<String> feeds) {
        return feeds.stream()
                .allMatch(url ->
                        outcomes.stream().anyMatch(o -> url.equals(o.feedUrl()) && o.result() == PollResult.UPDATED));
    }
}
