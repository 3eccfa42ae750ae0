package app.carnival.feed.store;

import app.carnival.feed.parse.EntryPrint;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A feed row's new state after one poll or push, one kind per outcome; {@link FeedStateWriter}
 * writes each kind with its own statement.
 */
public sealed interface FeedState {

    long feedId();

    /** The state after a poll: when it ran and when the next one is due. */
    sealed interface Polled extends FeedState {
        Instant polledAt();

        Instant nextPollAt();
    }

    /** The HTTP validators of a 200, sent back on the next poll. */
    record Validators(String etag, String lastModified) {}

    /**
     * 304: the feed is as it was; validators and body hash stay. A success resumes a paused feed.
     *
     * @param movedTo new URL after permanent redirects, else null
     */
    record NotModified(long feedId, Instant polledAt, Instant nextPollAt, String movedTo) implements Polled {}

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
            implements Polled {}

    /**
     * What a parsed feed tells about itself. A null title or posting interval keeps the stored one; the
     * ttl replaces the stored one, null included (a feed that drops its {@code <ttl>} no longer asks for it).
     *
     * @param entries the entries of the body recorded, for the next poll ({@link FeedClaimer#knownEntries}); null
     *     keeps the stored ones (a push)
     */
    record Learnt(String title, Long postingIntervalSeconds, Duration ttl, List<EntryPrint> entries) {}

    /** No usable answer: counted, explained, retried with back-off. {@code status} null when none was received. */
    record Failed(long feedId, Integer status, int errorCount, String error, Instant polledAt, Instant nextPollAt)
            implements Polled {}

    /** 410 Gone: paused with the reason until a poll-now finds the feed back. */
    record Gone(long feedId, int status, int errorCount, String reason, Instant polledAt, Instant nextPollAt)
            implements Polled {}

    /**
     * A push from the feed's WebSub hub, recorded as a poll's new entries are: the poll schedule, the
     * validators and the body hash stay as the last poll left them (the pushed body may be a part of the
     * feed); the claim taken for it ends.
     *
     * @param learnt the feed's title and posting rhythm when the pushed body was parsed, else null
     */
    record Pushed(long feedId, Learnt learnt) implements FeedState {}
}
