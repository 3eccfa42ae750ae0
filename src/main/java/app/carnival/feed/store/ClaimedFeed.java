package app.carnival.feed.store;

import java.time.Duration;
import java.time.Instant;

/**
 * A feed reserved for one poll, with what the poll needs from its row (read in the claim itself).
 *
 * @param postingInterval typical time between the feed's posts, null until learnt
 * @param openUntil       earliest end (grace included) of an open assignment of its series, null when none is open
 * @param ttl             the RSS {@code <ttl>} learnt when the feed was last parsed, null when it gave none
 * @param pushedUntil     end of the lease of the feed's verified WebSub subscription, null when its hub does not push
 */
public record ClaimedFeed(
        long id,
        String url,
        String etag,
        String lastModified,
        byte[] bodyHash,
        int errorCount,
        Duration postingInterval,
        Instant openUntil,
        Duration ttl,
        Instant pushedUntil) {

    /** This claim with the earliest open deadline of its series, known once the claim's series are read. */
    ClaimedFeed withOpenUntil(Instant deadline) {
        return new ClaimedFeed(
                id, url, etag, lastModified, bodyHash, errorCount, postingInterval, deadline, ttl, pushedUntil);
    }
}
