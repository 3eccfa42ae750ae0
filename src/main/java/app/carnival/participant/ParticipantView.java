package app.carnival.participant;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A participant as listed; {@code participantToken} only in the answer to the registration.
 *
 * @param origin {@code REGISTERED} by the blogger, or {@code DISCOVERED} by an intake that found one of its posts
 * @param reminders whether the participant gets deadline reminders by mail (its address is never shown)
 * @param status {@code APPROVED}, or {@code PENDING} while a registration waits for the host's approval
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(
        requiredProperties = {
            "id",
            "series",
            "name",
            "blogUrl",
            "feedUrl",
            "origin",
            "status",
            "reminders",
            "registeredAt"
        })
public record ParticipantView(
        long id,
        String series,
        String name,
        String blogUrl,
        String feedUrl,
        String avatarUrl,
        Participant.Origin origin,
        Participant.Status status,
        boolean reminders,
        Instant registeredAt,
        String participantToken) {

    public static ParticipantView of(Participant p) {
        return new ParticipantView(
                p.id,
                p.series.slug,
                p.name,
                p.blogUrl,
                p.feed.url,
                p.avatarUrl,
                p.origin,
                p.status,
                p.email != null,
                p.createdAt,
                null);
    }

    public ParticipantView withToken(String token) {
        return new ParticipantView(
                id, series, name, blogUrl, feedUrl, avatarUrl, origin, status, reminders, registeredAt, token);
    }
}
