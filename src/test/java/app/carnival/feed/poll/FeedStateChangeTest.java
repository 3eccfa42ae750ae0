package app.carnival.feed.poll;

import static org.assertj.core.api.Assertions.assertThat;

import app.carnival.feed.store.ClaimedFeed;
import org.junit.jupiter.api.Test;

class FeedStateChangeTest {

    static ClaimedFeed claimed(int errorCount) {
        return new ClaimedFeed(7, "https://blog.example/feed", null, null, null, errorCount, null, null, null, null);
    }

    @Test
    void aFeedThatStartsFailingGetsOneWarningAndTheFollowingFailuresNone() {
        PollOutcome failed = PollOutcome.failed(7, "https://blog.example/feed", 500, "HTTP 500 Internal Server Error");
        assertThat(FeedStateChange.of(claimed(0), failed))
                .contains(new FeedStateChange(
                        true, "Feed 7 (https://blog.example/feed) started failing: HTTP 500 Internal Server Error"));
        assertThat(FeedStateChange.of(claimed(1), failed)).isEmpty();
        assertThat(FeedStateChange.of(claimed(9), failed)).isEmpty();
    }

    @Test
    void aPauseIsSaidAsSuch() {
        PollOutcome paused =
                PollOutcome.paused(7, "https://blog.example/feed", 410, "paused: the server says it is gone");
        assertThat(FeedStateChange.of(claimed(0), paused).orElseThrow().message())
                .isEqualTo("Feed 7 (https://blog.example/feed) is paused: the server says it is gone");
        assertThat(FeedStateChange.of(claimed(2), paused)).isEmpty();
    }

    @Test
    void recoveryIsOneInfoLineAndHealthyPollsSayNothing() {
        PollOutcome ok = PollOutcome.notModified(7, "https://blog.example/feed");
        assertThat(FeedStateChange.of(claimed(3), ok))
                .contains(new FeedStateChange(
                        false, "Feed 7 (https://blog.example/feed) works again after 3 failed polls"));
        assertThat(FeedStateChange.of(claimed(1), ok).orElseThrow().message()).endsWith("after 1 failed poll");
        assertThat(FeedStateChange.of(claimed(0), ok)).isEmpty();
    }
}
