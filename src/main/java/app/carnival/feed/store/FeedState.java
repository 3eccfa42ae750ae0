package app.carnival.feed.store;

import java.time.Duration;
import java.time.Instant;

/**
 * A feed row's new polling state after one poll, one kind per outcome; {@link FeedStateWriter}
 * writes each kind with its own statement.
 */
public sealed interface FeedState {

    long feedId();

    Instant polledAt();

    Instant nextPollAt();

    /** The HTTP validators of a 200, sent back on the next poll. */
    record Validators(String etag, String lastModified) {}

    /**
     * 304: the feed is as it was; validators and body hash stay. A success resumes a paused feed.
     *
     * @param movedTo new URL after permanent redirects, else null
     */
    record NotModified(long feedId, Instant polledAt, Instant nextPollAt, String movedTo) implements FeedState {}

    /**
     * A 200: new validators and body hash. A success resumes a paused feed.
     *
     * @param learnt the feed's title and posting rhythm when this poll parsed it, else null (keep the stored ones)
     * @param movedTo new URL after permanent redirects, else null
     */
    record Fetched(
            long feedId,
            int status,
            Instant polledAt,
            Instant nextPollAt,
            Validators validators,
            byte[] bodyHash,
            Learnt learnt,
            String movedTo)
            implements FeedState {}

    /**
     * What a parsed feed tells about itself. A null title or posting interval keeps the stored one; the
     * ttl replaces the stored one, null included (a feed that drops its {@code <ttl>} no longer asks for it).
     */
    record Learnt(String title, Long postingIntervalSeconds, Duration ttl) {}

    /** No usable answer: counted, explained, retried with back-off. {@code status} null when none was received. */
    record Failed(long feedId, Integer status, int errorCount, String error, Instant polledAt, Instant nextPollAt)
            implements FeedState {}

    /** 410 Gone: paused with the reason until a poll-now finds the feed back. */
    record Gone(long feedId, int status, int errorCount, String reason, Instant polledAt, Instant nextPollAt)
            implements FeedState {}
}
