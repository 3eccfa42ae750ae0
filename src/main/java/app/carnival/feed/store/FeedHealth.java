package app.carnival.feed.store;

import java.time.Instant;

/** A feed's polling state as shown to participants and hosts. */
public record FeedHealth(String url, String title, Instant lastPolledAt, Instant nextPollAt, Integer lastStatus,
                         int errorCount, String lastError, boolean paused, String pausedReason) {

    public static FeedHealth of(Feed f) {
        return new FeedHealth(f.url, f.title, f.lastPolledAt, f.nextPollAt, f.lastStatus, f.errorCount, f.lastError,
                f.paused, f.pausedReason);
    }
}
