package app.carnival.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import app.carnival.feed.poll.PollOutcome;
import app.carnival.feed.poll.PollResult;
import app.carnival.feed.poll.PollScheduler;
import app.carnival.feed.store.Feed;
import app.carnival.testing.FeedServer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The scheduler claims the next batch while the previous one finishes, each claim twice the one before
 * (one feed, then two, then four, the batch size): seven due feeds are each polled once, and each one's
 * state is recorded when the cycle returns.
 */
@QuarkusTest
@TestProfile(PollBatchesTest.GrowingClaims.class)
class PollBatchesTest {

    public static class GrowingClaims implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("carnival.poll.batch-size", "4", "carnival.poll.parallelism", "1");
        }
    }

    @Inject
    PollScheduler scheduler;

    @Test
    void everyDueFeedIsPolledOnceAcrossOverlappingBatches() throws Exception {
        try (FeedServer server = new FeedServer()) {
            String token = Api.createSeries("poll-batches", "pollbatches");
            List<String> feeds = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                String site = OrphanFeedTest.blogWithOnePost(server, "/batch" + i, "pollbatches");
                Api.register("poll-batches", "Blogger " + i, site, site + "/feed");
                feeds.add(site + "/feed");
            }
            assertThat(token).isNotBlank();
            Map<String, Integer> before = new HashMap<>();
            feeds.forEach(url -> before.put(url, requestsFor(server, url)));

            List<PollOutcome> outcomes = scheduler.pollDue();

            List<String> polled = outcomes.stream()
                    .map(PollOutcome::feedUrl)
                    .filter(feeds::contains)
                    .toList();
            assertThat(polled).containsExactlyInAnyOrderElementsOf(feeds);
            assertThat(outcomes)
                    .filteredOn(o -> feeds.contains(o.feedUrl()))
                    .allSatisfy(o -> assertThat(o.result()).isEqualTo(PollResult.UPDATED));
            feeds.forEach(url -> assertThat(requestsFor(server, url) - before.get(url))
                    .as(url)
                    .isOne());
            QuarkusTransaction.requiringNew().run(() -> {
                for (String url : feeds) {
                    Feed feed = Feed.<Feed>find("url", url).firstResult();
                    assertThat(feed.lastPolledAt).as(url).isNotNull();
                    assertThat(feed.leasedUntil).as(url).isNull();
                }
            });
        }
    }

    private static int requestsFor(FeedServer server, String url) {
        return server.requests(URI.create(url).getPath()).size();
    }
}
