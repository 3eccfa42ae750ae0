package app.carnival.intake;

import app.carnival.intake.store.Mention;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Where a Webmention (or any intake candidate) stands, for its sender and the host.
 *
 * @param channel    the intake that named the source first
 * @param responseId the response it became, once there is one
 */
@Schema(requiredProperties = {"id", "status", "channel", "detail", "source", "target", "updatedAt"})
public record MentionStatus(
        UUID id,
        Status status,
        Mention.Channel channel,
        String detail,
        String source,
        String target,
        @Schema(nullable = true) Long responseId,
        Instant updatedAt) {

    /** queued: waiting for verification; accepted: in the round-up; pending: waiting for the host; rejected: not a response. */
    @Schema(enumeration = {"queued", "accepted", "pending", "rejected"})
    public enum Status {
        QUEUED,
        ACCEPTED,
        PENDING,
        REJECTED;

        @JsonValue
        public String json() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
