package app.carnival.feed.poll;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What one poll of one feed did, as reported by poll-now.
 *
 * @param feedUrl  null when the feed was {@code busy} (not read)
 * @param result   {@code updated}, {@code not-modified}, {@code error}, {@code paused} or {@code busy} (another poll holds the feed)
 * @param status   HTTP status of the final response, null when none was received
 * @param error    readable reason when the poll failed, else null
 */
@Schema(
        requiredProperties = {
            "feedId",
            "feedUrl",
            "result",
            "status",
            "entries",
            "newPosts",
            "updatedPosts",
            "newResponses",
            "error"
        })
public record PollOutcome(
        long feedId,
        @Schema(nullable = true) String feedUrl,
        PollResult result,
        @Schema(nullable = true) Integer status,
        int entries,
        int newPosts,
        int updatedPosts,
        int newResponses,
        @Schema(nullable = true) String error) {

    static PollOutcome busy(long feedId) {
        return new PollOutcome(feedId, null, PollResult.BUSY, null, 0, 0, 0, 0, "the feed is being polled right now");
    }

    static PollOutcome notModified(long feedId, String url) {
        return new PollOutcome(feedId, url, PollResult.NOT_MODIFIED, 304, 0, 0, 0, 0, null);
    }

    static PollOutcome failed(long feedId, String url, Integer status, String error) {
        return new PollOutcome(feedId, url, PollResult.ERROR, status, 0, 0, 0, 0, error);
    }

    static PollOutcome paused(long feedId, String url, Integer status, String reason) {
        return new PollOutcome(feedId, url, PollResult.PAUSED, status, 0, 0, 0, 0, reason);
    }
}
