package app.carnival.feed.store;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A feed's polling state as shown to participants and hosts: null until the feed has a title, has been polled,
 * has failed or has been paused. (OpenAPI 3.0 cannot make a {@code $ref} nullable, hence the inline date-time.)
 */
@Schema(
        requiredProperties = {
            "url",
            "title",
            "lastPolledAt",
            "nextPollAt",
            "lastStatus",
            "errorCount",
            "lastError",
            "paused",
            "pausedReason"
        })
public record FeedHealth(
        String url,
        @Schema(nullable = true) String title,

        @Schema(nullable = true, implementation = String.class, format = "date-time")
        Instant lastPolledAt,

        Instant nextPollAt,
        @Schema(nullable = true) Integer lastStatus,
        int errorCount,
        @Schema(nullable = true) String lastError,
        boolean paused,
        @Schema(nullable = true) String pausedReason) {

    public static FeedHealth of(Feed f) {
        return new FeedHealth(
                f.url,
                f.title,
                f.lastPolledAt,
                f.nextPollAt,
                f.lastStatus,
                f.errorCount,
                f.lastError,
                f.paused,
                f.pausedReason);
    }
}
