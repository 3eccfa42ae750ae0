package app.carnival.feed.store;

import java.time.Instant;

/**
 * A feed row's new polling state after one poll.
 *
 * @param newValidators the ETag/Last-Modified below replace the stored ones (a 200 was received)
 * @param bodyHash      hash of the body received, null to keep the stored one
 * @param title         feed title, null to keep the stored one
 * @param movedTo       new URL after permanent redirects, else null
 */
public record FeedState(long feedId, Integer status, int errorCount, String error, Instant polledAt, Instant nextPollAt,
                 boolean pause, String pausedReason, boolean newValidators, String etag, String lastModified,
                 byte[] bodyHash, String title, Long postingIntervalSeconds, String movedTo) {
}
