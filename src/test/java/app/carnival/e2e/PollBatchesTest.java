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
            List<String> feeds = registerBlogs(server, "poll-batches", "pollbatches", 7);
            Map<String, Integer> before = requestsBefore(server, feeds);

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

    /** A new series and {@code count} blogs in it, each with one post; their feeds' URLs. */
    static List<String> registerBlogs(FeedServer server, String slug, String hashtag, int count) {
        assertThat(Api.createSeries(slug, hashtag)).isNotBlank();
        List<String> feeds = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String site = OrphanFeedTest.blogWithOnePost(server, "/" + slug + i, hashtag);
            Api.register(slug, "Blogger " + i, site, site + "/feed");
            feeds.add(site + "/feed");
        }
        return feeds;
    }

    /** How many times each feed was requested so far (registration reads it too). */
    static Map<String, Integer> requestsBefore(FeedServer server, List<String> feeds) {
        Map<String, Integer> before = new HashMap<>();
        feeds.forEach(url -> before.put(url, requestsFor(server, url)));
        return before;
    }

    static int requestsFor(FeedServer server, String url) {
        return server.requests(URI.create(url).getPath()).size();
    }
}
