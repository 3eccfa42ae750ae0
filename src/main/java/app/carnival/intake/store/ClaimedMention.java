package app.carnival.intake.store;

import java.util.UUID;

/** A queued candidate reserved for one verification, with what the verification needs from its row. */
public record ClaimedMention(
        UUID id,
        long assignmentId,
        Mention.Channel channel,
        String foundBy,
        String sourceUrl,
        String targetUrl,
        int attempts) {}
